#include "flink/obituary.h"
#include "flink/pod.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;

namespace {
QByteArray readData(const QString &file)
{
    QFile f(QStringLiteral(CAPSTAN_TEST_DATA_DIR "/pods/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file));
    return f.readAll();
}
Pod podFrom(const QString &name)
{
    return Pod::fromJson(QJsonDocument::fromJson(readData(name + QLatin1String(".json"))).object());
}
QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}
} // namespace

class TestPod : public QObject
{
    Q_OBJECT

private slots:
    void parsesRunningJobManager();
    void parsesCrashLoop();
    void parsesOomKilledTaskManager();
    void parsesUnschedulable();
    void parsesStandaloneWithSidecarAndInit();
    void parsesTerminating();
    void diagnosis_data();
    void diagnosis();
    void healthyPodHasNoProblem();
    void explainsTerminations_data();
    void explainsTerminations();
    void logCause_data();
    void logCause();
    void selectorNamesBothModes();
    void markerLabel();
};

void TestPod::parsesRunningJobManager()
{
    const Pod pod = podFrom(QStringLiteral("jobmanager-running"));
    QCOMPARE(pod.name, QStringLiteral("github-analytics-7d9c6b5f8d-m2x8q"));
    QCOMPARE(pod.ns, QStringLiteral("flink-jobs"));
    QCOMPARE(pod.uid, QStringLiteral("0a8f6e52-5d1c-4a8e-9b61-2f3c4d5e6f70"));
    QCOMPARE(pod.component, PodComponent::JobManager);
    QCOMPARE(pod.deployment, QStringLiteral("github-analytics"));
    QCOMPARE(pod.deploymentKey(), QStringLiteral("flink-jobs/github-analytics"));
    QVERIFY(!pod.standalone);
    QCOMPARE(pod.phase, QStringLiteral("Running"));
    QVERIFY(pod.ready);
    QCOMPARE(pod.node, QStringLiteral("gke-prod-pool-1-4f2a9c1d-x7k2"));
    QCOMPARE(pod.startTime, utc("2026-11-30T08:14:02Z"));
    QCOMPARE(pod.created, utc("2026-11-30T08:14:02Z"));
    QVERIFY(!pod.isTerminating());
    QCOMPARE(pod.containers.size(), 1);
    const ContainerStatus *main = pod.mainContainer();
    QVERIFY(main);
    QCOMPARE(main->name, Pod::mainContainerName);
    QVERIFY(main->ready);
    QVERIFY(main->state.isRunning());
    QCOMPARE(main->state.startedAt, utc("2026-11-30T08:14:10Z"));
    QCOMPARE(main->lastState.kind, ContainerState::Kind::None);
    QCOMPARE(pod.restarts(), 0);
}

void TestPod::parsesCrashLoop()
{
    const Pod pod = podFrom(QStringLiteral("jobmanager-crashloop"));
    QVERIFY(!pod.ready);
    const ContainerStatus *main = pod.mainContainer();
    QVERIFY(main);
    QCOMPARE(main->restartCount, 4);
    QCOMPARE(pod.restarts(), 4);
    QVERIFY(main->state.isWaiting());
    QCOMPARE(main->state.reason, QStringLiteral("CrashLoopBackOff"));
    QVERIFY(main->state.message.startsWith(QLatin1String("back-off 1m20s")));
    QVERIFY(main->lastState.isTerminated());
    QCOMPARE(main->lastState.reason, QStringLiteral("Error"));
    QCOMPARE(main->lastState.exitCode, 1);
    QCOMPARE(main->lastState.startedAt, utc("2026-11-30T08:19:31Z"));
    QCOMPARE(main->lastState.finishedAt, utc("2026-11-30T08:19:44Z"));
    QVERIFY(main->lastState.isAbnormal());
}

void TestPod::parsesOomKilledTaskManager()
{
    const Pod pod = podFrom(QStringLiteral("taskmanager-oomkilled"));
    QCOMPARE(pod.component, PodComponent::TaskManager);
    QCOMPARE(pod.name, QStringLiteral("github-analytics-taskmanager-1-2"));
    QCOMPARE(pod.phase, QStringLiteral("Failed"));
    const ContainerState &state = pod.mainContainer()->state;
    QVERIFY(state.isTerminated());
    QCOMPARE(state.reason, QStringLiteral("OOMKilled"));
    QCOMPARE(state.exitCode, 137);
    QCOMPARE(state.finishedAt, utc("2026-11-30T09:02:17Z"));
    QVERIFY(state.isAbnormal());
}

void TestPod::parsesUnschedulable()
{
    const Pod pod = podFrom(QStringLiteral("taskmanager-unschedulable"));
    QCOMPARE(pod.phase, QStringLiteral("Pending"));
    QVERIFY(pod.node.isEmpty());
    QVERIFY(pod.containers.isEmpty());
    QVERIFY(!pod.mainContainer());
    QCOMPARE(pod.unschedulableReason, QStringLiteral("Unschedulable"));
    QVERIFY(pod.unschedulableMessage.startsWith(QLatin1String("0/3 nodes are available: 3 Insufficient memory.")));
}

void TestPod::parsesStandaloneWithSidecarAndInit()
{
    const Pod pod = podFrom(QStringLiteral("standalone-taskmanager-sidecar"));
    QVERIFY(pod.standalone);
    QCOMPARE(pod.deployment, QStringLiteral("orders"));
    QCOMPARE(pod.containerNames(),
             (QStringList{QStringLiteral("artifacts-fetcher"), Pod::mainContainerName, QStringLiteral("fluent-bit")}));
    QCOMPARE(pod.initContainers.size(), 1);
    QVERIFY(pod.initContainers.first().init);
    QVERIFY(pod.initContainers.first().state.isTerminated());
    QVERIFY(!pod.initContainers.first().state.isAbnormal()); // Completed, exit 0
    QCOMPARE(pod.mainContainer()->name, Pod::mainContainerName);
    QVERIFY(pod.container(QStringLiteral("fluent-bit")));
    QVERIFY(!pod.container(QStringLiteral("nope")));
}

void TestPod::parsesTerminating()
{
    const Pod pod = podFrom(QStringLiteral("taskmanager-terminating"));
    QVERIFY(pod.isTerminating());
    QCOMPARE(pod.deletionTime, utc("2026-11-30T09:30:00Z"));
}

void TestPod::diagnosis_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");

    QTest::newRow("crash loop") << QStringLiteral("jobmanager-crashloop") << QStringLiteral("CrashLoopBackOff") << -1
                                << QStringLiteral("previous container's log");
    QTest::newRow("oom") << QStringLiteral("taskmanager-oomkilled") << QStringLiteral("OOMKilled") << 137
                         << QStringLiteral("OOMKilled (exit 137): the container exceeded its memory limit — raise "
                                           "taskmanager memory (taskManager.resource.memory).");
    QTest::newRow("image pull") << QStringLiteral("jobmanager-imagepull") << QStringLiteral("ImagePullBackOff") << -1
                                << QStringLiteral("Back-off pulling image \"flink:1.99\"");
    QTest::newRow("unschedulable") << QStringLiteral("taskmanager-unschedulable") << QStringLiteral("Unschedulable")
                                   << -1 << QStringLiteral("3 Insufficient memory");
    QTest::newRow("evicted") << QStringLiteral("taskmanager-evicted") << QStringLiteral("Evicted") << -1
                             << QStringLiteral("low on resource: memory");
}

void TestPod::diagnosis()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const PodProblem problem = diagnosePod(podFrom(file));
    QCOMPARE(problem.severity, PodProblem::Severity::Error);
    QCOMPARE(problem.reason, reason);
    QCOMPARE(problem.exitCode, exitCode);
    QVERIFY2(problem.explanation.contains(says), qPrintable(problem.explanation));
}

void TestPod::healthyPodHasNoProblem()
{
    QVERIFY(diagnosePod(podFrom(QStringLiteral("jobmanager-running"))).isNull());
    QVERIFY(diagnosePod(podFrom(QStringLiteral("standalone-taskmanager-sidecar"))).isNull());
}

void TestPod::explainsTerminations_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("component");
    QTest::addColumn<QString>("says"); // empty: no problem

    QTest::newRow("completed") << QStringLiteral("Completed") << 0 << int(PodComponent::TaskManager) << QString();
    QTest::newRow("oom jm") << QStringLiteral("OOMKilled") << 137 << int(PodComponent::JobManager)
                            << QStringLiteral("raise jobmanager memory (jobManager.resource.memory)");
    QTest::newRow("error 1") << QStringLiteral("Error") << 1 << int(PodComponent::JobManager)
                             << QStringLiteral("Error (exit 1): the process failed");
    QTest::newRow("killed") << QStringLiteral("Error") << 137 << int(PodComponent::TaskManager)
                            << QStringLiteral("killed (SIGKILL)");
    QTest::newRow("sigterm") << QStringLiteral("Error") << 143 << int(PodComponent::TaskManager)
                             << QStringLiteral("stopped (SIGTERM)");
    QTest::newRow("completed but failed")
        << QStringLiteral("Completed") << 2 << int(PodComponent::Other) << QStringLiteral("Completed (exit 2)");
}

void TestPod::explainsTerminations()
{
    QFETCH(QString, reason);
    QFETCH(int, exitCode);
    QFETCH(int, component);
    QFETCH(QString, says);
    ContainerState state;
    state.kind = ContainerState::Kind::Terminated;
    state.reason = reason;
    state.exitCode = exitCode;
    const PodProblem problem = explainContainerState(state, PodComponent(component));
    if (says.isEmpty()) {
        QVERIFY(problem.isNull());
        return;
    }
    QCOMPARE(problem.exitCode, exitCode);
    QVERIFY2(problem.explanation.contains(says), qPrintable(problem.explanation));
}

void TestPod::logCause_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("cause");

    QTest::newRow("flink entrypoint")
        << QString::fromUtf8(readData(QStringLiteral("jobmanager-crashloop.log"))).split(QLatin1Char('\n'))
        << QStringLiteral("ClassNotFoundException: com.example.Main");
    QTest::newRow("no caused by")
        << QStringList{QStringLiteral("2026-11-30 09:02:15,001 ERROR "
                                      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner [] - Fatal error"),
                       QStringLiteral("java.lang.OutOfMemoryError: Java heap space"),
                       QStringLiteral("\tat java.base/java.util.Arrays.copyOf(Unknown Source)")}
        << QStringLiteral("OutOfMemoryError: Java heap space");
    QTest::newRow("timestamps") << QStringList{QStringLiteral(
        "2026-11-30T08:19:43.907123456Z Caused by: java.lang.IllegalStateException: New feature enabled")}
                                << QStringLiteral("IllegalStateException: New feature enabled");
    QTest::newRow("nothing") << QStringList{QStringLiteral("INFO all good"), QStringLiteral("Errors: 0")} << QString();
}

void TestPod::logCause()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, cause);
    QCOMPARE(logFailureCause(lines), cause);
}

void TestPod::selectorNamesBothModes()
{
    QCOMPARE(Pod::flinkPodSelector(), QStringLiteral("type in (flink-native-kubernetes,flink-standalone-kubernetes)"));
}

void TestPod::markerLabel()
{
    Obituary o;
    o.podName = QStringLiteral("github-analytics-taskmanager-1-2");
    o.reason = QStringLiteral("OOMKilled");
    o.exitCode = 137;
    QCOMPARE(o.markerLabel(), QStringLiteral("github-analytics-taskmanager-1-2 OOMKilled (exit 137)"));
    o.exitCode = -1;
    o.reason = QStringLiteral("Deleted");
    QCOMPARE(o.markerLabel(), QStringLiteral("github-analytics-taskmanager-1-2 Deleted"));
}

QTEST_APPLESS_MAIN(TestPod)
#include "tst_pod.moc"
