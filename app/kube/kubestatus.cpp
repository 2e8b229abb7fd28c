#include "kube/kubestatus.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace capstan {

QString KubeStatus::reasonForCode(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Expired");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 500:
        return QStringLiteral("InternalError");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return httpStatus >= 500 ? QStringLiteral("InternalError") : QStringLiteral("Unknown");
    }
}

Error KubeStatus::fromStatusObject(const QJsonObject &status)
{
    Error e;
    e.httpStatus = status.value(QLatin1String("code")).toInt();
    e.reason = status.value(QLatin1String("reason")).toString();
    if (e.reason.isEmpty())
        e.reason = reasonForCode(e.httpStatus);
    e.message = status.value(QLatin1String("message")).toString();
    if (e.message.isEmpty())
        e.message = QStringLiteral("The API server answered %1 %2.").arg(e.httpStatus).arg(e.reason);
    const QJsonObject details = status.value(QLatin1String("details")).toObject();
    const QJsonArray causes = details.value(QLatin1String("causes")).toArray();
    for (const QJsonValue &v : causes) {
        const QJsonObject c = v.toObject();
        e.causes.append({c.value(QLatin1String("field")).toString(), c.value(QLatin1String("message")).toString(),
                         c.value(QLatin1String("reason")).toString()});
    }
    if (!e.causes.isEmpty())
        e.field = e.causes.first().field;
    const int retry = details.value(QLatin1String("retryAfterSeconds")).toInt(-1);
    if (retry >= 0)
        e.retryAfterSeconds = retry;
    return e;
}

Error KubeStatus::fromHttp(int httpStatus, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()
        && doc.object().value(QLatin1String("kind")).toString() == QLatin1String("Status")) {
        Error e = fromStatusObject(doc.object());
        e.httpStatus = httpStatus; // the HTTP code is authoritative when the body disagrees
        return e;
    }
    Error e;
    e.httpStatus = httpStatus;
    e.reason = reasonForCode(httpStatus);
    const bool looksHtml = body.trimmed().startsWith('<');
    // Another API's error object with a message of its own (Ververica Platform's {"kind": "Error",
    // "reason", "message"}, a Spring application's {"error", "message"}): its message, not its JSON.
    const QString otherMessage = parseError.error == QJsonParseError::NoError && doc.isObject()
        ? doc.object().value(QLatin1String("message")).toString()
        : QString();
    if (!otherMessage.isEmpty()) {
        const QString reason = doc.object().value(QLatin1String("reason")).toString();
        if (!reason.isEmpty())
            e.reason = reason;
        e.message = QStringLiteral("The server answered %1 %2: %3").arg(httpStatus).arg(e.reason, otherMessage);
    } else if (looksHtml) {
        e.message = QStringLiteral("The server answered %1 with an HTML page instead of a Kubernetes API response. "
                                   "Check that the context's server URL points at the API server, not a proxy "
                                   "or web page.")
                        .arg(httpStatus);
    } else if (body.isEmpty()) {
        e.message = QStringLiteral("The API server answered %1 %2 with no details.").arg(httpStatus).arg(e.reason);
    } else {
        e.message = QStringLiteral("The API server answered %1 %2: %3")
                        .arg(httpStatus)
                        .arg(e.reason, QString::fromUtf8(body.left(300)).simplified());
    }
    return e;
}

Error KubeStatus::fromTransport(const QString &what, const QString &detail)
{
    Error e;
    e.reason = QStringLiteral("ConnectionFailed");
    e.message = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    return e;
}

} // namespace capstan
