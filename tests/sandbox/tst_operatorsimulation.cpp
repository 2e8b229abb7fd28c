// The operator simulation on its C++ API and the JobManager REST API through the HTTPS service proxy.
#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/prometheusexporter.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/virtualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kNs = u"default"_s;

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

class TestOperatorSimulation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void savepointUpgrade();
    void lastStateSuspendResumeKeepsJobId();
    void statelessUpgradeStartsEmpty();
    void ignoreChangeDoesNotRestart();
    void restartNonceRestarts();
    void savepointRedeployFromInitialPath();
    void periodicSavepointsAndHistoryCleanup();
    void automaticRollback();
    void restartLoopFailsSavepointsAndDedupsEvents();
    void jobManagerRestThroughServiceProxy();

private:
    QJsonObject deployment(const QString &name) const;
    QString lifecycle(const QString &name) const { return at(deployment(name), u"status.lifecycleState"_s).toString(); }
    QString jobId(const QString &name) const { return at(deployment(name), u"status.jobStatus.jobId"_s).toString(); }
    void create(const QString &name, const QString &upgradeMode, const QJsonObject &extraConf = {},
                const QJsonObject &annotations = {});
    bool patch(const QString &name, const QJsonObject &spec);
    bool stableAt(const QString &name, qint64 generation) const;
    // Reasons of the deployment's events created or updated after resourceVersion rv, in order.
    QStringList eventReasonsSince(const QString &name, quint64 rv) const;
    QList<QJsonObject> snapshotsOf(const QString &name, const QString &triggerType) const;
    QList<QString> lifecyclesSince(const QString &name, quint64 rv) const;
    QJsonObject rest(const QString &name, const QString &path, int *status = nullptr);

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
};

void TestOperatorSimulation::initTestCase()
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
}

void TestOperatorSimulation::cleanupTestCase()
{
    m_server.reset();
}

QJsonObject TestOperatorSimulation::deployment(const QString &name) const
{
    return m_server->store().get(u"flinkdeployments"_s, kNs, name).object;
}

void TestOperatorSimulation::create(const QString &name, const QString &upgradeMode, const QJsonObject &extraConf,
                                    const QJsonObject &annotations)
{
    QJsonObject conf{{u"taskmanager.numberOfTaskSlots"_s, u"2"_s},
                     {u"state.savepoints.dir"_s, u"s3://state/%1/savepoints"_s.arg(name)},
                     {u"state.checkpoints.dir"_s, u"s3://state/%1/checkpoints"_s.arg(name)},
                     {u"execution.checkpointing.interval"_s, u"5s"_s},
                     {u"high-availability.type"_s, u"kubernetes"_s},
                     {u"high-availability.storageDir"_s, u"s3://state/%1/ha"_s.arg(name)}};
    for (auto it = extraConf.begin(); it != extraConf.end(); ++it)
        conf.insert(it.key(), it.value());
    const QJsonObject object{
        {u"apiVersion"_s, u"flink.apache.org/v1beta1"_s},
        {u"kind"_s, u"FlinkDeployment"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, kNs}, {u"annotations"_s, annotations}}},
        {u"spec"_s,
         QJsonObject{
             {u"image"_s, u"flink:1.20"_s},
             {u"flinkVersion"_s, u"v1_20"_s},
             {u"serviceAccount"_s, u"flink"_s},
             {u"flinkConfiguration"_s, conf},
             {u"jobManager"_s, QJsonObject{{u"resource"_s, QJsonObject{{u"memory"_s, u"2048m"_s}, {u"cpu"_s, 1}}}}},
             {u"taskManager"_s, QJsonObject{{u"resource"_s, QJsonObject{{u"memory"_s, u"2048m"_s}, {u"cpu"_s, 1}}}}},
             {u"job"_s,
              QJsonObject{{u"jarURI"_s, u"local:///opt/flink/usrlib/app.jar"_s},
                          {u"parallelism"_s, 1},
                          {u"upgradeMode"_s, upgradeMode},
                          {u"state"_s, u"running"_s},
                          {u"args"_s, QJsonArray{u"--window"_s, u"5m"_s}}}}}}};
    const StoreResult r = m_server->store().create(u"flinkdeployments"_s, kNs, object);
    QVERIFY2(r.ok(), QJsonDocument(r.object).toJson().constData());
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(name, 1), 10000);
}

bool TestOperatorSimulation::patch(const QString &name, const QJsonObject &spec)
{
    return m_server->store().mergePatch(u"flinkdeployments"_s, kNs, name, QJsonObject{{u"spec"_s, spec}}).ok();
}

bool TestOperatorSimulation::stableAt(const QString &name, qint64 generation) const
{
    const QJsonObject d = deployment(name);
    return at(d, u"status.lifecycleState"_s).toString() == u"STABLE"_s
        && at(d, u"status.observedGeneration"_s).toInteger() == generation
        && at(d, u"status.jobStatus.state"_s).toString() == u"RUNNING"_s
        && at(d, u"status.jobManagerDeploymentStatus"_s).toString() == u"READY"_s;
}

QStringList TestOperatorSimulation::eventReasonsSince(const QString &name, quint64 rv) const
{
    std::vector<WatchEvent> events;
    quint64 scanned = 0;
    quint64 oldest = 0;
    m_server->store().eventsSince(rv, u"events"_s, kNs, 100000, &events, &scanned, &oldest);
    QStringList reasons;
    for (const WatchEvent &e : events) {
        if (at(e.object, u"involvedObject.name"_s).toString() == name
            && at(e.object, u"involvedObject.kind"_s).toString() == u"FlinkDeployment"_s)
            reasons.append(e.object.value(u"reason"_s).toString());
    }
    return reasons;
}

QList<QString> TestOperatorSimulation::lifecyclesSince(const QString &name, quint64 rv) const
{
    std::vector<WatchEvent> events;
    quint64 scanned = 0;
    quint64 oldest = 0;
    m_server->store().eventsSince(rv, u"flinkdeployments"_s, kNs, 100000, &events, &scanned, &oldest);
    QList<QString> states;
    for (const WatchEvent &e : events) {
        const QString s = at(e.object, u"status.lifecycleState"_s).toString();
        if (at(e.object, u"metadata.name"_s).toString() == name && (states.isEmpty() || states.last() != s))
            states.append(s);
    }
    return states;
}

QList<QJsonObject> TestOperatorSimulation::snapshotsOf(const QString &name, const QString &triggerType) const
{
    ListOptions options;
    options.labelSelector = u"job-reference.name=%1,snapshot.trigger-type=%2"_s.arg(name, triggerType);
    QList<QJsonObject> out;
    for (const QJsonValue &v :
         m_server->store().list(u"flinkstatesnapshots"_s, kNs, options).object.value(u"items"_s).toArray())
        out.append(v.toObject());
    return out;
}

QJsonObject TestOperatorSimulation::rest(const QString &name, const QString &path, int *status)
{
    QNetworkRequest request(
        QUrl(m_server->serverUrl() + u"/api/v1/namespaces/default/services/%1-rest:rest/proxy/"_s.arg(name) + path));
    request.setSslConfiguration(m_ssl);
    request.setRawHeader("Authorization", "Bearer " + m_server->adminToken().toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    if (status)
        *status = 0;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 5000))
        return {};
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray())
        return QJsonObject{{u"array"_s, doc.array()}};
    if (doc.isObject())
        return doc.object();
    return QJsonObject{{u"text"_s, QString::fromUtf8(body)}};
}

void TestOperatorSimulation::savepointUpgrade()
{
    create(u"sp-upgrade"_s, u"savepoint"_s);
    const QString before = jobId(u"sp-upgrade"_s);
    QCOMPARE(before.size(), 32);
    const quint64 rv = m_server->store().currentResourceVersion();
    QVERIFY(patch(u"sp-upgrade"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 2}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"sp-upgrade"_s, 2), 10000);
    const QString after = jobId(u"sp-upgrade"_s);
    QVERIFY(after != before);
    QCOMPARE(after.size(), 32);

    const QList<QString> lifecycles = lifecyclesSince(u"sp-upgrade"_s, rv);
    QVERIFY2(lifecycles.contains(u"UPGRADING"_s), qPrintable(lifecycles.join(u',')));
    QCOMPARE(lifecycles.last(), u"STABLE"_s);
    QVERIFY(lifecycles.indexOf(u"UPGRADING"_s) < lifecycles.lastIndexOf(u"STABLE"_s));

    const QStringList reasons = eventReasonsSince(u"sp-upgrade"_s, rv);
    QStringList firsts;
    for (const QString &r : reasons)
        if (!firsts.contains(r))
            firsts.append(r);
    QCOMPARE(firsts.mid(0, 4), (QStringList{u"SpecChanged"_s, u"Suspended"_s, u"Submit"_s, u"JobStatusChanged"_s}));

    ListOptions byReason;
    byReason.fieldSelector = u"reason=SpecChanged"_s;
    bool found = false;
    for (const QJsonValue &v : m_server->store().list(u"events"_s, kNs, byReason).object.value(u"items"_s).toArray())
        found = found
            || v.toObject().value(u"message"_s).toString()
                == u"UPGRADE change(s) detected (Diff: FlinkDeploymentSpec[job.parallelism : 1 -> 2]), starting "
                   u"reconciliation."_s;
    QVERIFY(found);

    const QList<QJsonObject> upgrades = snapshotsOf(u"sp-upgrade"_s, u"UPGRADE"_s);
    QCOMPARE(upgrades.size(), 1);
    const QJsonObject snapshot = upgrades.first();
    QVERIFY(QRegularExpression(u"^sp-upgrade-savepoint-upgrade-\\d{13}$"_s)
                .match(at(snapshot, u"metadata.name"_s).toString())
                .hasMatch());
    QCOMPARE(at(snapshot, u"metadata.labels"_s).toObject().value(u"snapshot.type"_s).toString(), u"SAVEPOINT"_s);
    QCOMPARE(at(snapshot, u"metadata.labels"_s).toObject().value(u"snapshot.state"_s).toString(), u"COMPLETED"_s);
    QCOMPARE(at(snapshot, u"metadata.labels"_s).toObject().value(u"job-reference.kind"_s).toString(),
             u"FlinkDeployment"_s);
    QCOMPARE(at(snapshot, u"status.state"_s).toString(), u"COMPLETED"_s);
    QCOMPARE(at(snapshot, u"spec.savepoint.alreadyExists"_s).toBool(), true);
    const QString path = at(snapshot, u"status.path"_s).toString();
    QVERIFY2(QRegularExpression(u"^s3://state/sp-upgrade/savepoints/savepoint-%1-[0-9a-f]{12}$"_s.arg(before.left(6)))
                 .match(path)
                 .hasMatch(),
             qPrintable(path));
    QCOMPARE(at(deployment(u"sp-upgrade"_s), u"status.jobStatus.upgradeSavepointPath"_s).toString(), path);
    const QJsonObject checkpoints = rest(u"sp-upgrade"_s, u"jobs/%1/checkpoints"_s.arg(after));
    QCOMPARE(at(checkpoints, u"latest.restored.external_path"_s).toString(), path);
    QCOMPARE(at(checkpoints, u"latest.restored.is_savepoint"_s).toBool(), true);
    const QJsonObject reconciled
        = QJsonDocument::fromJson(
              at(deployment(u"sp-upgrade"_s), u"status.reconciliationStatus.lastReconciledSpec"_s).toString().toUtf8())
              .object();
    QCOMPARE(at(reconciled, u"spec.job.parallelism"_s).toInt(), 2);
    QCOMPARE(at(reconciled, u"resource_metadata.metadata.generation"_s).toInt(), 2);
}

void TestOperatorSimulation::lastStateSuspendResumeKeepsJobId()
{
    create(u"ls-suspend"_s, u"last-state"_s);
    const QString id = jobId(u"ls-suspend"_s);
    QTRY_VERIFY(at(rest(u"ls-suspend"_s, u"jobs/%1/checkpoints"_s.arg(id)), u"counts.completed"_s).toInt() >= 2);
    QVERIFY(patch(u"ls-suspend"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"suspended"_s}}}}));
    QTRY_COMPARE(lifecycle(u"ls-suspend"_s), u"SUSPENDED"_s);
    QCOMPARE(at(deployment(u"ls-suspend"_s), u"status.jobManagerDeploymentStatus"_s).toString(), u"MISSING"_s);
    int status = 0;
    rest(u"ls-suspend"_s, u"overview"_s, &status);
    QCOMPARE(status, 404); // the -rest Service went with the JobManager
    qint64 latest = 0;
    QString latestPath;
    QVERIFY(m_server->operatorSimulation()->withCluster(kNs, u"ls-suspend"_s, [&](const FlinkJobModel &c, qint64) {
        latest = c.latestCheckpoint()->id;
        latestPath = c.latestCheckpoint()->externalPath;
    }));
    const StoreResult ha = m_server->store().get(u"configmaps"_s, kNs, u"ls-suspend-%1-config-map"_s.arg(id));
    QVERIFY(ha.ok());
    QVERIFY(ha.object.value(u"data"_s).toObject().contains(u"checkpointID-%1"_s.arg(latest, 19, 10, QLatin1Char('0'))));

    QVERIFY(patch(u"ls-suspend"_s, QJsonObject{{u"job"_s, QJsonObject{{u"state"_s, u"running"_s}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"ls-suspend"_s, 3), 10000);
    QCOMPARE(jobId(u"ls-suspend"_s), id);
    const QJsonObject checkpoints = rest(u"ls-suspend"_s, u"jobs/%1/checkpoints"_s.arg(id));
    QCOMPARE(at(checkpoints, u"latest.restored.id"_s).toInteger(), latest);
    QCOMPARE(at(checkpoints, u"latest.restored.external_path"_s).toString(), latestPath);
    QCOMPARE(at(checkpoints, u"latest.restored.is_savepoint"_s).toBool(), false);
}

void TestOperatorSimulation::statelessUpgradeStartsEmpty()
{
    create(u"stateless-up"_s, u"stateless"_s);
    const QString id = jobId(u"stateless-up"_s);
    QVERIFY(patch(u"stateless-up"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 3}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"stateless-up"_s, 2), 10000);
    const QString newId = jobId(u"stateless-up"_s);
    QVERIFY(newId != id);
    QVERIFY(at(rest(u"stateless-up"_s, u"jobs/%1/checkpoints"_s.arg(newId)), u"latest.restored"_s).isNull());
    QVERIFY(snapshotsOf(u"stateless-up"_s, u"UPGRADE"_s).isEmpty());
}

void TestOperatorSimulation::ignoreChangeDoesNotRestart()
{
    create(u"ignore-me"_s, u"savepoint"_s);
    const QJsonObject before = deployment(u"ignore-me"_s);
    const quint64 rv = m_server->store().currentResourceVersion();
    QVERIFY(patch(
        u"ignore-me"_s,
        QJsonObject{
            {u"flinkConfiguration"_s, QJsonObject{{u"kubernetes.operator.savepoint.history.max.count"_s, u"3"_s}}},
            {u"job"_s, QJsonObject{{u"upgradeMode"_s, u"last-state"_s}, {u"allowNonRestoredState"_s, true}}}}));
    QTRY_COMPARE(at(deployment(u"ignore-me"_s), u"status.observedGeneration"_s).toInt(), 2);
    const QJsonObject after = deployment(u"ignore-me"_s);
    QCOMPARE(at(after, u"status.jobStatus.jobId"_s), at(before, u"status.jobStatus.jobId"_s));
    QCOMPARE(at(after, u"status.jobStatus.startTime"_s), at(before, u"status.jobStatus.startTime"_s));
    QCOMPARE(at(after, u"status.lifecycleState"_s).toString(), u"STABLE"_s);
    QVERIFY(at(after, u"status.reconciliationStatus.lastReconciledSpec"_s).toString().contains(u"last-state"_s));
    QVERIFY(!eventReasonsSince(u"ignore-me"_s, rv).contains(u"SpecChanged"_s));
    QVERIFY(!eventReasonsSince(u"ignore-me"_s, rv).contains(u"Submit"_s));
}

void TestOperatorSimulation::restartNonceRestarts()
{
    create(u"nonce"_s, u"last-state"_s);
    const QString id = jobId(u"nonce"_s);
    const quint64 rv = m_server->store().currentResourceVersion();
    QVERIFY(patch(u"nonce"_s, QJsonObject{{u"restartNonce"_s, 1}}));
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"nonce"_s, 2), 10000);
    QCOMPARE(jobId(u"nonce"_s), id); // last-state keeps the job id
    const QStringList reasons = eventReasonsSince(u"nonce"_s, rv);
    QVERIFY(reasons.contains(u"Suspended"_s) && reasons.contains(u"Submit"_s));
}

void TestOperatorSimulation::savepointRedeployFromInitialPath()
{
    create(u"redeploy"_s, u"savepoint"_s);
    const QString id = jobId(u"redeploy"_s);
    const QString path = u"s3://state/redeploy/savepoints/savepoint-abcdef-0123456789ab"_s;
    const quint64 rv = m_server->store().currentResourceVersion();
    QVERIFY(patch(
        u"redeploy"_s,
        QJsonObject{{u"job"_s, QJsonObject{{u"initialSavepointPath"_s, path}, {u"savepointRedeployNonce"_s, 1}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"redeploy"_s, 2), 10000);
    const QString newId = jobId(u"redeploy"_s);
    QVERIFY(newId != id);
    QCOMPARE(
        at(rest(u"redeploy"_s, u"jobs/%1/checkpoints"_s.arg(newId)), u"latest.restored.external_path"_s).toString(),
        path);
    QVERIFY(!eventReasonsSince(u"redeploy"_s, rv).contains(u"Suspended"_s));
    ListOptions byReason;
    byReason.fieldSelector = u"reason=SpecChanged,involvedObject.name=redeploy"_s;
    const QJsonArray events = m_server->store().list(u"events"_s, kNs, byReason).object.value(u"items"_s).toArray();
    QCOMPARE(events.size(), 1);
    QVERIFY(events.first()
                .toObject()
                .value(u"message"_s)
                .toString()
                .startsWith(u"SAVEPOINT_REDEPLOY change(s) detected"_s));
}

void TestOperatorSimulation::periodicSavepointsAndHistoryCleanup()
{
    create(u"periodic"_s, u"savepoint"_s,
           QJsonObject{{u"kubernetes.operator.periodic.savepoint.interval"_s, u"20s"_s},
                       {u"kubernetes.operator.savepoint.history.max.count"_s, u"2"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(snapshotsOf(u"periodic"_s, u"PERIODIC"_s).size() >= 2, 10000);
    const auto completed = [&] {
        int n = 0;
        for (const QJsonObject &s : snapshotsOf(u"periodic"_s, u"PERIODIC"_s))
            n += at(s, u"status.state"_s).toString() == u"COMPLETED"_s;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(completed(), 2, 10000);
    // Five more periodic savepoints complete (each stays for two intervals, longer than a poll);
    // the history keeps the newest two and disposes of the older ones.
    QMap<QString, QString> seen; // name → status.resultTimestamp
    const auto seeCompleted = [&] {
        for (const QJsonObject &s : snapshotsOf(u"periodic"_s, u"PERIODIC"_s)) {
            if (at(s, u"status.state"_s).toString() == u"COMPLETED"_s)
                seen.insert(at(s, u"metadata.name"_s).toString(), at(s, u"status.resultTimestamp"_s).toString());
        }
        return seen.size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(seeCompleted() >= 7, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(completed(), 2, 5000);
    QStringList oldestFirst = seen.keys();
    std::sort(oldestFirst.begin(), oldestFirst.end(),
              [&](const QString &a, const QString &b) { return seen.value(a) < seen.value(b); });
    for (const QString &name : oldestFirst.first(oldestFirst.size() - 2))
        QVERIFY2(!m_server->store().get(u"flinkstatesnapshots"_s, kNs, name).ok(), qPrintable(name));
    int checked = 0;
    for (const QJsonObject &s : snapshotsOf(u"periodic"_s, u"PERIODIC"_s)) {
        if (at(s, u"status.state"_s).toString() != u"COMPLETED"_s)
            continue;
        QVERIFY(at(s, u"metadata.name"_s).toString().startsWith(u"periodic-savepoint-periodic-"_s));
        QVERIFY(at(s, u"status.path"_s).toString().startsWith(u"s3://state/periodic/savepoints/savepoint-"_s));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestOperatorSimulation::automaticRollback()
{
    create(u"rollback"_s, u"savepoint"_s,
           QJsonObject{{u"kubernetes.operator.deployment.rollback.enabled"_s, u"true"_s},
                       {u"kubernetes.operator.deployment.readiness.timeout"_s, u"30s"_s}});
    const quint64 rv = m_server->store().currentResourceVersion();
    QVERIFY(patch(u"rollback"_s,
                  QJsonObject{{u"job"_s, QJsonObject{{u"args"_s, QJsonArray{u"--enable-new-feature"_s, u"true"_s}}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle(u"rollback"_s), u"ROLLED_BACK"_s, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(at(deployment(u"rollback"_s), u"status.jobStatus.state"_s).toString(), u"RUNNING"_s,
                              5000);
    QVERIFY(lifecyclesSince(u"rollback"_s, rv).contains(u"ROLLING_BACK"_s));
    QVERIFY(eventReasonsSince(u"rollback"_s, rv).contains(u"Rollback"_s));
    const QJsonObject reconciled
        = QJsonDocument::fromJson(
              at(deployment(u"rollback"_s), u"status.reconciliationStatus.lastReconciledSpec"_s).toString().toUtf8())
              .object();
    QVERIFY(!at(reconciled, u"spec.job.args"_s).toArray().contains(u"--enable-new-feature"_s));
    // Stays until the user changes the spec: two virtual minutes (four readiness timeouts) later.
    m_server->operatorSimulation()->clock().advance(120000);
    m_server->operatorSimulation()->reconcileOnce();
    m_server->operatorSimulation()->reconcileOnce();
    QCOMPARE(lifecycle(u"rollback"_s), u"ROLLED_BACK"_s);
}

void TestOperatorSimulation::restartLoopFailsSavepointsAndDedupsEvents()
{
    create(u"looping"_s, u"savepoint"_s);
    const QString healthy = jobId(u"looping"_s);
    QVERIFY(patch(u"looping"_s,
                  QJsonObject{{u"job"_s, QJsonObject{{u"args"_s, QJsonArray{u"--enable-new-feature"_s, u"true"_s}}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(jobId(u"looping"_s) != healthy
                                 && at(deployment(u"looping"_s), u"status.jobManagerDeploymentStatus"_s).toString()
                                     == u"READY"_s,
                             10000);
    const QString id = jobId(u"looping"_s);
    const auto restarts = [&] {
        const QJsonArray metrics
            = rest(u"looping"_s, u"jobs/%1/metrics?get=numRestarts"_s.arg(id)).value(u"array"_s).toArray();
        return metrics.at(0).toObject().value(u"value"_s).toString().toInt();
    };
    QTRY_VERIFY_WITH_TIMEOUT(restarts() >= 2, 10000);
    const int first = restarts();
    QTRY_VERIFY_WITH_TIMEOUT(restarts() > first, 10000);
    QVERIFY(lifecycle(u"looping"_s) != u"STABLE"_s);

    const QJsonObject exceptions = rest(u"looping"_s, u"jobs/%1/exceptions"_s.arg(id));
    QVERIFY(exceptions.value(u"root-exception"_s)
                .toString()
                .startsWith(
                    u"java.lang.IllegalStateException: New feature enabled but not supported by the state schema"_s));
    QVERIFY(at(exceptions, u"exceptionHistory.entries"_s).toArray().size() >= 2);

    // JobException events are deduplicated: one object whose count climbs.
    ListOptions byReason;
    byReason.fieldSelector = u"reason=JobException,involvedObject.name=looping"_s;
    const auto jobExceptions
        = [&] { return m_server->store().list(u"events"_s, kNs, byReason).object.value(u"items"_s).toArray(); };
    QTRY_COMPARE(jobExceptions().size(), 1);
    const QJsonObject event = jobExceptions().first().toObject();
    QCOMPARE(event.value(u"type"_s).toString(), u"Warning"_s);
    QCOMPARE(at(event, u"source.component"_s).toString(), u"Operator"_s);
    QVERIFY(event.value(u"message"_s)
                .toString()
                .startsWith(u"java.lang.IllegalStateException\n\nStacktrace (truncated):\n"_s));
    const qint64 count = event.value(u"count"_s).toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(jobExceptions().first().toObject().value(u"count"_s).toInteger() > count, 10000);
    QCOMPARE(jobExceptions().size(), 1);

    // A manual savepoint of a job in a restart loop fails.
    const QJsonObject manual{
        {u"metadata"_s, QJsonObject{{u"name"_s, u"looping-manual"_s}}},
        {u"spec"_s,
         QJsonObject{{u"savepoint"_s, QJsonObject()},
                     {u"jobReference"_s, QJsonObject{{u"kind"_s, u"FlinkDeployment"_s}, {u"name"_s, u"looping"_s}}}}}};
    QVERIFY(m_server->store().create(u"flinkstatesnapshots"_s, kNs, manual).ok());
    const auto snapshot
        = [&] { return m_server->store().get(u"flinkstatesnapshots"_s, kNs, u"looping-manual"_s).object; };
    QTRY_COMPARE_WITH_TIMEOUT(at(snapshot(), u"status.state"_s).toString(), u"FAILED"_s, 10000);
    QCOMPARE(at(snapshot(), u"metadata.labels"_s).toObject().value(u"snapshot.state"_s).toString(), u"FAILED"_s);
    QCOMPARE(at(snapshot(), u"metadata.labels"_s).toObject().value(u"snapshot.trigger-type"_s).toString(), u"MANUAL"_s);
    QVERIFY(at(snapshot(), u"status.error"_s).toString().contains(u"CheckpointException"_s));
    ListOptions savepointErrors;
    savepointErrors.fieldSelector = u"reason=SavepointError,involvedObject.name=looping-manual"_s;
    QCOMPARE(m_server->store().list(u"events"_s, kNs, savepointErrors).object.value(u"items"_s).toArray().size(), 1);

    // Suspending in last-state still works: HA metadata is there.
    QVERIFY(
        patch(u"looping"_s,
              QJsonObject{{u"job"_s, QJsonObject{{u"upgradeMode"_s, u"last-state"_s}, {u"state"_s, u"suspended"_s}}}}));
    QTRY_COMPARE_WITH_TIMEOUT(lifecycle(u"looping"_s), u"SUSPENDED"_s, 10000);
    QCOMPARE(at(deployment(u"looping"_s), u"status.jobStatus.state"_s).toString(), u"SUSPENDED"_s);
}

void TestOperatorSimulation::jobManagerRestThroughServiceProxy()
{
    // 503 while the JobManager is not ready, as the API server answers without endpoints. The
    // paused clock holds the JobManager in each phase before READY for as long as the checks take.
    VirtualClock &clock = m_server->operatorSimulation()->clock();
    clock.setPaused(true);
    auto resume = qScopeGuard([&clock] { clock.setPaused(false); });
    // Waits out a pass that read the time before the pause, so the deployment starts at the paused time.
    m_server->operatorSimulation()->reconcileOnce();
    QVERIFY(
        m_server->store()
            .create(
                u"flinkdeployments"_s, kNs,
                QJsonObject{
                    {u"metadata"_s,
                     QJsonObject{{u"name"_s, u"rest-check"_s},
                                 {u"annotations"_s, QJsonObject{{u"sandbox.capstan.io/input-rate"_s, u"1500"_s}}}}},
                    {u"spec"_s,
                     QJsonObject{{u"flinkVersion"_s, u"v1_20"_s},
                                 {u"flinkConfiguration"_s, QJsonObject{{u"taskmanager.numberOfTaskSlots"_s, u"2"_s}}},
                                 {u"job"_s,
                                  QJsonObject{{u"jarURI"_s, u"local:///app.jar"_s},
                                              {u"parallelism"_s, 1},
                                              {u"upgradeMode"_s, u"stateless"_s}}}}}})
            .ok());
    QTRY_VERIFY(m_server->store().get(u"services"_s, kNs, u"rest-check-rest"_s).ok());
    const auto jmStatus
        = [&] { return at(deployment(u"rest-check"_s), u"status.jobManagerDeploymentStatus"_s).toString(); };
    QTRY_COMPARE(jmStatus(), u"DEPLOYING"_s);
    int status = 0;
    QJsonObject body = rest(u"rest-check"_s, u"overview"_s, &status);
    QCOMPARE(status, 503);
    QCOMPARE(body.value(u"kind"_s).toString(), u"Status"_s);
    QCOMPARE(body.value(u"code"_s).toInt(), 503);
    QCOMPARE(body.value(u"reason"_s).toString(), u"ServiceUnavailable"_s);
    QCOMPARE(body.value(u"message"_s).toString(), u"no endpoints available for service \"rest-check-rest\""_s);
    // Pods up after 4 virtual seconds, REST endpoint not yet: still no endpoints.
    clock.advance(4000);
    QTRY_COMPARE(jmStatus(), u"DEPLOYED_NOT_READY"_s);
    body = rest(u"rest-check"_s, u"overview"_s, &status);
    QCOMPARE(status, 503);
    QCOMPARE(body.value(u"message"_s).toString(), u"no endpoints available for service \"rest-check-rest\""_s);
    rest(u"no-such"_s, u"overview"_s, &status);
    QCOMPARE(status, 404);
    clock.setPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"rest-check"_s, 1), 10000);

    body = rest(u"rest-check"_s, u"overview"_s, &status);
    QCOMPARE(status, 200);
    QCOMPARE(body.value(u"taskmanagers"_s).toInt(), 1);
    QCOMPARE(body.value(u"jobs-running"_s).toInt(), 1);
    const QString id = jobId(u"rest-check"_s);
    body = rest(u"rest-check"_s, u"jobs/overview"_s);
    QCOMPARE(at(body.value(u"jobs"_s).toArray().at(0).toObject(), u"jid"_s).toString(), id);
    body = rest(u"rest-check"_s, u"jobs/%1"_s.arg(id));
    const QJsonArray vertices = body.value(u"vertices"_s).toArray();
    QCOMPARE(vertices.size(), 2);
    const QString source = vertices.at(0).toObject().value(u"id"_s).toString();
    const QString sink = vertices.at(1).toObject().value(u"id"_s).toString();
    rest(u"rest-check"_s, u"jobs/00000000000000000000000000000000"_s, &status);
    QCOMPARE(status, 404);
    QVERIFY(rest(u"rest-check"_s, u"config"_s).contains(u"flink-version"_s));
    QCOMPARE(rest(u"rest-check"_s, u"taskmanagers"_s).value(u"taskmanagers"_s).toArray().size(), 1);

    const auto metric = [&](const QString &vertex, const QString &name, const QString &agg) {
        const QJsonArray a
            = rest(u"rest-check"_s,
                   u"jobs/%1/vertices/%2/subtasks/metrics?get=%3&agg=max,sum,avg"_s.arg(id, vertex, name))
                  .value(u"array"_s)
                  .toArray();
        return a.at(0).toObject().value(agg).toDouble();
    };
    // 1500 records/s into one subtask that handles 1000/s: busy and backpressured.
    QCOMPARE(metric(sink, u"busyTimeMsPerSecond"_s, u"max"_s), 1000.0);
    QVERIFY(metric(source, u"backPressuredTimeMsPerSecond"_s, u"max"_s) > 100);
    const double throughputBefore = metric(source, u"numRecordsOutPerSecond"_s, u"sum"_s);

    QVERIFY(patch(u"rest-check"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 2}}}}));
    QTRY_VERIFY_WITH_TIMEOUT(stableAt(u"rest-check"_s, 2), 10000);
    const QString id2 = jobId(u"rest-check"_s);
    const QJsonArray after
        = rest(u"rest-check"_s,
               u"jobs/%1/vertices/%2/subtasks/metrics?get=busyTimeMsPerSecond&agg=avg"_s.arg(id2, sink))
              .value(u"array"_s)
              .toArray();
    QVERIFY(after.at(0).toObject().value(u"avg"_s).toDouble() < 950);
    const QJsonArray out
        = rest(u"rest-check"_s,
               u"jobs/%1/vertices/%2/subtasks/metrics?get=numRecordsOutPerSecond&agg=sum"_s.arg(id2, source))
              .value(u"array"_s)
              .toArray();
    QVERIFY(out.at(0).toObject().value(u"sum"_s).toDouble() > throughputBefore);

    const QJsonArray jobMetrics
        = rest(u"rest-check"_s, u"jobs/%1/metrics?get=numRestarts,uptime"_s.arg(id2)).value(u"array"_s).toArray();
    QCOMPARE(jobMetrics.size(), 2);

    // Prometheus text through the proxy and standalone.
    const QString text = rest(u"rest-check"_s, u"metrics"_s).value(u"text"_s).toString();
    QVERIFY(text.contains(
        u"flink_jobmanager_job_numRestarts{host=\"rest-check-jobmanager\",job_id=\"%1\",job_name=\"rest-check\""_s.arg(
            id2)));
    QVERIFY(text.contains(u"flink_taskmanager_job_task_operator_numRecordsOutPerSecond{"_s));
    PrometheusExporter exporter(*m_server->operatorSimulation());
    QString error;
    QVERIFY2(exporter.listen(0, &error), qPrintable(error));
    std::unique_ptr<QNetworkReply> reply(
        m_nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(exporter.port())))));
    QTRY_VERIFY(reply->isFinished());
    const QByteArray scraped = reply->readAll();
    QVERIFY(scraped.contains("# TYPE flink_jobmanager_job_uptime gauge"));
    QVERIFY(scraped.contains("flink_taskmanager_job_task_busyTimeMsPerSecond{"));
    QVERIFY(scraped.contains("job_name=\"github-analytics\""));
}

QTEST_GUILESS_MAIN(TestOperatorSimulation)
#include "tst_operatorsimulation.moc"
