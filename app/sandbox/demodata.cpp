#include "sandbox/demodata.h"

#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <random>

namespace capstan::sandbox {

namespace {

const QString kFlinkApi = QStringLiteral("flink.apache.org/v1beta1");

struct DeploymentSpec
{
    QString name;
    QString ns;
    int parallelism = 1;
    QString upgradeMode = QStringLiteral("stateless");
    bool suspended = false;
    bool kubernetesHa = false;
    bool session = false; // a session cluster: no job section
    QString jarURI = QStringLiteral("local:///opt/flink/examples/streaming/StateMachineExample.jar");
    QJsonArray args;
    QString memory = QStringLiteral("2048m");
    double cpu = 1;
    QString jobState; // RUNNING, FAILED …; derived from suspended when empty
    QJsonObject extraConfiguration; // merged into flinkConfiguration
    QJsonObject annotations;
    qint64 jobStartMs = 0; // when the running job started; 0: two to four days ago
};

class Seeder
{
public:
    Seeder(ResourceStore &store, quint64 seed, qint64 nowMs)
        : m_store(store)
        , m_random(seed)
        , m_nowMs(nowMs >= 0 ? nowMs : QDateTime::currentMSecsSinceEpoch())
    {
    }

    void ensureNamespace(const QString &name)
    {
        m_store.create(QStringLiteral("namespaces"), {},
                       QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}});
    }

    QString hex(int digits)
    {
        static const char alphabet[] = "0123456789abcdef";
        QString s;
        for (int i = 0; i < digits; ++i)
            s.append(QLatin1Char(alphabet[m_random() % 16]));
        return s;
    }

    qint64 pastMs(qint64 minMinutes, qint64 maxMinutes)
    {
        const qint64 minutes = minMinutes + qint64(m_random() % quint64(maxMinutes - minMinutes + 1));
        return m_nowMs - minutes * 60 * 1000 - qint64(m_random() % 60000);
    }

    QJsonObject deploymentSpec(const DeploymentSpec &d)
    {
        QJsonObject flinkConfiguration{{QStringLiteral("taskmanager.numberOfTaskSlots"), QStringLiteral("2")}};
        if (!d.session) {
            flinkConfiguration.insert(QStringLiteral("state.savepoints.dir"),
                                      QStringLiteral("s3://flink-state/%1/savepoints").arg(d.name));
            flinkConfiguration.insert(QStringLiteral("state.checkpoints.dir"),
                                      QStringLiteral("s3://flink-state/%1/checkpoints").arg(d.name));
            flinkConfiguration.insert(QStringLiteral("execution.checkpointing.interval"), QStringLiteral("60s"));
        }
        for (auto it = d.extraConfiguration.begin(); it != d.extraConfiguration.end(); ++it)
            flinkConfiguration.insert(it.key(), it.value());
        if (d.kubernetesHa) {
            flinkConfiguration.insert(QStringLiteral("high-availability.type"), QStringLiteral("kubernetes"));
            flinkConfiguration.insert(QStringLiteral("high-availability.storageDir"),
                                      QStringLiteral("s3://flink-state/%1/ha").arg(d.name));
        }
        QJsonObject spec{
            {QStringLiteral("image"), QStringLiteral("flink:1.20")},
            {QStringLiteral("flinkVersion"), QStringLiteral("v1_20")},
            {QStringLiteral("serviceAccount"), QStringLiteral("flink")},
            {QStringLiteral("flinkConfiguration"), flinkConfiguration},
            {QStringLiteral("jobManager"),
             QJsonObject{{QStringLiteral("replicas"), 1},
                         {QStringLiteral("resource"),
                          QJsonObject{{QStringLiteral("memory"), d.memory}, {QStringLiteral("cpu"), d.cpu}}}}},
            {QStringLiteral("taskManager"),
             QJsonObject{{QStringLiteral("resource"),
                          QJsonObject{{QStringLiteral("memory"), d.memory}, {QStringLiteral("cpu"), d.cpu}}}}},
        };
        if (!d.session) {
            spec.insert(QStringLiteral("job"),
                        QJsonObject{{QStringLiteral("jarURI"), d.jarURI},
                                    {QStringLiteral("parallelism"), d.parallelism},
                                    {QStringLiteral("upgradeMode"), d.upgradeMode},
                                    {QStringLiteral("state"),
                                     d.suspended ? QStringLiteral("suspended") : QStringLiteral("running")},
                                    {QStringLiteral("args"), d.args},
                                    {QStringLiteral("savepointTriggerNonce"), 0}});
        }
        return spec;
    }

    static QString reconciledSpecString(const QJsonObject &spec, qint64 generation)
    {
        const QJsonObject o{
            {QStringLiteral("spec"), spec},
            {QStringLiteral("resource_metadata"),
             QJsonObject{{QStringLiteral("apiVersion"), kFlinkApi},
                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("generation"), generation}}},
                         {QStringLiteral("firstDeployment"), false}}}};
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }

    QJsonObject jobStatus(const QString &jobName, const QString &state, qint64 startMs)
    {
        return QJsonObject{
            {QStringLiteral("jobId"), hex(32)},
            {QStringLiteral("jobName"), jobName},
            {QStringLiteral("state"), state},
            {QStringLiteral("startTime"), QString::number(startMs)},
            {QStringLiteral("updateTime"), QString::number(startMs + 15000)},
            {QStringLiteral("checkpointInfo"), QJsonObject{{QStringLiteral("lastPeriodicCheckpointTimestamp"), 0}}},
            {QStringLiteral("savepointInfo"),
             QJsonObject{{QStringLiteral("lastPeriodicSavepointTimestamp"), 0},
                         {QStringLiteral("savepointHistory"), QJsonArray()}}}};
    }

    QJsonObject deploymentStatus(const DeploymentSpec &d, const QJsonObject &spec)
    {
        const QString reconciled = reconciledSpecString(spec, 1);
        const qint64 startMs = d.jobStartMs > 0 ? d.jobStartMs : pastMs(2 * 24 * 60, 4 * 24 * 60);
        QString jobState = d.jobState;
        if (jobState.isEmpty())
            jobState = d.suspended ? QStringLiteral("SUSPENDED") : QStringLiteral("RUNNING");
        // As the operator simulation computes them, so that adopting the seed changes nothing.
        const int taskManagers = d.session ? 1 : (d.parallelism + 1) / 2;
        const qint64 memoryBytes = d.memory.chopped(1).toLongLong() * 1024 * 1024;
        const QString conditionKey = d.session ? QStringLiteral("READY") : jobState;
        QJsonObject condition{{QStringLiteral("type"), QStringLiteral("Running")},
                              {QStringLiteral("lastTransitionTime"),
                               QDateTime::fromMSecsSinceEpoch(startMs + 12000, Qt::UTC).toString(Qt::ISODate)}};
        if (conditionKey == QLatin1String("RUNNING") || conditionKey == QLatin1String("READY")) {
            condition.insert(QStringLiteral("status"), QStringLiteral("True"));
            condition.insert(QStringLiteral("message"),
                             d.session ? QStringLiteral("Ready") : QStringLiteral("JobRunning"));
            condition.insert(QStringLiteral("reason"),
                             d.session ? QStringLiteral("JobManager is running and ready to receive REST API calls")
                                       : QStringLiteral("Job is running"));
        } else if (conditionKey == QLatin1String("SUSPENDED")) {
            condition.insert(QStringLiteral("status"), QStringLiteral("False"));
            condition.insert(QStringLiteral("message"), QStringLiteral("JobSuspended"));
            condition.insert(QStringLiteral("reason"), QStringLiteral("The job has been suspended"));
        } else {
            condition.insert(QStringLiteral("status"), QStringLiteral("False"));
            condition.insert(QStringLiteral("message"), QStringLiteral("JobFailed"));
            condition.insert(QStringLiteral("reason"),
                             QStringLiteral("The job has failed with a non-recoverable task failure"));
        }
        QJsonObject status{
            {QStringLiteral("conditions"), QJsonArray{condition}},
            {QStringLiteral("lifecycleState"),
             d.suspended                               ? QStringLiteral("SUSPENDED")
                 : jobState == QLatin1String("FAILED") ? QStringLiteral("FAILED")
                                                       : QStringLiteral("STABLE")},
            {QStringLiteral("jobManagerDeploymentStatus"),
             d.suspended ? QStringLiteral("MISSING") : QStringLiteral("READY")},
            {QStringLiteral("observedGeneration"), 1},
            {QStringLiteral("clusterInfo"),
             QJsonObject{{QStringLiteral("flink-version"), QStringLiteral("1.20.1")},
                         {QStringLiteral("flink-revision"), QStringLiteral("7a4f1b5 @ 2025-02-10T15:13:05+01:00")},
                         {QStringLiteral("total-cpu"), QString::number(d.cpu + d.cpu * taskManagers)},
                         {QStringLiteral("total-memory"), QString::number(memoryBytes + memoryBytes * taskManagers)}}},
            {QStringLiteral("reconciliationStatus"),
             QJsonObject{{QStringLiteral("lastReconciledSpec"), reconciled},
                         {QStringLiteral("lastStableSpec"), reconciled},
                         {QStringLiteral("reconciliationTimestamp"), startMs - 20000},
                         {QStringLiteral("state"), QStringLiteral("DEPLOYED")}}},
            {QStringLiteral("taskManager"),
             QJsonObject{{QStringLiteral("labelSelector"), QStringLiteral("component=taskmanager,app=%1").arg(d.name)},
                         {QStringLiteral("replicas"), d.suspended ? 0 : taskManagers}}},
        };
        if (!d.session)
            status.insert(QStringLiteral("jobStatus"), jobStatus(d.name, jobState, startMs));
        if (jobState == QLatin1String("FAILED"))
            status.insert(QStringLiteral("error"),
                          QStringLiteral("{\"type\":\"org.apache.flink.kubernetes.operator.exception."
                                         "ReconciliationException\",\"message\":\"Job failed\"}"));
        return status;
    }

    QJsonObject addDeployment(const DeploymentSpec &d)
    {
        const QJsonObject spec = deploymentSpec(d);
        const QJsonObject object{
            {QStringLiteral("apiVersion"), kFlinkApi},
            {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
            {QStringLiteral("metadata"),
             QJsonObject{
                 {QStringLiteral("name"), d.name},
                 {QStringLiteral("namespace"), d.ns},
                 {QStringLiteral("annotations"), d.annotations},
                 {QStringLiteral("labels"),
                  QJsonObject{{QStringLiteral("app.kubernetes.io/part-of"),
                               d.session ? QStringLiteral("session-clusters") : QStringLiteral("streaming")}}}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), deploymentStatus(d, spec)},
        };
        // Created well before the job that runs now started, as a long-lived deployment would be.
        WriteOptions created;
        const qint64 startMs = object.value(QLatin1String("status"))
                                   .toObject()
                                   .value(QLatin1String("jobStatus"))
                                   .toObject()
                                   .value(QLatin1String("startTime"))
                                   .toString()
                                   .toLongLong();
        created.creationTimestamp = startMs > 0 ? QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC).addDays(-9)
                                                : QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC).addDays(-12);
        const StoreResult result = m_store.create(QStringLiteral("flinkdeployments"), d.ns, object, created);
        if (!result.ok())
            qCWarning(lcSandboxServer) << "seeding" << d.name << "failed:" << result.code;
        if (!d.suspended)
            addRestService(d.name, d.ns);
        return result.object;
    }

    void addRestService(const QString &name, const QString &ns)
    {
        const QJsonObject service{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QString(name + QStringLiteral("-rest"))},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("app"), name},
                                      {QStringLiteral("type"), QStringLiteral("flink-native-kubernetes")}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("app"), name},
                                      {QStringLiteral("component"), QStringLiteral("jobmanager")}}},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("rest")},
                                                 {QStringLiteral("port"), 8081},
                                                 {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                                 {QStringLiteral("targetPort"), 8081}}}}}},
        };
        m_store.create(QStringLiteral("services"), ns, service);
    }

    // A FlinkSessionJob the operator has running in its session cluster; job fields such as entryClass
    // come from `extraJob`.
    QJsonObject addSessionJob(const QString &name, const QString &ns, const QString &deploymentName, int parallelism,
                              const QString &jarURI, const QString &upgradeMode, const QJsonObject &extraJob = {})
    {
        QJsonObject job{{QStringLiteral("jarURI"), jarURI},
                        {QStringLiteral("parallelism"), parallelism},
                        {QStringLiteral("upgradeMode"), upgradeMode},
                        {QStringLiteral("state"), QStringLiteral("running")}};
        for (auto it = extraJob.begin(); it != extraJob.end(); ++it)
            job.insert(it.key(), it.value());
        const QJsonObject spec{{QStringLiteral("deploymentName"), deploymentName}, {QStringLiteral("job"), job}};
        const QString reconciled = reconciledSpecString(spec, 1);
        const qint64 startMs = pastMs(60, 600);
        const QJsonObject object{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("lifecycleState"), QStringLiteral("STABLE")},
                         {QStringLiteral("observedGeneration"), 1},
                         {QStringLiteral("jobStatus"), jobStatus(name, QStringLiteral("RUNNING"), startMs)},
                         {QStringLiteral("reconciliationStatus"),
                          QJsonObject{{QStringLiteral("lastReconciledSpec"), reconciled},
                                      {QStringLiteral("lastStableSpec"), reconciled},
                                      {QStringLiteral("reconciliationTimestamp"), startMs - 10000},
                                      {QStringLiteral("state"), QStringLiteral("DEPLOYED")}}}}},
        };
        // Submitted some days ago, like the deployments, not when the sandbox started.
        WriteOptions created;
        created.creationTimestamp = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC).addDays(-4);
        const StoreResult result = m_store.create(QStringLiteral("flinksessionjobs"), ns, object, created);
        if (!result.ok())
            qCWarning(lcSandboxServer) << "seeding" << name << "failed:" << result.code;
        else
            addLifecycleEvents(result.object, false, startMs - 12000);
        return result.object;
    }

    // A completed savepoint of `deployment` (a FlinkDeployment or a FlinkSessionJob), in savepointsDir or
    // the deployment's own directory.
    QString addSavepoint(const QJsonObject &deployment, const QString &triggerType, qint64 atMs,
                         const QString &savepointsDir = {})
    {
        const QJsonObject meta = deployment.value(QStringLiteral("metadata")).toObject();
        const QString depName = meta.value(QStringLiteral("name")).toString();
        const QString ns = meta.value(QStringLiteral("namespace")).toString();
        const QString kind = deployment.value(QStringLiteral("kind")).toString(QStringLiteral("FlinkDeployment"));
        const QString dir
            = savepointsDir.isEmpty() ? QStringLiteral("s3://flink-state/%1/savepoints").arg(depName) : savepointsDir;
        const QString path = QStringLiteral("%1/savepoint-%2-%3").arg(dir, hex(6), hex(12));
        const QJsonObject object{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"),
                          QStringLiteral("%1-savepoint-%2-%3").arg(depName, triggerType.toLower()).arg(atMs)},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("snapshot.type"), QStringLiteral("SAVEPOINT")},
                                      {QStringLiteral("snapshot.trigger-type"), triggerType},
                                      {QStringLiteral("snapshot.state"), QStringLiteral("COMPLETED")},
                                      {QStringLiteral("job-reference.kind"), kind},
                                      {QStringLiteral("job-reference.name"), depName}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("backoffLimit"), 0},
                         {QStringLiteral("jobReference"),
                          QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("name"), depName}}},
                         {QStringLiteral("savepoint"),
                          QJsonObject{{QStringLiteral("alreadyExists"), triggerType == QLatin1String("UPGRADE")},
                                      {QStringLiteral("disposeOnDelete"), true},
                                      {QStringLiteral("formatType"), QStringLiteral("CANONICAL")}}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("COMPLETED")},
                         {QStringLiteral("path"), path},
                         {QStringLiteral("failures"), 0},
                         {QStringLiteral("triggerId"), hex(32)},
                         {QStringLiteral("triggerTimestamp"),
                          QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODate)},
                         {QStringLiteral("resultTimestamp"),
                          QDateTime::fromMSecsSinceEpoch(atMs + 4000, Qt::UTC).toString(Qt::ISODate)}}},
        };
        m_store.create(QStringLiteral("flinkstatesnapshots"), ns, object);
        return path;
    }

    void addEvent(const QJsonObject &deployment, const QString &reason, const QString &type, const QString &message,
                  qint64 atMs)
    {
        const QJsonObject meta = deployment.value(QStringLiteral("metadata")).toObject();
        const QString name = meta.value(QStringLiteral("name")).toString();
        const QString ns = meta.value(QStringLiteral("namespace")).toString();
        const QString when = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODate);
        const QJsonObject event{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("%1.%2").arg(name, hex(16))},
                         {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("involvedObject"),
             QJsonObject{
                 {QStringLiteral("apiVersion"), kFlinkApi},
                 {QStringLiteral("kind"), deployment.value(QStringLiteral("kind")).toString()},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("namespace"), ns},
                 {QStringLiteral("uid"), meta.value(QStringLiteral("uid")).toString()},
                 {QStringLiteral("resourceVersion"), meta.value(QStringLiteral("resourceVersion")).toString()}}},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("message"), message},
            {QStringLiteral("type"), type},
            {QStringLiteral("count"), 1},
            {QStringLiteral("firstTimestamp"), when},
            {QStringLiteral("lastTimestamp"), when},
            {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), QStringLiteral("Operator")}}},
            {QStringLiteral("reportingComponent"), QStringLiteral("Operator")},
            {QStringLiteral("reportingInstance"), QString()},
        };
        m_store.create(QStringLiteral("events"), ns, event);
    }

    // atMs: when the deployment was submitted (its job runs 12 s later); 0: one to five hours ago.
    void addLifecycleEvents(const QJsonObject &deployment, bool suspended, qint64 atMs = 0)
    {
        const qint64 at = atMs > 0 ? atMs : pastMs(60, 300);
        addEvent(deployment, QStringLiteral("Submit"), QStringLiteral("Normal"), QStringLiteral("Starting deployment"),
                 at);
        addEvent(deployment, QStringLiteral("JobStatusChanged"), QStringLiteral("Normal"),
                 QStringLiteral("Job status changed from RECONCILING to CREATED"), at + 9000);
        addEvent(deployment, QStringLiteral("JobStatusChanged"), QStringLiteral("Normal"),
                 QStringLiteral("Job status changed from CREATED to RUNNING"), at + 12000);
        if (suspended) {
            addEvent(deployment, QStringLiteral("SpecChanged"), QStringLiteral("Normal"),
                     QStringLiteral("UPGRADE change(s) detected (Diff: FlinkDeploymentSpec[job.state : running -> "
                                    "suspended]), starting reconciliation."),
                     at + 600000);
            addEvent(deployment, QStringLiteral("Suspended"), QStringLiteral("Normal"),
                     QStringLiteral("Suspending existing deployment."), at + 601000);
        }
    }

    void seedDemo()
    {
        ensureNamespace(QStringLiteral("default"));
        ensureNamespace(QStringLiteral("flink-jobs"));

        DeploymentSpec github;
        github.name = QStringLiteral("github-analytics");
        github.ns = QStringLiteral("default");
        github.parallelism = 1;
        github.upgradeMode = QStringLiteral("savepoint");
        github.kubernetesHa = true;
        github.jarURI = QStringLiteral("local:///opt/flink/usrlib/github-analytics-1.4.2.jar");
        github.extraConfiguration
            = QJsonObject{{QStringLiteral("execution.checkpointing.interval"), QStringLiteral("30s")},
                          {QStringLiteral("kubernetes.operator.periodic.savepoint.interval"), QStringLiteral("10m")}};
        // Sources see 1500 records/s: one subtask (1000/s) is backpressured, two keep up.
        github.annotations = QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("1500")},
                                         {QStringLiteral("sandbox.capstan.io/topology"), QStringLiteral("analytics")}};
        github.args = QJsonArray{QStringLiteral("--source"), QStringLiteral("kafka://events.github"),
                                 QStringLiteral("--window"), QStringLiteral("5m")};
        // The running jobs started about five hours ago: the sandbox's Prometheus holds the day before,
        // with the jobs these replaced.
        github.jobStartMs = pastMs(4 * 60 + 30, 5 * 60 + 30);
        const QJsonObject githubObject = addDeployment(github);
        addLifecycleEvents(githubObject, false, github.jobStartMs - 12000);
        addSavepoint(githubObject, QStringLiteral("MANUAL"), pastMs(24 * 60, 26 * 60));
        addSavepoint(githubObject, QStringLiteral("PERIODIC"), pastMs(60, 90));

        DeploymentSpec clickstream;
        clickstream.name = QStringLiteral("clickstream-sessionizer");
        clickstream.ns = QStringLiteral("flink-jobs");
        clickstream.parallelism = 4;
        clickstream.upgradeMode = QStringLiteral("stateless");
        clickstream.jarURI = QStringLiteral("local:///opt/flink/usrlib/clickstream-sessionizer-2.1.0.jar");
        clickstream.args = QJsonArray{QStringLiteral("--session-gap"), QStringLiteral("30m")};
        // The large job graph: 36 vertices.
        clickstream.annotations
            = QJsonObject{{QStringLiteral("sandbox.capstan.io/topology"), QStringLiteral("sessionizer")}};
        clickstream.jobStartMs = pastMs(4 * 60 + 30, 5 * 60 + 30);
        addLifecycleEvents(addDeployment(clickstream), false, clickstream.jobStartMs - 12000);

        DeploymentSpec fraud;
        fraud.name = QStringLiteral("fraud-detector");
        fraud.ns = QStringLiteral("flink-jobs");
        fraud.parallelism = 2;
        fraud.upgradeMode = QStringLiteral("last-state");
        fraud.kubernetesHa = true;
        fraud.memory = QStringLiteral("4096m");
        fraud.cpu = 2;
        fraud.jarURI = QStringLiteral("local:///opt/flink/usrlib/fraud-detector-0.9.3.jar");
        fraud.args = QJsonArray{QStringLiteral("--model"), QStringLiteral("s3://models/fraud/v7")};
        fraud.annotations = QJsonObject{{QStringLiteral("sandbox.capstan.io/topology"), QStringLiteral("fraud")}};
        fraud.jobStartMs = pastMs(4 * 60 + 30, 5 * 60 + 30);
        addLifecycleEvents(addDeployment(fraud), false, fraud.jobStartMs - 12000);

        DeploymentSpec backfill;
        backfill.name = QStringLiteral("nightly-backfill");
        backfill.ns = QStringLiteral("flink-jobs");
        backfill.parallelism = 8;
        backfill.upgradeMode = QStringLiteral("savepoint");
        backfill.suspended = true;
        backfill.jarURI = QStringLiteral("local:///opt/flink/usrlib/backfill-1.0.0.jar");
        backfill.args = QJsonArray{QStringLiteral("--date"), QStringLiteral("yesterday")};
        backfill.annotations = QJsonObject{{QStringLiteral("sandbox.capstan.io/topology"), QStringLiteral("backfill")}};
        const QJsonObject backfillObject = addDeployment(backfill);
        addLifecycleEvents(backfillObject, true);
        // Suspended in savepoint mode: the operator took an UPGRADE savepoint to resume from.
        const QString backfillSavepoint
            = addSavepoint(backfillObject, QStringLiteral("UPGRADE"), pastMs(20 * 60, 22 * 60));
        WriteOptions statusWrite;
        statusWrite.subresource = Subresource::Status;
        m_store.mergePatch(
            QStringLiteral("flinkdeployments"), backfill.ns, backfill.name,
            QJsonObject{{QStringLiteral("status"),
                         QJsonObject{{QStringLiteral("jobStatus"),
                                      QJsonObject{{QStringLiteral("upgradeSavepointPath"), backfillSavepoint}}}}}},
            statusWrite);

        DeploymentSpec session;
        session.name = QStringLiteral("analytics-session");
        session.ns = QStringLiteral("default");
        session.session = true;
        session.parallelism = 4;
        // Checkpoints and savepoints for its jobs: state-machine upgrades by savepoint.
        const QString sessionSavepoints = QStringLiteral("s3://flink-state/analytics-session/savepoints");
        session.extraConfiguration = QJsonObject{
            {QStringLiteral("state.savepoints.dir"), sessionSavepoints},
            {QStringLiteral("state.checkpoints.dir"), QStringLiteral("s3://flink-state/analytics-session/checkpoints")},
            {QStringLiteral("execution.checkpointing.interval"), QStringLiteral("30s")}};
        addDeployment(session);
        addSessionJob(QStringLiteral("top-speed-windowing"), session.ns, session.name, 2,
                      QStringLiteral("https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/"
                                     "1.20.1/flink-examples-streaming-1.20.1-TopSpeedWindowing.jar"),
                      QStringLiteral("stateless"));
        const QJsonObject stateMachine = addSessionJob(
            QStringLiteral("state-machine"), session.ns, session.name, 2,
            QStringLiteral("https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/"
                           "1.20.1/flink-examples-streaming-1.20.1.jar"),
            QStringLiteral("savepoint"),
            QJsonObject{{QStringLiteral("entryClass"),
                         QStringLiteral("org.apache.flink.streaming.examples.statemachine.StateMachineExample")}});
        // A manual savepoint of the running job, the one to roll back to.
        addSavepoint(stateMachine, QStringLiteral("MANUAL"), m_nowMs - 40 * 60 * 1000, sessionSavepoints);

        // The autoscaler at work: the input follows the day (400 records/s at night, 1600 by day), so the
        // window aggregate scales up after 08:00 UTC and back down in the evening.
        DeploymentSpec orders;
        orders.name = QStringLiteral("orders-enrichment");
        orders.ns = QStringLiteral("default");
        orders.parallelism = 1;
        orders.upgradeMode = QStringLiteral("last-state");
        orders.kubernetesHa = true;
        orders.jarURI = QStringLiteral("local:///opt/flink/usrlib/orders-enrichment-3.2.0.jar");
        orders.extraConfiguration
            = QJsonObject{{QStringLiteral("job.autoscaler.enabled"), QStringLiteral("true")},
                          {QStringLiteral("job.autoscaler.stabilization.interval"), QStringLiteral("1m")},
                          {QStringLiteral("job.autoscaler.metrics.window"), QStringLiteral("5m")},
                          {QStringLiteral("job.autoscaler.target.utilization"), QStringLiteral("0.7")},
                          {QStringLiteral("job.autoscaler.target.utilization.boundary"), QStringLiteral("0.3")},
                          {QStringLiteral("job.autoscaler.scale-down.interval"), QStringLiteral("30m")}};
        orders.annotations = QJsonObject{{QStringLiteral("sandbox.capstan.io/input-rate"), QStringLiteral("800")},
                                         {QStringLiteral("sandbox.capstan.io/load-profile"), QStringLiteral("daily")}};
        orders.jobStartMs = pastMs(4 * 60 + 30, 5 * 60 + 30);
        addLifecycleEvents(addDeployment(orders), false, orders.jobStartMs - 12000);

        addBlueGreen();
        addPrometheusService();
    }

    // A FlinkBlueGreenDeployment the operator has brought to ACTIVE_BLUE: its running child
    // checkout-bluegreen-blue, and the status the operator leaves after finalizing a transition.
    void addBlueGreen()
    {
        const QString ns = QStringLiteral("default");
        const QString name = QStringLiteral("checkout-bluegreen");
        DeploymentSpec blue;
        blue.name = name + QStringLiteral("-blue");
        blue.ns = ns;
        blue.parallelism = 2;
        blue.upgradeMode = QStringLiteral("savepoint");
        blue.jarURI = QStringLiteral("local:///opt/flink/usrlib/checkout-2.1.0.jar");
        blue.extraConfiguration
            = QJsonObject{{QStringLiteral("execution.checkpointing.interval"), QStringLiteral("30s")}};
        blue.args = QJsonArray{QStringLiteral("--source"), QStringLiteral("kafka://orders.checkout")};
        blue.jobStartMs = pastMs(26 * 60, 28 * 60);
        // The template is the child's spec with the resource's own name where the child has its name:
        // the operator writes the child's name into it.
        const QJsonObject childSpec = deploymentSpec(blue);
        const QJsonObject templateSpec
            = QJsonDocument::fromJson(QString::fromUtf8(QJsonDocument(childSpec).toJson(QJsonDocument::Compact))
                                          .replace(blue.name, name)
                                          .toUtf8())
                  .object();
        const QJsonObject spec{
            {QStringLiteral("configuration"),
             QJsonObject{
                 {QStringLiteral("kubernetes.operator.bluegreen.abort.grace-period"), QStringLiteral("10 min")},
                 {QStringLiteral("kubernetes.operator.bluegreen.deployment-deletion.delay"), QStringLiteral("30s")}}},
            {QStringLiteral("template"), QJsonObject{{QStringLiteral("spec"), templateSpec}}}};
        const QString epoch = QStringLiteral("1970-01-01T00:00:00Z");
        const QJsonObject status{
            {QStringLiteral("blueGreenState"), QStringLiteral("ACTIVE_BLUE")},
            {QStringLiteral("abortTimestamp"), epoch},
            {QStringLiteral("deploymentReadyTimestamp"), epoch},
            {QStringLiteral("jobStatus"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")},
                         {QStringLiteral("checkpointInfo"),
                          QJsonObject{{QStringLiteral("lastPeriodicCheckpointTimestamp"), 0}}},
                         {QStringLiteral("savepointInfo"),
                          QJsonObject{{QStringLiteral("lastPeriodicSavepointTimestamp"), 0},
                                      {QStringLiteral("savepointHistory"), QJsonArray()}}}}},
            {QStringLiteral("lastReconciledSpec"),
             QString::fromUtf8(
                 QJsonDocument(QJsonObject{{QStringLiteral("spec"), spec}}).toJson(QJsonDocument::Compact))},
            {QStringLiteral("lastReconciledTimestamp"),
             QDateTime::fromMSecsSinceEpoch(blue.jobStartMs - 20000, Qt::UTC).toString(Qt::ISODateWithMs)}};
        const QJsonObject object{
            {QStringLiteral("apiVersion"), kFlinkApi},
            {QStringLiteral("kind"), QStringLiteral("FlinkBlueGreenDeployment")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("app.kubernetes.io/part-of"), QStringLiteral("streaming")}}}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), status}};
        WriteOptions created;
        created.creationTimestamp = QDateTime::fromMSecsSinceEpoch(blue.jobStartMs, Qt::UTC).addDays(-9);
        const StoreResult owner = m_store.create(QStringLiteral("flinkbluegreendeployments"), ns, object, created);
        if (!owner.ok()) {
            qCWarning(lcSandboxServer) << "seeding" << name << "failed:" << owner.code;
            return;
        }
        const QJsonObject child = addDeployment(blue);
        const QJsonObject ownerReference{
            {QStringLiteral("apiVersion"), kFlinkApi},
            {QStringLiteral("kind"), QStringLiteral("FlinkBlueGreenDeployment")},
            {QStringLiteral("name"), name},
            {QStringLiteral("uid"),
             owner.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString()},
            {QStringLiteral("controller"), false},
            {QStringLiteral("blockOwnerDeletion"), true}};
        m_store.mergePatch(QStringLiteral("flinkdeployments"), ns, blue.name,
                           QJsonObject{{QStringLiteral("metadata"),
                                        QJsonObject{{QStringLiteral("labels"),
                                                     QJsonObject{{QStringLiteral("flink/blue-green-deployment-type"),
                                                                  QStringLiteral("BLUE")}}},
                                                    {QStringLiteral("ownerReferences"), QJsonArray{ownerReference}}}}});
        addLifecycleEvents(child, false, blue.jobStartMs - 12000);
    }

    // The Prometheus that scrapes the Flink reporters; the sandbox serves its query API behind this
    // Service (through the API server's service proxy).
    void addPrometheusService()
    {
        ensureNamespace(QStringLiteral("monitoring"));
        const QJsonObject service{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("prometheus")},
                         {QStringLiteral("namespace"), QStringLiteral("monitoring")},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("prometheus")}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("prometheus")}}},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                                                 {QStringLiteral("port"), 9090},
                                                 {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                                 {QStringLiteral("targetPort"), 9090}}}}}},
        };
        m_store.create(QStringLiteral("services"), QStringLiteral("monitoring"), service);
    }

    void seedGenerated(int deployments, int events, int focusEvents, int focusSnapshots)
    {
        static const char *const namespaces[] = {"default", "flink-jobs", "analytics", "payments", "ingest"};
        static const char *const words[] = {"orders",  "clicks", "payments", "sessions", "inventory", "metrics",
                                            "billing", "alerts", "search",   "profiles", "shipments", "ledger"};
        static const char *const roles[] = {"enricher", "aggregator", "sessionizer", "detector", "joiner", "sink"};
        static const char *const modes[] = {"stateless", "last-state", "savepoint"};
        for (const char *ns : namespaces)
            ensureNamespace(QLatin1String(ns));
        std::vector<QJsonObject> created;
        created.reserve(size_t(deployments));
        for (int i = 0; i < deployments; ++i) {
            DeploymentSpec d;
            d.ns = QLatin1String(namespaces[i % 5]);
            d.name = QStringLiteral("%1-%2-%3")
                         .arg(QLatin1String(words[m_random() % std::size(words)]),
                              QLatin1String(roles[m_random() % std::size(roles)]))
                         .arg(i, 5, 10, QLatin1Char('0'));
            d.parallelism = 1 << (m_random() % 4);
            d.upgradeMode = QLatin1String(modes[m_random() % std::size(modes)]);
            d.kubernetesHa = d.upgradeMode != QLatin1String("stateless");
            d.suspended = m_random() % 10 == 0;
            if (!d.suspended && m_random() % 20 == 0)
                d.jobState = QStringLiteral("FAILED");
            d.jarURI = QStringLiteral("local:///opt/flink/usrlib/%1.jar").arg(d.name);
            created.push_back(addDeployment(d));
        }
        static const char *const reasons[] = {"Submit", "JobStatusChanged", "SpecChanged", "Scaling"};
        for (int i = 0; i < events && !created.empty(); ++i) {
            // The focus deployment's Events are only its own, so that their number is known.
            const bool skipFocus = focusEvents > 0 && created.size() > 1;
            const QJsonObject &deployment = skipFocus ? created.at(1 + m_random() % (created.size() - 1))
                                                      : created.at(m_random() % created.size());
            const QString reason = QLatin1String(reasons[m_random() % std::size(reasons)]);
            addEvent(deployment, reason, QStringLiteral("Normal"),
                     reason == QLatin1String("Submit") ? QStringLiteral("Starting deployment")
                                                       : QStringLiteral("Job status changed from CREATED to RUNNING"),
                     pastMs(1, 600));
        }
        if (created.empty())
            return;
        // One deployment with a long history: an event every 20 s and a savepoint every 10 minutes
        // back from now, newest first.
        const QJsonObject &focus = created.front();
        for (int i = 0; i < focusEvents; ++i) {
            const QString reason = QLatin1String(reasons[i % std::size(reasons)]);
            addEvent(focus, reason, QStringLiteral("Normal"), QStringLiteral("%1 #%2").arg(reason).arg(focusEvents - i),
                     m_nowMs - qint64(i + 1) * 20000);
        }
        for (int i = 0; i < focusSnapshots; ++i)
            addSavepoint(focus, QStringLiteral("PERIODIC"), m_nowMs - qint64(i + 1) * 600000);
    }

private:
    ResourceStore &m_store;
    std::mt19937_64 m_random;
    qint64 m_nowMs;
};

} // namespace

void seedDemoData(ResourceStore &store, int deployments, int events, quint64 seed, int focusEvents, int focusSnapshots,
                  qint64 nowMs)
{
    Seeder seeder(store, seed, nowMs);
    if (deployments < 0) {
        seeder.seedDemo();
    } else {
        seeder.seedGenerated(deployments, events, focusEvents, focusSnapshots);
    }
}

} // namespace capstan::sandbox
