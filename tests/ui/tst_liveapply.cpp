// Configure Deployment does not hold the user hostage: once the server has the change the dialog
// closes, and the user watches the upgrade on the page (state, Events tab) while the Activity panel
// follows the action to its end. Driven by mouse and keyboard against the sandbox's operator, in
// the light and the dark palette, with a screenshot of each moment.

#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "session/sessionhost.h"
#include "ui/actionscontroller.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/preferencesstore.h"
#include "ui/theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestLiveApply : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void applyThenWatch_data();
    void applyThenWatch();
    void failureAfterTheDialogClosedOffersReopen();

private:
    QJsonObject server() const
    {
        return m_sandbox->server->store()
            .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("github-analytics"))
            .object;
    }
    QString lifecycle() const
    {
        return server().value(QLatin1String("status")).toObject().value(QLatin1String("lifecycleState")).toString();
    }
    void shot(QWidget *widget, const QString &name);

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestLiveApply::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    PreferencesStore::installTranslators(qApp);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // Slow enough that an upgrade takes seconds: the page must be seen in the middle of it.
    m_sandbox = std::make_unique<SandboxFixture>(-1, 6);
    QVERIFY(m_sandbox->started);
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    m_window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                            QStringLiteral("default"), options);
    m_window->resize(1600, 1000);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
}

void TestLiveApply::shot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(widget->grab().save(dir + QStringLiteral("/liveapply-") + name + QStringLiteral(".png")));
}

void TestLiveApply::applyThenWatch_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("parallelism");
    QTest::newRow("light") << false << 2;
    QTest::newRow("dark") << true << 3;
}

void TestLiveApply::applyThenWatch()
{
    QFETCH(bool, dark);
    QFETCH(int, parallelism);
    Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
    const QString suffix = dark ? QStringLiteral("-dark") : QStringLiteral("-light");
    MainWindow *window = m_window.get();
    DeploymentPage *page = window->deploymentPage();
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    tabs->setCurrentIndex(DeploymentPage::OverviewTab);
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle(), QStringLiteral("STABLE"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().displayState(), DisplayState::Running, 10000);

    // The page's Configure button, as a user clicks it.
    auto *bar = page->findChild<QToolBar *>(QStringLiteral("deploymentActionBar"));
    QWidget *configure = bar->widgetForAction(window->actions()->configureAction());
    QVERIFY(configure && configure->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(configure->isEnabled(), 10000);
    QTest::mouseClick(configure, Qt::LeftButton);
    QPointer<ConfigureDialog> dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    // Parallelism typed into its field.
    auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"));
    QVERIFY(spin);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(parallelism));
    QTest::keyClick(spin, Qt::Key_Tab);
    QCOMPARE(spin->value(), parallelism);
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QTRY_VERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton); // to the Review
    QTRY_COMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    shot(dialog, QStringLiteral("1-review") + suffix);
    // Events carry the sandbox's (virtual) clock: the newest one so far tells old from new.
    QDateTime applied;
    for (int row = 0; row < page->eventModel()->rowCount(); ++row)
        applied = std::max(applied, page->eventModel()->event(row).lastTimestamp);
    const qint64 generationBefore
        = server().value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger();
    QTest::mouseClick(apply, Qt::LeftButton); // Apply

    // The dialog closes as soon as the server has the change, long before the upgrade is done.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), 10000);
    const QJsonObject written = server();
    QVERIFY(written.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger()
            > generationBefore);
    QCOMPARE(written.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             parallelism);
    const bool upgradeDone = lifecycle() == QLatin1String("STABLE")
        && written.value(QLatin1String("status")).toObject().value(QLatin1String("observedGeneration")).toInteger()
            == written.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger();
    QVERIFY2(!upgradeDone, "the dialog stayed open until the upgrade was over");
    ActivityModel *activity = window->activity();
    QVERIFY(activity->index(0, 0).data(ActivityModel::RunningRole).toBool());

    // The page, not a dialog, shows the transition; the user opens the Events tab during it.
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().displayState(), DisplayState::Transitioning, 20000);
    auto *tabBar = tabs->tabBar();
    QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(DeploymentPage::EventsTab).center());
    QCOMPARE(tabs->currentIndex(), int(DeploymentPage::EventsTab));
    const auto eventsAfterWrite = [page](const QString &reason, const QDateTime &since) {
        for (int row = 0; row < page->eventModel()->rowCount(); ++row) {
            const ClusterEvent e = page->eventModel()->event(row);
            if (e.reason == reason && e.lastTimestamp > since)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(eventsAfterWrite(QStringLiteral("SpecChanged"), applied), 20000);
    QVERIFY2(page->summary().displayState() == DisplayState::Transitioning || lifecycle() != QLatin1String("STABLE"),
             "the upgrade finished before the Events tab could be seen during it");
    shot(window, QStringLiteral("2-transitioning-events") + suffix);

    // The upgrade finishes on the page: Running again with the new parallelism, and the action succeeded.
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle(), QStringLiteral("STABLE"), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().displayState(), DisplayState::Running, 20000);
    QCOMPARE(page->summary().parallelism, parallelism);
    QTRY_VERIFY_WITH_TIMEOUT(eventsAfterWrite(QStringLiteral("JobStatusChanged"), applied), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!activity->index(0, 0).data(ActivityModel::RunningRole).toBool(), 60000);
    const quint64 id = activity->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QCOMPARE(activity->outcomeText(id), QStringLiteral("succeeded"));
    shot(window, QStringLiteral("3-finished") + suffix);
}

void TestLiveApply::failureAfterTheDialogClosedOffersReopen()
{
    // The dialog is long closed when an action's wait ends badly (here: the 10-minute wait for the
    // operator runs out). The real wait is not sat through: once the change is written, the
    // session's result is given as it would arrive. The page and the Activity panel then say so and
    // offer the change again.
    Theme::apply(ThemeChoice::Light);
    MainWindow *window = m_window.get();
    DeploymentPage *page = window->deploymentPage();
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle(), QStringLiteral("STABLE"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->configureAction()->isEnabled(), 10000);
    auto *bar = page->findChild<QToolBar *>(QStringLiteral("deploymentActionBar"));
    QTest::mouseClick(bar->widgetForAction(window->actions()->configureAction()), Qt::LeftButton);
    QPointer<ConfigureDialog> dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    QJsonObject spec = dialog->editedSpec();
    QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const int parallelism = job.value(QLatin1String("parallelism")).toInt() + 1;
    job.insert(QStringLiteral("parallelism"), parallelism);
    spec.insert(QStringLiteral("job"), job);
    dialog->startFrom(spec);
    QTRY_COMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QTRY_VERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), 10000);
    ActivityModel *activity = window->activity();
    QVERIFY(activity->index(0, 0).data(ActivityModel::RunningRole).toBool());

    ActionResult timedOut;
    timedOut.id = activity->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    timedOut.kind = ActionKind::Configure;
    timedOut.outcome = ActionResult::Outcome::TimedOut;
    timedOut.deploymentUid = page->uid();
    timedOut.writtenGeneration
        = server().value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger();
    timedOut.finishedAt = QDateTime::currentDateTimeUtc();
    timedOut.summary = QStringLiteral("The operator did not finish within 600 s.");
    emit const_cast<BackendSession *>(window->session()->session())->actionFinished(timedOut);

    auto *banner = page->findChild<QWidget *>(QStringLiteral("actionBanner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    const QString text = banner->findChild<QLabel *>(QStringLiteral("messageBannerText"))->text();
    QVERIFY2(text.contains(QStringLiteral("Configure Deployment did not complete"))
                 && text.contains(QStringLiteral("600 s")),
             qPrintable(text));
    QCOMPARE(activity->outcomeText(timedOut.id), QStringLiteral("timed out"));
    QVERIFY(activity->index(0, 0).data(ActivityModel::ReopenableRole).toBool());
    auto *panelReopen = window->findChild<QPushButton *>(QStringLiteral("reopenChangeButton"));
    QVERIFY(panelReopen && panelReopen->isVisible());
    shot(window, QStringLiteral("4-failed-after-apply"));

    // Reopen with My Change: the dialog comes back with the change on the deployment as it is now.
    auto *reopen = banner->findChild<QPushButton *>(QStringLiteral("messageBannerAction"));
    QVERIFY(reopen && reopen->isVisible());
    QTest::mouseClick(reopen, Qt::LeftButton);
    dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->editedSpec().value(QLatin1String("job")).toObject().value(QLatin1String("parallelism")).toInt(),
             parallelism);
    shot(dialog, QStringLiteral("5-reopened"));
    dialog->reject();
    // The same from the Activity panel.
    QTRY_VERIFY(window->configureDialog() == nullptr);
    QTest::mouseClick(panelReopen, Qt::LeftButton);
    QTRY_VERIFY(window->configureDialog() != nullptr);
    qobject_cast<ConfigureDialog *>(window->configureDialog())->reject();
}

QTEST_MAIN(TestLiveApply)
#include "tst_liveapply.moc"
