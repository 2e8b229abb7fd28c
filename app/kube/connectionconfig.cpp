#include "kube/connectionconfig.h"

#include <QFile>

namespace capstan {

namespace {

Result<QByteArray> readReferencedFile(const QString &path, const QString &origin, int line, const QString &field)
{
    QFile file(path);
    if (!file.exists())
        return Error::inFile(origin, line, field,
                             QStringLiteral("the file %1 does not exist; fix the path or remove the field").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::inFile(origin, line, field,
                             QStringLiteral("the file %1 cannot be read: %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

QSslKey parsePrivateKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

Result<ConnectionConfig> ConnectionConfig::resolve(const KubeConfig &config, const QString &contextName)
{
    const KubeContext *context = config.context(contextName);
    if (!context) {
        Error e = Error::make(QStringLiteral("UnknownContext"),
                              QStringLiteral("There is no context named \"%1\" in %2. "
                                             "Run `capstan --list-contexts` to see the available ones.")
                                  .arg(contextName, config.files.join(QStringLiteral(", "))));
        e.field = QStringLiteral("contexts");
        return e;
    }
    ConnectionConfig c;
    c.contextName = context->name;
    c.ns = context->ns;

    const KubeCluster *cluster = config.cluster(context->cluster);
    if (!cluster)
        return Error::inFile(context->origin, context->line, QStringLiteral("contexts[%1].cluster").arg(context->name),
                             QStringLiteral("the context refers to cluster \"%1\", which no kubeconfig file defines")
                                 .arg(context->cluster));
    c.cluster = *cluster;
    const QString clusterField = QStringLiteral("clusters[%1]").arg(cluster->name);
    c.server = QUrl(cluster->server, QUrl::StrictMode);
    if (cluster->server.isEmpty() || !c.server.isValid() || c.server.host().isEmpty()
        || (c.server.scheme() != QLatin1String("https") && c.server.scheme() != QLatin1String("http")))
        return Error::inFile(
            cluster->origin, cluster->line, clusterField + QStringLiteral(".server"),
            QStringLiteral("\"%1\" is not a valid API server URL (expected https://host:port)").arg(cluster->server));

    QByteArray caPem = cluster->certificateAuthorityData;
    if (caPem.isEmpty() && !cluster->certificateAuthority.isEmpty()) {
        auto read = readReferencedFile(cluster->certificateAuthority, cluster->origin, cluster->line,
                                       clusterField + QStringLiteral(".certificate-authority"));
        if (!read)
            return read.error();
        caPem = read.value();
    }
    if (!caPem.isEmpty()) {
        c.caCertificates = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (c.caCertificates.isEmpty())
            return Error::inFile(cluster->origin, cluster->line,
                                 clusterField
                                     + (cluster->certificateAuthorityData.isEmpty()
                                            ? QStringLiteral(".certificate-authority")
                                            : QStringLiteral(".certificate-authority-data")),
                                 QStringLiteral("holds no PEM certificate"));
    }
    if (!cluster->proxyUrl.isEmpty()) {
        c.proxy = QUrl(cluster->proxyUrl, QUrl::StrictMode);
        if (!c.proxy.isValid() || c.proxy.host().isEmpty())
            return Error::inFile(cluster->origin, cluster->line, clusterField + QStringLiteral(".proxy-url"),
                                 QStringLiteral("\"%1\" is not a valid proxy URL").arg(cluster->proxyUrl));
    }

    const KubeUser *user = config.user(context->user);
    if (user) {
        c.user = *user;
        const QString userField = QStringLiteral("users[%1]").arg(user->name);
        QByteArray certPem = user->clientCertificateData;
        if (certPem.isEmpty() && !user->clientCertificate.isEmpty()) {
            auto read = readReferencedFile(user->clientCertificate, user->origin, user->line,
                                           userField + QStringLiteral(".client-certificate"));
            if (!read)
                return read.error();
            certPem = read.value();
        }
        QByteArray keyPem = user->clientKeyData;
        if (keyPem.isEmpty() && !user->clientKey.isEmpty()) {
            auto read = readReferencedFile(user->clientKey, user->origin, user->line,
                                           userField + QStringLiteral(".client-key"));
            if (!read)
                return read.error();
            keyPem = read.value();
        }
        if (!certPem.isEmpty()) {
            const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
            if (certs.isEmpty())
                return Error::inFile(user->origin, user->line, userField + QStringLiteral(".client-certificate"),
                                     QStringLiteral("holds no PEM certificate"));
            c.clientCertificate = certs.first();
            if (keyPem.isEmpty())
                return Error::inFile(user->origin, user->line, userField + QStringLiteral(".client-key"),
                                     QStringLiteral("a client certificate needs its private key "
                                                    "(client-key or client-key-data)"));
            c.clientKey = parsePrivateKey(keyPem);
            if (c.clientKey.isNull())
                return Error::inFile(user->origin, user->line,
                                     userField
                                         + (user->clientKeyData.isEmpty() ? QStringLiteral(".client-key")
                                                                          : QStringLiteral(".client-key-data")),
                                     QStringLiteral("is not a readable PEM private key (encrypted keys are not "
                                                    "supported)"));
        }
    } else if (!context->user.isEmpty()) {
        return Error::inFile(
            context->origin, context->line, QStringLiteral("contexts[%1].user").arg(context->name),
            QStringLiteral("the context refers to user \"%1\", which no kubeconfig file defines").arg(context->user));
    }
    return c;
}

} // namespace capstan
