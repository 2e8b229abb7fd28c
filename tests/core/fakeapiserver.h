#pragma once

// A plain-HTTP API server on loopback for the edge cases the sandbox cannot be asked for (a 403 on
// pods/log, a stream held open at will, many requests in flight at once). Each request goes to
// `handler`, which answers through the socket at once or later (respond / beginChunked, writeChunk,
// endChunked). Every answer closes its connection.

#include "kube/connectionconfig.h"
#include "kube/kubeconfigloader.h"

#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <functional>

namespace capstan::test {

class FakeApiServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
    };
    using Handler = std::function<void(const Request &, QTcpSocket *)>;

    FakeApiServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    ++disconnects;
                    socket->deleteLater();
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    Handler handler;
    QList<Request> requests;
    int disconnects = 0;

    QString kubeconfigPath() const { return m_dir.filePath(QStringLiteral("kubeconfig")); }

    // Writes the kubeconfig (context "fake") and resolves it.
    Result<ConnectionConfig> connection()
    {
        const QString path = kubeconfigPath();
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return Error::make(QStringLiteral("Test"), QStringLiteral("cannot write kubeconfig"));
        f.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: "
                               "http://127.0.0.1:%1\nusers:\n- name: u\n  user:\n    token: t0ken\ncontexts:\n- "
                               "name: fake\n  context:\n    cluster: fake\n    user: u\n    namespace: default\n"
                               "current-context: fake\n")
                    .arg(m_server.serverPort())
                    .toUtf8());
        f.close();
        const auto config = KubeConfigLoader::load({path, QString(), QString()});
        if (!config)
            return config.error();
        return ConnectionConfig::resolve(config.value(), QStringLiteral("fake"));
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &body,
                        const QByteArray &contentType = "text/plain")
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
                      + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                      + body);
        socket->disconnectFromHost();
    }
    static void respondStatus(QTcpSocket *socket, int status, const QString &reason, const QString &message)
    {
        respond(socket, status,
                QStringLiteral(R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"%1",)"
                               R"("reason":"%2","code":%3})")
                    .arg(message, reason)
                    .arg(status)
                    .toUtf8(),
                "application/json");
    }
    static void beginChunked(QTcpSocket *socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                      "Connection: close\r\n\r\n");
    }
    static void writeChunk(QTcpSocket *socket, const QByteArray &data)
    {
        socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    }
    static void endChunked(QTcpSocket *socket)
    {
        socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer.append(socket->readAll());
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        Request request;
        request.method = requestLine.value(0);
        const QUrl url(QString::fromLatin1(requestLine.value(1)));
        request.path = url.path();
        request.query = QUrlQuery(url);
        request.body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        requests.append(request);
        if (handler)
            handler(request, socket);
        else
            respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("not found"));
    }

    QTcpServer m_server;
    QTemporaryDir m_dir;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace capstan::test
