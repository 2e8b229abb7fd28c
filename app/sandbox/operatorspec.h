#pragma once

// The operator's reading of specs and statuses, shared by the simulation of FlinkDeployments
// (OperatorSimulation) and of FlinkSessionJobs (SessionJobSimulation): change classification, the
// serialized lastReconciledSpec, the error JSON, Flink durations and sizes, and the conditions.
// Pure functions over JSON values; no state.

#include "sandbox/flinkjobmodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>

namespace capstan::sandbox::operatorspec {

extern const QString kFlinkApi;

enum class DiffType { Ignore = 0, Scale = 1, Upgrade = 2, SavepointRedeploy = 3 };

QString diffTypeName(DiffType t);

// The operator's side of change classification, kept independent of the core's SpecDiff::classify on
// purpose: ActionJob waits for what SpecDiff::classify predicts and the action tests run it against this
// simulation, so where the two disagree a test fails instead of both sides sharing one reading.
struct SpecChangeSet
{
    DiffType type = DiffType::Ignore;
    QStringList entries;
    bool empty() const { return entries.isEmpty(); }
    // As the operator's SpecChanged Event has it; specClass is FlinkDeploymentSpec or FlinkSessionJobSpec.
    QString toString(const QString &specClass = QStringLiteral("FlinkDeploymentSpec")) const;
};

// Java's String.valueOf of a JSON value, as the operator's diff prints it.
QString javaString(const QJsonValue &v);
SpecChangeSet diffSpecs(const QJsonObject &before, const QJsonObject &after);
// A JSON merge patch turning `from` into `to`.
QJsonObject mergeDiff(const QJsonObject &from, const QJsonObject &to);

QString isoTime(qint64 ms);
QString compact(const QJsonObject &o);
QJsonObject parseObject(const QString &json);
// Flink durations: "10s", "5 min", "1h", "300000" (ms).
qint64 parseDurationMs(const QString &text, qint64 fallback);
qint64 parseMemoryBytes(const QString &text, qint64 fallback);
QString flinkVersionOf(const QString &specVersion);
bool argsEnableNewFeature(const QJsonArray &args);
QString errorJson(const QString &type, const QString &message, const QJsonArray &throwables = {});
QJsonObject conditionFor(const QString &key, bool session);
QString jmStatusName(JobManagerStatus s);

QString confValue(const QJsonObject &spec, const QString &key);
bool hasConf(const QJsonObject &spec, const QString &key);
bool kubernetesHa(const QJsonObject &spec);
QJsonObject jobOf(const QJsonObject &spec);
QString jobStateOf(const QJsonObject &spec); // "running" when unset
QString upgradeModeOf(const QJsonObject &spec); // "stateless" when unset
QJsonObject withJob(QJsonObject spec, const QString &key, const QJsonValue &value);

// status.reconciliationStatus.lastReconciledSpec / lastStableSpec, parsed.
struct ReconciledSpec
{
    QJsonObject spec;
    qint64 generation = 0;
    bool valid = false;
};

ReconciledSpec parseReconciled(const QString &json);
QString serializeReconciled(const QJsonObject &spec, qint64 generation, bool firstDeployment);

// The operator's JobStatusObserver for one job, of a deployment or a session job: its id, name, state
// and start into *jobStatus, a JobStatusChanged Event on every change of state, and a JobException
// Event (the first lines of its stack trace) for each exception newer than *reportedExceptionMs, at
// most ten a pass.
using RecordEvent = std::function<void(const QString &type, const QString &reason, const QString &message)>;
void observeJob(const FlinkJobModel &job, qint64 now, QJsonObject *jobStatus, qint64 *reportedExceptionMs,
                const RecordEvent &record);

} // namespace capstan::sandbox::operatorspec
