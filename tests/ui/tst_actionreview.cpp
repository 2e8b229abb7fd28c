// ActionReviewDialog on its own, on a synthetic deployment: the buttons each action names, the
// operator's sentence with the checkpoint it restores from and the maximum-age warning, a change on
// the cluster while the review is open, refusals, and screenshots in both palettes.

#include "actions/actiondescriptor.h"
#include "common/jsonliteral.h"
#include "ui/actionreviewdialog.h"
#include "ui/theme.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/yamldiffview.h"
#include "json/jsontools.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

using namespace capstan;
using capstan::test::jsonObject;

Q_DECLARE_METATYPE(capstan::ActionKind)

namespace {

const QDateTime kNow = QDateTime(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);
const QString kCheckpointPath = QStringLiteral("s3://flink-state/checkpoints/c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b/chk-42");
const QString kMaxAgeKey = QStringLiteral("kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age");

// A last-state deployment with Kubernetes HA and checkpoints (the operator's autoscaling example);
// the stable spec had parallelism 1 before it was raised to 2. (JSON's "\/" keeps "//" out of the
// raw string: moc reads it as the start of a comment.)
QJsonObject deployment(const QString &state = QStringLiteral("running"), const QString &maxAge = {})
{
    QJsonObject spec = jsonObject(R"({
      "image": "flink:1.20", "flinkVersion": "v1_20", "serviceAccount": "flink", "restartNonce": 2,
      "flinkConfiguration": {"taskmanager.numberOfTaskSlots": "4",
                             "state.savepoints.dir": "s3:\/\/flink-state\/savepoints",
                             "state.checkpoints.dir": "s3:\/\/flink-state\/checkpoints",
                             "high-availability.type": "kubernetes",
                             "high-availability.storageDir": "s3:\/\/flink-state\/ha",
                             "execution.checkpointing.interval": "1m"},
      "jobManager": {"resource": {"memory": "2048m", "cpu": 0.5}},
      "taskManager": {"resource": {"memory": "2048m", "cpu": 1}},
      "job": {"jarURI": "local:\/\/\/opt/flink/usrlib/autoscaling.jar", "parallelism": 2,
              "upgradeMode": "last-state", "state": "running", "args": ["10"]}
    })");
    spec = json::withValueAt(spec, {QStringLiteral("job"), QStringLiteral("state")}, state);
    if (!maxAge.isEmpty())
        spec = json::withValueAt(spec, {QStringLiteral("flinkConfiguration"), kMaxAgeKey}, maxAge);
    const QJsonObject stable = json::withValueAt(spec, {QStringLiteral("job"), QStringLiteral("parallelism")}, 1);
    const bool suspended = state == QLatin1String("suspended");
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("autoscaling-example")},
                     {QStringLiteral("namespace"), QStringLiteral("flink")},
                     {QStringLiteral("uid"), QStringLiteral("0b5e6f2a-0000-4000-8000-000000000002")},
                     {QStringLiteral("resourceVersion"), QStringLiteral("7001")},
                     {QStringLiteral("generation"), 3}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("lifecycleState"), suspended ? QStringLiteral("SUSPENDED") : QStringLiteral("STABLE")},
             {QStringLiteral("jobStatus"),
              QJsonObject{
                  {QStringLiteral("state"), suspended ? QStringLiteral("SUSPENDED") : QStringLiteral("RUNNING")},
                  {QStringLiteral("jobId"), QStringLiteral("c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b")}}},
             {QStringLiteral("reconciliationStatus"),
              QJsonObject{{QStringLiteral("state"), QStringLiteral("DEPLOYED")},
                          {QStringLiteral("lastStableSpec"),
                           QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("spec"), stable}})
                                                 .toJson(QJsonDocument::Compact))}}}}}};
}

QJsonObject withResourceVersion(QJsonObject object, const QString &version)
{
    return json::withValueAt(object, {QStringLiteral("metadata"), QStringLiteral("resourceVersion")}, version);
}

// Checkpoint 42, completed `ageSeconds` before now.
ActionReviewDialog::Known known(qint64 ageSeconds = 180)
{
    Snapshot s;
    s.key = QStringLiteral("jm:42");
    s.origin = Snapshot::Origin::JobManager;
    s.type = QStringLiteral("CHECKPOINT");
    s.trigger = QStringLiteral("PERIODIC");
    s.state = QStringLiteral("COMPLETED");
    s.path = kCheckpointPath;
    s.checkpointId = 42;
    s.time = kNow.addSecs(-ageSeconds);
    return {{s}, {}, kNow};
}

ActionRequest request(ActionKind kind)
{
    ActionRequest r;
    r.kind = kind;
    r.ns = QStringLiteral("flink");
    r.name = QStringLiteral("autoscaling-example");
    r.deploymentUid = QStringLiteral("0b5e6f2a-0000-4000-8000-000000000002");
    if (kind == ActionKind::RollbackToSnapshot) {
        r.snapshotPath = kCheckpointPath;
        r.snapshotTime = kNow.addSecs(-180);
    }
    return r;
}

MessageBanner *banner(ActionReviewDialog *dialog)
{
    return dialog->findChild<MessageBanner *>(QStringLiteral("reviewChangedBanner"));
}

} // namespace

class TestActionReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buttonsAndEffect_data();
    void buttonsAndEffect();
    void checkpointNamed_data();
    void checkpointNamed();
    void maxAgeWarning();
    void rollbackOfSuspendedStaysSuspended();
    void deleteShowsNoDiff();
    void changedOnTheCluster();
    void refusedPlanCannotBeConfirmed();
    void screenshots_data();
    void screenshots();

private:
    QString m_screenshotDir;
};

void TestActionReview::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_screenshotDir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(m_screenshotDir));
}

void TestActionReview::buttonsAndEffect_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("state"); // spec.job.state the action is available from
    QTest::addColumn<QString>("confirm");
    QTest::addColumn<QString>("decline");
    QTest::addColumn<QString>("headline"); // a part of it
    QTest::addColumn<QString>("detail"); // a part of it

    const QString running = QStringLiteral("running");
    QTest::newRow("suspend") << ActionKind::Suspend << running << QStringLiteral("Suspend")
                             << QStringLiteral("Keep Running") << QStringLiteral("stops without a savepoint")
                             << QStringLiteral("Start restores from: checkpoint 42");
    QTest::newRow("cancel-keep-state") << ActionKind::CancelKeepState << running
                                       << QStringLiteral("Cancel and Keep State") << QStringLiteral("Keep Running")
                                       << QStringLiteral("keeps its latest state")
                                       << QStringLiteral("Start restores from: checkpoint 42");
    QTest::newRow("cancel-discard-state")
        << ActionKind::CancelDiscardState << running << QStringLiteral("Cancel and Discard State")
        << QStringLiteral("Keep Running") << QStringLiteral("its state discarded")
        << QStringLiteral("Start will not restore any state.");
    QTest::newRow("start") << ActionKind::Start << QStringLiteral("suspended") << QStringLiteral("Start")
                           << QStringLiteral("Keep Suspended") << QStringLiteral("deploys autoscaling-example's job")
                           << QStringLiteral("Start would restore from: checkpoint 42");
    QTest::newRow("restart") << ActionKind::Restart << running << QStringLiteral("Restart")
                             << QStringLiteral("Leave Job As Is") << QStringLiteral("restartNonce 2 → 3")
                             << QStringLiteral("the job is redeployed from checkpoint 42");
    QTest::newRow("rollback-to-stable") << ActionKind::RollbackToStable << running << QStringLiteral("Roll Back")
                                        << QStringLiteral("Keep Current Spec")
                                        << QStringLiteral("last saw running stably")
                                        << QStringLiteral("the job is redeployed from checkpoint 42");
    QTest::newRow("rollback-to-snapshot")
        << ActionKind::RollbackToSnapshot << running << QStringLiteral("Roll Back")
        << QStringLiteral("Keep Current Spec") << QStringLiteral("taken 3m ago: ") + kCheckpointPath
        << QStringLiteral("only the state is restored");
    QTest::newRow("delete") << ActionKind::Delete << running << QStringLiteral("Delete")
                            << QStringLiteral("Keep Deployment") << QStringLiteral("autoscaling-example is deleted.")
                            << QStringLiteral("No final savepoint is taken");
}

void TestActionReview::buttonsAndEffect()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, state);
    QFETCH(QString, confirm);
    QFETCH(QString, decline);
    QFETCH(QString, headline);
    QFETCH(QString, detail);

    ActionReviewDialog dialog(request(kind), {});
    dialog.setDeployment(deployment(state), known());
    QCOMPARE(dialog.confirmButton()->text(), confirm);
    QCOMPARE(dialog.declineButton()->text(), decline);
    QVERIFY(dialog.confirmButton()->isEnabled());
    QVERIFY2(!dialog.plan().refused(), qPrintable(dialog.plan().refusal));
    QVERIFY(!banner(&dialog)->isVisibleTo(&dialog));

    const ActionReviewDialog::Effect effect
        = ActionReviewDialog::effect(dialog.request(), deployment(state), dialog.plan(), known(), false);
    QVERIFY2(effect.headline.contains(headline), qPrintable(effect.headline));
    QVERIFY2(effect.detail.contains(detail), qPrintable(effect.detail));
    QCOMPARE(dialog.effectText(), effect.headline + QLatin1Char(' ') + effect.detail);
    // The page shows the same sentence.
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("reviewSentenceLabel"))->text(), effect.headline);

    // What loses state for good waits for a click: Enter declines.
    QCOMPARE(dialog.declineButton()->isDefault(), ActionDescriptor::of(kind).alwaysConfirms);
    QCOMPARE(dialog.confirmButton()->isDefault(), !ActionDescriptor::of(kind).alwaysConfirms);
}

void TestActionReview::checkpointNamed_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("state");
    QTest::newRow("cancel-keep-state") << ActionKind::CancelKeepState << QStringLiteral("running");
    QTest::newRow("start-last-state") << ActionKind::Start << QStringLiteral("suspended");
}

void TestActionReview::checkpointNamed()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, state);
    ActionReviewDialog dialog(request(kind), {});
    dialog.setDeployment(deployment(state), known(180));
    const QString text = dialog.effectText();
    QVERIFY2(text.contains(QStringLiteral("checkpoint 42 (%1), taken 3m ago").arg(kCheckpointPath)), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Kubernetes HA metadata")), qPrintable(text));

    // The job restored from checkpoint 57 and completed none since: that one is named.
    ActionReviewDialog::Known restored = known(3 * 3600);
    restored.restoredFrom.type = QStringLiteral("CHECKPOINT");
    restored.restoredFrom.state = QStringLiteral("COMPLETED");
    restored.restoredFrom.checkpointId = 57;
    restored.restoredFrom.path = QStringLiteral("s3://flink-state/checkpoints/c2b1f8e4a0d94d0f9a6c1e2b3d4f5a6b/chk-57");
    ActionReviewDialog again(request(kind), {});
    again.setDeployment(deployment(state), restored);
    QVERIFY2(again.effectText().contains(QStringLiteral("checkpoint 57 (%1)").arg(restored.restoredFrom.path)),
             qPrintable(again.effectText()));
    QVERIFY(again.effectText().contains(QLatin1String("restored from it")));
}

void TestActionReview::maxAgeWarning()
{
    const QString warning = QStringLiteral("older than the 10m this deployment allows");
    for (ActionKind kind : {ActionKind::CancelKeepState, ActionKind::Start, ActionKind::Suspend}) {
        const QString state = kind == ActionKind::Start ? QStringLiteral("suspended") : QStringLiteral("running");
        // 25 minutes old, 10 allowed: warned.
        ActionReviewDialog old(request(kind), {});
        old.setDeployment(deployment(state, QStringLiteral("10 min")), known(25 * 60));
        QVERIFY2(old.effectText().contains(warning), qPrintable(old.effectText()));
        QVERIFY(old.effectText().contains(QLatin1String("That checkpoint is 25m old")));
        QVERIFY(old.effectText().contains(kMaxAgeKey));

        // 3 minutes old: no warning.
        ActionReviewDialog fresh(request(kind), {});
        fresh.setDeployment(deployment(state, QStringLiteral("10 min")), known(180));
        QVERIFY2(!fresh.effectText().contains(QLatin1String("older than")), qPrintable(fresh.effectText()));

        // No maximum set: no warning however old.
        ActionReviewDialog unlimited(request(kind), {});
        unlimited.setDeployment(deployment(state), known(3 * 86400));
        QVERIFY2(!unlimited.effectText().contains(QLatin1String("older than")), qPrintable(unlimited.effectText()));
    }
    // The ISO-8601 form reads the same.
    ActionReviewDialog iso(request(ActionKind::CancelKeepState), {});
    iso.setDeployment(deployment(QStringLiteral("running"), QStringLiteral("PT10M")), known(25 * 60));
    QVERIFY2(iso.effectText().contains(warning), qPrintable(iso.effectText()));
}

void TestActionReview::rollbackOfSuspendedStaysSuspended()
{
    ActionReviewDialog dialog(request(ActionKind::RollbackToStable), {});
    dialog.setDeployment(deployment(QStringLiteral("suspended")), known());
    QVERIFY2(!dialog.plan().refused(), qPrintable(dialog.plan().refusal));
    QVERIFY2(dialog.effectText().contains(QLatin1String("autoscaling-example stays suspended")),
             qPrintable(dialog.effectText()));
    QVERIFY(!dialog.effectText().contains(QLatin1String("redeployed")));
    // The rollback keeps the desired state.
    QCOMPARE(dialog.plan()
                 .specAfter(deployment(QStringLiteral("suspended")).value(QLatin1String("spec")).toObject())
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("suspended"));
}

void TestActionReview::deleteShowsNoDiff()
{
    ActionReviewDialog dialog(request(ActionKind::Delete), {});
    dialog.setDeployment(deployment(), known());
    auto *diff = dialog.findChild<YamlDiffView *>(QStringLiteral("reviewDiffView"));
    QVERIFY(diff);
    QVERIFY(!diff->isVisibleTo(&dialog));

    // A spec-writing action shows its diff.
    ActionReviewDialog suspend(request(ActionKind::Suspend), {});
    suspend.setDeployment(deployment(), known());
    auto *suspendDiff = suspend.findChild<YamlDiffView *>(QStringLiteral("reviewDiffView"));
    QVERIFY(suspendDiff->isVisibleTo(&suspend));
    QVERIFY2(suspendDiff->toPlainText().contains(QLatin1String("suspended")), qPrintable(suspendDiff->toPlainText()));

    // With savepoint-on-deletion, Delete says a final savepoint is taken.
    QJsonObject withSavepoint = json::withValueAt(deployment(),
                                                  {QStringLiteral("spec"), QStringLiteral("flinkConfiguration"),
                                                   QStringLiteral("kubernetes.operator.job.savepoint-on-deletion")},
                                                  QStringLiteral("true"));
    ActionReviewDialog deleting(request(ActionKind::Delete), {});
    deleting.setDeployment(withSavepoint, known());
    QVERIFY2(deleting.effectText().contains(QLatin1String("A final savepoint is taken first")),
             qPrintable(deleting.effectText()));
}

void TestActionReview::changedOnTheCluster()
{
    ActionReviewDialog dialog(request(ActionKind::Restart), {});
    dialog.setDeployment(deployment(), known());
    QCOMPARE(dialog.request().baseResourceVersion, QStringLiteral("7001"));
    QVERIFY(dialog.effectText().contains(QStringLiteral("restartNonce 2 → 3")));

    // Status only: the same change, no banner; the request carries the newer version.
    QJsonObject statusOnly = withResourceVersion(deployment(), QStringLiteral("7002"));
    statusOnly = json::withValueAt(statusOnly, {QStringLiteral("status"), QStringLiteral("observedGeneration")}, 3);
    dialog.setDeployment(statusOnly, known());
    QVERIFY(!banner(&dialog)->isVisibleTo(&dialog));
    QCOMPARE(dialog.request().baseResourceVersion, QStringLiteral("7002"));

    // Someone restarted it meanwhile: the review plans again and says so.
    QJsonObject restarted = withResourceVersion(deployment(), QStringLiteral("7010"));
    restarted = json::withValueAt(restarted, {QStringLiteral("spec"), QStringLiteral("restartNonce")}, 3);
    dialog.setDeployment(restarted, known());
    QVERIFY(banner(&dialog)->isVisibleTo(&dialog));
    QVERIFY2(banner(&dialog)->text().contains(QLatin1String("changed on the cluster")),
             qPrintable(banner(&dialog)->text()));
    QCOMPARE(dialog.request().baseResourceVersion, QStringLiteral("7010"));
    QCOMPARE(dialog.request().baseSpec, restarted.value(QLatin1String("spec")).toObject());
    QCOMPARE(dialog.plan().patch.value(QLatin1String("restartNonce")).toInteger(), 4);
    QVERIFY(dialog.effectText().contains(QStringLiteral("restartNonce 3 → 4")));
    QVERIFY(dialog.confirmButton()->isEnabled());

    // An argument added under a rollback: the spec it leads to stays the stable one, what it writes
    // changes, and the review says so.
    ActionReviewDialog rollback(request(ActionKind::RollbackToStable), {});
    rollback.setDeployment(deployment(), known());
    QVERIFY(!banner(&rollback)->isVisibleTo(&rollback));
    const QJsonObject added = json::withValueAt(withResourceVersion(deployment(), QStringLiteral("7011")),
                                                {QStringLiteral("spec"), QStringLiteral("job"), QStringLiteral("args")},
                                                QJsonArray{QStringLiteral("10"), QStringLiteral("--verbose")});
    rollback.setDeployment(added, known());
    QVERIFY(banner(&rollback)->isVisibleTo(&rollback));
    QCOMPARE(rollback.request().baseResourceVersion, QStringLiteral("7011"));
    QCOMPARE(json::valueAt(rollback.plan().patch, {QStringLiteral("job"), QStringLiteral("args")}),
             QJsonValue(QJsonArray{QStringLiteral("10")}));
}

void TestActionReview::refusedPlanCannotBeConfirmed()
{
    // Start on a running deployment.
    ActionReviewDialog dialog(request(ActionKind::Start), {});
    dialog.setDeployment(deployment(), known());
    QVERIFY(dialog.plan().refused());
    QVERIFY(!dialog.confirmButton()->isEnabled());
    QVERIFY(dialog.declineButton()->isEnabled());
    QVERIFY(banner(&dialog)->isVisibleTo(&dialog));
    QVERIFY2(banner(&dialog)->text().contains(QLatin1String("not suspended")), qPrintable(banner(&dialog)->text()));

    // Suspended meanwhile (by someone else): Start is possible again.
    dialog.setDeployment(withResourceVersion(deployment(QStringLiteral("suspended")), QStringLiteral("7003")), known());
    QVERIFY(!dialog.plan().refused());
    QVERIFY(dialog.confirmButton()->isEnabled());

    // A review opened while it was possible turns refused when the deployment changes under it.
    ActionReviewDialog keep(request(ActionKind::CancelKeepState), {});
    keep.setDeployment(deployment(), known());
    QVERIFY(keep.confirmButton()->isEnabled());
    const QJsonObject noHa = json::withValueAt(
        withResourceVersion(deployment(), QStringLiteral("7004")),
        {QStringLiteral("spec"), QStringLiteral("flinkConfiguration"), QStringLiteral("high-availability.type")},
        QJsonValue());
    keep.setDeployment(noHa, known());
    QVERIFY(!keep.confirmButton()->isEnabled());
    QVERIFY2(banner(&keep)->text().contains(QLatin1String("Kubernetes HA")), qPrintable(banner(&keep)->text()));
}

void TestActionReview::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestActionReview::screenshots()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    QApplication::setPalette(dark ? Theme::darkPalette() : QApplication::style()->standardPalette());
    const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
    const auto save = [&](ActionReviewDialog *dialog, const QString &name) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QApplication::processEvents();
        const QString file = m_screenshotDir + QStringLiteral("/review-%1-%2.png").arg(name, suffix);
        QVERIFY2(dialog->grab().save(file), qPrintable(file));
    };

    // Cancel and Keep State with a checkpoint older than the deployment allows.
    ActionReviewDialog keep(request(ActionKind::CancelKeepState), {});
    keep.setDeployment(deployment(QStringLiteral("running"), QStringLiteral("10 min")), known(25 * 60));
    save(&keep, QStringLiteral("cancel-keep-state"));

    // A rollback to the stable spec that changed on the cluster while open.
    ActionReviewDialog rollback(request(ActionKind::RollbackToStable), {});
    rollback.setDeployment(deployment(), known());
    QJsonObject changed = withResourceVersion(deployment(), QStringLiteral("7020"));
    changed = json::withValueAt(changed, {QStringLiteral("spec"), QStringLiteral("job"), QStringLiteral("args")},
                                QJsonArray{QStringLiteral("10"), QStringLiteral("--verbose")});
    rollback.setDeployment(changed, known());
    QVERIFY(banner(&rollback)->isVisibleTo(&rollback));
    save(&rollback, QStringLiteral("rollback-to-stable"));

    QApplication::setPalette(original);
}

QTEST_MAIN(TestActionReview)
#include "tst_actionreview.moc"
