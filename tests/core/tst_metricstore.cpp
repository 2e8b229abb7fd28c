// MetricStore (SQLite, keyed by deployment uid) and the Downsampler that feeds the charts.

#include "metrics/downsampler.h"
#include "metrics/metricstore.h"

#include <QDateTime>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

class TestMetricStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void appendAndRange();
    void keyedByDeploymentNotJob();
    void survivesReopen();
    void retention();
    void downsampleKeepsMinAndMax();
    void downsampleNeverJoinsAcrossGaps();
    void downsampleBoundsAndEmpty();

private:
    static QList<MetricSample> series(qint64 start, int count, qint64 stepMs, const QString &job,
                                      const QString &metric = QStringLiteral("m"));
    QTemporaryDir m_dir;
};

void TestMetricStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QList<MetricSample> TestMetricStore::series(qint64 start, int count, qint64 stepMs, const QString &job,
                                            const QString &metric)
{
    QList<MetricSample> out;
    for (int i = 0; i < count; ++i)
        out.append({start + i * stepMs, job, metric, double(i)});
    return out;
}

void TestMetricStore::appendAndRange()
{
    MetricStore store(m_dir.filePath(QStringLiteral("range.sqlite")));
    QVERIFY2(store.isOpen(), qPrintable(store.lastError().message));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<MetricSample> samples = series(now - 100000, 100, 1000, QStringLiteral("job-a"), QStringLiteral("busy"));
    samples += series(now - 100000, 100, 1000, QStringLiteral("job-a"), QStringLiteral("restarts"));
    QVERIFY(store.append(QStringLiteral("uid-1"), samples));

    const QList<MetricSample> busy = store.range(QStringLiteral("uid-1"), QStringLiteral("busy"), now - 50000, now);
    QCOMPARE(busy.size(), 50);
    QCOMPARE(busy.first().timeMs, now - 50000);
    QCOMPARE(busy.first().value, 50.0);
    QCOMPARE(busy.first().metric, QStringLiteral("busy"));
    QCOMPARE(busy.first().jobId, QStringLiteral("job-a"));
    for (int i = 1; i < busy.size(); ++i)
        QVERIFY(busy.at(i - 1).timeMs < busy.at(i).timeMs);
    QCOMPARE(store.range(QStringLiteral("uid-1"), now - 50000, now).size(), 100);
    QVERIFY(store.range(QStringLiteral("uid-2"), QStringLiteral("busy"), 0, now).isEmpty());
    QVERIFY(store.range(QStringLiteral("uid-1"), QStringLiteral("other"), 0, now).isEmpty());
}

void TestMetricStore::keyedByDeploymentNotJob()
{
    // A redeploy brings a new job id; the history of the deployment holds both jobs in one series.
    MetricStore store(m_dir.filePath(QStringLiteral("jobs.sqlite")));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(store.append(QStringLiteral("uid-1"), series(now - 20000, 10, 1000, QStringLiteral("old-job"))));
    QVERIFY(store.append(QStringLiteral("uid-1"), series(now - 10000, 10, 1000, QStringLiteral("new-job"))));
    const QList<MetricSample> all = store.range(QStringLiteral("uid-1"), QStringLiteral("m"), 0, now);
    QCOMPARE(all.size(), 20);
    QCOMPARE(all.first().jobId, QStringLiteral("old-job"));
    QCOMPARE(all.last().jobId, QStringLiteral("new-job"));
}

void TestMetricStore::survivesReopen()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        MetricStore store(path);
        QVERIFY(store.append(QStringLiteral("uid-1"), series(now - 5000, 5, 1000, QStringLiteral("job"))));
    }
    MetricStore reopened(path);
    QVERIFY(reopened.isOpen());
    const QList<MetricSample> samples = reopened.range(QStringLiteral("uid-1"), QStringLiteral("m"), 0, now);
    QCOMPARE(samples.size(), 5);
    QCOMPARE(samples, series(now - 5000, 5, 1000, QStringLiteral("job")));
}

void TestMetricStore::retention()
{
    MetricStore store(m_dir.filePath(QStringLiteral("retention.sqlite")));
    QCOMPARE(store.retentionMs(), MetricStore::DefaultRetentionMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000;
    // 10 samples a day apart (the newest a second old, the oldest 9 days), and one 8 days old.
    QList<MetricSample> samples;
    for (int k = 9; k >= 0; --k)
        samples.append({now - k * day - 1000, QStringLiteral("job"), QStringLiteral("m"), double(k)});
    samples.prepend({now - 8 * day - 2000, QStringLiteral("job"), QStringLiteral("m"), -1});
    // The first append purges before inserting, so these all land; the explicit purge keeps 7 days.
    QVERIFY(store.append(QStringLiteral("uid-1"), samples));
    QCOMPARE(store.range(QStringLiteral("uid-1"), QStringLiteral("m"), 0, now).size(), 11);
    QCOMPARE(store.purgeOlderThan(now - store.retentionMs()), 4);
    QCOMPARE(store.range(QStringLiteral("uid-1"), QStringLiteral("m"), 0, now).size(), 7);

    // A shorter retention applies at the next append.
    store.setRetentionMs(2 * day);
    QVERIFY(store.append(QStringLiteral("uid-1"), {}));
    const QList<MetricSample> kept = store.range(QStringLiteral("uid-1"), QStringLiteral("m"), 0, now);
    QCOMPARE(kept.size(), 2);
    QVERIFY(kept.first().timeMs >= now - 2 * day);
}

void TestMetricStore::downsampleKeepsMinAndMax()
{
    // 10 000 samples of a sine with one spike and one dip, down to 100 pixels.
    QList<MetricSample> samples;
    for (int i = 0; i < 10000; ++i)
        samples.append({i * 1000LL, QStringLiteral("job"), QStringLiteral("m"), std::sin(i / 300.0) * 10});
    samples[4321].value = 500;
    samples[7777].value = -400;
    const auto segments = Downsampler::downsample(samples, 0, 9999 * 1000LL, 100, 5000);
    QCOMPARE(segments.size(), 1);
    const QList<QPointF> &points = segments.first();
    QVERIFY2(points.size() <= 200, qPrintable(QString::number(points.size())));
    QVERIFY(points.size() >= 100);
    double minY = 1e9;
    double maxY = -1e9;
    for (int i = 0; i < points.size(); ++i) {
        minY = std::min(minY, points.at(i).y());
        maxY = std::max(maxY, points.at(i).y());
        if (i > 0)
            QVERIFY(points.at(i - 1).x() < points.at(i).x()); // time order, no duplicates
    }
    QCOMPARE(maxY, 500.0);
    QCOMPARE(minY, -400.0);
    QVERIFY(points.contains(QPointF(4321 * 1000.0, 500)));
    QVERIFY(points.contains(QPointF(7777 * 1000.0, -400)));

    // Fewer samples than pixels: every sample is kept.
    const auto few = Downsampler::downsample(samples.mid(0, 50), 0, 49 * 1000LL, 800, 5000);
    QCOMPARE(few.size(), 1);
    QCOMPARE(few.first().size(), 50);
}

void TestMetricStore::downsampleNeverJoinsAcrossGaps()
{
    // 1 s samples, a 10 minute hole, more samples; another job after a 30 s hole.
    QList<MetricSample> samples = series(0, 600, 1000, QStringLiteral("a"));
    samples += series(600 * 1000 + 600 * 1000, 600, 1000, QStringLiteral("a"));
    samples += series(1800 * 1000 + 30 * 1000, 600, 1000, QStringLiteral("b"));
    const qint64 to = samples.last().timeMs;
    for (const int width : {50, 400, 1600, 100000}) {
        const auto segments = Downsampler::downsample(samples, 0, to, width, 5000);
        QCOMPARE(segments.size(), 3);
        // No segment spans a hole.
        for (const QList<QPointF> &segment : segments) {
            for (const auto &[holeStart, holeEnd] : {std::pair(599000.0, 1200000.0), std::pair(1799000.0, 1830000.0)})
                QVERIFY(!(segment.first().x() <= holeStart && segment.last().x() >= holeEnd));
        }
        QCOMPARE(segments.at(0).last().x(), 599 * 1000.0);
        QCOMPARE(segments.at(1).first().x(), 1200 * 1000.0);
        QCOMPARE(segments.at(2).first().x(), 1830 * 1000.0);
    }
    // A larger gap threshold bridges the 30 s hole but not the 10 minute one.
    QCOMPARE(Downsampler::downsample(samples, 0, to, 400, 60000).size(), 2);
}

void TestMetricStore::downsampleBoundsAndEmpty()
{
    const QList<MetricSample> samples = series(0, 100, 1000, QStringLiteral("a"));
    QVERIFY(Downsampler::downsample({}, 0, 1000, 100, 0).isEmpty());
    QVERIFY(Downsampler::downsample(samples, 200000, 300000, 100, 0).isEmpty());
    const auto inside = Downsampler::downsample(samples, 10000, 19000, 1000, 0);
    QCOMPARE(inside.size(), 1);
    QCOMPARE(inside.first().size(), 10);
    QCOMPARE(inside.first().first().x(), 10000.0);
    QCOMPARE(inside.first().last().x(), 19000.0);
    // One pixel: at most the lowest and the highest sample.
    QVERIFY(Downsampler::downsample(samples, 0, 99000, 0, 0).first().size() <= 2);
}

QTEST_GUILESS_MAIN(TestMetricStore)
#include "tst_metricstore.moc"
