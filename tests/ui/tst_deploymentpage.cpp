// The deployment page against the sandbox: header, live events and snapshots, a change by another
// client, the failing banner appearing and clearing, and screenshots of every tab.

#include "common/sandboxfixture.h"
#include "flink/resourceunits.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/jobruntablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/theme.h"
#include "json/jsontools.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestDeploymentPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pageFollowsTheDeployment();
    void overviewSpeaksHumanUnits();
    void failingBannerAppearsAndClears();
    void restartLoopFromTheOperatorSimulation();
    void screenshots();
    void emptyStates();

private:
    std::unique_ptr<MainWindow> openWindow();
    void saveShot(QWidget *widget, const QString &name);
    QJsonObject event(const QString &name, const QString &type, const QString &reason, const QString &message,
                      int count);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
    QString m_uid;
};

void TestDeploymentPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>(-1);
    QVERIFY(m_sandbox->started);
    const auto dep = m_sandbox->server->store().get(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                                                    QStringLiteral("github-analytics"));
    QVERIFY(dep.ok());
    m_uid = dep.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
}

std::unique_ptr<MainWindow> TestDeploymentPage::openWindow()
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 500;
    options.informer.batchIntervalMs = 50;
    options.failureWindowSeconds = 4;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("all"), options);
    window->resize(1600, 1000);
    window->show();
    return window;
}

void TestDeploymentPage::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

QJsonObject TestDeploymentPage::event(const QString &name, const QString &type, const QString &reason,
                                      const QString &message, int count)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), QStringLiteral("default")}}},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
                     {QStringLiteral("namespace"), QStringLiteral("default")},
                     {QStringLiteral("name"), QStringLiteral("github-analytics")},
                     {QStringLiteral("uid"), m_uid}}},
        {QStringLiteral("type"), type},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("count"), count},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), QStringLiteral("Operator")}}}};
}

void TestDeploymentPage::pageFollowsTheDeployment()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->deploymentModel()->rowCount() >= 4, 10000);
    QVERIFY(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    DeploymentPage *page = window->deploymentPage();
    QVERIFY(page->isVisible());
    QCOMPARE(page->uid(), m_uid);
    QAbstractItemModelTester events(page->eventModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester snapshots(page->snapshotModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester jobs(page->jobModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto *title = page->findChild<QLabel *>(QStringLiteral("deploymentTitle"));
    QVERIFY(title->text().contains(QStringLiteral("github-analytics")));
    QTRY_VERIFY_WITH_TIMEOUT(!page->restoreText().isEmpty(), 5000);

    // A new event arrives live.
    const auto hasMarker = [page] {
        for (int row = 0; row < page->eventModel()->rowCount(); ++row) {
            if (page->eventModel()->event(row).message == QLatin1String("live event marker"))
                return true;
        }
        return false;
    };
    QVERIFY(!hasMarker());
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("events"), QStringLiteral("default"),
                        event(QStringLiteral("github-analytics.live-1"), QStringLiteral("Normal"),
                              QStringLiteral("SpecChanged"), QStringLiteral("live event marker"), 1))
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(hasMarker(), 2000);

    // Another client scales the deployment: the row and the page follow within 2 s.
    const QJsonObject patch{{QStringLiteral("spec"),
                             QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 3}}}}}};
    QVERIFY(m_sandbox->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                            QStringLiteral("github-analytics"), patch)
                .ok());
    auto *facts = page->findChild<QLabel *>(QStringLiteral("deploymentFacts"));
    QTRY_VERIFY_WITH_TIMEOUT(facts->text().contains(QStringLiteral("Parallelism</span> 3")), 2000);

    // The jobs the deployment ran are recorded.
    QTRY_VERIFY_WITH_TIMEOUT(page->jobModel()->rowCount() >= 1, 3000);
    // Selecting nothing closes the page.
    window->findChild<QTableView *>(QStringLiteral("deploymentTableView"))->clearSelection();
    QTRY_VERIFY(!page->isVisible());
}

void TestDeploymentPage::overviewSpeaksHumanUnits()
{
    // The operator reports total-memory in bytes and the spec has Flink's "2048m": the Overview says
    // "4 GiB" and "2 GiB", and the tooltips keep the values as written.
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->object().isEmpty(), 5000);
    const QJsonObject object = page->object();
    const QString memory = json::valueAt(object,
                                         {QStringLiteral("spec"), QStringLiteral("jobManager"),
                                          QStringLiteral("resource"), QStringLiteral("memory")})
                               .toString();
    const QString total
        = json::valueAt(object,
                        {QStringLiteral("status"), QStringLiteral("clusterInfo"), QStringLiteral("total-memory")})
              .toString();
    QVERIFY(!memory.isEmpty() && !total.isEmpty());
    QVERIFY2(total.toLongLong() > 1024 * 1024, qPrintable(total)); // bytes, as the operator writes them

    auto *spec = page->findChild<QLabel *>(QStringLiteral("specSummaryLabel"));
    auto *status = page->findChild<QLabel *>(QStringLiteral("statusSummaryLabel"));
    QVERIFY(spec->text().contains(ResourceUnits::humanMemory(memory) + QStringLiteral(" memory")));
    QVERIFY(spec->toolTip().contains(QStringLiteral("memory: ") + memory));
    QVERIFY2(status->text().contains(ResourceUnits::humanMemory(total)), qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral(" GiB")));
    QVERIFY(!status->text().contains(total));
    QVERIFY(status->toolTip().contains(QStringLiteral("total-memory: ") + total));
}

void TestDeploymentPage::failingBannerAppearsAndClears()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->deploymentModel()->rowCount() >= 4, 10000);
    QVERIFY(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    DeploymentPage *page = window->deploymentPage();
    QVERIFY(page->failingText().isEmpty());
    const QString name = QStringLiteral("github-analytics.jobexception");
    QVERIFY(
        m_sandbox->server->store()
            .create(QStringLiteral("events"), QStringLiteral("default"),
                    event(name, QStringLiteral("Warning"), QStringLiteral("JobException"),
                          QStringLiteral("java.lang.IllegalStateException: New feature enabled but not supported"), 1))
            .ok());
    // The operator deduplicates: the same event's count climbs with every restart.
    for (int count = 2; count <= 4; ++count) {
        QTest::qWait(150);
        QJsonObject patch{{QStringLiteral("count"), count},
                          {QStringLiteral("lastTimestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        QVERIFY(m_sandbox->server->store()
                    .mergePatch(QStringLiteral("events"), QStringLiteral("default"), name, patch)
                    .ok());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!page->failingText().isEmpty(), 3000);
    QVERIFY2(page->failingText().contains(QStringLiteral("Deployment is failing")), qPrintable(page->failingText()));
    QVERIFY(page->failingText().contains(QStringLiteral("IllegalStateException")));
    const int row = window->deploymentModel()->rowOf(m_uid);
    QVERIFY(window->deploymentModel()->index(row, 0).data(DeploymentTableModel::FailingRole).toBool());
    saveShot(window.get(), QStringLiteral("deploymentpage-failing"));
    // No new restarts for longer than the (shortened) window: recovered, the banner goes away.
    QTRY_VERIFY_WITH_TIMEOUT(page->failingText().isEmpty(), 15000);
    QVERIFY(!window->deploymentModel()->index(row, 0).data(DeploymentTableModel::FailingRole).toBool());
}

void TestDeploymentPage::restartLoopFromTheOperatorSimulation()
{
    // A sandbox with the operator running fast: the job started with --enable-new-feature true
    // fails in a restart loop, and removing the flag again recovers it.
    SandboxFixture sandbox(-1, 40);
    QVERIFY(sandbox.started);
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history-sim.sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    options.failureWindowSeconds = 6;
    MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.resize(1600, 1000);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 4, 10000);
    QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    DeploymentPage *page = window.deploymentPage();
    const auto setArgs = [&sandbox](const QJsonArray &args) {
        const QJsonObject patch{{QStringLiteral("spec"),
                                 QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("args"), args}}}}}};
        return sandbox.server->store()
            .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                        QStringLiteral("github-analytics"), patch)
            .ok();
    };
    const QJsonArray original
        = sandbox.server->store()
              .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("github-analytics"))
              .object.value(QLatin1String("spec"))
              .toObject()
              .value(QLatin1String("job"))
              .toObject()
              .value(QLatin1String("args"))
              .toArray();
    QJsonArray failing = original;
    failing.append(QStringLiteral("--enable-new-feature"));
    failing.append(QStringLiteral("true"));
    QVERIFY(setArgs(failing));
    QTRY_VERIFY_WITH_TIMEOUT(!page->failingText().isEmpty(), 20000);
    QVERIFY2(page->failingText().contains(QStringLiteral("restart")), qPrintable(page->failingText()));
    const int row = window.deploymentModel()->rowOf(page->uid());
    QVERIFY(window.deploymentModel()->index(row, 0).data(DeploymentTableModel::FailingRole).toBool());
    saveShot(&window, QStringLiteral("deploymentpage-restartloop"));

    QVERIFY(setArgs(original));
    QTRY_VERIFY_WITH_TIMEOUT(page->failingText().isEmpty(), 30000);
    QVERIFY(!window.deploymentModel()->index(row, 0).data(DeploymentTableModel::FailingRole).toBool());
}

void TestDeploymentPage::screenshots()
{
    for (const bool dark : {false, true}) {
        const QPalette original = QApplication::palette();
        if (dark) {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(Theme::darkPalette());
        }
        auto window = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->deploymentModel()->rowCount() >= 4, 10000);
        QVERIFY(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
        DeploymentPage *page = window->deploymentPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->eventModel()->rowCount() > 0, 5000);
        QTest::qWait(1200); // a JobManager poll
        auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
        const QString suffix = dark ? QStringLiteral("-dark") : QString();
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QTest::qWait(50);
            saveShot(window.get(), QStringLiteral("deploymentpage-%1%2").arg(tab).arg(suffix));
        }
        window.reset();
        QApplication::setPalette(original);
    }
}

void TestDeploymentPage::emptyStates()
{
    // A deployment the operator has not reconciled yet: no status, events, snapshots or jobs.
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                        SandboxFixture::deployment(QStringLiteral("brand-new"), 2))
                .ok());
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("brand-new")), 10000);
    DeploymentPage *page = window->deploymentPage();
    QTest::qWait(800);
    QCOMPARE(page->eventModel()->rowCount(), 0);
    QCOMPARE(page->snapshotModel()->rowCount(), 0);
    QCOMPARE(page->jobModel()->rowCount(), 0);
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QTest::qWait(50);
        saveShot(window.get(), QStringLiteral("deploymentpage-empty-%1").arg(tab));
    }
}

QTEST_MAIN(TestDeploymentPage)
#include "tst_deploymentpage.moc"
