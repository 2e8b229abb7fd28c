#include "kube/contextlisting.h"
#include "kube/kubeconfigloader.h"

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(CAPSTAN_TEST_DATA_DIR "/kubeconfig/") + name;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

} // namespace

class TestKubeConfigLoader : public QObject
{
    Q_OBJECT

private slots:
    void parseFullFile();
    void emptyDocuments_data();
    void emptyDocuments();
    void scalarTypes_data();
    void scalarTypes();
    void base64_data();
    void base64();
    void errors_data();
    void errors();
    void errorMentionsFileLineAndField();
    void yamlFeatures();
    void resolveReference_data();
    void resolveReference();
    void execCommandResolution_data();
    void execCommandResolution();
    void relativeOriginResolvesAgainstWorkingDirectory();
    void mergeFirstWinsWholeEntry();
    void authKind_data();
    void authKind();
    void filesToLoad();
    void loadExplicitMissing();
    void loadHomeFallback();
    void loadDirectoryAndBadFile();
    void loadUnreadableFile();
    void selectContext();
    void contextListing();
};

void TestKubeConfigLoader::parseFullFile()
{
    const QString path = dataFile(QStringLiteral("full.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Result<KubeConfig> result = KubeConfigLoader::parse(f.readAll(), path);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const KubeConfig &config = result.value();
    const QString dir = QFileInfo(path).absolutePath();

    QCOMPARE(config.files, QStringList{path});
    QCOMPARE(config.currentContext, QStringLiteral("arn:aws:eks:eu-west-1:123:cluster/prod"));
    QCOMPARE(config.clusters.size(), 2);
    QCOMPARE(config.users.size(), 4);
    QCOMPARE(config.contexts.size(), 3);

    const KubeCluster *prod = config.cluster(QStringLiteral("prod"));
    QVERIFY(prod);
    QCOMPARE(prod->server, QStringLiteral("https://prod.example.com:6443"));
    QCOMPARE(prod->certificateAuthority, dir + QStringLiteral("/ca/prod.crt"));
    QCOMPARE(prod->tlsServerName, QStringLiteral("api.prod.internal"));
    QCOMPARE(prod->proxyUrl, QStringLiteral("socks5://127.0.0.1:1080"));
    QCOMPARE(prod->insecureSkipTlsVerify, false);
    QCOMPARE(prod->origin, path);
    QCOMPARE(prod->line, 7);

    const KubeCluster *staging = config.cluster(QStringLiteral("staging"));
    QVERIFY(staging);
    QCOMPARE(staging->certificateAuthorityData,
             QByteArray("-----BEGIN CERTIFICATE-----\nCA for tests\n-----END CERTIFICATE-----\n"));
    QVERIFY(staging->certificateAuthority.isEmpty());
    QCOMPARE(staging->insecureSkipTlsVerify, true);

    const KubeUser *alice = config.user(QStringLiteral("alice"));
    QVERIFY(alice);
    QCOMPARE(alice->clientCertificate, dir + QStringLiteral("/alice.crt"));
    QCOMPARE(alice->clientKey, QStringLiteral("/etc/capstan//alice.key")); // absolute: kept as written
    QCOMPARE(alice->impersonate, QStringLiteral("admin"));
    QCOMPARE(alice->impersonateGroups, (QStringList{QStringLiteral("system:masters"), QStringLiteral("ops")}));
    QCOMPARE(alice->impersonateUid, QStringLiteral("1000"));
    QCOMPARE(alice->authKind(), AuthKind::ClientCertificate);

    const KubeUser *bob = config.user(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(bob->token, QStringLiteral("bob-token"));
    QCOMPARE(bob->tokenFile, dir + QStringLiteral("/tokens/bob"));
    QCOMPARE(bob->username, QStringLiteral("bob"));
    QCOMPARE(bob->password, QStringLiteral("secret"));
    QCOMPARE(bob->authKind(), AuthKind::Token);

    const KubeUser *eks = config.user(QStringLiteral("eks"));
    QVERIFY(eks && eks->exec);
    QCOMPARE(eks->exec->apiVersion, QStringLiteral("client.authentication.k8s.io/v1beta1"));
    QCOMPARE(eks->exec->command, QStringLiteral("aws"));
    QCOMPARE(eks->exec->args,
             (QStringList{QStringLiteral("eks"), QStringLiteral("get-token"), QStringLiteral("--cluster-name"),
                          QStringLiteral("prod")}));
    QCOMPARE(eks->exec->env.size(), 1);
    QCOMPARE(eks->exec->env.at(0).first, QStringLiteral("AWS_PROFILE"));
    QCOMPARE(eks->exec->env.at(0).second, QStringLiteral("prod"));
    QCOMPARE(eks->exec->installHint, QStringLiteral("Install the AWS CLI."));
    QCOMPARE(eks->exec->provideClusterInfo, true);
    QCOMPARE(eks->exec->interactiveMode, QStringLiteral("Never"));
    QCOMPARE(eks->authKind(), AuthKind::Exec);

    const KubeUser *oidc = config.user(QStringLiteral("oidc"));
    QVERIFY(oidc && oidc->authProvider);
    QCOMPARE(oidc->authProvider->name, QStringLiteral("oidc"));
    QCOMPARE(oidc->authProvider->config.value(QStringLiteral("client-id")), QStringLiteral("capstan"));
    QCOMPARE(oidc->authProvider->config.size(), 3);
    QCOMPARE(oidc->authKind(), AuthKind::AuthProvider);

    QCOMPARE(config.contexts.at(0).name, QStringLiteral("arn:aws:eks:eu-west-1:123:cluster/prod"));
    QCOMPARE(config.contexts.at(0).ns, QStringLiteral("flink"));
    QCOMPARE(config.contexts.at(1).name, QStringLiteral("gke_proj_zone_name"));
    QVERIFY(config.contexts.at(1).ns.isEmpty());
    QCOMPARE(config.contexts.at(2).cluster, QStringLiteral("nowhere"));
}

void TestKubeConfigLoader::emptyDocuments_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray("   \n\n  \r\n");
    QTest::newRow("trailing-tab-in-comment") << QByteArray("# note\t\n");
    QTest::newRow("comment") << QByteArray("# nothing here\n");
    QTest::newRow("document-marker") << QByteArray("---\n");
    QTest::newRow("null") << QByteArray("~\n");
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF\n");
    QTest::newRow("null-lists") << QByteArray("clusters:\nusers: ~\ncontexts: null\ncurrent-context:\n");
}

void TestKubeConfigLoader::emptyDocuments()
{
    QFETCH(QByteArray, yaml);
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("/tmp/empty"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QVERIFY(result->clusters.isEmpty());
    QVERIFY(result->users.isEmpty());
    QVERIFY(result->contexts.isEmpty());
    QVERIFY(result->currentContext.isEmpty());
}

// Plain scalars resolve as YAML 1.1 (yaml.v2) does in kubectl: numbers and booleans are not strings.
void TestKubeConfigLoader::scalarTypes_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");
    const auto ok = [](const char *v, const char *expected) {
        QTest::newRow(v) << QByteArray(v) << true << QString::fromUtf8(expected);
    };
    const auto bad = [](const char *v) { QTest::newRow(v) << QByteArray(v) << false << QString(); };
    ok("flink", "flink");
    ok("'123'", "123");
    ok("\"true\"", "true");
    ok("1.2.3", "1.2.3");
    ok("2024-01-01", "2024-01-01");
    ok("yES", "yES");
    ok("1e", "1e");
    ok("0x", "0x");
    ok("0_x", "0_x");
    ok("._5", "._5");
    ok("+", "+");
    ok("1:2", "1:2");
    ok("~", "");
    ok("null", "");
    ok("!!str 42", "42");
    QTest::newRow("block-scalar") << QByteArray("|\n      block") << true << QStringLiteral("block\n");
    bad("123");
    bad("0x1F");
    bad("1_000");
    bad(".5");
    bad("1e3");
    bad("+1");
    bad(".inf");
    bad("0o17");
    bad("0b11");
    bad("08");
    bad("1_");
    bad("99999999999999999999");
    bad("yes");
    bad("Off");
    bad("true");
    bad("[a]");
    bad("{a: b}");
}

void TestKubeConfigLoader::scalarTypes()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    const QByteArray yaml = "contexts:\n- name: a\n  context:\n    namespace: " + value + "\n";
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("/tmp/types"));
    QCOMPARE(result.ok(), ok);
    if (ok) {
        QCOMPARE(result->contexts.at(0).ns, expected);
    } else {
        QCOMPARE(result.error().field, QStringLiteral("contexts[a].namespace"));
        QCOMPARE(result.error().line, 4);
        QVERIFY(result.error().message.startsWith(QLatin1String("expected a string")));
    }
}

void TestKubeConfigLoader::base64_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("decoded");
    QTest::newRow("plain") << QByteArray("aGVsbG8K") << true << QByteArray("hello\n");
    QTest::newRow("padding-1") << QByteArray("aGk=") << true << QByteArray("hi");
    QTest::newRow("padding-2") << QByteArray("aA==") << true << QByteArray("h");
    QTest::newRow("empty") << QByteArray("\"\"") << true << QByteArray();
    QTest::newRow("null") << QByteArray("~") << true << QByteArray();
    QTest::newRow("block-with-newlines") << QByteArray("|\n      aGVs\n      bG8K") << true << QByteArray("hello\n");
    QTest::newRow("missing-padding") << QByteArray("aGVsbG8") << false << QByteArray();
    QTest::newRow("too-short") << QByteArray("abc") << false << QByteArray();
    QTest::newRow("bad-char") << QByteArray("aGV*bG8K") << false << QByteArray();
    QTest::newRow("space") << QByteArray("\"aGVs bG8K\"") << false << QByteArray();
    QTest::newRow("url-alphabet") << QByteArray("aGk-") << false << QByteArray();
    QTest::newRow("trailing-garbage") << QByteArray("aGk=aGk=") << false << QByteArray();
    QTest::newRow("early-padding") << QByteArray("a===") << false << QByteArray();
    QTest::newRow("number") << QByteArray("1234") << false << QByteArray();
}

void TestKubeConfigLoader::base64()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, ok);
    QFETCH(QByteArray, decoded);
    const QByteArray yaml = "users:\n- name: alice\n  user:\n    client-key-data: " + value + "\n";
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("/tmp/b64"));
    QCOMPARE(result.ok(), ok);
    if (ok) {
        QCOMPARE(result->users.at(0).clientKeyData, decoded);
    } else {
        QCOMPARE(result.error().field, QStringLiteral("users[alice].client-key-data"));
        QCOMPARE(result.error().line, 4);
        QCOMPARE(result.error().file, QStringLiteral("/tmp/b64"));
    }
}

void TestKubeConfigLoader::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("syntax-unclosed-flow") << QByteArray("clusters:\n- name: a\n  cluster: {server: x\n") << 4
                                          << QString() << QStringLiteral("not valid YAML");
    QTest::newRow("syntax-bad-indent") << QByteArray("users:\n- name: a\n   user: {}\n  bad\n") << 3 << QString()
                                       << QStringLiteral("not valid YAML");
    QTest::newRow("clusters-number") << QByteArray("clusters: 5\n") << 1 << QStringLiteral("clusters")
                                     << QStringLiteral("expected a list, got a number");
    QTest::newRow("users-mapping") << QByteArray("users:\n  alice: {}\n") << 2 << QStringLiteral("users")
                                   << QStringLiteral("expected a list, got a mapping");
    QTest::newRow("cluster-body-string") << QByteArray("clusters:\n- name: a\n  cluster: https://x\n") << 3
                                         << QStringLiteral("clusters[a].cluster")
                                         << QStringLiteral("expected a mapping, got a string");
    QTest::newRow("server-number") << QByteArray("clusters:\n- name: a\n  cluster:\n    server: 123\n") << 4
                                   << QStringLiteral("clusters[a].server") << QStringLiteral("expected a string");
    QTest::newRow("insecure-string") << QByteArray(
        "clusters:\n- name: a\n  cluster:\n    insecure-skip-tls-verify: \"true\"\n")
                                     << 4 << QStringLiteral("clusters[a].insecure-skip-tls-verify")
                                     << QStringLiteral("expected true or false");
    QTest::newRow("ca-data-bad-base64") << QByteArray(
        "clusters:\n- name: a\n  cluster:\n    certificate-authority-data: '!!!'\n")
                                        << 4 << QStringLiteral("clusters[a].certificate-authority-data")
                                        << QStringLiteral("not valid base64");
    QTest::newRow("client-key-data-bad-base64")
        << QByteArray("users:\n- name: alice\n  user:\n    client-key-data: abc\n") << 4
        << QStringLiteral("users[alice].client-key-data") << QStringLiteral("not valid base64");
    QTest::newRow("client-cert-data-bad-base64")
        << QByteArray("users:\n- name: alice\n  user:\n    client-certificate-data: aGVsbG8\n") << 4
        << QStringLiteral("users[alice].client-certificate-data") << QStringLiteral("not valid base64");
    QTest::newRow("duplicate-cluster") << QByteArray(
        "clusters:\n- name: a\n  cluster: {server: one}\n- name: a\n  cluster: {server: two}\n")
                                       << 4 << QStringLiteral("clusters[a]") << QStringLiteral("duplicate name \"a\"");
    QTest::newRow("name-number") << QByteArray("contexts:\n- name: 42\n  context: {}\n") << 2
                                 << QStringLiteral("contexts[0].name") << QStringLiteral("expected a string");
    QTest::newRow("top-level-scalar") << QByteArray("hello\n") << 1 << QString()
                                      << QStringLiteral("expected a kubeconfig mapping, got a string");
    QTest::newRow("top-level-list") << QByteArray("- a\n- b\n") << 1 << QString()
                                    << QStringLiteral("expected a kubeconfig mapping, got a list");
    QTest::newRow("kind") << QByteArray("apiVersion: v1\nkind: Pod\n") << 2 << QStringLiteral("kind")
                          << QStringLiteral("unsupported kind \"Pod\"");
    QTest::newRow("api-version") << QByteArray("apiVersion: v2\nkind: Config\n") << 1 << QStringLiteral("apiVersion")
                                 << QStringLiteral("unsupported version \"v2\"");
    QTest::newRow("current-context-list") << QByteArray("current-context: [a]\n") << 1
                                          << QStringLiteral("current-context") << QStringLiteral("expected a string");
    QTest::newRow("exec-args-number") << QByteArray("users:\n- name: u\n  user:\n    exec:\n      command: x\n"
                                                    "      args: [a, 1]\n")
                                      << 6 << QStringLiteral("users[u].exec.args[1]")
                                      << QStringLiteral("expected a string, got a number");
    QTest::newRow("exec-env-value-number")
        << QByteArray("users:\n- name: u\n  user:\n    exec:\n      command: x\n"
                      "      env:\n      - name: A\n        value: 1\n")
        << 8 << QStringLiteral("users[u].exec.env[0].value") << QStringLiteral("expected a string");
    QTest::newRow("exec-env-mapping") << QByteArray("users:\n- name: u\n  user:\n    exec:\n      env: {A: b}\n") << 5
                                      << QStringLiteral("users[u].exec.env") << QStringLiteral("expected a list");
    QTest::newRow("exec-string") << QByteArray("users:\n- name: u\n  user:\n    exec: kubelogin\n") << 4
                                 << QStringLiteral("users[u].exec") << QStringLiteral("expected a mapping");
    QTest::newRow("provide-cluster-info")
        << QByteArray("users:\n- name: u\n  user:\n    exec:\n"
                      "      provideClusterInfo: maybe\n")
        << 5 << QStringLiteral("users[u].exec.provideClusterInfo") << QStringLiteral("expected true or false");
    QTest::newRow("auth-provider-config-number")
        << QByteArray("users:\n- name: u\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
                      "        client-id: 5\n")
        << 7 << QStringLiteral("users[u].auth-provider.config.client-id") << QStringLiteral("expected a string");
    QTest::newRow("as-groups-string") << QByteArray("users:\n- name: u\n  user:\n    as-groups: ops\n") << 4
                                      << QStringLiteral("users[u].as-groups") << QStringLiteral("expected a list");
    QTest::newRow("binary-nul") << QByteArray("\x00\x01\x02\xff", 4) << 1 << QString()
                                << QStringLiteral("control characters are not allowed");
    QTest::newRow("binary-high") << QByteArray("\xff\xd8\xff\xe0JFIF") << 1 << QString()
                                 << QStringLiteral("not valid UTF-8");
    QTest::newRow("control-character") << QByteArray("clusters:\n\x01\n") << 2 << QString()
                                       << QStringLiteral("control characters are not allowed");
    QTest::newRow("invalid-utf8-line-3") << QByteArray("a: 1\nb: 2\nc: \xc3\x28\n") << 3 << QString()
                                         << QStringLiteral("not valid UTF-8");
    QTest::newRow("truncated-utf8") << QByteArray("a: \xe2\x82") << 1 << QString()
                                    << QStringLiteral("incomplete character");
    QTest::newRow("tab-only-file") << QByteArray("  \n\t\n") << 2 << QString() << QStringLiteral("tab character");
    QTest::newRow("tab-before-comment") << QByteArray("\t# nothing\n") << 1 << QString()
                                        << QStringLiteral("tab character");
    QTest::newRow("bool-name") << QByteArray("contexts:\n- name: n\n  context: {}\n") << 2
                               << QStringLiteral("contexts[0].name") << QStringLiteral("got a boolean");
    QTest::newRow("bad-merge-key") << QByteArray("clusters:\n- name: a\n  cluster:\n    <<: 5\n") << 4
                                   << QStringLiteral("clusters[a].cluster") << QStringLiteral("merge key");
}

void TestKubeConfigLoader::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const QString origin = QStringLiteral("/home/op/.kube/broken");
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, origin);
    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(error.file, origin);
    QCOMPARE(error.line, line);
    QCOMPARE(error.field, field);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY2(error.toString().startsWith(origin + QLatin1Char(':') + QString::number(line)),
             qPrintable(error.toString()));
}

void TestKubeConfigLoader::errorMentionsFileLineAndField()
{
    const QByteArray yaml = "apiVersion: v1\nkind: Config\nusers:\n- name: alice\n  user:\n    client-key-data: abc\n";
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("/cfg/dev"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().column, 22);
    QCOMPARE(result.error().toString(),
             QStringLiteral("/cfg/dev:6: users[alice].client-key-data: not valid base64 (illegal data at byte 0)"));
}

void TestKubeConfigLoader::yamlFeatures()
{
    // Anchors, merge keys (later keys override), duplicate keys (last wins), JSON syntax, unknown fields.
    const QByteArray yaml = "base: &base\n"
                            "  server: https://base\n"
                            "  insecure-skip-tls-verify: yes\n"
                            "clusters:\n"
                            "- name: a\n"
                            "  cluster:\n"
                            "    <<: *base\n"
                            "    server: https://override\n"
                            "- name: b\n"
                            "  cluster: *base\n"
                            "- {\"name\": \"c\", \"cluster\": {\"server\": \"https://json\", \"extensions\": []}}\n"
                            "current-context: first\n"
                            "current-context: second\n";
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("/tmp/features"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->clusters.size(), 3);
    QCOMPARE(result->clusters.at(0).server, QStringLiteral("https://override"));
    QCOMPARE(result->clusters.at(0).insecureSkipTlsVerify, true);
    QCOMPARE(result->clusters.at(1).server, QStringLiteral("https://base"));
    QCOMPARE(result->clusters.at(2).server, QStringLiteral("https://json"));
    QCOMPARE(result->currentContext, QStringLiteral("second"));
}

void TestKubeConfigLoader::resolveReference_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("expected");
    const QString origin = QStringLiteral("/x/y/config");
    QTest::newRow("plain") << QStringLiteral("ca.crt") << origin << QStringLiteral("/x/y/ca.crt");
    QTest::newRow("dot-slash") << QStringLiteral("./ca.crt") << origin << QStringLiteral("/x/y/ca.crt");
    QTest::newRow("dotdot") << QStringLiteral("../a//b/./c") << origin << QStringLiteral("/x/a/b/c");
    QTest::newRow("above-root") << QStringLiteral("../../../../z") << origin << QStringLiteral("/z");
    QTest::newRow("trailing-slash") << QStringLiteral("sub/") << origin << QStringLiteral("/x/y/sub");
    QTest::newRow("dot") << QStringLiteral(".") << origin << QStringLiteral("/x/y");
    QTest::newRow("absolute-kept") << QStringLiteral("/abs//p/../q") << origin << QStringLiteral("/abs//p/../q");
    QTest::newRow("empty-kept") << QString() << origin << QString();
    QTest::newRow("tilde-not-expanded") << QStringLiteral("~/ca.crt") << origin << QStringLiteral("/x/y/~/ca.crt");
    QTest::newRow("origin-unclean") << QStringLiteral("ca") << QStringLiteral("/x//y/../z/config")
                                    << QStringLiteral("/x/z/ca");
    QTest::newRow("origin-in-root") << QStringLiteral("ca") << QStringLiteral("/config") << QStringLiteral("/ca");
    QTest::newRow("no-origin") << QStringLiteral("ca") << QString() << QStringLiteral("ca");
    QTest::newRow("odd-names") << QStringLiteral("certs/arn:aws:eks/ca .crt") << origin
                               << QStringLiteral("/x/y/certs/arn:aws:eks/ca .crt");
}

void TestKubeConfigLoader::resolveReference()
{
    QFETCH(QString, reference);
    QFETCH(QString, origin);
    QFETCH(QString, expected);
    QCOMPARE(KubeConfigLoader::resolveReference(reference, origin), expected);
}

void TestKubeConfigLoader::execCommandResolution_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected");
    QTest::newRow("on-path") << QStringLiteral("kubelogin") << QStringLiteral("kubelogin");
    QTest::newRow("dot-slash") << QStringLiteral("./bin/helper") << QStringLiteral("/k/bin/helper");
    QTest::newRow("relative-dir") << QStringLiteral("bin/helper") << QStringLiteral("/k/bin/helper");
    QTest::newRow("absolute") << QStringLiteral("/usr/bin//aws") << QStringLiteral("/usr/bin//aws");
}

void TestKubeConfigLoader::execCommandResolution()
{
    QFETCH(QString, command);
    QFETCH(QString, expected);
    const QByteArray yaml = "users:\n- name: u\n  user:\n    exec:\n      command: " + command.toUtf8() + "\n";
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("/k/config"));
    QVERIFY(result.ok());
    QCOMPARE(result->users.at(0).exec->command, expected);
}

void TestKubeConfigLoader::relativeOriginResolvesAgainstWorkingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString saved = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const QByteArray yaml = "clusters:\n- name: a\n  cluster:\n    certificate-authority: ../ca.crt\n";
    const Result<KubeConfig> result = KubeConfigLoader::parse(yaml, QStringLiteral("sub/dir/config"));
    const QString cwd = QDir::currentPath();
    QDir::setCurrent(saved);
    QVERIFY(result.ok());
    QCOMPARE(result->clusters.at(0).certificateAuthority, cwd + QStringLiteral("/sub/ca.crt"));
}

void TestKubeConfigLoader::mergeFirstWinsWholeEntry()
{
    const Result<KubeConfig> a = KubeConfigLoader::parse("clusters:\n"
                                                         "- name: shared\n"
                                                         "  cluster:\n"
                                                         "    server: https://a\n"
                                                         "users:\n"
                                                         "- name: u\n"
                                                         "  user:\n"
                                                         "    token: t\n"
                                                         "contexts:\n"
                                                         "- name: c\n"
                                                         "  context: {cluster: shared, user: u}\n",
                                                         QStringLiteral("/a/config"));
    const Result<KubeConfig> b = KubeConfigLoader::parse("current-context: c\n"
                                                         "clusters:\n"
                                                         "- name: only-b\n"
                                                         "  cluster: {server: https://only-b}\n"
                                                         "- name: shared\n"
                                                         "  cluster:\n"
                                                         "    server: https://b\n"
                                                         "    insecure-skip-tls-verify: true\n"
                                                         "    tls-server-name: b\n"
                                                         "users:\n"
                                                         "- name: u\n"
                                                         "  user: {username: bob, client-certificate: b.crt}\n"
                                                         "contexts:\n"
                                                         "- name: c\n"
                                                         "  context: {cluster: only-b, user: u, namespace: ns}\n",
                                                         QStringLiteral("/b/config"));
    const Result<KubeConfig> c = KubeConfigLoader::parse("current-context: other\n", QStringLiteral("/c/config"));
    QVERIFY(a.ok() && b.ok() && c.ok());

    const KubeConfig merged = KubeConfigLoader::merge({a.value(), b.value(), c.value()});
    QCOMPARE(merged.files,
             (QStringList{QStringLiteral("/a/config"), QStringLiteral("/b/config"), QStringLiteral("/c/config")}));
    QCOMPARE(merged.currentContext, QStringLiteral("c"));
    QCOMPARE(merged.clusters.size(), 2);
    QCOMPARE(merged.clusters.at(0).name, QStringLiteral("shared"));
    QCOMPARE(merged.clusters.at(1).name, QStringLiteral("only-b"));
    const KubeCluster *shared = merged.cluster(QStringLiteral("shared"));
    QCOMPARE(shared->server, QStringLiteral("https://a"));
    QCOMPARE(shared->insecureSkipTlsVerify, false); // no field merge: b's fields are dropped
    QVERIFY(shared->tlsServerName.isEmpty());
    QCOMPARE(shared->origin, QStringLiteral("/a/config"));
    const KubeUser *u = merged.user(QStringLiteral("u"));
    QCOMPARE(u->token, QStringLiteral("t"));
    QVERIFY(u->username.isEmpty());
    QVERIFY(u->clientCertificate.isEmpty());
    QCOMPARE(merged.contexts.size(), 1);
    QCOMPARE(merged.contexts.at(0).cluster, QStringLiteral("shared"));
    QVERIFY(merged.contexts.at(0).ns.isEmpty());

    // current-context comes from the first file that sets a non-empty one.
    const KubeConfig reversed = KubeConfigLoader::merge({a.value(), c.value(), b.value()});
    QCOMPARE(reversed.currentContext, QStringLiteral("other"));
    QCOMPARE(KubeConfigLoader::merge({}).contexts.size(), 0);
}

void TestKubeConfigLoader::authKind_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QString>("kind");
    QTest::newRow("none") << QByteArray("{}") << QStringLiteral("none");
    QTest::newRow("impersonation-only") << QByteArray("{as: admin}") << QStringLiteral("none");
    QTest::newRow("basic-username") << QByteArray("{username: u}") << QStringLiteral("basic");
    QTest::newRow("basic-password") << QByteArray("{password: p}") << QStringLiteral("basic");
    QTest::newRow("cert-path") << QByteArray("{client-certificate: c.crt, username: u}")
                               << QStringLiteral("clientCertificate");
    QTest::newRow("cert-data") << QByteArray("{client-certificate-data: aGk=, password: p}")
                               << QStringLiteral("clientCertificate");
    QTest::newRow("key-only") << QByteArray("{client-key: k.key}") << QStringLiteral("none");
    QTest::newRow("token-file") << QByteArray("{tokenFile: t, client-certificate: c}") << QStringLiteral("tokenFile");
    QTest::newRow("token") << QByteArray("{token: t, tokenFile: t}") << QStringLiteral("token");
    QTest::newRow("auth-provider") << QByteArray("{auth-provider: {name: oidc}, token: t}")
                                   << QStringLiteral("authProvider");
    QTest::newRow("exec") << QByteArray("{exec: {command: x}, auth-provider: {name: oidc}, token: t}")
                          << QStringLiteral("exec");
    QTest::newRow("exec-null") << QByteArray("{exec: ~, token: t}") << QStringLiteral("token");
    QTest::newRow("empty-token") << QByteArray("{token: ''}") << QStringLiteral("none");
}

void TestKubeConfigLoader::authKind()
{
    QFETCH(QByteArray, user);
    QFETCH(QString, kind);
    const Result<KubeConfig> result
        = KubeConfigLoader::parse("users:\n- name: u\n  user: " + user + "\n", QStringLiteral("/tmp/auth"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(authKindName(result->users.at(0).authKind()), kind);
}

void TestKubeConfigLoader::filesToLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = dir.filePath(QStringLiteral("a"));
    const QString b = dir.filePath(QStringLiteral("b"));
    const QString missing = dir.filePath(QStringLiteral("missing"));
    const QString home = dir.filePath(QStringLiteral("home"));
    QVERIFY(writeFile(a, "current-context: a\n"));
    QVERIFY(writeFile(b, "current-context: b\n"));
    QVERIFY(writeFile(home + QStringLiteral("/.kube/config"), "current-context: home\n"));

    KubeConfigLoader::Sources sources;
    sources.homeDir = home;
    QCOMPARE(KubeConfigLoader::filesToLoad(sources), QStringList{home + QStringLiteral("/.kube/config")});

    sources.kubeconfigEnv = QStringList{a, QString(), missing, b, a, QString()}.join(QLatin1Char(':'));
    QCOMPARE(KubeConfigLoader::filesToLoad(sources), (QStringList{a, b}));
    Result<KubeConfig> loaded = KubeConfigLoader::load(sources);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->currentContext, QStringLiteral("a"));
    QCOMPARE(loaded->files, (QStringList{a, b}));

    sources.kubeconfigEnv = QStringList{b, a}.join(QLatin1Char(':'));
    QCOMPARE(KubeConfigLoader::load(sources)->currentContext, QStringLiteral("b"));

    // A KUBECONFIG of only separators or missing files means no files, not the home file.
    sources.kubeconfigEnv = QStringLiteral(":");
    QCOMPARE(KubeConfigLoader::filesToLoad(sources), QStringList());
    sources.kubeconfigEnv = missing;
    QCOMPARE(KubeConfigLoader::filesToLoad(sources), QStringList());
    loaded = KubeConfigLoader::load(sources);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->currentContext.isEmpty());

    // The explicit path wins over KUBECONFIG.
    sources.kubeconfigEnv = a;
    sources.explicitPath = b;
    QCOMPARE(KubeConfigLoader::filesToLoad(sources), QStringList{b});
    QCOMPARE(KubeConfigLoader::load(sources)->currentContext, QStringLiteral("b"));

    qputenv("KUBECONFIG", a.toUtf8());
    const KubeConfigLoader::Sources env = KubeConfigLoader::sourcesFromEnvironment(b);
    qunsetenv("KUBECONFIG");
    QCOMPARE(env.kubeconfigEnv, a);
    QCOMPARE(env.explicitPath, b);
    QVERIFY(!env.homeDir.isEmpty());
}

void TestKubeConfigLoader::loadExplicitMissing()
{
    QTemporaryDir dir;
    KubeConfigLoader::Sources sources;
    sources.explicitPath = dir.filePath(QStringLiteral("nope"));
    sources.kubeconfigEnv = dir.filePath(QStringLiteral("also-nope"));
    const Result<KubeConfig> result = KubeConfigLoader::load(sources);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().file, sources.explicitPath);
    QCOMPARE(result.error().reason, QStringLiteral("NotFound"));
    QVERIFY(result.error().message.contains(QLatin1String("does not exist")));
}

void TestKubeConfigLoader::loadHomeFallback()
{
    QTemporaryDir dir;
    KubeConfigLoader::Sources sources;
    sources.homeDir = dir.path();
    Result<KubeConfig> result = KubeConfigLoader::load(sources);
    QVERIFY(result.ok()); // a missing ~/.kube/config is an empty config
    QVERIFY(result->files.isEmpty());
    QVERIFY(result->contexts.isEmpty());

    const QString config = dir.filePath(QStringLiteral(".kube/config"));
    QVERIFY(writeFile(config, "clusters:\n- name: k\n  cluster:\n    certificate-authority: ca.crt\n"));
    result = KubeConfigLoader::load(sources);
    QVERIFY(result.ok());
    QCOMPARE(result->files, QStringList{config});
    QCOMPARE(result->clusters.at(0).certificateAuthority, dir.filePath(QStringLiteral(".kube/ca.crt")));
}

void TestKubeConfigLoader::loadDirectoryAndBadFile()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good"));
    const QString bad = dir.filePath(QStringLiteral("bad"));
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QVERIFY(writeFile(good, "current-context: x\n"));
    QVERIFY(writeFile(bad, "users:\n- name: alice\n  user:\n    client-key-data: abc\n"));
    QVERIFY(writeFile(empty, ""));

    KubeConfigLoader::Sources sources;
    sources.kubeconfigEnv = QStringList{empty, good, dir.path()}.join(QLatin1Char(':'));
    Result<KubeConfig> result = KubeConfigLoader::load(sources);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().file, dir.path());
    QVERIFY(result.error().message.contains(QLatin1String("directory")));

    sources.kubeconfigEnv = QStringList{empty, good, bad}.join(QLatin1Char(':'));
    result = KubeConfigLoader::load(sources);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().toString(),
             bad + QStringLiteral(":4: users[alice].client-key-data: not valid base64 (illegal data at byte 0)"));

    sources.kubeconfigEnv = QStringList{empty, good}.join(QLatin1Char(':'));
    result = KubeConfigLoader::load(sources);
    QVERIFY(result.ok());
    QCOMPARE(result->files, (QStringList{empty, good}));
    QCOMPARE(result->currentContext, QStringLiteral("x"));
}

void TestKubeConfigLoader::loadUnreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("root can read files without read permission");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret"));
    QVERIFY(writeFile(path, "current-context: x\n"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    KubeConfigLoader::Sources sources;
    sources.explicitPath = path;
    const Result<KubeConfig> result = KubeConfigLoader::load(sources);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().file, path);
    QVERIFY(result.error().message.contains(QLatin1String("cannot be read")));
}

void TestKubeConfigLoader::selectContext()
{
    const Result<KubeConfig> config = KubeConfigLoader::parse("current-context: a\ncontexts:\n"
                                                              "- name: a\n  context: {cluster: c}\n"
                                                              "- name: 'b:c/d'\n  context: {cluster: d}\n",
                                                              QStringLiteral("/tmp/ctx"));
    QVERIFY(config.ok());
    QCOMPARE(KubeConfigLoader::selectContext(config.value())->cluster, QStringLiteral("c"));
    QCOMPARE(KubeConfigLoader::selectContext(config.value(), QStringLiteral("b:c/d"))->cluster, QStringLiteral("d"));
    const Result<KubeContext> missing = KubeConfigLoader::selectContext(config.value(), QStringLiteral("zz"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().message, QStringLiteral("context \"zz\" does not exist"));
    QCOMPARE(missing.error().reason, QStringLiteral("ContextNotFound"));
    KubeConfig none = config.value();
    none.currentContext.clear();
    QCOMPARE(KubeConfigLoader::selectContext(none).error().reason, QStringLiteral("NoContext"));
}

void TestKubeConfigLoader::contextListing()
{
    const QString path = dataFile(QStringLiteral("full.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Result<KubeConfig> config = KubeConfigLoader::parse(f.readAll(), path);
    QVERIFY(config.ok());

    const QJsonObject json = QJsonDocument::fromJson(ContextListing::toJsonText(config.value())).object();
    QCOMPARE(json.value(QLatin1String("currentContext")).toString(),
             QStringLiteral("arn:aws:eks:eu-west-1:123:cluster/prod"));
    const QJsonArray contexts = json.value(QLatin1String("contexts")).toArray();
    QCOMPARE(contexts.size(), 3);

    const QJsonObject first = contexts.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("arn:aws:eks:eu-west-1:123:cluster/prod"));
    QCOMPARE(first.value(QLatin1String("cluster")).toString(), QStringLiteral("prod"));
    QCOMPARE(first.value(QLatin1String("server")).toString(), QStringLiteral("https://prod.example.com:6443"));
    QCOMPARE(first.value(QLatin1String("user")).toString(), QStringLiteral("eks"));
    QCOMPARE(first.value(QLatin1String("namespace")).toString(), QStringLiteral("flink"));
    QCOMPARE(first.value(QLatin1String("auth")).toString(), QStringLiteral("exec"));
    QCOMPARE(first.value(QLatin1String("current")).toBool(), true);

    const QJsonObject second = contexts.at(1).toObject();
    QCOMPARE(second.value(QLatin1String("namespace")), QJsonValue(QString()));
    QCOMPARE(second.value(QLatin1String("auth")).toString(), QStringLiteral("authProvider"));
    QCOMPARE(second.value(QLatin1String("current")), QJsonValue(false));

    const QJsonObject dangling = contexts.at(2).toObject();
    QVERIFY(dangling.value(QLatin1String("server")).isNull());
    QCOMPARE(dangling.value(QLatin1String("auth")).toString(), QStringLiteral("none"));

    const QJsonObject empty = ContextListing::toJson(KubeConfig());
    QCOMPARE(empty.value(QLatin1String("currentContext")), QJsonValue(QString()));
    QCOMPARE(empty.value(QLatin1String("contexts")).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestKubeConfigLoader)
#include "tst_kubeconfigloader.moc"
