// Follows a log written at 2,000 lines/s for 10 s in the logs viewer (offscreen, 1200×800) and
// reports how long the GUI thread kept input waiting (the stall percentiles, sampled every 5 ms).
// Lines arrive as the session sends them: batches through queued signals from another thread (every
// 50 ms, 100 lines each), Flink's log4j layout with an exception and stack trace every 200 lines.
// The target (issue 14) is a stall p99 ≤ 16 ms.
//
// Usage: bench_logfollow [result.json] [--rate LINES_PER_S] [--seconds S] [--search TEXT] [--wrap]

#include "ui/logs/logmodel.h"
#include "ui/logs/logview.h"

#include "stallprobe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QToolButton>

#include <atomic>

using namespace capstan;
using capstan::bench::percentile;
using capstan::bench::StallProbe;

namespace {

constexpr int BatchIntervalMs = 50;

// Writes the log on its own thread, as the session's backend does, and hands batches over queued.
class Writer final : public QObject
{
    Q_OBJECT
public:
    Writer(int linesPerSecond)
        : m_perBatch(std::max(1, linesPerSecond * BatchIntervalMs / 1000))
    {
    }

    void start()
    {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(BatchIntervalMs);
        connect(m_timer, &QTimer::timeout, this, &Writer::writeBatch);
        m_clock.start();
        m_timer->start();
    }
    void stop()
    {
        if (m_timer)
            m_timer->stop();
    }
    qint64 written() const { return m_written; }

signals:
    void lines(const QStringList &lines);

private:
    void writeBatch()
    {
        QStringList batch;
        batch.reserve(m_perBatch);
        while (batch.size() < m_perBatch) {
            const qint64 n = m_written++;
            const QString time = QStringLiteral("2026-12-02 20:%1:%2,%3")
                                     .arg((n / 60000) % 60, 2, 10, QLatin1Char('0'))
                                     .arg((n / 1000) % 60, 2, 10, QLatin1Char('0'))
                                     .arg(n % 1000, 3, 10, QLatin1Char('0'));
            if (n % 200 == 199) {
                batch << time
                        + QStringLiteral(" ERROR org.apache.flink.runtime.taskmanager.Task [] - Source: events "
                                         "(1/2) switched from RUNNING to FAILED.");
                batch << QStringLiteral("java.lang.RuntimeException: Simulated failure %1").arg(n);
                for (int i = 0; i < 12; ++i)
                    batch << QStringLiteral("\tat org.apache.flink.streaming.runtime.tasks.StreamTask.frame%1("
                                            "StreamTask.java:%2)")
                                 .arg(i)
                                 .arg(700 + i);
                batch << QStringLiteral("Caused by: java.io.IOException: Connection reset by peer")
                      << QStringLiteral("\t... 14 more");
                m_written += 15;
            } else if (n % 20 == 7) {
                batch << time
                        + QStringLiteral(" WARN  org.apache.flink.runtime.checkpoint.CheckpointCoordinator [] - "
                                         "Checkpoint %1 of job a3f9c2e14b7d4c0e9a51d2f0c8b7e613 expired.")
                              .arg(n);
            } else {
                batch << time
                        + QStringLiteral(" INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator [] - "
                                         "Completed checkpoint %1 for job a3f9c2e14b7d4c0e9a51d2f0c8b7e613 "
                                         "(%2 bytes, checkpointDuration=%3 ms, finalizationTime=0 ms).")
                              .arg(n)
                              .arg(n * 4096)
                              .arg(n % 900);
            }
        }
        emit lines(batch);
    }

    int m_perBatch;
    std::atomic<qint64> m_written = 0;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString jsonPath;
    int rate = 2000;
    int seconds = 10;
    QString search;
    bool wrap = false;
    const QStringList args = QApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rate") && i + 1 < args.size())
            rate = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--search") && i + 1 < args.size())
            search = args.at(++i);
        else if (args.at(i) == QLatin1String("--wrap"))
            wrap = true;
        else
            jsonPath = args.at(i);
    }

    LogView view;
    view.resize(1200, 800);
    view.show();
    if (!search.isEmpty())
        view.findChild<QLineEdit *>(QStringLiteral("logSearchLineEdit"))->setText(search);
    if (wrap)
        view.findChild<QToolButton *>(QStringLiteral("wrapButton"))->setChecked(true);
    QApplication::processEvents();

    QThread thread;
    thread.setObjectName(QStringLiteral("bench-writer"));
    Writer writer(rate);
    writer.moveToThread(&thread);
    QObject::connect(&writer, &Writer::lines, &view, &LogView::appendLines); // queued: another thread
    thread.start();

    QObject receiver;
    StallProbe stall(&receiver);
    stall.start();
    QMetaObject::invokeMethod(&writer, &Writer::start, Qt::QueuedConnection);
    QElapsedTimer wall;
    wall.start();
    QTimer::singleShot(seconds * 1000, &app, [&] {
        QMetaObject::invokeMethod(&writer, &Writer::stop, Qt::BlockingQueuedConnection);
        QTimer::singleShot(300, &app, &QApplication::quit); // the last batch shown
    });
    app.exec();
    stall.stop();
    thread.quit();
    thread.wait();
    view.flush();

    const QList<double> samples = stall.samples();
    const double p50 = percentile(samples, 50);
    const double p90 = percentile(samples, 90);
    const double p99 = percentile(samples, 99);
    const double max = percentile(samples, 100);
    const qint64 written = writer.written();
    QTextStream out(stdout);
    out << "bench_logfollow: " << rate << " lines/s for " << seconds << " s (" << written
        << " lines written, batches every " << BatchIntervalMs << " ms), viewer " << view.width() << "x"
        << view.height() << (wrap ? ", wrapped" : "") << (search.isEmpty() ? "" : ", searching")
        << "; ring: " << view.model()->lineCount() << " lines held, " << view.model()->rowCount() << " rows shown, "
        << view.model()->droppedLines() << " dropped\n";
    out << QStringLiteral("GUI stall (%1 samples, every 5 ms): p50 %2 ms, p90 %3 ms, p99 %4 ms, max %5 ms\n")
               .arg(samples.size())
               .arg(p50, 0, 'f', 2)
               .arg(p90, 0, 'f', 2)
               .arg(p99, 0, 'f', 2)
               .arg(max, 0, 'f', 2);
    out << (p99 <= 16.0 ? "target p99 <= 16 ms: met\n" : "target p99 <= 16 ms: NOT met\n");
    out.flush();
    if (view.model()->lineCount() + view.model()->droppedLines() != written) {
        QTextStream(stderr) << "lines lost: " << written << " written, "
                            << view.model()->lineCount() + view.model()->droppedLines() << " received\n";
        return 1;
    }
    if (!jsonPath.isEmpty()) {
        const QJsonObject result{{QStringLiteral("benchmark"), QStringLiteral("logfollow")},
                                 {QStringLiteral("linesPerSecond"), rate},
                                 {QStringLiteral("seconds"), seconds},
                                 {QStringLiteral("linesWritten"), written},
                                 {QStringLiteral("wrap"), wrap},
                                 {QStringLiteral("search"), search},
                                 {QStringLiteral("stallSamples"), int(samples.size())},
                                 {QStringLiteral("stallP50Ms"), p50},
                                 {QStringLiteral("stallP90Ms"), p90},
                                 {QStringLiteral("stallP99Ms"), p99},
                                 {QStringLiteral("stallMaxMs"), max},
                                 {QStringLiteral("targetMs"), 16},
                                 {QStringLiteral("targetMet"), p99 <= 16.0},
                                 {QStringLiteral("elapsedMs"), wall.elapsed()},
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

#include "bench_logfollow.moc"
