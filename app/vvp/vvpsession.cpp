#include "vvp/vvpsession.h"

#include "actions/actiondescriptor.h"
#include "actions/actionplan.h"
#include "actions/actionrunner.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/serverclock.h"
#include "logging.h"
#include "metrics/metriccollector.h"
#include "metrics/metricstore.h"
#include "session/jobmanagerpoller.h"
#include "session/specrevisionstore.h"
#include "vvp/vvpadmin.h"
#include "vvp/vvpapidescription.h"
#include "vvp/vvpclient.h"
#include "vvp/vvpjobmanagers.h"
#include "vvp/vvpobjects.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace capstan {

VvpSession::VvpSession(const KubeConfig &config, const QString &contextName, const VvpEndpoint &endpoint,
                       const QString &ns, const QString &token, const Options &options, QObject *parent)
    : BackendSession(parent)
    , m_config(config)
    , m_contextName(contextName)
    , m_endpoint(endpoint)
    , m_ns(ns)
    , m_token(token)
    , m_options(options)
    , m_admin(new VvpAdmin(this, [this] { return m_vvp; }))
    , m_listTimer(this)
    , m_pollTimer(this)
{
    m_listTimer.setInterval(options.listIntervalMs);
    m_pollTimer.setInterval(options.pollIntervalMs);
    connect(&m_listTimer, &QTimer::timeout, this, &VvpSession::list);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        const QStringList uids = m_pages.keys();
        for (const QString &uid : uids)
            pollPage(uid);
        collectPinned();
    });
}

VvpSession::~VvpSession() = default;

void VvpSession::requestDeploymentDefaults(const QString &ns)
{
    m_admin->requestDefaults(ns);
}

void VvpSession::saveDeploymentDefaults(const QString &ns, const QJsonObject &specPatch, const QString &resourceVersion)
{
    m_admin->saveDefaults(ns, specPatch, resourceVersion);
}

void VvpSession::requestSecretValues(const QString &ns)
{
    m_admin->requestSecretValues(ns);
}

void VvpSession::createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value)
{
    m_admin->createSecretValue(ns, name, kind, value);
}

void VvpSession::deleteSecretValue(const QString &ns, const QString &name)
{
    m_admin->deleteSecretValue(ns, name);
}

void VvpSession::start()
{
    emit stateChanged(SessionState::Connecting, {}, 0);
    Result<ConnectionConfig> connection = m_endpoint.kind == VvpEndpoint::Kind::Url
        ? Result<ConnectionConfig>(VvpEndpoint::directConnection(m_endpoint.url, m_token))
        : ConnectionConfig::resolve(m_config, m_contextName);
    if (!m_endpoint.isValid())
        connection
            = Error::make(QStringLiteral("InvalidEndpoint"),
                          tr("No Ververica Platform is named: give its Service (namespace/name:port) or its URL."));
    if (!connection) {
        emit stateChanged(SessionState::Failed, connection.error(), 0);
        return;
    }
    // Opened here, on the backend thread, as ClusterSession does: the same file and tables.
    openHistory(m_options.historyPath, m_options.metricRetentionMs);
    m_nam = new QNetworkAccessManager(this);
    m_client = new KubeClient(m_nam, connection.value(), this);
    m_client->setClock(m_clock);
    m_vvp = new VvpClient(m_client, m_endpoint, this);
    if (m_endpoint.kind == VvpEndpoint::Kind::ServiceProxy) {
        // The context's client reaches the jobs' Services as it reaches the platform's.
        m_jobManagers = new VvpJobManagers(m_vvp, m_client, this);
        connect(m_jobManagers, &VvpJobManagers::located, this, [this](const QString &uid) {
            if (m_pages.contains(uid))
                pollJobManager(uid);
        });
    }
    emit connected({m_contextName.isEmpty() ? m_endpoint.describe() : m_contextName,
                    tr("Ververica Platform %1").arg(m_endpoint.describe()), connection->user.name, m_ns,
                    connection->insecure()});
    list();
    m_listTimer.start();
    m_pollTimer.start();
    loadApiDescription();
}

// Configure Deployment checks a spec against the description the platform serves, as it checks an
// operator's spec against the CRD's schema. A platform without one keeps the built-in checks.
void VvpSession::loadApiDescription()
{
    KubeReply *reply = m_vvp->get(VvpClient::apiDescriptionPath());
    connect(reply, &KubeReply::finished, this, [this, generation = m_generation](const Result<QJsonObject> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            qCInfo(lcSession).noquote() << "no API description from the platform:" << result.error().message;
            return;
        }
        const Result<VvpApiDescription> description = VvpApiDescription::fromJson(*result);
        if (!description) {
            qCInfo(lcSession).noquote() << description.error().message;
            return;
        }
        emit apiDescriptionLoaded(*description);
    });
}

void VvpSession::stop()
{
    m_listTimer.stop();
    m_pollTimer.stop();
    ++m_generation;
    m_pages.clear();
    qDeleteAll(m_pollers);
    m_pollers.clear();
    qDeleteAll(m_pinnedCollectors);
    m_pinnedCollectors.clear();
}

void VvpSession::setNamespace(const QString &ns)
{
    if (ns == m_ns)
        return;
    m_ns = ns;
    ++m_generation;
    m_listing = false;
    m_synced = false;
    DeploymentBatch batch;
    batch.resynced = true;
    m_summaries.clear();
    m_objects.clear();
    emit deploymentsChanged(batch);
    list();
}

void VvpSession::list()
{
    if (!m_vvp || m_listing)
        return;
    m_listing = true;
    ++m_lists;
    const quint64 generation = m_generation;
    // Which namespaces: the one chosen, else every namespace the platform has.
    if (!m_ns.isEmpty()) {
        m_namespaces = {m_ns};
        listed(m_namespaces, {});
        return;
    }
    KubeReply *reply = m_vvp->get(VvpClient::namespacesPath());
    connect(reply, &KubeReply::finished, this, [this, generation](const Result<QJsonObject> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            listFailed(result.error());
            return;
        }
        QStringList names;
        const QJsonArray list = result->value(QLatin1String("namespaces")).toArray();
        for (const QJsonValue &value : list) {
            // "namespaces/default"
            const QString name = value.toObject().value(QLatin1String("name")).toString().section(QLatin1Char('/'), -1);
            if (!name.isEmpty())
                names << name;
        }
        if (names != m_namespaces)
            emit namespacesListed(names, false);
        m_namespaces = names;
        listed(names, {});
    });
}

// Lists the deployments of each namespace in turn (a platform has a handful), then publishes the
// difference to what was listed before.
void VvpSession::listed(const QStringList &namespaces, const QHash<QString, QJsonObject> &objects)
{
    if (namespaces.isEmpty()) {
        DeploymentBatch batch;
        batch.resynced = !m_synced;
        QStringList gone;
        for (auto it = m_summaries.cbegin(); it != m_summaries.cend(); ++it) {
            if (!objects.contains(it.key()))
                gone << it.key();
        }
        for (const QString &uid : std::as_const(gone)) {
            m_summaries.remove(uid);
            m_objects.remove(uid);
            batch.removed << uid;
        }
        for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
            const Deployment d = VvpObjects::deployment(it.value());
            const auto known = m_summaries.constFind(it.key());
            if (batch.resynced || known == m_summaries.cend() || known->resourceVersion != d.resourceVersion
                || known->lifecycleState != d.lifecycleState || known->jobId != d.jobId)
                batch.upserted << d;
            m_summaries.insert(it.key(), d);
            m_objects.insert(it.key(), it.value());
            observeSpec(it.key(), it.value());
        }
        m_listing = false;
        m_synced = true;
        if (!m_live) {
            m_live = true;
            emit stateChanged(SessionState::Live, {}, 0);
        }
        if (!batch.upserted.isEmpty() || !batch.removed.isEmpty() || batch.resynced)
            emit deploymentsChanged(batch);
        const QSet<QString> pending = m_pendingOpens;
        for (const QString &uid : pending) {
            if (m_objects.contains(uid))
                openDeployment(uid);
        }
        return;
    }
    const quint64 generation = m_generation;
    const QString ns = namespaces.constFirst();
    KubeReply *reply = m_vvp->get(VvpClient::deploymentsPath(ns));
    connect(reply, &KubeReply::finished, this,
            [this, generation, rest = namespaces.mid(1), objects](const Result<QJsonObject> &result) {
                if (generation != m_generation)
                    return;
                if (!result) {
                    listFailed(result.error());
                    return;
                }
                QHash<QString, QJsonObject> all = objects;
                for (const QJsonObject &o : VvpObjects::items(result.value())) {
                    const QString uid
                        = o.value(QLatin1String("metadata")).toObject().value(QLatin1String("id")).toString();
                    if (!uid.isEmpty())
                        all.insert(uid, o);
                }
                listed(rest, all);
            });
}

void VvpSession::listFailed(const Error &error)
{
    m_listing = false;
    qCInfo(lcSession).noquote() << "Ververica Platform list failed:" << error.toString();
    // The list stays as last known, marked as such, and is asked again at the next tick.
    m_live = false;
    emit stateChanged(m_synced ? SessionState::Reconnecting : SessionState::Connecting, error, m_listTimer.interval());
}

void VvpSession::openDeployment(const QString &uid)
{
    const auto object = m_objects.constFind(uid);
    if (object == m_objects.cend()) {
        // Not listed (yet, or again after a change of namespace): opened once the list has it.
        m_pendingOpens.insert(uid);
        return;
    }
    m_pendingOpens.remove(uid);
    const Deployment &d = m_summaries[uid];
    // Opened again (another page of the same deployment): it gets everything afresh too.
    Page page;
    page.ns = d.ns;
    page.name = d.name;
    EventBatch history;
    if (m_history) {
        // What was kept of its Events (the platform may have dropped some since), then the live ones.
        history.deploymentUid = uid;
        history.reset = true;
        history.upserted = m_history->events(uid);
        page.sentOnce = true;
        for (const ClusterEvent &e : std::as_const(history.upserted))
            page.events.insert(e.uid);
    }
    m_pages.insert(uid, page);
    emit objectChanged(d, *object);
    if (m_history)
        emit eventsChanged(history);
    delete m_pinnedCollectors.take(uid); // the page's own poller takes over
    delete m_pollers.take(uid);
    if (m_metricStore) {
        // The last hour of metric history, so charts open with it (samples carry the cluster's time).
        const qint64 now = m_clock->nowMs();
        const QList<MetricSample> kept = m_metricStore->range(uid, now - 3600 * 1000, now);
        if (!kept.isEmpty())
            emit metricsAppended(uid, kept);
    }
    if (m_prometheus.isSet() && m_prometheus.viaProxy() && m_endpoint.kind == VvpEndpoint::Kind::Url)
        emit prometheusFailed(uid,
                              Error::make(QStringLiteral("NotExposed"),
                                          tr("The Prometheus source is a Service of a cluster, which this "
                                             "platform, reached by its URL, does not lead to: give "
                                             "Prometheus by its URL.")));
    else
        // By the deployment's name, as for the operator's deployments: the job name the series carry
        // unless the job's program names it otherwise.
        loadPrometheusHistory(m_client, uid, d.name, this);
    pollPage(uid);
}

void VvpSession::closeDeployment(const QString &uid)
{
    m_pendingOpens.remove(uid);
    m_pages.remove(uid);
    m_graphWatches.remove(uid);
    delete m_pollers.take(uid);
    collectPinned(); // a pinned deployment's collection carries on without its page
}

Error VvpSession::notExposed() const
{
    return Error::make(QStringLiteral("NotExposed"),
                       tr("Capstan reaches this Ververica Platform by its URL, which leads to no JobManager. Open "
                          "the platform through its cluster's Kubernetes context for the JobManager's view and "
                          "live metrics, or set a Prometheus source for metric history."));
}

void VvpSession::pollJobManager(const QString &uid)
{
    if (!m_pages.contains(uid))
        return;
    JobManagerInfo info;
    info.polledAt = m_clock->now();
    if (!m_jobManagers) {
        info.error = notExposed();
        emit jobManagerChanged(uid, info);
        return;
    }
    const QJsonObject object = m_objects.value(uid);
    const Deployment d = VvpObjects::deployment(object);
    if (d.lifecycleState != QLatin1String("RUNNING") || d.jobId.isEmpty()) {
        delete m_pollers.take(uid);
        info.error = Error::make(
            QStringLiteral("JobManagerNotReady"),
            d.lifecycleState.isEmpty()
                ? tr("The JobManager is read while the deployment is RUNNING.")
                : tr("The deployment is %1; its JobManager is read while it is RUNNING.").arg(d.lifecycleState));
        emit jobManagerChanged(uid, info);
        return;
    }
    const JobManagerService where = m_jobManagers->find(object);
    if (!where.isValid()) {
        // Being looked up (located() polls again), or not found: then the page says why.
        info.error = m_jobManagers->error(uid);
        if (info.error.isSet())
            emit jobManagerChanged(uid, info);
        return;
    }
    JobManagerPoller *&poller = m_pollers[uid];
    if (poller && !(poller->jobManager() == where)) {
        delete poller; // a new job: its own JobManager
        poller = nullptr;
        m_pages[uid].latestCheckpointId = -1;
    }
    if (!poller)
        poller = makePoller(uid, where);
    poller->poll(VvpJobManagers::flinkJobId(d.jobId), m_pages.value(uid).latestCheckpointId);
}

JobManagerPoller *VvpSession::makePoller(const QString &uid, const JobManagerService &where)
{
    auto *poller = new JobManagerPoller(m_client, where, this);
    connect(poller, &JobManagerPoller::polled, this, [this, uid](const JobManagerInfo &info) {
        if (!info.latestCheckpoint.isEmpty() && m_pages.contains(uid))
            m_pages[uid].latestCheckpointId = info.latestCheckpoint.constFirst().checkpointId;
        emit jobManagerChanged(uid, info);
    });
    connect(poller, &JobManagerPoller::metricsCollected, this, [this, uid](const QList<MetricSample> &samples) {
        if (m_metricStore)
            m_metricStore->append(uid, samples);
        emit metricsAppended(uid, samples);
    });
    connect(poller, &JobManagerPoller::graphPolled, this,
            [this, uid](const JobGraph &graph) { emit jobGraphChanged(uid, graph); });
    connect(poller, &JobManagerPoller::vertexPolled, this,
            [this, uid](const VertexDetails &details) { emit vertexDetailsChanged(uid, details); });
    if (m_graphWatches.contains(uid))
        poller->setGraphWatch(true, m_graphWatches.value(uid));
    return poller;
}

void VvpSession::collectPinned()
{
    // As ClusterSession does: an open page polls its deployment itself; the other pinned ones are
    // polled here while they run, straight into the metric store.
    QSet<QString> wanted;
    if (m_jobManagers && m_metricStore && !m_pinned.isEmpty()) {
        for (auto it = m_summaries.cbegin(); it != m_summaries.cend(); ++it) {
            if (!m_pinned.contains(it->key()) || m_pages.contains(it.key()))
                continue;
            if (it->lifecycleState != QLatin1String("RUNNING") || it->jobId.isEmpty())
                continue;
            const JobManagerService where = m_jobManagers->find(m_objects.value(it.key()));
            if (!where.isValid())
                continue; // being looked up: collected from the next tick on
            wanted.insert(it.key());
            pinnedCollector(m_client, it.key(), where)->collect(VvpJobManagers::flinkJobId(it->jobId));
        }
    }
    keepPinnedCollectors(wanted);
}

void VvpSession::pollPage(const QString &uid)
{
    if (!m_vvp || !m_pages.contains(uid))
        return;
    const Page &page = m_pages[uid];
    const quint64 generation = m_generation;
    const QUrlQuery byDeployment{{QStringLiteral("deploymentId"), uid}};
    const auto alive = [this, uid, generation] { return generation == m_generation && m_pages.contains(uid); };

    connect(m_vvp->get(VvpClient::deploymentPath(page.ns, page.name)), &KubeReply::finished, this,
            [this, uid, alive](const Result<QJsonObject> &result) {
                if (!alive() || !result)
                    return;
                const Deployment d = VvpObjects::deployment(result.value());
                m_objects.insert(uid, result.value());
                observeSpec(uid, result.value());
                emit objectChanged(d, result.value());
                // An open deployment is polled more often than the list: the list shows it as fresh.
                const auto known = m_summaries.constFind(uid);
                if (known != m_summaries.cend() && known->resourceVersion != d.resourceVersion) {
                    m_summaries.insert(uid, d);
                    DeploymentBatch batch;
                    batch.upserted << d;
                    emit deploymentsChanged(batch);
                }
            });
    connect(m_vvp->get(VvpClient::eventsPath(page.ns), byDeployment), &KubeReply::finished, this,
            [this, uid, alive](const Result<QJsonObject> &result) {
                if (!alive() || !result)
                    return;
                Page &p = m_pages[uid];
                EventBatch batch;
                batch.deploymentUid = uid;
                batch.reset = !p.sentOnce;
                for (const QJsonObject &o : VvpObjects::items(result.value())) {
                    ClusterEvent e = VvpObjects::event(o);
                    e.ns = p.ns;
                    e.involvedName = p.name;
                    if (batch.reset || !p.events.contains(e.uid))
                        batch.upserted << e;
                    p.events.insert(e.uid);
                }
                p.sentOnce = true;
                if (m_history)
                    m_history->saveEvents(uid, batch.upserted);
                if (batch.reset || !batch.upserted.isEmpty())
                    emit eventsChanged(batch);
            });
    connect(m_vvp->get(VvpClient::savepointsPath(page.ns), byDeployment), &KubeReply::finished, this,
            [this, uid, alive](const Result<QJsonObject> &result) {
                if (!alive() || !result)
                    return;
                Page &p = m_pages[uid];
                SnapshotBatch batch;
                batch.deploymentUid = uid;
                QHash<QString, Snapshot> now;
                for (const QJsonObject &o : VvpObjects::items(result.value())) {
                    const Snapshot s = VvpObjects::savepoint(o);
                    now.insert(s.key, s);
                    const auto known = p.snapshots.constFind(s.key);
                    if (known == p.snapshots.cend() || known->state != s.state || known->time != s.time)
                        batch.upserted << s;
                }
                for (auto it = p.snapshots.cbegin(); it != p.snapshots.cend(); ++it) {
                    if (!now.contains(it.key()))
                        batch.removed << it.key();
                }
                p.snapshots = now;
                if (!batch.upserted.isEmpty() || !batch.removed.isEmpty())
                    emit snapshotsChanged(batch);
            });
    connect(m_vvp->get(VvpClient::jobsPath(page.ns), byDeployment), &KubeReply::finished, this,
            [this, uid, alive](const Result<QJsonObject> &result) {
                if (!alive() || !result)
                    return;
                QList<JobRun> runs;
                for (const QJsonObject &o : VvpObjects::items(result.value()))
                    runs << VvpObjects::job(o);
                std::sort(runs.begin(), runs.end(), [](const JobRun &a, const JobRun &b) { return a.start > b.start; });
                emit jobsChanged(uid, runs);
            });
    pollJobManager(uid);
}

QString VvpSession::auditContext() const
{
    // Not translated: entries written in one language are found again in another.
    if (m_endpoint.kind == VvpEndpoint::Kind::Url || m_contextName.isEmpty())
        return QStringLiteral("Ververica Platform at %1").arg(m_endpoint.url.host());
    return QStringLiteral("%1 (Ververica Platform %2.%3)").arg(m_contextName, m_endpoint.service, m_endpoint.ns);
}

void VvpSession::observeSpec(const QString &uid, const QJsonObject &object)
{
    if (!m_revisions || uid.isEmpty())
        return;
    // In the operator's form of a recorded spec ({"spec": …}), so that the store reads both alike.
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const QString text
        = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("spec"), spec}}).toJson(QJsonDocument::Compact));
    QString &recorded = m_recordedSpecs[uid];
    if (recorded == text)
        return;
    recorded = text;
    // Live since the platform last modified the deployment: the platform's clock, as its savepoints'
    // times are, so that "the spec live when this savepoint was taken" compares like with like.
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    QDateTime since = QDateTime::fromString(metadata.value(QLatin1String("modifiedAt")).toString(), Qt::ISODateWithMs);
    if (!since.isValid())
        since = ServerClock::nowOrLocal(m_clock.get());
    m_revisions->record(uid, text, -1, since.toUTC());
}

void VvpSession::finish(const ActionRequest &request, ActionResult::Outcome outcome, const QString &summary,
                        const Error &error, const QJsonObject &sent)
{
    ActionResult result;
    result.id = request.id;
    result.kind = request.kind;
    result.outcome = outcome;
    result.summary = summary;
    result.error = error;
    publish(request, result, sent);
}

void VvpSession::publish(const ActionRequest &request, ActionResult result, const QJsonObject &sent)
{
    result.deploymentUid = request.deploymentUid;
    // By the platform's clock, like its Events and savepoints the entry is drawn among.
    result.finishedAt = ServerClock::nowOrLocal(m_clock.get());
    qCInfo(lcActions).noquote() << QLatin1String(ActionDescriptor::of(request.kind).key) << request.name
                                << ActionRunner::outcomeName(result.outcome) << ":" << result.summary;
    if (m_audit) {
        AuditEntry entry;
        entry.time = result.finishedAt;
        entry.context = auditContext();
        entry.ns = request.ns;
        entry.deployment = request.name;
        entry.action = QLatin1String(ActionDescriptor::of(request.kind).key);
        entry.outcome = ActionRunner::outcomeName(result.outcome);
        entry.message = result.summary;
        m_audit->append(entry, sent);
    }
    emit actionFinished(result);
}

void VvpSession::runAction(const ActionRequest &request)
{
    if (!m_vvp) {
        finish(request, ActionResult::Outcome::Failed, tr("The platform connection is not open, so nothing was sent."),
               Error::make(QStringLiteral("NotConnected"), tr("The platform connection is not open.")));
        return;
    }
    switch (request.kind) {
    case ActionKind::Start:
    case ActionKind::Suspend:
    case ActionKind::CancelKeepState:
    case ActionKind::Configure:
    case ActionKind::RollbackToSnapshot:
    case ActionKind::Delete:
        break;
    case ActionKind::Savepoint: {
        const QJsonObject body{{QStringLiteral("metadata"),
                                QJsonObject{{QStringLiteral("namespace"), request.ns},
                                            {QStringLiteral("deploymentId"), request.deploymentUid}}}};
        KubeReply *reply = m_vvp->post(VvpClient::savepointsPath(request.ns), body);
        connect(reply, &KubeReply::finished, this, [this, request, body](const Result<QJsonObject> &result) {
            if (!result)
                finish(request, ActionResult::Outcome::Failed, result.error().message, result.error(), body);
            else
                finish(request, ActionResult::Outcome::Succeeded,
                       tr("Ververica Platform takes a savepoint of %1.").arg(request.name), {}, body);
        });
        return;
    }
    case ActionKind::Create: {
        // The namespace's Deployment Defaults fill what the new spec leaves out, as in the platform's UI.
        const QJsonObject body{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("Deployment")},
                               {QStringLiteral("metadata"), request.newMetadata},
                               {QStringLiteral("spec"), request.newSpec}};
        KubeReply *reply = m_vvp->post(VvpClient::deploymentsPath(request.ns), body);
        connect(reply, &KubeReply::finished, this, [this, request, body](const Result<QJsonObject> &result) {
            if (!result) {
                finish(request, ActionResult::Outcome::Failed, result.error().message, result.error(), body);
                return;
            }
            finish(request, ActionResult::Outcome::Succeeded,
                   tr("Ververica Platform created %1 in namespace %2.").arg(request.name, request.ns), {}, body);
            list(); // in the list now, not at the next poll
        });
        return;
    }
    default: {
        const QString reason = tr("This action is not available for Ververica Platform deployments in this version "
                                  "of Capstan; use the platform's own UI for it.");
        finish(request, ActionResult::Outcome::Refused, reason, Error::make(QStringLiteral("Refused"), reason));
        return;
    }
    }
    // The same plan the review showed, against the object as last read; written against the version
    // the user looked at: a change made meanwhile is a conflict, not overwritten.
    const ActionPlan plan = ActionPlan::make(request, m_objects.value(request.deploymentUid));
    if (plan.refused()) {
        finish(request, ActionResult::Outcome::Refused, plan.refusal,
               Error::make(QStringLiteral("Refused"), plan.refusal));
        return;
    }
    if (plan.nothingToDo) {
        finish(request, ActionResult::Outcome::Succeeded, tr("Nothing to apply to %1.").arg(request.name));
        return;
    }
    ActionProgress progress;
    progress.id = request.id;
    progress.kind = request.kind;
    progress.deploymentName = request.name;
    if (request.kind == ActionKind::Delete) {
        deleteDeployment(request, progress);
        return;
    }
    if (request.kind == ActionKind::RollbackToSnapshot) {
        startFromSavepoint(request, plan.patch);
        return;
    }
    const bool configure = request.kind == ActionKind::Configure;
    const QString state = plan.patch.value(QLatin1String("state")).toString();
    writeSpec(request, plan.patch,
              configure ? tr("Write the changed spec") : tr("Set the desired state to %1").arg(state),
              configure ? tr("Ververica Platform applies the change to %1.").arg(request.name)
                        : tr("Ververica Platform moves %1 to %2.").arg(request.name, state),
              progress);
}

// As the platform's own UI does it: the chosen savepoint is copied to the deployment (a Savepoint
// resource of origin COPIED pointing at the same location), which makes it the newest one, so that
// the restore strategy picks it when the deployment starts.
void VvpSession::startFromSavepoint(const ActionRequest &request, const QJsonObject &patch)
{
    const QJsonObject body{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("namespace"), request.ns},
                     {QStringLiteral("deploymentId"), request.deploymentUid},
                     {QStringLiteral("origin"), QStringLiteral("COPIED")}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("savepointLocation"), request.snapshotPath}}}};
    ActionProgress progress;
    progress.id = request.id;
    progress.kind = request.kind;
    progress.deploymentName = request.name;
    progress.steps << ActionStep{
        tr("Copy the savepoint %1 to %2 (origin COPIED)").arg(request.snapshotPath, request.name),
        ActionStep::State::Running, 0};
    emit actionProgress(progress);
    KubeReply *reply = m_vvp->post(VvpClient::savepointsPath(request.ns), body);
    connect(
        reply, &KubeReply::finished, this, [this, request, patch, body, progress](const Result<QJsonObject> &result) {
            ActionProgress next = progress;
            next.steps.last().state = result ? ActionStep::State::Done : ActionStep::State::Failed;
            emit actionProgress(next);
            if (!result) {
                finish(request, ActionResult::Outcome::Failed,
                       tr("The savepoint was not copied to %1, so it was not started: %2")
                           .arg(request.name, result.error().message),
                       result.error(), QJsonObject{{QStringLiteral("savepoint"), body}});
                return;
            }
            writeSpec(request, patch, tr("Set the desired state to RUNNING"),
                      tr("Ververica Platform starts %1 from the savepoint %2.").arg(request.name, request.snapshotPath),
                      next, QJsonObject{{QStringLiteral("savepoint"), body}});
        });
}

void VvpSession::writeSpec(const ActionRequest &request, const QJsonObject &patch, const QString &stepText,
                           const QString &doneText, ActionProgress progress, const QJsonObject &sentBefore)
{
    QJsonObject metadata;
    if (!request.baseResourceVersion.isEmpty())
        metadata.insert(QStringLiteral("resourceVersion"), request.baseResourceVersion.toLongLong());
    const QJsonObject body{{QStringLiteral("metadata"), metadata}, {QStringLiteral("spec"), patch}};
    QJsonObject sent = sentBefore;
    for (auto it = body.begin(); it != body.end(); ++it)
        sent.insert(it.key(), it.value());
    progress.steps << ActionStep{stepText, ActionStep::State::Running, 0};
    emit actionProgress(progress);
    KubeReply *reply = m_vvp->patch(VvpClient::deploymentPath(request.ns, request.name), body);
    connect(reply, &KubeReply::finished, this,
            [this, request, doneText, progress, sent](const Result<QJsonObject> &result) {
                ActionProgress done = progress;
                done.steps.last().state = result ? ActionStep::State::Done : ActionStep::State::Failed;
                done.written = bool(result);
                emit actionProgress(done);
                if (!result && result.error().isConflict()) {
                    // What the server has now, so that the conflict shows what changed.
                    const Error error = result.error();
                    connect(m_vvp->get(VvpClient::deploymentPath(request.ns, request.name)), &KubeReply::finished, this,
                            [this, request, error, sent](const Result<QJsonObject> &current) {
                                ActionResult conflict;
                                conflict.id = request.id;
                                conflict.kind = request.kind;
                                conflict.outcome = ActionResult::Outcome::Conflict;
                                conflict.summary = request.kind == ActionKind::RollbackToSnapshot
                                    ? tr("%1 was changed meanwhile; it was not started. The copied savepoint "
                                         "stays: the next Start restores from it.")
                                          .arg(request.name)
                                    : tr("%1 was changed meanwhile; nothing was written.").arg(request.name);
                                conflict.error = error;
                                if (current)
                                    conflict.serverObject = current.value();
                                publish(request, conflict, sent);
                            });
                    return;
                }
                if (!result) {
                    finish(request, ActionResult::Outcome::Failed, result.error().message, result.error(), sent);
                    return;
                }
                m_objects.insert(request.deploymentUid, result.value());
                observeSpec(request.deploymentUid, result.value());
                finish(request, ActionResult::Outcome::Succeeded, doneText, {}, sent);
                list();
            });
}

void VvpSession::abandonAction(quint64 id)
{
    // Only a delete waiting for its cancellation waits; every other action is one request, over when it
    // answers.
    m_abandoned.insert(id);
}

void VvpSession::deleteDeployment(const ActionRequest &request, ActionProgress progress)
{
    const QJsonObject object = m_objects.value(request.deploymentUid);
    const QString desired = object.value(QLatin1String("spec")).toObject().value(QLatin1String("state")).toString();
    if (desired != QLatin1String("RUNNING")) {
        deleteNow(request, progress);
        return;
    }
    QJsonObject metadata;
    if (!request.baseResourceVersion.isEmpty())
        metadata.insert(QStringLiteral("resourceVersion"), request.baseResourceVersion.toLongLong());
    const QJsonObject body{
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("state"), QStringLiteral("CANCELLED")}}}};
    progress.steps << ActionStep{tr("Cancel the job first: Ververica Platform deletes only stopped deployments"),
                                 ActionStep::State::Running, 0};
    emit actionProgress(progress);
    KubeReply *reply = m_vvp->patch(VvpClient::deploymentPath(request.ns, request.name), body);
    connect(reply, &KubeReply::finished, this, [this, request, progress, body](const Result<QJsonObject> &result) {
        ActionProgress next = progress;
        next.steps.last().state = result ? ActionStep::State::Done : ActionStep::State::Failed;
        next.written = bool(result);
        emit actionProgress(next);
        if (!result) {
            const ActionResult::Outcome outcome
                = result.error().isConflict() ? ActionResult::Outcome::Conflict : ActionResult::Outcome::Failed;
            finish(
                request, outcome,
                result.error().isConflict()
                    ? tr("%1 was changed meanwhile; nothing was cancelled or deleted.").arg(request.name)
                    : tr("%1 was not cancelled, so it was not deleted: %2").arg(request.name, result.error().message),
                result.error(), body);
            return;
        }
        m_objects.insert(request.deploymentUid, result.value());
        next.steps << ActionStep{tr("Wait until the platform has cancelled it"), ActionStep::State::Running, 0};
        emit actionProgress(next);
        deleteWhenStopped(request, next, QDateTime::currentDateTimeUtc().addSecs(5 * 60));
    });
}

void VvpSession::deleteWhenStopped(const ActionRequest &request, ActionProgress progress, const QDateTime &deadline)
{
    if (m_abandoned.remove(request.id)) {
        finish(request, ActionResult::Outcome::Abandoned,
               tr("%1 is cancelled; it was not deleted, as you stopped waiting.").arg(request.name));
        return;
    }
    KubeReply *reply = m_vvp->get(VvpClient::deploymentPath(request.ns, request.name));
    connect(reply, &KubeReply::finished, this, [this, request, progress, deadline](const Result<QJsonObject> &result) {
        const QString state = result
            ? result.value().value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString()
            : QString();
        if (state == QLatin1String("CANCELLED") || state == QLatin1String("SUSPENDED")) {
            ActionProgress next = progress;
            next.steps.last().state = ActionStep::State::Done;
            emit actionProgress(next);
            deleteNow(request, next);
            return;
        }
        if (QDateTime::currentDateTimeUtc() >= deadline) {
            ActionProgress next = progress;
            next.steps.last().state = ActionStep::State::Failed;
            emit actionProgress(next);
            finish(request, ActionResult::Outcome::TimedOut,
                   tr("%1 is cancelled but still %2 after 5 minutes, so it was not deleted: delete it once it has "
                      "stopped.")
                       .arg(request.name, state.isEmpty() ? result.error().message : state));
            return;
        }
        QTimer::singleShot(1000, this, [this, request, progress, deadline] {
            if (m_vvp)
                deleteWhenStopped(request, progress, deadline);
        });
    });
}

void VvpSession::deleteNow(const ActionRequest &request, ActionProgress progress)
{
    progress.steps << ActionStep{tr("Delete the deployment"), ActionStep::State::Running, 0};
    emit actionProgress(progress);
    // The platform refuses it too (409) when the deployment started running meanwhile.
    KubeReply *reply = m_vvp->remove(VvpClient::deploymentPath(request.ns, request.name));
    connect(reply, &KubeReply::finished, this, [this, request, progress](const Result<QJsonObject> &result) {
        ActionProgress done = progress;
        done.steps.last().state = result ? ActionStep::State::Done : ActionStep::State::Failed;
        emit actionProgress(done);
        if (!result)
            finish(request, ActionResult::Outcome::Failed,
                   tr("%1 was not deleted: %2 Ververica Platform deletes only cancelled or suspended "
                      "deployments.")
                       .arg(request.name, result.error().message),
                   result.error());
        else
            finish(request, ActionResult::Outcome::Succeeded, tr("%1 was deleted.").arg(request.name));
        list();
    });
}

void VvpSession::watchJobGraph(const QString &uid, bool on, const QString &vertexId)
{
    if (!on) {
        m_graphWatches.remove(uid);
        if (JobManagerPoller *poller = m_pollers.value(uid))
            poller->setGraphWatch(false, {});
        return;
    }
    if (!m_jobManagers) {
        JobGraph graph;
        graph.error = notExposed();
        emit jobGraphChanged(uid, graph);
        return;
    }
    m_graphWatches.insert(uid, vertexId);
    JobManagerPoller *poller = m_pollers.value(uid);
    const QString jobId = m_summaries.value(uid).jobId;
    // Opening the graph or choosing another vertex shows it now, not at the next poll.
    if (poller && poller->setGraphWatch(true, vertexId) && !jobId.isEmpty())
        poller->pollGraph(VvpJobManagers::flinkJobId(jobId), m_pages.value(uid).latestCheckpointId);
}

void VvpSession::setPinned(const QStringList &keys)
{
    m_pinned = keys;
    collectPinned();
}

void VvpSession::setPrometheus(const PrometheusConfig &config)
{
    m_prometheus = config;
}

void VvpSession::setPollInterval(int ms)
{
    m_options.pollIntervalMs = ms;
    m_pollTimer.setInterval(ms);
}

void VvpSession::setMetricRetention(qint64 ms)
{
    m_options.metricRetentionMs = ms;
    if (m_metricStore)
        m_metricStore->setRetentionMs(ms);
}

void VvpSession::requestSpecRevision(const QString &uid, const QDateTime &time)
{
    emit specRevision(uid, time, m_revisions ? m_revisions->specAt(uid, time) : QJsonObject());
}

void VvpSession::requestPreviousSpecRevision(const QString &uid)
{
    const SpecRevisionStore::Revision previous
        = m_revisions ? m_revisions->previousRevision(uid) : SpecRevisionStore::Revision();
    // The change is Capstan's when one of its actions on the deployment succeeded when the spec
    // changed: both times are the platform's, a few seconds apart at most.
    QString action;
    const QJsonObject metadata = m_objects.value(uid).value(QLatin1String("metadata")).toObject();
    if (m_audit && previous.until.isValid() && !metadata.isEmpty()) {
        AuditQuery query;
        query.context = auditContext();
        query.ns = metadata.value(QLatin1String("namespace")).toString();
        query.deployment = metadata.value(QLatin1String("name")).toString();
        query.limit = 50;
        qint64 closest = 60000;
        for (const AuditEntry &entry : m_audit->entries(query)) {
            const qint64 apart = std::abs(entry.time.msecsTo(previous.until));
            if (entry.outcome == QLatin1String("Succeeded") && entry.action != QLatin1String("Savepoint")
                && apart <= closest) {
                closest = apart;
                action = entry.action;
            }
        }
    }
    emit previousSpecRevision(uid, previous.spec, previous.since, previous.until, action);
}

void VvpSession::requestAuditEntries(const AuditQuery &query)
{
    if (!m_audit) {
        emit auditEntries(query, {});
        return;
    }
    // A page asks by the Kubernetes context its session was opened with; this platform's entries are
    // under its own name. The answer carries the query as asked, for the page to recognise.
    AuditQuery own = query;
    if (own.isForDeployment() && own.context == m_contextName)
        own.context = auditContext();
    emit auditEntries(query, m_audit->entries(own));
}

void VvpSession::openLog(quint64 id, const LogRequest &request)
{
    Q_UNUSED(request)
    emit logEnded(id,
                  Error::make(QStringLiteral("NotExposed"),
                              tr("Ververica Platform does not pass pod logs on to Capstan; read them in the "
                                 "platform's UI or with kubectl logs.")));
}

void VvpSession::closeLog(quint64 id)
{
    Q_UNUSED(id)
}

void VvpSession::openDashboard(const QString &ns, const QString &name)
{
    emit dashboardFailed(ns, name,
                         Error::make(QStringLiteral("NotExposed"),
                                     tr("Open the Flink UI from Ververica Platform's own deployment page.")));
}

void VvpSession::closeDashboard(const QString &ns, const QString &name)
{
    emit dashboardClosed(ns, name);
}

} // namespace capstan
