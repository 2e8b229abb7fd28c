#pragma once

#include "error.h"
#include "flink/deployment.h"
#include "kube/informer.h"
#include "kube/kubeconfig.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace capstan {

class KubeClient;

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

// One open kubeconfig context. Lives on its own backend thread (see SessionHost) and owns
// everything that waits: the QNetworkAccessManager, the API client, credential plugins and the
// informers. It publishes value types only.
class ClusterSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)

public:
    ClusterSession(const KubeConfig &config, const QString &contextName, const QString &ns,
                   const Informer::Options &informerOptions = {}, QObject *parent = nullptr);
    ~ClusterSession() override;

    // Must be called in the thread the session lives in.
    void start();
    void stop();
    // Watches another namespace ("" = all namespaces). Drops the current view.
    void setNamespace(const QString &ns);

    KubeClient *client() const { return m_client; }

signals:
    void connected(const capstan::ConnectionSummary &summary);
    void stateChanged(capstan::SessionState state, const capstan::Error &error, int retryInMs);
    void deploymentsChanged(const capstan::DeploymentBatch &batch);
    // forbidden: listing namespaces is not allowed; the UI falls back to the context's namespace.
    void namespacesListed(const QStringList &namespaces, bool forbidden);

private:
    void startDeploymentInformer();
    void listNamespaces();

    KubeConfig m_config;
    QString m_contextName;
    QString m_ns;
    Informer::Options m_informerOptions;
    QNetworkAccessManager *m_nam = nullptr;
    KubeClient *m_client = nullptr;
    QPointer<Informer> m_deployments;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::SessionState)
Q_DECLARE_METATYPE(capstan::ConnectionSummary)
