#include "ui/specchecks.h"

#include "flink/flinkconfiguration.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace capstan {

namespace {
const QLatin1String kHaStorage("high-availability.storageDir");
const QLatin1String kCheckpointsDir("state.checkpoints.dir");
const QLatin1String kSavepointsDir("state.savepoints.dir");
const QLatin1String kPeriodicSavepoint("kubernetes.operator.periodic.savepoint.interval");

bool isZeroDuration(const QString &text)
{
    static const QRegularExpression zero(QStringLiteral("^\\s*0+\\s*[a-zA-Z]*\\s*$"));
    return zero.match(text).hasMatch();
}
} // namespace

QList<SpecChecks::Problem> SpecChecks::check(const QJsonObject &spec)
{
    QList<Problem> problems;
    const QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const bool hasJob = spec.contains(QLatin1String("job"));
    // A session job's image, version and resources are its session cluster's, and so is most of its
    // configuration (the operator checks the two merged): only the job's own fields are checked here.
    const bool sessionJob = spec.contains(QLatin1String("deploymentName"));

    if (hasJob) {
        const QJsonValue parallelism = job.value(QLatin1String("parallelism"));
        if (parallelism.isDouble() && parallelism.toDouble() < 1)
            problems.append({QStringLiteral("job.parallelism"), tr("Parallelism must be at least 1.")});
        if (job.value(QLatin1String("jarURI")).toString().trimmed().isEmpty())
            problems.append({QStringLiteral("job.jarURI"),
                             tr("An application deployment needs a jar URI, e.g. local:///opt/flink/usrlib/job.jar.")});

        const QString mode = job.value(QLatin1String("upgradeMode")).toString();
        const FlinkConfiguration configuration(spec);
        if (sessionJob) {
            // Checked by the operator against the session cluster's configuration.
        } else if (mode == QLatin1String("last-state")) {
            if (configuration.value(kCheckpointsDir).trimmed().isEmpty())
                problems.append({QStringLiteral("job.upgradeMode"),
                                 tr("Last-state needs a checkpoint directory: set state.checkpoints.dir.")});
            if (!configuration.kubernetesHa())
                problems.append({QStringLiteral("job.upgradeMode"),
                                 tr("Last-state needs Kubernetes HA: turn on “Enable Kubernetes HA”.")});
        } else if (mode == QLatin1String("savepoint")) {
            if (configuration.value(kSavepointsDir).trimmed().isEmpty())
                problems.append({QStringLiteral("job.upgradeMode"),
                                 tr("Savepoint mode needs a savepoint directory: set state.savepoints.dir.")});
        }
        const QString initial = job.value(QLatin1String("initialSavepointPath")).toString();
        if (job.contains(QLatin1String("initialSavepointPath")) && initial.trimmed().isEmpty())
            problems.append({QStringLiteral("job.initialSavepointPath"),
                             tr("The initial savepoint path is empty: remove it or give the savepoint's path.")});
    }

    if (sessionJob)
        return problems;
    if (spec.value(QLatin1String("image")).toString().trimmed().isEmpty())
        problems.append({QStringLiteral("image"), tr("Choose a container image, e.g. flink:1.20.")});
    if (spec.value(QLatin1String("flinkVersion")).toString().isEmpty())
        problems.append({QStringLiteral("flinkVersion"), tr("Choose the Flink version the image runs.")});

    for (const QString &component : {QStringLiteral("jobManager"), QStringLiteral("taskManager")}) {
        const QJsonObject resource = spec.value(component).toObject().value(QLatin1String("resource")).toObject();
        const QJsonValue cpu = resource.value(QLatin1String("cpu"));
        if (cpu.isDouble() && cpu.toDouble() <= 0)
            problems.append({component + QStringLiteral(".resource.cpu"), tr("CPU must be more than 0.")});
        const QJsonValue memory = resource.value(QLatin1String("memory"));
        if (memory.isString() && !isValidMemory(memory.toString()))
            problems.append(
                {component + QStringLiteral(".resource.memory"),
                 tr("Memory \u201c%1\u201d is not a size: use e.g. 2048m, 2g or 2Gi.").arg(memory.toString())});
    }
    const QJsonValue replicas = spec.value(QLatin1String("taskManager")).toObject().value(QLatin1String("replicas"));
    if (replicas.isDouble() && replicas.toDouble() < 1)
        problems.append({QStringLiteral("taskManager.replicas"), tr("TaskManager replicas must be at least 1.")});

    const FlinkConfiguration configuration(spec);
    if (configuration.kubernetesHa() && configuration.value(kHaStorage).trimmed().isEmpty())
        problems.append({QStringLiteral("flinkConfiguration.high-availability.storageDir"),
                         tr("Kubernetes HA needs a storage directory (high-availability.storageDir).")});
    const QString periodic = configuration.value(kPeriodicSavepoint);
    if (!periodic.trimmed().isEmpty() && !isZeroDuration(periodic)
        && configuration.value(kSavepointsDir).trimmed().isEmpty())
        problems.append({QStringLiteral("flinkConfiguration"),
                         tr("Periodic savepoints need a savepoint directory: set state.savepoints.dir.")});
    return problems;
}

QString SpecChecks::checkName(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    if (name.isEmpty())
        return tr("Give the deployment a name.");
    if (name.size() > 45)
        return tr("The name is too long: at most 45 characters.");
    if (!label.match(name).hasMatch())
        return tr("Use lowercase letters, digits and \u2018-\u2019, starting with a letter and ending with a "
                  "letter or digit.");
    return {};
}

bool SpecChecks::isValidMemory(const QString &memory)
{
    // Flink MemorySize ("2048m", "2 gb", "1024mebibytes") or a Kubernetes quantity ("2Gi", "1500M").
    static const QRegularExpression size(
        QStringLiteral("^\\s*[0-9]+(\\.[0-9]+)?\\s*(b|bytes|k|kb|kibibytes|m|mb|mebibytes|g|gb|gibibytes|t|tb|"
                       "tebibytes|ki|mi|gi|ti|pi|ei|p|e)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return size.match(memory).hasMatch();
}

QList<SpecChecks::Problem> SpecChecks::checkPlatform(const QJsonObject &spec)
{
    QList<Problem> problems;
    const auto oneOf = [&](const QString &field, const QString &value, const QStringList &allowed) {
        if (!value.isEmpty() && !allowed.contains(value))
            problems.append(
                {field, tr("\u201c%1\u201d is not one of %2.").arg(value, allowed.join(QStringLiteral(", ")))});
    };
    oneOf(QStringLiteral("state"), spec.value(QLatin1String("state")).toString(),
          {QStringLiteral("RUNNING"), QStringLiteral("SUSPENDED"), QStringLiteral("CANCELLED")});
    const QString upgrade
        = spec.value(QLatin1String("upgradeStrategy")).toObject().value(QLatin1String("kind")).toString();
    oneOf(QStringLiteral("upgradeStrategy.kind"), upgrade,
          {QStringLiteral("STATEFUL"), QStringLiteral("STATELESS"), QStringLiteral("NONE")});
    const QString restore
        = spec.value(QLatin1String("restoreStrategy")).toObject().value(QLatin1String("kind")).toString();
    oneOf(QStringLiteral("restoreStrategy.kind"), restore,
          {QStringLiteral("LATEST_STATE"), QStringLiteral("LATEST_SAVEPOINT"), QStringLiteral("NONE")});
    const QJsonObject templateSpec
        = spec.value(QLatin1String("template")).toObject().value(QLatin1String("spec")).toObject();
    const QJsonValue parallelism = templateSpec.value(QLatin1String("parallelism"));
    if (!parallelism.isUndefined() && (!parallelism.isDouble() || parallelism.toInt() < 1))
        problems.append(
            {QStringLiteral("template.spec.parallelism"), tr("Parallelism must be a whole number of at least 1.")});
    const QJsonObject artifact = templateSpec.value(QLatin1String("artifact")).toObject();
    const QString kind = artifact.value(QLatin1String("kind")).toString(QStringLiteral("JAR"));
    // A deployment without an artifact may take it from the namespace's Deployment Defaults.
    if (!artifact.isEmpty() && kind == QLatin1String("JAR")
        && artifact.value(QLatin1String("jarUri")).toString().trimmed().isEmpty())
        problems.append({QStringLiteral("template.spec.artifact.jarUri"),
                         tr("A JAR deployment needs the jar's URI, e.g. s3://artifacts/job.jar.")});
    const QJsonObject resources = templateSpec.value(QLatin1String("resources")).toObject();
    for (const QString &component : {QStringLiteral("jobmanager"), QStringLiteral("taskmanager")}) {
        const QJsonObject resource = resources.value(component).toObject();
        const QString field = QStringLiteral("template.spec.resources.") + component;
        const QJsonValue cpu = resource.value(QLatin1String("cpu"));
        if (!cpu.isUndefined() && (!cpu.isDouble() || cpu.toDouble() <= 0))
            problems.append({field + QStringLiteral(".cpu"), tr("CPU must be a number more than 0.")});
        const QJsonValue memory = resource.value(QLatin1String("memory"));
        if (!memory.isUndefined() && (!memory.isString() || !isValidMemory(memory.toString())))
            problems.append({field + QStringLiteral(".memory"),
                             tr("Memory \u201c%1\u201d is not a size: use e.g. 2G or 4096m.")
                                 .arg(memory.isString() ? memory.toString() : QString())});
    }
    const QJsonValue taskManagers = templateSpec.value(QLatin1String("numberOfTaskManagers"));
    if (!taskManagers.isUndefined() && (!taskManagers.isDouble() || taskManagers.toInt() < 1))
        problems.append({QStringLiteral("template.spec.numberOfTaskManagers"),
                         tr("The number of TaskManagers must be a whole number of at least 1.")});
    // Every configuration value of the platform's spec is a string.
    const QJsonObject configuration = templateSpec.value(QLatin1String("flinkConfiguration")).toObject();
    for (auto it = configuration.begin(); it != configuration.end(); ++it) {
        if (!it.value().isString())
            problems.append({QStringLiteral("template.spec.flinkConfiguration"),
                             tr("The value of %1 must be text: write it in quotes.").arg(it.key())});
    }
    return problems;
}

} // namespace capstan
