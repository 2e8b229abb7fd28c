#include "flink/autoscalerstate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <limits>
#include <utility>

using namespace capstan;

Q_DECLARE_METATYPE(capstan::AutoscalerStateError::Reason)

namespace {

const QString kSource = QStringLiteral("bc764cd8ddf7a0cff126f51c16239658");
const QString kSink = QStringLiteral("0a448493b4782967b150582570326227");

// The operator's values, gzip-compressed and base64-encoded by Python's gzip module (not by the code
// under test). scalingHistory: the source scaled 1 → 2 → 4, the sink 1 → 2 with no metrics:
//   ---
//   bc764cd8ddf7a0cff126f51c16239658:
//     "2024-03-05T10:15:30.123456Z":
//       currentParallelism: 1
//       newParallelism: 2
//       metrics:
//         TRUE_PROCESSING_RATE: {current: 1200.0, average: 1183.5}   (block style in the data)
//         TARGET_DATA_RATE: {current: 2050.0, average: 2100.25}
//         LOAD: {current: 0.97, average: 0.93}
//         LAG: {current: 15000.0, average: NaN}
//         MAX_PARALLELISM: {current: 128.0, average: NaN}
//         SCALE_UP_RATE_THRESHOLD: {current: 1.5E7, average: NaN}
//     "2024-03-05T11:02:00Z": 2 → 4, LOAD {0.88, 0.86}
//   0a448493b4782967b150582570326227:
//     "2024-03-05T10:15:30.123456Z": 1 → 2
const char kHistory[]
    = "H4sIAAAAAAACA7WST2+CQBDF736KjXfI7OxfuG10gyaoBDBpeiErQmOCHtC2X7/UFhPT1Vuvb/b9MvPeBkEw2dVK8nqv9/tWOajblqJsBa2pRBZJ"
      "oeMJIVME5AGwAERJIaYiZhBSZFzI1+n3A0Lq975vTpfM9a7rmu5wPsaEXien5vNOxat6bC79oT7/mAkp862tsnwzs0WxXCdVbko7zm7wgYgAIdx0"
      "99H07q0ZdKpZKEaWyRNbVnNTmkccBOHlIB34OILSjZl7zBBG6q91UNnoM4lvdwH+5ddu/SuuzEuVmdykqU2XxcobgH6OKGYmtdU2u15elYvcFotN"
      "6juDhsKqR6i7xmkMGAM8qxq9VXNf1Q9T1dqXqpYTcJxrHrEdVxojqXZDlEKjUMBQIqp/+KJf2yNggBoDAAA=";
// scalingTracking: restartDuration 42.518000000 for the first scaling, {} for the second.
const char kTracking[]
    = "H4sIAAAAAAACA9PV1eUqTk7MycxLD0pNzi9KKbbiUlBQMjIwMtE1MNY1MA0xNLAyNLUyNtAzNDI2MTWLUgIpUFAoSi0uSSwqcSktSizJzM"
      "+zUjAx0jM1tDAAA3QjDK0MjKwMDIB6FapruQBWqNJNdAAAAA==";
// collectedMetrics: two windows, 11:00:00 and 11:00:10, of the source (LOAD, TRUE_PROCESSING_RATE, LAG).
const char kMetrics[]
    = "H4sIAAAAAAACA63OQQuCQBAF4Lu/"
      "YvC+MrPuqu1NSiSoDLVLF7FVwZOhawTRfy+poEPRJZjLPN6DjzFm2Ry5YOgylDmRQrzf3lYWwKnuTX1e16Zv9TAF"
      "AAfte0JXQVU1fom6aYh7jSRNHndnngweLYBVEi4UoBPQM8jTXVRs02QeZdlyExdpmEcKiEt08LUJ42kyvd1ojqNJS9N2g4LL9QOS/ogUP5AicOQ7"
      "kvgX5g0LgxpNUAEAAA==";
// Two gzip members: "---\nscalingRecords:\n" and one record with restartDuration 7.5.
const char kTwoMembers[]
    = "H4sIAAAAAAACA9PV1eUqTk7MycxLD0pNzi9KKbbiAgDqTMypFAAAAB+LCAAAAAAAAgNTUFAyMjAy0TUw1jUwDTE0sDI0tTI2iFKy4lIAgq"
      "LU4pLEohKX0qLEksz8PCsFcz1TLgAQ302tMwAAAA==";
// gzip of "{ this is: [not yaml\n".
const char kNotYaml[] = "H4sIAAAAAAACA6tWKMnILFbILLZSiM7LL1GoTMzN4QIA4ZY1oBUAAAA=";
// gzip of "---\n- a\n- b\n": YAML, but a list.
const char kSequence[] = "H4sIAAAAAAACA9PV1eXSVUgE4iQuACqHE2YMAAAA";
// gzip of a history keyed by a vertex name instead of a job vertex id.
const char kNotVertex[] = "H4sIAAAAAAACA9PV1eUqzi8tSk7VLUstKkmtsOJSUFAyMjAy0TUw1jUwDTE0sDI0tTI2iFICySgoJJcWFaXmlQQkFiXm"
                          "5KTmZBbnWikYcgEAJuKTjkcAAAA=";
// base64 of "currentParallelism is not gzip".
const char kNotGzip[] = "Y3VycmVudFBhcmFsbGVsaXNtIGlzIG5vdCBnemlw";
// kHistory cut in half.
const char kTruncated[]
    = "H4sIAAAAAAACA7WST2+CQBDF736KjXfI7OxfuG10gyaoBDBpeiErQmOCHtC2X7/UFhPT1Vuvb/b9MvPeBkEw2dVK8nqv9/tWOajblqJsBa2pRBZJ"
      "oeMJIVME5AGwAERJIaYiZhBSZFzI1+n3A0Lq975vTpfM9a7rmu5wPsaEXien5vNOxat6bC79oT7/mAkp862tsnwzs0WxXCdVbg==";
// kHistory with one byte of its CRC-32 flipped.
const char kBadChecksum[]
    = "H4sIAAAAAAACA7WST2+CQBDF736KjXfI7OxfuG10gyaoBDBpeiErQmOCHtC2X7/UFhPT1Vuvb/b9MvPeBkEw2dVK8nqv9/tWOajblqJsBa2pRBZJ"
      "oeMJIVME5AGwAERJIaYiZhBSZFzI1+n3A0Lq975vTpfM9a7rmu5wPsaEXien5vNOxat6bC79oT7/mAkp862tsnwzs0WxXCdVbko7zm7wgYgAIdx0"
      "99H07q0ZdKpZKEaWyRNbVnNTmkccBOHlIB34OILSjZl7zBBG6q91UNnoM4lvdwH+5ddu/SuuzEuVmdykqU2XxcobgH6OKGYmtdU2u15elYvcFotN"
      "6juDhsKqR6i7xmkMGAM8qxq9VXNf1Q9T1dqXqpYTcJxrHrEdVxojqXZDlEKjUMBQIqp/+KJf2yOfgBoDAAA=";

const char kConfigOverrides[] = "---\n"
                                "overrides:\n"
                                "  taskmanager.memory.process.size: \"4096m\"\n"
                                "  taskmanager.memory.managed.fraction: \"0.25\"\n"
                                "removals:\n"
                                "- \"taskmanager.memory.jvm-overhead.fraction\"\n";

const char kDelayedScaleDown[] = "---\n"
                                 "delayedVertices:\n"
                                 "  bc764cd8ddf7a0cff126f51c16239658:\n"
                                 "    firstTriggerTime: 1709636400.000000000\n"
                                 "    recommendedParallelisms:\n"
                                 "    - triggerTime: 1709636400.000000000\n"
                                 "      parallelism: 3\n"
                                 "      outsideUtilizationBound: false\n"
                                 "    - triggerTime: 1709636460.500000000\n"
                                 "      parallelism: 2\n"
                                 "      outsideUtilizationBound: true\n";

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QJsonObject realisticConfigMap()
{
    const QJsonObject data{
        {QStringLiteral("scalingHistory"), QString::fromLatin1(kHistory)},
        {QStringLiteral("scalingTracking"), QString::fromLatin1(kTracking)},
        {QStringLiteral("collectedMetrics"), QString::fromLatin1(kMetrics)},
        {QStringLiteral("parallelismOverrides"),
         QString(kSource + QStringLiteral(":4,") + kSink + QStringLiteral(":2"))},
        {QStringLiteral("configOverrides"), QString::fromLatin1(kConfigOverrides)},
        {QStringLiteral("delayedScaleDown"), QString::fromLatin1(kDelayedScaleDown)},
    };
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("autoscaler-orders")},
                     {QStringLiteral("namespace"), QStringLiteral("flink")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("component"), QStringLiteral("autoscaler")},
                                  {QStringLiteral("app"), QStringLiteral("orders")}}}}},
        {QStringLiteral("data"), data},
    };
}

QStringList errorStrings(const AutoscalerState &state)
{
    QStringList list;
    for (const AutoscalerStateError &e : state.errors)
        list.append(e.toString());
    return list;
}

} // namespace

class TestAutoscalerState : public QObject
{
    Q_OBJECT

private slots:
    void realistic();
    void plainOlderData();
    void unreadableKey_data();
    void unreadableKey();
    void zipBombIsRefused();
    void aliasBombStops();
    void oneBadKeyLeavesTheOthers();
    void emptyConfigMap();
    void parallelismOverrides_data();
    void parallelismOverrides();
    void roundTrip();
    void jacksonLayout();
    void encodeCompressedIsJavaGzip();
};

void TestAutoscalerState::realistic()
{
    const AutoscalerState state = AutoscalerState::fromConfigMap(realisticConfigMap());
    QVERIFY2(state.errors.isEmpty(), qPrintable(errorStrings(state).join(u'\n')));
    QVERIFY(state.warnings.isEmpty());
    QVERIFY(!state.isEmpty());
    QCOMPARE(state.vertexIds(), (QStringList{kSink, kSource}));

    // scalingHistory
    QCOMPARE(state.scalingHistory.size(), 2);
    const auto &source = state.scalingHistory.value(kSource);
    QCOMPARE(source.size(), 2);
    const QDateTime first = utc("2024-03-05T10:15:30.123Z");
    QCOMPARE(source.firstKey(), first);
    const AutoscalerScaling up = source.first();
    QCOMPARE(up.fromParallelism, 1);
    QCOMPARE(up.toParallelism, 2);
    QVERIFY(up.isScaleUp());
    QCOMPARE(up.metrics.size(), 6);
    QCOMPARE(up.metrics.value(QStringLiteral("TRUE_PROCESSING_RATE")).current, 1200.0);
    QCOMPARE(up.metrics.value(QStringLiteral("TRUE_PROCESSING_RATE")).average, 1183.5);
    QCOMPARE(up.metrics.value(QStringLiteral("TARGET_DATA_RATE")).average, 2100.25);
    QCOMPARE(up.metrics.value(QStringLiteral("LOAD")).current, 0.97);
    QCOMPARE(up.metrics.value(QStringLiteral("LAG")).current, 15000.0);
    QVERIFY(std::isnan(up.metrics.value(QStringLiteral("LAG")).average));
    QCOMPARE(up.metrics.value(QStringLiteral("MAX_PARALLELISM")).current, 128.0);
    QCOMPARE(up.metrics.value(QStringLiteral("SCALE_UP_RATE_THRESHOLD")).current, 1.5e7);
    QDateTime latestTime;
    const AutoscalerScaling *latest = state.latestScaling(kSource, &latestTime);
    QVERIFY(latest);
    QCOMPARE(latestTime, utc("2024-03-05T11:02:00Z"));
    QCOMPARE(latest->fromParallelism, 2);
    QCOMPARE(latest->toParallelism, 4);
    QCOMPARE(state.scalingHistory.value(kSink).first().metrics.size(), 0);
    QVERIFY(!state.latestScaling(QStringLiteral("ffffffffffffffffffffffffffffffff")));

    // scalingTracking
    QCOMPARE(state.scalingRecords.size(), 2);
    QCOMPARE(state.scalingRecords.firstKey(), first);
    QCOMPARE(state.scalingRecords.first().restartDurationMs, 42518LL);
    QCOMPARE(state.scalingRecords.first().restartMs(first), 42518LL);
    QCOMPARE(state.scalingRecords.last().restartMs(state.scalingRecords.lastKey()), -1LL);

    // collectedMetrics
    QCOMPARE(state.collectedMetrics.size(), 2);
    QCOMPARE(state.collectedMetrics.lastKey(), utc("2024-03-05T11:00:10Z"));
    const auto window = state.collectedMetrics.last().value(kSource);
    QCOMPARE(window.value(QStringLiteral("LOAD")), 0.84);
    QCOMPARE(window.value(QStringLiteral("TRUE_PROCESSING_RATE")), 1248.5);
    QCOMPARE(window.value(QStringLiteral("LAG")), 120.0);

    // the plain keys
    QCOMPARE(state.parallelismOverrides, (QMap<QString, int>{{kSource, 4}, {kSink, 2}}));
    QCOMPARE(state.configOverrides.value(QStringLiteral("taskmanager.memory.process.size")), QStringLiteral("4096m"));
    QCOMPARE(state.configOverrides.value(QStringLiteral("taskmanager.memory.managed.fraction")),
             QStringLiteral("0.25"));
    QCOMPARE(state.configRemovals, QStringList{QStringLiteral("taskmanager.memory.jvm-overhead.fraction")});
    QCOMPARE(state.delayedScaleDown.size(), 1);
    const AutoscalerDelayedScaleDown delayed = state.delayedScaleDown.value(kSource);
    QCOMPARE(delayed.firstTriggerTime, QDateTime::fromSecsSinceEpoch(1709636400, QTimeZone::utc()));
    QCOMPARE(delayed.recommendations.size(), 2);
    QCOMPARE(delayed.recommendations.at(1).triggerTime.toMSecsSinceEpoch(), 1709636460500LL);
    QVERIFY(delayed.recommendations.at(1).outsideUtilizationBound);
    QCOMPARE(delayed.maxRecommendedParallelism, 3);
}

// State written before the operator compressed it, and by 1.7 (endTime, maxRecommendedParallelism).
void TestAutoscalerState::plainOlderData()
{
    const QJsonObject data{
        {QStringLiteral("scalingHistory"),
         QStringLiteral("---\n%1:\n  \"2023-11-13T13:36:35.240245Z\":\n    currentParallelism: 4\n"
                        "    newParallelism: 2\n    metrics:\n      LOAD:\n        current: 0.2\n"
                        "        average: 0.25\n")
             .arg(kSource)},
        {QStringLiteral("scalingTracking"),
         QStringLiteral(
             "---\nscalingRecords:\n  \"2023-11-13T13:36:35.240245Z\":\n    endTime: 1699882655.740245000\n")},
        {QStringLiteral("delayedScaleDown"),
         QStringLiteral(
             "delayedVertices:\n  %1:\n    firstTriggerTime: 1699882595.0\n    maxRecommendedParallelism: 3\n")
             .arg(kSink)},
        {QStringLiteral("configOverrides"), QStringLiteral("taskmanager.memory.process.size: 2g\n")},
    };
    const AutoscalerState state = AutoscalerState::fromData(data);
    QVERIFY2(state.errors.isEmpty(), qPrintable(errorStrings(state).join(u'\n')));
    const AutoscalerScaling down = state.scalingHistory.value(kSource).first();
    QCOMPARE(down.fromParallelism, 4);
    QCOMPARE(down.toParallelism, 2);
    QVERIFY(!down.isScaleUp());
    QCOMPARE(down.metrics.value(QStringLiteral("LOAD")).average, 0.25);
    const QDateTime start = state.scalingRecords.firstKey();
    QCOMPARE(start, utc("2023-11-13T13:36:35.240Z"));
    QCOMPARE(state.scalingRecords.first().restartDurationMs, -1LL);
    QCOMPARE(state.scalingRecords.first().restartMs(start), 60500LL);
    QCOMPARE(state.delayedScaleDown.value(kSink).maxRecommendedParallelism, 3);
    QVERIFY(state.delayedScaleDown.value(kSink).recommendations.isEmpty());
    QCOMPARE(state.configOverrides.value(QStringLiteral("taskmanager.memory.process.size")), QStringLiteral("2g"));

    // Two gzip members, as Java's GZIPInputStream reads them.
    const AutoscalerState members
        = AutoscalerState::fromData(QJsonObject{{QStringLiteral("scalingTracking"), QString::fromLatin1(kTwoMembers)}});
    QVERIFY2(members.errors.isEmpty(), qPrintable(errorStrings(members).join(u'\n')));
    QCOMPARE(members.scalingRecords.size(), 1);
    QCOMPARE(members.scalingRecords.first().restartDurationMs, 7500LL);
}

void TestAutoscalerState::unreadableKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<AutoscalerStateError::Reason>("reason");
    QTest::addColumn<QString>("detail"); // part of the detail, or empty

    using R = AutoscalerStateError::Reason;
    const QString history = QStringLiteral("scalingHistory");
    QTest::newRow("bad base64") << history << QJsonValue(QStringLiteral("H4sI***not-base64***")) << R::NotBase64
                                << QString();
    QTest::newRow("not gzip") << history << QJsonValue(QString::fromLatin1(kNotGzip)) << R::NotGzip << QString();
    QTest::newRow("truncated gzip") << history << QJsonValue(QString::fromLatin1(kTruncated)) << R::Truncated
                                    << QString();
    QTest::newRow("bad checksum") << history << QJsonValue(QString::fromLatin1(kBadChecksum)) << R::Corrupt
                                  << QStringLiteral("check");
    QTest::newRow("gzip of non-YAML") << history << QJsonValue(QString::fromLatin1(kNotYaml)) << R::NotYaml
                                      << QStringLiteral("line ");
    QTest::newRow("gzip of a list") << history << QJsonValue(QString::fromLatin1(kSequence)) << R::UnknownFormat
                                    << QStringLiteral("not a mapping");
    QTest::newRow("vertex name, not id") << history << QJsonValue(QString::fromLatin1(kNotVertex)) << R::UnknownFormat
                                         << QStringLiteral("\"source-vertex\" is not a job vertex id");
    QTest::newRow("plain, wrong types")
        << history
        << QJsonValue(QStringLiteral("%1:\n  \"2024-03-05T10:15:30Z\":\n    currentParallelism: many\n").arg(kSource))
        << R::UnknownFormat << QStringLiteral("currentParallelism is not a whole number");
    QTest::newRow("bad time") << QStringLiteral("scalingTracking")
                              << QJsonValue(QStringLiteral("scalingRecords:\n  yesterday: {}\n")) << R::UnknownFormat
                              << QStringLiteral("yesterday");
    QTest::newRow("not text") << QStringLiteral("collectedMetrics") << QJsonValue(42) << R::NotText << QString();
    QTest::newRow("delayed, not YAML") << QStringLiteral("delayedScaleDown")
                                       << QJsonValue(QStringLiteral("delayedVertices: [unclosed")) << R::NotYaml
                                       << QString();
    QTest::newRow("config, nested") << QStringLiteral("configOverrides")
                                    << QJsonValue(QStringLiteral("overrides:\n  a:\n    b: c\n")) << R::UnknownFormat
                                    << QStringLiteral("not a single value");
}

void TestAutoscalerState::unreadableKey()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(AutoscalerStateError::Reason, reason);
    QFETCH(QString, detail);

    const AutoscalerState state = AutoscalerState::fromData(QJsonObject{{key, value}});
    QCOMPARE(state.errors.size(), 1);
    const AutoscalerStateError error = state.errors.first();
    QCOMPARE(error.key, key);
    QCOMPARE(error.reason, reason);
    QVERIFY2(error.detail.contains(detail), qPrintable(error.toString()));
    QVERIFY(error.toString().startsWith(key + QStringLiteral(": ") + AutoscalerStateError::describe(reason)));
    QVERIFY(state.isEmpty());
}

void TestAutoscalerState::zipBombIsRefused()
{
    const QByteArray bomb(AutoscalerState::kMaxDecompressedBytes + 1, ' ');
    const QByteArray encoded = AutoscalerState::encodeCompressed(bomb);
    QVERIFY(encoded.size() < 64 * 1024);
    const AutoscalerState state
        = AutoscalerState::fromData(QJsonObject{{QStringLiteral("collectedMetrics"), QString::fromLatin1(encoded)}});
    QCOMPARE(state.errors.size(), 1);
    QCOMPARE(state.errors.first().reason, AutoscalerStateError::Reason::TooLarge);
    QCOMPARE(state.errors.first().toString(), QStringLiteral("collectedMetrics: larger than 8 MiB decompressed"));

    // At the limit it is still read (and is blank YAML: no metrics).
    const AutoscalerState atLimit = AutoscalerState::fromData(QJsonObject{
        {QStringLiteral("collectedMetrics"),
         QString::fromLatin1(AutoscalerState::encodeCompressed(bomb.left(AutoscalerState::kMaxDecompressedBytes)))}});
    QVERIFY2(atLimit.errors.isEmpty(), qPrintable(errorStrings(atLimit).join(u'\n')));
}

// A few kilobytes of aliases describe billions of entries; reading stops early with an error.
void TestAutoscalerState::aliasBombStops()
{
    QByteArray yaml = "---\n";
    yaml += "\"00000000000000000000000000000000\": &v\n";
    for (int i = 0; i < 2000; ++i) {
        yaml += "  \""
            + QDateTime::fromSecsSinceEpoch(1700000000 + i, QTimeZone::utc())
                  .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"))
                  .toLatin1()
            + "\":";
        if (i == 0) {
            yaml += "\n    newParallelism: 2\n    metrics: &m\n";
            for (int m = 0; m < 1000; ++m)
                yaml += "      M" + QByteArray::number(m) + ": {current: 1.0}\n";
        } else {
            yaml += " {metrics: *m}\n";
        }
    }
    for (int v = 1; v < 2000; ++v)
        yaml += "\"" + QByteArray::number(v).rightJustified(32, '0') + "\": *v\n";

    QElapsedTimer timer;
    timer.start();
    const AutoscalerState state = AutoscalerState::fromData(
        QJsonObject{{QStringLiteral("scalingHistory"), QString::fromLatin1(AutoscalerState::encodeCompressed(yaml))}});
    QCOMPARE(state.errors.size(), 1);
    QCOMPARE(state.errors.first().reason, AutoscalerStateError::Reason::UnknownFormat);
    QVERIFY2(state.errors.first().detail.contains(QStringLiteral("aliases")), qPrintable(state.errors.first().detail));
    QVERIFY(state.scalingHistory.isEmpty());
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
}

void TestAutoscalerState::oneBadKeyLeavesTheOthers()
{
    QJsonObject configMap = realisticConfigMap();
    QJsonObject data = configMap.value(QStringLiteral("data")).toObject();
    data.insert(QStringLiteral("scalingTracking"), QString::fromLatin1(kTruncated));
    data.insert(QStringLiteral("parallelismOverrides"), QStringLiteral("garbage"));
    configMap.insert(QStringLiteral("data"), data);

    const AutoscalerState state = AutoscalerState::fromConfigMap(configMap);
    QCOMPARE(
        errorStrings(state),
        (QStringList{QStringLiteral("scalingTracking: truncated gzip data"),
                     QStringLiteral("parallelismOverrides: unknown format: \"garbage\" is not vertexId:parallelism")}));
    QVERIFY(state.scalingRecords.isEmpty());
    QVERIFY(state.parallelismOverrides.isEmpty());
    QCOMPARE(state.scalingHistory.size(), 2);
    QCOMPARE(state.collectedMetrics.size(), 2);
    QCOMPARE(state.delayedScaleDown.size(), 1);
}

void TestAutoscalerState::emptyConfigMap()
{
    for (const QJsonObject &configMap :
         {QJsonObject{}, QJsonObject{{QStringLiteral("data"), QJsonObject{}}},
          QJsonObject{{QStringLiteral("data"),
                       QJsonObject{{QStringLiteral("scalingHistory"), QString()},
                                   {QStringLiteral("parallelismOverrides"), QString()},
                                   {QStringLiteral("configOverrides"), QStringLiteral("")},
                                   {QStringLiteral("unknownLaterKey"), QStringLiteral("x")}}}},
          QJsonObject{
              {QStringLiteral("data"),
               QJsonObject{{QStringLiteral("scalingHistory"), QStringLiteral("--- {}\n")},
                           {QStringLiteral("scalingTracking"),
                            QString::fromLatin1(AutoscalerState::encodeCompressed("---\nscalingRecords: {}\n"))}}}}}) {
        const AutoscalerState state = AutoscalerState::fromConfigMap(configMap);
        QVERIFY2(state.errors.isEmpty(), qPrintable(errorStrings(state).join(u'\n')));
        QVERIFY(state.isEmpty());
        QVERIFY(state.vertexIds().isEmpty());
        QVERIFY(state.toConfigMapData().isEmpty());
    }
}

void TestAutoscalerState::parallelismOverrides_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected"); // "vertex=parallelism", sorted
    QTest::addColumn<int>("warnings");
    QTest::addColumn<bool>("readable");

    QTest::newRow("operator's") << QStringLiteral("a1:4,b2:12")
                                << QStringList{QStringLiteral("a1=4"), QStringLiteral("b2=12")} << 0 << true;
    QTest::newRow("spaces") << QStringLiteral(" a1 : 4 ,  b2:12 ")
                            << QStringList{QStringLiteral("a1=4"), QStringLiteral("b2=12")} << 0 << true;
    QTest::newRow("garbage values") << QStringLiteral("a1:4,b2:abc,c3:-1,d4:0,e5:2.5,f6:99999999999")
                                    << QStringList{QStringLiteral("a1=4")} << 5 << true;
    QTest::newRow("quoted") << QStringLiteral("'''a:b'':3',c:5")
                            << QStringList{QStringLiteral("a:b=3"), QStringLiteral("c=5")} << 0 << true;
    QTest::newRow("no pair") << QStringLiteral("a1:4,garbage") << QStringList{} << 0 << false;
    QTest::newRow("three parts") << QStringLiteral("a1:4:5") << QStringList{} << 0 << false;
    QTest::newRow("open quote") << QStringLiteral("'a1:4") << QStringList{} << 0 << false;
    QTest::newRow("quote inside") << QStringLiteral("a'1:4") << QStringList{} << 0 << false;
    QTest::newRow("empty entry") << QStringLiteral("a1:4,,b2:3") << QStringList{} << 0 << false;
}

void TestAutoscalerState::parallelismOverrides()
{
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    QFETCH(int, warnings);
    QFETCH(bool, readable);

    const AutoscalerState state
        = AutoscalerState::fromData(QJsonObject{{QStringLiteral("parallelismOverrides"), value}});
    QStringList got;
    for (auto it = state.parallelismOverrides.cbegin(); it != state.parallelismOverrides.cend(); ++it)
        got.append(it.key() + QLatin1Char('=') + QString::number(it.value()));
    QCOMPARE(got, expected);
    QCOMPARE(state.warnings.size(), warnings);
    for (const QString &w : state.warnings)
        QVERIFY2(w.startsWith(QStringLiteral("parallelismOverrides: ")), qPrintable(w));
    QCOMPARE(state.errors.isEmpty(), readable);
    if (!readable)
        QCOMPARE(state.errors.first().key, QStringLiteral("parallelismOverrides"));
}

void TestAutoscalerState::roundTrip()
{
    AutoscalerState state;
    const QDateTime t0 = utc("2024-03-05T10:15:30.120Z");
    const QDateTime t1 = utc("2024-03-05T11:02:00Z");
    AutoscalerScaling up;
    up.fromParallelism = 1;
    up.toParallelism = 3;
    up.metrics.insert(QStringLiteral("TRUE_PROCESSING_RATE"), {1200.0, 1183.5});
    up.metrics.insert(QStringLiteral("LAG"), {2.5e7, std::nan("")});
    up.metrics.insert(QStringLiteral("LOAD"), {0.001, -0.0});
    up.metrics.insert(QStringLiteral("ODD \"name\": yes"), {std::numeric_limits<double>::infinity(), 1e-9});
    state.scalingHistory[kSource].insert(t0, up);
    state.scalingHistory[kSink].insert(t1, AutoscalerScaling{3, 1, {}});
    state.scalingRecords.insert(t0, AutoscalerScalingRecord{{}, 42518});
    state.scalingRecords.insert(t1, AutoscalerScalingRecord{});
    state.collectedMetrics[t1][kSource].insert(QStringLiteral("LOAD"), 0.5);
    state.parallelismOverrides = {{kSource, 3}, {kSink, 1}, {QStringLiteral("odd:key,'x'"), 7}};
    state.configOverrides = {{QStringLiteral("taskmanager.memory.process.size"), QStringLiteral("4096m")},
                             {QStringLiteral("yes"), QStringLiteral("line\nbreak \"quoted\" \\ tab\t ü")},
                             // too long for an implicit YAML key: written as "? key"
                             {QString(1200, u'k'), QStringLiteral("long")}};
    state.configRemovals = {QStringLiteral("taskmanager.memory.jvm-overhead.fraction")};
    AutoscalerDelayedScaleDown delayed;
    delayed.firstTriggerTime = t0;
    delayed.recommendations.append({t0, 2, false});
    delayed.recommendations.append({t1, 1, true});
    delayed.maxRecommendedParallelism = 2;
    state.delayedScaleDown.insert(kSink, delayed);

    const QJsonObject configMap
        = state.toConfigMap(QStringLiteral("orders"), QStringLiteral("flink"), QStringLiteral("uid-1"));
    const QJsonObject metadata = configMap.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("name")).toString(), QStringLiteral("autoscaler-orders"));
    QCOMPARE(metadata.value(QStringLiteral("namespace")).toString(), QStringLiteral("flink"));
    QCOMPARE(metadata.value(QStringLiteral("labels")).toObject(),
             (QJsonObject{{QStringLiteral("component"), QStringLiteral("autoscaler")},
                          {QStringLiteral("app"), QStringLiteral("orders")}}));
    const QJsonObject owner = metadata.value(QStringLiteral("ownerReferences")).toArray().first().toObject();
    QCOMPARE(owner.value(QStringLiteral("kind")).toString(), QStringLiteral("FlinkDeployment"));
    QCOMPARE(owner.value(QStringLiteral("uid")).toString(), QStringLiteral("uid-1"));
    const QJsonObject data = configMap.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.keys(),
             (QStringList{QStringLiteral("collectedMetrics"), QStringLiteral("configOverrides"),
                          QStringLiteral("delayedScaleDown"), QStringLiteral("parallelismOverrides"),
                          QStringLiteral("scalingHistory"), QStringLiteral("scalingTracking")}));
    QVERIFY(data.value(QStringLiteral("scalingHistory")).toString().startsWith(QStringLiteral("H4sI")));

    const AutoscalerState back = AutoscalerState::fromConfigMap(configMap);
    QVERIFY2(back.errors.isEmpty(), qPrintable(errorStrings(back).join(u'\n')));
    QVERIFY(back.warnings.isEmpty());
    QCOMPARE(back.scalingHistory.keys(), state.scalingHistory.keys());
    const AutoscalerScaling upBack = back.scalingHistory.value(kSource).value(t0);
    QCOMPARE(upBack.toParallelism, 3);
    QCOMPARE(upBack.metrics.keys(), up.metrics.keys());
    for (auto it = up.metrics.cbegin(); it != up.metrics.cend(); ++it) {
        const AutoscalerMetricValue got = upBack.metrics.value(it.key());
        for (const auto &[a, b] : {std::pair{got.current, it->current}, std::pair{got.average, it->average}}) {
            QVERIFY2(std::isnan(a) ? std::isnan(b) : (a == b && std::signbit(a) == std::signbit(b)),
                     qPrintable(it.key() + QStringLiteral(": %1 != %2").arg(a).arg(b)));
        }
    }
    QCOMPARE(back.scalingHistory.value(kSink).value(t1).fromParallelism, 3);
    QCOMPARE(back.scalingRecords.value(t0).restartDurationMs, 42518LL);
    QCOMPARE(back.scalingRecords.value(t1).restartDurationMs, -1LL);
    QCOMPARE(back.collectedMetrics, state.collectedMetrics);
    QCOMPARE(back.parallelismOverrides, state.parallelismOverrides);
    QCOMPARE(back.configOverrides, state.configOverrides);
    QCOMPARE(back.configRemovals, state.configRemovals);
    const AutoscalerDelayedScaleDown delayedBack = back.delayedScaleDown.value(kSink);
    QCOMPARE(delayedBack.firstTriggerTime, t0);
    QCOMPARE(delayedBack.recommendations.size(), 2);
    QCOMPARE(delayedBack.recommendations.at(1).triggerTime, t1);
    QVERIFY(delayedBack.recommendations.at(1).outsideUtilizationBound);
    QCOMPARE(delayedBack.maxRecommendedParallelism, 2);
}

// What the operator's Jackson YAML mapper writes, byte for byte for these values.
void TestAutoscalerState::jacksonLayout()
{
    AutoscalerState state;
    AutoscalerScaling up{1, 2, {}};
    up.metrics.insert(QStringLiteral("LAG"), {1.5e7, std::nan("")});
    up.metrics.insert(QStringLiteral("LOAD"), {0.97, 0.93});
    state.scalingHistory[kSource].insert(utc("2024-03-05T10:15:30.123Z"), up);
    QCOMPARE(state.scalingHistoryYaml(),
             QByteArray("---\n"
                        "bc764cd8ddf7a0cff126f51c16239658:\n"
                        "  \"2024-03-05T10:15:30.123Z\":\n"
                        "    currentParallelism: 1\n"
                        "    newParallelism: 2\n"
                        "    metrics:\n"
                        "      LAG:\n"
                        "        current: 1.5E7\n"
                        "        average: NaN\n"
                        "      LOAD:\n"
                        "        current: 0.97\n"
                        "        average: 0.93\n"));
    state.scalingRecords.insert(utc("2024-03-05T10:15:30Z"), AutoscalerScalingRecord{{}, 42518});
    QCOMPARE(state.scalingTrackingYaml(),
             QByteArray("---\n"
                        "scalingRecords:\n"
                        "  \"2024-03-05T10:15:30Z\":\n"
                        "    restartDuration: 42.518000000\n"));
    state.parallelismOverrides = {{kSource, 4}, {kSink, 2}};
    QCOMPARE(state.parallelismOverridesText(), kSink + QStringLiteral(":2,") + kSource + QStringLiteral(":4"));
    state.configOverrides = {{QStringLiteral("taskmanager.memory.process.size"), QStringLiteral("4096m")}};
    QCOMPARE(state.configOverridesYaml(),
             QByteArray("---\n"
                        "overrides:\n"
                        "  taskmanager.memory.process.size: \"4096m\"\n"
                        "removals: []\n"));
    QCOMPARE(AutoscalerState().scalingHistoryYaml(), QByteArray("--- {}\n"));
}

void TestAutoscalerState::encodeCompressedIsJavaGzip()
{
    const QByteArray yaml = "---\nscalingRecords: {}\n";
    const QByteArray gzip = QByteArray::fromBase64(AutoscalerState::encodeCompressed(yaml));
    // GZIPOutputStream's header: magic, deflate, no flags, no time, no extra flags, OS 0.
    QCOMPARE(gzip.left(10).toHex(), QByteArray("1f8b0800000000000000"));
    // The trailer holds the length of the YAML.
    const QByteArray size = gzip.right(4);
    QCOMPARE(int(uchar(size.at(0))) | int(uchar(size.at(1))) << 8, int(yaml.size()));
}

QTEST_APPLESS_MAIN(TestAutoscalerState)
#include "tst_autoscalerstate.moc"
