// Compares KubeConfigLoader with the installed kubectl (`kubectl config view --merge --raw -o json`)
// over every case in tests/data/kubeconfig/oracle/<case>/. A case holds kubeconfig files and a
// KUBECONFIG file listing the entries of $KUBECONFIG in order, relative to the case directory
// ('#' lines are comments, "<empty>" is an empty entry). Both kubectl and the loader run with the
// case directory as working directory, so relative KUBECONFIG entries are exercised too.
//
// kubectl prints file references as written; the expected absolute path is computed from the
// directory of the file that defined the entry, which is found by asking kubectl about each file
// alone. Where every referenced file exists, `--flatten` (kubectl reading them) checks that our
// resolved paths name the same files.

#include "kube/contextlisting.h"
#include "kube/kubeconfigloader.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

namespace {

QString oracleDir()
{
    return QStringLiteral(CAPSTAN_TEST_DATA_DIR "/kubeconfig/oracle");
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray bytes(const QJsonObject &o, const char *key)
{
    return QByteArray::fromBase64(o.value(QLatin1String(key)).toString().toLatin1());
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

// name -> body ("cluster", "user" or "context") of one list in kubectl's output.
QMap<QString, QJsonObject> named(const QJsonObject &config, const char *list, const char *body)
{
    QMap<QString, QJsonObject> out;
    const QJsonArray array = config.value(QLatin1String(list)).toArray();
    for (const QJsonValue &v : array)
        out.insert(str(v.toObject(), "name"), v.toObject().value(QLatin1String(body)).toObject());
    return out;
}

// The precedence KubeUser::authKind() documents, computed from kubectl's view of a user.
QString authKindOf(const QJsonObject &user)
{
    if (user.contains(QLatin1String("exec")))
        return QStringLiteral("exec");
    if (user.contains(QLatin1String("auth-provider")))
        return QStringLiteral("authProvider");
    if (!str(user, "token").isEmpty())
        return QStringLiteral("token");
    if (!str(user, "tokenFile").isEmpty())
        return QStringLiteral("tokenFile");
    if (!str(user, "client-certificate").isEmpty() || !str(user, "client-certificate-data").isEmpty())
        return QStringLiteral("clientCertificate");
    if (!str(user, "username").isEmpty() || !str(user, "password").isEmpty())
        return QStringLiteral("basic");
    return QStringLiteral("none");
}

QJsonArray sortedByName(QJsonArray array)
{
    QList<QJsonValue> list(array.begin(), array.end());
    std::sort(list.begin(), list.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return str(a.toObject(), "name") < str(b.toObject(), "name");
    });
    QJsonArray out;
    for (const QJsonValue &v : list)
        out.append(v);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct KubectlRun
{
    bool ok = false;
    QJsonObject config;
    QString stderrText;
};

} // namespace

class TestKubectlOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void caseCount();
    void compare_data();
    void compare();

private:
    KubectlRun kubectl(const QString &dir, const QString &kubeconfig, bool flatten = false);

    QString m_kubectl;
    QTemporaryDir m_home;
};

void TestKubectlOracle::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QVERIFY(m_home.isValid());
    QProcess version;
    version.start(m_kubectl, {QStringLiteral("version"), QStringLiteral("--client")});
    QVERIFY(version.waitForFinished(30000));
    qInfo().noquote() << "oracle:" << m_kubectl << QString::fromUtf8(version.readAllStandardOutput()).simplified();
}

void TestKubectlOracle::caseCount()
{
    const QStringList cases = QDir(oracleDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY2(cases.size() >= 25, qPrintable(QString::number(cases.size())));
}

KubectlRun TestKubectlOracle::kubectl(const QString &dir, const QString &kubeconfig, bool flatten)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.remove(QStringLiteral("PWD"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(dir);
    QStringList args{QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--merge"),
                     QStringLiteral("--raw"),  QStringLiteral("-o"),   QStringLiteral("json")};
    if (flatten)
        args << QStringLiteral("--flatten");
    process.start(m_kubectl, args);
    KubectlRun run;
    if (!process.waitForFinished(60000)) {
        run.stderrText = QStringLiteral("kubectl did not finish");
        return run;
    }
    run.stderrText = QString::fromUtf8(process.readAllStandardError()).trimmed();
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (run.ok)
        run.config = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return run;
}

void TestKubectlOracle::compare_data()
{
    QTest::addColumn<QString>("dir");
    const QStringList cases = QDir(oracleDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : cases)
        QTest::newRow(qPrintable(name)) << QDir(oracleDir()).filePath(name);
}

void TestKubectlOracle::compare()
{
    QFETCH(QString, dir);

    QStringList entries;
    const QStringList lines = QString::fromUtf8(readAll(dir + QStringLiteral("/KUBECONFIG"))).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        entries.append(line == QLatin1String("<empty>") ? QString() : line);
    }
    QVERIFY(!entries.isEmpty());
    const QString kubeconfig = entries.join(QLatin1Char(':'));

    // Our loader, in the case directory like kubectl.
    const QString saved = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir));
    const QString cwd = QDir::currentPath();
    KubeConfigLoader::Sources sources;
    sources.kubeconfigEnv = kubeconfig;
    sources.homeDir = m_home.path();
    const Result<KubeConfig> loaded = KubeConfigLoader::load(sources);
    QDir::setCurrent(saved);

    const KubectlRun merged = kubectl(dir, kubeconfig);
    if (!merged.ok) {
        QVERIFY2(!loaded.ok(),
                 qPrintable(QStringLiteral("kubectl failed (%1) but the loader succeeded").arg(merged.stderrText)));
        QVERIFY2(!loaded.error().file.isEmpty(), qPrintable(loaded.error().toString()));
        qInfo().noquote() << "both fail; kubectl:" << merged.stderrText << "| capstan:" << loaded.error().toString();
        return;
    }
    QVERIFY2(loaded.ok(),
             qPrintable(QStringLiteral("kubectl succeeded but the loader failed: ")
                        + (loaded.ok() ? QString() : loaded.error().toString())));
    const KubeConfig &config = loaded.value();
    const QJsonObject &view = merged.config;

    // Each existing entry alone, to learn which file defined which entry (first one wins).
    QStringList files;
    QMap<QString, KubectlRun> single;
    for (const QString &entry : entries) {
        if (entry.isEmpty() || files.contains(entry) || !QFileInfo::exists(dir + QLatin1Char('/') + entry))
            continue;
        files.append(entry);
        single.insert(entry, kubectl(dir, entry));
        QVERIFY2(single.value(entry).ok, qPrintable(single.value(entry).stderrText));
    }
    const auto originOf = [&](const char *list, const char *body, const QString &name) {
        for (const QString &file : std::as_const(files)) {
            const QMap<QString, QJsonObject> entriesOfFile = named(single.value(file).config, list, body);
            if (entriesOfFile.contains(name)) {
                // kubectl keeps the first file's entry whole: no field-by-field merge.
                if (entriesOfFile.value(name) != named(view, list, body).value(name))
                    qWarning() << "merged" << list << name << "differs from its first definition in" << file;
                return file;
            }
        }
        return QString();
    };
    const auto expectedPath = [&](const QString &raw, const QString &origin) {
        if (raw.isEmpty() || raw.startsWith(QLatin1Char('/')))
            return raw;
        const QString base = QFileInfo(cwd + QLatin1Char('/') + origin).absolutePath();
        return QDir::cleanPath(base + QLatin1Char('/') + raw);
    };

    QCOMPARE(config.currentContext, str(view, "current-context"));

    // Clusters.
    const QMap<QString, QJsonObject> clusters = named(view, "clusters", "cluster");
    QCOMPARE(config.clusters.size(), clusters.size());
    for (auto it = clusters.cbegin(); it != clusters.cend(); ++it) {
        const KubeCluster *ours = config.cluster(it.key());
        QVERIFY2(ours, qPrintable(it.key()));
        const QJsonObject &theirs = it.value();
        const QString origin = originOf("clusters", "cluster", it.key());
        QCOMPARE(ours->origin, origin); // as spelled in KUBECONFIG, like client-go's LocationOfOrigin
        QVERIFY2(theirs == named(single.value(origin).config, "clusters", "cluster").value(it.key()),
                 "kubectl merged cluster fields from several files");
        QCOMPARE(ours->server, str(theirs, "server"));
        QCOMPARE(ours->certificateAuthority, expectedPath(str(theirs, "certificate-authority"), origin));
        QCOMPARE(ours->certificateAuthorityData, bytes(theirs, "certificate-authority-data"));
        QCOMPARE(ours->insecureSkipTlsVerify, theirs.value(QLatin1String("insecure-skip-tls-verify")).toBool());
        QCOMPARE(ours->tlsServerName, str(theirs, "tls-server-name"));
        QCOMPARE(ours->proxyUrl, str(theirs, "proxy-url"));
    }

    // Users.
    const QMap<QString, QJsonObject> users = named(view, "users", "user");
    QCOMPARE(config.users.size(), users.size());
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        const KubeUser *ours = config.user(it.key());
        QVERIFY2(ours, qPrintable(it.key()));
        const QJsonObject &theirs = it.value();
        const QString origin = originOf("users", "user", it.key());
        QVERIFY2(theirs == named(single.value(origin).config, "users", "user").value(it.key()),
                 "kubectl merged user fields from several files");
        QCOMPARE(ours->token, str(theirs, "token"));
        QCOMPARE(ours->tokenFile, expectedPath(str(theirs, "tokenFile"), origin));
        QCOMPARE(ours->clientCertificate, expectedPath(str(theirs, "client-certificate"), origin));
        QCOMPARE(ours->clientKey, expectedPath(str(theirs, "client-key"), origin));
        QCOMPARE(ours->clientCertificateData, bytes(theirs, "client-certificate-data"));
        QCOMPARE(ours->clientKeyData, bytes(theirs, "client-key-data"));
        QCOMPARE(ours->username, str(theirs, "username"));
        QCOMPARE(ours->password, str(theirs, "password"));
        QCOMPARE(ours->impersonate, str(theirs, "as"));
        QCOMPARE(ours->impersonateGroups, strings(theirs.value(QLatin1String("as-groups"))));
        QCOMPARE(ours->impersonateUid, str(theirs, "as-uid"));

        QCOMPARE(ours->exec.has_value(), theirs.contains(QLatin1String("exec")));
        if (ours->exec) {
            const QJsonObject exec = theirs.value(QLatin1String("exec")).toObject();
            const QString command = str(exec, "command");
            QCOMPARE(ours->exec->command, command.contains(QLatin1Char('/')) ? expectedPath(command, origin) : command);
            QCOMPARE(ours->exec->apiVersion, str(exec, "apiVersion"));
            QCOMPARE(ours->exec->args, strings(exec.value(QLatin1String("args"))));
            QList<QPair<QString, QString>> env;
            const QJsonArray theirEnv = exec.value(QLatin1String("env")).toArray();
            for (const QJsonValue &v : theirEnv)
                env.append({str(v.toObject(), "name"), str(v.toObject(), "value")});
            QCOMPARE(ours->exec->env, env);
            QCOMPARE(ours->exec->installHint, str(exec, "installHint"));
            QCOMPARE(ours->exec->provideClusterInfo, exec.value(QLatin1String("provideClusterInfo")).toBool());
            // kubectl >= 1.22 defaults interactiveMode to IfAvailable for v1beta1; we keep what the file says.
            if (!ours->exec->interactiveMode.isEmpty())
                QCOMPARE(ours->exec->interactiveMode, str(exec, "interactiveMode"));
            else
                QVERIFY(str(exec, "interactiveMode").isEmpty()
                        || str(exec, "interactiveMode") == QLatin1String("IfAvailable"));
        }
        QCOMPARE(ours->authProvider.has_value(), theirs.contains(QLatin1String("auth-provider")));
        if (ours->authProvider) {
            const QJsonObject provider = theirs.value(QLatin1String("auth-provider")).toObject();
            QCOMPARE(ours->authProvider->name, str(provider, "name"));
            QMap<QString, QString> providerConfig;
            const QJsonObject theirConfig = provider.value(QLatin1String("config")).toObject();
            for (auto c = theirConfig.begin(); c != theirConfig.end(); ++c)
                providerConfig.insert(c.key(), c.value().toString());
            QCOMPARE(ours->authProvider->config, providerConfig);
        }
        QCOMPARE(authKindName(ours->authKind()), authKindOf(theirs));
    }

    // Contexts.
    const QMap<QString, QJsonObject> contexts = named(view, "contexts", "context");
    QCOMPARE(config.contexts.size(), contexts.size());
    for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
        const KubeContext *ours = config.context(it.key());
        QVERIFY2(ours, qPrintable(it.key()));
        const QString origin = originOf("contexts", "context", it.key());
        QVERIFY2(it.value() == named(single.value(origin).config, "contexts", "context").value(it.key()),
                 "kubectl merged context fields from several files");
        QCOMPARE(ours->cluster, str(it.value(), "cluster"));
        QCOMPARE(ours->user, str(it.value(), "user"));
        QCOMPARE(ours->ns, str(it.value(), "namespace"));
    }

    // `capstan --list-contexts`, derived independently from kubectl's view.
    QJsonArray expectedContexts;
    for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
        const QString cluster = str(it.value(), "cluster");
        const QString user = str(it.value(), "user");
        QJsonObject entry;
        entry.insert(QLatin1String("name"), it.key());
        entry.insert(QLatin1String("cluster"), cluster);
        entry.insert(QLatin1String("server"),
                     clusters.contains(cluster) ? QJsonValue(str(clusters.value(cluster), "server"))
                                                : QJsonValue(QJsonValue::Null));
        entry.insert(QLatin1String("user"), user);
        entry.insert(QLatin1String("namespace"), str(it.value(), "namespace"));
        entry.insert(QLatin1String("auth"),
                     users.contains(user) ? authKindOf(users.value(user)) : QStringLiteral("none"));
        entry.insert(QLatin1String("current"), it.key() == str(view, "current-context"));
        expectedContexts.append(entry);
    }
    const QJsonObject listing = QJsonDocument::fromJson(ContextListing::toJsonText(config)).object();
    QCOMPARE(listing.value(QLatin1String("currentContext")).toString(), str(view, "current-context"));
    QCOMPARE(sortedByName(listing.value(QLatin1String("contexts")).toArray()), sortedByName(expectedContexts));

    // kubectl reads the referenced files itself with --flatten: they must be the files we resolved.
    QStringList referenced;
    for (const KubeCluster &c : config.clusters)
        referenced << c.certificateAuthority;
    for (const KubeUser &u : config.users)
        referenced << u.clientCertificate << u.clientKey;
    referenced.removeAll(QString());
    const bool allExist = std::all_of(referenced.cbegin(), referenced.cend(),
                                      [](const QString &path) { return QFileInfo(path).isFile(); });
    const KubectlRun flat = kubectl(dir, kubeconfig, true);
    QCOMPARE(flat.ok, allExist);
    if (flat.ok) {
        const QMap<QString, QJsonObject> flatClusters = named(flat.config, "clusters", "cluster");
        for (const KubeCluster &c : config.clusters) {
            if (!c.certificateAuthority.isEmpty())
                QCOMPARE(readAll(c.certificateAuthority),
                         bytes(flatClusters.value(c.name), "certificate-authority-data"));
        }
        const QMap<QString, QJsonObject> flatUsers = named(flat.config, "users", "user");
        for (const KubeUser &u : config.users) {
            if (!u.clientCertificate.isEmpty())
                QCOMPARE(readAll(u.clientCertificate), bytes(flatUsers.value(u.name), "client-certificate-data"));
            if (!u.clientKey.isEmpty())
                QCOMPARE(readAll(u.clientKey), bytes(flatUsers.value(u.name), "client-key-data"));
        }
    }
}

QTEST_GUILESS_MAIN(TestKubectlOracle)
#include "tst_kubectloracle.moc"
