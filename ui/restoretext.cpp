#include "ui/restoretext.h"

#include "ui/models/deploymenttablemodel.h"

namespace capstan {

QString RestoreText::age(const QDateTime &time, const QDateTime &now)
{
    return DeploymentTableModel::ageText(time.secsTo(now));
}

QString RestoreText::source(const RestoreSource &restore, const QDateTime &now)
{
    switch (restore.kind) {
    case RestoreSource::Kind::Empty:
        return tr("empty state");
    case RestoreSource::Kind::Savepoint:
        return restore.time.isValid() ? tr("savepoint %1, taken %2 ago").arg(restore.path, age(restore.time, now))
                                      : tr("savepoint %1").arg(restore.path);
    case RestoreSource::Kind::LatestCheckpoint:
        if (restore.restoredByJob) {
            // No checkpoint completed since the job restored: what it restored from is still the newest.
            const QString what = restore.restoredSavepoint ? tr("savepoint %1 (%2)") : tr("checkpoint %1 (%2)");
            const QString entry = what.arg(restore.checkpointId).arg(restore.path);
            return restore.time.isValid()
                ? tr("%1, taken %2 ago: the job restored from it and has completed no checkpoint since; kept in the "
                     "Kubernetes HA metadata")
                      .arg(entry, age(restore.time, now))
                : tr("%1: the job restored from it and has completed no checkpoint since; kept in the Kubernetes HA "
                     "metadata")
                      .arg(entry);
        }
        if (restore.checkpointId >= 0 && !restore.path.isEmpty() && restore.time.isValid())
            return tr("checkpoint %1 (%2), taken %3 ago, kept in the Kubernetes HA metadata")
                .arg(restore.checkpointId)
                .arg(restore.path, age(restore.time, now));
        if (restore.checkpointId >= 0 && restore.time.isValid())
            return tr("checkpoint %1, taken %2 ago, kept in the Kubernetes HA metadata")
                .arg(restore.checkpointId)
                .arg(age(restore.time, now));
        if (restore.time.isValid())
            return tr("the latest checkpoint in the Kubernetes HA metadata, taken %1 ago by the operator")
                .arg(age(restore.time, now));
        return tr("the latest checkpoint in the Kubernetes HA metadata (no checkpoint of this job has been "
                  "reported yet)");
    }
    return {};
}

QString RestoreText::startSentence(const RestoreSource &restore, const QDateTime &now, bool withAgeWarning)
{
    QString text = restore.kind == RestoreSource::Kind::Empty
        ? tr("Start would restore from: empty state (upgrade mode stateless or no savepoint known).")
        : tr("Start would restore from: %1.").arg(source(restore, now));
    if (!restore.note.isEmpty())
        text += QLatin1Char(' ') + tr("Note: %1.").arg(restore.note);
    const QString warning = withAgeWarning ? ageWarning(restore, now) : QString();
    if (!warning.isEmpty())
        text += QLatin1Char(' ') + warning;
    return text;
}

QString RestoreText::ageWarning(const RestoreSource &restore, const QDateTime &now)
{
    if (!restore.olderThanMaxAge(now))
        return {};
    return tr("That checkpoint is %1 old, older than the %2 this deployment allows for last-state upgrades "
              "(kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age).")
        .arg(age(restore.time, now), DeploymentTableModel::ageText(restore.maxCheckpointAgeMs / 1000));
}

QString RestoreText::restored(const RestoreProvenance &p)
{
    if (!p.observed)
        return {};
    if (!p.restoredSomething())
        return tr("nothing: started with empty state");
    if (p.restoredSavepoint)
        return tr("savepoint %1").arg(p.restoredPath);
    if (p.restoredPath.isEmpty())
        return tr("checkpoint %1").arg(p.restoredCheckpointId);
    return tr("checkpoint %1 (%2)").arg(p.restoredCheckpointId).arg(p.restoredPath);
}

QString RestoreText::intended(const RestoreProvenance &p)
{
    switch (p.intent) {
    case RestoreProvenance::Intent::Empty:
        return tr("empty state (%1)").arg(p.intendedSource);
    case RestoreProvenance::Intent::Savepoint:
        return tr("savepoint %1 (%2)").arg(p.intendedPath, p.intendedSource);
    case RestoreProvenance::Intent::LatestCheckpoint:
        return p.intendedCheckpointId >= 0
            ? tr("the latest checkpoint (last-state), at least checkpoint %1").arg(p.intendedCheckpointId)
            : tr("the latest checkpoint (last-state)");
    case RestoreProvenance::Intent::Unknown:
        break;
    }
    return p.intendedSource.isEmpty() ? QString() : tr("unknown");
}

QString RestoreText::provenanceWarning(const RestoreProvenance &p)
{
    switch (p.verdict()) {
    case RestoreProvenance::Verdict::Differs:
        return tr("The job restored %1, not the savepoint the operator deployed it from (%2). Check which state "
                  "it runs on before anything else changes.")
            .arg(restored(p), p.intendedPath);
    case RestoreProvenance::Verdict::StartedEmpty:
        return tr("The job started with empty state although the operator meant it to restore %1. Its state "
                  "(windows, joins, offsets kept in state) begins anew.")
            .arg(intended(p));
    case RestoreProvenance::Verdict::OlderCheckpoint:
        return tr("The job restored checkpoint %1, older than checkpoint %2 that the job before it completed: "
                  "what was processed since then is processed again.")
            .arg(p.restoredCheckpointId)
            .arg(p.intendedCheckpointId);
    case RestoreProvenance::Verdict::Unknown:
    case RestoreProvenance::Verdict::AsIntended:
    case RestoreProvenance::Verdict::RestoredUnasked:
        break;
    }
    return {};
}

} // namespace capstan
