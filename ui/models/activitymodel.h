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
    enum Role { ActionIdRole = Qt::UserRole, RunningRole };

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

    static QString actionName(ActionKind kind);

private:
    struct Entry
    {
        quint64 id = 0;
        ActionKind kind = ActionKind::Configure;
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

    QList<Entry> m_entries; // newest first
    QHash<quint64, int> m_rowById;
};

} // namespace capstan
