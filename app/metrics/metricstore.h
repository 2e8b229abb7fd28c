#pragma once

#include "error.h"
#include "metrics/metricsample.h"
#include "session/sqliteconnection.h"

#include <QList>
#include <QString>

#include <memory>

namespace capstan {

class ServerClock;

// The metric history (SQLite), keyed by deployment uid — never by job id, which changes on most
// redeploys — with each sample carrying the job id that produced it. Samples older than the
// retention are purged as new ones arrive, so the file stays bounded. Used on one thread only: the
// connection belongs to the thread that created the store.
class MetricStore final
{
public:
    static constexpr qint64 DefaultRetentionMs = qint64(7) * 24 * 3600 * 1000;

    // path: the SQLite file (may be shared with HistoryStore); created with its schema when missing.
    // On failure isOpen() is false, lastError() says why, and every call is a no-op returning nothing.
    explicit MetricStore(const QString &path, qint64 retentionMs = DefaultRetentionMs);
    ~MetricStore();
    MetricStore(const MetricStore &) = delete;
    MetricStore &operator=(const MetricStore &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    const Error &lastError() const { return m_db.lastError(); }

    qint64 retentionMs() const { return m_retentionMs; }
    // Takes effect at the next append (or purgeOlderThan) — a shorter retention drops history.
    void setRetentionMs(qint64 ms);
    // Samples carry the cluster's time: retention counts back from this clock's now (the local
    // clock without one).
    void setClock(std::shared_ptr<const ServerClock> clock) { m_clock = std::move(clock); }

    // Stores the samples in one transaction; purges what fell out of the retention at most once a minute.
    bool append(const QString &deploymentUid, const QList<MetricSample> &samples);
    // Samples of one metric with fromMs <= time <= toMs, in time order.
    QList<MetricSample> range(const QString &deploymentUid, const QString &metric, qint64 fromMs, qint64 toMs) const;
    // Samples of every metric of the deployment in the range, in time order.
    QList<MetricSample> range(const QString &deploymentUid, qint64 fromMs, qint64 toMs) const;
    // Deletes every sample (of every deployment) older than ms; returns how many went.
    int purgeOlderThan(qint64 ms);

private:
    QList<MetricSample> select(const QString &sql, const QVariantList &bindings) const;

    SqliteConnection m_db;
    qint64 m_retentionMs;
    std::shared_ptr<const ServerClock> m_clock;
    qint64 m_lastPurgeMs = 0;
};

} // namespace capstan
