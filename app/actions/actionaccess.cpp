#include "actions/actionaccess.h"

namespace capstan {

namespace {
const QString kFlinkGroup = QStringLiteral("flink.apache.org");
}

AccessCheck requiredAccess(ActionKind kind, const QString &ns)
{
    AccessCheck check;
    check.ns = ns;
    check.group = kFlinkGroup;
    check.resource = QStringLiteral("flinkdeployments");
    switch (kind) {
    case ActionKind::Create:
        check.verb = QStringLiteral("create");
        break;
    case ActionKind::Delete:
        check.verb = QStringLiteral("delete");
        break;
    case ActionKind::Savepoint:
    case ActionKind::Checkpoint:
        check.verb = QStringLiteral("create");
        check.resource = QStringLiteral("flinkstatesnapshots");
        break;
    case ActionKind::DeleteSnapshot:
        check.verb = QStringLiteral("delete");
        check.resource = QStringLiteral("flinkstatesnapshots");
        break;
    case ActionKind::Configure:
    case ActionKind::Suspend:
    case ActionKind::CancelKeepState:
    case ActionKind::CancelDiscardState:
    case ActionKind::Start:
    case ActionKind::Restart:
    case ActionKind::RollbackToStable:
    case ActionKind::RollbackToSnapshot:
    case ActionKind::ResetAutoscaler:
    case ActionKind::AutoscalerAdvisory:
    case ActionKind::AutoscalerActive:
    case ActionKind::EnableAutoscaler:
    case ActionKind::DisableAutoscaler:
        check.verb = QStringLiteral("patch");
        break;
    }
    return check;
}

AccessCheckList actionAccessChecks(const QString &ns)
{
    AccessCheckList checks;
    for (const ActionKind kind :
         {ActionKind::Configure, ActionKind::Create, ActionKind::Delete, ActionKind::Savepoint}) {
        const AccessCheck check = requiredAccess(kind, ns);
        if (!checks.contains(check))
            checks << check;
    }
    return checks;
}

} // namespace capstan
