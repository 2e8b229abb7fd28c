#pragma once

#include "notify/notificationsettings.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;

namespace capstan {

class DesktopNotifier;
class MainWindow;
class NotificationCenter;
class TrayIcon;

// Capstan keeping watch while it is not in front of the user: the window's fleet sessions (every
// watched context) feed the notification center, which tells the desktop and the tray. Closing the
// window keeps Capstan in the tray when the user chose so (and a tray exists); the tray's menu opens
// failing deployments, the window and the Notifications panel, or quits. The autostart entry follows
// "Start minimized to the tray at login". One per process, created with the first window.
class Watchkeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Watchkeeper)

public:
    // historyPath: the notification history ("" : the default beside the local history, "-": none).
    explicit Watchkeeper(MainWindow *window, const QString &historyPath = {});
    ~Watchkeeper() override;

    NotificationCenter *center() const { return m_center; }
    TrayIcon *tray() const { return m_tray; }
    DesktopNotifier *notifier() const { return m_notifier; }
    // Whether closing the window leaves Capstan in the tray.
    bool keepsRunningInTray() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySettings();
    void showWindow();
    // Deployment ▸ Always Notify / Mute for 1 Hour / Mute This Context: pins and mutes of what the page
    // shows, kept with the other notification preferences.
    void addMenuActions();
    void updateMenuActions();
    void changeSettings(const std::function<void(NotificationSettings &)> &change);

    QPointer<MainWindow> m_window;
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray;
    NotificationCenter *m_center;
    QAction *m_pinAction = nullptr;
    QAction *m_muteAction = nullptr;
    QAction *m_muteContextAction = nullptr;
    bool m_autostartApplied = false;
    bool m_autostart = false;
};

} // namespace capstan
