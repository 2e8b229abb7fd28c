// End to end: Capstan's PrometheusSource and ClusterSession ask the sandbox's Prometheus, through the
// API server's service proxy to monitoring/prometheus:9090, for a deployment's day of metrics.

#include "common/sandboxfixture.h"
#include "kube/kubeclient.h"
#include "metrics/prometheussource.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"
#include "session/clustersession.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

class TestPrometheusHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serviceListed();
    void dayThroughPrometheusSource();
    void sessionLoadsTheDay();

private:
    std::unique_ptr<test::SandboxFixture> m_sandbox;
};

void TestPrometheusHistory::initTestCase()
{
    // The demo set at real speed, as `capstan --sandbox` runs it: virtual time is wall-clock time.
    m_sandbox = std::make_unique<test::SandboxFixture>(-1, 1);
    QVERIFY(m_sandbox->started);
}

void TestPrometheusHistory::serviceListed()
{
    const auto service = m_sandbox->server->store().get(u"services"_s, u"monitoring"_s, u"prometheus"_s);
    QVERIFY(service.ok());
    const QJsonObject port = service.object.value(u"spec"_s).toObject().value(u"ports"_s).toArray().first().toObject();
    QCOMPARE(port.value(u"port"_s).toInt(), 9090);
    QVERIFY(m_sandbox->server->store().get(u"namespaces"_s, QString(), u"monitoring"_s).ok());
}

void TestPrometheusHistory::dayThroughPrometheusSource()
{
    const auto connection = m_sandbox->connection();
    QVERIFY(connection);
    QNetworkAccessManager nam;
    KubeClient client(&nam, connection.value());
    PrometheusSource source(&client, u"monitoring"_s, u"prometheus"_s, u"9090"_s);
    QSignalSpy samples(&source, &PrometheusSource::samples);
    QSignalSpy failed(&source, &PrometheusSource::failed);
    const qint64 now = m_sandbox->server->operatorSimulation()->clock().nowMs();
    const qint64 day = 24LL * 3600 * 1000;
    source.queryRange(u"github-analytics"_s, now - day, now, 60);
    QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty() || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().value<Error>().toString()));
    const QList<MetricSample> all = samples.first().first().value<QList<MetricSample>>();
    QSet<QString> jobIds;
    QSet<QString> metrics;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    int throughputSamples = 0;
    for (const MetricSample &s : all) {
        jobIds.insert(s.jobId);
        metrics.insert(s.metric);
        first = std::min(first, s.timeMs);
        last = std::max(last, s.timeMs);
        if (s.metric == MetricName::SourceRecordsOut)
            ++throughputSamples;
    }
    QVERIFY2(jobIds.size() >= 3, qPrintable(QStringList(jobIds.values()).join(u' ')));
    const QString live = m_sandbox->server->store()
                             .get(u"flinkdeployments"_s, u"default"_s, u"github-analytics"_s)
                             .object.value(u"status"_s)
                             .toObject()
                             .value(u"jobStatus"_s)
                             .toObject()
                             .value(u"jobId"_s)
                             .toString();
    QVERIFY(jobIds.contains(live));
    QCOMPARE(metrics.size(), PrometheusSource::metrics().size());
    QVERIFY2(last - first > day - 5 * 60000, qPrintable(QString::number(last - first)));
    QVERIFY2(throughputSamples > 1400, qPrintable(QString::number(throughputSamples)));
}

void TestPrometheusHistory::sessionLoadsTheDay()
{
    // What Capstan does on opening a deployment with this Metric History Source configured.
    QTemporaryDir dir;
    SessionOptions options;
    options.historyPath = dir.filePath(u"history.sqlite"_s);
    options.pollIntervalMs = 60000;
    ClusterSession session(m_sandbox->kubeConfig(), u"sandbox"_s, u"default"_s, options);
    PrometheusConfig config;
    config.ns = u"monitoring"_s;
    config.service = u"prometheus"_s;
    config.port = u"9090"_s;
    session.setPrometheus(config);
    QSet<QString> jobs;
    qint64 oldest = std::numeric_limits<qint64>::max();
    connect(&session, &ClusterSession::metricsAppended, this, [&](const QString &, const QList<MetricSample> &samples) {
        for (const MetricSample &sample : samples) {
            if (sample.metric == MetricName::SourceRecordsOut) {
                jobs.insert(sample.jobId);
                oldest = std::min(oldest, sample.timeMs);
            }
        }
    });
    QSignalSpy failures(&session, &ClusterSession::prometheusFailed);
    session.start();
    const QString uid = m_sandbox->server->store()
                            .get(u"flinkdeployments"_s, u"default"_s, u"github-analytics"_s)
                            .object.value(u"metadata"_s)
                            .toObject()
                            .value(u"uid"_s)
                            .toString();
    QTRY_VERIFY_WITH_TIMEOUT((session.openDeployment(uid), session.openWatchCount() == 1), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(jobs.size() >= 3, qPrintable(QStringList(jobs.values()).join(u", "_s)), 20000);
    QVERIFY(failures.isEmpty());
    QVERIFY(QDateTime::currentMSecsSinceEpoch() - oldest > 23LL * 3600 * 1000);
}

QTEST_GUILESS_MAIN(TestPrometheusHistory)
#include "tst_prometheushistory.moc"
