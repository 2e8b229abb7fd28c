#include "kube/backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace capstan {

Backoff::Backoff(int initialMs, int maxMs, int resetAfterMs)
    : m_initialMs(initialMs)
    , m_maxMs(maxMs)
    , m_resetAfterMs(resetAfterMs)
{
}

int Backoff::nextDelayMs()
{
    m_currentMs = m_currentMs == 0 ? m_initialMs : std::min(m_currentMs * 2, m_maxMs);
    // Jitter up to +100 % (client-go uses factor 1.0) so many clients do not reconnect in step.
    const double jitter = QRandomGenerator::global()->generateDouble();
    return std::min(m_maxMs, static_cast<int>(m_currentMs * (1.0 + jitter)));
}

void Backoff::markHealthy()
{
    if (!m_healthySince.isValid())
        m_healthySince.start();
}

void Backoff::markUnhealthy()
{
    if (m_healthySince.isValid() && m_healthySince.elapsed() >= m_resetAfterMs)
        m_currentMs = 0;
    m_healthySince.invalidate();
}

void Backoff::reset()
{
    m_currentMs = 0;
    m_healthySince.invalidate();
}

} // namespace capstan
