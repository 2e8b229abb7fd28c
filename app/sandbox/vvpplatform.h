#pragma once

#include "sandbox/operatorsimulation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace capstan::sandbox {

class VirtualClock;

// The outcome of a platform operation: the resource or list (status < 400) or an error body
// {"kind":"Error","statusCode","reason","message"} (status >= 400). 204 has no body.
struct VvpResult
{
    int status = 200;
    QJsonObject body;
    bool ok() const { return status < 400; }
};

// A Ververica Platform 2.4 Application Manager simulated on the sandbox's virtual clock: namespaces,
// Deployments with their Jobs, Savepoints and Events, DeploymentDefaults, DeploymentTargets,
// SecretValues and SessionClusters, written with the field names of the Application Manager's API
// description (Swagger 2.0, "appmanager-api-swagger-2.4.3.json").
//
// Semantics, in outline as Ververica documents them:
// - spec.state RUNNING on a SUSPENDED, CANCELLED or FAILED deployment creates a Job (status
//   TRANSITIONING, then RUNNING once the Flink job runs) restoring per spec.restoreStrategy:
//   LATEST_STATE the newest completed Savepoint of any origin (retained checkpoints included),
//   LATEST_SAVEPOINT the newest one that is not a RETAINED_CHECKPOINT, NONE nothing.
// - SUSPENDED takes a Savepoint (origin SUSPEND), then stops the job; CANCELLED stops it without one.
// - A change of spec.template (or deploymentTargetName) of a running deployment upgrades it per
//   spec.upgradeStrategy: STATEFUL takes a SUSPEND_AND_UPGRADE Savepoint and starts a new Job from it,
//   STATELESS starts a new Job without state, NONE leaves the job alone until the next start.
// - Flink checkpoints complete at execution.checkpointing.interval while a job runs; with Kubernetes
//   HA on (flinkConfiguration high-availability), a job's last checkpoint is registered as a
//   RETAINED_CHECKPOINT Savepoint when the job ends, if it is newer than the newest Savepoint.
// - Main args with `--enable-new-feature true` (or `=true`) make the Flink job fail after each start:
//   it restarts restart-strategy.fixed-delay.attempts times (3 unless set; status.running.conditions
//   then say JobFailing), fails terminally (Job FAILED, deployment FAILED, with Events), and the
//   platform creates a new Job after 10 s while spec.state stays RUNNING.
// - DeploymentDefaults of the namespace are merged under a deployment's spec when a Job is created
//   (the Job's spec is the effective one); GET of a deployment returns its own spec.
// - Writes carrying metadata.resourceVersion that is not the current one are refused with 409; a
//   deployment is deleted only in CANCELLED or SUSPENDED; SecretValue values are never returned.
// Job timing, checkpoints and failures come from FlinkJobModel.
//
// Time advances lazily: every call first runs the transitions due up to the clock's now, so a paused
// clock holds the platform still and VirtualClock::advance() plus any call steps it.
//
// Thread-safety: every public method may be called from any thread (one mutex).
class VvpPlatform final
{
public:
    enum class Kind { DeploymentTarget, SecretValue, SessionCluster };

    // seed makes ids (uuids) reproducible.
    VvpPlatform(VirtualClock &clock, quint64 seed = 1);
    ~VvpPlatform();
    VvpPlatform(const VvpPlatform &) = delete;
    VvpPlatform &operator=(const VvpPlatform &) = delete;

    // The demo content: in namespace "default", github-analytics (RUNNING, STATEFUL + LATEST_STATE,
    // Kubernetes HA, savepoints of each origin it has seen), fraud-detector (RUNNING) and
    // nightly-backfill (SUSPENDED), with the jobs and events of their history.
    void seedDemo();

    // Runs every transition due up to the clock's now.
    void reconcile();

    QStringList namespaces() const;
    bool hasNamespace(const QString &ns) const;

    VvpResult listDeployments(const QString &ns, const QString &labelSelector);
    VvpResult getDeployment(const QString &ns, const QString &name);
    VvpResult createDeployment(const QString &ns, const QJsonObject &body);
    VvpResult upsertDeployment(const QString &ns, const QString &name, const QJsonObject &body);
    VvpResult patchDeployment(const QString &ns, const QString &name, const QJsonObject &patch);
    VvpResult deleteDeployment(const QString &ns, const QString &name);

    VvpResult getDeploymentDefaults(const QString &ns);
    VvpResult patchDeploymentDefaults(const QString &ns, const QJsonObject &patch);

    VvpResult listEvents(const QString &ns, const QString &deploymentId, const QString &jobId,
                         const QString &sessionClusterId);
    VvpResult listJobs(const QString &ns, const QString &deploymentId);
    VvpResult getJob(const QString &ns, const QString &jobId);

    VvpResult listSavepoints(const QString &ns, const QString &deploymentId, const QString &jobId);
    VvpResult getSavepoint(const QString &ns, const QString &id);
    // A USER_REQUEST savepoint of metadata.deploymentId's running job, or, with spec.savepointLocation,
    // an existing one registered as completed (origin USER_REQUEST or COPIED).
    VvpResult createSavepoint(const QString &ns, const QJsonObject &body);

    // DeploymentTargets, SecretValues and SessionClusters: plain resources by name.
    VvpResult listResources(Kind kind, const QString &ns);
    VvpResult getResource(Kind kind, const QString &ns, const QString &name);
    VvpResult createResource(Kind kind, const QString &ns, const QJsonObject &body);
    VvpResult upsertResource(Kind kind, const QString &ns, const QString &name, const QJsonObject &body);
    VvpResult patchResource(Kind kind, const QString &ns, const QString &name, const QJsonObject &patch);
    VvpResult deleteResource(Kind kind, const QString &ns, const QString &name);

    VvpResult status() const;
    VvpResult systemInfo() const;

    // The Kubernetes objects of the Flink clusters the platform runs now, as it creates them for a Job
    // in the namespace of its Deployment Target, labelled system=ververica-platform, app=flink-job,
    // vvpNamespace, deploymentId, deploymentName and jobId: the JobManager's Service
    // job-<job id>-jobmanager (ports rpc 6123, blob 6124, rest 8081) and its pod (Running once the
    // JobManager is up). The sandbox's API server keeps its store in step with them.
    QList<QJsonObject> clusterObjects();
    // GET <path>?<query> on the API server's service proxy for <ns>/<service>: the JobManager REST API
    // (JobManagerApi) of the job whose Service that is, 503 "no endpoints available" while its
    // JobManager is not up; nullopt when it is none of clusterObjects()' Services.
    std::optional<ProxyResponse> jobManagerGet(const QString &ns, const QString &service, const QString &path,
                                               const QUrlQuery &query);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
