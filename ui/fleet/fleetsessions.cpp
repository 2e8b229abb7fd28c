#include "ui/fleet/fleetsessions.h"

#include "secrets/secretstore.h"
#include "session/sessionhost.h"
#include "ui/widgets/stateicons.h"

#include <QFileInfo>
#include <QSettings>

namespace capstan {

namespace {
const QString kContextsKey = QStringLiteral("fleet/contexts");
} // namespace

FleetSessions::FleetSessions(const KubeConfig &config, const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_options(options)
{
    m_options.watchPods = false;
    SessionHost::registerMetaTypes();
}

FleetSessions::~FleetSessions()
{
    for (Entry &entry : m_entries)
        delete entry.host;
}

QString FleetSessions::signInReason(const KubeConfig &config, const QString &context)
{
    const KubeContext *entry = config.context(context);
    if (!entry)
        return {}; // the session says what is wrong with it
    const KubeUser *user = config.user(entry->user);
    if (!user || user->authKind() == AuthKind::None)
        return tr("no credentials in the kubeconfig; open the context to sign in with a token");
    if (user->exec && user->exec->interactiveMode == QLatin1String("Always"))
        return tr("credential plugin “%1” always asks for input; open the context to sign in")
            .arg(QFileInfo(user->exec->command).fileName());
    return {};
}

QStringList FleetSessions::watchedContexts(const KubeConfig &config)
{
    QStringList all;
    for (const KubeContext &c : config.contexts)
        all << c.name;
    const QSettings settings;
    if (!settings.contains(kContextsKey))
        return all;
    QStringList chosen;
    for (const QString &name : settings.value(kContextsKey).toStringList()) {
        if (all.contains(name) && !chosen.contains(name))
            chosen << name;
    }
    return chosen;
}

void FleetSessions::saveWatchedContexts(const QStringList &contexts)
{
    QSettings().setValue(kContextsKey, contexts);
}

void FleetSessions::setContexts(const QStringList &contexts)
{
    QStringList wanted;
    for (const QString &name : contexts) {
        if (!wanted.contains(name))
            wanted << name;
    }
    if (wanted == m_order)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (wanted.contains(it.key())) {
            ++it;
            continue;
        }
        // Its queued signals go with it: they were posted to the host.
        delete it->host;
        it = m_entries.erase(it);
    }
    m_order = wanted;
    QStringList started;
    for (const QString &name : std::as_const(m_order)) {
        if (m_entries.contains(name))
            continue;
        Entry &entry = m_entries[name];
        entry.since = QDateTime::currentDateTimeUtc();
        const QString reason = signInReason(m_config, name);
        if (!reason.isEmpty()) {
            entry.signIn = true;
            entry.state = SessionState::Failed;
            entry.error = Error::make(QStringLiteral("SignInRequired"), reason);
            if (!m_config.hasCredentials(name)) {
                // A token the user gave Capstan for it earlier waits in the keychain.
                SecretStore::shared()->read(SecretStore::contextTokenKey(name), this,
                                            [this, name](const QString &token) {
                                                const auto it = m_entries.constFind(name);
                                                if (!token.isEmpty() && it != m_entries.cend() && !it->host)
                                                    useToken(name, token);
                                            });
            }
        } else {
            start(name, entry);
        }
        started << name;
    }
    emit contextsChanged();
    for (const QString &name : std::as_const(started)) {
        const Entry &entry = m_entries[name];
        emit contextStateChanged(name, entry.state, entry.error);
    }
}

void FleetSessions::useToken(const QString &context, const QString &token)
{
    const auto it = m_entries.find(context);
    if (it == m_entries.end() || token.isEmpty() || m_config.hasCredentials(context))
        return;
    delete it->host;
    it->host = nullptr;
    it->signIn = false;
    it->wasLive = false;
    it->onlyNamespace.clear();
    it->state = SessionState::Connecting;
    it->error = {};
    it->since = QDateTime::currentDateTimeUtc();
    start(context, *it, token);
    emit contextStateChanged(context, it->state, it->error);
}

void FleetSessions::start(const QString &context, Entry &entry, const QString &token)
{
    entry.host = new SessionHost(token.isEmpty() ? m_config : m_config.withContextToken(context, token), context,
                                 QString(), m_options, this);
    const BackendSession *source = entry.host->session();
    // The host is the context object: what a stopped session queued is dropped with it.
    connect(source, &BackendSession::deploymentsChanged, entry.host,
            [this, context](const DeploymentBatch &batch) { emit deploymentsChanged(context, batch); });
    connect(source, &BackendSession::stateChanged, entry.host,
            [this, context](SessionState state, const Error &error, int) { onState(context, state, error); });
}

void FleetSessions::onState(const QString &context, SessionState state, const Error &error)
{
    const auto it = m_entries.find(context);
    if (it == m_entries.end())
        return;
    if (state != SessionState::Live && error.httpStatus == 403 && it->onlyNamespace.isEmpty() && it->host) {
        const KubeContext *entry = m_config.context(context);
        if (entry && !entry->ns.isEmpty()) {
            it->onlyNamespace = entry->ns;
            it->host->setNamespace(entry->ns);
            it->state = SessionState::Connecting;
            it->error = {};
            it->since = QDateTime::currentDateTimeUtc();
            emit contextStateChanged(context, it->state, it->error);
            return;
        }
    }
    if (it->state != state || it->error != error)
        it->since = QDateTime::currentDateTimeUtc();
    it->state = state;
    it->error = error;
    if (state == SessionState::Live)
        it->wasLive = true;
    emit contextStateChanged(context, state, error);
}

SessionState FleetSessions::state(const QString &context) const
{
    const auto it = m_entries.constFind(context);
    return it == m_entries.cend() ? SessionState::Failed : it->state;
}

Error FleetSessions::error(const QString &context) const
{
    return m_entries.value(context).error;
}

bool FleetSessions::forbidden(const QString &context) const
{
    const auto it = m_entries.constFind(context);
    return it != m_entries.cend() && it->state != SessionState::Live && it->error.httpStatus == 403;
}

QString FleetSessions::onlyNamespace(const QString &context) const
{
    return m_entries.value(context).onlyNamespace;
}

QDateTime FleetSessions::stateSince(const QString &context) const
{
    return m_entries.value(context).since;
}

FleetSessions::Status FleetSessions::status(const QString &context) const
{
    const auto it = m_entries.constFind(context);
    if (it == m_entries.cend())
        return Status::Failed;
    if (it->signIn || (it->state != SessionState::Live && it->error.httpStatus == 401))
        return Status::SignInRequired;
    if (forbidden(context))
        return Status::Forbidden;
    switch (it->state) {
    case SessionState::Connecting:
        return Status::Connecting;
    case SessionState::Live:
        return Status::Live;
    case SessionState::Reconnecting:
        // Never reached since it started, and no answer at all: the cluster is out of reach. One that
        // answered before is on its way back.
        return !it->wasLive && it->error.httpStatus == 0 && it->error.isSet() ? Status::Unreachable
                                                                              : Status::Reconnecting;
    case SessionState::Failed:
        break;
    }
    return Status::Failed;
}

QString FleetSessions::statusText(Status status)
{
    switch (status) {
    case Status::Connecting:
        return tr("connecting…");
    case Status::Live:
        return tr("live");
    case Status::Reconnecting:
        return tr("reconnecting");
    case Status::Forbidden:
        return tr("forbidden");
    case Status::Unreachable:
        return tr("unreachable");
    case Status::SignInRequired:
        return tr("needs sign-in");
    case Status::Failed:
        break;
    }
    return tr("cannot be opened");
}

QColor FleetSessions::statusColor(Status status)
{
    switch (status) {
    case Status::Connecting:
        return StateIcons::color(DisplayState::Transitioning);
    case Status::Live:
        return StateIcons::color(DisplayState::Running);
    case Status::Reconnecting:
    case Status::SignInRequired:
        return QColor(0xe0, 0xa0, 0x20);
    case Status::Forbidden:
    case Status::Unreachable:
    case Status::Failed:
        break;
    }
    return StateIcons::color(DisplayState::Failed);
}

QString FleetSessions::reason(const QString &context) const
{
    const Status now = status(context);
    if (now == Status::Live || now == Status::Connecting)
        return {};
    const Error e = error(context);
    QString text = e.message.isEmpty() ? e.reason : e.message;
    if (now == Status::Forbidden && text.isEmpty())
        text = onlyNamespace(context).isEmpty()
            ? tr("you may not list FlinkDeployments in all namespaces")
            : tr("you may not list FlinkDeployments in all namespaces, nor in namespace %1")
                  .arg(onlyNamespace(context));
    return text.simplified();
}

std::shared_ptr<const ServerClock> FleetSessions::clock(const QString &context) const
{
    const auto it = m_entries.constFind(context);
    return it == m_entries.cend() || !it->host ? nullptr : it->host->clock();
}

} // namespace capstan
