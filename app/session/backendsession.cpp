#include "session/backendsession.h"

#include "kube/serverclock.h"
#include "logging.h"
#include "metrics/metriccollector.h"
#include "metrics/metricstore.h"
#include "metrics/prometheussource.h"
#include "session/specrevisionstore.h"

namespace capstan {

BackendSession::BackendSession(QObject *parent)
    : QObject(parent)
    , m_clock(std::make_shared<ServerClock>())
{
}

BackendSession::~BackendSession() = default;

void BackendSession::openHistory(const QString &path, qint64 metricRetentionMs)
{
    if (path == QLatin1String("-"))
        return;
    const QString file = path.isEmpty() ? HistoryStore::defaultPath() : path;
    m_history = std::make_unique<HistoryStore>(file);
    m_revisions = std::make_unique<SpecRevisionStore>(file);
    m_audit = std::make_unique<AuditLog>(file);
    m_metricStore = std::make_unique<MetricStore>(file, metricRetentionMs);
    m_metricStore->setClock(m_clock);
}

void BackendSession::loadPrometheusHistory(KubeClient *client, const QString &uid, const QString &jobName,
                                           QObject *owner)
{
    if (!m_prometheus.isSet())
        return;
    // The Flink reporter labels a job's series with its job name, so a range spans every job id the
    // deployment ran. The last hour (the charts' default range) at a 5 s step, the day before it at
    // 60 s; the charts' edge is the cluster's now.
    const qint64 now = m_clock->nowMs();
    const qint64 hour = 3600LL * 1000;
    const struct
    {
        qint64 from;
        qint64 to;
        int step;
    } ranges[] = {{now - hour, now, 5}, {now - 24 * hour, now - hour, 60}};
    for (const auto &range : ranges) {
        PrometheusSource *source = m_prometheus.viaProxy()
            ? new PrometheusSource(client, m_prometheus.ns, m_prometheus.service, m_prometheus.port, owner)
            : new PrometheusSource(QUrl(m_prometheus.url),
                                   {m_prometheus.bearerToken, m_prometheus.username, m_prometheus.password}, owner);
        connect(source, &PrometheusSource::samples, this, [this, uid, source](const QList<MetricSample> &samples) {
            source->deleteLater();
            if (!samples.isEmpty())
                emit metricsAppended(uid, samples);
        });
        connect(source, &PrometheusSource::failed, this, [this, uid, source](const Error &error) {
            source->deleteLater();
            qCInfo(lcSession).noquote() << "Prometheus history unavailable:" << error.toString();
            emit prometheusFailed(uid, error);
        });
        source->queryRange(jobName, range.from, range.to, range.step);
    }
}

MetricCollector *BackendSession::pinnedCollector(KubeClient *client, const QString &uid, const JobManagerService &where)
{
    MetricCollector *&collector = m_pinnedCollectors[uid];
    if (collector && !(collector->jobManager() == where)) {
        delete collector;
        collector = nullptr;
    }
    if (!collector) {
        collector = new MetricCollector(client, where, this);
        connect(collector, &MetricCollector::collected, this, [this, uid](const QList<MetricSample> &samples) {
            if (m_metricStore)
                m_metricStore->append(uid, samples);
        });
    }
    return collector;
}

void BackendSession::keepPinnedCollectors(const QSet<QString> &wanted)
{
    for (auto it = m_pinnedCollectors.begin(); it != m_pinnedCollectors.end();) {
        if (wanted.contains(it.key())) {
            ++it;
        } else {
            delete it.value();
            it = m_pinnedCollectors.erase(it);
        }
    }
}

} // namespace capstan
