#include "ui/autoscaler/autoscalerpanel.h"

#include "kube/serverclock.h"
#include "session/sessionhost.h"
#include "ui/models/autoscalertimelinemodel.h"
#include "ui/models/autoscalervertexmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace capstan {

AutoscalerPanel::AutoscalerPanel(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_vertexModel(new AutoscalerVertexModel(this))
    , m_timelineModel(new AutoscalerTimelineModel(this))
    , m_vertices(new QTableView(this))
    , m_timeline(new QTableView(this))
{
    setObjectName(QStringLiteral("autoscalerTab"));
    m_mode->setObjectName(QStringLiteral("autoscalerMode"));
    m_mode->setWordWrap(true);
    m_mode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->setObjectName(QStringLiteral("autoscalerState"));
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("autoscalerSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_mode, 1);
    top->addLayout(m_buttons);

    m_vertices->setObjectName(QStringLiteral("autoscalerVertexView"));
    m_vertices->setAccessibleName(tr("Vertices as the autoscaler sees them"));
    m_vertices->setModel(m_vertexModel);
    m_vertices->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_vertices->verticalHeader()->hide();
    m_vertices->setWordWrap(false);
    m_vertices->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_vertices->horizontalHeader()->setSectionResizeMode(AutoscalerVertexModel::Vertex, QHeaderView::Interactive);
    m_vertices->horizontalHeader()->setStretchLastSection(true);
    // Vertex names are the chained operators' names, long by nature: room for the usual ones.
    m_vertices->setColumnWidth(AutoscalerVertexModel::Vertex, 320);

    m_timeline->setObjectName(QStringLiteral("autoscalerTimelineView"));
    m_timeline->setAccessibleName(tr("The autoscaler's decisions, newest first"));
    m_timeline->setModel(m_timelineModel);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->verticalHeader()->hide();
    m_timeline->setWordWrap(true);
    m_timeline->horizontalHeader()->setSectionResizeMode(AutoscalerTimelineModel::Time, QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setSectionResizeMode(AutoscalerTimelineModel::Decision, QHeaderView::Interactive);
    m_timeline->horizontalHeader()->setSectionResizeMode(AutoscalerTimelineModel::Why, QHeaderView::Stretch);
    m_timeline->horizontalHeader()->setSectionResizeMode(AutoscalerTimelineModel::Source,
                                                         QHeaderView::ResizeToContents);
    m_timeline->setColumnWidth(AutoscalerTimelineModel::Decision, 300);
    // Rows grow to their explanation (a few lines at most); the table holds dozens of decisions.
    m_timeline->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *decisions = new QWidget(this);
    auto *decisionsLayout = new QVBoxLayout(decisions);
    decisionsLayout->setContentsMargins(0, 4, 0, 0);
    auto *decisionsTitle
        = new QLabel(tr("Decisions (scaling history and the autoscaler's Events, newest first)"), this);
    QFont bold = decisionsTitle->font();
    bold.setBold(true);
    decisionsTitle->setFont(bold);
    decisionsLayout->addWidget(decisionsTitle);
    decisionsLayout->addWidget(m_timeline, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_vertices);
    splitter->addWidget(decisions);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({180, 520});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_stateLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    rebuild();
}

AutoscalerPanel::~AutoscalerPanel()
{
    if (m_session && m_watching)
        m_session->watchAutoscaler(m_uid, false);
}

void AutoscalerPanel::setSession(SessionHost *session)
{
    if (m_session) {
        disconnect(m_session->session(), nullptr, this, nullptr);
        if (m_watching)
            m_session->watchAutoscaler(m_uid, false);
        m_watching = false;
    }
    m_session = session;
    setDeployment({});
    if (!session)
        return;
    const BackendSession *s = session->session();
    connect(s, &BackendSession::objectChanged, this, [this](const Deployment &deployment, const QJsonObject &object) {
        if (deployment.uid != m_uid)
            return;
        const bool first = m_spec.isEmpty();
        m_spec = object.value(QLatin1String("spec")).toObject();
        const QJsonValue nonce
            = m_spec.value(QLatin1String("job")).toObject().value(QLatin1String("autoscalerResetNonce"));
        if (!first && nonce != m_resetNonce && m_session) {
            // The reset came after everything seen so far, even when the estimate of the server's clock
            // lags behind the Events' timestamps (a virtual clock stepped forward).
            m_resetAt = m_session->clock()->now();
            for (const ClusterEvent &e : std::as_const(m_events)) {
                const QDateTime at = e.latestTime();
                if (at >= m_resetAt)
                    m_resetAt = at.addMSecs(1);
            }
        }
        m_resetNonce = nonce;
        rebuild();
    });
    connect(s, &BackendSession::eventsChanged, this, [this](const EventBatch &batch) {
        if (batch.deploymentUid == m_uid && !m_uid.isEmpty())
            applyEvents(batch);
    });
    connect(s, &BackendSession::autoscalerChanged, this,
            [this](const QString &uid, const AutoscalerState &state, bool present, const JobGraph &plan,
                   const Error &error) {
                if (uid != m_uid)
                    return;
                if (!error.isSet()) {
                    m_state = state;
                    m_present = present;
                }
                if (!plan.isEmpty())
                    m_plan = plan;
                m_error = error;
                rebuild();
            });
}

void AutoscalerPanel::setDeployment(const Deployment &deployment)
{
    if (deployment.uid == m_uid)
        return;
    if (m_session && m_watching)
        m_session->watchAutoscaler(m_uid, false);
    m_watching = false;
    m_uid = deployment.uid;
    m_spec = {};
    m_resetNonce = QJsonValue();
    m_resetAt = QDateTime();
    m_state = AutoscalerState();
    m_present = false;
    m_plan = JobGraph();
    m_error = Error();
    m_events.clear();
    rebuild();
    updateWatch();
}

void AutoscalerPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateWatch();
}

void AutoscalerPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateWatch();
}

// The ConfigMap is read only while the tab is shown, so pages that do not show it cost nothing.
void AutoscalerPanel::updateWatch()
{
    const bool want = m_session && !m_uid.isEmpty() && isVisible();
    if (want == m_watching)
        return;
    m_watching = want;
    if (m_session) // gone while the window closes: the session stops with it
        m_session->watchAutoscaler(m_uid, want);
}

void AutoscalerPanel::addActionButtons(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(action->objectName() + QStringLiteral("AutoscalerButton"));
        m_buttons->addWidget(button);
        // Of the mode switches only those that apply are shown (Advisory while active, Enable while off…);
        // the Deployment menu lists all of them with the reason when one cannot run.
        const auto follow = [button, action] { button->setVisible(action->isEnabled()); };
        connect(action, &QAction::changed, button, follow);
        follow();
    }
}

void AutoscalerPanel::applyEvents(const EventBatch &batch)
{
    if (batch.reset)
        m_events.clear();
    for (const QString &removed : batch.removed)
        m_events.remove(removed);
    bool relevant = batch.reset || !batch.removed.isEmpty();
    for (const ClusterEvent &event : batch.upserted) {
        // Only the autoscaler's Events and the spec changes that reset it are kept.
        if (!AutoscalerReport::isAutoscalerReason(event.reason) && event.reason != QLatin1String("SpecChanged"))
            continue;
        m_events.insert(event.uid, event);
        relevant = true;
    }
    if (relevant)
        rebuild();
}

QString AutoscalerPanel::modeText() const
{
    return m_mode->text();
}

QString AutoscalerPanel::stateText() const
{
    return m_stateLabel->text();
}

QString AutoscalerPanel::summaryText() const
{
    return m_summary->text();
}

void AutoscalerPanel::rebuild()
{
    const QDateTime now = m_session ? m_session->clock()->now() : QDateTime::currentDateTimeUtc();
    m_report = AutoscalerReport::build(AutoscalerConfig::fromSpec(m_spec), m_state, m_present, m_plan,
                                       m_events.values(), now, m_resetAt);
    // Until the object arrives there is no spec to read the mode from: say so rather than "Off".
    m_mode->setText(m_spec.isEmpty() ? tr("Reading the deployment…") : m_report.modeText);

    QStringList state;
    if (m_error.isSet()) {
        state.append(
            tr("The autoscaler's ConfigMap cannot be read: %1. Showing what was last read.").arg(m_error.message));
    }
    if (!m_report.unreadable.isEmpty()) {
        state.append(tr("Unreadable in the ConfigMap (the operator discards such a key and starts it anew): %1.")
                         .arg(m_report.unreadable.join(QStringLiteral("; "))));
    }
    if (!m_report.warnings.isEmpty())
        state.append(m_report.warnings.join(QLatin1Char(' ')));
    if (!m_report.stateNote.isEmpty())
        state.append(m_report.stateNote);
    m_stateLabel->setText(state.join(QLatin1Char('\n')));
    m_stateLabel->setVisible(!state.isEmpty());
    m_stateLabel->setForegroundRole(m_error.isSet() || !m_report.unreadable.isEmpty() ? QPalette::Text
                                                                                      : QPalette::PlaceholderText);

    m_vertexModel->setVertices(m_report.vertices);
    m_timelineModel->setDecisions(m_report.timeline);

    QStringList summary;
    if (!m_report.restarts.isEmpty()) {
        qint64 total = 0;
        int known = 0;
        for (const AutoscalerReport::Restart &r : m_report.restarts) {
            if (r.restartMs >= 0) {
                total += r.restartMs;
                ++known;
            }
        }
        const AutoscalerReport::Restart &last = m_report.restarts.constFirst();
        QString text
            = tr("Restart cost of past scalings: %n scaling(s) recorded", nullptr, int(m_report.restarts.size()));
        if (known > 0) {
            text += tr(", the job ran again after %1 s on average")
                        .arg(QLocale().toString(double(total) / known / 1000.0, 'f', 1));
        }
        text += last.restartMs >= 0 ? tr("; the latest (%1) took %2 s.")
                                          .arg(QLocale().toString(last.scaledAt.toLocalTime(), QLocale::ShortFormat),
                                               QLocale().toString(double(last.restartMs) / 1000.0, 'f', 1))
                                    : tr("; the latest (%1) is still restarting or was not measured.")
                                          .arg(QLocale().toString(last.scaledAt.toLocalTime(), QLocale::ShortFormat));
        summary.append(text);
    }
    if (!m_report.memoryProposals.isEmpty()) {
        summary.append(tr("Memory tuning proposes: %1.").arg(m_report.memoryProposals.join(QStringLiteral(", "))));
    }
    m_summary->setText(summary.join(QLatin1Char('\n')));
    m_summary->setVisible(!summary.isEmpty());
}

} // namespace capstan
