#include "flink/yamlreader.h"
#include "flink/yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using capstan::YamlReader;
using capstan::YamlWriter;

class TestYamlReader : public QObject
{
    Q_OBJECT

private slots:
    void scalars_data();
    void scalars();
    void structure();
    void syntaxError_data();
    void syntaxError();
    void locations();
    void roundTripWithWriter();
    void roundTripKeepsWholeNumbers();
    void roundTripKeepsOddStrings();
    void refusesCyclicAndExplodingAliases();
};

void TestYamlReader::scalars_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("int") << QStringLiteral("v: 42") << QJsonValue(42);
    QTest::newRow("negative") << QStringLiteral("v: -7") << QJsonValue(-7);
    QTest::newRow("hex") << QStringLiteral("v: 0x1F") << QJsonValue(31);
    QTest::newRow("octal") << QStringLiteral("v: 010") << QJsonValue(8);
    QTest::newRow("binary") << QStringLiteral("v: 0b101") << QJsonValue(5);
    QTest::newRow("underscores") << QStringLiteral("v: 1_000") << QJsonValue(1000);
    QTest::newRow("float") << QStringLiteral("v: 1.5") << QJsonValue(1.5);
    QTest::newRow("exponent") << QStringLiteral("v: 1e3") << QJsonValue(1000.0);
    QTest::newRow("true") << QStringLiteral("v: true") << QJsonValue(true);
    QTest::newRow("yes") << QStringLiteral("v: yes") << QJsonValue(true);
    QTest::newRow("Off") << QStringLiteral("v: Off") << QJsonValue(false);
    QTest::newRow("null") << QStringLiteral("v: null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("tilde") << QStringLiteral("v: ~") << QJsonValue(QJsonValue::Null);
    QTest::newRow("empty") << QStringLiteral("v:") << QJsonValue(QJsonValue::Null);
    QTest::newRow("quoted int") << QStringLiteral("v: \"42\"") << QJsonValue(QStringLiteral("42"));
    QTest::newRow("single quoted bool") << QStringLiteral("v: 'true'") << QJsonValue(QStringLiteral("true"));
    QTest::newRow("quoted null") << QStringLiteral("v: \"null\"") << QJsonValue(QStringLiteral("null"));
    QTest::newRow("explicit str") << QStringLiteral("v: !!str 10") << QJsonValue(QStringLiteral("10"));
    QTest::newRow("memory") << QStringLiteral("v: 2048m") << QJsonValue(QStringLiteral("2048m"));
    QTest::newRow("version") << QStringLiteral("v: 1.20.1") << QJsonValue(QStringLiteral("1.20.1"));
    QTest::newRow("leading 08 is a float") << QStringLiteral("v: 08") << QJsonValue(8.0);
    QTest::newRow("uri") << QStringLiteral("v: local:///opt/flink/job.jar")
                         << QJsonValue(QStringLiteral("local:///opt/flink/job.jar"));
    QTest::newRow("literal block") << QStringLiteral("v: |\n  a\n  b\n") << QJsonValue(QStringLiteral("a\nb\n"));
    QTest::newRow("big int") << QStringLiteral("v: 9007199254740993") << QJsonValue(qint64(9007199254740993LL));
}

void TestYamlReader::scalars()
{
    QFETCH(QString, yaml);
    QFETCH(QJsonValue, expected);
    const auto result = YamlReader::parse(yaml);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const QJsonValue v = result->toObject().value(QLatin1String("v"));
    QCOMPARE(v.type(), expected.type());
    QCOMPARE(v, expected);
}

void TestYamlReader::structure()
{
    const auto result = YamlReader::parse(QStringLiteral("job:\n"
                                                         "  args: [\"--a\", b]\n"
                                                         "  parallelism: 2\n"
                                                         "flinkConfiguration:\n"
                                                         "  state.savepoints.dir: s3://x/sp\n"
                                                         "empty: {}\n"
                                                         "list: []\n"));
    QVERIFY(result.ok());
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "job": {"args": ["--a", "b"], "parallelism": 2},
        "flinkConfiguration": {"state.savepoints.dir": "s3://x/sp"},
        "empty": {}, "list": []})")
                                     .object();
    QCOMPARE(result->toObject(), expected);

    const auto empty = YamlReader::parse(QStringLiteral("# only a comment\n"));
    QVERIFY(empty.ok());
    QVERIFY(empty->isNull());
}

void TestYamlReader::syntaxError_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("unclosed flow") << QStringLiteral("a: 1\nb: [1, 2\nc: 3\n") << 3 << 2;
    QTest::newRow("bad indentation") << QStringLiteral("job:\n  parallelism: 1\n upgradeMode: savepoint\n") << 3 << 2;
    QTest::newRow("duplicate key") << QStringLiteral("a: 1\nb: 2\na: 3\n") << 3 << 1;
    QTest::newRow("mapping in a plain value") << QStringLiteral("x: 1\na: b: c\n") << 0 << 0;
    QTest::newRow("infinity") << QStringLiteral("a:\n  b: .inf\n") << 2 << 6;
    // Noncharacters, which the writer cannot write back (two keys differing only in one would come
    // back as one: found by fuzz_specyaml), typed or escaped, in a key or a value.
    QTest::newRow("U+FFFF in a key") << QStringLiteral("a: 1\nb\uffff: 2\n") << 2 << 1;
    QTest::newRow("U+FDD0 in a value") << QStringLiteral("a:\n  b: x\ufdd0\n") << 2 << 6;
    QTest::newRow("escaped U+1FFFE") << QStringLiteral("a: \"\\U0001FFFE\"\n") << 1 << 4;
}

void TestYamlReader::syntaxError()
{
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto result = YamlReader::parse(yaml);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().reason, QStringLiteral("YamlSyntax"));
    QVERIFY(!result.error().message.isEmpty());
    if (line > 0) {
        QCOMPARE(result.error().line, line);
        QCOMPARE(result.error().column, column);
    } else {
        QVERIFY(result.error().line > 0);
    }
}

void TestYamlReader::locations()
{
    const QString text = QStringLiteral("image: flink:1.20\n"
                                        "job:\n"
                                        "  upgradeMode: foo\n"
                                        "  args:\n"
                                        "    - --input\n"
                                        "    - x\n");
    const auto result = YamlReader::parseDocument(text);
    QVERIFY(result.ok());
    const YamlReader::Document &document = result.value();
    QCOMPARE(YamlReader::locate(document, QStringLiteral("image")), (YamlReader::Location{1, 8}));
    QCOMPARE(YamlReader::locate(document, QStringLiteral("job")), (YamlReader::Location{2, 1}));
    QCOMPARE(YamlReader::locate(document, QStringLiteral("job.upgradeMode")), (YamlReader::Location{3, 16}));
    QCOMPARE(YamlReader::locate(document, QStringLiteral("job.args[1]")), (YamlReader::Location{6, 7}));
    // A missing field points at the closest parent that exists.
    QCOMPARE(YamlReader::locate(document, QStringLiteral("job.jarURI")), (YamlReader::Location{2, 1}));
    QCOMPARE(YamlReader::locate(document, QStringLiteral("nothing.here")), (YamlReader::Location{1, 1}));
}

void TestYamlReader::roundTripWithWriter()
{
    const QJsonObject spec = QJsonDocument::fromJson(R"({
        "image": "flink:1.20", "flinkVersion": "v1_20",
        "flinkConfiguration": {"taskmanager.numberOfTaskSlots": "2", "x": "true", "y": "1.20", "z": ""},
        "job": {"args": ["--flag", "yes", "007"], "parallelism": 2, "state": "running"},
        "jobManager": {"resource": {"cpu": 0.5, "memory": "2048m"}},
        "nothing": null})")
                                 .object();
    const auto result = YamlReader::parse(YamlWriter::toYaml(spec));
    QVERIFY(result.ok());
    QCOMPARE(result->toObject(), spec);
}

void TestYamlReader::roundTripKeepsWholeNumbers()
{
    // Beyond 2^53 not every integer is a double, and beyond qint64 a double is no integer.
    const qint64 nonce = 9007199254740993;
    const qint64 low = std::numeric_limits<qint64>::min() + 1;
    const QJsonObject spec{{QStringLiteral("nonce"), nonce},
                           {QStringLiteral("low"), low},
                           {QStringLiteral("huge"), 1e20},
                           {QStringLiteral("whole"), 3.0},
                           {QStringLiteral("fraction"), -2.5}};
    const auto result = YamlReader::parse(YamlWriter::toYaml(spec));
    QVERIFY(result.ok());
    const QJsonObject read = result->toObject();
    QCOMPARE(read.value(QLatin1String("nonce")).toInteger(), nonce);
    QCOMPARE(read.value(QLatin1String("low")).toInteger(), low);
    QCOMPARE(read.value(QLatin1String("huge")).toDouble(), 1e20);
    QCOMPARE(read.value(QLatin1String("whole")).toDouble(), 3.0);
    QCOMPARE(read.value(QLatin1String("fraction")).toDouble(), -2.5);
}

void TestYamlReader::roundTripKeepsOddStrings()
{
    // A trailing CR or a C1 control in a plain scalar would be lost or rejected; an implicit key is
    // limited to 1024 characters; a document marker would end the document.
    const QJsonObject spec{{QStringLiteral("cr"), QStringLiteral("list\r")},
                           {QStringLiteral("nel"), QStringLiteral("a\u0085b")},
                           {QStringLiteral("bell"), QStringLiteral("\u0007")},
                           {QString(300, QChar(0x11)), QStringLiteral("long key")}};
    const auto result = YamlReader::parse(YamlWriter::toYaml(spec));
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->toObject(), spec);
    // Keys too: "--- r" at the start of a line would start a new document holding {r: …} (found by
    // fuzz_specyaml), and a key with a line break or one that reads as another type needs quotes.
    const QJsonObject oddKeys{{QStringLiteral("--- r"), QStringLiteral("-0--0--")},
                              {QStringLiteral("... k"), 1},
                              {QStringLiteral("a\rb"), 2},
                              {QStringLiteral("true"), 3},
                              {QString(), 4}};
    const auto keys = YamlReader::parse(YamlWriter::toYaml(oddKeys));
    QVERIFY2(keys.ok(), qPrintable(keys ? QString() : keys.error().toString()));
    QCOMPARE(keys->toObject(), oddKeys);
    // A document that is one string: "---" unquoted would start a new, empty document.
    for (const QString &marker : {QStringLiteral("---"), QStringLiteral("... end")}) {
        const auto scalar = YamlReader::parse(YamlWriter::toYaml(marker));
        QVERIFY(scalar.ok());
        QCOMPARE(scalar.value(), QJsonValue(marker));
    }
}

void TestYamlReader::refusesCyclicAndExplodingAliases()
{
    // An anchor containing an alias to itself: typed into the editor, it used to exhaust the stack.
    const auto cyclic = YamlReader::parse(QStringLiteral("a: &x\n  b: *x\n"));
    QVERIFY(!cyclic.ok());
    QCOMPARE(cyclic.error().reason, QStringLiteral("YamlSyntax"));
    // Nine levels of ten aliases each expand to 10^9 values.
    QString bomb = QStringLiteral("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; ++i)
        bomb += QStringLiteral("l%1: &l%1 [*l%2, *l%2, *l%2, *l%2, *l%2, *l%2, *l%2, *l%2, *l%2, *l%2]\n")
                    .arg(i)
                    .arg(i - 1);
    const auto exploding = YamlReader::parse(bomb);
    QVERIFY(!exploding.ok());
    QVERIFY2(exploding.error().message.contains(QLatin1String("aliases")), qPrintable(exploding.error().message));
}

QTEST_APPLESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
