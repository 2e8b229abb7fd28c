#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QString>

namespace capstan {

// A vertical marker on a metric chart: where the job changed, or a Warning event.
struct ChartMarker
{
    enum class Kind { JobChange, Warning };
    qint64 timeMs = 0;
    Kind kind = Kind::JobChange;
    QString label; // drawn at the top of the line (short job id); tooltip text for warnings
};

// One chart of the Metrics tab. The plot area has fixed margins so that the charts stacked in the
// tab share one time axis pixel for pixel; markers and the hover line are painted over the plot.
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

    void setMarkers(const QList<ChartMarker> &markers);
    const QList<ChartMarker> &markers() const { return m_markers; }
    void setMarkerColors(const QColor &jobChange, const QColor &warning, const QColor &labelBackground);
    // The time under the pointer (ms since the epoch), drawn as a thin line; < 0 hides it.
    void setHoverTime(qint64 timeMs);
    // The plot area's width in pixels: the number of buckets to downsample to.
    int plotWidth() const;
    // x (in view coordinates) of a time, using the chart's time axis range.
    double xOf(qint64 timeMs) const;
    qint64 timeAt(double x) const;

signals:
    void hovered(qint64 timeMs, const QPoint &globalPos);
    void left();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void layoutPlotArea();

    QList<ChartMarker> m_markers;
    QColor m_jobChangeColor;
    QColor m_warningColor;
    QColor m_labelBackground;
    qint64 m_hoverTime = -1;
};

} // namespace capstan
