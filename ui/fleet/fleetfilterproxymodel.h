#pragma once

#include <QSortFilterProxyModel>

namespace capstan {

// The Fleet's filter: a text matched against context, name, namespace, state, job state and upgrade
// mode, and optionally one context. Sorts by raw values (FleetModel::SortRole); grouped by context, the
// rows of each context stay together (contexts in ascending order) and sort within it.
class FleetFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetFilterProxyModel)

public:
    explicit FleetFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    // Empty: every context.
    void setContext(const QString &context);
    QString context() const { return m_context; }
    void setGrouped(bool grouped);
    bool isGrouped() const { return m_grouped; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_terms;
    QString m_context;
    bool m_grouped = false;
};

} // namespace capstan
