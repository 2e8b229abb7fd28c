#include "ui/models/subtasktablemodel.h"

#include "flink/resourceunits.h"
#include "ui/jobgraph/graphtext.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace capstan {

SubtaskTableModel::SubtaskTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SubtaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_details.subtasks.size());
}

int SubtaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void SubtaskTableModel::setDetails(const VertexDetails &details, qint64 nowMs)
{
    const bool sameRows
        = details.vertexId == m_details.vertexId && details.subtasks.size() == m_details.subtasks.size();
    if (!sameRows)
        beginResetModel();
    m_details = details;
    m_nowMs = nowMs;
    if (!sameRows)
        endResetModel();
    else if (!m_details.subtasks.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SubtaskTableModel::clear()
{
    beginResetModel();
    m_details = VertexDetails();
    endResetModel();
}

QVariant SubtaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SubtaskDetails &s = m_details.subtasks.at(index.row());
    const qint64 lag = s.watermarkMs >= 0 && m_nowMs > 0 ? std::max<qint64>(0, m_nowMs - s.watermarkMs) : -1;
    if (role == SortRole) {
        switch (index.column()) {
        case Subtask:
            return s.index;
        case Busy:
            return s.busyRatio;
        case BackPressure:
            return s.backPressuredRatio;
        case RecordsIn:
            return s.recordsIn;
        case RecordsOut:
            return s.recordsOut;
        case WatermarkLag:
            return lag;
        case CheckpointSize:
            return s.checkpointStateSize;
        case CheckpointDuration:
            return s.checkpointDurationMs;
        case Alignment:
            return s.alignmentDurationMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Status || index.column() == TaskManager)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == TaskManager && !s.endpoint.isEmpty())
        return tr("%1 at %2").arg(s.taskManagerId, s.endpoint);
    if (role == Qt::ForegroundRole && index.column() == BackPressure && s.backPressureLevel == QLatin1String("high"))
        return QBrush(QColor(200, 120, 0));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Subtask:
        return s.index;
    case Status:
        return s.attempt > 0 ? tr("%1 (attempt %2)").arg(s.status).arg(s.attempt) : s.status;
    case TaskManager:
        return s.taskManagerId;
    case Busy:
        return GraphText::percent(s.busyRatio);
    case BackPressure:
        if (s.backPressuredRatio < 0)
            return {};
        return s.backPressureLevel.isEmpty()
            ? GraphText::percent(s.backPressuredRatio)
            : tr("%1 (%2)").arg(GraphText::percent(s.backPressuredRatio), s.backPressureLevel);
    case RecordsIn:
        return s.recordsIn >= 0 ? QLocale().toString(s.recordsIn) : QString();
    case RecordsOut:
        return s.recordsOut >= 0 ? QLocale().toString(s.recordsOut) : QString();
    case WatermarkLag:
        return lag >= 0 ? GraphText::duration(lag) : tr("none");
    case CheckpointSize:
        return s.checkpointStateSize >= 0 ? ResourceUnits::formatBytes(s.checkpointStateSize) : QString();
    case CheckpointDuration:
        return GraphText::duration(s.checkpointDurationMs);
    case Alignment:
        return GraphText::duration(s.alignmentDurationMs);
    default:
        return {};
    }
}

QVariant SubtaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Subtask:
        return tr("Subtask");
    case Status:
        return tr("Status");
    case TaskManager:
        return tr("TaskManager");
    case Busy:
        return tr("Busy");
    case BackPressure:
        return tr("Back-pressured");
    case RecordsIn:
        return tr("Records in");
    case RecordsOut:
        return tr("Records out");
    case WatermarkLag:
        return tr("Watermark lag");
    case CheckpointSize:
        return tr("Checkpoint state");
    case CheckpointDuration:
        return tr("Checkpoint duration");
    case Alignment:
        return tr("Alignment");
    default:
        return {};
    }
}

} // namespace capstan
