// The Pods tab and the logs viewer against the sandbox: the pod faults as an on-call engineer meets
// them (a crash-looping JobManager, an OOMKilled TaskManager, pods/log forbidden: Flink's REST API
// instead), following and tail as kubectl logs does them, through the real
// MainWindow, session and API. The operator simulation runs on a paused clock the test steps.

#include "common/sandboxfixture.h"
#include "sandbox/faultplan.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"
#include "ui/deploymentpage.h"
#include "ui/logs/logmodel.h"
#include "ui/logs/logview.h"
#include "ui/logs/logwindow.h"
#include "ui/mainwindow.h"
#include "ui/models/podtablemodel.h"
#include "ui/widgets/podspanel.h"
#include "ui/widgets/snapshottimeline.h"

#include <QDir>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

class TestPodsSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void jobManagerCrashLoop();
    void taskManagerOomLeavesAnObituary();
    void followsLikeKubectl();
    void forbiddenLogsFallBackToFlinkRest();
    void imagePullBackOff();
    void unschedulable();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    void step(qint64 ms);
    void create(const QString &name, int parallelism);
    std::unique_ptr<MainWindow> openWindow(const QString &name);
    int rowOf(const PodTableModel *model, const std::function<bool(const Pod &)> &match) const;
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestPodsSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPodsSandbox::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
}

void TestPodsSandbox::cleanup()
{
    m_sandbox.reset();
}

void TestPodsSandbox::step(qint64 ms)
{
    m_sandbox->stepSimulation(ms);
}

void TestPodsSandbox::create(const QString &name, int parallelism)
{
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                        SandboxFixture::podDeployment(name, parallelism))
                .ok());
}

std::unique_ptr<MainWindow> TestPodsSandbox::openWindow(const QString &name)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(name));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("default"), options);
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(QStringLiteral("default"), name); }, 10000))
        return {};
    window->deploymentPage()->setCurrentTab(DeploymentPage::PodsTab);
    return window;
}

int TestPodsSandbox::rowOf(const PodTableModel *model, const std::function<bool(const Pod &)> &match) const
{
    for (int row = 0; row < model->podCount(); ++row) {
        if (match(*model->pod(row)))
            return row;
    }
    return -1;
}

void TestPodsSandbox::saveShot(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestPodsSandbox::jobManagerCrashLoop()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::JobManagerCrashLoop, QStringLiteral("crashy"));
    create(QStringLiteral("crashy"), 2);
    step(60000);
    auto window = openWindow(QStringLiteral("crashy"));
    QVERIFY(window);
    PodsPanel *pods = window->deploymentPage()->podsPanel();
    const auto isJobManager = [](const Pod &p) { return p.component == PodComponent::JobManager; };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(pods->model(), isJobManager) >= 0, 10000);
    const int row = rowOf(pods->model(), isJobManager);
    QTRY_COMPARE_WITH_TIMEOUT(pods->model()->index(row, PodTableModel::Status).data().toString(),
                              QStringLiteral("CrashLoopBackOff"), 10000);
    QVERIFY(pods->model()->index(row, PodTableModel::Restarts).data().toInt() >= 2);
    QVERIFY(pods->model()
                ->index(row, PodTableModel::LastTermination)
                .data()
                .toString()
                .startsWith(QStringLiteral("Error (exit 1)")));
    QVERIFY(
        pods->model()->index(row, PodTableModel::Explanation).data().toString().contains(QStringLiteral("previous")));
    // The banner names the cause, taken from the previous container's log.
    QTRY_VERIFY2_WITH_TIMEOUT(
        window->deploymentPage()->failingText().contains(QStringLiteral("ClassNotFoundException")),
        qPrintable(window->deploymentPage()->failingText()), 15000);
    pods->view()->selectRow(row);
    saveShot(window.get(), QStringLiteral("sandbox-pods-crashloop"));

    // The previous container's log shows the stack trace, folded under the exception.
    LogWindow *logs = pods->openLogs(row, true);
    QVERIFY(logs);
    LogModel *model = logs->view()->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->allLines().contains(QStringLiteral("Caused by: java.lang.ClassNotFoundException: com.example.Main")),
        10000);
    logs->view()->flush();
    int folded = -1;
    for (int r = 0; r < model->rowCount() && folded < 0; ++r)
        folded = model->isFoldable(r) ? r : -1;
    QVERIFY(folded >= 0);
    QVERIFY(!logs->view()->follow()); // a previous container has ended
    logs->resize(1100, 500);
    QVERIFY(QTest::qWaitForWindowExposed(logs));
    saveShot(logs, QStringLiteral("sandbox-log-previous"));
    logs->close();
}

void TestPodsSandbox::taskManagerOomLeavesAnObituary()
{
    create(QStringLiteral("oomy"), 4);
    step(15000);
    auto window = openWindow(QStringLiteral("oomy"));
    QVERIFY(window);
    PodsPanel *pods = window->deploymentPage()->podsPanel();
    QTRY_COMPARE_WITH_TIMEOUT(pods->model()->podCount(), 3, 10000); // the JobManager and two TaskManagers
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::TaskManagerOom, QStringLiteral("oomy"));
    step(1000);
    const auto isOom = [](const Pod &p) { return PodTableModel::statusText(p) == QLatin1String("OOMKilled"); };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(pods->model(), isOom) >= 0, 10000);
    const QString dead = pods->model()->pod(rowOf(pods->model(), isOom))->name;
    // The obituary with exit code 137 and the last log lines, fetched while the pod was there.
    QTRY_VERIFY_WITH_TIMEOUT(
        pods->model()->obituaryCount() == 1 && !pods->model()->obituaries().constFirst().logTail.isEmpty(), 15000);
    const Obituary obituary = pods->model()->obituaries().constFirst();
    QCOMPARE(obituary.podName, dead);
    QCOMPARE(obituary.exitCode, 137);
    QCOMPARE(obituary.reason, QStringLiteral("OOMKilled"));

    // The pod goes (Flink released it); its obituary stays, with its lines.
    QVERIFY(m_sandbox->server->store().remove(QStringLiteral("pods"), QStringLiteral("default"), dead).ok());
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(pods->model(), [&](const Pod &p) { return p.name == dead; }), -1, 10000);
    QCOMPARE(pods->model()->obituaryCount(), 1);
    const int row = pods->model()->podCount();
    QVERIFY(pods->model()->isObituary(row));
    QCOMPARE(pods->model()->index(row, PodTableModel::LastTermination).data().toString(),
             QStringLiteral("OOMKilled (exit 137)"));
    pods->view()->selectRow(row);
    saveShot(window.get(), QStringLiteral("sandbox-pods-obituary"));
    LogWindow *logs = pods->openLogs(row);
    QVERIFY(logs);
    QCOMPARE(logs->view()->model()->lineCount(), obituary.logTail.size());
    // The timeline and the charts mark it.
    QVERIFY(!window->deploymentPage()->findChild<SnapshotTimeline *>()->isEmpty());
}

void TestPodsSandbox::followsLikeKubectl()
{
    create(QStringLiteral("tail"), 2);
    step(20000);
    auto window = openWindow(QStringLiteral("tail"));
    QVERIFY(window);
    PodsPanel *pods = window->deploymentPage()->podsPanel();
    const auto isJobManager = [](const Pod &p) { return p.component == PodComponent::JobManager && p.ready; };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(pods->model(), isJobManager) >= 0, 10000);
    LogWindow *logs = pods->openLogs(rowOf(pods->model(), isJobManager));
    LogView *view = logs->view();
    QVERIFY(view->follow());
    // tail: the viewer asks for the last 1,000 lines; with 5 it holds at most 5 to start with.
    view->setTailLines(5);
    logs->reload();
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->lineCount() > 0, 10000);
    QTest::qWait(300); // anything more would have come in the same answer
    view->flush();
    QVERIFY2(view->model()->lineCount() <= 5, qPrintable(QString::number(view->model()->lineCount())));
    const int before = view->model()->lineCount();
    // Following: what the JobManager writes next arrives.
    step(30000);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->lineCount() > before, 10000);
    auto *status = view->findChild<QLabel *>(QStringLiteral("logStatusLabel"));
    QVERIFY(status->text().contains(QStringLiteral("following")));
}

void TestPodsSandbox::forbiddenLogsFallBackToFlinkRest()
{
    m_sandbox->server->faults().setPodLogsForbidden(true);
    create(QStringLiteral("secret"), 2);
    step(20000);
    auto window = openWindow(QStringLiteral("secret"));
    QVERIFY(window);
    PodsPanel *pods = window->deploymentPage()->podsPanel();
    const auto isJobManager = [](const Pod &p) { return p.component == PodComponent::JobManager && p.ready; };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(pods->model(), isJobManager) >= 0, 10000);
    LogWindow *logs = pods->openLogs(rowOf(pods->model(), isJobManager));
    auto *banner = logs->findChild<QWidget *>(QStringLiteral("logSourceBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    const QList<QLabel *> labels = banner->findChildren<QLabel *>();
    QString text;
    for (const QLabel *label : labels)
        text += label->text();
    // The JobManager's log through Flink's REST API, said so, read once.
    QVERIFY2(text.contains(QStringLiteral("Flink REST")) && text.contains(QStringLiteral("pods/log is forbidden")),
             qPrintable(text));
    QTRY_VERIFY_WITH_TIMEOUT(logs->view()->model()->lineCount() > 0, 10000);
    auto *status = logs->view()->findChild<QLabel *>(QStringLiteral("logStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("complete")), 10000);
    logs->resize(1000, 300);
    QVERIFY(QTest::qWaitForWindowExposed(logs));
    saveShot(logs, QStringLiteral("sandbox-log-forbidden"));
}

void TestPodsSandbox::imagePullBackOff()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::ImagePull, QStringLiteral("pully"));
    create(QStringLiteral("pully"), 2);
    step(6500);
    auto window = openWindow(QStringLiteral("pully"));
    QVERIFY(window);
    PodsPanel *pods = window->deploymentPage()->podsPanel();
    QTRY_COMPARE_WITH_TIMEOUT(pods->model()->podCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(pods->model()->index(0, PodTableModel::Status).data().toString(),
                              QStringLiteral("ImagePullBackOff"), 10000);
    QVERIFY(
        pods->model()->index(0, PodTableModel::Explanation).data().toString().contains(QStringLiteral("spec.image")));
    QTRY_VERIFY2_WITH_TIMEOUT(window->deploymentPage()->failingText().contains(QStringLiteral("ImagePullBackOff")),
                              qPrintable(window->deploymentPage()->failingText()), 15000);
    // A container that never started has no log: the viewer says what the API server said.
    LogWindow *logs = pods->openLogs(0);
    auto *banner = logs->findChild<QWidget *>(QStringLiteral("logSourceBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QString text;
    for (const QLabel *label : banner->findChildren<QLabel *>())
        text += label->text();
    QVERIFY2(text.contains(QStringLiteral("waiting to start")), qPrintable(text));
}

void TestPodsSandbox::unschedulable()
{
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::Unschedulable, QStringLiteral("bigone"));
    create(QStringLiteral("bigone"), 2);
    step(5000);
    auto window = openWindow(QStringLiteral("bigone"));
    QVERIFY(window);
    PodsPanel *pods = window->deploymentPage()->podsPanel();
    QTRY_COMPARE_WITH_TIMEOUT(pods->model()->podCount(), 1, 10000);
    QCOMPARE(pods->model()->index(0, PodTableModel::Status).data().toString(), QStringLiteral("Unschedulable"));
    QCOMPARE(pods->model()->index(0, PodTableModel::Node).data().toString(), QStringLiteral("(not scheduled)"));
    pods->view()->selectRow(0);
    auto *detail = pods->findChild<QLabel *>(QStringLiteral("podDetailLabel"));
    QVERIFY2(detail->text().contains(QStringLiteral("nodes are available")), qPrintable(detail->text()));
    // Room again: it is scheduled, and the row follows.
    m_sandbox->server->faults().setPodFault(FaultPlan::PodFault::Unschedulable, QStringLiteral("bigone"), false);
    step(15000);
    QTRY_COMPARE_WITH_TIMEOUT(pods->model()->index(0, PodTableModel::Status).data().toString(),
                              QStringLiteral("Running"), 10000);
    QVERIFY(!detail->text().contains(QStringLiteral("nodes are available")));
}

QTEST_MAIN(TestPodsSandbox)
#include "tst_podssandbox.moc"
