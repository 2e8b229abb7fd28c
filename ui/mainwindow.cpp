#include "ui/mainwindow.h"

#include "actions/actiondescriptor.h"
#include "notify/notificationhistory.h"
#include "secrets/secretstore.h"
#include "session/sessionhost.h"
#include "ui/actionscontroller.h"
#include "ui/activitypanel.h"
#include "ui/auditlogdialog.h"
#include "ui/autoscaler/autoscalerpanel.h"
#include "ui/commandpalette.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/deploymenttemplates.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/fleet/fleetview.h"
#include "ui/menuactions.h"
#include "ui/metricsview.h"
#include "ui/models/activitymodel.h"
#include "ui/models/deploymentfilterproxymodel.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/notify/notificationspanel.h"
#include "ui/preferencesdialog.h"
#include "ui/preferencesstore.h"
#include "ui/prometheusdialog.h"
#include "ui/sessionsettings.h"
#include "ui/shortcutsdialog.h"
#include "ui/vvp/platformconnectdialog.h"
#include "ui/vvp/rememberedplatforms.h"
#include "ui/vvp/vvpadminactions.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/dashboardindicator.h"
#include "ui/widgets/emptylistplaceholder.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/stateicons.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan {

namespace {
const QString kAllNamespaces; // the item data of "All namespaces"
QList<MainWindow *> g_windows;
} // namespace

MainWindow::MainWindow(const KubeConfig &config, const QString &context, const QString &ns,
                       const SessionOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_config(config)
    , m_options(options)
    , m_contextCombo(new QComboBox(this))
    , m_namespaceCombo(new QComboBox(this))
    , m_indicator(new ConnectionIndicator(this))
    , m_filter(new QLineEdit(this))
    , m_banner(new MessageBanner(this))
    , m_table(new QTableView(this))
    , m_countLabel(new QLabel(this))
    , m_model(new DeploymentTableModel(this))
    , m_proxy(new DeploymentFilterProxyModel(this))
    , m_page(new DeploymentPage(this))
    , m_activity(new ActivityModel(this))
    , m_actions(new ActionsController(this, m_activity, m_page))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Capstan"));
    resize(1440, 900);
    g_windows.append(this);

    createMenus();
    // A lasting note rather than a banner: connection states replace the banner's message.
    auto showKeychainWarning = [this](const QString &message) {
        auto *label = new QLabel(tr("No keychain: secrets are kept until Capstan quits"), this);
        label->setObjectName(QStringLiteral("keychainWarningLabel"));
        label->setToolTip(message);
        label->setAccessibleDescription(message);
        statusBar()->addPermanentWidget(label);
    };
    if (!SecretStore::shared()->keychainAvailable())
        showKeychainWarning(SecretStore::shared()->unavailableMessage());
    else
        connect(SecretStore::shared(), &SecretStore::keychainUnavailable, this, showKeychainWarning);
    auto *activityDock = new QDockWidget(tr("Activity"), this);
    activityDock->setObjectName(QStringLiteral("activityDock"));
    auto *activityPanel = new ActivityPanel(m_activity, activityDock);
    activityDock->setWidget(activityPanel);
    addDockWidget(Qt::BottomDockWidgetArea, activityDock);
    activityDock->hide();
    connect(activityPanel, &ActivityPanel::abandonRequested, m_actions, &ActionsController::abandon);
    connect(activityPanel, &ActivityPanel::reopenRequested, m_actions, &ActionsController::reopenWithChange);
    // Every action shows its steps as they happen.
    connect(m_activity, &QAbstractItemModel::rowsInserted, activityDock,
            [activityDock](const QModelIndex &parentIndex) {
                if (!parentIndex.isValid())
                    activityDock->show();
            });
    QAction *toggleActivity = activityDock->toggleViewAction();
    toggleActivity->setText(tr("&Activity"));
    toggleActivity->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_viewMenu->addAction(toggleActivity);
    auto *fleetDock = new QDockWidget(tr("Fleet"), this);
    fleetDock->setObjectName(QStringLiteral("fleetDock"));
    m_fleetView = new FleetView(fleetDock);
    fleetDock->setWidget(m_fleetView);
    addDockWidget(Qt::BottomDockWidgetArea, fleetDock);
    fleetDock->hide();
    // Its sessions (one per watched context) start when it is first shown, not with every window.
    connect(fleetDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            fleetSessions();
    });
    connect(m_fleetView, &FleetView::openRequested, this, &MainWindow::openFromFleet);
    QAction *toggleFleet = fleetDock->toggleViewAction();
    toggleFleet->setText(tr("Fl&eet"));
    toggleFleet->setObjectName(QStringLiteral("fleetAction"));
    toggleFleet->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    toggleFleet->setStatusTip(tr("Every deployment of every watched context in one list"));
    m_viewMenu->addAction(toggleFleet);
    m_notificationsDock = new QDockWidget(tr("Notifications"), this);
    m_notificationsDock->setObjectName(QStringLiteral("notificationsDock"));
    m_notificationsPanel = new NotificationsPanel(
        notificationHistoryPath() == QLatin1String("-") ? QStringLiteral(":memory:") : notificationHistoryPath(),
        m_notificationsDock);
    m_notificationsDock->setWidget(m_notificationsPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_notificationsDock);
    m_notificationsDock->hide();
    connect(m_notificationsPanel, &NotificationsPanel::openRequested, this, &MainWindow::openFromFleet);
    connect(m_notificationsDock, &QDockWidget::visibilityChanged, m_notificationsPanel, [this](bool visible) {
        if (!visible)
            return;
        m_notificationsPanel->refresh();
        // A side dock opens as narrow as its widest control; the history's summaries need room. A
        // width the user gave it (kept with the window's layout) stays.
        if (!m_notificationsDock->isFloating() && m_notificationsDock->width() < 420)
            resizeDocks({m_notificationsDock}, {std::max(480, width() * 2 / 5)}, Qt::Horizontal);
    });
    QAction *toggleNotifications = m_notificationsDock->toggleViewAction();
    toggleNotifications->setText(tr("Notificatio&ns"));
    toggleNotifications->setObjectName(QStringLiteral("notificationsAction"));
    toggleNotifications->setShortcut(QKeySequence(tr("Ctrl+Shift+J")));
    toggleNotifications->setStatusTip(tr("Everything Capstan notified, searchable"));
    m_viewMenu->addAction(toggleNotifications);
    menuBar()->insertMenu(m_helpMenu->menuAction(), m_actions->menu());
    m_actions->menu()->addSeparator();
    m_pinAction = m_actions->menu()->addAction(tr("&Keep Collecting Metrics"));
    m_pinAction->setObjectName(QStringLiteral("pinMetricsAction"));
    m_pinAction->setShortcut(QKeySequence(tr("Ctrl+Alt+P")));
    m_pinAction->setCheckable(true);
    m_pinAction->setEnabled(false);
    m_pinAction->setStatusTip(
        tr("Poll this deployment's metrics while its page is closed, so its charts have no gaps"));
    connect(m_pinAction, &QAction::triggered, this, &MainWindow::setCurrentPinned);
    m_page->addHeaderActions({m_actions->configureAction(), nullptr, m_actions->action(ActionKind::Savepoint),
                              m_actions->action(ActionKind::Suspend)});
    m_page->addActionMenu(m_actions->cancelMenu());
    m_page->addHeaderActions({m_actions->action(ActionKind::Start), m_actions->action(ActionKind::Restart),
                              m_actions->action(ActionKind::RollbackToStable)});
    m_page->autoscalerPanel()->addActionButtons(
        {m_actions->action(ActionKind::EnableAutoscaler), m_actions->action(ActionKind::AutoscalerAdvisory),
         m_actions->action(ActionKind::AutoscalerActive), m_actions->action(ActionKind::DisableAutoscaler),
         m_actions->action(ActionKind::ResetAutoscaler)});
    auto *dashboards = new DashboardIndicator(m_page, this);
    m_actions->menu()->addAction(dashboards->openAction());
    connect(dashboards, &DashboardIndicator::statusMessage, statusBar(), &QStatusBar::showMessage);
    statusBar()->addPermanentWidget(dashboards);
    connect(m_page, &DeploymentPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_page->setDeploymentList(m_model);
    connect(m_page, &DeploymentPage::openRequested, this, [this](const QString &uid) {
        if (!openDeploymentByUid(uid))
            statusBar()->showMessage(tr("That deployment is not in the list: clear the filter to open it."), 8000);
    });
    connect(m_page, &DeploymentPage::closed, this, [this] {
        m_pinAction->setEnabled(false);
        m_pinAction->setChecked(false);
    });

    createKeyboardActions();

    auto *toolbar = addToolBar(tr("Context"));
    toolbar->setObjectName(QStringLiteral("contextToolBar"));
    toolbar->setMovable(false);
    auto *contextLabel = new QLabel(tr("&Context:"), this);
    contextLabel->setBuddy(m_contextCombo);
    m_contextCombo->setObjectName(QStringLiteral("contextComboBox"));
    m_contextCombo->setAccessibleName(tr("Kubernetes context"));
    m_contextCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_contextCombo->setMinimumContentsLength(18);
    for (const KubeContext &c : config.contexts) {
        m_contextCombo->addItem(c.name, c.name);
        m_contextCombo->setItemData(
            m_contextCombo->count() - 1,
            tr("Kubernetes context: the Flink Kubernetes Operator's deployments in cluster %1").arg(c.cluster),
            Qt::ToolTipRole);
    }
    for (const RememberedPlatforms::Entry &platform : RememberedPlatforms::all()) {
        // One behind a context the kubeconfig no longer has stays remembered, but unlisted.
        if (platform.endpoint.kind == VvpEndpoint::Kind::Url || config.context(platform.kubeContext))
            addPlatform(platform.kubeContext, platform.endpoint);
    }
    auto *nsLabel = new QLabel(tr("&Namespace:"), this);
    nsLabel->setBuddy(m_namespaceCombo);
    m_namespaceCombo->setObjectName(QStringLiteral("namespaceComboBox"));
    m_namespaceCombo->setAccessibleName(tr("Namespace"));
    m_namespaceCombo->setEditable(true);
    m_namespaceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_namespaceCombo->setMinimumContentsLength(16);
    m_namespaceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toolbar->addWidget(contextLabel);
    toolbar->addWidget(m_contextCombo);
    toolbar->addSeparator();
    toolbar->addWidget(nsLabel);
    toolbar->addWidget(m_namespaceCombo);
    toolbar->addSeparator();
    toolbar->addWidget(m_indicator);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter deployments…"));
    m_filter->setAccessibleName(tr("Filter deployments"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(240);
    toolbar->addWidget(m_filter);

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("deploymentTableView"));
    m_table->setAccessibleName(tr("Flink deployments"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DeploymentTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: no per-row measuring
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(DeploymentTableModel::Name, QHeaderView::Stretch);
    const int charWidth = fontMetrics().averageCharWidth();
    const std::pair<int, int> widths[]
        = {{DeploymentTableModel::Kind, 15},         {DeploymentTableModel::Namespace, 16},
           {DeploymentTableModel::State, 17},        {DeploymentTableModel::JobState, 16},
           {DeploymentTableModel::Parallelism, 12},  {DeploymentTableModel::UpgradeMode, 14},
           {DeploymentTableModel::FlinkVersion, 13}, {DeploymentTableModel::LastSnapshot, 14},
           {DeploymentTableModel::Restarts, 9},      {DeploymentTableModel::Age, 7}};
    for (const auto &[column, chars] : widths)
        m_table->setColumnWidth(column, chars * charWidth + 24);
    m_emptyPlaceholder = new EmptyListPlaceholder(m_table->viewport());
    connect(m_emptyPlaceholder, &EmptyListPlaceholder::showAllNamespacesRequested, this, [this] {
        m_namespaceCombo->setCurrentIndex(m_namespaceCombo->findData(kAllNamespaces));
        onNamespaceChosen();
    });
    connect(m_emptyPlaceholder, &EmptyListPlaceholder::clearFilterRequested, m_filter, &QLineEdit::clear);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(Qt::Vertical, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_page);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // The list keeps room for a handful of rows however tall the page and the Activity panel get.
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 6
                              + m_table->horizontalHeader()->sizeHint().height());
    m_page->hide();
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);

    m_countLabel->setObjectName(QStringLiteral("deploymentCountLabel"));
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateCount();
    });
    connect(m_contextCombo, &QComboBox::activated, this,
            [this](int index) { openContext(m_contextCombo->itemData(index).toString(), QString()); });
    connect(m_namespaceCombo, &QComboBox::activated, this, &MainWindow::onNamespaceChosen);
    connect(m_namespaceCombo->lineEdit(), &QLineEdit::returnPressed, this, &MainWindow::onNamespaceChosen);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
    // The proxy drops its rows while the source is about to remove them: the total is right only
    // once the source has.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);

    QString initial = context;
    QString initialNamespace = ns;
    if (initial.isEmpty())
        lastSession(&initial, &initialNamespace);
    if (initial.isEmpty())
        initial = config.context(config.currentContext) ? config.currentContext
            : config.contexts.isEmpty()                 ? QString()
                                                        : config.contexts.first().name;
    if (initial.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("No kubeconfig context found. Start Capstan with --kubeconfig FILE, set KUBECONFIG, "
                                 "or try the built-in sandbox with --sandbox."));
        m_indicator->setState(SessionState::Failed, {}, 0);
    } else {
        openContext(initial, initialNamespace);
    }
    updateCount();
    restoreLayout();
    connect(PreferencesStore::instance(), &PreferencesStore::changed, this, &MainWindow::applyPreferences);
}

MainWindow::~MainWindow()
{
    g_windows.removeAll(this);
    delete m_session;
}

QString MainWindow::currentContext() const
{
    return m_contextName;
}

QString MainWindow::kubeContextOf(const QString &context) const
{
    const auto platform = m_platforms.constFind(context);
    return platform == m_platforms.cend() ? context : platform->first;
}

QString MainWindow::addPlatform(const QString &kubeContext, const VvpEndpoint &endpoint)
{
    // A name without "/" or ":", as settings are keyed by the context's name.
    const QString name = endpoint.kind == VvpEndpoint::Kind::Url
        ? tr("Ververica Platform at %1").arg(endpoint.url.host())
        : tr("%1 (Ververica Platform %2.%3)").arg(kubeContext, endpoint.service, endpoint.ns);
    if (!m_platforms.contains(name))
        m_contextCombo->addItem(name, name);
    // Connecting by hand again may move it (another port of the same host).
    m_platforms.insert(name, {kubeContext, endpoint});
    m_contextCombo->setItemData(
        m_contextCombo->findData(name),
        endpoint.kind == VvpEndpoint::Kind::Url
            ? tr("Ververica Platform's Application Manager at %1, reached directly").arg(endpoint.describe())
            : tr("Ververica Platform's Application Manager: Service %1 through the API "
                 "server of context %2")
                  .arg(endpoint.describe(), kubeContext),
        Qt::ToolTipRole);
    return name;
}

QString MainWindow::currentNamespace() const
{
    return m_namespace;
}

void MainWindow::openContext(const QString &context, const QString &ns)
{
    delete m_session;
    m_model->clear();
    m_banner->hide();
    const int index = m_contextCombo->findData(context);
    if (index >= 0)
        m_contextCombo->setCurrentIndex(index);
    const KubeContext *entry = m_config.context(kubeContextOf(context));
    // A platform's namespaces are its own, not the Kubernetes context's.
    m_contextNamespace = entry && !m_platforms.contains(context) ? entry->ns : QString();
    const auto platform = m_platforms.constFind(context);
    m_options.platform = platform == m_platforms.cend() ? VvpEndpoint() : platform->second;
    m_options.platformToken.clear();
    if (ns == QLatin1String("*") || ns == QLatin1String("all"))
        m_namespace = kAllNamespaces;
    else
        m_namespace = ns.isEmpty() ? m_contextNamespace : ns;
    setNamespaceItems({});
    setWindowTitle(tr("%1 – Capstan").arg(context));

    m_page->setSession(nullptr);
    findChild<DashboardIndicator *>()->setSession(nullptr);
    findChild<VvpAdminActions *>()->setSession(nullptr);
    m_contextName = context;
    m_actions->setSession(nullptr);
    updateTokenActions();
    const QString kubeContext = kubeContextOf(context);
    if (m_options.platform.kind == VvpEndpoint::Kind::Url && m_options.platform.isValid()) {
        // The platform's API token, if it has one, waits in the keychain.
        m_indicator->setState(SessionState::Connecting, {}, 0);
        SecretStore::shared()->read(SecretStore::platformTokenKey(m_options.platform.url), this,
                                    [this, context](const QString &token) {
                                        if (m_contextName != context || m_session)
                                            return;
                                        m_options.platformToken = token;
                                        startSession();
                                    });
        return;
    }
    if (!m_platforms.contains(context) && !m_config.hasCredentials(kubeContext) && !m_tokens.contains(kubeContext)) {
        // A token entered for this context earlier waits in the keychain.
        m_indicator->setState(SessionState::Connecting, {}, 0);
        SecretStore::shared()->read(SecretStore::contextTokenKey(context), this, [this, context](const QString &token) {
            if (m_contextName != context || m_session)
                return;
            if (!token.isEmpty())
                m_tokens.insert(context, token);
            startSession();
        });
        return;
    }
    startSession();
}

void MainWindow::startSession()
{
    const QString context = kubeContextOf(m_contextName);
    updateTokenActions();
    m_session = new SessionHost(sessionConfig(context), context, m_namespace, m_options, this);
    m_actions->setSession(m_session);
    m_page->setSession(m_session);
    findChild<DashboardIndicator *>()->setSession(m_session);
    findChild<VvpAdminActions *>()->setSession(m_options.platform.isValid() ? m_session.data() : nullptr);
    m_model->setClock(m_session->clock());
    m_indicator->setClock(m_session->clock());
    loadPrometheus(context);
    applyPinned();
    const BackendSession *source = m_session->session();
    connect(source, &ClusterSession::actionFinished, this, [this] {
        if (auto *dialog = findChild<AuditLogDialog *>(); dialog && m_session)
            m_session->requestAuditEntries(AuditQuery()); // the open Audit Log shows it too
    });
    connect(source, &ClusterSession::connected, this,
            [this](const ConnectionSummary &summary) { m_indicator->setInsecure(summary.insecure); });
    // What a previous context's session queued before it was closed may still arrive: only the current
    // session's reach the list.
    const quint64 serial = ++m_sessionSerial;
    connect(source, &ClusterSession::stateChanged, this,
            [this, serial](SessionState state, const Error &error, int retryInMs) {
                if (serial == m_sessionSerial)
                    onStateChanged(state, error, retryInMs);
            });
    connect(source, &ClusterSession::deploymentsChanged, m_model, [this, serial](const DeploymentBatch &batch) {
        if (serial == m_sessionSerial)
            m_model->applyBatch(batch);
    });
    connect(source, &ClusterSession::namespacesListed, this,
            [this, serial](const QStringList &namespaces, bool forbidden) {
                if (serial == m_sessionSerial)
                    onNamespacesListed(namespaces, forbidden);
            });
    connect(source, &BackendSession::platformsFound, this, [this, context](const QList<VvpEndpoint> &endpoints) {
        for (const VvpEndpoint &endpoint : endpoints)
            addPlatform(context, endpoint);
    });
}

void MainWindow::setNamespaceItems(const QStringList &namespaces)
{
    const QSignalBlocker blocker(m_namespaceCombo);
    m_namespaceCombo->clear();
    m_namespaceCombo->addItem(tr("All namespaces"), kAllNamespaces);
    QStringList names = namespaces;
    for (const QString &extra : {m_contextNamespace, m_namespace}) {
        if (!extra.isEmpty() && !names.contains(extra))
            names << extra;
    }
    for (const QString &name : std::as_const(names))
        m_namespaceCombo->addItem(name, name);
    const int index = m_namespaceCombo->findData(m_namespace);
    m_namespaceCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void MainWindow::onNamespacesListed(const QStringList &namespaces, bool forbidden)
{
    setNamespaceItems(namespaces);
    if (forbidden) {
        m_namespaceCombo->setToolTip(tr("You may not list namespaces in this cluster: type a namespace name and "
                                        "press Enter."));
        m_namespaceCombo->lineEdit()->setPlaceholderText(tr("Type a namespace…"));
    } else {
        m_namespaceCombo->setToolTip(QString());
    }
}

void MainWindow::onNamespaceChosen()
{
    const QString text = m_namespaceCombo->currentText().trimmed();
    const int index = m_namespaceCombo->findText(text);
    const QString ns = index >= 0 ? m_namespaceCombo->itemData(index).toString() : text;
    if (ns == m_namespace || !m_session)
        return;
    m_namespace = ns;
    if (index < 0)
        setNamespaceItems({}); // keeps what the user typed as an item
    m_session->setNamespace(ns);
}

void MainWindow::onStateChanged(SessionState state, const Error &error, int retryInMs)
{
    m_indicator->setState(state, error, retryInMs);
    if (state == SessionState::Live)
        m_listedNamespace = m_namespace; // its list has arrived: an empty one means empty
    updateCount();
    // A refused credential is retried like any failure, but only the user can fix it: say so at once.
    const bool refused = error.httpStatus == 401 || error.httpStatus == 403;
    if (state == SessionState::Connecting && refused)
        state = SessionState::Failed;
    // Nor is a refusal a lost connection (another namespace chosen, a role taken away): say what it is.
    if (state == SessionState::Reconnecting && error.httpStatus == 403)
        state = SessionState::Failed;
    switch (state) {
    case SessionState::Live:
    case SessionState::Connecting:
        m_banner->hide();
        m_table->setPalette(QPalette());
        break;
    case SessionState::Reconnecting: {
        // Dim the rows: a stale list must not look like a live one.
        QPalette stale = m_table->palette();
        stale.setColor(QPalette::Text, stale.color(QPalette::PlaceholderText));
        m_table->setPalette(stale);
        // A stale view must never look live.
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Connection lost: the list shows the last known state and is not updating. "
                                 "Capstan reconnects automatically.\n%1")
                                      .arg(error.message)
                                  + credentialsHint(error));
        break;
    }
    case SessionState::Failed: {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Cannot open context \"%1\": %2").arg(currentContext(), error.toString())
                                  + credentialsHint(error));
        // Many accounts are bound to one namespace (a RoleBinding) and may not list across them:
        // offer the context's own namespace, where they may.
        if (error.httpStatus == 403 && m_namespace == kAllNamespaces && !m_contextNamespace.isEmpty()) {
            const QString context = currentContext();
            const QString ns = m_contextNamespace;
            m_banner->setAction(tr("&Show Namespace %1").arg(ns), [this, context, ns] { openContext(context, ns); });
        }
        break;
    }
    }
}

QString MainWindow::credentialsHint(const Error &error) const
{
    if (error.httpStatus != 401 && error.httpStatus != 403)
        return {};
    if (m_options.platform.kind == VvpEndpoint::Kind::Url && m_options.platform.isValid())
        return QLatin1Char('\n')
            + tr("The platform did not accept the API token: use File → Connect to Ververica Platform… to enter "
                 "it again.");
    if (m_config.hasCredentials(kubeContextOf(currentContext())))
        return {};
    return QLatin1Char('\n')
        + tr("The kubeconfig gives this context no credentials: use File → Connect with Token… to sign in with "
             "a bearer token.");
}

void MainWindow::createMenus()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *newWindow = file->addAction(tr("&New Window"), this, [this] {
        // Another context side by side: each window has its own session and backend thread.
        auto *window = new MainWindow(m_config, currentContext(),
                                      m_namespace.isEmpty() ? QStringLiteral("all") : m_namespace, m_options);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    newWindow->setObjectName(QStringLiteral("newWindowAction"));
    const ActionDescriptor &create = ActionDescriptor::of(ActionKind::Create);
    QAction *newDeployment = file->addAction(create.menuText(), this, [this] {
        // New deployments go to the namespace shown (or the context's).
        m_actions->openConfigureDialog(true, m_namespace.isEmpty() ? m_contextNamespace : m_namespace);
    });
    newDeployment->setObjectName(QLatin1String(create.objectName));
    newDeployment->setShortcut(QKeySequence(create.shortcut()));
    newWindow->setShortcut(QKeySequence::New);
    file->addSeparator();
    m_connectTokenAction = file->addAction(tr("Connect with &Token…"), this, &MainWindow::connectWithToken);
    m_connectTokenAction->setObjectName(QStringLiteral("connectTokenAction"));
    m_connectTokenAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_connectTokenAction->setStatusTip(tr("Sign in to a context whose kubeconfig has no credentials"));
    m_forgetTokenAction = file->addAction(tr("&Forget Token"), this, &MainWindow::forgetToken);
    m_forgetTokenAction->setObjectName(QStringLiteral("forgetTokenAction"));
    m_forgetTokenAction->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+I")));
    m_forgetTokenAction->setStatusTip(tr("Remove the token entered for this context from the keychain"));
    file->addSeparator();
    QAction *connectPlatform
        = file->addAction(tr("Connect to Ververica Platfor&m…"), this, &MainWindow::connectPlatform);
    connectPlatform->setObjectName(QStringLiteral("connectPlatformAction"));
    connectPlatform->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connectPlatform->setStatusTip(tr("Name a Ververica Platform's Service or URL and list it as a context"));
    m_forgetPlatformAction = file->addAction(tr("Forget Ververica P&latform"), this, &MainWindow::forgetPlatform);
    m_forgetPlatformAction->setObjectName(QStringLiteral("forgetPlatformAction"));
    m_forgetPlatformAction->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+O")));
    m_forgetPlatformAction->setStatusTip(
        tr("Remove this platform from the context list, and its API token from the keychain"));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close Window"), this, &QWidget::close);
    close->setObjectName(QStringLiteral("closeWindowAction"));
    close->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *filter = view->addAction(tr("&Filter Deployments"), this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    QAction *context = view->addAction(tr("Switch &Context…"), this, [this] {
        m_contextCombo->setFocus(Qt::ShortcutFocusReason);
        m_contextCombo->showPopup();
    });
    context->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    QAction *audit = view->addAction(tr("Audit &Log…"), this, [this] {
        if (!m_session)
            return;
        auto *dialog = new AuditLogDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const AuditQuery everything;
        connect(m_session->session(), &ClusterSession::auditEntries, dialog,
                [dialog, everything](const AuditQuery &query, const QList<AuditEntry> &entries) {
                    if (query == everything)
                        dialog->setEntries(entries);
                });
        m_session->requestAuditEntries(everything);
        dialog->open();
    });
    audit->setObjectName(QStringLiteral("auditLogAction"));
    QAction *history = view->addAction(tr("Metric &History Source…"), this, &MainWindow::editPrometheus);
    history->setObjectName(QStringLiteral("prometheusAction"));
    new VvpAdminActions(this, view);

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&About Capstan"), this, [this] {
        QMessageBox::about(this, tr("About Capstan"),
                           tr("<b>Capstan %1</b><p>A desktop console for Apache Flink deployments on Kubernetes.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

namespace {

// Reads the token and the password of a context's Prometheus from the keychain, then calls `done`.
void readPrometheusSecrets(const QString &context, PrometheusConfig config, QObject *receiver,
                           std::function<void(const PrometheusConfig &)> done)
{
    SecretStore *secrets = SecretStore::shared();
    secrets->read(SecretStore::prometheusKey(context, QStringLiteral("token")), receiver,
                  [secrets, context, config, receiver, done](const QString &token) mutable {
                      config.bearerToken = token;
                      secrets->read(SecretStore::prometheusKey(context, QStringLiteral("password")), receiver,
                                    [config, done](const QString &password) mutable {
                                        config.password = password;
                                        done(config);
                                    });
                  });
}

} // namespace

void MainWindow::loadPrometheus(const QString &context)
{
    const PrometheusConfig config = SessionSettings::prometheus(context);
    if (!config.isSet())
        return;
    readPrometheusSecrets(context, config, this, [this, context](const PrometheusConfig &withSecrets) {
        if (m_session && m_session->contextName() == context)
            m_session->setPrometheus(withSecrets);
    });
}

void MainWindow::editPrometheus()
{
    const QString context = currentContext();
    if (context.isEmpty())
        return;
    const PrometheusConfig saved = SessionSettings::prometheus(context);
    readPrometheusSecrets(context, saved, this, [this, context](const PrometheusConfig &current) {
        if (context != currentContext() || findChild<PrometheusDialog *>())
            return;
        auto *dialog = new PrometheusDialog(context, current, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, context] {
            const PrometheusConfig config = dialog->config();
            SessionSettings::setPrometheus(context, config);
            // Secrets go to the keychain only; an empty field removes what was stored.
            auto reportFailure = [this](const Error &error) {
                if (!error.message.isEmpty())
                    m_banner->showMessage(MessageBanner::Kind::Error, error.message);
            };
            SecretStore::shared()->write(SecretStore::prometheusKey(context, QStringLiteral("token")),
                                         config.bearerToken, this, reportFailure);
            SecretStore::shared()->write(SecretStore::prometheusKey(context, QStringLiteral("password")),
                                         config.password, this, reportFailure);
            if (m_session && m_session->contextName() == context)
                m_session->setPrometheus(config);
        });
        dialog->open();
    });
}

KubeConfig MainWindow::sessionConfig(const QString &context) const
{
    const auto token = m_tokens.constFind(context);
    return token == m_tokens.cend() ? m_config : m_config.withContextToken(context, *token);
}

void MainWindow::connectWithToken()
{
    const QString context = currentContext();
    if (context.isEmpty() || m_config.hasCredentials(context))
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("connectTokenDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Connect with Token"));
    dialog->setLabelText(tr("The kubeconfig gives context \"%1\" no credentials. Paste a bearer token for it "
                            "(for example from \"kubectl create token\").\nCapstan keeps it in the system "
                            "keychain, never in a file.")
                             .arg(context));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setOkButtonText(tr("&Connect"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, context](const QString &text) {
        const QString token = text.trimmed();
        if (token.isEmpty() || context != currentContext())
            return;
        SecretStore::shared()->write(SecretStore::contextTokenKey(context), token, this, [this](const Error &error) {
            if (!error.message.isEmpty())
                m_banner->showMessage(MessageBanner::Kind::Error, error.message);
        });
        m_tokens.insert(context, token);
        if (m_fleetSessions)
            m_fleetSessions->useToken(context, token);
        openContext(context, m_namespace.isEmpty() ? QStringLiteral("all") : m_namespace);
    });
    dialog->open();
}

void MainWindow::forgetToken()
{
    const QString context = currentContext();
    if (!m_tokens.remove(context))
        return;
    SecretStore::shared()->write(SecretStore::contextTokenKey(context), QString(), this);
    openContext(context, m_namespace.isEmpty() ? QStringLiteral("all") : m_namespace);
}

void MainWindow::connectPlatform()
{
    if (auto *open = findChild<PlatformConnectDialog *>()) {
        open->raise();
        return;
    }
    QStringList kubeContexts;
    for (const KubeContext &c : std::as_const(m_config.contexts))
        kubeContexts << c.name;
    auto *dialog = new PlatformConnectDialog(kubeContexts, kubeContextOf(currentContext()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto platform = m_platforms.constFind(currentContext()); platform != m_platforms.cend())
        dialog->setConnection(platform->first, platform->second);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const PlatformConnectDialog::Connection c = dialog->connection();
        const QString name = addPlatform(c.kubeContext, c.endpoint);
        RememberedPlatforms::remember({name, c.kubeContext, c.endpoint});
        if (c.endpoint.kind == VvpEndpoint::Kind::Url) {
            // The keychain only. No token (Community Edition) removes one stored before.
            SecretStore::shared()->write(SecretStore::platformTokenKey(c.endpoint.url), c.token, this,
                                         [this](const Error &error) {
                                             if (!error.message.isEmpty())
                                                 m_banner->showMessage(MessageBanner::Kind::Error, error.message);
                                         });
        }
        openContext(name, QStringLiteral("all"));
    });
    dialog->open();
}

void MainWindow::forgetPlatform()
{
    const QString name = currentContext();
    const auto platform = m_platforms.constFind(name);
    if (platform == m_platforms.cend())
        return;
    const auto [kubeContext, endpoint] = *platform;
    RememberedPlatforms::forget({name, kubeContext, endpoint});
    if (endpoint.kind == VvpEndpoint::Kind::Url)
        SecretStore::shared()->write(SecretStore::platformTokenKey(endpoint.url), QString(), this);
    m_platforms.remove(name);
    m_contextCombo->removeItem(m_contextCombo->findData(name));
    // Back to the context it went through, else the kubeconfig's current one.
    QString next = m_config.context(kubeContext) ? kubeContext : m_config.currentContext;
    if (!m_config.context(next))
        next = m_config.contexts.isEmpty() ? QString() : m_config.contexts.constFirst().name;
    if (!next.isEmpty()) {
        openContext(next, QString());
        return;
    }
    m_page->setSession(nullptr);
    findChild<DashboardIndicator *>()->setSession(nullptr);
    findChild<VvpAdminActions *>()->setSession(nullptr);
    m_actions->setSession(nullptr);
    delete m_session;
    m_model->clear();
    m_contextName.clear();
    setWindowTitle(tr("Capstan"));
    m_indicator->setState(SessionState::Failed, {}, 0);
    updateTokenActions();
}

void MainWindow::updateTokenActions()
{
    if (!m_connectTokenAction)
        return;
    const QString context = currentContext();
    // A platform at a URL goes through no context: its token is the platform's own.
    m_connectTokenAction->setEnabled(!context.isEmpty() && !kubeContextOf(context).isEmpty()
                                     && !m_config.hasCredentials(context));
    m_forgetTokenAction->setEnabled(m_tokens.contains(context));
    m_forgetPlatformAction->setEnabled(m_platforms.contains(context) && RememberedPlatforms::contains(context));
}

QDialog *MainWindow::configureDialog() const
{
    return m_actions->configureDialog();
}

void MainWindow::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QString uid = rows.isEmpty() ? QString() : rows.first().data(DeploymentTableModel::UidRole).toString();
    if (uid == m_page->uid() || !m_session)
        return;
    const Deployment *d = m_model->deployment(uid);
    m_page->open(d ? *d : Deployment());
    if (!d)
        return;
    m_pinAction->setEnabled(true);
    m_pinAction->setChecked(pinnedDeployments().contains(d->key()));
}

QStringList MainWindow::pinnedDeployments() const
{
    return SessionSettings::pinned(currentContext());
}

void MainWindow::setCurrentPinned(bool pinned)
{
    if (m_page->uid().isEmpty())
        return;
    const QString key = m_page->summary().key();
    QStringList keys = pinnedDeployments();
    keys.removeAll(key);
    if (pinned)
        keys << key;
    SessionSettings::setPinned(currentContext(), keys);
    applyPinned();
}

void MainWindow::applyPinned()
{
    const QStringList keys = pinnedDeployments();
    m_model->setPinned(QSet<QString>(keys.cbegin(), keys.cend()));
    if (m_session)
        m_session->setPinned(keys);
}

bool MainWindow::openDeploymentByUid(const QString &uid)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, DeploymentTableModel::Name);
        if (index.data(DeploymentTableModel::UidRole).toString() == uid) {
            m_table->selectRow(row);
            m_table->scrollTo(index);
            return true;
        }
    }
    return false;
}

bool MainWindow::openDeployment(const QString &ns, const QString &name)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, DeploymentTableModel::Name);
        if (index.data().toString() == name
            && m_proxy->index(row, DeploymentTableModel::Namespace).data().toString() == ns) {
            m_table->selectRow(row);
            m_table->scrollTo(index);
            return true;
        }
    }
    return false;
}

void MainWindow::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_countLabel->setText(shown == total ? tr("%n deployment(s)", nullptr, total)
                                         : tr("%1 of %n deployment(s)", nullptr, total).arg(shown));
    m_emptyPlaceholder->refresh(m_indicator->state() == SessionState::Live && m_listedNamespace == m_namespace, shown,
                                m_namespace, m_filter->text());
}

QList<MainWindow *> MainWindow::windows()
{
    return g_windows;
}

SessionHost *MainWindow::session() const
{
    return m_session;
}

void MainWindow::createKeyboardActions()
{
    QMenu *file = m_fileMenu;
    QMenu *view = m_viewMenu;
    QMenu *help = m_helpMenu;
    auto *close = findChild<QAction *>(QStringLiteral("closeWindowAction"));

    auto *preferences = new QAction(tr("&Preferences…"), this);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    file->insertAction(close, preferences);
    file->insertSeparator(close);

    // Platforms whose key scheme has no Quit key (Windows's) still get one.
    if (auto *quit = findChild<QAction *>(QStringLiteral("quitAction")); quit && quit->shortcuts().isEmpty())
        quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    // View entries without a key of their own until now.
    if (auto *audit = findChild<QAction *>(QStringLiteral("auditLogAction")))
        audit->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    if (auto *history = findChild<QAction *>(QStringLiteral("prometheusAction")))
        history->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));

    view->addSeparator();
    m_palette = new CommandPalette(this);
    QAction *palette = view->addAction(tr("Command &Palette…"), this, &MainWindow::showCommandPalette);
    palette->setObjectName(QStringLiteral("commandPaletteAction"));
    palette->setShortcut(QKeySequence(tr("Ctrl+K")));
    QAction *list = view->addAction(tr("Deployment &List"), this, [this] {
        m_table->setFocus(Qt::ShortcutFocusReason);
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, DeploymentTableModel::Name));
    });
    list->setObjectName(QStringLiteral("focusDeploymentListAction"));
    list->setShortcut(QKeySequence(tr("Ctrl+L")));
    QMenu *tabs = view->addMenu(tr("Deployment &Tab"));
    tabs->setObjectName(QStringLiteral("deploymentTabMenu"));
    const QString tabNames[]
        = {tr("&Overview"),   tr("&Metrics"),       tr("&Events"), tr("&Snapshots"), tr("&Jobs"),
           tr("E&xceptions"), tr("&Configuration"), tr("&Pods"),   tr("Job &Graph"), tr("&Autoscaler")};
    for (int tab = DeploymentPage::OverviewTab; tab <= DeploymentPage::AutoscalerTab; ++tab) {
        QAction *a = tabs->addAction(tabNames[tab], this, [this, tab] {
            if (!m_page->isVisible())
                return;
            m_page->setCurrentTab(static_cast<DeploymentPage::Tab>(tab));
            if (auto *tabWidget = m_page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs")))
                tabWidget->tabBar()->setFocus(Qt::ShortcutFocusReason);
        });
        a->setObjectName(QStringLiteral("deploymentTab%1Action").arg(tab + 1));
        // Alt+1 … Alt+9, and Alt+0 for the tenth, as browsers number their tabs.
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(tab < 9 ? Qt::Key_1 + tab : Qt::Key_0)));
    }

    QAction *about = help->actions().value(0);
    auto *shortcuts = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    shortcuts->setShortcuts({QKeySequence(tr("Ctrl+/")), QKeySequence(QKeySequence::HelpContents)});
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->insertAction(about, shortcuts);
    help->insertSeparator(about);

    // Tab leaves the list for the page instead of walking its cells.
    m_table->setTabKeyNavigation(false);
    // Enter in the filter goes on to the list it narrowed.
    connect(m_filter, &QLineEdit::returnPressed, list, &QAction::trigger);
}

void MainWindow::showPreferences()
{
    if (findChild<PreferencesDialog *>())
        return;
    auto *dialog = new PreferencesDialog(PreferencesStore::instance()->preferences(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [dialog] { PreferencesStore::instance()->setPreferences(dialog->preferences()); });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    if (auto *open = findChild<ShortcutsDialog *>()) {
        open->raise();
        return;
    }
    auto *dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    // Open sessions follow at once; New Window passes m_options on.
    m_options.pollIntervalMs = preferences.pollIntervalSeconds * 1000;
    m_options.metricRetentionMs = qint64(preferences.metricRetentionDays) * 24 * 3600 * 1000;
    if (m_session) {
        m_session->setPollInterval(m_options.pollIntervalMs);
        m_session->setMetricRetention(m_options.metricRetentionMs);
    }
}

void MainWindow::showCommandPalette()
{
    QList<CommandPalette::Command> deployments;
    QList<CommandPalette::Command> actions;
    QStringList contexts;
    for (MainWindow *window : std::as_const(g_windows)) {
        if (!contexts.contains(window->currentContext()))
            contexts << window->currentContext();
    }
    // This window's deployments first: they are the likelier target.
    QList<MainWindow *> order = g_windows;
    order.removeAll(this);
    order.prepend(this);
    for (MainWindow *window : std::as_const(order)) {
        const QPointer<MainWindow> target(window);
        const QString context = window->currentContext();
        const QString detail = contexts.size() > 1 || window != this ? context : QString();
        QAbstractItemModel *model = window->m_proxy;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString uid = model->index(row, 0).data(DeploymentTableModel::UidRole).toString();
            const Deployment *d = window->m_model->deployment(uid);
            if (!d)
                continue;
            const QString ns = d->ns;
            const QString name = d->name;
            const QString path = d->key();
            deployments.append({path,
                                context,
                                [target, ns, name] {
                                    if (!target)
                                        return;
                                    target->raise();
                                    target->activateWindow();
                                    target->openDeployment(ns, name);
                                    target->m_table->setFocus(Qt::ShortcutFocusReason);
                                },
                                d->failure.failing ? StateIcons::failingIcon() : StateIcons::icon(d->displayState()),
                                DeploymentTableModel::stateText(d->displayState()),
                                {}});
            for (ActionKind kind : ActionDescriptor::deploymentActions()) {
                if (!availability(kind, *d).available)
                    continue;
                actions.append({ActionDescriptor::of(kind).name() + QStringLiteral(": ") + path,
                                detail,
                                [target, ns, name, kind] {
                                    if (!target)
                                        return;
                                    target->raise();
                                    target->activateWindow();
                                    target->runDeploymentAction(ns, name, kind);
                                },
                                {},
                                {},
                                ActionDescriptor::of(kind).paletteWords()});
            }
        }
    }
    // The menus' commands, except the Deployment menu's: those are the per-deployment actions above.
    QList<CommandPalette::Command> commands;
    const QPointer<MainWindow> self(this);
    for (const MenuActions::Entry &entry : MenuActions::collect(menuBar())) {
        if (entry.topMenu == m_actions->menu() || entry.action->objectName() == QLatin1String("commandPaletteAction")
            || !entry.action->isEnabled())
            continue;
        QString text = entry.menu + QStringLiteral(": ") + entry.text;
        if (!entry.action->shortcut().isEmpty())
            text += QStringLiteral("  (") + entry.action->shortcut().toString(QKeySequence::NativeText)
                + QLatin1Char(')');
        commands.append({text,
                         QString(),
                         [action = QPointer<QAction>(entry.action)] {
                             if (action)
                                 action->trigger();
                         },
                         {},
                         {},
                         {}});
    }
    m_palette->open(deployments + actions + commands);
}

FleetSessions *MainWindow::fleetSessions()
{
    if (!m_fleetSessions) {
        // List-level sessions: the pages opened from the Fleet keep the local history.
        SessionOptions options = m_options;
        options.historyPath = QStringLiteral("-");
        options.platform = VvpEndpoint();
        options.platformToken.clear();
        m_fleetSessions = new FleetSessions(m_config, options, this);
        m_fleetView->setSessions(m_fleetSessions);
        m_fleetSessions->setContexts(FleetSessions::watchedContexts(m_config));
    }
    return m_fleetSessions;
}

QString MainWindow::notificationHistoryPath() const
{
    if (m_options.historyPath == QLatin1String("-"))
        return QStringLiteral("-");
    if (m_options.historyPath.isEmpty())
        return NotificationHistory::defaultPath();
    return QFileInfo(m_options.historyPath).dir().filePath(QStringLiteral("notifications.sqlite"));
}

void MainWindow::showNotifications()
{
    m_notificationsDock->show();
    m_notificationsDock->raise();
    m_notificationsPanel->refresh();
}

void MainWindow::openFromFleet(const QString &context, const QString &ns, const QString &name)
{
    if (context != currentContext() || (!m_namespace.isEmpty() && m_namespace != ns)) {
        // Where the fleet could only list one namespace, so can this window.
        const bool oneNamespace = m_fleetSessions && !m_fleetSessions->onlyNamespace(context).isEmpty();
        openContext(context, oneNamespace ? ns : QStringLiteral("all"));
    }
    if (openDeployment(ns, name))
        return;
    // The context's list is on its way: open the page once the deployment is listed.
    statusBar()->showMessage(tr("Opening %1/%2 in %3…").arg(ns, name, context), 5000);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this, context, ns, name, connection] {
        if (currentContext() != context || openDeployment(ns, name))
            disconnect(*connection);
    });
}

void MainWindow::runDeploymentAction(const QString &ns, const QString &name, ActionKind kind)
{
    if (!openDeployment(ns, name)) {
        statusBar()->showMessage(tr("%1/%2 is no longer listed.").arg(ns, name), 8000);
        return;
    }
    const QString uid = m_page->uid();
    const auto trigger = [this, kind] {
        QAction *action = m_actions->action(kind);
        if (!action)
            return;
        if (action->isEnabled())
            action->trigger();
        else
            statusBar()->showMessage(
                tr("%1 is not possible now: %2").arg(ActionDescriptor::of(kind).name(), action->toolTip()), 10000);
    };
    if (!m_page->object().isEmpty()) {
        trigger();
        return;
    }
    // The object the request is built from arrives from the session shortly after opening.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_page, &DeploymentPage::deploymentChanged, this, [this, uid, trigger, connection] {
        if (m_page->uid() != uid) {
            disconnect(*connection); // another deployment was opened meanwhile: never act on it
            return;
        }
        if (m_page->object().isEmpty())
            return;
        disconnect(*connection);
        QTimer::singleShot(0, this, trigger);
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    WindowLayout layout;
    layout.geometry = saveGeometry();
    layout.state = saveState();
    // A hidden page has no height: keep the split of the last time it was shown.
    auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    if (splitter && m_page->isVisible())
        layout.splitter = splitter->saveState();
    layout.listHeader = m_table->horizontalHeader()->saveState();
    m_page->saveLayout(&layout);
    SessionSettings::setWindowLayout(layout);
    if (!currentContext().isEmpty())
        SessionSettings::setLastSession(currentContext(), m_namespace.isEmpty() ? QStringLiteral("*") : m_namespace);
}

void MainWindow::restoreLayout()
{
    const WindowLayout layout = SessionSettings::windowLayout();
    if (!layout.geometry.isEmpty())
        restoreGeometry(layout.geometry);
    restoreState(layout.state);
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(layout.splitter);
    m_table->horizontalHeader()->restoreState(layout.listHeader);
    m_page->restoreLayout(layout);
}

bool MainWindow::lastSession(QString *context, QString *ns) const
{
    const SessionSettings::LastSession saved = SessionSettings::lastSession();
    if (saved.context.isEmpty() || (!m_config.context(saved.context) && !m_platforms.contains(saved.context)))
        return false;
    *context = saved.context;
    if (ns->isEmpty())
        *ns = saved.ns;
    return true;
}

} // namespace capstan
