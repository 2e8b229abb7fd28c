#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace capstan {

// The merged kubeconfig, as kubectl sees it after loading every file. Plain values: cheap to copy
// and safe to pass between threads. File references are already absolute (resolved against the
// directory of the file that defined them, as kubectl does).

struct KubeCluster
{
    QString name;
    QString server;
    QString certificateAuthority; // absolute path, or empty
    QByteArray certificateAuthorityData; // decoded PEM bytes, or empty
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    QString origin; // the file that defined this entry
    int line = 0; // 1-based line of the entry in origin
};

struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or v1beta1
    QString command; // absolute when it contained a '/', else looked up on PATH
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never, IfAvailable, Always (empty = unset)
};

struct AuthProviderConfig
{
    QString name; // e.g. "oidc"
    QMap<QString, QString> config; // id-token, refresh-token, client-id, idp-issuer-url, …
};

enum class AuthKind { None, Token, TokenFile, ClientCertificate, Basic, Exec, AuthProvider };

struct KubeUser
{
    QString name;
    QString token;
    QString tokenFile; // absolute path
    QString clientCertificate; // absolute path
    QByteArray clientCertificateData; // decoded PEM
    QString clientKey; // absolute path
    QByteArray clientKeyData; // decoded PEM
    QString username;
    QString password;
    QString impersonate; // "as"
    QStringList impersonateGroups; // "as-groups"
    QString impersonateUid; // "as-uid"
    std::optional<ExecConfig> exec;
    std::optional<AuthProviderConfig> authProvider;
    QString origin;
    int line = 0;

    // Which credential kubectl would present, in kubectl's order of precedence:
    // exec, auth-provider, token, tokenFile, client certificate, basic, none.
    AuthKind authKind() const;
};

struct KubeContext
{
    QString name; // opaque: may contain ':' and '/'
    QString cluster;
    QString user;
    QString ns; // "namespace"; empty when unset
    QString origin;
    int line = 0;
};

struct KubeConfig
{
    QList<KubeCluster> clusters; // in order of first definition across files
    QList<KubeUser> users;
    QList<KubeContext> contexts;
    QString currentContext; // from the first file that sets it; may name no context
    QStringList files; // files actually read, in merge order

    const KubeCluster *cluster(const QString &name) const;
    const KubeUser *user(const QString &name) const;
    const KubeContext *context(const QString &name) const;
    // This configuration, but `context` signs in with a bearer token the user gave Capstan: it gets a
    // user of its own ("capstan-token/<context>") carrying the token, so other contexts sharing its
    // kubeconfig user keep theirs. In memory only, never written.
    KubeConfig withContextToken(const QString &context, const QString &token) const;
    // The context's user carries credentials of some kind (AuthKind other than None).
    bool hasCredentials(const QString &context) const;
};

QString
authKindName(AuthKind kind); // "token", "tokenFile", "clientCertificate", "basic", "exec", "authProvider", "none"

} // namespace capstan
