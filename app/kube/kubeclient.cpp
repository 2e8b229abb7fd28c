#include "kube/kubeclient.h"

#include "kube/resourcepath.h"
#include "kube/serverclock.h"
#include "logging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace capstan {

KubeClient::KubeClient(QNetworkAccessManager *nam, const ConnectionConfig &config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(config)
    , m_credentials(new CredentialProvider(config, this))
    , m_clock(std::make_shared<ServerClock>())
{
    applyProxy(m_nam);
    if (m_config.insecure())
        qCWarning(lcKube).noquote() << "TLS verification is disabled for context" << m_config.contextName
                                    << "(insecure-skip-tls-verify)";
}

KubeClient::~KubeClient() = default;

void KubeClient::applyProxy(QNetworkAccessManager *nam) const
{
    if (!m_config.proxy.isValid())
        return;
    const bool socks = m_config.proxy.scheme().startsWith(QLatin1String("socks"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, m_config.proxy.host(),
                        static_cast<quint16>(m_config.proxy.port(socks ? 1080 : 3128)), m_config.proxy.userName(),
                        m_config.proxy.password());
    nam->setProxy(proxy);
}

QNetworkAccessManager *KubeClient::streamManager()
{
    constexpr int kStreamsPerManager = 6;
    for (const StreamManager &manager : std::as_const(m_streamManagers)) {
        if (manager.open < kStreamsPerManager)
            return manager.nam;
    }
    auto *nam = new QNetworkAccessManager(this);
    applyProxy(nam);
    m_streamManagers.append({nam, 0});
    return nam;
}

void KubeClient::setClock(std::shared_ptr<ServerClock> clock)
{
    if (clock)
        m_clock = std::move(clock);
}

QNetworkRequest KubeClient::buildRequest(const QString &path, const QUrlQuery &query,
                                         const Credential &credential) const
{
    QUrl url = m_config.server;
    // Keep a path prefix of the server URL (API servers behind a path-routing proxy).
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "capstan/" CAPSTAN_VERSION);
    if (!credential.authorization.isEmpty())
        request.setRawHeader("Authorization", credential.authorization);
    const KubeUser &user = m_config.user;
    if (!user.impersonate.isEmpty())
        request.setRawHeader("Impersonate-User", user.impersonate.toUtf8());
    // QNetworkRequest (Qt 6.4) cannot repeat a header, and the API server reads a comma-joined
    // value as one group name, so only the first of several as-groups can be sent.
    if (!user.impersonateGroups.isEmpty())
        request.setRawHeader("Impersonate-Group", user.impersonateGroups.first().toUtf8());
    if (!user.impersonateUid.isEmpty())
        request.setRawHeader("Impersonate-Uid", user.impersonateUid.toUtf8());

    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_config.caCertificates.isEmpty())
            ssl.setCaCertificates(m_config.caCertificates);
        const QSslCertificate &cert
            = credential.certificate.isNull() ? m_config.clientCertificate : credential.certificate;
        const QSslKey &key = credential.certificate.isNull() ? m_config.clientKey : credential.key;
        if (!cert.isNull()) {
            ssl.setLocalCertificate(cert);
            ssl.setPrivateKey(key);
        }
        if (m_config.insecure())
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
        if (!m_config.cluster.tlsServerName.isEmpty())
            request.setPeerVerifyName(m_config.cluster.tlsServerName);
    }
    return request;
}

QNetworkReply *KubeClient::openStream(const QString &path, const QUrlQuery &query, const Credential &credential)
{
    QNetworkRequest request = buildRequest(path, query, credential);
    request.setTransferTimeout(0); // long-lived: the watch has its own watchdog
    qCDebug(lcWatch).noquote() << "GET" << path << query.toString(QUrl::FullyDecoded);
    const qint64 sentMs = QDateTime::currentMSecsSinceEpoch();
    QNetworkAccessManager *nam = streamManager();
    QNetworkReply *reply = nam->get(request);
    const auto count = [this, nam](int change) {
        for (StreamManager &manager : m_streamManagers) {
            if (manager.nam == nam)
                manager.open += change;
        }
    };
    count(+1);
    connect(reply, &QObject::destroyed, this, [count] { count(-1); });
    // A watch answers with its headers at once and then stays open: its Date is read from them.
    auto observed = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, sentMs, observed, clock = m_clock] {
        if (*observed || !reply->hasRawHeader("Date"))
            return;
        *observed = true;
        clock->observe(reply->rawHeader("Date"), sentMs, QDateTime::currentMSecsSinceEpoch());
    });
    return reply;
}

KubeReply *KubeClient::send(const KubeRequest &request)
{
    return new KubeReply(this, request);
}

LogStream *KubeClient::podLog(const QString &ns, const QString &pod, const LogOptions &options, QObject *parent)
{
    const QString path
        = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log")
              .arg(QString::fromLatin1(QUrl::toPercentEncoding(ns)), QString::fromLatin1(QUrl::toPercentEncoding(pod)));
    return new LogStream(this, path, options.query(), options.follow, parent);
}

KubeReply *KubeClient::get(const QString &path, const QUrlQuery &query)
{
    KubeRequest r;
    r.path = path;
    r.query = query;
    return send(r);
}

KubeReply *KubeClient::getThroughService(const QString &ns, const QString &service, const QString &port,
                                         const QString &pathAndQuery)
{
    return get(serviceProxyPath(ns, service, port, pathAndQuery.section(QLatin1Char('?'), 0, 0)),
               QUrlQuery(pathAndQuery.section(QLatin1Char('?'), 1)));
}

KubeReply *KubeClient::list(const QString &collectionPath, const ListOptions &options)
{
    QUrlQuery query;
    if (!options.labelSelector.isEmpty())
        query.addQueryItem(QStringLiteral("labelSelector"), options.labelSelector);
    if (!options.fieldSelector.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"), options.fieldSelector);
    if (options.limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    if (!options.continueToken.isEmpty())
        query.addQueryItem(QStringLiteral("continue"), options.continueToken);
    if (!options.resourceVersion.isEmpty())
        query.addQueryItem(QStringLiteral("resourceVersion"), options.resourceVersion);
    return get(collectionPath, query);
}

namespace {
KubeRequest writeRequest(const QByteArray &verb, const QString &path, const QByteArray &body,
                         const QByteArray &contentType, bool dryRun)
{
    KubeRequest r;
    r.verb = verb;
    r.path = path;
    r.body = body;
    r.contentType = contentType;
    if (dryRun)
        r.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    return r;
}
} // namespace

KubeReply *KubeClient::create(const QString &collectionPath, const QJsonObject &object, bool dryRun)
{
    return send(writeRequest("POST", collectionPath, QJsonDocument(object).toJson(QJsonDocument::Compact),
                             "application/json", dryRun));
}

KubeReply *KubeClient::replace(const QString &objectPath, const QJsonObject &object, bool dryRun)
{
    return send(writeRequest("PUT", objectPath, QJsonDocument(object).toJson(QJsonDocument::Compact),
                             "application/json", dryRun));
}

KubeReply *KubeClient::mergePatch(const QString &objectPath, const QJsonObject &patch, const QString &resourceVersion,
                                  bool dryRun)
{
    QJsonObject body = patch;
    if (!resourceVersion.isEmpty()) {
        QJsonObject metadata = body.value(QLatin1String("metadata")).toObject();
        metadata.insert(QStringLiteral("resourceVersion"), resourceVersion);
        body.insert(QStringLiteral("metadata"), metadata);
    }
    return send(writeRequest("PATCH", objectPath, QJsonDocument(body).toJson(QJsonDocument::Compact),
                             "application/merge-patch+json", dryRun));
}

KubeReply *KubeClient::jsonPatch(const QString &objectPath, const QJsonArray &operations, bool dryRun)
{
    return send(writeRequest("PATCH", objectPath, QJsonDocument(operations).toJson(QJsonDocument::Compact),
                             "application/json-patch+json", dryRun));
}

KubeReply *KubeClient::remove(const QString &objectPath, const QString &resourceVersion, bool dryRun)
{
    QByteArray body;
    if (!resourceVersion.isEmpty()) {
        const QJsonObject options{
            {QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("preconditions"), QJsonObject{{QStringLiteral("resourceVersion"), resourceVersion}}}};
        body = QJsonDocument(options).toJson(QJsonDocument::Compact);
    }
    return send(writeRequest("DELETE", objectPath, body, body.isEmpty() ? QByteArray() : "application/json", dryRun));
}

} // namespace capstan
