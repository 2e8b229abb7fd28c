#include "ui/models/snapshottablemodel.h"

#include "kube/serverclock.h"

#include "ui/models/deploymenttablemodel.h"

#include <QColor>

namespace capstan {

SnapshotTableModel::SnapshotTableModel(QObject *parent)
    : KeyedTableModel(ColumnCount, parent)
{
}

void SnapshotTableModel::setClock(std::shared_ptr<const ServerClock> clock)
{
    m_clock = std::move(clock);
    if (rowCount() > 0)
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

QVariant SnapshotTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Snapshot &s = at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Type:
            if (s.origin == Snapshot::Origin::JobManager)
                return tr("Checkpoint %1 (latest)").arg(s.checkpointId);
            return s.type == QLatin1String("CHECKPOINT") ? tr("Checkpoint") : tr("Savepoint");
        case Trigger:
            if (s.trigger == QLatin1String("MANUAL"))
                return tr("manual");
            if (s.trigger == QLatin1String("PERIODIC"))
                return tr("periodic");
            if (s.trigger == QLatin1String("UPGRADE"))
                return tr("upgrade");
            return s.trigger.toLower();
        case State:
            return s.state;
        case Path:
            return s.path;
        case Time:
            return s.time.isValid() ? s.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
        case Age:
            return s.time.isValid()
                ? DeploymentTableModel::ageText(s.time.secsTo(ServerClock::nowOrLocal(m_clock.get())))
                : QString();
        case JobId:
            return s.jobId.left(8);
        case Retention:
            if (!m_restorePath.isEmpty() && s.path == m_restorePath)
                return tr("restores from here");
            if (m_nextCleanedUp.contains(s.key))
                return tr("cleaned up next");
            return QString();
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case Time:
        case Age:
            return s.time.isValid() ? s.time.toMSecsSinceEpoch() : 0;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (column == JobId)
            return s.jobId;
        if (column == State && !s.error.isEmpty())
            return s.error;
        if (column == Type && !s.name.isEmpty())
            return s.name;
        if (column == Path)
            return s.path;
        if (column == Retention && !m_restorePath.isEmpty() && s.path == m_restorePath)
            return tr("The deployment would restore from this snapshot at its next start or upgrade: it cannot be "
                      "deleted.");
        if (column == Retention && m_nextCleanedUp.contains(s.key))
            return tr("The operator deletes this snapshot at its next cleanup (history count or age).");
        break;
    case Qt::ForegroundRole:
        if (column == State && s.state == QLatin1String("FAILED"))
            return QColor(0xd3, 0x3a, 0x2c);
        break;
    default:
        break;
    }
    return {};
}

QStringList SnapshotTableModel::widestTexts(Column column)
{
    switch (column) {
    case Type:
        return {tr("Checkpoint %1 (latest)").arg(99999), tr("Checkpoint"), tr("Savepoint")};
    case Trigger:
        return {tr("manual"), tr("periodic"), tr("upgrade")};
    case Retention:
        return {tr("restores from here"), tr("cleaned up next")};
    case Age:
        return {DeploymentTableModel::ageText(119), DeploymentTableModel::ageText(119 * 60),
                DeploymentTableModel::ageText(47 * 3600), DeploymentTableModel::ageText(999 * 86400)};
    default:
        return {};
    }
}

QVariant SnapshotTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Type:
        return tr("Type");
    case Trigger:
        return tr("Trigger");
    case State:
        return tr("State");
    case Path:
        return tr("Path");
    case Time:
        return tr("Time");
    case Age:
        return tr("Age");
    case JobId:
        return tr("Job");
    case Retention:
        return tr("Retention");
    case ColumnCount:
        break;
    }
    return {};
}

void SnapshotTableModel::setRetention(const QSet<QString> &nextCleanedUp, const QString &restorePath)
{
    if (nextCleanedUp == m_nextCleanedUp && restorePath == m_restorePath)
        return;
    m_nextCleanedUp = nextCleanedUp;
    m_restorePath = restorePath;
    if (rowCount() > 0)
        emit dataChanged(index(0, Retention), index(rowCount() - 1, Retention), {Qt::DisplayRole, Qt::ToolTipRole});
}

void SnapshotTableModel::applyBatch(const SnapshotBatch &batch)
{
    if (batch.reset)
        resetRows({});
    removeKeys(batch.removed);
    upsert(batch.upserted);
}

void SnapshotTableModel::clear()
{
    applyBatch({{}, {}, {}, true});
}

} // namespace capstan
