// Where a (re)started job's state comes from: RestoreSource's latest checkpoint from every source
// that knows one, Flink's duration syntax for the operator's maximum checkpoint age, and what the
// JobManager's checkpoint statistics say the job restored from.

#include "common/jsonliteral.h"
#include "flink/flinkconfiguration.h"
#include "flink/restoresource.h"
#include "flink/snapshot.h"

#include <QJsonDocument>
#include <QTest>

using namespace capstan;
using capstan::test::jsonObject;

namespace {

const QDateTime kNow = QDateTime(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);
const QString kMaxAgeKey = QStringLiteral("kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age");

// A last-state deployment with Kubernetes HA (JSON's "\/" keeps "//" out of the raw strings: moc
// reads it as the start of a comment); `configuration` is added to its flinkConfiguration and
// `checkpointInfo` is its status.jobStatus.checkpointInfo.
QJsonObject deployment(const QJsonObject &configuration = {}, const QJsonObject &checkpointInfo = {})
{
    QJsonObject spec = jsonObject(R"({
      "image": "flink:1.20", "flinkVersion": "v1_20",
      "flinkConfiguration": {"high-availability.type": "kubernetes",
                             "high-availability.storageDir": "file:\/\/\/flink-data/ha",
                             "state.checkpoints.dir": "file:\/\/\/flink-data/checkpoints",
                             "execution.checkpointing.interval": "1m"},
      "job": {"jarURI": "local:\/\/\/opt/flink/usrlib/autoscaling.jar", "parallelism": 1,
              "upgradeMode": "last-state", "state": "running", "args": ["10"]}
    })");
    QJsonObject flink = spec.value(QLatin1String("flinkConfiguration")).toObject();
    for (auto it = configuration.begin(); it != configuration.end(); ++it)
        flink.insert(it.key(), it.value());
    spec.insert(QStringLiteral("flinkConfiguration"), flink);
    QJsonObject jobStatus{{QStringLiteral("state"), QStringLiteral("RUNNING")},
                          {QStringLiteral("jobId"), QStringLiteral("c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b")}};
    if (!checkpointInfo.isEmpty())
        jobStatus.insert(QStringLiteral("checkpointInfo"), checkpointInfo);
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("autoscaling")}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("jobStatus"), jobStatus}}}};
}

Snapshot snapshot(const QString &type, qint64 id, const QDateTime &time,
                  const QString &state = QStringLiteral("COMPLETED"))
{
    Snapshot s;
    s.origin = Snapshot::Origin::JobManager;
    s.type = type;
    s.state = state;
    s.checkpointId = id;
    s.time = time;
    s.path = QStringLiteral("file:///flink-data/checkpoints/c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b/chk-%1").arg(id);
    if (type == QLatin1String("SAVEPOINT"))
        s.path = QStringLiteral("file:///flink-data/savepoints/savepoint-c2b1f8-%1").arg(id);
    s.key = QStringLiteral("jm:%1").arg(id);
    return s;
}

// What JobManagerInfo::restoredFrom holds: an entry of latest.restored, its time the restore's.
Snapshot restored(const QString &type, qint64 id)
{
    Snapshot s = snapshot(type, id, kNow.addSecs(-30 * 60));
    s.key = QStringLiteral("jm-restored:%1").arg(id);
    return s;
}

QJsonObject operatorCheckpoint(const QDateTime &time)
{
    return QJsonObject{{QStringLiteral("lastCheckpoint"),
                        QJsonObject{{QStringLiteral("timeStamp"), time.toMSecsSinceEpoch()},
                                    {QStringLiteral("triggerType"), QStringLiteral("PERIODIC")},
                                    {QStringLiteral("formatType"), QStringLiteral("FULL")}}},
                       {QStringLiteral("lastPeriodicCheckpointTimestamp"), time.toMSecsSinceEpoch()}};
}

} // namespace

class TestRestoreSource : public QObject
{
    Q_OBJECT

private slots:
    void durationMs_data();
    void durationMs();
    void maxCheckpointAge();
    void newestCompletedCheckpointWins();
    void restoredWithHigherIdWins();
    void restoredSavepoint();
    void operatorCheckpointInfo();
    void olderThanMaxAge();
    void forStart();
    void restoredFromCheckpointStats();
};

void TestRestoreSource::durationMs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");

    QTest::newRow("10 min") << QStringLiteral("10 min") << qint64(600000);
    QTest::newRow("10min") << QStringLiteral("10min") << qint64(600000);
    QTest::newRow("10 m") << QStringLiteral("10 m") << qint64(600000);
    QTest::newRow("600s") << QStringLiteral("600s") << qint64(600000);
    QTest::newRow("600 s") << QStringLiteral("600 s") << qint64(600000);
    QTest::newRow("600 seconds") << QStringLiteral("600 seconds") << qint64(600000);
    QTest::newRow("1h") << QStringLiteral("1h") << qint64(3600000);
    QTest::newRow("2 d") << QStringLiteral("2 d") << qint64(2 * 86400000LL);
    QTest::newRow("250 ms") << QStringLiteral("250 ms") << qint64(250);
    QTest::newRow("250") << QStringLiteral("250") << qint64(250);
    QTest::newRow("padded") << QStringLiteral("  5 MIN ") << qint64(300000);
    QTest::newRow("PT10M") << QStringLiteral("PT10M") << qint64(600000);
    QTest::newRow("PT1H30M") << QStringLiteral("PT1H30M") << qint64(5400000);
    QTest::newRow("P1DT2H") << QStringLiteral("P1DT2H") << qint64(26 * 3600000LL);
    QTest::newRow("PT0.5S") << QStringLiteral("PT0.5S") << qint64(500);
    QTest::newRow("pt30s") << QStringLiteral("pt30s") << qint64(30000);

    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("blank") << QStringLiteral("  ") << qint64(-1);
    QTest::newRow("ten") << QStringLiteral("ten") << qint64(-1);
    QTest::newRow("10 parsecs") << QStringLiteral("10 parsecs") << qint64(-1);
    QTest::newRow("-5s") << QStringLiteral("-5s") << qint64(-1);
    QTest::newRow("1.5h") << QStringLiteral("1.5h") << qint64(-1);
    QTest::newRow("P") << QStringLiteral("P") << qint64(-1);
    QTest::newRow("PT") << QStringLiteral("PT") << qint64(-1);
    QTest::newRow("PT10") << QStringLiteral("PT10") << qint64(-1);
}

void TestRestoreSource::durationMs()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QCOMPARE(FlinkConfiguration::durationMs(text), ms);
}

void TestRestoreSource::maxCheckpointAge()
{
    // Dotted, as most manifests write it.
    const QJsonObject dotted = deployment({{kMaxAgeKey, QStringLiteral("10 min")}});
    QCOMPARE(FlinkConfiguration(dotted.value(QLatin1String("spec")).toObject()).maxCheckpointAgeMs(), 600000);

    // Nested, as the upstream examples write high-availability and state.
    QJsonObject spec = deployment().value(QLatin1String("spec")).toObject();
    QJsonObject flink = spec.value(QLatin1String("flinkConfiguration")).toObject();
    flink.insert(
        QStringLiteral("kubernetes"),
        jsonObject(R"({"operator": {"job": {"upgrade": {"last-state": {"max.allowed.checkpoint.age": "PT1H"}}}}})"));
    spec.insert(QStringLiteral("flinkConfiguration"), flink);
    QCOMPARE(FlinkConfiguration(spec).maxCheckpointAgeMs(), 3600000);

    // Unset or unreadable: no limit.
    QCOMPARE(FlinkConfiguration(deployment().value(QLatin1String("spec")).toObject()).maxCheckpointAgeMs(), -1);
    const QJsonObject bad = deployment({{kMaxAgeKey, QStringLiteral("ten minutes")}});
    QCOMPARE(FlinkConfiguration(bad.value(QLatin1String("spec")).toObject()).maxCheckpointAgeMs(), -1);

    // latestCheckpoint carries it.
    QCOMPARE(RestoreSource::latestCheckpoint(dotted, {}).maxCheckpointAgeMs, 600000);
}

void TestRestoreSource::newestCompletedCheckpointWins()
{
    const QList<Snapshot> known{
        snapshot(QStringLiteral("CHECKPOINT"), 41, kNow.addSecs(-120)),
        snapshot(QStringLiteral("CHECKPOINT"), 42, kNow.addSecs(-60)),
        snapshot(QStringLiteral("CHECKPOINT"), 43, kNow.addSecs(-5), QStringLiteral("IN_PROGRESS")),
        snapshot(QStringLiteral("SAVEPOINT"), 44, kNow.addSecs(-2)),
    };
    // The job restored from checkpoint 40 before it completed 41 and 42.
    const RestoreSource r
        = RestoreSource::latestCheckpoint(deployment(), known, restored(QStringLiteral("CHECKPOINT"), 40));
    QCOMPARE(r.kind, RestoreSource::Kind::LatestCheckpoint);
    QCOMPARE(r.checkpointId, 42);
    QCOMPARE(r.path, known.at(1).path);
    QCOMPARE(r.time, kNow.addSecs(-60));
    QVERIFY(!r.restoredByJob);
    QVERIFY(!r.restoredSavepoint);
}

void TestRestoreSource::restoredWithHigherIdWins()
{
    // Checkpoint 42 completed before the job restarted from checkpoint 57 (ids go on from the
    // restored one); 57 is a FlinkStateSnapshot too, which knows when it was taken.
    Snapshot resource = snapshot(QStringLiteral("CHECKPOINT"), -1, kNow.addSecs(-45 * 60));
    resource.origin = Snapshot::Origin::Resource;
    resource.key = QStringLiteral("9e0c-uid");
    resource.path = QStringLiteral("file:///flink-data/checkpoints/c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b/chk-57");
    const QList<Snapshot> known{snapshot(QStringLiteral("CHECKPOINT"), 42, kNow.addSecs(-3 * 3600)), resource};
    const Snapshot from = restored(QStringLiteral("CHECKPOINT"), 57);

    const RestoreSource r = RestoreSource::latestCheckpoint(deployment(), known, from);
    QCOMPARE(r.checkpointId, 57);
    QCOMPARE(r.path, from.path);
    QVERIFY(r.restoredByJob);
    QVERIFY(!r.restoredSavepoint);
    // When it was taken, not when the job restored it.
    QCOMPARE(r.time, kNow.addSecs(-45 * 60));

    // No snapshot with its path: its time is unknown.
    const RestoreSource unknown = RestoreSource::latestCheckpoint(deployment(), {known.first()}, from);
    QCOMPARE(unknown.checkpointId, 57);
    QVERIFY(unknown.restoredByJob);
    QVERIFY(!unknown.time.isValid());
}

void TestRestoreSource::restoredSavepoint()
{
    // Started from a savepoint and no checkpoint completed since: the savepoint is the newest entry.
    const Snapshot from = restored(QStringLiteral("SAVEPOINT"), 12);
    Snapshot taken = snapshot(QStringLiteral("SAVEPOINT"), -1, kNow.addSecs(-2 * 86400));
    taken.path = from.path;
    const RestoreSource r = RestoreSource::latestCheckpoint(deployment(), {taken}, from);
    QCOMPARE(r.checkpointId, 12);
    QVERIFY(r.restoredByJob);
    QVERIFY(r.restoredSavepoint);
    QCOMPARE(r.path, from.path);
    QCOMPARE(r.time, kNow.addSecs(-2 * 86400));
}

void TestRestoreSource::operatorCheckpointInfo()
{
    // Nothing else known: the operator's own record, with its time only.
    const RestoreSource only
        = RestoreSource::latestCheckpoint(deployment({}, operatorCheckpoint(kNow.addSecs(-300))), {});
    QCOMPARE(only.time, kNow.addSecs(-300));
    QCOMPARE(only.checkpointId, -1);
    QVERIFY(only.path.isEmpty());
    QVERIFY(!only.restoredByJob);

    // Older than the known checkpoint: the known one stays.
    const QList<Snapshot> known{snapshot(QStringLiteral("CHECKPOINT"), 42, kNow.addSecs(-60))};
    const RestoreSource older
        = RestoreSource::latestCheckpoint(deployment({}, operatorCheckpoint(kNow.addSecs(-300))), known);
    QCOMPARE(older.checkpointId, 42);
    QCOMPARE(older.time, kNow.addSecs(-60));
    QVERIFY(!older.path.isEmpty());

    // The same checkpoint, stamped a little apart by the two sources: still the known one.
    const RestoreSource same
        = RestoreSource::latestCheckpoint(deployment({}, operatorCheckpoint(kNow.addSecs(-60).addMSecs(400))), known);
    QCOMPARE(same.checkpointId, 42);

    // Newer than the known one: the operator's wins, and no id or path is claimed for it.
    const RestoreSource newer
        = RestoreSource::latestCheckpoint(deployment({}, operatorCheckpoint(kNow.addSecs(-10))), known);
    QCOMPARE(newer.time, kNow.addSecs(-10));
    QCOMPARE(newer.checkpointId, -1);
    QVERIFY(newer.path.isEmpty());

    // Only lastPeriodicCheckpointTimestamp set.
    const RestoreSource periodic = RestoreSource::latestCheckpoint(
        deployment({}, {{QStringLiteral("lastPeriodicCheckpointTimestamp"), kNow.addSecs(-90).toMSecsSinceEpoch()}}),
        {});
    QCOMPARE(periodic.time, kNow.addSecs(-90));

    // Nothing at all: no time, no id.
    const RestoreSource nothing = RestoreSource::latestCheckpoint(deployment(), {});
    QCOMPARE(nothing.kind, RestoreSource::Kind::LatestCheckpoint);
    QVERIFY(!nothing.time.isValid());
    QCOMPARE(nothing.checkpointId, -1);
}

void TestRestoreSource::olderThanMaxAge()
{
    const QJsonObject object = deployment({{kMaxAgeKey, QStringLiteral("10 min")}});
    const QList<Snapshot> known{snapshot(QStringLiteral("CHECKPOINT"), 42, kNow.addSecs(-600))};
    const RestoreSource r = RestoreSource::latestCheckpoint(object, known);
    QCOMPARE(r.maxCheckpointAgeMs, 600000);
    QVERIFY(!r.olderThanMaxAge(kNow)); // exactly at the limit
    QVERIFY(!r.olderThanMaxAge(kNow.addSecs(-1)));
    QVERIFY(r.olderThanMaxAge(kNow.addSecs(1)));
    QVERIFY(r.olderThanMaxAge(kNow.addSecs(3600)));

    // No limit set, or no time known: never too old.
    QVERIFY(!RestoreSource::latestCheckpoint(deployment(), known).olderThanMaxAge(kNow.addDays(30)));
    QVERIFY(!RestoreSource::latestCheckpoint(object, {}).olderThanMaxAge(kNow.addDays(30)));
    // A savepoint is not held to the checkpoint age.
    RestoreSource savepoint = r;
    savepoint.kind = RestoreSource::Kind::Savepoint;
    QVERIFY(!savepoint.olderThanMaxAge(kNow.addDays(30)));
}

void TestRestoreSource::forStart()
{
    const QList<Snapshot> known{snapshot(QStringLiteral("CHECKPOINT"), 42, kNow.addSecs(-60)),
                                snapshot(QStringLiteral("SAVEPOINT"), 40, kNow.addSecs(-3600))};
    // last-state: the latest checkpoint, and no note with Kubernetes HA.
    const RestoreSource lastState = RestoreSource::forStart(deployment(), known);
    QCOMPARE(lastState.kind, RestoreSource::Kind::LatestCheckpoint);
    QCOMPARE(lastState.checkpointId, 42);
    QVERIFY(lastState.note.isEmpty());

    // Without HA the operator cannot find it: a note says so.
    QJsonObject noHa = deployment();
    QJsonObject spec = noHa.value(QLatin1String("spec")).toObject();
    QJsonObject flink = spec.value(QLatin1String("flinkConfiguration")).toObject();
    flink.remove(QStringLiteral("high-availability.type"));
    spec.insert(QStringLiteral("flinkConfiguration"), flink);
    noHa.insert(QStringLiteral("spec"), spec);
    QVERIFY(!RestoreSource::forStart(noHa, known).note.isEmpty());

    // savepoint: the newest completed savepoint; stateless: empty.
    QJsonObject savepointMode = deployment();
    QJsonObject job = spec.value(QLatin1String("job")).toObject();
    job.insert(QStringLiteral("upgradeMode"), QStringLiteral("savepoint"));
    spec.insert(QStringLiteral("job"), job);
    savepointMode.insert(QStringLiteral("spec"), spec);
    const RestoreSource fromSavepoint = RestoreSource::forStart(savepointMode, known);
    QCOMPARE(fromSavepoint.kind, RestoreSource::Kind::Savepoint);
    QCOMPARE(fromSavepoint.path, known.at(1).path);
    job.insert(QStringLiteral("upgradeMode"), QStringLiteral("stateless"));
    spec.insert(QStringLiteral("job"), job);
    savepointMode.insert(QStringLiteral("spec"), spec);
    QCOMPARE(RestoreSource::forStart(savepointMode, known).kind, RestoreSource::Kind::Empty);
}

void TestRestoreSource::restoredFromCheckpointStats()
{
    // GET /jobs/:jobid/checkpoints (CheckpointingStatistics) of a job restarted from a savepoint.
    const QJsonObject stats = jsonObject(R"({
      "counts": {"restored": 1, "total": 3, "in_progress": 0, "completed": 3, "failed": 0},
      "summary": {},
      "latest": {
        "completed": {"className": "completed", "id": 58, "status": "COMPLETED", "is_savepoint": false,
                      "savepointFormat": null, "trigger_timestamp": 1741953540000,
                      "latest_ack_timestamp": 1741953541250, "checkpointed_size": 40960, "state_size": 40960,
                      "end_to_end_duration": 1250, "alignment_buffered": 0, "processed_data": 0,
                      "persisted_data": 0, "num_subtasks": 2, "num_acknowledged_subtasks": 2,
                      "checkpoint_type": "CHECKPOINT", "tasks": {},
                      "external_path": "file:\/\/\/flink-data/checkpoints/c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b/chk-58",
                      "discarded": false},
        "savepoint": null,
        "failed": null,
        "restored": {"id": 55, "restore_timestamp": 1741953000000, "is_savepoint": true,
                     "external_path": "file:\/\/\/flink-data/savepoints/savepoint-c2b1f8-4d6e1f0a7b3c"}
      },
      "history": []
    })");
    const QString jobId = QStringLiteral("c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b");
    const Snapshot s = Snapshot::restoredFromCheckpointStats(stats, jobId);
    QCOMPARE(s.checkpointId, 55);
    QCOMPARE(s.type, QStringLiteral("SAVEPOINT"));
    QCOMPARE(s.path, QStringLiteral("file:///flink-data/savepoints/savepoint-c2b1f8-4d6e1f0a7b3c"));
    QCOMPARE(s.time, QDateTime::fromMSecsSinceEpoch(1741953000000, Qt::UTC));
    QCOMPARE(s.jobId, jobId);
    QCOMPARE(s.origin, Snapshot::Origin::JobManager);
    QVERIFY(s.isCompleted());
    // Apart from the completed checkpoint of the same body.
    const QList<Snapshot> completed = Snapshot::fromCheckpointStats(stats, jobId);
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed.first().checkpointId, 58);
    QVERIFY(completed.first().key != s.key);

    // The completed checkpoint with a higher id is the latest, not the restored savepoint.
    const RestoreSource r = RestoreSource::latestCheckpoint(deployment(), completed, s);
    QCOMPARE(r.checkpointId, 58);
    QVERIFY(!r.restoredByJob);

    // A job started empty: latest.restored is null.
    QJsonObject fresh = stats;
    QJsonObject latest = fresh.value(QLatin1String("latest")).toObject();
    latest.insert(QStringLiteral("restored"), QJsonValue::Null);
    fresh.insert(QStringLiteral("latest"), latest);
    const Snapshot none = Snapshot::restoredFromCheckpointStats(fresh, jobId);
    QCOMPARE(none.checkpointId, -1);
    QVERIFY(none.path.isEmpty());
    QVERIFY(!none.time.isValid());
    // And a body without "latest" at all (no checkpointing configured).
    QCOMPARE(Snapshot::restoredFromCheckpointStats(jsonObject(R"({"counts": {}})"), jobId).checkpointId, -1);
}

QTEST_GUILESS_MAIN(TestRestoreSource)
#include "tst_restoresource.moc"
