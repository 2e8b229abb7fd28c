#pragma once

#include "error.h"
#include "kube/backoff.h"
#include "kube/resourcepath.h"
#include "kube/watchstream.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace capstan {

class KubeClient;
class KubeReply;

// Changes since the last batch, keyed by uid. `resynced` is set on the first batch after a (re)list.
struct InformerBatch
{
    QList<QJsonObject> upserted;
    QStringList removed;
    bool resynced = false;
    bool isEmpty() const { return upserted.isEmpty() && removed.isEmpty(); }
};

enum class InformerState {
    Stopped,
    Listing, // (re)listing; the store still holds the previous view
    Watching, // synced and receiving changes: the view is live
    Backoff, // waiting before the next attempt after an error: the view is stale
};

// A client-go style informer: list (paged), then watch from the list's resourceVersion, keeping a
// keyed store (uid → object). Clean close → re-watch from the last resourceVersion; 410 or a watch
// that ends within 1 s with no events → relist; errors → exponential backoff (0.8 s doubling with
// jitter up to 30 s, reset after 2 minutes healthy); silent streams are closed by a watchdog.
// Changes are emitted in batches at most every `batchIntervalMs`.
class Informer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Informer)

public:
    struct Options
    {
        QString labelSelector;
        QString fieldSelector;
        int pageSize = 500;
        int watchdogMs = 90000;
        int minWatchTimeoutSeconds = 300;
        int maxWatchTimeoutSeconds = 600;
        int batchIntervalMs = 100;
        int backoffInitialMs = 800;
        int backoffMaxMs = 30000;
        int backoffResetMs = 120000;
        // false: the store keeps only each object's resourceVersion (for relists) and batches are
        // the only place the objects are found. A list is then passed on page by page, so only one
        // page of objects is ever held, for callers that keep a compact form of their own.
        bool retainObjects = true;
    };

    Informer(KubeClient *client, const ResourceType &type, const QString &ns, const Options &options,
             QObject *parent = nullptr);
    ~Informer() override;

    void start();
    void stop();
    // Drops the watch and lists again (e.g. after a network change).
    void relist();

    // Empty unless Options::retainObjects.
    const QHash<QString, QJsonObject> &objects() const { return m_objects; }
    qsizetype size() const { return m_options.retainObjects ? m_objects.size() : m_versions.size(); }
    bool hasSynced() const { return m_synced; }
    InformerState state() const { return m_state; }
    QString resourceVersion() const { return m_resourceVersion; }
    const Error &lastError() const { return m_lastError; }

    // Counters, for diagnostics and tests.
    int listCount() const { return m_lists; }
    int watchCount() const { return m_watches; }

signals:
    void changed(const capstan::InformerBatch &batch);
    void stateChanged(capstan::InformerState state, const capstan::Error &lastError, int retryInMs);
    void synced();

private:
    void listPage(const QString &continueToken);
    void finishList(const QString &resourceVersion);
    void startWatch();
    void onWatchEvent(const QString &type, const QJsonObject &object);
    void onWatchEnded(const WatchEnd &end);
    void scheduleRetry(const Error &error, bool relistAfter);
    void setState(InformerState state, int retryInMs = 0);
    void queueUpsert(const QString &uid);
    void queueRemove(const QString &uid);
    void flush();

    QPointer<KubeClient> m_client;
    ResourceType m_type;
    QString m_ns;
    Options m_options;
    Backoff m_backoff;

    QHash<QString, QJsonObject> m_objects;
    QHash<QString, QJsonObject> m_listing; // pages of a list in progress
    // Without retainObjects: uid → resourceVersion of the store and of the list in progress, and
    // the objects changed since the last batch.
    QHash<QString, QString> m_versions;
    QHash<QString, QString> m_listingVersions;
    QHash<QString, QJsonObject> m_pendingObjects;
    QString m_resourceVersion;
    bool m_synced = false;
    bool m_running = false;
    InformerState m_state = InformerState::Stopped;
    Error m_lastError;

    QPointer<KubeReply> m_listReply;
    QPointer<WatchStream> m_watch;
    QTimer m_retryTimer;
    bool m_retryRelists = false;

    QSet<QString> m_pendingUpserts;
    QSet<QString> m_pendingRemovals;
    bool m_pendingResync = false;
    QTimer m_batchTimer;

    int m_lists = 0;
    int m_watches = 0;
    quint64 m_generation = 0; // bumps on stop/relist so late answers of an old cycle are dropped
};

QString uidOf(const QJsonObject &object);

} // namespace capstan

Q_DECLARE_METATYPE(capstan::InformerBatch)
Q_DECLARE_METATYPE(capstan::InformerState)
