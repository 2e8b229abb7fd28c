#include "vvp/vvpjobmanagers.h"

#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "logging.h"
#include "vvp/vvpclient.h"

#include <QJsonArray>

namespace capstan {

VvpJobManagers::VvpJobManagers(VvpClient *vvp, KubeClient *kube, QObject *parent)
    : QObject(parent)
    , m_vvp(vvp)
    , m_kube(kube)
{
}

QString VvpJobManagers::flinkJobId(const QString &platformJobId)
{
    return QString(platformJobId).remove(QLatin1Char('-'));
}

JobManagerService VvpJobManagers::find(const QJsonObject &deployment)
{
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QString id = metadata.value(QLatin1String("id")).toString();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    const QString jobId = deployment.value(QLatin1String("status"))
                              .toObject()
                              .value(QLatin1String("running"))
                              .toObject()
                              .value(QLatin1String("jobId"))
                              .toString();
    const auto known = m_services.constFind(jobId);
    if (known != m_services.cend())
        return *known;
    if (id.isEmpty() || jobId.isEmpty() || m_searching.contains(id))
        return {};
    const QString target = spec.value(QLatin1String("deploymentTargetName")).toString();
    if (target.isEmpty()) {
        // A session cluster's jobs share its JobManager, which the platform labels by the session cluster.
        fail(id,
             Error::make(QStringLiteral("NotExposed"),
                         tr("This deployment runs in a session cluster; Capstan reads the JobManagers of "
                            "deployments with a Deployment Target only.")));
        return {};
    }
    m_searching.insert(id);
    const QString targetKey = ns + QLatin1Char('/') + target;
    if (m_targetNamespaces.contains(targetKey)) {
        findService(id, jobId, m_targetNamespaces.value(targetKey));
        return {};
    }
    KubeReply *reply = m_vvp->get(VvpClient::deploymentTargetPath(ns, target));
    connect(reply, &KubeReply::finished, this, [this, id, jobId, target, targetKey](const Result<QJsonObject> &result) {
        if (!result) {
            fail(id,
                 Error::make(result.error().reason,
                             tr("The Deployment Target %1 cannot be read: %2").arg(target, result.error().message)));
            return;
        }
        const QString kubernetesNamespace = result->value(QLatin1String("spec"))
                                                .toObject()
                                                .value(QLatin1String("kubernetes"))
                                                .toObject()
                                                .value(QLatin1String("namespace"))
                                                .toString();
        if (kubernetesNamespace.isEmpty()) {
            fail(id,
                 Error::make(QStringLiteral("NotFound"),
                             tr("The Deployment Target %1 names no Kubernetes namespace.").arg(target)));
            return;
        }
        m_targetNamespaces.insert(targetKey, kubernetesNamespace);
        findService(id, jobId, kubernetesNamespace);
    });
    return {};
}

void VvpJobManagers::findService(const QString &deploymentId, const QString &jobId, const QString &kubernetesNamespace)
{
    KubeClient::ListOptions options;
    options.labelSelector = QStringLiteral("deploymentId=") + deploymentId;
    KubeReply *reply = m_kube->list(QStringLiteral("/api/v1/namespaces/%1/services").arg(kubernetesNamespace), options);
    connect(
        reply, &KubeReply::finished, this,
        [this, deploymentId, jobId, kubernetesNamespace](const Result<QJsonObject> &result) {
            if (!result) {
                fail(deploymentId,
                     Error::make(result.error().reason,
                                 result.error().httpStatus == 403
                                     ? tr("Services of namespace %1 cannot be listed (list on services is "
                                          "not allowed), so the JobManager of the job cannot be found.")
                                           .arg(kubernetesNamespace)
                                     : tr("The JobManager's Service cannot be looked up in namespace %1: %2")
                                           .arg(kubernetesNamespace, result.error().message)));
                return;
            }
            const QJsonArray items = result->value(QLatin1String("items")).toArray();
            for (const QJsonValue &item : items) {
                const QJsonObject metadata = item.toObject().value(QLatin1String("metadata")).toObject();
                if (metadata.value(QLatin1String("labels")).toObject().value(QLatin1String("jobId")).toString()
                    != jobId)
                    continue;
                // The REST port by its name, else by Flink's default number.
                QString port;
                const QJsonArray ports
                    = item.toObject().value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray();
                for (const QJsonValue &p : ports) {
                    const QJsonObject o = p.toObject();
                    if (o.value(QLatin1String("name")).toString() == QLatin1String("rest"))
                        port = QStringLiteral("rest");
                    else if (port.isEmpty() && o.value(QLatin1String("port")).toInt() == 8081)
                        port = QStringLiteral("8081");
                }
                if (port.isEmpty())
                    continue;
                m_searching.remove(deploymentId);
                m_errors.remove(deploymentId);
                m_services.insert(jobId, {kubernetesNamespace, metadata.value(QLatin1String("name")).toString(), port});
                emit located(deploymentId);
                return;
            }
            fail(deploymentId,
                 Error::make(QStringLiteral("JobManagerNotReady"),
                             tr("The JobManager of job %1 has no Service in namespace %2 yet.")
                                 .arg(jobId, kubernetesNamespace)));
        });
}

void VvpJobManagers::fail(const QString &deploymentId, const Error &error)
{
    qCDebug(lcSession).noquote() << "no JobManager for platform deployment" << deploymentId << ":" << error.toString();
    m_searching.remove(deploymentId);
    m_errors.insert(deploymentId, error);
    emit located(deploymentId);
}

} // namespace capstan
