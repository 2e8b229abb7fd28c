#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace capstan {

// What a notification is about. The names (ruleName) are stable: settings keys and the history
// database store them.
enum class NotificationRule {
    StartedFailing,
    JobFailed,
    SnapshotFailed,
    NoCheckpoint,
    ChangedElsewhere,
    ContextUnreachable
};

// One thing worth telling the person on call, or the end of it (cleared). A value type: it crosses
// threads and is stored as it is in the notification history.
struct Notification
{
    QString conditionKey; // rule + context + ns/name: one condition, notified once until it clears
    NotificationRule rule = NotificationRule::StartedFailing;
    QString context, ns, name, uid; // ns/name/uid empty for ContextUnreachable and start-up summaries
    QString summary; // short: "github-analytics is failing (prod-eu)"
    QString body; // the root cause / details
    QDateTime time;
    bool cleared = false; // the condition ended: close the desktop notification, no new one
    bool pinned = false; // deployment or context pinned: always notify

    static QList<NotificationRule> allRules();
    static QString ruleName(NotificationRule rule); // "startedFailing", … (untranslated, stable)
    static std::optional<NotificationRule> ruleFromName(const QString &name);
    // The condition key of a rule for a deployment (ns/name) or a context (ns and name empty).
    static QString keyOf(NotificationRule rule, const QString &context, const QString &ns = {},
                         const QString &name = {});

    bool operator==(const Notification &) const = default;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Notification)
