#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonObject>

namespace capstan {

// Maps API server answers to Error values, as the API server shapes them (kind: Status).
class KubeStatus final
{
public:
    // From an HTTP answer: uses the Status body when there is one, else a sentence built from the
    // status code (an HTML error page from a proxy is summarised, never echoed whole).
    static Error fromHttp(int httpStatus, const QByteArray &body);

    // From a Status object, e.g. the object of a watch ERROR event.
    static Error fromStatusObject(const QJsonObject &status);

    // A transport failure (no HTTP status): connection refused, TLS failure, timeout.
    static Error fromTransport(const QString &what, const QString &detail);

    static QString reasonForCode(int httpStatus);
};

} // namespace capstan
