#pragma once

#include "flink/clusterevent.h"

#include <QAbstractTableModel>
#include <QHash>

namespace capstan {

// The events of one deployment (live plus local history), keyed by event uid.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableModel)

public:
    enum Column { Time, Type, Reason, Message, Count, Source, ColumnCount };
    enum Role { SortRole = Qt::UserRole, TypeRole, ReasonRole };

    explicit EventTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyBatch(const EventBatch &batch);
    void clear();
    const ClusterEvent &event(int row) const { return m_rows.at(row); }
    QStringList reasons() const;

    // Tab-separated lines (with a header line) of the given source rows, for copy and export.
    QString toTsv(const QList<int> &rows) const;

private:
    QList<ClusterEvent> m_rows;
    QHash<QString, int> m_rowByUid;
};

} // namespace capstan
