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
    e.taskName
        = QStringLiteral("%1 (1/%2)#%3").arg(vertices().at(0).name).arg(m_settings.parallelism).arg(m_numRestarts - 1);
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
        const int subtask = int(m_numRestarts % std::max(1, m_settings.parallelism));
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
                         .arg(vertices().at(1).name)
                         .arg(subtask + 1)
                         .arg(m_settings.parallelism)
                         .arg(m_numRestarts);
        e.taskManagerId = taskManagerId(subtask / std::max(1, m_settings.taskSlots));
        e.endpoint = QStringLiteral("10.244.0.%1:6122").arg(20 + subtask / std::max(1, m_settings.taskSlots));
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

QList<FlinkJobModel::Vertex> FlinkJobModel::vertices() const
{
    const QByteArray seed = m_settings.jobName.toUtf8();
    Vertex source;
    source.id = hexOf(QByteArray(seed + "#source"), 32);
    source.name = QStringLiteral("Source: %1 events").arg(m_settings.deploymentName);
    source.capacityPerSubtask = 4000;
    source.source = true;
    Vertex aggregate;
    aggregate.id = hexOf(QByteArray(seed + "#aggregate"), 32);
    aggregate.name = QStringLiteral("Window aggregate -> Sink: %1 results").arg(m_settings.deploymentName);
    aggregate.capacityPerSubtask = 1000;
    aggregate.outputRatio = 0.1;
    return {source, aggregate};
}

double FlinkJobModel::demand(qint64 nowMs) const
{
    constexpr double kTwoPi = 6.283185307179586;
    const double wave = 0.15 * std::sin(kTwoPi * double(nowMs % 900000) / 900000.0);
    return m_settings.demandRecordsPerSecond * (1.0 + wave + 0.03 * noise(m_settings.jobName, nowMs / 1000));
}

double FlinkJobModel::throughput(qint64 nowMs) const
{
    if (m_jm != JobManagerStatus::Ready || m_state != QLatin1String("RUNNING"))
        return 0;
    double capacity = 1e18;
    for (const Vertex &v : vertices())
        capacity = std::min(capacity, v.capacityPerSubtask * std::max(1, m_settings.parallelism));
    return std::min(demand(nowMs), capacity);
}

double FlinkJobModel::recordsInPerSecond(int vertex, qint64 nowMs) const
{
    const QList<Vertex> vs = vertices();
    if (vertex < 0 || vertex >= vs.size() || vs.at(vertex).source)
        return 0;
    return throughput(nowMs);
}

double FlinkJobModel::recordsOutPerSecond(int vertex, qint64 nowMs) const
{
    const QList<Vertex> vs = vertices();
    if (vertex < 0 || vertex >= vs.size())
        return 0;
    return throughput(nowMs) * vs.at(vertex).outputRatio;
}

double FlinkJobModel::busyTimeMsPerSecond(int vertex, qint64 nowMs) const
{
    const QList<Vertex> vs = vertices();
    if (vertex < 0 || vertex >= vs.size())
        return 0;
    const double capacity = vs.at(vertex).capacityPerSubtask * std::max(1, m_settings.parallelism);
    return std::min(1000.0, 1000.0 * throughput(nowMs) / capacity);
}

double FlinkJobModel::backPressuredTimeMsPerSecond(int vertex, qint64 nowMs) const
{
    const QList<Vertex> vs = vertices();
    if (vertex < 0 || vertex >= vs.size() || vertex + 1 >= vs.size())
        return 0; // the last vertex writes to the sink and is never backpressured
    const double t = throughput(nowMs);
    const double d = demand(nowMs);
    if (t <= 0 || d <= t)
        return 0;
    return std::min(1000.0 - busyTimeMsPerSecond(vertex, nowMs), 1000.0 * (1.0 - t / d));
}

double FlinkJobModel::idleTimeMsPerSecond(int vertex, qint64 nowMs) const
{
    if (throughput(nowMs) <= 0)
        return 0;
    return std::max(0.0, 1000.0 - busyTimeMsPerSecond(vertex, nowMs) - backPressuredTimeMsPerSecond(vertex, nowMs));
}

qint64 FlinkJobModel::numRecordsOut(int vertex, qint64 nowMs) const
{
    const QList<Vertex> vs = vertices();
    if (vertex < 0 || vertex >= vs.size())
        return 0;
    qint64 runningMs = m_runningTotalMs;
    if (m_jm == JobManagerStatus::Ready && m_state == QLatin1String("RUNNING"))
        runningMs += std::max<qint64>(0, nowMs - m_runningSinceMs);
    double capacity = 1e18;
    for (const Vertex &v : vs)
        capacity = std::min(capacity, v.capacityPerSubtask * std::max(1, m_settings.parallelism));
    const double rate = std::min(m_settings.demandRecordsPerSecond, capacity) * vs.at(vertex).outputRatio;
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
    const double capacity = 1000.0 * std::max(1, m_settings.parallelism);
    return 600 + (d > capacity ? 2400 : 0) + 400 / std::max(1, m_settings.parallelism);
}

qint64 FlinkJobModel::stateSizeAt(qint64 atMs) const
{
    const qint64 base = 48LL * 1024 * 1024 + qint64(m_settings.demandRecordsPerSecond) * 4096;
    const qint64 minutes = std::max<qint64>(0, atMs - m_startMs) / 60000;
    return base + std::min<qint64>(minutes, 60 * 24) * 96 * 1024 + (atMs / 1000 % 97) * 1024;
}

} // namespace capstan::sandbox
