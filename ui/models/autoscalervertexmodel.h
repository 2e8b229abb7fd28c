#pragma once

#include "flink/autoscalerreport.h"

#include <QAbstractTableModel>

namespace capstan {

// The job's vertices as the operator's autoscaler sees them (AutoscalerReport::Vertex): current and
// recommended parallelism, load, true processing rate against the target rate, lag and the bound of
// max parallelism. Rows stay in place across updates with the same vertices, so a selection stays.
class AutoscalerVertexModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoscalerVertexModel)

public:
    enum Column {
        Vertex,
        Parallelism,
        Recommended,
        MaxParallelism,
        Load,
        ProcessingRate,
        TargetRate,
        Lag,
        Note,
        ColumnCount
    };

    explicit AutoscalerVertexModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setVertices(const QList<AutoscalerReport::Vertex> &vertices);
    const QList<AutoscalerReport::Vertex> &vertices() const { return m_vertices; }

private:
    QList<AutoscalerReport::Vertex> m_vertices;
};

} // namespace capstan
