#include "kube/informer.h"

#include "kube/kubeclient.h"
#include "logging.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace capstan {

QString uidOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
}

namespace {
QString resourceVersionOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
}
} // namespace

Informer::Informer(KubeClient *client, const ResourceType &type, const QString &ns, const Options &options,
                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_type(type)
    , m_ns(ns)
    , m_options(options)
    , m_backoff(options.backoffInitialMs, options.backoffMaxMs, options.backoffResetMs)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_retryRelists || m_resourceVersion.isEmpty())
            relist();
        else
            startWatch();
    });
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(options.batchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &Informer::flush);
}

Informer::~Informer()
{
    stop();
}

void Informer::start()
{
    if (m_running)
        return;
    m_running = true;
    relist();
}

void Informer::stop()
{
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    if (m_listReply)
        m_listReply->abort();
    if (m_watch) {
        m_watch->stop();
        m_watch->deleteLater();
    }
    flush();
    setState(InformerState::Stopped);
}

void Informer::relist()
{
    if (!m_running)
        return;
    ++m_generation;
    m_retryTimer.stop();
    if (m_watch) {
        m_watch->stop();
        m_watch->deleteLater();
    }
    if (m_listReply)
        m_listReply->abort();
    m_listing.clear();
    m_listingVersions.clear();
    ++m_lists;
    setState(InformerState::Listing);
    listPage(QString());
}

void Informer::listPage(const QString &continueToken)
{
    KubeClient::ListOptions options;
    options.labelSelector = m_options.labelSelector;
    options.fieldSelector = m_options.fieldSelector;
    options.limit = m_options.pageSize;
    options.continueToken = continueToken;
    KubeReply *reply = m_client->list(m_type.collectionPath(m_ns), options);
    m_listReply = reply;
    const quint64 generation = m_generation;
    connect(reply, &KubeReply::finished, this, [this, generation](const Result<QJsonObject> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            // An expired continue token means the list must start over; anything else backs off.
            qCInfo(lcWatch).noquote() << "list of" << m_type.plural << "failed:" << result.error().toString();
            scheduleRetry(result.error(), true);
            return;
        }
        const QJsonObject list = result.value();
        const QJsonArray items = list.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            const QString uid = uidOf(object);
            if (m_options.retainObjects) {
                m_listing.insert(uid, object);
                continue;
            }
            const QString version = resourceVersionOf(object);
            m_listingVersions.insert(uid, version);
            const auto known = m_versions.constFind(uid);
            if (known == m_versions.cend() || *known != version) {
                m_versions.insert(uid, version);
                m_pendingObjects.insert(uid, object);
                queueUpsert(uid);
            }
        }
        if (!m_options.retainObjects)
            flush(); // this page now, rather than every page held until the last one
        const QJsonObject metadata = list.value(QLatin1String("metadata")).toObject();
        const QString next = metadata.value(QLatin1String("continue")).toString();
        if (!next.isEmpty()) {
            listPage(next);
            return;
        }
        finishList(metadata.value(QLatin1String("resourceVersion")).toString());
    });
}

void Informer::finishList(const QString &resourceVersion)
{
    if (!m_options.retainObjects) {
        // The pages were passed on as they came; what the list no longer has is gone.
        for (auto it = m_versions.cbegin(); it != m_versions.cend(); ++it) {
            if (!m_listingVersions.contains(it.key()))
                queueRemove(it.key());
        }
        m_versions = std::exchange(m_listingVersions, {});
    }
    // Replace the store with the listed state, emitting only the differences.
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
        if (!m_listing.contains(it.key()))
            queueRemove(it.key());
    }
    for (auto it = m_listing.cbegin(); it != m_listing.cend(); ++it) {
        const auto existing = m_objects.constFind(it.key());
        if (existing == m_objects.cend() || resourceVersionOf(*existing) != resourceVersionOf(it.value()))
            m_pendingUpserts.insert(it.key());
    }
    m_objects = std::exchange(m_listing, {});
    m_resourceVersion = resourceVersion;
    m_pendingResync = true;
    const bool first = !m_synced;
    m_synced = true;
    flush(); // a completed list is shown at once
    qCDebug(lcWatch).noquote() << "listed" << size() << m_type.plural << "at resourceVersion" << resourceVersion;
    if (first)
        emit synced();
    startWatch();
}

void Informer::startWatch()
{
    if (!m_running)
        return;
    if (m_watch) {
        m_watch->stop();
        m_watch->deleteLater();
    }
    WatchStream::Options options;
    options.labelSelector = m_options.labelSelector;
    options.fieldSelector = m_options.fieldSelector;
    options.watchdogMs = m_options.watchdogMs;
    // Jittered so that many watches do not all reconnect at the same moment.
    options.timeoutSeconds = m_options.minWatchTimeoutSeconds
        + QRandomGenerator::global()->bounded(
            std::max(1, m_options.maxWatchTimeoutSeconds - m_options.minWatchTimeoutSeconds + 1));
    auto *watch = new WatchStream(m_client, m_type.collectionPath(m_ns), m_resourceVersion, options, this);
    m_watch = watch;
    ++m_watches;
    connect(watch, &WatchStream::eventReceived, this, &Informer::onWatchEvent);
    connect(watch, &WatchStream::ended, this, &Informer::onWatchEnded);
    watch->start();
    m_backoff.markHealthy();
    setState(InformerState::Watching);
}

void Informer::onWatchEvent(const QString &type, const QJsonObject &object)
{
    const QString uid = uidOf(object);
    if (uid.isEmpty())
        return;
    m_resourceVersion = resourceVersionOf(object);
    if (!m_options.retainObjects) {
        if (type == QLatin1String("DELETED")) {
            m_pendingObjects.remove(uid);
            if (m_versions.remove(uid))
                queueRemove(uid);
            return;
        }
        m_versions.insert(uid, m_resourceVersion);
        m_pendingObjects.insert(uid, object);
        queueUpsert(uid);
        return;
    }
    if (type == QLatin1String("DELETED")) {
        if (m_objects.remove(uid))
            queueRemove(uid);
        return;
    }
    m_objects.insert(uid, object);
    queueUpsert(uid);
}

void Informer::onWatchEnded(const WatchEnd &end)
{
    if (!m_running)
        return;
    if (m_watch) {
        if (!m_watch->resourceVersion().isEmpty())
            m_resourceVersion = m_watch->resourceVersion(); // bookmarks advance it too
        m_watch->deleteLater();
    }
    m_backoff.markUnhealthy();
    switch (end.kind) {
    case WatchEnd::Kind::Clean:
        if (end.events == 0 && end.durationMs < 1000) {
            // A watch that closes at once with nothing in it usually means the server cannot serve
            // our resourceVersion: start over from a fresh list (after a short pause).
            scheduleRetry(Error::make(QStringLiteral("WatchClosed"),
                                      QStringLiteral("The watch closed immediately; listing again.")),
                          true);
            return;
        }
        startWatch();
        return;
    case WatchEnd::Kind::Expired:
        qCInfo(lcWatch).noquote() << "watch of" << m_type.plural << "expired at" << m_resourceVersion << "; relisting";
        relist();
        return;
    case WatchEnd::Kind::Failed:
    case WatchEnd::Kind::Silent:
        qCInfo(lcWatch).noquote() << "watch of" << m_type.plural << "ended:" << end.error.toString();
        scheduleRetry(end.error, false);
        return;
    }
}

void Informer::scheduleRetry(const Error &error, bool relistAfter)
{
    m_lastError = error;
    m_retryRelists = m_retryRelists || relistAfter;
    int delay = m_backoff.nextDelayMs();
    if (error.retryAfterSeconds > 0)
        delay = std::max(delay, error.retryAfterSeconds * 1000);
    m_retryTimer.start(delay);
    setState(InformerState::Backoff, delay);
}

void Informer::setState(InformerState state, int retryInMs)
{
    if (state == InformerState::Listing)
        m_retryRelists = false; // a relist is under way: a pending retry need not relist again
    const bool changedState = state != m_state || state == InformerState::Backoff;
    m_state = state;
    if (state == InformerState::Watching)
        m_lastError = Error();
    if (changedState)
        emit stateChanged(state, m_lastError, retryInMs);
}

void Informer::queueUpsert(const QString &uid)
{
    m_pendingRemovals.remove(uid);
    m_pendingUpserts.insert(uid);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void Informer::queueRemove(const QString &uid)
{
    m_pendingUpserts.remove(uid);
    m_pendingRemovals.insert(uid);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void Informer::flush()
{
    m_batchTimer.stop();
    InformerBatch batch;
    batch.resynced = std::exchange(m_pendingResync, false);
    batch.upserted.reserve(m_pendingUpserts.size());
    for (const QString &uid : std::as_const(m_pendingUpserts)) {
        if (!m_options.retainObjects) {
            const auto pending = m_pendingObjects.constFind(uid);
            if (pending != m_pendingObjects.cend())
                batch.upserted.append(*pending);
            continue;
        }
        const auto it = m_objects.constFind(uid);
        if (it != m_objects.cend())
            batch.upserted.append(*it);
    }
    m_pendingObjects.clear();
    batch.removed = QStringList(m_pendingRemovals.cbegin(), m_pendingRemovals.cend());
    m_pendingUpserts.clear();
    m_pendingRemovals.clear();
    if (!batch.isEmpty() || batch.resynced)
        emit changed(batch);
}

} // namespace capstan
