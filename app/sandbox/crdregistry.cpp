#include "sandbox/crdregistry.h"

#include "sandbox/sandboxlogging.h"

#include <yaml-cpp/yaml.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QStringList>
#include <QUuid>

namespace capstan::sandbox {

namespace {
// The 422 Status body the API server sends for schema violations:
// "<Kind>.<group> \"<name>\" is invalid: <field>: <message>", or "[…, …]" around several causes.
QJsonObject invalidStatus(const QString &kind, const QString &group, const QString &name,
                          const QList<FieldError> &causes)
{
    QJsonArray causeArray;
    QStringList parts;
    for (const FieldError &e : causes) {
        causeArray.append(QJsonObject{{QStringLiteral("reason"), e.reason},
                                      {QStringLiteral("message"), e.message},
                                      {QStringLiteral("field"), e.field}});
        parts.append(e.field + QStringLiteral(": ") + e.message);
    }
    const QString qualified = group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    const QString list = parts.size() == 1
        ? parts.constFirst()
        : QString(QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']'));
    QJsonObject details{
        {QStringLiteral("name"), name}, {QStringLiteral("kind"), kind}, {QStringLiteral("causes"), causeArray}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return makeStatus(422, QStringLiteral("Invalid"),
                      QStringLiteral("%1 \"%2\" is invalid: %3").arg(qualified, name, list), details);
}
} // namespace

namespace {

const QString kGroup = QStringLiteral("apiextensions.k8s.io");
const QString kGroupVersion = QStringLiteral("apiextensions.k8s.io/v1");
const QString kCrdResource = QStringLiteral("/sandbox/crds/flink.apache.org.yaml");

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QStringList textList(const YAML::Node &node)
{
    QStringList list;
    for (const YAML::Node &item : node)
        list.append(text(item));
    return list;
}

// Expands the compact notation described at the top of crds/flink.apache.org.yaml.
class SchemaExpander
{
public:
    explicit SchemaExpander(const YAML::Node &definitions)
        : m_definitions(definitions)
    {
    }

    QJsonObject expand(const YAML::Node &node) const
    {
        if (node.IsSequence()) {
            return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), expand(node[0])}};
        }
        if (node.IsMap()) {
            QJsonObject properties;
            QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}};
            for (const auto &entry : node) {
                const QString key = text(entry.first);
                if (key == QLatin1String(".required"))
                    schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(textList(entry.second)));
                else
                    properties.insert(key, expand(entry.second));
            }
            schema.insert(QStringLiteral("properties"), properties);
            return schema;
        }
        return expandWord(text(node).trimmed());
    }

    YAML::Node resolve(const YAML::Node &node) const
    {
        if (node.IsScalar() && text(node).startsWith(QLatin1Char('$')))
            return m_definitions[text(node).mid(1).toStdString()];
        return node;
    }

private:
    QJsonObject expandWord(const QString &word) const
    {
        static const QStringList plain{QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("number"),
                                       QStringLiteral("boolean")};
        if (plain.contains(word))
            return {{QStringLiteral("type"), word}};
        if (word == QLatin1String("int-or-string"))
            return {{QStringLiteral("x-kubernetes-int-or-string"), true}};
        if (word == QLatin1String("object"))
            return {{QStringLiteral("type"), QStringLiteral("object")}};
        if (word == QLatin1String("preserved"))
            return {{QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("x-kubernetes-preserve-unknown-fields"), true}};
        if (word == QLatin1String("any"))
            return {{QStringLiteral("x-kubernetes-preserve-unknown-fields"), true}};
        if (word.startsWith(QLatin1Char('$'))) {
            const YAML::Node definition = m_definitions[word.mid(1).toStdString()];
            if (!definition)
                qFatal("crds/flink.apache.org.yaml: unknown definition %s", qPrintable(word));
            return expand(definition);
        }
        const auto argument = [&](const char *function) {
            const QString prefix = QLatin1String(function) + QLatin1Char('(');
            return word.startsWith(prefix) && word.endsWith(QLatin1Char(')'))
                ? word.mid(prefix.size(), word.size() - prefix.size() - 1)
                : QString();
        };
        if (const QString values = argument("enum"); !values.isEmpty()) {
            QJsonArray list;
            for (const QString &v : values.split(QLatin1Char(',')))
                list.append(v.trimmed());
            return {{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("enum"), list}};
        }
        if (const QString inner = argument("map"); !inner.isEmpty())
            return {{QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("additionalProperties"), expandWord(inner.trimmed())}};
        qFatal("crds/flink.apache.org.yaml: unknown schema word %s", qPrintable(word));
        return {};
    }

    YAML::Node m_definitions;
};

QJsonArray printerColumns(const YAML::Node &columns)
{
    QJsonArray out;
    for (const YAML::Node &c : columns) {
        QJsonObject column;
        for (const char *key : {"name", "type", "description", "jsonPath"}) {
            if (c[key]) // the blue/green CRD's column has no description
                column.insert(QLatin1String(key), text(c[key]));
        }
        column.insert(QStringLiteral("priority"), 0);
        out.append(column);
    }
    return out;
}

QJsonObject buildDefinition(const YAML::Node &crd, const SchemaExpander &expander, const QString &created)
{
    const QString group = QStringLiteral("flink.apache.org");
    const QString kind = text(crd["kind"]);
    const QString plural = text(crd["plural"]);
    const QString name = plural + QLatin1Char('.') + group;
    QJsonObject names{{QStringLiteral("kind"), kind},
                      {QStringLiteral("listKind"), QString(kind + QStringLiteral("List"))},
                      {QStringLiteral("plural"), plural},
                      {QStringLiteral("singular"), text(crd["singular"])},
                      {QStringLiteral("shortNames"), QJsonArray::fromStringList(textList(crd["shortNames"]))}};
    if (crd["categories"])
        names.insert(QStringLiteral("categories"), QJsonArray::fromStringList(textList(crd["categories"])));
    QJsonObject subresources{{QStringLiteral("status"), QJsonObject()}};
    if (const YAML::Node scale = crd["scale"]) {
        QJsonObject s;
        for (const char *key : {"specReplicasPath", "statusReplicasPath", "labelSelectorPath"})
            s.insert(QLatin1String(key), text(scale[key]));
        subresources.insert(QStringLiteral("scale"), s);
    }
    QJsonObject schema = expander.expand(crd["schema"]);
    const QJsonObject version{
        {QStringLiteral("name"), QStringLiteral("v1beta1")},
        {QStringLiteral("served"), true},
        {QStringLiteral("storage"), true},
        {QStringLiteral("schema"), QJsonObject{{QStringLiteral("openAPIV3Schema"), schema}}},
        {QStringLiteral("subresources"), subresources},
        {QStringLiteral("additionalPrinterColumns"), printerColumns(expander.resolve(crd["printerColumns"]))}};
    const QString condition = QStringLiteral("True");
    const auto cond = [&](const char *type, const char *reason, const char *message) {
        return QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                           {QStringLiteral("status"), condition},
                           {QStringLiteral("lastTransitionTime"), created},
                           {QStringLiteral("reason"), QString::fromLatin1(reason)},
                           {QStringLiteral("message"), QString::fromLatin1(message)}};
    };
    return {
        {QStringLiteral("apiVersion"), kGroupVersion},
        {QStringLiteral("kind"), QStringLiteral("CustomResourceDefinition")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("uid"), QUuid::createUuidV5(QUuid(), name).toString(QUuid::WithoutBraces)},
                     {QStringLiteral("resourceVersion"), QStringLiteral("1")},
                     {QStringLiteral("generation"), 1},
                     {QStringLiteral("creationTimestamp"), created}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("group"), group},
             {QStringLiteral("names"), names},
             {QStringLiteral("scope"), QStringLiteral("Namespaced")},
             {QStringLiteral("versions"), QJsonArray{version}},
             {QStringLiteral("conversion"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("None")}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("acceptedNames"), names},
                     {QStringLiteral("conditions"),
                      QJsonArray{cond("NamesAccepted", "NoConflicts", "no conflicts found"),
                                 cond("Established", "InitialNamesAccepted", "the initial names have been accepted")}},
                     {QStringLiteral("storedVersions"), QJsonArray{QStringLiteral("v1beta1")}}}}};
}

QJsonObject notFound(const QString &name)
{
    return makeStatus(404, QStringLiteral("NotFound"),
                      QStringLiteral("customresourcedefinitions.apiextensions.k8s.io \"%1\" not found").arg(name),
                      {{QStringLiteral("name"), name},
                       {QStringLiteral("group"), kGroup},
                       {QStringLiteral("kind"), QStringLiteral("customresourcedefinitions")}});
}

} // namespace

const CrdRegistry &CrdRegistry::instance()
{
    static const CrdRegistry registry;
    return registry;
}

CrdRegistry::CrdRegistry()
{
    QFile file(QLatin1Char(':') + kCrdResource);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the sandbox CRDs are not embedded (%s)", qPrintable(kCrdResource));
    const QString created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    try {
        const YAML::Node root = YAML::Load(file.readAll().toStdString());
        const SchemaExpander expander(root["definitions"]);
        for (const YAML::Node &crd : root["crds"]) {
            const QJsonObject definition = buildDefinition(crd, expander, created);
            const QJsonObject version = definition.value(QLatin1String("spec"))
                                            .toObject()
                                            .value(QLatin1String("versions"))
                                            .toArray()
                                            .first()
                                            .toObject();
            m_validators.emplace(text(crd["plural"]),
                                 SchemaValidator(version.value(QLatin1String("schema"))
                                                     .toObject()
                                                     .value(QLatin1String("openAPIV3Schema"))
                                                     .toObject()));
            m_definitions.append(definition);
        }
    } catch (const YAML::Exception &e) {
        qFatal("the sandbox CRDs do not parse: %s", e.what());
    }
    std::sort(m_definitions.begin(), m_definitions.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString()
            < b.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    });
    qCDebug(lcSandboxServer) << "loaded" << m_definitions.size() << "CRDs";
}

const SchemaValidator *CrdRegistry::validator(const QString &plural) const
{
    const auto it = m_validators.find(plural);
    return it == m_validators.end() ? nullptr : &it->second;
}

StoreResult CrdRegistry::validate(const ServedResourceType &type, const QString &name, QJsonObject *object,
                                  Subresource subresource) const
{
    const SchemaValidator *v = validator(type.plural);
    if (!v)
        return {};
    const QList<FieldError> errors = v->validate(
        object, subresource == Subresource::Status ? SchemaValidator::Part::Status : SchemaValidator::Part::Whole);
    if (errors.isEmpty())
        return {};
    return {422, invalidStatus(type.kind, type.group, name, errors)};
}

QJsonObject CrdRegistry::apiGroup()
{
    const QJsonObject version{{QStringLiteral("groupVersion"), kGroupVersion},
                              {QStringLiteral("version"), QStringLiteral("v1")}};
    return {{QStringLiteral("name"), kGroup},
            {QStringLiteral("versions"), QJsonArray{version}},
            {QStringLiteral("preferredVersion"), version}};
}

bool CrdRegistry::respond(const QString &method, const QString &path, int *code, QJsonObject *body) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.at(0) != QLatin1String("apis") || parts.at(1) != kGroup)
        return false;
    if (parts.size() > 2 && parts.at(2) != QLatin1String("v1"))
        return false;
    if (parts.size() > 3 && parts.at(3) != QLatin1String("customresourcedefinitions"))
        return false;
    if (parts.size() > 6 || (parts.size() == 6 && parts.at(5) != QLatin1String("status")))
        return false;
    if (method != QLatin1String("GET")) {
        *code = 405;
        *body = makeStatus(405, QStringLiteral("MethodNotAllowed"),
                           QStringLiteral("the server does not allow this method on the requested resource"));
        return true;
    }
    *code = 200;
    if (parts.size() == 2) {
        *body = apiGroup();
        body->insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
        body->insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
        return true;
    }
    if (parts.size() == 3) {
        const QJsonObject crds{
            {QStringLiteral("name"), QStringLiteral("customresourcedefinitions")},
            {QStringLiteral("singularName"), QStringLiteral("customresourcedefinition")},
            {QStringLiteral("namespaced"), false},
            {QStringLiteral("kind"), QStringLiteral("CustomResourceDefinition")},
            {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get"), QStringLiteral("list")}},
            {QStringLiteral("shortNames"), QJsonArray{QStringLiteral("crd"), QStringLiteral("crds")}},
            {QStringLiteral("categories"), QJsonArray{QStringLiteral("api-extensions")}}};
        const QJsonObject status{{QStringLiteral("name"), QStringLiteral("customresourcedefinitions/status")},
                                 {QStringLiteral("singularName"), QString()},
                                 {QStringLiteral("namespaced"), false},
                                 {QStringLiteral("kind"), QStringLiteral("CustomResourceDefinition")},
                                 {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")}}};
        *body = {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                 {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                 {QStringLiteral("groupVersion"), kGroupVersion},
                 {QStringLiteral("resources"), QJsonArray{crds, status}}};
        return true;
    }
    if (parts.size() == 4) {
        QJsonArray items;
        for (const QJsonObject &d : m_definitions)
            items.append(d);
        *body = {{QStringLiteral("kind"), QStringLiteral("CustomResourceDefinitionList")},
                 {QStringLiteral("apiVersion"), kGroupVersion},
                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("1")}}},
                 {QStringLiteral("items"), items}};
        return true;
    }
    for (const QJsonObject &d : m_definitions) {
        if (d.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString() == parts.at(4)) {
            *body = d;
            return true;
        }
    }
    *code = 404;
    *body = notFound(parts.at(4));
    return true;
}

} // namespace capstan::sandbox
