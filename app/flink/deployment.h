#pragma once

#include "flink/failurestatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// The state words operators know from Ververica Platform, derived from the operator's
// lifecycleState, jobStatus.state and spec.job.state.
enum class DisplayState { Running, Transitioning, Suspended, Cancelled, Failed, Finished, Unknown };

// A compact, immutable summary of one FlinkDeployment: what the list and header show. Built on the
// backend thread from the API object; cheap to copy (implicitly shared strings).
struct Deployment
{
    QString uid;
    QString name;
    QString ns;
    QString resourceVersion;
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    QDateTime created;

    QString lifecycleState; // status.lifecycleState (STABLE, UPGRADING, …)
    QString jobManagerStatus; // status.jobManagerDeploymentStatus
    QString jobState; // status.jobStatus.state (RUNNING, FAILED, RECONCILING, …)
    QString jobId;
    QString desiredState; // spec.job.state (running / suspended); empty for session clusters
    QString upgradeMode; // spec.job.upgradeMode
    int parallelism = 0; // spec.job.parallelism; 0 when unset
    QString flinkVersion; // spec.flinkVersion, e.g. v1_20
    QString image;
    QString error; // status.error, raw
    bool sessionCluster = false; // no spec.job
    bool haEnabled = false; // high-availability.type kubernetes (or the legacy factory class)
    bool checkpointsEnabled = false; // a checkpoint interval and directory: last-state has something to restore
    bool hasLastStableSpec = false; // status.reconciliationStatus.lastStableSpec: a rollback target exists
    QDateTime jobStartTime; // status.jobStatus.startTime

    // Observed by the session, not part of the object:
    FailureStatus failure;
    QDateTime lastSnapshot; // the latest completed savepoint or checkpoint known

    // "namespace/name": how settings, pins and snapshots' job references name a deployment.
    QString key() const { return keyOf(ns, name); }
    static QString keyOf(const QString &ns, const QString &name) { return ns + QLatin1Char('/') + name; }
    // spec.job.state is suspended: what Start and Suspend change.
    bool suspended() const { return desiredState == QLatin1String("suspended"); }

    DisplayState displayState() const;
    static QString displayStateName(DisplayState state); // untranslated English word

    static Deployment fromJson(const QJsonObject &object);
};

struct DeploymentBatch
{
    QList<Deployment> upserted;
    QStringList removed; // uids
    bool resynced = false;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Deployment)
Q_DECLARE_METATYPE(capstan::DeploymentBatch)
