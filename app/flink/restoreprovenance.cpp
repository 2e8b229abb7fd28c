#include "flink/restoreprovenance.h"

#include "flink/deploymentstatus.h"

namespace capstan {

namespace {

// Savepoint paths as written by people and by Flink differ in a trailing slash or a scheme
// ("s3://b/sp-1/" and "s3://b/sp-1"): compare them without.
QString normalized(QString path)
{
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

} // namespace

RestoreProvenance RestoreProvenance::intentAtStart(const QJsonObject &deployment, bool firstJob,
                                                   const Snapshot &lastCompleted)
{
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    const QJsonObject jobStatus = status.value(QLatin1String("jobStatus")).toObject();
    // The upgrade mode the operator applied is the one it recorded as reconciled.
    const QJsonObject reconciled = DeploymentStatus::specOf(
        status.value(QLatin1String("reconciliationStatus")).toObject().value(QLatin1String("lastReconciledSpec")));
    const QJsonObject job = (reconciled.isEmpty() ? spec : reconciled).value(QLatin1String("job")).toObject();
    const QString mode = job.value(QLatin1String("upgradeMode")).toString(QStringLiteral("stateless"));
    const QString initial = job.value(QLatin1String("initialSavepointPath")).toString();
    const QString upgradePath = jobStatus.value(QLatin1String("upgradeSavepointPath")).toString();

    RestoreProvenance p;
    p.intent = Intent::Empty;
    p.intendedSource = mode;
    if (firstJob && !initial.isEmpty()) {
        // The first deployment starts from initialSavepointPath whatever the upgrade mode.
        p.intent = Intent::Savepoint;
        p.intendedPath = initial;
        p.intendedSource = QStringLiteral("initialSavepointPath");
    } else if (mode == QLatin1String("last-state") && firstJob && lastCompleted.checkpointId < 0) {
        // A new deployment's first job has no state to take over: it starts empty as meant.
    } else if (mode == QLatin1String("last-state")) {
        p.intent = Intent::LatestCheckpoint;
        if (lastCompleted.checkpointId >= 0) {
            p.intendedCheckpointId = lastCompleted.checkpointId;
            p.intendedPath = lastCompleted.path;
        }
    } else if (mode == QLatin1String("savepoint") && !upgradePath.isEmpty()) {
        p.intent = Intent::Savepoint;
        p.intendedPath = upgradePath;
        p.intendedSource = QStringLiteral("upgradeSavepointPath");
    } else if (mode == QLatin1String("savepoint") && !firstJob) {
        // A savepoint upgrade without a recorded path: the operator found no job to take one from.
        p.intent = Intent::Unknown;
    }
    return p;
}

void RestoreProvenance::observe(const Snapshot &restored, qint64 numRestarts)
{
    observed = true;
    restoredPath = restored.path;
    restoredCheckpointId = restored.checkpointId;
    restoredSavepoint = restored.type == QLatin1String("SAVEPOINT");
    restoredAt = restored.time;
    restartsWhenObserved = std::max<qint64>(0, numRestarts);
}

RestoreProvenance::Verdict RestoreProvenance::verdict() const
{
    if (!observed || intent == Intent::Unknown)
        return Verdict::Unknown;
    // After a failover the JobManager names the checkpoint of the restart: say nothing against it.
    if (restartsWhenObserved > 0 && restoredSomething() && !restoredSavepoint)
        return Verdict::Unknown;
    switch (intent) {
    case Intent::Empty:
        return restoredSomething() ? Verdict::RestoredUnasked : Verdict::AsIntended;
    case Intent::Savepoint:
        if (!restoredSomething())
            return Verdict::StartedEmpty;
        return normalized(restoredPath) == normalized(intendedPath) ? Verdict::AsIntended : Verdict::Differs;
    case Intent::LatestCheckpoint:
        if (!restoredSomething())
            return Verdict::StartedEmpty;
        // A checkpoint completed after the last one known is newer, not wrong.
        if (intendedCheckpointId >= 0 && restoredCheckpointId >= 0 && restoredCheckpointId < intendedCheckpointId)
            return Verdict::OlderCheckpoint;
        return Verdict::AsIntended;
    case Intent::Unknown:
        break;
    }
    return Verdict::Unknown;
}

} // namespace capstan
