#include "ui/widgets/podspanel.h"

#include "session/sessionhost.h"
#include "ui/logs/logview.h"
#include "ui/logs/logwindow.h"
#include "ui/models/podtablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace capstan {

PodsPanel::PodsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PodTableModel(this))
    , m_view(new QTableView(this))
    , m_detail(new QLabel(this))
    , m_logs(new QPushButton(tr("Open &Logs…"), this))
    , m_previous(new QPushButton(tr("P&revious Container Logs…"), this))
{
    setObjectName(QStringLiteral("podsTab"));
    m_view->setObjectName(QStringLiteral("podsTableView"));
    m_view->setAccessibleName(tr("Pods"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionResizeMode(PodTableModel::Explanation, QHeaderView::Stretch);
    const QFontMetrics fm = fontMetrics();
    const auto fit = [&](int column, const QString &widest) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(column, std::max(fm.horizontalAdvance(widest), fm.horizontalAdvance(header)) + 24);
    };
    fit(PodTableModel::Name, QStringLiteral("github-analytics-taskmanager-12-34"));
    // The widest texts as the model words them (in the language shown).
    fit(PodTableModel::Component, PodTableModel::tr("TaskManager"));
    fit(PodTableModel::Status, QStringLiteral("CrashLoopBackOff"));
    fit(PodTableModel::Ready, QStringLiteral("0/0"));
    fit(PodTableModel::Restarts, QStringLiteral("999"));
    fit(PodTableModel::Age, PodTableModel::tr("ended %1 ago").arg(QStringLiteral("59m")));
    fit(PodTableModel::Node, QStringLiteral("sandbox-worker-3"));
    fit(PodTableModel::LastTermination,
        PodTableModel::tr("%1, %2 ago")
            .arg(PodTableModel::tr("%1 (exit %2)").arg(QStringLiteral("OOMKilled"), QStringLiteral("137")),
                 QStringLiteral("59m")));

    m_detail->setObjectName(QStringLiteral("podDetailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_logs->setObjectName(QStringLiteral("openLogsButton"));
    m_previous->setObjectName(QStringLiteral("previousLogsButton"));
    m_previous->setToolTip(tr("The log of the container's run before its last restart"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_detail, 1);
    buttons->addWidget(m_previous, 0, Qt::AlignTop);
    buttons->addWidget(m_logs, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 6, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PodsPanel::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PodsPanel::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PodsPanel::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PodsPanel::updateSelection);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { openLogs(index.row()); });
    connect(m_logs, &QPushButton::clicked, this, [this] { openLogs(selectedRow()); });
    connect(m_previous, &QPushButton::clicked, this, [this] { openLogs(selectedRow(), true); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] { emit titleChanged(title()); });
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { emit titleChanged(title()); });
    // Ages move on while the tab is shown.
    auto *ages = new QTimer(this);
    ages->setInterval(15000);
    connect(ages, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_model->refreshAges();
    });
    ages->start();
    updateSelection();
}

// The log windows are children of the panel (top-level windows): they go with it.
PodsPanel::~PodsPanel() = default;

void PodsPanel::setSession(SessionHost *session)
{
    if (m_session)
        disconnect(m_session->session(), nullptr, this, nullptr);
    m_session = session;
    m_model->setClock(session ? session->clock() : nullptr);
    m_model->clear();
    if (!session)
        return;
    connect(session->session(), &ClusterSession::podsChanged, this, [this](const PodBatch &batch) {
        if (!m_uid.isEmpty() && batch.deploymentUid == m_uid)
            applyPods(batch);
    });
    connect(session->session(), &ClusterSession::obituariesChanged, this, [this](const ObituaryBatch &batch) {
        if (!m_uid.isEmpty() && batch.deploymentUid == m_uid)
            applyObituaries(batch);
    });
}

void PodsPanel::setDeployment(const Deployment &deployment)
{
    if (deployment.uid == m_uid)
        return;
    m_uid = deployment.uid;
    m_name = deployment.name;
    m_model->clear();
    emit obituariesChanged({});
}

QString PodsPanel::title() const
{
    const int gone = m_model->obituaryCount();
    // Obituaries: pods that are gone and containers that ended abnormally.
    return gone > 0 ? tr("Pods (%1, %2 ended)").arg(m_model->podCount()).arg(gone)
                    : tr("Pods (%1)").arg(m_model->podCount());
}

void PodsPanel::applyPods(const PodBatch &batch)
{
    m_model->applyPods(batch);
    // Open viewers follow their pod's containers and restarts.
    for (const Pod &pod : batch.upserted) {
        for (const QPointer<LogWindow> &window : std::as_const(m_windows)) {
            if (window && window->podName() == pod.name)
                window->setPod(pod);
        }
    }
}

void PodsPanel::applyObituaries(const ObituaryBatch &batch)
{
    m_model->applyObituaries(batch);
    emit obituariesChanged(m_model->obituaries());
}

int PodsPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void PodsPanel::updateSelection()
{
    const int row = selectedRow();
    const Pod *pod = m_model->pod(row);
    const Obituary *obituary = m_model->obituary(row);
    m_logs->setEnabled(pod || obituary);
    m_logs->setText(obituary ? tr("Recorded &Lines…") : tr("Open &Logs…"));
    const ContainerStatus *main = pod ? pod->mainContainer() : nullptr;
    const bool hasPrevious = main && (main->restartCount > 0 || main->lastState.kind != ContainerState::Kind::None);
    m_previous->setVisible(!obituary);
    m_previous->setEnabled(hasPrevious);
    if (pod) {
        const PodProblem problem = diagnosePod(*pod);
        QString text
            = problem.isNull() ? tr("%1 is %2.").arg(pod->name, PodTableModel::statusText(*pod)) : problem.explanation;
        if (!pod->unschedulableMessage.isEmpty())
            text += QLatin1Char('\n') + pod->unschedulableMessage;
        m_detail->setText(text);
    } else if (obituary) {
        QString text = obituary->explanation.isEmpty() ? obituary->markerLabel() : obituary->explanation;
        if (!obituary->message.isEmpty())
            text += QLatin1Char('\n') + obituary->message;
        m_detail->setText(text);
    } else {
        m_detail->setText(m_model->rowCount() == 0 ? tr("No pods: the deployment has none running (suspended, or not "
                                                        "deployed yet).")
                                                   : tr("Select a pod to read its logs."));
    }
}

LogWindow *PodsPanel::openLogs(int row, bool previous)
{
    LogWindow *window = nullptr;
    if (const Obituary *obituary = m_model->obituary(row)) {
        window = new LogWindow(*obituary, this);
    } else if (const Pod *pod = m_model->pod(row)) {
        // One viewer per pod: asking again brings it forward.
        for (const QPointer<LogWindow> &open : std::as_const(m_windows)) {
            if (open && open->podName() == pod->name) {
                if (previous != open->view()->previous())
                    open->view()->setPrevious(previous);
                open->show();
                open->raise();
                open->activateWindow();
                return open;
            }
        }
        window = new LogWindow(m_session, *pod, m_name, Pod::mainContainerName, previous, this);
    } else {
        return nullptr;
    }
    m_windows.removeAll(nullptr);
    m_windows.append(window);
    window->show();
    return window;
}

QList<LogWindow *> PodsPanel::logWindows() const
{
    QList<LogWindow *> out;
    for (const QPointer<LogWindow> &window : m_windows) {
        if (window)
            out.append(window);
    }
    return out;
}

} // namespace capstan
