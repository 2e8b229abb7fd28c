#pragma once

#include "metrics/metricsample.h"
#include "ui/metricchartview.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QWidget>

#include <memory>

class QAbstractAxis;
class QChart;
class QComboBox;
class QDateTimeAxis;
class QDateTimeEdit;
class QLabel;
class QLineSeries;
class QScrollArea;
class QStackedWidget;
class QTimer;
class QToolButton;
class QValueAxis;

namespace capstan {

class ServerClock;

// The Metrics tab of a deployment: Throughput, Busy/Backpressure, Checkpoints and Restarts charts
// on one shared time axis, with markers where the job changed and at Warning events. Holds the
// samples it was given (deployment-scoped: every job of the deployment in one series), downsamples
// them to the charts' pixel width on every redraw and never draws a line across a gap.
class MetricsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsView)

public:
    enum class Range { Minutes15, Hour1, Hours6, Hours24, Days7, Custom };

    explicit MetricsView(QWidget *parent = nullptr);
    ~MetricsView() override;

    // The live edge is the cluster's now (samples carry its time); without a clock, the local now.
    void setClock(std::shared_ptr<const ServerClock> clock) { m_clock = std::move(clock); }
    void appendMetrics(const QList<MetricSample> &samples);
    void clearMetrics();
    // Warning events of the deployment (time, reason), drawn as markers.
    void setWarningEvents(const QList<QPair<qint64, QString>> &warnings);
    // Actions Capstan ran on the deployment (time, action name), drawn as labelled markers.
    void setActionMarkers(const QList<QPair<qint64, QString>> &actions);
    QList<ChartMarker> actionMarkers() const { return m_actionMarkers; }
    // Pods that died (time, "pod reason (exit code)"), drawn as red markers and named on hover.
    void setObituaryMarkers(const QList<QPair<qint64, QString>> &obituaries);
    // The autoscaler's applied scaling decisions (time, label), marked like job changes: a rescale
    // restarts the job.
    void setScalingMarkers(const QList<QPair<qint64, QString>> &scalings);
    QList<ChartMarker> scalingMarkers() const { return m_scalingMarkers; }
    QList<ChartMarker> obituaryMarkers() const { return m_obituaryMarkers; }

    void setRange(Range range);
    Range range() const { return m_range; }
    // Switches to Range::Custom and stops following.
    void setCustomRange(qint64 fromMs, qint64 toMs);
    void setLive(bool live);
    bool isLive() const { return m_live; }
    // Dragging across a chart zooms into that range; each zoom-out (double-click) returns to the
    // range before the last zoom.
    void zoomTo(qint64 fromMs, qint64 toMs);
    bool zoomOut();
    int zoomDepth() const { return int(m_zoomHistory.size()); }
    // The time range the charts show now.
    QPair<qint64, qint64> visibleRange() const;

    // Downsamples and updates every chart at once (otherwise coalesced, ≤ 10 per second).
    void redraw();
    QWidget *chartsWidget() const;

    // What the charts hold, for tests and export: samples of one metric in time order, the job ids
    // among them in order of appearance, and the job changes over all metrics.
    QList<MetricSample> samples(const QString &metric) const { return m_samples.value(metric); }
    QStringList jobIds(const QString &metric) const;
    QList<ChartMarker> jobChangeMarkers() const { return m_jobChanges; }
    // After the last redraw: line segments and points drawn for a metric (0 when not charted).
    int segmentCount(const QString &metric) const;
    int pointCount(const QString &metric) const;
    bool isEmptyStateShown() const;

    bool exportPng(const QString &path);
    // Writes the visible range as CSV on a worker thread; ends with csvExported().
    void exportCsv(const QString &path);

signals:
    void csvExported(const QString &path, bool ok, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Line
    {
        QString metric;
        QString label;
        bool rightAxis = false;
        QColor lightColor;
        QColor darkColor;
        QLineSeries *legend = nullptr; // no points: the legend entry (the view paints the line)
        int segments = 0;
        int points = 0;
        double scale = 1; // value × scale is plotted (unit of the axis)
    };
    struct Panel
    {
        QChart *chart = nullptr;
        MetricChartView *view = nullptr;
        QDateTimeAxis *time = nullptr;
        QValueAxis *left = nullptr;
        QValueAxis *right = nullptr;
        QString leftTitle;
        QString rightTitle;
        QList<Line> lines;
    };

    Panel createPanel(const QString &objectName, const QString &leftTitle, const QString &rightTitle,
                      const QList<Line> &lines);
    void updatePanel(Panel &panel, qint64 fromMs, qint64 toMs);
    void createLegendSeries(Panel &panel, Line &line);
    void applyTheme();
    void scheduleRedraw();
    void rebuildJobChanges();
    void updateMarkers();
    void showHover(const Panel &panel, qint64 timeMs, const QPoint &globalPos);
    void hideHover();
    void chooseRange(int index);
    void saveImage();
    void saveCsv();
    qint64 gapThresholdMs(qint64 bucketMs) const;
    QString formatValue(const QString &metric, double value) const;

    QHash<QString, QList<MetricSample>> m_samples;
    QMap<qint64, QString> m_jobAt; // sample time → job id, over all metrics
    QList<ChartMarker> m_jobChanges;
    QList<ChartMarker> m_warnings;
    QList<ChartMarker> m_actionMarkers;
    QList<ChartMarker> m_obituaryMarkers;
    QList<ChartMarker> m_scalingMarkers;
    qint64 m_typicalIntervalMs = 0;
    bool m_jobChangesDirty = false;
    QList<Panel> m_panels;

    Range m_range = Range::Hour1;
    bool m_live = true;
    qint64 m_customFrom = 0;
    qint64 m_customTo = 0;
    qint64 m_anchorTo = 0; // the end of the range while not following
    std::shared_ptr<const ServerClock> m_clock;
    qint64 m_drawnFrom = 0;
    qint64 m_drawnTo = 0;
    struct ViewedRange
    {
        Range range = Range::Hour1;
        bool live = true;
        qint64 customFrom = 0;
        qint64 customTo = 0;
        qint64 anchorTo = 0;
    };
    QList<ViewedRange> m_zoomHistory;

    QComboBox *m_rangeCombo;
    QDateTimeEdit *m_fromEdit;
    QDateTimeEdit *m_toEdit;
    QToolButton *m_liveButton;
    QToolButton *m_pngButton;
    QToolButton *m_csvButton;
    QLabel *m_status;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QWidget *m_charts;
    QScrollArea *m_chartsScroll = nullptr;
    QTimer *m_redrawTimer;
    QTimer *m_liveTimer;
    bool m_dark = false;
    bool m_redrawPending = false; // a redraw was due while hidden
};

} // namespace capstan
