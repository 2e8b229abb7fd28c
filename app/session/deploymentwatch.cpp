#include "session/deploymentwatch.h"

#include "kube/informer.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/resourcepath.h"
#include "kube/serverclock.h"
#include "logging.h"
#include "metrics/metricstore.h"
#include "session/clustersession.h"
#include "session/jobmanagerpoller.h"

#include <QJsonArray>

#include <algorithm>
#include <cstdlib>

namespace capstan {

DeploymentWatch::DeploymentWatch(KubeClient *client, HistoryStore *history, const QJsonObject &object,
                                 const Options &options, ClusterSession *session)
    : QObject(session)
    , m_session(session)
    , m_client(client)
    , m_history(history)
    , m_options(options)
    , m_object(object)
    , m_deployment(Deployment::fromJson(object))
    , m_jobManager(new JobManagerPoller(
          client, JobManagerService::ofDeployment(m_deployment.ns, m_deployment.jobManagerName()), this))
{
    m_pollTimer.setInterval(options.pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeploymentWatch::poll);
    connect(m_jobManager, &JobManagerPoller::polled, this, &DeploymentWatch::pollFinished);
    connect(m_jobManager, &JobManagerPoller::metricsCollected, this, &DeploymentWatch::onMetricsCollected);
    const QString uid = m_deployment.uid;
    connect(m_jobManager, &JobManagerPoller::graphPolled, m_session,
            [this, uid](const JobGraph &graph) { emit m_session->jobGraphChanged(uid, graph); });
    connect(m_jobManager, &JobManagerPoller::vertexPolled, m_session,
            [this, uid](const VertexDetails &details) { emit m_session->vertexDetailsChanged(uid, details); });
}

DeploymentWatch::~DeploymentWatch()
{
    stop();
}

void DeploymentWatch::start()
{
    emit m_session->objectChanged(m_deployment, m_object);
    if (m_history && !m_options.historyShown) {
        // History first, so the page shows what happened before this session at once.
        EventBatch history;
        history.deploymentUid = m_deployment.uid;
        history.reset = true;
        history.upserted = m_history->events(m_deployment.uid);
        emit m_session->eventsChanged(history);
    }
    // The page's models keep what these report: the informers need no copy of the objects.
    if (!m_options.eventsFromSession || !m_history) {
        Informer::Options options;
        options.batchIntervalMs = m_options.informerBatchMs;
        options.retainObjects = false;
        options.fieldSelector = QStringLiteral("involvedObject.uid=") + m_deployment.uid;
        m_events = new Informer(m_client, ResourceType::events(), m_deployment.ns, options, this);
        connect(m_events, &Informer::changed, this, &DeploymentWatch::onEvents);
        m_events->start();
    }

    if (!m_options.snapshotsFromSession) {
        Informer::Options snapshotOptions;
        snapshotOptions.batchIntervalMs = m_options.informerBatchMs;
        snapshotOptions.retainObjects = false;
        snapshotOptions.labelSelector = QStringLiteral("job-reference.name=") + m_deployment.name;
        m_snapshots
            = new Informer(m_client, ResourceType::flinkStateSnapshots(), m_deployment.ns, snapshotOptions, this);
        connect(m_snapshots, &Informer::changed, this, &DeploymentWatch::onSnapshots);
        m_snapshots->start();
    }

    publishLegacySnapshots();
    recordJob();
    if (m_metricStore) {
        // The last hour of metric history, so charts open with it (samples carry the cluster's time).
        const qint64 now = m_client->clock()->nowMs();
        const QList<MetricSample> history = m_metricStore->range(m_deployment.uid, now - 3600 * 1000, now);
        if (!history.isEmpty())
            emit m_session->metricsAppended(m_deployment.uid, history);
    }
    m_pollTimer.start();
    poll();
}

void DeploymentWatch::setPollInterval(int ms)
{
    m_options.pollIntervalMs = ms;
    m_pollTimer.setInterval(ms);
}

void DeploymentWatch::setGraphWatch(bool on, const QString &vertexId)
{
    // Opening the graph or choosing another vertex shows it now, not at the next poll.
    if (m_jobManager->setGraphWatch(on, vertexId) && m_deployment.jobManagerExpected())
        m_jobManager->pollGraph(m_deployment.jobId,
                                m_lastCompleted.jobId == m_deployment.jobId ? m_lastCompleted.checkpointId : -1);
}

void DeploymentWatch::onMetricsCollected(const QList<MetricSample> &samples)
{
    if (m_metricStore)
        m_metricStore->append(m_deployment.uid, samples);
    emit m_session->metricsAppended(m_deployment.uid, samples);
}

void DeploymentWatch::stop()
{
    m_pollTimer.stop();
    m_jobManager->cancel();
    delete m_events;
    delete m_snapshots;
}

void DeploymentWatch::update(const QJsonObject &object, const Deployment &parsed)
{
    const QString previousJm = m_deployment.jobManagerStatus;
    const QString previousJob = m_deployment.jobId;
    m_object = object;
    m_deployment = parsed;
    emit m_session->objectChanged(m_deployment, m_object);
    publishLegacySnapshots();
    recordJob();
    if (previousJm != m_deployment.jobManagerStatus || previousJob != m_deployment.jobId)
        fetchAutoscalerPlan();
    if (previousJm != m_deployment.jobManagerStatus)
        poll();
}

void DeploymentWatch::recordJob()
{
    if (!m_history || m_deployment.jobId.isEmpty())
        return;
    m_history->observeJob(m_deployment.uid, m_deployment.jobId, m_deployment.jobState, m_deployment.generation,
                          m_deployment.jobStartTime, m_client->clock()->now());
    recordRestore(false);
}

void DeploymentWatch::recordRestore(bool polled)
{
    if (!m_history || m_deployment.jobId.isEmpty())
        return;
    QList<JobRun> runs = m_history->jobs(m_deployment.uid);
    const auto current
        = std::find_if(runs.begin(), runs.end(), [this](const JobRun &run) { return run.jobId == m_deployment.jobId; });
    bool changed = false;
    if (current != runs.end()) {
        RestoreProvenance &restore = current->restore;
        const QDateTime start = m_deployment.jobStartTime;
        const bool startedAgain
            = restore.jobStart.isValid() && start.isValid() && std::abs(restore.jobStart.msecsTo(start)) > 1000;
        if (startedAgain)
            restore = RestoreProvenance();
        if (restore.intent == RestoreProvenance::Intent::Unknown && restore.intendedSource.isEmpty()) {
            // The deployment's first job (initialSavepointPath applies) is the only run known, started
            // within minutes of the resource's creation: a history that began later knows only the
            // current job, which need not be the first.
            const QDateTime created = QDateTime::fromString(m_object.value(QLatin1String("metadata"))
                                                                .toObject()
                                                                .value(QLatin1String("creationTimestamp"))
                                                                .toString(),
                                                            Qt::ISODate);
            const bool firstJob = runs.size() == 1
                && (!created.isValid() || !current->start.isValid() || created.secsTo(current->start) < 15 * 60);
            // The last checkpoint before this start: of the job before it, or of this job id before it
            // started again.
            const bool before = m_lastCompleted.jobId != m_deployment.jobId
                || (start.isValid() && m_lastCompleted.time.isValid() && m_lastCompleted.time <= start);
            const Snapshot previous = before ? m_lastCompleted : Snapshot();
            const RestoreProvenance intent = RestoreProvenance::intentAtStart(m_object, firstJob, previous);
            restore.intent = intent.intent;
            restore.intendedPath = intent.intendedPath;
            restore.intendedCheckpointId = intent.intendedCheckpointId;
            restore.intendedSource = intent.intendedSource;
            restore.jobStart = start;
            changed = true;
        }
        // latest.restored is set while the job initializes: a RUNNING job that names none started empty.
        if (polled && !restore.observed && m_polling.reachable && m_polling.jobId == m_deployment.jobId
            && m_polling.jobState == QLatin1String("RUNNING") && m_polling.completedCheckpoints >= 0
            && !(start.isValid() && m_polling.startTime.isValid() && m_polling.startTime.msecsTo(start) > 5000)) {
            restore.observe(m_polling.restoredFrom, m_polling.numRestarts);
            changed = true;
        }
        if (changed)
            m_history->saveRestore(m_deployment.uid, m_deployment.jobId, restore);
    }
    if (changed || !polled)
        emit m_session->jobsChanged(m_deployment.uid, runs);
}

void DeploymentWatch::addEvents(const QList<ClusterEvent> &events)
{
    if (events.isEmpty())
        return;
    EventBatch out;
    out.deploymentUid = m_deployment.uid;
    out.upserted = events;
    emit m_session->eventsChanged(out);
}

void DeploymentWatch::addSnapshots(const QList<Snapshot> &upserted, const QStringList &removed)
{
    if (upserted.isEmpty() && removed.isEmpty())
        return;
    SnapshotBatch out;
    out.deploymentUid = m_deployment.uid;
    out.upserted = upserted;
    out.removed = removed;
    emit m_session->snapshotsChanged(out);
}

void DeploymentWatch::onEvents(const InformerBatch &batch)
{
    EventBatch out;
    out.deploymentUid = m_deployment.uid;
    for (const QJsonObject &object : batch.upserted)
        out.upserted.append(ClusterEvent::fromJson(object));
    // Events that expire on the server stay in the local history: removals are not forwarded.
    if (m_history)
        m_history->saveEvents(m_deployment.uid, out.upserted);
    else
        out.removed = batch.removed;
    if (!out.upserted.isEmpty() || !out.removed.isEmpty())
        emit m_session->eventsChanged(out);
}

void DeploymentWatch::onSnapshots(const InformerBatch &batch)
{
    SnapshotBatch out;
    out.deploymentUid = m_deployment.uid;
    for (const QJsonObject &object : batch.upserted)
        out.upserted.append(Snapshot::fromResource(object));
    out.removed = batch.removed;
    if (!out.upserted.isEmpty() || !out.removed.isEmpty())
        emit m_session->snapshotsChanged(out);
}

void DeploymentWatch::publishLegacySnapshots()
{
    const QList<Snapshot> legacy
        = Snapshot::fromLegacySavepointInfo(m_object.value(QLatin1String("status")).toObject());
    QStringList keys;
    for (const Snapshot &s : legacy)
        keys << s.key;
    if (keys == m_legacyKeys)
        return;
    SnapshotBatch out;
    out.deploymentUid = m_deployment.uid;
    out.upserted = legacy;
    for (const QString &key : std::as_const(m_legacyKeys)) {
        if (!keys.contains(key))
            out.removed << key;
    }
    m_legacyKeys = keys;
    emit m_session->snapshotsChanged(out);
}

void DeploymentWatch::poll()
{
    pollAutoscaler();
    if (m_jobManager->isPolling())
        return;
    const QString jobId = m_deployment.jobId;
    if (!m_deployment.jobManagerExpected() || jobId.isEmpty()) {
        JobManagerInfo info;
        info.polledAt = m_client->clock()->now();
        QString reason;
        if (m_deployment.kind == ResourceKind::FlinkSessionJob)
            reason = tr("The job is not running on session cluster %1.").arg(m_deployment.sessionClusterName);
        else if (m_deployment.kind == ResourceKind::FlinkBlueGreenDeployment)
            reason = tr("The job runs in the active child deployment.");
        else if (m_deployment.jobManagerStatus.isEmpty())
            reason = tr("The JobManager is not deployed.");
        else
            reason = tr("The JobManager is %1.").arg(m_deployment.jobManagerStatus);
        info.error = Error::make(QStringLiteral("JobManagerNotReady"), reason);
        emit m_session->jobManagerChanged(m_deployment.uid, info);
        return;
    }
    m_jobManager->poll(jobId, m_lastCompleted.jobId == jobId ? m_lastCompleted.checkpointId : -1);
}

void DeploymentWatch::pollFinished(const JobManagerInfo &info)
{
    m_polling = info;
    emit m_session->jobManagerChanged(m_deployment.uid, m_polling);
    if (!m_polling.latestCheckpoint.isEmpty())
        m_lastCompleted = m_polling.latestCheckpoint.constFirst();
    recordRestore(true);
    if (m_polling.numRestarts >= 0)
        emit restartCountObserved(m_deployment.uid, m_polling.numRestarts);
    // The latest checkpoint joins the snapshot table (one row, replaced as checkpoints complete).
    SnapshotBatch batch;
    batch.deploymentUid = m_deployment.uid;
    batch.upserted = m_polling.latestCheckpoint;
    QStringList keys;
    for (const Snapshot &s : std::as_const(m_polling.latestCheckpoint))
        keys << s.key;
    for (const QString &key : std::as_const(m_checkpointKeys)) {
        if (!keys.contains(key))
            batch.removed << key;
    }
    m_checkpointKeys = keys;
    if (!batch.upserted.isEmpty() || !batch.removed.isEmpty())
        emit m_session->snapshotsChanged(batch);
}

void DeploymentWatch::setAutoscalerWatch(bool on)
{
    if (on == m_autoscalerWatched)
        return;
    m_autoscalerWatched = on;
    ++m_autoscalerGeneration; // an answer of the previous watch is not published
    m_autoscalerMapPending = false;
    m_autoscalerPlanPending = false;
    if (!on)
        return;
    m_autoscalerVersion.clear();
    pollAutoscaler();
    fetchAutoscalerPlan();
}

void DeploymentWatch::pollAutoscaler()
{
    // Read, not watched: a watch would hold one of the few connections to the API server for as long
    // as the tab is open, and the operator rewrites the ConfigMap at most once per reconcile.
    const bool configured = m_deployment.autoscalerConfigured || m_deployment.autoscaler != AutoscalerConfig::Mode::Off;
    if (!m_autoscalerWatched || !configured || m_autoscalerMapPending)
        return;
    m_autoscalerMapPending = true;
    const quint64 generation = m_autoscalerGeneration;
    const ResourceType configMaps{QString(), QStringLiteral("v1"), QStringLiteral("configmaps"),
                                  QStringLiteral("ConfigMap"), true};
    KubeReply *reply
        = m_client->get(configMaps.objectPath(m_deployment.ns, AutoscalerState::configMapName(m_deployment.name)));
    connect(reply, &KubeReply::finished, this, [this, generation](const Result<QJsonObject> &result) {
        if (generation != m_autoscalerGeneration)
            return;
        m_autoscalerMapPending = false;
        if (!result && result.error().httpStatus != 404) {
            // Keep what was last read and say why it is not current (typically 403 on configmaps).
            m_autoscalerError = result.error();
            publishAutoscaler();
            return;
        }
        const bool present = bool(result);
        const QString version = present ? result.value()
                                              .value(QLatin1String("metadata"))
                                              .toObject()
                                              .value(QLatin1String("resourceVersion"))
                                              .toString()
                                        : QString();
        const bool changed = present != m_autoscalerPresent || version != m_autoscalerVersion
            || m_autoscalerError.isSet() || m_autoscalerVersion.isNull();
        if (!changed)
            return;
        m_autoscalerVersion = present ? version : QStringLiteral("");
        m_autoscalerPresent = present;
        // Decoded here, on the backend thread, so the view gets the state ready to show.
        m_autoscalerState = present ? AutoscalerState::fromConfigMap(result.value()) : AutoscalerState();
        m_autoscalerError = Error();
        publishAutoscaler();
        // A new decision rescales the job: its parallelism is read again.
        fetchAutoscalerPlan();
    });
}

void DeploymentWatch::fetchAutoscalerPlan()
{
    if (!m_autoscalerWatched || m_autoscalerPlanPending || m_deployment.jobId.isEmpty()
        || !m_deployment.jobManagerExpected())
        return;
    m_autoscalerPlanPending = true;
    const QString jobId = m_deployment.jobId;
    const quint64 generation = m_autoscalerGeneration;
    KubeReply *reply
        = m_client->getThroughService(m_deployment.ns, m_deployment.jobManagerName() + QStringLiteral("-rest"),
                                      QStringLiteral("rest"), QStringLiteral("/jobs/") + jobId);
    connect(reply, &KubeReply::finished, this, [this, jobId, generation](const Result<QJsonObject> &result) {
        if (generation != m_autoscalerGeneration)
            return;
        m_autoscalerPlanPending = false;
        if (!result)
            return; // the names wait for the next change; the view shows vertex ids meanwhile
        JobGraph plan = JobGraph::fromPlan(result.value().value(QLatin1String("plan")).toObject());
        plan.applyJobDetails(result.value());
        plan.jobId = jobId;
        m_autoscalerPlan = plan;
        publishAutoscaler();
    });
}

void DeploymentWatch::publishAutoscaler()
{
    emit m_session->autoscalerChanged(m_deployment.uid, m_autoscalerState, m_autoscalerPresent, m_autoscalerPlan,
                                      m_autoscalerError);
}

} // namespace capstan
