#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace capstan::sandbox {

// The API server's Table rendering of custom resources (Accept: application/json;as=Table;g=meta.k8s.io;
// v=v1), as kube-apiserver builds it from a CRD's additionalPrinterColumns: NAME, then each printer column
// (its jsonPath evaluated on the object, a "date" column as an age such as "5m"). `kubectl get
// flinksessionjobs` prints JOB STATUS and LIFECYCLE STATE from it, as against a real cluster.
class CustomResourceTable final
{
public:
    // The additionalPrinterColumns of the CRD serving `plural`; empty for a type without a CRD.
    static QJsonArray printerColumns(const QString &plural);
    // includeObject: "None", "Metadata" (the default) or "Object".
    static QJsonObject render(const QJsonArray &objects, const QJsonArray &printerColumns,
                              const QString &resourceVersion, const QString &includeObject, qint64 nowMs);
};

} // namespace capstan::sandbox
