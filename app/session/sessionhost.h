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
    SessionHost(const KubeConfig &config, const QString &contextName, const QString &ns, QObject *parent = nullptr);
    ~SessionHost() override;

    QString contextName() const { return m_contextName; }
    void setNamespace(const QString &ns);

    static void registerMetaTypes();

signals:
    void connected(const capstan::ConnectionSummary &summary);
    void stateChanged(capstan::SessionState state, const capstan::Error &error, int retryInMs);
    void deploymentsChanged(const capstan::DeploymentBatch &batch);
    void namespacesListed(const QStringList &namespaces, bool forbidden);

private:
    QString m_contextName;
    QThread m_thread;
    ClusterSession *m_session;
};

} // namespace capstan
