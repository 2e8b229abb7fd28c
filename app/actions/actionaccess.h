#pragma once

#include "actions/actionrequest.h"
#include "kube/accesscheck.h"

namespace capstan {

// What an action asks of the API server, as a SelfSubjectAccessReview question: Configure,
// Suspend, Cancel, Start, Restart, both rollbacks and the autoscaler's actions patch the FlinkDeployment, Savepoint
// creates a FlinkStateSnapshot, Delete deletes, New Deployment creates.
AccessCheck requiredAccess(ActionKind kind, const QString &ns);
// The distinct questions behind every action in a namespace.
AccessCheckList actionAccessChecks(const QString &ns);

} // namespace capstan
