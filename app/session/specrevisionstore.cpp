#include "session/specrevisionstore.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace capstan {

namespace {
const QLatin1String kStatus("status");
const QLatin1String kReconciliationStatus("reconciliationStatus");

QJsonObject parseSpec(const QString &reconciled)
{
    return QJsonDocument::fromJson(reconciled.toUtf8()).object().value(QLatin1String("spec")).toObject();
}
} // namespace

SpecRevisionStore::SpecRevisionStore(const QString &path)
    : m_db(path, QStringLiteral("spec-revisions"),
           {QStringLiteral("CREATE TABLE IF NOT EXISTS spec_revisions (deployment_uid TEXT NOT NULL, generation "
                           "INTEGER, spec TEXT NOT NULL, since_ms INTEGER NOT NULL, until_ms INTEGER, observed_ms "
                           "INTEGER)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS spec_revisions_by_deployment ON spec_revisions "
                           "(deployment_uid, since_ms)")})
{
}

SpecRevisionStore::~SpecRevisionStore() = default;

void SpecRevisionStore::observe(const QJsonObject &deployment, const QDateTime &now)
{
    if (!isOpen())
        return;
    const QString uid = deployment.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    const QJsonObject rs = deployment.value(kStatus).toObject().value(kReconciliationStatus).toObject();
    const QString reconciled = rs.value(QLatin1String("lastReconciledSpec")).toString();
    if (uid.isEmpty() || reconciled.isEmpty())
        return;
    const auto cached = m_lastSpec.constFind(uid);
    if (cached != m_lastSpec.cend() && *cached == fingerprint(reconciled))
        return;
    const QJsonObject parsed = QJsonDocument::fromJson(reconciled.toUtf8()).object();
    qint64 generation = parsed.value(QLatin1String("resource_metadata"))
                            .toObject()
                            .value(QLatin1String("metadata"))
                            .toObject()
                            .value(QLatin1String("generation"))
                            .toInteger(-1);
    if (generation < 0)
        generation = deployment.value(kStatus).toObject().value(QLatin1String("observedGeneration")).toInteger(-1);
    const qint64 timestamp = rs.value(QLatin1String("reconciliationTimestamp")).toInteger(0);
    record(uid, reconciled, generation,
           timestamp > 0 ? QDateTime::fromMSecsSinceEpoch(timestamp, Qt::UTC) : now.toUTC());
}

void SpecRevisionStore::observe(const QList<QJsonObject> &deployments, const QDateTime &now)
{
    if (!isOpen() || deployments.isEmpty())
        return;
    QSqlDatabase db = m_db.database();
    const bool transaction = db.transaction();
    for (const QJsonObject &deployment : deployments)
        observe(deployment, now);
    if (transaction)
        db.commit();
}

QByteArray SpecRevisionStore::fingerprint(const QString &reconciledSpec)
{
    return QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(reconciledSpec.utf16()),
                                                   reconciledSpec.size() * qsizetype(sizeof(char16_t))),
                                    QCryptographicHash::Sha1);
}

void SpecRevisionStore::record(const QString &deploymentUid, const QString &reconciledSpec, qint64 generation,
                               const QDateTime &since)
{
    if (!isOpen())
        return;
    QSqlDatabase db = m_db.database();
    QSqlQuery open(db);
    open.prepare(QStringLiteral("SELECT rowid, spec, since_ms FROM spec_revisions WHERE deployment_uid = ? AND "
                                "until_ms IS NULL ORDER BY since_ms DESC LIMIT 1"));
    open.addBindValue(deploymentUid);
    if (!open.exec()) {
        qCWarning(lcSession).noquote() << "spec history:" << open.lastError().text();
        return;
    }
    qint64 sinceMs = since.toMSecsSinceEpoch();
    if (open.next()) {
        if (open.value(1).toString() == reconciledSpec) {
            m_lastSpec.insert(deploymentUid, fingerprint(reconciledSpec));
            return;
        }
        // A status that did not move its timestamp still supersedes the previous revision.
        const qint64 previousSince = open.value(2).toLongLong();
        sinceMs = std::max(sinceMs, previousSince + 1);
        QSqlQuery close(db);
        close.prepare(QStringLiteral("UPDATE spec_revisions SET until_ms = ? WHERE rowid = ?"));
        close.addBindValue(sinceMs);
        close.addBindValue(open.value(0));
        if (!close.exec())
            qCWarning(lcSession).noquote() << "spec history:" << close.lastError().text();
    }
    open.finish();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO spec_revisions (deployment_uid, generation, spec, since_ms, until_ms, "
                                  "observed_ms) VALUES (?, ?, ?, ?, NULL, ?)"));
    insert.addBindValue(deploymentUid);
    insert.addBindValue(generation);
    insert.addBindValue(reconciledSpec);
    insert.addBindValue(sinceMs);
    // When this computer wrote it, for the record; the window above is what compares with snapshots.
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec()) {
        qCWarning(lcSession).noquote() << "spec history:" << insert.lastError().text();
        return;
    }
    m_lastSpec.insert(deploymentUid, fingerprint(reconciledSpec));
}

QJsonObject SpecRevisionStore::specAt(const QString &deploymentUid, const QDateTime &time) const
{
    if (!isOpen() || !time.isValid())
        return {};
    QSqlQuery query(m_db.database());
    // A revision recorded at the very instant of `time` (e.g. the spec an upgrade savepoint led to)
    // is not yet live then: the window is (since, until].
    query.prepare(QStringLiteral("SELECT spec FROM spec_revisions WHERE deployment_uid = ? AND since_ms < ? AND "
                                 "(until_ms IS NULL OR until_ms >= ?) ORDER BY since_ms DESC LIMIT 1"));
    const qint64 t = time.toMSecsSinceEpoch();
    query.addBindValue(deploymentUid);
    query.addBindValue(t);
    query.addBindValue(t);
    if (!query.exec() || !query.next())
        return {};
    return parseSpec(query.value(0).toString());
}

qint64 SpecRevisionStore::generationAt(const QString &deploymentUid, const QDateTime &time) const
{
    if (!isOpen() || !time.isValid())
        return -1;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT generation FROM spec_revisions WHERE deployment_uid = ? AND since_ms < ? "
                                 "AND (until_ms IS NULL OR until_ms >= ?) ORDER BY since_ms DESC LIMIT 1"));
    const qint64 t = time.toMSecsSinceEpoch();
    query.addBindValue(deploymentUid);
    query.addBindValue(t);
    query.addBindValue(t);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

int SpecRevisionStore::revisionCount(const QString &deploymentUid) const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM spec_revisions WHERE deployment_uid = ?"));
    query.addBindValue(deploymentUid);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toInt();
}

SpecRevisionStore::Revision SpecRevisionStore::previousRevision(const QString &deploymentUid) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT spec, since_ms, until_ms FROM spec_revisions WHERE deployment_uid = ? AND "
                                 "until_ms IS NOT NULL ORDER BY since_ms DESC LIMIT 1"));
    query.addBindValue(deploymentUid);
    if (!query.exec() || !query.next())
        return {};
    return {parseSpec(query.value(0).toString()), QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC)};
}

} // namespace capstan
