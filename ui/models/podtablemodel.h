#pragma once

#include "flink/obituary.h"
#include "flink/pod.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>

namespace capstan {

class ServerClock;

// The pods of one deployment for the Pods tab: the live ones (the JobManager first, then the
// TaskManagers by name), then the obituaries of pods that are gone (newest first, greyed). It
// observes the batches the session sends for the page (PodBatch, ObituaryBatch) and never fetches.
// Rows keep their place on updates, so a selection stays on its pod.
class PodTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodTableModel)

public:
    enum Column { Name, Component, Status, Ready, Restarts, Age, Node, LastTermination, Explanation, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole,
        KeyRole, // pod uid, or the obituary's key
        IsObituaryRole, // bool
        SeverityRole, // int (PodProblem::Severity) of the row's problem
    };

    explicit PodTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Ages count on the cluster's clock (SessionHost::clock()); without one, on the local clock.
    void setClock(std::shared_ptr<const ServerClock> clock);
    // The Age column moves on: called by the view's timer.
    void refreshAges();

    void applyPods(const PodBatch &batch);
    void applyObituaries(const ObituaryBatch &batch);
    void clear();

    int podCount() const { return int(m_pods.size()); }
    int obituaryCount() const { return int(m_obituaries.size()); }
    bool isObituary(int row) const { return row >= podCount(); }
    // Null when the row is not a live pod (or out of range).
    const Pod *pod(int row) const;
    const Obituary *obituary(int row) const;
    const QList<Obituary> &obituaries() const { return m_obituaries; }
    int rowOfPod(const QString &uid) const;
    // The pod's state as kubectl's STATUS column says it: Running, CrashLoopBackOff, OOMKilled, Terminating, …
    static QString statusText(const Pod &pod);
    // "OOMKilled (exit 137), 3m ago" for the container's last termination; empty when none.
    static QString terminationText(const ContainerState &state, const QDateTime &now);

private:
    QDateTime now() const;
    QVariant podData(const Pod &pod, int column, int role) const;
    QVariant obituaryData(const Obituary &obituary, int column, int role) const;
    static bool podBefore(const Pod &a, const Pod &b);
    void upsertPod(const Pod &pod);
    void removePod(const QString &uid);
    // The Status of a pod's obituaries says whether the pod is still there.
    void obituariesOfPodChanged(const QString &podUid);

    QList<Pod> m_pods; // sorted by podBefore
    QList<Obituary> m_obituaries; // newest first
    std::shared_ptr<const ServerClock> m_clock;
};

} // namespace capstan
