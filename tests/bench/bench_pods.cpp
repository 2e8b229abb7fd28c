// The pods benchmark: what the session-wide pod informer costs and how a followed log reaches the
// GUI thread, against a loopback API server in this process.
//
//   pods in scope      the pod Informer (list in pages of 500, then a watch) feeding a PodMonitor,
//                      as ClusterSession runs them, over N realistic pods (a JobManager and two
//                      TaskManagers per deployment, kubectl-shaped JSON with managedFields and env).
//                      Prints VmRSS before and after the list (after malloc_trim, so freed pages
//                      do not count) and the growth per pod. Target: 15,000 pods ≤ 60 MB.
//   log follow         SessionHost::openLog of a log the server writes at R lines/s (chunked, as the
//                      API server follows), for S seconds; prints the lines received, the batches
//                      (signals) per second and the GUI event-loop stall p50/p99/max (a probe
//                      posted every 5 ms). Target: 2,000 lines/s with stall p99 ≤ 16 ms.
//   with the sandbox   (--sandbox N) capstan-sandbox with N deployments (no operator) and three
//                      pods each created over its API, then a fresh process per variant running a
//                      ClusterSession on it until everything is listed: VmRSS with the pod informer
//                      (SessionOptions::watchPods) and without it, as today. --runs R alternates them.
//
// Usage: bench_pods [--pods 15000] [--rate 2000] [--seconds 10] [--sandbox 5000 [--runs 3]]

#include "../core/fakeapiserver.h"
#include "childoutput.h"
#include "flink/pod.h"
#include "kube/informer.h"
#include "kube/kubeclient.h"
#include "session/podmonitor.h"
#include "session/sessionhost.h"

#include "kube/kubereply.h"
#include "kube/resourcepath.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>

#include <algorithm>
#include <optional>

using namespace capstan;
using capstan::test::FakeApiServer;

namespace {

using capstan::bench::readLine;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double rssMb()
{
    malloc_trim(0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

QString hex(quint64 v, int width)
{
    return QString::number(v, 16).rightJustified(width, QLatin1Char('0'));
}

// A pod as `kubectl get pod -o json` shows it (metadata.managedFields, env, volumes and probes
// included: the list pages are this big on the wire).
QJsonObject makePod(int deployment, int index, quint64 rv)
{
    const QString name = QStringLiteral("deployment-%1").arg(deployment, 5, 10, QLatin1Char('0'));
    const bool jm = index == 0;
    const QString podName = jm ? QString(name + QStringLiteral("-7d9c6b5f8d-") + hex(deployment * 7919ULL, 5))
                               : QString(name + QStringLiteral("-taskmanager-1-%1").arg(index));
    const QString uid = QStringLiteral("%1-%2-4%3-8%4-%5")
                            .arg(hex(deployment, 8), hex(index, 4), hex(deployment % 4096, 3), hex(index, 3),
                                 hex(deployment * 31ULL + index, 12));
    const QString ns = QStringLiteral("team-%1").arg(deployment % 20);
    const QString node = QStringLiteral("gke-prod-pool-1-4f2a9c1d-%1").arg(hex(deployment % 40, 4));
    QJsonArray env;
    for (const char *key : {"ENABLE_BUILT_IN_PLUGINS", "FLINK_TM_JVM_MEM_OPTS", "POD_IP", "HADOOP_CONF_DIR"})
        env.append(
            QJsonObject{{QStringLiteral("name"), QLatin1String(key)}, {QStringLiteral("value"), QStringLiteral("x")}});
    const QJsonObject container{
        {QStringLiteral("name"), Pod::mainContainerName},
        {QStringLiteral("image"),
         QString(QStringLiteral("registry.example.com/flink/streaming-jobs:1.20.0-") + hex(deployment, 6))},
        {QStringLiteral("args"),
         QJsonArray{QStringLiteral("bash"), QStringLiteral("-c"),
                    QStringLiteral("kubernetes-jobmanager.sh kubernetes-application")}},
        {QStringLiteral("env"), env},
        {QStringLiteral("resources"),
         QJsonObject{{QStringLiteral("limits"),
                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1")},
                                  {QStringLiteral("memory"), QStringLiteral("2Gi")}}},
                     {QStringLiteral("requests"),
                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1")},
                                  {QStringLiteral("memory"), QStringLiteral("2Gi")}}}}},
        {QStringLiteral("volumeMounts"),
         QJsonArray{QJsonObject{{QStringLiteral("mountPath"), QStringLiteral("/opt/flink/conf")},
                                {QStringLiteral("name"), QStringLiteral("flink-config-volume")}}}}};
    QJsonObject running{{QStringLiteral("running"),
                         QJsonObject{{QStringLiteral("startedAt"), QStringLiteral("2026-11-30T08:14:10Z")}}}};
    QJsonObject containerStatus{{QStringLiteral("name"), Pod::mainContainerName},
                                {QStringLiteral("ready"), true},
                                {QStringLiteral("restartCount"), jm ? deployment % 3 : 0},
                                {QStringLiteral("started"), true},
                                {QStringLiteral("image"), container.value(QLatin1String("image"))},
                                {QStringLiteral("imageID"),
                                 QString(QStringLiteral("registry.example.com/flink@sha256:") + hex(deployment, 64))},
                                {QStringLiteral("containerID"), QString(QStringLiteral("containerd://") + hex(rv, 64))},
                                {QStringLiteral("state"), running},
                                {QStringLiteral("lastState"), QJsonObject()}};
    if (jm && deployment % 3) {
        containerStatus.insert(
            QStringLiteral("lastState"),
            QJsonObject{{QStringLiteral("terminated"),
                         QJsonObject{{QStringLiteral("exitCode"), 143},
                                     {QStringLiteral("reason"), QStringLiteral("Error")},
                                     {QStringLiteral("startedAt"), QStringLiteral("2026-11-30T08:10:10Z")},
                                     {QStringLiteral("finishedAt"), QStringLiteral("2026-11-30T08:14:08Z")}}}});
    }
    QJsonArray conditions;
    for (const char *type : {"Initialized", "Ready", "ContainersReady", "PodScheduled"})
        conditions.append(QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                                      {QStringLiteral("status"), QStringLiteral("True")},
                                      {QStringLiteral("lastProbeTime"), QJsonValue()},
                                      {QStringLiteral("lastTransitionTime"), QStringLiteral("2026-11-30T08:14:20Z")}});
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), podName},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("uid"), uid},
                         {QStringLiteral("resourceVersion"), QString::number(rv)},
                         {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-30T08:14:02Z")},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("app"), name},
                                      {QStringLiteral("component"),
                                       jm ? QStringLiteral("jobmanager") : QStringLiteral("taskmanager")},
                                      {QStringLiteral("type"), QStringLiteral("flink-native-kubernetes")}}},
                         {QStringLiteral("ownerReferences"),
                          QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                                 {QStringLiteral("kind"),
                                                  jm ? QStringLiteral("ReplicaSet") : QStringLiteral("Deployment")},
                                                 {QStringLiteral("name"), name},
                                                 {QStringLiteral("uid"), uid},
                                                 {QStringLiteral("controller"), true}}}},
                         {QStringLiteral("managedFields"),
                          QJsonArray{QJsonObject{{QStringLiteral("manager"), QStringLiteral("kubelet")},
                                                 {QStringLiteral("operation"), QStringLiteral("Update")},
                                                 {QStringLiteral("subresource"), QStringLiteral("status")},
                                                 {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                                                 {QStringLiteral("fieldsV1"),
                                                  QJsonObject{{QStringLiteral("f:status"), QJsonObject()}}}}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("containers"), QJsonArray{container}},
                         {QStringLiteral("nodeName"), node},
                         {QStringLiteral("restartPolicy"), jm ? QStringLiteral("Always") : QStringLiteral("Never")},
                         {QStringLiteral("serviceAccountName"), QStringLiteral("flink")},
                         {QStringLiteral("volumes"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("flink-config-volume")},
                                                 {QStringLiteral("configMap"),
                                                  QJsonObject{{QStringLiteral("name"),
                                                               QString(QStringLiteral("flink-config-") + name)}}}}}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                         {QStringLiteral("conditions"), conditions},
                         {QStringLiteral("containerStatuses"), QJsonArray{containerStatus}},
                         {QStringLiteral("hostIP"), QStringLiteral("10.128.0.17")},
                         {QStringLiteral("podIP"), QStringLiteral("10.4.2.31")},
                         {QStringLiteral("qosClass"), QStringLiteral("Guaranteed")},
                         {QStringLiteral("startTime"), QStringLiteral("2026-11-30T08:14:02Z")}}}};
}

// Serves the pod list in pages (limit/continue) and then holds the watch open.
void servePods(FakeApiServer &api, int pods, QList<QPointer<QTcpSocket>> *held)
{
    api.handler = [pods, held](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (!request.path.endsWith(QLatin1String("/pods"))) {
            FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("not found"));
            return;
        }
        if (request.query.hasQueryItem(QStringLiteral("watch"))) {
            FakeApiServer::beginChunked(socket);
            *held << socket;
            return;
        }
        const int limit = std::max(1, request.query.queryItemValue(QStringLiteral("limit")).toInt());
        const int from = request.query.queryItemValue(QStringLiteral("continue")).toInt();
        const int to = std::min(pods, from + limit);
        QJsonArray items;
        for (int i = from; i < to; ++i)
            items.append(makePod(i / 3, i % 3, 1000 + i));
        QJsonObject metadata{{QStringLiteral("resourceVersion"), QString::number(1000 + pods)}};
        if (to < pods)
            metadata.insert(QStringLiteral("continue"), QString::number(to));
        const QJsonObject list{{QStringLiteral("kind"), QStringLiteral("PodList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("metadata"), metadata},
                               {QStringLiteral("items"), items}};
        FakeApiServer::respond(socket, 200, QJsonDocument(list).toJson(QJsonDocument::Compact), "application/json");
    };
}

int benchPods(int pods)
{
    FakeApiServer api;
    QList<QPointer<QTcpSocket>> held;
    servePods(api, pods, &held);
    const auto connection = api.connection();
    if (!connection) {
        out() << "cannot connect: " << connection.error().toString() << Qt::endl;
        return 1;
    }
    QNetworkAccessManager nam;
    KubeClient client(&nam, connection.value());
    // The first page's size on the wire.
    const QByteArray sample = QJsonDocument(makePod(1, 0, 1)).toJson(QJsonDocument::Compact);
    const double before = rssMb();

    Informer::Options options;
    options.retainObjects = false;
    options.labelSelector = Pod::flinkPodSelector();
    Informer informer(&client, ResourceType::pods(), QString(), options);
    PodMonitor monitor(&client, nullptr, [](const QString &) { return QString(); });
    QObject::connect(&informer, &Informer::changed, &monitor,
                     [&monitor](const InformerBatch &batch) { monitor.apply(batch, QDateTime::currentDateTimeUtc()); });
    QElapsedTimer timer;
    timer.start();
    informer.start();
    while (monitor.size() < pods && timer.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const qint64 listMs = timer.elapsed();
    // Let the last batch and the watch settle.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double after = rssMb();
    out() << QStringLiteral("pods in scope       %1 pods (%2 bytes of JSON each), listed and held in %3 ms\n")
                 .arg(monitor.size())
                 .arg(sample.size())
                 .arg(listMs);
    out() << QStringLiteral("  RSS before        %1 MB\n").arg(before, 0, 'f', 1);
    out() << QStringLiteral("  RSS after         %1 MB\n").arg(after, 0, 'f', 1);
    out() << QStringLiteral("  growth            %1 MB (%2 bytes per pod; target: 15,000 pods <= 60 MB)\n")
                 .arg(after - before, 0, 'f', 1)
                 .arg((after - before) * 1024 * 1024 / std::max<qsizetype>(1, monitor.size()), 0, 'f', 0);
    out().flush();
    informer.stop();
    return monitor.size() == pods ? 0 : 1;
}

// The PodMonitor's store alone: the same pods applied in pages without the network and the informer.
void benchStoreAlone(int pods)
{
    const double before = rssMb();
    PodMonitor monitor(nullptr, nullptr, [](const QString &) { return QString(); });
    for (int from = 0; from < pods; from += 500) {
        InformerBatch page;
        for (int i = from; i < std::min(pods, from + 500); ++i)
            page.upserted.append(makePod(i / 3, i % 3, 1000 + i));
        monitor.apply(page, QDateTime::currentDateTimeUtc());
    }
    const double after = rssMb();
    out() << QStringLiteral("  of which the parsed pods alone (no informer, no network): %1 MB (%2 bytes per pod)\n")
                 .arg(after - before, 0, 'f', 1)
                 .arg((after - before) * 1024 * 1024 / std::max(1, pods), 0, 'f', 0);
    out().flush();
}

int benchLogFollow(int rate, int seconds)
{
    FakeApiServer api;
    QPointer<QTcpSocket> stream;
    api.handler = [&stream](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.path.endsWith(QLatin1String("/log"))) {
            FakeApiServer::beginChunked(socket);
            stream = socket;
        } else {
            FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("not found"));
        }
    };
    if (!api.connection())
        return 1;
    const auto config = KubeConfigLoader::load({api.kubeconfigPath(), QString(), QString()});
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    SessionHost host(config.value(), QStringLiteral("fake"), QStringLiteral("default"), options);
    qint64 received = 0;
    int batches = 0;
    QObject::connect(host.session(), &ClusterSession::logLines, &host,
                     [&](quint64, const QStringList &lines, const QString &) {
                         received += lines.size();
                         ++batches;
                     });
    LogRequest request;
    request.ns = QStringLiteral("default");
    request.pod = QStringLiteral("deployment-00001-taskmanager-1-1");
    request.options.follow = true;
    host.openLog(request);
    QElapsedTimer wait;
    wait.start();
    while (!stream && wait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!stream) {
        out() << "the log was never requested\n";
        return 1;
    }
    // The writer runs in this (GUI) thread too, so the stall figures include writing; the lines are
    // Flink-shaped (~150 bytes).
    QList<qint64> stalls;
    QElapsedTimer clock;
    clock.start();
    qint64 written = 0;
    qint64 expected = 5;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const qint64 now = clock.elapsed();
        stalls << std::max<qint64>(0, now - expected);
        expected = now + 5;
        const qint64 due = now * rate / 1000;
        QByteArray chunk;
        for (; written < due; ++written)
            chunk += "2026-11-30 09:02:15,001 INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator [] - "
                     "Completed checkpoint "
                + QByteArray::number(written) + " for job 4f8a2c (1532 bytes).\n";
        if (!chunk.isEmpty() && stream)
            FakeApiServer::writeChunk(stream, chunk);
    });
    probe.start();
    while (clock.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    probe.stop();
    QElapsedTimer drain;
    drain.start();
    while (received < written && drain.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    std::sort(stalls.begin(), stalls.end());
    const auto pct = [&stalls](double p) {
        return stalls.isEmpty() ? 0 : stalls.at(std::min<qsizetype>(stalls.size() - 1, qsizetype(p * stalls.size())));
    };
    out() << QStringLiteral("log follow          %1 lines/s for %2 s: %3 written, %4 received in %5 batches "
                            "(%6 per second)\n")
                 .arg(rate)
                 .arg(seconds)
                 .arg(written)
                 .arg(received)
                 .arg(batches)
                 .arg(double(batches) / seconds, 0, 'f', 1);
    out() << QStringLiteral("  GUI stall         p50 %1 ms, p99 %2 ms, max %3 ms (target: p99 <= 16 ms)\n")
                 .arg(pct(0.5))
                 .arg(pct(0.99))
                 .arg(stalls.isEmpty() ? 0 : stalls.last());
    out().flush();
    return received == written ? 0 : 1;
}

} // namespace

// The child: a session on the sandbox until every deployment (and pod) is listed; prints its RSS.
int probe(const QString &kubeconfig, bool watchPods, int deployments, int pods)
{
    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    if (!config)
        return 1;
    QTemporaryDir dir;
    SessionOptions options;
    options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    options.watchPods = watchPods;
    ClusterSession session(config.value(), config->currentContext, QString(), options);
    QSet<QString> listed;
    QObject::connect(&session, &ClusterSession::deploymentsChanged, &session, [&listed](const DeploymentBatch &b) {
        for (const Deployment &d : b.upserted)
            listed.insert(d.uid);
    });
    session.start();
    QElapsedTimer timer;
    timer.start();
    const auto done = [&] {
        return listed.size() >= deployments && (!watchPods || (session.pods() && session.pods()->size() >= pods));
    };
    while (!done() && timer.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    const qint64 listMs = timer.elapsed();
    QElapsedTimer settle; // the Events into the history, the watches open
    settle.start();
    while (settle.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    out() << "result " << rssMb() << ' ' << listMs << ' ' << listed.size() << ' '
          << (session.pods() ? session.pods()->size() : 0) << Qt::endl;
    return done() ? 0 : 1;
}

// Creates three pods (a JobManager, two TaskManagers) for every FlinkDeployment of the sandbox.
int createPods(KubeClient &client)
{
    KubeReply *list = client.list(ResourceType::flinkDeployments().collectionPath(), {});
    QList<QPair<QString, QString>> deployments; // ns, name
    bool listed = false;
    QObject::connect(list, &KubeReply::finished, &client, [&](const Result<QJsonObject> &result) {
        listed = true;
        if (!result)
            return;
        for (const QJsonValue &item : result->value(QLatin1String("items")).toArray()) {
            const QJsonObject metadata = item.toObject().value(QLatin1String("metadata")).toObject();
            deployments.append({metadata.value(QLatin1String("namespace")).toString(),
                                metadata.value(QLatin1String("name")).toString()});
        }
    });
    while (!listed)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    int next = 0;
    int inFlight = 0;
    int created = 0;
    const int total = int(deployments.size()) * 3;
    while (created < total) {
        while (inFlight < 16 && next < total) {
            const auto &[ns, name] = deployments.at(next / 3);
            QJsonObject pod = makePod(next / 3, next % 3, 0);
            QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
            const QString podName
                = metadata.value(QLatin1String("name"))
                      .toString()
                      .replace(QStringLiteral("deployment-%1").arg(next / 3, 5, 10, QLatin1Char('0')), name);
            metadata.insert(QStringLiteral("name"), podName);
            metadata.insert(QStringLiteral("namespace"), ns);
            for (const char *key : {"uid", "resourceVersion", "creationTimestamp", "managedFields"})
                metadata.remove(QLatin1String(key));
            QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
            labels.insert(QStringLiteral("app"), name);
            metadata.insert(QStringLiteral("labels"), labels);
            pod.insert(QStringLiteral("metadata"), metadata);
            KubeReply *reply = client.create(ResourceType::pods().collectionPath(ns), pod);
            ++inFlight;
            ++next;
            QObject::connect(reply, &KubeReply::finished, &client, [&](const Result<QJsonObject> &result) {
                --inFlight;
                ++created;
                if (!result)
                    out() << "cannot create a pod: " << result.error().toString() << Qt::endl;
            });
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    return total;
}

int benchSandbox(int deployments, int runs)
{
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(QStringLiteral(CAPSTAN_SANDBOX_PATH),
                  {QStringLiteral("--no-operator"), QStringLiteral("--deployments"), QString::number(deployments),
                   QStringLiteral("--kubeconfig-out"), kubeconfig});
    if (!readLine(sandbox, "Kubeconfig written", 600000)) {
        out() << "the sandbox did not start\n";
        return 1;
    }
    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    const auto connection = ConnectionConfig::resolve(config.value(), config->currentContext);
    if (!connection) {
        out() << connection.error().toString() << Qt::endl;
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    int pods = 0;
    {
        QNetworkAccessManager nam;
        KubeClient client(&nam, connection.value());
        pods = createPods(client);
    }
    out() << QStringLiteral("with the sandbox    %1 deployments, %2 pods created in %3 s\n")
                 .arg(deployments)
                 .arg(pods)
                 .arg(timer.elapsed() / 1000);
    out().flush();
    QList<double> without;
    QList<double> with;
    for (int run = 0; run < runs; ++run) {
        for (const bool watchPods : {false, true}) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("capstan.*.info=false"));
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--probe"), kubeconfig, QStringLiteral("--watch-pods"),
                         QString::number(int(watchPods)), QStringLiteral("--deployments"), QString::number(deployments),
                         QStringLiteral("--pods"), QString::number(pods)});
            const auto line = readLine(child, "result", 700000);
            child.waitForFinished(30000);
            if (!line) {
                out() << "the probe gave no result\n";
                return 1;
            }
            const QList<QByteArray> fields = line->split(' ');
            const double rss = fields.value(0).toDouble();
            (watchPods ? with : without) << rss;
            out() << QStringLiteral("  run %1 %2 RSS %3 MB (listed in %4 ms: %5 deployments, %6 pods)\n")
                         .arg(run + 1)
                         .arg(watchPods ? QStringLiteral("with pods   ") : QStringLiteral("without pods"))
                         .arg(rss, 0, 'f', 1)
                         .arg(QString::fromLatin1(fields.value(1)), QString::fromLatin1(fields.value(2)),
                              QString::fromLatin1(fields.value(3)));
            out().flush();
        }
    }
    std::sort(without.begin(), without.end());
    std::sort(with.begin(), with.end());
    const double median = with.at(with.size() / 2) - without.at(without.size() / 2);
    out() << QStringLiteral("  the pods cost     %1 MB (medians; target: <= 60 MB)\n").arg(median, 0, 'f', 1);
    out().flush();
    sandbox.terminate();
    sandbox.waitForFinished(10000);
    return median <= 60 ? 0 : 1;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int pods = 15000;
    int rate = 2000;
    int seconds = 10;
    int sandboxDeployments = 0;
    int runs = 3;
    int deployments = 0;
    QString probeKubeconfig;
    bool watchPods = true;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--pods"))
            pods = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--rate"))
            rate = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--seconds"))
            seconds = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--sandbox"))
            sandboxDeployments = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--runs"))
            runs = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--probe"))
            probeKubeconfig = args.at(++i);
        else if (args.at(i) == QLatin1String("--watch-pods"))
            watchPods = args.at(++i) == QLatin1String("1");
        else if (args.at(i) == QLatin1String("--deployments"))
            deployments = args.at(++i).toInt();
    }
    if (!probeKubeconfig.isEmpty())
        return probe(probeKubeconfig, watchPods, deployments, pods);
    if (sandboxDeployments > 0)
        return benchSandbox(sandboxDeployments, std::max(1, runs));
    int failed = benchPods(pods);
    benchStoreAlone(pods);
    failed |= benchLogFollow(rate, seconds);
    return failed;
}
