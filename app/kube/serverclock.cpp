#include "kube/serverclock.h"

#include <QLocale>
#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <limits>

namespace capstan {

namespace {
// Answers closer together than this are merged into one sample (a burst of list pages is one
// observation, and the window keeps a baseline long enough to measure a rate).
constexpr qint64 kMergeWithinMs = 500;
// A rate is measured only over at least this much local time.
constexpr qint64 kMinRateBaselineMs = 2000;
// Beyond this a rate is not a clock but a jump that has not been sorted out yet.
constexpr double kMaxRate = 10000;
} // namespace

QDateTime ServerClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

qint64 ServerClock::nowMs() const
{
    return serverTimeAt(QDateTime::currentMSecsSinceEpoch());
}

qint64 ServerClock::serverTimeAt(qint64 localMs) const
{
    QMutexLocker lock(&m_mutex);
    return localMs + (m_known ? offsetAtLocked(localMs) : 0);
}

qint64 ServerClock::skewMs() const
{
    const qint64 local = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    return m_known ? offsetAtLocked(local) : 0;
}

bool ServerClock::isKnown() const
{
    QMutexLocker lock(&m_mutex);
    return m_known;
}

double ServerClock::driftRate() const
{
    QMutexLocker lock(&m_mutex);
    return m_rate;
}

qint64 ServerClock::uncertaintyMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_widthMs;
}

QDateTime ServerClock::nowOrLocal(const ServerClock *clock)
{
    return clock ? clock->now() : QDateTime::currentDateTimeUtc();
}

qint64 ServerClock::nowMsOrLocal(const ServerClock *clock)
{
    return clock ? clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

qint64 ServerClock::offsetAtLocked(qint64 localMs) const
{
    return m_offsetMs + std::llround(m_rate * double(localMs - m_anchorMs));
}

void ServerClock::observe(const QByteArray &dateHeader, qint64 sentMs, qint64 receivedMs)
{
    const QDateTime date = parseHttpDate(dateHeader);
    if (date.isValid())
        observeServerTime(date.toMSecsSinceEpoch(), sentMs, receivedMs);
}

void ServerClock::observeServerTime(qint64 serverMs, qint64 sentMs, qint64 receivedMs, qint64 resolutionMs)
{
    if (receivedMs < sentMs)
        std::swap(sentMs, receivedMs);
    // The server stamped the answer at some server time in [serverMs, serverMs + resolution) and at
    // some local time in [sentMs, receivedMs].
    const Sample sample{sentMs + (receivedMs - sentMs) / 2, serverMs - receivedMs, serverMs + resolutionMs - sentMs,
                        (receivedMs - sentMs + 1) / 2};
    QMutexLocker lock(&m_mutex);
    if (!m_samples.empty()) {
        Sample &last = m_samples.back();
        if (sample.atMs - last.atMs < kMergeWithinMs && sample.atMs >= last.atMs) {
            const qint64 shift = std::llround(m_rate * double(sample.atMs - last.atMs));
            const qint64 lo = std::max(sample.lo, last.lo + shift);
            const qint64 hi = std::min(sample.hi, last.hi + shift);
            if (lo <= hi) {
                last = {sample.atMs, lo, hi, std::max(sample.halfRttMs, last.halfRttMs)};
                estimateLocked();
                return;
            }
        }
    }
    m_samples.push_back(sample);
    while (m_samples.size() > std::size_t(maxSamples))
        m_samples.pop_front();
    estimateLocked();
}

// The rate at which the server's clock runs against ours (0 when the answers agree with one that
// keeps time with ours), and the window's offset bounds at the newest answer under that rate. False
// when the answers contradict each other.
bool ServerClock::fitLocked(double *rate, qint64 *lo, qint64 *hi) const
{
    const Sample &last = m_samples.back();
    // Rates under which each older answer agrees with the newest one, intersected.
    double slowest = -std::numeric_limits<double>::infinity();
    double fastest = std::numeric_limits<double>::infinity();
    for (const Sample &s : m_samples) {
        const qint64 dt = last.atMs - s.atMs;
        if (dt <= 0)
            continue;
        slowest = std::max(slowest, double(last.lo - s.hi) / double(dt));
        fastest = std::min(fastest, double(last.hi - s.lo) / double(dt));
    }
    if (slowest > fastest)
        return false;
    *rate = 0;
    if (slowest > 0 || fastest < 0)
        *rate = std::isinf(slowest) || std::isinf(fastest) ? (std::isinf(slowest) ? fastest : slowest)
                                                           : (slowest + fastest) / 2;
    if (std::abs(*rate) > kMaxRate)
        return false;
    *lo = std::numeric_limits<qint64>::min();
    *hi = std::numeric_limits<qint64>::max();
    for (const Sample &s : m_samples) {
        // A clock that moves also moves while the answer travels.
        const qint64 slack = std::llround(std::abs(*rate) * double(s.halfRttMs));
        const qint64 shift = std::llround(*rate * double(last.atMs - s.atMs));
        *lo = std::max(*lo, s.lo + shift - slack);
        *hi = std::min(*hi, s.hi + shift + slack);
    }
    return *lo <= *hi;
}

void ServerClock::estimateLocked()
{
    double rate = 0;
    qint64 lo = 0;
    qint64 hi = 0;
    // Older answers that contradict the newer ones go: the clock was corrected or jumped.
    while (!fitLocked(&rate, &lo, &hi) && m_samples.size() > 1)
        m_samples.pop_front();
    const Sample &last = m_samples.back();
    if (rate != 0 && (m_samples.size() < 3 || last.atMs - m_samples.front().atMs < kMinRateBaselineMs)) {
        // Two answers suggest a moving clock, but a jump looks the same: the newest answer alone
        // until a third one over a long enough baseline confirms the rate.
        rate = 0;
        lo = last.lo;
        hi = last.hi;
    }
    m_known = true;
    m_rate = rate;
    m_anchorMs = last.atMs;
    m_offsetMs = lo + (hi - lo) / 2;
    m_widthMs = hi - lo;
}

QDateTime ServerClock::parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    if (text.isEmpty())
        return {};
    const QLocale c = QLocale::c();
    // IMF-fixdate, then the two obsolete forms RFC 7231 §7.1.1.1 asks recipients to accept.
    static const char *const formats[]
        = {"ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"};
    for (const char *format : formats) {
        QDateTime t = c.toDateTime(text, QString::fromLatin1(format));
        if (!t.isValid())
            continue;
        t.setTimeSpec(Qt::UTC);
        // A two-digit year: RFC 7231 reads one more than 50 years ahead as the past century.
        if (t.date().year() < 1970)
            t = t.addYears(100);
        return t;
    }
    return {};
}

QByteArray ServerClock::formatHttpDate(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms - (((ms % 1000) + 1000) % 1000), Qt::UTC);
    return QLocale::c().toString(t, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace capstan
