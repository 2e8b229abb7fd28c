#pragma once

#include "sandbox/operatorsimulation.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace capstan::sandbox {

class ResourceStore;
class VvpPlatform;

// The Application Manager REST API of a VvpPlatform: every path and method of Ververica Platform 2.4's
// API description (/api/v1/namespaces/{namespace}/deployments[/{name}], deployment-defaults,
// deployment-targets[/{name}], events, jobs[/{jobId}], savepoints[/{savepointId}],
// secret-values[/{name}], sessionclusters[/{name}], /api/v1/status[/system-info]) plus the
// platform's namespace list GET /namespaces/v1/namespaces. Bodies are JSON (application/json);
// PATCH bodies are merge patches. A method a path does not have gets 405, an unknown path or
// namespace 404, a body that is not a JSON object 400 — each with {"kind":"Error",…}.
//
// Authentication is the caller's business (the API server's proxy, or the sandbox's own port).
// Thread-safety: as VvpPlatform's.
class VvpApi final
{
public:
    explicit VvpApi(VvpPlatform &platform);

    // path is the request path on the platform ("/api/v1/…" or "api/v1/…").
    ProxyResponse handle(const QString &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                         const QByteArray &contentType = "application/json") const;

    // The Service and Namespace under which Ververica's Helm chart publishes the platform
    // (vvp/vvp-ververica-platform, port "http" 8080), written into the sandbox's store so clients
    // find it by the chart's labels.
    static void publishService(ResourceStore &store, qint64 nowMs);
    static QString serviceNamespace();
    static QString serviceName();

private:
    VvpPlatform &m_platform;
};

} // namespace capstan::sandbox
