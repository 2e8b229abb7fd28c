#pragma once

#include "flink/clusterevent.h"

#include "ui/models/keyedtablemodel.h"

namespace capstan {

// The events of one deployment (live plus local history), keyed by event uid.
struct EventUid
{
    QString operator()(const ClusterEvent &e) const { return e.uid; }
};

class EventTableModel final : public KeyedTableModel<ClusterEvent, EventUid>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableModel)

public:
    enum Column { Time, Type, Reason, Message, Count, Source, ColumnCount };
    enum Role { SortRole = Qt::UserRole, TypeRole, ReasonRole };

    explicit EventTableModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyBatch(const EventBatch &batch);
    void clear();
    const ClusterEvent &event(int row) const { return at(row); }
    QStringList reasons() const;

    // Tab-separated lines (with a header line) of the given source rows, for copy and export.
    QString toTsv(const QList<int> &rows) const;
};

} // namespace capstan
