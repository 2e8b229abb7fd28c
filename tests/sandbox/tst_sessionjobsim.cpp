// The operator simulation on FlinkSessionJobs: submission to the session cluster, upgrades per upgrade
// mode, redeploy from a savepoint, suspend and resume, manual snapshots, the session cluster going away
// under its jobs, and the session cluster's JobManager REST API listing them (through the HTTPS proxy).
#include "sandbox/operatorsimulation.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

#include <memory>

using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kNs = u"default"_s;
const QString kSessionJobs = u"flinksessionjobs"_s;

// The value at a dotted path ("status.jobStatus.jobId").
QJsonValue at(const QJsonObject &o, const QString &path)
{
    QJsonObject cur = o;
    const QStringList parts = path.split(u'.');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        cur = cur.value(parts.at(i)).toObject();
    return cur.value(parts.last());
}

} // namespace

class TestSessionJobSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoJobsAreAdoptedRunning();
    void submitsToTheSessionCluster();
    void savepointUpgradeRestoresTheNewJob();
    void redeployFromSavepointWithNonce();
    void lastStateUpgradeAndRestartNonce();
    void suspendAndResume();
    void manualSnapshotsOfASessionJob();
    void validationErrorKeepsTheJob();
    void restartLoopReportsExceptions();
    void sessionClusterDeletedUnderItsJobs();
    void restListsTheSessionJobs();

private:
    QJsonObject job(const QString &name) const { return m_server->store().get(kSessionJobs, kNs, name).object; }
    QString field(const QString &name, const QString &path) const { return at(job(name), path).toString(); }
    void createCluster(const QString &name, bool savepoints);
    void createJob(const QString &name, const QString &cluster, const QString &upgradeMode, int parallelism,
                   const QJsonArray &args = {});
    bool patchJob(const QString &name, const QJsonObject &job);
    bool runningAt(const QString &name, qint64 generation) const;
    // Reasons of the session job's Events, in the order of their last occurrence.
    QStringList eventReasons(const QString &name) const;
    // How often the operator recorded `reason` for the session job (Events are counted, not repeated).
    qint64 eventCount(const QString &name, const QString &reason) const;
    QList<QJsonObject> snapshotsOf(const QString &name, const QString &triggerType) const;
    QJsonObject rest(const QString &cluster, const QString &path, int *status = nullptr);

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
};

void TestSessionJobSim::initTestCase()
{
    SandboxOptions options;
    options.speed = 200;
    options.operatorSimulation = true;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(m_server->operatorSimulation());
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromData(m_server->caCertificatePem(), QSsl::Pem));
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    createCluster(u"sj-session"_s, true);
    createCluster(u"sj-plain"_s, false);
}

void TestSessionJobSim::cleanupTestCase()
{
    m_server.reset();
}

void TestSessionJobSim::createCluster(const QString &name, bool savepoints)
{
    QJsonObject conf{{u"taskmanager.numberOfTaskSlots"_s, u"2"_s}, {u"execution.checkpointing.interval"_s, u"5s"_s}};
    conf.insert(u"state.checkpoints.dir"_s, u"s3://state/%1/checkpoints"_s.arg(name));
    if (savepoints)
        conf.insert(u"state.savepoints.dir"_s, u"s3://state/%1/savepoints"_s.arg(name));
    const QJsonObject object{
        {u"apiVersion"_s, u"flink.apache.org/v1beta1"_s},
        {u"kind"_s, u"FlinkDeployment"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, kNs}}},
        {u"spec"_s,
         QJsonObject{
             {u"image"_s, u"flink:1.20"_s},
             {u"flinkVersion"_s, u"v1_20"_s},
             {u"serviceAccount"_s, u"flink"_s},
             {u"flinkConfiguration"_s, conf},
             {u"jobManager"_s, QJsonObject{{u"resource"_s, QJsonObject{{u"memory"_s, u"2048m"_s}, {u"cpu"_s, 1}}}}},
             {u"taskManager"_s, QJsonObject{{u"resource"_s, QJsonObject{{u"memory"_s, u"2048m"_s}, {u"cpu"_s, 1}}}}}}}};
    const StoreResult r = m_server->store().create(u"flinkdeployments"_s, kNs, object);
    QVERIFY2(r.ok(), QJsonDocument(r.object).toJson().constData());
    QTRY_COMPARE_WITH_TIMEOUT(
        at(m_server->store().get(u"flinkdeployments"_s, kNs, name).object, u"status.jobManagerDeploymentStatus"_s)
            .toString(),
        u"READY"_s, 10000);
}

void TestSessionJobSim::createJob(const QString &name, const QString &cluster, const QString &upgradeMode,
                                  int parallelism, const QJsonArray &args)
{
    const QJsonObject object{{u"apiVersion"_s, u"flink.apache.org/v1beta1"_s},
                             {u"kind"_s, u"FlinkSessionJob"_s},
                             {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, kNs}}},
                             {u"spec"_s,
                              QJsonObject{{u"deploymentName"_s, cluster},
                                          {u"job"_s,
                                           QJsonObject{{u"jarURI"_s, u"https://repo.example/app.jar"_s},
                                                       {u"parallelism"_s, parallelism},
                                                       {u"upgradeMode"_s, upgradeMode},
                                                       {u"args"_s, args}}}}}};
    const StoreResult r = m_server->store().create(kSessionJobs, kNs, object);
    QVERIFY2(r.ok(), QJsonDocument(r.object).toJson().constData());
}

bool TestSessionJobSim::patchJob(const QString &name, const QJsonObject &jobSpec)
{
    return m_server->store()
        .mergePatch(kSessionJobs, kNs, name, QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, jobSpec}}}})
        .ok();
}

bool TestSessionJobSim::runningAt(const QString &name, qint64 generation) const
{
    const QJsonObject o = job(name);
    return at(o, u"status.lifecycleState"_s).toString() == u"STABLE"_s
        && at(o, u"status.observedGeneration"_s).toInteger() == generation
        && at(o, u"status.jobStatus.state"_s).toString() == u"RUNNING"_s;
}

QStringList TestSessionJobSim::eventReasons(const QString &name) const
{
    QList<QJsonObject> events;
    for (const QJsonValue &v : m_server->store().list(u"events"_s, kNs).object.value(u"items"_s).toArray())
        events.append(v.toObject());
    std::sort(events.begin(), events.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().toULongLong()
            < b.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().toULongLong();
    });
    const QString uid = at(job(name), u"metadata.uid"_s).toString();
    QStringList reasons;
    for (const QJsonObject &e : std::as_const(events)) {
        if (at(e, u"involvedObject.kind"_s).toString() == u"FlinkSessionJob"_s
            && at(e, u"involvedObject.name"_s).toString() == name && at(e, u"involvedObject.uid"_s).toString() == uid)
            reasons.append(e.value(u"reason"_s).toString());
    }
    return reasons;
}

qint64 TestSessionJobSim::eventCount(const QString &name, const QString &reason) const
{
    qint64 count = 0;
    for (const QJsonValue &v : m_server->store().list(u"events"_s, kNs).object.value(u"items"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (at(e, u"involvedObject.kind"_s).toString() == u"FlinkSessionJob"_s
            && at(e, u"involvedObject.name"_s).toString() == name && e.value(u"reason"_s).toString() == reason)
            count += e.value(u"count"_s).toInteger(1);
    }
    return count;
}

QList<QJsonObject> TestSessionJobSim::snapshotsOf(const QString &name, const QString &triggerType) const
{
    ListOptions options;
    options.labelSelector
        = u"job-reference.kind=FlinkSessionJob,job-reference.name=%1,snapshot.trigger-type=%2"_s.arg(name, triggerType);
    QList<QJsonObject> out;
    for (const QJsonValue &v :
         m_server->store().list(u"flinkstatesnapshots"_s, kNs, options).object.value(u"items"_s).toArray())
        out.append(v.toObject());
    return out;
}

QJsonObject TestSessionJobSim::rest(const QString &cluster, const QString &path, int *status)
{
    QNetworkRequest request(
        QUrl(m_server->serverUrl() + u"/api/v1/namespaces/default/services/%1-rest:rest/proxy/"_s.arg(cluster) + path));
    request.setSslConfiguration(m_ssl);
    request.setRawHeader("Authorization", "Bearer " + m_server->adminToken().toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    if (status)
        *status = 0;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 5000))
        return {};
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    return doc.isArray() ? QJsonObject{{u"array"_s, doc.array()}} : doc.object();
}

void TestSessionJobSim::demoJobsAreAdoptedRunning()
{
    for (const QString &name : {u"top-speed-windowing"_s, u"state-machine"_s}) {
        const QJsonObject before = job(name);
        QCOMPARE(at(before, u"spec.deploymentName"_s).toString(), u"analytics-session"_s);
        QTRY_COMPARE(field(name, u"status.jobStatus.state"_s), u"RUNNING"_s);
        QCOMPARE(field(name, u"status.lifecycleState"_s), u"STABLE"_s);
        // Adopted as it is: the same job, not a new submission.
        QCOMPARE(field(name, u"status.jobStatus.jobId"_s), at(before, u"status.jobStatus.jobId"_s).toString());
        QVERIFY(!eventReasons(name).contains(u"Missing"_s));
    }
    QCOMPARE(at(job(u"state-machine"_s), u"spec.job.upgradeMode"_s).toString(), u"savepoint"_s);
    QCOMPARE(at(job(u"top-speed-windowing"_s), u"spec.job.upgradeMode"_s).toString(), u"stateless"_s);
    const QList<QJsonObject> manual = snapshotsOf(u"state-machine"_s, u"MANUAL"_s);
    QCOMPARE(manual.size(), 1);
    QCOMPARE(at(manual.first(), u"status.state"_s).toString(), u"COMPLETED"_s);
    QCOMPARE(at(manual.first(), u"spec.jobReference.kind"_s).toString(), u"FlinkSessionJob"_s);

    const QJsonArray jobs = rest(u"analytics-session"_s, u"jobs/overview"_s).value(u"jobs"_s).toArray();
    QStringList names;
    for (const QJsonValue &v : jobs)
        names.append(v.toObject().value(u"name"_s).toString());
    names.sort();
    QCOMPARE(names, (QStringList{u"state-machine"_s, u"top-speed-windowing"_s}));
}

void TestSessionJobSim::submitsToTheSessionCluster()
{
    createJob(u"sj-a"_s, u"sj-session"_s, u"stateless"_s, 2);
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-a"_s, 1), 10000);
    const QJsonObject o = job(u"sj-a"_s);
    // The operator's JobID: the generation, then the uid's hash.
    const QString jobId = at(o, u"status.jobStatus.jobId"_s).toString();
    QVERIFY2(QRegularExpression(u"^0000000000000001[0-9a-f]{16}$"_s).match(jobId).hasMatch(), qPrintable(jobId));
    QCOMPARE(at(o, u"status.jobStatus.jobName"_s).toString(), u"sj-a"_s);
    QVERIFY(!at(o, u"status.jobStatus.startTime"_s).toString().isEmpty());
    QCOMPARE(at(o, u"status.reconciliationStatus.state"_s).toString(), u"DEPLOYED"_s);
    const QJsonObject reconciled
        = QJsonDocument::fromJson(at(o, u"status.reconciliationStatus.lastReconciledSpec"_s).toString().toUtf8())
              .object();
    QCOMPARE(at(reconciled, u"spec.deploymentName"_s).toString(), u"sj-session"_s);
    QCOMPARE(at(o, u"status.reconciliationStatus.lastStableSpec"_s),
             at(o, u"status.reconciliationStatus.lastReconciledSpec"_s));
    const QStringList reasons = eventReasons(u"sj-a"_s);
    QVERIFY2(reasons.startsWith(u"Submit"_s), qPrintable(reasons.join(u' ')));
    QVERIFY(reasons.contains(u"JobStatusChanged"_s));
}

void TestSessionJobSim::savepointUpgradeRestoresTheNewJob()
{
    createJob(u"sj-sp"_s, u"sj-session"_s, u"savepoint"_s, 1);
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-sp"_s, 1), 10000);
    const QString oldId = field(u"sj-sp"_s, u"status.jobStatus.jobId"_s);
    QVERIFY(patchJob(u"sj-sp"_s, QJsonObject{{u"parallelism"_s, 2}}));
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-sp"_s, 2), 10000);

    const QList<QJsonObject> upgrades = snapshotsOf(u"sj-sp"_s, u"UPGRADE"_s);
    QCOMPARE(upgrades.size(), 1);
    const QJsonObject snapshot = upgrades.first();
    QCOMPARE(at(snapshot, u"status.state"_s).toString(), u"COMPLETED"_s);
    QCOMPARE(at(snapshot, u"spec.jobReference.name"_s).toString(), u"sj-sp"_s);
    QCOMPARE(at(snapshot, u"metadata.ownerReferences"_s).toArray().at(0).toObject().value(u"kind"_s).toString(),
             u"FlinkSessionJob"_s);
    const QString path = at(snapshot, u"status.path"_s).toString();
    QVERIFY(path.startsWith(u"s3://state/sj-session/savepoints/savepoint-"_s));
    QCOMPARE(field(u"sj-sp"_s, u"status.jobStatus.upgradeSavepointPath"_s), path);
    QCOMPARE(field(u"sj-sp"_s, u"status.jobStatus.savepointInfo.lastSavepoint.location"_s), path);

    const QString newId = field(u"sj-sp"_s, u"status.jobStatus.jobId"_s);
    QVERIFY(newId != oldId);
    QVERIFY(newId.startsWith(u"0000000000000002"_s));
    QCOMPARE(
        at(rest(u"sj-session"_s, u"jobs/%1/checkpoints"_s.arg(newId)), u"latest.restored.external_path"_s).toString(),
        path);

    const QStringList reasons = eventReasons(u"sj-sp"_s);
    const qsizetype changed = reasons.indexOf(u"SpecChanged"_s);
    QVERIFY2(changed >= 0, qPrintable(reasons.join(u' ')));
    QCOMPARE(reasons.mid(changed, 3), (QStringList{u"SpecChanged"_s, u"Suspended"_s, u"Submit"_s}));
}

void TestSessionJobSim::redeployFromSavepointWithNonce()
{
    // Roll back to the UPGRADE savepoint of the previous test.
    const QString path = field(u"sj-sp"_s, u"status.jobStatus.upgradeSavepointPath"_s);
    QVERIFY(!path.isEmpty());
    const QString before = field(u"sj-sp"_s, u"status.jobStatus.jobId"_s);
    QVERIFY(patchJob(u"sj-sp"_s, QJsonObject{{u"initialSavepointPath"_s, path}, {u"savepointRedeployNonce"_s, 1}}));
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-sp"_s, 3), 10000);
    const QString after = field(u"sj-sp"_s, u"status.jobStatus.jobId"_s);
    QVERIFY(after != before);
    QCOMPARE(field(u"sj-sp"_s, u"status.jobStatus.upgradeSavepointPath"_s), path);
    QCOMPARE(
        at(rest(u"sj-session"_s, u"jobs/%1/checkpoints"_s.arg(after)), u"latest.restored.external_path"_s).toString(),
        path);
    // No new savepoint: a redeploy cancels without one.
    QCOMPARE(snapshotsOf(u"sj-sp"_s, u"UPGRADE"_s).size(), 1);
    const QStringList reasons = eventReasons(u"sj-sp"_s);
    QVERIFY(reasons.contains(u"SpecChanged"_s));
    QCOMPARE(reasons.last(), u"JobStatusChanged"_s);
}

void TestSessionJobSim::lastStateUpgradeAndRestartNonce()
{
    createJob(u"sj-ls"_s, u"sj-session"_s, u"last-state"_s, 1);
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-ls"_s, 1), 10000);
    const QString first = field(u"sj-ls"_s, u"status.jobStatus.jobId"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        at(rest(u"sj-session"_s, u"jobs/%1/checkpoints"_s.arg(first)), u"counts.completed"_s).toInt() >= 2, 10000);
    // last-state: cancelled, and the new job starts from the latest checkpoint; no savepoint is taken.
    QVERIFY(patchJob(u"sj-ls"_s, QJsonObject{{u"parallelism"_s, 2}}));
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-ls"_s, 2), 10000);
    const QString second = field(u"sj-ls"_s, u"status.jobStatus.jobId"_s);
    QVERIFY(second != first);
    const QString path = field(u"sj-ls"_s, u"status.jobStatus.upgradeSavepointPath"_s);
    QVERIFY2(path.startsWith(u"s3://state/sj-session/checkpoints/%1/chk-"_s.arg(first)), qPrintable(path));
    QCOMPARE(
        at(rest(u"sj-session"_s, u"jobs/%1/checkpoints"_s.arg(second)), u"latest.restored.external_path"_s).toString(),
        path);
    QVERIFY(snapshotsOf(u"sj-ls"_s, u"UPGRADE"_s).isEmpty());

    // restartNonce: a restart as an upgrade, a new job.
    QVERIFY(
        m_server->store()
            .mergePatch(kSessionJobs, kNs, u"sj-ls"_s, QJsonObject{{u"spec"_s, QJsonObject{{u"restartNonce"_s, 1}}}})
            .ok());
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-ls"_s, 3), 10000);
    QVERIFY(field(u"sj-ls"_s, u"status.jobStatus.jobId"_s).startsWith(u"0000000000000003"_s));
    QVERIFY(m_server->store().remove(kSessionJobs, kNs, u"sj-ls"_s).ok());
}

void TestSessionJobSim::suspendAndResume()
{
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-sp"_s, 3), 10000);
    QVERIFY(patchJob(u"sj-sp"_s, QJsonObject{{u"state"_s, u"suspended"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(field(u"sj-sp"_s, u"status.lifecycleState"_s), u"SUSPENDED"_s, 10000);
    QCOMPARE(field(u"sj-sp"_s, u"status.jobStatus.state"_s), u"FINISHED"_s);
    QCOMPARE(snapshotsOf(u"sj-sp"_s, u"UPGRADE"_s).size(), 2);
    const QString path = field(u"sj-sp"_s, u"status.jobStatus.upgradeSavepointPath"_s);
    QVERIFY(eventReasons(u"sj-sp"_s).contains(u"Suspended"_s));

    QVERIFY(patchJob(u"sj-sp"_s, QJsonObject{{u"state"_s, u"running"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-sp"_s, 5), 10000);
    const QString id = field(u"sj-sp"_s, u"status.jobStatus.jobId"_s);
    QCOMPARE(at(rest(u"sj-session"_s, u"jobs/%1/checkpoints"_s.arg(id)), u"latest.restored.external_path"_s).toString(),
             path);
}

void TestSessionJobSim::manualSnapshotsOfASessionJob()
{
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-a"_s, 1), 10000);
    const auto snapshot = [](const QString &name, const QString &kind) {
        QJsonObject spec{{u"backoffLimit"_s, 0},
                         {u"jobReference"_s, QJsonObject{{u"kind"_s, u"FlinkSessionJob"_s}, {u"name"_s, u"sj-a"_s}}}};
        if (kind == u"savepoint"_s)
            spec.insert(u"savepoint"_s, QJsonObject{{u"alreadyExists"_s, false}, {u"formatType"_s, u"CANONICAL"_s}});
        else
            spec.insert(u"checkpoint"_s, QJsonObject());
        return QJsonObject{{u"apiVersion"_s, u"flink.apache.org/v1beta1"_s},
                           {u"kind"_s, u"FlinkStateSnapshot"_s},
                           {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, kNs}}},
                           {u"spec"_s, spec}};
    };
    // The job checkpoints every 5 s: wait for one before asking for it.
    const QString id = field(u"sj-a"_s, u"status.jobStatus.jobId"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        at(rest(u"sj-session"_s, u"jobs/%1/checkpoints"_s.arg(id)), u"counts.completed"_s).toInt() >= 1, 10000);
    QVERIFY(m_server->store().create(u"flinkstatesnapshots"_s, kNs, snapshot(u"sj-a-sp"_s, u"savepoint"_s)).ok());
    QVERIFY(m_server->store().create(u"flinkstatesnapshots"_s, kNs, snapshot(u"sj-a-cp"_s, u"checkpoint"_s)).ok());
    const auto state = [this](const QString &name) {
        return at(m_server->store().get(u"flinkstatesnapshots"_s, kNs, name).object, u"status.state"_s).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(u"sj-a-sp"_s), u"COMPLETED"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(state(u"sj-a-cp"_s), u"COMPLETED"_s, 10000);
    const QJsonObject savepoint = m_server->store().get(u"flinkstatesnapshots"_s, kNs, u"sj-a-sp"_s).object;
    QVERIFY(at(savepoint, u"status.path"_s).toString().startsWith(u"s3://state/sj-session/savepoints/"_s));
    QCOMPARE(at(savepoint, u"metadata.labels"_s).toObject().value(u"job-reference.kind"_s).toString(),
             u"FlinkSessionJob"_s);
    const QJsonObject checkpoint = m_server->store().get(u"flinkstatesnapshots"_s, kNs, u"sj-a-cp"_s).object;
    QVERIFY(at(checkpoint, u"status.path"_s).toString().contains(u"/chk-"_s));
    // The job keeps running: a savepoint does not stop it.
    QCOMPARE(field(u"sj-a"_s, u"status.jobStatus.jobId"_s), id);
}

void TestSessionJobSim::validationErrorKeepsTheJob()
{
    // sj-plain has no state.savepoints.dir: a stateless job runs, savepoint mode is refused.
    createJob(u"sj-v"_s, u"sj-plain"_s, u"stateless"_s, 1);
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-v"_s, 1), 10000);
    const QString id = field(u"sj-v"_s, u"status.jobStatus.jobId"_s);
    QVERIFY(patchJob(u"sj-v"_s, QJsonObject{{u"upgradeMode"_s, u"savepoint"_s}, {u"parallelism"_s, 2}}));
    QTRY_VERIFY(eventReasons(u"sj-v"_s).contains(u"ValidationError"_s));
    QTRY_VERIFY(field(u"sj-v"_s, u"status.error"_s).contains(u"state.savepoints.dir"_s));
    QVERIFY(field(u"sj-v"_s, u"status.error"_s).contains(u"ValidationException"_s));
    QCOMPARE(field(u"sj-v"_s, u"status.jobStatus.jobId"_s), id);
    QCOMPARE(field(u"sj-v"_s, u"status.jobStatus.state"_s), u"RUNNING"_s);
    QCOMPARE(eventCount(u"sj-v"_s, u"ValidationError"_s), 1);
    // The job's own flinkConfiguration may supply the directory.
    QVERIFY(m_server->store()
                .mergePatch(kSessionJobs, kNs, u"sj-v"_s,
                            QJsonObject{{u"spec"_s,
                                         QJsonObject{{u"flinkConfiguration"_s,
                                                      QJsonObject{{u"state.savepoints.dir"_s, u"s3://own/sp"_s}}}}}})
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-v"_s, 3), 10000);
    QVERIFY(field(u"sj-v"_s, u"status.error"_s).isEmpty());
    QVERIFY(field(u"sj-v"_s, u"status.jobStatus.jobId"_s) != id);
}

void TestSessionJobSim::restartLoopReportsExceptions()
{
    createJob(u"sj-loop"_s, u"sj-session"_s, u"savepoint"_s, 1, QJsonArray{u"--enable-new-feature"_s, u"true"_s});
    QTRY_VERIFY_WITH_TIMEOUT(eventReasons(u"sj-loop"_s).contains(u"JobException"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(eventReasons(u"sj-loop"_s).contains(u"JobStatusChanged"_s), 10000);
    const QString id = field(u"sj-loop"_s, u"status.jobStatus.jobId"_s);
    QTRY_VERIFY(
        at(rest(u"sj-session"_s, u"jobs/%1/exceptions"_s.arg(id)), u"exceptionHistory.entries"_s).toArray().size()
        >= 1);
    // Never stable; a savepoint upgrade cannot take its savepoint.
    QVERIFY(field(u"sj-loop"_s, u"status.lifecycleState"_s) != u"STABLE"_s);
    QVERIFY(patchJob(u"sj-loop"_s, QJsonObject{{u"parallelism"_s, 2}}));
    QTRY_VERIFY_WITH_TIMEOUT(eventReasons(u"sj-loop"_s).contains(u"SavepointError"_s), 10000);
    QVERIFY(field(u"sj-loop"_s, u"status.error"_s).contains(u"UpgradeFailureException"_s));
    QVERIFY(m_server->store().remove(kSessionJobs, kNs, u"sj-loop"_s).ok());
}

void TestSessionJobSim::sessionClusterDeletedUnderItsJobs()
{
    createCluster(u"sj-doomed"_s, true);
    createJob(u"sj-orphan"_s, u"sj-doomed"_s, u"stateless"_s, 1);
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-orphan"_s, 1), 10000);
    const QString id = field(u"sj-orphan"_s, u"status.jobStatus.jobId"_s);

    QVERIFY(m_server->store().remove(u"flinkdeployments"_s, kNs, u"sj-doomed"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(field(u"sj-orphan"_s, u"status.jobStatus.state"_s), u"RECONCILING"_s, 10000);
    QVERIFY(field(u"sj-orphan"_s, u"status.error"_s).contains(u"MissingSessionJobException"_s));
    QVERIFY(field(u"sj-orphan"_s, u"status.error"_s).contains(u"Missing Session Job"_s));
    QVERIFY(eventReasons(u"sj-orphan"_s).contains(u"Missing"_s));
    // Nothing happens while the cluster is away.
    const qint64 submits = eventCount(u"sj-orphan"_s, u"Submit"_s);
    QCOMPARE(eventCount(u"sj-orphan"_s, u"Missing"_s), 1);

    createCluster(u"sj-doomed"_s, true);
    QTRY_COMPARE_WITH_TIMEOUT(field(u"sj-orphan"_s, u"status.jobStatus.state"_s), u"RUNNING"_s, 10000);
    QVERIFY(field(u"sj-orphan"_s, u"status.error"_s).isEmpty());
    QCOMPARE(eventCount(u"sj-orphan"_s, u"Submit"_s), submits + 1);
    QCOMPARE(field(u"sj-orphan"_s, u"status.jobStatus.jobId"_s), id); // the same generation: the same JobID
    const QJsonArray jobs = rest(u"sj-doomed"_s, u"jobs"_s).value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.at(0).toObject().value(u"id"_s).toString(), id);
}

void TestSessionJobSim::restListsTheSessionJobs()
{
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-a"_s, 1), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(runningAt(u"sj-sp"_s, 5), 10000);
    int status = 0;
    const QJsonArray jobs = rest(u"sj-session"_s, u"jobs/overview"_s, &status).value(u"jobs"_s).toArray();
    QCOMPARE(status, 200);
    QStringList running;
    for (const QJsonValue &v : jobs) {
        if (v.toObject().value(u"state"_s).toString() == u"RUNNING"_s)
            running.append(v.toObject().value(u"name"_s).toString());
    }
    running.sort();
    QCOMPARE(running, (QStringList{u"sj-a"_s, u"sj-sp"_s}));
    QCOMPARE(rest(u"sj-session"_s, u"overview"_s).value(u"jobs-running"_s).toInt(), 2);

    const QString id = field(u"sj-a"_s, u"status.jobStatus.jobId"_s);
    const QJsonObject plan = rest(u"sj-session"_s, u"jobs/%1/plan"_s.arg(id), &status);
    QCOMPARE(status, 200);
    const QString vertex = at(plan, u"plan.nodes"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    QVERIFY(!vertex.isEmpty());
    rest(u"sj-session"_s, u"jobs/%1/vertices/%2"_s.arg(id, vertex), &status);
    QCOMPARE(status, 200);
    rest(u"sj-session"_s, u"jobs/%1/metrics?get=uptime"_s.arg(id), &status);
    QCOMPARE(status, 200);
    rest(u"sj-session"_s, u"jobs/0123456789abcdef0123456789abcdef"_s, &status);
    QCOMPARE(status, 404);
}

QTEST_GUILESS_MAIN(TestSessionJobSim)
#include "tst_sessionjobsim.moc"
