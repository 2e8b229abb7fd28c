#include "notify/notificationrules.h"

#include <algorithm>

namespace capstan {

namespace {

bool isDown(SessionState state)
{
    return state == SessionState::Reconnecting || state == SessionState::Failed;
}

qint64 minutesBetween(const QDateTime &from, const QDateTime &to)
{
    return from.secsTo(to) / 60;
}

QString errorText(const Error &error)
{
    if (!error.message.isEmpty())
        return error.message;
    return error.isSet() ? error.toString() : QString();
}

} // namespace

void NotificationRules::setSettings(const NotificationSettings &settings)
{
    // Conditions that hold and now pass (a rule switched on, a mute removed) are notified by the
    // next tick, with the time of that tick.
    m_settings = settings;
}

QList<Notification> NotificationRules::onDeployments(const QString &context, const DeploymentBatch &batch,
                                                     const QDateTime &now)
{
    Out out;
    ContextWatch &watch = m_contexts[context];
    const bool baseline = !watch.baselined;
    watch.baselined = true;
    Out summarized;
    for (const QString &uid : batch.removed) {
        const auto it = watch.deployments.constFind(uid);
        if (it == watch.deployments.cend())
            continue;
        forget(context, it->ns, it->name, now, out);
        watch.deployments.erase(it);
        watch.ownWrites.remove(uid);
        watch.pending.removeIf([&uid](const PendingChange &p) { return p.uid == uid; });
    }
    for (const Deployment &d : batch.upserted) {
        const auto known = watch.deployments.constFind(d.uid);
        const bool seen = known != watch.deployments.cend();
        Tracked t = seen ? *known : Tracked{};
        const qint64 previousGeneration = t.generation;
        t.ns = d.ns;
        t.name = d.name;
        t.failing = d.failure.failing;
        t.rootCause = d.failure.rootCause;
        t.restarts = d.failure.restarts;
        t.windowMinutes = d.failure.windowMinutes;
        t.jobState = d.jobState;
        t.errorMessage = d.errorMessage;
        t.running = d.jobState == QLatin1String("RUNNING") && !d.suspended();
        t.checkpointsEnabled = d.checkpointsEnabled;
        t.generation = d.generation;
        t.jobStart = d.jobStartTime;
        t.lastCompleted = d.lastSnapshot.time;
        if (const Snapshot &f = d.lastFailedSnapshot; !f.state.isEmpty() && f.time.isValid()
            && (t.failedSnapshot.state.isEmpty() || f.time > t.failedSnapshot.time))
            t.failedSnapshot = f;
        if (d.lastSnapshot.kind == QLatin1String("checkpoint") && d.lastSnapshot.time.isValid()
            && (!t.lastCheckpoint.isValid() || d.lastSnapshot.time > t.lastCheckpoint))
            t.lastCheckpoint = d.lastSnapshot.time;
        watch.deployments.insert(d.uid, t);

        // Someone else's change: the generation moved to one this user's actions did not write.
        // Operators and the platform move it only for spec changes; 0 means the backend has none.
        // Several changes within the grace are one notification, from the first generation to the last.
        const auto own = watch.ownWrites.find(d.uid);
        const bool ownWrite = own != watch.ownWrites.end() && own->contains(d.generation);
        if (seen && previousGeneration > 0 && d.generation > previousGeneration && !ownWrite) {
            const auto pending = std::find_if(watch.pending.begin(), watch.pending.end(),
                                              [&d](const PendingChange &p) { return p.uid == d.uid; });
            if (pending != watch.pending.end()) {
                pending->to = d.generation;
                pending->due = now.addSecs(OwnWriteGraceSeconds);
            } else {
                watch.pending.append({d.uid, previousGeneration, d.generation, now.addSecs(OwnWriteGraceSeconds)});
            }
        }
        if (own != watch.ownWrites.end()) {
            own->removeIf([&d](qint64 g) { return g <= d.generation; });
            if (own->isEmpty())
                watch.ownWrites.erase(own);
        }

        evaluate(context, watch, d.uid, now, out, baseline ? &summarized : nullptr);
    }
    flushPending(context, watch, now, out);
    if (!summarized.isEmpty())
        out.append(summaryOf(context, summarized, now));
    return out;
}

QList<Notification> NotificationRules::onContextState(const QString &context, SessionState state, const Error &error,
                                                      const QDateTime &now)
{
    Out out;
    ContextWatch &watch = m_contexts[context];
    watch.stateKnown = true;
    watch.state = state;
    if (state == SessionState::Live) {
        watch.downSince = {};
        watch.error = {};
        release(Notification::keyOf(NotificationRule::ContextUnreachable, context), now, out);
        return out;
    }
    if (isDown(state)) {
        if (!watch.downSince.isValid())
            watch.downSince = now;
        if (error.isSet())
            watch.error = error;
    }
    // Connecting after Reconnecting or Failed is another attempt: still down, since the first.
    evaluateUnreachable(context, watch, now, out);
    return out;
}

QList<Notification> NotificationRules::onSnapshots(const QString &context, const SnapshotBatch &batch,
                                                   const QDateTime &now)
{
    Out out;
    ContextWatch &watch = m_contexts[context];
    const auto it = watch.deployments.find(batch.deploymentUid);
    if (it == watch.deployments.end())
        return out;
    bool changed = false;
    for (const Snapshot &s : batch.upserted) {
        if (s.state != QLatin1String("FAILED") || !s.time.isValid())
            continue;
        if (it->failedSnapshot.state.isEmpty() || s.time > it->failedSnapshot.time) {
            it->failedSnapshot = s;
            changed = true;
        }
    }
    if (changed)
        evaluate(context, watch, batch.deploymentUid, now, out, nullptr);
    return out;
}

QList<Notification> NotificationRules::tick(const QDateTime &now)
{
    Out out;
    for (auto it = m_contexts.begin(); it != m_contexts.end(); ++it) {
        evaluateUnreachable(it.key(), *it, now, out);
        flushPending(it.key(), *it, now, out);
        const QStringList uids = it->deployments.keys();
        for (const QString &uid : uids)
            evaluateNoCheckpoint(it.key(), *it, uid, now, out, nullptr);
    }
    // Held back by a mute that has ended, or a rule that was off.
    for (auto it = m_conditions.begin(); it != m_conditions.end(); ++it) {
        if (it->notified)
            continue;
        const Notification &n = it->notification;
        if (!m_settings.allows(n.rule, n.context, n.ns, n.name, now))
            continue;
        it->notified = true;
        Notification shown = n;
        if (n.rule == NotificationRule::NoCheckpoint) {
            // Its text says how long: as of now, not as of when it started.
            const ContextWatch &watch = m_contexts[n.context];
            const auto t = watch.deployments.constFind(n.uid);
            if (t != watch.deployments.cend())
                shown = noCheckpointNotification(n.context, n.uid, *t, now);
        }
        shown.time = now;
        shown.pinned = m_settings.isPinned(n.context, n.ns, n.name, now);
        out.append(shown);
    }
    return out;
}

void NotificationRules::noteOwnWrite(const QString &context, const QString &uid, qint64 generation)
{
    ContextWatch &watch = m_contexts[context];
    const qsizetype before = watch.pending.size();
    watch.pending.removeIf([&](const PendingChange &p) { return p.uid == uid && p.to == generation; });
    // Already seen (the watch was first): nothing left to recognise later.
    if (watch.pending.size() != before)
        return;
    const auto known = watch.deployments.constFind(uid);
    if (known != watch.deployments.cend() && known->generation >= generation)
        return;
    watch.ownWrites[uid].insert(generation);
}

QList<Notification> NotificationRules::removeContext(const QString &context, const QDateTime &now)
{
    Out out;
    const auto it = m_contexts.constFind(context);
    if (it == m_contexts.cend())
        return out;
    for (const Tracked &t : it->deployments)
        forget(context, t.ns, t.name, now, out);
    release(Notification::keyOf(NotificationRule::ContextUnreachable, context), now, out);
    m_contexts.erase(it);
    return out;
}

QList<Notification> NotificationRules::active() const
{
    Out out;
    for (const Condition &c : m_conditions) {
        if (c.notified)
            out.append(c.notification);
    }
    std::sort(out.begin(), out.end(), [](const Notification &a, const Notification &b) { return a.time > b.time; });
    return out;
}

Notification NotificationRules::deploymentNotification(NotificationRule rule, const QString &context,
                                                       const QString &uid, const Tracked &t, const QDateTime &now) const
{
    Notification n;
    n.rule = rule;
    n.conditionKey = Notification::keyOf(rule, context, t.ns, t.name);
    n.context = context;
    n.ns = t.ns;
    n.name = t.name;
    n.uid = uid;
    n.time = now;
    return n;
}

void NotificationRules::evaluate(const QString &context, ContextWatch &watch, const QString &uid, const QDateTime &now,
                                 Out &out, Out *baseline)
{
    const Tracked &t = *watch.deployments.constFind(uid);
    const auto keyOf = [&](NotificationRule rule) { return Notification::keyOf(rule, context, t.ns, t.name); };

    // A failing deployment whose job failed is one incident, and one notification: whichever of the
    // two was notified first says it, the other adds nothing of its own. The failing one names the
    // job's failure in its body. When that one ends and the other still holds, the other is news.
    const bool jobFailed = t.jobState == QLatin1String("FAILED");
    const QString failingKey = keyOf(NotificationRule::StartedFailing);
    const QString jobKey = keyOf(NotificationRule::JobFailed);
    const auto notified = [this](const QString &key) {
        const auto it = m_conditions.constFind(key);
        return it != m_conditions.cend() && it->notified;
    };
    const bool saidByJobFailed = jobFailed && notified(jobKey) && !m_conditions.contains(failingKey);
    if (t.failing && !saidByJobFailed) {
        Notification n = deploymentNotification(NotificationRule::StartedFailing, context, uid, t, now);
        n.summary = tr("%1 is failing (%2)").arg(t.name, context);
        QStringList body;
        if (!t.rootCause.isEmpty())
            body << t.rootCause;
        if (jobFailed)
            body << (t.errorMessage.isEmpty() || t.errorMessage == t.rootCause
                         ? tr("The job reached the state FAILED.")
                         : tr("The job reached the state FAILED: %1").arg(t.errorMessage));
        if (t.restarts > 0)
            body << tr("%1 in the last %2 minutes.").arg(tr("%n restart(s)", nullptr, t.restarts)).arg(t.windowMinutes);
        n.body = body.join(QLatin1Char('\n'));
        hold(n, tr("%1 is no longer failing (%2)").arg(t.name, context), now, out, baseline);
    } else {
        release(failingKey, now, out);
    }

    const bool saidByFailing = notified(failingKey) && !m_conditions.contains(jobKey);
    if (jobFailed && !saidByFailing) {
        Notification n = deploymentNotification(NotificationRule::JobFailed, context, uid, t, now);
        n.summary = tr("The job of %1 failed (%2)").arg(t.name, context);
        n.body = !t.errorMessage.isEmpty() ? t.errorMessage
            : !t.rootCause.isEmpty()       ? t.rootCause
                                           : tr("The job reached the state FAILED.");
        hold(n, tr("The job of %1 is no longer failed (%2)").arg(t.name, context), now, out, baseline);
    } else {
        release(jobKey, now, out);
    }

    // A failed snapshot holds until a completed one is newer (lastSnapshot).
    const Snapshot &failed = t.failedSnapshot;
    if (!failed.state.isEmpty() && (!t.lastCompleted.isValid() || failed.time > t.lastCompleted)) {
        Notification n = deploymentNotification(NotificationRule::SnapshotFailed, context, uid, t, now);
        const bool checkpoint = failed.type.compare(QLatin1String("CHECKPOINT"), Qt::CaseInsensitive) == 0;
        n.summary = checkpoint ? tr("A checkpoint of %1 failed (%2)").arg(t.name, context)
                               : tr("A savepoint of %1 failed (%2)").arg(t.name, context);
        n.body = failed.error.isEmpty() ? failed.name : failed.error;
        hold(n, tr("A later snapshot of %1 completed (%2)").arg(t.name, context), now, out, baseline);
    } else {
        release(keyOf(NotificationRule::SnapshotFailed), now, out);
    }

    evaluateNoCheckpoint(context, watch, uid, now, out, baseline);
}

// What the list level knows of checkpoints: lastSnapshot is the newest of what the operator records
// in the status (checkpointInfo.lastCheckpoint: operator-triggered periodic checkpoints only) and of
// completed FlinkStateSnapshots (operator-triggered as well). Flink's own periodic checkpoints are
// only known to the JobManager (/jobs/:id/checkpoints), which the list level does not ask. So a
// deployment whose checkpoints never reach the operator cannot be judged here, and is not: the rule
// only runs for deployments with at least one checkpoint seen at the list level, measured from that
// checkpoint or from the job's start, whichever is later (a new job starts the clock again). A
// savepoint newer than every checkpoint does not reset it: it hides newer checkpoints from the list
// until one of them is newer again, which then shows.
void NotificationRules::evaluateNoCheckpoint(const QString &context, ContextWatch &watch, const QString &uid,
                                             const QDateTime &now, Out &out, Out *baseline)
{
    // While the context is not live the list is stale: neither start nor end the condition.
    if (watch.stateKnown && watch.state != SessionState::Live)
        return;
    Tracked &t = watch.deployments[uid];
    const QDateTime since = checkpointClock(t);
    const bool holds = t.running && t.checkpointsEnabled && since.isValid()
        && since.secsTo(now) >= qint64(m_settings.noCheckpointMinutes) * 60;
    // Every tick passes here for every deployment: without a change, nothing is built or looked up.
    // A condition that still holds keeps its text; how many minutes is written when it is notified.
    if (holds == t.noCheckpointHeld)
        return;
    t.noCheckpointHeld = holds;
    const QString key = Notification::keyOf(NotificationRule::NoCheckpoint, context, t.ns, t.name);
    if (!holds) {
        release(key, now, out);
        return;
    }
    hold(noCheckpointNotification(context, uid, t, now),
         tr("%1 has a recent checkpoint again, or no longer runs (%2)").arg(t.name, context), now, out, baseline);
}

QDateTime NotificationRules::checkpointClock(const Tracked &t)
{
    QDateTime since = t.lastCheckpoint;
    if (since.isValid() && t.jobStart.isValid() && t.jobStart > since)
        since = t.jobStart;
    return since;
}

Notification NotificationRules::noCheckpointNotification(const QString &context, const QString &uid, const Tracked &t,
                                                         const QDateTime &now) const
{
    const QDateTime since = checkpointClock(t);
    Notification n = deploymentNotification(NotificationRule::NoCheckpoint, context, uid, t, now);
    const qint64 minutes = minutesBetween(since, now);
    n.summary
        = tr("No checkpoint of %1 for %n minute(s) (%2)", nullptr, static_cast<int>(minutes)).arg(t.name, context);
    n.body = since == t.lastCheckpoint
        ? tr("The last completed checkpoint was taken at %1 (UTC).").arg(since.toUTC().toString(Qt::ISODate))
        : tr("No checkpoint completed since the job started at %1 (UTC).").arg(since.toUTC().toString(Qt::ISODate));
    return n;
}

void NotificationRules::evaluateUnreachable(const QString &context, const ContextWatch &watch, const QDateTime &now,
                                            Out &out)
{
    if (!watch.downSince.isValid() || watch.downSince.secsTo(now) < qint64(m_settings.unreachableMinutes) * 60)
        return;
    Notification n;
    n.rule = NotificationRule::ContextUnreachable;
    n.conditionKey = Notification::keyOf(NotificationRule::ContextUnreachable, context);
    n.context = context;
    n.time = now;
    const int minutes = static_cast<int>(minutesBetween(watch.downSince, now));
    n.summary
        = watch.error.httpStatus == 403 ? tr("%1 refuses access").arg(context) : tr("%1 is unreachable").arg(context);
    const QString reason = errorText(watch.error);
    n.body = reason.isEmpty() ? tr("Not connected for %n minute(s).", nullptr, minutes)
                              : tr("Not connected for %n minute(s): %1", nullptr, minutes).arg(reason);
    hold(n, tr("%1 is connected again").arg(context), now, out, nullptr);
}

void NotificationRules::flushPending(const QString &context, ContextWatch &watch, const QDateTime &now, Out &out)
{
    QList<PendingChange> waiting;
    for (const PendingChange &p : std::as_const(watch.pending)) {
        if (now < p.due) {
            waiting.append(p);
            continue;
        }
        const auto t = watch.deployments.constFind(p.uid);
        if (t == watch.deployments.cend())
            continue;
        Notification n = deploymentNotification(NotificationRule::ChangedElsewhere, context, p.uid, *t, now);
        n.summary = tr("%1 was changed by someone else (generation %2 → %3)").arg(t->name).arg(p.from).arg(p.to);
        n.body = tr("Its spec in %1, namespace %2, changed without an action of yours in Capstan.").arg(context, t->ns);
        fireOnce(n, now, out);
    }
    watch.pending = waiting;
}

void NotificationRules::forget(const QString &context, const QString &ns, const QString &name, const QDateTime &now,
                               Out &out)
{
    for (NotificationRule rule : Notification::allRules()) {
        if (rule != NotificationRule::ContextUnreachable)
            release(Notification::keyOf(rule, context, ns, name), now, out);
    }
}

void NotificationRules::hold(const Notification &n, const QString &clearedSummary, const QDateTime &now, Out &out,
                             Out *baseline)
{
    auto it = m_conditions.find(n.conditionKey);
    if (it != m_conditions.end()) {
        // Still the same condition: the details may have moved on (a newer root cause, more minutes),
        // which the tray and a later notification (after a mute) show; no new notification.
        const QDateTime since = it->notification.time;
        it->notification = n;
        it->notification.time = since;
        it->clearedSummary = clearedSummary;
        return;
    }
    it = m_conditions.insert(n.conditionKey, {n, clearedSummary, false});
    if (!m_settings.allows(n.rule, n.context, n.ns, n.name, now))
        return;
    it->notified = true;
    Notification shown = n;
    shown.pinned = m_settings.isPinned(n.context, n.ns, n.name, now);
    if (baseline && !shown.pinned)
        baseline->append(shown);
    else
        out.append(shown);
}

void NotificationRules::release(const QString &key, const QDateTime &now, Out &out)
{
    const auto it = m_conditions.constFind(key);
    if (it == m_conditions.cend())
        return;
    if (it->notified) {
        Notification n = it->notification;
        n.cleared = true;
        n.time = now;
        n.summary = it->clearedSummary;
        n.body.clear();
        n.pinned = m_settings.isPinned(n.context, n.ns, n.name, now);
        out.append(n);
    }
    m_conditions.erase(it);
}

void NotificationRules::fireOnce(const Notification &n, const QDateTime &now, Out &out)
{
    if (!m_settings.allows(n.rule, n.context, n.ns, n.name, now))
        return;
    Notification shown = n;
    shown.pinned = m_settings.isPinned(n.context, n.ns, n.name, now);
    out.append(shown);
}

Notification NotificationRules::summaryOf(const QString &context, const Out &baseline, const QDateTime &now) const
{
    Notification n;
    n.rule = baseline.first().rule;
    for (const Notification &b : baseline) {
        if (b.rule != n.rule)
            n.rule = NotificationRule::StartedFailing; // mixed: the most common reason to look
    }
    // One summary per context and start: a key of its own, never held, so never cleared.
    n.conditionKey = QStringLiteral("startup|") + now.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char('|') + context;
    n.context = context;
    n.time = now;
    QSet<QString> names;
    for (const Notification &b : baseline)
        names.insert(b.ns + QLatin1Char('/') + b.name);
    n.summary = tr("%n deployment(s) need attention in %1", nullptr, static_cast<int>(names.size())).arg(context);
    QStringList lines;
    for (const Notification &b : baseline) {
        if (lines.size() == SummaryNames) {
            lines << tr("… and %n more", nullptr, static_cast<int>(baseline.size() - SummaryNames));
            break;
        }
        lines << b.summary;
    }
    n.body = lines.join(QLatin1Char('\n'));
    return n;
}

} // namespace capstan
