// ServerClock: the offset to the API server's clock from Date headers of 1 s resolution, bounded
// by send and receive times; steady under jitter, following a clock that runs fast and one that is
// set anew.

#include "kube/serverclock.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <random>
#include <thread>

using namespace capstan;

namespace {

constexpr qint64 kStart = 1'800'000'000'000; // local ms since the epoch where each scenario starts

// One exchange with a server whose clock reads serverAt(local): the request takes `up` ms to
// arrive, the answer `down` ms to return, and the Date header truncates to the second.
template <typename ServerAt>
void exchange(ServerClock &clock, ServerAt serverAt, qint64 sentMs, qint64 up, qint64 down)
{
    const qint64 stampedAt = sentMs + up;
    const qint64 serverMs = serverAt(stampedAt);
    const qint64 second = serverMs - (((serverMs % 1000) + 1000) % 1000);
    clock.observe(ServerClock::formatHttpDate(second), sentMs, stampedAt + down);
}

} // namespace

class TestServerClock : public QObject
{
    Q_OBJECT

private slots:
    void parsesHttpDates_data();
    void parsesHttpDates();
    void unknownIsLocal();
    void offsetFromOneSecondDates();
    void steadyAgainstJitter();
    void followsAFastClock();
    void followsAClockSetAnew();
    void readsWhileWritten();
};

void TestServerClock::parsesHttpDates_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << t;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << t;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << t;
    QTest::newRow("2026") << QByteArray("Wed, 02 Dec 2026 22:00:17 GMT")
                          << QDateTime(QDate(2026, 12, 2), QTime(22, 0, 17), Qt::UTC);
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestServerClock::parsesHttpDates()
{
    QFETCH(QByteArray, header);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = ServerClock::parseHttpDate(header);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(ServerClock::parseHttpDate(ServerClock::formatHttpDate(parsed.toMSecsSinceEpoch() + 999)), expected);
    }
}

void TestServerClock::unknownIsLocal()
{
    ServerClock clock;
    QVERIFY(!clock.isKnown());
    QCOMPARE(clock.skewMs(), 0);
    QCOMPARE(clock.serverTimeAt(kStart), kStart);
    clock.observe("not a date", kStart, kStart + 10);
    QVERIFY(!clock.isKnown());
    QVERIFY(std::abs(ServerClock::nowMsOrLocal(nullptr) - QDateTime::currentMSecsSinceEpoch()) < 1000);
}

void TestServerClock::offsetFromOneSecondDates()
{
    // Two hours and 345 ms ahead. One answer bounds the offset to a second plus the round trip;
    // answers at other fractions of the second narrow it to the gaps between those fractions.
    const qint64 offset = 2 * 3600 * 1000 + 345;
    const auto server = [offset](qint64 local) { return local + offset; };
    ServerClock clock;
    exchange(clock, server, kStart, 20, 20);
    QVERIFY(clock.isKnown());
    QVERIFY2(std::abs(clock.serverTimeAt(kStart + 40) - server(kStart + 40)) <= 540,
             qPrintable(QString::number(clock.serverTimeAt(kStart + 40) - server(kStart + 40))));
    QCOMPARE(clock.driftRate(), 0.0);
    for (int i = 1; i <= 12; ++i)
        exchange(clock, server, kStart + i * 1370, 15, 15);
    const qint64 at = kStart + 20000;
    QVERIFY2(std::abs(clock.serverTimeAt(at) - server(at)) <= 60,
             qPrintable(QString::number(clock.serverTimeAt(at) - server(at))));
    QVERIFY2(clock.uncertaintyMs() <= 150, qPrintable(QString::number(clock.uncertaintyMs())));
    QCOMPARE(clock.driftRate(), 0.0);
}

void TestServerClock::steadyAgainstJitter()
{
    // A clock 90 s behind, answers with round trips from 2 ms to 3 s: the estimate never strays
    // beyond what the answers allow, and a slow answer does not pull a settled estimate.
    const qint64 offset = -90'000;
    const auto server = [offset](qint64 local) { return local + offset; };
    std::mt19937 random(7);
    std::uniform_int_distribution<int> delay(1, 100);
    ServerClock clock;
    qint64 t = kStart;
    for (int i = 0; i < 40; ++i) {
        const qint64 up = i % 9 == 4 ? 1500 : delay(random);
        const qint64 down = i % 9 == 4 ? 1500 : delay(random);
        exchange(clock, server, t, up, down);
        t += up + down + 250 + delay(random) * 7;
        const qint64 error = clock.serverTimeAt(t) - server(t);
        QVERIFY2(std::abs(error) <= (i < 5 ? 1600 : 250),
                 qPrintable(QStringLiteral("answer %1: off by %2 ms").arg(i).arg(error)));
    }
    const qint64 before = clock.serverTimeAt(t);
    exchange(clock, server, t, 4000, 4000); // an answer that bounds nothing new
    QCOMPARE(clock.serverTimeAt(t), before);
    QCOMPARE(clock.driftRate(), 0.0);
}

void TestServerClock::followsAFastClock()
{
    // A sandbox at speed 60 that started two hours ahead: its offset grows by 59 s each second.
    // Once three answers agree on the rate, the estimate runs with it between answers.
    const auto server = [](qint64 local) { return kStart + 7'200'000 + (local - kStart) * 60; };
    ServerClock clock;
    qint64 t = kStart;
    for (int i = 0; i < 8; ++i) {
        exchange(clock, server, t, 10, 10);
        t += 1000;
    }
    QVERIFY2(std::abs(clock.driftRate() - 59) < 1.5, qPrintable(QString::number(clock.driftRate())));
    // Five seconds after the last answer: 300 s of the server's time have passed.
    const qint64 at = t + 5000;
    QVERIFY2(std::abs(clock.serverTimeAt(at) - server(at)) < 3000,
             qPrintable(QString::number(clock.serverTimeAt(at) - server(at))));
    // Real time keeps its pace: ages grow sixty times as fast.
    QVERIFY(clock.serverTimeAt(at + 1000) - clock.serverTimeAt(at) > 55'000);
}

void TestServerClock::followsAClockSetAnew()
{
    // A server whose clock is corrected by an hour: the newest answer wins over the older ones,
    // and the jump is not taken for a fast clock.
    qint64 offset = 1500;
    const auto server = [&offset](qint64 local) { return local + offset; };
    ServerClock clock;
    qint64 t = kStart;
    for (int i = 0; i < 10; ++i, t += 1000)
        exchange(clock, server, t, 10, 10);
    QVERIFY(std::abs(clock.serverTimeAt(t) - server(t)) < 150);
    offset = 3'600'000 + 1500;
    exchange(clock, server, t, 10, 10);
    QVERIFY2(std::abs(clock.serverTimeAt(t + 20) - server(t + 20)) < 1100,
             qPrintable(QString::number(clock.serverTimeAt(t + 20) - server(t + 20))));
    QCOMPARE(clock.driftRate(), 0.0);
    for (int i = 0; i < 6; ++i) {
        t += 1000;
        exchange(clock, server, t, 10, 10);
        QVERIFY2(std::abs(clock.driftRate()) < 0.01, qPrintable(QString::number(clock.driftRate())));
    }
    QVERIFY(std::abs(clock.serverTimeAt(t + 60'000) - server(t + 60'000)) < 600);
}

void TestServerClock::readsWhileWritten()
{
    // Written on the backend thread, read from the GUI thread.
    ServerClock clock;
    std::atomic<bool> done{false};
    std::thread writer([&clock, &done] {
        for (int i = 0; i < 20000; ++i)
            exchange(
                clock, [](qint64 local) { return local + 60'000; }, kStart + i * 100, 5, 5);
        done = true;
    });
    qint64 reads = 0;
    while (!done) {
        const qint64 skew = clock.isKnown() ? clock.serverTimeAt(kStart) - kStart : 60'000;
        QVERIFY(std::abs(skew - 60'000) <= 1100);
        ++reads;
    }
    writer.join();
    QVERIFY(reads > 0);
    QVERIFY(std::abs(clock.serverTimeAt(kStart) - kStart - 60'000) <= 1100);
}

QTEST_GUILESS_MAIN(TestServerClock)
#include "tst_serverclock.moc"
