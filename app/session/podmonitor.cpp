#include "session/podmonitor.h"

#include "kube/kubeclient.h"
#include "logging.h"
#include "session/historystore.h"
#include "session/logreader.h"

namespace capstan {

namespace {
// Fetches waiting their turn beyond this many are dropped, oldest first (a suspend of hundreds of
// deployments must not queue minutes of requests for pods that are gone).
constexpr int kMaxQueued = 200;

QString obituaryKey(const Pod &pod, const QString &container, const ContainerState &state)
{
    return QStringLiteral("%1/%2/%3")
        .arg(pod.uid, container)
        .arg(state.finishedAt.isValid() ? state.finishedAt.toMSecsSinceEpoch() : qint64(state.exitCode));
}

QString goneKey(const Pod &pod)
{
    return pod.uid + QLatin1String("/gone");
}

// What every obituary of `pod` says about the pod itself.
Obituary obituaryOf(const Pod &pod)
{
    Obituary o;
    o.ns = pod.ns;
    o.deployment = pod.deployment;
    o.podName = pod.name;
    o.podUid = pod.uid;
    o.component = pod.component;
    o.node = pod.node;
    return o;
}
} // namespace

PodMonitor::PodMonitor(KubeClient *client, HistoryStore *history, UidResolver resolveUid, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_history(history)
    , m_resolveUid(std::move(resolveUid))
{
}

PodMonitor::~PodMonitor()
{
    qDeleteAll(m_running);
}

void PodMonitor::clear()
{
    m_pods.clear();
    m_byDeployment.clear();
    m_queue.clear();
    qDeleteAll(m_running);
    m_running.clear();
}

QList<Pod> PodMonitor::podsOf(const QString &deploymentKey) const
{
    QList<Pod> out;
    const auto uids = m_byDeployment.constFind(deploymentKey);
    if (uids == m_byDeployment.cend())
        return out;
    out.reserve(uids->size());
    for (const QString &uid : *uids)
        out.append(m_pods.value(uid));
    return out;
}

void PodMonitor::apply(const InformerBatch &batch, const QDateTime &now)
{
    QHash<QString, QList<Pod>> upserted;
    QHash<QString, QStringList> removed;
    for (const QJsonObject &object : batch.upserted) {
        Pod pod = Pod::fromJson(object);
        if (pod.uid.isEmpty() || pod.deployment.isEmpty())
            continue;
        const auto known = m_pods.constFind(pod.uid);
        const bool isKnown = known != m_pods.cend();
        const Pod previous = isKnown ? *known : Pod();
        if (isKnown && previous.deploymentKey() != pod.deploymentKey()) {
            // Relabelled: it leaves one deployment for another.
            m_byDeployment[previous.deploymentKey()].remove(pod.uid);
            removed[previous.deploymentKey()] << pod.uid;
        }
        m_pods.insert(pod.uid, pod);
        m_byDeployment[pod.deploymentKey()].insert(pod.uid);
        observe(previous, pod, isKnown, now);
        upserted[pod.deploymentKey()].append(pod);
    }
    for (const QString &uid : batch.removed) {
        const auto it = m_pods.constFind(uid);
        if (it == m_pods.cend())
            continue;
        const Pod pod = *it;
        m_pods.erase(it);
        const QString key = pod.deploymentKey();
        auto index = m_byDeployment.find(key);
        if (index != m_byDeployment.end()) {
            index->remove(uid);
            if (index->isEmpty())
                m_byDeployment.erase(index);
        }
        removed[key] << uid;
        bury(pod, now);
        m_recorded.remove(uid);
    }
    QSet<QString> keys;
    for (auto it = upserted.cbegin(); it != upserted.cend(); ++it)
        keys.insert(it.key());
    for (auto it = removed.cbegin(); it != removed.cend(); ++it)
        keys.insert(it.key());
    if (m_history && !m_unsaved.isEmpty())
        m_history->saveObituaries(m_unsaved);
    m_unsaved.clear();
    for (const QString &key : std::as_const(keys))
        emit podsChanged(key, upserted.value(key), removed.value(key));
    startFetches();
}

void PodMonitor::observe(const Pod &previous, const Pod &pod, bool known, const QDateTime &now)
{
    // Terminations found long after the fact (the first list after starting) are recorded without
    // their log: the previous container's log has most likely been replaced since.
    const auto fresh = [&now](const ContainerState &s) {
        return !s.finishedAt.isValid() || !now.isValid() || s.finishedAt.secsTo(now) < 3600;
    };
    auto consider = [&](const ContainerStatus &c) {
        // A container stopped because its pod is being deleted (SIGTERM, or a clean exit) did what it
        // was asked; the pod's disappearance is recorded (once) below.
        const auto requested
            = [&](const ContainerState &s) { return pod.isTerminating() && (s.exitCode == 143 || s.exitCode == 0); };
        if (c.state.isAbnormal() && !requested(c.state)) {
            LogRequest fetch;
            fetch.options.container = c.name;
            record(makeObituary(pod, c, c.state), fresh(c.state) ? &fetch : nullptr);
        }
        // The previous run of a container that restarted in place (the JobManager): its log is the
        // previous one.
        if (c.lastState.isAbnormal() && !requested(c.lastState)) {
            LogRequest fetch;
            fetch.options.container = c.name;
            fetch.options.previous = true;
            record(makeObituary(pod, c, c.lastState), fresh(c.lastState) ? &fetch : nullptr);
        }
    };
    for (const ContainerStatus &c : pod.initContainers)
        consider(c);
    for (const ContainerStatus &c : pod.containers)
        consider(c);
    // Being deleted while not Succeeded: read its log now, while the pod still exists.
    if (pod.isTerminating() && (!known || !previous.isTerminating()) && pod.phase != QLatin1String("Succeeded"))
        bury(pod, now);
}

void PodMonitor::bury(const Pod &pod, const QDateTime &now)
{
    if (pod.phase == QLatin1String("Succeeded"))
        return;
    // One obituary per pod: a pod that already has one (its container died, or it was buried when
    // its deletion began) is not recorded again when it disappears.
    if (m_recorded.contains(pod.uid) || goesWithItsCluster(pod))
        return;
    Obituary o = obituaryOf(pod);
    o.key = goneKey(pod);
    const ContainerStatus *main = pod.mainContainer();
    o.container = main ? main->name : Pod::mainContainerName;
    o.started = main && main->state.startedAt.isValid() ? main->state.startedAt : pod.startTime;
    o.ended = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    o.reason = pod.reason == QLatin1String("Evicted") ? pod.reason : QStringLiteral("Deleted");
    o.message = pod.message;
    const PodProblem problem = diagnosePod(pod);
    o.explanation = problem.isNull() || pod.reason != QLatin1String("Evicted")
        ? tr("The pod was deleted while %1 — by a scale-down, a job restart, a redeploy or suspend, or by the "
             "cluster.")
              .arg(pod.phase.isEmpty() ? QStringLiteral("Pending") : pod.phase)
        : problem.explanation;
    LogRequest fetch;
    fetch.options.container = o.container;
    record(o, &fetch);
}

bool PodMonitor::goesWithItsCluster(const Pod &pod) const
{
    if (pod.reason == QLatin1String("Evicted"))
        return false;
    if (m_tearingDown && m_tearingDown(pod.deploymentKey()))
        return true;
    if (pod.component != PodComponent::TaskManager)
        return false;
    // Flink releases a failed TaskManager while its JobManager runs on: that is the death worth an
    // obituary. When the JobManager is going (or gone) as well, the whole cluster is being taken down.
    const auto pods = m_byDeployment.constFind(pod.deploymentKey());
    if (pods == m_byDeployment.cend())
        return true;
    for (const QString &uid : *pods) {
        const auto other = m_pods.constFind(uid);
        if (other != m_pods.cend() && other->component == PodComponent::JobManager && !other->isTerminating())
            return false;
    }
    return true;
}

Obituary PodMonitor::makeObituary(const Pod &pod, const ContainerStatus &container, const ContainerState &state) const
{
    Obituary o = obituaryOf(pod);
    o.key = obituaryKey(pod, container.name, state);
    o.container = container.name;
    o.started = state.startedAt.isValid() ? state.startedAt : pod.startTime;
    o.ended = state.finishedAt;
    o.reason = state.reason.isEmpty() ? QStringLiteral("Error") : state.reason;
    o.exitCode = state.exitCode;
    o.message = state.message;
    o.explanation = explainContainerState(state, pod.component, container.name).explanation;
    return o;
}

void PodMonitor::record(const Obituary &given, const LogRequest *fetch)
{
    QSet<QString> &recorded = m_recorded[given.podUid];
    if (recorded.contains(given.key))
        return;
    recorded.insert(given.key);
    Obituary obituary = given;
    obituary.deploymentUid
        = m_resolveUid ? m_resolveUid(obituary.ns + QLatin1Char('/') + obituary.deployment) : QString();
    if (m_history && m_history->hasObituary(obituary.key))
        return; // recorded by an earlier run of Capstan
    if (obituary.deploymentUid.isEmpty()) {
        qCDebug(lcSession).noquote() << "obituary of" << obituary.podName << "has no deployment yet; not kept";
        return;
    }
    m_unsaved.append(obituary);
    emit this->obituary(obituary);
    if (!fetch)
        return;
    Fetch f;
    f.obituary = obituary;
    f.request = *fetch;
    f.request.ns = obituary.ns;
    f.request.pod = obituary.podName;
    f.request.component = obituary.component;
    f.request.deployment = obituary.deployment;
    f.request.options.tailLines = logTailLines;
    m_queue.append(f);
    while (m_queue.size() > kMaxQueued) {
        Fetch dropped = m_queue.takeFirst();
        dropped.obituary.logError = tr("Not fetched: too many pods ended at once.");
        m_unsaved.append(dropped.obituary);
        emit this->obituary(dropped.obituary);
    }
}

void PodMonitor::startFetches()
{
    while (!m_queue.isEmpty() && m_running.size() < m_maxFetches && m_client) {
        Fetch f = m_queue.takeFirst();
        auto *reader = new LogReader(m_client, f.request, this);
        const QString key = f.obituary.key;
        m_running.insert(key, reader);
        auto tail = std::make_shared<QStringList>();
        auto source = std::make_shared<QString>();
        connect(reader, &LogReader::lines, this, [tail, source](const QStringList &lines, const QString &from) {
            tail->append(lines);
            if (tail->size() > logTailLines)
                tail->remove(0, tail->size() - logTailLines);
            *source = from;
        });
        connect(reader, &LogReader::finished, this,
                [this, reader, key, tail, source, obituary = f.obituary](const Error &error) mutable {
                    m_running.remove(key);
                    reader->deleteLater();
                    obituary.logTail = *tail;
                    obituary.logSource = *source;
                    obituary.logCause = logFailureCause(*tail);
                    if (tail->isEmpty())
                        obituary.logError = error.message.isEmpty() ? tr("The log was empty.") : error.message;
                    if (m_history)
                        m_history->saveObituary(obituary);
                    emit this->obituary(obituary);
                    startFetches();
                });
        reader->start();
    }
}

} // namespace capstan
