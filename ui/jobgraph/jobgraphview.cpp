#include "ui/jobgraph/jobgraphview.h"

#include "ui/jobgraph/vertexitem.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace capstan {

namespace {

constexpr qreal kColumnGap = 110;
constexpr qreal kRowGap = 28;
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 3.0;

// Same vertices and edges: the layout can stay.
bool samePlan(const JobGraph &a, const JobGraph &b)
{
    if (a.jobId != b.jobId || a.vertices.size() != b.vertices.size() || a.edges.size() != b.edges.size())
        return false;
    for (int i = 0; i < a.vertices.size(); ++i) {
        if (a.vertices.at(i).id != b.vertices.at(i).id)
            return false;
    }
    return true;
}

} // namespace

JobGraphView::JobGraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("jobGraphView"));
    setAccessibleName(tr("Job graph"));
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] { emit vertexSelected(selectedVertex()); });
    applyPalette();
}

JobGraphView::~JobGraphView()
{
    // The scene's selectionChanged would reach this view while QObject takes it apart.
    m_scene->disconnect(this);
}

void JobGraphView::clear()
{
    m_scene->clear();
    m_items.clear();
    m_edges.clear();
    m_labels.clear();
    m_graph = JobGraph();
    m_fitted = false;
}

void JobGraphView::setGraph(const JobGraph &graph)
{
    if (graph.isEmpty() && !m_graph.isEmpty() && graph.jobId == m_graph.jobId)
        return; // a failed poll: keep drawing what was known
    if (!samePlan(graph, m_graph)) {
        const QString selected = selectedVertex();
        clear();
        m_graph = graph;
        layout();
        if (m_items.contains(selected))
            m_items.value(selected)->setSelected(true);
        return;
    }
    m_graph = graph;
    for (const JobVertex &v : graph.vertices) {
        if (VertexItem *item = m_items.value(v.id))
            item->setVertex(v);
    }
}

void JobGraphView::layout()
{
    const int layers = m_graph.layerCount();
    QList<QList<int>> columns(layers);
    for (int i = 0; i < m_graph.vertices.size(); ++i)
        columns[m_graph.vertices.at(i).layer].append(i);

    // Order each column by the mean row of its inputs (the barycenter heuristic), so that edges
    // mostly run straight and cross little; a left-to-right pass then one back.
    QHash<QString, double> row;
    for (int i = 0; i < columns.value(0).size(); ++i)
        row.insert(m_graph.vertices.at(columns[0].at(i)).id, i);
    const auto orderBy = [&](QList<int> &column, bool byInputs) {
        QHash<int, double> key;
        for (int index : std::as_const(column)) {
            const QString id = m_graph.vertices.at(index).id;
            double sum = 0;
            int count = 0;
            for (const JobEdge &e : std::as_const(m_graph.edges)) {
                const QString &other = byInputs ? e.source : e.target;
                if ((byInputs ? e.target : e.source) == id && row.contains(other)) {
                    sum += row.value(other);
                    ++count;
                }
            }
            key.insert(index, count > 0 ? sum / count : row.value(id, 1e9));
        }
        std::stable_sort(column.begin(), column.end(), [&](int a, int b) { return key.value(a) < key.value(b); });
        for (int i = 0; i < column.size(); ++i)
            row.insert(m_graph.vertices.at(column.at(i)).id, i);
    };
    for (int c = 1; c < layers; ++c)
        orderBy(columns[c], true);
    for (int c = layers - 2; c >= 0; --c)
        orderBy(columns[c], false);

    // Columns are centred on one horizontal line.
    for (int c = 0; c < layers; ++c) {
        const QList<int> &column = columns.at(c);
        const qreal height = column.size() * VertexItem::Height + (column.size() - 1) * kRowGap;
        for (int r = 0; r < column.size(); ++r) {
            const JobVertex &v = m_graph.vertices.at(column.at(r));
            auto *item = new VertexItem(v);
            item->setPos(c * (VertexItem::Width + kColumnGap), -height / 2 + r * (VertexItem::Height + kRowGap));
            item->setZValue(1);
            m_scene->addItem(item);
            m_items.insert(v.id, item);
        }
    }

    const QPen pen(palette().color(QPalette::WindowText), 1.3);
    QHash<QString, int> labelsAtTarget; // fan-ins stack their labels above one another
    for (const JobEdge &e : std::as_const(m_graph.edges)) {
        const VertexItem *from = m_items.value(e.source);
        const VertexItem *to = m_items.value(e.target);
        if (!from || !to)
            continue;
        const QPointF start = from->pos() + QPointF(VertexItem::Width, VertexItem::Height / 2);
        const QPointF end = to->pos() + QPointF(0, VertexItem::Height / 2);
        QPainterPath path(start);
        const qreal bend = std::max<qreal>(40, (end.x() - start.x()) / 2);
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
        // The arrow head, pointing right into the target.
        path.moveTo(end);
        path.lineTo(end + QPointF(-9, -5));
        path.moveTo(end);
        path.lineTo(end + QPointF(-9, 5));
        auto *edge = m_scene->addPath(path, pen);
        edge->setZValue(0);
        m_edges.append(edge);
        if (!e.shipStrategy.isEmpty()) {
            auto *label = m_scene->addSimpleText(e.shipStrategy);
            label->setBrush(palette().color(QPalette::WindowText));
            // At the target's end, where the edges of a fan-out have parted (fan-ins are rarer).
            const QRectF r = label->boundingRect();
            const int stacked = labelsAtTarget[e.target]++;
            label->setPos(end.x() - r.width() - 12, end.y() - (stacked + 1) * (r.height() + 1));
            label->setZValue(2);
            label->setToolTip(
                tr("Ship strategy %1 from %2 to %3").arg(e.shipStrategy, from->vertex().name, to->vertex().name));
            m_labels.append(label);
        }
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-30, -30, 30, 30));
    applyPalette();
    m_fitted = false;
    fit();
}

void JobGraphView::applyPalette()
{
    const QPalette p = palette();
    setBackgroundBrush(p.color(QPalette::Window));
    for (VertexItem *item : std::as_const(m_items))
        item->setPalette(p);
    for (QGraphicsPathItem *edge : std::as_const(m_edges))
        edge->setPen(QPen(p.color(QPalette::WindowText), 1.3));
    for (QGraphicsSimpleTextItem *label : std::as_const(m_labels))
        label->setBrush(p.color(QPalette::PlaceholderText));
}

void JobGraphView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QGraphicsView::changeEvent(event);
}

void JobGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // Until the user zooms, the graph follows the view's size.
    if (!m_fitted)
        fit();
}

void JobGraphView::fit()
{
    if (m_items.isEmpty() || !isVisible())
        return;
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // A small job is not blown up beyond its natural size.
    if (zoom() > 1.0)
        setTransform(QTransform());
    if (zoom() < kMinZoom)
        setTransform(QTransform::fromScale(kMinZoom, kMinZoom));
    centerOn(m_scene->sceneRect().center());
}

double JobGraphView::zoom() const
{
    return transform().m11();
}

void JobGraphView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    m_fitted = true;
}

void JobGraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.15, steps));
    event->accept();
}

void JobGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.25);
        return;
    case Qt::Key_0:
        m_fitted = false;
        fit();
        return;
    case Qt::Key_Left:
        moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        moveSelection(1, 0);
        return;
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void JobGraphView::moveSelection(int dx, int dy)
{
    if (m_items.isEmpty())
        return;
    const VertexItem *current = m_items.value(selectedVertex());
    if (!current) {
        selectVertex(m_graph.vertices.constFirst().id);
        return;
    }
    // The nearest vertex in that direction: the next column for left/right, the same column for up/down.
    const QPointF from = current->pos();
    const VertexItem *best = nullptr;
    qreal bestDistance = 0;
    for (const VertexItem *item : std::as_const(m_items)) {
        const QPointF d = item->pos() - from;
        const bool ahead
            = dx != 0 ? (dx > 0 ? d.x() > 1 : d.x() < -1) : (std::abs(d.x()) < 1 && (dy > 0 ? d.y() > 1 : d.y() < -1));
        if (!ahead)
            continue;
        const qreal distance = std::abs(d.x()) * 4 + std::abs(d.y());
        if (!best || distance < bestDistance) {
            best = item;
            bestDistance = distance;
        }
    }
    if (best)
        selectVertex(best->vertex().id);
}

QString JobGraphView::selectedVertex() const
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    for (QGraphicsItem *item : selected) {
        if (const auto *vertex = dynamic_cast<VertexItem *>(item))
            return vertex->vertex().id;
    }
    return {};
}

void JobGraphView::selectVertex(const QString &vertexId)
{
    VertexItem *item = m_items.value(vertexId);
    m_scene->clearSelection();
    if (!item)
        return;
    item->setSelected(true);
    ensureVisible(item, 40, 40);
}

QRect JobGraphView::vertexRect(const QString &vertexId) const
{
    const VertexItem *item = m_items.value(vertexId);
    if (!item)
        return {};
    return mapFromScene(item->sceneBoundingRect()).boundingRect();
}

} // namespace capstan
