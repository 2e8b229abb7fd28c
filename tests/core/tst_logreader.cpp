#include "fakeapiserver.h"
#include "kube/kubeclient.h"
#include "kube/logstream.h"
#include "session/logreader.h"
#include "session/sessionhost.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace capstan;
using capstan::test::FakeApiServer;

namespace {
const QString kLogPath = QStringLiteral("/api/v1/namespaces/default/pods/github-analytics-7d9c6b5f8d-m2x8q/log");
const QString kRestJobManagerLog
    = QStringLiteral("/api/v1/namespaces/default/services/github-analytics-rest:rest/proxy/jobmanager/log");

QByteArray numberedLines(int n)
{
    QByteArray out;
    for (int i = 1; i <= n; ++i)
        out += "2026-11-30 08:14:" + QByteArray::number(i % 60).rightJustified(2, '0') + ",000 INFO  line "
            + QByteArray::number(i) + '\n';
    return out;
}

QStringList collected(const QSignalSpy &spy)
{
    QStringList all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toStringList();
    return all;
}

LogRequest jobManagerLog()
{
    LogRequest r;
    r.ns = QStringLiteral("default");
    r.pod = QStringLiteral("github-analytics-7d9c6b5f8d-m2x8q");
    r.deployment = QStringLiteral("github-analytics");
    r.component = PodComponent::JobManager;
    r.options.container = Pod::mainContainerName;
    return r;
}

void answerReview(const FakeApiServer::Request &request, QTcpSocket *socket, bool logsAllowed)
{
    // A SelfSubjectAccessReview: pods/log as asked, services/proxy allowed.
    const bool logs = request.body.contains("\"subresource\":\"log\"");
    const bool allowed = logs ? logsAllowed : true;
    FakeApiServer::respond(
        socket, 201,
        QByteArray(R"({"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","status":{"allowed":)")
            + (allowed ? "true" : "false") + (allowed ? "" : R"(,"reason":"no RBAC policy matched")") + "}}",
        "application/json");
}
} // namespace

class TestLogReader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void optionsBecomeTheApiQuery();
    void oneShotReadsEveryLine();
    void followStreamsLinesAsTheyArrive();
    void stopCancelsWithoutSignal();
    void serverErrorEndsTheStream();
    void forbiddenFallsBackToFlinkRest();
    void taskManagerFallbackUsesPodName();
    void bothFailNameTheMissingPermission();
    void previousIsNotInFlinkRest();
    void sessionHostDeliversLinesQueued();

private:
    std::unique_ptr<FakeApiServer> m_api;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KubeClient> m_client;
};

void TestLogReader::init()
{
    m_api = std::make_unique<FakeApiServer>();
    const auto connection = m_api->connection();
    QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<KubeClient>(m_nam.get(), connection.value());
}

void TestLogReader::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_api.reset();
}

void TestLogReader::optionsBecomeTheApiQuery()
{
    LogOptions o;
    o.container = Pod::mainContainerName;
    o.follow = true;
    o.previous = true;
    o.tailLines = 200;
    o.sinceSeconds = 600;
    o.timestamps = true;
    o.limitBytes = 1048576;
    QCOMPARE(o.query().toString(),
             QStringLiteral("container=flink-main-container&follow=true&previous=true&tailLines=200&sinceSeconds=600&"
                            "timestamps=true&limitBytes=1048576"));
    QCOMPARE(LogOptions().query().toString(), QString());
    LogOptions zero;
    zero.tailLines = 0; // kubectl --tail=0: no lines, which differs from "all"
    QCOMPARE(zero.query().toString(), QStringLiteral("tailLines=0"));
}

void TestLogReader::oneShotReadsEveryLine()
{
    m_api->handler = [](const FakeApiServer::Request &, QTcpSocket *socket) {
        FakeApiServer::respond(socket, 200, "first\r\nsecond\nthird without newline");
    };
    LogOptions options;
    options.container = Pod::mainContainerName;
    options.tailLines = 3;
    LogStream *stream = m_client->podLog(QStringLiteral("default"), QStringLiteral("github-analytics-7d9c6b5f8d-m2x8q"),
                                         options, this);
    QSignalSpy lines(stream, &LogStream::lines);
    QSignalSpy finished(stream, &LogStream::finished);
    stream->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(collected(lines),
             (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third without newline")}));
    QCOMPARE(finished.first().at(0).value<Error>(), Error());
    QCOMPARE(m_api->requests.size(), 1);
    QCOMPARE(m_api->requests.first().path, kLogPath);
    QCOMPARE(m_api->requests.first().query.queryItemValue(QStringLiteral("tailLines")), QStringLiteral("3"));
    QCOMPARE(m_api->requests.first().query.queryItemValue(QStringLiteral("container")), Pod::mainContainerName);
    delete stream;
}

void TestLogReader::followStreamsLinesAsTheyArrive()
{
    QPointer<QTcpSocket> open;
    m_api->handler = [&open](const FakeApiServer::Request &, QTcpSocket *socket) {
        FakeApiServer::beginChunked(socket);
        // A line split across chunks is passed on once complete.
        FakeApiServer::writeChunk(socket, "started\nhalf a ");
        open = socket;
    };
    LogOptions options;
    options.follow = true;
    std::unique_ptr<LogStream> stream(m_client->podLog(
        QStringLiteral("default"), QStringLiteral("github-analytics-7d9c6b5f8d-m2x8q"), options, nullptr));
    QSignalSpy lines(stream.get(), &LogStream::lines);
    QSignalSpy finished(stream.get(), &LogStream::finished);
    stream->start();
    QTRY_COMPARE(collected(lines), QStringList{QStringLiteral("started")});
    QVERIFY(finished.isEmpty()); // still following
    QCOMPARE(m_api->requests.first().query.queryItemValue(QStringLiteral("follow")), QStringLiteral("true"));
    FakeApiServer::writeChunk(open, "line\n" + numberedLines(3000));
    QTRY_COMPARE(collected(lines).size(), 3002);
    QCOMPARE(collected(lines).at(1), QStringLiteral("half a line"));
    // Thousands of lines arrive in a few batches, not one signal each.
    QVERIFY2(lines.size() < 20, qPrintable(QString::number(lines.size())));
    // The container ends: so does the stream, cleanly.
    FakeApiServer::endChunked(open);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(0).value<Error>(), Error());
}

void TestLogReader::stopCancelsWithoutSignal()
{
    m_api->handler = [](const FakeApiServer::Request &, QTcpSocket *socket) {
        FakeApiServer::beginChunked(socket);
        FakeApiServer::writeChunk(socket, "one\n");
    };
    LogOptions options;
    options.follow = true;
    std::unique_ptr<LogStream> stream(
        m_client->podLog(QStringLiteral("default"), QStringLiteral("p"), options, nullptr));
    QSignalSpy lines(stream.get(), &LogStream::lines);
    QSignalSpy finished(stream.get(), &LogStream::finished);
    stream->start();
    QVERIFY(lines.wait(5000));
    stream->stop();
    QTRY_COMPARE(m_api->disconnects, 1); // the connection is closed, the server's follow ends
    QVERIFY(!finished.wait(200));
}

void TestLogReader::serverErrorEndsTheStream()
{
    m_api->handler = [](const FakeApiServer::Request &, QTcpSocket *socket) {
        FakeApiServer::respondStatus(socket, 400, QStringLiteral("BadRequest"),
                                     QStringLiteral("previous terminated container \\\"flink-main-container\\\" in pod "
                                                    "\\\"p\\\" not found"));
    };
    LogReader reader(m_client.get(), jobManagerLog());
    QSignalSpy finished(&reader, &LogReader::finished);
    reader.start();
    QVERIFY(finished.wait(5000));
    const Error error = finished.first().at(0).value<Error>();
    QCOMPARE(error.httpStatus, 400);
    QVERIFY2(error.message.contains(QLatin1String("previous terminated container")), qPrintable(error.message));
    QCOMPARE(m_api->requests.size(), 1); // not forbidden: no fallback
}

void TestLogReader::forbiddenFallsBackToFlinkRest()
{
    m_api->handler = [](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.path == kLogPath)
            FakeApiServer::respondStatus(socket, 403, QStringLiteral("Forbidden"),
                                         QStringLiteral("pods \\\"github-analytics-7d9c6b5f8d-m2x8q\\\" is forbidden: "
                                                        "User \\\"dev\\\" cannot get resource \\\"pods/log\\\""));
        else if (request.path == kRestJobManagerLog)
            FakeApiServer::respond(socket, 200, numberedLines(500));
        else
            FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("no"));
    };
    LogRequest request = jobManagerLog();
    request.options.tailLines = 100;
    LogReader reader(m_client.get(), request);
    QSignalSpy lines(&reader, &LogReader::lines);
    QSignalSpy finished(&reader, &LogReader::finished);
    reader.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(0).value<Error>(), Error());
    const QStringList all = collected(lines);
    QCOMPARE(all.size(), 100); // the REST log has no tail parameter: cut here
    QVERIFY(all.last().endsWith(QLatin1String("line 500")));
    QVERIFY(all.first().endsWith(QLatin1String("line 401")));
    const QString source = lines.last().at(1).toString();
    QVERIFY2(source.contains(QLatin1String("/jobmanager/log")) && source.contains(QLatin1String("forbidden")),
             qPrintable(source));
    QCOMPARE(reader.source(), source);
}

void TestLogReader::taskManagerFallbackUsesPodName()
{
    const QString tmPath = QStringLiteral("/api/v1/namespaces/default/services/github-analytics-rest:rest/proxy/"
                                          "taskmanagers/github-analytics-taskmanager-1-2/log");
    m_api->handler = [tmPath](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.path == tmPath)
            FakeApiServer::respond(socket, 200, "tm line\n");
        else
            FakeApiServer::respondStatus(socket, 403, QStringLiteral("Forbidden"), QStringLiteral("forbidden"));
    };
    LogRequest request = jobManagerLog();
    request.pod = QStringLiteral("github-analytics-taskmanager-1-2");
    request.component = PodComponent::TaskManager;
    LogReader reader(m_client.get(), request);
    QSignalSpy lines(&reader, &LogReader::lines);
    QSignalSpy finished(&reader, &LogReader::finished);
    reader.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(collected(lines), QStringList{QStringLiteral("tm line")});
    QVERIFY(reader.source().contains(QLatin1String("/taskmanagers/github-analytics-taskmanager-1-2/log")));
}

void TestLogReader::bothFailNameTheMissingPermission()
{
    m_api->handler = [](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.method == "POST" && request.path.endsWith(QLatin1String("selfsubjectaccessreviews")))
            answerReview(request, socket, false);
        else if (request.path == kLogPath)
            FakeApiServer::respondStatus(socket, 403, QStringLiteral("Forbidden"), QStringLiteral("forbidden"));
        else
            FakeApiServer::respondStatus(
                socket, 503, QStringLiteral("ServiceUnavailable"),
                QStringLiteral("no endpoints available for service \\\"github-analytics-rest\\\""));
    };
    LogReader reader(m_client.get(), jobManagerLog());
    QSignalSpy finished(&reader, &LogReader::finished);
    reader.start();
    QVERIFY(finished.wait(5000));
    const Error error = finished.first().at(0).value<Error>();
    QCOMPARE(error.reason, LogReader::forbiddenReason);
    QCOMPARE(error.httpStatus, 403);
    QVERIFY2(error.message.contains(QLatin1String("\"get pods/log in default\" (no RBAC policy matched)")),
             qPrintable(error.message));
    QVERIFY2(!error.message.contains(QLatin1String("services/proxy")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("no endpoints available")), qPrintable(error.message));
    // The log was allowed after all (another cause): said as unavailable, with both answers.
    m_api->handler = [](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.method == "POST")
            answerReview(request, socket, true);
        else
            FakeApiServer::respondStatus(socket, 403, QStringLiteral("Forbidden"), QStringLiteral("webhook says no"));
    };
    LogReader again(m_client.get(), jobManagerLog());
    QSignalSpy finishedAgain(&again, &LogReader::finished);
    again.start();
    QVERIFY(finishedAgain.wait(5000));
    const Error unavailable = finishedAgain.first().at(0).value<Error>();
    QCOMPARE(unavailable.reason, LogReader::unavailableReason);
    QVERIFY2(unavailable.message.contains(QLatin1String("webhook says no")), qPrintable(unavailable.message));
}

void TestLogReader::previousIsNotInFlinkRest()
{
    m_api->handler = [](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.method == "POST")
            answerReview(request, socket, false);
        else
            FakeApiServer::respondStatus(socket, 403, QStringLiteral("Forbidden"), QStringLiteral("forbidden"));
    };
    LogRequest request = jobManagerLog();
    request.options.previous = true;
    LogReader reader(m_client.get(), request);
    QSignalSpy finished(&reader, &LogReader::finished);
    reader.start();
    QVERIFY(finished.wait(5000));
    const Error error = finished.first().at(0).value<Error>();
    QCOMPARE(error.reason, LogReader::forbiddenReason);
    QVERIFY2(error.message.contains(QLatin1String("no log of a previous container")), qPrintable(error.message));
    for (const FakeApiServer::Request &r : std::as_const(m_api->requests))
        QVERIFY(!r.path.contains(QLatin1String("/proxy/"))); // REST was not asked
}

void TestLogReader::sessionHostDeliversLinesQueued()
{
    // The GUI side: openLog returns at once; lines and the end arrive as queued signals.
    m_api->handler = [](const FakeApiServer::Request &request, QTcpSocket *socket) {
        if (request.path == kLogPath)
            FakeApiServer::respond(socket, 200, numberedLines(10));
        else
            FakeApiServer::respondStatus(socket, 404, QStringLiteral("NotFound"), QStringLiteral("not found"));
    };
    const auto config = KubeConfigLoader::load({m_api->kubeconfigPath(), QString(), QString()});
    QVERIFY(config.ok());
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    SessionHost host(config.value(), QStringLiteral("fake"), QStringLiteral("default"), options);
    QSignalSpy lines(host.session(), &ClusterSession::logLines);
    QSignalSpy ended(host.session(), &ClusterSession::logEnded);
    const quint64 first = host.openLog(jobManagerLog());
    const quint64 second = host.openLog(jobManagerLog());
    QVERIFY(first != second);
    QTRY_COMPARE(ended.size(), 2);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first().at(1).toStringList().size(), 10);
    QCOMPARE(lines.first().at(2).toString(), QStringLiteral("Kubernetes (pods/log)"));
    QCOMPARE(ended.first().at(1).value<Error>(), Error());
    const QSet<quint64> ids{ended.at(0).at(0).toULongLong(), ended.at(1).at(0).toULongLong()};
    QCOMPARE(ids, (QSet<quint64>{first, second}));
}

QTEST_GUILESS_MAIN(TestLogReader)
#include "tst_logreader.moc"
