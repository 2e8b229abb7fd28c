#include "ui/actionscontroller.h"

#include "actions/actionaccess.h"
#include "flink/flinkconfiguration.h"
#include "session/sessionhost.h"
#include "ui/models/activitymodel.h"
#include "ui/preferencesstore.h"
#include "ui/widgets/messagebox.h"

#include <QAction>
#include <QJsonDocument>
#include <QMenu>
#include <QWidget>

namespace capstan {

ActionsController::ActionsController(QWidget *window, ActivityModel *activity)
    : QObject(window)
    , m_window(window)
    , m_activity(activity)
    , m_menu(new QMenu(tr("&Deployment"), window))
{
    m_menu->setObjectName(QStringLiteral("deploymentMenu"));
    add(ActionKind::Configure, tr("&Configure Deployment…"), QKeySequence(tr("Ctrl+E")),
        QStringLiteral("configureAction"));
    m_menu->addSeparator();
    add(ActionKind::Savepoint, tr("Trigger &Savepoint"), QKeySequence(tr("Ctrl+Shift+S")),
        QStringLiteral("savepointAction"));
    add(ActionKind::Suspend, tr("Sus&pend"), QKeySequence(tr("Ctrl+Shift+P")), QStringLiteral("suspendAction"));
    QMenu *cancel = m_menu->addMenu(tr("Ca&ncel"));
    cancel->setObjectName(QStringLiteral("cancelMenu"));
    m_cancelMenu = cancel;
    auto *keep = cancel->addAction(tr("&Keep Latest State"), this, [this] { trigger(ActionKind::CancelKeepState); });
    keep->setObjectName(QStringLiteral("cancelKeepStateAction"));
    keep->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    m_actions.insert(static_cast<int>(ActionKind::CancelKeepState), keep);
    auto *discard = cancel->addAction(tr("&Discard State"), this, [this] { trigger(ActionKind::CancelDiscardState); });
    discard->setObjectName(QStringLiteral("cancelDiscardStateAction"));
    discard->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_actions.insert(static_cast<int>(ActionKind::CancelDiscardState), discard);
    add(ActionKind::Start, tr("S&tart"), QKeySequence(tr("Ctrl+Shift+T")), QStringLiteral("startAction"));
    add(ActionKind::Restart, tr("&Restart"), QKeySequence(tr("Ctrl+Shift+R")), QStringLiteral("restartAction"));
    m_menu->addSeparator();
    add(ActionKind::RollbackToStable, tr("Roll &Back to Last Stable Spec"), QKeySequence(tr("Ctrl+Shift+B")),
        QStringLiteral("rollbackToStableAction"));
    m_menu->addSeparator();
    add(ActionKind::Delete, tr("De&lete…"), QKeySequence(tr("Shift+Del")), QStringLiteral("deleteAction"));
    updateEnabled();
}

QAction *ActionsController::add(ActionKind kind, const QString &text, const QKeySequence &shortcut,
                                const QString &objectName)
{
    QAction *a = m_menu->addAction(text, this, [this, kind] { trigger(kind); });
    a->setObjectName(objectName);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    m_actions.insert(static_cast<int>(kind), a);
    return a;
}

void ActionsController::setSession(SessionHost *session)
{
    m_session = session;
    m_access.clear();
    m_runningUids.clear();
    m_awaitedGenerations.clear();
    if (!session)
        return;
    connect(session, &SessionHost::accessReviewed, this, [this](const AccessCheckList &checks) {
        for (const AccessCheck &check : checks)
            m_access.insert(check.key(), check);
        updateEnabled();
    });
    connect(session, &SessionHost::actionProgress, m_activity, &ActivityModel::progress);
    connect(session, &SessionHost::actionFinished, this, [this](const ActionResult &result) {
        const QString uid = m_runningUids.take(result.id);
        if (!uid.isEmpty() && result.writtenGeneration > m_awaitedGenerations.value(uid))
            m_awaitedGenerations.insert(uid, result.writtenGeneration);
        m_activity->finished(result);
        updateEnabled();
        emit actionFinished(result);
    });
}

void ActionsController::setDeployment(const Deployment &summary, const QJsonObject &object, const QString &restoreText)
{
    m_summary = summary;
    m_object = object;
    m_restoreText = restoreText;
    if (summary.generation >= m_awaitedGenerations.value(summary.uid))
        m_awaitedGenerations.remove(summary.uid);
    updateEnabled();
}

void ActionsController::updateEnabled()
{
    const Deployment &d = m_summary;
    const bool selected = !d.uid.isEmpty() && m_session;
    const bool actionRunning = selected && m_activity->hasRunningAction(d.uid);
    const bool catchingUp = selected && !actionRunning && d.generation < m_awaitedGenerations.value(d.uid);
    const bool busy = actionRunning || catchingUp;
    const bool application = selected && !d.sessionCluster;
    const bool suspended
        = d.lifecycleState == QLatin1String("SUSPENDED") || d.desiredState == QLatin1String("suspended");
    const bool jobRunning = d.jobState == QLatin1String("RUNNING");
    const QString lastStable = m_object.value(QLatin1String("status"))
                                   .toObject()
                                   .value(QLatin1String("reconciliationStatus"))
                                   .toObject()
                                   .value(QLatin1String("lastStableSpec"))
                                   .toString();
    struct Rule
    {
        ActionKind kind;
        bool enabled;
        QString why;
    };
    const QString noSelection = tr("Select a deployment first.");
    const QString running = catchingUp ? tr("Waiting for the cluster to show the result of the last action.")
                                       : tr("Another action is running on this deployment.");
    const Rule rules[] = {
        {ActionKind::Configure, selected && !busy && !m_object.isEmpty(), !selected ? noSelection : running},
        {ActionKind::Savepoint, application && !busy && jobRunning && !d.failure.failing,
         !application            ? noSelection
             : d.failure.failing ? tr("A savepoint cannot be taken from a job in a restart loop.")
                                 : tr("The job is not running.")},
        {ActionKind::Suspend, application && !busy && !suspended, tr("The deployment is already suspended.")},
        {ActionKind::CancelKeepState,
         application && !busy && !suspended
             && FlinkConfiguration(m_object.value(QLatin1String("spec")).toObject()).kubernetesHa()
             && FlinkConfiguration(m_object.value(QLatin1String("spec")).toObject()).checkpointsEnabled(),
         !FlinkConfiguration(m_object.value(QLatin1String("spec")).toObject()).kubernetesHa()
             ? tr("Keeping the latest state needs Kubernetes HA (high-availability.type: kubernetes).")
             : !FlinkConfiguration(m_object.value(QLatin1String("spec")).toObject()).checkpointsEnabled()
             ? tr("Keeping the latest state needs checkpoints (execution.checkpointing.interval).")
             : tr("The deployment is already suspended.")},
        {ActionKind::CancelDiscardState, application && !busy && !suspended,
         tr("The deployment is already suspended.")},
        {ActionKind::Start, application && !busy && suspended, tr("The deployment is not suspended.")},
        {ActionKind::Restart, application && !busy && !suspended,
         tr("A suspended deployment cannot be restarted; start it.")},
        {ActionKind::RollbackToStable, selected && !busy && !lastStable.isEmpty(),
         tr("The operator has recorded no stable spec yet.")},
        {ActionKind::Delete, selected && !busy, !selected ? noSelection : running},
    };
    for (const Rule &rule : rules) {
        QAction *a = action(rule.kind);
        if (!a)
            continue;
        // What the API server said the account may not do outranks every other reason.
        const AccessCheck answer = m_access.value(requiredAccess(rule.kind, d.ns).key());
        if (selected && answer.answered && !answer.allowed) {
            a->setEnabled(false);
            a->setToolTip(tr("Not permitted: the API server says your account may not %1 %2 in namespace \"%3\".")
                              .arg(answer.verb, answer.resource, answer.ns)
                          + (answer.reason.isEmpty() ? QString() : QLatin1Char(' ') + answer.reason));
            continue;
        }
        a->setEnabled(rule.enabled);
        a->setToolTip(rule.enabled ? a->text().remove(QLatin1Char('&')) : (busy ? running : rule.why));
    }
    // Rolling back to a snapshot rewrites the spec like Roll Back to Last Stable Spec: the same
    // permission, the same wait for a running action.
    const AccessCheck rollbackAnswer = m_access.value(requiredAccess(ActionKind::RollbackToStable, d.ns).key());
    QString blocked;
    if (selected && busy)
        blocked = running;
    else if (selected && rollbackAnswer.answered && !rollbackAnswer.allowed)
        blocked = action(ActionKind::RollbackToStable)->toolTip();
    if (blocked != m_specActionsBlocked) {
        m_specActionsBlocked = blocked;
        emit specActionsBlockedChanged(blocked);
    }
    if (m_cancelMenu) {
        QAction *keep = action(ActionKind::CancelKeepState);
        QAction *discard = action(ActionKind::CancelDiscardState);
        const bool any = keep->isEnabled() || discard->isEnabled();
        m_cancelMenu->menuAction()->setEnabled(any);
        m_cancelMenu->menuAction()->setToolTip(any ? m_cancelMenu->title().remove(QLatin1Char('&'))
                                                   : discard->toolTip());
    }
}

bool ActionsController::confirm(ActionKind kind)
{
    if (!PreferencesStore::instance()->preferences().confirms(kind))
        return true;
    const Deployment &d = m_summary;
    const QString name = d.name;
    QString text;
    QString label;
    switch (kind) {
    case ActionKind::Suspend:
        label = tr("Suspend");
        if (d.upgradeMode == QLatin1String("savepoint"))
            text = tr("Suspend %1? A savepoint is taken, then the job stops. Start restores from that savepoint.")
                       .arg(name);
        else if (d.upgradeMode == QLatin1String("last-state"))
            text = tr("Suspend %1? The job stops; the Kubernetes HA metadata and the latest checkpoint are kept, and "
                      "Start restores from it.")
                       .arg(name);
        else
            text = tr("Suspend %1? The job stops and its state is discarded (upgrade mode stateless).").arg(name);
        break;
    case ActionKind::CancelKeepState:
        label = tr("Cancel and Keep State");
        text = tr("Cancel %1 and keep its latest state? The upgrade mode becomes last-state and the job stops; the "
                  "Kubernetes "
                  "HA metadata and the latest checkpoint are kept for Start.")
                   .arg(name);
        break;
    case ActionKind::CancelDiscardState:
        label = tr("Cancel and Discard State");
        text = tr("Cancel %1 and discard its state? The upgrade mode becomes stateless: Start will not restore any "
                  "state.")
                   .arg(name);
        break;
    case ActionKind::Start:
        label = tr("Start");
        text = tr("Start %1?\n%2").arg(name, m_restoreText);
        break;
    case ActionKind::Restart:
        label = tr("Restart");
        text = tr("Restart %1? The operator restarts the job (restartNonce).").arg(name);
        break;
    case ActionKind::RollbackToStable:
        label = tr("Roll Back");
        text = tr("Roll %1 back to the last stable spec? The spec the operator last saw running stably replaces the "
                  "current "
                  "one (restart and redeploy nonces are kept).")
                   .arg(name);
        break;
    case ActionKind::Delete: {
        label = tr("Delete");
        const bool savepoint = FlinkConfiguration(m_object.value(QLatin1String("spec")).toObject())
                                   .value(QStringLiteral("kubernetes.operator.job.savepoint-on-deletion"))
            == QLatin1String("true");
        text = savepoint
            ? tr("Delete %1? A final savepoint is taken first (kubernetes.operator.job.savepoint-on-deletion).")
                  .arg(name)
            : tr("Delete %1? No final savepoint is taken: the job and its state are gone, except savepoints already "
                 "written.")
                  .arg(name);
        break;
    }
    default:
        return true;
    }
    return MessageBox::question(m_window, tr("Confirm"), text, label,
                                kind == ActionKind::Delete ? QMessageBox::Warning : QMessageBox::Question)
        == QMessageBox::Ok;
}

void ActionsController::trigger(ActionKind kind)
{
    if (kind == ActionKind::Configure) {
        emit configureRequested();
        return;
    }
    if (m_summary.uid.isEmpty() || !confirm(kind))
        return;
    ActionRequest request;
    request.kind = kind;
    request.deploymentUid = m_summary.uid;
    request.ns = m_summary.ns;
    request.name = m_summary.name;
    request.baseResourceVersion = m_summary.resourceVersion;
    request.baseSpec = m_object.value(QLatin1String("spec")).toObject();
    run(request);
}

QList<ActionKind> ActionsController::deploymentKinds()
{
    return {ActionKind::Configure,       ActionKind::Savepoint,          ActionKind::Suspend,
            ActionKind::CancelKeepState, ActionKind::CancelDiscardState, ActionKind::Start,
            ActionKind::Restart,         ActionKind::RollbackToStable,   ActionKind::Delete};
}

QString ActionsController::commandName(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Configure:
        return tr("Configure");
    case ActionKind::Savepoint:
        return tr("Trigger Savepoint");
    case ActionKind::Suspend:
        return tr("Suspend");
    case ActionKind::CancelKeepState:
        return tr("Cancel and Keep State");
    case ActionKind::CancelDiscardState:
        return tr("Cancel and Discard State");
    case ActionKind::Start:
        return tr("Start");
    case ActionKind::Restart:
        return tr("Restart");
    case ActionKind::RollbackToStable:
        return tr("Roll Back to Last Stable Spec");
    case ActionKind::Delete:
        return tr("Delete");
    default:
        return {};
    }
}

bool ActionsController::offered(ActionKind kind, const Deployment &d)
{
    const bool suspended
        = d.lifecycleState == QLatin1String("SUSPENDED") || d.desiredState == QLatin1String("suspended");
    switch (kind) {
    case ActionKind::Savepoint:
    case ActionKind::Suspend:
    case ActionKind::CancelKeepState:
    case ActionKind::CancelDiscardState:
    case ActionKind::Restart:
        return !d.sessionCluster && !suspended;
    case ActionKind::Start:
        return !d.sessionCluster && suspended;
    default:
        return true;
    }
}

quint64 ActionsController::run(ActionRequest request)
{
    if (!m_session)
        return 0;
    request.id = m_nextId++;
    if (!request.deploymentUid.isEmpty())
        m_runningUids.insert(request.id, request.deploymentUid);
    m_activity->started(request);
    m_session->runAction(request);
    updateEnabled();
    return request.id;
}

} // namespace capstan
