#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// A failure described for people: what failed, where (file/line/column or API field) and, for
// Kubernetes answers, the HTTP status and the API server's reason. The core never shows errors;
// it returns them and the UI decides the tier (banner, activity panel, modal).
struct Error
{
    struct Cause
    {
        QString field;
        QString message;
        QString reason;
        bool operator==(const Cause &) const = default;
    };

    int httpStatus = 0; // 0 when no HTTP exchange was involved
    QString reason; // Kubernetes Status.reason (NotFound, Conflict, Expired, …) or a local code
    QString message; // one sentence, says what to do where possible
    QList<Cause> causes; // Status.details.causes
    QString file; // for configuration errors
    int line = 0; // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString field; // e.g. "users[alice].client-key-data"
    int retryAfterSeconds = -1;

    static Error make(const QString &reason, const QString &message);
    static Error inFile(const QString &file, int line, const QString &field, const QString &message);

    // An error was set (a default-constructed Error means none).
    bool isSet() const { return !reason.isEmpty() || !message.isEmpty() || httpStatus != 0; }
    bool isConflict() const { return httpStatus == 409; }
    bool isExpired() const
    {
        return httpStatus == 410 || reason == QLatin1String("Expired") || reason == QLatin1String("Gone");
    }
    bool isRetryable() const;

    // "file:line: field: message" or "HTTP 409 Conflict: message", for logs and the activity panel.
    QString toString() const;
    bool operator==(const Error &) const = default;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Error)
