#include "flink/resourcekind.h"

namespace capstan {

QString resourceKindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::FlinkSessionJob:
        return QStringLiteral("FlinkSessionJob");
    case ResourceKind::FlinkBlueGreenDeployment:
        return QStringLiteral("FlinkBlueGreenDeployment");
    case ResourceKind::FlinkDeployment:
        break;
    }
    return QStringLiteral("FlinkDeployment");
}

ResourceKind resourceKindFromName(const QString &name)
{
    if (name == QLatin1String("FlinkSessionJob"))
        return ResourceKind::FlinkSessionJob;
    if (name == QLatin1String("FlinkBlueGreenDeployment"))
        return ResourceKind::FlinkBlueGreenDeployment;
    return ResourceKind::FlinkDeployment;
}

} // namespace capstan
