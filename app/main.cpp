#include "cli/deploymentlisting.h"
#include "kube/connectionconfig.h"
#include "kube/contextlisting.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfigloader.h"
#include "sandbox/sandboxserver.h"
#include "session/sessionhost.h"
#include "ui/backgroundpool.h"
#include "ui/mainwindow.h"
#include "ui/notify/trayicon.h"
#include "ui/notify/watchkeeper.h"
#include "ui/preferencesstore.h"
#include "ui/sessionsettings.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Capstan – operate Apache Flink deployments on Kubernetes."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("kubeconfig"),
                      QCoreApplication::translate("main",
                                                  "Path to the kubeconfig file to use (instead of "
                                                  "$KUBECONFIG or ~/.kube/config)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("context"), QCoreApplication::translate("main", "The kubeconfig context to open."),
                      QStringLiteral("name")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("namespace")},
                      QCoreApplication::translate("main", "The namespace to show (\"all\" for all namespaces)."),
                      QStringLiteral("namespace")});
    parser.addOption({QStringLiteral("list-contexts"),
                      QCoreApplication::translate("main", "Print the merged kubeconfig's contexts as JSON and exit.")});
    parser.addOption({QStringLiteral("list-deployments"),
                      QCoreApplication::translate("main",
                                                  "Print what the deployment list shows (state, job state, failing, "
                                                  "last snapshot, …) as JSON and exit.")});
    parser.addOption({QStringLiteral("tray"),
                      QCoreApplication::translate("main",
                                                  "Start in the system tray, keeping watch, without showing the "
                                                  "window (as at login when so chosen in Preferences).")});
    parser.addOption({QStringLiteral("sandbox"),
                      QCoreApplication::translate("main",
                                                  "Run the built-in sandbox cluster and open it (the default "
                                                  "when no kubeconfig exists).")});
}

bool wantsConsoleOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" || arg == "--help-all"
            || arg == "--list-contexts" || arg == "--list-deployments")
            return true;
    }
    return false;
}

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("capstan"));
    QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CAPSTAN_VERSION));
}

int listContexts(const QCommandLineParser &parser)
{
    const auto sources = capstan::KubeConfigLoader::sourcesFromEnvironment(parser.value(QStringLiteral("kubeconfig")));
    const auto config = capstan::KubeConfigLoader::load(sources);
    if (!config) {
        std::fprintf(stderr, "capstan: %s\n", qPrintable(config.error().toString()));
        return 1;
    }
    const QByteArray json = capstan::ContextListing::toJsonText(config.value());
    std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
    std::fputc('\n', stdout);
    return 0;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "capstan: %s\n", qPrintable(message));
}

// One list of each resource, derived as the window derives its list; no display needed.
int listDeployments(const QCommandLineParser &parser)
{
    const auto sources = capstan::KubeConfigLoader::sourcesFromEnvironment(parser.value(QStringLiteral("kubeconfig")));
    const auto config = capstan::KubeConfigLoader::load(sources);
    if (!config) {
        printError(config.error().toString());
        return 1;
    }
    QString context = parser.value(QStringLiteral("context"));
    if (context.isEmpty())
        context = config->currentContext;
    const auto connection = capstan::ConnectionConfig::resolve(config.value(), context);
    if (!connection) {
        // The window's words for a context it cannot open.
        printError(QCoreApplication::translate("capstan::MainWindow", "Cannot open context \"%1\": %2")
                       .arg(context, connection.error().toString()));
        return 1;
    }
    // As the window: "all" (or "*") for every namespace, none given for the context's own.
    QString ns = parser.value(QStringLiteral("namespace"));
    if (ns == QLatin1String("all") || ns == QLatin1String("*"))
        ns.clear();
    else if (ns.isEmpty())
        ns = connection->ns;

    QNetworkAccessManager nam;
    capstan::KubeClient client(&nam, connection.value());
    capstan::DeploymentListing listing(&client, ns);
    QObject::connect(&listing, &capstan::DeploymentListing::finished, QCoreApplication::instance(),
                     &QCoreApplication::quit, Qt::QueuedConnection);
    listing.start();
    QCoreApplication::exec();
    if (listing.failed()) {
        printError(listing.error().message.isEmpty() ? listing.error().toString() : listing.error().message);
        return 1;
    }
    const QByteArray json
        = QJsonDocument(capstan::DeploymentListing::document(connection->contextName, ns, listing.deployments()))
              .toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationInfo();
    if (wantsConsoleOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app); // handles --help and --version itself
        if (parser.isSet(QStringLiteral("list-deployments")))
            return listDeployments(parser);
        return listContexts(parser);
    }

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.capstan.Capstan"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/capstan.svg")));
    capstan::PreferencesStore::installTranslators(&app);
    const capstan::Preferences preferences = capstan::PreferencesStore::instance()->preferences();
    if (preferences.theme != capstan::ThemeChoice::System)
        capstan::Theme::apply(preferences.theme);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    QNetworkInformation::loadDefaultBackend(); // sessions relist when the network changes
    capstan::SessionHost::registerMetaTypes();

    const auto sources = capstan::KubeConfigLoader::sourcesFromEnvironment(parser.value(QStringLiteral("kubeconfig")));
    bool useSandbox = parser.isSet(QStringLiteral("sandbox"));
    if (!useSandbox && capstan::KubeConfigLoader::filesToLoad(sources).isEmpty()) {
        // No kubeconfig anywhere: a new user gets the sandbox rather than an empty window.
        useSandbox = true;
    }

    std::unique_ptr<capstan::sandbox::SandboxServer> sandbox;
    QTemporaryDir sandboxDir;
    capstan::KubeConfigLoader::Sources effective = sources;
    if (useSandbox) {
        capstan::sandbox::SandboxOptions options;
        options.operatorSimulation = true; // the demo set behaves like a cluster with the operator running
        sandbox = std::make_unique<capstan::sandbox::SandboxServer>(options);
        QString error;
        const QString path = sandboxDir.filePath(QStringLiteral("sandbox-kubeconfig.yaml"));
        if (!sandbox->start(&error) || !sandbox->writeKubeconfig(path, &error)) {
            QMessageBox::critical(nullptr, QObject::tr("Capstan"),
                                  QObject::tr("The sandbox cluster could not start: %1").arg(error));
            return 1;
        }
        effective = {path, QString(), QString()};
        // The sandbox's Prometheus holds a day of its deployments' metrics: the Metric History Source of
        // its contexts unless the user chose one.
        for (const QString &name :
             {QStringLiteral("sandbox"), QStringLiteral("sandbox-cert"), QStringLiteral("sandbox-readonly")}) {
            if (capstan::SessionSettings::prometheus(name).isSet())
                continue;
            capstan::PrometheusConfig prometheus;
            prometheus.ns = QStringLiteral("monitoring");
            prometheus.service = QStringLiteral("prometheus");
            prometheus.port = QStringLiteral("9090");
            capstan::SessionSettings::setPrometheus(name, prometheus);
        }
    }

    const auto config = capstan::KubeConfigLoader::load(effective);
    if (!config) {
        QMessageBox::critical(nullptr, QObject::tr("Capstan"),
                              QObject::tr("The kubeconfig could not be read.\n\n%1").arg(config.error().toString()));
        return 1;
    }
    const QString context = parser.value(QStringLiteral("context"));
    if (!context.isEmpty() && !config->context(context)) {
        QMessageBox::critical(nullptr, QObject::tr("Capstan"),
                              QObject::tr("There is no context named \"%1\" in %2.")
                                  .arg(context, config->files.join(QStringLiteral(", "))));
        return 1;
    }
    QString ns = parser.value(QStringLiteral("namespace"));
    const QString lastContext = capstan::SessionSettings::lastSession().context;
    if (useSandbox && ns.isEmpty() && (!context.isEmpty() || !config->context(lastContext)))
        ns = QStringLiteral("all"); // the demo set spans several namespaces
    capstan::MainWindow window(config.value(), context, ns, capstan::PreferencesStore::sessionOptions());
    // Keeping watch: every watched context's deployments feed the notifications and the tray.
    auto *watchkeeper = new capstan::Watchkeeper(&window, window.notificationHistoryPath());
    if (!parser.isSet(QStringLiteral("tray")) || !capstan::TrayIcon::available())
        window.show();
    else
        QApplication::setQuitOnLastWindowClosed(!watchkeeper->keepsRunningInTray());
    const int exitCode = QApplication::exec();
    capstan::waitForBackgroundWork();
    return exitCode;
}
