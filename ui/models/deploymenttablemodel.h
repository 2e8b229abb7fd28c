#pragma once

#include "flink/deployment.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace capstan {

// The deployments of one context. Observes batches from the session (never fetches); rows are
// found by uid through a hash index, so a batch costs O(changes), not O(rows).
class DeploymentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentTableModel)

public:
    enum Column {
        Name,
        Namespace,
        State,
        JobState,
        Parallelism,
        UpgradeMode,
        FlinkVersion,
        LastSnapshot,
        Restarts,
        Age,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, UidRole, DisplayStateRole, FailingRole };

    explicit DeploymentTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyBatch(const DeploymentBatch &batch);
    void clear();

    const Deployment *deployment(const QString &uid) const;
    int rowOf(const QString &uid) const { return m_rowByUid.value(uid, -1); }

    static QString ageText(qint64 seconds);
    static QString stateText(DisplayState state);

private:
    void removeRow(int row);

    QList<Deployment> m_rows;
    QHash<QString, int> m_rowByUid;
    QTimer m_ageTimer;
};

} // namespace capstan
