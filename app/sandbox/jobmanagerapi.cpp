#include "sandbox/jobmanagerapi.h"

#include "sandbox/flinkjobmodel.h"

#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cmath>

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

QJsonObject statsSummary(const QList<qint64> &values)
{
    if (values.isEmpty())
        return {{u"min"_s, 0}, {u"max"_s, 0}, {u"avg"_s, 0}};
    qint64 sum = 0;
    for (qint64 v : values)
        sum += v;
    return {{u"min"_s, *std::min_element(values.begin(), values.end())},
            {u"max"_s, *std::max_element(values.begin(), values.end())},
            {u"avg"_s, sum / values.size()}};
}

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
    , m_now(nowMs)
{
}

ProxyResponse JobManagerApi::get(const QString &path, const QUrlQuery &query) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const auto is = [&](std::initializer_list<const char *> expected) {
        if (size_t(parts.size()) != expected.size())
            return false;
        qsizetype i = 0;
        for (const char *e : expected) {
            if (qstrcmp(e, "*") != 0 && parts.at(i) != QLatin1String(e))
                return false;
            ++i;
        }
        return true;
    };
    if (parts.value(0) == u"v1"_s) // Flink accepts an optional version prefix
        return get(parts.mid(1).join(u'/'), query);
    if (is({"overview"}))
        return json(200, overview());
    if (is({"config"}))
        return json(200, dashboardConfig());
    if (is({"taskmanagers"}))
        return json(200, taskManagers());
    if (is({"jobs"})) {
        QJsonArray jobs;
        if (m_cluster.hasJob())
            jobs.append(QJsonObject{{u"id"_s, m_cluster.jobId()}, {u"status"_s, m_cluster.state()}});
        return json(200, QJsonObject{{u"jobs"_s, jobs}});
    }
    if (is({"jobs", "overview"})) {
        QJsonArray jobs;
        if (m_cluster.hasJob())
            jobs.append(jobSummary());
        return json(200, QJsonObject{{u"jobs"_s, jobs}});
    }
    if (parts.size() >= 2 && parts.at(0) == u"jobs"_s) {
        if (!m_cluster.hasJob() || parts.at(1) != m_cluster.jobId())
            return flinkError(404, u"Job %1 not found"_s.arg(parts.at(1)));
        if (is({"jobs", "*"}))
            return json(200, jobDetails());
        if (is({"jobs", "*", "checkpoints"}))
            return json(200, checkpoints());
        if (is({"jobs", "*", "exceptions"}))
            return json(200, exceptions(query));
        if (is({"jobs", "*", "metrics"}))
            return json(200, jobMetrics(query));
        if (is({"jobs", "*", "config"}))
            return json(200,
                        QJsonObject{{u"jid"_s, m_cluster.jobId()},
                                    {u"name"_s, m_cluster.jobName()},
                                    {u"execution-config"_s,
                                     QJsonObject{{u"execution-mode"_s, u"PIPELINED"_s},
                                                 {u"restart-strategy"_s, u"Cluster level default restart strategy"_s},
                                                 {u"job-parallelism"_s, m_cluster.settings().parallelism},
                                                 {u"object-reuse-mode"_s, false},
                                                 {u"user-config"_s, QJsonObject()}}}});
        if (is({"jobs", "*", "vertices", "*", "subtasks", "metrics"})) {
            const QList<FlinkJobModel::Vertex> vertices = m_cluster.vertices();
            for (int i = 0; i < vertices.size(); ++i) {
                if (vertices.at(i).id == parts.at(3))
                    return json(200, subtaskMetrics(i, query));
            }
            return flinkError(404, u"JobVertex %1 not found"_s.arg(parts.at(3)));
        }
    }
    return flinkError(404, u"Not found: /%1"_s.arg(path));
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

QJsonObject JobManagerApi::jobSummary() const
{
    const int p = m_cluster.settings().parallelism;
    const int tasks = p * int(m_cluster.vertices().size());
    const bool running = m_cluster.state() == u"RUNNING"_s;
    const qint64 end = m_cluster.endTimeMs();
    return {{u"jid"_s, m_cluster.jobId()},
            {u"name"_s, m_cluster.jobName()},
            {u"state"_s, m_cluster.state()},
            {u"start-time"_s, m_cluster.startTimeMs()},
            {u"end-time"_s, end},
            {u"duration"_s, (end > 0 ? end : m_now) - m_cluster.startTimeMs()},
            {u"last-modification"_s, m_cluster.stateSinceMs()},
            {u"pending-operators"_s, 0},
            {u"tasks"_s,
             QJsonObject{{u"total"_s, tasks},
                         {u"created"_s, 0},
                         {u"scheduled"_s, 0},
                         {u"deploying"_s, running ? 0 : tasks},
                         {u"running"_s, running ? tasks : 0},
                         {u"finished"_s, 0},
                         {u"canceling"_s, 0},
                         {u"canceled"_s, 0},
                         {u"failed"_s, 0},
                         {u"reconciling"_s, 0},
                         {u"initializing"_s, 0}}}};
}

QJsonObject JobManagerApi::jobDetails() const
{
    QJsonObject details = jobSummary();
    details.remove(u"tasks"_s);
    const int p = m_cluster.settings().parallelism;
    const bool running = m_cluster.state() == u"RUNNING"_s;
    QJsonArray vertices;
    QJsonArray nodes;
    const QList<FlinkJobModel::Vertex> vs = m_cluster.vertices();
    for (int i = 0; i < vs.size(); ++i) {
        const FlinkJobModel::Vertex &v = vs.at(i);
        const double seconds = double(m_cluster.uptimeMs(m_now)) / 1000.0;
        vertices.append(
            QJsonObject{{u"id"_s, v.id},
                        {u"name"_s, v.name},
                        {u"maxParallelism"_s, 128},
                        {u"parallelism"_s, p},
                        {u"status"_s, running ? u"RUNNING"_s : u"INITIALIZING"_s},
                        {u"start-time"_s, m_cluster.startTimeMs()},
                        {u"end-time"_s, -1},
                        {u"duration"_s, m_now - m_cluster.startTimeMs()},
                        {u"tasks"_s, QJsonObject{{running ? u"RUNNING"_s : u"INITIALIZING"_s, p}}},
                        {u"metrics"_s,
                         QJsonObject{{u"read-records"_s, qint64(m_cluster.recordsInPerSecond(i, m_now) * seconds)},
                                     {u"read-records-complete"_s, true},
                                     {u"write-records"_s, m_cluster.numRecordsOut(i, m_now)},
                                     {u"write-records-complete"_s, true},
                                     {u"accumulated-backpressured-time"_s, 0},
                                     {u"accumulated-idle-time"_s, 0},
                                     {u"accumulated-busy-time"_s, m_cluster.busyTimeMsPerSecond(i, m_now)}}}});
        QJsonObject node{{u"id"_s, v.id},
                         {u"parallelism"_s, p},
                         {u"operator"_s, QString()},
                         {u"operator_strategy"_s, QString()},
                         {u"description"_s, v.name}};
        if (i > 0)
            node.insert(u"inputs"_s,
                        QJsonArray{QJsonObject{{u"num"_s, 0},
                                               {u"id"_s, vs.at(i - 1).id},
                                               {u"ship_strategy"_s, u"HASH"_s},
                                               {u"exchange"_s, u"pipelined_bounded"_s}}});
        nodes.append(node);
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
    details.insert(u"status-counts"_s, QJsonObject{{running ? u"RUNNING"_s : u"INITIALIZING"_s, int(vs.size())}});
    details.insert(u"plan"_s,
                   QJsonObject{{u"jid"_s, m_cluster.jobId()},
                               {u"name"_s, m_cluster.jobName()},
                               {u"type"_s, u"STREAMING"_s},
                               {u"nodes"_s, nodes}});
    return details;
}

QJsonObject JobManagerApi::checkpoints() const
{
    const int subtasks = m_cluster.settings().parallelism * int(m_cluster.vertices().size());
    QJsonArray history;
    QList<qint64> sizes;
    QList<qint64> durations;
    const auto &records = m_cluster.checkpointHistory();
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        history.append(checkpointJson(*it, subtasks));
        sizes.append(it->stateSize);
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
    if (const auto r = m_cluster.restoredFrom(); r && m_cluster.restoreTimestampMs() <= m_now)
        latest.insert(u"restored"_s,
                      QJsonObject{{u"id"_s, r->id},
                                  {u"restore_timestamp"_s, m_cluster.restoreTimestampMs()},
                                  {u"is_savepoint"_s, r->savepoint},
                                  {u"external_path"_s, r->externalPath}});
    const bool restored = m_cluster.restoredFrom().has_value() && m_cluster.restoreTimestampMs() <= m_now;
    return {{u"counts"_s,
             QJsonObject{{u"restored"_s, restored ? 1 : 0},
                         {u"total"_s, m_cluster.completedCheckpoints() + m_cluster.failedCheckpoints()},
                         {u"in_progress"_s, 0},
                         {u"completed"_s, m_cluster.completedCheckpoints()},
                         {u"failed"_s, m_cluster.failedCheckpoints()}}},
            {u"summary"_s,
             QJsonObject{{u"state_size"_s, statsSummary(sizes)},
                         {u"checkpointed_size"_s, statsSummary(sizes)},
                         {u"end_to_end_duration"_s, statsSummary(durations)},
                         {u"alignment_buffered"_s, statsSummary({})},
                         {u"processed_data"_s, statsSummary({})},
                         {u"persisted_data"_s, statsSummary({})}}},
            {u"latest"_s, latest},
            {u"history"_s, history}};
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
        {u"lastCheckpointExternalPath"_s, NAN},
    };
    const QStringList wanted = requested(query, u"get"_s);
    QJsonArray out;
    for (const auto &[id, value] : metrics) {
        if (wanted.isEmpty()) {
            out.append(QJsonObject{{u"id"_s, id}});
            continue;
        }
        if (!wanted.contains(id))
            continue;
        if (id == u"lastCheckpointExternalPath"_s)
            out.append(QJsonObject{{u"id"_s, id}, {u"value"_s, latest ? latest->externalPath : u"n/a"_s}});
        else
            out.append(QJsonObject{{u"id"_s, id}, {u"value"_s, metricValue(value)}});
    }
    return out;
}

QJsonArray JobManagerApi::subtaskMetrics(int vertex, const QUrlQuery &query) const
{
    const int p = std::max(1, m_cluster.settings().parallelism);
    // Per-subtask values; record rates are split evenly over the subtasks.
    const QList<std::pair<QString, double>> metrics{
        {u"numRecordsInPerSecond"_s, m_cluster.recordsInPerSecond(vertex, m_now) / p},
        {u"numRecordsOutPerSecond"_s, m_cluster.recordsOutPerSecond(vertex, m_now) / p},
        {u"numRecordsOut"_s, double(m_cluster.numRecordsOut(vertex, m_now)) / p},
        {u"busyTimeMsPerSecond"_s, m_cluster.busyTimeMsPerSecond(vertex, m_now)},
        {u"backPressuredTimeMsPerSecond"_s, m_cluster.backPressuredTimeMsPerSecond(vertex, m_now)},
        {u"idleTimeMsPerSecond"_s, m_cluster.idleTimeMsPerSecond(vertex, m_now)},
    };
    const QStringList wanted = requested(query, u"get"_s);
    QStringList aggs = requested(query, u"agg"_s);
    if (aggs.isEmpty())
        aggs = QStringList{u"min"_s, u"max"_s, u"avg"_s, u"sum"_s};
    QJsonArray out;
    for (const auto &[id, value] : metrics) {
        if (wanted.isEmpty()) {
            out.append(QJsonObject{{u"id"_s, id}});
            continue;
        }
        if (!wanted.contains(id))
            continue;
        QJsonObject o{{u"id"_s, id}};
        // A little skew between subtasks: min/max spread ±5 % around the mean.
        for (const QString &agg : std::as_const(aggs)) {
            if (agg == u"min"_s)
                o.insert(agg, p > 1 ? value * 0.95 : value);
            else if (agg == u"max"_s)
                o.insert(agg, p > 1 ? value * 1.05 : value);
            else if (agg == u"avg"_s)
                o.insert(agg, value);
            else if (agg == u"sum"_s)
                o.insert(agg, value * p);
            else if (agg == u"skew"_s)
                o.insert(agg, p > 1 ? 5.0 : 0.0);
        }
        out.append(o);
    }
    return out;
}

QJsonObject JobManagerApi::taskManagers() const
{
    const JobSettings &s = m_cluster.settings();
    const int count = m_cluster.taskManagerCount();
    const int slotCount = std::max(1, s.taskSlots);
    int remaining = s.parallelism;
    QJsonArray list;
    for (int i = 0; i < count; ++i) {
        const int used = std::min(slotCount, remaining);
        remaining -= used;
        const QJsonObject resource{{u"cpuCores"_s, s.taskManagerCpu},
                                   {u"taskHeapMemory"_s, s.taskManagerMemoryBytes / (1024 * 1024) / 3},
                                   {u"taskOffHeapMemory"_s, 0},
                                   {u"managedMemory"_s, s.taskManagerMemoryBytes / (1024 * 1024) / 3},
                                   {u"networkMemory"_s, s.taskManagerMemoryBytes / (1024 * 1024) / 10},
                                   {u"extendedResources"_s, QJsonObject()}};
        list.append(
            QJsonObject{{u"id"_s, m_cluster.taskManagerId(i)},
                        {u"path"_s, u"pekko.tcp://flink@10.244.0.%1:6122/user/rpc/taskmanager_0"_s.arg(20 + i)},
                        {u"dataPort"_s, 6121},
                        {u"jmxPort"_s, -1},
                        {u"timeSinceLastHeartbeat"_s, m_now - 1500},
                        {u"slotsNumber"_s, slotCount},
                        {u"freeSlots"_s, slotCount - used},
                        {u"totalResource"_s, resource},
                        {u"freeResource"_s, resource},
                        {u"hardware"_s,
                         QJsonObject{{u"cpuCores"_s, std::max(1, int(std::ceil(s.taskManagerCpu)))},
                                     {u"physicalMemory"_s, s.taskManagerMemoryBytes},
                                     {u"freeMemory"_s, s.taskManagerMemoryBytes / 3},
                                     {u"managedMemory"_s, s.taskManagerMemoryBytes / 3}}},
                        {u"memoryConfiguration"_s, QJsonObject{{u"totalProcessMemory"_s, s.taskManagerMemoryBytes}}},
                        {u"blocked"_s, false}});
    }
    return {{u"taskmanagers"_s, list}};
}

} // namespace capstan::sandbox
