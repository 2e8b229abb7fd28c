#include "session/historystore.h"

#include "logging.h"

#include <QSet>
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
                           "PRIMARY KEY (deployment_uid, job_id))"),
            // A table of its own rather than columns of job_runs: databases written before it need no
            // migration.
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS job_restores (deployment_uid TEXT NOT NULL, job_id TEXT NOT "
                "NULL, intent INTEGER, intended_path TEXT, intended_id INTEGER, intended_source TEXT, "
                "observed INTEGER, restored_path TEXT, restored_id INTEGER, restored_savepoint INTEGER, "
                "restored_ts INTEGER, restarts INTEGER, started_ts INTEGER, PRIMARY KEY (deployment_uid, job_id))"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS obituaries (key TEXT PRIMARY KEY, deployment_uid TEXT NOT NULL, "
                           "ns TEXT, deployment TEXT, pod_name TEXT, pod_uid TEXT, component INTEGER, container TEXT, "
                           "node TEXT, started_ts INTEGER, ended_ts INTEGER, reason TEXT, exit_code INTEGER, "
                           "message TEXT, explanation TEXT, log_tail TEXT, log_source TEXT, log_error TEXT, "
                           "log_cause TEXT)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS obituaries_by_deployment ON obituaries (deployment_uid, "
                           "ended_ts)")})
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
    // The operator writes a new job's id before its start time: a start not after the end of the run
    // before it is that run's, and the new run starts now.
    QDateTime started = start.isValid() ? start : now;
    query.prepare(QStringLiteral("SELECT MAX(end_ts) FROM job_runs WHERE deployment_uid = ? AND job_id != ?"));
    query.addBindValue(deploymentUid);
    query.addBindValue(jobId);
    if (query.exec() && query.next() && !query.value(0).isNull()
        && started.toMSecsSinceEpoch() <= query.value(0).toLongLong())
        started = now;
    query.prepare(QStringLiteral("INSERT INTO job_runs (deployment_uid, job_id, start_ts, end_ts, last_state, "
                                 "generation) VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (deployment_uid, job_id) DO "
                                 "UPDATE SET last_state = excluded.last_state, generation = excluded.generation, "
                                 "end_ts = NULL, start_ts = COALESCE(job_runs.start_ts, excluded.start_ts)"));
    query.addBindValue(deploymentUid);
    query.addBindValue(jobId);
    query.addBindValue(ms(started));
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
    query.prepare(QStringLiteral(
        "SELECT r.job_id, r.start_ts, r.end_ts, r.last_state, r.generation, p.intent, p.intended_path, "
        "p.intended_id, p.intended_source, p.observed, p.restored_path, p.restored_id, p.restored_savepoint, "
        "p.restored_ts, p.restarts, p.started_ts FROM job_runs r LEFT JOIN job_restores p ON p.deployment_uid = "
        "r.deployment_uid "
        "AND p.job_id = r.job_id WHERE r.deployment_uid = ? ORDER BY r.start_ts DESC, r.rowid DESC"));
    query.addBindValue(deploymentUid);
    if (!query.exec())
        return out;
    while (query.next()) {
        JobRun run{query.value(0).toString(), fromMs(query.value(1)),      fromMs(query.value(2)),
                   query.value(3).toString(), query.value(4).toLongLong(), {}};
        if (!query.value(5).isNull()) {
            RestoreProvenance &p = run.restore;
            p.intent = static_cast<RestoreProvenance::Intent>(query.value(5).toInt());
            p.intendedPath = query.value(6).toString();
            p.intendedCheckpointId = query.value(7).toLongLong();
            p.intendedSource = query.value(8).toString();
            p.observed = query.value(9).toBool();
            p.restoredPath = query.value(10).toString();
            p.restoredCheckpointId = query.value(11).toLongLong();
            p.restoredSavepoint = query.value(12).toBool();
            p.restoredAt = fromMs(query.value(13));
            p.restartsWhenObserved = query.value(14).toLongLong();
            p.jobStart = fromMs(query.value(15));
        }
        out.append(run);
    }
    return out;
}

void HistoryStore::saveRestore(const QString &deploymentUid, const QString &jobId, const RestoreProvenance &p)
{
    if (!isOpen() || jobId.isEmpty())
        return;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO job_restores (deployment_uid, job_id, intent, intended_path, "
        "intended_id, intended_source, observed, restored_path, restored_id, "
        "restored_savepoint, restored_ts, restarts, started_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(deploymentUid);
    query.addBindValue(jobId);
    query.addBindValue(static_cast<int>(p.intent));
    query.addBindValue(p.intendedPath);
    query.addBindValue(p.intendedCheckpointId);
    query.addBindValue(p.intendedSource);
    query.addBindValue(p.observed ? 1 : 0);
    query.addBindValue(p.restoredPath);
    query.addBindValue(p.restoredCheckpointId);
    query.addBindValue(p.restoredSavepoint ? 1 : 0);
    query.addBindValue(ms(p.restoredAt));
    query.addBindValue(p.restartsWhenObserved);
    query.addBindValue(ms(p.jobStart));
    if (!query.exec())
        qCWarning(lcSession).noquote() << "history database:" << query.lastError().text();
}

void HistoryStore::saveObituary(const Obituary &obituary)
{
    saveObituaries({obituary});
}

void HistoryStore::saveObituaries(const QList<Obituary> &obituaries)
{
    if (!isOpen() || obituaries.isEmpty())
        return;
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO obituaries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    QSet<QString> deployments;
    for (const Obituary &o : obituaries) {
        if (o.key.isEmpty() || o.deploymentUid.isEmpty())
            continue;
        deployments.insert(o.deploymentUid);
        query.addBindValue(o.key);
        query.addBindValue(o.deploymentUid);
        query.addBindValue(o.ns);
        query.addBindValue(o.deployment);
        query.addBindValue(o.podName);
        query.addBindValue(o.podUid);
        query.addBindValue(static_cast<int>(o.component));
        query.addBindValue(o.container);
        query.addBindValue(o.node);
        query.addBindValue(ms(o.started));
        query.addBindValue(ms(o.ended));
        query.addBindValue(o.reason);
        query.addBindValue(o.exitCode);
        query.addBindValue(o.message);
        query.addBindValue(o.explanation);
        query.addBindValue(o.logTail.join(QLatin1Char('\n')));
        query.addBindValue(o.logSource);
        query.addBindValue(o.logError);
        query.addBindValue(o.logCause);
        if (!query.exec())
            qCWarning(lcSession).noquote() << "history database:" << query.lastError().text();
    }
    // A crash loop writes one per restart: only the newest of each deployment are kept.
    query.prepare(QStringLiteral("DELETE FROM obituaries WHERE deployment_uid = ? AND key NOT IN (SELECT key FROM "
                                 "obituaries WHERE deployment_uid = ? ORDER BY ended_ts DESC LIMIT ?)"));
    for (const QString &uid : std::as_const(deployments)) {
        query.addBindValue(uid);
        query.addBindValue(uid);
        query.addBindValue(maxObituariesPerDeployment);
        query.exec();
    }
    db.commit();
}

bool HistoryStore::hasObituary(const QString &key) const
{
    if (!isOpen())
        return false;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT 1 FROM obituaries WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next();
}

QList<Obituary> HistoryStore::obituaries(const QString &deploymentUid, int limit) const
{
    QList<Obituary> out;
    if (!isOpen())
        return out;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT key, ns, deployment, pod_name, pod_uid, component, container, node, "
                                 "started_ts, ended_ts, reason, exit_code, message, explanation, log_tail, "
                                 "log_source, log_error, log_cause FROM obituaries WHERE deployment_uid = ? "
                                 "ORDER BY ended_ts DESC LIMIT ?"));
    query.addBindValue(deploymentUid);
    query.addBindValue(limit);
    if (!query.exec())
        return out;
    while (query.next()) {
        Obituary o;
        o.key = query.value(0).toString();
        o.deploymentUid = deploymentUid;
        o.ns = query.value(1).toString();
        o.deployment = query.value(2).toString();
        o.podName = query.value(3).toString();
        o.podUid = query.value(4).toString();
        o.component = static_cast<PodComponent>(query.value(5).toInt());
        o.container = query.value(6).toString();
        o.node = query.value(7).toString();
        o.started = fromMs(query.value(8));
        o.ended = fromMs(query.value(9));
        o.reason = query.value(10).toString();
        o.exitCode = query.value(11).toInt();
        o.message = query.value(12).toString();
        o.explanation = query.value(13).toString();
        const QString tail = query.value(14).toString();
        if (!tail.isEmpty())
            o.logTail = tail.split(QLatin1Char('\n'));
        o.logSource = query.value(15).toString();
        o.logError = query.value(16).toString();
        o.logCause = query.value(17).toString();
        out.append(o);
    }
    return out;
}

} // namespace capstan
