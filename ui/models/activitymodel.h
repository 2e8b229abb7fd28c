#pragma once

#include "actions/actionrequest.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>

namespace capstan {

// The Activity panel's content: one top-level row per action (what, on which deployment, outcome,
// elapsed), its steps as children. Observes progress and results by action id.
class ActivityModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Column { What, Deployment, State, Elapsed, ColumnCount };
    // ReopenableRole: a Configure whose change did not end well, which the user can edit again.
    enum Role { ActionIdRole = Qt::UserRole, RunningRole, ReopenableRole };

    explicit ActivityModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void started(const ActionRequest &request);
    void progress(const ActionProgress &progress);
    void finished(const ActionResult &result);

    bool isRunning(quint64 id) const;
    bool hasRunningAction(const QString &deploymentUid) const;
    QString outcomeText(quint64 id) const;
    // The request action `id` was started with (an empty one for an unknown id).
    ActionRequest request(quint64 id) const;

private:
    struct Entry
    {
        quint64 id = 0;
        ActionKind kind = ActionKind::Configure;
        ActionRequest request;
        QString deploymentUid;
        QString deployment;
        QDateTime started;
        qint64 elapsedMs = 0;
        QList<ActionStep> steps;
        bool done = false;
        ActionResult result;
    };
    int rowOf(quint64 id) const { return m_rowById.value(id, -1); }
    QString stateText(const Entry &entry) const;
    static bool reopenable(const Entry &entry);

    QList<Entry> m_entries; // newest first
    QHash<quint64, int> m_rowById;
};

} // namespace capstan
