#pragma once

#include "sandbox/operatorsimulation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace capstan::sandbox {

class FlinkJobModel;

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

// The JobManager REST API (shaped like Flink's rest_v1_dispatcher.yml) of one simulated cluster at
// one virtual instant: /overview, /config, /jobs, /jobs/overview, /jobs/:jobid,
// /jobs/:jobid/checkpoints, /jobs/:jobid/exceptions, /jobs/:jobid/metrics,
// /jobs/:jobid/vertices/:vertexid/subtasks/metrics, /taskmanagers. Unknown paths and job ids get
// 404 with Flink's {"errors":[…]} body.
//
// A short-lived value: the caller holds the simulation's lock for its lifetime.
class JobManagerApi final
{
public:
    JobManagerApi(const FlinkJobModel &cluster, qint64 nowMs);

    ProxyResponse get(const QString &path, const QUrlQuery &query) const;

private:
    QJsonObject overview() const;
    QJsonObject dashboardConfig() const;
    QJsonObject jobDetails() const;
    QJsonObject jobSummary() const;
    QJsonObject checkpoints() const;
    QJsonObject exceptions(const QUrlQuery &query) const;
    QJsonArray jobMetrics(const QUrlQuery &query) const;
    QJsonArray subtaskMetrics(int vertex, const QUrlQuery &query) const;
    QJsonObject taskManagers() const;

    const FlinkJobModel &m_cluster;
    qint64 m_now = 0;
};

} // namespace capstan::sandbox
