// PrometheusSource against a real Prometheus (Debian package prometheus) that scrapes the sandbox's
// Flink PrometheusReporter exposition on loopback: a range read after a redeploy holds both job ids.
#include "common/sandboxfixture.h"
#include "metrics/prometheussource.h"
#include "sandbox/prometheusexporter.h"
#include "session/clustersession.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kPrometheus = u"/usr/bin/prometheus"_s;
const QString kJob = u"github-analytics"_s; // the demo deployment; the exporter's job_name is its name

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

struct Answer
{
    bool finished = false;
    QList<MetricSample> samples;
    std::optional<Error> error;
};

Answer query(PrometheusSource &source, const QString &job, qint64 fromMs, qint64 toMs, int step = 1)
{
    QSignalSpy samplesSpy(&source, &PrometheusSource::samples);
    QSignalSpy failedSpy(&source, &PrometheusSource::failed);
    source.queryRange(job, fromMs, toMs, step);
    Answer answer;
    QDeadlineTimer deadline(15000);
    while (samplesSpy.isEmpty() && failedSpy.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    answer.finished = !samplesSpy.isEmpty() || !failedSpy.isEmpty();
    if (!answer.finished)
        return answer;
    if (!failedSpy.isEmpty())
        answer.error = failedSpy.constFirst().constFirst().value<Error>();
    else
        answer.samples = samplesSpy.constFirst().constFirst().value<QList<MetricSample>>();
    return answer;
}

QSet<QString> jobIdsOf(const QList<MetricSample> &samples, const QString &metric)
{
    QSet<QString> ids;
    for (const MetricSample &s : samples) {
        if (s.metric == metric)
            ids.insert(s.jobId);
    }
    return ids;
}

} // namespace

class TestPrometheusSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void expressions();
    void parseMatrix();
    void rangeSpansRedeploy();
    void sessionLoadsHistoryOnOpen();
    void unreachable();
    void notPrometheus();
    void prometheusError();

private:
    bool startPrometheus();
    QJsonObject github() const;
    QString jobId() const;
    bool running() const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<sandbox::PrometheusExporter> m_exporter;
    QTemporaryDir m_dir;
    QProcess m_prometheus;
    QUrl m_url;
    qint64 m_startMs = 0;
};

void TestPrometheusSource::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    // The demo set (github-analytics among it) with the operator simulation at 100× speed.
    m_sandbox = std::make_unique<test::SandboxFixture>(-1, 100);
    QVERIFY(m_sandbox->started);
    m_exporter = std::make_unique<sandbox::PrometheusExporter>(*m_sandbox->server->operatorSimulation());
    QString error;
    QVERIFY2(m_exporter->listen(0, &error), qPrintable(error));
}

void TestPrometheusSource::cleanupTestCase()
{
    if (m_prometheus.state() != QProcess::NotRunning) {
        m_prometheus.terminate();
        if (!m_prometheus.waitForFinished(10000)) {
            m_prometheus.kill();
            m_prometheus.waitForFinished(5000);
        }
    }
    if (m_exporter)
        m_exporter->stop();
}

bool TestPrometheusSource::startPrometheus()
{
    if (m_prometheus.state() == QProcess::Running)
        return true;
    const quint16 port = freePort();
    if (port == 0)
        return false;
    const QString config = m_dir.filePath(u"prometheus.yml"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(u"global:\n"
               "  scrape_interval: 1s\n"
               "  evaluation_interval: 1s\n"
               "scrape_configs:\n"
               "  - job_name: capstan-sandbox\n"
               "    scrape_interval: 1s\n"
               "    scrape_timeout: 1s\n"
               "    static_configs:\n"
               "      - targets: ['127.0.0.1:%1']\n"_s.arg(m_exporter->port())
                   .toUtf8());
    file.close();
    m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
    m_prometheus.start(kPrometheus,
                       {u"--config.file="_s + config, u"--storage.tsdb.path="_s + m_dir.filePath(u"tsdb"_s),
                        u"--web.listen-address=127.0.0.1:%1"_s.arg(port), u"--log.level=warn"_s});
    if (!m_prometheus.waitForStarted(10000))
        return false;
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    return true;
}

QJsonObject TestPrometheusSource::github() const
{
    return m_sandbox->server->store().get(u"flinkdeployments"_s, u"default"_s, kJob).object;
}

QString TestPrometheusSource::jobId() const
{
    return github().value(u"status"_s).toObject().value(u"jobStatus"_s).toObject().value(u"jobId"_s).toString();
}

bool TestPrometheusSource::running() const
{
    const QJsonObject status = github().value(u"status"_s).toObject();
    return status.value(u"jobStatus"_s).toObject().value(u"state"_s).toString() == u"RUNNING"_s
        && status.value(u"lifecycleState"_s).toString() == u"STABLE"_s;
}

void TestPrometheusSource::expressions()
{
    QCOMPARE(
        PrometheusSource::expression(MetricName::SourceRecordsOut, kJob),
        uR"(sum by (job_name, job_id) (flink_taskmanager_job_task_operator_numRecordsOutPerSecond{job_name="github-analytics",operator_name=~"Source:.*"}))"_s);
    QCOMPARE(PrometheusSource::expression(MetricName::NumRestarts, u"a\"b\\c"_s),
             uR"(max by (job_name, job_id) (flink_jobmanager_job_numRestarts{job_name="a\"b\\c"}))"_s);
    for (const QLatin1String &metric : PrometheusSource::metrics())
        QVERIFY2(!PrometheusSource::expression(metric, kJob).isEmpty(), metric.data());
    QVERIFY(PrometheusSource::expression(u"noSuchMetric"_s, kJob).isEmpty());
}

void TestPrometheusSource::parseMatrix()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"job_id":"aaa","job_name":"j"},"values":[[1700000000.5,"12.5"],[1700000001,"NaN"]]},
        {"metric":{"job_id":"bbb","job_name":"j"},"values":[[1700000002,"+Inf"],[1700000003,"7"]]}]}})";
    const auto parsed = PrometheusSource::parseMatrix(QJsonDocument::fromJson(body).object(), MetricName::NumRestarts);
    QVERIFY(parsed);
    const QList<MetricSample> expected{{1700000000500, u"aaa"_s, MetricName::NumRestarts, 12.5},
                                       {1700000003000, u"bbb"_s, MetricName::NumRestarts, 7}};
    QCOMPARE(parsed.value(), expected);

    const QByteArray vector = R"({"status":"success","data":{"resultType":"vector","result":[]}})";
    const auto wrong = PrometheusSource::parseMatrix(QJsonDocument::fromJson(vector).object(), MetricName::Uptime);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().reason, u"InvalidResponse"_s);
    QVERIFY2(wrong.error().message.contains(u"vector"_s), qPrintable(wrong.error().message));
}

void TestPrometheusSource::rangeSpansRedeploy()
{
    if (!QFileInfo(kPrometheus).isExecutable())
        QSKIP("/usr/bin/prometheus is missing: install the Debian package prometheus (the test set-up does).");
    QVERIFY2(startPrometheus(), qPrintable(m_prometheus.errorString()));

    QTRY_VERIFY_WITH_TIMEOUT(running() && !jobId().isEmpty(), 15000);
    const QString first = jobId();
    PrometheusSource source(m_url);
    // Prometheus is up and has scraped the first job's throughput.
    QTRY_VERIFY2_WITH_TIMEOUT(jobIdsOf(query(source, kJob, m_startMs, QDateTime::currentMSecsSinceEpoch()).samples,
                                       MetricName::SourceRecordsOut)
                                  .contains(first),
                              qPrintable(u"Prometheus has no throughput of job %1; its output: %2"_s.arg(
                                  first, QString::fromUtf8(m_prometheus.readAll()))),
                              30000);

    // A new parallelism: the operator redeploys github-analytics, under a new job id.
    const auto patched = m_sandbox->server->store().mergePatch(
        u"flinkdeployments"_s, u"default"_s, kJob,
        QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 2}}}}}});
    QVERIFY(patched.ok());
    QTRY_VERIFY_WITH_TIMEOUT(running() && !jobId().isEmpty() && jobId() != first, 20000);
    const QString second = jobId();

    Answer answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer = query(source, kJob, m_startMs, QDateTime::currentMSecsSinceEpoch()),
                              jobIdsOf(answer.samples, MetricName::SourceRecordsOut).contains(second)),
                             20000);
    QVERIFY(!answer.error);
    const QSet<QString> ids = jobIdsOf(answer.samples, MetricName::SourceRecordsOut);
    QVERIFY2(ids.contains(first) && ids.contains(second), qPrintable(QStringList(ids.values()).join(u", "_s)));

    // One range, in time order, the first job before the second; job-level metrics too.
    qint64 firstOfFirst = -1;
    qint64 firstOfSecond = -1;
    double peakOfFirst = 0;
    for (int i = 0; i < answer.samples.size(); ++i) {
        const MetricSample &s = answer.samples.at(i);
        if (i > 0)
            QVERIFY(answer.samples.at(i - 1).timeMs <= s.timeMs);
        QVERIFY(s.timeMs >= m_startMs - 1000);
        if (s.metric != MetricName::SourceRecordsOut)
            continue;
        // A job that is starting reports 0 records/s; never less.
        QVERIFY2(s.value >= 0, qPrintable(u"throughput %1 of job %2"_s.arg(s.value).arg(s.jobId)));
        if (s.jobId == first) {
            peakOfFirst = std::max(peakOfFirst, s.value);
            if (firstOfFirst < 0)
                firstOfFirst = s.timeMs;
        }
        if (s.jobId == second && firstOfSecond < 0)
            firstOfSecond = s.timeMs;
    }
    QVERIFY(peakOfFirst > 0);
    QVERIFY(firstOfFirst < firstOfSecond);
    QVERIFY(jobIdsOf(answer.samples, MetricName::NumRestarts).contains(second));
    QVERIFY(jobIdsOf(answer.samples, MetricName::MaxBusy).contains(second));
    QVERIFY(jobIdsOf(answer.samples, MetricName::SinkRecordsIn).contains(second));

    // A job Prometheus never saw (with characters PromQL and URLs must escape): no samples, no error.
    const Answer none = query(source, u"no\"such+job%20"_s, m_startMs, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(none.finished);
    QVERIFY2(!none.error, qPrintable(none.error ? none.error->toString() : QString()));
    QVERIFY(none.samples.isEmpty());
}

void TestPrometheusSource::sessionLoadsHistoryOnOpen()
{
    // A context with Prometheus configured: opening a deployment brings the history of every job it
    // ran, including one Capstan itself never polled. Each job runs long enough (12 s) to be on the
    // session's 5 s query grid.
    if (m_prometheus.state() != QProcess::Running)
        QSKIP("needs the Prometheus started by rangeSpansRedeploy");
    QTest::qWait(12000);
    const QString before = jobId();
    QVERIFY(m_sandbox->server->store()
                .mergePatch(u"flinkdeployments"_s, u"default"_s, kJob,
                            QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 3}}}}}})
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(running() && !jobId().isEmpty() && jobId() != before, 20000);
    const QString after = jobId();
    QTest::qWait(12000);

    QTemporaryDir dir;
    SessionOptions options;
    options.historyPath = dir.filePath(u"history.sqlite"_s);
    options.pollIntervalMs = 60000; // the JobManager's own samples stay out of the way
    ClusterSession session(m_sandbox->kubeConfig(), u"sandbox"_s, u"default"_s, options);
    PrometheusConfig config;
    config.url = m_url.toString();
    session.setPrometheus(config);
    QSet<QString> jobs;
    connect(&session, &ClusterSession::metricsAppended, this,
            [&jobs](const QString &, const QList<MetricSample> &samples) {
                for (const MetricSample &sample : samples) {
                    if (sample.metric == MetricName::SourceRecordsOut)
                        jobs.insert(sample.jobId);
                }
            });
    session.start();
    const QString uid = github().value(u"metadata"_s).toObject().value(u"uid"_s).toString();
    QTRY_VERIFY_WITH_TIMEOUT((session.openDeployment(uid), session.openWatchCount() == 1), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(jobs.contains(before) && jobs.contains(after),
                              qPrintable(QStringList(jobs.values()).join(u", "_s)), 20000);
}

void TestPrometheusSource::unreachable()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    QUrl url(u"http://127.0.0.1:%1/prometheus"_s.arg(port));
    url.setUserInfo(u"alice:url-secret"_s);
    PrometheusSource source(url, {u"token-secret"_s, {}, {}});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Answer answer = query(source, kJob, now - 60000, now);
    QVERIFY(answer.finished);
    QVERIFY(answer.error);
    QCOMPARE(answer.error->httpStatus, 0);
    QCOMPARE(answer.error->reason, u"Unreachable"_s);
    const QString message = answer.error->toString();
    QVERIFY2(message.contains(u"Cannot reach Prometheus at http://127.0.0.1:%1/prometheus"_s.arg(port)),
             qPrintable(message));
    QVERIFY2(!message.contains(u"secret"_s), qPrintable(message));
    QVERIFY(!source.isQuerying());
}

void TestPrometheusSource::notPrometheus()
{
    // The exporter serves /metrics only: a URL that reaches something other than Prometheus.
    PrometheusSource source(QUrl(u"http://127.0.0.1:%1"_s.arg(m_exporter->port())));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Answer answer = query(source, kJob, now - 60000, now);
    QVERIFY(answer.finished);
    QVERIFY(answer.error);
    QCOMPARE(answer.error->httpStatus, 404);
    QVERIFY2(answer.error->message.contains(u"answered 404"_s), qPrintable(answer.error->message));
}

void TestPrometheusSource::prometheusError()
{
    if (!QFileInfo(kPrometheus).isExecutable())
        QSKIP("/usr/bin/prometheus is missing: install the Debian package prometheus (the test set-up does).");
    QVERIFY2(startPrometheus(), qPrintable(m_prometheus.errorString()));
    PrometheusSource source(m_url);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // End before start: Prometheus refuses with 400 and {"errorType":"bad_data","error":"…"}.
    Answer answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer = query(source, kJob, now, now - 60000), answer.error && answer.error->httpStatus),
                             20000);
    QCOMPARE(answer.error->httpStatus, 400);
    QCOMPARE(answer.error->reason, u"bad_data"_s);
    QVERIFY2(answer.error->message.contains(u"end timestamp must not be before start time"_s),
             qPrintable(answer.error->message));
}

QTEST_GUILESS_MAIN(TestPrometheusSource)
#include "tst_prometheussource.moc"
