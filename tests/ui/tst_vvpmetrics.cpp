// A Ververica Platform deployment's JobManager, as Capstan reaches it. Through the cluster's context:
// the Service the platform labels with the deployment and job, in its Deployment Target's namespace,
// polled through the service proxy for the JobManager's view, the metrics (kept and collected for a
// pinned deployment while its page is closed) and the job graph, and again for the next job after a
// restart. By URL: no JobManager, and the page is told so and what to do instead.

#include "common/platformwindow.h"
#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "metrics/metricsample.h"
#include "metrics/metricstore.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/vvpplatform.h"
#include "session/sessionhost.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/metricsview.h"
#include "ui/models/deploymenttablemodel.h"
#include "vvp/vvpjobmanagers.h"

#include <QAction>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

class TestVvpMetrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void jobManagerThroughTheContext();
    void nextJobHasItsOwnJobManager();
    void pinnedIsCollectedWhileClosed();
    void prometheusHistoryWhenSet();
    void urlPlatformSaysWhatToDo();

private:
    std::unique_ptr<MainWindow> openPlatform();
    QJsonObject platformObject(const QString &name) const;
    // The JobManager Services of the platform's jobs in the sandbox's store, by name.
    QHash<QString, QJsonObject> jobServices() const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    // Pins and the rest of the window's settings, fresh for each test.
    std::unique_ptr<test::TemporarySettings> m_settings;
};

namespace {

// The last JobManagerInfo the session published for uid.
JobManagerInfo lastInfo(const QSignalSpy &spy, const QString &uid)
{
    for (auto it = spy.crbegin(); it != spy.crend(); ++it) {
        if (it->at(0).toString() == uid)
            return it->at(1).value<JobManagerInfo>();
    }
    return {};
}

JobGraph lastGraph(const QSignalSpy &spy, const QString &uid)
{
    for (auto it = spy.crbegin(); it != spy.crend(); ++it) {
        if (it->at(0).toString() == uid)
            return it->at(1).value<JobGraph>();
    }
    return {};
}

} // namespace

void TestVvpMetrics::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestVvpMetrics::init()
{
    m_settings = std::make_unique<test::TemporarySettings>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->vvpPlatform());
}

void TestVvpMetrics::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
    m_settings.reset();
}

std::unique_ptr<MainWindow> TestVvpMetrics::openPlatform()
{
    SessionOptions options;
    options.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    return test::openPlatformWindow(*m_sandbox, options);
}

QJsonObject TestVvpMetrics::platformObject(const QString &name) const
{
    return m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), name).body;
}

QHash<QString, QJsonObject> TestVvpMetrics::jobServices() const
{
    ListOptions options;
    options.labelSelector = QStringLiteral("system=ververica-platform,app=flink-job");
    QHash<QString, QJsonObject> out;
    const QJsonArray items
        = m_sandbox->server->store().list(QStringLiteral("services"), {}, options).object.value(u"items").toArray();
    for (const QJsonValue &item : items)
        out.insert(item[u"metadata"][u"name"].toString(), item.toObject());
    return out;
}

void TestVvpMetrics::jobManagerThroughTheContext()
{
    auto window = openPlatform();
    QVERIFY(window);
    const BackendSession *session = window->session()->session();
    QSignalSpy jobManager(session, &BackendSession::jobManagerChanged);
    QSignalSpy graphs(session, &BackendSession::jobGraphChanged);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    DeploymentPage *page = window->deploymentPage();
    const Deployment d = page->summary();
    QCOMPARE(d.platform, Deployment::Platform::Ververica);
    QVERIFY(!d.jobId.isEmpty());

    // The JobManager answers through the Service the platform labelled with the deployment and job.
    QTRY_VERIFY_WITH_TIMEOUT(lastInfo(jobManager, d.uid).reachable, 15000);
    const JobManagerInfo info = lastInfo(jobManager, d.uid);
    QVERIFY2(!info.error.isSet(), qPrintable(info.error.toString()));
    QCOMPARE(info.jobId, VvpJobManagers::flinkJobId(d.jobId));
    QCOMPARE(info.jobState, QStringLiteral("RUNNING"));
    const QJsonObject service = jobServices().value(QStringLiteral("job-%1-jobmanager").arg(d.jobId));
    QCOMPARE(service[u"metadata"][u"namespace"].toString(), QStringLiteral("vvp-jobs"));
    const QJsonObject labels = service[u"metadata"][u"labels"].toObject();
    QCOMPARE(labels.value(u"deploymentId").toString(), d.uid);
    QCOMPARE(labels.value(u"deploymentName").toString(), QStringLiteral("github-analytics"));
    QCOMPARE(labels.value(u"jobId").toString(), d.jobId);
    QCOMPARE(labels.value(u"vvpNamespace").toString(), QStringLiteral("default"));

    // Its metrics reach the charts of the Metrics tab.
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(tabs);
    QVERIFY(tabs->isTabVisible(DeploymentPage::MetricsTab));
    tabs->setCurrentIndex(DeploymentPage::MetricsTab);
    MetricsView *view = page->metricsView();
    const QString throughput = QString(MetricName::SourceRecordsOut);
    QTRY_VERIFY_WITH_TIMEOUT(view->samples(throughput).size() >= 3, 15000);
    QVERIFY(view->samples(QString(MetricName::MaxBusy)).size() >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(view->pointCount(throughput) >= 2, 10000);
    QCOMPARE(view->jobIds(throughput), QStringList{VvpJobManagers::flinkJobId(d.jobId)});
    view->redraw();
    QApplication::processEvents();
    QVERIFY(page->grab().save(QStringLiteral("/tmp/vvpmetrics.png")));

    // The job graph, while asked for: the plan with the vertices' live figures.
    window->session()->watchJobGraph(d.uid, true);
    QTRY_VERIFY_WITH_TIMEOUT(!lastGraph(graphs, d.uid).vertices.isEmpty(), 15000);
    const JobGraph graph = lastGraph(graphs, d.uid);
    QVERIFY2(!graph.error.isSet(), qPrintable(graph.error.toString()));
    QCOMPARE(graph.jobId, VvpJobManagers::flinkJobId(d.jobId));
    QVERIFY(!graph.edges.isEmpty());
    window->session()->watchJobGraph(d.uid, false);
}

void TestVvpMetrics::nextJobHasItsOwnJobManager()
{
    auto window = openPlatform();
    QVERIFY(window);
    const BackendSession *session = window->session()->session();
    QSignalSpy jobManager(session, &BackendSession::jobManagerChanged);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("fraud-detector")),
                             10000);
    const Deployment before = window->deploymentPage()->summary();
    QTRY_VERIFY_WITH_TIMEOUT(lastInfo(jobManager, before.uid).reachable, 15000);

    // Cancelled, the job's cluster goes and the page says why nothing is read.
    VvpPlatform *platform = m_sandbox->server->vvpPlatform();
    QVERIFY(platform
                ->patchDeployment(QStringLiteral("default"), QStringLiteral("fraud-detector"),
                                  QJsonObject{{u"spec"_qs, QJsonObject{{u"state"_qs, u"CANCELLED"_qs}}}})
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(lastInfo(jobManager, before.uid).error.message.contains(QLatin1String("CANCELLED")),
                             15000);
    QCOMPARE(lastInfo(jobManager, before.uid).error.reason, QStringLiteral("JobManagerNotReady"));
    QTRY_VERIFY_WITH_TIMEOUT(!jobServices().contains(QStringLiteral("job-%1-jobmanager").arg(before.jobId)), 10000);

    // Started again: a new job with a Service of its own, which the page follows.
    QVERIFY(platform
                ->patchDeployment(QStringLiteral("default"), QStringLiteral("fraud-detector"),
                                  QJsonObject{{u"spec"_qs, QJsonObject{{u"state"_qs, u"RUNNING"_qs}}}})
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(platformObject(QStringLiteral("fraud-detector"))[u"status"][u"state"].toString()
                                 == QLatin1String("RUNNING"),
                             60000);
    const QString nextJob
        = platformObject(QStringLiteral("fraud-detector"))[u"status"][u"running"][u"jobId"].toString();
    QVERIFY(!nextJob.isEmpty() && nextJob != before.jobId);
    QTRY_VERIFY_WITH_TIMEOUT(lastInfo(jobManager, before.uid).reachable
                                 && lastInfo(jobManager, before.uid).jobId == VvpJobManagers::flinkJobId(nextJob),
                             20000);
    QVERIFY(jobServices().contains(QStringLiteral("job-%1-jobmanager").arg(nextJob)));
}

void TestVvpMetrics::pinnedIsCollectedWhileClosed()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    const QString uid = window->deploymentPage()->summary().uid;
    auto *pin = window->findChild<QAction *>(QStringLiteral("pinMetricsAction"));
    QVERIFY(pin && pin->isEnabled() && !pin->isChecked());
    pin->trigger();
    QVERIFY(pin->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("nightly-backfill")),
                             10000);
    QVERIFY(!pin->isChecked());
    // Samples carry the cluster's time; the closed page's collection goes on into the metric store.
    const qint64 closedAt = m_sandbox->server->clock().nowMs() + 1000;
    MetricStore store(m_dir->filePath(QStringLiteral("history.sqlite")));
    const QString throughput = QString(MetricName::SourceRecordsOut);
    QTRY_VERIFY_WITH_TIMEOUT(store.range(uid, throughput, closedAt, closedAt + 600000).size() >= 3, 20000);
}

void TestVvpMetrics::prometheusHistoryWhenSet()
{
    auto window = openPlatform();
    QVERIFY(window);
    // The sandbox's Prometheus behind the API server's proxy holds a day of the series of the jobs
    // named github-analytics (those of its operator deployment of that name): asked by the platform
    // deployment's name, they are its history.
    PrometheusConfig prometheus;
    prometheus.ns = QStringLiteral("monitoring");
    prometheus.service = QStringLiteral("prometheus");
    prometheus.port = QStringLiteral("9090");
    window->session()->setPrometheus(prometheus);
    QSignalSpy metrics(window->session()->session(), &BackendSession::metricsAppended);
    QSignalSpy failed(window->session()->session(), &BackendSession::prometheusFailed);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    const QString uid = window->deploymentPage()->summary().uid;
    const qint64 openedAt = m_sandbox->server->clock().nowMs();
    // A batch reaching back beyond what the JobManager could have given since the page opened.
    const auto historyArrived = [&] {
        for (const QList<QVariant> &args : std::as_const(metrics)) {
            const auto samples = args.at(1).value<QList<MetricSample>>();
            if (args.at(0).toString() == uid && !samples.isEmpty()
                && samples.constFirst().timeMs < openedAt - 30 * 60 * 1000)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(historyArrived(), 20000);
    QVERIFY(failed.isEmpty());
    MetricsView *view = window->deploymentPage()->metricsView();
    QTRY_VERIFY_WITH_TIMEOUT(view->samples(QString(MetricName::SourceRecordsOut)).size() > 100, 10000);
    auto *tabs = window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    tabs->setCurrentIndex(DeploymentPage::MetricsTab);
    view->redraw();
    QApplication::processEvents();
    QVERIFY(window->deploymentPage()->grab().save(QStringLiteral("/tmp/vvpmetrics-prometheus.png")));
}

void TestVvpMetrics::urlPlatformSaysWhatToDo()
{
    m_sandbox.reset();
    SandboxOptions sandboxOptions;
    sandboxOptions.deployments = -1;
    sandboxOptions.vvpPort = 0;
    SandboxServer server(sandboxOptions);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.platform.kind = VvpEndpoint::Kind::Url;
    options.platform.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.vvpPort()));
    options.platformToken = server.vvpToken();
    options.pollIntervalMs = 300;
    SessionHost host(KubeConfig(), QString(), QString(), options);
    QSignalSpy listed(host.session(), &BackendSession::deploymentsChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 10000);
    const QList<Deployment> deployments = listed.constFirst().constFirst().value<DeploymentBatch>().upserted;
    const auto analytics = std::find_if(deployments.cbegin(), deployments.cend(),
                                        [](const Deployment &d) { return d.name == u"github-analytics"; });
    QVERIFY(analytics != deployments.cend());

    // A Prometheus Service is out of reach as well; one by URL would be asked.
    PrometheusConfig prometheus;
    prometheus.ns = QStringLiteral("monitoring");
    prometheus.service = QStringLiteral("prometheus");
    prometheus.port = QStringLiteral("9090");
    host.setPrometheus(prometheus);
    QSignalSpy jobManager(host.session(), &BackendSession::jobManagerChanged);
    QSignalSpy graphs(host.session(), &BackendSession::jobGraphChanged);
    QSignalSpy prometheusFailed(host.session(), &BackendSession::prometheusFailed);
    QSignalSpy metrics(host.session(), &BackendSession::metricsAppended);
    host.openDeployment(analytics->uid);
    host.watchJobGraph(analytics->uid, true);
    QTRY_VERIFY_WITH_TIMEOUT(lastInfo(jobManager, analytics->uid).error.isSet(), 10000);
    const Error why = lastInfo(jobManager, analytics->uid).error;
    QCOMPARE(why.reason, QStringLiteral("NotExposed"));
    QVERIFY2(why.message.contains(QLatin1String("through its cluster's Kubernetes context"))
                 && why.message.contains(QLatin1String("set a Prometheus source")),
             qPrintable(why.message));
    QTRY_VERIFY_WITH_TIMEOUT(lastGraph(graphs, analytics->uid).error.isSet(), 10000);
    QCOMPARE(lastGraph(graphs, analytics->uid).error.message, why.message);
    QTRY_VERIFY_WITH_TIMEOUT(!prometheusFailed.isEmpty(), 10000);
    QVERIFY(prometheusFailed.constFirst().at(1).value<Error>().message.contains(QLatin1String("by its URL")));
    QTest::qWait(1000); // a few poll intervals: nothing is collected
    QVERIFY(metrics.isEmpty());
}

QTEST_MAIN(TestVvpMetrics)
#include "tst_vvpmetrics.moc"
