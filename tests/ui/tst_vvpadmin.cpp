// A Ververica Platform namespace's Deployment Defaults and Secret Values through the real window
// against the sandbox's platform: an edited default shows in a deployment's effective configuration
// as taken from the defaults, a stale resourceVersion is reported as a conflict and changes nothing,
// and a secret value is created and deleted without its value reaching a log line, a settings file,
// the history database or the audit log.

#include "common/platformwindow.h"
#include "common/sandboxfixture.h"
#include "flink/yamlwriter.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/vvpplatform.h"
#include "session/sessionhost.h"
#include "ui/configure/configureyamlpage.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/theme.h"
#include "ui/vvp/deploymentdefaultsdialog.h"
#include "ui/vvp/secretvaluesdialog.h"
#include "vvp/vvpadmin.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

const QString kFlinkKey = QStringLiteral("pipeline.max-parallelism");

QJsonObject flinkConfiguration(const QJsonObject &spec)
{
    return spec.value(u"template").toObject().value(u"spec").toObject().value(u"flinkConfiguration").toObject();
}

QJsonObject withFlinkSetting(QJsonObject spec, const QString &key, const QString &value)
{
    QJsonObject tmpl = spec.value(u"template").toObject();
    QJsonObject tspec = tmpl.value(u"spec").toObject();
    QJsonObject conf = tspec.value(u"flinkConfiguration").toObject();
    conf.insert(key, value);
    tspec.insert(QStringLiteral("flinkConfiguration"), conf);
    tmpl.insert(QStringLiteral("spec"), tspec);
    spec.insert(QStringLiteral("template"), tmpl);
    return spec;
}

} // namespace

class TestVvpAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void onlyOnAPlatform();
    void init();
    void cleanup();
    void effectiveConfigurationFollowsAnEditedDefault();
    void staleDefaultsAreAConflict();
    void secretValueCreatedAndDeletedNeverShown();
    void effectiveSpecMarksOwnAndDefaults();
    void darkTheme();

private:
    std::unique_ptr<MainWindow> openPlatform();
    static bool openAnalytics(MainWindow *window);
    DeploymentDefaultsDialog *openDefaults(MainWindow *window);
    QJsonObject platformDefaults();
    bool anyFileContains(const QString &dir, const QByteArray &needle);
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestVvpAdmin::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestVvpAdmin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->vvpPlatform());
    m_sandbox->server->clock().setPaused(true);
}

void TestVvpAdmin::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestVvpAdmin::openPlatform()
{
    SessionOptions options;
    options.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    // All namespaces: the dialogs take the selected deployment's namespace, else "default".
    return test::openPlatformWindow(*m_sandbox, options);
}

void TestVvpAdmin::onlyOnAPlatform()
{
    SessionOptions options;
    options.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("default"), options);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() > 0, 10000);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("deploymentDefaultsAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("secretValuesAction"))->isEnabled());
    // A backend that is no platform says so.
    QSignalSpy failed(window.session()->session(), &BackendSession::adminFailed);
    window.session()->requestSecretValues(QStringLiteral("default"));
    // The backend thread may answer before a wait() would start, and wait() waits for a further signal.
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
    QCOMPARE(failed.constFirst().at(2).value<Error>().reason, QStringLiteral("NotVervericaPlatform"));
}

// Opens github-analytics's page and waits for the platform's object of it.
bool TestVvpAdmin::openAnalytics(MainWindow *window)
{
    return QTest::qWaitFor(
               [&] { return window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")); },
               10000)
        && QTest::qWaitFor([&] { return !window->deploymentPage()->object().isEmpty(); }, 10000);
}

DeploymentDefaultsDialog *TestVvpAdmin::openDefaults(MainWindow *window)
{
    auto *action = window->findChild<QAction *>(QStringLiteral("deploymentDefaultsAction"));
    if (!QTest::qWaitFor([&] { return action->isEnabled(); }, 5000))
        return nullptr;
    action->trigger();
    DeploymentDefaultsDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            dialog = window->findChild<DeploymentDefaultsDialog *>();
            return dialog && !dialog->defaults().isEmpty();
        },
        10000);
    return dialog && !dialog->defaults().isEmpty() ? dialog : nullptr;
}

QJsonObject TestVvpAdmin::platformDefaults()
{
    return m_sandbox->server->vvpPlatform()->getDeploymentDefaults(QStringLiteral("default")).body;
}

bool TestVvpAdmin::anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

void TestVvpAdmin::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestVvpAdmin::effectiveConfigurationFollowsAnEditedDefault()
{
    auto window = openPlatform();
    QVERIFY(window);
    QVERIFY(openAnalytics(window.get()));
    DeploymentDefaultsDialog *dialog = openDefaults(window.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->ns(), QStringLiteral("default"));
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("effectiveTree"));
    const auto row = [&](const QString &suffix) -> QTreeWidgetItem * {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0).endsWith(suffix))
                return tree->topLevelItem(i);
        }
        return nullptr;
    };
    QVERIFY(tree->topLevelItemCount() > 0);
    QVERIFY(!row(kFlinkKey));

    // Edit the YAML as a user would and save.
    const QJsonObject edited
        = withFlinkSetting(dialog->defaults().value(u"spec").toObject(), kFlinkKey, QStringLiteral("256"));
    auto *editor = dialog->yamlPage()->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"));
    editor->setPlainText(YamlWriter::toYaml(edited));
    const QString before = dialog->resourceVersion();
    dialog->findChild<QPushButton *>(QStringLiteral("saveDefaultsButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().startsWith(QStringLiteral("Saved")), 10000);
    QVERIFY(dialog->resourceVersion() != before);
    QCOMPARE(flinkConfiguration(platformDefaults().value(u"spec").toObject()).value(kFlinkKey).toString(),
             QStringLiteral("256"));
    // The deployment does not set it: the effective configuration takes it from the defaults.
    QTreeWidgetItem *item = row(kFlinkKey);
    QVERIFY(item);
    QCOMPARE(item->text(1), QStringLiteral("256"));
    QCOMPARE(item->data(2, Qt::UserRole).toBool(), false);
    QCOMPARE(item->text(2), QStringLiteral("from defaults"));
    // The deployment's own parallelism wins over the default's.
    QTreeWidgetItem *parallelism = row(QStringLiteral("template.spec.parallelism"));
    QVERIFY(parallelism);
    QCOMPARE(parallelism->data(2, Qt::UserRole).toBool(), true);
    saveShot(dialog, QStringLiteral("vvp-defaults-light"));
    auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("defaultsTabs"));
    tabs->setCurrentIndex(1);
    saveShot(dialog, QStringLiteral("vvp-effective-light"));
    tabs->setCurrentIndex(0);

    // Broken YAML cannot be saved and says where it breaks.
    editor->setPlainText(QStringLiteral("template:\n  spec: [1, 2\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->yamlPage()->isValid(), 5000);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("saveDefaultsButton"))->isEnabled());
    auto *errors = dialog->yamlPage()->findChild<QListWidget *>(QStringLiteral("yamlErrorList"));
    QVERIFY(errors && errors->count() == 1);
    QVERIFY(errors->item(0)->text().startsWith(QStringLiteral("Line ")));
}

void TestVvpAdmin::staleDefaultsAreAConflict()
{
    auto window = openPlatform();
    QVERIFY(window);
    DeploymentDefaultsDialog *dialog = openDefaults(window.get());
    QVERIFY(dialog);
    // Someone else changes the defaults after the dialog read them.
    const VvpResult other = m_sandbox->server->vvpPlatform()->patchDeploymentDefaults(
        QStringLiteral("default"),
        QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("maxJobCreationAttempts"), 7}}}});
    QVERIFY(other.ok());
    const QJsonObject edited
        = withFlinkSetting(dialog->defaults().value(u"spec").toObject(), kFlinkKey, QStringLiteral("512"));
    dialog->yamlPage()
        ->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"))
        ->setPlainText(YamlWriter::toYaml(edited));
    dialog->save();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().startsWith(QStringLiteral("Conflict")), 10000);
    // Not clobbered: theirs stays, ours is not there.
    const QJsonObject spec = platformDefaults().value(u"spec").toObject();
    QCOMPARE(spec.value(u"maxJobCreationAttempts").toInt(), 7);
    QVERIFY(!flinkConfiguration(spec).contains(kFlinkKey));
    // The user's text stays for them to copy.
    QVERIFY(dialog->yamlPage()
                ->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"))
                ->toPlainText()
                .contains(kFlinkKey));
    // After a reload the change goes through.
    dialog->reload();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->defaults().value(u"spec").toObject().value(u"maxJobCreationAttempts").toInt() == 7,
                             10000);
    const QJsonObject again
        = withFlinkSetting(dialog->defaults().value(u"spec").toObject(), kFlinkKey, QStringLiteral("512"));
    dialog->yamlPage()
        ->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"))
        ->setPlainText(YamlWriter::toYaml(again));
    dialog->save();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().startsWith(QStringLiteral("Saved")), 10000);
    QCOMPARE(flinkConfiguration(platformDefaults().value(u"spec").toObject()).value(kFlinkKey).toString(),
             QStringLiteral("512"));
}

void TestVvpAdmin::secretValueCreatedAndDeletedNeverShown()
{
    const QString secret = QStringLiteral("Tr0ub4dor-and-3-horse-staples");
    QLoggingCategory::setFilterRules(QStringLiteral("capstan.*.debug=true"));
    g_log.clear();
    g_previous = qInstallMessageHandler(captureLog);
    {
        auto window = openPlatform();
        QVERIFY(window);
        auto *action = window->findChild<QAction *>(QStringLiteral("secretValuesAction"));
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 5000);
        action->trigger();
        SecretValuesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<SecretValuesDialog *>()), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->names().contains(QStringLiteral("kafka-password")), 10000);

        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("secretNameEdit"));
        auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("secretValueEdit"));
        auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createSecretButton"));
        QCOMPARE(value->echoMode(), QLineEdit::Password);
        QTest::keyClicks(name, QStringLiteral("db-password"));
        QVERIFY(!create->isEnabled()); // no value yet
        QTest::keyClicks(value, secret);
        QVERIFY(create->isEnabled());
        create->click();
        QVERIFY(value->text().isEmpty()); // gone from the dialog with the request
        QTRY_VERIFY_WITH_TIMEOUT(dialog->names().contains(QStringLiteral("db-password")), 10000);
        QVERIFY(dialog->statusText().contains(QStringLiteral("${db-password}")));
        saveShot(dialog, QStringLiteral("vvp-secrets-light"));
        const VvpResult stored = m_sandbox->server->vvpPlatform()->getResource(
            VvpPlatform::Kind::SecretValue, QStringLiteral("default"), QStringLiteral("db-password"));
        QCOMPARE(stored.status, 200);

        // Nothing in the dialog shows the value.
        for (const QWidget *w : dialog->findChildren<QWidget *>()) {
            if (const auto *label = qobject_cast<const QLabel *>(w))
                QVERIFY(!label->text().contains(secret));
        }
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("secretList"));
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            for (int c = 0; c < list->columnCount(); ++c)
                QVERIFY(!list->topLevelItem(i)->text(c).contains(secret));
        }

        // Delete it, confirming in a box that names it.
        const auto items = list->findItems(QStringLiteral("db-password"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        list->setCurrentItem(items.constFirst());
        dialog->findChild<QPushButton *>(QStringLiteral("deleteSecretButton"))->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmDeleteSecret"))), 5000);
        QVERIFY(box->text().contains(QStringLiteral("db-password")));
        saveShot(box, QStringLiteral("vvp-secret-delete-light"));
        box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->names().contains(QStringLiteral("db-password")), 10000);
        QVERIFY(dialog->names().contains(QStringLiteral("kafka-password")));
        QCOMPARE(
            m_sandbox->server->vvpPlatform()
                ->getResource(VvpPlatform::Kind::SecretValue, QStringLiteral("default"), QStringLiteral("db-password"))
                .status,
            404);

        // The audit log holds nothing of it.
        QSignalSpy audit(window->session()->session(), &BackendSession::auditEntries);
        window->session()->requestAuditEntries(AuditQuery());
        QTRY_VERIFY_WITH_TIMEOUT(!audit.isEmpty(), 10000);
        for (const AuditEntry &entry : audit.constLast().at(1).value<QList<AuditEntry>>()) {
            QVERIFY(!entry.diff.contains(secret));
            QVERIFY(!entry.message.contains(secret));
        }
        window->close();
    }
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!g_log.isEmpty()); // the capture worked
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(secret), "a secret value reached a log line");
    const QByteArray needle = secret.toUtf8();
    QVERIFY2(!anyFileContains(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), needle),
             "a secret value reached a settings file");
    QVERIFY2(!anyFileContains(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), needle),
             "a secret value reached the application's data");
    QVERIFY2(!anyFileContains(m_dir->path(), needle), "a secret value reached the history or audit database");
}

void TestVvpAdmin::effectiveSpecMarksOwnAndDefaults()
{
    const QJsonObject defaults{
        {QStringLiteral("a"), 1},
        {QStringLiteral("conf"),
         QJsonObject{{QStringLiteral("x.y"), QStringLiteral("d")}, {QStringLiteral("z"), QStringLiteral("d")}}}};
    const QJsonObject own{{QStringLiteral("conf"), QJsonObject{{QStringLiteral("x.y"), QStringLiteral("o")}}}};
    const QJsonObject effective = VvpAdmin::effectiveSpec(defaults, own);
    QCOMPARE(effective.value(u"a").toInt(), 1);
    QCOMPARE(effective.value(u"conf").toObject().value(u"x.y").toString(), QStringLiteral("o"));
    QCOMPARE(effective.value(u"conf").toObject().value(u"z").toString(), QStringLiteral("d"));
    const auto leaves = VvpAdmin::leaves(effective);
    QCOMPARE(leaves.size(), 3);
    QVERIFY(std::any_of(leaves.cbegin(), leaves.cend(), [](const auto &leaf) {
        return leaf.first == QStringList{QStringLiteral("conf"), QStringLiteral("x.y")};
    }));
}

void TestVvpAdmin::darkTheme()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(Theme::darkPalette());
    auto window = openPlatform();
    QVERIFY(window);
    QVERIFY(openAnalytics(window.get()));
    DeploymentDefaultsDialog *defaults = openDefaults(window.get());
    QVERIFY(defaults);
    // A syntax error, marked at its line.
    defaults->yamlPage()
        ->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"))
        ->setPlainText(YamlWriter::toYaml(defaults->defaults().value(u"spec").toObject())
                       + QStringLiteral("extra: [unclosed\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!defaults->yamlPage()->isValid(), 5000);
    saveShot(defaults, QStringLiteral("vvp-defaults-dark"));
    defaults->findChild<QTabWidget *>(QStringLiteral("defaultsTabs"))->setCurrentIndex(1);
    saveShot(defaults, QStringLiteral("vvp-effective-dark"));
    defaults->close();
    window->findChild<QAction *>(QStringLiteral("secretValuesAction"))->trigger();
    SecretValuesDialog *secrets = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((secrets = window->findChild<SecretValuesDialog *>()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!secrets->names().isEmpty(), 10000);
    secrets->findChild<QLineEdit *>(QStringLiteral("secretNameEdit"))->setText(QStringLiteral("schema-registry-token"));
    secrets->findChild<QLineEdit *>(QStringLiteral("secretValueEdit"))->setText(QStringLiteral("hidden"));
    saveShot(secrets, QStringLiteral("vvp-secrets-dark"));
    QApplication::setPalette(light);
}

QTEST_MAIN(TestVvpAdmin)
#include "tst_vvpadmin.moc"
