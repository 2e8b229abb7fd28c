#include "ui/logs/loglevel.h"

#include <QLatin1String>
#include <QString>

namespace capstan {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

} // namespace

int logLevelBit(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
    case LogLevel::Debug:
        return 1;
    case LogLevel::Info:
        return 2;
    case LogLevel::Warn:
        return 4;
    case LogLevel::Error:
        return 8;
    case LogLevel::Unknown:
        break;
    }
    return 0;
}

LogLevel parseLogLevel(QStringView line, int *levelStart, int *levelLength)
{
    // Checked by hand, not by a regular expression: this runs for every line of a followed log.
    constexpr int TimestampLength = 23; // 2026-12-02 20:31:07,123
    if (line.size() < TimestampLength + 2 || line.at(4) != QLatin1Char('-') || line.at(7) != QLatin1Char('-')
        || line.at(10) != QLatin1Char(' ') || line.at(13) != QLatin1Char(':') || line.at(16) != QLatin1Char(':')
        || (line.at(19) != QLatin1Char(',') && line.at(19) != QLatin1Char('.')) || !isDigit(line.at(0))
        || !isDigit(line.at(22)))
        return LogLevel::Unknown;
    int start = TimestampLength;
    while (start < line.size() && line.at(start) == QLatin1Char(' '))
        ++start;
    int end = start;
    while (end < line.size() && end - start < 6 && line.at(end).isLetter())
        ++end;
    const QStringView word = line.mid(start, end - start);
    LogLevel level = LogLevel::Unknown;
    if (word == QLatin1String("INFO"))
        level = LogLevel::Info;
    else if (word == QLatin1String("WARN") || word == QLatin1String("WARNING"))
        level = LogLevel::Warn;
    else if (word == QLatin1String("ERROR") || word == QLatin1String("FATAL"))
        level = LogLevel::Error;
    else if (word == QLatin1String("DEBUG"))
        level = LogLevel::Debug;
    else if (word == QLatin1String("TRACE"))
        level = LogLevel::Trace;
    if (level != LogLevel::Unknown) {
        if (levelStart)
            *levelStart = start;
        if (levelLength)
            *levelLength = end - start;
    }
    return level;
}

bool isStackTraceLine(QStringView line)
{
    int i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char('\t') || line.at(i) == QLatin1Char(' ')))
        ++i;
    const QStringView rest = line.mid(i);
    if (i > 0)
        return rest.startsWith(QLatin1String("at ")) || rest.startsWith(QLatin1String("... "))
            || rest.startsWith(QLatin1String("Caused by: ")) || rest.startsWith(QLatin1String("Suppressed: "));
    return rest.startsWith(QLatin1String("Caused by: "));
}

} // namespace capstan
