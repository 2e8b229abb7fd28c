#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// One savepoint or checkpoint of a deployment, from whichever source knows it: a FlinkStateSnapshot
// resource, the legacy status.jobStatus.savepointInfo history, or the JobManager's checkpoint stats.
struct Snapshot
{
    enum class Origin { Resource, LegacySavepointInfo, JobManager };

    QString key; // unique within a deployment: resource uid, "legacy:<path>", "jm:<id>"
    Origin origin = Origin::Resource;
    QString name; // resource name, empty for other origins
    QString type; // SAVEPOINT, CHECKPOINT
    QString trigger; // MANUAL, PERIODIC, UPGRADE, or empty when unknown
    QString state; // COMPLETED, IN_PROGRESS, FAILED, TRIGGER_PENDING, ABANDONED
    QString path;
    QDateTime time; // result time when known, else trigger time
    QDateTime created; // the resource's creationTimestamp (what the operator's cleanup counts from)
    QString jobId;
    qint64 checkpointId = -1;
    QString error;

    bool isCompleted() const { return state == QLatin1String("COMPLETED"); }

    static Snapshot fromResource(const QJsonObject &object);
    static QList<Snapshot> fromLegacySavepointInfo(const QJsonObject &deploymentStatus);
    // From /jobs/:id/checkpoints: the latest completed checkpoint, or nothing.
    static QList<Snapshot> fromCheckpointStats(const QJsonObject &stats, const QString &jobId);
    // From /jobs/:id/checkpoints: what the job restored from (latest.restored), or a Snapshot with
    // checkpointId -1. Its time is when the job restored it.
    static Snapshot restoredFromCheckpointStats(const QJsonObject &stats, const QString &jobId);
};

struct SnapshotBatch
{
    QString deploymentUid;
    QList<Snapshot> upserted;
    QStringList removed; // keys
    bool reset = false;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Snapshot)
Q_DECLARE_METATYPE(capstan::SnapshotBatch)
