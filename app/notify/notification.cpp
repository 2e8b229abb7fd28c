#include "notify/notification.h"

namespace capstan {

QList<NotificationRule> Notification::allRules()
{
    return {NotificationRule::StartedFailing, NotificationRule::JobFailed,        NotificationRule::SnapshotFailed,
            NotificationRule::NoCheckpoint,   NotificationRule::ChangedElsewhere, NotificationRule::ContextUnreachable};
}

QString Notification::ruleName(NotificationRule rule)
{
    switch (rule) {
    case NotificationRule::StartedFailing:
        return QStringLiteral("startedFailing");
    case NotificationRule::JobFailed:
        return QStringLiteral("jobFailed");
    case NotificationRule::SnapshotFailed:
        return QStringLiteral("snapshotFailed");
    case NotificationRule::NoCheckpoint:
        return QStringLiteral("noCheckpoint");
    case NotificationRule::ChangedElsewhere:
        return QStringLiteral("changedElsewhere");
    case NotificationRule::ContextUnreachable:
        return QStringLiteral("contextUnreachable");
    }
    return {};
}

std::optional<NotificationRule> Notification::ruleFromName(const QString &name)
{
    for (NotificationRule rule : allRules()) {
        if (ruleName(rule) == name)
            return rule;
    }
    return std::nullopt;
}

QString Notification::keyOf(NotificationRule rule, const QString &context, const QString &ns, const QString &name)
{
    // The context goes last: it is the only part that may contain the separator.
    const QString object = ns.isEmpty() && name.isEmpty() ? QString() : ns + QLatin1Char('/') + name;
    return ruleName(rule) + QLatin1Char('|') + object + QLatin1Char('|') + context;
}

} // namespace capstan
