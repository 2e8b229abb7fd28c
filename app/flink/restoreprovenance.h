#pragma once

#include "flink/snapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace capstan {

// Where a job's state came from: what the operator meant it to restore when it started the job
// (by the upgrade mode it applied, upgradeSavepointPath, initialSavepointPath, or for last-state the
// latest checkpoint in the HA metadata), next to what the JobManager says it restored
// (latest.restored of its checkpoint statistics). The verdict says when the two differ.
struct RestoreProvenance
{
    enum class Intent { Unknown, Empty, Savepoint, LatestCheckpoint };
    enum class Verdict {
        Unknown, // not both known yet
        AsIntended,
        Differs, // restored another snapshot than the one named
        StartedEmpty, // should have restored, restored nothing
        OlderCheckpoint, // last-state restored a checkpoint older than the last one known completed
        RestoredUnasked, // restored state although the operator named none (e.g. a stateless upgrade of a job
                         // that kept its HA metadata): worth knowing, not an error
    };

    // The start this describes (status.jobStatus.startTime). A last-state upgrade with Kubernetes HA
    // keeps the job id: the job starts again under it, and its provenance is that start's.
    QDateTime jobStart;
    Intent intent = Intent::Unknown;
    QString intendedPath; // savepoint path; for LatestCheckpoint the last known checkpoint's path, if any
    qint64 intendedCheckpointId = -1; // LatestCheckpoint: the last checkpoint known completed before the start
    QString intendedSource; // "upgradeSavepointPath", "initialSavepointPath", "last-state", "stateless", …

    bool observed = false; // the JobManager's checkpoint statistics of the running job were read
    QString restoredPath;
    qint64 restoredCheckpointId = -1; // -1 with an empty path: it restored nothing
    bool restoredSavepoint = false;
    QDateTime restoredAt;
    // Restarts of the job when it was first observed: after a failover latest.restored names the
    // checkpoint of that restart, not the state the job started from.
    qint64 restartsWhenObserved = 0;

    bool restoredSomething() const { return restoredCheckpointId >= 0 || !restoredPath.isEmpty(); }
    Verdict verdict() const;

    // The intent of the job the operator just started for `deployment` (its status records the
    // upgrade mode it applied in lastReconciledSpec, and upgradeSavepointPath). firstJob: no earlier job
    // of this deployment is known (initialSavepointPath applies). lastCompleted: the newest completed
    // checkpoint known before this job (its id: what last-state should restore at least).
    static RestoreProvenance intentAtStart(const QJsonObject &deployment, bool firstJob, const Snapshot &lastCompleted);
    // Records what the JobManager says (restoredFromCheckpointStats) for a RUNNING job.
    void observe(const Snapshot &restored, qint64 numRestarts);
};

} // namespace capstan
