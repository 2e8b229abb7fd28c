// The measured side of bench_scale: a Capstan process (the real MainWindow, offscreen) opened on a
// sandbox, reporting on stdout as it goes. bench_scale starts it once per run, so start-up cost
// (Qt, the window, TLS, the first list) is part of what it times.
//
// Usage: bench_scale_probe --kubeconfig FILE --deployments N [--sandbox-pid PID] [--churn-seconds S]
//                          [--focus-events E] [--focus-snapshots K] [--settle-ms MS]
//
// Lines: "populated <ms>" once the list holds N rows and has been painted, then one line
// "result <json>" with every figure, then it exits. With --sandbox-pid the churn phase sends the
// sandbox SIGUSR1 (start churn) and SIGUSR2 (stop churn).

#include "kube/kubeconfigloader.h"
#include "session/sessionhost.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/snapshottablemodel.h"

#include "probestatus.h"
#include "stallprobe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <malloc.h>
#include <mutex>
#include <thread>

using namespace capstan;
using capstan::bench::heapInUseMb;
using capstan::bench::pause;
using capstan::bench::percentile;
using capstan::bench::say;
using capstan::bench::StallProbe;
using capstan::bench::statusMb;
using capstan::bench::waitUntil;

namespace {

QElapsedTimer g_sinceMain;

} // namespace

int main(int argc, char *argv[])
{
    g_sinceMain.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("capstan"));
    QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
    SessionHost::registerMetaTypes();

    QString kubeconfig;
    int deployments = 0;
    qint64 sandboxPid = 0;
    int churnSeconds = 0;
    int focusEvents = 0;
    int focusSnapshots = 0;
    int settleMs = 15000;
    const QStringList args = QApplication::arguments().mid(1);
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString &key = args.at(i);
        const QString &value = args.at(i + 1);
        if (key == QLatin1String("--kubeconfig"))
            kubeconfig = value;
        else if (key == QLatin1String("--deployments"))
            deployments = value.toInt();
        else if (key == QLatin1String("--sandbox-pid"))
            sandboxPid = value.toLongLong();
        else if (key == QLatin1String("--churn-seconds"))
            churnSeconds = value.toInt();
        else if (key == QLatin1String("--focus-events"))
            focusEvents = value.toInt();
        else if (key == QLatin1String("--focus-snapshots"))
            focusSnapshots = value.toInt();
        else if (key == QLatin1String("--settle-ms"))
            settleMs = value.toInt();
    }

    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    if (!config) {
        std::fprintf(stderr, "bench_scale_probe: %s\n", qPrintable(config.error().toString()));
        return 1;
    }
    MainWindow window(config.value(), QString(), QStringLiteral("all"));
    window.show();
    DeploymentTableModel *model = window.deploymentModel();

    // 1. Start → list populated.
    waitUntil([&] { return model->rowCount() >= deployments; }, {model}, 600000);
    const double populatedMs = double(g_sinceMain.nsecsElapsed()) / 1e6;
    say("populated " + QByteArray::number(populatedMs, 'f', 1));
    QJsonObject result{{QStringLiteral("rows"), model->rowCount()},
                       {QStringLiteral("populatedInProcessMs"), populatedMs}};

    // 2. Memory once the load has settled: after the list come the Events of every deployment (into
    // the local history), which take the sandbox some seconds at 50,000.
    pause(settleMs);
    result.insert(QStringLiteral("rssLoadMb"), statusMb("VmRSS"));
    result.insert(QStringLiteral("hwmLoadMb"), statusMb("VmHWM"));
    result.insert(QStringLiteral("heapLoadMb"), heapInUseMb());

    // 3. Opening the deployment with the long history: to its Events and Snapshots tables filled.
    QString focusNs;
    QString focusName;
    for (const Deployment &d : model->rows()) {
        if (d.name.endsWith(QLatin1String("-00000"))) {
            focusNs = d.ns;
            focusName = d.name;
        }
    }
    if (!focusName.isEmpty() && (focusEvents > 0 || focusSnapshots > 0)) {
        DeploymentPage *page = window.deploymentPage();
        QElapsedTimer timer;
        timer.start();
        window.openDeployment(focusNs, focusName);
        waitUntil(
            [&] {
                // The sandbox gives the focus deployment exactly these, none of the random ones.
                return page->eventModel()->rowCount() >= focusEvents
                    && page->snapshotModel()->rowCount() >= focusSnapshots;
            },
            {page->eventModel(), page->snapshotModel()}, 120000);
        result.insert(QStringLiteral("pageOpenMs"), double(timer.nsecsElapsed()) / 1e6);
        result.insert(QStringLiteral("pageEvents"), page->eventModel()->rowCount());
        result.insert(QStringLiteral("pageSnapshots"), page->snapshotModel()->rowCount());
        pause(1000);
        result.insert(QStringLiteral("rssPageMb"), statusMb("VmRSS"));
    }

    // 4. Churn: the sandbox writes its changes; the GUI's latency is sampled all along, memory every 10 s.
    if (churnSeconds > 0 && sandboxPid > 0) {
        result.insert(QStringLiteral("rssChurnStartMb"), statusMb("VmRSS"));
        result.insert(QStringLiteral("heapChurnStartMb"), heapInUseMb());
        // Rows the list updated (upserts; the age column's refresh carries a role): proof that the
        // churn reaches the GUI, not only the sandbox.
        qint64 rowUpdates = 0;
        const auto counting = QObject::connect(
            model, &QAbstractItemModel::dataChanged, model,
            [&](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (roles.isEmpty())
                    rowUpdates += bottomRight.row() - topLeft.row() + 1;
            });
        QObject receiver;
        StallProbe stall(&receiver);
        ::kill(pid_t(sandboxPid), SIGUSR1);
        stall.start();
        QJsonArray rssSamples;
        QElapsedTimer churn;
        churn.start();
        while (churn.elapsed() < qint64(churnSeconds) * 1000) {
            pause(int(std::min<qint64>(10000, qint64(churnSeconds) * 1000 - churn.elapsed())));
            rssSamples.append(QJsonArray{double(churn.elapsed()) / 1000.0, statusMb("VmRSS")});
        }
        stall.stop();
        ::kill(pid_t(sandboxPid), SIGUSR2);
        QObject::disconnect(counting);
        result.insert(QStringLiteral("rowUpdatesPerSecond"), double(rowUpdates) / churnSeconds);
        QCoreApplication::processEvents();
        const QList<double> samples = stall.samples();
        result.insert(QStringLiteral("stallSamples"), int(samples.size()));
        result.insert(QStringLiteral("stallP50Ms"), percentile(samples, 50));
        result.insert(QStringLiteral("stallP99Ms"), percentile(samples, 99));
        result.insert(QStringLiteral("stallMaxMs"), percentile(samples, 100));
        result.insert(QStringLiteral("rssChurnSamples"), rssSamples);
        pause(3000); // the last batches of the churn
        result.insert(QStringLiteral("rssChurnEndMb"), statusMb("VmRSS"));
        result.insert(QStringLiteral("heapChurnEndMb"), heapInUseMb());
        result.insert(QStringLiteral("hwmEndMb"), statusMb("VmHWM"));
        result.insert(QStringLiteral("rowsAfterChurn"), model->rowCount());
    }
    say("result " + QJsonDocument(result).toJson(QJsonDocument::Compact));
    return 0;
}
