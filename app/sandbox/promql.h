#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace capstan::sandbox {

// A small, honest subset of PromQL, evaluated over the sandbox's metric history:
//   instant vector selectors   metric{label="v", label!="v", label=~"re", label!~"re"} and {__name__=~"…"}
//   aggregations               sum, min, max, avg, count, with by (…) or without (…) before or after the
//                              argument, nested as deep as wanted, and parentheses
// Regular expressions are fully anchored, as in Prometheus. A sample is found looking back at most five
// minutes from each evaluation time, and a stale marker ends a series at once. Everything else (functions,
// range selectors, offset, @, binary operators, number and string literals, other aggregations) is refused
// with an error that names it; nothing is silently evaluated differently.
//
// Thread-safety: a parsed PromQl is immutable; evaluate() may run on several threads at once.
class PromQl final
{
public:
    using Labels = std::vector<std::pair<QString, QString>>; // sorted by name, with __name__

    struct Matcher
    {
        enum class Op { Equal, NotEqual, Regex, NotRegex };
        QString name;
        Op op = Op::Equal;
        QString value;
        QRegularExpression regex; // ^(?:value)$ for Regex and NotRegex

        bool matches(const QString &labelValue) const;
    };

    // One stored series as the evaluation sees it: samples in time order; a NaN value with the
    // stale-marker bit pattern (staleMarker()) ends the series.
    struct SeriesData
    {
        Labels labels;
        std::vector<qint64> timesMs;
        std::vector<double> values;
    };
    // Returns the series matching every matcher with their samples between minMs and maxMs.
    using Select
        = std::function<std::vector<SeriesData>(const std::vector<Matcher> &matchers, qint64 minMs, qint64 maxMs)>;

    // One series of a result: a value at some of the evaluation times.
    struct ResultSeries
    {
        Labels labels;
        std::vector<qint64> timesMs;
        std::vector<double> values;
    };

    struct Evaluation
    {
        std::vector<ResultSeries> series; // sorted by labels
        QString error; // an execution error (422); empty on success
    };

    static constexpr qint64 kLookbackMs = 5 * 60 * 1000;

    // Parses `text`; on failure returns nullopt and sets *error to Prometheus's wording
    // ("1:7: parse error: …").
    static std::optional<PromQl> parse(const QString &text, QString *error);

    // Evaluates at startMs, startMs + stepMs, … up to endMs. At most maxSamples points are loaded.
    Evaluation evaluate(qint64 startMs, qint64 endMs, qint64 stepMs, const Select &select,
                        qint64 maxSamples = 50000000) const;

    // The selectors' matchers (for /api/v1/series and /api/v1/labels match[]).
    std::vector<std::vector<Matcher>> selectors() const;
    // True when the expression is a bare selector (what match[] accepts).
    bool isSelector() const;

    static double staleMarker();
    static bool isStaleMarker(double value);
    // Builds a matcher (compiling its regex); false with *error for an invalid regular expression.
    static bool makeMatcher(const QString &name, Matcher::Op op, const QString &value, Matcher *out, QString *error);

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace capstan::sandbox
