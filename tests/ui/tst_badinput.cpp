// The table of bad inputs: each row is something a user or a cluster can hand Capstan, and each
// must end in a clear message naming the file, line, field or host and what to do — never a crash,
// never a silent success. The rows, in order: malformed YAML in the editor, wrong types, values out
// of range, a huge document, non-ASCII and over-long names, empty and binary kubeconfig files, a
// server that answers with an HTML page, a certificate for another host, an expired certificate.

#include "common/sandboxfixture.h"
#include "flink/schemavalidator.h"
#include "flink/yamlreader.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/resourcepath.h"
#include "sandbox/crdregistry.h"
#include "ui/specchecks.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void malformedYamlNamesTheLine();
    void wrongTypeNamesTheField();
    void valuesOutOfRange_data();
    void valuesOutOfRange();
    void hugeDocumentIsRefusedAtOnce();
    void names_data();
    void names();
    void emptyKubeconfigHasNoContexts();
    void binaryKubeconfigNamesTheFile();
    void htmlAnswerIsNotMistakenForTheApi();
    void certificateForAnotherHost();
    void expiredCertificate();

private:
    Result<QJsonObject> get(const ConnectionConfig &config, const QString &path);
    static QJsonObject deploymentFromYaml(const QString &yaml);
};

Result<QJsonObject> TestBadInput::get(const ConnectionConfig &config, const QString &path)
{
    QNetworkAccessManager nam;
    KubeClient client(&nam, config);
    std::optional<Result<QJsonObject>> out;
    KubeReply *reply = client.get(path);
    connect(reply, &KubeReply::finished, this, [&out](const Result<QJsonObject> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 15000))
        return Error::make(QStringLiteral("TestTimeout"), QStringLiteral("no answer within 15 s"));
    return *out;
}

QJsonObject TestBadInput::deploymentFromYaml(const QString &yaml)
{
    const Result<QJsonValue> value = YamlReader::parse(yaml);
    return value ? value->toObject() : QJsonObject();
}

void TestBadInput::malformedYamlNamesTheLine()
{
    const Result<QJsonValue> result
        = YamlReader::parse(QStringLiteral("spec:\n  job:\n    args: [\"--window\", \"5m\"\n  parallelism: 2\n"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().line >= 3, qPrintable(result.error().toString()));
    QVERIFY(!result.error().message.isEmpty());
    qInfo("says: line %d, column %d: %s", result.error().line, result.error().column,
          qPrintable(result.error().message));
}

void TestBadInput::wrongTypeNamesTheField()
{
    const SchemaValidator *validator = sandbox::CrdRegistry::instance().validator(QStringLiteral("flinkdeployments"));
    QVERIFY(validator);
    QJsonObject object = deploymentFromYaml(QStringLiteral("apiVersion: flink.apache.org/v1beta1\n"
                                                           "kind: FlinkDeployment\n"
                                                           "metadata: {name: typed}\n"
                                                           "spec:\n  job:\n    parallelism: two\n"));
    QVERIFY(!object.isEmpty());
    const QList<FieldError> errors = validator->validate(&object);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().field, QStringLiteral("spec.job.parallelism"));
    QVERIFY2(errors.first().message.contains(QStringLiteral("integer")), qPrintable(errors.first().message));
    qInfo("says: %s: %s", qPrintable(errors.first().field), qPrintable(errors.first().message));
}

void TestBadInput::valuesOutOfRange_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("field");
    QTest::newRow("parallelism 0") << QStringLiteral("job: {parallelism: 0}") << QStringLiteral("job.parallelism");
    QTest::newRow("negative parallelism")
        << QStringLiteral("job: {parallelism: -4}") << QStringLiteral("job.parallelism");
    QTest::newRow("memory without a unit")
        << QStringLiteral("taskManager: {resource: {memory: lots}}") << QStringLiteral("taskManager.resource.memory");
}

void TestBadInput::valuesOutOfRange()
{
    QFETCH(QString, yaml);
    QFETCH(QString, field);
    const QList<SpecChecks::Problem> problems = SpecChecks::check(deploymentFromYaml(yaml));
    QStringList fields;
    for (const SpecChecks::Problem &p : problems) {
        fields << p.field;
        QVERIFY(!p.message.isEmpty());
        qInfo("says: %s: %s", qPrintable(p.field), qPrintable(p.message));
    }
    QVERIFY2(fields.contains(field), qPrintable(fields.join(QLatin1Char(','))));
}

void TestBadInput::hugeDocumentIsRefusedAtOnce()
{
    // A log file pasted into the editor by mistake: 8 MB of it.
    QString yaml = QStringLiteral("spec:\n  flinkConfiguration:\n");
    const QString line = QStringLiteral("    key-%1: \"%2\"\n");
    while (yaml.size() < 8 * 1024 * 1024)
        yaml += line.arg(yaml.size()).arg(QString(100, QLatin1Char('x')));
    QElapsedTimer timer;
    timer.start();
    const Result<QJsonValue> result = YamlReader::parse(yaml);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().reason, QStringLiteral("DocumentTooLarge"));
    QVERIFY2(result.error().message.contains(QStringLiteral("1.5 MB")), qPrintable(result.error().message));
    qInfo("8 MB document refused in %lld ms: %s", elapsed, qPrintable(result.error().message));

    // Just under the limit it is parsed; how long that takes is printed, not asserted.
    yaml.truncate(YamlReader::kMaxDocumentChars - 200);
    yaml.truncate(yaml.lastIndexOf(QLatin1Char('\n')) + 1);
    timer.restart();
    const Result<QJsonValue> largest = YamlReader::parse(yaml);
    QVERIFY(largest.ok());
    qInfo("a %.1f MB document parsed in %lld ms", double(yaml.size()) / (1024 * 1024), timer.elapsed());
}

void TestBadInput::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("github-analytics") << true;
    QTest::newRow("45 characters") << QString(45, QLatin1Char('a')) << true;
    QTest::newRow("46 characters") << QString(46, QLatin1Char('a')) << false;
    QTest::newRow("non-ASCII") << QStringLiteral("flïnk-jöb") << false;
    QTest::newRow("upper case") << QStringLiteral("GitHub") << false;
    QTest::newRow("leading dash") << QStringLiteral("-job") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestBadInput::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const QString message = SpecChecks::checkName(name);
    QCOMPARE(message.isEmpty(), valid);
    if (!valid)
        qInfo("says: %s", qPrintable(message));
}

void TestBadInput::emptyKubeconfigHasNoContexts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    // Like kubectl: an empty file is an empty configuration; the window then says how to get one.
    const Result<KubeConfig> config = KubeConfigLoader::load({path, QString(), QString()});
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
    QVERIFY(config->contexts.isEmpty());
}

void TestBadInput::binaryKubeconfigNamesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("binary.kubeconfig"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray bytes(4096, '\0');
    QRandomGenerator random(7);
    for (char &c : bytes)
        c = char(random.bounded(256));
    file.write(bytes);
    file.close();
    const Result<KubeConfig> config = KubeConfigLoader::load({path, QString(), QString()});
    QVERIFY(!config.ok());
    QCOMPARE(config.error().file, path);
    QVERIFY(!config.error().message.isEmpty());
    qInfo("says: %s", qPrintable(config.error().toString()));
}

void TestBadInput::htmlAnswerIsNotMistakenForTheApi()
{
    // A corporate login page where the API server should be: 200 OK with HTML.
    QTcpServer web;
    QVERIFY(web.listen(QHostAddress::LocalHost));
    connect(&web, &QTcpServer::newConnection, this, [&web] {
        QTcpSocket *socket = web.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            const QByteArray page = "<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                          + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
            socket->disconnectFromHost();
        });
    });
    ConnectionConfig config;
    config.contextName = QStringLiteral("behind-a-login-page");
    config.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(web.serverPort()));
    config.user.token = QStringLiteral("t");
    const auto result = get(config, ResourceType::flinkDeployments().collectionPath(QString()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("HTML")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("server URL")), qPrintable(result.error().message));
    qInfo("says: %s", qPrintable(result.error().message));
}

void TestBadInput::certificateForAnotherHost()
{
    SandboxFixture sandbox(0);
    QVERIFY(sandbox.started);
    ConnectionConfig config = sandbox.connection().value();
    // The certificate names 127.0.0.1 and localhost; the kubeconfig expects another name.
    config.cluster.tlsServerName = QStringLiteral("api.prod.example.com");
    const auto result = get(config, ResourceType::flinkDeployments().collectionPath(QString()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 0);
    QVERIFY2(result.error().message.contains(QStringLiteral("TLS verification failed")),
             qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("host name")), qPrintable(result.error().message));
    qInfo("says: %s", qPrintable(result.error().message));
}

void TestBadInput::expiredCertificate()
{
    sandbox::SandboxOptions options;
    options.deployments = 0;
    options.expiredServerCertificate = true;
    sandbox::SandboxServer server(options);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY(server.writeKubeconfig(path));
    const Result<KubeConfig> kubeconfig = KubeConfigLoader::load({path, QString(), QString()});
    QVERIFY(kubeconfig.ok());
    const Result<ConnectionConfig> config = ConnectionConfig::resolve(kubeconfig.value(), QStringLiteral("sandbox"));
    QVERIFY(config.ok());
    const auto result = get(config.value(), ResourceType::flinkDeployments().collectionPath(QString()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("expired")), qPrintable(result.error().message));
    qInfo("says: %s", qPrintable(result.error().message));
}

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
