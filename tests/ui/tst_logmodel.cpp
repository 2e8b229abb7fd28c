#include "ui/logs/loglevel.h"
#include "ui/logs/logmodel.h"

#include <QAbstractItemModelTester>
#include <QPoint>
#include <QSignalSpy>
#include <QTest>

using namespace capstan;

namespace {

QString record(int second, const char *level, const QString &message)
{
    return QStringLiteral("2026-12-02 20:31:%1,123 %2 org.apache.flink.runtime.Foo [] - %3")
        .arg(second % 60, 2, 10, QLatin1Char('0'))
        .arg(QString::fromLatin1(level).leftJustified(5), message);
}

// An ERROR record, the exception it logs and a trace of `frames` lines with one cause.
QStringList exception(int second, int frames)
{
    QStringList lines{record(second, "ERROR", QStringLiteral("Fatal error occurred in the cluster entrypoint.")),
                      QStringLiteral("java.lang.ClassNotFoundException: com.example.Main")};
    for (int i = 0; i < frames; ++i)
        lines << QStringLiteral("\tat org.apache.flink.client.Frame%1.run(Frame%1.java:%2)").arg(i).arg(100 + i);
    lines << QStringLiteral("Caused by: java.io.IOException: boom")
          << QStringLiteral("\tat org.apache.flink.Other.run(Other.java:1)") << QStringLiteral("\t... 7 more");
    return lines;
}

QStringList texts(const LogModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.text(row);
    return out;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void parseLevel_data();
    void parseLevel();
    void stackTraceLines();
    void appendAndRoles();
    void ringOverflow();
    void batchLargerThanRing();
    void overflowDropsOrphanTraces();
    void levelFilter();
    void folding();
    void foldingGrowsAcrossBatches();
    void search();
    void searchExpandsFoldedTrace();
    void copyIncludesFoldedTrace();
};

void TestLogModel::parseLevel_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("start");
    QTest::newRow("info") << record(7, "INFO", QStringLiteral("x")) << int(LogLevel::Info) << 24;
    QTest::newRow("warn") << record(7, "WARN", QStringLiteral("x")) << int(LogLevel::Warn) << 24;
    QTest::newRow("error") << record(7, "ERROR", QStringLiteral("x")) << int(LogLevel::Error) << 24;
    QTest::newRow("debug") << record(7, "DEBUG", QStringLiteral("x")) << int(LogLevel::Debug) << 24;
    QTest::newRow("trace") << record(7, "TRACE", QStringLiteral("x")) << int(LogLevel::Trace) << 24;
    QTest::newRow("exception") << QStringLiteral("java.lang.RuntimeException: x") << int(LogLevel::Unknown) << -1;
    QTest::newRow("frame") << QStringLiteral("\tat a.b.C.d(C.java:1)") << int(LogLevel::Unknown) << -1;
    QTest::newRow("short") << QStringLiteral("2026-12-02") << int(LogLevel::Unknown) << -1;
    QTest::newRow("other word") << QStringLiteral("2026-12-02 20:31:07,123 HELLO x") << int(LogLevel::Unknown) << -1;
}

void TestLogModel::parseLevel()
{
    QFETCH(QString, line);
    QFETCH(int, level);
    QFETCH(int, start);
    int at = -1;
    int length = 0;
    QCOMPARE(int(parseLogLevel(line, &at, &length)), level);
    QCOMPARE(at, start);
    if (start >= 0)
        QCOMPARE(line.mid(at, length).trimmed(), line.mid(at, length));
}

void TestLogModel::stackTraceLines()
{
    QVERIFY(isStackTraceLine(u"\tat org.apache.Foo.bar(Foo.java:1)"));
    QVERIFY(isStackTraceLine(u"    at org.apache.Foo.bar(Foo.java:1)"));
    QVERIFY(isStackTraceLine(u"Caused by: java.io.IOException: x"));
    QVERIFY(isStackTraceLine(u"\t... 12 more"));
    QVERIFY(isStackTraceLine(u"\tSuppressed: java.lang.Exception"));
    QVERIFY(!isStackTraceLine(u"java.lang.RuntimeException: at the end"));
    QVERIFY(!isStackTraceLine(u"at the start"));
    QVERIFY(!isStackTraceLine(record(1, "INFO", QStringLiteral("Caused by: nothing"))));
}

void TestLogModel::appendAndRoles()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendLines({record(1, "INFO", QStringLiteral("Starting")), record(2, "WARN", QStringLiteral("Slow"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.index(1).data(LogModel::LevelRole).toInt(), int(LogLevel::Warn));
    QCOMPARE(model.index(1).data(LogModel::LevelSpanRole).toPoint(), QPoint(24, 4));
    // A line without a timestamp belongs to the record before it.
    model.appendLines({QStringLiteral("  continued")});
    QCOMPARE(model.index(2).data(LogModel::LevelRole).toInt(), int(LogLevel::Warn));
    QCOMPARE(model.index(2).data(LogModel::LevelSpanRole).toPoint().x(), -1);
    // \r\n logs lose their \r.
    model.appendLines({QStringLiteral("windows\r")});
    QCOMPARE(model.text(3), QStringLiteral("windows"));
    QCOMPARE(model.maxLineLength(), record(1, "INFO", QStringLiteral("Starting")).size());
}

void TestLogModel::ringOverflow()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCapacity(1000);
    QSignalSpy dropped(&model, &LogModel::droppedLinesChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int batch = 0; batch < 30; ++batch) {
        QStringList lines;
        for (int i = 0; i < 100; ++i)
            lines << record(i, "INFO", QStringLiteral("line %1").arg(batch * 100 + i));
        model.appendLines(lines);
    }
    QCOMPARE(model.lineCount(), 1000);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.droppedLines(), 2000);
    QVERIFY(model.text(0).endsWith(QStringLiteral("line 2000")));
    QVERIFY(model.text(999).endsWith(QStringLiteral("line 2999")));
    QCOMPARE(dropped.count(), 20);
    QCOMPARE(dropped.last().at(0).toLongLong(), 2000);
    QCOMPARE(removed.count(), 20);
    model.clear();
    QCOMPARE(model.droppedLines(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestLogModel::batchLargerThanRing()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCapacity(100);
    QStringList lines;
    for (int i = 0; i < 350; ++i)
        lines << QStringLiteral("line %1").arg(i);
    model.appendLines(lines);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.droppedLines(), 250);
    QCOMPARE(model.text(0), QStringLiteral("line 250"));
}

void TestLogModel::overflowDropsOrphanTraces()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCapacity(100);
    // 2 lines of header, 40 frames, 3 lines of cause: 45 lines; the trace folds into the exception line.
    model.appendLines(exception(1, 40));
    QCOMPARE(model.rowCount(), 2);
    QStringList more;
    for (int i = 0; i < 60; ++i)
        more << record(i, "INFO", QStringLiteral("after %1").arg(i));
    model.appendLines(more); // 105 lines: the first 5 go, so the header goes, and its trace with it
    QCOMPARE(model.droppedLines(), 45);
    QCOMPARE(model.lineCount(), 60);
    QCOMPARE(model.rowCount(), 60);
    QVERIFY(model.text(0).endsWith(QStringLiteral("after 0")));
}

void TestLogModel::levelFilter()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendLines({QStringLiteral("Starting (no layout yet)"), record(1, "DEBUG", QStringLiteral("d")),
                       record(2, "INFO", QStringLiteral("i")), record(3, "WARN", QStringLiteral("w")),
                       QStringLiteral("  warn continuation"), record(4, "ERROR", QStringLiteral("e"))});
    QCOMPARE(model.rowCount(), 6);
    model.setLevelFilter(logLevelBit(LogLevel::Error) | logLevelBit(LogLevel::Warn));
    QCOMPARE(texts(model),
             QStringList({QStringLiteral("Starting (no layout yet)"), record(3, "WARN", QStringLiteral("w")),
                          QStringLiteral("  warn continuation"), record(4, "ERROR", QStringLiteral("e"))}));
    // New lines pass the same filter.
    model.appendLines({record(5, "INFO", QStringLiteral("i2")), record(6, "ERROR", QStringLiteral("e2"))});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.text(4), record(6, "ERROR", QStringLiteral("e2")));
    model.setLevelFilter(logLevelBit(LogLevel::Debug));
    QCOMPARE(model.rowCount(), 2);
    model.setLevelFilter(LogModel::AllLevels);
    QCOMPARE(model.rowCount(), 8);
}

void TestLogModel::folding()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendLines(exception(1, 5));
    model.appendLines({record(2, "INFO", QStringLiteral("after"))});
    // ERROR record, exception line (folded, 8 trace lines under it), the next record.
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.isFoldable(1));
    QVERIFY(!model.isFoldable(0));
    QVERIFY(!model.isExpanded(1));
    QCOMPARE(model.index(1).data(LogModel::FoldedCountRole).toInt(), 8);
    QCOMPARE(model.index(1).data(LogModel::LevelRole).toInt(), int(LogLevel::Error));
    QCOMPARE(model.index(1).data(LogModel::FoldedCauseRole).toString(),
             QStringLiteral("Caused by: java.io.IOException: boom"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setExpanded(1, true);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.index(1).data(LogModel::FoldedCountRole).toInt(), 0);
    QCOMPARE(model.index(1).data(LogModel::FoldedCauseRole).toString(), QString());
    QVERIFY(model.index(2).data(LogModel::TraceRole).toBool());
    QCOMPARE(model.text(7), QStringLiteral("Caused by: java.io.IOException: boom"));
    QCOMPARE(model.text(10), record(2, "INFO", QStringLiteral("after")));
    model.setExpanded(1, false);
    QCOMPARE(model.rowCount(), 3);
    model.setAllExpanded(true);
    QCOMPARE(model.rowCount(), 11);
    // The level filter keeps the unfolded state.
    model.setLevelFilter(logLevelBit(LogLevel::Info));
    QCOMPARE(model.rowCount(), 1);
    model.setLevelFilter(LogModel::AllLevels);
    QCOMPARE(model.rowCount(), 11);
}

void TestLogModel::foldingGrowsAcrossBatches()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QStringList lines = exception(1, 10);
    model.appendLines(lines.mid(0, 4));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(LogModel::FoldedCountRole).toInt(), 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.appendLines(lines.mid(4));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1).data(LogModel::FoldedCountRole).toInt(), 13);
    // A batch that ends the trace and starts another says the first one grew.
    changed.clear();
    model.appendLines(QStringList{QStringLiteral("\tat last.Frame.run(Frame.java:2)")} + exception(2, 3));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1).data(LogModel::FoldedCountRole).toInt(), 14);
    QCOMPARE(model.index(3).data(LogModel::FoldedCountRole).toInt(), 6);
    // Expanded, a growing trace shows its new lines.
    model.setExpanded(3, true);
    model.appendLines({QStringLiteral("\tat more.Frame.run(Frame.java:1)")});
    QCOMPARE(model.rowCount(), 11);
}

void TestLogModel::search()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counted(&model, &LogModel::matchCountChanged);
    model.appendLines({record(1, "INFO", QStringLiteral("Checkpoint 1 completed")),
                       record(2, "INFO", QStringLiteral("nothing")),
                       record(3, "WARN", QStringLiteral("checkpoint 2 declined")),
                       record(4, "INFO", QStringLiteral("CHECKPOINT 3 completed"))});
    model.setSearchText(QStringLiteral("checkpoint"));
    QCOMPARE(model.matchCount(), 3);
    QCOMPARE(counted.last().at(0).toInt(), 3);
    QCOMPARE(model.findMatch(-1, false), 0);
    QCOMPARE(model.findMatch(0, false), 2);
    QCOMPARE(model.matchNumber(2), 2);
    QCOMPARE(model.findMatch(2, false), 3);
    QCOMPARE(model.findMatch(3, false), 0); // wraps
    QCOMPARE(model.findMatch(0, true), 3); // wraps backwards
    QCOMPARE(model.findMatch(3, true), 2);
    QCOMPARE(model.matchNumber(1), 0);
    // Matches of a hidden level do not count; new lines are counted as they arrive.
    model.setLevelFilter(logLevelBit(LogLevel::Info));
    QCOMPARE(model.matchCount(), 2);
    model.appendLines({record(5, "INFO", QStringLiteral("checkpoint 4"))});
    QCOMPARE(model.matchCount(), 3);
    model.setSearchText(QString());
    QCOMPARE(model.matchCount(), 0);
    QCOMPARE(model.findMatch(0, false), -1);
}

void TestLogModel::searchExpandsFoldedTrace()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendLines(exception(1, 5));
    QCOMPARE(model.rowCount(), 2);
    model.setSearchText(QStringLiteral("IOException"));
    QCOMPARE(model.matchCount(), 1);
    const int row = model.findMatch(-1, false);
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(model.isExpanded(1));
    QCOMPARE(model.text(row), QStringLiteral("Caused by: java.io.IOException: boom"));
}

void TestLogModel::copyIncludesFoldedTrace()
{
    LogModel model;
    const QStringList lines = exception(1, 2);
    model.appendLines(lines);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.copyText({1}), lines.mid(1).join(QLatin1Char('\n')));
    QCOMPARE(model.copyText({}), lines.join(QLatin1Char('\n')));
    model.setExpanded(1, true);
    QCOMPARE(model.copyText({1}), lines.at(1));
}

QTEST_APPLESS_MAIN(TestLogModel)
#include "tst_logmodel.moc"
