#include "metrics/metricstore.h"

#include "kube/serverclock.h"
#include "logging.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace capstan {

namespace {
constexpr qint64 PurgeEveryMs = 60 * 1000;
}

MetricStore::MetricStore(const QString &path, qint64 retentionMs)
    : m_db(path, QStringLiteral("metrics"),
           {QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS metric_samples (deployment_uid TEXT NOT NULL, metric TEXT NOT "
                           "NULL, time INTEGER NOT NULL, job_id TEXT, value REAL)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS metric_samples_by_deployment ON metric_samples "
                           "(deployment_uid, metric, time)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS metric_samples_by_deployment_time ON metric_samples "
                           "(deployment_uid, time)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS metric_samples_by_time ON metric_samples (time)")})
    , m_retentionMs(retentionMs)
{
}

MetricStore::~MetricStore() = default;

void MetricStore::setRetentionMs(qint64 ms)
{
    m_retentionMs = ms;
    m_lastPurgeMs = 0;
}

bool MetricStore::append(const QString &deploymentUid, const QList<MetricSample> &samples)
{
    if (!isOpen())
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch(); // only paces the purges
    if (now - m_lastPurgeMs >= PurgeEveryMs) {
        m_lastPurgeMs = now;
        // Samples carry the cluster's time, which may be offset from this computer's or run faster
        // (a sandbox): retention counts back from the cluster's now.
        purgeOlderThan(ServerClock::nowMsOrLocal(m_clock.get()) - m_retentionMs);
    }
    if (samples.isEmpty())
        return true;
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO metric_samples (deployment_uid, metric, time, job_id, value) VALUES (?, ?, ?, ?, ?)"));
    for (const MetricSample &sample : samples) {
        query.addBindValue(deploymentUid);
        query.addBindValue(sample.metric);
        query.addBindValue(sample.timeMs);
        query.addBindValue(sample.jobId);
        query.addBindValue(sample.value);
        if (!query.exec()) {
            qCWarning(lcSession).noquote() << "metric history:" << query.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

QList<MetricSample> MetricStore::select(const QString &sql, const QVariantList &bindings) const
{
    QList<MetricSample> out;
    if (!isOpen())
        return out;
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &binding : bindings)
        query.addBindValue(binding);
    if (!query.exec()) {
        qCWarning(lcSession).noquote() << "metric history:" << query.lastError().text();
        return out;
    }
    while (query.next())
        out.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                    query.value(3).toDouble()});
    return out;
}

QList<MetricSample> MetricStore::range(const QString &deploymentUid, const QString &metric, qint64 fromMs,
                                       qint64 toMs) const
{
    return select(QStringLiteral("SELECT time, job_id, metric, value FROM metric_samples WHERE deployment_uid = ? "
                                 "AND metric = ? AND time >= ? AND time <= ? ORDER BY time"),
                  {deploymentUid, metric, fromMs, toMs});
}

QList<MetricSample> MetricStore::range(const QString &deploymentUid, qint64 fromMs, qint64 toMs) const
{
    return select(QStringLiteral("SELECT time, job_id, metric, value FROM metric_samples WHERE deployment_uid = ? "
                                 "AND time >= ? AND time <= ? ORDER BY time"),
                  {deploymentUid, fromMs, toMs});
}

int MetricStore::purgeOlderThan(qint64 ms)
{
    if (!isOpen())
        return 0;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("DELETE FROM metric_samples WHERE time < ?"));
    query.addBindValue(ms);
    if (!query.exec()) {
        qCWarning(lcSession).noquote() << "metric history:" << query.lastError().text();
        return 0;
    }
    return query.numRowsAffected();
}

} // namespace capstan
