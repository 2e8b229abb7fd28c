#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace capstan::sandbox {

class FlinkJobModel;

// One physical line of a container's log and the virtual time it was written.
struct LogLine
{
    qint64 ms = 0;
    QString text;
};

// A TaskManager pod as the JobManager's resource manager saw it.
struct WorkerRecord
{
    QString podName;
    QString podIp;
    int slotIndex = 0; // which share of the subtasks it runs (subtask / taskSlots)
    qint64 createdMs = 0;
    qint64 startedMs = -1; // the container started; -1: not yet
    qint64 terminatedMs = -1; // died while the JobManager ran; -1: alive or released
    QString diagnostics; // why it terminated, as the resource manager reports it
};

// What a container's log is generated from: the pod, the process's lifetime and, for the JobManager,
// the TaskManagers it requested.
struct ContainerLogInput
{
    QString ns;
    QString deployment;
    QString podName;
    QString podIp;
    QString entryClass; // the job's main class (crash-looping JobManagers fail to load it)
    qint64 startMs = 0; // the container (process) started
    qint64 endMs = -1; // the process ended; -1: still running
    bool killed = false; // ended by the kernel (OOMKilled): no shutdown lines
    int slotIndex = 0; // TaskManagers: which subtasks they run
    std::vector<WorkerRecord> workers; // JobManagers: the TaskManager pods of this deployment
};

// Logs as Flink writes them with its log4j console layout
// ("2026-12-02 20:31:07,123 INFO  org.apache.flink.runtime.jobmaster.JobMaster [] - message"),
// generated from what the simulated cluster did: startup, job submission, TaskManager pods, task
// deployment, job status changes, checkpoints, failures with their stack traces, shutdown. Lines are
// derived on demand from the cluster's bounded histories (10 checkpoints, 16 exceptions), so a log is
// bounded as the cluster is, and costs nothing while nobody reads it.
class FlinkLogs final
{
public:
    // Lines up to nowMs (or the input's end), in time order.
    static std::vector<LogLine> jobManager(const FlinkJobModel &cluster, const ContainerLogInput &in, qint64 nowMs);
    static std::vector<LogLine> taskManager(const FlinkJobModel &cluster, const ContainerLogInput &in, qint64 nowMs);
    // A JobManager whose entry class cannot be loaded: it starts, fails and exits (at startMs + crashAfterMs()).
    static std::vector<LogLine> crashingJobManager(const FlinkJobModel &cluster, const ContainerLogInput &in,
                                                   qint64 nowMs);
    static qint64 crashAfterMs() { return 2500; }
    // A sidecar container from a pod template.
    static std::vector<LogLine> sidecar(const QString &container, const ContainerLogInput &in, qint64 nowMs);

    // "2026-12-02 20:31:07,123 INFO  <logger padded to 60> [] - <message>"; a message of several lines
    // (a stack trace) gives one LogLine per line, all at ms.
    static void append(std::vector<LogLine> *out, qint64 ms, const char *level, const QString &logger,
                       const QString &message);
};

} // namespace capstan::sandbox
