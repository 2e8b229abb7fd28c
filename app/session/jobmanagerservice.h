#pragma once

#include <QString>

namespace capstan {

// Where a Flink JobManager's REST API answers: a Service of the cluster, reached through the API
// server's service proxy. The operator's deployments have "<name>-rest" (port "rest"); a Ververica
// Platform's jobs have a Service the platform labels with the deployment and job (see
// VvpJobManagers). An empty service: not known (yet).
struct JobManagerService
{
    QString ns;
    QString service;
    QString port = QStringLiteral("rest"); // port name or number

    bool isValid() const { return !ns.isEmpty() && !service.isEmpty(); }
    bool operator==(const JobManagerService &other) const = default;

    // The Flink Kubernetes Operator's REST Service of deployment `name`.
    static JobManagerService ofDeployment(const QString &ns, const QString &name);
};

} // namespace capstan
