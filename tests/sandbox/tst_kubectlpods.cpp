// Unmodified kubectl against the sandbox's pods: get with selectors (the server's Table columns),
// logs with -c, --tail, --previous, -f (which ends when the container does), describe pod with its
// Events, and auth can-i for pods/log. The operator simulation runs on a paused clock the test steps.

#include "common/kubectlrunner.h"
#include "common/sandboxfixture.h"
#include "sandbox/faultplan.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::KubectlRunner;
using capstan::test::SandboxFixture;
using namespace Qt::Literals::StringLiterals;

class TestKubectlPods : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void getPodsBySelector();
    void logsOfAContainer();
    void followEndsWithTheContainer();
    void watchShowsPodsComeAndGo();
    void previousContainerOfACrashLoop();
    void describePodWithEvents();
    void canIGetPodLogs();

private:
    KubectlRunner::Output kubectl(const QStringList &args) { return m_kubectl->run(args); }
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    void step(qint64 ms);
    void create(const QString &name, int parallelism);
    QString jobManagerPod(const QString &deployment);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<KubectlRunner> m_kubectl;
};

void TestKubectlPods::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    m_kubectl = std::make_unique<KubectlRunner>(m_sandbox->kubeconfigPath);
    if (!m_kubectl->available())
        QSKIP("kubectl is not installed");
    sim()->clock().setPaused(true);
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::JobManagerCrashLoop, u"crashy"_s);
    create(u"wordcount"_s, 3);
    create(u"crashy"_s, 1);
    step(40000);
}

void TestKubectlPods::step(qint64 ms)
{
    m_sandbox->stepSimulation(ms);
}

void TestKubectlPods::create(const QString &name, int parallelism)
{
    QVERIFY(m_sandbox->server->store()
                .create(u"flinkdeployments"_s, u"default"_s, SandboxFixture::podDeployment(name, parallelism))
                .ok());
}

QString TestKubectlPods::jobManagerPod(const QString &deployment)
{
    const auto r = kubectl({u"get"_s, u"pods"_s, u"-l"_s, u"app=%1,component=jobmanager"_s.arg(deployment), u"-o"_s,
                            u"jsonpath={.items[0].metadata.name}"_s});
    return QString::fromUtf8(r.out).trimmed();
}

void TestKubectlPods::getPodsBySelector()
{
    auto r = kubectl({u"get"_s, u"pods"_s, u"-l"_s, u"app=wordcount,component=taskmanager"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    static const QRegularExpression header(u"^NAME +READY +STATUS +RESTARTS +AGE$"_s);
    QVERIFY2(header.match(QString::fromUtf8(lines.at(0))).hasMatch(), lines.at(0).constData());
    static const QRegularExpression row(u"^wordcount-taskmanager-1-[12] +1/1 +Running +0 +\\d+s$"_s);
    QVERIFY2(row.match(QString::fromUtf8(lines.at(1))).hasMatch(), lines.at(1).constData());

    r = kubectl({u"get"_s, u"pods"_s, u"-l"_s, u"type=flink-native-kubernetes"_s, u"-o"_s, u"wide"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("NODE"));
    QVERIFY(r.out.contains("sandbox-worker-"));
    QVERIFY(r.out.contains("CrashLoopBackOff"));

    r = kubectl({u"get"_s, u"pods"_s, u"--field-selector"_s, u"spec.restartPolicy=Never"_s, u"-o"_s, u"name"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed().split('\n').size(), 2);
    QVERIFY(r.out.contains("pod/wordcount-taskmanager-1-1"));
}

void TestKubectlPods::logsOfAContainer()
{
    const QString jm = jobManagerPod(u"wordcount"_s);
    QVERIFY(!jm.isEmpty());
    auto r = kubectl({u"logs"_s, jm});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("Submitting job 'wordcount'"));
    QVERIFY(r.out.contains("Completed checkpoint"));
    r = kubectl({u"logs"_s, u"wordcount-taskmanager-1-1"_s, u"-c"_s, u"flink-main-container"_s, u"--tail=5"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 5);
    r = kubectl({u"logs"_s, u"wordcount-taskmanager-1-1"_s, u"--timestamps"_s, u"--tail=1"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z "_s)
                 .match(QString::fromUtf8(r.out))
                 .hasMatch(),
             r.out.constData());
    r = kubectl({u"logs"_s, u"wordcount-taskmanager-1-1"_s, u"-c"_s, u"nope"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("container nope is not valid for pod wordcount-taskmanager-1-1"), r.err.constData());
}

void TestKubectlPods::followEndsWithTheContainer()
{
    create(u"follower"_s, 2);
    step(15000);
    QProcess follow;
    m_kubectl->start(follow, {u"logs"_s, u"-f"_s, u"follower-taskmanager-1-1"_s, u"--tail=3"_s});
    QVERIFY(follow.waitForStarted(10000));
    QByteArray seen;
    QVERIFY(QTest::qWaitFor(
        [&] {
            seen += follow.readAllStandardOutput();
            return seen.count('\n') >= 3;
        },
        15000));
    QCOMPARE(follow.state(), QProcess::Running);
    QVERIFY(
        m_sandbox->server->store()
            .mergePatch(u"flinkdeployments"_s, u"default"_s, u"follower"_s,
                        QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"suspended"_s}}}}}})
            .ok());
    step(3000);
    QVERIFY(follow.waitForFinished(15000));
    seen += follow.readAllStandardOutput();
    QCOMPARE(follow.exitCode(), 0);
    QVERIFY2(seen.contains("RECEIVED SIGNAL 15: SIGTERM"), seen.right(300).constData());
}

void TestKubectlPods::watchShowsPodsComeAndGo()
{
    create(u"watched"_s, 1);
    step(15000);
    const int watchesBefore = m_sandbox->server->openWatchCount();
    QProcess watch;
    m_kubectl->start(watch, {u"get"_s, u"pods"_s, u"-l"_s, u"app=watched"_s, u"-w"_s});
    QVERIFY(watch.waitForStarted(10000));
    QByteArray seen;
    QVERIFY(QTest::qWaitFor(
        [&] {
            seen += watch.readAllStandardOutput();
            return seen.contains("watched-taskmanager-1-1");
        },
        15000));
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->server->openWatchCount() > watchesBefore, 15000);
    QVERIFY(
        m_sandbox->server->store()
            .mergePatch(u"flinkdeployments"_s, u"default"_s, u"watched"_s,
                        QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"suspended"_s}}}}}})
            .ok());
    step(5000);
    // The server's Table rows, one per event: the pods terminate.
    static const QRegularExpression terminating(u"watched-taskmanager-1-1 +[01]/1 +Terminating +0 +"_s);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     seen += watch.readAllStandardOutput();
                     return terminating.match(QString::fromUtf8(seen)).hasMatch();
                 },
                 15000),
             seen.constData());
    watch.kill();
    watch.waitForFinished();
}

void TestKubectlPods::previousContainerOfACrashLoop()
{
    const QString jm = jobManagerPod(u"crashy"_s);
    QVERIFY(!jm.isEmpty());
    auto r = kubectl({u"logs"_s, jm, u"--previous"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("Caused by: java.lang.ClassNotFoundException: com.example.Main"));
    r = kubectl({u"logs"_s, u"wordcount-taskmanager-1-1"_s, u"-p"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("previous terminated container \"flink-main-container\" in pod "
                            "\"wordcount-taskmanager-1-1\" not found"),
             r.err.constData());
}

void TestKubectlPods::describePodWithEvents()
{
    const QString jm = jobManagerPod(u"crashy"_s);
    auto r = kubectl({u"describe"_s, u"pod"_s, jm});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(QRegularExpression(u"Controlled By: +ReplicaSet/crashy-[b-z2-9]{10}"_s).match(out).hasMatch(),
             r.out.constData());
    QVERIFY(QRegularExpression(u"State: +Waiting\\n +Reason: +CrashLoopBackOff"_s).match(out).hasMatch());
    QVERIFY(
        QRegularExpression(u"Last State: +Terminated\\n +Reason: +Error\\n +Exit Code: +1"_s).match(out).hasMatch());
    QVERIFY(QRegularExpression(u"Restart Count: +[1-9]"_s).match(out).hasMatch());
    QVERIFY(QRegularExpression(u"Events:\\n +Type +Reason"_s).match(out).hasMatch());
    QVERIFY(QRegularExpression(u"Warning +BackOff .* kubelet +Back-off restarting failed container"_s)
                .match(out)
                .hasMatch());
    QVERIFY(QRegularExpression(u"Normal +Scheduled .* default-scheduler +Successfully assigned default/"_s)
                .match(out)
                .hasMatch());

    r = kubectl({u"describe"_s, u"pod"_s, u"wordcount-taskmanager-1-2"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QRegularExpression(u"Controlled By: +Deployment/wordcount"_s).match(QString::fromUtf8(r.out)).hasMatch());
    QVERIFY(r.out.contains("component=taskmanager"));
    QVERIFY(r.out.contains("memory:  2Gi"));
}

void TestKubectlPods::canIGetPodLogs()
{
    const QStringList args{u"auth"_s,      u"can-i"_s,           u"get"_s, u"pods"_s, u"--subresource=log"_s,
                           u"--context"_s, u"sandbox-readonly"_s};
    auto r = kubectl(args);
    QCOMPARE(r.out.trimmed(), QByteArray("yes"));
    m_sandbox->server->faults().setPodLogsForbidden(true);
    r = kubectl(args);
    QCOMPARE(r.out.trimmed(), QByteArray("no"));
    r = kubectl({u"logs"_s, u"wordcount-taskmanager-1-1"_s, u"--context"_s, u"sandbox-readonly"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("cannot get resource \"pods/log\""), r.err.constData());
    m_sandbox->server->faults().setPodLogsForbidden(false);
}

QTEST_MAIN(TestKubectlPods)
#include "tst_kubectlpods.moc"
