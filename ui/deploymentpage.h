#pragma once

#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/jobmanagerinfo.h"
#include "flink/snapshot.h"
#include "metrics/metricsample.h"
#include "session/auditlog.h"
#include "session/historystore.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QToolBar;
class QLabel;
class QMenu;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace capstan {

class ConfigurationView;
class DeploymentTableModel;
class RelatedResourcesView;
class EventFilterProxyModel;
class EventTableModel;
class ExceptionsView;
class JobRunTableModel;
class MessageBanner;
class MetricsView;
class PodsPanel;
class AutoscalerPanel;
class JobGraphPanel;
class SessionHost;
class SnapshotTableModel;
class SnapshotTimeline;
struct WindowLayout;

// One deployment: a header (state, job, parallelism, upgrade mode, HA, Flink version), the
// "Deployment is failing" banner, and the Overview, Events, Snapshots, Jobs, Exceptions and
// Configuration tabs. Listens to the session for its own deployment; never fetches.
class DeploymentPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentPage)

public:
    enum Tab {
        OverviewTab,
        MetricsTab,
        EventsTab,
        SnapshotsTab,
        JobsTab,
        ExceptionsTab,
        ConfigurationTab,
        PodsTab,
        JobGraphTab,
        AutoscalerTab
    };

    explicit DeploymentPage(QWidget *parent = nullptr);

    QString uid() const { return m_summary.uid; }
    void clear();

    // The session whose deployments the page shows (nullptr: none). The page follows its own
    // deployment's signals from it; the window routes nothing.
    void setSession(SessionHost *session);
    // The context's listed deployments, from which the Overview shows the related resources (session
    // cluster and jobs, blue/green owner and children).
    void setDeploymentList(const DeploymentTableModel *model);
    RelatedResourcesView *relatedView() const { return m_related; }
    // Shows `summary`'s deployment and has the session watch it in detail; the one shown before is
    // let go. An empty summary closes the page.
    void open(const Deployment &summary);
    // An action on this deployment ended badly after the window let go of it (its dialog closed);
    // `reopen`, when set, is offered as "Reopen with My Change".
    void showActionFailure(const QString &text, const std::function<void()> &reopen);
    MetricsView *metricsView() const { return m_metrics; }
    PodsPanel *podsPanel() const { return m_pods; }
    JobGraphPanel *jobGraphPanel() const { return m_jobGraph; }
    AutoscalerPanel *autoscalerPanel() const { return m_autoscaler; }
    ConfigurationView *configurationView() const { return m_configuration; }

    EventTableModel *eventModel() const { return m_eventModel; }
    SnapshotTableModel *snapshotModel() const { return m_snapshotModel; }
    JobRunTableModel *jobModel() const { return m_jobModel; }
    QString failingText() const;
    const Deployment &summary() const { return m_summary; }
    const QJsonObject &object() const { return m_object; }
    // Buttons for the deployment actions, appended to the header (nullptr: a separator).
    void addHeaderActions(const QList<QAction *> &actions);
    // A drop-down button for a group of actions (e.g. Cancel ▸ Keep State / Discard State).
    void addActionMenu(QMenu *menu);
    void setCurrentTab(Tab tab);
    // Why the deployment's actions cannot run now (empty: they can); the snapshot rollback says so.
    void setActionsBlocked(const QString &reason);
    // The columns of the events, snapshots and jobs tables and the tab shown, kept across runs:
    // the page's part of the window's layout.
    void saveLayout(WindowLayout *layout) const;
    void restoreLayout(const WindowLayout &layout);

signals:
    // The deployment shown changed (header, object or restore source): actions re-check their state.
    void deploymentChanged();
    // The user asked to roll back to the selected snapshot.
    void rollbackToSnapshotRequested(const capstan::Snapshot &snapshot);
    void deleteSnapshotRequested(const capstan::Snapshot &snapshot);
    // The user asked to configure the deployment back to an earlier spec (a platform's previous revision).
    void rollbackToRevisionRequested(const QJsonObject &spec);
    // The user asked to open a related resource (a session job's cluster, a blue/green child…).
    void openRequested(const QString &uid);
    // The deployment shown was deleted, or the page closed.
    void closed();
    // Something for the window's status bar (Prometheus unreachable for this deployment).
    void statusMessage(const QString &text, int timeoutMs);

public:
    QString restoreText() const;
    // What the job last restored from, as the JobManager last said (checkpointId -1: nothing known).
    const Snapshot &restoredFrom() const { return m_restoredFrom; }
    // What the JobManager said at the last poll.
    const JobManagerInfo &jobManager() const { return m_jobManager; }
    // The snapshots the page knows, with the JobManager's last completed checkpoint kept after the
    // JobManager is gone.
    QList<Snapshot> knownSnapshots() const;
    // Whether a savepoint triggered from here is disposed of when its resource is deleted (the
    // Snapshots tab's choice; the operator's default is yes).
    bool disposeOnDelete() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDeployment(const Deployment &summary);
    void setObject(const Deployment &parsed, const QJsonObject &object);
    void applyEvents(const EventBatch &batch);
    void applySnapshots(const SnapshotBatch &batch);
    void setJobManager(const JobManagerInfo &info);
    void setJobs(const QList<JobRun> &jobs);
    void onDeploymentsChanged(const DeploymentBatch &batch);
    // The Metrics tab's action markers: the audit log entries of the deployment shown.
    AuditQuery actionMarkerQuery() const;
    void requestActionMarkers();
    void showActionMarkers(const AuditQuery &query, const QList<AuditEntry> &entries);
    QWidget *createOverviewTab();
    // The Overview of a Ververica Platform deployment: the platform's spec and status fields.
    void updatePlatformOverview();
    QWidget *createEventsTab();
    QWidget *createSnapshotsTab();
    QWidget *createJobsTab();
    void updateHeader();
    void updateOverview();
    void updateRestore();
    void updateTabTitles();
    void updateTimeline();
    void updateRetention();
    void updateRollbackButton();
    const Snapshot *selectedSnapshot() const;
    void refreshReasonFilter();
    void copySelectedEvents();
    void exportEvents();

    Deployment m_summary;
    QJsonObject m_object;
    JobManagerInfo m_jobManager;
    Snapshot m_restoredFrom; // as the JobManager last said
    Snapshot m_lastCheckpoint; // the newest completed checkpoint the JobManager reported

    QLabel *m_title;
    QLabel *m_stateIcon;
    QLabel *m_stateText;
    QLabel *m_facts;
    QToolBar *m_actionBar;
    MessageBanner *m_failingBanner;
    MessageBanner *m_actionBanner;
    QPointer<SessionHost> m_session;
    QList<QPair<qint64, QString>> m_actionMarkers; // the Metrics tab's: this deployment's actions
    QTabWidget *m_tabs;

    RelatedResourcesView *m_related;
    QLabel *m_restoreLabel;
    QLabel *m_specLabel;
    QLabel *m_statusLabel;
    QTreeWidget *m_conditions;
    QTreeWidget *m_errorTree;
    QLabel *m_errorHeading;

    EventTableModel *m_eventModel;
    EventFilterProxyModel *m_eventProxy;
    QTableView *m_eventView;
    QComboBox *m_eventType;
    QComboBox *m_eventReason;
    QLineEdit *m_eventText;

    SnapshotTableModel *m_snapshotModel;
    QSortFilterProxyModel *m_snapshotProxy;
    SnapshotTimeline *m_timeline;
    QTableView *m_snapshotView = nullptr;
    QTableView *m_jobView = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_deleteSnapshotButton = nullptr;
    QCheckBox *m_disposeCheck = nullptr;
    QLabel *m_retentionLabel = nullptr;
    QString m_actionsBlocked;
    JobRunTableModel *m_jobModel;
    ExceptionsView *m_exceptions;
    MetricsView *m_metrics;
    ConfigurationView *m_configuration;
    PodsPanel *m_pods;
    JobGraphPanel *m_jobGraph;
    AutoscalerPanel *m_autoscaler;
};

} // namespace capstan
