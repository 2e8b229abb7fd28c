#include "kube/kubereply.h"

#include "kube/kubeclient.h"
#include "kube/kubestatus.h"
#include "kube/serverclock.h"
#include "logging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace capstan {

namespace {
constexpr int kMaxReadAttempts = 5;
}

KubeReply::KubeReply(KubeClient *client, KubeRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{
    // Start on the next event-loop turn so the caller can connect to finished() first.
    QTimer::singleShot(0, this, &KubeReply::send);
}

KubeReply::~KubeReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void KubeReply::abort()
{
    m_done = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    deleteLater();
}

void KubeReply::send()
{
    if (m_done || !m_client)
        return;
    ++m_attempts;
    m_client->credentials()->obtain(this, [this](const Result<Credential> &credential) {
        if (m_done)
            return;
        if (!credential) {
            finish(credential.error());
            return;
        }
        QNetworkRequest request = m_client->buildRequest(m_request.path, m_request.query, credential.value());
        request.setTransferTimeout(m_client->requestTimeoutMs());
        if (!m_request.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        m_sslErrors.clear();
        qCDebug(lcKube).noquote() << m_request.verb << m_request.path << m_request.query.toString(QUrl::FullyDecoded);
        QNetworkAccessManager *nam = m_client->networkAccessManager();
        m_sentMs = QDateTime::currentMSecsSinceEpoch();
        if (m_request.verb == "GET")
            m_reply = nam->get(request);
        else if (m_request.verb == "DELETE" && m_request.body.isEmpty())
            m_reply = nam->deleteResource(request);
        else
            m_reply = nam->sendCustomRequest(request, m_request.verb, m_request.body);
        connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                m_sslErrors << e.errorString();
        });
        connect(m_reply, &QNetworkReply::finished, this, &KubeReply::onReplyFinished);
    });
}

void KubeReply::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 0 && reply->hasRawHeader("Date"))
        m_client->clock()->observe(reply->rawHeader("Date"), m_sentMs, QDateTime::currentMSecsSinceEpoch());

    if (status == 0) {
        QString detail = reply->errorString();
        if (!m_sslErrors.isEmpty())
            detail = tr("TLS verification failed: %1").arg(m_sslErrors.join(QStringLiteral("; ")));
        finish(KubeStatus::fromTransport(
            tr("Cannot reach the API server at %1").arg(m_client->config().server.toString()), detail));
        return;
    }
    if (status >= 200 && status < 300) {
        if (body.trimmed().isEmpty()) {
            finish(QJsonObject());
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (doc.isArray()) {
            finish(QJsonObject{{QStringLiteral("items"), doc.array()}});
            return;
        }
        if (!doc.isObject()) {
            Error e = KubeStatus::fromHttp(status, body);
            e.reason = QStringLiteral("InvalidResponse");
            // An HTML page with 200 is a login page or a proxy in front of the address, not the API.
            if (!body.trimmed().startsWith('<'))
                e.message = QStringLiteral("The API server's answer to %1 %2 is not a JSON object (%3).")
                                .arg(QString::fromLatin1(m_request.verb), m_request.path, parseError.errorString());
            finish(e);
            return;
        }
        finish(doc.object());
        return;
    }

    Error error = KubeStatus::fromHttp(status, body);
    if (status == 401 && !m_retriedAuth && m_client->credentials()->invalidate()) {
        // A 401 means the server did not act on the request, so even a write may be sent again.
        m_retriedAuth = true;
        qCInfo(lcAuth) << "401 from the API server; renewing the credential and retrying once";
        send();
        return;
    }
    if ((status == 429 || status == 503) && m_request.isRead() && m_attempts < kMaxReadAttempts) {
        bool ok = false;
        int seconds = QString::fromLatin1(reply->rawHeader("Retry-After")).toInt(&ok);
        if (!ok)
            seconds = error.retryAfterSeconds >= 0 ? error.retryAfterSeconds : 1;
        seconds = std::clamp(seconds, 0, m_client->maxRetryAfterSeconds());
        qCInfo(lcKube).noquote() << status << "for GET" << m_request.path << "- retrying after" << seconds << "s";
        QTimer::singleShot(seconds * 1000, this, &KubeReply::send);
        return;
    }
    bool ok = false;
    const int retryAfter = QString::fromLatin1(reply->rawHeader("Retry-After")).toInt(&ok);
    if (ok)
        error.retryAfterSeconds = retryAfter;
    finish(error);
}

void KubeReply::finish(const Result<QJsonObject> &result)
{
    if (m_done)
        return;
    m_done = true;
    if (!result)
        qCDebug(lcKube).noquote() << m_request.verb << m_request.path << "failed:" << result.error().toString();
    emit finished(result);
    deleteLater();
}

} // namespace capstan
