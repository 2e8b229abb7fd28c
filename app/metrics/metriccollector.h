#pragma once

#include "metrics/metricsample.h"
#include "session/jobmanagerservice.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace capstan {

class KubeClient;

// Collects one deployment's metrics from its JobManager REST API, reached through the API server's
// service proxy (the operator's <name>-rest:rest, or a Ververica Platform job's Service): job level numRestarts,
// running time, last checkpoint duration and size, completed and failed checkpoints; and per-vertex subtask aggregates
// reduced to the records out per second of the sources, the records in per second of the sinks, the highest busy and
// back-pressured time per second of any vertex, and the watermark lag of the sinks when the JobManager serves
// watermarks. The job graph (which vertices are sources and sinks) is read once per job id from /jobs/:id. Lives on the
// backend thread; does not own the client.
class MetricCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricCollector)

public:
    MetricCollector(KubeClient *client, const JobManagerService &jobManager, QObject *parent = nullptr);

    // Starts one collection round for jobId, unless a round is still in flight (then does nothing).
    // The round ends with collected(), also when some requests failed (their metrics are left out).
    void collect(const QString &jobId);
    // Drops the round in flight: collected() is not emitted for it.
    void cancel();
    bool isCollecting() const { return m_pending > 0; }
    const JobManagerService &jobManager() const { return m_jobManager; }

signals:
    // All samples of one round share its start time. Not emitted for a round that produced nothing.
    void collected(const QList<capstan::MetricSample> &samples);

private:
    struct Topology
    {
        QString jobId;
        QStringList vertices; // in the job's order
        QStringList sources; // vertices without inputs
        QStringList sinks; // vertices no other vertex reads from
        bool watermarks = true; // false once the JobManager did not answer for watermarks
    };

    void request(const QString &path, std::function<void(const QJsonObject &)> handle,
                 std::function<void()> failed = {});
    void requestMetrics();
    void finishRound();
    void add(const QString &metric, double value);
    static Topology parseTopology(const QString &jobId, const QJsonObject &job);

    KubeClient *m_client;
    JobManagerService m_jobManager;
    Topology m_topology;
    quint64 m_generation = 0;
    int m_pending = 0;
    // The round in flight.
    QString m_jobId;
    qint64 m_timeMs = 0;
    QList<MetricSample> m_samples;
    double m_sourceOut = 0;
    double m_sinkIn = 0;
    double m_maxBusy = -1;
    double m_maxBackPressured = -1;
    int m_sourcesAnswered = 0;
    int m_sinksAnswered = 0;
    qint64 m_lowestWatermark = 0; // 0: none seen
};

} // namespace capstan
