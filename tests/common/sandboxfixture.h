#pragma once

// Starts a SandboxServer on loopback and resolves its kubeconfig the way Capstan does, so tests
// exercise real TLS, authentication and watch streams.

#include "kube/connectionconfig.h"
#include "kube/kubeconfigloader.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/virtualclock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace capstan::test {

class SandboxFixture
{
public:
    // speed > 0 runs the operator simulation on a virtual clock that fast.
    explicit SandboxFixture(int deployments = 0, double speed = 0)
    {
        sandbox::SandboxOptions options;
        options.deployments = deployments;
        if (speed > 0) {
            options.operatorSimulation = true;
            options.speed = speed;
        }
        server = std::make_unique<sandbox::SandboxServer>(options);
        QString error;
        started = server->start(&error);
        if (!started)
            qWarning("sandbox did not start: %s", qPrintable(error));
        kubeconfigPath = dir.filePath(QStringLiteral("kubeconfig.yaml"));
        if (started) {
            server->writeKubeconfig(kubeconfigPath);
            for (const QString &ns : {QStringLiteral("default"), QStringLiteral("flink-jobs")}) {
                const QJsonObject object{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}};
                server->store().create(QStringLiteral("namespaces"), QString(), object); // AlreadyExists is fine
            }
        }
    }

    Result<ConnectionConfig> connection(const QString &context = QStringLiteral("sandbox")) const
    {
        const auto config = KubeConfigLoader::load({kubeconfigPath, QString(), QString()});
        if (!config)
            return config.error();
        return ConnectionConfig::resolve(config.value(), context);
    }

    KubeConfig kubeConfig() const { return KubeConfigLoader::load({kubeconfigPath, QString(), QString()}).value(); }

    static QJsonObject deployment(const QString &name, int parallelism = 1)
    {
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("image"), QStringLiteral("flink:1.20")},
                         {QStringLiteral("flinkVersion"), QStringLiteral("v1_20")},
                         {QStringLiteral("serviceAccount"), QStringLiteral("flink")},
                         {QStringLiteral("jobManager"),
                          QJsonObject{{QStringLiteral("resource"),
                                       QJsonObject{{QStringLiteral("memory"), QStringLiteral("2048m")},
                                                   {QStringLiteral("cpu"), 1}}}}},
                         {QStringLiteral("taskManager"),
                          QJsonObject{{QStringLiteral("resource"),
                                       QJsonObject{{QStringLiteral("memory"), QStringLiteral("2048m")},
                                                   {QStringLiteral("cpu"), 1}}}}},
                         {QStringLiteral("job"),
                          QJsonObject{{QStringLiteral("jarURI"),
                                       QStringLiteral("local:///opt/flink/examples/streaming/StateMachineExample.jar")},
                                      {QStringLiteral("parallelism"), parallelism},
                                      {QStringLiteral("upgradeMode"), QStringLiteral("stateless")}}}}}};
    }

    // deployment() with two slots per TaskManager (ceil(parallelism / 2) TaskManager pods) and a checkpoint
    // every 10 s; the fields of extraSpec replace the spec's.
    static QJsonObject podDeployment(const QString &name, int parallelism, const QJsonObject &extraSpec = {})
    {
        QJsonObject object = deployment(name, parallelism);
        QJsonObject spec = object.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("flinkConfiguration"),
                    QJsonObject{{QStringLiteral("taskmanager.numberOfTaskSlots"), QStringLiteral("2")},
                                {QStringLiteral("execution.checkpointing.interval"), QStringLiteral("10s")}});
        for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
            spec.insert(it.key(), it.value());
        object.insert(QStringLiteral("spec"), spec);
        return object;
    }

    // A one-subtask pod deployment with the operator's autoscaler on, a 1 min stabilization and a 2 min
    // metric window (decisions within minutes of simulated time); `autoscaler` adds or overrides options.
    static QJsonObject autoscaledDeployment(const QString &name, const QJsonObject &autoscaler,
                                            const QJsonObject &annotations)
    {
        QJsonObject object = podDeployment(name, 1);
        QJsonObject spec = object.value(QLatin1String("spec")).toObject();
        QJsonObject conf = spec.value(QLatin1String("flinkConfiguration")).toObject();
        conf.insert(QStringLiteral("job.autoscaler.enabled"), QStringLiteral("true"));
        conf.insert(QStringLiteral("job.autoscaler.stabilization.interval"), QStringLiteral("1m"));
        conf.insert(QStringLiteral("job.autoscaler.metrics.window"), QStringLiteral("2m"));
        for (auto it = autoscaler.begin(); it != autoscaler.end(); ++it)
            conf.insert(it.key(), it.value());
        spec.insert(QStringLiteral("flinkConfiguration"), conf);
        object.insert(QStringLiteral("spec"), spec);
        QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("annotations"), annotations);
        object.insert(QStringLiteral("metadata"), meta);
        return object;
    }

    // Moves the operator simulation's clock to hour:minute UTC of its current day (load profiles follow
    // the time of day).
    void setTimeOfDay(int hour, int minute)
    {
        sandbox::VirtualClock &clock = server->operatorSimulation()->clock();
        const qint64 now = clock.nowMs();
        const QDateTime today(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date(), QTime(hour, minute), Qt::UTC);
        clock.shift(today.toMSecsSinceEpoch() - now);
    }

    // Runs the (paused) operator simulation `ms` of its time forward in passes of 250 ms; `afterPass`,
    // when given, runs after each with the time done so far.
    void stepSimulation(qint64 ms, const std::function<void(qint64 done)> &afterPass = {})
    {
        sandbox::OperatorSimulation *simulation = server->operatorSimulation();
        for (qint64 done = 0; done < ms; done += 250) {
            simulation->clock().advance(250);
            simulation->reconcileOnce();
            if (afterPass)
                afterPass(done);
        }
    }

    // uid → resourceVersion of every FlinkDeployment the server holds (in `ns`, or all).
    QMap<QString, QString> serverState(const QString &ns = {}) const
    {
        QMap<QString, QString> state;
        const auto result = server->store().list(QStringLiteral("flinkdeployments"), ns);
        const QJsonArray items = result.object.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject metadata = item.toObject().value(QLatin1String("metadata")).toObject();
            state.insert(metadata.value(QLatin1String("uid")).toString(),
                         metadata.value(QLatin1String("resourceVersion")).toString());
        }
        return state;
    }

    // How many rows a deployment list of `ns` (or all) shows: FlinkDeployments, FlinkSessionJobs and
    // FlinkBlueGreenDeployments.
    int listedCount(const QString &ns = {}) const
    {
        int count = 0;
        for (const QString &plural : {QStringLiteral("flinkdeployments"), QStringLiteral("flinksessionjobs"),
                                      QStringLiteral("flinkbluegreendeployments")})
            count += int(server->store().list(plural, ns).object.value(QLatin1String("items")).toArray().size());
        return count;
    }

    static QMap<QString, QString> clientState(const QHash<QString, QJsonObject> &objects)
    {
        QMap<QString, QString> state;
        for (auto it = objects.cbegin(); it != objects.cend(); ++it)
            state.insert(
                it.key(),
                it->value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString());
        return state;
    }

    QTemporaryDir dir;
    std::unique_ptr<sandbox::SandboxServer> server;
    QString kubeconfigPath;
    bool started = false;
};

} // namespace capstan::test
