// Notification rules: each rule notifies once per condition and once more when it clears; mutes hold
// a condition back until they end; pins notify even when the rule is off; this user's own writes
// are not "changed by someone else"; the first batch of a context is a baseline summarised once;
// time-based rules follow tick(). Settings round-trip through QSettings. (No catalogue is loaded:
// plurals read as the sources write them, "minute(s)".)

#include "notify/notificationrules.h"
#include "notify/notificationsettings.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

namespace {

const QString kContext = QStringLiteral("prod-eu");
const QDateTime kT0 = QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC);

QDateTime at(int minutes, int seconds = 0)
{
    return kT0.addSecs(minutes * 60 + seconds);
}

Deployment deployment(const QString &name = QStringLiteral("github-analytics"), qint64 generation = 7)
{
    Deployment d;
    d.uid = QStringLiteral("uid-") + name;
    d.name = name;
    d.ns = QStringLiteral("streaming");
    d.generation = generation;
    d.lifecycleState = QStringLiteral("STABLE");
    d.jobState = QStringLiteral("RUNNING");
    d.jobManagerStatus = QStringLiteral("READY");
    return d;
}

Deployment failing(Deployment d, const QString &cause = QStringLiteral("java.lang.OutOfMemoryError: Java heap"))
{
    d.failure.failing = true;
    d.failure.rootCause = cause;
    d.failure.restarts = 4;
    d.failure.since = kT0;
    return d;
}

DeploymentBatch batch(const QList<Deployment> &upserted, bool resynced = false)
{
    DeploymentBatch b;
    b.upserted = upserted;
    b.resynced = resynced;
    return b;
}

QList<Notification> fired(const QList<Notification> &all)
{
    QList<Notification> out;
    for (const Notification &n : all) {
        if (!n.cleared)
            out << n;
    }
    return out;
}

QList<Notification> clearedOf(const QList<Notification> &all)
{
    QList<Notification> out;
    for (const Notification &n : all) {
        if (n.cleared)
            out << n;
    }
    return out;
}

// Rules whose context has a healthy baseline already.
NotificationRules started(const QList<Deployment> &deployments = {deployment()})
{
    NotificationRules rules;
    const auto first = rules.onDeployments(kContext, batch(deployments, true), kT0);
    Q_ASSERT(first.isEmpty());
    rules.onContextState(kContext, SessionState::Live, {}, kT0);
    return rules;
}

} // namespace

class TestNotificationRules : public QObject
{
    Q_OBJECT

private slots:
    void startedFailingOnceAndClears();
    void jobFailedOnceAndClears();
    void failedJobOfAFailingDeploymentIsOneNotification();
    void snapshotFailedUntilLaterCompleted();
    void snapshotFailedFromTheList();
    void noCheckpointFollowsTick();
    void noCheckpointNeedsACheckpointSeen();
    void changedElsewhere();
    void ownWritesAreNotChangedElsewhere();
    void contextUnreachable();
    void muteSuppressesUntilExpiry();
    void contextMuteAndDeploymentPin();
    void pinOverridesDisabledRule();
    void disabledRuleIsSilent();
    void baselineIsOneSummary();
    void removedDeploymentClears();
    void settingsRoundTrip();
    void fleetScale();
};

void TestNotificationRules::startedFailingOnceAndClears()
{
    NotificationRules rules = started();
    const auto first = rules.onDeployments(kContext, batch({failing(deployment())}), at(1));
    QCOMPARE(first.size(), 1);
    const Notification &n = first.first();
    QCOMPARE(n.rule, NotificationRule::StartedFailing);
    QCOMPARE(n.summary, QStringLiteral("github-analytics is failing (prod-eu)"));
    QVERIFY(n.body.contains(QStringLiteral("OutOfMemoryError")));
    QVERIFY(n.body.contains(QStringLiteral("4 restart")));
    QCOMPARE(n.context, kContext);
    QCOMPARE(n.ns, QStringLiteral("streaming"));
    QCOMPARE(n.name, QStringLiteral("github-analytics"));
    QCOMPARE(n.uid, QStringLiteral("uid-github-analytics"));
    QCOMPARE(n.time, at(1));
    QVERIFY(!n.cleared);
    QCOMPARE(rules.active().size(), 1);

    // Still failing, even with another root cause: no second notification.
    QVERIFY(rules.onDeployments(kContext, batch({failing(deployment(), QStringLiteral("other"))}), at(2)).isEmpty());
    QVERIFY(rules.tick(at(3)).isEmpty());

    const auto end = rules.onDeployments(kContext, batch({deployment()}), at(4));
    QCOMPARE(end.size(), 1);
    QVERIFY(end.first().cleared);
    QCOMPARE(end.first().conditionKey, n.conditionKey);
    QCOMPARE(end.first().summary, QStringLiteral("github-analytics is no longer failing (prod-eu)"));
    QVERIFY(rules.active().isEmpty());
    QVERIFY(rules.onDeployments(kContext, batch({deployment()}), at(5)).isEmpty());

    // A new failure is a new condition.
    QCOMPARE(fired(rules.onDeployments(kContext, batch({failing(deployment())}), at(6))).size(), 1);
}

void TestNotificationRules::jobFailedOnceAndClears()
{
    NotificationRules rules = started();
    Deployment d = deployment();
    d.jobState = QStringLiteral("FAILED");
    d.errorMessage = QStringLiteral("Job failed: NoResourceAvailableException");
    const auto first = rules.onDeployments(kContext, batch({d}), at(1));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::JobFailed);
    QCOMPARE(first.first().summary, QStringLiteral("The job of github-analytics failed (prod-eu)"));
    QCOMPARE(first.first().body, d.errorMessage);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(2)).isEmpty());
    d.jobState = QStringLiteral("RECONCILING");
    const auto end = rules.onDeployments(kContext, batch({d}), at(3));
    QCOMPARE(clearedOf(end).size(), 1);
    QCOMPARE(clearedOf(end).first().rule, NotificationRule::JobFailed);
}

void TestNotificationRules::failedJobOfAFailingDeploymentIsOneNotification()
{
    NotificationRules rules = started();
    Deployment d = failing(deployment());
    d.jobState = QStringLiteral("FAILED");
    d.errorMessage = QStringLiteral("Job failed: NoResourceAvailableException");
    const auto first = rules.onDeployments(kContext, batch({d}), at(1));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::StartedFailing);
    QVERIFY2(first.first().body.contains(QStringLiteral("The job reached the state FAILED: Job failed: "
                                                        "NoResourceAvailableException")),
             qPrintable(first.first().body));
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(2)).isEmpty());
    QCOMPARE(rules.active().size(), 1);
    // It recovers: one notification that it cleared.
    const auto end = rules.onDeployments(kContext, batch({deployment()}), at(3));
    QCOMPARE(end.size(), 1);
    QVERIFY(end.first().cleared);
    QCOMPARE(end.first().rule, NotificationRule::StartedFailing);

    // The job failed first, then the deployment began failing: still the one notification.
    Deployment jobOnly = deployment();
    jobOnly.jobState = QStringLiteral("FAILED");
    QCOMPARE(fired(rules.onDeployments(kContext, batch({jobOnly}), at(4))).first().rule, NotificationRule::JobFailed);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(5)).isEmpty());
    QCOMPARE(rules.active().size(), 1);
    const auto recovered = rules.onDeployments(kContext, batch({deployment()}), at(6));
    QCOMPARE(recovered.size(), 1);
    QCOMPARE(recovered.first().rule, NotificationRule::JobFailed);
    QVERIFY(recovered.first().cleared);

    // With the failing rule off, the job's failure is notified on its own.
    NotificationSettings settings;
    settings.setEnabled(NotificationRule::StartedFailing, false);
    rules.setSettings(settings);
    const auto alone = rules.onDeployments(kContext, batch({d}), at(7));
    QCOMPARE(alone.size(), 1);
    QCOMPARE(alone.first().rule, NotificationRule::JobFailed);
}

void TestNotificationRules::snapshotFailedFromTheList()
{
    Deployment d = deployment();
    d.lastSnapshot.kind = QStringLiteral("checkpoint");
    d.lastSnapshot.time = at(-10);
    NotificationRules rules = started({d});
    d.lastFailedSnapshot.key = QStringLiteral("snap-uid-9");
    d.lastFailedSnapshot.name = QStringLiteral("github-analytics-checkpoint-9");
    d.lastFailedSnapshot.type = QStringLiteral("CHECKPOINT");
    d.lastFailedSnapshot.state = QStringLiteral("FAILED");
    d.lastFailedSnapshot.time = at(1);
    d.lastFailedSnapshot.error = QStringLiteral("Checkpoint expired before completing.");
    const auto first = rules.onDeployments(kContext, batch({d}), at(1));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::SnapshotFailed);
    QCOMPARE(first.first().summary, QStringLiteral("A checkpoint of github-analytics failed (prod-eu)"));
    QCOMPARE(first.first().body, d.lastFailedSnapshot.error);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(2)).isEmpty());
    d.lastSnapshot.time = at(3);
    const auto end = rules.onDeployments(kContext, batch({d}), at(3));
    QCOMPARE(clearedOf(end).size(), 1);
}

void TestNotificationRules::snapshotFailedUntilLaterCompleted()
{
    Deployment d = deployment();
    d.lastSnapshot.kind = QStringLiteral("savepoint");
    d.lastSnapshot.time = at(-60);
    d.lastSnapshot.path = QStringLiteral("s3://sp/1");
    NotificationRules rules = started({d});

    Snapshot failed;
    failed.key = QStringLiteral("snap-uid-2");
    failed.name = QStringLiteral("github-analytics-savepoint-2");
    failed.type = QStringLiteral("SAVEPOINT");
    failed.state = QStringLiteral("FAILED");
    failed.time = at(1);
    failed.error = QStringLiteral("Checkpoint Coordinator is suspending.");
    SnapshotBatch snapshots;
    snapshots.deploymentUid = d.uid;
    snapshots.upserted = {failed};

    // A failed snapshot older than the last completed one is old news.
    Snapshot old = failed;
    old.time = at(-90);
    SnapshotBatch oldBatch = snapshots;
    oldBatch.upserted = {old};
    QVERIFY(rules.onSnapshots(kContext, oldBatch, at(1)).isEmpty());

    const auto first = rules.onSnapshots(kContext, snapshots, at(1));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::SnapshotFailed);
    QCOMPARE(first.first().summary, QStringLiteral("A savepoint of github-analytics failed (prod-eu)"));
    QCOMPARE(first.first().body, failed.error);
    // Once: the same snapshot again, another failure and batches of the deployment are no news.
    QVERIFY(rules.onSnapshots(kContext, snapshots, at(2)).isEmpty());
    failed.time = at(3);
    failed.key = QStringLiteral("snap-uid-3");
    snapshots.upserted = {failed};
    QVERIFY(rules.onSnapshots(kContext, snapshots, at(3)).isEmpty());
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(4)).isEmpty());

    // A completed one, but older than the failure: still holds.
    d.lastSnapshot.time = at(2);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(5)).isEmpty());
    d.lastSnapshot.time = at(6);
    const auto end = rules.onDeployments(kContext, batch({d}), at(6));
    QCOMPARE(end.size(), 1);
    QVERIFY(end.first().cleared);
    QCOMPARE(end.first().rule, NotificationRule::SnapshotFailed);
}

void TestNotificationRules::noCheckpointFollowsTick()
{
    Deployment d = deployment();
    d.checkpointsEnabled = true;
    d.jobStartTime = at(-120);
    d.lastSnapshot.kind = QStringLiteral("checkpoint");
    d.lastSnapshot.time = at(0);
    d.lastSnapshot.source = QStringLiteral("checkpointInfo");
    NotificationRules rules = started({d});
    NotificationSettings settings;
    settings.noCheckpointMinutes = 10;
    rules.setSettings(settings);

    QVERIFY(rules.tick(at(9, 59)).isEmpty());
    const auto first = rules.tick(at(10));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::NoCheckpoint);
    QCOMPARE(first.first().summary, QStringLiteral("No checkpoint of github-analytics for 10 minute(s) (prod-eu)"));
    QVERIFY(rules.tick(at(11)).isEmpty());
    QVERIFY(rules.tick(at(50)).isEmpty());

    // A new checkpoint ends it.
    d.lastSnapshot.time = at(51);
    const auto end = rules.onDeployments(kContext, batch({d}), at(51));
    QCOMPARE(clearedOf(end).size(), 1);
    QVERIFY(rules.tick(at(55)).isEmpty());

    // A newer savepoint hides checkpoints: the clock goes on from the last checkpoint seen.
    d.lastSnapshot.kind = QStringLiteral("savepoint");
    d.lastSnapshot.time = at(58);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(58)).isEmpty());
    QCOMPARE(fired(rules.tick(at(61))).size(), 1);

    // A suspended job needs no checkpoints.
    d.jobState = QStringLiteral("FINISHED");
    d.desiredState = QStringLiteral("suspended");
    QCOMPARE(clearedOf(rules.onDeployments(kContext, batch({d}), at(62))).size(), 1);
    QVERIFY(rules.tick(at(120)).isEmpty());

    // Started again: the clock starts at the new job's start.
    d.jobState = QStringLiteral("RUNNING");
    d.desiredState = QStringLiteral("running");
    d.jobStartTime = at(130);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(130)).isEmpty());
    QVERIFY(rules.tick(at(139)).isEmpty());
    const auto again = rules.tick(at(140));
    QCOMPARE(again.size(), 1);
    QVERIFY(again.first().body.contains(QStringLiteral("since the job started")));

    // While the context is unreachable the list is stale: no judgement either way.
    d.lastSnapshot.kind = QStringLiteral("checkpoint");
    d.lastSnapshot.time = at(141);
    QCOMPARE(clearedOf(rules.onDeployments(kContext, batch({d}), at(141))).size(), 1);
    rules.onContextState(kContext, SessionState::Reconnecting, {}, at(142));
    for (const Notification &n : rules.tick(at(200)))
        QCOMPARE(n.rule, NotificationRule::ContextUnreachable);
    rules.onContextState(kContext, SessionState::Live, {}, at(201));
    const auto live = rules.tick(at(202));
    QCOMPARE(live.size(), 1);
    QCOMPARE(live.first().rule, NotificationRule::NoCheckpoint);
}

void TestNotificationRules::noCheckpointNeedsACheckpointSeen()
{
    // No checkpoint has reached the list level: it cannot tell, so it says nothing.
    Deployment d = deployment();
    d.checkpointsEnabled = true;
    d.jobStartTime = at(-600);
    NotificationRules rules = started({d});
    QVERIFY(rules.tick(at(600)).isEmpty());
    // Checkpoints switched off: nothing either.
    d.checkpointsEnabled = false;
    d.lastSnapshot.kind = QStringLiteral("checkpoint");
    d.lastSnapshot.time = at(0);
    QVERIFY(rules.onDeployments(kContext, batch({d}), at(601)).isEmpty());
    QVERIFY(rules.tick(at(700)).isEmpty());
}

void TestNotificationRules::changedElsewhere()
{
    NotificationRules rules = started();
    // The generation moved without a write of this user: after the grace for a late noteOwnWrite.
    QVERIFY(rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 8)}), at(1)).isEmpty());
    QVERIFY(rules.tick(at(1, NotificationRules::OwnWriteGraceSeconds - 1)).isEmpty());
    const auto first = rules.tick(at(1, NotificationRules::OwnWriteGraceSeconds));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::ChangedElsewhere);
    QCOMPARE(first.first().summary, QStringLiteral("github-analytics was changed by someone else (generation 7 → 8)"));
    QVERIFY(first.first().body.contains(kContext));
    // One-shot: nothing lingers, nothing clears.
    QVERIFY(rules.active().isEmpty());
    QVERIFY(rules.tick(at(5)).isEmpty());
    QVERIFY(rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 8)}), at(6)).isEmpty());
    // The next change is another notification (a batch after the grace reports it too).
    QVERIFY(rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 9)}), at(7)).isEmpty());
    QCOMPARE(rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 9)}), at(8)).size(),
             1);
    // Changes in quick succession are one, from the first generation to the last.
    QVERIFY(
        rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 10)}), at(9)).isEmpty());
    QVERIFY(rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 12)}), at(9, 10))
                .isEmpty());
    const auto burst = rules.tick(at(10));
    QCOMPARE(burst.size(), 1);
    QVERIFY(burst.first().summary.endsWith(QStringLiteral("(generation 9 → 12)")));
}

void TestNotificationRules::ownWritesAreNotChangedElsewhere()
{
    NotificationRules rules = started();
    const QString uid = deployment().uid;
    // Noted before the watch shows it.
    rules.noteOwnWrite(kContext, uid, 8);
    QVERIFY(rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 8)}), at(1)).isEmpty());
    QVERIFY(rules.tick(at(10)).isEmpty());
    // Noted after the watch showed it, within the grace.
    QVERIFY(
        rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 9)}), at(11)).isEmpty());
    rules.noteOwnWrite(kContext, uid, 9);
    QVERIFY(rules.tick(at(20)).isEmpty());
    // An own write of another context or deployment does not count.
    rules.noteOwnWrite(QStringLiteral("prod-us"), uid, 10);
    rules.noteOwnWrite(kContext, QStringLiteral("uid-other"), 10);
    QVERIFY(
        rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"), 10)}), at(21)).isEmpty());
    QCOMPARE(rules.tick(at(30)).size(), 1);
}

void TestNotificationRules::contextUnreachable()
{
    NotificationRules rules = started();
    Error error
        = Error::make(QStringLiteral("ConnectionRefused"), QStringLiteral("Connection refused by 10.0.0.1:6443"));
    QVERIFY(rules.onContextState(kContext, SessionState::Reconnecting, error, at(0)).isEmpty());
    QVERIFY(rules.tick(at(4, 59)).isEmpty());
    // Another attempt is still the same outage.
    QVERIFY(rules.onContextState(kContext, SessionState::Connecting, {}, at(4, 59)).isEmpty());
    const auto first = rules.tick(at(5));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().rule, NotificationRule::ContextUnreachable);
    QCOMPARE(first.first().summary, QStringLiteral("prod-eu is unreachable"));
    QVERIFY(first.first().body.contains(QStringLiteral("Connection refused by 10.0.0.1:6443")));
    QVERIFY(first.first().name.isEmpty());
    QVERIFY(rules.onContextState(kContext, SessionState::Failed, error, at(6)).isEmpty());
    QVERIFY(rules.tick(at(30)).isEmpty());
    const auto end = rules.onContextState(kContext, SessionState::Live, {}, at(31));
    QCOMPARE(end.size(), 1);
    QVERIFY(end.first().cleared);
    QCOMPARE(end.first().summary, QStringLiteral("prod-eu is connected again"));

    // A short blip is no notification, and ends without a cleared one.
    QVERIFY(rules.onContextState(kContext, SessionState::Reconnecting, error, at(40)).isEmpty());
    QVERIFY(rules.tick(at(42)).isEmpty());
    QVERIFY(rules.onContextState(kContext, SessionState::Live, {}, at(43)).isEmpty());
    QVERIFY(rules.tick(at(60)).isEmpty());

    // The threshold is the setting's.
    NotificationSettings settings;
    settings.unreachableMinutes = 1;
    rules.setSettings(settings);
    rules.onContextState(kContext, SessionState::Failed, error, at(70));
    QCOMPARE(rules.tick(at(71)).size(), 1);
}

void TestNotificationRules::muteSuppressesUntilExpiry()
{
    NotificationRules rules = started();
    NotificationSettings settings;
    settings.mute({kContext, QStringLiteral("streaming"), QStringLiteral("github-analytics")}, at(60));
    rules.setSettings(settings);
    QVERIFY(rules.onDeployments(kContext, batch({failing(deployment())}), at(1)).isEmpty());
    QVERIFY(rules.tick(at(30)).isEmpty());
    QVERIFY(rules.tick(at(59, 59)).isEmpty());
    // The mute ended and it still fails: notified once, then not again.
    const auto late = rules.tick(at(60));
    QCOMPARE(late.size(), 1);
    QCOMPARE(late.first().rule, NotificationRule::StartedFailing);
    QCOMPARE(late.first().time, at(60));
    QVERIFY(rules.tick(at(61)).isEmpty());

    // Its end is told even while muted: it was notified, and the desktop's notification must close.
    settings.mute({kContext, QStringLiteral("streaming"), QStringLiteral("github-analytics")}, at(200));
    rules.setSettings(settings);
    QCOMPARE(clearedOf(rules.onDeployments(kContext, batch({deployment()}), at(62))).size(), 1);

    // A condition that starts and ends within the mute leaves nothing behind.
    QVERIFY(rules.onDeployments(kContext, batch({failing(deployment())}), at(63)).isEmpty());
    QVERIFY(rules.onDeployments(kContext, batch({deployment()}), at(64)).isEmpty());
    QVERIFY(rules.tick(at(201)).isEmpty());
}

void TestNotificationRules::contextMuteAndDeploymentPin()
{
    const Deployment a = deployment(QStringLiteral("github-analytics"));
    const Deployment b = deployment(QStringLiteral("clickstream"));
    NotificationRules rules = started({a, b});
    NotificationSettings settings;
    settings.mute({kContext, {}, {}}, at(60));
    settings.pin({kContext, b.ns, b.name});
    rules.setSettings(settings);
    // The context is muted, but a pinned deployment of it speaks up: the more specific scope decides.
    const auto out = rules.onDeployments(kContext, batch({failing(a), failing(b)}), at(1));
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().name, b.name);
    QVERIFY(out.first().pinned);
    // Contexts are muted by name: another context is not.
    NotificationRules other;
    other.setSettings(settings);
    other.onDeployments(QStringLiteral("prod-us"), batch({a}), at(0));
    QCOMPARE(other.onDeployments(QStringLiteral("prod-us"), batch({failing(a)}), at(1)).size(), 1);
    // Unreachable contexts are muted too.
    rules.onContextState(kContext, SessionState::Failed, {}, at(2));
    QVERIFY(rules.tick(at(20)).isEmpty());
    QCOMPARE(rules.tick(at(60)).size(), 2); // the mute ended: the failing deployment and the context
}

void TestNotificationRules::pinOverridesDisabledRule()
{
    const Deployment a = deployment(QStringLiteral("github-analytics"));
    const Deployment b = deployment(QStringLiteral("clickstream"));
    NotificationRules rules = started({a, b});
    NotificationSettings settings;
    settings.setEnabled(NotificationRule::StartedFailing, false);
    settings.pin({kContext, a.ns, a.name});
    rules.setSettings(settings);
    const auto out = rules.onDeployments(kContext, batch({failing(a), failing(b)}), at(1));
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().name, a.name);
    QVERIFY(out.first().pinned);
    // A pinned context covers its deployments.
    NotificationSettings contextPin;
    contextPin.setEnabled(NotificationRule::JobFailed, false);
    contextPin.pin({kContext, {}, {}});
    rules.setSettings(contextPin);
    Deployment c = deployment(QStringLiteral("fraud-detection"));
    c.jobState = QStringLiteral("FAILED");
    const auto pinned = rules.onDeployments(kContext, batch({c}), at(2));
    QCOMPARE(pinned.size(), 1);
    QCOMPARE(pinned.first().rule, NotificationRule::JobFailed);
    QVERIFY(pinned.first().pinned);
}

void TestNotificationRules::disabledRuleIsSilent()
{
    NotificationRules rules = started();
    NotificationSettings settings;
    settings.setEnabled(NotificationRule::StartedFailing, false);
    rules.setSettings(settings);
    QVERIFY(rules.onDeployments(kContext, batch({failing(deployment())}), at(1)).isEmpty());
    QVERIFY(rules.tick(at(2)).isEmpty());
    QVERIFY(rules.onDeployments(kContext, batch({deployment()}), at(3)).isEmpty());
    // Switched on while a condition holds: the next tick tells.
    QVERIFY(rules.onDeployments(kContext, batch({failing(deployment())}), at(4)).isEmpty());
    rules.setSettings(NotificationSettings{});
    QCOMPARE(rules.tick(at(5)).size(), 1);
}

void TestNotificationRules::baselineIsOneSummary()
{
    NotificationRules rules;
    NotificationSettings settings;
    settings.pin({kContext, QStringLiteral("streaming"), QStringLiteral("payments")});
    rules.setSettings(settings);
    Deployment failedJob = deployment(QStringLiteral("clickstream"));
    failedJob.jobState = QStringLiteral("FAILED");
    const QList<Deployment> first{failing(deployment(QStringLiteral("github-analytics"))), failedJob,
                                  failing(deployment(QStringLiteral("payments"))),
                                  deployment(QStringLiteral("healthy"))};
    const auto out = rules.onDeployments(kContext, batch(first, true), kT0);
    // The pinned one on its own, the rest as one summary.
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.at(0).name, QStringLiteral("payments"));
    QVERIFY(out.at(0).pinned);
    const Notification &summary = out.at(1);
    QCOMPARE(summary.summary, QStringLiteral("2 deployment(s) need attention in prod-eu"));
    QVERIFY(summary.body.contains(QStringLiteral("github-analytics is failing (prod-eu)")));
    QVERIFY(summary.body.contains(QStringLiteral("The job of clickstream failed (prod-eu)")));
    QVERIFY(summary.name.isEmpty());
    QCOMPARE(summary.context, kContext);
    // Counted as notified: not again, and their end is told.
    QVERIFY(rules.onDeployments(kContext, batch(first), at(1)).isEmpty());
    QVERIFY(rules.tick(at(2)).isEmpty());
    QCOMPARE(rules.active().size(), 3);
    const auto end = rules.onDeployments(kContext, batch({deployment(QStringLiteral("github-analytics"))}), at(3));
    QCOMPARE(clearedOf(end).size(), 1);
    // A later relist (after a reconnect) is no new baseline: what changed meanwhile is news.
    const auto later = rules.onDeployments(
        kContext,
        batch({failing(deployment(QStringLiteral("github-analytics"))), failing(deployment(QStringLiteral("healthy")))},
              true),
        at(10));
    QCOMPARE(fired(later).size(), 2);

    // All healthy at start: no summary at all. Another context has its own baseline.
    NotificationRules quiet;
    QVERIFY(quiet.onDeployments(kContext, batch({deployment()}, true), kT0).isEmpty());
    QCOMPARE(quiet.onDeployments(QStringLiteral("prod-us"), batch({failing(deployment())}, true), kT0).size(), 1);
    QCOMPARE(quiet.onDeployments(QStringLiteral("prod-us"), batch({failing(deployment())}, true), kT0).size(), 0);
}

void TestNotificationRules::removedDeploymentClears()
{
    NotificationRules rules = started();
    QCOMPARE(rules.onDeployments(kContext, batch({failing(deployment())}), at(1)).size(), 1);
    DeploymentBatch removal;
    removal.removed = {deployment().uid};
    const auto out = rules.onDeployments(kContext, removal, at(2));
    QCOMPARE(out.size(), 1);
    QVERIFY(out.first().cleared);
    QVERIFY(rules.active().isEmpty());
    // Removing the context ends its conditions too.
    QCOMPARE(rules.onDeployments(kContext, batch({failing(deployment())}), at(3)).size(), 1);
    QCOMPARE(clearedOf(rules.removeContext(kContext, at(4))).size(), 1);
    QVERIFY(rules.active().isEmpty());
}

void TestNotificationRules::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(QStringLiteral("capstan.conf")), QSettings::IniFormat);
    const NotificationSettings defaults = NotificationSettings::load(file, kT0);
    for (NotificationRule rule : Notification::allRules())
        QVERIFY(defaults.isEnabled(rule));
    QCOMPARE(defaults.noCheckpointMinutes, 30);
    QCOMPARE(defaults.unreachableMinutes, 5);
    QVERIFY(!defaults.closeToTray);
    QVERIFY(!defaults.startInTray);

    NotificationSettings s;
    s.setEnabled(NotificationRule::ChangedElsewhere, false);
    s.noCheckpointMinutes = 45;
    s.unreachableMinutes = 2;
    s.closeToTray = true;
    s.startInTray = true;
    s.mute({QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod|x"), {}, {}}, at(60));
    s.mute({kContext, QStringLiteral("streaming"), QStringLiteral("github-analytics")}, at(120));
    s.mute({kContext, QStringLiteral("streaming"), QStringLiteral("ended")}, at(-1));
    s.pin({kContext, QStringLiteral("streaming"), QStringLiteral("payments")});
    s.save(file);
    file.sync();
    QCOMPARE(file.value(QStringLiteral("notifications/closeToTray")).toBool(), true);
    QCOMPARE(file.value(NotificationSettings::startInTrayKey).toBool(), true);
    QCOMPARE(file.value(QStringLiteral("notifications/rules/changedElsewhere")).toBool(), false);

    const NotificationSettings back = NotificationSettings::load(file, kT0);
    NotificationSettings expected = s;
    expected.removeExpiredMutes(kT0);
    QCOMPARE(back.mutes.size(), 2);
    QVERIFY(back == expected);
    QVERIFY(back.isMuted(QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod|x"), QStringLiteral("a"),
                         QStringLiteral("b"), at(59)));
    QVERIFY(!back.isMuted(QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod|x"), {}, {}, at(60)));

    // Out of range is clamped.
    file.setValue(QStringLiteral("notifications/noCheckpointMinutes"), 0);
    file.setValue(QStringLiteral("notifications/unreachableMinutes"), 100000);
    const NotificationSettings clamped = NotificationSettings::load(file, kT0);
    QCOMPARE(clamped.noCheckpointMinutes, NotificationSettings::MinThresholdMinutes);
    QCOMPARE(clamped.unreachableMinutes, NotificationSettings::MaxUnreachableMinutes);
}

void TestNotificationRules::fleetScale()
{
    // The fleet's size (10 contexts × 2,000 deployments) and a second of 2,000 changes: rules run on the
    // GUI thread, so they must stay far below a frame per batch. The bound only catches a quadratic slip.
    NotificationRules rules;
    QElapsedTimer clock;
    clock.start();
    QList<QList<Deployment>> contexts;
    for (int c = 0; c < 10; ++c) {
        QList<Deployment> list;
        for (int i = 0; i < 2000; ++i) {
            Deployment d = deployment(QStringLiteral("job-%1").arg(i));
            d.checkpointsEnabled = true;
            d.lastSnapshot.kind = QStringLiteral("checkpoint");
            d.lastSnapshot.time = at(-1);
            list << (i % 100 == 0 ? failing(d) : d);
        }
        const auto out = rules.onDeployments(QStringLiteral("ctx-%1").arg(c), batch(list, true), kT0);
        QCOMPARE(out.size(), 1); // the start-up summary
        contexts << list;
    }
    const qint64 baselineMs = clock.restart();
    int notified = 0;
    for (int round = 0; round < 10; ++round) {
        for (int c = 0; c < 10; ++c) {
            QList<Deployment> changed;
            for (int i = 0; i < 20; ++i) {
                Deployment d = contexts.at(c).at((round * 20 + i) % 2000);
                changed << (round % 2 ? d : failing(d));
            }
            notified
                += static_cast<int>(rules.onDeployments(QStringLiteral("ctx-%1").arg(c), batch(changed), at(1)).size());
        }
    }
    const qint64 changesMs = clock.restart();
    notified += static_cast<int>(rules.tick(at(40)).size()); // 20,000 deployments without a checkpoint for 41 min
    const qint64 tickMs = clock.restart();
    QVERIFY(rules.tick(at(41)).isEmpty()); // the steady state: every 30 s
    const qint64 quietTickMs = clock.elapsed();
    qInfo("baseline of 20000: %lld ms; 2000 changes in 100 batches: %lld ms; tick notifying 20000: %lld ms; "
          "quiet tick: %lld ms",
          baselineMs, changesMs, tickMs, quietTickMs);
    QVERIFY(notified > 20000);
    QVERIFY2(baselineMs + changesMs + tickMs + quietTickMs < 5000, "rules are far too slow for the fleet");
}

QTEST_GUILESS_MAIN(TestNotificationRules)
#include "tst_notificationrules.moc"
