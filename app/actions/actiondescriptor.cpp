#include "actions/actiondescriptor.h"

#include "flink/deployment.h"

#include <QCoreApplication>

namespace capstan {

namespace {

constexpr char kContext[] = "capstan::Action";

QString translated(const char *source)
{
    return source ? QCoreApplication::translate(kContext, source) : QString();
}

// In menu order. The texts are marked for lupdate here and translated when read.
const ActionDescriptor kDescriptors[] = {
    {ActionKind::Configure, "Configure", QT_TRANSLATE_NOOP("capstan::Action", "Configure Deployment"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Configure Deployment…"), nullptr,
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+E"), "configureAction", nullptr, false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "edit change parallelism scale arguments"), nullptr, nullptr},
    {ActionKind::Savepoint, "Savepoint", QT_TRANSLATE_NOOP("capstan::Action", "Trigger Savepoint"),
     QT_TRANSLATE_NOOP("capstan::Action", "Trigger &Savepoint"), nullptr,
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+S"), "savepointAction", nullptr, false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "snapshot"), nullptr, nullptr},
    {ActionKind::Checkpoint, "Checkpoint", QT_TRANSLATE_NOOP("capstan::Action", "Trigger Checkpoint"),
     QT_TRANSLATE_NOOP("capstan::Action", "Trigger C&heckpoint"), nullptr,
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Alt+C"), "checkpointAction", nullptr, false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "snapshot checkpoint"), nullptr, nullptr},
    {ActionKind::Suspend, "Suspend", QT_TRANSLATE_NOOP("capstan::Action", "Suspend"),
     QT_TRANSLATE_NOOP("capstan::Action", "Sus&pend"), nullptr, QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+P"),
     "suspendAction", "suspend", false, true, QT_TRANSLATE_NOOP("capstan::Action", "stop pause"),
     QT_TRANSLATE_NOOP("capstan::Action", "Suspend"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Running")},
    {ActionKind::CancelKeepState, "CancelKeepState", QT_TRANSLATE_NOOP("capstan::Action", "Cancel and Keep State"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Keep State"), QT_TRANSLATE_NOOP("capstan::Action", "Ca&ncel"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+K"), "cancelKeepStateAction", "cancelKeepState", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "stop last-state checkpoint"),
     QT_TRANSLATE_NOOP("capstan::Action", "Cancel and Keep State"),
     QT_TRANSLATE_NOOP("capstan::Action", "Keep Running")},
    {ActionKind::CancelDiscardState, "CancelDiscardState",
     QT_TRANSLATE_NOOP("capstan::Action", "Cancel and Discard State"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Discard State"), QT_TRANSLATE_NOOP("capstan::Action", "Ca&ncel"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+D"), "cancelDiscardStateAction", "cancelDiscardState", true, true,
     QT_TRANSLATE_NOOP("capstan::Action", "stop stateless"),
     QT_TRANSLATE_NOOP("capstan::Action", "Cancel and Discard State"),
     QT_TRANSLATE_NOOP("capstan::Action", "Keep Running")},
    {ActionKind::Start, "Start", QT_TRANSLATE_NOOP("capstan::Action", "Start"),
     QT_TRANSLATE_NOOP("capstan::Action", "S&tart"), nullptr, QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+T"),
     "startAction", "start", false, true, QT_TRANSLATE_NOOP("capstan::Action", "resume run"),
     QT_TRANSLATE_NOOP("capstan::Action", "Start"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Suspended")},
    {ActionKind::Restart, "Restart", QT_TRANSLATE_NOOP("capstan::Action", "Restart"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Restart"), nullptr, QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+R"),
     "restartAction", "restart", false, true, QT_TRANSLATE_NOOP("capstan::Action", "restartNonce"),
     QT_TRANSLATE_NOOP("capstan::Action", "Restart"), QT_TRANSLATE_NOOP("capstan::Action", "Leave Job As Is")},
    {ActionKind::RollbackToStable, "RollbackToStable",
     QT_TRANSLATE_NOOP("capstan::Action", "Roll Back to Last Stable Spec"),
     QT_TRANSLATE_NOOP("capstan::Action", "Roll &Back to Last Stable Spec"), nullptr,
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+B"), "rollbackToStableAction", "rollbackToStable", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "rollback revert undo"), QT_TRANSLATE_NOOP("capstan::Action", "Roll Back"),
     QT_TRANSLATE_NOOP("capstan::Action", "Keep Current Spec")},
    {ActionKind::RollbackToSnapshot, "RollbackToSnapshot",
     QT_TRANSLATE_NOOP("capstan::Action", "Roll Back to Snapshot"),
     QT_TRANSLATE_NOOP("capstan::Action", "Roll Back to This &Snapshot…"), nullptr, nullptr, "rollbackToSnapshotAction",
     nullptr, false, false, QT_TRANSLATE_NOOP("capstan::Action", "rollback restore"),
     QT_TRANSLATE_NOOP("capstan::Action", "Roll Back"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Current Spec")},
    {ActionKind::DeleteSnapshot, "DeleteSnapshot", QT_TRANSLATE_NOOP("capstan::Action", "Delete Snapshot"),
     QT_TRANSLATE_NOOP("capstan::Action", "De&lete Snapshot…"), nullptr, nullptr, "deleteSnapshotAction",
     "deleteSnapshot", true, false, QT_TRANSLATE_NOOP("capstan::Action", "remove dispose savepoint checkpoint"),
     QT_TRANSLATE_NOOP("capstan::Action", "Delete Snapshot"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Snapshot")},
    // The operator's autoscaler, in a submenu of its own: turned on (advisory at first), switched between
    // recommending and scaling, turned off, and its collected state reset.
    {ActionKind::EnableAutoscaler, "EnableAutoscaler", QT_TRANSLATE_NOOP("capstan::Action", "Enable Autoscaler"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Enable"), QT_TRANSLATE_NOOP("capstan::Action", "&Autoscaler"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Alt+E"), "enableAutoscalerAction", "enableAutoscaler", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "autoscaler scaling turn on advisory recommend"),
     QT_TRANSLATE_NOOP("capstan::Action", "Enable Autoscaler"), QT_TRANSLATE_NOOP("capstan::Action", "Leave It Off")},
    {ActionKind::AutoscalerAdvisory, "AutoscalerAdvisory",
     QT_TRANSLATE_NOOP("capstan::Action", "Switch Autoscaler to Advisory"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ad&visory (Recommend Only)"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Autoscaler"), QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Alt+R"),
     "autoscalerAdvisoryAction", "autoscalerAdvisory", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "autoscaler scaling advisory recommend"),
     QT_TRANSLATE_NOOP("capstan::Action", "Recommend Only"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Scaling")},
    {ActionKind::AutoscalerActive, "AutoscalerActive",
     QT_TRANSLATE_NOOP("capstan::Action", "Switch Autoscaler to Active"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ac&tive (Scale the Job)"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Autoscaler"), QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Alt+S"),
     "autoscalerActiveAction", "autoscalerActive", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "autoscaler scaling active rescale"),
     QT_TRANSLATE_NOOP("capstan::Action", "Let It Scale"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Recommending")},
    {ActionKind::DisableAutoscaler, "DisableAutoscaler", QT_TRANSLATE_NOOP("capstan::Action", "Disable Autoscaler"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Disable"), QT_TRANSLATE_NOOP("capstan::Action", "&Autoscaler"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Alt+X"), "disableAutoscalerAction", "disableAutoscaler", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "autoscaler scaling turn off"),
     QT_TRANSLATE_NOOP("capstan::Action", "Disable Autoscaler"), QT_TRANSLATE_NOOP("capstan::Action", "Keep It On")},
    {ActionKind::ResetAutoscaler, "ResetAutoscaler", QT_TRANSLATE_NOOP("capstan::Action", "Reset Autoscaler"),
     QT_TRANSLATE_NOOP("capstan::Action", "&Reset"), QT_TRANSLATE_NOOP("capstan::Action", "&Autoscaler"),
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Alt+A"), "resetAutoscalerAction", "resetAutoscaler", false, true,
     QT_TRANSLATE_NOOP("capstan::Action", "autoscaler scaling reset nonce autoscalerResetNonce"),
     QT_TRANSLATE_NOOP("capstan::Action", "Reset Autoscaler"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Its State")},
    {ActionKind::Delete, "Delete", QT_TRANSLATE_NOOP("capstan::Action", "Delete"),
     QT_TRANSLATE_NOOP("capstan::Action", "De&lete…"), nullptr, QT_TRANSLATE_NOOP("capstan::Action", "Shift+Del"),
     "deleteAction", "delete", true, true, QT_TRANSLATE_NOOP("capstan::Action", "remove"),
     QT_TRANSLATE_NOOP("capstan::Action", "Delete"), QT_TRANSLATE_NOOP("capstan::Action", "Keep Deployment")},
    {ActionKind::Create, "Create", QT_TRANSLATE_NOOP("capstan::Action", "New Deployment"),
     QT_TRANSLATE_NOOP("capstan::Action", "New &Deployment…"), nullptr,
     QT_TRANSLATE_NOOP("capstan::Action", "Ctrl+Shift+N"), "newDeploymentAction", nullptr, false, false,
     QT_TRANSLATE_NOOP("capstan::Action", "create add"), nullptr, nullptr},
};

} // namespace

QString ActionDescriptor::name() const
{
    return translated(nameSource);
}

QString ActionDescriptor::menuText() const
{
    return translated(menuSource);
}

QString ActionDescriptor::submenuText() const
{
    return translated(submenuSource);
}

QString ActionDescriptor::shortcut() const
{
    // Translated, like every shortcut of the menus, so that a language may move a key.
    return translated(shortcutSource);
}

QString ActionDescriptor::paletteWords() const
{
    return translated(paletteWordsSource);
}

QString ActionDescriptor::confirmText() const
{
    return translated(confirmSource);
}

QString ActionDescriptor::declineText() const
{
    return translated(declineSource);
}

const ActionDescriptor &ActionDescriptor::of(ActionKind kind)
{
    for (const ActionDescriptor &d : kDescriptors) {
        if (d.kind == kind)
            return d;
    }
    Q_UNREACHABLE();
}

const ActionDescriptor *ActionDescriptor::find(const QString &key)
{
    for (const ActionDescriptor &d : kDescriptors) {
        if (key == QLatin1String(d.key))
            return &d;
    }
    return nullptr;
}

const QList<ActionKind> &ActionDescriptor::all()
{
    static const QList<ActionKind> kinds = [] {
        QList<ActionKind> out;
        for (const ActionDescriptor &d : kDescriptors)
            out << d.kind;
        return out;
    }();
    return kinds;
}

QList<ActionKind> ActionDescriptor::deploymentActions()
{
    QList<ActionKind> out;
    for (const ActionDescriptor &d : kDescriptors) {
        if (d.perDeployment)
            out << d.kind;
    }
    return out;
}

Availability availability(ActionKind kind, const Deployment &d)
{
    const auto no = [](const char *source) { return Availability{false, translated(source)}; };
    const bool job = !d.sessionCluster;
    if (d.platform == Deployment::Platform::Ververica) {
        // The platform changes a deployment by its desired state; what it means is the platform's.
        const bool meantToRun = d.desiredState == QLatin1String("running");
        switch (kind) {
        case ActionKind::Start:
            if (meantToRun)
                return no(QT_TRANSLATE_NOOP("capstan::Action", "The deployment is already meant to run."));
            return {};
        case ActionKind::Configure:
            return {};
        case ActionKind::Suspend:
        case ActionKind::CancelKeepState:
            if (!meantToRun)
                return no(QT_TRANSLATE_NOOP("capstan::Action", "The deployment is not meant to run."));
            return {};
        case ActionKind::Savepoint:
            if (d.jobState != QLatin1String("RUNNING"))
                return no(QT_TRANSLATE_NOOP("capstan::Action", "The job is not running."));
            return {};
        case ActionKind::Delete:
            // One meant to run is cancelled first (the review says so); one still stopping is waited for.
            if (!meantToRun && d.lifecycleState != QLatin1String("CANCELLED")
                && d.lifecycleState != QLatin1String("SUSPENDED"))
                return no(QT_TRANSLATE_NOOP("capstan::Action",
                                            "Ververica Platform deletes only cancelled or suspended deployments: "
                                            "wait until it has stopped."));
            return {};
        case ActionKind::RollbackToSnapshot:
            // Started from the savepoint; a running job would have to stop first, which the user chooses.
            if (meantToRun)
                return no(QT_TRANSLATE_NOOP("capstan::Action",
                                            "Ververica Platform starts a deployment from a chosen savepoint only "
                                            "when it is not meant to run: suspend or cancel it first."));
            return {};
        default:
            return no(QT_TRANSLATE_NOOP("capstan::Action",
                                        "Not available for Ververica Platform deployments in "
                                        "this version of Capstan: use the platform's own UI."));
        }
    }
    if (d.kind == ResourceKind::FlinkBlueGreenDeployment) {
        // The operator changes a blue/green deployment only through its template (a transition to the
        // other child) or deletes it; everything else is done to the child that runs the job.
        if (kind == ActionKind::Configure || kind == ActionKind::Delete)
            return {};
        if (kind == ActionKind::DeleteSnapshot)
            return {};
        return no(QT_TRANSLATE_NOOP("capstan::Action",
                                    "A blue/green deployment changes only through its template (Configure "
                                    "Deployment starts a transition): open its active child deployment for this."));
    }
    switch (kind) {
    case ActionKind::Checkpoint:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no job to checkpoint."));
        if (!d.checkpointsEnabled)
            return no(QT_TRANSLATE_NOOP("capstan::Action",
                                        "Checkpoints are not configured for this job (state.checkpoints.dir)."));
        if (d.failure.failing)
            return no(
                QT_TRANSLATE_NOOP("capstan::Action", "A checkpoint cannot be taken from a job in a restart loop."));
        if (d.jobState != QLatin1String("RUNNING"))
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The job is not running."));
        return {};
    case ActionKind::Savepoint:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no job to take a savepoint of."));
        if (d.failure.failing)
            return no(
                QT_TRANSLATE_NOOP("capstan::Action", "A savepoint cannot be taken from a job in a restart loop."));
        if (d.jobState != QLatin1String("RUNNING"))
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The job is not running."));
        return {};
    case ActionKind::Suspend:
    case ActionKind::CancelKeepState:
    case ActionKind::CancelDiscardState:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no job to stop."));
        if (d.suspended())
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The deployment is already suspended."));
        if (kind == ActionKind::CancelKeepState && !d.haEnabled)
            return no(QT_TRANSLATE_NOOP("capstan::Action",
                                        "Keeping the latest state needs Kubernetes HA (high-availability.type: "
                                        "kubernetes): without it there is no checkpoint to restore from."));
        if (kind == ActionKind::CancelKeepState && !d.checkpointsEnabled)
            return no(QT_TRANSLATE_NOOP("capstan::Action",
                                        "Keeping the latest state needs checkpoints (execution.checkpointing.interval "
                                        "and state.checkpoints.dir)."));
        return {};
    case ActionKind::Start:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no job to start."));
        if (!d.suspended())
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The deployment is not suspended."));
        return {};
    case ActionKind::Restart:
        // restartNonce restarts a session cluster too; a suspended job is started instead.
        if (d.suspended())
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A suspended deployment cannot be restarted; start it."));
        return {};
    case ActionKind::RollbackToStable:
        if (!d.hasLastStableSpec)
            return no(QT_TRANSLATE_NOOP("capstan::Action",
                                        "The operator has recorded no stable spec yet, so there is nothing to roll "
                                        "back to."));
        return {};
    case ActionKind::RollbackToSnapshot:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no job state to restore."));
        return {};
    case ActionKind::DeleteSnapshot:
        return {}; // which snapshot may go is the plan's to say (SnapshotRetention::protectionReason)
    case ActionKind::ResetAutoscaler:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no autoscaler."));
        if (!d.autoscalerConfigured)
            return no(QT_TRANSLATE_NOOP("capstan::Action",
                                        "The autoscaler is not configured for this deployment, so it has no state "
                                        "to reset."));
        return {};
    case ActionKind::EnableAutoscaler:
        if (!job)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "A session cluster has no autoscaler."));
        if (d.autoscaler != AutoscalerConfig::Mode::Off)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The autoscaler is already enabled."));
        return {};
    case ActionKind::DisableAutoscaler:
        if (d.autoscaler == AutoscalerConfig::Mode::Off)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The autoscaler is not enabled."));
        return {};
    case ActionKind::AutoscalerAdvisory:
    case ActionKind::AutoscalerActive: {
        // Each switches between the two modes of an enabled autoscaler, towards its own.
        const bool toActive = kind == ActionKind::AutoscalerActive;
        if (d.autoscaler == (toActive ? AutoscalerConfig::Mode::Active : AutoscalerConfig::Mode::Advisory))
            return no(toActive ? QT_TRANSLATE_NOOP("capstan::Action", "The autoscaler is already active.")
                               : QT_TRANSLATE_NOOP("capstan::Action",
                                                   "The autoscaler is already advisory: it only recommends."));
        if (d.autoscaler == AutoscalerConfig::Mode::Off)
            return no(QT_TRANSLATE_NOOP("capstan::Action", "The autoscaler is not enabled: enable it first."));
        return {};
    }
    case ActionKind::Configure:
    case ActionKind::Create:
    case ActionKind::Delete:
        return {};
    }
    return {};
}

} // namespace capstan
