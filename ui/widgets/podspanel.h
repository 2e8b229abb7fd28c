#pragma once

#include "flink/deployment.h"
#include "flink/obituary.h"
#include "flink/pod.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace capstan {

class LogWindow;
class PodTableModel;
class SessionHost;

// The Pods tab of a deployment page: its JobManager and TaskManager pods, live, and below them the
// obituaries of pods that are gone; the selected row's problem in words; and the logs viewer of a
// pod (its current or previous container) or an obituary's recorded lines. Listens to the session
// for its own deployment's pods; never fetches.
class PodsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodsPanel)

public:
    explicit PodsPanel(QWidget *parent = nullptr);
    ~PodsPanel() override;

    void setSession(SessionHost *session);
    // The deployment shown (an empty one: none). Its pods arrive from the session once it watches it.
    void setDeployment(const Deployment &deployment);
    PodTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // "Pods (3, 1 gone)", for the tab.
    QString title() const;

    // Opens the logs viewer for the row (a pod: its main container; an obituary: its recorded lines).
    LogWindow *openLogs(int row, bool previous = false);
    QList<LogWindow *> logWindows() const;

signals:
    void titleChanged(const QString &title);
    // Obituaries were added, replaced or reset (for the timeline and chart markers).
    void obituariesChanged(const QList<capstan::Obituary> &obituaries);

private:
    void applyPods(const PodBatch &batch);
    void applyObituaries(const ObituaryBatch &batch);
    void updateSelection();
    int selectedRow() const;

    QPointer<SessionHost> m_session;
    QString m_uid;
    QString m_name;
    PodTableModel *m_model;
    QTableView *m_view;
    QLabel *m_detail;
    QPushButton *m_logs;
    QPushButton *m_previous;
    QList<QPointer<LogWindow>> m_windows;
};

} // namespace capstan
