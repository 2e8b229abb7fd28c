// The window's layout survives closing and opening it again: geometry, the Activity dock, the
// split between list and page, the columns of the list and of the page's tables, the page's tab,
// and the context and namespace it showed.

#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/settingskeys.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestWindowState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void layoutSurvivesReopening();
    void explicitContextWins();
    void vanishedContextFallsBack();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &context, const QString &ns);

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestWindowState::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    m_sandbox = std::make_unique<SandboxFixture>(-1);
    QVERIFY(m_sandbox->started);
}

std::unique_ptr<MainWindow> TestWindowState::openWindow(const QString &context, const QString &ns)
{
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), context, ns, options);
    window->show();
    return window;
}

void TestWindowState::layoutSurvivesReopening()
{
    QList<int> split;
    int nameWidth = 0;
    int stateVisualIndex = 0;
    int eventsReasonWidth = 0;
    int jobsDurationWidth = 0;
    {
        auto window = openWindow(QStringLiteral("sandbox-cert"), QStringLiteral("flink-jobs"));
        window->resize(1300, 860);
        QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")),
                                 10000);
        auto *dock = window->findChild<QDockWidget *>(QStringLiteral("activityDock"));
        dock->show();
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QTRY_VERIFY(window->deploymentPage()->isVisible());
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total / 4, total - total / 4});
        split = splitter->sizes();

        auto *header = window->findChild<QTableView *>(QStringLiteral("deploymentTableView"))->horizontalHeader();
        header->setSectionResizeMode(DeploymentTableModel::Name, QHeaderView::Interactive);
        header->resizeSection(DeploymentTableModel::Name, 333);
        header->moveSection(header->visualIndex(DeploymentTableModel::State), 0);
        nameWidth = header->sectionSize(DeploymentTableModel::Name);
        stateVisualIndex = header->visualIndex(DeploymentTableModel::State);

        DeploymentPage *page = window->deploymentPage();
        auto *events = page->findChild<QTableView *>(QStringLiteral("eventsTableView"))->horizontalHeader();
        events->resizeSection(2, 211);
        eventsReasonWidth = events->sectionSize(2);
        auto *jobs = page->findChild<QTableView *>(QStringLiteral("jobsTableView"))->horizontalHeader();
        jobs->resizeSection(2, 123);
        jobsDurationWidth = jobs->sectionSize(2);
        page->setCurrentTab(DeploymentPage::EventsTab);
        QVERIFY(window->close());
    }
    const QSettings settings;
    for (const QLatin1String key :
         {SettingsKeys::windowGeometry, SettingsKeys::windowState, SettingsKeys::splitterState,
          SettingsKeys::deploymentHeader, SettingsKeys::eventsHeader, SettingsKeys::snapshotsHeader,
          SettingsKeys::jobsHeader, SettingsKeys::pageTab})
        QVERIFY2(settings.contains(key), key.data());
    QCOMPARE(settings.value(SettingsKeys::lastContext).toString(), QStringLiteral("sandbox-cert"));
    QCOMPARE(settings.value(SettingsKeys::lastNamespace).toString(), QStringLiteral("flink-jobs"));

    // No context given: the last one comes back, with its namespace, and the layout with it.
    auto window = openWindow(QString(), QString());
    QCOMPARE(window->currentContext(), QStringLiteral("sandbox-cert"));
    QCOMPARE(window->currentNamespace(), QStringLiteral("flink-jobs"));
    QCOMPARE(window->size(), QSize(1300, 860));
    QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("activityDock"))->isVisible());
    auto *header = window->findChild<QTableView *>(QStringLiteral("deploymentTableView"))->horizontalHeader();
    QCOMPARE(header->sectionSize(DeploymentTableModel::Name), nameWidth);
    QCOMPARE(header->visualIndex(DeploymentTableModel::State), stateVisualIndex);
    DeploymentPage *page = window->deploymentPage();
    QCOMPARE(page->findChild<QTableView *>(QStringLiteral("eventsTableView"))->horizontalHeader()->sectionSize(2),
             eventsReasonWidth);
    QCOMPARE(page->findChild<QTableView *>(QStringLiteral("jobsTableView"))->horizontalHeader()->sectionSize(2),
             jobsDurationWidth);
    QCOMPARE(page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"))->currentIndex(),
             int(DeploymentPage::EventsTab));

    // The split applies once the page shows again.
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")),
                             10000);
    QTRY_VERIFY(page->isVisible());
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QTRY_VERIFY2(std::abs(splitter->sizes().value(0) - split.value(0)) <= 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(splitter->sizes().value(0)).arg(split.value(0))));
}

void TestWindowState::explicitContextWins()
{
    QSettings().setValue(SettingsKeys::lastContext, QStringLiteral("sandbox-cert"));
    QSettings().setValue(SettingsKeys::lastNamespace, QStringLiteral("flink-jobs"));
    auto window = openWindow(QStringLiteral("sandbox"), QString());
    QCOMPARE(window->currentContext(), QStringLiteral("sandbox"));
    QCOMPARE(window->currentNamespace(), QStringLiteral("default")); // the context's own
}

void TestWindowState::vanishedContextFallsBack()
{
    QSettings().setValue(SettingsKeys::lastContext, QStringLiteral("deleted-cluster"));
    QSettings().setValue(SettingsKeys::lastNamespace, QStringLiteral("gone"));
    auto window = openWindow(QString(), QString());
    QCOMPARE(window->currentContext(), QStringLiteral("sandbox")); // the kubeconfig's current context
    QCOMPARE(window->currentNamespace(), QStringLiteral("default"));
}

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
