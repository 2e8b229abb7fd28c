#include "sandbox/sessionjobsimulation.h"

#include "sandbox/jobmanagerapi.h"
#include "sandbox/operatorspec.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/statusshape.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;
using namespace operatorspec;

namespace {

const QString kSessionJobs = u"flinksessionjobs"_s;
const QString kDeployments = u"flinkdeployments"_s;
const QString kNormal = u"Normal"_s;
const QString kWarning = u"Warning"_s;

// Messages of the operator's AbstractJobReconciler, JobStatusObserver and DefaultValidator.
const QString kMsgSubmit = u"Starting deployment"_s;
const QString kMsgSuspended = u"Suspending existing deployment."_s;
const QString kMsgSpecChanged = u"%1 change(s) detected (%2), starting reconciliation."_s;
const QString kMsgMissing = u"Missing Session Job"_s;
const QString kMissingException = u"org.apache.flink.kubernetes.operator.exception.MissingSessionJobException"_s;
const QString kValidationException = u"org.apache.flink.kubernetes.operator.exception.ValidationException"_s;
const QString kUpgradeFailure = u"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException"_s;

constexpr qint64 kSavepointStopMs = 3000; // stop-with-savepoint
constexpr qint64 kCancelMs = 1000;
constexpr qint64 kUpgradeRetryMs = 10000;
constexpr qint64 kStableAfterMs = 10000; // RUNNING this long without restarts → stable

// The operator's JobID of a session job: new JobID(uid.hashCode(), generation), which prints its upper
// half (the generation) first. Java widens the int hash to a long with its sign.
QString sessionJobId(const QString &uid, qint64 generation)
{
    quint32 h = 0;
    for (const QChar ch : uid)
        h = 31 * h + ch.unicode();
    const quint64 lower = quint64(qint64(qint32(h)));
    return u"%1%2"_s.arg(quint64(generation), 16, 16, QLatin1Char('0')).arg(lower, 16, 16, QLatin1Char('0'));
}

QJsonObject confOf(const QJsonObject &spec)
{
    return spec.value(u"flinkConfiguration"_s).toObject();
}

QString confString(const QJsonObject &conf, const QString &key)
{
    const QJsonValue v = conf.value(key);
    return v.isString() ? v.toString() : v.isUndefined() || v.isNull() ? QString() : javaString(v);
}

} // namespace

// The operator's memory of one FlinkSessionJob.
struct SessionJob
{
    QString ns;
    QString name;
    QString uid;
    bool initialized = false;
    FlinkJobModel job; // its job in the session cluster
    QString cluster; // spec.deploymentName
    int clusterSerial = 0; // the session cluster's JobManager deployment the job was submitted to
    bool missing = false; // lost with its session cluster: submitted again once the cluster is READY

    // A cancel / stop-with-savepoint in progress.
    bool stopping = false;
    qint64 stopDoneMs = 0;
    QString stopMode;
    QJsonObject stopTarget;
    bool stopThenDeploy = false;
    qint64 stopGeneration = 0;

    std::optional<CheckpointRecord> lastSavepoint;
    std::optional<CheckpointRecord> lastCheckpoint; // of a job that ended: last-state restores from it
    qint64 reportedExceptionMs = 0;
    qint64 specChangedEventGeneration = -1;
    qint64 nextUpgradeAttemptMs = 0;
    QString reportedError; // the validation or upgrade error last reported, so that it is reported once

    bool alive() const { return job.hasJob() && job.jobManagerStatus() != JobManagerStatus::Missing; }
};

namespace {

// One reconcile of one session job: the object as read, its session cluster and the status being built.
struct Context
{
    SessionJob &m;
    QJsonObject object;
    QJsonObject spec;
    qint64 generation = 0;
    QJsonObject status;
    QJsonObject written;
    qint64 now = 0;
    bool clusterExists = false;
    QJsonObject clusterSpec;
    const FlinkJobModel *cluster = nullptr;
    bool clusterReady = false;
};

} // namespace

struct SessionJobSimulation::Private
{
    ResourceStore &store;
    Host host;
    std::map<QString, SessionJob> jobs; // "ns/name"

    void reconcileJob(SessionJob &m, const QJsonObject &object, qint64 now);
    void adopt(Context &c);
    void observe(Context &c);
    QString validate(const Context &c) const;
    void reconcile(Context &c);
    void reconcileSpecChange(Context &c, DiffType type, QJsonObject target, const ReconciledSpec &last);
    void finishStop(Context &c);
    void submit(Context &c, const QJsonObject &target, const std::optional<CheckpointRecord> &restore,
                bool firstDeployment);
    void resubmitMissing(Context &c, const ReconciledSpec &last);
    void reportError(Context &c, const QString &type, const QString &reason, const QString &message);
    void flush(Context &c);
    JobSettings settingsFor(const Context &c, const QJsonObject &target) const;
    QJsonObject effectiveConf(const Context &c, const QJsonObject &target) const;

    void event(const Context &c, const QString &type, const QString &reason, const QString &message)
    {
        host.recordEvent(c.m.ns, c.object, type, reason, message, c.now);
    }
};

SessionJobSimulation::SessionJobSimulation(ResourceStore &store, Host host)
    : d(std::make_unique<Private>(Private{store, std::move(host), {}}))
{
}

SessionJobSimulation::~SessionJobSimulation() = default;

void SessionJobSimulation::pass(qint64 nowMs)
{
    QList<QJsonObject> objects;
    d->store.snapshot(kSessionJobs, {}, &objects);
    QSet<QString> seen;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QJsonObject meta = object.value(u"metadata"_s).toObject();
        const QString ns = meta.value(u"namespace"_s).toString();
        const QString name = meta.value(u"name"_s).toString();
        const QString uid = meta.value(u"uid"_s).toString();
        const QString key = ns + u'/' + name;
        seen.insert(key);
        auto it = d->jobs.find(key);
        if (it != d->jobs.end() && it->second.uid != uid) {
            d->jobs.erase(it); // deleted and created again between two passes
            it = d->jobs.end();
        }
        if (it == d->jobs.end()) {
            it = d->jobs.emplace(key, SessionJob()).first;
            it->second.ns = ns;
            it->second.name = name;
            it->second.uid = uid;
        }
        d->reconcileJob(it->second, object, nowMs);
    }
    // A deleted session job's job is cancelled with it (SessionJobReconciler.cleanupInternal).
    for (auto it = d->jobs.begin(); it != d->jobs.end();) {
        if (seen.contains(it->first))
            ++it;
        else
            it = d->jobs.erase(it);
    }
}

std::optional<SessionJobSimulation::SnapshotTarget> SessionJobSimulation::snapshotTarget(const QString &ns,
                                                                                         const QString &name)
{
    const auto it = d->jobs.find(ns + u'/' + name);
    if (it == d->jobs.end())
        return std::nullopt;
    return SnapshotTarget{&it->second.job, &it->second.lastSavepoint};
}

std::optional<ProxyResponse> SessionJobSimulation::proxyGet(const QString &ns, const QString &clusterName,
                                                            const FlinkJobModel &cluster, const QString &path,
                                                            const QUrlQuery &query, qint64 nowMs)
{
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.value(0) == u"v1"_s)
        parts.removeFirst();
    const QString joined = parts.join(u'/');
    if (joined != u"overview"_s && parts.value(0) != u"jobs"_s)
        return std::nullopt;

    // The jobs this JobManager knows: those submitted to it, running or ended (Flink keeps the latest).
    QList<FlinkJobModel *> hosted;
    for (auto &[key, m] : d->jobs) {
        if (m.ns != ns || m.cluster != clusterName || !m.job.hasJob() || m.clusterSerial != cluster.deploymentSerial())
            continue;
        m.job.advance(nowMs);
        hosted.append(&m.job);
    }
    const auto json = [](int status, const QJsonObject &o) {
        return ProxyResponse{status, QJsonDocument(o).toJson(QJsonDocument::Compact)};
    };
    const auto terminal
        = [](const QString &state) { return state == u"FINISHED"_s || state == u"CANCELED"_s || state == u"FAILED"_s; };

    if (joined == u"overview"_s) {
        QJsonObject o = QJsonDocument::fromJson(JobManagerApi(cluster, nowMs).get(path, query).body).object();
        int running = 0;
        int usedSlots = 0;
        QHash<QString, int> ended;
        for (const FlinkJobModel *job : std::as_const(hosted)) {
            if (terminal(job->state())) {
                ++ended[job->state()];
            } else {
                ++running;
                usedSlots += job->settings().parallelism;
            }
        }
        o.insert(u"jobs-running"_s, running);
        o.insert(u"jobs-finished"_s, ended.value(u"FINISHED"_s));
        o.insert(u"jobs-cancelled"_s, ended.value(u"CANCELED"_s));
        o.insert(u"jobs-failed"_s, ended.value(u"FAILED"_s));
        o.insert(u"slots-available"_s, std::max(0, o.value(u"slots-total"_s).toInt() - usedSlots));
        return json(200, o);
    }
    if (joined == u"jobs"_s) {
        QJsonArray list;
        for (const FlinkJobModel *job : std::as_const(hosted))
            list.append(QJsonObject{{u"id"_s, job->jobId()}, {u"status"_s, job->state()}});
        return json(200, QJsonObject{{u"jobs"_s, list}});
    }
    if (joined == u"jobs/overview"_s) {
        QJsonArray list;
        for (const FlinkJobModel *job : std::as_const(hosted)) {
            const QJsonObject one
                = QJsonDocument::fromJson(JobManagerApi(*job, nowMs).get(joined, query).body).object();
            for (const QJsonValue &v : one.value(u"jobs"_s).toArray())
                list.append(v);
        }
        return json(200, QJsonObject{{u"jobs"_s, list}});
    }
    if (parts.size() >= 2) {
        for (const FlinkJobModel *job : std::as_const(hosted)) {
            if (job->jobId() == parts.at(1))
                return JobManagerApi(*job, nowMs).get(joined, query);
        }
    }
    return std::nullopt;
}

QJsonObject SessionJobSimulation::Private::effectiveConf(const Context &c, const QJsonObject &target) const
{
    QJsonObject conf = confOf(c.clusterSpec);
    const QJsonObject own = confOf(target);
    for (auto it = own.begin(); it != own.end(); ++it)
        conf.insert(it.key(), it.value());
    return conf;
}

JobSettings SessionJobSimulation::Private::settingsFor(const Context &c, const QJsonObject &target) const
{
    const QJsonObject conf = effectiveConf(c, target);
    const QJsonObject job = jobOf(target);
    JobSettings s;
    // TaskManager ids follow the session cluster's pods.
    s.deploymentName = c.m.cluster;
    s.jobName = c.m.name;
    s.parallelism = std::max(1, job.value(u"parallelism"_s).toInt(1));
    s.taskSlots = std::max(1, confString(conf, u"taskmanager.numberOfTaskSlots"_s).toInt());
    s.checkpointsDir = confString(conf, u"state.checkpoints.dir"_s);
    if (s.checkpointsDir.isEmpty())
        s.checkpointsDir = u"file:///flink-data/checkpoints"_s;
    s.checkpointIntervalMs = conf.contains(u"execution.checkpointing.interval"_s)
        ? parseDurationMs(confString(conf, u"execution.checkpointing.interval"_s), 10000)
        : 0;
    s.failing = argsEnableNewFeature(job.value(u"args"_s).toArray());
    const QJsonObject annotations = c.object.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
    bool ok = false;
    const double rate = annotations.value(u"sandbox.capstan.io/input-rate"_s).toString().toDouble(&ok);
    if (ok && rate > 0) {
        s.demandRecordsPerSecond = rate;
    } else {
        const QByteArray h = QCryptographicHash::hash(c.m.name.toUtf8(), QCryptographicHash::Md5);
        s.demandRecordsPerSecond = 600 + (quint8(h.at(0)) * 256 + quint8(h.at(1))) % 1400;
    }
    const QString topology = annotations.value(u"sandbox.capstan.io/topology"_s).toString();
    if (FlinkJobModel::topologies().contains(topology))
        s.topology = topology;
    s.loadProfile = annotations.value(u"sandbox.capstan.io/load-profile"_s).toString();
    s.flinkVersion = flinkVersionOf(c.clusterSpec.value(u"flinkVersion"_s).toString());
    s.flinkConfiguration = conf;
    const QJsonObject tmResource = c.clusterSpec.value(u"taskManager"_s).toObject().value(u"resource"_s).toObject();
    s.taskManagerCpu = tmResource.value(u"cpu"_s).toDouble(1);
    s.taskManagerMemoryBytes = parseMemoryBytes(tmResource.value(u"memory"_s).toString(), 2048LL * 1024 * 1024);
    return s;
}

void SessionJobSimulation::Private::reconcileJob(SessionJob &m, const QJsonObject &object, qint64 now)
{
    Context c{m,
              object,
              object.value(u"spec"_s).toObject(),
              object.value(u"metadata"_s).toObject().value(u"generation"_s).toInteger(),
              object.value(u"status"_s).toObject(),
              object.value(u"status"_s).toObject(),
              now,
              false,
              {},
              nullptr,
              false};
    const QString deploymentName = c.spec.value(u"deploymentName"_s).toString();
    if (!m.initialized || !m.alive())
        m.cluster = deploymentName; // a running job stays where it was submitted
    const StoreResult deployment = store.get(kDeployments, m.ns, m.cluster);
    c.clusterExists = deployment.ok();
    c.clusterSpec = deployment.object.value(u"spec"_s).toObject();
    c.cluster = c.clusterExists ? host.cluster(m.ns, m.cluster) : nullptr;
    // SessionJobReconciler.sessionClusterReady: a session cluster whose JobManager is READY.
    c.clusterReady
        = c.cluster && c.cluster->jobManagerStatus() == JobManagerStatus::Ready && !c.clusterSpec.contains(u"job"_s);
    m.job.advance(now);

    if (!m.initialized) {
        m.initialized = true;
        adopt(c);
    }
    if (m.stopping) {
        if (now >= m.stopDoneMs)
            finishStop(c);
        flush(c);
        return;
    }
    observe(c);
    const QString invalid = validate(c);
    if (!invalid.isEmpty()) {
        // The last valid spec keeps running; the operator reports the problem and waits.
        reportError(c, kValidationException, u"ValidationError"_s, invalid);
        flush(c);
        return;
    }
    if (m.reportedError.startsWith(u"ValidationError"_s)) {
        m.reportedError.clear();
        c.status.remove(u"error"_s);
    }
    if (c.clusterReady)
        reconcile(c);
    flush(c);
}

void SessionJobSimulation::Private::reportError(Context &c, const QString &type, const QString &reason,
                                                const QString &message)
{
    const QString key = reason + u'\n' + QString::number(c.generation) + u'\n' + message;
    if (c.m.reportedError != key) {
        c.m.reportedError = key;
        event(c, kWarning, reason, message);
    }
    c.status.insert(u"error"_s, errorJson(type, message));
}

void SessionJobSimulation::Private::adopt(Context &c)
{
    SessionJob &m = c.m;
    m.reportedExceptionMs = c.now;
    const QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());
    if (!last.valid)
        return; // a new resource: the first reconcile submits it
    const QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    const QJsonObject lastSavepoint
        = jobStatus.value(u"savepointInfo"_s).toObject().value(u"lastSavepoint"_s).toObject();
    const QString savepointPath = lastSavepoint.value(u"location"_s).toString();
    if (!savepointPath.isEmpty()) {
        const qint64 at = lastSavepoint.value(u"timeStamp"_s).toInteger();
        m.lastSavepoint = CheckpointRecord{0, at, at, 0, savepointPath, true};
    }
    if (jobStateOf(last.spec) == u"suspended"_s || jobStatus.value(u"state"_s).toString() != u"RUNNING"_s)
        return;
    if (!c.clusterReady) {
        m.missing = true; // the cluster is not there: the job is submitted again when it is
        return;
    }
    const qint64 start = jobStatus.value(u"startTime"_s).toString().toLongLong();
    m.job.adopt(c.now, settingsFor(c, last.spec), jobStatus.value(u"jobId"_s).toString(), start > 0 ? start : c.now);
    m.clusterSerial = c.cluster->deploymentSerial();
}

void SessionJobSimulation::Private::observe(Context &c)
{
    SessionJob &m = c.m;
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());
    if (!last.valid || !m.alive())
        return;
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    if (!c.clusterReady || c.cluster->deploymentSerial() != m.clusterSerial) {
        // The session cluster went away (or its JobManager was replaced) without HA: the job is gone.
        m.lastCheckpoint = m.job.latestCheckpoint() ? m.job.latestCheckpoint() : m.lastCheckpoint;
        m.job.stop(c.now, u"FAILED"_s);
        m.missing = true;
        jobStatus.insert(u"state"_s, u"RECONCILING"_s);
        jobStatus.insert(u"updateTime"_s, QString::number(c.now));
        c.status.insert(u"jobStatus"_s, jobStatus);
        c.status.insert(u"error"_s, errorJson(kMissingException, kMsgMissing));
        event(c, kWarning, u"Missing"_s, kMsgMissing);
        return;
    }

    // JobStatusObserver: job state, an Event on every change, the job's exceptions.
    const FlinkJobModel &job = m.job;
    observeJob(
        job, c.now, &jobStatus, &m.reportedExceptionMs,
        [&](const QString &type, const QString &reason, const QString &message) { event(c, type, reason, message); });
    c.status.insert(u"jobStatus"_s, jobStatus);
    const QString current = job.state();
    // Stable once RUNNING for a while without a restart.
    if (current == u"RUNNING"_s && job.numRestarts() == 0 && c.now - job.stateSinceMs() >= kStableAfterMs
        && rs.value(u"state"_s).toString() == u"DEPLOYED"_s && jobStateOf(last.spec) == u"running"_s) {
        rs.insert(u"lastStableSpec"_s, rs.value(u"lastReconciledSpec"_s));
        c.status.insert(u"reconciliationStatus"_s, rs);
    }
}

QString SessionJobSimulation::Private::validate(const Context &c) const
{
    // DefaultValidator.validateSessionJob: the resource alone, then against its session cluster.
    if (!c.spec.contains(u"job"_s))
        return u"The job spec should not be empty"_s;
    const QString deploymentName = c.spec.value(u"deploymentName"_s).toString();
    static const QRegularExpression namePattern(u"^[a-z]([-a-z0-9]*[a-z0-9])?$"_s);
    if (!namePattern.match(deploymentName).hasMatch() || deploymentName.size() > 45)
        return u"The FlinkDeployment name: %1 is invalid, must consist of lower case alphanumeric characters or "
               u"'-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  "
               u"or 'abc-123'), and the length must be no more than 45 characters."_s.arg(
                   deploymentName.isEmpty() ? u"null"_s : deploymentName);
    const ReconciledSpec last = parseReconciled(
        c.status.value(u"reconciliationStatus"_s).toObject().value(u"lastReconciledSpec"_s).toString());
    if (last.valid && last.spec.value(u"deploymentName"_s).toString() != deploymentName)
        return u"The deploymentName can't be changed"_s;
    if (!c.clusterExists)
        return {};
    if (c.clusterSpec.contains(u"job"_s))
        return u"Can not submit session job to application cluster"_s;
    const QJsonObject conf = effectiveConf(c, c.spec);
    const QJsonObject job = jobOf(c.spec);
    const QString mode = upgradeModeOf(c.spec);
    if (mode != u"stateless"_s && confString(conf, u"state.checkpoints.dir"_s).trimmed().isEmpty())
        return u"Checkpoint directory[state.checkpoints.dir] must be defined for last-state and savepoint upgrade "
               u"modes"_s;
    if (confString(conf, u"state.savepoints.dir"_s).trimmed().isEmpty()) {
        if (mode == u"savepoint"_s)
            return u"Job could not be upgraded with savepoint while config key[state.savepoints.dir] is not set"_s;
        if (!job.value(u"savepointTriggerNonce"_s).isNull() && !job.value(u"savepointTriggerNonce"_s).isUndefined())
            return u"Savepoint could not be manually triggered for the running job while config "
                   u"key[state.savepoints.dir] is not set"_s;
    }
    if (job.contains(u"parallelism"_s) && job.value(u"parallelism"_s).toInt() < 1)
        return u"Job parallelism must be larger than 0"_s;
    return {};
}

void SessionJobSimulation::Private::reconcile(Context &c)
{
    SessionJob &m = c.m;
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());

    if (!last.valid) {
        // First deployment: recorded stateless (or savepoint, from initialSavepointPath).
        if (jobStateOf(c.spec) == u"suspended"_s)
            return;
        const QString initial = jobOf(c.spec).value(u"initialSavepointPath"_s).toString();
        const QJsonObject target
            = withJob(c.spec, u"upgradeMode"_s, initial.isEmpty() ? u"stateless"_s : u"savepoint"_s);
        std::optional<CheckpointRecord> restore;
        if (!initial.isEmpty()) {
            QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
            jobStatus.insert(u"upgradeSavepointPath"_s, initial);
            c.status.insert(u"jobStatus"_s, jobStatus);
            restore = CheckpointRecord{0, c.now, c.now, 0, initial, true};
        }
        submit(c, target, restore, true);
        return;
    }

    if (m.missing) {
        resubmitMissing(c, last);
        return;
    }

    const QString state = rs.value(u"state"_s).toString();
    const SpecChangeSet diff = diffSpecs(last.spec, c.spec);
    const bool specChanged = diff.type != DiffType::Ignore || state == u"UPGRADING"_s;
    if (specChanged) {
        if (diff.type != DiffType::Ignore && m.specChangedEventGeneration != c.generation) {
            m.specChangedEventGeneration = c.generation;
            event(c, kNormal, u"SpecChanged"_s,
                  kMsgSpecChanged.arg(diffTypeName(diff.type), diff.toString(u"FlinkSessionJobSpec"_s)));
        }
        reconcileSpecChange(c, diff.type == DiffType::Ignore ? DiffType::Upgrade : diff.type, c.spec, last);
        return;
    }
    if (!diff.empty()) {
        // Only IGNORE-class fields changed: record them, no restart.
        const bool wasStable = rs.value(u"lastStableSpec"_s).toString() == rs.value(u"lastReconciledSpec"_s).toString();
        const QString serialized
            = serializeReconciled(withJob(c.spec, u"state"_s, jobOf(last.spec).value(u"state"_s)), c.generation, false);
        rs.insert(u"lastReconciledSpec"_s, serialized);
        if (wasStable)
            rs.insert(u"lastStableSpec"_s, serialized);
        c.status.insert(u"reconciliationStatus"_s, rs);
    }
    c.status.insert(u"observedGeneration"_s, c.generation);
}

void SessionJobSimulation::Private::resubmitMissing(Context &c, const ReconciledSpec &last)
{
    // AbstractJobReconciler.resubmitJob: the deployed spec again, from the last savepoint when the upgrade
    // mode keeps state and one is known (or, for last-state, the lost job's latest checkpoint).
    SessionJob &m = c.m;
    if (jobStateOf(last.spec) != u"running"_s)
        return;
    const QString mode = upgradeModeOf(c.spec);
    std::optional<CheckpointRecord> restore;
    if (mode == u"last-state"_s && m.lastCheckpoint)
        restore = m.lastCheckpoint;
    else if (mode != u"stateless"_s && m.lastSavepoint)
        restore = m.lastSavepoint;
    QJsonObject target = last.spec;
    if (restore)
        target = withJob(target, u"upgradeMode"_s, u"savepoint"_s);
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    if (restore)
        jobStatus.insert(u"upgradeSavepointPath"_s, restore->externalPath);
    c.status.insert(u"jobStatus"_s, jobStatus);
    submit(c, target, restore, false);
}

void SessionJobSimulation::Private::reconcileSpecChange(Context &c, DiffType type, QJsonObject target,
                                                        const ReconciledSpec &last)
{
    SessionJob &m = c.m;
    const QString current = jobStateOf(last.spec);
    const QString desired = jobStateOf(target);
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();

    if (type == DiffType::SavepointRedeploy) {
        // Redeploy from job.initialSavepointPath: cancel without keeping state, then submit from it.
        const QString path = jobOf(target).value(u"initialSavepointPath"_s).toString();
        if (m.alive())
            m.job.stop(c.now, u"CANCELED"_s);
        target = withJob(target, u"upgradeMode"_s, u"savepoint"_s);
        jobStatus.insert(u"upgradeSavepointPath"_s, path);
        c.status.insert(u"jobStatus"_s, jobStatus);
        m.lastSavepoint = CheckpointRecord{0, c.now, c.now, 0, path, true};
        if (desired == u"running"_s) {
            submit(c, target, m.lastSavepoint, false);
            rs = c.status.value(u"reconciliationStatus"_s).toObject();
        } else {
            jobStatus.insert(u"state"_s, u"CANCELED"_s);
            c.status.insert(u"jobStatus"_s, jobStatus);
            rs.insert(u"lastReconciledSpec"_s, serializeReconciled(target, c.generation, false));
            rs.insert(u"state"_s, u"DEPLOYED"_s);
            rs.insert(u"reconciliationTimestamp"_s, c.now);
            c.status.insert(u"observedGeneration"_s, c.generation);
        }
        // The redeployed spec counts as stable (markReconciledSpecAsStable).
        rs.insert(u"lastStableSpec"_s, rs.value(u"lastReconciledSpec"_s));
        c.status.insert(u"reconciliationStatus"_s, rs);
        return;
    }

    if (current == u"running"_s) {
        if (c.now < m.nextUpgradeAttemptMs)
            return;
        const QString mode = upgradeModeOf(target);
        if (mode == u"savepoint"_s && !m.job.canSnapshot()) {
            const QString message
                = u"Savepoint for job %1 could not be taken: the job is not running healthily (state %2)"_s.arg(
                    m.job.jobId(), m.job.state());
            reportError(c, kUpgradeFailure, u"SavepointError"_s, message);
            m.nextUpgradeAttemptMs = c.now + kUpgradeRetryMs;
            return;
        }
        event(c, kNormal, u"Suspended"_s, kMsgSuspended);
        m.stopping = true;
        m.stopMode = mode;
        m.stopDoneMs = c.now + (mode == u"savepoint"_s ? kSavepointStopMs : kCancelMs);
        m.stopTarget = withJob(target, u"upgradeMode"_s, mode);
        m.stopThenDeploy = desired == u"running"_s;
        m.stopGeneration = c.generation;
        return;
    }

    if (current == u"suspended"_s && desired == u"running"_s) {
        // Resume: from the upgrade savepoint, or for last-state the checkpoint the job was cancelled at.
        const QString mode = upgradeModeOf(target);
        std::optional<CheckpointRecord> restore;
        const QString path = jobStatus.value(u"upgradeSavepointPath"_s).toString();
        if (mode != u"stateless"_s && !path.isEmpty()) {
            if (m.lastSavepoint && m.lastSavepoint->externalPath == path)
                restore = m.lastSavepoint;
            else if (m.lastCheckpoint && m.lastCheckpoint->externalPath == path)
                restore = m.lastCheckpoint;
            else
                restore = CheckpointRecord{0, c.now, c.now, 0, path, true};
        }
        rs.insert(u"lastReconciledSpec"_s,
                  serializeReconciled(withJob(target, u"state"_s, u"suspended"_s), c.generation, false));
        rs.insert(u"state"_s, u"UPGRADING"_s);
        rs.insert(u"reconciliationTimestamp"_s, c.now);
        c.status.insert(u"reconciliationStatus"_s, rs);
        flush(c);
        submit(c, target, restore, false);
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

void SessionJobSimulation::Private::finishStop(Context &c)
{
    SessionJob &m = c.m;
    m.stopping = false;
    const QString jobId = m.job.jobId();
    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    QString finalState = u"CANCELED"_s;
    std::optional<CheckpointRecord> restore;
    if (m.stopMode == u"savepoint"_s && m.alive() && m.job.canSnapshot()) {
        const QString dir = confString(effectiveConf(c, m.stopTarget), u"state.savepoints.dir"_s);
        const QString path = u"%1/savepoint-%2-%3"_s.arg(dir, jobId.left(6), host.hex(12));
        const CheckpointRecord savepoint = m.job.completeSavepoint(c.now, path);
        m.lastSavepoint = savepoint;
        restore = savepoint;
        host.createSnapshot(c.object, u"UPGRADE"_s, savepoint, c.now);
        jobStatus.insert(u"upgradeSavepointPath"_s, path);
        QJsonObject info = jobStatus.value(u"savepointInfo"_s).toObject();
        info.insert(u"lastSavepoint"_s,
                    QJsonObject{{u"timeStamp"_s, c.now},
                                {u"location"_s, path},
                                {u"triggerType"_s, u"UPGRADE"_s},
                                {u"formatType"_s, u"CANONICAL"_s}});
        jobStatus.insert(u"savepointInfo"_s, info);
        finalState = u"FINISHED"_s;
    } else if (m.stopMode == u"last-state"_s) {
        // A session job has no HA metadata of its own: last-state cancels and keeps the latest checkpoint.
        m.lastCheckpoint = m.job.latestCheckpoint() ? m.job.latestCheckpoint() : m.lastCheckpoint;
        restore = m.lastCheckpoint;
        if (restore)
            jobStatus.insert(u"upgradeSavepointPath"_s, restore->externalPath);
    } else {
        jobStatus.remove(u"upgradeSavepointPath"_s);
    }
    if (m.alive())
        m.job.stop(c.now, finalState);
    jobStatus.insert(u"state"_s, finalState);
    jobStatus.insert(u"updateTime"_s, QString::number(c.now));
    c.status.insert(u"jobStatus"_s, jobStatus);

    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    if (m.stopThenDeploy) {
        rs.insert(u"lastReconciledSpec"_s,
                  serializeReconciled(withJob(m.stopTarget, u"state"_s, u"suspended"_s), m.stopGeneration, false));
        rs.insert(u"state"_s, u"UPGRADING"_s);
    } else {
        rs.insert(u"lastReconciledSpec"_s, serializeReconciled(m.stopTarget, m.stopGeneration, false));
        rs.insert(u"state"_s, u"DEPLOYED"_s);
    }
    rs.insert(u"reconciliationTimestamp"_s, c.now);
    c.status.insert(u"reconciliationStatus"_s, rs);
    c.status.insert(u"observedGeneration"_s, m.stopGeneration);
    c.status.remove(u"error"_s);
    m.reportedError.clear();
    if (m.stopThenDeploy && c.clusterReady) {
        flush(c);
        submit(c, m.stopTarget, restore, false);
    } else if (m.stopThenDeploy) {
        m.missing = true; // the cluster went away meanwhile: submitted when it is back
    }
}

void SessionJobSimulation::Private::submit(Context &c, const QJsonObject &target,
                                           const std::optional<CheckpointRecord> &restore, bool firstDeployment)
{
    SessionJob &m = c.m;
    const JobSettings settings = settingsFor(c, target);
    const QString jobId = sessionJobId(m.uid, c.generation);
    m.job.submit(c.now, settings, jobId, restore, restore ? restore->id + 1 : 1);
    m.clusterSerial = c.cluster->deploymentSerial();
    m.missing = false;
    m.reportedExceptionMs = c.now;
    m.nextUpgradeAttemptMs = 0;
    m.reportedError.clear();
    event(c, kNormal, u"Submit"_s, kMsgSubmit);

    QJsonObject jobStatus = c.status.value(u"jobStatus"_s).toObject();
    jobStatus.insert(u"jobId"_s, jobId);
    jobStatus.insert(u"jobName"_s, settings.jobName);
    jobStatus.insert(u"state"_s, u"RECONCILING"_s);
    jobStatus.insert(u"updateTime"_s, QString::number(c.now));
    if (!jobStatus.contains(u"savepointInfo"_s))
        jobStatus.insert(u"savepointInfo"_s,
                         QJsonObject{{u"lastPeriodicSavepointTimestamp"_s, 0}, {u"savepointHistory"_s, QJsonArray()}});
    if (!jobStatus.contains(u"checkpointInfo"_s))
        jobStatus.insert(u"checkpointInfo"_s, QJsonObject{{u"lastPeriodicCheckpointTimestamp"_s, 0}});
    c.status.insert(u"jobStatus"_s, jobStatus);
    QJsonObject rs = c.status.value(u"reconciliationStatus"_s).toObject();
    rs.insert(u"lastReconciledSpec"_s, serializeReconciled(target, c.generation, firstDeployment));
    rs.insert(u"state"_s, u"DEPLOYED"_s);
    rs.insert(u"reconciliationTimestamp"_s, c.now);
    c.status.insert(u"reconciliationStatus"_s, rs);
    c.status.insert(u"observedGeneration"_s, c.generation);
    c.status.remove(u"error"_s);
}

void SessionJobSimulation::Private::flush(Context &c)
{
    // CommonStatus.getLifecycleState of the operator.
    QJsonObject &status = c.status;
    const QJsonObject rs = status.value(u"reconciliationStatus"_s).toObject();
    const ReconciledSpec last = parseReconciled(rs.value(u"lastReconciledSpec"_s).toString());
    const QString state = rs.value(u"state"_s).toString();
    QString lifecycle;
    if (!last.valid)
        lifecycle = status.value(u"error"_s).toString().isEmpty() ? u"CREATED"_s : u"FAILED"_s;
    else if (state == u"UPGRADING"_s)
        lifecycle = u"UPGRADING"_s;
    else if (jobStateOf(last.spec) == u"suspended"_s)
        lifecycle = u"SUSPENDED"_s;
    else if (status.value(u"jobStatus"_s).toObject().value(u"state"_s).toString() == u"FAILED"_s)
        lifecycle = u"FAILED"_s;
    else if (parseReconciled(rs.value(u"lastStableSpec"_s).toString()).spec == last.spec)
        lifecycle = u"STABLE"_s;
    else
        lifecycle = u"DEPLOYED"_s;
    status.insert(u"lifecycleState"_s, lifecycle);

    const QJsonObject shaped = StatusShape::rewrite(status, host.operatorVersion());
    const QJsonObject patch = mergeDiff(c.written, shaped);
    if (patch.isEmpty())
        return;
    WriteOptions options;
    options.subresource = Subresource::Status;
    const StoreResult r = store.mergePatch(kSessionJobs, c.m.ns, c.m.name, QJsonObject{{u"status"_s, patch}}, options);
    if (!r.ok()) {
        qCDebug(lcSandboxServer) << "operator: status update of session job" << c.m.name << "failed:" << r.code;
        return;
    }
    c.written = shaped;
    c.object = r.object;
}

} // namespace capstan::sandbox
