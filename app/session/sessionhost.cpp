#include "session/sessionhost.h"

#include "vvp/vvpsession.h"

#include "kube/serverclock.h"

namespace capstan {

void SessionHost::registerMetaTypes()
{
    qRegisterMetaType<capstan::Error>();
    qRegisterMetaType<capstan::SessionState>();
    qRegisterMetaType<capstan::ConnectionSummary>();
    qRegisterMetaType<capstan::Deployment>();
    qRegisterMetaType<capstan::DeploymentBatch>();
    qRegisterMetaType<capstan::InformerBatch>();
    qRegisterMetaType<capstan::InformerState>();
    qRegisterMetaType<capstan::WatchEnd>();
    qRegisterMetaType<capstan::EventBatch>();
    qRegisterMetaType<capstan::VvpApiDescription>();
    qRegisterMetaType<capstan::SnapshotBatch>();
    qRegisterMetaType<capstan::JobManagerInfo>();
    qRegisterMetaType<capstan::JobGraph>();
    qRegisterMetaType<capstan::AutoscalerState>();
    qRegisterMetaType<capstan::VvpEndpoint>();
    qRegisterMetaType<QList<capstan::VvpEndpoint>>();
    qRegisterMetaType<capstan::VertexDetails>();
    qRegisterMetaType<capstan::JobRun>();
    qRegisterMetaType<QList<capstan::JobRun>>();
    qRegisterMetaType<capstan::MetricSample>();
    qRegisterMetaType<QList<capstan::MetricSample>>();
    qRegisterMetaType<capstan::ActionRequest>();
    qRegisterMetaType<capstan::ActionProgress>();
    qRegisterMetaType<capstan::ActionResult>();
    qRegisterMetaType<capstan::AuditEntry>();
    qRegisterMetaType<QList<capstan::AuditEntry>>();
    qRegisterMetaType<capstan::AuditQuery>();
    qRegisterMetaType<capstan::AccessCheck>();
    qRegisterMetaType<capstan::AccessCheckList>();
    qRegisterMetaType<capstan::Pod>();
    qRegisterMetaType<capstan::PodBatch>();
    qRegisterMetaType<capstan::PodProblem>();
    qRegisterMetaType<capstan::Obituary>();
    qRegisterMetaType<capstan::ObituaryBatch>();
    qRegisterMetaType<capstan::LogRequest>();
}

SessionHost::SessionHost(const KubeConfig &config, const QString &contextName, const QString &ns,
                         const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_contextName(contextName)
    , m_platform(options.platform.isValid())
    , m_pollIntervalMs(options.pollIntervalMs)
    , m_session(options.platform.isValid() ? static_cast<BackendSession *>(
                    new VvpSession(config, contextName, options.platform, ns, options.platformToken,
                                   VvpSession::Options{std::max(5000, options.pollIntervalMs), options.pollIntervalMs,
                                                       options.historyPath, options.metricRetentionMs}))
                                           : new ClusterSession(config, contextName, ns, options))
    , m_clock(m_session->clock())
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("capstan-backend"));
    m_session->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_session, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_session, [session = m_session] { session->start(); });
}

SessionHost::~SessionHost()
{
    // The session is deleted in its own thread when the thread finishes (deleteLater above).
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

QDateTime SessionHost::serverNow() const
{
    return m_clock->now();
}

QDateTime SessionHost::serverNow(const SessionHost *host)
{
    return host ? host->serverNow() : QDateTime::currentDateTimeUtc();
}

void SessionHost::openDeployment(const QString &uid)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, uid] { session->openDeployment(uid); });
}

void SessionHost::setPrometheus(const PrometheusConfig &config)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, config] { session->setPrometheus(config); });
}

void SessionHost::setPinned(const QStringList &keys)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, keys] { session->setPinned(keys); });
}

void SessionHost::setPollInterval(int ms)
{
    m_pollIntervalMs = ms;
    QMetaObject::invokeMethod(m_session, [session = m_session, ms] { session->setPollInterval(ms); });
}

void SessionHost::setMetricRetention(qint64 ms)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ms] { session->setMetricRetention(ms); });
}

void SessionHost::watchJobGraph(const QString &uid, bool on, const QString &vertexId)
{
    QMetaObject::invokeMethod(m_session,
                              [session = m_session, uid, on, vertexId] { session->watchJobGraph(uid, on, vertexId); });
}

void SessionHost::watchAutoscaler(const QString &uid, bool on)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, uid, on] { session->watchAutoscaler(uid, on); });
}

void SessionHost::closeDeployment(const QString &uid)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, uid] { session->closeDeployment(uid); });
}

void SessionHost::runAction(const ActionRequest &request)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, request] { session->runAction(request); });
}

void SessionHost::abandonAction(quint64 id)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, id] { session->abandonAction(id); });
}

void SessionHost::requestSpecRevision(const QString &uid, const QDateTime &time)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, uid, time] { session->requestSpecRevision(uid, time); });
}

void SessionHost::requestPreviousSpecRevision(const QString &uid)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, uid] { session->requestPreviousSpecRevision(uid); });
}

void SessionHost::requestAuditEntries(const AuditQuery &query)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, query] { session->requestAuditEntries(query); });
}

quint64 SessionHost::openLog(const LogRequest &request)
{
    const quint64 id = ++m_nextLogId;
    QMetaObject::invokeMethod(m_session, [session = m_session, id, request] { session->openLog(id, request); });
    return id;
}

void SessionHost::closeLog(quint64 id)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, id] { session->closeLog(id); });
}

void SessionHost::openDashboard(const QString &ns, const QString &name)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns, name] { session->openDashboard(ns, name); });
}

void SessionHost::closeDashboard(const QString &ns, const QString &name)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns, name] { session->closeDashboard(ns, name); });
}

void SessionHost::requestDeploymentDefaults(const QString &ns)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns] { session->requestDeploymentDefaults(ns); });
}

void SessionHost::saveDeploymentDefaults(const QString &ns, const QJsonObject &specPatch,
                                         const QString &resourceVersion)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns, specPatch, resourceVersion] {
        session->saveDeploymentDefaults(ns, specPatch, resourceVersion);
    });
}

void SessionHost::requestSecretValues(const QString &ns)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns] { session->requestSecretValues(ns); });
}

void SessionHost::createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value)
{
    QMetaObject::invokeMethod(
        m_session, [session = m_session, ns, name, kind, value] { session->createSecretValue(ns, name, kind, value); });
}

void SessionHost::deleteSecretValue(const QString &ns, const QString &name)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns, name] { session->deleteSecretValue(ns, name); });
}

void SessionHost::setNamespace(const QString &ns)
{
    QMetaObject::invokeMethod(m_session, [session = m_session, ns] { session->setNamespace(ns); });
}

} // namespace capstan
