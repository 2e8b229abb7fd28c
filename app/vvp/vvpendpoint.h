#pragma once

#include "kube/connectionconfig.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace capstan {

// Where a Ververica Platform's Application Manager answers: a Service of the cluster reached through
// the API server's service proxy with the context's own credentials (the proxy does not pass a
// platform token on: the API server authenticated the caller), or a URL reached directly, with the
// platform's API token when it requires one (Community Edition does not).
struct VvpEndpoint
{
    enum class Kind { ServiceProxy, Url };

    Kind kind = Kind::ServiceProxy;
    QString ns; // ServiceProxy: the Service's namespace, name and port (name or number)
    QString service;
    QString port;
    QUrl url; // Url: the platform's base URL, e.g. http://127.0.0.1:8080 or https://vvp.example.com/

    bool isValid() const { return kind == Kind::Url ? url.isValid() && !url.host().isEmpty() : !service.isEmpty(); }
    // "vvp/vvp-ververica-platform:http" or the URL, for people.
    QString describe() const;
    // The request path of an Application Manager path ("/api/v1/namespaces/default/deployments").
    QString requestPath(const QString &apiPath) const;

    // A Service of Ververica's Helm chart (app=…ververica-platform or component=ververica-platform).
    static bool isPlatformService(const QJsonObject &service);
    // The endpoint of such a Service: its port named "http", else its first port.
    static VvpEndpoint fromService(const QJsonObject &service);
    // What the direct client connects with: the platform's URL, its token as a bearer token (never
    // logged: the credential provider treats it as every other token).
    static ConnectionConfig directConnection(const QUrl &url, const QString &token);
};

} // namespace capstan
