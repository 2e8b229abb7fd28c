#pragma once

#include <QDBusConnection>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QDBusPendingCallWatcher;

namespace capstan {

// One notification as the desktop shows it: a condition (its key), what to say, and the deployment
// (or context) that "Open" opens.
struct DesktopNotification
{
    QString key; // the condition: a new one with the same key replaces the shown one
    QString summary;
    QString body;
    bool critical = false; // stays until dismissed
    QString context;
    QString ns; // empty: the notification is about the context
    QString name;
};

// Shows notifications through the desktop's notification server (org.freedesktop.Notifications on the
// session bus, the standard of Linux desktops). Every D-Bus call is asynchronous: the GUI thread never
// waits for the server. Notifications arriving within a short interval are shown together: one each
// when few, else one quiet summary, so that a cluster going bad does not bury the desktop. "Open" and
// "Mute 1 h" are offered as actions when the server supports actions; "Open" is the default action
// (a click on the notification).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void notify(const DesktopNotification &notification);
    // The condition cleared: its notification is withdrawn.
    void withdraw(const QString &key);

    // What the server said about itself; empty until it answered (or when there is none).
    QString serverName() const { return m_serverName; }
    QStringList capabilities() const { return m_capabilities; }
    bool serverAvailable() const { return m_serverAvailable; }

    // More than this many within the gathering interval become one summary.
    static constexpr int kSummaryThreshold = 3;

signals:
    void serverAnswered(bool available);
    // "Open" on a notification; ns and name are empty for a context's notification.
    void openRequested(const QString &context, const QString &ns, const QString &name);
    // "Open" on a summary: the user wants the list of what happened.
    void summaryOpened();
    void muteRequested(const QString &key, int seconds);
    // Sent to the server (for the Notifications panel's "shown on the desktop" and for tests).
    void shown(const QString &key, uint id);

private:
    struct Shown
    {
        uint id = 0;
        DesktopNotification notification;
        bool summary = false;
        QStringList summaryKeys;
    };

    void flush();
    void send(const Shown &shown, const QString &summary, const QString &body, bool critical, uint replaces);

private slots:
    // The server's signals (connected by name through QDBusConnection::connect).
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    QTimer m_gather;
    QList<DesktopNotification> m_pending;
    QHash<QString, uint> m_ids; // condition key → the server's id
    QHash<uint, Shown> m_shown;
    QStringList m_waitingForId; // keys sent whose id the server has not answered yet
    QStringList m_withdrawnEarly; // of those, the ones withdrawn meanwhile
    QString m_serverName;
    QStringList m_capabilities;
    bool m_serverAvailable = false;
};

} // namespace capstan
