#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace capstan::sandbox {

class FaultPlan;
class FlinkJobModel;
class ResourceStore;
struct PodLogCursor;
struct PodLogRequest;
struct PodLogResult;
class VirtualClock;

// An HTTP answer from a simulated JobManager (or the API server's proxy in front of it).
struct ProxyResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
};

// The Flink Kubernetes Operator (1.15) acting on the sandbox's ResourceStore, on a virtual clock:
// it deploys FlinkDeployments as simulated Flink clusters (FlinkJobModel), reacts to spec changes
// (metadata.generation > status.observedGeneration) with the operator's upgrade, suspend, resume,
// restart and savepoint-redeploy flows per upgradeMode, writes status only through the status
// subresource, runs FlinkStateSnapshots (upgrade, periodic, manual), keeps HA ConfigMaps and
// `<name>-rest` Services, rolls back automatically when enabled, and records core/v1 Events with
// the operator's reasons and messages (deduplicated by count). FlinkSessionJobs run in the session
// clusters (SessionJobSimulation), and a session cluster's REST API lists them.
//
// Deployments that already carry a reconciled status (the demo data) are adopted as they are.
// A job whose spec.job.args hold `--enable-new-feature true` fails in a restart loop. Every running
// cluster has its pods, kubelet Events and logs (PodSimulation).
//
// Thread-safety: every public method may be called from any thread. start() runs a reconcile loop
// on its own std::thread (about every 100 ms real time, faster at high speeds); reconcileOnce()
// runs one pass on the calling thread. The store is never locked while the simulation's own mutex
// waits for it in the other order.
class OperatorSimulation final
{
public:
    OperatorSimulation(ResourceStore &store, double speed);
    ~OperatorSimulation();
    OperatorSimulation(const OperatorSimulation &) = delete;
    OperatorSimulation &operator=(const OperatorSimulation &) = delete;

    void start();
    void stop();
    bool isRunning() const;

    VirtualClock &clock();
    const VirtualClock &clock() const;

    // One observe/reconcile pass over every FlinkDeployment, FlinkSessionJob and FlinkStateSnapshot.
    void reconcileOnce();

    // GET <path>?<query> on the API server's service proxy for <ns>/<service>: 404 when the Service
    // does not exist, 503 "no endpoints available" while the JobManager is not READY, otherwise
    // the JobManager REST API (JobManagerApi; a session cluster's jobs are its FlinkSessionJobs') or, for
    // path "metrics", Prometheus text.
    ProxyResponse proxyGet(const QString &ns, const QString &service, const QString &path,
                           const QUrlQuery &query) const;

    // The operator release whose status shape is written (StatusShape); "1.15" by default.
    void setOperatorVersion(const QString &version);

    // Pod faults (crash loop, OOM kill, image pull, unschedulable) come from this plan; nullptr: none.
    void setFaultPlan(FaultPlan *faults);
    // GET pods/{name}/log of a simulated pod (PodSimulation::log); with `after`, what a follow has
    // not seen yet of the run it follows.
    PodLogResult podLog(const PodLogRequest &request, const PodLogCursor *after = nullptr) const;
    // A client deleted a pod through the API: Flink or the ReplicaSet replaces it.
    void podDeletedByClient(const QString &ns, const QString &pod);

    // Calls fn under the simulation's lock for every simulated cluster (or one of them).
    void forEachCluster(const std::function<void(const QString &ns, const QString &name, const FlinkJobModel &,
                                                 qint64 nowMs)> &fn) const;
    bool withCluster(const QString &ns, const QString &name,
                     const std::function<void(const FlinkJobModel &, qint64 nowMs)> &fn) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
