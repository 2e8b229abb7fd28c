#include "ui/jobgraph/graphtext.h"

#include <QLocale>

#include <cmath>

namespace capstan {

QString GraphText::rate(double perSecond)
{
    if (perSecond < 0)
        return {};
    const QLocale locale;
    if (perSecond >= 1e6)
        return tr("%1M/s").arg(locale.toString(perSecond / 1e6, 'f', 1));
    if (perSecond >= 1e4)
        return tr("%1k/s").arg(locale.toString(std::round(perSecond / 1e3), 'f', 0));
    if (perSecond >= 1e3)
        return tr("%1k/s").arg(locale.toString(perSecond / 1e3, 'f', 1));
    return tr("%1/s").arg(locale.toString(std::round(perSecond), 'f', 0));
}

QString GraphText::percent(double ratio)
{
    if (ratio < 0)
        return {};
    return tr("%1 %").arg(std::lround(ratio * 100));
}

QString GraphText::duration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', ms < 10000 ? 1 : 0));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 48 * 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString GraphText::pressure(JobVertex::Pressure pressure)
{
    switch (pressure) {
    case JobVertex::Pressure::Ok:
        return tr("ok");
    case JobVertex::Pressure::Low:
        return tr("low");
    case JobVertex::Pressure::High:
        return tr("high");
    case JobVertex::Pressure::Unknown:
        break;
    }
    return {};
}

QString GraphText::load(const JobVertex &v)
{
    if (v.backPressuredRatio < 0 && v.busyRatio < 0)
        return {};
    // Back-pressure is named first: a back-pressured vertex waits for a slower one downstream, and
    // the bottleneck is the busy vertex at the end of the back-pressured chain.
    if (v.pressure() == JobVertex::Pressure::High || v.pressure() == JobVertex::Pressure::Low)
        return tr("back-pressured %1 (%2)").arg(percent(v.backPressuredRatio), pressure(v.pressure()));
    if (v.busyRatio >= 0.5)
        return tr("busy %1").arg(percent(v.busyRatio));
    if (v.busyRatio >= 0)
        return tr("busy %1, not back-pressured").arg(percent(v.busyRatio));
    return tr("not back-pressured");
}

} // namespace capstan
