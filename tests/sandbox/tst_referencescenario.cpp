// DESIGN §1, steps 1–6, against the sandbox with its operator simulation, driven only by kubectl.
#include "common/kubectlrunner.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonValue at(const QJsonObject &o, const QString &path)
{
    QJsonObject cur = o;
    const QStringList parts = path.split(u'.');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        cur = cur.value(parts.at(i)).toObject();
    return cur.value(parts.last());
}

const QString kRest = u"/api/v1/namespaces/default/services/github-analytics-rest:rest/proxy"_s;

} // namespace

class TestReferenceScenario : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void scenario();

private:
    QByteArray kubectl(const QStringList &args, int *exitCode = nullptr) const;
    QJsonObject json(const QStringList &args) const;
    QJsonObject deployment() const { return json({u"get"_s, u"flinkdeployment"_s, u"github-analytics"_s}); }
    // The list resourceVersion: the store's current one.
    quint64 currentResourceVersion() const
    {
        const QJsonObject list
            = QJsonDocument::fromJson(kubectl({u"get"_s, u"--raw"_s, u"/api/v1/namespaces/default/events?limit=1"_s}))
                  .object();
        return at(list, u"metadata.resourceVersion"_s).toString().toULongLong();
    }
    bool patch(const QJsonObject &spec) const;
    bool stable(qint64 generation) const;
    // The deployment's events with a resourceVersion above rv, oldest first.
    QList<QJsonObject> eventsSince(quint64 rv) const;

    QString m_kubectl;
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
};

void TestReferenceScenario::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QVERIFY(m_dir.isValid());
    SandboxOptions options;
    options.speed = 100;
    options.operatorSimulation = true;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_server->writeKubeconfig(m_dir.filePath(u"kubeconfig"_s), &error), qPrintable(error));
}

void TestReferenceScenario::cleanupTestCase()
{
    m_server.reset();
}

QByteArray TestReferenceScenario::kubectl(const QStringList &args, int *exitCode) const
{
    const auto r
        = capstan::test::KubectlRunner(m_dir.filePath(u"kubeconfig"_s)).run(QStringList{u"-n"_s, u"default"_s} + args);
    if (exitCode)
        *exitCode = r.exitCode;
    if (r.exitCode != 0)
        qWarning().noquote() << args.join(u' ') << "->" << r.err;
    return r.out;
}

QJsonObject TestReferenceScenario::json(const QStringList &args) const
{
    return QJsonDocument::fromJson(kubectl(args + QStringList{u"-o"_s, u"json"_s})).object();
}

bool TestReferenceScenario::patch(const QJsonObject &spec) const
{
    int rc = -1;
    kubectl({u"patch"_s, u"flinkdeployment"_s, u"github-analytics"_s, u"--type"_s, u"merge"_s, u"-p"_s,
             QString::fromUtf8(QJsonDocument(QJsonObject{{u"spec"_s, spec}}).toJson(QJsonDocument::Compact))},
            &rc);
    return rc == 0;
}

bool TestReferenceScenario::stable(qint64 generation) const
{
    const QJsonObject d = deployment();
    return at(d, u"status.lifecycleState"_s).toString() == u"STABLE"_s
        && at(d, u"status.observedGeneration"_s).toInteger() == generation
        && at(d, u"status.jobStatus.state"_s).toString() == u"RUNNING"_s;
}

QList<QJsonObject> TestReferenceScenario::eventsSince(quint64 rv) const
{
    QList<QJsonObject> out;
    const QJsonObject list
        = json({u"get"_s, u"events"_s, u"--field-selector"_s, u"involvedObject.name=github-analytics"_s});
    for (const QJsonValue &v : list.value(u"items"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (at(e, u"metadata.resourceVersion"_s).toString().toULongLong() > rv)
            out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return at(a, u"metadata.resourceVersion"_s).toString().toULongLong()
            < at(b, u"metadata.resourceVersion"_s).toString().toULongLong();
    });
    return out;
}

void TestReferenceScenario::scenario()
{
    // The starting point: parallelism 1, savepoint mode, Kubernetes HA, running and stable.
    QJsonObject d = deployment();
    QCOMPARE(at(d, u"spec.job.parallelism"_s).toInt(), 1);
    QCOMPARE(at(d, u"spec.job.upgradeMode"_s).toString(), u"savepoint"_s);
    QCOMPARE(at(d, u"spec.flinkConfiguration"_s).toObject().value(u"high-availability.type"_s).toString(),
             u"kubernetes"_s);
    QTRY_VERIFY_WITH_TIMEOUT(stable(1), 10000);
    const QString uid = at(d, u"metadata.uid"_s).toString();
    const QString firstJob = at(d, u"status.jobStatus.jobId"_s).toString();
    const QJsonArray originalArgs = at(d, u"spec.job.args"_s).toArray();
    const quint64 rv1 = currentResourceVersion();

    // Steps 1–2: parallelism 1 → 2 upgrades through a savepoint.
    QVERIFY(patch(QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 2}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stable(2), 15000);
    d = deployment();
    QCOMPARE(at(d, u"metadata.uid"_s).toString(), uid);
    const QString secondJob = at(d, u"status.jobStatus.jobId"_s).toString();
    QVERIFY(secondJob != firstJob);
    QStringList reasons;
    for (const QJsonObject &e : eventsSince(rv1))
        if (!reasons.contains(e.value(u"reason"_s).toString()))
            reasons.append(e.value(u"reason"_s).toString());
    QCOMPARE(reasons.mid(0, 4), (QStringList{u"SpecChanged"_s, u"Suspended"_s, u"Submit"_s, u"JobStatusChanged"_s}));
    const QJsonArray upgrades
        = json({u"get"_s, u"flinkstatesnapshots"_s, u"-l"_s,
                u"job-reference.name=github-analytics,snapshot.trigger-type=UPGRADE,snapshot.type=SAVEPOINT"_s})
              .value(u"items"_s)
              .toArray();
    QCOMPARE(upgrades.size(), 1);
    const QJsonObject upgrade = upgrades.first().toObject();
    QVERIFY(at(upgrade, u"metadata.name"_s).toString().startsWith(u"github-analytics-savepoint-upgrade-"_s));
    QCOMPARE(at(upgrade, u"status.state"_s).toString(), u"COMPLETED"_s);
    const QString upgradePath = at(upgrade, u"status.path"_s).toString();
    QVERIFY(
        upgradePath.startsWith(u"s3://flink-state/github-analytics/savepoints/savepoint-%1-"_s.arg(firstJob.left(6))));

    // Step 4: --enable-new-feature true → restart loop with JobException events.
    QJsonArray failingArgs = originalArgs;
    failingArgs.append(u"--enable-new-feature"_s);
    failingArgs.append(u"true"_s);
    const quint64 rv4 = currentResourceVersion();
    QVERIFY(patch(QJsonObject{{u"job"_s, QJsonObject{{u"args"_s, failingArgs}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(at(deployment(), u"status.jobStatus.jobId"_s).toString() != secondJob
                                 && at(deployment(), u"status.jobManagerDeploymentStatus"_s).toString() == u"READY"_s,
                             15000);
    const QString failingJob = at(deployment(), u"status.jobStatus.jobId"_s).toString();
    // The healthy job stopped with a second UPGRADE savepoint; the failing job started from it.
    const QString failingStart = at(deployment(), u"status.jobStatus.upgradeSavepointPath"_s).toString();
    QVERIFY(failingStart.startsWith(
        u"s3://flink-state/github-analytics/savepoints/savepoint-%1-"_s.arg(secondJob.left(6))));
    const auto restarts = [&] {
        const QJsonArray a
            = QJsonDocument::fromJson(
                  kubectl({u"get"_s, u"--raw"_s, kRest + u"/jobs/%1/metrics?get=numRestarts"_s.arg(failingJob)}))
                  .array();
        return a.at(0).toObject().value(u"value"_s).toString().toInt();
    };
    QTRY_VERIFY_WITH_TIMEOUT(restarts() >= 3, 15000);
    QVERIFY(at(deployment(), u"status.lifecycleState"_s).toString() != u"STABLE"_s);
    bool jobException = false;
    for (const QJsonObject &e : eventsSince(rv4))
        jobException = jobException
            || (e.value(u"reason"_s).toString() == u"JobException"_s
                && e.value(u"message"_s).toString().contains(u"New feature enabled but not supported"_s));
    QVERIFY(jobException);

    // Step 5: Cancel → keep latest state, remove the flag, Start: the same job comes back from HA.
    QVERIFY(
        patch(QJsonObject{{u"job"_s, QJsonObject{{u"upgradeMode"_s, u"last-state"_s}, {u"state"_s, u"suspended"_s}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(at(deployment(), u"status.lifecycleState"_s).toString(), u"SUSPENDED"_s, 15000);
    QCOMPARE(at(deployment(), u"status.jobManagerDeploymentStatus"_s).toString(), u"MISSING"_s);
    QVERIFY(!json({u"get"_s, u"configmap"_s, u"github-analytics-cluster-config-map"_s}).isEmpty());
    QVERIFY(patch(QJsonObject{{u"job"_s, QJsonObject{{u"args"_s, originalArgs}}}}));
    const qint64 flagRemoved = at(deployment(), u"metadata.generation"_s).toInteger();
    QTRY_COMPARE(at(deployment(), u"status.observedGeneration"_s).toInteger(), flagRemoved);
    QCOMPARE(at(deployment(), u"status.lifecycleState"_s).toString(), u"SUSPENDED"_s);
    QVERIFY(patch(QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"running"_s}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stable(flagRemoved + 1), 15000);
    QCOMPARE(at(deployment(), u"status.jobStatus.jobId"_s).toString(), failingJob); // last-state keeps the job id
    const QJsonObject checkpoints
        = QJsonDocument::fromJson(kubectl({u"get"_s, u"--raw"_s, kRest + u"/jobs/%1/checkpoints"_s.arg(failingJob)}))
              .object();
    // The failing job never completed a checkpoint: its latest state is the savepoint it started from.
    QCOMPARE(at(checkpoints, u"latest.restored.external_path"_s).toString(), failingStart);
    QVERIFY(failingStart != upgradePath);
    QCOMPARE(restarts(), 0);

    // Step 6: roll back to the savepoint from before both changes, with the spec live at that time.
    const QJsonArray manual = json({u"get"_s, u"flinkstatesnapshots"_s, u"-l"_s,
                                    u"job-reference.name=github-analytics,snapshot.trigger-type=MANUAL"_s})
                                  .value(u"items"_s)
                                  .toArray();
    QVERIFY(!manual.isEmpty());
    const QString earlyPath = at(manual.first().toObject(), u"status.path"_s).toString();
    QVERIFY(!earlyPath.isEmpty());
    const qint64 nonce = at(deployment(), u"spec.job.savepointRedeployNonce"_s).toInteger();
    QVERIFY(patch(QJsonObject{{u"job"_s,
                               QJsonObject{{u"parallelism"_s, 1},
                                           {u"args"_s, originalArgs},
                                           {u"upgradeMode"_s, u"savepoint"_s},
                                           {u"initialSavepointPath"_s, earlyPath},
                                           {u"savepointRedeployNonce"_s, nonce + 1}}}}));
    const qint64 generation = at(deployment(), u"metadata.generation"_s).toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(stable(generation), 15000);
    const QString finalJob = at(deployment(), u"status.jobStatus.jobId"_s).toString();
    QVERIFY(finalJob != failingJob);
    const QJsonObject restored
        = QJsonDocument::fromJson(kubectl({u"get"_s, u"--raw"_s, kRest + u"/jobs/%1/checkpoints"_s.arg(finalJob)}))
              .object();
    QCOMPARE(at(restored, u"latest.restored.external_path"_s).toString(), earlyPath);
    QCOMPARE(at(deployment(), u"spec.job.parallelism"_s).toInt(), 1);
    QCOMPARE(at(deployment(), u"metadata.uid"_s).toString(), uid);
}

QTEST_GUILESS_MAIN(TestReferenceScenario)
#include "tst_referencescenario.moc"
