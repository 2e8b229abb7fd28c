// Keeping watch end to end, through a real notification server: the test runs in a D-Bus session of
// its own with dunst on it, every call recorded by dbus-monitor (with-notifications.sh). The window's
// fleet session watches the sandbox; a job that reaches FAILED is notified once (summary, body and the
// Open and Mute actions reach the server), "Open" — a click on the notification, done with dunstctl —
// opens that deployment's page, and when the job runs again the notification is withdrawn. Both are
// in the notification history; the tray counts the failing deployment meanwhile. A failed savepoint
// of a deployment whose page is not open is notified from the list's watch of the snapshots.

#include "common/notificationserver.h"
#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "notify/notificationhistory.h"
#include "sandbox/resourcestore.h"
#include "ui/actionscontroller.h"
#include "ui/deploymentpage.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/mainwindow.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/notificationcenter.h"
#include "ui/notify/trayicon.h"
#include "ui/notify/watchkeeper.h"
#include "ui/preferencesstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <utility>

using namespace capstan;
using capstan::test::dunstctl;
using capstan::test::notificationLog;
using namespace Qt::Literals::StringLiterals;
using capstan::test::SandboxFixture;

namespace {

sandbox::WriteOptions statusWrite()
{
    sandbox::WriteOptions options;
    options.subresource = sandbox::Subresource::Status;
    return options;
}

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failedJobIsNotifiedOnceOpenedAndWithdrawn();

private:
    bool setJobState(const QString &name, const QString &state);

    std::unique_ptr<test::TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestNotifications::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CAPSTAN_NOTIFY_LOG"))
        QSKIP("run through tests/ui/with-notifications.sh (a private D-Bus session with dunst)");
    PreferencesStore::installTranslators(qApp);
    m_settings = std::make_unique<test::TemporarySettings>();
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY(bus);
    QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(u"org.freedesktop.Notifications"_s).value(), 10000);
    m_sandbox = std::make_unique<SandboxFixture>(4);
    QVERIFY(m_sandbox->started);
}

bool TestNotifications::setJobState(const QString &name, const QString &state)
{
    return m_sandbox->server->store()
        .mergePatch(u"flinkdeployments"_s, u"default"_s, name,
                    QJsonObject{{u"status"_s,
                                 QJsonObject{{u"jobStatus"_s, QJsonObject{{u"state"_s, state}}},
                                             {u"lifecycleState"_s, state == u"FAILED" ? u"FAILED"_s : u"STABLE"_s}}}},
                    statusWrite())
        .ok();
}

void TestNotifications::failedJobIsNotifiedOnceOpenedAndWithdrawn()
{
    // Only the sandbox's main context is watched.
    FleetSessions::saveWatchedContexts({u"sandbox"_s});
    SessionOptions options;
    options.historyPath = m_dir.filePath(u"history.sqlite"_s);
    options.informer.batchIntervalMs = 50;
    MainWindow window(m_sandbox->kubeConfig(), u"sandbox"_s, u"all"_s, options);
    window.resize(1400, 900);
    window.show();
    Watchkeeper keeper(&window, window.notificationHistoryPath());
    QSignalSpy notified(keeper.center(), &NotificationCenter::notified);
    FleetSessions *fleet = window.fleetSessions();
    QCOMPARE(fleet->contexts(), QStringList{u"sandbox"_s});
    QTRY_COMPARE_WITH_TIMEOUT(fleet->state(u"sandbox"_s), SessionState::Live, 15000);
    // The first batch is the baseline: what holds then comes as one summary, if anything does. Once the
    // desktop has been quiet for a second, it is cleared away.
    qsizetype heard = -1;
    QTRY_VERIFY_WITH_TIMEOUT(std::exchange(heard, notificationLog().size()) == notificationLog().size()
                                 && (QTest::qWait(1000), heard == notificationLog().size()),
                             20000);
    dunstctl({u"close-all"_s});
    notified.clear();

    // The first generated deployment's job fails.
    const QJsonArray items
        = m_sandbox->server->store().list(u"flinkdeployments"_s, u"default"_s).object.value(u"items").toArray();
    QVERIFY(!items.isEmpty());
    const QString name = items.first().toObject().value(u"metadata").toObject().value(u"name").toString();
    QVERIFY(setJobState(name, u"FAILED"_s));
    // The deployment fails with its job: one notification that says both.
    const QString summary = u"%1 is failing (sandbox)"_s.arg(name);
    QTRY_VERIFY_WITH_TIMEOUT(notificationLog().contains(summary), 15000);
    const QString log = notificationLog();
    QVERIFY(log.contains(u"The job reached the state FAILED"_s));
    QVERIFY(!log.contains(u"The job of %1 failed"_s.arg(name)));
    QVERIFY(log.contains(u"string \"Open\""_s));
    QVERIFY(log.contains(u"string \"Mute 1 h\""_s));
    QTRY_COMPARE(keeper.tray()->level(), TrayIcon::Level::Failing);
    QVERIFY(keeper.tray()->toolTip().contains(u"1 deployment failing"_s));
    // Once per condition: another change of the same failed deployment says nothing new.
    QVERIFY(m_sandbox->server->store()
                .mergePatch(u"flinkdeployments"_s, u"default"_s, name,
                            QJsonObject{{u"status"_s, QJsonObject{{u"error"_s, u"still failed"_s}}}}, statusWrite())
                .ok());
    QTest::qWait(1000);
    QCOMPARE(notificationLog().count(summary), 1);

    // Open, as a click on the notification: that deployment's page.
    QTRY_VERIFY(dunstctl({u"count"_s, u"displayed"_s}).toInt() >= 1);
    QSignalSpy open(keeper.notifier(), &DesktopNotifier::openRequested);
    dunstctl({u"action"_s, u"0"_s});
    QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentPage()->summary().name, name, 10000);

    // Running again: the condition clears and its notification is withdrawn.
    QVERIFY(setJobState(name, u"RUNNING"_s));
    QTRY_VERIFY_WITH_TIMEOUT(notificationLog().contains(u"member=CloseNotification"_s), 15000);
    QTRY_COMPARE(keeper.tray()->level(), TrayIcon::Level::Quiet);
    QTRY_COMPARE_WITH_TIMEOUT(dunstctl({u"count"_s, u"displayed"_s}).toInt(), 0, 5000);

    // Both ends are in the history (written off the GUI thread): notified and cleared.
    const auto history = [&] { return NotificationHistory::read(window.notificationHistoryPath(), name); };
    QTRY_COMPARE_WITH_TIMEOUT(history().size(), 2, 10000);
    const QList<Notification> entries = history();
    QCOMPARE(std::count_if(entries.cbegin(), entries.cend(), [](const Notification &n) { return n.cleared; }), 1);
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [&](const Notification &n) { return n.summary == summary; }));
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [&](const Notification &n) {
        return n.cleared && n.summary == u"%1 is no longer failing (sandbox)"_s.arg(name);
    }));

    // A savepoint of another deployment fails; no page of it is open: the list's watch of the
    // snapshots is enough.
    const QJsonArray all = m_sandbox->server->store().list(u"flinkdeployments"_s, {}).object.value(u"items").toArray();
    QJsonObject otherMeta;
    for (const QJsonValue &item : all) {
        otherMeta = item.toObject().value(u"metadata").toObject();
        if (otherMeta.value(u"name").toString() != name)
            break;
    }
    const QString other = otherMeta.value(u"name").toString();
    const QString otherNs = otherMeta.value(u"namespace").toString();
    QVERIFY(!other.isEmpty() && other != name);
    const QString failedAt
        = QDateTime::fromMSecsSinceEpoch(m_sandbox->server->clock().nowMs() + 60000, Qt::UTC).toString(Qt::ISODate);
    const QJsonObject snapshot{
        {u"apiVersion"_s, u"flink.apache.org/v1beta1"_s},
        {u"kind"_s, u"FlinkStateSnapshot"_s},
        {u"metadata"_s,
         QJsonObject{{u"name"_s, QString(other + u"-savepoint-manual-failed"_s)},
                     {u"namespace"_s, otherNs},
                     {u"labels"_s,
                      QJsonObject{{u"snapshot.type"_s, u"SAVEPOINT"_s},
                                  {u"snapshot.trigger-type"_s, u"MANUAL"_s},
                                  {u"snapshot.state"_s, u"FAILED"_s},
                                  {u"job-reference.kind"_s, u"FlinkDeployment"_s},
                                  {u"job-reference.name"_s, other}}}}},
        {u"spec"_s,
         QJsonObject{{u"backoffLimit"_s, QJsonValue(0)},
                     {u"jobReference"_s, QJsonObject{{u"kind"_s, u"FlinkDeployment"_s}, {u"name"_s, other}}},
                     {u"savepoint"_s, QJsonObject{{u"formatType"_s, u"CANONICAL"_s}}}}},
        {u"status"_s,
         QJsonObject{{u"state"_s, u"FAILED"_s},
                     {u"failures"_s, QJsonValue(1)},
                     {u"triggerTimestamp"_s, failedAt},
                     {u"resultTimestamp"_s, failedAt},
                     {u"error"_s, u"Savepoint failed: Checkpoint Coordinator is suspending."_s}}}};
    QVERIFY(m_sandbox->server->store().create(u"flinkstatesnapshots"_s, otherNs, snapshot).ok());
    QVERIFY(m_sandbox->server->store()
                .mergePatch(u"flinkstatesnapshots"_s, otherNs, other + u"-savepoint-manual-failed"_s,
                            QJsonObject{{u"status"_s, snapshot.value(u"status"_s)}}, statusWrite())
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(notificationLog().contains(u"A savepoint of %1 failed (sandbox)"_s.arg(other)), 15000);
    QVERIFY(notificationLog().contains(u"Checkpoint Coordinator is suspending."_s));
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
