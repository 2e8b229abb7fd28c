#pragma once

#include "flink/snapshot.h"

#include "ui/models/keyedtablemodel.h"

#include <QSet>

#include <memory>

namespace capstan {

class ServerClock;

// The snapshots of one deployment from every source, keyed by Snapshot::key.
struct SnapshotKey
{
    QString operator()(const Snapshot &s) const { return s.key; }
};

class SnapshotTableModel final : public KeyedTableModel<Snapshot, SnapshotKey>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotTableModel)

public:
    enum Column { Type, Trigger, State, Path, Time, Age, JobId, Retention, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit SnapshotTableModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Texts as wide as the widest the column shows (in the current language), to size it before
    // rows arrive; empty for columns of free text.
    static QStringList widestTexts(Column column);

    // Ages are counted on the cluster's clock (SessionHost::clock()); without one, on the local clock.
    void setClock(std::shared_ptr<const ServerClock> clock);

    // What the operator's cleanup will delete next (SnapshotRetention::nextCleanedUp) and the path the
    // deployment would restore from: the Retention column says so for each row.
    void setRetention(const QSet<QString> &nextCleanedUp, const QString &restorePath);

    void applyBatch(const SnapshotBatch &batch);
    void clear();
    const QList<Snapshot> &snapshots() const { return rows(); }

private:
    std::shared_ptr<const ServerClock> m_clock;
    QSet<QString> m_nextCleanedUp;
    QString m_restorePath;
};

} // namespace capstan
