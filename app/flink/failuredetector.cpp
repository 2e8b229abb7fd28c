#include "flink/failuredetector.h"

#include "flink/deploymentstatus.h"

#include <QCoreApplication>

namespace capstan {

FailureDetector::FailureDetector(int windowSeconds, int restartThreshold)
    : m_windowSeconds(windowSeconds)
    , m_threshold(restartThreshold)
{
}

void FailureDetector::resetSignals(Track &track)
{
    track.restartTimes.clear();
    track.rootCause.clear();
    track.oomAt = {};
    track.oomCause.clear();
    // Event counts are kept: a deduplicated event whose count grows later is a new signal.
}

bool FailureDetector::observeDeployment(const Deployment &d, const QDateTime &now)
{
    m_uidByName.insert(d.key(), d.uid);
    Track &track = m_tracks[d.uid];
    const bool freshStart = (track.generation >= 0 && d.generation != track.generation)
        || (!track.jobId.isEmpty() && !d.jobId.isEmpty() && d.jobId != track.jobId)
        || (d.lifecycleState == QLatin1String("SUSPENDED") && track.lifecycle != QLatin1String("SUSPENDED"));
    if (freshStart)
        resetSignals(track);
    track.generation = d.generation;
    if (!d.jobId.isEmpty())
        track.jobId = d.jobId;
    // A session cluster's job state is left over from an earlier life (and so is a FAILED lifecycle
    // the operator computed from it): its failure is its JobManager's.
    const bool staleFailure
        = d.sessionCluster && d.lifecycleState == QLatin1String("FAILED") && d.displayState() != DisplayState::Failed;
    track.lifecycle = staleFailure ? QString() : d.lifecycleState;
    track.jobState = d.sessionCluster ? QString() : d.jobState;
    track.deploymentError.clear();
    // status.error in either form: plain text before operator 1.3, a JSON document since.
    QString type;
    QString errorMessage;
    DeploymentStatus::parseError(d.error, &type, &errorMessage);
    if (d.jobManagerStatus == QLatin1String("ERROR"))
        track.deploymentError = errorMessage;
    track.failedError = track.lifecycle == QLatin1String("FAILED") ? errorMessage : QString();
    if (track.jobState == QLatin1String("RESTARTING") || track.jobState == QLatin1String("FAILING")) {
        if (track.restartTimes.isEmpty() || track.restartTimes.last().secsTo(now) >= 1)
            track.restartTimes.append(now);
    }
    return evaluate(d.uid, now);
}

bool FailureDetector::observeEvent(const ClusterEvent &event, const QDateTime &now, QString *changedUid)
{
    if (!event.isRestartSignal())
        return false;
    QString uid = event.involvedUid;
    if (uid.isEmpty() || !m_tracks.contains(uid))
        uid = m_uidByName.value(Deployment::keyOf(event.ns, event.involvedName));
    if (uid.isEmpty())
        return false;
    Track &track = m_tracks[uid];
    const int previous = track.eventCounts.value(event.uid, 0);
    track.eventCounts.insert(event.uid, event.count);
    m_eventOwner.insert(event.uid, uid);
    const int added = event.count - previous;
    if (added <= 0)
        return false;
    // Events older than the window (history replayed by a relist) say nothing about now.
    if (event.lastTimestamp.isValid() && event.lastTimestamp.secsTo(now) > m_windowSeconds)
        return false;
    for (int i = 0; i < std::min(added, 50); ++i)
        track.restartTimes.append(now);
    track.rootCause = event.message.section(QLatin1Char('\n'), 0, 0);
    if (!evaluate(uid, now))
        return false;
    if (changedUid)
        *changedUid = uid;
    return true;
}

bool FailureDetector::observeRestartCount(const QString &uid, qint64 numRestarts, const QDateTime &now)
{
    Track &track = m_tracks[uid];
    if (track.numRestarts >= 0 && numRestarts > track.numRestarts) {
        for (qint64 i = 0; i < std::min<qint64>(numRestarts - track.numRestarts, 50); ++i)
            track.restartTimes.append(now);
    }
    track.numRestarts = numRestarts;
    return evaluate(uid, now);
}

bool FailureDetector::observePods(const QString &uid, const QList<Pod> &pods, const QDateTime &now)
{
    Track &track = m_tracks[uid];
    QString podCause;
    for (const Pod &pod : pods) {
        const bool jobManager = pod.component == PodComponent::JobManager;
        const ContainerStatus *main = pod.mainContainer();
        if (!pod.unschedulableReason.isEmpty() && !pod.isTerminating()) {
            const QString who = jobManager
                ? QCoreApplication::translate("capstan::FailureDetector", "The JobManager pod cannot be scheduled: %1")
                : QCoreApplication::translate("capstan::FailureDetector", "TaskManager pod %2 cannot be scheduled: %1");
            const QString text
                = jobManager ? who.arg(pod.unschedulableMessage) : who.arg(pod.unschedulableMessage, pod.name);
            if (podCause.isEmpty() || jobManager)
                podCause = text;
        }
        if (main && main->state.isWaiting()) {
            const QString &reason = main->state.reason;
            if (jobManager && reason == QLatin1String("CrashLoopBackOff")) {
                QString why = track.logCause;
                if (why.isEmpty() && main->lastState.isTerminated())
                    why = QStringLiteral("%1 (exit %2)")
                              .arg(main->lastState.reason.isEmpty() ? QStringLiteral("Error") : main->lastState.reason)
                              .arg(main->lastState.exitCode);
                podCause = why.isEmpty()
                    ? QCoreApplication::translate("capstan::FailureDetector", "JobManager is crash-looping")
                    : QCoreApplication::translate("capstan::FailureDetector", "JobManager is crash-looping: %1")
                          .arg(why);
            } else if (reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("ErrImagePull")
                       || reason == QLatin1String("InvalidImageName")) {
                const QString text = jobManager
                    ? QCoreApplication::translate("capstan::FailureDetector",
                                                  "JobManager cannot pull its image (%1): %2 — check spec.image and "
                                                  "imagePullSecrets")
                          .arg(reason, main->state.message)
                    : QCoreApplication::translate("capstan::FailureDetector",
                                                  "TaskManager %3 cannot pull its image (%1): %2 — check spec.image "
                                                  "and imagePullSecrets")
                          .arg(reason, main->state.message, pod.name);
                if (podCause.isEmpty() || jobManager)
                    podCause = text;
            }
        }
        if (pod.component != PodComponent::TaskManager)
            continue;
        for (const ContainerStatus &c : pod.containers) {
            for (const ContainerState *s : {&c.state, &c.lastState}) {
                if (!s->isTerminated() || s->reason != QLatin1String("OOMKilled"))
                    continue;
                const QString key = pod.uid + QLatin1Char('/') + QString::number(s->finishedAt.toMSecsSinceEpoch());
                if (track.oomSeen.contains(key))
                    continue;
                track.oomSeen.insert(key);
                // A termination older than the window (history replayed by a relist) says nothing about now.
                if (s->finishedAt.isValid() && s->finishedAt.secsTo(now) > m_windowSeconds)
                    continue;
                track.oomAt = now;
                track.oomCause = QCoreApplication::translate(
                                     "capstan::FailureDetector",
                                     "TaskManager %1 was OOMKilled (exit %2): it exceeded its memory limit — raise "
                                     "taskmanager memory (taskManager.resource.memory)")
                                     .arg(pod.name)
                                     .arg(s->exitCode);
            }
        }
    }
    if (track.oomSeen.size() > 1000)
        track.oomSeen.clear(); // pods come and go: a long-lived deployment must not grow it forever
    // A JobManager that runs again may fail differently next time: its old log's cause is dropped.
    if (!podCause.startsWith(QCoreApplication::translate("capstan::FailureDetector", "JobManager is crash-looping")))
        track.logCause.clear();
    track.podCause = podCause;
    return evaluate(uid, now);
}

bool FailureDetector::observeLogCause(const QString &uid, const QString &cause, const QDateTime &now)
{
    Track &track = m_tracks[uid];
    if (cause.isEmpty() || track.logCause == cause)
        return false;
    track.logCause = cause;
    const QString prefix = QCoreApplication::translate("capstan::FailureDetector", "JobManager is crash-looping");
    if (track.podCause.startsWith(prefix))
        track.podCause
            = QCoreApplication::translate("capstan::FailureDetector", "JobManager is crash-looping: %1").arg(cause);
    return evaluate(uid, now);
}

bool FailureDetector::forget(const QString &uid)
{
    const auto track = m_tracks.constFind(uid);
    if (track != m_tracks.cend()) {
        for (auto it = track->eventCounts.cbegin(); it != track->eventCounts.cend(); ++it)
            m_eventOwner.remove(it.key());
        m_tracks.erase(track);
    }
    return m_status.remove(uid) > 0;
}

void FailureDetector::forgetEvent(const QString &eventUid)
{
    const QString owner = m_eventOwner.take(eventUid);
    const auto track = m_tracks.find(owner);
    if (track != m_tracks.end())
        track->eventCounts.remove(eventUid);
}

QList<QString> FailureDetector::expire(const QDateTime &now)
{
    QList<QString> changed;
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it) {
        if (evaluate(it.key(), now))
            changed.append(it.key());
    }
    return changed;
}

bool FailureDetector::evaluate(const QString &uid, const QDateTime &now)
{
    Track &track = m_tracks[uid];
    while (!track.restartTimes.isEmpty() && track.restartTimes.first().secsTo(now) > m_windowSeconds)
        track.restartTimes.removeFirst();
    FailureStatus next;
    next.windowMinutes = std::max(1, m_windowSeconds / 60);
    next.restarts = static_cast<int>(track.restartTimes.size());
    const bool failedState = track.jobState == QLatin1String("FAILED") || track.lifecycle == QLatin1String("FAILED");
    const bool suspended = track.lifecycle == QLatin1String("SUSPENDED");
    const bool oomRecent = track.oomAt.isValid() && track.oomAt.secsTo(now) <= m_windowSeconds;
    if (!oomRecent)
        track.oomAt = {};
    next.failing = !suspended
        && (failedState || next.restarts >= m_threshold || !track.podCause.isEmpty() || !track.deploymentError.isEmpty()
            || oomRecent);
    if (next.failing) {
        // The most specific cause first: what keeps the JobManager from running, what the operator
        // reports, a TaskManager that ran out of memory, then the latest restart event.
        if (!track.podCause.isEmpty())
            next.rootCause = track.podCause;
        else if (!track.deploymentError.isEmpty())
            next.rootCause = QCoreApplication::translate("capstan::FailureDetector", "JobManager deployment ERROR: %1")
                                 .arg(track.deploymentError);
        else if (oomRecent)
            next.rootCause = track.oomCause;
        else if (failedState && track.rootCause.isEmpty() && !track.failedError.isEmpty())
            next.rootCause = track.failedError; // what the operator says failed (before any deployment)
        else if (track.rootCause.isEmpty() && track.jobState.isEmpty())
            next.rootCause = QStringLiteral("Lifecycle %1").arg(track.lifecycle);
        else
            next.rootCause
                = !track.rootCause.isEmpty() ? track.rootCause : QStringLiteral("Job state %1").arg(track.jobState);
        const FailureStatus previous = m_status.value(uid);
        next.since = previous.failing ? previous.since : now;
    }
    const FailureStatus previous = m_status.value(uid);
    if (next == previous)
        return false;
    m_status.insert(uid, next);
    return previous.failing != next.failing || previous.restarts != next.restarts
        || previous.rootCause != next.rootCause;
}

} // namespace capstan
