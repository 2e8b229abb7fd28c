#include "vvp/vvpobjects.h"

#include "vvp/vvpartifact.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace capstan {

namespace {

QDateTime time(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString text(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

} // namespace

QList<QJsonObject> VvpObjects::items(const QJsonObject &list)
{
    QList<QJsonObject> out;
    const QJsonArray array = list.value(QLatin1String("items")).toArray();
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (v.isObject())
            out.append(v.toObject());
    }
    return out;
}

bool VvpObjects::isFailureEvent(const QString &name)
{
    return name.startsWith(QLatin1String("FAILED_")) || name.startsWith(QLatin1String("TOO_MANY_FAILED"))
        || name.startsWith(QLatin1String("TRANSITIONING_TO_FAILED_STATE"))
        || name.startsWith(QLatin1String("TERMINATING_A_JOB_DUE_TO"))
        || name.startsWith(QLatin1String("AN_UN_RECOVERABLE_FAILURE"))
        || name == QLatin1String("RESOURCE_QUOTA_EXCEEDED") || name.contains(QLatin1String("JOB_FAILED"))
        || name.contains(QLatin1String("RESTART"));
}

bool VvpObjects::isPlatformDeployment(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment")
        && !object.value(QLatin1String("apiVersion")).toString().contains(QLatin1Char('/'));
}

Deployment VvpObjects::summaryOf(const QJsonObject &object)
{
    return isPlatformDeployment(object) ? deployment(object) : Deployment::fromJson(object);
}

Deployment VvpObjects::deployment(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const QJsonObject running = status.value(QLatin1String("running")).toObject();
    const QJsonObject templateSpec
        = spec.value(QLatin1String("template")).toObject().value(QLatin1String("spec")).toObject();
    const QJsonObject artifact = templateSpec.value(QLatin1String("artifact")).toObject();
    const QJsonObject configuration = templateSpec.value(QLatin1String("flinkConfiguration")).toObject();

    Deployment d;
    d.platform = Deployment::Platform::Ververica;
    d.uid = text(metadata.value(QLatin1String("id")));
    d.name = text(metadata.value(QLatin1String("name")));
    d.ns = text(metadata.value(QLatin1String("namespace")));
    const QJsonValue version = metadata.value(QLatin1String("resourceVersion"));
    d.resourceVersion = version.isDouble() ? QString::number(version.toInteger()) : text(version);
    d.created = time(metadata.value(QLatin1String("createdAt")));
    // The platform states its deployment's state itself; the job state is what it implies.
    d.lifecycleState = text(status.value(QLatin1String("state")));
    if (d.lifecycleState == QLatin1String("RUNNING") || d.lifecycleState == QLatin1String("FAILED")
        || d.lifecycleState == QLatin1String("FINISHED"))
        d.jobState = d.lifecycleState;
    d.jobId = text(running.value(QLatin1String("jobId")));
    d.jobStartTime = time(running.value(QLatin1String("transitionTime")));
    d.desiredState = text(spec.value(QLatin1String("state"))).toLower();
    d.upgradeMode = text(spec.value(QLatin1String("upgradeStrategy")).toObject().value(QLatin1String("kind")));
    d.restoreStrategy = text(spec.value(QLatin1String("restoreStrategy")).toObject().value(QLatin1String("kind")));
    d.parallelism = templateSpec.value(QLatin1String("parallelism")).toInt(0);
    d.flinkVersion = text(artifact.value(QLatin1String("flinkVersion")));
    d.image = VvpArtifact::image(artifact);
    d.sessionCluster = !text(spec.value(QLatin1String("sessionClusterName"))).isEmpty();
    // Ververica Platform's own Kubernetes HA ("vvp-kubernetes"), or Flink's.
    const QString ha = text(configuration.value(QLatin1String("high-availability")))
        + text(configuration.value(QLatin1String("high-availability.type")));
    d.haEnabled = ha.contains(QLatin1String("kubernetes"), Qt::CaseInsensitive);
    d.checkpointsEnabled = configuration.contains(QLatin1String("execution.checkpointing.interval"));
    // A failed deployment says why in its conditions; a job restarting in a loop says so in
    // JobFailing, which is what the failing banner shows (the platform counts the restarts itself).
    const QJsonArray conditions = running.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject c = value.toObject();
        const QString message = text(c.value(QLatin1String("message")));
        const bool failingNow = text(c.value(QLatin1String("type"))) == QLatin1String("JobFailing")
            && text(c.value(QLatin1String("status"))) == QLatin1String("True");
        if ((d.lifecycleState == QLatin1String("FAILED") || failingNow) && !message.isEmpty()) {
            d.error = message;
            d.errorMessage = d.error.section(QLatin1Char('\n'), 0, 0);
        }
        if (failingNow) {
            d.failure.failing = true;
            d.failure.rootCause = d.errorMessage;
            d.failure.since = time(c.value(QLatin1String("lastTransitionTime")));
        }
    }
    if (d.lifecycleState == QLatin1String("FAILED")) {
        d.failure.failing = true;
        if (d.failure.rootCause.isEmpty())
            d.failure.rootCause = d.errorMessage.isEmpty() ? QStringLiteral("FAILED") : d.errorMessage;
    }
    return d;
}

ClusterEvent VvpObjects::event(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    ClusterEvent e;
    e.uid = text(metadata.value(QLatin1String("id")));
    e.ns = text(metadata.value(QLatin1String("namespace")));
    e.reason = text(metadata.value(QLatin1String("name")));
    e.type = isFailureEvent(e.reason) ? QStringLiteral("Warning") : QStringLiteral("Normal");
    e.message = text(object.value(QLatin1String("spec")).toObject().value(QLatin1String("message")));
    e.firstTimestamp = e.lastTimestamp = time(metadata.value(QLatin1String("createdAt")));
    e.source = QStringLiteral("ververica-platform");
    e.involvedKind = QStringLiteral("Deployment");
    e.involvedUid = text(metadata.value(QLatin1String("deploymentId")));
    return e;
}

Snapshot VvpObjects::savepoint(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    Snapshot s;
    s.origin = Snapshot::Origin::Resource;
    s.key = text(metadata.value(QLatin1String("id")));
    s.name = s.key;
    s.trigger = text(metadata.value(QLatin1String("origin")));
    // The platform keeps a retained checkpoint among its savepoints: it is a checkpoint.
    s.type = s.trigger == QLatin1String("RETAINED_CHECKPOINT") ? QStringLiteral("CHECKPOINT")
                                                               : QStringLiteral("SAVEPOINT");
    const QString state = text(status.value(QLatin1String("state")));
    s.state = state == QLatin1String("STARTED") ? QStringLiteral("IN_PROGRESS") : state;
    s.path = text(object.value(QLatin1String("spec")).toObject().value(QLatin1String("savepointLocation")));
    s.time = time(metadata.value(QLatin1String("modifiedAt")));
    if (!s.time.isValid())
        s.time = time(metadata.value(QLatin1String("createdAt")));
    s.jobId = text(metadata.value(QLatin1String("jobId")));
    s.error = text(status.value(QLatin1String("failure")).toObject().value(QLatin1String("message")));
    return s;
}

JobRun VvpObjects::job(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    JobRun run;
    run.jobId = text(metadata.value(QLatin1String("id")));
    run.start = time(status.value(QLatin1String("started")).toObject().value(QLatin1String("startedAt")));
    if (!run.start.isValid())
        run.start = time(metadata.value(QLatin1String("createdAt")));
    run.end = time(metadata.value(QLatin1String("terminatedAt")));
    run.lastState = text(status.value(QLatin1String("state")));
    // The platform names what each job started from (spec.savepointLocation: a savepoint, or a retained
    // checkpoint's chk-<id> directory; none: empty state). Its own word, as good as the JobManager's.
    RestoreProvenance &restore = run.restore;
    restore.jobStart = run.start;
    restore.observed = true;
    restore.restoredAt = run.start;
    restore.restoredPath
        = text(object.value(QLatin1String("spec")).toObject().value(QLatin1String("savepointLocation")));
    static const QRegularExpression checkpoint(QStringLiteral("/chk-([0-9]+)/?$"));
    const QRegularExpressionMatch match = checkpoint.match(restore.restoredPath);
    restore.restoredSavepoint = !restore.restoredPath.isEmpty() && !match.hasMatch();
    if (match.hasMatch())
        restore.restoredCheckpointId = match.captured(1).toLongLong();
    return run;
}

} // namespace capstan
