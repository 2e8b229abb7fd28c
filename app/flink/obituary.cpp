#include "flink/obituary.h"

namespace capstan {

QString Obituary::markerLabel() const
{
    const QString what = exitCode >= 0 ? QStringLiteral("%1 (exit %2)").arg(reason).arg(exitCode) : reason;
    return podName + QLatin1Char(' ') + what;
}

} // namespace capstan
