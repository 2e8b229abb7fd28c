#include "flink/deployment.h"

#include "flink/flinkconfiguration.h"

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

    const QJsonObject spec = obj(object, "spec");
    d.flinkVersion = str(spec, "flinkVersion");
    d.image = str(spec, "image");
    const QJsonValue job = spec.value(QLatin1String("job"));
    d.sessionCluster = !job.isObject();
    if (job.isObject()) {
        const QJsonObject j = job.toObject();
        d.desiredState = str(j, "state");
        if (d.desiredState.isEmpty())
            d.desiredState = QStringLiteral("running");
        d.upgradeMode = str(j, "upgradeMode");
        if (d.upgradeMode.isEmpty())
            d.upgradeMode = QStringLiteral("stateless");
        d.parallelism = j.value(QLatin1String("parallelism")).toInt();
    }

    const QJsonObject status = obj(object, "status");
    d.lifecycleState = str(status, "lifecycleState");
    d.jobManagerStatus = str(status, "jobManagerDeploymentStatus");
    d.observedGeneration = status.value(QLatin1String("observedGeneration")).toInteger();
    const QJsonObject jobStatus = obj(status, "jobStatus");
    d.jobState = str(jobStatus, "state");
    d.jobId = str(jobStatus, "jobId");
    d.error = str(status, "error");
    const qint64 startMs = jobStatus.value(QLatin1String("startTime")).toString().toLongLong();
    if (startMs > 0)
        d.jobStartTime = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    const FlinkConfiguration configuration(spec);
    d.haEnabled = configuration.kubernetesHa();
    d.checkpointsEnabled = configuration.checkpointsEnabled();
    d.hasLastStableSpec = !str(obj(status, "reconciliationStatus"), "lastStableSpec").isEmpty();
    return d;
}

DisplayState Deployment::displayState() const
{
    const QString job = jobState.toUpper();
    if (lifecycleState == QLatin1String("FAILED") || job == QLatin1String("FAILED") || job == QLatin1String("FAILING"))
        return DisplayState::Failed;
    // While the operator upgrades, rolls back or deletes, the old job's end (FINISHED after a
    // stop-with-savepoint, CANCELED) is a step of the transition, not the deployment's state.
    if (lifecycleState == QLatin1String("UPGRADING") || lifecycleState == QLatin1String("ROLLING_BACK")
        || lifecycleState == QLatin1String("DELETING"))
        return DisplayState::Transitioning;
    if (lifecycleState == QLatin1String("SUSPENDED"))
        return DisplayState::Suspended;
    if (job == QLatin1String("CANCELED") || job == QLatin1String("CANCELLING"))
        return desiredState == QLatin1String("suspended") ? DisplayState::Suspended : DisplayState::Cancelled;
    if (job == QLatin1String("FINISHED"))
        return DisplayState::Finished;
    if (lifecycleState == QLatin1String("UPGRADING") || lifecycleState == QLatin1String("DEPLOYED")
        || lifecycleState == QLatin1String("CREATED") || lifecycleState == QLatin1String("ROLLING_BACK")
        || lifecycleState == QLatin1String("DELETING") || job == QLatin1String("RECONCILING")
        || job == QLatin1String("CREATED") || job == QLatin1String("INITIALIZING")
        || job == QLatin1String("RESTARTING"))
        return DisplayState::Transitioning;
    if (job == QLatin1String("RUNNING") || (sessionCluster && jobManagerStatus == QLatin1String("READY")))
        return DisplayState::Running;
    if (lifecycleState.isEmpty() && job.isEmpty())
        return DisplayState::Transitioning; // not reconciled yet
    return DisplayState::Unknown;
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

} // namespace capstan
