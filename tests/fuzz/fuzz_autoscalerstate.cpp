// libFuzzer target for AutoscalerState::fromData, which reads the operator autoscaler's ConfigMap:
// any content (foreign, damaged, hostile: anyone who can write ConfigMaps in the namespace can
// write it) must give values or per-key errors, never a crash, a hang or undefined behaviour. The
// first byte picks the key; the rest is its value, used as is or (odd selector) gzip-compressed and
// base64-encoded the way the operator stores it, so the YAML readers behind the decompression are
// reached too. What decodes must encode and decode again to the same state. Seed corpus:
// tests/fuzz/corpus/autoscalerstate/ (the first byte of each file selects the key).
//   ./fuzz_autoscalerstate -max_total_time=60 ../../tests/fuzz/corpus/autoscalerstate

#include "flink/autoscalerstate.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>

#include <QJsonObject>

namespace {

const QString *keyFor(uint8_t selector)
{
    using S = capstan::AutoscalerState;
    const QString *keys[] = {&S::kScalingHistoryKey,       &S::kScalingTrackingKey, &S::kCollectedMetricsKey,
                             &S::kParallelismOverridesKey, &S::kConfigOverridesKey, &S::kDelayedScaleDownKey};
    return keys[(selector >> 1) % std::size(keys)];
}

// Equal for everything the encoding carries (NaN equals NaN here).
bool sameMetric(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool sameState(const capstan::AutoscalerState &a, const capstan::AutoscalerState &b)
{
    if (a.scalingHistory.keys() != b.scalingHistory.keys() || a.scalingRecords.keys() != b.scalingRecords.keys()
        || a.collectedMetrics.keys() != b.collectedMetrics.keys() || a.parallelismOverrides != b.parallelismOverrides
        || a.configOverrides != b.configOverrides || a.configRemovals != b.configRemovals
        || a.delayedScaleDown.keys() != b.delayedScaleDown.keys())
        return false;
    for (auto v = a.scalingHistory.cbegin(); v != a.scalingHistory.cend(); ++v) {
        const auto &other = b.scalingHistory.value(v.key());
        if (v->keys() != other.keys())
            return false;
        for (auto e = v->cbegin(); e != v->cend(); ++e) {
            const capstan::AutoscalerScaling &o = other.value(e.key());
            if (e->fromParallelism != o.fromParallelism || e->toParallelism != o.toParallelism
                || e->metrics.keys() != o.metrics.keys())
                return false;
            for (auto m = e->metrics.cbegin(); m != e->metrics.cend(); ++m) {
                const capstan::AutoscalerMetricValue &om = o.metrics.value(m.key());
                if (!sameMetric(m->current, om.current) || !sameMetric(m->average, om.average))
                    return false;
            }
        }
    }
    for (auto r = a.scalingRecords.cbegin(); r != a.scalingRecords.cend(); ++r) {
        const capstan::AutoscalerScalingRecord o = b.scalingRecords.value(r.key());
        if (r->endTime != o.endTime || r->restartDurationMs != o.restartDurationMs)
            return false;
    }
    for (auto w = a.collectedMetrics.cbegin(); w != a.collectedMetrics.cend(); ++w) {
        const auto &o = b.collectedMetrics.value(w.key());
        if (w->keys() != o.keys())
            return false;
        for (auto v = w->cbegin(); v != w->cend(); ++v) {
            const auto &ov = o.value(v.key());
            if (v->keys() != ov.keys())
                return false;
            for (auto m = v->cbegin(); m != v->cend(); ++m)
                if (!sameMetric(m.value(), ov.value(m.key())))
                    return false;
        }
    }
    for (auto d = a.delayedScaleDown.cbegin(); d != a.delayedScaleDown.cend(); ++d) {
        const capstan::AutoscalerDelayedScaleDown o = b.delayedScaleDown.value(d.key());
        if (d->firstTriggerTime != o.firstTriggerTime || d->maxRecommendedParallelism != o.maxRecommendedParallelism
            || d->recommendations.size() != o.recommendations.size())
            return false;
        for (qsizetype i = 0; i < d->recommendations.size(); ++i) {
            const auto &x = d->recommendations.at(i);
            const auto &y = o.recommendations.at(i);
            if (x.triggerTime != y.triggerTime || x.parallelism != y.parallelism
                || x.outsideUtilizationBound != y.outsideUtilizationBound)
                return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t selector = data[0];
    const QByteArray raw(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString &key = *keyFor(selector);
    const QString value = (selector & 1) ? QString::fromLatin1(capstan::AutoscalerState::encodeCompressed(raw))
                                         : QString::fromUtf8(raw);

    const capstan::AutoscalerState state = capstan::AutoscalerState::fromData(QJsonObject{{key, value}});
    for (const capstan::AutoscalerStateError &error : state.errors) {
        if (error.key != key || error.toString().isEmpty())
            std::abort(); // the tab would show an error that names no key
    }
    (void)state.vertexIds();
    for (const QString &vertex : state.vertexIds())
        (void)state.latestScaling(vertex);

    // What was read is written back the operator's way and reads the same.
    const capstan::AutoscalerState again = capstan::AutoscalerState::fromData(state.toConfigMapData());
    if (!again.errors.isEmpty() || !again.warnings.isEmpty() || !sameState(state, again))
        std::abort();
    return 0;
}
