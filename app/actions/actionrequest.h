#pragma once

#include "error.h"
#include "flink/resourcekind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// What the user asked for, as DESIGN §4 defines each action on the operator.
enum class ActionKind {
    Configure, // merge patch of the edited spec fields
    Create, // create a FlinkDeployment from newSpec (New Deployment)
    Delete, // delete the FlinkDeployment
    Savepoint, // create a FlinkStateSnapshot (savepoint: {}, jobReference)
    Checkpoint, // create a FlinkStateSnapshot (checkpoint: {}, jobReference)
    Suspend, // job.state: suspended (current upgradeMode)
    CancelKeepState, // job.upgradeMode: last-state + job.state: suspended (needs checkpoints + Kubernetes HA)
    CancelDiscardState, // job.upgradeMode: stateless + job.state: suspended
    Start, // job.state: running
    Restart, // bump restartNonce
    RollbackToStable, // spec := lastStableSpec.spec, current nonces kept
    RollbackToSnapshot, // spec := revision live at the snapshot (nonces kept) + initialSavepointPath +
                        // savepointRedeployNonce + 1
    DeleteSnapshot, // delete a FlinkStateSnapshot (the operator disposes of its data when disposeOnDelete);
                    // refused for the one the deployment would restore from
    // The operator's autoscaler, by its options in flinkConfiguration (the spelling the spec uses):
    ResetAutoscaler, // bump job.autoscalerResetNonce: collected metrics, overrides and history start over
    AutoscalerAdvisory, // scaling.enabled: "false" (it only recommends)
    AutoscalerActive, // scaling.enabled: "true"
    EnableAutoscaler, // enabled: "true"; scaling.enabled: "false" too when the spec has none
    DisableAutoscaler, // enabled: "false"
};

struct ActionRequest
{
    quint64 id = 0; // chosen by the UI, echoed in progress and result
    ActionKind kind = ActionKind::Configure;
    QString deploymentUid;
    ResourceKind resourceKind = ResourceKind::FlinkDeployment; // which resource ns/name is
    QString ns;
    QString name;
    QString baseResourceVersion; // the version the user looked at; writes carry it (409 when stale)
    QJsonObject baseSpec; // the spec the user looked at (to show what changed on a conflict)
    QJsonObject newSpec; // Configure / Create / RollbackToSnapshot: the full desired spec
    QJsonObject newMetadata; // Create: name, namespace, labels
    QString snapshotPath; // RollbackToSnapshot, DeleteSnapshot
    QString snapshotName; // DeleteSnapshot: the FlinkStateSnapshot resource
    QDateTime snapshotTime; // RollbackToSnapshot: to find the spec revision live then
    bool disposeOnDelete = true; // Savepoint: spec.savepoint.disposeOnDelete (the data goes with the resource)
    bool reapplyOnTop = false; // after a conflict the user chose to apply their change on the new version
    bool dryRun = false;
    int timeoutSeconds = 600; // waiting for the operator (savepoint COMPLETED, job RUNNING…)
};

// One visible step of an action: "patch sent", "savepoint COMPLETED", "job RUNNING".
struct ActionStep
{
    enum class State { Running, Done, Failed, Skipped };
    QString text;
    State state = State::Running;
    qint64 elapsedMs = 0;
};

struct ActionProgress
{
    quint64 id = 0;
    ActionKind kind = ActionKind::Configure;
    QString deploymentName;
    QList<ActionStep> steps;
    // The server accepted the write (0: not yet, or nothing is written): the change is on the cluster
    // from here on, and what remains is watching the operator carry it out.
    qint64 writtenGeneration = 0;
    bool written = false;
};

struct ActionResult
{
    enum class Outcome { Succeeded, Failed, Conflict, Refused, Abandoned, TimedOut };
    quint64 id = 0;
    ActionKind kind = ActionKind::Configure;
    Outcome outcome = Outcome::Failed;
    Error error; // why, when not Succeeded (422 causes carry field paths)
    QJsonObject serverObject; // on Conflict: the object as it is on the server now
    qint64 writtenGeneration = 0; // the deployment's metadata.generation after this action's write (0: none);
                                  // a view showing an older generation does not show this action's change yet
    QString summary; // one sentence for the activity panel
    // Set by the runner: whose action it was and when it ended (the audit log entry's time), so that
    // views mark it without reading the audit log back.
    QString deploymentUid;
    QDateTime finishedAt;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::ActionRequest)
Q_DECLARE_METATYPE(capstan::ActionProgress)
Q_DECLARE_METATYPE(capstan::ActionResult)
