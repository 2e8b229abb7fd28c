// FlinkBlueGreenDeployment in the sandbox: the operator's blue/green states on the store's C++ API,
// from the operator's own blue/green test manifest, and the same through unmodified kubectl.
#include "common/kubectlrunner.h"
#include "common/referencedata.h"
#include "common/sandboxfixture.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <vector>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::KubectlRunner;
using capstan::test::SandboxFixture;
using namespace Qt::StringLiterals;

namespace {

const QString kBlueGreen = u"flinkbluegreendeployments"_s;
const QString kDeployments = u"flinkdeployments"_s;
const QString kStatelessExample = u"examples-bluegreen/bluegreen-stateless.yaml"_s;
constexpr int kTimeoutMs = 30000;

QJsonValue toJson(const YAML::Node &node)
{
    if (node.IsMap()) {
        QJsonObject o;
        for (const auto &entry : node)
            o.insert(QString::fromStdString(entry.first.as<std::string>()), toJson(entry.second));
        return o;
    }
    if (node.IsSequence()) {
        QJsonArray a;
        for (const YAML::Node &item : node)
            a.append(toJson(item));
        return a;
    }
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() == "!")
        return text; // quoted
    static const QRegularExpression integer(u"^-?[0-9]+$"_s);
    return integer.match(text).hasMatch() ? QJsonValue(text.toLongLong()) : QJsonValue(text);
}

// The FlinkBlueGreenDeployment document of an upstream manifest.
QJsonObject blueGreenDocument(const QString &relative)
{
    QFile file(capstan::test::referencePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const YAML::Node &doc : YAML::LoadAll(file.readAll().toStdString())) {
        const QJsonObject o = toJson(doc).toObject();
        if (o.value(u"kind"_s) == u"FlinkBlueGreenDeployment"_s)
            return o;
    }
    return {};
}

QJsonValue at(const QJsonObject &o, const QString &path)
{
    QJsonValue cur = o;
    for (const QString &part : path.split(u'.'))
        cur = cur.toObject().value(part);
    return cur;
}

QJsonObject merged(QJsonObject base, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), merged(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

} // namespace

class TestBlueGreenSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statelessTransition();
    void savepointTransition();
    void abortRollsBack();
    void deleteCascades();
    void demoIsActiveBlue();
    void kubectl();

private:
    ResourceStore &store() { return m_sandbox->server->store(); }
    QJsonObject get(const QString &plural, const QString &name) { return store().get(plural, m_ns, name).object; }
    QString state(const QString &name) { return at(get(kBlueGreen, name), u"status.blueGreenState"_s).toString(); }
    bool exists(const QString &plural, const QString &name) { return store().get(plural, m_ns, name).ok(); }
    // Creates the upstream stateless example under `name`, with `patch` merged in, and waits for ACTIVE_BLUE.
    void createActive(const QString &name, const QJsonObject &patch = {});
    bool patchTemplate(const QString &name, const QJsonObject &templateSpec);
    // The blueGreenState values the resource went through since resourceVersion `since`, without repeats.
    QStringList statesSince(const QString &name, quint64 since);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QJsonObject m_example;
    QString m_ns = u"default"_s;
};

void TestBlueGreenSim::initTestCase()
{
    CAPSTAN_NEEDS_REFERENCE(kStatelessExample);
    m_example = blueGreenDocument(kStatelessExample);
    QVERIFY(!m_example.isEmpty());
    m_sandbox = std::make_unique<SandboxFixture>(0, 400);
    QVERIFY(m_sandbox->started);
}

void TestBlueGreenSim::createActive(const QString &name, const QJsonObject &patch)
{
    QJsonObject object = merged(m_example, patch);
    QJsonObject meta = object.value(u"metadata"_s).toObject();
    meta.insert(u"name"_s, name);
    object.insert(u"metadata"_s, meta);
    const StoreResult r = store().create(kBlueGreen, m_ns, object);
    QVERIFY2(r.ok(), QJsonDocument(r.object).toJson().constData());
    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"ACTIVE_BLUE"_s, kTimeoutMs);
}

bool TestBlueGreenSim::patchTemplate(const QString &name, const QJsonObject &templateSpec)
{
    return store()
        .mergePatch(kBlueGreen, m_ns, name,
                    QJsonObject{{u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, templateSpec}}}}}})
        .ok();
}

QStringList TestBlueGreenSim::statesSince(const QString &name, quint64 since)
{
    std::vector<WatchEvent> events;
    quint64 scanned = 0;
    quint64 oldest = 0;
    store().eventsSince(since, kBlueGreen, m_ns, 100000, &events, &scanned, &oldest);
    QStringList states;
    for (const WatchEvent &e : events) {
        if (at(e.object, u"metadata.name"_s).toString() != name)
            continue;
        const QString s = at(e.object, u"status.blueGreenState"_s).toString();
        if (!s.isEmpty() && (states.isEmpty() || states.last() != s))
            states.append(s);
    }
    return states;
}

void TestBlueGreenSim::statelessTransition()
{
    const QString name = u"bg-stateless"_s;
    const quint64 start = store().currentResourceVersion();
    createActive(name);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(statesSince(name, start),
             (QStringList{u"INITIALIZING_BLUE"_s, u"TRANSITIONING_TO_BLUE"_s, u"ACTIVE_BLUE"_s}));
    const QJsonObject bg = get(kBlueGreen, name);
    QCOMPARE(at(bg, u"status.jobStatus.state"_s).toString(), u"RUNNING"_s);
    QCOMPARE(at(bg, u"status.abortTimestamp"_s).toString(), u"1970-01-01T00:00:00Z"_s);
    QVERIFY(at(bg, u"status.lastReconciledSpec"_s).toString().startsWith(u"{\"spec\":"_s));

    // The blue child: the template's spec, owned by the blue/green resource.
    const QJsonObject blue = get(kDeployments, name + u"-blue"_s);
    QCOMPARE(at(blue, u"status.lifecycleState"_s).toString(), u"STABLE"_s);
    QCOMPARE(at(blue, u"metadata.labels"_s).toObject().value(u"flink/blue-green-deployment-type"_s).toString(),
             u"BLUE"_s);
    const QJsonObject owner = at(blue, u"metadata.ownerReferences"_s).toArray().first().toObject();
    QCOMPARE(owner.value(u"kind"_s).toString(), u"FlinkBlueGreenDeployment"_s);
    QCOMPARE(owner.value(u"uid"_s).toString(), at(bg, u"metadata.uid"_s).toString());
    QCOMPARE(at(blue, u"spec.job.upgradeMode"_s).toString(), u"stateless"_s);

    // Stateless: no savepoint, straight to green; blue goes after the 2 s deletion delay.
    const quint64 before = store().currentResourceVersion();
    QVERIFY(patchTemplate(name, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 2}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"ACTIVE_GREEN"_s, kTimeoutMs);
    QCOMPARE(statesSince(name, before),
             (QStringList{u"ACTIVE_BLUE"_s, u"TRANSITIONING_TO_GREEN"_s, u"ACTIVE_GREEN"_s}));
    QVERIFY(!exists(kDeployments, name + u"-blue"_s));
    const QJsonObject green = get(kDeployments, name + u"-green"_s);
    QCOMPARE(at(green, u"spec.job.parallelism"_s).toInt(), 2);
    QVERIFY(at(green, u"spec.job.initialSavepointPath"_s).isUndefined());
}

void TestBlueGreenSim::savepointTransition()
{
    const QString name = u"bg-savepoint"_s;
    const QJsonObject stateful{
        {u"spec"_s,
         QJsonObject{
             {u"template"_s,
              QJsonObject{
                  {u"spec"_s,
                   QJsonObject{
                       {u"flinkConfiguration"_s,
                        QJsonObject{{u"state.savepoints.dir"_s, u"s3://flink-state/bg-savepoint/savepoints"_s},
                                    {u"state.checkpoints.dir"_s, u"s3://flink-state/bg-savepoint/checkpoints"_s},
                                    {u"execution.checkpointing.interval"_s, u"10s"_s}}},
                       {u"job"_s, QJsonObject{{u"upgradeMode"_s, u"savepoint"_s}}}}}}}}}};
    createActive(name, stateful);
    if (QTest::currentTestFailed())
        return;
    // The operator writes the child's name into the spec: the blue child has its own savepoint directory.
    const QString blueDir = u"s3://flink-state/bg-savepoint-blue/savepoints"_s;
    QCOMPARE(at(get(kDeployments, name + u"-blue"_s), u"spec.flinkConfiguration"_s)
                 .toObject()
                 .value(u"state.savepoints.dir"_s)
                 .toString(),
             blueDir);

    const quint64 before = store().currentResourceVersion();
    QVERIFY(patchTemplate(name, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 2}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"ACTIVE_GREEN"_s, kTimeoutMs);
    const QStringList states = statesSince(name, before);
    QCOMPARE(states.mid(0, 2), (QStringList{u"ACTIVE_BLUE"_s, u"SAVEPOINTING_BLUE"_s}));
    QCOMPARE(states.mid(states.size() - 2), (QStringList{u"TRANSITIONING_TO_GREEN"_s, u"ACTIVE_GREEN"_s}));
    QVERIFY(!exists(kDeployments, name + u"-blue"_s));

    // Green started from the savepoint taken of blue's job, in blue's savepoint directory.
    const QJsonObject green = get(kDeployments, name + u"-green"_s);
    const QString savepoint = at(green, u"spec.job.initialSavepointPath"_s).toString();
    QVERIFY2(savepoint.startsWith(blueDir + u"/savepoint-"_s), qPrintable(savepoint));
    QCOMPARE(at(green, u"spec.job.parallelism"_s).toInt(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(at(get(kDeployments, name + u"-green"_s), u"status.jobStatus.state"_s).toString(),
                              u"RUNNING"_s, kTimeoutMs);
    // The savepoint's trigger id was in the status while it ran, and is cleared with the transition.
    std::vector<WatchEvent> events;
    quint64 scanned = 0;
    quint64 oldest = 0;
    store().eventsSince(before, kBlueGreen, m_ns, 100000, &events, &scanned, &oldest);
    const bool sawTrigger = std::any_of(events.begin(), events.end(), [&](const WatchEvent &e) {
        return at(e.object, u"status.blueGreenState"_s) == u"SAVEPOINTING_BLUE"_s
            && at(e.object, u"status.savepointTriggerId"_s).toString().size() == 32;
    });
    QVERIFY(sawTrigger);
    QVERIFY(at(get(kBlueGreen, name), u"status.savepointTriggerId"_s).isUndefined());
    QCOMPARE(at(get(kBlueGreen, name), u"status.jobStatus.state"_s).toString(), u"RUNNING"_s);
}

void TestBlueGreenSim::abortRollsBack()
{
    const QString name = u"bg-abort"_s;
    createActive(name,
                 QJsonObject{{u"spec"_s,
                              QJsonObject{{u"configuration"_s,
                                           QJsonObject{{u"kubernetes.operator.bluegreen.abort."
                                                        u"grace-period"_s,
                                                        u"2 min"_s}}}}}});
    if (QTest::currentTestFailed())
        return;
    const qint64 changedMs = m_sandbox->server->operatorSimulation()->clock().nowMs();
    // A job that fails in a restart loop never becomes ready.
    QJsonArray args = at(get(kBlueGreen, name), u"spec.template.spec.job.args"_s).toArray();
    args.append(u"--enable-new-feature"_s);
    args.append(u"true"_s);
    QVERIFY(patchTemplate(name, QJsonObject{{u"job"_s, QJsonObject{{u"args"_s, args}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"TRANSITIONING_TO_GREEN"_s, kTimeoutMs);
    const QString deadline = at(get(kBlueGreen, name), u"status.abortTimestamp"_s).toString();
    const qint64 deadlineMs = QDateTime::fromString(deadline, Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY2(deadlineMs >= changedMs + 120000 && deadlineMs < changedMs + 140000, qPrintable(deadline));

    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"ACTIVE_BLUE"_s, kTimeoutMs);
    const QJsonObject bg = get(kBlueGreen, name);
    QCOMPARE(at(bg, u"status.jobStatus.state"_s).toString(), u"FAILING"_s);
    QCOMPARE(at(bg, u"status.error"_s).toString(),
             u"Aborting deployment 'bg-abort-green', rolling B/G deployment back to ACTIVE_BLUE"_s);
    // Blue keeps running; green is suspended and left for inspection.
    QCOMPARE(at(get(kDeployments, name + u"-blue"_s), u"status.lifecycleState"_s).toString(), u"STABLE"_s);
    QCOMPARE(at(get(kDeployments, name + u"-green"_s), u"spec.job.state"_s).toString(), u"suspended"_s);
    ListOptions options;
    options.fieldSelector = u"involvedObject.kind=FlinkBlueGreenDeployment,involvedObject.name=%1"_s.arg(name);
    const QJsonArray events = store().list(u"events"_s, m_ns, options).object.value(u"items"_s).toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first().toObject();
    QCOMPARE(event.value(u"type"_s).toString(), u"Warning"_s);
    QCOMPARE(event.value(u"reason"_s).toString(), u"Abort"_s);
    QCOMPARE(at(event, u"involvedObject.uid"_s).toString(), at(bg, u"metadata.uid"_s).toString());
    QCOMPARE(event.value(u"message"_s).toString(), at(bg, u"status.error"_s).toString());
}

void TestBlueGreenSim::deleteCascades()
{
    const QString name = u"bg-delete"_s;
    createActive(name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(exists(kDeployments, name + u"-blue"_s));
    QVERIFY(store().remove(kBlueGreen, m_ns, name).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!exists(kDeployments, name + u"-blue"_s), kTimeoutMs);
}

void TestBlueGreenSim::demoIsActiveBlue()
{
    SandboxFixture demo(-1, 50);
    QVERIFY(demo.started);
    const ResourceStore &s = demo.server->store();
    const QJsonObject bg = s.get(kBlueGreen, u"default"_s, u"checkout-bluegreen"_s).object;
    QCOMPARE(at(bg, u"status.blueGreenState"_s).toString(), u"ACTIVE_BLUE"_s);
    const QJsonObject blue = s.get(kDeployments, u"default"_s, u"checkout-bluegreen-blue"_s).object;
    QCOMPARE(at(blue, u"metadata.ownerReferences"_s).toArray().first().toObject().value(u"uid"_s),
             at(bg, u"metadata.uid"_s));
    // Adopted as it is: nothing to do for the operator.
    const qint64 generation = at(blue, u"metadata.generation"_s).toInteger();
    QTest::qWait(0);
    QTRY_COMPARE_WITH_TIMEOUT(
        at(s.get(kDeployments, u"default"_s, u"checkout-bluegreen-blue"_s).object, u"status.lifecycleState"_s)
            .toString(),
        u"STABLE"_s, kTimeoutMs);
    QCOMPARE(at(s.get(kBlueGreen, u"default"_s, u"checkout-bluegreen"_s).object, u"status.blueGreenState"_s).toString(),
             u"ACTIVE_BLUE"_s);
    QCOMPARE(at(s.get(kDeployments, u"default"_s, u"checkout-bluegreen-blue"_s).object, u"metadata.generation"_s)
                 .toInteger(),
             generation);
    QVERIFY(!s.get(kDeployments, u"default"_s, u"checkout-bluegreen-green"_s).ok());
}

void TestBlueGreenSim::kubectl()
{
    const KubectlRunner kubectl(m_sandbox->kubeconfigPath);
    if (!kubectl.available())
        QSKIP("kubectl is not installed");
    const QString name = u"basic-bg-stateless-example"_s;
    auto r = kubectl.run({u"apply"_s, u"-n"_s, m_ns, u"-f"_s, capstan::test::referencePath(kStatelessExample)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("flinkbluegreendeployment.flink.apache.org/basic-bg-stateless-example created"),
             r.out.constData());
    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"ACTIVE_BLUE"_s, kTimeoutMs);

    // The printer column of the CRD, from the API server's Table.
    r = kubectl.run({u"get"_s, u"flinkbgdep"_s, u"-n"_s, m_ns});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    static const QRegularExpression row(u"^basic-bg-stateless-example\\s+RUNNING\\b"_s,
                                        QRegularExpression::MultilineOption);
    QVERIFY2(r.out.startsWith("NAME") && r.out.contains("JOB STATUS") && row.match(QString::fromUtf8(r.out)).hasMatch(),
             r.out.constData());

    r = kubectl.run({u"patch"_s, u"flinkbgdep"_s, name, u"-n"_s, m_ns, u"--type"_s, u"merge"_s, u"-p"_s,
                     u"{\"spec\":{\"template\":{\"spec\":{\"job\":{\"parallelism\":2}}}}}"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(state(name), u"ACTIVE_GREEN"_s, kTimeoutMs);
    QVERIFY(!exists(kDeployments, name + u"-blue"_s));
    r = kubectl.run({u"get"_s, u"flinkdep"_s, name + u"-green"_s, u"-n"_s, m_ns, u"-o"_s,
                     u"jsonpath={.spec.job.parallelism} {.metadata.ownerReferences[0].kind}"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed(), QByteArray("2 FlinkBlueGreenDeployment"));

    r = kubectl.run({u"delete"_s, u"flinkbgdep"_s, name, u"-n"_s, m_ns});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!exists(kDeployments, name + u"-green"_s), kTimeoutMs);

    // The last-state example carries a PersistentVolumeClaim and an IngressClass, kinds the sandbox
    // does not serve: kubectl refuses those two and still creates the FlinkBlueGreenDeployment. Its
    // template has no Kubernetes HA, so the operator refuses the last-state blue child, and the first
    // deployment is aborted after the default grace period (10 minutes).
    const QString lastState = u"basic-bg-laststate-example"_s;
    r = kubectl.run({u"apply"_s, u"-n"_s, m_ns, u"-f"_s,
                     capstan::test::referencePath(u"examples-bluegreen/bluegreen-laststate.yaml"_s)});
    QVERIFY2(r.out.contains("flinkbluegreendeployment.flink.apache.org/basic-bg-laststate-example created"),
             QByteArray(r.out + r.err).constData());
    QTRY_VERIFY_WITH_TIMEOUT(at(get(kDeployments, lastState + u"-blue"_s), u"status.error"_s)
                                 .toString()
                                 .contains(u"Job could not be upgraded with last-state while HA disabled"_s),
                             kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(at(get(kBlueGreen, lastState), u"status.jobStatus.state"_s).toString(), u"FAILING"_s,
                              kTimeoutMs);
    QCOMPARE(state(lastState), u"INITIALIZING_BLUE"_s);
    QCOMPARE(
        at(get(kBlueGreen, lastState), u"status.error"_s).toString(),
        u"Aborting deployment 'basic-bg-laststate-example-blue', rolling B/G deployment back to INITIALIZING_BLUE"_s);
}

QTEST_GUILESS_MAIN(TestBlueGreenSim)
#include "tst_bluegreensim.moc"
