#include "session/jobmanagerservice.h"

namespace capstan {

JobManagerService JobManagerService::ofDeployment(const QString &ns, const QString &name)
{
    return {ns, name + QStringLiteral("-rest"), QStringLiteral("rest")};
}

} // namespace capstan
