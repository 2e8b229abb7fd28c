// KubeClient against the sandbox over real HTTPS: verbs, Status errors, authentication kinds, TLS
// verification, retries, and that no secret reaches a log line.

#include "common/sandboxfixture.h"
#include "common/sanitizers.h"
#include "kube/kubeclient.h"
#include "kube/kubestatus.h"
#include "kube/resourcepath.h"
#include "sandbox/faultplan.h"

#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslKey>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

namespace {
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;
void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logLines << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message;
    if (g_previousHandler && type != QtDebugMsg)
        g_previousHandler(type, context, message);
}
} // namespace

class TestKubeClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createGetListPatchDelete();
    void staleResourceVersionConflicts();
    void notFoundIsStatusError();
    void dryRunStoresNothing();
    void jsonPatch();
    void unknownTokenIs401();
    void readOnlyUserGets403OnWrites();
    void clientCertificateAuth();
    void wrongCaFailsVerification();
    void tlsServerNameIsVerified();
    void insecureSkipsVerification();
    void writesAreNotRetriedOn429();
    void execPluginRunsAgainOnce401();
    void execPluginCachesUntilExpiry();
    void execPluginFailureExplains();
    void execPluginRunsOnTheHostFromAFlatpak();
    void htmlAnswerIsSummarised();
    void serviceProxyPath();
    void secretsNeverReachLogs();

private:
    Result<QJsonObject> wait(KubeReply *reply);
    KubeClient *client(const ConnectionConfig &config);
    QString writeExecScript(const QString &body);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_nams;
    std::vector<std::unique_ptr<KubeClient>> m_clients;
    QString m_path = ResourceType::flinkDeployments().collectionPath(QStringLiteral("default"));
};

void TestKubeClient::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(0);
    QVERIFY(m_sandbox->started);
}

Result<QJsonObject> TestKubeClient::wait(KubeReply *reply)
{
    std::optional<Result<QJsonObject>> out;
    connect(reply, &KubeReply::finished, this, [&out](const Result<QJsonObject> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 15000))
        return Error::make(QStringLiteral("TestTimeout"), QStringLiteral("no answer within 15 s"));
    return *out;
}

KubeClient *TestKubeClient::client(const ConnectionConfig &config)
{
    // One QNAM per client, as one per session in the app: QNAM reuses open TLS connections without
    // comparing TLS settings, so clients with different CAs or identities must not share one.
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    m_clients.push_back(std::make_unique<KubeClient>(m_nams.back().get(), config));
    return m_clients.back().get();
}

QString TestKubeClient::writeExecScript(const QString &body)
{
    const QString path = m_sandbox->dir.filePath(QStringLiteral("plugin-%1.sh").arg(m_clients.size()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body.toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestKubeClient::createGetListPatchDelete()
{
    KubeClient *c = client(m_sandbox->connection().value());
    const auto created = wait(c->create(m_path, SandboxFixture::deployment(QStringLiteral("orders"))));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    const QJsonObject metadata = created->value(QLatin1String("metadata")).toObject();
    QVERIFY(!metadata.value(QLatin1String("uid")).toString().isEmpty());
    const QString rv = metadata.value(QLatin1String("resourceVersion")).toString();

    const QString objectPath
        = ResourceType::flinkDeployments().objectPath(QStringLiteral("default"), QStringLiteral("orders"));
    const auto got = wait(c->get(objectPath));
    QVERIFY(got.ok());
    QCOMPARE(got->value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("orders"));

    KubeClient::ListOptions options;
    options.fieldSelector = QStringLiteral("metadata.name=orders");
    const auto listed = wait(c->list(m_path, options));
    QVERIFY(listed.ok());
    QCOMPARE(listed->value(QLatin1String("items")).toArray().size(), 1);

    const QJsonObject patch{{QStringLiteral("spec"),
                             QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 4}}}}}};
    const auto patched = wait(c->mergePatch(objectPath, patch, rv));
    QVERIFY2(patched.ok(), qPrintable(patched.ok() ? QString() : patched.error().toString()));
    QCOMPARE(patched->value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             4);

    const auto removed = wait(c->remove(objectPath));
    QVERIFY(removed.ok());
    const auto gone = wait(c->get(objectPath));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().httpStatus, 404);
}

void TestKubeClient::staleResourceVersionConflicts()
{
    KubeClient *c = client(m_sandbox->connection().value());
    const auto created = wait(c->create(m_path, SandboxFixture::deployment(QStringLiteral("conflicted"))));
    QVERIFY(created.ok());
    const QString rv
        = created->value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    const QString objectPath
        = ResourceType::flinkDeployments().objectPath(QStringLiteral("default"), QStringLiteral("conflicted"));
    // Someone else changes it first.
    const QJsonObject theirs{{QStringLiteral("spec"),
                              QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 3}}}}}};
    QVERIFY(m_sandbox->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("conflicted"),
                            theirs)
                .ok());
    const QJsonObject ours{{QStringLiteral("spec"),
                            QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 2}}}}}};
    const auto result = wait(c->mergePatch(objectPath, ours, rv));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 409);
    QCOMPARE(result.error().reason, QStringLiteral("Conflict"));
    QVERIFY(result.error().isConflict());
    // Nothing was overwritten.
    const auto now = m_sandbox->server->store().get(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                                                    QStringLiteral("conflicted"));
    QCOMPARE(now.object.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             3);
}

void TestKubeClient::notFoundIsStatusError()
{
    KubeClient *c = client(m_sandbox->connection().value());
    const auto result = wait(
        c->get(ResourceType::flinkDeployments().objectPath(QStringLiteral("default"), QStringLiteral("missing"))));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 404);
    QCOMPARE(result.error().reason, QStringLiteral("NotFound"));
    QVERIFY(result.error().message.contains(QStringLiteral("missing")));
}

void TestKubeClient::dryRunStoresNothing()
{
    KubeClient *c = client(m_sandbox->connection().value());
    const quint64 before = m_sandbox->server->store().currentResourceVersion();
    const auto result = wait(c->create(m_path, SandboxFixture::deployment(QStringLiteral("dry")), true));
    QVERIFY(result.ok());
    QCOMPARE(m_sandbox->server->store().currentResourceVersion(), before);
    QVERIFY(!m_sandbox->server->store()
                 .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("dry"))
                 .ok());
}

void TestKubeClient::jsonPatch()
{
    KubeClient *c = client(m_sandbox->connection().value());
    QVERIFY(wait(c->create(m_path, SandboxFixture::deployment(QStringLiteral("patched")))).ok());
    const QString objectPath
        = ResourceType::flinkDeployments().objectPath(QStringLiteral("default"), QStringLiteral("patched"));
    const QJsonArray ops{QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                     {QStringLiteral("path"), QStringLiteral("/spec/job/parallelism")},
                                     {QStringLiteral("value"), 7}}};
    const auto result = wait(c->jsonPatch(objectPath, ops));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             7);
}

void TestKubeClient::unknownTokenIs401()
{
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token = QStringLiteral("not-a-valid-token");
    const auto result = wait(client(config)->get(m_path));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 401);
    QCOMPARE(result.error().reason, QStringLiteral("Unauthorized"));
}

void TestKubeClient::readOnlyUserGets403OnWrites()
{
    const auto connection = m_sandbox->connection(QStringLiteral("sandbox-readonly"));
    QVERIFY(connection.ok());
    KubeClient *c = client(connection.value());
    QVERIFY(wait(c->get(m_path)).ok());
    const auto result = wait(c->create(m_path, SandboxFixture::deployment(QStringLiteral("forbidden"))));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 403);
    QCOMPARE(result.error().reason, QStringLiteral("Forbidden"));
}

void TestKubeClient::clientCertificateAuth()
{
    const auto connection = m_sandbox->connection(QStringLiteral("sandbox-cert"));
    QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
    QCOMPARE(connection->user.authKind(), AuthKind::ClientCertificate);
    QVERIFY(!connection->clientCertificate.isNull());
    const auto result = wait(client(connection.value())->get(m_path));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
}

void TestKubeClient::wrongCaFailsVerification()
{
    // A second sandbox has its own CA: trusting it must not make the first one's certificate valid.
    SandboxFixture other(0);
    QVERIFY(other.started);
    ConnectionConfig config = m_sandbox->connection().value();
    config.caCertificates = other.connection().value().caCertificates;
    const auto result = wait(client(config)->get(m_path));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 0);
    QVERIFY2(result.error().message.contains(QStringLiteral("TLS")), qPrintable(result.error().message));
}

void TestKubeClient::tlsServerNameIsVerified()
{
    ConnectionConfig config = m_sandbox->connection().value();
    config.cluster.tlsServerName = QStringLiteral("localhost"); // in the certificate's SAN
    QVERIFY(wait(client(config)->get(m_path)).ok());
    config.cluster.tlsServerName = QStringLiteral("api.elsewhere.example");
    const auto result = wait(client(config)->get(m_path));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("TLS")), qPrintable(result.error().message));
}

void TestKubeClient::insecureSkipsVerification()
{
    ConnectionConfig config = m_sandbox->connection().value();
    config.caCertificates.clear(); // system roots do not know the sandbox CA
    QVERIFY(!wait(client(config)->get(m_path)).ok());
    config.cluster.insecureSkipTlsVerify = true;
    QVERIFY(config.insecure());
    QVERIFY(wait(client(config)->get(m_path)).ok());
}

void TestKubeClient::writesAreNotRetriedOn429()
{
    KubeClient *c = client(m_sandbox->connection().value());
    m_sandbox->server->faults().failNextRequests(1, 429, 1);
    KubeReply *reply = c->create(m_path, SandboxFixture::deployment(QStringLiteral("once")));
    const auto result = wait(reply);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 429);
    QCOMPARE(result.error().retryAfterSeconds, 1);
    QVERIFY(!m_sandbox->server->store()
                 .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("once"))
                 .ok());
    // A read is retried after Retry-After and succeeds.
    m_sandbox->server->faults().failNextRequests(1, 429, 1);
    QVERIFY(wait(c->get(m_path)).ok());
}

void TestKubeClient::execPluginRunsAgainOnce401()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    // First run hands out a stale token, the second the real one (a token that expired server-side).
    const QString counter = m_sandbox->dir.filePath(QStringLiteral("runs"));
    const QString script = writeExecScript(
        QStringLiteral("n=$(cat '%1' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '%1'\n"
                       "if [ $n -eq 1 ]; then t=stale-token; else t='%2'; fi\n"
                       "[ -n \"$KUBERNETES_EXEC_INFO\" ] || exit 3\n"
                       "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"%s\"}}' \"$t\"\n")
            .arg(counter, m_sandbox->server->adminToken()));
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token.clear();
    config.user.exec = ExecConfig{
        QStringLiteral("client.authentication.k8s.io/v1"), script, {}, {}, {}, true, QStringLiteral("Never")};
    KubeClient *c = client(config);
    const auto result = wait(c->get(m_path));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(c->credentials()->execRuns(), 2);
}

void TestKubeClient::execPluginRunsOnTheHostFromAFlatpak()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    // A stand-in for flatpak-spawn: it must be asked for the host, and it hands the plugin only
    // the environment named with --env (as the real one does).
    const QString launcher = writeExecScript(
        QStringLiteral("[ \"$1\" = --host ] || exit 9; shift\n"
                       "vars=\"\"\n"
                       "while [ \"${1#--env=}\" != \"$1\" ]; do vars=\"$vars ${1#--env=}\"; shift; done\n"
                       "exec env -i PATH=\"$PATH\" $vars \"$@\"\n"));
    const QString plugin = writeExecScript(
        QStringLiteral("[ -n \"$KUBERNETES_EXEC_INFO\" ] || exit 3\n"
                       "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"%s\"}}' \"$PLUGIN_TOKEN\"\n"));
    qputenv("CAPSTAN_HOST_LAUNCHER", (launcher + QStringLiteral(" --host")).toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("CAPSTAN_HOST_LAUNCHER"); });
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token.clear();
    config.user.exec = ExecConfig{QStringLiteral("client.authentication.k8s.io/v1"),
                                  plugin,
                                  {},
                                  {{QStringLiteral("PLUGIN_TOKEN"), m_sandbox->server->adminToken()}},
                                  {},
                                  false,
                                  QStringLiteral("Never")};
    KubeClient *c = client(config);
    const auto result = wait(c->get(m_path));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(c->credentials()->execRuns(), 1);
}

void TestKubeClient::execPluginCachesUntilExpiry()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    const QString expiry = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    const QString script = writeExecScript(
        QStringLiteral("printf '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"%1\",\"expirationTimestamp\":\"%2\"}}'\n")
            .arg(m_sandbox->server->adminToken(), expiry));
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token.clear();
    config.user.exec
        = ExecConfig{QStringLiteral("client.authentication.k8s.io/v1beta1"), script, {}, {}, {}, false, {}};
    KubeClient *c = client(config);
    // Two concurrent requests share one plugin run, and later ones use the cache.
    int succeeded = 0;
    for (int i = 0; i < 2; ++i) {
        connect(c->get(m_path), &KubeReply::finished, this,
                [&succeeded](const Result<QJsonObject> &r) { succeeded += r.ok() ? 1 : 0; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(succeeded, 2, 10000);
    QVERIFY(wait(c->get(m_path)).ok());
    QCOMPARE(c->credentials()->execRuns(), 1);
}

void TestKubeClient::execPluginFailureExplains()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    const QString script
        = writeExecScript(QStringLiteral("echo 'error: you must be logged in to the server' >&2\nexit 7\n"));
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token.clear();
    config.user.exec = ExecConfig{QStringLiteral("client.authentication.k8s.io/v1"),
                                  script,
                                  {},
                                  {},
                                  QStringLiteral("Install the cloud CLI and run its login command."),
                                  false,
                                  {}};
    const auto result = wait(client(config)->get(m_path));
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("exit code 7")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("you must be logged in")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Install the cloud CLI")), qPrintable(message));
    QCOMPARE(result.error().reason, QStringLiteral("ExecPluginFailed"));

    config.user.exec->command = QStringLiteral("capstan-no-such-plugin");
    const auto missing = wait(client(config)->get(m_path));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QStringLiteral("not found")), qPrintable(missing.error().message));
}

void TestKubeClient::htmlAnswerIsSummarised()
{
    const Error e
        = KubeStatus::fromHttp(502, "<html><body><h1>Bad Gateway</h1>" + QByteArray(5000, 'x') + "</body></html>");
    QCOMPARE(e.httpStatus, 502);
    QVERIFY(e.message.contains(QStringLiteral("HTML")));
    QVERIFY(e.message.size() < 400);
    const Error status = KubeStatus::fromHttp(
        422, R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"bad","reason":"Invalid",
                 "details":{"causes":[{"reason":"FieldValueInvalid","message":"must be >= 1","field":"spec.job.parallelism"}]},"code":422})");
    QCOMPARE(status.reason, QStringLiteral("Invalid"));
    QCOMPARE(status.field, QStringLiteral("spec.job.parallelism"));
    QCOMPARE(status.causes.size(), 1);
    // Another API's error object (Ververica Platform's): its message, not its JSON.
    const Error platform = KubeStatus::fromHttp(
        401, R"({"kind":"Error","statusCode":401,"reason":"Unauthorized","message":"A valid API token is required."})");
    QCOMPARE(platform.httpStatus, 401);
    QCOMPARE(platform.message, QStringLiteral("The server answered 401 Unauthorized: A valid API token is required."));
}

void TestKubeClient::serviceProxyPath()
{
    QCOMPARE(capstan::serviceProxyPath(QStringLiteral("flink"), QStringLiteral("github-analytics-rest"),
                                       QStringLiteral("rest"), QStringLiteral("/jobs/overview")),
             QStringLiteral("/api/v1/namespaces/flink/services/github-analytics-rest:rest/proxy/jobs/overview"));
}

void TestKubeClient::secretsNeverReachLogs()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES(); // the exec plugin half
    const QString secret = QStringLiteral("capstan-recognisable-secret-7f3a9c");
    QLoggingCategory::setFilterRules(QStringLiteral("capstan.*=true"));
    g_logLines.clear();
    g_previousHandler = qInstallMessageHandler(captureMessages);
    ConnectionConfig config = m_sandbox->connection().value();
    config.user.token = secret;
    const auto denied = wait(client(config)->get(m_path));
    QVERIFY(!denied.ok());
    const QString script = writeExecScript(
        QStringLiteral("printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"%1\"}}'\n")
            .arg(secret));
    config.user.token.clear();
    config.user.exec = ExecConfig{QStringLiteral("client.authentication.k8s.io/v1"), script, {}, {}, {}, false, {}};
    QVERIFY(!wait(client(config)->get(m_path)).ok());
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!g_logLines.isEmpty()); // debug logging was on: requests were logged
    for (const QString &line : std::as_const(g_logLines)) {
        QVERIFY2(!line.contains(secret), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("Authorization"), Qt::CaseInsensitive), qPrintable(line));
    }
    QVERIFY(!denied.error().toString().contains(secret));
}

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
