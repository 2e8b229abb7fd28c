#include "sandbox/bluegreensimulation.h"

#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <map>

using namespace Qt::StringLiterals;

namespace capstan::sandbox {

namespace {

const QString kBlueGreen = u"flinkbluegreendeployments"_s;
const QString kDeployments = u"flinkdeployments"_s;
const QString kFlinkApi = u"flink.apache.org/v1beta1"_s;
const QString kTypeLabel = u"flink/blue-green-deployment-type"_s;
const QString kEpoch = u"1970-01-01T00:00:00Z"_s; // what the operator writes for "no timestamp" (0 ms)

constexpr qint64 kSavepointMs = 2500; // a triggered savepoint completes after this long
constexpr qint64 kMinAbortGraceMs = 120000; // the operator refuses a shorter grace period

enum class Color { Blue, Green };

QString colorName(Color c)
{
    return c == Color::Blue ? u"BLUE"_s : u"GREEN"_s;
}

Color other(Color c)
{
    return c == Color::Blue ? Color::Green : Color::Blue;
}

QString childName(const QString &name, Color c)
{
    return name + (c == Color::Blue ? u"-blue"_s : u"-green"_s);
}

// The operator's BlueGreenDiffType.
enum class Diff { Ignore, Suspend, Resume, SavepointRedeploy, PatchChild, Transition };

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

qint64 parseTime(const QString &text)
{
    if (text.isEmpty())
        return 0;
    return QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// Flink's duration syntax: "10 min", "2s", "0ms", "1500" (milliseconds).
qint64 parseDurationMs(const QString &text, qint64 fallback)
{
    static const QRegularExpression re(u"^\\s*(\\d+)\\s*([a-zA-Z]*)\\s*$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return fallback;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    if (unit.isEmpty() || unit == u"ms"_s || unit.startsWith(u"milli"_s))
        return n;
    if (unit == u"s"_s || unit.startsWith(u"sec"_s))
        return n * 1000;
    if (unit == u"m"_s || unit.startsWith(u"min"_s))
        return n * 60000;
    if (unit == u"h"_s || unit.startsWith(u"hour"_s))
        return n * 3600000;
    if (unit == u"d"_s || unit.startsWith(u"day"_s))
        return n * 86400000;
    return fallback;
}

QString hex(int digits)
{
    QString s;
    for (int i = 0; i < digits; ++i)
        s.append(QLatin1Char("0123456789abcdef"[QRandomGenerator::global()->bounded(16)]));
    return s;
}

QString jobState(const QJsonObject &deploymentSpec)
{
    return deploymentSpec.value(u"job"_s).toObject().value(u"state"_s).toString(u"running"_s);
}

void diffPaths(const QString &path, const QJsonValue &a, const QJsonValue &b, QStringList *out)
{
    if (a.isObject() && b.isObject()) {
        const QJsonObject oa = a.toObject();
        const QJsonObject ob = b.toObject();
        QSet<QString> keys;
        for (auto it = oa.begin(); it != oa.end(); ++it)
            keys.insert(it.key());
        for (auto it = ob.begin(); it != ob.end(); ++it)
            keys.insert(it.key());
        for (const QString &k : std::as_const(keys))
            diffPaths(path.isEmpty() ? k : path + u'.' + k, oa.value(k), ob.value(k), out);
        return;
    }
    const bool aMissing = a.isUndefined() || a.isNull();
    const bool bMissing = b.isUndefined() || b.isNull();
    if (aMissing && bMissing)
        return;
    if (a != b)
        out->append(path);
}

// What ReflectiveDiffBuilder calls IGNORE: fields the operator applies without redeploying.
bool ignorable(const QString &path)
{
    static const QStringList fields{u"job.savepointTriggerNonce"_s, u"job.checkpointTriggerNonce"_s,
                                    u"job.upgradeMode"_s,           u"job.allowNonRestoredState"_s,
                                    u"job.initialSavepointPath"_s,  u"job.autoscalerResetNonce"_s};
    return fields.contains(path) || path.startsWith(u"flinkConfiguration.kubernetes.operator."_s)
        || path.startsWith(u"flinkConfiguration.job.autoscaler."_s);
}

// FlinkBlueGreenDeploymentSpecDiff: only the template's FlinkDeployment spec counts.
Diff compare(const QJsonObject &before, const QJsonObject &after)
{
    const QString stateBefore = jobState(before);
    const QString stateAfter = jobState(after);
    if (stateBefore != stateAfter)
        return stateAfter == u"suspended"_s ? Diff::Suspend : Diff::Resume;
    QStringList paths;
    diffPaths({}, before, after, &paths);
    if (paths.isEmpty())
        return Diff::Ignore;
    if (paths.contains(u"job.savepointRedeployNonce"_s))
        return Diff::SavepointRedeploy;
    return std::all_of(paths.begin(), paths.end(), ignorable) ? Diff::PatchChild : Diff::Transition;
}

bool isReady(const QJsonObject &child)
{
    const QJsonObject status = child.value(u"status"_s).toObject();
    return status.value(u"lifecycleState"_s).toString() == u"STABLE"_s
        && status.value(u"jobStatus"_s).toObject().value(u"state"_s).toString() == u"RUNNING"_s;
}

// One resource being reconciled: the object as read and the status being built.
struct Context
{
    QString ns;
    QString name;
    QString uid;
    QJsonObject object;
    QJsonObject spec;
    QJsonObject status;
    QJsonObject blue; // empty when absent
    QJsonObject green;
    qint64 now = 0;

    QJsonObject templateSpec() const { return spec.value(u"template"_s).toObject().value(u"spec"_s).toObject(); }
    QJsonObject child(Color c) const { return c == Color::Blue ? blue : green; }
    int children() const { return (blue.isEmpty() ? 0 : 1) + (green.isEmpty() ? 0 : 1); }
    QString configuration(const QString &key) const
    {
        return spec.value(u"configuration"_s).toObject().value(u"kubernetes.operator.bluegreen."_s + key).toString();
    }
    qint64 abortGraceMs() const
    {
        return std::max(parseDurationMs(configuration(u"abort.grace-period"_s), 600000), kMinAbortGraceMs);
    }
    qint64 deletionDelayMs() const
    {
        return std::max<qint64>(parseDurationMs(configuration(u"deployment-deletion.delay"_s), 0), 0);
    }
    QJsonObject lastSpec() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson(status.value(u"lastReconciledSpec"_s).toString().toUtf8());
        return doc.object().value(u"spec"_s).toObject();
    }
    void setJobState(const QString &state)
    {
        QJsonObject job = status.value(u"jobStatus"_s).toObject();
        if (!job.contains(u"checkpointInfo"_s))
            job.insert(u"checkpointInfo"_s, QJsonObject{{u"lastPeriodicCheckpointTimestamp"_s, 0}});
        if (!job.contains(u"savepointInfo"_s))
            job.insert(u"savepointInfo"_s,
                       QJsonObject{{u"lastPeriodicSavepointTimestamp"_s, 0}, {u"savepointHistory"_s, QJsonArray()}});
        if (state.isEmpty())
            job.remove(u"state"_s);
        else
            job.insert(u"state"_s, state);
        status.insert(u"jobStatus"_s, job);
    }
    QString jobStatusState() const { return status.value(u"jobStatus"_s).toObject().value(u"state"_s).toString(); }
};

} // namespace

struct BlueGreenSimulation::Private
{
    ResourceStore &store;
    TakeSavepoint takeSavepoint;
    RecordEvent recordEvent;

    struct Memory
    {
        QString uid;
        QString name;
        qint64 savepointTriggerMs = 0;
        QString savepointTriggerId;
        QString savepointPath; // of savepointTriggerId, once completed
    };
    std::map<QString, Memory> known; // "ns/name"

    Private(ResourceStore &s, TakeSavepoint take, RecordEvent record)
        : store(s)
        , takeSavepoint(std::move(take))
        , recordEvent(std::move(record))
    {
    }

    void reconcileOne(Context &c, Memory &memory);
    void handleActive(Context &c, Memory &memory, Color active);
    void handleSavepointing(Context &c, Memory &memory, Color active);
    void handleTransitioning(Context &c, Color target);
    void initiateDeployment(Context &c, Color type, const QString &nextState, const QString &savepointPath,
                            bool firstDeployment);
    void startTransition(Context &c, Memory &memory, Color active);
    void setLastReconciledSpec(Context &c);
    void finalize(Context &c, const QString &nextState, const QString &jobState);
    void markFailing(Context &c, const QString &error);
    void deleteChild(Context &c, Color color);
    void collectOrphans(const QString &ns, const QString &name, const QString &uid);
};

void BlueGreenSimulation::Private::setLastReconciledSpec(Context &c)
{
    c.status.insert(u"lastReconciledSpec"_s,
                    QString::fromUtf8(QJsonDocument(QJsonObject{{u"spec"_s, c.spec}}).toJson(QJsonDocument::Compact)));
    c.status.insert(u"lastReconciledTimestamp"_s, isoTime(c.now));
}

void BlueGreenSimulation::Private::finalize(Context &c, const QString &nextState, const QString &jobState)
{
    c.status.insert(u"deploymentReadyTimestamp"_s, kEpoch);
    c.status.insert(u"abortTimestamp"_s, kEpoch);
    c.status.remove(u"savepointTriggerId"_s);
    c.status.remove(u"error"_s);
    c.status.insert(u"blueGreenState"_s, nextState);
    c.setJobState(jobState);
}

void BlueGreenSimulation::Private::markFailing(Context &c, const QString &error)
{
    c.setJobState(u"FAILING"_s);
    c.status.insert(u"error"_s, error);
}

// BlueGreenUtils.prepareFlinkDeployment + deployCluster (createOrReplace).
void BlueGreenSimulation::Private::initiateDeployment(Context &c, Color type, const QString &nextState,
                                                      const QString &savepointPath, bool firstDeployment)
{
    c.status.remove(u"error"_s);
    const QString child = childName(c.name, type);
    // The operator writes the spec as JSON and replaces the resource's name with the child's in it
    // (paths such as s3://…/<name>/savepoints become per child).
    const QByteArray json = QJsonDocument(c.templateSpec()).toJson(QJsonDocument::Compact);
    QJsonObject spec = QJsonDocument::fromJson(QString::fromUtf8(json).replace(c.name, child).toUtf8()).object();
    if (!firstDeployment && !savepointPath.isEmpty()) {
        QJsonObject job = spec.value(u"job"_s).toObject();
        job.insert(u"initialSavepointPath"_s, QString(savepointPath).remove(u"file:"_s));
        spec.insert(u"job"_s, job);
    }
    const QJsonObject owner{{u"apiVersion"_s, kFlinkApi}, {u"kind"_s, u"FlinkBlueGreenDeployment"_s},
                            {u"name"_s, c.name},          {u"uid"_s, c.uid},
                            {u"controller"_s, false},     {u"blockOwnerDeletion"_s, true}};
    const StoreResult existing = store.get(kDeployments, c.ns, child);
    if (existing.ok()) {
        QJsonObject object = existing.object;
        QJsonObject meta = object.value(u"metadata"_s).toObject();
        QJsonObject labels = meta.value(u"labels"_s).toObject();
        labels.insert(kTypeLabel, colorName(type));
        meta.insert(u"labels"_s, labels);
        meta.insert(u"ownerReferences"_s, QJsonArray{owner});
        object.insert(u"metadata"_s, meta);
        object.insert(u"spec"_s, spec);
        const StoreResult r = store.update(kDeployments, c.ns, child, object);
        if (!r.ok())
            qCDebug(lcSandboxServer) << "bluegreen: replacing" << child << "failed:" << r.code;
    } else {
        const QJsonObject object{{u"apiVersion"_s, kFlinkApi},
                                 {u"kind"_s, u"FlinkDeployment"_s},
                                 {u"metadata"_s,
                                  QJsonObject{{u"name"_s, child},
                                              {u"namespace"_s, c.ns},
                                              {u"labels"_s, QJsonObject{{kTypeLabel, colorName(type)}}},
                                              {u"ownerReferences"_s, QJsonArray{owner}}}},
                                 {u"spec"_s, spec}};
        const StoreResult r = store.create(kDeployments, c.ns, object);
        if (!r.ok())
            qCDebug(lcSandboxServer) << "bluegreen: creating" << child << "failed:" << r.code;
    }
    c.status.insert(u"abortTimestamp"_s, isoTime(c.now + c.abortGraceMs()));
    c.status.insert(u"blueGreenState"_s, nextState);
    c.setJobState(u"RECONCILING"_s);
}

void BlueGreenSimulation::Private::deleteChild(Context &c, Color color)
{
    store.remove(kDeployments, c.ns, childName(c.name, color));
}

void BlueGreenSimulation::Private::startTransition(Context &c, Memory &memory, Color active)
{
    const Color next = other(active);
    const QString nextState = next == Color::Green ? u"TRANSITIONING_TO_GREEN"_s : u"TRANSITIONING_TO_BLUE"_s;
    const bool savepointRequired
        = c.templateSpec().value(u"job"_s).toObject().value(u"upgradeMode"_s).toString(u"stateless"_s)
        != u"stateless"_s;
    QString path;
    if (savepointRequired) {
        const QString triggerId = c.status.value(u"savepointTriggerId"_s).toString();
        if (memory.savepointTriggerId == triggerId)
            path = memory.savepointPath;
        if (path.isEmpty()) {
            const QString error
                = u"Could not start Transition. Details: Could not fetch savepoint with triggerId: "
                  u"%1. Error: the job of '%2' is not running"_s.arg(triggerId, childName(c.name, active));
            c.status.remove(u"savepointTriggerId"_s);
            markFailing(c, error);
            recordEvent(c.ns, c.object, u"Warning"_s, u"SavepointError"_s, error, c.now);
            return;
        }
    }
    initiateDeployment(c, next, nextState, path, false);
}

void BlueGreenSimulation::Private::handleActive(Context &c, Memory &memory, Color active)
{
    const QJsonObject current = c.child(active);
    const Diff diff
        = compare(c.lastSpec().value(u"template"_s).toObject().value(u"spec"_s).toObject(), c.templateSpec());
    if (diff == Diff::Ignore)
        return;
    const QString patchState = active == Color::Blue ? u"TRANSITIONING_TO_BLUE"_s : u"TRANSITIONING_TO_GREEN"_s;
    const bool childSuspended = !current.isEmpty() && jobState(current.value(u"spec"_s).toObject()) == u"suspended"_s;
    if ((diff == Diff::Suspend || diff == Diff::Resume || childSuspended) && !current.isEmpty()) {
        setLastReconciledSpec(c);
        initiateDeployment(c, active, patchState, {}, c.children() != 2);
        return;
    }
    if (!current.isEmpty() && isReady(current)) {
        if (diff == Diff::Transition) {
            const QString upgradeMode
                = c.templateSpec().value(u"job"_s).toObject().value(u"upgradeMode"_s).toString(u"stateless"_s);
            const bool savepointRequired = upgradeMode != u"stateless"_s;
            if (savepointRequired && c.status.value(u"savepointTriggerId"_s).toString().isEmpty()) {
                // The operator triggers it through the JobManager's REST API; the spec stays
                // unreconciled so that the transition is taken up again once it completes.
                memory.savepointTriggerId = hex(32);
                memory.savepointTriggerMs = c.now;
                memory.savepointPath.clear();
                c.status.insert(u"savepointTriggerId"_s, memory.savepointTriggerId);
                c.status.insert(u"blueGreenState"_s,
                                active == Color::Blue ? u"SAVEPOINTING_BLUE"_s : u"SAVEPOINTING_GREEN"_s);
                return;
            }
            setLastReconciledSpec(c);
            startTransition(c, memory, active);
        } else if (diff == Diff::SavepointRedeploy) {
            setLastReconciledSpec(c);
            const Color next = other(active);
            initiateDeployment(c, next, next == Color::Green ? u"TRANSITIONING_TO_GREEN"_s : u"TRANSITIONING_TO_BLUE"_s,
                               {}, false);
        } else {
            setLastReconciledSpec(c);
            initiateDeployment(c, active, patchState, {}, c.children() != 2);
        }
        return;
    }
    if (c.jobStatusState() != u"FAILING"_s) {
        setLastReconciledSpec(c);
        markFailing(c,
                    u"Transition to %1 not possible, current Flink Deployment '%2' is not READY. FAILING '%3'"_s.arg(
                        colorName(other(active)), current.isEmpty() ? u"null"_s : childName(c.name, active), c.name));
    }
}

void BlueGreenSimulation::Private::handleSavepointing(Context &c, Memory &memory, Color active)
{
    if (memory.savepointTriggerId != c.status.value(u"savepointTriggerId"_s).toString()) {
        // Triggered before the sandbox knew it (a restart): as if triggered now.
        memory.savepointTriggerId = c.status.value(u"savepointTriggerId"_s).toString();
        memory.savepointTriggerMs = c.now;
        memory.savepointPath.clear();
    }
    if (c.now < memory.savepointTriggerMs + kSavepointMs)
        return;
    memory.savepointPath = takeSavepoint(c.ns, childName(c.name, active), c.now);
    // Back to ACTIVE with the trigger id kept: the next pass takes up the transition with it.
    c.status.insert(u"blueGreenState"_s, active == Color::Blue ? u"ACTIVE_BLUE"_s : u"ACTIVE_GREEN"_s);
}

void BlueGreenSimulation::Private::handleTransitioning(Context &c, Color target)
{
    const Color previous = other(target);
    // A spec change during the transition goes to the deployment being brought up.
    const Diff diff
        = compare(c.lastSpec().value(u"template"_s).toObject().value(u"spec"_s).toObject(), c.templateSpec());
    if (diff != Diff::Ignore && diff != Diff::Suspend && !c.child(target).isEmpty()) {
        setLastReconciledSpec(c);
        const QString carried = c.child(target)
                                    .value(u"spec"_s)
                                    .toObject()
                                    .value(u"job"_s)
                                    .toObject()
                                    .value(u"initialSavepointPath"_s)
                                    .toString();
        initiateDeployment(c, target, c.status.value(u"blueGreenState"_s).toString(),
                           diff == Diff::SavepointRedeploy ? QString() : carried, c.children() != 2);
        return;
    }
    const QJsonObject next = c.child(target);
    if (next.isEmpty())
        return; // created in this pass's store, seen in the next
    const QString activeState = target == Color::Blue ? u"ACTIVE_BLUE"_s : u"ACTIVE_GREEN"_s;
    const bool suspended = jobState(next.value(u"spec"_s).toObject()) == u"suspended"_s;
    const QJsonObject current = c.child(previous);
    if (suspended && next.value(u"status"_s).toObject().value(u"lifecycleState"_s).toString() == u"SUSPENDED"_s) {
        finalize(c, activeState, u"SUSPENDED"_s);
        return;
    }
    if (!suspended && isReady(next)) {
        if (current.isEmpty()) {
            c.status.insert(u"deploymentReadyTimestamp"_s, isoTime(c.now));
            finalize(c, activeState, u"RUNNING"_s);
            return;
        }
        const qint64 readyMs = parseTime(c.status.value(u"deploymentReadyTimestamp"_s).toString());
        if (readyMs <= 0) {
            c.status.insert(u"deploymentReadyTimestamp"_s, isoTime(c.now));
            if (c.deletionDelayMs() > 0)
                return;
        } else if (readyMs + c.deletionDelayMs() > c.now) {
            return;
        }
        deleteChild(c, previous);
        finalize(c, activeState, u"RUNNING"_s);
        return;
    }
    const qint64 abortMs = parseTime(c.status.value(u"abortTimestamp"_s).toString());
    if (abortMs <= 0 || abortMs >= c.now)
        return; // retried at the next pass
    // abortDeployment: the new child is suspended and left for inspection.
    const QString child = childName(c.name, target);
    QJsonObject object = next;
    QJsonObject spec = object.value(u"spec"_s).toObject();
    QJsonObject job = spec.value(u"job"_s).toObject();
    job.insert(u"state"_s, u"suspended"_s);
    spec.insert(u"job"_s, job);
    object.insert(u"spec"_s, spec);
    store.update(kDeployments, c.ns, child, object);
    const QString previousState
        = c.children() == 1 ? u"INITIALIZING_BLUE"_s : (previous == Color::Blue ? u"ACTIVE_BLUE"_s : u"ACTIVE_GREEN"_s);
    c.status.insert(u"blueGreenState"_s, previousState);
    const QString error = u"Aborting deployment '%1', rolling B/G deployment back to %2"_s.arg(child, previousState);
    markFailing(c, error);
    recordEvent(c.ns, c.object, u"Warning"_s, u"Abort"_s, error, c.now);
}

void BlueGreenSimulation::Private::reconcileOne(Context &c, Memory &memory)
{
    const QString state = c.status.value(u"blueGreenState"_s).toString();
    if (state.isEmpty()) {
        c.status.insert(u"blueGreenState"_s, u"INITIALIZING_BLUE"_s);
        c.setJobState({});
        return; // the operator reschedules 100 ms later
    }
    if (state == u"INITIALIZING_BLUE"_s) {
        const bool never = c.status.value(u"lastReconciledSpec"_s).toString().isEmpty();
        const bool retry = c.jobStatusState() == u"FAILING"_s
            && compare(c.lastSpec().value(u"template"_s).toObject().value(u"spec"_s).toObject(), c.templateSpec())
                != Diff::Ignore;
        if (never || retry) {
            setLastReconciledSpec(c);
            initiateDeployment(c, Color::Blue, u"TRANSITIONING_TO_BLUE"_s, {}, true);
        }
        return;
    }
    if (state == u"ACTIVE_BLUE"_s || state == u"ACTIVE_GREEN"_s)
        handleActive(c, memory, state == u"ACTIVE_BLUE"_s ? Color::Blue : Color::Green);
    else if (state == u"SAVEPOINTING_BLUE"_s || state == u"SAVEPOINTING_GREEN"_s)
        handleSavepointing(c, memory, state == u"SAVEPOINTING_BLUE"_s ? Color::Blue : Color::Green);
    else if (state == u"TRANSITIONING_TO_BLUE"_s || state == u"TRANSITIONING_TO_GREEN"_s)
        handleTransitioning(c, state == u"TRANSITIONING_TO_BLUE"_s ? Color::Blue : Color::Green);
}

void BlueGreenSimulation::Private::collectOrphans(const QString &ns, const QString &name, const QString &uid)
{
    for (const Color color : {Color::Blue, Color::Green}) {
        const QString child = childName(name, color);
        const StoreResult r = store.get(kDeployments, ns, child);
        if (!r.ok())
            continue;
        const QJsonArray owners = r.object.value(u"metadata"_s).toObject().value(u"ownerReferences"_s).toArray();
        for (const QJsonValue &o : owners) {
            if (o.toObject().value(u"uid"_s).toString() == uid) {
                store.remove(kDeployments, ns, child);
                qCDebug(lcSandboxServer) << "bluegreen: deleted" << child << "with its owner";
                break;
            }
        }
    }
}

BlueGreenSimulation::BlueGreenSimulation(ResourceStore &store, TakeSavepoint takeSavepoint, RecordEvent recordEvent)
    : d(std::make_unique<Private>(store, std::move(takeSavepoint), std::move(recordEvent)))
{
}

BlueGreenSimulation::~BlueGreenSimulation() = default;

void BlueGreenSimulation::reconcile(qint64 nowMs)
{
    QList<QJsonObject> objects;
    d->store.snapshot(kBlueGreen, {}, &objects);
    QSet<QString> seen;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QJsonObject meta = object.value(u"metadata"_s).toObject();
        Context c;
        c.ns = meta.value(u"namespace"_s).toString();
        c.name = meta.value(u"name"_s).toString();
        c.uid = meta.value(u"uid"_s).toString();
        c.object = object;
        c.spec = object.value(u"spec"_s).toObject();
        c.status = object.value(u"status"_s).toObject();
        c.now = nowMs;
        const QString key = c.ns + u'/' + c.name;
        seen.insert(key);
        auto it = d->known.find(key);
        if (it != d->known.end() && it->second.uid != c.uid) {
            d->collectOrphans(c.ns, it->second.name, it->second.uid); // deleted and created again
            d->known.erase(it);
            it = d->known.end();
        }
        if (it == d->known.end())
            it = d->known.emplace(key, Private::Memory{c.uid, c.name, 0, {}, {}}).first;
        for (const Color color : {Color::Blue, Color::Green}) {
            const StoreResult r = d->store.get(kDeployments, c.ns, childName(c.name, color));
            if (r.ok())
                (color == Color::Blue ? c.blue : c.green) = r.object;
        }
        const QJsonObject before = c.status;
        d->reconcileOne(c, it->second);
        if (c.status == before)
            continue;
        // A merge patch of the whole status: fields the operator cleared are removed.
        QJsonObject patch = c.status;
        for (auto field = before.begin(); field != before.end(); ++field) {
            if (!c.status.contains(field.key()))
                patch.insert(field.key(), QJsonValue::Null);
        }
        WriteOptions options;
        options.subresource = Subresource::Status;
        const StoreResult r = d->store.mergePatch(kBlueGreen, c.ns, c.name, QJsonObject{{u"status"_s, patch}}, options);
        if (!r.ok())
            qCDebug(lcSandboxServer) << "bluegreen: status of" << key << "not written:" << r.code
                                     << r.object.value(u"message"_s).toString();
    }
    for (auto it = d->known.begin(); it != d->known.end();) {
        if (seen.contains(it->first)) {
            ++it;
            continue;
        }
        d->collectOrphans(it->first.section(u'/', 0, 0), it->second.name, it->second.uid);
        it = d->known.erase(it);
    }
}

} // namespace capstan::sandbox
