#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace capstan {

// How the operator reacts to a spec change (the operator's change classes, DESIGN §6).
enum class ChangeClass {
    None, // nothing changed
    Ignore, // only upgradeMode, initialSavepointPath, allowNonRestoredState, kubernetes.operator.*,
            // job.autoscaler.* (or state-only fields handled elsewhere): nothing restarts
    Scale, // only parallelism / TaskManager replicas changed
    Upgrade, // anything else: the job is suspended per upgradeMode and redeployed
    SavepointRedeploy, // savepointRedeployNonce changed with initialSavepointPath: redeploy from that savepoint
    Restart, // only restartNonce changed
    StateChange, // only job.state changed (suspend / resume)
};

struct SpecChange
{
    QString path; // "job.parallelism", "flinkConfiguration.\"state.savepoints.dir\""
    QJsonValue before; // Undefined when added
    QJsonValue after; // Undefined when removed
};

class SpecDiff final
{
public:
    // Leaf-level differences in a stable order (keys sorted, arrays compared whole).
    static QList<SpecChange> diff(const QJsonObject &before, const QJsonObject &after);
    static ChangeClass classify(const QJsonObject &before, const QJsonObject &after);
    // Deep equality that, like the API server, does not tell 1 from 1.0.
    static bool equal(const QJsonObject &a, const QJsonObject &b);
};

} // namespace capstan
