#include "sandbox/virtualclock.h"

#include <QDateTime>

#include <algorithm>

namespace capstan::sandbox {

VirtualClock::VirtualClock(double speed)
    : m_realStart(std::chrono::steady_clock::now())
    , m_virtualStartMs(QDateTime::currentMSecsSinceEpoch())
    , m_speed(speed > 0 ? speed : 1.0)
{
}

qint64 VirtualClock::nowMs() const
{
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_realStart);
    return m_virtualStartMs + qint64(elapsed.count() * m_speed) + m_offsetMs.load();
}

void VirtualClock::advance(qint64 virtualMs)
{
    if (virtualMs > 0)
        m_offsetMs += virtualMs;
}

std::chrono::milliseconds VirtualClock::realDuration(qint64 virtualMs) const
{
    return std::chrono::milliseconds(std::max<qint64>(1, qint64(double(virtualMs) / m_speed)));
}

} // namespace capstan::sandbox
