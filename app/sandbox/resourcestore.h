#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace capstan::sandbox {

// One served resource type, identified by its plural ("flinkdeployments").
struct ServedResourceType
{
    QString plural;
    QString singular;
    QString kind;
    QString group; // "" for core/v1
    QString version;
    bool namespaced = true;
    bool statusSubresource = false; // writes to the main resource ignore .status, /status only .status
    bool tracksGeneration = false; // metadata.generation starts at 1 and follows .spec
    QStringList shortNames;
    QStringList categories; // discovery's categories ("all" for the Flink kinds that kubectl get all lists)
    QStringList selectableFields; // field selector paths

    QString apiVersion() const; // "v1" or "flink.apache.org/v1beta1"
    QString qualifiedName() const; // "configmaps" or "flinkdeployments.flink.apache.org"
};

// The served types; nullptr for an unknown plural.
const std::vector<ServedResourceType> &servedResourceTypes();
const ServedResourceType *findServedResourceType(const QString &plural);

// A Status body as the API server sends it ("status":"Failure" for code >= 400).
QJsonObject makeStatus(int code, const QString &reason, const QString &message, const QJsonObject &details = {});

// The outcome of a store operation: the object, the list or, when code >= 400, a Status body.
struct StoreResult
{
    int code = 200;
    QJsonObject object;
    bool ok() const { return code < 400; }
};

enum class Subresource { None, Status };

struct WriteOptions
{
    bool dryRun = false; // validate and return the result, store nothing, bump nothing
    Subresource subresource = Subresource::None;
    QString preconditionUid; // delete only: 409 Conflict unless it matches
    QString preconditionResourceVersion; // delete only
    QDateTime creationTimestamp; // create, seeding only: the creation time to record (HTTP writes never set it)
};

struct ListOptions
{
    QString labelSelector;
    QString fieldSelector;
    int limit = 0; // 0: everything
    QString continueToken;
};

struct WatchEvent
{
    quint64 resourceVersion = 0;
    QString plural;
    QString ns;
    QString type; // ADDED, MODIFIED, DELETED
    QJsonObject object;
    QJsonObject previous; // the object before a MODIFIED, for selector transitions
};

// The sandbox's etcd: objects of every served type, one global resourceVersion counter and a bounded
// history of changes for watches.
//
// Thread-safety: every method may be called from any thread (one mutex; watchers block on a
// condition variable). Errors come back as StoreResult with a Status body, never as exceptions.
class ResourceStore final
{
public:
    ResourceStore();
    ~ResourceStore();
    ResourceStore(const ResourceStore &) = delete;
    ResourceStore &operator=(const ResourceStore &) = delete;

    StoreResult get(const QString &plural, const QString &ns, const QString &name) const;
    // ns "" lists every namespace. The list carries metadata.resourceVersion (and continue).
    StoreResult list(const QString &plural, const QString &ns = {}, const ListOptions &options = {}) const;
    // Fills uid, resourceVersion, creationTimestamp (and generation for Flink kinds). 409
    // AlreadyExists, 404 when the namespace does not exist, 422 for an invalid name.
    StoreResult create(const QString &plural, const QString &ns, const QJsonObject &object,
                       const WriteOptions &options = {});
    // PUT. A metadata.resourceVersion that is not current → 409 Conflict; Flink kinds require it (422).
    StoreResult update(const QString &plural, const QString &ns, const QString &name, const QJsonObject &object,
                       const WriteOptions &options = {});
    // RFC 7386. A resourceVersion carried by the patch must be current (409 otherwise).
    StoreResult mergePatch(const QString &plural, const QString &ns, const QString &name, const QJsonObject &patch,
                           const WriteOptions &options = {});
    // RFC 6902. A failed "test" or a bad path → 422.
    StoreResult jsonPatch(const QString &plural, const QString &ns, const QString &name, const QJsonArray &operations,
                          const WriteOptions &options = {});
    // Returns the deleted object; deleting a namespace deletes everything in it.
    StoreResult remove(const QString &plural, const QString &ns, const QString &name, const WriteOptions &options = {});

    quint64 currentResourceVersion() const;
    // Forgets the watch history: a watch or continue from any older resourceVersion gets 410.
    void compact();
    void setHistoryLimit(int events);

    // --- for watch streams ---
    // The current objects of a type (ns "" = all) and the resourceVersion they are consistent with.
    quint64 snapshot(const QString &plural, const QString &ns, QList<QJsonObject> *objects) const;
    // Appends up to maxEvents changes of the type after afterRv. Returns false when afterRv is older
    // than the retained history (*oldest then says the oldest resourceVersion still available).
    // *scannedTo is the resourceVersion up to which the history was examined.
    bool eventsSince(quint64 afterRv, const QString &plural, const QString &ns, int maxEvents,
                     std::vector<WatchEvent> *out, quint64 *scannedTo, quint64 *oldest) const;
    // Blocks until the resourceVersion passes afterRv, wakeWatchers() is called, or the timeout.
    void waitForChange(quint64 afterRv, std::chrono::milliseconds timeout) const;
    void wakeWatchers();

private:
    using Bucket = std::map<QString, QJsonObject>; // "ns/name" → object
    StoreResult modify(const QString &plural, const QString &ns, const QString &name, const WriteOptions &options,
                       bool putSemantics, const std::function<StoreResult(const QJsonObject &)> &mutate);
    void recordLocked(const QString &plural, const QString &ns, const QString &type, const QJsonObject &object,
                      const QJsonObject &previous);
    StoreResult removeLocked(const ServedResourceType &type, const QString &ns, const QString &name,
                             const WriteOptions &options);

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::map<QString, Bucket> m_objects;
    std::deque<WatchEvent> m_history;
    quint64 m_resourceVersion = 0;
    quint64 m_historyFloor = 0; // watches from below this resourceVersion are expired
    quint64 m_wakeGeneration = 0;
    size_t m_historyLimit = 10000;
};

} // namespace capstan::sandbox
