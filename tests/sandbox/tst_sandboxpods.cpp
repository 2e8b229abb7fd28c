// The sandbox's pods: what native Kubernetes mode creates for every simulated deployment, how they
// follow the simulation (redeploy, scale, suspend), pods/log with the API server's parameters and
// errors, the pod faults and the RBAC of pods/log. The operator simulation runs on a paused clock
// that the tests step, so every transition is where the test puts it.

#include "common/sandboxfixture.h"
#include "sandbox/faultplan.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Reply
{
    int status = 0;
    QByteArray raw;
    QJsonObject body;
};

QJsonObject at(const QJsonObject &o, const QString &path)
{
    QJsonObject current = o;
    for (const QString &part : path.split(u'.'))
        current = current.value(part).toObject();
    return current;
}

QString str(const QJsonObject &o, const QString &path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    return (dot < 0 ? o : at(o, path.left(dot))).value(dot < 0 ? path : path.mid(dot + 1)).toString();
}

QJsonObject mainStatus(const QJsonObject &pod)
{
    return at(pod, u"status"_s).value(u"containerStatuses"_s).toArray().at(0).toObject();
}

} // namespace

class TestSandboxPods : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void podsOfADeployment();
    void standaloneMode();
    void labelAndFieldSelectors();
    void podsFollowRedeployScaleAndSuspend();
    void deletedPodsAreReplaced();
    void logParametersAsTheApiServer();
    void logErrorsAsTheApiServer();
    void followEndsWhenTheContainerEnds();
    void restartLoopShowsTheExceptionInBothLogs();
    void jobManagerCrashLoop();
    void taskManagerOomKilled();
    void imagePullBackOff();
    void unschedulable();
    void podLogsCanBeForbidden();
    void flinkRestLogs();
    void faultSpecs();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    // Moves the cluster's clock on by ms, one reconcile pass every 250 ms of it.
    void step(qint64 ms);
    void create(const QString &name, int parallelism, const QJsonObject &extraSpec = {});
    QList<QJsonObject> pods(const QString &labelSelector, const QString &ns = u"default"_s);
    QJsonObject pod(const QString &labelSelector);
    QJsonObject deployment(const QString &name);
    QList<QJsonObject> eventsOf(const QString &pod);
    Reply get(const QString &path, const QString &token = {}, const QByteArray &method = "GET",
              const QByteArray &body = {});
    QNetworkRequest request(const QString &path, const QString &token = {}) const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
};

void TestSandboxPods::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromData(m_sandbox->server->caCertificatePem(), QSsl::Pem));
}

void TestSandboxPods::cleanup()
{
    m_sandbox.reset();
}

void TestSandboxPods::step(qint64 ms)
{
    m_sandbox->stepSimulation(ms);
}

void TestSandboxPods::create(const QString &name, int parallelism, const QJsonObject &extraSpec)
{
    QVERIFY(
        m_sandbox->server->store()
            .create(u"flinkdeployments"_s, u"default"_s, SandboxFixture::podDeployment(name, parallelism, extraSpec))
            .ok());
}

QList<QJsonObject> TestSandboxPods::pods(const QString &labelSelector, const QString &ns)
{
    ListOptions options;
    options.labelSelector = labelSelector;
    QList<QJsonObject> list;
    const StoreResult r = m_sandbox->server->store().list(u"pods"_s, ns, options);
    for (const QJsonValue &v : r.object.value(u"items"_s).toArray())
        list.append(v.toObject());
    return list;
}

QJsonObject TestSandboxPods::pod(const QString &labelSelector)
{
    const QList<QJsonObject> list = pods(labelSelector);
    return list.size() == 1 ? list.first() : QJsonObject();
}

QJsonObject TestSandboxPods::deployment(const QString &name)
{
    return m_sandbox->server->store().get(u"flinkdeployments"_s, u"default"_s, name).object;
}

QList<QJsonObject> TestSandboxPods::eventsOf(const QString &podName)
{
    ListOptions options;
    options.fieldSelector = u"involvedObject.kind=Pod,involvedObject.name=%1"_s.arg(podName);
    QList<QJsonObject> list;
    for (const QJsonValue &v :
         m_sandbox->server->store().list(u"events"_s, u"default"_s, options).object.value(u"items"_s).toArray())
        list.append(v.toObject());
    return list;
}

QNetworkRequest TestSandboxPods::request(const QString &path, const QString &token) const
{
    QNetworkRequest req(QUrl(m_sandbox->server->serverUrl() + path));
    req.setSslConfiguration(m_ssl);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setRawHeader("Authorization",
                     "Bearer " + (token.isEmpty() ? m_sandbox->server->adminToken() : token).toLatin1());
    return req;
}

Reply TestSandboxPods::get(const QString &path, const QString &token, const QByteArray &method, const QByteArray &body)
{
    QNetworkRequest req = request(path, token);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    reply->deleteLater();
    return r;
}

void TestSandboxPods::podsOfADeployment()
{
    create(u"wordcount"_s, 3);
    step(15000);
    const QList<QJsonObject> all = pods(u"app=wordcount"_s);
    QCOMPARE(all.size(), 3); // a JobManager and ceil(3 / 2) TaskManagers

    const QJsonObject jm = pod(u"app=wordcount,component=jobmanager"_s);
    QVERIFY(!jm.isEmpty());
    QVERIFY2(
        QRegularExpression(u"^wordcount-[b-z2-9]{10}-[b-z2-9]{5}$"_s).match(str(jm, u"metadata.name"_s)).hasMatch(),
        qPrintable(str(jm, u"metadata.name"_s)));
    const QJsonObject jmOwner = at(jm, u"metadata"_s).value(u"ownerReferences"_s).toArray().at(0).toObject();
    QCOMPARE(jmOwner.value(u"kind"_s).toString(), u"ReplicaSet"_s);
    QCOMPARE(jmOwner.value(u"name"_s).toString(), u"wordcount-"_s + str(jm, u"metadata.labels.pod-template-hash"_s));
    QCOMPARE(str(jm, u"metadata.labels.type"_s), u"flink-native-kubernetes"_s);
    QCOMPARE(str(jm, u"spec.restartPolicy"_s), u"Always"_s);
    QCOMPARE(str(jm, u"status.phase"_s), u"Running"_s);
    QVERIFY(!str(jm, u"spec.nodeName"_s).isEmpty());
    QVERIFY(!str(jm, u"status.podIP"_s).isEmpty());

    const QList<QJsonObject> tms = pods(u"component=taskmanager,app=wordcount"_s);
    QCOMPARE(tms.size(), 2);
    QStringList names;
    for (const QJsonObject &tm : tms) {
        names.append(str(tm, u"metadata.name"_s));
        const QJsonObject owner = at(tm, u"metadata"_s).value(u"ownerReferences"_s).toArray().at(0).toObject();
        QCOMPARE(owner.value(u"kind"_s).toString(), u"Deployment"_s);
        QCOMPARE(owner.value(u"apiVersion"_s).toString(), u"apps/v1"_s);
        QCOMPARE(owner.value(u"name"_s).toString(), u"wordcount"_s);
        QCOMPARE(str(tm, u"spec.restartPolicy"_s), u"Never"_s);
        const QJsonObject container = at(tm, u"spec"_s).value(u"containers"_s).toArray().at(0).toObject();
        QCOMPARE(container.value(u"name"_s).toString(), u"flink-main-container"_s);
        QCOMPARE(str(container, u"resources.limits.memory"_s), u"2Gi"_s);
        QCOMPARE(str(container, u"resources.requests.cpu"_s), u"1"_s);
        QCOMPARE(str(tm, u"status.phase"_s), u"Running"_s);
        const QJsonObject status = mainStatus(tm);
        QVERIFY(status.value(u"ready"_s).toBool());
        QCOMPARE(status.value(u"restartCount"_s).toInt(), 0);
        QVERIFY(!str(status, u"state.running.startedAt"_s).isEmpty());
        QVERIFY(!status.value(u"containerID"_s).toString().isEmpty());
        bool ready = false;
        for (const QJsonValue &c : at(tm, u"status"_s).value(u"conditions"_s).toArray())
            ready = ready
                || (c.toObject().value(u"type"_s) == u"Ready"_s && c.toObject().value(u"status"_s) == u"True"_s);
        QVERIFY(ready);
    }
    names.sort();
    QCOMPARE(names, QStringList({u"wordcount-taskmanager-1-1"_s, u"wordcount-taskmanager-1-2"_s}));
    QCOMPARE(str(deployment(u"wordcount"_s), u"status.taskManager.labelSelector"_s),
             u"component=taskmanager,app=wordcount"_s);

    // Kubelet events of the JobManager pod, on the cluster's clock.
    QStringList reasons;
    for (const QJsonObject &e : eventsOf(str(jm, u"metadata.name"_s)))
        reasons.append(e.value(u"reason"_s).toString());
    for (const char *reason : {"Scheduled", "Pulling", "Pulled", "Created", "Started"})
        QVERIFY2(reasons.contains(QLatin1String(reason)), reason);
}

void TestSandboxPods::standaloneMode()
{
    create(u"solo"_s, 4, QJsonObject{{u"mode"_s, u"standalone"_s}});
    step(15000);
    QCOMPARE(pods(u"type=flink-standalone-kubernetes,app=solo"_s).size(), 3);
    const QList<QJsonObject> tms = pods(u"app=solo,component=taskmanager"_s);
    QCOMPARE(tms.size(), 2);
    for (const QJsonObject &tm : tms) {
        const QString hash = str(tm, u"metadata.labels.pod-template-hash"_s);
        QVERIFY(QRegularExpression(u"^solo-taskmanager-%1-[b-z2-9]{5}$"_s.arg(hash))
                    .match(str(tm, u"metadata.name"_s))
                    .hasMatch());
        const QJsonObject owner = at(tm, u"metadata"_s).value(u"ownerReferences"_s).toArray().at(0).toObject();
        QCOMPARE(owner.value(u"kind"_s).toString(), u"ReplicaSet"_s);
        QCOMPARE(owner.value(u"name"_s).toString(), u"solo-taskmanager-"_s + hash);
        QCOMPARE(str(tm, u"spec.restartPolicy"_s), u"Always"_s);
    }
    // An OOM kill restarts the container in place: the same pod, restartCount 1, lastState OOMKilled.
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::TaskManagerOom, u"solo"_s);
    step(3000);
    QCOMPARE(pods(u"app=solo,component=taskmanager"_s).size(), 2);
    int restarted = 0;
    for (const QJsonObject &tm : pods(u"app=solo,component=taskmanager"_s)) {
        const QJsonObject status = mainStatus(tm);
        if (status.value(u"restartCount"_s).toInt() != 1)
            continue;
        ++restarted;
        QCOMPARE(str(status, u"lastState.terminated.reason"_s), u"OOMKilled"_s);
        QCOMPARE(at(status, u"lastState.terminated"_s).value(u"exitCode"_s).toInt(), 137);
        QVERIFY(!str(status, u"state.running.startedAt"_s).isEmpty());
        QCOMPARE(str(tm, u"status.phase"_s), u"Running"_s);
        const Reply previous
            = get(u"/api/v1/namespaces/default/pods/%1/log?previous=true"_s.arg(str(tm, u"metadata.name"_s)));
        QCOMPARE(previous.status, 200);
        QVERIFY(previous.raw.contains("Starting TaskManager with ResourceID"));
    }
    QCOMPARE(restarted, 1);
}

void TestSandboxPods::labelAndFieldSelectors()
{
    create(u"alpha"_s, 2);
    create(u"beta"_s, 4);
    step(15000);
    QCOMPARE(pods(u"type=flink-native-kubernetes"_s).size(), 2 + 3);
    QCOMPARE(pods(u"component=taskmanager"_s).size(), 1 + 2);
    QCOMPARE(pods(u"app in (beta),component!=jobmanager"_s).size(), 2);

    // Over HTTP, as an informer lists and watches: selectors, a field selector and the list's resourceVersion.
    Reply r = get(u"/api/v1/namespaces/default/pods?labelSelector=app%3Dalpha&fieldSelector=status.phase%3DRunning"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(u"kind"_s).toString(), u"PodList"_s);
    QCOMPARE(r.body.value(u"items"_s).toArray().size(), 2);
    QVERIFY(!str(r.body, u"metadata.resourceVersion"_s).isEmpty());
    r = get(u"/api/v1/pods?fieldSelector=spec.restartPolicy%3DNever"_s);
    QCOMPARE(r.body.value(u"items"_s).toArray().size(), 3);
    r = get(u"/api/v1/pods?fieldSelector=spec.containers.name%3Dx"_s);
    QCOMPARE(r.status, 400); // not a selectable field
    r = get(u"/api/v1/namespaces/default/pods/alpha-taskmanager-1-1"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(u"kind"_s).toString(), u"Pod"_s);
}

void TestSandboxPods::podsFollowRedeployScaleAndSuspend()
{
    create(u"elastic"_s, 2);
    step(15000);
    const QString firstJm = str(pod(u"app=elastic,component=jobmanager"_s), u"metadata.name"_s);
    QVERIFY(!firstJm.isEmpty());
    QCOMPARE(pods(u"app=elastic,component=taskmanager"_s).size(), 1);

    const auto eventsSince = [&](quint64 rv) {
        std::vector<WatchEvent> events;
        quint64 scanned = 0;
        quint64 oldest = 0;
        m_sandbox->server->store().eventsSince(rv, u"pods"_s, u"default"_s, 10000, &events, &scanned, &oldest);
        QStringList seen;
        for (const WatchEvent &e : events)
            seen.append(
                e.type + u' ' + str(e.object, u"metadata.name"_s)
                + (at(e.object, u"metadata"_s).contains(u"deletionTimestamp"_s) ? u" (terminating)"_s : QString()));
        return seen;
    };

    // Scale up: a redeploy with 5 / 2 slots = 3 TaskManagers; the old pods terminate, then go.
    quint64 rv = m_sandbox->server->store().currentResourceVersion();
    QVERIFY(m_sandbox->server->store()
                .mergePatch(u"flinkdeployments"_s, u"default"_s, u"elastic"_s,
                            QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 5}}}}}})
                .ok());
    step(20000);
    QStringList seen = eventsSince(rv);
    QVERIFY2(seen.contains(u"MODIFIED %1 (terminating)"_s.arg(firstJm)), qPrintable(seen.join(u", "_s)));
    QVERIFY2(seen.contains(u"DELETED %1 (terminating)"_s.arg(firstJm)), qPrintable(seen.join(u", "_s)));
    QVERIFY(seen.contains(u"DELETED elastic-taskmanager-1-1 (terminating)"_s));
    QVERIFY2(pods(u"app=elastic,component=taskmanager"_s).size() == 3,
             QJsonDocument(at(deployment(u"elastic"_s), u"status"_s)).toJson().constData());
    const QString secondJm = str(pod(u"app=elastic,component=jobmanager"_s), u"metadata.name"_s);
    QVERIFY(!secondJm.isEmpty());
    QVERIFY(secondJm != firstJm);
    QVERIFY(seen.contains(u"ADDED "_s + secondJm));

    // The old JobManager's log was kept as it ended: SIGTERM.
    // Suspend: every pod goes.
    rv = m_sandbox->server->store().currentResourceVersion();
    QVERIFY(
        m_sandbox->server->store()
            .mergePatch(u"flinkdeployments"_s, u"default"_s, u"elastic"_s,
                        QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"suspended"_s}}}}}})
            .ok());
    step(10000);
    QVERIFY(pods(u"app=elastic"_s).isEmpty());
    seen = eventsSince(rv);
    QVERIFY2(seen.contains(u"DELETED %1 (terminating)"_s.arg(secondJm)), qPrintable(seen.join(u", "_s)));
    QCOMPARE(seen.filter(u"DELETED elastic-taskmanager"_s).size(), 3);
}

void TestSandboxPods::deletedPodsAreReplaced()
{
    create(u"victim"_s, 2);
    step(15000);
    int restarts = -1;
    const auto countRestarts = [&] {
        sim()->withCluster(u"default"_s, u"victim"_s,
                           [&](const FlinkJobModel &cluster, qint64) { restarts = cluster.numRestarts(); });
        return restarts;
    };
    const int before = countRestarts();
    // kubectl delete pod of a TaskManager: Flink loses a worker, the job fails over, a new pod comes.
    QCOMPARE(get(u"/api/v1/namespaces/default/pods/victim-taskmanager-1-1"_s, {}, "DELETE").status, 200);
    step(2000);
    QCOMPARE(countRestarts(), before + 1);
    QList<QJsonObject> tms = pods(u"app=victim,component=taskmanager"_s);
    QCOMPARE(tms.size(), 1);
    QCOMPARE(str(tms.first(), u"metadata.name"_s), u"victim-taskmanager-1-2"_s);
    const QString jm = str(pod(u"app=victim,component=jobmanager"_s), u"metadata.name"_s);
    QVERIFY(get(u"/api/v1/namespaces/default/pods/%1/log"_s.arg(jm))
                .raw.contains("Worker victim-taskmanager-1-1 is terminated. Diagnostics: Pod victim-taskmanager-1-1 "
                              "was deleted."));

    // The JobManager pod: its ReplicaSet starts another, the JobManager comes up again (a new
    // resource manager attempt), and so do TaskManagers.
    QCOMPARE(get(u"/api/v1/namespaces/default/pods/%1"_s.arg(jm), {}, "DELETE").status, 200);
    step(20000);
    const QJsonObject next = pod(u"app=victim,component=jobmanager"_s);
    QVERIFY(!next.isEmpty());
    QVERIFY(str(next, u"metadata.name"_s) != jm);
    QCOMPARE(str(next, u"metadata.labels.pod-template-hash"_s),
             str(next, u"metadata.name"_s).section(u'-', 1, 1)); // the same ReplicaSet
    QCOMPARE(str(next, u"status.phase"_s), u"Running"_s);
    QCOMPARE(str(deployment(u"victim"_s), u"status.jobManagerDeploymentStatus"_s), u"READY"_s);
    tms = pods(u"app=victim,component=taskmanager"_s);
    QCOMPARE(tms.size(), 1);
    QCOMPARE(str(tms.first(), u"metadata.name"_s), u"victim-taskmanager-2-1"_s);
}

void TestSandboxPods::logParametersAsTheApiServer()
{
    create(u"logs"_s, 2);
    step(45000); // a few checkpoints
    const QString jm = str(pod(u"app=logs,component=jobmanager"_s), u"metadata.name"_s);
    const QString base = u"/api/v1/namespaces/default/pods/%1/log"_s.arg(jm);

    Reply all = get(base);
    QCOMPARE(all.status, 200);
    const QList<QByteArray> lines = all.raw.split('\n');
    QVERIFY(lines.size() > 40);
    // log4j console layout: date, level padded to 5, logger padded to 60, NDC, message.
    static const QRegularExpression layout(
        u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} (INFO |WARN |ERROR) [a-zA-Z.$]+ +\\[\\] - .*"_s);
    QVERIFY2(layout.match(QString::fromUtf8(lines.first())).hasMatch(), lines.first().constData());
    QVERIFY(all.raw.contains("StandaloneDispatcher"));
    QVERIFY(all.raw.contains("Received JobGraph submission 'logs'"));
    QVERIFY(all.raw.contains("switched from state CREATED to RUNNING."));
    QVERIFY(all.raw.contains("Creating new TaskManager pod with name logs-taskmanager-1-1"));
    static const QRegularExpression completed(
        u"Completed checkpoint (\\d+) for job [0-9a-f]{32} \\((\\d+) bytes, checkpointDuration=\\d+ ms"_s);
    QVERIFY(completed.match(QString::fromUtf8(all.raw)).hasMatch());
    // The log is on the cluster's clock: its last line is not after it.
    QDateTime last
        = QDateTime::fromString(QString::fromUtf8(lines.at(lines.size() - 2).left(23)), u"yyyy-MM-dd HH:mm:ss,zzz"_s);
    last.setTimeZone(QTimeZone::utc());
    QVERIFY(last.toMSecsSinceEpoch() <= sim()->clock().nowMs());

    Reply tail = get(base + u"?tailLines=3"_s);
    QCOMPARE(tail.status, 200);
    QCOMPARE(tail.raw.count('\n'), 3);
    QVERIFY(all.raw.endsWith(tail.raw));

    Reply stamped = get(base + u"?tailLines=2&timestamps=true"_s);
    static const QRegularExpression rfc3339(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z \\d{4}-"_s);
    QVERIFY2(rfc3339.match(QString::fromUtf8(stamped.raw)).hasMatch(), stamped.raw.constData());

    Reply since = get(base + u"?sinceSeconds=12"_s);
    QCOMPARE(since.status, 200);
    QVERIFY(since.raw.size() < all.raw.size());
    QVERIFY(since.raw.contains("Completed checkpoint"));
    QVERIFY(!since.raw.contains("Starting KubernetesApplicationClusterEntrypoint"));

    Reply limited = get(base + u"?limitBytes=100"_s);
    QCOMPARE(limited.raw.size(), 100);
    QVERIFY(all.raw.startsWith(limited.raw));

    Reply container = get(base + u"?container=flink-main-container&tailLines=1"_s);
    QCOMPARE(container.status, 200);
    QCOMPARE(container.raw.count('\n'), 1);

    // TaskManager logs: start, registration, its tasks.
    Reply tm = get(u"/api/v1/namespaces/default/pods/logs-taskmanager-1-1/log"_s);
    QCOMPARE(tm.status, 200);
    QVERIFY(tm.raw.contains("Starting TaskManager with ResourceID: logs-taskmanager-1-1"));
    QVERIFY(tm.raw.contains("Successful registration at resource manager"));
    QVERIFY(tm.raw.contains("switched from INITIALIZING to RUNNING."));
}

void TestSandboxPods::logErrorsAsTheApiServer()
{
    // A pod template with a sidecar: two containers.
    const QJsonObject podTemplate{
        {u"spec"_s,
         QJsonObject{{u"containers"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"flink-main-container"_s}},
                                 QJsonObject{{u"name"_s, u"log-shipper"_s}, {u"image"_s, u"fluent-bit:3.1"_s}}}}}}};
    create(u"sidecars"_s, 1, QJsonObject{{u"podTemplate"_s, podTemplate}});
    step(15000);
    const QString jm = str(pod(u"app=sidecars,component=jobmanager"_s), u"metadata.name"_s);
    const QString base = u"/api/v1/namespaces/default/pods/%1/log"_s.arg(jm);

    Reply r = get(base);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body.value(u"reason"_s).toString(), u"BadRequest"_s);
    QCOMPARE(
        r.body.value(u"message"_s).toString(),
        u"a container name must be specified for pod %1, choose one of: [flink-main-container log-shipper]"_s.arg(jm));
    r = get(base + u"?container=log-shipper"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.raw.contains("log-shipper starting"));
    r = get(base + u"?container=nope"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body.value(u"message"_s).toString(), u"container nope is not valid for pod %1"_s.arg(jm));
    r = get(base + u"?container=flink-main-container&previous=true"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body.value(u"message"_s).toString(),
             u"previous terminated container \"flink-main-container\" in pod \"%1\" not found"_s.arg(jm));
    r = get(base + u"?container=flink-main-container&tailLines=-1"_s);
    QCOMPARE(r.status, 422);
    QVERIFY(r.body.value(u"message"_s).toString().contains(u"tailLines: Invalid value: -1"_s));
    r = get(base + u"?container=flink-main-container&sinceSeconds=0"_s);
    QCOMPARE(r.status, 422);
    r = get(base + u"?container=flink-main-container&limitBytes=0"_s);
    QCOMPARE(r.status, 422);
    r = get(u"/api/v1/namespaces/default/pods/no-such-pod/log"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body.value(u"message"_s).toString(), u"pods \"no-such-pod\" not found"_s);
}

void TestSandboxPods::followEndsWhenTheContainerEnds()
{
    create(u"follow"_s, 2);
    step(15000);
    QNetworkReply *reply
        = m_nam.get(request(u"/api/v1/namespaces/default/pods/follow-taskmanager-1-1/log?follow=true&tailLines=2"_s));
    QByteArray received;
    bool finished = false;
    connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
    connect(reply, &QNetworkReply::finished, this, [&] { finished = true; });
    QTRY_COMPARE_WITH_TIMEOUT(received.count('\n'), 2, 10000);
    QVERIFY(!finished);
    // The job runs on: the stream goes on. Then suspend: the TaskManager stops, the stream ends with
    // the process's last lines.
    QVERIFY(
        m_sandbox->server->store()
            .mergePatch(u"flinkdeployments"_s, u"default"_s, u"follow"_s,
                        QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"suspended"_s}}}}}})
            .ok());
    step(3000);
    QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
    received += reply->readAll();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(received.contains("RECEIVED SIGNAL 15: SIGTERM"), received.right(400).constData());
    reply->deleteLater();
}

void TestSandboxPods::restartLoopShowsTheExceptionInBothLogs()
{
    create(u"feature"_s, 2,
           QJsonObject{{u"job"_s,
                        QJsonObject{{u"jarURI"_s, u"local:///opt/flink/job.jar"_s},
                                    {u"parallelism"_s, 2},
                                    {u"upgradeMode"_s, u"stateless"_s},
                                    {u"args"_s, QJsonArray{u"--enable-new-feature"_s, u"true"_s}}}}});
    step(25000);
    const QString jm = str(pod(u"app=feature,component=jobmanager"_s), u"metadata.name"_s);
    const Reply jmLog = get(u"/api/v1/namespaces/default/pods/%1/log"_s.arg(jm));
    QVERIFY(jmLog.raw.contains("java.lang.IllegalStateException: New feature enabled but not supported"));
    QVERIFY(jmLog.raw.contains("switched from state RUNNING to RESTARTING."));
    QVERIFY(
        jmLog.raw.contains("\tat com.example.streaming.features.FeatureGate.checkStateSchema(FeatureGate.java:87)"));
    const Reply tmLog = get(u"/api/v1/namespaces/default/pods/feature-taskmanager-1-1/log"_s);
    QVERIFY(tmLog.raw.contains("switched from INITIALIZING to FAILED with failure cause:"));
    QVERIFY(tmLog.raw.contains("java.lang.IllegalStateException"));
    // Task failures restart the job, not the TaskManagers: Flink keeps them.
    QCOMPARE(pods(u"app=feature,component=taskmanager"_s).size(), 1);
}

void TestSandboxPods::jobManagerCrashLoop()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::JobManagerCrashLoop, u"crashy"_s);
    create(u"crashy"_s, 2);
    step(60000);
    QJsonObject jm = pod(u"app=crashy,component=jobmanager"_s);
    const QString name = str(jm, u"metadata.name"_s);
    QJsonObject status = mainStatus(jm);
    QVERIFY2(status.value(u"restartCount"_s).toInt() >= 2, QJsonDocument(status).toJson().constData());
    QCOMPARE(str(status, u"state.waiting.reason"_s), u"CrashLoopBackOff"_s);
    QVERIFY(str(status, u"state.waiting.message"_s).startsWith(u"back-off "_s));
    QCOMPARE(at(status, u"lastState.terminated"_s).value(u"exitCode"_s).toInt(), 1);
    QCOMPARE(str(status, u"lastState.terminated.reason"_s), u"Error"_s);
    QVERIFY(!str(status, u"lastState.terminated.finishedAt"_s).isEmpty());
    QVERIFY(!status.value(u"ready"_s).toBool());
    QCOMPARE(str(jm, u"status.phase"_s), u"Running"_s);
    QVERIFY(pods(u"app=crashy,component=taskmanager"_s).isEmpty());

    const QJsonObject dep = deployment(u"crashy"_s);
    QCOMPARE(str(dep, u"status.jobManagerDeploymentStatus"_s), u"ERROR"_s);
    const QJsonObject error = QJsonDocument::fromJson(str(dep, u"status.error"_s).toUtf8()).object();
    QCOMPARE(error.value(u"type"_s).toString(),
             u"org.apache.flink.kubernetes.operator.exception.DeploymentFailedException"_s);
    QVERIFY(error.value(u"message"_s).toString().contains(u"restarting failed container=flink-main-container"_s));

    const Reply previous = get(u"/api/v1/namespaces/default/pods/%1/log?previous=true"_s.arg(name));
    QCOMPARE(previous.status, 200);
    QVERIFY(previous.raw.contains("Caused by: java.lang.ClassNotFoundException: com.example.Main"));
    QVERIFY(previous.raw.contains("ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint"));
    QStringList reasons;
    for (const QJsonObject &e : eventsOf(name))
        reasons.append(e.value(u"reason"_s).toString());
    QVERIFY(reasons.contains(u"BackOff"_s));

    // The fault goes: the next start runs, the JobManager becomes ready and the error clears.
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::JobManagerCrashLoop, u"crashy"_s, false);
    step(330000); // at most the longest back-off, then the start-up
    jm = pod(u"app=crashy,component=jobmanager"_s);
    QCOMPARE(str(jm, u"metadata.name"_s), name); // restarted in place
    QVERIFY(!str(mainStatus(jm), u"state.running.startedAt"_s).isEmpty());
    QCOMPARE(str(deployment(u"crashy"_s), u"status.jobManagerDeploymentStatus"_s), u"READY"_s);
    QVERIFY(str(deployment(u"crashy"_s), u"status.error"_s).isEmpty());
    QCOMPARE(pods(u"app=crashy,component=taskmanager"_s).size(), 1);
}

void TestSandboxPods::taskManagerOomKilled()
{
    create(u"oomy"_s, 4);
    step(15000);
    QCOMPARE(pods(u"app=oomy,component=taskmanager"_s).size(), 2);
    int restartsBefore = -1;
    sim()->withCluster(u"default"_s, u"oomy"_s,
                       [&](const FlinkJobModel &cluster, qint64) { restartsBefore = cluster.numRestarts(); });
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::TaskManagerOom, u"oomy"_s);
    step(1000);
    QJsonObject dead;
    for (const QJsonObject &p : pods(u"app=oomy,component=taskmanager"_s))
        if (str(p, u"status.phase"_s) == u"Failed"_s)
            dead = p;
    QVERIFY(!dead.isEmpty());
    const QString deadName = str(dead, u"metadata.name"_s);
    const QJsonObject status = mainStatus(dead);
    QCOMPARE(str(status, u"state.terminated.reason"_s), u"OOMKilled"_s);
    QCOMPARE(at(status, u"state.terminated"_s).value(u"exitCode"_s).toInt(), 137);
    QVERIFY(!str(status, u"state.terminated.finishedAt"_s).isEmpty());
    // The job restarts on a replacement TaskManager.
    int restartsAfter = -1;
    sim()->withCluster(u"default"_s, u"oomy"_s,
                       [&](const FlinkJobModel &cluster, qint64) { restartsAfter = cluster.numRestarts(); });
    QCOMPARE(restartsAfter, restartsBefore + 1);
    step(2000);
    QCOMPARE(pods(u"app=oomy,component=taskmanager"_s).size(), 3); // two running, the dead one
    QVERIFY(m_sandbox->server->store().get(u"pods"_s, u"default"_s, u"oomy-taskmanager-1-3"_s).ok());
    // Its log is there until the pod goes, and ends without a shutdown: the kernel killed it.
    Reply log = get(u"/api/v1/namespaces/default/pods/%1/log?tailLines=200"_s.arg(deadName));
    QCOMPARE(log.status, 200);
    QVERIFY(!log.raw.isEmpty());
    QVERIFY(!log.raw.contains("SIGTERM"));
    const QString jm = str(pod(u"app=oomy,component=jobmanager"_s), u"metadata.name"_s);
    const Reply jmLog = get(u"/api/v1/namespaces/default/pods/%1/log"_s.arg(jm));
    QVERIFY(jmLog.raw.contains(QStringLiteral("Worker %1 is terminated. Diagnostics: Pod terminated, container "
                                              "termination statuses: [flink-main-container(exitCode=137, "
                                              "reason=OOMKilled")
                                   .arg(deadName)
                                   .toUtf8()));
    QVERIFY(jmLog.raw.contains("switched from state RUNNING to RESTARTING."));
    // Flink deletes the dead pod after a short while (through the watch: a DELETED event).
    const quint64 rv = m_sandbox->server->store().currentResourceVersion();
    step(10000);
    QCOMPARE(m_sandbox->server->store().get(u"pods"_s, u"default"_s, deadName).code, 404);
    std::vector<WatchEvent> events;
    quint64 scanned = 0;
    quint64 oldest = 0;
    m_sandbox->server->store().eventsSince(rv, u"pods"_s, u"default"_s, 1000, &events, &scanned, &oldest);
    QVERIFY(std::any_of(events.begin(), events.end(), [&](const WatchEvent &e) {
        return e.type == u"DELETED"_s && str(e.object, u"metadata.name"_s) == deadName;
    }));
    QCOMPARE(pods(u"app=oomy,component=taskmanager"_s).size(), 2);
    // One OOM per fault.
    QVERIFY(!m_sandbox->server->faults().hasPodFault(FaultPlan::PodFault::TaskManagerOom, u"default"_s, u"oomy"_s));
}

void TestSandboxPods::imagePullBackOff()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::ImagePull, u"default/pully"_s);
    create(u"pully"_s, 2);
    step(1500);
    QJsonObject jm = pod(u"app=pully,component=jobmanager"_s);
    QCOMPARE(str(mainStatus(jm), u"state.waiting.reason"_s), u"ErrImagePull"_s);
    step(5000);
    jm = pod(u"app=pully,component=jobmanager"_s);
    QCOMPARE(str(jm, u"status.phase"_s), u"Pending"_s);
    QCOMPARE(str(mainStatus(jm), u"state.waiting.reason"_s), u"ImagePullBackOff"_s);
    QCOMPARE(str(mainStatus(jm), u"state.waiting.message"_s), u"Back-off pulling image \"flink:1.20\""_s);
    QCOMPARE(str(deployment(u"pully"_s), u"status.jobManagerDeploymentStatus"_s), u"ERROR"_s);
    QVERIFY(pods(u"app=pully,component=taskmanager"_s).isEmpty());
    QStringList messages;
    for (const QJsonObject &e : eventsOf(str(jm, u"metadata.name"_s)))
        messages.append(e.value(u"reason"_s).toString() + u": "_s + e.value(u"message"_s).toString());
    QVERIFY2(messages.contains(u"Failed: Error: ErrImagePull"_s), qPrintable(messages.join(u'\n')));
    QVERIFY(messages.contains(u"Failed: Error: ImagePullBackOff"_s));
    QVERIFY(!messages.filter(u"Failed: Failed to pull image \"flink:1.20\": rpc error: code = NotFound"_s).isEmpty());
    const Reply log = get(u"/api/v1/namespaces/default/pods/%1/log"_s.arg(str(jm, u"metadata.name"_s)));
    QCOMPARE(log.status, 400);
    QCOMPARE(
        log.body.value(u"message"_s).toString(),
        u"container \"flink-main-container\" in pod \"%1\" is waiting to start: trying and failing to pull image"_s.arg(
            str(jm, u"metadata.name"_s)));
}

void TestSandboxPods::unschedulable()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::Unschedulable, u"bigone"_s);
    create(u"bigone"_s, 2);
    step(5000);
    const QJsonObject jm = pod(u"app=bigone,component=jobmanager"_s);
    QCOMPARE(str(jm, u"status.phase"_s), u"Pending"_s);
    QVERIFY(str(jm, u"spec.nodeName"_s).isEmpty());
    const QJsonObject scheduled = at(jm, u"status"_s).value(u"conditions"_s).toArray().at(0).toObject();
    QCOMPARE(scheduled.value(u"type"_s).toString(), u"PodScheduled"_s);
    QCOMPARE(scheduled.value(u"status"_s).toString(), u"False"_s);
    QCOMPARE(scheduled.value(u"reason"_s).toString(), u"Unschedulable"_s);
    QStringList reasons;
    for (const QJsonObject &e : eventsOf(str(jm, u"metadata.name"_s)))
        reasons.append(e.value(u"reason"_s).toString());
    QCOMPARE(reasons, QStringList{u"FailedScheduling"_s});
    QCOMPARE(str(deployment(u"bigone"_s), u"status.jobManagerDeploymentStatus"_s), u"DEPLOYING"_s);
    // Room again: it is scheduled and starts.
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::Unschedulable, u"bigone"_s, false);
    step(15000);
    QCOMPARE(str(pod(u"app=bigone,component=jobmanager"_s), u"status.phase"_s), u"Running"_s);
    QCOMPARE(str(deployment(u"bigone"_s), u"status.jobManagerDeploymentStatus"_s), u"READY"_s);
}

void TestSandboxPods::podLogsCanBeForbidden()
{
    create(u"secret"_s, 1);
    step(15000);
    const QString readOnly = m_sandbox->server->readOnlyToken();
    const QString path = u"/api/v1/namespaces/default/pods/secret-taskmanager-1-1/log"_s;
    // The viewer may read pods and their logs.
    QCOMPARE(get(u"/api/v1/namespaces/default/pods"_s, readOnly).status, 200);
    QCOMPARE(get(path, readOnly).status, 200);
    const auto review = [&](const QString &subresource) {
        const QJsonObject body{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                               {u"kind"_s, u"SelfSubjectAccessReview"_s},
                               {u"spec"_s,
                                QJsonObject{{u"resourceAttributes"_s,
                                             QJsonObject{{u"namespace"_s, u"default"_s},
                                                         {u"verb"_s, u"get"_s},
                                                         {u"resource"_s, u"pods"_s},
                                                         {u"subresource"_s, subresource}}}}}};
        const Reply r = get(u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s, readOnly, "POST",
                            QJsonDocument(body).toJson(QJsonDocument::Compact));
        return at(r.body, u"status"_s).value(u"allowed"_s).toBool();
    };
    QVERIFY(review(u"log"_s));

    m_sandbox->server->faults().setPodLogsForbidden(true);
    Reply r = get(path, readOnly);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body.value(u"reason"_s).toString(), u"Forbidden"_s);
    QCOMPARE(r.body.value(u"message"_s).toString(),
             u"pods \"secret-taskmanager-1-1\" is forbidden: User \"sandbox-readonly\" cannot get resource "
             u"\"pods/log\" in API group \"\" in the namespace \"default\""_s);
    QCOMPARE(get(path).status, 403); // nobody may
    QVERIFY(!review(u"log"_s));
    QVERIFY(review(QString())); // the pods themselves still
    QCOMPARE(get(u"/api/v1/namespaces/default/pods/secret-taskmanager-1-1"_s, readOnly).status, 200);
}

void TestSandboxPods::flinkRestLogs()
{
    // What a client falls back to without pods/log: the JobManager's REST API through the service proxy.
    create(u"rest"_s, 2);
    step(20000);
    m_sandbox->server->faults().setPodLogsForbidden(true);
    const QString proxy = u"/api/v1/namespaces/default/services/rest-rest:rest/proxy"_s;
    Reply r = get(proxy + u"/jobmanager/log"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.raw.contains("Submitting job 'rest'"));
    const QString jm = str(pod(u"app=rest,component=jobmanager"_s), u"metadata.name"_s);
    m_sandbox->server->faults().setPodLogsForbidden(false);
    QCOMPARE(r.raw, get(u"/api/v1/namespaces/default/pods/%1/log"_s.arg(jm)).raw); // the same file
    r = get(proxy + u"/jobmanager/logs"_s);
    QCOMPARE(r.status, 200);
    const QJsonObject file = r.body.value(u"logs"_s).toArray().at(0).toObject();
    QCOMPARE(file.value(u"name"_s).toString(), u"jobmanager.log"_s);
    QVERIFY(file.value(u"size"_s).toInteger() > 1000);
    r = get(proxy + u"/taskmanagers/rest-taskmanager-1-1/log"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.raw.contains("Starting TaskManager with ResourceID: rest-taskmanager-1-1"));
    r = get(proxy + u"/taskmanagers/rest-taskmanager-9-9/log"_s);
    QCOMPARE(r.status, 404);
}

void TestSandboxPods::faultSpecs()
{
    FaultPlan &faults = m_sandbox->server->faults();
    QString error;
    QVERIFY(faults.apply(u"jm-crashloop=a"_s, &error));
    QVERIFY(faults.hasPodFault(FaultPlan::PodFault::JobManagerCrashLoop, u"x"_s, u"a"_s));
    QVERIFY(faults.apply(u"jm-crashloop=a:off"_s, &error));
    QVERIFY(!faults.hasPodFault(FaultPlan::PodFault::JobManagerCrashLoop, u"x"_s, u"a"_s));
    QVERIFY(faults.apply(u"tm-oom=ns/b"_s, &error));
    QVERIFY(faults.hasPodFault(FaultPlan::PodFault::TaskManagerOom, u"ns"_s, u"b"_s));
    QVERIFY(!faults.hasPodFault(FaultPlan::PodFault::TaskManagerOom, u"other"_s, u"b"_s));
    QVERIFY(faults.takeTaskManagerOom(u"ns"_s, u"b"_s));
    QVERIFY(!faults.takeTaskManagerOom(u"ns"_s, u"b"_s));
    QVERIFY(faults.apply(u"image-pull=c"_s, &error));
    QVERIFY(faults.apply(u"unschedulable=d"_s, &error));
    QVERIFY(faults.apply(u"forbid-pod-logs"_s, &error));
    QVERIFY(faults.podLogsForbidden());
    QVERIFY(faults.apply(u"forbid-pod-logs=0"_s, &error));
    QVERIFY(!faults.podLogsForbidden());
    QVERIFY(!faults.apply(u"image-pull="_s, &error));
    QVERIFY(error.contains(u"image-pull=DEPLOYMENT"_s));
}

QTEST_MAIN(TestSandboxPods)
#include "tst_sandboxpods.moc"
