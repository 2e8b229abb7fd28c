#include "ui/models/eventtablemodel.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QSet>
#include <QStyle>

namespace capstan {

EventTableModel::EventTableModel(QObject *parent)
    : KeyedTableModel(ColumnCount, parent)
{
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ClusterEvent &e = at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Time:
            return e.lastTimestamp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Type:
            return e.type;
        case Reason:
            return e.reason;
        case Message:
            return e.message.section(QLatin1Char('\n'), 0, 0);
        case Count:
            return e.count;
        case Source:
            return e.source;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case Time:
            return e.lastTimestamp.toMSecsSinceEpoch();
        case Count:
            return e.count;
        default:
            return data(index, Qt::DisplayRole);
        }
    case TypeRole:
        return e.type;
    case ReasonRole:
        return e.reason;
    case Qt::ToolTipRole:
        if (column == Message)
            return e.message;
        if (column == Time && e.firstTimestamp != e.lastTimestamp)
            return tr("First seen %1").arg(QLocale().toString(e.firstTimestamp.toLocalTime(), QLocale::ShortFormat));
        break;
    case Qt::DecorationRole:
        if (column == Type && e.isWarning())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        break;
    case Qt::FontRole:
        if (e.isWarning() && column == Reason) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == Count)
            return QVariant::fromValue<Qt::Alignment>(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case Reason:
        return tr("Reason");
    case Message:
        return tr("Message");
    case Count:
        return tr("Count");
    case Source:
        return tr("Source");
    case ColumnCount:
        break;
    }
    return {};
}

void EventTableModel::applyBatch(const EventBatch &batch)
{
    if (batch.reset) {
        resetRows(batch.upserted);
        return;
    }
    removeKeys(batch.removed);
    upsert(batch.upserted);
}

void EventTableModel::clear()
{
    applyBatch({{}, {}, {}, true});
}

QStringList EventTableModel::reasons() const
{
    QSet<QString> set;
    for (const ClusterEvent &e : rows())
        set.insert(e.reason);
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

QString EventTableModel::toTsv(const QList<int> &rows) const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int row : rows) {
        const ClusterEvent &e = at(row);
        QString message = e.message;
        message.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        lines << QStringList{e.lastTimestamp.toString(Qt::ISODate),
                             e.type,
                             e.reason,
                             message,
                             QString::number(e.count),
                             e.source}
                     .join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace capstan
