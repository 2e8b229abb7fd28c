#include "notify/notificationsettings.h"

#include "sameelements.h"

#include <QSettings>

#include <algorithm>

namespace capstan {

namespace {

enum class Say { Muted, Pinned, Default };

Say decide(const NotificationSettings &s, const QString &context, const QString &ns, const QString &name,
           const QDateTime &now)
{
    const auto muted = [&](const NotificationSettings::Scope &scope) {
        return std::any_of(s.mutes.cbegin(), s.mutes.cend(),
                           [&](const NotificationSettings::Mute &m) { return m.scope == scope && now < m.until; });
    };
    if (!ns.isEmpty() || !name.isEmpty()) {
        const NotificationSettings::Scope deployment{context, ns, name};
        if (muted(deployment))
            return Say::Muted;
        if (s.pins.contains(deployment))
            return Say::Pinned;
    }
    const NotificationSettings::Scope whole{context, {}, {}};
    if (muted(whole))
        return Say::Muted;
    if (s.pins.contains(whole))
        return Say::Pinned;
    return Say::Default;
}

QString key(const char *name)
{
    return QString(NotificationSettings::group) + QLatin1Char('/') + QLatin1String(name);
}

NotificationSettings::Scope readScope(const QSettings &settings)
{
    return {settings.value(QStringLiteral("context")).toString(),
            settings.value(QStringLiteral("namespace")).toString(), settings.value(QStringLiteral("name")).toString()};
}

void writeScope(QSettings &settings, const NotificationSettings::Scope &scope)
{
    settings.setValue(QStringLiteral("context"), scope.context);
    settings.setValue(QStringLiteral("namespace"), scope.ns);
    settings.setValue(QStringLiteral("name"), scope.name);
}

} // namespace

void NotificationSettings::setEnabled(NotificationRule rule, bool enabled)
{
    disabled.removeAll(rule);
    if (!enabled)
        disabled.append(rule);
}

bool NotificationSettings::isMuted(const QString &context, const QString &ns, const QString &name,
                                   const QDateTime &now) const
{
    return decide(*this, context, ns, name, now) == Say::Muted;
}

bool NotificationSettings::isPinned(const QString &context, const QString &ns, const QString &name,
                                    const QDateTime &now) const
{
    return decide(*this, context, ns, name, now) == Say::Pinned;
}

bool NotificationSettings::allows(NotificationRule rule, const QString &context, const QString &ns, const QString &name,
                                  const QDateTime &now) const
{
    switch (decide(*this, context, ns, name, now)) {
    case Say::Muted:
        return false;
    case Say::Pinned:
        return true;
    case Say::Default:
        break;
    }
    return isEnabled(rule);
}

void NotificationSettings::mute(const Scope &scope, const QDateTime &until)
{
    unmute(scope);
    mutes.append({scope, until.toUTC()});
}

void NotificationSettings::unmute(const Scope &scope)
{
    mutes.removeIf([&scope](const Mute &m) { return m.scope == scope; });
}

void NotificationSettings::pin(const Scope &scope)
{
    if (!pins.contains(scope))
        pins.append(scope);
}

void NotificationSettings::unpin(const Scope &scope)
{
    pins.removeAll(scope);
}

void NotificationSettings::removeExpiredMutes(const QDateTime &now)
{
    mutes.removeIf([&now](const Mute &m) { return !(now < m.until); });
}

NotificationSettings NotificationSettings::load(QSettings &settings, const QDateTime &now)
{
    NotificationSettings s;
    for (NotificationRule rule : Notification::allRules()) {
        const QString k = key("rules/") + Notification::ruleName(rule);
        if (!settings.value(k, true).toBool())
            s.disabled.append(rule);
    }
    s.noCheckpointMinutes = std::clamp(settings.value(key("noCheckpointMinutes"), s.noCheckpointMinutes).toInt(),
                                       MinThresholdMinutes, MaxNoCheckpointMinutes);
    s.unreachableMinutes = std::clamp(settings.value(key("unreachableMinutes"), s.unreachableMinutes).toInt(),
                                      MinThresholdMinutes, MaxUnreachableMinutes);
    s.closeToTray = settings.value(closeToTrayKey, false).toBool();
    s.startInTray = settings.value(startInTrayKey, false).toBool();
    const int muteCount = settings.beginReadArray(key("mutes"));
    for (int i = 0; i < muteCount; ++i) {
        settings.setArrayIndex(i);
        const Scope scope = readScope(settings);
        const QDateTime until = settings.value(QStringLiteral("until")).toDateTime();
        if (!scope.context.isEmpty() && until.isValid())
            s.mute(scope, until);
    }
    settings.endArray();
    const int pinCount = settings.beginReadArray(key("pins"));
    for (int i = 0; i < pinCount; ++i) {
        settings.setArrayIndex(i);
        const Scope scope = readScope(settings);
        if (!scope.context.isEmpty())
            s.pin(scope);
    }
    settings.endArray();
    s.removeExpiredMutes(now);
    return s;
}

NotificationSettings NotificationSettings::load()
{
    QSettings settings;
    return load(settings, QDateTime::currentDateTimeUtc());
}

void NotificationSettings::save(QSettings &settings) const
{
    settings.remove(group);
    for (NotificationRule rule : Notification::allRules())
        settings.setValue(key("rules/") + Notification::ruleName(rule), isEnabled(rule));
    settings.setValue(key("noCheckpointMinutes"), noCheckpointMinutes);
    settings.setValue(key("unreachableMinutes"), unreachableMinutes);
    settings.setValue(closeToTrayKey, closeToTray);
    settings.setValue(startInTrayKey, startInTray);
    settings.beginWriteArray(key("mutes"), static_cast<int>(mutes.size()));
    for (int i = 0; i < mutes.size(); ++i) {
        settings.setArrayIndex(i);
        writeScope(settings, mutes.at(i).scope);
        settings.setValue(QStringLiteral("until"), mutes.at(i).until.toUTC());
    }
    settings.endArray();
    settings.beginWriteArray(key("pins"), static_cast<int>(pins.size()));
    for (int i = 0; i < pins.size(); ++i) {
        settings.setArrayIndex(i);
        writeScope(settings, pins.at(i));
    }
    settings.endArray();
}

void NotificationSettings::save() const
{
    QSettings settings;
    save(settings);
}

bool NotificationSettings::operator==(const NotificationSettings &other) const
{
    return sameElements(disabled, other.disabled) && noCheckpointMinutes == other.noCheckpointMinutes
        && unreachableMinutes == other.unreachableMinutes && mutes == other.mutes && pins == other.pins
        && closeToTray == other.closeToTray && startInTray == other.startInTray;
}

} // namespace capstan
