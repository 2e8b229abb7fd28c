// The sandbox's PromQL subset: parsing, refusals that name what is unsupported, matchers, aggregations
// and the five-minute lookback, against a hand-made set of series.

#include "sandbox/prometheusqueryapi.h"
#include "sandbox/promql.h"

#include <QTest>

#include <cmath>

using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

PromQl::Labels labels(std::initializer_list<std::pair<QString, QString>> pairs)
{
    PromQl::Labels l(pairs);
    std::sort(l.begin(), l.end());
    return l;
}

// Three series of metric "m" (jobs a and b, two tasks of a) and one of "other", with a sample every
// 15 s from t = 0 to 600 s; values: task index + t/1000.
std::vector<PromQl::SeriesData> store()
{
    std::vector<PromQl::SeriesData> all;
    const auto add = [&all](PromQl::Labels l, double offset, qint64 until = 600000) {
        PromQl::SeriesData s;
        s.labels = std::move(l);
        for (qint64 t = 0; t <= until; t += 15000) {
            s.timesMs.push_back(t);
            s.values.push_back(offset + double(t) / 1000.0);
        }
        all.push_back(std::move(s));
    };
    add(labels({{u"__name__"_s, u"m"_s}, {u"job"_s, u"a"_s}, {u"task"_s, u"0"_s}}), 0);
    add(labels({{u"__name__"_s, u"m"_s}, {u"job"_s, u"a"_s}, {u"task"_s, u"1"_s}}), 1000);
    add(labels({{u"__name__"_s, u"m"_s}, {u"job"_s, u"b"_s}, {u"task"_s, u"0"_s}}), 2000, 60000);
    add(labels({{u"__name__"_s, u"other"_s}, {u"job"_s, u"a"_s}}), 5000);
    return all;
}

PromQl::Select selectFrom(std::vector<PromQl::SeriesData> data)
{
    return [data](const std::vector<PromQl::Matcher> &matchers, qint64 minMs, qint64 maxMs) {
        std::vector<PromQl::SeriesData> out;
        for (const PromQl::SeriesData &s : data) {
            bool ok = true;
            for (const PromQl::Matcher &m : matchers) {
                QString v;
                for (const auto &[k, value] : s.labels) {
                    if (k == m.name)
                        v = value;
                }
                ok = ok && m.matches(v);
            }
            if (!ok)
                continue;
            PromQl::SeriesData copy;
            copy.labels = s.labels;
            for (size_t i = 0; i < s.timesMs.size(); ++i) {
                if (s.timesMs[i] >= minMs && s.timesMs[i] <= maxMs) {
                    copy.timesMs.push_back(s.timesMs[i]);
                    copy.values.push_back(s.values[i]);
                }
            }
            out.push_back(copy);
        }
        return out;
    };
}

PromQl::Evaluation run(const QString &query, qint64 at, const std::vector<PromQl::SeriesData> &data = store())
{
    QString error;
    const std::optional<PromQl> q = PromQl::parse(query, &error);
    if (!q) {
        PromQl::Evaluation e;
        e.error = u"parse: "_s + error;
        return e;
    }
    return q->evaluate(at, at, 1, selectFrom(data));
}

QString describe(const PromQl::Evaluation &e)
{
    if (!e.error.isEmpty())
        return e.error;
    QStringList parts;
    for (const PromQl::ResultSeries &s : e.series) {
        QStringList l;
        for (const auto &[k, v] : s.labels)
            l.append(k + u'=' + v);
        parts.append(u"{%1} %2"_s.arg(l.join(u','), QString::number(s.values.front())));
    }
    return parts.join(u"; "_s);
}

} // namespace

class TestPromQl : public QObject
{
    Q_OBJECT

private slots:
    void evaluates_data();
    void evaluates();
    void refuses_data();
    void refuses();
    void lookbackAndStaleness();
    void rangeSteps();
    void sampleLimit();
    void wireFormats();
    void parameters();
};

void TestPromQl::evaluates_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("expected");
    QTest::newRow("selector") << u"m{job=\"a\"}"_s << 30000LL
                              << u"{__name__=m,job=a,task=0} 30; {__name__=m,job=a,task=1} 1030"_s;
    QTest::newRow("not equal") << u"m{job!=\"a\"}"_s << 30000LL << u"{__name__=m,job=b,task=0} 2030"_s;
    QTest::newRow("regex anchored") << u"m{job=~\"a|b\", task=~\"1\"}"_s << 30000LL
                                    << u"{__name__=m,job=a,task=1} 1030"_s;
    QTest::newRow("regex is not a substring match") << u"{__name__=~\"othe\"}"_s << 30000LL << QString();
    QTest::newRow("not regex") << u"m{job!~\"a\"}"_s << 30000LL << u"{__name__=m,job=b,task=0} 2030"_s;
    QTest::newRow("name matcher") << u"{__name__=~\"m|other\", job=\"a\", task!=\"1\"}"_s << 30000LL
                                  << u"{__name__=m,job=a,task=0} 30; {__name__=other,job=a} 5030"_s;
    QTest::newRow("missing label is empty")
        << u"m{nothere=\"\", job=\"b\"}"_s << 0LL << u"{__name__=m,job=b,task=0} 2000"_s;
    QTest::newRow("sum by") << u"sum by (job) (m)"_s << 30000LL << u"{job=a} 1060; {job=b} 2030"_s;
    QTest::newRow("sum by suffix") << u"sum(m) by (job)"_s << 30000LL << u"{job=a} 1060; {job=b} 2030"_s;
    QTest::newRow("sum all") << u"sum(m)"_s << 30000LL << u"{} 3090"_s;
    QTest::newRow("max by two labels") << u"max by (job, task) (m{job=\"a\"})"_s << 30000LL
                                       << u"{job=a,task=0} 30; {job=a,task=1} 1030"_s;
    QTest::newRow("min without") << u"min without (task) (m)"_s << 30000LL << u"{job=a} 30; {job=b} 2030"_s;
    QTest::newRow("avg") << u"avg by (job) (m{job=\"a\"})"_s << 30000LL << u"{job=a} 530"_s;
    QTest::newRow("count") << u"count(m)"_s << 30000LL << u"{} 3"_s;
    QTest::newRow("nested") << u"max(sum by (job) (m))"_s << 30000LL << u"{} 2030"_s;
    QTest::newRow("parentheses") << u"(sum by (job) ((m{job=\"b\"})))"_s << 30000LL << u"{job=b} 2030"_s;
    QTest::newRow("capstan's query") << u"sum by (job_name, job_id) (m{job=\"a\",task=~\"0|1\"})"_s << 30000LL
                                     << u"{} 1060"_s;
    QTest::newRow("keywords are case-insensitive")
        << u"SUM BY (job) (m)"_s << 30000LL << u"{job=a} 1060; {job=b} 2030"_s;
    QTest::newRow("nothing matches") << u"m{job=\"c\"}"_s << 30000LL << QString();
}

void TestPromQl::evaluates()
{
    QFETCH(QString, query);
    QFETCH(qint64, at);
    QFETCH(QString, expected);
    QCOMPARE(describe(run(query, at)), expected);
}

void TestPromQl::refuses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << u"1:1: parse error: no expression found in input"_s;
    QTest::newRow("function") << u"rate(m[5m])"_s << u"function \"rate\" not supported"_s;
    QTest::newRow("range selector") << u"m[5m]"_s << u"range selector not supported"_s;
    QTest::newRow("offset") << u"m offset 5m"_s << u"offset modifier not supported"_s;
    QTest::newRow("at") << u"m @ 100"_s << u"@ modifier not supported"_s;
    QTest::newRow("binary") << u"m / 2"_s << u"binary operator \"/\" not supported"_s;
    QTest::newRow("binary set") << u"m and other"_s << u"binary operator \"and\" not supported"_s;
    QTest::newRow("comparison") << u"m > 2"_s << u"binary operator \">\" not supported"_s;
    QTest::newRow("number") << u"42"_s << u"number literal not supported"_s;
    QTest::newRow("string") << u"\"x\""_s << u"string literal not supported"_s;
    QTest::newRow("topk") << u"topk(3, m)"_s << u"aggregation \"topk\" not supported"_s;
    QTest::newRow("unary") << u"-m"_s << u"unary operator \"-\" not supported"_s;
    QTest::newRow("empty selector") << u"{}"_s << u"vector selector must contain at least one non-empty matcher"_s;
    QTest::newRow("only empty matchers") << u"{job=~\".*\"}"_s
                                         << u"vector selector must contain at least one non-empty matcher"_s;
    QTest::newRow("bad regex") << u"m{job=~\"(\"}"_s << u"error parsing regexp"_s;
    QTest::newRow("unclosed brace") << u"m{job=\"a\""_s << u"parse error: unexpected end of input"_s;
    QTest::newRow("unclosed paren") << u"sum(m"_s << u"unclosed left parenthesis"_s;
    QTest::newRow("two groupings") << u"sum by (a) (m) by (b)"_s << u"unexpected identifier \"by\""_s;
    QTest::newRow("two arguments") << u"sum(m, m)"_s << u"wrong number of arguments"_s;
    QTest::newRow("name twice") << u"m{__name__=\"other\"}"_s << u"metric name must not be set twice"_s;
    QTest::newRow("unterminated string") << u"m{job=\"a}"_s << u"unterminated quoted string"_s;
    QTest::newRow("garbage") << u"m $"_s << u"unexpected character: '$'"_s;
}

void TestPromQl::refuses()
{
    QFETCH(QString, query);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!PromQl::parse(query, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY2(message.contains(u"parse error"_s), qPrintable(message));
}

void TestPromQl::lookbackAndStaleness()
{
    // job b's last sample is at 60 s: found up to 5 min later, not after.
    QCOMPARE(describe(run(u"m{job=\"b\"}"_s, 60000 + 299000)), u"{__name__=m,job=b,task=0} 2060"_s);
    QCOMPARE(describe(run(u"m{job=\"b\"}"_s, 60000 + 300000)), QString());
    // Before the first sample there is nothing.
    QCOMPARE(describe(run(u"m{job=\"b\"}"_s, -1)), QString());
    // A stale marker ends a series at once.
    std::vector<PromQl::SeriesData> data = store();
    data[2].timesMs.push_back(75000);
    data[2].values.push_back(PromQl::staleMarker());
    QCOMPARE(describe(run(u"m{job=\"b\"}"_s, 74000, data)), u"{__name__=m,job=b,task=0} 2060"_s);
    QCOMPARE(describe(run(u"m{job=\"b\"}"_s, 90000, data)), QString());
    QVERIFY(PromQl::isStaleMarker(PromQl::staleMarker()));
    QVERIFY(!PromQl::isStaleMarker(std::nan("")));
}

void TestPromQl::rangeSteps()
{
    QString error;
    const std::optional<PromQl> q = PromQl::parse(u"sum by (job) (m)"_s, &error);
    QVERIFY(q);
    const PromQl::Evaluation e = q->evaluate(0, 600000, 60000, selectFrom(store()));
    QVERIFY(e.error.isEmpty());
    QCOMPARE(e.series.size(), size_t(2));
    // job a at every minute; job b from 0 to 60 s, then looked back up to 5 min (360 s).
    QCOMPARE(e.series[0].timesMs.size(), size_t(11));
    QCOMPARE(e.series[0].values[2], 1000.0 + 2 * 120.0);
    QCOMPARE(e.series[1].timesMs.size(), size_t(6));
    QCOMPARE(e.series[1].timesMs.back(), 300000LL);
    QCOMPARE(e.series[1].values.back(), 2060.0);
}

void TestPromQl::sampleLimit()
{
    QString error;
    const std::optional<PromQl> q = PromQl::parse(u"m"_s, &error);
    QVERIFY(q);
    const PromQl::Evaluation e = q->evaluate(0, 600000, 15000, selectFrom(store()), 50);
    QCOMPARE(e.error, u"query processing would load too many samples into memory in query execution"_s);
    QVERIFY(q->evaluate(0, 600000, 15000, selectFrom(store()), 1000).error.isEmpty());
}

void TestPromQl::wireFormats()
{
    QCOMPARE(PrometheusQueryApi::formatTime(1435781451781), QByteArray("1435781451.781"));
    QCOMPARE(PrometheusQueryApi::formatTime(1435781451000), QByteArray("1435781451"));
    QCOMPARE(PrometheusQueryApi::formatTime(1435781451050), QByteArray("1435781451.050"));
    QCOMPARE(PrometheusQueryApi::formatValue(0.1), QByteArray("0.1"));
    QCOMPARE(PrometheusQueryApi::formatValue(1500), QByteArray("1500"));
    QCOMPARE(PrometheusQueryApi::formatValue(1e21), QByteArray("1000000000000000000000"));
    QCOMPARE(PrometheusQueryApi::formatValue(std::nan("")), QByteArray("NaN"));
    QCOMPARE(PrometheusQueryApi::formatValue(-INFINITY), QByteArray("-Inf"));
    QCOMPARE(PrometheusQueryApi::formatValue(INFINITY), QByteArray("+Inf"));
}

void TestPromQl::parameters()
{
    qint64 ms = 0;
    QVERIFY(PrometheusQueryApi::parseTime(u"1435781451.781"_s, &ms));
    QCOMPARE(ms, 1435781451781LL);
    QVERIFY(PrometheusQueryApi::parseTime(u"2015-07-01T20:10:51.781Z"_s, &ms));
    QCOMPARE(ms, 1435781451781LL);
    QVERIFY(PrometheusQueryApi::parseTime(u"2015-07-01T22:10:51.781123456+02:00"_s, &ms));
    QCOMPARE(ms, 1435781451781LL);
    QVERIFY(PrometheusQueryApi::parseTime(u"2015-07-01T20:10:51Z"_s, &ms));
    QCOMPARE(ms, 1435781451000LL);
    QVERIFY(!PrometheusQueryApi::parseTime(u"yesterday"_s, &ms));
    QVERIFY(!PrometheusQueryApi::parseTime(QString(), &ms));
    qint64 ns = 0;
    QVERIFY(PrometheusQueryApi::parseDuration(u"15s"_s, &ns));
    QCOMPARE(ns, 15000000000LL);
    QVERIFY(PrometheusQueryApi::parseDuration(u"1m30s"_s, &ns));
    QCOMPARE(ns, 90000000000LL);
    QVERIFY(PrometheusQueryApi::parseDuration(u"1d"_s, &ns));
    QCOMPARE(ns, 86400000000000LL);
    QVERIFY(PrometheusQueryApi::parseDuration(u"0.5"_s, &ns));
    QCOMPARE(ns, 500000000LL);
    QVERIFY(PrometheusQueryApi::parseDuration(u"60"_s, &ns));
    QCOMPARE(ns, 60000000000LL);
    QVERIFY(!PrometheusQueryApi::parseDuration(u"1s1m"_s, &ns));
    QVERIFY(!PrometheusQueryApi::parseDuration(u"fast"_s, &ns));
    QVERIFY(!PrometheusQueryApi::parseDuration(QString(), &ns));
    const PrometheusQueryApi::Params form = PrometheusQueryApi::formParams(
        "query=sum+by+%28job%29+%28m%7Bjob%3D%22a%22%7D%29&match%5B%5D=up&match%5B%5D=m");
    QCOMPARE(form.size(), 3);
    QCOMPARE(form.at(0).second, u"sum by (job) (m{job=\"a\"})"_s);
    QCOMPARE(form.at(1).first, u"match[]"_s);
    QCOMPARE(form.at(2).second, u"m"_s);
}

QTEST_GUILESS_MAIN(TestPromQl)
#include "tst_promql.moc"
