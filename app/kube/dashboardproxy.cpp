#include "kube/dashboardproxy.h"

#include "kube/kubeclient.h"
#include "kube/resourcepath.h"
#include "logging.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <memory>

namespace capstan {

namespace {

constexpr qsizetype kMaxHead = 32 * 1024; // a browser's request line and headers fit easily
constexpr qint64 kChunk = 256 * 1024; // bytes held back per exchange when the browser reads slowly

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray headerValue(const Headers &headers, const QByteArray &lowerName)
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

// One request per connection ("Connection: close"): the body ends where the connection does, so
// a body QNetworkAccessManager has decompressed needs no Content-Length.
void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
             const QByteArray &extraHeaders = {})
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    out += extraHeaders;
    out += "Connection: close\r\n\r\n";
    out += body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace

DashboardProxy::DashboardProxy(KubeClient *client, const QString &ns, const QString &name, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(ns)
    , m_name(name)
    , m_server(new QTcpServer(this))
{
    // 128 random bits: the only thing that tells the user's browser apart from any other local
    // program or web page.
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 4);
    m_token = QString::fromLatin1(random.toHex());
    connect(m_server, &QTcpServer::newConnection, this, &DashboardProxy::onNewConnection);
    if (client)
        connect(client, &QObject::destroyed, this, &DashboardProxy::stop);
}

DashboardProxy::~DashboardProxy()
{
    stop();
}

Result<QUrl> DashboardProxy::start()
{
    if (m_server->isListening())
        return url();
    if (!m_client)
        return Error::make(QStringLiteral("NoClient"), QStringLiteral("The context is not connected."));
    // Loopback only: the dashboard acts with the user's cluster credentials.
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return Error::make(QStringLiteral("ListenFailed"),
                           QStringLiteral("Cannot listen on 127.0.0.1: %1").arg(m_server->errorString()));
    qCInfo(lcKube).noquote() << "dashboard proxy for" << m_ns + QLatin1Char('/') + m_name << "on port"
                             << m_server->serverPort();
    return url();
}

void DashboardProxy::stop()
{
    if (!m_server->isListening())
        return;
    m_server->close();
    // Sockets are the server's children; aborting them also aborts their replies (see forward()).
    const QList<QTcpSocket *> sockets = m_server->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        delete socket;
    }
    qCInfo(lcKube).noquote() << "dashboard proxy for" << m_ns + QLatin1Char('/') + m_name << "stopped";
    emit stopped();
}

bool DashboardProxy::isListening() const
{
    return m_server->isListening();
}

QHostAddress DashboardProxy::address() const
{
    return m_server->serverAddress();
}

quint16 DashboardProxy::port() const
{
    return m_server->serverPort();
}

QUrl DashboardProxy::url() const
{
    if (!m_server->isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QLatin1Char('/') + m_token + QLatin1Char('/'));
    return url;
}

void DashboardProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0 && buffer->size() <= kMaxHead)
                return;
            // One request per connection: what follows its head (a body of GET or HEAD) is ignored.
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            if (end < 0) {
                respond(socket, 431, "Request Header Fields Too Large", "Request header fields too large\n");
                return;
            }
            handle(socket, buffer->left(end));
        });
    }
}

void DashboardProxy::handle(QTcpSocket *socket, const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(1).startsWith('/') || !requestLine.at(2).startsWith("HTTP/1.")) {
        respond(socket, 400, "Bad Request", "Bad request\n");
        return;
    }
    Headers headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.append({lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed()});
    }
    const QByteArray &method = requestLine.at(0);
    const QByteArray &target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);
    const QByteArray prefix = '/' + m_token.toLatin1();
    const QByteArray prefixDir = prefix + '/';

    // A page elsewhere could point a name of its own at 127.0.0.1 (DNS rebinding): only requests
    // addressed to the loopback address itself are answered.
    QByteArray host = headerValue(headers, "host").toLower();
    if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0)
        host.truncate(colon);
    const bool localHost = host.isEmpty() || host == "127.0.0.1" || host == "localhost";
    // Anything outside the token is not found, and no other path is looked at (no dot segments,
    // which the API server would resolve to paths outside the service proxy).
    bool underToken = localHost && (path == prefix || path.startsWith(prefixDir));
    if (underToken) {
        const QList<QByteArray> segments = QByteArray::fromPercentEncoding(path).split('/');
        underToken = !segments.contains(".") && !segments.contains("..") && !path.contains('\\');
    }
    if (!underToken) {
        respond(socket, 404, "Not Found", "Not found\n");
        return;
    }
    if (path == prefix) { // the dashboard's relative URLs need the trailing slash
        respond(socket, 301, "Moved Permanently", {},
                "Location: " + prefixDir + (query.isEmpty() ? QByteArray() : QByteArray('?' + query)) + "\r\n");
        return;
    }
    if (method != "GET" && method != "HEAD") {
        respond(socket, 405, "Method Not Allowed", "Only GET and HEAD are forwarded\n", "Allow: GET, HEAD\r\n");
        return;
    }
    ++m_openExchanges;
    forward(socket, method, QString::fromLatin1(path.mid(prefix.size() + 1)), QString::fromLatin1(query), headers,
            false);
}

void DashboardProxy::forward(QTcpSocket *socket, const QByteArray &method, const QString &path, const QString &query,
                             const Headers &headers, bool retried)
{
    if (!m_client) {
        --m_openExchanges;
        respond(socket, 502, "Bad Gateway", "The context is no longer connected\n");
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    m_client->credentials()->obtain(
        socket, [this, guard, method, path, query, headers, retried](const Result<Credential> &credential) {
            if (!guard || !m_client) {
                --m_openExchanges;
                return;
            }
            if (!credential) {
                --m_openExchanges;
                respond(guard, 502, "Bad Gateway",
                        "No credentials for the cluster: " + credential.error().toString().toUtf8() + '\n');
                return;
            }
            const QString proxyPath
                = serviceProxyPath(m_ns, m_name + QLatin1String("-rest"), QStringLiteral("rest"), path);
            QNetworkRequest request = m_client->buildRequest(proxyPath, QUrlQuery(query), credential.value());
            const QByteArray accept = headerValue(headers, "accept");
            request.setRawHeader("Accept", accept.isEmpty() ? QByteArray("*/*") : accept);
            for (const char *name : {"accept-language", "if-none-match", "if-modified-since"}) {
                if (const QByteArray value = headerValue(headers, name); !value.isEmpty())
                    request.setRawHeader(name, value);
            }
            request.setTransferTimeout(m_client->requestTimeoutMs());
            const bool isHead = method == "HEAD";
            QNetworkAccessManager *nam = m_client->networkAccessManager();
            QNetworkReply *reply = isHead ? nam->head(request) : nam->get(request);
            reply->setReadBufferSize(kChunk);
            qCDebug(lcKube).noquote() << "dashboard" << method << proxyPath;

            auto headersSent = std::make_shared<bool>(false);
            QPointer<QNetworkReply> replyGuard(reply);
            // Passes the body on no faster than the browser takes it, so a large bundle is not held
            // in memory twice.
            auto pump = [guard, replyGuard, headersSent, isHead] {
                if (!guard || !replyGuard || !*headersSent || isHead)
                    return;
                while (guard->bytesToWrite() < kChunk && replyGuard->bytesAvailable() > 0)
                    guard->write(replyGuard->read(kChunk));
            };
            auto sendHeaders = [guard, reply, headersSent] {
                *headersSent = true;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                QByteArray reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
                if (reason.isEmpty())
                    reason = "Status";
                QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
                for (const char *name : {"Content-Type", "Cache-Control", "ETag", "Last-Modified", "Expires"}) {
                    if (reply->hasRawHeader(name))
                        out += QByteArray(name) + ": " + reply->rawHeader(name) + "\r\n";
                }
                out += "Connection: close\r\n\r\n";
                guard->write(out);
            };
            connect(reply, &QNetworkReply::metaDataChanged, this, [guard, reply, headersSent, retried, sendHeaders] {
                if (*headersSent || !guard)
                    return;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 0)
                    return;
                // A 401 may be retried with a renewed credential once it has finished.
                if (status == 401 && !retried)
                    return;
                sendHeaders();
            });
            connect(reply, &QNetworkReply::readyRead, this, pump);
            connect(guard, &QTcpSocket::bytesWritten, reply, pump);
            connect(guard, &QObject::destroyed, reply, &QNetworkReply::abort);
            connect(guard, &QTcpSocket::disconnected, reply, &QNetworkReply::abort);
            connect(reply, &QNetworkReply::finished, this,
                    [this, guard, reply, headersSent, isHead, sendHeaders, retried, method, path, query, headers] {
                        reply->deleteLater();
                        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                        // As KubeReply does: an expired credential is renewed once (an exec plugin runs
                        // again), and the request sent again.
                        if (guard && status == 401 && !retried && m_client && m_client->credentials()->invalidate()) {
                            forward(guard, method, path, query, headers, true);
                            return;
                        }
                        --m_openExchanges;
                        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                            return;
                        if (!*headersSent) {
                            if (status == 0) {
                                respond(guard, 502, "Bad Gateway",
                                        "The API server could not be reached: " + reply->errorString().toUtf8() + '\n');
                                return;
                            }
                            sendHeaders();
                        }
                        if (!isHead)
                            guard->write(reply->readAll());
                        guard->disconnectFromHost();
                    });
        });
}

QUrl DashboardProxy::ingressUrl(const QJsonObject &deployment)
{
    const QJsonObject ingress
        = deployment.value(QLatin1String("spec")).toObject().value(QLatin1String("ingress")).toObject();
    QString text = ingress.value(QLatin1String("template")).toString().trimmed();
    if (text.isEmpty())
        return {};
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    text.replace(QLatin1String("{{name}}"), metadata.value(QLatin1String("name")).toString());
    text.replace(QLatin1String("{{namespace}}"), metadata.value(QLatin1String("namespace")).toString());
    // A path template ends in the rewrite's regular expression, e.g. "(/|$)(.*)": the dashboard is
    // at the path before it.
    if (const qsizetype group = text.indexOf(QLatin1Char('(')); group >= 0)
        text.truncate(group);
    if (!text.contains(QLatin1String("://"))) {
        const bool tls = !ingress.value(QLatin1String("tls")).toArray().isEmpty();
        text.prepend(tls ? QLatin1String("https://") : QLatin1String("http://"));
    }
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

} // namespace capstan
