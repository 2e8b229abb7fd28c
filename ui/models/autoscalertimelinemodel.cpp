#include "ui/models/autoscalertimelinemodel.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace capstan {

using Kind = AutoscalerReport::Decision::Kind;

AutoscalerTimelineModel::AutoscalerTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AutoscalerTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_decisions.size());
}

int AutoscalerTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AutoscalerTimelineModel::kindText(Kind kind)
{
    switch (kind) {
    case Kind::ScaledUp:
        return tr("Scaled up");
    case Kind::ScaledDown:
        return tr("Scaled down");
    case Kind::Recommended:
        return tr("Recommended");
    case Kind::Limited:
        return tr("Limited");
    case Kind::Ineffective:
        return tr("Ineffective");
    case Kind::Blocked:
        return tr("Blocked");
    case Kind::Error:
        return tr("Error");
    case Kind::MemoryTuning:
        return tr("Memory tuning");
    case Kind::Reset:
        return tr("Reset");
    case Kind::Other:
        break;
    }
    return tr("Event");
}

QVariant AutoscalerTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_decisions.size())
        return {};
    const AutoscalerReport::Decision &d = m_decisions.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QLocale().toString(d.time.toLocalTime(), QLocale::ShortFormat);
        case Decision:
            return QString(kindText(d.kind) + QStringLiteral(": ") + d.title);
        case Why:
            return d.why;
        case Source:
            return d.source;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return index.column() == Time
            ? QLocale().toString(d.time.toUTC(), QLocale::LongFormat)
            : QVariant(QString(kindText(d.kind) + QStringLiteral(": ") + d.title + QStringLiteral("\n\n") + d.why));
    if (role == Qt::ForegroundRole && index.column() == Decision && d.warning) {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xb2, 0x6a, 0x00); // warning amber on either palette
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignLeft | Qt::AlignTop);
    return {};
}

QVariant AutoscalerTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Decision:
        return tr("Decision");
    case Why:
        return tr("Why");
    case Source:
        return tr("From");
    default:
        return {};
    }
}

void AutoscalerTimelineModel::setDecisions(const QList<AutoscalerReport::Decision> &decisions)
{
    beginResetModel();
    m_decisions = decisions;
    endResetModel();
}

} // namespace capstan
