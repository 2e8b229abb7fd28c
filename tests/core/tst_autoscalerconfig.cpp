#include "flink/autoscalerconfig.h"
#include "flink/deployment.h"

#include <QJsonDocument>
#include <QTest>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

class TestAutoscalerConfig : public QObject
{
    Q_OBJECT

private slots:
    void modes_data();
    void modes();
    void legacySpellingIsReadAndKept();
    void durations_data();
    void durations();
    void excludedPeriods();
    void deploymentCarriesTheMode();
};

void TestAutoscalerConfig::modes_data()
{
    QTest::addColumn<QString>("conf");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("configured");
    QTest::newRow("nothing") << "{}" << int(AutoscalerConfig::Mode::Off) << false;
    QTest::newRow("other keys") << R"({"state.backend.type":"rocksdb"})" << int(AutoscalerConfig::Mode::Off) << false;
    QTest::newRow("disabled but tuned")
        << R"({"job.autoscaler.enabled":"false","job.autoscaler.target.utilization":"0.6"})"
        << int(AutoscalerConfig::Mode::Off) << true;
    QTest::newRow("active") << R"({"job.autoscaler.enabled":"true"})" << int(AutoscalerConfig::Mode::Active) << true;
    QTest::newRow("case") << R"({"job.autoscaler.enabled":"TRUE"})" << int(AutoscalerConfig::Mode::Active) << true;
    QTest::newRow("boolean") << R"({"job.autoscaler.enabled":true})" << int(AutoscalerConfig::Mode::Active) << true;
    QTest::newRow("advisory") << R"({"job.autoscaler.enabled":"true","job.autoscaler.scaling.enabled":"false"})"
                              << int(AutoscalerConfig::Mode::Advisory) << true;
    QTest::newRow("legacy advisory") << R"({"kubernetes.operator.job.autoscaler.enabled":"true",
              "kubernetes.operator.job.autoscaler.scaling.enabled":"false"})"
                                     << int(AutoscalerConfig::Mode::Advisory) << true;
    // The new spelling wins over the legacy one, as the operator's fallback keys do.
    QTest::newRow("new wins") << R"({"job.autoscaler.enabled":"false",
                                     "kubernetes.operator.job.autoscaler.enabled":"true"})"
                              << int(AutoscalerConfig::Mode::Off) << true;
}

void TestAutoscalerConfig::modes()
{
    QFETCH(QString, conf);
    QFETCH(int, mode);
    QFETCH(bool, configured);
    const AutoscalerConfig config
        = AutoscalerConfig::fromFlinkConfiguration(QJsonDocument::fromJson(conf.toUtf8()).object());
    QCOMPARE(int(config.mode()), mode);
    QCOMPARE(config.configured(), configured);
}

void TestAutoscalerConfig::legacySpellingIsReadAndKept()
{
    const AutoscalerConfig config
        = AutoscalerConfig::fromFlinkConfiguration({{u"kubernetes.operator.job.autoscaler.enabled"_s, u"true"_s},
                                                    {u"job.autoscaler.target.utilization"_s, u"0.5"_s}});
    QCOMPARE(config.keyFor(u"enabled"_s), u"kubernetes.operator.job.autoscaler.enabled"_s);
    QCOMPARE(config.keyFor(u"target.utilization"_s), u"job.autoscaler.target.utilization"_s);
    QCOMPARE(config.keyFor(u"scaling.enabled"_s), u"job.autoscaler.scaling.enabled"_s);
    QCOMPARE(config.targetUtilization(), 0.5);
    QCOMPARE(config.utilizationBoundary(), 0.3);
}

void TestAutoscalerConfig::durations_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("unset") << QString() << qint64(-1);
    QTest::newRow("plain ms") << u"1500"_s << qint64(1500);
    QTest::newRow("seconds") << u"30s"_s << qint64(30000);
    QTest::newRow("minutes") << u"5 min"_s << qint64(300000);
    QTest::newRow("m") << u"10m"_s << qint64(600000);
    QTest::newRow("ms unit") << u"250 ms"_s << qint64(250);
    QTest::newRow("hours") << u"1h"_s << qint64(3600000);
    QTest::newRow("iso") << u"PT15M"_s << qint64(900000);
    QTest::newRow("iso mixed") << u"PT1H30S"_s << qint64(3630000);
    QTest::newRow("unreadable") << u"soon"_s << qint64(-1);
}

void TestAutoscalerConfig::durations()
{
    QFETCH(QString, value);
    QFETCH(qint64, ms);
    QJsonObject conf;
    if (!value.isNull())
        conf.insert(u"job.autoscaler.metrics.window"_s, value);
    QCOMPARE(AutoscalerConfig::fromFlinkConfiguration(conf).durationMs(u"metrics.window"_s, -1), ms);
}

void TestAutoscalerConfig::excludedPeriods()
{
    const AutoscalerConfig config = AutoscalerConfig::fromFlinkConfiguration(
        {{u"job.autoscaler.excluded.periods"_s, u"9:30-10:50; 22:00-02:00"_s}});
    const auto at = [](int h, int m) { return QDateTime(QDate(2026, 3, 5), QTime(h, m), Qt::UTC); };
    QCOMPARE(config.excludedPeriods(), (QStringList{u"9:30-10:50"_s, u"22:00-02:00"_s}));
    QVERIFY(config.excludedPeriodsUnderstood());
    QVERIFY(config.inExcludedPeriod(at(9, 30)));
    QVERIFY(!config.inExcludedPeriod(at(10, 50)));
    QVERIFY(config.inExcludedPeriod(at(23, 0)));
    QVERIFY(config.inExcludedPeriod(at(1, 59)));
    QVERIFY(!config.inExcludedPeriod(at(12, 0)));

    const AutoscalerConfig cron
        = AutoscalerConfig::fromFlinkConfiguration({{u"job.autoscaler.excluded.periods"_s, u"* * 9-11 ? * MON-FRI"_s}});
    QVERIFY(!cron.excludedPeriodsUnderstood());
    QVERIFY(!cron.inExcludedPeriod(at(10, 0)));
}

void TestAutoscalerConfig::deploymentCarriesTheMode()
{
    const QJsonObject advisory{
        {u"metadata"_s, QJsonObject{{u"name"_s, u"a"_s}, {u"namespace"_s, u"n"_s}, {u"uid"_s, u"u"_s}}},
        {u"spec"_s,
         QJsonObject{{u"job"_s, QJsonObject{{u"jarURI"_s, u"local:///x.jar"_s}}},
                     {u"flinkConfiguration"_s,
                      QJsonObject{{u"job.autoscaler.enabled"_s, u"true"_s},
                                  {u"job.autoscaler.scaling.enabled"_s, u"false"_s}}}}}};
    const Deployment d = Deployment::fromJson(advisory);
    QCOMPARE(int(d.autoscaler), int(AutoscalerConfig::Mode::Advisory));
    QVERIFY(d.autoscalerConfigured);

    // A session cluster runs no job of its own: nothing for its autoscaler to scale.
    QJsonObject session = advisory;
    QJsonObject spec = session.value(u"spec"_s).toObject();
    spec.remove(u"job"_s);
    session.insert(u"spec"_s, spec);
    QCOMPARE(int(Deployment::fromJson(session).autoscaler), int(AutoscalerConfig::Mode::Off));
}

QTEST_APPLESS_MAIN(TestAutoscalerConfig)
#include "tst_autoscalerconfig.moc"
