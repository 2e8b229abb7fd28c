#pragma once

#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/failurestatus.h"
#include "flink/pod.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

namespace capstan {

// Decides from what Capstan observes: restart-type Warning events (JobException, Error,
// RestartUnhealthyJob, BackOff), numRestarts growing between JobManager polls, job or lifecycle
// FAILED, jobManagerDeploymentStatus ERROR with status.error, and the deployment's pods: a
// JobManager crash-looping or unable to pull its image, a pod that cannot be scheduled (these hold
// while the pod is so), and a TaskManager OOMKilled (for the window). Signals count only since the last fresh start — a
// suspend, a new job id or a new spec generation — so a deployment that was fixed does not stay red; and they age out
// of the window, so the banner clears after recovery.
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
    // All current pods of the deployment (PodMonitor::podsOf).
    bool observePods(const QString &uid, const QList<Pod> &pods, const QDateTime &now);
    // What the crash-looping JobManager's previous log says (logFailureCause), e.g.
    // "ClassNotFoundException: com.example.Main": named in the root cause while it crash-loops.
    bool observeLogCause(const QString &uid, const QString &cause, const QDateTime &now);
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
        QString deploymentError; // status.error's message while jobManagerDeploymentStatus is ERROR
        QString failedError; // status.error's message while the lifecycle is FAILED
        QString podCause; // a pod condition that holds now (crash loop, image pull, unschedulable)
        QString logCause; // from the JobManager's previous log
        QDateTime oomAt; // the last TaskManager OOMKilled, within the window
        QString oomCause;
        QSet<QString> oomSeen; // "<pod uid>/<finishedAt>" counted already
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
