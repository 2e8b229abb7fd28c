// The sandbox's Prometheus: the synthesized day of the demo deployments (job changes, the live job
// id last), the scrapes that carry it on, retention, and the query API's answers in Prometheus's JSON
// shape and errors.

#include "sandbox/demodata.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/metrichistory.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/prometheusqueryapi.h"
#include "sandbox/resourcestore.h"
#include "sandbox/virtualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kGithub = u"github-analytics"_s;
constexpr qint64 kHour = 3600LL * 1000;

QString sourceQuery(const QString &job)
{
    return u"sum by (job_name, job_id) (flink_taskmanager_job_task_operator_numRecordsOutPerSecond{job_name=\"%1\","
           "operator_name=~\"Source:.*\"})"_s.arg(job);
}

} // namespace

class TestMetricHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void synthesizedDay();
    void rangeAnswer();
    void instantLabelsSeries();
    void errors_data();
    void errors();
    void postForm();
    void concurrentQueries();
    void scrapesCarryOn();
    void retention();

private:
    QJsonObject get(const QString &path, const PrometheusQueryApi::Params &params, int expectedStatus = 200);
    QString liveJobId(const QString &ns, const QString &name) const;
    qint64 now() const { return m_simulation->clock().nowMs(); }

    std::unique_ptr<ResourceStore> m_store;
    std::unique_ptr<OperatorSimulation> m_simulation;
    std::unique_ptr<MetricHistory> m_history;
    std::unique_ptr<PrometheusQueryApi> m_api;
};

void TestMetricHistory::initTestCase()
{
    m_store = std::make_unique<ResourceStore>();
    seedDemoData(*m_store, -1, 0, 1);
    m_simulation = std::make_unique<OperatorSimulation>(*m_store, 1.0);
    m_simulation->clock().setPaused(true); // the scraper records only what the test steps
    // On the scrape grid, as the scraper's clock is when it wakes.
    m_simulation->clock().advance(MetricHistory::kScrapeIntervalMs - now() % MetricHistory::kScrapeIntervalMs);
    m_history = std::make_unique<MetricHistory>(*m_simulation, 1);
    m_history->start();
    m_api = std::make_unique<PrometheusQueryApi>(*m_history, m_simulation->clock());
    const MetricHistory::Stats stats = m_history->stats();
    qInfo("history: %lld series, %lld samples, %.1f MiB", stats.series, stats.samples, double(stats.bytes) / 1048576.0);
    QVERIFY(stats.samples > 100000);
    QVERIFY(stats.bytes < 64LL * 1024 * 1024);
}

void TestMetricHistory::cleanupTestCase()
{
    m_history.reset();
    m_simulation.reset();
}

QJsonObject TestMetricHistory::get(const QString &path, const PrometheusQueryApi::Params &params, int expectedStatus)
{
    const ProxyResponse r = m_api->handle(u"GET"_s, path, params);
    if (r.status != expectedStatus)
        qWarning("%s answered %d: %s", qPrintable(path), r.status, r.body.constData());
    [&] { QCOMPARE(r.status, expectedStatus); }();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    [&] { QCOMPARE(error.error, QJsonParseError::NoError); }();
    return doc.object();
}

QString TestMetricHistory::liveJobId(const QString &ns, const QString &name) const
{
    QString id;
    m_simulation->withCluster(ns, name, [&id](const FlinkJobModel &cluster, qint64) { id = cluster.jobId(); });
    return id;
}

void TestMetricHistory::synthesizedDay()
{
    const qint64 started = m_history->startedAtMs();
    int deploymentsWithJobs = 0;
    for (const auto &[ns, name] : {std::pair{u"default"_s, kGithub}, std::pair{u"flink-jobs"_s, u"fraud-detector"_s},
                                   std::pair{u"flink-jobs"_s, u"clickstream-sessionizer"_s}}) {
        std::vector<MetricHistory::JobPeriod> jobs;
        for (const MetricHistory::JobPeriod &j : m_history->synthesizedJobs()) {
            if (j.ns == ns && j.deployment == name)
                jobs.push_back(j);
        }
        QVERIFY2(jobs.size() >= 3, qPrintable(name));
        ++deploymentsWithJobs;
        int changesInDay = 0;
        QSet<QString> ids;
        for (size_t i = 0; i < jobs.size(); ++i) {
            ids.insert(jobs[i].jobId);
            if (i > 0) {
                QVERIFY(jobs[i].startMs > jobs[i - 1].endMs); // one job after the other
                if (jobs[i].startMs > started - MetricHistory::kRetentionMs)
                    ++changesInDay;
            }
        }
        QCOMPARE(ids.size(), int(jobs.size()));
        QVERIFY2(changesInDay >= 2, qPrintable(name));
        // The last job is the one the JobManager runs now, started about five hours ago.
        QCOMPARE(jobs.back().jobId, liveJobId(ns, name));
        QCOMPARE(jobs.back().endMs, -1LL);
        QVERIFY(started - jobs.back().startMs > 4 * kHour && started - jobs.back().startMs < 6 * kHour);
        // The middle job restarted once or twice.
        QVERIFY(!jobs[jobs.size() - 2].restartsMs.empty());
    }
    QCOMPARE(deploymentsWithJobs, 3);
    // Deterministic: the same seed gives the same day.
    MetricHistory again(*m_simulation, 1);
    again.start();
    again.stop();
    const auto a = m_history->synthesizedJobs();
    const auto b = again.synthesizedJobs();
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].jobId, b[i].jobId);
        QCOMPARE(a[i].startMs, b[i].startMs);
        QCOMPARE(a[i].restartsMs, b[i].restartsMs);
    }
}

void TestMetricHistory::rangeAnswer()
{
    const qint64 end = now();
    const qint64 start = end - 24 * kHour;
    const QJsonObject answer = get(u"api/v1/query_range"_s,
                                   {{u"query"_s, sourceQuery(kGithub)},
                                    {u"start"_s, QString::number(double(start) / 1000.0, 'f', 3)},
                                    {u"end"_s, QString::number(double(end) / 1000.0, 'f', 3)},
                                    {u"step"_s, u"60"_s}});
    QCOMPARE(answer.value(u"status"_s).toString(), u"success"_s);
    const QJsonObject data = answer.value(u"data"_s).toObject();
    QCOMPARE(data.value(u"resultType"_s).toString(), u"matrix"_s);
    const QJsonArray result = data.value(u"result"_s).toArray();
    QSet<QString> jobIds;
    int points = 0;
    for (const QJsonValue &item : result) {
        const QJsonObject series = item.toObject();
        const QJsonObject metric = series.value(u"metric"_s).toObject();
        QCOMPARE(metric.keys(), (QStringList{u"job_id"_s, u"job_name"_s}));
        QCOMPARE(metric.value(u"job_name"_s).toString(), kGithub);
        jobIds.insert(metric.value(u"job_id"_s).toString());
        for (const QJsonValue &v : series.value(u"values"_s).toArray()) {
            const QJsonArray pair = v.toArray();
            QCOMPARE(pair.size(), 2);
            QVERIFY(pair.at(0).isDouble());
            QVERIFY(pair.at(1).isString());
            const double value = pair.at(1).toString().toDouble();
            QVERIFY2(value > 300 && value < 2000, qPrintable(pair.at(1).toString()));
            ++points;
        }
    }
    QVERIFY2(jobIds.size() >= 3, qPrintable(QStringList(jobIds.values()).join(u' ')));
    QVERIFY(jobIds.contains(liveJobId(u"default"_s, kGithub)));
    // 1441 steps, a few missing at each job change and restart.
    QVERIFY2(points > 1400 && points <= 1441, qPrintable(QString::number(points)));

    // Uptime restarts with each job: never longer than the job has run.
    const QJsonObject uptime
        = get(u"api/v1/query_range"_s,
              {{u"query"_s, u"max by (job_id) (flink_jobmanager_job_uptime{job_name=\"%1\"})"_s.arg(kGithub)},
               {u"start"_s, QString::number(start / 1000)},
               {u"end"_s, QString::number(end / 1000)},
               {u"step"_s, u"5m"_s}});
    for (const QJsonValue &item : uptime.value(u"data"_s).toObject().value(u"result"_s).toArray()) {
        const QJsonArray values = item.toObject().value(u"values"_s).toArray();
        QVERIFY(values.size() >= 2);
        const double first = values.first().toArray().at(1).toString().toDouble();
        const double last = values.last().toArray().at(1).toString().toDouble();
        QVERIFY(last >= 0 && first >= 0);
        QVERIFY2(last < 72.0 * kHour, qPrintable(QString::number(last)));
    }
    // Completed checkpoints grow within the live job.
    const QJsonObject checkpoints = get(
        u"api/v1/query_range"_s,
        {{u"query"_s,
          u"flink_jobmanager_job_numberOfCompletedCheckpoints{job_id=\"%1\"}"_s.arg(liveJobId(u"default"_s, kGithub))},
         {u"start"_s, QString::number(start / 1000)},
         {u"end"_s, QString::number(end / 1000)},
         {u"step"_s, u"10m"_s}});
    const QJsonArray values = checkpoints.value(u"data"_s)
                                  .toObject()
                                  .value(u"result"_s)
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(u"values"_s)
                                  .toArray();
    QVERIFY(values.size() > 20);
    QVERIFY(values.last().toArray().at(1).toString().toDouble() > values.first().toArray().at(1).toString().toDouble());
}

void TestMetricHistory::instantLabelsSeries()
{
    const QJsonObject instant
        = get(u"api/v1/query"_s, {{u"query"_s, u"count by (namespace) (flink_jobmanager_job_uptime)"_s}});
    QCOMPARE(instant.value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(instant.value(u"data"_s).toObject().value(u"resultType"_s).toString(), u"vector"_s);
    const QJsonArray vector = instant.value(u"data"_s).toObject().value(u"result"_s).toArray();
    QCOMPARE(vector.size(), 2); // default and flink-jobs
    const QJsonArray value = vector.first().toObject().value(u"value"_s).toArray();
    QCOMPARE(value.size(), 2);
    QVERIFY(value.at(0).isDouble());
    QVERIFY(value.at(1).isString());

    const QJsonArray labels = get(u"api/v1/labels"_s, {}).value(u"data"_s).toArray();
    for (const QString &name : {u"__name__"_s, u"job_id"_s, u"job_name"_s, u"operator_name"_s, u"task_attempt_num"_s})
        QVERIFY2(labels.contains(name), qPrintable(name));
    const QJsonArray names = get(u"api/v1/label/__name__/values"_s, {}).value(u"data"_s).toArray();
    QVERIFY(names.contains(u"flink_jobmanager_job_numRestarts"_s));
    QVERIFY(names.contains(u"flink_taskmanager_job_task_backPressuredTimeMsPerSecond"_s));
    const QJsonArray jobs = get(u"api/v1/label/job_name/values"_s, {}).value(u"data"_s).toArray();
    QVERIFY(jobs.contains(kGithub));
    const QJsonArray jobIds = get(u"api/v1/label/job_id/values"_s,
                                  {{u"match[]"_s, u"flink_jobmanager_job_uptime{job_name=\"%1\"}"_s.arg(kGithub)}})
                                  .value(u"data"_s)
                                  .toArray();
    QVERIFY(jobIds.size() >= 3);

    const QJsonArray series
        = get(u"api/v1/series"_s, {{u"match[]"_s, u"flink_jobmanager_job_numRestarts{job_name=\"%1\"}"_s.arg(kGithub)}})
              .value(u"data"_s)
              .toArray();
    QCOMPARE(series.size(), jobIds.size());
    const QJsonObject one = series.first().toObject();
    QCOMPARE(one.value(u"__name__"_s).toString(), u"flink_jobmanager_job_numRestarts"_s);
    QCOMPARE(one.value(u"host"_s).toString(), u"github-analytics-jobmanager"_s);
    QCOMPARE(one.value(u"namespace"_s).toString(), u"default"_s);

    const QJsonObject build = get(u"api/v1/status/buildinfo"_s, {});
    QVERIFY(!build.value(u"data"_s).toObject().value(u"version"_s).toString().isEmpty());
}

void TestMetricHistory::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<PrometheusQueryApi::Params>("params");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("error");
    const PrometheusQueryApi::Params ok{{u"query"_s, u"flink_jobmanager_job_uptime"_s},
                                        {u"start"_s, u"1700000000"_s},
                                        {u"end"_s, u"1700003600"_s},
                                        {u"step"_s, u"15s"_s}};
    const auto with = [&ok](const QString &key, const QString &value) {
        PrometheusQueryApi::Params p;
        for (const auto &[k, v] : ok)
            p.append({k, k == key ? value : v});
        return p;
    };
    QTest::newRow("start") << u"api/v1/query_range"_s << with(u"start"_s, u"noon"_s) << 400 << u"bad_data"_s
                           << u"invalid parameter \"start\": cannot parse \"noon\" to a valid timestamp"_s;
    QTest::newRow("end before start") << u"api/v1/query_range"_s << with(u"end"_s, u"1600000000"_s) << 400
                                      << u"bad_data"_s << u"end timestamp must not be before start time"_s;
    QTest::newRow("step") << u"api/v1/query_range"_s << with(u"step"_s, u"often"_s) << 400 << u"bad_data"_s
                          << u"invalid parameter \"step\": cannot parse \"often\" to a valid duration"_s;
    QTest::newRow("zero step")
        << u"api/v1/query_range"_s << with(u"step"_s, u"0"_s) << 400 << u"bad_data"_s
        << u"zero or negative query resolution step widths are not accepted. Try a positive integer"_s;
    QTest::newRow("11,000 points") << u"api/v1/query_range"_s << with(u"step"_s, u"0.3"_s) << 400 << u"bad_data"_s
                                   << u"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing "
                                      "the query resolution (?step=XX)"_s;
    QTest::newRow("unsupported")
        << u"api/v1/query_range"_s << with(u"query"_s, u"rate(flink_jobmanager_job_uptime[5m])"_s) << 400
        << u"bad_data"_s
        << u"invalid parameter \"query\": 1:1: parse error: function \"rate\" not supported by "
           "the sandbox's Prometheus (it evaluates selectors and sum, min, max, avg, count "
           "by/without)"_s;
    QTest::newRow("no query") << u"api/v1/query"_s << PrometheusQueryApi::Params{} << 400 << u"bad_data"_s
                              << u"invalid parameter \"query\": 1:1: parse error: no expression found in input"_s;
    QTest::newRow("series without match") << u"api/v1/series"_s << PrometheusQueryApi::Params{} << 400 << u"bad_data"_s
                                          << u"no match[] parameter provided"_s;
    QTest::newRow("label name") << u"api/v1/label/1abc/values"_s << PrometheusQueryApi::Params{} << 400 << u"bad_data"_s
                                << u"invalid label name: \"1abc\""_s;
}

void TestMetricHistory::errors()
{
    QFETCH(QString, path);
    QFETCH(PrometheusQueryApi::Params, params);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, error);
    const QJsonObject answer = get(path, params, status);
    QCOMPARE(answer.keys(), (QStringList{u"error"_s, u"errorType"_s, u"status"_s}));
    QCOMPARE(answer.value(u"status"_s).toString(), u"error"_s);
    QCOMPARE(answer.value(u"errorType"_s).toString(), type);
    QCOMPARE(answer.value(u"error"_s).toString(), error);
}

void TestMetricHistory::postForm()
{
    const QByteArray body = "query=" + QUrl::toPercentEncoding(sourceQuery(kGithub)) + "&start="
        + QByteArray::number((now() - kHour) / 1000) + "&end=" + QByteArray::number(now() / 1000) + "&step=1m";
    const ProxyResponse r = m_api->handle(u"POST"_s, u"api/v1/query_range"_s, PrometheusQueryApi::formParams(body));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.startsWith(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job_id":)"));
    QCOMPARE(m_api->handle(u"POST"_s, u"api/v1/status/buildinfo"_s, {}).status, 405);
    QCOMPARE(m_api->handle(u"GET"_s, u"api/v1/alerts"_s, {}).status, 404);

    // An execution error: more samples than the query may load.
    PrometheusQueryApi limited(*m_history, m_simulation->clock());
    limited.setMaxSamples(10);
    const ProxyResponse tooMany
        = limited.handle(u"GET"_s, u"api/v1/query_range"_s, PrometheusQueryApi::formParams(body));
    QCOMPARE(tooMany.status, 422);
    QCOMPARE(QJsonDocument::fromJson(tooMany.body).object().value(u"errorType"_s).toString(), u"execution"_s);
}

void TestMetricHistory::concurrentQueries()
{
    // Queries on several threads while the scraper writes.
    std::atomic<int> failures{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> readers;
    const QString query = sourceQuery(kGithub);
    const qint64 end = now();
    for (int i = 0; i < 3; ++i) {
        readers.emplace_back([&] {
            while (!done) {
                const ProxyResponse r = m_api->handle(u"GET"_s, u"api/v1/query_range"_s,
                                                      {{u"query"_s, query},
                                                       {u"start"_s, QString::number((end - 24 * kHour) / 1000)},
                                                       {u"end"_s, QString::number(end / 1000 + 3600)},
                                                       {u"step"_s, u"60"_s}});
                if (r.status != 200)
                    ++failures;
            }
        });
    }
    for (int i = 0; i < 20; ++i) {
        m_simulation->clock().advance(MetricHistory::kScrapeIntervalMs);
        m_history->scrape(now());
    }
    done = true;
    for (std::thread &t : readers)
        t.join();
    QCOMPARE(failures.load(), 0);
}

void TestMetricHistory::scrapesCarryOn()
{
    // The live job's series go on from the synthesized day into the scrapes without a gap.
    m_simulation->clock().advance(MetricHistory::kScrapeIntervalMs);
    m_history->scrape(now());
    const QString live = liveJobId(u"default"_s, kGithub);
    const qint64 end = now() - now() % 15000;
    const QJsonObject answer
        = get(u"api/v1/query_range"_s,
              {{u"query"_s, u"flink_jobmanager_job_uptime{job_id=\"%1\"}"_s.arg(live)},
               {u"start"_s, QString::number(double(m_history->startedAtMs() - 10 * 60000) / 1000.0, 'f', 3)},
               {u"end"_s, QString::number(double(end) / 1000.0, 'f', 3)},
               {u"step"_s, u"15s"_s}});
    const QJsonArray result = answer.value(u"data"_s).toObject().value(u"result"_s).toArray();
    QCOMPARE(result.size(), 1);
    const QJsonArray values = result.first().toObject().value(u"values"_s).toArray();
    QVERIFY(values.size() > 40);
    double previous = -1;
    for (const QJsonValue &v : values) {
        const double uptime = v.toArray().at(1).toString().toDouble();
        if (previous >= 0) {
            // Each step adds about 15 s of uptime (the scrape runs a few ms after its slot).
            QVERIFY2(uptime - previous > 14000 && uptime - previous < 16500,
                     qPrintable(u"%1 → %2"_s.arg(previous).arg(uptime)));
        }
        previous = uptime;
    }
    // The newest value is the JobManager's own.
    double uptimeNow = 0;
    m_simulation->withCluster(u"default"_s, kGithub,
                              [&](const FlinkJobModel &c, qint64 t) { uptimeNow = double(c.uptimeMs(t)); });
    QVERIFY(std::abs(uptimeNow - previous) < 16000);
}

void TestMetricHistory::retention()
{
    const QString live = liveJobId(u"default"_s, kGithub);
    const auto jobIds = [this] {
        return get(u"api/v1/label/job_id/values"_s,
                   {{u"match[]"_s, u"flink_jobmanager_job_uptime{job_name=\"%1\"}"_s.arg(kGithub)}})
            .value(u"data"_s)
            .toArray();
    };
    QVERIFY(jobIds().size() >= 3);
    // A day later only the live job is left, and memory went down with the old samples.
    const qint64 before = m_history->stats().samples;
    m_simulation->clock().advance(MetricHistory::kRetentionMs);
    m_history->scrape(now());
    QCOMPARE(jobIds(), QJsonArray{live});
    QVERIFY(m_history->stats().samples < before);
}

QTEST_GUILESS_MAIN(TestMetricHistory)
#include "tst_metrichistory.moc"
