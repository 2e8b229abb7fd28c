// ActionRunner against the sandbox with the operator simulation at high speed: every action of
// DESIGN §4, conflicts, validation errors, refusals, abandon, timeouts, nonces and the audit log.

#include "actions/actionrunner.h"
#include "common/sandboxfixture.h"
#include "kube/kubeclient.h"
#include "session/auditlog.h"
#include "session/clustersession.h"
#include "session/sessionhost.h"
#include "session/specrevisionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

namespace {
const QString kDeployments = QStringLiteral("flinkdeployments");
const QString kDefault = QStringLiteral("default");
const QString kGithub = QStringLiteral("github-analytics");

QJsonObject jobOf(const QJsonObject &spec)
{
    return spec.value(QLatin1String("job")).toObject();
}

QJsonObject withJob(QJsonObject spec, const QString &key, const QJsonValue &value)
{
    QJsonObject job = jobOf(spec);
    job.insert(key, value);
    spec.insert(QStringLiteral("job"), job);
    return spec;
}

QJsonObject withConf(QJsonObject spec, const QString &key, const QJsonValue &value)
{
    QJsonObject conf = spec.value(QLatin1String("flinkConfiguration")).toObject();
    conf.insert(key, value);
    spec.insert(QStringLiteral("flinkConfiguration"), conf);
    return spec;
}

bool hasStep(const ActionProgress &progress, const QString &prefix)
{
    for (const ActionStep &step : progress.steps) {
        if (step.text.startsWith(prefix) && step.state == ActionStep::State::Done)
            return true;
    }
    return false;
}

QString stepsText(const ActionProgress &progress)
{
    QStringList texts;
    for (const ActionStep &step : progress.steps)
        texts << step.text;
    return texts.join(QStringLiteral(" | "));
}
} // namespace

class TestActionRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void configureParallelismUpgradesWithSavepoint();
    void staleViewConflictsThenReappliesOnTop();
    void invalidSpecFailsWithField();
    void savepointCompletes();
    void restartBumpsNonce();
    void staleNoncesAreNeverWritten();
    void secondActionOnSameDeploymentIsRefusedAndAbandon();
    void cancelKeepStateRefusedWithoutHa();
    void failingJobCancelKeepStateRollbackStart();
    void rollbackToSnapshotWithKnownRevision();
    void rollbackToSnapshotWithUnknownRevision();
    void rollbackToSnapshotWithoutPathIsRefused();
    void timeoutExplains();
    void createAndDelete();
    void auditLogRecordsEveryAction();
    void specRevisionStoreWindows();
    void sessionRunsActionsAndLoadsSchema();

private:
    ActionResult run(ActionRequest request, ActionProgress *lastProgress = nullptr, int waitMs = 60000);
    ActionRequest request(ActionKind kind, const QString &name, const QString &ns = QStringLiteral("default"));
    QJsonObject object(const QString &name, const QString &ns = QStringLiteral("default")) const;
    bool waitFor(const QString &name, const QString &lifecycle, const QString &jobState, int ms = 30000);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<SpecRevisionStore> m_revisions;
    std::unique_ptr<ActionRunner> m_runner;
    quint64 m_nextId = 1;
    int m_actionsRun = 0;
    QString m_savepointPath;
};

void TestActionRunner::initTestCase()
{
    SessionHost::registerMetaTypes();
    m_sandbox = std::make_unique<SandboxFixture>(-1, 200);
    QVERIFY(m_sandbox->started);
    const auto connection = m_sandbox->connection();
    QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<KubeClient>(m_nam.get(), connection.value());
    m_dir = std::make_unique<QTemporaryDir>();
    const QString db = m_dir->filePath(QStringLiteral("history.sqlite"));
    m_audit = std::make_unique<AuditLog>(db);
    m_revisions = std::make_unique<SpecRevisionStore>(db);
    QVERIFY(m_audit->isOpen());
    QVERIFY(m_revisions->isOpen());
    m_runner
        = std::make_unique<ActionRunner>(m_client.get(), QStringLiteral("sandbox"), m_audit.get(), m_revisions.get());
    m_runner->setPollIntervalMs(100);
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::cleanupTestCase()
{
    m_runner.reset();
    m_client.reset();
    m_nam.reset();
    m_sandbox.reset();
}

ActionRequest TestActionRunner::request(ActionKind kind, const QString &name, const QString &ns)
{
    ActionRequest r;
    r.id = m_nextId++;
    r.kind = kind;
    r.ns = ns;
    r.name = name;
    const QJsonObject current = object(name, ns);
    const QJsonObject metadata = current.value(QLatin1String("metadata")).toObject();
    r.deploymentUid = metadata.value(QLatin1String("uid")).toString();
    r.baseResourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    r.baseSpec = current.value(QLatin1String("spec")).toObject();
    r.timeoutSeconds = 60;
    return r;
}

ActionResult TestActionRunner::run(ActionRequest request, ActionProgress *lastProgress, int waitMs)
{
    QSignalSpy finished(m_runner.get(), &ActionRunner::finished);
    QSignalSpy progress(m_runner.get(), &ActionRunner::progress);
    m_runner->run(request);
    ++m_actionsRun;
    if (finished.isEmpty() && !finished.wait(waitMs)) {
        ActionResult none;
        none.summary = QStringLiteral("no result within the test's wait");
        return none;
    }
    if (lastProgress && !progress.isEmpty())
        *lastProgress = progress.last().at(0).value<ActionProgress>();
    return finished.first().at(0).value<ActionResult>();
}

QJsonObject TestActionRunner::object(const QString &name, const QString &ns) const
{
    return m_sandbox->server->store().get(kDeployments, ns, name).object;
}

bool TestActionRunner::waitFor(const QString &name, const QString &lifecycle, const QString &jobState, int ms)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonObject status = object(name).value(QLatin1String("status")).toObject();
            return status.value(QLatin1String("lifecycleState")).toString() == lifecycle
                && (jobState.isEmpty()
                    || status.value(QLatin1String("jobStatus")).toObject().value(QLatin1String("state")).toString()
                        == jobState);
        },
        ms);
}

void TestActionRunner::configureParallelismUpgradesWithSavepoint()
{
    ActionRequest r = request(ActionKind::Configure, kGithub);
    const QString jobBefore = object(kGithub)
                                  .value(QLatin1String("status"))
                                  .toObject()
                                  .value(QLatin1String("jobStatus"))
                                  .toObject()
                                  .value(QLatin1String("jobId"))
                                  .toString();
    QCOMPARE(jobOf(r.baseSpec).value(QLatin1String("upgradeMode")).toString(), QStringLiteral("savepoint"));
    r.newSpec = withJob(r.baseSpec, QStringLiteral("parallelism"), 2);
    ActionProgress progress;
    const ActionResult result = run(r, &progress);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));
    QCOMPARE(result.id, r.id);
    QVERIFY2(hasStep(progress, QStringLiteral("patch sent")), qPrintable(stepsText(progress)));
    QVERIFY2(hasStep(progress, QStringLiteral("savepoint COMPLETED")), qPrintable(stepsText(progress)));
    QVERIFY2(hasStep(progress, QStringLiteral("job RUNNING")), qPrintable(stepsText(progress)));
    QCOMPARE(progress.steps.last().state, ActionStep::State::Done);
    const QJsonObject after = object(kGithub);
    QCOMPARE(jobOf(after.value(QLatin1String("spec")).toObject()).value(QLatin1String("parallelism")).toInt(), 2);
    const QJsonObject jobStatus
        = after.value(QLatin1String("status")).toObject().value(QLatin1String("jobStatus")).toObject();
    QCOMPARE(jobStatus.value(QLatin1String("state")).toString(), QStringLiteral("RUNNING"));
    QVERIFY(jobStatus.value(QLatin1String("jobId")).toString() != jobBefore);
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::staleViewConflictsThenReappliesOnTop()
{
    ActionRequest r = request(ActionKind::Configure, kGithub);
    QJsonArray args = jobOf(r.baseSpec).value(QLatin1String("args")).toArray();
    args << QStringLiteral("--late-events") << QStringLiteral("drop");
    r.newSpec = withJob(r.baseSpec, QStringLiteral("args"), args);

    // Another client changes the spec after the user opened the dialog.
    const QString otherKey = QStringLiteral("kubernetes.operator.savepoint.history.max.count");
    const auto other = m_sandbox->server->store().mergePatch(
        kDeployments, kDefault, kGithub,
        QJsonObject{
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("flinkConfiguration"), QJsonObject{{otherKey, QStringLiteral("7")}}}}}});
    QVERIFY(other.ok());

    const ActionResult conflict = run(r);
    QVERIFY2(conflict.outcome == ActionResult::Outcome::Conflict, qPrintable(conflict.summary));
    QCOMPARE(conflict.error.httpStatus, 409);
    const QJsonObject serverSpec = conflict.serverObject.value(QLatin1String("spec")).toObject();
    QCOMPARE(serverSpec.value(QLatin1String("flinkConfiguration")).toObject().value(otherKey).toString(),
             QStringLiteral("7"));
    // Nothing was overwritten: the server still has the other client's spec, not the user's.
    QCOMPARE(jobOf(object(kGithub).value(QLatin1String("spec")).toObject()).value(QLatin1String("args")).toArray(),
             jobOf(r.baseSpec).value(QLatin1String("args")).toArray());

    ActionRequest again = r;
    again.id = m_nextId++;
    again.reapplyOnTop = true;
    ActionProgress progress;
    const ActionResult result = run(again, &progress);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary + stepsText(progress)));
    const QJsonObject spec = object(kGithub).value(QLatin1String("spec")).toObject();
    QCOMPARE(jobOf(spec).value(QLatin1String("args")).toArray(), args);
    QCOMPARE(spec.value(QLatin1String("flinkConfiguration")).toObject().value(otherKey).toString(),
             QStringLiteral("7"));
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::invalidSpecFailsWithField()
{
    ActionRequest r = request(ActionKind::Configure, kGithub);
    r.newSpec = withJob(r.baseSpec, QStringLiteral("parallelism"), QStringLiteral("two"));
    const QString rvBefore
        = object(kGithub).value(QLatin1String("spec")).toObject().value(QLatin1String("image")).toString();
    const ActionResult result = run(r);
    QVERIFY2(result.outcome == ActionResult::Outcome::Failed, qPrintable(result.summary));
    QCOMPARE(result.error.httpStatus, 422);
    QVERIFY(!result.error.causes.isEmpty());
    bool found = false;
    for (const Error::Cause &cause : result.error.causes)
        found = found || cause.field.contains(QLatin1String("job.parallelism"));
    QVERIFY2(found, qPrintable(result.error.toString()));
    QCOMPARE(jobOf(object(kGithub).value(QLatin1String("spec")).toObject()).value(QLatin1String("parallelism")).toInt(),
             2);
    QVERIFY(!rvBefore.isEmpty());
}

void TestActionRunner::savepointCompletes()
{
    ActionProgress progress;
    const ActionResult result = run(request(ActionKind::Savepoint, kGithub), &progress);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));
    QVERIFY2(hasStep(progress, QStringLiteral("savepoint COMPLETED")), qPrintable(stepsText(progress)));
    const auto snapshots = m_sandbox->server->store().list(QStringLiteral("flinkstatesnapshots"), kDefault);
    bool found = false;
    for (const QJsonValue &item : snapshots.object.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = item.toObject();
        const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
        if (!metadata.value(QLatin1String("name"))
                 .toString()
                 .startsWith(kGithub + QStringLiteral("-savepoint-manual-")))
            continue;
        const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
        if (labels.value(QLatin1String("snapshot.trigger-type")).toString() != QLatin1String("MANUAL")
            || labels.value(QLatin1String("job-reference.name")).toString() != kGithub)
            continue;
        const QJsonObject status = o.value(QLatin1String("status")).toObject();
        if (status.value(QLatin1String("state")).toString() == QLatin1String("COMPLETED")
            && result.summary.contains(status.value(QLatin1String("path")).toString())) {
            found = true;
            m_savepointPath = status.value(QLatin1String("path")).toString();
        }
    }
    QVERIFY2(found, qPrintable(result.summary));
}

void TestActionRunner::restartBumpsNonce()
{
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
    const QJsonObject before = object(kGithub);
    const qint64 nonce
        = before.value(QLatin1String("spec")).toObject().value(QLatin1String("restartNonce")).toInteger();
    const QString jobBefore = before.value(QLatin1String("status"))
                                  .toObject()
                                  .value(QLatin1String("jobStatus"))
                                  .toObject()
                                  .value(QLatin1String("jobId"))
                                  .toString();
    ActionProgress progress;
    const ActionResult result = run(request(ActionKind::Restart, kGithub), &progress);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));
    QVERIFY2(hasStep(progress, QStringLiteral("job RUNNING")), qPrintable(stepsText(progress)));
    const QJsonObject after = object(kGithub);
    QCOMPARE(after.value(QLatin1String("spec")).toObject().value(QLatin1String("restartNonce")).toInteger(), nonce + 1);
    QVERIFY(after.value(QLatin1String("status"))
                .toObject()
                .value(QLatin1String("jobStatus"))
                .toObject()
                .value(QLatin1String("jobId"))
                .toString()
            != jobBefore);
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::staleNoncesAreNeverWritten()
{
    ActionRequest r = request(ActionKind::Configure, kGithub);
    const qint64 nonce = r.baseSpec.value(QLatin1String("restartNonce")).toInteger();
    QVERIFY(nonce >= 1);
    // The edited spec carries old nonces (e.g. pasted YAML): they must not reach the server.
    QJsonObject edited
        = withConf(r.baseSpec, QStringLiteral("kubernetes.operator.savepoint.history.max.count"), QStringLiteral("9"));
    edited.insert(QStringLiteral("restartNonce"), 0);
    edited = withJob(edited, QStringLiteral("savepointRedeployNonce"), 0);
    r.newSpec = edited;
    const qint64 redeployBefore = jobOf(r.baseSpec).value(QLatin1String("savepointRedeployNonce")).toInteger();
    const ActionResult result = run(r);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));
    const QJsonObject spec = object(kGithub).value(QLatin1String("spec")).toObject();
    QCOMPARE(spec.value(QLatin1String("restartNonce")).toInteger(), nonce);
    QCOMPARE(jobOf(spec).value(QLatin1String("savepointRedeployNonce")).toInteger(), redeployBefore);
    QCOMPARE(spec.value(QLatin1String("flinkConfiguration"))
                 .toObject()
                 .value(QLatin1String("kubernetes.operator.savepoint.history.max.count"))
                 .toString(),
             QStringLiteral("9"));
    const AuditEntry last = m_audit->entries(1).value(0);
    QVERIFY2(!last.diff.contains(QLatin1String("Nonce")), qPrintable(last.diff));
}

void TestActionRunner::secondActionOnSameDeploymentIsRefusedAndAbandon()
{
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
    QSignalSpy finished(m_runner.get(), &ActionRunner::finished);
    const ActionRequest restart = request(ActionKind::Restart, kGithub);
    m_runner->run(restart);
    QVERIFY(m_runner->isBusy(kDefault, kGithub));
    const ActionRequest savepoint = request(ActionKind::Savepoint, kGithub);
    m_runner->run(savepoint);
    QCOMPARE(finished.size(), 1);
    const ActionResult refused = finished.at(0).at(0).value<ActionResult>();
    QCOMPARE(refused.id, savepoint.id);
    QCOMPARE(refused.outcome, ActionResult::Outcome::Refused);
    QVERIFY2(refused.summary.contains(QLatin1String("Restart")), qPrintable(refused.summary));

    QVERIFY(m_runner->abandon(restart.id));
    QCOMPARE(finished.size(), 2);
    const ActionResult abandoned = finished.at(1).at(0).value<ActionResult>();
    QCOMPARE(abandoned.id, restart.id);
    QCOMPARE(abandoned.outcome, ActionResult::Outcome::Abandoned);
    QVERIFY(!m_runner->isBusy(kDefault, kGithub));
    QVERIFY(!m_runner->abandon(restart.id));
    m_actionsRun += 2;
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::cancelKeepStateRefusedWithoutHa()
{
    const QString name = QStringLiteral("clickstream-sessionizer");
    const QString ns = QStringLiteral("flink-jobs");
    const QJsonObject before = m_sandbox->server->store().get(kDeployments, ns, name).object;
    const ActionResult result = run(request(ActionKind::CancelKeepState, name, ns));
    QCOMPARE(result.outcome, ActionResult::Outcome::Refused);
    QVERIFY2(result.summary.contains(QLatin1String("Kubernetes HA")), qPrintable(result.summary));
    QCOMPARE(m_sandbox->server->store().get(kDeployments, ns, name).object.value(QLatin1String("spec")),
             before.value(QLatin1String("spec")));
}

void TestActionRunner::failingJobCancelKeepStateRollbackStart()
{
    // DESIGN §1 steps 4–5: the flag makes the job fail; keep the latest state, roll back, start.
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
    const QJsonObject stableSpec = object(kGithub).value(QLatin1String("spec")).toObject();
    ActionRequest configure = request(ActionKind::Configure, kGithub);
    QJsonArray args = jobOf(configure.baseSpec).value(QLatin1String("args")).toArray();
    args << QStringLiteral("--enable-new-feature") << QStringLiteral("true");
    configure.newSpec = withJob(configure.baseSpec, QStringLiteral("args"), args);
    const ActionResult configured = run(configure);
    QVERIFY2(configured.outcome == ActionResult::Outcome::Succeeded, qPrintable(configured.summary));
    const qint64 restartNonce = stableSpec.value(QLatin1String("restartNonce")).toInteger();

    ActionProgress progress;
    const ActionResult cancelled = run(request(ActionKind::CancelKeepState, kGithub), &progress);
    QVERIFY2(cancelled.outcome == ActionResult::Outcome::Succeeded, qPrintable(cancelled.summary));
    QVERIFY2(hasStep(progress, QStringLiteral("job SUSPENDED")), qPrintable(stepsText(progress)));
    QJsonObject spec = object(kGithub).value(QLatin1String("spec")).toObject();
    QCOMPARE(jobOf(spec).value(QLatin1String("upgradeMode")).toString(), QStringLiteral("last-state"));
    QCOMPARE(jobOf(spec).value(QLatin1String("state")).toString(), QStringLiteral("suspended"));

    const ActionResult rolledBack = run(request(ActionKind::RollbackToStable, kGithub), &progress);
    QVERIFY2(rolledBack.outcome == ActionResult::Outcome::Succeeded, qPrintable(rolledBack.summary));
    spec = object(kGithub).value(QLatin1String("spec")).toObject();
    QCOMPARE(jobOf(spec).value(QLatin1String("args")).toArray(),
             jobOf(stableSpec).value(QLatin1String("args")).toArray());
    // Still suspended in last-state mode, nonces untouched.
    QCOMPARE(jobOf(spec).value(QLatin1String("state")).toString(), QStringLiteral("suspended"));
    QCOMPARE(jobOf(spec).value(QLatin1String("upgradeMode")).toString(), QStringLiteral("last-state"));
    QCOMPARE(spec.value(QLatin1String("restartNonce")).toInteger(), restartNonce);
    QCOMPARE(
        object(kGithub).value(QLatin1String("status")).toObject().value(QLatin1String("lifecycleState")).toString(),
        QStringLiteral("SUSPENDED"));

    const ActionResult started = run(request(ActionKind::Start, kGithub), &progress);
    QVERIFY2(started.outcome == ActionResult::Outcome::Succeeded, qPrintable(started.summary));
    QVERIFY2(hasStep(progress, QStringLiteral("job RUNNING")), qPrintable(stepsText(progress)));
    QCOMPARE(jobOf(object(kGithub).value(QLatin1String("spec")).toObject()).value(QLatin1String("state")).toString(),
             QStringLiteral("running"));
    QCOMPARE(run(request(ActionKind::Start, kGithub)).outcome, ActionResult::Outcome::Refused);
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::rollbackToSnapshotWithKnownRevision()
{
    QVERIFY(!m_savepointPath.isEmpty());
    const QJsonObject current = object(kGithub);
    const QString uid = current.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    const QJsonObject currentSpec = current.value(QLatin1String("spec")).toObject();
    // A revision Capstan saw a while ago: parallelism 1, old nonces, other upgrade mode.
    QJsonObject old = withJob(currentSpec, QStringLiteral("parallelism"), 1);
    old = withJob(old, QStringLiteral("savepointRedeployNonce"), 0);
    old = withJob(old, QStringLiteral("upgradeMode"), QStringLiteral("stateless"));
    old.insert(QStringLiteral("restartNonce"), 0);
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2020-01-01T10:00:00Z"), Qt::ISODate);
    m_revisions->record(uid, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("spec"), old}}).toJson()), 3,
                        t0);
    m_revisions->record(uid,
                        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("spec"), currentSpec}}).toJson()),
                        4, t0.addSecs(3600));

    ActionRequest r = request(ActionKind::RollbackToSnapshot, kGithub);
    r.snapshotPath = m_savepointPath;
    r.snapshotTime = t0.addSecs(600);
    const qint64 redeployNonce = jobOf(currentSpec).value(QLatin1String("savepointRedeployNonce")).toInteger();
    const qint64 restartNonce = currentSpec.value(QLatin1String("restartNonce")).toInteger();
    ActionProgress progress;
    const ActionResult result = run(r, &progress);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary + stepsText(progress)));
    QVERIFY2(hasStep(progress, QStringLiteral("configuration of generation 3")), qPrintable(stepsText(progress)));
    QVERIFY2(hasStep(progress, QStringLiteral("job RUNNING")), qPrintable(stepsText(progress)));
    const QJsonObject spec = object(kGithub).value(QLatin1String("spec")).toObject();
    QCOMPARE(jobOf(spec).value(QLatin1String("parallelism")).toInt(), 1);
    QCOMPARE(jobOf(spec).value(QLatin1String("initialSavepointPath")).toString(), m_savepointPath);
    QCOMPARE(jobOf(spec).value(QLatin1String("savepointRedeployNonce")).toInteger(), redeployNonce + 1);
    QCOMPARE(spec.value(QLatin1String("restartNonce")).toInteger(), restartNonce);
    QCOMPARE(jobOf(spec).value(QLatin1String("upgradeMode")).toString(),
             jobOf(currentSpec).value(QLatin1String("upgradeMode")).toString());
    QCOMPARE(object(kGithub)
                 .value(QLatin1String("status"))
                 .toObject()
                 .value(QLatin1String("jobStatus"))
                 .toObject()
                 .value(QLatin1String("upgradeSavepointPath"))
                 .toString(),
             m_savepointPath);
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::rollbackToSnapshotWithUnknownRevision()
{
    const QJsonObject currentSpec = object(kGithub).value(QLatin1String("spec")).toObject();
    ActionRequest r = request(ActionKind::RollbackToSnapshot, kGithub);
    r.snapshotPath = m_savepointPath + QStringLiteral("-older");
    r.snapshotTime = QDateTime::fromString(QStringLiteral("2001-01-01T00:00:00Z"), Qt::ISODate);
    ActionProgress progress;
    const ActionResult result = run(r, &progress);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));
    QVERIFY2(stepsText(progress).contains(QLatin1String("unknown")), qPrintable(stepsText(progress)));
    QJsonObject spec = object(kGithub).value(QLatin1String("spec")).toObject();
    QCOMPARE(jobOf(spec).value(QLatin1String("initialSavepointPath")).toString(), r.snapshotPath);
    QCOMPARE(jobOf(spec).value(QLatin1String("savepointRedeployNonce")).toInteger(),
             jobOf(currentSpec).value(QLatin1String("savepointRedeployNonce")).toInteger() + 1);
    // Everything else is the current spec.
    QJsonObject job = jobOf(spec);
    job.remove(QStringLiteral("initialSavepointPath"));
    job.remove(QStringLiteral("savepointRedeployNonce"));
    QJsonObject expectedJob = jobOf(currentSpec);
    expectedJob.remove(QStringLiteral("initialSavepointPath"));
    expectedJob.remove(QStringLiteral("savepointRedeployNonce"));
    QCOMPARE(job, expectedJob);
    QVERIFY(waitFor(kGithub, QStringLiteral("STABLE"), QStringLiteral("RUNNING")));
}

void TestActionRunner::rollbackToSnapshotWithoutPathIsRefused()
{
    ActionRequest r = request(ActionKind::RollbackToSnapshot, kGithub);
    r.snapshotTime = QDateTime::currentDateTimeUtc();
    const ActionResult result = run(r);
    QCOMPARE(result.outcome, ActionResult::Outcome::Refused);
    QVERIFY(result.summary.contains(QLatin1String("no path")));
}

void TestActionRunner::timeoutExplains()
{
    // A suspended job cannot take a savepoint: the operator keeps waiting, the action times out.
    const QString name = QStringLiteral("nightly-backfill");
    const QString ns = QStringLiteral("flink-jobs");
    ActionRequest r = request(ActionKind::Savepoint, name, ns);
    r.timeoutSeconds = 1;
    const ActionResult result = run(r, nullptr, 10000);
    QCOMPARE(result.outcome, ActionResult::Outcome::TimedOut);
    QVERIFY2(result.summary.contains(QLatin1String("did not report the savepoint COMPLETED within 1 s")),
             qPrintable(result.summary));
    QVERIFY(result.summary.contains(QLatin1String("may still complete")));
}

void TestActionRunner::createAndDelete()
{
    const QString name = QStringLiteral("actions-created");
    const QJsonObject manifest = SandboxFixture::deployment(name);
    ActionRequest create;
    create.id = m_nextId++;
    create.kind = ActionKind::Create;
    create.ns = kDefault;
    create.name = name;
    create.newMetadata
        = QJsonObject{{QStringLiteral("name"), name},
                      {QStringLiteral("labels"), QJsonObject{{QStringLiteral("team"), QStringLiteral("a")}}}};
    create.newSpec = manifest.value(QLatin1String("spec")).toObject();
    ActionProgress progress;
    const ActionResult created = run(create, &progress);
    QVERIFY2(created.outcome == ActionResult::Outcome::Succeeded, qPrintable(created.summary + stepsText(progress)));
    QVERIFY2(hasStep(progress, QStringLiteral("job RUNNING")), qPrintable(stepsText(progress)));
    QCOMPARE(object(name)
                 .value(QLatin1String("metadata"))
                 .toObject()
                 .value(QLatin1String("labels"))
                 .toObject()
                 .value(QLatin1String("team"))
                 .toString(),
             QStringLiteral("a"));

    const ActionResult deleted = run(request(ActionKind::Delete, name), &progress);
    QVERIFY2(deleted.outcome == ActionResult::Outcome::Succeeded, qPrintable(deleted.summary));
    QVERIFY(!m_sandbox->server->store().get(kDeployments, kDefault, name).ok());
}

void TestActionRunner::auditLogRecordsEveryAction()
{
    const QList<AuditEntry> entries = m_audit->entries(1000);
    QCOMPARE(entries.size(), m_actionsRun);
    QSet<QString> outcomes;
    QSet<QString> actions;
    for (const AuditEntry &e : entries) {
        outcomes.insert(e.outcome);
        actions.insert(e.action);
        QCOMPARE(e.context, QStringLiteral("sandbox"));
        QVERIFY(e.time.isValid());
        QVERIFY(!e.deployment.isEmpty());
    }
    for (const char *o : {"Succeeded", "Failed", "Conflict", "Refused", "Abandoned", "TimedOut"})
        QVERIFY2(outcomes.contains(QLatin1String(o)), o);
    for (const char *a : {"Configure", "Savepoint", "Restart", "CancelKeepState", "RollbackToStable", "Start",
                          "RollbackToSnapshot", "Create", "Delete"})
        QVERIFY2(actions.contains(QLatin1String(a)), a);
    bool configureDiff = false;
    for (const AuditEntry &e : entries) {
        if (e.action == QLatin1String("Configure") && e.outcome == QLatin1String("Succeeded")
            && e.diff.contains(QLatin1String("\"parallelism\":2")))
            configureDiff = true;
    }
    QVERIFY(configureDiff);

    // Secrets never reach the log.
    const QJsonObject redacted = AuditLog::redact(
        QJsonObject{{QStringLiteral("flinkConfiguration"),
                     QJsonObject{{QStringLiteral("s3.secret-key"), QStringLiteral("hunter2")},
                                 {QStringLiteral("s3.access-key"), QStringLiteral("AKIA")},
                                 {QStringLiteral("parallelism.default"), QStringLiteral("2")}}},
                    {QStringLiteral("env"),
                     QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("DB_PASSWORD")},
                                            {QStringLiteral("value"), QStringLiteral("hunter2")}}}}});
    const QByteArray text = QJsonDocument(redacted).toJson(QJsonDocument::Compact);
    QVERIFY2(!text.contains("hunter2") && !text.contains("AKIA"), text.constData());
    QVERIFY(text.contains("\"parallelism.default\":\"2\""));
    AuditEntry entry;
    entry.action = QStringLiteral("Configure");
    m_audit->append(entry, redacted);
    m_audit->append(entry, QJsonObject{{QStringLiteral("token"), QStringLiteral("hunter2")}});
    const QList<AuditEntry> latest = m_audit->entries(2);
    QCOMPARE(latest.size(), 2);
    QVERIFY(!latest.at(0).diff.contains(QLatin1String("hunter2")));
}

void TestActionRunner::specRevisionStoreWindows()
{
    const QString uid = QStringLiteral("uid-windows");
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate);
    const auto reconciled = [](int parallelism) {
        return QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("spec"),
                                       QJsonObject{{QStringLiteral("job"),
                                                    QJsonObject{{QStringLiteral("parallelism"), parallelism}}}}}})
                .toJson(QJsonDocument::Compact));
    };
    const auto deployment = [&](int parallelism, const QDateTime &at) {
        return QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("uid"), uid}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("observedGeneration"), parallelism},
                         {QStringLiteral("reconciliationStatus"),
                          QJsonObject{{QStringLiteral("lastReconciledSpec"), reconciled(parallelism)},
                                      {QStringLiteral("reconciliationTimestamp"), at.toMSecsSinceEpoch()}}}}}};
    };
    m_revisions->observe(deployment(1, t0), QDateTime::currentDateTimeUtc());
    m_revisions->observe(deployment(1, t0.addSecs(30)), QDateTime::currentDateTimeUtc()); // same spec: no row
    m_revisions->observe(deployment(2, t0.addSecs(60)), QDateTime::currentDateTimeUtc());
    m_revisions->observe(deployment(3, t0.addSecs(120)), QDateTime::currentDateTimeUtc());
    QCOMPARE(m_revisions->revisionCount(uid), 3);
    const auto parallelismAt = [&](const QDateTime &t) {
        return jobOf(m_revisions->specAt(uid, t)).value(QLatin1String("parallelism")).toInt(-1);
    };
    QCOMPARE(parallelismAt(t0.addSecs(-1)), -1);
    QCOMPARE(parallelismAt(t0.addSecs(10)), 1);
    // A snapshot taken at the very moment the next spec was recorded belongs to the previous one.
    QCOMPARE(parallelismAt(t0.addSecs(60)), 1);
    QCOMPARE(parallelismAt(t0.addSecs(61)), 2);
    QCOMPARE(parallelismAt(t0.addSecs(3600)), 3);
    QCOMPARE(m_revisions->generationAt(uid, t0.addSecs(90)), 2);
    QVERIFY(m_revisions->specAt(QStringLiteral("other"), t0.addSecs(90)).isEmpty());
}

void TestActionRunner::sessionRunsActionsAndLoadsSchema()
{
    SessionOptions options;
    options.historyPath = m_dir->filePath(QStringLiteral("session.sqlite"));
    options.pollIntervalMs = 60000;
    ClusterSession session(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), kDefault, options);
    QSignalSpy schema(&session, &ClusterSession::schemaLoaded);
    QSignalSpy batches(&session, &ClusterSession::deploymentsChanged);
    QSignalSpy finished(&session, &ClusterSession::actionFinished);
    QSignalSpy progress(&session, &ClusterSession::actionProgress);
    QSignalSpy revision(&session, &ClusterSession::specRevision);
    QSignalSpy audit(&session, &ClusterSession::auditEntries);
    session.start();
    // The schemas of both kinds the editor edits, in whichever order they arrive.
    QTRY_COMPARE_WITH_TIMEOUT(schema.size(), 2, 10000);
    QStringList kinds;
    for (const QList<QVariant> &loaded : std::as_const(schema)) {
        kinds << loaded.at(0).toString();
        const QJsonObject openApi = loaded.at(1).toJsonObject();
        QVERIFY(openApi.value(QLatin1String("properties")).toObject().contains(QLatin1String("spec")));
    }
    kinds.sort();
    QCOMPARE(kinds, QStringList({QStringLiteral("FlinkDeployment"), QStringLiteral("FlinkSessionJob")}));
    QTRY_VERIFY_WITH_TIMEOUT(!batches.isEmpty(), 10000);

    const QJsonObject current = object(kGithub);
    const QString uid = current.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    session.requestSpecRevision(uid, QDateTime::currentDateTimeUtc().addDays(365));
    QCOMPARE(revision.size(), 1);
    QVERIFY(!revision.first().at(2).toJsonObject().isEmpty());

    ActionRequest r = request(ActionKind::Savepoint, kGithub);
    session.runAction(r);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    const ActionResult result = finished.first().at(0).value<ActionResult>();
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));
    QVERIFY(!progress.isEmpty());
    AuditQuery everything;
    everything.limit = 10;
    session.requestAuditEntries(everything);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().at(0).value<AuditQuery>(), everything);
    QCOMPARE(audit.first().at(1).value<QList<AuditEntry>>().size(), 1);
    // One deployment's entries (the chart markers of its page), answered with the query asked.
    AuditQuery github;
    github.context = QStringLiteral("sandbox");
    github.ns = kDefault;
    github.deployment = kGithub;
    session.requestAuditEntries(github);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(1).at(0).value<AuditQuery>(), github);
    const auto entries = audit.at(1).at(1).value<QList<AuditEntry>>();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, QStringLiteral("Savepoint"));
    AuditQuery other = github;
    other.context = QStringLiteral("another-context"); // the same name elsewhere is another deployment
    session.requestAuditEntries(other);
    QCOMPARE(audit.size(), 3);
    QVERIFY(audit.at(2).at(1).value<QList<AuditEntry>>().isEmpty());
    session.stop();
}

QTEST_GUILESS_MAIN(TestActionRunner)
#include "tst_actionrunner.moc"
