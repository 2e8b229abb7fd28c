#pragma once

#include <QMetaType>
#include <QString>

namespace capstan {

// Where a context's metric history lives in Prometheus: a URL, or a Service reached through the API
// server's proxy. Credentials are values passed along, never written to settings or logs.
struct PrometheusConfig
{
    QString url; // direct: http(s)://host:port[/prefix]
    QString ns; // through the API server: the Service's namespace,
    QString service; //   name
    QString port; //   and port (name or number)
    QString bearerToken;
    QString username;
    QString password;

    bool viaProxy() const { return url.isEmpty() && !service.isEmpty(); }
    bool isSet() const { return !url.isEmpty() || !service.isEmpty(); }
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::PrometheusConfig)
