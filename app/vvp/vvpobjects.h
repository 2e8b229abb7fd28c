#pragma once

#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/snapshot.h"
#include "session/historystore.h"

#include <QJsonObject>
#include <QList>

namespace capstan {

// Ververica Platform's Application Manager objects (API v1) read into the value types every view of
// Capstan shows, so that a platform's Deployments, Events, Savepoints and Jobs appear in the same
// list, page and tabs as the operator's resources:
//   Deployment  → Deployment: the platform's status.state is the state shown as it is (the platform
//                 says RUNNING / TRANSITIONING / FAILED … itself); upgrade and restore strategy as written
//   Event       → ClusterEvent: its name as the reason, Warning for the names that report a failure
//   Savepoint   → Snapshot: origin as trigger, RETAINED_CHECKPOINT as a CHECKPOINT
//   Job         → JobRun: every job the deployment ran, with its start, end and state
class VvpObjects final
{
public:
    static Deployment deployment(const QJsonObject &object);
    // A platform's Deployment (API v1, a template in its spec) rather than a FlinkDeployment.
    static bool isPlatformDeployment(const QJsonObject &object);
    // The summary of either kind of object.
    static Deployment summaryOf(const QJsonObject &object);
    static ClusterEvent event(const QJsonObject &object);
    static Snapshot savepoint(const QJsonObject &object);
    static JobRun job(const QJsonObject &object);
    // The items of a ResourceListOf… answer.
    static QList<QJsonObject> items(const QJsonObject &list);
    // Event names that report a failure (shown as warnings, and as restart signals when a job failed).
    static bool isFailureEvent(const QString &name);
};

} // namespace capstan
