#include "sandbox/openapi.h"

#include "sandbox/crdregistry.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <vector>

namespace capstan::sandbox {

namespace {

const QString kMeta = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.");
const QString kCore = QStringLiteral("io.k8s.api.core.v1.");
const QString kApiExtensions = QStringLiteral("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.");
const QString kV2Prefix = QStringLiteral("#/definitions/");
const QString kV3Prefix = QStringLiteral("#/components/schemas/");

QJsonObject type(const char *name, const char *description = nullptr)
{
    QJsonObject s{{QStringLiteral("type"), QLatin1String(name)}};
    if (description)
        s.insert(QStringLiteral("description"), QLatin1String(description));
    return s;
}

QJsonObject integer()
{
    return {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("format"), QStringLiteral("int64")}};
}

QJsonObject ref(const QString &definition)
{
    return {{QStringLiteral("$ref"), QString(kV2Prefix + definition)}};
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject mapOf(const QJsonObject &values)
{
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("additionalProperties"), values}};
}

QJsonObject preserved(const char *description = nullptr)
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("x-kubernetes-preserve-unknown-fields"), true}};
    if (description)
        s.insert(QStringLiteral("description"), QLatin1String(description));
    return s;
}

QJsonObject object(const QJsonObject &properties, const QStringList &required = {}, const char *description = nullptr)
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        s.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    if (description)
        s.insert(QStringLiteral("description"), QLatin1String(description));
    return s;
}

QJsonObject withGvk(QJsonObject schema, const QString &group, const QString &version, const QString &kind)
{
    schema.insert(QStringLiteral("x-kubernetes-group-version-kind"),
                  QJsonArray{QJsonObject{{QStringLiteral("group"), group},
                                         {QStringLiteral("kind"), kind},
                                         {QStringLiteral("version"), version}}});
    return schema;
}

// The typed top of a served kind: apiVersion, kind, metadata and the given fields.
QJsonObject kindSchema(QJsonObject properties, const char *description)
{
    properties.insert(QStringLiteral("apiVersion"),
                      type("string",
                           "APIVersion defines the versioned schema of this "
                           "representation of an object."));
    properties.insert(QStringLiteral("kind"),
                      type("string",
                           "Kind is a string value representing the REST resource "
                           "this object represents."));
    properties.insert(QStringLiteral("metadata"), ref(kMeta + QStringLiteral("ObjectMeta")));
    return object(properties, {}, description);
}

QJsonObject listSchema(const QString &itemDefinition)
{
    return object({{QStringLiteral("apiVersion"), type("string")},
                   {QStringLiteral("kind"), type("string")},
                   {QStringLiteral("items"), arrayOf(ref(itemDefinition))},
                   {QStringLiteral("metadata"), ref(kMeta + QStringLiteral("ListMeta"))}},
                  {QStringLiteral("items")});
}

struct Definition
{
    QString name;
    QJsonObject schema;
    QString groupVersionPath; // "" for the meta types every document carries
};

void addMetaTypes(std::vector<Definition> *defs)
{
    const QJsonObject time{{QStringLiteral("type"), QStringLiteral("string")},
                           {QStringLiteral("format"), QStringLiteral("date-time")}};
    defs->push_back({kMeta + QStringLiteral("Time"), time, {}});
    defs->push_back({kMeta + QStringLiteral("MicroTime"), time, {}});
    defs->push_back(
        {kMeta + QStringLiteral("OwnerReference"),
         object({{QStringLiteral("apiVersion"), type("string")},
                 {QStringLiteral("blockOwnerDeletion"), type("boolean")},
                 {QStringLiteral("controller"), type("boolean")},
                 {QStringLiteral("kind"), type("string")},
                 {QStringLiteral("name"), type("string")},
                 {QStringLiteral("uid"), type("string")}},
                {QStringLiteral("apiVersion"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("uid")}),
         {}});
    defs->push_back({kMeta + QStringLiteral("ManagedFieldsEntry"),
                     object({{QStringLiteral("apiVersion"), type("string")},
                             {QStringLiteral("fieldsType"), type("string")},
                             {QStringLiteral("fieldsV1"), preserved()},
                             {QStringLiteral("manager"), type("string")},
                             {QStringLiteral("operation"), type("string")},
                             {QStringLiteral("subresource"), type("string")},
                             {QStringLiteral("time"), ref(kMeta + QStringLiteral("Time"))}}),
                     {}});
    defs->push_back(
        {kMeta + QStringLiteral("ObjectMeta"),
         object({{QStringLiteral("annotations"), mapOf(type("string"))},
                 {QStringLiteral("creationTimestamp"), ref(kMeta + QStringLiteral("Time"))},
                 {QStringLiteral("deletionGracePeriodSeconds"), integer()},
                 {QStringLiteral("deletionTimestamp"), ref(kMeta + QStringLiteral("Time"))},
                 {QStringLiteral("finalizers"), arrayOf(type("string"))},
                 {QStringLiteral("generateName"), type("string")},
                 {QStringLiteral("generation"), integer()},
                 {QStringLiteral("labels"), mapOf(type("string"))},
                 {QStringLiteral("managedFields"), arrayOf(ref(kMeta + QStringLiteral("ManagedFieldsEntry")))},
                 {QStringLiteral("name"), type("string", "Name must be unique within a namespace.")},
                 {QStringLiteral("namespace"), type("string")},
                 {QStringLiteral("ownerReferences"), arrayOf(ref(kMeta + QStringLiteral("OwnerReference")))},
                 {QStringLiteral("resourceVersion"), type("string")},
                 {QStringLiteral("selfLink"), type("string")},
                 {QStringLiteral("uid"), type("string")}},
                {}, "ObjectMeta is metadata that all persisted resources must have."),
         {}});
    defs->push_back({kMeta + QStringLiteral("ListMeta"),
                     object({{QStringLiteral("continue"), type("string")},
                             {QStringLiteral("remainingItemCount"), integer()},
                             {QStringLiteral("resourceVersion"), type("string")},
                             {QStringLiteral("selfLink"), type("string")}}),
                     {}});
    defs->push_back({kMeta + QStringLiteral("StatusCause"),
                     object({{QStringLiteral("field"), type("string")},
                             {QStringLiteral("message"), type("string")},
                             {QStringLiteral("reason"), type("string")}}),
                     {}});
    defs->push_back({kMeta + QStringLiteral("StatusDetails"),
                     object({{QStringLiteral("causes"), arrayOf(ref(kMeta + QStringLiteral("StatusCause")))},
                             {QStringLiteral("group"), type("string")},
                             {QStringLiteral("kind"), type("string")},
                             {QStringLiteral("name"), type("string")},
                             {QStringLiteral("retryAfterSeconds"), integer()},
                             {QStringLiteral("uid"), type("string")}}),
                     {}});
    defs->push_back({kMeta + QStringLiteral("Status"),
                     withGvk(object({{QStringLiteral("apiVersion"), type("string")},
                                     {QStringLiteral("code"), integer()},
                                     {QStringLiteral("details"), ref(kMeta + QStringLiteral("StatusDetails"))},
                                     {QStringLiteral("kind"), type("string")},
                                     {QStringLiteral("message"), type("string")},
                                     {QStringLiteral("metadata"), ref(kMeta + QStringLiteral("ListMeta"))},
                                     {QStringLiteral("reason"), type("string")},
                                     {QStringLiteral("status"), type("string")}}),
                             {}, QStringLiteral("v1"), QStringLiteral("Status")),
                     {}});
}

void addCoreTypes(std::vector<Definition> *defs)
{
    const QString gv = QStringLiteral("api/v1");
    const auto kind = [&](const QString &name, const QJsonObject &schema) {
        defs->push_back({kCore + name, withGvk(schema, {}, QStringLiteral("v1"), name), gv});
        defs->push_back({kCore + name + QStringLiteral("List"),
                         withGvk(listSchema(kCore + name), {}, QStringLiteral("v1"), name + QStringLiteral("List")),
                         gv});
    };
    kind(QStringLiteral("Namespace"),
         kindSchema({{QStringLiteral("spec"), object({{QStringLiteral("finalizers"), arrayOf(type("string"))}})},
                     {QStringLiteral("status"),
                      object({{QStringLiteral("conditions"), arrayOf(preserved())},
                              {QStringLiteral("phase"), type("string")}})}},
                    "Namespace provides a scope for Names."));
    kind(QStringLiteral("ConfigMap"),
         kindSchema({{QStringLiteral("binaryData"),
                      mapOf({{QStringLiteral("type"), QStringLiteral("string")},
                             {QStringLiteral("format"), QStringLiteral("byte")}})},
                     {QStringLiteral("data"), mapOf(type("string"))},
                     {QStringLiteral("immutable"), type("boolean")}},
                    "ConfigMap holds configuration data for pods to consume."));
    // The sandbox's Services only front the JobManager REST API; their spec and status are kept whole.
    kind(QStringLiteral("Service"),
         kindSchema({{QStringLiteral("spec"),
                      preserved("ServiceSpec describes the attributes that a user creates on "
                                "a service.")},
                     {QStringLiteral("status"), preserved()}},
                    "Service is a named abstraction of software service (for example, mysql)."));
    defs->push_back({kCore + QStringLiteral("ObjectReference"),
                     object({{QStringLiteral("apiVersion"), type("string")},
                             {QStringLiteral("fieldPath"), type("string")},
                             {QStringLiteral("kind"), type("string")},
                             {QStringLiteral("name"), type("string")},
                             {QStringLiteral("namespace"), type("string")},
                             {QStringLiteral("resourceVersion"), type("string")},
                             {QStringLiteral("uid"), type("string")}}),
                     gv});
    defs->push_back({kCore + QStringLiteral("EventSource"),
                     object({{QStringLiteral("component"), type("string")}, {QStringLiteral("host"), type("string")}}),
                     gv});
    defs->push_back({kCore + QStringLiteral("EventSeries"),
                     object({{QStringLiteral("count"), integer()},
                             {QStringLiteral("lastObservedTime"), ref(kMeta + QStringLiteral("MicroTime"))}}),
                     gv});
    kind(QStringLiteral("Event"),
         object({{QStringLiteral("action"), type("string")},
                 {QStringLiteral("apiVersion"), type("string")},
                 {QStringLiteral("count"), integer()},
                 {QStringLiteral("eventTime"), ref(kMeta + QStringLiteral("MicroTime"))},
                 {QStringLiteral("firstTimestamp"), ref(kMeta + QStringLiteral("Time"))},
                 {QStringLiteral("involvedObject"), ref(kCore + QStringLiteral("ObjectReference"))},
                 {QStringLiteral("kind"), type("string")},
                 {QStringLiteral("lastTimestamp"), ref(kMeta + QStringLiteral("Time"))},
                 {QStringLiteral("message"), type("string")},
                 {QStringLiteral("metadata"), ref(kMeta + QStringLiteral("ObjectMeta"))},
                 {QStringLiteral("reason"), type("string")},
                 {QStringLiteral("related"), ref(kCore + QStringLiteral("ObjectReference"))},
                 {QStringLiteral("reportingComponent"), type("string")},
                 {QStringLiteral("reportingInstance"), type("string")},
                 {QStringLiteral("series"), ref(kCore + QStringLiteral("EventSeries"))},
                 {QStringLiteral("source"), ref(kCore + QStringLiteral("EventSource"))},
                 {QStringLiteral("type"), type("string")}},
                {QStringLiteral("metadata"), QStringLiteral("involvedObject")},
                "Event is a report of an event somewhere in the cluster."));
}

void addApiExtensionsTypes(std::vector<Definition> *defs)
{
    const QString gv = QStringLiteral("apis/apiextensions.k8s.io/v1");
    const QString name = QStringLiteral("CustomResourceDefinition");
    defs->push_back({kApiExtensions + name,
                     withGvk(kindSchema({{QStringLiteral("spec"),
                                          preserved("CustomResourceDefinitionSpec describes "
                                                    "how a user wants their resource to "
                                                    "appear")},
                                         {QStringLiteral("status"), preserved()}},
                                        "CustomResourceDefinition represents a resource that should be exposed on "
                                        "the API server."),
                             QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"), name),
                     gv});
    defs->push_back({kApiExtensions + name + QStringLiteral("List"),
                     withGvk(listSchema(kApiExtensions + name), QStringLiteral("apiextensions.k8s.io"),
                             QStringLiteral("v1"), name + QStringLiteral("List")),
                     gv});
}

// "flink.apache.org" → "org.apache.flink", as the API server names CRD definitions.
QString reversedGroup(const QString &group)
{
    QStringList parts = group.split(QLatin1Char('.'));
    std::reverse(parts.begin(), parts.end());
    return parts.join(QLatin1Char('.'));
}

void addCustomResources(std::vector<Definition> *defs)
{
    for (const QJsonObject &crd : CrdRegistry::instance().definitions()) {
        const QJsonObject spec = crd.value(QLatin1String("spec")).toObject();
        const QString group = spec.value(QLatin1String("group")).toString();
        const QString kind = spec.value(QLatin1String("names")).toObject().value(QLatin1String("kind")).toString();
        for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray()) {
            const QJsonObject version = v.toObject();
            const QString versionName = version.value(QLatin1String("name")).toString();
            const QString gv = QStringLiteral("apis/%1/%2").arg(group, versionName);
            const QString prefix = reversedGroup(group) + QLatin1Char('.') + versionName + QLatin1Char('.');
            QJsonObject schema
                = version.value(QLatin1String("schema")).toObject().value(QLatin1String("openAPIV3Schema")).toObject();
            QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
            properties.insert(QStringLiteral("apiVersion"), type("string"));
            properties.insert(QStringLiteral("kind"), type("string"));
            properties.insert(QStringLiteral("metadata"), ref(kMeta + QStringLiteral("ObjectMeta")));
            schema.insert(QStringLiteral("properties"), properties);
            defs->push_back({prefix + kind, withGvk(schema, group, versionName, kind), gv});
            defs->push_back({prefix + kind + QStringLiteral("List"),
                             withGvk(listSchema(prefix + kind), group, versionName, kind + QStringLiteral("List")),
                             gv});
        }
    }
}

// Rewrites "#/definitions/X" references to "#/components/schemas/X".
QJsonValue toV3(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(toV3(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out = value.toObject();
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (it.key() == QLatin1String("$ref"))
            it.value() = it.value().toString().replace(kV2Prefix, kV3Prefix);
        else
            it.value() = toV3(it.value());
    }
    return out;
}

// The read paths of one resource, as OpenAPI v3 operations carrying the kind:
// `kubectl explain` finds a resource's kind through them. No write operation is published, so
// kubectl sees no server-side field validation and validates on the client.
void addPaths(QJsonObject *paths, const QString &apiPrefix, const QString &group, const QString &version,
              const QString &plural, const QString &kind, bool namespaced, const QString &definition)
{
    const QJsonObject gvk{
        {QStringLiteral("group"), group}, {QStringLiteral("kind"), kind}, {QStringLiteral("version"), version}};
    const auto operation = [&](const QString &action, const QString &schemaName) {
        const QJsonObject content{
            {QStringLiteral("application/json"),
             QJsonObject{
                 {QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QString(kV3Prefix + schemaName)}}}}}};
        return QJsonObject{{QStringLiteral("operationId"), QString(action + kind)},
                           {QStringLiteral("responses"),
                            QJsonObject{{QStringLiteral("200"),
                                         QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")},
                                                     {QStringLiteral("content"), content}}}}},
                           {QStringLiteral("x-kubernetes-action"), action},
                           {QStringLiteral("x-kubernetes-group-version-kind"), gvk}};
    };
    const QString scope = namespaced ? QStringLiteral("/namespaces/{namespace}") : QString();
    paths->insert(
        apiPrefix + QLatin1Char('/') + plural,
        QJsonObject{{QStringLiteral("get"), operation(QStringLiteral("list"), definition + QStringLiteral("List"))}});
    paths->insert(apiPrefix + scope + QLatin1Char('/') + plural + QStringLiteral("/{name}"),
                  QJsonObject{{QStringLiteral("get"), operation(QStringLiteral("get"), definition)}});
}

// --- protobuf wire format, just enough for openapi.v2.Document ---

void varint(QByteArray *out, quint64 value)
{
    while (value >= 0x80) {
        out->append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out->append(char(value));
}

void bytesField(QByteArray *out, int number, const QByteArray &bytes)
{
    varint(out, quint64(number) << 3 | 2);
    varint(out, quint64(bytes.size()));
    out->append(bytes);
}

void stringField(QByteArray *out, int number, const QString &value)
{
    bytesField(out, number, value.toUtf8());
}

QByteArray jsonText(const QJsonValue &value)
{
    // gnostic keeps extension and enum values as YAML; JSON is valid YAML.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

QByteArray anyMessage(const QJsonValue &value)
{
    QByteArray any;
    bytesField(&any, 2, jsonText(value)); // Any.yaml
    return any;
}

QByteArray schemaMessage(const QJsonObject &schema)
{
    QByteArray out;
    const auto string = [&](const char *key, int number) {
        if (schema.contains(QLatin1String(key)))
            stringField(&out, number, schema.value(QLatin1String(key)).toString());
    };
    string("$ref", 1);
    string("format", 2);
    string("description", 4);
    for (const QJsonValue &r : schema.value(QLatin1String("required")).toArray())
        stringField(&out, 19, r.toString());
    for (const QJsonValue &e : schema.value(QLatin1String("enum")).toArray())
        bytesField(&out, 20, anyMessage(e));
    const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
    if (additional.isObject()) {
        QByteArray item;
        bytesField(&item, 1, schemaMessage(additional.toObject()));
        bytesField(&out, 21, item);
    } else if (additional.isBool()) {
        QByteArray item;
        varint(&item, 2 << 3 | 0);
        varint(&item, additional.toBool() ? 1 : 0);
        bytesField(&out, 21, item);
    }
    if (schema.contains(QLatin1String("type"))) {
        QByteArray typeItem;
        stringField(&typeItem, 1, schema.value(QLatin1String("type")).toString());
        bytesField(&out, 22, typeItem);
    }
    if (schema.value(QLatin1String("items")).isObject()) {
        QByteArray items;
        bytesField(&items, 1, schemaMessage(schema.value(QLatin1String("items")).toObject()));
        bytesField(&out, 23, items);
    }
    if (schema.contains(QLatin1String("properties"))) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        QByteArray props;
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            QByteArray named;
            stringField(&named, 1, it.key());
            bytesField(&named, 2, schemaMessage(it.value().toObject()));
            bytesField(&props, 1, named);
        }
        bytesField(&out, 25, props);
    }
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!it.key().startsWith(QLatin1String("x-")))
            continue;
        QByteArray named;
        stringField(&named, 1, it.key());
        bytesField(&named, 2, anyMessage(it.value()));
        bytesField(&out, 31, named);
    }
    return out;
}

} // namespace

const OpenApi &OpenApi::instance()
{
    static const OpenApi openApi;
    return openApi;
}

OpenApi::OpenApi()
{
    std::vector<Definition> defs;
    addMetaTypes(&defs);
    addCoreTypes(&defs);
    addApiExtensionsTypes(&defs);
    addCustomResources(&defs);

    const QJsonObject info{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                           {QStringLiteral("version"), QStringLiteral("v1.31.0")}};
    QJsonObject definitions;
    QStringList groupVersions;
    for (const Definition &d : defs) {
        definitions.insert(d.name, d.schema);
        if (!d.groupVersionPath.isEmpty() && !groupVersions.contains(d.groupVersionPath))
            groupVersions.append(d.groupVersionPath);
    }
    m_swagger = {{QStringLiteral("swagger"), QStringLiteral("2.0")},
                 {QStringLiteral("info"), info},
                 {QStringLiteral("paths"), QJsonObject()},
                 {QStringLiteral("definitions"), definitions}};
    m_swaggerProto = encodeV2Protobuf(m_swagger);

    for (const QString &gv : std::as_const(groupVersions)) {
        QJsonObject schemas;
        for (const Definition &d : defs) {
            if (d.groupVersionPath.isEmpty() || d.groupVersionPath == gv)
                schemas.insert(d.name, toV3(d.schema));
        }
        QJsonObject paths;
        for (const ServedResourceType &t : servedResourceTypes()) {
            const QString typeGv
                = t.group.isEmpty() ? QStringLiteral("api/v1") : QStringLiteral("apis/") + t.apiVersion();
            if (typeGv != gv)
                continue;
            const QString definition = t.group.isEmpty()
                ? QString(kCore + t.kind)
                : QString(reversedGroup(t.group) + QLatin1Char('.') + t.version + QLatin1Char('.') + t.kind);
            addPaths(&paths, QLatin1Char('/') + gv, t.group, t.version, t.plural, t.kind, t.namespaced, definition);
        }
        if (gv == QLatin1String("apis/apiextensions.k8s.io/v1"))
            addPaths(&paths, QLatin1Char('/') + gv, QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"),
                     QStringLiteral("customresourcedefinitions"), QStringLiteral("CustomResourceDefinition"), false,
                     kApiExtensions + QStringLiteral("CustomResourceDefinition"));
        const QJsonObject document{{QStringLiteral("openapi"), QStringLiteral("3.0.0")},
                                   {QStringLiteral("info"), info},
                                   {QStringLiteral("paths"), paths},
                                   {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), schemas}}}};
        m_v3.emplace(gv, document);
        m_v3Hash.emplace(
            gv,
            QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(document).toJson(QJsonDocument::Compact),
                                                         QCryptographicHash::Sha512)
                                    .toHex()
                                    .toUpper()));
    }
}

QJsonObject OpenApi::v3Index() const
{
    QJsonObject paths;
    for (const auto &[gv, hash] : m_v3Hash)
        paths.insert(
            gv,
            QJsonObject{{QStringLiteral("serverRelativeURL"), QStringLiteral("/openapi/v3/%1?hash=%2").arg(gv, hash)}});
    return {{QStringLiteral("paths"), paths}};
}

QJsonObject OpenApi::v3Document(const QString &groupVersionPath) const
{
    const auto it = m_v3.find(groupVersionPath);
    return it == m_v3.end() ? QJsonObject() : it->second;
}

bool OpenApi::respond(const QString &path, const QString &accept, QByteArray *body, QByteArray *contentType) const
{
    QString p = path;
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (p == QLatin1String("/openapi/v2")) {
        if (accept.contains(QLatin1String("protobuf"))) {
            *body = m_swaggerProto;
            *contentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
        } else {
            *body = QJsonDocument(m_swagger).toJson(QJsonDocument::Compact);
            *contentType = "application/json";
        }
        return true;
    }
    if (p == QLatin1String("/openapi/v3")) {
        *body = QJsonDocument(v3Index()).toJson(QJsonDocument::Compact);
        *contentType = "application/json";
        return true;
    }
    const QString prefix = QStringLiteral("/openapi/v3/");
    if (!p.startsWith(prefix))
        return false;
    const QJsonObject document = v3Document(p.mid(prefix.size()));
    if (document.isEmpty())
        return false;
    *body = QJsonDocument(document).toJson(QJsonDocument::Compact);
    *contentType = "application/json";
    return true;
}

QByteArray OpenApi::encodeV2Protobuf(const QJsonObject &swagger)
{
    QByteArray document;
    stringField(&document, 1, swagger.value(QLatin1String("swagger")).toString());
    const QJsonObject info = swagger.value(QLatin1String("info")).toObject();
    QByteArray infoMessage;
    stringField(&infoMessage, 1, info.value(QLatin1String("title")).toString());
    stringField(&infoMessage, 2, info.value(QLatin1String("version")).toString());
    bytesField(&document, 2, infoMessage);
    bytesField(&document, 8, {}); // Paths: none
    QByteArray definitions;
    const QJsonObject defs = swagger.value(QLatin1String("definitions")).toObject();
    for (auto it = defs.begin(); it != defs.end(); ++it) {
        QByteArray named;
        stringField(&named, 1, it.key());
        bytesField(&named, 2, schemaMessage(it.value().toObject()));
        bytesField(&definitions, 1, named);
    }
    bytesField(&document, 9, definitions);
    return document;
}

} // namespace capstan::sandbox
