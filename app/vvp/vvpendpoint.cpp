#include "vvp/vvpendpoint.h"

#include "kube/resourcepath.h"

#include <QJsonArray>

namespace capstan {

QString VvpEndpoint::describe() const
{
    if (kind == Kind::Url)
        return url.toString(QUrl::RemoveUserInfo);
    return QStringLiteral("%1/%2:%3").arg(ns, service, port);
}

QString VvpEndpoint::requestPath(const QString &apiPath) const
{
    if (kind == Kind::ServiceProxy)
        return serviceProxyPath(ns, service, port, apiPath);
    // A platform behind a path prefix (an ingress at https://host/vvp/) keeps its prefix.
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + apiPath;
}

bool VvpEndpoint::isPlatformService(const QJsonObject &service)
{
    const QJsonObject labels
        = service.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject();
    return labels.value(QLatin1String("app")).toString().endsWith(QLatin1String("ververica-platform"))
        || labels.value(QLatin1String("component")).toString() == QLatin1String("ververica-platform");
}

VvpEndpoint VvpEndpoint::fromService(const QJsonObject &service)
{
    const QJsonObject metadata = service.value(QLatin1String("metadata")).toObject();
    VvpEndpoint e;
    e.kind = Kind::ServiceProxy;
    e.ns = metadata.value(QLatin1String("namespace")).toString();
    e.service = metadata.value(QLatin1String("name")).toString();
    const QJsonArray ports = service.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray();
    for (const QJsonValue &value : ports) {
        const QJsonObject port = value.toObject();
        const QString name = port.value(QLatin1String("name")).toString();
        if (name == QLatin1String("http")) {
            e.port = name;
            break;
        }
        if (e.port.isEmpty())
            e.port = name.isEmpty() ? QString::number(port.value(QLatin1String("port")).toInt()) : name;
    }
    return e;
}

ConnectionConfig VvpEndpoint::directConnection(const QUrl &url, const QString &token)
{
    ConnectionConfig c;
    c.contextName = url.host();
    c.server = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    c.user.name = QStringLiteral("ververica-platform");
    c.user.token = token;
    return c;
}

} // namespace capstan
