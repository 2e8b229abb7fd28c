#pragma once

#include "error.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace capstan {

// Secrets the user gives Capstan (a bearer token for a context, Prometheus credentials) live in
// the OS keychain through QtKeychain, never in the settings file. When no keychain answers, the
// store says so once (keychainUnavailable) and keeps secrets in memory for this run only: there is
// no plaintext fallback. Jobs are asynchronous (D-Bus), so the GUI thread never waits on them.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    // Empty secret: nothing stored under the key.
    using ReadCallback = std::function<void(const QString &secret)>;
    // Null error: stored in the keychain, or kept in memory when the keychain is unavailable.
    using WriteCallback = std::function<void(const Error &error)>;

    explicit SecretStore(const QString &service, QObject *parent = nullptr);

    // The application's store (service "io.github.capstan.Capstan"), created on first use. GUI thread.
    static SecretStore *shared();

    // Keys name what a secret is for: "context/<name>/token", "prometheus/<context>/password".
    static QString contextTokenKey(const QString &context);
    static QString prometheusKey(const QString &context, const QString &field);
    // "platform/<url>/token": the API token of a Ververica Platform reached at its URL.
    static QString platformTokenKey(const QUrl &url);

    void read(const QString &key, QObject *receiver, ReadCallback done);
    // An empty secret removes the entry.
    void write(const QString &key, const QString &secret, QObject *receiver, WriteCallback done = {});

    bool keychainAvailable() const { return m_unavailableMessage.isEmpty(); }
    // The message keychainUnavailable carried; empty while the keychain works.
    QString unavailableMessage() const { return m_unavailableMessage; }
    QString service() const { return m_service; }

signals:
    // Emitted once, the first time the keychain cannot be used; says where the secret is kept instead.
    void keychainUnavailable(const QString &message);

private:
    void markUnavailable(const QString &detail);

    QString m_service;
    QString m_unavailableMessage; // set once the keychain failed: from then on, memory only
    // Secrets of this run while the keychain is unavailable.
    QHash<QString, QString> m_memory;
    // Writes in flight (an empty value: a removal). They answer reads of their key, so a secret just
    // entered is never reported missing and one just removed never comes back.
    QHash<QString, QString> m_pending;
};

} // namespace capstan
