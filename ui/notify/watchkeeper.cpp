#include "ui/notify/watchkeeper.h"

#include "ui/actionscontroller.h"
#include "ui/backgroundpool.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/mainwindow.h"
#include "ui/notify/autostart.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/notificationcenter.h"
#include "ui/notify/notificationspanel.h"
#include "ui/notify/trayicon.h"
#include "ui/preferencesstore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

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
    connect(m_center, &NotificationCenter::settingsChanged, this, [](const NotificationSettings &settings) {
        Preferences preferences = PreferencesStore::instance()->preferences();
        preferences.notifications = settings;
        PreferencesStore::instance()->setPreferences(preferences);
    });
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
