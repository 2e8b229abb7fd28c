#include "ui/models/activitymodel.h"

#include "actions/actiondescriptor.h"
#include "flink/deployment.h"

#include "ui/models/deploymenttablemodel.h"

#include <QApplication>
#include <QColor>
#include <QStyle>

namespace capstan {

namespace {
// Internal ids: 0 for top-level rows, row + 1 of the parent for step rows.
constexpr quintptr kTopLevel = 0;
} // namespace

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QModelIndex ActivityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_entries.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_entries.size())
        return {};
    if (row >= m_entries.at(parent.row()).steps.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex ActivityModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kTopLevel);
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_entries.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return static_cast<int>(m_entries.at(parent.row()).steps.size());
}

int ActivityModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString ActivityModel::stateText(const Entry &e) const
{
    if (!e.done)
        return tr("running…");
    switch (e.result.outcome) {
    case ActionResult::Outcome::Succeeded:
        return tr("succeeded");
    case ActionResult::Outcome::Failed:
        return tr("failed");
    case ActionResult::Outcome::Conflict:
        return tr("conflict");
    case ActionResult::Outcome::Refused:
        return tr("refused");
    case ActionResult::Outcome::Abandoned:
        return tr("abandoned");
    case ActionResult::Outcome::TimedOut:
        return tr("timed out");
    }
    return {};
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool step = index.internalId() != kTopLevel;
    const Entry &e = m_entries.at(step ? static_cast<int>(index.internalId() - 1) : index.row());
    if (role == ActionIdRole)
        return e.id;
    if (role == RunningRole)
        return !e.done;
    if (role == ReopenableRole)
        return reopenable(e);
    if (step) {
        const ActionStep &s = e.steps.at(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case What:
                return s.text;
            case State:
                switch (s.state) {
                case ActionStep::State::Running:
                    return tr("waiting…");
                case ActionStep::State::Done:
                    return tr("done");
                case ActionStep::State::Failed:
                    return tr("failed");
                case ActionStep::State::Skipped:
                    return tr("skipped");
                }
                break;
            case Elapsed:
                return DeploymentTableModel::ageText(s.elapsedMs / 1000);
            default:
                break;
            }
        }
        if (role == Qt::ForegroundRole && index.column() == State && s.state == ActionStep::State::Failed)
            return QColor(0xd3, 0x3a, 0x2c);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case What:
            return ActionDescriptor::of(e.kind).name();
        case Deployment:
            return e.deployment;
        case State:
            return stateText(e);
        case Elapsed:
            return DeploymentTableModel::ageText(e.elapsedMs / 1000);
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (e.done && !e.result.summary.isEmpty())
            return e.result.error.message.isEmpty() ? e.result.summary
                                                    : e.result.summary + QLatin1Char('\n') + e.result.error.toString();
        break;
    case Qt::DecorationRole:
        if (index.column() == What) {
            if (!e.done)
                return QApplication::style()->standardIcon(QStyle::SP_BrowserReload);
            return QApplication::style()->standardIcon(e.result.outcome == ActionResult::Outcome::Succeeded
                                                           ? QStyle::SP_DialogApplyButton
                                                           : QStyle::SP_MessageBoxWarning);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case What:
        return tr("Action");
    case Deployment:
        return tr("Deployment");
    case State:
        return tr("Outcome");
    case Elapsed:
        return tr("Elapsed");
    case ColumnCount:
        break;
    }
    return {};
}

void ActivityModel::started(const ActionRequest &request)
{
    Entry e;
    e.id = request.id;
    e.kind = request.kind;
    e.request = request;
    e.deploymentUid = request.deploymentUid;
    e.deployment = capstan::Deployment::keyOf(request.ns, request.name);
    e.started = QDateTime::currentDateTimeUtc();
    beginInsertRows({}, 0, 0);
    m_entries.prepend(e);
    m_rowById.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowById.insert(m_entries.at(row).id, row);
    endInsertRows();
}

void ActivityModel::progress(const ActionProgress &p)
{
    const int row = rowOf(p.id);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    const QModelIndex parentIndex = index(row, 0);
    const int before = static_cast<int>(e.steps.size());
    const int after = static_cast<int>(p.steps.size());
    // Existing steps change in place first, then new ones are inserted (or surplus ones removed),
    // so views never see rows change under an insertion.
    const int common = std::min(before, after);
    for (int i = 0; i < common; ++i)
        e.steps[i] = p.steps.at(i);
    if (after > before) {
        beginInsertRows(parentIndex, before, after - 1);
        for (int i = before; i < after; ++i)
            e.steps.append(p.steps.at(i));
        endInsertRows();
    } else if (after < before) {
        beginRemoveRows(parentIndex, after, before - 1);
        e.steps.resize(after);
        endRemoveRows();
    }
    e.elapsedMs = e.started.msecsTo(QDateTime::currentDateTimeUtc());
    if (common > 0)
        emit dataChanged(index(0, 0, parentIndex), index(common - 1, ColumnCount - 1, parentIndex));
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ActivityModel::finished(const ActionResult &result)
{
    const int row = rowOf(result.id);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    e.done = true;
    e.result = result;
    e.elapsedMs = e.started.msecsTo(QDateTime::currentDateTimeUtc());
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool ActivityModel::isRunning(quint64 id) const
{
    const int row = rowOf(id);
    return row >= 0 && !m_entries.at(row).done;
}

bool ActivityModel::hasRunningAction(const QString &deploymentUid) const
{
    for (const Entry &e : m_entries) {
        if (!e.done && e.deploymentUid == deploymentUid)
            return true;
    }
    return false;
}

QString ActivityModel::outcomeText(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? QString() : stateText(m_entries.at(row));
}

ActionRequest ActivityModel::request(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? ActionRequest() : m_entries.at(row).request;
}

bool ActivityModel::reopenable(const Entry &e)
{
    // Refusals and conflicts were answered in the dialog; abandoning was the user's own choice.
    return e.done && e.kind == ActionKind::Configure
        && (e.result.outcome == ActionResult::Outcome::Failed || e.result.outcome == ActionResult::Outcome::TimedOut)
        && !e.request.newSpec.isEmpty();
}

} // namespace capstan
