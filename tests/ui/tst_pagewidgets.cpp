#include "ui/configurationview.h"
#include "ui/exceptionsview.h"
#include "ui/theme.h"
#include "ui/widgets/actionbar.h"
#include "ui/widgets/linediff.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/snapshottimeline.h"
#include "ui/widgets/yamlhighlighter.h"

#include <cmath>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeWidget>

using namespace capstan;

namespace {

// Whether text in this font lines up in columns. Measured, not asked: fontconfig does not mark
// every monospace font as such (Debian's Noto Sans Mono has no spacing property).
bool isMonospace(const QFont &font)
{
    const QFontMetricsF metrics(font);
    return qFuzzyCompare(metrics.horizontalAdvance(QStringLiteral("iiiiii")),
                         metrics.horizontalAdvance(QStringLiteral("MMMMMM")));
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void showAndWait(QWidget *widget, const QSize &size)
{
    widget->resize(size);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
}

QStringList linesOf(const QList<LineDiff::Line> &diff, LineDiff::Op skip)
{
    QStringList lines;
    for (const LineDiff::Line &line : diff) {
        if (line.op != skip)
            lines.append(line.text);
    }
    return lines;
}

int lcsLength(const QStringList &a, const QStringList &b)
{
    QList<QList<int>> table(a.size() + 1, QList<int>(b.size() + 1, 0));
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j)
            table[i][j]
                = a.at(i - 1) == b.at(j - 1) ? table[i - 1][j - 1] + 1 : std::max(table[i - 1][j], table[i][j - 1]);
    }
    return table[a.size()][b.size()];
}

QJsonObject specWith(int parallelism, const QString &image = QStringLiteral("registry.example.com/fraud-scoring:1.8.2"))
{
    return QJsonObject{
        {QStringLiteral("image"), image},
        {QStringLiteral("flinkVersion"), QStringLiteral("v1_17")},
        {QStringLiteral("serviceAccount"), QStringLiteral("flink")},
        {QStringLiteral("flinkConfiguration"),
         QJsonObject{
             {QStringLiteral("taskmanager.numberOfTaskSlots"), QStringLiteral("2")},
             {QStringLiteral("state.savepoints.dir"), QStringLiteral("s3://flink-state/fraud-scoring/savepoints")},
             {QStringLiteral("state.checkpoints.dir"), QStringLiteral("s3://flink-state/fraud-scoring/checkpoints")},
             {QStringLiteral("execution.checkpointing.interval"), QStringLiteral("3m")},
             {QStringLiteral("high-availability.type"), QStringLiteral("kubernetes")}}},
        {QStringLiteral("jobManager"),
         QJsonObject{{QStringLiteral("replicas"), 1},
                     {QStringLiteral("resource"),
                      QJsonObject{{QStringLiteral("memory"), QStringLiteral("2048m")}, {QStringLiteral("cpu"), 1}}}}},
        {QStringLiteral("taskManager"),
         QJsonObject{{QStringLiteral("resource"),
                      QJsonObject{{QStringLiteral("memory"), QStringLiteral("4096m")}, {QStringLiteral("cpu"), 2}}}}},
        {QStringLiteral("job"),
         QJsonObject{{QStringLiteral("jarURI"), QStringLiteral("local:///opt/flink/usrlib/fraud-scoring.jar")},
                     {QStringLiteral("entryClass"), QStringLiteral("com.example.fraud.ScoringJob")},
                     {QStringLiteral("args"), QJsonArray{QStringLiteral("--window"), QStringLiteral("5m")}},
                     {QStringLiteral("parallelism"), parallelism},
                     {QStringLiteral("upgradeMode"), QStringLiteral("savepoint")},
                     {QStringLiteral("allowNonRestoredState"), false},
                     {QStringLiteral("state"), QStringLiteral("running")}}},
    };
}

QString serializedSpec(const QJsonObject &spec, qint64 generation)
{
    const QJsonObject wrapper{
        {QStringLiteral("spec"), spec},
        {QStringLiteral("resource_metadata"),
         QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
                     {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("generation"), generation}}},
                     {QStringLiteral("firstDeployment"), false}}}};
    return QString::fromUtf8(QJsonDocument(wrapper).toJson(QJsonDocument::Compact));
}

QJsonObject deployment(qint64 generation, qint64 observed, const QJsonObject &spec, const QString &reconciled,
                       const QString &stable)
{
    QJsonObject reconciliation{{QStringLiteral("state"), QStringLiteral("DEPLOYED")}};
    if (!reconciled.isEmpty())
        reconciliation.insert(QStringLiteral("lastReconciledSpec"), reconciled);
    if (!stable.isEmpty())
        reconciliation.insert(QStringLiteral("lastStableSpec"), stable);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("fraud-scoring")},
                     {QStringLiteral("namespace"), QStringLiteral("payments")},
                     {QStringLiteral("generation"), generation}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("observedGeneration"), observed},
                     {QStringLiteral("lifecycleState"), QStringLiteral("STABLE")},
                     {QStringLiteral("reconciliationStatus"), reconciliation}}},
    };
}

QJsonObject parallelismChange()
{
    return deployment(3, 2, specWith(4), serializedSpec(specWith(2), 2), serializedSpec(specWith(1), 1));
}

QString javaTrace(const QString &head)
{
    QStringList lines{head};
    const QStringList frames{
        QStringLiteral("org.apache.flink.runtime.state.heap.HeapKeyedStateBackend.tryRegisterStateTable("
                       "HeapKeyedStateBackend.java:266)"),
        QStringLiteral("org.apache.flink.runtime.state.heap.HeapKeyedStateBackend.createOrUpdateInternalState("
                       "HeapKeyedStateBackend.java:356)"),
        QStringLiteral(
            "org.apache.flink.runtime.state.KeyedStateFactory.createOrUpdateInternalState(KeyedStateFactory.java:47)"),
        QStringLiteral("org.apache.flink.runtime.state.ttl.TtlStateFactory.createStateAndWrapWithTtlIfEnabled("
                       "TtlStateFactory.java:73)"),
        QStringLiteral("org.apache.flink.runtime.state.AbstractKeyedStateBackend.getOrCreateKeyedState("
                       "AbstractKeyedStateBackend.java:302)"),
        QStringLiteral("org.apache.flink.runtime.state.AbstractKeyedStateBackend.getPartitionedState("
                       "AbstractKeyedStateBackend.java:353)"),
        QStringLiteral("org.apache.flink.runtime.state.DefaultKeyedStateStore.getPartitionedState("
                       "DefaultKeyedStateStore.java:115)"),
        QStringLiteral(
            "org.apache.flink.runtime.state.DefaultKeyedStateStore.getState(DefaultKeyedStateStore.java:60)"),
        QStringLiteral("org.apache.flink.streaming.api.operators.StreamingRuntimeContext.getState("
                       "StreamingRuntimeContext.java:203)"),
        QStringLiteral("com.example.fraud.ScoringFunction.open(ScoringFunction.java:58)"),
        QStringLiteral("org.apache.flink.api.common.functions.util.FunctionUtils.openFunction(FunctionUtils.java:34)"),
        QStringLiteral("org.apache.flink.streaming.api.operators.AbstractUdfStreamOperator.open("
                       "AbstractUdfStreamOperator.java:101)"),
        QStringLiteral(
            "org.apache.flink.streaming.api.operators.KeyedProcessOperator.open(KeyedProcessOperator.java:55)"),
        QStringLiteral("org.apache.flink.streaming.runtime.tasks.RegularOperatorChain.initializeStateAndOpenOperators("
                       "RegularOperatorChain.java:107)"),
        QStringLiteral("org.apache.flink.streaming.runtime.tasks.StreamTask.restoreGates(StreamTask.java:731)"),
        QStringLiteral("org.apache.flink.streaming.runtime.tasks.StreamTask.restoreInternal(StreamTask.java:706)"),
        QStringLiteral("org.apache.flink.streaming.runtime.tasks.StreamTask.restore(StreamTask.java:672)"),
        QStringLiteral("org.apache.flink.runtime.taskmanager.Task.doRun(Task.java:935)"),
        QStringLiteral("org.apache.flink.runtime.taskmanager.Task.run(Task.java:550)"),
    };
    for (const QString &frame : frames)
        lines << QStringLiteral("\tat ") + frame;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

JobException makeException(const QDateTime &time, const QString &name, bool rootCause, const QString &task)
{
    JobException e;
    e.time = time;
    e.exceptionName = name;
    e.stackTrace = javaTrace(name);
    e.taskName = task;
    e.location = QStringLiteral("fraud-scoring-taskmanager-1-2.payments:6122");
    e.rootCause = rootCause;
    return e;
}

QDateTime baseTime()
{
    return QDateTime(QDate(2024, 5, 14), QTime(13, 42, 7), Qt::UTC);
}

QList<JobException> realisticExceptions()
{
    const QDateTime t = baseTime();
    return {
        makeException(t,
                      QStringLiteral(
                          "java.lang.IllegalStateException: New feature enabled but not supported by the state schema"),
                      true, QStringLiteral("KeyedProcess -> Sink: fraud-alerts (1/2)#3")),
        makeException(t,
                      QStringLiteral(
                          "java.lang.IllegalStateException: New feature enabled but not supported by the state schema"),
                      false, QStringLiteral("KeyedProcess -> Sink: fraud-alerts (2/2)#3")),
        makeException(t.addSecs(-540),
                      QStringLiteral("java.util.concurrent.TimeoutException: Heartbeat of TaskManager with id "
                                     "fraud-scoring-taskmanager-1-1 timed out."),
                      true, QStringLiteral("Source: transactions -> Map (1/2)#2")),
        makeException(t.addSecs(-1720),
                      QStringLiteral("org.apache.flink.util.FlinkException: Disconnect from JobManager responsible for "
                                     "8d0c3f6e4a2b1c9d7e5f3a1b2c4d6e8f."),
                      true, QStringLiteral("Source: transactions -> Map (2/2)#1")),
    };
}

Snapshot makeSnapshot(const QString &type, const QString &state, const QDateTime &time, const QString &trigger,
                      int index)
{
    Snapshot s;
    s.type = type;
    s.state = state;
    s.time = time;
    s.trigger = trigger;
    s.jobId = QStringLiteral("a3f9c2d17b8e4f60a1b2c3d4e5f60718");
    if (type == QLatin1String("SAVEPOINT")) {
        s.key = QStringLiteral("uid-sp-%1").arg(index);
        s.name = QStringLiteral("fraud-scoring-savepoint-%1").arg(index);
        s.path = QStringLiteral("s3://flink-state/fraud-scoring/savepoints/savepoint-a3f9c2-%1")
                     .arg(index, 6, 16, QLatin1Char('0'));
    } else {
        s.key = QStringLiteral("jm:%1").arg(index);
        s.checkpointId = index;
        s.path = QStringLiteral("s3://flink-state/fraud-scoring/checkpoints/a3f9c2/chk-%1").arg(index);
    }
    if (state == QLatin1String("FAILED"))
        s.error = QStringLiteral("Checkpoint was declined (tasks not ready)");
    return s;
}

struct TimelineData
{
    QList<Snapshot> snapshots;
    QList<QPair<QDateTime, qint64>> revisions;
    QList<JobRun> jobs;
};

// Two hours ending now: three jobs, two spec generations, six savepoints (one FAILED) and checkpoints.
TimelineData realisticTimeline()
{
    TimelineData d;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-2 * 3600);
    const QList<QString> ids{QStringLiteral("a3f9c2d17b8e4f60a1b2c3d4e5f60718"),
                             QStringLiteral("5be0477c9d2a4e1f8c3b6a5d4e3f2a10"),
                             QStringLiteral("e81d2c7f0a9b4c3d8e7f6a5b4c3d2e1f")};
    d.jobs = {
        JobRun{ids[0], start, start.addSecs(2400), QStringLiteral("CANCELED"), 1, {}},
        JobRun{ids[1], start.addSecs(2460), start.addSecs(4800), QStringLiteral("FAILED"), 2, {}},
        JobRun{ids[2], start.addSecs(4860), QDateTime(), QStringLiteral("RUNNING"), 2, {}},
    };
    d.revisions = {{start.addSecs(-60), 1}, {start.addSecs(2380), 2}};
    int checkpointId = 1;
    for (qint64 s = 180; s < 2 * 3600; s += 180) {
        const bool gap = (s > 2400 && s < 2640) || (s > 4800 && s < 5040);
        if (gap)
            continue;
        const QString state = s == 3780 ? QStringLiteral("FAILED")
            : s + 180 >= 2 * 3600       ? QStringLiteral("IN_PROGRESS")
                                        : QStringLiteral("COMPLETED");
        d.snapshots.append(makeSnapshot(QStringLiteral("CHECKPOINT"), state, start.addSecs(s),
                                        QStringLiteral("PERIODIC"), checkpointId++));
    }
    d.snapshots.append(makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("COMPLETED"), start.addSecs(1200),
                                    QStringLiteral("MANUAL"), 1));
    d.snapshots.append(makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("COMPLETED"), start.addSecs(2390),
                                    QStringLiteral("UPGRADE"), 2));
    d.snapshots.append(makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("FAILED"), start.addSecs(3900),
                                    QStringLiteral("MANUAL"), 3));
    d.snapshots.append(makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("COMPLETED"), start.addSecs(4300),
                                    QStringLiteral("MANUAL"), 4));
    d.snapshots.append(makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("ABANDONED"), start.addSecs(4780),
                                    QStringLiteral("UPGRADE"), 5));
    d.snapshots.append(makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("TRIGGER_PENDING"), end.addSecs(-240),
                                    QStringLiteral("MANUAL"), 6));
    return d;
}

} // namespace

class TestPageWidgets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void lineDiffEdgeCases();
    void lineDiffIsMinimal();
    void yamlHighlighterFormats();

    void configurationPendingBanner();
    void configurationDiff();
    void configurationEqualAndMissing();
    void configurationKeepsScroll();

    void exceptionsRootCauseFirst();
    void exceptionsStackTraceCollapsed();
    void exceptionsKeepExpansion();
    void exceptionsEmptyAndUnavailable();

    void timelineEmpty();
    void timelineOneItem();
    void timelineManyItems();
    void timelineRealistic();
    void timelineLabelsStayApart();
    void actionBarButtonsLookLikeButtons();

    void darkPalette();

private:
    void shootAll(const QString &suffix);
    QPalette m_lightPalette;
};

void TestPageWidgets::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_lightPalette = QApplication::style()->standardPalette();
    QApplication::setPalette(m_lightPalette);
}

void TestPageWidgets::lineDiffEdgeCases()
{
    using Op = LineDiff::Op;
    QVERIFY(LineDiff::diff(QStringList(), QStringList()).isEmpty());
    const QStringList abc{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QCOMPARE(LineDiff::diff(abc, abc).size(), 3);
    QVERIFY(LineDiff::isEqual(LineDiff::diff(abc, abc)));

    QList<LineDiff::Line> expected{
        {Op::Added, QStringLiteral("a")}, {Op::Added, QStringLiteral("b")}, {Op::Added, QStringLiteral("c")}};
    QCOMPARE(LineDiff::diff(QStringList(), abc), expected);

    // A change in the middle: the removal comes before the addition.
    const QStringList changed{QStringLiteral("a"), QStringLiteral("B"), QStringLiteral("c")};
    expected = {{Op::Same, QStringLiteral("a")},
                {Op::Removed, QStringLiteral("b")},
                {Op::Added, QStringLiteral("B")},
                {Op::Same, QStringLiteral("c")}};
    QCOMPARE(LineDiff::diff(abc, changed), expected);

    // Everything different.
    const QStringList xy{QStringLiteral("x"), QStringLiteral("y")};
    const QList<LineDiff::Line> all = LineDiff::diff(abc, xy);
    QCOMPARE(all.size(), 5);
    QCOMPARE(linesOf(all, Op::Added), abc);
    QCOMPARE(linesOf(all, Op::Removed), xy);

    // Strings: a trailing newline does not add an empty line.
    QCOMPARE(LineDiff::splitLines(QStringLiteral("a\nb\n")), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(LineDiff::diff(QStringLiteral("a\nb\n"), QStringLiteral("a\nb\nc\n")).last(),
             (LineDiff::Line{Op::Added, QStringLiteral("c")}));
}

void TestPageWidgets::lineDiffIsMinimal()
{
    // Random small texts over a tiny alphabet: the diff reproduces both sides and keeps a longest common subsequence.
    QRandomGenerator random(20240514);
    for (int round = 0; round < 300; ++round) {
        QStringList a;
        QStringList b;
        const int na = static_cast<int>(random.bounded(12));
        const int nb = static_cast<int>(random.bounded(12));
        for (int i = 0; i < na; ++i)
            a << QString(QChar(u'a' + random.bounded(4)));
        for (int i = 0; i < nb; ++i)
            b << QString(QChar(u'a' + random.bounded(4)));
        const QList<LineDiff::Line> diff = LineDiff::diff(a, b);
        QCOMPARE(linesOf(diff, LineDiff::Op::Added), a);
        QCOMPARE(linesOf(diff, LineDiff::Op::Removed), b);
        const auto same = std::count_if(diff.cbegin(), diff.cend(),
                                        [](const LineDiff::Line &l) { return l.op == LineDiff::Op::Same; });
        QCOMPARE(static_cast<int>(same), lcsLength(a, b));
    }
    // A larger input stays fast (prefix and suffix trimming plus O(ND)).
    QStringList big;
    for (int i = 0; i < 5000; ++i)
        big << QStringLiteral("line %1").arg(i);
    QStringList edited = big;
    edited[2500] = QStringLiteral("changed");
    edited.insert(100, QStringLiteral("inserted"));
    const QList<LineDiff::Line> diff = LineDiff::diff(big, edited);
    QCOMPARE(diff.size(), 5002);
}

void TestPageWidgets::yamlHighlighterFormats()
{
    QTextDocument document;
    YamlHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("job:\n  parallelism: 2 # more\n  args:\n  - --window\n  enabled: true\n"));
    highlighter.rehighlight(); // the first pass would otherwise wait for the event loop
    const auto formatAt = [&document](int blockNumber, int position) {
        const QTextBlock block = document.findBlockByNumber(blockNumber);
        const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
        for (const QTextLayout::FormatRange &range : formats) {
            if (position >= range.start && position < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    QCOMPARE(formatAt(0, 0), highlighter.keyFormat().foreground().color());
    QCOMPARE(formatAt(1, 2), highlighter.keyFormat().foreground().color());
    QCOMPARE(formatAt(1, 15), highlighter.literalFormat().foreground().color());
    QCOMPARE(formatAt(1, 19), highlighter.commentFormat().foreground().color());
    QCOMPARE(formatAt(3, 2), highlighter.dashFormat().foreground().color());
    QCOMPARE(formatAt(3, 4), highlighter.stringFormat().foreground().color());
    QCOMPARE(formatAt(4, 12), highlighter.literalFormat().foreground().color());
    QVERIFY(!highlighter.isDarkScheme());
    highlighter.setPalette(Theme::darkPalette());
    QVERIFY(highlighter.isDarkScheme());
}

void TestPageWidgets::configurationPendingBanner()
{
    ConfigurationView view;
    auto *banner = view.findChild<MessageBanner *>(QStringLiteral("pendingSpecBanner"));
    QVERIFY(banner);
    view.setObject(parallelismChange());
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->text(),
             QStringLiteral("A spec change is pending: generation 3 is not yet reconciled (observed 2)."));
    showAndWait(&view, QSize(760, 640));
    saveScreenshot(&view, QStringLiteral("configurationview-pending"));

    view.setObject(deployment(3, 3, specWith(4), serializedSpec(specWith(4), 3), serializedSpec(specWith(4), 3)));
    QVERIFY(banner->isHidden());

    // Without status.observedGeneration the generation of the last reconciled spec counts.
    QJsonObject object = parallelismChange();
    QJsonObject status = object.value(QStringLiteral("status")).toObject();
    status.remove(QStringLiteral("observedGeneration"));
    object.insert(QStringLiteral("status"), status);
    view.setObject(object);
    QVERIFY(!banner->isHidden());
    QVERIFY(banner->text().contains(QStringLiteral("(observed 2)")));
}

void TestPageWidgets::configurationDiff()
{
    ConfigurationView view;
    view.setObject(parallelismChange());
    auto *spec = view.findChild<QPlainTextEdit *>(QStringLiteral("specYamlView"));
    auto *diff = view.findChild<QPlainTextEdit *>(QStringLiteral("stableDiffView"));
    QVERIFY(spec);
    QVERIFY(diff);
    QVERIFY(spec->isReadOnly());
    QVERIFY(isMonospace(spec->font()));
    QVERIFY(spec->toPlainText().contains(QStringLiteral("  parallelism: 4\n")));
    const QStringList lines = diff->toPlainText().split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("−   parallelism: 1")), qPrintable(diff->toPlainText()));
    QVERIFY2(lines.contains(QStringLiteral("+   parallelism: 2")), qPrintable(diff->toPlainText()));
    QVERIFY(lines.indexOf(QStringLiteral("−   parallelism: 1")) < lines.indexOf(QStringLiteral("+   parallelism: 2")));
    // Only the change and its context are shown; the rest is summarised.
    QVERIFY(lines.first().contains(QStringLiteral("unchanged line")));
    // Added and removed lines have coloured backgrounds.
    const QTextBlock removed
        = diff->document()->findBlockByNumber(static_cast<int>(lines.indexOf(QStringLiteral("−   parallelism: 1"))));
    QVERIFY(removed.blockFormat().background().style() != Qt::NoBrush);
    QVERIFY(view.diffText().contains(QStringLiteral("+   parallelism: 2")));
    showAndWait(&view, QSize(760, 640));
    saveScreenshot(&view, QStringLiteral("configurationview-diff"));
}

void TestPageWidgets::configurationEqualAndMissing()
{
    ConfigurationView view;
    auto *summary = view.findChild<QLabel *>(QStringLiteral("stableDiffSummary"));
    QVERIFY(summary);
    view.setObject(deployment(2, 2, specWith(2), serializedSpec(specWith(2), 2), serializedSpec(specWith(2), 2)));
    QCOMPARE(view.diffText(), QStringLiteral("The last reconciled spec is the last stable spec."));
    QCOMPARE(summary->text(), view.diffText());
    showAndWait(&view, QSize(760, 520));
    saveScreenshot(&view, QStringLiteral("configurationview-equal"));

    view.setObject(deployment(1, 1, specWith(2), QString(), QString()));
    QCOMPARE(view.diffText(), QStringLiteral("No reconciled spec yet."));
    QVERIFY(view.findChild<QPlainTextEdit *>(QStringLiteral("stableDiffView"))->isHidden());

    // Back to a diff: the view shows again.
    view.setObject(parallelismChange());
    QVERIFY(!view.findChild<QPlainTextEdit *>(QStringLiteral("stableDiffView"))->isHidden());
}

void TestPageWidgets::configurationKeepsScroll()
{
    ConfigurationView view;
    showAndWait(&view, QSize(600, 300));
    QJsonObject spec = specWith(2);
    QJsonObject config;
    for (int i = 0; i < 80; ++i)
        config.insert(QStringLiteral("metrics.reporter.r%1.interval").arg(i, 2, 10, QLatin1Char('0')),
                      QStringLiteral("60 s"));
    spec.insert(QStringLiteral("flinkConfiguration"), config);
    const QJsonObject object = deployment(2, 2, spec, serializedSpec(spec, 2), serializedSpec(specWith(1), 1));
    view.setObject(object);
    auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("specYamlView"));
    QVERIFY(edit->verticalScrollBar()->maximum() > 20);
    edit->verticalScrollBar()->setValue(20);
    const QString before = edit->toPlainText();
    view.setObject(object);
    QCOMPARE(edit->toPlainText(), before);
    QCOMPARE(edit->verticalScrollBar()->value(), 20);

    // A changed spec keeps the position too, as far as the new text allows.
    spec.insert(QStringLiteral("serviceAccount"), QStringLiteral("flink-operator"));
    view.setObject(deployment(3, 2, spec, serializedSpec(spec, 2), serializedSpec(specWith(1), 1)));
    QCOMPARE(edit->verticalScrollBar()->value(), 20);
}

void TestPageWidgets::exceptionsRootCauseFirst()
{
    ExceptionsView view;
    QList<JobException> exceptions = realisticExceptions();
    std::swap(exceptions[0], exceptions[1]); // the concurrent one first: the view still puts the root cause first
    view.setExceptions(exceptions);
    QVERIFY(view.isShowingList());
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("exceptionsTree"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QTreeWidgetItem *root = tree->topLevelItem(0);
    QVERIFY(root->text(ExceptionsView::ExceptionColumn).startsWith(QStringLiteral("java.lang.IllegalStateException")));
    QVERIFY(root->font(ExceptionsView::ExceptionColumn).bold());
    QVERIFY(!root->icon(ExceptionsView::TimeColumn).isNull());
    QCOMPARE(root->text(ExceptionsView::TimeColumn),
             baseTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QVERIFY(root->text(ExceptionsView::TaskColumn).contains(QStringLiteral("(1/2)#3")));
    QVERIFY(root->text(ExceptionsView::TaskColumn).contains(QStringLiteral("taskmanager-1-2.payments:6122")));
    // The concurrent exception sits under its root cause, after the stack trace.
    QCOMPARE(root->childCount(), 2);
    QVERIFY(root->child(0)->data(0, ExceptionsView::IsStackTraceRole).toBool());
    QVERIFY(root->child(1)->text(ExceptionsView::TaskColumn).contains(QStringLiteral("(2/2)#3")));
    QVERIFY(!root->child(1)->font(ExceptionsView::ExceptionColumn).bold());
    // Older root causes follow, newest first.
    QVERIFY(tree->topLevelItem(1)->text(ExceptionsView::ExceptionColumn).contains(QStringLiteral("Heartbeat")));
    QVERIFY(tree->topLevelItem(2)->text(ExceptionsView::ExceptionColumn).contains(QStringLiteral("Disconnect")));
    showAndWait(&view, QSize(1000, 620));
    saveScreenshot(&view, QStringLiteral("exceptionsview"));
}

void TestPageWidgets::exceptionsStackTraceCollapsed()
{
    ExceptionsView view;
    view.setExceptions(realisticExceptions());
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("exceptionsTree"));
    // The newest root cause is open, the others and the concurrent exception are closed.
    QVERIFY(tree->topLevelItem(0)->isExpanded());
    QVERIFY(!tree->topLevelItem(0)->child(1)->isExpanded());
    QVERIFY(!tree->topLevelItem(1)->isExpanded());
    QVERIFY(!tree->topLevelItem(2)->isExpanded());
    QTreeWidgetItem *trace = tree->topLevelItem(1)->child(0);
    QVERIFY(trace->data(0, ExceptionsView::IsStackTraceRole).toBool());
    QVERIFY(trace->isFirstColumnSpanned());
    QVERIFY(isMonospace(trace->font(0)));
    QVERIFY(
        trace->text(0).contains(QStringLiteral("    at org.apache.flink.runtime.taskmanager.Task.run(Task.java:550)")));
    QCOMPARE(trace->text(0).count(QLatin1Char('\n')), 19);
    showAndWait(&view, QSize(1000, 620));
    QVERIFY(tree->visualItemRect(trace).isEmpty());
    QVERIFY(!tree->visualItemRect(tree->topLevelItem(0)->child(0)).isEmpty());
}

void TestPageWidgets::exceptionsKeepExpansion()
{
    ExceptionsView view;
    QList<JobException> exceptions = realisticExceptions();
    view.setExceptions(exceptions);
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("exceptionsTree"));
    tree->topLevelItem(0)->setExpanded(false);
    tree->topLevelItem(2)->setExpanded(true);
    QTreeWidgetItem *first = tree->topLevelItem(0);

    // The same list: nothing is rebuilt.
    view.setExceptions(exceptions);
    QCOMPARE(tree->topLevelItem(0), first);
    QVERIFY(!tree->topLevelItem(0)->isExpanded());
    QVERIFY(tree->topLevelItem(2)->isExpanded());

    // A new failure: it opens, and the others keep their state.
    exceptions.prepend(makeException(baseTime().addSecs(300),
                                     QStringLiteral("java.lang.OutOfMemoryError: Java heap space"), true,
                                     QStringLiteral("KeyedProcess -> Sink: fraud-alerts (1/2)#4")));
    view.setExceptions(exceptions);
    QCOMPARE(tree->topLevelItemCount(), 4);
    QVERIFY(tree->topLevelItem(0)->text(ExceptionsView::ExceptionColumn).contains(QStringLiteral("OutOfMemory")));
    QVERIFY(tree->topLevelItem(0)->isExpanded());
    QVERIFY(!tree->topLevelItem(1)->isExpanded());
    QVERIFY(!tree->topLevelItem(2)->isExpanded());
    QVERIFY(tree->topLevelItem(3)->isExpanded());
}

void TestPageWidgets::exceptionsEmptyAndUnavailable()
{
    ExceptionsView view;
    auto *label = view.findChild<QLabel *>(QStringLiteral("exceptionsStateLabel"));
    QVERIFY(label);
    view.setExceptions({});
    QVERIFY(!view.isShowingList());
    QCOMPARE(view.stateText(), QStringLiteral("No exceptions: the job has not failed since it started."));
    showAndWait(&view, QSize(700, 240));
    saveScreenshot(&view, QStringLiteral("exceptionsview-empty"));

    view.setUnavailable(QStringLiteral("the JobManager is not ready (DEPLOYING)."));
    QVERIFY(!view.isShowingList());
    QVERIFY(view.stateText().contains(QStringLiteral("JobManager is not ready")));
    saveScreenshot(&view, QStringLiteral("exceptionsview-unavailable"));

    view.setExceptions(realisticExceptions());
    QVERIFY(view.isShowingList());
}

void TestPageWidgets::timelineEmpty()
{
    SnapshotTimeline timeline;
    QVERIFY(timeline.isEmpty());
    QVERIFY(!timeline.visibleRange().first.isValid());
    QVERIFY(timeline.toolTipAt(QPoint(10, 10)).isEmpty());
    QVERIFY(timeline.sizeHint().height() >= 50);
    QVERIFY(timeline.sizeHint().height() <= 72);
    QCOMPARE(timeline.sizePolicy().verticalPolicy(), QSizePolicy::Fixed);
    showAndWait(&timeline, QSize(720, timeline.sizeHint().height()));
    saveScreenshot(&timeline, QStringLiteral("snapshottimeline-empty"));
}

void TestPageWidgets::timelineOneItem()
{
    SnapshotTimeline timeline;
    Snapshot s = makeSnapshot(QStringLiteral("SAVEPOINT"), QStringLiteral("COMPLETED"), baseTime(),
                              QStringLiteral("MANUAL"), 1);
    timeline.setSnapshots({s});
    QVERIFY(!timeline.isEmpty());
    const auto range = timeline.visibleRange();
    QVERIFY(range.first < s.time);
    QVERIFY(range.second > s.time);
    showAndWait(&timeline, QSize(720, timeline.sizeHint().height()));
    // The marker is in the middle; its tooltip names it.
    QString tip;
    for (int y = 0; y < timeline.height() && tip.isEmpty(); ++y)
        tip = timeline.toolTipAt(QPoint(timeline.width() / 2, y));
    QVERIFY2(tip.contains(QStringLiteral("fraud-scoring-savepoint-1")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("MANUAL")));
    QVERIFY(tip.contains(QStringLiteral("COMPLETED")));
    QVERIFY(tip.contains(QStringLiteral("s3://flink-state/")));
    saveScreenshot(&timeline, QStringLiteral("snapshottimeline-one"));

    // A job alone, still running, spans up to now.
    SnapshotTimeline jobs;
    jobs.setJobs({JobRun{QStringLiteral("a3f9c2d17b8e4f60"),
                         QDateTime::currentDateTimeUtc().addSecs(-600),
                         QDateTime(),
                         QStringLiteral("RUNNING"),
                         1,
                         {}}});
    QVERIFY(jobs.visibleRange().second >= QDateTime::currentDateTimeUtc().addSecs(-5));
    showAndWait(&jobs, QSize(720, jobs.sizeHint().height()));
    saveScreenshot(&jobs, QStringLiteral("snapshottimeline-job-only"));
}

void TestPageWidgets::timelineManyItems()
{
    SnapshotTimeline timeline;
    QList<Snapshot> snapshots;
    for (int i = 0; i < 1000; ++i) {
        const QString state = i % 97 == 0 ? QStringLiteral("FAILED") : QStringLiteral("COMPLETED");
        snapshots.append(makeSnapshot(i % 50 == 0 ? QStringLiteral("SAVEPOINT") : QStringLiteral("CHECKPOINT"), state,
                                      baseTime().addSecs(i * 60), QStringLiteral("PERIODIC"), i));
    }
    timeline.setSnapshots(snapshots);
    QList<QPair<QDateTime, qint64>> revisions;
    for (int g = 1; g <= 30; ++g)
        revisions.append({baseTime().addSecs(g * 1900), g});
    timeline.setRevisions(revisions);
    showAndWait(&timeline, QSize(900, timeline.sizeHint().height()));
    QString tip;
    for (int y = 0; y < timeline.height() && tip.isEmpty(); ++y)
        tip = timeline.toolTipAt(QPoint(timeline.width() / 2, y));
    QVERIFY(tip.contains(QStringLiteral("more here")));
    saveScreenshot(&timeline, QStringLiteral("snapshottimeline-1000"));
}

void TestPageWidgets::timelineRealistic()
{
    SnapshotTimeline timeline;
    const TimelineData data = realisticTimeline();
    timeline.setJobs(data.jobs);
    timeline.setRevisions(data.revisions);
    timeline.setSnapshots(data.snapshots);
    QVERIFY(timeline.accessibleDescription().contains(QStringLiteral("6 savepoint")));
    showAndWait(&timeline, QSize(960, timeline.sizeHint().height()));
    saveScreenshot(&timeline, QStringLiteral("snapshottimeline"));
}

void TestPageWidgets::timelineLabelsStayApart()
{
    // At the left edge two jobs start seconds apart, the first never seen ending (so its band runs
    // on under the second's); at the right edge a job ends just before the next starts; generations
    // close together at both edges.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SnapshotTimeline timeline;
    timeline.setJobs(
        {JobRun{QStringLiteral("aaaaaaaa11111111"), now.addSecs(-3600), QDateTime(), QStringLiteral("RUNNING"), 1, {}},
         JobRun{QStringLiteral("bbbbbbbb22222222"),
                now.addSecs(-3590),
                now.addSecs(-1800),
                QStringLiteral("CANCELED"),
                2,
                {}},
         JobRun{
             QStringLiteral("cccccccc33333333"), now.addSecs(-1800), now.addSecs(-20), QStringLiteral("FAILED"), 3, {}},
         JobRun{QStringLiteral("dddddddd44444444"), now.addSecs(-15), QDateTime(), QStringLiteral("RUNNING"), 4, {}}});
    timeline.setRevisions({{now.addSecs(-3600), 1}, {now.addSecs(-3590), 2}, {now.addSecs(-15), 3}, {now, 4}});
    showAndWait(&timeline, QSize(720, timeline.sizeHint().height()));
    const QList<QRect> rects = timeline.labelRects();
    QVERIFY2(rects.size() >= 4, qPrintable(QString::number(rects.size())));
    for (qsizetype i = 0; i < rects.size(); ++i) {
        QVERIFY(timeline.rect().contains(rects.at(i)));
        for (qsizetype j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects.at(i).intersects(rects.at(j)),
                     qPrintable(QStringLiteral("labels %1 and %2").arg(i).arg(j)));
    }
    // The job the newer one runs over gives way: the newer one's id is shown.
    QVERIFY(timeline.toolTipAt(rects.constFirst().center()).contains(QStringLiteral("bbbbbbbb22222222")));
    saveScreenshot(&timeline, QStringLiteral("snapshottimeline-crowded"));
}

namespace {
// WCAG's contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

void TestPageWidgets::actionBarButtonsLookLikeButtons()
{
    // Framed (not raised only under the pointer), reached by Tab, and disabled text that looks
    // disabled yet reads, in the light and the dark palette (switched while the bar is shown).
    ActionBar bar;
    QAction enabled(QStringLiteral("Restart"));
    QAction disabled(QStringLiteral("Start"));
    disabled.setEnabled(false);
    bar.addAction(&enabled);
    bar.addAction(&disabled);
    showAndWait(&bar, bar.sizeHint());
    for (QAction *action : {&enabled, &disabled}) {
        auto *button = qobject_cast<QToolButton *>(bar.widgetForAction(action));
        QVERIFY(button);
        QVERIFY(!button->autoRaise());
        QCOMPARE(button->focusPolicy(), Qt::TabFocus);
    }
    QWidget *button = bar.widgetForAction(&disabled);
    for (const QPalette &palette : {m_lightPalette, Theme::darkPalette()}) {
        QApplication::setPalette(palette);
        const QPalette shown = button->palette();
        const QColor background = shown.color(QPalette::Active, QPalette::Button);
        const double disabledContrast = contrast(shown.color(QPalette::Disabled, QPalette::ButtonText), background);
        const double enabledContrast = contrast(shown.color(QPalette::Active, QPalette::ButtonText), background);
        QVERIFY2(disabledContrast >= 3.0, qPrintable(QString::number(disabledContrast)));
        QVERIFY2(disabledContrast < enabledContrast * 0.6, qPrintable(QString::number(disabledContrast)));
    }
    QApplication::setPalette(m_lightPalette);
}

void TestPageWidgets::shootAll(const QString &suffix)
{
    {
        ConfigurationView view;
        view.setObject(parallelismChange());
        showAndWait(&view, QSize(760, 640));
        saveScreenshot(&view, QStringLiteral("configurationview-diff") + suffix);
    }
    {
        ExceptionsView view;
        view.setExceptions(realisticExceptions());
        showAndWait(&view, QSize(1000, 620));
        saveScreenshot(&view, QStringLiteral("exceptionsview") + suffix);
    }
    {
        SnapshotTimeline timeline;
        const TimelineData data = realisticTimeline();
        timeline.setJobs(data.jobs);
        timeline.setRevisions(data.revisions);
        timeline.setSnapshots(data.snapshots);
        showAndWait(&timeline, QSize(960, timeline.sizeHint().height()));
        saveScreenshot(&timeline, QStringLiteral("snapshottimeline") + suffix);
    }
}

void TestPageWidgets::darkPalette()
{
    QApplication::setPalette(Theme::darkPalette());
    shootAll(QStringLiteral("-dark"));
    {
        // A palette change on a live view re-colours the YAML and the diff.
        ConfigurationView view;
        view.setPalette(m_lightPalette);
        view.setObject(parallelismChange());
        auto *highlighter = view.findChild<YamlHighlighter *>();
        QVERIFY(highlighter);
        QVERIFY(!highlighter->isDarkScheme());
        auto *diff = view.findChild<QPlainTextEdit *>(QStringLiteral("stableDiffView"));
        const auto removedBackground = [diff] {
            const QStringList lines = diff->toPlainText().split(QLatin1Char('\n'));
            const int row = static_cast<int>(lines.indexOf(QStringLiteral("−   parallelism: 1")));
            return diff->document()->findBlockByNumber(row).blockFormat().background().color();
        };
        QVERIFY(removedBackground().lightness() > 128);
        view.setPalette(Theme::darkPalette());
        QVERIFY(highlighter->isDarkScheme());
        QVERIFY(removedBackground().lightness() < 128);
    }
    QApplication::setPalette(m_lightPalette);
}

QTEST_MAIN(TestPageWidgets)
#include "tst_pagewidgets.moc"
