#include "sandbox/promql.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

struct PromQl::Node
{
    enum class Kind { Selector, Aggregate };
    Kind kind = Kind::Selector;
    std::vector<Matcher> matchers; // Selector
    QString op; // Aggregate: sum, min, max, avg, count
    bool without = false;
    QStringList grouping;
    std::shared_ptr<const Node> inner;
};

namespace {

// Prometheus writes this NaN as the value of a series that went away (value.StaleNaN).
constexpr std::uint64_t kStaleNaN = 0x7ff0000000000002ULL;

const QStringList kSupportedAggregations{u"sum"_s, u"min"_s, u"max"_s, u"avg"_s, u"count"_s};
const QStringList kOtherAggregations{u"topk"_s,         u"bottomk"_s, u"quantile"_s, u"stddev"_s,     u"stdvar"_s,
                                     u"count_values"_s, u"group"_s,   u"limitk"_s,   u"limit_ratio"_s};

struct Token
{
    enum class Type {
        End,
        Identifier,
        String,
        Number,
        LeftBrace,
        RightBrace,
        LeftParen,
        RightParen,
        LeftBracket,
        Comma,
        Equal,
        NotEqual,
        Regex,
        NotRegex,
        Operator,
        Duration,
        At,
        Error
    };
    Type type = Type::End;
    QString text;
    int pos = 0; // 0-based column
};

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u':';
}

bool isIdentPart(QChar c)
{
    return isIdentStart(c) || c.isDigit();
}

class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    {
    }

    Token next()
    {
        while (m_pos < m_text.size() && (m_text.at(m_pos).isSpace() || m_text.at(m_pos) == u'#')) {
            if (m_text.at(m_pos) == u'#') { // a comment runs to the end of the line
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
                    ++m_pos;
            } else {
                ++m_pos;
            }
        }
        Token t;
        t.pos = int(m_pos);
        if (m_pos >= m_text.size())
            return t;
        const QChar c = m_text.at(m_pos);
        const QChar n = m_pos + 1 < m_text.size() ? m_text.at(m_pos + 1) : QChar();
        const auto single = [&](Token::Type type, int length = 1) {
            t.type = type;
            t.text = m_text.mid(m_pos, length);
            m_pos += length;
            return t;
        };
        if (c == u'{')
            return single(Token::Type::LeftBrace);
        if (c == u'}')
            return single(Token::Type::RightBrace);
        if (c == u'(')
            return single(Token::Type::LeftParen);
        if (c == u')')
            return single(Token::Type::RightParen);
        if (c == u'[')
            return single(Token::Type::LeftBracket);
        if (c == u',')
            return single(Token::Type::Comma);
        if (c == u'@')
            return single(Token::Type::At);
        if (c == u'=' && n == u'~')
            return single(Token::Type::Regex, 2);
        if (c == u'!' && n == u'~')
            return single(Token::Type::NotRegex, 2);
        if (c == u'!' && n == u'=')
            return single(Token::Type::NotEqual, 2);
        if (c == u'=' && n == u'=')
            return single(Token::Type::Operator, 2);
        if (c == u'=')
            return single(Token::Type::Equal);
        if ((c == u'<' || c == u'>') && n == u'=')
            return single(Token::Type::Operator, 2);
        if (c == u'+' || c == u'-' || c == u'*' || c == u'/' || c == u'%' || c == u'^' || c == u'<' || c == u'>')
            return single(Token::Type::Operator);
        if (c == u'"' || c == u'\'' || c == u'`')
            return string(c);
        if (c.isDigit() || (c == u'.' && n.isDigit())) {
            qsizetype end = m_pos;
            while (end < m_text.size() && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == u'.'))
                ++end;
            t.text = m_text.mid(m_pos, end - m_pos);
            static const QRegularExpression duration(u"^([0-9]+(ms|[smhdwy]))+$"_s);
            t.type = duration.match(t.text).hasMatch() ? Token::Type::Duration : Token::Type::Number;
            m_pos = end;
            return t;
        }
        if (isIdentStart(c)) {
            qsizetype end = m_pos;
            while (end < m_text.size() && isIdentPart(m_text.at(end)))
                ++end;
            t.type = Token::Type::Identifier;
            t.text = m_text.mid(m_pos, end - m_pos);
            m_pos = end;
            return t;
        }
        t.type = Token::Type::Error;
        t.text = u"unexpected character: '%1'"_s.arg(c);
        ++m_pos;
        return t;
    }

private:
    Token string(QChar quote)
    {
        Token t;
        t.pos = int(m_pos);
        ++m_pos;
        QString value;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (c == quote) {
                t.type = Token::Type::String;
                t.text = value;
                return t;
            }
            if (c == u'\\' && quote != u'`' && m_pos < m_text.size()) {
                const QChar e = m_text.at(m_pos++);
                switch (e.unicode()) {
                case 'n':
                    value += u'\n';
                    break;
                case 't':
                    value += u'\t';
                    break;
                case 'r':
                    value += u'\r';
                    break;
                case '\\':
                case '"':
                case '\'':
                    value += e;
                    break;
                default:
                    t.type = Token::Type::Error;
                    t.text = u"unknown escape sequence '%1'"_s.arg(e);
                    return t;
                }
                continue;
            }
            value += c;
        }
        t.type = Token::Type::Error;
        t.text = u"unterminated quoted string"_s;
        return t;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_lexer(text)
    {
        m_token = m_lexer.next();
    }

    std::shared_ptr<const PromQl::Node> parseAll(QString *error)
    {
        if (m_token.type == Token::Type::End) {
            fail(m_token, u"no expression found in input"_s);
        } else {
            auto root = expression();
            if (m_error.isEmpty() && m_token.type != Token::Type::End)
                unexpectedAfterExpression();
            if (m_error.isEmpty())
                return root;
        }
        *error = m_error;
        return {};
    }

private:
    void advance() { m_token = m_lexer.next(); }

    void fail(const Token &at, const QString &message)
    {
        if (m_error.isEmpty())
            m_error = u"1:%1: parse error: %2"_s.arg(at.pos + 1).arg(message);
    }

    void unsupported(const Token &at, const QString &what)
    {
        fail(at,
             u"%1 not supported by the sandbox's Prometheus (it evaluates selectors and sum, min, max, avg, "
             "count by/without)"_s.arg(what));
    }

    static QString describe(const Token &t)
    {
        switch (t.type) {
        case Token::Type::End:
            return u"end of input"_s;
        case Token::Type::String:
            return u"string \"%1\""_s.arg(t.text);
        case Token::Type::Identifier:
            return u"identifier \"%1\""_s.arg(t.text);
        case Token::Type::Number:
            return u"number \"%1\""_s.arg(t.text);
        default:
            return u"\"%1\""_s.arg(t.text);
        }
    }

    void unexpectedAfterExpression()
    {
        const Token t = m_token;
        switch (t.type) {
        case Token::Type::Operator:
        case Token::Type::Equal:
        case Token::Type::NotEqual:
            unsupported(t, u"binary operator \"%1\""_s.arg(t.text));
            return;
        case Token::Type::LeftBracket:
            unsupported(t, u"range selector"_s);
            return;
        case Token::Type::At:
            unsupported(t, u"@ modifier"_s);
            return;
        case Token::Type::Identifier: {
            const QString word = t.text.toLower();
            if (word == u"offset"_s)
                unsupported(t, u"offset modifier"_s);
            else if (word == u"and"_s || word == u"or"_s || word == u"unless"_s || word == u"atan2"_s)
                unsupported(t, u"binary operator \"%1\""_s.arg(t.text));
            else
                fail(t, u"unexpected %1"_s.arg(describe(t)));
            return;
        }
        case Token::Type::Error:
            fail(t, t.text);
            return;
        default:
            fail(t, u"unexpected %1"_s.arg(describe(t)));
        }
    }

    // The ")" after an expression; anything else there is what the subset does not support.
    bool closeParenthesis()
    {
        if (m_token.type == Token::Type::RightParen) {
            advance();
            return true;
        }
        if (m_token.type == Token::Type::End)
            fail(m_token, u"unclosed left parenthesis"_s);
        else
            unexpectedAfterExpression();
        return false;
    }

    std::shared_ptr<const PromQl::Node> expression()
    {
        const Token t = m_token;
        switch (t.type) {
        case Token::Type::LeftParen: {
            advance();
            auto inner = expression();
            if (!m_error.isEmpty() || !closeParenthesis())
                return {};
            return inner;
        }
        case Token::Type::LeftBrace:
            return selector(QString(), t);
        case Token::Type::Identifier:
            break;
        case Token::Type::Number:
        case Token::Type::Duration:
            unsupported(t, u"number literal"_s);
            return {};
        case Token::Type::String:
            unsupported(t, u"string literal"_s);
            return {};
        case Token::Type::Operator:
            if (t.text == u"-"_s || t.text == u"+"_s)
                unsupported(t, u"unary operator \"%1\""_s.arg(t.text));
            else
                fail(t, u"unexpected %1"_s.arg(describe(t)));
            return {};
        case Token::Type::Error:
            fail(t, t.text);
            return {};
        case Token::Type::End:
            fail(t, u"unexpected end of input"_s);
            return {};
        default:
            fail(t, u"unexpected %1"_s.arg(describe(t)));
            return {};
        }
        const QString word = t.text;
        const QString lower = word.toLower();
        if (kSupportedAggregations.contains(lower))
            return aggregation(t);
        if (kOtherAggregations.contains(lower)) {
            unsupported(t, u"aggregation \"%1\""_s.arg(word));
            return {};
        }
        advance();
        if (m_token.type == Token::Type::LeftParen) {
            unsupported(t, u"function \"%1\""_s.arg(word));
            return {};
        }
        return selector(word, t);
    }

    bool grouping(PromQl::Node *node)
    {
        node->without = m_token.text.toLower() == u"without"_s;
        advance();
        if (m_token.type != Token::Type::LeftParen) {
            fail(m_token, u"unexpected %1 in grouping opts, expected \"(\""_s.arg(describe(m_token)));
            return false;
        }
        advance();
        while (m_token.type != Token::Type::RightParen) {
            if (m_token.type != Token::Type::Identifier) {
                fail(m_token, u"unexpected %1 in grouping opts, expected label"_s.arg(describe(m_token)));
                return false;
            }
            node->grouping.append(m_token.text);
            advance();
            if (m_token.type == Token::Type::Comma) {
                advance();
            } else if (m_token.type != Token::Type::RightParen) {
                fail(m_token, u"unexpected %1 in grouping opts, expected \",\" or \")\""_s.arg(describe(m_token)));
                return false;
            }
        }
        advance();
        return true;
    }

    static bool isGroupingKeyword(const Token &t)
    {
        return t.type == Token::Type::Identifier && (t.text.toLower() == u"by"_s || t.text.toLower() == u"without"_s);
    }

    std::shared_ptr<const PromQl::Node> aggregation(const Token &start)
    {
        auto node = std::make_shared<PromQl::Node>();
        node->kind = PromQl::Node::Kind::Aggregate;
        node->op = start.text.toLower();
        advance();
        bool grouped = false;
        if (isGroupingKeyword(m_token)) {
            if (!grouping(node.get()))
                return {};
            grouped = true;
        }
        if (m_token.type != Token::Type::LeftParen) {
            fail(m_token, u"unexpected %1 in aggregation, expected \"(\""_s.arg(describe(m_token)));
            return {};
        }
        advance();
        if (m_token.type == Token::Type::RightParen) {
            fail(m_token, u"no arguments for aggregate expression provided"_s);
            return {};
        }
        node->inner = expression();
        if (!m_error.isEmpty())
            return {};
        if (m_token.type == Token::Type::Comma) {
            fail(m_token, u"wrong number of arguments for aggregate expression provided, expected 1, got 2"_s);
            return {};
        }
        if (!closeParenthesis())
            return {};
        if (isGroupingKeyword(m_token)) {
            if (grouped) {
                fail(m_token, u"unexpected %1"_s.arg(describe(m_token)));
                return {};
            }
            if (!grouping(node.get()))
                return {};
        }
        return node;
    }

    std::shared_ptr<const PromQl::Node> selector(const QString &metric, const Token &start)
    {
        auto node = std::make_shared<PromQl::Node>();
        node->kind = PromQl::Node::Kind::Selector;
        if (!metric.isEmpty()) {
            PromQl::Matcher m;
            QString ignored;
            PromQl::makeMatcher(u"__name__"_s, PromQl::Matcher::Op::Equal, metric, &m, &ignored);
            node->matchers.push_back(m);
        }
        if (m_token.type == Token::Type::LeftBrace) {
            advance();
            while (m_token.type != Token::Type::RightBrace) {
                if (m_token.type != Token::Type::Identifier && m_token.type != Token::Type::String) {
                    fail(m_token, u"unexpected %1 in label matching, expected label"_s.arg(describe(m_token)));
                    return {};
                }
                const Token nameToken = m_token;
                advance();
                PromQl::Matcher::Op op = PromQl::Matcher::Op::Equal;
                switch (m_token.type) {
                case Token::Type::Equal:
                    op = PromQl::Matcher::Op::Equal;
                    break;
                case Token::Type::NotEqual:
                    op = PromQl::Matcher::Op::NotEqual;
                    break;
                case Token::Type::Regex:
                    op = PromQl::Matcher::Op::Regex;
                    break;
                case Token::Type::NotRegex:
                    op = PromQl::Matcher::Op::NotRegex;
                    break;
                default:
                    if (nameToken.type == Token::Type::String
                        && (m_token.type == Token::Type::Comma || m_token.type == Token::Type::RightBrace)) {
                        // {"metric_name"}: a quoted metric name (Prometheus 3)
                        PromQl::Matcher m;
                        QString ignored;
                        PromQl::makeMatcher(u"__name__"_s, PromQl::Matcher::Op::Equal, nameToken.text, &m, &ignored);
                        node->matchers.push_back(m);
                        if (m_token.type == Token::Type::Comma)
                            advance();
                        continue;
                    }
                    fail(m_token,
                         u"unexpected %1 in label matching, expected label matching operator"_s.arg(describe(m_token)));
                    return {};
                }
                advance();
                if (m_token.type != Token::Type::String) {
                    fail(m_token, u"unexpected %1 in label matching, expected string"_s.arg(describe(m_token)));
                    return {};
                }
                PromQl::Matcher m;
                QString regexError;
                if (!PromQl::makeMatcher(nameToken.text, op, m_token.text, &m, &regexError)) {
                    fail(m_token, regexError);
                    return {};
                }
                node->matchers.push_back(m);
                advance();
                if (m_token.type == Token::Type::Comma) {
                    advance();
                } else if (m_token.type != Token::Type::RightBrace) {
                    fail(m_token, u"unexpected %1 in label matching, expected \",\" or \"}\""_s.arg(describe(m_token)));
                    return {};
                }
            }
            advance();
        }
        int names = 0;
        bool nonEmpty = false;
        for (const PromQl::Matcher &m : node->matchers) {
            if (m.name == u"__name__"_s)
                ++names;
            if (!m.matches(QString()))
                nonEmpty = true;
        }
        if (!metric.isEmpty() && names > 1) {
            fail(start,
                 u"metric name must not be set twice: \"%1\" or \"%2\""_s.arg(
                     metric, node->matchers.at(node->matchers.size() - 1).value));
            return {};
        }
        if (!nonEmpty) {
            fail(start, u"vector selector must contain at least one non-empty matcher"_s);
            return {};
        }
        return node;
    }

    Lexer m_lexer;
    Token m_token;
    QString m_error;
};

bool labelsLess(const PromQl::Labels &a, const PromQl::Labels &b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

// An instant vector at every step: values[i] is meaningful where present[i] is set.
struct Vector
{
    PromQl::Labels labels;
    std::vector<double> values;
    std::vector<char> present;
};

struct Context
{
    qint64 start = 0;
    qint64 step = 1;
    size_t steps = 0;
    const PromQl::Select *select = nullptr;
    qint64 maxSamples = 0;
    qint64 loaded = 0;
    QString error;
};

std::vector<Vector> evaluateNode(const PromQl::Node &node, Context &c)
{
    std::vector<Vector> out;
    if (node.kind == PromQl::Node::Kind::Selector) {
        const qint64 end = c.start + qint64(c.steps - 1) * c.step;
        std::vector<PromQl::SeriesData> data = (*c.select)(node.matchers, c.start - PromQl::kLookbackMs, end);
        for (PromQl::SeriesData &s : data) {
            Vector v;
            v.labels = std::move(s.labels);
            v.values.assign(c.steps, 0.0);
            v.present.assign(c.steps, 0);
            size_t cursor = 0; // first sample after the current evaluation time
            bool any = false;
            for (size_t i = 0; i < c.steps; ++i) {
                const qint64 t = c.start + qint64(i) * c.step;
                while (cursor < s.timesMs.size() && s.timesMs[cursor] <= t)
                    ++cursor;
                if (cursor == 0)
                    continue;
                const size_t last = cursor - 1;
                if (s.timesMs[last] <= t - PromQl::kLookbackMs || PromQl::isStaleMarker(s.values[last]))
                    continue;
                v.values[i] = s.values[last];
                v.present[i] = 1;
                any = true;
                ++c.loaded;
            }
            if (c.loaded > c.maxSamples) {
                c.error = u"query processing would load too many samples into memory in query execution"_s;
                return {};
            }
            if (any)
                out.push_back(std::move(v));
        }
        return out;
    }

    std::vector<Vector> inner = evaluateNode(*node.inner, c);
    if (!c.error.isEmpty())
        return {};
    std::map<PromQl::Labels, size_t> groups;
    std::vector<std::vector<double>> sums;
    std::vector<std::vector<double>> counts;
    for (const Vector &in : inner) {
        PromQl::Labels key;
        for (const auto &[k, v] : in.labels) {
            const bool listed = node.grouping.contains(k);
            if (node.without ? (!listed && k != u"__name__"_s) : listed)
                key.emplace_back(k, v);
        }
        auto [it, inserted] = groups.try_emplace(key, out.size());
        if (inserted) {
            Vector g;
            g.labels = key;
            g.values.assign(c.steps, 0.0);
            g.present.assign(c.steps, 0);
            out.push_back(std::move(g));
            counts.emplace_back(c.steps, 0.0);
        }
        Vector &g = out[it->second];
        std::vector<double> &count = counts[it->second];
        for (size_t i = 0; i < c.steps; ++i) {
            if (!in.present[i])
                continue;
            const double x = in.values[i];
            double &acc = g.values[i];
            if (!g.present[i]) {
                acc = node.op == u"count"_s ? 1.0 : x;
                g.present[i] = 1;
                count[i] = 1;
                continue;
            }
            count[i] += 1;
            if (node.op == u"sum"_s || node.op == u"avg"_s)
                acc += x;
            else if (node.op == u"count"_s)
                acc += 1;
            else if (node.op == u"min"_s)
                acc = (std::isnan(acc) || x < acc) ? x : acc;
            else if (node.op == u"max"_s)
                acc = (std::isnan(acc) || x > acc) ? x : acc;
        }
    }
    if (node.op == u"avg"_s) {
        for (size_t g = 0; g < out.size(); ++g) {
            for (size_t i = 0; i < c.steps; ++i) {
                if (out[g].present[i])
                    out[g].values[i] /= counts[g][i];
            }
        }
    }
    return out;
}

void collectSelectors(const PromQl::Node &node, std::vector<std::vector<PromQl::Matcher>> *out)
{
    if (node.kind == PromQl::Node::Kind::Selector)
        out->push_back(node.matchers);
    else
        collectSelectors(*node.inner, out);
}

} // namespace

bool PromQl::Matcher::matches(const QString &labelValue) const
{
    switch (op) {
    case Op::Equal:
        return labelValue == value;
    case Op::NotEqual:
        return labelValue != value;
    case Op::Regex:
        return regex.match(labelValue).hasMatch();
    case Op::NotRegex:
        return !regex.match(labelValue).hasMatch();
    }
    return false;
}

bool PromQl::makeMatcher(const QString &name, Matcher::Op op, const QString &value, Matcher *out, QString *error)
{
    out->name = name;
    out->op = op;
    out->value = value;
    if (op == Matcher::Op::Regex || op == Matcher::Op::NotRegex) {
        out->regex = QRegularExpression(u"^(?:"_s + value + u")$"_s, QRegularExpression::DotMatchesEverythingOption);
        if (!out->regex.isValid()) {
            *error = u"error parsing regexp: %1: `%2`"_s.arg(out->regex.errorString(), value);
            return false;
        }
        out->regex.optimize();
    }
    return true;
}

std::optional<PromQl> PromQl::parse(const QString &text, QString *error)
{
    Parser parser(text);
    QString message;
    auto root = parser.parseAll(&message);
    if (!root) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    PromQl q;
    q.m_root = std::move(root);
    return q;
}

PromQl::Evaluation PromQl::evaluate(qint64 startMs, qint64 endMs, qint64 stepMs, const Select &select,
                                    qint64 maxSamples) const
{
    Evaluation result;
    Context c;
    c.start = startMs;
    c.step = std::max<qint64>(1, stepMs);
    c.steps = endMs < startMs ? 0 : size_t((endMs - startMs) / c.step) + 1;
    c.select = &select;
    c.maxSamples = maxSamples;
    if (c.steps == 0)
        return result;
    std::vector<Vector> vectors = evaluateNode(*m_root, c);
    if (!c.error.isEmpty()) {
        result.error = c.error;
        return result;
    }
    for (Vector &v : vectors) {
        ResultSeries s;
        s.labels = std::move(v.labels);
        for (size_t i = 0; i < c.steps; ++i) {
            if (v.present[i]) {
                s.timesMs.push_back(startMs + qint64(i) * c.step);
                s.values.push_back(v.values[i]);
            }
        }
        if (!s.timesMs.empty())
            result.series.push_back(std::move(s));
    }
    std::sort(result.series.begin(), result.series.end(),
              [](const ResultSeries &a, const ResultSeries &b) { return labelsLess(a.labels, b.labels); });
    return result;
}

std::vector<std::vector<PromQl::Matcher>> PromQl::selectors() const
{
    std::vector<std::vector<Matcher>> out;
    collectSelectors(*m_root, &out);
    return out;
}

bool PromQl::isSelector() const
{
    return m_root->kind == Node::Kind::Selector;
}

double PromQl::staleMarker()
{
    return std::bit_cast<double>(kStaleNaN);
}

bool PromQl::isStaleMarker(double value)
{
    return std::bit_cast<std::uint64_t>(value) == kStaleNaN;
}

} // namespace capstan::sandbox
