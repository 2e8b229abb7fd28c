#include "flink/snapshotretention.h"

#include "flink/flinkconfiguration.h"

#include <algorithm>

namespace capstan {

namespace {

// What the operator counts a snapshot's age from: the resource's creation.
QDateTime createdAt(const Snapshot &s)
{
    return s.created.isValid() ? s.created : s.time;
}

bool operatorTaken(const Snapshot &s)
{
    return s.trigger == QLatin1String("PERIODIC") || s.trigger == QLatin1String("UPGRADE");
}

void collect(QList<Snapshot> kind, int maxCount, qint64 maxAgeMs, const QDateTime &now, QSet<QString> &out)
{
    if (kind.size() < 2)
        return;
    std::stable_sort(kind.begin(), kind.end(),
                     [](const Snapshot &a, const Snapshot &b) { return createdAt(a) < createdAt(b); });
    QString lastCompleted;
    QDateTime lastCompletedAt;
    for (const Snapshot &s : std::as_const(kind)) {
        if (s.isCompleted() && (!lastCompletedAt.isValid() || createdAt(s) >= lastCompletedAt)) {
            lastCompleted = s.key;
            lastCompletedAt = createdAt(s);
        }
    }
    const QDateTime oldestKept = maxAgeMs > 0 ? now.addMSecs(-maxAgeMs) : QDateTime();
    qsizetype removed = 0;
    for (const Snapshot &s : std::as_const(kind)) {
        if (s.key == lastCompleted)
            continue;
        if (removed == kind.size() - 1) // the newest stays, complete or not
            break;
        const bool tooMany = kind.size() - removed > maxCount;
        const bool tooOld = oldestKept.isValid() && createdAt(s) < oldestKept;
        if (tooMany || tooOld) {
            out.insert(s.key);
            ++removed;
        }
    }
}

QString duration(qint64 ms)
{
    constexpr qint64 hour = 3600000;
    constexpr qint64 day = 24 * hour;
    if (ms % day == 0 && ms >= 2 * day)
        return SnapshotRetention::tr("%n day(s)", nullptr, int(ms / day));
    if (ms % hour == 0)
        return SnapshotRetention::tr("%n hour(s)", nullptr, int(ms / hour));
    return SnapshotRetention::tr("%n minute(s)", nullptr, int(std::max<qint64>(1, ms / 60000)));
}

} // namespace

SnapshotRetention SnapshotRetention::of(const QJsonObject &deployment)
{
    const FlinkConfiguration config(deployment.value(QLatin1String("spec")).toObject());
    SnapshotRetention r;
    const QString cleanup = config.value(QStringLiteral("kubernetes.operator.savepoint.cleanup.enabled"));
    r.cleanupEnabled = cleanup.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
    bool ok = false;
    const int count = config.value(QStringLiteral("kubernetes.operator.savepoint.history.max.count")).toInt(&ok);
    if (ok)
        r.maxSavepoints = std::max(1, count);
    const QString age = config.value(QStringLiteral("kubernetes.operator.savepoint.history.max.age"));
    if (!age.isNull() && FlinkConfiguration::durationMs(age) > 0)
        r.maxSavepointAgeMs = FlinkConfiguration::durationMs(age);
    const int retained = config.value(QStringLiteral("state.checkpoints.num-retained")).toInt(&ok);
    if (ok)
        r.maxCheckpoints = std::max(1, retained);
    return r;
}

QSet<QString> SnapshotRetention::nextCleanedUp(const QList<Snapshot> &snapshots, const QDateTime &now) const
{
    QSet<QString> out;
    if (!cleanupEnabled)
        return out;
    QList<Snapshot> savepoints;
    QList<Snapshot> checkpoints;
    for (const Snapshot &s : snapshots) {
        if (s.origin != Snapshot::Origin::Resource || !operatorTaken(s))
            continue;
        (s.type == QLatin1String("CHECKPOINT") ? checkpoints : savepoints) << s;
    }
    collect(savepoints, maxSavepoints, maxSavepointAgeMs, now, out);
    collect(checkpoints, maxCheckpoints, 0, now, out);
    return out;
}

QString SnapshotRetention::describe() const
{
    if (!cleanupEnabled)
        return tr("The operator cleans up no snapshots of this deployment (kubernetes.operator.savepoint.cleanup."
                  "enabled is false).");
    const QString checkpoints = maxCheckpoints == 1 ? tr("its newest checkpoint")
                                                    : tr("its newest %n checkpoint(s)", nullptr, maxCheckpoints);
    return tr("The operator keeps the newest %1 it took, none older than %2, and %3; manual snapshots stay until "
              "deleted.")
        .arg(tr("%n savepoint(s)", nullptr, maxSavepoints), duration(maxSavepointAgeMs), checkpoints);
}

QString SnapshotRetention::restorePath(const QJsonObject &deployment)
{
    const QJsonObject jobStatus
        = deployment.value(QLatin1String("status")).toObject().value(QLatin1String("jobStatus")).toObject();
    const QString upgrade = jobStatus.value(QLatin1String("upgradeSavepointPath")).toString();
    if (!upgrade.isEmpty())
        return upgrade;
    const QJsonObject job = deployment.value(QLatin1String("spec")).toObject().value(QLatin1String("job")).toObject();
    if (jobStatus.value(QLatin1String("jobId")).toString().isEmpty())
        return job.value(QLatin1String("initialSavepointPath")).toString();
    return {};
}

QString SnapshotRetention::deletionRefusal(const Snapshot &snapshot, const QJsonObject &deployment)
{
    if (snapshot.origin != Snapshot::Origin::Resource || snapshot.name.isEmpty())
        return tr("Only a FlinkStateSnapshot resource can be deleted; this snapshot is a record of the operator's "
                  "status or of the JobManager.");
    return protectionReason(snapshot, deployment);
}

QString SnapshotRetention::protectionReason(const Snapshot &snapshot, const QJsonObject &deployment)
{
    const QString path = restorePath(deployment);
    if (snapshot.path.isEmpty() || path.isEmpty() || snapshot.path != path)
        return {};
    return tr("The deployment would restore from this snapshot at its next start or upgrade (%1). Deleting it "
              "could lose the job's state: take a newer savepoint first.")
        .arg(path);
}

} // namespace capstan
