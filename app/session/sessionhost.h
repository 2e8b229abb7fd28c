#pragma once

#include "session/clustersession.h"

#include <QObject>
#include <QThread>

namespace capstan {

// The GUI-thread side of one open context: owns the backend thread (objectName "capstan-backend")
// and the ClusterSession living on it, and re-emits the session's signals in the GUI thread.
class SessionHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionHost)

public:
    SessionHost(const KubeConfig &config, const QString &contextName, const QString &ns,
                const SessionOptions &options = {}, QObject *parent = nullptr);
    ~SessionHost() override;

    QString contextName() const { return m_contextName; }
    void setNamespace(const QString &ns);
    void openDeployment(const QString &uid);
    void closeDeployment(const QString &uid);
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
    // Answered by auditEntries() with the same query, so that each asker knows its answer.
    void requestAuditEntries(const capstan::AuditQuery &query);

    static void registerMetaTypes();

signals:
    void connected(const capstan::ConnectionSummary &summary);
    void stateChanged(capstan::SessionState state, const capstan::Error &error, int retryInMs);
    void deploymentsChanged(const capstan::DeploymentBatch &batch);
    void namespacesListed(const QStringList &namespaces, bool forbidden);
    void objectChanged(const QString &uid, const QJsonObject &object);
    void eventsChanged(const capstan::EventBatch &batch);
    void snapshotsChanged(const capstan::SnapshotBatch &batch);
    void jobManagerChanged(const QString &uid, const capstan::JobManagerInfo &info);
    void jobsChanged(const QString &uid, const QList<capstan::JobRun> &jobs);
    void metricsAppended(const QString &uid, const QList<capstan::MetricSample> &samples);
    void prometheusFailed(const QString &uid, const capstan::Error &error);
    void actionProgress(const capstan::ActionProgress &progress);
    void actionFinished(const capstan::ActionResult &result);
    void schemaLoaded(const QString &kind, const QJsonObject &openApiV3Schema);
    void specRevision(const QString &uid, const QDateTime &time, const QJsonObject &spec);
    void auditEntries(const capstan::AuditQuery &query, const QList<capstan::AuditEntry> &entries);
    void accessReviewed(const capstan::AccessCheckList &checks);

private:
    QString m_contextName;
    int m_pollIntervalMs;
    QThread m_thread;
    ClusterSession *m_session;
};

} // namespace capstan
