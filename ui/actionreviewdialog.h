#pragma once

#include "actions/actionplan.h"
#include "actions/actionrequest.h"
#include "flink/snapshot.h"

#include <QDateTime>
#include <QDialog>
#include <QJsonObject>
#include <QList>

class QPushButton;

namespace capstan {

class ConfigureReviewPage;
class MessageBanner;

// The confirmation of every action that writes to a deployment (all but Configure, which has its
// own Review page, New Deployment and Trigger Savepoint): the same review as Configure Deployment —
// the operator's sentence for the change (what happens to the job's state, whether a savepoint is
// taken, which checkpoint or savepoint the job restores from) and the diff of the spec that will be
// written, computed by ActionPlan exactly as the action computes it — and two buttons named by their
// effect from the action's description ("Cancel and Keep State" / "Keep Running").
//
// It listens for its deployment while open: setDeployment() with a newer object plans again, says
// that the deployment changed, and the request then carries the version the user saw last.
class ActionReviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionReviewDialog)

public:
    // What is known of the deployment besides its object, and the cluster's now.
    struct Known
    {
        QList<Snapshot> snapshots;
        Snapshot restoredFrom; // what the job last restored from (JobManagerInfo::restoredFrom)
        QDateTime now;
    };

    // request: kind, deployment uid, namespace and name, and for RollbackToSnapshot the snapshot.
    // revision: the spec a rollback to a snapshot restores.
    ActionReviewDialog(const ActionRequest &request, const SpecRevision &revision, QWidget *parent = nullptr);
    ~ActionReviewDialog() override;

    // The deployment as it is now and what else is known of it.
    void setDeployment(const QJsonObject &object, const Known &known);

    // What to send once confirmed: the version and spec this review showed.
    ActionRequest request() const;
    const ActionPlan &plan() const { return m_plan; }
    QString effectText() const;
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *declineButton() const { return m_decline; }

    // What the operator will do for `request` on `object` (translated): one sentence, and what
    // follows from it (where the state comes from, what stays).
    struct Effect
    {
        Effect(QString what = {}, QString then = {}, QString caution = {})
            : headline(std::move(what))
            , detail(std::move(then))
            , warning(std::move(caution))
        {
        }
        QString headline;
        QString detail;
        QString warning; // shown above the review (a checkpoint older than allowed); empty: none
    };
    static Effect effect(const ActionRequest &request, const QJsonObject &object, const ActionPlan &plan,
                         const Known &known, bool revisionKnown);

private:
    void fitToChange();

    ActionRequest m_request;
    SpecRevision m_revision;
    ActionPlan m_plan;
    QJsonObject m_shownSpec;
    Effect m_effect;
    MessageBanner *m_banner;
    ConfigureReviewPage *m_review;
    QPushButton *m_confirm;
    QPushButton *m_decline;
};

} // namespace capstan
