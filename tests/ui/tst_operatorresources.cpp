// The operator's other resources from the real MainWindow against the sandbox's operator simulation:
// a FlinkSessionJob listed as one, tied to its session cluster both ways, upgraded with a savepoint
// through Configure Deployment and rolled back to an earlier savepoint from its Snapshots tab; and a
// FlinkBlueGreenDeployment whose template change is followed from blue to green, with the savepoint
// handed over to the new child shown on its page.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "common/windowactions.h"
#include "ui/actionscontroller.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/relatedresourcesview.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeWidget>

#include <functional>

using namespace capstan;
using capstan::test::lastActionSucceeded;
using capstan::test::SandboxFixture;

class TestOperatorResources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sessionJobUpgradedAndRolledBack();
    void blueGreenTransition();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &name);
    QJsonObject server(const QString &plural, const QString &name) const;
    // Opens Configure Deployment from the page's button, sets the parallelism, and applies it after
    // the review; the review's sentence in *sentence.
    static void configureParallelism(MainWindow *window, int parallelism, QString *sentence);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

namespace {
const QString kNamespace = QStringLiteral("default");
}

void TestOperatorResources::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 60);
    QVERIFY(m_sandbox->started);
}

std::unique_ptr<MainWindow> TestOperatorResources::openWindow(const QString &name)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(name + QStringLiteral(".sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("all"), options);
    window->resize(1600, 1000);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(kNamespace, name); }, 10000))
        return {};
    return window;
}

QJsonObject TestOperatorResources::server(const QString &plural, const QString &name) const
{
    const auto result = m_sandbox->server->store().get(plural, kNamespace, name);
    return result.ok() ? result.object : QJsonObject();
}

void TestOperatorResources::configureParallelism(MainWindow *window, int parallelism, QString *sentence)
{
    QAction *configure = window->actions()->configureAction();
    QTRY_VERIFY_WITH_TIMEOUT(configure->isEnabled(), 10000);
    auto *bar = window->deploymentPage()->findChild<QToolBar *>(QStringLiteral("deploymentActionBar"));
    QVERIFY(bar);
    QWidget *button = bar->widgetForAction(configure);
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"));
    QVERIFY(spin);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(parallelism));
    QTest::keyClick(spin, Qt::Key_Tab);
    QCOMPARE(spin->value(), parallelism);
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QTRY_VERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    *sentence = dialog->findChild<QLabel *>(QStringLiteral("reviewSentenceLabel"))->text();
    QPointer<ConfigureDialog> guard(dialog);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(),
                              qPrintable(window->activity()->rowCount() > 0
                                             ? window->activity()->index(0, 0).data(Qt::ToolTipRole).toString()
                                             : QStringLiteral("no action started")),
                              10000);
}

void TestOperatorResources::sessionJobUpgradedAndRolledBack()
{
    const QString name = QStringLiteral("state-machine");
    const QString cluster = QStringLiteral("analytics-session");
    const auto job = [&] {
        return server(QStringLiteral("flinksessionjobs"), name)
            .value(QLatin1String("spec"))[QLatin1String("job")]
            .toObject();
    };
    const auto jobStatus = [&] {
        return server(QStringLiteral("flinksessionjobs"), name)
            .value(QLatin1String("status"))[QLatin1String("jobStatus")]
            .toObject();
    };
    auto window = openWindow(name);
    QVERIFY(window);
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->object().isEmpty(), 5000);
    QCOMPARE(page->summary().kind, ResourceKind::FlinkSessionJob);
    QCOMPARE(DeploymentTableModel::kindText(page->summary()), QStringLiteral("Session job"));
    QCOMPARE(job().value(QLatin1String("upgradeMode")).toString(), QStringLiteral("savepoint"));

    // The Overview names the session cluster the job runs on and opens it.
    RelatedResourcesView *related = page->relatedView();
    QTRY_VERIFY2_WITH_TIMEOUT(related->sentence().contains(QStringLiteral("Runs on session cluster"))
                                  && related->sentence().contains(cluster),
                              qPrintable(related->sentence()), 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(page->jobManager().reachable, qPrintable(page->jobManager().error.toString()), 10000);
    QVERIFY(test::saveScreenshot(page, QStringLiteral("sessionjob-overview")));

    // Trigger Savepoint on the session job, keeping the data when the resource is deleted.
    auto *dispose = page->findChild<QCheckBox *>(QStringLiteral("disposeOnDeleteCheckBox"));
    QVERIFY(dispose);
    QVERIFY(dispose->isChecked());
    page->setCurrentTab(DeploymentPage::SnapshotsTab);
    QTest::mouseClick(dispose, Qt::LeftButton, {}, QPoint(8, dispose->height() / 2));
    QVERIFY(!dispose->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::Savepoint)->isEnabled(), 10000);
    window->actions()->action(ActionKind::Savepoint)->trigger();
    QVERIFY(lastActionSucceeded(window.get(), 30000));
    QJsonObject manual;
    for (const QJsonValue &item : m_sandbox->server->store()
                                      .list(QStringLiteral("flinkstatesnapshots"), kNamespace)
                                      .object.value(QLatin1String("items"))
                                      .toArray()) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("metadata"))[QLatin1String("name")].toString().startsWith(
                name + QStringLiteral("-savepoint-manual-"))
            && o.value(QLatin1String("status"))[QLatin1String("state")] == QLatin1String("COMPLETED")
            && !o.value(QLatin1String("spec"))[QLatin1String("savepoint")][QLatin1String("disposeOnDelete")].toBool(
                true))
            manual = o;
    }
    QVERIFY2(!manual.isEmpty(), "no completed manual savepoint that keeps its data");
    QCOMPARE(manual.value(QLatin1String("spec"))[QLatin1String("jobReference")][QLatin1String("kind")].toString(),
             QStringLiteral("FlinkSessionJob"));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("sessionjob-snapshots")));
    page->setCurrentTab(DeploymentPage::OverviewTab);

    // The earliest completed savepoint, to roll back to at the end.
    QTRY_VERIFY_WITH_TIMEOUT(!page->snapshotModel()->snapshots().isEmpty(), 10000);
    Snapshot early;
    for (const Snapshot &s : page->snapshotModel()->snapshots()) {
        if (s.type == QLatin1String("SAVEPOINT") && s.isCompleted() && (!early.time.isValid() || s.time < early.time))
            early = s;
    }
    QVERIFY(!early.path.isEmpty());

    // Configure Deployment: parallelism + 1, upgraded with a savepoint.
    const QString firstJob = jobStatus().value(QLatin1String("jobId")).toString();
    QVERIFY(!firstJob.isEmpty());
    const int parallelism = job().value(QLatin1String("parallelism")).toInt();
    QString sentence;
    configureParallelism(window.get(), parallelism + 1, &sentence);
    QVERIFY2(sentence.contains(QStringLiteral("a savepoint is taken, then the job is redeployed from it")),
             qPrintable(sentence));
    QVERIFY(lastActionSucceeded(window.get(), 60000));
    QCOMPARE(job().value(QLatin1String("parallelism")).toInt(), parallelism + 1);
    const QString secondJob = jobStatus().value(QLatin1String("jobId")).toString();
    QVERIFY(secondJob != firstJob);
    const QString upgradePath = jobStatus().value(QLatin1String("upgradeSavepointPath")).toString();
    QVERIFY(!upgradePath.isEmpty());
    // The UPGRADE savepoint is the session job's own, on its tab.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(page->snapshotModel()->snapshots().cbegin(), page->snapshotModel()->snapshots().cend(),
                    [&](const Snapshot &s) { return s.trigger == QLatin1String("UPGRADE") && s.path == upgradePath; }),
        10000);

    // Roll back to the earlier savepoint from the Snapshots tab.
    page->setCurrentTab(DeploymentPage::SnapshotsTab);
    auto *view = page->findChild<QTableView *>(QStringLiteral("snapshotsTableView"));
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < view->model()->rowCount(); ++r) {
                if (view->model()->index(r, SnapshotTableModel::Path).data().toString() == early.path)
                    row = r;
            }
            return row >= 0;
        }(),
        5000);
    view->selectRow(row);
    auto *rollback = page->findChild<QPushButton *>(QStringLiteral("rollbackToSnapshotButton"));
    QTRY_VERIFY(rollback->isEnabled());
    QTest::mouseClick(rollback, Qt::LeftButton);
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->request().resourceKind, ResourceKind::FlinkSessionJob);
    const qint64 nonceBefore = job().value(QLatin1String("savepointRedeployNonce")).toInteger();
    QVERIFY(test::saveScreenshot(review, QStringLiteral("sessionjob-rollback-review")));
    test::answerReview(review, true);
    QVERIFY(lastActionSucceeded(window.get(), 60000));
    QCOMPARE(job().value(QLatin1String("initialSavepointPath")).toString(), early.path);
    QCOMPARE(job().value(QLatin1String("savepointRedeployNonce")).toInteger(), nonceBefore + 1);
    QCOMPARE(jobStatus().value(QLatin1String("upgradeSavepointPath")).toString(), early.path);
    QVERIFY(jobStatus().value(QLatin1String("jobId")).toString() != secondJob);
    QCOMPARE(jobStatus().value(QLatin1String("state")).toString(), QStringLiteral("RUNNING"));

    // The session cluster's page lists its jobs with their states, this one among them.
    QVERIFY(window->openDeployment(kNamespace, cluster));
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().name, cluster, 5000);
    page->setCurrentTab(DeploymentPage::OverviewTab);
    QTRY_VERIFY_WITH_TIMEOUT(related->table()->topLevelItemCount() >= 2, 5000);
    QStringList jobs;
    for (int i = 0; i < related->table()->topLevelItemCount(); ++i)
        jobs << related->table()->topLevelItem(i)->text(RelatedResourcesView::NameColumn);
    QVERIFY2(jobs.contains(name) && jobs.contains(QStringLiteral("top-speed-windowing")), qPrintable(jobs.join(u',')));
    QVERIFY(test::saveScreenshot(page, QStringLiteral("sessioncluster-jobs")));
}

void TestOperatorResources::blueGreenTransition()
{
    const QString name = QStringLiteral("checkout-bluegreen");
    const QString blue = name + QStringLiteral("-blue");
    const QString green = name + QStringLiteral("-green");
    const auto state = [&] {
        return server(QStringLiteral("flinkbluegreendeployments"), name)
            .value(QLatin1String("status"))[QLatin1String("blueGreenState")]
            .toString();
    };
    auto window = openWindow(name);
    QVERIFY(window);
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->object().isEmpty(), 5000);
    QCOMPARE(page->summary().kind, ResourceKind::FlinkBlueGreenDeployment);
    QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("ACTIVE_BLUE"), 30000);
    RelatedResourcesView *related = page->relatedView();
    QTRY_VERIFY2_WITH_TIMEOUT(related->sentence().contains(QStringLiteral("Active child: "))
                                  && related->sentence().contains(blue),
                              qPrintable(related->sentence()), 10000);
    // The job's own actions belong to the child; the page's Suspend says so.
    QVERIFY(!window->actions()->action(ActionKind::Suspend)->isEnabled());
    QVERIFY(test::saveScreenshot(page, QStringLiteral("bluegreen-active-blue")));

    // Configure Deployment edits the template; the review says what the transition does.
    const int parallelism = page->summary().parallelism;
    QVERIFY(parallelism > 0);
    QString sentence;
    configureParallelism(window.get(), parallelism + 1, &sentence);
    QVERIFY2(sentence.contains(QStringLiteral("takes a savepoint of the active child deployment, starts the other "
                                              "child from it")),
             qPrintable(sentence));

    // Followed from blue to green: the transition on the page, the savepoint handed over.
    QTRY_VERIFY2_WITH_TIMEOUT(related->sentence().contains(QStringLiteral("Transition in progress")),
                              qPrintable(related->sentence()), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!server(QStringLiteral("flinkdeployments"), green).isEmpty(), 60000);
    const QString handedOver
        = server(QStringLiteral("flinkdeployments"), green)
              .value(QLatin1String("spec"))[QLatin1String("job")][QLatin1String("initialSavepointPath")]
              .toString();
    QVERIFY(!handedOver.isEmpty());
    QTRY_VERIFY2_WITH_TIMEOUT(related->sentence().contains(QStringLiteral("Savepoint handed over to"))
                                  && related->sentence().contains(handedOver),
                              qPrintable(related->sentence()), 10000);
    QVERIFY(test::saveScreenshot(page, QStringLiteral("bluegreen-transition")));
    QVERIFY(lastActionSucceeded(window.get(), 120000));
    QCOMPARE(state(), QStringLiteral("ACTIVE_GREEN"));
    QTRY_VERIFY2_WITH_TIMEOUT(related->sentence().contains(QStringLiteral("Active child: "))
                                  && related->sentence().contains(green) && related->sentence().contains(handedOver),
                              qPrintable(related->sentence()), 10000);
    // The new child shows its owner and the savepoint it started from, and opens from the owner's page.
    QTreeWidget *children = related->table();
    QTreeWidgetItem *greenRow = nullptr;
    for (int i = 0; i < children->topLevelItemCount(); ++i) {
        if (children->topLevelItem(i)->text(RelatedResourcesView::NameColumn) == green)
            greenRow = children->topLevelItem(i);
    }
    QVERIFY(greenRow);
    QCOMPARE(greenRow->text(RelatedResourcesView::SavepointColumn), handedOver);
    QVERIFY(test::saveScreenshot(page, QStringLiteral("bluegreen-active-green")));
    emit children->itemActivated(greenRow, 0);
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().name, green, 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(related->sentence().contains(QStringLiteral("A child of blue/green deployment"))
                                  && related->sentence().contains(handedOver),
                              qPrintable(related->sentence()), 5000);
    QCOMPARE(DeploymentTableModel::kindText(page->summary()), QStringLiteral("Blue/green child"));
    QTRY_VERIFY_WITH_TIMEOUT(!page->object().isEmpty(), 5000);
    QVERIFY(test::saveScreenshot(page, QStringLiteral("bluegreen-child")));
    // The old child is gone once the deletion delay passed.
    QTRY_VERIFY_WITH_TIMEOUT(server(QStringLiteral("flinkdeployments"), blue).isEmpty(), 60000);
    // The list's count follows the removal (the proxy drops a row before the list has).
    auto *count = window->findChild<QLabel *>(QStringLiteral("deploymentCountLabel"));
    QVERIFY(count);
    const auto countIsTotal = [&] {
        return count->text().startsWith(QString::number(window->deploymentModel()->rowCount()) + QLatin1Char(' '))
            && !count->text().contains(QLatin1String(" of "));
    };
    QTRY_VERIFY2_WITH_TIMEOUT(countIsTotal(), qPrintable(count->text()), 5000);
}

QTEST_MAIN(TestOperatorResources)
#include "tst_operatorresources.moc"
