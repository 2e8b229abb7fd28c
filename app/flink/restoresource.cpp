#include "flink/restoresource.h"

#include "flink/flinkconfiguration.h"

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

RestoreSource RestoreSource::forStart(const QJsonObject &deployment, const QList<Snapshot> &knownSnapshots)
{
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const QJsonObject jobStatus
        = deployment.value(QLatin1String("status")).toObject().value(QLatin1String("jobStatus")).toObject();
    const QString mode = job.value(QLatin1String("upgradeMode")).toString(QStringLiteral("stateless"));
    RestoreSource r;
    if (mode == QLatin1String("stateless"))
        return r;
    if (mode == QLatin1String("last-state")) {
        r.kind = Kind::LatestCheckpoint;
        if (const Snapshot *checkpoint = newest(knownSnapshots, QStringLiteral("CHECKPOINT"))) {
            r.path = checkpoint->path;
            r.checkpointId = checkpoint->checkpointId;
            r.time = checkpoint->time;
        }
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

} // namespace capstan
