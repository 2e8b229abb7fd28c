#include "flink/snapshot.h"

#include <QJsonArray>

namespace capstan {

namespace {
QDateTime fromEpochMs(const QJsonValue &v)
{
    const qint64 ms = v.isString() ? v.toString().toLongLong() : v.toInteger();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}
QDateTime fromIso(const QJsonValue &v)
{
    return v.toString().isEmpty() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}
} // namespace

Snapshot Snapshot::fromResource(const QJsonObject &object)
{
    Snapshot s;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    s.origin = Origin::Resource;
    s.key = metadata.value(QLatin1String("uid")).toString();
    s.name = metadata.value(QLatin1String("name")).toString();
    s.type = labels.value(QLatin1String("snapshot.type")).toString();
    if (s.type.isEmpty())
        s.type
            = spec.contains(QLatin1String("checkpoint")) ? QStringLiteral("CHECKPOINT") : QStringLiteral("SAVEPOINT");
    s.trigger = labels.value(QLatin1String("snapshot.trigger-type")).toString();
    s.state = status.value(QLatin1String("state")).toString();
    if (s.state.isEmpty())
        s.state = labels.value(QLatin1String("snapshot.state")).toString();
    s.path = status.value(QLatin1String("path")).toString();
    if (s.path.isEmpty())
        s.path = spec.value(QLatin1String("savepoint")).toObject().value(QLatin1String("path")).toString();
    s.time = fromIso(status.value(QLatin1String("resultTimestamp")));
    if (!s.time.isValid())
        s.time = fromIso(status.value(QLatin1String("triggerTimestamp")));
    if (!s.time.isValid())
        s.time = fromIso(metadata.value(QLatin1String("creationTimestamp")));
    s.jobId = status.value(QLatin1String("jobId")).toString();
    s.error = status.value(QLatin1String("error")).toString();
    s.created = fromIso(metadata.value(QLatin1String("creationTimestamp")));
    return s;
}

QList<Snapshot> Snapshot::fromLegacySavepointInfo(const QJsonObject &deploymentStatus)
{
    QList<Snapshot> out;
    const QJsonObject info = deploymentStatus.value(QLatin1String("jobStatus"))
                                 .toObject()
                                 .value(QLatin1String("savepointInfo"))
                                 .toObject();
    const QJsonArray history = info.value(QLatin1String("savepointHistory")).toArray();
    for (const QJsonValue &v : history) {
        const QJsonObject o = v.toObject();
        Snapshot s;
        s.origin = Origin::LegacySavepointInfo;
        s.path = o.value(QLatin1String("location")).toString();
        if (s.path.isEmpty())
            continue;
        s.key = QStringLiteral("legacy:") + s.path;
        s.type = QStringLiteral("SAVEPOINT");
        s.trigger = o.value(QLatin1String("triggerType")).toString();
        s.state = QStringLiteral("COMPLETED");
        s.time = fromEpochMs(o.value(QLatin1String("timeStamp")));
        out.append(s);
    }
    return out;
}

namespace {
// One entry of latest.{completed,restored} in /jobs/:id/checkpoints; key prefix tells them apart.
Snapshot fromStatsEntry(const QJsonObject &entry, const QString &jobId, const QString &keyPrefix)
{
    Snapshot s;
    s.origin = Snapshot::Origin::JobManager;
    s.checkpointId = entry.value(QLatin1String("id")).toInteger(-1);
    s.key = QStringLiteral("%1:%2:%3").arg(keyPrefix, jobId).arg(s.checkpointId);
    s.type = entry.value(QLatin1String("is_savepoint")).toBool() ? QStringLiteral("SAVEPOINT")
                                                                 : QStringLiteral("CHECKPOINT");
    s.state = QStringLiteral("COMPLETED");
    s.path = entry.value(QLatin1String("external_path")).toString();
    s.jobId = jobId;
    return s;
}

QJsonObject latestEntry(const QJsonObject &stats, const char *which)
{
    return stats.value(QLatin1String("latest")).toObject().value(QLatin1String(which)).toObject();
}
} // namespace

QList<Snapshot> Snapshot::fromCheckpointStats(const QJsonObject &stats, const QString &jobId)
{
    const QJsonObject completed = latestEntry(stats, "completed");
    if (completed.isEmpty())
        return {};
    Snapshot s = fromStatsEntry(completed, jobId, QStringLiteral("jm"));
    s.trigger = QStringLiteral("PERIODIC");
    s.time = fromEpochMs(completed.value(QLatin1String("latest_ack_timestamp")));
    if (!s.time.isValid())
        s.time = fromEpochMs(completed.value(QLatin1String("trigger_timestamp")));
    return {s};
}

Snapshot Snapshot::restoredFromCheckpointStats(const QJsonObject &stats, const QString &jobId)
{
    const QJsonObject restored = latestEntry(stats, "restored");
    if (restored.isEmpty())
        return {};
    Snapshot s = fromStatsEntry(restored, jobId, QStringLiteral("jm-restored"));
    s.time = fromEpochMs(restored.value(QLatin1String("restore_timestamp")));
    return s;
}

} // namespace capstan
