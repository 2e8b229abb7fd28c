// ActionPlan: the merge patch every action writes, on FlinkDeployments shaped like the operator's
// examples, and the confirmation texts of the action descriptions.

#include "actions/actiondescriptor.h"
#include "actions/actionplan.h"
#include "common/jsonliteral.h"
#include "flink/autoscalerconfig.h"
#include "flink/deployment.h"
#include "json/jsontools.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;
using capstan::test::jsonObject;

Q_DECLARE_METATYPE(capstan::ActionKind)

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QStringList path(const char *dotted)
{
    return QString::fromLatin1(dotted).split(QLatin1Char('.'));
}

// basic-checkpoint-ha.yaml of the operator's examples, in last-state with a restart nonce, running.
// The paths' slashes are JSON escapes: moc reads "//" in a raw string as the start of a comment.
const char *const kSpec = R"({
  "image": "flink:1.20", "flinkVersion": "v1_20", "serviceAccount": "flink", "restartNonce": 3,
  "flinkConfiguration": {"taskmanager.numberOfTaskSlots": "2",
                         "state.savepoints.dir": "file:\/\/\/flink-data/savepoints",
                         "state.checkpoints.dir": "file:\/\/\/flink-data/checkpoints",
                         "high-availability.type": "kubernetes",
                         "high-availability.storageDir": "file:\/\/\/flink-data/ha",
                         "execution.checkpointing.interval": "1m"},
  "jobManager": {"resource": {"memory": "2048m", "cpu": 1}},
  "taskManager": {"resource": {"memory": "2048m", "cpu": 1}},
  "job": {"jarURI": "local:\/\/\/opt/flink/examples/streaming/StateMachineExample.jar", "parallelism": 2,
          "upgradeMode": "last-state", "state": "running", "args": ["--error-rate", "0.1"],
          "savepointTriggerNonce": 0}
})";

// The spec as the operator serializes it into lastStableSpec: every field of its model, null when unset.
QJsonObject operatorSerialized(QJsonObject spec)
{
    for (const char *field : {"ingress", "podTemplate", "logConfiguration", "mode", "imagePullPolicy"}) {
        if (!spec.contains(QLatin1String(field)))
            spec.insert(QLatin1String(field), QJsonValue::Null);
    }
    for (const char *component : {"jobManager", "taskManager"}) {
        QJsonObject resource = json::valueAt(spec, {QLatin1String(component), QStringLiteral("resource")}).toObject();
        if (!resource.contains(QLatin1String("ephemeralStorage")))
            resource.insert(QStringLiteral("ephemeralStorage"), QJsonValue::Null);
        spec = json::withValueAt(spec, {QLatin1String(component), QStringLiteral("resource")}, resource);
        spec = json::withValueAt(spec, {QLatin1String(component), QStringLiteral("podTemplate")}, QJsonValue::Null);
    }
    if (!spec.contains(QLatin1String("job")))
        return spec;
    QJsonObject job = spec.value(QLatin1String("job")).toObject();
    for (const char *field : {"entryClass", "initialSavepointPath", "allowNonRestoredState", "checkpointTriggerNonce",
                              "savepointRedeployNonce", "autoscalerResetNonce"}) {
        if (!job.contains(QLatin1String(field)))
            job.insert(QLatin1String(field), QJsonValue::Null);
    }
    spec.insert(QStringLiteral("job"), job);
    return spec;
}

QString lastStableSpec(const QJsonObject &spec, qint64 generation = 2)
{
    return compact(
        QJsonObject{{QStringLiteral("spec"), operatorSerialized(spec)},
                    {QStringLiteral("resource_metadata"),
                     QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("generation"), generation}}},
                                 {QStringLiteral("firstDeployment"), false}}}});
}

// A running FlinkDeployment with `spec`; lastStableSpec holds `stable` when given.
QJsonObject deployment(const QJsonObject &spec, const QJsonObject &stable = {})
{
    const bool suspended
        = spec.value(QLatin1String("job")).toObject().value(QLatin1String("state")) == QLatin1String("suspended");
    QJsonObject reconciliation{{QStringLiteral("state"), QStringLiteral("DEPLOYED")},
                               {QStringLiteral("lastReconciledSpec"), lastStableSpec(spec, 4)}};
    if (!stable.isEmpty())
        reconciliation.insert(QStringLiteral("lastStableSpec"), lastStableSpec(stable));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("basic-checkpoint-ha-example")},
                     {QStringLiteral("namespace"), QStringLiteral("flink")},
                     {QStringLiteral("uid"), QStringLiteral("7d3c0f5e-0000-4000-8000-000000000001")},
                     {QStringLiteral("resourceVersion"), QStringLiteral("48213")},
                     {QStringLiteral("generation"), 4}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("lifecycleState"), suspended ? QStringLiteral("SUSPENDED") : QStringLiteral("STABLE")},
             {QStringLiteral("jobManagerDeploymentStatus"),
              suspended ? QStringLiteral("MISSING") : QStringLiteral("READY")},
             {QStringLiteral("observedGeneration"), 4},
             {QStringLiteral("jobStatus"),
              QJsonObject{
                  {QStringLiteral("state"), suspended ? QStringLiteral("SUSPENDED") : QStringLiteral("RUNNING")},
                  {QStringLiteral("jobId"), QStringLiteral("c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b")}}},
             {QStringLiteral("reconciliationStatus"), reconciliation}}}};
}

ActionRequest request(ActionKind kind)
{
    ActionRequest r;
    r.kind = kind;
    r.ns = QStringLiteral("flink");
    r.name = QStringLiteral("basic-checkpoint-ha-example");
    r.deploymentUid = QStringLiteral("7d3c0f5e-0000-4000-8000-000000000001");
    return r;
}

QJsonObject withJob(const QJsonObject &spec, const char *field, const QJsonValue &value)
{
    return json::withValueAt(spec, {QStringLiteral("job"), QLatin1String(field)}, value);
}

// kSpec with the autoscaler options `autoscaler` (JSON text) added to its flinkConfiguration.
QJsonObject withAutoscaler(const char *autoscaler)
{
    QJsonObject spec = jsonObject(kSpec);
    QJsonObject conf = spec.value(QLatin1String("flinkConfiguration")).toObject();
    const QJsonObject options = jsonObject(autoscaler);
    for (auto it = options.begin(); it != options.end(); ++it)
        conf.insert(it.key(), it.value());
    spec.insert(QStringLiteral("flinkConfiguration"), conf);
    return spec;
}

} // namespace

class TestActionPlan : public QObject
{
    Q_OBJECT

private slots:
    void stopAndStart_data();
    void stopAndStart();
    void restartBumpsTheNonce();
    void rollbackToStableKeepsNoncesStateAndMode();
    void rollbackToStableNothingToDo();
    void rollbackToStableUnreadable();
    void rollbackToSnapshotWithRevision();
    void rollbackToSnapshotWithoutRevision();
    void configureDropsStaleNonces();
    void refusalsFollowAvailability_data();
    void refusalsFollowAvailability();
    void patchesSpec();
    void deleteSnapshotKeepsTheRestorePoint();
    void confirmationTexts();
    void resetAutoscalerBumpsTheNonce();
    void autoscalerSwitches_data();
    void autoscalerSwitches();
    void autoscalerAvailability_data();
    void autoscalerAvailability();
    void blueGreenPlansOnItsTemplate();
    void sessionJobPatchesItsOwnSpec();
};

void TestActionPlan::stopAndStart_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("desiredState");
    QTest::addColumn<QString>("patch");

    QTest::newRow("suspend") << ActionKind::Suspend << QStringLiteral("running")
                             << QStringLiteral(R"({"job":{"state":"suspended"}})");
    QTest::newRow("cancel-keep-state") << ActionKind::CancelKeepState << QStringLiteral("running")
                                       << QStringLiteral(R"({"job":{"state":"suspended","upgradeMode":"last-state"}})");
    QTest::newRow("cancel-discard-state")
        << ActionKind::CancelDiscardState << QStringLiteral("running")
        << QStringLiteral(R"({"job":{"state":"suspended","upgradeMode":"stateless"}})");
    QTest::newRow("start") << ActionKind::Start << QStringLiteral("suspended")
                           << QStringLiteral(R"({"job":{"state":"running"}})");
}

void TestActionPlan::stopAndStart()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, desiredState);
    QFETCH(QString, patch);
    // Cancel and Discard State from savepoint mode, so that the mode change shows in the spec.
    QJsonObject spec = withJob(jsonObject(kSpec), "state", desiredState);
    if (kind == ActionKind::CancelDiscardState || kind == ActionKind::CancelKeepState)
        spec = withJob(spec, "upgradeMode", QStringLiteral("savepoint"));
    const QJsonObject object = deployment(spec);

    const ActionPlan plan = ActionPlan::make(request(kind), object);
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QVERIFY(!plan.nothingToDo);
    QCOMPARE(compact(plan.patch), patch);

    // specAfter applies the patch and leaves everything else as it is.
    const QJsonObject after = plan.specAfter(spec);
    QJsonObject expected = spec;
    const QJsonObject changes = plan.patch.value(QLatin1String("job")).toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        expected = json::withValueAt(expected, {QStringLiteral("job"), it.key()}, it.value());
    QCOMPARE(after, expected);
    QCOMPARE(after.value(QLatin1String("restartNonce")).toInteger(), 3);
    QCOMPARE(after.value(QLatin1String("job")).toObject().value(QLatin1String("args")).toArray().size(), 2);
}

void TestActionPlan::restartBumpsTheNonce()
{
    const QJsonObject spec = jsonObject(kSpec);
    const ActionPlan plan = ActionPlan::make(request(ActionKind::Restart), deployment(spec));
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QCOMPARE(compact(plan.patch), QStringLiteral(R"({"restartNonce":4})"));
    QCOMPARE(plan.note, QStringLiteral("restartNonce 3 → 4"));
    QCOMPARE(plan.specAfter(spec), json::withValueAt(spec, {QStringLiteral("restartNonce")}, 4));

    // No nonce yet: the first restart writes 1.
    QJsonObject fresh = spec;
    fresh.remove(QStringLiteral("restartNonce"));
    const ActionPlan first = ActionPlan::make(request(ActionKind::Restart), deployment(fresh));
    QCOMPARE(compact(first.patch), QStringLiteral(R"({"restartNonce":1})"));
    QCOMPARE(first.note, QStringLiteral("restartNonce 0 → 1"));
    QCOMPARE(first.specAfter(fresh).value(QLatin1String("restartNonce")).toInteger(), 1);
}

void TestActionPlan::rollbackToStableKeepsNoncesStateAndMode()
{
    // The stable spec: before an argument was added, parallelism raised and the configuration changed;
    // its nonces, mode and state are older than the current ones.
    QJsonObject stable = jsonObject(kSpec);
    stable.insert(QStringLiteral("restartNonce"), 1);
    stable = withJob(stable, "args", QJsonArray{QStringLiteral("--error-rate"), QStringLiteral("0.1")});
    stable = withJob(stable, "upgradeMode", QStringLiteral("savepoint"));
    stable = withJob(stable, "savepointTriggerNonce", 0);
    stable = withJob(stable, "checkpointTriggerNonce", 2);
    stable = withJob(stable, "initialSavepointPath", QStringLiteral("file:///flink-data/savepoints/savepoint-old"));

    QJsonObject current = jsonObject(kSpec);
    current = withJob(current, "args",
                      QJsonArray{QStringLiteral("--error-rate"), QStringLiteral("0.1"), QStringLiteral("--sleep"),
                                 QStringLiteral("10")});
    current = withJob(current, "parallelism", 4);
    current = withJob(current, "savepointTriggerNonce", 5);
    current = withJob(current, "savepointRedeployNonce", 2);
    current = json::withValueAt(
        current, {QStringLiteral("flinkConfiguration"), QStringLiteral("taskmanager.numberOfTaskSlots")}, QJsonValue());
    current
        = json::withValueAt(current, {QStringLiteral("flinkConfiguration"), QStringLiteral("pipeline.max-parallelism")},
                            QStringLiteral("24"));
    current = json::withValueAt(current, {QStringLiteral("taskManager"), QStringLiteral("replicas")}, 2);

    const ActionPlan plan = ActionPlan::make(request(ActionKind::RollbackToStable), deployment(current, stable));
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QVERIFY(!plan.nothingToDo);
    QCOMPARE(compact(plan.patch),
             QStringLiteral(R"({"flinkConfiguration":{"pipeline.max-parallelism":null,)"
                            R"("taskmanager.numberOfTaskSlots":"2"},)"
                            R"("job":{"args":["--error-rate","0.1"],"parallelism":2},)"
                            R"("taskManager":{"replicas":null}})"));

    const QJsonObject after = plan.specAfter(current);
    const QJsonObject job = after.value(QLatin1String("job")).toObject();
    QCOMPARE(after.value(QLatin1String("restartNonce")).toInteger(), 3);
    QCOMPARE(job.value(QLatin1String("savepointTriggerNonce")).toInteger(), 5);
    QCOMPARE(job.value(QLatin1String("savepointRedeployNonce")).toInteger(), 2);
    QVERIFY(!job.contains(QLatin1String("checkpointTriggerNonce")));
    QVERIFY(!job.contains(QLatin1String("initialSavepointPath")));
    QCOMPARE(job.value(QLatin1String("upgradeMode")).toString(), QStringLiteral("last-state"));
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(job.value(QLatin1String("args")).toArray().size(), 2);
    QCOMPARE(job.value(QLatin1String("parallelism")).toInt(), 2);
    // The operator's nulls are unset fields, not values to write.
    QVERIFY(!after.contains(QLatin1String("ingress")));
    QVERIFY(!job.contains(QLatin1String("entryClass")));

    // The current spec's initialSavepointPath stays too.
    const QJsonObject withInitial
        = withJob(current, "initialSavepointPath", QStringLiteral("file:///flink-data/savepoints/savepoint-new"));
    const ActionPlan keeping = ActionPlan::make(request(ActionKind::RollbackToStable), deployment(withInitial, stable));
    QCOMPARE(keeping.specAfter(withInitial)
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("initialSavepointPath"))
                 .toString(),
             QStringLiteral("file:///flink-data/savepoints/savepoint-new"));

    // A session cluster has no job: its stable spec's restart nonce does not come back either.
    QJsonObject session = current;
    session.remove(QStringLiteral("job"));
    QJsonObject stableSession = stable;
    stableSession.remove(QStringLiteral("job"));
    const ActionPlan sessionPlan
        = ActionPlan::make(request(ActionKind::RollbackToStable), deployment(session, stableSession));
    QVERIFY2(!sessionPlan.refused(), qPrintable(sessionPlan.refusal));
    QCOMPARE(sessionPlan.specAfter(session).value(QLatin1String("restartNonce")).toInteger(), 3);
    QVERIFY(!sessionPlan.patch.contains(QLatin1String("job")));
}

void TestActionPlan::rollbackToStableNothingToDo()
{
    // The stable spec differs only in what a rollback keeps.
    QJsonObject current = jsonObject(kSpec);
    QJsonObject stable = withJob(current, "upgradeMode", QStringLiteral("savepoint"));
    stable = withJob(stable, "savepointTriggerNonce", 0);
    stable.insert(QStringLiteral("restartNonce"), 2);
    current = withJob(current, "savepointTriggerNonce", 7);
    const ActionPlan plan = ActionPlan::make(request(ActionKind::RollbackToStable), deployment(current, stable));
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QVERIFY2(plan.nothingToDo, qPrintable(compact(plan.patch)));
    QVERIFY(plan.patch.isEmpty());
    QCOMPARE(plan.specAfter(current), current);
}

void TestActionPlan::rollbackToStableUnreadable()
{
    for (const QString &unreadable : {QStringLiteral("{\"spec\": {\"job\": "), QStringLiteral("not json"),
                                      QStringLiteral(R"({"resource_metadata":{}})")}) {
        QJsonObject object = deployment(jsonObject(kSpec), jsonObject(kSpec));
        object = json::withValueAt(object, path("status.reconciliationStatus.lastStableSpec"), unreadable);
        const ActionPlan plan = ActionPlan::make(request(ActionKind::RollbackToStable), object);
        QVERIFY2(plan.refused(), qPrintable(unreadable));
        QVERIFY(plan.refusal.contains(QLatin1String("basic-checkpoint-ha-example")));
        QVERIFY(plan.patch.isEmpty());
    }
}

void TestActionPlan::rollbackToSnapshotWithRevision()
{
    QJsonObject current = jsonObject(kSpec);
    current = withJob(current, "parallelism", 4);
    current = withJob(current, "savepointRedeployNonce", 2);
    current = withJob(current, "initialSavepointPath", QStringLiteral("file:///flink-data/savepoints/savepoint-a"));
    current
        = json::withValueAt(current, {QStringLiteral("flinkConfiguration"), QStringLiteral("pipeline.max-parallelism")},
                            QStringLiteral("24"));

    SpecRevision revision;
    revision.generation = 2;
    revision.spec = jsonObject(kSpec);
    revision.spec.insert(QStringLiteral("restartNonce"), 1);
    revision.spec = withJob(revision.spec, "upgradeMode", QStringLiteral("savepoint"));
    revision.spec = withJob(revision.spec, "state", QStringLiteral("suspended"));
    revision.spec = withJob(revision.spec, "savepointRedeployNonce", 1);

    ActionRequest r = request(ActionKind::RollbackToSnapshot);
    r.snapshotPath = QStringLiteral("file:///flink-data/checkpoints/c2b1f8e4/chk-42");
    const ActionPlan plan = ActionPlan::make(r, deployment(current), revision);
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QVERIFY(!plan.nothingToDo);
    QVERIFY2(plan.note.contains(QLatin1String("generation 2")), qPrintable(plan.note));
    QCOMPARE(compact(plan.patch),
             QStringLiteral(R"({"flinkConfiguration":{"pipeline.max-parallelism":null},)"
                            R"("job":{"initialSavepointPath":"%1",)"
                            R"("parallelism":2,"savepointRedeployNonce":3}})")
                 .arg(r.snapshotPath));
    const QJsonObject job = plan.specAfter(current).value(QLatin1String("job")).toObject();
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(job.value(QLatin1String("upgradeMode")).toString(), QStringLiteral("last-state"));
    QCOMPARE(plan.specAfter(current).value(QLatin1String("restartNonce")).toInteger(), 3);

    // A revision of unknown generation says so without a number.
    revision.generation = -1;
    const ActionPlan unknown = ActionPlan::make(r, deployment(current), revision);
    QVERIFY(!unknown.note.contains(QLatin1String("generation")));
    QCOMPARE(unknown.patch, plan.patch);
}

void TestActionPlan::rollbackToSnapshotWithoutRevision()
{
    // No redeploy nonce yet: the first is 1; the configuration stays as it is.
    QJsonObject current = jsonObject(kSpec);
    current = withJob(current, "parallelism", 4);
    ActionRequest r = request(ActionKind::RollbackToSnapshot);
    r.snapshotPath = QStringLiteral("file:///flink-data/savepoints/savepoint-7e1a2b-0123456789ab");
    const ActionPlan plan = ActionPlan::make(r, deployment(current));
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QVERIFY2(plan.note.contains(QLatin1String("only the state")), qPrintable(plan.note));
    QCOMPARE(compact(plan.patch),
             QStringLiteral(R"({"job":{"initialSavepointPath":"%1","savepointRedeployNonce":1}})").arg(r.snapshotPath));

    // A revision without a job (nothing to take a job from) counts as none.
    SpecRevision jobless;
    jobless.spec = jsonObject(R"({"image": "flink:1.19"})");
    jobless.generation = 1;
    QCOMPARE(ActionPlan::make(r, deployment(current), jobless).patch, plan.patch);
}

void TestActionPlan::configureDropsStaleNonces()
{
    // The user edited a spec whose nonces have moved on the server since (restartNonce 3 → 5).
    const QJsonObject base = jsonObject(kSpec);
    QJsonObject server = jsonObject(kSpec);
    server.insert(QStringLiteral("restartNonce"), 5);
    server = withJob(server, "savepointRedeployNonce", 4);
    QJsonObject edited = withJob(base, "parallelism", 3);
    edited.insert(QStringLiteral("restartNonce"), 4); // older than the server's
    edited = withJob(edited, "savepointRedeployNonce", 1);

    ActionRequest r = request(ActionKind::Configure);
    r.baseSpec = base;
    r.newSpec = edited;
    const ActionPlan plan = ActionPlan::make(r, deployment(server));
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QCOMPARE(compact(plan.patch), QStringLiteral(R"({"job":{"parallelism":3}})"));

    // A removed nonce is not written as null either; one that moves forward is written.
    QJsonObject removed = base;
    removed.remove(QStringLiteral("restartNonce"));
    r.newSpec = removed;
    const ActionPlan none = ActionPlan::make(r, deployment(server));
    QVERIFY(none.nothingToDo);
    QVERIFY(none.patch.isEmpty());

    r.newSpec = json::withValueAt(base, {QStringLiteral("restartNonce")}, 6);
    QCOMPARE(compact(ActionPlan::make(r, deployment(server)).patch), QStringLiteral(R"({"restartNonce":6})"));
    r.newSpec = withJob(base, "savepointRedeployNonce", 5);
    QCOMPARE(compact(ActionPlan::make(r, deployment(server)).patch),
             QStringLiteral(R"({"job":{"savepointRedeployNonce":5}})"));
}

void TestActionPlan::refusalsFollowAvailability_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QStringList>("setPath"); // empty: the running deployment as it is
    QTest::addColumn<QString>("value"); // empty: removed

    const QStringList state{QStringLiteral("spec"), QStringLiteral("job"), QStringLiteral("state")};
    QTest::newRow("start-running") << ActionKind::Start << QStringList() << QString();
    QTest::newRow("suspend-suspended") << ActionKind::Suspend << state << QStringLiteral("suspended");
    QTest::newRow("restart-suspended") << ActionKind::Restart << state << QStringLiteral("suspended");
    QTest::newRow("cancel-keep-state-without-ha")
        << ActionKind::CancelKeepState
        << QStringList{QStringLiteral("spec"), QStringLiteral("flinkConfiguration"),
                       QStringLiteral("high-availability.type")}
        << QString();
    QTest::newRow("cancel-keep-state-without-checkpoints")
        << ActionKind::CancelKeepState << QStringList{QStringLiteral("spec"), QStringLiteral("flinkConfiguration")}
        << QString();
    QTest::newRow("rollback-without-stable-spec") << ActionKind::RollbackToStable << QStringList() << QString();
    QTest::newRow("rollback-snapshot-session")
        << ActionKind::RollbackToSnapshot << QStringList{QStringLiteral("spec"), QStringLiteral("job")} << QString();
}

void TestActionPlan::refusalsFollowAvailability()
{
    QFETCH(ActionKind, kind);
    QFETCH(QStringList, setPath);
    QFETCH(QString, value);
    QJsonObject object = deployment(jsonObject(kSpec));
    if (!setPath.isEmpty())
        object = json::withValueAt(object, setPath, value.isEmpty() ? QJsonValue() : QJsonValue(value));
    if (QTest::currentDataTag() == QByteArray("cancel-keep-state-without-checkpoints")) {
        // HA set, but no checkpoint interval or directory.
        object = json::withValueAt(
            object, {QStringLiteral("spec"), QStringLiteral("flinkConfiguration")},
            QJsonObject{{QStringLiteral("high-availability.type"), QStringLiteral("kubernetes")},
                        {QStringLiteral("high-availability.storageDir"), QStringLiteral("file:///flink-data/ha")}});
    }
    const Availability available = availability(kind, Deployment::fromJson(object));
    QVERIFY(!available.available);

    ActionRequest r = request(kind);
    r.snapshotPath = QStringLiteral("file:///flink-data/savepoints/savepoint-1");
    const ActionPlan plan = ActionPlan::make(r, object);
    QVERIFY(plan.refused());
    QVERIFY2(plan.refusal.contains(available.reason), qPrintable(plan.refusal));
    QVERIFY(plan.refusal.contains(ActionDescriptor::of(kind).name()));
    QVERIFY(plan.patch.isEmpty());
}

void TestActionPlan::patchesSpec()
{
    for (ActionKind kind : ActionDescriptor::all()) {
        const bool writesSpec = kind != ActionKind::Create && kind != ActionKind::Delete
            && kind != ActionKind::Savepoint && kind != ActionKind::Checkpoint && kind != ActionKind::DeleteSnapshot;
        QCOMPARE(ActionPlan::patchesSpec(kind), writesSpec);
    }
    // Delete plans no patch; it is available on any deployment.
    const ActionPlan plan = ActionPlan::make(request(ActionKind::Delete), deployment(jsonObject(kSpec)));
    QVERIFY(!plan.refused());
    QVERIFY(plan.patch.isEmpty());
}

void TestActionPlan::deleteSnapshotKeepsTheRestorePoint()
{
    QJsonObject object = deployment(jsonObject(kSpec));
    QJsonObject status = object.value(QLatin1String("status")).toObject();
    QJsonObject jobStatus = status.value(QLatin1String("jobStatus")).toObject();
    jobStatus.insert(QStringLiteral("upgradeSavepointPath"), QStringLiteral("s3://sp/savepoint-2"));
    status.insert(QStringLiteral("jobStatus"), jobStatus);
    object.insert(QStringLiteral("status"), status);

    ActionRequest r = request(ActionKind::DeleteSnapshot);
    r.snapshotName = QStringLiteral("basic-checkpoint-ha-example-savepoint-1");
    r.snapshotPath = QStringLiteral("s3://sp/savepoint-1");
    const ActionPlan old = ActionPlan::make(r, object);
    QVERIFY2(!old.refused(), qPrintable(old.refusal));
    QVERIFY(old.patch.isEmpty());
    // The one the next start or upgrade restores from is refused, with the reason.
    r.snapshotName = QStringLiteral("basic-checkpoint-ha-example-savepoint-2");
    r.snapshotPath = QStringLiteral("s3://sp/savepoint-2");
    const ActionPlan kept = ActionPlan::make(r, object);
    QVERIFY(kept.refused());
    QVERIFY2(kept.refusal.contains(QStringLiteral("would restore from this snapshot")), qPrintable(kept.refusal));
    // Only a resource can be deleted.
    r.snapshotName.clear();
    QVERIFY(ActionPlan::make(r, object).refused());
    QVERIFY(ActionDescriptor::of(ActionKind::DeleteSnapshot).alwaysConfirms);
}

void TestActionPlan::confirmationTexts()
{
    int confirming = 0;
    for (ActionKind kind : ActionDescriptor::all()) {
        const ActionDescriptor &d = ActionDescriptor::of(kind);
        if (!d.confirms())
            continue;
        ++confirming;
        const QString confirm = d.confirmText();
        const QString decline = d.declineText();
        QVERIFY2(!confirm.isEmpty() && !decline.isEmpty(), d.key);
        for (const QString &text : {confirm, decline}) {
            QVERIFY2(text.compare(QLatin1String("OK"), Qt::CaseInsensitive) != 0, d.key);
            QVERIFY2(text.compare(QLatin1String("Cancel"), Qt::CaseInsensitive) != 0, d.key);
        }
        QVERIFY2(confirm != decline, d.key);
        // Every decline text differs from every confirm text, so a button is never ambiguous.
        for (ActionKind other : ActionDescriptor::all())
            QVERIFY2(decline != ActionDescriptor::of(other).confirmText(), d.key);
    }
    QCOMPARE(confirming, 13); // all but Configure, Savepoint, New Deployment and the snapshot rollback
    // The review of a rollback to a snapshot confirms with its own buttons, although Preferences
    // cannot switch it off.
    QVERIFY(!ActionDescriptor::of(ActionKind::RollbackToSnapshot).confirmText().isEmpty());
    QVERIFY(!ActionDescriptor::of(ActionKind::RollbackToSnapshot).declineText().isEmpty());
}

void TestActionPlan::resetAutoscalerBumpsTheNonce()
{
    // No nonce yet: absent counts as 0, the first reset writes 1.
    const QJsonObject spec = withAutoscaler(R"({"job.autoscaler.enabled": "true"})");
    const ActionPlan first = ActionPlan::make(request(ActionKind::ResetAutoscaler), deployment(spec));
    QVERIFY2(!first.refused(), qPrintable(first.refusal));
    QVERIFY(!first.nothingToDo);
    QCOMPARE(compact(first.patch), QStringLiteral(R"({"job":{"autoscalerResetNonce":1}})"));
    QCOMPARE(first.note, QStringLiteral("autoscalerResetNonce 0 → 1"));
    QCOMPARE(first.specAfter(spec), withJob(spec, "autoscalerResetNonce", 1));

    // From 3 to 4, everything else (the restart nonce, the autoscaler's options) as it is.
    const QJsonObject three = withJob(spec, "autoscalerResetNonce", 3);
    const ActionPlan next = ActionPlan::make(request(ActionKind::ResetAutoscaler), deployment(three));
    QCOMPARE(compact(next.patch), QStringLiteral(R"({"job":{"autoscalerResetNonce":4}})"));
    QCOMPARE(next.note, QStringLiteral("autoscalerResetNonce 3 → 4"));
    QCOMPARE(next.specAfter(three), withJob(spec, "autoscalerResetNonce", 4));
    QVERIFY(ActionPlan::patchesSpec(ActionKind::ResetAutoscaler));
}

void TestActionPlan::autoscalerSwitches_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("options"); // the autoscaler's options in the spec before
    QTest::addColumn<QString>("patch");
    QTest::addColumn<int>("modeAfter"); // AutoscalerConfig::Mode

    const int off = int(AutoscalerConfig::Mode::Off);
    const int advisory = int(AutoscalerConfig::Mode::Advisory);
    const int active = int(AutoscalerConfig::Mode::Active);
    QTest::newRow("advisory") << ActionKind::AutoscalerAdvisory
                              << QStringLiteral(R"({"job.autoscaler.enabled":"true"})")
                              << QStringLiteral(R"({"flinkConfiguration":{"job.autoscaler.scaling.enabled":"false"}})")
                              << advisory;
    QTest::newRow("advisory-legacy")
        << ActionKind::AutoscalerAdvisory
        << QStringLiteral(R"({"kubernetes.operator.job.autoscaler.enabled":"true",)"
                          R"("kubernetes.operator.job.autoscaler.scaling.enabled":"true"})")
        << QStringLiteral(R"({"flinkConfiguration":{"kubernetes.operator.job.autoscaler.scaling.enabled":"false"}})")
        << advisory;
    QTest::newRow("active") << ActionKind::AutoscalerActive
                            << QStringLiteral(
                                   R"({"job.autoscaler.enabled":"true","job.autoscaler.scaling.enabled":"false"})")
                            << QStringLiteral(R"({"flinkConfiguration":{"job.autoscaler.scaling.enabled":"true"}})")
                            << active;
    QTest::newRow("active-legacy")
        << ActionKind::AutoscalerActive
        << QStringLiteral(R"({"job.autoscaler.enabled":"true",)"
                          R"("kubernetes.operator.job.autoscaler.scaling.enabled":"false"})")
        << QStringLiteral(R"({"flinkConfiguration":{"kubernetes.operator.job.autoscaler.scaling.enabled":"true"}})")
        << active;
    // A first enable only recommends.
    QTest::newRow("enable-first") << ActionKind::EnableAutoscaler << QStringLiteral("{}")
                                  << QStringLiteral(R"({"flinkConfiguration":{"job.autoscaler.enabled":"true",)"
                                                    R"("job.autoscaler.scaling.enabled":"false"}})")
                                  << advisory;
    QTest::newRow("enable-off") << ActionKind::EnableAutoscaler
                                << QStringLiteral(
                                       R"({"job.autoscaler.enabled":"false","job.autoscaler.metrics.window":"5m"})")
                                << QStringLiteral(R"({"flinkConfiguration":{"job.autoscaler.enabled":"true",)"
                                                  R"("job.autoscaler.scaling.enabled":"false"}})")
                                << advisory;
    // A spec that says whether to scale keeps its choice, in its spelling.
    QTest::newRow("enable-legacy-scaling")
        << ActionKind::EnableAutoscaler
        << QStringLiteral(R"({"kubernetes.operator.job.autoscaler.enabled":"false",)"
                          R"("kubernetes.operator.job.autoscaler.scaling.enabled":"true"})")
        << QStringLiteral(R"({"flinkConfiguration":{"kubernetes.operator.job.autoscaler.enabled":"true"}})") << active;
    QTest::newRow("enable-advisory-set") << ActionKind::EnableAutoscaler
                                         << QStringLiteral(R"({"job.autoscaler.scaling.enabled":"false"})")
                                         << QStringLiteral(
                                                R"({"flinkConfiguration":{"job.autoscaler.enabled":"true"}})")
                                         << advisory;
    QTest::newRow("disable") << ActionKind::DisableAutoscaler
                             << QStringLiteral(
                                    R"({"job.autoscaler.enabled":"true","job.autoscaler.scaling.enabled":"false"})")
                             << QStringLiteral(R"({"flinkConfiguration":{"job.autoscaler.enabled":"false"}})") << off;
    QTest::newRow("disable-legacy")
        << ActionKind::DisableAutoscaler << QStringLiteral(R"({"kubernetes.operator.job.autoscaler.enabled":"true"})")
        << QStringLiteral(R"({"flinkConfiguration":{"kubernetes.operator.job.autoscaler.enabled":"false"}})") << off;
}

void TestActionPlan::autoscalerSwitches()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, options);
    QFETCH(QString, patch);
    QFETCH(int, modeAfter);
    const QJsonObject spec = withAutoscaler(options.toUtf8().constData());

    const ActionPlan plan = ActionPlan::make(request(kind), deployment(spec));
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QVERIFY(!plan.nothingToDo);
    QVERIFY(ActionPlan::patchesSpec(kind));
    QCOMPARE(compact(plan.patch), patch);

    // Only the autoscaler's options change; the rest of flinkConfiguration and the spec stay.
    const QJsonObject after = plan.specAfter(spec);
    QCOMPARE(int(AutoscalerConfig::fromSpec(after).mode()), modeAfter);
    QJsonObject expected = spec;
    QJsonObject conf = spec.value(QLatin1String("flinkConfiguration")).toObject();
    const QJsonObject changes = plan.patch.value(QLatin1String("flinkConfiguration")).toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        conf.insert(it.key(), it.value());
    expected.insert(QStringLiteral("flinkConfiguration"), conf);
    QCOMPARE(after, expected);
}

void TestActionPlan::autoscalerAvailability_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("options");
    QTest::addColumn<bool>("session");
    QTest::addColumn<QString>("refusal"); // empty: available

    const QString activeOptions = QStringLiteral(R"({"job.autoscaler.enabled":"true"})");
    const QString advisoryOptions
        = QStringLiteral(R"({"job.autoscaler.enabled":"true","job.autoscaler.scaling.enabled":"false"})");
    const QString offOptions = QStringLiteral(R"({"job.autoscaler.enabled":"false"})");
    const QString none = QStringLiteral("{}");

    QTest::newRow("reset-active") << ActionKind::ResetAutoscaler << activeOptions << false << QString();
    QTest::newRow("reset-off-configured") << ActionKind::ResetAutoscaler << offOptions << false << QString();
    QTest::newRow("reset-legacy") << ActionKind::ResetAutoscaler
                                  << QStringLiteral(R"({"kubernetes.operator.job.autoscaler.enabled":"true"})") << false
                                  << QString();
    QTest::newRow("reset-unconfigured") << ActionKind::ResetAutoscaler << none << false
                                        << QStringLiteral("The autoscaler is not configured");
    QTest::newRow("reset-session") << ActionKind::ResetAutoscaler << activeOptions << true
                                   << QStringLiteral("A session cluster has no autoscaler.");

    QTest::newRow("advisory-active") << ActionKind::AutoscalerAdvisory << activeOptions << false << QString();
    QTest::newRow("advisory-advisory") << ActionKind::AutoscalerAdvisory << advisoryOptions << false
                                       << QStringLiteral("The autoscaler is already advisory");
    QTest::newRow("advisory-off") << ActionKind::AutoscalerAdvisory << offOptions << false
                                  << QStringLiteral("The autoscaler is not enabled");

    QTest::newRow("active-advisory") << ActionKind::AutoscalerActive << advisoryOptions << false << QString();
    QTest::newRow("active-active") << ActionKind::AutoscalerActive << activeOptions << false
                                   << QStringLiteral("The autoscaler is already active.");
    QTest::newRow("active-off") << ActionKind::AutoscalerActive << none << false
                                << QStringLiteral("The autoscaler is not enabled");

    QTest::newRow("enable-unconfigured") << ActionKind::EnableAutoscaler << none << false << QString();
    QTest::newRow("enable-off") << ActionKind::EnableAutoscaler << offOptions << false << QString();
    QTest::newRow("enable-active") << ActionKind::EnableAutoscaler << activeOptions << false
                                   << QStringLiteral("The autoscaler is already enabled.");
    QTest::newRow("enable-session") << ActionKind::EnableAutoscaler << none << true
                                    << QStringLiteral("session cluster");

    QTest::newRow("disable-active") << ActionKind::DisableAutoscaler << activeOptions << false << QString();
    QTest::newRow("disable-advisory") << ActionKind::DisableAutoscaler << advisoryOptions << false << QString();
    QTest::newRow("disable-off") << ActionKind::DisableAutoscaler << offOptions << false
                                 << QStringLiteral("The autoscaler is not enabled.");
}

void TestActionPlan::autoscalerAvailability()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, options);
    QFETCH(bool, session);
    QFETCH(QString, refusal);
    QJsonObject spec = withAutoscaler(options.toUtf8().constData());
    if (session)
        spec.remove(QStringLiteral("job"));
    const QJsonObject object = deployment(spec);

    const Availability available = availability(kind, Deployment::fromJson(object));
    const ActionPlan plan = ActionPlan::make(request(kind), object);
    if (refusal.isEmpty()) {
        QVERIFY2(available.available, qPrintable(available.reason));
        QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
        QVERIFY(!plan.patch.isEmpty());
        return;
    }
    QVERIFY(!available.available);
    QVERIFY2(available.reason.contains(refusal), qPrintable(available.reason));
    // The action refuses by the same rule when the deployment it reads fails it.
    QVERIFY(plan.refused());
    QVERIFY2(plan.refusal.contains(available.reason), qPrintable(plan.refusal));
    QVERIFY(plan.patch.isEmpty());
}

void TestActionPlan::blueGreenPlansOnItsTemplate()
{
    // bluegreen-laststate.yaml of the operator's blue/green examples, in outline: the job is the template's.
    const QJsonObject templateSpec = jsonObject(R"({"image": "flink:1.20", "flinkVersion": "v1_20",
        "flinkConfiguration": {"state.savepoints.dir": "file:\/\/\/opt/flink/volume/flink-sp"},
        "job": {"jarURI": "local:\/\/\/opt/flink/examples/streaming/StateMachineExample.jar", "parallelism": 1,
                "upgradeMode": "last-state"}})");
    const QJsonObject object{
        {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("FlinkBlueGreenDeployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("basic-bg-laststate-example")},
                     {QStringLiteral("namespace"), QStringLiteral("flink")},
                     {QStringLiteral("uid"), QStringLiteral("bg-1")},
                     {QStringLiteral("resourceVersion"), QStringLiteral("7")}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("configuration"),
                      QJsonObject{{QStringLiteral("kubernetes.operator.bluegreen.deployment-deletion.delay"),
                                   QStringLiteral("1s")}}},
                     {QStringLiteral("template"), QJsonObject{{QStringLiteral("spec"), templateSpec}}}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("blueGreenState"), QStringLiteral("ACTIVE_BLUE")},
             {QStringLiteral("jobStatus"), QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")}}}}}};
    QCOMPARE(Deployment::editableSpec(object), templateSpec);

    // Configure Deployment edits the template's spec; the write lands below spec.template.
    ActionRequest configure = request(ActionKind::Configure);
    configure.resourceKind = ResourceKind::FlinkBlueGreenDeployment;
    configure.baseSpec = templateSpec;
    configure.newSpec = withJob(templateSpec, "parallelism", 2);
    const ActionPlan plan = ActionPlan::make(configure, object);
    QVERIFY2(!plan.refused(), qPrintable(plan.refusal));
    QCOMPARE(compact(plan.patch), QStringLiteral(R"({"template":{"spec":{"job":{"parallelism":2}}}})"));
    QVERIFY2(plan.note.contains(QLatin1String("savepoint of the active child")), qPrintable(plan.note));
    const QJsonObject specBefore = object.value(QLatin1String("spec")).toObject();
    const QJsonObject after = plan.specAfter(specBefore);
    QCOMPARE(after.value(QLatin1String("configuration")), specBefore.value(QLatin1String("configuration")));
    QCOMPARE(json::valueAt(after, path("template.spec.job.parallelism")).toInt(), 2);

    // A stateless template hands nothing over, and the review says so.
    QVERIFY(ActionPlan::blueGreenTransition(withJob(templateSpec, "upgradeMode", QStringLiteral("stateless")))
                .contains(QLatin1String("without state")));

    // Actions on the running job belong to the child that runs it.
    for (const ActionKind kind : {ActionKind::Suspend, ActionKind::Savepoint, ActionKind::Restart,
                                  ActionKind::RollbackToStable, ActionKind::CancelDiscardState}) {
        const ActionPlan refused = ActionPlan::make(request(kind), object);
        QVERIFY2(refused.refused(), qPrintable(ActionDescriptor::of(kind).name()));
        QVERIFY2(refused.refusal.contains(QLatin1String("active child")), qPrintable(refused.refusal));
    }
    QVERIFY(!ActionPlan::make(request(ActionKind::Delete), object).refused());
}

void TestActionPlan::sessionJobPatchesItsOwnSpec()
{
    // basic-session-job.yaml's FlinkSessionJob, upgraded with savepoints.
    const QJsonObject spec = jsonObject(R"({"deploymentName": "basic-session-deployment-example",
        "job": {"jarURI": "https:\/\/repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/1.20.1/flink-examples-streaming-1.20.1-TopSpeedWindowing.jar",
                "parallelism": 4, "upgradeMode": "savepoint", "state": "running"}})");
    const QJsonObject object{{QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
                             {QStringLiteral("kind"), QStringLiteral("FlinkSessionJob")},
                             {QStringLiteral("metadata"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("basic-session-job-example")},
                                          {QStringLiteral("namespace"), QStringLiteral("flink")},
                                          {QStringLiteral("uid"), QStringLiteral("sj-1")}}},
                             {QStringLiteral("spec"), spec},
                             {QStringLiteral("status"),
                              QJsonObject{{QStringLiteral("lifecycleState"), QStringLiteral("STABLE")},
                                          {QStringLiteral("jobStatus"),
                                           QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")},
                                                       {QStringLiteral("jobId"), QStringLiteral("a1")}}}}}};
    const Deployment d = Deployment::fromJson(object);
    QCOMPARE(d.kind, ResourceKind::FlinkSessionJob);
    QCOMPARE(d.sessionClusterName, QStringLiteral("basic-session-deployment-example"));
    QCOMPARE(d.jobManagerName(), QStringLiteral("basic-session-deployment-example"));
    QVERIFY(!d.sessionCluster);
    QVERIFY(d.jobManagerExpected());
    QCOMPARE(d.displayState(), DisplayState::Running);
    QCOMPARE(d.key(), QStringLiteral("flink/FlinkSessionJob/basic-session-job-example"));

    const ActionPlan suspend = ActionPlan::make(request(ActionKind::Suspend), object);
    QVERIFY2(!suspend.refused(), qPrintable(suspend.refusal));
    QCOMPARE(compact(suspend.patch), QStringLiteral(R"({"job":{"state":"suspended"}})"));
    const ActionPlan restart = ActionPlan::make(request(ActionKind::Restart), object);
    QCOMPARE(compact(restart.patch), QStringLiteral(R"({"restartNonce":1})"));
}

QTEST_GUILESS_MAIN(TestActionPlan)
#include "tst_actionplan.moc"
