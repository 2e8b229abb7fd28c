#pragma once

#include "vvp/vvpendpoint.h"

#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>

namespace capstan {

class KubeClient;
class KubeReply;

// Requests to a Ververica Platform's Application Manager (API v1) through a KubeClient: the
// context's client for an endpoint behind the service proxy, or one made from
// VvpEndpoint::directConnection for a URL. Lives on the session's backend thread. Every call returns
// a KubeReply job (finished once, JSON answers; errors as values with the platform's message).
class VvpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VvpClient)

public:
    VvpClient(KubeClient *client, const VvpEndpoint &endpoint, QObject *parent = nullptr);

    const VvpEndpoint &endpoint() const { return m_endpoint; }
    KubeClient *kubeClient() const { return m_client; }

    KubeReply *get(const QString &apiPath, const QUrlQuery &query = {});
    KubeReply *post(const QString &apiPath, const QJsonObject &body);
    KubeReply *put(const QString &apiPath, const QJsonObject &body);
    // The platform's PATCH merges the fields given into the object (application/json).
    KubeReply *patch(const QString &apiPath, const QJsonObject &body);
    KubeReply *remove(const QString &apiPath);

    // Application Manager paths.
    static QString namespacesPath(); // Ververica's namespace API
    static QString apiDescriptionPath(); // the Application Manager's Swagger 2.0 description
    static QString deploymentsPath(const QString &ns);
    static QString deploymentPath(const QString &ns, const QString &name);
    static QString eventsPath(const QString &ns); // with ?deploymentId=
    static QString jobsPath(const QString &ns); // with ?deploymentId=
    static QString savepointsPath(const QString &ns); // with ?deploymentId=
    static QString deploymentDefaultsPath(const QString &ns);
    static QString deploymentTargetPath(const QString &ns, const QString &name);
    static QString secretValuesPath(const QString &ns);
    static QString secretValuePath(const QString &ns, const QString &name);

private:
    KubeReply *send(const QByteArray &verb, const QString &apiPath, const QUrlQuery &query, const QJsonObject &body);

    KubeClient *m_client;
    VvpEndpoint m_endpoint;
};

} // namespace capstan
