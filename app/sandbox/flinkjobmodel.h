#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

namespace capstan::sandbox {

// One completed checkpoint or savepoint of a simulated job.
struct CheckpointRecord
{
    qint64 id = 0;
    qint64 triggerMs = 0;
    qint64 ackMs = 0;
    qint64 stateSize = 0; // bytes
    QString externalPath;
    bool savepoint = false;
};

// One entry of the job's exception history (GET /jobs/:jobid/exceptions).
struct JobExceptionRecord
{
    qint64 timestampMs = 0;
    QString exceptionName; // the class, e.g. java.lang.IllegalStateException
    QString stacktrace; // "<class>: <message>\n\tat …"
    QString taskName;
    QString endpoint;
    QString taskManagerId;
};

// What the JobManager is started with, taken from a FlinkDeployment spec.
struct JobSettings
{
    QString deploymentName;
    QString jobName;
    int parallelism = 1;
    int taskSlots = 1;
    QString checkpointsDir;
    qint64 checkpointIntervalMs = 0; // 0: checkpointing off
    bool failing = false; // the job fails in a restart loop (--enable-new-feature true)
    double demandRecordsPerSecond = 1000; // input rate the sources see
    QString flinkVersion = QStringLiteral("1.20.1");
    QJsonObject flinkConfiguration;
    double taskManagerCpu = 1;
    qint64 taskManagerMemoryBytes = 2048LL * 1024 * 1024;
    bool session = false; // a session cluster: a JobManager without an application job
    // The job graph's shape (annotation sandbox.capstan.io/topology): empty for a source and a chained
    // window-and-sink, or one of FlinkJobModel::topologies().
    QString topology;
    // How the input rate varies over the virtual day (annotation sandbox.capstan.io/load-profile): empty for
    // steady, or "daily".
    QString loadProfile;
};

enum class JobManagerStatus { Missing, Deploying, DeployedNotReady, Ready };

// A simulated Flink application cluster (JobManager, TaskManagers and one job) on virtual time:
// the JobManager comes up, the job goes CREATED → RUNNING, completes checkpoints at the configured
// interval and, when failing, loops RUNNING → RESTARTING with an exception each time. Metrics are
// computed from the state at a given virtual time and respond to parallelism, backpressure and failure.
//
// Not thread-safe: the OperatorSimulation owns every model and guards it with its mutex.
class FlinkJobModel final
{
public:
    // An edge of the job graph: the vertex (index into vertices()) a vertex reads from and how.
    struct Input
    {
        int vertex = 0;
        QString shipStrategy; // FORWARD, HASH, REBALANCE, RESCALE, BROADCAST, GLOBAL
    };

    struct Vertex
    {
        QString id;
        QString name;
        double capacityPerSubtask = 1000; // records/s one subtask can process
        double outputRatio = 1; // records out per record in
        bool source = false;
        bool sink = false; // no other vertex reads from it
        bool stateful = false; // keyed state or windows: its part of a checkpoint is large
        int parallelism = 1; // at most the job's parallelism (the slots hold one subtask of each vertex)
        double load = 1; // records/s into the vertex per record/s the job's sources read
        QList<Input> inputs;
        quint64 downstream = 0; // bit i: vertex i reads (directly or not) from this one
    };

    FlinkJobModel() = default;

    static qint64 createdToRunningMs(); // a job is RUNNING this long after the JobManager is ready
    static qint64 restartDelayMs(); // RESTARTING → RUNNING

    // Starts a new JobManager at nowMs; the job restores from `restore` if given and continues its
    // checkpoint ids from `nextCheckpointId`.
    void deploy(qint64 nowMs, const JobSettings &settings, const QString &jobId,
                const std::optional<CheckpointRecord> &restore, qint64 nextCheckpointId);
    // Submits the job to an already running session cluster at nowMs (a FlinkSessionJob): no JobManager of
    // its own to start, so the job is CREATED at once and RUNNING createdToRunningMs() later.
    void submit(qint64 nowMs, const JobSettings &settings, const QString &jobId,
                const std::optional<CheckpointRecord> &restore, qint64 nextCheckpointId);
    // Takes over a job that has been RUNNING since startMs (seeded data): ready at once, with a
    // plausible checkpoint history.
    void adopt(qint64 nowMs, const JobSettings &settings, const QString &jobId, qint64 startMs);
    // The JobManager deployment is deleted; the job ends in `finalState` (FINISHED, CANCELED, SUSPENDED).
    void stop(qint64 nowMs, const QString &finalState);
    // Runs every transition due up to nowMs.
    void advance(qint64 nowMs);

    // While held, the JobManager process does not come up (its pod crash-loops or cannot start): the
    // cluster stays DEPLOYING and a running job is lost with it. Releasing starts the JobManager anew
    // at nowMs; the job keeps its id and restores from its latest checkpoint.
    void setJobManagerHeld(bool held, qint64 nowMs);
    bool jobManagerHeld() const { return m_held; }
    // The operator's in-place scaling (PUT /jobs/:jobid/resource-requirements with the adaptive scheduler):
    // a RUNNING job takes the per-vertex parallelism of flinkConfiguration's overrides without a redeploy.
    // False, and nothing changes, when the job is not RUNNING.
    bool rescaleInPlace(qint64 nowMs, const QJsonObject &flinkConfiguration);
    int rescales() const { return m_rescales; } // in-place rescales of the current deployment
    // A TaskManager died (its pod was OOMKilled): a RUNNING job fails over and restarts.
    void loseTaskManager(qint64 nowMs, const QString &taskManagerId, const QString &diagnostics);
    // The TaskManager ids (in native mode the pod names) that taskManagerId(index) answers with.
    void setTaskManagerIds(const QStringList &ids) { m_taskManagerIds = ids; }

    // A savepoint can complete only from a healthy RUNNING job.
    bool canSnapshot() const;
    // Completes a savepoint at nowMs (call canSnapshot() first); ids continue the checkpoint counter.
    CheckpointRecord completeSavepoint(qint64 nowMs, const QString &path);

    JobManagerStatus jobManagerStatus() const { return m_jm; }
    bool hasJob() const { return !m_jobId.isEmpty() && !m_settings.session; }
    const JobSettings &settings() const { return m_settings; }
    QString jobId() const { return m_jobId; }
    QString jobName() const { return m_settings.jobName; }
    QString state() const { return m_state; }
    qint64 startTimeMs() const { return m_startMs; }
    qint64 endTimeMs() const { return m_endMs; }
    qint64 stateSinceMs() const { return m_stateSinceMs; }
    qint64 deployedAtMs() const { return m_deployedAtMs; }
    qint64 readyAtMs() const { return m_readyAtMs; }
    qint64 jobManagerStartMs() const { return m_jmStartMs; } // the JobManager process started (again)
    int deploymentSerial() const { return m_serial; } // counts deploy() and adopt(): one per JobManager deployment
    int numRestarts() const { return m_numRestarts; }
    int restartsSince(qint64 sinceMs) const;
    qint64 nextCheckpointId() const { return m_nextCheckpointId; }
    qint64 completedCheckpoints() const { return m_completedCheckpoints; }
    qint64 failedCheckpoints() const { return m_failedCheckpoints; }
    const std::deque<CheckpointRecord> &checkpointHistory() const { return m_history; }
    std::optional<CheckpointRecord> latestCheckpoint() const { return m_latest; }
    std::optional<CheckpointRecord> latestSavepoint() const { return m_latestSavepoint; }
    std::optional<CheckpointRecord> restoredFrom() const { return m_restored; }
    qint64 restoreTimestampMs() const { return m_restoreMs; }
    const std::deque<JobExceptionRecord> &exceptions() const { return m_exceptions; }
    int taskManagerCount() const;
    QString taskManagerId(int index) const;

    // The names vertices() knows besides the default; "" is the default.
    static QStringList topologies();
    // The job graph in topological order (sources first). At most 64 vertices.
    QList<Vertex> vertices() const { return m_vertices; }
    // The TaskManager (index for taskManagerId) subtask `subtask` of any vertex runs in: slot sharing
    // puts one subtask of each vertex into every slot.
    int taskManagerOfSubtask(int subtask) const;
    // Records/s the job can take at most (the bottleneck vertex's capacity over its load).
    double capacity() const;
    // Per-subtask time metrics of vertex at job throughput `throughput` and source demand `demand`,
    // shared with the synthesized metric history.
    double busyTimeAt(int vertex, double throughput) const;
    double backPressuredTimeAt(int vertex, double throughput, double demand) const;
    // The factor a load profile applies to the input rate at nowMs: 1 for steady; "daily" is low at night,
    // rises within ten minutes from 08:00 UTC to a day-time peak and falls again from 18:00.
    static double loadProfileFactor(const QString &profile, qint64 nowMs);
    // Records/s the sources are offered at nowMs (whether or not the job keeps up).
    double inputRate(qint64 nowMs) const { return demand(nowMs); }
    // Per-vertex rates at nowMs (sums over subtasks for the record rates, per-subtask values for the
    // time-per-second metrics).
    double throughput(qint64 nowMs) const; // records/s through the bottleneck
    double recordsInPerSecond(int vertex, qint64 nowMs) const;
    double recordsOutPerSecond(int vertex, qint64 nowMs) const;
    double busyTimeMsPerSecond(int vertex, qint64 nowMs) const;
    double backPressuredTimeMsPerSecond(int vertex, qint64 nowMs) const;
    double idleTimeMsPerSecond(int vertex, qint64 nowMs) const;
    qint64 numRecordsOut(int vertex, qint64 nowMs) const;
    qint64 uptimeMs(qint64 nowMs) const;
    qint64 downtimeMs(qint64 nowMs) const;

private:
    qint64 nextTransitionMs() const;
    void apply(qint64 atMs);
    void setState(const QString &state, qint64 atMs);
    void enterRunning(qint64 atMs);
    qint64 checkpointDurationMs() const;
    qint64 stateSizeAt(qint64 atMs) const;
    double demand(qint64 nowMs) const;
    static QList<Vertex> buildVertices(const JobSettings &settings);
    void applyParallelism();

    JobSettings m_settings;
    QList<Vertex> m_vertices;
    JobManagerStatus m_jm = JobManagerStatus::Missing;
    QString m_jobId;
    QString m_state;
    qint64 m_deployedAtMs = 0;
    qint64 m_notReadyAtMs = 0;
    qint64 m_readyAtMs = 0;
    qint64 m_runningAtMs = 0; // next CREATED/RESTARTING → RUNNING
    qint64 m_failAtMs = 0; // next RUNNING → RESTARTING when failing
    qint64 m_nextCheckpointMs = 0; // trigger time of the next checkpoint
    qint64 m_startMs = 0;
    qint64 m_endMs = -1;
    qint64 m_stateSinceMs = 0;
    qint64 m_runningSinceMs = 0;
    qint64 m_runningTotalMs = 0; // RUNNING time before m_runningSinceMs
    qint64 m_nowMs = 0;
    int m_numRestarts = 0;
    int m_rescales = 0;
    std::deque<qint64> m_restartTimes;
    qint64 m_nextCheckpointId = 1;
    qint64 m_completedCheckpoints = 0;
    qint64 m_failedCheckpoints = 0;
    std::deque<CheckpointRecord> m_history;
    std::optional<CheckpointRecord> m_latest;
    std::optional<CheckpointRecord> m_latestSavepoint;
    std::optional<CheckpointRecord> m_restored;
    qint64 m_restoreMs = 0;
    std::deque<JobExceptionRecord> m_exceptions;
    bool m_held = false;
    qint64 m_jmStartMs = 0;
    int m_serial = 0;
    QStringList m_taskManagerIds;
};

} // namespace capstan::sandbox
