#include "session/clustersession.h"

#include "kube/connectionconfig.h"
#include "kube/kubeclient.h"
#include "logging.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkInformation>

namespace capstan {

ClusterSession::ClusterSession(const KubeConfig &config, const QString &contextName, const QString &ns,
                               const Informer::Options &informerOptions, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_contextName(contextName)
    , m_ns(ns)
    , m_informerOptions(informerOptions)
{
}

ClusterSession::~ClusterSession()
{
    stop();
}

void ClusterSession::start()
{
    emit stateChanged(SessionState::Connecting, {}, 0);
    // Reads CA/certificate/key files: done here, on the backend thread.
    const Result<ConnectionConfig> connection = ConnectionConfig::resolve(m_config, m_contextName);
    if (!connection) {
        qCWarning(lcSession).noquote() << "cannot open context" << m_contextName << ":"
                                       << connection.error().toString();
        emit stateChanged(SessionState::Failed, connection.error(), 0);
        return;
    }
    m_nam = new QNetworkAccessManager(this);
    m_client = new KubeClient(m_nam, connection.value(), this);
    emit connected({connection->contextName, connection->server.toString(), connection->user.name, connection->ns,
                    connection->insecure()});
    if (QNetworkInformation *info = QNetworkInformation::instance()) {
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online && m_deployments) {
                        qCInfo(lcSession) << "network changed; relisting";
                        m_deployments->relist();
                    }
                });
    }
    listNamespaces();
    startDeploymentInformer();
}

void ClusterSession::stop()
{
    if (m_deployments) {
        m_deployments->stop();
        delete m_deployments;
    }
}

void ClusterSession::setNamespace(const QString &ns)
{
    if (ns == m_ns && m_deployments)
        return;
    m_ns = ns;
    if (!m_client)
        return;
    if (m_deployments) {
        // Tell the view that everything it shows is gone before the new namespace arrives.
        DeploymentBatch clear;
        for (auto it = m_deployments->objects().cbegin(); it != m_deployments->objects().cend(); ++it)
            clear.removed << it.key();
        m_deployments->stop();
        delete m_deployments;
        if (!clear.removed.isEmpty())
            emit deploymentsChanged(clear);
    }
    startDeploymentInformer();
}

void ClusterSession::startDeploymentInformer()
{
    m_deployments = new Informer(m_client, ResourceType::flinkDeployments(), m_ns, m_informerOptions, this);
    connect(m_deployments, &Informer::changed, this, [this](const InformerBatch &batch) {
        DeploymentBatch out;
        out.resynced = batch.resynced;
        out.removed = batch.removed;
        out.upserted.reserve(batch.upserted.size());
        for (const QJsonObject &object : batch.upserted)
            out.upserted.append(Deployment::fromJson(object));
        emit deploymentsChanged(out);
    });
    connect(m_deployments, &Informer::stateChanged, this,
            [this](InformerState state, const Error &error, int retryInMs) {
                switch (state) {
                case InformerState::Watching:
                    emit stateChanged(SessionState::Live, {}, 0);
                    break;
                case InformerState::Backoff:
                    emit stateChanged(SessionState::Reconnecting, error, retryInMs);
                    break;
                case InformerState::Listing:
                    if (m_deployments && m_deployments->hasSynced())
                        emit stateChanged(SessionState::Reconnecting, error, 0);
                    break;
                case InformerState::Stopped:
                    break;
                }
            });
    m_deployments->start();
}

void ClusterSession::listNamespaces()
{
    KubeReply *reply = m_client->list(ResourceType::namespaces().collectionPath(), {});
    connect(reply, &KubeReply::finished, this, [this](const Result<QJsonObject> &result) {
        if (!result) {
            const bool forbidden = result.error().httpStatus == 403;
            qCInfo(lcSession).noquote() << "cannot list namespaces:" << result.error().toString();
            emit namespacesListed({}, forbidden);
            return;
        }
        QStringList names;
        const QJsonArray items = result->value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            names
                << item.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        names.sort();
        emit namespacesListed(names, false);
    });
}

} // namespace capstan
