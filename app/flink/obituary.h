#pragma once

#include "flink/pod.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// The record of a container that died abnormally, or of a pod that disappeared while not
// Succeeded: TaskManager pods are never restarted and their logs vanish with them, so Capstan keeps
// what it knew in the local history (by deployment uid, with the Events' retention).
// One per termination: a JobManager container that restarts in place leaves one per restart.
struct Obituary
{
    QString key; // unique: "<pod uid>/<container>/<finishedAt ms>" (or "<pod uid>/gone")
    QString deploymentUid;
    QString ns;
    QString deployment; // the FlinkDeployment's name (label app)
    QString podName;
    QString podUid;
    PodComponent component = PodComponent::Other;
    QString container;
    QString node;
    QDateTime started; // the container's (else the pod's) start
    QDateTime ended; // finishedAt, or when the pod was seen gone
    QString reason; // OOMKilled, Error, Evicted, Deleted (gone without a termination record)
    int exitCode = -1; // -1: unknown (the pod disappeared before the kubelet reported one)
    QString message; // the kubelet's termination message, if any
    QString explanation; // translated, as PodProblem::explanation
    QStringList logTail; // up to the last 200 lines, fetched before the pod went where possible
    QString logSource; // where logTail came from (see LogReader::sourceName); empty: none fetched
    QString logError; // why no log could be fetched, when logTail is empty
    QString logCause; // logFailureCause(logTail): "ClassNotFoundException: com.example.Main"

    // For the Snapshots timeline and the metric charts: where the marker sits, and its label
    // ("taskmanager-1-2 OOMKilled (exit 137)").
    QDateTime markerTime() const { return ended; }
    QString markerLabel() const;

    bool operator==(const Obituary &) const = default;
};

// Obituaries of one open deployment: on opening, every recorded one (reset set); then each new one
// as it is recorded, and again when its log tail arrives (same key: replace).
struct ObituaryBatch
{
    QString deploymentUid;
    QList<Obituary> obituaries;
    bool reset = false;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Obituary)
Q_DECLARE_METATYPE(capstan::ObituaryBatch)
