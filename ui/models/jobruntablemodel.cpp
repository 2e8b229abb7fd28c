#include "ui/models/jobruntablemodel.h"

#include "kube/serverclock.h"

#include "ui/models/deploymenttablemodel.h"
#include "ui/restoretext.h"

#include <QApplication>
#include <QStyle>

#include <QFont>

namespace capstan {

JobRunTableModel::JobRunTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JobRunTableModel::setClock(std::shared_ptr<const ServerClock> clock)
{
    m_clock = std::move(clock);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Duration), index(rowCount() - 1, Duration), {Qt::DisplayRole});
}

int JobRunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobRunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobRunTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const JobRun &j = m_rows.at(index.row());
    const auto format = [](const QDateTime &t) {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
    };
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(index.column())) {
        case JobId:
            return j.jobId;
        case Start:
            return format(j.start);
        case End:
            return j.end.isValid() ? format(j.end) : tr("running now");
        case Duration: {
            const QDateTime end = j.end.isValid() ? j.end : ServerClock::nowOrLocal(m_clock.get());
            return j.start.isValid() ? DeploymentTableModel::ageText(j.start.secsTo(end)) : QString();
        }
        case FinalState:
            return j.lastState;
        case Generation:
            return j.generation;
        case RestoredFrom: {
            const QString restored = RestoreText::restored(j.restore);
            // A job that ran and was never observed running (it failed while starting, or before
            // Capstan watched it) says so rather than leaving the cell blank.
            return restored.isEmpty() && j.end.isValid() ? tr("not observed") : restored;
        }
        case Intended:
            return RestoreText::intended(j.restore);
        case ColumnCount:
            break;
        }
    }
    if (index.column() == RestoredFrom) {
        const QString warning = RestoreText::provenanceWarning(j.restore);
        if (role == Qt::DecorationRole && !warning.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (role == Qt::ToolTipRole) {
            if (!warning.isEmpty())
                return warning;
            if (j.restore.verdict() == RestoreProvenance::Verdict::RestoredUnasked)
                return tr("The job restored state although the operator named none (%1).")
                    .arg(j.restore.intendedSource);
            if (j.restore.observed && j.restore.restartsWhenObserved > 0 && j.restore.restoredSomething())
                return tr("First read after %n restarts: the JobManager names the checkpoint of the latest "
                          "restart, not necessarily the state the job started from.",
                          nullptr, int(j.restore.restartsWhenObserved));
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Intended)
        return data(index, Qt::DisplayRole);
    if (role == Qt::FontRole && index.column() == JobId) {
        QFont font;
        font.setFamily(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        return font;
    }
    return {};
}

QVariant JobRunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case JobId:
        return tr("Job ID");
    case Start:
        return tr("Started");
    case End:
        return tr("Ended");
    case Duration:
        return tr("Ran for");
    case FinalState:
        return tr("Last state");
    case Generation:
        return tr("Spec generation");
    case RestoredFrom:
        return tr("Restored from");
    case Intended:
        return tr("Operator meant to restore");
    case ColumnCount:
        break;
    }
    return {};
}

void JobRunTableModel::setJobs(const QList<JobRun> &jobs)
{
    beginResetModel();
    m_rows = jobs;
    endResetModel();
}

} // namespace capstan
