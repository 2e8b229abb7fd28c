#include "ui/relatedresourcesview.h"

#include "ui/models/deploymenttablemodel.h"
#include "ui/widgets/stateicons.h"

#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan {

namespace {
constexpr int kUidRole = Qt::UserRole;
}

RelatedResourcesView::RelatedResourcesView(QWidget *parent)
    : QWidget(parent)
    , m_sentence(new QLabel(this))
    , m_table(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("relatedResources"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sentence->setObjectName(QStringLiteral("relatedSentenceLabel"));
    m_sentence->setWordWrap(true);
    m_sentence->setTextFormat(Qt::RichText);
    m_sentence->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_sentence, &QLabel::linkActivated, this, &RelatedResourcesView::openRequested);
    layout->addWidget(m_sentence);
    m_table->setObjectName(QStringLiteral("relatedTable"));
    m_table->setAccessibleName(tr("Related resources"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("Name"), tr("Role"), tr("State"), tr("Job state"), tr("Started from savepoint")});
    m_table->header()->setStretchLastSection(true);
    m_table->setToolTip(tr("Double-click or press Enter to open"));
    connect(m_table, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item)
            emit openRequested(item->data(NameColumn, kUidRole).toString());
    });
    layout->addWidget(m_table);
    // A batch of list changes updates the view once.
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(0);
    connect(&m_updateTimer, &QTimer::timeout, this, &RelatedResourcesView::update);
    hide();
}

void RelatedResourcesView::setModel(const DeploymentTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &RelatedResourcesView::scheduleUpdate);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RelatedResourcesView::scheduleUpdate);
        connect(model, &QAbstractItemModel::modelReset, this, &RelatedResourcesView::scheduleUpdate);
        connect(model, &QAbstractItemModel::dataChanged, this, &RelatedResourcesView::scheduleUpdate);
    }
    scheduleUpdate();
}

void RelatedResourcesView::setDeployment(const Deployment &deployment)
{
    m_deployment = deployment;
    update();
}

QString RelatedResourcesView::sentence() const
{
    return m_sentence->text();
}

void RelatedResourcesView::scheduleUpdate()
{
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

QList<Deployment> RelatedResourcesView::listed() const
{
    QList<Deployment> out;
    if (!m_model)
        return out;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->at(row).ns == m_deployment.ns)
            out << m_model->at(row);
    }
    std::sort(out.begin(), out.end(), [](const Deployment &a, const Deployment &b) { return a.name < b.name; });
    return out;
}

QString RelatedResourcesView::link(const Deployment &d) const
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(d.uid, d.name.toHtmlEscaped());
}

void RelatedResourcesView::update()
{
    m_updateTimer.stop();
    m_table->clear();
    const Deployment &d = m_deployment;
    const QList<Deployment> all = d.uid.isEmpty() ? QList<Deployment>() : listed();
    const auto find = [&all](const QString &name, ResourceKind kind) -> const Deployment * {
        const auto it = std::find_if(all.cbegin(), all.cend(),
                                     [&](const Deployment &o) { return o.name == name && o.kind == kind; });
        return it == all.cend() ? nullptr : &*it;
    };
    QList<Deployment> rows;
    QString text;
    QHash<QString, QString> roles; // uid → role shown
    if (d.kind == ResourceKind::FlinkSessionJob) {
        const Deployment *cluster = find(d.sessionClusterName, ResourceKind::FlinkDeployment);
        text = cluster ? tr("Runs on session cluster %1 (%2).")
                             .arg(link(*cluster), DeploymentTableModel::stateText(cluster->displayState()))
                       : tr("Runs on session cluster %1, which is not listed in namespace %2: the operator cannot "
                            "submit the job until it exists.")
                             .arg(d.sessionClusterName.toHtmlEscaped(), d.ns.toHtmlEscaped());
        for (const Deployment &o : all) {
            if (o.kind == ResourceKind::FlinkSessionJob && o.sessionClusterName == d.sessionClusterName
                && o.uid != d.uid) {
                rows << o;
                roles.insert(o.uid, tr("Job on the same cluster"));
            }
        }
    } else if (d.kind == ResourceKind::FlinkDeployment && d.sessionCluster) {
        for (const Deployment &o : all) {
            if (o.kind == ResourceKind::FlinkSessionJob && o.sessionClusterName == d.name) {
                rows << o;
                roles.insert(o.uid, tr("Session job"));
            }
        }
        text = rows.isEmpty() ? tr("No session jobs run on this session cluster.")
                              : tr("%n session job(s) run on this session cluster.", nullptr, int(rows.size()));
    } else if (d.kind == ResourceKind::FlinkBlueGreenDeployment) {
        QList<Deployment> children;
        for (const Deployment &o : all) {
            if (o.kind == ResourceKind::FlinkDeployment && o.ownerKind == QLatin1String("FlinkBlueGreenDeployment")
                && o.ownerName == d.name)
                children << o;
        }
        // The state names the colour that is active (ACTIVE_BLUE) or being replaced (SAVEPOINTING_BLUE,
        // TRANSITIONING_TO_GREEN: blue still runs).
        const QString state = d.blueGreenState;
        QString activeColour;
        if (state.endsWith(QLatin1String("_BLUE")))
            activeColour
                = state == QLatin1String("TRANSITIONING_TO_BLUE") ? QStringLiteral("green") : QStringLiteral("blue");
        else if (state.endsWith(QLatin1String("_GREEN")))
            activeColour
                = state == QLatin1String("TRANSITIONING_TO_GREEN") ? QStringLiteral("blue") : QStringLiteral("green");
        const bool transition = state.startsWith(QLatin1String("TRANSITIONING_"))
            || state.startsWith(QLatin1String("SAVEPOINTING_")) || state == QLatin1String("INITIALIZING_BLUE");
        const Deployment *active = nullptr;
        const Deployment *incoming = nullptr;
        for (const Deployment &child : std::as_const(children)) {
            const bool isActive = !activeColour.isEmpty() && child.name.endsWith(QLatin1Char('-') + activeColour);
            if (isActive && state != QLatin1String("INITIALIZING_BLUE"))
                active = &child;
            else
                incoming = &child;
            roles.insert(child.uid,
                         isActive && state != QLatin1String("INITIALIZING_BLUE")
                             ? tr("Active")
                             : (transition ? tr("Taking over") : tr("Inactive")));
        }
        rows = children;
        QStringList parts;
        parts << tr("Blue/green state %1.").arg(state.isEmpty() ? tr("not yet reported") : state);
        if (active)
            parts << tr("Active child: %1.").arg(link(*active));
        if (transition && incoming)
            parts << tr("Transition in progress to %1.").arg(link(*incoming));
        else if (state.startsWith(QLatin1String("SAVEPOINTING_")))
            parts << tr("Transition in progress: the operator takes a savepoint of the active child.");
        const Deployment *handedTo = incoming ? incoming : active;
        if (handedTo && !handedTo->initialSavepointPath.isEmpty())
            parts << tr("Savepoint handed over to %1: %2.")
                         .arg(link(*handedTo), handedTo->initialSavepointPath.toHtmlEscaped());
        if (children.isEmpty())
            parts << tr("No child deployment is listed yet.");
        text = parts.join(QLatin1Char(' '));
    } else if (d.ownerKind == QLatin1String("FlinkBlueGreenDeployment")) {
        const Deployment *owner = find(d.ownerName, ResourceKind::FlinkBlueGreenDeployment);
        text = owner ? tr("A child of blue/green deployment %1 (%2), which creates, replaces and deletes it.")
                           .arg(link(*owner),
                                owner->blueGreenState.isEmpty() ? tr("state not yet reported") : owner->blueGreenState)
                     : tr("A child of blue/green deployment %1, which creates, replaces and deletes it.")
                           .arg(d.ownerName.toHtmlEscaped());
        if (!d.initialSavepointPath.isEmpty())
            text += QLatin1Char(' ') + tr("Started from savepoint %1.").arg(d.initialSavepointPath.toHtmlEscaped());
        if (owner) {
            rows << *owner;
            roles.insert(owner->uid, tr("Owner"));
        }
    }
    setVisible(!text.isEmpty());
    m_sentence->setText(text);
    m_table->setVisible(!rows.isEmpty());
    for (const Deployment &o : std::as_const(rows)) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(NameColumn, o.name);
        item->setData(NameColumn, kUidRole, o.uid);
        item->setText(RoleColumn, roles.value(o.uid));
        item->setText(StateColumn, DeploymentTableModel::stateText(o.displayState()));
        item->setIcon(StateColumn, StateIcons::icon(o.displayState()));
        item->setText(JobStateColumn, o.jobState);
        item->setText(SavepointColumn, o.initialSavepointPath);
        item->setToolTip(SavepointColumn, o.initialSavepointPath);
    }
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->resizeColumnToContents(column);
    // As tall as its rows (up to six), so the Overview below it stays in view.
    const int rowHeight = rows.isEmpty() ? 0 : m_table->sizeHintForRow(0);
    const int shownRows = std::min<int>(int(rows.size()), 6);
    m_table->setFixedHeight(m_table->header()->sizeHint().height() + shownRows * rowHeight + 2 * m_table->frameWidth()
                            + 2);
}

} // namespace capstan
