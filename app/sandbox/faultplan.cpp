#include "sandbox/faultplan.h"

#include <QStringList>

#include <algorithm>

namespace capstan::sandbox {

FaultPlan::FaultPlan() = default;
FaultPlan::~FaultPlan() = default;

void FaultPlan::failNextRequests(int count, int httpStatus, int retryAfterSeconds)
{
    std::lock_guard lock(m_mutex);
    m_failCount = std::max(0, count);
    m_failure = {httpStatus, retryAfterSeconds};
}

std::optional<FaultPlan::Failure> FaultPlan::takeFailure()
{
    std::lock_guard lock(m_mutex);
    if (m_failCount <= 0)
        return std::nullopt;
    --m_failCount;
    return m_failure;
}

void FaultPlan::dropWatchStreams(bool midEvent)
{
    {
        std::lock_guard lock(m_mutex);
        ++m_dropGeneration;
        m_dropMidEvent = midEvent;
    }
    wake();
}

void FaultPlan::sendExpiredToWatches()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_expireGeneration;
    }
    wake();
}

void FaultPlan::setWatchesSilent(bool silent)
{
    {
        std::lock_guard lock(m_mutex);
        m_silent = silent;
    }
    wake();
}

bool FaultPlan::watchesSilent() const
{
    std::lock_guard lock(m_mutex);
    return m_silent;
}

void FaultPlan::setLatencyMs(int ms)
{
    std::lock_guard lock(m_mutex);
    m_latencyMs = std::max(0, ms);
}

int FaultPlan::latencyMs() const
{
    std::lock_guard lock(m_mutex);
    return m_latencyMs;
}

void FaultPlan::setBookmarkIntervalMs(int ms)
{
    {
        std::lock_guard lock(m_mutex);
        m_bookmarkIntervalMs = std::max(10, ms);
    }
    wake();
}

int FaultPlan::bookmarkIntervalMs() const
{
    std::lock_guard lock(m_mutex);
    return m_bookmarkIntervalMs;
}

quint64 FaultPlan::dropGeneration() const
{
    std::lock_guard lock(m_mutex);
    return m_dropGeneration;
}

bool FaultPlan::dropMidEvent() const
{
    std::lock_guard lock(m_mutex);
    return m_dropMidEvent;
}

quint64 FaultPlan::expireGeneration() const
{
    std::lock_guard lock(m_mutex);
    return m_expireGeneration;
}

void FaultPlan::countRequest(const QString &verb)
{
    std::lock_guard lock(m_mutex);
    ++m_counts[verb];
}

int FaultPlan::requestCount(const QString &verb) const
{
    std::lock_guard lock(m_mutex);
    return m_counts.value(verb);
}

QHash<QString, int> FaultPlan::requestCounts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

void FaultPlan::resetCounters()
{
    std::lock_guard lock(m_mutex);
    m_counts.clear();
}

void FaultPlan::setPodFault(PodFault fault, const QString &deployment, bool active)
{
    std::lock_guard lock(m_mutex);
    QSet<QString> &names = m_podFaults[int(fault)];
    if (fault == PodFault::TaskManagerOom) {
        if (active)
            ++m_pendingOoms[deployment];
        else
            m_pendingOoms.remove(deployment);
    }
    if (active)
        names.insert(deployment);
    else
        names.remove(deployment);
}

bool FaultPlan::hasPodFault(PodFault fault, const QString &ns, const QString &deployment) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_podFaults.constFind(int(fault));
    return it != m_podFaults.cend() && (it->contains(deployment) || it->contains(ns + QLatin1Char('/') + deployment));
}

bool FaultPlan::takeTaskManagerOom(const QString &ns, const QString &deployment)
{
    std::lock_guard lock(m_mutex);
    for (const QString &key : {deployment, QString(ns + QLatin1Char('/') + deployment)}) {
        const auto it = m_pendingOoms.find(key);
        if (it == m_pendingOoms.end() || *it <= 0)
            continue;
        if (--*it == 0) {
            m_pendingOoms.erase(it);
            m_podFaults[int(PodFault::TaskManagerOom)].remove(key);
        }
        return true;
    }
    return false;
}

void FaultPlan::setPodLogsForbidden(bool forbidden)
{
    std::lock_guard lock(m_mutex);
    m_podLogsForbidden = forbidden;
}

bool FaultPlan::podLogsForbidden() const
{
    std::lock_guard lock(m_mutex);
    return m_podLogsForbidden;
}

bool FaultPlan::apply(const QString &spec, QString *error)
{
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    const QString key = (eq < 0 ? spec : spec.left(eq)).trimmed();
    const QString value = eq < 0 ? QString() : spec.mid(eq + 1).trimmed();
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("invalid fault \"%1\": %2").arg(spec, why);
        return false;
    };
    bool ok = false;
    if (key == QLatin1String("fail")) {
        // STATUSxCOUNT[:RETRYAFTER]
        const QStringList retrySplit = value.split(QLatin1Char(':'));
        const QStringList parts = retrySplit.value(0).split(QLatin1Char('x'));
        if (parts.size() != 2 || retrySplit.size() > 2)
            return fail(QStringLiteral("expected fail=STATUSxCOUNT[:RETRY_AFTER_SECONDS]"));
        bool okStatus = false;
        bool okCount = false;
        bool okRetry = true;
        const int status = parts.at(0).toInt(&okStatus);
        const int count = parts.at(1).toInt(&okCount);
        const int retry = retrySplit.size() == 2 ? retrySplit.at(1).toInt(&okRetry) : -1;
        if (!okStatus || !okCount || !okRetry || status < 400 || status > 599 || count < 0)
            return fail(QStringLiteral("expected fail=STATUSxCOUNT[:RETRY_AFTER_SECONDS]"));
        failNextRequests(count, status, retry);
        return true;
    }
    if (key == QLatin1String("latency")) {
        const int ms = value.toInt(&ok);
        if (!ok || ms < 0)
            return fail(QStringLiteral("expected latency=MILLISECONDS"));
        setLatencyMs(ms);
        return true;
    }
    if (key == QLatin1String("bookmark-interval")) {
        const int ms = value.toInt(&ok);
        if (!ok || ms <= 0)
            return fail(QStringLiteral("expected bookmark-interval=MILLISECONDS"));
        setBookmarkIntervalMs(ms);
        return true;
    }
    if (key == QLatin1String("silent-watches")) {
        setWatchesSilent(value.isEmpty() || value == QLatin1String("1") || value == QLatin1String("true"));
        return true;
    }
    if (key == QLatin1String("drop-watches")) {
        dropWatchStreams(value != QLatin1String("clean"));
        return true;
    }
    if (key == QLatin1String("expire-watches")) {
        sendExpiredToWatches();
        return true;
    }
    static const QHash<QString, PodFault> podFaults{{QStringLiteral("jm-crashloop"), PodFault::JobManagerCrashLoop},
                                                    {QStringLiteral("tm-oom"), PodFault::TaskManagerOom},
                                                    {QStringLiteral("image-pull"), PodFault::ImagePull},
                                                    {QStringLiteral("unschedulable"), PodFault::Unschedulable}};
    if (const auto podFault = podFaults.constFind(key); podFault != podFaults.cend()) {
        QString name = value;
        const bool off = name.endsWith(QLatin1String(":off"));
        if (off)
            name.chop(4);
        if (name.isEmpty())
            return fail(QStringLiteral("expected %1=DEPLOYMENT[:off]").arg(key));
        setPodFault(*podFault, name, !off);
        return true;
    }
    if (key == QLatin1String("forbid-pod-logs")) {
        setPodLogsForbidden(value.isEmpty() || value == QLatin1String("1") || value == QLatin1String("true"));
        return true;
    }
    return fail(QStringLiteral("unknown fault (known: fail, latency, bookmark-interval, silent-watches, "
                               "drop-watches, expire-watches, jm-crashloop, tm-oom, image-pull, unschedulable, "
                               "forbid-pod-logs)"));
}

void FaultPlan::setWakeUp(std::function<void()> wakeUp)
{
    std::lock_guard lock(m_mutex);
    m_wakeUp = std::move(wakeUp);
}

void FaultPlan::wake()
{
    std::function<void()> wakeUp;
    {
        std::lock_guard lock(m_mutex);
        wakeUp = m_wakeUp;
    }
    if (wakeUp)
        wakeUp();
}

} // namespace capstan::sandbox
