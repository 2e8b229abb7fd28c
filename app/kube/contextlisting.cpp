#include "kube/contextlisting.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace capstan {

QJsonObject ContextListing::toJson(const KubeConfig &config)
{
    QJsonArray contexts;
    for (const KubeContext &ctx : config.contexts) {
        const KubeCluster *cluster = config.cluster(ctx.cluster);
        const KubeUser *user = config.user(ctx.user);
        QJsonObject entry;
        entry.insert(QLatin1String("name"), ctx.name);
        entry.insert(QLatin1String("cluster"), ctx.cluster);
        entry.insert(QLatin1String("server"), cluster ? QJsonValue(cluster->server) : QJsonValue(QJsonValue::Null));
        entry.insert(QLatin1String("user"), ctx.user);
        entry.insert(QLatin1String("namespace"), ctx.ns);
        entry.insert(QLatin1String("auth"), authKindName(user ? user->authKind() : AuthKind::None));
        entry.insert(QLatin1String("current"), ctx.name == config.currentContext);
        contexts.append(entry);
    }
    QJsonObject root;
    root.insert(QLatin1String("currentContext"), config.currentContext);
    root.insert(QLatin1String("contexts"), contexts);
    return root;
}

QByteArray ContextListing::toJsonText(const KubeConfig &config)
{
    return QJsonDocument(toJson(config)).toJson(QJsonDocument::Indented);
}

} // namespace capstan
