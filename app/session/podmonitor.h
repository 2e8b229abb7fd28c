#pragma once

#include "flink/obituary.h"
#include "flink/pod.h"
#include "kube/informer.h"
#include "session/logrequest.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace capstan {

class HistoryStore;
class KubeClient;
class LogReader;

// The pods of every FlinkDeployment in scope, fed by the session's one pod informer, in compact
// form (Pod, by uid, indexed by "namespace/deployment"). Writes obituaries: when a container of a
// Flink pod terminates abnormally, or a pod disappears while not Succeeded, it records what it knew
// in the history store and fetches the container's last log lines — at the first abnormal
// termination, before the pod is deleted where the API allows, at most `maxFetches` at a time.
// Lives on the session's backend thread.
class PodMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodMonitor)

public:
    // Finds the uid of a FlinkDeployment by "namespace/name"; empty when not (yet) known.
    using UidResolver = std::function<QString(const QString &deploymentKey)>;

    // Whether the deployment "namespace/name" is being stopped or replaced on purpose (suspended, upgrading,
    // rolling back, deleted): its pods then go without an obituary.
    using TeardownCheck = std::function<bool(const QString &deploymentKey)>;

    // Does not own client or history (history may be null: obituaries are then only signalled).
    PodMonitor(KubeClient *client, HistoryStore *history, UidResolver resolveUid, QObject *parent = nullptr);
    ~PodMonitor() override;

    static constexpr int logTailLines = 200;
    void setMaxFetches(int n) { m_maxFetches = n; }
    void setTeardownCheck(TeardownCheck check) { m_tearingDown = std::move(check); }
    int maxFetches() const { return m_maxFetches; }
    int fetchesRunning() const { return static_cast<int>(m_running.size()); }

    // Applies a batch of the pod informer. `now` stamps disappearances (the cluster's clock).
    void apply(const InformerBatch &batch, const QDateTime &now);
    // Drops everything (namespace switch).
    void clear();

    QList<Pod> podsOf(const QString &deploymentKey) const;
    qsizetype size() const { return m_pods.size(); }
    // Deployments ("namespace/name") with at least one pod.
    QStringList deploymentKeys() const { return m_byDeployment.keys(); }

signals:
    // The pods of one deployment changed (uids of removed pods in `removed`).
    void podsChanged(const QString &deploymentKey, const QList<capstan::Pod> &upserted, const QStringList &removed);
    // A new obituary, or one completed with its log tail (same key).
    void obituary(const capstan::Obituary &obituary);

private:
    struct Fetch
    {
        Obituary obituary;
        LogRequest request;
    };
    void observe(const Pod &previous, const Pod &pod, bool known, const QDateTime &now);
    void bury(const Pod &pod, const QDateTime &now);
    // A pod going with the rest of its cluster: the operator stopping or replacing it, or a TaskManager
    // whose JobManager is going too.
    bool goesWithItsCluster(const Pod &pod) const;
    Obituary makeObituary(const Pod &pod, const ContainerStatus &container, const ContainerState &state) const;
    void record(const Obituary &obituary, const LogRequest *fetch);
    void startFetches();

    QPointer<KubeClient> m_client;
    HistoryStore *m_history;
    TeardownCheck m_tearingDown;
    UidResolver m_resolveUid;
    QHash<QString, Pod> m_pods; // by uid
    QHash<QString, QSet<QString>> m_byDeployment; // "ns/deployment" → pod uids
    // Pod uid → keys of its obituaries written (or found written) in this session. A pod that has one
    // is not recorded again when it disappears; forgotten once the pod is gone.
    QHash<QString, QSet<QString>> m_recorded;
    QList<Obituary> m_unsaved; // recorded during apply(), written at its end in one transaction
    QList<Fetch> m_queue;
    QHash<QString, LogReader *> m_running; // by obituary key
    int m_maxFetches = 3;
};

} // namespace capstan
