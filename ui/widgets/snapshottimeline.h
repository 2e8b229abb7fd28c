#pragma once

#include "flink/obituary.h"
#include "flink/snapshot.h"
#include "session/historystore.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QRect>
#include <QWidget>

#include <memory>

namespace capstan {

class ServerClock;

// A strip with one time axis: the jobs a deployment ran as bands, spec revisions as ticks ("gen N"),
// savepoints (◆) and checkpoints (●) as markers coloured by state, and pods that died (obituaries)
// as red lines. Hovering shows details.
class SnapshotTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotTimeline)

public:
    explicit SnapshotTimeline(QWidget *parent = nullptr);

    void setSnapshots(const QList<Snapshot> &snapshots);
    // Each pair: when a generation (metadata.generation) of the spec was first seen, and the generation.
    void setRevisions(const QList<QPair<QDateTime, qint64>> &generationStarts);
    void setJobs(const QList<JobRun> &jobs);
    // Pods that ended abnormally or disappeared, marked at Obituary::markerTime().
    void setObituaries(const QList<Obituary> &obituaries);
    // "Now" (the end of a running job) is the cluster's clock; without one, the local clock.
    void setClock(std::shared_ptr<const ServerClock> clock);

    QList<Snapshot> snapshots() const { return m_snapshots; }
    bool isEmpty() const;
    // The time span the axis covers (padding included); invalid when empty.
    QPair<QDateTime, QDateTime> visibleRange() const { return {m_from, m_to}; }
    // The tooltip text for a point in widget coordinates; empty when nothing is there.
    QString toolTipAt(const QPoint &pos) const;
    // The job and generation labels as laid out for the current size, in widget coordinates: none
    // overlapping another, all inside the widget.
    QList<QRect> labelRects() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Geometry
    {
        int lineHeight = 0;
        int labelTop = 0; // the row of "gen N" labels
        int markerY = 0; // centre line of the markers
        int jobLabelTop = 0;
        int axisY = 0;
        int tickLabelTop = 0;
        int left = 0;
        int right = 0;
    };

    struct Label
    {
        QRect rect;
        QString text;
    };

    void updateRange();
    void updateAccessibleDescription();
    Geometry geometry() const;
    QFont smallFont() const;
    double xFor(const QDateTime &time, const Geometry &g) const;
    QList<Label> jobLabels(const Geometry &g) const;
    QList<Label> revisionLabels(const Geometry &g) const;
    QDateTime jobEnd(const JobRun &job) const;
    static QColor stateColor(const QString &state);
    static QString snapshotToolTip(const Snapshot &snapshot);

    QList<Snapshot> m_snapshots;
    QList<QPair<QDateTime, qint64>> m_revisions;
    QList<JobRun> m_jobs;
    QList<Obituary> m_obituaries;
    QDateTime m_from;
    QDateTime m_to;
    QDateTime m_now;
    std::shared_ptr<const ServerClock> m_clock;
};

} // namespace capstan
