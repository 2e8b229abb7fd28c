#include "ui/timeticks.h"

#include <QDateTime>
#include <QLocale>

#include <array>

namespace capstan {

namespace {

constexpr qint64 SecondMs = 1000;
constexpr qint64 MinuteMs = 60 * SecondMs;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

constexpr std::array kSteps{SecondMs,      2 * SecondMs,  5 * SecondMs, 10 * SecondMs, 15 * SecondMs,
                            30 * SecondMs, MinuteMs,      2 * MinuteMs, 5 * MinuteMs,  10 * MinuteMs,
                            15 * MinuteMs, 30 * MinuteMs, HourMs,       2 * HourMs,    3 * HourMs,
                            6 * HourMs,    12 * HourMs,   DayMs,        2 * DayMs,     7 * DayMs};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

QList<TimeTick> timeTicks(qint64 fromMs, qint64 toMs, double widthPx, double minSpacingPx)
{
    QList<TimeTick> ticks;
    if (toMs <= fromMs || widthPx <= 0 || minSpacingPx <= 0)
        return ticks;
    const double span = double(toMs - fromMs);
    const double needed = span * minSpacingPx / widthPx;
    qint64 step = kSteps.back();
    for (qint64 candidate : kSteps) {
        if (double(candidate) >= needed) {
            step = candidate;
            break;
        }
    }
    if (double(step) < needed) // longer than weeks: whole multiples of the longest step
        step *= qint64(needed / double(step)) + 1;

    // Round in local time: the offset at the start of the range (a DST change inside it shifts the
    // ticks after it by an hour, which still reads correctly).
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(fromMs).offsetFromUtc()) * SecondMs;
    qint64 t = (floorDiv(fromMs + offset - 1, step) + 1) * step - offset;
    const QLocale locale;
    for (; t <= toMs; t += step) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(t);
        const QTime time = local.time();
        QString label;
        if (step < MinuteMs)
            label = local.toString(QStringLiteral("HH:mm:ss"));
        else if (step >= 10 * MinuteMs && time.hour() == 0 && time.minute() == 0)
            label = locale.toString(local.date(), QStringLiteral("MMM d")); // the day changes here
        else
            label = local.toString(QStringLiteral("HH:mm"));
        ticks.append({t, label});
    }
    return ticks;
}

} // namespace capstan
