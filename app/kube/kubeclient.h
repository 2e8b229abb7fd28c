#pragma once

#include "kube/connectionconfig.h"
#include "kube/credentialprovider.h"
#include "kube/kubereply.h"
#include "kube/logstream.h"

#include <QJsonArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace capstan {

class ServerClock;

// A Kubernetes API client for one context, on QNetworkAccessManager. Lives on the session's
// backend thread together with its QNAM (both thread-affine). Every call returns a KubeReply job
// owned by the client; connect to KubeReply::finished.
//
// TLS: the kubeconfig's CA only (system roots when none is given), client certificates,
// tls-server-name as the verified peer name, proxy-url; insecure-skip-tls-verify is honoured and
// reported through ConnectionConfig::insecure() so the UI can warn.
class KubeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeClient)

public:
    // Does not take ownership of `nam`; creates its own CredentialProvider.
    KubeClient(QNetworkAccessManager *nam, const ConnectionConfig &config, QObject *parent = nullptr);
    ~KubeClient() override;

    const ConnectionConfig &config() const { return m_config; }
    CredentialProvider *credentials() const { return m_credentials; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    // Learns the server's clock from the Date header of every answer, watch streams included. The
    // client starts with a clock of its own; a session shares its clock with its views instead.
    const std::shared_ptr<ServerClock> &clock() const { return m_clock; }
    void setClock(std::shared_ptr<ServerClock> clock);

    struct ListOptions
    {
        QString labelSelector;
        QString fieldSelector;
        int limit = 0; // 0: no paging
        QString continueToken;
        QString resourceVersion;
    };

    KubeReply *get(const QString &path, const QUrlQuery &query = {});
    // GET `pathAndQuery` ("/jobs/…?get=…") of a Service's port through the API server's service proxy.
    KubeReply *getThroughService(const QString &ns, const QString &service, const QString &port,
                                 const QString &pathAndQuery);
    KubeReply *list(const QString &collectionPath, const ListOptions &options);
    KubeReply *create(const QString &collectionPath, const QJsonObject &object, bool dryRun = false);
    KubeReply *replace(const QString &objectPath, const QJsonObject &object, bool dryRun = false);
    // JSON merge patch. When resourceVersion is not empty it is sent as metadata.resourceVersion,
    // which makes the API server refuse the patch with 409 Conflict if the object changed since.
    KubeReply *mergePatch(const QString &objectPath, const QJsonObject &patch, const QString &resourceVersion,
                          bool dryRun = false);
    KubeReply *jsonPatch(const QString &objectPath, const QJsonArray &operations, bool dryRun = false);
    KubeReply *remove(const QString &objectPath, const QString &resourceVersion = {}, bool dryRun = false);
    KubeReply *send(const KubeRequest &request);
    // core/v1 pods/{pod}/log, one-shot or (options.follow) streamed until the container ends. Not
    // started: connect, then LogStream::start(). Owned by `parent` (the caller deletes it, with
    // deleteLater when inside one of its signals).
    LogStream *podLog(const QString &ns, const QString &pod, const LogOptions &options, QObject *parent);

    // Builds a request with TLS settings, identity headers and the given credential.
    QNetworkRequest buildRequest(const QString &path, const QUrlQuery &query, const Credential &credential) const;
    // Opens a streaming GET (used by WatchStream); the caller owns the reply.
    QNetworkReply *openStream(const QString &path, const QUrlQuery &query, const Credential &credential);

    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int maxRetryAfterSeconds() const { return m_maxRetryAfterSeconds; }
    void setMaxRetryAfterSeconds(int s) { m_maxRetryAfterSeconds = s; }

private:
    // A network access manager for one more stream. Qt opens at most six HTTP/1.1 connections to a
    // server per manager, and a watch holds one for minutes: streams get managers of their own,
    // six streams each, so that neither requests nor further watches queue behind them.
    QNetworkAccessManager *streamManager();
    void applyProxy(QNetworkAccessManager *nam) const;

    QNetworkAccessManager *m_nam;
    struct StreamManager
    {
        QNetworkAccessManager *nam = nullptr;
        int open = 0;
    };
    QList<StreamManager> m_streamManagers;
    ConnectionConfig m_config;
    CredentialProvider *m_credentials;
    std::shared_ptr<ServerClock> m_clock;
    int m_requestTimeoutMs = 30000;
    int m_maxRetryAfterSeconds = 30;
};

} // namespace capstan
