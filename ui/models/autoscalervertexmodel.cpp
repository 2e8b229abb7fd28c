#include "ui/models/autoscalervertexmodel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>

namespace capstan {

AutoscalerVertexModel::AutoscalerVertexModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AutoscalerVertexModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_vertices.size());
}

int AutoscalerVertexModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AutoscalerVertexModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_vertices.size())
        return {};
    const AutoscalerReport::Vertex &v = m_vertices.at(index.row());
    const auto count = [](int value) { return value > 0 ? QVariant(value) : QVariant(QStringLiteral("–")); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Vertex:
            return v.name;
        case Parallelism:
            return count(v.parallelism);
        case Recommended:
            if (v.recommended <= 0)
                return QStringLiteral("–");
            if (v.recommended == v.parallelism)
                return tr("%1 (as now)").arg(v.recommended);
            return v.recommended > v.parallelism ? tr("%1 ▲").arg(v.recommended) : tr("%1 ▼").arg(v.recommended);
        case MaxParallelism:
            if (v.autoscalerLimit > 0)
                return v.maxParallelism > 0 ? tr("%1 of %2").arg(v.autoscalerLimit).arg(v.maxParallelism)
                                            : QVariant(v.autoscalerLimit);
            return count(v.maxParallelism);
        case Load:
            return std::isfinite(v.load) ? QVariant(QLocale().toString(qRound(v.load * 100)) + QStringLiteral(" %"))
                                         : QVariant(QStringLiteral("–"));
        case ProcessingRate:
            return AutoscalerReport::rateText(v.trueProcessingRate);
        case TargetRate:
            return AutoscalerReport::rateText(v.targetDataRate);
        case Lag:
            if (!v.source)
                return QString();
            return std::isfinite(v.lag) ? QVariant(QLocale().toString(qint64(std::llround(v.lag))))
                                        : QVariant(QStringLiteral("–"));
        case Note:
            return v.note;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Vertex:
            return tr("%1\nVertex ID %2").arg(v.name, v.id);
        case Recommended:
            return tr("The parallelism the autoscaler set (its override) or, in advisory mode, recommends");
        case Load:
            return tr("Busy time of the vertex's subtasks, averaged over the metric window");
        case ProcessingRate:
            return tr("Records per second the vertex would process at full load (its true processing rate)");
        case TargetRate:
            return tr("Records per second arriving that the vertex must keep up with, including catching up on lag");
        case Lag:
            return tr("Records the source has not read yet (pending records)");
        case MaxParallelism: {
            QString tip = tr("Key groups or source partitions: the parallelism is kept to a divisor of it");
            if (v.autoscalerLimit > 0)
                tip = tr("The autoscaler scales this vertex to at most %1 (job.autoscaler.vertex.max-parallelism).")
                          .arg(v.autoscalerLimit)
                    + u'\n' + tip;
            return tip;
        }
        case Note:
            return v.note;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Vertex && index.column() != Note)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.column() == Recommended && v.recommended > 0 && v.recommended != v.parallelism) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole && index.column() == ProcessingRate && std::isfinite(v.trueProcessingRate)
        && std::isfinite(v.targetDataRate) && v.trueProcessingRate < v.targetDataRate) {
        // Cannot keep up: the red of errors elsewhere, readable on either palette.
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QVariant AutoscalerVertexModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Vertex:
        return tr("Vertex");
    case Parallelism:
        return tr("Parallelism");
    case Recommended:
        return tr("Autoscaler");
    case MaxParallelism:
        return tr("Max");
    case Load:
        return tr("Load");
    case ProcessingRate:
        return tr("True processing rate");
    case TargetRate:
        return tr("Target rate");
    case Lag:
        return tr("Lag");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

void AutoscalerVertexModel::setVertices(const QList<AutoscalerReport::Vertex> &vertices)
{
    const bool sameRows = vertices.size() == m_vertices.size()
        && std::equal(vertices.cbegin(), vertices.cend(), m_vertices.cbegin(),
                      [](const auto &a, const auto &b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_vertices = vertices;
        endResetModel();
        return;
    }
    m_vertices = vertices;
    if (!m_vertices.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace capstan
