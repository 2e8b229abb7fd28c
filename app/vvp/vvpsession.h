#pragma once

#include "kube/kubeconfig.h"
#include "session/backendsession.h"
#include "session/jobmanagerservice.h"
#include "vvp/vvpendpoint.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace capstan {

class JobManagerPoller;
class KubeClient;
class SpecRevisionStore;
class VvpAdmin;
class VvpClient;
class VvpJobManagers;

// One open Ververica Platform: its deployments listed by polling the Application Manager (it has no
// watch) at the pace of the platform's own UI, with the same Live / Reconnecting states as a watched
// cluster; an open deployment's object, Events, Savepoints and Jobs polled at the poll interval; and
// the actions that change the deployment's desired state (Start, Suspend, Cancel), take a savepoint,
// start from a chosen savepoint and delete. Like ClusterSession it keeps the local history: every
// action in the audit log, the Events of open deployments, and each spec it sees as a revision. The
// platform is reached through a kubeconfig context's service proxy, or at a URL with its API token
// (never logged, never in the history). Lives on its own backend thread, like ClusterSession.
//
// Through a kubeconfig context the JobManager of a running deployment's job is in reach: its Service,
// which the platform labels with the deployment and job (VvpJobManagers), is polled through the
// service proxy as the operator's are (JobManagerPoller): the JobManager's view, the job graph and
// metrics, kept in the metric store and collected for pinned deployments too. A platform reached by
// URL leads to no JobManager: its pages say so, and only a Prometheus source gives metric history.
class VvpSession final : public BackendSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VvpSession)

public:
    struct Options
    {
        int listIntervalMs = 5000; // the deployment list (the platform's UI polls as often)
        int pollIntervalMs = 5000; // an open deployment's details
        QString historyPath; // empty: HistoryStore::defaultPath(); "-": no local history
        qint64 metricRetentionMs = qint64(7) * 24 * 3600 * 1000; // local metric history kept this long
    };

    // ServiceProxy endpoints connect with `contextName` of `config`; Url endpoints with `token`.
    VvpSession(const KubeConfig &config, const QString &contextName, const VvpEndpoint &endpoint, const QString &ns,
               const QString &token, const Options &options, QObject *parent = nullptr);
    ~VvpSession() override;

    void start() override;
    void stop() override;
    void setNamespace(const QString &ns) override;
    void openDeployment(const QString &uid) override;
    void closeDeployment(const QString &uid) override;
    void watchJobGraph(const QString &uid, bool on, const QString &vertexId) override;
    void setPinned(const QStringList &keys) override;
    void setPrometheus(const PrometheusConfig &config) override;
    void setPollInterval(int ms) override;
    void setMetricRetention(qint64 ms) override;
    void runAction(const ActionRequest &request) override;
    void abandonAction(quint64 id) override;
    void requestSpecRevision(const QString &uid, const QDateTime &time) override;
    void requestPreviousSpecRevision(const QString &uid) override;
    void requestAuditEntries(const capstan::AuditQuery &query) override;
    void openLog(quint64 id, const capstan::LogRequest &request) override;
    void closeLog(quint64 id) override;
    void openDashboard(const QString &ns, const QString &name) override;
    void closeDashboard(const QString &ns, const QString &name) override;
    void requestDeploymentDefaults(const QString &ns) override;
    void saveDeploymentDefaults(const QString &ns, const QJsonObject &specPatch,
                                const QString &resourceVersion) override;
    void requestSecretValues(const QString &ns) override;
    void createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value) override;
    void deleteSecretValue(const QString &ns, const QString &name) override;

    const VvpEndpoint &endpoint() const { return m_endpoint; }
    int listCount() const { return m_lists; }
    // The context the audit log names this platform's actions by: the name the window gives the
    // platform ("<kube context> (Ververica Platform <service>.<namespace>)", or "Ververica Platform at
    // <host>"), so that they are told apart from the operator's in the same Kubernetes context.
    QString auditContext() const;

private:
    // An open page's view of one deployment: what was sent last, so that only changes go out.
    struct Page
    {
        QString ns;
        QString name;
        bool sentOnce = false;
        qint64 latestCheckpointId = -1; // of the current job, as its JobManager last said
        QSet<QString> events;
        QHash<QString, Snapshot> snapshots;
    };

    void list();
    void loadApiDescription();
    void listNamespaces();
    void listed(const QStringList &namespaces, const QHash<QString, QJsonObject> &objects);
    void listFailed(const Error &error);
    void pollPage(const QString &uid);
    // The JobManager of the page's current job: its view, metrics and (while shown) graph.
    void pollJobManager(const QString &uid);
    JobManagerPoller *makePoller(const QString &uid, const JobManagerService &where);
    // Metrics of the pinned deployments whose page is not open, into the metric store.
    void collectPinned();
    // Why a platform reached by URL shows no JobManager, and what to do.
    Error notExposed() const;
    void finish(const ActionRequest &request, ActionResult::Outcome outcome, const QString &summary,
                const Error &error = {}, const QJsonObject &sent = {});
    // Every result goes out here: stamped with the deployment and the time, and written to the audit log
    // with what was sent.
    void publish(const ActionRequest &request, ActionResult result, const QJsonObject &sent);
    // Writes the desired state (or the edited spec) the plan says, against the version the user saw.
    void writeSpec(const ActionRequest &request, const QJsonObject &patch, const QString &stepText,
                   const QString &doneText, ActionProgress progress, const QJsonObject &sentBefore = {});
    void startFromSavepoint(const ActionRequest &request, const QJsonObject &patch);
    // The platform deletes only cancelled or suspended deployments: one meant to run is cancelled first,
    // then deleted once the platform reports it stopped.
    void deleteDeployment(const ActionRequest &request, ActionProgress progress);
    void deleteWhenStopped(const ActionRequest &request, ActionProgress progress, const QDateTime &deadline);
    void deleteNow(const ActionRequest &request, ActionProgress progress);
    // Records the deployment's spec as a revision when it changed since the last one recorded.
    void observeSpec(const QString &uid, const QJsonObject &object);

    KubeConfig m_config;
    QString m_contextName;
    VvpEndpoint m_endpoint;
    QString m_ns;
    QString m_token;
    Options m_options;
    QNetworkAccessManager *m_nam = nullptr;
    KubeClient *m_client = nullptr;
    VvpClient *m_vvp = nullptr;
    VvpAdmin *m_admin; // Deployment Defaults and Secret Values
    QTimer m_listTimer;
    QTimer m_pollTimer;
    quint64 m_generation = 0; // a list started before setNamespace/stop is dropped
    QSet<quint64> m_abandoned; // actions whose waiting the user gave up
    bool m_listing = false;
    bool m_synced = false;
    bool m_live = false;
    int m_lists = 0;
    QStringList m_namespaces;
    QHash<QString, Deployment> m_summaries; // by uid
    QHash<QString, QJsonObject> m_objects; // by uid: the platform's objects, for pages and actions
    QHash<QString, Page> m_pages; // open deployments by uid
    QSet<QString> m_pendingOpens; // pages opened before the list had their deployment
    QHash<QString, QString> m_recordedSpecs; // by uid: the spec last recorded, compact JSON
    VvpJobManagers *m_jobManagers = nullptr; // a platform behind the service proxy only
    QHash<QString, JobManagerPoller *> m_pollers; // of open pages whose job's JobManager was found, by uid
    QHash<QString, QString> m_graphWatches; // uid → selected vertex, of pages showing the graph
    QStringList m_pinned; // "namespace/name"
};

} // namespace capstan
