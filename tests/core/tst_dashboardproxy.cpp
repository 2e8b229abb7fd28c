#include "kube/dashboardproxy.h"
#include "kube/kubeclient.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"

#include "common/sandboxfixture.h"
#include "common/sanitizers.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace capstan;
using capstan::sandbox::OperatorSimulation;
using capstan::test::SandboxFixture;
using namespace Qt::StringLiterals;

// The Flink Dashboard proxy against the sandbox: the JobManager's REST answers arrive through the
// API server's service proxy with a credential from an exec plugin, and nothing outside the token
// answers.
class TestDashboardProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forwardsWithExecCredential();
    void headHasNoBody();
    void onlyTheTokenAnswers();
    void renewsAnExpiredExecCredential();
    void missingServiceIsPassedOn();
    void streamsALargeBundle();
    void listensOnLoopbackOnlyAndStops();
    void ingressUrl_data();
    void ingressUrl();

private:
    struct Answer
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };
    KubeClient *execClient(const QString &script);
    // A client whose exec plugin (written as `name`) hands out the sandbox's admin token.
    KubeClient *adminExecClient(const QString &name);
    QString writeScript(const QString &name, const QString &body);
    Answer get(const QUrl &url, bool head = false);
    // Sends `request` as it is and returns the raw answer (the connection closes after it).
    QByteArray raw(quint16 port, const QByteArray &request);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_browser; // the "browser"
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_nams;
    std::vector<std::unique_ptr<KubeClient>> m_clients;
};

void TestDashboardProxy::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(0, 1.0);
    QVERIFY(m_sandbox->started);
    OperatorSimulation *sim = m_sandbox->server->operatorSimulation();
    sim->clock().setPaused(true);
    QVERIFY(m_sandbox->server->store()
                .create(u"flinkdeployments"_s, u"default"_s, SandboxFixture::deployment(u"orders"_s, 2))
                .ok());
    for (int i = 0; i < 240; ++i) { // a minute: the JobManager is up and the job runs
        sim->clock().advance(250);
        sim->reconcileOnce();
    }
}

QString TestDashboardProxy::writeScript(const QString &name, const QString &body)
{
    const QString path = m_sandbox->dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body.toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

KubeClient *TestDashboardProxy::execClient(const QString &script)
{
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token.clear();
    config.user.exec = ExecConfig{u"client.authentication.k8s.io/v1"_s, script, {}, {}, {}, false, {}};
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    m_clients.push_back(std::make_unique<KubeClient>(m_nams.back().get(), config));
    return m_clients.back().get();
}

KubeClient *TestDashboardProxy::adminExecClient(const QString &name)
{
    return execClient(
        writeScript(name,
                    u"printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                    "\"status\":{\"token\":\"%1\"}}'\n"_s.arg(m_sandbox->server->adminToken())));
}

TestDashboardProxy::Answer TestDashboardProxy::get(const QUrl &url, bool head)
{
    QNetworkRequest request(url);
    QNetworkReply *reply = head ? m_browser.head(request) : m_browser.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(15000))
        return {};
    Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll()};
    reply->deleteLater();
    return answer;
}

QByteArray TestDashboardProxy::raw(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    connect(&socket, &QTcpSocket::connected, this, [&] { socket.write(request); });
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 15000))
        return "(no answer within 15 s) " + answer;
    return answer + socket.readAll();
}

void TestDashboardProxy::forwardsWithExecCredential()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    KubeClient *client = adminExecClient(u"plugin.sh"_s);
    DashboardProxy proxy(client, u"default"_s, u"orders"_s);
    const Result<QUrl> url = proxy.start();
    QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().toString()));
    QCOMPARE(url->host(), u"127.0.0.1"_s);
    QCOMPARE(url->path(), u"/%1/"_s.arg(proxy.token()));
    QVERIFY(proxy.token().size() >= 32);

    const Answer overview = get(url->resolved(QUrl(u"overview"_s)));
    QCOMPARE(overview.status, 200);
    QVERIFY2(overview.contentType.startsWith("application/json"), overview.contentType.constData());
    const QJsonObject object = QJsonDocument::fromJson(overview.body).object();
    QVERIFY2(object.contains(u"taskmanagers"_s), overview.body.constData());
    QCOMPARE(object.value(u"jobs-running"_s).toInt(), 1);
    QCOMPARE(client->credentials()->execRuns(), 1);

    // The JobManager's own page at the token's root (the sandbox's says what it is), and its
    // relative links resolve under the token.
    const Answer index = get(url.value());
    QCOMPARE(index.status, 200);
    QVERIFY2(index.contentType.startsWith("text/html"), index.contentType.constData());
    QVERIFY2(index.body.contains("sandbox"), index.body.constData());
    QVERIFY(index.body.contains("href=\"jobs/overview\""));
    QCOMPARE(get(url->resolved(QUrl(u"jobs/overview"_s))).status, 200);

    // With a query and the optional version prefix, as the dashboard asks.
    const Answer jobs = get(url->resolved(QUrl(u"v1/jobs/overview?x=1"_s)));
    QCOMPARE(jobs.status, 200);
    QCOMPARE(QJsonDocument::fromJson(jobs.body).object().value(u"jobs"_s).toArray().size(), 1);
    QCOMPARE(client->credentials()->execRuns(), 1); // cached, as for every request
    QTRY_COMPARE(proxy.openExchanges(), 0);
}

void TestDashboardProxy::headHasNoBody()
{
    KubeClient *client = adminExecClient(u"plugin-head.sh"_s);
    DashboardProxy proxy(client, u"default"_s, u"orders"_s);
    const QUrl url = proxy.start().value();
    const QByteArray answer
        = raw(proxy.port(), "HEAD /" + proxy.token().toLatin1() + "/overview HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 "), answer.constData());
    QVERIFY2(answer.endsWith("\r\n\r\n"), answer.constData()); // headers only
    QVERIFY(!url.isEmpty());
}

void TestDashboardProxy::onlyTheTokenAnswers()
{
    KubeClient *client = adminExecClient(u"plugin-token.sh"_s);
    DashboardProxy proxy(client, u"default"_s, u"orders"_s);
    const QUrl url = proxy.start().value();
    QUrl other = url;
    other.setPath(u"/0123456789abcdef0123456789abcdef/overview"_s);
    QCOMPARE(get(other).status, 404);
    other.setPath(u"/overview"_s);
    QCOMPARE(get(other).status, 404);
    other.setPath(u"/"_s);
    QCOMPARE(get(other).status, 404);
    other.setPath(u"/%1x/overview"_s.arg(proxy.token())); // a prefix of the token is not the token
    QCOMPARE(get(other).status, 404);
    const QByteArray token = proxy.token().toLatin1();
    const quint16 port = proxy.port();
    // Dot segments would take the API server's path out of the service proxy.
    QVERIFY(raw(port, "GET /" + token + "/../../../secrets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .startsWith("HTTP/1.1 404 "));
    QVERIFY(raw(port, "GET /" + token + "/%2e%2e/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").startsWith("HTTP/1.1 404 "));
    // Another host name pointed at 127.0.0.1 (DNS rebinding).
    QVERIFY(
        raw(port, "GET /" + token + "/overview HTTP/1.1\r\nHost: evil.example:" + QByteArray::number(port) + "\r\n\r\n")
            .startsWith("HTTP/1.1 404 "));
    QVERIFY(raw(port, "garbage\r\n\r\n").startsWith("HTTP/1.1 400 "));
    // Only reads are forwarded.
    const QByteArray post = raw(port,
                                "POST /" + token
                                    + "/jobs/x/savepoints HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                      "Content-Length: 2\r\n\r\n{}");
    QVERIFY2(post.startsWith("HTTP/1.1 405 "), post.constData());
    QVERIFY(post.contains("Allow: GET, HEAD\r\n"));
    // The bare token gets its slash, so that the dashboard's relative URLs resolve under it.
    const QByteArray bare = raw(port, "GET /" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY2(bare.startsWith("HTTP/1.1 301 "), bare.constData());
    QVERIFY(bare.contains(QByteArray("Location: /" + token + "/\r\n")));
    QCOMPARE(proxy.openExchanges(), 0);
}

void TestDashboardProxy::renewsAnExpiredExecCredential()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    // The first run hands out a token that has expired already; the second a valid one.
    const QString expired = m_sandbox->server->issueToken(QDateTime::currentDateTimeUtc().addSecs(-60));
    const QString marker = m_sandbox->dir.filePath(u"renew-ran"_s);
    const QString script = writeScript(
        u"plugin-renew.sh"_s,
        u"if [ -f '%1' ]; then t='%2'; else touch '%1'; t='%3'; fi\n"
        "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
        "\"status\":{\"token\":\"%s\"}}' \"$t\"\n"_s.arg(marker, m_sandbox->server->adminToken(), expired));
    KubeClient *client = execClient(script);
    DashboardProxy proxy(client, u"default"_s, u"orders"_s);
    const QUrl url = proxy.start().value();
    const Answer overview = get(url.resolved(QUrl(u"overview"_s)));
    QCOMPARE(overview.status, 200);
    QCOMPARE(client->credentials()->execRuns(), 2);
    QTRY_COMPARE(proxy.openExchanges(), 0);
}

void TestDashboardProxy::missingServiceIsPassedOn()
{
    KubeClient *client = adminExecClient(u"plugin-missing.sh"_s);
    DashboardProxy proxy(client, u"default"_s, u"no-such-deployment"_s);
    const QUrl url = proxy.start().value();
    const Answer answer = get(url.resolved(QUrl(u"overview"_s)));
    QCOMPARE(answer.status, 404); // the API server's own answer, as it gave it
    QVERIFY(answer.body.contains("no-such-deployment-rest"));
}

void TestDashboardProxy::streamsALargeBundle()
{
    // An API server of its own that answers with a 6 MB script, to see what arrives at it and that
    // the bundle goes through whole and unchanged.
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost));
    QByteArray bundle(6 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bundle.size(); ++i)
        bundle[i] = char('a' + i % 26);
    QByteArray received;
    connect(&upstream, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = upstream.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            received += socket->readAll();
            if (!received.contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/javascript\r\nCache-Control: max-age=60\r\n"
                          "Content-Length: "
                          + QByteArray::number(bundle.size()) + "\r\nConnection: close\r\n\r\n");
            socket->write(bundle);
            socket->disconnectFromHost();
        });
    });
    ConnectionConfig config = m_sandbox->connection().value();
    config.server = QUrl(u"http://127.0.0.1:%1"_s.arg(upstream.serverPort()));
    config.user.token = u"static-token"_s;
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    m_clients.push_back(std::make_unique<KubeClient>(m_nams.back().get(), config));
    DashboardProxy proxy(m_clients.back().get(), u"default"_s, u"orders"_s);
    const QUrl url = proxy.start().value();

    const Answer answer = get(url.resolved(QUrl(u"assets/main.js?v=1"_s)));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, QByteArray("application/javascript"));
    QCOMPARE(answer.body.size(), bundle.size());
    QVERIFY(answer.body == bundle);
    QVERIFY2(received.startsWith("GET /api/v1/namespaces/default/services/orders-rest:rest/proxy/assets/main.js?v=1 "),
             received.left(200).constData());
    QVERIFY(received.contains("Authorization: Bearer static-token\r\n"));
    QTRY_COMPARE(proxy.openExchanges(), 0);
}

void TestDashboardProxy::listensOnLoopbackOnlyAndStops()
{
    KubeClient *client = adminExecClient(u"plugin-stop.sh"_s);
    DashboardProxy proxy(client, u"default"_s, u"orders"_s);
    QSignalSpy stopped(&proxy, &DashboardProxy::stopped);
    const QUrl url = proxy.start().value();
    QVERIFY(proxy.isListening());
    QCOMPARE(proxy.address(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(proxy.address().isLoopback());
    const quint16 port = proxy.port();
    QVERIFY(port != 0);
    QCOMPARE(get(url.resolved(QUrl(u"overview"_s))).status, 200);

    proxy.stop();
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!proxy.isListening());
    QVERIFY(proxy.url().isEmpty());
    QTcpSocket socket;
    QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<QAbstractSocket::SocketError>(), QAbstractSocket::ConnectionRefusedError);
    proxy.stop(); // once only
    QCOMPARE(stopped.size(), 1);
}

void TestDashboardProxy::ingressUrl_data()
{
    QTest::addColumn<QJsonObject>("ingress");
    QTest::addColumn<QString>("url");
    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("host") << QJsonObject{{u"template"_s, u"{{name}}.{{namespace}}.flink.k8s.io"_s}}
                          << u"http://orders.flink.flink.k8s.io/"_s;
    QTest::newRow("host-tls") << QJsonObject{{u"template"_s, u"{{name}}.{{namespace}}.flink.k8s.io"_s},
                                             {u"tls"_s, QJsonArray{QJsonObject{{u"secretName"_s, u"s"_s}}}}}
                              << u"https://orders.flink.flink.k8s.io/"_s;
    QTest::newRow("host-and-path") << QJsonObject{{u"template"_s,
                                                   u"flink.example.com/{{namespace}}/{{name}}(/|$)(.*)"_s}}
                                   << u"http://flink.example.com/flink/orders/"_s;
    QTest::newRow("path-only") << QJsonObject{{u"template"_s, u"/{{namespace}}/{{name}}(/|$)(.*)"_s}} << QString();
}

void TestDashboardProxy::ingressUrl()
{
    QFETCH(QJsonObject, ingress);
    QFETCH(QString, url);
    QJsonObject spec;
    if (!ingress.isEmpty())
        spec.insert(u"ingress"_s, ingress);
    const QJsonObject deployment{{u"metadata"_s, QJsonObject{{u"name"_s, u"orders"_s}, {u"namespace"_s, u"flink"_s}}},
                                 {u"spec"_s, spec}};
    QCOMPARE(DashboardProxy::ingressUrl(deployment).toString(), url);
}

QTEST_GUILESS_MAIN(TestDashboardProxy)
#include "tst_dashboardproxy.moc"
