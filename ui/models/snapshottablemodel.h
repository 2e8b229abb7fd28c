#pragma once

#include "flink/snapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace capstan {

// The snapshots of one deployment from every source, keyed by Snapshot::key.
class SnapshotTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotTableModel)

public:
    enum Column { Type, Trigger, State, Path, Time, Age, JobId, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit SnapshotTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyBatch(const SnapshotBatch &batch);
    void clear();
    const QList<Snapshot> &snapshots() const { return m_rows; }

private:
    QList<Snapshot> m_rows;
    QHash<QString, int> m_rowByKey;
};

} // namespace capstan
