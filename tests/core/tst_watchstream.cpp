// WatchStream framing against a scripted plain-HTTP server: events split across chunks at every
// byte boundary, ERROR events inside a 200 stream, bookmarks, a stream cut mid-event, non-200 answers.

#include "kube/kubeclient.h"
#include "kube/ndjsonframer.h"
#include "kube/watchstream.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace capstan;

namespace {

// Answers one request with the given HTTP status and body pieces, each sent as its own chunk with a
// flush in between, then ends the chunked body (or cuts the connection when `cut` is set).
class ScriptedServer : public QObject
{
public:
    QList<QByteArray> pieces;
    int status = 200;
    bool cut = false;
    QByteArray lastRequest;

    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                lastRequest += socket->readAll();
                if (!lastRequest.contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 " + QByteArray::number(status)
                              + " X\r\nContent-Type: application/json\r\n"
                                "Transfer-Encoding: chunked\r\n\r\n");
                socket->flush();
                for (const QByteArray &piece : std::as_const(pieces)) {
                    socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
                    socket->flush();
                    socket->waitForBytesWritten(100);
                }
                if (cut) {
                    socket->abort();
                    return;
                }
                socket->write("0\r\n\r\n");
                socket->flush();
                socket->disconnectFromHost();
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

QByteArray watchLine(const char *type, const QByteArray &name, int rv)
{
    return QByteArray(R"({"type":")") + type + R"(","object":{"kind":"FlinkDeployment","metadata":{"name":")" + name
        + R"(","uid":"uid-)" + name + R"(","resourceVersion":")" + QByteArray::number(rv) + "\"}}}\n";
}

} // namespace

class TestWatchStream : public QObject
{
    Q_OBJECT

private slots:
    void framerSkipsBlankLinesAndHoldsPartialOnes();
    void reassemblesSplitEvents_data();
    void reassemblesSplitEvents();
    void errorEventInsideStreamIsExpired();
    void bookmarkAdvancesVersionOnly();
    void cutMidEventDropsPartialLine();
    void non200AnswerFails();
    void silentStreamTripsWatchdog();

private:
    struct Run
    {
        QList<QPair<QString, QJsonObject>> events;
        WatchEnd end;
        QString resourceVersion;
        QByteArray request;
    };
    Run run(ScriptedServer &server, int watchdogMs = 5000);
};

TestWatchStream::Run TestWatchStream::run(ScriptedServer &server, int watchdogMs)
{
    ConnectionConfig config;
    config.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    QNetworkAccessManager nam;
    KubeClient client(&nam, config);
    WatchStream::Options options;
    options.watchdogMs = watchdogMs;
    options.timeoutSeconds = 300;
    WatchStream stream(&client, QStringLiteral("/apis/flink.apache.org/v1beta1/flinkdeployments"), QStringLiteral("5"),
                       options);
    Run r;
    connect(&stream, &WatchStream::eventReceived, this, [&r](const QString &type, const QJsonObject &object) {
        r.events.append({type, object});
    });
    QSignalSpy ended(&stream, &WatchStream::ended);
    stream.start();
    if (!ended.wait(watchdogMs + 5000))
        return r;
    r.end = ended.first().at(0).value<WatchEnd>();
    r.resourceVersion = stream.resourceVersion();
    r.request = server.lastRequest;
    return r;
}

void TestWatchStream::framerSkipsBlankLinesAndHoldsPartialOnes()
{
    NdjsonFramer framer;
    QByteArray line;
    framer.append("\r\n  \n{\"a\":1}\r\n{\"b\"");
    QVERIFY(framer.takeLine(&line));
    QCOMPARE(line, QByteArray("{\"a\":1}"));
    QVERIFY(!framer.takeLine(&line));
    QVERIFY(framer.hasPartialLine());
    framer.append(":2}\n \t");
    QVERIFY(framer.takeLine(&line));
    QCOMPARE(line, QByteArray("{\"b\":2}"));
    QVERIFY(!framer.takeLine(&line));
    QVERIFY(!framer.hasPartialLine()); // whitespace after the last event is no event
}

void TestWatchStream::reassemblesSplitEvents_data()
{
    QTest::addColumn<int>("pieceSize");
    for (int size : {1, 2, 3, 7, 16, 64, 4096})
        QTest::newRow(qPrintable(QStringLiteral("%1-byte chunks").arg(size))) << size;
}

void TestWatchStream::reassemblesSplitEvents()
{
    QFETCH(int, pieceSize);
    // Multi-byte UTF-8 in a name, so chunk edges also fall inside characters.
    const QByteArray body = watchLine("ADDED", "alpha", 6) + watchLine("MODIFIED", "b\xc3\xa9ta-\xe6\xb5\x81", 7)
        + watchLine("DELETED", "alpha", 8);
    ScriptedServer server;
    for (int i = 0; i < body.size(); i += pieceSize)
        server.pieces << body.mid(i, pieceSize);
    const Run r = run(server);
    QCOMPARE(r.events.size(), 3);
    QCOMPARE(r.events.at(0).first, QStringLiteral("ADDED"));
    QCOMPARE(r.events.at(1).second.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
             QString::fromUtf8("b\xc3\xa9ta-\xe6\xb5\x81"));
    QCOMPARE(r.events.at(2).first, QStringLiteral("DELETED"));
    QCOMPARE(r.end.kind, WatchEnd::Kind::Clean);
    QCOMPARE(r.end.events, 3);
    QCOMPARE(r.resourceVersion, QStringLiteral("8"));
    QVERIFY(r.request.contains("watch=1"));
    QVERIFY(r.request.contains("resourceVersion=5"));
    QVERIFY(r.request.contains("allowWatchBookmarks=true"));
}

void TestWatchStream::errorEventInsideStreamIsExpired()
{
    ScriptedServer server;
    server.pieces
        << watchLine("ADDED", "alpha", 6)
        << R"json({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)json"
           R"json("message":"too old resource version: 5 (90)","reason":"Expired","code":410}})json"
           "\n"
        << watchLine("ADDED", "never-delivered", 91);
    const Run r = run(server);
    QCOMPARE(r.events.size(), 1);
    QCOMPARE(r.end.kind, WatchEnd::Kind::Expired);
    QCOMPARE(r.end.error.httpStatus, 410);
    QVERIFY(r.end.error.message.contains(QStringLiteral("too old")));
}

void TestWatchStream::bookmarkAdvancesVersionOnly()
{
    ScriptedServer server;
    server.pieces << watchLine("ADDED", "alpha", 6)
                  << R"({"type":"BOOKMARK","object":{"kind":"FlinkDeployment","metadata":{"resourceVersion":"120"}}})"
                     "\n";
    const Run r = run(server);
    QCOMPARE(r.events.size(), 1);
    QCOMPARE(r.resourceVersion, QStringLiteral("120"));
    QCOMPARE(r.end.events, 1);
}

void TestWatchStream::cutMidEventDropsPartialLine()
{
    ScriptedServer server;
    const QByteArray second = watchLine("MODIFIED", "beta", 7);
    server.pieces << watchLine("ADDED", "alpha", 6) << second.left(second.size() / 2);
    server.cut = true;
    const Run r = run(server);
    QCOMPARE(r.events.size(), 1);
    QCOMPARE(r.end.kind, WatchEnd::Kind::Failed);
    QCOMPARE(r.resourceVersion, QStringLiteral("6")); // resumes after the last complete event
}

void TestWatchStream::non200AnswerFails()
{
    ScriptedServer server;
    server.status = 403;
    server.pieces
        << R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"flinkdeployments is forbidden","reason":"Forbidden","code":403})";
    const Run r = run(server);
    QCOMPARE(r.events.size(), 0);
    QCOMPARE(r.end.kind, WatchEnd::Kind::Failed);
    QCOMPARE(r.end.error.httpStatus, 403);
    QCOMPARE(r.end.error.reason, QStringLiteral("Forbidden"));
}

void TestWatchStream::silentStreamTripsWatchdog()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> sockets;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = silent.nextPendingConnection();
        sockets << socket;
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        });
    });
    ConnectionConfig config;
    config.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    QNetworkAccessManager nam;
    KubeClient client(&nam, config);
    WatchStream::Options options;
    options.watchdogMs = 300;
    WatchStream stream(&client, QStringLiteral("/api/v1/events"), QString(), options);
    QSignalSpy ended(&stream, &WatchStream::ended);
    stream.start();
    QVERIFY(ended.wait(3000));
    QCOMPARE(ended.first().at(0).value<WatchEnd>().kind, WatchEnd::Kind::Silent);
}

QTEST_GUILESS_MAIN(TestWatchStream)
#include "tst_watchstream.moc"
