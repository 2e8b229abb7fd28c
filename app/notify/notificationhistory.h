#pragma once

#include "error.h"
#include "notify/notification.h"
#include "session/sqliteconnection.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace capstan {

// Every notification Capstan gave (and every end of one), in a SQLite file beside the history
// database, so that nothing is lost when the desktop's notification centre is cleared. Bounded:
// the newest maxRows, none older than maxAgeDays.
//
// Used on one thread: the connection belongs to the thread that created the store. Readers on other
// threads open their own (read(); the file is in WAL mode, so they do not block the writer). Errors
// are logged and leave the store empty (isOpen() false).
class NotificationHistory final
{
public:
    static constexpr int DefaultMaxRows = 10000;
    static constexpr int DefaultMaxAgeDays = 30;
    static constexpr int SchemaVersion = 1; // PRAGMA user_version

    explicit NotificationHistory(const QString &path, int maxRows = DefaultMaxRows, int maxAgeDays = DefaultMaxAgeDays);
    ~NotificationHistory();
    NotificationHistory(const NotificationHistory &) = delete;
    NotificationHistory &operator=(const NotificationHistory &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    const Error &lastError() const { return m_db.lastError(); }

    static QString defaultPath(); // notifications.sqlite beside HistoryStore::defaultPath()

    void append(const Notification &n);
    void append(const QList<Notification> &notifications); // in one transaction
    // The newest `limit` notifications whose summary, body, deployment name, namespace or context
    // contains `text` (case-insensitive; empty: all), newest first.
    QList<Notification> search(const QString &text, int limit = 500) const;
    int count() const;
    // Removes rows beyond the bounds; append() does it every so often on its own.
    void prune(const QDateTime &now);
    static constexpr int PruneEvery = 100; // appends between two prunes (the first append prunes)

    // search() on a connection of its own, for a worker thread (the Notifications panel). A path of
    // "-" (no history kept) reads nothing.
    static QList<Notification> read(const QString &path, const QString &text, int limit = 500);

private:
    SqliteConnection m_db;
    int m_maxRows;
    int m_maxAgeDays;
    int m_appendsSincePrune = PruneEvery; // a reader (read()) never prunes; a writer soon after opening
};

} // namespace capstan
