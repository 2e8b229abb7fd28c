#pragma once

#include "actions/actionrequest.h"
#include "error.h"
#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/failuredetector.h"
#include "flink/jobgraph.h"
#include "flink/jobmanagerinfo.h"
#include "flink/obituary.h"
#include "flink/pod.h"
#include "flink/snapshot.h"
#include "kube/accesscheck.h"
#include "kube/informer.h"
#include "kube/kubeconfig.h"
#include "kube/resourcepath.h"
#include "metrics/prometheusconfig.h"
#include "session/auditlog.h"
#include "session/backendsession.h"
#include "session/deploymentwatch.h"
#include "session/historystore.h"
#include "session/logrequest.h"
#include "vvp/vvpendpoint.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace capstan {

class ActionRunner;
class DashboardProxy;
class KubeClient;
class LogReader;
class MetricStore;
class PodMonitor;
class ServerClock;
class SpecRevisionStore;

struct SessionOptions
{
    Informer::Options informer;
    QString historyPath; // empty: HistoryStore::defaultPath(); "-": no local history
    int pollIntervalMs = 5000; // JobManager REST polling of open deployments
    qint64 metricRetentionMs = qint64(7) * 24 * 3600 * 1000; // local metric history kept this long
    int failureWindowSeconds = 120;
    // false: no pod informer — no Pods tab content, obituaries or pod causes of failures (for
    // measuring what the pods cost, and for clusters where listing pods is not wanted).
    bool watchPods = true;
    // A Ververica Platform instead of the operator's resources (SessionHost opens a VvpSession): where
    // it answers, and for a URL its API token (in memory only, never saved or logged). An invalid
    // endpoint: the Flink Kubernetes Operator's resources of the context.
    VvpEndpoint platform;
    QString platformToken;
};

// One open kubeconfig context. Lives on its own backend thread (see SessionHost) and owns
// everything that waits: the QNetworkAccessManager, the API client, credential plugins, the
// informers, the JobManager pollers and the local history database. It publishes value types only.
class ClusterSession final : public BackendSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)

public:
    ClusterSession(const KubeConfig &config, const QString &contextName, const QString &ns,
                   const SessionOptions &options = {}, QObject *parent = nullptr);
    ~ClusterSession() override;

    // Must be called in the thread the session lives in.
    void start() override;
    void stop() override;
    // Watches another namespace ("" = all namespaces). Drops the current view.
    void setNamespace(const QString &ns) override;
    // Starts or stops the detailed watch of one deployment (events, snapshots, JobManager).
    void openDeployment(const QString &uid) override;
    void closeDeployment(const QString &uid) override;
    // While on, the open deployment's job graph is polled with its JobManager (jobGraphChanged) and,
    // when vertexId is not empty, that vertex's details (vertexDetailsChanged). Off when it closes.
    void watchJobGraph(const QString &uid, bool on, const QString &vertexId) override;
    void watchAutoscaler(const QString &uid, bool on) override;
    // Asks the API server (SelfSubjectAccessReview) which actions the user may run in `ns`; answers
    // with accessReviewed. Answers younger than a minute are not asked again.
    void reviewAccess(const QString &ns);
    // Deployments ("namespace/name") whose metrics are collected into the metric store while their
    // page is closed, so their charts have no hole when opened. Replaces the previous set.
    void setPinned(const QStringList &keys) override;
    QStringList pinned() const { return m_pinned; }
    // Metric history from Prometheus for deployments opened from now on (an unset config: none).
    void setPrometheus(const PrometheusConfig &config) override;
    // Applies to the open deployments at once and to those opened later.
    void setPollInterval(int ms) override;
    // Takes effect at the metric store's next purge: a shorter retention drops history.
    void setMetricRetention(qint64 ms) override;
    const SessionOptions &options() const { return m_options; }

    // Actions (DESIGN §4), run by the session's ActionRunner: progress and the result come back
    // through actionProgress/actionFinished. Before start() or after a failed start the request
    // finishes at once with Outcome::Failed.
    void runAction(const ActionRequest &request) override;
    void abandonAction(quint64 id) override;
    // Answers with specRevision(): the spec the operator had reconciled for `uid` at `time` (empty
    // when unknown), for the rollback-to-snapshot preview.
    void requestSpecRevision(const QString &uid, const QDateTime &time) override;
    // Answers with auditEntries(): the newest entries of the local audit log the query asks for.
    void requestAuditEntries(const capstan::AuditQuery &query) override;

    // Logs (the logs viewer): reads `request` (see LogReader: pods/log, else Flink REST, else an
    // access review naming the missing permission) and answers with logLines(id, …) batches, then
    // logEnded(id, …) once — for a followed log when the container ends or the stream fails. `id`
    // is the caller's (SessionHost::openLog hands them out). closeLog stops it; nothing follows.
    void openLog(quint64 id, const capstan::LogRequest &request) override;
    void closeLog(quint64 id) override;
    int openLogCount() const { return static_cast<int>(m_logs.size()); }
    // The Flink Web Dashboard of a deployment through a DashboardProxy on loopback (see there):
    // answers with dashboardOpened — again when it is open already, so the browser opens it again —
    // or dashboardFailed. closeDashboard stops it and answers with dashboardClosed.
    void openDashboard(const QString &ns, const QString &name) override;
    void closeDashboard(const QString &ns, const QString &name) override;
    const DashboardProxy *dashboard(const QString &ns, const QString &name) const;
    // The pod informer's store (null before start() or without a connection).
    const PodMonitor *pods() const { return m_podMonitor; }

    KubeClient *client() const { return m_client; }
    ActionRunner *actionRunner() const { return m_actions; }
    int openWatchCount() const;

private:
    // A page whose object is being fetched.
    struct Opening
    {
        bool eventsSent = false; // its history went out and the session passes on its new Events
        bool snapshotsSent = false; // likewise its FlinkStateSnapshots
    };

    void startInformers();
    void loadPrometheusHistory(DeploymentWatch *watch);
    void stopInformers();
    void listNamespaces();
    void findPlatforms();
    void onDeployments(ResourceKind kind, const InformerBatch &batch);
    void onWarnings(const InformerBatch &batch);
    void onSnapshots(const InformerBatch &batch);
    void onEvents(const InformerBatch &batch);
    void startPods();
    void onPods(const QString &deploymentKey, const QList<Pod> &upserted, const QStringList &removed);
    void onObituary(const Obituary &obituary);
    void sendPodsAndObituaries(const QString &uid);
    void startEvents();
    // The summary with what the session observed about it (failures, the latest snapshot).
    Deployment decorate(Deployment d) const;
    void startWatch(const QJsonObject &object, const Opening &opening);
    void republish(const QStringList &uids);
    void loadSchema();
    void loadSchema(const ResourceType &type);
    void collectPinned();

    KubeConfig m_config;
    QString m_contextName;
    QString m_ns;
    SessionOptions m_options;
    QNetworkAccessManager *m_nam = nullptr;
    KubeClient *m_client = nullptr;
    ActionRunner *m_actions = nullptr;
    QPointer<Informer> m_deployments;
    QPointer<Informer> m_sessionJobs;
    QPointer<Informer> m_blueGreens;
    bool m_deploymentsListed = false; // the deployments' first batch went out
    QList<QPair<ResourceKind, InformerBatch>> m_heldBatches; // other kinds' batches until then
    QPointer<Informer> m_warnings; // Warning events of the namespace: failure detection
    QPointer<Informer> m_snapshots; // FlinkStateSnapshots of the namespace: "last snapshot" column
    // Events of the namespace's FlinkDeployments, into the history store, from which a page opens
    // at once; an open page gets its deployment's new ones. Only with a history store.
    QPointer<Informer> m_events;
    QList<QPointer<Informer>> m_kindEvents; // likewise for session jobs and blue/green deployments
    // The listed deployments in compact form: the informers keep no objects. A page's raw object is
    // fetched when it opens (m_opening: uids whose GET is in flight).
    QHash<QString, Deployment> m_summaries;
    QHash<QString, QString> m_uidByKey; // "ns/name" → uid of m_summaries
    QHash<QString, Opening> m_opening;
    QHash<QString, DeploymentWatch *> m_watches;
    QHash<QString, QString> m_graphWatches; // uid → selected vertex, of pages showing the graph
    QSet<QString> m_autoscalerWatches; // uids of pages showing the autoscaler
    QHash<QString, SnapshotRef> m_lastSnapshotByName; // "ns/name" of the deployment → newest completed
    // Every FlinkStateSnapshot in compact form, by "ns/name" of its deployment and by its uid (=
    // key), from which a page gets its snapshots at once; and each one's deployment.
    QHash<QString, QHash<QString, Snapshot>> m_snapshotsByName;
    QHash<QString, QString> m_snapshotOwner;
    FailureDetector m_failures;
    QTimer *m_failureTimer = nullptr; // created in start(), in the session's thread
    QStringList m_pinned;
    QTimer *m_pinnedTimer = nullptr;
    QHash<QString, QDateTime> m_accessReviewedAt; // by namespace
    // Every Flink pod in scope (label type), into m_podMonitor; no objects kept.
    QPointer<Informer> m_podInformer;
    PodMonitor *m_podMonitor = nullptr;
    bool m_podsUnavailable = false;
    QHash<quint64, LogReader *> m_logs; // open logs by the caller's id
    QHash<QString, DashboardProxy *> m_dashboards; // by "ns/name"
};

} // namespace capstan
