// Connecting to a Ververica Platform by hand (File → Connect to Ververica Platform…), against the
// sandbox's simulated platform on a port of its own and through the cluster's service proxy: the
// dialog checks what is typed, the platform's deployments are listed, its API token is in the
// keychain (a real Secret Service: CTest runs this inside with-keyring.sh) and in no file or log
// line, a refused token is reported readably, a remembered platform comes back in a new window, and
// forgetting it removes it and its token. Screenshots of the dialog: <build>/screenshots/vvpconnect-*.png.

#include "common/layoutchecks.h"
#include "common/logcapture.h"
#include "common/secretchecks.h"
#include "kube/kubeconfigloader.h"
#include "sandbox/sandboxserver.h"
#include "secrets/secretstore.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/theme.h"
#include "ui/vvp/platformconnectdialog.h"
#include "ui/vvp/rememberedplatforms.h"
#include "ui/widgets/messagebanner.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using capstan::test::bannerText;
using capstan::test::secretToolLookup;

namespace {

const QString kPlatformName = QStringLiteral("Ververica Platform at 127.0.0.1");

QStringList listedNames(const MainWindow &window)
{
    QStringList names;
    const DeploymentTableModel *model = window.deploymentModel();
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, DeploymentTableModel::Name).data().toString();
    names.sort();
    return names;
}

template <typename T>
T *child(const QObject *parent, const char *name)
{
    auto *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

} // namespace

class TestVvpConnect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogValidates();
    void dialogWithoutContextsOffersTheUrlOnly();
    void dialogLooksRight_data();
    void dialogLooksRight();
    void connectByUrlListsThePlatform();
    void rememberedPlatformComesBack();
    void refusedTokenIsReported();
    void throughTheCluster();
    void forgettingRemovesPlatformAndToken();
    void tokenInNoFileAndNoLogLine();
    void cleanupTestCase();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &context = QStringLiteral("sandbox"));
    // Fills the dialog the action opened and presses Connect.
    void connectByUrl(MainWindow *window, const QString &url, const QString &token);
    QString platformUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->vvpPort()); }
    static void saveShot(QWidget *widget, const QString &name);

    QTemporaryDir m_home; // every file Capstan writes lands below it
    std::unique_ptr<capstan::test::LogCapture> m_log;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    QTemporaryDir m_kubeconfigDir;
    KubeConfig m_config;
    QString m_token;
    QStringList m_platformDeployments;
};

void TestVvpConnect::initTestCase()
{
    QVERIFY(m_home.isValid());
    capstan::test::useHome(m_home);
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
             "secret-tool (libsecret-tools) is needed to look into the keychain");
    m_log = std::make_unique<capstan::test::LogCapture>();

    // The platform in the cluster (Service vvp/vvp-ververica-platform) and on a port of its own.
    sandbox::SandboxOptions options;
    options.deployments = -1;
    options.vvpPort = 0;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(m_server->vvpPort() > 0);
    m_token = m_server->vvpToken();
    QVERIFY(m_token.size() >= 16);
    const QString kubeconfig = m_kubeconfigDir.filePath(QStringLiteral("kubeconfig.yaml"));
    m_server->writeKubeconfig(kubeconfig);
    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    QVERIFY(config);
    m_config = config.value();
    m_platformDeployments
        = {QStringLiteral("fraud-detector"), QStringLiteral("github-analytics"), QStringLiteral("nightly-backfill")};
}

void TestVvpConnect::cleanupTestCase()
{
    m_log.reset(); // Qt Test's own handler back before the test logger goes away
}

std::unique_ptr<MainWindow> TestVvpConnect::openWindow(const QString &context)
{
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_config, context, QStringLiteral("all"), options);
    window->resize(1400, 900);
    window->show();
    return window;
}

void TestVvpConnect::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QStringLiteral("/vvpconnect-") + name + QStringLiteral(".png")));
}

void TestVvpConnect::connectByUrl(MainWindow *window, const QString &url, const QString &token)
{
    auto *action = child<QAction>(window, "connectPlatformAction");
    QVERIFY(action);
    QVERIFY(!action->shortcut().isEmpty());
    action->trigger();
    auto *dialog = window->findChild<PlatformConnectDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    child<QRadioButton>(dialog, "platformUrlRadio")->setChecked(true);
    child<QLineEdit>(dialog, "platformUrlLineEdit")->clear();
    QTest::keyClicks(child<QLineEdit>(dialog, "platformUrlLineEdit"), url);
    QTest::keyClicks(child<QLineEdit>(dialog, "platformTokenLineEdit"), token);
    auto *connect = child<QPushButton>(dialog, "platformConnectButton");
    QVERIFY(connect->isEnabled());
    QTest::mouseClick(connect, Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<PlatformConnectDialog *>());
}

void TestVvpConnect::dialogValidates()
{
    PlatformConnectDialog dialog({QStringLiteral("prod"), QStringLiteral("sandbox")}, QStringLiteral("sandbox"));
    dialog.show();
    auto *contexts = child<QComboBox>(&dialog, "platformKubeContextComboBox");
    auto *ns = child<QLineEdit>(&dialog, "platformNamespaceLineEdit");
    auto *service = child<QLineEdit>(&dialog, "platformServiceLineEdit");
    auto *port = child<QLineEdit>(&dialog, "platformPortLineEdit");
    auto *url = child<QLineEdit>(&dialog, "platformUrlLineEdit");
    auto *token = child<QLineEdit>(&dialog, "platformTokenLineEdit");
    auto *serviceMessage = child<QLabel>(&dialog, "platformServiceMessage");
    auto *portMessage = child<QLabel>(&dialog, "platformPortMessage");
    auto *urlMessage = child<QLabel>(&dialog, "platformUrlMessage");
    auto *tokenNote = child<QLabel>(&dialog, "platformTokenNote");
    auto *connect = child<QPushButton>(&dialog, "platformConnectButton");
    QVERIFY(contexts && ns && service && port && url && token && serviceMessage && portMessage && urlMessage
            && tokenNote && connect);

    // Through the cluster, in the current context, first; nothing reported before anything was typed.
    QVERIFY(child<QRadioButton>(&dialog, "platformClusterRadio")->isChecked());
    QCOMPARE(contexts->currentText(), QStringLiteral("sandbox"));
    QVERIFY(!url->isEnabled());
    QVERIFY(!connect->isEnabled());
    QVERIFY(!serviceMessage->isVisible());
    QTest::keyClicks(ns, QStringLiteral("vvp"));
    QTest::keyClicks(service, QStringLiteral("x"));
    QTest::keyClick(service, Qt::Key_Backspace);
    QVERIFY(serviceMessage->isVisible());
    QVERIFY(serviceMessage->text().contains(QStringLiteral("Service")));
    QVERIFY(!connect->isEnabled());
    QTest::keyClicks(service, QStringLiteral("Vvp_Platform"));
    QVERIFY(serviceMessage->text().contains(QStringLiteral("Not a Service name")));
    QVERIFY(!connect->isEnabled());
    service->clear();
    QTest::keyClicks(service, QStringLiteral("vvp-ververica-platform"));
    QVERIFY(!serviceMessage->isVisible());
    QVERIFY(connect->isEnabled());
    QTest::keyClicks(port, QStringLiteral("99999"));
    QVERIFY(portMessage->isVisible());
    QVERIFY(!connect->isEnabled());
    port->clear();
    QVERIFY(connect->isEnabled());
    const PlatformConnectDialog::Connection viaCluster = dialog.connection();
    QCOMPARE(viaCluster.kubeContext, QStringLiteral("sandbox"));
    QCOMPARE(viaCluster.endpoint.kind, VvpEndpoint::Kind::ServiceProxy);
    QCOMPARE(viaCluster.endpoint.describe(), QStringLiteral("vvp/vvp-ververica-platform:http")); // port by default
    QVERIFY(viaCluster.token.isEmpty());

    // By URL: an address without a scheme, with credentials in it, then a good one.
    child<QRadioButton>(&dialog, "platformUrlRadio")->setChecked(true);
    QVERIFY(url->isEnabled());
    QVERIFY(!service->isEnabled());
    QVERIFY(!serviceMessage->isVisible());
    QVERIFY(!connect->isEnabled());
    QTest::keyClicks(url, QStringLiteral("vvp.example.com"));
    QVERIFY(urlMessage->isVisible());
    QVERIFY(urlMessage->text().contains(QStringLiteral("https://")));
    QVERIFY(!connect->isEnabled());
    url->clear();
    QTest::keyClicks(url, QStringLiteral("https://admin:secret@vvp.example.com"));
    QVERIFY(urlMessage->isVisible());
    QVERIFY(!connect->isEnabled());
    url->clear();
    QTest::keyClicks(url, QStringLiteral("https://vvp.example.com/platform/"));
    QVERIFY(!urlMessage->isVisible());
    QVERIFY(connect->isEnabled()); // no token: Community Edition
    QCOMPARE(dialog.connection().endpoint.url, QUrl(QStringLiteral("https://vvp.example.com/platform")));
    QTest::keyClicks(token, QStringLiteral(" secret-token "));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    const PlatformConnectDialog::Connection direct = dialog.connection();
    QCOMPARE(direct.endpoint.kind, VvpEndpoint::Kind::Url);
    QCOMPARE(direct.token, QStringLiteral("secret-token"));
    QVERIFY(direct.kubeContext.isEmpty());
    // A token over plain http to another host is allowed, with a word about it; to this machine, silently.
    QVERIFY(!tokenNote->isVisible());
    url->clear();
    QTest::keyClicks(url, QStringLiteral("http://vvp.example.com"));
    QVERIFY(tokenNote->isVisible());
    QVERIFY(connect->isEnabled());
    url->clear();
    QTest::keyClicks(url, QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!tokenNote->isVisible());
}

void TestVvpConnect::dialogWithoutContextsOffersTheUrlOnly()
{
    PlatformConnectDialog dialog({}, QString());
    dialog.show();
    QVERIFY(!child<QRadioButton>(&dialog, "platformClusterRadio")->isEnabled());
    QVERIFY(child<QRadioButton>(&dialog, "platformUrlRadio")->isChecked());
    QVERIFY(child<QLineEdit>(&dialog, "platformUrlLineEdit")->isEnabled());
}

void TestVvpConnect::dialogLooksRight_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestVvpConnect::dialogLooksRight()
{
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
    PlatformConnectDialog dialog({QStringLiteral("sandbox"), QStringLiteral("production-eu-west-1")},
                                 QStringLiteral("sandbox"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString theme = dark ? QStringLiteral("-dark") : QString();
    saveShot(&dialog, QStringLiteral("cluster") + theme);
    // Every message shown at once: they must fit below their fields.
    QTest::keyClicks(child<QLineEdit>(&dialog, "platformServiceLineEdit"), QStringLiteral("Bad_Name"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "platformPortLineEdit"), QStringLiteral("0"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "platformNamespaceLineEdit"), QStringLiteral("x"));
    QTest::keyClick(child<QLineEdit>(&dialog, "platformNamespaceLineEdit"), Qt::Key_Backspace);
    QTRY_VERIFY(child<QLabel>(&dialog, "platformNamespaceMessage")->isVisible());
    saveShot(&dialog, QStringLiteral("cluster-invalid") + theme);
    QCOMPARE(capstan::test::clippedTexts(&dialog), QStringList());
    QCOMPARE(capstan::test::overlappingSiblings(&dialog), QStringList());
    auto *message = child<QLabel>(&dialog, "platformServiceMessage");
    QCOMPARE(capstan::test::lowContrast(message->objectName(), message->palette().color(QPalette::WindowText),
                                        dialog.palette().color(QPalette::Window)),
             QString());

    child<QRadioButton>(&dialog, "platformUrlRadio")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(&dialog, "platformUrlLineEdit"), QStringLiteral("http://vvp.example.com"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "platformTokenLineEdit"), QStringLiteral("token"));
    auto *note = child<QLabel>(&dialog, "platformTokenNote");
    QTRY_VERIFY(note->isVisible());
    saveShot(&dialog, QStringLiteral("url") + theme);
    QCOMPARE(capstan::test::clippedTexts(&dialog), QStringList());
    QCOMPARE(capstan::test::lowContrast(note->objectName(), note->palette().color(QPalette::WindowText),
                                        dialog.palette().color(QPalette::Window)),
             QString());
    Theme::apply(ThemeChoice::Light);
}

void TestVvpConnect::connectByUrlListsThePlatform()
{
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->currentContext(), QStringLiteral("sandbox"), 5000);
    connectByUrl(window.get(), platformUrl(), m_token);
    QCOMPARE(window->currentContext(), kPlatformName);
    QTRY_COMPARE_WITH_TIMEOUT(listedNames(*window), m_platformDeployments, 15000);
    // Listed as a platform, with where it is in the tooltip.
    auto *contexts = child<QComboBox>(window.get(), "contextComboBox");
    const int index = contexts->findData(kPlatformName);
    QVERIFY(index >= 0);
    QCOMPARE(contexts->currentIndex(), index);
    QVERIFY(contexts->itemData(index, Qt::ToolTipRole).toString().contains(platformUrl()));
    QVERIFY(contexts->itemData(contexts->findData(QStringLiteral("sandbox")), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Kubernetes context")));
    QVERIFY(child<QAction>(window.get(), "forgetPlatformAction")->isEnabled());
    QVERIFY(!child<QAction>(window.get(), "connectTokenAction")->isEnabled());

    // The token is in the keychain under the platform's URL, and the settings file has where, not it.
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(SecretStore::platformTokenKey(QUrl(platformUrl()))), m_token, 10000);
    QSettings().sync();
    QFile settings(QSettings().fileName());
    QVERIFY2(settings.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray content = settings.readAll();
    QVERIFY2(content.contains(platformUrl().toUtf8()), content.constData());
    QVERIFY(!content.contains(m_token.toUtf8()));
    QVERIFY(!content.contains(m_token.toUtf8().toBase64()));
    saveShot(window.get(), QStringLiteral("window"));
}

void TestVvpConnect::rememberedPlatformComesBack()
{
    {
        // Another window lists it, and opens it with the token from the keychain.
        auto window = openWindow();
        auto *contexts = child<QComboBox>(window.get(), "contextComboBox");
        const int index = contexts->findData(kPlatformName);
        QVERIFY(index >= 0);
        QVERIFY(contexts->itemText(index).contains(QStringLiteral("Ververica Platform")));
        window->openContext(kPlatformName, QString());
        QTRY_COMPARE_WITH_TIMEOUT(listedNames(*window), m_platformDeployments, 15000);
        window->close(); // the last session: this platform
    }
    // A start without a context opens the last one, the platform.
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    MainWindow window(m_config, QString(), QString(), options);
    window.show();
    QCOMPARE(window.currentContext(), kPlatformName);
    QTRY_COMPARE_WITH_TIMEOUT(listedNames(window), m_platformDeployments, 15000);
}

void TestVvpConnect::refusedTokenIsReported()
{
    auto window = openWindow();
    connectByUrl(window.get(), platformUrl(), QStringLiteral("not-the-token"));
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(*window).contains(QStringLiteral("401")), 15000);
    const QString text = bannerText(*window);
    QVERIFY2(text.contains(kPlatformName), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("did not accept the API token")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Connect to Ververica Platform")), qPrintable(text));
    QVERIFY(listedNames(*window).isEmpty());
    saveShot(window.get(), QStringLiteral("refused"));
    // Entered again, right: the dialog comes with the platform's address, waiting for the token.
    child<QAction>(window.get(), "connectPlatformAction")->trigger();
    auto *dialog = window->findChild<PlatformConnectDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(child<QRadioButton>(dialog, "platformUrlRadio")->isChecked());
    QCOMPARE(child<QLineEdit>(dialog, "platformUrlLineEdit")->text(), platformUrl());
    auto *token = child<QLineEdit>(dialog, "platformTokenLineEdit");
    QVERIFY(token->text().isEmpty());
    QCOMPARE(dialog->focusWidget(), token);
    QTest::keyClicks(token, m_token);
    QTest::mouseClick(child<QPushButton>(dialog, "platformConnectButton"), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<PlatformConnectDialog *>());
    QTRY_COMPARE_WITH_TIMEOUT(listedNames(*window), m_platformDeployments, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(SecretStore::platformTokenKey(QUrl(platformUrl()))), m_token, 10000);
}

void TestVvpConnect::throughTheCluster()
{
    auto window = openWindow();
    child<QAction>(window.get(), "connectPlatformAction")->trigger();
    auto *dialog = window->findChild<PlatformConnectDialog *>();
    QVERIFY(dialog);
    QCOMPARE(child<QComboBox>(dialog, "platformKubeContextComboBox")->currentText(), QStringLiteral("sandbox"));
    QTest::keyClicks(child<QLineEdit>(dialog, "platformNamespaceLineEdit"), QStringLiteral("vvp"));
    QTest::keyClicks(child<QLineEdit>(dialog, "platformServiceLineEdit"), QStringLiteral("vvp-ververica-platform"));
    QTest::mouseClick(child<QPushButton>(dialog, "platformConnectButton"), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<PlatformConnectDialog *>());
    QVERIFY2(window->currentContext().startsWith(QStringLiteral("sandbox (Ververica Platform")),
             qPrintable(window->currentContext()));
    QTRY_COMPARE_WITH_TIMEOUT(listedNames(*window), m_platformDeployments, 15000);
    const QList<RememberedPlatforms::Entry> remembered = RememberedPlatforms::all();
    QCOMPARE(remembered.size(), 2);
    QCOMPARE(remembered.at(1).kubeContext, QStringLiteral("sandbox"));
    QCOMPARE(remembered.at(1).endpoint.describe(), QStringLiteral("vvp/vvp-ververica-platform:http"));
}

void TestVvpConnect::forgettingRemovesPlatformAndToken()
{
    auto window = openWindow(kPlatformName);
    QTRY_COMPARE_WITH_TIMEOUT(listedNames(*window), m_platformDeployments, 15000);
    auto *forget = child<QAction>(window.get(), "forgetPlatformAction");
    QVERIFY(forget->isEnabled());
    forget->trigger();
    auto *contexts = child<QComboBox>(window.get(), "contextComboBox");
    QCOMPARE(contexts->findData(kPlatformName), -1);
    QCOMPARE(window->currentContext(), QStringLiteral("sandbox"));
    QVERIFY(!forget->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(SecretStore::platformTokenKey(QUrl(platformUrl()))), QString(), 10000);
    QCOMPARE(RememberedPlatforms::all().size(), 1); // the one through the cluster stays
    auto next = openWindow();
    QCOMPARE(child<QComboBox>(next.get(), "contextComboBox")->findData(kPlatformName), -1);
}

void TestVvpConnect::tokenInNoFileAndNoLogLine()
{
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
    int files = 0;
    QCOMPARE(capstan::test::filesHolding(m_home.path(), {m_token.toUtf8(), m_token.toUtf8().toBase64()}, &files),
             QStringList());
    QVERIFY(files >= 1); // the settings file at least
    const QStringList log = capstan::test::LogCapture::lines();
    QVERIFY(!log.isEmpty()); // debug logging was on
    for (const QString &line : log)
        QVERIFY2(!line.contains(m_token), qPrintable(QStringLiteral("the token in: ") + line));
}

QTEST_MAIN(TestVvpConnect)
#include "tst_vvpconnect.moc"
