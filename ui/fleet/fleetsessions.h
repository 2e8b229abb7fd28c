#pragma once

#include "kube/kubeconfig.h"
#include "session/clustersession.h"

#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace capstan {

class ServerClock;
class SessionHost;

// One SessionHost per watched context, each on its own backend thread as MainWindow's session is,
// list-level only (no pod informer; nothing is polled until a deployment's page opens elsewhere).
// Each context fails on its own: an unreachable or forbidden one never holds up the others. A context
// whose credentials need a person (an exec plugin that is always interactive, or no credentials at all)
// is listed with that reason and not started.
class FleetSessions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetSessions)

public:
    // What the Fleet view says about a context, derived from its session's state and last error.
    enum class Status { Connecting, Live, Reconnecting, Forbidden, Unreachable, SignInRequired, Failed };

    // options: as given, except that pods are not watched (history "-" keeps the sessions light).
    explicit FleetSessions(const KubeConfig &config, const SessionOptions &options, QObject *parent = nullptr);
    ~FleetSessions() override;

    // Starts and stops sessions to match (unknown names are kept and reported as failed).
    void setContexts(const QStringList &contexts);
    QStringList contexts() const { return m_order; }
    const KubeConfig &config() const { return m_config; }

    SessionState state(const QString &context) const;
    // The last error: the reason a context is unreachable, forbidden or not started.
    Error error(const QString &context) const;
    // Listing was refused (403).
    bool forbidden(const QString &context) const;
    QDateTime stateSince(const QString &context) const;
    Status status(const QString &context) const;
    // The cluster's clock of the context (null when it has no session).
    std::shared_ptr<const ServerClock> clock(const QString &context) const;

    // For people: the status as a word or two ("unreachable"), its colour, and the reason when there is
    // one (the server's message, or what to do).
    static QString statusText(Status status);
    static QColor statusColor(Status status);
    QString reason(const QString &context) const;
    // The context's own namespace when the user may not list across namespaces (a RoleBinding in
    // one namespace, common for teams): the fleet then watches that namespace alone. Empty: all.
    QString onlyNamespace(const QString &context) const;

    // The user signed in to a context without kubeconfig credentials with a bearer token (File ▸
    // Connect with Token…): its session starts, or starts again, with it. Tokens kept in the keychain
    // for such contexts are read when they are first watched.
    void useToken(const QString &context, const QString &token);

    // Why the context cannot be watched without a person signing in, or empty when it can.
    static QString signInReason(const KubeConfig &config, const QString &context);
    // The contexts the user chose to watch (settings "fleet/contexts"), by default every context of the
    // kubeconfig; names the kubeconfig no longer has are dropped.
    static QStringList watchedContexts(const KubeConfig &config);
    static void saveWatchedContexts(const QStringList &contexts);

signals:
    void deploymentsChanged(const QString &context, const capstan::DeploymentBatch &batch);
    void contextStateChanged(const QString &context, capstan::SessionState state, const capstan::Error &error);
    // Contexts were added or removed (the rows of a removed one are gone with it).
    void contextsChanged();

private:
    struct Entry
    {
        SessionHost *host = nullptr;
        SessionState state = SessionState::Connecting;
        Error error;
        QDateTime since;
        bool wasLive = false;
        bool signIn = false;
        QString onlyNamespace; // listing across namespaces was refused: the context's namespace instead
    };

    void start(const QString &context, Entry &entry, const QString &token = {});
    void onState(const QString &context, SessionState state, const Error &error);

    KubeConfig m_config;
    SessionOptions m_options;
    QStringList m_order;
    QHash<QString, Entry> m_entries;
};

} // namespace capstan
