#pragma once

#include <QtGlobal>

#include <chrono>
#include <mutex>
#include <optional>

namespace capstan::sandbox {

// Virtual time for the operator simulation: starts at the wall-clock time of construction (plus
// `startOffsetMs`: a cluster whose clock is off) and runs `speed` times faster than real time (speed 100: a 10 s
// JobManager start takes 0.1 s). Tests may also jump it forward with advance(), or pause it to hold every simulated
// cluster in its current phase (a JobManager stays DEPLOYING) and step it with advance().
//
// Thread-safety: every method may be called from any thread.
class VirtualClock final
{
public:
    explicit VirtualClock(double speed = 1.0, qint64 startOffsetMs = 0);

    double speed() const { return m_speed; }
    // Virtual milliseconds since the epoch.
    qint64 nowMs() const;
    // Jumps the clock forward by a virtual duration, also while paused.
    void advance(qint64 virtualMs);
    // Sets the clock forward or back by `ms` (a clock being corrected), also while paused.
    void shift(qint64 ms);
    // A paused clock stands still until resumed; it then runs on from where it stood.
    void setPaused(bool paused);
    bool isPaused() const;
    // How long `virtualMs` of virtual time takes in real time (at least 1 ms).
    std::chrono::milliseconds realDuration(qint64 virtualMs) const;

private:
    qint64 runningNowMs() const;

    std::chrono::steady_clock::time_point m_realStart;
    qint64 m_virtualStartMs = 0;
    double m_speed = 1.0;
    mutable std::mutex m_mutex;
    qint64 m_offsetMs = 0;
    std::optional<qint64> m_pausedAtMs;
};

} // namespace capstan::sandbox
