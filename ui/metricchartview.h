#pragma once

#include <QChartView>
#include <QColor>
#include <QFont>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QRect>
#include <QString>

namespace capstan {

// A vertical marker on a metric chart: where the job changed, a Warning event, an action Capstan
// ran on the deployment, or a pod that died (an obituary).
struct ChartMarker
{
    enum class Kind { JobChange, Warning, Action, Obituary };
    qint64 timeMs = 0;
    Kind kind = Kind::JobChange;
    // drawn at the top (short job id) or bottom (action) of the line; the reason for warnings, the
    // pod and its end for obituaries (not drawn: the hover says it)
    QString label;
};

// One downsampled metric line of a chart: segments of (time ms, value) points, never joined to
// each other, mapped to the plot by the left or the right value axis.
struct PlotLine
{
    QColor color;
    bool onRightAxis = false;
    QList<QList<QPointF>> segments;
};

// A value axis beside the plot: evenly spaced ticks from min to max, labelled with the given number
// of decimals, and a title written upwards in the margin.
struct ValueAxis
{
    double min = 0;
    double max = 1;
    int tickCount = 5;
    int decimals = 0;
    QString title;
};

// One chart of the Metrics tab. The plot area has fixed margins so that the charts stacked in the
// tab share one time axis pixel for pixel. Qt Charts draws the legend (held in the margin above the
// plot); the lines, markers, hover line, the axes and their grid are painted by the view itself: a
// QLineSeries recomputes a stroked hit-test shape of every point on each update
// (about 1 µs per point), which alone would take most of the redraw budget for 24 h of samples, and
// Qt Charts hides the top label of a value axis whose plot area is set by hand, and every other
// label of a short chart.
class MetricChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChartView)

public:
    static constexpr int LeftMargin = 84;
    static constexpr int RightMargin = 84;
    static constexpr int TopMargin = 30;
    static constexpr int BottomMargin = 34;

    explicit MetricChartView(QChart *chart, QWidget *parent = nullptr);

    void setTimeRange(qint64 fromMs, qint64 toMs);
    void setLines(const QList<PlotLine> &lines);
    const QList<PlotLine> &lines() const { return m_lines; }
    // Said in the middle of the plot while no line has a point in the range ("" says nothing).
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    bool isShowingEmptyText() const;
    void setMarkers(const QList<ChartMarker> &markers);
    const QList<ChartMarker> &markers() const { return m_markers; }
    void setMarkerColors(const QColor &jobChange, const QColor &warning, const QColor &action,
                         const QColor &labelBackground);
    // The axes' labels and the time axis's vertical grid lines (drawn at round times).
    void setAxisStyle(const QColor &label, const QColor &grid, const QFont &font);
    // The value axes left and right of the plot; a right axis without a title is not drawn.
    void setValueAxes(const ValueAxis &left, const ValueAxis &right = {});
    // The time under the pointer (ms since the epoch), drawn as a thin line; < 0 hides it.
    void setHoverTime(qint64 timeMs);
    // The plot area's width in pixels: the number of buckets to downsample to.
    int plotWidth() const;
    // x (in view coordinates) of a time in the time range.
    double xOf(qint64 timeMs) const;
    qint64 timeAt(double x) const;

    // While the pointer drags across the plot: the band selected so far (ms), else {-1, -1}.
    QPair<qint64, qint64> selection() const;

    // Where the job-change and action labels are drawn for the current size and markers, in view
    // coordinates: inside the plot, none overlapping another (a label without room is left out).
    QList<QRect> markerLabelRects() const;

signals:
    void hovered(qint64 timeMs, const QPoint &globalPos);
    void left();
    // The user dragged across the plot (at least a few pixels): show this range.
    void zoomRequested(qint64 fromMs, qint64 toMs);
    // Double-click on the plot: back to the range before the last zoom.
    void zoomOutRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct MarkerLabel
    {
        QRectF rect;
        QString text; // elided to fit
        ChartMarker::Kind kind;
    };

    void layoutPlotArea();
    QFont markerFont() const;
    QList<MarkerLabel> layoutMarkerLabels() const;
    void drawValueAxis(QPainter *painter, const QRectF &plot, const ValueAxis &axis, bool left) const;

    QList<ChartMarker> m_markers;
    QList<PlotLine> m_lines;
    qint64 m_from = 0;
    qint64 m_to = 1;
    QColor m_jobChangeColor;
    QColor m_warningColor;
    QColor m_labelBackground;
    QColor m_actionColor;
    QColor m_axisLabelColor;
    QColor m_gridColor;
    QFont m_axisFont;
    ValueAxis m_leftAxis;
    ValueAxis m_rightAxis;
    qint64 m_hoverTime = -1;
    QString m_emptyText;
    bool isDragging() const { return m_dragStartMs >= 0; }
    void cancelDrag();

    // The drag in progress: where it started as a time (a live chart moves under the pointer) and
    // where the pointer is now, in view x clamped to the plot. m_dragStartMs < 0: none.
    qint64 m_dragStartMs = -1;
    double m_dragEndX = 0;
};

} // namespace capstan
