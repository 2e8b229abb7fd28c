#include "ui/fleet/fleetfilterproxymodel.h"

#include "ui/fleet/fleetmodel.h"

namespace capstan {

FleetFilterProxyModel::FleetFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void FleetFilterProxyModel::setFilterText(const QString &text)
{
    m_terms = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void FleetFilterProxyModel::setContext(const QString &context)
{
    if (context == m_context)
        return;
    m_context = context;
    invalidateRowsFilter();
}

void FleetFilterProxyModel::setGrouped(bool grouped)
{
    if (grouped == m_grouped)
        return;
    m_grouped = grouped;
    invalidate();
}

bool FleetFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_context.isEmpty()
        && model->index(sourceRow, FleetModel::Context, sourceParent).data(FleetModel::ContextRole).toString()
            != m_context)
        return false;
    if (m_terms.isEmpty())
        return true;
    // Every term must match one of the text columns.
    static constexpr int columns[] = {FleetModel::Context,
                                      FleetModel::fleetColumn(DeploymentTableModel::Name),
                                      FleetModel::fleetColumn(DeploymentTableModel::Kind),
                                      FleetModel::fleetColumn(DeploymentTableModel::Namespace),
                                      FleetModel::fleetColumn(DeploymentTableModel::State),
                                      FleetModel::fleetColumn(DeploymentTableModel::JobState),
                                      FleetModel::fleetColumn(DeploymentTableModel::UpgradeMode)};
    for (const QString &term : m_terms) {
        bool matched = false;
        for (int column : columns) {
            if (model->index(sourceRow, column, sourceParent).data().toString().contains(term, Qt::CaseInsensitive)) {
                matched = true;
                break;
            }
        }
        if (!matched)
            return false;
    }
    return true;
}

bool FleetFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_grouped && left.column() != FleetModel::Context) {
        const int order = QString::compare(left.data(FleetModel::ContextRole).toString(),
                                           right.data(FleetModel::ContextRole).toString(), Qt::CaseInsensitive);
        if (order != 0) // contexts ascending whichever way the column sorts
            return sortOrder() == Qt::AscendingOrder ? order < 0 : order > 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace capstan
