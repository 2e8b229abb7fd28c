#include "actions/actionplan.h"

#include "vvp/vvpobjects.h"

#include "actions/actiondescriptor.h"
#include "flink/autoscalerconfig.h"
#include "flink/deployment.h"
#include "flink/snapshotretention.h"
#include "json/jsontools.h"

#include <QJsonDocument>
#include <QStringList>

namespace capstan {

namespace {

const QLatin1String kSpec("spec");
const QLatin1String kJob("job");
const QLatin1String kState("state");
const QLatin1String kUpgradeMode("upgradeMode");
const QLatin1String kRestartNonce("restartNonce");
const QLatin1String kRedeployNonce("savepointRedeployNonce");
const QLatin1String kInitialSavepointPath("initialSavepointPath");
const QLatin1String kAutoscalerResetNonce("autoscalerResetNonce");
const QLatin1String kFlinkConfiguration("flinkConfiguration");

QJsonObject jobOf(const QJsonObject &spec)
{
    return spec.value(kJob).toObject();
}

qint64 nonceOf(const QJsonObject &spec, bool redeploy)
{
    return redeploy ? jobOf(spec).value(kRedeployNonce).toInteger(0) : spec.value(kRestartNonce).toInteger(0);
}

// The fields a rollback never takes from an old spec: every nonce (a nonce written back would
// re-trigger or hide an operator action), the desired job state and the upgrade mode.
const QStringList &keptJobFields()
{
    static const QStringList fields{QStringLiteral("savepointRedeployNonce"),
                                    QStringLiteral("savepointTriggerNonce"),
                                    QStringLiteral("checkpointTriggerNonce"),
                                    QStringLiteral("autoscalerResetNonce"),
                                    QStringLiteral("state"),
                                    QStringLiteral("upgradeMode")};
    return fields;
}

QJsonObject keepCurrentFields(QJsonObject target, const QJsonObject &current, bool keepInitialSavepointPath)
{
    if (current.contains(kRestartNonce))
        target.insert(kRestartNonce, current.value(kRestartNonce));
    else
        target.remove(kRestartNonce);
    if (!target.contains(kJob) || !current.contains(kJob))
        return target;
    QJsonObject job = jobOf(target);
    const QJsonObject currentJob = jobOf(current);
    QStringList fields = keptJobFields();
    if (keepInitialSavepointPath)
        fields << QString(kInitialSavepointPath);
    for (const QString &field : std::as_const(fields)) {
        if (currentJob.contains(field))
            job.insert(field, currentJob.value(field));
        else
            job.remove(field);
    }
    target.insert(kJob, job);
    return target;
}

// A user's merge patch may only move a nonce forward: older or removed values are dropped, so the
// server keeps its current one.
QJsonObject dropStaleNonces(QJsonObject patch, const QJsonObject &current)
{
    const QJsonValue restart = patch.value(kRestartNonce);
    if (!restart.isUndefined() && !(restart.isDouble() && restart.toInteger() > nonceOf(current, false)))
        patch.remove(kRestartNonce);
    if (patch.value(kJob).isObject()) {
        QJsonObject job = patch.value(kJob).toObject();
        const QJsonValue redeploy = job.value(kRedeployNonce);
        if (!redeploy.isUndefined() && !(redeploy.isDouble() && redeploy.toInteger() > nonceOf(current, true)))
            job.remove(kRedeployNonce);
        if (job.isEmpty())
            patch.remove(kJob);
        else
            patch.insert(kJob, job);
    }
    return patch;
}

QJsonObject jobPatch(std::initializer_list<std::pair<QLatin1String, QJsonValue>> fields)
{
    QJsonObject job;
    for (const auto &field : fields)
        job.insert(field.first, field.second);
    return QJsonObject{{QString(kJob), job}};
}

// The operator records the whole spec it saw: unset fields as null, and empty lists and maps where the
// user wrote nothing. Neither is a change: what the current spec leaves out stays out.
QJsonObject withoutUnsetFields(const QJsonObject &recorded, const QJsonObject &current)
{
    QJsonObject out;
    for (auto it = recorded.begin(); it != recorded.end(); ++it) {
        const QJsonValue value = it.value();
        const QJsonValue mine = current.value(it.key());
        if (value.isNull())
            continue;
        if (value.isObject()) {
            const QJsonObject inner = withoutUnsetFields(value.toObject(), mine.toObject());
            if (inner.isEmpty() && mine.isUndefined())
                continue;
            out.insert(it.key(), inner);
        } else if (value.isArray() && value.toArray().isEmpty() && mine.isUndefined()) {
            continue;
        } else {
            out.insert(it.key(), value);
        }
    }
    return out;
}

// The autoscaler's switches: options in flinkConfiguration, each under the spelling the spec already
// uses for it (job.autoscaler.* or the legacy kubernetes.operator.job.autoscaler.*), so that the
// operator reads the key that changed rather than an older one beside it.
ActionPlan planAutoscalerSwitch(ActionKind kind, const QJsonObject &spec)
{
    const AutoscalerConfig config = AutoscalerConfig::fromSpec(spec);
    const QString scaling = QStringLiteral("scaling.enabled");
    QJsonObject conf;
    switch (kind) {
    case ActionKind::AutoscalerAdvisory:
        conf.insert(config.keyFor(scaling), QStringLiteral("false"));
        break;
    case ActionKind::AutoscalerActive:
        conf.insert(config.keyFor(scaling), QStringLiteral("true"));
        break;
    case ActionKind::EnableAutoscaler: {
        conf.insert(config.keyFor(QStringLiteral("enabled")), QStringLiteral("true"));
        // A first enable only recommends: the user reads its recommendations, then switches it to
        // Active. A spec that says how it should scale keeps its own choice.
        const QJsonObject &current = config.flinkConfiguration();
        if (!current.contains(AutoscalerConfig::kPrefix + scaling)
            && !current.contains(AutoscalerConfig::kLegacyPrefix + scaling))
            conf.insert(config.keyFor(scaling), QStringLiteral("false"));
        break;
    }
    case ActionKind::DisableAutoscaler:
        conf.insert(config.keyFor(QStringLiteral("enabled")), QStringLiteral("false"));
        break;
    default:
        break;
    }
    ActionPlan p;
    p.patch = QJsonObject{{QString(kFlinkConfiguration), conf}};
    p.nothingToDo = json::createMergePatch(spec, p.specAfter(spec)).isEmpty();
    return p;
}

ActionPlan planRollbackToStable(const ActionRequest &request, const QJsonObject &object)
{
    ActionPlan p;
    const QString stable = object.value(QLatin1String("status"))
                               .toObject()
                               .value(QLatin1String("reconciliationStatus"))
                               .toObject()
                               .value(QLatin1String("lastStableSpec"))
                               .toString();
    const QJsonObject current = object.value(kSpec).toObject();
    const QJsonObject stableSpec
        = withoutUnsetFields(QJsonDocument::fromJson(stable.toUtf8()).object().value(kSpec).toObject(), current);
    if (stableSpec.isEmpty()) {
        // The availability rule saw one recorded (hasLastStableSpec); here it does not read as a spec.
        p.refusal = ActionPlan::tr("The last stable spec the operator recorded for %1 does not read as a spec, so "
                                   "there is nothing to roll back to.")
                        .arg(request.name);
        return p;
    }
    p.patch = json::createMergePatch(current, keepCurrentFields(stableSpec, current, true));
    p.nothingToDo = p.patch.isEmpty();
    return p;
}

ActionPlan planRollbackToSnapshot(const ActionRequest &request, const QJsonObject &object, const SpecRevision &revision)
{
    ActionPlan p;
    const QJsonObject current = object.value(kSpec).toObject();
    QJsonObject target = current;
    if (!revision.spec.isEmpty() && revision.spec.contains(kJob)) {
        target = keepCurrentFields(revision.spec, current, false);
        p.note = revision.generation >= 0
            ? ActionPlan::tr("configuration of generation %1 (live when the snapshot was taken) restored")
                  .arg(revision.generation)
            : ActionPlan::tr("configuration live when the snapshot was taken restored");
    } else {
        p.note = ActionPlan::tr("the configuration live when the snapshot was taken is unknown: only the state is "
                                "restored, the current configuration is kept");
    }
    QJsonObject job = jobOf(target);
    job.insert(kInitialSavepointPath, request.snapshotPath);
    job.insert(kRedeployNonce, nonceOf(current, true) + 1);
    target.insert(kJob, job);
    p.patch = json::createMergePatch(current, target);
    return p;
}

} // namespace

QJsonObject ActionPlan::specAfter(const QJsonObject &currentSpec) const
{
    return json::applyMergePatch(currentSpec, patch).toObject();
}

bool ActionPlan::patchesSpec(ActionKind kind)
{
    return kind != ActionKind::Create && kind != ActionKind::Delete && kind != ActionKind::Savepoint
        && kind != ActionKind::Checkpoint && kind != ActionKind::DeleteSnapshot;
}

ActionPlan ActionPlan::make(const ActionRequest &request, const QJsonObject &current, const SpecRevision &revision)
{
    if (resourceKindFromName(current.value(QLatin1String("kind")).toString()) != ResourceKind::FlinkBlueGreenDeployment)
        return make(request, current, current.value(kSpec).toObject(), revision);
    // A blue/green deployment's job is its template's: the plan is made on the template's spec (which
    // Configure Deployment edits) and written below spec.template.
    const QJsonObject templateSpec
        = current.value(kSpec).toObject().value(QLatin1String("template")).toObject().value(kSpec).toObject();
    ActionPlan p = make(request, current, templateSpec, revision);
    if (!p.patch.isEmpty()) {
        p.note = blueGreenTransition(p.specAfter(templateSpec));
        p.patch = QJsonObject{{QStringLiteral("template"), QJsonObject{{QString(kSpec), p.patch}}}};
    }
    return p;
}

QString ActionPlan::blueGreenTransition(const QJsonObject &templateSpecAfter)
{
    const QString mode = jobOf(templateSpecAfter).value(QLatin1String("upgradeMode")).toString();
    if (mode == QLatin1String("savepoint") || mode == QLatin1String("last-state"))
        return tr("The operator takes a savepoint of the active child deployment, starts the other child from "
                  "it with this spec, and deletes the old child once the new one runs.");
    return tr("The operator starts the other child deployment with this spec, without state (upgrade mode "
              "stateless), and deletes the old child once the new one runs.");
}

ActionPlan ActionPlan::make(const ActionRequest &request, const QJsonObject &current, const QJsonObject &spec,
                            const SpecRevision &revision)
{
    ActionPlan p;
    // The rule the UI enables its controls by, held against the object as it is.
    const Availability available = availability(request.kind, VvpObjects::summaryOf(current));
    if (!available.available) {
        p.refusal = tr("%1 %2 was refused: %3")
                        .arg(ActionDescriptor::of(request.kind).name(), request.name, available.reason);
        return p;
    }
    if (VvpObjects::isPlatformDeployment(current)) {
        // Ververica Platform: an action sets the deployment's desired state, the platform does the rest.
        const QString state = request.kind == ActionKind::Start ? QStringLiteral("RUNNING")
            : request.kind == ActionKind::Suspend               ? QStringLiteral("SUSPENDED")
            : request.kind == ActionKind::CancelKeepState       ? QStringLiteral("CANCELLED")
                                                                : QString();
        if (!state.isEmpty())
            p.patch = QJsonObject{{QStringLiteral("state"), state}};
        if (request.kind == ActionKind::Configure) {
            p.patch = json::createMergePatch(request.baseSpec, request.newSpec);
            p.nothingToDo = p.patch.isEmpty();
        }
        if (request.kind == ActionKind::RollbackToSnapshot) {
            // The session copies the savepoint to the deployment first (the newest one then), which
            // LATEST_SAVEPOINT and LATEST_STATE restore; NONE would restore nothing.
            p.patch = QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")}};
            if (VvpObjects::deployment(current).restoreStrategy == QLatin1String("NONE"))
                p.patch.insert(QStringLiteral("restoreStrategy"),
                               QJsonObject{{QStringLiteral("kind"), QStringLiteral("LATEST_SAVEPOINT")}});
        }
        return p;
    }
    switch (request.kind) {
    case ActionKind::Configure:
        p.patch = dropStaleNonces(json::createMergePatch(request.baseSpec, request.newSpec), spec);
        p.nothingToDo = p.patch.isEmpty();
        return p;
    case ActionKind::RollbackToStable:
        return planRollbackToStable(request, current);
    case ActionKind::RollbackToSnapshot:
        return planRollbackToSnapshot(request, current, revision);
    case ActionKind::Suspend:
        p.patch = jobPatch({{kState, QStringLiteral("suspended")}});
        return p;
    case ActionKind::CancelDiscardState:
        p.patch = jobPatch({{kUpgradeMode, QStringLiteral("stateless")}, {kState, QStringLiteral("suspended")}});
        return p;
    case ActionKind::CancelKeepState:
        p.patch = jobPatch({{kUpgradeMode, QStringLiteral("last-state")}, {kState, QStringLiteral("suspended")}});
        return p;
    case ActionKind::Start:
        p.patch = jobPatch({{kState, QStringLiteral("running")}});
        return p;
    case ActionKind::Restart:
        p.patch = QJsonObject{{QString(kRestartNonce), nonceOf(spec, false) + 1}};
        p.note = QStringLiteral("restartNonce %1 → %2").arg(nonceOf(spec, false)).arg(nonceOf(spec, false) + 1);
        return p;
    case ActionKind::ResetAutoscaler: {
        // Absent counts as 0, as the operator reads it; any new value tells it to start over.
        const qint64 nonce = jobOf(spec).value(kAutoscalerResetNonce).toInteger(0);
        p.patch = jobPatch({{kAutoscalerResetNonce, nonce + 1}});
        p.note = QStringLiteral("autoscalerResetNonce %1 → %2").arg(nonce).arg(nonce + 1);
        return p;
    }
    case ActionKind::AutoscalerAdvisory:
    case ActionKind::AutoscalerActive:
    case ActionKind::EnableAutoscaler:
    case ActionKind::DisableAutoscaler:
        return planAutoscalerSwitch(request.kind, spec);
    case ActionKind::DeleteSnapshot: {
        Snapshot snapshot; // a resource when it has a name
        snapshot.name = request.snapshotName;
        snapshot.path = request.snapshotPath;
        if (const QString reason = SnapshotRetention::deletionRefusal(snapshot, current); !reason.isEmpty())
            p.refusal = tr("The snapshot %1 was not deleted: %2").arg(request.snapshotName, reason);
        return p;
    }
    case ActionKind::Delete:
    case ActionKind::Create:
    case ActionKind::Savepoint:
    case ActionKind::Checkpoint:
        break;
    }
    return p;
}

} // namespace capstan
