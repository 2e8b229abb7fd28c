// Parsing of the values the deployment page shows: snapshots from each source, JobManager
// exceptions, the restore source per upgrade mode, YAML rendering and the local history store.

#include "flink/jobmanagerinfo.h"
#include "flink/restoresource.h"
#include "flink/snapshot.h"
#include "flink/yamlwriter.h"
#include "session/historystore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

namespace {
QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestFlinkValues : public QObject
{
    Q_OBJECT

private slots:
    void snapshotFromResource();
    void checkpointFromJobManager();
    void legacySavepointHistory();
    void exceptionsRootCauseFirst();
    void restoreSource_data();
    void restoreSource();
    void yamlKeepsStringsStrings();
    void historyStoreOutlivesRestart();
};

void TestFlinkValues::snapshotFromResource()
{
    const Snapshot s = Snapshot::fromResource(
        json(R"json({"metadata":{"name":"github-analytics-savepoint-upgrade-1790000000000","uid":"s1",
        "labels":{"snapshot.type":"SAVEPOINT","snapshot.trigger-type":"UPGRADE","job-reference.name":"github-analytics"}},
        "spec":{"savepoint":{"alreadyExists":true},"jobReference":{"kind":"FlinkDeployment","name":"github-analytics"}},
        "status":{"state":"COMPLETED","path":"s3://sp/savepoint-1a2b3c-4d5e6f7a8b9c","resultTimestamp":"2026-11-24T10:00:05Z"}})json"));
    QCOMPARE(s.key, QStringLiteral("s1"));
    QCOMPARE(s.type, QStringLiteral("SAVEPOINT"));
    QCOMPARE(s.trigger, QStringLiteral("UPGRADE"));
    QVERIFY(s.isCompleted());
    QCOMPARE(s.path, QStringLiteral("s3://sp/savepoint-1a2b3c-4d5e6f7a8b9c"));
    QCOMPARE(s.time, QDateTime(QDate(2026, 11, 24), QTime(10, 0, 5), Qt::UTC));
}

void TestFlinkValues::checkpointFromJobManager()
{
    const auto list = Snapshot::fromCheckpointStats(
        json(
            R"json({"counts":{"completed":42},"latest":{"completed":{"id":42,"external_path":"s3://cp/chk-42","latest_ack_timestamp":1795000000000,"is_savepoint":false}}})json"),
        QStringLiteral("job-1"));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().checkpointId, 42);
    QCOMPARE(list.first().type, QStringLiteral("CHECKPOINT"));
    QCOMPARE(list.first().origin, Snapshot::Origin::JobManager);
    QVERIFY(
        Snapshot::fromCheckpointStats(json(R"json({"latest":{"completed":null}})json"), QStringLiteral("j")).isEmpty());
}

void TestFlinkValues::legacySavepointHistory()
{
    const auto list = Snapshot::fromLegacySavepointInfo(json(R"json({"jobStatus":{"savepointInfo":{"savepointHistory":[
        {"location":"s3://sp/savepoint-1","timeStamp":1795000000000,"triggerType":"PERIODIC"}]}}})json"));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().trigger, QStringLiteral("PERIODIC"));
    QCOMPARE(list.first().origin, Snapshot::Origin::LegacySavepointInfo);
}

void TestFlinkValues::exceptionsRootCauseFirst()
{
    const auto list = JobManagerInfo::parseExceptions(json(R"json({"exceptionHistory":{"entries":[
        {"exceptionName":"java.lang.IllegalStateException","stacktrace":"java.lang.IllegalStateException: boom\n\tat A.b(A.java:1)","timestamp":1795000001000,"taskName":"Source","concurrentExceptions":[
            {"exceptionName":"java.io.IOException","stacktrace":"java.io.IOException: x","timestamp":1795000001000}]},
        {"exceptionName":"java.lang.RuntimeException","stacktrace":"java.lang.RuntimeException: older","timestamp":1795000000000}]}})json"));
    QCOMPARE(list.size(), 3);
    QVERIFY(list.at(0).rootCause);
    QCOMPARE(list.at(0).exceptionName, QStringLiteral("java.lang.IllegalStateException"));
    QVERIFY(!list.at(1).rootCause);
    QCOMPARE(list.at(2).exceptionName, QStringLiteral("java.lang.RuntimeException"));
}

void TestFlinkValues::restoreSource_data()
{
    QTest::addColumn<QByteArray>("deployment");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::newRow("stateless") << QByteArray(R"json({"spec":{"job":{"upgradeMode":"stateless"}}})json")
                               << int(RestoreSource::Kind::Empty) << QString();
    QTest::newRow("savepoint from upgrade path") << QByteArray(
        R"json({"spec":{"job":{"upgradeMode":"savepoint"}},"status":{"jobStatus":{"upgradeSavepointPath":"s3://sp/savepoint-9"}}})json")
                                                 << int(RestoreSource::Kind::Savepoint)
                                                 << QStringLiteral("s3://sp/savepoint-9");
    QTest::newRow("savepoint newest completed") << QByteArray(R"json({"spec":{"job":{"upgradeMode":"savepoint"}}})json")
                                                << int(RestoreSource::Kind::Savepoint) << QStringLiteral("s3://sp/new");
    QTest::newRow("last-state latest checkpoint") << QByteArray(
        R"json({"spec":{"flinkConfiguration":{"high-availability.type":"kubernetes"},"job":{"upgradeMode":"last-state"}}})json")
                                                  << int(RestoreSource::Kind::LatestCheckpoint)
                                                  << QStringLiteral("s3://cp/chk-42");
}

void TestFlinkValues::restoreSource()
{
    QFETCH(QByteArray, deployment);
    QFETCH(int, kind);
    QFETCH(QString, path);
    QList<Snapshot> known;
    Snapshot old;
    old.type = QStringLiteral("SAVEPOINT");
    old.state = QStringLiteral("COMPLETED");
    old.path = QStringLiteral("s3://sp/old");
    old.time = QDateTime::currentDateTimeUtc().addDays(-2);
    Snapshot fresh = old;
    fresh.path = QStringLiteral("s3://sp/new");
    fresh.time = QDateTime::currentDateTimeUtc().addSecs(-600);
    Snapshot failed = fresh;
    failed.state = QStringLiteral("FAILED");
    failed.path = QStringLiteral("s3://sp/failed");
    failed.time = QDateTime::currentDateTimeUtc();
    Snapshot checkpoint;
    checkpoint.type = QStringLiteral("CHECKPOINT");
    checkpoint.state = QStringLiteral("COMPLETED");
    checkpoint.path = QStringLiteral("s3://cp/chk-42");
    checkpoint.checkpointId = 42;
    checkpoint.time = QDateTime::currentDateTimeUtc().addSecs(-180);
    known << old << fresh << failed << checkpoint;
    const RestoreSource source = RestoreSource::forStart(json(deployment), known);
    QCOMPARE(int(source.kind), kind);
    QCOMPARE(source.path, path);
}

void TestFlinkValues::yamlKeepsStringsStrings()
{
    const QString yaml = YamlWriter::toYaml(json(
        R"json({"flinkConfiguration":{"kubernetes.operator.deployment.rollback.enabled":"true","taskmanager.numberOfTaskSlots":"2"},
        "job":{"parallelism":2,"args":["--enable-new-feature","true"]},"image":"flink:1.20"})json"));
    QVERIFY2(yaml.contains(QStringLiteral("kubernetes.operator.deployment.rollback.enabled: \"true\"")),
             qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("parallelism: 2\n")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("- \"true\"")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("image: flink:1.20")), qPrintable(yaml));
}

void TestFlinkValues::historyStoreOutlivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        HistoryStore store(path);
        QVERIFY(store.isOpen());
        ClusterEvent e;
        e.uid = QStringLiteral("ev-1");
        e.type = QStringLiteral("Normal");
        e.reason = QStringLiteral("Submit");
        e.message = QStringLiteral("Starting deployment");
        e.lastTimestamp = now;
        store.saveEvents(QStringLiteral("dep-1"), {e});
        e.count = 4; // the same event again, deduplicated by the API server
        store.saveEvents(QStringLiteral("dep-1"), {e});
        store.observeJob(QStringLiteral("dep-1"), QStringLiteral("job-a"), QStringLiteral("RUNNING"), 1,
                         now.addSecs(-60), now);
        store.observeJob(QStringLiteral("dep-1"), QStringLiteral("job-b"), QStringLiteral("RUNNING"), 2, now,
                         now.addSecs(5));
    }
    HistoryStore reopened(path);
    const auto events = reopened.events(QStringLiteral("dep-1"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().count, 4);
    QCOMPARE(events.first().reason, QStringLiteral("Submit"));
    const auto jobs = reopened.jobs(QStringLiteral("dep-1"));
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).jobId, QStringLiteral("job-b"));
    QVERIFY(!jobs.at(0).end.isValid());
    QCOMPARE(jobs.at(1).jobId, QStringLiteral("job-a"));
    QVERIFY(jobs.at(1).end.isValid());
    QCOMPARE(jobs.at(1).generation, 1);
    QVERIFY(reopened.events(QStringLiteral("other")).isEmpty());
}

QTEST_GUILESS_MAIN(TestFlinkValues)
#include "tst_flinkvalues.moc"
