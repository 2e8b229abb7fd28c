#include "flink/autoscalerreport.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A ScalingReport and the scalingHistory entry of the same decision are written within one reconcile;
// the Event's time is the API server's, so allow for a slow round.
constexpr qint64 kSameDecisionMs = 120000;

const QString kTrueProcessingRate = u"TRUE_PROCESSING_RATE"_s;
const QString kTargetDataRate = u"TARGET_DATA_RATE"_s;
const QString kSourceDataRate = u"SOURCE_DATA_RATE"_s;
const QString kLoad = u"LOAD"_s;
const QString kLag = u"LAG"_s;
const QString kParallelism = u"PARALLELISM"_s;
const QString kMaxParallelism = u"MAX_PARALLELISM"_s;

// One vertex line of a ScalingReport Event (AutoScalerEventHandler's SCALING_SUMMARY_ENTRY).
struct ReportEntry
{
    QString vertexId;
    int from = -1;
    int to = -1;
    double capacityBefore = kNaN;
    double capacityAfter = kNaN;
    double targetRate = kNaN;
};

double javaNumber(const QString &text)
{
    if (text == "NaN"_L1)
        return kNaN;
    if (text.endsWith("Infinity"_L1))
        return text.startsWith(u'-') ? -std::numeric_limits<double>::infinity()
                                     : std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : kNaN;
}

QList<ReportEntry> reportEntries(const QString &message)
{
    static const QRegularExpression entry(
        u"\\{\\s*Vertex ID\\s+(\\S+)\\s*\\|\\s*Parallelism\\s+(\\d+)\\s*->\\s*(\\d+)\\s*\\|\\s*Processing capacity\\s+"
        u"(\\S+)\\s*->\\s*(\\S+)\\s*\\|\\s*Target data rate\\s+([^}\\s]+)\\s*\\}"_s);
    QList<ReportEntry> entries;
    for (auto it = entry.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        ReportEntry e;
        e.vertexId = m.captured(1);
        e.from = m.captured(2).toInt();
        e.to = m.captured(3).toInt();
        e.capacityBefore = javaNumber(m.captured(4));
        e.capacityAfter = javaNumber(m.captured(5));
        e.targetRate = javaNumber(m.captured(6));
        entries.append(e);
    }
    return entries;
}

double windowAverage(const AutoscalerState &state, const QString &vertex, const QString &metric)
{
    double sum = 0;
    int count = 0;
    for (const auto &sample : state.collectedMetrics) {
        const double value = sample.value(vertex).value(metric, kNaN);
        if (std::isfinite(value)) {
            sum += value;
            ++count;
        }
    }
    return count > 0 ? sum / count : kNaN;
}

double latest(const AutoscalerState &state, const QString &vertex, const QString &metric)
{
    for (auto it = state.collectedMetrics.cend(); it != state.collectedMetrics.cbegin();) {
        --it;
        const double value = it.value().value(vertex).value(metric, kNaN);
        if (std::isfinite(value))
            return value;
    }
    return kNaN;
}

QString percent(double ratio)
{
    return QLocale().toString(qRound(ratio * 100)) + u" %"_s;
}

QString durationText(qint64 ms)
{
    if (ms < 60000)
        return AutoscalerReport::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', ms < 10000 ? 1 : 0));
    if (ms < 3600000) {
        const qint64 seconds = (ms + 500) / 1000;
        return seconds % 60 == 0 ? AutoscalerReport::tr("%1 min").arg(seconds / 60)
                                 : AutoscalerReport::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    return AutoscalerReport::tr("%1 h %2 min").arg(ms / 3600000).arg((ms % 3600000) / 60000);
}

// Why a vertex went from `from` to `to`, from the figures the autoscaler decided on.
QString explain(const QString &name, int from, int to, double trueRate, double targetRate, double capacityAfter,
                const AutoscalerConfig &config)
{
    QString why;
    const QString utilization = percent(config.targetUtilization());
    if (std::isfinite(trueRate) && std::isfinite(targetRate)) {
        if (to > from) {
            why = AutoscalerReport::tr("%1 could process %2 at full load, but %3 arrive: at the target utilization of "
                                       "%4 it needs %n subtask(s).",
                                       nullptr, to)
                      .arg(name, AutoscalerReport::rateText(trueRate), AutoscalerReport::rateText(targetRate),
                           utilization);
        } else {
            why = AutoscalerReport::tr("%1 could process %2 at full load and only %3 arrive: %n subtask(s) keep it at "
                                       "the target utilization of %4.",
                                       nullptr, to)
                      .arg(name, AutoscalerReport::rateText(trueRate), AutoscalerReport::rateText(targetRate),
                           utilization);
        }
    } else {
        why = to > from
            ? AutoscalerReport::tr("%1 was busier than the target utilization of %2 allows.").arg(name, utilization)
            : AutoscalerReport::tr("%1 was idler than the target utilization of %2 calls for.").arg(name, utilization);
    }
    if (std::isfinite(capacityAfter) && capacityAfter > 0)
        why += u' '
            + AutoscalerReport::tr("Expected capacity after scaling: %1.")
                  .arg(AutoscalerReport::rateText(capacityAfter));
    return why;
}

QString arrow(int from, int to)
{
    return QString::number(from) + u" → "_s + QString::number(to);
}

} // namespace

bool AutoscalerReport::isAutoscalerReason(const QString &reason)
{
    static const QSet<QString> reasons{u"ScalingReport"_s,        u"ScalingLimited"_s,
                                       u"IneffectiveScaling"_s,   u"MemoryPressure"_s,
                                       u"ResourceQuotaReached"_s, u"ScalingVetoed"_s,
                                       u"AutoscalerError"_s,      u"Scaling"_s,
                                       u"MemoryTuning"_s,         u"ConfigurationRecommendation"_s};
    return reasons.contains(reason);
}

QString AutoscalerReport::rateText(double perSecond)
{
    if (!std::isfinite(perSecond))
        return u"–"_s;
    const QLocale locale;
    if (perSecond >= 1e6)
        return tr("%1 M/s").arg(locale.toString(perSecond / 1e6, 'f', 1));
    return tr("%1/s").arg(locale.toString(perSecond, 'f', perSecond < 10 ? 1 : 0));
}

AutoscalerReport AutoscalerReport::build(const AutoscalerConfig &config, const AutoscalerState &state,
                                         bool configMapPresent, const JobGraph &plan, const QList<ClusterEvent> &events,
                                         const QDateTime &now, const QDateTime &observedReset)
{
    AutoscalerReport report;
    report.mode = config.mode();
    report.excludedNow = report.mode != AutoscalerConfig::Mode::Off && config.inExcludedPeriod(now);

    const auto nameOf = [&plan](const QString &id) {
        const int index = plan.indexOf(id);
        return index >= 0 && !plan.vertices.at(index).name.isEmpty() ? plan.vertices.at(index).name : id;
    };
    const auto withNames = [&](QString text) {
        for (const JobVertex &v : plan.vertices) {
            if (!v.name.isEmpty())
                text.replace(v.id, v.name);
        }
        return text;
    };

    const QString utilization = percent(config.targetUtilization());
    const QString boundary = percent(config.utilizationBoundary());
    switch (report.mode) {
    case AutoscalerConfig::Mode::Off:
        report.modeText = tr("Off: job.autoscaler options are set, but job.autoscaler.enabled is not \"true\". The "
                             "job runs at the spec's parallelism.");
        break;
    case AutoscalerConfig::Mode::Advisory:
        report.modeText = tr("Advisory: the autoscaler evaluates the job and reports the parallelism it recommends "
                             "in ScalingReport Events, but does not apply it (job.autoscaler.scaling.enabled: false).");
        break;
    case AutoscalerConfig::Mode::Active:
        report.modeText = tr("Active: the autoscaler rescales each vertex whose busy time leaves %1 ± %2, judged over "
                             "a %3 metric window once the job has run for %4.")
                              .arg(utilization, boundary, durationText(config.metricsWindowMs()),
                                   durationText(config.stabilizationMs()));
        break;
    }
    if (report.excludedNow) {
        report.modeText += u' '
            + tr("Now inside an excluded period (%1, UTC): it decides nothing until the period ends.")
                  .arg(config.excludedPeriods().join(u"; "_s));
    } else if (!config.excludedPeriods().isEmpty() && report.mode != AutoscalerConfig::Mode::Off) {
        report.modeText += u' ' + tr("Excluded periods: %1 (UTC).").arg(config.excludedPeriods().join(u"; "_s));
        if (!config.excludedPeriodsUnderstood())
            report.modeText += u' ' + tr("Cron expressions among them are not evaluated here.");
    }

    for (const AutoscalerStateError &error : state.errors)
        report.unreadable.append(error.toString());
    report.warnings = state.warnings;

    // A reset (a new autoscalerResetNonce) cleared everything before it; older Events describe state
    // that no longer exists.
    QDateTime resetAt = observedReset;
    QString resetSource = observedReset.isValid() ? tr("spec change seen here") : QString();
    QList<ClusterEvent> autoscalerEvents;
    for (const ClusterEvent &e : events) {
        const QDateTime at = e.latestTime();
        if (e.reason == "SpecChanged"_L1 && e.message.contains("autoscalerResetNonce"_L1)) {
            if (!resetAt.isValid() || at > resetAt) {
                resetAt = at;
                resetSource = tr("Event SpecChanged");
            }
        } else if (isAutoscalerReason(e.reason)) {
            autoscalerEvents.append(e);
        }
    }
    if (resetAt.isValid()) {
        Decision reset;
        reset.time = resetAt;
        reset.kind = Decision::Kind::Reset;
        reset.title = tr("Autoscaler reset");
        reset.why = tr("spec.job.autoscalerResetNonce changed: the autoscaler's collected metrics, parallelism "
                       "overrides and scaling history were cleared.");
        reset.source = resetSource;
        report.timeline.append(reset);
    }

    // The plan's vertices first, in its order; then any the state names that the plan does not.
    QStringList ids;
    for (const JobVertex &v : plan.vertices)
        ids.append(v.id);
    for (const QString &id : state.vertexIds()) {
        if (!ids.contains(id))
            ids.append(id);
    }

    // The newest advisory recommendation per vertex (scalingHistory stays empty in advisory mode).
    QHash<QString, int> advised;
    QDateTime advisedAt;
    for (const ClusterEvent &e : autoscalerEvents) {
        if (e.reason != "ScalingReport"_L1 || !e.message.contains("disabled"_L1))
            continue;
        const QDateTime at = e.latestTime();
        if (resetAt.isValid() && at < resetAt)
            continue;
        if (!advisedAt.isValid() || at >= advisedAt) {
            advisedAt = at;
            advised.clear();
            for (const ReportEntry &entry : reportEntries(e.message))
                advised.insert(entry.vertexId, entry.to);
        }
    }

    for (const QString &id : std::as_const(ids)) {
        Vertex v;
        v.id = id;
        v.name = nameOf(id);
        const int index = plan.indexOf(id);
        if (index >= 0) {
            v.parallelism = plan.vertices.at(index).parallelism;
            v.maxParallelism = plan.vertices.at(index).maxParallelism;
            v.source = plan.vertices.at(index).isSource();
        }
        if (v.parallelism < 0) {
            const double p = latest(state, id, kParallelism);
            if (std::isfinite(p))
                v.parallelism = int(p);
        }
        const double maxParallelism = latest(state, id, kMaxParallelism);
        if (std::isfinite(maxParallelism))
            v.maxParallelism = int(maxParallelism);
        if (const int limit = config.vertexMaxParallelism();
            limit > 0 && limit < std::numeric_limits<int>::max() && (v.maxParallelism <= 0 || limit < v.maxParallelism))
            v.autoscalerLimit = limit;
        v.load = windowAverage(state, id, kLoad);
        v.trueProcessingRate = windowAverage(state, id, kTrueProcessingRate);
        v.targetDataRate = windowAverage(state, id, kTargetDataRate);
        if (!std::isfinite(v.targetDataRate))
            v.targetDataRate = windowAverage(state, id, kSourceDataRate);
        v.lag = latest(state, id, kLag);
        v.source = v.source || std::isfinite(v.lag);
        if (state.collectedMetrics.isEmpty()) {
            // Between windows (after a scaling, a restart) the last decision's figures are all there is.
            if (const AutoscalerScaling *last = state.latestScaling(id)) {
                v.load = last->metrics.value(kLoad).average;
                v.trueProcessingRate = last->metrics.value(kTrueProcessingRate).average;
                v.targetDataRate = last->metrics.value(kTargetDataRate).average;
            }
        }
        // No records processed in the window says nothing about the rate at full load.
        if (!(v.trueProcessingRate > 0))
            v.trueProcessingRate = kNaN;
        if (state.parallelismOverrides.contains(id))
            v.recommended = state.parallelismOverrides.value(id);
        if (report.mode == AutoscalerConfig::Mode::Advisory && advised.contains(id))
            v.recommended = advised.value(id);
        if (v.recommended == v.parallelism && report.mode != AutoscalerConfig::Mode::Advisory)
            v.recommended = -1; // applied: nothing pending
        const auto delayed = state.delayedScaleDown.constFind(id);
        if (delayed != state.delayedScaleDown.cend() && delayed->firstTriggerTime.isValid()) {
            const QDateTime due = delayed->firstTriggerTime.addMSecs(config.scaleDownIntervalMs());
            v.note = tr("Scale-down to %1 held back since %2: the autoscaler scales down only after the load has "
                        "stayed low for the scale-down interval (%3, until %4).")
                         .arg(delayed->maxRecommendedParallelism)
                         .arg(QLocale().toString(delayed->firstTriggerTime.toLocalTime().time(), QLocale::ShortFormat),
                              durationText(config.scaleDownIntervalMs()),
                              QLocale().toString(due.toLocalTime().time(), QLocale::ShortFormat));
        }
        report.vertices.append(v);
    }

    // Decisions from scalingHistory, grouped by decision time (one reconcile decides for all vertices).
    QMap<QDateTime, QList<std::pair<QString, AutoscalerScaling>>> decisions;
    for (auto vertex = state.scalingHistory.cbegin(); vertex != state.scalingHistory.cend(); ++vertex) {
        for (auto at = vertex->cbegin(); at != vertex->cend(); ++at)
            decisions[at.key()].append({vertex.key(), at.value()});
    }
    QSet<int> matchedEvents;
    for (auto it = decisions.cbegin(); it != decisions.cend(); ++it) {
        Decision d;
        d.time = it.key();
        bool up = false;
        QStringList titles;
        QStringList whys;
        for (const auto &[id, scaling] : it.value()) {
            up = up || scaling.isScaleUp();
            titles.append(nameOf(id) + u": "_s + arrow(scaling.fromParallelism, scaling.toParallelism));
            double capacityAfter = scaling.metrics.value(u"EXPECTED_PROCESSING_RATE"_s).current;
            whys.append(explain(nameOf(id), scaling.fromParallelism, scaling.toParallelism,
                                scaling.metrics.value(kTrueProcessingRate).average,
                                scaling.metrics.value(kTargetDataRate).average, capacityAfter, config));
        }
        d.kind = up ? Decision::Kind::ScaledUp : Decision::Kind::ScaledDown;
        d.title = titles.join(u"; "_s);
        d.why = whys.join(u' ');
        d.source = tr("ConfigMap (scalingHistory)");
        // The ScalingReport of the same decision adds nothing new: say that both agree.
        for (int i = 0; i < autoscalerEvents.size(); ++i) {
            const ClusterEvent &e = autoscalerEvents.at(i);
            const QDateTime at = e.latestTime();
            if (e.reason == "ScalingReport"_L1 && !e.message.contains("disabled"_L1)
                && std::llabs(at.msecsTo(d.time)) <= kSameDecisionMs) {
                matchedEvents.insert(i);
                d.source = tr("ConfigMap (scalingHistory) and Event ScalingReport");
            }
        }
        if (const auto record = state.scalingRecords.constFind(d.time); record != state.scalingRecords.cend()) {
            const qint64 ms = record->restartMs(d.time);
            if (ms >= 0)
                d.why += u' ' + tr("The job ran again %1 later.").arg(durationText(ms));
        }
        report.timeline.append(d);
    }

    for (int i = 0; i < autoscalerEvents.size(); ++i) {
        if (matchedEvents.contains(i))
            continue;
        const ClusterEvent &e = autoscalerEvents.at(i);
        Decision d;
        d.time = e.latestTime();
        if (resetAt.isValid() && d.time < resetAt)
            continue;
        d.warning = e.isWarning();
        d.source
            = e.count > 1 ? tr("Event %1 (%n times)", nullptr, e.count).arg(e.reason) : tr("Event %1").arg(e.reason);
        if (e.reason == "ScalingReport"_L1) {
            const bool advisory = e.message.contains("disabled"_L1);
            const QList<ReportEntry> entries = reportEntries(e.message);
            QStringList titles;
            QStringList whys;
            bool up = false;
            for (const ReportEntry &entry : entries) {
                up = up || entry.to > entry.from;
                titles.append(nameOf(entry.vertexId) + u": "_s + arrow(entry.from, entry.to));
                whys.append(explain(nameOf(entry.vertexId), entry.from, entry.to, entry.capacityBefore,
                                    entry.targetRate, entry.capacityAfter, config));
            }
            d.kind
                = advisory ? Decision::Kind::Recommended : (up ? Decision::Kind::ScaledUp : Decision::Kind::ScaledDown);
            d.title = titles.isEmpty() ? withNames(e.message) : titles.join(u"; "_s);
            d.why = whys.join(u' ');
            if (advisory)
                d.why += u' ' + tr("Not applied: advisory mode (job.autoscaler.scaling.enabled: false).");
        } else if (e.reason == "ScalingLimited"_L1) {
            static const QRegularExpression limited(u"for (\\S+) \\(expected parallelism: (\\d+), actual parallelism "
                                                    u"(\\d+)\\).*numKeyGroupsOrPartitions\\s*:"
                                                    u"\\s*(\\d+).*?upperBoundForAlignment[^:]*:\\s*(\\d+)"_s);
            d.kind = Decision::Kind::Limited;
            d.warning = true;
            const QRegularExpressionMatch m = limited.match(e.message);
            if (m.hasMatch()) {
                const QString name = nameOf(m.captured(1));
                d.title = tr("%1 limited to %2 (wanted %3)").arg(name, m.captured(3), m.captured(2));
                d.why = tr("The load calls for %1 subtasks, but a keyed or partitioned vertex is scaled to a "
                           "parallelism that divides its %2 key groups or partitions evenly, at most %3: %4 is the "
                           "closest that does. Raise pipeline.max-parallelism (a state migration) or "
                           "job.autoscaler.vertex.max-parallelism to allow more.")
                            .arg(m.captured(2), m.captured(4), m.captured(5), m.captured(3));
            } else {
                d.title = tr("Scaling limited");
                d.why = withNames(e.message);
            }
        } else if (e.reason == "IneffectiveScaling"_L1) {
            d.kind = Decision::Kind::Ineffective;
            d.warning = true;
            d.title = tr("Ineffective scaling");
            d.why = withNames(e.message) + u' '
                + tr("A scale-up that did not raise the processing rate as expected: the bottleneck is elsewhere "
                     "(an external system, skew). With job.autoscaler.scaling.effectiveness.detection.enabled the "
                     "autoscaler stops scaling this vertex up.");
        } else if (e.reason == "ScalingVetoed"_L1 || e.reason == "ResourceQuotaReached"_L1
                   || e.reason == "MemoryPressure"_L1) {
            d.kind = Decision::Kind::Blocked;
            d.warning = true;
            d.title = e.reason == "ResourceQuotaReached"_L1 ? tr("Blocked by the namespace's resource quota")
                : e.reason == "MemoryPressure"_L1           ? tr("Memory pressure")
                                                            : tr("Scaling vetoed");
            d.why = withNames(e.message);
        } else if (e.reason == "AutoscalerError"_L1) {
            d.kind = Decision::Kind::Error;
            d.warning = true;
            d.title = tr("Autoscaler error");
            d.why = withNames(e.message);
        } else if (e.reason == "Scaling"_L1) {
            d.kind = Decision::Kind::Other;
            d.title = tr("Rescaled in place");
            d.why = tr("The operator gave the running job its new parallelism through the REST API (the adaptive "
                       "scheduler restarts the tasks from the latest checkpoint) instead of redeploying it: %1")
                        .arg(withNames(e.message));
        } else if (e.reason == "MemoryTuning"_L1 || e.reason == "ConfigurationRecommendation"_L1) {
            d.kind = Decision::Kind::MemoryTuning;
            d.title = tr("Memory tuning");
            d.why = withNames(e.message);
        } else {
            d.kind = Decision::Kind::Other;
            d.title = e.reason;
            d.why = withNames(e.message);
        }
        report.timeline.append(d);
    }
    std::stable_sort(report.timeline.begin(), report.timeline.end(),
                     [](const Decision &a, const Decision &b) { return a.time > b.time; });

    for (auto it = state.scalingRecords.cend(); it != state.scalingRecords.cbegin();) {
        --it;
        report.restarts.append({it.key(), it.value().restartMs(it.key())});
    }
    for (auto it = state.configOverrides.cbegin(); it != state.configOverrides.cend(); ++it)
        report.memoryProposals.append(it.key() + u": "_s + it.value());
    for (const QString &key : state.configRemovals)
        report.memoryProposals.append(tr("removes %1").arg(key));

    if (report.mode == AutoscalerConfig::Mode::Off) {
        if (configMapPresent && !state.isEmpty())
            report.stateNote = tr("The autoscaler's state of an earlier run is still kept in its ConfigMap.");
    } else if (!configMapPresent) {
        report.stateNote = tr("No autoscaler state yet: it starts collecting metrics once the job has run for %1, "
                              "and decides after a full metric window of %2.")
                               .arg(durationText(config.stabilizationMs()), durationText(config.metricsWindowMs()));
    } else if (state.isEmpty()) {
        report.stateNote = tr("The autoscaler's state is empty (reset, or nothing collected yet): it collects metrics "
                              "again once the job has run for %1.")
                               .arg(durationText(config.stabilizationMs()));
    } else if (!state.collectedMetrics.isEmpty()) {
        const qint64 span = state.collectedMetrics.firstKey().msecsTo(state.collectedMetrics.lastKey());
        if (span < config.metricsWindowMs()) {
            report.stateNote = tr("Collecting metrics: %1 of the %2 window so far; no decision before it is full.")
                                   .arg(durationText(span), durationText(config.metricsWindowMs()));
        }
    }
    return report;
}

} // namespace capstan
