#include "fakeapiserver.h"
#include "kube/kubeclient.h"
#include "session/clustersession.h"
#include "session/historystore.h"
#include "session/podmonitor.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using capstan::test::FakeApiServer;

namespace {
const QString kDeploymentUid = QStringLiteral("b4e1d2c3-2222-4333-8444-555566667777");

QJsonObject podJson(const QString &name)
{
    QFile f(QStringLiteral(CAPSTAN_TEST_DATA_DIR "/pods/") + name + QLatin1String(".json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(name));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject withName(QJsonObject pod, const QString &name, const QString &uid)
{
    QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), name);
    metadata.insert(QStringLiteral("uid"), uid);
    pod.insert(QStringLiteral("metadata"), metadata);
    return pod;
}

InformerBatch upsert(const QList<QJsonObject> &pods)
{
    InformerBatch b;
    b.upserted = pods;
    return b;
}

InformerBatch removal(const QStringList &uids)
{
    InformerBatch b;
    b.removed = uids;
    return b;
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

QByteArray lines(int n, const QByteArray &prefix = "line ")
{
    QByteArray out;
    for (int i = 1; i <= n; ++i)
        out += prefix + QByteArray::number(i) + '\n';
    return out;
}

QList<Obituary> obituaries(const QSignalSpy &spy)
{
    QList<Obituary> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<Obituary>();
    return out;
}
} // namespace

class TestPodMonitor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void indexesPodsByDeployment();
    void oomKilledTaskManagerLeavesObituaryWithLogTail();
    void crashLoopFetchesThePreviousLog();
    void deletionReadsTheLogWhileThePodExists();
    void disappearanceIsRecordedOnceAndSucceededIsNot();
    void gracefulStopIsNotADeath();
    void teardownLeavesNoObituaries();
    void atMostThreeFetchesAtATime();
    void knownObituaryIsNotRecordedAgain();
    void oldTerminationIsRecordedWithoutFetch();
    void storeKeepsTheNewestPerDeployment();
    void sessionSaysWhenPodsAreForbidden();

private:
    PodMonitor *monitor();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeApiServer> m_api;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<PodMonitor> m_monitor;
};

void TestPodMonitor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_api = std::make_unique<FakeApiServer>();
    const auto connection = m_api->connection();
    QVERIFY(connection.ok());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<KubeClient>(m_nam.get(), connection.value());
    m_history = std::make_unique<HistoryStore>(m_dir->filePath(QStringLiteral("history.sqlite")));
    QVERIFY(m_history->isOpen());
}

void TestPodMonitor::cleanup()
{
    m_monitor.reset();
    m_history.reset();
    m_client.reset();
    m_nam.reset();
    m_api.reset();
    m_dir.reset();
}

PodMonitor *TestPodMonitor::monitor()
{
    m_monitor = std::make_unique<PodMonitor>(m_client.get(), m_history.get(), [](const QString &key) {
        return key == QLatin1String("flink-jobs/github-analytics") ? kDeploymentUid : QString();
    });
    return m_monitor.get();
}

void TestPodMonitor::indexesPodsByDeployment()
{
    PodMonitor *pods = monitor();
    QSignalSpy changed(pods, &PodMonitor::podsChanged);
    pods->apply(upsert({podJson(QStringLiteral("jobmanager-running")),
                        podJson(QStringLiteral("standalone-taskmanager-sidecar"))}),
                utc("2026-11-30T08:15:00Z"));
    QCOMPARE(pods->size(), 2);
    QCOMPARE(pods->podsOf(QStringLiteral("flink-jobs/github-analytics")).size(), 1);
    QCOMPARE(pods->podsOf(QStringLiteral("flink-jobs/orders")).size(), 1);
    QCOMPARE(changed.size(), 2); // one per deployment
    pods->apply(removal({QStringLiteral("0a8f6e52-5d1c-4a8e-9b61-2f3c4d5e6f70")}), utc("2026-11-30T08:16:00Z"));
    QVERIFY(pods->podsOf(QStringLiteral("flink-jobs/github-analytics")).isEmpty());
    QCOMPARE(pods->deploymentKeys(), QStringList{QStringLiteral("flink-jobs/orders")});
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("flink-jobs/github-analytics"));
    QCOMPARE(changed.last().at(2).toStringList(), QStringList{QStringLiteral("0a8f6e52-5d1c-4a8e-9b61-2f3c4d5e6f70")});
}

void TestPodMonitor::oomKilledTaskManagerLeavesObituaryWithLogTail()
{
    m_api->handler = [](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.path.endsWith(QLatin1String("/pods/github-analytics-taskmanager-1-2/log")))
            FakeApiServer::respond(socket, 200, lines(200));
        else
            FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("not found"));
    };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    pods->apply(upsert({podJson(QStringLiteral("taskmanager-oomkilled"))}), utc("2026-11-30T09:02:20Z"));
    QCOMPARE(spy.size(), 1); // at once, without its log
    QTRY_COMPARE(spy.size(), 2); // then with it
    const Obituary o = obituaries(spy).last();
    QCOMPARE(o.deploymentUid, kDeploymentUid);
    QCOMPARE(o.podName, QStringLiteral("github-analytics-taskmanager-1-2"));
    QCOMPARE(o.component, PodComponent::TaskManager);
    QCOMPARE(o.node, QStringLiteral("gke-prod-pool-1-4f2a9c1d-x7k2"));
    QCOMPARE(o.reason, QStringLiteral("OOMKilled"));
    QCOMPARE(o.exitCode, 137);
    QCOMPARE(o.started, utc("2026-11-30T08:14:31Z"));
    QCOMPARE(o.ended, utc("2026-11-30T09:02:17Z"));
    QVERIFY(o.explanation.contains(QLatin1String("raise taskmanager memory")));
    QCOMPARE(o.logTail.size(), 200);
    QCOMPARE(o.logTail.last(), QStringLiteral("line 200"));
    QCOMPARE(o.logSource, QStringLiteral("Kubernetes (pods/log)"));
    QCOMPARE(m_api->requests.size(), 1);
    const QUrlQuery query = m_api->requests.first().query;
    QCOMPARE(query.queryItemValue(QStringLiteral("tailLines")), QStringLiteral("200"));
    QCOMPARE(query.queryItemValue(QStringLiteral("container")), Pod::mainContainerName);
    QVERIFY(!query.hasQueryItem(QStringLiteral("previous")));
    // Kept, and the pod's later deletion adds nothing.
    pods->apply(removal({QStringLiteral("5c2d7a90-3e4f-4b1a-8c2d-9e0f1a2b3c4d")}), utc("2026-11-30T09:03:00Z"));
    QCOMPARE(spy.size(), 2);
    const QList<Obituary> stored = m_history->obituaries(kDeploymentUid);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first(), o);
}

void TestPodMonitor::crashLoopFetchesThePreviousLog()
{
    QFile log(QStringLiteral(CAPSTAN_TEST_DATA_DIR "/pods/jobmanager-crashloop.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    m_api->handler = [text](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.query.queryItemValue(QStringLiteral("previous")) == QLatin1String("true"))
            FakeApiServer::respond(socket, 200, text);
        else
            FakeApiServer::respond(socket, 200, "starting again\n");
    };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    pods->apply(upsert({podJson(QStringLiteral("jobmanager-crashloop"))}), utc("2026-11-30T08:20:00Z"));
    QTRY_COMPARE(spy.size(), 2);
    const Obituary o = obituaries(spy).last();
    QCOMPARE(o.component, PodComponent::JobManager);
    QCOMPARE(o.reason, QStringLiteral("Error"));
    QCOMPARE(o.exitCode, 1);
    QCOMPARE(o.logCause, QStringLiteral("ClassNotFoundException: com.example.Main"));
    QVERIFY(o.logTail.contains(QStringLiteral("Caused by: java.lang.ClassNotFoundException: com.example.Main")));
    QCOMPARE(m_api->requests.size(), 1);
}

void TestPodMonitor::deletionReadsTheLogWhileThePodExists()
{
    m_api->handler = [](const FakeApiServer::Request &, QTcpSocket *socket) {
        FakeApiServer::respond(socket, 200, lines(3, "released "));
    };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    QJsonObject running = podJson(QStringLiteral("taskmanager-terminating"));
    QJsonObject metadata = running.value(QLatin1String("metadata")).toObject();
    metadata.remove(QStringLiteral("deletionTimestamp"));
    running.insert(QStringLiteral("metadata"), metadata);
    // Its JobManager runs on: Flink released this TaskManager.
    pods->apply(upsert({podJson(QStringLiteral("jobmanager-running")), running}), utc("2026-11-30T09:29:00Z"));
    QCOMPARE(spy.size(), 0); // running: nothing to record
    // deletionTimestamp is when the grace period ends; the deletion began when it was seen.
    pods->apply(upsert({podJson(QStringLiteral("taskmanager-terminating"))}), utc("2026-11-30T09:29:30Z"));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(m_api->requests.size(), 0); // the fetch starts on the next turn, still before the pod is gone
    QTRY_COMPARE(spy.size(), 2);
    pods->apply(removal({QStringLiteral("9a6b1e34-7c8d-4f5e-8a6b-3c4d5e6f7081")}), utc("2026-11-30T09:30:31Z"));
    QCOMPARE(spy.size(), 2);
    const Obituary o = obituaries(spy).last();
    QCOMPARE(o.reason, QStringLiteral("Deleted"));
    QCOMPARE(o.exitCode, -1);
    QCOMPARE(o.ended, utc("2026-11-30T09:29:30Z"));
    QCOMPARE(o.logTail,
             (QStringList{QStringLiteral("released 1"), QStringLiteral("released 2"), QStringLiteral("released 3")}));
}

void TestPodMonitor::disappearanceIsRecordedOnceAndSucceededIsNot()
{
    m_api->handler = [](const FakeApiServer::Request &, QTcpSocket *socket) {
        FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"),
                                     QStringLiteral("pods \\\"github-analytics-7d9c6b5f8d-m2x8q\\\" not found"));
    };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    QJsonObject succeeded = withName(podJson(QStringLiteral("jobmanager-running")), QStringLiteral("done"),
                                     QStringLiteral("uid-succeeded"));
    QJsonObject status = succeeded.value(QLatin1String("status")).toObject();
    status.insert(QStringLiteral("phase"), QStringLiteral("Succeeded"));
    succeeded.insert(QStringLiteral("status"), status);
    pods->apply(upsert({podJson(QStringLiteral("jobmanager-running")), succeeded}), utc("2026-11-30T08:15:00Z"));
    pods->apply(removal({QStringLiteral("0a8f6e52-5d1c-4a8e-9b61-2f3c4d5e6f70"), QStringLiteral("uid-succeeded")}),
                utc("2026-11-30T08:16:00Z"));
    QCOMPARE(spy.size(), 1);
    QTRY_COMPARE(spy.size(), 2);
    const Obituary o = obituaries(spy).last();
    QCOMPARE(o.podName, QStringLiteral("github-analytics-7d9c6b5f8d-m2x8q"));
    QCOMPARE(o.reason, QStringLiteral("Deleted"));
    QCOMPARE(o.ended, utc("2026-11-30T08:16:00Z"));
    QVERIFY(o.logTail.isEmpty());
    QVERIFY2(o.logError.contains(QLatin1String("not found")), qPrintable(o.logError));
}

void TestPodMonitor::gracefulStopIsNotADeath()
{
    m_api->handler
        = [](const FakeApiServer::Request &, QTcpSocket *socket) { FakeApiServer::respond(socket, 200, "bye\n"); };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    QJsonObject pod = podJson(QStringLiteral("taskmanager-terminating"));
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    QJsonObject container = status.value(QLatin1String("containerStatuses")).toArray().first().toObject();
    container.insert(
        QStringLiteral("state"),
        QJsonObject{{QStringLiteral("terminated"),
                     QJsonObject{{QStringLiteral("exitCode"), 143},
                                 {QStringLiteral("reason"), QStringLiteral("Error")},
                                 {QStringLiteral("startedAt"), QStringLiteral("2026-11-30T08:14:31Z")},
                                 {QStringLiteral("finishedAt"), QStringLiteral("2026-11-30T09:30:02Z")}}}});
    status.insert(QStringLiteral("containerStatuses"), QJsonArray{container});
    pod.insert(QStringLiteral("status"), status);
    pods->apply(upsert({podJson(QStringLiteral("jobmanager-running")), pod}), utc("2026-11-30T09:30:03Z"));
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(obituaries(spy).first().reason, QStringLiteral("Deleted")); // not "Error (exit 143)"
    QVERIFY(!QTest::qWaitFor([&] { return spy.size() > 2; }, 200));
}

void TestPodMonitor::teardownLeavesNoObituaries()
{
    m_api->handler
        = [](const FakeApiServer::Request &, QTcpSocket *socket) { FakeApiServer::respond(socket, 200, "bye\n"); };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    QJsonObject running = podJson(QStringLiteral("taskmanager-terminating"));
    QJsonObject metadata = running.value(QLatin1String("metadata")).toObject();
    metadata.remove(QStringLiteral("deletionTimestamp"));
    running.insert(QStringLiteral("metadata"), metadata);
    // A TaskManager deleted while its JobManager is gone: the cluster is taken down, nobody died.
    pods->apply(upsert({running}), utc("2026-11-30T09:29:00Z"));
    pods->apply(upsert({podJson(QStringLiteral("taskmanager-terminating"))}), utc("2026-11-30T09:29:30Z"));
    pods->apply(removal({QStringLiteral("9a6b1e34-7c8d-4f5e-8a6b-3c4d5e6f7081")}), utc("2026-11-30T09:30:31Z"));
    QVERIFY(!QTest::qWaitFor([&] { return spy.size() > 0; }, 200));

    // The operator suspending the deployment: its JobManager goes too, without an obituary.
    pods->setTeardownCheck([](const QString &key) { return key == QLatin1String("flink-jobs/github-analytics"); });
    pods->apply(upsert({podJson(QStringLiteral("jobmanager-running"))}), utc("2026-11-30T09:31:00Z"));
    pods->apply(removal({QStringLiteral("0a8f6e52-5d1c-4a8e-9b61-2f3c4d5e6f70")}), utc("2026-11-30T09:32:00Z"));
    QVERIFY(!QTest::qWaitFor([&] { return spy.size() > 0; }, 200));
    QCOMPARE(m_api->requests.size(), 0);
}

void TestPodMonitor::atMostThreeFetchesAtATime()
{
    QList<QPointer<QTcpSocket>> held;
    m_api->handler = [&held](const FakeApiServer::Request &, QTcpSocket *socket) { held << socket; };
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    QList<QJsonObject> many;
    for (int i = 0; i < 10; ++i)
        many << withName(podJson(QStringLiteral("taskmanager-oomkilled")),
                         QStringLiteral("github-analytics-taskmanager-1-%1").arg(i + 10),
                         QStringLiteral("uid-%1").arg(i));
    pods->apply(upsert(many), utc("2026-11-30T09:02:20Z"));
    QCOMPARE(spy.size(), 10);
    QTRY_COMPARE(held.size(), 3);
    QCOMPARE(pods->fetchesRunning(), 3);
    int answered = 0;
    while (answered < 10) {
        QTRY_VERIFY(held.size() > answered);
        QVERIFY(pods->fetchesRunning() <= 3);
        QVERIFY(held.size() - answered <= 3);
        FakeApiServer::respond(held.at(answered++), 200, "last words\n");
    }
    QTRY_COMPARE(spy.size(), 20);
    for (const Obituary &o : m_history->obituaries(kDeploymentUid))
        QCOMPARE(o.logTail, QStringList{QStringLiteral("last words")});
}

void TestPodMonitor::knownObituaryIsNotRecordedAgain()
{
    m_api->handler
        = [](const FakeApiServer::Request &, QTcpSocket *socket) { FakeApiServer::respond(socket, 200, "x\n"); };
    {
        PodMonitor *pods = monitor();
        QSignalSpy spy(pods, &PodMonitor::obituary);
        pods->apply(upsert({podJson(QStringLiteral("taskmanager-oomkilled"))}), utc("2026-11-30T09:02:20Z"));
        QTRY_COMPARE(spy.size(), 2);
    }
    // Capstan starts again and lists the same pod.
    PodMonitor *again = monitor();
    QSignalSpy spy(again, &PodMonitor::obituary);
    again->apply(upsert({podJson(QStringLiteral("taskmanager-oomkilled"))}), utc("2026-11-30T09:10:00Z"));
    QVERIFY(!spy.wait(300));
    QCOMPARE(m_history->obituaries(kDeploymentUid).size(), 1);
}

void TestPodMonitor::oldTerminationIsRecordedWithoutFetch()
{
    PodMonitor *pods = monitor();
    QSignalSpy spy(pods, &PodMonitor::obituary);
    pods->apply(upsert({podJson(QStringLiteral("taskmanager-oomkilled"))}), utc("2026-12-01T09:00:00Z"));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!spy.wait(300));
    QVERIFY(m_api->requests.isEmpty());
    QCOMPARE(m_history->obituaries(kDeploymentUid).size(), 1);
}

void TestPodMonitor::storeKeepsTheNewestPerDeployment()
{
    const QDateTime t0 = utc("2026-11-30T09:00:00Z");
    for (int i = 0; i < HistoryStore::maxObituariesPerDeployment + 5; ++i) {
        Obituary o;
        o.key = QStringLiteral("pod/%1").arg(i);
        o.deploymentUid = kDeploymentUid;
        o.podName = QStringLiteral("jm");
        o.ended = t0.addSecs(i);
        o.reason = QStringLiteral("Error");
        o.exitCode = 1;
        m_history->saveObituary(o);
    }
    const QList<Obituary> kept = m_history->obituaries(kDeploymentUid);
    QCOMPARE(kept.size(), HistoryStore::maxObituariesPerDeployment);
    QCOMPARE(kept.first().key, QStringLiteral("pod/%1").arg(HistoryStore::maxObituariesPerDeployment + 4));
    QVERIFY(m_history->hasObituary(kept.last().key));
    QVERIFY(!m_history->hasObituary(QStringLiteral("pod/0")));
}

void TestPodMonitor::sessionSaysWhenPodsAreForbidden()
{
    // A user who may read FlinkDeployments but not list pods.
    QList<QPointer<QTcpSocket>> watches;
    m_api->handler = [&watches](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.path.endsWith(QLatin1String("/flinkdeployments"))) {
            if (request.query.hasQueryItem(QStringLiteral("watch"))) {
                FakeApiServer::beginChunked(socket);
                watches << socket;
            } else {
                FakeApiServer::respond(
                    socket, 200, R"({"kind":"FlinkDeploymentList","metadata":{"resourceVersion":"7"},"items":[]})",
                    "application/json");
            }
        } else if (request.path.endsWith(QLatin1String("/pods"))) {
            FakeApiServer::respondStatus(socket, 403, QStringLiteral("Forbidden"),
                                         QStringLiteral("pods is forbidden: User \\\"dev\\\" cannot list resource "
                                                        "\\\"pods\\\" in API group \\\"\\\" in the namespace "
                                                        "\\\"default\\\""));
        } else {
            FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("not found"));
        }
    };
    const auto config = KubeConfigLoader::load({m_api->kubeconfigPath(), QString(), QString()});
    QVERIFY(config.ok());
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    ClusterSession session(config.value(), QStringLiteral("fake"), QStringLiteral("default"), options);
    QSignalSpy unavailable(&session, &ClusterSession::podsUnavailable);
    session.start();
    QVERIFY(unavailable.wait(10000));
    const Error error = unavailable.first().at(0).value<Error>();
    QCOMPARE(error.httpStatus, 403);
    QVERIFY2(error.message.contains(QLatin1String("cannot list resource")), qPrintable(error.message));
    QVERIFY(!unavailable.wait(1500)); // said once, not at every retry
    QCOMPARE(unavailable.size(), 1);
}

QTEST_GUILESS_MAIN(TestPodMonitor)
#include "tst_podmonitor.moc"
