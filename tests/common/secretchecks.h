#pragma once

// For tests of what Capstan does with secrets: a home of the test's own for every file Capstan
// writes, the Secret Service asked directly (past Capstan and QtKeychain), the files that hold a
// secret, and the main window's banner text to read error messages in.

#include "ui/widgets/messagebanner.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>

namespace capstan::test {

// Points settings, data and cache at `home` and names the application as Capstan does. Call before
// anything reads a settings or data path.
inline void useHome(const QTemporaryDir &home)
{
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
    QCoreApplication::setApplicationName(QStringLiteral("capstan"));
}

// What the Secret Service holds under a key of Capstan's; empty when nothing.
inline QString secretToolLookup(const QString &key)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"),
                  {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                   QStringLiteral("io.github.capstan.Capstan")});
    if (!process.waitForFinished(10000))
        return QStringLiteral("<secret-tool did not answer>");
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The files below `dir` that hold any of `secrets`; `*count` (if given) the number of files read.
inline QStringList filesHolding(const QString &dir, const QList<QByteArray> &secrets, int *count = nullptr)
{
    QStringList found;
    int files = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            found << file.fileName() + QStringLiteral(" (unreadable)");
            continue;
        }
        ++files;
        const QByteArray content = file.readAll();
        if (std::any_of(secrets.cbegin(), secrets.cend(),
                        [&content](const QByteArray &secret) { return content.contains(secret); }))
            found << file.fileName();
    }
    if (count)
        *count = files;
    return found;
}

// The texts of the window's message banner while it is shown, else empty.
inline QString bannerText(const QWidget &window)
{
    auto *banner = window.findChild<MessageBanner *>();
    if (!banner || !banner->isVisible())
        return {};
    QStringList texts;
    for (auto *label : banner->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char(' '));
}

} // namespace capstan::test
