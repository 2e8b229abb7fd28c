#include "notify/notificationhistory.h"

#include "logging.h"
#include "session/historystore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace capstan {

namespace {

QString escapedLike(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

} // namespace

NotificationHistory::NotificationHistory(const QString &path, int maxRows, int maxAgeDays)
    : m_db(path, QStringLiteral("notifications"),
           {QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS notifications (id INTEGER PRIMARY KEY AUTOINCREMENT, ts "
                           "INTEGER NOT NULL, condition_key TEXT, rule TEXT, context TEXT, ns TEXT, name TEXT, uid "
                           "TEXT, summary TEXT, body TEXT, cleared INTEGER, pinned INTEGER)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_by_time ON notifications (ts)")})
    , m_maxRows(maxRows)
    , m_maxAgeDays(maxAgeDays)
{
    // Version 1 is the first; a later one adds what it needs and raises user_version, reading only what
    // older files have as well, so that a file goes back and forth between releases.
    if (!m_db.isOpen())
        return;
    QSqlQuery version(m_db.database());
    if (version.exec(QStringLiteral("PRAGMA user_version")) && version.next() && version.value(0).toInt() == 0)
        m_db.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion));
}

NotificationHistory::~NotificationHistory() = default;

QString NotificationHistory::defaultPath()
{
    return QFileInfo(HistoryStore::defaultPath()).dir().filePath(QStringLiteral("notifications.sqlite"));
}

void NotificationHistory::append(const Notification &n)
{
    append(QList<Notification>{n});
}

void NotificationHistory::append(const QList<Notification> &notifications)
{
    if (!isOpen() || notifications.isEmpty())
        return;
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO notifications (ts, condition_key, rule, context, ns, name, uid, "
                                 "summary, body, cleared, pinned) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    for (const Notification &n : notifications) {
        query.addBindValue(n.time.isValid() ? n.time.toMSecsSinceEpoch()
                                            : QDateTime::currentDateTimeUtc().toMSecsSinceEpoch());
        query.addBindValue(n.conditionKey);
        query.addBindValue(Notification::ruleName(n.rule));
        query.addBindValue(n.context);
        query.addBindValue(n.ns);
        query.addBindValue(n.name);
        query.addBindValue(n.uid);
        query.addBindValue(n.summary);
        query.addBindValue(n.body);
        query.addBindValue(n.cleared ? 1 : 0);
        query.addBindValue(n.pinned ? 1 : 0);
        if (!query.exec())
            qCWarning(lcSession).noquote() << "notification history:" << query.lastError().text();
    }
    db.commit();
    m_appendsSincePrune += static_cast<int>(notifications.size());
    if (m_appendsSincePrune >= PruneEvery)
        prune(QDateTime::currentDateTimeUtc());
}

QList<Notification> NotificationHistory::search(const QString &text, int limit) const
{
    QList<Notification> out;
    if (!isOpen())
        return out;
    QSqlQuery query(m_db.database());
    const QString trimmed = text.trimmed();
    QString sql = QStringLiteral("SELECT ts, condition_key, rule, context, ns, name, uid, summary, body, cleared, "
                                 "pinned FROM notifications");
    // LIKE is case-insensitive for ASCII only; names of contexts and deployments are ASCII, and
    // summaries match by their ASCII words.
    if (!trimmed.isEmpty())
        sql += QStringLiteral(" WHERE summary LIKE :t ESCAPE '\\' OR body LIKE :t ESCAPE '\\' OR name LIKE :t ESCAPE "
                              "'\\' OR ns LIKE :t ESCAPE '\\' OR context LIKE :t ESCAPE '\\'");
    sql += QStringLiteral(" ORDER BY ts DESC, id DESC LIMIT :limit");
    query.prepare(sql);
    if (!trimmed.isEmpty())
        query.bindValue(QStringLiteral(":t"), escapedLike(trimmed));
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec()) {
        qCWarning(lcSession).noquote() << "notification history:" << query.lastError().text();
        return out;
    }
    while (query.next()) {
        Notification n;
        n.time = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
        n.conditionKey = query.value(1).toString();
        n.rule = Notification::ruleFromName(query.value(2).toString()).value_or(NotificationRule::StartedFailing);
        n.context = query.value(3).toString();
        n.ns = query.value(4).toString();
        n.name = query.value(5).toString();
        n.uid = query.value(6).toString();
        n.summary = query.value(7).toString();
        n.body = query.value(8).toString();
        n.cleared = query.value(9).toBool();
        n.pinned = query.value(10).toBool();
        out.append(n);
    }
    return out;
}

int NotificationHistory::count() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(m_db.database());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM notifications")) && query.next())
        return query.value(0).toInt();
    return 0;
}

void NotificationHistory::prune(const QDateTime &now)
{
    m_appendsSincePrune = 0;
    if (!isOpen())
        return;
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("DELETE FROM notifications WHERE ts < ?"));
    query.addBindValue(now.addDays(-m_maxAgeDays).toMSecsSinceEpoch());
    query.exec();
    query.prepare(QStringLiteral("DELETE FROM notifications WHERE id NOT IN (SELECT id FROM notifications ORDER BY "
                                 "ts DESC, id DESC LIMIT ?)"));
    query.addBindValue(m_maxRows);
    if (!query.exec())
        qCWarning(lcSession).noquote() << "notification history:" << query.lastError().text();
}

QList<Notification> NotificationHistory::read(const QString &path, const QString &text, int limit)
{
    if (path.isEmpty() || path == QLatin1String("-")) // no history kept (as SessionOptions::historyPath)
        return {};
    const NotificationHistory history(path);
    return history.search(text, limit);
}

} // namespace capstan
