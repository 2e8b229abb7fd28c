// The German build: with the language set to "de" in Preferences and the translators installed as
// at startup, the menus, the deployment page's action buttons and a few dialogs show German texts,
// no two entries of a menu or controls of a dialog share a mnemonic, the action buttons all fit
// in the window, and screenshots are written to <build>/screenshots/*-de.png for review.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "ui/actionscontroller.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/preferencesstore.h"
#include "ui/shortcutsdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower-cased; null when none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// "letter: text, text" for every mnemonic used more than once among `texts`.
QStringList clashes(const QStringList &texts)
{
    QMap<QChar, QStringList> byLetter;
    for (const QString &text : texts) {
        if (const QChar letter = mnemonic(text); !letter.isNull())
            byLetter[letter] << text;
    }
    QStringList found;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it->size() > 1)
            found << QString(it.key()) + QStringLiteral(": ") + it->join(QStringLiteral(", "));
    }
    return found;
}

QStringList menuTexts(const QMenu *menu)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator() && action->isVisible())
            texts << action->text();
    }
    return texts;
}

// The mnemonics a window offers at once: its visible buttons, tabs and labels with a buddy.
QStringList visibleMnemonicTexts(const QWidget *window)
{
    QStringList texts;
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(window) && !qobject_cast<const QToolButton *>(button))
            texts << button->text();
    }
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(window))
            texts << label->text();
    }
    for (const QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!bar->isVisibleTo(window))
            continue;
        for (int i = 0; i < bar->count(); ++i)
            texts << bar->tabText(i);
    }
    return texts;
}

} // namespace

class TestTranslationDe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void mainWindow();
    void dialogs();

private:
    void saveShot(QWidget *widget, const QString &name);
    std::unique_ptr<MainWindow> openWindow();

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestTranslationDe::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    Preferences preferences;
    preferences.language = QStringLiteral("de");
    PreferencesStore::instance()->setPreferences(preferences);
    QCOMPARE(PreferencesStore::localeName(), QStringLiteral("de"));
    PreferencesStore::installTranslators(qApp);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 20);
    QVERIFY(m_sandbox->started);
}

void TestTranslationDe::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestTranslationDe::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    // Lay out texts that changed in this event-loop round before painting.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral("-de.png")));
}

std::unique_ptr<MainWindow> TestTranslationDe::openWindow()
{
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("all"), options);
    window->resize(1280, 820);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    if (!QTest::qWaitFor(
            [&] { return window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")); },
            10000))
        return {};
    if (!QTest::qWaitFor([&] { return !window->deploymentPage()->object().isEmpty(); }, 10000))
        return {};
    return window;
}

void TestTranslationDe::mainWindow()
{
    auto window = openWindow();
    QVERIFY(window);

    QStringList menuTitles;
    for (const QAction *action : window->menuBar()->actions())
        menuTitles << action->text();
    QCOMPARE(menuTitles,
             (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("D&eployment"),
                          QStringLiteral("&Hilfe")}));

    // Each menu (and submenu) on its own, then the menu bar together with the window's labels.
    QList<QMenu *> menus = window->menuBar()->findChildren<QMenu *>();
    menus << window->findChildren<QMenu *>();
    for (const QMenu *menu : std::as_const(menus)) {
        const QStringList found = clashes(menuTexts(menu));
        QVERIFY2(found.isEmpty(), qPrintable(menu->title() + QStringLiteral(" – ") + found.join(QStringLiteral("; "))));
    }
    QStringList windowTexts = menuTitles;
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisible())
            windowTexts << label->text();
    }
    QVERIFY2(clashes(windowTexts).isEmpty(), qPrintable(clashes(windowTexts).join(QStringLiteral("; "))));

    ActionsController *actions = window->actions();
    QCOMPARE(actions->menu()->title(), QStringLiteral("D&eployment"));
    QCOMPARE(actions->configureAction()->text(), QStringLiteral("Deployment &konfigurieren…"));
    const QMap<QString, QString> expected{
        {QStringLiteral("savepointAction"), QStringLiteral("&Savepoint auslösen")},
        {QStringLiteral("suspendAction"), QStringLiteral("&Anhalten")},
        {QStringLiteral("cancelKeepStateAction"), QStringLiteral("Zustand &behalten")},
        {QStringLiteral("cancelDiscardStateAction"), QStringLiteral("Zustand &verwerfen")},
        {QStringLiteral("startAction"), QStringLiteral("S&tarten")},
        {QStringLiteral("restartAction"), QStringLiteral("&Neu starten")},
        {QStringLiteral("rollbackToStableAction"), QStringLiteral("Auf letzte stabile Spec &zurücksetzen")},
        {QStringLiteral("deleteAction"), QStringLiteral("&Löschen…")},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto *action = window->findChild<QAction *>(it.key());
        QVERIFY2(action, qPrintable(it.key()));
        QCOMPARE(action->text(), it.value());
    }

    // The page's buttons show the same labels (without mnemonics), all of them in the window.
    auto *bar = window->deploymentPage()->findChild<QToolBar *>(QStringLiteral("deploymentActionBar"));
    QVERIFY(bar);
    QStringList buttons;
    for (QToolButton *button : bar->findChildren<QToolButton *>()) {
        if (button->objectName() == QLatin1String("qt_toolbar_ext_button")) {
            QVERIFY2(!button->isVisible(), "the action bar overflows: some buttons are hidden");
            continue;
        }
        if (!button->isVisible())
            continue;
        buttons << button->text();
        const QRect inWindow(button->mapTo(window.get(), QPoint(0, 0)), button->size());
        QVERIFY2(window->rect().contains(inWindow), qPrintable(button->text()));
        QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
    }
    for (const QString &label : {QStringLiteral("Deployment konfigurieren…"), QStringLiteral("Savepoint auslösen"),
                                 QStringLiteral("Anhalten"), QStringLiteral("Abbrechen"), QStringLiteral("Starten"),
                                 QStringLiteral("Neu starten"), QStringLiteral("Auf letzte stabile Spec zurücksetzen")})
        QVERIFY2(buttons.contains(label), qPrintable(label + QStringLiteral(" not in ") + buttons.join(u'|')));

    auto *tabs = window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(DeploymentPage::OverviewTab), QStringLiteral("Übersicht"));
    QVERIFY(tabs->tabText(DeploymentPage::EventsTab).startsWith(QStringLiteral("Ereignisse")));
    saveShot(window.get(), QStringLiteral("mainwindow"));

    window->deploymentPage()->setCurrentTab(DeploymentPage::EventsTab);
    QTest::qWait(200);
    saveShot(window.get(), QStringLiteral("mainwindow-events"));
    window->deploymentPage()->setCurrentTab(DeploymentPage::SnapshotsTab);
    QTest::qWait(200);
    saveShot(window.get(), QStringLiteral("mainwindow-snapshots"));
    window->deploymentPage()->setCurrentTab(DeploymentPage::OverviewTab);

    actions->menu()->popup(window->mapToGlobal(QPoint(200, 30)));
    QVERIFY(QTest::qWaitForWindowExposed(actions->menu()));
    saveShot(actions->menu(), QStringLiteral("menu-deployment"));
    actions->menu()->close();
}

void TestTranslationDe::dialogs()
{
    auto window = openWindow();
    QVERIFY(window);

    // Configure Deployment, on its form page: the longest labels of the UI.
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->configureAction()->isEnabled(), 5000);
    window->actions()->configureAction()->trigger();
    auto *configure = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(configure);
    QVERIFY(QTest::qWaitForWindowExposed(configure));
    QCOMPARE(configure->windowTitle().section(QStringLiteral(" – "), 0, 0), QStringLiteral("Deployment konfigurieren"));
    QCOMPARE(configure->findChild<QPushButton *>(QStringLiteral("applyButton"))->text(), QStringLiteral("&Weiter"));
    QStringList found = clashes(visibleMnemonicTexts(configure));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    saveShot(configure, QStringLiteral("configure"));
    configure->close();

    PreferencesDialog preferences(PreferencesStore::instance()->preferences(), window.get());
    preferences.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preferences));
    preferences.resize(preferences.width(), preferences.heightForWidth(preferences.width()));
    QCOMPARE(preferences.windowTitle(), QStringLiteral("Einstellungen"));
    auto *buttons = preferences.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text().remove(u'&'), QStringLiteral("Abbrechen"));
    found = clashes(visibleMnemonicTexts(&preferences));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    saveShot(&preferences, QStringLiteral("preferences"));
    preferences.close();

    ShortcutsDialog shortcuts(window->menuBar(), window.get());
    shortcuts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shortcuts));
    QCOMPARE(shortcuts.windowTitle(), QStringLiteral("Tastenkürzel"));
    saveShot(&shortcuts, QStringLiteral("shortcuts"));
    shortcuts.close();

    // The review of Suspend: the buttons say what they do, in German.
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::Suspend)->isEnabled(), 30000);
    window->actions()->action(ActionKind::Suspend)->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Anhalten"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Weiterlaufen lassen"));
    QVERIFY2(review->effectText().startsWith(QStringLiteral("github-analytics wird angehalten")),
             qPrintable(review->effectText()));
    saveShot(review, QStringLiteral("review-suspend"));
    test::answerReview(review, false);
}

QTEST_MAIN(TestTranslationDe)
#include "tst_translation_de.moc"
