// The Job Graph tab and the Jobs tab's restore provenance against the sandbox: the real MainWindow,
// session and JobManager REST API through the service proxy. The operator simulation runs on a paused
// clock the test steps, so the jobs' states are the test's.

#include "common/sandboxfixture.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"
#include "session/sessionhost.h"
#include "ui/deploymentpage.h"
#include "ui/jobgraph/jobgraphpanel.h"
#include "ui/jobgraph/jobgraphview.h"
#include "ui/mainwindow.h"
#include "ui/models/jobruntablemodel.h"
#include "ui/models/subtasktablemodel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

class TestJobGraph : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoJobGraph();
    void largeJobGraph();
    void backPressuredRestartLoop();
    void provenanceAfterSavepointUpgrade();
    void provenanceAfterLastStateRedeploy();
    void provenanceWarningShown();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    void create(const QString &name, const QString &topology, const QJsonObject &extraSpec = {},
                const QJsonObject &annotations = {});
    bool runUntil(const std::function<bool()> &done, qint64 maxMs = 120000);
    QJsonObject object(const QString &name);
    QString jobState(const QString &name) { return object(name).value(u"status")[u"jobStatus"][u"state"].toString(); }
    void patchSpec(const QString &name, const std::function<void(QJsonObject &)> &edit);
    std::unique_ptr<MainWindow> openWindow(const QString &name, DeploymentPage::Tab tab);
    void saveShot(QWidget *widget, const QString &name);
    static JobGraphPanel *panel(MainWindow *window) { return window->deploymentPage()->jobGraphPanel(); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestJobGraph::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestJobGraph::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
}

void TestJobGraph::cleanup()
{
    m_sandbox.reset();
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestJobGraph::create(const QString &name, const QString &topology, const QJsonObject &extraSpec,
                          const QJsonObject &annotations)
{
    QJsonObject object = SandboxFixture::podDeployment(name, 2, extraSpec);
    QJsonObject metadata = object.value(u"metadata").toObject();
    QJsonObject allAnnotations = annotations;
    allAnnotations.insert(QStringLiteral("sandbox.capstan.io/topology"), topology);
    metadata.insert(QStringLiteral("annotations"), allAnnotations);
    object.insert(QStringLiteral("metadata"), metadata);
    QVERIFY(
        m_sandbox->server->store().create(QStringLiteral("flinkdeployments"), QStringLiteral("default"), object).ok());
}

QJsonObject TestJobGraph::object(const QString &name)
{
    const auto result
        = m_sandbox->server->store().get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), name);
    return result.ok() ? result.object : QJsonObject();
}

void TestJobGraph::patchSpec(const QString &name, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject o = object(name);
    QJsonObject spec = o.value(u"spec").toObject();
    edit(spec);
    o.insert(QStringLiteral("spec"), spec);
    QVERIFY(
        m_sandbox->server->store().update(QStringLiteral("flinkdeployments"), QStringLiteral("default"), name, o).ok());
}

// Steps the simulation in 250 ms passes, letting the window's session catch up after each second.
bool TestJobGraph::runUntil(const std::function<bool()> &done, qint64 maxMs)
{
    for (qint64 t = 0; t < maxMs; t += 1000) {
        m_sandbox->stepSimulation(1000);
        QTest::qWait(20);
        if (done())
            return true;
    }
    return done();
}

std::unique_ptr<MainWindow> TestJobGraph::openWindow(const QString &name, DeploymentPage::Tab tab)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(name));
    options.pollIntervalMs = 200;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("default"), options);
    window->resize(1500, 1000);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(QStringLiteral("default"), name); }, 10000))
        return {};
    window->deploymentPage()->setCurrentTab(tab);
    return window;
}

void TestJobGraph::saveShot(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestJobGraph::demoJobGraph()
{
    create(QStringLiteral("analytics"), QStringLiteral("analytics"));
    QVERIFY(runUntil([&] { return jobState(QStringLiteral("analytics")) == u"RUNNING"; }));
    // A checkpoint completes, so the vertex details have their part of it.
    m_sandbox->stepSimulation(15000);
    auto window = openWindow(QStringLiteral("analytics"), DeploymentPage::JobGraphTab);
    QVERIFY(window);
    JobGraphView *view = panel(window.get())->graphView();
    QTRY_COMPARE_WITH_TIMEOUT(view->graph().vertices.size(), 7, 10000);
    const JobGraph &graph = view->graph();
    QVERIFY(graph.layerCount() >= 3);
    QVERIFY(graph.vertices.constFirst().isSource());
    for (const JobVertex &v : graph.vertices) {
        QCOMPARE(v.status, QStringLiteral("RUNNING"));
        QVERIFY(v.parallelism > 0);
    }
    // The live figures arrive with the vertex metrics.
    QTRY_VERIFY_WITH_TIMEOUT(view->graph().vertices.constFirst().recordsOutPerSecond > 0, 10000);
    QVERIFY(panel(window.get())->statusText().contains(QStringLiteral("7 vertices")));

    // Click the last vertex (a sink): its subtasks, the pods they run in, their part of the checkpoint.
    const JobVertex sink = view->graph().vertices.constLast();
    const QRect rect = view->vertexRect(sink.id);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view->selectedVertex(), sink.id);
    SubtaskTableModel *subtasks = panel(window.get())->subtaskModel();
    QTRY_COMPARE_WITH_TIMEOUT(subtasks->rowCount(), sink.parallelism, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(subtasks->details().checkpointId >= 0, 10000);
    for (int row = 0; row < subtasks->rowCount(); ++row) {
        const QString pod = subtasks->data(subtasks->index(row, SubtaskTableModel::TaskManager)).toString();
        QVERIFY2(pod.startsWith(QStringLiteral("analytics-taskmanager-")), qPrintable(pod));
        QVERIFY(!subtasks->data(subtasks->index(row, SubtaskTableModel::Busy)).toString().isEmpty());
        QVERIFY(!subtasks->data(subtasks->index(row, SubtaskTableModel::CheckpointSize)).toString().isEmpty());
    }
    QVERIFY(panel(window.get())->vertexSummary().contains(QStringLiteral("checkpoint")));
    saveShot(window.get(), QStringLiteral("jobgraph-light"));

    // The dark palette: boxes, edges and text follow it.
    QApplication::setPalette(Theme::darkPalette());
    QTest::qWait(100);
    saveShot(window.get(), QStringLiteral("jobgraph-dark"));

    // Leaving the tab stops the polling of the graph: no more graphs arrive.
    window->deploymentPage()->setCurrentTab(DeploymentPage::OverviewTab);
    QSignalSpy graphs(window->session()->session(), &ClusterSession::jobGraphChanged);
    QTest::qWait(800);
    QCOMPARE(graphs.count(), 0);
}

void TestJobGraph::largeJobGraph()
{
    create(QStringLiteral("sessionizer"), QStringLiteral("sessionizer"));
    QVERIFY(runUntil([&] { return jobState(QStringLiteral("sessionizer")) == u"RUNNING"; }));
    auto window = openWindow(QStringLiteral("sessionizer"), DeploymentPage::JobGraphTab);
    QVERIFY(window);
    JobGraphView *view = panel(window.get())->graphView();
    QTRY_VERIFY_WITH_TIMEOUT(view->graph().vertices.size() >= 30, 10000);
    // Fitted: every vertex is inside the viewport.
    const QRect viewport = view->viewport()->rect();
    for (const JobVertex &v : view->graph().vertices)
        QVERIFY2(viewport.contains(view->vertexRect(v.id)), qPrintable(v.name));
    // The keyboard reaches the vertices: the first key selects a source, Right goes downstream.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Right);
    const QString first = view->selectedVertex();
    QVERIFY(!first.isEmpty());
    QTest::keyClick(view, Qt::Key_Right);
    const QString second = view->selectedVertex();
    QVERIFY(second != first);
    const int index = view->graph().indexOf(second);
    QVERIFY(view->graph().vertices.at(index).layer > 0);
    QTRY_COMPARE_WITH_TIMEOUT(panel(window.get())->subtaskModel()->rowCount(),
                              view->graph().vertices.at(index).parallelism, 10000);
    // Zooming keeps the selection and changes the scale; 0 fits again.
    const double fitted = view->zoom();
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(view->zoom() > fitted);
    QTest::keyClick(view, Qt::Key_0);
    QCOMPARE(view->zoom(), fitted);
    QCOMPARE(view->selectedVertex(), second);
    saveShot(window.get(), QStringLiteral("jobgraph-36-vertices"));
}

void TestJobGraph::backPressuredRestartLoop()
{
    // Far more input than the job can take, and the feature flag that makes it fail and restart.
    create(QStringLiteral("flooded"), QStringLiteral("fraud"), {},
           QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("500000")}});
    QVERIFY(runUntil([&] { return jobState(QStringLiteral("flooded")) == u"RUNNING"; }));
    auto window = openWindow(QStringLiteral("flooded"), DeploymentPage::JobGraphTab);
    QVERIFY(window);
    JobGraphView *view = panel(window.get())->graphView();
    const auto anyHigh = [&] {
        for (const JobVertex &v : view->graph().vertices) {
            if (v.pressure() == JobVertex::Pressure::High)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(anyHigh(), 10000);
    // The status line names the bottleneck in words.
    QTRY_VERIFY_WITH_TIMEOUT(panel(window.get())->statusText().contains(QStringLiteral("bottleneck")), 5000);
    patchSpec(QStringLiteral("flooded"), [](QJsonObject &spec) {
        QJsonObject job = spec.value(u"job").toObject();
        job.insert(QStringLiteral("args"), QJsonArray{QStringLiteral("--enable-new-feature=true")});
        spec.insert(QStringLiteral("job"), job);
    });
    // Into the restart loop: the graph keeps showing the job as the JobManager reports it.
    QVERIFY(runUntil([&] { return jobState(QStringLiteral("flooded")) == u"RESTARTING"; }));
    QVERIFY(!view->graph().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(panel(window.get())->statusText().contains(QStringLiteral("restart")), 10000);
    saveShot(window.get(), QStringLiteral("jobgraph-backpressured-restart-loop"));
}

void TestJobGraph::provenanceAfterSavepointUpgrade()
{
    create(
        QStringLiteral("upgraded"), QStringLiteral("analytics"),
        QJsonObject{{QStringLiteral("job"),
                     QJsonObject{{QStringLiteral("jarURI"), QStringLiteral("local:///opt/flink/job.jar")},
                                 {QStringLiteral("parallelism"), 2},
                                 {QStringLiteral("state"), QStringLiteral("running")},
                                 {QStringLiteral("upgradeMode"), QStringLiteral("savepoint")}}},
                    {QStringLiteral("flinkConfiguration"),
                     QJsonObject{{QStringLiteral("taskmanager.numberOfTaskSlots"), QStringLiteral("2")},
                                 {QStringLiteral("execution.checkpointing.interval"), QStringLiteral("10s")},
                                 {QStringLiteral("state.savepoints.dir"), QStringLiteral("s3://flink/savepoints")}}}});
    QVERIFY2(runUntil([&] { return jobState(QStringLiteral("upgraded")) == u"RUNNING"; }),
             QJsonDocument(object(QStringLiteral("upgraded"))).toJson().constData());
    auto window = openWindow(QStringLiteral("upgraded"), DeploymentPage::JobsTab);
    QVERIFY(window);
    JobRunTableModel *jobs = window->deploymentPage()->jobModel();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 1, 10000);
    // The first job started empty, as a stateless first deployment should: no warning.
    QTRY_VERIFY_WITH_TIMEOUT(jobs->data(jobs->index(0, JobRunTableModel::RestoredFrom)).toString().contains(u"empty"),
                             10000);
    QVERIFY(jobs->data(jobs->index(0, JobRunTableModel::RestoredFrom), Qt::DecorationRole).isNull());
    const QString firstJob = jobs->jobs().constFirst().jobId;

    patchSpec(QStringLiteral("upgraded"), [](QJsonObject &spec) {
        QJsonObject job = spec.value(u"job").toObject();
        job.insert(QStringLiteral("parallelism"), 3);
        spec.insert(QStringLiteral("job"), job);
    });
    QVERIFY(runUntil([&] {
        const QJsonObject jobStatus = object(QStringLiteral("upgraded")).value(u"status")[u"jobStatus"].toObject();
        return jobStatus.value(u"jobId").toString() != firstJob && jobStatus.value(u"state").toString() == u"RUNNING";
    }));
    const QString savepoint
        = object(QStringLiteral("upgraded")).value(u"status")[u"jobStatus"][u"upgradeSavepointPath"].toString();
    QVERIFY(!savepoint.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 2, 10000);
    QVERIFY(jobs->jobs().at(0).start > jobs->jobs().at(1).start);
    QTRY_COMPARE_WITH_TIMEOUT(jobs->data(jobs->index(0, JobRunTableModel::RestoredFrom)).toString(),
                              QStringLiteral("savepoint %1").arg(savepoint), 10000);
    QCOMPARE(jobs->data(jobs->index(0, JobRunTableModel::Intended)).toString(),
             QStringLiteral("savepoint %1 (upgradeSavepointPath)").arg(savepoint));
    QVERIFY(jobs->data(jobs->index(0, JobRunTableModel::RestoredFrom), Qt::DecorationRole).isNull());
    saveShot(window->deploymentPage(), QStringLiteral("jobs-provenance-savepoint"));
}

void TestJobGraph::provenanceAfterLastStateRedeploy()
{
    create(
        QStringLiteral("kept"), QStringLiteral("fraud"),
        QJsonObject{{QStringLiteral("job"),
                     QJsonObject{{QStringLiteral("jarURI"), QStringLiteral("local:///opt/flink/job.jar")},
                                 {QStringLiteral("parallelism"), 2},
                                 {QStringLiteral("state"), QStringLiteral("running")},
                                 {QStringLiteral("upgradeMode"), QStringLiteral("last-state")}}},
                    {QStringLiteral("flinkConfiguration"),
                     QJsonObject{{QStringLiteral("taskmanager.numberOfTaskSlots"), QStringLiteral("2")},
                                 {QStringLiteral("execution.checkpointing.interval"), QStringLiteral("10s")},
                                 {QStringLiteral("high-availability.type"), QStringLiteral("kubernetes")},
                                 {QStringLiteral("high-availability.storageDir"), QStringLiteral("s3://ha/kept")},
                                 {QStringLiteral("state.checkpoints.dir"), QStringLiteral("s3://flink/checkpoints")},
                                 {QStringLiteral("state.savepoints.dir"), QStringLiteral("s3://flink/savepoints")}}}});
    QVERIFY(runUntil([&] { return jobState(QStringLiteral("kept")) == u"RUNNING"; }));
    auto window = openWindow(QStringLiteral("kept"), DeploymentPage::JobsTab);
    QVERIFY(window);
    JobRunTableModel *jobs = window->deploymentPage()->jobModel();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 1, 10000);
    // Checkpoints complete while Capstan watches: the last one is what last-state must restore at least.
    QVERIFY(runUntil([&] { return window->deploymentPage()->jobManager().completedCheckpoints >= 2; }, 60000));
    const qint64 lastSeen = window->deploymentPage()->jobManager().latestCheckpoint.constFirst().checkpointId;
    const QString jobId = jobs->jobs().constFirst().jobId;

    patchSpec(QStringLiteral("kept"), [](QJsonObject &spec) {
        QJsonObject job = spec.value(u"job").toObject();
        job.insert(QStringLiteral("parallelism"), 4);
        spec.insert(QStringLiteral("job"), job);
    });
    // last-state with Kubernetes HA keeps the job id: the same row, its provenance that of the new start.
    QVERIFY(runUntil([&] {
        const QJsonObject jobStatus = object(QStringLiteral("kept")).value(u"status")[u"jobStatus"].toObject();
        return object(QStringLiteral("kept"))
                   .value(u"status")[u"reconciliationStatus"][u"lastReconciledSpec"]
                   .toString()
                   .contains(u"\"parallelism\":4")
            && jobStatus.value(u"state").toString() == u"RUNNING";
    }));
    QTRY_VERIFY_WITH_TIMEOUT(
        jobs->data(jobs->index(0, JobRunTableModel::Intended)).toString().contains(QStringLiteral("last-state")),
        10000);
    QCOMPARE(jobs->jobs().constFirst().jobId, jobId);
    QTRY_VERIFY_WITH_TIMEOUT(
        jobs->data(jobs->index(0, JobRunTableModel::RestoredFrom)).toString().startsWith(QStringLiteral("checkpoint ")),
        10000);
    const RestoreProvenance restore = jobs->jobs().constFirst().restore;
    QCOMPARE(restore.intendedCheckpointId, lastSeen);
    QVERIFY(restore.restoredCheckpointId >= lastSeen);
    QCOMPARE(restore.verdict(), RestoreProvenance::Verdict::AsIntended);
    QVERIFY(jobs->data(jobs->index(0, JobRunTableModel::RestoredFrom), Qt::DecorationRole).isNull());
    saveShot(window->deploymentPage(), QStringLiteral("jobs-provenance-last-state"));
}

void TestJobGraph::provenanceWarningShown()
{
    JobRunTableModel model;
    JobRun run{QStringLiteral("a3f9c2d17b8e4f60a3f9c2d17b8e4f60"),
               QDateTime::currentDateTimeUtc(),
               QDateTime(),
               QStringLiteral("RUNNING"),
               2,
               {}};
    run.restore.intent = RestoreProvenance::Intent::Savepoint;
    run.restore.intendedPath = QStringLiteral("s3://flink/savepoints/savepoint-a3f9c2-1");
    run.restore.intendedSource = QStringLiteral("upgradeSavepointPath");
    run.restore.observe(Snapshot(), 0); // restored nothing
    model.setJobs({run});
    const QModelIndex restored = model.index(0, JobRunTableModel::RestoredFrom);
    QCOMPARE(model.data(restored).toString(), QStringLiteral("nothing: started with empty state"));
    QVERIFY(!model.data(restored, Qt::DecorationRole).isNull());
    QVERIFY(model.data(restored, Qt::ToolTipRole).toString().contains(QStringLiteral("empty state although")));

    // A savepoint other than the one the operator named.
    Snapshot other;
    other.type = QStringLiteral("SAVEPOINT");
    other.path = QStringLiteral("s3://flink/savepoints/savepoint-0ld");
    run.restore.observe(other, 0);
    model.setJobs({run});
    QVERIFY(model.data(restored, Qt::ToolTipRole).toString().contains(QStringLiteral("not the savepoint")));
    // The same path written with a trailing slash is the same savepoint.
    other.path = run.restore.intendedPath + QLatin1Char('/');
    run.restore.observe(other, 0);
    model.setJobs({run});
    QVERIFY(model.data(restored, Qt::DecorationRole).isNull());
}

QTEST_MAIN(TestJobGraph)
#include "tst_jobgraph.moc"
