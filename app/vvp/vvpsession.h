#pragma once

#include "kube/kubeconfig.h"
#include "session/backendsession.h"
#include "vvp/vvpendpoint.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QNetworkAccessManager;

namespace capstan {

class KubeClient;
class VvpAdmin;
class VvpClient;

// One open Ververica Platform: its deployments listed by polling the Application Manager (it has no
// watch) at the pace of the platform's own UI, with the same Live / Reconnecting states as a watched
// cluster; an open deployment's object, Events, Savepoints and Jobs polled at the poll interval; and
// the actions that change the deployment's desired state (Start, Suspend, Cancel) and take a
// savepoint. The platform is reached through a kubeconfig context's service proxy, or at a URL with
// its API token (never logged). Lives on its own backend thread, like ClusterSession.
class VvpSession final : public BackendSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VvpSession)

public:
    struct Options
    {
        int listIntervalMs = 5000; // the deployment list (the platform's UI polls as often)
        int pollIntervalMs = 5000; // an open deployment's details
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

private:
    // An open page's view of one deployment: what was sent last, so that only changes go out.
    struct Page
    {
        QString ns;
        QString name;
        bool sentOnce = false;
        QSet<QString> events;
        QHash<QString, Snapshot> snapshots;
    };

    void list();
    void listNamespaces();
    void listed(const QStringList &namespaces, const QHash<QString, QJsonObject> &objects);
    void listFailed(const Error &error);
    void pollPage(const QString &uid);
    void finish(const ActionRequest &request, ActionResult::Outcome outcome, const QString &summary,
                const Error &error = {});

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
    bool m_listing = false;
    bool m_synced = false;
    bool m_live = false;
    int m_lists = 0;
    QStringList m_namespaces;
    QHash<QString, Deployment> m_summaries; // by uid
    QHash<QString, QJsonObject> m_objects; // by uid: the platform's objects, for pages and actions
    QHash<QString, Page> m_pages; // open deployments by uid
    QSet<QString> m_pendingOpens; // pages opened before the list had their deployment
};

} // namespace capstan
