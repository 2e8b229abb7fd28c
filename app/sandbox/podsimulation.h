#pragma once

#include "sandbox/flinklogs.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace capstan::sandbox {

class FaultPlan;
class FlinkJobModel;
class ResourceStore;

// A read of pods/{name}/log, with the API server's parameters.
struct PodLogRequest
{
    QString ns;
    QString pod;
    QString container; // empty: the only container
    bool previous = false;
    bool timestamps = false;
    qint64 tailLines = -1; // < 0: all
    qint64 sinceMs = -1; // < 0: from the start (absolute, virtual)
    qint64 limitBytes = -1; // < 0: no limit
};

// Where a follow stands: the container run it reads and the last line it sent.
struct PodLogCursor
{
    QString run; // pod uid, container and restart count; another run ends the follow
    qint64 lastMs = -1;
    int sentAtLastMs = 0; // lines at lastMs already sent
};

struct PodLogResult
{
    int code = 200;
    QJsonObject status; // code >= 400: the Status body
    QByteArray body;
    bool running = false; // the container still runs: a follow goes on
    PodLogCursor cursor;
};

// The kubelet and the Flink resource manager for the simulated deployments: core/v1 Pods as native
// Kubernetes mode creates them (the JobManager pod of the Deployment <name> through a ReplicaSet,
// TaskManager pods <name>-taskmanager-<attempt>-<index> owned by that Deployment), their container
// statuses, kubelet Events, faults (crash loop, OOM kill, image pull, unschedulable) and logs.
//
// Not thread-safe: the OperatorSimulation owns it and calls it under its lock, after advancing the
// cluster the pods belong to.
class PodSimulation final
{
public:
    struct Problem
    {
        QString reason; // CrashLoopBackOff, ImagePullBackOff, ErrImagePull
        QString message; // the container's waiting message
    };

    explicit PodSimulation(ResourceStore &store);
    ~PodSimulation();
    PodSimulation(const PodSimulation &) = delete;
    PodSimulation &operator=(const PodSimulation &) = delete;

    void setFaults(FaultPlan *faults) { m_faults = faults; }

    // Brings the pods of one deployment in line with its cluster at nowMs (the cluster may be held
    // or told it lost a TaskManager). Cheap when nothing is due.
    void sync(const QString &ns, const QString &name, const QString &ownerUid, const QJsonObject &spec,
              FlinkJobModel &cluster, qint64 nowMs);
    // Keeps the logs of the running containers as they are now: the cluster is about to be replaced
    // or stopped, and its pods terminate.
    void freeze(const QString &ns, const QString &name, const FlinkJobModel &cluster, qint64 nowMs);
    // The FlinkDeployment is gone: its pods go with it (garbage collection).
    void removeDeployment(const QString &ns, const QString &name);

    // A client deleted the pod (kubectl delete pod): its owner reacts on the next sync.
    void podDeletedByClient(const QString &ns, const QString &pod);

    // What the operator reports as jobManagerDeploymentStatus ERROR.
    std::optional<Problem> jobManagerProblem(const QString &ns, const QString &name) const;

    // What the JobManager's REST API serves as a log file (/jobmanager/log, /taskmanagers/{id}/log):
    // the JobManager's, or a TaskManager's it still has registered (a running pod of that name).
    std::optional<std::vector<LogLine>> restLog(const QString &ns, const QString &name, const QString &taskManager,
                                                const FlinkJobModel &cluster, qint64 nowMs) const;

    // The deployment ("ns/name") a simulated pod belongs to; empty for other pods.
    QString deploymentOf(const QString &ns, const QString &pod) const;
    PodLogResult log(const PodLogRequest &request, const FlinkJobModel *cluster, qint64 nowMs,
                     const PodLogCursor *after = nullptr) const;

private:
    struct Cluster;
    struct Pod;
    struct Container;

    void startJobManagerPod(Cluster &c, const FlinkJobModel &cluster, qint64 nowMs);
    Pod &addPod(Cluster &c, const QString &name, bool jobManager, qint64 createdMs);
    void stepJobManager(Cluster &c, Pod &pod, FlinkJobModel &cluster, qint64 nowMs);
    void stepTaskManagers(Cluster &c, FlinkJobModel &cluster, qint64 nowMs);
    void startContainers(Cluster &c, Pod &pod, qint64 atMs, bool firstStart);
    void killTaskManager(Cluster &c, Pod &pod, FlinkJobModel &cluster, qint64 nowMs);
    void startDeleting(Cluster &c, Pod &pod, const FlinkJobModel *cluster, qint64 nowMs, qint64 graceMs);
    void freezePod(const Cluster &c, Pod &pod, const FlinkJobModel &cluster, qint64 nowMs) const;
    // The log of the container's current run; endMs >= 0: as if the process ended then.
    std::vector<LogLine> containerLog(const Cluster &c, const Pod &pod, const Container &container,
                                      const FlinkJobModel &cluster, qint64 nowMs, qint64 endMs = -1) const;
    ContainerLogInput logInput(const Cluster &c, const Pod &pod, const Container &container) const;
    void write(Cluster &c, Pod &pod, qint64 nowMs);
    QJsonObject podObject(const Cluster &c, const Pod &pod, qint64 nowMs) const;
    // A kubelet (or scheduler) Event about the pod; `repeat` counts a recurring one up.
    void event(Cluster &c, Pod &pod, qint64 atMs, const QString &type, const QString &reason, const QString &message,
               const QString &container = {}, bool repeat = false, bool scheduler = false);

    ResourceStore &m_store;
    FaultPlan *m_faults = nullptr;
    std::map<QString, std::unique_ptr<Cluster>> m_clusters; // "ns/name"
    QHash<QString, QString> m_podIndex; // "ns/pod" → "ns/name"
    qint64 m_nowMs = 0; // of the sync in progress
};

} // namespace capstan::sandbox
