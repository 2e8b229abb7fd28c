#include "session/clustersession.h"

#include "actions/actionaccess.h"
#include "actions/actionrunner.h"
#include "kube/connectionconfig.h"
#include "kube/dashboardproxy.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/serverclock.h"
#include "logging.h"
#include "metrics/metriccollector.h"
#include "metrics/metricstore.h"
#include "session/logreader.h"
#include "session/podmonitor.h"
#include "session/specrevisionstore.h"

#include <QJsonArray>
#include <QTimer>

#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <algorithm>

namespace capstan {

ClusterSession::ClusterSession(const KubeConfig &config, const QString &contextName, const QString &ns,
                               const SessionOptions &options, QObject *parent)
    : BackendSession(parent)
    , m_config(config)
    , m_contextName(contextName)
    , m_ns(ns)
    , m_options(options)
    , m_failures(options.failureWindowSeconds)
{
}

ClusterSession::~ClusterSession()
{
    // Running actions stop here, before the audit log and the revision store they use go away.
    delete m_actions;
    m_actions = nullptr;
    stop();
}

void ClusterSession::start()
{
    emit stateChanged(SessionState::Connecting, {}, 0);
    // Reads CA/certificate/key files and opens the history database: done here, on the backend thread.
    const Result<ConnectionConfig> connection = ConnectionConfig::resolve(m_config, m_contextName);
    if (!connection) {
        qCWarning(lcSession).noquote() << "cannot open context" << m_contextName << ":"
                                       << connection.error().toString();
        emit stateChanged(SessionState::Failed, connection.error(), 0);
        return;
    }
    openHistory(m_options.historyPath, m_options.metricRetentionMs);
    m_nam = new QNetworkAccessManager(this);
    m_client = new KubeClient(m_nam, connection.value(), this);
    m_client->setClock(m_clock);
    m_actions = new ActionRunner(m_client, m_contextName, m_audit.get(), m_revisions.get(), this);
    // The runner is the core's own unit (tested alone); the session publishes what it reports.
    connect(m_actions, &ActionRunner::progress, this, &ClusterSession::actionProgress);
    connect(m_actions, &ActionRunner::finished, this, &ClusterSession::actionFinished);
    emit connected({connection->contextName, connection->server.toString(), connection->user.name, connection->ns,
                    connection->insecure()});
    if (QNetworkInformation *info = QNetworkInformation::instance()) {
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability != QNetworkInformation::Reachability::Online || !m_deployments)
                        return;
                    qCInfo(lcSession) << "network changed; relisting";
                    m_deployments->relist();
                    if (m_sessionJobs)
                        m_sessionJobs->relist();
                    if (m_blueGreens)
                        m_blueGreens->relist();
                });
    }
    listNamespaces();
    loadSchema();
    startInformers();
    findPlatforms();
    // Failure windows age out even when nothing new arrives.
    m_failureTimer = new QTimer(this);
    m_failureTimer->setInterval(std::clamp(m_options.failureWindowSeconds * 250, 500, 5000));
    connect(m_failureTimer, &QTimer::timeout, this, [this] { republish(m_failures.expire(m_clock->now())); });
    m_failureTimer->start();
    m_pinnedTimer = new QTimer(this);
    m_pinnedTimer->setInterval(m_options.pollIntervalMs);
    connect(m_pinnedTimer, &QTimer::timeout, this, &ClusterSession::collectPinned);
    m_pinnedTimer->start();
}

void ClusterSession::stop()
{
    if (m_failureTimer)
        m_failureTimer->stop();
    if (m_pinnedTimer)
        m_pinnedTimer->stop();
    qDeleteAll(m_pinnedCollectors);
    m_pinnedCollectors.clear();
    qDeleteAll(m_watches);
    m_watches.clear();
    qDeleteAll(m_logs);
    m_logs.clear();
    qDeleteAll(m_dashboards);
    m_dashboards.clear();
    stopInformers();
    delete m_podMonitor;
    m_podMonitor = nullptr;
}

void ClusterSession::setPinned(const QStringList &keys)
{
    m_pinned = keys;
    collectPinned();
}

void ClusterSession::collectPinned()
{
    // An open page polls its deployment itself; the rest of the pinned ones are polled here, only
    // while their JobManager is READY, straight into the metric store.
    QSet<QString> wanted;
    if (m_deployments && m_metricStore && !m_pinned.isEmpty()) {
        for (auto it = m_summaries.cbegin(); it != m_summaries.cend(); ++it) {
            const Deployment &deployment = *it;
            const QString key = deployment.key();
            if (!m_pinned.contains(key) || m_watches.contains(it.key()))
                continue;
            wanted.insert(it.key());
            MetricCollector *collector = pinnedCollector(
                m_client, it.key(), JobManagerService::ofDeployment(deployment.ns, deployment.jobManagerName()));
            if (deployment.jobManagerExpected() && !deployment.jobId.isEmpty())
                collector->collect(deployment.jobId);
        }
    }
    keepPinnedCollectors(wanted);
}

int ClusterSession::openWatchCount() const
{
    return static_cast<int>(m_watches.size());
}

void ClusterSession::setNamespace(const QString &ns)
{
    if (ns == m_ns && m_deployments)
        return;
    m_ns = ns;
    if (!m_client)
        return;
    if (m_deployments) {
        // Tell the view that everything it shows is gone before the new namespace arrives.
        DeploymentBatch clear;
        clear.removed = m_summaries.keys();
        stopInformers();
        if (!clear.removed.isEmpty())
            emit deploymentsChanged(clear);
    }
    startInformers();
}

void ClusterSession::stopInformers()
{
    delete m_deployments;
    m_deploymentsListed = false;
    m_heldBatches.clear();
    delete m_sessionJobs;
    delete m_blueGreens;
    delete m_warnings;
    delete m_snapshots;
    delete m_events;
    qDeleteAll(m_kindEvents);
    m_kindEvents.clear();
    delete m_podInformer;
    m_podsUnavailable = false;
    if (m_podMonitor)
        m_podMonitor->clear();
    m_uidByKey.clear();
    m_lastSnapshotByName.clear();
    m_snapshotsByName.clear();
    m_snapshotOwner.clear();
    m_summaries.clear();
    m_opening.clear();
}

void ClusterSession::startInformers()
{
    // Batches carry the objects; the session keeps summaries of its own (and nothing of events or
    // snapshots but what it derived from them).
    Informer::Options compact = m_options.informer;
    compact.retainObjects = false;
    m_deployments = new Informer(m_client, ResourceType::flinkDeployments(), m_ns, compact, this);
    connect(m_deployments, &Informer::changed, this,
            [this](const InformerBatch &batch) { onDeployments(ResourceKind::FlinkDeployment, batch); });
    // Session jobs and blue/green deployments join the same list. A cluster whose operator predates
    // a kind answers 404 for it: that informer keeps retrying quietly, the list is the deployments.
    m_sessionJobs = new Informer(m_client, ResourceType::flinkSessionJobs(), m_ns, compact, this);
    connect(m_sessionJobs, &Informer::changed, this,
            [this](const InformerBatch &batch) { onDeployments(ResourceKind::FlinkSessionJob, batch); });
    m_blueGreens = new Informer(m_client, ResourceType::flinkBlueGreenDeployments(), m_ns, compact, this);
    connect(m_blueGreens, &Informer::changed, this,
            [this](const InformerBatch &batch) { onDeployments(ResourceKind::FlinkBlueGreenDeployment, batch); });
    connect(m_deployments, &Informer::stateChanged, this,
            [this](InformerState state, const Error &error, int retryInMs) {
                switch (state) {
                case InformerState::Watching:
                    emit stateChanged(SessionState::Live, {}, 0);
                    break;
                case InformerState::Backoff:
                    emit stateChanged(SessionState::Reconnecting, error, retryInMs);
                    break;
                case InformerState::Listing:
                    if (m_deployments && m_deployments->hasSynced())
                        emit stateChanged(SessionState::Reconnecting, error, 0);
                    break;
                case InformerState::Stopped:
                    break;
                }
            });

    Informer::Options warnings = compact;
    warnings.fieldSelector = QStringLiteral("type=Warning");
    m_warnings = new Informer(m_client, ResourceType::events(), m_ns, warnings, this);
    connect(m_warnings, &Informer::changed, this, &ClusterSession::onWarnings);

    m_snapshots = new Informer(m_client, ResourceType::flinkStateSnapshots(), m_ns, compact, this);
    connect(m_snapshots, &Informer::changed, this, &ClusterSession::onSnapshots);

    // The Events follow the first list of deployments rather than compete with it.
    connect(m_deployments, &Informer::synced, this, &ClusterSession::startEvents);
    // Pods likewise: their obituaries are filed under deployment uids, known once the list is in.
    connect(m_deployments, &Informer::synced, this, &ClusterSession::startPods);

    m_deployments->start();
    m_sessionJobs->start();
    m_blueGreens->start();
    m_warnings->start();
    m_snapshots->start();
}

void ClusterSession::startEvents()
{
    if (m_events || !m_history || !m_history->isOpen())
        return;
    // One watch per kind: a field selector matches one value, and not every operator release writes
    // the involved object's apiVersion to select them all by.
    for (const ResourceKind kind :
         {ResourceKind::FlinkDeployment, ResourceKind::FlinkSessionJob, ResourceKind::FlinkBlueGreenDeployment}) {
        Informer::Options options = m_options.informer;
        options.retainObjects = false;
        options.fieldSelector = QStringLiteral("involvedObject.kind=") + resourceKindName(kind);
        // Events are small and many: fewer, larger pages.
        options.pageSize = m_options.informer.pageSize * 10;
        auto *informer = new Informer(m_client, ResourceType::events(), m_ns, options, this);
        connect(informer, &Informer::changed, this, &ClusterSession::onEvents);
        informer->start();
        if (kind == ResourceKind::FlinkDeployment)
            m_events = informer;
        else
            m_kindEvents.append(informer);
    }
}

void ClusterSession::startPods()
{
    if (m_podInformer || !m_client || !m_options.watchPods)
        return;
    if (!m_podMonitor) {
        m_podMonitor = new PodMonitor(
            m_client, m_history.get(), [this](const QString &key) { return m_uidByKey.value(key); }, this);
        m_podMonitor->setTeardownCheck([this](const QString &key) {
            const Deployment d = m_summaries.value(m_uidByKey.value(key));
            return d.desiredState == QLatin1String("suspended") || d.lifecycleState == QLatin1String("UPGRADING")
                || d.lifecycleState == QLatin1String("SUSPENDED") || d.lifecycleState == QLatin1String("ROLLING_BACK")
                || d.lifecycleState == QLatin1String("DELETING") || d.lifecycleState == QLatin1String("DELETED");
        });
        connect(m_podMonitor, &PodMonitor::podsChanged, this, &ClusterSession::onPods);
        connect(m_podMonitor, &PodMonitor::obituary, this, &ClusterSession::onObituary);
    }
    // One informer for every Flink pod in scope, native and standalone; the monitor keeps a compact
    // form of each (Pod), the informer only resourceVersions.
    Informer::Options options = m_options.informer;
    options.retainObjects = false;
    options.labelSelector = Pod::flinkPodSelector();
    m_podInformer = new Informer(m_client, ResourceType::pods(), m_ns, options, this);
    connect(m_podInformer, &Informer::changed, this,
            [this](const InformerBatch &batch) { m_podMonitor->apply(batch, m_clock->now()); });
    connect(m_podInformer, &Informer::stateChanged, this, [this](InformerState state, const Error &error, int) {
        if (state == InformerState::Backoff && !m_podsUnavailable) {
            m_podsUnavailable = true;
            qCInfo(lcSession).noquote() << "cannot watch pods:" << error.toString();
            emit podsUnavailable(error);
        } else if (state == InformerState::Watching && m_podsUnavailable) {
            m_podsUnavailable = false;
            emit podsUnavailable({});
        }
    });
    m_podInformer->start();
}

void ClusterSession::onPods(const QString &deploymentKey, const QList<Pod> &upserted, const QStringList &removed)
{
    const QString uid = m_uidByKey.value(deploymentKey);
    if (uid.isEmpty())
        return; // its deployment is not (yet) listed: observed when it is
    if (m_watches.contains(uid) || m_opening.contains(uid)) {
        PodBatch batch;
        batch.deploymentUid = uid;
        batch.upserted = upserted;
        batch.removed = removed;
        emit podsChanged(batch);
    }
    if (m_failures.observePods(uid, m_podMonitor->podsOf(deploymentKey), m_clock->now()))
        republish({uid});
}

void ClusterSession::onObituary(const Obituary &obituary)
{
    if (obituary.deploymentUid.isEmpty())
        return;
    // The crash-looping JobManager's previous log names the cause of its failure.
    if (obituary.component == PodComponent::JobManager && !obituary.logCause.isEmpty()
        && m_failures.observeLogCause(obituary.deploymentUid, obituary.logCause, m_clock->now()))
        republish({obituary.deploymentUid});
    if (m_watches.contains(obituary.deploymentUid) || m_opening.contains(obituary.deploymentUid)) {
        ObituaryBatch batch;
        batch.deploymentUid = obituary.deploymentUid;
        batch.obituaries = {obituary};
        emit obituariesChanged(batch);
    }
}

void ClusterSession::sendPodsAndObituaries(const QString &uid)
{
    const auto summary = m_summaries.constFind(uid);
    if (summary == m_summaries.cend())
        return;
    PodBatch pods;
    pods.deploymentUid = uid;
    pods.reset = true;
    if (m_podMonitor)
        pods.upserted = m_podMonitor->podsOf(summary->key());
    emit podsChanged(pods);
    ObituaryBatch obituaries;
    obituaries.deploymentUid = uid;
    obituaries.reset = true;
    if (m_history)
        obituaries.obituaries = m_history->obituaries(uid);
    emit obituariesChanged(obituaries);
}

void ClusterSession::openLog(quint64 id, const LogRequest &request)
{
    closeLog(id);
    if (!m_client) {
        emit logEnded(id, Error::make(LogReader::unavailableReason, tr("The cluster connection is not open.")));
        return;
    }
    auto *reader = new LogReader(m_client, request, this);
    m_logs.insert(id, reader);
    connect(reader, &LogReader::lines, this,
            [this, id](const QStringList &lines, const QString &source) { emit logLines(id, lines, source); });
    connect(reader, &LogReader::finished, this, [this, id, reader](const Error &error) {
        if (m_logs.value(id) == reader)
            m_logs.remove(id);
        reader->deleteLater();
        emit logEnded(id, error);
    });
    reader->start();
}

void ClusterSession::closeLog(quint64 id)
{
    if (LogReader *reader = m_logs.take(id)) {
        reader->stop();
        reader->deleteLater();
    }
}

void ClusterSession::openDashboard(const QString &ns, const QString &name)
{
    const QString key = ns + QLatin1Char('/') + name;
    if (DashboardProxy *open = m_dashboards.value(key)) {
        emit dashboardOpened(ns, name, open->url());
        return;
    }
    if (!m_client) {
        emit dashboardFailed(ns, name,
                             Error::make(QStringLiteral("NotConnected"), tr("The cluster connection is not open.")));
        return;
    }
    auto *proxy = new DashboardProxy(m_client, ns, name, this);
    const Result<QUrl> url = proxy->start();
    if (!url) {
        delete proxy;
        emit dashboardFailed(ns, name, url.error());
        return;
    }
    m_dashboards.insert(key, proxy);
    emit dashboardOpened(ns, name, url.value());
}

void ClusterSession::closeDashboard(const QString &ns, const QString &name)
{
    if (DashboardProxy *proxy = m_dashboards.take(ns + QLatin1Char('/') + name)) {
        proxy->stop();
        proxy->deleteLater();
    }
    emit dashboardClosed(ns, name);
}

const DashboardProxy *ClusterSession::dashboard(const QString &ns, const QString &name) const
{
    return m_dashboards.value(ns + QLatin1Char('/') + name);
}

void ClusterSession::onEvents(const InformerBatch &batch)
{
    // Events that expire on the server stay in the local history: removals are not passed on.
    QList<ClusterEvent> events;
    events.reserve(batch.upserted.size());
    QHash<QString, QList<ClusterEvent>> forOpenPages;
    for (const QJsonObject &object : batch.upserted) {
        ClusterEvent event = ClusterEvent::fromJson(object);
        if (event.involvedUid.isEmpty())
            continue;
        if (m_watches.contains(event.involvedUid) || m_opening.value(event.involvedUid).eventsSent)
            forOpenPages[event.involvedUid].append(event);
        events.append(std::move(event));
    }
    if (m_history)
        m_history->saveEvents(events);
    for (auto it = forOpenPages.cbegin(); it != forOpenPages.cend(); ++it) {
        if (DeploymentWatch *watch = m_watches.value(it.key())) {
            watch->addEvents(*it);
        } else {
            EventBatch out; // a page whose object is still on its way
            out.deploymentUid = it.key();
            out.upserted = *it;
            emit eventsChanged(out);
        }
    }
}

Deployment ClusterSession::decorate(Deployment d) const
{
    Deployment out = Deployment::decorated(d, m_failures.status(d.uid), m_lastSnapshotByName.value(d.key()));
    if (const auto snapshots = m_snapshotsByName.constFind(d.key()); snapshots != m_snapshotsByName.cend()) {
        for (const Snapshot &s : *snapshots) {
            if (s.state == QLatin1String("FAILED") && s.time.isValid()
                && (out.lastFailedSnapshot.state.isEmpty() || s.time > out.lastFailedSnapshot.time))
                out.lastFailedSnapshot = s;
        }
    }
    return out;
}

void ClusterSession::onDeployments(ResourceKind kind, const InformerBatch &batch)
{
    // Session jobs and blue/green deployments join the list once its deployments are in: the first
    // list a view shows is never one of a kind without the deployments.
    if (kind != ResourceKind::FlinkDeployment && !m_deploymentsListed) {
        m_heldBatches.append({kind, batch});
        return;
    }
    // The failure window and the spec revisions' windows compare with event and snapshot times,
    // which are the cluster's.
    const QDateTime now = m_clock->now();
    DeploymentBatch out;
    // A relist of one kind says nothing of the others (its removals are in the batch).
    out.resynced = batch.resynced && kind == ResourceKind::FlinkDeployment;
    out.removed = batch.removed;
    out.upserted.reserve(batch.upserted.size());
    for (QJsonObject object : batch.upserted) {
        // Lists of custom resources name each item's kind; a stale proxy may not.
        if (!object.contains(QLatin1String("kind")))
            object.insert(QStringLiteral("kind"), resourceKindName(kind));
        const Deployment plain = Deployment::fromJson(object);
        const bool isNew = !m_summaries.contains(plain.uid);
        m_summaries.insert(plain.uid, plain);
        m_uidByKey.insert(plain.key(), plain.uid);
        m_failures.observeDeployment(plain, now);
        if (isNew && m_podMonitor)
            m_failures.observePods(plain.uid, m_podMonitor->podsOf(plain.key()), now);
        if (m_actions)
            m_actions->observe(object);
        out.upserted.append(decorate(plain));
        if (DeploymentWatch *watch = m_watches.value(plain.uid))
            watch->update(object, plain);
    }
    for (const QString &uid : batch.removed) {
        const auto gone = m_summaries.constFind(uid);
        if (gone != m_summaries.cend() && m_uidByKey.value(gone->key()) == uid)
            m_uidByKey.remove(gone->key());
        m_summaries.remove(uid);
        m_opening.remove(uid);
        m_failures.forget(uid);
        delete m_watches.take(uid);
    }
    emit deploymentsChanged(out);
    // After the view has its batch: the spec history writes to disk.
    if (m_revisions)
        m_revisions->observe(batch.upserted, now);
    if (kind == ResourceKind::FlinkDeployment && !m_deploymentsListed) {
        m_deploymentsListed = true;
        const QList<QPair<ResourceKind, InformerBatch>> held = std::exchange(m_heldBatches, {});
        for (const auto &[heldKind, heldBatch] : held)
            onDeployments(heldKind, heldBatch);
    }
}

void ClusterSession::republish(const QStringList &uids)
{
    if (uids.isEmpty() || !m_deployments)
        return;
    DeploymentBatch out;
    for (const QString &uid : uids) {
        const auto it = m_summaries.constFind(uid);
        if (it != m_summaries.cend())
            out.upserted.append(decorate(*it));
    }
    if (!out.upserted.isEmpty())
        emit deploymentsChanged(out);
}

void ClusterSession::onWarnings(const InformerBatch &batch)
{
    const QDateTime now = m_clock->now();
    QStringList changed;
    for (const QJsonObject &object : batch.upserted) {
        QString uid;
        if (m_failures.observeEvent(ClusterEvent::fromJson(object), now, &uid) && !changed.contains(uid))
            changed << uid;
    }
    for (const QString &uid : batch.removed)
        m_failures.forgetEvent(uid);
    republish(changed);
}

void ClusterSession::onSnapshots(const InformerBatch &batch)
{
    QStringList touchedNames;
    QHash<QString, QList<Snapshot>> upserted; // by "namespace/deployment", for open pages
    QHash<QString, QStringList> removed;
    for (const QJsonObject &object : batch.upserted) {
        const Snapshot s = Snapshot::fromResource(object);
        const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
        const QString deployment = labels.value(QLatin1String("job-reference.name")).toString();
        const QString key
            = Deployment::keyOf(metadata.value(QLatin1String("namespace")).toString(), deployment,
                                resourceKindFromName(labels.value(QLatin1String("job-reference.kind")).toString()));
        if (deployment.isEmpty())
            continue;
        const QString previousOwner = m_snapshotOwner.value(s.key);
        if (!previousOwner.isEmpty() && previousOwner != key) {
            m_snapshotsByName[previousOwner].remove(s.key);
            removed[previousOwner] << s.key;
        }
        m_snapshotOwner.insert(s.key, key);
        m_snapshotsByName[key].insert(s.key, s);
        upserted[key] << s;
        if (s.state == QLatin1String("FAILED"))
            touchedNames << key; // the list's lastFailedSnapshot
        const SnapshotRef known = m_lastSnapshotByName.value(key);
        const SnapshotRef newest = SnapshotRef::newer(known, SnapshotRef::fromSnapshot(s));
        if (newest == known)
            continue;
        m_lastSnapshotByName.insert(key, newest);
        touchedNames << key;
    }
    for (const QString &uid : batch.removed) {
        const QString owner = m_snapshotOwner.take(uid);
        if (owner.isEmpty())
            continue;
        auto byName = m_snapshotsByName.find(owner);
        if (byName != m_snapshotsByName.end()) {
            byName->remove(uid);
            if (byName->isEmpty())
                m_snapshotsByName.erase(byName);
        }
        removed[owner] << uid;
    }
    for (DeploymentWatch *watch : std::as_const(m_watches)) {
        const QString key = watch->deployment().key();
        watch->addSnapshots(upserted.value(key), removed.value(key));
    }
    for (auto it = m_opening.cbegin(); it != m_opening.cend(); ++it) {
        const auto summary = m_summaries.constFind(it.key());
        if (!it->snapshotsSent || summary == m_summaries.cend())
            continue;
        const QString key = summary->key();
        SnapshotBatch out; // a page whose object is still on its way
        out.deploymentUid = it.key();
        out.upserted = upserted.value(key);
        out.removed = removed.value(key);
        if (!out.upserted.isEmpty() || !out.removed.isEmpty())
            emit snapshotsChanged(out);
    }
    if (touchedNames.isEmpty() || !m_deployments)
        return;
    const QSet<QString> touched(touchedNames.cbegin(), touchedNames.cend());
    QStringList uids;
    for (auto it = m_summaries.cbegin(); it != m_summaries.cend(); ++it) {
        if (touched.contains(it->key()))
            uids << it.key();
    }
    republish(uids);
}

void ClusterSession::openDeployment(const QString &uid)
{
    if (m_watches.contains(uid) || m_opening.contains(uid) || !m_deployments)
        return;
    const auto it = m_summaries.constFind(uid);
    if (it == m_summaries.cend())
        return;
    const QString name = it->key();
    const QString path = ResourceType::of(it->kind).objectPath(it->ns, it->name);
    delete m_pinnedCollectors.take(uid); // the page's own poller takes over
    Opening opening;
    opening.eventsSent = m_events != nullptr;
    opening.snapshotsSent = m_snapshots != nullptr;
    m_opening.insert(uid, opening);
    sendPodsAndObituaries(uid);
    if (opening.eventsSent) {
        // What the session already has goes out at once; the watch starts once the object is here.
        EventBatch history;
        history.deploymentUid = uid;
        history.reset = true;
        history.upserted = m_history->events(uid);
        emit eventsChanged(history);
    }
    if (opening.snapshotsSent) {
        SnapshotBatch snapshots;
        snapshots.deploymentUid = uid;
        snapshots.upserted = m_snapshotsByName.value(name).values();
        if (!snapshots.upserted.isEmpty())
            emit snapshotsChanged(snapshots);
    }
    KubeReply *reply = m_client->get(path);
    connect(reply, &KubeReply::finished, this, [this, uid](const Result<QJsonObject> &result) {
        if (!m_opening.contains(uid))
            return; // closed (or gone) meanwhile
        const Opening sent = m_opening.take(uid);
        if (!result) {
            qCInfo(lcSession).noquote() << "cannot open deployment" << uid << ":" << result.error().toString();
            collectPinned();
            return;
        }
        if (uidOf(result.value()) == uid)
            startWatch(result.value(), sent);
    });
}

void ClusterSession::startWatch(const QJsonObject &object, const Opening &opening)
{
    const QString uid = uidOf(object);
    DeploymentWatch::Options options;
    options.pollIntervalMs = m_options.pollIntervalMs;
    options.informerBatchMs = m_options.informer.batchIntervalMs;
    options.eventsFromSession = opening.eventsSent;
    options.historyShown = opening.eventsSent;
    options.snapshotsFromSession = opening.snapshotsSent;
    auto *watch = new DeploymentWatch(m_client, m_history.get(), object, options, this);
    watch->setMetricStore(m_metricStore.get());
    m_watches.insert(uid, watch);
    connect(watch, &DeploymentWatch::restartCountObserved, this, [this](const QString &id, qint64 restarts) {
        if (m_failures.observeRestartCount(id, restarts, m_clock->now()))
            republish({id});
    });
    watch->start();
    if (m_graphWatches.contains(uid))
        watch->setGraphWatch(true, m_graphWatches.value(uid));
    if (m_autoscalerWatches.contains(uid))
        watch->setAutoscalerWatch(true);
    loadPrometheusHistory(watch);
    reviewAccess(watch->deployment().ns);
}

void ClusterSession::reviewAccess(const QString &ns)
{
    // How old an answer is, as this computer counts: a local interval, not a cluster fact.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime asked = m_accessReviewedAt.value(ns);
    if (!m_client || (asked.isValid() && asked.secsTo(now) < 60))
        return;
    m_accessReviewedAt.insert(ns, now);
    const AccessCheckList checks = actionAccessChecks(ns);
    auto answers = std::make_shared<AccessCheckList>();
    for (const AccessCheck &check : checks) {
        KubeReply *reply = m_client->create(AccessCheck::reviewPath, check.reviewRequest());
        connect(reply, &KubeReply::finished, this,
                [this, check, answers, total = checks.size(), ns](const Result<QJsonObject> &result) {
                    if (result) {
                        answers->append(check.answeredBy(result.value()));
                    } else {
                        // A cluster that will not answer: the actions stay enabled and the server's own
                        // 403 explains a refusal. Asked again at the next opening.
                        qCInfo(lcSession).noquote() << "access review unavailable:" << result.error().toString();
                        m_accessReviewedAt.remove(ns);
                        answers->append(check);
                    }
                    if (answers->size() == total)
                        emit accessReviewed(*answers);
                });
    }
}

void ClusterSession::setPrometheus(const PrometheusConfig &config)
{
    m_prometheus = config;
}

void ClusterSession::setPollInterval(int ms)
{
    m_options.pollIntervalMs = ms;
    for (DeploymentWatch *watch : std::as_const(m_watches))
        watch->setPollInterval(ms);
    if (m_pinnedTimer)
        m_pinnedTimer->setInterval(ms);
}

void ClusterSession::setMetricRetention(qint64 ms)
{
    m_options.metricRetentionMs = ms;
    if (m_metricStore)
        m_metricStore->setRetentionMs(ms);
}

void ClusterSession::loadPrometheusHistory(DeploymentWatch *watch)
{
    // The operator names the job after its deployment.
    BackendSession::loadPrometheusHistory(m_client, watch->uid(), watch->deployment().name, watch);
}

void ClusterSession::watchJobGraph(const QString &uid, bool on, const QString &vertexId)
{
    if (on)
        m_graphWatches.insert(uid, vertexId);
    else
        m_graphWatches.remove(uid);
    if (DeploymentWatch *watch = m_watches.value(uid))
        watch->setGraphWatch(on, vertexId);
}

void ClusterSession::watchAutoscaler(const QString &uid, bool on)
{
    if (on)
        m_autoscalerWatches.insert(uid);
    else
        m_autoscalerWatches.remove(uid);
    if (DeploymentWatch *watch = m_watches.value(uid))
        watch->setAutoscalerWatch(on);
}

void ClusterSession::closeDeployment(const QString &uid)
{
    m_opening.remove(uid);
    m_graphWatches.remove(uid);
    m_autoscalerWatches.remove(uid);
    delete m_watches.take(uid);
    collectPinned(); // a pinned deployment's collection carries on without its page
}

void ClusterSession::findPlatforms()
{
    // Ververica's Helm chart labels its Service app=ververica-platform (or <release>-ververica-platform)
    // and, in some releases, component=ververica-platform: both are asked, the answers merged.
    auto found = std::make_shared<QHash<QString, VvpEndpoint>>();
    auto pending = std::make_shared<int>(2);
    for (const QString &selector : {QStringLiteral("app in (ververica-platform,vvp-ververica-platform)"),
                                    QStringLiteral("component=ververica-platform")}) {
        KubeClient::ListOptions options;
        options.labelSelector = selector;
        KubeReply *reply = m_client->list(QStringLiteral("/api/v1/services"), options);
        connect(reply, &KubeReply::finished, this, [this, found, pending](const Result<QJsonObject> &result) {
            // Listing Services cluster-wide is often not allowed: no platform is offered then.
            if (result) {
                const QJsonArray items = result->value(QLatin1String("items")).toArray();
                for (const QJsonValue &item : items) {
                    if (VvpEndpoint::isPlatformService(item.toObject())) {
                        const VvpEndpoint e = VvpEndpoint::fromService(item.toObject());
                        found->insert(e.describe(), e);
                    }
                }
            }
            if (--*pending == 0 && !found->isEmpty())
                emit platformsFound(found->values());
        });
    }
}

void ClusterSession::listNamespaces()
{
    KubeReply *reply = m_client->list(ResourceType::namespaces().collectionPath(), {});
    connect(reply, &KubeReply::finished, this, [this](const Result<QJsonObject> &result) {
        if (!result) {
            const bool forbidden = result.error().httpStatus == 403;
            qCInfo(lcSession).noquote() << "cannot list namespaces:" << result.error().toString();
            emit namespacesListed({}, forbidden);
            return;
        }
        QStringList names;
        const QJsonArray items = result->value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            names
                << item.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        names.sort();
        emit namespacesListed(names, false);
    });
}

void ClusterSession::runAction(const ActionRequest &request)
{
    if (!m_actions) {
        ActionResult result;
        result.id = request.id;
        result.kind = request.kind;
        result.outcome = ActionResult::Outcome::Failed;
        result.summary = tr("The cluster connection is not open, so nothing was sent.");
        result.error = Error::make(QStringLiteral("NotConnected"), result.summary);
        emit actionFinished(result);
        return;
    }
    m_actions->run(request);
}

void ClusterSession::abandonAction(quint64 id)
{
    if (m_actions)
        m_actions->abandon(id);
}

void ClusterSession::requestSpecRevision(const QString &uid, const QDateTime &time)
{
    emit specRevision(uid, time, m_revisions ? m_revisions->specAt(uid, time) : QJsonObject());
}

void ClusterSession::requestAuditEntries(const AuditQuery &query)
{
    emit auditEntries(query, m_audit ? m_audit->entries(query) : QList<AuditEntry>());
}

void ClusterSession::loadSchema()
{
    // A blue/green deployment's template is a FlinkDeployment spec: two schemas serve the three kinds.
    for (const ResourceType &type : {ResourceType::flinkDeployments(), ResourceType::flinkSessionJobs()})
        loadSchema(type);
}

void ClusterSession::loadSchema(const ResourceType &type)
{
    const QString path = QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/") + type.plural
        + QLatin1Char('.') + type.group;
    KubeReply *reply = m_client->get(path);
    connect(reply, &KubeReply::finished, this, [this, type](const Result<QJsonObject> &result) {
        if (!result) {
            // 403 is normal: many users may not read CRDs. The editor then validates less.
            qCInfo(lcSession).noquote() << "cannot read the" << type.kind << "CRD schema:" << result.error().toString();
            return;
        }
        const QJsonObject spec = result->value(QLatin1String("spec")).toObject();
        const QString kind
            = spec.value(QLatin1String("names")).toObject().value(QLatin1String("kind")).toString(type.kind);
        const QJsonArray versions = spec.value(QLatin1String("versions")).toArray();
        for (const QJsonValue &version : versions) {
            const QJsonObject v = version.toObject();
            if (v.value(QLatin1String("name")).toString() != QLatin1String("v1beta1"))
                continue;
            const QJsonObject schema
                = v.value(QLatin1String("schema")).toObject().value(QLatin1String("openAPIV3Schema")).toObject();
            if (schema.isEmpty())
                break;
            emit schemaLoaded(kind, schema);
            return;
        }
        qCInfo(lcSession).noquote() << "the" << type.kind << "CRD has no v1beta1 schema";
    });
}

} // namespace capstan
