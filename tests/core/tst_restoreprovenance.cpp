// RestoreProvenance: what the operator meant a started job to restore (by the upgrade mode it
// reconciled, upgradeSavepointPath, initialSavepointPath or the last completed checkpoint) and the
// verdict against what the JobManager says the job restored.

#include "flink/restoreprovenance.h"
#include "flink/snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;

Q_DECLARE_METATYPE(capstan::RestoreProvenance)
Q_DECLARE_METATYPE(capstan::RestoreProvenance::Intent)
Q_DECLARE_METATYPE(capstan::RestoreProvenance::Verdict)

namespace {

const QString kJob = QStringLiteral("7d3e5f2a1b9c4d8e6f0a2b4c6d8e0f1a");
const QString kUpgradePath = QStringLiteral("s3://flink-state/order-totals/savepoints/savepoint-5c0ffe-6a1d2e3f4b5c");
const QString kInitialPath = QStringLiteral("s3://flink-state/migrations/savepoint-1b2c3d-0f9e8d7c6b5a");
const QString kCheckpointDir = QStringLiteral("s3://flink-state/order-totals/checkpoints/") + kJob;
const QDateTime kStart = QDateTime(QDate(2024, 3, 14), QTime(12, 0), Qt::UTC);

// How the operator records the spec it reconciled: a JSON string of the spec (before 1.1), of
// {"spec", "resource_metadata"} (since), or none yet.
enum class Reconciled { None, Plain, Wrapped, Object, Blank };

QJsonObject job(const QString &mode, const QString &initialPath)
{
    QJsonObject o{{QStringLiteral("jarURI"), QStringLiteral("local:///opt/flink/usrlib/order-totals.jar")},
                  {QStringLiteral("parallelism"), 2},
                  {QStringLiteral("state"), QStringLiteral("running")},
                  {QStringLiteral("args"), QJsonArray{QStringLiteral("--window"), QStringLiteral("5m")}}};
    if (!mode.isEmpty())
        o.insert(QStringLiteral("upgradeMode"), mode);
    if (!initialPath.isEmpty())
        o.insert(QStringLiteral("initialSavepointPath"), initialPath);
    return o;
}

QJsonObject spec(const QString &mode, const QString &initialPath)
{
    return QJsonObject{
        {QStringLiteral("image"), QStringLiteral("flink:1.20")},
        {QStringLiteral("flinkVersion"), QStringLiteral("v1_20")},
        {QStringLiteral("serviceAccount"), QStringLiteral("flink")},
        {QStringLiteral("flinkConfiguration"),
         QJsonObject{
             {QStringLiteral("high-availability.type"), QStringLiteral("kubernetes")},
             {QStringLiteral("high-availability.storageDir"), QStringLiteral("s3://flink-state/order-totals/ha")},
             {QStringLiteral("state.checkpoints.dir"), QStringLiteral("s3://flink-state/order-totals/checkpoints")},
             {QStringLiteral("state.savepoints.dir"), QStringLiteral("s3://flink-state/order-totals/savepoints")}}},
        {QStringLiteral("jobManager"),
         QJsonObject{{QStringLiteral("resource"),
                      QJsonObject{{QStringLiteral("cpu"), 1}, {QStringLiteral("memory"), QStringLiteral("2048m")}}}}},
        {QStringLiteral("taskManager"),
         QJsonObject{{QStringLiteral("resource"),
                      QJsonObject{{QStringLiteral("cpu"), 1}, {QStringLiteral("memory"), QStringLiteral("2048m")}}}}},
        {QStringLiteral("job"), job(mode, initialPath)}};
}

// A FlinkDeployment whose job the operator just started. specMode: the upgrade mode in its spec now;
// reconciledMode: the one in the spec it last reconciled (what it applied to start this job).
QJsonObject deployment(const QString &specMode, const QString &reconciledMode = QString(),
                       Reconciled form = Reconciled::Wrapped, const QString &upgradePath = QString(),
                       const QString &initialPath = QString())
{
    QJsonObject jobStatus{{QStringLiteral("jobName"), QStringLiteral("Order totals")},
                          {QStringLiteral("jobId"), kJob},
                          {QStringLiteral("state"), QStringLiteral("RUNNING")},
                          {QStringLiteral("startTime"), QString::number(kStart.toMSecsSinceEpoch())},
                          {QStringLiteral("updateTime"), QString::number(kStart.addSecs(5).toMSecsSinceEpoch())}};
    if (!upgradePath.isEmpty())
        jobStatus.insert(QStringLiteral("upgradeSavepointPath"), upgradePath);
    QJsonObject status{{QStringLiteral("jobStatus"), jobStatus},
                       {QStringLiteral("jobManagerDeploymentStatus"), QStringLiteral("READY")},
                       {QStringLiteral("lifecycleState"), QStringLiteral("DEPLOYED")},
                       {QStringLiteral("observedGeneration"), 4}};
    const QJsonObject reconciled = spec(reconciledMode, initialPath);
    QJsonValue lastReconciled;
    switch (form) {
    case Reconciled::None:
        break;
    case Reconciled::Plain:
        lastReconciled = QString::fromUtf8(QJsonDocument(reconciled).toJson(QJsonDocument::Compact));
        break;
    case Reconciled::Wrapped: {
        const QJsonObject wrapped{
            {QStringLiteral("spec"), reconciled},
            {QStringLiteral("resource_metadata"),
             QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("generation"), 4}}},
                         {QStringLiteral("firstDeployment"), false}}}};
        lastReconciled = QString::fromUtf8(QJsonDocument(wrapped).toJson(QJsonDocument::Compact));
        break;
    }
    case Reconciled::Object:
        lastReconciled = reconciled;
        break;
    case Reconciled::Blank:
        lastReconciled = QString();
        break;
    }
    if (form != Reconciled::None) {
        status.insert(QStringLiteral("reconciliationStatus"),
                      QJsonObject{{QStringLiteral("reconciliationTimestamp"), kStart.toMSecsSinceEpoch()},
                                  {QStringLiteral("lastReconciledSpec"), lastReconciled},
                                  {QStringLiteral("state"), QStringLiteral("DEPLOYED")}});
    }
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
                       {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("order-totals")},
                                    {QStringLiteral("namespace"), QStringLiteral("flink")},
                                    {QStringLiteral("generation"), 4}}},
                       {QStringLiteral("spec"), spec(specMode, initialPath)},
                       {QStringLiteral("status"), status}};
}

// The newest completed checkpoint of the job before.
Snapshot checkpoint(qint64 id)
{
    Snapshot s;
    s.origin = Snapshot::Origin::JobManager;
    s.key = QStringLiteral("jm:%1").arg(id);
    s.type = QStringLiteral("CHECKPOINT");
    s.trigger = QStringLiteral("PERIODIC");
    s.state = QStringLiteral("COMPLETED");
    s.checkpointId = id;
    s.path = kCheckpointDir + QStringLiteral("/chk-%1").arg(id);
    s.time = kStart.addSecs(-90);
    return s;
}

// latest.restored of the started job's /jobs/{id}/checkpoints, as the JobManager writes it.
Snapshot restored(qint64 id, const QString &path, bool savepoint)
{
    const QJsonObject stats{
        {QStringLiteral("counts"),
         QJsonObject{{QStringLiteral("restored"), 1},
                     {QStringLiteral("total"), 0},
                     {QStringLiteral("in_progress"), 0},
                     {QStringLiteral("completed"), 0},
                     {QStringLiteral("failed"), 0}}},
        {QStringLiteral("latest"),
         QJsonObject{{QStringLiteral("completed"), QJsonValue()},
                     {QStringLiteral("savepoint"), QJsonValue()},
                     {QStringLiteral("failed"), QJsonValue()},
                     {QStringLiteral("restored"),
                      QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("restore_timestamp"), kStart.addSecs(2).toMSecsSinceEpoch()},
                                  {QStringLiteral("is_savepoint"), savepoint},
                                  {QStringLiteral("external_path"), path}}}}}};
    const Snapshot s = Snapshot::restoredFromCheckpointStats(stats, kJob);
    if (s.checkpointId != id || s.path != path)
        qFatal("restoredFromCheckpointStats did not read the test's latest.restored");
    return s;
}

// A job that restored nothing: latest.restored is null.
Snapshot nothingRestored()
{
    const QJsonObject stats{
        {QStringLiteral("latest"),
         QJsonObject{{QStringLiteral("completed"), QJsonValue()}, {QStringLiteral("restored"), QJsonValue()}}}};
    return Snapshot::restoredFromCheckpointStats(stats, kJob);
}

RestoreProvenance intending(RestoreProvenance::Intent intent, const QString &path = QString(), qint64 checkpointId = -1)
{
    RestoreProvenance p;
    p.jobStart = kStart;
    p.intent = intent;
    p.intendedPath = path;
    p.intendedCheckpointId = checkpointId;
    return p;
}

} // namespace

Q_DECLARE_METATYPE(Reconciled)

class TestRestoreProvenance : public QObject
{
    Q_OBJECT

private slots:
    void savepointUpgrade();
    void savepointUpgradeWithoutPath();
    void lastState();
    void lastStateFirstJob();
    void stateless();
    void initialSavepoint_data();
    void initialSavepoint();
    void reconciledModeFirst_data();
    void reconciledModeFirst();
    void observe();
    void verdict_data();
    void verdict();
    void unknownBeforeObserved();
    void failover();
};

void TestRestoreProvenance::savepointUpgrade()
{
    const RestoreProvenance p = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("savepoint"), QStringLiteral("savepoint"), Reconciled::Wrapped, kUpgradePath), false,
        checkpoint(41));
    QCOMPARE(p.intent, RestoreProvenance::Intent::Savepoint);
    QCOMPARE(p.intendedPath, kUpgradePath);
    QCOMPARE(p.intendedSource, QStringLiteral("upgradeSavepointPath"));
    // A savepoint upgrade names a path, not the last checkpoint.
    QCOMPARE(p.intendedCheckpointId, -1);
    QVERIFY(!p.observed);
    QCOMPARE(p.verdict(), RestoreProvenance::Verdict::Unknown);
}

void TestRestoreProvenance::savepointUpgradeWithoutPath()
{
    // A savepoint upgrade with no path recorded: the operator had no running job to take one from,
    // and what it restored instead cannot be told from the resource.
    const RestoreProvenance later = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("savepoint"), QStringLiteral("savepoint")), false, checkpoint(41));
    QCOMPARE(later.intent, RestoreProvenance::Intent::Unknown);
    QVERIFY(later.intendedPath.isEmpty());
    QCOMPARE(later.intendedSource, QStringLiteral("savepoint"));

    // The first job of a savepoint deployment without initialSavepointPath starts empty.
    const RestoreProvenance first = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("savepoint"), QStringLiteral("savepoint")), true, Snapshot());
    QCOMPARE(first.intent, RestoreProvenance::Intent::Empty);
    QCOMPARE(first.intendedSource, QStringLiteral("savepoint"));
}

void TestRestoreProvenance::lastState()
{
    const Snapshot last = checkpoint(42);
    const RestoreProvenance p = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("last-state"), QStringLiteral("last-state")), false, last);
    QCOMPARE(p.intent, RestoreProvenance::Intent::LatestCheckpoint);
    QCOMPARE(p.intendedCheckpointId, 42);
    QCOMPARE(p.intendedPath, last.path);
    QCOMPARE(p.intendedSource, QStringLiteral("last-state"));

    // An upgradeSavepointPath left from an earlier savepoint upgrade does not apply to last-state.
    const RestoreProvenance stale = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("last-state"), QStringLiteral("last-state"), Reconciled::Wrapped, kUpgradePath),
        false, last);
    QCOMPARE(stale.intent, RestoreProvenance::Intent::LatestCheckpoint);
    QCOMPARE(stale.intendedCheckpointId, 42);

    // No checkpoint known before the start: the latest one, whichever it is.
    const RestoreProvenance unknown = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("last-state"), QStringLiteral("last-state")), false, Snapshot());
    QCOMPARE(unknown.intent, RestoreProvenance::Intent::LatestCheckpoint);
    QCOMPARE(unknown.intendedCheckpointId, -1);
    QVERIFY(unknown.intendedPath.isEmpty());
}

void TestRestoreProvenance::lastStateFirstJob()
{
    // A new last-state deployment's first job has no state to take over: starting empty is what the
    // operator meant, not a lost state.
    RestoreProvenance p = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("last-state"), QStringLiteral("last-state")), true, Snapshot());
    QCOMPARE(p.intent, RestoreProvenance::Intent::Empty);
    QCOMPARE(p.intendedSource, QStringLiteral("last-state"));
    p.observe(nothingRestored(), 0);
    QCOMPARE(p.verdict(), RestoreProvenance::Verdict::AsIntended);

    // Taken for the first although a checkpoint is known before it: that checkpoint is what it should
    // restore at least.
    const RestoreProvenance known = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("last-state"), QStringLiteral("last-state")), true, checkpoint(42));
    QCOMPARE(known.intent, RestoreProvenance::Intent::LatestCheckpoint);
    QCOMPARE(known.intendedCheckpointId, 42);
}

void TestRestoreProvenance::stateless()
{
    const RestoreProvenance p = RestoreProvenance::intentAtStart(
        deployment(QStringLiteral("stateless"), QStringLiteral("stateless"), Reconciled::Wrapped, kUpgradePath), false,
        checkpoint(42));
    QCOMPARE(p.intent, RestoreProvenance::Intent::Empty);
    QCOMPARE(p.intendedSource, QStringLiteral("stateless"));
    QVERIFY(p.intendedPath.isEmpty());
    QCOMPARE(p.intendedCheckpointId, -1);

    // No upgradeMode written: the CRD's default, stateless.
    const RestoreProvenance unset
        = RestoreProvenance::intentAtStart(deployment(QString(), QString()), false, checkpoint(42));
    QCOMPARE(unset.intent, RestoreProvenance::Intent::Empty);
    QCOMPARE(unset.intendedSource, QStringLiteral("stateless"));

    // Nothing at all known of the resource.
    const RestoreProvenance bare = RestoreProvenance::intentAtStart(QJsonObject(), false, Snapshot());
    QCOMPARE(bare.intent, RestoreProvenance::Intent::Empty);
}

void TestRestoreProvenance::initialSavepoint_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("stateless") << QStringLiteral("stateless");
    QTest::newRow("savepoint") << QStringLiteral("savepoint");
    QTest::newRow("last-state") << QStringLiteral("last-state");
}

void TestRestoreProvenance::initialSavepoint()
{
    QFETCH(QString, mode);
    // The first job starts from initialSavepointPath whatever the mode, even with a checkpoint or an
    // upgrade path known.
    const RestoreProvenance first = RestoreProvenance::intentAtStart(
        deployment(mode, mode, Reconciled::Wrapped, kUpgradePath, kInitialPath), true, checkpoint(42));
    QCOMPARE(first.intent, RestoreProvenance::Intent::Savepoint);
    QCOMPARE(first.intendedPath, kInitialPath);
    QCOMPARE(first.intendedSource, QStringLiteral("initialSavepointPath"));
    QCOMPARE(first.intendedCheckpointId, -1);

    // Later jobs ignore it: their mode decides.
    const RestoreProvenance later = RestoreProvenance::intentAtStart(
        deployment(mode, mode, Reconciled::Wrapped, kUpgradePath, kInitialPath), false, checkpoint(42));
    QVERIFY(later.intendedSource != QLatin1String("initialSavepointPath"));
    QVERIFY(later.intendedPath != kInitialPath);
    if (mode == QLatin1String("stateless"))
        QCOMPARE(later.intent, RestoreProvenance::Intent::Empty);
    else if (mode == QLatin1String("savepoint"))
        QCOMPARE(later.intendedPath, kUpgradePath);
    else
        QCOMPARE(later.intendedCheckpointId, 42);
}

void TestRestoreProvenance::reconciledModeFirst_data()
{
    QTest::addColumn<QString>("specMode");
    QTest::addColumn<QString>("reconciledMode");
    QTest::addColumn<Reconciled>("form");
    QTest::addColumn<RestoreProvenance::Intent>("intent");

    using Intent = RestoreProvenance::Intent;
    // The spec edited after the start: the mode the operator applied counts.
    QTest::newRow("wrapped last-state, spec savepoint") << QStringLiteral("savepoint") << QStringLiteral("last-state")
                                                        << Reconciled::Wrapped << Intent::LatestCheckpoint;
    QTest::newRow("plain last-state, spec savepoint")
        << QStringLiteral("savepoint") << QStringLiteral("last-state") << Reconciled::Plain << Intent::LatestCheckpoint;
    QTest::newRow("object last-state, spec savepoint") << QStringLiteral("savepoint") << QStringLiteral("last-state")
                                                       << Reconciled::Object << Intent::LatestCheckpoint;
    QTest::newRow("wrapped stateless, spec last-state")
        << QStringLiteral("last-state") << QStringLiteral("stateless") << Reconciled::Wrapped << Intent::Empty;
    QTest::newRow("wrapped savepoint, spec stateless")
        << QStringLiteral("stateless") << QStringLiteral("savepoint") << Reconciled::Wrapped << Intent::Savepoint;
    // Nothing reconciled yet, or recorded empty: the spec's.
    QTest::newRow("none, spec last-state")
        << QStringLiteral("last-state") << QStringLiteral("stateless") << Reconciled::None << Intent::LatestCheckpoint;
    QTest::newRow("blank, spec savepoint")
        << QStringLiteral("savepoint") << QStringLiteral("stateless") << Reconciled::Blank << Intent::Savepoint;
}

void TestRestoreProvenance::reconciledModeFirst()
{
    QFETCH(QString, specMode);
    QFETCH(QString, reconciledMode);
    QFETCH(Reconciled, form);
    QFETCH(RestoreProvenance::Intent, intent);
    const RestoreProvenance p = RestoreProvenance::intentAtStart(
        deployment(specMode, reconciledMode, form, kUpgradePath), false, checkpoint(42));
    QCOMPARE(p.intent, intent);
    switch (intent) {
    case RestoreProvenance::Intent::Savepoint:
        QCOMPARE(p.intendedPath, kUpgradePath);
        break;
    case RestoreProvenance::Intent::LatestCheckpoint:
        QCOMPARE(p.intendedCheckpointId, 42);
        break;
    default:
        QVERIFY(p.intendedPath.isEmpty());
        break;
    }
}

void TestRestoreProvenance::observe()
{
    RestoreProvenance p = intending(RestoreProvenance::Intent::Savepoint, kUpgradePath);
    const Snapshot from = restored(17, kUpgradePath, true);
    p.observe(from, 0);
    QVERIFY(p.observed);
    QCOMPARE(p.restoredPath, kUpgradePath);
    QCOMPARE(p.restoredCheckpointId, 17);
    QVERIFY(p.restoredSavepoint);
    QCOMPARE(p.restoredAt, kStart.addSecs(2));
    QCOMPARE(p.restartsWhenObserved, 0);
    QVERIFY(p.restoredSomething());
    QCOMPARE(p.verdict(), RestoreProvenance::Verdict::AsIntended);

    // A checkpoint restored; a negative restart count (unknown) is none.
    p.observe(restored(42, kCheckpointDir + QStringLiteral("/chk-42"), false), -1);
    QVERIFY(!p.restoredSavepoint);
    QCOMPARE(p.restartsWhenObserved, 0);

    // Nothing restored.
    p.observe(nothingRestored(), 0);
    QVERIFY(p.observed);
    QVERIFY(!p.restoredSomething());
    QCOMPARE(p.restoredCheckpointId, -1);
    QVERIFY(p.restoredPath.isEmpty());

    // Only one of id and path known is still a restore.
    RestoreProvenance idOnly;
    idOnly.restoredCheckpointId = 3;
    QVERIFY(idOnly.restoredSomething());
    RestoreProvenance pathOnly;
    pathOnly.restoredPath = kUpgradePath;
    QVERIFY(pathOnly.restoredSomething());
}

void TestRestoreProvenance::verdict_data()
{
    QTest::addColumn<RestoreProvenance>("intent");
    QTest::addColumn<Snapshot>("restore");
    QTest::addColumn<RestoreProvenance::Verdict>("verdict");

    using Intent = RestoreProvenance::Intent;
    using Verdict = RestoreProvenance::Verdict;
    const QString chk42 = kCheckpointDir + QStringLiteral("/chk-42");
    const QString other = QStringLiteral("s3://flink-state/order-totals/savepoints/savepoint-5c0ffe-000000000000");

    QTest::newRow("savepoint as intended")
        << intending(Intent::Savepoint, kUpgradePath) << restored(17, kUpgradePath, true) << Verdict::AsIntended;
    QTest::newRow("savepoint differs") << intending(Intent::Savepoint, kUpgradePath) << restored(17, other, true)
                                       << Verdict::Differs;
    QTest::newRow("savepoint, a checkpoint restored")
        << intending(Intent::Savepoint, kUpgradePath) << restored(42, chk42, false) << Verdict::Differs;
    QTest::newRow("intended with trailing slash") << intending(Intent::Savepoint, kUpgradePath + QLatin1Char('/'))
                                                  << restored(17, kUpgradePath, true) << Verdict::AsIntended;
    QTest::newRow("restored with trailing slash")
        << intending(Intent::Savepoint, kUpgradePath) << restored(17, kUpgradePath + QStringLiteral("//"), true)
        << Verdict::AsIntended;
    QTest::newRow("a prefix is another path")
        << intending(Intent::Savepoint, kUpgradePath) << restored(17, kUpgradePath + QStringLiteral("0"), true)
        << Verdict::Differs;
    QTest::newRow("savepoint, started empty")
        << intending(Intent::Savepoint, kUpgradePath) << nothingRestored() << Verdict::StartedEmpty;
    QTest::newRow("initial savepoint as intended")
        << intending(Intent::Savepoint, kInitialPath) << restored(3, kInitialPath, true) << Verdict::AsIntended;

    QTest::newRow("last checkpoint") << intending(Intent::LatestCheckpoint, chk42, 42) << restored(42, chk42, false)
                                     << Verdict::AsIntended;
    QTest::newRow("newer checkpoint") << intending(Intent::LatestCheckpoint, chk42, 42)
                                      << restored(44, kCheckpointDir + QStringLiteral("/chk-44"), false)
                                      << Verdict::AsIntended;
    QTest::newRow("older checkpoint") << intending(Intent::LatestCheckpoint, chk42, 42)
                                      << restored(40, kCheckpointDir + QStringLiteral("/chk-40"), false)
                                      << Verdict::OlderCheckpoint;
    QTest::newRow("a savepoint newer than the checkpoint")
        << intending(Intent::LatestCheckpoint, chk42, 42) << restored(43, kUpgradePath, true) << Verdict::AsIntended;
    QTest::newRow("last-state, started empty")
        << intending(Intent::LatestCheckpoint, chk42, 42) << nothingRestored() << Verdict::StartedEmpty;
    QTest::newRow("last-state, no checkpoint known")
        << intending(Intent::LatestCheckpoint) << restored(7, kCheckpointDir + QStringLiteral("/chk-7"), false)
        << Verdict::AsIntended;

    QTest::newRow("empty as intended") << intending(Intent::Empty) << nothingRestored() << Verdict::AsIntended;
    QTest::newRow("restored unasked") << intending(Intent::Empty) << restored(42, chk42, false)
                                      << Verdict::RestoredUnasked;
    QTest::newRow("savepoint unasked") << intending(Intent::Empty) << restored(17, kUpgradePath, true)
                                       << Verdict::RestoredUnasked;

    QTest::newRow("intent unknown") << intending(Intent::Unknown) << restored(17, kUpgradePath, true)
                                    << Verdict::Unknown;
    QTest::newRow("intent unknown, nothing restored")
        << intending(Intent::Unknown) << nothingRestored() << Verdict::Unknown;
}

void TestRestoreProvenance::verdict()
{
    QFETCH(RestoreProvenance, intent);
    QFETCH(Snapshot, restore);
    QFETCH(RestoreProvenance::Verdict, verdict);
    RestoreProvenance p = intent;
    p.observe(restore, 0);
    QCOMPARE(p.verdict(), verdict);
}

void TestRestoreProvenance::unknownBeforeObserved()
{
    // Until the JobManager's statistics are read nothing is said, whatever the intent.
    for (const auto intent : {RestoreProvenance::Intent::Unknown, RestoreProvenance::Intent::Empty,
                              RestoreProvenance::Intent::Savepoint, RestoreProvenance::Intent::LatestCheckpoint}) {
        RestoreProvenance p = intending(intent, kUpgradePath, 42);
        QCOMPARE(p.verdict(), RestoreProvenance::Verdict::Unknown);
        // Restore fields filled in without observe() do not count either.
        p.restoredPath = QStringLiteral("s3://elsewhere");
        p.restoredCheckpointId = 1;
        QCOMPARE(p.verdict(), RestoreProvenance::Verdict::Unknown);
    }
}

void TestRestoreProvenance::failover()
{
    const QString chk42 = kCheckpointDir + QStringLiteral("/chk-42");
    const QString chk57 = kCheckpointDir + QStringLiteral("/chk-57");

    // First seen after restarts, the job names the checkpoint of its last restart: nothing can be said
    // against the savepoint it was started from.
    RestoreProvenance savepoint = intending(RestoreProvenance::Intent::Savepoint, kUpgradePath);
    savepoint.observe(restored(57, chk57, false), 2);
    QCOMPARE(savepoint.restartsWhenObserved, 2);
    QCOMPARE(savepoint.verdict(), RestoreProvenance::Verdict::Unknown);

    // Nor against last-state's checkpoint, though it is older.
    RestoreProvenance lastState = intending(RestoreProvenance::Intent::LatestCheckpoint, chk42, 42);
    lastState.observe(restored(40, kCheckpointDir + QStringLiteral("/chk-40"), false), 1);
    QCOMPARE(lastState.verdict(), RestoreProvenance::Verdict::Unknown);

    // Nor that a stateless job restored a checkpoint: its own, after a failure.
    RestoreProvenance stateless = intending(RestoreProvenance::Intent::Empty);
    stateless.observe(restored(3, kCheckpointDir + QStringLiteral("/chk-3"), false), 1);
    QCOMPARE(stateless.verdict(), RestoreProvenance::Verdict::Unknown);

    // A savepoint still named after restarts (none completed since) is the start's: judged.
    RestoreProvenance stillSavepoint = intending(RestoreProvenance::Intent::Savepoint, kUpgradePath);
    stillSavepoint.observe(restored(17, kUpgradePath, true), 3);
    QCOMPARE(stillSavepoint.verdict(), RestoreProvenance::Verdict::AsIntended);
    stillSavepoint.observe(
        restored(17, QStringLiteral("s3://flink-state/order-totals/savepoints/savepoint-5c0ffe-000000000000"), true),
        3);
    QCOMPARE(stillSavepoint.verdict(), RestoreProvenance::Verdict::Differs);

    // Restarted and nothing restored: it started empty and restarted empty.
    RestoreProvenance empty = intending(RestoreProvenance::Intent::Savepoint, kUpgradePath);
    empty.observe(nothingRestored(), 1);
    QCOMPARE(empty.verdict(), RestoreProvenance::Verdict::StartedEmpty);

    // Without restarts the same checkpoint is judged.
    RestoreProvenance noRestart = intending(RestoreProvenance::Intent::Savepoint, kUpgradePath);
    noRestart.observe(restored(57, chk57, false), 0);
    QCOMPARE(noRestart.verdict(), RestoreProvenance::Verdict::Differs);
}

QTEST_APPLESS_MAIN(TestRestoreProvenance)
#include "tst_restoreprovenance.moc"
