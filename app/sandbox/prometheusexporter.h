#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace capstan::sandbox {

class FlinkJobModel;
class OperatorSimulation;

// Prometheus text exposition (format 0.0.4) of the simulated clusters, with the names and labels of
// Flink's PrometheusReporter (flink_jobmanager_job_numRestarts{job_id=…,job_name=…},
// flink_taskmanager_job_task_operator_numRecordsOutPerSecond{…}, …) plus a `namespace` label as a
// Kubernetes service discovery would add it.
//
// listen() serves GET /metrics for every cluster over plain HTTP on 127.0.0.1 for a real Prometheus
// (`capstan-sandbox --prometheus-port P`). Thread-safety: render() and appendCluster() may be called
// from any thread; listen()/stop() from one thread.
class PrometheusExporter final
{
public:
    explicit PrometheusExporter(const OperatorSimulation &simulation);
    ~PrometheusExporter();
    PrometheusExporter(const PrometheusExporter &) = delete;
    PrometheusExporter &operator=(const PrometheusExporter &) = delete;

    // Port 0 picks a free one. Returns false and sets *error when it cannot bind.
    bool listen(quint16 port, QString *error = nullptr);
    void stop();
    quint16 port() const;

    static QByteArray render(const OperatorSimulation &simulation);
    static void appendCluster(QByteArray *out, const QString &ns, const QString &deployment,
                              const FlinkJobModel &cluster, qint64 nowMs);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
