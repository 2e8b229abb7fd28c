#include "session/sqliteconnection.h"

#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace capstan {

SqliteConnection::SqliteConnection(const QString &path, const QString &purpose, const QStringList &schema)
    : m_name(QStringLiteral("capstan-") + purpose + QLatin1Char('-')
             + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_purpose(purpose)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        m_error = Error::make(
            QStringLiteral("HistoryUnavailable"),
            QStringLiteral("The local %1 database %2 cannot be opened: %3").arg(purpose, path, db.lastError().text()));
        qCWarning(lcSession).noquote() << m_error.message;
        return;
    }
    m_open = true;
    for (const QString &statement : schema)
        m_open = m_open && exec(statement);
}

SqliteConnection::~SqliteConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase SqliteConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SqliteConnection::exec(const QString &sql)
{
    QSqlQuery query(database());
    if (query.exec(sql))
        return true;
    m_error = Error::make(QStringLiteral("HistoryUnavailable"), query.lastError().text());
    qCWarning(lcSession).noquote() << m_purpose << "database:" << m_error.message;
    return false;
}

} // namespace capstan
