#include "sandbox/metrichistory.h"

#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/prometheusexporter.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/virtualclock.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <shared_mutex>
#include <thread>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

using Series = PrometheusExporter::Series;
using Quantity = PrometheusExporter::Quantity;

constexpr qint64 kStep = MetricHistory::kScrapeIntervalMs;
constexpr qint64 kHour = 3600LL * 1000;
constexpr qint64 kChunkSamples = 240; // an hour a run
constexpr qint64 kCreatedMs = 2000; // JobManager ready → job RUNNING (FlinkJobModel)
constexpr qint64 kChangeDowntimeMs = 45000; // savepoint, cancel and the new JobManager's start
constexpr qint64 kRestartDowntimeMs = 45000; // a TaskManager lost: heartbeat timeout, then redeploy

qint64 gridFloor(qint64 t)
{
    return t - ((t % kStep) + kStep) % kStep;
}

qint64 gridCeil(qint64 t)
{
    const qint64 f = gridFloor(t);
    return f == t ? t : f + kStep;
}

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 hashOf(const QString &s, quint64 seed)
{
    quint64 h = mix(seed);
    for (QChar c : s)
        h = mix(h ^ c.unicode());
    return h;
}

// A deterministic value in [-1, 1].
double noise(quint64 key, qint64 t)
{
    return double(mix(key ^ quint64(t)) % 20001) / 10000.0 - 1.0;
}

QString hexId(quint64 a, quint64 b)
{
    return u"%1%2"_s.arg(mix(a), 16, 16, QLatin1Char('0')).arg(mix(b), 16, 16, QLatin1Char('0'));
}

PromQl::Labels withName(const Series &s)
{
    PromQl::Labels labels = s.labels;
    labels.emplace_back(u"__name__"_s, s.name);
    std::sort(labels.begin(), labels.end());
    return labels;
}

QString keyOf(const PromQl::Labels &labels)
{
    QString key;
    for (const auto &[k, v] : labels)
        key += k + QChar(0x1f) + v + QChar(0x1e);
    return key;
}

const QString &nameOf(const PromQl::Labels &labels)
{
    static const QString none;
    for (const auto &[k, v] : labels) {
        if (k == u"__name__"_s)
            return v;
    }
    return none;
}

bool matchesAll(const PromQl::Labels &labels, const std::vector<PromQl::Matcher> &matchers)
{
    for (const PromQl::Matcher &m : matchers) {
        QString value;
        for (const auto &[k, v] : labels) {
            if (k == m.name) {
                value = v;
                break;
            }
        }
        if (!m.matches(value))
            return false;
    }
    return true;
}

// A run of samples at the scrape grid: values[i] was taken at startMs + i * kStep.
struct Chunk
{
    qint64 startMs = 0;
    std::vector<double> values;
    qint64 endMs() const { return startMs + qint64(values.size() - 1) * kStep; }
};

struct StoredSeries
{
    PromQl::Labels labels;
    std::deque<Chunk> chunks;
    bool scraped = false; // present in the latest scrape: a stale marker follows when it goes

    qint64 lastMs() const { return chunks.empty() ? -1 : chunks.back().endMs(); }

    void append(qint64 t, double v)
    {
        if (!chunks.empty() && t <= lastMs())
            return;
        if (chunks.empty() || t != lastMs() + kStep || qint64(chunks.back().values.size()) >= kChunkSamples) {
            Chunk c;
            c.startMs = t;
            chunks.push_back(std::move(c));
        }
        chunks.back().values.push_back(v);
    }

    // Drops the samples before cutoffMs.
    void trim(qint64 cutoffMs)
    {
        while (!chunks.empty() && chunks.front().endMs() < cutoffMs)
            chunks.pop_front();
        if (chunks.empty() || chunks.front().startMs >= cutoffMs)
            return;
        Chunk &c = chunks.front();
        const qint64 drop = (cutoffMs - c.startMs + kStep - 1) / kStep;
        c.values.erase(c.values.begin(), c.values.begin() + drop);
        c.startMs += drop * kStep;
    }

    bool hasSamplesIn(qint64 minMs, qint64 maxMs) const
    {
        return !chunks.empty() && chunks.front().startMs <= maxMs && lastMs() >= minMs;
    }
};

// The synthesized day of one deployment's jobs.
struct DeploymentPlan
{
    QString ns;
    QString name;
    JobSettings settings;
    quint64 key = 0;
    std::vector<MetricHistory::JobPeriod> jobs;
};

// Values of a synthesized job at a time: the shape of FlinkJobModel's metrics on a daily curve.
class SyntheticJob
{
public:
    SyntheticJob(const DeploymentPlan &plan, const MetricHistory::JobPeriod &job, qint64 dayEndMs)
        : m_plan(plan)
        , m_job(job)
        , m_dayEndMs(dayEndMs)
    {
        m_model.adopt(job.startMs, plan.settings, job.jobId, job.startMs);
        m_capacity = m_model.capacity();
        m_vertices = m_model.vertices();
    }

    const FlinkJobModel &model() const { return m_model; }
    double parallelism() const { return std::max(1, m_plan.settings.parallelism); }

    // Restarts before t, and whether t lies in a restart's downtime (and since when).
    int restartsBefore(qint64 t, qint64 *downSince) const
    {
        int n = 0;
        *downSince = -1;
        for (qint64 r : m_job.restartsMs) {
            if (r > t)
                break;
            ++n;
            if (t < r + kRestartDowntimeMs)
                *downSince = r;
        }
        return n;
    }

    qint64 runningSince(qint64 t) const
    {
        qint64 since = m_job.startMs + kCreatedMs;
        for (qint64 r : m_job.restartsMs) {
            if (r <= t)
                since = r + kRestartDowntimeMs;
        }
        return since;
    }

    double demand(qint64 t) const
    {
        constexpr double kTwoPi = 6.283185307179586;
        // Quieter at night: the curve is 1 at the sandbox's start (where the simulation carries on)
        // and 0.55 twelve hours before.
        const double daily = 1.0 - 0.45 * (1.0 - std::cos(kTwoPi * double(t - m_dayEndMs) / double(24 * kHour))) / 2;
        const double wave = 0.15 * std::sin(kTwoPi * double(t % 900000) / 900000.0);
        return m_plan.settings.demandRecordsPerSecond * daily * (1.0 + wave + 0.03 * noise(m_plan.key, t / 1000));
    }

    qint64 checkpointDurationMs() const
    {
        return 600 + (m_plan.settings.demandRecordsPerSecond > m_capacity ? 2400 : 0) + 400 / int(parallelism());
    }

    double value(const Series &s, qint64 t) const
    {
        qint64 downSince = -1;
        const int restarts = restartsBefore(t, &downSince);
        const bool running = downSince < 0;
        const double thr = running ? std::min(demand(t), m_capacity) : 0.0;
        const qint64 interval = m_plan.settings.checkpointIntervalMs;
        const qint64 since = m_job.startMs + kCreatedMs;
        const qint64 completed
            = interval > 0 ? std::max<qint64>(0, (t - since - checkpointDurationMs()) / interval) : 0;
        const int v = s.vertex;
        switch (s.quantity) {
        case Quantity::NumRestarts:
            return restarts;
        case Quantity::Uptime:
            return running ? double(std::max<qint64>(0, t - runningSince(t))) : 0.0;
        case Quantity::Downtime:
            return running ? 0.0 : double(t - downSince);
        case Quantity::LastCheckpointDuration:
            return completed > 0 ? double(checkpointDurationMs() + qint64(80 * noise(m_plan.key + 1, t / interval)))
                                 : 0.0;
        case Quantity::LastCheckpointSize: {
            if (completed == 0)
                return 0;
            const qint64 ack = since + completed * interval + checkpointDurationMs();
            const qint64 base = 48LL * 1024 * 1024 + qint64(m_plan.settings.demandRecordsPerSecond) * 4096;
            const qint64 minutes = std::max<qint64>(0, ack - m_job.startMs) / 60000;
            return double(base + std::min<qint64>(minutes, 60 * 24) * 96 * 1024 + (ack / 1000 % 97) * 1024);
        }
        case Quantity::CompletedCheckpoints:
            return double(completed);
        case Quantity::FailedCheckpoints:
            return restarts; // the checkpoint in flight dies with the tasks
        case Quantity::InProgressCheckpoints:
            return 0;
        case Quantity::RecordsInPerSecond:
            return m_vertices.at(v).source ? 0.0 : thr * m_vertices.at(v).load / m_vertices.at(v).parallelism;
        case Quantity::RecordsOutPerSecond:
            return thr * m_vertices.at(v).load * m_vertices.at(v).outputRatio / m_vertices.at(v).parallelism;
        case Quantity::RecordsOut: {
            // As FlinkJobModel counts it: the steady rate over the time the tasks ran.
            const double rate = std::min(m_plan.settings.demandRecordsPerSecond, m_capacity) * m_vertices.at(v).load
                * m_vertices.at(v).outputRatio / m_vertices.at(v).parallelism;
            return std::floor(rate * double(std::max<qint64>(0, t - runningSince(t))) / 1000.0);
        }
        case Quantity::BusyTimeMsPerSecond:
            return m_model.busyTimeAt(v, thr);
        case Quantity::BackPressuredTimeMsPerSecond:
            return m_model.backPressuredTimeAt(v, thr, demand(t));
        case Quantity::IdleTimeMsPerSecond: {
            if (thr <= 0)
                return 0;
            return std::max(0.0, 1000.0 - m_model.busyTimeAt(v, thr) - m_model.backPressuredTimeAt(v, thr, demand(t)));
        }
        }
        return 0;
    }

private:
    const DeploymentPlan &m_plan;
    const MetricHistory::JobPeriod &m_job;
    qint64 m_dayEndMs = 0;
    FlinkJobModel m_model;
    QList<FlinkJobModel::Vertex> m_vertices;
    double m_capacity = 1e18;
};

} // namespace

struct MetricHistory::Private
{
    OperatorSimulation &simulation;
    quint64 seed = 1;

    mutable std::shared_mutex mutex; // guards the storage
    std::map<QString, std::map<QString, StoredSeries>> byName; // metric name → series key → series
    std::vector<JobPeriod> synthesized;
    qint64 startedAtMs = 0;

    std::mutex threadMutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread thread;

    Private(OperatorSimulation &sim, quint64 s)
        : simulation(sim)
        , seed(s)
    {
    }

    StoredSeries &seriesFor(const PromQl::Labels &labels)
    {
        auto &bucket = byName[nameOf(labels)];
        auto [it, inserted] = bucket.try_emplace(keyOf(labels));
        if (inserted)
            it->second.labels = labels;
        return it->second;
    }

    template <typename Fn>
    void forEachMatching(const std::vector<PromQl::Matcher> &matchers, Fn &&fn) const
    {
        const PromQl::Matcher *byExactName = nullptr;
        for (const PromQl::Matcher &m : matchers) {
            if (m.name == u"__name__"_s && m.op == PromQl::Matcher::Op::Equal)
                byExactName = &m;
        }
        const auto scan = [&](const std::map<QString, StoredSeries> &bucket) {
            for (const auto &[key, s] : bucket) {
                if (matchesAll(s.labels, matchers))
                    fn(s);
            }
        };
        if (byExactName) {
            const auto it = byName.find(byExactName->value);
            if (it != byName.end())
                scan(it->second);
            return;
        }
        for (const auto &[name, bucket] : byName)
            scan(bucket);
    }

    template <typename Fn>
    void forEachMatchingAny(const std::vector<std::vector<PromQl::Matcher>> &match, qint64 minMs, qint64 maxMs,
                            Fn &&fn) const
    {
        if (match.empty()) {
            for (const auto &[name, bucket] : byName) {
                for (const auto &[key, s] : bucket) {
                    if (s.hasSamplesIn(minMs, maxMs))
                        fn(s);
                }
            }
            return;
        }
        std::set<const StoredSeries *> seen;
        for (const auto &matchers : match) {
            forEachMatching(matchers, [&](const StoredSeries &s) {
                if (s.hasSamplesIn(minMs, maxMs) && seen.insert(&s).second)
                    fn(s);
            });
        }
    }

    std::vector<DeploymentPlan> plan(qint64 nowMs);
    void synthesize(qint64 nowMs);
    void scrape(qint64 atMs);
    void run();
};

// The jobs of the day for each deployment whose job runs now: the live job started within the day
// (the demo data starts it ~5 h before the sandbox), a job change 10-12 h before that, and a first
// job that was running when the day began. A deployment whose live job is older than the day gets no
// earlier jobs.
std::vector<DeploymentPlan> MetricHistory::Private::plan(qint64 nowMs)
{
    std::vector<DeploymentPlan> plans;
    const qint64 dayStart = nowMs - kRetentionMs;
    simulation.forEachCluster([&](const QString &ns, const QString &name, const FlinkJobModel &cluster, qint64) {
        if (!cluster.hasJob() || cluster.jobManagerStatus() != JobManagerStatus::Ready)
            return;
        DeploymentPlan p;
        p.ns = ns;
        p.name = name;
        p.settings = cluster.settings();
        p.key = hashOf(ns + u'/' + name, seed);
        std::mt19937_64 random(p.key);
        const auto between = [&random](qint64 lo, qint64 hi) { return lo + qint64(random() % quint64(hi - lo + 1)); };

        JobPeriod live{ns, name, cluster.jobId(), cluster.startTimeMs(), -1, {}};
        std::vector<qint64> changes; // job start times, oldest first
        if (live.startMs > dayStart + kHour) {
            const qint64 middle = live.startMs - between(10 * kHour, 12 * kHour);
            if (middle > dayStart + 30 * 60 * 1000)
                changes.push_back(middle);
        }
        if (live.startMs > dayStart) {
            const qint64 first = (changes.empty() ? live.startMs : changes.front()) - between(30 * kHour, 60 * kHour);
            changes.insert(changes.begin(), first);
        }
        changes.push_back(live.startMs);
        for (size_t i = 0; i + 1 < changes.size(); ++i) {
            JobPeriod job{ns, name, hexId(p.key, i), changes[i], changes[i + 1] - kChangeDowntimeMs, {}};
            // The middle job restarts once or twice, the first sometimes once within the day.
            const int restarts
                = i + 2 == changes.size() && changes.size() == 3 ? 1 + int(random() % 2) : int(random() % 2);
            const qint64 from = std::max(job.startMs, dayStart) + kHour;
            const qint64 to = job.endMs - kHour;
            for (int r = 0; r < restarts && to > from; ++r)
                job.restartsMs.push_back(between(from, to));
            std::sort(job.restartsMs.begin(), job.restartsMs.end());
            p.jobs.push_back(job);
        }
        p.jobs.push_back(live);
        plans.push_back(std::move(p));
    });
    return plans;
}

void MetricHistory::Private::synthesize(qint64 nowMs)
{
    const std::vector<DeploymentPlan> plans = plan(nowMs);
    const qint64 first = gridCeil(nowMs - kRetentionMs);
    const qint64 last = gridFloor(nowMs - 1); // the first scrape is at or after nowMs
    std::unique_lock lock(mutex);
    for (const DeploymentPlan &p : plans) {
        for (const JobPeriod &job : p.jobs) {
            synthesized.push_back(job);
            const SyntheticJob values(p, job, nowMs);
            const qint64 jobEnd = job.endMs < 0 ? last : std::min(last, job.endMs);
            // Series per task attempt: the tasks of each attempt are series of their own.
            std::vector<std::pair<qint64, qint64>> attempts; // [from, to] with tasks running
            qint64 from = job.startMs + kCreatedMs;
            for (qint64 r : job.restartsMs) {
                attempts.emplace_back(from, r);
                from = r + kRestartDowntimeMs;
            }
            attempts.emplace_back(from, jobEnd);
            for (size_t a = 0; a < attempts.size(); ++a) {
                const std::vector<Series> series
                    = PrometheusExporter::seriesOf(p.ns, p.name, values.model(), job.jobId, int(a));
                for (const Series &s : series) {
                    const bool jobLevel = s.vertex < 0;
                    if (jobLevel && a > 0)
                        continue; // one set of job series per job
                    const qint64 begin = std::max(first, gridCeil(jobLevel ? job.startMs : attempts[a].first));
                    const qint64 end = jobLevel ? jobEnd : std::min(jobEnd, attempts[a].second);
                    if (begin > end)
                        continue;
                    StoredSeries &stored = seriesFor(withName(s));
                    for (qint64 t = begin; t <= end; t += kStep)
                        stored.append(t, values.value(s, t));
                    const bool ended = jobLevel ? job.endMs >= 0 : (a + 1 < attempts.size() || job.endMs >= 0);
                    if (ended && end + kStep <= last)
                        stored.append(gridFloor(end) + kStep, PromQl::staleMarker());
                    else if (!ended)
                        stored.scraped = true; // the live job's series go on in the scrapes
                }
            }
        }
    }
}

void MetricHistory::Private::scrape(qint64 atMs)
{
    // Collected under the simulation's lock, written under the storage's: never both at once.
    std::vector<std::pair<PromQl::Labels, double>> samples;
    simulation.forEachCluster([&](const QString &ns, const QString &name, const FlinkJobModel &cluster, qint64 now) {
        if (!cluster.hasJob() || cluster.jobManagerStatus() != JobManagerStatus::Ready)
            return; // Prometheus cannot reach a JobManager that is not ready
        for (const Series &s : PrometheusExporter::seriesOf(ns, name, cluster, cluster.jobId(), cluster.numRestarts()))
            samples.emplace_back(withName(s), PrometheusExporter::valueOf(s, cluster, now));
    });
    std::unique_lock lock(mutex);
    std::set<StoredSeries *> seen;
    for (const auto &[labels, value] : samples) {
        StoredSeries &stored = seriesFor(labels);
        stored.append(atMs, value);
        stored.scraped = true;
        seen.insert(&stored);
    }
    const qint64 cutoff = atMs - kRetentionMs;
    for (auto bucket = byName.begin(); bucket != byName.end();) {
        for (auto it = bucket->second.begin(); it != bucket->second.end();) {
            StoredSeries &s = it->second;
            if (s.scraped && !seen.count(&s)) {
                s.append(atMs, PromQl::staleMarker());
                s.scraped = false;
            }
            s.trim(cutoff);
            it = s.chunks.empty() ? bucket->second.erase(it) : std::next(it);
        }
        bucket = bucket->second.empty() ? byName.erase(bucket) : std::next(bucket);
    }
}

void MetricHistory::Private::run()
{
    VirtualClock &clock = simulation.clock();
    qint64 lastScrape = gridFloor(startedAtMs - 1);
    std::unique_lock lock(threadMutex);
    while (!stopping) {
        const qint64 now = clock.nowMs();
        const qint64 due = gridFloor(now);
        if (due > lastScrape) {
            // A scraper that fell behind records the latest slot only, as a late Prometheus would.
            lastScrape = due;
            lock.unlock();
            scrape(due);
            lock.lock();
            continue;
        }
        const auto wait = std::min(clock.realDuration(due + kStep - now), std::chrono::milliseconds(250));
        wake.wait_for(lock, wait);
    }
}

MetricHistory::MetricHistory(OperatorSimulation &simulation, quint64 seed)
    : d(std::make_unique<Private>(simulation, seed))
{
}

MetricHistory::~MetricHistory()
{
    stop();
}

void MetricHistory::start()
{
    if (d->thread.joinable())
        return;
    d->simulation.reconcileOnce(); // adopt the seeded deployments first
    d->startedAtMs = d->simulation.clock().nowMs();
    d->synthesize(d->startedAtMs);
    const Stats s = stats();
    qCInfo(lcSandboxServer).noquote()
        << u"Prometheus history: %1 series, %2 samples, about %3 MiB"_s.arg(s.series).arg(s.samples).arg(
               double(s.bytes) / 1048576.0, 0, 'f', 1);
    {
        std::lock_guard lock(d->threadMutex);
        d->stopping = false;
    }
    d->thread = std::thread([this] { d->run(); });
}

void MetricHistory::stop()
{
    {
        std::lock_guard lock(d->threadMutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    if (d->thread.joinable())
        d->thread.join();
}

void MetricHistory::scrape(qint64 atMs)
{
    d->scrape(gridFloor(atMs));
}

qint64 MetricHistory::startedAtMs() const
{
    return d->startedAtMs;
}

std::vector<PromQl::SeriesData> MetricHistory::select(const std::vector<PromQl::Matcher> &matchers, qint64 minMs,
                                                      qint64 maxMs) const
{
    std::vector<PromQl::SeriesData> out;
    std::shared_lock lock(d->mutex);
    d->forEachMatching(matchers, [&](const StoredSeries &s) {
        if (!s.hasSamplesIn(minMs, maxMs))
            return;
        PromQl::SeriesData data;
        data.labels = s.labels;
        for (const Chunk &c : s.chunks) {
            if (c.endMs() < minMs || c.startMs > maxMs)
                continue;
            const qint64 from = std::max<qint64>(0, (minMs - c.startMs + kStep - 1) / kStep);
            const qint64 to = std::min<qint64>(qint64(c.values.size()) - 1, (maxMs - c.startMs) / kStep);
            for (qint64 i = from; i <= to; ++i) {
                data.timesMs.push_back(c.startMs + i * kStep);
                data.values.push_back(c.values[size_t(i)]);
            }
        }
        if (!data.timesMs.empty())
            out.push_back(std::move(data));
    });
    return out;
}

QStringList MetricHistory::labelNames(const std::vector<std::vector<PromQl::Matcher>> &match, qint64 minMs,
                                      qint64 maxMs) const
{
    std::set<QString> names;
    std::shared_lock lock(d->mutex);
    d->forEachMatchingAny(match, minMs, maxMs, [&](const StoredSeries &s) {
        for (const auto &[k, v] : s.labels)
            names.insert(k);
    });
    return QStringList(names.begin(), names.end());
}

QStringList MetricHistory::labelValues(const QString &name, const std::vector<std::vector<PromQl::Matcher>> &match,
                                       qint64 minMs, qint64 maxMs) const
{
    std::set<QString> values;
    std::shared_lock lock(d->mutex);
    d->forEachMatchingAny(match, minMs, maxMs, [&](const StoredSeries &s) {
        for (const auto &[k, v] : s.labels) {
            if (k == name)
                values.insert(v);
        }
    });
    return QStringList(values.begin(), values.end());
}

std::vector<PromQl::Labels> MetricHistory::seriesLabels(const std::vector<std::vector<PromQl::Matcher>> &match,
                                                        qint64 minMs, qint64 maxMs) const
{
    std::vector<PromQl::Labels> out;
    std::shared_lock lock(d->mutex);
    d->forEachMatchingAny(match, minMs, maxMs, [&](const StoredSeries &s) { out.push_back(s.labels); });
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<MetricHistory::JobPeriod> MetricHistory::synthesizedJobs() const
{
    std::shared_lock lock(d->mutex);
    return d->synthesized;
}

MetricHistory::Stats MetricHistory::stats() const
{
    Stats s;
    std::shared_lock lock(d->mutex);
    for (const auto &[name, bucket] : d->byName) {
        for (const auto &[key, series] : bucket) {
            ++s.series;
            // The map node, the key and the labels (shared with the key's characters, counted once).
            s.bytes += 96 + key.size() * 2 * 2 + qint64(series.labels.size()) * 48;
            for (const Chunk &c : series.chunks) {
                s.samples += qint64(c.values.size());
                s.bytes += qint64(sizeof(Chunk)) + qint64(c.values.capacity() * sizeof(double));
            }
        }
    }
    return s;
}

} // namespace capstan::sandbox
