#include "ui/models/deploymenttablemodel.h"

#include "kube/serverclock.h"

#include "ui/widgets/stateicons.h"

namespace capstan {

DeploymentTableModel::DeploymentTableModel(QObject *parent)
    : KeyedTableModel(ColumnCount, parent)
{
    // Ages are relative to now: refresh that column only, twice a minute.
    m_ageTimer.setInterval(30000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, LastSnapshot), index(rowCount() - 1, Age), {Qt::DisplayRole});
    });
    m_ageTimer.start();
}

void DeploymentTableModel::setClock(std::shared_ptr<const ServerClock> clock)
{
    m_clock = std::move(clock);
    if (rowCount() > 0)
        emit dataChanged(index(0, LastSnapshot), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

QDateTime DeploymentTableModel::now() const
{
    return ServerClock::nowOrLocal(m_clock.get());
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

QString DeploymentTableModel::kindText(const Deployment &d)
{
    switch (d.kind) {
    case ResourceKind::FlinkSessionJob:
        return tr("Session job");
    case ResourceKind::FlinkBlueGreenDeployment:
        return tr("Blue/green");
    case ResourceKind::FlinkDeployment:
        break;
    }
    if (d.ownerKind == QLatin1String("FlinkBlueGreenDeployment"))
        return tr("Blue/green child");
    return d.sessionCluster ? tr("Session cluster") : tr("Application");
}

QVariant DeploymentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Deployment &d = at(index.row());
    // Only what needs the clock or the pins asks for them: sorting and filtering read other roles.
    const bool timed = role == Qt::DisplayRole && (index.column() == LastSnapshot || index.column() == Age);
    return cellData(d, index.column(), role, timed ? now() : QDateTime(),
                    role == Qt::DecorationRole || role == Qt::ToolTipRole ? isPinned(d) : false);
}

bool DeploymentTableModel::isNumeric(int column)
{
    return column == Parallelism || column == Age || column == Restarts || column == LastSnapshot;
}

QVariant DeploymentTableModel::cellData(const Deployment &d, int col, int role, const QDateTime &now, bool pinned)
{
    const auto column = static_cast<Column>(col);
    switch (role) {
    case UidRole:
        return d.uid;
    case DisplayStateRole:
        return static_cast<int>(d.displayState());
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return d.name;
        case Kind:
            return kindText(d);
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
            return d.lastSnapshot.time.isValid() ? ageText(d.lastSnapshot.time.secsTo(now)) : QString();
        case Restarts:
            return d.failure.restarts > 0 ? QVariant(d.failure.restarts) : QVariant(QString());
        case Age:
            return d.created.isValid() ? ageText(d.created.secsTo(now)) : QString();
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
            return d.lastSnapshot.time.isValid() ? -d.lastSnapshot.time.toSecsSinceEpoch() : 0;
        case Age:
            return d.created.isValid() ? -d.created.toSecsSinceEpoch() : 0; // ascending = youngest first
        default:
            return cellData(d, col, Qt::DisplayRole, now, pinned);
        }
    case Qt::DecorationRole:
        if (column == State)
            return StateIcons::icon(d.displayState());
        if (column == Name && d.failure.failing)
            return StateIcons::failingIcon();
        if (column == Name && pinned)
            return StateIcons::pinIcon();
        break;
    case Qt::ToolTipRole:
        if (column == Name && !d.failure.failing && pinned)
            return tr("Pinned: metrics are collected while its page is closed");
        if (column == Name && d.failure.failing)
            return d.failure.restarts > 0
                ? tr("Failing: %n restart(s) in the last %1 min. %2", nullptr, d.failure.restarts)
                      .arg(d.failure.windowMinutes)
                      .arg(d.failure.rootCause)
                : tr("Failing: %1").arg(d.failure.rootCause);
        if (column == Kind && d.kind == ResourceKind::FlinkSessionJob)
            return tr("Runs on session cluster %1").arg(d.sessionClusterName);
        if (column == Kind && d.kind == ResourceKind::FlinkBlueGreenDeployment)
            return tr("Blue/green state %1").arg(d.blueGreenState.isEmpty() ? tr("unknown") : d.blueGreenState);
        if (column == Kind && !d.ownerName.isEmpty())
            return tr("Owned by %1 %2").arg(d.ownerKind, d.ownerName);
        if (column == Restarts)
            return tr("Restarts observed in the last %1 minutes (JobManager numRestarts and restart events)")
                .arg(d.failure.windowMinutes);
        if (column == State)
            return tr("Lifecycle %1, job %2, JobManager %3")
                .arg(d.lifecycleState.isEmpty() ? tr("unknown") : d.lifecycleState,
                     d.jobState.isEmpty() ? tr("unknown") : d.jobState,
                     d.jobManagerStatus.isEmpty() ? tr("unknown") : d.jobManagerStatus);
        if (column == LastSnapshot && d.lastSnapshot.isValid())
            return tr("%1 %2, recorded in %3")
                .arg(d.lastSnapshot.kind == QLatin1String("checkpoint") ? tr("Checkpoint") : tr("Savepoint"),
                     d.lastSnapshot.path.isEmpty() ? tr("(location not recorded)") : d.lastSnapshot.path,
                     d.lastSnapshot.source);
        if (column == Age && d.created.isValid())
            return QLocale().toString(d.created.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (isNumeric(column))
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
    return columnTitle(section);
}

QVariant DeploymentTableModel::columnTitle(int column)
{
    switch (static_cast<Column>(column)) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
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

void DeploymentTableModel::applyBatch(const DeploymentBatch &batch)
{
    removeKeys(batch.removed);
    upsert(batch.upserted);
}

void DeploymentTableModel::clear()
{
    resetRows({});
}

void DeploymentTableModel::setPinned(const QSet<QString> &keys)
{
    if (keys == m_pinned)
        return;
    m_pinned = keys;
    if (rowCount() > 0)
        emit dataChanged(index(0, Name), index(rowCount() - 1, Name), {Qt::DecorationRole, Qt::ToolTipRole});
}

} // namespace capstan
