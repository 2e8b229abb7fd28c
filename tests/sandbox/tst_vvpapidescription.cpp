// VvpApiDescription, the check of a Ververica Platform spec against the platform's Swagger 2.0
// description, and the description the sandbox's platform serves at /api/swagger.json: held against
// Ververica Platform 2.4.3's own (the reference data's vvp/appmanager-api-swagger-2.4.3.json,
// common/referencedata.h) property by property, and used by the sandbox to refuse what the platform's
// JSON reader would.
#include "common/referencedata.h"
#include "sandbox/virtualclock.h"
#include "sandbox/vvpapi.h"
#include "sandbox/vvpapidocument.h"
#include "sandbox/vvpplatform.h"
#include "vvp/vvpapidescription.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace capstan;
using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kReference = u"vvp/appmanager-api-swagger-2.4.3.json"_s;

QJsonObject referenceDocument()
{
    QFile file(capstan::test::referencePath(kReference));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A spec as Configure Deployment writes it, with `field` (a path below spec, parts separated by '/')
// set to `value`.
QJsonObject specWith(const QString &field, const QJsonValue &value)
{
    QJsonObject spec{
        {u"state"_s, u"RUNNING"_s},
        {u"upgradeStrategy"_s, QJsonObject{{u"kind"_s, u"STATEFUL"_s}}},
        {u"restoreStrategy"_s, QJsonObject{{u"kind"_s, u"LATEST_STATE"_s}}},
        {u"template"_s,
         QJsonObject{
             {u"spec"_s,
              QJsonObject{{u"artifact"_s, QJsonObject{{u"kind"_s, u"JAR"_s}, {u"jarUri"_s, u"s3://artifacts/a.jar"_s}}},
                          {u"parallelism"_s, 2},
                          {u"flinkConfiguration"_s, QJsonObject{{u"state.backend"_s, u"rocksdb"_s}}},
                          {u"resources"_s,
                           QJsonObject{{u"jobmanager"_s, QJsonObject{{u"cpu"_s, 1}, {u"memory"_s, u"1G"_s}}}}}}}}}};
    if (field.isEmpty())
        return spec;
    // Set a dotted path by rebuilding the objects on the way down.
    const QStringList parts = field.split(u'/');
    std::function<QJsonObject(QJsonObject, int)> set = [&](QJsonObject o, int i) {
        if (i == parts.size() - 1)
            o.insert(parts.at(i), value);
        else
            o.insert(parts.at(i), set(o.value(parts.at(i)).toObject(), i + 1));
        return o;
    };
    return set(spec, 0);
}

} // namespace

class TestVvpApiDescription : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sandboxDescriptionIsThePlatforms();
    void demoDeploymentsFitTheReference();
    void readsAsThePlatformReads_data();
    void readsAsThePlatformReads();
    void readsCoercedValues();
    void unknownFieldsApart();
    void answersAreReadExactly();
    void refusesWhatIsNoDescription();
    void selfReferenceEnds();
    void sandboxServesAndEnforcesIt();

private:
    VvpApiDescription m_sandbox;
};

void TestVvpApiDescription::initTestCase()
{
    const Result<VvpApiDescription> description = VvpApiDescription::fromJson(VvpApiDocument::document());
    QVERIFY(description);
    m_sandbox = *description;
    QCOMPARE(m_sandbox.title(), u"Application Manager API"_s);
    QCOMPARE(m_sandbox.version(), u"2.4.3"_s);
}

// Every path, method and definition the sandbox describes is the platform's, and every property it
// names has the platform's type, format, enum and reference. Where the sandbox leaves a definition
// open (no properties: the Kubernetes pod templates), anything is accepted, which is looser, never
// stricter, than the platform.
void TestVvpApiDescription::sandboxDescriptionIsThePlatforms()
{
    CAPSTAN_NEEDS_REFERENCE(kReference);
    const QJsonObject reference = referenceDocument();
    QCOMPARE(reference.value(u"swagger"_s).toString(), u"2.0"_s);

    const QJsonObject paths = VvpApiDocument::document().value(u"paths"_s).toObject();
    const QJsonObject referencePaths = reference.value(u"paths"_s).toObject();
    QCOMPARE(paths.keys(), referencePaths.keys());
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        QStringList methods = p.value().toObject().keys();
        QStringList referenceMethods = referencePaths.value(p.key()).toObject().keys();
        QVERIFY2(methods == referenceMethods, qPrintable(p.key()));
        for (const QString &method : std::as_const(methods)) {
            // The body and the answer name the platform's definitions.
            const QJsonObject op = p.value().toObject().value(method).toObject();
            const QJsonObject refOp = referencePaths.value(p.key()).toObject().value(method).toObject();
            const QJsonValue answer = op.value(u"responses"_s).toObject().value(u"200"_s).toObject().value(u"schema"_s);
            if (answer.isObject()) {
                const QJsonValue refAnswer
                    = refOp.value(u"responses"_s).toObject().value(u"200"_s).toObject().value(u"schema"_s);
                QVERIFY2(answer == refAnswer, qPrintable(method + u' ' + p.key()));
            }
            const auto bodyOf = [](const QJsonObject &operation) {
                for (const QJsonValue &parameter : operation.value(u"parameters"_s).toArray()) {
                    if (parameter.toObject().value(u"in"_s).toString() == u"body"_s)
                        return parameter.toObject().value(u"schema"_s);
                }
                return QJsonValue();
            };
            if (bodyOf(op).isObject())
                QVERIFY2(bodyOf(op) == bodyOf(refOp), qPrintable(method + u" body " + p.key()));
        }
    }

    const QJsonObject ours = VvpApiDocument::document().value(u"definitions"_s).toObject();
    const QJsonObject theirs = reference.value(u"definitions"_s).toObject();
    QVERIFY(ours.size() >= 20);
    for (auto d = ours.begin(); d != ours.end(); ++d) {
        QVERIFY2(theirs.contains(d.key()), qPrintable(d.key()));
        const QJsonObject def = d.value().toObject();
        const QJsonObject refDef = theirs.value(d.key()).toObject();
        QCOMPARE(def.value(u"type"_s), refDef.value(u"type"_s));
        const QJsonObject props = def.value(u"properties"_s).toObject();
        const QJsonObject refProps = refDef.value(u"properties"_s).toObject();
        if (props.isEmpty())
            continue; // left open
        QVERIFY2(props.keys() == refProps.keys(), qPrintable(d.key()));
        for (auto prop = props.begin(); prop != props.end(); ++prop) {
            // Type, format, enum, $ref, items and additionalProperties: the same JSON as the platform's.
            const QString where = d.key() + u'.' + prop.key();
            QJsonObject mine = prop.value().toObject();
            QJsonObject theirsProp = refProps.value(prop.key()).toObject();
            for (const QString &wordsOnly : {u"description"_s, u"example"_s, u"readOnly"_s})
                theirsProp.remove(wordsOnly);
            QVERIFY2(mine == theirsProp,
                     qPrintable(where + u": "_s + QString::fromUtf8(QJsonDocument(mine).toJson(QJsonDocument::Compact))
                                + u" vs "_s
                                + QString::fromUtf8(QJsonDocument(theirsProp).toJson(QJsonDocument::Compact))));
        }
    }
}

// What the sandbox's platform serves reads without an error against the real description.
void TestVvpApiDescription::demoDeploymentsFitTheReference()
{
    CAPSTAN_NEEDS_REFERENCE(kReference);
    const Result<VvpApiDescription> reference = VvpApiDescription::fromJson(referenceDocument());
    QVERIFY(reference);
    VirtualClock clock(1.0);
    VvpPlatform platform(clock);
    platform.seedDemo();
    const VvpApi api(platform);
    int checked = 0;
    for (const QString &ns : platform.namespaces()) {
        const ProxyResponse listed = api.handle(u"GET"_s, u"/api/v1/namespaces/%1/deployments"_s.arg(ns), {}, {}, {});
        QCOMPARE(listed.status, 200);
        for (const QJsonValue &item : QJsonDocument::fromJson(listed.body).object().value(u"items"_s).toArray()) {
            const VvpApiDescription::Check check = reference->check(u"Deployment"_s, item);
            QVERIFY2(check.errors.isEmpty(),
                     qPrintable(check.errors.value(0).field + u": "_s + check.errors.value(0).message));
            // The one field Ververica documents and its 2.4.3 description leaves out.
            for (const QString &field : check.unknownFields)
                QCOMPARE(field, u"spec.restoreStrategy.allowNonRestoredState"_s);
            ++checked;
        }
    }
    QVERIFY(checked >= 3);
}

void TestVvpApiDescription::readsAsThePlatformReads_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error"); // empty: accepted

    const QString tpl = u"template/spec/"_s;
    QTest::newRow("as written") << QString() << QJsonValue() << QString();
    QTest::newRow("numeric string for an integer") << tpl + u"parallelism"_s << QJsonValue(u"4"_s) << QString();
    QTest::newRow("word for an integer") << tpl + u"parallelism"_s << QJsonValue(u"two"_s) << u"is not a number"_s;
    QTest::newRow("fraction for an integer") << tpl + u"parallelism"_s << QJsonValue(2.5) << u"would cut it to 2"_s;
    QTest::newRow("beyond int32") << tpl + u"parallelism"_s << QJsonValue(3e9) << u"out of range for int32"_s;
    QTest::newRow("map for an integer") << tpl + u"parallelism"_s << QJsonValue(QJsonObject{{u"a"_s, 1}})
                                        << u"is not a single value"_s;
    QTest::newRow("null") << tpl + u"parallelism"_s << QJsonValue(QJsonValue::Null) << QString();
    QTest::newRow("number in a string map")
        << tpl + u"flinkConfiguration/taskmanager.numberOfTaskSlots"_s << QJsonValue(4) << QString();
    QTest::newRow("boolean in a string map")
        << tpl + u"flinkConfiguration/pipeline.object-reuse"_s << QJsonValue(true) << QString();
    QTest::newRow("map in a string map") << tpl + u"flinkConfiguration/state"_s
                                         << QJsonValue(QJsonObject{{u"backend"_s, u"rocksdb"_s}})
                                         << u"is not a single value"_s;
    QTest::newRow("state outside the enum")
        << u"state"_s << QJsonValue(u"PAUSED"_s) << u"is not one of RUNNING, SUSPENDED, CANCELLED"_s;
    QTest::newRow("id that is no uuid") << u"deploymentTargetId"_s << QJsonValue(u"default"_s) << u"UUID"_s;
    QTest::newRow("uuid") << u"deploymentTargetId"_s << QJsonValue(u"57b4c290-73ad-11e7-8cf7-a6006ad3dba0"_s)
                          << QString();
    QTest::newRow("numeric string for a double")
        << tpl + u"resources/taskmanager/cpu"_s << QJsonValue(u"1.5"_s) << QString();
    QTest::newRow("word for a double") << tpl + u"resources/taskmanager/cpu"_s << QJsonValue(u"lots"_s)
                                       << u"is not a number"_s;
    QTest::newRow("string for a list") << tpl + u"artifact/additionalDependencies"_s << QJsonValue(u"s3://a.jar"_s)
                                       << u"is not a list"_s;
    QTest::newRow("anything in a JsonNode")
        << tpl + u"kubernetes/pods/affinity"_s
        << QJsonValue(QJsonObject{{u"nodeAffinity"_s, QJsonObject{{u"x"_s, QJsonArray{1, u"y"_s}}}}}) << QString();
    QTest::newRow("string for an object") << u"upgradeStrategy"_s << QJsonValue(u"STATEFUL"_s) << u"is not a map"_s;
}

void TestVvpApiDescription::readsAsThePlatformReads()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    const QJsonObject deployment{{u"spec"_s, specWith(field, value)}};
    const VvpApiDescription::Check check = m_sandbox.check(u"Deployment"_s, deployment);
    if (error.isEmpty()) {
        QVERIFY2(check.errors.isEmpty(),
                 qPrintable(check.errors.value(0).field + u": "_s + check.errors.value(0).message));
        return;
    }
    QCOMPARE(check.errors.size(), 1);
    QCOMPARE(check.errors.constFirst().field, u"spec."_s + QString(field).replace(u'/', u'.'));
    QVERIFY2(check.errors.constFirst().message.contains(error), qPrintable(check.errors.value(0).message));
}

void TestVvpApiDescription::readsCoercedValues()
{
    QJsonObject spec = specWith(u"template/spec/flinkConfiguration/taskmanager.numberOfTaskSlots"_s, 2);
    QJsonObject templ = spec.value(u"template"_s).toObject();
    QJsonObject templSpec = templ.value(u"spec"_s).toObject();
    templSpec.insert(u"parallelism"_s, u"4"_s);
    templ.insert(u"spec"_s, templSpec);
    spec.insert(u"template"_s, templ);
    spec.insert(u"upgradeStrategy"_s, QJsonObject{{u"kind"_s, u"STATEFUL"_s}, {u"extra"_s, 1}});
    const VvpApiDescription::Check check = m_sandbox.check(u"Deployment"_s, QJsonObject{{u"spec"_s, spec}});
    QVERIFY(check.errors.isEmpty());
    const QJsonObject read = check.read.toObject().value(u"spec"_s).toObject();
    const QJsonObject readSpec = read.value(u"template"_s).toObject().value(u"spec"_s).toObject();
    QCOMPARE(readSpec.value(u"flinkConfiguration"_s).toObject().value(u"taskmanager.numberOfTaskSlots"_s),
             QJsonValue(u"2"_s));
    QCOMPARE(readSpec.value(u"parallelism"_s), QJsonValue(4));
    // What the description does not name is kept as written.
    QCOMPARE(read.value(u"upgradeStrategy"_s).toObject().value(u"extra"_s), QJsonValue(1));
}

void TestVvpApiDescription::unknownFieldsApart()
{
    QJsonObject spec = specWith(u"restoreStrategy/allowNonRestoredState"_s, true);
    spec = QJsonObject{{u"spec"_s, spec}};
    QJsonObject withTypo = spec;
    QJsonObject inner = withTypo.value(u"spec"_s).toObject();
    inner.insert(u"upgradeStrategie"_s, QJsonObject{{u"kind"_s, u"NONE"_s}});
    withTypo.insert(u"spec"_s, inner);
    const VvpApiDescription::Check check = m_sandbox.check(u"Deployment"_s, withTypo);
    QVERIFY(check.errors.isEmpty());
    QCOMPARE(check.unknownFields,
             (QStringList{u"spec.restoreStrategy.allowNonRestoredState"_s, u"spec.upgradeStrategie"_s}));
}

void TestVvpApiDescription::answersAreReadExactly()
{
    const QJsonObject spec{{u"spec"_s, specWith(u"template/spec/parallelism"_s, u"4"_s)}};
    const auto answer = [&](const QJsonObject &o) {
        return m_sandbox.checkSchema(QJsonObject{{u"$ref"_s, u"#/definitions/Deployment"_s}}, o, u"body"_s,
                                     VvpApiDescription::Reading::Answer);
    };
    VvpApiDescription::Check check = answer(spec);
    QCOMPARE(check.errors.size(), 1);
    QCOMPARE(check.errors.constFirst().field, u"body.spec.template.spec.parallelism"_s);
    check = answer(QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, QJsonValue::Null}}}});
    QCOMPARE(check.errors.size(), 1);
    QVERIFY(check.errors.constFirst().message.startsWith(u"null"_s));
    check = answer(QJsonObject{{u"metadata"_s, QJsonObject{{u"createdAt"_s, u"yesterday"_s}}}});
    QCOMPARE(check.errors.size(), 1);
    QVERIFY(check.errors.constFirst().message.contains(u"ISO 8601"_s));
    check = answer(QJsonObject{{u"metadata"_s, QJsonObject{{u"createdAt"_s, u"2024-05-01T12:00:00.123Z"_s}}}});
    QVERIFY(check.errors.isEmpty());
}

void TestVvpApiDescription::refusesWhatIsNoDescription()
{
    QVERIFY(!VvpApiDescription::fromJson({}));
    QVERIFY(!VvpApiDescription::fromJson(QJsonObject{{u"openapi"_s, u"3.0.1"_s}}));
    QVERIFY(!VvpApiDescription::fromJson(QJsonObject{{u"swagger"_s, u"2.0"_s}}));
    const Result<VvpApiDescription> empty = VvpApiDescription::fromJson(QJsonObject{{u"swagger"_s, u"2.0"_s}});
    QVERIFY(empty.error().message.contains(u"no definitions"_s));
    // A default description checks nothing.
    QVERIFY(VvpApiDescription().check(u"Deployment"_s, QJsonObject{{u"spec"_s, 1}}).errors.isEmpty());
    // A reference to a definition the description lacks is said, not followed into nothing.
    const Result<VvpApiDescription> dangling = VvpApiDescription::fromJson(QJsonObject{
        {u"swagger"_s, u"2.0"_s},
        {u"definitions"_s,
         QJsonObject{{u"A"_s,
                      QJsonObject{{u"type"_s, u"object"_s},
                                  {u"properties"_s,
                                   QJsonObject{{u"b"_s, QJsonObject{{u"$ref"_s, u"#/definitions/B"_s}}}}}}}}}});
    QVERIFY(dangling);
    const VvpApiDescription::Check check = dangling->check(u"A"_s, QJsonObject{{u"b"_s, 1}});
    QCOMPARE(check.errors.size(), 1);
    QVERIFY(check.errors.constFirst().message.contains(u"#/definitions/B"_s));
}

void TestVvpApiDescription::selfReferenceEnds()
{
    const Result<VvpApiDescription> loop = VvpApiDescription::fromJson(QJsonObject{
        {u"swagger"_s, u"2.0"_s},
        {u"definitions"_s,
         QJsonObject{{u"Node"_s,
                      QJsonObject{{u"type"_s, u"object"_s},
                                  {u"properties"_s,
                                   QJsonObject{{u"next"_s, QJsonObject{{u"$ref"_s, u"#/definitions/Node"_s}}},
                                               {u"n"_s, QJsonObject{{u"type"_s, u"integer"_s}}}}}}},
                     {u"Alias"_s, QJsonObject{{u"$ref"_s, u"#/definitions/Alias"_s}}}}}});
    QVERIFY(loop);
    QJsonObject deep{{u"n"_s, u"x"_s}};
    for (int i = 0; i < 500; ++i)
        deep = QJsonObject{{u"next"_s, deep}, {u"n"_s, i}};
    const VvpApiDescription::Check check = loop->check(u"Node"_s, deep);
    QVERIFY(check.errors.isEmpty()); // below the depth it looks at
    QVERIFY(loop->check(u"Alias"_s, QJsonObject{{u"a"_s, 1}}).errors.size() <= 1);
}

void TestVvpApiDescription::sandboxServesAndEnforcesIt()
{
    VirtualClock clock(1.0);
    VvpPlatform platform(clock);
    platform.seedDemo();
    const VvpApi api(platform);
    const ProxyResponse served = api.handle(u"GET"_s, u"/api/swagger.json"_s, {}, {}, {});
    QCOMPARE(served.status, 200);
    QCOMPARE(QJsonDocument::fromJson(served.body).object(), VvpApiDocument::document());
    QCOMPARE(api.handle(u"POST"_s, u"/api/swagger.json"_s, {}, {}, {}).status, 405);

    const QString ns = platform.namespaces().constFirst();
    const QString path = u"/api/v1/namespaces/%1/deployments"_s.arg(ns);
    const QJsonObject first = QJsonDocument::fromJson(api.handle(u"GET"_s, path, {}, {}, {}).body)
                                  .object()
                                  .value(u"items"_s)
                                  .toArray()
                                  .first()
                                  .toObject();
    const QString name = first.value(u"metadata"_s).toObject().value(u"name"_s).toString();
    const QJsonObject bad{
        {u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, QJsonObject{{u"parallelism"_s, u"two"_s}}}}}}}};
    const ProxyResponse refused
        = api.handle(u"PATCH"_s, path + u'/' + name, {}, QJsonDocument(bad).toJson(), "application/json");
    QCOMPARE(refused.status, 400);
    const QString message = QJsonDocument::fromJson(refused.body).object().value(u"message"_s).toString();
    QVERIFY2(message.contains(u"spec.template.spec.parallelism"_s), qPrintable(message));
    // Unchanged by the refused write.
    const QJsonObject after
        = QJsonDocument::fromJson(api.handle(u"GET"_s, path + u'/' + name, {}, {}, {}).body).object();
    QCOMPARE(after.value(u"spec"_s), first.value(u"spec"_s));
    // A numeric string is read as the platform reads it.
    const QJsonObject coerced{
        {u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, QJsonObject{{u"parallelism"_s, u"3"_s}}}}}}}};
    const ProxyResponse patched
        = api.handle(u"PATCH"_s, path + u'/' + name, {}, QJsonDocument(coerced).toJson(), "application/json");
    QCOMPARE(patched.status, 200);
    const QJsonObject stored = QJsonDocument::fromJson(patched.body).object();
    QCOMPARE(stored.value(u"spec"_s)
                 .toObject()
                 .value(u"template"_s)
                 .toObject()
                 .value(u"spec"_s)
                 .toObject()
                 .value(u"parallelism"_s),
             QJsonValue(3));
}

QTEST_GUILESS_MAIN(TestVvpApiDescription)
#include "tst_vvpapidescription.moc"
