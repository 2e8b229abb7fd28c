#include "ui/deploymentpage.h"

#include "actions/actiondescriptor.h"
#include "flink/resourceunits.h"
#include "flink/restoresource.h"
#include "flink/snapshotretention.h"
#include "kube/serverclock.h"
#include "session/sessionhost.h"
#include "ui/autoscaler/autoscalerpanel.h"
#include "ui/backgroundpool.h"
#include "ui/configurationview.h"
#include "ui/exceptionsview.h"
#include "ui/jobgraph/jobgraphpanel.h"
#include "ui/metricsview.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/eventfilterproxymodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/jobruntablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/relatedresourcesview.h"
#include "ui/restoretext.h"
#include "ui/widgets/actionbar.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/podspanel.h"
#include "ui/widgets/snapshottimeline.h"
#include "ui/widgets/stateicons.h"
#include "ui/windowlayout.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontMetrics>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace capstan {

namespace {

QTableView *makeTable(QWidget *parent, const QString &objectName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setSortingEnabled(true);
    view->setTabKeyNavigation(false); // Tab moves on to the next control, arrows move within
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// Secondary text (labels of key/value pairs) that stays readable in light and dark palettes.
QString mutedColor()
{
    const QPalette palette = QApplication::palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    return QColor::fromRgbF(text.redF() * 0.62 + window.redF() * 0.38, text.greenF() * 0.62 + window.greenF() * 0.38,
                            text.blueF() * 0.62 + window.blueF() * 0.38)
        .name();
}

int timeColumnWidth(const QFontMetrics &metrics)
{
    return metrics.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + 24;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:14px; color:%1'>%2</td><td>%3</td></tr>")
        .arg(mutedColor(), escaped(key), value.isEmpty() ? QStringLiteral("—") : escaped(value));
}

// A component's resource in human units: "1 CPU, 2 GiB memory".
QString resources(const QJsonObject &component)
{
    const QJsonObject r = component.value(QLatin1String("resource")).toObject();
    QStringList parts;
    const QJsonValue cpu = r.value(QLatin1String("cpu"));
    if (cpu.isDouble())
        parts << ResourceUnits::formatCpu(cpu.toDouble());
    else if (!cpu.toString().isEmpty())
        parts << ResourceUnits::humanCpu(cpu.toString());
    const QString memory = r.value(QLatin1String("memory")).toString();
    if (!memory.isEmpty())
        parts << QCoreApplication::translate("capstan::DeploymentPage", "%1 memory")
                     .arg(ResourceUnits::humanMemory(memory));
    return parts.join(QStringLiteral(", "));
}

// The same resource as the spec writes it ("cpu: 1, memory: 2048m"), for the tooltip.
QString rawResources(const QJsonObject &component)
{
    const QJsonObject r = component.value(QLatin1String("resource")).toObject();
    QStringList parts;
    for (const QLatin1String key : {QLatin1String("cpu"), QLatin1String("memory")}) {
        const QJsonValue value = r.value(key);
        if (!value.isUndefined())
            parts << key + QStringLiteral(": ")
                    + (value.isDouble() ? QString::number(value.toDouble()) : value.toString());
    }
    return parts.join(QStringLiteral(", "));
}

QString relative(const QDateTime &t, const QDateTime &now = QDateTime::currentDateTimeUtc())
{
    if (!t.isValid())
        return {};
    return QCoreApplication::translate("capstan::DeploymentPage", "%1 ago")
        .arg(DeploymentTableModel::ageText(t.secsTo(now)));
}

} // namespace

DeploymentPage::DeploymentPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_stateIcon(new QLabel(this))
    , m_stateText(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_actionBar(new ActionBar(this))
    , m_failingBanner(new MessageBanner(this))
    , m_actionBanner(new MessageBanner(this))
    , m_tabs(new QTabWidget(this))
    , m_eventModel(new EventTableModel(this))
    , m_eventProxy(new EventFilterProxyModel(this))
    , m_snapshotModel(new SnapshotTableModel(this))
    , m_snapshotProxy(new QSortFilterProxyModel(this))
    , m_jobModel(new JobRunTableModel(this))
{
    setObjectName(QStringLiteral("deploymentPage"));
    m_title->setObjectName(QStringLiteral("deploymentTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateText->setObjectName(QStringLiteral("deploymentStateLabel"));
    QFont stateFont = m_stateText->font();
    stateFont.setBold(true);
    m_stateText->setFont(stateFont);
    m_facts->setObjectName(QStringLiteral("deploymentFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failingBanner->setObjectName(QStringLiteral("failingBanner"));
    m_actionBanner->setObjectName(QStringLiteral("actionBanner"));

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(8);
    titleRow->addWidget(m_title);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_stateIcon);
    titleRow->addWidget(m_stateText);
    titleRow->addStretch(1);
    m_actionBar->setObjectName(QStringLiteral("deploymentActionBar"));
    m_actionBar->setAccessibleName(tr("Deployment actions"));
    titleRow->addWidget(m_actionBar);

    m_tabs->setObjectName(QStringLiteral("deploymentTabs"));
    m_tabs->setAccessibleName(tr("Deployment details"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createOverviewTab(), tr("Overview"));
    m_metrics = new MetricsView(this);
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(createEventsTab(), tr("Events"));
    m_tabs->addTab(createSnapshotsTab(), tr("Snapshots"));
    m_tabs->addTab(createJobsTab(), tr("Jobs"));
    m_exceptions = new ExceptionsView(this);
    m_tabs->addTab(m_exceptions, tr("Exceptions"));
    m_configuration = new ConfigurationView(this);
    connect(m_configuration, &ConfigurationView::rollbackToRevisionRequested, this,
            &DeploymentPage::rollbackToRevisionRequested);
    m_tabs->addTab(m_configuration, tr("Configuration"));
    // Pods and their logs; obituaries also mark the timeline and the charts.
    m_pods = new PodsPanel(this);
    m_tabs->addTab(m_pods, m_pods->title());
    connect(m_pods, &PodsPanel::titleChanged, this,
            [this](const QString &title) { m_tabs->setTabText(PodsTab, title); });
    connect(m_pods, &PodsPanel::obituariesChanged, this, [this](const QList<Obituary> &obituaries) {
        m_timeline->setObituaries(obituaries);
        QList<QPair<qint64, QString>> markers;
        for (const Obituary &o : obituaries) {
            if (o.markerTime().isValid())
                markers.append({o.markerTime().toMSecsSinceEpoch(), o.markerLabel()});
        }
        m_metrics->setObituaryMarkers(markers);
    });
    // Polled only while shown (the panel asks the session itself).
    m_jobGraph = new JobGraphPanel(this);
    m_tabs->addTab(m_jobGraph, tr("Job Graph"));
    // Shown only for deployments whose spec configures the operator's autoscaler.
    m_autoscaler = new AutoscalerPanel(this);
    m_tabs->addTab(m_autoscaler, tr("Autoscaler"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(titleRow);
    layout->addWidget(m_facts);
    layout->addWidget(m_failingBanner);
    layout->addWidget(m_actionBanner);
    layout->addWidget(m_tabs, 1);
    clear();
    // The age in the restore sentence ("taken 3m ago") moves on while the page is shown.
    auto *ages = new QTimer(this);
    ages->setInterval(15000);
    connect(ages, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_object.isEmpty())
            updateRestore();
    });
    ages->start();
}

QWidget *DeploymentPage::createOverviewTab()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("overviewTab"));
    scroll->setAccessibleName(tr("Overview"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);

    m_related = new RelatedResourcesView(content);
    connect(m_related, &RelatedResourcesView::openRequested, this, &DeploymentPage::openRequested);
    layout->addWidget(m_related);

    m_restoreLabel = new QLabel(content);
    m_restoreLabel->setObjectName(QStringLiteral("restoreSourceLabel"));
    m_restoreLabel->setWordWrap(true);
    m_restoreLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_restoreLabel);

    auto *columns = new QHBoxLayout;
    auto *specColumn = new QVBoxLayout;
    specColumn->addWidget(sectionHeading(tr("Spec"), content));
    m_specLabel = new QLabel(content);
    m_specLabel->setObjectName(QStringLiteral("specSummaryLabel"));
    m_specLabel->setTextFormat(Qt::RichText);
    m_specLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_specLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    specColumn->addWidget(m_specLabel);
    auto *statusColumn = new QVBoxLayout;
    statusColumn->addWidget(sectionHeading(tr("Status"), content));
    m_statusLabel = new QLabel(content);
    m_statusLabel->setObjectName(QStringLiteral("statusSummaryLabel"));
    m_statusLabel->setTextFormat(Qt::RichText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    statusColumn->addWidget(m_statusLabel);
    specColumn->setAlignment(Qt::AlignTop);
    statusColumn->setAlignment(Qt::AlignTop);
    columns->addLayout(specColumn, 1);
    columns->addSpacing(24);
    columns->addLayout(statusColumn, 1);
    layout->addLayout(columns);

    layout->addWidget(sectionHeading(tr("Conditions"), content));
    m_conditions = new QTreeWidget(content);
    m_conditions->setObjectName(QStringLiteral("conditionsTree"));
    m_conditions->setAccessibleName(tr("Conditions"));
    m_conditions->setRootIsDecorated(false);
    m_conditions->setHeaderLabels({tr("Type"), tr("Status"), tr("Reason"), tr("Message"), tr("Since")});
    // The message is the sentence to read: it gets the room.
    m_conditions->header()->setStretchLastSection(false);
    m_conditions->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_conditions->setMaximumHeight(110);
    layout->addWidget(m_conditions);

    m_errorHeading = sectionHeading(tr("Error"), content);
    layout->addWidget(m_errorHeading);
    m_errorTree = new QTreeWidget(content);
    m_errorTree->setObjectName(QStringLiteral("errorTree"));
    m_errorTree->setAccessibleName(tr("Error"));
    m_errorTree->setHeaderHidden(true);
    m_errorTree->setWordWrap(true);
    m_errorTree->setMinimumHeight(90);
    layout->addWidget(m_errorTree);
    layout->addStretch(1);
    scroll->setWidget(content);
    return scroll;
}

QWidget *DeploymentPage::createEventsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("eventsTab"));
    m_eventType = new QComboBox(tab);
    m_eventType->setObjectName(QStringLiteral("eventTypeComboBox"));
    m_eventType->setAccessibleName(tr("Event type"));
    m_eventType->addItem(tr("All types"), QString());
    m_eventType->addItem(tr("Warnings"), QStringLiteral("Warning"));
    m_eventType->addItem(tr("Normal"), QStringLiteral("Normal"));
    m_eventReason = new QComboBox(tab);
    m_eventReason->setObjectName(QStringLiteral("eventReasonComboBox"));
    m_eventReason->setAccessibleName(tr("Event reason"));
    m_eventReason->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_eventReason->addItem(tr("All reasons"), QString());
    m_eventText = new QLineEdit(tab);
    m_eventText->setObjectName(QStringLiteral("eventFilterLineEdit"));
    m_eventText->setPlaceholderText(tr("Filter messages…"));
    m_eventText->setAccessibleName(tr("Filter events"));
    m_eventText->setClearButtonEnabled(true);
    auto *copy = new QPushButton(tr("&Copy"), tab);
    copy->setObjectName(QStringLiteral("copyEventsButton"));
    copy->setToolTip(tr("Copy the selected events (or all shown) as tab-separated text"));
    auto *exportButton = new QPushButton(tr("E&xport…"), tab);
    exportButton->setObjectName(QStringLiteral("exportEventsButton"));

    m_eventProxy->setSourceModel(m_eventModel);
    m_eventView = makeTable(tab, QStringLiteral("eventsTableView"));
    m_eventView->setAccessibleName(tr("Events"));
    m_eventView->setModel(m_eventProxy);
    m_eventView->sortByColumn(EventTableModel::Time, Qt::DescendingOrder);
    m_eventView->horizontalHeader()->setSectionResizeMode(EventTableModel::Message, QHeaderView::Stretch);
    const int w = fontMetrics().averageCharWidth();
    m_eventView->setColumnWidth(EventTableModel::Time, timeColumnWidth(fontMetrics()));
    m_eventView->setColumnWidth(EventTableModel::Type, 12 * w + 24);
    m_eventView->setColumnWidth(EventTableModel::Reason, 20 * w);
    m_eventView->setColumnWidth(EventTableModel::Count, 8 * w);
    m_eventView->setColumnWidth(EventTableModel::Source, 12 * w);

    connect(m_eventType, &QComboBox::currentIndexChanged, this,
            [this] { m_eventProxy->setType(m_eventType->currentData().toString()); });
    connect(m_eventReason, &QComboBox::currentIndexChanged, this,
            [this] { m_eventProxy->setReason(m_eventReason->currentData().toString()); });
    connect(m_eventText, &QLineEdit::textChanged, m_eventProxy, &EventFilterProxyModel::setText);
    connect(copy, &QPushButton::clicked, this, &DeploymentPage::copySelectedEvents);
    connect(exportButton, &QPushButton::clicked, this, &DeploymentPage::exportEvents);
    connect(m_eventModel, &QAbstractItemModel::rowsInserted, this, &DeploymentPage::updateTabTitles);
    connect(m_eventModel, &QAbstractItemModel::modelReset, this, &DeploymentPage::updateTabTitles);
    // Warning events become markers on the metric charts.
    const auto warningMarkers = [this] {
        QList<QPair<qint64, QString>> warnings;
        QList<QPair<qint64, QString>> scalings;
        for (int row = 0; row < m_eventModel->rowCount(); ++row) {
            const ClusterEvent &e = m_eventModel->event(row);
            const QDateTime time = e.latestTime();
            if (e.isWarning() && time.isValid())
                warnings.append({time.toMSecsSinceEpoch(), e.reason});
            // An applied scaling (not an advisory recommendation) restarts the job like a job change.
            const bool applied
                = (e.reason == QLatin1String("ScalingReport") && !e.message.contains(QLatin1String("disabled")))
                || e.reason == QLatin1String("Scaling");
            if (applied && time.isValid())
                scalings.append({time.toMSecsSinceEpoch(), tr("scaled")});
        }
        m_metrics->setWarningEvents(warnings);
        m_metrics->setScalingMarkers(scalings);
    };
    connect(m_eventModel, &QAbstractItemModel::rowsInserted, this, warningMarkers);
    connect(m_eventModel, &QAbstractItemModel::modelReset, this, warningMarkers);
    connect(m_eventModel, &QAbstractItemModel::dataChanged, this, warningMarkers);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_eventType);
    filters->addWidget(m_eventReason);
    filters->addWidget(m_eventText, 1);
    filters->addWidget(copy);
    filters->addWidget(exportButton);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 6, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_eventView, 1);
    return tab;
}

QWidget *DeploymentPage::createSnapshotsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("snapshotsTab"));
    m_timeline = new SnapshotTimeline(tab);
    m_snapshotProxy->setSourceModel(m_snapshotModel);
    m_snapshotProxy->setSortRole(SnapshotTableModel::SortRole);
    m_snapshotProxy->setDynamicSortFilter(true);
    auto *view = makeTable(tab, QStringLiteral("snapshotsTableView"));
    view->setAccessibleName(tr("Snapshots"));
    view->setModel(m_snapshotProxy);
    view->sortByColumn(SnapshotTableModel::Time, Qt::DescendingOrder);
    view->horizontalHeader()->setSectionResizeMode(SnapshotTableModel::Path, QHeaderView::Stretch);
    const int w = fontMetrics().averageCharWidth();
    // Wide enough for the longest text of the column and its header, which differ by language.
    const auto fit = [&](SnapshotTableModel::Column column, int minimum) {
        QStringList texts = SnapshotTableModel::widestTexts(column);
        texts << m_snapshotModel->headerData(column, Qt::Horizontal).toString();
        int width = minimum;
        for (const QString &text : std::as_const(texts))
            width = std::max(width, fontMetrics().horizontalAdvance(text) + 24);
        view->setColumnWidth(column, width);
    };
    fit(SnapshotTableModel::Type, 24 * w);
    fit(SnapshotTableModel::Trigger, 11 * w);
    view->setColumnWidth(SnapshotTableModel::State, 17 * w);
    view->setColumnWidth(SnapshotTableModel::Time, timeColumnWidth(fontMetrics()));
    fit(SnapshotTableModel::Age, 7 * w);
    view->setColumnWidth(SnapshotTableModel::JobId, 11 * w);
    fit(SnapshotTableModel::Retention, 12 * w);
    connect(m_snapshotModel, &QAbstractItemModel::rowsInserted, this, &DeploymentPage::updateTimeline);
    connect(m_snapshotModel, &QAbstractItemModel::rowsRemoved, this, &DeploymentPage::updateTimeline);
    connect(m_snapshotModel, &QAbstractItemModel::dataChanged, this, &DeploymentPage::updateTimeline);
    connect(m_snapshotModel, &QAbstractItemModel::modelReset, this, &DeploymentPage::updateTimeline);
    m_snapshotView = view;
    m_rollbackButton = new QPushButton(tr("Roll &Back to This Snapshot…"), tab);
    m_rollbackButton->setObjectName(QStringLiteral("rollbackToSnapshotButton"));
    m_rollbackButton->setEnabled(false);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeploymentPage::updateRollbackButton);
    connect(m_snapshotModel, &QAbstractItemModel::dataChanged, this, &DeploymentPage::updateRollbackButton);
    // A reset or removal can drop the selection without a selectionChanged of the view's model.
    connect(m_snapshotModel, &QAbstractItemModel::modelReset, this, &DeploymentPage::updateRollbackButton);
    connect(m_snapshotModel, &QAbstractItemModel::rowsRemoved, this, &DeploymentPage::updateRollbackButton);
    connect(m_rollbackButton, &QPushButton::clicked, this, [this] {
        if (const Snapshot *s = selectedSnapshot())
            emit rollbackToSnapshotRequested(*s);
    });
    // The operator's cleanup, so that nobody is surprised when a savepoint disappears.
    m_retentionLabel = new QLabel(tab);
    m_retentionLabel->setObjectName(QStringLiteral("snapshotRetentionLabel"));
    m_retentionLabel->setWordWrap(true);
    m_retentionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_deleteSnapshotButton = new QPushButton(ActionDescriptor::of(ActionKind::DeleteSnapshot).menuText(), tab);
    m_deleteSnapshotButton->setObjectName(QStringLiteral("deleteSnapshotButton"));
    m_deleteSnapshotButton->setEnabled(false);
    connect(m_deleteSnapshotButton, &QPushButton::clicked, this, [this] {
        if (const Snapshot *s = selectedSnapshot())
            emit deleteSnapshotRequested(*s);
    });
    m_disposeCheck = new QCheckBox(tr("New savepoints: dispose of the data when the resource is deleted"), tab);
    m_disposeCheck->setObjectName(QStringLiteral("disposeOnDeleteCheckBox"));
    m_disposeCheck->setChecked(true);
    m_disposeCheck->setToolTip(tr("Sets disposeOnDelete of the FlinkStateSnapshot that Trigger Savepoint creates. "
                                  "Unchecked, deleting the resource keeps the savepoint in its storage."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retentionLabel, 1);
    buttons->addWidget(m_deleteSnapshotButton);
    buttons->addWidget(m_rollbackButton);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 6, 4, 4);
    layout->addWidget(m_timeline);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_disposeCheck);
    return tab;
}

QWidget *DeploymentPage::createJobsTab()
{
    auto *view = makeTable(this, QStringLiteral("jobsTableView"));
    view->setAccessibleName(tr("Jobs"));
    m_jobView = view;
    view->setSortingEnabled(false);
    view->setModel(m_jobModel);
    const int w = fontMetrics().averageCharWidth();
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    view->setColumnWidth(JobRunTableModel::JobId, QFontMetrics(mono).horizontalAdvance(QString(32, u'0')) + 2 * w);
    view->setColumnWidth(JobRunTableModel::RestoredFrom, 46 * w);
    // Where each job's state came from, next to what the operator meant: the long paths get the room.
    view->horizontalHeader()->setStretchLastSection(true);
    for (int column : {JobRunTableModel::Start, JobRunTableModel::End})
        view->setColumnWidth(column, timeColumnWidth(fontMetrics()));
    view->setColumnWidth(JobRunTableModel::Duration, 10 * w);
    view->setColumnWidth(JobRunTableModel::FinalState, 14 * w);
    view->setColumnWidth(JobRunTableModel::Generation, 16 * w);
    return view;
}

void DeploymentPage::clear()
{
    m_summary = Deployment();
    m_object = QJsonObject();
    m_jobManager = JobManagerInfo();
    m_restoredFrom = Snapshot();
    m_lastCheckpoint = Snapshot();
    m_eventModel->clear();
    m_snapshotModel->clear();
    m_jobModel->setJobs({});
    m_metrics->clearMetrics();
    m_actionMarkers.clear();
    m_failingBanner->hide();
    m_actionBanner->hide();
    m_exceptions->setUnavailable(tr("Select a deployment."));
    m_configuration->setObject({});
    m_timeline->setSnapshots({});
    m_timeline->setJobs({});
    m_pods->setDeployment({});
    m_jobGraph->setDeployment({});
    m_autoscaler->setDeployment({});
    m_title->clear();
    m_stateIcon->clear();
    m_stateText->clear();
    m_facts->clear();
    updateOverview();
    updateTabTitles();
    emit deploymentChanged();
}

void DeploymentPage::showDeployment(const Deployment &summary)
{
    // Capstan does not watch a platform's pods: that tab would stay empty. Its JobManager is reached through
    // the cluster's context (the Job Graph tab says why not when the platform is reached by URL).
    const bool platform = summary.platform == Deployment::Platform::Ververica;
    // A session job has no pods of its own (its session cluster's page has them); a blue/green
    // deployment has neither pods nor a JobManager: its children's pages have both.
    const bool blueGreen = summary.kind == ResourceKind::FlinkBlueGreenDeployment;
    const bool ownPods = !platform && summary.kind == ResourceKind::FlinkDeployment;
    m_tabs->setTabVisible(PodsTab, ownPods);
    for (const Tab tab : {MetricsTab, SnapshotsTab, JobsTab, ExceptionsTab, JobGraphTab})
        m_tabs->setTabVisible(tab, !blueGreen);
    m_tabs->setTabVisible(AutoscalerTab,
                          !platform && !blueGreen
                              && (summary.autoscalerConfigured || summary.autoscaler != AutoscalerConfig::Mode::Off));
    // The spec's generation and the restore the operator meant are the operator's: a platform has neither.
    m_jobView->setColumnHidden(JobRunTableModel::Generation, platform);
    m_jobView->setColumnHidden(JobRunTableModel::Intended, platform);
    if (platform) {
        // The platform's Event names, its source and its savepoints' origins are longer than the
        // operator's words: widened to the longest, never narrowed below what the user chose.
        const auto atLeast = [this](QTableView *view, int column, const QString &widest) {
            const int width = fontMetrics().horizontalAdvance(widest) + 2 * fontMetrics().averageCharWidth();
            view->setColumnWidth(column, std::max(view->columnWidth(column), width));
        };
        atLeast(m_eventView, EventTableModel::Reason, QStringLiteral("STATE_TRANSITION_IS_COMPLETED"));
        atLeast(m_eventView, EventTableModel::Source, QStringLiteral("ververica-platform"));
        atLeast(m_snapshotView, SnapshotTableModel::Trigger, QStringLiteral("suspend_and_upgrade"));
    }
    m_summary = summary;
    m_related->setDeployment(summary);
    updateHeader();
    emit deploymentChanged();
}

void DeploymentPage::addActionMenu(QMenu *menu)
{
    auto *button = new QToolButton(m_actionBar);
    button->setObjectName(menu->objectName() + QStringLiteral("Button"));
    // The menu's own action drives the button, so it is disabled (with the reason as its tooltip)
    // when none of the menu's entries can run.
    button->setDefaultAction(menu->menuAction());
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(m_actionBar->toolButtonStyle());
    m_actionBar->addWidget(button); // the bar frames it like the other buttons
    QWidget::setTabOrder(button, m_tabs); // buttons come last in the chain when added: put them before the tabs
}

void DeploymentPage::addHeaderActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        if (!action) {
            m_actionBar->addSeparator();
            continue;
        }
        m_actionBar->addAction(action);
        if (QWidget *button = m_actionBar->widgetForAction(action))
            QWidget::setTabOrder(button, m_tabs);
    }
}

void DeploymentPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void DeploymentPage::saveLayout(WindowLayout *layout) const
{
    layout->pageTab = m_tabs->currentIndex();
    layout->eventsHeader = m_eventView->horizontalHeader()->saveState();
    layout->snapshotsHeader = m_snapshotView->horizontalHeader()->saveState();
    layout->jobsHeader = m_jobView->horizontalHeader()->saveState();
}

void DeploymentPage::restoreLayout(const WindowLayout &layout)
{
    if (layout.pageTab >= 0 && layout.pageTab < m_tabs->count())
        m_tabs->setCurrentIndex(layout.pageTab);
    // A state that does not read (none saved yet, or damaged) leaves the defaults.
    m_eventView->horizontalHeader()->restoreState(layout.eventsHeader);
    m_snapshotView->horizontalHeader()->restoreState(layout.snapshotsHeader);
    m_jobView->horizontalHeader()->restoreState(layout.jobsHeader);
}

void DeploymentPage::setObject(const Deployment &parsed, const QJsonObject &object)
{
    // A platform keeps no earlier spec of its own: the Configuration tab compares with the revision
    // Capstan recorded before, asked again whenever the platform changed the deployment.
    const QJsonValue version
        = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion"));
    if (parsed.platform == Deployment::Platform::Ververica && m_session
        && version != m_object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")))
        m_session->requestPreviousSpecRevision(parsed.uid);
    m_object = object;
    // Keep what the session observed (failure, last snapshot) and take everything else from the object.
    const FailureStatus failure = m_summary.failure;
    const SnapshotRef lastSnapshot = m_summary.lastSnapshot;
    m_summary = parsed;
    // A platform states its failures in the object itself; the operator's are observed by the session.
    if (parsed.platform != Deployment::Platform::Ververica)
        m_summary.failure = failure;
    m_summary.lastSnapshot = lastSnapshot;
    updateHeader();
    updateOverview();
    m_configuration->setObject(object);
    updateRetention();
    emit deploymentChanged();
}

void DeploymentPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The state's text colour is chosen against the window colour of the theme in use.
    if (event->type() == QEvent::PaletteChange && !uid().isEmpty())
        updateHeader();
}

void DeploymentPage::updateHeader()
{
    const Deployment &d = m_summary;
    m_title->setText(d.name.isEmpty() ? QString()
                                      : tr("%1  <span style='font-weight:normal'>in %2</span>")
                                            .arg(d.name.toHtmlEscaped(), d.ns.toHtmlEscaped()));
    if (d.uid.isEmpty())
        return;
    const DisplayState state = d.displayState();
    m_stateIcon->setPixmap(StateIcons::icon(state).pixmap(18, 18));
    m_stateText->setText(DeploymentTableModel::stateText(state));
    QPalette pal = m_stateText->palette();
    pal.setColor(QPalette::WindowText, StateIcons::textColor(state, palette().color(QPalette::Window)));
    m_stateText->setPalette(pal);

    QStringList facts;
    const auto fact = [](const QString &key, const QString &value) {
        return QStringLiteral("<span style='color:%1'>%2</span> %3")
            .arg(mutedColor(), key.toHtmlEscaped(), value.toHtmlEscaped());
    };
    if (d.kind == ResourceKind::FlinkSessionJob)
        facts << fact(tr("Session job on"), d.sessionClusterName);
    else if (d.kind == ResourceKind::FlinkBlueGreenDeployment)
        facts << fact(tr("Blue/green"), d.blueGreenState.isEmpty() ? tr("not yet reported") : d.blueGreenState);
    if (!d.sessionCluster) {
        if (d.kind != ResourceKind::FlinkBlueGreenDeployment || !d.jobId.isEmpty())
            facts << fact(tr("Job"), d.jobId.isEmpty() ? tr("none") : d.jobId.left(8) + QStringLiteral("…"));
        if (d.jobState == QLatin1String("RUNNING") && d.jobStartTime.isValid())
            facts << fact(
                tr("Uptime"),
                DeploymentTableModel::ageText(d.jobStartTime.secsTo(SessionHost::serverNow(m_session.data()))));
        facts << fact(tr("Parallelism"), d.parallelism > 0 ? QString::number(d.parallelism) : tr("default"));
        facts << fact(tr("Upgrade mode"), d.upgradeMode);
    } else {
        facts << fact(tr("Kind"), tr("session cluster"));
    }
    if (d.kind != ResourceKind::FlinkSessionJob) {
        facts << fact(tr("Kubernetes HA"), d.haEnabled ? tr("on") : tr("off"));
        facts << fact(tr("Flink"), d.flinkVersion);
    }
    m_facts->setText(facts.join(QStringLiteral("&nbsp;&nbsp;·&nbsp;&nbsp;")));
    m_facts->setToolTip(tr("Job ID: %1").arg(d.jobId));

    if (d.failure.failing) {
        // A crash-looping JobManager or a pod that cannot start fails without restarting the job.
        QString text = d.failure.restarts > 0
            ? tr("Deployment is failing: %n restart(s) in the last %1 min.", nullptr, d.failure.restarts)
                  .arg(d.failure.windowMinutes)
            : tr("Deployment is failing.");
        // The JobManager's newest root cause says more than the event's first line.
        QString cause = d.failure.rootCause;
        for (const JobException &e : std::as_const(m_jobManager.exceptions)) {
            if (e.rootCause) {
                cause = e.stackTrace.section(QLatin1Char('\n'), 0, 0).trimmed();
                break;
            }
        }
        if (!cause.isEmpty())
            text += QLatin1Char('\n') + cause;
        m_failingBanner->showMessage(MessageBanner::Kind::Error, text);
    } else {
        m_failingBanner->hide();
    }
}

QString DeploymentPage::failingText() const
{
    return m_failingBanner->isVisibleTo(this) ? m_failingBanner->text() : QString();
}

QString DeploymentPage::restoreText() const
{
    return m_restoreLabel->text();
}

void DeploymentPage::updateOverview()
{
    const QJsonObject spec = Deployment::editableSpec(m_object);
    // A session job's image, resources and HA are its session cluster's (its page shows them).
    const bool ownCluster = m_summary.kind != ResourceKind::FlinkSessionJob;
    const QJsonObject status = m_object.value(QLatin1String("status")).toObject();
    const QJsonObject job = spec.value(QLatin1String("job")).toObject();
    const QJsonObject metadata = m_object.value(QLatin1String("metadata")).toObject();
    if (m_object.isEmpty()) {
        m_specLabel->setText(tr("No deployment selected."));
        m_specLabel->setToolTip(QString());
        m_statusLabel->clear();
        m_statusLabel->setToolTip(QString());
        m_conditions->clear();
        m_errorTree->clear();
        m_errorTree->hide();
        m_errorHeading->hide();
        m_restoreLabel->clear();
        return;
    }
    if (m_summary.platform == Deployment::Platform::Ververica) {
        updatePlatformOverview();
        updateRestore();
        return;
    }
    QString specHtml = QStringLiteral("<table>");
    if (m_summary.kind == ResourceKind::FlinkSessionJob)
        specHtml += row(tr("Session cluster"), m_summary.sessionClusterName);
    if (ownCluster) {
        specHtml += row(tr("Image"), spec.value(QLatin1String("image")).toString());
        specHtml += row(tr("Flink version"), spec.value(QLatin1String("flinkVersion")).toString());
    }
    if (!job.isEmpty()) {
        specHtml += row(tr("Jar"), job.value(QLatin1String("jarURI")).toString());
        specHtml += row(tr("Entry class"), job.value(QLatin1String("entryClass")).toString());
        QStringList args;
        for (const QJsonValue &a : job.value(QLatin1String("args")).toArray())
            args << a.toString();
        specHtml += row(tr("Arguments"), args.join(QLatin1Char(' ')));
        specHtml += row(tr("Parallelism"), QString::number(job.value(QLatin1String("parallelism")).toInt()));
        specHtml
            += row(tr("Upgrade mode"), job.value(QLatin1String("upgradeMode")).toString(QStringLiteral("stateless")));
        specHtml += row(tr("Desired state"), job.value(QLatin1String("state")).toString(QStringLiteral("running")));
    }
    const QJsonObject jm = spec.value(QLatin1String("jobManager")).toObject();
    const QJsonObject tm = spec.value(QLatin1String("taskManager")).toObject();
    if (ownCluster) {
        specHtml += row(tr("JobManager"), resources(jm));
        QString tmText = resources(tm);
        if (tm.contains(QLatin1String("replicas")))
            tmText += tr(", %n replica(s)", nullptr, tm.value(QLatin1String("replicas")).toInt());
        specHtml += row(tr("TaskManager"), tmText);
        specHtml += row(tr("Kubernetes HA"), m_summary.haEnabled ? tr("on") : tr("off"));
    }
    specHtml += QStringLiteral("</table>");
    m_specLabel->setText(specHtml);
    // The resources in human units above; exactly as the spec has them here.
    QStringList specTip;
    if (const QString raw = rawResources(jm); !raw.isEmpty())
        specTip << tr("JobManager: %1").arg(raw);
    if (const QString raw = rawResources(tm); !raw.isEmpty())
        specTip << tr("TaskManager: %1").arg(raw);
    m_specLabel->setToolTip(specTip.join(QLatin1Char('\n')));

    const QJsonObject jobStatus = status.value(QLatin1String("jobStatus")).toObject();
    const QJsonObject reconciliation = status.value(QLatin1String("reconciliationStatus")).toObject();
    const QJsonObject clusterInfo = status.value(QLatin1String("clusterInfo")).toObject();
    QString statusHtml = QStringLiteral("<table>");
    if (m_summary.kind == ResourceKind::FlinkBlueGreenDeployment) {
        // Its own status: the blue/green state and the timestamps of the last transition.
        statusHtml += row(tr("Blue/green state"), m_summary.blueGreenState);
        statusHtml += row(tr("Job state"), jobStatus.value(QLatin1String("state")).toString());
        statusHtml += row(tr("Job ID"), jobStatus.value(QLatin1String("jobId")).toString());
        for (const char *key : {"lastReconciledTimestamp", "deploymentReadyTimestamp", "abortTimestamp"}) {
            // The operator resets these to the epoch rather than removing them.
            const QString value = status.value(QLatin1String(key)).toVariant().toString();
            if (!value.isEmpty() && !value.startsWith(QLatin1String("1970-01-01")) && value != QLatin1String("0"))
                statusHtml += row(QString::fromLatin1(key), value);
        }
        statusHtml += row(tr("Generation"), QString::number(metadata.value(QLatin1String("generation")).toInteger()));
    } else {
        statusHtml += row(tr("Lifecycle"), status.value(QLatin1String("lifecycleState")).toString());
        if (ownCluster)
            statusHtml += row(tr("JobManager"), status.value(QLatin1String("jobManagerDeploymentStatus")).toString());
        statusHtml += row(tr("Job state"), jobStatus.value(QLatin1String("state")).toString());
        statusHtml += row(tr("Job ID"), jobStatus.value(QLatin1String("jobId")).toString());
        statusHtml += row(tr("Reconciliation"), reconciliation.value(QLatin1String("state")).toString());
        statusHtml += row(tr("Generation"),
                          tr("%1 (observed %2)")
                              .arg(metadata.value(QLatin1String("generation")).toInteger())
                              .arg(status.value(QLatin1String("observedGeneration")).toInteger()));
    }
    // The operator reports sizes in bytes and CPUs as plain numbers ("total-memory 4294967296").
    QStringList statusTip;
    for (auto it = clusterInfo.begin(); it != clusterInfo.end(); ++it) {
        const QString raw = it.value().toString();
        QString shown = raw;
        if (it.key().contains(QLatin1String("memory")) || it.key().endsWith(QLatin1String("-size")))
            shown = ResourceUnits::humanMemory(raw);
        else if (it.key().contains(QLatin1String("cpu")))
            shown = ResourceUnits::humanCpu(raw);
        statusHtml += row(it.key(), shown);
        if (shown != raw)
            statusTip << it.key() + QStringLiteral(": ") + raw;
    }
    statusHtml += QStringLiteral("</table>");
    m_statusLabel->setText(statusHtml);
    m_statusLabel->setToolTip(statusTip.join(QLatin1Char('\n')));

    m_conditions->clear();
    for (const QJsonValue &v : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        const QDateTime since
            = QDateTime::fromString(c.value(QLatin1String("lastTransitionTime")).toString(), Qt::ISODate);
        m_conditions->addTopLevelItem(new QTreeWidgetItem(
            {c.value(QLatin1String("type")).toString(), c.value(QLatin1String("status")).toString(),
             c.value(QLatin1String("reason")).toString(), c.value(QLatin1String("message")).toString(),
             relative(since, SessionHost::serverNow(m_session.data()))}));
    }
    if (m_conditions->topLevelItemCount() == 0)
        m_conditions->addTopLevelItem(new QTreeWidgetItem({tr("No conditions reported.")}));
    for (int c = 0; c < 3; ++c)
        m_conditions->resizeColumnToContents(c);

    // status.error is a JSON string: {type, message, throwableList: [{type, message}]} (or plain text).
    m_errorTree->clear();
    const QString errorText = status.value(QLatin1String("error")).toString();
    m_errorTree->setVisible(!errorText.isEmpty());
    m_errorHeading->setVisible(!errorText.isEmpty());
    if (!errorText.isEmpty()) {
        const QJsonObject error = QJsonDocument::fromJson(errorText.toUtf8()).object();
        const QString message = error.isEmpty() ? errorText : error.value(QLatin1String("message")).toString();
        auto *top = new QTreeWidgetItem({message});
        top->setToolTip(0, error.value(QLatin1String("type")).toString());
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const QJsonValue &v : error.value(QLatin1String("throwableList")).toArray()) {
            const QJsonObject t = v.toObject();
            top->addChild(new QTreeWidgetItem({t.value(QLatin1String("type")).toString() + QStringLiteral(": ")
                                               + t.value(QLatin1String("message")).toString()}));
        }
        m_errorTree->addTopLevelItem(top);
        top->setExpanded(false);
    }
    updateRestore();
}

void DeploymentPage::updatePlatformOverview()
{
    const QJsonObject spec = m_object.value(QLatin1String("spec")).toObject();
    const QJsonObject status = m_object.value(QLatin1String("status")).toObject();
    const QJsonObject running = status.value(QLatin1String("running")).toObject();
    const QJsonObject templateSpec
        = spec.value(QLatin1String("template")).toObject().value(QLatin1String("spec")).toObject();
    const QJsonObject artifact = templateSpec.value(QLatin1String("artifact")).toObject();
    const QJsonObject restore = spec.value(QLatin1String("restoreStrategy")).toObject();
    QString specHtml = QStringLiteral("<table>");
    specHtml += row(tr("Image"), m_summary.image);
    specHtml += row(tr("Flink version"), m_summary.flinkVersion);
    specHtml += row(tr("Jar"), artifact.value(QLatin1String("jarUri")).toString());
    specHtml += row(tr("Entry class"), artifact.value(QLatin1String("entryClass")).toString());
    specHtml += row(tr("Arguments"), artifact.value(QLatin1String("mainArgs")).toString());
    specHtml += row(tr("Parallelism"), QString::number(m_summary.parallelism));
    specHtml += row(tr("Upgrade strategy"), m_summary.upgradeMode);
    QString restoreText = m_summary.restoreStrategy;
    if (restore.value(QLatin1String("allowNonRestoredState")).toBool())
        restoreText += tr(", non-restored state allowed");
    specHtml += row(tr("Restore strategy"), restoreText);
    specHtml += row(tr("Desired state"), spec.value(QLatin1String("state")).toString());
    specHtml += row(tr("Deployment target"), spec.value(QLatin1String("deploymentTargetName")).toString());
    specHtml += row(tr("Kubernetes HA"), m_summary.haEnabled ? tr("on") : tr("off"));
    specHtml += QStringLiteral("</table>");
    m_specLabel->setText(specHtml);
    m_specLabel->setToolTip(QString());

    const QDateTime since
        = QDateTime::fromString(running.value(QLatin1String("transitionTime")).toString(), Qt::ISODate);
    QString statusHtml = QStringLiteral("<table>");
    statusHtml += row(tr("Platform"), tr("Ververica Platform"));
    statusHtml += row(tr("State"), status.value(QLatin1String("state")).toString());
    statusHtml += row(tr("Job ID"), running.value(QLatin1String("jobId")).toString());
    if (since.isValid())
        statusHtml += row(tr("Since"), relative(since, SessionHost::serverNow(m_session.data())));
    statusHtml += row(tr("Resource version"), m_summary.resourceVersion);
    statusHtml += QStringLiteral("</table>");
    m_statusLabel->setText(statusHtml);
    m_statusLabel->setToolTip(QString());

    m_conditions->clear();
    for (const QJsonValue &v : running.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        const QDateTime changed
            = QDateTime::fromString(c.value(QLatin1String("lastTransitionTime")).toString(), Qt::ISODate);
        m_conditions->addTopLevelItem(new QTreeWidgetItem(
            {c.value(QLatin1String("type")).toString(), c.value(QLatin1String("status")).toString(),
             c.value(QLatin1String("reason")).toString(), c.value(QLatin1String("message")).toString(),
             relative(changed, SessionHost::serverNow(m_session.data()))}));
    }
    if (m_conditions->topLevelItemCount() == 0)
        m_conditions->addTopLevelItem(new QTreeWidgetItem({tr("No conditions reported.")}));
    for (int c = 0; c < 3; ++c)
        m_conditions->resizeColumnToContents(c);
    m_errorTree->clear();
    m_errorTree->setVisible(false);
    m_errorHeading->setVisible(false);
}

QList<Snapshot> DeploymentPage::knownSnapshots() const
{
    QList<Snapshot> known = m_snapshotModel->snapshots();
    // The JobManager's latest checkpoint leaves the Snapshots table when the JobManager goes (its row
    // is what the JobManager reports now); it is still what last-state restores.
    if (m_lastCheckpoint.checkpointId >= 0) {
        const bool listed = std::any_of(known.cbegin(), known.cend(),
                                        [this](const Snapshot &s) { return s.key == m_lastCheckpoint.key; });
        if (!listed)
            known << m_lastCheckpoint;
    }
    return known;
}

void DeploymentPage::updateRestore()
{
    // A blue/green deployment starts nothing itself: each child restores as its page says.
    if (m_object.isEmpty() || m_summary.sessionCluster || m_summary.kind == ResourceKind::FlinkBlueGreenDeployment) {
        m_restoreLabel->clear();
        m_restoreLabel->setVisible(false);
        return;
    }
    m_restoreLabel->setVisible(true);
    const RestoreSource source = RestoreSource::forStart(m_object, knownSnapshots(), m_restoredFrom);
    const QString text = RestoreText::startSentence(source, SessionHost::serverNow(m_session));
    m_restoreLabel->setText(text);
}

void DeploymentPage::applyEvents(const EventBatch &batch)
{
    m_eventModel->applyBatch(batch);
    refreshReasonFilter();
}

void DeploymentPage::refreshReasonFilter()
{
    const QString current = m_eventReason->currentData().toString();
    const QStringList reasons = m_eventModel->reasons();
    if (reasons.size() + 1 == m_eventReason->count())
        return;
    const QSignalBlocker blocker(m_eventReason);
    m_eventReason->clear();
    m_eventReason->addItem(tr("All reasons"), QString());
    for (const QString &reason : reasons)
        m_eventReason->addItem(reason, reason);
    m_eventReason->setCurrentIndex(std::max(0, m_eventReason->findData(current)));
}

void DeploymentPage::applySnapshots(const SnapshotBatch &batch)
{
    m_snapshotModel->applyBatch(batch);
    updateRestore();
    updateTabTitles();
    emit deploymentChanged();
}

void DeploymentPage::setJobManager(const JobManagerInfo &info)
{
    m_jobManager = info;
    // Kept while the JobManager is gone (suspended): what the job restored from is still what its
    // HA metadata holds until a checkpoint completes.
    if (info.reachable || info.restoredFrom.checkpointId >= 0) {
        bool changed = m_restoredFrom.key != info.restoredFrom.key;
        m_restoredFrom = info.restoredFrom;
        for (const Snapshot &s : info.latestCheckpoint) {
            if (s.type == QLatin1String("CHECKPOINT") && s.checkpointId > m_lastCheckpoint.checkpointId) {
                m_lastCheckpoint = s;
                changed = true;
            }
        }
        if (changed)
            updateRestore();
    }
    if (info.reachable)
        m_exceptions->setExceptions(info.exceptions);
    else
        m_exceptions->setUnavailable(info.error.message);
    updateTabTitles();
    if (m_summary.failure.failing)
        updateHeader();
}

void DeploymentPage::setJobs(const QList<JobRun> &jobs)
{
    m_jobModel->setJobs(jobs);
    m_timeline->setJobs(jobs);
    updateTabTitles();
}

const Snapshot *DeploymentPage::selectedSnapshot() const
{
    const QModelIndexList rows = m_snapshotView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const int row = m_snapshotProxy->mapToSource(rows.first()).row();
    return row >= 0 && row < m_snapshotModel->snapshots().size() ? &m_snapshotModel->snapshots().at(row) : nullptr;
}

void DeploymentPage::setActionsBlocked(const QString &reason)
{
    m_actionsBlocked = reason;
    updateRollbackButton();
}

void DeploymentPage::updateRollbackButton()
{
    if (!m_rollbackButton)
        return;
    const Snapshot *s = selectedSnapshot();
    const bool usable = s && s->isCompleted() && !s->path.isEmpty() && !m_summary.sessionCluster;
    m_rollbackButton->setEnabled(usable && m_actionsBlocked.isEmpty());
    m_rollbackButton->setToolTip(!usable ? s ? tr("Only a completed snapshot with a path can be restored.")
                                             : tr("Select a snapshot.")
                                     : !m_actionsBlocked.isEmpty() ? m_actionsBlocked
                                                                   : tr("Redeploy from this snapshot with the "
                                                                        "configuration live when it was taken"));
    // Only a FlinkStateSnapshot is a resource to delete; the one a start would restore from stays.
    const bool platform = m_summary.platform == Deployment::Platform::Ververica;
    const QString refusal = s && !platform ? SnapshotRetention::deletionRefusal(*s, m_object) : QString();
    m_deleteSnapshotButton->setEnabled(s && !platform && refusal.isEmpty() && m_actionsBlocked.isEmpty());
    m_deleteSnapshotButton->setToolTip(!s             ? tr("Select a snapshot.")
                                           : platform ? availability(ActionKind::DeleteSnapshot, m_summary).reason
                                           : !refusal.isEmpty() ? refusal
                                           : !m_actionsBlocked.isEmpty()
                                           ? m_actionsBlocked
                                           : tr("Delete this FlinkStateSnapshot; the operator disposes of its data "
                                                "when it asks for it"));
}

void DeploymentPage::updateTimeline()
{
    m_timeline->setSnapshots(m_snapshotModel->snapshots());
    updateRetention();
}

void DeploymentPage::updateRetention()
{
    if (!m_retentionLabel)
        return;
    if (m_object.isEmpty() || m_summary.platform == Deployment::Platform::Ververica) {
        m_retentionLabel->clear();
        m_snapshotModel->setRetention({}, {});
        return;
    }
    const SnapshotRetention retention = SnapshotRetention::of(m_object);
    const QDateTime now = ServerClock::nowOrLocal(m_session ? m_session->clock().get() : nullptr);
    const QSet<QString> next = retention.nextCleanedUp(m_snapshotModel->snapshots(), now);
    m_snapshotModel->setRetention(next, SnapshotRetention::restorePath(m_object));
    QString text = retention.describe();
    if (!next.isEmpty())
        text += QLatin1Char(' ') + tr("%n snapshot(s) will be cleaned up next.", nullptr, int(next.size()));
    m_retentionLabel->setText(text);
    updateRollbackButton(); // what may be deleted follows the object
}

void DeploymentPage::updateTabTitles()
{
    int warnings = 0;
    for (int row = 0; row < m_eventModel->rowCount(); ++row)
        warnings += m_eventModel->event(row).isWarning() ? 1 : 0;
    m_tabs->setTabText(EventsTab,
                       warnings > 0 ? tr("Events (%1, %2 ⚠)").arg(m_eventModel->rowCount()).arg(warnings)
                                    : tr("Events (%1)").arg(m_eventModel->rowCount()));
    m_tabs->setTabText(SnapshotsTab, tr("Snapshots (%1)").arg(m_snapshotModel->rowCount()));
    m_tabs->setTabText(JobsTab, tr("Jobs (%1)").arg(m_jobModel->rowCount()));
    m_tabs->setTabText(ExceptionsTab,
                       m_jobManager.exceptions.isEmpty() ? tr("Exceptions")
                                                         : tr("Exceptions (%1)").arg(m_jobManager.exceptions.size()));
}

void DeploymentPage::copySelectedEvents()
{
    QList<int> rows;
    const QModelIndexList selected = m_eventView->selectionModel()->selectedRows();
    const auto addRow = [&](const QModelIndex &proxyIndex) { rows << m_eventProxy->mapToSource(proxyIndex).row(); };
    if (selected.isEmpty()) {
        for (int r = 0; r < m_eventProxy->rowCount(); ++r)
            addRow(m_eventProxy->index(r, 0));
    } else {
        for (const QModelIndex &index : selected)
            addRow(index);
    }
    QApplication::clipboard()->setText(m_eventModel->toTsv(rows));
}

void DeploymentPage::exportEvents()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export events"), m_summary.name + QStringLiteral("-events.tsv"),
                                       tr("Tab-separated values (*.tsv)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    QList<int> rows;
    for (int r = 0; r < m_eventProxy->rowCount(); ++r)
        rows << m_eventProxy->mapToSource(m_eventProxy->index(r, 0)).row();
    // Written off the GUI thread; the outcome comes back to the page.
    const QByteArray tsv = m_eventModel->toTsv(rows).toUtf8();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            m_failingBanner->showMessage(MessageBanner::Kind::Warning,
                                         tr("The events could not be written to %1: %2").arg(path, error));
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [path, tsv]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(tsv) < 0 || !file.commit())
            return file.errorString();
        return QString();
    }));
}

bool DeploymentPage::disposeOnDelete() const
{
    return m_disposeCheck->isChecked();
}

void DeploymentPage::setDeploymentList(const DeploymentTableModel *model)
{
    m_related->setModel(model);
}

void DeploymentPage::setSession(SessionHost *session)
{
    if (m_session)
        disconnect(m_session->session(), nullptr, this, nullptr);
    m_session = session;
    // Ages on the page are counted on the cluster's clock.
    const std::shared_ptr<const ServerClock> clock = session ? session->clock() : nullptr;
    m_snapshotModel->setClock(clock);
    m_jobModel->setClock(clock);
    m_timeline->setClock(clock);
    m_metrics->setClock(clock);
    m_pods->setSession(session);
    m_jobGraph->setSession(session);
    m_autoscaler->setSession(session);
    clear();
    hide();
    if (!session)
        return;
    // Queued into this thread; each handler keeps what concerns the deployment shown.
    const BackendSession *source = session->session();
    connect(source, &ClusterSession::deploymentsChanged, this, &DeploymentPage::onDeploymentsChanged);
    connect(source, &ClusterSession::objectChanged, this, [this](const Deployment &parsed, const QJsonObject &object) {
        if (parsed.uid == uid())
            setObject(parsed, object);
    });
    connect(source, &ClusterSession::eventsChanged, this, [this](const EventBatch &batch) {
        if (batch.deploymentUid == uid())
            applyEvents(batch);
    });
    connect(source, &ClusterSession::snapshotsChanged, this, [this](const SnapshotBatch &batch) {
        if (batch.deploymentUid == uid())
            applySnapshots(batch);
    });
    connect(source, &ClusterSession::jobManagerChanged, this, [this](const QString &of, const JobManagerInfo &info) {
        if (of == uid())
            setJobManager(info);
    });
    connect(source, &ClusterSession::jobsChanged, this, [this](const QString &of, const QList<JobRun> &jobs) {
        if (of == uid())
            setJobs(jobs);
    });
    connect(source, &ClusterSession::metricsAppended, this,
            [this](const QString &of, const QList<MetricSample> &samples) {
                if (of == uid())
                    m_metrics->appendMetrics(samples);
            });
    connect(source, &ClusterSession::prometheusFailed, this, [this](const QString &of, const Error &error) {
        if (of == uid())
            emit statusMessage(tr("Metric history from Prometheus is unavailable: %1").arg(error.message), 15000);
    });
    connect(source, &ClusterSession::auditEntries, this, &DeploymentPage::showActionMarkers);
    connect(source, &BackendSession::previousSpecRevision, this,
            [this](const QString &of, const QJsonObject &spec, const QDateTime &since, const QDateTime &until,
                   const QString &action) {
                if (of == uid())
                    m_configuration->setPreviousRevision(spec, since, until, action);
            });
    // An action on this deployment joins the charts' markers as the audit log records it.
    connect(source, &ClusterSession::actionFinished, this, [this](const ActionResult &result) {
        if (result.deploymentUid != uid() || result.outcome == ActionResult::Outcome::Conflict
            || result.outcome == ActionResult::Outcome::Refused)
            return;
        m_actionMarkers.append({result.finishedAt.toMSecsSinceEpoch(), ActionDescriptor::of(result.kind).name()});
        m_metrics->setActionMarkers(m_actionMarkers);
    });
}

void DeploymentPage::open(const Deployment &summary)
{
    if (summary.uid == uid())
        return;
    if (m_session && !uid().isEmpty())
        m_session->closeDeployment(uid());
    clear();
    if (summary.uid.isEmpty()) {
        hide();
        emit closed();
        return;
    }
    showDeployment(summary);
    m_pods->setDeployment(summary);
    m_jobGraph->setDeployment(summary);
    m_autoscaler->setDeployment(summary);
    show();
    if (m_session)
        m_session->openDeployment(summary.uid);
    requestActionMarkers();
}

void DeploymentPage::onDeploymentsChanged(const DeploymentBatch &batch)
{
    if (uid().isEmpty())
        return;
    if (batch.removed.contains(uid())) {
        clear();
        hide();
        emit closed();
        return;
    }
    // The newest copy in the batch, with what the session observed (failures, the last snapshot).
    for (auto it = batch.upserted.crbegin(); it != batch.upserted.crend(); ++it) {
        if (it->uid == uid()) {
            showDeployment(*it);
            return;
        }
    }
}

void DeploymentPage::showActionFailure(const QString &text, const std::function<void()> &reopen)
{
    m_actionBanner->showMessage(MessageBanner::Kind::Error, text);
    if (reopen)
        m_actionBanner->setAction(tr("&Reopen with My Change"), reopen);
}

AuditQuery DeploymentPage::actionMarkerQuery() const
{
    AuditQuery query;
    if (m_session && !uid().isEmpty()) {
        query.context = m_session->contextName();
        query.ns = m_summary.ns;
        query.deployment = m_summary.name;
    }
    return query;
}

void DeploymentPage::requestActionMarkers()
{
    const AuditQuery query = actionMarkerQuery();
    if (m_session && query.isForDeployment())
        m_session->requestAuditEntries(query);
}

void DeploymentPage::showActionMarkers(const AuditQuery &query, const QList<AuditEntry> &entries)
{
    // Answers for the audit log dialog, or for a page shown before this one, are not this page's.
    if (!query.isForDeployment() || query != actionMarkerQuery())
        return;
    QList<QPair<qint64, QString>> markers;
    for (const AuditEntry &entry : entries) {
        // Conflicts and refusals sent nothing: the deployment never saw them.
        if (entry.outcome == QLatin1String("Conflict") || entry.outcome == QLatin1String("Refused"))
            continue;
        const ActionDescriptor *action = ActionDescriptor::find(entry.action);
        markers.append({entry.time.toMSecsSinceEpoch(), action ? action->name() : entry.action});
    }
    m_actionMarkers = markers;
    m_metrics->setActionMarkers(markers);
}

} // namespace capstan
