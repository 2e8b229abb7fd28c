#include "ui/metricchartview.h"

#include "ui/timeticks.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace capstan {

MetricChartView::MetricChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
    , m_jobChangeColor(0x7e, 0x57, 0xc2)
    , m_warningColor(0xe6, 0x8a, 0x00)
    , m_labelBackground(Qt::white)
    , m_actionColor(0x1e, 0x6f, 0xd9)
{
    setRenderHint(QPainter::Antialiasing, true);
    setMouseTracking(true);
    setMinimumHeight(150);
    setFrameShape(QFrame::NoFrame);
    // The plot is repainted as a whole on every update anyway: skip the per-item cache bookkeeping.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setCacheMode(QGraphicsView::CacheNone);
}

void MetricChartView::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    viewport()->update();
}

void MetricChartView::setMarkerColors(const QColor &jobChange, const QColor &warning, const QColor &action,
                                      const QColor &labelBackground)
{
    m_jobChangeColor = jobChange;
    m_warningColor = warning;
    m_labelBackground = labelBackground;
    m_actionColor = action;
    viewport()->update();
}

void MetricChartView::setAxisStyle(const QColor &label, const QColor &grid, const QFont &font)
{
    m_axisLabelColor = label;
    m_gridColor = grid;
    m_axisFont = font;
    viewport()->update();
}

void MetricChartView::setValueAxes(const ValueAxis &left, const ValueAxis &right)
{
    m_leftAxis = left;
    m_rightAxis = right;
    viewport()->update();
}

void MetricChartView::setHoverTime(qint64 timeMs)
{
    if (m_hoverTime == timeMs)
        return;
    m_hoverTime = timeMs;
    viewport()->update();
}

int MetricChartView::plotWidth() const
{
    return std::max(1, int(chart()->plotArea().width()));
}

void MetricChartView::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_from = fromMs;
    m_to = std::max(fromMs + 1, toMs);
    viewport()->update();
}

void MetricChartView::setLines(const QList<PlotLine> &lines)
{
    m_lines = lines;
    viewport()->update();
}

void MetricChartView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

bool MetricChartView::isShowingEmptyText() const
{
    if (m_emptyText.isEmpty())
        return false;
    return std::all_of(m_lines.cbegin(), m_lines.cend(), [](const PlotLine &line) { return line.segments.isEmpty(); });
}

double MetricChartView::xOf(qint64 timeMs) const
{
    const QRectF plot = chart()->plotArea();
    return plot.left() + double(timeMs - m_from) / double(m_to - m_from) * plot.width();
}

qint64 MetricChartView::timeAt(double x) const
{
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0)
        return m_from;
    return m_from + qint64((x - plot.left()) / plot.width() * double(m_to - m_from));
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    layoutPlotArea();
}

void MetricChartView::layoutPlotArea()
{
    // Fixed margins (not the axes' label widths) decide the plot area, so every chart of the tab
    // maps a time to the same x.
    const QRectF area(LeftMargin, TopMargin, std::max(10, width() - LeftMargin - RightMargin),
                      std::max(10, height() - TopMargin - BottomMargin));
    chart()->setPlotArea(area);
    // The legend keeps to the margin above the plot instead of sitting on its top edge.
    chart()->legend()->setGeometry(QRectF(area.left(), 0, area.width(), TopMargin - 2));
    chart()->legend()->update();
}

void MetricChartView::drawValueAxis(QPainter *painter, const QRectF &plot, const ValueAxis &axis, bool left) const
{
    painter->setPen(m_axisLabelColor);
    // One grid per chart: at the left axis's ticks.
    const QFontMetricsF metrics(m_axisFont);
    const double span = axis.max > axis.min ? axis.max - axis.min : 1.0;
    const int ticks = std::max(2, axis.tickCount);
    const QLocale locale;
    double lastTop = 1e9; // labels from the bottom up; one that would touch the previous is left out
    for (int i = 0; i < ticks; ++i) {
        const double value = axis.min + span * i / (ticks - 1);
        const double y = plot.bottom() - (value - axis.min) / span * plot.height();
        if (left) {
            painter->setPen(m_gridColor);
            painter->drawLine(QPointF(plot.left(), std::round(y)), QPointF(plot.right(), std::round(y)));
            painter->setPen(m_axisLabelColor);
        }
        QRectF box(0, y - metrics.height() / 2, LeftMargin - 30, metrics.height());
        if (left)
            box.moveRight(plot.left() - 6);
        else
            box.moveLeft(plot.right() + 6);
        if (box.bottom() > lastTop - 1)
            continue;
        lastTop = box.top();
        painter->drawText(box, (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                          locale.toString(value, 'f', axis.decimals));
    }
    if (axis.title.isEmpty())
        return;
    // The title reads upwards, centred on the plot, at the outer edge of the margin.
    const QString title = metrics.elidedText(axis.title, Qt::ElideRight, plot.height());
    painter->save();
    painter->translate(left ? metrics.height() / 2 + 2 : width() - metrics.height() / 2 - 2, plot.center().y());
    painter->rotate(-90);
    painter->drawText(QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height()),
                      Qt::AlignCenter, title);
    painter->restore();
}

void MetricChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->plotArea();
    painter->save();
    // The time axis: grid lines and labels at round times, under everything else.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setFont(m_axisFont);
    const QFontMetricsF timeMetrics(m_axisFont);
    for (const TimeTick &tick : timeTicks(m_from, m_to, plot.width())) {
        const double x = std::round(xOf(tick.timeMs));
        painter->setPen(m_gridColor);
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter->setPen(m_axisLabelColor);
        const double w = timeMetrics.horizontalAdvance(tick.label);
        painter->drawText(QRectF(x - w / 2 - 2, plot.bottom() + 4, w + 4, timeMetrics.height()), Qt::AlignCenter,
                          tick.label);
    }
    drawValueAxis(painter, plot, m_leftAxis, true);
    if (!m_rightAxis.title.isEmpty())
        drawValueAxis(painter, plot, m_rightAxis, false);
    painter->setRenderHint(QPainter::Antialiasing, true);
    // The lines: one polyline per segment, with a cosmetic 1 px pen (the raster engine's fast stroker).
    painter->setClipRect(plot.adjusted(-1, -1, 1, 1));
    const double xScale = plot.width() / double(m_to - m_from);
    QPolygonF polyline;
    for (const PlotLine &line : std::as_const(m_lines)) {
        const ValueAxis &axis = line.onRightAxis ? m_rightAxis : m_leftAxis;
        const double ySpan = axis.max > axis.min ? axis.max - axis.min : 1.0;
        const double yScale = plot.height() / ySpan;
        QPen pen(line.color, 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(line.color);
        for (const QList<QPointF> &segment : line.segments) {
            polyline.resize(segment.size());
            QPointF *out = polyline.data();
            for (const QPointF &p : segment)
                *out++ = QPointF(plot.left() + (p.x() - double(m_from)) * xScale,
                                 plot.bottom() - (p.y() - axis.min) * yScale);
            if (polyline.size() == 1)
                painter->drawEllipse(polyline.constFirst(), 1.5, 1.5); // a lone sample between gaps
            else
                painter->drawPolyline(polyline);
        }
    }
    painter->setBrush(Qt::NoBrush);
    if (isShowingEmptyText()) {
        // An empty plot says why, instead of looking like a chart of zeros.
        painter->setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter->drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    }
    // Markers stay inside the plot: the legend lives in the margin above it.
    painter->setClipRect(plot);
    for (const ChartMarker &marker : std::as_const(m_markers)) {
        const double x = xOf(marker.timeMs);
        if (x < plot.left() || x > plot.right())
            continue;
        switch (marker.kind) {
        case ChartMarker::Kind::JobChange:
            painter->setPen(QPen(m_jobChangeColor, 1.5, Qt::DashLine));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            break;
        case ChartMarker::Kind::Action:
            painter->setPen(QPen(m_actionColor, 1.5, Qt::SolidLine));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            break;
        case ChartMarker::Kind::Warning: {
            painter->setPen(QPen(m_warningColor, 1.0, Qt::DotLine));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_warningColor);
            const QPointF tip(x, plot.top() + 6);
            const QPolygonF triangle{tip + QPointF(-4, -6), tip + QPointF(4, -6), tip};
            painter->drawPolygon(triangle);
            break;
        }
        case ChartMarker::Kind::Obituary: {
            const bool dark = palette().color(QPalette::Base).lightness() < 128;
            const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc4, 0x1e, 0x12);
            painter->setPen(QPen(red, 1.5, Qt::SolidLine));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            // A cross at the top, so it reads apart from an action's line without colour.
            painter->setPen(QPen(red, 2.0, Qt::SolidLine, Qt::RoundCap));
            const QPointF c(x, plot.top() + 5);
            painter->drawLine(c + QPointF(-4, -4), c + QPointF(4, 4));
            painter->drawLine(c + QPointF(4, -4), c + QPointF(-4, 4));
            break;
        }
        }
    }
    // The labels over every line, so that a marker close by does not cross one out.
    painter->setFont(markerFont());
    for (const MarkerLabel &label : layoutMarkerLabels()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_labelBackground);
        painter->drawRoundedRect(label.rect, 3, 3);
        painter->setPen(label.kind == ChartMarker::Kind::JobChange ? m_jobChangeColor : m_actionColor);
        painter->drawText(label.rect, Qt::AlignCenter, label.text);
    }
    if (isDragging()) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(60);
        const double start = std::clamp(xOf(m_dragStartMs), plot.left(), plot.right());
        const double left = std::min(start, m_dragEndX);
        const double right = std::max(start, m_dragEndX);
        painter->fillRect(QRectF(left, plot.top(), right - left, plot.height()), band);
    }
    if (m_hoverTime >= 0) {
        const double x = xOf(m_hoverTime);
        if (x >= plot.left() && x <= plot.right()) {
            QColor c = palette().color(QPalette::Text);
            c.setAlpha(110);
            painter->setPen(QPen(c, 1));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    painter->restore();
}

QFont MetricChartView::markerFont() const
{
    QFont font = m_axisFont.resolve(this->font());
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        font.setPixelSize(std::max(8, font.pixelSize() * 85 / 100));
    return font;
}

QList<MetricChartView::MarkerLabel> MetricChartView::layoutMarkerLabels() const
{
    // Job ids sit in chips along the top of the plot, actions along the bottom. A chip goes right of
    // its line, or left of it near the right edge; where both would touch a chip already placed it
    // moves one row inwards, and where no row is free it is left out (the newest of each kind and
    // the job ids are placed first). Chips never leave the plot.
    const QRectF plot = chart()->plotArea();
    const QFontMetricsF metrics(markerFont());
    const double height = std::ceil(metrics.height()) + 2;
    constexpr double Gap = 3; // between a chip and its line, and between chips
    constexpr int MaxRows = 3;
    QList<const ChartMarker *> order;
    for (const ChartMarker &marker : m_markers) {
        const double x = xOf(marker.timeMs);
        if (marker.label.isEmpty() || marker.kind == ChartMarker::Kind::Warning
            || marker.kind == ChartMarker::Kind::Obituary || x < plot.left() || x > plot.right())
            continue;
        order.append(&marker);
    }
    std::stable_sort(order.begin(), order.end(), [](const ChartMarker *a, const ChartMarker *b) {
        if (a->kind != b->kind)
            return a->kind == ChartMarker::Kind::JobChange;
        return a->timeMs > b->timeMs;
    });
    QList<MarkerLabel> placed;
    const auto isFree = [&](const QRectF &chip) {
        if (!plot.contains(chip))
            return false;
        return std::none_of(placed.cbegin(), placed.cend(), [&chip](const MarkerLabel &other) {
            return other.rect.adjusted(-Gap, -1, Gap, 1).intersects(chip);
        });
    };
    for (const ChartMarker *marker : std::as_const(order)) {
        const double x = xOf(marker->timeMs);
        const bool top = marker->kind == ChartMarker::Kind::JobChange;
        // A long label (an action with a path) takes at most a third of the plot.
        const QString text = metrics.elidedText(marker->label, Qt::ElideRight, std::max(40.0, plot.width() / 3 - 8));
        const double width = std::ceil(metrics.horizontalAdvance(text)) + 8;
        for (int row = 0; row < MaxRows; ++row) {
            const double y
                = top ? plot.top() + 2 + row * (height + 2) : plot.bottom() - 2 - height - row * (height + 2);
            const QRectF right(x + Gap, y, width, height);
            const QRectF left(x - Gap - width, y, width, height);
            const QRectF *chip = isFree(right) ? &right : isFree(left) ? &left : nullptr;
            if (chip) {
                placed.append({*chip, text, marker->kind});
                break;
            }
        }
    }
    return placed;
}

QList<QRect> MetricChartView::markerLabelRects() const
{
    QList<QRect> rects;
    for (const MarkerLabel &label : layoutMarkerLabels())
        rects.append(label.rect.toAlignedRect());
    return rects;
}

QPair<qint64, qint64> MetricChartView::selection() const
{
    if (!isDragging())
        return {-1, -1};
    const qint64 end = timeAt(m_dragEndX);
    return {std::min(m_dragStartMs, end), std::max(m_dragStartMs, end)};
}

void MetricChartView::cancelDrag()
{
    if (!isDragging())
        return;
    m_dragStartMs = -1;
    viewport()->update();
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    const QRectF plot = chart()->plotArea();
    if (event->button() == Qt::LeftButton && plot.contains(event->position())) {
        m_dragStartMs = timeAt(event->position().x());
        m_dragEndX = event->position().x();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF pos = event->position();
    if (isDragging()) {
        // The release went elsewhere (a dialog took the pointer): the drag is over.
        if (!(event->buttons() & Qt::LeftButton)) {
            cancelDrag();
        } else {
            const QRectF plot = chart()->plotArea();
            m_dragEndX = std::clamp(pos.x(), plot.left(), plot.right());
            viewport()->update();
        }
    }
    if (chart()->plotArea().contains(pos))
        emit hovered(timeAt(pos.x()), event->globalPosition().toPoint());
    else
        emit left();
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !isDragging()) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    // A click (or a twitch) is not a zoom: it takes a few pixels of drag.
    const bool dragged = std::abs(m_dragEndX - xOf(m_dragStartMs)) >= 5;
    const auto [from, to] = selection();
    cancelDrag();
    event->accept();
    if (dragged)
        emit zoomRequested(from, to);
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && chart()->plotArea().contains(event->position())) {
        cancelDrag();
        event->accept();
        emit zoomOutRequested();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void MetricChartView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isDragging()) {
        cancelDrag();
        event->accept();
        return;
    }
    QChartView::keyPressEvent(event);
}

void MetricChartView::focusOutEvent(QFocusEvent *event)
{
    cancelDrag();
    QChartView::focusOutEvent(event);
}

void MetricChartView::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    emit left();
}

} // namespace capstan
