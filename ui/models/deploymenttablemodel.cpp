#include "ui/models/deploymenttablemodel.h"

#include "ui/widgets/stateicons.h"

namespace capstan {

DeploymentTableModel::DeploymentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Ages are relative to now: refresh that column only, twice a minute.
    m_ageTimer.setInterval(30000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, LastSnapshot), index(rowCount() - 1, Age), {Qt::DisplayRole});
    });
    m_ageTimer.start();
}

int DeploymentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DeploymentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeploymentTableModel::ageText(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return tr("%1s").arg(seconds);
    if (seconds < 7200)
        return tr("%1m").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1h").arg(seconds / 3600);
    return tr("%1d").arg(seconds / 86400);
}

QString DeploymentTableModel::stateText(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return tr("Running");
    case DisplayState::Transitioning:
        return tr("Transitioning");
    case DisplayState::Suspended:
        return tr("Suspended");
    case DisplayState::Cancelled:
        return tr("Cancelled");
    case DisplayState::Failed:
        return tr("Failed");
    case DisplayState::Finished:
        return tr("Finished");
    case DisplayState::Unknown:
        break;
    }
    return tr("Unknown");
}

QVariant DeploymentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Deployment &d = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case UidRole:
        return d.uid;
    case DisplayStateRole:
        return static_cast<int>(d.displayState());
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return d.name;
        case Namespace:
            return d.ns;
        case State:
            return stateText(d.displayState());
        case JobState:
            return d.sessionCluster ? tr("session cluster") : d.jobState;
        case Parallelism:
            return d.parallelism > 0 ? QVariant(d.parallelism) : QVariant(QString());
        case UpgradeMode:
            return d.upgradeMode;
        case FlinkVersion:
            return d.flinkVersion;
        case LastSnapshot:
            return d.lastSnapshot.isValid() ? ageText(d.lastSnapshot.secsTo(QDateTime::currentDateTimeUtc()))
                                            : QString();
        case Restarts:
            return d.failure.restarts > 0 ? QVariant(d.failure.restarts) : QVariant(QString());
        case Age:
            return d.created.isValid() ? ageText(d.created.secsTo(QDateTime::currentDateTimeUtc())) : QString();
        case ColumnCount:
            break;
        }
        break;
    case FailingRole:
        return d.failure.failing;
    case SortRole:
        switch (column) {
        case State:
            return static_cast<int>(d.displayState());
        case Parallelism:
            return d.parallelism;
        case Restarts:
            return d.failure.restarts;
        case LastSnapshot:
            return d.lastSnapshot.isValid() ? -d.lastSnapshot.toSecsSinceEpoch() : 0;
        case Age:
            return d.created.isValid() ? -d.created.toSecsSinceEpoch() : 0; // ascending = youngest first
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DecorationRole:
        if (column == State)
            return StateIcons::icon(d.displayState());
        if (column == Name && d.failure.failing)
            return StateIcons::failingIcon();
        break;
    case Qt::ToolTipRole:
        if (column == Name && d.failure.failing)
            return tr("Failing: %n restart(s) in the last %1 min. %2", nullptr, d.failure.restarts)
                .arg(d.failure.windowMinutes)
                .arg(d.failure.rootCause);
        if (column == Restarts)
            return tr("Restarts observed in the last %1 minutes (JobManager numRestarts and restart events)")
                .arg(d.failure.windowMinutes);
        if (column == State)
            return tr("Lifecycle %1, job %2, JobManager %3")
                .arg(d.lifecycleState.isEmpty() ? tr("unknown") : d.lifecycleState,
                     d.jobState.isEmpty() ? tr("unknown") : d.jobState,
                     d.jobManagerStatus.isEmpty() ? tr("unknown") : d.jobManagerStatus);
        if (column == Age && d.created.isValid())
            return QLocale().toString(d.created.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (column == Parallelism || column == Age || column == Restarts || column == LastSnapshot)
            return QVariant::fromValue<Qt::Alignment>(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant DeploymentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Name:
        return tr("Name");
    case Namespace:
        return tr("Namespace");
    case State:
        return tr("State");
    case JobState:
        return tr("Job state");
    case Parallelism:
        return tr("Parallelism");
    case UpgradeMode:
        return tr("Upgrade mode");
    case FlinkVersion:
        return tr("Flink version");
    case LastSnapshot:
        return tr("Last snapshot");
    case Restarts:
        return tr("Restarts");
    case Age:
        return tr("Age");
    case ColumnCount:
        break;
    }
    return {};
}

const Deployment *DeploymentTableModel::deployment(const QString &uid) const
{
    const int row = m_rowByUid.value(uid, -1);
    return row < 0 ? nullptr : &m_rows.at(row);
}

void DeploymentTableModel::removeRow(int row)
{
    // Move the last row into the hole: O(1) and the hash stays valid for every other row.
    const int last = static_cast<int>(m_rows.size()) - 1;
    m_rowByUid.remove(m_rows.at(row).uid);
    if (row != last) {
        m_rows[row] = m_rows.at(last);
        m_rowByUid.insert(m_rows.at(row).uid, row);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    beginRemoveRows({}, last, last);
    m_rows.removeLast();
    endRemoveRows();
}

void DeploymentTableModel::applyBatch(const DeploymentBatch &batch)
{
    for (const QString &uid : batch.removed) {
        const int row = m_rowByUid.value(uid, -1);
        if (row >= 0)
            removeRow(row);
    }
    QList<Deployment> added;
    for (const Deployment &d : batch.upserted) {
        const int row = m_rowByUid.value(d.uid, -1);
        if (row < 0) {
            added.append(d);
            continue;
        }
        m_rows[row] = d;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const Deployment &d : std::as_const(added)) {
            m_rowByUid.insert(d.uid, static_cast<int>(m_rows.size()));
            m_rows.append(d);
        }
        endInsertRows();
    }
}

void DeploymentTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowByUid.clear();
    endResetModel();
}

} // namespace capstan
