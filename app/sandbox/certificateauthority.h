#pragma once

#include <QByteArray>
#include <QString>

namespace capstan::sandbox {

// A throw-away PKI for the sandbox: an EC P-256 CA, a server certificate for 127.0.0.1/localhost
// and a client certificate (CN=sandbox-cert-user, O=system:masters), all signed by the CA and
// valid from one hour ago for one year. Keys are PEM ("EC PRIVATE KEY"); they never leave memory
// except through these getters.
class CertificateAuthority final
{
public:
    // Returns false and sets *error when OpenSSL fails. expiredServerCertificate: the server's
    // certificate expired yesterday (for testing what clients say about it).
    bool generate(QString *error = nullptr, bool expiredServerCertificate = false);
    bool isValid() const { return !m_caCertificate.isEmpty(); }

    QByteArray caCertificatePem() const { return m_caCertificate; }
    QByteArray serverCertificatePem() const { return m_serverCertificate; }
    QByteArray serverKeyPem() const { return m_serverKey; }
    QByteArray clientCertificatePem() const { return m_clientCertificate; }
    QByteArray clientKeyPem() const { return m_clientKey; }

private:
    QByteArray m_caCertificate;
    QByteArray m_serverCertificate;
    QByteArray m_serverKey;
    QByteArray m_clientCertificate;
    QByteArray m_clientKey;
};

} // namespace capstan::sandbox
