#pragma once

#include "flink/autoscalerstate.h"
#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/jobgraph.h"
#include "flink/jobmanagerinfo.h"
#include "flink/snapshot.h"
#include "metrics/metricsample.h"
#include "session/historystore.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace capstan {

class ClusterSession;
class HistoryStore;
class Informer;
class KubeClient;
class KubeReply;
class JobManagerPoller;
class MetricStore;
struct InformerBatch;

// Everything the deployment page needs about one deployment, gathered on the backend thread:
// its Events (live, merged with the local history), its FlinkStateSnapshots, the JobManager's view
// (polled through the service proxy only while the JobManager is READY) and the jobs it has run.
// A part of its ClusterSession: it publishes through the session's own signals (objectChanged,
// eventsChanged, …), which the views connect to; it declares none of them again.
class DeploymentWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentWatch)

public:
    struct Options
    {
        int pollIntervalMs = 5000;
        int informerBatchMs = 100;
        // The session watches the Events of every deployment into the history store and passes
        // this one's on through addEvents(): the watch then lists none itself (needs a history).
        bool eventsFromSession = false;
        // Likewise its FlinkStateSnapshots, through addSnapshots().
        bool snapshotsFromSession = false;
        // The page already has the history of Events (the session sent it while fetching the object).
        bool historyShown = false;
    };

    // Does not own client or history (history may be null: no persistence). Publishes through
    // `session`'s signals; its parent.
    DeploymentWatch(KubeClient *client, HistoryStore *history, const QJsonObject &object, const Options &options,
                    ClusterSession *session);
    ~DeploymentWatch() override;

    void start();
    void stop();
    // The deployment object changed (from the session's deployments informer).
    // A newer copy of the object, with its summary parsed once by the session.
    void update(const QJsonObject &object, const Deployment &parsed);
    // New or changed Events of this deployment, already in the history store (eventsFromSession).
    void addEvents(const QList<ClusterEvent> &events);
    // FlinkStateSnapshots of this deployment, new or changed, and the keys of those deleted
    // (snapshotsFromSession).
    void addSnapshots(const QList<Snapshot> &upserted, const QStringList &removed);
    // Where collected metrics are kept (not owned; null: none kept). Call before start(): start()
    // then publishes the last hour of history through metricsAppended before polling.
    void setMetricStore(MetricStore *store) { m_metricStore = store; }
    // Polls the job graph (and the details of `vertexId`, when not empty) with the JobManager, while
    // on: only while a page shows it. Publishes through jobGraphChanged/vertexDetailsChanged.
    void setGraphWatch(bool on, const QString &vertexId);
    // Reads the operator autoscaler's ConfigMap and the job's plan at the poll interval while on:
    // only while a page shows the Autoscaler tab. Publishes through autoscalerChanged.
    void setAutoscalerWatch(bool on);
    // A running poll timer restarts with the new interval.
    void setPollInterval(int ms);
    int pollInterval() const { return m_pollTimer.interval(); }

    QString uid() const { return m_deployment.uid; }
    const Deployment &deployment() const { return m_deployment; }

signals:
    // For the session's failure detection, not for views.
    void restartCountObserved(const QString &uid, qint64 numRestarts);

private:
    void onEvents(const InformerBatch &batch);
    void onSnapshots(const InformerBatch &batch);
    void poll();
    void pollFinished(const JobManagerInfo &info);
    void publishLegacySnapshots();
    void recordJob();
    // Records the restore provenance of the current job: its intent when first seen, what the
    // JobManager says it restored once it runs. Publishes the job runs again when either changed.
    void recordRestore(bool polled);
    void onMetricsCollected(const QList<MetricSample> &samples);
    // Reads the autoscaler's ConfigMap (at the poll interval, while watched and configured).
    void pollAutoscaler();
    // Reads the job's plan (vertex names, parallelism) for the autoscaler's view; one request at a time.
    void fetchAutoscalerPlan();
    void publishAutoscaler();

    ClusterSession *m_session; // publishes what the watch gathers
    KubeClient *m_client;
    HistoryStore *m_history;
    Options m_options;
    QJsonObject m_object;
    Deployment m_deployment;
    QPointer<Informer> m_events;
    QPointer<Informer> m_snapshots;
    QTimer m_pollTimer;
    JobManagerPoller *m_jobManager; // <name>-rest: the job's view, metrics and graph
    JobManagerInfo m_polling; // the JobManager's last answer
    QStringList m_legacyKeys;
    QStringList m_checkpointKeys;
    MetricStore *m_metricStore = nullptr;
    bool m_autoscalerWatched = false; // a page shows the autoscaler
    quint64 m_autoscalerGeneration = 0;
    bool m_autoscalerMapPending = false;
    QString m_autoscalerVersion; // resourceVersion of the ConfigMap last read; null: none read yet
    AutoscalerState m_autoscalerState;
    bool m_autoscalerPresent = false;
    Error m_autoscalerError;
    JobGraph m_autoscalerPlan;
    bool m_autoscalerPlanPending = false;
    Snapshot m_lastCompleted; // the latest completed checkpoint the JobManager reported, of whichever job
};

} // namespace capstan
