#include "stallprobe.h"

#include <QMetaObject>
#include <QObject>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace capstan::bench {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

StallProbe::StallProbe(QObject *receiver)
    : m_receiver(receiver)
{
}

StallProbe::~StallProbe()
{
    stop();
}

void StallProbe::start()
{
    m_running = true;
    m_thread = std::thread([this] {
        using Clock = std::chrono::steady_clock;
        auto next = Clock::now();
        while (m_running) {
            next += std::chrono::milliseconds(5);
            std::this_thread::sleep_until(next);
            const auto posted = Clock::now();
            QMetaObject::invokeMethod(
                m_receiver,
                [this, posted] {
                    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - posted).count();
                    std::lock_guard lock(m_mutex);
                    m_samples.append(ms);
                },
                Qt::QueuedConnection);
        }
    });
}

void StallProbe::stop()
{
    m_running = false;
    if (m_thread.joinable())
        m_thread.join();
}

QList<double> StallProbe::samples()
{
    std::lock_guard lock(m_mutex);
    return m_samples;
}

} // namespace capstan::bench
