#pragma once

#include "actions/actionplan.h"
#include "actions/actionrequest.h"
#include "flink/deployment.h"
#include "flink/snapshot.h"
#include "kube/accesscheck.h"
#include "ui/actionreviewdialog.h"
#include "vvp/vvpapidescription.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace capstan {

class ActionReviewDialog;
class ActivityModel;
class ConfigureDialog;
class DeploymentPage;
class SessionHost;

// The deployment actions of one window (DESIGN §4), built from their descriptions
// (actions/actiondescriptor.h): the menu entries and shortcuts, whether each may run on the page's
// deployment now (a disabled action says why in its tooltip), the confirmation, the dialogs that
// collect what an action needs (Configure) and review it (every other action that writes), and sending requests to the
// session's backend thread. It follows the page's deployment and the session's answers itself.
class ActionsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsController)

public:
    ActionsController(QWidget *window, ActivityModel *activity, DeploymentPage *page);

    void setSession(SessionHost *session);

    QMenu *menu() const { return m_menu; }
    QMenu *cancelMenu() const { return m_cancelMenu; }
    QMenu *autoscalerMenu() const { return m_autoscalerMenu; }
    QAction *action(ActionKind kind) const { return m_actions.value(static_cast<int>(kind)); }
    QAction *configureAction() const { return action(ActionKind::Configure); }

    // Sends a prepared request; returns its id (0: no session).
    quint64 run(ActionRequest request);
    void abandon(quint64 id);

    // Configure Deployment (the page's deployment) or New Deployment (in namespace `ns`).
    void openConfigureDialog(bool create, const QString &ns = {});
    ConfigureDialog *configureDialog() const;
    // The open review of an action, or nullptr.
    ActionReviewDialog *reviewDialog() const;
    // Configure Deployment again with the change of action `id` on the deployment as it is now.
    void reopenWithChange(quint64 id);

    // Delete Snapshot… of the Snapshots tab: always reviewed; the review refuses the snapshot the
    // deployment would restore from, and says why.
    void deleteSnapshot(const Snapshot &snapshot);

signals:
    void actionFinished(const capstan::ActionResult &result);
    // An action of this window wrote generation `generation` of the deployment `uid` (as soon as the
    // server accepted it, before the operator carried it out).
    void generationWritten(const QString &uid, qint64 generation);

private:
    void trigger(ActionKind kind);
    ActionRequest requestFor(ActionKind kind) const;
    // The review every confirmed action shows before it writes (ActionReviewDialog); one at a time.
    void openReview(ActionRequest request, const SpecRevision &revision);
    ActionReviewDialog::Known known() const;
    void updateEnabled();
    void onDeploymentChanged();
    void onProgress(const ActionProgress &progress);
    void onFinished(const ActionResult &result);
    void rollbackToSnapshot(const Snapshot &snapshot);
    void onSpecRevision(const QString &uid, const QDateTime &time, const QJsonObject &spec);
    ConfigureDialog *createConfigureDialog(bool create, const QJsonObject &object);

    QWidget *m_window;
    ActivityModel *m_activity;
    DeploymentPage *m_page;
    QPointer<SessionHost> m_session;
    QPointer<ConfigureDialog> m_dialog;
    QPointer<ActionReviewDialog> m_review;
    QMenu *m_menu;
    QMenu *m_cancelMenu = nullptr;
    QMenu *m_autoscalerMenu = nullptr;
    QHash<int, QAction *> m_actions;
    Deployment m_summary;
    QHash<QString, AccessCheck> m_access; // the API server's answers, by AccessCheck::key()
    QJsonObject m_object;
    QMap<ResourceKind, QJsonObject> m_schemas; // the CRD schemas the cluster serves, by kind
    VvpApiDescription m_apiDescription; // what a Ververica Platform serves at /api/swagger.json
    ResourceKind m_dialogSchemaKind = ResourceKind::FlinkDeployment; // the open dialog's
    QString m_specActionsBlocked;
    Snapshot m_pendingRollback; // waiting for its spec revision
    quint64 m_nextId = 1;
    quint64 m_dialogRequest = 0; // the request the open Configure dialog is waiting for
    QHash<quint64, QString> m_runningUids; // this window's running actions: request id -> deployment uid
    // Per deployment uid: the generation this window's last action wrote. The action may see it (by
    // polling) before the watch brings it to the page; until then the page's spec is older than the
    // server's, and an action based on it would be refused as a conflict with our own change.
    QHash<QString, qint64> m_awaitedGenerations;
};

} // namespace capstan
