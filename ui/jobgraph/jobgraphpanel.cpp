#include "ui/jobgraph/jobgraphpanel.h"

#include "flink/resourceunits.h"
#include "session/sessionhost.h"
#include "ui/jobgraph/graphtext.h"
#include "ui/jobgraph/jobgraphview.h"
#include "ui/models/subtasktablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace capstan {

JobGraphPanel::JobGraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new JobGraphView(this))
    , m_model(new SubtaskTableModel(this))
    , m_subtasks(new QTableView(this))
    , m_status(new QLabel(this))
    , m_message(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_fit(new QToolButton(this))
    , m_zoomIn(new QToolButton(this))
    , m_zoomOut(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobGraphTab"));
    m_status->setObjectName(QStringLiteral("jobGraphStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Fit the whole graph into view (0)"));
    m_zoomIn->setText(tr("Zoom In"));
    m_zoomIn->setToolTip(tr("Zoom in (+, or the mouse wheel)"));
    m_zoomOut->setText(tr("Zoom Out"));
    m_zoomOut->setToolTip(tr("Zoom out (-, or the mouse wheel)"));
    auto *legend = new QLabel(tr("Red: busy · amber: back-pressured · each box says it in words too"), this);
    legend->setForegroundRole(QPalette::PlaceholderText);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(legend);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomIn);
    bar->addWidget(m_fit);

    m_message->setObjectName(QStringLiteral("jobGraphMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 4, 0, 0);
    m_summary->setObjectName(QStringLiteral("vertexSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SubtaskTableModel::SortRole);
    m_subtasks->setObjectName(QStringLiteral("subtaskTableView"));
    m_subtasks->setAccessibleName(tr("Subtasks of the selected vertex"));
    m_subtasks->setModel(proxy);
    m_subtasks->setSortingEnabled(true);
    m_subtasks->sortByColumn(SubtaskTableModel::Subtask, Qt::AscendingOrder);
    m_subtasks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_subtasks->verticalHeader()->hide();
    m_subtasks->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_subtasks->horizontalHeader()->setStretchLastSection(true);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_subtasks, 1);

    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(details);
    // The graph gets most of the room; the subtasks a strip the user can pull up.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({700, 220});
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_fit, &QToolButton::clicked, m_view, [this] {
        m_view->fit();
        m_view->setFocus();
    });
    connect(m_zoomIn, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1.25); });
    connect(m_zoomOut, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1 / 1.25); });
    connect(m_view, &JobGraphView::vertexSelected, this, &JobGraphPanel::onVertexSelected);
    showMessage(tr("No job graph yet."));
    updateSummary();
}

JobGraphPanel::~JobGraphPanel()
{
    m_view->disconnect(this);
    if (m_session && m_watching)
        m_session->watchJobGraph(m_uid, false);
}

void JobGraphPanel::setSession(SessionHost *session)
{
    if (m_session) {
        disconnect(m_session->session(), nullptr, this, nullptr);
        if (m_watching)
            m_session->watchJobGraph(m_uid, false);
        m_watching = false;
    }
    m_session = session;
    if (session) {
        const BackendSession *s = session->session();
        connect(s, &ClusterSession::jobGraphChanged, this, [this](const QString &uid, const JobGraph &graph) {
            if (uid == m_uid)
                applyGraph(graph);
        });
        connect(s, &ClusterSession::vertexDetailsChanged, this,
                [this](const QString &uid, const VertexDetails &details) {
                    if (uid == m_uid)
                        applyDetails(details);
                });
        connect(s, &ClusterSession::jobManagerChanged, this, [this](const QString &uid, const JobManagerInfo &info) {
            if (uid == m_uid)
                applyJobManager(info);
        });
    }
    updateWatch();
}

void JobGraphPanel::setDeployment(const Deployment &deployment)
{
    if (deployment.uid == m_uid)
        return;
    if (m_session && m_watching)
        m_session->watchJobGraph(m_uid, false);
    m_watching = false;
    m_uid = deployment.uid;
    m_jobState.clear();
    m_restarts = -1;
    m_view->clear();
    m_model->clear();
    showMessage(tr("No job graph yet."));
    updateSummary();
    updateWatch();
}

void JobGraphPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateWatch();
}

void JobGraphPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateWatch();
}

void JobGraphPanel::updateWatch()
{
    const bool want = m_session && !m_uid.isEmpty() && isVisible();
    const QString vertex = m_view->selectedVertex();
    if (want == m_watching && (!want || vertex == m_watchedVertex))
        return;
    m_watching = want;
    m_watchedVertex = vertex;
    if (m_session && !m_uid.isEmpty())
        m_session->watchJobGraph(m_uid, want, vertex);
}

void JobGraphPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_status->setText(text);
}

void JobGraphPanel::applyJobManager(const JobManagerInfo &info)
{
    // Without a JobManager to ask, the last graph stays with a word about why it no longer moves.
    if (info.reachable) {
        m_jobState = info.jobState;
        m_restarts = info.numRestarts;
        return;
    }
    const QString why = info.error.message.isEmpty() ? tr("The JobManager cannot be reached.") : info.error.message;
    if (m_view->graph().isEmpty())
        showMessage(why);
    else
        m_status->setText(tr("%1 The graph shows the last figures read.").arg(why));
}

void JobGraphPanel::applyGraph(const JobGraph &graph)
{
    if (graph.isEmpty()) {
        showMessage(graph.error.isSet() ? tr("The job graph could not be read: %1").arg(graph.error.message)
                                        : tr("The job has no vertices yet."));
        return;
    }
    const bool first = m_view->graph().jobId != graph.jobId;
    m_view->setGraph(graph);
    m_stack->setCurrentWidget(m_view);
    if (first)
        m_view->fit();
    int pressured = 0;
    QString busiest;
    double busiestRatio = -1;
    for (const JobVertex &v : graph.vertices) {
        if (v.pressure() == JobVertex::Pressure::High)
            ++pressured;
        if (v.busyRatio > busiestRatio) {
            busiestRatio = v.busyRatio;
            busiest = v.name;
        }
    }
    QString text = tr("%1 · %n vertices", nullptr, int(graph.vertices.size())).arg(graph.jobName);
    // A job that is not running shows the figures its tasks last had: say which state it is in.
    if (!m_jobState.isEmpty() && m_jobState != QLatin1String("RUNNING"))
        text += tr(" · job %1").arg(m_jobState);
    if (m_restarts > 0)
        text += tr(" · %n restart(s)", nullptr, int(m_restarts));
    // The bottleneck in one phrase: the busiest vertex, when something upstream waits for it.
    if (pressured > 0 && busiestRatio >= 0.5)
        text += tr(" · %n back-pressured, likely bottleneck: %1 (busy %2)", nullptr, pressured)
                    .arg(busiest, GraphText::percent(busiestRatio));
    if (graph.error.isSet())
        text += tr(" · last poll failed: %1").arg(graph.error.message);
    m_status->setText(text);
    if (!m_model->details().vertexId.isEmpty() && graph.indexOf(m_model->details().vertexId) < 0)
        m_model->clear();
    updateSummary();
}

void JobGraphPanel::applyDetails(const VertexDetails &details)
{
    if (details.vertexId != m_view->selectedVertex())
        return; // an answer for a vertex no longer selected
    const qint64 nowMs = details.polledAt.isValid() ? details.polledAt.toMSecsSinceEpoch() : 0;
    m_model->setDetails(details, nowMs);
    updateSummary();
}

void JobGraphPanel::onVertexSelected(const QString &vertexId)
{
    if (vertexId != m_model->details().vertexId)
        m_model->clear();
    updateSummary();
    updateWatch();
}

void JobGraphPanel::updateSummary()
{
    const QString selected = m_view->selectedVertex();
    const int i = m_view->graph().indexOf(selected);
    if (i < 0) {
        m_summary->setText(m_view->graph().isEmpty() ? QString()
                                                     : tr("Select a vertex to see its subtasks, where they run and "
                                                          "their part of the latest checkpoint."));
        return;
    }
    const JobVertex &v = m_view->graph().vertices.at(i);
    QStringList parts{QStringLiteral("<b>%1</b>").arg(v.name.toHtmlEscaped())};
    if (v.parallelism > 0)
        parts << tr("parallelism %1").arg(v.parallelism)
                + (v.maxParallelism > 0 ? tr(" (max %1)").arg(v.maxParallelism) : QString());
    const QString load = GraphText::load(v);
    if (!load.isEmpty())
        parts << load.toHtmlEscaped();
    const VertexDetails &d = m_model->details();
    if (d.vertexId == selected) {
        if (d.checkpointId >= 0)
            parts << tr("checkpoint %1: %2 of state, %3 end to end, alignment up to %4")
                         .arg(d.checkpointId)
                         .arg(d.checkpointStateSize >= 0 ? ResourceUnits::formatBytes(d.checkpointStateSize)
                                                         : tr("unknown size"),
                              GraphText::duration(d.checkpointDurationMs),
                              d.alignmentDurationMs >= 0 ? GraphText::duration(d.alignmentDurationMs) : tr("—"));
        else
            parts << tr("no completed checkpoint yet");
        if (d.error.isSet())
            parts << tr("some details could not be read: %1").arg(d.error.message.toHtmlEscaped());
    }
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

QString JobGraphPanel::statusText() const
{
    return m_status->text();
}

QString JobGraphPanel::vertexSummary() const
{
    return m_summary->text();
}

} // namespace capstan
