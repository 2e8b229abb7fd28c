#include "sandbox/prometheusqueryapi.h"

#include "sandbox/metrichistory.h"
#include "sandbox/promql.h"
#include "sandbox/virtualclock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

#include <charconv>
#include <cmath>
#include <limits>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

// The oldest and newest times Prometheus accepts when start or end are left out of a series or labels
// request (its minTime and maxTime, in ms).
constexpr qint64 kMinTimeMs = -9223309901257974LL;
constexpr qint64 kMaxTimeMs = 9223309901257974LL;

constexpr qint64 kMaxPoints = 11000;

QByteArray jsonString(const QString &s)
{
    // QJsonDocument quotes and escapes a string as JSON does; strip the array around it.
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

ProxyResponse success(const QByteArray &data)
{
    return ProxyResponse{200, QByteArray(R"({"status":"success","data":)") + data + '}', "application/json"};
}

ProxyResponse error(int status, const char *type, const QString &message)
{
    return ProxyResponse{
        status, QByteArray(R"({"status":"error","errorType":")") + type + R"(","error":)" + jsonString(message) + '}',
        "application/json"};
}

ProxyResponse badData(const QString &message)
{
    return error(400, "bad_data", message);
}

ProxyResponse invalidParam(const QString &name, const QString &message)
{
    return badData(u"invalid parameter \"%1\": %2"_s.arg(name, message));
}

QString value(const PrometheusQueryApi::Params &params, const QString &name)
{
    for (const auto &[k, v] : params) {
        if (k == name)
            return v;
    }
    return {};
}

bool has(const PrometheusQueryApi::Params &params, const QString &name)
{
    for (const auto &[k, v] : params) {
        if (k == name)
            return true;
    }
    return false;
}

QByteArray metricJson(const PromQl::Labels &labels)
{
    QByteArray out = "{";
    for (const auto &[k, v] : labels) {
        if (out.size() > 1)
            out += ',';
        out += jsonString(k) + ':' + jsonString(v);
    }
    return out + '}';
}

QByteArray point(qint64 t, double v)
{
    return '[' + PrometheusQueryApi::formatTime(t) + ",\"" + PrometheusQueryApi::formatValue(v) + "\"]";
}

// start and end of a series or labels request: optional, defaulting to all time.
bool timeRange(const PrometheusQueryApi::Params &params, qint64 *start, qint64 *end, ProxyResponse *failure)
{
    *start = kMinTimeMs;
    *end = kMaxTimeMs;
    for (const auto &[name, target] : {std::pair{u"start"_s, start}, std::pair{u"end"_s, end}}) {
        const QString text = value(params, name);
        if (text.isEmpty())
            continue;
        if (!PrometheusQueryApi::parseTime(text, target)) {
            *failure = invalidParam(name, u"cannot parse \"%1\" to a valid timestamp"_s.arg(text));
            return false;
        }
    }
    return true;
}

// The match[] selectors; each must be a bare selector.
bool matchers(const PrometheusQueryApi::Params &params, std::vector<std::vector<PromQl::Matcher>> *out,
              ProxyResponse *failure)
{
    for (const auto &[k, v] : params) {
        if (k != u"match[]"_s)
            continue;
        QString message;
        const std::optional<PromQl> q = PromQl::parse(v, &message);
        if (!q) {
            *failure = invalidParam(u"match[]"_s, message);
            return false;
        }
        if (!q->isSelector()) {
            *failure = invalidParam(u"match[]"_s,
                                    u"1:1: parse error: unexpected aggregation, expected a vector "
                                    "selector"_s);
            return false;
        }
        out->push_back(q->selectors().front());
    }
    return true;
}

// The series a series or labels request is about: match[] in start..end.
struct Selection
{
    qint64 start = 0;
    qint64 end = 0;
    std::vector<std::vector<PromQl::Matcher>> match;
};

bool selectionOf(const PrometheusQueryApi::Params &params, Selection *selection, ProxyResponse *failure)
{
    return timeRange(params, &selection->start, &selection->end, failure)
        && matchers(params, &selection->match, failure);
}

QByteArray stringArray(const QStringList &list)
{
    QByteArray out = "[";
    for (const QString &s : list) {
        if (out.size() > 1)
            out += ',';
        out += jsonString(s);
    }
    return out + ']';
}

} // namespace

PrometheusQueryApi::PrometheusQueryApi(const MetricHistory &history, const VirtualClock &clock)
    : m_history(history)
    , m_clock(clock)
{
}

QByteArray PrometheusQueryApi::formatTime(qint64 ms)
{
    // As Prometheus writes it: whole seconds, then the milliseconds when there are any.
    QByteArray out;
    if (ms < 0) {
        out += '-';
        ms = -ms;
    }
    out += QByteArray::number(ms / 1000);
    const qint64 fraction = ms % 1000;
    if (fraction != 0)
        out += '.' + QByteArray::number(fraction).rightJustified(3, '0');
    return out;
}

QByteArray PrometheusQueryApi::formatValue(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    // strconv.FormatFloat(v, 'f', -1, 64): the shortest decimal that reads back as v, no exponent.
    char buffer[400];
    const auto r = std::to_chars(buffer, buffer + sizeof(buffer), v, std::chars_format::fixed);
    return QByteArray(buffer, int(r.ptr - buffer));
}

bool PrometheusQueryApi::parseTime(const QString &text, qint64 *ms)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || std::abs(seconds) > 9.2e15)
            return false;
        *ms = qint64(std::llround(seconds * 1000.0));
        return true;
    }
    // RFC 3339 with an optional fraction of up to nanoseconds (Qt reads milliseconds).
    static const QRegularExpression rfc3339(
        uR"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = rfc3339.match(text);
    if (!m.hasMatch())
        return false;
    QString zone = m.captured(3).toUpper();
    const QDateTime dt = QDateTime::fromString(m.captured(1) + zone, Qt::ISODate);
    if (!dt.isValid())
        return false;
    const QString fraction = m.captured(2);
    *ms = dt.toMSecsSinceEpoch() + (fraction.isEmpty() ? 0 : fraction.left(3).leftJustified(3, u'0').toLongLong());
    return true;
}

bool PrometheusQueryApi::parseDuration(const QString &text, qint64 *ns)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        const double n = seconds * 1e9;
        if (!std::isfinite(n) || n > 9.2e18 || n < -9.2e18)
            return false;
        *ns = qint64(n);
        return true;
    }
    // Prometheus's duration: units from years to milliseconds, each at most once and in this order.
    static const QRegularExpression duration(
        uR"(^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$)"_s);
    const QRegularExpressionMatch m = duration.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return false;
    static const qint64 unitMs[] = {365LL * 86400000, 7LL * 86400000, 86400000, 3600000, 60000, 1000, 1};
    qint64 total = 0;
    for (int i = 0; i < 7; ++i) {
        if (m.capturedLength(i + 1) == 0)
            continue;
        bool numberOk = false;
        const qint64 n = m.captured(i + 1).toLongLong(&numberOk);
        if (!numberOk || n > std::numeric_limits<qint64>::max() / unitMs[i] / 1000000)
            return false;
        total += n * unitMs[i];
    }
    *ns = total * 1000000;
    return true;
}

PrometheusQueryApi::Params PrometheusQueryApi::formParams(const QByteArray &body)
{
    Params out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray k = eq < 0 ? pair : pair.left(eq);
        QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        k.replace('+', ' ');
        v.replace('+', ' ');
        out.append({QUrl::fromPercentEncoding(k), QUrl::fromPercentEncoding(v)});
    }
    return out;
}

ProxyResponse PrometheusQueryApi::handle(const QString &method, const QString &path, const Params &params) const
{
    const QString p = path.startsWith(u'/') ? path.mid(1) : path;
    const bool get = method == u"GET"_s;
    const bool post = method == u"POST"_s;
    const auto methodNotAllowed = [] { return ProxyResponse{405, "Method Not Allowed\n", "text/plain"}; };
    if (p == u"api/v1/status/buildinfo"_s) {
        if (!get)
            return methodNotAllowed();
        return success(R"({"version":"2.53.0","revision":"capstan-sandbox","branch":"HEAD",)"
                       R"("buildUser":"capstan","buildDate":"20260101-00:00:00","goVersion":"go1.22.5"})");
    }
    static const QRegularExpression labelValuesPath(uR"(^api/v1/label/([^/]+)/values$)"_s);
    const QRegularExpressionMatch lv = labelValuesPath.match(p);
    const bool known = p == u"api/v1/query"_s || p == u"api/v1/query_range"_s || p == u"api/v1/series"_s
        || p == u"api/v1/labels"_s || lv.hasMatch();
    if (!known)
        return ProxyResponse{404, "404 page not found\n", "text/plain; charset=utf-8"};
    if (!get && !post)
        return methodNotAllowed();
    if (lv.hasMatch()) {
        if (!get)
            return methodNotAllowed(); // Prometheus serves label values on GET only
        return labelValues(QUrl::fromPercentEncoding(lv.captured(1).toUtf8()), params);
    }
    if (p == u"api/v1/query_range"_s)
        return queryRange(params);
    if (p == u"api/v1/query"_s)
        return queryInstant(params);
    if (p == u"api/v1/series"_s)
        return series(params);
    return labels(params);
}

ProxyResponse PrometheusQueryApi::queryRange(const Params &params) const
{
    qint64 start = 0;
    qint64 end = 0;
    const QString startText = value(params, u"start"_s);
    if (!parseTime(startText, &start))
        return invalidParam(u"start"_s, u"cannot parse \"%1\" to a valid timestamp"_s.arg(startText));
    const QString endText = value(params, u"end"_s);
    if (!parseTime(endText, &end))
        return invalidParam(u"end"_s, u"cannot parse \"%1\" to a valid timestamp"_s.arg(endText));
    if (end < start)
        return badData(u"end timestamp must not be before start time"_s);
    qint64 stepNs = 0;
    const QString stepText = value(params, u"step"_s);
    if (!parseDuration(stepText, &stepNs))
        return invalidParam(u"step"_s, u"cannot parse \"%1\" to a valid duration"_s.arg(stepText));
    if (stepNs <= 0)
        return badData(u"zero or negative query resolution step widths are not accepted. Try a positive integer"_s);
    // For safety, Prometheus limits the number of points per series.
    if ((end - start) * 1000000 / stepNs > kMaxPoints)
        return badData(u"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
                       "resolution (?step=XX)"_s);
    return evaluate(params, start, end, std::max<qint64>(1, stepNs / 1000000), false);
}

ProxyResponse PrometheusQueryApi::evaluate(const Params &params, qint64 start, qint64 end, qint64 stepMs,
                                           bool instant) const
{
    QString message;
    const std::optional<PromQl> q = PromQl::parse(value(params, u"query"_s), &message);
    if (!q)
        return invalidParam(u"query"_s, message);
    const PromQl::Select select = [this](const std::vector<PromQl::Matcher> &m, qint64 minMs, qint64 maxMs) {
        return m_history.select(m, minMs, maxMs);
    };
    const PromQl::Evaluation result = q->evaluate(start, end, stepMs, select, m_maxSamples);
    if (!result.error.isEmpty())
        return error(422, "execution", result.error);
    QByteArray out = instant ? R"({"resultType":"vector","result":[)" : R"({"resultType":"matrix","result":[)";
    bool firstSeries = true;
    for (const PromQl::ResultSeries &s : result.series) {
        if (!firstSeries)
            out += ',';
        firstSeries = false;
        out += R"({"metric":)" + metricJson(s.labels);
        if (instant) {
            out += R"(,"value":)" + point(s.timesMs.front(), s.values.front()) + '}';
            continue;
        }
        out += R"(,"values":[)";
        for (size_t i = 0; i < s.timesMs.size(); ++i) {
            if (i > 0)
                out += ',';
            out += point(s.timesMs[i], s.values[i]);
        }
        out += "]}";
    }
    return success(out + "]}");
}

ProxyResponse PrometheusQueryApi::queryInstant(const Params &params) const
{
    qint64 at = m_clock.nowMs();
    const QString timeText = value(params, u"time"_s);
    if (has(params, u"time"_s) && !timeText.isEmpty() && !parseTime(timeText, &at))
        return invalidParam(u"time"_s, u"cannot parse \"%1\" to a valid timestamp"_s.arg(timeText));
    return evaluate(params, at, at, 1, true);
}

ProxyResponse PrometheusQueryApi::series(const Params &params) const
{
    if (!has(params, u"match[]"_s))
        return badData(u"no match[] parameter provided"_s);
    Selection selection;
    ProxyResponse failure;
    if (!selectionOf(params, &selection, &failure))
        return failure;
    QByteArray out = "[";
    for (const PromQl::Labels &labels : m_history.seriesLabels(selection.match, selection.start, selection.end)) {
        if (out.size() > 1)
            out += ',';
        out += metricJson(labels);
    }
    return success(out + ']');
}

ProxyResponse PrometheusQueryApi::labels(const Params &params) const
{
    Selection selection;
    ProxyResponse failure;
    if (!selectionOf(params, &selection, &failure))
        return failure;
    return success(stringArray(m_history.labelNames(selection.match, selection.start, selection.end)));
}

ProxyResponse PrometheusQueryApi::labelValues(const QString &name, const Params &params) const
{
    static const QRegularExpression labelName(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_s);
    if (!labelName.match(name).hasMatch())
        return badData(u"invalid label name: \"%1\""_s.arg(name));
    Selection selection;
    ProxyResponse failure;
    if (!selectionOf(params, &selection, &failure))
        return failure;
    return success(stringArray(m_history.labelValues(name, selection.match, selection.start, selection.end)));
}

} // namespace capstan::sandbox
