#include "session/auditlog.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace capstan {

namespace {

bool isSecretKey(const QString &key)
{
    static const QRegularExpression pattern(
        QStringLiteral("password|passwd|secret|token|credential|access[-_.]?key|private[-_.]?key|api[-_.]?key"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(key).hasMatch();
}

QJsonValue redactValue(const QJsonValue &value);

QJsonArray redactArray(const QJsonArray &array)
{
    QJsonArray out;
    for (const QJsonValue &item : array)
        out.append(redactValue(item));
    return out;
}

QJsonValue redactValue(const QJsonValue &value)
{
    if (value.isObject())
        return AuditLog::redact(value.toObject());
    if (value.isArray())
        return redactArray(value.toArray());
    return value;
}

} // namespace

QJsonObject AuditLog::redact(const QJsonObject &object)
{
    QJsonObject out;
    const bool secretName = isSecretKey(object.value(QLatin1String("name")).toString());
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool scalar = !it.value().isObject() && !it.value().isArray() && !it.value().isNull();
        if (scalar && (isSecretKey(it.key()) || (secretName && it.key() == QLatin1String("value"))))
            out.insert(it.key(), QStringLiteral("<redacted>"));
        else
            out.insert(it.key(), redactValue(it.value()));
    }
    return out;
}

AuditLog::AuditLog(const QString &path)
    : m_db(path, QStringLiteral("audit"),
           {QStringLiteral("CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT "
                           "NULL, context TEXT, ns TEXT, deployment TEXT, action TEXT, diff TEXT, outcome TEXT, "
                           "message TEXT)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS audit_log_by_deployment ON audit_log (context, ns, deployment, "
                           "id)")})
{
}

AuditLog::~AuditLog() = default;

void AuditLog::append(const AuditEntry &entry, const QJsonObject &diff)
{
    AuditEntry e = entry;
    e.diff = diff.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(redact(diff)).toJson(QJsonDocument::Compact));
    if (!isOpen())
        return;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("INSERT INTO audit_log (ts, context, ns, deployment, action, diff, outcome, message) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue((e.time.isValid() ? e.time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    query.addBindValue(e.context);
    query.addBindValue(e.ns);
    query.addBindValue(e.deployment);
    query.addBindValue(e.action);
    query.addBindValue(e.diff);
    query.addBindValue(e.outcome);
    query.addBindValue(e.message);
    if (!query.exec())
        qCWarning(lcActions).noquote() << "audit log:" << query.lastError().text();
}

void AuditLog::append(const AuditEntry &entry)
{
    const QJsonObject diff = QJsonDocument::fromJson(entry.diff.toUtf8()).object();
    append(entry, diff);
}

QList<AuditEntry> AuditLog::entries(int limit) const
{
    AuditQuery all;
    all.limit = limit;
    return entries(all);
}

QList<AuditEntry> AuditLog::entries(const AuditQuery &filter) const
{
    QList<AuditEntry> out;
    if (!isOpen())
        return out;
    QSqlQuery query(m_db.database());
    const QString columns
        = QStringLiteral("SELECT ts, context, ns, deployment, action, diff, outcome, message FROM audit_log ");
    if (filter.isForDeployment()) {
        query.prepare(columns
                      + QStringLiteral("WHERE context = ? AND ns = ? AND deployment = ? ORDER BY id DESC LIMIT ?"));
        query.addBindValue(filter.context);
        query.addBindValue(filter.ns);
        query.addBindValue(filter.deployment);
    } else {
        query.prepare(columns + QStringLiteral("ORDER BY id DESC LIMIT ?"));
    }
    query.addBindValue(filter.limit);
    if (!query.exec())
        return out;
    while (query.next()) {
        AuditEntry e;
        e.time = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
        e.context = query.value(1).toString();
        e.ns = query.value(2).toString();
        e.deployment = query.value(3).toString();
        e.action = query.value(4).toString();
        e.diff = query.value(5).toString();
        e.outcome = query.value(6).toString();
        e.message = query.value(7).toString();
        out.append(e);
    }
    return out;
}

} // namespace capstan
