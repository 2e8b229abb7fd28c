#include "sandbox/flinkjobmodel.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>

namespace capstan::sandbox {

namespace {

constexpr qint64 kJobManagerPodsMs = 4000; // DEPLOYING → DEPLOYED_NOT_READY
constexpr qint64 kRestReadyMs = 4000; // DEPLOYED_NOT_READY → READY
constexpr qint64 kCreatedMs = 2000; // CREATED → RUNNING
constexpr qint64 kFailAfterMs = 4000; // a failing job runs this long before the next failure
constexpr qint64 kRestartDelayMs = 2000; // RESTARTING → RUNNING
constexpr int kHistorySize = 10; // web.checkpoints.history
constexpr int kExceptionHistorySize = 16; // web.exception-history-size

QString hexOf(const QByteArray &seed, int digits)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex().left(digits));
}

// A deterministic value in [-1, 1] for second `s` of a job.
double noise(const QString &key, qint64 s)
{
    const QByteArray h
        = QCryptographicHash::hash(QByteArray(key.toUtf8() + QByteArray::number(s)), QCryptographicHash::Md5);
    return (quint8(h.at(0)) / 127.5) - 1.0;
}

} // namespace

qint64 FlinkJobModel::createdToRunningMs()
{
    return kCreatedMs;
}

qint64 FlinkJobModel::restartDelayMs()
{
    return kRestartDelayMs;
}

void FlinkJobModel::deploy(qint64 nowMs, const JobSettings &settings, const QString &jobId,
                           const std::optional<CheckpointRecord> &restore, qint64 nextCheckpointId)
{
    m_settings = settings;
    applyParallelism();
    m_jm = JobManagerStatus::Deploying;
    m_jobId = jobId;
    m_deployedAtMs = nowMs;
    m_notReadyAtMs = nowMs + kJobManagerPodsMs;
    m_readyAtMs = m_notReadyAtMs + kRestReadyMs;
    m_state = settings.session ? QString() : QStringLiteral("INITIALIZING");
    m_startMs = m_readyAtMs;
    m_endMs = -1;
    m_stateSinceMs = nowMs;
    m_runningSinceMs = 0;
    m_runningTotalMs = 0;
    m_numRestarts = 0;
    m_rescales = 0;
    m_restartTimes.clear();
    m_completedCheckpoints = 0;
    m_failedCheckpoints = 0;
    m_history.clear();
    m_exceptions.clear();
    m_restored = restore;
    m_restoreMs = restore ? m_readyAtMs + kCreatedMs : 0;
    m_latest = restore && !restore->savepoint ? restore : std::nullopt;
    m_latestSavepoint = restore && restore->savepoint ? restore : std::nullopt;
    m_nextCheckpointId = std::max<qint64>(1, nextCheckpointId);
    m_nowMs = nowMs;
    m_held = false;
    m_jmStartMs = nowMs;
    ++m_serial;
    m_taskManagerIds.clear();
}

// The vertices at the job's parallelism, but where pipeline.jobvertex-parallelism-overrides
// ("vertexId:parallelism,…", the autoscaler's decisions) sets them apart; the slots follow the largest.
void FlinkJobModel::applyParallelism()
{
    m_vertices = buildVertices(m_settings);
    const QStringList overrides
        = m_settings.flinkConfiguration.value(QLatin1String("pipeline.jobvertex-parallelism-overrides"))
              .toString()
              .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : overrides) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        const int p = entry.mid(colon + 1).trimmed().toInt();
        for (Vertex &v : m_vertices) {
            if (colon > 0 && p > 0 && v.id == entry.left(colon).trimmed()) {
                v.parallelism = p;
                m_settings.parallelism = std::max(m_settings.parallelism, p);
            }
        }
    }
}

bool FlinkJobModel::rescaleInPlace(qint64 nowMs, const QJsonObject &flinkConfiguration)
{
    advance(nowMs);
    if (m_jm != JobManagerStatus::Ready || !hasJob() || m_state != QLatin1String("RUNNING"))
        return false;
    m_settings.flinkConfiguration = flinkConfiguration;
    applyParallelism();
    // The adaptive scheduler stops the tasks and starts them at the new parallelism from the latest
    // checkpoint: the job keeps its id and its JobManager, and is RESTARTING meanwhile.
    m_runningTotalMs += nowMs - m_runningSinceMs;
    ++m_rescales;
    setState(QStringLiteral("RESTARTING"), nowMs);
    m_runningAtMs = nowMs + kRestartDelayMs;
    return true;
}

void FlinkJobModel::submit(qint64 nowMs, const JobSettings &settings, const QString &jobId,
                           const std::optional<CheckpointRecord> &restore, qint64 nextCheckpointId)
{
    deploy(nowMs, settings, jobId, restore, nextCheckpointId);
    m_jm = JobManagerStatus::Ready;
    m_notReadyAtMs = nowMs;
    m_readyAtMs = nowMs;
    m_startMs = nowMs;
    m_restoreMs = restore ? nowMs + kCreatedMs : 0;
    if (settings.session)
        return;
    setState(QStringLiteral("CREATED"), nowMs);
    m_runningAtMs = nowMs + kCreatedMs;
}

void FlinkJobModel::adopt(qint64 nowMs, const JobSettings &settings, const QString &jobId, qint64 startMs)
{
    deploy(nowMs, settings, jobId, std::nullopt, 1);
    m_jm = JobManagerStatus::Ready;
    m_deployedAtMs = startMs - kJobManagerPodsMs - kRestReadyMs;
    m_notReadyAtMs = m_deployedAtMs + kJobManagerPodsMs;
    m_readyAtMs = startMs;
    m_startMs = startMs;
    m_jmStartMs = m_deployedAtMs;
    if (settings.session)
        return;
    m_state = QStringLiteral("RUNNING");
    m_stateSinceMs = startMs + kCreatedMs;
    m_runningSinceMs = m_stateSinceMs;
    m_failAtMs = m_runningSinceMs + kFailAfterMs;
    if (settings.checkpointIntervalMs > 0) {
        // As if the job had checkpointed at its interval since it started.
        const qint64 elapsed = std::max<qint64>(0, nowMs - m_runningSinceMs);
        const qint64 done = elapsed / settings.checkpointIntervalMs;
        const qint64 firstKept = std::max<qint64>(1, done - kHistorySize + 1);
        m_nextCheckpointId = firstKept;
        m_completedCheckpoints = firstKept - 1;
        for (qint64 i = firstKept; i <= done; ++i) {
            CheckpointRecord c;
            c.id = m_nextCheckpointId++;
            c.triggerMs = m_runningSinceMs + i * settings.checkpointIntervalMs;
            c.ackMs = c.triggerMs + checkpointDurationMs();
            c.stateSize = stateSizeAt(c.ackMs);
            c.externalPath = QStringLiteral("%1/%2/chk-%3").arg(m_settings.checkpointsDir, m_jobId).arg(c.id);
            m_history.push_back(c);
            m_latest = c;
            ++m_completedCheckpoints;
        }
        m_nextCheckpointMs = m_runningSinceMs + (done + 1) * settings.checkpointIntervalMs;
    }
    m_nowMs = nowMs;
}

void FlinkJobModel::stop(qint64 nowMs, const QString &finalState)
{
    advance(nowMs);
    if (m_state == QLatin1String("RUNNING"))
        m_runningTotalMs += nowMs - m_runningSinceMs;
    m_jm = JobManagerStatus::Missing;
    m_held = false;
    if (!m_settings.session)
        setState(finalState, nowMs);
    m_endMs = nowMs;
}

void FlinkJobModel::advance(qint64 nowMs)
{
    for (int guard = 0; guard < 200000; ++guard) {
        const qint64 t = nextTransitionMs();
        if (t < 0 || t > nowMs)
            break;
        apply(t);
    }
    m_nowMs = std::max(m_nowMs, nowMs);
}

void FlinkJobModel::setJobManagerHeld(bool held, qint64 nowMs)
{
    advance(nowMs);
    if (m_jm == JobManagerStatus::Missing || held == m_held)
        return;
    m_held = held;
    if (held) {
        if (m_state == QLatin1String("RUNNING"))
            m_runningTotalMs += nowMs - m_runningSinceMs;
        m_jm = JobManagerStatus::Deploying;
        if (!m_settings.session)
            setState(QStringLiteral("INITIALIZING"), nowMs);
        return;
    }
    // The JobManager process starts again: the same timeline as a deployment, from now.
    m_jm = JobManagerStatus::Deploying;
    m_jmStartMs = nowMs;
    m_notReadyAtMs = nowMs + kJobManagerPodsMs;
    m_readyAtMs = m_notReadyAtMs + kRestReadyMs;
    m_startMs = m_readyAtMs;
    if (m_latest) {
        m_restored = m_latest;
        m_restoreMs = m_readyAtMs + kCreatedMs;
    }
    m_nowMs = nowMs;
}

void FlinkJobModel::loseTaskManager(qint64 nowMs, const QString &taskManagerId, const QString &diagnostics)
{
    advance(nowMs);
    if (m_jm != JobManagerStatus::Ready || m_settings.session
        || (m_state != QLatin1String("RUNNING") && m_state != QLatin1String("CREATED")))
        return;
    if (m_state == QLatin1String("RUNNING"))
        m_runningTotalMs += nowMs - m_runningSinceMs;
    ++m_numRestarts;
    m_restartTimes.push_back(nowMs);
    JobExceptionRecord e;
    e.timestampMs = nowMs;
    e.exceptionName = QStringLiteral("org.apache.flink.runtime.jobmaster.JobMasterException");
    e.stacktrace
        = QStringLiteral(
              "org.apache.flink.runtime.jobmaster.JobMasterException: TaskManager with id %1 is no longer reachable.\n"
              "\tat org.apache.flink.runtime.jobmaster.JobMaster$TaskManagerHeartbeatListener.notifyTargetUnreachable("
              "JobMaster.java:1601)\n"
              "\tat org.apache.flink.runtime.heartbeat.DefaultHeartbeatMonitor.reportHeartbeatRpcFailure("
              "DefaultHeartbeatMonitor.java:126)\n"
              "\tat org.apache.flink.runtime.heartbeat.HeartbeatManagerImpl.runIfHeartbeatMonitorExists("
              "HeartbeatManagerImpl.java:275)\n"
              "\tat org.apache.flink.runtime.heartbeat.HeartbeatManagerImpl.reportHeartbeatTargetUnreachable("
              "HeartbeatManagerImpl.java:267)\n"
              "\tat org.apache.flink.runtime.heartbeat.HeartbeatManagerImpl.handleHeartbeatRpcFailure("
              "HeartbeatManagerImpl.java:262)\n"
              "\tat java.base/java.util.concurrent.CompletableFuture.uniHandle(Unknown Source)\n"
              "\tat java.base/java.lang.Thread.run(Unknown Source)\n"
              "Caused by: org.apache.flink.util.FlinkException: %2\n"
              "\t... 7 more\n")
              .arg(taskManagerId, diagnostics);
    e.taskName = QStringLiteral("%1 (1/%2)#%3")
                     .arg(m_vertices.at(0).name)
                     .arg(m_vertices.at(0).parallelism)
                     .arg(m_numRestarts - 1);
    e.taskManagerId = taskManagerId;
    e.endpoint = QStringLiteral("%1:6122").arg(taskManagerId);
    m_exceptions.push_back(e);
    while (m_exceptions.size() > size_t(kExceptionHistorySize))
        m_exceptions.pop_front();
    setState(QStringLiteral("RESTARTING"), nowMs);
    m_runningAtMs = nowMs + kRestartDelayMs;
}

qint64 FlinkJobModel::nextTransitionMs() const
{
    if (m_held)
        return -1;
    switch (m_jm) {
    case JobManagerStatus::Missing:
        return -1;
    case JobManagerStatus::Deploying:
        return m_notReadyAtMs;
    case JobManagerStatus::DeployedNotReady:
        return m_readyAtMs;
    case JobManagerStatus::Ready:
        break;
    }
    if (m_settings.session)
        return -1;
    if (m_state == QLatin1String("CREATED") || m_state == QLatin1String("RESTARTING"))
        return m_runningAtMs;
    if (m_state != QLatin1String("RUNNING"))
        return -1;
    qint64 next = -1;
    if (m_settings.failing)
        next = m_failAtMs;
    if (m_settings.checkpointIntervalMs > 0) {
        const qint64 checkpointDone = m_nextCheckpointMs + checkpointDurationMs();
        if (next < 0 || checkpointDone < next)
            next = checkpointDone;
    }
    return next;
}

void FlinkJobModel::apply(qint64 atMs)
{
    if (m_jm == JobManagerStatus::Deploying) {
        m_jm = JobManagerStatus::DeployedNotReady;
        return;
    }
    if (m_jm == JobManagerStatus::DeployedNotReady) {
        m_jm = JobManagerStatus::Ready;
        if (!m_settings.session) {
            setState(QStringLiteral("CREATED"), atMs);
            m_runningAtMs = atMs + kCreatedMs;
        }
        return;
    }
    if (m_state == QLatin1String("CREATED") || m_state == QLatin1String("RESTARTING")) {
        enterRunning(atMs);
        return;
    }
    // RUNNING: a failure or a completed checkpoint, whichever is first.
    const qint64 checkpointDone
        = m_settings.checkpointIntervalMs > 0 ? m_nextCheckpointMs + checkpointDurationMs() : -1;
    if (m_settings.failing && (checkpointDone < 0 || m_failAtMs <= checkpointDone)) {
        if (checkpointDone >= 0 && m_nextCheckpointMs < atMs)
            ++m_failedCheckpoints; // the pending checkpoint dies with the tasks
        m_runningTotalMs += atMs - m_runningSinceMs;
        ++m_numRestarts;
        m_restartTimes.push_back(atMs);
        while (m_restartTimes.size() > 1000)
            m_restartTimes.pop_front();
        // The failing operator: the first stateful one (it opens its state on start).
        int failing = 0;
        while (failing + 1 < m_vertices.size() && !m_vertices.at(failing).stateful)
            ++failing;
        const int subtask = int(m_numRestarts % m_vertices.at(failing).parallelism);
        JobExceptionRecord e;
        e.timestampMs = atMs;
        e.exceptionName = QStringLiteral("java.lang.IllegalStateException");
        e.stacktrace = QStringLiteral(
            "java.lang.IllegalStateException: New feature enabled but not supported by the state schema\n"
            "\tat com.example.streaming.features.FeatureGate.checkStateSchema(FeatureGate.java:87)\n"
            "\tat com.example.streaming.WindowAggregator.open(WindowAggregator.java:54)\n"
            "\tat org.apache.flink.api.common.functions.util.FunctionUtils.openFunction(FunctionUtils.java:34)\n"
            "\tat org.apache.flink.streaming.api.operators.AbstractUdfStreamOperator.open("
            "AbstractUdfStreamOperator.java:101)\n"
            "\tat org.apache.flink.streaming.runtime.tasks.RegularOperatorChain.initializeStateAndOpenOperators("
            "RegularOperatorChain.java:107)\n"
            "\tat org.apache.flink.streaming.runtime.tasks.StreamTask.restoreStateAndGates(StreamTask.java:858)\n"
            "\tat org.apache.flink.streaming.runtime.tasks.StreamTask.restoreInternal(StreamTask.java:812)\n"
            "\tat org.apache.flink.runtime.taskmanager.Task.doRun(Task.java:751)\n"
            "\tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:566)\n"
            "\tat java.base/java.lang.Thread.run(Unknown Source)\n");
        e.taskName = QStringLiteral("%1 (%2/%3)#%4")
                         .arg(m_vertices.at(failing).name)
                         .arg(subtask + 1)
                         .arg(m_vertices.at(failing).parallelism)
                         .arg(m_numRestarts);
        e.taskManagerId = taskManagerId(taskManagerOfSubtask(subtask));
        e.endpoint = QStringLiteral("10.244.0.%1:6122").arg(20 + taskManagerOfSubtask(subtask));
        m_exceptions.push_back(e);
        while (m_exceptions.size() > size_t(kExceptionHistorySize))
            m_exceptions.pop_front();
        setState(QStringLiteral("RESTARTING"), atMs);
        m_runningAtMs = atMs + kRestartDelayMs;
        return;
    }
    CheckpointRecord c;
    c.id = m_nextCheckpointId++;
    c.triggerMs = m_nextCheckpointMs;
    c.ackMs = atMs;
    c.stateSize = stateSizeAt(atMs);
    c.externalPath = QStringLiteral("%1/%2/chk-%3").arg(m_settings.checkpointsDir, m_jobId).arg(c.id);
    m_history.push_back(c);
    while (m_history.size() > size_t(kHistorySize))
        m_history.pop_front();
    m_latest = c;
    ++m_completedCheckpoints;
    m_nextCheckpointMs += m_settings.checkpointIntervalMs;
}

void FlinkJobModel::setState(const QString &state, qint64 atMs)
{
    if (m_state == state)
        return;
    m_state = state;
    m_stateSinceMs = atMs;
}

void FlinkJobModel::enterRunning(qint64 atMs)
{
    setState(QStringLiteral("RUNNING"), atMs);
    m_runningSinceMs = atMs;
    m_failAtMs = atMs + kFailAfterMs;
    m_nextCheckpointMs = atMs + m_settings.checkpointIntervalMs;
}

bool FlinkJobModel::canSnapshot() const
{
    return m_jm == JobManagerStatus::Ready && m_state == QLatin1String("RUNNING") && !m_settings.failing;
}

CheckpointRecord FlinkJobModel::completeSavepoint(qint64 nowMs, const QString &path)
{
    CheckpointRecord s;
    s.id = m_nextCheckpointId++;
    s.triggerMs = nowMs - checkpointDurationMs();
    s.ackMs = nowMs;
    s.stateSize = stateSizeAt(nowMs);
    s.externalPath = path;
    s.savepoint = true;
    m_history.push_back(s);
    while (m_history.size() > size_t(kHistorySize))
        m_history.pop_front();
    m_latestSavepoint = s;
    ++m_completedCheckpoints;
    return s;
}

int FlinkJobModel::restartsSince(qint64 sinceMs) const
{
    return int(std::count_if(m_restartTimes.begin(), m_restartTimes.end(), [&](qint64 t) { return t >= sinceMs; }));
}

int FlinkJobModel::taskManagerCount() const
{
    if (m_jm == JobManagerStatus::Missing)
        return 0;
    const int slotCount = std::max(1, m_settings.taskSlots);
    return (std::max(1, m_settings.parallelism) + slotCount - 1) / slotCount;
}

QString FlinkJobModel::taskManagerId(int index) const
{
    if (index >= 0 && index < m_taskManagerIds.size())
        return m_taskManagerIds.at(index);
    return QStringLiteral("%1-taskmanager-1-%2").arg(m_settings.deploymentName).arg(index + 1);
}

namespace {

// Builds a job graph vertex by vertex, in topological order.
class GraphBuilder
{
public:
    GraphBuilder(const QByteArray &seed, int parallelism)
        : m_seed(seed)
        , m_p(std::max(1, parallelism))
    {
    }

    int full() const { return m_p; }
    int half() const { return std::max(1, m_p / 2); }

    // A source reading `share` of the job's input.
    int source(const QString &name, int parallelism, double share, double capacity = 4000)
    {
        FlinkJobModel::Vertex v = vertex(name, parallelism, capacity, 1);
        v.source = true;
        v.load = share;
        m_vertices.append(v);
        return int(m_vertices.size()) - 1;
    }

    int op(const QString &name, int parallelism, double capacity, double outputRatio,
           const QList<FlinkJobModel::Input> &inputs, bool stateful = false)
    {
        FlinkJobModel::Vertex v = vertex(name, parallelism, capacity, outputRatio);
        v.inputs = inputs;
        v.stateful = stateful;
        m_vertices.append(v);
        return int(m_vertices.size()) - 1;
    }

    QList<FlinkJobModel::Vertex> finish()
    {
        for (FlinkJobModel::Vertex &v : m_vertices) {
            if (v.source)
                continue;
            double load = 0;
            for (const FlinkJobModel::Input &in : std::as_const(v.inputs)) {
                const FlinkJobModel::Vertex &from = m_vertices.at(in.vertex);
                // A broadcast edge hands every record to each subtask.
                const double factor = in.shipStrategy == QLatin1String("BROADCAST") ? v.parallelism : 1;
                load += from.load * from.outputRatio * factor;
            }
            v.load = load;
        }
        for (qsizetype i = m_vertices.size() - 1; i >= 0; --i) {
            for (const FlinkJobModel::Input &in : std::as_const(m_vertices[i].inputs))
                m_vertices[in.vertex].downstream |= (quint64(1) << i) | m_vertices.at(i).downstream;
        }
        for (FlinkJobModel::Vertex &v : m_vertices)
            v.sink = v.downstream == 0;
        return m_vertices;
    }

private:
    FlinkJobModel::Vertex vertex(const QString &name, int parallelism, double capacity, double outputRatio) const
    {
        FlinkJobModel::Vertex v;
        v.id = hexOf(m_seed + '#' + QByteArray::number(m_vertices.size()) + '#' + name.toUtf8(), 32);
        v.name = name;
        v.parallelism = std::clamp(parallelism, 1, m_p);
        v.capacityPerSubtask = capacity;
        v.outputRatio = outputRatio;
        return v;
    }

    QByteArray m_seed;
    int m_p = 1;
    QList<FlinkJobModel::Vertex> m_vertices;
};

FlinkJobModel::Input in(int vertex, const char *strategy)
{
    return {vertex, QLatin1String(strategy)};
}

// GitHub events: parse, enrich, two event-time windows, two sinks.
QList<FlinkJobModel::Vertex> analyticsGraph(const JobSettings &s)
{
    GraphBuilder g(s.jobName.toUtf8(), s.parallelism);
    const int src = g.source(QStringLiteral("Source: Kafka github-events"), g.full(), 1.0);
    const int parse = g.op(QStringLiteral("Parse JSON -> Filter bot accounts -> Timestamps/Watermarks"), g.full(), 3000,
                           1, {in(src, "FORWARD")});
    const int enrich = g.op(QStringLiteral("async wait operator: Enrich repository metadata"), g.full(), 2500, 1,
                            {in(parse, "REBALANCE")});
    const int stars = g.op(QStringLiteral("TumblingEventTimeWindows(300000) -> Aggregate stars per repository"),
                           g.full(), 1000, 0.05, {in(enrich, "HASH")}, true);
    const int contributors = g.op(QStringLiteral("SlidingEventTimeWindows(3600000, 300000) -> Top contributors"),
                                  g.full(), 1500, 0.02, {in(enrich, "HASH")}, true);
    g.op(QStringLiteral("Sink: Elasticsearch repository-stats"), g.half(), 5000, 1, {in(stars, "REBALANCE")});
    g.op(QStringLiteral("Sink: Kafka contributor-rankings"), g.half(), 5000, 1, {in(contributors, "REBALANCE")});
    return g.finish();
}

// Card transactions scored against broadcast rules and a model.
QList<FlinkJobModel::Vertex> fraudGraph(const JobSettings &s)
{
    GraphBuilder g(s.jobName.toUtf8(), s.parallelism);
    const int tx = g.source(QStringLiteral("Source: Kafka transactions"), g.full(), 0.999);
    const int rules = g.source(QStringLiteral("Source: Kafka rule-updates"), 1, 0.001);
    const int parse
        = g.op(QStringLiteral("Parse transaction -> Timestamps/Watermarks"), g.full(), 4000, 1, {in(tx, "FORWARD")});
    const int dynamic = g.op(QStringLiteral("Co-Process-Broadcast-Keyed: Dynamic rules"), g.full(), 1000, 1,
                             {in(parse, "HASH"), in(rules, "BROADCAST")}, true);
    const int velocity
        = g.op(QStringLiteral("KeyedProcess: Velocity check (card)"), g.full(), 2000, 1, {in(dynamic, "HASH")}, true);
    const int score = g.op(QStringLiteral("async wait operator: Score with model v7"), g.full(), 1500, 1,
                           {in(velocity, "REBALANCE")});
    const int alerts
        = g.op(QStringLiteral("Filter: score > 0.9 -> Map: Alert"), g.full(), 8000, 0.01, {in(score, "FORWARD")});
    g.op(QStringLiteral("Sink: Kafka fraud-alerts"), 1, 5000, 1, {in(alerts, "REBALANCE")});
    g.op(QStringLiteral("Sink: Iceberg scored-transactions"), g.half(), 5000, 1, {in(score, "REBALANCE")});
    return g.finish();
}

// A daily backfill over files: read, parse, aggregate per day, write.
QList<FlinkJobModel::Vertex> backfillGraph(const JobSettings &s)
{
    GraphBuilder g(s.jobName.toUtf8(), s.parallelism);
    const int files = g.source(QStringLiteral("Source: FileSource s3://raw-events/"), g.half(), 1.0);
    const int parse = g.op(QStringLiteral("Parse CSV -> Deduplicate by event id"), g.full(), 3000, 0.97,
                           {in(files, "REBALANCE")}, true);
    const int daily = g.op(QStringLiteral("TumblingEventTimeWindows(86400000) -> Aggregate per customer and day"),
                           g.full(), 1000, 0.1, {in(parse, "HASH")}, true);
    g.op(QStringLiteral("Sink: Iceberg daily_customer_stats"), g.half(), 5000, 1, {in(daily, "REBALANCE")});
    return g.finish();
}

// A large clickstream job: three sources, per-source cleaning, enrichment, session windows and a
// fan-out of aggregations to their sinks (36 vertices).
QList<FlinkJobModel::Vertex> sessionizerGraph(const JobSettings &s)
{
    GraphBuilder g(s.jobName.toUtf8(), s.parallelism);
    const int web = g.source(QStringLiteral("Source: Kafka clicks-web"), g.full(), 0.5);
    const int mobile = g.source(QStringLiteral("Source: Kafka clicks-mobile"), g.full(), 0.35);
    const int ads = g.source(QStringLiteral("Source: Kafka ad-impressions"), g.half(), 0.15);
    const int webParse = g.op(QStringLiteral("Parse web click"), g.full(), 6000, 1, {in(web, "FORWARD")});
    const int webBots
        = g.op(QStringLiteral("Filter: bot user agents (web)"), g.full(), 8000, 0.95, {in(webParse, "FORWARD")});
    const int mobileParse = g.op(QStringLiteral("Parse mobile event"), g.full(), 6000, 1, {in(mobile, "FORWARD")});
    const int mobileBots
        = g.op(QStringLiteral("Filter: emulator devices (mobile)"), g.full(), 8000, 0.98, {in(mobileParse, "FORWARD")});
    const int adsParse = g.op(QStringLiteral("Parse impression"), g.half(), 6000, 1, {in(ads, "FORWARD")});
    const int normalize = g.op(QStringLiteral("Normalize event -> Timestamps/Watermarks"), g.full(), 5000, 1,
                               {in(webBots, "REBALANCE"), in(mobileBots, "REBALANCE"), in(adsParse, "REBALANCE")});
    const int dedup = g.op(QStringLiteral("KeyedProcess: Deduplicate by event id"), g.full(), 3000, 0.99,
                           {in(normalize, "HASH")}, true);
    const int geo
        = g.op(QStringLiteral("async wait operator: Enrich geo (IP)"), g.full(), 2500, 1, {in(dedup, "REBALANCE")});
    const int profile
        = g.op(QStringLiteral("KeyedCoProcess: Join user profile"), g.full(), 2000, 1, {in(geo, "HASH")}, true);
    const int sessions = g.op(QStringLiteral("EventTimeSessionWindows(1800000) -> Build session"), g.full(), 1000, 0.08,
                              {in(profile, "HASH")}, true);
    const int pages = g.op(QStringLiteral("TumblingEventTimeWindows(60000) -> Page views per page"), g.full(), 2500,
                           0.02, {in(profile, "HASH")}, true);
    const int referrers = g.op(QStringLiteral("TumblingEventTimeWindows(300000) -> Referrer stats"), g.half(), 2500,
                               0.01, {in(profile, "HASH")}, true);
    const int devices = g.op(QStringLiteral("TumblingEventTimeWindows(300000) -> Device stats"), g.half(), 2500, 0.01,
                             {in(profile, "HASH")}, true);
    const int late = g.op(QStringLiteral("Side output: late events"), g.half(), 8000, 0.005, {in(profile, "FORWARD")});
    const int funnel = g.op(QStringLiteral("KeyedProcess: Checkout funnel steps"), g.full(), 3000, 0.2,
                            {in(sessions, "HASH")}, true);
    const int attribution = g.op(QStringLiteral("IntervalJoin: Attribute sessions to impressions"), g.full(), 2000, 0.5,
                                 {in(sessions, "HASH"), in(adsParse, "HASH")}, true);
    const int bounce = g.op(QStringLiteral("Filter: bounced sessions -> Map: Bounce record"), g.full(), 8000, 0.4,
                            {in(sessions, "FORWARD")});
    const int abandoned = g.op(QStringLiteral("KeyedProcess: Cart abandonment timer"), g.full(), 3000, 0.05,
                               {in(sessions, "HASH")}, true);
    const int sessionStats = g.op(QStringLiteral("TumblingEventTimeWindows(3600000) -> Session length histogram"),
                                  g.half(), 3000, 0.01, {in(sessions, "HASH")}, true);
    const int topPages = g.op(QStringLiteral("TumblingEventTimeWindowsAll(60000) -> Top 100 pages"), 1, 5000, 0.1,
                              {in(pages, "GLOBAL")}, true);
    const int conversions = g.op(QStringLiteral("TumblingEventTimeWindows(3600000) -> Conversions per campaign"),
                                 g.half(), 3000, 0.05, {in(attribution, "HASH")}, true);
    const int alerts
        = g.op(QStringLiteral("Map: Abandoned-cart notification"), g.half(), 5000, 1, {in(abandoned, "REBALANCE")});
    g.op(QStringLiteral("Sink: Kafka sessions"), g.full(), 6000, 1, {in(sessions, "FORWARD")});
    g.op(QStringLiteral("Sink: ClickHouse page_views"), g.half(), 6000, 1, {in(pages, "REBALANCE")});
    g.op(QStringLiteral("Sink: ClickHouse referrers"), g.half(), 6000, 1, {in(referrers, "FORWARD")});
    g.op(QStringLiteral("Sink: ClickHouse devices"), g.half(), 6000, 1, {in(devices, "FORWARD")});
    g.op(QStringLiteral("Sink: S3 late-events"), g.half(), 6000, 1, {in(late, "FORWARD")});
    g.op(QStringLiteral("Sink: Kafka funnel-steps"), g.half(), 6000, 1, {in(funnel, "REBALANCE")});
    g.op(QStringLiteral("Sink: Iceberg attribution"), g.half(), 6000, 1, {in(conversions, "FORWARD")});
    g.op(QStringLiteral("Sink: Kafka bounces"), g.half(), 6000, 1, {in(bounce, "REBALANCE")});
    g.op(QStringLiteral("Sink: Kafka cart-notifications"), g.half(), 6000, 1, {in(alerts, "FORWARD")});
    g.op(QStringLiteral("Sink: ClickHouse session_lengths"), g.half(), 6000, 1, {in(sessionStats, "FORWARD")});
    g.op(QStringLiteral("Sink: Redis top-pages"), 1, 6000, 1, {in(topPages, "FORWARD")});
    return g.finish();
}

} // namespace

QStringList FlinkJobModel::topologies()
{
    return {QStringLiteral("analytics"), QStringLiteral("fraud"), QStringLiteral("backfill"),
            QStringLiteral("sessionizer")};
}

QList<FlinkJobModel::Vertex> FlinkJobModel::buildVertices(const JobSettings &s)
{
    if (s.session)
        return {};
    if (s.topology == QLatin1String("analytics"))
        return analyticsGraph(s);
    if (s.topology == QLatin1String("fraud"))
        return fraudGraph(s);
    if (s.topology == QLatin1String("backfill"))
        return backfillGraph(s);
    if (s.topology == QLatin1String("sessionizer"))
        return sessionizerGraph(s);
    // The default: a source and a window chained with its sink.
    const QByteArray seed = s.jobName.toUtf8();
    const int p = std::max(1, s.parallelism);
    Vertex source;
    source.id = hexOf(QByteArray(seed + "#source"), 32);
    source.name = QStringLiteral("Source: %1 events").arg(s.deploymentName);
    source.capacityPerSubtask = 4000;
    source.source = true;
    source.parallelism = p;
    source.downstream = 2;
    Vertex aggregate;
    aggregate.id = hexOf(QByteArray(seed + "#aggregate"), 32);
    aggregate.name = QStringLiteral("Window aggregate -> Sink: %1 results").arg(s.deploymentName);
    aggregate.capacityPerSubtask = 1000;
    aggregate.outputRatio = 0.1;
    aggregate.parallelism = p;
    aggregate.stateful = true;
    aggregate.sink = true;
    aggregate.inputs = {Input{0, QStringLiteral("HASH")}};
    return {source, aggregate};
}

int FlinkJobModel::taskManagerOfSubtask(int subtask) const
{
    return subtask / std::max(1, m_settings.taskSlots);
}

double FlinkJobModel::capacity() const
{
    double capacity = 1e18;
    for (const Vertex &v : m_vertices) {
        if (v.load > 0)
            capacity = std::min(capacity, v.capacityPerSubtask * v.parallelism / v.load);
    }
    return capacity;
}

double FlinkJobModel::busyTimeAt(int vertex, double throughput) const
{
    if (vertex < 0 || vertex >= m_vertices.size())
        return 0;
    const Vertex &v = m_vertices.at(vertex);
    return std::min(1000.0, 1000.0 * throughput * v.load / (v.capacityPerSubtask * v.parallelism));
}

double FlinkJobModel::backPressuredTimeAt(int vertex, double throughput, double demand) const
{
    if (vertex < 0 || vertex >= m_vertices.size() || throughput <= 0 || demand <= throughput)
        return 0;
    // Only the vertices upstream of a bottleneck wait for buffers; the bottleneck itself is busy.
    const double limit = capacity() * (1 + 1e-9);
    const quint64 downstream = m_vertices.at(vertex).downstream;
    bool blocked = false;
    for (qsizetype i = 0; i < m_vertices.size() && !blocked; ++i) {
        const Vertex &v = m_vertices.at(i);
        blocked
            = (downstream & (quint64(1) << i)) && v.load > 0 && v.capacityPerSubtask * v.parallelism / v.load <= limit;
    }
    if (!blocked)
        return 0;
    return std::min(1000.0 - busyTimeAt(vertex, throughput), 1000.0 * (1.0 - throughput / demand));
}

double FlinkJobModel::demand(qint64 nowMs) const
{
    constexpr double kTwoPi = 6.283185307179586;
    const double wave = 0.15 * std::sin(kTwoPi * double(nowMs % 900000) / 900000.0);
    return m_settings.demandRecordsPerSecond * loadProfileFactor(m_settings.loadProfile, nowMs)
        * (1.0 + wave + 0.03 * noise(m_settings.jobName, nowMs / 1000));
}

double FlinkJobModel::loadProfileFactor(const QString &profile, qint64 nowMs)
{
    if (profile != QLatin1String("daily"))
        return 1;
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    constexpr qint64 kRampMs = 10 * 60 * 1000;
    constexpr qint64 kRiseMs = 8 * 3600 * 1000;
    constexpr qint64 kFallMs = 18 * 3600 * 1000;
    constexpr double kNight = 0.5;
    constexpr double kDay = 2.0;
    const qint64 t = ((nowMs % kDayMs) + kDayMs) % kDayMs;
    if (t < kRiseMs || t >= kFallMs + kRampMs)
        return kNight;
    if (t < kRiseMs + kRampMs)
        return kNight + (kDay - kNight) * double(t - kRiseMs) / kRampMs;
    if (t < kFallMs)
        return kDay;
    return kDay - (kDay - kNight) * double(t - kFallMs) / kRampMs;
}

double FlinkJobModel::throughput(qint64 nowMs) const
{
    if (m_jm != JobManagerStatus::Ready || m_state != QLatin1String("RUNNING"))
        return 0;
    return std::min(demand(nowMs), capacity());
}

double FlinkJobModel::recordsInPerSecond(int vertex, qint64 nowMs) const
{
    if (vertex < 0 || vertex >= m_vertices.size() || m_vertices.at(vertex).source)
        return 0;
    return throughput(nowMs) * m_vertices.at(vertex).load;
}

double FlinkJobModel::recordsOutPerSecond(int vertex, qint64 nowMs) const
{
    if (vertex < 0 || vertex >= m_vertices.size())
        return 0;
    const Vertex &v = m_vertices.at(vertex);
    return throughput(nowMs) * v.load * v.outputRatio;
}

double FlinkJobModel::busyTimeMsPerSecond(int vertex, qint64 nowMs) const
{
    return busyTimeAt(vertex, throughput(nowMs));
}

double FlinkJobModel::backPressuredTimeMsPerSecond(int vertex, qint64 nowMs) const
{
    return backPressuredTimeAt(vertex, throughput(nowMs), demand(nowMs));
}

double FlinkJobModel::idleTimeMsPerSecond(int vertex, qint64 nowMs) const
{
    if (throughput(nowMs) <= 0)
        return 0;
    return std::max(0.0, 1000.0 - busyTimeMsPerSecond(vertex, nowMs) - backPressuredTimeMsPerSecond(vertex, nowMs));
}

qint64 FlinkJobModel::numRecordsOut(int vertex, qint64 nowMs) const
{
    if (vertex < 0 || vertex >= m_vertices.size())
        return 0;
    qint64 runningMs = m_runningTotalMs;
    if (m_jm == JobManagerStatus::Ready && m_state == QLatin1String("RUNNING"))
        runningMs += std::max<qint64>(0, nowMs - m_runningSinceMs);
    const Vertex &v = m_vertices.at(vertex);
    const double rate = std::min(m_settings.demandRecordsPerSecond, capacity()) * v.load * v.outputRatio;
    return qint64(rate * double(runningMs) / 1000.0);
}

qint64 FlinkJobModel::uptimeMs(qint64 nowMs) const
{
    if (m_jm != JobManagerStatus::Ready || m_state != QLatin1String("RUNNING"))
        return 0;
    return std::max<qint64>(0, nowMs - m_runningSinceMs);
}

qint64 FlinkJobModel::downtimeMs(qint64 nowMs) const
{
    if (m_state == QLatin1String("RESTARTING") || m_state == QLatin1String("FAILING"))
        return std::max<qint64>(0, nowMs - m_stateSinceMs);
    return 0;
}

qint64 FlinkJobModel::checkpointDurationMs() const
{
    // Larger state and backpressure (slow barrier alignment) make checkpoints slower.
    const double d = m_settings.demandRecordsPerSecond;
    return 600 + (d > capacity() ? 2400 : 0) + 400 / std::max(1, m_settings.parallelism);
}

qint64 FlinkJobModel::stateSizeAt(qint64 atMs) const
{
    const qint64 base = 48LL * 1024 * 1024 + qint64(m_settings.demandRecordsPerSecond) * 4096;
    const qint64 minutes = std::max<qint64>(0, atMs - m_startMs) / 60000;
    return base + std::min<qint64>(minutes, 60 * 24) * 96 * 1024 + (atMs / 1000 % 97) * 1024;
}

} // namespace capstan::sandbox
