#include "kube/kubeconfig.h"

namespace capstan {

AuthKind KubeUser::authKind() const
{
    if (exec)
        return AuthKind::Exec;
    if (authProvider)
        return AuthKind::AuthProvider;
    if (!token.isEmpty())
        return AuthKind::Token;
    if (!tokenFile.isEmpty())
        return AuthKind::TokenFile;
    if (!clientCertificate.isEmpty() || !clientCertificateData.isEmpty())
        return AuthKind::ClientCertificate;
    if (!username.isEmpty() || !password.isEmpty())
        return AuthKind::Basic;
    return AuthKind::None;
}

const KubeCluster *KubeConfig::cluster(const QString &name) const
{
    for (const KubeCluster &c : clusters) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const KubeUser *KubeConfig::user(const QString &name) const
{
    for (const KubeUser &u : users) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

const KubeContext *KubeConfig::context(const QString &name) const
{
    for (const KubeContext &c : contexts) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

bool KubeConfig::hasCredentials(const QString &contextName) const
{
    const KubeContext *entry = context(contextName);
    const KubeUser *entryUser = entry ? user(entry->user) : nullptr;
    return entryUser && entryUser->authKind() != AuthKind::None;
}

KubeConfig KubeConfig::withContextToken(const QString &context, const QString &token) const
{
    KubeConfig config = *this;
    for (KubeContext &entry : config.contexts) {
        if (entry.name != context)
            continue;
        KubeUser tokenUser;
        if (const KubeUser *original = user(entry.user))
            tokenUser = *original;
        tokenUser.name = QStringLiteral("capstan-token/") + context;
        tokenUser.token = token;
        config.users.append(tokenUser);
        entry.user = tokenUser.name;
    }
    return config;
}

QString authKindName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::Token:
        return QStringLiteral("token");
    case AuthKind::TokenFile:
        return QStringLiteral("tokenFile");
    case AuthKind::ClientCertificate:
        return QStringLiteral("clientCertificate");
    case AuthKind::Basic:
        return QStringLiteral("basic");
    case AuthKind::Exec:
        return QStringLiteral("exec");
    case AuthKind::AuthProvider:
        return QStringLiteral("authProvider");
    case AuthKind::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace capstan
