// Desktop notifications through a real notification server: the test runs in a D-Bus session of its
// own with dunst on it, and dbus-monitor records every call (with-notifications.sh). The notifier's
// Notify calls carry the summaries, bodies and actions a desktop shows; "Open" (the default action,
// invoked with dunstctl as a click would) names the deployment; a cleared condition closes its
// notification; a burst becomes one summary; no server at all is no error. The tray icon's state and
// menu follow the failing deployments.

#include "common/notificationserver.h"
#include "ui/notify/autostart.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/trayicon.h"
#include "ui/preferencesstore.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace capstan;
using capstan::test::dunstctl;
using capstan::test::notificationLog;
using namespace Qt::Literals::StringLiterals;

namespace {

DesktopNotification failing(const QString &name)
{
    DesktopNotification n;
    n.key = u"StartedFailing|prod-eu|flink/"_s + name;
    n.summary = u"%1 is failing (prod-eu)"_s.arg(name);
    n.body = u"java.lang.IllegalStateException: boom <3 & more"_s;
    n.critical = true;
    n.context = u"prod-eu"_s;
    n.ns = u"flink"_s;
    n.name = name;
    return n;
}

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverAnswers();
    void notifyCarriesSummaryBodyAndActions();
    void openActionNamesTheDeployment();
    void clearedConditionIsWithdrawn();
    void sameConditionReplacesItsNotification();
    void burstBecomesOneSummary();
    void noServerIsNoError();
    void trayFollowsTheFleet();
    void autostartEntry();

private:
    bool m_haveServer = false;
};

void TestDesktopNotifier::initTestCase()
{
    PreferencesStore::installTranslators(qApp); // the English plural forms
    if (qEnvironmentVariableIsEmpty("CAPSTAN_NOTIFY_LOG"))
        QSKIP("run through tests/ui/with-notifications.sh (a private D-Bus session with dunst)");
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY(bus);
    // dunst was started beside the test: wait until it owns the name.
    QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(u"org.freedesktop.Notifications"_s).value(), 10000);
    m_haveServer = true;
}

void TestDesktopNotifier::serverAnswers()
{
    DesktopNotifier notifier;
    QSignalSpy answered(&notifier, &DesktopNotifier::serverAnswered);
    QTRY_VERIFY(!answered.isEmpty());
    QCOMPARE(answered.constFirst().constFirst().toBool(), true);
    QVERIFY(notifier.serverAvailable());
    QVERIFY(notifier.capabilities().contains(u"actions"_s));
    QTRY_COMPARE(notifier.serverName(), u"dunst"_s);
}

void TestDesktopNotifier::notifyCarriesSummaryBodyAndActions()
{
    DesktopNotifier notifier;
    QSignalSpy shown(&notifier, &DesktopNotifier::shown);
    notifier.notify(failing(u"github-analytics"_s));
    QTRY_COMPARE(shown.size(), 1);
    QVERIFY(shown.constFirst().at(1).toUInt() > 0);
    QTRY_VERIFY(notificationLog().contains(u"github-analytics is failing (prod-eu)"_s));
    const QString log = notificationLog();
    QVERIFY(log.contains(u"member=Notify"_s));
    QVERIFY(log.contains(u"string \"Capstan\""_s));
    QVERIFY(log.contains(u"java.lang.IllegalStateException: boom"_s));
    QVERIFY(log.contains(u"string \"default\""_s));
    QVERIFY(log.contains(u"string \"Open\""_s));
    QVERIFY(log.contains(u"string \"mute-1h\""_s));
    QVERIFY(log.contains(u"string \"Mute 1 h\""_s));
    QVERIFY(log.contains(u"string \"urgency\""_s));
    QVERIFY(log.contains(u"io.github.capstan.Capstan"_s));
    QTRY_VERIFY(dunstctl({u"count"_s, u"displayed"_s}).toInt() >= 1);
    dunstctl({u"close-all"_s});
}

void TestDesktopNotifier::openActionNamesTheDeployment()
{
    dunstctl({u"close-all"_s});
    DesktopNotifier notifier;
    QSignalSpy shown(&notifier, &DesktopNotifier::shown);
    QSignalSpy open(&notifier, &DesktopNotifier::openRequested);
    notifier.notify(failing(u"orders-enrichment"_s));
    QTRY_COMPARE(shown.size(), 1);
    QTRY_VERIFY(dunstctl({u"count"_s, u"displayed"_s}).toInt() >= 1);
    // What a click on the notification does: its default action.
    dunstctl({u"action"_s, u"0"_s});
    QTRY_COMPARE(open.size(), 1);
    QCOMPARE(open.constFirst().at(0).toString(), u"prod-eu"_s);
    QCOMPARE(open.constFirst().at(1).toString(), u"flink"_s);
    QCOMPARE(open.constFirst().at(2).toString(), u"orders-enrichment"_s);
    dunstctl({u"close-all"_s});
}

void TestDesktopNotifier::clearedConditionIsWithdrawn()
{
    dunstctl({u"close-all"_s});
    DesktopNotifier notifier;
    QSignalSpy shown(&notifier, &DesktopNotifier::shown);
    const DesktopNotification n = failing(u"clickstream"_s);
    notifier.notify(n);
    QTRY_COMPARE(shown.size(), 1);
    const uint id = shown.constFirst().at(1).toUInt();
    QTRY_COMPARE(dunstctl({u"count"_s, u"displayed"_s}).toInt(), 1);
    notifier.withdraw(n.key);
    QTRY_VERIFY(notificationLog().contains(u"member=CloseNotification"_s));
    QTRY_VERIFY(notificationLog().contains(u"uint32 %1"_s.arg(id)));
    QTRY_COMPARE(dunstctl({u"count"_s, u"displayed"_s}).toInt(), 0);
    // Withdrawn before the server answered with its id: closed once it does.
    QSignalSpy more(&notifier, &DesktopNotifier::shown);
    const DesktopNotification quick = failing(u"quick"_s);
    notifier.notify(quick);
    QTest::qWait(500); // the gathering interval: it is on its way to the server
    notifier.withdraw(quick.key);
    QTRY_COMPARE(more.size(), 1);
    QTRY_COMPARE(dunstctl({u"count"_s, u"displayed"_s}).toInt(), 0);
}

void TestDesktopNotifier::sameConditionReplacesItsNotification()
{
    dunstctl({u"close-all"_s});
    DesktopNotifier notifier;
    QSignalSpy shown(&notifier, &DesktopNotifier::shown);
    DesktopNotification n = failing(u"sessions"_s);
    notifier.notify(n);
    QTRY_COMPARE(shown.size(), 1);
    const uint first = shown.constFirst().at(1).toUInt();
    n.body = u"restarted 4 times in 2 minutes"_s;
    notifier.notify(n);
    QTRY_COMPARE(shown.size(), 2);
    // The server replaced it: the same id, one notification on screen.
    QCOMPARE(shown.at(1).at(1).toUInt(), first);
    QTRY_COMPARE(dunstctl({u"count"_s, u"displayed"_s}).toInt(), 1);
    dunstctl({u"close-all"_s});
}

void TestDesktopNotifier::burstBecomesOneSummary()
{
    dunstctl({u"close-all"_s});
    DesktopNotifier notifier;
    QSignalSpy shown(&notifier, &DesktopNotifier::shown);
    QSignalSpy summaryOpened(&notifier, &DesktopNotifier::summaryOpened);
    for (int i = 0; i < 8; ++i)
        notifier.notify(failing(u"job-%1"_s.arg(i)));
    QTRY_COMPARE(shown.size(), 1);
    QTest::qWait(600);
    QCOMPARE(shown.size(), 1);
    QTRY_VERIFY(notificationLog().contains(u"8 notifications from Capstan"_s));
    QVERIFY(notificationLog().contains(u"and 3 more"_s));
    QTRY_COMPARE(dunstctl({u"count"_s, u"displayed"_s}).toInt(), 1);
    dunstctl({u"action"_s, u"0"_s});
    QTRY_COMPARE(summaryOpened.size(), 1);
    dunstctl({u"close-all"_s});
}

void TestDesktopNotifier::noServerIsNoError()
{
    const QDBusConnection nowhere
        = QDBusConnection::connectToBus(u"unix:path=/nonexistent/capstan-bus"_s, u"capstan-test-nowhere"_s);
    QVERIFY(!nowhere.isConnected());
    DesktopNotifier notifier(nowhere);
    QSignalSpy answered(&notifier, &DesktopNotifier::serverAnswered);
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(answered.constFirst().constFirst().toBool(), false);
    notifier.notify(failing(u"anything"_s));
    notifier.withdraw(failing(u"anything"_s).key);
    QTest::qWait(500);
    QVERIFY(!notifier.serverAvailable());
}

void TestDesktopNotifier::trayFollowsTheFleet()
{
    TrayIcon tray;
    QCOMPARE(tray.level(), TrayIcon::Level::Quiet);
    QVERIFY(tray.toolTip().contains(u"nothing failing"_s));
    tray.setState({{u"prod-eu"_s, u"flink"_s, u"github-analytics"_s, u"IllegalStateException: boom"_s},
                   {u"prod-us"_s, u"flink"_s, u"orders"_s, QString()}},
                  {u"staging"_s});
    QCOMPARE(tray.level(), TrayIcon::Level::Failing);
    QVERIFY2(tray.toolTip().contains(u"2 deployments failing"_s), qPrintable(tray.toolTip()));
    QVERIFY(tray.toolTip().contains(u"1 context unreachable"_s));
    QList<QAction *> entries;
    for (QAction *a : tray.menu()->actions()) {
        if (a->objectName() == u"trayFailingAction"_s)
            entries << a;
    }
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries.constFirst()->text().contains(u"github-analytics (prod-eu): IllegalStateException"_s));
    QSignalSpy open(&tray, &TrayIcon::openRequested);
    entries.constFirst()->trigger();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.constFirst().at(2).toString(), u"github-analytics"_s);
    tray.setState({}, {u"staging"_s});
    QCOMPARE(tray.level(), TrayIcon::Level::Warning);

    // The menu as it pops up, and the desktop's notification beside it.
    tray.setState({{u"prod-eu"_s, u"flink"_s, u"github-analytics"_s, u"IllegalStateException: boom"_s},
                   {u"prod-us"_s, u"flink"_s, u"orders"_s, u"Job failed: restarts exhausted"_s}},
                  {u"staging"_s});
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    tray.menu()->popup(QPoint(100, 100));
    QVERIFY(QTest::qWaitForWindowExposed(tray.menu()));
    QVERIFY(tray.menu()->grab().save(dir + u"/tray-menu.png"_s));
    tray.menu()->hide();
    if (m_haveServer && !qEnvironmentVariableIsEmpty("DISPLAY")) {
        DesktopNotifier notifier;
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        notifier.notify(failing(u"github-analytics"_s));
        QTRY_COMPARE(shown.size(), 1);
        QTest::qWait(300); // dunst draws it
        QProcess::execute(u"import"_s, {u"-window"_s, u"root"_s, dir + u"/desktop-notification.png"_s});
        dunstctl({u"close-all"_s});
    }
}

void TestDesktopNotifier::autostartEntry()
{
    // The wrapper gives the test a home of its own: the entry goes to its XDG config directory.
    QVERIFY(Autostart::entryPath().startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")));
    const QString executable = u"/opt/Capstan Apps/bin/capstan"_s;
    QString error;
    QVERIFY2(Autostart::apply(true, executable, &error), qPrintable(error));
    QVERIFY(Autostart::isEnabled());
    QFile file(Autostart::entryPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(u"Exec=\"/opt/Capstan Apps/bin/capstan\" --tray\n"_s), qPrintable(text));
    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (!validator.isEmpty()) {
        QProcess validate;
        validate.start(validator, {Autostart::entryPath()});
        QVERIFY(validate.waitForFinished(10000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardOutput().constData());
    }
    QVERIFY(Autostart::apply(false, executable, &error));
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(Autostart::apply(false, executable, &error)); // nothing to remove is fine
}

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
