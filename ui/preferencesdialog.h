#pragma once

#include "ui/preferences.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace capstan {

// Edit → Preferences: theme, language, metric polling and retention, and which actions ask first.
// Shows and returns values only; the caller stores them (PreferencesStore).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;

private:
    QComboBox *m_theme;
    QComboBox *m_language;
    QSpinBox *m_pollInterval;
    QSpinBox *m_retention;
    QHash<int, QCheckBox *> m_confirm; // by ActionKind
};

} // namespace capstan
