// The Fleet benchmark: N `capstan-sandbox` clusters with D FlinkDeployments each (10 × 2,000 by default),
// one kubeconfig with a context per cluster, and a fresh Capstan process (this program with --probe: the
// real MainWindow, offscreen, View ▸ Fleet shown) watching them all. It reports:
//
//   start → fleet      process start to the Fleet holding N·D rows, painted (timed here, so the child's
//                      whole start-up counts)
//   kubectl            `kubectl get flinkdeployments -A -o json` on the largest context, cold and warm
//                      discovery cache (its own HOME and KUBECACHEDIR), and start → fleet / kubectl (warm)
//   RSS after load     VmRSS a few seconds after the fleet is listed
//   stall p50/p99/max  GUI event-loop latency (a probe posted every 5 ms) while the clusters write
//                      `--churn-rate` changes per second between them
//   RSS after churn
//
// Targets (issue 19): RSS ≤ 300 MB, start → fleet ≤ 2 × kubectl, stall p99 ≤ 16 ms.
//
// Usage: bench_fleet [result.json] [--contexts 10] [--deployments 2000] [--churn-rate 2000]
//                    [--churn-seconds 60] [--settle-ms 5000] [--kubectl kubectl]

#include "kube/kubeconfigloader.h"
#include "ui/fleet/fleetmodel.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/fleet/fleetview.h"
#include "ui/mainwindow.h"

#include "childoutput.h"
#include "probestatus.h"
#include "stallprobe.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace capstan;
using capstan::bench::collectProbe;
using capstan::bench::heapInUseMb;
using capstan::bench::kubectlListMs;
using capstan::bench::pause;
using capstan::bench::percentile;
using capstan::bench::readLine;
using capstan::bench::say;
using capstan::bench::StallProbe;
using capstan::bench::statusMb;
using capstan::bench::waitUntil;

namespace {

struct Settings
{
    QString jsonPath;
    int contexts = 10;
    int deployments = 2000;
    int churnRate = 2000;
    int churnSeconds = 60;
    int settleMs = 5000;
    QString kubectl = QStringLiteral("kubectl");
};

QElapsedTimer g_sinceMain;

// The measured side: MainWindow with the Fleet shown, on the merged kubeconfig.
int probe(const QStringList &args)
{
    QString kubeconfig;
    int rows = 0;
    QList<qint64> sandboxPids;
    int churnSeconds = 0;
    int settleMs = 5000;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString &key = args.at(i);
        const QString &value = args.at(i + 1);
        if (key == QLatin1String("--kubeconfig"))
            kubeconfig = value;
        else if (key == QLatin1String("--rows"))
            rows = value.toInt();
        else if (key == QLatin1String("--sandbox-pids"))
            for (const QString &pid : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                sandboxPids << pid.toLongLong();
        else if (key == QLatin1String("--churn-seconds"))
            churnSeconds = value.toInt();
        else if (key == QLatin1String("--settle-ms"))
            settleMs = value.toInt();
    }
    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    if (!config) {
        std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(config.error().toString()));
        return 1;
    }
    MainWindow window(config.value(), QString(), QStringLiteral("all"));
    window.resize(1400, 900);
    window.show();
    auto *fleetAction = window.findChild<QAction *>(QStringLiteral("fleetAction"));
    if (!fleetAction)
        return 1;
    if (!fleetAction->isChecked())
        fleetAction->trigger();
    FleetSessions *sessions = window.fleetSessions();
    FleetModel *model = window.fleetView()->model();

    // 1. Start → every context's rows listed.
    waitUntil([&] { return model->rowCount() >= rows; }, {model}, 600000);
    const double populatedMs = double(g_sinceMain.nsecsElapsed()) / 1e6;
    say("populated " + QByteArray::number(populatedMs, 'f', 1));
    // A context's rows arrive just before its Live state: give the last one a moment.
    const auto countLive = [sessions] {
        int n = 0;
        for (const QString &context : sessions->contexts())
            n += sessions->status(context) == FleetSessions::Status::Live ? 1 : 0;
        return n;
    };
    waitUntil([&] { return countLive() == sessions->contexts().size(); }, {}, 10000);
    const int live = countLive();
    QJsonObject result{{QStringLiteral("rows"), model->rowCount()},
                       {QStringLiteral("contextsLive"), live},
                       {QStringLiteral("populatedInProcessMs"), populatedMs}};

    // 2. Memory once the load has settled.
    pause(settleMs);
    result.insert(QStringLiteral("rssLoadMb"), statusMb("VmRSS"));
    result.insert(QStringLiteral("hwmLoadMb"), statusMb("VmHWM"));
    result.insert(QStringLiteral("heapLoadMb"), heapInUseMb());

    // 3. Churn in every cluster at once; the GUI's latency sampled all along.
    if (churnSeconds > 0 && !sandboxPids.isEmpty()) {
        qint64 rowUpdates = 0;
        const auto counting = QObject::connect(
            model, &QAbstractItemModel::dataChanged, model,
            [&](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (roles.isEmpty())
                    rowUpdates += bottomRight.row() - topLeft.row() + 1;
            });
        QObject receiver;
        StallProbe stall(&receiver);
        for (const qint64 pid : std::as_const(sandboxPids))
            ::kill(pid_t(pid), SIGUSR1);
        stall.start();
        pause(churnSeconds * 1000);
        stall.stop();
        for (const qint64 pid : std::as_const(sandboxPids))
            ::kill(pid_t(pid), SIGUSR2);
        QObject::disconnect(counting);
        QCoreApplication::processEvents();
        const QList<double> samples = stall.samples();
        result.insert(QStringLiteral("rowUpdatesPerSecond"), double(rowUpdates) / churnSeconds);
        result.insert(QStringLiteral("stallSamples"), int(samples.size()));
        result.insert(QStringLiteral("stallP50Ms"), percentile(samples, 50));
        result.insert(QStringLiteral("stallP99Ms"), percentile(samples, 99));
        result.insert(QStringLiteral("stallMaxMs"), percentile(samples, 100));
        pause(2000);
        result.insert(QStringLiteral("rssChurnEndMb"), statusMb("VmRSS"));
        result.insert(QStringLiteral("hwmEndMb"), statusMb("VmHWM"));
        result.insert(QStringLiteral("rowsAfterChurn"), model->rowCount());
    }
    say("result " + QJsonDocument(result).toJson(QJsonDocument::Compact));
    return 0;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// One kubeconfig with a context "fleet-<i>" per sandbox (its admin user).
bool writeMergedKubeconfig(const QStringList &files, const QString &path)
{
    QByteArray clusters = "clusters:\n";
    QByteArray users = "users:\n";
    QByteArray contexts = "contexts:\n";
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto config = KubeConfigLoader::load({files.at(i), QString(), QString()});
        if (!config)
            return false;
        const KubeContext *context = config.value().context(QStringLiteral("sandbox"));
        const KubeCluster *cluster = context ? config.value().cluster(context->cluster) : nullptr;
        const KubeUser *user = context ? config.value().user(context->user) : nullptr;
        if (!cluster || !user)
            return false;
        const QByteArray name = "fleet-" + QByteArray::number(i + 1);
        clusters += "- name: " + name + "\n  cluster:\n    server: " + cluster->server.toUtf8()
            + "\n    certificate-authority-data: " + cluster->certificateAuthorityData.toBase64() + "\n";
        users += "- name: " + name + "\n  user:\n    token: " + user->token.toUtf8() + "\n";
        contexts += "- name: " + name + "\n  context:\n    cluster: " + name + "\n    user: " + name + "\n";
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("apiVersion: v1\nkind: Config\n" + clusters + users + contexts + "current-context: fleet-1\n");
    return true;
}

struct Figure
{
    const char *key;
    const char *label;
    const char *unit;
    int decimals;
    double target; // <= this; 0: none
};

const Figure kFigures[] = {
    {"startToFleetMs", "start -> full fleet listed", "ms", 0, 0},
    {"kubectlColdMs", "kubectl get -A -o json, one context (cold cache)", "ms", 0, 0},
    {"kubectlWarmMs", "kubectl get -A -o json, one context (warm cache)", "ms", 0, 0},
    {"startVsKubectl", "start -> fleet / kubectl (warm)", "x", 2, 2},
    {"rssLoadMb", "RSS after the fleet is listed", "MB", 1, 300},
    {"stallP50Ms", "GUI stall p50 under churn", "ms", 2, 0},
    {"stallP99Ms", "GUI stall p99 under churn", "ms", 2, 16},
    {"stallMaxMs", "GUI stall max under churn", "ms", 1, 0},
    {"rowUpdatesPerSecond", "fleet rows updated per second of churn", "/s", 0, 0},
    {"rssChurnEndMb", "RSS after churn", "MB", 1, 0},
};

int run(const Settings &settings)
{
    QTemporaryDir dir;
    QList<std::shared_ptr<QProcess>> sandboxes;
    QStringList files;
    QStringList pids;
    const int perContextRate = settings.churnRate / std::max(1, settings.contexts);
    for (int i = 0; i < settings.contexts; ++i) {
        auto sandbox = std::make_shared<QProcess>();
        sandbox->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QString kubeconfig = dir.filePath(QStringLiteral("sandbox-%1.yaml").arg(i + 1));
        sandbox->start(QStringLiteral(CAPSTAN_SANDBOX_PATH),
                       {QStringLiteral("--no-operator"), QStringLiteral("--no-vvp"), QStringLiteral("--deployments"),
                        QString::number(settings.deployments), QStringLiteral("--churn"),
                        QString::number(perContextRate), QStringLiteral("--churn-on-signal"), QStringLiteral("--seed"),
                        QString::number(i + 1), QStringLiteral("--kubeconfig-out"), kubeconfig});
        sandboxes << sandbox;
        files << kubeconfig;
    }
    QJsonObject result{{QStringLiteral("contexts"), settings.contexts},
                       {QStringLiteral("deploymentsPerContext"), settings.deployments},
                       {QStringLiteral("churnRate"), perContextRate * settings.contexts}};
    for (const auto &sandbox : std::as_const(sandboxes)) {
        if (!readLine(*sandbox, "Kubeconfig written", 600000)) {
            std::fprintf(stderr, "bench_fleet: a sandbox did not start\n");
            return 1;
        }
        pids << QString::number(sandbox->processId());
    }
    const QString merged = dir.filePath(QStringLiteral("fleet.yaml"));
    if (!writeMergedKubeconfig(files, merged)) {
        std::fprintf(stderr, "bench_fleet: cannot write the fleet's kubeconfig\n");
        return 1;
    }

    QProcessEnvironment kubectlEnv = QProcessEnvironment::systemEnvironment();
    kubectlEnv.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("kubectl-home")));
    kubectlEnv.insert(QStringLiteral("KUBECACHEDIR"), dir.filePath(QStringLiteral("kubectl-cache")));
    // Every context is as large as the others: the first stands for the largest.
    for (const QString &key : {QStringLiteral("kubectlColdMs"), QStringLiteral("kubectlWarmMs")}) {
        const double ms = kubectlListMs(
            settings.kubectl,
            {QStringLiteral("--kubeconfig"), merged, QStringLiteral("--context"), QStringLiteral("fleet-1")},
            kubectlEnv);
        if (ms >= 0)
            result.insert(key, ms);
    }

    // A fresh user: no settings, no local history, no cache.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[variable, sub] : {std::pair{"HOME", "home"}, std::pair{"XDG_CONFIG_HOME", "config"},
                                        std::pair{"XDG_DATA_HOME", "data"}, std::pair{"XDG_CACHE_HOME", "cache"}}) {
        env.insert(QString::fromLatin1(variable), dir.filePath(QString::fromLatin1(sub)));
        QDir().mkpath(dir.filePath(QString::fromLatin1(sub)));
    }
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    QProcess child;
    child.setProcessEnvironment(env);
    const QString log = dir.filePath(QStringLiteral("probe.log"));
    child.setStandardErrorFile(log);
    QElapsedTimer timer;
    timer.start();
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--probe"), QStringLiteral("--kubeconfig"), merged, QStringLiteral("--rows"),
                 QString::number(settings.contexts * settings.deployments), QStringLiteral("--sandbox-pids"),
                 pids.join(QLatin1Char(',')), QStringLiteral("--churn-seconds"), QString::number(settings.churnSeconds),
                 QStringLiteral("--settle-ms"), QString::number(settings.settleMs)});
    collectProbe(child, timer, QStringLiteral("startToFleetMs"), QStringLiteral("the fleet was not listed"),
                 settings.churnSeconds, log, result);
    for (const auto &sandbox : std::as_const(sandboxes)) {
        sandbox->terminate();
        if (!sandbox->waitForFinished(30000))
            sandbox->kill();
        sandbox->waitForFinished();
    }
    const double kubectlWarm = result.value(QStringLiteral("kubectlWarmMs")).toDouble(-1);
    const double start = result.value(QStringLiteral("startToFleetMs")).toDouble(-1);
    if (kubectlWarm > 0 && start > 0)
        result.insert(QStringLiteral("startVsKubectl"), start / kubectlWarm);

    out() << "Fleet: " << settings.contexts << " contexts x " << settings.deployments << " deployments, churn "
          << perContextRate * settings.contexts << "/s for " << settings.churnSeconds << " s\n";
    if (result.contains(QStringLiteral("error")))
        out() << "error: " << result.value(QStringLiteral("error")).toString() << '\n';
    for (const Figure &figure : kFigures) {
        const QJsonValue value = result.value(QLatin1String(figure.key));
        if (value.isUndefined())
            continue;
        out() << QStringLiteral("  %1 %2 %3")
                     .arg(QString::fromLatin1(figure.label), -52)
                     .arg(value.toDouble(), 10, 'f', figure.decimals)
                     .arg(QString::fromLatin1(figure.unit));
        if (figure.target > 0)
            out() << QStringLiteral("   (target <= %1: %2)")
                         .arg(figure.target)
                         .arg(value.toDouble() <= figure.target ? QStringLiteral("met") : QStringLiteral("MISSED"));
        out() << '\n';
    }
    out() << "  rows listed " << result.value(QStringLiteral("rows")).toInt() << ", contexts live "
          << result.value(QStringLiteral("contextsLive")).toInt() << '\n';
    out().flush();
    if (!settings.jsonPath.isEmpty()) {
        QFile json(settings.jsonPath);
        if (json.open(QIODevice::WriteOnly))
            json.write(QJsonDocument(result).toJson());
    }
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceMain.start();
    const bool probing = argc > 1 && qstrcmp(argv[1], "--probe") == 0;
    if (probing) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("capstan"));
        QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
        return probe(QCoreApplication::arguments().mid(2));
    }
    QCoreApplication app(argc, argv);
    Settings settings;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--contexts") && hasValue)
            settings.contexts = std::max(1, args.at(++i).toInt());
        else if (arg == QLatin1String("--deployments") && hasValue)
            settings.deployments = args.at(++i).toInt();
        else if (arg == QLatin1String("--churn-rate") && hasValue)
            settings.churnRate = args.at(++i).toInt();
        else if (arg == QLatin1String("--churn-seconds") && hasValue)
            settings.churnSeconds = args.at(++i).toInt();
        else if (arg == QLatin1String("--settle-ms") && hasValue)
            settings.settleMs = args.at(++i).toInt();
        else if (arg == QLatin1String("--kubectl") && hasValue)
            settings.kubectl = args.at(++i);
        else
            settings.jsonPath = arg;
    }
    return run(settings);
}
