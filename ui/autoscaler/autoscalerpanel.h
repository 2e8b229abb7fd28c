#pragma once

#include "flink/autoscalerreport.h"
#include "flink/deployment.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QTableView;

namespace capstan {

class AutoscalerTimelineModel;
class AutoscalerVertexModel;
class SessionHost;
struct EventBatch;

// The Autoscaler tab of a deployment page: the operator autoscaler's mode, each vertex with current
// and recommended parallelism and the figures it decides on, and a timeline of its decisions —
// scalingHistory from its ConfigMap merged with its Events, each saying why it scaled or did not —
// with the restart cost of past scalings and its memory-tuning proposals. Listens to the session for
// its own deployment (object, Events, autoscaler state); the session watches the ConfigMap only while
// the page is open and the spec configures the autoscaler.
class AutoscalerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoscalerPanel)

public:
    explicit AutoscalerPanel(QWidget *parent = nullptr);
    ~AutoscalerPanel() override;

    void setSession(SessionHost *session);
    void setDeployment(const Deployment &deployment);
    // Buttons for the autoscaler's actions (Reset, Advisory / Active, …), each driven by its QAction.
    void addActionButtons(const QList<QAction *> &actions);

    const AutoscalerReport &report() const { return m_report; }
    QString modeText() const;
    QString stateText() const;
    QString summaryText() const; // restart cost and memory-tuning proposals
    AutoscalerVertexModel *vertexModel() const { return m_vertexModel; }
    AutoscalerTimelineModel *timelineModel() const { return m_timelineModel; }
    QTableView *vertexView() const { return m_vertices; }
    QTableView *timelineView() const { return m_timeline; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateWatch();
    void applyEvents(const EventBatch &batch);
    void rebuild();

    QPointer<SessionHost> m_session;
    QString m_uid;
    bool m_watching = false;
    QJsonObject m_spec;
    QJsonValue m_resetNonce; // spec.job.autoscalerResetNonce as last seen
    QDateTime m_resetAt; // when this page saw it change
    AutoscalerState m_state;
    bool m_present = false;
    JobGraph m_plan;
    Error m_error;
    QHash<QString, ClusterEvent> m_events; // the deployment's Events by uid
    AutoscalerReport m_report;

    QLabel *m_mode;
    QLabel *m_stateLabel;
    QLabel *m_summary;
    QHBoxLayout *m_buttons;
    AutoscalerVertexModel *m_vertexModel;
    AutoscalerTimelineModel *m_timelineModel;
    QTableView *m_vertices;
    QTableView *m_timeline;
};

} // namespace capstan
