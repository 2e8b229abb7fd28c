#include "flink/deployment.h"

#include "flink/deploymentstatus.h"
#include "flink/flinkconfiguration.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace capstan {

namespace {
QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

Deployment Deployment::fromJson(const QJsonObject &object)
{
    Deployment d;
    const QJsonObject metadata = obj(object, "metadata");
    d.uid = str(metadata, "uid");
    d.name = str(metadata, "name");
    d.ns = str(metadata, "namespace");
    d.resourceVersion = str(metadata, "resourceVersion");
    d.generation = metadata.value(QLatin1String("generation")).toInteger();
    d.created = QDateTime::fromString(str(metadata, "creationTimestamp"), Qt::ISODate);

    d.kind = resourceKindFromName(str(object, "kind"));
    // A blue/green deployment's job is that of the FlinkDeployment spec it hands to its children.
    const QJsonObject spec = editableSpec(object);
    d.sessionClusterName = d.kind == ResourceKind::FlinkSessionJob ? str(spec, "deploymentName") : QString();
    d.flinkVersion = str(spec, "flinkVersion");
    d.image = str(spec, "image");
    const QJsonValue job = spec.value(QLatin1String("job"));
    d.sessionCluster = d.kind == ResourceKind::FlinkDeployment && !job.isObject();
    if (job.isObject()) {
        const QJsonObject j = job.toObject();
        d.desiredState = str(j, "state").toLower();
        if (d.desiredState.isEmpty())
            d.desiredState = QStringLiteral("running");
        d.upgradeMode = str(j, "upgradeMode");
        if (d.upgradeMode.isEmpty())
            d.upgradeMode = QStringLiteral("stateless");
        d.parallelism = std::max(0, j.value(QLatin1String("parallelism")).toVariant().toInt());
        d.initialSavepointPath = str(j, "initialSavepointPath");
    }

    const FlinkConfiguration configuration(spec);
    d.haEnabled = configuration.kubernetesHa();
    d.checkpointsEnabled = configuration.checkpointsEnabled();
    const AutoscalerConfig autoscaler = AutoscalerConfig::fromSpec(spec);
    d.autoscaler = d.sessionCluster ? AutoscalerConfig::Mode::Off : autoscaler.mode();
    d.autoscalerConfigured = !d.sessionCluster && autoscaler.configured();

    const DeploymentStatus status = DeploymentStatus::fromJson(object.value(QLatin1String("status")), spec);
    d.lifecycleState = status.lifecycleState;
    d.lifecycleDerived = status.lifecycleDerived;
    d.jobManagerStatus = status.jobManagerStatus;
    d.observedGeneration = status.observedGeneration;
    d.jobState = status.jobState;
    d.jobId = status.jobId;
    d.error = status.error;
    d.errorMessage = status.errorMessage;
    d.jobStartTime = status.jobStartTime;
    d.hasLastStableSpec = status.hasLastStableSpec;
    d.statusSnapshot = status.lastSnapshot;
    d.lastSnapshot = status.lastSnapshot;
    if (d.kind == ResourceKind::FlinkBlueGreenDeployment) {
        // Its status has no lifecycle: the blue/green state says where it is, the job status is the
        // active child's. What DeploymentStatus derived from the missing fields would mislead.
        d.blueGreenState = str(obj(object, "status"), "blueGreenState");
        d.lifecycleState.clear();
        d.lifecycleDerived = false;
        d.jobManagerStatus.clear();
    }

    // A FlinkBlueGreenDeployment (operator 1.12+) owns the deployments it switches between.
    const QJsonArray owners = metadata.value(QLatin1String("ownerReferences")).toArray();
    QJsonObject owner;
    for (const QJsonValue &v : owners) {
        const QJsonObject o = v.toObject();
        if (owner.isEmpty() || o.value(QLatin1String("controller")).toBool())
            owner = o;
    }
    d.ownerKind = str(owner, "kind");
    d.ownerName = str(owner, "name");
    return d;
}

QJsonObject Deployment::editableSpec(const QJsonObject &object)
{
    const QJsonObject spec = obj(object, "spec");
    if (resourceKindFromName(str(object, "kind")) == ResourceKind::FlinkBlueGreenDeployment)
        return obj(obj(spec, "template"), "spec");
    return spec;
}

DisplayState Deployment::displayState() const
{
    const QString &lifecycle = lifecycleState;
    const QString &jm = jobManagerStatus;
    if (platform == Platform::Ververica) {
        // The platform states the deployment's state in its own words, the same words shown here.
        static const QHash<QString, DisplayState> words{{QStringLiteral("RUNNING"), DisplayState::Running},
                                                        {QStringLiteral("TRANSITIONING"), DisplayState::Transitioning},
                                                        {QStringLiteral("SUSPENDED"), DisplayState::Suspended},
                                                        {QStringLiteral("CANCELLED"), DisplayState::Cancelled},
                                                        {QStringLiteral("FAILED"), DisplayState::Failed},
                                                        {QStringLiteral("FINISHED"), DisplayState::Finished}};
        return words.value(lifecycle, DisplayState::Unknown);
    }
    const auto is = [](const QString &value, std::initializer_list<const char *> words) {
        return std::any_of(words.begin(), words.end(), [&value](const char *w) { return value == QLatin1String(w); });
    };
    if (sessionCluster) {
        // A session cluster has no job of its own: a job state in its status is left over from an
        // earlier life (an application cluster turned session, or a job the operator once observed).
        // Its state follows its JobManager and the lifecycle.
        if (jm == QLatin1String("ERROR"))
            return DisplayState::Failed;
        if (lifecycle == QLatin1String("FAILED") && !(jm == QLatin1String("READY") && errorMessage.isEmpty()))
            return DisplayState::Failed;
        if (is(lifecycle, {"UPGRADING", "ROLLING_BACK", "DELETING", "CREATED"}))
            return DisplayState::Transitioning;
        if (lifecycle == QLatin1String("SUSPENDED"))
            return DisplayState::Suspended;
        if (jm == QLatin1String("READY"))
            return DisplayState::Running;
        return DisplayState::Transitioning; // MISSING, DEPLOYING, DEPLOYED_NOT_READY, or not yet written
    }
    if (kind == ResourceKind::FlinkBlueGreenDeployment) {
        // Between two actives (INITIALIZING_BLUE, SAVEPOINTING_*, TRANSITIONING_TO_*) it is on its
        // way; once active, it is what the active child's job is.
        if (!blueGreenState.startsWith(QLatin1String("ACTIVE_")))
            return DisplayState::Transitioning;
        if (jobState == QLatin1String("FAILED") || jobState == QLatin1String("FAILING"))
            return DisplayState::Failed;
        if (jobState == QLatin1String("RUNNING"))
            return DisplayState::Running;
        if (jobState == QLatin1String("FINISHED"))
            return DisplayState::Finished;
        if (jobState == QLatin1String("SUSPENDED") || suspended())
            return DisplayState::Suspended;
        return DisplayState::Transitioning;
    }
    const QString &job = jobState;
    if (lifecycle == QLatin1String("FAILED") || job == QLatin1String("FAILED") || job == QLatin1String("FAILING"))
        return DisplayState::Failed;
    // While the operator upgrades, rolls back or deletes, the old job's end (FINISHED after a
    // stop-with-savepoint, CANCELED) is a step of the transition, not the deployment's state.
    if (is(lifecycle, {"UPGRADING", "ROLLING_BACK", "DELETING", "DELETED"}))
        return DisplayState::Transitioning;
    if (lifecycle == QLatin1String("SUSPENDED") || job == QLatin1String("SUSPENDED"))
        return DisplayState::Suspended;
    if (job == QLatin1String("CANCELED") || job == QLatin1String("CANCELLING"))
        return suspended() ? DisplayState::Suspended : DisplayState::Cancelled;
    if (job == QLatin1String("FINISHED"))
        return DisplayState::Finished;
    if (is(lifecycle, {"DEPLOYED", "CREATED"}) || is(job, {"RECONCILING", "CREATED", "INITIALIZING", "RESTARTING"}))
        return DisplayState::Transitioning;
    if (job == QLatin1String("RUNNING"))
        return DisplayState::Running;
    // A job state this release of Capstan does not know, or none yet: the operator has not settled.
    return DisplayState::Transitioning;
}

QString Deployment::displayStateName(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return QStringLiteral("Running");
    case DisplayState::Transitioning:
        return QStringLiteral("Transitioning");
    case DisplayState::Suspended:
        return QStringLiteral("Suspended");
    case DisplayState::Cancelled:
        return QStringLiteral("Cancelled");
    case DisplayState::Failed:
        return QStringLiteral("Failed");
    case DisplayState::Finished:
        return QStringLiteral("Finished");
    case DisplayState::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

Deployment Deployment::decorated(Deployment deployment, const FailureStatus &failure,
                                 const SnapshotRef &newestResourceSnapshot)
{
    deployment.failure = failure;
    deployment.lastSnapshot = SnapshotRef::newer(deployment.statusSnapshot, newestResourceSnapshot);
    return deployment;
}

QJsonObject Deployment::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    QJsonObject owner;
    if (!ownerName.isEmpty())
        owner = {{QStringLiteral("kind"), ownerKind}, {QStringLiteral("name"), ownerName}};
    return {{QStringLiteral("name"), name},
            {QStringLiteral("kind"), resourceKindName(kind)},
            {QStringLiteral("namespace"), ns},
            {QStringLiteral("uid"), uid},
            {QStringLiteral("state"), displayStateName(displayState())},
            {QStringLiteral("jobState"), sessionCluster ? QJsonValue() : orNull(jobState)},
            {QStringLiteral("sessionCluster"), sessionCluster},
            {QStringLiteral("failing"), failure.failing},
            {QStringLiteral("failingReason"), failure.failing ? orNull(failure.rootCause) : QJsonValue()},
            {QStringLiteral("error"), orNull(errorMessage)},
            {QStringLiteral("parallelism"), parallelism > 0 ? QJsonValue(parallelism) : QJsonValue()},
            {QStringLiteral("upgradeMode"), orNull(upgradeMode)},
            {QStringLiteral("flinkVersion"), orNull(flinkVersion)},
            {QStringLiteral("lastSnapshot"), lastSnapshot.isValid() ? QJsonValue(lastSnapshot.toJson()) : QJsonValue()},
            {QStringLiteral("owner"), owner.isEmpty() ? QJsonValue() : QJsonValue(owner)}};
}

} // namespace capstan
