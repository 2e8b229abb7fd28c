#pragma once

#include "kube/kubeconfig.h"

#include <QByteArray>
#include <QJsonObject>

namespace capstan {

// The machine-readable summary printed by `capstan --list-contexts`:
// {"currentContext": "<name or empty>",
//  "contexts": [{"name", "cluster", "server" (null if the cluster entry is missing), "user",
//                "namespace" ("" when unset), "auth", "current"}]}
// Contexts appear in merge order (first definition across files).
class ContextListing final
{
public:
    static QJsonObject toJson(const KubeConfig &config);
    static QByteArray toJsonText(const KubeConfig &config);
};

} // namespace capstan
