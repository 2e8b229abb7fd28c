#pragma once

#include <QString>

namespace capstan {

// "Start minimized to the tray at login": an XDG autostart entry ($XDG_CONFIG_HOME/autostart, the
// freedesktop Desktop Application Autostart specification) that starts Capstan with --tray.
class Autostart final
{
public:
    static QString entryPath();
    // The entry's text: the installed desktop entry's, started in the tray.
    static QString entryText(const QString &executable);
    // Writes or removes the entry; false with *error when the file cannot be written or removed.
    // Blocking file I/O: call it off the GUI thread.
    static bool apply(bool enabled, const QString &executable, QString *error = nullptr);
    static bool isEnabled();
};

} // namespace capstan
