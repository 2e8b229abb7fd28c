#pragma once

#include "metrics/metricsample.h"

#include <QList>
#include <QPointF>

namespace capstan {

// Reduces one metric's samples to what a chart of a given pixel width can show, keeping the shape:
// per pixel bucket its lowest and highest sample, in time order, so spikes and dips survive at any
// zoom while a line has at most two points per pixel. Returns line segments: a new segment starts wherever consecutive
// samples lie more than gapMs apart, so that no line is drawn across missing data.
class Downsampler final
{
public:
    // samples: one metric, in time order. x of a point is the time in ms since the epoch, y the value.
    // Samples outside [fromMs, toMs] are ignored. pixelWidth < 1 counts as 1; gapMs <= 0 never splits.
    static QList<QList<QPointF>> downsample(const QList<MetricSample> &samples, qint64 fromMs, qint64 toMs,
                                            int pixelWidth, qint64 gapMs);
};

} // namespace capstan
