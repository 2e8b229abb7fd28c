#pragma once

#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace capstan::sandbox {

// Where a request to the API server's service proxy goes:
// /api/v1/namespaces/<ns>/services/<name>[:<port>]/proxy/<path>.
struct ServiceProxyTarget
{
    QString ns;
    QString service;
    QString port; // "rest", "8081" or empty
    QString path; // without a leading slash
};

// Parses a service proxy path; false for any other path.
bool parseServiceProxyPath(const QString &requestPath, ServiceProxyTarget *target);

// The JobManager REST API of one simulated cluster at one virtual instant, shaped as Flink's
// rest_v1_dispatcher.yml and answering every GET the Flink Web Dashboard makes: the cluster
// (/overview, /config, /jobmanager/config|environment|metrics, /taskmanagers[/:id[/metrics]]), the
// job (/jobs, /jobs/overview, /jobs/:jobid and its plan, status, config, exceptions, accumulators,
// metrics, checkpoints, checkpoints/config, checkpoints/details/:id[/subtasks/:vertexid]) and its
// vertices (/jobs/:jobid/vertices/:vertexid and its subtasks/metrics, backpressure, watermarks,
// taskmanagers, subtasktimes, accumulators). "/" is a small HTML page of the sandbox's own. Unknown
// paths and ids get 404 with Flink's {"errors":[…]} body. The log files are served by the
// OperatorSimulation, which has the pods.
//
// Where a real JobManager differs from the generated spec, the answer is the real one: fields
// without a value are written as null; a TaskManager id is its pod name (not 32 hex digits); metric
// collections (/metrics, …/subtasks/metrics, …/watermarks) are JSON arrays, not {"metrics":[…]};
// /jobs/:jobid/config is {"jid","name","execution-config"} (a custom serializer the spec does not
// see); checkpoints/config writes the processing mode in lower case ("exactly_once"); Flink 1.x
// still sends the deprecated root-exception, timestamp, all-exceptions and truncated besides
// exceptionHistory.
//
// A short-lived value: the caller holds the simulation's lock for its lifetime.
class JobManagerApi final
{
public:
    JobManagerApi(const FlinkJobModel &cluster, qint64 nowMs);

    ProxyResponse get(const QString &path, const QUrlQuery &query) const;

private:
    ProxyResponse jobGet(const QStringList &parts, const QUrlQuery &query) const;
    ProxyResponse vertexGet(int vertex, const QStringList &rest, const QUrlQuery &query) const;
    QByteArray indexPage() const;
    QJsonObject overview() const;
    QJsonObject dashboardConfig() const;
    QJsonArray jobManagerConfig() const;
    QJsonObject environment() const;
    QJsonArray jobManagerMetrics(const QUrlQuery &query) const;
    QJsonObject jobDetails() const;
    QJsonObject jobSummary() const;
    QJsonObject plan() const;
    QJsonObject checkpoints() const;
    QJsonObject checkpointConfig() const;
    QJsonObject checkpointDetails(const CheckpointRecord &c) const;
    QJsonObject checkpointSubtasks(const CheckpointRecord &c, int vertex) const;
    QJsonObject exceptions(const QUrlQuery &query) const;
    QJsonArray jobMetrics(const QUrlQuery &query) const;
    QJsonObject vertexDetails(int vertex) const;
    QJsonArray subtaskMetrics(int vertex, const QUrlQuery &query) const;
    QJsonObject backPressure(int vertex) const;
    QJsonArray watermarks(int vertex) const;
    QJsonObject vertexTaskManagers(int vertex) const;
    QJsonObject subtaskTimes(int vertex) const;
    QJsonObject taskManagers() const;
    QJsonObject taskManagerInfo(int index) const;
    QJsonObject taskManagerDetails(int index) const;
    QJsonArray taskManagerMetrics(int index, const QUrlQuery &query) const;

    // Per-subtask pieces shared by several answers.
    QString taskState() const;
    qint64 runningSinceMs() const;
    double recordsShare(int vertex, int subtask) const;
    qint64 numRecordsIn(int vertex) const;
    QJsonObject ioMetrics(int vertex, int subtask) const; // subtask -1: the whole vertex
    QJsonObject statusTimestamps() const;
    QString subtaskEndpoint(int subtask) const;
    QList<qint64> stateSplit(qint64 total) const; // a checkpoint's bytes per vertex
    qint64 vertexAckMs(const CheckpointRecord &c, int vertex) const;
    int depth(int vertex) const;

    const FlinkJobModel &m_cluster;
    QList<FlinkJobModel::Vertex> m_vertices;
    qint64 m_now = 0;
};

} // namespace capstan::sandbox
