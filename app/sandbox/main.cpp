// capstan-sandbox: the sandbox Kubernetes API server as a standalone process, for kubectl and tests.
#include "sandbox/churngenerator.h"
#include "sandbox/faultplan.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/prometheusexporter.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/statusshape.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

// The byte written for a signal says which one it was: the notifier runs in the event loop.
void onSignal(int signal)
{
    const char byte = signal == SIGUSR1 ? 'r' : signal == SIGUSR2 ? 'p' : 'q';
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// "2h", "-90m", "30s", "1d", "1500ms" or plain seconds, as milliseconds.
bool parseDuration(const QString &text, qint64 *ms)
{
    static const struct
    {
        const char *suffix;
        qint64 factor;
    } units[] = {{"ms", 1}, {"s", 1000}, {"m", 60 * 1000}, {"h", 3600 * 1000}, {"d", 24 * 3600 * 1000}};
    QString number = text.trimmed();
    qint64 factor = 1000;
    for (const auto &unit : units) {
        if (number.endsWith(QLatin1String(unit.suffix))) {
            number.chop(int(qstrlen(unit.suffix)));
            factor = unit.factor;
            break;
        }
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok)
        return false;
    *ms = qint64(value * double(factor));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("capstan-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CAPSTAN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A Kubernetes API server with Flink operator resources on "
                                                    "127.0.0.1, for trying Capstan and for tests."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0: a free one)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig-out"),
                                              QStringLiteral("Write a kubeconfig for this sandbox to <file>."),
                                              QStringLiteral("file"));
    const QCommandLineOption deploymentsOption(QStringLiteral("deployments"),
                                               QStringLiteral("Generate <n> FlinkDeployments instead of the demo set."),
                                               QStringLiteral("n"), QStringLiteral("-1"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Generate <m> extra Events."),
                                          QStringLiteral("m"), QStringLiteral("0"));
    const QCommandLineOption speedOption(QStringLiteral("speed"), QStringLiteral("Virtual clock speed factor."),
                                         QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption clockOffsetOption(
        QStringLiteral("clock-offset"),
        QStringLiteral("Run the cluster's clock <offset> ahead of the wall clock (negative: behind), e.g. 2h, -90m, "
                       "30s."),
        QStringLiteral("offset"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed for generated data."),
                                        QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QStringLiteral("Inject a fault (repeatable): fail=STATUSxCOUNT[:RETRY_AFTER], latency=MS, "
                       "bookmark-interval=MS, silent-watches[=0|1]; pods of a deployment: jm-crashloop=NAME, "
                       "tm-oom=NAME, image-pull=NAME, unschedulable=NAME; forbid-pod-logs[=0|1]."),
        QStringLiteral("spec"));
    const QCommandLineOption noOperatorOption(
        QStringLiteral("no-operator"),
        QStringLiteral("Do not run the Flink operator simulation (objects stay as seeded; no JobManager REST API)."));
    const QCommandLineOption prometheusOption(
        QStringLiteral("prometheus-port"),
        QStringLiteral("Serve Prometheus metrics of every simulated job on http://127.0.0.1:<port>/metrics."),
        QStringLiteral("port"));
    const QCommandLineOption focusEventsOption(
        QStringLiteral("focus-events"),
        QStringLiteral("With --deployments: give the first deployment <m> Events of its own as well."),
        QStringLiteral("m"), QStringLiteral("0"));
    const QCommandLineOption focusSnapshotsOption(
        QStringLiteral("focus-snapshots"),
        QStringLiteral("With --deployments: give the first deployment <k> completed FlinkStateSnapshots."),
        QStringLiteral("k"), QStringLiteral("0"));
    const QCommandLineOption churnOption(
        QStringLiteral("churn"),
        QStringLiteral("Write <n> changes per second (deployment status updates and Events) for load tests."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption churnOnSignalOption(
        QStringLiteral("churn-on-signal"),
        QStringLiteral("Start the churn on SIGUSR1 (and pause it on SIGUSR2) instead of at once."));
    const QCommandLineOption operatorVersionOption(
        QStringLiteral("operator-version"),
        QStringLiteral("Write FlinkDeployment status as this Flink Kubernetes Operator release does: %1.")
            .arg(capstan::sandbox::StatusShape::supportedVersions().join(QStringLiteral(", "))),
        QStringLiteral("version"), capstan::sandbox::StatusShape::latest());
    const QCommandLineOption vvpPortOption(
        QStringLiteral("vvp-port"),
        QStringLiteral("Serve the simulated Ververica Platform's API on http://127.0.0.1:<port> as well (0: a free "
                       "one), with an API token written as vvp-token next to the --kubeconfig-out file."),
        QStringLiteral("port"));
    const QCommandLineOption noVvpOption(
        QStringLiteral("no-vvp"),
        QStringLiteral("Do not simulate a Ververica Platform (Service vvp/vvp-ververica-platform)."));
    parser.addOptions({portOption, kubeconfigOption, deploymentsOption, eventsOption, speedOption, clockOffsetOption,
                       seedOption, faultOption, noOperatorOption, prometheusOption, focusEventsOption,
                       focusSnapshotsOption, churnOption, churnOnSignalOption, operatorVersionOption, vvpPortOption,
                       noVvpOption});
    parser.process(app);

    bool ok = true;
    capstan::sandbox::SandboxOptions options;
    const int port = parser.value(portOption).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        parser.showHelp(2);
    options.port = quint16(port);
    options.deployments = parser.value(deploymentsOption).toInt(&ok);
    if (!ok || options.deployments < -1)
        parser.showHelp(2);
    options.events = parser.value(eventsOption).toInt(&ok);
    if (!ok || options.events < 0)
        parser.showHelp(2);
    options.focusEvents = parser.value(focusEventsOption).toInt(&ok);
    if (!ok || options.focusEvents < 0)
        parser.showHelp(2);
    options.focusSnapshots = parser.value(focusSnapshotsOption).toInt(&ok);
    if (!ok || options.focusSnapshots < 0)
        parser.showHelp(2);
    const int churnRate = parser.value(churnOption).toInt(&ok);
    if (!ok || churnRate < 0)
        parser.showHelp(2);
    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || options.speed <= 0)
        parser.showHelp(2);
    if (!parseDuration(parser.value(clockOffsetOption), &options.clockOffsetMs))
        parser.showHelp(2);
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        parser.showHelp(2);

    options.operatorSimulation = !parser.isSet(noOperatorOption);
    options.operatorVersion = parser.value(operatorVersionOption);
    if (!capstan::sandbox::StatusShape::isSupported(options.operatorVersion))
        parser.showHelp(2);
    int prometheusPort = -1;
    if (parser.isSet(prometheusOption)) {
        prometheusPort = parser.value(prometheusOption).toInt(&ok);
        if (!ok || prometheusPort < 0 || prometheusPort > 65535 || !options.operatorSimulation)
            parser.showHelp(2);
    }

    if (parser.isSet(noVvpOption))
        options.vvp = false;
    if (parser.isSet(vvpPortOption)) {
        options.vvpPort = parser.value(vvpPortOption).toInt(&ok);
        // The token goes next to the kubeconfig and nowhere else, so the port needs that file.
        if (!ok || options.vvpPort < 0 || options.vvpPort > 65535 || parser.isSet(noVvpOption)
            || !parser.isSet(kubeconfigOption))
            parser.showHelp(2);
        options.vvp = true;
    }

    capstan::sandbox::SandboxServer server(options);
    for (const QString &spec : parser.values(faultOption)) {
        QString error;
        if (!server.faults().apply(spec, &error)) {
            std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
            return 2;
        }
    }
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "capstan-sandbox: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    printLine(QStringLiteral("Sandbox listening on %1").arg(server.serverUrl()));
    if (parser.isSet(kubeconfigOption)) {
        const QString path = parser.value(kubeconfigOption);
        if (!server.writeKubeconfig(path, &error)) {
            std::fprintf(stderr, "capstan-sandbox: cannot write %s: %s\n", path.toLocal8Bit().constData(),
                         error.toLocal8Bit().constData());
            return 1;
        }
        printLine(QStringLiteral("Kubeconfig written to %1").arg(path));
        if (server.vvpPort() > 0) {
            const QString tokenPath = QFileInfo(path).absoluteDir().filePath(QStringLiteral("vvp-token"));
            if (!server.writeVvpToken(tokenPath, &error)) {
                std::fprintf(stderr, "capstan-sandbox: cannot write %s: %s\n", tokenPath.toLocal8Bit().constData(),
                             error.toLocal8Bit().constData());
                return 1;
            }
            printLine(QStringLiteral("Ververica Platform API on http://127.0.0.1:%1 (API token in %2)")
                          .arg(server.vvpPort())
                          .arg(tokenPath));
        }
    }

    std::unique_ptr<capstan::sandbox::PrometheusExporter> exporter;
    if (prometheusPort >= 0) {
        exporter = std::make_unique<capstan::sandbox::PrometheusExporter>(*server.operatorSimulation());
        if (!exporter->listen(quint16(prometheusPort), &error)) {
            std::fprintf(stderr, "capstan-sandbox: %s\n", error.toLocal8Bit().constData());
            return 1;
        }
        printLine(QStringLiteral("Prometheus metrics on http://127.0.0.1:%1/metrics").arg(exporter->port()));
    }

    std::unique_ptr<capstan::sandbox::ChurnGenerator> churn;
    if (churnRate > 0) {
        churn = std::make_unique<capstan::sandbox::ChurnGenerator>(server.store(), churnRate, options.seed);
        if (!parser.isSet(churnOnSignalOption))
            churn->start();
    }

    // SIGINT/SIGTERM (quit), SIGUSR1/SIGUSR2 (churn on/off) → a byte on a socket pair → the event
    // loop (the Qt-documented way).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return 1;
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&churn] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalFds[1], &byte, 1);
        if (byte == 'r' && churn)
            churn->start();
        else if (byte == 'p' && churn)
            churn->stop();
        else if (byte == 'q')
            QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGUSR1, &action, nullptr);
    sigaction(SIGUSR2, &action, nullptr);

    const int rc = QCoreApplication::exec();
    churn.reset();
    if (exporter)
        exporter->stop();
    server.stop();
    return rc;
}
