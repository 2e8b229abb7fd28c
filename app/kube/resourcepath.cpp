#include "kube/resourcepath.h"

#include <QUrl>

namespace capstan {

namespace {
QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

ResourceType ResourceType::flinkDeployments()
{
    return {QStringLiteral("flink.apache.org"), QStringLiteral("v1beta1"), QStringLiteral("flinkdeployments"),
            QStringLiteral("FlinkDeployment"), true};
}

ResourceType ResourceType::flinkSessionJobs()
{
    return {QStringLiteral("flink.apache.org"), QStringLiteral("v1beta1"), QStringLiteral("flinksessionjobs"),
            QStringLiteral("FlinkSessionJob"), true};
}

ResourceType ResourceType::flinkBlueGreenDeployments()
{
    return {QStringLiteral("flink.apache.org"), QStringLiteral("v1beta1"), QStringLiteral("flinkbluegreendeployments"),
            QStringLiteral("FlinkBlueGreenDeployment"), true};
}

ResourceType ResourceType::of(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::FlinkSessionJob:
        return flinkSessionJobs();
    case ResourceKind::FlinkBlueGreenDeployment:
        return flinkBlueGreenDeployments();
    case ResourceKind::FlinkDeployment:
        break;
    }
    return flinkDeployments();
}

ResourceType ResourceType::flinkStateSnapshots()
{
    return {QStringLiteral("flink.apache.org"), QStringLiteral("v1beta1"), QStringLiteral("flinkstatesnapshots"),
            QStringLiteral("FlinkStateSnapshot"), true};
}

ResourceType ResourceType::events()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("events"), QStringLiteral("Event"), true};
}

ResourceType ResourceType::pods()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"), true};
}

ResourceType ResourceType::namespaces()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("namespaces"), QStringLiteral("Namespace"), false};
}

QString ResourceType::apiVersion() const
{
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

QString ResourceType::collectionPath(const QString &ns) const
{
    const QString root = group.isEmpty() ? QString(QStringLiteral("/api/") + version)
                                         : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    if (namespaced && !ns.isEmpty())
        return root + QStringLiteral("/namespaces/") + segment(ns) + QLatin1Char('/') + plural;
    return root + QLatin1Char('/') + plural;
}

QString ResourceType::objectPath(const QString &ns, const QString &name) const
{
    return collectionPath(ns) + QLatin1Char('/') + segment(name);
}

QString serviceProxyPath(const QString &ns, const QString &service, const QString &port, const QString &path)
{
    QString rest = path;
    if (rest.startsWith(QLatin1Char('/')))
        rest.remove(0, 1);
    return QStringLiteral("/api/v1/namespaces/") + segment(ns) + QStringLiteral("/services/") + segment(service)
        + QLatin1Char(':') + segment(port) + QStringLiteral("/proxy/") + rest;
}

} // namespace capstan
