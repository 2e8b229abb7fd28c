// SpecDiff: leaf diffs and the operator's change classes (merge patches: tst_jsontools).

#include "flink/specdiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;

Q_DECLARE_METATYPE(capstan::ChangeClass)

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return o;
}

const char *const kBase = R"({
  "image": "flink:1.20", "flinkVersion": "v1_20", "restartNonce": 3,
  "flinkConfiguration": {"state.savepoints.dir": "s3:sp", "taskmanager.numberOfTaskSlots": "2",
                         "kubernetes.operator.periodic.savepoint.interval": "10m"},
  "jobManager": {"resource": {"cpu": 1, "memory": "2048m"}},
  "taskManager": {"replicas": 1, "resource": {"cpu": 1, "memory": "2048m"}},
  "job": {"jarURI": "local:a.jar", "parallelism": 1, "upgradeMode": "savepoint", "state": "running",
          "args": ["--window", "5m"], "savepointRedeployNonce": 1}
})";

QJsonObject edited(const std::function<void(QJsonObject &spec, QJsonObject &job)> &edit)
{
    QJsonObject spec = json(kBase);
    QJsonObject job = spec.value(QLatin1String("job")).toObject();
    edit(spec, job);
    spec.insert(QStringLiteral("job"), job);
    return spec;
}

} // namespace

class TestSpecDiff : public QObject
{
    Q_OBJECT

private slots:
    void diffListsSortedLeaves();
    void diffOfAddedAndRemovedMaps();
    void classify_data();
    void classify();
};

void TestSpecDiff::diffListsSortedLeaves()
{
    const QJsonObject after = edited([](QJsonObject &spec, QJsonObject &job) {
        job.insert(QStringLiteral("parallelism"), 2);
        job.insert(QStringLiteral("args"), QJsonArray{QStringLiteral("--window"), QStringLiteral("10m")});
        QJsonObject conf = spec.value(QLatin1String("flinkConfiguration")).toObject();
        conf.insert(QStringLiteral("state.checkpoints.dir"), QStringLiteral("s3://cp"));
        conf.remove(QStringLiteral("taskmanager.numberOfTaskSlots"));
        spec.insert(QStringLiteral("flinkConfiguration"), conf);
        spec.remove(QStringLiteral("image"));
    });
    const QList<SpecChange> changes = SpecDiff::diff(json(kBase), after);
    QStringList paths;
    for (const SpecChange &c : changes)
        paths << c.path;
    QCOMPARE(paths,
             (QStringList{QStringLiteral("flinkConfiguration.\"state.checkpoints.dir\""),
                          QStringLiteral("flinkConfiguration.\"taskmanager.numberOfTaskSlots\""),
                          QStringLiteral("image"), QStringLiteral("job.args"), QStringLiteral("job.parallelism")}));
    QVERIFY(changes.at(0).before.isUndefined());
    QCOMPARE(changes.at(0).after.toString(), QStringLiteral("s3://cp"));
    QCOMPARE(changes.at(1).before.toString(), QStringLiteral("2"));
    QVERIFY(changes.at(1).after.isUndefined());
    QCOMPARE(changes.at(3).after.toArray().at(1).toString(), QStringLiteral("10m"));
    QCOMPARE(changes.at(4).before.toInt(), 1);
    QCOMPARE(changes.at(4).after.toInt(), 2);
    QVERIFY(SpecDiff::diff(json(kBase), json(kBase)).isEmpty());
}

void TestSpecDiff::diffOfAddedAndRemovedMaps()
{
    const QList<SpecChange> changes = SpecDiff::diff(json(R"({"a": {"x": 1}})"), json(R"({"b": {"y": {"z": true}}})"));
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).path, QStringLiteral("a.x"));
    QVERIFY(changes.at(0).after.isUndefined());
    QCOMPARE(changes.at(1).path, QStringLiteral("b.y.z"));
    QVERIFY(changes.at(1).before.isUndefined());
}

void TestSpecDiff::classify_data()
{
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<ChangeClass>("expected");
    using Edit = std::function<void(QJsonObject &, QJsonObject &)>;
    const auto row = [](const char *name, const Edit &edit, ChangeClass expected) {
        QTest::newRow(name) << edited(edit) << expected;
    };
    const auto conf = [](QJsonObject &spec, const char *key, const QJsonValue &value) {
        QJsonObject c = spec.value(QLatin1String("flinkConfiguration")).toObject();
        c.insert(QLatin1String(key), value);
        spec.insert(QStringLiteral("flinkConfiguration"), c);
    };
    row(
        "nothing", [](QJsonObject &, QJsonObject &) {}, ChangeClass::None);
    row(
        "upgradeMode",
        [](QJsonObject &, QJsonObject &job) {
            job.insert(QStringLiteral("upgradeMode"), QStringLiteral("last-state"));
        },
        ChangeClass::Ignore);
    row(
        "operator config and allowNonRestoredState",
        [&conf](QJsonObject &spec, QJsonObject &job) {
            conf(spec, "kubernetes.operator.periodic.savepoint.interval", QStringLiteral("1h"));
            conf(spec, "job.autoscaler.enabled", QStringLiteral("true"));
            job.insert(QStringLiteral("allowNonRestoredState"), true);
        },
        ChangeClass::Ignore);
    row(
        "initialSavepointPath only",
        [](QJsonObject &, QJsonObject &job) {
            job.insert(QStringLiteral("initialSavepointPath"), QStringLiteral("s3://x"));
        },
        ChangeClass::Ignore);
    row(
        "parallelism", [](QJsonObject &, QJsonObject &job) { job.insert(QStringLiteral("parallelism"), 2); },
        ChangeClass::Scale);
    row(
        "replicas and parallelism",
        [](QJsonObject &spec, QJsonObject &job) {
            job.insert(QStringLiteral("parallelism"), 4);
            spec.insert(
                QStringLiteral("taskManager"),
                QJsonObject{{QStringLiteral("replicas"), 2},
                            {QStringLiteral("resource"),
                             spec.value(QLatin1String("taskManager")).toObject().value(QLatin1String("resource"))}});
        },
        ChangeClass::Scale);
    row(
        "parallelism with upgradeMode",
        [](QJsonObject &, QJsonObject &job) {
            job.insert(QStringLiteral("parallelism"), 2);
            job.insert(QStringLiteral("upgradeMode"), QStringLiteral("stateless"));
        },
        ChangeClass::Scale);
    row(
        "restartNonce", [](QJsonObject &spec, QJsonObject &) { spec.insert(QStringLiteral("restartNonce"), 4); },
        ChangeClass::Restart);
    row(
        "job.state",
        [](QJsonObject &, QJsonObject &job) { job.insert(QStringLiteral("state"), QStringLiteral("suspended")); },
        ChangeClass::StateChange);
    row(
        "suspend last-state",
        [](QJsonObject &, QJsonObject &job) {
            job.insert(QStringLiteral("state"), QStringLiteral("suspended"));
            job.insert(QStringLiteral("upgradeMode"), QStringLiteral("last-state"));
        },
        ChangeClass::StateChange);
    row(
        "args", [](QJsonObject &, QJsonObject &job) { job.insert(QStringLiteral("args"), QJsonArray{}); },
        ChangeClass::Upgrade);
    row(
        "flink configuration",
        [&conf](QJsonObject &spec, QJsonObject &) { conf(spec, "state.checkpoints.dir", QStringLiteral("s3://cp")); },
        ChangeClass::Upgrade);
    row(
        "parallelism and image",
        [](QJsonObject &spec, QJsonObject &job) {
            job.insert(QStringLiteral("parallelism"), 2);
            spec.insert(QStringLiteral("image"), QStringLiteral("flink:1.19"));
        },
        ChangeClass::Upgrade);
    row(
        "restartNonce and parallelism",
        [](QJsonObject &spec, QJsonObject &job) {
            spec.insert(QStringLiteral("restartNonce"), 4);
            job.insert(QStringLiteral("parallelism"), 2);
        },
        ChangeClass::Upgrade);
    row(
        "savepoint redeploy",
        [](QJsonObject &, QJsonObject &job) {
            job.insert(QStringLiteral("savepointRedeployNonce"), 2);
            job.insert(QStringLiteral("initialSavepointPath"), QStringLiteral("s3://sp/savepoint-1"));
        },
        ChangeClass::SavepointRedeploy);
    row(
        "savepoint redeploy with spec changes",
        [](QJsonObject &, QJsonObject &job) {
            job.insert(QStringLiteral("savepointRedeployNonce"), 2);
            job.insert(QStringLiteral("initialSavepointPath"), QStringLiteral("s3://sp/savepoint-1"));
            job.insert(QStringLiteral("parallelism"), 3);
            job.insert(QStringLiteral("args"), QJsonArray{});
        },
        ChangeClass::SavepointRedeploy);
    row(
        "redeploy nonce without path",
        [](QJsonObject &, QJsonObject &job) { job.insert(QStringLiteral("savepointRedeployNonce"), 2); },
        ChangeClass::Upgrade);
}

void TestSpecDiff::classify()
{
    QFETCH(QJsonObject, after);
    QFETCH(ChangeClass, expected);
    QCOMPARE(SpecDiff::classify(json(kBase), after), expected);
}

QTEST_APPLESS_MAIN(TestSpecDiff)
#include "tst_specdiff.moc"
