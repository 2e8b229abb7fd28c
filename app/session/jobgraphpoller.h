#pragma once

#include "flink/jobgraph.h"
#include "session/jobmanagerservice.h"

#include <QObject>
#include <QString>

#include <functional>

namespace capstan {

class KubeClient;

// Polls one job's dataflow through the JobManager's REST API (service proxy): the plan with each
// vertex's status, and per vertex its busiest subtask, records per second and lowest watermark
// (one aggregated subtask-metrics request per vertex, as Flink's Web Dashboard does). With a vertex
// selected, also its subtasks, back-pressure, watermarks and part of the latest checkpoint.
// Lives on the session's backend thread; DeploymentWatch drives it at its poll interval while a page
// shows the graph, so nothing is polled for pages that do not.
class JobGraphPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobGraphPoller)

public:
    JobGraphPoller(KubeClient *client, const JobManagerService &jobManager, QObject *parent = nullptr);

    // One round for `jobId`; ignored while the previous round is in flight. latestCheckpointId: the
    // job's latest completed checkpoint (-1: none), whose per-vertex statistics the details show.
    void poll(const QString &jobId, qint64 latestCheckpointId);
    // The vertex whose details are polled with each round (empty: none).
    void setSelectedVertex(const QString &vertexId);
    QString selectedVertex() const { return m_selected; }
    // Drops the round in flight: nothing more is published from it.
    void cancel();

signals:
    void graphPolled(const capstan::JobGraph &graph);
    void vertexPolled(const capstan::VertexDetails &details);

private:
    void request(const QString &path, std::function<void(const QJsonObject &)> handle,
                 const std::function<void()> &done);
    void pollVertices(const QString &jobId);
    void publishGraph();
    void pollSelected(const QString &jobId, qint64 checkpointId);

    KubeClient *m_client;
    JobManagerService m_jobManager;
    QString m_selected;
    quint64 m_generation = 0;
    int m_pending = 0; // requests of the round in flight
    JobGraph m_graph; // the round's graph; the plan is kept for the job's next rounds
    VertexDetails m_details;
};

} // namespace capstan
