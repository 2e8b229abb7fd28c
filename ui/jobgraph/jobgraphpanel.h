#pragma once

#include "flink/deployment.h"
#include "flink/jobgraph.h"
#include "flink/jobmanagerinfo.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace capstan {

class JobGraphView;
class SessionHost;
class SubtaskTableModel;

// The Job Graph tab of a deployment page: the running job's dataflow, live at the poll interval,
// and under it the selected vertex's subtasks. Listens to the session for its own deployment; asks
// the session to poll the graph only while the tab is shown, so closed tabs cost the JobManager
// nothing.
class JobGraphPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobGraphPanel)

public:
    explicit JobGraphPanel(QWidget *parent = nullptr);
    ~JobGraphPanel() override;

    void setSession(SessionHost *session);
    void setDeployment(const Deployment &deployment);

    JobGraphView *graphView() const { return m_view; }
    QTableView *subtaskView() const { return m_subtasks; }
    SubtaskTableModel *subtaskModel() const { return m_model; }
    // What the panel says above the graph (the job, or why there is no graph).
    QString statusText() const;
    // The selected vertex's summary above its subtasks.
    QString vertexSummary() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyGraph(const JobGraph &graph);
    void applyDetails(const VertexDetails &details);
    void applyJobManager(const JobManagerInfo &info);
    void onVertexSelected(const QString &vertexId);
    void updateWatch();
    void showMessage(const QString &text);
    void updateSummary();

    QPointer<SessionHost> m_session;
    QString m_uid;
    bool m_watching = false;
    QString m_watchedVertex;
    QString m_jobState; // as the JobManager last said, with its restarts
    qint64 m_restarts = -1;
    JobGraphView *m_view;
    SubtaskTableModel *m_model;
    QTableView *m_subtasks;
    QLabel *m_status;
    QLabel *m_message;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    QToolButton *m_fit;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
};

} // namespace capstan
