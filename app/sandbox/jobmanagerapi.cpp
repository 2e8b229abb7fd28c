#include "sandbox/jobmanagerapi.h"

#include "sandbox/flinkjobmodel.h"

#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

ProxyResponse json(int status, const QJsonValue &body)
{
    const QJsonDocument doc = body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject());
    return ProxyResponse{status, doc.toJson(QJsonDocument::Compact)};
}

ProxyResponse flinkError(int status, const QString &message)
{
    return json(status, QJsonObject{{u"errors"_s, QJsonArray{message}}});
}

QStringList requested(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
}

QString metricValue(double v)
{
    if (std::isnan(v))
        return u"NaN"_s;
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'f', 3);
}

// A metric collection answer: the ids alone without ?get=, else the requested ids with their values.
QJsonArray metricCollection(const QList<std::pair<QString, QString>> &metrics, const QUrlQuery &query)
{
    const QStringList wanted = requested(query, u"get"_s);
    QJsonArray out;
    for (const auto &[id, value] : metrics) {
        if (wanted.isEmpty())
            out.append(QJsonObject{{u"id"_s, id}});
        else if (wanted.contains(id))
            out.append(QJsonObject{{u"id"_s, id}, {u"value"_s, value}});
    }
    return out;
}

QList<std::pair<QString, QString>> formatted(const QList<std::pair<QString, double>> &metrics)
{
    QList<std::pair<QString, QString>> out;
    for (const auto &[id, value] : metrics)
        out.append({id, metricValue(value)});
    return out;
}

QJsonObject checkpointJson(const CheckpointRecord &c, int numSubtasks)
{
    return {{u"className"_s, u"completed"_s},
            {u"id"_s, c.id},
            {u"status"_s, u"COMPLETED"_s},
            {u"is_savepoint"_s, c.savepoint},
            {u"savepointFormat"_s, c.savepoint ? QJsonValue(u"CANONICAL"_s) : QJsonValue()},
            {u"trigger_timestamp"_s, c.triggerMs},
            {u"latest_ack_timestamp"_s, c.ackMs},
            {u"state_size"_s, c.stateSize},
            {u"checkpointed_size"_s, c.savepoint ? c.stateSize : c.stateSize / 4},
            {u"end_to_end_duration"_s, c.ackMs - c.triggerMs},
            {u"alignment_buffered"_s, 0},
            {u"processed_data"_s, 0},
            {u"persisted_data"_s, 0},
            {u"num_subtasks"_s, numSubtasks},
            {u"num_acknowledged_subtasks"_s, numSubtasks},
            {u"checkpoint_type"_s, c.savepoint ? u"SAVEPOINT"_s : u"CHECKPOINT"_s},
            {u"tasks"_s, QJsonObject()},
            {u"external_path"_s, c.externalPath},
            {u"discarded"_s, false}};
}

QJsonObject statsSummary(QList<qint64> values)
{
    if (values.isEmpty())
        return {{u"min"_s, 0},   {u"max"_s, 0},   {u"avg"_s, 0},   {u"p50"_s, 0.0},
                {u"p90"_s, 0.0}, {u"p95"_s, 0.0}, {u"p99"_s, 0.0}, {u"p999"_s, 0.0}};
    std::sort(values.begin(), values.end());
    qint64 sum = 0;
    for (qint64 v : values)
        sum += v;
    const auto quantile = [&](double q) { return double(values.at(qsizetype(q * double(values.size() - 1)))); };
    return {{u"min"_s, values.first()}, {u"max"_s, values.last()},   {u"avg"_s, sum / values.size()},
            {u"p50"_s, quantile(0.5)},  {u"p90"_s, quantile(0.9)},   {u"p95"_s, quantile(0.95)},
            {u"p99"_s, quantile(0.99)}, {u"p999"_s, quantile(0.999)}};
}

// Flink's thresholds for the back-pressure level of a subtask (a ratio of time back-pressured).
QString backPressureLevel(double ratio)
{
    if (ratio <= 0.10)
        return u"ok"_s;
    return ratio <= 0.5 ? u"low"_s : u"high"_s;
}

constexpr qint64 kBytesPerRecord = 220;

} // namespace

bool parseServiceProxyPath(const QString &requestPath, ServiceProxyTarget *target)
{
    // api/v1/namespaces/<ns>/services/<name>[:port]/proxy[/<path>]
    const QStringList parts = requestPath.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 7 || parts.at(0) != u"api"_s || parts.at(1) != u"v1"_s || parts.at(2) != u"namespaces"_s
        || parts.at(4) != u"services"_s || parts.at(6) != u"proxy"_s)
        return false;
    ServiceProxyTarget t;
    t.ns = parts.at(3);
    const QString service = parts.at(5);
    const qsizetype colon = service.indexOf(u':');
    t.service = colon < 0 ? service : service.left(colon);
    t.port = colon < 0 ? QString() : service.mid(colon + 1);
    t.path = parts.mid(7).join(u'/');
    if (target)
        *target = t;
    return true;
}

JobManagerApi::JobManagerApi(const FlinkJobModel &cluster, qint64 nowMs)
    : m_cluster(cluster)
    , m_vertices(cluster.vertices())
    , m_now(nowMs)
{
}

ProxyResponse JobManagerApi::get(const QString &path, const QUrlQuery &query) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.value(0) == u"v1"_s) // Flink accepts an optional version prefix
        return get(parts.mid(1).join(u'/'), query);
    const QString joined = parts.join(u'/');
    if (joined.isEmpty() || joined == u"index.html"_s)
        return ProxyResponse{200, indexPage(), "text/html; charset=utf-8"};
    if (joined == u"overview"_s)
        return json(200, overview());
    if (joined == u"config"_s)
        return json(200, dashboardConfig());
    if (joined == u"jobmanager/config"_s)
        return json(200, jobManagerConfig());
    if (joined == u"jobmanager/environment"_s)
        return json(200, environment());
    if (joined == u"jobmanager/metrics"_s)
        return json(200, jobManagerMetrics(query));
    if (joined == u"taskmanagers"_s)
        return json(200, taskManagers());
    if (parts.size() >= 2 && parts.size() <= 3 && parts.at(0) == u"taskmanagers"_s) {
        int index = -1;
        for (int i = 0; i < m_cluster.taskManagerCount(); ++i) {
            if (m_cluster.taskManagerId(i) == parts.at(1))
                index = i;
        }
        if (index < 0)
            return flinkError(404, u"Could not find TaskExecutor %1."_s.arg(parts.at(1)));
        if (parts.size() == 2)
            return json(200, taskManagerDetails(index));
        if (parts.at(2) == u"metrics"_s)
            return json(200, taskManagerMetrics(index, query));
    }
    if (joined == u"jobs"_s) {
        QJsonArray jobs;
        if (m_cluster.hasJob())
            jobs.append(QJsonObject{{u"id"_s, m_cluster.jobId()}, {u"status"_s, m_cluster.state()}});
        return json(200, QJsonObject{{u"jobs"_s, jobs}});
    }
    if (joined == u"jobs/overview"_s) {
        QJsonArray jobs;
        if (m_cluster.hasJob())
            jobs.append(jobSummary());
        return json(200, QJsonObject{{u"jobs"_s, jobs}});
    }
    if (parts.size() >= 2 && parts.at(0) == u"jobs"_s) {
        if (!m_cluster.hasJob() || parts.at(1) != m_cluster.jobId())
            return flinkError(404, u"Job %1 not found"_s.arg(parts.at(1)));
        return jobGet(parts.mid(2), query);
    }
    return flinkError(404, u"Not found: /%1"_s.arg(path));
}

ProxyResponse JobManagerApi::jobGet(const QStringList &parts, const QUrlQuery &query) const
{
    const QString joined = parts.join(u'/');
    if (joined.isEmpty())
        return json(200, jobDetails());
    if (joined == u"plan"_s)
        return json(200, QJsonObject{{u"plan"_s, plan()}});
    if (joined == u"status"_s)
        return json(200, QJsonObject{{u"status"_s, m_cluster.state()}});
    if (joined == u"checkpoints"_s)
        return json(200, checkpoints());
    if (joined == u"checkpoints/config"_s) {
        if (m_cluster.settings().checkpointIntervalMs <= 0)
            return flinkError(404, u"Checkpointing is not enabled for this job (%1)."_s.arg(m_cluster.jobId()));
        return json(200, checkpointConfig());
    }
    if (parts.size() >= 3 && parts.at(0) == u"checkpoints"_s && parts.at(1) == u"details"_s) {
        bool ok = false;
        const qint64 id = parts.at(2).toLongLong(&ok);
        const auto &history = m_cluster.checkpointHistory();
        const auto it
            = std::find_if(history.begin(), history.end(), [&](const CheckpointRecord &c) { return ok && c.id == id; });
        if (it == history.end())
            return flinkError(404, u"Could not find checkpointing statistics for checkpoint %1."_s.arg(parts.at(2)));
        if (parts.size() == 3)
            return json(200, checkpointDetails(*it));
        if (parts.size() == 5 && parts.at(3) == u"subtasks"_s) {
            for (int v = 0; v < m_vertices.size(); ++v) {
                if (m_vertices.at(v).id == parts.at(4))
                    return json(200, checkpointSubtasks(*it, v));
            }
            return flinkError(404, u"There is no checkpoint statistics for task %1."_s.arg(parts.at(4)));
        }
    }
    if (joined == u"exceptions"_s)
        return json(200, exceptions(query));
    if (joined == u"metrics"_s)
        return json(200, jobMetrics(query));
    if (joined == u"accumulators"_s)
        return json(200,
                    QJsonObject{{u"job-accumulators"_s, QJsonArray()},
                                {u"user-task-accumulators"_s, QJsonArray()},
                                {u"serialized-user-task-accumulators"_s, QJsonObject()}});
    if (joined == u"jobmanager/config"_s)
        return json(200, jobManagerConfig());
    if (joined == u"jobmanager/environment"_s)
        return json(200, environment());
    if (joined == u"config"_s) {
        QJsonObject userConfig;
        const QJsonObject conf = m_cluster.settings().flinkConfiguration;
        for (auto it = conf.begin(); it != conf.end(); ++it) {
            if (it.key().startsWith(u"pipeline.global-job-parameters."_s))
                userConfig.insert(it.key().mid(31), it.value().toString());
        }
        return json(200,
                    QJsonObject{{u"jid"_s, m_cluster.jobId()},
                                {u"name"_s, m_cluster.jobName()},
                                {u"execution-config"_s,
                                 QJsonObject{{u"execution-mode"_s, u"PIPELINED"_s},
                                             {u"restart-strategy"_s, u"Cluster level default restart strategy"_s},
                                             {u"job-parallelism"_s, m_cluster.settings().parallelism},
                                             {u"object-reuse-mode"_s, false},
                                             {u"user-config"_s, userConfig}}}});
    }
    if (parts.size() >= 2 && parts.at(0) == u"vertices"_s) {
        for (int v = 0; v < m_vertices.size(); ++v) {
            if (m_vertices.at(v).id == parts.at(1))
                return vertexGet(v, parts.mid(2), query);
        }
        return flinkError(404, u"JobVertex %1 not found"_s.arg(parts.at(1)));
    }
    return flinkError(404, u"Not found: /jobs/%1/%2"_s.arg(m_cluster.jobId(), joined));
}

ProxyResponse JobManagerApi::vertexGet(int vertex, const QStringList &rest, const QUrlQuery &query) const
{
    const QString joined = rest.join(u'/');
    if (joined.isEmpty())
        return json(200, vertexDetails(vertex));
    if (joined == u"subtasks/metrics"_s)
        return json(200, subtaskMetrics(vertex, query));
    if (joined == u"backpressure"_s)
        return json(200, backPressure(vertex));
    if (joined == u"watermarks"_s)
        return json(200, watermarks(vertex));
    if (joined == u"taskmanagers"_s)
        return json(200, vertexTaskManagers(vertex));
    if (joined == u"subtasktimes"_s)
        return json(200, subtaskTimes(vertex));
    if (joined == u"accumulators"_s)
        return json(200, QJsonObject{{u"id"_s, m_vertices.at(vertex).id}, {u"user-accumulators"_s, QJsonArray()}});
    return flinkError(404,
                      u"Not found: /jobs/%1/vertices/%2/%3"_s.arg(m_cluster.jobId(), m_vertices.at(vertex).id, joined));
}

QByteArray JobManagerApi::indexPage() const
{
    // Relative links only: the page is reached through the API server's service proxy or a local
    // proxy, each under its own path prefix.
    const QString name = m_cluster.settings().deploymentName.toHtmlEscaped();
    QStringList links{u"overview"_s, u"config"_s, u"jobs/overview"_s, u"taskmanagers"_s, u"jobmanager/config"_s};
    if (m_cluster.hasJob()) {
        const QString job = u"jobs/"_s + m_cluster.jobId();
        links << job << job + u"/plan"_s << job + u"/checkpoints"_s << job + u"/exceptions"_s;
    }
    QString items;
    for (const QString &link : std::as_const(links))
        items += u"<li><a href=\"%1\">%1</a></li>\n"_s.arg(link.toHtmlEscaped());
    const QString page = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         u"<title>Capstan sandbox JobManager: %1</title>\n</head>\n<body>\n"
                         u"<h1>Capstan sandbox JobManager</h1>\n"
                         u"<p>This is the JobManager of <strong>%1</strong>, simulated by the Capstan sandbox. It "
                         u"answers the Flink REST API, not the Flink Web Dashboard.</p>\n"
                         u"<p>Flink %2, job state: %3.</p>\n<ul>\n%4</ul>\n</body>\n</html>\n"_s.arg(
                             name, m_cluster.settings().flinkVersion.toHtmlEscaped(),
                             m_cluster.hasJob() ? m_cluster.state().toHtmlEscaped() : u"no application job"_s, items);
    return page.toUtf8();
}

QJsonObject JobManagerApi::overview() const
{
    const int taskManagers = m_cluster.taskManagerCount();
    const int slotCount = taskManagers * std::max(1, m_cluster.settings().taskSlots);
    const bool running = m_cluster.hasJob() && m_cluster.state() != u"FINISHED"_s && m_cluster.state() != u"CANCELED"_s
        && m_cluster.state() != u"FAILED"_s;
    return {{u"taskmanagers"_s, taskManagers},
            {u"slots-total"_s, slotCount},
            {u"slots-available"_s, running ? std::max(0, slotCount - m_cluster.settings().parallelism) : slotCount},
            {u"slots-free-and-blocked"_s, 0},
            {u"taskmanagers-blocked"_s, 0},
            {u"jobs-running"_s, running ? 1 : 0},
            {u"jobs-finished"_s, m_cluster.state() == u"FINISHED"_s ? 1 : 0},
            {u"jobs-cancelled"_s, m_cluster.state() == u"CANCELED"_s ? 1 : 0},
            {u"jobs-failed"_s, m_cluster.state() == u"FAILED"_s ? 1 : 0},
            {u"flink-version"_s, m_cluster.settings().flinkVersion},
            {u"flink-commit"_s, u"7a4f1b5"_s}};
}

QJsonObject JobManagerApi::dashboardConfig() const
{
    return {{u"refresh-interval"_s, 3000},
            {u"timezone-name"_s, u"Coordinated Universal Time"_s},
            {u"timezone-offset"_s, 0},
            {u"flink-version"_s, m_cluster.settings().flinkVersion},
            {u"flink-revision"_s, u"7a4f1b5 @ 2025-02-10T15:13:05+01:00"_s},
            {u"features"_s,
             QJsonObject{{u"web-submit"_s, false},
                         {u"web-cancel"_s, false},
                         {u"web-rescale"_s, false},
                         {u"web-history"_s, false}}}};
}

QString JobManagerApi::taskState() const
{
    const QString job = m_cluster.state();
    if (job == u"RUNNING"_s || job == u"FINISHED"_s || job == u"CANCELED"_s || job == u"FAILED"_s)
        return job;
    if (job == u"SUSPENDED"_s)
        return u"CANCELED"_s;
    if (job == u"CANCELLING"_s)
        return u"CANCELING"_s;
    return u"CREATED"_s; // INITIALIZING, CREATED, RESTARTING: the tasks wait to be scheduled
}

qint64 JobManagerApi::runningSinceMs() const
{
    return m_cluster.state() == u"RUNNING"_s ? m_cluster.stateSinceMs() : -1;
}

double JobManagerApi::recordsShare(int vertex, int subtask) const
{
    // Keys are not spread evenly: subtasks get between 95 % and 105 % of the mean, the shares adding up to 1.
    const int p = m_vertices.at(vertex).parallelism;
    if (p <= 1)
        return 1.0;
    return (1.0 + 0.05 * (2.0 * subtask / (p - 1) - 1.0)) / p;
}

qint64 JobManagerApi::numRecordsIn(int vertex) const
{
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    qint64 in = 0;
    for (const FlinkJobModel::Input &input : v.inputs)
        in += m_cluster.numRecordsOut(input.vertex, m_now) * (input.shipStrategy == u"BROADCAST"_s ? v.parallelism : 1);
    return in;
}

QJsonObject JobManagerApi::ioMetrics(int vertex, int subtask) const
{
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    const double share = subtask < 0 ? 1.0 : recordsShare(vertex, subtask);
    const int subtasks = subtask < 0 ? v.parallelism : 1;
    const qint64 in = qint64(double(numRecordsIn(vertex)) * share);
    const qint64 out = qint64(double(m_cluster.numRecordsOut(vertex, m_now)) * share);
    const qint64 runningMs = runningSinceMs() < 0 ? 0 : m_now - runningSinceMs();
    const double seconds = double(runningMs) / 1000.0;
    // Accumulated over the current attempt at today's rates; summed over the subtasks for a vertex.
    const double busy = m_cluster.busyTimeMsPerSecond(vertex, m_now) * seconds * subtasks;
    const double backPressured = m_cluster.backPressuredTimeMsPerSecond(vertex, m_now) * seconds * subtasks;
    const double idle = m_cluster.idleTimeMsPerSecond(vertex, m_now) * seconds * subtasks;
    return {{u"read-bytes"_s, in * kBytesPerRecord},
            {u"read-bytes-complete"_s, true},
            {u"write-bytes"_s, out * kBytesPerRecord},
            {u"write-bytes-complete"_s, true},
            {u"read-records"_s, in},
            {u"read-records-complete"_s, true},
            {u"write-records"_s, out},
            {u"write-records-complete"_s, true},
            {u"accumulated-backpressured-time"_s, qint64(backPressured)},
            {u"accumulated-idle-time"_s, qint64(idle)},
            {u"accumulated-busy-time"_s, std::round(busy)}};
}

QJsonObject JobManagerApi::statusTimestamps() const
{
    // When the current attempt's tasks went through their states; 0 for states not reached.
    const qint64 since = m_cluster.stateSinceMs();
    const qint64 running = runningSinceMs();
    const qint64 created = running > 0 ? running - 900 : since;
    QJsonObject t{{u"CREATED"_s, created},
                  {u"SCHEDULED"_s, created + 100},
                  {u"DEPLOYING"_s, created + 300},
                  {u"INITIALIZING"_s, created + 500},
                  {u"RUNNING"_s, running > 0 ? running : 0},
                  {u"FINISHED"_s, 0},
                  {u"CANCELING"_s, 0},
                  {u"CANCELED"_s, 0},
                  {u"FAILED"_s, 0},
                  {u"RECONCILING"_s, 0}};
    if (running < 0) {
        t.insert(u"SCHEDULED"_s, 0);
        t.insert(u"DEPLOYING"_s, 0);
        t.insert(u"INITIALIZING"_s, 0);
    }
    return t;
}

QString JobManagerApi::subtaskEndpoint(int subtask) const
{
    return u"10.244.0.%1:6121"_s.arg(20 + m_cluster.taskManagerOfSubtask(subtask));
}

int JobManagerApi::depth(int vertex) const
{
    int d = 0;
    for (const FlinkJobModel::Input &input : m_vertices.at(vertex).inputs)
        d = std::max(d, depth(input.vertex) + 1);
    return d;
}

QList<qint64> JobManagerApi::stateSplit(qint64 total) const
{
    // Sources keep offsets, stateless operators next to nothing; keyed operators and windows hold the rest.
    QList<qint64> bytes(m_vertices.size(), 0);
    qint64 small = 0;
    int statefulSlots = 0;
    for (int v = 0; v < m_vertices.size(); ++v) {
        if (m_vertices.at(v).stateful) {
            statefulSlots += m_vertices.at(v).parallelism;
        } else {
            bytes[v] = (m_vertices.at(v).source ? 4096 : 512) * m_vertices.at(v).parallelism;
            small += bytes[v];
        }
    }
    qint64 left = std::max<qint64>(0, total - small);
    for (int v = 0, seen = 0; v < m_vertices.size(); ++v) {
        if (!m_vertices.at(v).stateful)
            continue;
        seen += m_vertices.at(v).parallelism;
        const qint64 share
            = seen == statefulSlots ? left : total / std::max(1, statefulSlots) * m_vertices.at(v).parallelism;
        bytes[v] = std::min(left, share);
        left -= bytes[v];
    }
    if (statefulSlots == 0 && !bytes.isEmpty())
        bytes.last() += left;
    return bytes;
}

qint64 JobManagerApi::vertexAckMs(const CheckpointRecord &c, int vertex) const
{
    // Barriers reach the deeper vertices later; the deepest acknowledges last, when the checkpoint completes.
    int maxDepth = 0;
    for (int v = 0; v < m_vertices.size(); ++v)
        maxDepth = std::max(maxDepth, depth(v));
    const qint64 duration = c.ackMs - c.triggerMs;
    if (maxDepth == 0)
        return c.ackMs;
    return c.triggerMs + duration / 2 + duration / 2 * depth(vertex) / maxDepth;
}

QJsonObject JobManagerApi::jobSummary() const
{
    int tasks = 0;
    for (const FlinkJobModel::Vertex &v : m_vertices)
        tasks += v.parallelism;
    const QString state = taskState();
    const qint64 end = m_cluster.endTimeMs();
    QJsonObject counts;
    for (const char *s : {"created", "scheduled", "deploying", "running", "finished", "canceling", "canceled", "failed",
                          "reconciling", "initializing"})
        counts.insert(QLatin1String(s), QLatin1String(s) == state.toLower() ? tasks : 0);
    counts.insert(u"total"_s, tasks);
    return {{u"jid"_s, m_cluster.jobId()},
            {u"name"_s, m_cluster.jobName()},
            {u"state"_s, m_cluster.state()},
            {u"start-time"_s, m_cluster.startTimeMs()},
            {u"end-time"_s, end},
            {u"duration"_s, (end > 0 ? end : m_now) - m_cluster.startTimeMs()},
            {u"last-modification"_s, m_cluster.stateSinceMs()},
            {u"pending-operators"_s, 0},
            {u"tasks"_s, counts}};
}

QJsonObject JobManagerApi::plan() const
{
    QJsonArray nodes;
    for (const FlinkJobModel::Vertex &v : m_vertices) {
        QJsonObject node{{u"id"_s, v.id},
                         {u"parallelism"_s, v.parallelism},
                         {u"operator"_s, QString()},
                         {u"operator_strategy"_s, QString()},
                         {u"description"_s, v.name}};
        if (!v.inputs.isEmpty()) {
            QJsonArray inputs;
            for (int i = 0; i < v.inputs.size(); ++i)
                inputs.append(QJsonObject{{u"num"_s, i},
                                          {u"id"_s, m_vertices.at(v.inputs.at(i).vertex).id},
                                          {u"ship_strategy"_s, v.inputs.at(i).shipStrategy},
                                          {u"exchange"_s, u"pipelined_bounded"_s}});
            node.insert(u"inputs"_s, inputs);
        }
        nodes.append(node);
    }
    return {{u"jid"_s, m_cluster.jobId()},
            {u"name"_s, m_cluster.jobName()},
            {u"type"_s, u"STREAMING"_s},
            {u"nodes"_s, nodes}};
}

QJsonObject JobManagerApi::jobDetails() const
{
    QJsonObject details = jobSummary();
    details.remove(u"tasks"_s);
    details.remove(u"last-modification"_s); // only in the overview's JobDetails
    const QString state = taskState();
    const qint64 running = runningSinceMs();
    QJsonArray vertices;
    for (int i = 0; i < m_vertices.size(); ++i) {
        const FlinkJobModel::Vertex &v = m_vertices.at(i);
        vertices.append(QJsonObject{{u"id"_s, v.id},
                                    {u"slotSharingGroupId"_s, QJsonValue()},
                                    {u"name"_s, v.name},
                                    {u"maxParallelism"_s, 128},
                                    {u"parallelism"_s, v.parallelism},
                                    {u"status"_s, state},
                                    {u"start-time"_s, running},
                                    {u"end-time"_s, -1},
                                    {u"duration"_s, running < 0 ? -1 : m_now - running},
                                    {u"tasks"_s, QJsonObject{{state, v.parallelism}}},
                                    {u"metrics"_s, ioMetrics(i, -1)}});
    }
    details.insert(u"isStoppable"_s, false);
    details.insert(u"job-type"_s, u"STREAMING"_s);
    details.insert(u"maxParallelism"_s, -1);
    details.insert(u"now"_s, m_now);
    details.insert(u"timestamps"_s,
                   QJsonObject{{u"INITIALIZING"_s, m_cluster.startTimeMs()},
                               {u"CREATED"_s, m_cluster.startTimeMs()},
                               {m_cluster.state(), m_cluster.stateSinceMs()}});
    details.insert(u"vertices"_s, vertices);
    details.insert(u"status-counts"_s, QJsonObject{{state, int(m_vertices.size())}});
    details.insert(u"plan"_s, plan());
    return details;
}

QJsonObject JobManagerApi::checkpoints() const
{
    int subtasks = 0;
    for (const FlinkJobModel::Vertex &v : m_vertices)
        subtasks += v.parallelism;
    QJsonArray history;
    QList<qint64> sizes;
    QList<qint64> checkpointed;
    QList<qint64> durations;
    const auto &records = m_cluster.checkpointHistory();
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        const QJsonObject entry = checkpointJson(*it, subtasks);
        history.append(entry);
        sizes.append(it->stateSize);
        checkpointed.append(entry.value(u"checkpointed_size"_s).toInteger());
        durations.append(it->ackMs - it->triggerMs);
    }
    QJsonObject latest{{u"completed"_s, QJsonValue()},
                       {u"savepoint"_s, QJsonValue()},
                       {u"failed"_s, QJsonValue()},
                       {u"restored"_s, QJsonValue()}};
    if (const auto c = m_cluster.latestCheckpoint())
        latest.insert(u"completed"_s, checkpointJson(*c, subtasks));
    if (const auto s = m_cluster.latestSavepoint(); s && s->id > 0)
        latest.insert(u"savepoint"_s, checkpointJson(*s, subtasks));
    // The snapshot the running attempt restored from: a savepoint on a (savepoint) upgrade, the
    // latest checkpoint after a last-state upgrade or a JobManager failover.
    const bool restored = m_cluster.restoredFrom().has_value() && m_cluster.restoreTimestampMs() <= m_now;
    if (restored) {
        const CheckpointRecord r = *m_cluster.restoredFrom();
        latest.insert(u"restored"_s,
                      QJsonObject{{u"id"_s, r.id},
                                  {u"restore_timestamp"_s, m_cluster.restoreTimestampMs()},
                                  {u"is_savepoint"_s, r.savepoint},
                                  {u"external_path"_s, r.externalPath}});
    }
    return {{u"counts"_s,
             QJsonObject{{u"restored"_s, restored ? 1 : 0},
                         {u"total"_s, m_cluster.completedCheckpoints() + m_cluster.failedCheckpoints()},
                         {u"in_progress"_s, 0},
                         {u"completed"_s, m_cluster.completedCheckpoints()},
                         {u"failed"_s, m_cluster.failedCheckpoints()}}},
            {u"summary"_s,
             QJsonObject{{u"state_size"_s, statsSummary(sizes)},
                         {u"checkpointed_size"_s, statsSummary(checkpointed)},
                         {u"end_to_end_duration"_s, statsSummary(durations)},
                         {u"alignment_buffered"_s, statsSummary({})},
                         {u"processed_data"_s, statsSummary({})},
                         {u"persisted_data"_s, statsSummary({})}}},
            {u"latest"_s, latest},
            {u"history"_s, history}};
}

QJsonObject JobManagerApi::checkpointConfig() const
{
    const JobSettings &s = m_cluster.settings();
    const QString backend = s.flinkConfiguration.value(u"state.backend.type"_s).toString();
    const bool unaligned = s.flinkConfiguration.value(u"execution.checkpointing.unaligned"_s).toString() == u"true"_s;
    return {{u"mode"_s, u"exactly_once"_s}, // lower case, as Flink's ProcessingModeSerializer writes it
            {u"interval"_s, s.checkpointIntervalMs},
            {u"timeout"_s, 600000},
            {u"min_pause"_s, 0},
            {u"max_concurrent"_s, 1},
            {u"externalization"_s, QJsonObject{{u"enabled"_s, true}, {u"delete_on_cancellation"_s, false}}},
            {u"state_backend"_s, backend == u"rocksdb"_s ? u"EmbeddedRocksDBStateBackend"_s : u"HashMapStateBackend"_s},
            {u"checkpoint_storage"_s, u"FileSystemCheckpointStorage"_s},
            {u"unaligned_checkpoints"_s, unaligned},
            {u"tolerable_failed_checkpoints"_s, 0},
            {u"aligned_checkpoint_timeout"_s, 0},
            {u"checkpoints_after_tasks_finish"_s, true},
            {u"state_changelog_enabled"_s, false},
            {u"changelog_periodic_materialization_interval"_s, 600000},
            {u"changelog_storage"_s, u"memory"_s}};
}

QJsonObject JobManagerApi::checkpointDetails(const CheckpointRecord &c) const
{
    int subtasks = 0;
    for (const FlinkJobModel::Vertex &v : m_vertices)
        subtasks += v.parallelism;
    QJsonObject details = checkpointJson(c, subtasks);
    const QList<qint64> state = stateSplit(c.stateSize);
    QJsonObject tasks;
    for (int v = 0; v < m_vertices.size(); ++v) {
        const qint64 ack = vertexAckMs(c, v);
        tasks.insert(m_vertices.at(v).id,
                     QJsonObject{{u"id"_s, c.id},
                                 {u"status"_s, u"COMPLETED"_s},
                                 {u"latest_ack_timestamp"_s, ack},
                                 {u"checkpointed_size"_s, c.savepoint ? state.at(v) : state.at(v) / 4},
                                 {u"state_size"_s, state.at(v)},
                                 {u"end_to_end_duration"_s, ack - c.triggerMs},
                                 {u"alignment_buffered"_s, 0},
                                 {u"processed_data"_s, 0},
                                 {u"persisted_data"_s, 0},
                                 {u"num_subtasks"_s, m_vertices.at(v).parallelism},
                                 {u"num_acknowledged_subtasks"_s, m_vertices.at(v).parallelism}});
    }
    details.insert(u"tasks"_s, tasks);
    return details;
}

QJsonObject JobManagerApi::checkpointSubtasks(const CheckpointRecord &c, int vertex) const
{
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    const qint64 vertexState = stateSplit(c.stateSize).at(vertex);
    const qint64 ack = vertexAckMs(c, vertex);
    const qint64 duration = ack - c.triggerMs;
    QJsonArray subtasks;
    QList<qint64> states, durations, syncs, asyncs, delays, alignments;
    qint64 left = vertexState;
    for (int i = 0; i < v.parallelism; ++i) {
        const qint64 state = i + 1 == v.parallelism ? left : qint64(double(vertexState) * recordsShare(vertex, i));
        left -= state;
        // The last subtask acknowledges when the vertex does; the others a little before.
        const qint64 subtaskDuration = duration - (v.parallelism - 1 - i) * std::min<qint64>(40, duration / 20);
        const qint64 startDelay = std::min<qint64>(subtaskDuration / 4, 20 + 15 * depth(vertex));
        const qint64 sync = 3 + state / (64 * 1024 * 1024);
        const qint64 async = std::max<qint64>(0, subtaskDuration - startDelay - sync);
        subtasks.append(QJsonObject{{u"className"_s, u"completed"_s},
                                    {u"index"_s, i},
                                    {u"status"_s, u"completed"_s},
                                    {u"ack_timestamp"_s, c.triggerMs + subtaskDuration},
                                    {u"end_to_end_duration"_s, subtaskDuration},
                                    {u"state_size"_s, state},
                                    {u"checkpointed_size"_s, c.savepoint ? state : state / 4},
                                    {u"checkpoint"_s, QJsonObject{{u"sync"_s, sync}, {u"async"_s, async}}},
                                    {u"alignment"_s,
                                     QJsonObject{{u"buffered"_s, 0},
                                                 {u"processed"_s, 0},
                                                 {u"persisted"_s, 0},
                                                 {u"duration"_s, v.inputs.isEmpty() ? 0 : startDelay / 2}}},
                                    {u"start_delay"_s, startDelay},
                                    {u"unaligned_checkpoint"_s, false},
                                    {u"aborted"_s, false}});
        states << state;
        durations << subtaskDuration;
        syncs << sync;
        asyncs << async;
        delays << startDelay;
        alignments << (v.inputs.isEmpty() ? 0 : startDelay / 2);
    }
    return {{u"id"_s, c.id},
            {u"status"_s, u"COMPLETED"_s},
            {u"latest_ack_timestamp"_s, ack},
            {u"checkpointed_size"_s, c.savepoint ? vertexState : vertexState / 4},
            {u"state_size"_s, vertexState},
            {u"end_to_end_duration"_s, duration},
            {u"alignment_buffered"_s, 0},
            {u"processed_data"_s, 0},
            {u"persisted_data"_s, 0},
            {u"num_subtasks"_s, v.parallelism},
            {u"num_acknowledged_subtasks"_s, v.parallelism},
            {u"summary"_s,
             QJsonObject{{u"state_size"_s, statsSummary(states)},
                         {u"checkpointed_size"_s, statsSummary(states)},
                         {u"end_to_end_duration"_s, statsSummary(durations)},
                         {u"checkpoint_duration"_s,
                          QJsonObject{{u"sync"_s, statsSummary(syncs)}, {u"async"_s, statsSummary(asyncs)}}},
                         {u"alignment"_s,
                          QJsonObject{{u"buffered"_s, statsSummary({})},
                                      {u"processed"_s, statsSummary({})},
                                      {u"persisted"_s, statsSummary({})},
                                      {u"duration"_s, statsSummary(alignments)}}},
                         {u"start_delay"_s, statsSummary(delays)}}},
            {u"subtasks"_s, subtasks}};
}

QJsonObject JobManagerApi::exceptions(const QUrlQuery &query) const
{
    const int max = query.hasQueryItem(u"maxExceptions"_s) ? query.queryItemValue(u"maxExceptions"_s).toInt() : 20;
    QJsonArray entries;
    QJsonArray all;
    const auto &records = m_cluster.exceptions();
    for (auto it = records.rbegin(); it != records.rend() && entries.size() < max; ++it) {
        const QJsonObject entry{{u"exceptionName"_s, it->exceptionName}, {u"stacktrace"_s, it->stacktrace},
                                {u"timestamp"_s, it->timestampMs},       {u"taskName"_s, it->taskName},
                                {u"endpoint"_s, it->endpoint},           {u"taskManagerId"_s, it->taskManagerId},
                                {u"failureLabels"_s, QJsonObject()},     {u"concurrentExceptions"_s, QJsonArray()}};
        entries.append(entry);
        all.append(QJsonObject{{u"exception"_s, it->stacktrace},
                               {u"task"_s, it->taskName},
                               {u"location"_s, it->endpoint},
                               {u"timestamp"_s, it->timestampMs},
                               {u"taskManagerId"_s, it->taskManagerId}});
    }
    QJsonObject body{{u"exceptionHistory"_s,
                      QJsonObject{{u"entries"_s, entries}, {u"truncated"_s, qsizetype(records.size()) > max}}},
                     {u"all-exceptions"_s, all},
                     {u"truncated"_s, qsizetype(records.size()) > max}};
    if (!records.empty()) {
        body.insert(u"root-exception"_s, records.back().stacktrace);
        body.insert(u"timestamp"_s, records.back().timestampMs);
    }
    return body;
}

QJsonArray JobManagerApi::jobMetrics(const QUrlQuery &query) const
{
    const auto latest = m_cluster.latestCheckpoint();
    const QList<std::pair<QString, double>> metrics{
        {u"numRestarts"_s, m_cluster.numRestarts()},
        {u"fullRestarts"_s, m_cluster.numRestarts()},
        {u"uptime"_s, double(m_cluster.uptimeMs(m_now))},
        {u"downtime"_s, double(m_cluster.downtimeMs(m_now))},
        {u"restartingTime"_s, m_cluster.state() == u"RESTARTING"_s ? double(m_now - m_cluster.stateSinceMs()) : 0.0},
        {u"runningTime"_s, double(m_cluster.uptimeMs(m_now))},
        {u"numberOfCompletedCheckpoints"_s, double(m_cluster.completedCheckpoints())},
        {u"numberOfFailedCheckpoints"_s, double(m_cluster.failedCheckpoints())},
        {u"numberOfInProgressCheckpoints"_s, 0},
        {u"totalNumberOfCheckpoints"_s, double(m_cluster.completedCheckpoints() + m_cluster.failedCheckpoints())},
        {u"lastCheckpointDuration"_s, latest ? double(latest->ackMs - latest->triggerMs) : 0.0},
        {u"lastCheckpointSize"_s, latest ? double(latest->stateSize) : 0.0},
        {u"lastCheckpointFullSize"_s, latest ? double(latest->stateSize) : 0.0},
        {u"lastCheckpointRestoreTimestamp"_s, m_cluster.restoredFrom() ? double(m_cluster.restoreTimestampMs()) : -1.0},
    };
    QList<std::pair<QString, QString>> values = formatted(metrics);
    values.append({u"lastCheckpointExternalPath"_s, latest ? latest->externalPath : u"n/a"_s});
    return metricCollection(values, query);
}

QJsonObject JobManagerApi::vertexDetails(int vertex) const
{
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    const QString state = taskState();
    const qint64 running = runningSinceMs();
    QJsonArray subtasks;
    for (int i = 0; i < v.parallelism; ++i) {
        const int tm = m_cluster.taskManagerOfSubtask(i);
        subtasks.append(QJsonObject{{u"subtask"_s, i},
                                    {u"status"_s, state},
                                    {u"attempt"_s, m_cluster.numRestarts()},
                                    {u"endpoint"_s, subtaskEndpoint(i)},
                                    {u"start-time"_s, running},
                                    {u"end-time"_s, -1},
                                    {u"duration"_s, running < 0 ? -1 : m_now - running},
                                    {u"metrics"_s, ioMetrics(vertex, i)},
                                    {u"taskmanager-id"_s, m_cluster.taskManagerId(tm)},
                                    {u"status-duration"_s,
                                     QJsonObject{{u"CREATED"_s, 100},
                                                 {u"SCHEDULED"_s, 200},
                                                 {u"DEPLOYING"_s, 200},
                                                 {u"INITIALIZING"_s, 400},
                                                 {u"RUNNING"_s, running < 0 ? -1 : m_now - running}}}});
    }
    const QJsonObject io = ioMetrics(vertex, -1);
    const auto agg = [&](qint64 total) {
        const int p = v.parallelism;
        return QJsonObject{{u"min"_s, qint64(double(total) * recordsShare(vertex, 0))},
                           {u"max"_s, qint64(double(total) * recordsShare(vertex, p - 1))},
                           {u"avg"_s, total / p},
                           {u"sum"_s, total},
                           {u"median"_s, total / p},
                           {u"p25"_s, total / p},
                           {u"p75"_s, total / p},
                           {u"p95"_s, qint64(double(total) * recordsShare(vertex, p - 1))}};
    };
    QJsonObject aggregatedMetrics;
    for (const char *key : {"read-bytes", "write-bytes", "read-records", "write-records"})
        aggregatedMetrics.insert(QLatin1String(key), agg(io.value(QLatin1String(key)).toInteger()));
    return {{u"id"_s, v.id},
            {u"name"_s, v.name},
            {u"maxParallelism"_s, 128},
            {u"parallelism"_s, v.parallelism},
            {u"now"_s, m_now},
            {u"subtasks"_s, subtasks},
            {u"aggregated"_s, QJsonObject{{u"metrics"_s, aggregatedMetrics}, {u"status-duration"_s, QJsonObject()}}}};
}

QJsonArray JobManagerApi::subtaskMetrics(int vertex, const QUrlQuery &query) const
{
    const int p = m_vertices.at(vertex).parallelism;
    // Vertex totals; split over the subtasks by recordsShare. The time-per-second metrics are the
    // same in every subtask (back-pressure levels are per subtask and must agree with them).
    struct Metric
    {
        QString id;
        double total;
        bool perSubtask;
    };
    const QList<Metric> metrics{
        {u"numRecordsInPerSecond"_s, m_cluster.recordsInPerSecond(vertex, m_now), false},
        {u"numRecordsOutPerSecond"_s, m_cluster.recordsOutPerSecond(vertex, m_now), false},
        {u"numRecordsIn"_s, double(numRecordsIn(vertex)), false},
        {u"numRecordsOut"_s, double(m_cluster.numRecordsOut(vertex, m_now)), false},
        {u"busyTimeMsPerSecond"_s, m_cluster.busyTimeMsPerSecond(vertex, m_now), true},
        {u"backPressuredTimeMsPerSecond"_s, m_cluster.backPressuredTimeMsPerSecond(vertex, m_now), true},
        {u"idleTimeMsPerSecond"_s, m_cluster.idleTimeMsPerSecond(vertex, m_now), true},
    };
    // Task-scope currentInputWatermark, the same values /watermarks reports per subtask; a source's
    // is Long.MIN_VALUE, like Flink's.
    std::optional<std::pair<double, double>> watermarkRange;
    double watermarkSum = 0;
    for (const QJsonValue &w : watermarks(vertex)) {
        const double ms = w.toObject().value(u"value"_s).toString().toDouble();
        watermarkRange = watermarkRange
            ? std::pair{std::min(watermarkRange->first, ms), std::max(watermarkRange->second, ms)}
            : std::pair{ms, ms};
        watermarkSum += ms;
    }
    const QStringList wanted = requested(query, u"get"_s);
    QStringList aggs = requested(query, u"agg"_s);
    if (aggs.isEmpty())
        aggs = QStringList{u"min"_s, u"max"_s, u"avg"_s, u"sum"_s, u"skew"_s};
    QJsonArray out;
    for (const Metric &m : metrics) {
        if (wanted.isEmpty()) {
            out.append(QJsonObject{{u"id"_s, m.id}});
            continue;
        }
        if (!wanted.contains(m.id))
            continue;
        const double min = m.perSubtask ? m.total : m.total * recordsShare(vertex, 0);
        const double max = m.perSubtask ? m.total : m.total * recordsShare(vertex, p - 1);
        const double avg = m.perSubtask ? m.total : m.total / p;
        const double sum = m.perSubtask ? m.total * p : m.total;
        QJsonObject o{{u"id"_s, m.id}};
        for (const QString &agg : std::as_const(aggs)) {
            if (agg == u"min"_s)
                o.insert(agg, min);
            else if (agg == u"max"_s)
                o.insert(agg, max);
            else if (agg == u"avg"_s)
                o.insert(agg, avg);
            else if (agg == u"sum"_s)
                o.insert(agg, sum);
            else if (agg == u"skew"_s)
                o.insert(agg, avg > 0 ? std::round(100.0 * (max - avg) / avg) : 0.0);
        }
        out.append(o);
    }
    if (wanted.isEmpty())
        out.append(QJsonObject{{u"id"_s, u"currentInputWatermark"_s}});
    else if (wanted.contains(u"currentInputWatermark"_s) && watermarkRange) {
        QJsonObject o{{u"id"_s, u"currentInputWatermark"_s}};
        for (const QString &agg : std::as_const(aggs)) {
            if (agg == u"min"_s)
                o.insert(agg, watermarkRange->first);
            else if (agg == u"max"_s)
                o.insert(agg, watermarkRange->second);
            else if (agg == u"avg"_s)
                o.insert(agg, watermarkSum / p);
            else if (agg == u"sum"_s)
                o.insert(agg, watermarkSum);
            else if (agg == u"skew"_s)
                o.insert(agg, 0.0);
        }
        out.append(o);
    }
    return out;
}

QJsonObject JobManagerApi::backPressure(int vertex) const
{
    // Without running tasks there are no task metrics to sample: Flink answers "deprecated".
    if (m_cluster.state() != u"RUNNING"_s || m_cluster.jobManagerStatus() != JobManagerStatus::Ready)
        return {{u"status"_s, u"deprecated"_s}};
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    const double busy = m_cluster.busyTimeMsPerSecond(vertex, m_now) / 1000.0;
    const double backPressured = m_cluster.backPressuredTimeMsPerSecond(vertex, m_now) / 1000.0;
    const double idle = m_cluster.idleTimeMsPerSecond(vertex, m_now) / 1000.0;
    QJsonArray subtasks;
    for (int i = 0; i < v.parallelism; ++i)
        subtasks.append(QJsonObject{{u"subtask"_s, i},
                                    {u"attempt-number"_s, m_cluster.numRestarts()},
                                    {u"backpressureLevel"_s, backPressureLevel(backPressured)},
                                    {u"ratio"_s, backPressured},
                                    {u"idleRatio"_s, idle},
                                    {u"busyRatio"_s, busy}});
    return {{u"status"_s, u"ok"_s},
            {u"backpressureLevel"_s, backPressureLevel(backPressured)},
            {u"end-timestamp"_s, m_now},
            {u"subtasks"_s, subtasks}};
}

QJsonArray JobManagerApi::watermarks(int vertex) const
{
    QJsonArray out;
    if (m_cluster.state() != u"RUNNING"_s)
        return out;
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    // Sources have no input watermark (Long.MIN_VALUE). Downstream the event time lags by the
    // out-of-orderness bound, a little per hop, and by the backlog while the job is back-pressured.
    const double throughput = m_cluster.throughput(m_now);
    const double demand = m_cluster.settings().demandRecordsPerSecond;
    const qint64 runningMs = m_now - runningSinceMs();
    const qint64 backlogMs
        = demand > throughput && demand > 0 ? qint64(double(runningMs) * (1.0 - throughput / demand)) : 0;
    const qint64 lag = 2000 + 150 * depth(vertex) + backlogMs;
    for (int i = 0; i < v.parallelism; ++i) {
        const QString value = v.source ? u"-9223372036854775808"_s : QString::number(m_now - lag - 37 * i);
        out.append(QJsonObject{{u"id"_s, u"%1.currentInputWatermark"_s.arg(i)}, {u"value"_s, value}});
    }
    return out;
}

QJsonObject JobManagerApi::vertexTaskManagers(int vertex) const
{
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    const QString state = taskState();
    const qint64 running = runningSinceMs();
    QJsonArray list;
    for (int tm = 0; tm < m_cluster.taskManagerCount(); ++tm) {
        QList<int> subtasks;
        for (int i = 0; i < v.parallelism; ++i) {
            if (m_cluster.taskManagerOfSubtask(i) == tm)
                subtasks << i;
        }
        if (subtasks.isEmpty())
            continue;
        QJsonObject metrics;
        for (int i : std::as_const(subtasks)) {
            const QJsonObject io = ioMetrics(vertex, i);
            for (auto it = io.begin(); it != io.end(); ++it) {
                if (it.value().isBool())
                    metrics.insert(it.key(), true);
                else if (it.key() == u"accumulated-busy-time"_s)
                    metrics.insert(it.key(), metrics.value(it.key()).toDouble() + it.value().toDouble());
                else
                    metrics.insert(it.key(), metrics.value(it.key()).toInteger() + it.value().toInteger());
            }
        }
        list.append(QJsonObject{{u"endpoint"_s, subtaskEndpoint(subtasks.first())},
                                {u"taskmanager-id"_s, m_cluster.taskManagerId(tm)},
                                {u"status"_s, state},
                                {u"start-time"_s, running},
                                {u"end-time"_s, -1},
                                {u"duration"_s, running < 0 ? -1 : m_now - running},
                                {u"metrics"_s, metrics},
                                {u"status-counts"_s, QJsonObject{{state, int(subtasks.size())}}}});
    }
    return {{u"id"_s, v.id}, {u"name"_s, v.name}, {u"now"_s, m_now}, {u"taskmanagers"_s, list}};
}

QJsonObject JobManagerApi::subtaskTimes(int vertex) const
{
    const FlinkJobModel::Vertex &v = m_vertices.at(vertex);
    const QJsonObject timestamps = statusTimestamps();
    const qint64 running = runningSinceMs();
    QJsonArray subtasks;
    for (int i = 0; i < v.parallelism; ++i) {
        const qint64 created = timestamps.value(u"CREATED"_s).toInteger();
        subtasks.append(QJsonObject{{u"subtask"_s, i},
                                    {u"endpoint"_s, subtaskEndpoint(i)},
                                    {u"duration"_s, running < 0 ? -1 : m_now - created},
                                    {u"timestamps"_s, timestamps}});
    }
    return {{u"id"_s, v.id}, {u"name"_s, v.name}, {u"now"_s, m_now}, {u"subtasks"_s, subtasks}};
}

QJsonObject JobManagerApi::taskManagerInfo(int index) const
{
    const JobSettings &s = m_cluster.settings();
    const int slotCount = std::max(1, s.taskSlots);
    int maxParallelism = 0;
    for (const FlinkJobModel::Vertex &v : m_vertices)
        maxParallelism = std::max(maxParallelism, v.parallelism);
    const bool running = m_cluster.hasJob() && m_cluster.state() == u"RUNNING"_s;
    const int used = running ? std::clamp(maxParallelism - index * slotCount, 0, slotCount) : 0;
    const qint64 mib = s.taskManagerMemoryBytes / (1024 * 1024);
    const auto resource = [&](int granted) {
        return QJsonObject{{u"cpuCores"_s, s.taskManagerCpu * granted / slotCount},
                           {u"taskHeapMemory"_s, mib / 3 * granted / slotCount},
                           {u"taskOffHeapMemory"_s, 0},
                           {u"managedMemory"_s, mib / 3 * granted / slotCount},
                           {u"networkMemory"_s, mib / 10 * granted / slotCount},
                           {u"extendedResources"_s, QJsonObject()}};
    };
    const qint64 total = s.taskManagerMemoryBytes;
    return {{u"id"_s, m_cluster.taskManagerId(index)},
            {u"path"_s, u"pekko.tcp://flink@10.244.0.%1:6122/user/rpc/taskmanager_0"_s.arg(20 + index)},
            {u"dataPort"_s, 6121},
            {u"jmxPort"_s, -1},
            {u"timeSinceLastHeartbeat"_s, m_now - 1500},
            {u"slotsNumber"_s, slotCount},
            {u"freeSlots"_s, slotCount - used},
            {u"totalResource"_s, resource(slotCount)},
            {u"freeResource"_s, resource(slotCount - used)},
            {u"hardware"_s,
             QJsonObject{{u"cpuCores"_s, std::max(1, int(std::ceil(s.taskManagerCpu)))},
                         {u"physicalMemory"_s, total},
                         {u"freeMemory"_s, total / 3},
                         {u"managedMemory"_s, total / 3}}},
            {u"memoryConfiguration"_s,
             QJsonObject{{u"frameworkHeap"_s, 128LL << 20},
                         {u"taskHeap"_s, total / 3},
                         {u"frameworkOffHeap"_s, 128LL << 20},
                         {u"taskOffHeap"_s, 0},
                         {u"networkMemory"_s, total / 10},
                         {u"managedMemory"_s, total / 3},
                         {u"jvmMetaspace"_s, 256LL << 20},
                         {u"jvmOverhead"_s, total / 10},
                         {u"totalFlinkMemory"_s, total - (256LL << 20) - total / 10},
                         {u"totalProcessMemory"_s, total}}},
            {u"blocked"_s, false}};
}

QJsonObject JobManagerApi::taskManagers() const
{
    QJsonArray list;
    for (int i = 0; i < m_cluster.taskManagerCount(); ++i)
        list.append(taskManagerInfo(i));
    return {{u"taskmanagers"_s, list}};
}

QJsonObject JobManagerApi::taskManagerDetails(int index) const
{
    QJsonObject details = taskManagerInfo(index);
    const qint64 total = m_cluster.settings().taskManagerMemoryBytes;
    const qint64 heapMax = total / 3 + (128LL << 20);
    const qint64 heapUsed = heapMax / 4 + (m_now / 1000 % 97) * (1LL << 20);
    QJsonArray allocated;
    const int used = details.value(u"slotsNumber"_s).toInt() - details.value(u"freeSlots"_s).toInt();
    for (int i = 0; i < used; ++i)
        allocated.append(
            QJsonObject{{u"jobId"_s, m_cluster.jobId()},
                        {u"resource"_s,
                         QJsonObject{{u"cpuCores"_s,
                                      details.value(u"totalResource"_s).toObject().value(u"cpuCores"_s).toDouble()
                                          / details.value(u"slotsNumber"_s).toInt()},
                                     {u"taskHeapMemory"_s, 0},
                                     {u"taskOffHeapMemory"_s, 0},
                                     {u"managedMemory"_s, 0},
                                     {u"networkMemory"_s, 0},
                                     {u"extendedResources"_s, QJsonObject()}}}});
    details.insert(u"allocatedSlots"_s, allocated);
    const qint64 segments = total / 10 / (32 * 1024);
    details.insert(
        u"metrics"_s,
        QJsonObject{{u"heapUsed"_s, heapUsed},
                    {u"heapCommitted"_s, heapMax},
                    {u"heapMax"_s, heapMax},
                    {u"nonHeapUsed"_s, 96LL << 20},
                    {u"nonHeapCommitted"_s, 112LL << 20},
                    {u"nonHeapMax"_s, 256LL << 20},
                    {u"directCount"_s, 64},
                    {u"directUsed"_s, total / 10},
                    {u"directMax"_s, total / 10},
                    {u"mappedCount"_s, 0},
                    {u"mappedUsed"_s, 0},
                    {u"mappedMax"_s, 0},
                    {u"nettyShuffleMemorySegmentsAvailable"_s, segments - used * 8},
                    {u"nettyShuffleMemorySegmentsUsed"_s, used * 8},
                    {u"nettyShuffleMemorySegmentsTotal"_s, segments},
                    {u"nettyShuffleMemoryAvailable"_s, (segments - used * 8) * 32 * 1024},
                    {u"nettyShuffleMemoryUsed"_s, used * 8 * 32 * 1024},
                    {u"nettyShuffleMemoryTotal"_s, segments * 32 * 1024},
                    {u"garbageCollectors"_s,
                     QJsonArray{QJsonObject{{u"name"_s, u"G1_Young_Generation"_s},
                                            {u"count"_s, m_now / 60000 % 1000},
                                            {u"time"_s, m_now / 60000 % 1000 * 12}},
                                QJsonObject{{u"name"_s, u"G1_Old_Generation"_s}, {u"count"_s, 0}, {u"time"_s, 0}}}}});
    return details;
}

QJsonArray JobManagerApi::taskManagerMetrics(int index, const QUrlQuery &query) const
{
    const QJsonObject details = taskManagerDetails(index);
    const QJsonObject m = details.value(u"metrics"_s).toObject();
    const QList<std::pair<QString, double>> metrics{
        {u"Status.JVM.Memory.Heap.Used"_s, double(m.value(u"heapUsed"_s).toInteger())},
        {u"Status.JVM.Memory.Heap.Committed"_s, double(m.value(u"heapCommitted"_s).toInteger())},
        {u"Status.JVM.Memory.Heap.Max"_s, double(m.value(u"heapMax"_s).toInteger())},
        {u"Status.JVM.Memory.NonHeap.Used"_s, double(m.value(u"nonHeapUsed"_s).toInteger())},
        {u"Status.JVM.CPU.Load"_s, m_cluster.state() == u"RUNNING"_s ? 0.35 : 0.02},
        {u"Status.JVM.Threads.Count"_s, 64},
        {u"Status.Shuffle.Netty.UsedMemorySegments"_s,
         double(m.value(u"nettyShuffleMemorySegmentsUsed"_s).toInteger())},
        {u"Status.Shuffle.Netty.TotalMemorySegments"_s,
         double(m.value(u"nettyShuffleMemorySegmentsTotal"_s).toInteger())},
        {u"Status.Flink.Memory.Managed.Used"_s, 0},
        {u"Status.Flink.Memory.Managed.Total"_s, double(m_cluster.settings().taskManagerMemoryBytes / 3)},
    };
    return metricCollection(formatted(metrics), query);
}

QJsonArray JobManagerApi::jobManagerConfig() const
{
    const JobSettings &s = m_cluster.settings();
    QJsonObject conf{{u"jobmanager.rpc.address"_s, u"%1.%2"_s.arg(s.deploymentName, u"default"_s)},
                     {u"jobmanager.rpc.port"_s, u"6123"_s},
                     {u"rest.port"_s, u"8081"_s},
                     {u"blob.server.port"_s, u"6124"_s},
                     {u"taskmanager.rpc.port"_s, u"6122"_s},
                     {u"execution.target"_s, s.session ? u"kubernetes-session"_s : u"kubernetes-application"_s},
                     {u"kubernetes.cluster-id"_s, s.deploymentName},
                     {u"parallelism.default"_s, QString::number(s.parallelism)},
                     {u"taskmanager.numberOfTaskSlots"_s, QString::number(std::max(1, s.taskSlots))},
                     {u"web.checkpoints.history"_s, u"10"_s},
                     {u"web.exception-history-size"_s, u"16"_s}};
    for (auto it = s.flinkConfiguration.begin(); it != s.flinkConfiguration.end(); ++it)
        conf.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    QJsonArray out;
    for (auto it = conf.begin(); it != conf.end(); ++it)
        out.append(QJsonObject{{u"key"_s, it.key()}, {u"value"_s, it.value().toString()}});
    return out;
}

QJsonObject JobManagerApi::environment() const
{
    return {{u"jvm"_s,
             QJsonObject{{u"version"_s, u"OpenJDK 64-Bit Server VM - Eclipse Adoptium - 17/17.0.13+11"_s},
                         {u"arch"_s, u"amd64"_s},
                         {u"options"_s,
                          QJsonArray{u"-Xmx1073741824"_s, u"-Xms1073741824"_s, u"-XX:MaxMetaspaceSize=268435456"_s,
                                     u"-Dlog.file=/opt/flink/log/flink--kubernetes-application-0-jobmanager.log"_s,
                                     u"-Dlog4j.configurationFile=file:/opt/flink/conf/log4j-console.properties"_s}}}},
            {u"classpath"_s,
             QJsonArray{u"/opt/flink/lib/flink-cep-1.20.1.jar"_s, u"/opt/flink/lib/flink-connector-files-1.20.1.jar"_s,
                        u"/opt/flink/lib/flink-csv-1.20.1.jar"_s, u"/opt/flink/lib/flink-json-1.20.1.jar"_s,
                        u"/opt/flink/lib/flink-table-api-java-uber-1.20.1.jar"_s,
                        u"/opt/flink/lib/log4j-api-2.24.1.jar"_s, u"/opt/flink/lib/flink-dist-1.20.1.jar"_s}}};
}

QJsonArray JobManagerApi::jobManagerMetrics(const QUrlQuery &query) const
{
    const QJsonObject o = overview();
    const QList<std::pair<QString, double>> metrics{
        {u"Status.JVM.Memory.Heap.Used"_s, double((256LL << 20) + (m_now / 1000 % 89) * (1LL << 20))},
        {u"Status.JVM.Memory.Heap.Max"_s, double(1LL << 30)},
        {u"Status.JVM.CPU.Load"_s, 0.04},
        {u"numRegisteredTaskManagers"_s, double(o.value(u"taskmanagers"_s).toInt())},
        {u"numRunningJobs"_s, double(o.value(u"jobs-running"_s).toInt())},
        {u"taskSlotsTotal"_s, double(o.value(u"slots-total"_s).toInt())},
        {u"taskSlotsAvailable"_s, double(o.value(u"slots-available"_s).toInt())},
    };
    return metricCollection(formatted(metrics), query);
}

} // namespace capstan::sandbox
