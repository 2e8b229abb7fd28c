#pragma once

#include "flink/jobgraph.h"
#include "flink/jobmanagerinfo.h"
#include "metrics/metricsample.h"
#include "session/jobmanagerservice.h"

#include <QObject>

namespace capstan {

class JobGraphPoller;
class KubeClient;
class MetricCollector;

// One job's view from its JobManager's REST API, wherever that answers (JobManagerService): each
// round asks for the job, its checkpoints, exceptions and restarts (polled), collects its metrics
// (MetricCollector: metricsCollected) and, while a page shows the graph, its dataflow (JobGraphPoller:
// graphPolled, vertexPolled). The operator's DeploymentWatch and the Ververica Platform's session
// drive it at their poll interval, only while the JobManager can answer. Lives on the session's
// backend thread; does not own the client.
class JobManagerPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManagerPoller)

public:
    JobManagerPoller(KubeClient *client, const JobManagerService &jobManager, QObject *parent = nullptr);

    const JobManagerService &jobManager() const { return m_jobManager; }

    // One round for jobId (Flink's job id). Does nothing while the previous round's view is still
    // in flight. latestCheckpointId: the job's latest completed checkpoint known (-1: none), whose
    // per-vertex statistics the graph's details show.
    void poll(const QString &jobId, qint64 latestCheckpointId);
    bool isPolling() const { return m_pending > 0; }
    // Drops the rounds in flight: nothing more is published from them.
    void cancel();

    // Polls the graph with each round while on, with the details of `vertexId` when not empty.
    // Returns true when the graph should be shown now rather than at the next round: it was just
    // turned on, or another vertex was chosen (the round in flight for the previous one is dropped).
    bool setGraphWatch(bool on, const QString &vertexId);
    // One graph round at once (after setGraphWatch returned true).
    void pollGraph(const QString &jobId, qint64 latestCheckpointId);

signals:
    void polled(const capstan::JobManagerInfo &info);
    void metricsCollected(const QList<capstan::MetricSample> &samples);
    void graphPolled(const capstan::JobGraph &graph);
    void vertexPolled(const capstan::VertexDetails &details);

private:
    void finishRound();

    KubeClient *m_client;
    JobManagerService m_jobManager;
    MetricCollector *m_metrics;
    JobGraphPoller *m_graph = nullptr; // while the graph is watched
    int m_pending = 0;
    quint64 m_generation = 0;
    JobManagerInfo m_polling; // filled by the requests of the round in flight
};

} // namespace capstan
