#include "session/logreader.h"

#include "kube/accesscheck.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/logstream.h"
#include "kube/resourcepath.h"
#include "logging.h"

#include <memory>

namespace capstan {

const QString LogReader::forbiddenReason = QStringLiteral("LogForbidden");
const QString LogReader::unavailableReason = QStringLiteral("LogUnavailable");

LogReader::LogReader(KubeClient *client, const LogRequest &request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(request)
{
}

LogReader::~LogReader()
{
    stop();
}

void LogReader::start()
{
    startKubernetes();
}

void LogReader::stop()
{
    m_done = true;
    if (m_stream) {
        m_stream->stop();
        m_stream->deleteLater();
        m_stream = nullptr;
    }
}

void LogReader::startKubernetes()
{
    if (!m_client) {
        finish(Error::make(unavailableReason, tr("The cluster connection is closed.")));
        return;
    }
    m_source = tr("Kubernetes (pods/log)");
    m_stream = m_client->podLog(m_request.ns, m_request.pod, m_request.options, this);
    connect(m_stream, &LogStream::lines, this, [this](const QStringList &lines) { emit this->lines(lines, m_source); });
    connect(m_stream, &LogStream::finished, this, [this](const Error &error) {
        m_stream->deleteLater();
        m_stream = nullptr;
        if (error.httpStatus == 403)
            startRest(error);
        else
            finish(error);
    });
    m_stream->start();
}

void LogReader::startRest(const Error &kubeError)
{
    // Flink's REST API knows the JobManager's current log and its registered TaskManagers' (in
    // native mode a TaskManager's resource id is its pod name); nothing of a previous container.
    QString restPath;
    if (m_request.component == PodComponent::JobManager)
        restPath = QStringLiteral("/jobmanager/log");
    else if (m_request.component == PodComponent::TaskManager)
        restPath = QStringLiteral("/taskmanagers/%1/log").arg(m_request.pod);
    if (restPath.isEmpty() || m_request.deployment.isEmpty() || m_request.options.previous || !m_client) {
        const Error restError
            = Error::make(unavailableReason,
                          m_request.options.previous ? tr("Flink's REST API has no log of a previous container.")
                                                     : tr("Flink's REST API has no log of this pod."));
        checkAccess(kubeError, restError);
        return;
    }
    m_source = m_request.options.follow ? tr("Flink REST (%1), not followed: pods/log is forbidden").arg(restPath)
                                        : tr("Flink REST (%1): pods/log is forbidden").arg(restPath);
    const QString path = serviceProxyPath(m_request.ns, m_request.deployment + QLatin1String("-rest"),
                                          QStringLiteral("rest"), restPath);
    m_stream = new LogStream(m_client, path, {}, false, this);
    if (m_request.options.tailLines >= 0)
        m_stream->setKeepLast(std::max(1, m_request.options.tailLines));
    connect(m_stream, &LogStream::lines, this, [this](const QStringList &lines) { emit this->lines(lines, m_source); });
    connect(m_stream, &LogStream::finished, this, [this, kubeError](const Error &error) {
        m_stream->deleteLater();
        m_stream = nullptr;
        if (error.reason.isEmpty() && error.httpStatus == 0)
            finish({});
        else
            checkAccess(kubeError, error);
    });
    m_stream->start();
}

void LogReader::checkAccess(const Error &kubeError, const Error &restError)
{
    // Which permission is missing: "get pods/log" (and, for the fallback, "get services/proxy").
    AccessCheck logs;
    logs.ns = m_request.ns;
    logs.verb = QStringLiteral("get");
    logs.resource = QStringLiteral("pods");
    logs.subresource = QStringLiteral("log");
    AccessCheck proxy = logs;
    proxy.resource = QStringLiteral("services");
    proxy.subresource = QStringLiteral("proxy");
    const QList<AccessCheck> checks{logs, proxy};
    auto answers = std::make_shared<QList<AccessCheck>>();
    for (const AccessCheck &check : checks) {
        KubeReply *reply = m_client->create(AccessCheck::reviewPath, check.reviewRequest());
        connect(reply, &KubeReply::finished, this,
                [this, check, answers, kubeError, restError](const Result<QJsonObject> &result) {
                    answers->append(result ? check.answeredBy(result.value()) : check);
                    if (answers->size() < 2 || m_done)
                        return;
                    QStringList missing;
                    for (const AccessCheck &a : std::as_const(*answers)) {
                        if (a.answered && !a.allowed)
                            missing << (a.reason.isEmpty() ? QStringLiteral("\"%1\"").arg(a.key())
                                                           : QStringLiteral("\"%1\" (%2)").arg(a.key(), a.reason));
                    }
                    Error error = kubeError;
                    if (!missing.isEmpty()) {
                        error.reason = forbiddenReason;
                        error.message = tr("You may not read this log: the permission %1 is missing. Ask your "
                                           "cluster administrator for it. Flink's REST API did not help either: %2")
                                            .arg(missing.join(tr(" and ")), restError.message);
                    } else {
                        error.reason = unavailableReason;
                        error.message = tr("The log cannot be read. Kubernetes said: %1 Flink's REST API said: %2")
                                            .arg(kubeError.message, restError.message);
                    }
                    finish(error);
                });
    }
}

void LogReader::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(error);
}

} // namespace capstan
