#pragma once

#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/failurestatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace capstan {

// Decides from what Capstan observes: restart-type Warning events (JobException, Error,
// RestartUnhealthyJob, BackOff), numRestarts growing between JobManager polls, and job or
// lifecycle FAILED. Signals count only since the last fresh start — a suspend, a new job id or a
// new spec generation — so a deployment that was fixed does not stay red; and they age out of the
// window, so the banner clears after recovery.
class FailureDetector final
{
public:
    explicit FailureDetector(int windowSeconds = 120, int restartThreshold = 2);

    // Each returns true when the status of that deployment changed.
    bool observeDeployment(const Deployment &deployment, const QDateTime &now);
    // *changedUid, when given, receives the deployment the event was attributed to (by uid, or by
    // namespace and name when the event carries no uid).
    bool observeEvent(const ClusterEvent &event, const QDateTime &now, QString *changedUid = nullptr);
    bool observeRestartCount(const QString &uid, qint64 numRestarts, const QDateTime &now);
    bool forget(const QString &uid);
    // The event is gone from the server (deleted, or expired by its TTL): its count no longer needs
    // remembering.
    void forgetEvent(const QString &eventUid);
    int knownEventCount() const { return static_cast<int>(m_eventOwner.size()); }
    // Re-evaluates windows; returns the uids whose status changed.
    QList<QString> expire(const QDateTime &now);

    FailureStatus status(const QString &uid) const { return m_status.value(uid); }

private:
    struct Track
    {
        QString jobId;
        qint64 generation = -1;
        QString lifecycle;
        QString jobState;
        QList<QDateTime> restartTimes;
        QHash<QString, int> eventCounts; // event uid → last seen count
        qint64 numRestarts = -1;
        QString rootCause;
    };
    bool evaluate(const QString &uid, const QDateTime &now);
    void resetSignals(Track &track);

    int m_windowSeconds;
    int m_threshold;
    QHash<QString, Track> m_tracks; // by deployment uid
    QHash<QString, QString> m_uidByName; // "ns/name" → uid, to attribute events without involvedObject.uid
    QHash<QString, QString> m_eventOwner; // event uid → the deployment uid whose eventCounts has it
    QHash<QString, FailureStatus> m_status;
};

} // namespace capstan
