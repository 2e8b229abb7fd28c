#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// One core/v1 Event about a Flink resource, as the list and the Events tab show it.
struct ClusterEvent
{
    QString uid;
    QString ns;
    QString type; // Normal, Warning
    QString reason; // Submit, SpecChanged, JobException, …
    QString message;
    int count = 1;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp;
    QString source; // source.component (or reportingController)
    QString involvedKind;
    QString involvedName;
    QString involvedUid;
    QString resourceVersion;

    bool isWarning() const { return type == QLatin1String("Warning"); }
    // When it last happened: lastTimestamp, or firstTimestamp for an Event recorded once without it.
    QDateTime latestTime() const { return lastTimestamp.isValid() ? lastTimestamp : firstTimestamp; }
    // Reasons that mean the job restarted or is failing (the operator's and Kubernetes').
    bool isRestartSignal() const;

    static ClusterEvent fromJson(const QJsonObject &object);
};

struct EventBatch
{
    QString deploymentUid; // empty for namespace-wide batches
    QList<ClusterEvent> upserted;
    QStringList removed;
    bool reset = false; // replace everything shown so far
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::ClusterEvent)
Q_DECLARE_METATYPE(capstan::EventBatch)
