#include "ui/models/eventfilterproxymodel.h"

#include "ui/models/eventtablemodel.h"

namespace capstan {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EventTableModel::SortRole);
    setDynamicSortFilter(true);
}

void EventFilterProxyModel::setType(const QString &type)
{
    m_type = type;
    invalidateRowsFilter();
}

void EventFilterProxyModel::setReason(const QString &reason)
{
    m_reason = reason;
    invalidateRowsFilter();
}

void EventFilterProxyModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = static_cast<const EventTableModel *>(sourceModel());
    if (sourceParent.isValid() || sourceRow >= model->rowCount())
        return false;
    const ClusterEvent &e = model->event(sourceRow);
    if (!m_type.isEmpty() && e.type != m_type)
        return false;
    if (!m_reason.isEmpty() && e.reason != m_reason)
        return false;
    if (!m_text.isEmpty() && !e.message.contains(m_text, Qt::CaseInsensitive)
        && !e.reason.contains(m_text, Qt::CaseInsensitive) && !e.source.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace capstan
