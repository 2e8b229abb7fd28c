// The Autoscaler tab against the sandbox: the real MainWindow and session, the operator simulation's
// autoscaler writing its ConfigMap and Events on a paused clock the test steps. A load rise is
// explained, advisory mode recommends without scaling, a limited decision says why, a reset clears
// the tab, and a ConfigMap the operator could not have written is shown as unreadable.

#include "common/sandboxfixture.h"
#include "flink/autoscalerstate.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"
#include "session/sessionhost.h"
#include "ui/autoscaler/autoscalerpanel.h"
#include "ui/configurationview.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/metricsview.h"
#include "ui/models/autoscalertimelinemodel.h"
#include "ui/models/autoscalervertexmodel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;
using Kind = AutoscalerReport::Decision::Kind;

namespace {
const QString kNs = QStringLiteral("default");
}

class TestAutoscaler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void scaleUpExplained();
    void advisoryRecommendsOnly();
    void limitedDecisionSaysWhy();
    void resetClearsTheTab();
    void unreadableStateShown();
    void hiddenWithoutAutoscaler();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    void create(const QString &name, const QJsonObject &autoscaler, const QJsonObject &annotations);
    // Steps the simulation by `stepMs` at a time, letting the window catch up after each step.
    bool runUntil(const std::function<bool()> &done, qint64 maxMs, qint64 stepMs = 5000);
    std::unique_ptr<MainWindow> openWindow(const QString &name);
    void shots(MainWindow *window, const QString &name);
    static AutoscalerPanel *panel(MainWindow *window) { return window->deploymentPage()->autoscalerPanel(); }
    static QString describe(MainWindow *window);
    static bool hasDecision(MainWindow *window, Kind kind, const QString &titlePart = {});

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestAutoscaler::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAutoscaler::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
}

void TestAutoscaler::cleanup()
{
    m_sandbox.reset();
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestAutoscaler::create(const QString &name, const QJsonObject &autoscaler, const QJsonObject &annotations)
{
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("flinkdeployments"), kNs,
                        SandboxFixture::autoscaledDeployment(name, autoscaler, annotations))
                .ok());
}

bool TestAutoscaler::runUntil(const std::function<bool()> &done, qint64 maxMs, qint64 stepMs)
{
    for (qint64 t = 0; t < maxMs; t += stepMs) {
        m_sandbox->stepSimulation(stepMs);
        QTest::qWait(30);
        if (done())
            return true;
    }
    // The window may still be catching up with the last step.
    return QTest::qWaitFor(done, 3000);
}

std::unique_ptr<MainWindow> TestAutoscaler::openWindow(const QString &name)
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(name));
    options.pollIntervalMs = 200;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), kNs, options);
    window->resize(1500, 1000);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(kNs, name); }, 10000))
        return {};
    window->deploymentPage()->setCurrentTab(DeploymentPage::AutoscalerTab);
    return window;
}

void TestAutoscaler::shots(MainWindow *window, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(window->grab().save(dir + QStringLiteral("/autoscaler-%1.png").arg(name)));
    QApplication::setPalette(Theme::darkPalette());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QTest::qWait(50);
    QVERIFY(window->grab().save(dir + QStringLiteral("/autoscaler-%1-dark.png").arg(name)));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

bool TestAutoscaler::hasDecision(MainWindow *window, Kind kind, const QString &titlePart)
{
    const QList<AutoscalerReport::Decision> &decisions = panel(window)->timelineModel()->decisions();
    return std::any_of(decisions.cbegin(), decisions.cend(), [&](const AutoscalerReport::Decision &d) {
        return d.kind == kind && d.title.contains(titlePart);
    });
}

QString TestAutoscaler::describe(MainWindow *window)
{
    QStringList lines{panel(window)->modeText(), panel(window)->stateText()};
    for (const AutoscalerReport::Vertex &v : panel(window)->report().vertices)
        lines.append(QStringLiteral("%1 %2 p=%3 r=%4 load=%5")
                         .arg(v.id, v.name)
                         .arg(v.parallelism)
                         .arg(v.recommended)
                         .arg(v.load));
    for (const AutoscalerReport::Decision &d : panel(window)->timelineModel()->decisions())
        lines.append(QStringLiteral("%1 %2 (%3)").arg(d.time.toString(Qt::ISODateWithMs), d.title, d.source));
    return lines.join(u'\n');
}

void TestAutoscaler::scaleUpExplained()
{
    m_sandbox->setTimeOfDay(7, 50);
    create(QStringLiteral("orders"), {},
           QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("600")},
                       {QStringLiteral("sandbox.capstan.io/load-profile"), QStringLiteral("daily")}});
    auto window = openWindow(QStringLiteral("orders"));
    QVERIFY(window);
    auto *tabs = window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(tabs->isTabVisible(DeploymentPage::AutoscalerTab));
    QVERIFY(panel(window.get())->isVisible());
    QTRY_VERIFY2(panel(window.get())->modeText().startsWith(u"Active"), qPrintable(panel(window.get())->modeText()));

    // Night load: the autoscaler collects; the vertices are named from the job's plan.
    const auto collecting = [&] {
        const QList<AutoscalerReport::Vertex> &vertices = panel(window.get())->report().vertices;
        return vertices.size() == 2 && vertices.at(1).name != vertices.at(1).id && std::isfinite(vertices.at(1).load);
    };
    QVERIFY2(runUntil(collecting, 8 * 60000), qPrintable(describe(window.get())));
    QVERIFY(panel(window.get())->timelineModel()->decisions().isEmpty());
    const AutoscalerReport::Vertex aggregate = panel(window.get())->report().vertices.at(1);
    QCOMPARE(aggregate.parallelism, 1);

    // From 08:00 the load quadruples: a scale-up, explained from the ConfigMap and its Event together.
    QVERIFY(
        runUntil([&] { return hasDecision(window.get(), Kind::ScaledUp, aggregate.name + u": 1 → 2"); }, 25 * 60000));
    // The Event arrives with the decision, the ConfigMap's history with the operator's next write: then both
    // are one entry.
    const auto merged = [&] {
        const AutoscalerReport::Decision &d = panel(window.get())->timelineModel()->decisions().constFirst();
        return d.source.contains(u"scalingHistory") && d.source.contains(u"ScalingReport");
    };
    QVERIFY2(runUntil(merged, 3 * 60000, 1000),
             qPrintable(panel(window.get())->timelineModel()->decisions().constFirst().source));
    QCOMPARE(panel(window.get())->timelineModel()->rowCount(), 1);
    const AutoscalerReport::Decision decision = panel(window.get())->timelineModel()->decisions().constFirst();
    QCOMPARE(decision.kind, Kind::ScaledUp);
    QVERIFY2(decision.why.contains(u"at full load") && decision.why.contains(u"target utilization of 70"),
             qPrintable(decision.why));
    // The job runs at the new parallelism: the tab reads it from the job again.
    QVERIFY(runUntil([&] { return panel(window.get())->report().vertices.value(1).parallelism == 2; }, 5 * 60000));
    QVERIFY2(panel(window.get())->summaryText().contains(u"Restart cost"),
             qPrintable(panel(window.get())->summaryText()));
    shots(window.get(), QStringLiteral("active"));
    // The override reached the job through the reconciled spec: the Configuration tab says whose it is.
    window->deploymentPage()->setCurrentTab(DeploymentPage::ConfigurationTab);
    QTRY_VERIFY2(window->deploymentPage()->configurationView()->diffSummary().contains(u"Managed by the autoscaler"),
                 qPrintable(window->deploymentPage()->configurationView()->diffSummary()));
    QVERIFY(window->deploymentPage()->configurationView()->diffSummary().contains(aggregate.id + u":2"));
    // The Metrics tab marks the applied scaling like a job change.
    QTRY_VERIFY(!window->deploymentPage()->metricsView()->scalingMarkers().isEmpty());
}

void TestAutoscaler::advisoryRecommendsOnly()
{
    create(QStringLiteral("advice"),
           QJsonObject{{QStringLiteral("job.autoscaler.scaling.enabled"), QStringLiteral("false")}},
           QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("1500")}});
    auto window = openWindow(QStringLiteral("advice"));
    QVERIFY(window);
    QTRY_VERIFY2(panel(window.get())->modeText().startsWith(u"Advisory"), qPrintable(panel(window.get())->modeText()));
    QVERIFY(runUntil([&] { return hasDecision(window.get(), Kind::Recommended, u": 1 → 4"_qs); }, 8 * 60000));
    QVERIFY(!hasDecision(window.get(), Kind::ScaledUp));
    const AutoscalerReport::Decision decision = panel(window.get())->timelineModel()->decisions().constFirst();
    QVERIFY2(decision.why.contains(u"Not applied: advisory mode"), qPrintable(decision.why));
    // Recommended, not applied: the job keeps its parallelism.
    const AutoscalerReport::Vertex vertex = panel(window.get())->report().vertices.value(1);
    QCOMPARE(vertex.recommended, 4);
    QCOMPARE(vertex.parallelism, 1);
    QCOMPARE(panel(window.get())
                 ->vertexModel()
                 ->data(panel(window.get())->vertexModel()->index(1, AutoscalerVertexModel::Recommended))
                 .toString(),
             u"4 ▲"_qs);
    shots(window.get(), QStringLiteral("advisory"));
}

void TestAutoscaler::limitedDecisionSaysWhy()
{
    // 2400 records/s want more window subtasks than the 3 allowed, and 3 does not divide 128 key groups.
    create(QStringLiteral("capped"),
           QJsonObject{{QStringLiteral("job.autoscaler.vertex.max-parallelism"), QStringLiteral("3")}},
           QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("2400")}});
    auto window = openWindow(QStringLiteral("capped"));
    QVERIFY(window);
    QVERIFY(runUntil([&] { return hasDecision(window.get(), Kind::Limited); }, 8 * 60000));
    const QList<AutoscalerReport::Decision> &decisions = panel(window.get())->timelineModel()->decisions();
    const auto limited = std::find_if(decisions.cbegin(), decisions.cend(),
                                      [](const AutoscalerReport::Decision &d) { return d.kind == Kind::Limited; });
    QVERIFY(limited->warning);
    QVERIFY2(limited->title.contains(u"limited to 2 (wanted 3)"), qPrintable(limited->title));
    QVERIFY2(limited->why.contains(u"128 key groups"), qPrintable(limited->why));
    // The vertex id in the operator's message is replaced by the vertex's name.
    QVERIFY(!limited->title.contains(panel(window.get())->report().vertices.value(1).id));
    // The Max column gives the autoscaler's own bound beside the key groups.
    QCOMPARE(panel(window.get())
                 ->vertexModel()
                 ->data(panel(window.get())->vertexModel()->index(1, AutoscalerVertexModel::MaxParallelism))
                 .toString(),
             u"3 of 128"_qs);
    shots(window.get(), QStringLiteral("limited"));
}

void TestAutoscaler::resetClearsTheTab()
{
    create(QStringLiteral("resettable"), {},
           QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("1500")}});
    auto window = openWindow(QStringLiteral("resettable"));
    QVERIFY(window);
    QVERIFY(runUntil([&] { return hasDecision(window.get(), Kind::ScaledUp); }, 8 * 60000));

    QVERIFY(m_sandbox->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), kNs, QStringLiteral("resettable"),
                            QJsonObject{{QStringLiteral("spec"),
                                         QJsonObject{{QStringLiteral("job"),
                                                      QJsonObject{{QStringLiteral("autoscalerResetNonce"), 1}}}}}})
                .ok());
    QVERIFY2(
        runUntil([&] { return !hasDecision(window.get(), Kind::ScaledUp) && hasDecision(window.get(), Kind::Reset); },
                 60000, 1000),
        qPrintable(describe(window.get())));
    QCOMPARE(panel(window.get())->timelineModel()->decisions().size(), 1);
    QVERIFY2(panel(window.get())->stateText().contains(u"empty")
                 || panel(window.get())->stateText().contains(u"Collecting"),
             qPrintable(panel(window.get())->stateText()));
    QVERIFY(panel(window.get())->summaryText().isEmpty());
    for (const AutoscalerReport::Vertex &v : panel(window.get())->report().vertices)
        QCOMPARE(v.recommended, -1);
}

void TestAutoscaler::unreadableStateShown()
{
    // Configured but off: the sandbox's autoscaler leaves the ConfigMap alone, so it stays as written here.
    create(QStringLiteral("foreign"), QJsonObject{{QStringLiteral("job.autoscaler.enabled"), QStringLiteral("false")}},
           {});
    const QJsonObject configMap{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                {QStringLiteral("metadata"),
                                 QJsonObject{{QStringLiteral("name"), AutoscalerState::configMapName(u"foreign"_qs)},
                                             {QStringLiteral("namespace"), kNs}}},
                                {QStringLiteral("data"),
                                 QJsonObject{{QStringLiteral("scalingHistory"), QStringLiteral("H4sIAAAAAAAA/w==")},
                                             {QStringLiteral("parallelismOverrides"), QStringLiteral("abc:def")}}}};
    QVERIFY(m_sandbox->server->store().create(QStringLiteral("configmaps"), kNs, configMap).ok());
    auto window = openWindow(QStringLiteral("foreign"));
    QVERIFY(window);
    QTRY_VERIFY2(panel(window.get())->modeText().startsWith(u"Off"), qPrintable(panel(window.get())->modeText()));
    QTRY_VERIFY2(panel(window.get())->stateText().contains(u"Unreadable"),
                 qPrintable(panel(window.get())->stateText()));
    QVERIFY2(panel(window.get())->stateText().contains(u"scalingHistory"),
             qPrintable(panel(window.get())->stateText()));
    shots(window.get(), QStringLiteral("unreadable"));
}

void TestAutoscaler::hiddenWithoutAutoscaler()
{
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("flinkdeployments"), kNs, SandboxFixture::podDeployment(u"plain"_qs, 1))
                .ok());
    auto window = openWindow(QStringLiteral("plain"));
    QVERIFY(window);
    auto *tabs = window->deploymentPage()->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(!tabs->isTabVisible(DeploymentPage::AutoscalerTab));
}

QTEST_MAIN(TestAutoscaler)
#include "tst_autoscaler.moc"
