#include "flink/failuredetector.h"

#include <QTest>

using namespace capstan;

namespace {
Deployment running(const QString &jobId, qint64 generation = 1, const QString &jobState = QStringLiteral("RUNNING"))
{
    Deployment d;
    d.uid = QStringLiteral("dep-1");
    d.name = QStringLiteral("github-analytics");
    d.ns = QStringLiteral("default");
    d.jobId = jobId;
    d.generation = generation;
    d.lifecycleState = QStringLiteral("STABLE");
    d.jobState = jobState;
    return d;
}
ClusterEvent exception(const QString &uid, int count, const QDateTime &at)
{
    ClusterEvent e;
    e.uid = uid;
    e.ns = QStringLiteral("default");
    e.type = QStringLiteral("Warning");
    e.reason = QStringLiteral("JobException");
    e.message = QStringLiteral("java.lang.IllegalStateException: New feature enabled\n\tat Foo.bar");
    e.count = count;
    e.lastTimestamp = at;
    e.involvedUid = QStringLiteral("dep-1");
    e.involvedName = QStringLiteral("github-analytics");
    return e;
}
} // namespace

class TestFailureDetector : public QObject
{
    Q_OBJECT

private slots:
    void restartLoopFromEventsThenRecovery();
    void restartCountGrowth();
    void suspendClearsAtOnce();
    void oldEventsReplayedByRelistDoNotCount();
    void failedJobIsFailing();
    void deletedEventsAreForgotten();
};

void TestFailureDetector::restartLoopFromEventsThenRecovery()
{
    FailureDetector detector(120, 2);
    QDateTime now = QDateTime::currentDateTimeUtc();
    detector.observeDeployment(running(QStringLiteral("a")), now);
    QVERIFY(!detector.status(QStringLiteral("dep-1")).failing);
    detector.observeEvent(exception(QStringLiteral("e1"), 1, now), now);
    QVERIFY(!detector.status(QStringLiteral("dep-1")).failing); // one restart is not a loop
    QVERIFY(detector.observeEvent(exception(QStringLiteral("e1"), 3, now), now)); // deduplicated event, count grew
    const FailureStatus status = detector.status(QStringLiteral("dep-1"));
    QVERIFY(status.failing);
    QCOMPARE(status.restarts, 3);
    QCOMPARE(status.rootCause, QStringLiteral("java.lang.IllegalStateException: New feature enabled"));
    // Nothing new for longer than the window: it clears.
    now = now.addSecs(121);
    QCOMPARE(detector.expire(now), QList<QString>{QStringLiteral("dep-1")});
    QVERIFY(!detector.status(QStringLiteral("dep-1")).failing);
}

void TestFailureDetector::restartCountGrowth()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    detector.observeDeployment(running(QStringLiteral("a")), now);
    detector.observeRestartCount(QStringLiteral("dep-1"), 0, now);
    detector.observeRestartCount(QStringLiteral("dep-1"), 4, now.addSecs(5));
    QVERIFY(detector.status(QStringLiteral("dep-1")).failing);
    QCOMPARE(detector.status(QStringLiteral("dep-1")).restarts, 4);
}

void TestFailureDetector::suspendClearsAtOnce()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    detector.observeDeployment(running(QStringLiteral("a")), now);
    detector.observeEvent(exception(QStringLiteral("e1"), 5, now), now);
    QVERIFY(detector.status(QStringLiteral("dep-1")).failing);
    Deployment suspended = running(QStringLiteral("a"), 2, QStringLiteral("FINISHED"));
    suspended.lifecycleState = QStringLiteral("SUSPENDED");
    QVERIFY(detector.observeDeployment(suspended, now.addSecs(3)));
    QVERIFY(!detector.status(QStringLiteral("dep-1")).failing);
    // Started again (same job id: last-state) and healthy: stays clear.
    detector.observeDeployment(running(QStringLiteral("a"), 3), now.addSecs(10));
    QVERIFY(!detector.status(QStringLiteral("dep-1")).failing);
}

void TestFailureDetector::oldEventsReplayedByRelistDoNotCount()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    detector.observeDeployment(running(QStringLiteral("a")), now);
    QVERIFY(!detector.observeEvent(exception(QStringLiteral("old"), 40, now.addSecs(-3600)), now));
    QVERIFY(!detector.status(QStringLiteral("dep-1")).failing);
}

void TestFailureDetector::failedJobIsFailing()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(detector.observeDeployment(running(QStringLiteral("a"), 1, QStringLiteral("FAILED")), now));
    QVERIFY(detector.status(QStringLiteral("dep-1")).failing);
    QCOMPARE(detector.status(QStringLiteral("dep-1")).rootCause, QStringLiteral("Job state FAILED"));
}

// Under a steady stream of restart events the counts kept for deduplication must not grow without
// bound: an event deleted on the server (or its deployment) takes its count along.
void TestFailureDetector::deletedEventsAreForgotten()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    detector.observeDeployment(running(QStringLiteral("a")), now);
    for (int i = 0; i < 100; ++i)
        detector.observeEvent(exception(QStringLiteral("e%1").arg(i), 1, now), now);
    QCOMPARE(detector.knownEventCount(), 100);
    for (int i = 0; i < 60; ++i)
        detector.forgetEvent(QStringLiteral("e%1").arg(i));
    QCOMPARE(detector.knownEventCount(), 40);
    detector.forgetEvent(QStringLiteral("never-seen"));
    QCOMPARE(detector.knownEventCount(), 40);
    // A count still known still deduplicates: the same count again adds nothing.
    QVERIFY(!detector.observeEvent(exception(QStringLiteral("e99"), 1, now), now));
    detector.forget(QStringLiteral("dep-1"));
    QCOMPARE(detector.knownEventCount(), 0);
}

QTEST_APPLESS_MAIN(TestFailureDetector)
#include "tst_failuredetector.moc"
