#include "ui/notify/notificationcenter.h"

#include "actions/actionrequest.h"
#include "flink/deployment.h"
#include "notify/notificationhistory.h"
#include "ui/backgroundpool.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/trayicon.h"

#include <algorithm>
#include <tuple>

#include <QSet>

#include <QtConcurrent/QtConcurrentRun>

namespace capstan {

namespace {
constexpr int kTickMs = 30 * 1000;
constexpr int kMuteSeconds = 3600;

QString entryKey(const QString &context, const QString &uid)
{
    return context + QLatin1Char('\n') + uid;
}

bool isFailing(const Deployment &d)
{
    return d.failure.failing || d.displayState() == DisplayState::Failed;
}
} // namespace

NotificationCenter::NotificationCenter(FleetSessions *fleet, DesktopNotifier *notifier, TrayIcon *tray,
                                       const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_notifier(notifier)
    , m_tray(tray)
    , m_historyPath(historyPath.isEmpty() ? NotificationHistory::defaultPath() : historyPath)
{
    connect(m_fleet, &FleetSessions::deploymentsChanged, this, &NotificationCenter::onDeployments);
    connect(m_fleet, &FleetSessions::contextStateChanged, this,
            [this](const QString &context, SessionState state, const Error &error) {
                handle(m_rules.onContextState(context, state, error, QDateTime::currentDateTimeUtc()));
                updateTray();
            });
    connect(m_fleet, &FleetSessions::contextsChanged, this, [this] {
        // Contexts no longer watched: their conditions end, their rows leave the tray.
        const QStringList watched = m_fleet->contexts();
        QSet<QString> gone;
        for (auto it = m_failing.cbegin(); it != m_failing.cend(); ++it) {
            if (!watched.contains(it->context))
                gone.insert(it->context);
        }
        for (const QString &context : std::as_const(gone)) {
            handle(m_rules.removeContext(context, QDateTime::currentDateTimeUtc()));
            m_failing.removeIf([&](const auto &entry) { return entry.value().context == context; });
        }
        updateTray();
    });
    if (m_notifier) {
        connect(m_notifier, &DesktopNotifier::openRequested, this, &NotificationCenter::openRequested);
        connect(m_notifier, &DesktopNotifier::summaryOpened, this, &NotificationCenter::notificationsRequested);
        connect(m_notifier, &DesktopNotifier::muteRequested, this, &NotificationCenter::mute);
    }
    if (m_tray) {
        connect(m_tray, &TrayIcon::openRequested, this, &NotificationCenter::openRequested);
        connect(m_tray, &TrayIcon::notificationsRequested, this, &NotificationCenter::notificationsRequested);
    }
    m_tickTimer.setInterval(kTickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &NotificationCenter::tick);
    m_tickTimer.start();
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::setSettings(const NotificationSettings &settings)
{
    m_rules.setSettings(settings);
    tick(); // a rule switched on or a mute removed may have something to say now
}

void NotificationCenter::noteActionResult(const QString &context, const ActionResult &result)
{
    if (result.writtenGeneration > 0 && !result.deploymentUid.isEmpty())
        m_rules.noteOwnWrite(context, result.deploymentUid, result.writtenGeneration);
}

void NotificationCenter::noteOwnWrite(const QString &context, const QString &uid, qint64 generation)
{
    if (generation > 0 && !uid.isEmpty())
        m_rules.noteOwnWrite(context, uid, generation);
}

void NotificationCenter::tick()
{
    handle(m_rules.tick(QDateTime::currentDateTimeUtc()));
}

void NotificationCenter::onDeployments(const QString &context, const DeploymentBatch &batch)
{
    handle(m_rules.onDeployments(context, batch, QDateTime::currentDateTimeUtc()));
    bool trayChanged = false;
    if (batch.resynced) {
        trayChanged = m_failing.removeIf([&](const auto &entry) { return entry.value().context == context; }) > 0;
    }
    for (const QString &uid : batch.removed)
        trayChanged = m_failing.remove(entryKey(context, uid)) || trayChanged;
    for (const Deployment &d : batch.upserted) {
        const QString key = entryKey(context, d.uid);
        if (isFailing(d)) {
            const QString reason = !d.failure.rootCause.isEmpty() ? d.failure.rootCause : d.errorMessage;
            m_failing.insert(key, {context, d.ns, d.name, reason});
            trayChanged = true;
        } else if (m_failing.remove(key)) {
            trayChanged = true;
        }
    }
    if (trayChanged)
        updateTray();
}

void NotificationCenter::handle(const QList<Notification> &notifications)
{
    if (notifications.isEmpty())
        return;
    if (m_historyPath != QLatin1String("-")) {
        // The history is on disk: written by the background pool, one task at a time, in order.
        (void)QtConcurrent::run(backgroundPool(), [path = m_historyPath, notifications] {
            NotificationHistory history(path);
            history.append(notifications);
        });
    }
    for (const Notification &n : notifications) {
        emit notified(n);
        if (!m_notifier)
            continue;
        if (n.cleared) {
            m_notifier->withdraw(n.conditionKey);
            continue;
        }
        DesktopNotification shown;
        shown.key = n.conditionKey;
        shown.summary = n.summary;
        shown.body = n.body;
        shown.critical = n.rule == NotificationRule::StartedFailing || n.rule == NotificationRule::JobFailed;
        shown.context = n.context;
        shown.ns = n.ns;
        shown.name = n.name;
        m_notifier->notify(shown);
    }
}

void NotificationCenter::updateTray()
{
    if (!m_tray)
        return;
    QList<TrayIcon::Failing> failing;
    for (const FailingEntry &e : std::as_const(m_failing))
        failing.append({e.context, e.ns, e.name, e.reason});
    std::sort(failing.begin(), failing.end(), [](const TrayIcon::Failing &a, const TrayIcon::Failing &b) {
        return std::tie(a.context, a.ns, a.name) < std::tie(b.context, b.ns, b.name);
    });
    QStringList unreachable;
    for (const QString &context : m_fleet->contexts()) {
        const FleetSessions::Status status = m_fleet->status(context);
        if (status == FleetSessions::Status::Unreachable || status == FleetSessions::Status::Reconnecting
            || status == FleetSessions::Status::Failed)
            unreachable.append(context);
    }
    m_tray->setState(failing, unreachable);
}

void NotificationCenter::mute(const QString &conditionKey, int seconds)
{
    // The condition's deployment (or context) is muted, as "Mute 1 h" on the notification says.
    const QList<Notification> active = m_rules.active();
    const auto it = std::find_if(active.cbegin(), active.cend(),
                                 [&](const Notification &n) { return n.conditionKey == conditionKey; });
    if (it == active.cend())
        return;
    NotificationSettings settings = m_rules.settings();
    settings.mute({it->context, it->ns, it->name},
                  QDateTime::currentDateTimeUtc().addSecs(seconds > 0 ? seconds : kMuteSeconds));
    emit settingsChanged(settings); // saved by whoever keeps the preferences
    m_rules.setSettings(settings);
    m_notifier->withdraw(conditionKey);
}

} // namespace capstan
