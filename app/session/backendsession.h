#pragma once

#include "actions/actionrequest.h"
#include "error.h"
#include "flink/autoscalerstate.h"
#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/jobgraph.h"
#include "flink/jobmanagerinfo.h"
#include "flink/obituary.h"
#include "flink/pod.h"
#include "flink/snapshot.h"
#include "kube/accesscheck.h"
#include "metrics/metricsample.h"
#include "metrics/prometheusconfig.h"
#include "session/auditlog.h"
#include "session/historystore.h"
#include "session/logrequest.h"
#include "vvp/vvpapidescription.h"
#include "vvp/vvpendpoint.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

namespace capstan {

class KubeClient;
class MetricCollector;
class MetricStore;
class ServerClock;
class SpecRevisionStore;
struct JobManagerService;

enum class SessionState {
    Connecting, // resolving credentials, first list in flight
    Live, // synced and watching: the view is current
    Reconnecting, // the watch is down; the view shows the last known state
    Failed, // the context cannot be used (bad kubeconfig entry, unreadable key, …)
};

struct ConnectionSummary
{
    QString contextName;
    QString server;
    QString user;
    QString defaultNamespace;
    bool insecure = false; // insecure-skip-tls-verify
};

// What a view of Capstan talks to for one open context, whichever system manages its Flink
// deployments: the Flink Kubernetes Operator's resources (ClusterSession) or a Ververica Platform
// (VvpSession). Lives on its own backend thread (see SessionHost); its methods are called in that
// thread. Every signal is declared here, once, and carries value types only, so the views connect to
// one interface and show both systems the same way.
class BackendSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendSession)

public:
    explicit BackendSession(QObject *parent = nullptr);
    ~BackendSession() override;

    virtual void start() = 0;
    virtual void stop() = 0;
    // Shows another namespace ("" = all namespaces). Drops the current view.
    virtual void setNamespace(const QString &ns) = 0;
    // Starts or stops the detailed watch of one deployment (events, snapshots, jobs, JobManager).
    virtual void openDeployment(const QString &uid) = 0;
    virtual void closeDeployment(const QString &uid) = 0;
    virtual void watchJobGraph(const QString &uid, bool on, const QString &vertexId) = 0;
    // Reads the operator autoscaler's state of an open deployment while on (autoscalerChanged).
    // Backends without the operator's autoscaler ignore it.
    virtual void watchAutoscaler(const QString &uid, bool on)
    {
        Q_UNUSED(uid)
        Q_UNUSED(on)
    }
    // Deployments ("namespace/name") whose metrics are collected while their page is closed.
    virtual void setPinned(const QStringList &keys) = 0;
    virtual void setPrometheus(const PrometheusConfig &config) = 0;
    virtual void setPollInterval(int ms) = 0;
    virtual void setMetricRetention(qint64 ms) = 0;
    // Actions: progress and the result come back through actionProgress/actionFinished.
    virtual void runAction(const ActionRequest &request) = 0;
    virtual void abandonAction(quint64 id) = 0;
    virtual void requestSpecRevision(const QString &uid, const QDateTime &time) = 0;
    // The revision recorded before the deployment's current spec, answered by previousSpecRevision.
    // Backends whose objects carry their own spec history (the operator's lastStableSpec) answer none.
    virtual void requestPreviousSpecRevision(const QString &uid) { emit previousSpecRevision(uid, {}, {}, {}, {}); }
    virtual void requestAuditEntries(const capstan::AuditQuery &query) = 0;
    virtual void openLog(quint64 id, const capstan::LogRequest &request) = 0;
    virtual void closeLog(quint64 id) = 0;
    virtual void openDashboard(const QString &ns, const QString &name) = 0;
    virtual void closeDashboard(const QString &ns, const QString &name) = 0;

    // A Ververica Platform namespace's Deployment Defaults and Secret Values (answered by
    // deploymentDefaults, secretValues or adminFailed with the request's kind). Secret values are
    // write-only. Other backends answer that they are no Ververica Platform.
    enum AdminRequest { AdminDefaults, AdminSaveDefaults, AdminSecretValues, AdminCreateSecret, AdminDeleteSecret };
    virtual void requestDeploymentDefaults(const QString &ns) { notPlatform(ns, AdminDefaults); }
    // specPatch: a merge patch of the defaults' spec; resourceVersion: of the defaults it was made from.
    virtual void saveDeploymentDefaults(const QString &ns, const QJsonObject &specPatch, const QString &resourceVersion)
    {
        Q_UNUSED(specPatch)
        Q_UNUSED(resourceVersion)
        notPlatform(ns, AdminSaveDefaults);
    }
    virtual void requestSecretValues(const QString &ns) { notPlatform(ns, AdminSecretValues); }
    virtual void createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value)
    {
        Q_UNUSED(name)
        Q_UNUSED(kind)
        Q_UNUSED(value)
        notPlatform(ns, AdminCreateSecret);
    }
    virtual void deleteSecretValue(const QString &ns, const QString &name)
    {
        Q_UNUSED(name)
        notPlatform(ns, AdminDeleteSecret);
    }

    // The server's clock, learned from its answers. Set at construction and never replaced, so it
    // may be fetched from any thread; ServerClock itself is thread-safe.
    const std::shared_ptr<ServerClock> &clock() const { return m_clock; }

signals:
    void connected(const capstan::ConnectionSummary &summary);
    void stateChanged(capstan::SessionState state, const capstan::Error &error, int retryInMs);
    void deploymentsChanged(const capstan::DeploymentBatch &batch);
    // forbidden: listing namespaces is not allowed; the UI falls back to the context's namespace.
    void namespacesListed(const QStringList &namespaces, bool forbidden);

    // The open deployment's object (its summary parsed from it, without what the session observed).
    void objectChanged(const capstan::Deployment &deployment, const QJsonObject &object);
    void eventsChanged(const capstan::EventBatch &batch);
    void snapshotsChanged(const capstan::SnapshotBatch &batch);
    void jobManagerChanged(const QString &uid, const capstan::JobManagerInfo &info);
    void jobsChanged(const QString &uid, const QList<capstan::JobRun> &jobs);
    void jobGraphChanged(const QString &uid, const capstan::JobGraph &graph);
    void vertexDetailsChanged(const QString &uid, const capstan::VertexDetails &details);
    // The operator autoscaler's state of a watched deployment (watchAutoscaler) whose spec configures it: its ConfigMap
    // (configMapPresent false: none yet) and the job's plan for the vertices' names and current
    // parallelism (empty until the JobManager answered). error: the ConfigMap cannot be read (typically
    // 403 on configmaps); the last known state is kept. Sent on opening and on every change.
    void autoscalerChanged(const QString &uid, const capstan::AutoscalerState &state, bool configMapPresent,
                           const capstan::JobGraph &plan, const capstan::Error &error);
    // Metric samples of an open deployment: its last hour of history on opening, then each poll's.
    void metricsAppended(const QString &uid, const QList<capstan::MetricSample> &samples);
    // Prometheus could not be read for an open deployment (the JobManager's metrics still arrive).
    void prometheusFailed(const QString &uid, const capstan::Error &error);

    void actionProgress(const capstan::ActionProgress &progress);
    void actionFinished(const capstan::ActionResult &result);
    // The CRD's openAPIV3Schema of v1beta1, read once after connecting (not emitted when the
    // apiextensions API is forbidden or fails).
    void schemaLoaded(const QString &kind, const QJsonObject &openApiV3Schema);
    // A Ververica Platform's API description (Swagger 2.0, /api/swagger.json), read once after
    // connecting (not emitted when the platform does not serve one).
    void apiDescriptionLoaded(const capstan::VvpApiDescription &description);
    void specRevision(const QString &uid, const QDateTime &time, const QJsonObject &spec);
    // The spec `uid` had before its current one (empty: no earlier revision recorded), recorded at
    // `since`, replaced at `until` by the action of the audit log's key `action` ("": none of Capstan's
    // actions that Capstan knows of).
    void previousSpecRevision(const QString &uid, const QJsonObject &spec, const QDateTime &since,
                              const QDateTime &until, const QString &action);
    void auditEntries(const capstan::AuditQuery &query, const QList<capstan::AuditEntry> &entries);
    void accessReviewed(const capstan::AccessCheckList &checks);

    // Pods of the open deployments (one informer watches every Flink pod in scope; only open pages
    // get batches): on opening, a batch with reset and every pod, then changes.
    void podsChanged(const capstan::PodBatch &batch);
    // The pods cannot be listed or watched (typically 403: the user may read FlinkDeployments but
    // not pods); the Pods tab says so instead of staying empty. An empty error: they are back.
    void podsUnavailable(const capstan::Error &error);
    // Obituaries of the open deployments: on opening, every recorded one (reset), then each new one,
    // and again (same key) when its log tail has arrived. For the Pods tab and the timeline/chart
    // markers (Obituary::markerTime).
    void obituariesChanged(const capstan::ObituaryBatch &batch);
    // A batch of log lines of openLog(id); `source` says for people where they come from
    // ("Kubernetes (pods/log)", or a Flink REST fallback and why).
    void logLines(quint64 id, const QStringList &lines, const QString &source);
    // The log ended: an empty error (error.reason empty) when the container or the read ended
    // normally; otherwise what failed, with the missing permission named when that is the cause.
    void logEnded(quint64 id, const capstan::Error &error);
    void dashboardOpened(const QString &ns, const QString &name, const QUrl &url);
    void dashboardClosed(const QString &ns, const QString &name);
    void dashboardFailed(const QString &ns, const QString &name, const capstan::Error &error);
    // Ververica Platforms found in the cluster (Services of Ververica's Helm chart), each openable
    // as a context of its own; emitted once after connecting when there are any.
    void platformsFound(const QList<capstan::VvpEndpoint> &endpoints);
    // A namespace's DeploymentDefaults object (metadata with resourceVersion, spec): as read, or as saved.
    void deploymentDefaults(const QString &ns, const QJsonObject &object);
    // The namespace's secret values by name, with their kinds (never their values).
    void secretValues(const QString &ns, const QStringList &names, const QStringList &kinds);
    // request: an AdminRequest. A stale resourceVersion arrives as httpStatus 409.
    void adminFailed(const QString &ns, int request, const capstan::Error &error);

protected:
    // Opens the local history both backends keep, in one file: Events, jobs and obituaries (m_history),
    // the specs seen (m_revisions), the audit log (m_audit) and the metric history (m_metricStore, on
    // m_clock). path: empty for HistoryStore::defaultPath(), "-" for none (every store stays null).
    // Called on the session's thread: the connections belong to it.
    void openHistory(const QString &path, qint64 metricRetentionMs);
    // Asks the Prometheus source (m_prometheus, when set) for the metric history of the job named
    // `jobName` — the last hour at a 5 s step, the day before at 60 s, up to the server's now — and
    // publishes it as metricsAppended(uid, …), or prometheusFailed. A Service source is reached with
    // `client`. The queries go when `owner` does.
    void loadPrometheusHistory(KubeClient *client, const QString &uid, const QString &jobName, QObject *owner);
    // The metric collector of a pinned deployment whose page is not open, for its JobManager at `where`:
    // made on first use (and again for another JobManager), its samples going straight into the metric
    // store. keepPinnedCollectors drops those of the deployments not `wanted`.
    MetricCollector *pinnedCollector(KubeClient *client, const QString &uid, const JobManagerService &where);
    void keepPinnedCollectors(const QSet<QString> &wanted);

    std::shared_ptr<ServerClock> m_clock;
    PrometheusConfig m_prometheus;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<SpecRevisionStore> m_revisions;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<MetricStore> m_metricStore;
    QHash<QString, MetricCollector *> m_pinnedCollectors; // by uid; only for pages not open

private:
    void notPlatform(const QString &ns, int request)
    {
        emit adminFailed(ns, request,
                         Error::make(QStringLiteral("NotVervericaPlatform"),
                                     tr("This context is not a Ververica Platform: Deployment Defaults and Secret "
                                        "Values belong to a platform's namespaces.")));
    }
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::SessionState)
Q_DECLARE_METATYPE(capstan::ConnectionSummary)
Q_DECLARE_METATYPE(capstan::VvpEndpoint)
