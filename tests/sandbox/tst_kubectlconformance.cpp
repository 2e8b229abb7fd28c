// Unmodified kubectl against capstan-sandbox's API: the conformance list of the sandbox issue in
// one place — discovery, get in every output, watch, create of every upstream example, merge patch,
// delete, event field selectors, server-side dry run and a 422 that names the field.

#include "common/kubectlrunner.h"
#include "common/referencedata.h"
#include "common/sandboxfixture.h"

#include <QDir>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;
using capstan::test::KubectlRunner;
using capstan::test::SandboxFixture;

class TestKubectlConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void apiResources();
    void getInEveryOutput();
    void watchSeesAnotherClientsChange();
    void createEveryUpstreamExample();
    void mergePatchAndDelete();
    void sessionJobFromUpstreamExample();
    void eventsByFieldSelector();
    void serverSideDryRunStoresNothing();
    void invalidManifestIsRefusedNamingTheField();
    void authCanIAnswersPerUser();

private:
    KubectlRunner::Output kubectl(const QStringList &args) { return m_kubectl->run(args); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<KubectlRunner> m_kubectl;
    QTemporaryDir m_dir;
};

void TestKubectlConformance::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(-1, 50);
    QVERIFY(m_sandbox->started);
    m_kubectl = std::make_unique<KubectlRunner>(m_sandbox->kubeconfigPath);
    if (!m_kubectl->available())
        QSKIP("kubectl is not installed");
}

void TestKubectlConformance::apiResources()
{
    const auto r = kubectl({QStringLiteral("api-resources")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("flinkdeployments"));
    QVERIFY(r.out.contains("flinkdep"));
    QVERIFY(r.out.contains("flinkstatesnapshots"));
    QVERIFY(r.out.contains("flinksessionjobs"));
    QVERIFY(r.out.contains("events"));
}

void TestKubectlConformance::getInEveryOutput()
{
    auto r = kubectl({QStringLiteral("get"), QStringLiteral("flinkdeployments"), QStringLiteral("-A")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("github-analytics"));
    r = kubectl({QStringLiteral("get"), QStringLiteral("flinkdep"), QStringLiteral("github-analytics"),
                 QStringLiteral("-o"), QStringLiteral("yaml")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("kind: FlinkDeployment"));
    QVERIFY(r.out.contains("upgradeMode: savepoint"));
    r = kubectl({QStringLiteral("get"), QStringLiteral("flinkdep"), QStringLiteral("github-analytics"),
                 QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("github-analytics"));
    QVERIFY(
        !object.value(QLatin1String("status")).toObject().value(QLatin1String("lifecycleState")).toString().isEmpty());
}

void TestKubectlConformance::watchSeesAnotherClientsChange()
{
    const int watchesBefore = m_sandbox->server->openWatchCount();
    QProcess watch;
    m_kubectl->start(watch,
                     {QStringLiteral("get"), QStringLiteral("flinkdep"), QStringLiteral("fraud-detector"),
                      QStringLiteral("-n"), QStringLiteral("flink-jobs"), QStringLiteral("-w"),
                      QStringLiteral("--output-watch-events"), QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY(watch.waitForStarted(10000));
    QByteArray seen;
    QVERIFY(QTest::qWaitFor(
        [&] {
            seen += watch.readAllStandardOutput();
            return seen.contains("\"ADDED\"");
        },
        15000));
    // kubectl prints what it got, then watches from resourceVersion 0, whose first event is the object
    // as it is then: a change made before that watch is served arrives as that ADDED, not MODIFIED.
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->server->openWatchCount() > watchesBefore, 15000);
    // Another client changes it.
    const QJsonObject patch{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("team"), QStringLiteral("fraud")}}}}}};
    QVERIFY(m_sandbox->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"),
                            QStringLiteral("fraud-detector"), patch)
                .ok());
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     seen += watch.readAllStandardOutput();
                     return seen.contains("\"MODIFIED\"") && seen.contains("\"team\"");
                 },
                 15000),
             seen.right(500).constData());
    watch.kill();
    watch.waitForFinished();
}

void TestKubectlConformance::createEveryUpstreamExample()
{
    CAPSTAN_NEEDS_REFERENCE(QStringLiteral("examples"));
    const QDir examples(capstan::test::referencePath(QStringLiteral("examples")));
    const QStringList files = examples.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 7);
    for (const QString &file : files) {
        // Each in its own namespace: two examples create objects with the same name.
        const QString ns = QStringLiteral("ex-") + QFileInfo(file).baseName().left(40);
        QCOMPARE(kubectl({QStringLiteral("create"), QStringLiteral("namespace"), ns}).exitCode, 0);
        const auto r = kubectl(
            {QStringLiteral("create"), QStringLiteral("-n"), ns, QStringLiteral("-f"), examples.filePath(file)});
        QVERIFY2(r.exitCode == 0, qPrintable(file + QStringLiteral(": ") + QString::fromUtf8(r.err)));
        QVERIFY(r.out.contains("created"));
    }
}

void TestKubectlConformance::mergePatchAndDelete()
{
    auto r = kubectl({QStringLiteral("patch"), QStringLiteral("flinkdep"), QStringLiteral("clickstream-sessionizer"),
                      QStringLiteral("-n"), QStringLiteral("flink-jobs"), QStringLiteral("--type"),
                      QStringLiteral("merge"), QStringLiteral("-p"),
                      QStringLiteral(R"({"spec":{"job":{"parallelism":6}}})")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto stored = m_sandbox->server->store().get(QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"),
                                                       QStringLiteral("clickstream-sessionizer"));
    QCOMPARE(stored.object.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             6);
    r = kubectl({QStringLiteral("delete"), QStringLiteral("flinkdep"), QStringLiteral("clickstream-sessionizer"),
                 QStringLiteral("-n"), QStringLiteral("flink-jobs")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m_sandbox->server->store()
                 .get(QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"),
                      QStringLiteral("clickstream-sessionizer"))
                 .code,
             404);
}

// The upstream example's session cluster and its FlinkSessionJobs, run by the operator simulation: create,
// wait for the job, merge-patch it (a stateless upgrade), get it with its printer columns, delete it.
void TestKubectlConformance::sessionJobFromUpstreamExample()
{
    const QString example = QStringLiteral("examples/basic-session-deployment-and-job.yaml");
    CAPSTAN_NEEDS_REFERENCE(example);
    const QString ns = QStringLiteral("session-job-example");
    const QString job = QStringLiteral("basic-session-job-example");
    QCOMPARE(kubectl({QStringLiteral("create"), QStringLiteral("namespace"), ns}).exitCode, 0);
    auto r = kubectl({QStringLiteral("create"), QStringLiteral("-n"), ns, QStringLiteral("-f"),
                      capstan::test::referencePath(example)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("flinksessionjob.flink.apache.org/basic-session-job-example created"));
    const auto jsonpath = [&](const QString &path) {
        return kubectl({QStringLiteral("get"), QStringLiteral("flinksessionjob"), job, QStringLiteral("-n"), ns,
                        QStringLiteral("-o"), QStringLiteral("jsonpath={%1}").arg(path)})
            .out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(jsonpath(QStringLiteral(".status.jobStatus.state")), QByteArray("RUNNING"), 30000);
    const QByteArray firstJobId = jsonpath(QStringLiteral(".status.jobStatus.jobId"));

    r = kubectl({QStringLiteral("patch"), QStringLiteral("flinksessionjob"), job, QStringLiteral("-n"), ns,
                 QStringLiteral("--type"), QStringLiteral("merge"), QStringLiteral("-p"),
                 QStringLiteral(R"({"spec":{"job":{"parallelism":2}}})")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("patched"));
    QTRY_COMPARE_WITH_TIMEOUT(jsonpath(QStringLiteral(".status.observedGeneration")), QByteArray("2"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(jsonpath(QStringLiteral(".status.lifecycleState")), QByteArray("STABLE"), 30000);
    QCOMPARE(jsonpath(QStringLiteral(".status.jobStatus.state")), QByteArray("RUNNING"));
    QVERIFY(jsonpath(QStringLiteral(".status.jobStatus.jobId")) != firstJobId);

    // The CRD's printer columns: Job Status and Lifecycle State.
    r = kubectl({QStringLiteral("get"), QStringLiteral("flinksessionjobs"), QStringLiteral("-n"), ns});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY2(lines.size() == 3, r.out.constData());
    QCOMPARE(lines.at(0).simplified(), QByteArray("NAME JOB STATUS LIFECYCLE STATE"));
    QCOMPARE(lines.at(1).simplified(), QByteArray("basic-session-job-example RUNNING STABLE"));

    r = kubectl({QStringLiteral("delete"), QStringLiteral("flinksessionjob"), job, QStringLiteral("-n"), ns});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m_sandbox->server->store().get(QStringLiteral("flinksessionjobs"), ns, job).code, 404);
    // The other job keeps running in the session cluster.
    r = kubectl({QStringLiteral("get"), QStringLiteral("flinksessionjobs"), QStringLiteral("-n"), ns,
                 QStringLiteral("--no-headers")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.simplified().split(' ').value(0), QByteArray("basic-session-job-example2"));
}

void TestKubectlConformance::eventsByFieldSelector()
{
    const auto r
        = kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-n"), QStringLiteral("default"),
                   QStringLiteral("--field-selector"), QStringLiteral("involvedObject.name=github-analytics"),
                   QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray items = QJsonDocument::fromJson(r.out).object().value(QLatin1String("items")).toArray();
    QVERIFY(!items.isEmpty());
    for (const QJsonValue &item : items)
        QCOMPARE(
            item.toObject().value(QLatin1String("involvedObject")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("github-analytics"));
}

void TestKubectlConformance::serverSideDryRunStoresNothing()
{
    const quint64 before = m_sandbox->server->store().currentResourceVersion();
    const auto r = kubectl({QStringLiteral("create"), QStringLiteral("--dry-run=server"), QStringLiteral("-n"),
                            QStringLiteral("default"), QStringLiteral("-f"),
                            QStringLiteral(CAPSTAN_TEST_DATA_DIR "/sandbox/basic-deployment.yaml")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("(server dry run)"));
    QCOMPARE(m_sandbox->server->store()
                 .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("basic-deployment"))
                 .code,
             404);
    Q_UNUSED(before);
}

void TestKubectlConformance::invalidManifestIsRefusedNamingTheField()
{
    const QString path = m_dir.filePath(QStringLiteral("invalid.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: invalid-upgrade-mode\n"
               "spec:\n  image: flink:1.20\n  flinkVersion: v1_20\n  job:\n    jarURI: local:///opt/flink/job.jar\n"
               "    parallelism: 2\n    upgradeMode: sometimes\n");
    file.close();
    const auto r = kubectl(
        {QStringLiteral("create"), QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("-f"), path});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("is invalid"), r.err.constData());
    QVERIFY2(r.err.contains("spec.job.upgradeMode"), r.err.constData());
    QVERIFY2(r.err.contains("Unsupported value: \"sometimes\""), r.err.constData());
}

void TestKubectlConformance::authCanIAnswersPerUser()
{
    // kubectl auth can-i posts a SelfSubjectAccessReview: the admin may do everything, the viewer
    // may read namespaced resources only. Exit code 0 is yes, 1 is no.
    const struct
    {
        QString context;
        QStringList question;
        QByteArray answer;
    } cases[] = {
        {QStringLiteral("sandbox"), {QStringLiteral("patch"), QStringLiteral("flinkdeployments")}, "yes"},
        {QStringLiteral("sandbox"), {QStringLiteral("create"), QStringLiteral("flinkstatesnapshots")}, "yes"},
        {QStringLiteral("sandbox-readonly"), {QStringLiteral("get"), QStringLiteral("flinkdeployments")}, "yes"},
        {QStringLiteral("sandbox-readonly"), {QStringLiteral("patch"), QStringLiteral("flinkdeployments")}, "no"},
        {QStringLiteral("sandbox-readonly"), {QStringLiteral("delete"), QStringLiteral("flinkdeployments")}, "no"},
        {QStringLiteral("sandbox-readonly"), {QStringLiteral("create"), QStringLiteral("flinkstatesnapshots")}, "no"},
        {QStringLiteral("sandbox-cert"), {QStringLiteral("patch"), QStringLiteral("flinkdeployments")}, "yes"},
    };
    for (const auto &c : cases) {
        const auto r = kubectl(
            QStringList{QStringLiteral("--context"), c.context, QStringLiteral("auth"), QStringLiteral("can-i")}
            + c.question + QStringList{QStringLiteral("-n"), QStringLiteral("default")});
        const QString what = c.context + QLatin1Char(' ') + c.question.join(QLatin1Char(' ')) + QStringLiteral(": ")
            + QString::fromUtf8(r.out + r.err);
        QCOMPARE_NE(r.out.trimmed(), QByteArray());
        QVERIFY2(r.out.trimmed() == c.answer, qPrintable(what));
        QVERIFY2((r.exitCode == 0) == (c.answer == "yes"), qPrintable(what));
    }
}

QTEST_GUILESS_MAIN(TestKubectlConformance)
#include "tst_kubectlconformance.moc"
