#pragma once

#include "sandbox/promql.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace capstan::sandbox {

class OperatorSimulation;

// The sandbox's Prometheus storage: the series of Flink's PrometheusReporter (PrometheusExporter's names
// and labels) for the last 24 hours of virtual time, at a 15 s scrape interval.
//
// start() first synthesizes the day before the sandbox started, deterministically from the seed: each
// running job's deployment had two earlier jobs in the day (a job change ~10-12 h before the live job
// started, which itself started within the day, and one before the window), each with its own job_id,
// the last one the live job's. Throughput follows a daily curve with the simulation's 15-minute wave and
// noise, uptime restarts with each job and each restart, completed checkpoints grow at the job's interval,
// and the middle job restarts once or twice. From then on a thread scrapes the simulation every 15 s of
// virtual time, as Prometheus would: only JobManagers that are READY, and a series that disappears gets
// a stale marker. Samples older than 24 h are dropped at every scrape.
//
// Storage: per series, runs of samples at the 15 s grid (8 bytes a sample, times implicit).
//
// Thread-safety: select(), labelNames(), labelValues(), seriesLabels() and stats() may be called from any
// thread while the scraper writes (a shared mutex); start()/stop() from one thread.
class MetricHistory final
{
public:
    static constexpr qint64 kScrapeIntervalMs = 15000;
    static constexpr qint64 kRetentionMs = 24LL * 3600 * 1000;

    // One job of a deployment as the synthesized day has it.
    struct JobPeriod
    {
        QString ns;
        QString deployment;
        QString jobId;
        qint64 startMs = 0; // JobManager ready
        qint64 endMs = -1; // last sample before the job change; -1 for the live job
        std::vector<qint64> restartsMs;
    };

    struct Stats
    {
        qint64 series = 0;
        qint64 samples = 0;
        qint64 bytes = 0; // estimated resident size
    };

    MetricHistory(OperatorSimulation &simulation, quint64 seed);
    ~MetricHistory();
    MetricHistory(const MetricHistory &) = delete;
    MetricHistory &operator=(const MetricHistory &) = delete;

    // Synthesizes the day before now (virtual time) and starts scraping.
    void start();
    void stop();

    // One scrape of the simulation, recorded at atMs (a multiple of the scrape interval). The scraper
    // thread calls it; tests may call it on a stopped history.
    void scrape(qint64 atMs);

    std::vector<PromQl::SeriesData> select(const std::vector<PromQl::Matcher> &matchers, qint64 minMs,
                                           qint64 maxMs) const;
    // Label names and values, and the label sets of series with samples between minMs and maxMs that
    // match any of the matcher sets (every series when none is given).
    QStringList labelNames(const std::vector<std::vector<PromQl::Matcher>> &match, qint64 minMs, qint64 maxMs) const;
    QStringList labelValues(const QString &name, const std::vector<std::vector<PromQl::Matcher>> &match, qint64 minMs,
                            qint64 maxMs) const;
    std::vector<PromQl::Labels> seriesLabels(const std::vector<std::vector<PromQl::Matcher>> &match, qint64 minMs,
                                             qint64 maxMs) const;

    std::vector<JobPeriod> synthesizedJobs() const;
    Stats stats() const;
    qint64 startedAtMs() const; // virtual time of start()

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
