#include "flink/autoscalerstate.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

#include <yaml-cpp/yaml.h>
#include <zlib.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace capstan {

const QString AutoscalerState::kScalingHistoryKey = QStringLiteral("scalingHistory");
const QString AutoscalerState::kScalingTrackingKey = QStringLiteral("scalingTracking");
const QString AutoscalerState::kCollectedMetricsKey = QStringLiteral("collectedMetrics");
const QString AutoscalerState::kParallelismOverridesKey = QStringLiteral("parallelismOverrides");
const QString AutoscalerState::kConfigOverridesKey = QStringLiteral("configOverrides");
const QString AutoscalerState::kDelayedScaleDownKey = QStringLiteral("delayedScaleDown");

namespace {

using Reason = AutoscalerStateError::Reason;

// Raised while reading one key's structure; becomes that key's UnknownFormat error.
struct FormatError
{
    QString message;
};

// Aliases let a few bytes of YAML stand for a huge tree; the walk stops after this many values,
// far more than the operator ever writes (its ConfigMap holds at most 1 MB compressed).
constexpr int kMaxValues = 2000000;

struct Walk
{
    int left = kMaxValues;
    void tick()
    {
        if (--left < 0)
            throw FormatError{QStringLiteral("more than %1 values (aliases?)").arg(kMaxValues)};
    }
};

// ---- decoding: gzip, base64 ------------------------------------------------------------------

struct Decoded
{
    bool ok = false;
    Reason reason = Reason::UnknownFormat;
    QString detail;
    QByteArray data;
};

Decoded failure(Reason reason, const QString &detail = {})
{
    Decoded d;
    d.reason = reason;
    d.detail = detail;
    return d;
}

bool hasGzipMagic(const char *data, qsizetype size)
{
    return size >= 2 && uchar(data[0]) == 0x1f && uchar(data[1]) == 0x8b;
}

// Inflates every gzip member in turn (Java's GZIPInputStream reads concatenated members and ignores
// bytes after the last one, so this does too).
Decoded gunzip(const QByteArray &in)
{
    if (!hasGzipMagic(in.constData(), in.size()))
        return failure(Reason::NotGzip);
    if (in.size() > qsizetype(std::numeric_limits<uInt>::max()))
        return failure(Reason::TooLarge);

    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return failure(Reason::Corrupt, QStringLiteral("zlib could not start"));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());

    Decoded out;
    char buffer[64 * 1024];
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const qsizetype produced = qsizetype(sizeof buffer - zs.avail_out);
        if (out.data.size() + produced > AutoscalerState::kMaxDecompressedBytes) {
            inflateEnd(&zs);
            return failure(Reason::TooLarge);
        }
        out.data.append(buffer, produced);
        if (rc == Z_STREAM_END) {
            const auto *next = reinterpret_cast<const char *>(zs.next_in);
            if (zs.avail_in >= 2 && hasGzipMagic(next, zs.avail_in) && inflateReset(&zs) == Z_OK)
                continue;
            break;
        }
        if (rc == Z_OK)
            continue;
        const QString message = zs.msg ? QString::fromLatin1(zs.msg) : QString();
        inflateEnd(&zs);
        // Z_BUF_ERROR: no progress possible, and output space there was, so the input ran out.
        if (rc == Z_BUF_ERROR)
            return failure(Reason::Truncated);
        return failure(Reason::Corrupt, message);
    }
    inflateEnd(&zs);
    out.ok = true;
    return out;
}

// ---- YAML scalars in Jackson's forms ------------------------------------------------------

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

QString scalar(const YAML::Node &node, const QString &what)
{
    if (!node.IsDefined())
        throw FormatError{QStringLiteral("%1 is missing").arg(what)};
    if (!node.IsScalar())
        throw FormatError{QStringLiteral("%1 is not a single value").arg(what)};
    return text(node);
}

QString shortened(const QString &s)
{
    return s.size() > 40 ? s.left(37) + QStringLiteral("…") : s;
}

bool isVertexId(const QString &s)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return hex.match(s).hasMatch();
}

QString vertexId(const YAML::Node &key)
{
    const QString id = scalar(key, QStringLiteral("a vertex key"));
    if (!isVertexId(id))
        throw FormatError{QStringLiteral("\"%1\" is not a job vertex id").arg(shortened(id))};
    return id.toLower();
}

int integer(const YAML::Node &node, const QString &what)
{
    static const QRegularExpression digits(QStringLiteral("^[-+]?[0-9]{1,10}$"));
    const QString s = scalar(node, what).trimmed();
    bool ok = false;
    const int value = digits.match(s).hasMatch() ? s.toInt(&ok) : 0;
    if (!ok)
        throw FormatError{QStringLiteral("%1 is not a whole number: \"%2\"").arg(what, shortened(s))};
    return value;
}

// Jackson writes doubles with Java's Double.toString: 1200.0, 1.5E7, NaN, Infinity.
double number(const YAML::Node &node, const QString &what)
{
    static const QRegularExpression decimal(
        QStringLiteral("^[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"));
    if (node.IsDefined() && node.IsNull())
        return std::numeric_limits<double>::quiet_NaN();
    const QString s = scalar(node, what).trimmed();
    if (s == QLatin1String("NaN") || s.compare(QLatin1String(".nan"), Qt::CaseInsensitive) == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const bool negative = s.startsWith(QLatin1Char('-'));
    const QString magnitude = (negative || s.startsWith(QLatin1Char('+'))) ? s.mid(1) : s;
    if (magnitude == QLatin1String("Infinity") || magnitude.compare(QLatin1String(".inf"), Qt::CaseInsensitive) == 0)
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = decimal.match(s).hasMatch() ? s.toDouble(&ok) : 0;
    if (!ok)
        throw FormatError{QStringLiteral("%1 is not a number: \"%2\"").arg(what, shortened(s))};
    return value;
}

bool boolean(const YAML::Node &node, const QString &what)
{
    const QString s = scalar(node, what).trimmed();
    if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return false;
    throw FormatError{QStringLiteral("%1 is not true or false: \"%2\"").arg(what, shortened(s))};
}

// Years a QDateTime and an ISO instant both spell the same way.
bool plausible(const QDateTime &t)
{
    return t.isValid() && t.date().year() >= 1 && t.date().year() <= 9999;
}

// "<seconds>[.<fraction>]" in milliseconds, for epoch instants and durations.
bool decimalSecondsMs(const QString &s, qint64 *ms)
{
    static const QRegularExpression decimal(QStringLiteral("^(-?)([0-9]{1,12})(?:\\.([0-9]{1,9}))?$"));
    const QRegularExpressionMatch m = decimal.match(s);
    if (!m.hasMatch())
        return false;
    const qint64 millis = m.captured(2).toLongLong() * 1000 + m.captured(3).leftJustified(3, u'0').left(3).toInt();
    *ms = m.captured(1).isEmpty() ? millis : -millis;
    return true;
}

// An Instant: ISO-8601 ("2024-03-05T10:15:30.123456Z", Instant.toString, how map keys are written) or
// decimal epoch seconds ("1709633730.123456000", how Jackson writes Instant values).
QDateTime instant(const QString &raw, const QString &what)
{
    static const QRegularExpression iso(QStringLiteral(
        "^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?Z$"));
    const QString s = raw.trimmed();
    QDateTime t;
    if (const QRegularExpressionMatch m = iso.match(s); m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(),
                         m.captured(7).leftJustified(3, u'0').left(3).toInt());
        if (date.isValid() && time.isValid())
            t = QDateTime(date, time, QTimeZone::utc());
    } else if (qint64 ms = 0; decimalSecondsMs(s, &ms)) {
        t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    }
    if (!plausible(t))
        throw FormatError{QStringLiteral("%1 is not a point in time: \"%2\"").arg(what, shortened(s))};
    return t;
}

QDateTime instant(const YAML::Node &node, const QString &what)
{
    return instant(scalar(node, what), what);
}

// A Duration: decimal seconds (Jackson's default) or ISO-8601 ("PT1M5.5S").
qint64 durationMs(const YAML::Node &node, const QString &what)
{
    static const QRegularExpression iso(
        QStringLiteral("^PT(?:([0-9]{1,9})H)?(?:([0-9]{1,9})M)?(?:([0-9]{1,12})(?:\\.([0-9]{1,9}))?S)?$"));
    const QString s = scalar(node, what).trimmed();
    qint64 ms = 0;
    if (decimalSecondsMs(s, &ms)) {
        if (ms < 0)
            throw FormatError{QStringLiteral("%1 is negative: \"%2\"").arg(what, shortened(s))};
        return ms;
    }
    if (const QRegularExpressionMatch m = iso.match(s); m.hasMatch() && s.size() > 2)
        return ((m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 60 + m.captured(3).toLongLong()) * 1000
            + m.captured(4).leftJustified(3, u'0').left(3).toInt();
    throw FormatError{QStringLiteral("%1 is not a duration: \"%2\"").arg(what, shortened(s))};
}

// A mapping to walk; null (an omitted or empty value) is an empty one.
bool mapping(const YAML::Node &node, const QString &what)
{
    if (!node.IsDefined() || node.IsNull())
        return false;
    if (!node.IsMap())
        throw FormatError{QStringLiteral("%1 is not a mapping").arg(what)};
    return true;
}

// ---- the keys ------------------------------------------------------------------------------

// Map<JobVertexID, SortedMap<Instant, ScalingSummary>>
void readScalingHistory(const YAML::Node &root, AutoscalerState *state, Walk *walk)
{
    QMap<QString, QMap<QDateTime, AutoscalerScaling>> history;
    if (mapping(root, QStringLiteral("the document"))) {
        for (auto v = root.begin(); v != root.end(); ++v) {
            walk->tick();
            const QString vertex = vertexId(v->first);
            const QString where = QStringLiteral("vertex %1").arg(vertex);
            QMap<QDateTime, AutoscalerScaling> &entries = history[vertex];
            const YAML::Node perTime = v->second;
            if (!mapping(perTime, where))
                continue;
            for (auto e = perTime.begin(); e != perTime.end(); ++e) {
                walk->tick();
                const QDateTime time = instant(e->first, where + QStringLiteral(": a decision time"));
                const QString at = where + QLatin1Char(' ') + text(e->first);
                AutoscalerScaling scaling;
                const YAML::Node summary = e->second;
                if (mapping(summary, at)) {
                    for (auto f = summary.begin(); f != summary.end(); ++f) {
                        walk->tick();
                        const QString field = scalar(f->first, at + QStringLiteral(": a field name"));
                        if (field == QLatin1String("currentParallelism")) {
                            scaling.fromParallelism = integer(f->second, at + QStringLiteral(": currentParallelism"));
                        } else if (field == QLatin1String("newParallelism")) {
                            scaling.toParallelism = integer(f->second, at + QStringLiteral(": newParallelism"));
                        } else if (field == QLatin1String("metrics")
                                   && mapping(f->second, at + QStringLiteral(": metrics"))) {
                            const YAML::Node metrics = f->second;
                            for (auto m = metrics.begin(); m != metrics.end(); ++m) {
                                walk->tick();
                                const QString name = scalar(m->first, at + QStringLiteral(": a metric name"));
                                const QString of = at + QStringLiteral(": ") + shortened(name);
                                AutoscalerMetricValue value;
                                const YAML::Node evaluated = m->second;
                                if (mapping(evaluated, of)) {
                                    for (auto p = evaluated.begin(); p != evaluated.end(); ++p) {
                                        walk->tick();
                                        const QString part = scalar(p->first, of);
                                        if (part == QLatin1String("current"))
                                            value.current = number(p->second, of + QStringLiteral(" current"));
                                        else if (part == QLatin1String("average"))
                                            value.average = number(p->second, of + QStringLiteral(" average"));
                                    }
                                }
                                scaling.metrics.insert(name, value);
                            }
                        }
                        // Later releases may add fields; what is known is still shown.
                    }
                }
                entries.insert(time, scaling);
            }
        }
    }
    state->scalingHistory = std::move(history);
}

// ScalingTracking{scalingRecords: SortedMap<Instant, ScalingRecord{endTime | restartDuration}>}
void readScalingTracking(const YAML::Node &root, AutoscalerState *state, Walk *walk)
{
    QMap<QDateTime, AutoscalerScalingRecord> records;
    if (mapping(root, QStringLiteral("the document"))) {
        const YAML::Node list = root["scalingRecords"];
        if (mapping(list, QStringLiteral("scalingRecords"))) {
            for (auto r = list.begin(); r != list.end(); ++r) {
                walk->tick();
                const QDateTime start = instant(r->first, QStringLiteral("a scaling time"));
                const QString at = QStringLiteral("scaling ") + text(r->first);
                AutoscalerScalingRecord record;
                const YAML::Node fields = r->second;
                if (mapping(fields, at)) {
                    for (auto f = fields.begin(); f != fields.end(); ++f) {
                        walk->tick();
                        const QString field = scalar(f->first, at + QStringLiteral(": a field name"));
                        if (f->second.IsNull())
                            continue;
                        if (field == QLatin1String("endTime"))
                            record.endTime = instant(f->second, at + QStringLiteral(": endTime"));
                        else if (field == QLatin1String("restartDuration"))
                            record.restartDurationMs = durationMs(f->second, at + QStringLiteral(": restartDuration"));
                    }
                }
                records.insert(start, record);
            }
        }
    }
    state->scalingRecords = std::move(records);
}

// SortedMap<Instant, CollectedMetrics{vertexMetrics: Map<JobVertexID, Map<ScalingMetric, Double>>, …}>
void readCollectedMetrics(const YAML::Node &root, AutoscalerState *state, Walk *walk)
{
    QMap<QDateTime, QMap<QString, QMap<QString, double>>> windows;
    if (mapping(root, QStringLiteral("the document"))) {
        for (auto w = root.begin(); w != root.end(); ++w) {
            walk->tick();
            const QDateTime time = instant(w->first, QStringLiteral("a collection time"));
            const QString at = QStringLiteral("metrics of ") + text(w->first);
            QMap<QString, QMap<QString, double>> &perVertex = windows[time];
            const YAML::Node collected = w->second;
            if (!mapping(collected, at))
                continue;
            const YAML::Node vertices = collected["vertexMetrics"];
            if (!mapping(vertices, at + QStringLiteral(": vertexMetrics")))
                continue;
            for (auto v = vertices.begin(); v != vertices.end(); ++v) {
                walk->tick();
                const QString vertex = vertexId(v->first);
                QMap<QString, double> &values = perVertex[vertex];
                const YAML::Node metrics = v->second;
                if (!mapping(metrics, at + QLatin1Char(' ') + vertex))
                    continue;
                for (auto m = metrics.begin(); m != metrics.end(); ++m) {
                    walk->tick();
                    const QString name = scalar(m->first, at + QStringLiteral(": a metric name"));
                    values.insert(name, number(m->second, at + QLatin1Char(' ') + vertex + QLatin1Char(' ') + name));
                }
            }
        }
    }
    state->collectedMetrics = std::move(windows);
}

// ConfigChanges{overrides: Map<String, String>, removals: Set<String>}; a flat map of Flink options
// (what the first memory-tuning release stored) is taken as overrides.
void readConfigOverrides(const YAML::Node &root, AutoscalerState *state, Walk *walk)
{
    QMap<QString, QString> overrides;
    QStringList removals;
    auto readOverrides = [&](const YAML::Node &map, const QString &what) {
        if (!mapping(map, what))
            return;
        for (auto o = map.begin(); o != map.end(); ++o) {
            walk->tick();
            const QString key = scalar(o->first, QStringLiteral("an option name"));
            overrides.insert(key, o->second.IsNull() ? QString() : scalar(o->second, key));
        }
    };
    if (mapping(root, QStringLiteral("the document"))) {
        const bool structured = root["overrides"].IsDefined() || root["removals"].IsDefined();
        if (structured) {
            readOverrides(root["overrides"], QStringLiteral("overrides"));
            const YAML::Node removed = root["removals"];
            if (removed.IsDefined() && !removed.IsNull()) {
                if (!removed.IsSequence())
                    throw FormatError{QStringLiteral("removals is not a list")};
                for (const YAML::Node &item : removed) {
                    walk->tick();
                    removals.append(scalar(item, QStringLiteral("a removal")));
                }
            }
        } else {
            readOverrides(root, QStringLiteral("the document"));
        }
    }
    removals.sort();
    removals.removeDuplicates();
    state->configOverrides = std::move(overrides);
    state->configRemovals = std::move(removals);
}

// DelayedScaleDown{delayedVertices: Map<JobVertexID, {firstTriggerTime, recommendedParallelisms |
// maxRecommendedParallelism}>} (the latter before 1.11).
void readDelayedScaleDown(const YAML::Node &root, AutoscalerState *state, Walk *walk)
{
    QMap<QString, AutoscalerDelayedScaleDown> delayed;
    if (mapping(root, QStringLiteral("the document"))) {
        const YAML::Node vertices = root["delayedVertices"];
        if (mapping(vertices, QStringLiteral("delayedVertices"))) {
            for (auto v = vertices.begin(); v != vertices.end(); ++v) {
                walk->tick();
                const QString vertex = vertexId(v->first);
                const QString at = QStringLiteral("vertex ") + vertex;
                AutoscalerDelayedScaleDown info;
                const YAML::Node fields = v->second;
                if (mapping(fields, at)) {
                    for (auto f = fields.begin(); f != fields.end(); ++f) {
                        walk->tick();
                        const QString field = scalar(f->first, at + QStringLiteral(": a field name"));
                        if (f->second.IsNull())
                            continue;
                        if (field == QLatin1String("firstTriggerTime")) {
                            info.firstTriggerTime = instant(f->second, at + QStringLiteral(": firstTriggerTime"));
                        } else if (field == QLatin1String("maxRecommendedParallelism")) {
                            info.maxRecommendedParallelism
                                = integer(f->second, at + QStringLiteral(": maxRecommendedParallelism"));
                        } else if (field == QLatin1String("recommendedParallelisms")) {
                            const YAML::Node list = f->second; // a copy: the iterator yields temporaries
                            if (!list.IsSequence())
                                throw FormatError{at + QStringLiteral(": recommendedParallelisms is not a list")};
                            for (const YAML::Node &item : list) {
                                walk->tick();
                                const QString of = at + QStringLiteral(": a recommendation");
                                if (!mapping(item, of))
                                    throw FormatError{of + QStringLiteral(" is empty")};
                                AutoscalerDelayedScaleDown::Recommendation r;
                                r.triggerTime = instant(item["triggerTime"], of + QStringLiteral(" triggerTime"));
                                r.parallelism = integer(item["parallelism"], of + QStringLiteral(" parallelism"));
                                if (item["outsideUtilizationBound"].IsDefined())
                                    r.outsideUtilizationBound
                                        = boolean(item["outsideUtilizationBound"],
                                                  of + QStringLiteral(" outsideUtilizationBound"));
                                info.recommendations.append(r);
                            }
                        }
                    }
                } else if (fields.IsDefined() && !fields.IsNull()) {
                    info.firstTriggerTime = instant(fields, at);
                }
                // From 1.11 the list holds the window; the single field is older releases'.
                if (!info.recommendations.isEmpty()) {
                    info.maxRecommendedParallelism = info.recommendations.first().parallelism;
                    for (const auto &r : std::as_const(info.recommendations))
                        info.maxRecommendedParallelism = std::max(info.maxRecommendedParallelism, r.parallelism);
                }
                delayed.insert(vertex, info);
            }
        }
    }
    state->delayedScaleDown = std::move(delayed);
}

// Flink's StructuredOptionsSplitter: items separated by delim, each unquoted (trimmed, no quotes
// inside) or in '…' or "…" with the quote doubled inside. False for text Flink refuses.
bool splitEscaped(const QString &s, QChar delim, QStringList *items)
{
    struct Token
    {
        bool delimiter;
        QString text;
    };
    QList<Token> tokens;
    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s.at(i);
        if (c == u'\'' || c == u'"') {
            QString value;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < s.size()) {
                if (s.at(j) == c) {
                    if (j + 1 < s.size() && s.at(j + 1) == c) {
                        value.append(c);
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                value.append(s.at(j++));
            }
            if (!closed)
                return false;
            tokens.append(Token{false, value});
            i = j;
        } else if (c == delim) {
            tokens.append(Token{true, {}});
            ++i;
        } else if (c.isSpace()) {
            ++i;
        } else {
            qsizetype j = i;
            while (j < s.size() && s.at(j) != delim) {
                if (s.at(j) == u'\'' || s.at(j) == u'"')
                    return false;
                ++j;
            }
            tokens.append(Token{false, s.mid(i, j - i).trimmed()});
            i = j;
        }
    }
    items->clear();
    if (tokens.isEmpty())
        return true;
    QString current;
    bool haveValue = false;
    for (const Token &t : std::as_const(tokens)) {
        if (t.delimiter) {
            items->append(current);
            current.clear();
            haveValue = false;
        } else {
            if (haveValue)
                return false; // two values without a delimiter: "'a' b"
            current = t.text;
            haveValue = true;
        }
    }
    items->append(current);
    return true;
}

// "vertexId:parallelism,…", Flink's string form of a Map<String, String>. The operator drops entries
// whose parallelism is no positive number; an entry that is no pair makes the whole value unreadable.
void readParallelismOverrides(const QString &value, AutoscalerState *state)
{
    QStringList entries;
    if (!splitEscaped(value, u',', &entries))
        throw FormatError{QStringLiteral("quotes do not pair up")};
    QMap<QString, int> overrides;
    QStringList warnings;
    for (const QString &entry : std::as_const(entries)) {
        QStringList pair;
        if (!splitEscaped(entry, u':', &pair) || pair.size() != 2)
            throw FormatError{QStringLiteral("\"%1\" is not vertexId:parallelism").arg(shortened(entry))};
        bool ok = false;
        const int parallelism = pair.at(1).trimmed().toInt(&ok);
        if (!ok || parallelism <= 0) {
            warnings.append(
                QStringLiteral("%1: \"%2\" for %3 is not a parallelism; the operator ignores it")
                    .arg(AutoscalerState::kParallelismOverridesKey, shortened(pair.at(1)), shortened(pair.at(0))));
            continue;
        }
        overrides.insert(pair.at(0), parallelism);
    }
    state->parallelismOverrides = std::move(overrides);
    state->warnings.append(warnings);
}

// ---- YAML in Jackson's layout ----------------------------------------------------------------

// A double-quoted YAML scalar. Characters YAML readers treat specially (controls, line and paragraph
// separators, the byte-order mark, noncharacters) are escaped, the rest is UTF-8.
QByteArray quoted(const QString &s)
{
    QByteArray out = "\"";
    const QList<uint> codes = s.toUcs4();
    for (const uint c : codes) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
        } else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff || QChar::isNonCharacter(c)
                   || QChar::isSurrogate(c)) {
            out += c > 0xffff ? "\\U" + QByteArray::number(c, 16).rightJustified(8, '0')
                              : "\\u" + QByteArray::number(c, 16).rightJustified(4, '0');
        } else {
            const char32_t one = c;
            out += QString::fromUcs4(&one, 1).toUtf8();
        }
    }
    out += '"';
    return out;
}

// Jackson writes a mapping key plain unless YAML would read it as something else.
QByteArray key(const QString &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.\\-/]*$"));
    static const QRegularExpression reserved(QStringLiteral("^(?:y|n|yes|no|on|off|true|false|null)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (plain.match(s).hasMatch() && !reserved.match(s).hasMatch())
        return s.toUtf8();
    return quoted(s);
}

// Java's Double.toString: shortest digits, ".0" for whole numbers, scientific outside [1e-3, 1e7).
QByteArray javaDouble(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    const double magnitude = std::fabs(d);
    if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7)) {
        QByteArray s = QByteArray::number(d, 'f', QLocale::FloatingPointShortest);
        if (!s.contains('.'))
            s += ".0";
        if (d == 0 && std::signbit(d) && !s.startsWith('-'))
            s.prepend('-');
        return s;
    }
    QByteArray s = QByteArray::number(d, 'e', QLocale::FloatingPointShortest); // "1.5e+07"
    const qsizetype e = s.indexOf('e');
    QByteArray mantissa = s.left(e);
    if (!mantissa.contains('.'))
        mantissa += ".0";
    const int exponent = s.mid(e + 1).toInt();
    return mantissa + 'E' + QByteArray::number(exponent);
}

// Instant.toString: "2024-03-05T10:15:30Z", "2024-03-05T10:15:30.120Z" (milliseconds here).
QByteArray instantKey(const QDateTime &t)
{
    const QDateTime utc = t.toUTC();
    const int ms = utc.time().msec();
    QString s = utc.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    if (ms)
        s += QLatin1Char('.') + QString::number(ms).rightJustified(3, u'0');
    return quoted(s + QLatin1Char('Z'));
}

// Jackson's Instant and Duration values: decimal seconds with nanoseconds.
QByteArray decimalSeconds(qint64 ms)
{
    const qint64 magnitude = ms < 0 ? -ms : ms;
    return (ms < 0 ? "-" : "") + QByteArray::number(magnitude / 1000) + '.'
        + QByteArray::number((magnitude % 1000) * 1000000).rightJustified(9, '0');
}

QByteArray instantValue(const QDateTime &t)
{
    return decimalSeconds(t.toMSecsSinceEpoch());
}

QByteArray indent(int level)
{
    return QByteArray(level * 2, ' ');
}

// A mapping key at level, up to its colon. SnakeYAML, which Jackson writes with, spells a key of 128
// characters or more as an explicit "? key" (YAML readers refuse longer implicit keys).
QByteArray mapKey(int level, const QString &name)
{
    const QByteArray k = key(name);
    if (k.size() < 128)
        return indent(level) + k + ':';
    return indent(level) + "? " + k + '\n' + indent(level) + ':';
}

// Ends the line of a mapping's key: " {}" when the mapping is empty (Jackson writes it so), else a
// line break before its entries. True when entries follow.
bool opens(QByteArray &y, bool empty)
{
    y += empty ? " {}\n" : "\n";
    return !empty;
}

// Flink's quoting of a map's items (ConfigurationUtils, StructuredOptionsSplitter.escapeWithSingleQuote):
// key and value against ':', then the pair against ','. Blank or padded text is quoted too, so
// that the splitter's trimming keeps it.
QString flinkEscaped(const QString &s, QChar delim)
{
    const bool plain
        = !s.isEmpty() && !s.contains(delim) && !s.contains(u'\'') && !s.contains(u'"') && s.trimmed() == s;
    if (plain)
        return s;
    QString inner = s;
    inner.replace(QLatin1String("'"), QLatin1String("''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

AutoscalerStateError makeError(const QString &key, Reason reason, const QString &detail = {})
{
    AutoscalerStateError e;
    e.key = key;
    e.reason = reason;
    e.detail = detail;
    return e;
}

QString yamlProblem(const YAML::Exception &e)
{
    const QString message = QString::fromStdString(e.msg);
    if (e.mark.is_null())
        return message;
    return QStringLiteral("line %1, column %2: %3").arg(e.mark.line + 1).arg(e.mark.column + 1).arg(message);
}

using Reader = void (*)(const YAML::Node &, AutoscalerState *, Walk *);

// Reads one YAML key into state; on failure state keeps that part empty and gets the error.
bool readYaml(const QString &key, const QByteArray &yaml, Reader reader, AutoscalerState *state,
              AutoscalerStateError *error)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        *error = makeError(key, Reason::NotYaml, yamlProblem(e));
        return false;
    }
    if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
        *error = makeError(key, Reason::UnknownFormat, QStringLiteral("the document is not a mapping"));
        return false;
    }
    Walk walk;
    try {
        // Each reader assigns its part of state only once the whole key has been read.
        reader(root, state, &walk);
    } catch (const FormatError &e) {
        *error = makeError(key, Reason::UnknownFormat, e.message);
        return false;
    } catch (const YAML::Exception &e) {
        *error = makeError(key, Reason::UnknownFormat, yamlProblem(e));
        return false;
    }
    return true;
}

bool isPlainYamlMapping(const QString &value)
{
    try {
        const YAML::Node root = YAML::Load(value.toStdString());
        return root.IsMap();
    } catch (const YAML::Exception &) {
        return false;
    }
}

// A compressed key: base64 of gzip of YAML, or (written before compression came) plain YAML, which the
// operator falls back to whenever decompressing fails.
void readCompressed(const QString &key, const QString &value, Reader reader, AutoscalerState *state)
{
    if (value.trimmed().isEmpty())
        return;
    bool ascii = true;
    for (const QChar c : value)
        ascii = ascii && c.unicode() < 0x80;
    const QByteArray::FromBase64Result base64 = ascii
        ? QByteArray::fromBase64Encoding(value.toLatin1(),
                                         QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors)
        : QByteArray::FromBase64Result{};
    const bool isBase64 = ascii && base64.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
    AutoscalerStateError error;
    if (isBase64 && hasGzipMagic(base64.decoded.constData(), base64.decoded.size())) {
        const Decoded inflated = gunzip(base64.decoded);
        if (!inflated.ok) {
            state->errors.append(makeError(key, inflated.reason, inflated.detail));
            return;
        }
        if (!readYaml(key, inflated.data, reader, state, &error))
            state->errors.append(error);
        return;
    }
    if (isPlainYamlMapping(value)) {
        if (!readYaml(key, value.toUtf8(), reader, state, &error))
            state->errors.append(error);
        return;
    }
    state->errors.append(makeError(key, isBase64 ? Reason::NotGzip : Reason::NotBase64));
}

void readPlain(const QString &key, const QString &value, Reader reader, AutoscalerState *state)
{
    if (value.trimmed().isEmpty())
        return;
    AutoscalerStateError error;
    if (!readYaml(key, value.toUtf8(), reader, state, &error))
        state->errors.append(error);
}

} // namespace

qint64 AutoscalerScalingRecord::restartMs(const QDateTime &start) const
{
    if (restartDurationMs >= 0)
        return restartDurationMs;
    if (endTime.isValid() && start.isValid())
        return start.msecsTo(endTime);
    return -1;
}

QString AutoscalerStateError::describe(Reason reason)
{
    switch (reason) {
    case Reason::NotText:
        return QStringLiteral("not text");
    case Reason::NotBase64:
        return QStringLiteral("neither base64-encoded gzip data nor YAML");
    case Reason::NotGzip:
        return QStringLiteral("not gzip data");
    case Reason::Truncated:
        return QStringLiteral("truncated gzip data");
    case Reason::Corrupt:
        return QStringLiteral("corrupt gzip data");
    case Reason::TooLarge:
        return QStringLiteral("larger than %1 MiB decompressed")
            .arg(AutoscalerState::kMaxDecompressedBytes / (1024 * 1024));
    case Reason::NotYaml:
        return QStringLiteral("not YAML");
    case Reason::UnknownFormat:
        return QStringLiteral("unknown format");
    }
    return QStringLiteral("unknown format");
}

QString AutoscalerStateError::toString() const
{
    QString s = key + QStringLiteral(": ") + describe(reason);
    if (!detail.isEmpty())
        s += QStringLiteral(": ") + detail;
    return s;
}

QString AutoscalerState::configMapName(const QString &deploymentName)
{
    return QStringLiteral("autoscaler-") + deploymentName;
}

AutoscalerState AutoscalerState::fromConfigMap(const QJsonObject &configMap)
{
    return fromData(configMap.value(QLatin1String("data")).toObject());
}

AutoscalerState AutoscalerState::fromData(const QJsonObject &data)
{
    struct Key
    {
        const QString &name;
        Reader reader;
        bool compressed;
    };
    const Key keys[] = {
        {kScalingHistoryKey, readScalingHistory, true},      {kScalingTrackingKey, readScalingTracking, true},
        {kCollectedMetricsKey, readCollectedMetrics, true},  {kConfigOverridesKey, readConfigOverrides, false},
        {kDelayedScaleDownKey, readDelayedScaleDown, false},
    };
    AutoscalerState state;
    auto valueOf = [&](const QString &key, QString *value) {
        const QJsonValue v = data.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isString()) {
            state.errors.append(makeError(key, Reason::NotText));
            return false;
        }
        *value = v.toString();
        return true;
    };
    for (const Key &key : keys) {
        QString value;
        if (!valueOf(key.name, &value))
            continue;
        try {
            if (key.compressed)
                readCompressed(key.name, value, key.reader, &state);
            else
                readPlain(key.name, value, key.reader, &state);
        } catch (const std::exception &e) { // bad_alloc and the like: this key only
            state.errors.append(makeError(key.name, Reason::UnknownFormat, QString::fromLocal8Bit(e.what())));
        } catch (...) {
            state.errors.append(makeError(key.name, Reason::UnknownFormat));
        }
    }
    if (QString value; valueOf(kParallelismOverridesKey, &value)) {
        try {
            readParallelismOverrides(value, &state);
        } catch (const FormatError &e) {
            state.parallelismOverrides.clear();
            state.errors.append(makeError(kParallelismOverridesKey, Reason::UnknownFormat, e.message));
        }
    }
    return state;
}

QByteArray AutoscalerState::encodeCompressed(const QByteArray &yaml)
{
    z_stream zs{};
    // Java's GZIPOutputStream: default level, no file name or time, OS byte 0.
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    gz_header header{};
    header.os = 0;
    deflateSetHeader(&zs, &header);
    QByteArray out;
    out.resize(qsizetype(deflateBound(&zs, uLong(yaml.size()))));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(yaml.constData()));
    zs.avail_in = uInt(yaml.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return {};
    return out.toBase64();
}

QByteArray AutoscalerState::scalingHistoryYaml() const
{
    QByteArray y = "---";
    if (!opens(y, scalingHistory.isEmpty()))
        return y;
    for (auto v = scalingHistory.cbegin(); v != scalingHistory.cend(); ++v) {
        y += mapKey(0, v.key());
        if (!opens(y, v->isEmpty()))
            continue;
        for (auto e = v->cbegin(); e != v->cend(); ++e) {
            y += indent(1) + instantKey(e.key()) + ":\n";
            y += indent(2) + "currentParallelism: " + QByteArray::number(e->fromParallelism) + '\n';
            y += indent(2) + "newParallelism: " + QByteArray::number(e->toParallelism) + '\n';
            if (e->metrics.isEmpty())
                continue;
            y += indent(2) + "metrics:\n";
            for (auto m = e->metrics.cbegin(); m != e->metrics.cend(); ++m) {
                y += mapKey(3, m.key()) + '\n';
                y += indent(4) + "current: " + javaDouble(m->current) + '\n';
                y += indent(4) + "average: " + javaDouble(m->average) + '\n';
            }
        }
    }
    return y;
}

QByteArray AutoscalerState::scalingTrackingYaml() const
{
    QByteArray y = "---\nscalingRecords:";
    if (!opens(y, scalingRecords.isEmpty()))
        return y;
    for (auto r = scalingRecords.cbegin(); r != scalingRecords.cend(); ++r) {
        y += indent(1) + instantKey(r.key()) + ':';
        if (!opens(y, !r->endTime.isValid() && r->restartDurationMs < 0))
            continue;
        if (r->endTime.isValid())
            y += indent(2) + "endTime: " + instantValue(r->endTime) + '\n';
        if (r->restartDurationMs >= 0)
            y += indent(2) + "restartDuration: " + decimalSeconds(r->restartDurationMs) + '\n';
    }
    return y;
}

QByteArray AutoscalerState::collectedMetricsYaml() const
{
    QByteArray y = "---";
    if (!opens(y, collectedMetrics.isEmpty()))
        return y;
    for (auto w = collectedMetrics.cbegin(); w != collectedMetrics.cend(); ++w) {
        y += instantKey(w.key()) + ":\n";
        y += indent(1) + "vertexMetrics:";
        opens(y, w->isEmpty());
        for (auto v = w->cbegin(); v != w->cend(); ++v) {
            y += mapKey(2, v.key());
            opens(y, v->isEmpty());
            for (auto m = v->cbegin(); m != v->cend(); ++m)
                y += mapKey(3, m.key()) + ' ' + javaDouble(m.value()) + '\n';
        }
        y += indent(1) + "outputRatios: {}\n";
    }
    return y;
}

QByteArray AutoscalerState::configOverridesYaml() const
{
    QByteArray y = "---\noverrides:";
    opens(y, configOverrides.isEmpty());
    for (auto o = configOverrides.cbegin(); o != configOverrides.cend(); ++o)
        y += mapKey(1, o.key()) + ' ' + quoted(o.value()) + '\n';
    y += "removals:";
    y += configRemovals.isEmpty() ? " []\n" : "\n";
    for (const QString &r : configRemovals)
        y += "- " + quoted(r) + '\n';
    return y;
}

QByteArray AutoscalerState::delayedScaleDownYaml() const
{
    QByteArray y = "---\ndelayedVertices:";
    if (!opens(y, delayedScaleDown.isEmpty()))
        return y;
    for (auto v = delayedScaleDown.cbegin(); v != delayedScaleDown.cend(); ++v) {
        y += mapKey(1, v.key());
        const bool legacy = v->recommendations.isEmpty() && v->maxRecommendedParallelism != -1;
        if (!opens(y, !v->firstTriggerTime.isValid() && v->recommendations.isEmpty() && !legacy))
            continue;
        if (v->firstTriggerTime.isValid())
            y += indent(2) + "firstTriggerTime: " + instantValue(v->firstTriggerTime) + '\n';
        if (legacy) {
            y += indent(2) + "maxRecommendedParallelism: " + QByteArray::number(v->maxRecommendedParallelism) + '\n';
            continue;
        }
        y += indent(2) + "recommendedParallelisms:";
        y += v->recommendations.isEmpty() ? " []\n" : "\n";
        for (const auto &r : v->recommendations) {
            y += indent(2) + "- triggerTime: " + instantValue(r.triggerTime) + '\n';
            y += indent(3) + "parallelism: " + QByteArray::number(r.parallelism) + '\n';
            y += indent(3) + "outsideUtilizationBound: " + (r.outsideUtilizationBound ? "true" : "false") + '\n';
        }
    }
    return y;
}

QString AutoscalerState::parallelismOverridesText() const
{
    QStringList items;
    for (auto o = parallelismOverrides.cbegin(); o != parallelismOverrides.cend(); ++o)
        items.append(flinkEscaped(flinkEscaped(o.key(), u':') + QLatin1Char(':') + QString::number(o.value()), u','));
    return items.join(QLatin1Char(','));
}

QJsonObject AutoscalerState::toConfigMapData() const
{
    QJsonObject data;
    auto compressed = [](const QByteArray &yaml) { return QString::fromLatin1(encodeCompressed(yaml)); };
    if (!scalingHistory.isEmpty())
        data.insert(kScalingHistoryKey, compressed(scalingHistoryYaml()));
    if (!scalingRecords.isEmpty())
        data.insert(kScalingTrackingKey, compressed(scalingTrackingYaml()));
    if (!collectedMetrics.isEmpty())
        data.insert(kCollectedMetricsKey, compressed(collectedMetricsYaml()));
    if (!parallelismOverrides.isEmpty())
        data.insert(kParallelismOverridesKey, parallelismOverridesText());
    if (!configOverrides.isEmpty() || !configRemovals.isEmpty())
        data.insert(kConfigOverridesKey, QString::fromUtf8(configOverridesYaml()));
    if (!delayedScaleDown.isEmpty())
        data.insert(kDelayedScaleDownKey, QString::fromUtf8(delayedScaleDownYaml()));
    return data;
}

QJsonObject AutoscalerState::toConfigMap(const QString &deploymentName, const QString &ns,
                                         const QString &ownerUid) const
{
    const QJsonObject owner{
        {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
        {QStringLiteral("name"), deploymentName},
        {QStringLiteral("uid"), ownerUid},
    };
    const QJsonObject metadata{
        {QStringLiteral("name"), configMapName(deploymentName)},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("labels"),
         QJsonObject{{QStringLiteral("component"), QStringLiteral("autoscaler")},
                     {QStringLiteral("app"), deploymentName}}},
        {QStringLiteral("ownerReferences"), QJsonArray{owner}},
    };
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("data"), toConfigMapData()},
    };
}

bool AutoscalerState::isEmpty() const
{
    return scalingHistory.isEmpty() && scalingRecords.isEmpty() && collectedMetrics.isEmpty()
        && parallelismOverrides.isEmpty() && configOverrides.isEmpty() && configRemovals.isEmpty()
        && delayedScaleDown.isEmpty();
}

QStringList AutoscalerState::vertexIds() const
{
    QSet<QString> ids;
    for (auto v = scalingHistory.cbegin(); v != scalingHistory.cend(); ++v)
        ids.insert(v.key());
    for (const auto &window : collectedMetrics)
        for (auto v = window.cbegin(); v != window.cend(); ++v)
            ids.insert(v.key());
    for (auto o = parallelismOverrides.cbegin(); o != parallelismOverrides.cend(); ++o)
        ids.insert(o.key());
    for (auto d = delayedScaleDown.cbegin(); d != delayedScaleDown.cend(); ++d)
        ids.insert(d.key());
    QStringList list(ids.cbegin(), ids.cend());
    list.sort();
    return list;
}

const AutoscalerScaling *AutoscalerState::latestScaling(const QString &vertexId, QDateTime *time) const
{
    const auto v = scalingHistory.constFind(vertexId);
    if (v == scalingHistory.cend() || v->isEmpty())
        return nullptr;
    const auto last = std::prev(v->cend());
    if (time)
        *time = last.key();
    return &last.value();
}

} // namespace capstan
