#pragma once

#include "flink/clusterevent.h"
#include "flink/deployment.h"
#include "flink/jobmanagerinfo.h"
#include "flink/snapshot.h"
#include "session/historystore.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace capstan {

class ConfigurationView;
class EventFilterProxyModel;
class EventTableModel;
class ExceptionsView;
class JobRunTableModel;
class MessageBanner;
class SnapshotTableModel;
class SnapshotTimeline;

// One deployment: a header (state, job, parallelism, upgrade mode, HA, Flink version), the
// "Deployment is failing" banner, and the Overview, Events, Snapshots, Jobs, Exceptions and
// Configuration tabs. Fed by the session's signals for the open deployment; never fetches.
class DeploymentPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentPage)

public:
    enum Tab { OverviewTab, EventsTab, SnapshotsTab, JobsTab, ExceptionsTab, ConfigurationTab };

    explicit DeploymentPage(QWidget *parent = nullptr);

    QString uid() const { return m_summary.uid; }
    void clear();

    void showDeployment(const Deployment &summary);
    void setObject(const QJsonObject &object);
    void applyEvents(const EventBatch &batch);
    void applySnapshots(const SnapshotBatch &batch);
    void setJobManager(const JobManagerInfo &info);
    void setJobs(const QList<JobRun> &jobs);

    EventTableModel *eventModel() const { return m_eventModel; }
    SnapshotTableModel *snapshotModel() const { return m_snapshotModel; }
    JobRunTableModel *jobModel() const { return m_jobModel; }
    QString failingText() const;
    QString restoreText() const;

private:
    QWidget *createOverviewTab();
    QWidget *createEventsTab();
    QWidget *createSnapshotsTab();
    QWidget *createJobsTab();
    void updateHeader();
    void updateOverview();
    void updateRestore();
    void updateTabTitles();
    void updateTimeline();
    void refreshReasonFilter();
    void copySelectedEvents();
    void exportEvents();

    Deployment m_summary;
    QJsonObject m_object;
    JobManagerInfo m_jobManager;

    QLabel *m_title;
    QLabel *m_stateIcon;
    QLabel *m_stateText;
    QLabel *m_facts;
    MessageBanner *m_failingBanner;
    QTabWidget *m_tabs;

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
    JobRunTableModel *m_jobModel;
    ExceptionsView *m_exceptions;
    ConfigurationView *m_configuration;
};

} // namespace capstan
