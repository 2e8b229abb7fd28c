#include "secrets/secretstore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace capstan {

namespace {

// The keychain has no usable backend (no Secret Service on the bus, none running, locked and no
// one to unlock it), as opposed to "no such entry".
bool isBackendFailure(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
        return true;
    default:
        return false;
    }
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

SecretStore *SecretStore::shared()
{
    static QPointer<SecretStore> store;
    if (!store)
        store = new SecretStore(QStringLiteral("io.github.capstan.Capstan"), qApp);
    return store;
}

QString SecretStore::contextTokenKey(const QString &context)
{
    return QStringLiteral("context/%1/token").arg(context);
}

QString SecretStore::prometheusKey(const QString &context, const QString &field)
{
    return QStringLiteral("prometheus/%1/%2").arg(context, field);
}

QString SecretStore::platformTokenKey(const QUrl &url)
{
    // One key however the address was typed: no trailing slash, no user info, query or fragment.
    return QStringLiteral("platform/%1/token")
        .arg(url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
                 .toString());
}

void SecretStore::read(const QString &key, QObject *receiver, ReadCallback done)
{
    QPointer<QObject> guard(receiver);
    auto deliver = [guard, done](const QString &secret) {
        if (guard && done)
            done(secret);
    };
    if (!keychainAvailable() || m_pending.contains(key)) {
        const QString secret = m_pending.contains(key) ? m_pending.value(key) : m_memory.value(key);
        // Asynchronous like a keychain answer, so callers see one behaviour.
        QMetaObject::invokeMethod(
            this, [deliver, secret] { deliver(secret); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, deliver] {
        if (job->error() == QKeychain::NoError) {
            deliver(job->textData());
            return;
        }
        if (job->error() != QKeychain::EntryNotFound) {
            qCWarning(lcSettings).noquote() << "Keychain read of" << key << "failed:" << job->errorString();
            if (isBackendFailure(job->error()))
                markUnavailable(job->errorString());
        }
        deliver(m_memory.value(key));
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *receiver, WriteCallback done)
{
    QPointer<QObject> guard(receiver);
    auto deliver = [guard, done](const Error &error) {
        if (guard && done)
            done(error);
    };
    if (!keychainAvailable()) {
        if (secret.isEmpty())
            m_memory.remove(key);
        else
            m_memory.insert(key, secret);
        QMetaObject::invokeMethod(
            this, [deliver] { deliver(Error()); }, Qt::QueuedConnection);
        return;
    }
    m_pending.insert(key, secret);
    QKeychain::Job *job = nullptr;
    if (secret.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(m_service, this);
        remove->setKey(key);
        job = remove;
    } else {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service, this);
        writeJob->setKey(key);
        writeJob->setTextData(secret);
        job = writeJob;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, secret, deliver] {
        // A later write of the same key owns the pending entry now.
        if (m_pending.value(key) == secret)
            m_pending.remove(key);
        const QKeychain::Error error = job->error();
        if (error == QKeychain::NoError || (secret.isEmpty() && error == QKeychain::EntryNotFound)) {
            deliver(Error());
            return;
        }
        qCWarning(lcSettings).noquote() << "Keychain write of" << key << "failed:" << job->errorString();
        if (isBackendFailure(error)) {
            markUnavailable(job->errorString());
            if (!secret.isEmpty())
                m_memory.insert(key, secret); // for this run only
            deliver(Error());
            return;
        }
        deliver(Error::make(QStringLiteral("KeychainWriteFailed"),
                            tr("The secret could not be stored in the keychain: %1").arg(job->errorString())));
    });
    job->start();
}

void SecretStore::markUnavailable(const QString &detail)
{
    if (!keychainAvailable())
        return;
    m_unavailableMessage = tr("No keychain is available (%1). Secrets you enter are kept in memory until "
                              "Capstan quits and will have to be entered again next time.")
                               .arg(detail);
    emit keychainUnavailable(m_unavailableMessage);
}

} // namespace capstan
