#include "ui/models/podtablemodel.h"

#include "kube/serverclock.h"

#include "ui/models/deploymenttablemodel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace capstan {

namespace {

QString componentText(PodComponent component)
{
    switch (component) {
    case PodComponent::JobManager:
        return PodTableModel::tr("JobManager");
    case PodComponent::TaskManager:
        return PodTableModel::tr("TaskManager");
    case PodComponent::Other:
        break;
    }
    return PodTableModel::tr("other");
}

QColor severityColor(PodProblem::Severity severity)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (severity) {
    case PodProblem::Severity::Error:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc4, 0x1e, 0x12);
    case PodProblem::Severity::Warning:
        return dark ? QColor(0xf0, 0xb0, 0x40) : QColor(0x9a, 0x52, 0x00);
    case PodProblem::Severity::Info:
    case PodProblem::Severity::None:
        break;
    }
    return {};
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

} // namespace

PodTableModel::PodTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int PodTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pods.size() + m_obituaries.size());
}

int PodTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void PodTableModel::setClock(std::shared_ptr<const ServerClock> clock)
{
    m_clock = std::move(clock);
    refreshAges();
}

void PodTableModel::refreshAges()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, Age), index(rowCount() - 1, LastTermination), {Qt::DisplayRole});
}

QDateTime PodTableModel::now() const
{
    return ServerClock::nowOrLocal(m_clock.get());
}

const Pod *PodTableModel::pod(int row) const
{
    return row >= 0 && row < podCount() ? &m_pods.at(row) : nullptr;
}

const Obituary *PodTableModel::obituary(int row) const
{
    const int i = row - podCount();
    return i >= 0 && i < obituaryCount() ? &m_obituaries.at(i) : nullptr;
}

int PodTableModel::rowOfPod(const QString &uid) const
{
    for (int row = 0; row < podCount(); ++row) {
        if (m_pods.at(row).uid == uid)
            return row;
    }
    return -1;
}

QString PodTableModel::statusText(const Pod &pod)
{
    if (pod.isTerminating())
        return tr("Terminating");
    if (!pod.reason.isEmpty())
        return pod.reason;
    for (const ContainerStatus &c : pod.initContainers) {
        if (c.state.isWaiting() && !c.state.reason.isEmpty() && c.state.reason != QLatin1String("PodInitializing"))
            return tr("Init:%1").arg(c.state.reason);
    }
    if (const ContainerStatus *main = pod.mainContainer()) {
        if ((main->state.isWaiting() || main->state.isTerminated()) && !main->state.reason.isEmpty())
            return main->state.reason;
    }
    if (pod.phase == QLatin1String("Pending") && !pod.unschedulableReason.isEmpty())
        return pod.unschedulableReason;
    return pod.phase;
}

QString PodTableModel::terminationText(const ContainerState &state, const QDateTime &now)
{
    if (!state.isTerminated())
        return {};
    QString text = state.reason.isEmpty() ? tr("exit %1").arg(state.exitCode)
                                          : tr("%1 (exit %2)").arg(state.reason).arg(state.exitCode);
    if (state.finishedAt.isValid())
        text = tr("%1, %2 ago").arg(text, DeploymentTableModel::ageText(state.finishedAt.secsTo(now)));
    return text;
}

QVariant PodTableModel::podData(const Pod &pod, int column, int role) const
{
    const ContainerStatus *main = pod.mainContainer();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Name:
            return pod.name;
        case Component:
            return componentText(pod.component);
        case Status:
            return statusText(pod);
        case Ready: {
            int ready = 0;
            for (const ContainerStatus &c : pod.containers)
                ready += c.ready ? 1 : 0;
            return QStringLiteral("%1/%2").arg(ready).arg(pod.containers.size());
        }
        case Restarts:
            return pod.restarts();
        case Age: {
            const QDateTime since = pod.startTime.isValid() ? pod.startTime : pod.created;
            return since.isValid() ? DeploymentTableModel::ageText(since.secsTo(now())) : QString();
        }
        case Node:
            return pod.node.isEmpty() ? tr("(not scheduled)") : pod.node;
        case LastTermination:
            if (main && main->state.isTerminated())
                return terminationText(main->state, now());
            return main ? terminationText(main->lastState, now()) : QString();
        case Explanation:
            return diagnosePod(pod).explanation;
        default:
            break;
        }
    } else if (role == SortRole) {
        switch (column) {
        case Restarts:
            return pod.restarts();
        case Age:
            return (pod.startTime.isValid() ? pod.startTime : pod.created).toMSecsSinceEpoch();
        default:
            return podData(pod, column, Qt::DisplayRole);
        }
    } else if (role == Qt::ToolTipRole) {
        const PodProblem problem = diagnosePod(pod);
        switch (column) {
        case Status:
        case Explanation:
            return problem.isNull() ? QVariant() : problem.explanation;
        case LastTermination:
            if (main && main->lastState.isTerminated())
                return tr("Container %1 ended %2: %3")
                    .arg(main->name, localTime(main->lastState.finishedAt),
                         explainContainerState(main->lastState, pod.component, main->name).explanation);
            break;
        case Age:
            return tr("Started %1").arg(localTime(pod.startTime.isValid() ? pod.startTime : pod.created));
        default:
            break;
        }
    } else if (role == Qt::ForegroundRole && (column == Status || column == Explanation)) {
        const QColor color = severityColor(diagnosePod(pod).severity);
        return color.isValid() ? QVariant(color) : QVariant();
    } else if (role == SeverityRole) {
        return int(diagnosePod(pod).severity);
    } else if (role == KeyRole) {
        return pod.uid;
    } else if (role == Qt::TextAlignmentRole && column == Restarts) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant PodTableModel::obituaryData(const Obituary &o, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Name:
            return o.podName;
        case Component:
            return componentText(o.component);
        case Status: {
            // A JobManager container restarts in its pod; a failed TaskManager's pod stays a while.
            const Pod *live = pod(rowOfPod(o.podUid));
            if (!live)
                return tr("Gone");
            return live->phase == QLatin1String("Failed") || live->phase == QLatin1String("Succeeded")
                ? tr("Ended")
                : tr("Restarted");
        }
        case Ready:
        case Restarts:
            return QString();
        case Age:
            return o.ended.isValid() ? tr("ended %1 ago").arg(DeploymentTableModel::ageText(o.ended.secsTo(now())))
                                     : QString();
        case Node:
            return o.node;
        case LastTermination:
            // When: the Age column ("ended 5m ago") and the tooltip.
            return o.exitCode >= 0 ? tr("%1 (exit %2)").arg(o.reason).arg(o.exitCode) : o.reason;
        case Explanation:
            return o.explanation;
        default:
            break;
        }
    } else if (role == SortRole) {
        if (column == Age)
            return o.ended.toMSecsSinceEpoch();
        return obituaryData(o, column, Qt::DisplayRole);
    } else if (role == Qt::ToolTipRole) {
        QStringList lines{(rowOfPod(o.podUid) >= 0 ? tr("%1 ended; its pod is still there. It ran from %2 to %3 on %4.")
                                                   : tr("%1 is gone. It ran from %2 to %3 on %4."))
                              .arg(o.podName, localTime(o.started), localTime(o.ended), o.node)};
        if (!o.message.isEmpty())
            lines << o.message;
        lines << (o.logTail.isEmpty()
                      ? tr("No log lines were recorded.")
                      : tr("%n log line(s) recorded: double-click to read them.", nullptr, int(o.logTail.size())));
        return lines.join(QLatin1Char('\n'));
    } else if (role == Qt::ForegroundRole) {
        // Greyed: these pods are history. The termination stays in its colour.
        if (column == LastTermination || column == Explanation) {
            const QColor color = severityColor(PodProblem::Severity::Error);
            if (o.reason != QLatin1String("Deleted") && o.reason != QLatin1String("Completed"))
                return color;
        }
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    } else if (role == Qt::FontRole && column == Name) {
        QFont font;
        font.setItalic(true);
        return font;
    } else if (role == SeverityRole) {
        return int(PodProblem::Severity::Error);
    } else if (role == KeyRole) {
        return o.key;
    }
    return {};
}

QVariant PodTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    if (role == IsObituaryRole)
        return isObituary(index.row());
    if (const Pod *p = pod(index.row()))
        return podData(*p, index.column(), role);
    return obituaryData(*obituary(index.row()), index.column(), role);
}

QVariant PodTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Pod");
    case Component:
        return tr("Role");
    case Status:
        return tr("Status");
    case Ready:
        return tr("Ready");
    case Restarts:
        return tr("Restarts");
    case Age:
        return tr("Age");
    case Node:
        return tr("Node");
    case LastTermination:
        return tr("Last termination");
    case Explanation:
        return tr("What it means");
    default:
        break;
    }
    return {};
}

bool PodTableModel::podBefore(const Pod &a, const Pod &b)
{
    // JobManager, TaskManagers, others; by name within each.
    const auto rank = [](PodComponent c) {
        return c == PodComponent::JobManager ? 0 : c == PodComponent::TaskManager ? 1 : 2;
    };
    if (rank(a.component) != rank(b.component))
        return rank(a.component) < rank(b.component);
    return a.name < b.name;
}

void PodTableModel::upsertPod(const Pod &p)
{
    const int row = rowOfPod(p.uid);
    if (row >= 0) {
        m_pods[row] = p;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const auto at = std::lower_bound(m_pods.cbegin(), m_pods.cend(), p, &PodTableModel::podBefore);
    const int insertRow = int(at - m_pods.cbegin());
    beginInsertRows({}, insertRow, insertRow);
    m_pods.insert(insertRow, p);
    endInsertRows();
    obituariesOfPodChanged(p.uid);
}

void PodTableModel::removePod(const QString &uid)
{
    const int row = rowOfPod(uid);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_pods.removeAt(row);
    endRemoveRows();
    obituariesOfPodChanged(uid);
}

void PodTableModel::obituariesOfPodChanged(const QString &podUid)
{
    for (int i = 0; i < obituaryCount(); ++i) {
        if (m_obituaries.at(i).podUid == podUid) {
            const int row = podCount() + i;
            emit dataChanged(index(row, Status), index(row, Status));
        }
    }
}

void PodTableModel::applyPods(const PodBatch &batch)
{
    if (batch.reset) {
        beginResetModel();
        m_pods = batch.upserted;
        std::sort(m_pods.begin(), m_pods.end(), &PodTableModel::podBefore);
        endResetModel();
    } else {
        for (const Pod &p : batch.upserted)
            upsertPod(p);
    }
    for (const QString &uid : batch.removed)
        removePod(uid);
}

void PodTableModel::applyObituaries(const ObituaryBatch &batch)
{
    const auto newestFirst = [](const Obituary &a, const Obituary &b) { return a.ended > b.ended; };
    if (batch.reset) {
        beginResetModel();
        m_obituaries = batch.obituaries;
        std::stable_sort(m_obituaries.begin(), m_obituaries.end(), newestFirst);
        endResetModel();
        return;
    }
    for (const Obituary &o : batch.obituaries) {
        const auto known = std::find_if(m_obituaries.begin(), m_obituaries.end(),
                                        [&](const Obituary &other) { return other.key == o.key; });
        if (known != m_obituaries.end()) {
            *known = o;
            const int row = podCount() + int(known - m_obituaries.begin());
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        const auto at = std::lower_bound(m_obituaries.cbegin(), m_obituaries.cend(), o, newestFirst);
        const int i = int(at - m_obituaries.cbegin());
        beginInsertRows({}, podCount() + i, podCount() + i);
        m_obituaries.insert(i, o);
        endInsertRows();
    }
}

void PodTableModel::clear()
{
    beginResetModel();
    m_pods.clear();
    m_obituaries.clear();
    endResetModel();
}

} // namespace capstan
