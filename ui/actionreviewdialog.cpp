#include "ui/actionreviewdialog.h"

#include "vvp/vvpobjects.h"

#include "actions/actiondescriptor.h"
#include "flink/autoscalerconfig.h"
#include "flink/flinkconfiguration.h"
#include "flink/restoresource.h"
#include "ui/configure/configurereviewpage.h"
#include "ui/restoretext.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/yamldiffview.h"

#include <QDialogButtonBox>
#include <QLocale>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan {

namespace {

QString upgradeModeOf(const QJsonObject &spec)
{
    return spec.value(QLatin1String("job"))
        .toObject()
        .value(QLatin1String("upgradeMode"))
        .toString(QStringLiteral("stateless"));
}

bool suspendedIn(const QJsonObject &spec)
{
    return spec.value(QLatin1String("job")).toObject().value(QLatin1String("state")).toString()
        == QLatin1String("suspended");
}

// What restarting with `mode` does with the job's state, naming the checkpoint for last-state.
QString restartState(const QString &mode, const QJsonObject &object, const ActionReviewDialog::Known &known)
{
    if (mode == QLatin1String("savepoint"))
        return ActionReviewDialog::tr("a savepoint is taken, then the job is redeployed from it.");
    if (mode == QLatin1String("last-state")) {
        const RestoreSource latest = RestoreSource::latestCheckpoint(object, known.snapshots, known.restoredFrom);
        return ActionReviewDialog::tr("the job is redeployed from %1.").arg(RestoreText::source(latest, known.now));
    }
    return ActionReviewDialog::tr("the job is redeployed with empty state: its state is lost.");
}

// What a platform's start from a chosen savepoint does, step by step as VvpSession carries it out: the
// savepoint is copied to the deployment (a Savepoint of origin COPIED at the same location, its newest
// one then), and the desired state becomes RUNNING, so that the restore strategy picks the copy.
ActionReviewDialog::Effect platformStartFromSavepoint(const ActionRequest &request, const QJsonObject &object,
                                                      const ActionReviewDialog::Known &known)
{
    const Deployment d = VvpObjects::deployment(object);
    const QString &name = request.name;
    // The one chosen: several may share its location (an earlier copy of it).
    const Snapshot *chosen = nullptr;
    for (const Snapshot &s : known.snapshots) {
        if (s.path == request.snapshotPath && (!chosen || s.time == request.snapshotTime))
            chosen = &s;
    }
    const QString age = request.snapshotTime.isValid()
        ? ActionReviewDialog::tr("taken %1 ago").arg(RestoreText::age(request.snapshotTime, known.now))
        : ActionReviewDialog::tr("of unknown time");
    // The headline names it as the Snapshots tab lists it; the steps name its location.
    const QString what = !chosen || chosen->key.isEmpty() ? ActionReviewDialog::tr("the savepoint chosen (%1)").arg(age)
        : chosen->type == QLatin1String("CHECKPOINT")
        ? ActionReviewDialog::tr("the retained checkpoint %1 (%2)").arg(chosen->key, age)
        : ActionReviewDialog::tr("the savepoint %1 (%2)").arg(chosen->key, age);
    const QString headline
        = ActionReviewDialog::tr("Ververica Platform starts a new job of %1 from %2.").arg(name, what);
    QStringList detail;
    detail << ActionReviewDialog::tr("It copies %1 to %2 as a savepoint of origin COPIED, then sets the desired "
                                     "state to RUNNING.")
                  .arg(request.snapshotPath, name);
    const bool none = d.restoreStrategy == QLatin1String("NONE") || d.restoreStrategy.isEmpty();
    if (none)
        detail << ActionReviewDialog::tr("The restore strategy changes from NONE, which would restore nothing, to "
                                         "LATEST_SAVEPOINT, which restores the newest savepoint: the copy.");
    else if (d.restoreStrategy == QLatin1String("LATEST_STATE"))
        detail << ActionReviewDialog::tr("Restore strategy LATEST_STATE restores the newer of the latest savepoint and "
                                         "the latest retained checkpoint: the copy, made now.");
    else
        detail << ActionReviewDialog::tr("Restore strategy %1 restores the newest savepoint: the copy, made now.")
                      .arg(d.restoreStrategy);
    // Offered only while the deployment is not meant to run (the banner says so otherwise): nothing to stop.
    if (d.desiredState != QLatin1String("running"))
        detail << ActionReviewDialog::tr("%1 is %2 now: no job is stopped.")
                      .arg(name, d.lifecycleState.isEmpty() ? d.desiredState.toUpper() : d.lifecycleState);
    detail << ActionReviewDialog::tr("Only the state comes from the savepoint: the platform runs the deployment's "
                                     "current configuration, not the one live when the savepoint was taken.");
    return {headline, detail.join(QLatin1Char(' '))};
}

} // namespace

ActionReviewDialog::ActionReviewDialog(const ActionRequest &request, const SpecRevision &revision, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_revision(revision)
    , m_banner(new MessageBanner(this))
    , m_review(new ConfigureReviewPage(this))
{
    const ActionDescriptor &action = ActionDescriptor::of(request.kind);
    setObjectName(QStringLiteral("actionReviewDialog"));
    setWindowTitle(tr("%1 \u2014 %2").arg(action.name(), request.name));
    m_banner->setObjectName(QStringLiteral("reviewChangedBanner"));
    m_banner->hide();
    m_review->setObjectName(QStringLiteral("actionReviewPage"));
    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(action.confirmText(), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("reviewConfirmButton"));
    m_decline = buttons->addButton(action.declineText(), QDialogButtonBox::RejectRole);
    m_decline->setObjectName(QStringLiteral("reviewDeclineButton"));
    // What loses state for good waits for a deliberate click; Enter alone keeps things as they are.
    QPushButton *safe = action.alwaysConfirms ? m_decline : m_confirm;
    for (QPushButton *button : {m_confirm, m_decline})
        button->setAutoDefault(false);
    safe->setDefault(true);
    safe->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_review, 1);
    // The review page's own margins would set its text in from the banner and the buttons.
    m_review->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buttons);
}

ActionReviewDialog::~ActionReviewDialog() = default;

void ActionReviewDialog::setDeployment(const QJsonObject &object, const Known &known)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const bool first = m_request.baseResourceVersion.isEmpty();
    const QJsonObject shownBefore = m_shownSpec;
    // A rollback's target stays the same when the spec changes under it; the patch it writes does not.
    const QJsonObject patchBefore = m_plan.patch;
    m_request.baseResourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    m_request.baseSpec = spec;
    m_plan = ActionPlan::make(m_request, object, m_revision);
    m_effect = effect(m_request, object, m_plan, known, !m_revision.spec.isEmpty());
    if (!ActionPlan::patchesSpec(m_request.kind))
        m_review->showStatement(m_effect.headline, m_effect.detail);
    else
        m_review->showChange(spec, m_plan.specAfter(spec), m_effect.headline, m_effect.detail);
    m_shownSpec = m_plan.specAfter(spec);
    // What the user must not miss stands above the review: a refusal, a change under their eyes, a
    // checkpoint older than the deployment allows.
    QStringList warnings;
    if (!first && !shownBefore.isEmpty() && (shownBefore != m_shownSpec || patchBefore != m_plan.patch))
        warnings << tr("%1 changed on the cluster while this was open: the review shows it as it is now.")
                        .arg(m_request.name);
    if (!m_effect.warning.isEmpty())
        warnings << m_effect.warning;
    if (m_plan.refused())
        m_banner->showMessage(MessageBanner::Kind::Error, m_plan.refusal);
    else if (!warnings.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning, warnings.join(QLatin1Char(' ')));
    m_confirm->setEnabled(!m_plan.refused());
    if (first)
        fitToChange();
}

void ActionReviewDialog::fitToChange()
{
    // As tall as the change needs, so that a one-line change does not cover the page it is about.
    auto *diff = m_review->findChild<YamlDiffView *>(QStringLiteral("reviewDiffView"));
    int height = sizeHint().height();
    if (diff && diff->isVisibleTo(this)) {
        const int lines = std::min(diff->document()->blockCount(), 32);
        height += std::max(0, (lines + 2) * diff->fontMetrics().lineSpacing() - diff->sizeHint().height());
    }
    resize(860, std::min(height, 700));
}

ActionRequest ActionReviewDialog::request() const
{
    return m_request;
}

QString ActionReviewDialog::effectText() const
{
    QStringList parts{m_effect.headline, m_effect.detail, m_effect.warning};
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' '));
}

ActionReviewDialog::Effect ActionReviewDialog::effect(const ActionRequest &request, const QJsonObject &object,
                                                      const ActionPlan &plan, const Known &known, bool revisionKnown)
{
    const QDateTime &now = known.now;
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const QString mode = upgradeModeOf(spec);
    const QString name = request.name;
    const RestoreSource latest = RestoreSource::latestCheckpoint(object, known.snapshots, known.restoredFrom);
    if (VvpObjects::isPlatformDeployment(object)) {
        const RestoreSource start = RestoreSource::forStart(object, known.snapshots, known.restoredFrom);
        switch (request.kind) {
        case ActionKind::Start:
            return {tr("Ververica Platform starts a new job for %1.").arg(name),
                    RestoreText::startSentence(start, now, false)};
        case ActionKind::Suspend:
            return {tr("Ververica Platform takes a savepoint of %1 (origin SUSPEND), then stops the job.").arg(name),
                    tr("Start restores from that savepoint (restore strategy %1).")
                        .arg(VvpObjects::deployment(object).restoreStrategy)};
        case ActionKind::CancelKeepState:
            return {tr("Ververica Platform cancels %1: the job stops without a savepoint.").arg(name),
                    tr("With restore strategy LATEST_STATE, Start restores the newer of the latest savepoint and the "
                       "latest retained checkpoint; now: %1.")
                        .arg(RestoreText::source(start, now))};
        case ActionKind::Delete:
            if (spec.value(QLatin1String("state")).toString() == QLatin1String("RUNNING"))
                return {tr("%1 is cancelled, then deleted from Ververica Platform.").arg(name),
                        tr("The platform deletes only cancelled or suspended deployments: Capstan sets the desired "
                           "state to CANCELLED (the job stops without a savepoint), waits until the platform reports "
                           "it cancelled, then deletes it. Its savepoints stay in their storage; the platform forgets "
                           "the deployment's jobs and events.")};
            return {tr("%1 is deleted from Ververica Platform.").arg(name),
                    tr("Its savepoints stay in their storage; the platform forgets the deployment's jobs and "
                       "events.")};
        case ActionKind::RollbackToSnapshot:
            return platformStartFromSavepoint(request, object, known);
        default:
            break;
        }
        return {ActionDescriptor::of(request.kind).name(), {}};
    }
    switch (request.kind) {
    case ActionKind::Suspend:
        if (mode == QLatin1String("savepoint"))
            return {tr("%1 is suspended: a savepoint is taken, then the job stops.").arg(name),
                    tr("Start restores from that savepoint.")};
        if (mode == QLatin1String("last-state"))
            return {tr("%1 is suspended: the job stops without a savepoint.").arg(name),
                    tr("Start restores from: %1.").arg(RestoreText::source(latest, now)),
                    RestoreText::ageWarning(latest, now)};
        return {tr("%1 is suspended: the job stops and its state is discarded (upgrade mode stateless).").arg(name),
                {}};
    case ActionKind::CancelKeepState:
        return {tr("%1 is cancelled and keeps its latest state: the upgrade mode becomes last-state and the job stops "
                   "without a savepoint.")
                    .arg(name),
                tr("Start restores from: %1.").arg(RestoreText::source(latest, now)),
                RestoreText::ageWarning(latest, now)};
    case ActionKind::CancelDiscardState:
        return {tr("%1 is cancelled and its state discarded: the upgrade mode becomes stateless and the job stops.")
                    .arg(name),
                tr("Start will not restore any state.")};
    case ActionKind::Start: {
        const RestoreSource source = RestoreSource::forStart(object, known.snapshots, known.restoredFrom);
        return {tr("The operator deploys %1's job again.").arg(name), RestoreText::startSentence(source, now, false),
                RestoreText::ageWarning(source, now)};
    }
    case ActionKind::Restart:
        return {tr("The operator restarts %1 (%2).").arg(name, plan.note),
                tr("With upgrade mode %1, %2").arg(mode, restartState(mode, object, known))};
    case ActionKind::RollbackToStable: {
        const QString kept = tr("Restart and redeploy nonces, the desired state, the upgrade mode and "
                                "initialSavepointPath stay as they are.");
        QString then;
        if (plan.nothingToDo)
            then = tr("The current spec already is the last stable spec: nothing is written.");
        else if (suspendedIn(spec))
            then = tr("%1 stays suspended: Start runs the rolled-back spec.").arg(name);
        else
            then = tr("With upgrade mode %1, %2").arg(mode, restartState(mode, object, known));
        return {tr("The spec the operator last saw running stably replaces the current one."),
                kept + QLatin1Char(' ') + then};
    }
    case ActionKind::RollbackToSnapshot: {
        const QString when = request.snapshotTime.isValid()
            ? tr("taken %1 ago").arg(RestoreText::age(request.snapshotTime, now))
            : tr("of unknown time");
        return {tr("The job is redeployed from the snapshot %1: %2").arg(when, request.snapshotPath),
                revisionKnown
                    ? tr("The configuration live at that time replaces today's; restart and redeploy nonces, the "
                         "desired state and the upgrade mode stay as they are now.")
                    : tr("Capstan did not observe the configuration live at that time, so only the state is "
                         "restored: today's configuration stays, with the snapshot as initialSavepointPath.")};
    }
    case ActionKind::Delete: {
        const bool savepoint
            = FlinkConfiguration(spec).value(QStringLiteral("kubernetes.operator.job.savepoint-on-deletion"))
            == QLatin1String("true");
        return {tr("%1 is deleted.").arg(name),
                savepoint ? tr("A final savepoint is taken first (kubernetes.operator.job.savepoint-on-deletion).")
                          : tr("No final savepoint is taken: the job and its state are gone, except savepoints "
                               "already written.")};
    }
    case ActionKind::ResetAutoscaler:
        return {tr("The operator resets the autoscaler of %1 (%2).").arg(name, plan.note),
                tr("The autoscaler's collected metrics, its parallelism overrides and its scaling history are "
                   "cleared; the job returns to the spec's parallelism at its next upgrade and the autoscaler starts "
                   "collecting anew.")};
    case ActionKind::AutoscalerAdvisory:
        return {tr("The autoscaler of %1 becomes advisory: it only recommends.").arg(name),
                tr("It keeps collecting metrics and computing parallelisms, but no longer rescales the job; the "
                   "operator reports each recommendation as an event.")};
    case ActionKind::AutoscalerActive:
        return {tr("The autoscaler of %1 becomes active: it scales the job.").arg(name),
                tr("When its metrics call for another parallelism, the operator rescales the job: in place where "
                   "Flink supports it, otherwise by redeploying it; with upgrade mode %1, %2")
                    .arg(mode, restartState(mode, object, known))};
    case ActionKind::EnableAutoscaler: {
        const AutoscalerConfig after = AutoscalerConfig::fromSpec(plan.specAfter(spec));
        const QString headline = tr("The operator's autoscaler is enabled for %1.").arg(name);
        if (after.mode() == AutoscalerConfig::Mode::Active)
            return {headline,
                    tr("The spec already lets it scale (%1: true): it rescales the job once it has collected "
                       "enough metrics.")
                        .arg(after.keyFor(QStringLiteral("scaling.enabled")))};
        const bool setHere = !AutoscalerConfig::fromSpec(spec).flinkConfiguration().contains(
            after.keyFor(QStringLiteral("scaling.enabled")));
        return {headline,
                (setHere ? tr("It starts in advisory mode (%1: false): it collects metrics and recommends "
                              "parallelisms without changing the job.")
                         : tr("It is advisory (%1: false): it collects metrics and recommends parallelisms "
                              "without changing the job."))
                        .arg(after.keyFor(QStringLiteral("scaling.enabled")))
                    + QLatin1Char(' ') + tr("Read its recommendations, then switch it to Active to let it scale.")};
    }
    case ActionKind::DisableAutoscaler:
        return {tr("The operator's autoscaler is disabled for %1.").arg(name),
                tr("The operator drops the autoscaler's parallelism overrides and the job returns to the spec's "
                   "parallelism: where the autoscaler had changed it, the job is redeployed; with upgrade mode "
                   "%1, %2")
                    .arg(mode, restartState(mode, object, known))};
    case ActionKind::DeleteSnapshot:
        return {tr("The snapshot %1 of %2 is deleted.").arg(request.snapshotName, name),
                tr("The operator disposes of its data in %1 when the snapshot asks for it (disposeOnDelete) and a "
                   "JobManager of the job can reach it; otherwise the files stay in their storage. Nothing restores "
                   "from it afterwards.")
                    .arg(request.snapshotPath.isEmpty() ? tr("its storage") : request.snapshotPath)};
    case ActionKind::Configure:
    case ActionKind::Create:
    case ActionKind::Savepoint:
    case ActionKind::Checkpoint:
        break;
    }
    return {ActionDescriptor::of(request.kind).name(), {}};
}

} // namespace capstan
