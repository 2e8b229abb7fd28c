#pragma once

// The notification server a test runs beside (tests/ui/with-notifications.sh): what dbus-monitor
// recorded of the calls to org.freedesktop.Notifications, and dunstctl to act as the user on what dunst
// shows (count, click, close).

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace capstan::test {

inline QString notificationLog()
{
    QFile file(qEnvironmentVariable("CAPSTAN_NOTIFY_LOG"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

inline QString dunstctl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("dunstctl"), arguments);
    process.waitForFinished(5000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace capstan::test
