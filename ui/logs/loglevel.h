#pragma once

#include <QStringView>

namespace capstan {

// The level of a log4j record ("2026-12-02 20:31:07,123 INFO  org.apache.flink… [] - msg"). Unknown for
// lines that are not a record's first line and for logs in another layout.
enum class LogLevel { Unknown, Trace, Debug, Info, Warn, Error };

// Bit of a level in LogModel's level filter; Trace counts as Debug.
int logLevelBit(LogLevel level);
// The level of a log4j layout line, or Unknown when the line does not start with "yyyy-MM-dd HH:mm:ss,SSS ".
// `levelStart`/`levelLength`, when given, receive where the level word is (for highlighting it).
LogLevel parseLogLevel(QStringView line, int *levelStart = nullptr, int *levelLength = nullptr);
// Whether the line continues a Java stack trace: "\tat …", "Caused by: …", "\t... 12 more", "Suppressed: …".
bool isStackTraceLine(QStringView line);

} // namespace capstan
