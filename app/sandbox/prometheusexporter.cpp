#include "sandbox/prometheusexporter.h"

#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/sandboxlogging.h"

#include <httplib.h>

#include <QStringList>

#include <chrono>
#include <map>
#include <thread>
#include <vector>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

QString escapeLabel(const QString &value)
{
    QString v = value;
    v.replace(u'\\', u"\\\\"_s);
    v.replace(u'"', u"\\\""_s);
    v.replace(u'\n', u"\\n"_s);
    return v;
}

QString labels(const PrometheusExporter::Labels &pairs)
{
    QStringList parts;
    for (const auto &[k, v] : pairs)
        parts.append(u"%1=\"%2\""_s.arg(k, escapeLabel(v)));
    return u"{"_s + parts.join(u',') + u"}"_s;
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

// Samples grouped by metric name, so that each family is written once with its TYPE line.
using Families = std::map<QString, QStringList>;

void collect(Families *families, const QString &ns, const QString &deployment, const FlinkJobModel &cluster, qint64 now)
{
    if (!cluster.hasJob())
        return;
    for (const PrometheusExporter::Series &s :
         PrometheusExporter::seriesOf(ns, deployment, cluster, cluster.jobId(), cluster.numRestarts())) {
        (*families)[s.name].append(s.name + labels(s.labels) + u' '
                                   + number(PrometheusExporter::valueOf(s, cluster, now)));
    }
}

QByteArray write(const Families &families)
{
    QByteArray out;
    for (const auto &[name, samples] : families) {
        const bool counter = PrometheusExporter::isCounter(name);
        out += "# HELP " + name.toUtf8() + ' ' + name.toUtf8() + " (scope: " + name.section(u'_', 1, -2).toUtf8()
            + ")\n";
        out += "# TYPE " + name.toUtf8() + (counter ? " counter\n" : " gauge\n");
        for (const QString &sample : samples)
            out += sample.toUtf8() + '\n';
    }
    return out;
}

} // namespace

std::vector<PrometheusExporter::Series> PrometheusExporter::seriesOf(const QString &ns, const QString &deployment,
                                                                     const FlinkJobModel &cluster, const QString &jobId,
                                                                     int attempt)
{
    std::vector<Series> out;
    if (!cluster.hasJob())
        return out;
    const Labels job{{u"host"_s, u"%1-jobmanager"_s.arg(deployment)},
                     {u"job_id"_s, jobId},
                     {u"job_name"_s, cluster.jobName()},
                     {u"namespace"_s, ns}};
    const auto add = [&out](Quantity q, const char *name, const Labels &l, int vertex = -1, int subtask = -1) {
        out.push_back({q, QString::fromLatin1(name), l, vertex, subtask});
    };
    add(Quantity::NumRestarts, "flink_jobmanager_job_numRestarts", job);
    add(Quantity::Uptime, "flink_jobmanager_job_uptime", job);
    add(Quantity::Downtime, "flink_jobmanager_job_downtime", job);
    add(Quantity::LastCheckpointDuration, "flink_jobmanager_job_lastCheckpointDuration", job);
    add(Quantity::LastCheckpointSize, "flink_jobmanager_job_lastCheckpointSize", job);
    add(Quantity::CompletedCheckpoints, "flink_jobmanager_job_numberOfCompletedCheckpoints", job);
    add(Quantity::FailedCheckpoints, "flink_jobmanager_job_numberOfFailedCheckpoints", job);
    add(Quantity::InProgressCheckpoints, "flink_jobmanager_job_numberOfInProgressCheckpoints", job);

    const QList<FlinkJobModel::Vertex> vertices = cluster.vertices();
    for (int v = 0; v < vertices.size(); ++v) {
        const FlinkJobModel::Vertex &vertex = vertices.at(v);
        for (int subtask = 0; subtask < vertex.parallelism; ++subtask) {
            const int taskManager = cluster.taskManagerOfSubtask(subtask);
            const Labels task{{u"host"_s, u"10.244.0.%1"_s.arg(20 + taskManager)},
                              {u"tm_id"_s, cluster.taskManagerId(taskManager)},
                              {u"job_id"_s, jobId},
                              {u"job_name"_s, cluster.jobName()},
                              {u"task_id"_s, vertex.id},
                              {u"task_name"_s, vertex.name},
                              {u"subtask_index"_s, QString::number(subtask)},
                              {u"task_attempt_num"_s, QString::number(attempt)},
                              {u"namespace"_s, ns}};
            Labels op = task;
            op.emplace_back(u"operator_id"_s, vertex.id);
            op.emplace_back(u"operator_name"_s, vertex.name);
            add(Quantity::RecordsInPerSecond, "flink_taskmanager_job_task_operator_numRecordsInPerSecond", op, v,
                subtask);
            add(Quantity::RecordsOutPerSecond, "flink_taskmanager_job_task_operator_numRecordsOutPerSecond", op, v,
                subtask);
            add(Quantity::RecordsOut, "flink_taskmanager_job_task_operator_numRecordsOut", op, v, subtask);
            add(Quantity::BusyTimeMsPerSecond, "flink_taskmanager_job_task_busyTimeMsPerSecond", task, v, subtask);
            add(Quantity::BackPressuredTimeMsPerSecond, "flink_taskmanager_job_task_backPressuredTimeMsPerSecond", task,
                v, subtask);
            add(Quantity::IdleTimeMsPerSecond, "flink_taskmanager_job_task_idleTimeMsPerSecond", task, v, subtask);
        }
    }
    return out;
}

double PrometheusExporter::valueOf(const Series &series, const FlinkJobModel &cluster, qint64 now)
{
    const auto latest = cluster.latestCheckpoint();
    const int v = series.vertex;
    const double p = v >= 0 && v < cluster.vertices().size() ? cluster.vertices().at(v).parallelism : 1;
    switch (series.quantity) {
    case Quantity::NumRestarts:
        return cluster.numRestarts();
    case Quantity::Uptime:
        return double(cluster.uptimeMs(now));
    case Quantity::Downtime:
        return double(cluster.downtimeMs(now));
    case Quantity::LastCheckpointDuration:
        return latest ? double(latest->ackMs - latest->triggerMs) : 0.0;
    case Quantity::LastCheckpointSize:
        return latest ? double(latest->stateSize) : 0.0;
    case Quantity::CompletedCheckpoints:
        return double(cluster.completedCheckpoints());
    case Quantity::FailedCheckpoints:
        return double(cluster.failedCheckpoints());
    case Quantity::InProgressCheckpoints:
        return 0;
    case Quantity::RecordsInPerSecond:
        return cluster.recordsInPerSecond(v, now) / p;
    case Quantity::RecordsOutPerSecond:
        return cluster.recordsOutPerSecond(v, now) / p;
    case Quantity::RecordsOut:
        return double(cluster.numRecordsOut(v, now)) / p;
    case Quantity::BusyTimeMsPerSecond:
        return cluster.busyTimeMsPerSecond(v, now);
    case Quantity::BackPressuredTimeMsPerSecond:
        return cluster.backPressuredTimeMsPerSecond(v, now);
    case Quantity::IdleTimeMsPerSecond:
        return cluster.idleTimeMsPerSecond(v, now);
    }
    return 0;
}

bool PrometheusExporter::isCounter(const QString &name)
{
    return name.endsWith(u"numRecordsOut"_s);
}

struct PrometheusExporter::Private
{
    const OperatorSimulation &simulation;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    quint16 port = 0;
};

PrometheusExporter::PrometheusExporter(const OperatorSimulation &simulation)
    : d(std::make_unique<Private>(Private{simulation, nullptr, {}, 0}))
{
}

PrometheusExporter::~PrometheusExporter()
{
    stop();
}

bool PrometheusExporter::listen(quint16 port, QString *error)
{
    stop();
    auto server = std::make_unique<httplib::Server>();
    const OperatorSimulation *simulation = &d->simulation;
    server->Get("/metrics", [simulation](const httplib::Request &, httplib::Response &res) {
        res.set_content(render(*simulation).toStdString(), "text/plain; version=0.0.4; charset=utf-8");
    });
    int bound = -1;
    if (port == 0)
        bound = server->bind_to_any_port("127.0.0.1");
    else if (server->bind_to_port("127.0.0.1", port))
        bound = port;
    if (bound <= 0) {
        if (error)
            *error = u"cannot listen on 127.0.0.1:%1"_s.arg(port);
        return false;
    }
    d->port = quint16(bound);
    d->server = std::move(server);
    httplib::Server *raw = d->server.get();
    d->thread = std::thread([raw] { raw->listen_after_bind(); });
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!raw->is_running() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    qCInfo(lcSandboxServer).noquote() << u"Prometheus metrics on http://127.0.0.1:%1/metrics"_s.arg(d->port);
    return true;
}

void PrometheusExporter::stop()
{
    if (!d->server)
        return;
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->server.reset();
}

quint16 PrometheusExporter::port() const
{
    return d->port;
}

QByteArray PrometheusExporter::render(const OperatorSimulation &simulation)
{
    Families families;
    simulation.forEachCluster([&](const QString &ns, const QString &name, const FlinkJobModel &cluster, qint64 now) {
        collect(&families, ns, name, cluster, now);
    });
    return write(families);
}

void PrometheusExporter::appendCluster(QByteArray *out, const QString &ns, const QString &deployment,
                                       const FlinkJobModel &cluster, qint64 nowMs)
{
    Families families;
    collect(&families, ns, deployment, cluster, nowMs);
    *out += write(families);
}

} // namespace capstan::sandbox
