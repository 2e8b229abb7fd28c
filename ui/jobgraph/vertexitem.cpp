#include "ui/jobgraph/vertexitem.h"

#include "ui/jobgraph/graphtext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace capstan {

namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

VertexItem::VertexItem(const JobVertex &vertex, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_vertex(vertex)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemIsFocusable);
    setCursor(Qt::PointingHandCursor);
    setToolTip(lines(vertex).join(QLatin1Char('\n')));
}

void VertexItem::setVertex(const JobVertex &vertex)
{
    m_vertex = vertex;
    setToolTip(lines(vertex).join(QLatin1Char('\n')));
    update();
}

void VertexItem::setPalette(const QPalette &palette)
{
    m_palette = palette;
    update();
}

QRectF VertexItem::boundingRect() const
{
    return {0, 0, Width, Height};
}

QColor VertexItem::fill(const JobVertex &v, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    // Muted enough that the text stays readable on the strongest tint of either theme.
    const QColor busy = isDark(palette) ? QColor(140, 40, 40) : QColor(240, 150, 140);
    const QColor pressured = isDark(palette) ? QColor(130, 95, 20) : QColor(245, 205, 120);
    if (v.backPressuredRatio > 0.1)
        return blend(base, pressured, v.backPressuredRatio);
    if (v.busyRatio > 0)
        return blend(base, busy, v.busyRatio);
    return base;
}

QStringList VertexItem::lines(const JobVertex &v)
{
    QStringList out{v.name};
    QStringList facts;
    if (v.parallelism > 0)
        facts << GraphText::tr("parallelism %1").arg(v.parallelism);
    if (!v.status.isEmpty())
        facts << v.status;
    out << facts.join(QStringLiteral(" · "));
    out << GraphText::load(v);
    QStringList flow;
    if (v.recordsInPerSecond >= 0 && !v.isSource())
        flow << GraphText::tr("in %1").arg(GraphText::rate(v.recordsInPerSecond));
    if (v.recordsOutPerSecond >= 0)
        flow << GraphText::tr("out %1").arg(GraphText::rate(v.recordsOutPerSecond));
    if (v.watermarkLagMs >= 0)
        flow << GraphText::tr("watermark lag %1").arg(GraphText::duration(v.watermarkLagMs));
    out << flow.join(QStringLiteral(" · "));
    return out;
}

void VertexItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    const QRectF box = boundingRect().adjusted(1, 1, -1, -1);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor border = selected ? m_palette.color(QPalette::Highlight) : m_palette.color(QPalette::Mid);
    painter->setPen(QPen(border, selected ? 3 : 1));
    painter->setBrush(fill(m_vertex, m_palette));
    painter->drawRoundedRect(box, 6, 6);

    // A status stripe on the left: the task's own state, apart from its load.
    const bool running = m_vertex.status == QLatin1String("RUNNING");
    const QColor stripe = running                    ? QColor(46, 160, 67)
        : m_vertex.status == QLatin1String("FAILED") ? QColor(207, 34, 46)
                                                     : QColor(130, 130, 130);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stripe);
    painter->drawRoundedRect(QRectF(box.left(), box.top(), 6, box.height()), 3, 3);

    const QRectF area = box.adjusted(14, 6, -8, -6);
    QFont font = painter->font();
    // Zoomed out (a large job fitted into view) four lines would be specks: the name alone, in type
    // large enough to read, and the load in a word when it matters.
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < 0.6) {
        QFont large = font;
        large.setBold(true);
        large.setPixelSize(int(std::min<qreal>(area.height() / 3.2, 11.0 / std::max<qreal>(detail, 0.05))));
        painter->setFont(large);
        painter->setPen(m_palette.color(QPalette::Text));
        QString label = m_vertex.name;
        if (m_vertex.pressure() == JobVertex::Pressure::High)
            label = GraphText::tr("[back-pressured] %1").arg(label);
        else if (m_vertex.busyRatio >= 0.8)
            label = GraphText::tr("[busy] %1").arg(label);
        painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, label);
        painter->setFont(font);
        return;
    }
    const QStringList text = lines(m_vertex);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const QFontMetricsF metrics(font);
    qreal y = area.top();
    painter->setPen(m_palette.color(QPalette::Text));
    for (int i = 0; i < text.size(); ++i) {
        const QFontMetricsF &m = i == 0 ? boldMetrics : metrics;
        painter->setFont(i == 0 ? bold : font);
        const QString line = m.elidedText(text.at(i), Qt::ElideRight, area.width());
        painter->drawText(QPointF(area.left(), y + m.ascent()), line);
        y += m.height() + 2;
    }
    painter->setFont(font);
}

} // namespace capstan
