#include "ui/fleet/fleetview.h"

#include "ui/fleet/fleetfilterproxymodel.h"
#include "ui/fleet/fleetmodel.h"
#include "ui/fleet/fleetsessions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTextDocument>
#include <QToolTip>
#include <QVBoxLayout>

namespace capstan {

namespace {
const QString kGroupedKey = QStringLiteral("fleet/grouped");
} // namespace

FleetView::FleetView(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new FleetFilterProxyModel(this))
    , m_contextsButton(new QPushButton(this))
    , m_contextCombo(new QComboBox(this))
    , m_groupCheck(new QCheckBox(tr("&Group by context"), this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("fleetView"));
    m_contextsButton->setObjectName(QStringLiteral("fleetContextsButton"));
    m_contextsButton->setText(tr("&Watched Contexts"));
    m_contextsButton->setToolTip(tr("Choose the contexts the Fleet watches"));
    m_contextsButton->setAccessibleName(tr("Watched contexts"));
    m_contextsButton->setMenu(new QMenu(m_contextsButton));

    auto *contextLabel = new QLabel(tr("&Show:"), this);
    contextLabel->setBuddy(m_contextCombo);
    m_contextCombo->setObjectName(QStringLiteral("fleetContextComboBox"));
    m_contextCombo->setAccessibleName(tr("Context shown"));
    m_contextCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_contextCombo->setMinimumContentsLength(14);
    m_contextCombo->addItem(tr("All contexts"), QString());

    m_groupCheck->setObjectName(QStringLiteral("fleetGroupCheckBox"));
    m_groupCheck->setChecked(QSettings().value(kGroupedKey, true).toBool());
    m_proxy->setGrouped(m_groupCheck->isChecked());

    m_filter->setObjectName(QStringLiteral("fleetFilterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter the fleet…"));
    m_filter->setAccessibleName(tr("Filter the fleet"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(220);

    m_summary->setObjectName(QStringLiteral("fleetSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_summary->setAccessibleName(tr("Contexts of the fleet"));
    m_summary->setContentsMargins(2, 2, 2, 2);

    m_proxy->setObjectName(QStringLiteral("fleetProxyModel"));
    m_table->setObjectName(QStringLiteral("fleetTableView"));
    m_table->setAccessibleName(tr("Deployments of every watched context"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: no per-row measuring
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);

    m_countLabel->setObjectName(QStringLiteral("fleetCountLabel"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_contextsButton);
    bar->addSpacing(8);
    bar->addWidget(contextLabel);
    bar->addWidget(m_contextCombo);
    bar->addWidget(m_groupCheck);
    bar->addStretch(1);
    bar->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_countLabel);

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(100);
    connect(&m_summaryTimer, &QTimer::timeout, this, &FleetView::updateSummary);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateCount();
    });
    // Enter in the filter goes on to the rows it narrowed.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_table->setFocus(Qt::OtherFocusReason);
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, FleetModel::fleetColumn(DeploymentTableModel::Name)));
    });
    connect(m_contextCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setContext(m_contextCombo->currentData().toString());
        updateCount();
    });
    connect(m_groupCheck, &QCheckBox::toggled, this, [this](bool grouped) {
        m_proxy->setGrouped(grouped);
        QSettings().setValue(kGroupedKey, grouped);
    });
    // A context's name in the strip shows only that context; its tooltip says the whole reason.
    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &link) {
        const int index = m_contextCombo->findData(link);
        m_contextCombo->setCurrentIndex(index < 0 ? 0 : index);
    });
    connect(m_summary, &QLabel::linkHovered, this, [this](const QString &link) {
        if (link.isEmpty() || !m_sessions)
            return;
        QString tip = contextSummary(link);
        const QString reason = m_sessions->reason(link);
        if (!reason.isEmpty() && !tip.contains(reason))
            tip += QLatin1Char('\n') + reason;
        QToolTip::showText(QCursor::pos(), tip, m_summary);
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        emit openRequested(index.data(FleetModel::ContextRole).toString(),
                           index.data(FleetModel::NamespaceRole).toString(),
                           index.data(FleetModel::NameRole).toString());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FleetView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FleetView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FleetView::updateCount);
    updateSummary();
    updateCount();
}

void FleetView::setSessions(FleetSessions *sessions)
{
    if (m_sessions || !sessions)
        return;
    m_sessions = sessions;
    m_model = new FleetModel(sessions, this);
    m_model->setObjectName(QStringLiteral("fleetModel"));
    m_proxy->setSourceModel(m_model);
    m_table->sortByColumn(FleetModel::fleetColumn(DeploymentTableModel::Name), Qt::AscendingOrder);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(FleetModel::fleetColumn(DeploymentTableModel::Name), QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    const std::pair<int, int> widths[] = {{FleetModel::Context, 18},
                                          {FleetModel::fleetColumn(DeploymentTableModel::Kind), 13},
                                          {FleetModel::fleetColumn(DeploymentTableModel::Namespace), 14},
                                          {FleetModel::fleetColumn(DeploymentTableModel::State), 15},
                                          {FleetModel::fleetColumn(DeploymentTableModel::JobState), 13},
                                          {FleetModel::fleetColumn(DeploymentTableModel::Parallelism), 11},
                                          {FleetModel::fleetColumn(DeploymentTableModel::UpgradeMode), 13},
                                          {FleetModel::fleetColumn(DeploymentTableModel::FlinkVersion), 12},
                                          {FleetModel::fleetColumn(DeploymentTableModel::LastSnapshot), 13},
                                          {FleetModel::fleetColumn(DeploymentTableModel::Restarts), 9},
                                          {FleetModel::fleetColumn(DeploymentTableModel::Age), 7}};
    for (const auto &[column, chars] : widths)
        m_table->setColumnWidth(column, chars * charWidth + 24);
    connect(m_model, &FleetModel::countsChanged, this, &FleetView::scheduleSummary);
    connect(sessions, &FleetSessions::contextStateChanged, this, &FleetView::scheduleSummary);
    connect(sessions, &FleetSessions::contextsChanged, this, [this] {
        updateContextItems();
        rebuildContextsMenu();
        scheduleSummary();
    });
    updateContextItems();
    rebuildContextsMenu();
    updateSummary();
}

void FleetView::scheduleSummary()
{
    // Not restarted while pending: under a steady stream of changes it must still fire.
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
}

void FleetView::rebuildContextsMenu()
{
    // Built once from the kubeconfig; later only the checks follow the sessions (an action may be the one
    // whose toggle changed them).
    QMenu *menu = m_contextsButton->menu();
    if (!m_sessions)
        return;
    const QStringList watched = m_sessions->contexts();
    if (menu->isEmpty()) {
        for (const KubeContext &c : m_sessions->config().contexts) {
            QAction *action = menu->addAction(c.name);
            action->setCheckable(true);
            action->setData(c.name);
            connect(action, &QAction::toggled, this, [this, name = c.name](bool on) { setWatched(name, on); });
        }
    }
    for (QAction *action : menu->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(watched.contains(action->data().toString()));
    }
}

void FleetView::setWatched(const QString &context, bool watched)
{
    if (!m_sessions)
        return;
    QStringList contexts = m_sessions->contexts();
    if (watched == contexts.contains(context))
        return;
    if (watched) {
        // In the kubeconfig's order.
        QStringList ordered;
        for (const KubeContext &c : m_sessions->config().contexts) {
            if (contexts.contains(c.name) || c.name == context)
                ordered << c.name;
        }
        contexts = ordered;
    } else {
        contexts.removeAll(context);
    }
    FleetSessions::saveWatchedContexts(contexts);
    m_sessions->setContexts(contexts);
}

void FleetView::updateContextItems()
{
    const QString current = m_contextCombo->currentData().toString();
    const QSignalBlocker blocker(m_contextCombo);
    while (m_contextCombo->count() > 1)
        m_contextCombo->removeItem(1);
    if (m_sessions) {
        for (const QString &context : m_sessions->contexts())
            m_contextCombo->addItem(context, context);
    }
    const int index = m_contextCombo->findData(current);
    m_contextCombo->setCurrentIndex(index < 0 ? 0 : index);
    m_proxy->setContext(m_contextCombo->currentData().toString());
    updateCount();
}

QString FleetView::contextSummary(const QString &context) const
{
    if (!m_sessions)
        return {};
    const FleetSessions::Status status = m_sessions->status(context);
    const FleetModel::Counts counts = m_model ? m_model->counts(context) : FleetModel::Counts();
    QString text;
    switch (status) {
    case FleetSessions::Status::Live: {
        if (counts.total == 0) {
            text = m_sessions->onlyNamespace(context).isEmpty()
                ? tr("no deployments")
                : tr("no deployments (namespace %1 only)").arg(m_sessions->onlyNamespace(context));
            break;
        }
        QStringList parts{tr("%n running", nullptr, counts.running)};
        if (counts.failing > 0)
            parts << tr("%n failing", nullptr, counts.failing);
        const int other = counts.total - counts.running - counts.failing;
        if (other > 0)
            parts << tr("%n other", nullptr, other);
        text = parts.join(QStringLiteral(", "));
        if (const QString ns = m_sessions->onlyNamespace(context); !ns.isEmpty())
            text = tr("%1 (namespace %2 only)").arg(text, ns);
        break;
    }
    case FleetSessions::Status::Connecting:
        text = FleetSessions::statusText(status);
        break;
    default: {
        const QString brief = briefReason(context);
        text = brief.isEmpty() ? FleetSessions::statusText(status)
                               : tr("%1 (%2)").arg(FleetSessions::statusText(status), brief);
        if (counts.total > 0)
            text += tr(" – %n deployment(s) last known", nullptr, counts.total);
        break;
    }
    }
    return tr("%1: %2").arg(context, text);
}

QString FleetView::briefReason(const QString &context) const
{
    // Short enough for the strip; the link's tooltip has all of it.
    const Error error = m_sessions->error(context);
    switch (m_sessions->status(context)) {
    case FleetSessions::Status::Forbidden:
        return m_sessions->onlyNamespace(context).isEmpty()
            ? tr("may not list FlinkDeployments in all namespaces")
            : tr("may not list FlinkDeployments in namespace %1 either").arg(m_sessions->onlyNamespace(context));
    case FleetSessions::Status::SignInRequired:
        if (error.reason == QLatin1String("SignInRequired"))
            return error.message.section(QLatin1Char(';'), 0, 0);
        return tr("credentials refused");
    case FleetSessions::Status::Unreachable:
    case FleetSessions::Status::Reconnecting:
        // "Cannot reach the API server at URL: Connection refused": what happened, not where.
        if (error.reason == QLatin1String("ConnectionFailed") && error.message.contains(QLatin1String(": ")))
            return error.message.section(QStringLiteral(": "), 1).simplified();
        break;
    default:
        break;
    }
    QString brief = m_sessions->reason(context).section(QStringLiteral(". "), 0, 0);
    if (brief.size() > 80)
        brief = brief.left(78) + QStringLiteral("…");
    return brief;
}

void FleetView::updateSummary()
{
    if (!m_sessions || m_sessions->contexts().isEmpty()) {
        m_summary->setText(m_sessions ? tr("No context is watched: choose some under Watched Contexts.")
                                      : tr("The Fleet starts when it is first shown."));
        return;
    }
    QStringList parts;
    for (const QString &context : m_sessions->contexts()) {
        const FleetSessions::Status status = m_sessions->status(context);
        const QString summary = contextSummary(context);
        const QString rest = summary.mid(context.size());
        parts << QStringLiteral("<span style=\"color:%1\">●</span>&nbsp;<a href=\"%2\">%3</a>%4")
                     .arg(FleetSessions::statusColor(status).name(), context.toHtmlEscaped(), context.toHtmlEscaped(),
                          rest.toHtmlEscaped());
    }
    m_summary->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

QString FleetView::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

void FleetView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model ? m_model->rowCount() : 0;
    const int contexts = m_sessions ? int(m_sessions->contexts().size()) : 0;
    const QString deployments = shown == total ? tr("%n deployment(s)", nullptr, total)
                                               : tr("%1 of %n deployment(s)", nullptr, total).arg(shown);
    m_countLabel->setText(tr("%1 in %n context(s)", nullptr, contexts).arg(deployments));
}

} // namespace capstan
