// The Metrics tab: deployment-scoped metric history against the sandbox's simulated JobManager
// (one series across a redeploy, with a job-change marker), history on reopening, ranges, exports
// and screenshots with an hour of history holding a restart loop and a job change.

#include "common/sandboxfixture.h"
#include "metrics/metricstore.h"
#include "sandbox/virtualclock.h"
#include "session/auditlog.h"
#include "ui/actionscontroller.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/metricchartview.h"
#include "ui/metricsview.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/preferencesstore.h"
#include "ui/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestMetricsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyStateAndRanges();
    void exports();
    void dragZoomsAndDoubleClickGoesBack();
    void seriesContinuesAcrossAParallelismChange();
    void pinnedDeploymentIsCollectedWhileClosed();
    void screenshots();
    void markerLabelsStayApart();

private:
    static QList<MetricSample> syntheticHour(qint64 endMs, QStringList *jobs);
    static QString uidOf(SandboxFixture &sandbox, const QString &name);
    // A session polling every 300 ms with its history in `file` of the test's directory.
    SessionOptions fastPolling(const QString &file) const;
    void saveShot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
};

void TestMetricsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The screenshots read as the application does: "5 deployments", not "5 deployment(s)".
    PreferencesStore::installTranslators(qApp);
}

QString TestMetricsView::uidOf(SandboxFixture &sandbox, const QString &name)
{
    const auto dep = sandbox.server->store().get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), name);
    return dep.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
}

SessionOptions TestMetricsView::fastPolling(const QString &file) const
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(file);
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    return options;
}

void TestMetricsView::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    // The charts' scenes lay out what the last redraw changed (axis formats, ranges) when events are
    // processed, as they are before the screen shows them.
    QApplication::processEvents();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestMetricsView::emptyStateAndRanges()
{
    MetricsView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(view.isEmptyStateShown());
    QCOMPARE(view.range(), MetricsView::Range::Hour1);
    QVERIFY(view.isLive());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto range = view.visibleRange();
    QVERIFY(std::abs(range.second - now) < 5000);
    QCOMPARE(range.second - range.first, 3600 * 1000LL);

    view.appendMetrics({{now - 1000, QStringLiteral("job"), QString(MetricName::MaxBusy), 10}});
    view.redraw();
    QVERIFY(!view.isEmptyStateShown());
    QCOMPARE(view.pointCount(QString(MetricName::MaxBusy)), 1);

    view.setRange(MetricsView::Range::Minutes15);
    range = view.visibleRange();
    QCOMPARE(range.second - range.first, 15 * 60 * 1000LL);
    view.setRange(MetricsView::Range::Days7);
    range = view.visibleRange();
    QCOMPARE(range.second - range.first, 7 * 24 * 3600 * 1000LL);

    // Not following: the range stays put.
    view.setLive(false);
    const auto frozen = view.visibleRange();
    QTest::qWait(20);
    QCOMPARE(view.visibleRange(), frozen);

    view.setCustomRange(now - 7200 * 1000, now - 3600 * 1000);
    QCOMPARE(view.range(), MetricsView::Range::Custom);
    QVERIFY(!view.isLive());
    QCOMPARE(view.visibleRange(), qMakePair(now - 7200 * 1000, now - 3600 * 1000));
    QCOMPARE(view.pointCount(QString(MetricName::MaxBusy)), 0); // the sample is outside
    view.setLive(true);
    QCOMPARE(view.range(), MetricsView::Range::Hour1);

    view.clearMetrics();
    QVERIFY(view.isEmptyStateShown());
}

namespace {

void sendMouse(QWidget *target, QEvent::Type type, const QPointF &pos, Qt::MouseButtons buttons)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

// Press at `fromX`, move in steps to `toX`, release: a drag across the plot of `chart`.
void drag(MetricChartView *chart, double fromX, double toX)
{
    QWidget *viewport = chart->viewport();
    const double y = chart->chart()->plotArea().center().y();
    sendMouse(viewport, QEvent::MouseButtonPress, {fromX, y}, Qt::LeftButton);
    for (int step = 1; step <= 4; ++step)
        sendMouse(viewport, QEvent::MouseMove, {fromX + (toX - fromX) * step / 4, y}, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, {toX, y}, Qt::NoButton);
}

} // namespace

void TestMetricsView::dragZoomsAndDoubleClickGoesBack()
{
    MetricsView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<MetricSample> samples;
    for (qint64 t = now - 3600 * 1000; t <= now; t += 10000)
        samples.append({t, QStringLiteral("job"), QString(MetricName::MaxBusy), double((t / 10000) % 100)});
    view.appendMetrics(samples);
    view.setLive(false); // a range that does not move while the test measures it
    view.redraw();
    const auto hour = view.visibleRange();
    auto *chart = view.findChild<MetricChartView *>(QStringLiteral("busyChart"));
    QVERIFY(chart);
    const QRectF plot = chart->chart()->plotArea();
    QVERIFY(plot.width() > 100);
    // One pixel of the plot, in ms: how close a dragged range can be to the times under the pointer.
    const double pixelMs = double(hour.second - hour.first) / plot.width();

    // Charts without a sample in the range say so; the checkpoint chart says why it may be empty.
    QVERIFY(!chart->isShowingEmptyText());
    for (const char *name : {"throughputChart", "checkpointChart", "restartChart"}) {
        auto *empty = view.findChild<MetricChartView *>(QLatin1String(name));
        QVERIFY(empty);
        QVERIFY2(empty->isShowingEmptyText(), name);
    }
    QVERIFY(view.findChild<MetricChartView *>(QStringLiteral("checkpointChart"))
                ->emptyText()
                .contains(QLatin1String("execution.checkpointing.interval")));

    // A click is not a zoom.
    drag(chart, plot.center().x(), plot.center().x() + 2);
    QCOMPARE(view.zoomDepth(), 0);
    QCOMPARE(view.range(), MetricsView::Range::Hour1);

    // While dragging, the band is shown and nothing has changed yet.
    {
        const double y = plot.center().y();
        sendMouse(chart->viewport(), QEvent::MouseButtonPress, {plot.left() + 300, y}, Qt::LeftButton);
        sendMouse(chart->viewport(), QEvent::MouseMove, {plot.left() + 520, y}, Qt::LeftButton);
        const auto band = chart->selection();
        QVERIFY(band.first > hour.first && band.second > band.first);
        QCOMPARE(view.zoomDepth(), 0);
        saveShot(&view, QStringLiteral("metrics-zoom-selection"));
        QTest::keyClick(chart, Qt::Key_Escape); // cancelled: the release does nothing
        QCOMPARE(chart->selection(), qMakePair(qint64(-1), qint64(-1)));
        sendMouse(chart->viewport(), QEvent::MouseButtonRelease, {plot.left() + 520, y}, Qt::NoButton);
        QCOMPARE(view.zoomDepth(), 0);
    }

    // Drag from the 20th to the 40th minute, right to left: that range, not following.
    const qint64 from = hour.first + 20 * 60000;
    const qint64 to = hour.first + 40 * 60000;
    drag(chart, chart->xOf(to), chart->xOf(from));
    QCOMPARE(view.zoomDepth(), 1);
    QCOMPARE(view.range(), MetricsView::Range::Custom);
    QVERIFY(!view.isLive());
    auto zoomed = view.visibleRange();
    QVERIFY2(std::abs(zoomed.first - from) <= pixelMs && std::abs(zoomed.second - to) <= pixelMs,
             qPrintable(QStringLiteral("zoomed to %1..%2, dragged %3..%4")
                            .arg(zoomed.first - hour.first)
                            .arg(zoomed.second - hour.first)
                            .arg(from - hour.first)
                            .arg(to - hour.first)));
    // Every chart shows the zoomed range, and it holds the samples inside it (one per 10 s).
    QTRY_VERIFY(std::abs(chart->xOf(zoomed.first) - plot.left()) < 0.5);
    const int inside = view.pointCount(QString(MetricName::MaxBusy));
    QVERIFY2(inside >= 110 && inside <= 125, qPrintable(QString::number(inside)));

    // A second zoom, into the first.
    drag(chart, plot.left() + plot.width() / 4, plot.left() + plot.width() / 2);
    QCOMPARE(view.zoomDepth(), 2);
    const auto deeper = view.visibleRange();
    QVERIFY(deeper.first > zoomed.first && deeper.second < zoomed.second);

    // Double-click: back one zoom at a time, then to the hour it started from.
    QTest::mouseDClick(chart->viewport(), Qt::LeftButton, {}, plot.center().toPoint());
    QCOMPARE(view.zoomDepth(), 1);
    QCOMPARE(view.visibleRange(), zoomed);
    QTest::mouseDClick(chart->viewport(), Qt::LeftButton, {}, plot.center().toPoint());
    QCOMPARE(view.zoomDepth(), 0);
    QCOMPARE(view.range(), MetricsView::Range::Hour1);
    QVERIFY(!view.isLive());
    QCOMPARE(view.visibleRange(), hour);
    QVERIFY(!view.zoomOut()); // nothing left to go back to

    // Choosing a range forgets the zooms: the double-click has nothing to return to.
    drag(chart, plot.left() + 10, plot.left() + 200);
    QCOMPARE(view.zoomDepth(), 1);
    view.findChild<QComboBox *>(QStringLiteral("metricsRangeComboBox"))->activated(0);
    QCOMPARE(view.range(), MetricsView::Range::Minutes15);
    QCOMPARE(view.zoomDepth(), 0);

    // From a live range, going back follows the present again.
    view.setLive(true);
    drag(chart, plot.left() + 10, plot.left() + 200);
    QVERIFY(!view.isLive());
    QVERIFY(view.zoomOut());
    QVERIFY(view.isLive());
    QCOMPARE(view.range(), MetricsView::Range::Minutes15);
    // And so does Live after two zooms: the range zoomed from, not a default one.
    drag(chart, plot.left() + 10, plot.left() + 400);
    drag(chart, plot.left() + 10, plot.left() + 400);
    QCOMPARE(view.zoomDepth(), 2);
    auto *live = view.findChild<QToolButton *>(QStringLiteral("metricsLiveButton"));
    QVERIFY(live);
    live->click();
    QVERIFY(view.isLive());
    QCOMPARE(view.range(), MetricsView::Range::Minutes15);
    QCOMPARE(view.zoomDepth(), 0);

    // A drag of a few pixels is widened to a minute: never a range without a sample in it.
    view.setLive(false);
    view.setRange(MetricsView::Range::Hour1);
    drag(chart, plot.center().x(), plot.center().x() + 6);
    QCOMPARE(view.zoomDepth(), 1);
    const auto narrow = view.visibleRange();
    QCOMPARE(narrow.second - narrow.first, 60 * 1000LL);
    view.redraw();
    QVERIFY(view.pointCount(QString(MetricName::MaxBusy)) >= 5);
    QVERIFY(view.zoomOut());

    // The start of a drag is a time: when the chart moves under it (a live redraw), the zoom still
    // starts where the user pressed.
    const qint64 pressedAt = chart->timeAt(plot.left() + 300);
    const double y = plot.center().y();
    sendMouse(chart->viewport(), QEvent::MouseButtonPress, {plot.left() + 300, y}, Qt::LeftButton);
    const auto shown = view.visibleRange();
    chart->setTimeRange(shown.first + 5 * 60000, shown.second + 5 * 60000);
    sendMouse(chart->viewport(), QEvent::MouseMove, {plot.left() + 500, y}, Qt::LeftButton);
    QCOMPARE(chart->selection().first, pressedAt);
    // A move without the button (the release went to another window) ends the drag.
    sendMouse(chart->viewport(), QEvent::MouseMove, {plot.left() + 520, y}, Qt::NoButton);
    QCOMPARE(chart->selection(), qMakePair(qint64(-1), qint64(-1)));
    sendMouse(chart->viewport(), QEvent::MouseButtonRelease, {plot.left() + 520, y}, Qt::NoButton);
    QCOMPARE(view.zoomDepth(), 0);

    // Another deployment's charts: the zooms into the previous one are gone.
    drag(chart, plot.left() + 10, plot.left() + 400);
    QCOMPARE(view.zoomDepth(), 1);
    view.clearMetrics();
    QCOMPARE(view.zoomDepth(), 0);
}

void TestMetricsView::exports()
{
    MetricsView view;
    view.resize(1200, 800);
    view.show();
    QStringList jobs;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<MetricSample> samples = syntheticHour(now, &jobs);
    view.appendMetrics(samples);
    view.redraw();
    QCOMPARE(view.jobIds(QString(MetricName::SourceRecordsOut)), jobs);
    // Gaps: the restart loop and the redeploy leave holes that no line crosses.
    QVERIFY(view.segmentCount(QString(MetricName::SourceRecordsOut)) > 2);

    const QString png = m_dir.filePath(QStringLiteral("charts.png"));
    QVERIFY(view.exportPng(png));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), view.chartsWidget()->width());

    const QString csv = m_dir.filePath(QStringLiteral("metrics.csv"));
    QSignalSpy exported(&view, &MetricsView::csvExported);
    view.exportCsv(csv);
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.first().at(1).toBool());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("time,time_ms,job_id,metric,value"));
    qsizetype inRange = 0;
    for (const MetricSample &s : samples)
        inRange += s.timeMs >= now - 3600 * 1000 ? 1 : 0;
    QVERIFY(lines.size() - 1 >= inRange - 20); // the range follows the clock while exporting
    QVERIFY(lines.at(1).contains(jobs.first().toUtf8()));

    // A path that cannot be written: reported, not crashed.
    exported.clear();
    view.exportCsv(QStringLiteral("/nonexistent-dir/metrics.csv"));
    QVERIFY(exported.wait(10000));
    QVERIFY(!exported.first().at(1).toBool());
    QVERIFY(!exported.first().at(2).toString().isEmpty());
}

void TestMetricsView::seriesContinuesAcrossAParallelismChange()
{
    SandboxFixture sandbox(-1, 20);
    QVERIFY(sandbox.started);
    const SessionOptions options = fastPolling(QStringLiteral("history-live.sqlite"));
    MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.resize(1600, 1000);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 4, 10000);
    QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    DeploymentPage *page = window.deploymentPage();
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QCOMPARE(tabs->tabText(DeploymentPage::MetricsTab), QStringLiteral("Metrics"));
    tabs->setCurrentIndex(DeploymentPage::MetricsTab);
    MetricsView *view = page->metricsView();
    QVERIFY(view->isVisible());

    const QString throughput = QString(MetricName::SourceRecordsOut);
    QTRY_VERIFY_WITH_TIMEOUT(view->samples(throughput).size() >= 3, 30000);
    QVERIFY(!view->isEmptyStateShown());
    for (const QLatin1String metric :
         {MetricName::SinkRecordsIn, MetricName::MaxBusy, MetricName::MaxBackPressured, MetricName::NumRestarts,
          MetricName::Uptime, MetricName::CompletedCheckpoints, MetricName::FailedCheckpoints})
        QVERIFY2(!view->samples(QString(metric)).isEmpty(), metric.data());
    const QString firstJob = view->samples(throughput).constLast().jobId;
    QVERIFY(!firstJob.isEmpty());
    QVERIFY(view->jobChangeMarkers().isEmpty());

    // Reopening the deployment starts the charts with the stored history at once.
    const qsizetype before = view->samples(throughput).size();
    QVERIFY(window.openDeployment(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")));
    QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    QTRY_VERIFY_WITH_TIMEOUT(view->samples(throughput).size() >= before, 1500);
    tabs->setCurrentIndex(DeploymentPage::MetricsTab);

    // A parallelism change in savepoint mode redeploys: a new job id.
    const QJsonObject patch{{QStringLiteral("spec"),
                             QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 2}}}}}};
    QVERIFY(sandbox.server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                            QStringLiteral("github-analytics"), patch)
                .ok());
    const auto newJobSamples = [&] {
        int n = 0;
        const QList<MetricSample> samples = view->samples(throughput);
        for (const MetricSample &s : samples)
            n += s.jobId != firstJob ? 1 : 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(newJobSamples() >= 3, 60000);
    view->redraw();

    // One series holding both jobs, in time order, with the job change marked between them.
    const QStringList jobs = view->jobIds(throughput);
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.first(), firstJob);
    const QString secondJob = jobs.last();
    QVERIFY(secondJob != firstJob);
    const QList<MetricSample> samples = view->samples(throughput);
    qint64 lastOld = 0;
    qint64 firstNew = 0;
    for (const MetricSample &s : samples) {
        if (s.jobId == firstJob)
            lastOld = s.timeMs;
        else if (firstNew == 0)
            firstNew = s.timeMs;
    }
    QVERIFY(lastOld > 0 && firstNew > lastOld);
    const QList<ChartMarker> markers = view->jobChangeMarkers();
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.first().label, secondJob.left(8));
    QVERIFY(markers.first().timeMs > lastOld);
    QVERIFY(markers.first().timeMs <= firstNew);
    // The markers are on every chart, and the series is drawn (one line, gaps split into segments).
    const QList<MetricChartView *> charts = view->findChildren<MetricChartView *>();
    QCOMPARE(charts.size(), 4);
    for (const MetricChartView *chart : charts) {
        bool found = false;
        for (const ChartMarker &m : chart->markers())
            found = found || (m.kind == ChartMarker::Kind::JobChange && m.label == secondJob.left(8));
        QVERIFY(found);
    }
    QVERIFY(view->segmentCount(throughput) >= 1);
    QVERIFY(view->pointCount(throughput) >= 2);
    view->setRange(MetricsView::Range::Minutes15);
    saveShot(&window, QStringLiteral("metrics-live-parallelism"));
}

QList<MetricSample> TestMetricsView::syntheticHour(qint64 endMs, QStringList *jobs)
{
    // An hour at a 5 s poll: job A runs well, falls into a restart loop after 25 minutes (holes while
    // it restarts), is redeployed after 35 minutes with parallelism 2 as job B.
    const QString jobA = QStringLiteral("a3f9c2e14b7d4c0e9a51d2f0c8b7e613");
    const QString jobB = QStringLiteral("7d41b0c95e2a4f18b3c6d9e0a1f2b345");
    *jobs = {jobA, jobB};
    QList<MetricSample> out;
    const qint64 start = endMs - 3600 * 1000;
    int restarts = 0;
    double checkpointSize = 180.0 * 1024 * 1024;
    for (int s = 0; s < 3600; s += 5) {
        const qint64 t = start + s * 1000LL;
        const bool loop = s >= 1500 && s < 2100;
        if (s >= 2100 && s < 2170)
            continue; // redeploying: the JobManager is not READY
        if (loop && (s - 1500) % 100 >= 70)
            continue; // restarting
        if (loop && (s - 1500) % 100 == 0)
            ++restarts;
        const bool b = s >= 2170;
        const QString job = b ? jobB : jobA;
        const double wave = std::sin(s / 240.0) * 120 + std::sin(s / 37.0) * 35;
        double out_ = b ? 2350 + wave * 1.6 : 1200 + wave;
        double busy = b ? 260 + wave / 6 : 380 + wave / 4;
        double back = b ? 8 : 25 + std::max(0.0, wave / 5);
        if (loop) {
            const int phase = (s - 1500) % 100;
            out_ = phase < 10 ? 1800 - phase * 120 : 60 + (phase % 7) * 25;
            busy = 880 + (phase % 5) * 20;
            back = 620 + (phase % 9) * 30;
        }
        if (b && s < 2260)
            out_ *= (s - 2170) / 90.0 * 0.6 + 0.4; // catching up after the restore
        checkpointSize += b ? 45000 : 60000;
        const double duration = loop ? 9000 + (s % 11) * 400 : 900 + std::fmod(s * 7.3, 500);
        const qint64 uptime = b ? (s - 2170) * 1000LL : loop ? ((s - 1500) % 100) * 1000LL : s * 1000LL;
        out.append({t, job, QString(MetricName::SourceRecordsOut), out_});
        out.append({t, job, QString(MetricName::SinkRecordsIn), out_ * 0.97});
        out.append({t, job, QString(MetricName::MaxBusy), busy});
        out.append({t, job, QString(MetricName::MaxBackPressured), back});
        out.append({t, job, QString(MetricName::LastCheckpointDuration), duration});
        out.append({t, job, QString(MetricName::LastCheckpointSize), checkpointSize});
        out.append({t, job, QString(MetricName::NumRestarts), double(b ? 0 : restarts)});
        out.append({t, job, QString(MetricName::Uptime), double(uptime)});
    }
    return out;
}

void TestMetricsView::pinnedDeploymentIsCollectedWhileClosed()
{
    SandboxFixture sandbox(-1, 20);
    QVERIFY(sandbox.started);
    const SessionOptions options = fastPolling(QStringLiteral("history-pinned.sqlite"));
    MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.resize(1600, 1000);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 4, 10000);
    const QString uid = uidOf(sandbox, QStringLiteral("github-analytics"));

    // Capstan's own action on the deployment becomes a labelled marker on its charts.
    QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    MetricsView *view = window.deploymentPage()->metricsView();
    QAction *savepoint = window.actions()->action(ActionKind::Savepoint);
    QTRY_VERIFY_WITH_TIMEOUT(savepoint->isEnabled(), 10000);
    savepoint->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!view->actionMarkers().isEmpty(), 30000);
    QCOMPARE(view->actionMarkers().constLast().label, QStringLiteral("Trigger Savepoint"));
    QCOMPARE(view->actionMarkers().constLast().kind, ChartMarker::Kind::Action);

    // Pin it, then open another deployment: its metrics keep arriving in the store.
    auto *pin = window.findChild<QAction *>(QStringLiteral("pinMetricsAction"));
    QVERIFY(pin && pin->isEnabled() && !pin->isChecked());
    pin->trigger();
    QVERIFY(pin->isChecked());
    const QModelIndex row = [&] {
        for (int r = 0; r < window.deploymentModel()->rowCount(); ++r) {
            const QModelIndex index = window.deploymentModel()->index(r, DeploymentTableModel::Name);
            if (index.data(DeploymentTableModel::UidRole).toString() == uid)
                return index;
        }
        return QModelIndex();
    }();
    QVERIFY(row.isValid());
    QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(window.openDeployment(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")));
    QVERIFY(!pin->isChecked());
    // Samples are stamped by the cluster's clock, which runs 20 times as fast as this one.
    const qint64 closedAt = sandbox.server->clock().nowMs();
    MetricStore store(options.historyPath);
    const QString throughput = QString(MetricName::SourceRecordsOut);
    QTRY_VERIFY_WITH_TIMEOUT(store.range(uid, throughput, closedAt + 500, closedAt + 600000).size() >= 3, 30000);

    // Unpinned, collection stops once its page is closed.
    QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
    QVERIFY(pin->isChecked());
    pin->trigger();
    QVERIFY(window.openDeployment(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")));
    QTest::qWait(500); // let a round in flight land
    const qint64 unpinnedAt = sandbox.server->clock().nowMs() + 3000; // the session's estimate of it may lead
    QTest::qWait(1500); // five poll intervals
    QCOMPARE(store.range(uid, throughput, unpinnedAt, unpinnedAt + 600000).size(), 0);
}

void TestMetricsView::screenshots()
{
    // The real path: synthetic history in the MetricStore of the session's history file, loaded by
    // the session when the deployment opens. Warning events of the restart loop come from the sandbox.
    SandboxFixture sandbox(-1);
    QVERIFY(sandbox.started);
    const QString uid = uidOf(sandbox, QStringLiteral("github-analytics"));
    QVERIFY(!uid.isEmpty());
    const QString historyPath = m_dir.filePath(QStringLiteral("history-shots.sqlite"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList jobs;
    {
        MetricStore store(historyPath);
        QVERIFY(store.append(uid, syntheticHour(now, &jobs)));
        // The Configure that redeployed the job with parallelism 2, and an earlier savepoint.
        AuditLog audit(historyPath);
        for (const auto &[minute, action] :
             {std::pair{34.5, QStringLiteral("Configure")}, std::pair{10.0, QStringLiteral("Savepoint")}}) {
            AuditEntry entry;
            entry.time = QDateTime::fromMSecsSinceEpoch(now - qint64((60 - minute) * 60000), Qt::UTC);
            entry.context = QStringLiteral("sandbox");
            entry.ns = QStringLiteral("default");
            entry.deployment = QStringLiteral("github-analytics");
            entry.action = action;
            entry.outcome = QStringLiteral("Succeeded");
            audit.append(entry);
        }
    }
    for (int i = 0; i < 3; ++i) {
        const QString at = QDateTime::fromMSecsSinceEpoch(now - (3600 - 1500 - i * 200 - 75) * 1000LL, Qt::UTC)
                               .toString(Qt::ISODate);
        const QJsonObject event{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Event")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("github-analytics.restart-%1").arg(i)},
                         {QStringLiteral("namespace"), QStringLiteral("default")}}},
            {QStringLiteral("involvedObject"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
                         {QStringLiteral("namespace"), QStringLiteral("default")},
                         {QStringLiteral("name"), QStringLiteral("github-analytics")},
                         {QStringLiteral("uid"), uid}}},
            {QStringLiteral("type"), QStringLiteral("Warning")},
            {QStringLiteral("reason"), QStringLiteral("JobException")},
            {QStringLiteral("message"), QStringLiteral("java.lang.IllegalStateException: new feature enabled")},
            {QStringLiteral("count"), 1},
            {QStringLiteral("firstTimestamp"), at},
            {QStringLiteral("lastTimestamp"), at},
            {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), QStringLiteral("Operator")}}}};
        QVERIFY(sandbox.server->store().create(QStringLiteral("events"), QStringLiteral("default"), event).ok());
    }

    for (const bool dark : {false, true}) {
        const QPalette original = QApplication::palette();
        if (dark) {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(Theme::darkPalette());
        }
        SessionOptions options;
        options.historyPath = historyPath;
        options.informer.batchIntervalMs = 50;
        MainWindow window(sandbox.kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
        window.resize(1600, 1000);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 4, 10000);
        QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));
        DeploymentPage *page = window.deploymentPage();
        auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
        tabs->setCurrentIndex(DeploymentPage::MetricsTab);
        MetricsView *view = page->metricsView();
        QTRY_VERIFY_WITH_TIMEOUT(view->jobIds(QString(MetricName::NumRestarts)) == jobs, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!view->jobChangeMarkers().isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(view->actionMarkers().size(), 2, 5000);
        QTest::qWait(300);
        view->redraw();
        const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
        saveShot(&window, QStringLiteral("metrics-%1").arg(suffix));
        QVERIFY(view->exportPng(QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots/metrics-charts-%1.png").arg(suffix)));
        if (!dark) {
            view->setRange(MetricsView::Range::Minutes15);
            saveShot(&window, QStringLiteral("metrics-15m-light"));
            view->setRange(MetricsView::Range::Days7);
            saveShot(&window, QStringLiteral("metrics-7d-light"));
        }
        QApplication::setPalette(original);
    }
}

void TestMetricsView::markerLabelsStayApart()
{
    // Two job changes and two actions a few pixels apart at each edge of the plot (a Configure and
    // the job it started, a fresh sandbox's right edge), in a chart at its smallest height and in a
    // tall one: every label inside the plot, none over another.
    for (const int height : {150, 400}) {
        MetricChartView view(new QChart);
        view.resize(720, height);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.height(), height);
        const qint64 span = 3600 * 1000;
        view.setTimeRange(0, span);
        const int plot = view.plotWidth();
        const auto at = [&](int px) { return qint64(double(px) / plot * double(span)); };
        using Kind = ChartMarker::Kind;
        view.setMarkers({{at(1), Kind::JobChange, QStringLiteral("0b5e77aa")},
                         {at(4), Kind::Action, QStringLiteral("Configure")},
                         {at(6), Kind::JobChange, QStringLiteral("c0ffee12")},
                         {at(9), Kind::Action, QStringLiteral("Savepoint")},
                         {at(plot / 2), Kind::Warning, QStringLiteral("JobException")},
                         {at(plot - 12), Kind::Action, QStringLiteral("Savepoint")},
                         {at(plot - 9), Kind::JobChange, QStringLiteral("a3f9c2d1")},
                         {at(plot - 5), Kind::Action, QStringLiteral("Configure")},
                         {at(plot - 2), Kind::JobChange, QStringLiteral("7d41b0c9")}});
        const QList<QRect> rects = view.markerLabelRects();
        // The tall chart has room for all eight; the short one for at least one of each kind per edge.
        QVERIFY2(rects.size() >= (height > 300 ? 8 : 4), qPrintable(QString::number(rects.size())));
        const QRect plotArea = view.chart()->plotArea().toAlignedRect();
        for (qsizetype i = 0; i < rects.size(); ++i) {
            QVERIFY(view.rect().contains(rects.at(i)));
            QVERIFY(plotArea.contains(rects.at(i)));
            for (qsizetype j = i + 1; j < rects.size(); ++j)
                QVERIFY2(!rects.at(i).intersects(rects.at(j)),
                         qPrintable(QStringLiteral("labels %1 and %2 at height %3").arg(i).arg(j).arg(height)));
        }
        saveShot(&view, QStringLiteral("metricchart-marker-labels-%1").arg(height));
    }
}

QTEST_MAIN(TestMetricsView)
#include "tst_metricsview.moc"
