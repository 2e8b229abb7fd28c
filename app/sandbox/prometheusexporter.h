#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

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
    using Labels = std::vector<std::pair<QString, QString>>;

    // What a series measures; its value comes from valueOf().
    enum class Quantity {
        NumRestarts,
        Uptime,
        Downtime,
        LastCheckpointDuration,
        LastCheckpointSize,
        CompletedCheckpoints,
        FailedCheckpoints,
        InProgressCheckpoints,
        RecordsInPerSecond,
        RecordsOutPerSecond,
        RecordsOut,
        BusyTimeMsPerSecond,
        BackPressuredTimeMsPerSecond,
        IdleTimeMsPerSecond
    };

    // One series a job exports: its name and labels as the PrometheusReporter writes them.
    struct Series
    {
        Quantity quantity = Quantity::NumRestarts;
        QString name;
        Labels labels;
        int vertex = -1; // task and operator series
        int subtask = -1;
    };

    // The series of the job `jobId` of `cluster` (its settings and vertices), with the tasks in
    // attempt `attempt` (task_attempt_num). Empty for a cluster without a job.
    static std::vector<Series> seriesOf(const QString &ns, const QString &deployment, const FlinkJobModel &cluster,
                                        const QString &jobId, int attempt);
    // The value of one series of the cluster's current job at nowMs.
    static double valueOf(const Series &series, const FlinkJobModel &cluster, qint64 nowMs);
    static bool isCounter(const QString &name);

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
