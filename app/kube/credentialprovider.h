#pragma once

#include "kube/connectionconfig.h"
#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcess>

#include <functional>

namespace capstan {

// What a request presents: an Authorization header value and/or a TLS client identity.
struct Credential
{
    QByteArray authorization; // "Bearer …" / "Basic …"; empty for none
    QSslCertificate certificate; // from an exec plugin that returns client certificates
    QSslKey key;
    QDateTime expiresAt; // invalid: does not expire
};

// Produces credentials for one context: static tokens, token files (re-read when they change),
// basic auth, OIDC id-tokens and exec plugins (client.authentication.k8s.io v1/v1beta1).
//
// Exec plugins run non-interactively as child processes of this object's thread (never the GUI
// thread); their credential is cached until expirationTimestamp; concurrent requests share one run.
// When the plugin cannot be found on PATH, the login shell's PATH is tried (desktop launchers start
// programs with a minimal PATH). Failures carry the installHint, the exit code and stderr.
class CredentialProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialProvider)

public:
    explicit CredentialProvider(const ConnectionConfig &config, QObject *parent = nullptr);
    ~CredentialProvider() override;

    using Callback = std::function<void(const Result<Credential> &)>;

    // Calls `done` with the credential, possibly synchronously. `context` guards the callback.
    void obtain(QObject *context, Callback done);

    // After a 401: drop the cached exec credential (and re-read a token file next time). Returns
    // true when asking again may give a different credential, so the request is worth one retry.
    bool invalidate();

    int execRuns() const { return m_execRuns; }

private:
    void runExec();
    void startPlugin(const QString &program);
    void finishExec(const Result<Credential> &result);
    // The command that runs a plugin on the host when Capstan itself runs in a Flatpak sandbox
    // ("flatpak-spawn --host"); empty outside one.
    static QStringList hostLauncher();
    Result<Credential> parseExecOutput(const QByteArray &stdoutData) const;
    QByteArray execInfo() const;
    Error execError(const QString &what) const;
    Result<Credential> tokenFromFile();

    ConnectionConfig m_config;
    Credential m_cached;
    bool m_haveCached = false;
    QDateTime m_cachedAt;
    QPointer<QProcess> m_process;
    QList<QPair<QPointer<QObject>, Callback>> m_waiting;
    QString m_loginShellPath;
    bool m_loginShellTried = false;
    int m_execRuns = 0;
    QDateTime m_tokenFileModified;
    QByteArray m_tokenFromFile;
};

} // namespace capstan
