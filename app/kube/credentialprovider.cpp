#include "kube/credentialprovider.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace capstan {

namespace {
constexpr int kExecTimeoutMs = 60000;
// A credential about to expire is renewed early so a request does not race the expiry.
constexpr int kExpirySlackSeconds = 10;
} // namespace

CredentialProvider::CredentialProvider(const ConnectionConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
}

CredentialProvider::~CredentialProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

Result<Credential> CredentialProvider::tokenFromFile()
{
    const QString path = m_config.user.tokenFile;
    const QFileInfo info(path);
    if (!info.exists())
        return Error::inFile(m_config.user.origin, m_config.user.line,
                             QStringLiteral("users[%1].tokenFile").arg(m_config.user.name),
                             QStringLiteral("the token file %1 does not exist").arg(path));
    // Re-read only when the file changed: projected service-account tokens rotate in place.
    if (m_tokenFromFile.isEmpty() || info.lastModified() != m_tokenFileModified) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::inFile(m_config.user.origin, m_config.user.line,
                                 QStringLiteral("users[%1].tokenFile").arg(m_config.user.name),
                                 QStringLiteral("the token file %1 cannot be read: %2").arg(path, file.errorString()));
        m_tokenFromFile = file.readAll().trimmed();
        m_tokenFileModified = info.lastModified();
    }
    Credential c;
    c.authorization = "Bearer " + m_tokenFromFile;
    return c;
}

void CredentialProvider::obtain(QObject *context, Callback done)
{
    const KubeUser &user = m_config.user;
    Credential c;
    switch (user.authKind()) {
    case AuthKind::None:
    case AuthKind::ClientCertificate: // presented by the TLS layer from ConnectionConfig
        done(c);
        return;
    case AuthKind::Token:
        c.authorization = "Bearer " + user.token.toUtf8();
        done(c);
        return;
    case AuthKind::TokenFile:
        done(tokenFromFile());
        return;
    case AuthKind::Basic:
        c.authorization = "Basic " + (user.username + QLatin1Char(':') + user.password).toUtf8().toBase64();
        done(c);
        return;
    case AuthKind::AuthProvider: {
        const QString idToken = user.authProvider->config.value(QStringLiteral("id-token"));
        if (idToken.isEmpty()) {
            done(Error::inFile(user.origin, user.line, QStringLiteral("users[%1].auth-provider").arg(user.name),
                               QStringLiteral("the %1 auth provider has no id-token; log in with your provider's "
                                              "tool (e.g. kubectl oidc-login) first")
                                   .arg(user.authProvider->name)));
            return;
        }
        c.authorization = "Bearer " + idToken.toUtf8();
        done(c);
        return;
    }
    case AuthKind::Exec:
        break;
    }

    // Renewed early, but never by more than half of what the plugin handed out: a plugin that
    // returns a token with little validity left (its own cache) must not run for every request.
    const qint64 slackMs = m_haveCached && m_cached.expiresAt.isValid()
        ? std::min<qint64>(kExpirySlackSeconds * 1000LL, m_cachedAt.msecsTo(m_cached.expiresAt) / 2)
        : 0;
    if (m_haveCached
        && (!m_cached.expiresAt.isValid() || QDateTime::currentDateTimeUtc().addMSecs(slackMs) < m_cached.expiresAt)) {
        done(m_cached);
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (!m_process && m_waiting.size() == 1)
        runExec();
}

bool CredentialProvider::invalidate()
{
    switch (m_config.user.authKind()) {
    case AuthKind::Exec:
        m_haveCached = false;
        return true;
    case AuthKind::TokenFile:
        m_tokenFromFile.clear();
        return true;
    default:
        return false;
    }
}

QByteArray CredentialProvider::execInfo() const
{
    const ExecConfig &exec = *m_config.user.exec;
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        QJsonObject cluster{{QStringLiteral("server"), m_config.cluster.server}};
        if (!m_config.cluster.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), m_config.cluster.tlsServerName);
        if (m_config.cluster.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        QByteArray caPem;
        for (const QSslCertificate &cert : m_config.caCertificates)
            caPem += cert.toPem();
        if (!caPem.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"), QString::fromLatin1(caPem.toBase64()));
        if (!m_config.cluster.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), m_config.cluster.proxyUrl);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("apiVersion"), exec.apiVersion},
                           {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

Error CredentialProvider::execError(const QString &what) const
{
    const ExecConfig &exec = *m_config.user.exec;
    Error e = Error::inFile(m_config.user.origin, m_config.user.line,
                            QStringLiteral("users[%1].exec").arg(m_config.user.name), what);
    e.reason = QStringLiteral("ExecPluginFailed");
    if (!exec.installHint.isEmpty())
        e.message += QLatin1Char('\n') + exec.installHint.trimmed();
    return e;
}

QStringList CredentialProvider::hostLauncher()
{
    // CAPSTAN_HOST_LAUNCHER stands in for flatpak-spawn where no Flatpak sandbox exists (tests).
    const QString overridden = qEnvironmentVariable("CAPSTAN_HOST_LAUNCHER");
    if (!overridden.isEmpty())
        return overridden.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (QFileInfo::exists(QStringLiteral("/.flatpak-info")))
        return {QStringLiteral("flatpak-spawn"), QStringLiteral("--host")};
    return {};
}

void CredentialProvider::runExec()
{
    const ExecConfig &exec = *m_config.user.exec;
    if (exec.interactiveMode == QLatin1String("Always")) {
        finishExec(execError(QStringLiteral("the exec plugin \"%1\" requires an interactive terminal "
                                            "(interactiveMode: Always), which Capstan cannot provide; "
                                            "run kubectl once in a terminal to log in, or change interactiveMode")
                                 .arg(exec.command)));
        return;
    }
    QString program = exec.command;
    if (!hostLauncher().isEmpty()) {
        // Inside a Flatpak the plugins (aws, gke-gcloud-auth-plugin, kubelogin) live on the host,
        // where the host finds them on its own PATH.
        startPlugin(program);
        return;
    }
    if (!QDir::isAbsolutePath(program)) {
        QString found = QStandardPaths::findExecutable(program);
        if (found.isEmpty() && !m_loginShellTried) {
            // Desktop launchers give programs a minimal PATH; ask the login shell for the user's one.
            m_loginShellTried = true;
            auto *shell = new QProcess(this);
            m_process = shell;
            const QString shellPath = qEnvironmentVariable("SHELL", QStringLiteral("/bin/sh"));
            connect(shell, &QProcess::finished, this, [this, shell](int code, QProcess::ExitStatus) {
                if (code == 0)
                    m_loginShellPath = QString::fromLocal8Bit(shell->readAllStandardOutput()).trimmed();
                shell->deleteLater();
                m_process = nullptr;
                runExec();
            });
            connect(shell, &QProcess::errorOccurred, this, [this, shell](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                shell->deleteLater();
                m_process = nullptr;
                runExec();
            });
            shell->setStandardInputFile(QProcess::nullDevice());
            shell->start(shellPath,
                         {QStringLiteral("-l"), QStringLiteral("-c"), QStringLiteral("printf %s \"$PATH\"")});
            return;
        }
        if (found.isEmpty() && !m_loginShellPath.isEmpty())
            found = QStandardPaths::findExecutable(program, m_loginShellPath.split(QLatin1Char(':')));
        if (found.isEmpty()) {
            finishExec(execError(
                QStringLiteral("the exec plugin \"%1\" was not found on PATH (nor on your login shell's PATH)")
                    .arg(program)));
            return;
        }
        program = found;
    }
    startPlugin(program);
}

void CredentialProvider::startPlugin(const QString &program)
{
    const ExecConfig &exec = *m_config.user.exec;
    auto *process = new QProcess(this);
    m_process = process;
    ++m_execRuns;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_loginShellPath.isEmpty())
        env.insert(QStringLiteral("PATH"), m_loginShellPath);
    for (const auto &[name, value] : exec.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));
    process->setProcessEnvironment(env);
    process->setStandardInputFile(QProcess::nullDevice()); // non-interactive: never wait for input

    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, process, [this, process, program] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        m_process = nullptr;
        finishExec(execError(
            QStringLiteral("the exec plugin %1 did not answer within %2 s").arg(program).arg(kExecTimeoutMs / 1000)));
    });
    connect(process, &QProcess::finished, this, [this, process, program](int code, QProcess::ExitStatus status) {
        const QByteArray out = process->readAllStandardOutput();
        const QString err = QString::fromLocal8Bit(process->readAllStandardError()).trimmed().left(2000);
        process->deleteLater();
        m_process = nullptr;
        if (status != QProcess::NormalExit || code != 0) {
            QString what = QStringLiteral("the exec plugin %1 failed with exit code %2").arg(program).arg(code);
            if (!err.isEmpty())
                what += QStringLiteral(": ") + err;
            finishExec(execError(what));
            return;
        }
        finishExec(parseExecOutput(out));
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, program](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        m_process = nullptr;
        finishExec(execError(
            QStringLiteral("the exec plugin %1 could not be started: %2").arg(program, process->errorString())));
    });
    qCDebug(lcAuth) << "running exec credential plugin" << program;
    const QStringList launcher = hostLauncher();
    if (launcher.isEmpty()) {
        process->start(program, exec.args);
    } else {
        // flatpak-spawn does not pass the sandbox's environment on: name each variable the plugin needs.
        QStringList arguments = launcher.mid(1);
        for (const auto &[name, value] : exec.env)
            arguments << QStringLiteral("--env=%1=%2").arg(name, value);
        arguments << QStringLiteral("--env=KUBERNETES_EXEC_INFO=") + QString::fromUtf8(execInfo());
        arguments << program << exec.args;
        process->start(launcher.first(), arguments);
    }
    timeout->start(kExecTimeoutMs);
}

Result<Credential> CredentialProvider::parseExecOutput(const QByteArray &stdoutData) const
{
    const ExecConfig &exec = *m_config.user.exec;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(stdoutData, &parseError);
    if (!doc.isObject())
        return execError(QStringLiteral("the exec plugin %1 printed no ExecCredential JSON (%2)")
                             .arg(exec.command, parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential"))
        return execError(QStringLiteral("the exec plugin %1 printed an object of kind \"%2\", not ExecCredential")
                             .arg(exec.command, root.value(QLatin1String("kind")).toString()));
    const QString apiVersion = root.value(QLatin1String("apiVersion")).toString();
    if (!exec.apiVersion.isEmpty() && apiVersion != exec.apiVersion)
        return execError(QStringLiteral("the exec plugin %1 answered with apiVersion %2 but the kubeconfig asks for %3")
                             .arg(exec.command, apiVersion, exec.apiVersion));
    const QJsonObject status = root.value(QLatin1String("status")).toObject();
    Credential c;
    const QString token = status.value(QLatin1String("token")).toString();
    if (!token.isEmpty())
        c.authorization = "Bearer " + token.toUtf8();
    const QByteArray certPem = status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    const QByteArray keyPem = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    if (!certPem.isEmpty()) {
        const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
        c.key = parsePrivateKey(keyPem);
        if (certs.isEmpty() || c.key.isNull())
            return execError(QStringLiteral("the exec plugin %1 returned an unreadable client certificate or key")
                                 .arg(exec.command));
        c.certificate = certs.first();
    }
    if (c.authorization.isEmpty() && c.certificate.isNull())
        return execError(
            QStringLiteral("the exec plugin %1 returned neither a token nor a client certificate").arg(exec.command));
    const QString expiry = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        c.expiresAt = QDateTime::fromString(expiry, Qt::ISODate);
        if (!c.expiresAt.isValid())
            return execError(QStringLiteral("the exec plugin %1 returned an unreadable expirationTimestamp \"%2\"")
                                 .arg(exec.command, expiry));
    }
    return c;
}

void CredentialProvider::finishExec(const Result<Credential> &result)
{
    if (result) {
        m_cached = result.value();
        m_cachedAt = QDateTime::currentDateTimeUtc();
        m_haveCached = true;
    } else {
        qCWarning(lcAuth).noquote() << "exec credential plugin failed:" << result.error().message;
    }
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, callback] : waiting) {
        if (context)
            callback(result);
    }
}

} // namespace capstan
