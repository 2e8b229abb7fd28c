// Keyboard use of the main window: every menu action has a shortcut and no two share one, the
// Keyboard Shortcuts dialog lists them all (searchable), the keys reach their actions, Tab walks
// the toolbar and the list in order, and every focusable control has an accessible name.

#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "ui/actionscontroller.h"
#include "ui/commandpalette.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/menuactions.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/shortcutsdialog.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyActionHasItsOwnShortcut();
    void dialogListsEveryShortcut();
    void keysReachTheirActions();
    void tabOrder();
    void everyControlHasAName();

private:
    std::unique_ptr<MainWindow> openWindow();
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestKeyboard::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    m_sandbox = std::make_unique<SandboxFixture>(-1);
    QVERIFY(m_sandbox->started);
}

std::unique_ptr<MainWindow> TestKeyboard::openWindow()
{
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("all"), options);
    window->resize(1400, 900);
    window->show();
    return window;
}

void TestKeyboard::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestKeyboard::everyActionHasItsOwnShortcut()
{
    auto window = openWindow();
    const QList<MenuActions::Entry> entries = MenuActions::collect(window->menuBar());
    QVERIFY(entries.size() >= 25);
    QHash<QKeySequence, QString> owner;
    for (const MenuActions::Entry &entry : entries) {
        // About is the one entry without a key: Alt+H, A reaches it.
        if (entry.action->shortcuts().isEmpty()) {
            QVERIFY2(entry.text == QLatin1String("About Capstan"), qPrintable(entry.menu + u": " + entry.text));
            continue;
        }
        for (const QKeySequence &key : entry.action->shortcuts()) {
            QVERIFY2(!owner.contains(key),
                     qPrintable(key.toString() + u" is used by " + owner.value(key) + u" and " + entry.text));
            owner.insert(key, entry.text);
        }
    }
    // Every window-wide shortcut is on a menu (and so in the dialog); widget-local ones may repeat.
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || action->shortcutContext() == Qt::WidgetShortcut
            || action->shortcutContext() == Qt::WidgetWithChildrenShortcut)
            continue;
        const bool listed = std::any_of(entries.cbegin(), entries.cend(),
                                        [action](const MenuActions::Entry &e) { return e.action == action; });
        QVERIFY2(listed, qPrintable(action->objectName() + u" " + action->text()));
    }
}

void TestKeyboard::dialogListsEveryShortcut()
{
    auto window = openWindow();
    ShortcutsDialog dialog(window->menuBar(), window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutsTree"));
    QVERIFY(tree);
    QSet<QObject *> listed;
    QStringList groups;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        groups << tree->topLevelItem(g)->text(0);
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            listed.insert(tree->topLevelItem(g)->child(i)->data(0, Qt::UserRole).value<QObject *>());
    }
    QCOMPARE(groups,
             QStringList({QStringLiteral("File"), QStringLiteral("View"), QStringLiteral("Deployment"),
                          QStringLiteral("Help")}));
    int withShortcut = 0;
    for (const MenuActions::Entry &entry : MenuActions::collect(window->menuBar())) {
        if (entry.action->shortcuts().isEmpty())
            continue;
        ++withShortcut;
        QVERIFY2(listed.contains(entry.action), qPrintable(entry.text));
    }
    QCOMPARE(dialog.visibleCount(), withShortcut);
    // Shown as the user reads them, submenus included.
    const QList<QTreeWidgetItem *> keep
        = tree->findItems(QStringLiteral("Cancel ▸ Keep State"), Qt::MatchExactly | Qt::MatchRecursive, 0);
    QCOMPARE(keep.size(), 1);
    QCOMPARE(keep.first()->text(1), QStringLiteral("Ctrl+Shift+K"));
    dialog.resize(dialog.width(), 760);
    saveShot(&dialog, QStringLiteral("shortcuts-dialog"));

    auto *search = dialog.findChild<QLineEdit *>(QStringLiteral("shortcutsSearchLineEdit"));
    QTest::keyClicks(search, QStringLiteral("savepoint"));
    QCOMPARE(dialog.visibleCount(), 1);
    search->clear();
    QTest::keyClicks(search, QStringLiteral("Ctrl+K"));
    QVERIFY(dialog.visibleCount() >= 1);
    search->clear();
    QTest::keyClicks(search, QStringLiteral("deployment"));
    QVERIFY(dialog.visibleCount() > 5); // the whole Deployment menu, by its title
    saveShot(&dialog, QStringLiteral("shortcuts-dialog-search"));
}

void TestKeyboard::keysReachTheirActions()
{
    auto window = openWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+K")));
    QTRY_VERIFY(window->commandPalette()->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!window->commandPalette()->isVisible());

    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+/")));
    QTRY_VERIFY(window->findChild<ShortcutsDialog *>());
    window->findChild<ShortcutsDialog *>()->close();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+,")));
    QTRY_VERIFY(window->findChild<QDialog *>(QStringLiteral("preferencesDialog")));
    window->findChild<QDialog *>(QStringLiteral("preferencesDialog"))->reject();

    // Ctrl+L goes to the list, Alt+3 to the page's Events tab.
    QTRY_VERIFY_WITH_TIMEOUT(window->deploymentModel()->rowCount() >= 3, 10000);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+L")));
    auto *table = window->findChild<QTableView *>(QStringLiteral("deploymentTableView"));
    QTRY_VERIFY(table->hasFocus());
    QVERIFY(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Alt+3")));
    QCOMPARE(window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"))->currentIndex(),
             int(DeploymentPage::EventsTab));
}

void TestKeyboard::tabOrder()
{
    auto window = openWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *contexts = window->findChild<QComboBox *>(QStringLiteral("contextComboBox"));
    auto *namespaces = window->findChild<QComboBox *>(QStringLiteral("namespaceComboBox"));
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    auto *table = window->findChild<QTableView *>(QStringLiteral("deploymentTableView"));
    contexts->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(contexts->hasFocus());
    const auto focusIsIn = [](QWidget *widget) {
        QWidget *focus = QApplication::focusWidget();
        return focus && (focus == widget || widget->isAncestorOf(focus));
    };
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(focusIsIn(namespaces));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(focusIsIn(filter));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(focusIsIn(table));

    // With a deployment open, Tab goes on from the list to the page's actions, then its tabs.
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    // The actions are enabled once the page has the deployment's object; disabled buttons take no focus.
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->configureAction()->isEnabled(), 10000);
    table->setFocus(Qt::TabFocusReason);
    QTest::keyClick(table, Qt::Key_Tab);
    QWidget *next = QApplication::focusWidget();
    QVERIFY(next);
    QVERIFY2(window->deploymentPage()->isAncestorOf(next), next->metaObject()->className());
    QCOMPARE(next->parentWidget()->objectName(), QStringLiteral("deploymentActionBar"));
    auto *tabs = window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    for (int step = 0; step < 12 && next->parentWidget()->objectName() == QLatin1String("deploymentActionBar");
         ++step) {
        QTest::keyClick(next, Qt::Key_Tab);
        next = QApplication::focusWidget();
    }
    QVERIFY2(tabs->isAncestorOf(next), next->metaObject()->className());
}

void TestKeyboard::everyControlHasAName()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    auto *tabs = window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QStringList unnamed;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        for (QWidget *widget : window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus) || !widget->isEnabled())
                continue;
            // Inner parts of a named control (a combo box's line edit, a scroll area's viewport).
            if (qobject_cast<QComboBox *>(widget->parentWidget()))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
            const QString name = iface ? iface->text(QAccessible::Name) : QString();
            if (name.trimmed().isEmpty()) {
                const QString id = QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ')
                    + widget->objectName() + QStringLiteral(" in ")
                    + (widget->parentWidget() ? widget->parentWidget()->objectName() : QString());
                if (!unnamed.contains(id))
                    unnamed << id;
            }
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
