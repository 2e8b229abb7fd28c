#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// The state of one container (core/v1 ContainerState): at most one of waiting, running and
// terminated is set by the kubelet.
struct ContainerState
{
    enum class Kind { None, Waiting, Running, Terminated };

    Kind kind = Kind::None;
    QString reason; // waiting: CrashLoopBackOff, ImagePullBackOff, …; terminated: OOMKilled, Error, Completed
    QString message;
    int exitCode = 0; // terminated only
    int signal = 0; // terminated only; 0 when not killed by a signal
    QDateTime startedAt; // running and terminated
    QDateTime finishedAt; // terminated

    bool isWaiting() const { return kind == Kind::Waiting; }
    bool isRunning() const { return kind == Kind::Running; }
    bool isTerminated() const { return kind == Kind::Terminated; }
    // Terminated with a reason other than Completed, or a non-zero exit code.
    bool isAbnormal() const;

    static ContainerState fromJson(const QJsonObject &state);
    bool operator==(const ContainerState &) const = default;
};

// One entry of status.containerStatuses or status.initContainerStatuses.
struct ContainerStatus
{
    QString name;
    bool ready = false;
    bool init = false; // an init container
    int restartCount = 0;
    ContainerState state;
    ContainerState lastState; // the previous run (kubectl logs --previous); Kind::None when none

    static ContainerStatus fromJson(const QJsonObject &status, bool init = false);
    bool operator==(const ContainerStatus &) const = default;
};

enum class PodComponent { Other, JobManager, TaskManager };

// A compact summary of one pod of a Flink deployment, parsed once on the backend thread from the
// core/v1 Pod object. Only these fields are kept (a session holds one per pod in scope, thousands
// of them); the object itself is dropped. Cheap to copy.
struct Pod
{
    static const QString mainContainerName; // flink-main-container

    QString uid;
    QString name;
    QString ns;
    QString resourceVersion;
    PodComponent component = PodComponent::Other; // label component
    QString deployment; // label app: the FlinkDeployment's name
    bool standalone = false; // label type=flink-standalone-kubernetes
    QString phase; // Pending, Running, Succeeded, Failed, Unknown
    QString reason; // status.reason (Evicted, …)
    QString message; // status.message
    bool ready = false; // condition Ready
    // condition PodScheduled False: its reason (Unschedulable) and message ("0/3 nodes are available: …")
    QString unschedulableReason;
    QString unschedulableMessage;
    QString node; // spec.nodeName
    QDateTime created;
    QDateTime startTime; // status.startTime
    QDateTime deletionTime; // metadata.deletionTimestamp: terminating
    QList<ContainerStatus> containers;
    QList<ContainerStatus> initContainers;

    // "namespace/name" of the FlinkDeployment this pod belongs to (Deployment::key()).
    QString deploymentKey() const;
    bool isTerminating() const { return deletionTime.isValid(); }
    // flink-main-container, else the first container; null when the kubelet reported none yet.
    const ContainerStatus *mainContainer() const;
    const ContainerStatus *container(const QString &name) const;
    int restarts() const; // of all (non-init) containers
    QStringList containerNames() const; // init containers first, as kubectl lists them

    static Pod fromJson(const QJsonObject &object);
    bool operator==(const Pod &) const = default;

    // The labelSelector of the session's pod informer: every Flink pod, native and standalone.
    static QString flinkPodSelector();
};

// What is wrong with a pod or container, said so that a person can act on it. Severity orders the
// findings of one pod: the first one is what the Pods tab shows.
struct PodProblem
{
    enum class Severity { None, Info, Warning, Error };
    Severity severity = Severity::None;
    QString container; // empty for pod-level problems (scheduling, eviction)
    QString reason; // the Kubernetes word: OOMKilled, CrashLoopBackOff, Unschedulable, …
    int exitCode = -1; // -1: not a termination
    QString explanation; // one or two sentences, translated: what happened and what to do

    bool isNull() const { return severity == Severity::None; }
};

// Explains one container state (current or last) of a pod of `component`. A null problem for a
// running container or a normal completion.
PodProblem explainContainerState(const ContainerState &state, PodComponent component, const QString &container = {});
// The most important problem of the pod: scheduling, eviction, then the main container's waiting
// state, its last abnormal termination, then other containers. Null when the pod is healthy.
PodProblem diagnosePod(const Pod &pod);

// The lines of a log that say why a JVM died: the last "Caused by:" (or exception line) in short
// form, e.g. "ClassNotFoundException: com.example.Main". Empty when none is found.
QString logFailureCause(const QStringList &lines);

// Pods of one deployment for its page (the Pods tab): the first batch after opening has reset set
// and lists every pod; later ones carry changes. Removed pods are gone from the API server; their
// obituaries (if they died abnormally) arrive through ObituaryBatch.
struct PodBatch
{
    QString deploymentUid;
    QList<Pod> upserted;
    QStringList removed; // pod uids
    bool reset = false;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Pod)
Q_DECLARE_METATYPE(capstan::PodBatch)
Q_DECLARE_METATYPE(capstan::PodProblem)
