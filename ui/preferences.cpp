#include "ui/preferences.h"

#include "actions/actiondescriptor.h"
#include "sameelements.h"

#include <QCoreApplication>

namespace capstan {

bool operator==(const Preferences &a, const Preferences &b)
{
    return a.theme == b.theme && a.pollIntervalSeconds == b.pollIntervalSeconds
        && a.metricRetentionDays == b.metricRetentionDays && a.language == b.language
        && sameElements(a.unconfirmed, b.unconfirmed) && a.notifications == b.notifications;
}

bool Preferences::confirms(ActionKind kind) const
{
    if (requiredConfirmations().contains(kind))
        return true;
    return !unconfirmed.contains(kind);
}

QList<ActionKind> Preferences::optionalConfirmations()
{
    QList<ActionKind> kinds;
    for (ActionKind kind : ActionDescriptor::all()) {
        const ActionDescriptor &d = ActionDescriptor::of(kind);
        if (d.confirms() && !d.alwaysConfirms)
            kinds << kind;
    }
    return kinds;
}

QList<ActionKind> Preferences::requiredConfirmations()
{
    QList<ActionKind> kinds;
    for (ActionKind kind : ActionDescriptor::all()) {
        if (ActionDescriptor::of(kind).alwaysConfirms)
            kinds << kind;
    }
    return kinds;
}

QString Preferences::confirmationKey(ActionKind kind)
{
    return QLatin1String(ActionDescriptor::of(kind).confirmationKey);
}

QList<std::pair<QString, QString>> Preferences::languages()
{
    // Each language named in itself, so that someone who cannot read the current one finds theirs.
    return {{QString(), QCoreApplication::translate("capstan::Preferences", "System")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

} // namespace capstan
