// A new user's first look at the Metrics tab: the sandbox's Prometheus (the Service
// monitoring/prometheus:9090 behind the API server's proxy, as `capstan --sandbox` configures it)
// holds the last day of the demo deployments, so the tab shows one continuous day across two job
// changes from the first click, in light and dark.

#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "metrics/metricsample.h"
#include "metrics/prometheusconfig.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/metricsview.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/preferencesstore.h"
#include "ui/sessionsettings.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestMetricsDay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStartShowsADay();

private:
    QTemporaryDir m_dir;
};

void TestMetricsDay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    PreferencesStore::installTranslators(qApp);
}

void TestMetricsDay::firstStartShowsADay()
{
    // At speed 1, as `capstan --sandbox` runs: the history is the day before the sandbox started.
    SandboxFixture sandbox(-1, 1);
    QVERIFY(sandbox.started);
    test::TemporarySettings settings;
    PrometheusConfig prometheus;
    prometheus.ns = QStringLiteral("monitoring");
    prometheus.service = QStringLiteral("prometheus");
    prometheus.port = QStringLiteral("9090");
    SessionSettings::setPrometheus(QStringLiteral("sandbox"), prometheus);

    for (const bool dark : {false, true}) {
        const QPalette original = QApplication::palette();
        if (dark) {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(Theme::darkPalette());
        }
        SessionOptions options;
        // A history file of its own: nothing was collected before this first start.
        options.historyPath = m_dir.filePath(dark ? QStringLiteral("dark.sqlite") : QStringLiteral("light.sqlite"));
        options.informer.batchIntervalMs = 50;
        MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
        window.resize(1600, 1000);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 4, 10000);
        QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
        DeploymentPage *page = window.deploymentPage();
        page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"))->setCurrentIndex(DeploymentPage::MetricsTab);
        MetricsView *view = page->metricsView();
        view->setRange(MetricsView::Range::Hours24);

        // Three jobs in the day, the last one the job running now; two changes marked.
        const QString throughput(MetricName::SourceRecordsOut);
        QTRY_VERIFY_WITH_TIMEOUT(view->jobIds(throughput).size() >= 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view->jobChangeMarkers().size() >= 2, 5000);
        const QString runningJob = sandbox.server->store()
                                       .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                                            QStringLiteral("github-analytics"))
                                       .object.value(QLatin1String("status"))
                                       .toObject()
                                       .value(QLatin1String("jobStatus"))
                                       .toObject()
                                       .value(QLatin1String("jobId"))
                                       .toString();
        QCOMPARE(view->jobIds(throughput).constLast(), runningJob);
        // Continuous: the samples span the day without an hour missing.
        const QList<MetricSample> samples = view->samples(throughput);
        QVERIFY(samples.size() > 1000);
        QVERIFY2(samples.constLast().timeMs - samples.constFirst().timeMs > 23 * 3600 * 1000LL,
                 qPrintable(QString::number(samples.constLast().timeMs - samples.constFirst().timeMs)));
        qint64 widestGap = 0;
        for (qsizetype i = 1; i < samples.size(); ++i)
            widestGap = std::max(widestGap, samples.at(i).timeMs - samples.at(i - 1).timeMs);
        QVERIFY2(widestGap < 15 * 60 * 1000, qPrintable(QString::number(widestGap)));
        view->redraw();
        QTRY_VERIFY(view->segmentCount(throughput) > 0);

        const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir
                                   + QStringLiteral("/metrics-first-start-%1.png")
                                         .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"))));
        if (dark)
            QApplication::setPalette(original);
    }
}

QTEST_MAIN(TestMetricsDay)
#include "tst_metricsday.moc"
