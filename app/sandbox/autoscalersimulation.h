#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>

namespace capstan::sandbox {

class FlinkJobModel;
class ResourceStore;

// The Flink Kubernetes operator's autoscaler (job.autoscaler.*) for the operator simulation, its rules in
// outline: once the job has run for the stabilization interval it collects a metric window from the simulated
// job (true processing rate, target data rate, load per vertex), and when a vertex's utilization leaves the
// target's boundary it computes the parallelism that brings it back to the target utilization: bounded by the
// scale-up and scale-down factors and the vertex's parallelism limits, aligned to a divisor of the max
// parallelism (key groups) for keyed inputs and sources. Scale-downs wait for the scale-down interval;
// excluded periods hold every decision; advisory mode (job.autoscaler.scaling.enabled: "false") only reports.
//
// It keeps the operator's state in the ConfigMap autoscaler-<name> (AutoscalerState's encoding), records the
// operator's Events (ScalingReport, ScalingLimited, IneffectiveScaling) and hands its decisions to the
// reconciler as pipeline.jobvertex-parallelism-overrides in the spec it reconciles, which redeploys the job.
// spec.job.autoscalerResetNonce changing clears metrics, overrides and history.
//
// Not thread-safe: the OperatorSimulation calls it under its mutex.
class AutoscalerSimulation final
{
public:
    // Records an Event on the deployment (type Normal or Warning).
    using EventSink = std::function<void(const QJsonObject &deployment, const QString &type, const QString &reason,
                                         const QString &message)>;

    AutoscalerSimulation(ResourceStore &store, EventSink events);
    ~AutoscalerSimulation();
    AutoscalerSimulation(const AutoscalerSimulation &) = delete;
    AutoscalerSimulation &operator=(const AutoscalerSimulation &) = delete;

    // job.autoscaler.enabled (or its kubernetes.operator. legacy key) is "true".
    static bool enabled(const QJsonObject &spec);

    // Whether the deployment has autoscaler work due at nowMs (a metric collection).
    bool due(const QString &ns, const QString &name, qint64 nowMs) const;

    // One autoscaler run within a reconcile of `deployment`: returns `spec` with the autoscaler's
    // parallelism overrides applied. `settled`: the reconciled spec is deployed and no user change is
    // pending, so the autoscaler may collect and decide.
    QJsonObject scale(const QJsonObject &deployment, const QJsonObject &spec, const FlinkJobModel &cluster,
                      bool settled, qint64 nowMs);

    // The deployment is gone (its ConfigMap goes with it through the owner reference).
    void forget(const QString &ns, const QString &name);

private:
    struct Entry;
    void collect(Entry &e, const FlinkJobModel &cluster, qint64 nowMs);
    void evaluate(Entry &e, const QJsonObject &deployment, const QJsonObject &conf, const FlinkJobModel &cluster,
                  qint64 nowMs);
    void store(Entry &e);

    ResourceStore &m_store;
    EventSink m_events;
    std::map<QString, std::unique_ptr<Entry>> m_entries; // "ns/name"
};

} // namespace capstan::sandbox
