// The core's JSON toolbox: merge patches (RFC 7386), JSON Pointers (RFC 6901), values by path. Where
// the sandbox has its own implementation (app/sandbox/jsonpatch), the two are run against each other.

#include "sandbox/jsonpatch.h"
#include "json/jsontools.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;

namespace {

// Any JSON text, scalars and null included (QJsonDocument parses only objects and arrays).
QJsonValue value(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray("[") + QByteArray(text) + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        qFatal("bad test JSON: %s", text);
    return document.array().at(0);
}

QJsonObject object(const char *text)
{
    const QJsonValue v = value(text);
    if (!v.isObject())
        qFatal("test JSON is not an object: %s", text);
    return v.toObject();
}

QByteArray text(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}

// The RFC 7386 rows whose target and patch are both objects, which every implementation here takes.
void addObjectMergePatchRows()
{
    QTest::newRow("replace member") << object(R"({"a":"b"})") << object(R"({"a":"c"})");
    QTest::newRow("add member") << object(R"({"a":"b"})") << object(R"({"b":"c"})");
    QTest::newRow("remove only member") << object(R"({"a":"b"})") << object(R"({"a":null})");
    QTest::newRow("remove one member") << object(R"({"a":"b","b":"c"})") << object(R"({"a":null})");
    QTest::newRow("array by scalar") << object(R"({"a":["b"]})") << object(R"({"a":"c"})");
    QTest::newRow("scalar by array") << object(R"({"a":"c"})") << object(R"({"a":["b"]})");
    QTest::newRow("nested set and remove") << object(R"({"a":{"b":"c"}})") << object(R"({"a":{"b":"d","c":null}})");
    QTest::newRow("array replaced whole") << object(R"({"a":[{"b":"c"}]})") << object(R"({"a":[1]})");
    QTest::newRow("null member kept") << object(R"({"e":null})") << object(R"({"a":1})");
    QTest::newRow("nulls in a new object") << object(R"({})") << object(R"({"a":{"bb":{"ccc":null}}})");
}

} // namespace

class TestJsonTools : public QObject
{
    Q_OBJECT

private slots:
    void applyMergePatchRfc7386_data();
    void applyMergePatchRfc7386();
    void sandboxAgreesOnMergePatch_data();
    void sandboxAgreesOnMergePatch();
    void createMergePatch_data();
    void createMergePatch();
    void createMergePatchTreatsIntegerAndDoubleAlike();
    void roundTrip_data();
    void roundTrip();
    void pointer_data();
    void pointer();
    void mergePatchAsOperations_data();
    void mergePatchAsOperations();
    void mergePatchAsOperationsEscapesPaths();
    void valueAt_data();
    void valueAt();
    void withValueAt_data();
    void withValueAt();
    void sameValue_data();
    void sameValue();
};

// Appendix A of RFC 7386, every example.
void TestJsonTools::applyMergePatchRfc7386_data()
{
    QTest::addColumn<QJsonValue>("target");
    QTest::addColumn<QJsonValue>("patch");
    QTest::addColumn<QJsonValue>("expected");
    const auto row = [](const char *target, const char *patch, const char *expected) {
        QTest::addRow("%s + %s", target, patch) << value(target) << value(patch) << value(expected);
    };
    row(R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})");
    row(R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})");
    row(R"({"a":"b"})", R"({"a":null})", R"({})");
    row(R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})");
    row(R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})");
    row(R"({"a":"c"})", R"({"a":["b"]})", R"({"a":["b"]})");
    row(R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})", R"({"a":{"b":"d"}})");
    row(R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})");
    row(R"(["a","b"])", R"(["c","d"])", R"(["c","d"])");
    row(R"({"a":"b"})", R"(["c"])", R"(["c"])");
    row(R"({"a":"foo"})", "null", "null");
    row(R"({"a":"foo"})", R"("bar")", R"("bar")");
    row(R"({"e":null})", R"({"a":1})", R"({"e":null,"a":1})");
    row(R"([1,2])", R"({"a":"b","c":null})", R"({"a":"b"})");
    row(R"({})", R"({"a":{"bb":{"ccc":null}}})", R"({"a":{"bb":{}}})");
}

void TestJsonTools::applyMergePatchRfc7386()
{
    QFETCH(QJsonValue, target);
    QFETCH(QJsonValue, patch);
    QFETCH(QJsonValue, expected);
    QCOMPARE(text(json::applyMergePatch(target, patch)), text(expected));
}

void TestJsonTools::sandboxAgreesOnMergePatch_data()
{
    QTest::addColumn<QJsonObject>("target");
    QTest::addColumn<QJsonObject>("patch");
    addObjectMergePatchRows();
    QTest::newRow("deep merge") << object(R"({"spec":{"job":{"parallelism":1,"args":["x"]},"image":"flink"}})")
                                << object(R"({"spec":{"job":{"parallelism":2,"args":null},"restartNonce":4}})");
}

void TestJsonTools::sandboxAgreesOnMergePatch()
{
    QFETCH(QJsonObject, target);
    QFETCH(QJsonObject, patch);
    QCOMPARE(json::applyMergePatch(target, patch).toObject(), sandbox::applyMergePatch(target, patch));
}

void TestJsonTools::createMergePatch_data()
{
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QJsonObject>("expectedPatch");
    QTest::newRow("equal") << object(R"({"a":{"b":[1,2]},"c":"x"})") << object(R"({"a":{"b":[1,2]},"c":"x"})")
                           << QJsonObject();
    QTest::newRow("scalar change") << object(R"({"a": 1, "b": "x"})") << object(R"({"a": 2, "b": "x"})")
                                   << object(R"({"a": 2})");
    QTest::newRow("removal") << object(R"({"a": 1, "b": "x"})") << object(R"({"b": "x"})") << object(R"({"a": null})");
    QTest::newRow("null in after removes")
        << object(R"({"a": 1, "b": "x"})") << object(R"({"a": null, "b": "x"})") << object(R"({"a": null})");
    QTest::newRow("nested maps") << object(R"({"job": {"p": 1, "args": ["a"], "keep": true}, "c": {"k.x": "1"}})")
                                 << object(R"({"job": {"p": 2, "args": ["a", "b"], "keep": true}, "c": {"k.y": "2"}})")
                                 << object(R"({"job": {"p": 2, "args": ["a", "b"]}, "c": {"k.x": null, "k.y": "2"}})");
    QTest::newRow("map added") << object(R"({})") << object(R"({"m": {"x": {"y": 1}}})")
                               << object(R"({"m": {"x": {"y": 1}}})");
    QTest::newRow("map removed") << object(R"({"m": {"x": 1}, "k": 0})") << object(R"({"k": 0})")
                                 << object(R"({"m": null})");
    QTest::newRow("map replaced by scalar")
        << object(R"({"m": {"x": 1}})") << object(R"({"m": 5})") << object(R"({"m": 5})");
    QTest::newRow("scalar replaced by map")
        << object(R"({"m": 5})") << object(R"({"m": {"x": 1}})") << object(R"({"m": {"x": 1}})");
    QTest::newRow("spec") << object(R"({"image": "flink:1.20", "restartNonce": 3,
                                        "job": {"jarURI": "local:a.jar", "parallelism": 1, "args": ["--w", "5m"]}})")
                          << object(R"({"image": "flink:1.20",
                                        "job": {"jarURI": "local:a.jar", "parallelism": 2}})")
                          << object(R"({"job": {"parallelism": 2, "args": null}, "restartNonce": null})");
}

void TestJsonTools::createMergePatch()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(QJsonObject, expectedPatch);
    QCOMPARE(json::createMergePatch(before, after), expectedPatch);
}

void TestJsonTools::createMergePatchTreatsIntegerAndDoubleAlike()
{
    // The API server gives 2.0 back as 2: that is no change to send.
    QJsonObject before{{QStringLiteral("cpu"), 2}, {QStringLiteral("list"), QJsonArray{1, 2.5}}};
    QJsonObject after{{QStringLiteral("cpu"), 2.0}, {QStringLiteral("list"), QJsonArray{1.0, 2.5}}};
    QVERIFY(json::createMergePatch(before, after).isEmpty());
    after.insert(QStringLiteral("cpu"), 2.5);
    QCOMPARE(json::createMergePatch(before, after), (QJsonObject{{QStringLiteral("cpu"), 2.5}}));
}

void TestJsonTools::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::newRow("nested objects") << object(R"({"a":{"b":{"c":1,"d":2},"e":3}})")
                                    << object(R"({"a":{"b":{"c":1,"d":4,"x":{"y":true}},"e":3}})");
    QTest::newRow("arrays") << object(R"({"a":[1,2,3],"b":[{"x":1}],"c":[]})")
                            << object(R"({"a":[3,2,1],"b":[{"x":1},{"x":2}],"c":[[]]})");
    QTest::newRow("removals at every depth")
        << object(R"({"a":1,"b":{"c":2,"d":{"e":3,"f":4}},"g":{"h":5}})") << object(R"({"b":{"d":{"f":4}}})");
    QTest::newRow("type changes") << object(R"({"a":{"b":1},"c":[1],"d":"x","e":true})")
                                  << object(R"({"a":[1],"c":{"b":1},"d":{"z":null,"y":2},"e":0})");
    QTest::newRow("everything removed") << object(R"({"a":{"b":1},"c":[1]})") << QJsonObject();
    QTest::newRow("awkward keys") << object(R"({"a/b":{"c~d":1},"":{"~1":2},"x.y":3})")
                                  << object(R"({"a/b":{"c~d":2},"":{"~1":null,"/":4}})");
}

void TestJsonTools::roundTrip()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    // A null in `after` is a removal as far as a merge patch can tell.
    const QJsonObject expected = json::applyMergePatch(QJsonObject(), after).toObject();
    const QJsonObject patch = json::createMergePatch(before, after);
    QCOMPARE(json::applyMergePatch(before, patch).toObject(), expected);
    QCOMPARE(sandbox::applyMergePatch(before, patch), expected);
}

void TestJsonTools::pointer_data()
{
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("root") << QStringList() << QString();
    QTest::newRow("plain") << QStringList{QStringLiteral("metadata"), QStringLiteral("generation")}
                           << QStringLiteral("/metadata/generation");
    QTest::newRow("slash") << QStringList{QStringLiteral("a/b")} << QStringLiteral("/a~1b");
    QTest::newRow("tilde") << QStringList{QStringLiteral("m~n")} << QStringLiteral("/m~0n");
    QTest::newRow("escape lookalike") << QStringList{QStringLiteral("~1")} << QStringLiteral("/~01");
    QTest::newRow("both") << QStringList{QStringLiteral("~/"), QStringLiteral("/~")} << QStringLiteral("/~0~1/~1~0");
    QTest::newRow("empty key") << QStringList{QString()} << QStringLiteral("/");
    QTest::newRow("annotation") << QStringList{QStringLiteral("metadata"), QStringLiteral("annotations"),
                                               QStringLiteral("flink.apache.org/x")}
                                << QStringLiteral("/metadata/annotations/flink.apache.org~1x");
}

void TestJsonTools::pointer()
{
    QFETCH(QStringList, segments);
    QFETCH(QString, expected);
    QCOMPARE(json::pointer(segments), expected);
    if (segments.size() == 1)
        QCOMPARE(QLatin1Char('/') + json::escapePointerToken(segments.constFirst()), expected);
    if (segments.isEmpty())
        return;
    // The sandbox's pointer parser finds the member the pointer names.
    const QJsonObject document = json::withValueAt(QJsonObject(), segments, 42);
    const QJsonArray test{QJsonObject{{QStringLiteral("op"), QStringLiteral("test")},
                                      {QStringLiteral("path"), expected},
                                      {QStringLiteral("value"), 42}}};
    QJsonObject result;
    QString error;
    QVERIFY2(sandbox::applyJsonPatch(document, test, &result, &error), qPrintable(error));
}

void TestJsonTools::mergePatchAsOperations_data()
{
    QTest::addColumn<QJsonObject>("target");
    QTest::addColumn<QJsonObject>("patch");
    addObjectMergePatchRows();
    QTest::newRow("remove missing member") << object(R"({"a":1})") << object(R"({"b":null,"c":{"d":null}})");
    QTest::newRow("remove null member") << object(R"({"a":null,"b":1})") << object(R"({"a":null})");
    QTest::newRow("object over scalar, with nulls")
        << object(R"({"a":1})") << object(R"({"a":{"b":null,"c":{"d":null,"e":2}}})");
    QTest::newRow("scalar over object") << object(R"({"a":{"b":1}})") << object(R"({"a":3})");
    QTest::newRow("awkward keys") << object(R"({"a/b":{"c~d":1,"~1":0}})")
                                  << object(R"({"a/b":{"c~d":2,"~1":null,"/":3},"~":{"":1}})");
    QTest::newRow("empty patch") << object(R"({"a":1})") << QJsonObject();
    QTest::newRow("spec") << object(R"({"metadata":{"generation":3},
                                        "spec":{"job":{"parallelism":1,"args":["x"]},"restartNonce":1}})")
                          << object(R"({"spec":{"job":{"parallelism":2,"args":null},"restartNonce":2}})");
}

void TestJsonTools::mergePatchAsOperations()
{
    QFETCH(QJsonObject, target);
    QFETCH(QJsonObject, patch);
    const QJsonArray operations = json::mergePatchAsOperations(target, patch);
    QJsonObject patched;
    QString error;
    QVERIFY2(sandbox::applyJsonPatch(target, operations, &patched, &error), qPrintable(error));
    QCOMPARE(patched, json::applyMergePatch(target, patch).toObject());
    QCOMPARE(patched, sandbox::applyMergePatch(target, patch));
}

void TestJsonTools::mergePatchAsOperationsEscapesPaths()
{
    const QJsonArray operations
        = json::mergePatchAsOperations(object(R"({"a/b":{"c":1}})"), object(R"({"a/b":{"c":null,"m~n":2}})"));
    QCOMPARE(text(operations), text(value(R"([{"op":"remove","path":"/a~1b/c"},
                                              {"op":"add","path":"/a~1b/m~0n","value":2}])")));
}

void TestJsonTools::valueAt_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonObject spec = object(R"({"job":{"parallelism":2,"args":["x"]},"image":"flink","n":null})");
    QTest::newRow("leaf") << spec << QStringList{QStringLiteral("job"), QStringLiteral("parallelism")} << QJsonValue(2);
    QTest::newRow("array") << spec << QStringList{QStringLiteral("job"), QStringLiteral("args")}
                           << QJsonValue(QJsonArray{QStringLiteral("x")});
    QTest::newRow("object") << spec << QStringList{QStringLiteral("job")} << spec.value(QLatin1String("job"));
    QTest::newRow("root") << spec << QStringList() << QJsonValue(spec);
    QTest::newRow("null") << spec << QStringList{QStringLiteral("n")} << QJsonValue(QJsonValue::Null);
    QTest::newRow("missing") << spec << QStringList{QStringLiteral("job"), QStringLiteral("state")}
                             << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("missing parent") << spec << QStringList{QStringLiteral("taskManager"), QStringLiteral("replicas")}
                                    << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("through a scalar") << spec << QStringList{QStringLiteral("image"), QStringLiteral("tag")}
                                      << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("into an array") << spec
                                   << QStringList{QStringLiteral("job"), QStringLiteral("args"), QStringLiteral("0")}
                                   << QJsonValue(QJsonValue::Undefined);
}

void TestJsonTools::valueAt()
{
    QFETCH(QJsonObject, object);
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, expected);
    const QJsonValue actual = json::valueAt(object, path);
    QCOMPARE(actual.type(), expected.type());
    QCOMPARE(actual, expected);
}

void TestJsonTools::withValueAt_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QJsonObject>("expected");
    const QJsonObject spec = object(R"({"job":{"parallelism":2,"state":"running"},"image":"flink"})");
    const QJsonValue remove(QJsonValue::Undefined);
    QTest::newRow("replace leaf") << spec << QStringList{QStringLiteral("job"), QStringLiteral("parallelism")}
                                  << QJsonValue(4)
                                  << object(R"({"job":{"parallelism":4,"state":"running"},"image":"flink"})");
    QTest::newRow("create parents") << spec
                                    << QStringList{QStringLiteral("taskManager"), QStringLiteral("resource"),
                                                   QStringLiteral("cpu")}
                                    << QJsonValue(1.5)
                                    << object(R"({"job":{"parallelism":2,"state":"running"},"image":"flink",
                                                  "taskManager":{"resource":{"cpu":1.5}}})");
    QTest::newRow("through a scalar") << spec << QStringList{QStringLiteral("image"), QStringLiteral("tag")}
                                      << QJsonValue(QStringLiteral("1.20"))
                                      << object(
                                             R"({"job":{"parallelism":2,"state":"running"},"image":{"tag":"1.20"}})");
    QTest::newRow("set null") << spec << QStringList{QStringLiteral("image")} << QJsonValue(QJsonValue::Null)
                              << object(R"({"job":{"parallelism":2,"state":"running"},"image":null})");
    QTest::newRow("remove leaf") << spec << QStringList{QStringLiteral("job"), QStringLiteral("state")} << remove
                                 << object(R"({"job":{"parallelism":2},"image":"flink"})");
    QTest::newRow("remove prunes emptied parents")
        << object(R"({"a":{"b":{"c":1}},"d":1})")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")} << remove << object(R"({"d":1})");
    QTest::newRow("remove keeps other members")
        << object(R"({"a":{"b":{"c":1},"e":2}})")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")} << remove
        << object(R"({"a":{"e":2}})");
    QTest::newRow("remove missing creates nothing")
        << spec << QStringList{QStringLiteral("taskManager"), QStringLiteral("replicas")} << remove << spec;
    QTest::newRow("remove through a scalar")
        << spec << QStringList{QStringLiteral("image"), QStringLiteral("tag")} << remove << spec;
    QTest::newRow("empty path") << spec << QStringList() << QJsonValue(1) << spec;
}

void TestJsonTools::withValueAt()
{
    QFETCH(QJsonObject, object);
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QJsonObject, expected);
    const QJsonObject original = object;
    const QJsonObject changed = json::withValueAt(object, path, value);
    QCOMPARE(changed, expected);
    QCOMPARE(object, original);
    if (!value.isUndefined() && !path.isEmpty())
        QCOMPARE(json::valueAt(changed, path), value);
}

void TestJsonTools::sameValue_data()
{
    QTest::addColumn<QJsonValue>("a");
    QTest::addColumn<QJsonValue>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("integer and double") << QJsonValue(1) << QJsonValue(1.0) << true;
    QTest::newRow("different numbers") << QJsonValue(1) << QJsonValue(1.5) << false;
    QTest::newRow("number and string") << QJsonValue(1) << QJsonValue(QStringLiteral("1")) << false;
    QTest::newRow("nested")
        << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonArray{1, QJsonObject{{QStringLiteral("b"), 2}}}}})
        << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonArray{1.0, QJsonObject{{QStringLiteral("b"), 2.0}}}}})
        << true;
    QTest::newRow("array length") << QJsonValue(QJsonArray{1}) << QJsonValue(QJsonArray{1, 1}) << false;
    QTest::newRow("missing key") << value(R"({"a":1})") << value(R"({"b":1})") << false;
    QTest::newRow("null and absent") << value(R"({"a":null})") << value(R"({})") << false;
}

void TestJsonTools::sameValue()
{
    QFETCH(QJsonValue, a);
    QFETCH(QJsonValue, b);
    QFETCH(bool, same);
    QCOMPARE(json::sameValue(a, b), same);
    QCOMPARE(json::sameValue(b, a), same);
}

QTEST_APPLESS_MAIN(TestJsonTools)
#include "tst_jsontools.moc"
