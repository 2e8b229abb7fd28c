#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace capstan::sandbox {

// The API server's Table rendering of pods (Accept: application/json;as=Table;g=meta.k8s.io;v=v1), the
// columns `kubectl get pods` prints: NAME, READY, STATUS (a container's waiting or terminated reason,
// Terminating), RESTARTS ("3 (2m ago)"), AGE, and with -o wide IP, NODE, NOMINATED NODE, READINESS GATES.
class PodTable final
{
public:
    // includeObject: "None", "Metadata" (the default) or "Object".
    static QJsonObject render(const QJsonArray &pods, const QString &resourceVersion, const QString &includeObject,
                              qint64 nowMs);
    // Kubernetes' duration.HumanDuration: "45s", "3m20s", "5h", "12d".
    static QString humanDuration(qint64 ms);
};

} // namespace capstan::sandbox
