#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace capstan {

// One connection to a local SQLite file, for a store used on a single thread (the session's
// backend thread). Creates the directory, waits up to 2 s for a lock held by another store, runs
// the store's schema statements, and reports failures as an Error instead of throwing.
class SqliteConnection final
{
public:
    // purpose: a short name for messages and the connection name ("history", "audit log", …).
    SqliteConnection(const QString &path, const QString &purpose, const QStringList &schema);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    bool isOpen() const { return m_open; }
    const Error &lastError() const { return m_error; }
    QSqlDatabase database() const;

    // Runs one statement; on failure records and logs the error and returns false.
    bool exec(const QString &sql);

private:
    QString m_name;
    QString m_purpose;
    bool m_open = false;
    Error m_error;
};

} // namespace capstan
