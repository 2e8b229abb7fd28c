// The sandbox's CRDs, schema validation and OpenAPI, held against the operator's real CRDs in the
// reference data (common/referencedata.h) and driven through unmodified kubectl.
//
// Documented exclusion: our podTemplate (spec.podTemplate, spec.jobManager.podTemplate,
// spec.taskManager.podTemplate) describes only its top-level fields (apiVersion, kind, metadata,
// spec, status) and preserves everything below them; the real CRD carries the whole Kubernetes Pod
// schema there. Paths deeper than <…>.podTemplate.<field> are therefore not compared.
#include "common/kubectlrunner.h"
#include "common/referencedata.h"
#include "flink/schemavalidator.h"
#include "sandbox/crdregistry.h"
#include "sandbox/openapi.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace capstan;
using namespace capstan::sandbox;
using namespace Qt::StringLiterals;

namespace {

const QStringList kPlurals{QStringLiteral("flinkdeployments"), QStringLiteral("flinksessionjobs"),
                           QStringLiteral("flinkstatesnapshots"), QStringLiteral("flinkbluegreendeployments")};

// YAML → JSON with YAML 1.2 core-schema scalars; quoted scalars stay strings.
QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &entry : node)
            o.insert(QString::fromStdString(entry.first.as<std::string>()), toJson(entry.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const YAML::Node &item : node)
            a.append(toJson(item));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")
            return text;
        if (text == QLatin1String("null") || text == QLatin1String("~"))
            return QJsonValue(QJsonValue::Null);
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
        static const QRegularExpression number(QStringLiteral("^[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.?)([eE][-+]?[0-9]+)?$"));
        if (integer.match(text).hasMatch())
            return text.toLongLong();
        if (number.match(text).hasMatch())
            return text.toDouble();
        return text;
    }
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

QList<QJsonObject> loadDocuments(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> documents;
    for (const YAML::Node &doc : YAML::LoadAll(file.readAll().toStdString())) {
        if (doc.IsMap())
            documents.append(toJson(doc).toObject());
    }
    return documents;
}

QString referenceCrdFile(const QString &plural)
{
    return QStringLiteral("crds/%1.flink.apache.org-v1.yml").arg(plural);
}

QJsonObject referenceCrd(const QString &plural)
{
    const QList<QJsonObject> docs = loadDocuments(capstan::test::referencePath(referenceCrdFile(plural)));
    return docs.isEmpty() ? QJsonObject() : docs.constFirst();
}

QJsonObject ourCrd(const QString &plural)
{
    for (const QJsonObject &crd : CrdRegistry::instance().definitions()) {
        if (crd.value(QLatin1String("spec"))
                .toObject()
                .value(QLatin1String("names"))
                .toObject()
                .value(QLatin1String("plural"))
            == plural)
            return crd;
    }
    return {};
}

QJsonObject version0(const QJsonObject &crd)
{
    return crd.value(QLatin1String("spec")).toObject().value(QLatin1String("versions")).toArray().first().toObject();
}

QJsonObject schemaOf(const QJsonObject &crd)
{
    return version0(crd).value(QLatin1String("schema")).toObject().value(QLatin1String("openAPIV3Schema")).toObject();
}

struct FieldInfo
{
    QString type;
    QJsonArray enumValues;
    QJsonArray required;
    bool preserveUnknown = false;
    bool intOrString = false;
    QString format;
    bool operator==(const FieldInfo &o) const
    {
        return type == o.type && enumValues == o.enumValues && required == o.required
            && preserveUnknown == o.preserveUnknown && intOrString == o.intOrString && format == o.format;
    }
};

void collect(const QJsonObject &schema, const QString &path, QMap<QString, FieldInfo> *out)
{
    FieldInfo info;
    info.type = schema.value(QLatin1String("type")).toString();
    info.enumValues = schema.value(QLatin1String("enum")).toArray();
    info.required = schema.value(QLatin1String("required")).toArray();
    info.preserveUnknown = schema.value(QLatin1String("x-kubernetes-preserve-unknown-fields")).toBool();
    info.intOrString = schema.value(QLatin1String("x-kubernetes-int-or-string")).toBool();
    info.format = schema.value(QLatin1String("format")).toString();
    out->insert(path, info);
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        collect(it.value().toObject(), path + QLatin1Char('.') + it.key(), out);
    if (schema.value(QLatin1String("items")).isObject())
        collect(schema.value(QLatin1String("items")).toObject(), path + QStringLiteral("[]"), out);
    if (schema.value(QLatin1String("additionalProperties")).isObject())
        collect(schema.value(QLatin1String("additionalProperties")).toObject(), path + QStringLiteral("{}"), out);
}

// Paths below <…>.podTemplate.<field>: see the comment at the top of this file.
bool excluded(const QString &path)
{
    static const QString marker = QStringLiteral(".podTemplate.");
    const qsizetype at = path.indexOf(marker);
    if (at < 0)
        return false;
    const QString rest = path.mid(at + marker.size());
    return rest.contains(QLatin1Char('.')) || rest.contains(QLatin1Char('[')) || rest.contains(QLatin1Char('{'));
}

QString describe(const QList<FieldError> &errors)
{
    QStringList parts;
    for (const FieldError &e : errors)
        parts.append(e.reason + QLatin1Char(' ') + e.field + QStringLiteral(" (") + e.message + QLatin1Char(')'));
    return parts.join(QStringLiteral("; "));
}

QString pluralOf(const QString &kind)
{
    return kind.toLower() + QLatin1Char('s');
}

} // namespace

class TestSandboxCrds : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void crdMatchesReference_data();
    void crdMatchesReference();
    void examplesAccepted_data();
    void examplesAccepted();
    void invalidRefused_data();
    void invalidRefused();
    void demoObjectsMatchReference();
    void requiredAndPruning();
    void storeValidatesEveryWrite();
    void apiExtensionsApi();
    void openApiDocuments();
    void kubectl();

private:
    std::map<QString, SchemaValidator> m_reference; // plural → validator from the real CRD, where present
};

void TestSandboxCrds::initTestCase()
{
    for (const QString &plural : kPlurals) {
        if (!capstan::test::missingReference(referenceCrdFile(plural)).isEmpty())
            continue; // the functions that need it skip
        const QJsonObject crd = referenceCrd(plural);
        QVERIFY2(!crd.isEmpty(), qPrintable(QStringLiteral("missing reference CRD for ") + plural));
        m_reference.emplace(plural, SchemaValidator(schemaOf(crd)));
    }
    QCOMPARE(CrdRegistry::instance().definitions().size(), 4);
}

void TestSandboxCrds::crdMatchesReference_data()
{
    QTest::addColumn<QString>("plural");
    for (const QString &plural : kPlurals)
        QTest::newRow(qPrintable(plural)) << plural;
}

void TestSandboxCrds::crdMatchesReference()
{
    QFETCH(QString, plural);
    CAPSTAN_NEEDS_REFERENCE(referenceCrdFile(plural));
    const QJsonObject real = referenceCrd(plural);
    const QJsonObject ours = ourCrd(plural);
    QVERIFY(!ours.isEmpty());
    QCOMPARE(ours.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")),
             real.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")));
    const QJsonObject realSpec = real.value(QLatin1String("spec")).toObject();
    const QJsonObject ourSpec = ours.value(QLatin1String("spec")).toObject();
    QCOMPARE(ourSpec.value(QLatin1String("group")), realSpec.value(QLatin1String("group")));
    QCOMPARE(ourSpec.value(QLatin1String("scope")), realSpec.value(QLatin1String("scope")));
    const QJsonObject realNames = realSpec.value(QLatin1String("names")).toObject();
    for (auto it = realNames.begin(); it != realNames.end(); ++it)
        QCOMPARE(ourSpec.value(QLatin1String("names")).toObject().value(it.key()), it.value());
    const QJsonObject realVersion = version0(real);
    const QJsonObject ourVersion = version0(ours);
    for (const char *key : {"name", "served", "storage", "subresources", "additionalPrinterColumns"})
        QCOMPARE(ourVersion.value(QLatin1String(key)), realVersion.value(QLatin1String(key)));

    QMap<QString, FieldInfo> realFields;
    QMap<QString, FieldInfo> ourFields;
    collect(schemaOf(real), {}, &realFields);
    collect(schemaOf(ours), {}, &ourFields);
    int compared = 0;
    for (auto it = realFields.cbegin(); it != realFields.cend(); ++it) {
        if (excluded(it.key()))
            continue;
        QVERIFY2(ourFields.contains(it.key()), qPrintable(QStringLiteral("missing field ") + it.key()));
        const FieldInfo &mine = ourFields.value(it.key());
        const bool podTemplateTop = it.key().contains(QLatin1String(".podTemplate."));
        if (podTemplateTop) {
            // The top-level fields of a podTemplate: same type; ours preserves what is below.
            QCOMPARE(mine.type, it->type);
        } else {
            QVERIFY2(mine == *it, qPrintable(QStringLiteral("field differs: ") + it.key()));
        }
        ++compared;
    }
    for (auto it = ourFields.cbegin(); it != ourFields.cend(); ++it)
        QVERIFY2(realFields.contains(it.key()), qPrintable(QStringLiteral("field not in the real CRD: ") + it.key()));
    QVERIFY(compared >= 20);
}

void TestSandboxCrds::examplesAccepted_data()
{
    QTest::addColumn<QJsonObject>("object");
    if (!capstan::test::missingReference(QStringLiteral("examples")).isEmpty()) {
        QTest::newRow("examples") << QJsonObject(); // examplesAccepted() says what is missing
        return;
    }
    const QDir dir(capstan::test::referencePath(QStringLiteral("examples")));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files);
    QVERIFY(files.size() >= 5);
    for (const QString &file : files) {
        const QList<QJsonObject> docs = loadDocuments(dir.filePath(file));
        QVERIFY2(!docs.isEmpty(), qPrintable(file));
        for (qsizetype i = 0; i < docs.size(); ++i)
            QTest::addRow("%s#%d", qPrintable(file), int(i)) << docs.at(i);
    }
    // The operator's blue/green test manifests, their FlinkBlueGreenDeployments only (the PVC and
    // IngressClass beside them are no Flink kinds).
    if (!capstan::test::missingReference(QStringLiteral("examples-bluegreen")).isEmpty())
        return;
    const QDir blueGreen(capstan::test::referencePath(QStringLiteral("examples-bluegreen")));
    for (const QString &file : blueGreen.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
        for (const QJsonObject &doc : loadDocuments(blueGreen.filePath(file))) {
            if (doc.value(QLatin1String("kind")) == QLatin1String("FlinkBlueGreenDeployment"))
                QTest::addRow("bluegreen/%s", qPrintable(file)) << doc;
        }
    }
}

void TestSandboxCrds::examplesAccepted()
{
    QFETCH(QJsonObject, object);
    CAPSTAN_NEEDS_REFERENCE(QStringLiteral("examples"));
    const QString plural = pluralOf(object.value(QLatin1String("kind")).toString());
    const SchemaValidator *ours = CrdRegistry::instance().validator(plural);
    QVERIFY(ours);
    QJsonObject checked = object;
    const QList<FieldError> ourErrors = ours->validate(&checked);
    QVERIFY2(ourErrors.isEmpty(), qPrintable(describe(ourErrors)));
    QCOMPARE(checked, object); // nothing pruned
    CAPSTAN_NEEDS_REFERENCE(referenceCrdFile(plural));
    QJsonObject realChecked = object;
    const QList<FieldError> realErrors = m_reference.at(plural).validate(&realChecked);
    QVERIFY2(realErrors.isEmpty(), qPrintable(describe(realErrors)));
    QCOMPARE(realChecked, object);
}

void TestSandboxCrds::invalidRefused_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(CAPSTAN_TEST_DATA_DIR "/sandbox/invalid"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QVERIFY(files.size() >= 10);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestSandboxCrds::invalidRefused()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString firstLine = QString::fromUtf8(f.readLine()).trimmed();
    QVERIFY(firstLine.startsWith(QLatin1String("# expect: ")));
    const QStringList expect = firstLine.mid(10).split(QLatin1Char(' '));
    QCOMPARE(expect.size(), 2);
    const QList<QJsonObject> docs = loadDocuments(file);
    QCOMPARE(docs.size(), 1);
    const QString plural = pluralOf(docs.first().value(QLatin1String("kind")).toString());

    // Ours refuses it, and so does the real CRD where the reference data is at hand.
    QList<const SchemaValidator *> validators{CrdRegistry::instance().validator(plural)};
    if (const auto reference = m_reference.find(plural); reference != m_reference.end())
        validators.append(&reference->second);
    for (const SchemaValidator *v : validators) {
        QVERIFY(v);
        QJsonObject object = docs.first();
        const QList<FieldError> errors = v->validate(&object);
        QVERIFY2(errors.size() == 1, qPrintable(describe(errors)));
        QCOMPARE(errors.first().reason, expect.at(0));
        QCOMPARE(errors.first().field, expect.at(1));
    }
    CAPSTAN_NEEDS_REFERENCE(referenceCrdFile(plural));
}

void TestSandboxCrds::demoObjectsMatchReference()
{
    for (const QString &plural : kPlurals)
        CAPSTAN_NEEDS_REFERENCE(referenceCrdFile(plural));
    SandboxServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    int validated = 0;
    for (const QString &plural : kPlurals) {
        const StoreResult list = server.store().list(plural);
        QVERIFY(list.ok());
        const QJsonArray items = list.object.value(QLatin1String("items")).toArray();
        QVERIFY2(!items.isEmpty(), qPrintable(plural));
        for (const QJsonValue &item : items) {
            QJsonObject object = item.toObject();
            const QList<FieldError> errors = m_reference.at(plural).validate(&object);
            QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
            // No field the real CRD would prune.
            QVERIFY2(object == item.toObject(),
                     qPrintable(QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact))));
            ++validated;
        }
    }
    QVERIFY(validated >= 5);
}

void TestSandboxCrds::requiredAndPruning()
{
    // Neither the real CRDs nor ours declare required fields, so the rule is shown on a small schema.
    const QJsonObject schema = QJsonDocument::fromJson(R"({"type":"object","properties":{
        "spec":{"type":"object","required":["name","port"],"properties":{
            "name":{"type":"string"},"port":{"x-kubernetes-int-or-string":true},
            "when":{"type":"string","format":"date-time"},"extra":{"type":"object",
            "x-kubernetes-preserve-unknown-fields":true},"opt":{"type":"string"},
            "list":{"type":"array","items":{"type":"integer"}}}}}})")
                                   .object();
    const SchemaValidator v(schema);
    QJsonObject object = QJsonDocument::fromJson(R"({"apiVersion":"x/v1","kind":"X","metadata":{"name":"a"},
        "spec":{"port":"http","unknown":1,"extra":{"any":{"thing":true}},"opt":null,"when":"yesterday",
        "list":[1,2.5]},"bogus":{}})")
                             .object();
    const QList<FieldError> errors = v.validate(&object);
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors.at(0).reason, QStringLiteral("FieldValueTypeInvalid"));
    QCOMPARE(errors.at(0).field, QStringLiteral("spec.list[1]"));
    QCOMPARE(errors.at(0).message,
             QStringLiteral("Invalid value: \"number\": spec.list[1] in body must be of type integer: \"number\""));
    QCOMPARE(errors.at(1).reason, QStringLiteral("FieldValueInvalid"));
    QCOMPARE(errors.at(1).field, QStringLiteral("spec.when"));
    QCOMPARE(errors.at(2).reason, QStringLiteral("FieldValueRequired"));
    QCOMPARE(errors.at(2).field, QStringLiteral("spec.name"));
    QCOMPARE(errors.at(2).message, QStringLiteral("Required value"));
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    QVERIFY(!spec.contains(QLatin1String("unknown"))); // pruned
    QVERIFY(!spec.contains(QLatin1String("opt"))); // a non-nullable null is dropped
    QVERIFY(!object.contains(QLatin1String("bogus")));
    QCOMPARE(spec.value(QLatin1String("extra"))
                 .toObject()
                 .value(QLatin1String("any"))
                 .toObject()
                 .value(QLatin1String("thing")),
             QJsonValue(true));
    QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")), QJsonValue(u"a"_s));

    QJsonObject port = QJsonDocument::fromJson(R"({"spec":{"name":"n","port":true}})").object();
    const QList<FieldError> portErrors = v.validate(&port);
    QCOMPARE(portErrors.size(), 1);
    QCOMPARE(portErrors.first().field, QStringLiteral("spec.port"));
}

void TestSandboxCrds::storeValidatesEveryWrite()
{
    ResourceStore store;
    QVERIFY(store
                .create(QStringLiteral("namespaces"), {},
                        {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), u"ns"_s}}}})
                .ok());
    const QString plural = QStringLiteral("flinkdeployments");
    const auto deployment = [](const QString &upgradeMode) {
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), u"dep"_s}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("image"), u"flink:2.2"_s},
                         {QStringLiteral("unknownField"), u"pruned"_s},
                         {QStringLiteral("job"), QJsonObject{{QStringLiteral("upgradeMode"), upgradeMode}}}}}};
    };
    // create, also with dryRun
    for (const bool dryRun : {true, false}) {
        WriteOptions options;
        options.dryRun = dryRun;
        const StoreResult bad = store.create(plural, u"ns"_s, deployment(u"foo"_s), options);
        QCOMPARE(bad.code, 422);
        QCOMPARE(bad.object.value(QLatin1String("reason")).toString(), QStringLiteral("Invalid"));
        QCOMPARE(bad.object.value(QLatin1String("message")).toString(),
                 QStringLiteral("FlinkDeployment.flink.apache.org \"dep\" is invalid: spec.job.upgradeMode: "
                                "Unsupported value: \"foo\": supported values: \"last-state\", \"savepoint\", "
                                "\"stateless\""));
        const QJsonObject details = bad.object.value(QLatin1String("details")).toObject();
        QCOMPARE(details.value(QLatin1String("name")).toString(), QStringLiteral("dep"));
        QCOMPARE(details.value(QLatin1String("group")).toString(), QStringLiteral("flink.apache.org"));
        QCOMPARE(details.value(QLatin1String("kind")).toString(), QStringLiteral("FlinkDeployment"));
        const QJsonObject cause = details.value(QLatin1String("causes")).toArray().first().toObject();
        QCOMPARE(cause.value(QLatin1String("reason")).toString(), QStringLiteral("FieldValueNotSupported"));
        QCOMPARE(cause.value(QLatin1String("field")).toString(), QStringLiteral("spec.job.upgradeMode"));
    }
    const StoreResult created = store.create(plural, u"ns"_s, deployment(u"stateless"_s));
    QCOMPARE(created.code, 201);
    QVERIFY(!created.object.value(QLatin1String("spec")).toObject().contains(QLatin1String("unknownField")));

    // merge patch, JSON patch, PUT: the final object is validated
    StoreResult r = store.mergePatch(plural, u"ns"_s, u"dep"_s,
                                     QJsonDocument::fromJson(R"({"spec":{"job":{"parallelism":"two"}}})").object());
    QCOMPARE(r.code, 422);
    QCOMPARE(r.object.value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("causes"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("reason"))
                 .toString(),
             QStringLiteral("FieldValueTypeInvalid"));
    r = store.jsonPatch(
        plural, u"ns"_s, u"dep"_s,
        QJsonDocument::fromJson(R"([{"op":"replace","path":"/spec/job/upgradeMode","value":"x"}])").array());
    QCOMPARE(r.code, 422);
    QJsonObject put = created.object;
    QJsonObject spec = put.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("mode"), u"kubernetes"_s);
    put.insert(QStringLiteral("spec"), spec);
    r = store.update(plural, u"ns"_s, u"dep"_s, put);
    QCOMPARE(r.code, 422);
    QVERIFY(r.object.value(QLatin1String("message")).toString().contains(QLatin1String("spec.mode")));
    // a merge patch that only adds unknown fields changes nothing (they are pruned)
    const quint64 before = store.currentResourceVersion();
    r = store.mergePatch(plural, u"ns"_s, u"dep"_s, QJsonDocument::fromJson(R"({"spec":{"nope":1}})").object());
    QCOMPARE(r.code, 200);
    QCOMPARE(store.currentResourceVersion(), before);
    QCOMPARE(r.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt(), 1);

    // the status subresource validates the status
    WriteOptions status;
    status.subresource = Subresource::Status;
    r = store.mergePatch(plural, u"ns"_s, u"dep"_s,
                         QJsonDocument::fromJson(R"({"status":{"lifecycleState":"RUNNING"}})").object(), status);
    QCOMPARE(r.code, 422);
    QVERIFY(r.object.value(QLatin1String("message")).toString().contains(QLatin1String("status.lifecycleState")));
    r = store.mergePatch(plural, u"ns"_s, u"dep"_s,
                         QJsonDocument::fromJson(R"({"status":{"lifecycleState":"STABLE","x":1}})").object(), status);
    QCOMPARE(r.code, 200);
    QCOMPARE(r.object.value(QLatin1String("status")).toObject(),
             QJsonObject({{QStringLiteral("lifecycleState"), u"STABLE"_s}}));
}

void TestSandboxCrds::apiExtensionsApi()
{
    const CrdRegistry &registry = CrdRegistry::instance();
    int code = 0;
    QJsonObject body;
    QVERIFY(registry.respond(u"GET"_s, u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions"_s, &code, &body));
    QCOMPARE(code, 200);
    QCOMPARE(body.value(QLatin1String("kind")).toString(), QStringLiteral("CustomResourceDefinitionList"));
    QCOMPARE(body.value(QLatin1String("items")).toArray().size(), 4);
    QVERIFY(registry.respond(
        u"GET"_s, u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/flinkdeployments.flink.apache.org"_s, &code,
        &body));
    QCOMPARE(code, 200);
    QCOMPARE(version0(body)
                 .value(QLatin1String("subresources"))
                 .toObject()
                 .value(QLatin1String("scale"))
                 .toObject()
                 .value(QLatin1String("specReplicasPath")),
             QJsonValue(u".spec.taskManager.replicas"_s));
    QVERIFY(
        registry.respond(u"GET"_s, u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/nope"_s, &code, &body));
    QCOMPARE(code, 404);
    QVERIFY(registry.respond(
        u"DELETE"_s, u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/flinkdeployments.flink.apache.org"_s,
        &code, &body));
    QCOMPARE(code, 405);
    QCOMPARE(body.value(QLatin1String("reason")).toString(), QStringLiteral("MethodNotAllowed"));
    QVERIFY(registry.respond(u"GET"_s, u"/apis/apiextensions.k8s.io/v1"_s, &code, &body));
    QCOMPARE(body.value(QLatin1String("resources")).toArray().first().toObject().value(QLatin1String("name")),
             QJsonValue(u"customresourcedefinitions"_s));
    QVERIFY(!registry.respond(u"GET"_s, u"/apis/flink.apache.org/v1beta1"_s, &code, &body));
}

void TestSandboxCrds::openApiDocuments()
{
    const OpenApi &openApi = OpenApi::instance();
    const QJsonObject paths = openApi.v3Index().value(QLatin1String("paths")).toObject();
    for (const char *gv : {"api/v1", "apis/flink.apache.org/v1beta1", "apis/apiextensions.k8s.io/v1"})
        QVERIFY2(paths.value(QLatin1String(gv))
                     .toObject()
                     .value(QLatin1String("serverRelativeURL"))
                     .toString()
                     .startsWith(QStringLiteral("/openapi/v3/%1?hash=").arg(QLatin1String(gv))),
                 gv);
    const QJsonObject schemas = openApi.v3Document(u"apis/flink.apache.org/v1beta1"_s)
                                    .value(QLatin1String("components"))
                                    .toObject()
                                    .value(QLatin1String("schemas"))
                                    .toObject();
    const QJsonObject dep = schemas.value(QLatin1String("org.apache.flink.v1beta1.FlinkDeployment")).toObject();
    QCOMPARE(dep.value(QLatin1String("x-kubernetes-group-version-kind"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("kind")),
             QJsonValue(u"FlinkDeployment"_s));
    QVERIFY(schemas.contains(QLatin1String("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")));
    QVERIFY(openApi.swagger()
                .value(QLatin1String("definitions"))
                .toObject()
                .contains(QLatin1String("io.k8s.api.core.v1.ConfigMap")));
    QByteArray body;
    QByteArray contentType;
    QVERIFY(openApi.respond(u"/openapi/v2"_s, u"application/com.github.proto-openapi.spec.v2@v1.0+protobuf"_s, &body,
                            &contentType));
    QVERIFY(contentType.contains("protobuf"));
    QVERIFY(body.startsWith(QByteArray("\x0a\x03"
                                       "2.0",
                                       5))); // field 1 (swagger) = "2.0"
    QVERIFY(body.contains("org.apache.flink.v1beta1.FlinkStateSnapshot"));
    QVERIFY(!openApi.respond(u"/openapi/v3/apis/nope/v1"_s, {}, &body, &contentType));
}

void TestSandboxCrds::kubectl()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed");
    SandboxServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(server.writeKubeconfig(kubeconfig, &error), qPrintable(error));
    QByteArray out;
    QByteArray err;
    const capstan::test::KubectlRunner kubectlRunner(kubeconfig);
    const auto run = [&](const QStringList &args) {
        const auto r = kubectlRunner.run(args);
        out = r.out;
        err = r.err;
        return r.exitCode;
    };
    const auto failure = [&](const QStringList &args) {
        return (args.join(QLatin1Char(' ')) + QStringLiteral("\n") + QString::fromUtf8(out + err)).toUtf8();
    };

    QStringList args{QStringLiteral("api-resources")};
    QVERIFY2(run(args) == 0, failure(args).constData());
    static const QRegularExpression flinkdep(
        QStringLiteral("^flinkdeployments\\s+flinkdep\\s+flink.apache.org/v1beta1"),
        QRegularExpression::MultilineOption);
    QVERIFY2(flinkdep.match(QString::fromUtf8(out)).hasMatch(), out.constData());

    args = {QStringLiteral("get"), QStringLiteral("crd"), QStringLiteral("-o"), QStringLiteral("name")};
    QVERIFY2(run(args) == 0, failure(args).constData());
    for (const QString &plural : kPlurals)
        QVERIFY2(out.contains(QStringLiteral("customresourcedefinition.apiextensions.k8s.io/%1.flink.apache.org")
                                  .arg(plural)
                                  .toUtf8()),
                 out.constData());

    // Every upstream example, each in its own namespace (two of them create the same snapshot). Without
    // the reference data the rest still runs; the function then skips at its end.
    const bool haveExamples = capstan::test::missingReference(QStringLiteral("examples")).isEmpty();
    if (haveExamples) {
        const QDir examples(capstan::test::referencePath(QStringLiteral("examples")));
        const QStringList files = examples.entryList({QStringLiteral("*.yaml")}, QDir::Files);
        int created = 0;
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString ns = QStringLiteral("example-%1").arg(i);
            args = {QStringLiteral("create"), QStringLiteral("namespace"), ns};
            QVERIFY2(run(args) == 0, failure(args).constData());
            args = {QStringLiteral("create"), QStringLiteral("-n"), ns, QStringLiteral("-f"),
                    examples.filePath(files.at(i))};
            QVERIFY2(run(args) == 0, failure(args).constData());
            created += int(out.count(" created"));
        }
        QVERIFY(created >= 9);
        args = {QStringLiteral("apply"), QStringLiteral("-n"), QStringLiteral("example-0"), QStringLiteral("-f"),
                examples.filePath(files.first())};
        QVERIFY2(run(args) == 0, failure(args).constData());
    }

    // --dry-run=server validates and stores nothing.
    args = {QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("dry-run")};
    QVERIFY2(run(args) == 0, failure(args).constData());
    args = {QStringLiteral("create"), QStringLiteral("--dry-run=server"),
            QStringLiteral("-n"),     QStringLiteral("dry-run"),
            QStringLiteral("-f"),     QStringLiteral(CAPSTAN_TEST_DATA_DIR "/sandbox/basic-deployment.yaml")};
    QVERIFY2(run(args) == 0, failure(args).constData());
    QVERIFY(out.contains("(server dry run)"));
    const StoreResult list = server.store().list(QStringLiteral("flinkdeployments"), QStringLiteral("dry-run"));
    QCOMPARE(list.object.value(QLatin1String("items")).toArray().size(), 0);

    // A bad enum passes kubectl's client-side validation and is refused by the server with a 422.
    const QString invalid = QStringLiteral(CAPSTAN_TEST_DATA_DIR "/sandbox/invalid/");
    args = {QStringLiteral("create"), QStringLiteral("-n"), QStringLiteral("dry-run"), QStringLiteral("-f"),
            invalid + QStringLiteral("bad-upgrade-mode.yaml")};
    QVERIFY(run(args) != 0);
    QVERIFY2(err.contains("is invalid: spec.job.upgradeMode: Unsupported value: \"foo\""), err.constData());
    args.insert(1, QStringLiteral("--dry-run=server"));
    QVERIFY(run(args) != 0);
    QVERIFY2(err.contains("spec.job.upgradeMode"), err.constData());
    // A wrong type: kubectl refuses it from the OpenAPI schema; without client validation the server does.
    args = {QStringLiteral("create"), QStringLiteral("-n"), QStringLiteral("dry-run"), QStringLiteral("-f"),
            invalid + QStringLiteral("parallelism-string.yaml")};
    QVERIFY(run(args) != 0);
    QVERIFY2(err.contains("spec.job.parallelism"), err.constData());
    args.append(QStringLiteral("--validate=false"));
    QVERIFY(run(args) != 0);
    QVERIFY2(err.contains("is invalid: spec.job.parallelism: Invalid value: \"string\""), err.constData());

    args = {QStringLiteral("explain"), QStringLiteral("flinkdeployment.spec.job.upgradeMode")};
    QVERIFY2(run(args) == 0, failure(args).constData());
    QVERIFY2(out.contains("KIND:       FlinkDeployment") || out.contains("KIND:     FlinkDeployment"), out.constData());
    QVERIFY2(out.contains("upgradeMode") && out.contains("<string>") && out.contains("last-state"), out.constData());
    if (!haveExamples)
        CAPSTAN_NEEDS_REFERENCE(QStringLiteral("examples"));
}

QTEST_GUILESS_MAIN(TestSandboxCrds)
#include "tst_sandboxcrds.moc"
