#pragma once

#include "notify/notification.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSettings;

namespace capstan {

// Which notifications the user wants: each rule on or off with its threshold, mutes with an expiry
// and pins, per context or per deployment, and how Capstan keeps watch from the tray. A value; the
// Preferences page edits it and NotificationRules follows it.
//
// Keys (QSettings, under "notifications/"): rules/<ruleName> (bool), noCheckpointMinutes,
// unreachableMinutes, closeToTray, startInTray, and the arrays mutes/<i>/{context,namespace,name,until}
// and pins/<i>/{context,namespace,name}. These pins are about notifications only; the "pinned" group
// (metrics collected while a page is closed) is another thing.
struct NotificationSettings
{
    // A context (ns and name empty) or one deployment of it.
    struct Scope
    {
        QString context;
        QString ns;
        QString name;

        bool isContext() const { return ns.isEmpty() && name.isEmpty(); }
        bool operator==(const Scope &) const = default;
    };
    struct Mute
    {
        Scope scope;
        QDateTime until; // UTC; the mute ends then
        bool operator==(const Mute &) const = default;
    };

    static constexpr int DefaultNoCheckpointMinutes = 30;
    static constexpr int DefaultUnreachableMinutes = 5;
    static constexpr int MinThresholdMinutes = 1;
    static constexpr int MaxNoCheckpointMinutes = 24 * 60;
    static constexpr int MaxUnreachableMinutes = 24 * 60;

    static constexpr QLatin1String group{"notifications"};
    static constexpr QLatin1String closeToTrayKey{"notifications/closeToTray"};
    static constexpr QLatin1String startInTrayKey{"notifications/startInTray"};

    QList<NotificationRule> disabled; // every rule is on unless listed here
    int noCheckpointMinutes = DefaultNoCheckpointMinutes;
    int unreachableMinutes = DefaultUnreachableMinutes;
    QList<Mute> mutes;
    QList<Scope> pins;
    bool closeToTray = false; // keep running in the tray when the window is closed
    bool startInTray = false; // start minimized to the tray at login

    bool isEnabled(NotificationRule rule) const { return !disabled.contains(rule); }
    void setEnabled(NotificationRule rule, bool enabled);

    // Mutes and pins decide by the most specific scope: a deployment's own mute, then its own pin,
    // then its context's mute, then its context's pin. A mute counts while now < until.
    bool isMuted(const QString &context, const QString &ns, const QString &name, const QDateTime &now) const;
    bool isPinned(const QString &context, const QString &ns, const QString &name, const QDateTime &now) const;
    // Whether a notification of `rule` about the scope is shown: pinned, or the rule on and not muted.
    bool allows(NotificationRule rule, const QString &context, const QString &ns, const QString &name,
                const QDateTime &now) const;

    // Replaces a mute of the same scope.
    void mute(const Scope &scope, const QDateTime &until);
    void unmute(const Scope &scope);
    void pin(const Scope &scope);
    void unpin(const Scope &scope);
    // Drops mutes that ended by `now`.
    void removeExpiredMutes(const QDateTime &now);

    // Values out of range are clamped, ended mutes dropped. (Non-const: arrays are read through
    // beginReadArray; nothing is written.)
    static NotificationSettings load(QSettings &settings, const QDateTime &now);
    static NotificationSettings load(); // the application's settings, now
    // Rewrites every key under "notifications/".
    void save(QSettings &settings) const;
    void save() const;

    // Written out for sameElements (sameelements.h).
    bool operator==(const NotificationSettings &other) const;
};

} // namespace capstan
