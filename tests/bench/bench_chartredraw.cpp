// Measures one full redraw of the Metrics tab — downsampling, updating the chart series and
// rendering the charts widget to a QImage at 1600×1000 (offscreen) — for 24 h of 1 s samples in
// 4 series with a job change and a 10-minute gap. The target (DESIGN.md §7) is ≤ 16 ms.
//
// Usage: bench_chartredraw [result.json] [--runs N]   (N ≥ 5, default 20)

#include "metrics/downsampler.h"
#include "ui/metricsview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using namespace capstan;

namespace {

constexpr int Width = 1600;
constexpr int Height = 1000;
constexpr qint64 Day = 24 * 3600;

QList<MetricSample> buildSamples(qint64 startMs, const QList<QString> &metrics)
{
    QList<MetricSample> out;
    out.reserve(Day * metrics.size());
    const QString jobA = QStringLiteral("a3f9c2e14b7d4c0e9a51d2f0c8b7e613");
    const QString jobB = QStringLiteral("7d41b0c95e2a4f18b3c6d9e0a1f2b345");
    for (qint64 s = 0; s < Day; ++s) {
        if (s >= 8 * 3600 && s < 8 * 3600 + 600)
            continue; // a 10-minute gap: the JobManager was not READY
        const QString &job = s < 14 * 3600 ? jobA : jobB; // a redeploy after 14 h
        for (int m = 0; m < metrics.size(); ++m) {
            const double v = 1000 + 400 * std::sin(double(s) / (600.0 + 97 * m)) + 50 * std::sin(double(s) / 7.0)
                + ((s * 7919 + m * 104729) % 97);
            out.append({startMs + s * 1000, job, metrics.at(m), m < 2 ? v : v / 2});
        }
    }
    return out;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString jsonPath;
    int runs = 20;
    const QStringList args = QApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(5, args.at(++i).toInt());
        else
            jsonPath = args.at(i);
    }

    const QList<QString> metrics{QString(MetricName::SourceRecordsOut), QString(MetricName::SinkRecordsIn),
                                 QString(MetricName::MaxBusy), QString(MetricName::MaxBackPressured)};
    const qint64 end = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    const qint64 start = end - Day * 1000;
    const QList<MetricSample> samples = buildSamples(start, metrics);

    MetricsView view;
    view.resize(Width, Height);
    view.show();
    view.appendMetrics(samples);
    view.setCustomRange(start, end - 1000);
    QApplication::processEvents();
    // Size the view so that the charts widget (without the toolbar) is exactly 1600×1000.
    view.resize(Width, Height + (Height - view.chartsWidget()->height()));
    QApplication::processEvents();
    QWidget *charts = view.chartsWidget();
    QImage image(charts->size(), QImage::Format_ARGB32_Premultiplied);

    const auto redraw = [&] {
        view.redraw();
        image.fill(Qt::transparent);
        charts->render(&image);
    };
    redraw(); // warm-up: fonts, glyph caches, series pools
    redraw();

    QList<double> times;
    QList<double> updateTimes; // downsample + update series
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        view.redraw();
        updateTimes.append(double(timer.nsecsElapsed()) / 1e6);
        image.fill(Qt::transparent);
        charts->render(&image);
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    // The downsampling share of a redraw, measured alone.
    QList<double> downsampleTimes;
    QHash<QString, QList<MetricSample>> byMetric;
    for (const MetricSample &s : samples)
        byMetric[s.metric].append(s);
    int points = 0;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        points = 0;
        for (const QString &metric : metrics) {
            const auto segments = Downsampler::downsample(byMetric.value(metric), start, end, Width - 168, 3000);
            for (const auto &segment : segments)
                points += int(segment.size());
        }
        downsampleTimes.append(double(timer.nsecsElapsed()) / 1e6);
    }

    const double min = *std::min_element(times.cbegin(), times.cend());
    const double max = *std::max_element(times.cbegin(), times.cend());
    const double med = median(times);
    QTextStream out(stdout);
    out << "bench_chartredraw: " << metrics.size() << " series x " << samples.size() / metrics.size()
        << " samples (24 h at 1 s, one job change, one 10 min gap), charts " << charts->width() << "x"
        << charts->height() << ", " << runs << " runs\n";
    out << QStringLiteral("full redraw (downsample + update series + render): min %1 ms, median %2 ms, max %3 ms\n")
               .arg(min, 0, 'f', 2)
               .arg(med, 0, 'f', 2)
               .arg(max, 0, 'f', 2);
    out << QStringLiteral("of which downsample + update series: median %1 ms; render: median %2 ms\n")
               .arg(median(updateTimes), 0, 'f', 2)
               .arg(med - median(updateTimes), 0, 'f', 2);
    out << QStringLiteral("downsampling alone: median %1 ms (%2 points drawn for 4 series)\n")
               .arg(median(downsampleTimes), 0, 'f', 2)
               .arg(points);
    out << (med <= 16.0 ? "target <= 16 ms: met\n" : "target <= 16 ms: NOT met\n");
    out.flush();

    if (!jsonPath.isEmpty()) {
        QJsonArray all;
        for (const double t : std::as_const(times))
            all.append(t);
        const QJsonObject result{{QStringLiteral("benchmark"), QStringLiteral("chartredraw")},
                                 {QStringLiteral("series"), int(metrics.size())},
                                 {QStringLiteral("samplesPerSeries"), int(samples.size() / metrics.size())},
                                 {QStringLiteral("width"), charts->width()},
                                 {QStringLiteral("height"), charts->height()},
                                 {QStringLiteral("runs"), runs},
                                 {QStringLiteral("minMs"), min},
                                 {QStringLiteral("medianMs"), med},
                                 {QStringLiteral("maxMs"), max},
                                 {QStringLiteral("runsMs"), all},
                                 {QStringLiteral("updateMedianMs"), median(updateTimes)},
                                 {QStringLiteral("downsampleMedianMs"), median(downsampleTimes)},
                                 {QStringLiteral("pointsDrawn"), points},
                                 {QStringLiteral("targetMs"), 16},
                                 {QStringLiteral("targetMet"), med <= 16.0},
                                 {QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture()},
                                 {QStringLiteral("qt"), QString::fromLatin1(qVersion())}};
        QFile file(jsonPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream(stderr) << "cannot write " << jsonPath << ": " << file.errorString() << '\n';
            return 1;
        }
        file.write(QJsonDocument(result).toJson());
    }
    return 0;
}
