#pragma once

#include <QSortFilterProxyModel>

namespace capstan {

// Filters deployments by a text matched against name, namespace, state and job state, and sorts
// by raw values (DeploymentTableModel::SortRole).
class DeploymentFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentFilterProxyModel)

public:
    explicit DeploymentFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_terms;
};

} // namespace capstan
