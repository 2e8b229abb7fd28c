#include "ui/models/deploymentfilterproxymodel.h"

#include "ui/models/deploymenttablemodel.h"

namespace capstan {

DeploymentFilterProxyModel::DeploymentFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DeploymentTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void DeploymentFilterProxyModel::setFilterText(const QString &text)
{
    m_terms = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

bool DeploymentFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    // Every term must match one of the text columns.
    static constexpr int columns[]
        = {DeploymentTableModel::Name,  DeploymentTableModel::Kind,     DeploymentTableModel::Namespace,
           DeploymentTableModel::State, DeploymentTableModel::JobState, DeploymentTableModel::UpgradeMode};
    for (const QString &term : m_terms) {
        bool matched = false;
        for (int column : columns) {
            const QString value = sourceModel()->index(sourceRow, column, sourceParent).data().toString();
            if (value.contains(term, Qt::CaseInsensitive)) {
                matched = true;
                break;
            }
        }
        if (!matched)
            return false;
    }
    return true;
}

} // namespace capstan
