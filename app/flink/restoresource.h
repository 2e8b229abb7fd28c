#pragma once

#include "flink/snapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace capstan {

// What state a (re)started job would restore from, following the operator's rules per upgrade mode:
// stateless starts empty; last-state restores the latest checkpoint kept in the HA metadata;
// savepoint restores the savepoint taken when the job was suspended (upgradeSavepointPath), else the
// newest completed savepoint, else initialSavepointPath.
//
// "The latest checkpoint" is named as last known: the newest completed checkpoint any source reported
// (the JobManager's checkpoint statistics, FlinkStateSnapshot resources), else the time of the
// operator's own last checkpoint in status.jobStatus.checkpointInfo.
struct RestoreSource
{
    enum class Kind { Savepoint, LatestCheckpoint, Empty };

    Kind kind = Kind::Empty;
    QString path; // savepoint or checkpoint path when known
    qint64 checkpointId = -1;
    QDateTime time; // when that state was written, when known
    QString note; // a caveat, e.g. last-state without Kubernetes HA
    // The operator's maximum checkpoint age for last-state upgrades set on the deployment (-1: none).
    qint64 maxCheckpointAgeMs = -1;
    // LatestCheckpoint: the newest entry is the savepoint or checkpoint the job restored from (no
    // checkpoint completed since).
    bool restoredByJob = false;
    bool restoredSavepoint = false; // and it is a savepoint

    // A checkpoint whose age is known and exceeds maxCheckpointAgeMs at `now`.
    bool olderThanMaxAge(const QDateTime &now) const;

    // A Ververica Platform deployment (its spec has a restoreStrategy) follows the platform's rules:
    // LATEST_STATE the newer of the latest savepoint and the latest retained checkpoint,
    // LATEST_SAVEPOINT the latest savepoint, NONE empty state.
    static RestoreSource forStart(const QJsonObject &deployment, const QList<Snapshot> &knownSnapshots,
                                  const Snapshot &restoredFrom = {});
    static RestoreSource forPlatformStart(const QJsonObject &spec, const QList<Snapshot> &knownSnapshots);
    // The latest checkpoint as last known, whatever the upgrade mode: what Cancel and Keep State keeps.
    // restoredFrom: what the job last restored from (JobManagerInfo::restoredFrom), the newest entry
    // of its checkpoint store until it completes a checkpoint of its own.
    static RestoreSource latestCheckpoint(const QJsonObject &deployment, const QList<Snapshot> &knownSnapshots,
                                          const Snapshot &restoredFrom = {});
};

} // namespace capstan
