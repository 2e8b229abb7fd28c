// "Open Flink Dashboard" through the real MainWindow and session against the sandbox: the action
// starts a proxy, the browser is sent to it (intercepted here), the status bar lists the dashboard
// with a Stop, and Stop ends the proxy. A deployment with an ingress opens at the ingress URL.

#include "common/sandboxfixture.h"
#include "kube/dashboardproxy.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"
#include "ui/actionscontroller.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"
#include "ui/widgets/dashboardindicator.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;
using namespace Qt::StringLiterals;

// Stands in for the system browser: QDesktopServices hands it the URLs it would open.
class BrowserStub : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void openUrl(const QUrl &url) { opened.append(url); }
};

class TestDashboardIndicator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void openAndStop();
    void ingressNeedsNoProxy();
    void screenshot_data();
    void screenshot();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    std::unique_ptr<MainWindow> openWindow(const QString &name);
    // Opens the page's dashboard as the menu does: the URL the browser was sent to (empty: none).
    QUrl openDashboard(MainWindow *window);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
    BrowserStub m_browser;
};

void TestDashboardIndicator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "openUrl");
    QDesktopServices::setUrlHandler(u"https"_s, &m_browser, "openUrl");
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
    auto &store = m_sandbox->server->store();
    QVERIFY(store.create(u"flinkdeployments"_s, u"default"_s, SandboxFixture::deployment(u"orders"_s, 2)).ok());
    QJsonObject withIngress = SandboxFixture::deployment(u"clicks"_s, 1);
    QJsonObject spec = withIngress.value(u"spec"_s).toObject();
    spec.insert(
        u"ingress"_s,
        QJsonObject{{u"template"_s, u"{{name}}.{{namespace}}.flink.example.com"_s}, {u"className"_s, u"nginx"_s}});
    withIngress.insert(u"spec"_s, spec);
    QVERIFY(store.create(u"flinkdeployments"_s, u"default"_s, withIngress).ok());
    m_sandbox->stepSimulation(240 * 250);
}

void TestDashboardIndicator::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QDesktopServices::unsetUrlHandler(u"https"_s);
}

std::unique_ptr<MainWindow> TestDashboardIndicator::openWindow(const QString &name)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(u"history-%1.sqlite"_s.arg(name));
    options.pollIntervalMs = 1000;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), u"sandbox"_s, u"default"_s, options);
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(u"default"_s, name); }, 10000))
        return {};
    return window;
}

QUrl TestDashboardIndicator::openDashboard(MainWindow *window)
{
    const qsizetype before = m_browser.opened.size();
    QAction *open = window->findChild<QAction *>(u"openDashboardAction"_s);
    if (!open || !QTest::qWaitFor([open] { return open->isEnabled(); }, 10000))
        return {};
    open->trigger();
    if (!QTest::qWaitFor([&] { return m_browser.opened.size() > before; }, 10000))
        return {};
    return m_browser.opened.last();
}

void TestDashboardIndicator::openAndStop()
{
    m_browser.opened.clear();
    auto window = openWindow(u"orders"_s);
    QVERIFY(window);
    auto *indicator = window->findChild<DashboardIndicator *>(u"dashboardIndicator"_s);
    QVERIFY(indicator);
    QVERIFY(window->statusBar()->isAncestorOf(indicator));
    QAction *open = window->findChild<QAction *>(u"openDashboardAction"_s);
    QVERIFY(open);
    QVERIFY(window->actions()->menu()->actions().contains(open)); // the Deployment menu
    QTRY_VERIFY_WITH_TIMEOUT(open->isEnabled(), 10000);
    QVERIFY(!indicator->isVisible()); // nothing open yet

    const QUrl url = openDashboard(window.get());
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.path().endsWith(u'/'));
    QTRY_VERIFY(indicator->isVisible());
    QCOMPARE(indicator->dashboards().keys(), QStringList{u"default/orders"_s});
    const QList<QWidget *> entries = indicator->findChildren<QWidget *>(u"dashboardEntry"_s);
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.first()->findChild<QLabel *>(u"dashboardLabel"_s)->text().contains(u"orders"_s));

    // The browser gets the JobManager through it.
    QNetworkAccessManager browser;
    QNetworkReply *reply = browser.get(QNetworkRequest(url.resolved(QUrl(u"overview"_s))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("taskmanagers"));
    reply->deleteLater();

    // Opening again reuses the proxy and sends the browser there again.
    QCOMPARE(openDashboard(window.get()), url);
    QCOMPARE(m_browser.opened.size(), 2);
    QCOMPARE(indicator->findChildren<QWidget *>(u"dashboardEntry"_s).size(), 1);

    auto *stop = entries.first()->findChild<QToolButton *>(u"stopDashboardButton"_s);
    QVERIFY(stop);
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_VERIFY(indicator->findChildren<QWidget *>(u"dashboardEntry"_s).isEmpty());
    QVERIFY(indicator->dashboards().isEmpty());
    QVERIFY(!indicator->isVisible());
    // The proxy is gone: its port no longer answers.
    QTcpSocket socket;
    QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    QVERIFY(failed.wait(10000));
}

void TestDashboardIndicator::ingressNeedsNoProxy()
{
    m_browser.opened.clear();
    auto window = openWindow(u"clicks"_s);
    QVERIFY(window);
    QCOMPARE(openDashboard(window.get()), QUrl(u"http://clicks.default.flink.example.com/"_s));
    auto *indicator = window->findChild<DashboardIndicator *>(u"dashboardIndicator"_s);
    QVERIFY(indicator->dashboards().isEmpty());
    QVERIFY(!indicator->isVisible());
}

void TestDashboardIndicator::screenshot_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestDashboardIndicator::screenshot()
{
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
    m_browser.opened.clear();
    auto window = openWindow(u"orders"_s);
    QVERIFY(window);
    QVERIFY(!openDashboard(window.get()).isEmpty());
    auto *indicator = window->findChild<DashboardIndicator *>(u"dashboardIndicator"_s);
    QTRY_VERIFY(indicator->isVisible());
    window->statusBar()->clearMessage();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString suffix = dark ? u"-dark"_s : QString();
    QVERIFY(window->statusBar()->grab().save(dir + u"/dashboard-statusbar"_s + suffix + u".png"_s));
    QVERIFY(window->grab().save(dir + u"/dashboard-window"_s + suffix + u".png"_s));
    Theme::apply(ThemeChoice::Light);
}

QTEST_MAIN(TestDashboardIndicator)
#include "tst_dashboardindicator.moc"
