#pragma once

#include "flink/snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace capstan {

// How the operator cleans up a deployment's FlinkStateSnapshots (SnapshotObserver in 1.10+), and what
// it will clean up next. Only snapshots it took itself are cleaned up (trigger type PERIODIC or
// UPGRADE); manual ones stay until someone deletes them. Per kind, oldest first by creation: the
// newest completed one always stays (when none completed, the newest does); savepoints go beyond
// kubernetes.operator.savepoint.history.max.count (default 10) or past .max.age (default 24 h),
// checkpoints beyond state.checkpoints.num-retained (default 1). None with
// kubernetes.operator.savepoint.cleanup.enabled: false. The operator's own ceilings (its
// savepoint.history.max.*.threshold) are not visible from a deployment and are not applied here.
//
// Also which snapshot a deployment would restore from, so that it is not deleted from under it: the
// path the operator recorded for the next upgrade (status.jobStatus.upgradeSavepointPath) or, before
// the job ever ran, spec.job.initialSavepointPath.
class SnapshotRetention final
{
    Q_DECLARE_TR_FUNCTIONS(capstan::SnapshotRetention)

public:
    static constexpr int DefaultMaxSavepoints = 10;
    static constexpr qint64 DefaultMaxSavepointAgeMs = qint64(24) * 3600 * 1000;
    static constexpr int DefaultMaxCheckpoints = 1;

    // From a FlinkDeployment (its spec's flinkConfiguration).
    static SnapshotRetention of(const QJsonObject &deployment);

    bool cleanupEnabled = true;
    int maxSavepoints = DefaultMaxSavepoints;
    qint64 maxSavepointAgeMs = DefaultMaxSavepointAgeMs;
    int maxCheckpoints = DefaultMaxCheckpoints;

    // Keys of the FlinkStateSnapshots the operator deletes at its next look, as of `now`.
    QSet<QString> nextCleanedUp(const QList<Snapshot> &snapshots, const QDateTime &now) const;
    // One sentence for people: what is kept, for how long.
    QString describe() const;

    // The path the deployment would restore from at its next start or upgrade, empty when none is
    // recorded (a last-state upgrade then restores from the HA metadata, which no snapshot holds).
    static QString restorePath(const QJsonObject &deployment);
    // Why the snapshot must not be deleted because the deployment would restore from it, or empty.
    static QString protectionReason(const Snapshot &snapshot, const QJsonObject &deployment);
    // Why Delete Snapshot refuses it (not a FlinkStateSnapshot resource, or protected), or empty when
    // it may be deleted: the page's button and the action's plan ask this one question.
    static QString deletionRefusal(const Snapshot &snapshot, const QJsonObject &deployment);
};

} // namespace capstan
