#pragma once

#include "error.h"
#include "session/sqliteconnection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// One action as the audit log keeps it.
struct AuditEntry
{
    QDateTime time; // when the action finished (UTC)
    QString context; // kubeconfig context
    QString ns;
    QString deployment;
    QString action; // ActionRunner::kindName(): "Configure", "Savepoint", …
    QString diff; // the merge patch or object sent, compact JSON, secrets redacted
    QString outcome; // ActionRunner::outcomeName(): "Succeeded", "Conflict", …
    QString message; // the summary or the error
};

// Which entries to read: all of them, or those of one deployment of one context.
struct AuditQuery
{
    QString context; // all three empty: every entry
    QString ns;
    QString deployment;
    int limit = 1000; // the newest this many

    bool isForDeployment() const { return !deployment.isEmpty(); }
    bool operator==(const AuditQuery &) const = default;
};

// The local audit log of every action (DESIGN §4: who, when, context, diff, outcome), in the SQLite
// table `audit_log` of the local history database. Values whose key names a secret (password,
// secret, token, credential, access key, private key) are replaced by "<redacted>" before they are
// written, so the file never holds secrets.
//
// Used on one thread: the connection belongs to the thread that created the log. Errors are logged
// and leave the log empty (isOpen() false).
class AuditLog final
{
public:
    // path: the SQLite file (the HistoryStore's file is fine); the table is created when missing.
    explicit AuditLog(const QString &path);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    const Error &lastError() const { return m_db.lastError(); }

    // Appends an entry; `diff` is redacted here.
    void append(const AuditEntry &entry);
    void append(const AuditEntry &entry, const QJsonObject &diff);
    // The newest `limit` entries, newest first.
    QList<AuditEntry> entries(int limit = 1000) const;
    // The newest entries the query asks for, newest first (an index serves one deployment's).
    QList<AuditEntry> entries(const AuditQuery &query) const;

    // A copy of `object` with the values of secret-looking keys (and of `value` next to a secret-
    // looking `name`, as in environment variables) replaced by "<redacted>".
    static QJsonObject redact(const QJsonObject &object);

private:
    SqliteConnection m_db;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::AuditEntry)
Q_DECLARE_METATYPE(capstan::AuditQuery)
