#pragma once

#include "flink/deployment.h"

#include "ui/models/deploymenttablemodel.h"
#include "ui/models/keyedtablemodel.h"

#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QTimer>

namespace capstan {

class FleetSessions;

// One row of the Fleet: a deployment and the context it lives in.
struct FleetRow
{
    QString key; // context + U+001F + uid: unique across the fleet
    QString context;
    Deployment deployment;
};

struct FleetRowKey
{
    QString operator()(const FleetRow &row) const { return row.key; }
};

// Every deployment of every watched context in one table: a Context column, then the deployment list's
// columns (DeploymentTableModel's cells). Observes FleetSessions; each context's batches are applied as
// they come, O(changes) each, and a context that is no longer watched takes its rows with it. Keeps
// counts per context and state for the summary, updated with the rows.
class FleetModel final : public KeyedTableModel<FleetRow, FleetRowKey>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)

public:
    enum Column {
        Context,
        FirstDeploymentColumn,
        ColumnCount = FirstDeploymentColumn + DeploymentTableModel::ColumnCount
    };
    enum Role {
        SortRole = DeploymentTableModel::SortRole,
        UidRole = DeploymentTableModel::UidRole,
        DisplayStateRole = DeploymentTableModel::DisplayStateRole,
        FailingRole = DeploymentTableModel::FailingRole,
        ContextRole = Qt::UserRole + 32,
        NamespaceRole,
        NameRole,
    };

    struct Counts
    {
        int total = 0;
        int running = 0;
        int failing = 0; // in a restart loop or failed
    };

    explicit FleetModel(FleetSessions *sessions, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The deployment list's column shown in `column` (-1 for Context).
    static constexpr int deploymentColumn(int column) { return column - FirstDeploymentColumn; }
    static constexpr int fleetColumn(int deploymentColumn) { return deploymentColumn + FirstDeploymentColumn; }

    void applyBatch(const QString &context, const DeploymentBatch &batch);
    // Drops the rows of contexts not in `contexts`.
    void keepContexts(const QStringList &contexts);
    Counts counts(const QString &context) const { return m_counts.value(context); }
    const FleetRow *find(const QString &context, const QString &uid) const
    {
        return KeyedTableModel::find(keyOf(context, uid));
    }
    static QString keyOf(const QString &context, const QString &uid) { return context + QChar(0x1f) + uid; }

signals:
    // The counts changed (at most a few times a second however fast the rows change).
    void countsChanged();

private:
    void count(const Deployment &d, const QString &context, int sign);
    void onContextState(const QString &context);

    QPointer<FleetSessions> m_sessions;
    QHash<QString, Counts> m_counts;
    QTimer m_countsTimer;
    QTimer m_ageTimer;
    mutable QHash<int, QIcon> m_dots; // by FleetSessions::Status
};

} // namespace capstan
