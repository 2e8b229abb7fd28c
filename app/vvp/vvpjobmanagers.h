#pragma once

#include "error.h"
#include "session/jobmanagerservice.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace capstan {

class KubeClient;
class VvpClient;

// Finds the JobManager of a Ververica Platform deployment's current job in the cluster, for a platform
// reached through a kubeconfig context. The platform labels what it creates for a job system=
// ververica-platform, app=flink-job, vvpNamespace, deploymentId, deploymentName and jobId, in the
// Kubernetes namespace of the deployment's Deployment Target; the JobManager's Service is the one of
// the job with a port named "rest" (else 8081), reached through the API server's service proxy like
// the operator's <name>-rest. Answers are kept: a target's namespace for the session, a job's
// Service for as long as the job is the deployment's current one. Lives on the session's thread;
// does not own the clients.
class VvpJobManagers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VvpJobManagers)

public:
    // vvp: the platform's client; kube: the cluster's, which reaches its Services.
    VvpJobManagers(VvpClient *vvp, KubeClient *kube, QObject *parent = nullptr);

    // The JobManager Service of the current job of `deployment` (a platform Deployment object), when
    // known. Otherwise asks for it, once at a time per deployment, and returns an invalid one:
    // located() follows, and error() says why when it was not found.
    JobManagerService find(const QJsonObject &deployment);
    // Why the last search for the deployment's JobManager found none (not set: none failed).
    Error error(const QString &deploymentId) const { return m_errors.value(deploymentId); }

    // Flink's job id of a platform Job (the platform's job id without its dashes).
    static QString flinkJobId(const QString &platformJobId);

signals:
    // A search for the deployment's JobManager ended (found or not).
    void located(const QString &deploymentId);

private:
    void findService(const QString &deploymentId, const QString &jobId, const QString &kubernetesNamespace);
    void fail(const QString &deploymentId, const Error &error);

    VvpClient *m_vvp;
    KubeClient *m_kube;
    QHash<QString, QString> m_targetNamespaces; // "<platform namespace>/<target>" → Kubernetes namespace
    QHash<QString, JobManagerService> m_services; // by platform job id
    QHash<QString, Error> m_errors; // by deployment id
    QSet<QString> m_searching; // deployment ids
};

} // namespace capstan
