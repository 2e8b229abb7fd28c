#include "ui/widgets/snapshottimeline.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <QEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include "kube/serverclock.h"

namespace capstan {

namespace {
constexpr int SidePadding = 8;
constexpr double SavepointRadius = 6.0;
constexpr double CheckpointRadius = 4.0;
constexpr int HitSlop = 6;
constexpr int LabelGap = 6; // between two labels in a row

bool isSavepoint(const Snapshot &snapshot)
{
    return snapshot.type.compare(QLatin1String("SAVEPOINT"), Qt::CaseInsensitive) == 0;
}

bool isPending(const QString &state)
{
    return state == QLatin1String("IN_PROGRESS") || state == QLatin1String("TRIGGER_PENDING");
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
} // namespace

SnapshotTimeline::SnapshotTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("snapshotTimeline"));
    setAccessibleName(tr("Snapshot timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
    updateRange();
}

void SnapshotTimeline::setSnapshots(const QList<Snapshot> &snapshots)
{
    m_snapshots = snapshots;
    updateRange();
}

void SnapshotTimeline::setRevisions(const QList<QPair<QDateTime, qint64>> &generationStarts)
{
    m_revisions = generationStarts;
    updateRange();
}

void SnapshotTimeline::setJobs(const QList<JobRun> &jobs)
{
    m_jobs = jobs;
    updateRange();
}

void SnapshotTimeline::setObituaries(const QList<Obituary> &obituaries)
{
    m_obituaries = obituaries;
    updateRange();
}

void SnapshotTimeline::setClock(std::shared_ptr<const ServerClock> clock)
{
    m_clock = std::move(clock);
    updateRange();
}

bool SnapshotTimeline::isEmpty() const
{
    return m_snapshots.isEmpty() && m_revisions.isEmpty() && m_jobs.isEmpty() && m_obituaries.isEmpty();
}

QDateTime SnapshotTimeline::jobEnd(const JobRun &job) const
{
    return job.end.isValid() ? job.end : m_now;
}

void SnapshotTimeline::updateRange()
{
    m_now = ServerClock::nowOrLocal(m_clock.get());
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    const auto include = [&from, &to](const QDateTime &time) {
        if (!time.isValid())
            return;
        const qint64 ms = time.toMSecsSinceEpoch();
        from = std::min(from, ms);
        to = std::max(to, ms);
    };
    for (const Snapshot &snapshot : std::as_const(m_snapshots))
        include(snapshot.time);
    for (const auto &revision : std::as_const(m_revisions))
        include(revision.first);
    for (const Obituary &obituary : std::as_const(m_obituaries))
        include(obituary.markerTime());
    for (const JobRun &job : std::as_const(m_jobs)) {
        include(job.start);
        if (job.start.isValid())
            include(jobEnd(job));
    }
    if (from > to) {
        m_from = QDateTime();
        m_to = QDateTime();
    } else {
        const qint64 span = to - from;
        const qint64 pad = span == 0 ? 5 * 60 * 1000 : std::max<qint64>(span * 3 / 100, 30 * 1000);
        m_from = QDateTime::fromMSecsSinceEpoch(from - pad, Qt::UTC);
        m_to = QDateTime::fromMSecsSinceEpoch(to + pad, Qt::UTC);
    }
    updateAccessibleDescription();
    update();
}

void SnapshotTimeline::updateAccessibleDescription()
{
    const auto savepoints = std::count_if(m_snapshots.cbegin(), m_snapshots.cend(), isSavepoint);
    const auto failed = std::count_if(m_snapshots.cbegin(), m_snapshots.cend(),
                                      [](const Snapshot &s) { return s.state == QLatin1String("FAILED"); });
    const int checkpoints = static_cast<int>(m_snapshots.size() - savepoints);
    setAccessibleDescription(m_snapshots.isEmpty()
                                 ? tr("No snapshots yet")
                                 : tr("%1, %2 (%3 failed), %4")
                                       .arg(tr("%n savepoint(s)", nullptr, static_cast<int>(savepoints)),
                                            tr("%n checkpoint(s)", nullptr, checkpoints), QString::number(failed),
                                            tr("%n job(s)", nullptr, static_cast<int>(m_jobs.size()))));
}

QFont SnapshotTimeline::smallFont() const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.85));
    else
        f.setPixelSize(std::max(9, f.pixelSize() * 85 / 100));
    return f;
}

SnapshotTimeline::Geometry SnapshotTimeline::geometry() const
{
    Geometry g;
    g.lineHeight = QFontMetrics(smallFont()).height();
    g.labelTop = 2;
    g.markerY = g.labelTop + g.lineHeight + 1 + static_cast<int>(SavepointRadius) + 1;
    g.jobLabelTop = g.markerY + static_cast<int>(SavepointRadius) + 2;
    g.axisY = g.jobLabelTop + g.lineHeight + 1;
    g.tickLabelTop = g.axisY + 3;
    g.left = SidePadding;
    g.right = std::max(g.left + 1, width() - SidePadding);
    return g;
}

QSize SnapshotTimeline::sizeHint() const
{
    const int lineHeight = QFontMetrics(smallFont()).height();
    // labels, markers, job labels, axis, tick labels (see geometry()).
    const int height
        = 2 + lineHeight + 1 + 2 * static_cast<int>(SavepointRadius) + 3 + lineHeight + 1 + 3 + lineHeight + 2;
    return {480, std::max(56, height)};
}

QSize SnapshotTimeline::minimumSizeHint() const
{
    return {160, sizeHint().height()};
}

double SnapshotTimeline::xFor(const QDateTime &time, const Geometry &g) const
{
    const qint64 from = m_from.toMSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, m_to.toMSecsSinceEpoch() - from);
    const double fraction = static_cast<double>(time.toMSecsSinceEpoch() - from) / static_cast<double>(span);
    return g.left + fraction * (g.right - g.left);
}

QColor SnapshotTimeline::stateColor(const QString &state)
{
    if (state == QLatin1String("COMPLETED"))
        return {0x2e, 0x9d, 0x4f};
    if (state == QLatin1String("FAILED"))
        return {0xd3, 0x3a, 0x2c};
    if (isPending(state))
        return {0x2f, 0x7f, 0xd6};
    return {0x8a, 0x8f, 0x98};
}

QString SnapshotTimeline::snapshotToolTip(const Snapshot &snapshot)
{
    QStringList lines;
    const bool savepoint = isSavepoint(snapshot);
    if (!snapshot.name.isEmpty())
        lines << (savepoint ? tr("Savepoint %1") : tr("Checkpoint %1")).arg(snapshot.name);
    else if (snapshot.checkpointId >= 0)
        lines << (savepoint ? tr("Savepoint %1") : tr("Checkpoint %1")).arg(snapshot.checkpointId);
    else
        lines << (savepoint ? tr("Savepoint") : tr("Checkpoint"));
    lines << tr("Type: %1").arg(snapshot.type.isEmpty() ? tr("unknown") : snapshot.type);
    lines << tr("Trigger: %1").arg(snapshot.trigger.isEmpty() ? tr("unknown") : snapshot.trigger);
    lines << tr("State: %1").arg(snapshot.state.isEmpty() ? tr("unknown") : snapshot.state);
    lines << tr("Time: %1").arg(snapshot.time.isValid() ? localTime(snapshot.time) : tr("unknown"));
    if (!snapshot.path.isEmpty())
        lines << tr("Path: %1").arg(snapshot.path);
    if (!snapshot.jobId.isEmpty())
        lines << tr("Job: %1").arg(snapshot.jobId);
    if (!snapshot.error.isEmpty())
        lines << tr("Error: %1").arg(snapshot.error);
    return lines.join(QLatin1Char('\n'));
}

QString SnapshotTimeline::toolTipAt(const QPoint &pos) const
{
    if (!m_from.isValid())
        return {};
    const Geometry g = geometry();
    // Snapshots near the pointer, nearest first.
    if (std::abs(pos.y() - g.markerY) <= SavepointRadius + HitSlop) {
        QList<QPair<double, qsizetype>> hits;
        for (qsizetype i = 0; i < m_snapshots.size(); ++i) {
            const Snapshot &snapshot = m_snapshots.at(i);
            if (!snapshot.time.isValid())
                continue;
            const double distance = std::abs(xFor(snapshot.time, g) - pos.x());
            if (distance <= HitSlop)
                hits.append({distance, i});
        }
        if (!hits.isEmpty()) {
            std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
            QStringList parts;
            constexpr int MaxShown = 3;
            for (qsizetype i = 0; i < hits.size() && i < MaxShown; ++i)
                parts << snapshotToolTip(m_snapshots.at(hits.at(i).second));
            if (hits.size() > MaxShown)
                parts << tr("… and %n more here", nullptr, static_cast<int>(hits.size() - MaxShown));
            return parts.join(QStringLiteral("\n\n"));
        }
    }
    QStringList deaths;
    for (const Obituary &obituary : std::as_const(m_obituaries)) {
        if (obituary.markerTime().isValid() && std::abs(xFor(obituary.markerTime(), g) - pos.x()) <= 3)
            deaths << tr("Ended: %1\nAt: %2").arg(obituary.markerLabel(), localTime(obituary.markerTime()));
    }
    if (!deaths.isEmpty())
        return deaths.join(QStringLiteral("\n\n"));
    for (const auto &revision : std::as_const(m_revisions)) {
        if (revision.first.isValid() && std::abs(xFor(revision.first, g) - pos.x()) <= 3)
            return tr("Generation %1\nFirst seen: %2").arg(revision.second).arg(localTime(revision.first));
    }
    // Where bands overlap (a job whose end was not seen runs on under the next), the newest job.
    const JobRun *hit = nullptr;
    for (const JobRun &job : std::as_const(m_jobs)) {
        if (job.start.isValid() && pos.x() >= xFor(job.start, g) && pos.x() <= xFor(jobEnd(job), g)
            && (!hit || job.start > hit->start))
            hit = &job;
    }
    if (!hit)
        return {};
    QStringList lines;
    lines << tr("Job %1").arg(hit->jobId);
    lines << tr("Started: %1").arg(localTime(hit->start));
    lines << (hit->end.isValid() ? tr("Ended: %1").arg(localTime(hit->end)) : tr("Still running"));
    if (!hit->lastState.isEmpty())
        lines << tr("Last state: %1").arg(hit->lastState);
    if (hit->generation > 0)
        lines << tr("Spec generation: %1").arg(hit->generation);
    return lines.join(QLatin1Char('\n'));
}

QList<SnapshotTimeline::Label> SnapshotTimeline::jobLabels(const Geometry &g) const
{
    // Each job's id at the start of its band, in start order. A label keeps clear of the one before
    // and ends where the next job starts, so a job still marked running under a newer one (its end
    // not seen) cannot write over the newer job's id; a label without room for a few characters is
    // left out (the band's tooltip names the job).
    QList<Label> labels;
    if (!m_from.isValid())
        return labels;
    const QFontMetrics fm(smallFont());
    const int minimum = fm.horizontalAdvance(QStringLiteral("abcd"));
    QList<JobRun> jobs;
    for (const JobRun &job : m_jobs) {
        if (job.start.isValid())
            jobs.append(job);
    }
    std::sort(jobs.begin(), jobs.end(), [](const JobRun &a, const JobRun &b) { return a.start < b.start; });
    int lastRight = std::numeric_limits<int>::min() / 2;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const JobRun &job = jobs.at(i);
        const double x0 = xFor(job.start, g);
        double end = std::max(x0 + 1.0, xFor(jobEnd(job), g));
        if (i + 1 < jobs.size())
            end = std::min(end, xFor(jobs.at(i + 1).start, g));
        const int left = std::max(static_cast<int>(x0) + 4, lastRight + LabelGap);
        const int right = std::min(static_cast<int>(end) - 4, width() - 2);
        if (right - left < minimum)
            continue;
        const QString text = fm.elidedText(job.jobId.left(8), Qt::ElideRight, right - left);
        const int w = fm.horizontalAdvance(text);
        labels.append({QRect(left, g.jobLabelTop, w, g.lineHeight), text});
        lastRight = left + w;
    }
    return labels;
}

QList<SnapshotTimeline::Label> SnapshotTimeline::revisionLabels(const Geometry &g) const
{
    // "gen N" right of its tick (left of it near the right edge), newest first, leaving out those
    // that would touch one already placed.
    QList<Label> labels;
    if (!m_from.isValid())
        return labels;
    const QFontMetrics fm(smallFont());
    QList<QPair<QDateTime, qint64>> revisions = m_revisions;
    std::sort(revisions.begin(), revisions.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &revision : std::as_const(revisions)) {
        if (!revision.first.isValid())
            continue;
        const int x = static_cast<int>(xFor(revision.first, g));
        const QString text = tr("gen %1").arg(revision.second);
        QRect r(x + 3, g.labelTop, fm.horizontalAdvance(text), g.lineHeight);
        if (r.right() > width() - 3)
            r.moveRight(x - 3);
        if (r.left() < 2)
            continue;
        const bool overlaps = std::any_of(labels.cbegin(), labels.cend(), [&r](const Label &o) {
            return o.rect.adjusted(-LabelGap, 0, LabelGap, 0).intersects(r);
        });
        if (!overlaps)
            labels.append({r, text});
    }
    return labels;
}

QList<QRect> SnapshotTimeline::labelRects() const
{
    const Geometry g = geometry();
    QList<QRect> rects;
    for (const Label &label : jobLabels(g) + revisionLabels(g))
        rects.append(label.rect);
    return rects;
}

bool SnapshotTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, QRect(help->pos() - QPoint(3, 3), QSize(7, 7)));
        }
        return true;
    }
    return QWidget::event(event);
}

void SnapshotTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void SnapshotTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(pal.color(QPalette::Mid));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(frame, 3, 3);

    const QFont small = smallFont();
    p.setFont(small);
    const QFontMetrics fm(small);
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = withAlpha(text, 150);
    const Geometry g = geometry();

    if (!m_from.isValid()) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignCenter, tr("No snapshots yet"));
        return;
    }

    // Jobs: light bands, alternating in strength so neighbours stay apart.
    const QColor highlight = pal.color(QPalette::Highlight);
    QList<JobRun> jobs = m_jobs;
    std::sort(jobs.begin(), jobs.end(), [](const JobRun &a, const JobRun &b) { return a.start < b.start; });
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const JobRun &job = jobs.at(i);
        if (!job.start.isValid())
            continue;
        const double x0 = xFor(job.start, g);
        const double x1 = std::max(x0 + 1.0, xFor(jobEnd(job), g));
        const QRectF band(x0, 1, x1 - x0, g.axisY - 1);
        p.fillRect(band, withAlpha(highlight, i % 2 == 0 ? 34 : 58));
        p.setPen(QPen(withAlpha(highlight, 170), 1.0));
        p.drawLine(QPointF(x0, 1), QPointF(x0, g.axisY));
    }
    p.setPen(text);
    for (const Label &label : jobLabels(g))
        p.drawText(label.rect, Qt::AlignLeft | Qt::AlignVCenter, label.text);

    // Axis with time labels at a round interval that leaves room for every label.
    p.setPen(QPen(withAlpha(text, 140), 1.0));
    p.drawLine(QPointF(g.left, g.axisY + 0.5), QPointF(g.right, g.axisY + 0.5));
    const qint64 fromSecs = m_from.toSecsSinceEpoch();
    const qint64 toSecs = m_to.toSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, toSecs - fromSecs);
    const double pixelsPerSecond = static_cast<double>(g.right - g.left) / static_cast<double>(span);
    static constexpr std::array<qint64, 24> steps{1,     2,     5,      10,     15,     30,      60,      120,
                                                  300,   600,   900,    1800,   3600,   7200,    10800,   21600,
                                                  43200, 86400, 172800, 345600, 604800, 1209600, 2592000, 7776000};
    const bool multiDay = span > 20 * 3600;
    const QLocale locale;
    qint64 step = steps.back();
    QString format;
    for (const qint64 candidate : steps) {
        QString f = candidate >= 86400 ? QStringLiteral("MMM d")
            : multiDay                 ? QStringLiteral("MMM d HH:mm")
            : candidate < 60           ? QStringLiteral("HH:mm:ss")
                                       : QStringLiteral("HH:mm");
        const int labelWidth = fm.horizontalAdvance(locale.toString(m_from.toLocalTime(), f)) + 16;
        if (static_cast<double>(candidate) * pixelsPerSecond >= labelWidth) {
            step = candidate;
            format = f;
            break;
        }
    }
    if (format.isEmpty())
        format = QStringLiteral("MMM d");
    const qint64 offset = m_from.toLocalTime().offsetFromUtc();
    qint64 tick = ((fromSecs + offset + step - 1) / step) * step - offset;
    int lastLabelRight = -1;
    for (; tick <= toSecs; tick += step) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(tick, Qt::UTC);
        const double x = xFor(time, g);
        p.setPen(QPen(withAlpha(text, 140), 1.0));
        p.drawLine(QPointF(x, g.axisY), QPointF(x, g.axisY + 3));
        // Midnight gets the date, so a strip that crosses days stays readable.
        const QDateTime local = time.toLocalTime();
        const bool midnight = step < 86400 && local.time() == QTime(0, 0);
        const QString label = locale.toString(local, midnight ? QStringLiteral("MMM d") : format);
        const int w = fm.horizontalAdvance(label);
        int lx = static_cast<int>(x) - w / 2;
        lx = std::clamp(lx, 2, std::max(2, width() - w - 2));
        if (lx <= lastLabelRight + 4)
            continue;
        p.setPen(muted);
        p.drawText(QRect(lx, g.tickLabelTop, w, g.lineHeight), Qt::AlignCenter, label);
        lastLabelRight = lx + w;
    }

    // Spec revisions: dashed ticks, and their labels.
    for (const auto &revision : std::as_const(m_revisions)) {
        if (!revision.first.isValid())
            continue;
        const double x = xFor(revision.first, g);
        p.setPen(QPen(withAlpha(text, 170), 1.0, Qt::DashLine));
        p.drawLine(QPointF(x, g.labelTop), QPointF(x, g.axisY));
    }
    p.setPen(text);
    for (const Label &label : revisionLabels(g))
        p.drawText(label.rect, Qt::AlignLeft | Qt::AlignVCenter, label.text);

    // Obituaries: a red line through the strip with a small cross at its top.
    const QColor death = stateColor(QStringLiteral("FAILED"));
    for (const Obituary &obituary : std::as_const(m_obituaries)) {
        if (!obituary.markerTime().isValid())
            continue;
        const double x = xFor(obituary.markerTime(), g);
        p.setPen(QPen(withAlpha(death, 200), 1.4));
        const double k = 3.0;
        const double y = g.labelTop + std::max(k + 1, g.lineHeight / 2.0);
        p.drawLine(QPointF(x, y), QPointF(x, g.axisY));
        p.setPen(QPen(death, 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(x - k, y - k), QPointF(x + k, y + k));
        p.drawLine(QPointF(x + k, y - k), QPointF(x - k, y + k));
    }

    if (m_snapshots.isEmpty()) {
        p.setPen(muted);
        p.drawText(QRectF(g.left, g.markerY - g.lineHeight / 2.0, g.right - g.left, g.lineHeight), Qt::AlignCenter,
                   tr("No snapshots yet"));
        return;
    }

    // Snapshots: checkpoints below savepoints, completed ones below the rest, so failures stay visible.
    QList<const Snapshot *> ordered;
    ordered.reserve(m_snapshots.size());
    for (const Snapshot &snapshot : std::as_const(m_snapshots)) {
        if (snapshot.time.isValid())
            ordered.append(&snapshot);
    }
    const auto rank = [](const Snapshot *s) { return (isSavepoint(*s) ? 2 : 0) + (s->isCompleted() ? 0 : 1); };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&rank](const Snapshot *a, const Snapshot *b) { return rank(a) < rank(b); });
    const QColor ring = pal.color(QPalette::Base);
    for (const Snapshot *snapshot : std::as_const(ordered)) {
        const QPointF c(xFor(snapshot->time, g), g.markerY);
        const QColor color = stateColor(snapshot->state);
        const bool savepoint = isSavepoint(*snapshot);
        const double r = savepoint ? SavepointRadius : CheckpointRadius;
        QPainterPath shape;
        if (savepoint) {
            shape.moveTo(c.x(), c.y() - r);
            shape.lineTo(c.x() + r, c.y());
            shape.lineTo(c.x(), c.y() + r);
            shape.lineTo(c.x() - r, c.y());
            shape.closeSubpath();
        } else {
            shape.addEllipse(c, r, r);
        }
        // A ring in the base colour separates markers that overlap.
        p.setPen(QPen(ring, 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawPath(shape);
        const bool hollow = isPending(snapshot->state) || snapshot->state == QLatin1String("ABANDONED");
        p.setPen(QPen(color.darker(hollow ? 100 : 125), hollow ? 1.6 : 1.0));
        p.setBrush(hollow ? QBrush(ring) : QBrush(color));
        p.drawPath(shape);
        if (snapshot->state == QLatin1String("FAILED")) {
            // A cross, so a failure reads without colour too.
            const double k = r * 0.42;
            p.setPen(QPen(Qt::white, 1.4, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(c.x() - k, c.y() - k), QPointF(c.x() + k, c.y() + k));
            p.drawLine(QPointF(c.x() + k, c.y() - k), QPointF(c.x() - k, c.y() + k));
        }
    }
}

} // namespace capstan
