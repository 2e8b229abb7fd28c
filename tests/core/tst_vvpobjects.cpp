// Ververica Platform's Application Manager objects read into Capstan's value types. The objects are
// written as Application Manager 2.4 writes them (field names of its API description).

#include "vvp/vvpobjects.h"

#include <QJsonDocument>
#include <QTest>

using namespace capstan;

class TestVvpObjects : public QObject
{
    Q_OBJECT

private slots:
    void runningDeployment();
    void statesAsThePlatformSaysThem_data();
    void statesAsThePlatformSaysThem();
    void failedDeploymentSaysWhy();
    void eventsAndFailures();
    void savepointsAndRetainedCheckpoints();
    void jobs();
    void garbageIsEmptyNotACrash();
};

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture: %s", qPrintable(error.errorString()));
    return doc.object();
}

const char *kRunning = R"({
  "apiVersion": "v1", "kind": "Deployment",
  "metadata": {"id": "5a8f7a0e-6d6e-4bb2-9a53-1f0e1c0b1b11", "name": "github-analytics", "namespace": "default",
               "resourceVersion": 17, "createdAt": "2026-11-20T09:00:00.000Z", "modifiedAt": "2026-12-01T10:00:00Z",
               "labels": {"team": "data"}},
  "spec": {"state": "RUNNING", "upgradeStrategy": {"kind": "STATEFUL"}, "restoreStrategy": {"kind": "LATEST_STATE",
           "allowNonRestoredState": false}, "deploymentTargetName": "default", "maxSavepointCreationAttempts": 4,
           "template": {"spec": {"artifact": {"kind": "JAR", "jarUri": "https://artifacts/gh.jar",
                                              "flinkVersion": "1.17", "flinkImageRegistry": "registry.ververica.com/v2.10",
                                              "flinkImageRepository": "flink", "flinkImageTag": "1.17.2-stream1-scala_2.12"},
                                 "parallelism": 1,
                                 "flinkConfiguration": {"high-availability": "vvp-kubernetes",
                                                        "execution.checkpointing.interval": "10s"}}}},
  "status": {"state": "RUNNING", "running": {"jobId": "0b6c7b3e-2f5c-4a1e-8a5e-3c1d2e4f5a6b",
             "transitionTime": "2026-12-01T10:00:05Z", "conditions": []}}
})";

} // namespace

void TestVvpObjects::runningDeployment()
{
    const Deployment d = VvpObjects::deployment(parse(kRunning));
    QCOMPARE(d.platform, Deployment::Platform::Ververica);
    QCOMPARE(d.uid, QStringLiteral("5a8f7a0e-6d6e-4bb2-9a53-1f0e1c0b1b11"));
    QCOMPARE(d.name, QStringLiteral("github-analytics"));
    QCOMPARE(d.ns, QStringLiteral("default"));
    QCOMPARE(d.resourceVersion, QStringLiteral("17"));
    QCOMPARE(d.created, QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC));
    QCOMPARE(d.displayState(), DisplayState::Running);
    QCOMPARE(d.jobState, QStringLiteral("RUNNING"));
    QCOMPARE(d.jobId, QStringLiteral("0b6c7b3e-2f5c-4a1e-8a5e-3c1d2e4f5a6b"));
    QCOMPARE(d.desiredState, QStringLiteral("running"));
    QCOMPARE(d.upgradeMode, QStringLiteral("STATEFUL"));
    QCOMPARE(d.restoreStrategy, QStringLiteral("LATEST_STATE"));
    QCOMPARE(d.parallelism, 1);
    QCOMPARE(d.flinkVersion, QStringLiteral("1.17"));
    QCOMPARE(d.image, QStringLiteral("registry.ververica.com/v2.10/flink:1.17.2-stream1-scala_2.12"));
    QVERIFY(d.haEnabled);
    QVERIFY(d.checkpointsEnabled);
    QVERIFY(!d.sessionCluster);
    QVERIFY(d.errorMessage.isEmpty());
}

void TestVvpObjects::statesAsThePlatformSaysThem_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("shown");
    QTest::newRow("RUNNING") << "RUNNING" << int(DisplayState::Running);
    QTest::newRow("TRANSITIONING") << "TRANSITIONING" << int(DisplayState::Transitioning);
    QTest::newRow("SUSPENDED") << "SUSPENDED" << int(DisplayState::Suspended);
    QTest::newRow("CANCELLED") << "CANCELLED" << int(DisplayState::Cancelled);
    QTest::newRow("FAILED") << "FAILED" << int(DisplayState::Failed);
    QTest::newRow("FINISHED") << "FINISHED" << int(DisplayState::Finished);
    QTest::newRow("a later release's word") << "DELETING" << int(DisplayState::Unknown);
}

void TestVvpObjects::statesAsThePlatformSaysThem()
{
    QFETCH(QString, state);
    QFETCH(int, shown);
    QJsonObject o = parse(kRunning);
    QJsonObject status = o.value(u"status").toObject();
    status.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("status"), status);
    QCOMPARE(int(VvpObjects::deployment(o).displayState()), shown);
}

void TestVvpObjects::failedDeploymentSaysWhy()
{
    QJsonObject o = parse(kRunning);
    o.insert(QStringLiteral("status"),
             parse(R"({"state": "FAILED", "running": {"jobId": "0b6c7b3e-2f5c-4a1e-8a5e-3c1d2e4f5a6b",
        "conditions": [{"type": "ClusterReachable", "status": "True", "message": ""},
                       {"type": "JobFailed", "status": "True", "reason": "JobFailed",
                        "message": "java.lang.IllegalStateException: New feature enabled\n\tat com.example.Job.run"}]}})"));
    const Deployment d = VvpObjects::deployment(o);
    QCOMPARE(d.displayState(), DisplayState::Failed);
    QCOMPARE(d.errorMessage, QStringLiteral("java.lang.IllegalStateException: New feature enabled"));
}

void TestVvpObjects::eventsAndFailures()
{
    const ClusterEvent started = VvpObjects::event(parse(R"({"apiVersion": "v1", "kind": "Event",
        "metadata": {"id": "e1", "namespace": "default", "name": "JOB_SUCCESSFULLY_STARTED",
                     "deploymentId": "5a8f7a0e-6d6e-4bb2-9a53-1f0e1c0b1b11", "jobId": "j1",
                     "createdAt": "2026-12-01T10:00:05.250Z"},
        "spec": {"message": "Job was successfully started."}})"));
    QCOMPARE(started.uid, QStringLiteral("e1"));
    QCOMPARE(started.reason, QStringLiteral("JOB_SUCCESSFULLY_STARTED"));
    QCOMPARE(started.type, QStringLiteral("Normal"));
    QCOMPARE(started.message, QStringLiteral("Job was successfully started."));
    QCOMPARE(started.involvedUid, QStringLiteral("5a8f7a0e-6d6e-4bb2-9a53-1f0e1c0b1b11"));
    QCOMPARE(started.lastTimestamp, QDateTime(QDate(2026, 12, 1), QTime(10, 0, 5, 250), Qt::UTC));
    for (const char *name : {"FAILED_CREATING_A_NEW_JOB", "TOO_MANY_FAILED_JOB_CREATION_ATTEMPTS",
                             "TRANSITIONING_TO_FAILED_STATE_BECAUSE_OF_A_MISSING_JOB", "RESOURCE_QUOTA_EXCEEDED",
                             "TERMINATING_A_JOB_DUE_TO_AN_UNRECOVERABLE_FAILURE"})
        QVERIFY2(VvpObjects::isFailureEvent(QLatin1String(name)), name);
    for (const char *name : {"CREATING_A_NEW_JOB", "STATE_TRANSITION_IS_COMPLETED", "USING_AN_UPGRADE_STRATEGY"})
        QVERIFY2(!VvpObjects::isFailureEvent(QLatin1String(name)), name);
}

void TestVvpObjects::savepointsAndRetainedCheckpoints()
{
    const Snapshot upgrade = VvpObjects::savepoint(parse(R"({"apiVersion": "v1", "kind": "Savepoint",
        "metadata": {"id": "s1", "namespace": "default", "deploymentId": "d", "jobId": "j1", "origin": "SUSPEND_AND_UPGRADE",
                     "createdAt": "2026-12-01T09:59:50Z", "modifiedAt": "2026-12-01T09:59:58Z"},
        "spec": {"savepointLocation": "s3://vvp/savepoints/savepoint-0b6c7b-1"},
        "status": {"state": "COMPLETED"}})"));
    QCOMPARE(upgrade.key, QStringLiteral("s1"));
    QCOMPARE(upgrade.type, QStringLiteral("SAVEPOINT"));
    QCOMPARE(upgrade.trigger, QStringLiteral("SUSPEND_AND_UPGRADE"));
    QVERIFY(upgrade.isCompleted());
    QCOMPARE(upgrade.path, QStringLiteral("s3://vvp/savepoints/savepoint-0b6c7b-1"));
    QCOMPARE(upgrade.time, QDateTime(QDate(2026, 12, 1), QTime(9, 59, 58), Qt::UTC));
    QCOMPARE(upgrade.jobId, QStringLiteral("j1"));

    const Snapshot retained = VvpObjects::savepoint(parse(R"({"metadata": {"id": "s2", "origin": "RETAINED_CHECKPOINT",
        "createdAt": "2026-12-01T10:10:00Z"}, "spec": {"savepointLocation": "s3://vvp/checkpoints/j1/chk-42"},
        "status": {"state": "COMPLETED"}})"));
    QCOMPARE(retained.type, QStringLiteral("CHECKPOINT"));
    QCOMPARE(retained.time, QDateTime(QDate(2026, 12, 1), QTime(10, 10), Qt::UTC));

    const Snapshot failed = VvpObjects::savepoint(parse(R"({"metadata": {"id": "s3", "origin": "USER_REQUEST"},
        "status": {"state": "FAILED", "failure": {"reason": "SAVEPOINT_FAILED", "message": "Checkpoint expired before completing."}}})"));
    QCOMPARE(failed.state, QStringLiteral("FAILED"));
    QCOMPARE(failed.error, QStringLiteral("Checkpoint expired before completing."));
    const Snapshot started
        = VvpObjects::savepoint(parse(R"({"metadata": {"id": "s4"}, "status": {"state": "STARTED"}})"));
    QCOMPARE(started.state, QStringLiteral("IN_PROGRESS"));
}

void TestVvpObjects::jobs()
{
    const QJsonObject list = parse(R"({"kind": "ResourceList", "items": [
        {"metadata": {"id": "j2", "createdAt": "2026-12-01T10:00:00Z"},
         "spec": {"savepointLocation": "s3://vvp/flink-savepoints/namespaces/default/deployments/d1/savepoint-f1-ab"},
         "status": {"state": "STARTED", "started": {"startedAt": "2026-12-01T10:00:05Z", "flinkJobId": "f2"}}},
        {"metadata": {"id": "j1", "createdAt": "2026-11-20T09:00:00Z", "terminatedAt": "2026-12-01T09:59:59Z"},
         "status": {"state": "TERMINATED"}},
        {"metadata": {"id": "j0", "createdAt": "2026-11-19T09:00:00Z", "terminatedAt": "2026-11-20T08:59:00Z"},
         "spec": {"savepointLocation": "s3://vvp/flink-checkpoints/namespaces/default/deployments/d1/f0/chk-42"},
         "status": {"state": "TERMINATED"}}, 7]})");
    const QList<QJsonObject> items = VvpObjects::items(list);
    QCOMPARE(items.size(), 3); // the number is not an object: skipped
    const JobRun current = VvpObjects::job(items.at(0));
    QCOMPARE(current.jobId, QStringLiteral("j2"));
    QCOMPARE(current.start, QDateTime(QDate(2026, 12, 1), QTime(10, 0, 5), Qt::UTC));
    QVERIFY(!current.end.isValid());
    QCOMPARE(current.lastState, QStringLiteral("STARTED"));
    const JobRun ended = VvpObjects::job(items.at(1));
    QCOMPARE(ended.start, QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC));
    QCOMPARE(ended.end, QDateTime(QDate(2026, 12, 1), QTime(9, 59, 59), Qt::UTC));
    // What each job started from, in the platform's own word.
    QVERIFY(current.restore.observed);
    QVERIFY(current.restore.restoredSavepoint);
    QVERIFY(current.restore.restoredPath.endsWith(QStringLiteral("savepoint-f1-ab")));
    QVERIFY(ended.restore.observed);
    QVERIFY(!ended.restore.restoredSomething()); // empty state
    const JobRun fromCheckpoint = VvpObjects::job(items.at(2));
    QVERIFY(!fromCheckpoint.restore.restoredSavepoint);
    QCOMPARE(fromCheckpoint.restore.restoredCheckpointId, 42);
}

void TestVvpObjects::garbageIsEmptyNotACrash()
{
    const QJsonObject garbage = parse(R"({"metadata": 3, "spec": {"template": "x", "state": 5}, "status": []})");
    const Deployment d = VvpObjects::deployment(garbage);
    QVERIFY(d.name.isEmpty());
    QCOMPARE(d.displayState(), DisplayState::Unknown);
    QVERIFY(VvpObjects::event(garbage).uid.isEmpty());
    QVERIFY(VvpObjects::savepoint(garbage).key.isEmpty());
    QVERIFY(VvpObjects::job(garbage).jobId.isEmpty());
    QVERIFY(VvpObjects::items(garbage).isEmpty());
}

QTEST_GUILESS_MAIN(TestVvpObjects)
#include "tst_vvpobjects.moc"
