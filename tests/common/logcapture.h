#pragma once

// Keeps every message the process logs, debug included (capstan.* debug categories switched on),
// so a test can look for secrets in them afterwards. Debug lines are kept only; the rest also go
// to the previous handler. One capture at a time.

#include <QLoggingCategory>
#include <QMutex>
#include <QStringList>

namespace capstan::test {

class LogCapture
{
public:
    LogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("capstan.*=true"));
        s_previous = qInstallMessageHandler(&LogCapture::capture);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    static QStringList lines()
    {
        const QMutexLocker locker(&s_mutex);
        return s_lines;
    }

private:
    static void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            const QMutexLocker locker(&s_mutex);
            s_lines << message;
        }
        if (type != QtDebugMsg && s_previous)
            s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace capstan::test
