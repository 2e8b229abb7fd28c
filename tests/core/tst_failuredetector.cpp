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
Pod jobManager(const QString &waitingReason, const QString &message = {})
{
    Pod p;
    p.uid = QStringLiteral("jm-pod");
    p.name = QStringLiteral("github-analytics-7d9c6b5f8d-m2x8q");
    p.ns = QStringLiteral("default");
    p.deployment = QStringLiteral("github-analytics");
    p.component = PodComponent::JobManager;
    p.phase = QStringLiteral("Running");
    ContainerStatus c;
    c.name = Pod::mainContainerName;
    if (waitingReason.isEmpty()) {
        c.state.kind = ContainerState::Kind::Running;
        c.ready = true;
    } else {
        c.state.kind = ContainerState::Kind::Waiting;
        c.state.reason = waitingReason;
        c.state.message = message;
        c.restartCount = 3;
        c.lastState.kind = ContainerState::Kind::Terminated;
        c.lastState.reason = QStringLiteral("Error");
        c.lastState.exitCode = 1;
    }
    p.containers = {c};
    return p;
}
Pod oomTaskManager(const QDateTime &finished)
{
    Pod p;
    p.uid = QStringLiteral("tm-pod-") + QString::number(finished.toSecsSinceEpoch());
    p.name = QStringLiteral("github-analytics-taskmanager-1-2");
    p.ns = QStringLiteral("default");
    p.deployment = QStringLiteral("github-analytics");
    p.component = PodComponent::TaskManager;
    p.phase = QStringLiteral("Failed");
    ContainerStatus c;
    c.name = Pod::mainContainerName;
    c.state.kind = ContainerState::Kind::Terminated;
    c.state.reason = QStringLiteral("OOMKilled");
    c.state.exitCode = 137;
    c.state.finishedAt = finished;
    p.containers = {c};
    return p;
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
    void jobManagerCrashLoopNamesTheLogCause();
    void jobManagerImagePull();
    void unschedulablePod();
    void taskManagerOomKilledFailsForTheWindow();
    void oldOomReplayedByRelistDoesNotCount();
    void deploymentStatusError();
    void podCauseClearsWhenThePodRecovers();
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

void TestFailureDetector::jobManagerCrashLoopNamesTheLogCause()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString uid = QStringLiteral("dep-1");
    detector.observeDeployment(running(QStringLiteral("a")), now);
    QVERIFY(detector.observePods(uid, {jobManager(QStringLiteral("CrashLoopBackOff"))}, now));
    QVERIFY(detector.status(uid).failing);
    QCOMPARE(detector.status(uid).rootCause, QStringLiteral("JobManager is crash-looping: Error (exit 1)"));
    // The previous container's log names the cause.
    QVERIFY(detector.observeLogCause(uid, QStringLiteral("ClassNotFoundException: com.example.Main"), now));
    QCOMPARE(detector.status(uid).rootCause,
             QStringLiteral("JobManager is crash-looping: ClassNotFoundException: com.example.Main"));
    // Still crash-looping at the next pod update: the cause stays.
    detector.observePods(uid, {jobManager(QStringLiteral("CrashLoopBackOff"))}, now.addSecs(30));
    QCOMPARE(detector.status(uid).rootCause,
             QStringLiteral("JobManager is crash-looping: ClassNotFoundException: com.example.Main"));
}

void TestFailureDetector::jobManagerImagePull()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString uid = QStringLiteral("dep-1");
    detector.observeDeployment(running(QString(), 1, QString()), now);
    Pod pod = jobManager(QStringLiteral("ImagePullBackOff"), QStringLiteral("Back-off pulling image \"flink:1.99\""));
    pod.phase = QStringLiteral("Pending");
    QVERIFY(detector.observePods(uid, {pod}, now));
    const FailureStatus status = detector.status(uid);
    QVERIFY(status.failing);
    QVERIFY2(status.rootCause.startsWith(QLatin1String("JobManager cannot pull its image (ImagePullBackOff): Back-off "
                                                       "pulling image \"flink:1.99\"")),
             qPrintable(status.rootCause));
}

void TestFailureDetector::unschedulablePod()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString uid = QStringLiteral("dep-1");
    detector.observeDeployment(running(QStringLiteral("a")), now);
    Pod pod = oomTaskManager(now);
    pod.containers.clear();
    pod.phase = QStringLiteral("Pending");
    pod.name = QStringLiteral("github-analytics-taskmanager-1-3");
    pod.unschedulableReason = QStringLiteral("Unschedulable");
    pod.unschedulableMessage = QStringLiteral("0/3 nodes are available: 3 Insufficient memory.");
    QVERIFY(detector.observePods(uid, {pod}, now));
    QCOMPARE(detector.status(uid).rootCause,
             QStringLiteral("TaskManager pod github-analytics-taskmanager-1-3 cannot be scheduled: 0/3 nodes are "
                            "available: 3 Insufficient memory."));
    // The JobManager's own trouble is named first.
    QVERIFY(detector.observePods(uid, {pod, jobManager(QStringLiteral("CrashLoopBackOff"))}, now));
    QVERIFY(detector.status(uid).rootCause.startsWith(QLatin1String("JobManager is crash-looping")));
}

void TestFailureDetector::taskManagerOomKilledFailsForTheWindow()
{
    FailureDetector detector(120, 2);
    QDateTime now = QDateTime::currentDateTimeUtc();
    const QString uid = QStringLiteral("dep-1");
    detector.observeDeployment(running(QStringLiteral("a")), now);
    QVERIFY(detector.observePods(uid, {oomTaskManager(now.addSecs(-2))}, now));
    FailureStatus status = detector.status(uid);
    QVERIFY(status.failing);
    QCOMPARE(status.rootCause,
             QStringLiteral("TaskManager github-analytics-taskmanager-1-2 was OOMKilled (exit 137): it exceeded its "
                            "memory limit — raise taskmanager memory (taskManager.resource.memory)"));
    // The same termination seen again does not renew it; the window ages it out.
    now = now.addSecs(60);
    detector.observePods(uid, {oomTaskManager(now.addSecs(-62))}, now);
    QVERIFY(detector.status(uid).failing);
    now = now.addSecs(61);
    QCOMPARE(detector.expire(now), QList<QString>{uid});
    QVERIFY(!detector.status(uid).failing);
    // A new spec generation (more memory) starts afresh at once.
    detector.observePods(uid, {oomTaskManager(now.addSecs(-1))}, now);
    QVERIFY(detector.status(uid).failing);
    QVERIFY(detector.observeDeployment(running(QStringLiteral("a"), 2), now));
    QVERIFY(!detector.status(uid).failing);
}

void TestFailureDetector::oldOomReplayedByRelistDoesNotCount()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString uid = QStringLiteral("dep-1");
    detector.observeDeployment(running(QStringLiteral("a")), now);
    QVERIFY(!detector.observePods(uid, {oomTaskManager(now.addSecs(-3600))}, now));
    QVERIFY(!detector.status(uid).failing);
}

void TestFailureDetector::deploymentStatusError()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Deployment d = running(QString(), 1, QString());
    d.jobManagerStatus = QStringLiteral("ERROR");
    d.error = QStringLiteral(R"({"type":"org.apache.flink.kubernetes.operator.exception.DeploymentFailedException",)"
                             R"("message":"back-off 40s restarting failed container=flink-main-container",)"
                             R"("additionalMetadata":{"reason":"CrashLoopBackOff"},"throwableList":[]})");
    QVERIFY(detector.observeDeployment(d, now));
    QCOMPARE(
        detector.status(d.uid).rootCause,
        QStringLiteral("JobManager deployment ERROR: back-off 40s restarting failed container=flink-main-container"));
    // The pod's cause, with the log's words, is more specific.
    detector.observePods(d.uid, {jobManager(QStringLiteral("CrashLoopBackOff"))}, now);
    detector.observeLogCause(d.uid, QStringLiteral("ClassNotFoundException: com.example.Main"), now);
    QCOMPARE(detector.status(d.uid).rootCause,
             QStringLiteral("JobManager is crash-looping: ClassNotFoundException: com.example.Main"));
    // A plain-text status.error is taken as it is.
    d.error = QStringLiteral("Deployment failed");
    detector.observePods(d.uid, {}, now);
    detector.observeDeployment(d, now);
    QCOMPARE(detector.status(d.uid).rootCause, QStringLiteral("JobManager deployment ERROR: Deployment failed"));
}

void TestFailureDetector::podCauseClearsWhenThePodRecovers()
{
    FailureDetector detector(120, 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString uid = QStringLiteral("dep-1");
    detector.observeDeployment(running(QStringLiteral("a")), now);
    detector.observePods(uid, {jobManager(QStringLiteral("CrashLoopBackOff"))}, now);
    QVERIFY(detector.status(uid).failing);
    QVERIFY(detector.observePods(uid, {jobManager(QString())}, now.addSecs(5)));
    QVERIFY(!detector.status(uid).failing);
}

QTEST_APPLESS_MAIN(TestFailureDetector)
#include "tst_failuredetector.moc"
