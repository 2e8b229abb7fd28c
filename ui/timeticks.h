#pragma once

#include <QList>
#include <QString>

namespace capstan {

// A labelled tick of a time axis.
struct TimeTick
{
    qint64 timeMs = 0;
    QString label;
};

// Ticks at round local times ("10:00, 10:10, …", midnights as "Nov 25") for the range [fromMs, toMs]
// drawn `widthPx` wide, at least `minSpacingPx` apart. Qt's QDateTimeAxis only divides the range
// into equal parts, which puts ticks at times like 03:18:19.
QList<TimeTick> timeTicks(qint64 fromMs, qint64 toMs, double widthPx, double minSpacingPx = 110);

} // namespace capstan
