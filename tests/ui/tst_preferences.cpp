// Preferences: what the store writes comes back, out-of-range values are clamped, a theme change
// switches the palette (System gives the platform's back), a new poll interval reaches the open
// session, and confirmations switched off are skipped while Delete always asks.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "session/sessionhost.h"
#include "ui/actionscontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/preferencesdialog.h"
#include "ui/preferencesstore.h"
#include "ui/settingskeys.h"
#include "ui/theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTest>
#include <QTranslator>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaultsAndRoundTrip();
    void outOfRangeIsClamped();
    void themeSwitchesPalette();
    void languageChoice();
    void dialogShowsAndReturnsPreferences();
    void pollIntervalReachesTheSession();
    void confirmationsFollowPreferences();

private:
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<TemporarySettings> m_settings;
    QPalette m_platformPalette;
};

void TestPreferences::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_platformPalette = QApplication::palette();
}

void TestPreferences::init()
{
    QSettings().clear();
}

void TestPreferences::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestPreferences::defaultsAndRoundTrip()
{
    PreferencesStore *store = PreferencesStore::instance();
    const Preferences defaults = store->preferences();
    QCOMPARE(defaults.theme, ThemeChoice::System);
    QCOMPARE(defaults.pollIntervalSeconds, 5);
    QCOMPARE(defaults.metricRetentionDays, 7);
    QVERIFY(defaults.language.isEmpty());
    for (ActionKind kind : Preferences::optionalConfirmations())
        QVERIFY(defaults.confirms(kind));

    QSignalSpy changed(store, &PreferencesStore::changed);
    Preferences p;
    p.theme = ThemeChoice::Light;
    p.pollIntervalSeconds = 12;
    p.metricRetentionDays = 30;
    p.language = QStringLiteral("de");
    p.unconfirmed = {ActionKind::Restart, ActionKind::Suspend};
    store->setPreferences(p);
    QCOMPARE(changed.count(), 1);
    const Preferences back = store->preferences();
    QCOMPARE(back.theme, ThemeChoice::Light);
    QCOMPARE(back.pollIntervalSeconds, 12);
    QCOMPARE(back.metricRetentionDays, 30);
    QCOMPARE(back.language, QStringLiteral("de"));
    QVERIFY(!back.confirms(ActionKind::Restart));
    QVERIFY(!back.confirms(ActionKind::Suspend));
    QVERIFY(back.confirms(ActionKind::Start));

    // The keys are the documented ones.
    const QSettings settings;
    QCOMPARE(settings.value(SettingsKeys::theme).toString(), QStringLiteral("light"));
    QCOMPARE(settings.value(SettingsKeys::pollInterval).toInt(), 12);
    QCOMPARE(settings.value(SettingsKeys::metricRetention).toInt(), 30);
    QCOMPARE(settings.value(SettingsKeys::language).toString(), QStringLiteral("de"));
    QCOMPARE(settings.value(QStringLiteral("confirm/restart")).toBool(), false);

    // Writing the same values again is no change.
    store->setPreferences(p);
    QCOMPARE(changed.count(), 1);
    Theme::apply(ThemeChoice::System);
}

void TestPreferences::outOfRangeIsClamped()
{
    Preferences p;
    p.pollIntervalSeconds = 0;
    p.metricRetentionDays = 5000;
    p.language = QStringLiteral("tlh");
    p.unconfirmed = {ActionKind::Delete, ActionKind::CancelDiscardState, ActionKind::Start};
    PreferencesStore::instance()->setPreferences(p);
    const Preferences back = PreferencesStore::instance()->preferences();
    QCOMPARE(back.pollIntervalSeconds, Preferences::MinPollIntervalSeconds);
    QCOMPARE(back.metricRetentionDays, Preferences::MaxRetentionDays);
    QVERIFY(back.language.isEmpty());
    // Losing state always asks, whatever the file says.
    QVERIFY(back.confirms(ActionKind::Delete));
    QVERIFY(back.confirms(ActionKind::CancelDiscardState));
    QVERIFY(!back.confirms(ActionKind::Start));
    QSettings().setValue(QStringLiteral("confirm/delete"), false);
    QVERIFY(PreferencesStore::instance()->preferences().confirms(ActionKind::Delete));
}

void TestPreferences::themeSwitchesPalette()
{
    PreferencesStore *store = PreferencesStore::instance();
    Preferences p = store->preferences();
    p.theme = ThemeChoice::Dark;
    store->setPreferences(p);
    QCOMPARE(QApplication::palette().color(QPalette::Window), Theme::darkPalette().color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), Theme::darkPalette().color(QPalette::Text));
    QWidget widget;
    QCOMPARE(widget.palette().color(QPalette::Base), Theme::darkPalette().color(QPalette::Base));

    p.theme = ThemeChoice::Light;
    store->setPreferences(p);
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             QApplication::style()->standardPalette().color(QPalette::Window));

    p.theme = ThemeChoice::System;
    store->setPreferences(p);
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::WindowText, QPalette::Base, QPalette::Text,
                                           QPalette::Highlight, QPalette::Button})
        QCOMPARE(QApplication::palette().color(role), m_platformPalette.color(role));
    QVERIFY(!QCoreApplication::testAttribute(Qt::AA_SetPalette)); // follows the platform again
}

void TestPreferences::languageChoice()
{
    QCOMPARE(PreferencesStore::localeName(), QLocale::system().name());
    Preferences p;
    p.language = QStringLiteral("de");
    PreferencesStore::instance()->setPreferences(p);
    QCOMPARE(PreferencesStore::localeName(), QStringLiteral("de"));
    // The German catalogue is built in, so the texts follow as soon as it is installed.
    const auto removeTranslators = [] {
        const auto translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    };
    const auto deployments
        = [](int n) { return QCoreApplication::translate("capstan::MainWindow", "%n deployment(s)", nullptr, n); };
    PreferencesStore::installTranslators(QCoreApplication::instance());
    QCOMPARE(QCoreApplication::translate("capstan::MainWindow", "&File"), QStringLiteral("&Datei"));
    QCOMPARE(deployments(1), QStringLiteral("1 Deployment"));
    QCOMPARE(deployments(3), QStringLiteral("3 Deployments"));
    removeTranslators(); // the other tests compare English texts
    p.language.clear();
    PreferencesStore::instance()->setPreferences(p);
    QCOMPARE(PreferencesStore::localeName(), QLocale::system().name());
    // The system's language, here the C locale of the tests: English stays.
    PreferencesStore::installTranslators(QCoreApplication::instance());
    QCOMPARE(QCoreApplication::translate("capstan::MainWindow", "&File"), QStringLiteral("&File"));
    // English plurals come from the English catalogue, under any language without a catalogue.
    QCOMPARE(deployments(1), QStringLiteral("1 deployment"));
    QCOMPARE(deployments(3), QStringLiteral("3 deployments"));
    QCOMPARE(QCoreApplication::translate("capstan::MainWindow", "%1 of %n deployment(s)", nullptr, 1).arg(0),
             QStringLiteral("0 of 1 deployment"));
    removeTranslators();
}

void TestPreferences::dialogShowsAndReturnsPreferences()
{
    Preferences p;
    p.theme = ThemeChoice::Dark;
    p.pollIntervalSeconds = 9;
    p.metricRetentionDays = 14;
    p.language = QStringLiteral("en");
    p.unconfirmed = {ActionKind::Start};
    PreferencesDialog dialog(p);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The offscreen screen is 800×600; a desktop gives the dialog the height it asks for.
    dialog.resize(dialog.width(), dialog.heightForWidth(dialog.width()));
    QCOMPARE(dialog.preferences(), p);
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("themeComboBox"))->currentText(), QStringLiteral("Dark"));
    auto *poll = dialog.findChild<QSpinBox *>(QStringLiteral("pollIntervalSpinBox"));
    QCOMPARE(poll->minimum(), 1);
    QCOMPARE(poll->maximum(), 60);
    // The always-asked confirmations are shown, checked and locked.
    auto *del = dialog.findChild<QCheckBox *>(QStringLiteral("confirm_delete"));
    QVERIFY(del && del->isChecked() && !del->isEnabled());

    // Keyboard only: the spin box takes typed values.
    poll->setFocus();
    poll->selectAll();
    QTest::keyClicks(poll, QStringLiteral("30"));
    dialog.findChild<QCheckBox *>(QStringLiteral("confirm_suspend"))->setChecked(false);
    const Preferences edited = dialog.preferences();
    QCOMPARE(edited.pollIntervalSeconds, 30);
    QVERIFY(!edited.confirms(ActionKind::Suspend));
    QVERIFY(!edited.confirms(ActionKind::Start));
    saveShot(&dialog, QStringLiteral("preferences-dialog"));

    const QPalette original = QApplication::palette();
    QApplication::setPalette(Theme::darkPalette());
    {
        PreferencesDialog dark(edited);
        dark.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dark));
        dark.resize(dark.width(), dark.heightForWidth(dark.width()));
        saveShot(&dark, QStringLiteral("preferences-dialog-dark"));
    }
    QApplication::setPalette(original);
}

void TestPreferences::pollIntervalReachesTheSession()
{
    SandboxFixture sandbox(-1, 20);
    QVERIFY(sandbox.started);
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.pollIntervalMs = 60000; // nothing would arrive twice within this test
    options.informer.batchIntervalMs = 50;
    MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.show();
    QVERIFY(QTest::qWaitFor(
        [&] { return window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")); }, 10000));
    QSignalSpy metrics(window.session()->session(), &ClusterSession::metricsAppended);
    // The first poll comes when the page opens (or when the JobManager becomes ready).
    QTRY_VERIFY_WITH_TIMEOUT(metrics.count() >= 1, 30000);
    const auto pollTimes = [&metrics] {
        QSet<qint64> times;
        for (const QList<QVariant> &args : std::as_const(metrics)) {
            for (const MetricSample &s : args.at(1).value<QList<MetricSample>>())
                times.insert(s.timeMs);
        }
        return times.size();
    };
    metrics.clear();

    Preferences p = PreferencesStore::instance()->preferences();
    p.pollIntervalSeconds = 1;
    PreferencesStore::instance()->setPreferences(p);
    QCOMPARE(window.session()->pollInterval(), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(pollTimes() >= 3, 8000);

    // A window opened now starts with it too.
    window.findChild<QAction *>(QStringLiteral("newWindowAction"))->trigger();
    MainWindow *second = MainWindow::windows().constLast();
    QVERIFY(second != &window);
    QCOMPARE(second->session()->pollInterval(), 1000);
    delete second;
}

void TestPreferences::confirmationsFollowPreferences()
{
    SandboxFixture sandbox(-1, 60);
    QVERIFY(sandbox.started);
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.pollIntervalMs = 500;
    options.informer.batchIntervalMs = 50;
    MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.show();
    QVERIFY(QTest::qWaitFor(
        [&] { return window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")); }, 10000));
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->action(ActionKind::Restart)->isEnabled(), 10000);

    Preferences p;
    p.unconfirmed = {ActionKind::Restart};
    PreferencesStore::instance()->setPreferences(p);
    // Restart runs without a review.
    window.actions()->action(ActionKind::Restart)->trigger();
    QCOMPARE(window.activity()->rowCount(), 1);
    QVERIFY(!test::waitForReview(&window, 0));

    // Delete asks all the same (and is declined here).
    const quint64 restartId = window.activity()->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!window.activity()->isRunning(restartId), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->action(ActionKind::Delete)->isEnabled(), 10000);
    window.actions()->action(ActionKind::Delete)->trigger();
    ActionReviewDialog *review = test::waitForReview(&window);
    QVERIFY(review);
    QVERIFY2(review->effectText().startsWith(QStringLiteral("github-analytics is deleted")),
             qPrintable(review->effectText()));
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Delete"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Deployment"));
    test::answerReview(review, false);
    QCOMPARE(window.activity()->rowCount(), 1);
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
