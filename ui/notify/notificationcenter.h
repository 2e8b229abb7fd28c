#pragma once

#include "notify/notification.h"
#include "notify/notificationrules.h"
#include "notify/notificationsettings.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

namespace capstan {

class DesktopNotifier;
class FleetSessions;
class TrayIcon;
struct ActionResult;
struct DeploymentBatch;

// Keeps watch for the person on call: what the fleet's sessions publish goes through the notification
// rules; what they fire is written to the notification history (off the GUI thread), shown on the
// desktop (withdrawn when it clears) and counted in the tray icon, which shows the worst state across
// the watched contexts. The time-based rules are driven by a timer. Lives on the GUI thread and never
// waits: the rules are cheap per batch, the desktop is told asynchronously.
class NotificationCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCenter)

public:
    // historyPath: the notification history's database ("" : NotificationHistory::defaultPath(), "-": none).
    NotificationCenter(FleetSessions *fleet, DesktopNotifier *notifier, TrayIcon *tray, const QString &historyPath,
                       QObject *parent = nullptr);
    ~NotificationCenter() override;

    void setSettings(const NotificationSettings &settings);
    const NotificationSettings &settings() const { return m_rules.settings(); }
    // An action of this user finished: a generation it wrote is not "changed by someone else".
    void noteActionResult(const QString &context, const ActionResult &result);
    void noteOwnWrite(const QString &context, const QString &uid, qint64 generation);
    const NotificationRules &rules() const { return m_rules; }
    QString historyPath() const { return m_historyPath; }
    // Runs the time-based rules now (the timer does every 30 s).
    void tick();

signals:
    // Every notification the rules fired or cleared, as stored in the history.
    void notified(const capstan::Notification &notification);
    void openRequested(const QString &context, const QString &ns, const QString &name);
    void notificationsRequested();
    // The center changed the settings itself ("Mute 1 h" on a notification).
    void settingsChanged(const capstan::NotificationSettings &settings);

private:
    struct FailingEntry
    {
        QString context;
        QString ns;
        QString name;
        QString reason;
    };

    void onDeployments(const QString &context, const DeploymentBatch &batch);
    void handle(const QList<Notification> &notifications);
    void updateTray();
    void mute(const QString &conditionKey, int seconds);

    FleetSessions *m_fleet;
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray;
    QString m_historyPath;
    NotificationRules m_rules;
    QTimer m_tickTimer;
    QHash<QString, FailingEntry> m_failing; // by "context\nuid"
};

} // namespace capstan
