#include "ui/fleet/fleetmodel.h"

#include "kube/serverclock.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/widgets/stateicons.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSet>

namespace capstan {

FleetModel::FleetModel(FleetSessions *sessions, QObject *parent)
    : KeyedTableModel(ColumnCount, parent)
    , m_sessions(sessions)
{
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(250);
    connect(&m_countsTimer, &QTimer::timeout, this, &FleetModel::countsChanged);
    // Ages are relative to now: refresh those columns only, twice a minute.
    m_ageTimer.setInterval(30000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, fleetColumn(DeploymentTableModel::LastSnapshot)),
                             index(rowCount() - 1, fleetColumn(DeploymentTableModel::Age)), {Qt::DisplayRole});
    });
    m_ageTimer.start();
    if (sessions) {
        connect(sessions, &FleetSessions::deploymentsChanged, this, &FleetModel::applyBatch);
        connect(sessions, &FleetSessions::contextsChanged, this, [this] { keepContexts(m_sessions->contexts()); });
        connect(sessions, &FleetSessions::contextStateChanged, this,
                [this](const QString &context) { onContextState(context); });
    }
}

void FleetModel::count(const Deployment &d, const QString &context, int sign)
{
    Counts &counts = m_counts[context];
    counts.total += sign;
    const DisplayState state = d.displayState();
    if (d.failure.failing || state == DisplayState::Failed)
        counts.failing += sign;
    else if (state == DisplayState::Running)
        counts.running += sign;
}

void FleetModel::applyBatch(const QString &context, const DeploymentBatch &batch)
{
    if (m_sessions && !m_sessions->contexts().contains(context))
        return;
    QStringList removed;
    removed.reserve(batch.removed.size());
    for (const QString &uid : batch.removed) {
        const QString key = keyOf(context, uid);
        if (const FleetRow *row = KeyedTableModel::find(key)) {
            count(row->deployment, context, -1);
            removed << key;
        }
    }
    removeKeys(removed);
    // The latest value of each deployment (a batch may carry one twice), in the batch's order.
    QList<FleetRow> rows;
    rows.reserve(batch.upserted.size());
    QSet<QString> seen;
    for (auto it = batch.upserted.crbegin(); it != batch.upserted.crend(); ++it) {
        FleetRow row{keyOf(context, it->uid), context, *it};
        if (seen.contains(row.key))
            continue;
        seen.insert(row.key);
        if (const FleetRow *old = KeyedTableModel::find(row.key))
            count(old->deployment, context, -1);
        count(row.deployment, context, 1);
        rows.append(std::move(row));
    }
    std::reverse(rows.begin(), rows.end());
    upsert(rows);
    if ((!removed.isEmpty() || !rows.isEmpty()) && !m_countsTimer.isActive())
        m_countsTimer.start(); // not restarted while pending: a steady stream must not hold it off
}

void FleetModel::keepContexts(const QStringList &contexts)
{
    QStringList removed;
    for (const FleetRow &row : rows()) {
        if (!contexts.contains(row.context))
            removed << row.key;
    }
    removeKeys(removed);
    for (auto it = m_counts.begin(); it != m_counts.end();) {
        if (contexts.contains(it.key()))
            ++it;
        else
            it = m_counts.erase(it);
    }
    emit countsChanged();
}

void FleetModel::onContextState(const QString &context)
{
    // A context that is not live shows its last known rows dimmed, and its Context cell says why.
    if (rowCount() == 0)
        return;
    int first = -1;
    int last = -1;
    for (int row = 0; row < rowCount(); ++row) {
        if (at(row).context != context)
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1),
                         {Qt::ForegroundRole, Qt::DecorationRole, Qt::ToolTipRole});
    if (!m_countsTimer.isActive())
        m_countsTimer.start();
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FleetRow &row = at(index.row());
    switch (role) {
    case ContextRole:
        return row.context;
    case NamespaceRole:
        return row.deployment.ns;
    case NameRole:
        return row.deployment.name;
    case Qt::ForegroundRole:
        if (m_sessions && m_sessions->state(row.context) != SessionState::Live)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    default:
        break;
    }
    if (index.column() == Context) {
        switch (role) {
        case Qt::DisplayRole:
        case SortRole:
            return row.context;
        case Qt::ToolTipRole:
            if (m_sessions && m_sessions->state(row.context) != SessionState::Live)
                return tr("Context %1 is not live: the row shows the last known state.").arg(row.context);
            return tr("Context %1 (live)").arg(row.context);
        case Qt::DecorationRole: {
            if (!m_sessions)
                return {};
            const FleetSessions::Status status = m_sessions->status(row.context);
            QIcon &dot = m_dots[static_cast<int>(status)];
            if (dot.isNull())
                dot = StateIcons::dot(FleetSessions::statusColor(status));
            return dot;
        }
        case UidRole:
            return row.deployment.uid;
        case DisplayStateRole:
            return static_cast<int>(row.deployment.displayState());
        case FailingRole:
            return row.deployment.failure.failing;
        default:
            return {};
        }
    }
    const int column = deploymentColumn(index.column());
    const bool timed = role == Qt::DisplayRole
        && (column == DeploymentTableModel::LastSnapshot || column == DeploymentTableModel::Age);
    return DeploymentTableModel::cellData(
        row.deployment, column, role,
        timed ? ServerClock::nowOrLocal(m_sessions ? m_sessions->clock(row.context).get() : nullptr) : QDateTime(),
        false);
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == Context)
        return tr("Context");
    return DeploymentTableModel::columnTitle(deploymentColumn(section));
}

} // namespace capstan
