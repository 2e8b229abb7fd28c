#include "ui/actionscontroller.h"

#include "actions/actionaccess.h"
#include "actions/actiondescriptor.h"
#include "session/sessionhost.h"
#include "ui/actionreviewdialog.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/deploymenttemplates.h"
#include "ui/models/activitymodel.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/preferencesstore.h"
#include "json/jsontools.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

#include <algorithm>

namespace capstan {

ActionsController::ActionsController(QWidget *window, ActivityModel *activity, DeploymentPage *page)
    : QObject(window)
    , m_window(window)
    , m_activity(activity)
    , m_page(page)
    , m_menu(new QMenu(tr("&Deployment"), window))
{
    m_menu->setObjectName(QStringLiteral("deploymentMenu"));
    // Built from the descriptions: a separator between the groups the actions form.
    QHash<QString, QMenu *> submenus;
    for (ActionKind kind : ActionDescriptor::deploymentActions()) {
        const ActionDescriptor &d = ActionDescriptor::of(kind);
        if (kind == ActionKind::Savepoint || kind == ActionKind::RollbackToStable || kind == ActionKind::Delete
            || kind == ActionKind::EnableAutoscaler)
            m_menu->addSeparator();
        QMenu *menu = m_menu;
        if (d.submenuSource) {
            QMenu *&submenu = submenus[QLatin1String(d.submenuSource)];
            if (!submenu) {
                submenu = m_menu->addMenu(d.submenuText());
                if (kind == ActionKind::CancelKeepState || kind == ActionKind::CancelDiscardState) {
                    submenu->setObjectName(QStringLiteral("cancelMenu"));
                    m_cancelMenu = submenu;
                } else {
                    submenu->setObjectName(QStringLiteral("autoscalerMenu"));
                    m_autoscalerMenu = submenu;
                }
            }
            menu = submenu;
        }
        QAction *a = menu->addAction(d.menuText(), this, [this, kind] { trigger(kind); });
        a->setObjectName(QLatin1String(d.objectName));
        a->setShortcut(QKeySequence(d.shortcut()));
        m_actions.insert(static_cast<int>(kind), a);
    }
    connect(m_page, &DeploymentPage::deploymentChanged, this, &ActionsController::onDeploymentChanged);
    connect(m_page, &DeploymentPage::rollbackToSnapshotRequested, this, &ActionsController::rollbackToSnapshot);
    connect(m_page, &DeploymentPage::deleteSnapshotRequested, this, &ActionsController::deleteSnapshot);
    connect(m_page, &DeploymentPage::rollbackToRevisionRequested, this, [this](const QJsonObject &spec) {
        // Configure with the revision's spec, straight to its review: the diff and what the platform
        // does with it, written against the version shown like every Configure.
        if (!m_session || m_dialog || m_object.isEmpty())
            return;
        ConfigureDialog *dialog = createConfigureDialog(false, m_object);
        dialog->startFrom(spec);
        dialog->open();
    });
    updateEnabled();
}

void ActionsController::setSession(SessionHost *session)
{
    m_session = session;
    m_access.clear();
    m_runningUids.clear();
    m_awaitedGenerations.clear();
    m_schemas.clear();
    m_apiDescription = VvpApiDescription();
    m_pendingRollback = Snapshot();
    if (!session)
        return;
    const BackendSession *source = session->session();
    connect(source, &ClusterSession::accessReviewed, this, [this](const AccessCheckList &checks) {
        for (const AccessCheck &check : checks)
            m_access.insert(check.key(), check);
        updateEnabled();
    });
    connect(source, &ClusterSession::actionProgress, this, &ActionsController::onProgress);
    connect(source, &ClusterSession::actionFinished, this, &ActionsController::onFinished);
    connect(source, &ClusterSession::specRevision, this, &ActionsController::onSpecRevision);
    connect(source, &ClusterSession::schemaLoaded, this, [this](const QString &kind, const QJsonObject &schema) {
        m_schemas.insert(resourceKindFromName(kind), schema);
        if (m_dialog && kind == resourceKindName(m_dialogSchemaKind))
            m_dialog->setSchema(schema);
    });
    connect(source, &BackendSession::apiDescriptionLoaded, this, [this](const VvpApiDescription &description) {
        m_apiDescription = description;
        if (m_dialog)
            m_dialog->setApiDescription(m_apiDescription);
    });
}

void ActionsController::onDeploymentChanged()
{
    m_summary = m_page->summary();
    m_object = m_page->object();
    if (m_summary.generation >= m_awaitedGenerations.value(m_summary.uid))
        m_awaitedGenerations.remove(m_summary.uid);
    updateEnabled();
    if (m_review) {
        // The review follows its deployment; it cannot act on another one or on one that is gone.
        if (m_review->request().deploymentUid != m_summary.uid)
            m_review->reject();
        else
            m_review->setDeployment(m_object, known());
    }
}

void ActionsController::onProgress(const ActionProgress &progress)
{
    // Only this window's actions: another window on the same context has its own panel.
    if (!m_runningUids.contains(progress.id))
        return;
    m_activity->progress(progress);
    if (progress.writtenGeneration > 0)
        emit generationWritten(m_runningUids.value(progress.id), progress.writtenGeneration);
    // Once the server holds the change, the dialog has done its part: the page shows the operator
    // carrying it out, and the Activity panel follows the action to its end.
    if (progress.written && progress.id == m_dialogRequest && m_dialog) {
        m_dialogRequest = 0;
        m_dialog->accept();
    }
}

void ActionsController::onFinished(const ActionResult &result)
{
    if (!m_runningUids.contains(result.id))
        return;
    const QString uid = m_runningUids.take(result.id);
    if (!uid.isEmpty() && result.writtenGeneration > m_awaitedGenerations.value(uid))
        m_awaitedGenerations.insert(uid, result.writtenGeneration);
    m_activity->finished(result);
    if (result.id == m_dialogRequest && m_dialog) {
        // Refused, conflicting or rejected before anything was written: the dialog is still open.
        m_dialogRequest = 0;
        m_dialog->showResult(result);
    } else if (!uid.isEmpty() && uid == m_summary.uid && result.outcome != ActionResult::Outcome::Succeeded
               && result.outcome != ActionResult::Outcome::Abandoned) {
        const quint64 id = result.id;
        const bool reopen = result.kind == ActionKind::Configure && result.writtenGeneration > 0;
        m_page->showActionFailure(
            tr("%1 did not complete: %2").arg(ActionDescriptor::of(result.kind).name(), result.summary),
            reopen ? std::function<void()>([this, id] { reopenWithChange(id); }) : std::function<void()>());
    }
    updateEnabled();
    emit actionFinished(result);
}

void ActionsController::updateEnabled()
{
    const Deployment &d = m_summary;
    const bool selected = !d.uid.isEmpty() && m_session;
    const bool actionRunning = selected && m_activity->hasRunningAction(d.uid);
    const bool catchingUp = selected && !actionRunning && d.generation < m_awaitedGenerations.value(d.uid);
    const bool busy = actionRunning || catchingUp;
    const QString running = catchingUp ? tr("Waiting for the cluster to show the result of the last action.")
                                       : tr("Another action is running on this deployment.");
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const auto kind = static_cast<ActionKind>(it.key());
        QAction *a = it.value();
        // What the API server said the account may not do outranks every other reason.
        const AccessCheck answer = m_access.value(requiredAccess(kind, d.ns).key());
        if (selected && answer.answered && !answer.allowed) {
            a->setEnabled(false);
            a->setToolTip(tr("Not permitted: the API server says your account may not %1 %2 in namespace \"%3\".")
                              .arg(answer.verb, answer.resource, answer.ns)
                          + (answer.reason.isEmpty() ? QString() : QLatin1Char(' ') + answer.reason));
            continue;
        }
        const Availability rule = availability(kind, d);
        // Every action shows or reviews the deployment as the server has it: not before it has arrived.
        const bool loaded = !m_object.isEmpty();
        a->setEnabled(selected && !busy && loaded && rule.available);
        a->setToolTip(!selected             ? tr("Select a deployment first.")
                          : busy            ? running
                          : !rule.available ? rule.reason
                                            : ActionDescriptor::of(kind).name());
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
        m_page->setActionsBlocked(blocked);
    }
    if (m_cancelMenu) {
        QAction *keep = action(ActionKind::CancelKeepState);
        QAction *discard = action(ActionKind::CancelDiscardState);
        const bool any = keep->isEnabled() || discard->isEnabled();
        m_cancelMenu->menuAction()->setEnabled(any);
        m_cancelMenu->menuAction()->setToolTip(any ? m_cancelMenu->title().remove(QLatin1Char('&'))
                                                   : discard->toolTip());
    }
    if (m_autoscalerMenu) {
        // Open whenever one of its entries can run; otherwise it says why in the words of Reset, which
        // any job's configured autoscaler allows (a session cluster, busy, not permitted).
        const QList<QAction *> entries = m_autoscalerMenu->actions();
        const bool any = std::any_of(entries.cbegin(), entries.cend(), [](QAction *a) { return a->isEnabled(); });
        m_autoscalerMenu->menuAction()->setEnabled(any);
        m_autoscalerMenu->menuAction()->setToolTip(any ? m_autoscalerMenu->title().remove(QLatin1Char('&'))
                                                       : action(ActionKind::ResetAutoscaler)->toolTip());
    }
}

ActionRequest ActionsController::requestFor(ActionKind kind) const
{
    ActionRequest request;
    request.kind = kind;
    request.deploymentUid = m_summary.uid;
    request.resourceKind = m_summary.kind;
    request.ns = m_summary.ns;
    request.name = m_summary.name;
    request.baseResourceVersion = m_summary.resourceVersion;
    request.baseSpec = Deployment::editableSpec(m_object);
    if (kind == ActionKind::Savepoint)
        request.disposeOnDelete = m_page->disposeOnDelete();
    return request;
}

void ActionsController::trigger(ActionKind kind)
{
    if (kind == ActionKind::Configure) {
        openConfigureDialog(false);
        return;
    }
    if (m_summary.uid.isEmpty())
        return;
    const ActionDescriptor &descriptor = ActionDescriptor::of(kind);
    if (!descriptor.confirms() || !PreferencesStore::instance()->preferences().confirms(kind)) {
        run(requestFor(kind));
        return;
    }
    openReview(requestFor(kind), {});
}

void ActionsController::openReview(ActionRequest request, const SpecRevision &revision)
{
    if (m_review) {
        m_review->activateWindow();
        return;
    }
    // The review plans from the object it shows; the request then carries that object's version.
    request.baseResourceVersion.clear();
    auto *dialog = new ActionReviewDialog(request, revision, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDeployment(m_object, known());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { run(dialog->request()); });
    m_review = dialog;
    dialog->open();
}

ActionReviewDialog::Known ActionsController::known() const
{
    return {m_page->knownSnapshots(), m_page->restoredFrom(), SessionHost::serverNow(m_session)};
}

ActionReviewDialog *ActionsController::reviewDialog() const
{
    return m_review;
}

quint64 ActionsController::run(ActionRequest request)
{
    if (!m_session)
        return 0;
    request.id = m_nextId++;
    m_runningUids.insert(request.id, request.deploymentUid); // uid empty for New Deployment
    m_activity->started(request);
    m_session->runAction(request);
    updateEnabled();
    return request.id;
}

void ActionsController::abandon(quint64 id)
{
    if (m_session)
        m_session->abandonAction(id);
}

ConfigureDialog *ActionsController::createConfigureDialog(bool create, const QJsonObject &object)
{
    auto *dialog = new ConfigureDialog(create ? ConfigureDialog::Mode::Create : ConfigureDialog::Mode::Configure,
                                       object, m_window);
    dialog->setObjectName(QStringLiteral("configureDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A session job's spec has a schema of its own; a blue/green template is a FlinkDeployment spec.
    m_dialogSchemaKind = !create && m_summary.kind == ResourceKind::FlinkSessionJob ? ResourceKind::FlinkSessionJob
                                                                                    : ResourceKind::FlinkDeployment;
    if (const QJsonObject schema = m_schemas.value(m_dialogSchemaKind); !schema.isEmpty())
        dialog->setSchema(schema);
    if (!m_apiDescription.isNull())
        dialog->setApiDescription(m_apiDescription);
    // The dialog never talks to the network: Apply runs here, and the dialog hears back until the
    // server has the change (422 onto fields, 409 as a conflict to resolve), then closes.
    connect(dialog, &ConfigureDialog::applyRequested, this,
            [this](const ActionRequest &request) { m_dialogRequest = run(request); });
    connect(dialog, &QObject::destroyed, this, [this] { m_dialogRequest = 0; });
    m_dialog = dialog;
    return dialog;
}

ConfigureDialog *ActionsController::configureDialog() const
{
    return m_dialog;
}

void ActionsController::openConfigureDialog(bool create, const QString &ns)
{
    if (!m_session || m_dialog || (!create && m_object.isEmpty()))
        return;
    QJsonObject object = !create  ? m_object
        : m_session->isPlatform() ? DeploymentTemplates::platform().constFirst().object
                                  : DeploymentTemplates::all().constFirst().object;
    if (create) {
        QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        metadata.insert(QStringLiteral("namespace"), ns.isEmpty() ? QStringLiteral("default") : ns);
        object.insert(QStringLiteral("metadata"), metadata);
    }
    createConfigureDialog(create, object)->open();
}

void ActionsController::reopenWithChange(quint64 id)
{
    const ActionRequest failed = m_activity->request(id);
    if (failed.kind != ActionKind::Configure || failed.newSpec.isEmpty() || m_dialog || !m_session)
        return;
    if (failed.deploymentUid != m_summary.uid || m_object.isEmpty()) {
        m_page->showActionFailure(tr("Open %1 first: the change applies to it as it is now.").arg(failed.name), {});
        return;
    }
    // The user's change (what they edited against the spec they saw) on top of the spec as it is now.
    const QJsonObject current = Deployment::editableSpec(m_object);
    const QJsonObject change = json::createMergePatch(failed.baseSpec, failed.newSpec);
    ConfigureDialog *dialog = createConfigureDialog(false, m_object);
    dialog->startFrom(json::applyMergePatch(current, change).toObject());
    dialog->open();
}

void ActionsController::rollbackToSnapshot(const Snapshot &snapshot)
{
    if (!m_session || m_summary.uid.isEmpty())
        return;
    // The spec revision live then comes from the session's history; the dialog shows it, then sends.
    m_pendingRollback = snapshot;
    m_session->requestSpecRevision(m_summary.uid, snapshot.time);
}

void ActionsController::deleteSnapshot(const Snapshot &snapshot)
{
    if (!m_session || m_summary.uid.isEmpty())
        return;
    ActionRequest request = requestFor(ActionKind::DeleteSnapshot);
    request.snapshotName = snapshot.name;
    request.snapshotPath = snapshot.path;
    // It always asks: the data may be disposed of for good. The review says what happens, or why not.
    openReview(request, {});
}

void ActionsController::onSpecRevision(const QString &uid, const QDateTime &time, const QJsonObject &spec)
{
    if (uid != m_summary.uid || m_pendingRollback.path.isEmpty() || time != m_pendingRollback.time)
        return;
    const Snapshot snapshot = std::exchange(m_pendingRollback, Snapshot());
    ActionRequest request = requestFor(ActionKind::RollbackToSnapshot);
    request.snapshotPath = snapshot.path;
    request.snapshotTime = snapshot.time;
    openReview(request, SpecRevision{spec, -1});
}

} // namespace capstan
