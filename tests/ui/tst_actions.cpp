// Deployment actions from the real MainWindow against the sandbox's operator simulation: menu
// entries enabled by state, confirmations, the Activity panel showing steps and outcome.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "sandbox/faultplan.h"
#include "ui/actionscontroller.h"
#include "ui/auditlogdialog.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/snapshottablemodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void savepointSuspendStart();
    void keepLatestStateNeedsHa();
    void configureParallelismThroughTheDialog();
    void concurrentEditIsNeverOverwritten();
    void readOnlyUserSeesWhy();
    void nextActionWaitsForTheLastOnesResult();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &ns, const QString &name,
                                           const QString &context = QStringLiteral("sandbox"));
    QJsonObject serverObject(const QString &ns, const QString &name) const;
    // Shows the Snapshots tab and selects a completed snapshot with a path (false: none arrived).
    static bool selectCompletedSnapshot(MainWindow *window);
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 60);
    QVERIFY(m_sandbox->started);
}

QJsonObject TestActions::serverObject(const QString &ns, const QString &name) const
{
    return m_sandbox->server->store().get(QStringLiteral("flinkdeployments"), ns, name).object;
}

bool TestActions::selectCompletedSnapshot(MainWindow *window)
{
    DeploymentPage *page = window->deploymentPage();
    page->setCurrentTab(DeploymentPage::SnapshotsTab);
    auto *view = page->findChild<QTableView *>(QStringLiteral("snapshotsTableView"));
    const auto select = [page, view] {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex source
                = qobject_cast<QSortFilterProxyModel *>(view->model())->mapToSource(view->model()->index(row, 0));
            const Snapshot &s = page->snapshotModel()->snapshots().at(source.row());
            if (s.origin == Snapshot::Origin::Resource && s.isCompleted() && !s.path.isEmpty()) {
                view->selectRow(row);
                return true;
            }
        }
        return false;
    };
    return QTest::qWaitFor(select, 10000);
}

void TestActions::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

std::unique_ptr<MainWindow> TestActions::openWindow(const QString &ns, const QString &name, const QString &context)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(
        m_sandbox->kubeConfig(), context, context == QLatin1String("sandbox") ? QStringLiteral("all") : ns, options);
    window->resize(1600, 1000);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(ns, name); }, 10000))
        return {};
    return window;
}

void TestActions::savepointSuspendStart()
{
    auto window = openWindow(QStringLiteral("default"), QStringLiteral("github-analytics"));
    QVERIFY(window);
    QAbstractItemModelTester tester(window->activity(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ActionsController *actions = window->actions();
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::Savepoint)->isEnabled(), 5000);
    QVERIFY(!actions->action(ActionKind::Start)->isEnabled());
    QVERIFY(!actions->action(ActionKind::Start)->toolTip().isEmpty());

    // Savepoint: a FlinkStateSnapshot completed by the operator, steps in the Activity panel.
    actions->action(ActionKind::Savepoint)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), 1, 2000);
    QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("activityDock"))->isVisible());
    const quint64 savepointId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(savepointId), 30000);
    QCOMPARE(window->activity()->outcomeText(savepointId), QStringLiteral("succeeded"));
    QVERIFY(window->activity()->rowCount(window->activity()->index(0, 0)) >= 2);

    // Suspend shows its change first and says a savepoint is taken (savepoint mode).
    actions->action(ActionKind::Suspend)->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY2(review->effectText().contains(QStringLiteral("savepoint is taken")), qPrintable(review->effectText()));
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Suspend"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Running"));
    QCOMPARE(
        review->plan().patch,
        QJsonObject({{QStringLiteral("job"), QJsonObject({{QStringLiteral("state"), QStringLiteral("suspended")}})}}));
    saveShot(review, QStringLiteral("confirm-suspend"));
    test::answerReview(review, true);
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), 2, 5000);
    const quint64 suspendId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(suspendId), 30000);
    QCOMPARE(window->activity()->outcomeText(suspendId), QStringLiteral("succeeded"));
    QCOMPARE(serverObject(QStringLiteral("default"), QStringLiteral("github-analytics"))
                 .value(QLatin1String("status"))
                 .toObject()
                 .value(QLatin1String("lifecycleState"))
                 .toString(),
             QStringLiteral("SUSPENDED"));

    // Start says where it restores from before it starts.
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::Start)->isEnabled(), 5000);
    actions->action(ActionKind::Start)->trigger();
    review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY2(review->effectText().contains(QStringLiteral("restore from: savepoint")),
             qPrintable(review->effectText()));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Suspended"));
    saveShot(review, QStringLiteral("confirm-start"));
    const int beforeStart = window->activity()->rowCount();
    test::answerReview(review, true);
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), beforeStart + 1, 5000);
    const quint64 startId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(startId), 30000);
    QCOMPARE(window->activity()->outcomeText(startId), QStringLiteral("succeeded"));
    QCOMPARE(serverObject(QStringLiteral("default"), QStringLiteral("github-analytics"))
                 .value(QLatin1String("status"))
                 .toObject()
                 .value(QLatin1String("jobStatus"))
                 .toObject()
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("RUNNING"));
    saveShot(window.get(), QStringLiteral("actions-activity"));

    // Every action is in the audit log, which the window shows.
    window->findChild<QAction *>(QStringLiteral("auditLogAction"))->trigger();
    auto *audit = window->findChild<AuditLogDialog *>(QStringLiteral("auditLogDialog"));
    QVERIFY(audit);
    QTRY_VERIFY_WITH_TIMEOUT(audit->entryCount() >= 3, 5000);
    saveShot(audit, QStringLiteral("audit-log"));
    // An action finishing while the Audit Log is open appears in it.
    const int entriesBefore = audit->entryCount();
    actions->action(ActionKind::Savepoint)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(audit->entryCount() == entriesBefore + 1, 30000);
    audit->close();

    // A declined confirmation sends nothing.
    const int actionsBefore = window->activity()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::Restart)->isEnabled(), 30000);
    actions->action(ActionKind::Restart)->trigger();
    review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Leave Job As Is"));
    test::answerReview(review, false);
    QTRY_VERIFY(!test::waitForReview(window.get(), 0));
    QCOMPARE(window->activity()->rowCount(), actionsBefore);
}

void TestActions::keepLatestStateNeedsHa()
{
    // clickstream-sessionizer is stateless without Kubernetes HA: keeping state is refused up front.
    auto window = openWindow(QStringLiteral("flink-jobs"), QStringLiteral("clickstream-sessionizer"));
    QVERIFY(window);
    QAction *keep = window->actions()->action(ActionKind::CancelKeepState);
    QTRY_VERIFY_WITH_TIMEOUT(window->deploymentPage()->uid().size() > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(keep->toolTip().contains(QStringLiteral("Kubernetes HA")), 5000);
    QVERIFY(!keep->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::CancelDiscardState)->isEnabled(), 5000);
}

void TestActions::configureParallelismThroughTheDialog()
{
    // DESIGN §1 step 1: parallelism 1 → 2 in savepoint mode, reviewed, applied, the job redeployed.
    auto window = openWindow(QStringLiteral("default"), QStringLiteral("github-analytics"));
    QVERIFY(window);
    const QString jobBefore = serverObject(QStringLiteral("default"), QStringLiteral("github-analytics"))
                                  .value(QLatin1String("status"))
                                  .toObject()
                                  .value(QLatin1String("jobStatus"))
                                  .toObject()
                                  .value(QLatin1String("jobId"))
                                  .toString();
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->configureAction()->isEnabled(), 5000);
    window->actions()->configureAction()->trigger();
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    const int parallelism = dialog->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"))->value();
    dialog->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"))->setValue(parallelism + 1);
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QTRY_VERIFY(apply->isEnabled());
    apply->click(); // Next → Review
    QTRY_COMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    const QString sentence = dialog->findChild<QLabel *>(QStringLiteral("reviewSentenceLabel"))->text();
    QVERIFY2(sentence.contains(QStringLiteral("a savepoint is taken, then the job is redeployed from it")),
             qPrintable(sentence));
    saveShot(dialog, QStringLiteral("configure-review-from-window"));
    QPointer<ConfigureDialog> guard(dialog);
    apply->click(); // Apply
    // The dialog closes once the server has the change; the Activity panel follows the upgrade.
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->index(0, 0).data(ActivityModel::RunningRole).toBool(), 60000);
    const QJsonObject after = serverObject(QStringLiteral("default"), QStringLiteral("github-analytics"));
    QCOMPARE(after.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             parallelism + 1);
    QVERIFY(after.value(QLatin1String("status"))
                .toObject()
                .value(QLatin1String("jobStatus"))
                .toObject()
                .value(QLatin1String("jobId"))
                .toString()
            != jobBefore);
    QCOMPARE(window->activity()->outcomeText(
                 window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong()),
             QStringLiteral("succeeded"));
}

void TestActions::concurrentEditIsNeverOverwritten()
{
    auto window = openWindow(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector"));
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->configureAction()->isEnabled(), 5000);
    window->actions()->configureAction()->trigger();
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"));
    spin->setValue(spin->value() + 3);
    const int mine = spin->value();
    // Meanwhile another client changes the spec (a different field).
    const QJsonObject theirs{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("job"),
                      QJsonObject{{QStringLiteral("args"), QJsonArray{QStringLiteral("--from-another-client")}}}}}}};
    QVERIFY(m_sandbox->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"),
                            QStringLiteral("fraud-detector"), theirs)
                .ok());
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    apply->click();
    QTRY_COMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    apply->click();
    // The conflict is shown; nothing of ours reached the server yet and theirs is intact.
    auto *reapply = dialog->findChild<QPushButton *>(QStringLiteral("reapplyButton"));
    QTRY_VERIFY_WITH_TIMEOUT(reapply && reapply->isVisible(), 15000);
    QJsonObject job = serverObject(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector"))
                          .value(QLatin1String("spec"))
                          .toObject()
                          .value(QLatin1String("job"))
                          .toObject();
    QVERIFY(job.value(QLatin1String("parallelism")).toInt() != mine);
    QCOMPARE(job.value(QLatin1String("args")).toArray().first().toString(), QStringLiteral("--from-another-client"));
    saveShot(dialog, QStringLiteral("configure-conflict-from-window"));
    // Re-apply on top: both changes are there.
    QPointer<ConfigureDialog> guard(dialog);
    reapply->click();
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 30000);
    job = serverObject(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector"))
              .value(QLatin1String("spec"))
              .toObject()
              .value(QLatin1String("job"))
              .toObject();
    QCOMPARE(job.value(QLatin1String("parallelism")).toInt(), mine);
    QCOMPARE(job.value(QLatin1String("args")).toArray().first().toString(), QStringLiteral("--from-another-client"));
}

void TestActions::readOnlyUserSeesWhy()
{
    // The viewer account may read but not write: the API server says so before anything is tried.
    auto window
        = openWindow(QStringLiteral("default"), QStringLiteral("github-analytics"), QStringLiteral("sandbox-readonly"));
    QVERIFY(window);
    ActionsController *actions = window->actions();
    QAction *configure = actions->configureAction();
    QTRY_VERIFY_WITH_TIMEOUT(configure->toolTip().contains(QStringLiteral("may not patch flinkdeployments")), 10000);
    QVERIFY(!configure->isEnabled());
    for (const ActionKind kind : {ActionKind::Suspend, ActionKind::Restart, ActionKind::RollbackToStable}) {
        QVERIFY(!actions->action(kind)->isEnabled());
        QVERIFY(actions->action(kind)->toolTip().contains(QStringLiteral("Not permitted")));
    }
    QVERIFY(!actions->action(ActionKind::Savepoint)->isEnabled());
    QVERIFY(actions->action(ActionKind::Savepoint)->toolTip().contains(QStringLiteral("create flinkstatesnapshots")));
    QVERIFY(actions->action(ActionKind::Delete)->toolTip().contains(QStringLiteral("may not delete")));
    QVERIFY(!actions->cancelMenu()->menuAction()->isEnabled());
    // Rolling back to a snapshot patches the spec too: the button says it is not permitted.
    QVERIFY(selectCompletedSnapshot(window.get()));
    auto *rollback = window->findChild<QPushButton *>(QStringLiteral("rollbackToSnapshotButton"));
    QVERIFY(!rollback->isEnabled());
    QVERIFY2(rollback->toolTip().contains(QStringLiteral("Not permitted")), qPrintable(rollback->toolTip()));
    saveShot(window.get(), QStringLiteral("actions-readonly"));

    // Sent anyway (a stale answer, a changed Role): the 403 names the verb and the resource.
    const QJsonObject object = serverObject(QStringLiteral("default"), QStringLiteral("github-analytics"));
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    ActionRequest request;
    request.kind = ActionKind::Restart;
    request.deploymentUid = metadata.value(QLatin1String("uid")).toString();
    request.ns = QStringLiteral("default");
    request.name = QStringLiteral("github-analytics");
    request.baseResourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    request.baseSpec = object.value(QLatin1String("spec")).toObject();
    const quint64 id = actions->run(request);
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(id), 10000);
    QStringList texts;
    const QModelIndex row = window->activity()->index(0, 0);
    for (int column = 0; column < window->activity()->columnCount(); ++column)
        texts << window->activity()->index(0, column).data().toString()
              << window->activity()->index(0, column).data(Qt::ToolTipRole).toString();
    for (int step = 0; step < window->activity()->rowCount(row); ++step)
        texts << window->activity()->index(step, 0, row).data().toString();
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("cannot patch resource \"flinkdeployments\"")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("403")) || all.contains(QStringLiteral("Forbidden")), qPrintable(all));
}

void TestActions::nextActionWaitsForTheLastOnesResult()
{
    // An action can see its result (by polling) before the watch brings it to the page. Until the page
    // shows it, the next action would start from a spec older than our own change and be refused as a
    // conflict: it waits, and says why.
    const QString ns = QStringLiteral("default");
    const QString name = QStringLiteral("github-analytics");
    auto window = openWindow(ns, name);
    QVERIFY(window);
    ActionsController *actions = window->actions();
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::CancelDiscardState)->isEnabled(), 30000);
    SandboxFixture *sandbox = m_sandbox.get();
    const auto cleanup = qScopeGuard([sandbox] { sandbox->server->faults().setWatchesSilent(false); });
    m_sandbox->server->faults().setWatchesSilent(true);
    actions->action(ActionKind::CancelDiscardState)->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Cancel and Discard State"));
    // Losing state for good is not what Enter does.
    QVERIFY(review->declineButton()->isDefault());
    test::answerReview(review, true);
    QTRY_VERIFY_WITH_TIMEOUT(window->activity()->rowCount() > 0, 5000);
    const quint64 cancelId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(cancelId), 30000);
    QCOMPARE(window->activity()->outcomeText(cancelId), QStringLiteral("succeeded"));
    const qint64 serverGeneration = serverObject(ns, name)
                                        .value(QLatin1String("metadata"))
                                        .toObject()
                                        .value(QLatin1String("generation"))
                                        .toInteger();
    QVERIFY(window->deploymentPage()->summary().generation < serverGeneration);
    QAction *start = actions->action(ActionKind::Start);
    QVERIFY(!start->isEnabled());
    QVERIFY2(start->toolTip().contains(QStringLiteral("result of the last action")), qPrintable(start->toolTip()));
    QVERIFY(!actions->configureAction()->isEnabled());
    QVERIFY(selectCompletedSnapshot(window.get()));
    auto *rollback = window->findChild<QPushButton *>(QStringLiteral("rollbackToSnapshotButton"));
    QVERIFY(!rollback->isEnabled());
    QVERIFY2(rollback->toolTip().contains(QStringLiteral("result of the last action")),
             qPrintable(rollback->toolTip()));

    m_sandbox->server->faults().setWatchesSilent(false);
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);
    QCOMPARE(window->deploymentPage()->summary().generation, serverGeneration);
    QVERIFY2(rollback->isEnabled(), qPrintable(rollback->toolTip()));
    start->trigger();
    review = test::waitForReview(window.get());
    QVERIFY(review);
    const int beforeStart = window->activity()->rowCount();
    test::answerReview(review, true);
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), beforeStart + 1, 5000);
    const quint64 startId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QVERIFY(startId != cancelId);
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(startId), 30000);
    QCOMPARE(window->activity()->outcomeText(startId), QStringLiteral("succeeded"));
}

QTEST_MAIN(TestActions)
#include "tst_actions.moc"
