#include "metrics/downsampler.h"

#include <algorithm>

namespace capstan {

QList<QList<QPointF>> Downsampler::downsample(const QList<MetricSample> &samples, qint64 fromMs, qint64 toMs,
                                              int pixelWidth, qint64 gapMs)
{
    QList<QList<QPointF>> segments;
    if (samples.isEmpty() || toMs < fromMs)
        return segments;
    const qint64 span = std::max<qint64>(1, toMs - fromMs);
    const qint64 buckets = std::max(1, pixelWidth);

    const auto first = std::lower_bound(samples.cbegin(), samples.cend(), fromMs,
                                        [](const MetricSample &s, qint64 t) { return s.timeMs < t; });
    const auto last
        = std::upper_bound(first, samples.cend(), toMs, [](qint64 t, const MetricSample &s) { return t < s.timeMs; });
    if (first == last)
        return segments;

    QList<QPointF> segment;
    segment.reserve(std::min<qsizetype>(last - first, buckets * 2));
    // The bucket being filled: its lowest and highest sample.
    qint64 bucket = -1;
    const MetricSample *bMin = nullptr;
    const MetricSample *bMax = nullptr;
    const auto flush = [&] {
        if (!bMin)
            return;
        // In time order (samples are contiguous and sorted: address order is time order).
        const MetricSample *a = std::min(bMin, bMax);
        const MetricSample *b = std::max(bMin, bMax);
        segment.append(QPointF(double(a->timeMs), a->value));
        if (b != a)
            segment.append(QPointF(double(b->timeMs), b->value));
        bMin = bMax = nullptr;
    };
    const MetricSample *previous = nullptr;
    for (auto it = first; it != last; ++it) {
        const MetricSample *s = &*it;
        if (previous && gapMs > 0 && s->timeMs - previous->timeMs > gapMs) {
            flush();
            segments.append(segment);
            segment.clear();
            bucket = -1;
        }
        const qint64 b = std::min(buckets - 1, (s->timeMs - fromMs) * buckets / span);
        if (b != bucket) {
            flush();
            bucket = b;
            bMin = bMax = s;
        }
        if (s->value < bMin->value)
            bMin = s;
        if (s->value > bMax->value)
            bMax = s;
        previous = s;
    }
    flush();
    if (!segment.isEmpty())
        segments.append(segment);
    return segments;
}

} // namespace capstan
