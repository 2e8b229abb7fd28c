#include "sandbox/certificateauthority.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace capstan::sandbox {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct X509Deleter
{
    void operator()(X509 *p) const { X509_free(p); }
};
struct BioDeleter
{
    void operator()(BIO *p) const { BIO_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

QString opensslError(const char *what)
{
    char buffer[256] = {};
    ERR_error_string_n(ERR_get_error(), buffer, sizeof(buffer));
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QLatin1String(buffer));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool setName(X509_NAME *name, const char *cn, const char *o)
{
    if (o
        && X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(o), -1, -1, 0)
            != 1)
        return false;
    return X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(cn), -1, -1, 0)
        == 1;
}

struct CertSpec
{
    const char *cn;
    const char *organization;
    bool ca;
    const char *extendedKeyUsage;
    const char *subjectAltName;
    bool expired = false; // valid from two days ago until yesterday
};

// Signs a certificate for `key`; a CA certificate signs itself (issuer == nullptr).
X509Ptr makeCertificate(const CertSpec &spec, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey)
{
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return {};
    BIGNUM *serial = BN_new();
    BN_rand(serial, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()));
    BN_free(serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), spec.expired ? -2L * 24 * 3600 : -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), spec.expired ? -24L * 3600 : 365L * 24 * 3600);
    if (X509_set_pubkey(cert.get(), key) != 1)
        return {};
    if (!setName(X509_get_subject_name(cert.get()), spec.cn, spec.organization))
        return {};
    X509 *issuerCert = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert)) != 1)
        return {};
    bool ok = true;
    if (spec.ca) {
        ok = ok && addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE");
        ok = ok && addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    } else {
        ok = ok && addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExtension(cert.get(), issuerCert, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        ok = ok && addExtension(cert.get(), issuerCert, NID_ext_key_usage, spec.extendedKeyUsage);
    }
    ok = ok && addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (issuer)
        ok = ok && addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    if (spec.subjectAltName)
        ok = ok && addExtension(cert.get(), issuerCert, NID_subject_alt_name, spec.subjectAltName);
    if (!ok)
        return {};
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return {};
    return cert;
}

QByteArray certificatePem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioContents(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    // The traditional "EC PRIVATE KEY" form: Go's tls.X509KeyPair and QSslKey(…, QSsl::Ec) both read it.
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey_traditional(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio.get());
}

} // namespace

bool CertificateAuthority::generate(QString *error, bool expiredServerCertificate)
{
    const auto fail = [&](const char *what) {
        if (error)
            *error = opensslError(what);
        return false;
    };
    PkeyPtr caKey(EVP_EC_gen("P-256"));
    PkeyPtr serverKey(EVP_EC_gen("P-256"));
    PkeyPtr clientKey(EVP_EC_gen("P-256"));
    if (!caKey || !serverKey || !clientKey)
        return fail("generating EC P-256 keys");
    X509Ptr ca
        = makeCertificate({"capstan-sandbox-ca", "Capstan", true, nullptr, nullptr}, caKey.get(), nullptr, nullptr);
    if (!ca)
        return fail("creating the CA certificate");
    X509Ptr server = makeCertificate({"capstan-sandbox-apiserver", nullptr, false, "serverAuth",
                                      "IP:127.0.0.1,DNS:localhost,IP:::1", expiredServerCertificate},
                                     serverKey.get(), ca.get(), caKey.get());
    if (!server)
        return fail("creating the server certificate");
    X509Ptr client = makeCertificate({"sandbox-cert-user", "system:masters", false, "clientAuth", nullptr},
                                     clientKey.get(), ca.get(), caKey.get());
    if (!client)
        return fail("creating the client certificate");
    m_caCertificate = certificatePem(ca.get());
    m_serverCertificate = certificatePem(server.get());
    m_serverKey = keyPem(serverKey.get());
    m_clientCertificate = certificatePem(client.get());
    m_clientKey = keyPem(clientKey.get());
    return true;
}

} // namespace capstan::sandbox
