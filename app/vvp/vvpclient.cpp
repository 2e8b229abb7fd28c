#include "vvp/vvpclient.h"

#include "kube/kubeclient.h"
#include "kube/kubereply.h"

#include <QJsonDocument>

namespace capstan {

namespace {

QString segment(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

} // namespace

VvpClient::VvpClient(KubeClient *client, const VvpEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_endpoint(endpoint)
{
}

KubeReply *VvpClient::send(const QByteArray &verb, const QString &apiPath, const QUrlQuery &query,
                           const QJsonObject &body)
{
    KubeRequest request;
    request.verb = verb;
    request.path = m_endpoint.requestPath(apiPath);
    request.query = query;
    if (verb != "GET" && verb != "DELETE") {
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.contentType = "application/json";
    }
    return m_client->send(request);
}

KubeReply *VvpClient::get(const QString &apiPath, const QUrlQuery &query)
{
    return send("GET", apiPath, query, {});
}

KubeReply *VvpClient::post(const QString &apiPath, const QJsonObject &body)
{
    return send("POST", apiPath, {}, body);
}

KubeReply *VvpClient::put(const QString &apiPath, const QJsonObject &body)
{
    return send("PUT", apiPath, {}, body);
}

KubeReply *VvpClient::patch(const QString &apiPath, const QJsonObject &body)
{
    return send("PATCH", apiPath, {}, body);
}

KubeReply *VvpClient::remove(const QString &apiPath)
{
    return send("DELETE", apiPath, {}, {});
}

QString VvpClient::namespacesPath()
{
    return QStringLiteral("/namespaces/v1/namespaces");
}

QString VvpClient::apiDescriptionPath()
{
    return QStringLiteral("/api/swagger.json");
}

QString VvpClient::deploymentsPath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/%1/deployments").arg(segment(ns));
}

QString VvpClient::deploymentPath(const QString &ns, const QString &name)
{
    return deploymentsPath(ns) + QLatin1Char('/') + segment(name);
}

QString VvpClient::eventsPath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/%1/events").arg(segment(ns));
}

QString VvpClient::jobsPath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/%1/jobs").arg(segment(ns));
}

QString VvpClient::savepointsPath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/%1/savepoints").arg(segment(ns));
}

QString VvpClient::deploymentDefaultsPath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/%1/deployment-defaults").arg(segment(ns));
}

QString VvpClient::deploymentTargetPath(const QString &ns, const QString &name)
{
    return QStringLiteral("/api/v1/namespaces/%1/deployment-targets/%2").arg(segment(ns), segment(name));
}

QString VvpClient::secretValuesPath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/%1/secret-values").arg(segment(ns));
}

QString VvpClient::secretValuePath(const QString &ns, const QString &name)
{
    return secretValuesPath(ns) + QLatin1Char('/') + segment(name);
}

} // namespace capstan
