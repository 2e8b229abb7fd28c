// Snapshots as resources of their own, from the real MainWindow against the sandbox's operator
// simulation: a savepoint triggered as a FlinkStateSnapshot, then deleted from the Snapshots tab
// through the review (the resource is gone from the server), and a checkpoint triggered the same way;
// the operator's retention said on the tab; and the snapshot a suspended deployment would restore
// from refused, with the reason, both by the tab's button and by the action itself.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "common/windowactions.h"
#include "flink/snapshotretention.h"
#include "ui/actionscontroller.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/models/snapshottablemodel.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestSnapshotResources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void triggeredThenDeleted();
    void restorePointIsRefused();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &ns, const QString &name);
    // Selects the first row of the Snapshots tab that `match` accepts; false when none comes.
    static bool selectSnapshot(MainWindow *window, const std::function<bool(const Snapshot &)> &match);
    QStringList snapshotNames(const QString &ns) const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestSnapshotResources::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 60);
    QVERIFY(m_sandbox->started);
}

std::unique_ptr<MainWindow> TestSnapshotResources::openWindow(const QString &ns, const QString &name)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("all"), options);
    window->resize(1600, 1000);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(ns, name); }, 10000))
        return {};
    return window;
}

bool TestSnapshotResources::selectSnapshot(MainWindow *window, const std::function<bool(const Snapshot &)> &match)
{
    DeploymentPage *page = window->deploymentPage();
    page->setCurrentTab(DeploymentPage::SnapshotsTab);
    auto *view = page->findChild<QTableView *>(QStringLiteral("snapshotsTableView"));
    return QTest::qWaitFor(
        [&] {
            auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
            for (int row = 0; row < proxy->rowCount(); ++row) {
                const QModelIndex source = proxy->mapToSource(proxy->index(row, 0));
                if (match(page->snapshotModel()->snapshots().at(source.row()))) {
                    view->selectRow(row);
                    return true;
                }
            }
            return false;
        },
        10000);
}

QStringList TestSnapshotResources::snapshotNames(const QString &ns) const
{
    QStringList names;
    const QJsonArray items = m_sandbox->server->store()
                                 .list(QStringLiteral("flinkstatesnapshots"), ns)
                                 .object.value(QLatin1String("items"))
                                 .toArray();
    for (const QJsonValue &item : items)
        names << item.toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    return names;
}

void TestSnapshotResources::triggeredThenDeleted()
{
    const QString ns = QStringLiteral("default");
    auto window = openWindow(ns, QStringLiteral("github-analytics"));
    QVERIFY(window);
    ActionsController *actions = window->actions();
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::Savepoint)->isEnabled(), 5000);
    const QStringList before = snapshotNames(ns);

    // Trigger Savepoint: a manual FlinkStateSnapshot, completed by the operator.
    actions->action(ActionKind::Savepoint)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), 1, 2000);
    const quint64 savepointId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(savepointId), 30000);
    QCOMPARE(window->activity()->outcomeText(savepointId), QStringLiteral("succeeded"));
    QString created;
    for (const QString &name : snapshotNames(ns)) {
        if (!before.contains(name))
            created = name;
    }
    QVERIFY(created.contains(QStringLiteral("-savepoint-manual-")));

    // The tab says what the operator keeps; the new manual one is not among what it cleans up.
    DeploymentPage *page = window->deploymentPage();
    QVERIFY(selectSnapshot(window.get(), [&](const Snapshot &s) { return s.name == created && s.isCompleted(); }));
    auto *retention = page->findChild<QLabel *>(QStringLiteral("snapshotRetentionLabel"));
    QVERIFY(retention);
    QVERIFY2(retention->text().contains(QStringLiteral("manual snapshots stay until deleted")),
             qPrintable(retention->text()));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("snapshots-retention")));

    // Delete Snapshot…: reviewed, then the resource is gone from the server and from the tab.
    auto *remove = page->findChild<QPushButton *>(QStringLiteral("deleteSnapshotButton"));
    QVERIFY(remove);
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->request().kind, ActionKind::DeleteSnapshot);
    QCOMPARE(review->request().snapshotName, created);
    QVERIFY(review->confirmButton()->isEnabled());
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Delete Snapshot"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Snapshot"));
    QVERIFY2(review->effectText().contains(QStringLiteral("disposeOnDelete")), qPrintable(review->effectText()));
    QVERIFY(test::saveScreenshot(review, QStringLiteral("confirm-delete-snapshot")));
    test::answerReview(review, true);
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), 2, 5000);
    const quint64 deleteId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(deleteId), 30000);
    QCOMPARE(window->activity()->outcomeText(deleteId), QStringLiteral("succeeded"));
    QVERIFY(!snapshotNames(ns).contains(created));
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(page->snapshotModel()->snapshots().cbegin(),
                                          page->snapshotModel()->snapshots().cend(),
                                          [&](const Snapshot &s) { return s.name == created; }),
                             5000);

    // Trigger Checkpoint: a manual FlinkStateSnapshot of type CHECKPOINT, listed on the tab.
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::Checkpoint)->isEnabled(), 5000);
    actions->action(ActionKind::Checkpoint)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->activity()->rowCount(), 3, 2000);
    const quint64 checkpointId = window->activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isRunning(checkpointId), 30000);
    QCOMPARE(window->activity()->outcomeText(checkpointId), QStringLiteral("succeeded"));
    QVERIFY(selectSnapshot(window.get(), [](const Snapshot &s) {
        return s.name.contains(QStringLiteral("-checkpoint-manual-")) && s.type == QStringLiteral("CHECKPOINT")
            && s.trigger == QStringLiteral("MANUAL") && s.isCompleted();
    }));
}

void TestSnapshotResources::restorePointIsRefused()
{
    // Suspended in savepoint mode: Start restores from its UPGRADE savepoint.
    const QString ns = QStringLiteral("flink-jobs");
    auto window = openWindow(ns, QStringLiteral("nightly-backfill"));
    QVERIFY(window);
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->object().isEmpty(), 5000);
    const QString restorePath = SnapshotRetention::restorePath(page->object());
    QVERIFY(!restorePath.isEmpty());
    QVERIFY(selectSnapshot(window.get(), [&](const Snapshot &s) { return s.path == restorePath; }));
    const Snapshot protectedOne = [&] {
        for (const Snapshot &s : page->snapshotModel()->snapshots()) {
            if (s.path == restorePath)
                return s;
        }
        return Snapshot();
    }();

    // The tab's button is off and says why; the row says it restores from here.
    auto *remove = page->findChild<QPushButton *>(QStringLiteral("deleteSnapshotButton"));
    QTRY_VERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(QStringLiteral("would restore from this snapshot")),
             qPrintable(remove->toolTip()));
    int row = -1;
    for (int i = 0; i < page->snapshotModel()->rowCount(); ++i) {
        if (page->snapshotModel()->snapshots().at(i).key == protectedOne.key)
            row = i;
    }
    QVERIFY(row >= 0);
    QCOMPARE(page->snapshotModel()->index(row, SnapshotTableModel::Retention).data().toString(),
             QStringLiteral("restores from here"));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("snapshots-protected")));

    // Asked anyway (the action, as the palette or a script would): the review refuses it and says why.
    window->actions()->deleteSnapshot(protectedOne);
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY(review->plan().refused());
    QVERIFY2(review->plan().refusal.contains(restorePath), qPrintable(review->plan().refusal));
    QVERIFY(!review->confirmButton()->isEnabled());
    QVERIFY(test::saveScreenshot(review, QStringLiteral("refuse-delete-snapshot")));
    test::answerReview(review, false);
    QVERIFY(snapshotNames(ns).contains(protectedOne.name));
}

QTEST_MAIN(TestSnapshotResources)
#include "tst_snapshotresources.moc"
