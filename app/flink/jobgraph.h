#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// One task (chain of operators) of a running job as the JobManager describes it. The ratios are the
// worst subtask's (Flink's Web Dashboard colours a vertex by its busiest subtask): -1 when unknown.
struct JobVertex
{
    QString id;
    QString name; // the chained operators' names, as in the plan
    int parallelism = -1;
    int maxParallelism = -1;
    QString status; // RUNNING, DEPLOYING, …
    double busyRatio = -1; // 0..1 of the busiest subtask
    double backPressuredRatio = -1; // 0..1 of the most back-pressured subtask
    double recordsInPerSecond = -1; // summed over the subtasks
    double recordsOutPerSecond = -1;
    // Event time behind the cluster's clock, from the lowest subtask input watermark; -1 when the
    // vertex has none (sources, jobs without event time).
    qint64 watermarkLagMs = -1;
    int layer = 0; // column of the layered drawing: the longest path from a source

    // Flink's back-pressure levels: ok below 10 %, low up to 50 %, high above.
    enum class Pressure { Unknown, Ok, Low, High };
    Pressure pressure() const;
    bool isSource() const { return layer == 0; }
};

// An edge of the plan: records flow from `source` to `target`.
struct JobEdge
{
    QString source;
    QString target;
    QString shipStrategy; // FORWARD, HASH, REBALANCE, RESCALE, BROADCAST, GLOBAL, …
    QString exchange; // pipelined_bounded, blocking, …
};

// The dataflow of a job: the plan's vertices and edges, with the live figures of the last poll.
struct JobGraph
{
    QString jobId;
    QString jobName;
    QDateTime polledAt;
    Error error; // the last poll failed (the graph keeps what was known)
    QList<JobVertex> vertices; // sources first, in layer order
    QList<JobEdge> edges;

    bool isEmpty() const { return vertices.isEmpty(); }
    int indexOf(const QString &vertexId) const;
    int layerCount() const;

    // /jobs/{jobid}/plan (its "plan" object, or the answer holding it). Layers are computed here.
    static JobGraph fromPlan(const QJsonObject &plan);
    // /jobs/{jobid}: each vertex's status, name and parallelism (the plan's may be older after a rescale).
    void applyJobDetails(const QJsonObject &job);
    // /jobs/{jobid}/vertices/{vertexid}/subtasks/metrics?get=…&agg=min,max,sum, an array of
    // {id, min, max, sum}. nowMs: the cluster's time, for the watermark lag.
    void applyVertexMetrics(const QString &vertexId, const QJsonArray &metrics, qint64 nowMs);
    // The metric ids and aggregations applyVertexMetrics reads, as a query string.
    static QString vertexMetricsQuery();
};

// One subtask of a vertex, from /vertices/{id}, /backpressure and /watermarks.
struct SubtaskDetails
{
    int index = -1;
    QString status;
    int attempt = 0;
    QString taskManagerId; // on Kubernetes the TaskManager's pod name
    QString endpoint; // host:port
    double busyRatio = -1;
    double backPressuredRatio = -1;
    double idleRatio = -1;
    QString backPressureLevel; // ok, low, high (Flink's words)
    qint64 recordsIn = -1;
    qint64 recordsOut = -1;
    qint64 watermarkMs = -1; // -1: none (a source, or no event time)
    // This subtask's part of the latest completed checkpoint.
    qint64 checkpointStateSize = -1;
    qint64 checkpointDurationMs = -1;
    qint64 alignmentDurationMs = -1;
    qint64 alignmentBufferedBytes = -1;
};

// The selected vertex in detail.
struct VertexDetails
{
    QString jobId;
    QString vertexId;
    QString name;
    QDateTime polledAt;
    Error error;
    QList<SubtaskDetails> subtasks;
    // The vertex's part of the latest completed checkpoint (checkpointId -1: none yet).
    qint64 checkpointId = -1;
    qint64 checkpointStateSize = -1;
    qint64 checkpointDurationMs = -1;
    qint64 alignmentDurationMs = -1; // the slowest subtask's
    qint64 alignmentBufferedBytes = -1;

    // /jobs/{jobid}/vertices/{vertexid}
    void applyVertex(const QJsonObject &vertex);
    // /jobs/{jobid}/vertices/{vertexid}/backpressure ("deprecated" while sampling: nothing changes)
    void applyBackPressure(const QJsonObject &backPressure);
    // /jobs/{jobid}/vertices/{vertexid}/watermarks
    void applyWatermarks(const QJsonArray &watermarks);
    // /jobs/{jobid}/checkpoints/details/{checkpointid}/subtasks/{vertexid}
    void applyCheckpoint(qint64 checkpointId, const QJsonObject &subtaskStats);
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::JobGraph)
Q_DECLARE_METATYPE(capstan::VertexDetails)
