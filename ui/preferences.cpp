#include "ui/preferences.h"

#include <QCoreApplication>

namespace capstan {

bool Preferences::confirms(ActionKind kind) const
{
    if (requiredConfirmations().contains(kind))
        return true;
    return !unconfirmed.contains(kind);
}

QList<ActionKind> Preferences::optionalConfirmations()
{
    return {ActionKind::Suspend, ActionKind::CancelKeepState, ActionKind::Start, ActionKind::Restart,
            ActionKind::RollbackToStable};
}

QList<ActionKind> Preferences::requiredConfirmations()
{
    return {ActionKind::CancelDiscardState, ActionKind::Delete};
}

QString Preferences::confirmationKey(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Suspend:
        return QStringLiteral("suspend");
    case ActionKind::CancelKeepState:
        return QStringLiteral("cancelKeepState");
    case ActionKind::CancelDiscardState:
        return QStringLiteral("cancelDiscardState");
    case ActionKind::Start:
        return QStringLiteral("start");
    case ActionKind::Restart:
        return QStringLiteral("restart");
    case ActionKind::RollbackToStable:
        return QStringLiteral("rollbackToStable");
    case ActionKind::Delete:
        return QStringLiteral("delete");
    default:
        return {};
    }
}

QList<std::pair<QString, QString>> Preferences::languages()
{
    // Each language named in itself, so that someone who cannot read the current one finds theirs.
    return {{QString(), QCoreApplication::translate("capstan::Preferences", "System")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

} // namespace capstan
