// The scale benchmark: for each size N, runs `capstan-sandbox` with N FlinkDeployments and 10·N
// Events (plus one deployment with a long history), then a fresh Capstan process on it
// (bench_scale_probe: the real MainWindow, offscreen), and compares with kubectl. Per run:
//
//   start → list       process start to the list holding N rows, painted (timed here, so the child's
//                      whole start-up counts)
//   kubectl            `kubectl get flinkdeployments -A -o json` against the same sandbox, with a cold
//                      and then a warm discovery cache (its own HOME and KUBECACHEDIR per run)
//   RSS after load     VmRSS 3 s after the list is populated
//   page open          openDeployment() of the deployment with 10,000 Events and 1,000 snapshots
//                      until both tables are filled
//   stall p50/p99/max  GUI event-loop latency (a probe posted every 5 ms) while the sandbox writes
//                      2,000 changes per second
//   RSS after churn    VmRSS after the churn, and its growth over the churn's second half
//
// and once per size bench_chartredraw's figure. Prints min / median / max per figure and size,
// and writes every run as JSON.
//
// Usage: bench_scale [result.json] [--sizes 100,1000,5000] [--runs 5] [--churn-seconds 600]
//                    [--churn-rate 2000] [--events-per-deployment 10] [--focus-events 10000]
//                    [--focus-snapshots 1000] [--kubectl kubectl]

#include "childoutput.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

using capstan::bench::collectProbe;
using capstan::bench::readLine;

struct Settings
{
    QString jsonPath;
    QList<int> sizes{100, 1000, 5000};
    int runs = 5;
    int churnSeconds = 600;
    int churnRate = 2000;
    int eventsPerDeployment = 10;
    int focusEvents = 10000;
    int focusSnapshots = 1000;
    QString kubectl = QStringLiteral("kubectl");
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

double timeKubectl(const Settings &settings, const QString &kubeconfig, const QProcessEnvironment &env)
{
    return capstan::bench::kubectlListMs(settings.kubectl, {QStringLiteral("--kubeconfig"), kubeconfig}, env);
}

QJsonObject oneRun(const Settings &settings, int n, int run)
{
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(QStringLiteral(CAPSTAN_SANDBOX_PATH),
                  {QStringLiteral("--no-operator"), QStringLiteral("--deployments"), QString::number(n),
                   QStringLiteral("--events"), QString::number(n * settings.eventsPerDeployment),
                   QStringLiteral("--focus-events"), QString::number(settings.focusEvents),
                   QStringLiteral("--focus-snapshots"), QString::number(settings.focusSnapshots),
                   QStringLiteral("--churn"), QString::number(settings.churnRate), QStringLiteral("--churn-on-signal"),
                   QStringLiteral("--seed"), QString::number(run + 1), QStringLiteral("--kubeconfig-out"), kubeconfig});
    QJsonObject result{{QStringLiteral("deployments"), n}, {QStringLiteral("run"), run + 1}};
    if (!readLine(sandbox, "Kubeconfig written", 600000)) {
        result.insert(QStringLiteral("error"), QStringLiteral("the sandbox did not start"));
        return result;
    }

    QProcessEnvironment kubectlEnv = QProcessEnvironment::systemEnvironment();
    kubectlEnv.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("kubectl-home")));
    kubectlEnv.insert(QStringLiteral("KUBECACHEDIR"), dir.filePath(QStringLiteral("kubectl-cache")));
    // The first call fills the discovery cache, the second uses it.
    for (const QString &key : {QStringLiteral("kubectlColdMs"), QStringLiteral("kubectlWarmMs")}) {
        const double ms = timeKubectl(settings, kubeconfig, kubectlEnv);
        if (ms >= 0)
            result.insert(key, ms);
    }

    // A fresh user: no settings, no local history database, no cached anything.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    QDir().mkpath(dir.filePath(QStringLiteral("home")));
    QProcess probe;
    probe.setProcessEnvironment(env);
    // Its log (503s of the JobManager proxy without an operator, and such) goes to a file.
    const QString probeLog = dir.filePath(QStringLiteral("probe.log"));
    probe.setStandardErrorFile(probeLog);
    QElapsedTimer timer;
    timer.start();
    probe.start(QStringLiteral(CAPSTAN_PROBE_PATH),
                {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--deployments"), QString::number(n),
                 QStringLiteral("--sandbox-pid"), QString::number(sandbox.processId()),
                 QStringLiteral("--churn-seconds"), QString::number(settings.churnSeconds),
                 QStringLiteral("--focus-events"), QString::number(settings.focusEvents),
                 QStringLiteral("--focus-snapshots"), QString::number(settings.focusSnapshots)});
    collectProbe(probe, timer, QStringLiteral("startToListMs"), QStringLiteral("the list was not populated"),
                 settings.churnSeconds, probeLog, result);
    sandbox.terminate();
    if (!sandbox.waitForFinished(30000))
        sandbox.kill();
    sandbox.waitForFinished();

    const double kubectlWarm = result.value(QStringLiteral("kubectlWarmMs")).toDouble(-1);
    const double start = result.value(QStringLiteral("startToListMs")).toDouble(-1);
    if (kubectlWarm > 0 && start > 0)
        result.insert(QStringLiteral("startVsKubectl"), start / kubectlWarm);
    if (result.contains(QStringLiteral("rssChurnSamples"))) {
        // Growth over the second half of the churn: the first half includes warm-up (caches, pools).
        const QJsonArray samples = result.value(QStringLiteral("rssChurnSamples")).toArray();
        const double end = result.value(QStringLiteral("rssChurnEndMb")).toDouble();
        const double middle = samples.isEmpty() ? end : samples.at(samples.size() / 2).toArray().at(1).toDouble();
        result.insert(QStringLiteral("rssGrowthLateMb"), end - middle);
        result.insert(QStringLiteral("rssGrowthMb"), end - result.value(QStringLiteral("rssChurnStartMb")).toDouble());
    }
    return result;
}

QJsonObject chartRedraw(const Settings &settings)
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("chart.json"));
    QProcess chart;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    chart.setProcessEnvironment(env);
    chart.setStandardOutputFile(QProcess::nullDevice());
    chart.start(QStringLiteral(CAPSTAN_CHARTREDRAW_PATH),
                {json, QStringLiteral("--runs"), QString::number(settings.runs)});
    chart.waitForFinished(600000);
    QFile file(json);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

struct Figure
{
    const char *key;
    const char *label;
    const char *unit;
    int decimals;
};

const Figure kFigures[] = {
    {"startToListMs", "start -> list populated", "ms", 0},
    {"kubectlColdMs", "kubectl get -A -o json (cold cache)", "ms", 0},
    {"kubectlWarmMs", "kubectl get -A -o json (warm cache)", "ms", 0},
    {"startVsKubectl", "start -> list / kubectl (warm)", "x", 2},
    {"rssLoadMb", "RSS after load", "MB", 1},
    {"pageOpenMs", "page open (10k events, 1k snapshots)", "ms", 0},
    {"rssPageMb", "RSS with the page open", "MB", 1},
    {"stallP50Ms", "GUI stall p50 under churn", "ms", 2},
    {"stallP99Ms", "GUI stall p99 under churn", "ms", 2},
    {"stallMaxMs", "GUI stall max under churn", "ms", 1},
    {"rowUpdatesPerSecond", "list rows updated per second of churn", "/s", 0},
    {"rssChurnEndMb", "RSS after churn", "MB", 1},
    {"rssGrowthMb", "RSS growth over the churn", "MB", 1},
    {"rssGrowthLateMb", "RSS growth, churn's second half", "MB", 1},
    {"chartRedrawMs", "chart redraw 24 h x 1 s x 4", "ms", 2},
};

QJsonObject summarize(const QList<double> &values)
{
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    const double median = n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2;
    return {{QStringLiteral("min"), sorted.first()},
            {QStringLiteral("median"), median},
            {QStringLiteral("max"), sorted.last()},
            {QStringLiteral("n"), int(n)}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Settings settings;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--sizes") && hasValue) {
            settings.sizes.clear();
            for (const QString &size : args.at(++i).split(QLatin1Char(',')))
                settings.sizes << size.toInt();
        } else if (arg == QLatin1String("--runs") && hasValue) {
            settings.runs = std::max(1, args.at(++i).toInt());
        } else if (arg == QLatin1String("--churn-seconds") && hasValue) {
            settings.churnSeconds = args.at(++i).toInt();
        } else if (arg == QLatin1String("--churn-rate") && hasValue) {
            settings.churnRate = args.at(++i).toInt();
        } else if (arg == QLatin1String("--events-per-deployment") && hasValue) {
            settings.eventsPerDeployment = args.at(++i).toInt();
        } else if (arg == QLatin1String("--focus-events") && hasValue) {
            settings.focusEvents = args.at(++i).toInt();
        } else if (arg == QLatin1String("--focus-snapshots") && hasValue) {
            settings.focusSnapshots = args.at(++i).toInt();
        } else if (arg == QLatin1String("--kubectl") && hasValue) {
            settings.kubectl = args.at(++i);
        } else {
            settings.jsonPath = arg;
        }
    }

    QJsonArray sizes;
    QHash<int, QHash<QString, QJsonObject>> table; // size → figure → summary
    for (const int n : std::as_const(settings.sizes)) {
        QJsonArray runs;
        QHash<QString, QList<double>> values;
        const QString loadBefore = loadAverage();
        for (int run = 0; run < settings.runs; ++run) {
            const QJsonObject result = oneRun(settings, n, run);
            runs.append(result);
            out() << "N=" << n << " run " << run + 1 << ": " << QJsonDocument(result).toJson(QJsonDocument::Compact)
                  << Qt::endl;
            for (const Figure &figure : kFigures) {
                const QJsonValue value = result.value(QLatin1String(figure.key));
                if (value.isDouble())
                    values[QLatin1String(figure.key)].append(value.toDouble());
            }
        }
        const QJsonObject chart = chartRedraw(settings);
        for (const QJsonValue &ms : chart.value(QStringLiteral("runsMs")).toArray())
            values[QStringLiteral("chartRedrawMs")].append(ms.toDouble());
        QJsonObject summary;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (!it->isEmpty()) {
                summary.insert(it.key(), summarize(*it));
                table[n].insert(it.key(), summarize(*it));
            }
        }
        sizes.append(QJsonObject{{QStringLiteral("deployments"), n},
                                 {QStringLiteral("events"), n * settings.eventsPerDeployment + settings.focusEvents},
                                 {QStringLiteral("loadBefore"), loadBefore},
                                 {QStringLiteral("loadAfter"), loadAverage()},
                                 {QStringLiteral("summary"), summary},
                                 {QStringLiteral("runs"), runs}});
    }

    // The table: one row per figure, one column per size, "min / median / max".
    out() << "\nbench_scale: " << settings.runs << " runs per size, churn " << settings.churnRate << " changes/s for "
          << settings.churnSeconds << " s, " << settings.eventsPerDeployment << " events per deployment + "
          << settings.focusEvents << " events and " << settings.focusSnapshots
          << " snapshots on the opened one; load average now " << loadAverage() << "\n\n";
    const int labelWidth = 40;
    const int columnWidth = 26;
    out() << QStringLiteral("figure").leftJustified(labelWidth);
    for (const int n : std::as_const(settings.sizes))
        out() << QStringLiteral("N=%1 min / med / max").arg(n).rightJustified(columnWidth);
    out() << '\n';
    for (const Figure &figure : kFigures) {
        out() << QStringLiteral("%1 (%2)")
                     .arg(QLatin1String(figure.label), QLatin1String(figure.unit))
                     .leftJustified(labelWidth);
        for (const int n : std::as_const(settings.sizes)) {
            const QJsonObject s = table.value(n).value(QLatin1String(figure.key));
            const QString cell = s.isEmpty()
                ? QStringLiteral("-")
                : QStringLiteral("%1 / %2 / %3")
                      .arg(s.value(QStringLiteral("min")).toDouble(), 0, 'f', figure.decimals)
                      .arg(s.value(QStringLiteral("median")).toDouble(), 0, 'f', figure.decimals)
                      .arg(s.value(QStringLiteral("max")).toDouble(), 0, 'f', figure.decimals);
            out() << cell.rightJustified(columnWidth);
        }
        out() << '\n';
    }
    out().flush();

    if (!settings.jsonPath.isEmpty()) {
        const QJsonObject document{
            {QStringLiteral("benchmark"), QStringLiteral("scale")},
            {QStringLiteral("runsPerSize"), settings.runs},
            {QStringLiteral("churnRate"), settings.churnRate},
            {QStringLiteral("churnSeconds"), settings.churnSeconds},
            {QStringLiteral("eventsPerDeployment"), settings.eventsPerDeployment},
            {QStringLiteral("focusEvents"), settings.focusEvents},
            {QStringLiteral("focusSnapshots"), settings.focusSnapshots},
            {QStringLiteral("kubectlCache"), QStringLiteral("cold (first call) and warm (second call), per run")},
            {QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture()},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("sizes"), sizes}};
        QFile file(settings.jsonPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream(stderr) << "cannot write " << settings.jsonPath << ": " << file.errorString() << '\n';
            return 1;
        }
        file.write(QJsonDocument(document).toJson());
        out() << "\nwritten to " << settings.jsonPath << '\n';
    }
    return 0;
}
