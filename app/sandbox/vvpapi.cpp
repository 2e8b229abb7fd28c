#include "sandbox/vvpapi.h"

#include "sandbox/resourcestore.h"
#include "sandbox/vvpapidocument.h"
#include "sandbox/vvpplatform.h"
#include "vvp/vvpapidescription.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

using Kind = VvpPlatform::Kind;

ProxyResponse reply(const VvpResult &r)
{
    return {r.status, QJsonDocument(r.body).toJson(QJsonDocument::Compact), "application/json"};
}

ProxyResponse failure(int status, const QString &reason, const QString &message)
{
    return reply(
        {status, {{u"kind"_s, u"Error"_s}, {u"statusCode"_s, status}, {u"reason"_s, reason}, {u"message"_s, message}}});
}

ProxyResponse notFound(const QString &path)
{
    return failure(404, u"Not Found"_s, u"No resource at %1."_s.arg(path));
}

ProxyResponse methodNotAllowed(const QString &method, const QString &path)
{
    return failure(405, u"Method Not Allowed"_s, u"%1 is not supported on %2."_s.arg(method, path));
}

} // namespace

VvpApi::VvpApi(VvpPlatform &platform)
    : m_platform(platform)
{
}

QString VvpApi::serviceNamespace()
{
    return u"vvp"_s;
}

QString VvpApi::serviceName()
{
    return u"vvp-ververica-platform"_s;
}

void VvpApi::publishService(ResourceStore &store, qint64 nowMs)
{
    WriteOptions options;
    options.creationTimestamp = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    store.create(u"namespaces"_s, {}, QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, serviceNamespace()}}}},
                 options);
    // The labels and port of Ververica's Helm chart (release "vvp").
    const QJsonObject labels{{u"app"_s, u"vvp-ververica-platform"_s},
                             {u"chart"_s, u"ververica-platform-5.4.3"_s},
                             {u"component"_s, u"ververica-platform"_s},
                             {u"heritage"_s, u"Helm"_s},
                             {u"release"_s, u"vvp"_s},
                             {u"system"_s, u"ververica-platform"_s}};
    const QJsonObject service{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Service"_s},
        {u"metadata"_s,
         QJsonObject{{u"name"_s, serviceName()}, {u"namespace"_s, serviceNamespace()}, {u"labels"_s, labels}}},
        {u"spec"_s,
         QJsonObject{{u"type"_s, u"ClusterIP"_s},
                     {u"selector"_s,
                      QJsonObject{{u"app"_s, u"vvp-ververica-platform"_s},
                                  {u"component"_s, u"ververica-platform"_s},
                                  {u"release"_s, u"vvp"_s}}},
                     {u"ports"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"http"_s},
                                             {u"port"_s, 8080},
                                             {u"protocol"_s, u"TCP"_s},
                                             {u"targetPort"_s, u"http"_s}}}}}}};
    store.create(u"services"_s, serviceNamespace(), service, options);
}

ProxyResponse VvpApi::handle(const QString &method, const QString &rawPath, const QUrlQuery &query,
                             const QByteArray &body, const QByteArray &contentType) const
{
    QStringList parts = rawPath.split(u'/', Qt::SkipEmptyParts);
    for (QString &part : parts)
        part = QUrl::fromPercentEncoding(part.toUtf8());
    const QString path = u"/"_s + parts.join(u'/');
    const QString m = method.toUpper();

    if (parts == QStringList{u"namespaces"_s, u"v1"_s, u"namespaces"_s}) {
        if (m != u"GET"_s)
            return methodNotAllowed(m, path);
        QJsonArray namespaces;
        for (const QString &ns : m_platform.namespaces())
            namespaces.append(QJsonObject{{u"name"_s, QString(u"namespaces/"_s + ns)}});
        return reply({200, {{u"namespaces"_s, namespaces}}});
    }
    if (parts == QStringList{u"api"_s, u"swagger.json"_s}) {
        if (m != u"GET"_s)
            return methodNotAllowed(m, path);
        return reply({200, VvpApiDocument::document()});
    }
    if (parts.size() < 3 || parts.at(0) != u"api"_s || parts.at(1) != u"v1"_s)
        return notFound(path);
    if (parts.at(2) == u"status"_s) {
        if (parts.size() > 4 || (parts.size() == 4 && parts.at(3) != u"system-info"_s))
            return notFound(path);
        if (m != u"GET"_s)
            return methodNotAllowed(m, path);
        return reply(parts.size() == 3 ? m_platform.status() : m_platform.systemInfo());
    }
    if (parts.at(2) != u"namespaces"_s || parts.size() < 5 || parts.size() > 6)
        return notFound(path);
    const QString ns = parts.at(3);
    const QString collection = parts.at(4);
    const QString name = parts.value(5);
    const bool item = parts.size() == 6;

    // The methods of each path, as the API description lists them.
    struct Methods
    {
        QStringList collection;
        QStringList item;
    };
    static const QHash<QString, Methods> routes{
        {u"deployments"_s, {{u"GET"_s, u"POST"_s}, {u"GET"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s}}},
        {u"deployment-defaults"_s, {{u"GET"_s, u"PATCH"_s}, {}}},
        {u"deployment-targets"_s, {{u"GET"_s, u"POST"_s}, {u"GET"_s, u"PUT"_s, u"DELETE"_s}}},
        {u"events"_s, {{u"GET"_s}, {}}},
        {u"jobs"_s, {{u"GET"_s}, {u"GET"_s}}},
        {u"savepoints"_s, {{u"GET"_s, u"POST"_s}, {u"GET"_s}}},
        {u"secret-values"_s, {{u"GET"_s, u"POST"_s}, {u"GET"_s, u"PATCH"_s, u"DELETE"_s}}},
        {u"sessionclusters"_s, {{u"GET"_s, u"POST"_s}, {u"GET"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s}}}};
    const auto route = routes.constFind(collection);
    if (route == routes.cend())
        return notFound(path);
    const QStringList &allowed = item ? route->item : route->collection;
    if (allowed.isEmpty())
        return notFound(path);
    if (!allowed.contains(m))
        return methodNotAllowed(m, path);
    if (!m_platform.hasNamespace(ns))
        return failure(404, u"Not Found"_s, u"Namespace '%1' not found."_s.arg(ns));

    QJsonObject object;
    if (m == u"POST"_s || m == u"PUT"_s || m == u"PATCH"_s) {
        if (contentType.contains("yaml"))
            return failure(415, u"Unsupported Media Type"_s,
                           u"This Application Manager accepts application/json bodies only."_s);
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return failure(
                400, u"Bad Request"_s,
                u"The request body is not a JSON object: %1"_s.arg(
                    parseError.error == QJsonParseError::NoError ? u"not an object"_s : parseError.errorString()));
        object = doc.object();
        // The platform reads a deployment or its defaults into its own types, and refuses what does not fit.
        static const VvpApiDescription description = *VvpApiDescription::fromJson(VvpApiDocument::document());
        if (collection == u"deployments"_s || collection == u"deployment-defaults"_s) {
            const VvpApiDescription::Check check
                = description.check(collection == u"deployments"_s ? u"Deployment"_s : u"DeploymentDefaults"_s, object);
            if (!check.errors.isEmpty()) {
                const VvpApiDescription::Finding &first = check.errors.constFirst();
                return failure(400, u"Bad Request"_s,
                               u"Could not read the request body at %1: %2"_s.arg(first.field, first.message));
            }
            object = check.read.toObject(); // "3" for a parallelism is 3, a number in the configuration text
        }
    }
    const auto q = [&](const char *key) { return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded); };

    if (collection == u"deployments"_s) {
        if (!item)
            return reply(m == u"GET"_s ? m_platform.listDeployments(ns, q("labelSelector"))
                                       : m_platform.createDeployment(ns, object));
        if (m == u"GET"_s)
            return reply(m_platform.getDeployment(ns, name));
        if (m == u"PUT"_s)
            return reply(m_platform.upsertDeployment(ns, name, object));
        if (m == u"PATCH"_s)
            return reply(m_platform.patchDeployment(ns, name, object));
        return reply(m_platform.deleteDeployment(ns, name));
    }
    if (collection == u"deployment-defaults"_s)
        return reply(m == u"GET"_s ? m_platform.getDeploymentDefaults(ns)
                                   : m_platform.patchDeploymentDefaults(ns, object));
    if (collection == u"events"_s)
        return reply(m_platform.listEvents(ns, q("deploymentId"), q("jobId"), q("sessionClusterId")));
    if (collection == u"jobs"_s)
        return reply(item ? m_platform.getJob(ns, name) : m_platform.listJobs(ns, q("deploymentId")));
    if (collection == u"savepoints"_s) {
        if (item)
            return reply(m_platform.getSavepoint(ns, name));
        return reply(m == u"GET"_s ? m_platform.listSavepoints(ns, q("deploymentId"), q("jobId"))
                                   : m_platform.createSavepoint(ns, object));
    }
    const Kind kind = collection == u"deployment-targets"_s ? Kind::DeploymentTarget
        : collection == u"secret-values"_s                  ? Kind::SecretValue
                                                            : Kind::SessionCluster;
    if (!item)
        return reply(m == u"GET"_s ? m_platform.listResources(kind, ns) : m_platform.createResource(kind, ns, object));
    if (m == u"GET"_s)
        return reply(m_platform.getResource(kind, ns, name));
    if (m == u"PUT"_s)
        return reply(m_platform.upsertResource(kind, ns, name, object));
    if (m == u"PATCH"_s)
        return reply(m_platform.patchResource(kind, ns, name, object));
    return reply(m_platform.deleteResource(kind, ns, name));
}

} // namespace capstan::sandbox
