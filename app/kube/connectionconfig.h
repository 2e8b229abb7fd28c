#pragma once

#include "kube/kubeconfig.h"
#include "result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace capstan {

// Everything needed to talk to one context's API server, with file references already read.
// A value type: built on the backend thread (it reads files) and copied freely.
struct ConnectionConfig
{
    QString contextName;
    QString ns; // the context's namespace; empty when unset
    KubeCluster cluster;
    KubeUser user;

    QUrl server;
    QList<QSslCertificate> caCertificates; // empty: system roots
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    QUrl proxy;

    bool insecure() const { return cluster.insecureSkipTlsVerify; }

    // Resolves a context of the merged kubeconfig. Reads the CA, client certificate and key files.
    // Errors name the file and field (e.g. "users[alice].client-key") and say what to do.
    static Result<ConnectionConfig> resolve(const KubeConfig &config, const QString &contextName);
};

// Parses a PEM private key of any type Qt supports (EC, RSA, DSA).
QSslKey parsePrivateKey(const QByteArray &pem);

} // namespace capstan
