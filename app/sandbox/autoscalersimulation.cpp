#include "sandbox/autoscalersimulation.h"

#include "flink/autoscalerconfig.h"
#include "flink/autoscalerstate.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/resourcestore.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kOverridesKey = u"pipeline.jobvertex-parallelism-overrides"_s;
const QString kNormal = u"Normal"_s;
const QString kWarning = u"Warning"_s;

// Messages of the operator's autoscaler (AutoScalerEventHandler, JobVertexScaler).
const QString kSummaryEntry
    = u"{ Vertex ID %1 | Parallelism %2 -> %3 | Processing capacity %4 -> %5 | Target data rate %6}"_s;
const QString kHeaderEnabled = u"Scaling execution enabled, begin scaling vertices:"_s;
const QString kHeaderDisabled
    = u"Scaling execution disabled by config job.autoscaler.scaling.enabled:false, recommended parallelism change:"_s;
const QString kLimitedMessage
    = u"Scaling limited detected for %1 (expected parallelism: %2, actual parallelism %3). Scaling limited due to "
      u"numKeyGroupsOrPartitions : %4\uFF0CupperBoundForAlignment(maxParallelism or parallelismUpperLimit): %5, "
      u"parallelismLowerLimit: %6."_s;
const QString kIneffectiveMessage = u"Ineffective scaling detected for %1 (expected increase: %2, actual increase "
                                    u"%3). Blocking of ineffective scaling decisions is %4"_s;

// Metrics are collected once per this much virtual time (the operator: once per reconcile).
constexpr qint64 kCollectIntervalMs = 10000;
// The ConfigMap is written at most this often (the operator: once per reconcile), a decision at once.
constexpr qint64 kFlushIntervalMs = 60000;
constexpr int kDefaultMaxParallelism = 128; // Flink's default key groups for parallelism up to 128

// Java's Double.toString for the values the operator's messages print with %s.
QString javaDouble(double value)
{
    QString text = QString::number(value, 'g', 16);
    if (!text.contains(u'.') && !text.contains(u'e') && !text.contains(u'n'))
        text += u".0"_s;
    return text;
}

QDateTime instant(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString keyOf(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

double average(const QMap<QDateTime, QMap<QString, QMap<QString, double>>> &window, const QString &vertex,
               const QString &metric)
{
    double sum = 0;
    int count = 0;
    for (const auto &sample : window) {
        const double value = sample.value(vertex).value(metric, std::numeric_limits<double>::quiet_NaN());
        if (std::isfinite(value)) {
            sum += value;
            ++count;
        }
    }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

// What the autoscaler keeps for one deployment besides the ConfigMap's content.
struct AutoscalerSimulation::Entry
{
    QString ns;
    QString name;
    QString uid;
    AutoscalerState state;
    bool loaded = false; // state read from an existing ConfigMap
    bool active = false; // enabled and running: collects metrics
    QJsonValue nonce; // spec.job.autoscalerResetNonce last seen
    int jobSerial = -1; // the cluster deployment the metric window belongs to
    int jobRestarts = -1;
    int jobRescales = 0; // in-place rescales of that run seen
    qint64 collectFromMs = 0; // the metric window starts here (after the stabilization interval)
    qint64 nextCollectMs = 0;
    qint64 storedAtMs = std::numeric_limits<qint64>::min() / 2;
    double lag = 0; // records the sources have not read yet
    qint64 lagAtMs = 0;
    QString lastReport; // the last ScalingReport's decisions, deduplicated within the event interval
    qint64 lastReportMs = 0;
    QMap<QString, qint64> limitedReportedMs; // ScalingLimited key → when reported
};

AutoscalerSimulation::AutoscalerSimulation(ResourceStore &store, EventSink events)
    : m_store(store)
    , m_events(std::move(events))
{
}

AutoscalerSimulation::~AutoscalerSimulation() = default;

bool AutoscalerSimulation::enabled(const QJsonObject &spec)
{
    return AutoscalerConfig::fromSpec(spec).enabled();
}

bool AutoscalerSimulation::due(const QString &ns, const QString &name, qint64 nowMs) const
{
    const auto it = m_entries.find(keyOf(ns, name));
    return it != m_entries.end() && it->second->active && nowMs >= it->second->nextCollectMs;
}

void AutoscalerSimulation::forget(const QString &ns, const QString &name)
{
    m_entries.erase(keyOf(ns, name));
    // The garbage collector follows the owner reference.
    m_store.remove(u"configmaps"_s, ns, AutoscalerState::configMapName(name));
}

QJsonObject AutoscalerSimulation::scale(const QJsonObject &deployment, const QJsonObject &spec,
                                        const FlinkJobModel &cluster, bool settled, qint64 nowMs)
{
    const QJsonObject meta = deployment.value(u"metadata"_s).toObject();
    const QString ns = meta.value(u"namespace"_s).toString();
    const QString name = meta.value(u"name"_s).toString();
    const QString uid = meta.value(u"uid"_s).toString();
    const QJsonObject conf = spec.value(u"flinkConfiguration"_s).toObject();
    const bool on = enabled(spec);
    auto it = m_entries.find(keyOf(ns, name));
    if (it == m_entries.end()) {
        if (!on)
            return spec;
        it = m_entries.emplace(keyOf(ns, name), std::make_unique<Entry>()).first;
    }
    Entry &e = *it->second;
    if (e.uid != uid) {
        e = Entry();
        e.ns = ns;
        e.name = name;
        e.uid = uid;
    }
    if (!e.loaded) {
        // State of an earlier operator run (or seeded): the autoscaler continues from it.
        e.loaded = true;
        const StoreResult existing = m_store.get(u"configmaps"_s, ns, AutoscalerState::configMapName(name));
        if (existing.ok())
            e.state = AutoscalerState::fromConfigMap(existing.object);
        e.state.errors.clear();
        e.state.warnings.clear();
        e.nonce = spec.value(u"job"_s).toObject().value(u"autoscalerResetNonce"_s);
    }
    const QJsonValue nonce = spec.value(u"job"_s).toObject().value(u"autoscalerResetNonce"_s);
    if (nonce != e.nonce) {
        // A new reset nonce: metrics, overrides and history start over.
        e.nonce = nonce;
        e.state = AutoscalerState();
        e.jobSerial = -1;
        e.lastReport.clear();
        e.limitedReportedMs.clear();
        store(e);
    }
    if (!on) {
        // Disabled: the operator drops its overrides and the job returns to the spec's parallelism.
        e.active = false;
        if (!e.state.parallelismOverrides.isEmpty()) {
            e.state.parallelismOverrides.clear();
            store(e);
        }
        return spec;
    }

    QJsonObject result = spec;
    if (!e.state.parallelismOverrides.isEmpty()) {
        // The autoscaler's overrides go on top of the user's own.
        QMap<QString, QString> merged;
        for (const QString &entry : conf.value(kOverridesKey).toString().split(u',', Qt::SkipEmptyParts)) {
            const qsizetype colon = entry.indexOf(u':');
            if (colon > 0)
                merged.insert(entry.left(colon).trimmed(), entry.mid(colon + 1).trimmed());
        }
        for (auto o = e.state.parallelismOverrides.cbegin(); o != e.state.parallelismOverrides.cend(); ++o)
            merged.insert(o.key(), QString::number(o.value()));
        QStringList entries;
        for (auto o = merged.cbegin(); o != merged.cend(); ++o)
            entries.append(o.key() + u':' + o.value());
        QJsonObject flinkConf = conf;
        flinkConf.insert(kOverridesKey, entries.join(u','));
        result.insert(u"flinkConfiguration"_s, flinkConf);
    }

    e.active = settled && cluster.hasJob() && cluster.state() == u"RUNNING"_s;
    if (!e.active)
        return result;
    if (e.jobSerial != cluster.deploymentSerial() || e.jobRestarts != cluster.numRestarts()
        || e.jobRescales != cluster.rescales()) {
        // A new run of the job (after a scaling, an upgrade or a restart): the window starts over once the
        // job has stabilized, and a scaling in progress has its restart time.
        e.jobSerial = cluster.deploymentSerial();
        e.jobRestarts = cluster.numRestarts();
        e.jobRescales = cluster.rescales();
        e.collectFromMs = cluster.stateSinceMs() + AutoscalerConfig::fromFlinkConfiguration(conf).stabilizationMs();
        e.nextCollectMs = e.collectFromMs;
        e.lag = 0;
        e.lagAtMs = nowMs;
        if (!e.state.collectedMetrics.isEmpty())
            e.state.collectedMetrics.clear();
        if (!e.state.scalingRecords.isEmpty()) {
            auto last = std::prev(e.state.scalingRecords.end());
            if (last->restartDurationMs < 0 && last.key().toMSecsSinceEpoch() <= cluster.stateSinceMs()) {
                last->restartDurationMs = cluster.stateSinceMs() - last.key().toMSecsSinceEpoch();
                store(e);
            }
        }
    }
    if (nowMs < e.nextCollectMs)
        return result;
    e.nextCollectMs = std::max(nowMs, e.collectFromMs) + kCollectIntervalMs;
    const qint64 window = AutoscalerConfig::fromFlinkConfiguration(conf).metricsWindowMs();
    const QDateTime oldest = instant(nowMs - window);
    while (!e.state.collectedMetrics.isEmpty() && e.state.collectedMetrics.firstKey() < oldest)
        e.state.collectedMetrics.erase(e.state.collectedMetrics.begin());
    // Like the operator, the window is full one window length after its first sample: a job that was
    // already running when the autoscaler first saw it, or samples that all aged out of the window, are
    // not judged from a single new sample.
    if (e.state.collectedMetrics.isEmpty())
        e.collectFromMs = std::max(e.collectFromMs, nowMs);
    collect(e, cluster, nowMs);
    const QMap<QString, int> overridesBefore = e.state.parallelismOverrides;
    if (nowMs - e.collectFromMs >= window)
        evaluate(e, deployment, conf, cluster, nowMs);
    if (e.state.parallelismOverrides != overridesBefore || nowMs - e.storedAtMs >= kFlushIntervalMs) {
        store(e);
        e.storedAtMs = nowMs;
    }
    return result;
}

void AutoscalerSimulation::collect(Entry &e, const FlinkJobModel &cluster, qint64 nowMs)
{
    const QList<FlinkJobModel::Vertex> vertices = cluster.vertices();
    const double input = cluster.inputRate(nowMs);
    e.lag = std::max(0.0, e.lag + (input - cluster.throughput(nowMs)) * double(nowMs - e.lagAtMs) / 1000.0);
    e.lagAtMs = nowMs;
    QMap<QString, QMap<QString, double>> sample;
    for (int i = 0; i < vertices.size(); ++i) {
        const FlinkJobModel::Vertex &v = vertices.at(i);
        QMap<QString, double> metrics;
        const double busy = cluster.busyTimeMsPerSecond(i, nowMs);
        const double recordsIn = cluster.recordsInPerSecond(i, nowMs);
        // The operator's true processing rate: what the vertex handles per second of busy time.
        metrics.insert(u"TRUE_PROCESSING_RATE"_s,
                       busy > 0 ? recordsIn / (busy / 1000.0) : v.capacityPerSubtask * v.parallelism);
        metrics.insert(u"CURRENT_PROCESSING_RATE"_s, recordsIn);
        metrics.insert(u"TARGET_DATA_RATE"_s, input * v.load);
        metrics.insert(u"LOAD"_s, busy / 1000.0);
        metrics.insert(u"PARALLELISM"_s, v.parallelism);
        if (v.source) {
            metrics.insert(u"SOURCE_DATA_RATE"_s, input * v.load);
            metrics.insert(u"LAG"_s, e.lag * v.load);
        }
        sample.insert(v.id, metrics);
    }
    e.state.collectedMetrics.insert(instant(nowMs), sample);
}

void AutoscalerSimulation::evaluate(Entry &e, const QJsonObject &deployment, const QJsonObject &conf,
                                    const FlinkJobModel &cluster, qint64 nowMs)
{
    const AutoscalerConfig config = AutoscalerConfig::fromFlinkConfiguration(conf);
    const double utilization = config.targetUtilization();
    const double boundary = config.utilizationBoundary();
    const double maxUpFactor = config.option(u"scale-up.max-factor"_s, 100000.0);
    const double maxDownFactor = config.option(u"scale-down.max-factor"_s, 0.6);
    const int lowerLimit = std::max(1, config.vertexMinParallelism());
    const int upperLimit = config.vertexMaxParallelism();
    const qint64 scaleDownIntervalMs = config.scaleDownIntervalMs();
    const qint64 eventIntervalMs = config.durationMs(u"scaling.event.interval"_s, 30 * 60000);
    const bool blockIneffective = config.option(u"scaling.effectiveness.detection.enabled"_s) == u"true"_s;
    const double ineffectiveThreshold = config.option(u"scaling.effectiveness.threshold"_s, 0.1);
    const bool scalingEnabled = config.mode() == AutoscalerConfig::Mode::Active;
    bool ok = false;
    const int configuredMax = conf.value(u"pipeline.max-parallelism"_s).toVariant().toString().toInt(&ok);
    const int maxParallelism = ok && configuredMax > 0 ? configuredMax : kDefaultMaxParallelism;

    const auto event = [&](const QString &type, const QString &reason, const QString &message) {
        if (m_events)
            m_events(deployment, type, reason, message);
    };

    struct Decision
    {
        QString vertex;
        int from = 1;
        int to = 1;
        AutoscalerScaling summary;
    };
    QList<Decision> decisions;
    bool outsideBounds = false;
    const QList<FlinkJobModel::Vertex> vertices = cluster.vertices();
    for (const FlinkJobModel::Vertex &v : vertices) {
        const double trueRate = average(e.state.collectedMetrics, v.id, u"TRUE_PROCESSING_RATE"_s);
        const double targetRate = average(e.state.collectedMetrics, v.id, u"TARGET_DATA_RATE"_s);
        if (!std::isfinite(trueRate) || trueRate <= 0 || !std::isfinite(targetRate))
            continue;
        const double upper = std::min(1.0, utilization + boundary);
        const double lower = std::max(0.0, utilization - boundary);
        const double scaleUpThreshold = targetRate / upper;
        const double scaleDownThreshold = lower > 0 ? targetRate / lower : std::numeric_limits<double>::infinity();
        outsideBounds = outsideBounds || trueRate < scaleUpThreshold || trueRate > scaleDownThreshold;

        // computeScaleTargetParallelism: the capacity for the target rate at the target utilization.
        const int current = v.parallelism;
        double factor = (targetRate / utilization) / trueRate;
        factor = std::clamp(factor, 1.0 - maxDownFactor, 1.0 + maxUpFactor);
        const double expectedRate = trueRate * factor;
        const int upperBound = std::min(maxParallelism, upperLimit);
        int wanted = std::clamp(int(std::ceil(current * factor - 1e-9)), lowerLimit, std::max(lowerLimit, upperBound));
        int aligned = wanted;
        const bool keyed = v.inputs.isEmpty()
            || std::any_of(v.inputs.begin(), v.inputs.end(),
                           [](const FlinkJobModel::Input &in) { return in.shipStrategy == u"HASH"_s; });
        if (keyed && wanted != current) {
            // Key-group alignment: the next parallelism that divides the key groups evenly, else the smallest
            // one whose share of key groups is no larger than the wanted one's.
            aligned = -1;
            for (int p = wanted; p <= maxParallelism / 2 && p <= upperBound; ++p) {
                if (maxParallelism % p == 0) {
                    aligned = p;
                    break;
                }
            }
            if (aligned < 0) {
                int p = wanted;
                for (; p > 0; --p) {
                    if (maxParallelism / p > maxParallelism / wanted) {
                        if (maxParallelism % p != 0)
                            ++p;
                        break;
                    }
                }
                aligned = std::max(p, lowerLimit);
                const QString limitedKey = v.id + QString::number(wanted);
                if (nowMs - e.limitedReportedMs.value(limitedKey, -eventIntervalMs - 1) > eventIntervalMs) {
                    e.limitedReportedMs.insert(limitedKey, nowMs);
                    event(kWarning, u"ScalingLimited"_s,
                          kLimitedMessage.arg(v.id)
                              .arg(wanted)
                              .arg(aligned)
                              .arg(maxParallelism)
                              .arg(upperBound)
                              .arg(lowerLimit));
                }
            }
        }
        if (aligned == current)
            continue;

        // A scale-down waits until the recommendation has stayed lower for the scale-down interval.
        if (aligned < current) {
            AutoscalerDelayedScaleDown &delayed = e.state.delayedScaleDown[v.id];
            if (!delayed.firstTriggerTime.isValid())
                delayed.firstTriggerTime = instant(nowMs);
            delayed.maxRecommendedParallelism = std::max(delayed.maxRecommendedParallelism, aligned);
            if (nowMs - delayed.firstTriggerTime.toMSecsSinceEpoch() < scaleDownIntervalMs)
                continue;
            aligned = delayed.maxRecommendedParallelism;
            e.state.delayedScaleDown.remove(v.id);
            if (aligned >= current)
                continue;
        } else {
            e.state.delayedScaleDown.remove(v.id);
        }

        // A scale-up after a scale-up that did not raise the processing rate is ineffective.
        QDateTime lastTime;
        const AutoscalerScaling *last = e.state.latestScaling(v.id, &lastTime);
        if (aligned > current && last && last->isScaleUp() && last->toParallelism == current) {
            const double before = last->metrics.value(u"TRUE_PROCESSING_RATE"_s).average;
            const double expected = last->metrics.value(u"EXPECTED_PROCESSING_RATE"_s).current - before;
            const double actual = trueRate - before;
            if (std::isfinite(expected) && expected > 0 && actual / expected < ineffectiveThreshold) {
                event(kNormal, u"IneffectiveScaling"_s,
                      kIneffectiveMessage.arg(v.id, javaDouble(expected), javaDouble(actual),
                                              blockIneffective ? u"enabled"_s : u"disabled"_s));
                if (blockIneffective)
                    continue;
            }
        }

        Decision d;
        d.vertex = v.id;
        d.from = current;
        d.to = aligned;
        d.summary.fromParallelism = current;
        d.summary.toParallelism = aligned;
        const auto metric = [&](const QString &key, double currentValue, double averageValue) {
            AutoscalerMetricValue value;
            value.current = currentValue;
            value.average = averageValue;
            d.summary.metrics.insert(key, value);
        };
        const QMap<QString, double> latest = e.state.collectedMetrics.last().value(v.id);
        metric(u"TRUE_PROCESSING_RATE"_s, std::numeric_limits<double>::quiet_NaN(), trueRate);
        metric(u"TARGET_DATA_RATE"_s, std::numeric_limits<double>::quiet_NaN(), targetRate);
        metric(u"EXPECTED_PROCESSING_RATE"_s, expectedRate, std::numeric_limits<double>::quiet_NaN());
        metric(u"LOAD"_s, std::numeric_limits<double>::quiet_NaN(), average(e.state.collectedMetrics, v.id, u"LOAD"_s));
        metric(u"PARALLELISM"_s, current, std::numeric_limits<double>::quiet_NaN());
        metric(u"MAX_PARALLELISM"_s, maxParallelism, std::numeric_limits<double>::quiet_NaN());
        metric(u"SCALE_UP_RATE_THRESHOLD"_s, scaleUpThreshold, std::numeric_limits<double>::quiet_NaN());
        metric(u"SCALE_DOWN_RATE_THRESHOLD"_s, scaleDownThreshold, std::numeric_limits<double>::quiet_NaN());
        if (latest.contains(u"LAG"_s))
            metric(u"LAG"_s, latest.value(u"LAG"_s), std::numeric_limits<double>::quiet_NaN());
        decisions.append(d);
    }
    if (!outsideBounds || decisions.isEmpty())
        return; // every vertex is within its utilization bounds
    if (AutoscalerConfig::fromFlinkConfiguration(conf).inExcludedPeriod(instant(nowMs)))
        return; // autoscaling halts inside an excluded period

    QString entries;
    QStringList decisionKey;
    for (const Decision &d : std::as_const(decisions)) {
        entries += kSummaryEntry.arg(d.vertex)
                       .arg(d.from)
                       .arg(d.to)
                       .arg(d.summary.metrics.value(u"TRUE_PROCESSING_RATE"_s).average, 0, 'f', 2)
                       .arg(d.summary.metrics.value(u"EXPECTED_PROCESSING_RATE"_s).current, 0, 'f', 2)
                       .arg(d.summary.metrics.value(u"TARGET_DATA_RATE"_s).average, 0, 'f', 2);
        decisionKey.append(u"%1:%2->%3"_s.arg(d.vertex).arg(d.from).arg(d.to));
    }
    const QString key = decisionKey.join(u',') + (scalingEnabled ? u"|on"_s : u"|off"_s);
    // The same decisions are reported once per event interval.
    if (key != e.lastReport || nowMs - e.lastReportMs >= eventIntervalMs) {
        e.lastReport = key;
        e.lastReportMs = nowMs;
        event(kNormal, u"ScalingReport"_s, (scalingEnabled ? kHeaderEnabled : kHeaderDisabled) + entries);
    }
    if (!scalingEnabled)
        return; // advisory: recommendations only

    const QDateTime when = instant(nowMs);
    for (const FlinkJobModel::Vertex &v : vertices)
        e.state.parallelismOverrides.insert(v.id, v.parallelism);
    for (const Decision &d : std::as_const(decisions)) {
        e.state.scalingHistory[d.vertex].insert(when, d.summary);
        e.state.parallelismOverrides.insert(d.vertex, d.to);
    }
    e.state.scalingRecords.insert(when, AutoscalerScalingRecord());
    // The job restarts at the new parallelism: the operator decides again only from a window of the new
    // run, once it has stabilized (the block for a new run in scale() sets the next collection).
    e.state.collectedMetrics.clear();
    e.collectFromMs = e.nextCollectMs = std::numeric_limits<qint64>::max() / 2;
}

void AutoscalerSimulation::store(Entry &e)
{
    const QString name = AutoscalerState::configMapName(e.name);
    const QJsonObject configMap = e.state.toConfigMap(e.name, e.ns, e.uid);
    const StoreResult existing = m_store.get(u"configmaps"_s, e.ns, name);
    if (!existing.ok()) {
        m_store.create(u"configmaps"_s, e.ns, configMap);
        return;
    }
    const QJsonValue data = configMap.value(u"data"_s);
    if (existing.object.value(u"data"_s) == data)
        return;
    QJsonObject updated = existing.object;
    updated.insert(u"data"_s, data);
    m_store.update(u"configmaps"_s, e.ns, name, updated);
}

} // namespace capstan::sandbox
