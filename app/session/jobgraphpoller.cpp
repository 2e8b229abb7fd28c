#include "session/jobgraphpoller.h"

#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/serverclock.h"

#include <memory>

namespace capstan {

JobGraphPoller::JobGraphPoller(KubeClient *client, const JobManagerService &jobManager, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobManager(jobManager)
{
}

void JobGraphPoller::setSelectedVertex(const QString &vertexId)
{
    m_selected = vertexId;
}

void JobGraphPoller::cancel()
{
    ++m_generation;
    m_pending = 0;
}

void JobGraphPoller::request(const QString &path, std::function<void(const QJsonObject &)> handle,
                             const std::function<void()> &done)
{
    ++m_pending;
    KubeReply *reply = m_client->getThroughService(m_jobManager.ns, m_jobManager.service, m_jobManager.port, path);
    const quint64 generation = m_generation;
    connect(reply, &KubeReply::finished, this,
            [this, generation, handle = std::move(handle), done](const Result<QJsonObject> &result) {
                if (generation != m_generation)
                    return;
                if (result)
                    handle(result.value());
                else if (!m_graph.error.isSet())
                    m_graph.error = result.error();
                if (--m_pending == 0)
                    done();
            });
}

void JobGraphPoller::poll(const QString &jobId, qint64 latestCheckpointId)
{
    if (m_pending > 0 || jobId.isEmpty())
        return;
    ++m_generation;
    // The plan of a job does not change while it runs (a rescale changes parallelism, which
    // /jobs/{id} reports): later rounds only read the figures.
    if (m_graph.jobId != jobId)
        m_graph = JobGraph();
    m_graph.error = Error();
    request(
        QStringLiteral("/jobs/") + jobId,
        [this, jobId](const QJsonObject &job) {
            if (m_graph.isEmpty()) {
                m_graph = JobGraph::fromPlan(job.value(QLatin1String("plan")).toObject());
                m_graph.jobId = jobId;
            }
            m_graph.applyJobDetails(job);
            pollVertices(jobId);
        },
        [this] { publishGraph(); });
    if (!m_selected.isEmpty())
        pollSelected(jobId, latestCheckpointId);
}

void JobGraphPoller::pollVertices(const QString &jobId)
{
    const qint64 nowMs = m_client->clock()->nowMs();
    const QString query = JobGraph::vertexMetricsQuery();
    for (const JobVertex &v : std::as_const(m_graph.vertices)) {
        const QString id = v.id;
        request(
            QStringLiteral("/jobs/%1/vertices/%2/subtasks/metrics?%3").arg(jobId, id, query),
            [this, id, nowMs](const QJsonObject &answer) {
                m_graph.applyVertexMetrics(id, answer.value(QLatin1String("items")).toArray(), nowMs);
            },
            [this] { publishGraph(); });
    }
}

void JobGraphPoller::publishGraph()
{
    m_graph.polledAt = m_client->clock()->now();
    emit graphPolled(m_graph);
}

void JobGraphPoller::pollSelected(const QString &jobId, qint64 checkpointId)
{
    // The details are their own round within the graph's: they publish when their own requests are
    // answered, counted apart so that a slow graph does not hold them back.
    auto details = std::make_shared<VertexDetails>();
    details->jobId = jobId;
    details->vertexId = m_selected;
    auto pending = std::make_shared<int>(0);
    const quint64 generation = m_generation;
    const auto ask = [this, details, pending, generation](const QString &path,
                                                          std::function<void(const QJsonObject &)> handle) {
        ++*pending;
        KubeReply *reply = m_client->getThroughService(m_jobManager.ns, m_jobManager.service, m_jobManager.port, path);
        connect(reply, &KubeReply::finished, this,
                [this, details, pending, generation, handle = std::move(handle)](const Result<QJsonObject> &result) {
                    if (generation != m_generation || details->vertexId != m_selected)
                        return;
                    if (result)
                        handle(result.value());
                    else if (!details->error.isSet())
                        details->error = result.error();
                    if (--*pending == 0) {
                        details->polledAt = m_client->clock()->now();
                        emit vertexPolled(*details);
                    }
                });
    };
    const QString base = QStringLiteral("/jobs/%1/vertices/%2").arg(jobId, m_selected);
    ask(base, [details](const QJsonObject &o) { details->applyVertex(o); });
    ask(base + QLatin1String("/backpressure"), [details](const QJsonObject &o) { details->applyBackPressure(o); });
    ask(base + QLatin1String("/watermarks"),
        [details](const QJsonObject &o) { details->applyWatermarks(o.value(QLatin1String("items")).toArray()); });
    if (checkpointId >= 0)
        ask(QStringLiteral("/jobs/%1/checkpoints/details/%2/subtasks/%3").arg(jobId).arg(checkpointId).arg(m_selected),
            [details, checkpointId](const QJsonObject &o) { details->applyCheckpoint(checkpointId, o); });
}

} // namespace capstan
