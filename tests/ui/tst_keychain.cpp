// Secrets the user gives Capstan go to the OS keychain and nowhere else. Run twice by CTest:
// ui.keychain inside a D-Bus session with gnome-keyring unlocked (with-keyring.sh), where every
// secret must be found in the Secret Service by secret-tool; and ui.keychain_unavailable with no
// session bus at all, where Capstan must say so once and keep the secret in memory only. In both,
// a recognisable secret must appear in no file Capstan wrote and in no log line.

#include "common/logcapture.h"
#include "common/sandboxfixture.h"
#include "common/secretchecks.h"
#include "secrets/secretstore.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/messagebanner.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace capstan;
using capstan::test::bannerText;
using capstan::test::SandboxFixture;
using capstan::test::secretToolLookup;

namespace {

bool keychainExpected()
{
    return qEnvironmentVariable("CAPSTAN_TEST_KEYCHAIN") != QLatin1String("none");
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void connectWithTokenKeepsItInTheKeychain();
    void prometheusCredentialsGoToTheKeychain();
    void reopeningUsesTheStoredToken();
    void secretsAreInNoFileAndNoLogLine();
    void forgettingRemovesTheToken();
    void cleanupTestCase();

private:
    KubeConfig tokenlessConfig() const;
    static void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    // Every message of the whole test, debug included, to look for secrets in afterwards.
    std::unique_ptr<capstan::test::LogCapture> m_log;
    QTemporaryDir m_home; // every file Capstan writes lands below it
    QString m_token;
    QString m_prometheusToken;
    QString m_prometheusPassword;
    std::unique_ptr<QSignalSpy> m_unavailableSpy;
};

void TestKeychain::initTestCase()
{
    QVERIFY(m_home.isValid());
    capstan::test::useHome(m_home);
    m_log = std::make_unique<capstan::test::LogCapture>();
    if (keychainExpected())
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
                 "secret-tool (libsecret-tools) is needed to look into the keychain");

    m_sandbox = std::make_unique<SandboxFixture>(0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                        SandboxFixture::deployment(QStringLiteral("github-analytics")))
                .ok());
    m_token = m_sandbox->server->adminToken();
    QVERIFY(m_token.size() >= 16);
    const QString unique = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_prometheusToken = QStringLiteral("capstan-prometheus-token-") + unique;
    m_prometheusPassword = QStringLiteral("capstan-prometheus-password-") + unique;
    m_unavailableSpy = std::make_unique<QSignalSpy>(SecretStore::shared(), &SecretStore::keychainUnavailable);
}

void TestKeychain::cleanupTestCase()
{
    // Qt Test's own handler back before the test logger goes away.
    m_log.reset();
}

KubeConfig TestKeychain::tokenlessConfig() const
{
    // The sandbox's cluster, and a user the kubeconfig gives no credentials.
    KubeConfig config = m_sandbox->kubeConfig();
    KubeUser nobody;
    nobody.name = QStringLiteral("nobody");
    config.users << nobody;
    KubeContext context;
    context.name = QStringLiteral("tokenless");
    context.cluster = config.context(QStringLiteral("sandbox"))->cluster;
    context.user = nobody.name;
    config.contexts << context;
    return config;
}

void TestKeychain::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestKeychain::connectWithTokenKeepsItInTheKeychain()
{
    MainWindow window(tokenlessConfig(), QStringLiteral("tokenless"), QStringLiteral("all"));
    window.show();
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    // The API server refuses the anonymous user; the banner says what to do.
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(window).contains(QStringLiteral("Connect with Token")), 10000);
    QVERIFY(indicator->state() != SessionState::Live);

    auto *connectAction = window.findChild<QAction *>(QStringLiteral("connectTokenAction"));
    QVERIFY(connectAction);
    QVERIFY(connectAction->isEnabled());
    connectAction->trigger();
    auto *dialog = window.findChild<QInputDialog *>(QStringLiteral("connectTokenDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
    dialog->setTextValue(m_token);
    saveShot(&window, QStringLiteral("keychain-token-needed"));
    saveShot(dialog, QStringLiteral("keychain-connect-token"));
    dialog->done(QDialog::Accepted);

    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), 1, 10000);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("forgetTokenAction"))->isEnabled());

    if (keychainExpected()) {
        QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(SecretStore::contextTokenKey(QStringLiteral("tokenless"))), m_token,
                                  10000);
        QVERIFY(SecretStore::shared()->keychainAvailable());
        QCOMPARE(m_unavailableSpy->count(), 0);
    } else {
        // Said once, in words, and the secret works for this run.
        QTRY_COMPARE_WITH_TIMEOUT(m_unavailableSpy->count(), 1, 10000);
        QVERIFY(!SecretStore::shared()->keychainAvailable());
        auto *warning = window.findChild<QLabel *>(QStringLiteral("keychainWarningLabel"));
        QVERIFY(warning);
        QVERIFY(warning->isVisible());
        QVERIFY(warning->toolTip().contains(QStringLiteral("No keychain is available")));
    }
}

void TestKeychain::prometheusCredentialsGoToTheKeychain()
{
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"));
    window.show();
    window.findChild<QAction *>(QStringLiteral("prometheusAction"))->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("prometheusDialog"))));
    dialog->findChild<QRadioButton *>(QStringLiteral("prometheusUrlRadio"))->setChecked(true);
    dialog->findChild<QLineEdit *>(QStringLiteral("prometheusUrlLineEdit"))
        ->setText(QStringLiteral("http://127.0.0.1:1/prometheus"));
    dialog->findChild<QLineEdit *>(QStringLiteral("prometheusTokenLineEdit"))->setText(m_prometheusToken);
    dialog->findChild<QLineEdit *>(QStringLiteral("prometheusUsernameLineEdit"))->setText(QStringLiteral("viewer"));
    dialog->findChild<QLineEdit *>(QStringLiteral("prometheusPasswordLineEdit"))->setText(m_prometheusPassword);
    saveShot(dialog, QStringLiteral("keychain-prometheus"));
    QPushButton *ok = dialog->findChild<QPushButton *>(QStringLiteral("prometheusOkButton"));
    QVERIFY(ok->isEnabled());
    ok->click();

    if (keychainExpected()) {
        QTRY_COMPARE_WITH_TIMEOUT(
            secretToolLookup(SecretStore::prometheusKey(QStringLiteral("sandbox"), QStringLiteral("token"))),
            m_prometheusToken, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            secretToolLookup(SecretStore::prometheusKey(QStringLiteral("sandbox"), QStringLiteral("password"))),
            m_prometheusPassword, 10000);
    }
    // The address and the user name are settings; the secrets are not.
    QSettings settings;
    QStringList values;
    for (const QString &key : settings.allKeys())
        values << settings.value(key).toString();
    QVERIFY(values.contains(QStringLiteral("http://127.0.0.1:1/prometheus")));
    QVERIFY(values.contains(QStringLiteral("viewer")));

    // Opening the dialog again shows what the keychain (or this run's memory) holds.
    window.findChild<QAction *>(QStringLiteral("prometheusAction"))->trigger();
    QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("prometheusDialog"))));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("prometheusTokenLineEdit"))->text(), m_prometheusToken);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("prometheusPasswordLineEdit"))->text(),
             m_prometheusPassword);
    dialog->reject();
}

void TestKeychain::reopeningUsesTheStoredToken()
{
    // A window built from the untouched kubeconfig, as after a restart: nothing to type again.
    MainWindow window(tokenlessConfig(), QStringLiteral("tokenless"), QStringLiteral("all"));
    window.show();
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), 1, 10000);
    QVERIFY(!window.findChild<QInputDialog *>());
    QCOMPARE(m_unavailableSpy->count(), keychainExpected() ? 0 : 1);
}

void TestKeychain::secretsAreInNoFileAndNoLogLine()
{
    const QList<QByteArray> secrets{m_token.toUtf8(), m_prometheusToken.toUtf8(), m_prometheusPassword.toUtf8()};
    int files = 0;
    QCOMPARE(capstan::test::filesHolding(m_home.path(), secrets, &files), QStringList());
    // The settings file and the history database at least.
    QVERIFY2(files >= 2, qPrintable(QString::number(files)));
    const QStringList log = capstan::test::LogCapture::lines();
    QVERIFY(!log.isEmpty()); // debug logging was on
    for (const QString &line : log) {
        for (const QByteArray &secret : secrets)
            QVERIFY2(!line.contains(QString::fromUtf8(secret)), qPrintable(QStringLiteral("a secret in: ") + line));
    }
}

void TestKeychain::forgettingRemovesTheToken()
{
    MainWindow window(tokenlessConfig(), QStringLiteral("tokenless"), QStringLiteral("all"));
    window.show();
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 10000);
    window.findChild<QAction *>(QStringLiteral("forgetTokenAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(window).contains(QStringLiteral("Connect with Token")), 10000);
    QVERIFY(indicator->state() != SessionState::Live);
    if (keychainExpected())
        QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(SecretStore::contextTokenKey(QStringLiteral("tokenless"))),
                                  QString(), 10000);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("connectTokenAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("forgetTokenAction"))->isEnabled());
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
