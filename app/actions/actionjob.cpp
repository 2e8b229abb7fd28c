#include "actions/actionjob.h"

#include "actions/actiondescriptor.h"
#include "actions/actionplan.h"
#include "flink/deployment.h"
#include "flink/specdiff.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/resourcepath.h"
#include "logging.h"
#include "session/specrevisionstore.h"
#include "json/jsontools.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace capstan {

namespace {

const QLatin1String kSpec("spec");
const QLatin1String kJob("job");
const QLatin1String kMetadata("metadata");
const QLatin1String kStatus("status");
const QLatin1String kState("state");
constexpr int kMaxStatusOnlyRetries = 3;

// The spec actions change: a blue/green deployment's template spec (Deployment::editableSpec).
QJsonObject specOf(const QJsonObject &object)
{
    return Deployment::editableSpec(object);
}

bool isBlueGreen(const QJsonObject &object)
{
    return resourceKindFromName(object.value(QLatin1String("kind")).toString())
        == ResourceKind::FlinkBlueGreenDeployment;
}

QJsonObject jobOf(const QJsonObject &spec)
{
    return spec.value(kJob).toObject();
}

QString resourceVersionOf(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QLatin1String("resourceVersion")).toString();
}

QString errorMessageOf(const QString &statusError)
{
    const QJsonObject parsed = QJsonDocument::fromJson(statusError.toUtf8()).object();
    const QString message = parsed.value(QLatin1String("message")).toString();
    return message.isEmpty() ? statusError : message;
}

QString shortId(const QString &id)
{
    return id.left(8);
}

} // namespace

ActionJob::ActionJob(KubeClient *client, SpecRevisionStore *revisions, const ActionRequest &request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_revisions(revisions)
    , m_request(request)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ActionJob::onTimeout);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ActionJob::poll);
}

ActionJob::~ActionJob()
{
    if (m_reply)
        m_reply->abort();
    if (m_pollReply)
        m_pollReply->abort();
}

QString ActionJob::objectPath() const
{
    return ResourceType::of(m_request.resourceKind).objectPath(m_request.ns, m_request.name);
}

QString ActionJob::snapshotResourcePath() const
{
    return ResourceType::flinkStateSnapshots().objectPath(m_request.ns, m_request.snapshotName);
}

void ActionJob::start()
{
    m_elapsed.start();
    if (m_request.timeoutSeconds > 0)
        m_timeout.start(m_request.timeoutSeconds * 1000);
    if (!m_client) {
        finish(ActionResult::Outcome::Failed, tr("The cluster connection is closed."),
               Error::make(QStringLiteral("NotConnected"), tr("The cluster connection is closed.")));
        return;
    }
    if (m_request.kind == ActionKind::RollbackToSnapshot && m_request.snapshotPath.trimmed().isEmpty()) {
        const QString reason = tr("This snapshot has no path, so there is no state to restore from.");
        finish(ActionResult::Outcome::Refused, reason, Error::make(QStringLiteral("Refused"), reason));
        return;
    }
    if (m_request.kind == ActionKind::Create) {
        sendCreate();
        return;
    }
    if (m_request.kind == ActionKind::Savepoint || m_request.kind == ActionKind::Checkpoint) {
        sendSnapshot();
        return;
    }
    beginStep(tr("reading %1").arg(m_request.name));
    fetch(Phase::Fetching);
}

void ActionJob::fetch(Phase phase)
{
    m_phase = phase;
    m_reply = m_client->get(objectPath());
    connect(m_reply, &KubeReply::finished, this,
            phase == Phase::Fetching ? &ActionJob::onFetched : &ActionJob::onConflictFetched);
}

void ActionJob::onFetched(const Result<QJsonObject> &result)
{
    if (m_phase != Phase::Fetching)
        return;
    if (!result) {
        const QString summary = result.error().httpStatus == 404
            ? tr("%1 no longer exists on the server.").arg(m_request.name)
            : tr("Cannot read %1: %2").arg(m_request.name, result.error().message);
        finish(ActionResult::Outcome::Failed, summary, result.error());
        return;
    }
    m_current = result.value();
    m_referenceSpec = !m_request.baseSpec.isEmpty() && !m_request.reapplyOnTop ? m_request.baseSpec : specOf(m_current);
    const QJsonObject status = m_current.value(kStatus).toObject();
    m_savepointBefore = status.value(QLatin1String("jobStatus"))
                            .toObject()
                            .value(QLatin1String("savepointInfo"))
                            .toObject()
                            .value(QLatin1String("lastSavepoint"))
                            .toObject()
                            .value(QLatin1String("location"))
                            .toString();
    m_errorBefore = status.value(QLatin1String("error")).toString();
    m_blueGreenBefore = status.value(QLatin1String("blueGreenState")).toString();
    m_blueGreenSeen = m_blueGreenBefore;
    m_steps.removeLast(); // "reading …" is an implementation detail once it worked
    buildAndSend();
}

void ActionJob::buildAndSend()
{
    SpecRevision revision;
    if (m_request.kind == ActionKind::RollbackToSnapshot && m_revisions) {
        QString uid = m_request.deploymentUid;
        if (uid.isEmpty())
            uid = m_current.value(kMetadata).toObject().value(QLatin1String("uid")).toString();
        revision = {m_revisions->specAt(uid, m_request.snapshotTime),
                    m_revisions->generationAt(uid, m_request.snapshotTime)};
    }
    const ActionPlan p = ActionPlan::make(m_request, m_current, revision);
    if (p.refused()) {
        finish(ActionResult::Outcome::Refused, p.refusal, Error::make(QStringLiteral("Refused"), p.refusal));
        return;
    }
    if (m_request.kind == ActionKind::DeleteSnapshot) {
        // The operator's finalizer disposes of the data (disposeOnDelete) before the resource goes.
        beginStep(tr("deleting snapshot %1").arg(m_request.snapshotName));
        m_phase = Phase::Writing;
        m_writeSent = true;
        m_reply = m_client->remove(snapshotResourcePath(), {}, m_request.dryRun);
        connect(m_reply, &KubeReply::finished, this, &ActionJob::onWritten);
        return;
    }
    const bool reapply = m_request.reapplyOnTop || m_conflictRetries > 0 || m_request.baseResourceVersion.isEmpty();
    const QString resourceVersion = reapply ? resourceVersionOf(m_current) : m_request.baseResourceVersion;
    if (m_request.kind == ActionKind::Delete) {
        m_sentBody = QJsonObject{
            {QStringLiteral("preconditions"), QJsonObject{{QStringLiteral("resourceVersion"), resourceVersion}}}};
        beginStep(tr("deleting %1").arg(m_request.name));
        m_phase = Phase::Writing;
        m_writeSent = true;
        m_reply = m_client->remove(objectPath(), resourceVersion, m_request.dryRun);
        connect(m_reply, &KubeReply::finished, this, &ActionJob::onWritten);
        return;
    }
    if (p.nothingToDo) {
        addInfoStep(tr("nothing to change"), ActionStep::State::Skipped);
        finish(ActionResult::Outcome::Succeeded,
               tr("%1 already has this configuration; nothing was sent.").arg(m_request.name));
        return;
    }
    if (!p.note.isEmpty() && m_conflictRetries == 0)
        addInfoStep(p.note);
    m_sentBody = QJsonObject{{QString(kSpec), p.patch}};
    m_phase = Phase::Writing;
    m_writeSent = true;
    if (m_conflictRetries == 0) {
        beginStep(tr("sending patch"));
        m_reply = m_client->mergePatch(objectPath(), m_sentBody, resourceVersion, m_request.dryRun);
    } else {
        // Only the status moved since the user's view. An operator can rewrite the status faster than a
        // read-then-write round trip, so the retry is pinned to the spec instead of the resourceVersion:
        // a JSON patch that first tests metadata.generation (which moves only with the spec).
        beginStep(tr("status changed meanwhile: sending the patch again"));
        QJsonArray operations{QJsonObject{
            {QStringLiteral("op"), QStringLiteral("test")},
            {QStringLiteral("path"), QStringLiteral("/metadata/generation")},
            {QStringLiteral("value"), m_current.value(kMetadata).toObject().value(QLatin1String("generation"))}}};
        for (const QJsonValue &operation : json::mergePatchAsOperations(m_current, m_sentBody))
            operations.append(operation);
        m_reply = m_client->jsonPatch(objectPath(), operations, m_request.dryRun);
    }
    connect(m_reply, &KubeReply::finished, this, &ActionJob::onWritten);
}

void ActionJob::sendCreate()
{
    QJsonObject metadata = m_request.newMetadata;
    if (!metadata.contains(QLatin1String("name")))
        metadata.insert(QStringLiteral("name"), m_request.name);
    if (m_request.name.isEmpty())
        m_request.name = metadata.value(QLatin1String("name")).toString();
    if (m_request.ns.isEmpty())
        m_request.ns = metadata.value(QLatin1String("namespace")).toString();
    metadata.insert(QStringLiteral("namespace"), m_request.ns);
    if (m_request.name.isEmpty() || m_request.ns.isEmpty()) {
        const QString reason = tr("A new deployment needs a name and a namespace.");
        finish(ActionResult::Outcome::Refused, reason, Error::make(QStringLiteral("Refused"), reason));
        return;
    }
    const ResourceType type = ResourceType::flinkDeployments();
    m_sentBody = QJsonObject{{QStringLiteral("apiVersion"), type.apiVersion()},
                             {QStringLiteral("kind"), type.kind},
                             {QString(kMetadata), metadata},
                             {QString(kSpec), m_request.newSpec}};
    beginStep(tr("creating %1").arg(m_request.name));
    m_phase = Phase::Writing;
    m_writeSent = true;
    m_reply = m_client->create(type.collectionPath(m_request.ns), m_sentBody, m_request.dryRun);
    connect(m_reply, &KubeReply::finished, this, &ActionJob::onWritten);
}

void ActionJob::sendSnapshot()
{
    const bool checkpoint = m_request.kind == ActionKind::Checkpoint;
    m_snapshotName = QStringLiteral("%1-%2-manual-%3")
                         .arg(m_request.name, checkpoint ? QStringLiteral("checkpoint") : QStringLiteral("savepoint"))
                         .arg(QDateTime::currentMSecsSinceEpoch());
    const ResourceType type = ResourceType::flinkStateSnapshots();
    const QJsonObject reference{{QStringLiteral("kind"), resourceKindName(m_request.resourceKind)},
                                {QStringLiteral("name"), m_request.name}};
    const QJsonObject kindSpec = checkpoint
        ? QJsonObject()
        : QJsonObject{{QStringLiteral("disposeOnDelete"), m_request.disposeOnDelete},
                      {QStringLiteral("formatType"), QStringLiteral("CANONICAL")}};
    m_sentBody = QJsonObject{
        {QStringLiteral("apiVersion"), type.apiVersion()},
        {QStringLiteral("kind"), type.kind},
        {QString(kMetadata),
         QJsonObject{{QStringLiteral("name"), m_snapshotName},
                     {QStringLiteral("namespace"), m_request.ns},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("snapshot.type"),
                                   checkpoint ? QStringLiteral("CHECKPOINT") : QStringLiteral("SAVEPOINT")},
                                  {QStringLiteral("snapshot.trigger-type"), QStringLiteral("MANUAL")},
                                  {QStringLiteral("job-reference.kind"), resourceKindName(m_request.resourceKind)},
                                  {QStringLiteral("job-reference.name"), m_request.name}}}}},
        {QString(kSpec),
         QJsonObject{{checkpoint ? QStringLiteral("checkpoint") : QStringLiteral("savepoint"), kindSpec},
                     {QStringLiteral("backoffLimit"), 0},
                     {QStringLiteral("jobReference"), reference}}}};
    beginStep(checkpoint ? tr("requesting checkpoint %1").arg(m_snapshotName)
                  : m_request.disposeOnDelete
                  ? tr("requesting savepoint %1").arg(m_snapshotName)
                  : tr("requesting savepoint %1 (its data stays when the resource is deleted)").arg(m_snapshotName));
    m_phase = Phase::Writing;
    m_writeSent = true;
    m_reply = m_client->create(type.collectionPath(m_request.ns), m_sentBody, m_request.dryRun);
    connect(m_reply, &KubeReply::finished, this, &ActionJob::onWritten);
}

void ActionJob::onWritten(const Result<QJsonObject> &result)
{
    if (m_phase != Phase::Writing)
        return;
    if (!result) {
        const Error &error = result.error();
        // A failed generation test of the retry means the spec changed: a conflict like a 409.
        const bool testFailed = m_conflictRetries > 0 && error.httpStatus == 422
            && error.message.contains(QLatin1String("/metadata/generation"));
        if ((error.httpStatus == 409 || testFailed) && error.reason != QLatin1String("AlreadyExists")
            && m_request.kind != ActionKind::Create && m_request.kind != ActionKind::Savepoint
            && m_request.kind != ActionKind::Checkpoint && m_request.kind != ActionKind::DeleteSnapshot) {
            completeStep(tr("the deployment changed on the server"), ActionStep::State::Failed);
            fetch(Phase::ConflictFetch);
            return;
        }
        QString summary;
        if (error.httpStatus == 422) {
            QStringList fields;
            for (const Error::Cause &cause : error.causes)
                fields << (cause.field.isEmpty() ? cause.message : cause.field + QStringLiteral(": ") + cause.message);
            summary = tr("The server rejected the change: %1")
                          .arg(fields.isEmpty() ? error.message : fields.join(QStringLiteral("; ")));
        } else if (error.httpStatus == 403) {
            summary = tr("You are not allowed to change %1: %2").arg(m_request.name, error.message);
        } else {
            summary = tr("The change was not applied: %1").arg(error.toString());
        }
        finish(ActionResult::Outcome::Failed, summary, error);
        return;
    }
    const QJsonObject written = result.value();
    if (m_request.dryRun) {
        completeStep(tr("dry run accepted by the server"));
        finish(ActionResult::Outcome::Succeeded, tr("The server accepted the change (dry run); nothing was changed."));
        return;
    }
    m_written = true;
    m_generation = written.value(kMetadata).toObject().value(QLatin1String("generation")).toInteger();
    switch (m_request.kind) {
    case ActionKind::Create:
        completeStep(tr("%1 created").arg(m_request.name));
        break;
    case ActionKind::Delete:
        completeStep(tr("deletion accepted"));
        break;
    case ActionKind::Savepoint:
        completeStep(tr("savepoint %1 requested").arg(m_snapshotName));
        break;
    case ActionKind::Checkpoint:
        completeStep(tr("checkpoint %1 requested").arg(m_snapshotName));
        break;
    case ActionKind::DeleteSnapshot:
        completeStep(tr("deletion of snapshot %1 accepted").arg(m_request.snapshotName));
        break;
    default:
        completeStep(tr("patch sent (generation %1)")
                         .arg(written.value(kMetadata).toObject().value(QLatin1String("generation")).toInteger()));
        break;
    }
    startWaiting(written);
}

void ActionJob::onConflictFetched(const Result<QJsonObject> &result)
{
    if (m_phase != Phase::ConflictFetch)
        return;
    if (!result) {
        Error error = result.error();
        const QString summary = error.httpStatus == 404
            ? tr("%1 was deleted on the server meanwhile.").arg(m_request.name)
            : tr("%1 changed on the server meanwhile and cannot be read now: %2").arg(m_request.name, error.message);
        finish(error.httpStatus == 404 ? ActionResult::Outcome::Failed : ActionResult::Outcome::Conflict, summary,
               error);
        return;
    }
    const QJsonObject current = result.value();
    if (SpecDiff::equal(specOf(current), m_referenceSpec) && m_conflictRetries < kMaxStatusOnlyRetries) {
        // Only the status (or metadata the user does not edit) moved: nothing of the user's view is stale.
        ++m_conflictRetries;
        m_current = current;
        buildAndSend();
        return;
    }
    QStringList changed;
    for (const SpecChange &change : SpecDiff::diff(m_referenceSpec, specOf(current)))
        changed << change.path;
    qCInfo(lcActions).noquote() << m_request.name << "changed on the server:" << changed.join(QStringLiteral(", "));
    Error error;
    error.httpStatus = 409;
    error.reason = QStringLiteral("Conflict");
    error.message = tr("%1 was changed on the server after you opened it; nothing was overwritten. Review "
                       "the changes, then re-apply yours on top or discard them.")
                        .arg(m_request.name);
    finish(ActionResult::Outcome::Conflict, error.message, error, current);
}

void ActionJob::startWaiting(const QJsonObject &written)
{
    m_phase = Phase::Waiting;
    m_generation = written.value(kMetadata).toObject().value(QLatin1String("generation")).toInteger();
    if (m_request.kind == ActionKind::Delete || m_request.kind == ActionKind::DeleteSnapshot) {
        m_target = Target::Gone;
    } else if (m_request.kind == ActionKind::Savepoint || m_request.kind == ActionKind::Checkpoint) {
        m_target = Target::SnapshotDone;
    } else {
        const QJsonObject after = specOf(written);
        const QJsonObject before = m_request.kind == ActionKind::Create ? QJsonObject() : specOf(m_current);
        const ChangeClass change = SpecDiff::classify(before, after);
        const bool suspended
            = after.contains(kJob) && jobOf(after).value(kState).toString() == QLatin1String("suspended");
        if (m_request.kind != ActionKind::Create && (change == ChangeClass::None || change == ChangeClass::Ignore))
            m_target = Target::Reconciled;
        else
            m_target = suspended ? Target::Suspended : Target::Running;
    }
    beginStep(tr("waiting for %1…").arg(targetText()));
    poll();
}

void ActionJob::poll()
{
    if (m_phase != Phase::Waiting || m_pollReply)
        return;
    const QString path = m_target == Target::SnapshotDone
        ? ResourceType::flinkStateSnapshots().objectPath(m_request.ns, m_snapshotName)
        : m_request.kind == ActionKind::DeleteSnapshot ? snapshotResourcePath()
                                                       : objectPath();
    m_pollReply = m_client->get(path);
    connect(m_pollReply, &KubeReply::finished, this, &ActionJob::onPolled);
}

void ActionJob::onPolled(const Result<QJsonObject> &result)
{
    if (m_phase != Phase::Waiting)
        return;
    if (!result) {
        if (result.error().httpStatus == 404) {
            if (m_target == Target::Gone && m_request.kind == ActionKind::DeleteSnapshot) {
                completeStep(tr("snapshot %1 deleted").arg(m_request.snapshotName));
                finish(ActionResult::Outcome::Succeeded,
                       tr("The snapshot %1 of %2 was deleted.").arg(m_request.snapshotName, m_request.name));
                return;
            }
            if (m_target == Target::Gone) {
                completeStep(tr("%1 deleted").arg(m_request.name));
                finish(ActionResult::Outcome::Succeeded, tr("%1 was deleted.").arg(m_request.name));
                return;
            }
            const QString summary = m_target == Target::SnapshotDone
                ? tr("The savepoint %1 was deleted before it completed.").arg(m_snapshotName)
                : tr("%1 was deleted while waiting for %2.").arg(m_request.name, targetText());
            finish(ActionResult::Outcome::Failed, summary, result.error());
            return;
        }
        qCDebug(lcActions).noquote() << "polling" << m_request.name << "failed:" << result.error().toString();
    } else if (m_target == Target::SnapshotDone) {
        evaluateSnapshot(result.value());
    } else {
        evaluateDeployment(result.value());
    }
    if (m_phase == Phase::Waiting)
        m_pollTimer.start(m_pollIntervalMs);
}

void ActionJob::observe(const QJsonObject &deployment)
{
    if (m_phase != Phase::Waiting || m_target == Target::SnapshotDone)
        return;
    evaluateDeployment(deployment);
}

void ActionJob::evaluateDeployment(const QJsonObject &object)
{
    if (m_phase != Phase::Waiting)
        return;
    const QJsonObject status = object.value(kStatus).toObject();
    const QJsonObject jobStatus = status.value(QLatin1String("jobStatus")).toObject();
    const qint64 observed = status.value(QLatin1String("observedGeneration")).toInteger();
    const QString lifecycle = status.value(QLatin1String("lifecycleState")).toString();
    const QString jobState = jobStatus.value(kState).toString();
    const QString savepoint = jobStatus.value(QLatin1String("savepointInfo"))
                                  .toObject()
                                  .value(QLatin1String("lastSavepoint"))
                                  .toObject()
                                  .value(QLatin1String("location"))
                                  .toString();
    if (!savepoint.isEmpty() && savepoint != m_savepointBefore) {
        m_savepointBefore = savepoint;
        addInfoStep(tr("savepoint COMPLETED: %1").arg(savepoint));
    }
    const QString error = status.value(QLatin1String("error")).toString();
    if (!error.isEmpty() && error != m_errorBefore && !m_reportedErrors.contains(error)) {
        m_reportedErrors.insert(error);
        const QString message = errorMessageOf(error);
        if (error.contains(QLatin1String("ValidationException"))) {
            finish(ActionResult::Outcome::Failed, tr("The operator rejected the new spec: %1").arg(message),
                   Error::make(QStringLiteral("ValidationError"), message));
            return;
        }
        addInfoStep(tr("operator reports: %1").arg(message), ActionStep::State::Failed);
    }
    if (isBlueGreen(object)) {
        evaluateBlueGreen(object);
        return;
    }
    if (observed < m_generation)
        return;
    if (lifecycle == QLatin1String("ROLLED_BACK")) {
        const QString summary = tr("The operator rolled %1 back to its last stable spec: the change did "
                                   "not become healthy.")
                                    .arg(m_request.name);
        finish(ActionResult::Outcome::Failed, summary, Error::make(QStringLiteral("RolledBack"), summary));
        return;
    }
    const bool deployed = lifecycle == QLatin1String("STABLE") || lifecycle == QLatin1String("DEPLOYED");
    const bool session = !specOf(object).contains(kJob);
    switch (m_target) {
    case Target::Reconciled:
        if (lifecycle == QLatin1String("UPGRADING") || lifecycle == QLatin1String("ROLLING_BACK"))
            return;
        completeStep(tr("operator reconciled generation %1").arg(observed));
        finish(ActionResult::Outcome::Succeeded,
               tr("%1: the change was applied without restarting the job.").arg(m_request.name));
        return;
    case Target::Suspended:
        if (lifecycle != QLatin1String("SUSPENDED"))
            return;
        completeStep(tr("job SUSPENDED"));
        finish(ActionResult::Outcome::Succeeded, tr("%1 is suspended.").arg(m_request.name));
        return;
    case Target::Running: {
        if (lifecycle == QLatin1String("FAILED")) {
            const QString message = errorMessageOf(error);
            const QString summary
                = tr("The job of %1 FAILED after the change%2")
                      .arg(m_request.name, message.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + message);
            finish(ActionResult::Outcome::Failed, summary, Error::make(QStringLiteral("JobFailed"), summary));
            return;
        }
        const bool up = session
            ? status.value(QLatin1String("jobManagerDeploymentStatus")).toString() == QLatin1String("READY")
            : jobState == QLatin1String("RUNNING");
        if (!deployed || !up)
            return;
        const QString jobId = jobStatus.value(QLatin1String("jobId")).toString();
        completeStep(session || jobId.isEmpty() ? tr("job RUNNING") : tr("job RUNNING (job %1)").arg(shortId(jobId)));
        finish(ActionResult::Outcome::Succeeded, tr("%1 is running.").arg(m_request.name));
        return;
    }
    case Target::None:
    case Target::Gone:
    case Target::SnapshotDone:
        return;
    }
}

void ActionJob::evaluateBlueGreen(const QJsonObject &object)
{
    const QJsonObject status = object.value(kStatus).toObject();
    const QString state = status.value(QLatin1String("blueGreenState")).toString();
    const bool active = state.startsWith(QLatin1String("ACTIVE_"));
    if (state != m_blueGreenSeen) {
        m_blueGreenSeen = state;
        if (!state.isEmpty())
            addInfoStep(tr("blue/green state %1").arg(state));
        if (!active)
            m_blueGreenMoved = true;
    }
    if (m_target == Target::Reconciled) {
        // Nothing in the template changed: the operator records it without a transition (a blue/green
        // status has no observedGeneration to wait for).
        completeStep(tr("no transition needed"));
        finish(ActionResult::Outcome::Succeeded,
               tr("%1: the change was applied without a transition.").arg(m_request.name));
        return;
    }
    if (!active)
        return;
    const QString child = state.mid(int(qstrlen("ACTIVE_"))).toLower();
    const QString error = status.value(QLatin1String("error")).toString();
    if (state == m_blueGreenBefore && !m_blueGreenMoved) {
        // Still the same child: done when the operator applied the change to it in place (fields a
        // transition ignores), which it records as reconciled; otherwise its transition is still ahead.
        const QJsonObject reconciled
            = QJsonDocument::fromJson(status.value(QLatin1String("lastReconciledSpec")).toString().toUtf8()).object();
        const QJsonObject recordedTemplate
            = reconciled.value(kSpec).toObject().value(QLatin1String("template")).toObject().value(kSpec).toObject();
        if (recordedTemplate.isEmpty() || !SpecDiff::equal(recordedTemplate, specOf(object)))
            return;
        completeStep(tr("applied to the %1 child in place").arg(child));
        finish(ActionResult::Outcome::Succeeded,
               tr("%1: the change was applied to its %2 child without a transition.").arg(m_request.name, child));
        return;
    }
    // The operator passes through the old colour between its savepoint and the new child: only an error
    // (or a failing job) there says the transition was aborted.
    const QString jobState = status.value(QLatin1String("jobStatus")).toObject().value(kState).toString();
    if (state == m_blueGreenBefore
        && ((!error.isEmpty() && error != m_errorBefore) || jobState == QLatin1String("FAILING"))) {
        // Back where it started: the operator aborted the transition and kept the old child.
        const QString message = errorMessageOf(error);
        const QString summary
            = tr("The operator aborted the transition of %1 and kept its %2 child%3")
                  .arg(m_request.name, child, message.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + message);
        finish(ActionResult::Outcome::Failed, summary, Error::make(QStringLiteral("TransitionAborted"), summary));
        return;
    }
    if (state == m_blueGreenBefore || jobState != QLatin1String("RUNNING"))
        return;
    completeStep(tr("%1 child active, job RUNNING").arg(child));
    finish(ActionResult::Outcome::Succeeded, tr("%1 runs on its %2 child.").arg(m_request.name, child));
}

void ActionJob::evaluateSnapshot(const QJsonObject &object)
{
    const QJsonObject status = object.value(kStatus).toObject();
    const QString state = status.value(kState).toString();
    if (state == m_snapshotState)
        return;
    m_snapshotState = state;
    const bool checkpoint = m_request.kind == ActionKind::Checkpoint;
    if (state == QLatin1String("COMPLETED")) {
        const QString path = status.value(QLatin1String("path")).toString();
        completeStep(checkpoint ? tr("checkpoint COMPLETED: %1").arg(path) : tr("savepoint COMPLETED: %1").arg(path));
        finish(ActionResult::Outcome::Succeeded,
               checkpoint ? tr("Checkpoint of %1 completed: %2").arg(m_request.name, path)
                          : tr("Savepoint of %1 completed: %2").arg(m_request.name, path));
    } else if (state == QLatin1String("FAILED") || state == QLatin1String("ABANDONED")) {
        const QString message = status.value(QLatin1String("error")).toString();
        const bool failed = state == QLatin1String("FAILED");
        const QString summary = (checkpoint   ? failed ? tr("The checkpoint of %1 failed: %2")
                                                       : tr("The checkpoint of %1 was abandoned: %2")
                                       : failed ? tr("The savepoint of %1 failed: %2")
                                              : tr("The savepoint of %1 was abandoned: %2"))
                                    .arg(m_request.name, message);
        Error error
            = Error::make(checkpoint ? QStringLiteral("CheckpointError") : QStringLiteral("SavepointError"), summary);
        finish(ActionResult::Outcome::Failed, summary, error);
    } else if (state == QLatin1String("IN_PROGRESS")) {
        addInfoStep(checkpoint ? tr("checkpoint IN_PROGRESS") : tr("savepoint IN_PROGRESS"));
    }
}

void ActionJob::abandon()
{
    if (m_phase == Phase::Done)
        return;
    const bool inFlight = m_phase == Phase::Writing;
    if (m_reply)
        m_reply->abort();
    QString summary;
    if (!m_writeSent)
        summary = tr("Abandoned before anything was sent.");
    else if (inFlight)
        summary = tr("Abandoned; the change may already have reached the server.");
    else
        summary = tr("Stopped waiting for %1; the change was sent and may still complete.").arg(targetText());
    finish(ActionResult::Outcome::Abandoned, summary);
}

void ActionJob::onTimeout()
{
    if (m_phase == Phase::Done)
        return;
    if (m_reply)
        m_reply->abort();
    QString summary;
    if (m_phase == Phase::Waiting)
        summary = tr("The operator did not report %1 within %2; the change was sent and may still "
                     "complete.")
                      .arg(targetText(), waitLimitText());
    else if (m_writeSent)
        summary = tr("The API server did not answer within %1; the change may have reached it.").arg(waitLimitText());
    else
        summary = tr("The API server did not answer within %1; nothing was changed.").arg(waitLimitText());
    finish(ActionResult::Outcome::TimedOut, summary, Error::make(QStringLiteral("Timeout"), summary));
}

QString ActionJob::targetText() const
{
    switch (m_target) {
    case Target::Running:
        return tr("the job RUNNING");
    case Target::Suspended:
        return tr("the job SUSPENDED");
    case Target::Reconciled:
        return tr("the change reconciled");
    case Target::Gone:
        return m_request.kind == ActionKind::DeleteSnapshot ? tr("the snapshot deleted") : tr("the deployment deleted");
    case Target::SnapshotDone:
        return m_request.kind == ActionKind::Checkpoint ? tr("the checkpoint COMPLETED")
                                                        : tr("the savepoint COMPLETED");
    case Target::None:
        break;
    }
    return tr("the operator");
}

QString ActionJob::waitLimitText() const
{
    const int s = m_request.timeoutSeconds;
    return s >= 60 && s % 60 == 0 ? tr("%1 min").arg(s / 60) : tr("%1 s").arg(s);
}

void ActionJob::beginStep(const QString &text)
{
    m_steps.append({text, ActionStep::State::Running, m_elapsed.elapsed()});
    emitProgress();
}

void ActionJob::completeStep(const QString &text, ActionStep::State state)
{
    if (m_steps.isEmpty() || m_steps.last().state != ActionStep::State::Running) {
        m_steps.append({text, state, m_elapsed.elapsed()});
    } else {
        m_steps.last().text = text;
        m_steps.last().state = state;
        m_steps.last().elapsedMs = m_elapsed.elapsed();
    }
    emitProgress();
}

void ActionJob::addInfoStep(const QString &text, ActionStep::State state)
{
    // Observations go before the step still waiting, so the waiting step stays last.
    const ActionStep step{text, state, m_elapsed.elapsed()};
    if (!m_steps.isEmpty() && m_steps.last().state == ActionStep::State::Running)
        m_steps.insert(m_steps.size() - 1, step);
    else
        m_steps.append(step);
    emitProgress();
}

void ActionJob::emitProgress()
{
    ActionProgress p;
    p.id = m_request.id;
    p.kind = m_request.kind;
    p.deploymentName = m_request.name;
    // A list of its own, not a shared copy of m_steps: the receiver in the GUI thread may still hold
    // it when the next step is inserted here, and Qt decides whether to detach with a relaxed load of
    // the reference count, which does not order the two threads' accesses to a shared buffer.
    p.steps = QList<ActionStep>(m_steps.cbegin(), m_steps.cend());
    p.written = m_written;
    p.writtenGeneration = m_written ? m_generation : 0;
    emit progress(p);
}

void ActionJob::finish(ActionResult::Outcome outcome, const QString &summary, const Error &error,
                       const QJsonObject &serverObject)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_timeout.stop();
    m_pollTimer.stop();
    if (m_pollReply)
        m_pollReply->abort();
    if (!m_steps.isEmpty() && m_steps.last().state == ActionStep::State::Running) {
        m_steps.last().state
            = outcome == ActionResult::Outcome::Abandoned ? ActionStep::State::Skipped : ActionStep::State::Failed;
        m_steps.last().elapsedMs = m_elapsed.elapsed();
    }
    if (outcome != ActionResult::Outcome::Succeeded && outcome != ActionResult::Outcome::Abandoned
        && (m_steps.isEmpty() || m_steps.last().state != ActionStep::State::Failed))
        m_steps.append({summary, ActionStep::State::Failed, m_elapsed.elapsed()});
    emitProgress();
    ActionResult result;
    result.id = m_request.id;
    result.kind = m_request.kind;
    result.outcome = outcome;
    result.error = error;
    result.serverObject = serverObject;
    if (m_request.kind != ActionKind::Savepoint && m_request.kind != ActionKind::Checkpoint
        && m_request.kind != ActionKind::Delete && m_request.kind != ActionKind::DeleteSnapshot)
        result.writtenGeneration = m_generation;
    result.summary = summary;
    emit finished(result);
}

} // namespace capstan
