#include "ui/models/jobruntablemodel.h"

#include "kube/serverclock.h"

#include "ui/models/deploymenttablemodel.h"

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
        case ColumnCount:
            break;
        }
    }
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
