#include "metrics/metriccollector.h"

#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/serverclock.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

#include <cmath>
#include <limits>
#include <utility>

namespace capstan {

namespace {

// Flink serves metric values as strings ("12", "NaN"); aggregates as numbers.
double number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    bool ok = false;
    const double d = value.toString().toDouble(&ok);
    return ok ? d : std::numeric_limits<double>::quiet_NaN();
}

QJsonArray items(const QJsonObject &answer)
{
    return answer.value(QLatin1String("items")).toArray();
}

} // namespace

MetricCollector::MetricCollector(KubeClient *client, const JobManagerService &jobManager, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobManager(jobManager)
{
}

void MetricCollector::cancel()
{
    ++m_generation;
    m_pending = 0;
}

void MetricCollector::request(const QString &path, std::function<void(const QJsonObject &)> handle,
                              std::function<void()> failed)
{
    ++m_pending;
    KubeReply *reply = m_client->getThroughService(m_jobManager.ns, m_jobManager.service, m_jobManager.port, path);
    const quint64 generation = m_generation;
    connect(
        reply, &KubeReply::finished, this,
        [this, generation, handle = std::move(handle), failed = std::move(failed)](const Result<QJsonObject> &result) {
            if (generation != m_generation)
                return;
            if (result)
                handle(result.value());
            else if (failed)
                failed();
            if (--m_pending == 0)
                finishRound();
        });
}

void MetricCollector::collect(const QString &jobId)
{
    if (m_pending > 0 || jobId.isEmpty())
        return;
    ++m_generation;
    m_jobId = jobId;
    // Stamped with the cluster's clock, like the snapshots and events the charts are read beside.
    m_timeMs = m_client->clock()->nowMs();
    m_samples.clear();
    m_sourceOut = 0;
    m_sinkIn = 0;
    m_maxBusy = -1;
    m_maxBackPressured = -1;
    m_sourcesAnswered = 0;
    m_sinksAnswered = 0;
    m_lowestWatermark = 0;
    if (m_topology.jobId == jobId) {
        requestMetrics();
        return;
    }
    // A new job: its graph first, then the metrics in the same round.
    m_topology = Topology();
    const quint64 generation = m_generation;
    request(QStringLiteral("/jobs/") + jobId, [this, jobId, generation](const QJsonObject &job) {
        m_topology = parseTopology(jobId, job);
        if (generation == m_generation)
            requestMetrics();
    });
}

MetricCollector::Topology MetricCollector::parseTopology(const QString &jobId, const QJsonObject &job)
{
    Topology topology;
    topology.jobId = jobId;
    const QJsonArray vertices = job.value(QLatin1String("vertices")).toArray();
    for (const QJsonValue &vertex : vertices)
        topology.vertices << vertex.toObject().value(QLatin1String("id")).toString();
    const QJsonArray nodes = job.value(QLatin1String("plan")).toObject().value(QLatin1String("nodes")).toArray();
    QStringList read; // vertices some other vertex reads from
    QStringList withInputs;
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        const QJsonArray inputs = node.value(QLatin1String("inputs")).toArray();
        if (inputs.isEmpty())
            continue;
        withInputs << node.value(QLatin1String("id")).toString();
        for (const QJsonValue &input : inputs)
            read << input.toObject().value(QLatin1String("id")).toString();
    }
    for (const QString &id : std::as_const(topology.vertices)) {
        if (!nodes.isEmpty() && !withInputs.contains(id))
            topology.sources << id;
        if (!nodes.isEmpty() && !read.contains(id))
            topology.sinks << id;
    }
    // Without a plan: the first vertex is the source and the last the sink (the job's order).
    if (topology.sources.isEmpty() && !topology.vertices.isEmpty())
        topology.sources << topology.vertices.constFirst();
    if (topology.sinks.isEmpty() && !topology.vertices.isEmpty())
        topology.sinks << topology.vertices.constLast();
    return topology;
}

void MetricCollector::add(const QString &metric, double value)
{
    if (std::isfinite(value))
        m_samples.append({m_timeMs, m_jobId, metric, value});
}

void MetricCollector::requestMetrics()
{
    const QString job = QStringLiteral("/jobs/") + m_jobId;
    request(job
                + QStringLiteral("/metrics?get=numRestarts,uptime,runningTime,lastCheckpointDuration,"
                                 "lastCheckpointSize,numberOfCompletedCheckpoints,numberOfFailedCheckpoints"),
            [this](const QJsonObject &answer) {
                double uptime = std::numeric_limits<double>::quiet_NaN();
                double runningTime = uptime;
                const QJsonArray metrics = items(answer);
                for (const QJsonValue &item : metrics) {
                    const QJsonObject metric = item.toObject();
                    const QString id = metric.value(QLatin1String("id")).toString();
                    const double value = number(metric.value(QLatin1String("value")));
                    if (id == QLatin1String("uptime"))
                        uptime = value;
                    else if (id == QLatin1String("runningTime"))
                        runningTime = value;
                    else if (id == MetricName::NumRestarts || id == MetricName::LastCheckpointDuration
                             || id == MetricName::LastCheckpointSize || id == MetricName::CompletedCheckpoints
                             || id == MetricName::FailedCheckpoints)
                        add(id, value);
                }
                // runningTime replaces the deprecated uptime where the JobManager has it.
                add(MetricName::Uptime, std::isfinite(runningTime) ? runningTime : uptime);
            });
    for (const QString &vertex : std::as_const(m_topology.vertices)) {
        const bool source = m_topology.sources.contains(vertex);
        const bool sink = m_topology.sinks.contains(vertex);
        request(job
                    + QStringLiteral("/vertices/%1/subtasks/metrics?get=numRecordsInPerSecond,numRecordsOutPerSecond,"
                                     "busyTimeMsPerSecond,backPressuredTimeMsPerSecond&agg=sum,max")
                          .arg(vertex),
                [this, source, sink](const QJsonObject &answer) {
                    const QJsonArray metrics = items(answer);
                    for (const QJsonValue &item : metrics) {
                        const QJsonObject metric = item.toObject();
                        const QString id = metric.value(QLatin1String("id")).toString();
                        const double sum = number(metric.value(QLatin1String("sum")));
                        const double max = number(metric.value(QLatin1String("max")));
                        if (id == QLatin1String("numRecordsOutPerSecond") && source && std::isfinite(sum)) {
                            m_sourceOut += sum;
                            ++m_sourcesAnswered;
                        } else if (id == QLatin1String("numRecordsInPerSecond") && sink && std::isfinite(sum)) {
                            m_sinkIn += sum;
                            ++m_sinksAnswered;
                        } else if (id == QLatin1String("busyTimeMsPerSecond") && std::isfinite(max)) {
                            m_maxBusy = std::max(m_maxBusy, max);
                        } else if (id == QLatin1String("backPressuredTimeMsPerSecond") && std::isfinite(max)) {
                            m_maxBackPressured = std::max(m_maxBackPressured, max);
                        }
                    }
                });
        if (sink && m_topology.watermarks) {
            request(
                job + QStringLiteral("/vertices/%1/watermarks").arg(vertex),
                [this](const QJsonObject &answer) {
                    const QJsonArray metrics = items(answer);
                    for (const QJsonValue &item : metrics) {
                        const QJsonObject metric = item.toObject();
                        if (!metric.value(QLatin1String("id"))
                                 .toString()
                                 .endsWith(QLatin1String("currentInputWatermark")))
                            continue;
                        const double value = number(metric.value(QLatin1String("value")));
                        // Long.MIN_VALUE (and anything not positive): no watermark yet.
                        if (!std::isfinite(value) || value <= 0)
                            continue;
                        const qint64 watermark = qint64(value);
                        if (m_lowestWatermark == 0 || watermark < m_lowestWatermark)
                            m_lowestWatermark = watermark;
                    }
                },
                [this] { m_topology.watermarks = false; });
        }
    }
}

void MetricCollector::finishRound()
{
    if (m_sourcesAnswered > 0)
        add(MetricName::SourceRecordsOut, m_sourceOut);
    if (m_sinksAnswered > 0)
        add(MetricName::SinkRecordsIn, m_sinkIn);
    if (m_maxBusy >= 0)
        add(MetricName::MaxBusy, m_maxBusy);
    if (m_maxBackPressured >= 0)
        add(MetricName::MaxBackPressured, m_maxBackPressured);
    if (m_lowestWatermark > 0)
        add(MetricName::WatermarkLag, double(std::max<qint64>(0, m_timeMs - m_lowestWatermark)));
    if (m_topology.jobId != m_jobId)
        m_topology = Topology(); // the graph could not be read: try again next round
    if (!m_samples.isEmpty()) {
        qCDebug(lcSession) << "collected" << m_samples.size() << "metric samples of job" << m_jobId;
        // Handed over, not shared: clearing a list another thread still reads would reuse its buffer
        // (see ActionJob::emitProgress).
        emit collected(std::exchange(m_samples, {}));
    }
    m_samples.clear();
}

} // namespace capstan
