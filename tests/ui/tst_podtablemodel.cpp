#include "ui/logs/logmodel.h"
#include "ui/logs/logview.h"
#include "ui/logs/logwindow.h"
#include "ui/metricchartview.h"
#include "ui/metricsview.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/podtablemodel.h"
#include "ui/theme.h"
#include "ui/widgets/podspanel.h"
#include "ui/widgets/snapshottimeline.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace capstan;

namespace {

const QDateTime Now = QDateTime::currentDateTimeUtc();

ContainerStatus running(int restarts = 0, bool ready = true)
{
    ContainerStatus c;
    c.name = Pod::mainContainerName;
    c.ready = ready;
    c.restartCount = restarts;
    c.state.kind = ContainerState::Kind::Running;
    c.state.startedAt = Now.addSecs(-600);
    return c;
}

Pod pod(const QString &name, PodComponent component, const ContainerStatus &main)
{
    Pod p;
    p.uid = QStringLiteral("uid-") + name;
    p.name = name;
    p.ns = QStringLiteral("default");
    p.deployment = QStringLiteral("github-analytics");
    p.component = component;
    p.phase = QStringLiteral("Running");
    p.ready = main.ready;
    p.node = QStringLiteral("sandbox-worker-1");
    p.created = Now.addSecs(-3600);
    p.startTime = Now.addSecs(-3600);
    p.containers = {main};
    return p;
}

Pod crashLoopingJobManager()
{
    ContainerStatus c = running(4, false);
    c.state = {};
    c.state.kind = ContainerState::Kind::Waiting;
    c.state.reason = QStringLiteral("CrashLoopBackOff");
    c.lastState.kind = ContainerState::Kind::Terminated;
    c.lastState.reason = QStringLiteral("Error");
    c.lastState.exitCode = 1;
    c.lastState.startedAt = Now.addSecs(-95);
    c.lastState.finishedAt = Now.addSecs(-90);
    return pod(QStringLiteral("github-analytics-6d8f9c7b5-x2kqp"), PodComponent::JobManager, c);
}

Obituary oomObituary()
{
    Obituary o;
    o.key = QStringLiteral("uid-tm-1-1/flink-main-container/1");
    o.deploymentUid = QStringLiteral("dep-uid");
    o.ns = QStringLiteral("default");
    o.podName = QStringLiteral("github-analytics-taskmanager-1-1");
    o.podUid = QStringLiteral("uid-tm-1-1");
    o.component = PodComponent::TaskManager;
    o.container = Pod::mainContainerName;
    o.node = QStringLiteral("sandbox-worker-2");
    o.started = Now.addSecs(-1800);
    o.ended = Now.addSecs(-300);
    o.reason = QStringLiteral("OOMKilled");
    o.exitCode = 137;
    o.explanation = QStringLiteral("OOMKilled (exit 137): the container exceeded its memory limit — raise taskmanager "
                                   "memory (taskManager.resource.memory).");
    o.logTail = {QStringLiteral("2026-12-02 20:31:07,123 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor [] - "
                                "Received task Source: events (1/2)"),
                 QStringLiteral("2026-12-02 20:31:09,456 ERROR org.apache.flink.runtime.taskexecutor.TaskManagerRunner "
                                "[] - Fatal error occurred while executing the TaskManager."),
                 QStringLiteral("java.lang.OutOfMemoryError: Java heap space"),
                 QStringLiteral("\tat java.util.Arrays.copyOf(Arrays.java:3512)")};
    o.logSource = QStringLiteral("Kubernetes (pods/log)");
    return o;
}

PodBatch batch(const QList<Pod> &pods, bool reset, const QStringList &removed = {})
{
    PodBatch b;
    b.deploymentUid = QStringLiteral("dep-uid");
    b.upserted = pods;
    b.removed = removed;
    b.reset = reset;
    return b;
}

} // namespace

class TestPodTableModel : public QObject
{
    Q_OBJECT

private slots:
    void orderAndColumns();
    void updatesKeepRows();
    void obituariesBelow();
    void statusTexts();
    void panel();
    void screenshots_data();
    void screenshots();
    void german();
    void chartMarkers();

private:
    void saveShot(QWidget *widget, const QString &name);
};

void TestPodTableModel::saveShot(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString suffix
        = qEnvironmentVariable("QT_SCALE_FACTOR") == QLatin1String("2") ? QStringLiteral("-2x") : QString();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + suffix + QStringLiteral(".png")));
}

void TestPodTableModel::orderAndColumns()
{
    PodTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyPods(batch({pod(QStringLiteral("ga-taskmanager-1-2"), PodComponent::TaskManager, running()),
                           crashLoopingJobManager(),
                           pod(QStringLiteral("ga-taskmanager-1-1"), PodComponent::TaskManager, running())},
                          true));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, PodTableModel::Component).data().toString(), QStringLiteral("JobManager"));
    QCOMPARE(model.index(1, PodTableModel::Name).data().toString(), QStringLiteral("ga-taskmanager-1-1"));
    QCOMPARE(model.index(2, PodTableModel::Name).data().toString(), QStringLiteral("ga-taskmanager-1-2"));
    QCOMPARE(model.index(0, PodTableModel::Status).data().toString(), QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(model.index(0, PodTableModel::Ready).data().toString(), QStringLiteral("0/1"));
    QCOMPARE(model.index(0, PodTableModel::Restarts).data().toInt(), 4);
    QCOMPARE(model.index(0, PodTableModel::Age).data().toString(), DeploymentTableModel::ageText(3600));
    QCOMPARE(model.index(0, PodTableModel::Node).data().toString(), QStringLiteral("sandbox-worker-1"));
    QCOMPARE(model.index(0, PodTableModel::LastTermination).data().toString(),
             QStringLiteral("Error (exit 1), %1 ago").arg(DeploymentTableModel::ageText(90)));
    QVERIFY(model.index(0, PodTableModel::Explanation).data().toString().contains(QStringLiteral("previous")));
    QCOMPARE(model.index(0, 0).data(PodTableModel::SeverityRole).toInt(), int(PodProblem::Severity::Error));
    QVERIFY(model.index(0, PodTableModel::Status).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, PodTableModel::Status).data().toString(), QStringLiteral("Running"));
    QCOMPARE(model.index(1, PodTableModel::LastTermination).data().toString(), QString());
    QVERIFY(!model.index(1, PodTableModel::Status).data(Qt::ForegroundRole).isValid());
}

void TestPodTableModel::updatesKeepRows()
{
    PodTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyPods(batch(
        {crashLoopingJobManager(), pod(QStringLiteral("ga-taskmanager-1-1"), PodComponent::TaskManager, running())},
        true));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Pod tm = pod(QStringLiteral("ga-taskmanager-1-1"), PodComponent::TaskManager, running(0, false));
    model.applyPods(batch({tm}, false));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, PodTableModel::Ready).data().toString(), QStringLiteral("0/1"));
    // A scale-up inserts in name order; a removal removes one row.
    model.applyPods(batch({pod(QStringLiteral("ga-taskmanager-1-0"), PodComponent::TaskManager, running())}, false));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    model.applyPods(batch({}, false, {tm.uid}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowOfPod(tm.uid), -1);
}

void TestPodTableModel::obituariesBelow()
{
    PodTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyPods(batch({crashLoopingJobManager()}, true));
    ObituaryBatch obituaries;
    obituaries.deploymentUid = QStringLiteral("dep-uid");
    obituaries.obituaries = {oomObituary()};
    obituaries.reset = true;
    model.applyObituaries(obituaries);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.isObituary(1));
    QVERIFY(model.index(1, 0).data(PodTableModel::IsObituaryRole).toBool());
    QCOMPARE(model.index(1, PodTableModel::Status).data().toString(), QStringLiteral("Gone"));
    QCOMPARE(model.index(1, PodTableModel::LastTermination).data().toString(), QStringLiteral("OOMKilled (exit 137)"));
    QCOMPARE(model.index(1, PodTableModel::Age).data().toString(),
             QStringLiteral("ended %1 ago").arg(DeploymentTableModel::ageText(300)));
    QVERIFY(
        model.index(1, PodTableModel::Name).data(Qt::ToolTipRole).toString().contains(QStringLiteral("4 log line")));
    // Greyed.
    QCOMPARE(model.index(1, PodTableModel::Name).data(Qt::ForegroundRole).value<QColor>(),
             QGuiApplication::palette().color(QPalette::PlaceholderText));

    // A new pod goes above the obituaries; a newer obituary goes first among them; its log tail
    // arriving later replaces it in place.
    model.applyPods(batch({pod(QStringLiteral("ga-taskmanager-2-1"), PodComponent::TaskManager, running())}, false));
    QCOMPARE(model.podCount(), 2);
    QVERIFY(model.isObituary(2));
    Obituary newer = oomObituary();
    newer.key = QStringLiteral("newer");
    newer.ended = Now.addSecs(-10);
    newer.logTail.clear();
    obituaries.obituaries = {newer};
    obituaries.reset = false;
    model.applyObituaries(obituaries);
    QCOMPARE(model.obituary(2)->key, QStringLiteral("newer"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    newer.logTail = {QStringLiteral("last words")};
    obituaries.obituaries = {newer};
    model.applyObituaries(obituaries);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.obituary(2)->logTail, QStringList{QStringLiteral("last words")});
}

void TestPodTableModel::statusTexts()
{
    Pod p = pod(QStringLiteral("x"), PodComponent::TaskManager, running());
    QCOMPARE(PodTableModel::statusText(p), QStringLiteral("Running"));
    p.deletionTime = Now;
    QCOMPARE(PodTableModel::statusText(p), QStringLiteral("Terminating"));
    p.deletionTime = {};
    p.phase = QStringLiteral("Pending");
    p.containers.clear();
    p.unschedulableReason = QStringLiteral("Unschedulable");
    QCOMPARE(PodTableModel::statusText(p), QStringLiteral("Unschedulable"));
    p.reason = QStringLiteral("Evicted");
    QCOMPARE(PodTableModel::statusText(p), QStringLiteral("Evicted"));
    ContainerState oom;
    oom.kind = ContainerState::Kind::Terminated;
    oom.reason = QStringLiteral("OOMKilled");
    oom.exitCode = 137;
    oom.finishedAt = Now.addSecs(-120);
    QCOMPARE(PodTableModel::terminationText(oom, Now), QStringLiteral("OOMKilled (exit 137), 2m ago"));
}

void TestPodTableModel::panel()
{
    PodsPanel panel;
    Deployment d;
    d.uid = QStringLiteral("dep-uid");
    d.name = QStringLiteral("github-analytics");
    d.ns = QStringLiteral("default");
    panel.setDeployment(d);
    panel.resize(1200, 400);
    panel.show();
    QSignalSpy titles(&panel, &PodsPanel::titleChanged);
    panel.model()->applyPods(batch({crashLoopingJobManager()}, true));
    ObituaryBatch obituaries;
    obituaries.deploymentUid = d.uid;
    obituaries.obituaries = {oomObituary()};
    obituaries.reset = true;
    panel.model()->applyObituaries(obituaries);
    QCOMPARE(titles.last().at(0).toString(), QStringLiteral("Pods (1, 1 ended)"));

    auto *logs = panel.findChild<QPushButton *>(QStringLiteral("openLogsButton"));
    auto *previous = panel.findChild<QPushButton *>(QStringLiteral("previousLogsButton"));
    auto *detail = panel.findChild<QLabel *>(QStringLiteral("podDetailLabel"));
    QVERIFY(!logs->isEnabled());
    panel.view()->selectRow(0);
    QVERIFY(logs->isEnabled());
    QVERIFY(previous->isEnabled()); // it restarted
    QVERIFY(detail->text().startsWith(QStringLiteral("CrashLoopBackOff")));

    // Without a session the viewer says it cannot read; with an obituary it shows the recorded lines.
    LogWindow *window = panel.openLogs(0, true);
    QVERIFY(window);
    QVERIFY(window->view()->previous());
    QCOMPARE(panel.openLogs(0), window); // one window per pod
    window->close();

    panel.view()->selectRow(1);
    QCOMPARE(logs->text(), QStringLiteral("Recorded &Lines…"));
    QVERIFY(previous->isHidden());
    QVERIFY(detail->text().startsWith(QStringLiteral("OOMKilled (exit 137)")));
    QTest::mouseClick(logs, Qt::LeftButton);
    QTRY_COMPARE(panel.logWindows().size(), 1);
    LogWindow *obituaryWindow = panel.logWindows().constLast();
    QCOMPARE(obituaryWindow->view()->model()->lineCount(), 4);
    QVERIFY(obituaryWindow->view()->model()->isFoldable(2)); // the OutOfMemoryError's trace is folded
}

void TestPodTableModel::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestPodTableModel::screenshots()
{
    QFETCH(bool, dark);
    QApplication::setStyle(QStringLiteral("Fusion"));
    Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
    const QString theme = dark ? QStringLiteral("-dark") : QString();
    PodsPanel panel;
    Deployment d;
    d.uid = QStringLiteral("dep-uid");
    d.name = QStringLiteral("github-analytics");
    panel.setDeployment(d);
    panel.resize(1280, 360);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ContainerStatus pending;
    pending.name = Pod::mainContainerName;
    pending.state.kind = ContainerState::Kind::Waiting;
    pending.state.reason = QStringLiteral("ContainerCreating");
    Pod starting = pod(QStringLiteral("github-analytics-taskmanager-2-2"), PodComponent::TaskManager, pending);
    starting.phase = QStringLiteral("Pending");
    starting.startTime = Now.addSecs(-8);
    panel.model()->applyPods(
        batch({crashLoopingJobManager(),
               pod(QStringLiteral("github-analytics-taskmanager-2-1"), PodComponent::TaskManager, running()), starting},
              true));
    ObituaryBatch obituaries;
    obituaries.deploymentUid = d.uid;
    Obituary gone = oomObituary();
    gone.key = QStringLiteral("gone");
    gone.podName = QStringLiteral("github-analytics-taskmanager-1-2");
    gone.reason = QStringLiteral("Deleted");
    gone.exitCode = -1;
    gone.explanation = QStringLiteral("The pod disappeared before Kubernetes reported how it ended.");
    gone.ended = Now.addSecs(-1200);
    obituaries.obituaries = {oomObituary(), gone};
    obituaries.reset = true;
    panel.model()->applyObituaries(obituaries);
    panel.view()->selectRow(0);
    QCoreApplication::processEvents();
    saveShot(&panel, QStringLiteral("podstab") + theme);
    // Every column's text fits (no "…") at this width, but the explanation, which stretches.
    const QFontMetrics fm(panel.view()->font());
    for (int column = 0; column < PodTableModel::Explanation; ++column) {
        for (int row = 0; row < panel.model()->rowCount(); ++row) {
            const QString text = panel.model()->index(row, column).data().toString();
            QVERIFY2(fm.horizontalAdvance(text) + 8 <= panel.view()->columnWidth(column),
                     qPrintable(QStringLiteral("column %1 clips %2").arg(column).arg(text)));
        }
    }

    // The obituary's recorded lines.
    panel.view()->selectRow(3);
    LogWindow *window = panel.openLogs(3);
    window->resize(1000, 320);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCoreApplication::processEvents();
    saveShot(window, QStringLiteral("obituary-log") + theme);

    // The timeline with the obituaries marked.
    SnapshotTimeline timeline;
    timeline.resize(900, timeline.sizeHint().height());
    Snapshot s;
    s.key = QStringLiteral("s1");
    s.type = QStringLiteral("CHECKPOINT");
    s.state = QStringLiteral("COMPLETED");
    s.time = Now.addSecs(-1500);
    Snapshot s2 = s;
    s2.key = QStringLiteral("s2");
    s2.time = Now.addSecs(-200);
    timeline.setSnapshots({s, s2});
    timeline.setObituaries(panel.model()->obituaries());
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    QVERIFY(!timeline.isEmpty());
    const auto range = timeline.visibleRange();
    QVERIFY(range.first <= gone.ended && range.second >= oomObituary().ended);
    saveShot(&timeline, QStringLiteral("obituary-timeline") + theme);
    Theme::apply(ThemeChoice::Light);
}

void TestPodTableModel::german()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/capstan_de.qm")));
    QCoreApplication::installTranslator(&translator);
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    PodsPanel panel;
    Deployment d;
    d.uid = QStringLiteral("dep-uid");
    panel.setDeployment(d);
    panel.resize(1280, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.model()->applyPods(batch({crashLoopingJobManager()}, true));
    ObituaryBatch obituaries;
    obituaries.deploymentUid = d.uid;
    obituaries.obituaries = {oomObituary()};
    obituaries.reset = true;
    panel.model()->applyObituaries(obituaries);
    panel.view()->selectRow(0);
    QCOMPARE(panel.model()->headerData(PodTableModel::Node, Qt::Horizontal).toString(), QStringLiteral("Knoten"));
    QCOMPARE(panel.title(), QStringLiteral("Pods (1, 1 beendet)"));
    saveShot(&panel, QStringLiteral("podstab-de"));
    // Buttons show their whole text.
    for (const QPushButton *button : panel.findChildren<QPushButton *>()) {
        if (button->isVisible())
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
    }

    LogWindow *window = panel.openLogs(1);
    window->resize(1100, 300);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    saveShot(window, QStringLiteral("obituary-log-de"));
    LogView view;
    view.setPreviousAvailable(true);
    view.resize(1100, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.appendLines(oomObituary().logTail);
    view.flush();
    saveShot(&view, QStringLiteral("logview-de"));
    for (const QWidget *widget : view.findChildren<QWidget *>()) {
        if (widget->isVisible()
            && (qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLabel *>(widget)))
            QVERIFY2(widget->width() >= widget->sizeHint().width(), qPrintable(widget->objectName()));
    }
}

void TestPodTableModel::chartMarkers()
{
    MetricsView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 end = Now.toMSecsSinceEpoch() / 1000 * 1000;
    QList<MetricSample> samples;
    for (qint64 t = end - 1800 * 1000; t <= end; t += 5000) {
        const QString job = t < end - 300 * 1000 ? QStringLiteral("a3f9c2e1aaaa") : QStringLiteral("7d41b0c9bbbb");
        samples.append({t, job, QString(MetricName::SourceRecordsOut), 1000.0 + double((t / 5000) % 40) * 10});
        samples.append({t, job, QString(MetricName::NumRestarts), t < end - 300 * 1000 ? 0.0 : 1.0});
    }
    view.appendMetrics(samples);
    view.setCustomRange(end - 1800 * 1000, end);
    const Obituary o = oomObituary();
    view.setObituaryMarkers({{o.ended.toMSecsSinceEpoch(), o.markerLabel()}});
    QCOMPARE(view.obituaryMarkers().size(), 1);
    QCOMPARE(view.obituaryMarkers().constFirst().kind, ChartMarker::Kind::Obituary);
    const QList<MetricChartView *> charts = view.findChildren<MetricChartView *>();
    QVERIFY(!charts.isEmpty());
    for (const MetricChartView *chart : charts) {
        QVERIFY(std::any_of(chart->markers().cbegin(), chart->markers().cend(),
                            [](const ChartMarker &m) { return m.kind == ChartMarker::Kind::Obituary; }));
    }
    view.redraw();
    QCoreApplication::processEvents();
    saveShot(view.chartsWidget(), QStringLiteral("obituary-chart"));
    view.clearMetrics();
    QVERIFY(view.obituaryMarkers().isEmpty());
}

QTEST_MAIN(TestPodTableModel)
#include "tst_podtablemodel.moc"
