#include "ui/preferencesstore.h"

#include "ui/settingskeys.h"
#include "ui/theme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace capstan {

namespace {

QString themeName(ThemeChoice theme)
{
    switch (theme) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeChoice themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return ThemeChoice::Light;
    if (name == QLatin1String("dark"))
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

QString confirmKey(ActionKind kind)
{
    return QString(SettingsKeys::confirmGroup) + QLatin1Char('/') + Preferences::confirmationKey(kind);
}

Preferences clamped(Preferences p)
{
    p.pollIntervalSeconds
        = std::clamp(p.pollIntervalSeconds, Preferences::MinPollIntervalSeconds, Preferences::MaxPollIntervalSeconds);
    p.metricRetentionDays
        = std::clamp(p.metricRetentionDays, Preferences::MinRetentionDays, Preferences::MaxRetentionDays);
    bool known = false;
    for (const auto &language : Preferences::languages())
        known = known || language.first == p.language;
    if (!known)
        p.language.clear();
    QList<ActionKind> unconfirmed;
    for (ActionKind kind : Preferences::optionalConfirmations()) {
        if (p.unconfirmed.contains(kind))
            unconfirmed << kind;
    }
    p.unconfirmed = unconfirmed;
    p.notifications.noCheckpointMinutes
        = std::clamp(p.notifications.noCheckpointMinutes, NotificationSettings::MinThresholdMinutes,
                     NotificationSettings::MaxNoCheckpointMinutes);
    p.notifications.unreachableMinutes
        = std::clamp(p.notifications.unreachableMinutes, NotificationSettings::MinThresholdMinutes,
                     NotificationSettings::MaxUnreachableMinutes);
    return p;
}

// The labels of Qt's standard dialog buttons, also in our catalogue: the dialogs are then in the
// chosen language even where Qt's own translations (qtbase_*.qm) are not installed.
[[maybe_unused]] constexpr const char *kQtButtonTexts[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    // What GNOME-like platform themes (the GTK one among them) use instead.
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
};

} // namespace

PreferencesStore *PreferencesStore::instance()
{
    // Lives as long as the application; created on first use in the GUI thread.
    static PreferencesStore *store = [] {
        auto *s = new PreferencesStore;
        s->setParent(QCoreApplication::instance());
        return s;
    }();
    return store;
}

Preferences PreferencesStore::preferences() const
{
    QSettings settings; // not const: NotificationSettings reads arrays
    Preferences p;
    p.theme = themeFromName(settings.value(SettingsKeys::theme).toString());
    p.pollIntervalSeconds = settings.value(SettingsKeys::pollInterval, p.pollIntervalSeconds).toInt();
    p.metricRetentionDays = settings.value(SettingsKeys::metricRetention, p.metricRetentionDays).toInt();
    p.language = settings.value(SettingsKeys::language).toString();
    for (ActionKind kind : Preferences::optionalConfirmations()) {
        if (!settings.value(confirmKey(kind), true).toBool())
            p.unconfirmed << kind;
    }
    p.notifications = NotificationSettings::load(settings, QDateTime::currentDateTimeUtc());
    return clamped(p);
}

void PreferencesStore::setPreferences(const Preferences &preferences)
{
    const Preferences p = clamped(preferences);
    const Preferences previous = this->preferences();
    QSettings settings;
    settings.setValue(SettingsKeys::theme, themeName(p.theme));
    settings.setValue(SettingsKeys::pollInterval, p.pollIntervalSeconds);
    settings.setValue(SettingsKeys::metricRetention, p.metricRetentionDays);
    settings.setValue(SettingsKeys::language, p.language);
    for (ActionKind kind : Preferences::optionalConfirmations())
        settings.setValue(confirmKey(kind), !p.unconfirmed.contains(kind));
    p.notifications.save(settings);
    if (p.theme != previous.theme)
        Theme::apply(p.theme);
    if (p != previous)
        emit changed(p);
}

QString PreferencesStore::localeName()
{
    const QString chosen = QSettings().value(SettingsKeys::language).toString();
    for (const auto &language : Preferences::languages()) {
        if (!chosen.isEmpty() && language.first == chosen)
            return chosen;
    }
    return QLocale::system().name();
}

void PreferencesStore::installTranslators(QCoreApplication *app)
{
    const QLocale locale(localeName());
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // The sources write plurals as "deployment(s)"; the English catalogue has the real forms. It goes
    // in first, so that the chosen language's catalogue (searched before it) wins where it has one.
    const QString english = QStringLiteral(":/i18n/capstan_en.qm");
    auto *plurals = new QTranslator(app);
    if (plurals->load(english))
        QCoreApplication::installTranslator(plurals);
    else
        delete plurals;
    auto *own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("capstan"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && own->filePath() != english)
        QCoreApplication::installTranslator(own);
    else
        delete own;
}

SessionOptions PreferencesStore::sessionOptions(SessionOptions base)
{
    const Preferences p = instance()->preferences();
    base.pollIntervalMs = p.pollIntervalSeconds * 1000;
    base.metricRetentionMs = qint64(p.metricRetentionDays) * 24 * 3600 * 1000;
    return base;
}

} // namespace capstan
