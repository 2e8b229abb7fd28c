// Pods, logs, obituaries and pod failures through a real ClusterSession against the sandbox, whose
// operator simulation runs on a paused clock that the tests step: the faults of the sandbox
// (jm-crashloop, tm-oom, image-pull, unschedulable, forbidden pods/log) as Capstan shows them.

#include "common/kubectlrunner.h"
#include "common/sandboxfixture.h"
#include "sandbox/faultplan.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"
#include "session/clustersession.h"
#include "session/logreader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;
using namespace Qt::Literals::StringLiterals;

namespace {
// What the views would hold: the session's signals applied.
struct Observed
{
    QHash<QString, Deployment> deployments; // by uid
    QHash<QString, QHash<QString, Pod>> pods; // deployment uid → pod uid → pod
    QHash<QString, Obituary> obituaries; // by key
    int obituaryResets = 0;
    QHash<quint64, QStringList> lines;
    QHash<quint64, QString> sources;
    QHash<quint64, Error> ended;

    QString uidOf(const QString &name) const
    {
        for (const Deployment &d : deployments) {
            if (d.name == name)
                return d.uid;
        }
        return {};
    }
    QList<Pod> podsOf(const QString &uid, PodComponent component) const
    {
        QList<Pod> out;
        for (const Pod &p : pods.value(uid)) {
            if (p.component == component)
                out << p;
        }
        return out;
    }
    QString rootCause(const QString &uid) const { return deployments.value(uid).failure.rootCause; }
};
} // namespace

class TestSessionPods : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void jobManagerCrashLoop();
    void taskManagerOomLeavesAnObituary();
    void imagePull();
    void unschedulable();
    void forbiddenLogsNameThePermission();
    void tailAndPreviousLikeKubectl();
    void followEndsWithTheContainer();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    void step(qint64 ms);
    void create(const QString &name, int parallelism);
    // Starts the session and opens the deployment `name`; returns its uid (empty: it never opened).
    QString startAndOpen(const QString &name);
    quint64 openLog(const QString &uid, const Pod &pod, LogOptions options);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ClusterSession> m_session;
    Observed m_seen;
    quint64 m_nextLog = 0;
};

void TestSessionPods::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
    m_dir = std::make_unique<QTemporaryDir>();
    m_seen = {};
}

void TestSessionPods::cleanup()
{
    m_session.reset();
    m_sandbox.reset();
    m_dir.reset();
}

void TestSessionPods::step(qint64 ms)
{
    m_sandbox->stepSimulation(ms, [](qint64 done) {
        if (done % 5000 == 0)
            QCoreApplication::processEvents(); // the session keeps up with the watch
    });
}

void TestSessionPods::create(const QString &name, int parallelism)
{
    QVERIFY(m_sandbox->server->store()
                .create(u"flinkdeployments"_s, u"default"_s, SandboxFixture::podDeployment(name, parallelism))
                .ok());
}

QString TestSessionPods::startAndOpen(const QString &name)
{
    SessionOptions options;
    options.historyPath = m_dir->filePath(u"history.sqlite"_s);
    options.pollIntervalMs = 60000;
    m_session = std::make_unique<ClusterSession>(m_sandbox->kubeConfig(), u"sandbox"_s, u"default"_s, options);
    ClusterSession *session = m_session.get();
    connect(session, &ClusterSession::deploymentsChanged, this, [this](const DeploymentBatch &batch) {
        for (const Deployment &d : batch.upserted)
            m_seen.deployments.insert(d.uid, d);
        for (const QString &uid : batch.removed)
            m_seen.deployments.remove(uid);
    });
    connect(session, &ClusterSession::podsChanged, this, [this](const PodBatch &batch) {
        QHash<QString, Pod> &pods = m_seen.pods[batch.deploymentUid];
        if (batch.reset)
            pods.clear();
        for (const Pod &p : batch.upserted)
            pods.insert(p.uid, p);
        for (const QString &uid : batch.removed)
            pods.remove(uid);
    });
    connect(session, &ClusterSession::obituariesChanged, this, [this](const ObituaryBatch &batch) {
        if (batch.reset)
            ++m_seen.obituaryResets;
        for (const Obituary &o : batch.obituaries)
            m_seen.obituaries.insert(o.key, o);
    });
    connect(session, &ClusterSession::logLines, this,
            [this](quint64 id, const QStringList &lines, const QString &source) {
                m_seen.lines[id] += lines;
                m_seen.sources[id] = source;
            });
    connect(session, &ClusterSession::logEnded, this,
            [this](quint64 id, const Error &error) { m_seen.ended.insert(id, error); });
    session->start();
    if (!QTest::qWaitFor([&] { return !m_seen.uidOf(name).isEmpty(); }, 10000))
        return {};
    const QString uid = m_seen.uidOf(name);
    session->openDeployment(uid);
    if (!QTest::qWaitFor([&] { return session->openWatchCount() == 1; }, 10000))
        return {};
    return uid;
}

quint64 TestSessionPods::openLog(const QString &uid, const Pod &pod, LogOptions options)
{
    LogRequest request;
    request.ns = pod.ns;
    request.pod = pod.name;
    request.deployment = m_seen.deployments.value(uid).name;
    request.component = pod.component;
    if (options.container.isEmpty())
        options.container = Pod::mainContainerName;
    request.options = options;
    const quint64 id = ++m_nextLog;
    m_session->openLog(id, request);
    return id;
}

void TestSessionPods::jobManagerCrashLoop()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::JobManagerCrashLoop, u"crashy"_s);
    create(u"crashy"_s, 2);
    const QString uid = startAndOpen(u"crashy"_s);
    QVERIFY(!uid.isEmpty());
    step(60000);
    // The banner's cause, from the previous container's log.
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.rootCause(uid),
                              u"JobManager is crash-looping: ClassNotFoundException: com.example.Main"_s, 20000);
    QVERIFY(m_seen.deployments.value(uid).failure.failing);
    // The Pods tab: the JobManager waiting in CrashLoopBackOff, explained.
    QTRY_COMPARE(m_seen.podsOf(uid, PodComponent::JobManager).size(), 1);
    const Pod jm = m_seen.podsOf(uid, PodComponent::JobManager).first();
    QTRY_VERIFY(m_seen.podsOf(uid, PodComponent::JobManager).first().mainContainer()->state.reason
                == u"CrashLoopBackOff"_s);
    const PodProblem problem = diagnosePod(m_seen.podsOf(uid, PodComponent::JobManager).first());
    QCOMPARE(problem.reason, u"CrashLoopBackOff"_s);
    // Each restart left an obituary with the stack trace.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(m_seen.obituaries.cbegin(), m_seen.obituaries.cend(),
                    [](const Obituary &o) { return o.logCause == u"ClassNotFoundException: com.example.Main"_s; }),
        20000);
    // The logs viewer's previous container: the stack trace.
    LogOptions previous;
    previous.previous = true;
    const quint64 id = openLog(uid, jm, previous);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(id), 10000);
    QCOMPARE(m_seen.ended.value(id), Error());
    QVERIFY(m_seen.lines.value(id).contains(u"Caused by: java.lang.ClassNotFoundException: com.example.Main"_s));
    QCOMPARE(m_seen.sources.value(id), u"Kubernetes (pods/log)"_s);
}

void TestSessionPods::taskManagerOomLeavesAnObituary()
{
    create(u"oomy"_s, 4);
    const QString uid = startAndOpen(u"oomy"_s);
    QVERIFY(!uid.isEmpty());
    step(15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.podsOf(uid, PodComponent::TaskManager).size(), 2, 10000);
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::TaskManagerOom, u"oomy"_s);
    step(1000);
    const auto oom = [this] {
        for (const Obituary &o : std::as_const(m_seen.obituaries)) {
            if (o.reason == u"OOMKilled"_s)
                return o;
        }
        return Obituary();
    };
    // Recorded with its last log lines, read while the pod still exists.
    QTRY_VERIFY_WITH_TIMEOUT(!oom().logTail.isEmpty(), 20000);
    const Obituary o = oom();
    QCOMPARE(o.exitCode, 137);
    QCOMPARE(o.component, PodComponent::TaskManager);
    QVERIFY(o.podName.startsWith(u"oomy-taskmanager-"_s));
    QVERIFY(!o.node.isEmpty());
    QVERIFY(o.ended.isValid() && o.started.isValid() && o.started <= o.ended);
    QVERIFY(o.logTail.size() <= 200);
    QCOMPARE(o.logSource, u"Kubernetes (pods/log)"_s);
    QVERIFY2(o.explanation.contains(u"raise taskmanager memory"_s), qPrintable(o.explanation));
    QTRY_VERIFY(m_seen.rootCause(uid).contains(u"OOMKilled (exit 137)"_s));
    QVERIFY(m_seen.rootCause(uid).contains(o.podName));
    // Flink deletes the pod: the page loses it, the obituary stays, and no second one is written.
    step(10000);
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(m_seen.pods.value(uid).cbegin(), m_seen.pods.value(uid).cend(),
                                          [&o](const Pod &p) { return p.name == o.podName; }),
                             10000);
    // Reopened later (from the history): the obituary is there with its log.
    m_session->closeDeployment(uid);
    m_seen.obituaries.clear();
    const int resets = m_seen.obituaryResets;
    m_session->openDeployment(uid);
    QTRY_COMPARE(m_seen.obituaryResets, resets + 1);
    int forThePod = 0;
    for (const Obituary &kept : std::as_const(m_seen.obituaries)) {
        if (kept.podName == o.podName) {
            ++forThePod;
            QCOMPARE(kept.logTail, o.logTail);
            QCOMPARE(kept.exitCode, 137);
        }
    }
    QCOMPARE(forThePod, 1);
}

void TestSessionPods::imagePull()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::ImagePull, u"pully"_s);
    create(u"pully"_s, 2);
    const QString uid = startAndOpen(u"pully"_s);
    QVERIFY(!uid.isEmpty());
    step(20000);
    QTRY_VERIFY2_WITH_TIMEOUT(m_seen.rootCause(uid).startsWith(u"JobManager cannot pull its image ("_s),
                              qPrintable(m_seen.rootCause(uid)), 20000);
    QTRY_COMPARE(m_seen.podsOf(uid, PodComponent::JobManager).size(), 1);
    const Pod jm = m_seen.podsOf(uid, PodComponent::JobManager).first();
    QCOMPARE(jm.phase, u"Pending"_s);
    const PodProblem problem = diagnosePod(jm);
    QVERIFY2(problem.reason == u"ImagePullBackOff"_s || problem.reason == u"ErrImagePull"_s,
             qPrintable(problem.reason));
    QVERIFY(problem.explanation.contains(u"spec.image"_s));
}

void TestSessionPods::unschedulable()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::Unschedulable, u"fat"_s);
    create(u"fat"_s, 2);
    const QString uid = startAndOpen(u"fat"_s);
    QVERIFY(!uid.isEmpty());
    step(20000);
    QTRY_VERIFY2_WITH_TIMEOUT(m_seen.rootCause(uid).startsWith(u"The JobManager pod cannot be scheduled: "_s),
                              qPrintable(m_seen.rootCause(uid)), 20000);
    QTRY_COMPARE(m_seen.podsOf(uid, PodComponent::JobManager).size(), 1);
    QCOMPARE(diagnosePod(m_seen.podsOf(uid, PodComponent::JobManager).first()).reason, u"Unschedulable"_s);
}

void TestSessionPods::forbiddenLogsNameThePermission()
{
    create(u"secret"_s, 2);
    const QString uid = startAndOpen(u"secret"_s);
    QVERIFY(!uid.isEmpty());
    step(15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.podsOf(uid, PodComponent::JobManager).size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.podsOf(uid, PodComponent::TaskManager).size(), 1, 10000);
    const Pod jm = m_seen.podsOf(uid, PodComponent::JobManager).first();
    const Pod tm = m_seen.podsOf(uid, PodComponent::TaskManager).first();
    m_sandbox->server->faults().setPodLogsForbidden(true);
    // The current logs come from Flink's REST API instead, and say so.
    LogOptions tail;
    tail.tailLines = 50;
    const quint64 id = openLog(uid, jm, tail);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(id), 10000);
    QCOMPARE(m_seen.ended.value(id), Error());
    QCOMPARE(m_seen.lines.value(id).size(), 50);
    QVERIFY2(m_seen.sources.value(id).startsWith(u"Flink REST (/jobmanager/log)"_s),
             qPrintable(m_seen.sources.value(id)));
    QVERIFY(m_seen.sources.value(id).contains(u"pods/log is forbidden"_s));
    const quint64 tmLog = openLog(uid, tm, tail);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(tmLog), 10000);
    QCOMPARE(m_seen.ended.value(tmLog), Error());
    QVERIFY(!m_seen.lines.value(tmLog).isEmpty());
    QVERIFY2(m_seen.sources.value(tmLog).contains(u"/taskmanagers/%1/log"_s.arg(tm.name)),
             qPrintable(m_seen.sources.value(tmLog)));
    // The previous container is not in Flink's REST API: the missing permission is named.
    LogOptions previous;
    previous.previous = true;
    const quint64 denied = openLog(uid, jm, previous);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(denied), 10000);
    const Error error = m_seen.ended.value(denied);
    QCOMPARE(error.reason, LogReader::forbiddenReason);
    QVERIFY2(error.message.contains(u"\"get pods/log in default\""_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"no log of a previous container"_s), qPrintable(error.message));
}

void TestSessionPods::tailAndPreviousLikeKubectl()
{
    create(u"talky"_s, 2);
    const QString uid = startAndOpen(u"talky"_s);
    QVERIFY(!uid.isEmpty());
    step(30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.podsOf(uid, PodComponent::JobManager).size(), 1, 10000);
    const Pod jm = m_seen.podsOf(uid, PodComponent::JobManager).first();
    LogOptions tail;
    tail.tailLines = 20;
    const quint64 id = openLog(uid, jm, tail);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(id), 10000);
    QCOMPARE(m_seen.lines.value(id).size(), 20);
    // A container that never restarted has no previous log: the API server's error, as kubectl shows it.
    LogOptions previous;
    previous.previous = true;
    const quint64 none = openLog(uid, jm, previous);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(none), 10000);
    QCOMPARE(m_seen.ended.value(none).httpStatus, 400);
    QVERIFY(m_seen.lines.value(none).isEmpty());

    const test::KubectlRunner kubectl(m_sandbox->kubeconfigPath);
    if (!kubectl.available())
        QSKIP("kubectl is not installed");
    const auto out
        = kubectl.run({u"logs"_s, u"-n"_s, u"default"_s, u"--tail=20"_s, u"-c"_s, Pod::mainContainerName, jm.name});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(QString::fromUtf8(out.out).split(u'\n', Qt::SkipEmptyParts), m_seen.lines.value(id));
    const auto err = kubectl.run({u"logs"_s, u"-n"_s, u"default"_s, u"--previous"_s, jm.name});
    QVERIFY(err.exitCode != 0);
    QVERIFY2(QString::fromUtf8(err.err).contains(m_seen.ended.value(none).message),
             qPrintable(QString::fromUtf8(err.err) + u" vs "_s + m_seen.ended.value(none).message));
}

void TestSessionPods::followEndsWithTheContainer()
{
    create(u"follow"_s, 2);
    const QString uid = startAndOpen(u"follow"_s);
    QVERIFY(!uid.isEmpty());
    step(15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_seen.podsOf(uid, PodComponent::JobManager).size(), 1, 10000);
    LogOptions follow;
    follow.follow = true;
    const quint64 id = openLog(uid, m_seen.podsOf(uid, PodComponent::JobManager).first(), follow);
    QTRY_VERIFY_WITH_TIMEOUT(!m_seen.lines.value(id).isEmpty(), 10000);
    const qsizetype before = m_seen.lines.value(id).size();
    step(30000); // checkpoints every 10 s: the JobManager writes on
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.lines.value(id).size() > before, 10000);
    QVERIFY(!m_seen.ended.contains(id));
    QVERIFY(
        m_sandbox->server->store()
            .mergePatch(u"flinkdeployments"_s, u"default"_s, u"follow"_s,
                        QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"suspended"_s}}}}}})
            .ok());
    step(20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_seen.ended.contains(id), 10000);
    QCOMPARE(m_seen.ended.value(id), Error());
    QCOMPARE(m_session->openLogCount(), 0);
}

QTEST_GUILESS_MAIN(TestSessionPods)
#include "tst_sessionpods.moc"
