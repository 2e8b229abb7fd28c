#include "flink/deployment.h"

#include <QJsonDocument>
#include <QTest>

using namespace capstan;

class TestDeployment : public QObject
{
    Q_OBJECT

private slots:
    void parsesOperatorObject();
    void displayState_data();
    void displayState();
    void blueGreenDeployment_data();
    void blueGreenDeployment();
};

void TestDeployment::parsesOperatorObject()
{
    const QByteArray json = R"({
      "apiVersion": "flink.apache.org/v1beta1", "kind": "FlinkDeployment",
      "metadata": {"name": "github-analytics", "namespace": "flink", "uid": "u-1", "resourceVersion": "42",
                   "generation": 3, "creationTimestamp": "2026-11-20T10:00:00Z"},
      "spec": {"image": "flink:1.20", "flinkVersion": "v1_20",
               "job": {"jarURI": "local:///x.jar", "parallelism": 2, "upgradeMode": "savepoint", "state": "running"}},
      "status": {"lifecycleState": "STABLE", "jobManagerDeploymentStatus": "READY", "observedGeneration": 3,
                 "jobStatus": {"state": "RUNNING", "jobId": "a1b2"}}})";
    const Deployment d = Deployment::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(d.name, QStringLiteral("github-analytics"));
    QCOMPARE(d.ns, QStringLiteral("flink"));
    QCOMPARE(d.uid, QStringLiteral("u-1"));
    QCOMPARE(d.generation, 3);
    QCOMPARE(d.observedGeneration, 3);
    QCOMPARE(d.parallelism, 2);
    QCOMPARE(d.upgradeMode, QStringLiteral("savepoint"));
    QCOMPARE(d.flinkVersion, QStringLiteral("v1_20"));
    QCOMPARE(d.jobId, QStringLiteral("a1b2"));
    QCOMPARE(d.created, QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC));
    QCOMPARE(d.displayState(), DisplayState::Running);
    QVERIFY(!d.sessionCluster);
}

void TestDeployment::displayState_data()
{
    QTest::addColumn<QString>("lifecycle");
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("desired");
    QTest::addColumn<int>("expected");
    QTest::newRow("stable running") << "STABLE"
                                    << "RUNNING"
                                    << "running" << int(DisplayState::Running);
    QTest::newRow("upgrading") << "UPGRADING"
                               << "RECONCILING"
                               << "running" << int(DisplayState::Transitioning);
    QTest::newRow("upgrading, old job stopped with a savepoint") << "UPGRADING"
                                                                 << "FINISHED"
                                                                 << "running" << int(DisplayState::Transitioning);
    QTest::newRow("upgrading, old job cancelled") << "UPGRADING"
                                                  << "CANCELED"
                                                  << "running" << int(DisplayState::Transitioning);
    QTest::newRow("suspending with a savepoint") << "UPGRADING"
                                                 << "FINISHED"
                                                 << "suspended" << int(DisplayState::Transitioning);
    QTest::newRow("rolling back, old job cancelled") << "ROLLING_BACK"
                                                     << "CANCELED"
                                                     << "running" << int(DisplayState::Transitioning);
    QTest::newRow("deployed not yet stable") << "DEPLOYED"
                                             << "RUNNING"
                                             << "running" << int(DisplayState::Transitioning);
    QTest::newRow("suspended") << "SUSPENDED"
                               << "FINISHED"
                               << "suspended" << int(DisplayState::Suspended);
    QTest::newRow("failed lifecycle") << "FAILED"
                                      << "RUNNING"
                                      << "running" << int(DisplayState::Failed);
    QTest::newRow("job failed") << "STABLE"
                                << "FAILED"
                                << "running" << int(DisplayState::Failed);
    QTest::newRow("cancelled") << "STABLE"
                               << "CANCELED"
                               << "running" << int(DisplayState::Cancelled);
    QTest::newRow("finished") << "STABLE"
                              << "FINISHED"
                              << "running" << int(DisplayState::Finished);
    QTest::newRow("restarting") << "STABLE"
                                << "RESTARTING"
                                << "running" << int(DisplayState::Transitioning);
    QTest::newRow("rolled back") << "ROLLED_BACK"
                                 << "RUNNING"
                                 << "running" << int(DisplayState::Running);
    QTest::newRow("not reconciled") << ""
                                    << ""
                                    << "running" << int(DisplayState::Transitioning);
}

void TestDeployment::displayState()
{
    QFETCH(QString, lifecycle);
    QFETCH(QString, job);
    QFETCH(QString, desired);
    QFETCH(int, expected);
    Deployment d;
    d.lifecycleState = lifecycle;
    d.jobState = job;
    d.desiredState = desired;
    QCOMPARE(int(d.displayState()), expected);
}

void TestDeployment::blueGreenDeployment_data()
{
    QTest::addColumn<QString>("blueGreenState");
    QTest::addColumn<QString>("job");
    QTest::addColumn<int>("expected");
    QTest::newRow("initializing") << "INITIALIZING_BLUE"
                                  << "" << int(DisplayState::Transitioning);
    QTest::newRow("blue active") << "ACTIVE_BLUE"
                                 << "RUNNING" << int(DisplayState::Running);
    QTest::newRow("savepointing blue: still running, on its way") << "SAVEPOINTING_BLUE"
                                                                  << "RUNNING" << int(DisplayState::Transitioning);
    QTest::newRow("to green") << "TRANSITIONING_TO_GREEN"
                              << "RUNNING" << int(DisplayState::Transitioning);
    QTest::newRow("green active, job failed") << "ACTIVE_GREEN"
                                              << "FAILED" << int(DisplayState::Failed);
}

void TestDeployment::blueGreenDeployment()
{
    QFETCH(QString, blueGreenState);
    QFETCH(QString, job);
    QFETCH(int, expected);
    const QByteArray json = R"({"apiVersion": "flink.apache.org/v1beta1", "kind": "FlinkBlueGreenDeployment",
      "metadata": {"name": "checkout", "namespace": "flink", "uid": "bg-1"},
      "spec": {"configuration": {}, "template": {"spec": {"flinkVersion": "v1_20", "image": "flink:1.20",
               "job": {"jarURI": "local:///x.jar", "parallelism": 3, "upgradeMode": "savepoint"}}}},
      "status": {"jobStatus": {}}})";
    QJsonObject object = QJsonDocument::fromJson(json).object();
    QJsonObject status{{QStringLiteral("blueGreenState"), blueGreenState},
                       {QStringLiteral("jobStatus"), QJsonObject{{QStringLiteral("state"), job}}}};
    object.insert(QStringLiteral("status"), status);
    const Deployment d = Deployment::fromJson(object);
    QCOMPARE(d.kind, ResourceKind::FlinkBlueGreenDeployment);
    QCOMPARE(d.blueGreenState, blueGreenState);
    // The job fields are the template's.
    QCOMPARE(d.parallelism, 3);
    QCOMPARE(d.upgradeMode, QStringLiteral("savepoint"));
    QCOMPARE(d.flinkVersion, QStringLiteral("v1_20"));
    QVERIFY(!d.sessionCluster);
    QVERIFY(d.lifecycleState.isEmpty());
    QVERIFY(!d.jobManagerExpected());
    QCOMPARE(int(d.displayState()), expected);
    QCOMPARE(d.key(), QStringLiteral("flink/FlinkBlueGreenDeployment/checkout"));
}

QTEST_APPLESS_MAIN(TestDeployment)
#include "tst_deployment.moc"
