#pragma once

#include "flink/restoreprovenance.h"
#include "flink/restoresource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace capstan {

// The words for where a job's state comes from, the same on the Overview and in every action's
// review: which checkpoint or savepoint (id, path, age as last known), and whether a checkpoint is
// older than the deployment allows for last-state upgrades. Ages are taken at `now`, the cluster's
// clock.
class RestoreText final
{
    Q_DECLARE_TR_FUNCTIONS(capstan::RestoreText)

public:
    // "checkpoint 42 (s3://…/chk-42), taken 3m ago, kept in the Kubernetes HA metadata",
    // "savepoint s3://…/savepoint-1, taken 5m ago", "empty state".
    static QString source(const RestoreSource &restore, const QDateTime &now);
    // "Start would restore from: <source>." with the source's caveats and, unless left to the caller,
    // the age warning.
    static QString startSentence(const RestoreSource &restore, const QDateTime &now, bool withAgeWarning = true);
    // When the checkpoint is older than the maximum age the deployment sets for last-state upgrades:
    // a sentence saying so; else empty.
    static QString ageWarning(const RestoreSource &restore, const QDateTime &now);
    // What a job restored, as the JobManager said: "savepoint s3://…/sp-1", "checkpoint 42 (s3://…/chk-42)",
    // "nothing: started with empty state"; empty while not known.
    static QString restored(const RestoreProvenance &provenance);
    // What the operator meant it to restore: "savepoint s3://…/sp-1 (upgradeSavepointPath)", "the latest
    // checkpoint (last-state), at least checkpoint 44", "empty state (stateless)".
    static QString intended(const RestoreProvenance &provenance);
    // When the two disagree (RestoreProvenance::verdict), what happened and what it means; else empty.
    static QString provenanceWarning(const RestoreProvenance &provenance);
    // "3m" as an age between `time` and `now`.
    static QString age(const QDateTime &time, const QDateTime &now);
};

} // namespace capstan
