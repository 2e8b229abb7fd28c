#pragma once

#include "notify/notificationsettings.h"

#include <QString>

// Every key Capstan keeps in its settings file (QSettings: ~/.config/Capstan/capstan.conf on Linux),
// in one place so that none is read under one name and written under another.
// PreferencesStore, SessionSettings and RememberedPlatforms are the only code that reads or writes them.
namespace capstan::SettingsKeys {

// Preferences (ui/preferencesstore.cpp).
inline constexpr QLatin1String theme("ui/theme"); // "system" | "light" | "dark"
inline constexpr QLatin1String language("ui/language"); // "" (system) | "en" | "de"; read at startup
inline constexpr QLatin1String pollInterval("metrics/pollIntervalSeconds"); // 1–60, default 5
inline constexpr QLatin1String metricRetention("metrics/retentionDays"); // 1–365, default 7
// Whether an action asks before it runs: confirm/<kind> (see Preferences::confirmationKey), bool.
inline constexpr QLatin1String confirmGroup("confirm");
// Notifications (NotificationSettings::load/save, which documents the keys under this group): rules,
// thresholds, mutes and pins. The core names them; these are the same keys.
inline constexpr QLatin1String notificationsGroup = NotificationSettings::group;
// Keep running in the tray when the main window is closed (bool, default false).
inline constexpr QLatin1String closeToTray = NotificationSettings::closeToTrayKey; // "notifications/closeToTray"
// Start minimized to the tray at login (bool, default false); the autostart file follows it.
inline constexpr QLatin1String startInTray = NotificationSettings::startInTrayKey; // "notifications/startInTray"

// Window layout (SessionSettings::windowLayout, a WindowLayout from MainWindow and DeploymentPage),
// written when a window closes.
inline constexpr QLatin1String windowGeometry("window/geometry");
inline constexpr QLatin1String windowState("window/state"); // toolbars and the Activity dock
inline constexpr QLatin1String splitterState("window/splitter"); // list above, page below
inline constexpr QLatin1String deploymentHeader("window/deploymentHeader"); // columns of the list
inline constexpr QLatin1String pageTab("page/tab");
inline constexpr QLatin1String eventsHeader("page/eventsHeader");
inline constexpr QLatin1String snapshotsHeader("page/snapshotsHeader");
inline constexpr QLatin1String jobsHeader("page/jobsHeader");

// Where the last window was (SessionSettings::lastSession): opened again when Capstan starts without
// --context.
inline constexpr QLatin1String lastContext("session/lastContext");
inline constexpr QLatin1String lastNamespace("session/lastNamespace"); // "*" for all namespaces

// Metric history source per context (SessionSettings::prometheus): prometheus/<base64url(context)>/
// url | namespace | service | port | username. Its token and password live in the keychain only.
inline constexpr QLatin1String prometheusGroup("prometheus");
// Pinned deployments per context (SessionSettings::pinned), whose metrics are collected while closed:
// pinned/<base64url(context)> = ["namespace/name", …].
inline constexpr QLatin1String pinnedGroup("pinned");
// Ververica Platforms connected to by hand (RememberedPlatforms), offered again at the next start: an
// array platforms/<i>/name | context | kind ("url" | "service") | url | namespace | service | port.
// Their API tokens live in the keychain only.
inline constexpr QLatin1String platformsGroup("platforms");

} // namespace capstan::SettingsKeys
