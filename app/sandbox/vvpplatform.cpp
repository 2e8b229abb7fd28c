#include "sandbox/vvpplatform.h"

#include "sandbox/flinkjobmodel.h"
#include "sandbox/jobmanagerapi.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/prometheusexporter.h"
#include "sandbox/resourcestore.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kSavepointMs = 2000; // a savepoint's trigger → completion
constexpr qint64 kSavepointRetryMs = 5000; // next attempt when the job cannot take one
constexpr qint64 kTerminateMs = 1000; // TERMINATING → TERMINATED
constexpr qint64 kFailedRestartMs = 10000; // FAILED → the next Job while spec.state is RUNNING
constexpr qint64 kStepMs = 250; // reconcile resolution while something is in progress
constexpr qint64 kMaxCatchUpMs = 3600 * 1000; // a longer gap is skipped, not stepped through
constexpr int kDefaultAttempts = 4; // maxSavepointCreationAttempts, maxJobCreationAttempts
constexpr int kDefaultRestartAttempts = 3;
constexpr size_t kMaxEvents = 20000;

const QString kRunning = u"RUNNING"_s;
const QString kSuspended = u"SUSPENDED"_s;
const QString kCancelled = u"CANCELLED"_s;
const QString kTransitioning = u"TRANSITIONING"_s;
const QString kFailed = u"FAILED"_s;
const QString kCompleted = u"COMPLETED"_s;
const QString kRetained = u"RETAINED_CHECKPOINT"_s;

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString reasonOf(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 409:
        return u"Conflict"_s;
    case 415:
        return u"Unsupported Media Type"_s;
    default:
        return u"Error"_s;
    }
}

QJsonObject listOf(const QJsonArray &items)
{
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"ResourceList"_s},
            {u"metadata"_s, QJsonObject()},
            {u"items"_s, items}};
}

// The records `keep` accepts, newest first, as a list of what `toJson` makes of them.
template <typename Record, typename Keep, typename ToJson>
QJsonObject newestFirst(const std::vector<Record> &records, Keep keep, ToJson toJson)
{
    std::vector<const Record *> matched;
    for (const Record &r : records) {
        if (keep(r))
            matched.push_back(&r);
    }
    std::stable_sort(matched.begin(), matched.end(), [](auto a, auto b) { return a->createdMs > b->createdMs; });
    QJsonArray items;
    for (const Record *r : matched)
        items.append(toJson(*r));
    return listOf(items);
}

template <typename Record>
Record *byId(std::vector<Record> &records, const QString &id)
{
    const auto it = std::find_if(records.begin(), records.end(), [&](const Record &r) { return r.id == id; });
    return it == records.end() ? nullptr : &*it;
}

// A resource as the platform writes it; an empty status is left out.
QJsonObject envelope(const QString &kind, const QJsonObject &metadata, const QJsonObject &spec,
                     const QJsonObject &status = {})
{
    QJsonObject o{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, kind}, {u"metadata"_s, metadata}, {u"spec"_s, spec}};
    if (!status.isEmpty())
        o.insert(u"status"_s, status);
    return o;
}

QJsonValue at(const QJsonObject &o, const QString &dotted)
{
    QJsonValue v = o;
    for (const QString &part : dotted.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

// "10s", "10 s", "1min", "2 m", "500ms", "1h" or plain milliseconds (Flink's Duration syntax).
qint64 parseFlinkDuration(const QString &text)
{
    static const QRegularExpression re(u"^\\s*(\\d+)\\s*([a-z]*)\\s*$"_s);
    const auto m = re.match(text.toLower());
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (unit.isEmpty() || unit == u"ms"_s || unit.startsWith(u"milli"_s))
        return n;
    if (unit == u"s"_s || unit.startsWith(u"sec"_s))
        return n * 1000;
    if (unit == u"m"_s || unit.startsWith(u"min"_s))
        return n * 60 * 1000;
    if (unit == u"h"_s || unit.startsWith(u"hour"_s))
        return n * 3600 * 1000;
    if (unit == u"d"_s || unit.startsWith(u"day"_s))
        return n * 24 * 3600 * 1000;
    return 0;
}

qint64 parseMemory(const QString &text)
{
    static const QRegularExpression re(u"^\\s*([0-9.]+)\\s*([a-z]*)\\s*$"_s);
    const auto m = re.match(text.toLower());
    if (!m.hasMatch())
        return 0;
    double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit.startsWith(u'k'))
        v *= 1024;
    else if (unit.startsWith(u'm'))
        v *= 1024.0 * 1024;
    else if (unit.startsWith(u'g'))
        v *= 1024.0 * 1024 * 1024;
    else if (unit.startsWith(u't'))
        v *= 1024.0 * 1024 * 1024 * 1024;
    return qint64(v);
}

// The same switch as the operator simulation's: `--enable-new-feature true` or `--enable-new-feature=true`.
bool mainArgsEnableNewFeature(const QString &mainArgs)
{
    static const QRegularExpression space(u"\\s+"_s);
    const QStringList args = mainArgs.split(space, Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--enable-new-feature=true"_s)
            return true;
        if (args.at(i) == u"--enable-new-feature"_s && i + 1 < args.size()
            && args.at(i + 1).compare(u"true"_s, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString flinkPatchVersion(const QString &version)
{
    static const QHash<QString, QString> patch{{u"1.15"_s, u"1.15.4"_s}, {u"1.16"_s, u"1.16.3"_s},
                                               {u"1.17"_s, u"1.17.2"_s}, {u"1.18"_s, u"1.18.1"_s},
                                               {u"1.19"_s, u"1.19.2"_s}, {u"1.20"_s, u"1.20.1"_s}};
    if (version.isEmpty())
        return u"1.17.2"_s;
    return patch.value(version, version);
}

bool isValidName(const QString &name)
{
    static const QRegularExpression re(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s);
    return name.size() <= 63 && re.match(name).hasMatch();
}

enum class Phase { Idle, Starting, Running, Savepointing, Stopping, FailedWaiting };
enum class After { None, Suspend, Cancel, Upgrade, RestartStateless };

struct SavepointRec
{
    QString id;
    QString ns;
    QString deploymentId;
    QString jobId;
    QString origin;
    QString state;
    QString location;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    int resourceVersion = 1;
    QJsonObject failure;
    QJsonObject annotations;
    CheckpointRecord record; // what a job restores from it (record.ackMs orders "latest")
    qint64 dueMs = -1; // STARTED: the next attempt
    int attempts = 0;
};

struct JobRec
{
    QString id;
    QString ns;
    QString deploymentId;
    QString deploymentName;
    QString state; // STARTING, STARTED, TERMINATING, TERMINATED, FAILED, FINISHED
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    qint64 terminatedMs = -1;
    qint64 startedMs = -1;
    int resourceVersion = 1;
    QJsonObject spec;
    QJsonObject failure;
    int restarts = 0;
    QString flinkStatus;
};

struct EventRec
{
    QString id;
    QString ns;
    QString name;
    QString deploymentId;
    QString jobId;
    QString message;
    qint64 createdMs = 0;
};

struct Condition
{
    QString status;
    qint64 sinceMs = 0;
};

struct DeploymentRec
{
    QString id;
    QString ns;
    QString name;
    QJsonObject metadataExtras; // labels, annotations, displayName
    QJsonObject spec;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    int resourceVersion = 1;
    QString statusState = u"CANCELLED"_s;
    qint64 transitionMs = -1;
    std::map<QString, Condition> conditions;

    QString jobId; // the Job being started, running or stopped
    FlinkJobModel model;
    bool modelActive = false;
    QJsonObject appliedTemplate; // own spec.template and deploymentTargetName the job was created from
    Phase phase = Phase::Idle;
    After after = After::None;
    qint64 dueMs = -1;
    QString savepointId; // SUSPEND or SUSPEND_AND_UPGRADE being taken
    int observedRestarts = 0;
    qint64 nextCheckpointId = 1;
    bool savepointGaveUp = false; // until the next write: no new suspension or upgrade attempts
};

struct NamespaceRec
{
    QString defaultsId;
    QJsonObject defaultsSpec;
    qint64 defaultsCreatedMs = 0;
    qint64 defaultsModifiedMs = 0;
    int defaultsResourceVersion = 1;
    std::map<QString, QJsonObject> resources[3]; // per Kind: name → the stored object
};

QString kindName(VvpPlatform::Kind kind)
{
    switch (kind) {
    case VvpPlatform::Kind::DeploymentTarget:
        return u"DeploymentTarget"_s;
    case VvpPlatform::Kind::SecretValue:
        return u"SecretValue"_s;
    case VvpPlatform::Kind::SessionCluster:
        return u"SessionCluster"_s;
    }
    return {};
}

} // namespace

struct VvpPlatform::Private
{
    Private(VirtualClock &c, quint64 s)
        : clock(c)
        , seed(s)
    {
    }

    VirtualClock &clock;
    quint64 seed;
    quint64 idCounter = 0;
    mutable std::mutex mutex;
    qint64 lastMs = 0;
    std::map<QString, NamespaceRec> namespaces;
    std::vector<DeploymentRec> deployments;
    std::vector<JobRec> jobs;
    std::vector<SavepointRec> savepoints;
    std::deque<EventRec> events;

    QString newId();
    static VvpResult error(int status, const QString &message);
    NamespaceRec *findNamespace(const QString &ns);
    DeploymentRec *findDeployment(const QString &ns, const QString &nameOrId);
    DeploymentRec *deploymentById(const QString &id);
    JobRec *findJob(const QString &id);
    SavepointRec *findSavepoint(const QString &id);
    void ensureNamespace(const QString &ns, qint64 now);

    // JSON of the resources, as the platform writes them.
    QJsonObject deploymentJson(const DeploymentRec &d) const;
    QJsonObject jobJson(const JobRec &j) const;
    QJsonObject savepointJson(const SavepointRec &s) const;
    QJsonObject eventJson(const EventRec &e) const;
    QJsonObject defaultsJson(const QString &ns, const NamespaceRec &n) const;
    QJsonObject resourceJson(Kind kind, const QJsonObject &stored) const;

    QJsonObject effectiveSpec(const DeploymentRec &d) const;
    static QJsonObject ownTemplate(const DeploymentRec &d);
    JobSettings settingsOf(const DeploymentRec &d, const QJsonObject &effective) const;
    static bool kubernetesHa(const QJsonObject &effective);
    static int intSetting(const QJsonObject &effective, const QString &key, int fallback);

    void touch(DeploymentRec &d, qint64 t);
    void touch(JobRec &j, qint64 t);
    void setStatus(DeploymentRec &d, const QString &state, qint64 t);
    void event(const DeploymentRec &d, const QString &name, const QString &message, qint64 t,
               const QString &jobId = {});

    // The simulation.
    void advanceTo(qint64 now);
    bool busy(const DeploymentRec &d) const;
    void step(DeploymentRec &d, qint64 t);
    void observeJob(DeploymentRec &d, qint64 t);
    void pursueDesiredState(DeploymentRec &d, qint64 t);
    void progressPhase(DeploymentRec &d, qint64 t);
    void progressUserSavepoints(DeploymentRec &d, qint64 t);
    void updateConditions(DeploymentRec &d, qint64 t);
    const SavepointRec *restoreCandidate(const DeploymentRec &d, const QString &strategy) const;
    void startJob(DeploymentRec &d, qint64 t, const SavepointRec *restore, const QString &from);
    void beginSavepoint(DeploymentRec &d, qint64 t, const QString &origin, After after);
    void beginStop(DeploymentRec &d, qint64 t, After after);
    void endJob(DeploymentRec &d, qint64 t, const QString &jobState, const QString &flinkState);
    void registerRetainedCheckpoint(DeploymentRec &d, const QString &jobId, qint64 t);
    void failJob(DeploymentRec &d, qint64 t);
    QString savepointLocation(const DeploymentRec &d);

    // Writes.
    QString validateSpec(const QString &ns, const QJsonObject &spec) const;
    VvpResult checkVersion(const QJsonObject &body, int current, const QString &what) const;

    void seedDemo();

    // The Kubernetes namespace of the job's Flink cluster (its Deployment Target's), or empty.
    QString clusterNamespace(const DeploymentRec &d);
    static QString jobManagerServiceName(const QString &jobId);
    QJsonObject clusterLabels(const DeploymentRec &d) const;
};

QString VvpPlatform::Private::newId()
{
    const QByteArray key = QByteArray::number(seed) + ':' + QByteArray::number(++idCounter) + ":vvp";
    const QByteArray h = QCryptographicHash::hash(key, QCryptographicHash::Md5);
    QByteArray bytes = h.left(16);
    bytes[6] = char((quint8(bytes[6]) & 0x0f) | 0x40); // version 4
    bytes[8] = char((quint8(bytes[8]) & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

VvpResult VvpPlatform::Private::error(int status, const QString &message)
{
    return {
        status,
        {{u"kind"_s, u"Error"_s}, {u"statusCode"_s, status}, {u"reason"_s, reasonOf(status)}, {u"message"_s, message}}};
}

NamespaceRec *VvpPlatform::Private::findNamespace(const QString &ns)
{
    const auto it = namespaces.find(ns);
    return it == namespaces.end() ? nullptr : &it->second;
}

DeploymentRec *VvpPlatform::Private::findDeployment(const QString &ns, const QString &nameOrId)
{
    for (DeploymentRec &d : deployments) {
        if (d.ns == ns && (d.name == nameOrId || d.id == nameOrId))
            return &d;
    }
    return nullptr;
}

DeploymentRec *VvpPlatform::Private::deploymentById(const QString &id)
{
    return byId(deployments, id);
}

JobRec *VvpPlatform::Private::findJob(const QString &id)
{
    return byId(jobs, id);
}

SavepointRec *VvpPlatform::Private::findSavepoint(const QString &id)
{
    return byId(savepoints, id);
}

void VvpPlatform::Private::ensureNamespace(const QString &ns, qint64 now)
{
    if (namespaces.count(ns))
        return;
    NamespaceRec n;
    n.defaultsId = newId();
    n.defaultsCreatedMs = now;
    n.defaultsModifiedMs = now;
    // What a fresh platform installation holds: a STATEFUL, LATEST_STATE default with modest resources.
    n.defaultsSpec = QJsonObject{
        {u"upgradeStrategy"_s, QJsonObject{{u"kind"_s, u"STATEFUL"_s}}},
        {u"restoreStrategy"_s, QJsonObject{{u"kind"_s, u"LATEST_STATE"_s}, {u"allowNonRestoredState"_s, false}}},
        {u"deploymentTargetName"_s, u"default"_s},
        {u"maxSavepointCreationAttempts"_s, kDefaultAttempts},
        {u"maxJobCreationAttempts"_s, kDefaultAttempts},
        {u"template"_s,
         QJsonObject{
             {u"spec"_s,
              QJsonObject{{u"parallelism"_s, 1},
                          {u"flinkConfiguration"_s,
                           QJsonObject{{u"execution.checkpointing.interval"_s, u"10s"_s},
                                       {u"execution.checkpointing.externalized-checkpoint-retention"_s,
                                        u"RETAIN_ON_CANCELLATION"_s},
                                       {u"taskmanager.numberOfTaskSlots"_s, u"1"_s}}},
                          {u"resources"_s,
                           QJsonObject{{u"jobmanager"_s, QJsonObject{{u"cpu"_s, 1}, {u"memory"_s, u"1G"_s}}},
                                       {u"taskmanager"_s, QJsonObject{{u"cpu"_s, 1}, {u"memory"_s, u"2G"_s}}}}}}}}}};
    QJsonObject target{{u"id"_s, newId()},
                       {u"name"_s, u"default"_s},
                       {u"createdMs"_s, double(now)},
                       {u"modifiedMs"_s, double(now)},
                       {u"resourceVersion"_s, 1},
                       {u"labels"_s, QJsonObject()},
                       {u"annotations"_s, QJsonObject()},
                       {u"spec"_s, QJsonObject{{u"kubernetes"_s, QJsonObject{{u"namespace"_s, u"vvp-jobs"_s}}}}}};
    n.resources[int(Kind::DeploymentTarget)].emplace(u"default"_s, target);
    namespaces.emplace(ns, n);
}

// ---- JSON ----

QJsonObject VvpPlatform::Private::deploymentJson(const DeploymentRec &d) const
{
    QJsonObject metadata{{u"id"_s, d.id},
                         {u"name"_s, d.name},
                         {u"namespace"_s, d.ns},
                         {u"createdAt"_s, iso(d.createdMs)},
                         {u"modifiedAt"_s, iso(d.modifiedMs)},
                         {u"resourceVersion"_s, d.resourceVersion},
                         {u"labels"_s, d.metadataExtras.value(u"labels"_s).toObject()},
                         {u"annotations"_s, d.metadataExtras.value(u"annotations"_s).toObject()}};
    if (d.metadataExtras.contains(u"displayName"_s))
        metadata.insert(u"displayName"_s, d.metadataExtras.value(u"displayName"_s));
    QJsonObject status{{u"state"_s, d.statusState}};
    if (d.statusState == kRunning) {
        QJsonArray conditions;
        for (const auto &[type, c] : d.conditions) {
            QString reason;
            QString message;
            if (type == u"ClusterUnreachable"_s) {
                reason = c.status == u"True"_s ? u"ClusterUnreachable"_s : u"ClusterReachable"_s;
                message = c.status == u"True"_s ? u"The Flink cluster of the Job is not reachable."_s
                                                : u"The Flink cluster of the Job is reachable."_s;
            } else if (type == u"JobFailing"_s) {
                reason = c.status == u"True"_s ? u"JobFailing"_s : u"JobRunning"_s;
                message = c.status == u"True"_s
                    ? u"The Flink job is failing and restarting (%1 restarts)."_s.arg(d.model.numRestarts())
                    : u"The Flink job is running."_s;
            } else {
                reason = c.status == u"True"_s ? u"JobUnstable"_s : u"JobStable"_s;
                message = c.status == u"True"_s ? u"The Flink job restarted in the last 10 minutes."_s
                                                : u"The Flink job has not restarted in the last 10 minutes."_s;
            }
            conditions.append(QJsonObject{{u"type"_s, type},
                                          {u"status"_s, c.status},
                                          {u"reason"_s, reason},
                                          {u"message"_s, message},
                                          {u"lastTransitionTime"_s, iso(c.sinceMs)},
                                          {u"lastUpdateTime"_s, iso(c.sinceMs)}});
        }
        status.insert(u"running"_s,
                      QJsonObject{{u"jobId"_s, d.jobId},
                                  {u"transitionTime"_s, iso(d.transitionMs)},
                                  {u"conditions"_s, conditions}});
    }
    return envelope(u"Deployment"_s, metadata, d.spec, status);
}

QJsonObject VvpPlatform::Private::jobJson(const JobRec &j) const
{
    QJsonObject metadata{{u"id"_s, j.id},
                         {u"namespace"_s, j.ns},
                         {u"deploymentId"_s, j.deploymentId},
                         {u"deploymentName"_s, j.deploymentName},
                         {u"createdAt"_s, iso(j.createdMs)},
                         {u"modifiedAt"_s, iso(j.modifiedMs)},
                         {u"resourceVersion"_s, j.resourceVersion},
                         {u"annotations"_s, QJsonObject()}};
    if (j.terminatedMs >= 0)
        metadata.insert(u"terminatedAt"_s, iso(j.terminatedMs));
    QJsonObject status{{u"state"_s, j.state}};
    if (j.startedMs >= 0) {
        QString flinkStatus = j.flinkStatus;
        int restarts = j.restarts;
        qint64 updated = j.terminatedMs >= 0 ? j.terminatedMs : j.startedMs;
        for (const DeploymentRec &d : deployments) {
            if (d.jobId == j.id && d.modelActive) {
                flinkStatus = d.model.state();
                restarts = d.model.numRestarts();
                updated = lastMs;
            }
        }
        status.insert(u"started"_s,
                      QJsonObject{{u"flinkJobId"_s, QString(j.id).remove(u'-')},
                                  {u"startedAt"_s, iso(j.startedMs)},
                                  {u"lastUpdateTime"_s, iso(updated)},
                                  {u"observedFlinkJobRestarts"_s, restarts},
                                  {u"observedFlinkJobStatus"_s, flinkStatus}});
    }
    if (!j.failure.isEmpty())
        status.insert(u"failure"_s, j.failure);
    return envelope(u"Job"_s, metadata, j.spec, status);
}

QJsonObject VvpPlatform::Private::savepointJson(const SavepointRec &s) const
{
    QJsonObject metadata{{u"id"_s, s.id},
                         {u"namespace"_s, s.ns},
                         {u"createdAt"_s, iso(s.createdMs)},
                         {u"modifiedAt"_s, iso(s.modifiedMs)},
                         {u"deploymentId"_s, s.deploymentId},
                         {u"origin"_s, s.origin},
                         {u"annotations"_s, s.annotations},
                         {u"resourceVersion"_s, s.resourceVersion}};
    if (!s.jobId.isEmpty())
        metadata.insert(u"jobId"_s, s.jobId);
    QJsonObject spec;
    if (!s.location.isEmpty())
        spec.insert(u"savepointLocation"_s, s.location);
    QJsonObject status{{u"state"_s, s.state}};
    if (!s.failure.isEmpty())
        status.insert(u"failure"_s, s.failure);
    return envelope(u"Savepoint"_s, metadata, spec, status);
}

QJsonObject VvpPlatform::Private::eventJson(const EventRec &e) const
{
    QJsonObject metadata{{u"id"_s, e.id},
                         {u"name"_s, e.name},
                         {u"namespace"_s, e.ns},
                         {u"createdAt"_s, iso(e.createdMs)},
                         {u"deploymentId"_s, e.deploymentId},
                         {u"resourceVersion"_s, 1}};
    if (!e.jobId.isEmpty())
        metadata.insert(u"jobId"_s, e.jobId);
    return envelope(u"Event"_s, metadata, QJsonObject{{u"message"_s, e.message}});
}

QJsonObject VvpPlatform::Private::defaultsJson(const QString &ns, const NamespaceRec &n) const
{
    return envelope(u"DeploymentDefaults"_s,
                    QJsonObject{{u"id"_s, n.defaultsId},
                                {u"name"_s, u"default"_s},
                                {u"namespace"_s, ns},
                                {u"createdAt"_s, iso(n.defaultsCreatedMs)},
                                {u"modifiedAt"_s, iso(n.defaultsModifiedMs)},
                                {u"resourceVersion"_s, n.defaultsResourceVersion},
                                {u"labels"_s, QJsonObject()},
                                {u"annotations"_s, QJsonObject()}},
                    n.defaultsSpec);
}

QJsonObject VvpPlatform::Private::resourceJson(Kind kind, const QJsonObject &stored) const
{
    QJsonObject metadata{{u"id"_s, stored.value(u"id"_s)},
                         {u"name"_s, stored.value(u"name"_s)},
                         {u"namespace"_s, stored.value(u"namespace"_s)},
                         {u"createdAt"_s, iso(qint64(stored.value(u"createdMs"_s).toDouble()))},
                         {u"modifiedAt"_s, iso(qint64(stored.value(u"modifiedMs"_s).toDouble()))},
                         {u"resourceVersion"_s, stored.value(u"resourceVersion"_s)},
                         {u"labels"_s, stored.value(u"labels"_s).toObject()},
                         {u"annotations"_s, stored.value(u"annotations"_s).toObject()}};
    QJsonObject spec = stored.value(u"spec"_s).toObject();
    if (kind == Kind::SecretValue)
        spec.remove(u"value"_s); // write-only: the platform never hands a value back
    QJsonObject out = envelope(kindName(kind), metadata, spec);
    if (kind == Kind::SessionCluster) {
        const bool running = spec.value(u"state"_s).toString() == kRunning;
        QJsonObject status{{u"state"_s, running ? kRunning : u"STOPPED"_s}};
        if (running) {
            const QString since = iso(qint64(stored.value(u"runningSinceMs"_s).toDouble()));
            status.insert(u"running"_s, QJsonObject{{u"startedAt"_s, since}, {u"lastUpdateTime"_s, since}});
        }
        out.insert(u"status"_s, status);
    }
    return out;
}

// ---- spec ----

QJsonObject VvpPlatform::Private::effectiveSpec(const DeploymentRec &d) const
{
    const auto it = namespaces.find(d.ns);
    if (it == namespaces.end())
        return d.spec;
    return applyMergePatch(it->second.defaultsSpec, d.spec);
}

QJsonObject VvpPlatform::Private::ownTemplate(const DeploymentRec &d)
{
    return {{u"template"_s, d.spec.value(u"template"_s)},
            {u"deploymentTargetName"_s, d.spec.value(u"deploymentTargetName"_s)}};
}

bool VvpPlatform::Private::kubernetesHa(const QJsonObject &effective)
{
    const QString ha
        = at(effective, u"template.spec.flinkConfiguration"_s).toObject().value(u"high-availability"_s).toString();
    return !ha.isEmpty() && ha.compare(u"none"_s, Qt::CaseInsensitive) != 0;
}

int VvpPlatform::Private::intSetting(const QJsonObject &effective, const QString &key, int fallback)
{
    const QJsonValue v = effective.value(key);
    return v.isDouble() && v.toInt() > 0 ? v.toInt() : fallback;
}

JobSettings VvpPlatform::Private::settingsOf(const DeploymentRec &d, const QJsonObject &effective) const
{
    const QJsonObject tspec = at(effective, u"template.spec"_s).toObject();
    const QJsonObject conf = tspec.value(u"flinkConfiguration"_s).toObject();
    const QJsonObject artifact = tspec.value(u"artifact"_s).toObject();
    JobSettings s;
    s.deploymentName = d.name;
    s.jobName = d.name;
    s.parallelism = std::max(1, tspec.value(u"parallelism"_s).toInt(1));
    s.taskSlots = std::max(1, conf.value(u"taskmanager.numberOfTaskSlots"_s).toString().toInt());
    s.checkpointIntervalMs = parseFlinkDuration(conf.value(u"execution.checkpointing.interval"_s).toString());
    s.checkpointsDir = conf.value(u"state.checkpoints.dir"_s).toString();
    if (s.checkpointsDir.isEmpty())
        s.checkpointsDir = u"s3://vvp/flink-checkpoints/namespaces/%1/deployments/%2"_s.arg(d.ns, d.id);
    s.failing = mainArgsEnableNewFeature(artifact.value(u"mainArgs"_s).toString());
    s.flinkVersion = flinkPatchVersion(artifact.value(u"flinkVersion"_s).toString());
    s.flinkConfiguration = conf;
    const QJsonObject tm = tspec.value(u"resources"_s).toObject().value(u"taskmanager"_s).toObject();
    if (tm.value(u"cpu"_s).toDouble() > 0)
        s.taskManagerCpu = tm.value(u"cpu"_s).toDouble();
    if (const qint64 memory = parseMemory(tm.value(u"memory"_s).toString()); memory > 0)
        s.taskManagerMemoryBytes = memory;
    return s;
}

// ---- bookkeeping ----

void VvpPlatform::Private::touch(DeploymentRec &d, qint64 t)
{
    ++d.resourceVersion;
    d.modifiedMs = std::max(d.modifiedMs, t);
}

void VvpPlatform::Private::touch(JobRec &j, qint64 t)
{
    ++j.resourceVersion;
    j.modifiedMs = std::max(j.modifiedMs, t);
}

void VvpPlatform::Private::setStatus(DeploymentRec &d, const QString &state, qint64 t)
{
    if (d.statusState == state)
        return;
    d.statusState = state;
    if (state == kRunning) {
        d.transitionMs = t;
        d.conditions.clear();
        updateConditions(d, t);
    }
    touch(d, t);
}

void VvpPlatform::Private::event(const DeploymentRec &d, const QString &name, const QString &message, qint64 t,
                                 const QString &jobId)
{
    events.push_back({newId(), d.ns, name, d.id, jobId, message, t});
    while (events.size() > kMaxEvents)
        events.pop_front();
}

QString VvpPlatform::Private::savepointLocation(const DeploymentRec &d)
{
    const QString id = newId();
    return u"s3://vvp/flink-savepoints/namespaces/%1/deployments/%2/savepoint-%3-%4"_s.arg(
        d.ns, d.id, QString(d.jobId).remove(u'-').left(6), QString(id).remove(u'-').left(12));
}

// ---- simulation ----

void VvpPlatform::Private::advanceTo(qint64 now)
{
    if (now - lastMs > kMaxCatchUpMs)
        lastMs = now - kMaxCatchUpMs;
    qint64 t = lastMs;
    while (t < now) {
        const bool anyBusy
            = std::any_of(deployments.begin(), deployments.end(), [this](const DeploymentRec &d) { return busy(d); });
        t = anyBusy ? std::min(now, t + kStepMs) : now;
        for (DeploymentRec &d : deployments)
            step(d, t);
    }
    // Once more at now: writes since the last call are acted upon without time passing.
    for (DeploymentRec &d : deployments)
        step(d, now);
    lastMs = std::max(lastMs, now);
}

bool VvpPlatform::Private::busy(const DeploymentRec &d) const
{
    if (d.phase != Phase::Idle && d.phase != Phase::Running)
        return true;
    if (d.modelActive && (d.model.settings().failing || d.model.state() != kRunning))
        return true;
    return std::any_of(savepoints.begin(), savepoints.end(),
                       [&d](const SavepointRec &s) { return s.deploymentId == d.id && s.state == u"STARTED"_s; });
}

void VvpPlatform::Private::step(DeploymentRec &d, qint64 t)
{
    if (d.modelActive)
        d.model.advance(t);
    observeJob(d, t);
    pursueDesiredState(d, t);
    progressPhase(d, t);
    progressUserSavepoints(d, t);
    if (d.statusState == kRunning)
        updateConditions(d, t);
}

void VvpPlatform::Private::observeJob(DeploymentRec &d, qint64 t)
{
    JobRec *job = findJob(d.jobId);
    if (!d.modelActive || !job)
        return;
    if (job->state == u"STARTING"_s && d.model.state() == kRunning) {
        job->state = u"STARTED"_s;
        job->startedMs = d.model.stateSinceMs();
        job->flinkStatus = kRunning;
        touch(*job, t);
        event(d, u"JOB_SUCCESSFULLY_STARTED"_s,
              u"Job %1 started successfully as Flink job %2."_s.arg(job->id, QString(job->id).remove(u'-')), t,
              job->id);
        if (d.phase == Phase::Starting) {
            d.phase = Phase::Running;
            setStatus(d, kRunning, t);
            event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state RUNNING."_s, t, job->id);
        }
    }
    const int restarts = d.model.numRestarts();
    if (restarts > d.observedRestarts) {
        d.observedRestarts = restarts;
        job->restarts = restarts;
        const int attempts = [&] {
            const QJsonObject conf = at(effectiveSpec(d), u"template.spec.flinkConfiguration"_s).toObject();
            const int n = conf.value(u"restart-strategy.fixed-delay.attempts"_s).toString().toInt();
            return n > 0 ? n : kDefaultRestartAttempts;
        }();
        if (restarts > attempts && (d.phase == Phase::Running || d.phase == Phase::Starting))
            failJob(d, t);
    }
}

void VvpPlatform::Private::failJob(DeploymentRec &d, qint64 t)
{
    QString message = u"The Flink job failed."_s;
    if (!d.model.exceptions().empty())
        message = d.model.exceptions().back().stacktrace.section(u'\n', 0, 0);
    const QString jobId = d.jobId;
    endJob(d, t, kFailed, kFailed);
    if (JobRec *job = findJob(jobId)) {
        job->failure
            = QJsonObject{{u"reason"_s, u"FlinkJobFailed"_s},
                          {u"message"_s, u"Flink job %1 failed: %2"_s.arg(QString(jobId).remove(u'-'), message)},
                          {u"failedAt"_s, iso(t)}};
    }
    event(d, u"TERMINATING_A_JOB_DUE_TO_AN_UNRECOVERABLE_FAILURE"_s,
          u"Job %1 failed with an unrecoverable failure and is terminated: %2"_s.arg(jobId, message), t, jobId);
    setStatus(d, kFailed, t);
    d.phase = Phase::FailedWaiting;
    d.dueMs = t + kFailedRestartMs;
}

void VvpPlatform::Private::pursueDesiredState(DeploymentRec &d, qint64 t)
{
    const QJsonObject effective = effectiveSpec(d);
    const QString desired = effective.value(u"state"_s).toString(kRunning);
    if (desired == kRunning) {
        if ((d.phase == Phase::Idle && d.statusState != kRunning)
            || (d.phase == Phase::FailedWaiting && t >= d.dueMs)) {
            const QString strategy = at(effective, u"restoreStrategy.kind"_s).toString(u"LATEST_SAVEPOINT"_s);
            event(d, u"STATE_TRANSITION_IS_NEEDED"_s,
                  u"Transitioning the Deployment from %1 to RUNNING."_s.arg(d.statusState), t);
            startJob(d, t, restoreCandidate(d, strategy), strategy);
            return;
        }
        if (d.phase == Phase::Running && ownTemplate(d) != d.appliedTemplate && !d.savepointGaveUp) {
            const QString upgrade = at(effective, u"upgradeStrategy.kind"_s).toString(u"STATEFUL"_s);
            if (upgrade == u"NONE"_s)
                return; // applied at the next start
            event(
                d, u"USING_AN_UPGRADE_STRATEGY"_s,
                u"The Deployment template changed; upgrading the running Job with upgrade strategy %1."_s.arg(upgrade),
                t, d.jobId);
            setStatus(d, kTransitioning, t);
            if (upgrade == u"STATEFUL"_s)
                beginSavepoint(d, t, u"SUSPEND_AND_UPGRADE"_s, After::Upgrade);
            else
                beginStop(d, t, After::RestartStateless);
        }
        return;
    }
    if (desired == kSuspended) {
        if (d.phase == Phase::Running && !d.savepointGaveUp) {
            event(d, u"STATE_TRANSITION_IS_NEEDED"_s, u"Transitioning the Deployment from RUNNING to SUSPENDED."_s, t);
            event(d, u"CREATING_A_SAVEPOINT_BEFORE_SUSPENSION"_s,
                  u"Creating a savepoint of Job %1 before suspending it."_s.arg(d.jobId), t, d.jobId);
            setStatus(d, kTransitioning, t);
            beginSavepoint(d, t, u"SUSPEND"_s, After::Suspend);
        } else if (d.phase == Phase::Savepointing && d.after == After::Upgrade) {
            d.after = After::Suspend; // the savepoint under way serves the suspension
        } else if (d.phase == Phase::FailedWaiting
                   || (d.phase == Phase::Idle && d.statusState != kSuspended && !d.savepointGaveUp)) {
            if (d.statusState == kFailed)
                event(d, u"COULD_NOT_FIND_A_JOB_TO_SUSPEND"_s,
                      u"No running Job to take a savepoint of; the Deployment is suspended without one."_s, t);
            d.phase = Phase::Idle;
            setStatus(d, kSuspended, t);
        }
        return;
    }
    // CANCELLED
    if (d.phase == Phase::Running || d.phase == Phase::Starting
        || (d.phase == Phase::Savepointing && d.after != After::Cancel)) {
        if (SavepointRec *sp = findSavepoint(d.savepointId); sp && sp->state == u"STARTED"_s) {
            sp->state = kFailed;
            sp->failure = QJsonObject{{u"reason"_s, u"Cancelled"_s},
                                      {u"message"_s, u"The Deployment was cancelled before the savepoint completed."_s},
                                      {u"failedAt"_s, iso(t)}};
            sp->modifiedMs = t;
            ++sp->resourceVersion;
        }
        event(d, u"STATE_TRANSITION_IS_NEEDED"_s,
              u"Transitioning the Deployment from %1 to CANCELLED."_s.arg(
                  d.statusState == kTransitioning ? u"RUNNING"_s : d.statusState),
              t);
        setStatus(d, kTransitioning, t);
        beginStop(d, t, After::Cancel);
    } else if (d.phase == Phase::FailedWaiting || (d.phase == Phase::Idle && d.statusState != kCancelled)) {
        d.phase = Phase::Idle;
        setStatus(d, kCancelled, t);
        event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state CANCELLED."_s, t);
    }
}

void VvpPlatform::Private::progressPhase(DeploymentRec &d, qint64 t)
{
    if (d.phase == Phase::Savepointing && t >= d.dueMs) {
        SavepointRec *sp = findSavepoint(d.savepointId);
        if (!sp) {
            d.phase = Phase::Running;
            return;
        }
        if (d.modelActive && d.model.canSnapshot()) {
            sp->record = d.model.completeSavepoint(t, sp->location);
            sp->state = kCompleted;
            sp->modifiedMs = t;
            ++sp->resourceVersion;
            event(d, u"FOUND_A_COMPLETED_SAVEPOINT_READY_FOR_SUSPENSION"_s,
                  u"Savepoint %1 completed at %2."_s.arg(sp->id, sp->location), t, d.jobId);
            const After after = d.after;
            endJob(d, t, u"TERMINATED"_s, u"FINISHED"_s);
            if (after == After::Upgrade) {
                startJob(d, t, sp, u"SUSPEND_AND_UPGRADE"_s);
            } else {
                d.phase = Phase::Idle;
                setStatus(d, kSuspended, t);
                event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state SUSPENDED."_s, t);
            }
            return;
        }
        ++sp->attempts;
        const int allowed = intSetting(effectiveSpec(d), u"maxSavepointCreationAttempts"_s, kDefaultAttempts);
        if (sp->attempts < allowed) {
            event(d, u"RECOVERABLE_FAILURE_WHILE_TRIGGERING_A_SAVEPOINT"_s,
                  u"Job %1 cannot take a savepoint now (Flink job %2); attempt %3 of %4."_s
                      .arg(d.jobId, d.modelActive ? d.model.state() : u"gone"_s)
                      .arg(sp->attempts)
                      .arg(allowed),
                  t, d.jobId);
            d.dueMs = t + kSavepointRetryMs;
            return;
        }
        sp->state = kFailed;
        sp->failure = QJsonObject{{u"reason"_s, u"SavepointFailed"_s},
                                  {u"message"_s, u"The savepoint could not be taken in %1 attempts."_s.arg(allowed)},
                                  {u"failedAt"_s, iso(t)}};
        sp->modifiedMs = t;
        ++sp->resourceVersion;
        event(d, u"TOO_MANY_FAILED_SUSPENSION_ATTEMPTS"_s,
              u"Giving up after %1 failed savepoint attempts; the Job keeps running."_s.arg(allowed), t, d.jobId);
        d.savepointGaveUp = true;
        d.phase = d.modelActive ? Phase::Running : Phase::Idle;
        setStatus(d, kFailed, t);
        return;
    }
    if (d.phase == Phase::Stopping && t >= d.dueMs) {
        const After after = d.after;
        endJob(d, t, u"TERMINATED"_s, u"CANCELED"_s);
        if (after == After::RestartStateless) {
            startJob(d, t, nullptr, u"STATELESS"_s);
        } else {
            d.phase = Phase::Idle;
            setStatus(d, kCancelled, t);
            event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state CANCELLED."_s, t);
        }
    }
}

void VvpPlatform::Private::progressUserSavepoints(DeploymentRec &d, qint64 t)
{
    for (SavepointRec &sp : savepoints) {
        if (sp.deploymentId != d.id || sp.state != u"STARTED"_s || sp.origin != u"USER_REQUEST"_s || t < sp.dueMs)
            continue;
        const bool jobAlive = d.modelActive && d.jobId == sp.jobId;
        if (jobAlive && d.model.canSnapshot()) {
            sp.record = d.model.completeSavepoint(t, sp.location);
            sp.state = kCompleted;
            sp.modifiedMs = t;
            ++sp.resourceVersion;
            event(d, u"TRANSITIONED_TO_COMPLETED"_s, u"Savepoint %1 completed at %2."_s.arg(sp.id, sp.location), t,
                  sp.jobId);
            continue;
        }
        ++sp.attempts;
        const int allowed = intSetting(effectiveSpec(d), u"maxSavepointCreationAttempts"_s, kDefaultAttempts);
        if (jobAlive && sp.attempts < allowed) {
            sp.dueMs = t + kSavepointRetryMs;
            continue;
        }
        sp.state = kFailed;
        sp.failure = QJsonObject{{u"reason"_s, u"SavepointFailed"_s},
                                 {u"message"_s,
                                  jobAlive ? u"The savepoint could not be taken in %1 attempts."_s.arg(allowed)
                                           : u"Job %1 ended before the savepoint completed."_s.arg(sp.jobId)},
                                 {u"failedAt"_s, iso(t)}};
        sp.modifiedMs = t;
        ++sp.resourceVersion;
        event(d, u"AN_UNRECOVERABLE_FAILURE_WHILE_TAKING_A_SAVEPOINT"_s,
              u"Savepoint %1 failed: %2"_s.arg(sp.id, sp.failure.value(u"message"_s).toString()), t, sp.jobId);
    }
}

void VvpPlatform::Private::updateConditions(DeploymentRec &d, qint64 t)
{
    const bool alive = d.modelActive;
    const bool failing = alive
        && (d.model.state() == u"RESTARTING"_s || (d.model.numRestarts() > 0 && d.model.restartsSince(t - 60000) > 0));
    const bool unstable = alive && d.model.restartsSince(t - 600000) > 0;
    const std::pair<QString, bool> now[]
        = {{u"ClusterUnreachable"_s, alive && d.model.jobManagerStatus() != JobManagerStatus::Ready},
           {u"JobFailing"_s, failing},
           {u"JobUnstable"_s, unstable}};
    bool changed = false;
    for (const auto &[type, value] : now) {
        const QString status = value ? u"True"_s : u"False"_s;
        auto it = d.conditions.find(type);
        if (it == d.conditions.end()) {
            d.conditions.emplace(type, Condition{status, t});
        } else if (it->second.status != status) {
            it->second = {status, t};
            changed = true;
        }
    }
    if (changed)
        touch(d, t);
}

const SavepointRec *VvpPlatform::Private::restoreCandidate(const DeploymentRec &d, const QString &strategy) const
{
    if (strategy == u"NONE"_s)
        return nullptr;
    const SavepointRec *best = nullptr;
    for (const SavepointRec &s : savepoints) {
        if (s.deploymentId != d.id || s.state != kCompleted)
            continue;
        if (strategy == u"LATEST_SAVEPOINT"_s && s.origin == kRetained)
            continue;
        // Of two at the same instant, the later resource (kept in order of creation): a copy made just now
        // is newer than the savepoint its deployment's suspension completed in the same millisecond.
        if (!best || s.record.ackMs >= best->record.ackMs)
            best = &s;
    }
    return best;
}

void VvpPlatform::Private::startJob(DeploymentRec &d, qint64 t, const SavepointRec *restore, const QString &from)
{
    const QJsonObject effective = effectiveSpec(d);
    const QJsonObject tspec = at(effective, u"template.spec"_s).toObject();
    JobRec job;
    job.id = newId();
    job.ns = d.ns;
    job.deploymentId = d.id;
    job.deploymentName = d.name;
    job.state = u"STARTING"_s;
    job.createdMs = t;
    job.modifiedMs = t;
    QJsonObject spec;
    for (const QString &key : {u"artifact"_s, u"flinkConfiguration"_s, u"parallelism"_s, u"numberOfTaskManagers"_s,
                               u"resources"_s, u"kubernetes"_s, u"logging"_s}) {
        if (tspec.contains(key))
            spec.insert(key, tspec.value(key));
    }
    const QString target = effective.value(u"deploymentTargetName"_s).toString(u"default"_s);
    const QJsonObject targetObject = namespaces.count(d.ns) && namespaces.at(d.ns).resources[0].count(target)
        ? namespaces.at(d.ns).resources[0].at(target)
        : QJsonObject();
    spec.insert(u"deploymentTarget"_s,
                QJsonObject{{u"kubernetes"_s, at(targetObject, u"spec.kubernetes"_s).toObject()}});
    const bool allowNonRestored = at(effective, u"restoreStrategy.allowNonRestoredState"_s).toBool();
    spec.insert(u"allowNonRestoredState"_s, allowNonRestored);
    std::optional<CheckpointRecord> record;
    if (restore) {
        spec.insert(u"savepointLocation"_s, restore->location);
        CheckpointRecord r = restore->record;
        r.externalPath = restore->location;
        r.savepoint = restore->origin != kRetained;
        record = r;
        d.nextCheckpointId = std::max(d.nextCheckpointId, r.id + 1);
    }
    d.nextCheckpointId = std::max(d.nextCheckpointId, d.model.nextCheckpointId());
    job.spec = spec;
    jobs.push_back(job);

    d.jobId = job.id;
    d.model.deploy(t, settingsOf(d, effective), QString(job.id).remove(u'-'), record, d.nextCheckpointId);
    d.modelActive = true;
    d.observedRestarts = 0;
    d.appliedTemplate = ownTemplate(d);
    d.phase = Phase::Starting;
    d.savepointId.clear();
    setStatus(d, kTransitioning, t);
    event(d, u"CREATING_A_NEW_JOB"_s,
          restore ? u"Creating a new Job %1 restoring from Savepoint %2 (%3, %4)."_s.arg(job.id, restore->id,
                                                                                         restore->origin, from)
                  : u"Creating a new Job %1 without restoring state (%2)."_s.arg(job.id, from),
          t, job.id);
    event(d, u"SPINNING_UP_A_CLUSTER_FOR_A_JOB"_s,
          u"Spinning up a Flink cluster for Job %1 in Deployment Target %2."_s.arg(job.id, target), t, job.id);
}

void VvpPlatform::Private::beginSavepoint(DeploymentRec &d, qint64 t, const QString &origin, After after)
{
    SavepointRec sp;
    sp.id = newId();
    sp.ns = d.ns;
    sp.deploymentId = d.id;
    sp.jobId = d.jobId;
    sp.origin = origin;
    sp.state = u"STARTED"_s;
    sp.createdMs = t;
    sp.modifiedMs = t;
    sp.location = savepointLocation(d);
    savepoints.push_back(sp);
    d.savepointId = sp.id;
    d.phase = Phase::Savepointing;
    d.after = after;
    d.dueMs = t + kSavepointMs;
    event(d, u"SUCCESSFULLY_TRIGGERED_A_SAVEPOINT"_s,
          u"Triggered savepoint %1 (%2) of Job %3."_s.arg(sp.id, origin, d.jobId), t, d.jobId);
}

void VvpPlatform::Private::beginStop(DeploymentRec &d, qint64 t, After after)
{
    if (JobRec *job = findJob(d.jobId); job && job->terminatedMs < 0) {
        job->state = u"TERMINATING"_s;
        touch(*job, t);
    }
    event(d, u"FOUND_A_JOB_TO_TERMINATE"_s, u"Terminating Job %1."_s.arg(d.jobId), t, d.jobId);
    d.phase = Phase::Stopping;
    d.after = after;
    d.dueMs = t + kTerminateMs;
}

void VvpPlatform::Private::endJob(DeploymentRec &d, qint64 t, const QString &jobState, const QString &flinkState)
{
    if (d.modelActive) {
        d.model.stop(t, flinkState);
        d.modelActive = false;
        d.nextCheckpointId = std::max(d.nextCheckpointId, d.model.nextCheckpointId());
    }
    if (JobRec *job = findJob(d.jobId); job && job->terminatedMs < 0) {
        job->state = jobState;
        job->terminatedMs = t;
        job->flinkStatus = flinkState;
        job->restarts = d.model.numRestarts();
        touch(*job, t);
    }
    registerRetainedCheckpoint(d, d.jobId, t);
    d.savepointId.clear();
    d.after = After::None;
}

void VvpPlatform::Private::registerRetainedCheckpoint(DeploymentRec &d, const QString &jobId, qint64 t)
{
    const std::optional<CheckpointRecord> latest = d.model.latestCheckpoint();
    if (!latest || latest->savepoint || !kubernetesHa(effectiveSpec(d)))
        return;
    for (const SavepointRec &s : savepoints) {
        if (s.deploymentId == d.id && s.state == kCompleted && s.record.ackMs >= latest->ackMs)
            return; // not newer than what the platform already holds
    }
    SavepointRec sp;
    sp.id = newId();
    sp.ns = d.ns;
    sp.deploymentId = d.id;
    sp.jobId = jobId;
    sp.origin = kRetained;
    sp.state = kCompleted;
    sp.createdMs = t;
    sp.modifiedMs = t;
    sp.location = latest->externalPath;
    sp.record = *latest;
    savepoints.push_back(sp);
}

// ---- writes ----

QString VvpPlatform::Private::validateSpec(const QString &ns, const QJsonObject &spec) const
{
    const auto oneOf = [&](const QString &path, const QStringList &allowed) -> QString {
        const QJsonValue v = at(spec, path);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString() || !allowed.contains(v.toString()))
            return u"spec.%1 must be one of %2."_s.arg(path, allowed.join(u", "_s));
        return {};
    };
    for (const QString &e : {oneOf(u"state"_s, {kRunning, kSuspended, kCancelled}),
                             oneOf(u"upgradeStrategy.kind"_s, {u"STATEFUL"_s, u"STATELESS"_s, u"NONE"_s}),
                             oneOf(u"restoreStrategy.kind"_s, {u"LATEST_STATE"_s, u"LATEST_SAVEPOINT"_s, u"NONE"_s}),
                             oneOf(u"template.spec.artifact.kind"_s, {u"JAR"_s, u"SQLSCRIPT"_s, u"PYTHON"_s})}) {
        if (!e.isEmpty())
            return e;
    }
    const QJsonValue parallelism = at(spec, u"template.spec.parallelism"_s);
    if (!parallelism.isUndefined() && !parallelism.isNull() && (!parallelism.isDouble() || parallelism.toInt() < 1))
        return u"spec.template.spec.parallelism must be a positive integer."_s;
    const QJsonValue flinkConfiguration = at(spec, u"template.spec.flinkConfiguration"_s);
    if (flinkConfiguration.isObject()) {
        const QJsonObject conf = flinkConfiguration.toObject();
        for (auto it = conf.begin(); it != conf.end(); ++it) {
            if (!it.value().isString())
                return u"spec.template.spec.flinkConfiguration.%1 must be a string."_s.arg(it.key());
        }
    }
    const QString target = spec.value(u"deploymentTargetName"_s).toString();
    if (!target.isEmpty()) {
        const auto n = namespaces.find(ns);
        if (n == namespaces.end() || !n->second.resources[0].count(target))
            return u"Deployment Target '%1' does not exist in namespace '%2'."_s.arg(target, ns);
    }
    return {};
}

VvpResult VvpPlatform::Private::checkVersion(const QJsonObject &body, int current, const QString &what) const
{
    const QJsonValue rv = at(body, u"metadata.resourceVersion"_s);
    if (rv.isUndefined() || rv.isNull())
        return {};
    const int given = rv.isString() ? rv.toString().toInt() : rv.toInt();
    if (given != current)
        return error(409,
                     u"%1 was modified concurrently: the request carries resourceVersion %2, the current one is %3. "
                     "Fetch it again and retry."_s.arg(what)
                         .arg(given)
                         .arg(current));
    return {};
}

// ---- demo ----

void VvpPlatform::Private::seedDemo()
{
    const qint64 now = clock.nowMs();
    const qint64 hour = 3600 * 1000;
    const qint64 day = 24 * hour;
    lastMs = now;
    ensureNamespace(u"default"_s, now - 30 * day);
    NamespaceRec &ns = namespaces.at(u"default"_s);
    // The installation predates the demo's history.
    ns.defaultsCreatedMs = ns.defaultsModifiedMs = now - 30 * day;
    for (auto &[name, target] : ns.resources[int(Kind::DeploymentTarget)]) {
        target.insert(u"createdMs"_s, double(now - 30 * day));
        target.insert(u"modifiedMs"_s, double(now - 30 * day));
    }
    {
        QJsonObject s{{u"id"_s, newId()},
                      {u"name"_s, u"kafka-password"_s},
                      {u"namespace"_s, u"default"_s},
                      {u"createdMs"_s, double(now - 20 * day)},
                      {u"modifiedMs"_s, double(now - 20 * day)},
                      {u"resourceVersion"_s, 1},
                      {u"labels"_s, QJsonObject()},
                      {u"annotations"_s, QJsonObject()},
                      {u"spec"_s, QJsonObject{{u"kind"_s, u"GENERIC"_s}, {u"value"_s, u"sandbox-kafka-secret"_s}}}};
        ns.resources[int(Kind::SecretValue)].emplace(u"kafka-password"_s, s);
    }

    struct PastJob
    {
        qint64 startMs;
        qint64 endMs; // -1: running now
        QString endState;
        QString restoreId;
    };
    const auto makeDeployment = [&](const QString &name, qint64 createdMs, const QJsonObject &spec) -> DeploymentRec & {
        DeploymentRec d;
        d.id = newId();
        d.ns = u"default"_s;
        d.name = name;
        d.metadataExtras = QJsonObject{{u"labels"_s, QJsonObject{{u"team"_s, u"data-platform"_s}}},
                                       {u"annotations"_s, QJsonObject()}};
        d.spec = spec;
        d.createdMs = createdMs;
        d.modifiedMs = createdMs;
        deployments.push_back(d);
        return deployments.back();
    };
    const auto pastJob = [&](DeploymentRec &d, const PastJob &p) -> JobRec & {
        JobRec j;
        j.id = newId();
        j.ns = d.ns;
        j.deploymentId = d.id;
        j.deploymentName = d.name;
        j.createdMs = p.startMs - 10000;
        j.modifiedMs = p.endMs >= 0 ? p.endMs : p.startMs;
        j.startedMs = p.startMs;
        j.terminatedMs = p.endMs;
        j.state = p.endMs >= 0 ? p.endState : u"STARTED"_s;
        j.flinkStatus = p.endMs >= 0 ? (p.endState == kFailed ? kFailed : u"CANCELED"_s) : kRunning;
        j.resourceVersion = p.endMs >= 0 ? 4 : 2;
        const QJsonObject tspec = at(effectiveSpec(d), u"template.spec"_s).toObject();
        j.spec = QJsonObject{
            {u"artifact"_s, tspec.value(u"artifact"_s)},
            {u"flinkConfiguration"_s, tspec.value(u"flinkConfiguration"_s)},
            {u"parallelism"_s, tspec.value(u"parallelism"_s).toInt(1)},
            {u"resources"_s, tspec.value(u"resources"_s)},
            {u"allowNonRestoredState"_s, false},
            {u"deploymentTarget"_s, QJsonObject{{u"kubernetes"_s, QJsonObject{{u"namespace"_s, u"vvp-jobs"_s}}}}}};
        if (const SavepointRec *sp = findSavepoint(p.restoreId))
            j.spec.insert(u"savepointLocation"_s, sp->location);
        jobs.push_back(j);
        event(d, u"CREATING_A_NEW_JOB"_s,
              p.restoreId.isEmpty() ? u"Creating a new Job %1 without restoring state."_s.arg(j.id)
                                    : u"Creating a new Job %1 restoring from Savepoint %2."_s.arg(j.id, p.restoreId),
              j.createdMs, j.id);
        event(d, u"JOB_SUCCESSFULLY_STARTED"_s,
              u"Job %1 started successfully as Flink job %2."_s.arg(j.id, QString(j.id).remove(u'-')), p.startMs, j.id);
        return jobs.back();
    };
    const auto pastSavepoint = [&](DeploymentRec &d, const QString &jobId, const QString &origin, qint64 atMs,
                                   qint64 checkpointId) -> SavepointRec & {
        SavepointRec sp;
        sp.id = newId();
        sp.ns = d.ns;
        sp.deploymentId = d.id;
        sp.jobId = jobId;
        sp.origin = origin;
        sp.state = kCompleted;
        sp.createdMs = atMs - (origin == kRetained ? 0 : kSavepointMs);
        sp.modifiedMs = atMs;
        sp.resourceVersion = origin == kRetained ? 1 : 2;
        sp.location = origin == kRetained
            ? u"s3://vvp/flink-checkpoints/namespaces/default/deployments/%1/%2/chk-%3"_s
                  .arg(d.id, QString(jobId).remove(u'-'))
                  .arg(checkpointId)
            : u"s3://vvp/flink-savepoints/namespaces/default/deployments/%1/savepoint-%2-%3"_s.arg(
                d.id, QString(jobId).remove(u'-').left(6), QString(newId()).remove(u'-').left(12));
        sp.record.id = checkpointId;
        sp.record.triggerMs = atMs - 1500;
        sp.record.ackMs = atMs;
        sp.record.stateSize = 180LL * 1024 * 1024;
        sp.record.externalPath = sp.location;
        sp.record.savepoint = origin != kRetained;
        savepoints.push_back(sp);
        return savepoints.back();
    };
    const auto adoptRunning = [&](DeploymentRec &d, JobRec &job, qint64 startMs) {
        d.jobId = job.id;
        d.model.adopt(now, settingsOf(d, effectiveSpec(d)), QString(job.id).remove(u'-'), startMs);
        d.modelActive = true;
        d.appliedTemplate = ownTemplate(d);
        d.phase = Phase::Running;
        d.statusState = kRunning;
        d.transitionMs = startMs;
        d.conditions.clear();
        updateConditions(d, now);
        for (auto &[type, c] : d.conditions)
            c.sinceMs = startMs;
        event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state RUNNING."_s, startMs, job.id);
    };
    const auto artifact = [](const QString &jar, const QString &entryClass, const QString &mainArgs) {
        return QJsonObject{{u"kind"_s, u"JAR"_s},
                           {u"jarUri"_s, jar},
                           {u"entryClass"_s, entryClass},
                           {u"mainArgs"_s, mainArgs},
                           {u"flinkVersion"_s, u"1.17"_s},
                           {u"flinkImageRegistry"_s, u"registry.ververica.com/v2.4"_s},
                           {u"flinkImageRepository"_s, u"flink"_s},
                           {u"flinkImageTag"_s, u"1.17.2-stream1-scala_2.12-java11"_s}};
    };
    const auto resources = [](int tmCpu, const QString &tmMemory) {
        return QJsonObject{{u"jobmanager"_s, QJsonObject{{u"cpu"_s, 1}, {u"memory"_s, u"1G"_s}}},
                           {u"taskmanager"_s, QJsonObject{{u"cpu"_s, tmCpu}, {u"memory"_s, tmMemory}}}};
    };

    // STATEFUL upgrades, the default target, four attempts each.
    const auto demoSpec = [](const QString &state, const QString &restore, const QJsonObject &templateSpec,
                             const QJsonObject &templateMetadata) {
        QJsonObject templ{{u"spec"_s, templateSpec}};
        if (!templateMetadata.isEmpty())
            templ.insert(u"metadata"_s, templateMetadata);
        return QJsonObject{
            {u"state"_s, state},
            {u"deploymentTargetName"_s, u"default"_s},
            {u"upgradeStrategy"_s, QJsonObject{{u"kind"_s, u"STATEFUL"_s}}},
            {u"restoreStrategy"_s, QJsonObject{{u"kind"_s, restore}, {u"allowNonRestoredState"_s, false}}},
            {u"maxSavepointCreationAttempts"_s, kDefaultAttempts},
            {u"maxJobCreationAttempts"_s, kDefaultAttempts},
            {u"template"_s, templ}};
    };

    // github-analytics: the reference scenario's deployment.
    {
        const QJsonObject spec
            = demoSpec(kRunning, u"LATEST_STATE"_s,
                       QJsonObject{{u"artifact"_s,
                                    artifact(u"s3://artifacts/github-analytics/github-analytics-2.3.0.jar"_s,
                                             u"com.example.analytics.GithubEventsJob"_s,
                                             u"--source kafka://kafka.streaming:9092/github-events --window 5m"_s)},
                                   {u"parallelism"_s, 1},
                                   {u"flinkConfiguration"_s,
                                    QJsonObject{{u"high-availability"_s, u"vvp-kubernetes"_s},
                                                {u"execution.checkpointing.interval"_s, u"10s"_s},
                                                {u"execution.checkpointing.externalized-checkpoint-retention"_s,
                                                 u"RETAIN_ON_CANCELLATION"_s},
                                                {u"state.backend"_s, u"rocksdb"_s},
                                                {u"taskmanager.numberOfTaskSlots"_s, u"1"_s}}},
                                   {u"resources"_s, resources(1, u"2G"_s)},
                                   {u"logging"_s,
                                    QJsonObject{{u"loggingProfile"_s, u"default"_s},
                                                {u"log4jLoggers"_s, QJsonObject{{u""_s, u"INFO"_s}}}}}},
                       QJsonObject{{u"annotations"_s, QJsonObject{{u"flink.queryable-state.enabled"_s, u"false"_s}}}});
        DeploymentRec &d = makeDeployment(u"github-analytics"_s, now - 6 * day, spec);
        d.resourceVersion = 14;
        d.modifiedMs = now - 3 * hour;
        JobRec &j1 = pastJob(d, {now - 6 * day + 10000, now - 2 * day, u"TERMINATED"_s, {}});
        const QString j1Id = j1.id;
        event(d, u"FOUND_A_JOB_TO_TERMINATE"_s, u"Terminating Job %1."_s.arg(j1Id), now - 2 * day - kTerminateMs, j1Id);
        const SavepointRec &retained = pastSavepoint(d, j1Id, kRetained, now - 2 * day - 4000, 34512);
        const QString retainedId = retained.id;
        event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state CANCELLED."_s, now - 2 * day);
        JobRec &j2 = pastJob(d, {now - 2 * day + 3600 * 1000, now - 3 * hour, u"TERMINATED"_s, retainedId});
        const QString j2Id = j2.id;
        pastSavepoint(d, j2Id, u"USER_REQUEST"_s, now - day, 34512 + 8000);
        event(d, u"USING_AN_UPGRADE_STRATEGY"_s,
              u"The Deployment template changed; upgrading the running Job with upgrade strategy STATEFUL."_s,
              now - 3 * hour - 5000, j2Id);
        const SavepointRec &upgrade = pastSavepoint(d, j2Id, u"SUSPEND_AND_UPGRADE"_s, now - 3 * hour, 34512 + 12300);
        const QString upgradeId = upgrade.id;
        JobRec &j3 = pastJob(d, {now - 3 * hour + 10000, -1, {}, upgradeId});
        d.nextCheckpointId = 34512 + 12301;
        adoptRunning(d, j3, now - 3 * hour + 10000);
    }
    // fraud-detector: running since yesterday, parallelism 2.
    {
        const QJsonObject spec
            = demoSpec(kRunning, u"LATEST_SAVEPOINT"_s,
                       QJsonObject{{u"artifact"_s,
                                    artifact(u"s3://artifacts/fraud-detector/fraud-detector-1.8.1.jar"_s,
                                             u"com.example.fraud.FraudDetectionJob"_s, u"--threshold 0.92"_s)},
                                   {u"parallelism"_s, 2},
                                   {u"flinkConfiguration"_s,
                                    QJsonObject{{u"high-availability"_s, u"vvp-kubernetes"_s},
                                                {u"execution.checkpointing.interval"_s, u"30s"_s},
                                                {u"taskmanager.numberOfTaskSlots"_s, u"2"_s},
                                                {u"security.ssl.enabled"_s, u"false"_s},
                                                {u"kafka.password"_s, u"${kafka-password}"_s}}},
                                   {u"resources"_s, resources(2, u"4G"_s)}},
                       {});
        DeploymentRec &d = makeDeployment(u"fraud-detector"_s, now - 9 * day, spec);
        d.resourceVersion = 5;
        d.modifiedMs = now - day;
        JobRec &j = pastJob(d, {now - day, -1, {}, {}});
        adoptRunning(d, j, now - day);
    }
    // nightly-backfill: suspended with its SUSPEND savepoint.
    {
        const QJsonObject spec
            = demoSpec(kSuspended, u"LATEST_SAVEPOINT"_s,
                       QJsonObject{{u"artifact"_s,
                                    artifact(u"s3://artifacts/nightly-backfill/nightly-backfill-0.9.4.jar"_s,
                                             u"com.example.backfill.BackfillJob"_s, u"--from 2024-01-01"_s)},
                                   {u"parallelism"_s, 4},
                                   {u"flinkConfiguration"_s,
                                    QJsonObject{{u"execution.checkpointing.interval"_s, u"1min"_s},
                                                {u"taskmanager.numberOfTaskSlots"_s, u"2"_s}}},
                                   {u"resources"_s, resources(1, u"2G"_s)}},
                       {});
        DeploymentRec &d = makeDeployment(u"nightly-backfill"_s, now - 3 * day, spec);
        JobRec &j = pastJob(d, {now - 20 * hour, now - 8 * hour, u"TERMINATED"_s, {}});
        const QString jobId = j.id;
        event(d, u"CREATING_A_SAVEPOINT_BEFORE_SUSPENSION"_s,
              u"Creating a savepoint of Job %1 before suspending it."_s.arg(jobId), now - 8 * hour - 3000, jobId);
        pastSavepoint(d, jobId, u"SUSPEND"_s, now - 8 * hour, 718);
        event(d, u"STATE_TRANSITION_IS_COMPLETED"_s, u"Deployment transitioned to state SUSPENDED."_s, now - 8 * hour);
        d.statusState = kSuspended;
        d.resourceVersion = 7;
        d.modifiedMs = now - 8 * hour;
        d.nextCheckpointId = 719;
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const EventRec &a, const EventRec &b) { return a.createdMs < b.createdMs; });
}

// ---- public ----

VvpPlatform::VvpPlatform(VirtualClock &clock, quint64 seed)
    : d(std::make_unique<Private>(clock, seed))
{
    const std::lock_guard lock(d->mutex);
    d->lastMs = clock.nowMs();
    d->ensureNamespace(u"default"_s, d->lastMs);
}

VvpPlatform::~VvpPlatform() = default;

void VvpPlatform::seedDemo()
{
    const std::lock_guard lock(d->mutex);
    d->seedDemo();
}

void VvpPlatform::reconcile()
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
}

QStringList VvpPlatform::namespaces() const
{
    const std::lock_guard lock(d->mutex);
    QStringList names;
    for (const auto &[name, n] : d->namespaces)
        names.append(name);
    return names;
}

bool VvpPlatform::hasNamespace(const QString &ns) const
{
    const std::lock_guard lock(d->mutex);
    return d->namespaces.count(ns) > 0;
}

VvpResult VvpPlatform::listDeployments(const QString &ns, const QString &labelSelector)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    // labelSelector: comma-separated key=value or key (exists) terms.
    QList<std::pair<QString, std::optional<QString>>> terms;
    for (const QString &term : labelSelector.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = term.indexOf(u'=');
        if (eq < 0)
            terms.append({term.trimmed(), std::nullopt});
        else
            terms.append({term.left(eq).trimmed(), term.mid(eq + 1).remove(u'=').trimmed()});
    }
    std::vector<const DeploymentRec *> matched;
    for (const DeploymentRec &dep : d->deployments) {
        if (dep.ns != ns)
            continue;
        const QJsonObject labels = dep.metadataExtras.value(u"labels"_s).toObject();
        const bool ok = std::all_of(terms.begin(), terms.end(), [&](const auto &term) {
            return labels.contains(term.first) && (!term.second || labels.value(term.first).toString() == *term.second);
        });
        if (ok)
            matched.push_back(&dep);
    }
    std::sort(matched.begin(), matched.end(), [](auto a, auto b) { return a->name < b->name; });
    QJsonArray items;
    for (const DeploymentRec *dep : matched)
        items.append(d->deploymentJson(*dep));
    return {200, listOf(items)};
}

VvpResult VvpPlatform::getDeployment(const QString &ns, const QString &name)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    const DeploymentRec *dep = d->findDeployment(ns, name);
    if (!dep)
        return Private::error(404, u"Deployment '%1' not found in namespace '%2'."_s.arg(name, ns));
    return {200, d->deploymentJson(*dep)};
}

VvpResult VvpPlatform::createDeployment(const QString &ns, const QJsonObject &body)
{
    const std::lock_guard lock(d->mutex);
    const qint64 now = d->clock.nowMs();
    d->advanceTo(now);
    const QJsonObject metadata = body.value(u"metadata"_s).toObject();
    const QString name = metadata.value(u"name"_s).toString();
    if (!isValidName(name))
        return Private::error(400,
                              u"metadata.name '%1' is not a valid name: lower case letters, digits and '-', "
                              "starting and ending with a letter or digit, at most 63 characters."_s.arg(name));
    if (metadata.contains(u"namespace"_s) && metadata.value(u"namespace"_s).toString() != ns)
        return Private::error(400,
                              u"metadata.namespace '%1' does not match the namespace '%2' of the request."_s.arg(
                                  metadata.value(u"namespace"_s).toString(), ns));
    if (d->findDeployment(ns, name))
        return Private::error(409, u"A Deployment with name '%1' already exists in namespace '%2'."_s.arg(name, ns));
    QJsonObject spec = body.value(u"spec"_s).toObject();
    if (!spec.value(u"template"_s).isObject())
        return Private::error(400, u"spec.template must be set."_s);
    if (const QString problem = d->validateSpec(ns, spec); !problem.isEmpty())
        return Private::error(400, problem);
    if (!spec.contains(u"state"_s))
        spec.insert(u"state"_s, d->namespaces.at(ns).defaultsSpec.value(u"state"_s).toString(kRunning));
    DeploymentRec dep;
    dep.id = d->newId();
    dep.ns = ns;
    dep.name = name;
    dep.metadataExtras = QJsonObject{{u"labels"_s, metadata.value(u"labels"_s).toObject()},
                                     {u"annotations"_s, metadata.value(u"annotations"_s).toObject()}};
    if (metadata.contains(u"displayName"_s))
        dep.metadataExtras.insert(u"displayName"_s, metadata.value(u"displayName"_s));
    dep.spec = spec;
    dep.createdMs = now;
    dep.modifiedMs = now;
    d->deployments.push_back(dep);
    return {201, d->deploymentJson(d->deployments.back())};
}

VvpResult VvpPlatform::upsertDeployment(const QString &ns, const QString &name, const QJsonObject &body)
{
    {
        const std::lock_guard lock(d->mutex);
        const qint64 now = d->clock.nowMs();
        d->advanceTo(now);
        const QJsonObject metadata = body.value(u"metadata"_s).toObject();
        if (metadata.contains(u"name"_s) && metadata.value(u"name"_s).toString() != name)
            return Private::error(400,
                                  u"metadata.name '%1' does not match the name '%2' of the request."_s.arg(
                                      metadata.value(u"name"_s).toString(), name));
        DeploymentRec *dep = d->findDeployment(ns, name);
        if (dep) {
            if (const VvpResult conflict = d->checkVersion(body, dep->resourceVersion, u"Deployment '%1'"_s.arg(name));
                !conflict.ok())
                return conflict;
            QJsonObject spec = body.value(u"spec"_s).toObject();
            if (!spec.value(u"template"_s).isObject())
                return Private::error(400, u"spec.template must be set."_s);
            if (const QString problem = d->validateSpec(ns, spec); !problem.isEmpty())
                return Private::error(400, problem);
            if (!spec.contains(u"state"_s))
                spec.insert(u"state"_s, dep->spec.value(u"state"_s));
            dep->spec = spec;
            dep->metadataExtras = QJsonObject{{u"labels"_s, metadata.value(u"labels"_s).toObject()},
                                              {u"annotations"_s, metadata.value(u"annotations"_s).toObject()}};
            if (metadata.contains(u"displayName"_s))
                dep->metadataExtras.insert(u"displayName"_s, metadata.value(u"displayName"_s));
            dep->savepointGaveUp = false;
            d->touch(*dep, now);
            return {200, d->deploymentJson(*dep)};
        }
    }
    QJsonObject created = body;
    QJsonObject metadata = created.value(u"metadata"_s).toObject();
    metadata.insert(u"name"_s, name);
    metadata.remove(u"resourceVersion"_s);
    created.insert(u"metadata"_s, metadata);
    return createDeployment(ns, created);
}

VvpResult VvpPlatform::patchDeployment(const QString &ns, const QString &name, const QJsonObject &patch)
{
    const std::lock_guard lock(d->mutex);
    const qint64 now = d->clock.nowMs();
    d->advanceTo(now);
    DeploymentRec *dep = d->findDeployment(ns, name);
    if (!dep)
        return Private::error(404, u"Deployment '%1' not found in namespace '%2'."_s.arg(name, ns));
    if (const VvpResult conflict = d->checkVersion(patch, dep->resourceVersion, u"Deployment '%1'"_s.arg(name));
        !conflict.ok())
        return conflict;
    const QJsonObject metadataPatch = patch.value(u"metadata"_s).toObject();
    if (metadataPatch.contains(u"name"_s) && metadataPatch.value(u"name"_s).toString() != dep->name)
        return Private::error(400, u"metadata.name cannot be changed."_s);
    const QJsonObject spec = applyMergePatch(dep->spec, patch.value(u"spec"_s).toObject());
    if (!spec.value(u"template"_s).isObject())
        return Private::error(400, u"spec.template must be set."_s);
    if (const QString problem = d->validateSpec(ns, spec); !problem.isEmpty())
        return Private::error(400, problem);
    const QJsonObject extras = applyMergePatch(dep->metadataExtras, metadataPatch);
    dep->spec = spec;
    for (const QString &key : {u"labels"_s, u"annotations"_s, u"displayName"_s}) {
        if (extras.contains(key))
            dep->metadataExtras.insert(key, extras.value(key));
        else
            dep->metadataExtras.remove(key);
    }
    dep->savepointGaveUp = false;
    d->touch(*dep, now);
    return {200, d->deploymentJson(*dep)};
}

VvpResult VvpPlatform::deleteDeployment(const QString &ns, const QString &name)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    DeploymentRec *dep = d->findDeployment(ns, name);
    if (!dep)
        return Private::error(404, u"Deployment '%1' not found in namespace '%2'."_s.arg(name, ns));
    const QString desired = dep->spec.value(u"state"_s).toString();
    if ((dep->statusState != kCancelled && dep->statusState != kSuspended) || dep->phase != Phase::Idle
        || desired == kRunning)
        return Private::error(409,
                              u"Deployment '%1' is %2: only CANCELLED or SUSPENDED Deployments can be deleted. "
                              "Cancel it first."_s.arg(dep->name, dep->statusState));
    const QJsonObject gone = d->deploymentJson(*dep);
    const QString id = dep->id;
    d->jobs.erase(std::remove_if(d->jobs.begin(), d->jobs.end(), [&](const JobRec &j) { return j.deploymentId == id; }),
                  d->jobs.end());
    d->events.erase(
        std::remove_if(d->events.begin(), d->events.end(), [&](const EventRec &e) { return e.deploymentId == id; }),
        d->events.end());
    d->deployments.erase(std::remove_if(d->deployments.begin(), d->deployments.end(),
                                        [&](const DeploymentRec &x) { return x.id == id; }),
                         d->deployments.end());
    return {200, gone};
}

VvpResult VvpPlatform::getDeploymentDefaults(const QString &ns)
{
    const std::lock_guard lock(d->mutex);
    const NamespaceRec *n = d->findNamespace(ns);
    if (!n)
        return Private::error(404, u"Namespace '%1' not found."_s.arg(ns));
    return {200, d->defaultsJson(ns, *n)};
}

VvpResult VvpPlatform::patchDeploymentDefaults(const QString &ns, const QJsonObject &patch)
{
    const std::lock_guard lock(d->mutex);
    NamespaceRec *n = d->findNamespace(ns);
    if (!n)
        return Private::error(404, u"Namespace '%1' not found."_s.arg(ns));
    if (const VvpResult conflict = d->checkVersion(patch, n->defaultsResourceVersion, u"DeploymentDefaults"_s);
        !conflict.ok())
        return conflict;
    const QJsonObject spec = applyMergePatch(n->defaultsSpec, patch.value(u"spec"_s).toObject());
    if (const QString problem = d->validateSpec(ns, spec); !problem.isEmpty())
        return Private::error(400, problem);
    n->defaultsSpec = spec;
    ++n->defaultsResourceVersion;
    n->defaultsModifiedMs = d->clock.nowMs();
    return {200, d->defaultsJson(ns, *n)};
}

VvpResult VvpPlatform::listEvents(const QString &ns, const QString &deploymentId, const QString &jobId,
                                  const QString &sessionClusterId)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    QJsonArray items;
    if (!sessionClusterId.isEmpty())
        return {200, listOf(items)}; // session clusters record no events here
    for (const EventRec &e : d->events) {
        if (e.ns == ns && (deploymentId.isEmpty() || e.deploymentId == deploymentId)
            && (jobId.isEmpty() || e.jobId == jobId))
            items.append(d->eventJson(e));
    }
    return {200, listOf(items)};
}

VvpResult VvpPlatform::listJobs(const QString &ns, const QString &deploymentId)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    return {
        200,
        newestFirst(
            d->jobs,
            [&](const JobRec &j) { return j.ns == ns && (deploymentId.isEmpty() || j.deploymentId == deploymentId); },
            [this](const JobRec &j) { return d->jobJson(j); })};
}

VvpResult VvpPlatform::getJob(const QString &ns, const QString &jobId)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    const JobRec *j = d->findJob(jobId);
    if (!j || j->ns != ns)
        return Private::error(404, u"Job '%1' not found in namespace '%2'."_s.arg(jobId, ns));
    return {200, d->jobJson(*j)};
}

VvpResult VvpPlatform::listSavepoints(const QString &ns, const QString &deploymentId, const QString &jobId)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    return {200,
            newestFirst(
                d->savepoints,
                [&](const SavepointRec &s) {
                    return s.ns == ns && (deploymentId.isEmpty() || s.deploymentId == deploymentId)
                        && (jobId.isEmpty() || s.jobId == jobId);
                },
                [this](const SavepointRec &s) { return d->savepointJson(s); })};
}

VvpResult VvpPlatform::getSavepoint(const QString &ns, const QString &id)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    const SavepointRec *s = d->findSavepoint(id);
    if (!s || s->ns != ns)
        return Private::error(404, u"Savepoint '%1' not found in namespace '%2'."_s.arg(id, ns));
    return {200, d->savepointJson(*s)};
}

VvpResult VvpPlatform::createSavepoint(const QString &ns, const QJsonObject &body)
{
    const std::lock_guard lock(d->mutex);
    const qint64 now = d->clock.nowMs();
    d->advanceTo(now);
    const QJsonObject metadata = body.value(u"metadata"_s).toObject();
    const QString deploymentId = metadata.value(u"deploymentId"_s).toString();
    DeploymentRec *dep = d->deploymentById(deploymentId);
    if (!dep || dep->ns != ns)
        return Private::error(deploymentId.isEmpty() ? 400 : 404,
                              deploymentId.isEmpty()
                                  ? u"metadata.deploymentId must be set."_s
                                  : u"Deployment '%1' not found in namespace '%2'."_s.arg(deploymentId, ns));
    SavepointRec sp;
    sp.id = d->newId();
    sp.ns = ns;
    sp.deploymentId = dep->id;
    sp.createdMs = now;
    sp.modifiedMs = now;
    sp.annotations = metadata.value(u"annotations"_s).toObject();
    const QString location = at(body, u"spec.savepointLocation"_s).toString();
    if (!location.isEmpty()) {
        // An existing savepoint handed to the platform: registered as completed.
        const QString origin = metadata.value(u"origin"_s).toString(u"USER_REQUEST"_s);
        if (origin != u"USER_REQUEST"_s && origin != u"COPIED"_s)
            return Private::error(400, u"metadata.origin of a registered savepoint must be USER_REQUEST or COPIED."_s);
        sp.origin = origin;
        sp.state = kCompleted;
        sp.location = location;
        sp.record.id = dep->nextCheckpointId;
        // A copy of a savepoint the platform knows holds that savepoint's state (the Flink job restores
        // what it wrote); it is the newest Savepoint resource all the same, as the restore strategy sees it.
        for (const SavepointRec &known : d->savepoints) {
            if (known.location == location && known.state == kCompleted) {
                sp.record = known.record;
                break;
            }
        }
        sp.record.triggerMs = now;
        sp.record.ackMs = now;
        sp.record.externalPath = location;
        sp.record.savepoint = true;
        d->savepoints.push_back(sp);
        return {201, d->savepointJson(sp)};
    }
    if (!dep->modelActive || (dep->phase != Phase::Running && dep->phase != Phase::Starting))
        return Private::error(409,
                              u"Deployment '%1' has no running Job to take a savepoint of (it is %2)."_s.arg(
                                  dep->name, dep->statusState));
    sp.jobId = dep->jobId;
    sp.origin = u"USER_REQUEST"_s;
    sp.state = u"STARTED"_s;
    sp.location = d->savepointLocation(*dep);
    sp.dueMs = now + kSavepointMs;
    d->savepoints.push_back(sp);
    d->event(*dep, u"SUCCESSFULLY_TRIGGERED_A_SAVEPOINT"_s,
             u"Triggered savepoint %1 (USER_REQUEST) of Job %2."_s.arg(sp.id, sp.jobId), now, sp.jobId);
    return {201, d->savepointJson(sp)};
}

VvpResult VvpPlatform::listResources(Kind kind, const QString &ns)
{
    const std::lock_guard lock(d->mutex);
    const NamespaceRec *n = d->findNamespace(ns);
    if (!n)
        return Private::error(404, u"Namespace '%1' not found."_s.arg(ns));
    QJsonArray items;
    for (const auto &[name, stored] : n->resources[int(kind)])
        items.append(d->resourceJson(kind, stored));
    return {200, listOf(items)};
}

VvpResult VvpPlatform::getResource(Kind kind, const QString &ns, const QString &name)
{
    const std::lock_guard lock(d->mutex);
    const NamespaceRec *n = d->findNamespace(ns);
    if (!n || !n->resources[int(kind)].count(name))
        return Private::error(404, u"%1 '%2' not found in namespace '%3'."_s.arg(kindName(kind), name, ns));
    return {200, d->resourceJson(kind, n->resources[int(kind)].at(name))};
}

VvpResult VvpPlatform::createResource(Kind kind, const QString &ns, const QJsonObject &body)
{
    const std::lock_guard lock(d->mutex);
    NamespaceRec *n = d->findNamespace(ns);
    if (!n)
        return Private::error(404, u"Namespace '%1' not found."_s.arg(ns));
    const QJsonObject metadata = body.value(u"metadata"_s).toObject();
    const QString name = metadata.value(u"name"_s).toString();
    if (!isValidName(name))
        return Private::error(400, u"metadata.name '%1' is not a valid name."_s.arg(name));
    auto &resources = n->resources[int(kind)];
    if (resources.count(name))
        return Private::error(409,
                              u"A %1 with name '%2' already exists in namespace '%3'."_s.arg(kindName(kind), name, ns));
    QJsonObject spec = body.value(u"spec"_s).toObject();
    if (kind == Kind::SecretValue) {
        if (!spec.value(u"value"_s).isString())
            return Private::error(400, u"spec.value of a SecretValue must be a string."_s);
        if (!spec.contains(u"kind"_s))
            spec.insert(u"kind"_s, u"GENERIC"_s);
    }
    if (kind == Kind::SessionCluster && !spec.contains(u"state"_s))
        spec.insert(u"state"_s, u"STOPPED"_s);
    const qint64 now = d->clock.nowMs();
    const QJsonObject stored{{u"id"_s, d->newId()},
                             {u"name"_s, name},
                             {u"namespace"_s, ns},
                             {u"createdMs"_s, double(now)},
                             {u"modifiedMs"_s, double(now)},
                             {u"runningSinceMs"_s, double(now)},
                             {u"resourceVersion"_s, 1},
                             {u"labels"_s, metadata.value(u"labels"_s).toObject()},
                             {u"annotations"_s, metadata.value(u"annotations"_s).toObject()},
                             {u"spec"_s, spec}};
    resources[name] = stored;
    return {201, d->resourceJson(kind, stored)};
}

VvpResult VvpPlatform::upsertResource(Kind kind, const QString &ns, const QString &name, const QJsonObject &body)
{
    {
        const std::lock_guard lock(d->mutex);
        NamespaceRec *n = d->findNamespace(ns);
        if (!n)
            return Private::error(404, u"Namespace '%1' not found."_s.arg(ns));
        const QJsonObject metadata = body.value(u"metadata"_s).toObject();
        if (metadata.contains(u"name"_s) && metadata.value(u"name"_s).toString() != name)
            return Private::error(400,
                                  u"metadata.name '%1' does not match the name '%2' of the request."_s.arg(
                                      metadata.value(u"name"_s).toString(), name));
        auto &resources = n->resources[int(kind)];
        if (const auto it = resources.find(name); it != resources.end()) {
            QJsonObject &stored = it->second;
            const int rv = stored.value(u"resourceVersion"_s).toInt();
            if (const VvpResult conflict = d->checkVersion(body, rv, u"%1 '%2'"_s.arg(kindName(kind), name));
                !conflict.ok())
                return conflict;
            const qint64 now = d->clock.nowMs();
            QJsonObject spec = body.value(u"spec"_s).toObject();
            if (kind == Kind::SecretValue && !spec.contains(u"value"_s))
                spec.insert(u"value"_s, stored.value(u"spec"_s).toObject().value(u"value"_s));
            if (kind == Kind::SessionCluster
                && spec.value(u"state"_s) != stored.value(u"spec"_s).toObject().value(u"state"_s))
                stored.insert(u"runningSinceMs"_s, double(now));
            stored.insert(u"spec"_s, spec);
            stored.insert(u"labels"_s, metadata.value(u"labels"_s).toObject());
            stored.insert(u"annotations"_s, metadata.value(u"annotations"_s).toObject());
            stored.insert(u"resourceVersion"_s, rv + 1);
            stored.insert(u"modifiedMs"_s, double(now));
            return {200, d->resourceJson(kind, stored)};
        }
    }
    QJsonObject created = body;
    QJsonObject metadata = created.value(u"metadata"_s).toObject();
    metadata.insert(u"name"_s, name);
    created.insert(u"metadata"_s, metadata);
    return createResource(kind, ns, created);
}

VvpResult VvpPlatform::patchResource(Kind kind, const QString &ns, const QString &name, const QJsonObject &patch)
{
    const std::lock_guard lock(d->mutex);
    NamespaceRec *n = d->findNamespace(ns);
    if (!n || !n->resources[int(kind)].count(name))
        return Private::error(404, u"%1 '%2' not found in namespace '%3'."_s.arg(kindName(kind), name, ns));
    QJsonObject &stored = n->resources[int(kind)].at(name);
    const int rv = stored.value(u"resourceVersion"_s).toInt();
    if (const VvpResult conflict = d->checkVersion(patch, rv, u"%1 '%2'"_s.arg(kindName(kind), name)); !conflict.ok())
        return conflict;
    const qint64 now = d->clock.nowMs();
    const QJsonObject before = stored.value(u"spec"_s).toObject();
    const QJsonObject spec = applyMergePatch(before, patch.value(u"spec"_s).toObject());
    if (kind == Kind::SecretValue && !spec.value(u"value"_s).isString())
        return Private::error(400, u"spec.value of a SecretValue must be a string."_s);
    if (kind == Kind::SessionCluster && spec.value(u"state"_s) != before.value(u"state"_s))
        stored.insert(u"runningSinceMs"_s, double(now));
    const QJsonObject metadataPatch = patch.value(u"metadata"_s).toObject();
    for (const QString &key : {u"labels"_s, u"annotations"_s}) {
        if (metadataPatch.contains(key))
            stored.insert(key, applyMergePatch(stored.value(key).toObject(), metadataPatch.value(key).toObject()));
    }
    stored.insert(u"spec"_s, spec);
    stored.insert(u"resourceVersion"_s, rv + 1);
    stored.insert(u"modifiedMs"_s, double(now));
    return {200, d->resourceJson(kind, stored)};
}

VvpResult VvpPlatform::deleteResource(Kind kind, const QString &ns, const QString &name)
{
    const std::lock_guard lock(d->mutex);
    NamespaceRec *n = d->findNamespace(ns);
    if (!n || !n->resources[int(kind)].count(name))
        return Private::error(404, u"%1 '%2' not found in namespace '%3'."_s.arg(kindName(kind), name, ns));
    const QJsonObject stored = n->resources[int(kind)].at(name);
    if (kind == Kind::DeploymentTarget) {
        for (const DeploymentRec &dep : d->deployments) {
            if (dep.ns == ns && d->effectiveSpec(dep).value(u"deploymentTargetName"_s).toString() == name)
                return Private::error(409, u"Deployment Target '%1' is used by Deployment '%2'."_s.arg(name, dep.name));
        }
    }
    if (kind == Kind::SessionCluster && stored.value(u"spec"_s).toObject().value(u"state"_s).toString() == kRunning)
        return Private::error(409, u"Session Cluster '%1' is RUNNING: stop it before deleting it."_s.arg(name));
    const QJsonObject gone = d->resourceJson(kind, stored);
    n->resources[int(kind)].erase(name);
    return {200, gone};
}

VvpResult VvpPlatform::status() const
{
    return {200, QJsonObject{{u"status"_s, u"OK"_s}}};
}

VvpResult VvpPlatform::systemInfo() const
{
    const std::lock_guard lock(d->mutex);
    double cpu = 0;
    for (const DeploymentRec &dep : d->deployments) {
        if (dep.modelActive)
            cpu += 1 + dep.model.taskManagerCount() * dep.model.settings().taskManagerCpu;
    }
    return {200,
            QJsonObject{
                {u"apiVersion"_s, u"v1"_s},
                {u"kind"_s, u"SystemInformation"_s},
                {u"status"_s,
                 QJsonObject{{u"jvmVersion"_s, u"11.0.16"_s},
                             {u"revisionInformation"_s,
                              QJsonObject{{u"buildTime"_s, u"2022-08-30T12:00:00Z"_s},
                                          {u"buildVersion"_s, u"2.4.3"_s},
                                          {u"commitShaLong"_s, u"0000000000000000000000000000000000000000"_s},
                                          {u"commitShaShort"_s, u"0000000"_s}}},
                             {u"resourceQuota"_s,
                              QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                          {u"kind"_s, u"ResourceQuota"_s},
                                          {u"spec"_s, QJsonObject{{u"type"_s, u"UNLIMITED"_s}}},
                                          {u"status"_s, QJsonObject{{u"used"_s, QJsonObject{{u"cpu"_s, cpu}}}}}}}}}}};
}

// ---- the jobs' Flink clusters in Kubernetes ----

QString VvpPlatform::Private::clusterNamespace(const DeploymentRec &d)
{
    const JobRec *job = findJob(d.jobId);
    return job ? at(job->spec, u"deploymentTarget.kubernetes.namespace"_s).toString() : QString();
}

QString VvpPlatform::Private::jobManagerServiceName(const QString &jobId)
{
    return u"job-%1-jobmanager"_s.arg(jobId);
}

QJsonObject VvpPlatform::Private::clusterLabels(const DeploymentRec &d) const
{
    // Label values: the deployment's name in label form (it is one already: the platform's names
    // are DNS labels).
    return QJsonObject{{u"system"_s, u"ververica-platform"_s},
                       {u"app"_s, u"flink-job"_s},
                       {u"vvpNamespace"_s, d.ns},
                       {u"deploymentId"_s, d.id},
                       {u"deploymentName"_s, d.name},
                       {u"jobId"_s, d.jobId}};
}

QList<QJsonObject> VvpPlatform::clusterObjects()
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    QList<QJsonObject> out;
    for (DeploymentRec &dep : d->deployments) {
        const QString ns = dep.modelActive ? d->clusterNamespace(dep) : QString();
        if (ns.isEmpty())
            continue;
        const QString service = Private::jobManagerServiceName(dep.jobId);
        const QJsonObject labels = d->clusterLabels(dep);
        QJsonObject selector = labels;
        selector.insert(u"component"_s, u"jobmanager"_s);
        out.append(
            QJsonObject{{u"apiVersion"_s, u"v1"_s},
                        {u"kind"_s, u"Service"_s},
                        {u"metadata"_s, QJsonObject{{u"name"_s, service}, {u"namespace"_s, ns}, {u"labels"_s, labels}}},
                        {u"spec"_s,
                         QJsonObject{{u"type"_s, u"ClusterIP"_s},
                                     {u"selector"_s, selector},
                                     {u"ports"_s,
                                      QJsonArray{QJsonObject{{u"name"_s, u"rpc"_s},
                                                             {u"port"_s, 6123},
                                                             {u"protocol"_s, u"TCP"_s},
                                                             {u"targetPort"_s, 6123}},
                                                 QJsonObject{{u"name"_s, u"blob"_s},
                                                             {u"port"_s, 6124},
                                                             {u"protocol"_s, u"TCP"_s},
                                                             {u"targetPort"_s, 6124}},
                                                 QJsonObject{{u"name"_s, u"rest"_s},
                                                             {u"port"_s, 8081},
                                                             {u"protocol"_s, u"TCP"_s},
                                                             {u"targetPort"_s, 8081}}}}}}});
        const bool up = dep.model.jobManagerStatus() == JobManagerStatus::Ready;
        const QString since = iso(dep.model.stateSinceMs() > 0 ? dep.model.stateSinceMs() : d->clock.nowMs());
        const QString ready = up ? u"True"_s : u"False"_s;
        const QString image
            = u"registry.ververica.com/v2.4/flink:%1-stream1-scala_2.12"_s.arg(dep.model.settings().flinkVersion);
        QJsonObject podStatus{
            {u"phase"_s, up ? u"Running"_s : u"Pending"_s},
            {u"startTime"_s, since},
            {u"conditions"_s,
             QJsonArray{QJsonObject{{u"type"_s, u"Ready"_s}, {u"status"_s, ready}, {u"lastTransitionTime"_s, since}},
                        QJsonObject{{u"type"_s, u"ContainersReady"_s},
                                    {u"status"_s, ready},
                                    {u"lastTransitionTime"_s, since}}}},
            {u"containerStatuses"_s,
             QJsonArray{
                 QJsonObject{{u"name"_s, u"flink-jobmanager"_s},
                             {u"image"_s, image},
                             {u"ready"_s, up},
                             {u"restartCount"_s, 0},
                             {u"started"_s, up},
                             {u"state"_s,
                              up ? QJsonObject{{u"running"_s, QJsonObject{{u"startedAt"_s, since}}}}
                                 : QJsonObject{{u"waiting"_s, QJsonObject{{u"reason"_s, u"ContainerCreating"_s}}}}}}}}};
        out.append(
            QJsonObject{{u"apiVersion"_s, u"v1"_s},
                        {u"kind"_s, u"Pod"_s},
                        {u"metadata"_s,
                         QJsonObject{{u"name"_s, QString(service + u'-' + QString(dep.jobId).remove(u'-').right(5))},
                                     {u"namespace"_s, ns},
                                     {u"labels"_s, selector}}},
                        {u"spec"_s,
                         QJsonObject{{u"containers"_s,
                                      QJsonArray{QJsonObject{{u"name"_s, u"flink-jobmanager"_s},
                                                             {u"image"_s, image},
                                                             {u"ports"_s,
                                                              QJsonArray{QJsonObject{{u"name"_s, u"rest"_s},
                                                                                     {u"containerPort"_s, 8081},
                                                                                     {u"protocol"_s, u"TCP"_s}}}}}}}}},
                        {u"status"_s, podStatus}});
    }
    return out;
}

std::optional<ProxyResponse> VvpPlatform::jobManagerGet(const QString &ns, const QString &service, const QString &path,
                                                        const QUrlQuery &query)
{
    const std::lock_guard lock(d->mutex);
    d->advanceTo(d->clock.nowMs());
    for (DeploymentRec &dep : d->deployments) {
        if (!dep.modelActive || Private::jobManagerServiceName(dep.jobId) != service || d->clusterNamespace(dep) != ns)
            continue;
        const qint64 now = d->clock.nowMs();
        if (dep.model.jobManagerStatus() != JobManagerStatus::Ready) {
            const QJsonObject status
                = makeStatus(503, u"ServiceUnavailable"_s, u"no endpoints available for service \"%1\""_s.arg(service));
            return ProxyResponse{503, QJsonDocument(status).toJson(QJsonDocument::Compact)};
        }
        if (path == u"metrics"_s) {
            QByteArray text;
            PrometheusExporter::appendCluster(&text, ns, dep.name, dep.model, now);
            return ProxyResponse{200, text, "text/plain; version=0.0.4; charset=utf-8"};
        }
        return JobManagerApi(dep.model, now).get(path, query);
    }
    return std::nullopt;
}

} // namespace capstan::sandbox
