#pragma once

#include "actions/actionrequest.h"
#include "notify/notificationsettings.h"

#include <QList>
#include <QString>

namespace capstan {

enum class ThemeChoice { System, Light, Dark };

// What the user chose in Preferences; PreferencesStore reads and writes it.
struct Preferences
{
    ThemeChoice theme = ThemeChoice::System;
    int pollIntervalSeconds = 5;
    int metricRetentionDays = 7;
    QString language; // empty: the system's; otherwise "en" or "de"
    // Kinds whose confirmation the user switched off (only kinds in optionalConfirmations()).
    QList<ActionKind> unconfirmed;
    // Notification rules, thresholds, mutes and pins, and the tray (the Notifications page).
    NotificationSettings notifications;

    static constexpr int MinPollIntervalSeconds = 1;
    static constexpr int MaxPollIntervalSeconds = 60;
    static constexpr int MinRetentionDays = 1;
    static constexpr int MaxRetentionDays = 365;

    // Whether the action asks before it runs.
    bool confirms(ActionKind kind) const;
    // The confirmations a user may switch off. Delete and Cancel with Discard State are not among
    // them: both lose the job's state for good, so a stray shortcut must never run them unasked.
    static QList<ActionKind> optionalConfirmations();
    // The confirmations that are always shown.
    static QList<ActionKind> requiredConfirmations();
    // The settings key of a kind's confirmation under SettingsKeys::confirmGroup.
    static QString confirmationKey(ActionKind kind);
    // The languages offered: locale name ("" for the system's) and its name in that language.
    static QList<std::pair<QString, QString>> languages();

    // Written out for sameElements (sameelements.h).
    friend bool operator==(const Preferences &, const Preferences &);
};

} // namespace capstan
