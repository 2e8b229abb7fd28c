// Screenshots of the main window with a deployment open, the command palette, Preferences and
// Keyboard Shortcuts, in the light and the dark theme. CTest runs this twice, the second time with
// QT_SCALE_FACTOR=2 (file names end in "-2x"), and checks that nothing leaves the window.

#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "ui/commandpalette.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/preferencesdialog.h"
#include "ui/preferencesstore.h"
#include "ui/shortcutsdialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestAppearance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void screenshots_data();
    void screenshots();

private:
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_suffix;
};

void TestAppearance::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    // The screenshots read as the application does: "5 deployments", not "5 deployment(s)".
    PreferencesStore::installTranslators(qApp);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_suffix = qApp->devicePixelRatio() > 1.5 ? QStringLiteral("-2x") : QString();
    m_sandbox = std::make_unique<SandboxFixture>(-1, 20);
    QVERIFY(m_sandbox->started);
}

void TestAppearance::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    // Lay out texts that changed in this event-loop round before painting.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + m_suffix + QStringLiteral(".png")));
}

void TestAppearance::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestAppearance::screenshots()
{
    QFETCH(bool, dark);
    Preferences preferences;
    preferences.theme = dark ? ThemeChoice::Dark : ThemeChoice::Light;
    PreferencesStore::instance()->setPreferences(preferences);
    const QString theme = dark ? QStringLiteral("-dark") : QString();

    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.deploymentPage()->object().isEmpty(), 10000);
    saveShot(&window, QStringLiteral("appearance-mainwindow") + theme);

    window.showCommandPalette();
    CommandPalette *palette = window.commandPalette();
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("github"));
    QVERIFY(window.rect().contains(palette->geometry()));
    saveShot(&window, QStringLiteral("appearance-palette") + theme);
    palette->dismiss();

    PreferencesDialog preferencesDialog(preferences, &window);
    preferencesDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preferencesDialog));
    // The offscreen screen is small; a desktop gives the dialog the height it asks for.
    preferencesDialog.resize(preferencesDialog.width(), preferencesDialog.heightForWidth(preferencesDialog.width()));
    QVERIFY(preferencesDialog.height() >= preferencesDialog.minimumSizeHint().height());
    saveShot(&preferencesDialog, QStringLiteral("appearance-preferences") + theme);
    preferencesDialog.close();

    ShortcutsDialog shortcuts(window.menuBar(), &window);
    shortcuts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shortcuts));
    saveShot(&shortcuts, QStringLiteral("appearance-shortcuts") + theme);
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
