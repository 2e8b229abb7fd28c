#include "ui/notify/desktopnotifier.h"

#include <algorithm>
#include <functional>
#include <utility>

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace capstan {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kSummaryKey = QStringLiteral("capstan:summary");
// The specification's name for the action a click on the notification runs.
const QString kOpenAction = QStringLiteral("default");
const QString kMuteAction = QStringLiteral("mute-1h");
constexpr int kGatherMs = 400;
constexpr int kMuteSeconds = 3600;
constexpr int kSummaryLines = 5;
} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    m_gather.setSingleShot(true);
    m_gather.setInterval(kGatherMs);
    connect(&m_gather, &QTimer::timeout, this, &DesktopNotifier::flush);
    if (!m_bus.isConnected()) {
        QTimer::singleShot(0, this, [this] { emit serverAnswered(false); });
        return;
    }
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
    const auto ask = [this](const QString &method, const std::function<void(const QDBusMessage &)> &answered) {
        auto *watcher = new QDBusPendingCallWatcher(
            m_bus.asyncCall(QDBusMessage::createMethodCall(kService, kPath, kInterface, method)), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, answered] {
            watcher->deleteLater();
            answered(watcher->reply());
        });
    };
    ask(QStringLiteral("GetCapabilities"), [this](const QDBusMessage &reply) {
        m_serverAvailable = reply.type() == QDBusMessage::ReplyMessage;
        if (m_serverAvailable && !reply.arguments().isEmpty())
            m_capabilities = reply.arguments().constFirst().toStringList();
        emit serverAnswered(m_serverAvailable);
    });
    ask(QStringLiteral("GetServerInformation"), [this](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            m_serverName = reply.arguments().constFirst().toString();
    });
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const DesktopNotification &notification)
{
    const auto same = std::find_if(m_pending.begin(), m_pending.end(),
                                   [&](const DesktopNotification &n) { return n.key == notification.key; });
    if (same != m_pending.end())
        *same = notification;
    else
        m_pending.append(notification);
    if (!m_gather.isActive())
        m_gather.start();
}

void DesktopNotifier::withdraw(const QString &key)
{
    m_pending.erase(
        std::remove_if(m_pending.begin(), m_pending.end(), [&](const DesktopNotification &n) { return n.key == key; }),
        m_pending.end());
    if (m_waitingForId.contains(key) && !m_withdrawnEarly.contains(key))
        m_withdrawnEarly.append(key);
    const uint id = m_ids.take(key);
    if (id == 0 || !m_bus.isConnected())
        return;
    const Shown shown = m_shown.value(id);
    if (shown.summary)
        return; // the summary stands for several; it stays until dismissed
    m_shown.remove(id);
    QDBusMessage close
        = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("CloseNotification"));
    close << id;
    m_bus.asyncCall(close);
}

void DesktopNotifier::flush()
{
    const QList<DesktopNotification> batch = std::exchange(m_pending, {});
    if (batch.isEmpty())
        return;
    if (batch.size() <= kSummaryThreshold) {
        for (const DesktopNotification &n : batch) {
            Shown shown;
            shown.notification = n;
            send(shown, n.summary, n.body, n.critical, m_ids.value(n.key));
        }
        return;
    }
    // Many at once: one quiet summary that lists the first few; the Notifications panel has them all.
    Shown shown;
    shown.summary = true;
    shown.notification.key = kSummaryKey;
    QStringList lines;
    bool critical = false;
    for (const DesktopNotification &n : batch) {
        shown.summaryKeys.append(n.key);
        critical = critical || n.critical;
        if (lines.size() < kSummaryLines)
            lines.append(n.summary);
    }
    if (batch.size() > kSummaryLines)
        lines.append(tr("…and %n more", nullptr, int(batch.size()) - kSummaryLines));
    send(shown, tr("%n notification(s) from Capstan", nullptr, int(batch.size())), lines.join(QLatin1Char('\n')),
         critical, m_ids.value(kSummaryKey));
}

void DesktopNotifier::send(const Shown &shown, const QString &summary, const QString &body, bool critical,
                           uint replaces)
{
    if (!m_bus.isConnected())
        return;
    const QString key = shown.notification.key;
    QStringList actions;
    // Before the server answered its capabilities the actions are sent anyway: a server without
    // actions ignores them.
    if (m_capabilities.isEmpty() || m_capabilities.contains(QLatin1String("actions"))) {
        actions << kOpenAction << tr("Open");
        if (!shown.summary)
            actions << kMuteAction << tr("Mute 1 h");
    }
    QString text = body;
    if (m_capabilities.contains(QLatin1String("body-markup")))
        text = text.toHtmlEscaped();
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(critical ? 2 : 1));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("io.github.capstan.Capstan"));
    hints.insert(QStringLiteral("category"), QStringLiteral("x-capstan.deployment"));
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    // A critical notification stays until dismissed; the others expire as the server decides.
    call << QStringLiteral("Capstan") << replaces << QStringLiteral("io.github.capstan.Capstan") << summary << text
         << actions << hints << (critical ? 0 : -1);
    m_waitingForId.append(key);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, shown, key] {
        watcher->deleteLater();
        m_waitingForId.removeOne(key);
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError())
            return;
        const uint id = reply.value();
        m_ids.insert(key, id);
        m_shown.insert(id, shown);
        for (const QString &member : shown.summaryKeys)
            m_ids.insert(member, id);
        emit this->shown(key, id);
        if (m_withdrawnEarly.removeAll(key) > 0)
            withdraw(key);
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend())
        return; // another application's
    if (action == kOpenAction) {
        if (shown->summary)
            emit summaryOpened();
        else
            emit openRequested(shown->notification.context, shown->notification.ns, shown->notification.name);
    } else if (action == kMuteAction) {
        emit muteRequested(shown->notification.key, kMuteSeconds);
    }
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend())
        return;
    m_ids.remove(shown->notification.key);
    for (const QString &member : shown->summaryKeys) {
        if (m_ids.value(member) == id)
            m_ids.remove(member);
    }
    m_shown.erase(shown);
}

} // namespace capstan
