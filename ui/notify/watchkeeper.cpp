#include "ui/notify/watchkeeper.h"

#include "ui/actionscontroller.h"
#include "ui/backgroundpool.h"
#include "ui/deploymentpage.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/mainwindow.h"
#include "ui/notify/autostart.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/notificationcenter.h"
#include "ui/notify/notificationspanel.h"
#include "ui/notify/trayicon.h"
#include "ui/preferencesstore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLoggingCategory>
#include <QMenu>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace capstan {

namespace {
Q_LOGGING_CATEGORY(lcWatch, "capstan.notify")
} // namespace

Watchkeeper::Watchkeeper(MainWindow *window, const QString &historyPath)
    : QObject(window)
    , m_window(window)
    , m_notifier(new DesktopNotifier(QDBusConnection::sessionBus(), this))
    , m_tray(new TrayIcon(this))
    , m_center(new NotificationCenter(window->fleetSessions(), m_notifier, m_tray, historyPath, this))
{
    connect(m_center, &NotificationCenter::openRequested, this,
            [this](const QString &context, const QString &ns, const QString &name) {
                showWindow();
                if (m_window)
                    m_window->openFromFleet(context, ns, name);
            });
    connect(m_center, &NotificationCenter::notificationsRequested, this, [this] {
        showWindow();
        if (m_window)
            m_window->showNotifications();
    });
    connect(m_center, &NotificationCenter::notified, this, [this] {
        if (m_window && m_window->notificationsPanel()->isVisible())
            m_window->notificationsPanel()->refresh();
    });
    connect(m_tray, &TrayIcon::showWindowRequested, this, &Watchkeeper::showWindow);
    connect(m_tray, &TrayIcon::quitRequested, qApp, &QApplication::quit, Qt::QueuedConnection);
    // This user's writes are not "changed by someone else": noted as soon as the server accepted them.
    connect(window->actions(), &ActionsController::generationWritten, this,
            [this](const QString &uid, qint64 generation) {
                if (m_window)
                    m_center->noteOwnWrite(m_window->currentContext(), uid, generation);
            });
    connect(window->actions(), &ActionsController::actionFinished, this, [this](const ActionResult &result) {
        if (m_window)
            m_center->noteActionResult(m_window->currentContext(), result);
    });
    // "Mute 1 h" on a notification is a preference like the others (an open Preferences dialog sees it).
    connect(m_center, &NotificationCenter::settingsChanged, this, [this](const NotificationSettings &settings) {
        changeSettings([&settings](NotificationSettings &current) { current = settings; });
    });
    addMenuActions();
    connect(PreferencesStore::instance(), &PreferencesStore::changed, this, &Watchkeeper::applySettings);
    window->installEventFilter(this);
    applySettings();
    m_tray->setVisible(TrayIcon::available());
}

Watchkeeper::~Watchkeeper() = default;

bool Watchkeeper::keepsRunningInTray() const
{
    return m_center->settings().closeToTray && TrayIcon::available();
}

void Watchkeeper::applySettings()
{
    m_center->setSettings(PreferencesStore::instance()->preferences().notifications);
    updateMenuActions();
    const bool autostart = m_center->settings().startInTray;
    if (m_autostartApplied && autostart == m_autostart)
        return;
    m_autostartApplied = true;
    m_autostart = autostart;
    // A small file, but still disk I/O: written off the GUI thread.
    (void)QtConcurrent::run(backgroundPool(), [autostart, executable = QCoreApplication::applicationFilePath()] {
        QString error;
        if (!Autostart::apply(autostart, executable, &error))
            qCWarning(lcWatch, "%s", qPrintable(error));
    });
}

void Watchkeeper::changeSettings(const std::function<void(NotificationSettings &)> &change)
{
    Preferences preferences = PreferencesStore::instance()->preferences();
    change(preferences.notifications);
    PreferencesStore::instance()->setPreferences(preferences); // saved; applySettings follows
}

void Watchkeeper::addMenuActions()
{
    QMenu *menu = m_window->actions()->menu();
    menu->addSeparator();
    m_pinAction = menu->addAction(tr("Al&ways Notify About This Deployment"));
    m_pinAction->setObjectName(QStringLiteral("pinNotificationsAction"));
    m_pinAction->setCheckable(true);
    m_pinAction->setShortcut(QKeySequence(tr("Ctrl+Alt+N")));
    m_pinAction->setStatusTip(tr("Notify about this deployment even when its rule is off or its context is muted"));
    m_muteAction = menu->addAction(tr("&Mute Notifications for 1 Hour"));
    m_muteAction->setObjectName(QStringLiteral("muteNotificationsAction"));
    m_muteAction->setCheckable(true);
    m_muteAction->setShortcut(QKeySequence(tr("Ctrl+Alt+M")));
    m_muteAction->setStatusTip(tr("No notifications about this deployment for an hour (again: unmute)"));
    m_muteContextAction = menu->addAction(tr("Mute This Conte&xt for 1 Hour"));
    m_muteContextAction->setObjectName(QStringLiteral("muteContextNotificationsAction"));
    m_muteContextAction->setCheckable(true);
    m_muteContextAction->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+M")));
    m_muteContextAction->setStatusTip(tr("No notifications about this context for an hour (again: unmute)"));
    const auto scope = [this](bool deployment) {
        const Deployment d = m_window->deploymentPage()->summary();
        return deployment ? NotificationSettings::Scope{m_window->currentContext(), d.ns, d.name}
                          : NotificationSettings::Scope{m_window->currentContext(), {}, {}};
    };
    connect(m_pinAction, &QAction::triggered, this, [this, scope](bool on) {
        changeSettings([&](NotificationSettings &s) { on ? s.pin(scope(true)) : s.unpin(scope(true)); });
    });
    const auto mute = [this, scope](bool deployment, bool on) {
        const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(3600);
        changeSettings(
            [&](NotificationSettings &s) { on ? s.mute(scope(deployment), until) : s.unmute(scope(deployment)); });
    };
    connect(m_muteAction, &QAction::triggered, this, [mute](bool on) { mute(true, on); });
    connect(m_muteContextAction, &QAction::triggered, this, [mute](bool on) { mute(false, on); });
    connect(m_window->deploymentPage(), &DeploymentPage::deploymentChanged, this, &Watchkeeper::updateMenuActions);
    updateMenuActions();
}

void Watchkeeper::updateMenuActions()
{
    if (!m_pinAction || !m_window)
        return;
    const Deployment d = m_window->deploymentPage()->summary();
    const bool shown = !d.name.isEmpty();
    const QString context = m_window->currentContext();
    const NotificationSettings &settings = m_center->settings();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_pinAction->setEnabled(shown);
    m_pinAction->setChecked(shown && settings.pins.contains(NotificationSettings::Scope{context, d.ns, d.name}));
    m_muteAction->setEnabled(shown);
    const auto mutedNow = [&](const NotificationSettings::Scope &scope) {
        return std::any_of(settings.mutes.cbegin(), settings.mutes.cend(),
                           [&](const NotificationSettings::Mute &m) { return m.scope == scope && now < m.until; });
    };
    m_muteAction->setChecked(shown && mutedNow({context, d.ns, d.name}));
    m_muteContextAction->setEnabled(!context.isEmpty());
    m_muteContextAction->setChecked(mutedNow({context, {}, {}}));
}

void Watchkeeper::showWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

bool Watchkeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && keepsRunningInTray()
        && !QCoreApplication::closingDown()) {
        // The window goes; Capstan keeps watch from the tray (Quit in its menu ends it).
        event->ignore();
        m_window->hide();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace capstan
