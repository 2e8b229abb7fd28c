#pragma once

#include <QString>

namespace capstan {

// The operator's resources that run a Flink job and that Capstan lists, opens and acts on. Session jobs
// and blue/green deployments share a FlinkDeployment's job spec and most of its status, so one summary
// (Deployment) and one set of actions serve all three; where they differ, the kind says how.
enum class ResourceKind {
    FlinkDeployment,
    FlinkSessionJob, // a job submitted to the session cluster spec.deploymentName
    FlinkBlueGreenDeployment, // switches between two child FlinkDeployments (operator 1.12+)
};

// The API's kind ("FlinkSessionJob"); kinds this release does not know are FlinkDeployment.
QString resourceKindName(ResourceKind kind);
ResourceKind resourceKindFromName(const QString &name);

} // namespace capstan
