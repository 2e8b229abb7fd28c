#include "flink/restoresource.h"

#include "flink/flinkconfiguration.h"

#include <algorithm>

namespace capstan {

namespace {
const Snapshot *newest(const QList<Snapshot> &snapshots, const QString &type)
{
    const Snapshot *best = nullptr;
    for (const Snapshot &s : snapshots) {
        if (s.type != type || !s.isCompleted())
            continue;
        if (!best || s.time > best->time || (s.time == best->time && s.checkpointId > best->checkpointId))
            best = &s;
    }
    return best;
}
} // namespace

bool RestoreSource::olderThanMaxAge(const QDateTime &now) const
{
    return kind == Kind::LatestCheckpoint && maxCheckpointAgeMs >= 0 && time.isValid()
        && time.msecsTo(now) > maxCheckpointAgeMs;
}

RestoreSource RestoreSource::latestCheckpoint(const QJsonObject &deployment, const QList<Snapshot> &knownSnapshots,
                                              const Snapshot &restoredFrom)
{
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    RestoreSource r;
    r.kind = Kind::LatestCheckpoint;
    r.maxCheckpointAgeMs = FlinkConfiguration(spec).maxCheckpointAgeMs();
    if (const Snapshot *checkpoint = newest(knownSnapshots, QStringLiteral("CHECKPOINT"))) {
        r.path = checkpoint->path;
        r.checkpointId = checkpoint->checkpointId;
        r.time = checkpoint->time;
    }
    // Checkpoint ids go on from the restored one: a restored entry with a higher id than every
    // completed checkpoint known is still the newest in the store.
    if (restoredFrom.checkpointId > r.checkpointId) {
        r.path = restoredFrom.path;
        r.checkpointId = restoredFrom.checkpointId;
        r.restoredByJob = true;
        r.restoredSavepoint = restoredFrom.type == QLatin1String("SAVEPOINT");
        r.time = QDateTime();
        for (const Snapshot &s : knownSnapshots) {
            if (!restoredFrom.path.isEmpty() && s.path == restoredFrom.path && s.time.isValid())
                r.time = s.time; // when it was taken, not when it was restored
        }
    }
    // Checkpoints the operator triggered itself are recorded in the status, with their time only.
    const QJsonObject info = deployment.value(QLatin1String("status"))
                                 .toObject()
                                 .value(QLatin1String("jobStatus"))
                                 .toObject()
                                 .value(QLatin1String("checkpointInfo"))
                                 .toObject();
    const qint64 operatorMs = std::max(
        info.value(QLatin1String("lastCheckpoint")).toObject().value(QLatin1String("timeStamp")).toInteger(0),
        info.value(QLatin1String("lastPeriodicCheckpointTimestamp")).toInteger(0));
    if (operatorMs > 0
        && (r.checkpointId < 0 || (r.time.isValid() && operatorMs > r.time.toMSecsSinceEpoch() + 1000))) {
        r.path.clear();
        r.checkpointId = -1;
        r.restoredByJob = false;
        r.time = QDateTime::fromMSecsSinceEpoch(operatorMs, Qt::UTC);
    }
    return r;
}

RestoreSource RestoreSource::forStart(const QJsonObject &deployment, const QList<Snapshot> &knownSnapshots,
                                      const Snapshot &restoredFrom)
{
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const QJsonObject jobStatus
        = deployment.value(QLatin1String("status")).toObject().value(QLatin1String("jobStatus")).toObject();
    const QString mode = job.value(QLatin1String("upgradeMode")).toString(QStringLiteral("stateless"));
    if (spec.contains(QLatin1String("restoreStrategy")))
        return forPlatformStart(spec, knownSnapshots);
    RestoreSource r;
    if (mode == QLatin1String("stateless"))
        return r;
    if (mode == QLatin1String("last-state")) {
        r = latestCheckpoint(deployment, knownSnapshots, restoredFrom);
        if (!FlinkConfiguration(spec).kubernetesHa())
            r.note
                = QStringLiteral("last-state needs Kubernetes HA; without it the operator cannot find the checkpoint");
        return r;
    }
    const QString upgradePath = jobStatus.value(QLatin1String("upgradeSavepointPath")).toString();
    if (!upgradePath.isEmpty()) {
        r.kind = Kind::Savepoint;
        r.path = upgradePath;
        for (const Snapshot &s : knownSnapshots) {
            if (s.path == upgradePath)
                r.time = s.time;
        }
        return r;
    }
    if (const Snapshot *savepoint = newest(knownSnapshots, QStringLiteral("SAVEPOINT"));
        savepoint && !savepoint->path.isEmpty()) {
        r.kind = Kind::Savepoint;
        r.path = savepoint->path;
        r.time = savepoint->time;
        return r;
    }
    const QString initial = job.value(QLatin1String("initialSavepointPath")).toString();
    if (!initial.isEmpty()) {
        r.kind = Kind::Savepoint;
        r.path = initial;
    }
    return r;
}

RestoreSource RestoreSource::forPlatformStart(const QJsonObject &spec, const QList<Snapshot> &knownSnapshots)
{
    const QString strategy = spec.value(QLatin1String("restoreStrategy"))
                                 .toObject()
                                 .value(QLatin1String("kind"))
                                 .toString(QStringLiteral("LATEST_STATE"));
    RestoreSource r;
    if (strategy == QLatin1String("NONE"))
        return r;
    const Snapshot *savepoint = newest(knownSnapshots, QStringLiteral("SAVEPOINT"));
    const Snapshot *checkpoint
        = strategy == QLatin1String("LATEST_STATE") ? newest(knownSnapshots, QStringLiteral("CHECKPOINT")) : nullptr;
    // LATEST_STATE: whichever is newer, the latest savepoint or the latest retained checkpoint.
    const Snapshot *chosen = savepoint;
    if (checkpoint && (!chosen || checkpoint->time > chosen->time))
        chosen = checkpoint;
    if (!chosen)
        return r;
    r.kind = chosen == savepoint ? Kind::Savepoint : Kind::LatestCheckpoint;
    r.path = chosen->path;
    r.checkpointId = chosen->checkpointId;
    r.time = chosen->time;
    return r;
}

} // namespace capstan
