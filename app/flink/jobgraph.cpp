#include "flink/jobgraph.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace capstan {

namespace {

// Flink writes a plan node's description as HTML ("Source: Orders<br/>+- Filter"), escaped for it and
// with a backslash as "&#92;": the text alone.
QString plainDescription(QString text)
{
    static const QRegularExpression lineBreak(QStringLiteral("<br\\s*/?>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression numeric(QStringLiteral("&#(\\d{1,6});"));
    text.replace(lineBreak, QStringLiteral("\n"));
    text.remove(tag);
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    qsizetype from = 0;
    for (auto m = numeric.match(text); m.hasMatch(); m = numeric.match(text, from)) {
        const char32_t code = m.captured(1).toUInt();
        const bool valid = code > 0 && code <= 0x10FFFF && !QChar::isSurrogate(code);
        const QString decoded = valid ? QString::fromUcs4(&code, 1) : m.captured();
        text.replace(m.capturedStart(), m.capturedLength(), decoded);
        from = m.capturedStart() + decoded.size();
    }
    // Last: "&amp;gt;" is the text "&gt;".
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.trimmed();
}

// Metric values arrive as numbers (aggregations) or strings (single metrics).
double number(const QJsonValue &v, double fallback = -1)
{
    if (v.isDouble())
        return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    // A gauge Flink does not measure (a legacy source's busy time) is NaN, written as "NaN".
    return ok && std::isfinite(d) ? d : fallback;
}

// A *TimeMsPerSecond aggregate as a ratio of the second, -1 when missing.
double ratio(const QJsonValue &msPerSecond)
{
    const double ms = number(msPerSecond);
    return ms < 0 ? -1 : std::min(ms / 1000.0, 1.0);
}

// A watermark Flink reports when there is none: Long.MIN_VALUE, as a double or a string.
bool isWatermark(double ms)
{
    return ms > 0 && ms < 1e15;
}

} // namespace

JobVertex::Pressure JobVertex::pressure() const
{
    if (backPressuredRatio < 0)
        return Pressure::Unknown;
    if (backPressuredRatio > 0.5)
        return Pressure::High;
    if (backPressuredRatio > 0.1)
        return Pressure::Low;
    return Pressure::Ok;
}

int JobGraph::indexOf(const QString &vertexId) const
{
    for (int i = 0; i < vertices.size(); ++i) {
        if (vertices.at(i).id == vertexId)
            return i;
    }
    return -1;
}

int JobGraph::layerCount() const
{
    int layers = 0;
    for (const JobVertex &v : vertices)
        layers = std::max(layers, v.layer + 1);
    return layers;
}

JobGraph JobGraph::fromPlan(const QJsonObject &answer)
{
    const QJsonObject plan
        = answer.contains(QLatin1String("plan")) ? answer.value(QLatin1String("plan")).toObject() : answer;
    JobGraph graph;
    graph.jobId = plan.value(QLatin1String("jid")).toString();
    graph.jobName = plan.value(QLatin1String("name")).toString();
    const QJsonArray nodes = plan.value(QLatin1String("nodes")).toArray();
    QHash<QString, int> index;
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        JobVertex v;
        v.id = node.value(QLatin1String("id")).toString();
        if (v.id.isEmpty() || index.contains(v.id))
            continue;
        v.name = plainDescription(node.value(QLatin1String("description")).toString());
        v.parallelism = node.value(QLatin1String("parallelism")).toInt(-1);
        index.insert(v.id, static_cast<int>(graph.vertices.size()));
        graph.vertices.append(v);
        const QJsonArray inputs = node.value(QLatin1String("inputs")).toArray();
        for (const QJsonValue &input : inputs) {
            const QJsonObject in = input.toObject();
            graph.edges.append({in.value(QLatin1String("id")).toString(), v.id,
                                in.value(QLatin1String("ship_strategy")).toString(),
                                in.value(QLatin1String("exchange")).toString()});
        }
    }
    // Edges to vertices the plan does not list are dropped: they cannot be drawn.
    graph.edges.erase(std::remove_if(graph.edges.begin(), graph.edges.end(),
                                     [&](const JobEdge &e) { return !index.contains(e.source); }),
                      graph.edges.end());

    // Longest path from a source, by relaxing the edges as often as there are vertices (a plan is
    // acyclic; a cycle, which Flink does not produce, stops at that bound instead of looping).
    const int n = static_cast<int>(graph.vertices.size());
    for (int round = 0; round < n; ++round) {
        bool changed = false;
        for (const JobEdge &e : std::as_const(graph.edges)) {
            JobVertex &target = graph.vertices[index.value(e.target)];
            const int layer = graph.vertices.at(index.value(e.source)).layer + 1;
            if (layer > target.layer && layer < n) {
                target.layer = layer;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    std::stable_sort(graph.vertices.begin(), graph.vertices.end(),
                     [](const JobVertex &a, const JobVertex &b) { return a.layer < b.layer; });
    return graph;
}

void JobGraph::applyJobDetails(const QJsonObject &job)
{
    if (jobName.isEmpty())
        jobName = job.value(QLatin1String("name")).toString();
    const QJsonArray list = job.value(QLatin1String("vertices")).toArray();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        const int i = indexOf(o.value(QLatin1String("id")).toString());
        if (i < 0)
            continue;
        JobVertex &v = vertices[i];
        const QString name = o.value(QLatin1String("name")).toString();
        if (!name.isEmpty())
            v.name = name;
        v.parallelism = o.value(QLatin1String("parallelism")).toInt(v.parallelism);
        v.maxParallelism = o.value(QLatin1String("maxParallelism")).toInt(v.maxParallelism);
        v.status = o.value(QLatin1String("status")).toString();
    }
}

QString JobGraph::vertexMetricsQuery()
{
    return QStringLiteral("get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond,numRecordsInPerSecond,"
                          "numRecordsOutPerSecond,currentInputWatermark&agg=min,max,sum");
}

void JobGraph::applyVertexMetrics(const QString &vertexId, const QJsonArray &metrics, qint64 nowMs)
{
    const int i = indexOf(vertexId);
    if (i < 0)
        return;
    JobVertex &v = vertices[i];
    v.busyRatio = v.backPressuredRatio = v.recordsInPerSecond = v.recordsOutPerSecond = -1;
    v.watermarkLagMs = -1;
    for (const QJsonValue &value : metrics) {
        const QJsonObject m = value.toObject();
        const QString id = m.value(QLatin1String("id")).toString();
        if (id == QLatin1String("busyTimeMsPerSecond"))
            v.busyRatio = ratio(m.value(QLatin1String("max")));
        else if (id == QLatin1String("backPressuredTimeMsPerSecond"))
            v.backPressuredRatio = ratio(m.value(QLatin1String("max")));
        else if (id == QLatin1String("numRecordsInPerSecond"))
            v.recordsInPerSecond = number(m.value(QLatin1String("sum")));
        else if (id == QLatin1String("numRecordsOutPerSecond"))
            v.recordsOutPerSecond = number(m.value(QLatin1String("sum")));
        else if (id == QLatin1String("currentInputWatermark")) {
            // The vertex's event time is its slowest subtask's; a subtask without one holds it back.
            const double low = number(m.value(QLatin1String("min")), std::numeric_limits<double>::lowest());
            if (isWatermark(low) && nowMs > 0)
                v.watermarkLagMs = std::max<qint64>(0, nowMs - qint64(low));
        }
    }
}

void VertexDetails::applyVertex(const QJsonObject &vertex)
{
    vertexId = vertex.value(QLatin1String("id")).toString(vertexId);
    name = vertex.value(QLatin1String("name")).toString(name);
    const QJsonArray list = vertex.value(QLatin1String("subtasks")).toArray();
    QList<SubtaskDetails> out;
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        SubtaskDetails s;
        s.index = o.value(QLatin1String("subtask")).toInt(-1);
        // Keep what the other answers of this poll already filled in.
        for (const SubtaskDetails &known : std::as_const(subtasks)) {
            if (known.index == s.index)
                s = known;
        }
        s.status = o.value(QLatin1String("status")).toString();
        s.attempt = o.value(QLatin1String("attempt")).toInt();
        s.taskManagerId = o.value(QLatin1String("taskmanager-id")).toString();
        s.endpoint = o.value(QLatin1String("endpoint")).toString(o.value(QLatin1String("host")).toString());
        const QJsonObject metrics = o.value(QLatin1String("metrics")).toObject();
        s.recordsIn = metrics.value(QLatin1String("read-records")).toInteger(-1);
        s.recordsOut = metrics.value(QLatin1String("write-records")).toInteger(-1);
        out.append(s);
    }
    subtasks = out;
}

namespace {

SubtaskDetails &subtask(QList<SubtaskDetails> &subtasks, int index)
{
    for (SubtaskDetails &s : subtasks) {
        if (s.index == index)
            return s;
    }
    SubtaskDetails s;
    s.index = index;
    subtasks.append(s);
    std::sort(subtasks.begin(), subtasks.end(),
              [](const SubtaskDetails &a, const SubtaskDetails &b) { return a.index < b.index; });
    for (SubtaskDetails &known : subtasks) {
        if (known.index == index)
            return known;
    }
    Q_UNREACHABLE();
}

} // namespace

void VertexDetails::applyBackPressure(const QJsonObject &backPressure)
{
    if (backPressure.value(QLatin1String("status")).toString() != QLatin1String("ok"))
        return;
    const QJsonArray list = backPressure.value(QLatin1String("subtasks")).toArray();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        const int index = o.value(QLatin1String("subtask")).toInt(-1);
        if (index < 0)
            continue;
        SubtaskDetails &s = subtask(subtasks, index);
        s.backPressureLevel = o.value(QLatin1String("backpressureLevel")).toString();
        s.backPressuredRatio = o.value(QLatin1String("ratio")).toDouble(-1);
        s.busyRatio = o.value(QLatin1String("busyRatio")).toDouble(-1);
        s.idleRatio = o.value(QLatin1String("idleRatio")).toDouble(-1);
    }
}

void VertexDetails::applyWatermarks(const QJsonArray &watermarks)
{
    for (const QJsonValue &value : watermarks) {
        const QJsonObject o = value.toObject();
        // "<subtask>.currentInputWatermark"
        const QString id = o.value(QLatin1String("id")).toString();
        bool ok = false;
        const int index = id.section(QLatin1Char('.'), 0, 0).toInt(&ok);
        if (!ok || !id.endsWith(QLatin1String(".currentInputWatermark")))
            continue;
        const double ms = number(o.value(QLatin1String("value")), std::numeric_limits<double>::lowest());
        subtask(subtasks, index).watermarkMs = isWatermark(ms) ? qint64(ms) : -1;
    }
}

void VertexDetails::applyCheckpoint(qint64 id, const QJsonObject &stats)
{
    checkpointId = id;
    checkpointStateSize = stats.value(QLatin1String("state_size")).toInteger(-1);
    checkpointDurationMs = stats.value(QLatin1String("end_to_end_duration")).toInteger(-1);
    alignmentBufferedBytes = stats.value(QLatin1String("alignment_buffered")).toInteger(-1);
    alignmentDurationMs = -1;
    const QJsonArray list = stats.value(QLatin1String("subtasks")).toArray();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        const int index = o.value(QLatin1String("index")).toInt(-1);
        if (index < 0)
            continue;
        SubtaskDetails &s = subtask(subtasks, index);
        // Subtasks that have not acknowledged are written as {"index", "status": "pending_or_failed"}.
        s.checkpointStateSize = o.value(QLatin1String("state_size")).toInteger(-1);
        s.checkpointDurationMs = o.value(QLatin1String("end_to_end_duration")).toInteger(-1);
        const QJsonObject alignment = o.value(QLatin1String("alignment")).toObject();
        s.alignmentDurationMs = alignment.value(QLatin1String("duration")).toInteger(-1);
        s.alignmentBufferedBytes = alignment.value(QLatin1String("buffered")).toInteger(-1);
        alignmentDurationMs = std::max(alignmentDurationMs, s.alignmentDurationMs);
    }
}

} // namespace capstan
