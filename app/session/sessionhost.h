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

private:
    QString m_contextName;
    QThread m_thread;
    ClusterSession *m_session;
};

} // namespace capstan
