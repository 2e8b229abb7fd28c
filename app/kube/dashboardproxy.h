#pragma once

#include "result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace capstan {

class KubeClient;

// The Flink Web Dashboard of one deployment on this computer, without an ingress or a port-forward:
// an HTTP server on 127.0.0.1 (a free port) that forwards what arrives under /<token>/ to the API
// server's service proxy for the deployment's "<name>-rest" service, through `client` — so every
// credential kind works and is renewed as for any other request (an exec plugin runs again after a
// 401).
//
// Only GET and HEAD are forwarded: the dashboard reads with them, and its few writes (cancelling a
// job, uploading a jar) would act behind the operator's back. Other methods get 405. Any path not
// under the random token gets 404 — nothing else answers, so another local program or a web page
// cannot use the user's credentials through it. Bodies go through unchanged (the dashboard uses
// relative URLs), streamed, with the Content-Type kept.
//
// Lives in the client's thread and never blocks it. Does not own `client`; stops when the client
// goes away.
class DashboardProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardProxy)

public:
    DashboardProxy(KubeClient *client, const QString &ns, const QString &name, QObject *parent = nullptr);
    ~DashboardProxy() override;

    // Starts listening; returns the URL to open (http://127.0.0.1:<port>/<token>/).
    Result<QUrl> start();
    // Closes the server and every open connection; emits stopped() once, if it was listening.
    void stop();

    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QString token() const { return m_token; }
    QUrl url() const;
    QString ns() const { return m_ns; }
    QString name() const { return m_name; }
    // Requests being forwarded right now.
    int openExchanges() const { return m_openExchanges; }

    // The dashboard's URL through the deployment's ingress (spec.ingress.template, as the operator
    // derives it: "{{name}}" and "{{namespace}}" replaced, the rewrite groups of a path template
    // dropped, https when spec.ingress.tls is set). Empty without spec.ingress, or when the template
    // names no host (a path-only template routes through whatever address the ingress controller
    // has, which the deployment does not say).
    static QUrl ingressUrl(const QJsonObject &deployment);

signals:
    void stopped();

private:
    void onNewConnection();
    void handle(QTcpSocket *socket, const QByteArray &head);
    void forward(QTcpSocket *socket, const QByteArray &method, const QString &path, const QString &query,
                 const QList<QPair<QByteArray, QByteArray>> &headers, bool retried);

    QPointer<KubeClient> m_client;
    QString m_ns;
    QString m_name;
    QString m_token;
    QTcpServer *m_server;
    int m_openExchanges = 0;
};

} // namespace capstan
