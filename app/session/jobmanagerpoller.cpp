#include "session/jobmanagerpoller.h"

#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/serverclock.h"
#include "metrics/metriccollector.h"
#include "session/jobgraphpoller.h"

#include <QJsonArray>

namespace capstan {

JobManagerPoller::JobManagerPoller(KubeClient *client, const JobManagerService &jobManager, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobManager(jobManager)
    , m_metrics(new MetricCollector(client, jobManager, this))
{
    connect(m_metrics, &MetricCollector::collected, this, &JobManagerPoller::metricsCollected);
}

void JobManagerPoller::cancel()
{
    ++m_generation;
    m_pending = 0;
    m_metrics->cancel();
}

bool JobManagerPoller::setGraphWatch(bool on, const QString &vertexId)
{
    if (!on) {
        delete m_graph;
        m_graph = nullptr;
        return false;
    }
    const bool started = !m_graph;
    const bool reselected = m_graph && m_graph->selectedVertex() != vertexId;
    if (started) {
        m_graph = new JobGraphPoller(m_client, m_jobManager, this);
        connect(m_graph, &JobGraphPoller::graphPolled, this, &JobManagerPoller::graphPolled);
        connect(m_graph, &JobGraphPoller::vertexPolled, this, &JobManagerPoller::vertexPolled);
    }
    m_graph->setSelectedVertex(vertexId);
    if (reselected)
        m_graph->cancel();
    return started || reselected;
}

void JobManagerPoller::pollGraph(const QString &jobId, qint64 latestCheckpointId)
{
    if (m_graph)
        m_graph->poll(jobId, latestCheckpointId);
}

void JobManagerPoller::poll(const QString &jobId, qint64 latestCheckpointId)
{
    if (m_pending > 0 || jobId.isEmpty())
        return;
    m_metrics->collect(jobId);
    if (m_graph)
        m_graph->poll(jobId, latestCheckpointId);
    const quint64 generation = ++m_generation;
    m_polling = JobManagerInfo();
    m_polling.jobId = jobId;
    m_polling.reachable = true;
    const auto request = [this, generation](const QString &path, auto handle) {
        ++m_pending;
        KubeReply *reply = m_client->getThroughService(m_jobManager.ns, m_jobManager.service, m_jobManager.port, path);
        connect(reply, &KubeReply::finished, this, [this, generation, handle](const Result<QJsonObject> &result) {
            if (generation != m_generation)
                return;
            if (result)
                handle(result.value());
            else if (m_polling.reachable) {
                m_polling.reachable = false;
                m_polling.error = result.error();
            }
            if (--m_pending == 0)
                finishRound();
        });
    };
    request(QStringLiteral("/jobs/") + jobId, [this](const QJsonObject &job) {
        m_polling.jobName = job.value(QLatin1String("name")).toString();
        m_polling.jobState = job.value(QLatin1String("state")).toString();
        const qint64 start = job.value(QLatin1String("start-time")).toInteger();
        if (start > 0)
            m_polling.startTime = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
        m_polling.durationMs = job.value(QLatin1String("duration")).toInteger(-1);
    });
    request(QStringLiteral("/jobs/%1/checkpoints").arg(jobId), [this, jobId](const QJsonObject &stats) {
        m_polling.latestCheckpoint = Snapshot::fromCheckpointStats(stats, jobId);
        m_polling.restoredFrom = Snapshot::restoredFromCheckpointStats(stats, jobId);
        const QJsonObject counts = stats.value(QLatin1String("counts")).toObject();
        m_polling.completedCheckpoints = counts.value(QLatin1String("completed")).toInteger(-1);
        m_polling.failedCheckpoints = counts.value(QLatin1String("failed")).toInteger(-1);
    });
    request(QStringLiteral("/jobs/%1/exceptions").arg(jobId), [this](const QJsonObject &exceptions) {
        m_polling.exceptions = JobManagerInfo::parseExceptions(exceptions);
    });
    request(QStringLiteral("/jobs/%1/metrics?get=numRestarts").arg(jobId), [this](const QJsonObject &metrics) {
        const QJsonArray items = metrics.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject metric = item.toObject();
            if (metric.value(QLatin1String("id")).toString() == QLatin1String("numRestarts"))
                m_polling.numRestarts = metric.value(QLatin1String("value")).toString().toLongLong();
        }
    });
}

void JobManagerPoller::finishRound()
{
    m_polling.polledAt = m_client->clock()->now();
    emit polled(m_polling);
}

} // namespace capstan
