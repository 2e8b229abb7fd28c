// The operator's cleanup of FlinkStateSnapshots as SnapshotRetention predicts it: only what the
// operator took itself, oldest first, beyond the count or past the age, never the newest completed
// one (nor, when none completed, the newest); and the snapshot a deployment would restore from.

#include "flink/snapshotretention.h"

#include <QJsonObject>
#include <QTest>

using namespace capstan;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);

Snapshot snapshot(const QString &key, const QString &type, const QString &trigger, int hoursAgo,
                  const QString &state = QStringLiteral("COMPLETED"))
{
    Snapshot s;
    s.key = key;
    s.name = key;
    s.type = type;
    s.trigger = trigger;
    s.state = state;
    s.path = QStringLiteral("s3://state/") + key;
    s.created = kNow.addSecs(-hoursAgo * 3600);
    s.time = s.created.addSecs(30);
    return s;
}

QSet<QString> keys(std::initializer_list<const char *> names)
{
    QSet<QString> out;
    for (const char *n : names)
        out.insert(QString::fromLatin1(n));
    return out;
}

QJsonObject deployment(const QJsonObject &configuration, const QJsonObject &jobStatus = {}, const QJsonObject &job = {})
{
    return QJsonObject{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("flinkConfiguration"), configuration}, {QStringLiteral("job"), job}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("jobStatus"), jobStatus}}}};
}

} // namespace

class TestSnapshotRetention : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAndConfiguration();
    void savepointsBeyondCountOrAge();
    void manualSnapshotsStay();
    void newestCompletedAndNewestStay();
    void checkpointsByRetainedCount();
    void cleanupDisabled();
    void restoreFromIsProtected();
};

void TestSnapshotRetention::defaultsAndConfiguration()
{
    const SnapshotRetention defaults = SnapshotRetention::of(deployment({}));
    QVERIFY(defaults.cleanupEnabled);
    QCOMPARE(defaults.maxSavepoints, 10);
    QCOMPARE(defaults.maxSavepointAgeMs, qint64(24) * 3600 * 1000);
    QCOMPARE(defaults.maxCheckpoints, 1);
    QVERIFY2(defaults.describe().contains(QStringLiteral("newest 10 savepoint")), qPrintable(defaults.describe()));
    QVERIFY2(defaults.describe().contains(QStringLiteral("none older than 24 hour")), qPrintable(defaults.describe()));
    QVERIFY2(defaults.describe().contains(QStringLiteral("its newest checkpoint;")), qPrintable(defaults.describe()));

    const SnapshotRetention set = SnapshotRetention::of(
        deployment({{QStringLiteral("kubernetes.operator.savepoint.history.max.count"), QStringLiteral("3")},
                    {QStringLiteral("kubernetes.operator.savepoint.history.max.age"), QStringLiteral("7d")},
                    {QStringLiteral("state.checkpoints.num-retained"), QStringLiteral("5")}}));
    QCOMPARE(set.maxSavepoints, 3);
    QCOMPARE(set.maxSavepointAgeMs, qint64(7) * 24 * 3600 * 1000);
    QCOMPARE(set.maxCheckpoints, 5);
    QVERIFY2(set.describe().contains(QStringLiteral("none older than 7 day")), qPrintable(set.describe()));
    // Nested maps read as dotted keys; a count below 1 counts as 1.
    const SnapshotRetention nested = SnapshotRetention::of(deployment(
        {{QStringLiteral("kubernetes.operator.savepoint.history"), QJsonObject{{QStringLiteral("max.count"), 0}}}}));
    QCOMPARE(nested.maxSavepoints, 1);
}

void TestSnapshotRetention::savepointsBeyondCountOrAge()
{
    SnapshotRetention r;
    r.maxSavepoints = 3;
    r.maxSavepointAgeMs = qint64(10) * 3600 * 1000;
    const QList<Snapshot> all{
        snapshot(QStringLiteral("sp1"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 9),
        snapshot(QStringLiteral("sp2"), QStringLiteral("SAVEPOINT"), QStringLiteral("UPGRADE"), 8),
        snapshot(QStringLiteral("sp3"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 7),
        snapshot(QStringLiteral("sp4"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 6),
        snapshot(QStringLiteral("sp5"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 5)};
    // Five of three allowed: the two oldest.
    QCOMPARE(r.nextCleanedUp(all, kNow), keys({"sp1", "sp2"}));
    // Past the age as well: a shorter age takes the ones created before it.
    r.maxSavepointAgeMs = qint64(6) * 3600 * 1000 + 1;
    QCOMPARE(r.nextCleanedUp(all, kNow), keys({"sp1", "sp2", "sp3"}));
}

void TestSnapshotRetention::manualSnapshotsStay()
{
    SnapshotRetention r;
    r.maxSavepoints = 1;
    const QList<Snapshot> all{
        snapshot(QStringLiteral("manual-old"), QStringLiteral("SAVEPOINT"), QStringLiteral("MANUAL"), 100),
        snapshot(QStringLiteral("p1"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 3),
        snapshot(QStringLiteral("p2"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 2)};
    QCOMPARE(r.nextCleanedUp(all, kNow), keys({"p1"}));
}

void TestSnapshotRetention::newestCompletedAndNewestStay()
{
    SnapshotRetention r;
    r.maxSavepoints = 1;
    // The newest completed one stays although older than a failed one, which counts like the rest.
    const QList<Snapshot> all{snapshot(QStringLiteral("a"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 4),
                              snapshot(QStringLiteral("b"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 3),
                              snapshot(QStringLiteral("c"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 1,
                                       QStringLiteral("FAILED"))};
    QCOMPARE(r.nextCleanedUp(all, kNow), keys({"a", "c"}));
    // None completed: the newest stays, whatever the count or the age.
    const QList<Snapshot> failed{snapshot(QStringLiteral("x"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"),
                                          4, QStringLiteral("FAILED")),
                                 snapshot(QStringLiteral("y"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"),
                                          3, QStringLiteral("FAILED"))};
    r.maxSavepointAgeMs = 1000;
    QCOMPARE(r.nextCleanedUp(failed, kNow), keys({"x"}));
    // A single snapshot is never cleaned up.
    QVERIFY(r.nextCleanedUp({all.first()}, kNow).isEmpty());
}

void TestSnapshotRetention::checkpointsByRetainedCount()
{
    SnapshotRetention r;
    const QList<Snapshot> all{
        snapshot(QStringLiteral("c1"), QStringLiteral("CHECKPOINT"), QStringLiteral("PERIODIC"), 300),
        snapshot(QStringLiteral("c2"), QStringLiteral("CHECKPOINT"), QStringLiteral("PERIODIC"), 200),
        snapshot(QStringLiteral("s1"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 1)};
    // Checkpoints have no age limit; one is retained by default; savepoints are counted apart.
    QCOMPARE(r.nextCleanedUp(all, kNow), keys({"c1"}));
    r.maxCheckpoints = 2;
    QVERIFY(r.nextCleanedUp(all, kNow).isEmpty());
}

void TestSnapshotRetention::cleanupDisabled()
{
    const SnapshotRetention r = SnapshotRetention::of(
        deployment({{QStringLiteral("kubernetes.operator.savepoint.cleanup.enabled"), QStringLiteral("false")},
                    {QStringLiteral("kubernetes.operator.savepoint.history.max.count"), QStringLiteral("1")}}));
    QVERIFY(!r.cleanupEnabled);
    const QList<Snapshot> all{
        snapshot(QStringLiteral("p1"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 3),
        snapshot(QStringLiteral("p2"), QStringLiteral("SAVEPOINT"), QStringLiteral("PERIODIC"), 2)};
    QVERIFY(r.nextCleanedUp(all, kNow).isEmpty());
    QVERIFY(r.describe().contains(QStringLiteral("no snapshots")));
}

void TestSnapshotRetention::restoreFromIsProtected()
{
    const Snapshot sp = snapshot(QStringLiteral("sp1"), QStringLiteral("SAVEPOINT"), QStringLiteral("UPGRADE"), 2);
    const Snapshot other = snapshot(QStringLiteral("sp0"), QStringLiteral("SAVEPOINT"), QStringLiteral("MANUAL"), 5);
    // Suspended with a savepoint: the operator recorded it for the next start.
    const QJsonObject suspended = deployment(
        {}, {{QStringLiteral("state"), QStringLiteral("FINISHED")}, {QStringLiteral("upgradeSavepointPath"), sp.path}});
    QCOMPARE(SnapshotRetention::restorePath(suspended), sp.path);
    QVERIFY(SnapshotRetention::protectionReason(sp, suspended).contains(sp.path));
    QVERIFY(SnapshotRetention::protectionReason(other, suspended).isEmpty());
    // Never ran yet: its initial savepoint.
    const QJsonObject fresh = deployment({}, {}, {{QStringLiteral("initialSavepointPath"), other.path}});
    QVERIFY(!SnapshotRetention::protectionReason(other, fresh).isEmpty());
    // Once a job runs, the initial savepoint is history.
    const QJsonObject running = deployment({}, {{QStringLiteral("jobId"), QStringLiteral("abc")}},
                                           {{QStringLiteral("initialSavepointPath"), other.path}});
    QVERIFY(SnapshotRetention::protectionReason(other, running).isEmpty());
}

QTEST_GUILESS_MAIN(TestSnapshotRetention)
#include "tst_snapshotretention.moc"
