#pragma once

#include "flink/jobgraph.h"

#include <QAbstractTableModel>

namespace capstan {

// The subtasks of the selected job vertex (VertexDetails): where each runs, its load, records and
// watermark, and its part of the latest checkpoint. Rows are the subtask indexes; a new poll updates
// them in place, so a selection and the scroll position stay.
class SubtaskTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubtaskTableModel)

public:
    enum Column {
        Subtask,
        Status,
        TaskManager,
        Busy,
        BackPressure,
        RecordsIn,
        RecordsOut,
        WatermarkLag,
        CheckpointSize,
        CheckpointDuration,
        Alignment,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole };

    explicit SubtaskTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // nowMs: the cluster's time of the poll, for the watermark lag.
    void setDetails(const VertexDetails &details, qint64 nowMs);
    void clear();
    const VertexDetails &details() const { return m_details; }

private:
    VertexDetails m_details;
    qint64 m_nowMs = 0;
};

} // namespace capstan
