#include "sandbox/operatorsimulation.h"

#include "sandbox/autoscalersimulation.h"
#include "sandbox/bluegreensimulation.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/jobmanagerapi.h"
#include "sandbox/operatorspec.h"
#include "sandbox/podsimulation.h"
#include "sandbox/prometheusexporter.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/sessionjobsimulation.h"
#include "sandbox/statusshape.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;
using namespace operatorspec;

namespace {

const QString kDeployments = u"flinkdeployments"_s;
const QString kSnapshots = u"flinkstatesnapshots"_s;
const QString kNormal = u"Normal"_s;
const QString kWarning = u"Warning"_s;

// Messages of org.apache.flink.kubernetes.operator reconcilers and observers.
const QString kMsgSubmit = u"Starting deployment"_s;
const QString kMsgSuspended = u"Suspending existing deployment."_s;
const QString kMsgRollback = u"Rolling back failed deployment."_s;
const QString kMsgInPlaceScaling = u"In-place scaling triggered"_s;
const QString kMsgSpecChanged = u"%1 change(s) detected (%2), starting reconciliation."_s;
const QString kMsgRestartUnhealthy = u"Restarting unhealthy job"_s;

constexpr qint64 kSavepointStopMs = 3000; // stop-with-savepoint
constexpr qint64 kCancelMs = 1000; // cancel / suspend keeping HA data
constexpr qint64 kSnapshotMs = 2500; // a triggered savepoint completes after this long
constexpr qint64 kHaWriteIntervalMs = 60000; // HA ConfigMap mirror of the latest checkpoint
constexpr qint64 kUpgradeRetryMs = 10000;
constexpr qint64 kStableAfterMs = 10000; // RUNNING this long without restarts → stable

} // namespace

// The operator's memory of one FlinkDeployment.
struct Managed
{
    QString ns;
    QString name;
    QString uid;
    bool initialized = false;
    bool passive = false; // adopted as is (e.g. FAILED seed data) until its spec changes
    FlinkJobModel cluster;

    // A cancel / stop-with-savepoint in progress.
    bool stopping = false;
    qint64 stopDoneMs = 0;
    QString stopMode; // savepoint, last-state, stateless
    QJsonObject stopTarget; // the spec to record once stopped
    bool stopThenDeploy = false;
    bool stopRollback = false;
    bool deployPending = false; // stopped for an upgrade: the next pass deploys, not one a minute later
    qint64 stopGeneration = 0;

    // Kubernetes HA metadata: the latest checkpoint survives the JobManager.
    bool haMetadata = false;
    std::optional<CheckpointRecord> haCheckpoint;
    qint64 haNextCheckpointId = 1;
    qint64 haWrittenCheckpointId = -1;
    qint64 haWrittenMs = 0;
    std::optional<CheckpointRecord> lastSavepoint;

    qint64 lastPeriodicSavepointMs = 0;
    qint64 reportedExceptionMs = 0;
    QString reportedPodProblem; // the container waiting reason last reported as ERROR
    qint64 specChangedEventGeneration = -1;
    qint64 nextUpgradeAttemptMs = 0;

    // Skips passes over an unchanged deployment: the object's resourceVersion plus the cluster's
    // observable state, and when time-based work (timeouts, periodic savepoints) is due again.
    QString signature;
    qint64 nextTimedWorkMs = 0;
    qint64 periodicIntervalMs = 0; // kubernetes.operator.periodic.savepoint.interval
    qint64 rollbackDueMs = 0; // when automatic rollback would act, 0: never

    // The next virtual time at which a pass over this deployment may act without anything changing.
    qint64 nextDueMs(qint64 now) const
    {
        if (stopping)
            return stopDoneMs;
        if (deployPending)
            return now + 1;
        qint64 due = now + 60000;
        const auto consider = [&](qint64 t) {
            if (t > now)
                due = std::min(due, t);
        };
        if (cluster.state() == u"RUNNING"_s)
            consider(cluster.stateSinceMs() + kStableAfterMs + 1);
        if (periodicIntervalMs > 0)
            consider(lastPeriodicSavepointMs + periodicIntervalMs);
        if (rollbackDueMs > 0)
            consider(rollbackDueMs + 1);
        if (haMetadata && cluster.jobManagerStatus() == JobManagerStatus::Ready)
            consider(haWrittenMs + kHaWriteIntervalMs);
        consider(nextUpgradeAttemptMs);
        return std::max(due, now + 1);
    }
};

struct PendingSnapshot
{
    qint64 doneMs = 0;
};

// One reconcile of one deployment: the object as read, the status being built and what is stored.
struct ReconcileContext
{
    Managed &m;
    QJsonObject object;
    QJsonObject spec;
    qint64 generation = 0;
    QJsonObject status;
    QJsonObject written;
    qint64 now = 0;
};

struct OperatorSimulation::Private
{
    ResourceStore &store;
    VirtualClock clock;
    mutable std::mutex mutex; // guards everything below, and serializes reconcile passes
    std::map<QString, Managed> deployments; // "ns/name"
    std::map<QString, PendingSnapshot> snapshots; // "ns/name"
    std::atomic<size_t> deploymentCount{0};
    std::mt19937_64 random{20240601};
    PodSimulation pods{store};
    QString operatorVersion = StatusShape::latest();
    AutoscalerSimulation autoscaler{
        store,
        [this](const QJsonObject &deployment, const QString &type, const QString &reason, const QString &message) {
            recordEvent(deployment.value(u"metadata"_s).toObject().value(u"namespace"_s).toString(), deployment, type,
                        reason, message, clock.nowMs());
        }};
    // FlinkBlueGreenDeployments: their children are deployments of this simulation.
    BlueGreenSimulation blueGreen{
        store,
        [this](const QString &ns, const QString &name, qint64 now) {
            const auto it = deployments.find(ns + u'/' + name);
            if (it == deployments.end())
                return QString();
            Managed &m = it->second;
            m.cluster.advance(now);
            if (!m.cluster.canSnapshot())
                return QString();
            const QString dir = m.cluster.settings().flinkConfiguration.value(u"state.savepoints.dir"_s).toString();
            const QString path = u"%1/savepoint-%2-%3"_s.arg(dir, m.cluster.jobId().left(6), hex(12));
            m.lastSavepoint = m.cluster.completeSavepoint(now, path);
            return path;
        },
        [this](const QString &ns, const QJsonObject &involved, const QString &type, const QString &reason,
               const QString &message, qint64 now) { recordEvent(ns, involved, type, reason, message, now); }};

    // FlinkSessionJobs: their jobs run in the session clusters of this simulation.
    SessionJobSimulation sessionJobs{
        store,
        SessionJobSimulation::Host{[this](const QString &ns, const QString &name) -> const FlinkJobModel * {
                                       const auto it = deployments.find(ns + u'/' + name);
                                       return it == deployments.end() ? nullptr : &it->second.cluster;
                                   },
                                   [this](const QString &ns, const QJsonObject &involved, const QString &type,
                                          const QString &reason, const QString &message,
                                          qint64 now) { recordEvent(ns, involved, type, reason, message, now); },
                                   [this](const QJsonObject &owner, const QString &triggerType,
                                          const std::optional<CheckpointRecord> &completed,
                                          qint64 now) { return createSnapshot(owner, triggerType, completed, now); },
                                   [this](int digits) { return hex(digits); }, [this] { return operatorVersion; }}};

    std::mutex threadMutex;
    std::condition_variable wake;
    std::thread thread;
    bool stopRequested = false;
    bool running = false;

    Private(ResourceStore &s, double speed)
        : store(s)
        , clock(speed)
    {
    }

    QString hex(int digits)
    {
        static const char alphabet[] = "0123456789abcdef";
        QString s;
        for (int i = 0; i < digits; ++i)
            s.append(QLatin1Char(alphabet[random() % 16]));
        return s;
    }

    void pass();
    void reconcileDeployment(Managed &m, const QJsonObject &object, qint64 now);
    void adopt(ReconcileContext &c);
    void observe(ReconcileContext &c);
    void reconcile(ReconcileContext &c);
    void reconcileSpecChange(ReconcileContext &c, DiffType type, QJsonObject target, const ReconciledSpec &last,
                             bool rollback);
    void finishStop(ReconcileContext &c);
    void deploy(ReconcileContext &c, const QJsonObject &target, const std::optional<CheckpointRecord> &restore,
                const QString &jobId, qint64 nextCheckpointId, bool rollback, bool firstDeployment);
    void periodicWork(ReconcileContext &c);
    bool maybeRollback(ReconcileContext &c, const ReconciledSpec &last, bool specChanged);
    bool scaleInPlace(ReconcileContext &c, const ReconciledSpec &last, const SpecChangeSet &diff);
    void flush(ReconcileContext &c);
    void finalizeStatus(ReconcileContext &c);
    void cleanupDeleted(const Managed &m);
    void reconcileSnapshots(qint64 now);
    void cleanupSavepointHistory(const QString &ns, const QString &deployment, const QJsonObject &spec);

    JobSettings settingsFor(const QString &name, const QJsonObject &object, const QJsonObject &spec) const;
    QString validate(const QJsonObject &spec) const;
    void ensureRestService(const Managed &m);
    void deleteRestService(const Managed &m);
    void writeHaConfigMaps(Managed &m, const QString &jobId, qint64 now);
    void deleteHaConfigMaps(Managed &m, const QString &jobId);
    bool haConfigMapsPresent(const Managed &m) const;
    QString createSnapshot(const QJsonObject &owner, const QString &triggerType,
                           const std::optional<CheckpointRecord> &completed, qint64 now);
    void recordEvent(const QString &ns, const QJsonObject &involved, const QString &type, const QString &reason,
                     const QString &message, qint64 now);
    void recordEvent(const ReconcileContext &c, const QString &type, const QString &reason, const QString &message)
    {
        recordEvent(c.m.ns, c.object, type, reason, message, c.now);
    }
};

void OperatorSimulation::Private::pass()
{
    const qint64 now = clock.nowMs();
    blueGreen.reconcile(now); // before the deployments: a child created now is deployed in this pass
    QList<QJsonObject> objects;
    store.snapshot(kDeployments, {}, &objects);
    QSet<QString> seen;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QJsonObject meta = object.value(u"metadata"_s).toObject();
        const QString ns = meta.value(u"namespace"_s).toString();
        const QString name = meta.value(u"name"_s).toString();
        const QString key = ns + u'/' + name;
        const QString uid = meta.value(u"uid"_s).toString();
        seen.insert(key);
        auto it = deployments.find(key);
        if (it != deployments.end() && it->second.uid != uid) {
            cleanupDeleted(it->second); // deleted and created again between two passes
            deployments.erase(it);
            it = deployments.end();
        }
        if (it == deployments.end()) {
            it = deployments.emplace(key, Managed()).first;
            it->second.ns = ns;
            it->second.name = name;
            it->second.uid = uid;
        }
        reconcileDeployment(it->second, object, now);
    }
    for (auto it = deployments.begin(); it != deployments.end();) {
        if (seen.contains(it->first)) {
            ++it;
            continue;
        }
        cleanupDeleted(it->second);
        it = deployments.erase(it);
    }
    deploymentCount = deployments.size();
    sessionJobs.pass(now); // after the deployments: a session cluster READY now takes its jobs in this pass
    reconcileSnapshots(now);
}

JobSettings OperatorSimulation::Private::settingsFor(const QString &name, const QJsonObject &object,
                                                     const QJsonObject &spec) const
{
    JobSettings s;
    s.deploymentName = name;
    s.jobName = name;
    s.session = !spec.contains(u"job"_s);
    const QJsonObject job = jobOf(spec);
    s.parallelism = std::max(1, job.value(u"parallelism"_s).toInt(1));
    s.taskSlots = std::max(1, confValue(spec, u"taskmanager.numberOfTaskSlots"_s).toInt());
    s.checkpointsDir = confValue(spec, u"state.checkpoints.dir"_s);
    if (s.checkpointsDir.isEmpty() || s.checkpointsDir == u"null"_s)
        s.checkpointsDir = u"file:///flink-data/checkpoints"_s;
    const QString interval = confValue(spec, u"execution.checkpointing.interval"_s);
    s.checkpointIntervalMs
        = hasConf(spec, u"execution.checkpointing.interval"_s) ? parseDurationMs(interval, 10000) : 0;
    s.failing = argsEnableNewFeature(job.value(u"args"_s).toArray());
    const QJsonObject annotations = object.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
    bool ok = false;
    const double rate = annotations.value(u"sandbox.capstan.io/input-rate"_s).toString().toDouble(&ok);
    if (ok && rate > 0) {
        s.demandRecordsPerSecond = rate;
    } else {
        const QByteArray h = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5);
        s.demandRecordsPerSecond = 600 + (quint8(h.at(0)) * 256 + quint8(h.at(1))) % 1400;
    }
    const QString topology = annotations.value(u"sandbox.capstan.io/topology"_s).toString();
    if (FlinkJobModel::topologies().contains(topology))
        s.topology = topology;
    s.loadProfile = annotations.value(u"sandbox.capstan.io/load-profile"_s).toString();
    s.flinkVersion = flinkVersionOf(spec.value(u"flinkVersion"_s).toString());
    s.flinkConfiguration = spec.value(u"flinkConfiguration"_s).toObject();
    const QJsonObject tmResource = spec.value(u"taskManager"_s).toObject().value(u"resource"_s).toObject();
    s.taskManagerCpu = tmResource.value(u"cpu"_s).toDouble(1);
    s.taskManagerMemoryBytes = parseMemoryBytes(tmResource.value(u"memory"_s).toString(), 2048LL * 1024 * 1024);
    return s;
}

QString OperatorSimulation::Private::validate(const QJsonObject &spec) const
{
    if (!spec.contains(u"job"_s))
        return {};
    const QJsonObject job = jobOf(spec);
    if (job.value(u"jarURI"_s).toString().isEmpty())
        return u"Jar URI must be defined"_s;
    if (job.contains(u"parallelism"_s) && job.value(u"parallelism"_s).toInt() < 1)
        return u"Job parallelism must be larger than 0"_s;
    const QString mode = upgradeModeOf(spec);
    if (mode != u"stateless"_s && mode != u"savepoint"_s && mode != u"last-state"_s)
        return u"Unsupported upgrade mode: %1"_s.arg(mode);
    if (mode == u"last-state"_s && !kubernetesHa(spec))
        return u"Job could not be upgraded with last-state while HA disabled"_s;
    if (mode != u"stateless"_s && !hasConf(spec, u"state.savepoints.dir"_s))
        return u"Job could not be upgraded with %1 while config key[state.savepoints.dir] is not set"_s.arg(mode);
    return {};
}

void OperatorSimulation::Private::reconcileDeployment(Managed &m, const QJsonObject &object, qint64 now)
{
    ReconcileContext c{m,
                       object,
                       object.value(u"spec"_s).toObject(),
                       object.value(u"metadata"_s).toObject().value(u"generation"_s).toInteger(),
                       object.value(u"status"_s).toObject(),
                       object.value(u"status"_s).toObject(),
                       now};
    m.cluster.advance(now);
    pods.sync(m.ns, m.name, m.uid, c.spec, m.cluster, now);
    const auto signatureOf = [this, &m](const QJsonObject &o) -> QString {
        const FlinkJobModel &cl = m.cluster;
        const auto problem = pods.jobManagerProblem(m.ns, m.name);
        return o.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString() + u'|'
            + QString::number(int(cl.jobManagerStatus())) + u'|' + cl.state() + u'|' + QString::number(cl.numRestarts())
            + u'|' + (problem ? problem->message : QString());
    };
    if (m.initialized && now < m.nextTimedWorkMs && !autoscaler.due(m.ns, m.name, now)
        && signatureOf(object) == m.signature)
        return;
    struct Remember
    {
        Managed &m;
        ReconcileContext &c;
        std::function<QString(const QJsonObject &)> signatureOf;
        ~Remember()
        {
            m.signature = signatureOf(c.object);
            m.nextTimedWorkMs = m.nextDueMs(c.now);
        }
    } remember{m, c, signatureOf};
    if (!m.initialized) {
        m.initialized = true;
        adopt(c);
    }
    if (m.passive) {
        // Releases before 1.8 record the reconciled generation only with the reconciled spec.
        const QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
        const qint64 observed = c.status.contains(u"observedGeneration"_s)
            ? c.status.value(u"observedGeneration"_s).toInteger()
            : parseReconciled(rs.value(u"lastReconciledSpec"_s).toString()).generation;
        if (c.generation <= observed)
            return;
        m.passive = false;
    }
    if (m.stopping) {
        if (now >= m.stopDoneMs)
            finishStop(c);
        flush(c);
        return;
    }
    observe(c);
    reconcile(c);
    flush(c);
}

void OperatorSimulation::Private::adopt(ReconcileContext &c)
{
    Managed &m = c.m;
    m.lastPeriodicSavepointMs = c.now;
    m.reportedExceptionMs = c.now;
    const QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());
    if (!last.valid)
        return; // a new resource: the first reconcile deploys it
    const QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    const QString jmStatus = c.status.value(u"jobManagerDeploymentStatus"_s).toString();
    const JobSettings settings = settingsFor(m.name, c.object, last.spec);
    m.haMetadata = kubernetesHa(last.spec);
    const bool suspended = last.spec.contains(u"job"_s) && jobStateOf(last.spec) == u"suspended"_s;
    if (suspended)
        return;
    const bool runningJob = jobStatus.value(u"state"_s).toString() == u"RUNNING"_s;
    if (jmStatus != u"READY"_s || (!settings.session && !runningJob)) {
        m.passive = true;
        return;
    }
    const qint64 start = jobStatus.value(u"startTime"_s).toString().toLongLong();
    m.cluster.adopt(c.now, settings, jobStatus.value(u"jobId"_s).toString(), start > 0 ? start : c.now);
    ensureRestService(m);
    if (kubernetesHa(last.spec) && !settings.session) {
        m.haCheckpoint = m.cluster.latestCheckpoint();
        m.haNextCheckpointId = m.cluster.nextCheckpointId();
        writeHaConfigMaps(m, m.cluster.jobId(), c.now);
    }
}

void OperatorSimulation::Private::observe(ReconcileContext &c)
{
    Managed &m = c.m;
    const FlinkJobModel &cluster = m.cluster;
    const QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());
    if (!last.valid)
        return;
    c.status.insert(u"jobManagerDeploymentStatus"_s, jmStatusName(cluster.jobManagerStatus()));
    // The observer's container check: a JobManager container crash-looping or failing to pull its
    // image makes the deployment ERROR, with the container's waiting message as the error.
    const auto problem = pods.jobManagerProblem(m.ns, m.name);
    if (problem) {
        c.status.insert(u"jobManagerDeploymentStatus"_s, u"ERROR"_s);
        c.status.insert(
            u"error"_s,
            compact({{u"type"_s, u"org.apache.flink.kubernetes.operator.exception.DeploymentFailedException"_s},
                     {u"message"_s, problem->message},
                     {u"additionalMetadata"_s, QJsonObject{{u"reason"_s, problem->reason}}},
                     {u"throwableList"_s, QJsonArray()}}));
        if (m.reportedPodProblem != problem->reason) {
            recordEvent(c, kWarning, problem->reason, problem->message);
            m.reportedPodProblem = problem->reason;
        }
        return;
    }
    if (!m.reportedPodProblem.isEmpty()) {
        m.reportedPodProblem.clear();
        if (c.status.value(u"error"_s).toString().contains(u"DeploymentFailedException"_s))
            c.status.remove(u"error"_s);
    }
    if (cluster.jobManagerStatus() == JobManagerStatus::Missing)
        return;
    const JobSettings &settings = cluster.settings();
    const int taskManagers = cluster.taskManagerCount();
    const QJsonObject resources = last.spec.value(u"jobManager"_s).toObject().value(u"resource"_s).toObject();
    const double jmCpu = resources.value(u"cpu"_s).toDouble(1);
    const qint64 jmMemory = parseMemoryBytes(resources.value(u"memory"_s).toString(), 2048LL * 1024 * 1024);
    c.status.insert(
        u"clusterInfo"_s,
        QJsonObject{{u"flink-version"_s, settings.flinkVersion},
                    {u"flink-revision"_s, u"7a4f1b5 @ 2025-02-10T15:13:05+01:00"_s},
                    {u"total-cpu"_s, QString::number(jmCpu + settings.taskManagerCpu * taskManagers)},
                    {u"total-memory"_s, QString::number(jmMemory + settings.taskManagerMemoryBytes * taskManagers)}});
    c.status.insert(u"taskManager"_s,
                    QJsonObject{{u"labelSelector"_s, u"component=taskmanager,app=%1"_s.arg(m.name)},
                                {u"replicas"_s, taskManagers}});
    if (cluster.jobManagerStatus() != JobManagerStatus::Ready)
        return;

    QJsonObject reconciliation = rs;
    if (settings.session) {
        if (rs.value(u"state"_s).toString() == u"DEPLOYED"_s)
            reconciliation.insert(u"lastStableSpec"_s, rs.value(u"lastReconciledSpec"_s));
        c.status.insert(u"reconciliationStatus"_s, reconciliation);
        return;
    }

    // JobStatusObserver: job state, events on every change, JobManager exceptions.
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    observeJob(cluster, c.now, &jobStatus, &m.reportedExceptionMs,
               [&c, this](const QString &type, const QString &reason, const QString &message) {
                   recordEvent(c, type, reason, message);
               });
    c.status.insert(u"jobStatus"_s, jobStatus);
    const QString current = cluster.state();
    // Stable once RUNNING for a while without a restart since the deployment (a restart loop never
    // becomes stable, so automatic rollback can act on it).
    if (current == u"RUNNING"_s && cluster.numRestarts() == 0 && c.now - cluster.stateSinceMs() >= kStableAfterMs
        && rs.value(u"state"_s).toString() == u"DEPLOYED"_s && jobStateOf(last.spec) == u"running"_s) {
        reconciliation.insert(u"lastStableSpec"_s, rs.value(u"lastReconciledSpec"_s));
        c.status.insert(u"reconciliationStatus"_s, reconciliation);
    }

    // The HA ConfigMaps mirror the latest checkpoint (at most once a virtual minute while running).
    if (m.haMetadata) {
        m.haCheckpoint = cluster.latestCheckpoint() ? cluster.latestCheckpoint() : m.haCheckpoint;
        m.haNextCheckpointId = cluster.nextCheckpointId();
        if (m.haCheckpoint && m.haCheckpoint->id != m.haWrittenCheckpointId
            && c.now - m.haWrittenMs >= kHaWriteIntervalMs)
            writeHaConfigMaps(m, cluster.jobId(), c.now);
    }
}

void OperatorSimulation::Private::reconcile(ReconcileContext &c)
{
    Managed &m = c.m;
    m.deployPending = false; // this pass deploys, or says why it cannot
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());

    const QString invalid = validate(c.spec);
    if (!invalid.isEmpty()) {
        // The last valid spec keeps running; the operator reports the problem and waits.
        recordEvent(c, kWarning, u"ValidationError"_s, invalid);
        c.status.insert(u"error"_s,
                        errorJson(u"org.apache.flink.kubernetes.operator.exception.ValidationException"_s, invalid));
        return;
    }

    if (!last.valid) {
        // First deployment.
        if (c.spec.contains(u"job"_s) && jobStateOf(c.spec) == u"suspended"_s)
            return;
        QJsonObject target = c.spec;
        const QString initial = jobOf(c.spec).value(u"initialSavepointPath"_s).toString();
        std::optional<CheckpointRecord> restore;
        if (c.spec.contains(u"job"_s)) {
            target = withJob(target, u"upgradeMode"_s, initial.isEmpty() ? u"stateless"_s : u"savepoint"_s);
            if (!initial.isEmpty()) {
                QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
                jobStatus.insert(u"upgradeSavepointPath"_s, initial);
                c.status.insert(u"jobStatus"_s, jobStatus);
                restore = CheckpointRecord{0, c.now, c.now, 0, initial, true};
            }
        }
        c.status.insert(
            u"reconciliationStatus"_s,
            QJsonObject{{u"lastReconciledSpec"_s,
                         serializeReconciled(withJob(target, u"state"_s, u"suspended"_s), c.generation, true)},
                        {u"reconciliationTimestamp"_s, c.now},
                        {u"state"_s, u"UPGRADING"_s}});
        flush(c);
        deploy(c, target, restore, hex(32), 1, false, true);
        return;
    }

    const QString state = rs.value(u"state"_s).toString();
    // The autoscaler's parallelism overrides become part of the spec reconciled (never of the user's spec): a
    // new decision is a spec change that redeploys the job.
    c.spec = autoscaler.scale(
        c.object, c.spec, m.cluster,
        state == u"DEPLOYED"_s && c.generation <= last.generation && jobStateOf(last.spec) == u"running"_s, c.now);
    SpecChangeSet diff = diffSpecs(last.spec, c.spec);
    if (state == u"ROLLED_BACK"_s && c.generation <= last.generation)
        diff = SpecChangeSet(); // the rolled-back spec stays until the user changes the resource again
    const bool specChanged = diff.type != DiffType::Ignore || state == u"UPGRADING"_s;

    if (maybeRollback(c, last, specChanged))
        return;

    if (specChanged && scaleInPlace(c, last, diff))
        return;
    if (specChanged) {
        if (diff.type != DiffType::Ignore && m.specChangedEventGeneration != c.generation) {
            m.specChangedEventGeneration = c.generation;
            recordEvent(c, kNormal, u"SpecChanged"_s, kMsgSpecChanged.arg(diffTypeName(diff.type), diff.toString()));
        }
        reconcileSpecChange(c, diff.type == DiffType::Ignore ? DiffType::Upgrade : diff.type, c.spec, last, false);
        return;
    }
    if (!diff.empty()) {
        // Only IGNORE-class fields changed: record them, no restart.
        const bool wasStable = rs.value(u"lastStableSpec"_s).toString() == rs.value(u"lastReconciledSpec"_s).toString();
        QJsonObject recorded = c.spec;
        if (recorded.contains(u"job"_s))
            recorded = withJob(recorded, u"state"_s, jobOf(last.spec).value(u"state"_s));
        const QString serialized = serializeReconciled(recorded, c.generation, false);
        rs.insert(u"lastReconciledSpec"_s, serialized);
        if (wasStable)
            rs.insert(u"lastStableSpec"_s, serialized);
        c.status.insert(u"reconciliationStatus"_s, rs);
    }
    if (state != u"ROLLED_BACK"_s || c.generation > last.generation)
        c.status.insert(u"observedGeneration"_s, c.generation);
    periodicWork(c);
}

// The operator's in-place scaling (1.8+): when only the autoscaler's parallelism overrides changed, the job
// runs Flink 1.18+ with the adaptive scheduler and is RUNNING, the operator sets the running job's vertex
// parallelism through the REST API instead of redeploying it, and records a Scaling Event. An override
// removed falls back to the regular upgrade, as in the operator.
bool OperatorSimulation::Private::scaleInPlace(ReconcileContext &c, const ReconciledSpec &last,
                                               const SpecChangeSet &diff)
{
    static const QString kOverrides = u"pipeline.jobvertex-parallelism-overrides"_s;
    if (diff.empty() || !c.spec.contains(u"job"_s) || !last.valid)
        return false;
    for (const QString &entry : diff.entries) {
        if (!entry.startsWith(u"flinkConfiguration."_s + kOverrides + u' '))
            return false;
    }
    const QJsonObject conf = c.spec.value(u"flinkConfiguration"_s).toObject();
    if (conf.value(u"kubernetes.operator.job.upgrade.inplace-scaling.enabled"_s).toString() == u"false"_s
        || conf.value(u"jobmanager.scheduler"_s).toString().compare(u"adaptive"_s, Qt::CaseInsensitive) != 0)
        return false;
    const QStringList version = flinkVersionOf(c.spec.value(u"flinkVersion"_s).toString()).split(u'.');
    if (version.value(0).toInt() < 2 && version.value(1).toInt() < 18)
        return false;
    const auto vertices = [](const QJsonObject &configuration) {
        QSet<QString> ids;
        for (const QString &entry : configuration.value(kOverrides).toString().split(u',', Qt::SkipEmptyParts))
            ids.insert(entry.section(u':', 0, 0).trimmed());
        return ids;
    };
    const QSet<QString> before = vertices(last.spec.value(u"flinkConfiguration"_s).toObject());
    if (!vertices(conf).contains(before))
        return false;
    if (!c.m.cluster.rescaleInPlace(c.now, conf))
        return false;
    recordEvent(c, kNormal, u"Scaling"_s, kMsgInPlaceScaling);
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    rs.insert(
        u"lastReconciledSpec"_s,
        serializeReconciled(withJob(c.spec, u"state"_s, jobOf(last.spec).value(u"state"_s)), c.generation, false));
    rs.insert(u"reconciliationTimestamp"_s, c.now);
    rs.insert(u"state"_s, u"DEPLOYED"_s);
    c.status.insert(u"reconciliationStatus"_s, rs);
    c.status.insert(u"observedGeneration"_s, c.generation);
    return true;
}

bool OperatorSimulation::Private::maybeRollback(ReconcileContext &c, const ReconciledSpec &last, bool specChanged)
{
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const QString state = rs.value(u"state"_s).toString();
    const QJsonObject conf = last.spec.value(u"flinkConfiguration"_s).toObject();
    c.m.rollbackDueMs = 0;
    if (state != u"ROLLING_BACK"_s) {
        if (specChanged || state == u"ROLLED_BACK"_s
            || conf.value(u"kubernetes.operator.deployment.rollback.enabled"_s).toString() != u"true"_s)
            return false;
        if (rs.value(u"lastStableSpec"_s).toString() == rs.value(u"lastReconciledSpec"_s).toString())
            return false;
        const ReconciledSpec stable = parseReconciled(rs.value(u"lastStableSpec"_s).toString());
        if (!stable.valid || (stable.spec.contains(u"job"_s) && jobStateOf(stable.spec) == u"suspended"_s))
            return false;
        const qint64 timeout
            = parseDurationMs(conf.value(u"kubernetes.operator.deployment.readiness.timeout"_s).toString(), 5 * 60000);
        c.m.rollbackDueMs = rs.value(u"reconciliationTimestamp"_s).toInteger() + timeout;
        if (c.now <= c.m.rollbackDueMs)
            return false;
        if (!c.m.haMetadata && upgradeModeOf(last.spec) != u"savepoint"_s)
            return false; // rollback needs HA metadata (or a savepoint upgrade whose JM never started)
        rs.insert(u"state"_s, u"ROLLING_BACK"_s);
        c.status.insert(u"reconciliationStatus"_s, rs);
        recordEvent(c, kNormal, u"Rollback"_s, kMsgRollback);
    }
    ReconciledSpec stable = parseReconciled(rs.value(u"lastStableSpec"_s).toString());
    QJsonObject target = stable.spec;
    if (target.contains(u"job"_s))
        target = withJob(target, u"upgradeMode"_s,
                         upgradeModeOf(last.spec) == u"stateless"_s ? u"stateless"_s : u"last-state"_s);
    reconcileSpecChange(c, DiffType::Upgrade, target, last, true);
    return true;
}

void OperatorSimulation::Private::reconcileSpecChange(ReconcileContext &c, DiffType type, QJsonObject target,
                                                      const ReconciledSpec &last, bool rollback)
{
    Managed &m = c.m;
    const bool session = !target.contains(u"job"_s);
    const QString current = session ? u"running"_s : jobStateOf(last.spec);
    const QString desired = session ? u"running"_s : jobStateOf(target);
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();

    if (type == DiffType::SavepointRedeploy) {
        // Redeploy from job.initialSavepointPath: cancel without keeping state, then deploy from it.
        const QString path = jobOf(target).value(u"initialSavepointPath"_s).toString();
        if (m.cluster.jobManagerStatus() != JobManagerStatus::Missing) {
            pods.freeze(m.ns, m.name, m.cluster, c.now);
            m.cluster.stop(c.now, u"CANCELED"_s);
            deleteHaConfigMaps(m, m.cluster.jobId());
        }
        target = withJob(target, u"upgradeMode"_s, u"savepoint"_s);
        jobStatus.insert(u"upgradeSavepointPath"_s, path);
        c.status.insert(u"jobStatus"_s, jobStatus);
        if (desired == u"running"_s) {
            deploy(c, target, CheckpointRecord{0, c.now, c.now, 0, path, true}, hex(32), 1, rollback, false);
        } else {
            QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
            rs.insert(u"lastReconciledSpec"_s, serializeReconciled(target, c.generation, false));
            rs.insert(u"state"_s, u"DEPLOYED"_s);
            rs.insert(u"reconciliationTimestamp"_s, c.now);
            c.status.insert(u"reconciliationStatus"_s, rs);
            c.status.insert(u"observedGeneration"_s, c.generation);
        }
        return;
    }

    if (current == u"running"_s) {
        if (c.now < m.nextUpgradeAttemptMs)
            return;
        // getAvailableUpgradeMode: stateless as asked; savepoint needs a healthy running job and
        // falls back to last-state when the job is unhealthy and HA metadata is there.
        QString mode = session ? u"stateless"_s : upgradeModeOf(target);
        const bool jmUp = m.cluster.jobManagerStatus() != JobManagerStatus::Missing;
        if (mode == u"savepoint"_s && !m.cluster.canSnapshot()) {
            if (m.haMetadata && jmUp) {
                mode = u"last-state"_s;
            } else if (!jmUp && m.lastSavepoint) {
                mode = u"savepoint"_s; // the job is gone: restore from the last known savepoint
            } else {
                const QString message
                    = u"Savepoint for job %1 could not be taken: the job is not running healthily (state %2)"_s.arg(
                        m.cluster.jobId(), m.cluster.state());
                recordEvent(c, kWarning, u"SavepointError"_s, message);
                c.status.insert(
                    u"error"_s,
                    errorJson(u"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException"_s, message,
                              QJsonArray{
                                  QJsonObject{{u"type"_s, u"org.apache.flink.runtime.checkpoint.CheckpointException"_s},
                                              {u"message"_s,
                                               u"Checkpoint triggering task %1 (1/%2) of job %3 is not being executed "
                                               u"at the moment. Aborting checkpoint. Failure reason: Not all required "
                                               u"tasks are currently running."_s.arg(m.cluster.vertices().at(0).name)
                                                   .arg(m.cluster.settings().parallelism)
                                                   .arg(m.cluster.jobId())}}}));
                m.nextUpgradeAttemptMs = c.now + kUpgradeRetryMs;
                return;
            }
        }
        if (mode == u"last-state"_s && !m.haMetadata && !session)
            mode = m.cluster.canSnapshot() ? u"savepoint"_s : u"stateless"_s;
        recordEvent(c, kNormal, u"Suspended"_s, kMsgSuspended);
        m.stopping = true;
        m.stopMode = mode;
        m.stopDoneMs = c.now + (mode == u"savepoint"_s && jmUp ? kSavepointStopMs : kCancelMs);
        m.stopTarget = session ? target : withJob(target, u"upgradeMode"_s, mode);
        m.stopThenDeploy = desired == u"running"_s;
        m.stopRollback = rollback;
        m.stopGeneration = c.generation;
        return;
    }

    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    if (current == u"suspended"_s && desired == u"running"_s) {
        const QString restoreMode = upgradeModeOf(target) == u"stateless"_s ? u"stateless"_s : upgradeModeOf(last.spec);
        target = withJob(target, u"upgradeMode"_s, restoreMode);
        // updateStatusBeforeDeploymentAttempt: the target is recorded (still suspended) as UPGRADING.
        rs.insert(u"lastReconciledSpec"_s,
                  serializeReconciled(withJob(target, u"state"_s, u"suspended"_s), c.generation, false));
        rs.insert(u"state"_s, rollback ? u"ROLLING_BACK"_s : u"UPGRADING"_s);
        rs.insert(u"reconciliationTimestamp"_s, c.now);
        c.status.insert(u"reconciliationStatus"_s, rs);
        flush(c);

        std::optional<CheckpointRecord> restore;
        QString jobId = hex(32);
        qint64 nextId = 1;
        if (restoreMode == u"savepoint"_s) {
            const QString path = jobStatus.value(u"upgradeSavepointPath"_s).toString();
            if (!path.isEmpty()) {
                CheckpointRecord r{0, c.now, c.now, 0, path, true};
                if (m.lastSavepoint && m.lastSavepoint->externalPath == path)
                    r = *m.lastSavepoint;
                restore = r;
                nextId = r.id + 1;
            }
        } else if (restoreMode == u"last-state"_s) {
            if (!m.haMetadata || !haConfigMapsPresent(m)) {
                const QString message
                    = u"HA metadata not available to restore from last state. It is possible that the job has "
                      u"finished or terminally failed, or the configmaps have been deleted. Manual restore required."_s;
                recordEvent(c, kWarning, u"UpgradeFailed"_s, message);
                c.status.insert(
                    u"error"_s,
                    errorJson(u"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException"_s, message));
                return;
            }
            restore = m.haCheckpoint;
            nextId = m.haNextCheckpointId;
            const QString previousId = jobStatus.value(u"jobId"_s).toString();
            if (!previousId.isEmpty())
                jobId = previousId; // last-state keeps the job id: the job recovers from HA
        }
        deploy(c, target, restore, jobId, nextId, rollback, false);
        return;
    }
    // Suspended and staying suspended: record the new spec.
    rs.insert(u"lastReconciledSpec"_s, serializeReconciled(target, c.generation, false));
    rs.insert(u"state"_s, u"DEPLOYED"_s);
    rs.insert(u"reconciliationTimestamp"_s, c.now);
    c.status.insert(u"reconciliationStatus"_s, rs);
    c.status.insert(u"observedGeneration"_s, c.generation);
    c.status.remove(u"error"_s);
}

void OperatorSimulation::Private::finishStop(ReconcileContext &c)
{
    Managed &m = c.m;
    m.stopping = false;
    const QString mode = m.stopMode;
    const bool session = !m.stopTarget.contains(u"job"_s);
    const QString jobId = m.cluster.jobId();
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    QString finalState = u"CANCELED"_s;
    const bool jmUp = m.cluster.jobManagerStatus() != JobManagerStatus::Missing;
    if (!session && mode == u"savepoint"_s && jmUp && m.cluster.canSnapshot()) {
        const QString dir = confValue(c.spec, u"state.savepoints.dir"_s);
        const QString path = u"%1/savepoint-%2-%3"_s.arg(dir, jobId.left(6), hex(12));
        const CheckpointRecord savepoint = m.cluster.completeSavepoint(c.now, path);
        m.lastSavepoint = savepoint;
        createSnapshot(c.object, u"UPGRADE"_s, savepoint, c.now);
        jobStatus.insert(u"upgradeSavepointPath"_s, path);
        QJsonObject info = jobStatus.value(u"savepointInfo"_s).toObject();
        info.insert(u"lastSavepoint"_s,
                    QJsonObject{{u"timeStamp"_s, c.now},
                                {u"location"_s, path},
                                {u"triggerType"_s, u"UPGRADE"_s},
                                {u"formatType"_s, u"CANONICAL"_s}});
        jobStatus.insert(u"savepointInfo"_s, info);
        finalState = u"FINISHED"_s;
        deleteHaConfigMaps(m, jobId); // a globally terminal job leaves no HA data
    } else if (!session && mode == u"last-state"_s) {
        m.haCheckpoint = m.cluster.latestCheckpoint() ? m.cluster.latestCheckpoint() : m.haCheckpoint;
        m.haNextCheckpointId = std::max(m.haNextCheckpointId, m.cluster.nextCheckpointId());
        finalState = u"SUSPENDED"_s;
        writeHaConfigMaps(m, jobId, c.now);
    } else if (!session) {
        deleteHaConfigMaps(m, jobId);
        jobStatus.remove(u"upgradeSavepointPath"_s);
    }
    pods.freeze(m.ns, m.name, m.cluster, c.now);
    m.cluster.stop(c.now, finalState);
    deleteRestService(m);
    c.status.insert(u"jobManagerDeploymentStatus"_s, u"MISSING"_s);
    c.status.remove(u"taskManager"_s);
    if (!session) {
        jobStatus.insert(u"state"_s, finalState);
        jobStatus.insert(u"updateTime"_s, QString::number(c.now));
        c.status.insert(u"jobStatus"_s, jobStatus);
    }
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    m.deployPending = m.stopThenDeploy && !session;
    if (m.stopThenDeploy) {
        const QJsonObject recorded = session ? m.stopTarget : withJob(m.stopTarget, u"state"_s, u"suspended"_s);
        rs.insert(u"lastReconciledSpec"_s, serializeReconciled(recorded, m.stopGeneration, false));
        rs.insert(u"state"_s, m.stopRollback ? u"ROLLING_BACK"_s : u"UPGRADING"_s);
    } else {
        rs.insert(u"lastReconciledSpec"_s, serializeReconciled(m.stopTarget, m.stopGeneration, false));
        rs.insert(u"state"_s, u"DEPLOYED"_s);
    }
    rs.insert(u"reconciliationTimestamp"_s, c.now);
    c.status.insert(u"reconciliationStatus"_s, rs);
    c.status.insert(u"observedGeneration"_s, m.stopGeneration);
    c.status.remove(u"error"_s);
    if (session && m.stopThenDeploy) {
        flush(c);
        deploy(c, m.stopTarget, std::nullopt, {}, 1, m.stopRollback, false);
    }
}

void OperatorSimulation::Private::deploy(ReconcileContext &c, const QJsonObject &target,
                                         const std::optional<CheckpointRecord> &restore, const QString &jobId,
                                         qint64 nextCheckpointId, bool rollback, bool firstDeployment)
{
    Managed &m = c.m;
    const JobSettings settings = settingsFor(m.name, c.object, target);
    pods.freeze(m.ns, m.name, m.cluster, c.now);
    m.cluster.deploy(c.now, settings, settings.session ? QString() : jobId, restore, nextCheckpointId);
    m.reportedExceptionMs = c.now;
    m.lastPeriodicSavepointMs = c.now;
    m.nextUpgradeAttemptMs = 0;
    ensureRestService(m);
    m.haMetadata = !settings.session && kubernetesHa(target);
    if (m.haMetadata) {
        m.haCheckpoint = restore; // a restored savepoint is the first entry of the checkpoint store
        m.haNextCheckpointId = nextCheckpointId;
        writeHaConfigMaps(m, jobId, c.now);
    }
    recordEvent(c, kNormal, u"Submit"_s, kMsgSubmit);

    c.status.insert(u"jobManagerDeploymentStatus"_s, u"DEPLOYING"_s);
    if (!settings.session) {
        QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
        jobStatus.insert(u"jobId"_s, jobId);
        jobStatus.insert(u"jobName"_s, settings.jobName);
        jobStatus.insert(u"state"_s, u"RECONCILING"_s);
        jobStatus.insert(u"updateTime"_s, QString::number(c.now));
        if (!jobStatus.contains(u"savepointInfo"_s))
            jobStatus.insert(
                u"savepointInfo"_s,
                QJsonObject{{u"lastPeriodicSavepointTimestamp"_s, 0}, {u"savepointHistory"_s, QJsonArray()}});
        if (!jobStatus.contains(u"checkpointInfo"_s))
            jobStatus.insert(u"checkpointInfo"_s, QJsonObject{{u"lastPeriodicCheckpointTimestamp"_s, 0}});
        c.status.insert(u"jobStatus"_s, jobStatus);
    }
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    rs.insert(u"lastReconciledSpec"_s, serializeReconciled(target, c.generation, firstDeployment));
    rs.insert(u"state"_s, rollback ? u"ROLLED_BACK"_s : u"DEPLOYED"_s);
    rs.insert(u"reconciliationTimestamp"_s, c.now);
    c.status.insert(u"reconciliationStatus"_s, rs);
    c.status.insert(u"observedGeneration"_s, c.generation);
    c.status.remove(u"error"_s);
}

void OperatorSimulation::Private::periodicWork(ReconcileContext &c)
{
    Managed &m = c.m;
    const FlinkJobModel &cluster = m.cluster;
    if (!cluster.hasJob() || cluster.jobManagerStatus() != JobManagerStatus::Ready)
        return;
    const QJsonObject conf = c.spec.value(u"flinkConfiguration"_s).toObject();

    // Periodic savepoints create FlinkStateSnapshot resources; the snapshot controller runs them.
    const qint64 interval
        = parseDurationMs(conf.value(u"kubernetes.operator.periodic.savepoint.interval"_s).toString(), 0);
    m.periodicIntervalMs = interval;
    if (interval > 0 && c.now - m.lastPeriodicSavepointMs >= interval
        && (cluster.state() == u"RUNNING"_s || cluster.state() == u"RESTARTING"_s)) {
        m.lastPeriodicSavepointMs = c.now;
        createSnapshot(c.object, u"PERIODIC"_s, std::nullopt, c.now);
        QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
        QJsonObject info = jobStatus.value(u"savepointInfo"_s).toObject();
        info.insert(u"lastPeriodicSavepointTimestamp"_s, c.now);
        jobStatus.insert(u"savepointInfo"_s, info);
        c.status.insert(u"jobStatus"_s, jobStatus);
    }

    // Cluster health check: too many restarts in the window → redeploy (keeping state through HA).
    if (conf.value(u"kubernetes.operator.cluster.health-check.enabled"_s).toString() == u"true"_s) {
        const qint64 window = parseDurationMs(
            conf.value(u"kubernetes.operator.cluster.health-check.restarts.window"_s).toString(), 2 * 60000);
        const int threshold
            = conf.value(u"kubernetes.operator.cluster.health-check.restarts.threshold"_s).toString().toInt();
        if (cluster.restartsSince(c.now - window) > (threshold > 0 ? threshold : 64)) {
            recordEvent(c, kWarning, u"RestartUnhealthyJob"_s, kMsgRestartUnhealthy);
            const std::optional<CheckpointRecord> restore = m.haMetadata ? cluster.latestCheckpoint() : std::nullopt;
            const QString jobId = m.haMetadata ? cluster.jobId() : hex(32);
            const qint64 next = cluster.nextCheckpointId();
            const ReconciledSpec last = parseReconciled(
                c.status.value(u"reconciliationStatus"_s).toObject().value(u"lastReconciledSpec"_s).toString());
            pods.freeze(m.ns, m.name, m.cluster, c.now);
            m.cluster.stop(c.now, u"FAILED"_s);
            deploy(c, last.spec, restore, jobId, next, false, false);
        }
    }
}

void OperatorSimulation::Private::finalizeStatus(ReconcileContext &c)
{
    QJsonObject &status = c.status;
    const QJsonObject rs = status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());
    const QString state = rs.value(u"state"_s).toString();
    const QString jobState = status.value(u"jobStatus"_s).toObject().value(u"state"_s).toString();
    // CommonStatus.getLifecycleState() of the operator.
    QString lifecycle;
    if (!last.valid)
        lifecycle = status.value(u"error"_s).toString().isEmpty() ? u"CREATED"_s : u"FAILED"_s;
    else if (state == u"UPGRADING"_s)
        lifecycle = u"UPGRADING"_s;
    else if (state == u"ROLLING_BACK"_s)
        lifecycle = u"ROLLING_BACK"_s;
    else if (last.spec.contains(u"job"_s) && jobStateOf(last.spec) == u"suspended"_s)
        lifecycle = u"SUSPENDED"_s;
    else if (jobState == u"FAILED"_s)
        lifecycle = u"FAILED"_s;
    else if (state == u"ROLLED_BACK"_s)
        lifecycle = u"ROLLED_BACK"_s;
    else if (parseReconciled(rs.value(u"lastStableSpec"_s).toString()).spec == last.spec)
        lifecycle = u"STABLE"_s;
    else
        lifecycle = u"DEPLOYED"_s;
    status.insert(u"lifecycleState"_s, lifecycle);

    const bool session = last.valid ? !last.spec.contains(u"job"_s) : !c.spec.contains(u"job"_s);
    const QString key = session ? status.value(u"jobManagerDeploymentStatus"_s).toString() : jobState;
    QJsonObject condition = conditionFor(key, session);
    if (condition.isEmpty())
        return;
    const QJsonObject old = status.value(u"conditions"_s).toArray().at(0).toObject();
    if (old.value(u"status"_s) == condition.value(u"status"_s)
        && old.value(u"message"_s) == condition.value(u"message"_s) && old.contains(u"lastTransitionTime"_s))
        condition.insert(u"lastTransitionTime"_s, old.value(u"lastTransitionTime"_s));
    else
        condition.insert(u"lastTransitionTime"_s, isoTime(c.now));
    status.insert(u"conditions"_s, QJsonArray{condition});
}

void OperatorSimulation::Private::flush(ReconcileContext &c)
{
    finalizeStatus(c);
    const QJsonObject shaped = StatusShape::rewrite(c.status, operatorVersion);
    const QJsonObject patch = mergeDiff(c.written, shaped);
    if (patch.isEmpty())
        return;
    WriteOptions options;
    options.subresource = Subresource::Status;
    const StoreResult r = store.mergePatch(kDeployments, c.m.ns, c.m.name, QJsonObject{{u"status"_s, patch}}, options);
    if (!r.ok()) {
        qCDebug(lcSandboxServer) << "operator: status update of" << c.m.name << "failed:" << r.code;
        return;
    }
    c.written = shaped;
    c.object = r.object;
}

void OperatorSimulation::Private::cleanupDeleted(const Managed &m)
{
    Managed copy = m;
    pods.removeDeployment(m.ns, m.name);
    autoscaler.forget(m.ns, m.name);
    deleteRestService(copy);
    deleteHaConfigMaps(copy, copy.cluster.jobId());
}

void OperatorSimulation::Private::ensureRestService(const Managed &m)
{
    const QString name = m.name + u"-rest"_s;
    if (store.get(u"services"_s, m.ns, name).ok())
        return;
    const QJsonObject service{
        {u"metadata"_s,
         QJsonObject{{u"name"_s, name},
                     {u"namespace"_s, m.ns},
                     {u"labels"_s, QJsonObject{{u"app"_s, m.name}, {u"type"_s, u"flink-native-kubernetes"_s}}}}},
        {u"spec"_s,
         QJsonObject{
             {u"type"_s, u"ClusterIP"_s},
             {u"selector"_s, QJsonObject{{u"app"_s, m.name}, {u"component"_s, u"jobmanager"_s}}},
             {u"ports"_s,
              QJsonArray{QJsonObject{
                  {u"name"_s, u"rest"_s}, {u"port"_s, 8081}, {u"protocol"_s, u"TCP"_s}, {u"targetPort"_s, 8081}}}}}},
    };
    store.create(u"services"_s, m.ns, service);
}

void OperatorSimulation::Private::deleteRestService(const Managed &m)
{
    store.remove(u"services"_s, m.ns, m.name + u"-rest"_s);
}

void OperatorSimulation::Private::writeHaConfigMaps(Managed &m, const QString &jobId, qint64 now)
{
    if (jobId.isEmpty())
        return;
    const QJsonObject labels{
        {u"app"_s, m.name}, {u"configmap-type"_s, u"high-availability"_s}, {u"type"_s, u"flink-native-kubernetes"_s}};
    const auto upsert = [&](const QString &name, const QJsonObject &data) {
        const QJsonObject object{{u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"labels"_s, labels}}},
                                 {u"data"_s, data}};
        if (store.get(u"configmaps"_s, m.ns, name).ok())
            store.mergePatch(u"configmaps"_s, m.ns, name, QJsonObject{{u"data"_s, data}});
        else
            store.create(u"configmaps"_s, m.ns, object);
    };
    const QString leader = u"pekko.tcp://flink@%1.%2:6123/user/rpc/dispatcher_1"_s.arg(m.name, m.ns);
    upsert(m.name + u"-cluster-config-map"_s,
           QJsonObject{{u"org.apache.flink.k8s.leader.restserver"_s, u"http://%1-rest.%2:8081"_s.arg(m.name, m.ns)},
                       {u"org.apache.flink.k8s.leader.dispatcher"_s, leader},
                       {u"jobGraph-%1"_s.arg(jobId),
                        QString::fromLatin1(QByteArray("jobgraph:" + jobId.toUtf8()).toBase64())}});
    QJsonObject jobData{{u"counter"_s, QString::number(m.haNextCheckpointId)}};
    if (m.haCheckpoint) {
        jobData.insert(u"checkpointID-%1"_s.arg(m.haCheckpoint->id, 19, 10, QLatin1Char('0')),
                       QString::fromLatin1(m.haCheckpoint->externalPath.toUtf8().toBase64()));
    }
    const QString jobMap = u"%1-%2-config-map"_s.arg(m.name, jobId);
    if (store.get(u"configmaps"_s, m.ns, jobMap).ok()) {
        // Replace the data so that only the latest checkpoint pointer remains.
        StoreResult current = store.get(u"configmaps"_s, m.ns, jobMap);
        QJsonObject object = current.object;
        object.insert(u"data"_s, jobData);
        store.update(u"configmaps"_s, m.ns, jobMap, object);
    } else {
        upsert(jobMap, jobData);
    }
    m.haWrittenCheckpointId = m.haCheckpoint ? m.haCheckpoint->id : -1;
    m.haWrittenMs = now;
}

void OperatorSimulation::Private::deleteHaConfigMaps(Managed &m, const QString &jobId)
{
    m.haMetadata = false;
    m.haCheckpoint.reset();
    m.haWrittenCheckpointId = -1;
    store.remove(u"configmaps"_s, m.ns, m.name + u"-cluster-config-map"_s);
    if (!jobId.isEmpty())
        store.remove(u"configmaps"_s, m.ns, u"%1-%2-config-map"_s.arg(m.name, jobId));
}

bool OperatorSimulation::Private::haConfigMapsPresent(const Managed &m) const
{
    return store.get(u"configmaps"_s, m.ns, m.name + u"-cluster-config-map"_s).ok();
}

QString OperatorSimulation::Private::createSnapshot(const QJsonObject &owner, const QString &triggerType,
                                                    const std::optional<CheckpointRecord> &completed, qint64 now)
{
    const QJsonObject ownerMeta = owner.value(u"metadata"_s).toObject();
    const QString ownerNs = ownerMeta.value(u"namespace"_s).toString();
    const QString ownerName = ownerMeta.value(u"name"_s).toString();
    const QString ownerKind = owner.value(u"kind"_s).toString(u"FlinkDeployment"_s);
    const QString name = u"%1-savepoint-%2-%3"_s.arg(ownerName, triggerType.toLower()).arg(now);
    QJsonObject savepoint{
        {u"formatType"_s, u"CANONICAL"_s}, {u"disposeOnDelete"_s, true}, {u"alreadyExists"_s, completed.has_value()}};
    if (completed)
        savepoint.insert(u"path"_s, completed->externalPath);
    const QString state = completed ? u"COMPLETED"_s : u"TRIGGER_PENDING"_s;
    QJsonObject object{
        {u"metadata"_s,
         QJsonObject{{u"name"_s, name},
                     {u"namespace"_s, ownerNs},
                     {u"labels"_s,
                      QJsonObject{{u"snapshot.type"_s, u"SAVEPOINT"_s},
                                  {u"snapshot.trigger-type"_s, triggerType},
                                  {u"snapshot.state"_s, state},
                                  {u"job-reference.kind"_s, ownerKind},
                                  {u"job-reference.name"_s, ownerName}}},
                     {u"ownerReferences"_s,
                      QJsonArray{QJsonObject{{u"apiVersion"_s, kFlinkApi},
                                             {u"kind"_s, ownerKind},
                                             {u"name"_s, ownerName},
                                             {u"uid"_s, ownerMeta.value(u"uid"_s).toString()}}}}}},
        {u"spec"_s,
         QJsonObject{{u"backoffLimit"_s, completed ? 0 : 0},
                     {u"jobReference"_s, QJsonObject{{u"kind"_s, ownerKind}, {u"name"_s, ownerName}}},
                     {u"savepoint"_s, savepoint}}},
    };
    if (completed) {
        object.insert(u"status"_s,
                      QJsonObject{{u"state"_s, state},
                                  {u"path"_s, completed->externalPath},
                                  {u"failures"_s, 0},
                                  {u"triggerId"_s, QString()},
                                  {u"triggerTimestamp"_s, isoTime(completed->triggerMs)},
                                  {u"resultTimestamp"_s, isoTime(completed->ackMs)}});
    }
    const StoreResult r = store.create(kSnapshots, ownerNs, object);
    if (!r.ok())
        qCDebug(lcSandboxServer) << "operator: snapshot" << name << "not created:" << r.code;
    return name;
}

void OperatorSimulation::Private::recordEvent(const QString &ns, const QJsonObject &involved, const QString &type,
                                              const QString &reason, const QString &message, qint64 now)
{
    const QJsonObject meta = involved.value(u"metadata"_s).toObject();
    const QString name = meta.value(u"name"_s).toString();
    const QString uid = meta.value(u"uid"_s).toString();
    const QByteArray key = (uid + u'\n' + type + u'\n' + reason + u'\n' + message).toUtf8();
    const QString eventName
        = name + u'.' + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
    const QString when = isoTime(now);
    const StoreResult existing = store.get(u"events"_s, ns, eventName);
    if (existing.ok()) {
        const qint64 count = existing.object.value(u"count"_s).toInteger(1);
        store.mergePatch(
            u"events"_s, ns, eventName,
            QJsonObject{{u"count"_s, count + 1},
                        {u"lastTimestamp"_s, when},
                        {u"involvedObject"_s, QJsonObject{{u"resourceVersion"_s, meta.value(u"resourceVersion"_s)}}}});
        return;
    }
    const QJsonObject event{
        {u"metadata"_s, QJsonObject{{u"name"_s, eventName}, {u"namespace"_s, ns}}},
        {u"involvedObject"_s,
         QJsonObject{{u"apiVersion"_s, involved.value(u"apiVersion"_s).toString(kFlinkApi)},
                     {u"kind"_s, involved.value(u"kind"_s).toString()},
                     {u"name"_s, name},
                     {u"namespace"_s, ns},
                     {u"uid"_s, uid},
                     {u"resourceVersion"_s, meta.value(u"resourceVersion"_s).toString()}}},
        {u"reason"_s, reason},
        {u"message"_s, message},
        {u"type"_s, type},
        {u"count"_s, 1},
        {u"firstTimestamp"_s, when},
        {u"lastTimestamp"_s, when},
        {u"source"_s, QJsonObject{{u"component"_s, u"Operator"_s}}},
        {u"reportingComponent"_s, u"Operator"_s},
        {u"reportingInstance"_s, QString()},
    };
    store.create(u"events"_s, ns, event);
}

void OperatorSimulation::Private::reconcileSnapshots(qint64 now)
{
    QList<QJsonObject> objects;
    store.snapshot(kSnapshots, {}, &objects);
    QSet<QString> active;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QJsonObject meta = object.value(u"metadata"_s).toObject();
        const QString ns = meta.value(u"namespace"_s).toString();
        const QString name = meta.value(u"name"_s).toString();
        const QString key = ns + u'/' + name;
        const QJsonObject spec = object.value(u"spec"_s).toObject();
        QJsonObject status = object.value(u"status"_s).toObject();
        const QJsonObject before = status;
        const QString state = status.value(u"state"_s).toString();
        if (state == u"COMPLETED"_s || state == u"FAILED"_s || state == u"ABANDONED"_s)
            continue;
        active.insert(key);
        const bool savepoint = spec.contains(u"savepoint"_s);
        const QJsonObject savepointSpec = spec.value(u"savepoint"_s).toObject();
        const QJsonObject reference = spec.value(u"jobReference"_s).toObject();
        const QString jobName = reference.value(u"name"_s).toString();
        const auto dep = deployments.find(ns + u'/' + jobName);
        // The job the snapshot is of: a FlinkDeployment's or a FlinkSessionJob's.
        FlinkJobModel *target = nullptr;
        std::optional<CheckpointRecord> *targetSavepoint = nullptr;
        if (reference.value(u"kind"_s).toString() == u"FlinkSessionJob"_s) {
            if (const auto sessionJob = sessionJobs.snapshotTarget(ns, jobName)) {
                target = sessionJob->job;
                targetSavepoint = sessionJob->lastSavepoint;
            }
        } else if (dep != deployments.end()) {
            target = &dep->second.cluster;
            targetSavepoint = &dep->second.lastSavepoint;
        }
        const QString errorReason = savepoint ? u"SavepointError"_s : u"CheckpointError"_s;

        QJsonObject labels = meta.value(u"labels"_s).toObject();
        const QJsonObject labelsBefore = labels;
        labels.insert(u"snapshot.type"_s, savepoint ? u"SAVEPOINT"_s : u"CHECKPOINT"_s);
        if (!labels.contains(u"snapshot.trigger-type"_s))
            labels.insert(u"snapshot.trigger-type"_s, u"MANUAL"_s);
        labels.insert(u"job-reference.kind"_s, reference.value(u"kind"_s).toString(u"FlinkDeployment"_s));
        labels.insert(u"job-reference.name"_s, jobName);

        const auto fail = [&](const QString &error) {
            status.insert(u"state"_s, u"FAILED"_s);
            status.insert(u"error"_s, error);
            status.insert(u"failures"_s, status.value(u"failures"_s).toInt() + 1);
            status.insert(u"resultTimestamp"_s, isoTime(now));
            recordEvent(ns, object, kWarning, errorReason, u"Snapshot failed with error '%1'"_s.arg(error), now);
            snapshots.erase(key);
        };

        if (state.isEmpty()) {
            if (savepoint && savepointSpec.value(u"alreadyExists"_s).toBool()
                && !savepointSpec.value(u"path"_s).toString().isEmpty()) {
                status = QJsonObject{{u"state"_s, u"COMPLETED"_s},
                                     {u"path"_s, savepointSpec.value(u"path"_s).toString()},
                                     {u"failures"_s, 0},
                                     {u"triggerId"_s, QString()},
                                     {u"triggerTimestamp"_s, isoTime(now)},
                                     {u"resultTimestamp"_s, isoTime(now)}};
            } else {
                status = QJsonObject{{u"state"_s, u"TRIGGER_PENDING"_s}, {u"failures"_s, 0}};
            }
        } else if (!target) {
            status.insert(u"state"_s, u"ABANDONED"_s);
            status.insert(u"error"_s, u"Secondary resource %1 not found"_s.arg(jobName));
            status.insert(u"resultTimestamp"_s, isoTime(now));
            recordEvent(ns, object, kWarning, u"SnapshotAbandoned"_s,
                        u"Snapshot %1 was abandoned because the referenced %2 %3 was not found"_s.arg(
                            name, reference.value(u"kind"_s).toString(u"FlinkDeployment"_s), jobName),
                        now);
            snapshots.erase(key);
        } else {
            FlinkJobModel &cluster = *target;
            const bool jobUp = cluster.hasJob() && cluster.jobManagerStatus() == JobManagerStatus::Ready;
            const QString notRunning
                = u"Checkpoint triggering task %1 (1/%2) of job %3 is not being executed at "
                  u"the moment. Aborting checkpoint. Failure reason: Not all required tasks are "
                  u"currently running."_s
                      .arg(cluster.vertices().isEmpty() ? u"Source"_s : cluster.vertices().constFirst().name)
                      .arg(cluster.settings().parallelism)
                      .arg(cluster.jobId());
            if (state == u"TRIGGER_PENDING"_s) {
                if (jobUp && cluster.canSnapshot()) {
                    status.insert(u"state"_s, u"IN_PROGRESS"_s);
                    status.insert(u"triggerId"_s, hex(32));
                    status.insert(u"triggerTimestamp"_s, isoTime(now));
                    status.remove(u"error"_s);
                    snapshots[key] = PendingSnapshot{now + kSnapshotMs};
                } else if (jobUp && cluster.settings().failing) {
                    fail(u"org.apache.flink.runtime.checkpoint.CheckpointException: "_s + notRunning);
                } else if (!status.contains(u"error"_s)) {
                    status.insert(u"error"_s, u"Job %1 is not running, waiting to trigger the snapshot"_s.arg(jobName));
                }
            } else if (state == u"IN_PROGRESS"_s) {
                const auto pending = snapshots.find(key);
                const qint64 doneMs = pending == snapshots.end() ? now : pending->second.doneMs;
                if (now >= doneMs) {
                    if (!jobUp || !cluster.canSnapshot()) {
                        fail(u"org.apache.flink.runtime.checkpoint.CheckpointException: "_s + notRunning);
                    } else {
                        QString path;
                        if (savepoint) {
                            path = savepointSpec.value(u"path"_s).toString();
                            if (path.isEmpty())
                                path
                                    = cluster.settings().flinkConfiguration.value(u"state.savepoints.dir"_s).toString();
                            path = u"%1/savepoint-%2-%3"_s.arg(path, cluster.jobId().left(6), hex(12));
                            *targetSavepoint = cluster.completeSavepoint(now, path);
                        } else {
                            cluster.advance(now);
                            path = cluster.latestCheckpoint() ? cluster.latestCheckpoint()->externalPath : QString();
                        }
                        if (path.isEmpty()) {
                            fail(u"No completed checkpoint available"_s);
                        } else {
                            status.insert(u"state"_s, u"COMPLETED"_s);
                            status.insert(u"path"_s, path);
                            status.insert(u"resultTimestamp"_s, isoTime(now));
                            status.remove(u"error"_s);
                            snapshots.erase(key);
                        }
                    }
                }
            }
        }
        labels.insert(u"snapshot.state"_s, status.value(u"state"_s).toString());
        if (labels != labelsBefore)
            store.mergePatch(kSnapshots, ns, name, QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}}});
        if (status != before) {
            WriteOptions options;
            options.subresource = Subresource::Status;
            store.mergePatch(kSnapshots, ns, name, QJsonObject{{u"status"_s, mergeDiff(before, status)}}, options);
            if (status.value(u"state"_s).toString() == u"COMPLETED"_s
                && labels.value(u"snapshot.trigger-type"_s).toString() == u"PERIODIC"_s && dep != deployments.end()
                && reference.value(u"kind"_s).toString(u"FlinkDeployment"_s) == u"FlinkDeployment"_s) {
                const StoreResult deployment = store.get(kDeployments, ns, jobName);
                cleanupSavepointHistory(ns, jobName, deployment.object.value(u"spec"_s).toObject());
            }
        }
    }
    for (auto it = snapshots.begin(); it != snapshots.end();) {
        if (active.contains(it->first))
            ++it;
        else
            it = snapshots.erase(it);
    }
}

void OperatorSimulation::Private::cleanupSavepointHistory(const QString &ns, const QString &deployment,
                                                          const QJsonObject &spec)
{
    // kubernetes.operator.savepoint.history.max.count (default 10) over the operator's periodic savepoints.
    const QString configured = confValue(spec, u"kubernetes.operator.savepoint.history.max.count"_s);
    const int maxCount = hasConf(spec, u"kubernetes.operator.savepoint.history.max.count"_s) ? configured.toInt() : 10;
    if (maxCount <= 0)
        return;
    ListOptions options;
    options.labelSelector
        = u"job-reference.name=%1,snapshot.trigger-type=PERIODIC,snapshot.state=COMPLETED"_s.arg(deployment);
    const StoreResult list = store.list(kSnapshots, ns, options);
    QList<QJsonObject> items;
    for (const QJsonValue &v : list.object.value(u"items"_s).toArray())
        items.append(v.toObject());
    if (items.size() <= maxCount)
        return;
    std::sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"status"_s).toObject().value(u"resultTimestamp"_s).toString()
            < b.value(u"status"_s).toObject().value(u"resultTimestamp"_s).toString();
    });
    for (qsizetype i = 0; i < items.size() - maxCount; ++i) {
        const QString name = items.at(i).value(u"metadata"_s).toObject().value(u"name"_s).toString();
        store.remove(kSnapshots, ns, name);
        qCDebug(lcSandboxServer) << "operator: disposed savepoint" << name;
    }
}

OperatorSimulation::OperatorSimulation(ResourceStore &store, double speed)
    : d(std::make_unique<Private>(store, speed))
{
}

OperatorSimulation::~OperatorSimulation()
{
    stop();
}

void OperatorSimulation::setOperatorVersion(const QString &version)
{
    std::lock_guard guard(d->mutex);
    d->operatorVersion = version;
}

void OperatorSimulation::start()
{
    std::lock_guard guard(d->threadMutex);
    if (d->running)
        return;
    d->running = true;
    d->stopRequested = false;
    d->thread = std::thread([this] {
        // About one virtual second per pass, at most every 100 ms and at least every 5 ms of real time.
        const auto base
            = std::clamp(d->clock.realDuration(1000), std::chrono::milliseconds(5), std::chrono::milliseconds(100));
        std::unique_lock lock(d->threadMutex);
        while (!d->stopRequested) {
            lock.unlock();
            reconcileOnce();
            lock.lock();
            // Thousands of deployments (benchmarks): fewer passes, at most one a second.
            const auto interval = std::min<std::chrono::milliseconds>(
                base * (1 + qint64(d->deploymentCount.load()) / 500), std::chrono::milliseconds(1000));
            d->wake.wait_for(lock, interval, [this] { return d->stopRequested; });
        }
    });
    qCInfo(lcSandboxServer).noquote() << u"operator simulation running at speed %1"_s.arg(d->clock.speed());
}

void OperatorSimulation::stop()
{
    {
        std::lock_guard lock(d->threadMutex);
        if (!d->running)
            return;
        d->stopRequested = true;
        d->running = false;
    }
    d->wake.notify_all();
    if (d->thread.joinable())
        d->thread.join();
}

bool OperatorSimulation::isRunning() const
{
    std::lock_guard lock(d->threadMutex);
    return d->running;
}

VirtualClock &OperatorSimulation::clock()
{
    return d->clock;
}

const VirtualClock &OperatorSimulation::clock() const
{
    return d->clock;
}

void OperatorSimulation::reconcileOnce()
{
    std::lock_guard lock(d->mutex);
    d->pass();
}

ProxyResponse OperatorSimulation::proxyGet(const QString &ns, const QString &service, const QString &path,
                                           const QUrlQuery &query) const
{
    const auto status = [](int code, const QString &reason, const QString &message, const QJsonObject &details) {
        return ProxyResponse{code,
                             QJsonDocument(makeStatus(code, reason, message, details)).toJson(QJsonDocument::Compact)};
    };
    if (!d->store.get(u"services"_s, ns, service).ok())
        return status(404, u"NotFound"_s, u"services \"%1\" not found"_s.arg(service),
                      QJsonObject{{u"name"_s, service}, {u"kind"_s, u"services"_s}});
    const ProxyResponse unavailable
        = status(503, u"ServiceUnavailable"_s, u"no endpoints available for service \"%1\""_s.arg(service), {});
    if (!service.endsWith(u"-rest"_s))
        return unavailable;
    const QString deployment = service.chopped(5);
    std::lock_guard lock(d->mutex);
    const auto it = d->deployments.find(ns + u'/' + deployment);
    if (it == d->deployments.end())
        return unavailable;
    FlinkJobModel &cluster = it->second.cluster;
    const qint64 now = d->clock.nowMs();
    cluster.advance(now);
    if (cluster.jobManagerStatus() != JobManagerStatus::Ready)
        return unavailable;
    // The log files of Flink's REST API (what a client reads when it may not get pods/log).
    static const QRegularExpression logPath(u"^/?(jobmanager|taskmanagers/([^/]+))/(log|logs)$"_s);
    if (const QRegularExpressionMatch m = logPath.match(path); m.hasMatch()) {
        const QString taskManager = m.captured(2);
        const auto lines = d->pods.restLog(ns, deployment, taskManager, cluster, now);
        if (!lines) {
            const QString message = u"Could not find TaskExecutor %1."_s.arg(taskManager);
            return ProxyResponse{
                404, QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{message}}}).toJson(QJsonDocument::Compact)};
        }
        QByteArray text;
        for (const LogLine &line : *lines)
            text += line.text.toUtf8() + '\n';
        if (m.captured(3) == u"log"_s)
            return ProxyResponse{200, text, "text/plain"};
        const QString file = taskManager.isEmpty() ? u"jobmanager"_s : u"taskmanager"_s;
        const qint64 mtime = lines->empty() ? now : lines->back().ms;
        return ProxyResponse{200,
                             QJsonDocument(QJsonObject{{u"logs"_s,
                                                        QJsonArray{QJsonObject{{u"name"_s, QString(file + u".log"_s)},
                                                                               {u"size"_s, qint64(text.size())},
                                                                               {u"mtime"_s, mtime}},
                                                                   QJsonObject{{u"name"_s, QString(file + u".out"_s)},
                                                                               {u"size"_s, 0},
                                                                               {u"mtime"_s, mtime}}}}})
                                 .toJson(QJsonDocument::Compact)};
    }
    if (path == u"metrics"_s) {
        QByteArray text;
        PrometheusExporter::appendCluster(&text, ns, deployment, cluster, now);
        return ProxyResponse{200, text, "text/plain; version=0.0.4; charset=utf-8"};
    }
    if (cluster.settings().session) {
        // A session cluster's jobs are its FlinkSessionJobs'.
        if (auto answer = d->sessionJobs.proxyGet(ns, deployment, cluster, path, query, now))
            return *answer;
    }
    return JobManagerApi(cluster, now).get(path, query);
}

void OperatorSimulation::setFaultPlan(FaultPlan *faults)
{
    std::lock_guard lock(d->mutex);
    d->pods.setFaults(faults);
}

PodLogResult OperatorSimulation::podLog(const PodLogRequest &request, const PodLogCursor *after) const
{
    std::lock_guard lock(d->mutex);
    const qint64 now = d->clock.nowMs();
    const QString key = d->pods.deploymentOf(request.ns, request.pod);
    const auto it = d->deployments.find(key);
    FlinkJobModel *cluster = nullptr;
    if (it != d->deployments.end()) {
        cluster = &it->second.cluster;
        cluster->advance(now);
    }
    return d->pods.log(request, cluster, now, after);
}

void OperatorSimulation::podDeletedByClient(const QString &ns, const QString &pod)
{
    std::lock_guard lock(d->mutex);
    d->pods.podDeletedByClient(ns, pod);
}

void OperatorSimulation::forEachCluster(
    const std::function<void(const QString &, const QString &, const FlinkJobModel &, qint64)> &fn) const
{
    std::lock_guard lock(d->mutex);
    const qint64 now = d->clock.nowMs();
    for (auto &[key, m] : d->deployments) {
        m.cluster.advance(now);
        if (m.cluster.jobManagerStatus() != JobManagerStatus::Missing)
            fn(m.ns, m.name, m.cluster, now);
    }
}

bool OperatorSimulation::withCluster(const QString &ns, const QString &name,
                                     const std::function<void(const FlinkJobModel &, qint64)> &fn) const
{
    std::lock_guard lock(d->mutex);
    const auto it = d->deployments.find(ns + u'/' + name);
    if (it == d->deployments.end())
        return false;
    const qint64 now = d->clock.nowMs();
    it->second.cluster.advance(now);
    fn(it->second.cluster, now);
    return true;
}

} // namespace capstan::sandbox
