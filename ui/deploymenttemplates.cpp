#include "ui/deploymenttemplates.h"

#include "flink/yamlreader.h"
#include "vvp/vvpobjects.h"

namespace capstan {

namespace {
// The templates' text: placeholders (bucket, jar) are meant to be edited before creating.
const char *const kStateless = R"(apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: wordcount
spec:
  image: flink:1.20
  flinkVersion: v1_20
  serviceAccount: flink
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
  jobManager:
    resource:
      cpu: 1
      memory: 1600m
  taskManager:
    replicas: 1
    resource:
      cpu: 1
      memory: 1728m
  job:
    jarURI: local:///opt/flink/examples/streaming/WordCount.jar
    args: ["--execution-mode", "STREAMING"]
    parallelism: 2
    upgradeMode: stateless
    state: running
)";

const char *const kLastStateHa = R"(apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders-enrichment
spec:
  image: flink:1.20
  flinkVersion: v1_20
  serviceAccount: flink
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
    execution.checkpointing.interval: 30s
    state.checkpoints.dir: s3://my-bucket/flink/orders-enrichment/checkpoints
    state.savepoints.dir: s3://my-bucket/flink/orders-enrichment/savepoints
    high-availability.type: kubernetes
    high-availability.storageDir: s3://my-bucket/flink/orders-enrichment/ha
    restart-strategy.type: exponential-delay
  jobManager:
    resource:
      cpu: 1
      memory: 2g
  taskManager:
    replicas: 2
    resource:
      cpu: 2
      memory: 4g
  job:
    jarURI: local:///opt/flink/usrlib/orders-enrichment.jar
    entryClass: com.example.orders.EnrichmentJob
    args: []
    parallelism: 4
    upgradeMode: last-state
    state: running
)";

const char *const kSavepointPeriodic = R"(apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: clickstream-sessions
spec:
  image: flink:1.20
  flinkVersion: v1_20
  serviceAccount: flink
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
    execution.checkpointing.interval: 1m
    state.checkpoints.dir: s3://my-bucket/flink/clickstream-sessions/checkpoints
    state.savepoints.dir: s3://my-bucket/flink/clickstream-sessions/savepoints
    high-availability.type: kubernetes
    high-availability.storageDir: s3://my-bucket/flink/clickstream-sessions/ha
    kubernetes.operator.periodic.savepoint.interval: 6h
    kubernetes.operator.savepoint.history.max.count: "5"
    kubernetes.operator.deployment.rollback.enabled: "true"
  jobManager:
    resource:
      cpu: 1
      memory: 2g
  taskManager:
    replicas: 2
    resource:
      cpu: 2
      memory: 4g
  job:
    jarURI: local:///opt/flink/usrlib/clickstream-sessions.jar
    entryClass: com.example.clicks.SessionizeJob
    args: ["--window", "30min"]
    parallelism: 2
    upgradeMode: savepoint
    state: running
)";

// Ververica Platform Deployments: what the template leaves out (the deployment target, resources, most
// configuration) comes from the namespace's Deployment Defaults, as in the platform's own UI.
const char *const kPlatformStateful = R"(apiVersion: v1
kind: Deployment
metadata:
  name: top-speed-windowing
spec:
  state: RUNNING
  upgradeStrategy:
    kind: STATEFUL
  restoreStrategy:
    kind: LATEST_STATE
    allowNonRestoredState: false
  template:
    spec:
      artifact:
        kind: JAR
        jarUri: https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.2/flink-examples-streaming_2.12-1.17.2-TopSpeedWindowing.jar
        entryClass: org.apache.flink.streaming.examples.windowing.TopSpeedWindowing
        mainArgs: --output /tmp/top-speed
        flinkVersion: "1.17"
      parallelism: 2
      flinkConfiguration:
        high-availability: vvp-kubernetes
        execution.checkpointing.interval: 10s
        execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION
)";

const char *const kPlatformStateless = R"(apiVersion: v1
kind: Deployment
metadata:
  name: word-count
spec:
  state: RUNNING
  upgradeStrategy:
    kind: STATELESS
  restoreStrategy:
    kind: NONE
  template:
    spec:
      artifact:
        kind: JAR
        jarUri: https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.2/flink-examples-streaming_2.12-1.17.2-WordCount.jar
        entryClass: org.apache.flink.streaming.examples.wordcount.WordCount
        flinkVersion: "1.17"
      parallelism: 1
)";

QJsonObject objectOf(const char *yaml)
{
    // The texts above are constant and parse (tst_configuredialog creates from each of them).
    const Result<QJsonValue> parsed = YamlReader::parse(QString::fromUtf8(yaml));
    return parsed.ok() ? parsed->toObject() : QJsonObject();
}
} // namespace

QList<DeploymentTemplates::Template> DeploymentTemplates::all()
{
    return {
        {QStringLiteral("stateless"), tr("Stateless job"),
         tr("A job without state to keep: every upgrade starts it again with empty state."), objectOf(kStateless)},
        {QStringLiteral("last-state-ha"), tr("Checkpointing with Kubernetes HA (last-state)"),
         tr("Checkpoints every 30 s; upgrades restore the latest checkpoint kept through Kubernetes HA."),
         objectOf(kLastStateHa)},
        {QStringLiteral("savepoint-periodic"), tr("Savepoint upgrades with periodic savepoints"),
         tr("Upgrades take a savepoint and restore it; a savepoint is also taken every 6 hours."),
         objectOf(kSavepointPeriodic)},
    };
}

QList<DeploymentTemplates::Template> DeploymentTemplates::platform()
{
    return {
        {QStringLiteral("platform-stateful"), tr("Stateful job (Ververica Platform)"),
         tr("Upgrades take a savepoint; a start restores the latest savepoint or retained checkpoint through "
            "the platform's Kubernetes HA."),
         objectOf(kPlatformStateful)},
        {QStringLiteral("platform-stateless"), tr("Stateless job (Ververica Platform)"),
         tr("Upgrades and starts begin with empty state."), objectOf(kPlatformStateless)},
    };
}

QList<DeploymentTemplates::Template> DeploymentTemplates::forObject(const QJsonObject &object)
{
    return VvpObjects::isPlatformDeployment(object) ? platform() : all();
}

DeploymentTemplates::Template DeploymentTemplates::byId(const QString &id)
{
    const QList<Template> templates = all() + platform();
    for (const Template &t : templates) {
        if (t.id == id)
            return t;
    }
    return templates.first();
}

} // namespace capstan
