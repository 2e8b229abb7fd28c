#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <mutex>
#include <optional>

namespace capstan::sandbox {

// Faults the sandbox injects on demand, from tests or from `capstan-sandbox --fault SPEC`.
//
// Thread-safety: every method may be called from any thread. Faults aimed at watch streams affect
// the streams open at the time of the call (each stream remembers the generation it started with).
class FaultPlan final
{
public:
    struct Failure
    {
        int httpStatus = 500;
        int retryAfterSeconds = -1; // < 0: no Retry-After header
    };

    FaultPlan();
    ~FaultPlan();
    FaultPlan(const FaultPlan &) = delete;
    FaultPlan &operator=(const FaultPlan &) = delete;

    // The next `count` non-watch requests get `httpStatus` with a Status body (reason
    // TooManyRequests for 429, InternalError for 500, ServiceUnavailable for 503).
    void failNextRequests(int count, int httpStatus, int retryAfterSeconds = -1);
    // Consumes one pending failure, if any (called by the server per non-watch request).
    std::optional<Failure> takeFailure();

    // Every open watch stream writes the first half of its next event line (midEvent) or nothing, then
    // drops the connection without ending the chunked body.
    void dropWatchStreams(bool midEvent = true);
    // Every open watch stream sends an ERROR event with a 410 Expired Status, then ends.
    void sendExpiredToWatches();
    // While set, open streams send nothing at all: no events, no bookmarks.
    void setWatchesSilent(bool silent);
    bool watchesSilent() const;

    void setLatencyMs(int ms); // delay before every response
    int latencyMs() const;
    void setBookmarkIntervalMs(int ms); // default 5000
    int bookmarkIntervalMs() const;

    // Generations the streams compare against the values they started with.
    quint64 dropGeneration() const;
    bool dropMidEvent() const;
    quint64 expireGeneration() const;

    // Requests served, by verb: get, list, watch, create, update, patch, delete, discovery.
    void countRequest(const QString &verb);
    int requestCount(const QString &verb) const;
    QHash<QString, int> requestCounts() const;
    void resetCounters();

    // Faults of a simulated deployment's pods, by FlinkDeployment name ("name" or "namespace/name").
    enum class PodFault {
        JobManagerCrashLoop, // the JobManager container exits (ClassNotFoundException) and goes CrashLoopBackOff
        TaskManagerOom, // one TaskManager is OOMKilled (exit 137) once its job runs; one per setPodFault()
        ImagePull, // the image cannot be pulled: ErrImagePull / ImagePullBackOff, the JobManager stays Pending
        Unschedulable, // no node fits the JobManager pod: Pending, PodScheduled False, FailedScheduling
    };
    void setPodFault(PodFault fault, const QString &deployment, bool active = true);
    bool hasPodFault(PodFault fault, const QString &ns, const QString &deployment) const;
    // Consumes a pending TaskManager OOM of the deployment.
    bool takeTaskManagerOom(const QString &ns, const QString &deployment);
    // While set, no user may get pods/log (403, and SelfSubjectAccessReviews say so), as when RBAC
    // grants pods but not their logs.
    void setPodLogsForbidden(bool forbidden);
    bool podLogsForbidden() const;

    // Applies a command-line spec: "fail=503x5", "fail=429x3:2" (Retry-After 2 s), "latency=200",
    // "bookmark-interval=1000", "silent-watches" / "silent-watches=0", "drop-watches",
    // "drop-watches=clean", "expire-watches", "jm-crashloop=NAME", "tm-oom=NAME", "image-pull=NAME",
    // "unschedulable=NAME" (a trailing ":off" clears a pod fault), "forbid-pod-logs" / "forbid-pod-logs=0".
    // Returns false and sets *error for an unknown spec.
    bool apply(const QString &spec, QString *error = nullptr);

    // Called (outside the lock) after any change that open streams must notice promptly.
    void setWakeUp(std::function<void()> wakeUp);

private:
    void wake();

    mutable std::mutex m_mutex;
    int m_failCount = 0;
    Failure m_failure;
    quint64 m_dropGeneration = 0;
    bool m_dropMidEvent = true;
    quint64 m_expireGeneration = 0;
    bool m_silent = false;
    int m_latencyMs = 0;
    int m_bookmarkIntervalMs = 5000;
    QHash<QString, int> m_counts;
    QHash<int, QSet<QString>> m_podFaults; // PodFault → deployment names
    QHash<QString, int> m_pendingOoms; // deployment name → OOMs still to happen
    bool m_podLogsForbidden = false;
    std::function<void()> m_wakeUp;
};

} // namespace capstan::sandbox
