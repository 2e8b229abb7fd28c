#pragma once

#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace capstan::sandbox {

class ResourceStore;

// The Flink Kubernetes Operator (1.15) acting on FlinkSessionJobs, part of the OperatorSimulation:
// a session job is submitted to its session cluster (spec.deploymentName, same namespace) once that
// FlinkDeployment's JobManager is READY, and runs there as its own FlinkJobModel. Spec changes follow
// the operator's AbstractJobReconciler per upgradeMode (stateless: cancel and submit empty; savepoint:
// stop-with-savepoint, an UPGRADE FlinkStateSnapshot, submit from it; last-state: cancel and submit from
// the latest checkpoint), job.state suspended/running, restartNonce and savepointRedeployNonce with
// initialSavepointPath. The status is the operator's FlinkSessionJobStatus; Events go to the
// FlinkSessionJob with the operator's reasons and messages. Job ids are the operator's: the generation
// in the upper half, the hash of the resource's uid in the lower.
//
// A session cluster that goes away (deleted, redeployed, not READY) takes its jobs with it: they are
// marked missing (jobStatus RECONCILING, a MissingSessionJobException error and a "Missing" Event) and
// submitted again once the cluster is READY, from their last savepoint or checkpoint as the upgrade
// mode allows. The sandbox notices the loss at once, where the operator notices it when it next
// reaches the cluster.
//
// Not thread-safe: the OperatorSimulation calls every method under its own mutex.
class SessionJobSimulation final
{
public:
    // What the simulation borrows from the OperatorSimulation that owns it.
    struct Host
    {
        // The simulated cluster of FlinkDeployment ns/name; nullptr when there is none.
        std::function<const FlinkJobModel *(const QString &ns, const QString &name)> cluster;
        std::function<void(const QString &ns, const QJsonObject &involved, const QString &type, const QString &reason,
                           const QString &message, qint64 nowMs)>
            recordEvent;
        // Creates a FlinkStateSnapshot owned by `owner` (a FlinkSessionJob), completed when `completed` is set.
        std::function<QString(const QJsonObject &owner, const QString &triggerType,
                              const std::optional<CheckpointRecord> &completed, qint64 nowMs)>
            createSnapshot;
        std::function<QString(int digits)> hex;
        // The operator release whose status shape is written (StatusShape).
        std::function<QString()> operatorVersion;
    };

    // A session job's job, for the snapshot controller.
    struct SnapshotTarget
    {
        FlinkJobModel *job = nullptr;
        std::optional<CheckpointRecord> *lastSavepoint = nullptr;
    };

    SessionJobSimulation(ResourceStore &store, Host host);
    ~SessionJobSimulation();
    SessionJobSimulation(const SessionJobSimulation &) = delete;
    SessionJobSimulation &operator=(const SessionJobSimulation &) = delete;

    // One observe/reconcile pass over every FlinkSessionJob (after the FlinkDeployments' pass).
    void pass(qint64 nowMs);

    // The job of FlinkSessionJob ns/name; nullopt when it is not simulated.
    std::optional<SnapshotTarget> snapshotTarget(const QString &ns, const QString &name);

    // The JobManager REST API of session cluster ns/clusterName with its session jobs: /overview counts
    // them, /jobs and /jobs/overview list them and /jobs/<jobId>/… is answered by that job's model.
    // nullopt for every other path (the cluster's own JobManagerApi answers those).
    std::optional<ProxyResponse> proxyGet(const QString &ns, const QString &clusterName, const FlinkJobModel &cluster,
                                          const QString &path, const QUrlQuery &query, qint64 nowMs);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
