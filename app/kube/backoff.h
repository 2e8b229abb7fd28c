#pragma once

#include <QElapsedTimer>

namespace capstan {

// Exponential backoff as client-go's reflector uses it: 0.8 s doubling with jitter up to 30 s,
// reset once the connection has been healthy for 2 minutes.
class Backoff final
{
public:
    Backoff(int initialMs = 800, int maxMs = 30000, int resetAfterMs = 120000);

    // The delay to wait before the next attempt; grows each call.
    int nextDelayMs();
    // Call when a connection became healthy (watch established); resets after resetAfterMs of health.
    void markHealthy();
    // Call when a healthy connection ended; resets the delay when it had been healthy long enough.
    void markUnhealthy();
    void reset();
    int currentStepMs() const { return m_currentMs; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_resetAfterMs;
    int m_currentMs = 0;
    QElapsedTimer m_healthySince;
};

} // namespace capstan
