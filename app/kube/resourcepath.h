#pragma once

#include "flink/resourcekind.h"

#include <QString>

namespace capstan {

// Builds API paths. Namespaces and names are percent-encoded; an empty namespace means all namespaces.
struct ResourceType
{
    QString group; // empty for core/v1
    QString version;
    QString plural;
    QString kind;
    bool namespaced = true;

    static ResourceType flinkDeployments();
    static ResourceType flinkSessionJobs();
    static ResourceType flinkBlueGreenDeployments();
    static ResourceType of(ResourceKind kind);
    static ResourceType flinkStateSnapshots();
    static ResourceType events();
    static ResourceType pods();
    static ResourceType namespaces();

    QString apiVersion() const; // "flink.apache.org/v1beta1" or "v1"
    QString collectionPath(const QString &ns = {}) const; // …/namespaces/<ns>/<plural> or …/<plural>
    QString objectPath(const QString &ns, const QString &name) const;
};

// /api/v1/namespaces/<ns>/services/<service>:<port>/proxy/<path> — reaches a Service (e.g. the
// JobManager's "<deployment>-rest" service, port "rest") through the API server.
QString serviceProxyPath(const QString &ns, const QString &service, const QString &port, const QString &path);

} // namespace capstan
