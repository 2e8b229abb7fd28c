#pragma once

// Shared by the benchmarks that measure how long the GUI thread keeps input waiting.

#include <QList>

#include <atomic>
#include <mutex>
#include <thread>

class QObject;

namespace capstan::bench {

// The value below which p percent of `values` lie (nearest rank); -1 when there are none.
double percentile(QList<double> values, double p);

// Event-loop latency as input would see it: a thread posts a probe to the GUI thread every 5 ms of
// wall time and the GUI thread records how long each waited. Sampling on the wall clock (rather than
// timer ticks, which cannot fire during a stall) weights long stalls by their length.
class StallProbe
{
public:
    explicit StallProbe(QObject *receiver);
    ~StallProbe();
    StallProbe(const StallProbe &) = delete;
    StallProbe &operator=(const StallProbe &) = delete;

    void start();
    void stop();
    QList<double> samples();

private:
    QObject *m_receiver;
    std::atomic<bool> m_running = false;
    std::thread m_thread;
    std::mutex m_mutex;
    QList<double> m_samples;
};

} // namespace capstan::bench
