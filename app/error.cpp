#include "error.h"

#include <QStringList>

namespace capstan {

Error Error::make(const QString &reason, const QString &message)
{
    Error e;
    e.reason = reason;
    e.message = message;
    return e;
}

Error Error::inFile(const QString &file, int line, const QString &field, const QString &message)
{
    Error e;
    e.reason = QStringLiteral("InvalidConfiguration");
    e.file = file;
    e.line = line;
    e.field = field;
    e.message = message;
    return e;
}

bool Error::isRetryable() const
{
    // 0 = transport failure (connection refused, reset, TLS handshake interrupted).
    return httpStatus == 0 || httpStatus == 429 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503
        || httpStatus == 504;
}

QString Error::toString() const
{
    QStringList parts;
    if (!file.isEmpty())
        parts << (line > 0 ? file + QLatin1Char(':') + QString::number(line) : file);
    if (httpStatus > 0)
        parts << QStringLiteral("HTTP %1 %2").arg(httpStatus).arg(reason);
    if (!field.isEmpty())
        parts << field;
    QString text = parts.join(QStringLiteral(": "));
    if (!text.isEmpty())
        text += QStringLiteral(": ");
    text += message;
    for (const Cause &c : causes)
        text += QStringLiteral("\n  %1: %2").arg(c.field, c.message);
    return text;
}

} // namespace capstan
