#include "ui/notify/autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace capstan {

QString Autostart::entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/io.github.capstan.Capstan.desktop");
}

QString Autostart::entryText(const QString &executable)
{
    // Exec quoting (Desktop Entry specification): a path with spaces or quotes is double-quoted, with
    // '"', '`', '$' and '\' escaped.
    QString program = executable;
    if (program.contains(QRegularExpression(QStringLiteral("[\\s\"'`$\\\\]")))) {
        program.replace(QLatin1Char('\\'), QStringLiteral("\\\\\\\\"));
        for (const char c : {'"', '`', '$'})
            program.replace(QLatin1Char(c), QStringLiteral("\\\\") + QLatin1Char(c));
        program = QLatin1Char('"') + program + QLatin1Char('"');
    }
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Capstan\n"
                          "Comment=Keeps watch over Flink deployments from the tray\n"
                          "Exec=%1 --tray\n"
                          "Icon=io.github.capstan.Capstan\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(program);
}

bool Autostart::apply(bool enabled, const QString &executable, QString *error)
{
    const QString path = entryPath();
    if (!enabled) {
        if (!QFileInfo::exists(path) || QFile::remove(path))
            return true;
        if (error)
            *error = QCoreApplication::translate("capstan::Autostart", "Could not remove %1.").arg(path);
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entryText(executable).toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("capstan::Autostart", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Autostart::isEnabled()
{
    return QFileInfo::exists(entryPath());
}

} // namespace capstan
