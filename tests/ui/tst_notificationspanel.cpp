// The Notifications page of Preferences and the Notifications panel: rule switches, thresholds, the
// tray choices and the list of mutes and pins go through the dialog and the settings file and come
// back; the panel lists the history newest first, searches it, opens a row's deployment on a
// double click, and looks right in the light and the dark theme (screenshots).

#include "common/layoutchecks.h"
#include "common/temporarysettings.h"
#include "notify/notificationhistory.h"
#include "ui/notify/notificationspanel.h"
#include "ui/preferencesdialog.h"
#include "ui/preferencesstore.h"
#include "ui/settingskeys.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace capstan;
using capstan::test::TemporarySettings;

namespace {

Notification make(NotificationRule rule, const QString &context, const QString &name, const QString &summary,
                  const QDateTime &time, const QString &body = {})
{
    Notification n;
    n.rule = rule;
    n.context = context;
    n.ns = name.isEmpty() ? QString() : QStringLiteral("streaming");
    n.name = name;
    n.conditionKey = Notification::keyOf(rule, context, n.ns, name);
    n.summary = summary;
    n.body = body;
    n.time = time;
    return n;
}

} // namespace

class TestNotificationsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void preferencesRoundTrip();
    void preferencesPage();
    void panelSearchAndOpen();

private:
    void saveShot(QWidget *widget, const QString &name);
    void checkLayout(const QWidget *widget, const QString &name);
    static NotificationSettings sampleSettings();

    std::unique_ptr<TemporarySettings> m_settings;
    QDateTime m_now;
};

void TestNotificationsPanel::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    QStandardPaths::setTestModeEnabled(true);
    PreferencesStore::installTranslators(qApp);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_now = QDateTime::currentDateTimeUtc();
}

void TestNotificationsPanel::init()
{
    QSettings().clear();
    Theme::apply(ThemeChoice::Light);
}

void TestNotificationsPanel::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestNotificationsPanel::checkLayout(const QWidget *widget, const QString &name)
{
    const QStringList clipped = capstan::test::clippedTexts(widget);
    const QStringList overlaps = capstan::test::overlappingSiblings(widget);
    QVERIFY2(clipped.isEmpty(),
             qPrintable(name + QStringLiteral(": text that does not fit:\n  ") + clipped.join(QStringLiteral("\n  "))));
    QVERIFY2(overlaps.isEmpty(),
             qPrintable(name + QStringLiteral(": overlapping widgets:\n  ") + overlaps.join(QStringLiteral("\n  "))));
}

NotificationSettings TestNotificationsPanel::sampleSettings()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    NotificationSettings s;
    s.setEnabled(NotificationRule::ChangedElsewhere, false);
    s.noCheckpointMinutes = 45;
    s.unreachableMinutes = 10;
    s.closeToTray = true;
    s.mute({QStringLiteral("prod-eu"), QStringLiteral("streaming"), QStringLiteral("github-analytics")},
           now.addSecs(3600));
    s.mute({QStringLiteral("staging"), {}, {}}, now.addSecs(2 * 3600));
    s.pin({QStringLiteral("prod-us"), QStringLiteral("payments"), QStringLiteral("fraud-detection")});
    return s;
}

void TestNotificationsPanel::preferencesRoundTrip()
{
    PreferencesStore *store = PreferencesStore::instance();
    const Preferences defaults = store->preferences();
    QCOMPARE(defaults.notifications, NotificationSettings{});

    QSignalSpy changed(store, &PreferencesStore::changed);
    Preferences p = defaults;
    p.notifications = sampleSettings();
    store->setPreferences(p);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<Preferences>().notifications, p.notifications);
    QCOMPARE(store->preferences().notifications, p.notifications);
    // The keys the tray and the autostart file read.
    const QSettings settings;
    QCOMPARE(settings.value(SettingsKeys::closeToTray).toBool(), true);
    QCOMPARE(settings.value(SettingsKeys::startInTray, true).toBool(), false);
    QCOMPARE(QString(SettingsKeys::closeToTray), QStringLiteral("notifications/closeToTray"));
    QCOMPARE(QString(SettingsKeys::startInTray), QStringLiteral("notifications/startInTray"));
    QCOMPARE(settings.value(QStringLiteral("notifications/noCheckpointMinutes")).toInt(), 45);
    // The same again is no change; an out-of-range threshold is clamped.
    store->setPreferences(p);
    QCOMPARE(changed.count(), 1);
    p.notifications.unreachableMinutes = 0;
    store->setPreferences(p);
    QCOMPARE(store->preferences().notifications.unreachableMinutes, NotificationSettings::MinThresholdMinutes);
}

void TestNotificationsPanel::preferencesPage()
{
    Preferences p;
    p.notifications = sampleSettings();
    for (const bool dark : {false, true}) {
        Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
        PreferencesDialog dialog(p);
        auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("preferencesTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(dialog.findChild<QWidget *>(QStringLiteral("notificationsPage")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.resize(dialog.width(), std::max(dialog.height(), dialog.heightForWidth(dialog.width())));
        QCOMPARE(dialog.preferences(), p);
        // The mutes' and pins' texts fit their columns (none elided).
        auto *scopes = dialog.findChild<QTableWidget *>(QStringLiteral("notificationScopesTable"));
        for (int column = 0; column < scopes->columnCount(); ++column)
            QVERIFY2(scopes->columnWidth(column) >= static_cast<QAbstractItemView *>(scopes)->sizeHintForColumn(column),
                     qPrintable(QString::number(column)));
        checkLayout(&dialog, dark ? QStringLiteral("Notifications page (dark)") : QStringLiteral("Notifications page"));
        saveShot(&dialog,
                 dark ? QStringLiteral("preferences-notifications-dark") : QStringLiteral("preferences-notifications"));
    }
    Theme::apply(ThemeChoice::Light);

    PreferencesDialog dialog(p);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *changedElsewhere = dialog.findChild<QCheckBox *>(QStringLiteral("rule_changedElsewhere"));
    auto *noCheckpoint = dialog.findChild<QCheckBox *>(QStringLiteral("rule_noCheckpoint"));
    auto *noCheckpointMinutes = dialog.findChild<QSpinBox *>(QStringLiteral("noCheckpointMinutesSpinBox"));
    QVERIFY(changedElsewhere && noCheckpoint && noCheckpointMinutes);
    QVERIFY(!changedElsewhere->isChecked());
    QVERIFY(noCheckpoint->isChecked());
    QCOMPARE(noCheckpointMinutes->value(), 45);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("unreachableMinutesSpinBox"))->value(), 10);
    QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("closeToTrayCheckBox"))->isChecked());
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("startInTrayCheckBox"))->isChecked());

    // The threshold follows its rule's switch.
    noCheckpoint->setChecked(false);
    QVERIFY(!noCheckpointMinutes->isEnabled());
    noCheckpoint->setChecked(true);
    noCheckpointMinutes->setValue(20);
    changedElsewhere->setChecked(true);
    dialog.findChild<QCheckBox *>(QStringLiteral("startInTrayCheckBox"))->setChecked(true);

    // Mutes, then pins; Remove takes the selected one out.
    auto *scopes = dialog.findChild<QTableWidget *>(QStringLiteral("notificationScopesTable"));
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeNotificationScopeButton"));
    QCOMPARE(scopes->rowCount(), 3);
    QCOMPARE(scopes->item(1, 0)->text(), QStringLiteral("staging"));
    QCOMPARE(scopes->item(1, 1)->text(), QStringLiteral("All deployments"));
    QVERIFY(scopes->item(1, 2)->text().startsWith(QStringLiteral("Muted until")));
    QCOMPARE(scopes->item(2, 1)->text(), QStringLiteral("payments/fraud-detection"));
    QVERIFY(!remove->isEnabled());
    scopes->selectRow(0);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(scopes->rowCount(), 2);
    QCOMPARE(scopes->item(0, 0)->text(), QStringLiteral("staging"));

    const Preferences edited = dialog.preferences();
    QVERIFY(edited.notifications.isEnabled(NotificationRule::ChangedElsewhere));
    QCOMPARE(edited.notifications.noCheckpointMinutes, 20);
    QVERIFY(edited.notifications.startInTray);
    QCOMPARE(edited.notifications.mutes.size(), 1);
    QCOMPARE(edited.notifications.mutes.first().scope.context, QStringLiteral("staging"));
    QCOMPARE(edited.notifications.pins.size(), 1);
    // Stored and read back as the dialog returned it.
    PreferencesStore::instance()->setPreferences(edited);
    QCOMPARE(PreferencesStore::instance()->preferences().notifications, edited.notifications);
}

void TestNotificationsPanel::panelSearchAndOpen()
{
    const QString path = NotificationHistory::defaultPath();
    QFile::remove(path);
    {
        NotificationHistory history(path);
        QVERIFY(history.isOpen());
        const QDateTime t = m_now.addSecs(-3 * 3600);
        Notification cleared
            = make(NotificationRule::StartedFailing, QStringLiteral("prod-eu"), QStringLiteral("github-analytics"),
                   QStringLiteral("github-analytics is no longer failing (prod-eu)"), t.addSecs(5400));
        cleared.cleared = true;
        history.append(QList<Notification>{
            make(NotificationRule::StartedFailing, QStringLiteral("prod-eu"), {},
                 QStringLiteral("3 deployments need attention in prod-eu"), t,
                 QStringLiteral("github-analytics is failing (prod-eu)")),
            make(NotificationRule::StartedFailing, QStringLiteral("prod-eu"), QStringLiteral("github-analytics"),
                 QStringLiteral("github-analytics is failing (prod-eu)"), t.addSecs(60),
                 QStringLiteral("java.lang.OutOfMemoryError: Java heap space")),
            make(NotificationRule::JobFailed, QStringLiteral("prod-us"), QStringLiteral("fraud-detection"),
                 QStringLiteral("The job of fraud-detection failed (prod-us)"), t.addSecs(900),
                 QStringLiteral("NoResourceAvailableException: Could not acquire the minimum required resources.")),
            make(NotificationRule::SnapshotFailed, QStringLiteral("prod-us"), QStringLiteral("clickstream"),
                 QStringLiteral("A savepoint of clickstream failed (prod-us)"), t.addSecs(1800),
                 QStringLiteral("Checkpoint Coordinator is suspending.")),
            make(NotificationRule::ContextUnreachable, QStringLiteral("staging"), {},
                 QStringLiteral("staging is unreachable"), t.addSecs(3600),
                 QStringLiteral("Not connected for 5 minutes: connection refused")),
            make(NotificationRule::ChangedElsewhere, QStringLiteral("prod-eu"), QStringLiteral("sessionize"),
                 QStringLiteral("sessionize was changed by someone else (generation 7 → 8)"), t.addSecs(4000)),
            cleared,
        });
    }

    // Dark first: the light round goes on to search and append.
    for (const bool dark : {true, false}) {
        Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
        NotificationsPanel panel(path);
        QSignalSpy refreshed(&panel, &NotificationsPanel::refreshed);
        panel.resize(1000, 360);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.rowCount(), 7);
        auto *table = panel.findChild<QTableWidget *>(QStringLiteral("notificationsTable"));
        // Newest first.
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("github-analytics is no longer failing (prod-eu)"));
        QCOMPARE(table->item(6, 3)->text(), QStringLiteral("3 deployments need attention in prod-eu"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("streaming/sessionize"));
        QVERIFY(table->item(3, 0)->toolTip().contains(QStringLiteral("Checkpoint Coordinator")));
        checkLayout(&panel,
                    dark ? QStringLiteral("Notifications panel (dark)") : QStringLiteral("Notifications panel"));
        saveShot(&panel, dark ? QStringLiteral("notifications-panel-dark") : QStringLiteral("notifications-panel"));
        if (dark)
            continue;

        // Search: by context, by text of the details, nothing; the reads come back in order.
        auto *search = panel.findChild<QLineEdit *>(QStringLiteral("notificationsSearchEdit"));
        auto *status = panel.findChild<QLabel *>(QStringLiteral("notificationsStatusLabel"));
        QTest::keyClicks(search, QStringLiteral("prod-us"));
        QTRY_COMPARE(panel.rowCount(), 2);
        QCOMPARE(panel.notifications().first().name, QStringLiteral("clickstream"));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("OutOfMemory"));
        QTRY_COMPARE(panel.rowCount(), 1);
        QCOMPARE(panel.notifications().first().name, QStringLiteral("github-analytics"));
        search->setText(QStringLiteral("no such thing"));
        QTRY_COMPARE(panel.rowCount(), 0);
        QVERIFY(status->text().contains(QStringLiteral("no such thing")));
        search->clear();
        QTRY_COMPARE(panel.rowCount(), 7);

        // Double-click opens the deployment in its context.
        QSignalSpy open(&panel, &NotificationsPanel::openRequested);
        const QRect cell = table->visualRect(table->model()->index(4, 3));
        // A view takes a double click on the item its press selected.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toString(), QStringLiteral("prod-us"));
        QCOMPARE(open.first().at(1).toString(), QStringLiteral("streaming"));
        QCOMPARE(open.first().at(2).toString(), QStringLiteral("fraud-detection"));

        // Appended later: shown after refresh().
        {
            NotificationHistory history(path);
            history.append(make(NotificationRule::NoCheckpoint, QStringLiteral("prod-eu"), QStringLiteral("orders"),
                                QStringLiteral("No checkpoint of orders for 30 minutes (prod-eu)"), m_now));
        }
        panel.refresh();
        QTRY_COMPARE(panel.rowCount(), 8);
        QCOMPARE(panel.notifications().first().name, QStringLiteral("orders"));
    }
    Theme::apply(ThemeChoice::Light);
}

QTEST_MAIN(TestNotificationsPanel)
#include "tst_notificationspanel.moc"
