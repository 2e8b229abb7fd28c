// JobGraph and VertexDetails: the job's dataflow from Flink's plan with each vertex's layer, the live
// figures of /jobs/{id} and the aggregated subtask metrics, and the selected vertex's subtasks from
// the four answers that describe them, whichever arrives first.

#include "common/jsonliteral.h"
#include "flink/jobgraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <array>
#include <functional>

using namespace capstan;
using capstan::test::jsonObject;

Q_DECLARE_METATYPE(capstan::JobVertex::Pressure)

namespace {

const QString kJob = QStringLiteral("7d3e5f2a1b9c4d8e6f0a2b4c6d8e0f1a");
const QString kSource = QStringLiteral("bc764cd8ddf7a0cff126f51c16239658");
const QString kWindow = QStringLiteral("0a448493b4782967b150582570326227");
const QString kSink = QStringLiteral("ea632d67b7d595e5b851708ae9ad79d6");
// 2024-03-14T12:00:00Z, the cluster's clock of the metric answers below.
constexpr qint64 kNowMs = 1710417600000;

QJsonArray jsonArray(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qFatal("bad test JSON at %d: %s", error.offset, text);
    return doc.array();
}

// GET /jobs/{id}/plan of a three-vertex streaming job, its nodes listed sink first (Flink lists them
// in the order of the JobGraph, which need not be the order of the dataflow).
const char *const kPlanAnswer = R"({"plan": {
  "jid": "7d3e5f2a1b9c4d8e6f0a2b4c6d8e0f1a", "name": "Order totals", "type": "STREAMING",
  "nodes": [
    {"id": "ea632d67b7d595e5b851708ae9ad79d6", "parallelism": 2, "operator": "", "operator_strategy": "",
     "description": "Sink: Totals<br/>", "optimizer_properties": "{}",
     "inputs": [{"num": 0, "id": "0a448493b4782967b150582570326227", "ship_strategy": "FORWARD",
                 "exchange": "pipelined_bounded"}]},
    {"id": "0a448493b4782967b150582570326227", "parallelism": 2, "operator": "", "operator_strategy": "",
     "description": "TumblingEventTimeWindows<br/>+- Map<br/>", "optimizer_properties": "{}",
     "inputs": [{"num": 0, "id": "bc764cd8ddf7a0cff126f51c16239658", "ship_strategy": "HASH",
                 "exchange": "pipelined_bounded"}]},
    {"id": "bc764cd8ddf7a0cff126f51c16239658", "parallelism": 2, "operator": "", "operator_strategy": "",
     "description": "Source: Orders<br/>+- Filter<br/>+- Timestamps/Watermarks<br/>",
     "optimizer_properties": "{}"}
  ]}})";

// GET /jobs/{id} of the same job after a rescale to 4: its vertices' names are plain text.
const char *const kJobDetails = R"({
  "jid": "7d3e5f2a1b9c4d8e6f0a2b4c6d8e0f1a", "name": "Order totals", "isStoppable": false,
  "state": "RUNNING", "job-type": "STREAMING", "start-time": 1710417000000, "end-time": -1, "duration": 600000,
  "maxParallelism": -1, "now": 1710417600000,
  "timestamps": {"RUNNING": 1710417002000, "CREATED": 1710417000000, "INITIALIZING": 1710417000000},
  "vertices": [
    {"id": "bc764cd8ddf7a0cff126f51c16239658", "slotSharingGroupId": "f0c6c1ab3a3b4e39b1d4b57ab9d00d11",
     "name": "Source: Orders -> Filter -> Timestamps/Watermarks", "maxParallelism": 128, "parallelism": 4,
     "status": "RUNNING", "start-time": 1710417001000, "end-time": -1, "duration": 599000,
     "tasks": {"RUNNING": 4, "CREATED": 0, "DEPLOYING": 0, "FINISHED": 0, "FAILED": 0, "CANCELING": 0,
               "CANCELED": 0, "RECONCILING": 0, "SCHEDULED": 0, "INITIALIZING": 0},
     "metrics": {"read-bytes": 0, "read-bytes-complete": true, "write-bytes": 5242880, "write-bytes-complete": true,
                 "read-records": 0, "read-records-complete": true, "write-records": 120000,
                 "write-records-complete": true, "accumulated-backpressured-time": 0,
                 "accumulated-idle-time": 12000, "accumulated-busy-time": "NaN"}},
    {"id": "0a448493b4782967b150582570326227", "slotSharingGroupId": "f0c6c1ab3a3b4e39b1d4b57ab9d00d11",
     "name": "TumblingEventTimeWindows -> Map", "maxParallelism": 128, "parallelism": 4,
     "status": "DEPLOYING", "start-time": 1710417001000, "end-time": -1, "duration": 599000,
     "tasks": {"RUNNING": 3, "DEPLOYING": 1},
     "metrics": {"read-records": 119000, "write-records": 400}},
    {"id": "ffffffffffffffffffffffffffffffff", "name": "Not in the plan", "parallelism": 9, "status": "FAILED"}
  ],
  "status-counts": {"RUNNING": 1, "DEPLOYING": 1},
  "plan": {"jid": "7d3e5f2a1b9c4d8e6f0a2b4c6d8e0f1a", "name": "Order totals", "type": "STREAMING", "nodes": []}
})";

// GET /jobs/{id}/vertices/{vid}/subtasks/metrics?get=…&agg=min,max,sum: Flink's aggregates are doubles.
const char *const kWindowMetrics = R"([
  {"id": "busyTimeMsPerSecond", "min": 120.0, "max": 850.0, "sum": 1450.0},
  {"id": "backPressuredTimeMsPerSecond", "min": 0.0, "max": 620.0, "sum": 980.0},
  {"id": "numRecordsInPerSecond", "min": 95.5, "max": 120.25, "sum": 431.75},
  {"id": "numRecordsOutPerSecond", "min": 0.0, "max": 2.0, "sum": 3.5},
  {"id": "currentInputWatermark", "min": 1.71041759E12, "max": 1.710417598E12, "sum": 6.841670384E12}
])";

QString describe(const SubtaskDetails &s)
{
    return QStringLiteral("#%1 %2 attempt %3 tm %4 at %5 busy %6 bp %7 idle %8 %9 in %10 out %11 wm %12 "
                          "cp %13 bytes %14 ms align %15 ms %16 bytes")
        .arg(s.index)
        .arg(s.status)
        .arg(s.attempt)
        .arg(s.taskManagerId, s.endpoint)
        .arg(s.busyRatio)
        .arg(s.backPressuredRatio)
        .arg(s.idleRatio)
        .arg(s.backPressureLevel)
        .arg(s.recordsIn)
        .arg(s.recordsOut)
        .arg(s.watermarkMs)
        .arg(s.checkpointStateSize)
        .arg(s.checkpointDurationMs)
        .arg(s.alignmentDurationMs)
        .arg(s.alignmentBufferedBytes);
}

QStringList describe(const VertexDetails &d)
{
    QStringList out{QStringLiteral("%1 %2 cp %3: %4 bytes %5 ms align %6 ms %7 bytes")
                        .arg(d.vertexId, d.name)
                        .arg(d.checkpointId)
                        .arg(d.checkpointStateSize)
                        .arg(d.checkpointDurationMs)
                        .arg(d.alignmentDurationMs)
                        .arg(d.alignmentBufferedBytes)};
    for (const SubtaskDetails &s : d.subtasks)
        out.append(describe(s));
    return out;
}

// A plan node as Flink writes it, its inputs named by id.
QJsonObject planNode(const QString &id, const QStringList &inputs)
{
    QJsonArray in;
    for (int i = 0; i < inputs.size(); ++i) {
        in.append(QJsonObject{{QStringLiteral("num"), i},
                              {QStringLiteral("id"), inputs.at(i)},
                              {QStringLiteral("ship_strategy"), QStringLiteral("REBALANCE")},
                              {QStringLiteral("exchange"), QStringLiteral("pipelined_bounded")}});
    }
    QJsonObject node{{QStringLiteral("id"), id},
                     {QStringLiteral("parallelism"), 1},
                     {QStringLiteral("operator"), QString()},
                     {QStringLiteral("operator_strategy"), QString()},
                     {QStringLiteral("description"), QStringLiteral("Map %1<br/>").arg(id.left(4))},
                     {QStringLiteral("optimizer_properties"), QStringLiteral("{}")}};
    if (!in.isEmpty())
        node.insert(QStringLiteral("inputs"), in);
    return node;
}

QJsonObject plan(const QJsonArray &nodes)
{
    return QJsonObject{{QStringLiteral("jid"), kJob},
                       {QStringLiteral("name"), QStringLiteral("Generated")},
                       {QStringLiteral("type"), QStringLiteral("STREAMING")},
                       {QStringLiteral("nodes"), nodes}};
}

// A vertex id of 32 hex digits from a small number.
QString vertexId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

int layerOf(const JobGraph &graph, const QString &id)
{
    const int i = graph.indexOf(id);
    return i < 0 ? -1 : graph.vertices.at(i).layer;
}

bool inLayerOrder(const JobGraph &graph)
{
    return std::is_sorted(graph.vertices.begin(), graph.vertices.end(),
                          [](const JobVertex &a, const JobVertex &b) { return a.layer < b.layer; });
}

} // namespace

class TestJobGraph : public QObject
{
    Q_OBJECT

private slots:
    void planAnswer();
    void planInsideJobDetails();
    void plainDescription_data();
    void plainDescription();
    void emptyPlan();
    void diamondTakesTheLongerPath();
    void inputMissingFromPlan();
    void duplicateAndNamelessNodes();
    void cycleStops();
    void generatedChainAndFanOut();
    void jobDetails();
    void vertexMetrics();
    void vertexMetricsWithoutWatermark();
    void vertexMetricsReplacePrevious();
    void vertexMetricsUnknownVertex();
    void vertexMetricsQuery();
    void pressure_data();
    void pressure();
    void vertexDetails();
    void backPressureDeprecated();
    void watermarks();
    void checkpointWithPendingSubtask();
    void answersInAnyOrder();
};

void TestJobGraph::planAnswer()
{
    const JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));
    QCOMPARE(graph.jobId, kJob);
    QCOMPARE(graph.jobName, QStringLiteral("Order totals"));
    QVERIFY(!graph.isEmpty());
    QVERIFY(!graph.error.isSet());

    // Sources first, whatever the plan's order.
    QCOMPARE(graph.vertices.size(), 3);
    QCOMPARE(graph.vertices.at(0).id, kSource);
    QCOMPARE(graph.vertices.at(1).id, kWindow);
    QCOMPARE(graph.vertices.at(2).id, kSink);
    QCOMPARE(graph.layerCount(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(graph.vertices.at(i).layer, i);
        QCOMPARE(graph.indexOf(graph.vertices.at(i).id), i);
    }
    QVERIFY(graph.vertices.at(0).isSource());
    QVERIFY(!graph.vertices.at(2).isSource());
    QCOMPARE(graph.indexOf(QStringLiteral("ffffffffffffffffffffffffffffffff")), -1);

    const JobVertex &source = graph.vertices.at(0);
    QCOMPARE(source.name, QStringLiteral("Source: Orders\n+- Filter\n+- Timestamps/Watermarks"));
    QCOMPARE(source.parallelism, 2);
    QCOMPARE(source.maxParallelism, -1);
    QVERIFY(source.status.isEmpty());
    // Nothing measured yet.
    QCOMPARE(source.busyRatio, -1.0);
    QCOMPARE(source.backPressuredRatio, -1.0);
    QCOMPARE(source.recordsInPerSecond, -1.0);
    QCOMPARE(source.recordsOutPerSecond, -1.0);
    QCOMPARE(source.watermarkLagMs, -1);
    QCOMPARE(source.pressure(), JobVertex::Pressure::Unknown);
    QCOMPARE(graph.vertices.at(1).name, QStringLiteral("TumblingEventTimeWindows\n+- Map"));
    QCOMPARE(graph.vertices.at(2).name, QStringLiteral("Sink: Totals"));

    QCOMPARE(graph.edges.size(), 2);
    const auto edge = [&](const QString &target) {
        const auto it = std::find_if(graph.edges.begin(), graph.edges.end(),
                                     [&](const JobEdge &e) { return e.target == target; });
        return it == graph.edges.end() ? JobEdge() : *it;
    };
    QCOMPARE(edge(kWindow).source, kSource);
    QCOMPARE(edge(kWindow).shipStrategy, QStringLiteral("HASH"));
    QCOMPARE(edge(kWindow).exchange, QStringLiteral("pipelined_bounded"));
    QCOMPARE(edge(kSink).source, kWindow);
    QCOMPARE(edge(kSink).shipStrategy, QStringLiteral("FORWARD"));
}

void TestJobGraph::planInsideJobDetails()
{
    // /jobs/{id} carries the same plan object; either the answer or its "plan" reads the same.
    QJsonObject job = jsonObject(kJobDetails);
    job.insert(QStringLiteral("plan"), jsonObject(kPlanAnswer).value(QLatin1String("plan")));
    const JobGraph fromAnswer = JobGraph::fromPlan(job);
    const JobGraph fromObject = JobGraph::fromPlan(job.value(QLatin1String("plan")).toObject());
    for (const JobGraph &graph : {fromAnswer, fromObject}) {
        QCOMPARE(graph.jobId, kJob);
        QCOMPARE(graph.vertices.size(), 3);
        QCOMPARE(graph.edges.size(), 2);
        QCOMPARE(graph.layerCount(), 3);
        QCOMPARE(layerOf(graph, kSink), 2);
        // The plan's descriptions, not yet the details' names.
        QCOMPARE(graph.vertices.at(2).name, QStringLiteral("Sink: Totals"));
    }
}

void TestJobGraph::plainDescription_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("name");

    // Flink escapes the description for HTML, then writes its line breaks as <br/> and "\" as &#92;.
    QTest::newRow("chain") << QStringLiteral("Source: Orders<br/>+- Filter<br/>")
                           << QStringLiteral("Source: Orders\n+- Filter");
    QTest::newRow("single") << QStringLiteral("Sink: Print to Std. Out") << QStringLiteral("Sink: Print to Std. Out");
    QTest::newRow("br variants") << QStringLiteral("A<br>B<BR />C") << QStringLiteral("A\nB\nC");
    QTest::newRow("other tags") << QStringLiteral("<b>Calc</b><br/>") << QStringLiteral("Calc");
    QTest::newRow("comparison") << QStringLiteral(
        "Calc(select=[id, amount], where=[((amount &gt; 10) AND (region &lt;&gt; _UTF-16LE'EU'))])"
        "<br/>") << QStringLiteral("Calc(select=[id, amount], where=[((amount > 10) AND (region <> _UTF-16LE'EU'))])");
    QTest::newRow("ampersand") << QStringLiteral("Orders &amp; Returns") << QStringLiteral("Orders & Returns");
    QTest::newRow("escaped entity") << QStringLiteral("Literal &amp;gt; text") << QStringLiteral("Literal &gt; text");
    QTest::newRow("quote") << QStringLiteral("Sink(table=[&quot;out&quot;])")
                           << QStringLiteral("Sink(table=[\"out\"])");
    QTest::newRow("backslash") << QStringLiteral("Calc(where=[LIKE(name, _UTF-16LE'a&#92;_%')])")
                               << QStringLiteral("Calc(where=[LIKE(name, _UTF-16LE'a\\_%')])");
    QTest::newRow("escaped backslash entity") << QStringLiteral("a &amp;#92; b") << QStringLiteral("a &#92; b");
    QTest::newRow("numeric") << QStringLiteral("Z&#228;hlen &#128512;") << QStringLiteral("Z\u00e4hlen \U0001F600");
    QTest::newRow("not a character") << QStringLiteral("&#0; &#1114112; &#55296;")
                                     << QStringLiteral("&#0; &#1114112; &#55296;");
    QTest::newRow("empty") << QString() << QString();
}

void TestJobGraph::plainDescription()
{
    QFETCH(QString, description);
    QFETCH(QString, name);
    QJsonObject node = planNode(kSource, {});
    node.insert(QStringLiteral("description"), description);
    const JobGraph graph = JobGraph::fromPlan(plan({node}));
    QCOMPARE(graph.vertices.size(), 1);
    QCOMPARE(graph.vertices.at(0).name, name);
}

void TestJobGraph::emptyPlan()
{
    for (const QJsonObject &answer : {QJsonObject(), jsonObject(R"({"plan": {}})"), plan({})}) {
        const JobGraph graph = JobGraph::fromPlan(answer);
        QVERIFY(graph.isEmpty());
        QVERIFY(graph.edges.isEmpty());
        QCOMPARE(graph.layerCount(), 0);
    }
}

void TestJobGraph::diamondTakesTheLongerPath()
{
    // a → b → c → d and a → d: d is drawn after c, not next to b. The sink comes first in the plan,
    // its short input before its long one.
    const QString a = vertexId(0xa), b = vertexId(0xb), c = vertexId(0xc), d = vertexId(0xd);
    const JobGraph graph
        = JobGraph::fromPlan(plan({planNode(d, {a, c}), planNode(c, {b}), planNode(b, {a}), planNode(a, {})}));
    QCOMPARE(graph.vertices.size(), 4);
    QCOMPARE(graph.edges.size(), 4);
    QCOMPARE(layerOf(graph, a), 0);
    QCOMPARE(layerOf(graph, b), 1);
    QCOMPARE(layerOf(graph, c), 2);
    QCOMPARE(layerOf(graph, d), 3);
    QCOMPARE(graph.layerCount(), 4);
    QVERIFY(inLayerOrder(graph));

    // Two sources of different depth joined: the join follows the deeper one.
    const QString e = vertexId(0xe), f = vertexId(0xf), join = vertexId(0x10);
    const JobGraph twoSources
        = JobGraph::fromPlan(plan({planNode(join, {e, f}), planNode(f, {a}), planNode(a, {}), planNode(e, {})}));
    QCOMPARE(layerOf(twoSources, e), 0);
    QCOMPARE(layerOf(twoSources, a), 0);
    QCOMPARE(layerOf(twoSources, f), 1);
    QCOMPARE(layerOf(twoSources, join), 2);
    QCOMPARE(twoSources.vertices.at(0).layer, 0);
    QCOMPARE(twoSources.vertices.at(1).layer, 0);
    QVERIFY(inLayerOrder(twoSources));
}

void TestJobGraph::inputMissingFromPlan()
{
    // The window names an input the plan does not list: the edge is dropped, the vertices stay.
    const QString ghost = vertexId(0x6405);
    const JobGraph graph = JobGraph::fromPlan(
        plan({planNode(kSink, {kWindow}), planNode(kWindow, {ghost, kSource}), planNode(kSource, {})}));
    QCOMPARE(graph.vertices.size(), 3);
    QCOMPARE(graph.indexOf(ghost), -1);
    QCOMPARE(graph.edges.size(), 2);
    for (const JobEdge &e : graph.edges) {
        QVERIFY(graph.indexOf(e.source) >= 0);
        QVERIFY(graph.indexOf(e.target) >= 0);
    }
    QCOMPARE(layerOf(graph, kSource), 0);
    QCOMPARE(layerOf(graph, kWindow), 1);
    QCOMPARE(layerOf(graph, kSink), 2);

    // Its only input missing: the vertex starts a layer of its own.
    const JobGraph orphan = JobGraph::fromPlan(plan({planNode(kSink, {ghost})}));
    QCOMPARE(orphan.vertices.size(), 1);
    QVERIFY(orphan.edges.isEmpty());
    QCOMPARE(orphan.vertices.at(0).layer, 0);
    QCOMPARE(orphan.layerCount(), 1);
}

void TestJobGraph::duplicateAndNamelessNodes()
{
    QJsonObject nameless = planNode(QString(), {kSource});
    QJsonObject again = planNode(kSource, {});
    again.insert(QStringLiteral("description"), QStringLiteral("A second description"));
    const JobGraph graph = JobGraph::fromPlan(plan({planNode(kSource, {}), nameless, again, planNode(kSink, {kSource}),
                                                    QJsonValue(QStringLiteral("not a node"))}));
    QCOMPARE(graph.vertices.size(), 2);
    QCOMPARE(graph.vertices.at(0).id, kSource);
    QCOMPARE(graph.vertices.at(0).name, QStringLiteral("Map bc76"));
    QCOMPARE(graph.edges.size(), 1);
    QCOMPARE(layerOf(graph, kSink), 1);
}

void TestJobGraph::cycleStops()
{
    // Flink's plans are acyclic; one that is not must still come back, with layers in range.
    const QString a = vertexId(1), b = vertexId(2), c = vertexId(3);
    const JobGraph graph = JobGraph::fromPlan(plan({planNode(a, {c}), planNode(b, {a}), planNode(c, {b})}));
    QCOMPARE(graph.vertices.size(), 3);
    for (const JobVertex &v : graph.vertices)
        QVERIFY2(v.layer >= 0 && v.layer < 3, qPrintable(QString::number(v.layer)));
    QVERIFY(graph.layerCount() <= 3);
}

void TestJobGraph::generatedChainAndFanOut()
{
    // A chain of 30 vertices, its last one fanning out to 19 that all feed one sink, and a shortcut
    // from the first vertex of the chain straight to the sink: 50 vertices, listed sink first.
    constexpr int chain = 30;
    constexpr int fan = 19;
    const QString sink = vertexId(1000);
    QJsonArray nodes;
    QStringList fanned;
    for (int i = 0; i < fan; ++i)
        fanned.append(vertexId(500 + i));
    nodes.append(planNode(sink, QStringList{vertexId(0)} + fanned));
    for (int i = fan - 1; i >= 0; --i)
        nodes.append(planNode(fanned.at(i), {vertexId(chain - 1)}));
    for (int i = chain - 1; i >= 0; --i)
        nodes.append(planNode(vertexId(i), i == 0 ? QStringList() : QStringList{vertexId(i - 1)}));
    QCOMPARE(nodes.size(), 50);

    const JobGraph graph = JobGraph::fromPlan(plan(nodes));
    QCOMPARE(graph.vertices.size(), 50);
    QCOMPARE(graph.edges.size(), (chain - 1) + fan + (fan + 1));
    for (int i = 0; i < chain; ++i)
        QCOMPARE(layerOf(graph, vertexId(i)), i);
    for (const QString &id : std::as_const(fanned))
        QCOMPARE(layerOf(graph, id), chain);
    QCOMPARE(layerOf(graph, sink), chain + 1);
    QCOMPARE(graph.layerCount(), chain + 2);
    QVERIFY(inLayerOrder(graph));
    QCOMPARE(graph.vertices.constFirst().id, vertexId(0));
    QCOMPARE(graph.vertices.constLast().id, sink);
    // Within a layer the plan's order is kept.
    QCOMPARE(graph.vertices.at(chain).id, fanned.constLast());
}

void TestJobGraph::jobDetails()
{
    JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));
    const JobGraph before = graph;
    graph.applyJobDetails(jsonObject(kJobDetails));

    QCOMPARE(graph.vertices.size(), 3);
    const JobVertex &source = graph.vertices.at(graph.indexOf(kSource));
    QCOMPARE(source.name, QStringLiteral("Source: Orders -> Filter -> Timestamps/Watermarks"));
    QCOMPARE(source.parallelism, 4);
    QCOMPARE(source.maxParallelism, 128);
    QCOMPARE(source.status, QStringLiteral("RUNNING"));
    const JobVertex &window = graph.vertices.at(graph.indexOf(kWindow));
    QCOMPARE(window.name, QStringLiteral("TumblingEventTimeWindows -> Map"));
    QCOMPARE(window.status, QStringLiteral("DEPLOYING"));
    QCOMPARE(window.parallelism, 4);
    // Not in the answer: as the plan had it.
    const JobVertex &sink = graph.vertices.at(graph.indexOf(kSink));
    QCOMPARE(sink.name, QStringLiteral("Sink: Totals"));
    QCOMPARE(sink.parallelism, 2);
    QVERIFY(sink.status.isEmpty());
    // The vertex the plan does not know adds nothing; layers and edges are the plan's.
    QCOMPARE(graph.indexOf(QStringLiteral("ffffffffffffffffffffffffffffffff")), -1);
    QCOMPARE(graph.edges.size(), before.edges.size());
    for (int i = 0; i < graph.vertices.size(); ++i)
        QCOMPARE(graph.vertices.at(i).layer, before.vertices.at(i).layer);
    QCOMPARE(graph.jobName, QStringLiteral("Order totals"));

    // A vertex answer without a name keeps the one known.
    graph.applyJobDetails(jsonObject(R"({"vertices": [{"id": "ea632d67b7d595e5b851708ae9ad79d6",
                                                       "parallelism": 3, "status": "RUNNING"}]})"));
    QCOMPARE(graph.vertices.at(graph.indexOf(kSink)).name, QStringLiteral("Sink: Totals"));
    QCOMPARE(graph.vertices.at(graph.indexOf(kSink)).parallelism, 3);
    QCOMPARE(graph.vertices.at(graph.indexOf(kSink)).status, QStringLiteral("RUNNING"));

    // A plan without a name takes the job's.
    JobGraph unnamed = JobGraph::fromPlan(plan({planNode(kSource, {})}));
    unnamed.jobName.clear();
    unnamed.applyJobDetails(jsonObject(kJobDetails));
    QCOMPARE(unnamed.jobName, QStringLiteral("Order totals"));
}

void TestJobGraph::vertexMetrics()
{
    JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));
    graph.applyVertexMetrics(kWindow, jsonArray(kWindowMetrics), kNowMs);

    const JobVertex &window = graph.vertices.at(graph.indexOf(kWindow));
    // The busiest and the most back-pressured subtask's, per second of 1000 ms.
    QCOMPARE(window.busyRatio, 0.85);
    QCOMPARE(window.backPressuredRatio, 0.62);
    QCOMPARE(window.pressure(), JobVertex::Pressure::High);
    // Summed over the subtasks.
    QCOMPARE(window.recordsInPerSecond, 431.75);
    QCOMPARE(window.recordsOutPerSecond, 3.5);
    // Behind by the slowest subtask's watermark.
    QCOMPARE(window.watermarkLagMs, 10000);

    // Other vertices are untouched.
    const JobVertex &source = graph.vertices.at(graph.indexOf(kSource));
    QCOMPARE(source.busyRatio, -1.0);
    QCOMPARE(source.recordsInPerSecond, -1.0);

    // A watermark ahead of the cluster's clock is not a negative lag; no clock, no lag.
    graph.applyVertexMetrics(kWindow, jsonArray(kWindowMetrics), 1710417580000);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).watermarkLagMs, 0);
    graph.applyVertexMetrics(kWindow, jsonArray(kWindowMetrics), 0);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).watermarkLagMs, -1);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).busyRatio, 0.85);

    // Values written as strings read the same.
    graph.applyVertexMetrics(kWindow,
                             jsonArray(R"([{"id": "busyTimeMsPerSecond", "min": "0", "max": "400", "sum": "400"},
        {"id": "numRecordsInPerSecond", "min": "1", "max": "2", "sum": "3"}])"),
                             kNowMs);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).busyRatio, 0.4);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).recordsInPerSecond, 3.0);
}

void TestJobGraph::vertexMetricsWithoutWatermark()
{
    JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));

    // A source has no input watermark: Flink reports Long.MIN_VALUE, which as a double is -2^63.
    // A legacy source does not measure its busy time: NaN, which Flink's JSON writes as a string.
    graph.applyVertexMetrics(kSource, jsonArray(R"([
      {"id": "busyTimeMsPerSecond", "min": "NaN", "max": "NaN", "sum": "NaN"},
      {"id": "backPressuredTimeMsPerSecond", "min": 0.0, "max": 100.0, "sum": 100.0},
      {"id": "numRecordsInPerSecond", "min": 0.0, "max": 0.0, "sum": 0.0},
      {"id": "numRecordsOutPerSecond", "min": 200.0, "max": 210.0, "sum": 820.0},
      {"id": "currentInputWatermark", "min": -9.223372036854776E18, "max": -9.223372036854776E18,
       "sum": -3.6893488147419103E19}
    ])"),
                             kNowMs);
    const JobVertex &source = graph.vertices.at(graph.indexOf(kSource));
    QCOMPARE(source.watermarkLagMs, -1);
    QCOMPARE(source.busyRatio, -1.0);
    QCOMPARE(source.backPressuredRatio, 0.1);
    QCOMPARE(source.pressure(), JobVertex::Pressure::Ok);
    QCOMPARE(source.recordsInPerSecond, 0.0);
    QCOMPARE(source.recordsOutPerSecond, 820.0);

    // One subtask of the window without a watermark yet holds the vertex's event time back: none.
    graph.applyVertexMetrics(kWindow, jsonArray(R"([
      {"id": "currentInputWatermark", "min": -9.223372036854776E18, "max": 1.710417598E12, "sum": -9.2E18}
    ])"),
                             kNowMs);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).watermarkLagMs, -1);

    // A subtask that sees no watermark at all reports it as a string.
    graph.applyVertexMetrics(kWindow, jsonArray(R"([
      {"id": "currentInputWatermark", "min": "-9223372036854775808", "max": "1710417598000"}
    ])"),
                             kNowMs);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).watermarkLagMs, -1);
}

void TestJobGraph::vertexMetricsReplacePrevious()
{
    // Each answer replaces the last one: a metric it no longer carries is unknown again.
    JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));
    graph.applyVertexMetrics(kWindow, jsonArray(kWindowMetrics), kNowMs);
    graph.applyVertexMetrics(kWindow, jsonArray(R"([{"id": "numRecordsInPerSecond", "min": 1.0, "max": 1.0,
                                                     "sum": 4.0}])"),
                             kNowMs);
    const JobVertex &window = graph.vertices.at(graph.indexOf(kWindow));
    QCOMPARE(window.recordsInPerSecond, 4.0);
    QCOMPARE(window.busyRatio, -1.0);
    QCOMPARE(window.backPressuredRatio, -1.0);
    QCOMPARE(window.recordsOutPerSecond, -1.0);
    QCOMPARE(window.watermarkLagMs, -1);
    QCOMPARE(window.pressure(), JobVertex::Pressure::Unknown);

    // An aggregation that was not asked for is missing, not zero.
    graph.applyVertexMetrics(kWindow, jsonArray(R"([{"id": "busyTimeMsPerSecond", "sum": 900.0},
                                                    {"id": "backPressuredTimeMsPerSecond", "min": 0.0}])"),
                             kNowMs);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).busyRatio, -1.0);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).backPressuredRatio, -1.0);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).pressure(), JobVertex::Pressure::Unknown);

    // An empty answer clears the figures.
    graph.applyVertexMetrics(kWindow, QJsonArray(), kNowMs);
    QCOMPARE(graph.vertices.at(graph.indexOf(kWindow)).recordsInPerSecond, -1.0);
}

void TestJobGraph::vertexMetricsUnknownVertex()
{
    JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));
    graph.applyVertexMetrics(kWindow, jsonArray(kWindowMetrics), kNowMs);
    const QList<JobVertex> before = graph.vertices;
    graph.applyVertexMetrics(QStringLiteral("ffffffffffffffffffffffffffffffff"), jsonArray(kWindowMetrics), kNowMs);
    graph.applyVertexMetrics(QString(), jsonArray(kWindowMetrics), kNowMs);
    QCOMPARE(graph.vertices.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(graph.vertices.at(i).id, before.at(i).id);
        QCOMPARE(graph.vertices.at(i).busyRatio, before.at(i).busyRatio);
        QCOMPARE(graph.vertices.at(i).recordsInPerSecond, before.at(i).recordsInPerSecond);
        QCOMPARE(graph.vertices.at(i).watermarkLagMs, before.at(i).watermarkLagMs);
    }

    // An empty graph takes metrics for nobody.
    JobGraph empty;
    empty.applyVertexMetrics(kWindow, jsonArray(kWindowMetrics), kNowMs);
    QVERIFY(empty.isEmpty());
}

void TestJobGraph::vertexMetricsQuery()
{
    const QString query = JobGraph::vertexMetricsQuery();
    QVERIFY(query.startsWith(QLatin1String("get=")));
    for (const char *metric : {"busyTimeMsPerSecond", "backPressuredTimeMsPerSecond", "numRecordsInPerSecond",
                               "numRecordsOutPerSecond", "currentInputWatermark"})
        QVERIFY2(query.contains(QLatin1String(metric)), metric);
    QVERIFY(query.contains(QLatin1String("&agg=")));
    const QStringList aggregations = query.section(QLatin1String("&agg="), 1).split(QLatin1Char(','));
    for (const char *agg : {"min", "max", "sum"})
        QVERIFY2(aggregations.contains(QLatin1String(agg)), agg);
    QVERIFY(!query.contains(QLatin1Char(' ')));
}

void TestJobGraph::pressure_data()
{
    QTest::addColumn<double>("msPerSecond");
    QTest::addColumn<JobVertex::Pressure>("pressure");

    // Flink's levels: ok up to 10 %, low up to 50 %, high above.
    QTest::newRow("unknown") << -1.0 << JobVertex::Pressure::Unknown;
    QTest::newRow("0 ms") << 0.0 << JobVertex::Pressure::Ok;
    QTest::newRow("50 ms") << 50.0 << JobVertex::Pressure::Ok;
    QTest::newRow("100 ms") << 100.0 << JobVertex::Pressure::Ok;
    QTest::newRow("101 ms") << 101.0 << JobVertex::Pressure::Low;
    QTest::newRow("300 ms") << 300.0 << JobVertex::Pressure::Low;
    QTest::newRow("500 ms") << 500.0 << JobVertex::Pressure::Low;
    QTest::newRow("501 ms") << 501.0 << JobVertex::Pressure::High;
    QTest::newRow("1000 ms") << 1000.0 << JobVertex::Pressure::High;
    // A rate measured over a window slightly off a second can pass 1000 ms.
    QTest::newRow("1003 ms") << 1003.0 << JobVertex::Pressure::High;
}

void TestJobGraph::pressure()
{
    QFETCH(double, msPerSecond);
    QFETCH(JobVertex::Pressure, pressure);

    JobVertex v;
    v.backPressuredRatio = msPerSecond < 0 ? -1.0 : std::min(msPerSecond / 1000.0, 1.0);
    QCOMPARE(v.pressure(), pressure);

    // The same from the most back-pressured subtask's time per second.
    JobGraph graph = JobGraph::fromPlan(jsonObject(kPlanAnswer));
    graph.applyVertexMetrics(
        kSink,
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("backPressuredTimeMsPerSecond")},
                               {QStringLiteral("min"), 0.0},
                               {QStringLiteral("max"), msPerSecond},
                               {QStringLiteral("sum"), msPerSecond}}},
        kNowMs);
    const JobVertex &sink = graph.vertices.at(graph.indexOf(kSink));
    QCOMPARE(sink.pressure(), pressure);
    QCOMPARE(sink.backPressuredRatio, v.backPressuredRatio);
}

namespace {

// GET /jobs/{id}/vertices/{vid} of the window, three subtasks on two TaskManager pods.
const char *const kVertexAnswer = R"({
  "id": "0a448493b4782967b150582570326227", "name": "TumblingEventTimeWindows -> Map",
  "parallelism": 3, "maxParallelism": 128, "now": 1710417600000,
  "subtasks": [
    {"subtask": 0, "status": "RUNNING", "attempt": 0, "endpoint": "10.244.1.7:36143",
     "start-time": 1710417001000, "end-time": -1, "duration": 599000,
     "metrics": {"read-bytes": 1048576, "read-bytes-complete": true, "write-bytes": 2048,
                 "write-bytes-complete": true, "read-records": 40000, "read-records-complete": true,
                 "write-records": 130, "write-records-complete": true, "accumulated-backpressured-time": 300000,
                 "accumulated-idle-time": 1000, "accumulated-busy-time": 298000.0},
     "taskmanager-id": "order-totals-taskmanager-1-1",
     "status-duration": {"CREATED": 3, "SCHEDULED": 20, "DEPLOYING": 900, "INITIALIZING": 40, "RUNNING": 598000}},
    {"subtask": 1, "status": "RUNNING", "attempt": 1, "endpoint": "10.244.2.4:41017",
     "start-time": 1710417301000, "end-time": -1, "duration": 299000,
     "metrics": {"read-records": 39000, "write-records": 128},
     "taskmanager-id": "order-totals-taskmanager-1-2"},
    {"subtask": 2, "status": "DEPLOYING", "attempt": 0, "endpoint": "10.244.2.4:41017",
     "start-time": 1710417590000, "end-time": -1, "duration": 10000,
     "metrics": {"read-records": 0, "read-records-complete": false, "write-records": 0,
                 "write-records-complete": false},
     "taskmanager-id": "order-totals-taskmanager-1-2"}
  ]
})";

// GET /jobs/{id}/vertices/{vid}/backpressure once sampled.
const char *const kBackPressureAnswer = R"({
  "status": "ok", "backpressureLevel": "high", "end-timestamp": 1710417599000,
  "subtasks": [
    {"subtask": 0, "attempt-number": 0, "backpressureLevel": "high", "ratio": 0.62, "idleRatio": 0.0,
     "busyRatio": 0.38},
    {"subtask": 1, "attempt-number": 1, "backpressureLevel": "low", "ratio": 0.2, "idleRatio": 0.05,
     "busyRatio": 0.75},
    {"subtask": 2, "attempt-number": 0, "backpressureLevel": "ok", "ratio": 0.0, "idleRatio": 1.0,
     "busyRatio": 0.0}
  ]
})";

// GET /jobs/{id}/vertices/{vid}/watermarks: metric values are strings; subtask 2 has none yet.
const char *const kWatermarksAnswer = R"([
  {"id": "0.currentInputWatermark", "value": "1710417590000"},
  {"id": "1.currentInputWatermark", "value": "1710417598000"},
  {"id": "2.currentInputWatermark", "value": "-9223372036854775808"}
])";

// GET /jobs/{id}/checkpoints/details/42/subtasks/{vid}: subtask 2 has not acknowledged.
const char *const kCheckpointAnswer = R"({
  "id": 42, "status": "IN_PROGRESS", "latest_ack_timestamp": 1710417595300, "checkpointed_size": 61440,
  "state_size": 73728, "end_to_end_duration": 1300, "alignment_buffered": 0, "processed_data": 4096,
  "persisted_data": 0, "num_subtasks": 3, "num_acknowledged_subtasks": 2,
  "summary": {"checkpointed_size": {"min": 30720, "max": 30720, "avg": 30720},
              "state_size": {"min": 32768, "max": 40960, "avg": 36864},
              "end_to_end_duration": {"min": 900, "max": 1300, "avg": 1100},
              "checkpoint_duration": {"sync": {"min": 2, "max": 5, "avg": 3},
                                      "async": {"min": 40, "max": 60, "avg": 50}},
              "alignment": {"buffered": {"min": 0, "max": 0, "avg": 0},
                            "processed": {"min": 1024, "max": 3072, "avg": 2048},
                            "persisted": {"min": 0, "max": 0, "avg": 0},
                            "duration": {"min": 15, "max": 240, "avg": 127}},
              "start_delay": {"min": 1, "max": 300, "avg": 150},
              "unaligned_checkpoint": {"min": 0, "max": 0, "avg": 0},
              "aborted": {"min": 0, "max": 0, "avg": 0}},
  "subtasks": [
    {"className": "completed", "index": 0, "status": "completed", "ack_timestamp": 1710417595300,
     "end_to_end_duration": 1300, "state_size": 40960, "checkpointed_size": 30720,
     "checkpoint": {"sync": 5, "async": 60},
     "alignment": {"buffered": 0, "processed": 3072, "persisted": 0, "duration": 240},
     "start_delay": 300, "unaligned_checkpoint": false, "aborted": false},
    {"className": "completed", "index": 1, "status": "completed", "ack_timestamp": 1710417594900,
     "end_to_end_duration": 900, "state_size": 32768, "checkpointed_size": 30720,
     "checkpoint": {"sync": 2, "async": 40},
     "alignment": {"buffered": 0, "processed": 1024, "persisted": 0, "duration": 15},
     "start_delay": 1, "unaligned_checkpoint": false, "aborted": false},
    {"className": "pending", "index": 2, "status": "pending_or_failed"}
  ]
})";

} // namespace

void TestJobGraph::vertexDetails()
{
    VertexDetails d;
    d.applyVertex(jsonObject(kVertexAnswer));
    QCOMPARE(d.vertexId, kWindow);
    QCOMPARE(d.name, QStringLiteral("TumblingEventTimeWindows -> Map"));
    QCOMPARE(d.subtasks.size(), 3);
    const SubtaskDetails &first = d.subtasks.at(0);
    QCOMPARE(first.index, 0);
    QCOMPARE(first.status, QStringLiteral("RUNNING"));
    QCOMPARE(first.attempt, 0);
    QCOMPARE(first.taskManagerId, QStringLiteral("order-totals-taskmanager-1-1"));
    QCOMPARE(first.endpoint, QStringLiteral("10.244.1.7:36143"));
    QCOMPARE(first.recordsIn, 40000);
    QCOMPARE(first.recordsOut, 130);
    // Not yet known from this answer alone.
    QCOMPARE(first.backPressuredRatio, -1.0);
    QCOMPARE(first.watermarkMs, -1);
    QCOMPARE(first.checkpointStateSize, -1);
    QCOMPARE(d.subtasks.at(1).attempt, 1);
    QCOMPARE(d.subtasks.at(1).taskManagerId, QStringLiteral("order-totals-taskmanager-1-2"));
    QCOMPARE(d.subtasks.at(2).status, QStringLiteral("DEPLOYING"));
    QCOMPARE(d.subtasks.at(2).recordsIn, 0);

    d.applyBackPressure(jsonObject(kBackPressureAnswer));
    QCOMPARE(d.subtasks.size(), 3);
    QCOMPARE(d.subtasks.at(0).backPressureLevel, QStringLiteral("high"));
    QCOMPARE(d.subtasks.at(0).backPressuredRatio, 0.62);
    QCOMPARE(d.subtasks.at(0).busyRatio, 0.38);
    QCOMPARE(d.subtasks.at(0).idleRatio, 0.0);
    QCOMPARE(d.subtasks.at(1).backPressureLevel, QStringLiteral("low"));
    QCOMPARE(d.subtasks.at(2).idleRatio, 1.0);
    // What the vertex answer said stays.
    QCOMPARE(d.subtasks.at(0).taskManagerId, QStringLiteral("order-totals-taskmanager-1-1"));
    QCOMPARE(d.subtasks.at(0).recordsIn, 40000);

    // A later vertex answer keeps the back-pressure of this poll.
    d.applyVertex(jsonObject(kVertexAnswer));
    QCOMPARE(d.subtasks.at(0).backPressuredRatio, 0.62);
    QCOMPARE(d.subtasks.at(0).status, QStringLiteral("RUNNING"));

    // After a rescale to one subtask the others are gone.
    d.applyVertex(jsonObject(R"({"id": "0a448493b4782967b150582570326227", "name": "TumblingEventTimeWindows -> Map",
                                 "parallelism": 1, "subtasks": [{"subtask": 0, "status": "RUNNING", "attempt": 2,
                                 "endpoint": "10.244.1.7:36143", "taskmanager-id": "order-totals-taskmanager-1-1"}]})"));
    QCOMPARE(d.subtasks.size(), 1);
    QCOMPARE(d.subtasks.at(0).attempt, 2);
    QCOMPARE(d.subtasks.at(0).recordsIn, -1);
}

void TestJobGraph::backPressureDeprecated()
{
    // While the JobManager samples (or when sampling is off) the answer is only {"status": "deprecated"}:
    // the last known figures stay and no subtask is made up.
    VertexDetails d;
    d.applyBackPressure(jsonObject(R"({"status": "deprecated"})"));
    QVERIFY(d.subtasks.isEmpty());

    d.applyVertex(jsonObject(kVertexAnswer));
    d.applyBackPressure(jsonObject(kBackPressureAnswer));
    const QStringList before = describe(d);
    d.applyBackPressure(jsonObject(R"({"status": "deprecated"})"));
    d.applyBackPressure(jsonObject(
        R"({"status": "deprecated", "subtasks": [{"subtask": 0, "backpressureLevel": "ok", "ratio": 0.0}]})"));
    QCOMPARE(describe(d), before);
    QCOMPARE(d.subtasks.at(0).backPressuredRatio, 0.62);
}

void TestJobGraph::watermarks()
{
    VertexDetails d;
    d.applyVertex(jsonObject(kVertexAnswer));
    d.applyWatermarks(jsonArray(kWatermarksAnswer));
    QCOMPARE(d.subtasks.size(), 3);
    QCOMPARE(d.subtasks.at(0).watermarkMs, 1710417590000);
    QCOMPARE(d.subtasks.at(1).watermarkMs, 1710417598000);
    QCOMPARE(d.subtasks.at(2).watermarkMs, -1);

    // Other metrics and malformed ids are no watermarks; numbers read like strings.
    VertexDetails other;
    other.applyWatermarks(jsonArray(R"([
      {"id": "0.numRecordsIn", "value": "17"},
      {"id": "currentInputWatermark", "value": "1710417590000"},
      {"id": "x.currentInputWatermark", "value": "1710417590000"},
      {"id": "4.currentInputWatermark", "value": 1710417597000}
    ])"));
    QCOMPARE(other.subtasks.size(), 1);
    QCOMPARE(other.subtasks.at(0).index, 4);
    QCOMPARE(other.subtasks.at(0).watermarkMs, 1710417597000);
}

void TestJobGraph::checkpointWithPendingSubtask()
{
    VertexDetails d;
    d.applyVertex(jsonObject(kVertexAnswer));
    d.applyCheckpoint(42, jsonObject(kCheckpointAnswer));
    QCOMPARE(d.checkpointId, 42);
    QCOMPARE(d.checkpointStateSize, 73728);
    QCOMPARE(d.checkpointDurationMs, 1300);
    QCOMPARE(d.alignmentBufferedBytes, 0);
    // The slowest subtask's alignment.
    QCOMPARE(d.alignmentDurationMs, 240);

    QCOMPARE(d.subtasks.size(), 3);
    QCOMPARE(d.subtasks.at(0).checkpointStateSize, 40960);
    QCOMPARE(d.subtasks.at(0).checkpointDurationMs, 1300);
    QCOMPARE(d.subtasks.at(0).alignmentDurationMs, 240);
    QCOMPARE(d.subtasks.at(0).alignmentBufferedBytes, 0);
    QCOMPARE(d.subtasks.at(1).checkpointStateSize, 32768);
    QCOMPARE(d.subtasks.at(1).alignmentDurationMs, 15);
    // Not acknowledged: nothing known of its part.
    QCOMPARE(d.subtasks.at(2).checkpointStateSize, -1);
    QCOMPARE(d.subtasks.at(2).checkpointDurationMs, -1);
    QCOMPARE(d.subtasks.at(2).alignmentDurationMs, -1);
    QCOMPARE(d.subtasks.at(2).alignmentBufferedBytes, -1);
    QCOMPARE(d.subtasks.at(2).status, QStringLiteral("DEPLOYING"));

    // The same subtasks in the older form, without className: read alike.
    QJsonObject older = jsonObject(kCheckpointAnswer);
    QJsonArray subtasks = older.value(QLatin1String("subtasks")).toArray();
    for (qsizetype i = 0; i < subtasks.size(); ++i) {
        QJsonObject s = subtasks.at(i).toObject();
        s.remove(QStringLiteral("className"));
        subtasks.replace(i, s);
    }
    older.insert(QStringLiteral("subtasks"), subtasks);
    VertexDetails again;
    again.applyVertex(jsonObject(kVertexAnswer));
    again.applyCheckpoint(42, older);
    QCOMPARE(describe(again), describe(d));

    // Only pending subtasks: no alignment known.
    VertexDetails pending;
    pending.applyCheckpoint(43, jsonObject(R"({"id": 43, "status": "IN_PROGRESS", "num_subtasks": 1,
        "num_acknowledged_subtasks": 0, "subtasks": [{"className": "pending", "index": 0,
        "status": "pending_or_failed"}]})"));
    QCOMPARE(pending.checkpointId, 43);
    QCOMPARE(pending.checkpointStateSize, -1);
    QCOMPARE(pending.alignmentDurationMs, -1);
    QCOMPARE(pending.subtasks.size(), 1);
    QCOMPARE(pending.subtasks.at(0).checkpointStateSize, -1);
}

void TestJobGraph::answersInAnyOrder()
{
    // The four answers of a poll arrive in whatever order the JobManager answers them; each order
    // gives the same details. Backpressure before the vertex, in particular, keeps both.
    const std::array<std::function<void(VertexDetails &)>, 4> answers{
        [](VertexDetails &d) { d.applyVertex(jsonObject(kVertexAnswer)); },
        [](VertexDetails &d) { d.applyBackPressure(jsonObject(kBackPressureAnswer)); },
        [](VertexDetails &d) { d.applyWatermarks(jsonArray(kWatermarksAnswer)); },
        [](VertexDetails &d) { d.applyCheckpoint(42, jsonObject(kCheckpointAnswer)); },
    };
    std::array<int, 4> order{0, 1, 2, 3};
    VertexDetails reference;
    for (int i : order)
        answers.at(i)(reference);
    const QStringList expected = describe(reference);
    QCOMPARE(reference.subtasks.size(), 3);
    QCOMPARE(reference.subtasks.at(0).taskManagerId, QStringLiteral("order-totals-taskmanager-1-1"));
    QCOMPARE(reference.subtasks.at(0).backPressuredRatio, 0.62);
    QCOMPARE(reference.subtasks.at(0).watermarkMs, 1710417590000);
    QCOMPARE(reference.subtasks.at(0).checkpointStateSize, 40960);

    int orders = 0;
    while (std::next_permutation(order.begin(), order.end())) {
        VertexDetails d;
        for (int i : order)
            answers.at(i)(d);
        const QString name = QStringLiteral("order %1%2%3%4").arg(order[0]).arg(order[1]).arg(order[2]).arg(order[3]);
        QVERIFY2(describe(d) == expected,
                 qPrintable(name + QLatin1Char('\n') + describe(d).join(QLatin1Char('\n'))
                            + QLatin1String("\nexpected\n") + expected.join(QLatin1Char('\n'))));
        ++orders;
    }
    QCOMPARE(orders, 23);

    // Backpressure alone first, then the vertex: both there.
    VertexDetails d;
    d.applyBackPressure(jsonObject(kBackPressureAnswer));
    QCOMPARE(d.subtasks.size(), 3);
    QVERIFY(d.subtasks.at(1).taskManagerId.isEmpty());
    d.applyVertex(jsonObject(kVertexAnswer));
    QCOMPARE(d.subtasks.at(1).backPressureLevel, QStringLiteral("low"));
    QCOMPARE(d.subtasks.at(1).taskManagerId, QStringLiteral("order-totals-taskmanager-1-2"));
    QCOMPARE(d.subtasks.at(1).endpoint, QStringLiteral("10.244.2.4:41017"));
}

QTEST_APPLESS_MAIN(TestJobGraph)
#include "tst_jobgraph.moc"
