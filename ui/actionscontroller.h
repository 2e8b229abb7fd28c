#pragma once

#include "actions/actionrequest.h"
#include "flink/deployment.h"
#include "kube/accesscheck.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace capstan {

class ActivityModel;
class SessionHost;

// The deployment actions of one window (DESIGN §4): their menu entries and shortcuts, whether each
// makes sense in the deployment's current state (a disabled action says why in its tooltip), the
// confirmation of destructive ones, and sending them to the session's backend thread.
class ActionsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsController)

public:
    ActionsController(QWidget *window, ActivityModel *activity);

    void setSession(SessionHost *session);
    // The deployment the actions apply to (empty summary: none selected).
    void setDeployment(const Deployment &summary, const QJsonObject &object, const QString &restoreText);

    QMenu *menu() const { return m_menu; }
    QMenu *cancelMenu() const { return m_cancelMenu; }
    QAction *action(ActionKind kind) const { return m_actions.value(static_cast<int>(kind)); }
    QAction *configureAction() const { return action(ActionKind::Configure); }

    // Sends a prepared request (e.g. from the Configure dialog); returns its id.
    quint64 run(ActionRequest request);

    // The actions offered per deployment (the command palette's "<Action>: namespace/name").
    static QList<ActionKind> deploymentKinds();
    // An action's name without menu decoration ("Cancel and Keep State").
    static QString commandName(ActionKind kind);
    // Whether the action can apply to a deployment in this state at all; whether it may run now
    // is decided when it is triggered (the QAction's enabled state).
    static bool offered(ActionKind kind, const Deployment &deployment);

signals:
    void configureRequested();
    void actionFinished(const capstan::ActionResult &result);
    // Why no action that rewrites the spec may run on the selected deployment now (empty: they may):
    // for controls outside this controller, such as Roll Back to This Snapshot.
    void specActionsBlockedChanged(const QString &reason);

private:
    void trigger(ActionKind kind);
    bool confirm(ActionKind kind);
    void updateEnabled();
    QAction *add(ActionKind kind, const QString &text, const QKeySequence &shortcut, const QString &objectName);

    QWidget *m_window;
    ActivityModel *m_activity;
    QPointer<SessionHost> m_session;
    QMenu *m_menu;
    QMenu *m_cancelMenu = nullptr;
    QHash<int, QAction *> m_actions;
    Deployment m_summary;
    QHash<QString, AccessCheck> m_access; // the API server's answers, by AccessCheck::key()
    QJsonObject m_object;
    QString m_restoreText;
    QString m_specActionsBlocked;
    quint64 m_nextId = 1;
    QHash<quint64, QString> m_runningUids; // request id -> deployment uid, for this window's actions
    // Per deployment uid: the generation this window's last action wrote. The action may see it (by
    // polling) before the watch brings it to the page; until then the page's spec is older than the
    // server's, and an action based on it would be refused as a conflict with our own change.
    QHash<QString, qint64> m_awaitedGenerations;
};

} // namespace capstan
