#pragma once

#include "sandbox/operatorsimulation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace capstan::sandbox {

class MetricHistory;
class VirtualClock;

// Prometheus's HTTP query API over the sandbox's MetricHistory, answered in Prometheus's JSON shape:
// /api/v1/query, /api/v1/query_range, /api/v1/series, /api/v1/labels, /api/v1/label/<name>/values
// (GET, or POST with a form-encoded body) and /api/v1/status/buildinfo. Times are RFC 3339 or unix
// seconds with a fraction, durations "15s"/"1m30s" or float seconds, all in the sandbox's virtual time
// (the time of a query defaults to the virtual now). Bad parameters and queries outside the PromQL
// subset answer 400 with errorType bad_data; execution errors 422 with errorType execution; a range of
// more than 11,000 points per series is refused with Prometheus's message.
//
// Thread-safety: handle() may be called from several threads at once.
class PrometheusQueryApi final
{
public:
    using Params = QList<std::pair<QString, QString>>;

    PrometheusQueryApi(const MetricHistory &history, const VirtualClock &clock);

    // path without a leading slash, e.g. "api/v1/query_range".
    ProxyResponse handle(const QString &method, const QString &path, const Params &params) const;

    // The parameters of an application/x-www-form-urlencoded body.
    static Params formParams(const QByteArray &body);

    // The most points one query may load (Prometheus's --query.max-samples, 50,000,000).
    void setMaxSamples(qint64 maxSamples) { m_maxSamples = maxSamples; }

    // Prometheus's wire formats: a timestamp in seconds ("1435781451.781") and a sample value ("0.1",
    // "NaN", "+Inf").
    static QByteArray formatTime(qint64 ms);
    static QByteArray formatValue(double value);
    // Parsers for the time and duration parameters; false for text Prometheus would refuse.
    static bool parseTime(const QString &text, qint64 *ms);
    static bool parseDuration(const QString &text, qint64 *ns);

private:
    ProxyResponse queryRange(const Params &params) const;
    ProxyResponse queryInstant(const Params &params) const;
    // The query's value at start, start + step, … end: a matrix, or for an instant query a vector.
    ProxyResponse evaluate(const Params &params, qint64 start, qint64 end, qint64 stepMs, bool instant) const;
    ProxyResponse series(const Params &params) const;
    ProxyResponse labels(const Params &params) const;
    ProxyResponse labelValues(const QString &name, const Params &params) const;

    const MetricHistory &m_history;
    const VirtualClock &m_clock;
    qint64 m_maxSamples = 50000000;
};

} // namespace capstan::sandbox
