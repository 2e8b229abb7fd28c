// Screenshots of the main window with a deployment open, the command palette, Preferences and
// Keyboard Shortcuts, in the light and the dark theme. CTest runs this twice, the second time with
// QT_SCALE_FACTOR=2 (file names end in "-2x"). Each window shown is checked for what a person would
// notice: text cut off or elided, widgets drawn over each other, and state text too faint to read.

#include "common/layoutchecks.h"
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
#include "ui/widgets/stateicons.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace capstan;
using capstan::test::OverlapAllowance;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestAppearance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void checksFindOffenders();
    void screenshots_data();
    void screenshots();

private:
    void saveShot(QWidget *widget, const QString &name);
    // Text that does not fit and overlapping widgets in `widget`; every offender is printed.
    void checkLayout(const QWidget *widget, const QString &name, const QList<OverlapAllowance> &allowed = {});

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

void TestAppearance::checkLayout(const QWidget *widget, const QString &name, const QList<OverlapAllowance> &allowed)
{
    const QStringList clipped = capstan::test::clippedTexts(widget);
    const QStringList overlaps = capstan::test::overlappingSiblings(widget, allowed);
    QVERIFY2(clipped.isEmpty(),
             qPrintable(name + QStringLiteral(": text that does not fit:\n  ") + clipped.join(QStringLiteral("\n  "))));
    QVERIFY2(overlaps.isEmpty(),
             qPrintable(name + QStringLiteral(": overlapping widgets:\n  ") + overlaps.join(QStringLiteral("\n  "))));
}

namespace {

// The state texts against what they are drawn on: the deployment list's State column (every row,
// as painted now) and the page header, which may show any state, so all of them are measured.
QStringList stateContrastIssues(const MainWindow &window)
{
    QStringList issues;
    const auto add = [&](const QString &issue) {
        if (!issue.isEmpty())
            issues.append(issue);
    };
    const auto *table = window.findChild<QTableView *>(QStringLiteral("deploymentTableView"));
    if (!table)
        return {QStringLiteral("deploymentTableView not found")};
    const QPalette::ColorGroup group = table->isActiveWindow() ? QPalette::Active : QPalette::Inactive;
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, DeploymentTableModel::State);
        const bool selected = table->selectionModel()->isSelected(index);
        QColor foreground = table->palette().color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor background = table->palette().color(
            group,
            selected ? QPalette::Highlight
                     : (table->alternatingRowColors() && row % 2 ? QPalette::AlternateBase : QPalette::Base));
        if (const QVariant v = index.data(Qt::ForegroundRole); v.isValid())
            foreground = v.value<QBrush>().color();
        if (const QVariant v = index.data(Qt::BackgroundRole); v.isValid() && !selected)
            background = v.value<QBrush>().color();
        add(capstan::test::lowContrast(QStringLiteral("deployment list row %1%2 state \"%3\"")
                                           .arg(row)
                                           .arg(selected ? QStringLiteral(" (selected)") : QString())
                                           .arg(index.data().toString()),
                                       foreground, background));
    }
    const auto *state = window.findChild<QLabel *>(QStringLiteral("deploymentStateLabel"));
    if (!state)
        return issues << QStringLiteral("deploymentStateLabel not found");
    const QColor background = state->palette().color(state->backgroundRole());
    add(capstan::test::lowContrast(QStringLiteral("page header state \"%1\" as shown").arg(state->text()),
                                   state->palette().color(state->foregroundRole()), background));
    for (const DisplayState s :
         {DisplayState::Running, DisplayState::Transitioning, DisplayState::Suspended, DisplayState::Cancelled,
          DisplayState::Failed, DisplayState::Finished, DisplayState::Unknown})
        add(capstan::test::lowContrast(
            QStringLiteral("page header state \"%1\"").arg(DeploymentTableModel::stateText(s)),
            StateIcons::textColor(s, background), background));
    return issues;
}

} // namespace

void TestAppearance::checksFindOffenders()
{
    // Every check reports what it is there to find, and nothing about widgets that are fine.
    QWidget host;
    host.resize(640, 320);
    // Places a widget by hand; width 0 or height 0 take the widget's size hint.
    const auto place = [](QWidget *w, const char *name, int x, int y, int width = 0, int height = 0) {
        w->setObjectName(QLatin1String(name));
        w->setGeometry(x, y, width ? width : w->sizeHint().width(), height ? height : w->sizeHint().height());
    };
    place(new QPushButton(QStringLiteral("Apply all changes"), &host), "narrowButton", 10, 10, 60);
    place(new QPushButton(QStringLiteral("&Apply"), &host), "roomyButton", 10, 60);
    place(new QLabel(QStringLiteral("A label that is cut off"), &host), "cutLabel", 10, 110, 60);
    place(new QLabel(QStringLiteral("Fits"), &host), "wholeLabel", 10, 150);
    place(new QCheckBox(QStringLiteral("Confirm before deleting"), &host), "cutCheckBox", 10, 190, 60);
    place(new QGroupBox(QStringLiteral("A long group box title"), &host), "cutGroupBox", 220, 10, 60, 60);
    auto *tabs = new QTabBar(&host);
    tabs->setUsesScrollButtons(false);
    tabs->setElideMode(Qt::ElideRight);
    tabs->addTab(QStringLiteral("Configuration"));
    tabs->addTab(QStringLiteral("Exceptions"));
    place(tabs, "elidedTabBar", 220, 100, 120);
    place(new QLabel(QStringLiteral("Under"), &host), "underLabel", 400, 10, 100, 20);
    place(new QLabel(QStringLiteral("Over"), &host), "overLabel", 450, 15, 100, 20);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));

    const QStringList clipped = capstan::test::clippedTexts(&host);
    const auto reported = [&](const QString &objectName, const QString &text) {
        return clipped.filter(objectName).filter(QLatin1Char('"') + text).size() == 1;
    };
    const QString all = clipped.join(QLatin1Char('\n'));
    QVERIFY2(reported(QStringLiteral("narrowButton"), QStringLiteral("Apply all changes")), qPrintable(all));
    QVERIFY2(reported(QStringLiteral("cutLabel"), QStringLiteral("A label that is cut off")), qPrintable(all));
    QVERIFY2(reported(QStringLiteral("cutCheckBox"), QStringLiteral("Confirm before deleting")), qPrintable(all));
    QVERIFY2(reported(QStringLiteral("cutGroupBox"), QStringLiteral("A long group box title")), qPrintable(all));
    QVERIFY2(reported(QStringLiteral("elidedTabBar"), QStringLiteral("Configuration")), qPrintable(all));
    QVERIFY2(reported(QStringLiteral("elidedTabBar"), QStringLiteral("Exceptions")), qPrintable(all));
    QVERIFY2(clipped.size() == 6, qPrintable(all)); // not roomyButton, not wholeLabel

    const QStringList overlaps = capstan::test::overlappingSiblings(&host);
    QCOMPARE(overlaps.size(), 1);
    QVERIFY2(overlaps.first().contains(QStringLiteral("underLabel"))
                 && overlaps.first().contains(QStringLiteral("overLabel")),
             qPrintable(overlaps.first()));
    QVERIFY(
        capstan::test::overlappingSiblings(&host, {{QStringLiteral("overLabel"), QStringLiteral("a test")}}).isEmpty());

    QCOMPARE(qRound(capstan::test::contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(capstan::test::contrastRatio(Qt::gray, Qt::gray), 1.0);
    // #767676 on white is the lightest grey that passes: 4.54:1; #777777 gives 4.48:1.
    QVERIFY(capstan::test::lowContrast(QStringLiteral("grey"), QColor(0x76, 0x76, 0x76), Qt::white).isEmpty());
    const QString faint = capstan::test::lowContrast(QStringLiteral("grey"), QColor(0x77, 0x77, 0x77), Qt::white);
    QVERIFY2(faint.startsWith(QStringLiteral("grey: #777777 on #ffffff has contrast 4.48:1")), qPrintable(faint));
    // A translucent colour counts as blended with what is below it.
    QVERIFY(!capstan::test::lowContrast(QStringLiteral("half black"), QColor(0, 0, 0, 100), Qt::white).isEmpty());
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
    // The page's other tabs too, each as it first shows.
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        checkLayout(&window, QStringLiteral("main window, %1 tab").arg(tabs->tabText(i)) + theme);
        if (QTest::currentTestFailed())
            return;
    }
    tabs->setCurrentIndex(0);
    const QStringList contrast = stateContrastIssues(window);
    QVERIFY2(contrast.isEmpty(), qPrintable(contrast.join(QLatin1Char('\n'))));

    window.showCommandPalette();
    CommandPalette *palette = window.commandPalette();
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("github"));
    QVERIFY(window.rect().contains(palette->geometry()));
    saveShot(&window, QStringLiteral("appearance-palette") + theme);
    checkLayout(palette, QStringLiteral("command palette") + theme);
    if (QTest::currentTestFailed())
        return;
    palette->dismiss();

    PreferencesDialog preferencesDialog(preferences, &window);
    preferencesDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preferencesDialog));
    // The offscreen screen is small; a desktop gives the dialog the height it asks for.
    preferencesDialog.resize(preferencesDialog.width(), preferencesDialog.heightForWidth(preferencesDialog.width()));
    QVERIFY(preferencesDialog.height() >= preferencesDialog.minimumSizeHint().height());
    saveShot(&preferencesDialog, QStringLiteral("appearance-preferences") + theme);
    checkLayout(&preferencesDialog, QStringLiteral("Preferences") + theme);
    if (QTest::currentTestFailed())
        return;
    preferencesDialog.close();

    ShortcutsDialog shortcuts(window.menuBar(), &window);
    shortcuts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shortcuts));
    saveShot(&shortcuts, QStringLiteral("appearance-shortcuts") + theme);
    checkLayout(&shortcuts, QStringLiteral("Keyboard Shortcuts") + theme);
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
