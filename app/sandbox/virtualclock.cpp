#include "sandbox/virtualclock.h"

#include <QDateTime>

#include <algorithm>

namespace capstan::sandbox {

VirtualClock::VirtualClock(double speed, qint64 startOffsetMs)
    : m_realStart(std::chrono::steady_clock::now())
    , m_virtualStartMs(QDateTime::currentMSecsSinceEpoch() + startOffsetMs)
    , m_speed(speed > 0 ? speed : 1.0)
{
}

qint64 VirtualClock::runningNowMs() const
{
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_realStart);
    return m_virtualStartMs + qint64(elapsed.count() * m_speed) + m_offsetMs;
}

qint64 VirtualClock::nowMs() const
{
    std::lock_guard lock(m_mutex);
    return m_pausedAtMs ? *m_pausedAtMs : runningNowMs();
}

void VirtualClock::advance(qint64 virtualMs)
{
    if (virtualMs > 0)
        shift(virtualMs);
}

void VirtualClock::shift(qint64 ms)
{
    std::lock_guard lock(m_mutex);
    if (m_pausedAtMs)
        *m_pausedAtMs += ms;
    else
        m_offsetMs += ms;
}

void VirtualClock::setPaused(bool paused)
{
    std::lock_guard lock(m_mutex);
    if (paused == m_pausedAtMs.has_value())
        return;
    if (paused) {
        m_pausedAtMs = runningNowMs();
    } else {
        // The real time that passed while paused does not count.
        m_offsetMs += *m_pausedAtMs - runningNowMs();
        m_pausedAtMs.reset();
    }
}

bool VirtualClock::isPaused() const
{
    std::lock_guard lock(m_mutex);
    return m_pausedAtMs.has_value();
}

std::chrono::milliseconds VirtualClock::realDuration(qint64 virtualMs) const
{
    return std::chrono::milliseconds(std::max<qint64>(1, qint64(double(virtualMs) / m_speed)));
}

} // namespace capstan::sandbox
