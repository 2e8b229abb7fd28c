#pragma once

#include <QDateTime>
#include <QMutex>

#include <deque>

namespace capstan {

// The API server's clock as seen from this computer, for one session. Ages of server-side facts
// (snapshots, events, deployments, job runs, metric samples) are computed against now(), so they
// read right when the computer's clock is off, and on a sandbox whose virtual clock is offset from
// the wall clock or runs faster than it.
//
// Learned from the `Date` header of every API server response (KubeClient observes each reply and
// watch stream): a response stamped D was generated at a server time in [D, D + 1 s) and at a
// local time between sending the request and receiving the answer, which bounds the offset. The
// bounds of recent answers are intersected, so the estimate settles within a few hundred ms
// despite the 1 s resolution and network jitter. A clock that moves steadily against the local one
// (a virtual clock at speed × real time) is followed once three answers agree on its rate; an answer
// outside the current bounds wins over older evidence (a corrected clock, a restarted server).
//
// Thread-safe: written on the session's backend thread, read from the GUI thread. Shared through
// std::shared_ptr; SessionHost::clock() hands it to views. Before the first answer (isKnown()
// false) it is the local clock.
class ServerClock final
{
public:
    ServerClock() = default;
    ServerClock(const ServerClock &) = delete;
    ServerClock &operator=(const ServerClock &) = delete;

    // The server's current time (UTC), and in ms since the epoch.
    QDateTime now() const;
    qint64 nowMs() const;
    // Server time minus local time, in ms (positive: the server is ahead); 0 while unknown.
    qint64 skewMs() const;
    // Whether an answer of the server has been seen.
    bool isKnown() const;
    // Server ms per local ms minus one: 0 for a clock that keeps time with ours.
    double driftRate() const;

    // For views that may have no session: the clock's now, or the local time without a clock.
    static QDateTime nowOrLocal(const ServerClock *clock);
    static qint64 nowMsOrLocal(const ServerClock *clock);

    // One answer: its Date header, and the local times (ms since the epoch) the request was sent and
    // the answer received. A header that does not parse is ignored.
    void observe(const QByteArray &dateHeader, qint64 sentMs, qint64 receivedMs);
    // The same with the server's second already parsed (ms since the epoch, a multiple of 1000 for
    // a Date header; `resolutionMs` is how much later the server's time may have been).
    void observeServerTime(qint64 serverMs, qint64 sentMs, qint64 receivedMs, qint64 resolutionMs = 1000);

    // Parses an HTTP date (IMF-fixdate, RFC 850 or asctime form); invalid when it does not parse.
    static QDateTime parseHttpDate(const QByteArray &value);
    // Formats an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") of the second `ms` falls in.
    static QByteArray formatHttpDate(qint64 ms);

    // The server's time (ms since the epoch) at the local time `localMs`: what now() computes for
    // the local clock's now.
    qint64 serverTimeAt(qint64 localMs) const;
    // The width of the current offset bounds in ms (how sure the estimate is); -1 while unknown.
    qint64 uncertaintyMs() const;

    // Answers kept for the estimate (the oldest are dropped beyond this or when they disagree).
    static constexpr int maxSamples = 32;

private:
    struct Sample
    {
        qint64 atMs; // local time of the answer (middle of send and receive)
        qint64 lo; // offset bounds, ms
        qint64 hi;
        qint64 halfRttMs; // how far from atMs the server may have stamped it
    };
    void estimateLocked();
    qint64 offsetAtLocked(qint64 localMs) const;
    bool fitLocked(double *rate, qint64 *lo, qint64 *hi) const;

    mutable QMutex m_mutex;
    std::deque<Sample> m_samples;
    bool m_known = false;
    qint64 m_anchorMs = 0; // local time the offset below holds at
    qint64 m_offsetMs = 0;
    qint64 m_widthMs = -1;
    double m_rate = 0;
};

} // namespace capstan
