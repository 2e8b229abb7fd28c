#include "sandbox/churngenerator.h"

#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace capstan::sandbox {

namespace {

struct Target
{
    QString ns;
    QString name;
    QString uid;
};

const QString kFlinkDeployments = QStringLiteral("flinkdeployments");
const QString kEvents = QStringLiteral("events");

} // namespace

struct ChurnGenerator::Private
{
    Private(ResourceStore &s, int rate, quint64 seed, int keep)
        : store(s)
        , changesPerSecond(rate)
        , keepEvents(keep)
        , random(seed)
    {
    }

    void refreshTargets();
    void change();
    void updateDeployment(const Target &target);
    void createEvent(const Target &target);

    ResourceStore &store;
    const int changesPerSecond;
    const int keepEvents;

    std::mutex mutex; // guards everything below but the thread controls
    std::mt19937_64 random;
    std::vector<Target> targets;
    std::chrono::steady_clock::time_point targetsAt;
    std::deque<std::pair<QString, QString>> events; // (namespace, name), oldest first
    quint64 serial = 0;
    qint64 lastUpdateMs = 0;
    std::atomic<quint64> written = 0;

    std::mutex threadMutex;
    std::condition_variable wake;
    std::thread thread;
    bool running = false;
    bool stopRequested = false;
};

void ChurnGenerator::Private::refreshTargets()
{
    // Deployments come and go rarely; a fresh list every few seconds is enough.
    const auto now = std::chrono::steady_clock::now();
    if (!targets.empty() && now - targetsAt < std::chrono::seconds(5))
        return;
    targetsAt = now;
    targets.clear();
    const StoreResult listed = store.list(kFlinkDeployments);
    const QJsonArray items = listed.object.value(QLatin1String("items")).toArray();
    targets.reserve(size_t(items.size()));
    for (const QJsonValue &item : items) {
        const QJsonObject metadata = item.toObject().value(QLatin1String("metadata")).toObject();
        targets.push_back({metadata.value(QLatin1String("namespace")).toString(),
                           metadata.value(QLatin1String("name")).toString(),
                           metadata.value(QLatin1String("uid")).toString()});
    }
}

void ChurnGenerator::Private::change()
{
    refreshTargets();
    if (targets.empty())
        return;
    const Target &target = targets.at(random() % targets.size());
    if (serial++ % 5 == 4)
        createEvent(target);
    else
        updateDeployment(target);
    ++written;
}

void ChurnGenerator::Private::updateDeployment(const Target &target)
{
    // Strictly increasing, so that every update is a write (an equal patch would change nothing).
    lastUpdateMs = std::max(QDateTime::currentMSecsSinceEpoch(), lastUpdateMs + 1);
    QJsonObject jobStatus{{QStringLiteral("updateTime"), QString::number(lastUpdateMs)}};
    if (random() % 10 == 0) {
        const StoreResult current = store.get(kFlinkDeployments, target.ns, target.name);
        const QString state = current.object.value(QLatin1String("status"))
                                  .toObject()
                                  .value(QLatin1String("jobStatus"))
                                  .toObject()
                                  .value(QLatin1String("state"))
                                  .toString();
        if (state == QLatin1String("RUNNING"))
            jobStatus.insert(QStringLiteral("state"), QStringLiteral("RECONCILING"));
        else if (state == QLatin1String("RECONCILING"))
            jobStatus.insert(QStringLiteral("state"), QStringLiteral("RUNNING"));
    }
    WriteOptions status;
    status.subresource = Subresource::Status;
    store.mergePatch(kFlinkDeployments, target.ns, target.name,
                     QJsonObject{{QStringLiteral("status"), QJsonObject{{QStringLiteral("jobStatus"), jobStatus}}}},
                     status);
}

void ChurnGenerator::Private::createEvent(const Target &target)
{
    const quint64 n = random();
    const bool warning = n % 4 == 0;
    const QString reason = !warning ? QStringLiteral("JobStatusChanged")
        : (n / 4) % 2 == 0          ? QStringLiteral("JobException")
                                    : QStringLiteral("SavepointError");
    const QString when = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString name = QStringLiteral("%1.churn-%2").arg(target.name).arg(serial, 12, 16, QLatin1Char('0'));
    const QJsonObject event{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), target.ns}}},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
                     {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
                     {QStringLiteral("name"), target.name},
                     {QStringLiteral("namespace"), target.ns},
                     {QStringLiteral("uid"), target.uid}}},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"),
         warning ? QStringLiteral("%1 in the simulated job (churn)").arg(reason)
                 : QStringLiteral("Job status changed from RECONCILING to RUNNING")},
        {QStringLiteral("type"), warning ? QStringLiteral("Warning") : QStringLiteral("Normal")},
        {QStringLiteral("count"), 1},
        {QStringLiteral("firstTimestamp"), when},
        {QStringLiteral("lastTimestamp"), when},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), QStringLiteral("Operator")}}},
        {QStringLiteral("reportingComponent"), QStringLiteral("Operator")},
    };
    if (store.create(kEvents, target.ns, event).ok())
        events.emplace_back(target.ns, name);
    while (events.size() > size_t(std::max(0, keepEvents))) {
        store.remove(kEvents, events.front().first, events.front().second);
        events.pop_front();
    }
}

ChurnGenerator::ChurnGenerator(ResourceStore &store, int changesPerSecond, quint64 seed, int keepEvents)
    : d(std::make_unique<Private>(store, changesPerSecond, seed, keepEvents))
{
}

ChurnGenerator::~ChurnGenerator()
{
    stop();
}

void ChurnGenerator::start()
{
    std::lock_guard guard(d->threadMutex);
    if (d->running || d->changesPerSecond <= 0)
        return;
    d->running = true;
    d->stopRequested = false;
    d->thread = std::thread([this] {
        using Clock = std::chrono::steady_clock;
        const auto tick = std::chrono::milliseconds(10);
        auto started = Clock::now();
        quint64 done = 0;
        std::unique_lock lock(d->threadMutex);
        while (!d->stopRequested) {
            lock.unlock();
            const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
            auto due = quint64(elapsed * d->changesPerSecond);
            if (due > done + quint64(d->changesPerSecond)) {
                // More than a second behind (a stalled machine): drop the debt rather than burst.
                started = Clock::now();
                done = 0;
                due = 0;
            }
            {
                std::lock_guard state(d->mutex);
                for (; done < due; ++done)
                    d->change();
            }
            lock.lock();
            d->wake.wait_for(lock, tick, [this] { return d->stopRequested; });
        }
    });
    qCInfo(lcSandboxServer).noquote() << QStringLiteral("churn: %1 changes per second").arg(d->changesPerSecond);
}

void ChurnGenerator::stop()
{
    {
        std::lock_guard guard(d->threadMutex);
        if (!d->running)
            return;
        d->stopRequested = true;
    }
    d->wake.notify_all();
    d->thread.join();
    std::lock_guard guard(d->threadMutex);
    d->running = false;
}

bool ChurnGenerator::isRunning() const
{
    std::lock_guard guard(d->threadMutex);
    return d->running;
}

void ChurnGenerator::step(int count)
{
    std::lock_guard state(d->mutex);
    for (int i = 0; i < count; ++i)
        d->change();
}

quint64 ChurnGenerator::changes() const
{
    return d->written.load();
}

} // namespace capstan::sandbox
