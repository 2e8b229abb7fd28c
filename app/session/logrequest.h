#pragma once

#include "flink/pod.h"
#include "kube/logstream.h"

#include <QMetaType>
#include <QString>

namespace capstan {

// A log the logs viewer (or an obituary) asks for: one container of one pod of a deployment.
struct LogRequest
{
    QString ns;
    QString pod;
    // For the Flink REST fallback when pods/log is forbidden: the FlinkDeployment's name (its REST
    // service is "<deployment>-rest") and whether the pod is the JobManager or a TaskManager (in
    // native mode a TaskManager's id is its pod name).
    QString deployment;
    PodComponent component = PodComponent::Other;
    LogOptions options;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::LogRequest)
