#pragma once

#include "error.h"
#include "flink/deployment.h"
#include "flink/snapshot.h"
#include "notify/notification.h"
#include "notify/notificationsettings.h"
#include "session/backendsession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace capstan {

// Turns what the sessions publish into notifications: each rule of NotificationSettings watches for
// its condition, and a condition is notified once, when it starts, and once more (cleared) when it
// ends. Pure logic: no timers, no I/O; the time comes in as an argument, so a caller drives the
// time-based rules with tick() (NotificationCenter every 30 s; tests with any time they like).
// Used on one thread; cheap per batch (a hash lookup per deployment and rule).
//
// Start-up: the first batch of a context is its baseline. Conditions already present then are not
// notified one by one: the person on call wants to know what is wrong when Capstan starts, but not
// as forty notifications at once, and most of it they knew when they closed Capstan. So they come
// as one summary per context ("3 deployments need attention in prod-eu"), each condition counted
// as notified (it is not notified again until it clears and starts again). Pinned deployments and
// contexts are the exception: they are notified one by one at start-up as well, as always.
//
// Mutes and pins: see NotificationSettings (the most specific scope decides). A condition that holds
// while muted or while its rule is off is kept, not forgotten: when the mute ends (or the rule is
// switched on) and it still holds, the next tick notifies it.
class NotificationRules final
{
    Q_DECLARE_TR_FUNCTIONS(capstan::NotificationRules)

public:
    // How long a generation change waits for noteOwnWrite before it counts as someone else's: the
    // watch may deliver the new object before the action's reply reaches the caller.
    static constexpr int OwnWriteGraceSeconds = 20;
    // The most deployments named in a start-up summary's body.
    static constexpr int SummaryNames = 10;

    void setSettings(const NotificationSettings &settings);
    const NotificationSettings &settings() const { return m_settings; }

    // A batch of a context's session (DeploymentBatch). Rules: StartedFailing, JobFailed,
    // SnapshotFailed (its end), NoCheckpoint, ChangedElsewhere.
    QList<Notification> onDeployments(const QString &context, const DeploymentBatch &batch, const QDateTime &now);
    // The context's connection: Reconnecting or Failed for unreachableMinutes is ContextUnreachable;
    // Live ends it (Connecting after a failure does not).
    QList<Notification> onContextState(const QString &context, SessionState state, const Error &error,
                                       const QDateTime &now);
    // SnapshotFailed starts from a FAILED snapshot newer than the deployment's lastSnapshot: the
    // list's Deployment::lastFailedSnapshot, or the snapshots an open page's watch publishes
    // (BackendSession::snapshotsChanged; Ververica Platform's savepoints come only this way). A later
    // completed snapshot (in a DeploymentBatch) ends it.
    QList<Notification> onSnapshots(const QString &context, const SnapshotBatch &batch, const QDateTime &now);
    // Time-based rules (NoCheckpoint, ContextUnreachable), ChangedElsewhere past its grace, and
    // conditions whose mute ended.
    QList<Notification> tick(const QDateTime &now);
    // This user's own action wrote `generation` of the deployment: not "changed elsewhere".
    void noteOwnWrite(const QString &context, const QString &uid, qint64 generation);
    // The context is no longer watched: its conditions end (cleared notifications for those notified).
    QList<Notification> removeContext(const QString &context, const QDateTime &now);

    // The conditions that hold now and were notified (the tray's "what is wrong" list).
    QList<Notification> active() const;

private:
    struct Tracked
    {
        QString ns;
        QString name;
        bool failing = false;
        QString rootCause; // the failing detector's
        int restarts = 0;
        int windowMinutes = 0;
        QString jobState;
        QString errorMessage; // status.error's message
        bool running = false; // jobState RUNNING
        bool checkpointsEnabled = false;
        qint64 generation = 0;
        QDateTime jobStart;
        QDateTime lastCompleted; // lastSnapshot's time
        QDateTime lastCheckpoint; // the newest checkpoint seen as lastSnapshot
        Snapshot failedSnapshot; // the newest FAILED snapshot seen (state empty: none)
        bool noCheckpointHeld = false; // its NoCheckpoint condition holds
    };
    struct PendingChange
    {
        QString uid;
        qint64 from = 0;
        qint64 to = 0;
        QDateTime due;
    };
    struct ContextWatch
    {
        bool baselined = false;
        bool stateKnown = false;
        SessionState state = SessionState::Connecting;
        QDateTime downSince; // invalid while not down
        Error error;
        QHash<QString, Tracked> deployments; // by uid
        QHash<QString, QSet<qint64>> ownWrites; // by uid
        QList<PendingChange> pending;
    };
    struct Condition
    {
        Notification notification;
        QString clearedSummary; // the summary when it ends
        bool notified = false;
    };
    using Out = QList<Notification>;

    void evaluate(const QString &context, ContextWatch &watch, const QString &uid, const QDateTime &now, Out &out,
                  Out *baseline);
    void evaluateNoCheckpoint(const QString &context, ContextWatch &watch, const QString &uid, const QDateTime &now,
                              Out &out, Out *baseline);
    static QDateTime checkpointClock(const Tracked &t); // the last checkpoint, or the job's start if later
    Notification noCheckpointNotification(const QString &context, const QString &uid, const Tracked &t,
                                          const QDateTime &now) const;
    Notification deploymentNotification(NotificationRule rule, const QString &context, const QString &uid,
                                        const Tracked &t, const QDateTime &now) const;
    void evaluateUnreachable(const QString &context, const ContextWatch &watch, const QDateTime &now, Out &out);
    void flushPending(const QString &context, ContextWatch &watch, const QDateTime &now, Out &out);
    void forget(const QString &context, const QString &ns, const QString &name, const QDateTime &now, Out &out);

    // The condition holds: notified unless it already was (or goes into the start-up summary).
    void hold(const Notification &n, const QString &clearedSummary, const QDateTime &now, Out &out, Out *baseline);
    // The condition ended: a cleared notification if it was notified.
    void release(const QString &key, const QDateTime &now, Out &out);
    void fireOnce(const Notification &n, const QDateTime &now, Out &out);
    Notification summaryOf(const QString &context, const Out &baseline, const QDateTime &now) const;

    NotificationSettings m_settings;
    QHash<QString, ContextWatch> m_contexts;
    QHash<QString, Condition> m_conditions; // by conditionKey
};

} // namespace capstan
