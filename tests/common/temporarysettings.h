#pragma once

// Points QSettings at a fresh directory for the test's lifetime, so tests never read or write the
// user's settings or each other's.

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

namespace capstan::test {

class TemporarySettings
{
public:
    TemporarySettings()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
        QCoreApplication::setApplicationName(QStringLiteral("capstan"));
        for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, dir.path());
        QSettings().clear();
    }

    QString fileName() const { return QSettings().fileName(); }

    QTemporaryDir dir;
};

} // namespace capstan::test
