#include "actions/actionrunner.h"

#include "actions/actiondescriptor.h"
#include "actions/actionjob.h"
#include "flink/deployment.h"
#include "kube/kubeclient.h"
#include "kube/serverclock.h"
#include "logging.h"
#include "session/auditlog.h"

#include <QDateTime>

namespace capstan {

ActionRunner::ActionRunner(KubeClient *client, const QString &contextName, AuditLog *audit,
                           SpecRevisionStore *revisions, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_contextName(contextName)
    , m_audit(audit)
    , m_revisions(revisions)
{
}

ActionRunner::~ActionRunner()
{
    // Jobs are children: deleted with the runner without emitting (the session is going away).
    for (ActionJob *job : std::as_const(m_jobs))
        job->disconnect(this);
}

QString ActionRunner::outcomeName(ActionResult::Outcome outcome)
{
    switch (outcome) {
    case ActionResult::Outcome::Succeeded:
        return QStringLiteral("Succeeded");
    case ActionResult::Outcome::Failed:
        return QStringLiteral("Failed");
    case ActionResult::Outcome::Conflict:
        return QStringLiteral("Conflict");
    case ActionResult::Outcome::Refused:
        return QStringLiteral("Refused");
    case ActionResult::Outcome::Abandoned:
        return QStringLiteral("Abandoned");
    case ActionResult::Outcome::TimedOut:
        return QStringLiteral("TimedOut");
    }
    return {};
}

bool ActionRunner::isRunning(quint64 id) const
{
    return m_jobs.contains(id);
}

bool ActionRunner::isBusy(const QString &ns, const QString &name) const
{
    const QString key = Deployment::keyOf(ns, name);
    for (const ActionJob *job : m_jobs) {
        if (Deployment::keyOf(job->request().ns, job->request().name) == key)
            return true;
    }
    return false;
}

int ActionRunner::runningCount() const
{
    return int(m_jobs.size());
}

void ActionRunner::run(const ActionRequest &request)
{
    QString refusal;
    if (m_jobs.contains(request.id)) {
        refusal = tr("An action with id %1 is already running.").arg(request.id);
    } else if (!request.name.isEmpty() && isBusy(request.ns, request.name)) {
        for (const ActionJob *job : std::as_const(m_jobs)) {
            if (job->request().ns == request.ns && job->request().name == request.name) {
                refusal = tr("Another action (%1) is still running on %2; wait for it to finish or "
                             "abandon it.")
                              .arg(ActionDescriptor::of(job->request().kind).name(), request.name);
                break;
            }
        }
    }
    if (!refusal.isEmpty()) {
        qCInfo(lcActions).noquote() << QLatin1String(ActionDescriptor::of(request.kind).key) << request.name
                                    << "refused:" << refusal;
        ActionProgress progress;
        progress.id = request.id;
        progress.kind = request.kind;
        progress.deploymentName = request.name;
        progress.steps.append({refusal, ActionStep::State::Failed, 0});
        emit this->progress(progress);
        ActionResult result;
        result.id = request.id;
        result.kind = request.kind;
        result.outcome = ActionResult::Outcome::Refused;
        result.error = Error::make(QStringLiteral("Refused"), refusal);
        result.summary = refusal;
        result.deploymentUid = request.deploymentUid;
        result.finishedAt = finishTime();
        audit(request, result, {});
        emit finished(result);
        return;
    }
    auto *job = new ActionJob(m_client, m_revisions, request, this);
    job->setPollIntervalMs(m_pollIntervalMs);
    m_jobs.insert(request.id, job);
    connect(job, &ActionJob::progress, this, &ActionRunner::progress);
    connect(job, &ActionJob::finished, this, [this, job](const ActionResult &result) { onJobFinished(job, result); });
    qCInfo(lcActions).noquote() << QLatin1String(ActionDescriptor::of(request.kind).key)
                                << Deployment::keyOf(request.ns, request.name) << "started (id" << request.id << ")";
    job->start();
}

QDateTime ActionRunner::finishTime() const
{
    return ServerClock::nowOrLocal(m_client ? m_client->clock().get() : nullptr);
}

void ActionRunner::onJobFinished(ActionJob *job, const ActionResult &jobResult)
{
    ActionResult result = jobResult;
    result.deploymentUid = job->request().deploymentUid;
    result.finishedAt = finishTime();
    m_jobs.remove(result.id);
    qCInfo(lcActions).noquote() << QLatin1String(ActionDescriptor::of(result.kind).key) << job->request().name
                                << outcomeName(result.outcome) << ":" << result.summary;
    audit(job->request(), result, job->sentBody());
    job->deleteLater();
    emit finished(result);
}

void ActionRunner::audit(const ActionRequest &request, const ActionResult &result, const QJsonObject &diff)
{
    if (!m_audit)
        return;
    AuditEntry entry;
    entry.time = result.finishedAt;
    entry.context = m_contextName;
    entry.ns = request.ns;
    entry.deployment = request.name;
    entry.action = QLatin1String(ActionDescriptor::of(request.kind).key);
    entry.outcome = outcomeName(result.outcome);
    entry.message = result.summary;
    m_audit->append(entry, diff);
}

bool ActionRunner::abandon(quint64 id)
{
    ActionJob *job = m_jobs.value(id);
    if (!job)
        return false;
    job->abandon();
    return true;
}

void ActionRunner::observe(const QJsonObject &deployment)
{
    if (m_jobs.isEmpty())
        return;
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    const QString name = metadata.value(QLatin1String("name")).toString();
    const QList<ActionJob *> jobs = m_jobs.values();
    for (ActionJob *job : jobs) {
        if (job->request().ns == ns && job->request().name == name)
            job->observe(deployment);
    }
}

} // namespace capstan
