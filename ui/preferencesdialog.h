#pragma once

#include "ui/preferences.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QWidget;

namespace capstan {

// Edit → Preferences: theme, language, metric polling and retention, and which actions ask first
// (General); notification rules with their thresholds, the tray, and mutes and pins (Notifications).
// Shows and returns values only; the caller stores them (PreferencesStore).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;

private:
    QWidget *notificationsPage(const NotificationSettings &settings);
    void fillScopes();
    void removeSelectedScopes();

    QComboBox *m_theme;
    QComboBox *m_language;
    QSpinBox *m_pollInterval;
    QSpinBox *m_retention;
    QHash<int, QCheckBox *> m_confirm; // by ActionKind
    QHash<int, QCheckBox *> m_rules; // by NotificationRule
    QSpinBox *m_noCheckpointMinutes = nullptr;
    QSpinBox *m_unreachableMinutes = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_startInTray = nullptr;
    QTableWidget *m_scopes = nullptr;
    QPushButton *m_removeScope = nullptr;
    // The mutes and pins as edited (Remove takes them out); rules and tray come from the widgets.
    NotificationSettings m_notifications;
};

} // namespace capstan
