#pragma once

#include "flink/snapshotref.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace capstan {

// What the status of a FlinkDeployment says, read alike whichever operator release wrote it (1.0 to
// 1.15): a lifecycle derived where the release did not write one (before 1.4), status.error as plain
// text (before 1.3) or as the JSON exception document, savepoints from savepointInfo (history
// included), upgradeSavepointPath and checkpointInfo. Missing fields, unknown enum values and wrong
// types degrade to "unknown"; nothing here fails.
struct DeploymentStatus
{
    QString lifecycleState; // as written (upper case), or derived when lifecycleDerived
    bool lifecycleDerived = false;
    QString reconciliationState; // reconciliationStatus.state: DEPLOYED, UPGRADING, ROLLING_BACK, ROLLED_BACK
    QString jobManagerStatus; // MISSING, DEPLOYING, DEPLOYED_NOT_READY, READY, ERROR (upper case)
    QString jobState; // jobStatus.state, upper case: any Flink job status or the operator's own (RECONCILING)
    QString jobId;
    QDateTime jobStartTime;
    QString error; // status.error as written
    QString errorType; // the exception class of a JSON error
    QString errorMessage; // the first line of the message of either form; empty when there is no error
    qint64 observedGeneration = 0;
    bool reconciled = false; // a lastReconciledSpec is recorded: the operator deployed it at least once
    bool hasLastStableSpec = false;
    SnapshotRef lastSnapshot; // the newest the status itself records

    // `status` may be anything (absent on an object created moments ago); `spec` is the object's
    // spec, whose job.state tells an operator's pre-deploy record from a suspension.
    static DeploymentStatus fromJson(const QJsonValue &status, const QJsonObject &spec);

    // status.error of either form: the exception class (JSON only) and the first line of the message.
    static void parseError(const QString &error, QString *type, QString *message);
    // A serialized lastReconciledSpec/lastStableSpec: the spec, whether wrapped with resource_metadata
    // (1.1+) or not (1.0). Empty when it does not parse.
    static QJsonObject specOf(const QJsonValue &serialized);
};

} // namespace capstan
