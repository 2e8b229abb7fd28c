#pragma once

#include "flink/deployment.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace capstan {

class DeploymentTableModel;

// The resources one deployment page's object is tied to, read from the listed deployments (never
// fetched): the session cluster a session job runs on, the jobs on a session cluster, the children
// of a blue/green deployment with the savepoint each was started from, the owner of a child. A
// sentence with links above a table; either opens the related resource (openRequested).
class RelatedResourcesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelatedResourcesView)

public:
    enum Column { NameColumn, RoleColumn, StateColumn, JobStateColumn, SavepointColumn, ColumnCount };

    explicit RelatedResourcesView(QWidget *parent = nullptr);

    // The deployments of the context (the window's list). The view follows its changes.
    void setModel(const DeploymentTableModel *model);
    // The page's object; empty: nothing shown.
    void setDeployment(const Deployment &deployment);

    QString sentence() const;
    QTreeWidget *table() const { return m_table; }

signals:
    void openRequested(const QString &uid);

private:
    void scheduleUpdate();
    void update();
    QList<Deployment> listed() const;
    QString link(const Deployment &d) const;

    QPointer<const DeploymentTableModel> m_model;
    Deployment m_deployment;
    QLabel *m_sentence;
    QTreeWidget *m_table;
    QTimer m_updateTimer;
};

} // namespace capstan
