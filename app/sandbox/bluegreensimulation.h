#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

namespace capstan::sandbox {

class ResourceStore;

// The Flink Kubernetes Operator's (1.15) FlinkBlueGreenDeployment controller on the sandbox's store.
// It creates the child FlinkDeployments <name>-blue and <name>-green (label
// flink/blue-green-deployment-type, an ownerReference to the blue/green resource), which the operator
// simulation then runs like any other deployment, and walks the operator's states:
// INITIALIZING_BLUE → TRANSITIONING_TO_BLUE → ACTIVE_BLUE on creation; on a TRANSITION change of the
// template ACTIVE_X → [SAVEPOINTING_X] → TRANSITIONING_TO_Y → ACTIVE_Y, the old child deleted
// kubernetes.operator.bluegreen.deployment-deletion.delay after the new one became ready (STABLE and
// RUNNING); a child not ready by abortTimestamp (abort.grace-period after it was deployed) is
// suspended and the resource rolls back to the previous state with jobStatus FAILING and an error.
// Changes the operator applies in place (PATCH_CHILD, suspend, resume) go to the active child.
// Children whose blue/green resource is gone are deleted, as Kubernetes' garbage collector does.
//
// Thread-safety: none; the operator simulation calls reconcile() from its pass, under its lock.
class BlueGreenSimulation final
{
public:
    // Completes a savepoint of the child's job now and returns its path; empty when the job cannot
    // take one (not running).
    using TakeSavepoint = std::function<QString(const QString &ns, const QString &deployment, qint64 nowMs)>;
    using RecordEvent = std::function<void(const QString &ns, const QJsonObject &involved, const QString &type,
                                           const QString &reason, const QString &message, qint64 nowMs)>;

    BlueGreenSimulation(ResourceStore &store, TakeSavepoint takeSavepoint, RecordEvent recordEvent);
    ~BlueGreenSimulation();
    BlueGreenSimulation(const BlueGreenSimulation &) = delete;
    BlueGreenSimulation &operator=(const BlueGreenSimulation &) = delete;

    // One reconcile of every FlinkBlueGreenDeployment.
    void reconcile(qint64 nowMs);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
