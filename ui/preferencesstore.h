#pragma once

#include "session/clustersession.h"
#include "ui/preferences.h"

#include <QObject>

class QCoreApplication;

namespace capstan {

// The Preferences in the settings file (keys: ui/settingskeys.h). Everything that depends on a
// preference reads it here and follows changed(): themes, every window's sessions, confirmations.
class PreferencesStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesStore)

public:
    static PreferencesStore *instance();

    // Read from the settings each time, so it never disagrees with the file.
    Preferences preferences() const;
    // Writes them (values out of range are clamped), applies a new theme at once and emits
    // changed() when anything differs.
    void setPreferences(const Preferences &preferences);

    // The locale Capstan's texts are in: the chosen language, or the system's ("de_DE", "en", …).
    static QString localeName();
    // Loads Qt's and Capstan's translations (":/i18n/capstan_<lang>.qm") for localeName(); a
    // missing file leaves the texts in English. Call once at startup: the choice applies then.
    static void installTranslators(QCoreApplication *app);
    // `base` with the poll interval and metric retention of the preferences.
    static SessionOptions sessionOptions(SessionOptions base = {});

signals:
    void changed(const capstan::Preferences &preferences);

private:
    PreferencesStore() = default;
};

} // namespace capstan
