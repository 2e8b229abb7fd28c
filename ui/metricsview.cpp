#include "ui/metricsview.h"

#include "kube/serverclock.h"
#include "metrics/downsampler.h"
#include "ui/backgroundpool.h"

#include <QChart>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QSaveFile>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>
#include <limits>

namespace capstan {

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;

qint64 spanOf(MetricsView::Range range)
{
    switch (range) {
    case MetricsView::Range::Minutes15:
        return 15 * MinuteMs;
    case MetricsView::Range::Hour1:
        return HourMs;
    case MetricsView::Range::Hours6:
        return 6 * HourMs;
    case MetricsView::Range::Hours24:
        return 24 * HourMs;
    case MetricsView::Range::Days7:
        return 7 * 24 * HourMs;
    case MetricsView::Range::Custom:
        break;
    }
    return HourMs;
}

bool lessByTime(const MetricSample &a, const MetricSample &b)
{
    return a.timeMs < b.timeMs;
}

// A byte unit for the checkpoint size axis: the largest that keeps the top value ≥ 1.
std::pair<double, QString> sizeUnit(double maxBytes)
{
    if (maxBytes >= 1024.0 * 1024 * 1024)
        return {1.0 / (1024.0 * 1024 * 1024), QStringLiteral("GiB")};
    if (maxBytes >= 1024.0 * 1024)
        return {1.0 / (1024.0 * 1024), QStringLiteral("MiB")};
    if (maxBytes >= 1024.0)
        return {1.0 / 1024.0, QStringLiteral("KiB")};
    return {1.0, QStringLiteral("B")};
}

} // namespace

MetricsView::MetricsView(QWidget *parent)
    : QWidget(parent)
    , m_rangeCombo(new QComboBox(this))
    , m_fromEdit(new QDateTimeEdit(this))
    , m_toEdit(new QDateTimeEdit(this))
    , m_liveButton(new QToolButton(this))
    , m_pngButton(new QToolButton(this))
    , m_csvButton(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_charts(new QWidget(this))
    , m_redrawTimer(new QTimer(this))
    , m_liveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("metricsView"));
    m_rangeCombo->setObjectName(QStringLiteral("metricsRangeComboBox"));
    m_rangeCombo->addItem(tr("15 minutes"), int(Range::Minutes15));
    m_rangeCombo->addItem(tr("1 hour"), int(Range::Hour1));
    m_rangeCombo->addItem(tr("6 hours"), int(Range::Hours6));
    m_rangeCombo->addItem(tr("24 hours"), int(Range::Hours24));
    m_rangeCombo->addItem(tr("7 days"), int(Range::Days7));
    m_rangeCombo->addItem(tr("Custom…"), int(Range::Custom));
    m_rangeCombo->setCurrentIndex(m_rangeCombo->findData(int(m_range)));
    m_rangeCombo->setToolTip(tr("The time range of the charts. Drag across a chart to zoom in; double-click it "
                                "to go back."));
    m_fromEdit->setObjectName(QStringLiteral("metricsFromEdit"));
    m_toEdit->setObjectName(QStringLiteral("metricsToEdit"));
    m_fromEdit->setAccessibleName(tr("Range start"));
    m_toEdit->setAccessibleName(tr("Range end"));
    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->hide();
    }
    m_liveButton->setObjectName(QStringLiteral("metricsLiveButton"));
    m_liveButton->setText(tr("Live"));
    m_liveButton->setToolTip(tr("Follow new samples as they arrive"));
    m_liveButton->setCheckable(true);
    m_liveButton->setChecked(m_live);
    m_pngButton->setObjectName(QStringLiteral("metricsPngButton"));
    m_pngButton->setText(tr("Export PNG…"));
    m_csvButton->setObjectName(QStringLiteral("metricsCsvButton"));
    m_csvButton->setText(tr("Export CSV…"));
    m_csvButton->setToolTip(tr("Save the samples of the shown range as CSV"));
    m_status->setObjectName(QStringLiteral("metricsStatusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(4, 4, 4, 0);
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_rangeCombo);
    toolbar->addWidget(rangeLabel);
    toolbar->addWidget(m_rangeCombo);
    toolbar->addWidget(m_fromEdit);
    toolbar->addWidget(m_toEdit);
    toolbar->addWidget(m_liveButton);
    toolbar->addStretch(1);
    toolbar->addWidget(m_status);
    toolbar->addWidget(m_pngButton);
    toolbar->addWidget(m_csvButton);

    m_emptyLabel->setObjectName(QStringLiteral("metricsEmptyLabel"));
    m_emptyLabel->setText(tr("No metrics yet: the JobManager is polled while it is READY."));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setEnabled(false);

    m_charts->setObjectName(QStringLiteral("metricsCharts"));
    auto *chartsLayout = new QVBoxLayout(m_charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->setSpacing(0);
    const auto line = [](QLatin1String metric, const QString &label, bool right, QColor light, QColor dark) {
        Line l;
        l.metric = metric;
        l.label = label;
        l.rightAxis = right;
        l.lightColor = light;
        l.darkColor = dark;
        return l;
    };
    m_panels.append(createPanel(QStringLiteral("throughputChart"), tr("records/s"), QString(),
                                {line(MetricName::SourceRecordsOut, tr("Records out/s (sources)"), false,
                                      QColor(0x1f, 0x6f, 0xb4), QColor(0x5a, 0xa9, 0xe6)),
                                 line(MetricName::SinkRecordsIn, tr("Records in/s (sinks)"), false,
                                      QColor(0x2c, 0x8a, 0x2c), QColor(0x6c, 0xc0, 0x70))}));
    m_panels.append(createPanel(QStringLiteral("busyChart"), tr("ms/s"), QString(),
                                {line(MetricName::MaxBusy, tr("Busy (highest vertex)"), false, QColor(0xe0, 0x70, 0x00),
                                      QColor(0xff, 0xa6, 0x4d)),
                                 line(MetricName::MaxBackPressured, tr("Backpressured (highest vertex)"), false,
                                      QColor(0xc6, 0x28, 0x28), QColor(0xff, 0x6b, 0x6b))}));
    m_panels.append(createPanel(QStringLiteral("checkpointChart"), tr("duration (ms)"), tr("size"),
                                {line(MetricName::LastCheckpointDuration, tr("Last checkpoint duration"), false,
                                      QColor(0x00, 0x83, 0x8f), QColor(0x4d, 0xd0, 0xe1)),
                                 line(MetricName::LastCheckpointSize, tr("Last checkpoint size"), true,
                                      QColor(0x8c, 0x56, 0x4b), QColor(0xd7, 0xa8, 0x9c))}));
    // The usual reason a running job has no checkpoint figures at all.
    m_panels.last().view->setEmptyText(tr("No completed checkpoint in this range. Checkpointing is off unless "
                                          "execution.checkpointing.interval is set."));
    m_panels.append(createPanel(QStringLiteral("restartChart"), tr("restarts"), QString(),
                                {line(MetricName::NumRestarts, tr("Restarts (of the running job)"), false,
                                      QColor(0xad, 0x14, 0x57), QColor(0xf0, 0x62, 0x92))}));
    for (const Panel &panel : std::as_const(m_panels)) {
        if (panel.view->emptyText().isEmpty())
            panel.view->setEmptyText(tr("No samples in this range"));
        chartsLayout->addWidget(panel.view, 1);
    }

    // The four charts want 600 px; a short window (a laptop, the Activity panel open) scrolls them
    // instead of growing past the screen.
    m_chartsScroll = new QScrollArea(m_stack);
    m_chartsScroll->setObjectName(QStringLiteral("metricsChartsScroll"));
    m_chartsScroll->setFrameShape(QFrame::NoFrame);
    m_chartsScroll->setWidgetResizable(true);
    m_chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chartsScroll->setWidget(m_charts);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_chartsScroll);
    m_stack->setCurrentWidget(m_emptyLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);

    m_redrawTimer->setSingleShot(true);
    m_redrawTimer->setInterval(100);
    connect(m_redrawTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            redraw();
        else
            m_redrawPending = true;
    });
    m_liveTimer->setInterval(5000);
    connect(m_liveTimer, &QTimer::timeout, this, [this] {
        if (m_live && !m_samples.isEmpty())
            scheduleRedraw();
    });
    m_liveTimer->start();

    connect(m_rangeCombo, &QComboBox::activated, this, &MetricsView::chooseRange);
    // clicked, not toggled: only the user's choice forgets the zooms (setLive checks it too).
    connect(m_liveButton, &QToolButton::clicked, this, [this](bool live) {
        // Live after zooming into a live range: that range again, following.
        const bool backToOrigin = live && !m_zoomHistory.isEmpty() && m_zoomHistory.constFirst().live;
        const Range origin = backToOrigin ? m_zoomHistory.constFirst().range : m_range;
        m_zoomHistory.clear();
        setLive(live);
        if (backToOrigin)
            setRange(origin);
    });
    const auto customEdited = [this] {
        if (m_range == Range::Custom)
            setCustomRange(m_fromEdit->dateTime().toMSecsSinceEpoch(), m_toEdit->dateTime().toMSecsSinceEpoch());
    };
    connect(m_fromEdit, &QDateTimeEdit::editingFinished, this, customEdited);
    connect(m_toEdit, &QDateTimeEdit::editingFinished, this, customEdited);
    connect(m_pngButton, &QToolButton::clicked, this, &MetricsView::saveImage);
    connect(m_csvButton, &QToolButton::clicked, this, &MetricsView::saveCsv);
    applyTheme();
}

MetricsView::~MetricsView()
{
    // The range editors report editingFinished when they lose focus, and they lose focus while
    // QWidget's destructor takes this view apart, after this class is gone.
    m_fromEdit->disconnect(this);
    m_toEdit->disconnect(this);
}

MetricsView::Panel MetricsView::createPanel(const QString &objectName, const QString &leftTitle,
                                            const QString &rightTitle, const QList<Line> &lines)
{
    Panel panel;
    panel.chart = new QChart;
    panel.chart->setBackgroundRoundness(0);
    panel.chart->setMargins(QMargins(0, 0, 0, 0));
    panel.chart->legend()->setAlignment(Qt::AlignTop);
    panel.chart->legend()->detachFromChart(); // placed above the plot by the view
    panel.chart->legend()->setShowToolTips(false);
    panel.chart->setAnimationOptions(QChart::NoAnimation);
    panel.view = new MetricChartView(panel.chart, m_charts);
    panel.view->setObjectName(objectName);
    // A chart has no text of its own: name it after what it plots.
    panel.view->setAccessibleName(rightTitle.isEmpty() ? tr("Chart: %1").arg(leftTitle)
                                                       : tr("Chart: %1 and %2").arg(leftTitle, rightTitle));
    panel.time = new QDateTimeAxis(panel.chart);
    // Not drawn: its ticks divide the range evenly (03:18:19, …); the view draws labels and grid
    // lines at round times instead (ui/timeticks.h). The value axis's zero line is the baseline.
    panel.time->setLabelsVisible(false);
    panel.time->setGridLineVisible(false);
    panel.time->setLineVisible(false);
    panel.chart->addAxis(panel.time, Qt::AlignBottom);
    // The value axes give the nice ranges and ticks; the view draws them.
    const auto valueAxis = [&panel](Qt::Alignment alignment) {
        auto *axis = new QValueAxis(panel.chart);
        axis->setVisible(false);
        panel.chart->addAxis(axis, alignment);
        return axis;
    };
    panel.left = valueAxis(Qt::AlignLeft);
    panel.leftTitle = leftTitle;
    if (!rightTitle.isEmpty()) {
        panel.right = valueAxis(Qt::AlignRight);
        panel.rightTitle = rightTitle;
    }
    panel.lines = lines;
    for (Line &l : panel.lines)
        createLegendSeries(panel, l);
    connect(panel.view, &MetricChartView::hovered, this, [this, view = panel.view](qint64 time, const QPoint &pos) {
        for (const Panel &p : std::as_const(m_panels)) {
            if (p.view == view)
                showHover(p, time, pos);
        }
    });
    connect(panel.view, &MetricChartView::left, this, &MetricsView::hideHover);
    connect(panel.view, &MetricChartView::zoomRequested, this, &MetricsView::zoomTo);
    connect(panel.view, &MetricChartView::zoomOutRequested, this, &MetricsView::zoomOut);
    return panel;
}

void MetricsView::createLegendSeries(Panel &panel, Line &line)
{
    line.legend = new QLineSeries(panel.chart);
    line.legend->setName(line.label);
    line.legend->setColor(m_dark ? line.darkColor : line.lightColor);
    panel.chart->addSeries(line.legend);
    line.legend->attachAxis(panel.time);
    line.legend->attachAxis(line.rightAxis && panel.right ? panel.right : panel.left);
}

void MetricsView::applyTheme()
{
    const QPalette pal = palette();
    m_dark = pal.color(QPalette::Base).lightness() < 128;
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(m_dark ? 40 : 30);
    QFont axisFont = font();
    axisFont.setPointSizeF(axisFont.pointSizeF() * 0.85);
    for (Panel &panel : m_panels) {
        panel.chart->setBackgroundBrush(base);
        panel.chart->setBackgroundPen(Qt::NoPen);
        panel.chart->legend()->setLabelColor(text);
        panel.view->setBackgroundBrush(base);
        panel.view->setAxisStyle(text, grid, axisFont);
        for (Line &line : panel.lines)
            line.legend->setColor(m_dark ? line.darkColor : line.lightColor);
        panel.view->setMarkerColors(m_dark ? QColor(0xb3, 0x9d, 0xdb) : QColor(0x6a, 0x3d, 0xb0),
                                    m_dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xd9, 0x82, 0x00),
                                    m_dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x1e, 0x6f, 0xd9), base);
    }
}

void MetricsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyTheme();
        scheduleRedraw();
    }
}

void MetricsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleRedraw();
}

void MetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_redrawPending)
        scheduleRedraw();
}

void MetricsView::scheduleRedraw()
{
    if (!m_redrawTimer->isActive())
        m_redrawTimer->start();
}

void MetricsView::appendMetrics(const QList<MetricSample> &samples)
{
    if (samples.isEmpty())
        return;
    QSet<QString> unsorted;
    QList<MetricSample> *list = nullptr;
    QString listMetric;
    qint64 lastJobTime = std::numeric_limits<qint64>::min();
    for (const MetricSample &sample : samples) {
        if (!list || listMetric != sample.metric) {
            list = &m_samples[sample.metric];
            listMetric = sample.metric;
        }
        if (list->isEmpty() || sample.timeMs > list->constLast().timeMs) {
            list->append(sample);
        } else if (sample.timeMs == list->constLast().timeMs && sample.jobId == list->constLast().jobId) {
            list->last().value = sample.value; // the same observation again
        } else {
            list->append(sample);
            unsorted.insert(sample.metric);
        }
        if (sample.timeMs != lastJobTime) {
            m_jobAt.insert(sample.timeMs, sample.jobId);
            lastJobTime = sample.timeMs;
        }
    }
    for (const QString &metric : std::as_const(unsorted)) {
        QList<MetricSample> &l = m_samples[metric];
        std::stable_sort(l.begin(), l.end(), lessByTime);
        l.erase(std::unique(l.begin(), l.end(),
                            [](const MetricSample &a, const MetricSample &b) {
                                return a.timeMs == b.timeMs && a.jobId == b.jobId;
                            }),
                l.end());
    }
    m_jobChangesDirty = true;
    scheduleRedraw();
}

void MetricsView::clearMetrics()
{
    m_samples.clear();
    m_jobAt.clear();
    m_jobChanges.clear();
    m_warnings.clear();
    m_actionMarkers.clear();
    m_obituaryMarkers.clear();
    m_typicalIntervalMs = 0;
    m_jobChangesDirty = false;
    m_zoomHistory.clear(); // zooms into another deployment's charts
    m_status->clear();
    redraw();
}

namespace {

QList<ChartMarker> sortedMarkers(ChartMarker::Kind kind, const QList<QPair<qint64, QString>> &points)
{
    QList<ChartMarker> markers;
    for (const auto &[time, label] : points)
        markers.append({time, kind, label});
    std::sort(markers.begin(), markers.end(),
              [](const ChartMarker &a, const ChartMarker &b) { return a.timeMs < b.timeMs; });
    return markers;
}

} // namespace

void MetricsView::setWarningEvents(const QList<QPair<qint64, QString>> &warnings)
{
    m_warnings = sortedMarkers(ChartMarker::Kind::Warning, warnings);
    updateMarkers();
}

void MetricsView::setScalingMarkers(const QList<QPair<qint64, QString>> &scalings)
{
    m_scalingMarkers = sortedMarkers(ChartMarker::Kind::JobChange, scalings);
    updateMarkers();
}

void MetricsView::setObituaryMarkers(const QList<QPair<qint64, QString>> &obituaries)
{
    m_obituaryMarkers = sortedMarkers(ChartMarker::Kind::Obituary, obituaries);
    updateMarkers();
}

void MetricsView::setActionMarkers(const QList<QPair<qint64, QString>> &actions)
{
    m_actionMarkers = sortedMarkers(ChartMarker::Kind::Action, actions);
    updateMarkers();
}

void MetricsView::rebuildJobChanges()
{
    m_jobChanges.clear();
    QString previous;
    qint64 previousTime = 0;
    QList<qint64> intervals;
    // The typical sampling interval comes from the newest few hundred samples.
    const qsizetype skip = std::max<qsizetype>(0, m_jobAt.size() - 400);
    qsizetype index = 0;
    for (auto it = m_jobAt.cbegin(); it != m_jobAt.cend(); ++it, ++index) {
        if (!previous.isNull() && it.value() != previous && !it.value().isEmpty())
            m_jobChanges.append({it.key(), ChartMarker::Kind::JobChange, it.value().left(8)});
        if (index > skip)
            intervals.append(it.key() - previousTime);
        previous = it.value();
        previousTime = it.key();
    }
    if (intervals.isEmpty()) {
        m_typicalIntervalMs = 0;
    } else {
        const auto middle = intervals.begin() + intervals.size() / 2;
        std::nth_element(intervals.begin(), middle, intervals.end());
        m_typicalIntervalMs = *middle;
    }
    m_jobChangesDirty = false;
}

qint64 MetricsView::gapThresholdMs(qint64 bucketMs) const
{
    // Missing polls make a gap: three typical intervals without a sample. Below two pixels a gap
    // could not be seen anyway.
    const qint64 typical = m_typicalIntervalMs > 0 ? m_typicalIntervalMs : 15000;
    return std::max({3 * typical, 2 * bucketMs, qint64(1000)});
}

QPair<qint64, qint64> MetricsView::visibleRange() const
{
    if (m_range == Range::Custom)
        return {m_customFrom, m_customTo};
    const qint64 to = m_live || m_anchorTo <= 0 ? ServerClock::nowMsOrLocal(m_clock.get()) : m_anchorTo;
    return {to - spanOf(m_range), to};
}

void MetricsView::setRange(Range range)
{
    m_range = range;
    m_rangeCombo->setCurrentIndex(m_rangeCombo->findData(int(range)));
    const bool custom = range == Range::Custom;
    m_fromEdit->setVisible(custom);
    m_toEdit->setVisible(custom);
    if (custom) {
        if (m_customTo <= m_customFrom) {
            m_customTo = m_drawnTo > 0 ? m_drawnTo : ServerClock::nowMsOrLocal(m_clock.get());
            m_customFrom = m_drawnFrom > 0 ? m_drawnFrom : m_customTo - HourMs;
        }
        m_fromEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(m_customFrom));
        m_toEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(m_customTo));
        setLive(false);
    }
    redraw();
}

void MetricsView::setCustomRange(qint64 fromMs, qint64 toMs)
{
    m_customFrom = std::min(fromMs, toMs);
    m_customTo = std::max(fromMs, toMs);
    if (m_customTo == m_customFrom)
        m_customTo = m_customFrom + MinuteMs;
    setRange(Range::Custom);
}

void MetricsView::zoomTo(qint64 fromMs, qint64 toMs)
{
    // Narrower than a minute, or than a few polls, a range would show no sample at all (and the
    // axis could not label it): such a drag widens around its middle.
    const qint64 minimum = std::max(MinuteMs, 3 * m_typicalIntervalMs);
    if (toMs - fromMs < minimum) {
        const qint64 middle = fromMs + (toMs - fromMs) / 2;
        fromMs = middle - minimum / 2;
        toMs = fromMs + minimum;
    }
    m_zoomHistory.append({m_range, m_live, m_customFrom, m_customTo, m_anchorTo});
    setCustomRange(fromMs, toMs);
}

bool MetricsView::zoomOut()
{
    if (m_zoomHistory.isEmpty())
        return false;
    const ViewedRange before = m_zoomHistory.takeLast();
    if (before.range == Range::Custom) {
        setCustomRange(before.customFrom, before.customTo);
        return true;
    }
    // A fixed range: it followed the present, or ended where it ended then.
    if (before.live) {
        setLive(true);
        setRange(before.range);
        return true;
    }
    m_anchorTo = before.anchorTo;
    setRange(before.range);
    return true;
}

void MetricsView::chooseRange(int index)
{
    m_zoomHistory.clear();
    setRange(Range(m_rangeCombo->itemData(index).toInt()));
}

void MetricsView::setLive(bool live)
{
    if (m_live == live) {
        m_liveButton->setChecked(live);
        return;
    }
    m_live = live;
    m_liveButton->setChecked(live);
    if (live) {
        if (m_range == Range::Custom) {
            m_range = Range::Hour1;
            m_rangeCombo->setCurrentIndex(m_rangeCombo->findData(int(m_range)));
            m_fromEdit->hide();
            m_toEdit->hide();
        }
    } else {
        m_anchorTo = m_drawnTo > 0 ? m_drawnTo : ServerClock::nowMsOrLocal(m_clock.get());
    }
    scheduleRedraw();
}

QWidget *MetricsView::chartsWidget() const
{
    return m_charts;
}

bool MetricsView::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

void MetricsView::redraw()
{
    m_redrawTimer->stop();
    m_redrawPending = false;
    if (m_jobChangesDirty)
        rebuildJobChanges();
    m_stack->setCurrentWidget(m_samples.isEmpty() ? static_cast<QWidget *>(m_emptyLabel) : m_chartsScroll);
    const auto [from, to] = visibleRange();
    m_drawnFrom = from;
    m_drawnTo = to;
    for (Panel &panel : m_panels)
        updatePanel(panel, from, to);
    updateMarkers();
}

void MetricsView::updatePanel(Panel &panel, qint64 fromMs, qint64 toMs)
{
    const int width = panel.view->plotWidth();
    const qint64 span = std::max<qint64>(1, toMs - fromMs);
    const qint64 bucketMs = std::max<qint64>(1, span / width);
    const qint64 gap = gapThresholdMs(bucketMs);

    panel.time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));

    double leftMax = 0;
    double rightMax = 0;
    QString rightUnit;
    QList<QList<QList<QPointF>>> segmentsOf;
    for (Line &line : panel.lines) {
        QList<QList<QPointF>> segments
            = Downsampler::downsample(m_samples.value(line.metric), fromMs, toMs, width, gap);
        double maxValue = 0;
        line.points = 0;
        for (const QList<QPointF> &segment : std::as_const(segments)) {
            line.points += int(segment.size());
            for (const QPointF &p : segment)
                maxValue = std::max(maxValue, p.y());
        }
        line.segments = int(segments.size());
        line.scale = 1;
        if (line.metric == MetricName::LastCheckpointSize) {
            const auto [scale, unit] = sizeUnit(maxValue);
            line.scale = scale;
            rightUnit = unit;
            for (QList<QPointF> &segment : segments) {
                for (QPointF &p : segment)
                    p.setY(p.y() * scale);
            }
        }
        double &axisMax = line.rightAxis ? rightMax : leftMax;
        axisMax = std::max(axisMax, maxValue * line.scale);
        segmentsOf.append(segments);
    }
    const auto setAxis = [](QValueAxis *axis, double max) {
        if (max <= 0)
            max = 1;
        axis->setRange(0, max * 1.08);
        axis->applyNiceNumbers();
    };
    const auto valueAxis = [](const QValueAxis *axis, bool integral, const QString &title) {
        ValueAxis v;
        v.min = axis->min();
        v.max = axis->max();
        v.tickCount = axis->tickCount();
        v.decimals = integral || axis->max() >= 10 ? 0 : 1;
        v.title = title;
        return v;
    };
    const bool restarts = panel.lines.constFirst().metric == MetricName::NumRestarts;
    if (panel.lines.constFirst().metric == MetricName::MaxBusy)
        panel.left->setRange(0, 1000); // ms per second: a fixed scale makes charts comparable
    else
        setAxis(panel.left, restarts ? std::max(leftMax, 3.0) : leftMax);
    if (restarts)
        panel.left->setTickCount(int(std::min(panel.left->max(), 4.0)) + 1);
    ValueAxis right;
    if (panel.right) {
        setAxis(panel.right, rightMax);
        right = valueAxis(panel.right, false,
                          rightUnit.isEmpty() ? panel.rightTitle : tr("%1 (%2)").arg(panel.rightTitle, rightUnit));
    }
    panel.view->setValueAxes(valueAxis(panel.left, restarts, panel.leftTitle), right);
    QList<PlotLine> plotLines;
    for (int i = 0; i < panel.lines.size(); ++i) {
        const Line &line = panel.lines.at(i);
        plotLines.append({m_dark ? line.darkColor : line.lightColor, line.rightAxis && panel.right, segmentsOf.at(i)});
    }
    panel.view->setTimeRange(fromMs, toMs);
    panel.view->setLines(plotLines);
}

void MetricsView::updateMarkers()
{
    QList<ChartMarker> markers = m_warnings;
    markers.append(m_actionMarkers);
    markers.append(m_obituaryMarkers);
    markers.append(m_jobChanges);
    markers.append(m_scalingMarkers);
    for (Panel &panel : m_panels)
        panel.view->setMarkers(markers);
}

int MetricsView::segmentCount(const QString &metric) const
{
    for (const Panel &panel : m_panels) {
        for (const Line &line : panel.lines) {
            if (line.metric == metric)
                return line.segments;
        }
    }
    return 0;
}

int MetricsView::pointCount(const QString &metric) const
{
    for (const Panel &panel : m_panels) {
        for (const Line &line : panel.lines) {
            if (line.metric == metric)
                return line.points;
        }
    }
    return 0;
}

QStringList MetricsView::jobIds(const QString &metric) const
{
    QStringList ids;
    const QList<MetricSample> list = m_samples.value(metric);
    for (const MetricSample &sample : list) {
        if (ids.isEmpty() || ids.constLast() != sample.jobId) {
            if (!ids.contains(sample.jobId))
                ids.append(sample.jobId);
        }
    }
    return ids;
}

QString MetricsView::formatValue(const QString &metric, double value) const
{
    const QLocale locale;
    if (metric == MetricName::LastCheckpointSize)
        return locale.formattedDataSize(qint64(value), 1, QLocale::DataSizeTraditionalFormat);
    if (metric == MetricName::LastCheckpointDuration)
        return value >= 1000 ? tr("%1 s").arg(locale.toString(value / 1000.0, 'f', 2))
                             : tr("%1 ms").arg(locale.toString(value, 'f', 0));
    if (metric == MetricName::MaxBusy || metric == MetricName::MaxBackPressured)
        return tr("%1 ms/s").arg(locale.toString(value, 'f', 0));
    if (metric == MetricName::NumRestarts)
        return locale.toString(qint64(value));
    return tr("%1/s").arg(locale.toString(value, 'f', value >= 100 ? 0 : 1));
}

void MetricsView::showHover(const Panel &panel, qint64 timeMs, const QPoint &globalPos)
{
    const qint64 span = std::max<qint64>(1, m_drawnTo - m_drawnFrom);
    const qint64 tolerance = std::max<qint64>(span / panel.view->plotWidth() * 6, m_typicalIntervalMs * 3 / 2);
    QStringList rows;
    qint64 shownTime = -1;
    for (const Line &line : panel.lines) {
        const auto it = m_samples.constFind(line.metric);
        if (it == m_samples.cend() || it->isEmpty())
            continue;
        const QList<MetricSample> &list = *it;
        auto pos = std::lower_bound(list.cbegin(), list.cend(), MetricSample{timeMs, {}, {}, 0}, lessByTime);
        const MetricSample *nearest = nullptr;
        if (pos != list.cend())
            nearest = &*pos;
        if (pos != list.cbegin()) {
            const MetricSample *before = &*(pos - 1);
            if (!nearest || timeMs - before->timeMs < nearest->timeMs - timeMs)
                nearest = before;
        }
        if (!nearest || std::abs(nearest->timeMs - timeMs) > tolerance)
            continue;
        if (shownTime < 0)
            shownTime = nearest->timeMs;
        const QColor color = m_dark ? line.darkColor : line.lightColor;
        rows << tr("<span style=\"color:%1\">■</span> %2: <b>%3</b> &nbsp;job %4")
                    .arg(color.name(), line.label.toHtmlEscaped(), formatValue(line.metric, nearest->value),
                         nearest->jobId.left(8));
    }
    // Pods and containers that ended near the pointer are named under the values.
    for (const ChartMarker &marker : std::as_const(m_obituaryMarkers)) {
        if (std::abs(marker.timeMs - timeMs) > tolerance)
            continue;
        if (shownTime < 0)
            shownTime = marker.timeMs;
        rows << QStringLiteral("<span style=\"color:#d33a2c\">✕</span> ")
                + tr("ended: %1").arg(marker.label.toHtmlEscaped());
    }
    if (rows.isEmpty()) {
        hideHover();
        return;
    }
    for (Panel &p : m_panels)
        p.view->setHoverTime(shownTime);
    const QString time
        = QLocale().toString(QDateTime::fromMSecsSinceEpoch(shownTime), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QToolTip::showText(globalPos, QStringLiteral("<b>%1</b><br/>%2").arg(time, rows.join(QStringLiteral("<br/>"))),
                       panel.view);
}

void MetricsView::hideHover()
{
    for (Panel &p : m_panels)
        p.view->setHoverTime(-1);
    QToolTip::hideText();
}

bool MetricsView::exportPng(const QString &path)
{
    if (m_redrawTimer->isActive() || m_redrawPending)
        redraw();
    return m_charts->grab().save(path, "PNG");
}

void MetricsView::exportCsv(const QString &path)
{
    const auto [from, to] = visibleRange();
    const QHash<QString, QList<MetricSample>> samples = m_samples; // implicitly shared: no copy made here
    m_csvButton->setEnabled(false);
    m_status->setText(tr("Exporting…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_csvButton->setEnabled(true);
        m_status->setText(error.isEmpty() ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : error);
        emit csvExported(path, error.isEmpty(), error);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [samples, from = from, to = to, path]() -> QString {
        QList<MetricSample> rows;
        for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
            const auto first = std::lower_bound(it->cbegin(), it->cend(), MetricSample{from, {}, {}, 0}, lessByTime);
            for (auto s = first; s != it->cend() && s->timeMs <= to; ++s)
                rows.append(*s);
        }
        std::stable_sort(rows.begin(), rows.end(), [](const MetricSample &a, const MetricSample &b) {
            return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.metric < b.metric;
        });
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        QByteArray out("time,time_ms,job_id,metric,value\n");
        for (const MetricSample &s : std::as_const(rows)) {
            out += QDateTime::fromMSecsSinceEpoch(s.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8() + ','
                + QByteArray::number(s.timeMs) + ',' + s.jobId.toUtf8() + ',' + s.metric.toUtf8() + ','
                + QByteArray::number(s.value, 'g', 15) + '\n';
        }
        file.write(out);
        if (!file.commit())
            return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }));
}

void MetricsView::saveImage()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Charts"), QStringLiteral("metrics.png"),
                                       tr("PNG images (*.png)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    m_status->setText(exportPng(path) ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
                                      : tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
}

void MetricsView::saveCsv()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Metrics"), QStringLiteral("metrics.csv"),
                                       tr("CSV files (*.csv)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        exportCsv(path);
}

} // namespace capstan
