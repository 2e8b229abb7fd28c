#pragma once

#include "flink/autoscalerconfig.h"
#include "flink/failurestatus.h"
#include "flink/resourcekind.h"
#include "flink/snapshot.h"
#include "flink/snapshotref.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// The state words operators know from Ververica Platform, derived from the operator's
// lifecycleState (derived in turn where the release did not write it), jobStatus.state,
// jobManagerDeploymentStatus and spec.job.state.
enum class DisplayState { Running, Transitioning, Suspended, Cancelled, Failed, Finished, Unknown };

// A compact, immutable summary of one FlinkDeployment: what the list and header show. Built on the
// backend thread from the API object; cheap to copy (implicitly shared strings).
struct Deployment
{
    // Who manages it: the Flink Kubernetes Operator (a FlinkDeployment) or Ververica Platform (a
    // Deployment of its Application Manager, read by VvpObjects).
    enum class Platform { FlinkOperator, Ververica };

    Platform platform = Platform::FlinkOperator;
    ResourceKind kind = ResourceKind::FlinkDeployment;
    QString uid;
    QString name;
    QString ns;
    QString resourceVersion;
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    QDateTime created;

    QString lifecycleState; // status.lifecycleState (STABLE, UPGRADING, …), derived before operator 1.4
    bool lifecycleDerived = false; // the status carries no lifecycleState: computed as the operator does
    QString jobManagerStatus; // status.jobManagerDeploymentStatus
    QString jobState; // status.jobStatus.state (RUNNING, FAILED, RECONCILING, …); may be stale on a session cluster
    QString jobId;
    QString desiredState; // spec.job.state (running / suspended); empty for session clusters
    QString upgradeMode; // spec.job.upgradeMode; Ververica Platform: spec.upgradeStrategy.kind
    QString restoreStrategy; // Ververica Platform: spec.restoreStrategy.kind (the operator has none)
    int parallelism = 0; // spec.job.parallelism; 0 when unset
    QString flinkVersion; // spec.flinkVersion, e.g. v1_20
    QString image;
    QString error; // status.error, raw: plain text (operator < 1.3) or a JSON document
    QString errorMessage; // its message, first line; empty when there is no error
    QString ownerKind; // the controlling owner (FlinkBlueGreenDeployment), empty when none
    QString ownerName;
    bool sessionCluster = false; // no spec.job
    QString sessionClusterName; // FlinkSessionJob: spec.deploymentName, whose JobManager runs the job
    // FlinkBlueGreenDeployment: status.blueGreenState (ACTIVE_BLUE, SAVEPOINTING_BLUE,
    // TRANSITIONING_TO_GREEN, …); its job fields are those of spec.template and status.jobStatus.
    QString blueGreenState;
    QString initialSavepointPath; // spec.job.initialSavepointPath: a blue/green child's handed-over savepoint
    bool haEnabled = false; // high-availability.type kubernetes (or the legacy factory class)
    bool checkpointsEnabled = false; // a checkpoint interval and directory: last-state has something to restore
    // The operator's autoscaler as the spec configures it (job.autoscaler.enabled, scaling.enabled);
    // autoscalerConfigured: any job.autoscaler.* option is set, even with the autoscaler off.
    AutoscalerConfig::Mode autoscaler = AutoscalerConfig::Mode::Off;
    bool autoscalerConfigured = false;
    bool hasLastStableSpec = false; // status.reconciliationStatus.lastStableSpec: a rollback target exists
    QDateTime jobStartTime; // status.jobStatus.startTime
    SnapshotRef statusSnapshot; // the newest snapshot the status records (savepointInfo, upgradeSavepointPath, …)

    // Observed by the session, not part of the object:
    FailureStatus failure;
    SnapshotRef lastSnapshot; // the newest of statusSnapshot and the completed FlinkStateSnapshots
    // The newest FAILED FlinkStateSnapshot of the deployment (state empty: none), for what watches
    // the list only (notifications): a failed savepoint or checkpoint is not in the status.
    Snapshot lastFailedSnapshot;

    // "namespace/name": how settings, pins and snapshots' job references name a deployment. The
    // other kinds add theirs ("namespace/FlinkSessionJob/name"), so a session job may share its
    // deployment's name.
    QString key() const { return keyOf(ns, name, kind); }
    static QString keyOf(const QString &ns, const QString &name) { return ns + QLatin1Char('/') + name; }
    static QString keyOf(const QString &ns, const QString &name, ResourceKind kind)
    {
        return kind == ResourceKind::FlinkDeployment
            ? keyOf(ns, name)
            : ns + QLatin1Char('/') + resourceKindName(kind) + QLatin1Char('/') + name;
    }
    // The FlinkDeployment whose JobManager runs the job: a session job's session cluster, else itself.
    QString jobManagerName() const { return kind == ResourceKind::FlinkSessionJob ? sessionClusterName : name; }
    // The JobManager is worth asking about the job: READY, or for a session job a job id is known
    // (its session cluster's state is not in its status). A blue/green deployment's jobs are its
    // children's, each asked on its own page.
    bool jobManagerExpected() const
    {
        switch (kind) {
        case ResourceKind::FlinkSessionJob:
            return !jobId.isEmpty();
        case ResourceKind::FlinkBlueGreenDeployment:
            return false;
        case ResourceKind::FlinkDeployment:
            break;
        }
        return jobManagerStatus == QLatin1String("READY");
    }
    // spec.job.state is suspended: what Start and Suspend change.
    bool suspended() const { return desiredState == QLatin1String("suspended"); }

    DisplayState displayState() const;
    static QString displayStateName(DisplayState state); // untranslated English word

    static Deployment fromJson(const QJsonObject &object);
    // The spec Configure Deployment edits and the actions plan on: a blue/green deployment's
    // spec.template.spec (a FlinkDeployment spec), every other kind's spec.
    static QJsonObject editableSpec(const QJsonObject &object);
    // What the session observed added to the object's summary: the window's list and
    // `capstan --list-deployments` both decorate with this.
    static Deployment decorated(Deployment deployment, const FailureStatus &failure,
                                const SnapshotRef &newestResourceSnapshot);
    // The list's derivation for scripts: name, kind, namespace, uid, state, jobState, sessionCluster,
    // failing, failingReason, error, parallelism, upgradeMode, flinkVersion, lastSnapshot, owner.
    QJsonObject toJson() const;
};

struct DeploymentBatch
{
    QList<Deployment> upserted;
    QStringList removed; // uids
    bool resynced = false;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Deployment)
Q_DECLARE_METATYPE(capstan::DeploymentBatch)
