#include "session/historystore.h"

#include "logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace capstan {

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

HistoryStore::HistoryStore(const QString &path)
    : m_db(path, QStringLiteral("history"),
           {QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS events (uid TEXT PRIMARY KEY, deployment_uid TEXT NOT NULL, "
                           "ns TEXT, type TEXT, reason TEXT, message TEXT, count INTEGER, first_ts INTEGER, "
                           "last_ts INTEGER, source TEXT, involved_kind TEXT, involved_name TEXT)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS events_by_deployment ON events (deployment_uid, last_ts)"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS job_runs (deployment_uid TEXT NOT NULL, job_id TEXT NOT "
                           "NULL, start_ts INTEGER, end_ts INTEGER, last_state TEXT, generation INTEGER, "
                           "PRIMARY KEY (deployment_uid, job_id))")})
{
}

HistoryStore::~HistoryStore() = default;

namespace {
QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}
QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
} // namespace

void HistoryStore::saveEvents(const QString &deploymentUid, const QList<ClusterEvent> &events)
{
    saveEventsOf(events, &deploymentUid);
}

void HistoryStore::saveEvents(const QList<ClusterEvent> &events)
{
    saveEventsOf(events, nullptr);
}

void HistoryStore::saveEventsOf(const QList<ClusterEvent> &events, const QString *deploymentUid)
{
    if (!isOpen() || events.isEmpty())
        return;
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const ClusterEvent &e : events) {
        query.addBindValue(e.uid);
        query.addBindValue(deploymentUid ? *deploymentUid : e.involvedUid);
        query.addBindValue(e.ns);
        query.addBindValue(e.type);
        query.addBindValue(e.reason);
        query.addBindValue(e.message);
        query.addBindValue(e.count);
        query.addBindValue(ms(e.firstTimestamp));
        query.addBindValue(ms(e.lastTimestamp));
        query.addBindValue(e.source);
        query.addBindValue(e.involvedKind);
        query.addBindValue(e.involvedName);
        if (!query.exec())
            qCWarning(lcSession).noquote() << "history database:" << query.lastError().text();
    }
    db.commit();
}

QList<ClusterEvent> HistoryStore::events(const QString &deploymentUid, int limit) const
{
    QList<ClusterEvent> out;
    if (!isOpen())
        return out;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT uid, ns, type, reason, message, count, first_ts, last_ts, source, "
                                 "involved_kind, involved_name FROM events WHERE deployment_uid = ? "
                                 "ORDER BY last_ts DESC LIMIT ?"));
    query.addBindValue(deploymentUid);
    query.addBindValue(limit);
    if (!query.exec())
        return out;
    while (query.next()) {
        ClusterEvent e;
        e.uid = query.value(0).toString();
        e.ns = query.value(1).toString();
        e.type = query.value(2).toString();
        e.reason = query.value(3).toString();
        e.message = query.value(4).toString();
        e.count = query.value(5).toInt();
        e.firstTimestamp = fromMs(query.value(6));
        e.lastTimestamp = fromMs(query.value(7));
        e.source = query.value(8).toString();
        e.involvedKind = query.value(9).toString();
        e.involvedName = query.value(10).toString();
        e.involvedUid = deploymentUid;
        out.append(e);
    }
    return out;
}

void HistoryStore::observeJob(const QString &deploymentUid, const QString &jobId, const QString &state,
                              qint64 generation, const QDateTime &start, const QDateTime &now)
{
    if (!isOpen() || jobId.isEmpty())
        return;
    QSqlDatabase db = m_db.database();
    QSqlQuery query(db);
    // End whichever other run of this deployment is still open.
    query.prepare(QStringLiteral("UPDATE job_runs SET end_ts = ? WHERE deployment_uid = ? AND job_id != ? AND end_ts "
                                 "IS NULL"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(deploymentUid);
    query.addBindValue(jobId);
    query.exec();
    query.prepare(QStringLiteral("INSERT INTO job_runs (deployment_uid, job_id, start_ts, end_ts, last_state, "
                                 "generation) VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (deployment_uid, job_id) DO "
                                 "UPDATE SET last_state = excluded.last_state, generation = excluded.generation, "
                                 "end_ts = NULL, start_ts = COALESCE(job_runs.start_ts, excluded.start_ts)"));
    query.addBindValue(deploymentUid);
    query.addBindValue(jobId);
    query.addBindValue(ms(start.isValid() ? start : now));
    query.addBindValue(state);
    query.addBindValue(generation);
    if (!query.exec())
        qCWarning(lcSession).noquote() << "history database:" << query.lastError().text();
}

QList<JobRun> HistoryStore::jobs(const QString &deploymentUid) const
{
    QList<JobRun> out;
    if (!isOpen())
        return out;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT job_id, start_ts, end_ts, last_state, generation FROM job_runs WHERE "
                                 "deployment_uid = ? ORDER BY start_ts DESC"));
    query.addBindValue(deploymentUid);
    if (!query.exec())
        return out;
    while (query.next())
        out.append({query.value(0).toString(), fromMs(query.value(1)), fromMs(query.value(2)),
                    query.value(3).toString(), query.value(4).toLongLong()});
    return out;
}

} // namespace capstan
