#pragma once

#include <QSortFilterProxyModel>

namespace capstan {

// Filters events by type (empty = all), reason (empty = all) and a text matched against reason,
// message and source; newest first by default.
class EventFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterProxyModel)

public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setType(const QString &type);
    void setReason(const QString &reason);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_type;
    QString m_reason;
    QString m_text;
};

} // namespace capstan
