#pragma once

#include "session/clustersession.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace capstan {

// The GUI-thread side of one open context: owns the backend thread (objectName "capstan-backend")
// and the ClusterSession living on it, and passes requests to it. Views connect to the session's
// signals themselves (session()): a signal is declared once, where it originates, and Qt queues it
// into the receiver's thread.
class SessionHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionHost)

public:
    SessionHost(const KubeConfig &config, const QString &contextName, const QString &ns,
                const SessionOptions &options = {}, QObject *parent = nullptr);
    ~SessionHost() override;

    QString contextName() const { return m_contextName; }
    // A Ververica Platform rather than the operator's resources of the context.
    bool isPlatform() const { return m_platform; }
    void setNamespace(const QString &ns);
    void openDeployment(const QString &uid);
    void closeDeployment(const QString &uid);
    void watchJobGraph(const QString &uid, bool on, const QString &vertexId = {});
    void watchAutoscaler(const QString &uid, bool on);
    void setPrometheus(const PrometheusConfig &config);
    // Deployments ("namespace/name") whose metrics are collected while their page is closed.
    void setPinned(const QStringList &keys);
    // JobManager polling of the open deployments (now) and of those opened later.
    void setPollInterval(int ms);
    void setMetricRetention(qint64 ms);
    // What the session was last told (the backend applies it asynchronously).
    int pollInterval() const { return m_pollIntervalMs; }
    // Actions run on the backend thread; progress and results arrive through the signals below.
    void runAction(const ActionRequest &request);
    void abandonAction(quint64 id);
    void requestSpecRevision(const QString &uid, const QDateTime &time);
    // Answered by session()->previousSpecRevision.
    void requestPreviousSpecRevision(const QString &uid);
    // Answered by auditEntries() with the same query, so that each asker knows its answer.
    void requestAuditEntries(const capstan::AuditQuery &query);
    // Opens a log (see ClusterSession::openLog): returns its id, by which session()->logLines and
    // logEnded answer. Never blocks; closeLog stops it (no signal follows).
    quint64 openLog(const capstan::LogRequest &request);
    void closeLog(quint64 id);
    // The Flink Web Dashboard of a deployment through a proxy on loopback (see
    // ClusterSession::openDashboard): session()->dashboardOpened/Failed/Closed answer.
    void openDashboard(const QString &ns, const QString &name);
    void closeDashboard(const QString &ns, const QString &name);
    // A Ververica Platform namespace's Deployment Defaults and Secret Values (see BackendSession).
    void requestDeploymentDefaults(const QString &ns);
    void saveDeploymentDefaults(const QString &ns, const QJsonObject &specPatch, const QString &resourceVersion);
    void requestSecretValues(const QString &ns);
    void createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value);
    void deleteSecretValue(const QString &ns, const QString &name);

    // The API server's clock (thread-safe, shared with the backend that learns it). Ages and "now" of
    // server-side facts (snapshots, events, job runs, metric samples) are computed against it, so
    // they read right when this computer's clock is off or a sandbox's clock runs offset or fast.
    // Before the server's first answer it is the local clock. Never null.
    std::shared_ptr<const ServerClock> clock() const { return m_clock; }
    // The server's now (UTC); never blocks.
    QDateTime serverNow() const;
    // The same for views that may have no session: the local time when `host` is null.
    static QDateTime serverNow(const SessionHost *host);

    // For connecting to its signals only: its methods must be called in its own thread.
    const BackendSession *session() const { return m_session; }

    static void registerMetaTypes();

private:
    QString m_contextName;
    bool m_platform;
    int m_pollIntervalMs;
    QThread m_thread;
    BackendSession *m_session;
    std::shared_ptr<const ServerClock> m_clock;
    quint64 m_nextLogId = 0;
};

} // namespace capstan
