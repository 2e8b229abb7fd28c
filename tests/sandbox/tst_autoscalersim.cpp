// The sandbox's autoscaler on the paused virtual clock: a load rise scales a vertex up (ConfigMap, Events,
// lastReconciledSpec), advisory mode only recommends, a decision limited by the vertex's max parallelism
// reports ScalingLimited, excluded periods hold decisions, and the reset nonce clears the state.

#include "common/sandboxfixture.h"
#include "flink/autoscalerstate.h"
#include "sandbox/autoscalersimulation.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/resourcestore.h"
#include "sandbox/virtualclock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

namespace {

const QString kNs = QStringLiteral("default");
const QString kOverrides = QStringLiteral("pipeline.jobvertex-parallelism-overrides");

} // namespace

class TestAutoscalerSim : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadProfile();
    void scaleUpOnLoadRise();
    void adaptiveSchedulerScalesInPlace_data();
    void adaptiveSchedulerScalesInPlace();
    void advisoryRecommendsOnly();
    void limitedByMaxParallelism();
    void excludedPeriodHolds();
    void resetNonceClearsState();
    void disabledLeavesNoState();
    void demoDeploymentAutoscales_data();
    void demoDeploymentAutoscales();

private:
    OperatorSimulation *sim() { return m_sandbox->server->operatorSimulation(); }
    ResourceStore &store() { return m_sandbox->server->store(); }
    void step(qint64 ms) { m_sandbox->stepSimulation(ms); }
    bool create(const QString &name, const QJsonObject &autoscaler, const QJsonObject &annotations);
    QJsonObject deployment(const QString &name)
    {
        return store().get(QStringLiteral("flinkdeployments"), kNs, name).object;
    }
    QJsonObject reconciledSpec(const QString &name);
    AutoscalerState state(const QString &name, bool *exists = nullptr);
    QStringList events(const QString &name, const QString &reason);
    QList<FlinkJobModel::Vertex> vertices(const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestAutoscalerSim::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
    // A fixed time of day: the input rate's wave and noise, and so every decision, repeat run by run.
    m_sandbox->setTimeOfDay(3, 0);
}

void TestAutoscalerSim::cleanup()
{
    m_sandbox.reset();
}

bool TestAutoscalerSim::create(const QString &name, const QJsonObject &autoscaler, const QJsonObject &annotations)
{
    return store()
        .create(QStringLiteral("flinkdeployments"), kNs,
                SandboxFixture::autoscaledDeployment(name, autoscaler, annotations))
        .ok();
}

QJsonObject TestAutoscalerSim::reconciledSpec(const QString &name)
{
    const QString json = deployment(name)
                             .value(QLatin1String("status"))
                             .toObject()
                             .value(QLatin1String("reconciliationStatus"))
                             .toObject()
                             .value(QLatin1String("lastReconciledSpec"))
                             .toString();
    return QJsonDocument::fromJson(json.toUtf8()).object().value(QLatin1String("spec")).toObject();
}

AutoscalerState TestAutoscalerSim::state(const QString &name, bool *exists)
{
    const StoreResult cm = store().get(QStringLiteral("configmaps"), kNs, AutoscalerState::configMapName(name));
    if (exists)
        *exists = cm.ok();
    return AutoscalerState::fromConfigMap(cm.object);
}

QStringList TestAutoscalerSim::events(const QString &name, const QString &reason)
{
    QStringList messages;
    const QJsonArray items = store().list(QStringLiteral("events"), kNs).object.value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("reason")).toString() == reason
            && e.value(QLatin1String("involvedObject")).toObject().value(QLatin1String("name")).toString() == name)
            messages.append(e.value(QLatin1String("message")).toString());
    }
    return messages;
}

QList<FlinkJobModel::Vertex> TestAutoscalerSim::vertices(const QString &name)
{
    QList<FlinkJobModel::Vertex> result;
    sim()->withCluster(kNs, name, [&](const FlinkJobModel &cluster, qint64) { result = cluster.vertices(); });
    return result;
}

void TestAutoscalerSim::loadProfile()
{
    const qint64 day = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const auto at = [&](int h, int m) {
        return FlinkJobModel::loadProfileFactor(QStringLiteral("daily"), day + (h * 60 + m) * 60000LL);
    };
    QCOMPARE(FlinkJobModel::loadProfileFactor(QString(), day), 1.0);
    QCOMPARE(at(3, 0), 0.5);
    QVERIFY(at(8, 5) > 0.5 && at(8, 5) < 2.0);
    QCOMPARE(at(12, 0), 2.0);
    QVERIFY(at(18, 5) < 2.0);
    QCOMPARE(at(22, 0), 0.5);
}

void TestAutoscalerSim::scaleUpOnLoadRise()
{
    m_sandbox->setTimeOfDay(7, 50);
    QVERIFY(create(QStringLiteral("orders"), {},
                   QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("600")},
                               {QStringLiteral("sandbox.capstan.io/load-profile"), QStringLiteral("daily")}}));
    // Night load (300 records/s) suits one subtask: metrics are collected, nothing scales.
    step(8 * 60000);
    const QList<FlinkJobModel::Vertex> before = vertices(QStringLiteral("orders"));
    QCOMPARE(before.size(), 2);
    QCOMPARE(before.at(1).parallelism, 1);
    bool exists = false;
    AutoscalerState s = state(QStringLiteral("orders"), &exists);
    QVERIFY(exists);
    QVERIFY(s.errors.isEmpty());
    QVERIFY(!s.collectedMetrics.isEmpty());
    QVERIFY(s.scalingHistory.isEmpty());
    QVERIFY(events(QStringLiteral("orders"), QStringLiteral("ScalingReport")).isEmpty());

    // From 08:00 the load quadruples: the window aggregate (1000 records/s a subtask) is saturated.
    step(20 * 60000);
    const QString aggregate = before.at(1).id;
    s = state(QStringLiteral("orders"));
    QVERIFY(s.errors.isEmpty());
    QVERIFY2(s.scalingHistory.contains(aggregate), qPrintable(s.vertexIds().join(u',')));
    QDateTime when;
    const AutoscalerScaling *scaling = s.latestScaling(aggregate, &when);
    QVERIFY(scaling);
    QCOMPARE(scaling->fromParallelism, 1);
    QCOMPARE(scaling->toParallelism, 2);
    QVERIFY(scaling->isScaleUp());
    QVERIFY(scaling->metrics.value(QStringLiteral("TARGET_DATA_RATE")).average > 1000);
    QVERIFY(scaling->metrics.value(QStringLiteral("TRUE_PROCESSING_RATE")).average <= 1000.5);
    QVERIFY(when.time() >= QTime(8, 0) && when.time() < QTime(8, 30));
    QCOMPARE(s.parallelismOverrides.value(aggregate), 2);
    QCOMPARE(s.parallelismOverrides.value(before.at(0).id), 1);
    // The restart the scaling cost is tracked once the job runs again.
    QVERIFY(s.scalingRecords.contains(when));
    QVERIFY(s.scalingRecords.value(when).restartDurationMs > 0);

    // The ConfigMap is the operator's: labels and owner.
    const QJsonObject cm = store().get(QStringLiteral("configmaps"), kNs, QStringLiteral("autoscaler-orders")).object;
    const QJsonObject meta = cm.value(QLatin1String("metadata")).toObject();
    QCOMPARE(meta.value(QLatin1String("labels")).toObject().value(QLatin1String("component")).toString(),
             QStringLiteral("autoscaler"));
    QCOMPARE(meta.value(QLatin1String("labels")).toObject().value(QLatin1String("app")).toString(),
             QStringLiteral("orders"));
    QCOMPARE(
        meta.value(QLatin1String("ownerReferences")).toArray().at(0).toObject().value(QLatin1String("uid")),
        deployment(QStringLiteral("orders")).value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")));
    QVERIFY(!cm.value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("scalingHistory"))
                 .toString()
                 .startsWith(QLatin1String("---"))); // compressed

    const QStringList reports = events(QStringLiteral("orders"), QStringLiteral("ScalingReport"));
    QCOMPARE(reports.size(), 1);
    QVERIFY2(reports.at(0).startsWith(QLatin1String("Scaling execution enabled, begin scaling vertices:{ Vertex ID ")
                                      + aggregate + QLatin1String(" | Parallelism 1 -> 2 | Processing capacity ")),
             qPrintable(reports.at(0)));

    // The decision reached the job through the reconciled spec, never the user's.
    const QString overrides = reconciledSpec(QStringLiteral("orders"))
                                  .value(QLatin1String("flinkConfiguration"))
                                  .toObject()
                                  .value(kOverrides)
                                  .toString();
    QVERIFY2(overrides.contains(aggregate + QLatin1String(":2")), qPrintable(overrides));
    QVERIFY(!deployment(QStringLiteral("orders"))
                 .value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("flinkConfiguration"))
                 .toObject()
                 .contains(kOverrides));
    const QList<FlinkJobModel::Vertex> after = vertices(QStringLiteral("orders"));
    QCOMPARE(after.at(1).parallelism, 2);
    QCOMPARE(after.at(0).parallelism, 1);
}

void TestAutoscalerSim::adaptiveSchedulerScalesInPlace_data()
{
    QTest::addColumn<QJsonObject>("configuration");
    QTest::addColumn<bool>("inPlace");
    QTest::newRow("adaptive scheduler") << QJsonObject{{QStringLiteral("jobmanager.scheduler"),
                                                        QStringLiteral("adaptive")}}
                                        << true;
    QTest::newRow("in-place scaling off")
        << QJsonObject{{QStringLiteral("jobmanager.scheduler"), QStringLiteral("adaptive")},
                       {QStringLiteral("kubernetes.operator.job.upgrade.inplace-scaling.enabled"),
                        QStringLiteral("false")}}
        << false;
    QTest::newRow("default scheduler") << QJsonObject() << false;
}

// With Flink 1.18+ and the adaptive scheduler the operator applies the autoscaler's overrides to the
// running job (Event Scaling): the job keeps its id; otherwise it is redeployed as a new job.
void TestAutoscalerSim::adaptiveSchedulerScalesInPlace()
{
    QFETCH(QJsonObject, configuration);
    QFETCH(bool, inPlace);
    const QString name = QStringLiteral("inplace");
    QVERIFY(create(name, configuration,
                   QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("1500")}}));
    const auto jobStatus = [&](const char *field) {
        return deployment(name)
            .value(QLatin1String("status"))
            .toObject()
            .value(QLatin1String("jobStatus"))
            .toObject()
            .value(QLatin1String(field))
            .toString();
    };
    const auto jobId = [&] { return jobStatus("jobId"); };
    step(60000);
    const QString before = jobId();
    QVERIFY(!before.isEmpty());
    for (int i = 0; i < 60 && state(name).scalingHistory.isEmpty(); ++i)
        step(10000);
    QVERIFY(!state(name).scalingHistory.isEmpty());
    step(60000);
    const QList<FlinkJobModel::Vertex> after = vertices(name);
    QVERIFY2(after.at(1).parallelism > 1, qPrintable(QString::number(after.at(1).parallelism)));
    const QStringList scaling = events(name, QStringLiteral("Scaling"));
    if (inPlace) {
        QCOMPARE(jobId(), before);
        QCOMPARE(scaling, QStringList{QStringLiteral("In-place scaling triggered")});
        QVERIFY(events(name, QStringLiteral("SpecChanged")).isEmpty());
    } else {
        QVERIFY(jobId() != before);
        QVERIFY(scaling.isEmpty());
    }
    // A redeploy takes longer to run again than the adaptive scheduler's restart.
    const auto jobState = [&] { return jobStatus("state"); };
    for (int i = 0; i < 30 && jobState() != QStringLiteral("RUNNING"); ++i)
        step(10000);
    QCOMPARE(jobState(), QStringLiteral("RUNNING"));
    // The overrides are in the reconciled spec either way, and the restart is measured.
    QVERIFY(reconciledSpec(name)
                .value(QLatin1String("flinkConfiguration"))
                .toObject()
                .value(kOverrides)
                .toString()
                .contains(after.at(1).id));
    const AutoscalerState s = state(name);
    QVERIFY(!s.scalingRecords.isEmpty());
    QVERIFY(std::prev(s.scalingRecords.end())->restartDurationMs > 0);
}

void TestAutoscalerSim::advisoryRecommendsOnly()
{
    QVERIFY(create(QStringLiteral("advice"),
                   QJsonObject{{QStringLiteral("job.autoscaler.scaling.enabled"), QStringLiteral("false")}},
                   QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("1500")}}));
    step(6 * 60000);
    const QStringList reports = events(QStringLiteral("advice"), QStringLiteral("ScalingReport"));
    QCOMPARE(reports.size(), 1); // repeated recommendations are deduplicated within the event interval
    QVERIFY2(reports.at(0).startsWith(
                 QLatin1String("Scaling execution disabled by config "
                               "job.autoscaler.scaling.enabled:false, recommended parallelism change:")),
             qPrintable(reports.at(0)));
    QVERIFY(reports.at(0).contains(QLatin1String("| Parallelism 1 -> 4 |")));
    const AutoscalerState s = state(QStringLiteral("advice"));
    QVERIFY(s.scalingHistory.isEmpty());
    QVERIFY(s.parallelismOverrides.isEmpty());
    QVERIFY(!s.collectedMetrics.isEmpty());
    QVERIFY(!reconciledSpec(QStringLiteral("advice"))
                 .value(QLatin1String("flinkConfiguration"))
                 .toObject()
                 .contains(kOverrides));
    QCOMPARE(vertices(QStringLiteral("advice")).at(1).parallelism, 1);
}

void TestAutoscalerSim::limitedByMaxParallelism()
{
    // 2400 records/s want four window subtasks; at most three are allowed, and three do not divide the 128
    // key groups: the operator settles for two and says so.
    QVERIFY(create(QStringLiteral("capped"),
                   QJsonObject{{QStringLiteral("job.autoscaler.vertex.max-parallelism"), QStringLiteral("3")}},
                   QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("2400")}}));
    step(5 * 60000);
    const QString aggregate = vertices(QStringLiteral("capped")).at(1).id;
    const QStringList limited = events(QStringLiteral("capped"), QStringLiteral("ScalingLimited"));
    QVERIFY(!limited.isEmpty());
    QVERIFY2(
        limited.at(0).startsWith(QLatin1String("Scaling limited detected for ") + aggregate
                                 + QLatin1String(" (expected parallelism: 3, actual parallelism 2). Scaling limited "
                                                 "due to numKeyGroupsOrPartitions : 128")),
        qPrintable(limited.at(0)));
    QVERIFY(limited.at(0).endsWith(QLatin1String("upperBoundForAlignment(maxParallelism or parallelismUpperLimit): 3, "
                                                 "parallelismLowerLimit: 1.")));
    const AutoscalerState s = state(QStringLiteral("capped"));
    QCOMPARE(s.parallelismOverrides.value(aggregate), 2);
    QCOMPARE(s.latestScaling(aggregate)->toParallelism, 2);
}

void TestAutoscalerSim::excludedPeriodHolds()
{
    m_sandbox->setTimeOfDay(10, 0);
    QVERIFY(create(QStringLiteral("quiet"),
                   QJsonObject{{QStringLiteral("job.autoscaler.excluded.periods"), QStringLiteral("9:00-11:00")}},
                   QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("2000")}}));
    step(6 * 60000);
    QVERIFY(events(QStringLiteral("quiet"), QStringLiteral("ScalingReport")).isEmpty());
    QVERIFY(state(QStringLiteral("quiet")).scalingHistory.isEmpty());
    QVERIFY(!state(QStringLiteral("quiet")).collectedMetrics.isEmpty());
    QCOMPARE(vertices(QStringLiteral("quiet")).at(1).parallelism, 1);
}

void TestAutoscalerSim::resetNonceClearsState()
{
    QVERIFY(create(QStringLiteral("resettable"), {},
                   QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("1500")}}));
    step(6 * 60000);
    AutoscalerState s = state(QStringLiteral("resettable"));
    QVERIFY(!s.scalingHistory.isEmpty());
    QVERIFY(!s.parallelismOverrides.isEmpty());
    QVERIFY(reconciledSpec(QStringLiteral("resettable"))
                .value(QLatin1String("flinkConfiguration"))
                .toObject()
                .contains(kOverrides));

    QVERIFY(store()
                .mergePatch(QStringLiteral("flinkdeployments"), kNs, QStringLiteral("resettable"),
                            QJsonObject{{QStringLiteral("spec"),
                                         QJsonObject{{QStringLiteral("job"),
                                                      QJsonObject{{QStringLiteral("autoscalerResetNonce"), 1}}}}}})
                .ok());
    step(20000);
    bool exists = false;
    s = state(QStringLiteral("resettable"), &exists);
    QVERIFY(exists);
    QVERIFY(s.errors.isEmpty());
    QVERIFY(s.scalingHistory.isEmpty());
    QVERIFY(s.scalingRecords.isEmpty());
    QVERIFY(s.parallelismOverrides.isEmpty());
    QVERIFY(s.collectedMetrics.isEmpty());
    // Without its overrides the job runs at the spec's parallelism again.
    QVERIFY(!reconciledSpec(QStringLiteral("resettable"))
                 .value(QLatin1String("flinkConfiguration"))
                 .toObject()
                 .contains(kOverrides));
    QCOMPARE(vertices(QStringLiteral("resettable")).at(1).parallelism, 1);
}

void TestAutoscalerSim::disabledLeavesNoState()
{
    QJsonObject object = SandboxFixture::podDeployment(QStringLiteral("plain"), 1);
    QVERIFY(store().create(QStringLiteral("flinkdeployments"), kNs, object).ok());
    step(3 * 60000);
    bool exists = true;
    state(QStringLiteral("plain"), &exists);
    QVERIFY(!exists);
    QVERIFY(!AutoscalerSimulation::enabled(object.value(QLatin1String("spec")).toObject()));
    QVERIFY(AutoscalerSimulation::enabled(QJsonObject{
        {QStringLiteral("flinkConfiguration"),
         QJsonObject{{QStringLiteral("kubernetes.operator.job.autoscaler.enabled"), QStringLiteral("true")}}}}));
}

void TestAutoscalerSim::demoDeploymentAutoscales_data()
{
    QTest::addColumn<int>("hour");
    QTest::addColumn<bool>("scalesUp");
    QTest::newRow("night") << 2 << false;
    QTest::newRow("midday") << 12 << true;
}

void TestAutoscalerSim::demoDeploymentAutoscales()
{
    QFETCH(int, hour);
    QFETCH(bool, scalesUp);
    // The demo set's autoscaled deployment, adopted running: its autoscaler collects at once and decides
    // only once a full window is collected, whatever the time of day the suite runs at.
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    sim()->clock().setPaused(true);
    // Forward to the next `hour` o'clock: the demo job started hours before the sandbox did, and stays so.
    VirtualClock &clock = sim()->clock();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC);
    QDateTime target(now.date(), QTime(hour, 0), Qt::UTC);
    if (target <= now)
        target = target.addDays(1);
    clock.shift(now.msecsTo(target));

    const QString name = QStringLiteral("orders-enrichment");
    QVERIFY(AutoscalerSimulation::enabled(deployment(name).value(QLatin1String("spec")).toObject()));
    step(2 * 60000);
    bool exists = false;
    AutoscalerState s = state(name, &exists);
    QVERIFY(exists);
    QVERIFY(s.errors.isEmpty());
    QVERIFY(!s.collectedMetrics.isEmpty());
    QCOMPARE(s.vertexIds().size(), 2);
    QVERIFY(s.scalingHistory.isEmpty());

    // The demo's 5 min window is full: by day its input outgrows one subtask, at night it does not.
    step(4 * 60000);
    s = state(name);
    QVERIFY(s.errors.isEmpty());
    QCOMPARE(!s.scalingHistory.isEmpty(), scalesUp);
    QCOMPARE(!events(name, QStringLiteral("ScalingReport")).isEmpty(), scalesUp);
}

QTEST_GUILESS_MAIN(TestAutoscalerSim)
#include "tst_autoscalersim.moc"
