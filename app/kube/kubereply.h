#pragma once

#include "result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QNetworkReply;

namespace capstan {

class KubeClient;

struct KubeRequest
{
    QByteArray verb = "GET";
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;

    // Reads may be retried after 429/503 with Retry-After; writes never are (a write that may have
    // reached the server is not sent twice).
    bool isRead() const { return verb == "GET"; }
};

// One API request as a job: emits finished() exactly once, then deletes itself. Obtains the
// credential first (exec plugins run asynchronously), retries once after a 401 when the credential
// can be renewed, and honours Retry-After on 429/503 for reads. A JSON array answer (the Flink REST
// API's metric lists) arrives as {"items": [...]}.
class KubeReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeReply)

public:
    KubeReply(KubeClient *client, KubeRequest request);
    ~KubeReply() override;

    const KubeRequest &request() const { return m_request; }
    int attempts() const { return m_attempts; }

    // Abandons the request; finished() is not emitted afterwards.
    void abort();

signals:
    void finished(const capstan::Result<QJsonObject> &result);

private:
    void send();
    void onReplyFinished();
    void finish(const Result<QJsonObject> &result);

    QPointer<KubeClient> m_client;
    KubeRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QStringList m_sslErrors;
    qint64 m_sentMs = 0; // local time the current attempt went out, for the server clock
    int m_attempts = 0;
    bool m_retriedAuth = false;
    bool m_done = false;
};

} // namespace capstan
