// Ticks of the Metrics tab's time axis: round local times, far enough apart for their labels, the
// day named where it changes.

#include "ui/timeticks.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using namespace capstan;

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

qint64 localTime(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second)).toMSecsSinceEpoch();
}

} // namespace

class TestTimeTicks : public QObject
{
    Q_OBJECT

private slots:
    void hourAtRoundMinutes();
    void weekAtMidnights();
    void dayNamesItsMidnight();
    void secondsWhenNarrow();
    void nothingForAnEmptyRange();
};

void TestTimeTicks::hourAtRoundMinutes()
{
    // 10:03:17 to 11:03:17 across 1100 px: every 10 minutes (6 ticks of ≥ 110 px), on the minute.
    const qint64 from = localTime(2026, 11, 25, 10, 3, 17);
    const auto ticks = timeTicks(from, from + HourMs, 1100);
    QCOMPARE(ticks.size(), 6);
    QCOMPARE(ticks.first().label, QStringLiteral("10:10"));
    QCOMPARE(ticks.last().label, QStringLiteral("11:00"));
    for (int i = 0; i < ticks.size(); ++i) {
        QVERIFY(ticks[i].timeMs >= from && ticks[i].timeMs <= from + HourMs);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(ticks[i].timeMs).time().second(), 0);
        if (i > 0)
            QCOMPARE(ticks[i].timeMs - ticks[i - 1].timeMs, 10 * MinuteMs);
    }
}

void TestTimeTicks::weekAtMidnights()
{
    const qint64 from = localTime(2026, 11, 18, 3, 18, 19);
    const auto ticks = timeTicks(from, from + 7 * DayMs, 1100);
    QCOMPARE(ticks.size(), 7); // Nov 19 … Nov 25
    for (const TimeTick &tick : ticks) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(tick.timeMs);
        QCOMPARE(local.time(), QTime(0, 0));
        QCOMPARE(tick.label, QLocale().toString(local.date(), QStringLiteral("MMM d")));
    }
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(ticks.first().timeMs).date(), QDate(2026, 11, 19));
}

void TestTimeTicks::dayNamesItsMidnight()
{
    // 24 hours from 14:00: every 3 hours from midnight, and the midnight tick names the new day.
    const qint64 from = localTime(2026, 11, 24, 14, 0, 0);
    const auto ticks = timeTicks(from, from + DayMs, 1100);
    QStringList labels;
    for (const TimeTick &tick : ticks)
        labels << tick.label;
    QCOMPARE(labels.first(), QStringLiteral("15:00")); // multiples of 3 hours
    QVERIFY2(labels.contains(QLocale().toString(QDate(2026, 11, 25), QStringLiteral("MMM d"))),
             qPrintable(labels.join(QLatin1Char(' '))));
    QVERIFY(labels.contains(QStringLiteral("03:00")));
    QVERIFY(!labels.contains(QStringLiteral("00:00")));
}

void TestTimeTicks::secondsWhenNarrow()
{
    const qint64 from = localTime(2026, 11, 25, 10, 0, 1);
    const auto ticks = timeTicks(from, from + 30 * 1000, 1100);
    QCOMPARE(ticks.size(), 6); // every 5 s
    QCOMPARE(ticks.first().label, QStringLiteral("10:00:05"));
    // A narrow chart gets fewer ticks, never closer than the spacing asked for.
    const auto few = timeTicks(from, from + HourMs, 300);
    QVERIFY(few.size() >= 1 && few.size() <= 3);
    for (int i = 1; i < few.size(); ++i)
        QVERIFY(double(few[i].timeMs - few[i - 1].timeMs) / HourMs * 300 >= 110);
}

void TestTimeTicks::nothingForAnEmptyRange()
{
    QVERIFY(timeTicks(1000, 1000, 800).isEmpty());
    QVERIFY(timeTicks(2000, 1000, 800).isEmpty());
    QVERIFY(timeTicks(1000, 2000, 0).isEmpty());
    // Months of range on a small chart: still a handful of ticks, not thousands.
    QVERIFY(timeTicks(0, 400 * DayMs, 500).size() <= 5);
}

QTEST_GUILESS_MAIN(TestTimeTicks)
#include "tst_timeticks.moc"
