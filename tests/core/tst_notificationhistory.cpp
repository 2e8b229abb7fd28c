// The notification history: what is appended comes back newest first, search finds text in the
// summary, body, deployment and context (LIKE's wildcards taken literally), and the store keeps
// within its bounds of rows and age. A reader on another thread sees what the writer appended.

#include "notify/notificationhistory.h"
#include "session/historystore.h"

#include <QFileInfo>
#include <QFuture>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace capstan;

namespace {

Notification make(const QString &name, const QString &context, const QDateTime &time, const QString &body = {})
{
    Notification n;
    n.rule = NotificationRule::StartedFailing;
    n.conditionKey = Notification::keyOf(n.rule, context, QStringLiteral("streaming"), name);
    n.context = context;
    n.ns = QStringLiteral("streaming");
    n.name = name;
    n.uid = QStringLiteral("uid-") + name;
    n.summary = QStringLiteral("%1 is failing (%2)").arg(name, context);
    n.body = body;
    n.time = time;
    return n;
}

} // namespace

class TestNotificationHistory : public QObject
{
    Q_OBJECT

private slots:
    void appendAndSearch();
    void boundedByRows();
    void boundedByAge();
    void readFromAnotherThread();
    void defaultPathBesideHistory();

private:
    QTemporaryDir m_dir;
};

void TestNotificationHistory::appendAndSearch()
{
    NotificationHistory history(m_dir.filePath(QStringLiteral("search.sqlite")));
    QVERIFY(history.isOpen());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Notification pinned = make(QStringLiteral("payments"), QStringLiteral("prod-us"), now.addSecs(-60),
                               QStringLiteral("100% of slots taken"));
    pinned.pinned = true;
    pinned.rule = NotificationRule::NoCheckpoint;
    Notification cleared = make(QStringLiteral("github-analytics"), QStringLiteral("prod-eu"), now);
    cleared.cleared = true;
    history.append(make(QStringLiteral("github-analytics"), QStringLiteral("prod-eu"), now.addSecs(-120),
                        QStringLiteral("java.lang.OutOfMemoryError: Java heap space")));
    history.append(QList<Notification>{pinned, cleared});
    QCOMPARE(history.count(), 3);

    const QList<Notification> all = history.search(QString());
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0), cleared); // newest first, every field back
    QCOMPARE(all.at(1), pinned);
    QCOMPARE(all.at(2).body, QStringLiteral("java.lang.OutOfMemoryError: Java heap space"));

    QCOMPARE(history.search(QStringLiteral("outofmemory")).size(), 1); // body, any case
    QCOMPARE(history.search(QStringLiteral("prod-eu")).size(), 2); // context
    QCOMPARE(history.search(QStringLiteral("  payments ")).size(), 1); // name, trimmed
    QCOMPARE(history.search(QStringLiteral("100%")).size(), 1);
    QCOMPARE(history.search(QStringLiteral("%")).size(), 1); // a literal percent sign, not "anything"
    QCOMPARE(history.search(QStringLiteral("_")).size(), 0);
    QCOMPARE(history.search(QStringLiteral("nothing like this")).size(), 0);
    QCOMPARE(history.search(QString(), 2).size(), 2);
}

void TestNotificationHistory::boundedByRows()
{
    NotificationHistory history(m_dir.filePath(QStringLiteral("rows.sqlite")), 50);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Notification> many;
    for (int i = 0; i < 180; ++i)
        many << make(QStringLiteral("d%1").arg(i), QStringLiteral("prod-eu"), now.addSecs(i - 180));
    history.append(many);
    QCOMPARE(history.count(), 50);
    const QList<Notification> kept = history.search(QString(), 1000);
    QCOMPARE(kept.first().name, QStringLiteral("d179"));
    QCOMPARE(kept.last().name, QStringLiteral("d130"));
    // One at a time: pruned every PruneEvery appends, so never far beyond the bound.
    for (int i = 0; i < NotificationHistory::PruneEvery; ++i) {
        history.append(make(QStringLiteral("e%1").arg(i), QStringLiteral("prod-eu"), now.addSecs(i)));
        QVERIFY(history.count() <= 50 + NotificationHistory::PruneEvery);
    }
    QCOMPARE(history.count(), 50);
}

void TestNotificationHistory::boundedByAge()
{
    NotificationHistory history(m_dir.filePath(QStringLiteral("age.sqlite")), 1000, 30);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    history.append(make(QStringLiteral("old"), QStringLiteral("prod-eu"), now.addDays(-31)));
    history.append(make(QStringLiteral("recent"), QStringLiteral("prod-eu"), now.addDays(-29)));
    history.prune(now);
    const QList<Notification> kept = history.search(QString());
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().name, QStringLiteral("recent"));
}

void TestNotificationHistory::readFromAnotherThread()
{
    const QString path = m_dir.filePath(QStringLiteral("threads.sqlite"));
    NotificationHistory history(path);
    history.append(make(QStringLiteral("clickstream"), QStringLiteral("staging"), QDateTime::currentDateTimeUtc()));
    QFuture<QList<Notification>> future
        = QtConcurrent::run([path] { return NotificationHistory::read(path, QStringLiteral("click")); });
    const QList<Notification> found = future.result();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().context, QStringLiteral("staging"));
    // A missing directory is created; an unusable path leaves an empty, closed store.
    QVERIFY(NotificationHistory::read(QStringLiteral("/proc/capstan-no/such.sqlite"), QString()).isEmpty());
    QVERIFY(NotificationHistory::read(QStringLiteral("-"), QString()).isEmpty());
    QVERIFY(!QFileInfo::exists(QStringLiteral("-")));
}

void TestNotificationHistory::defaultPathBesideHistory()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(NotificationHistory::defaultPath().endsWith(QStringLiteral("/notifications.sqlite")));
    QCOMPARE(QFileInfo(NotificationHistory::defaultPath()).absolutePath(),
             QFileInfo(HistoryStore::defaultPath()).absolutePath());
}

QTEST_GUILESS_MAIN(TestNotificationHistory)
#include "tst_notificationhistory.moc"
