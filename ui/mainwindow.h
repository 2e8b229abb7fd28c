#pragma once

#include "vvp/vvpendpoint.h"

#include "flink/snapshot.h"
#include "kube/kubeconfig.h"
#include "metrics/prometheusconfig.h"
#include "session/clustersession.h"

#include <QHash>
#include <QMainWindow>

class QDockWidget;
#include <QPointer>

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;

namespace capstan {

class ActionsController;
class ActivityModel;
class FleetSessions;
class FleetView;
class NotificationsPanel;
class CommandPalette;
class ConnectionIndicator;
class DeploymentPage;
class EmptyListPlaceholder;
class DeploymentFilterProxyModel;
class DeploymentTableModel;
class MessageBanner;
class SessionHost;
struct Preferences;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `context` empty: the kubeconfig's current context (or the first one). `ns` empty: the
    // context's namespace; "*" or "all": all namespaces.
    MainWindow(const KubeConfig &config, const QString &context, const QString &ns, const SessionOptions &options = {},
               QWidget *parent = nullptr);
    ~MainWindow() override;

    DeploymentTableModel *deploymentModel() const { return m_model; }
    DeploymentPage *deploymentPage() const { return m_page; }
    ActionsController *actions() const { return m_actions; }
    ActivityModel *activity() const { return m_activity; }
    // The Fleet view (View ▸ Fleet) and its sessions, started the first time either is asked for.
    FleetView *fleetView() const { return m_fleetView; }
    FleetSessions *fleetSessions();
    // A deployment activated in the Fleet, a notification or the tray: its context (and all its
    // namespaces) opened, then its page.
    void openFromFleet(const QString &context, const QString &ns, const QString &name);
    // View ▸ Notifications: everything Capstan notified, searchable.
    void showNotifications();
    NotificationsPanel *notificationsPanel() const { return m_notificationsPanel; }
    // The notification history beside the local history ("-" when there is none).
    QString notificationHistoryPath() const;
    // The open Configure / New Deployment dialog, if any (for tests).
    QDialog *configureDialog() const;
    // Selects the deployment in the list and opens its page; false when it is not listed.
    bool openDeployment(const QString &ns, const QString &name);
    // Selects the listed row of `uid` (a related resource the page links to); false when not shown.
    bool openDeploymentByUid(const QString &uid);
    QString currentContext() const;
    QString currentNamespace() const;

    // "" for all namespaces.
    void openContext(const QString &context, const QString &ns);
    // Offers a Ververica Platform reached through `kubeContext` as a context of its own; returns the
    // name it is listed (and opened with openContext) under.
    QString addPlatform(const QString &kubeContext, const VvpEndpoint &endpoint);

    // Every open window, oldest first (the command palette lists all their deployments).
    static QList<MainWindow *> windows();
    CommandPalette *commandPalette() const { return m_palette; }
    void showCommandPalette();
    // Opens the deployment and triggers the action as its button would (confirmation, enabled
    // state and the Activity panel included) once the deployment's object has arrived.
    void runDeploymentAction(const QString &ns, const QString &name, ActionKind kind);
    SessionHost *session() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createKeyboardActions();
    void restoreLayout();
    void saveLayout() const;
    // The context and namespace of the last window closed, if the context still exists.
    bool lastSession(QString *context, QString *ns) const;
    void applyPreferences(const Preferences &preferences);
    void showPreferences();
    void showShortcuts();
    void onStateChanged(SessionState state, const Error &error, int retryInMs);
    void onNamespacesListed(const QStringList &namespaces, bool forbidden);
    void onNamespaceChosen();
    void updateCount();
    void setNamespaceItems(const QStringList &namespaces);
    void createMenus();
    void editPrometheus();
    void startSession();
    // Settings, then the secrets from the keychain; hands the result to the session when it arrives.
    void loadPrometheus(const QString &context);
    void connectWithToken();
    void forgetToken();
    // What the session of `context` connects with: the kubeconfig plus a token entered in Capstan.
    KubeConfig sessionConfig(const QString &context) const;
    void updateTokenActions();
    // Connect to Ververica Platform…: lists, remembers and opens the platform the user names.
    void connectPlatform();
    void forgetPlatform();
    // Pinned deployments ("namespace/name") of the current context, from the settings.
    QStringList pinnedDeployments() const;
    void setCurrentPinned(bool pinned);
    void applyPinned();
    // What to do about a 401/403 when the kubeconfig has no credentials for the context.
    QString credentialsHint(const Error &error) const;
    void onSelectionChanged();

    KubeConfig m_config;
    SessionOptions m_options;
    QPointer<SessionHost> m_session;
    QString m_namespace;
    QString m_contextNamespace;
    QString m_listedNamespace; // the namespace whose list the session has delivered

    QComboBox *m_contextCombo;
    QComboBox *m_namespaceCombo;
    ConnectionIndicator *m_indicator;
    QLineEdit *m_filter;
    MessageBanner *m_banner;
    QTableView *m_table;
    QLabel *m_countLabel;
    EmptyListPlaceholder *m_emptyPlaceholder = nullptr;
    DeploymentTableModel *m_model;
    DeploymentFilterProxyModel *m_proxy;
    DeploymentPage *m_page;
    ActivityModel *m_activity;
    ActionsController *m_actions;
    QString m_contextName; // set at once, while the session may still wait for a keychain answer
    QHash<QString, QString> m_tokens; // context → token entered in Capstan (kept in the keychain too)
    // Platforms offered as contexts: listed name → the kubeconfig context that reaches it and where.
    QHash<QString, std::pair<QString, VvpEndpoint>> m_platforms;
    quint64 m_sessionSerial = 0; // counts the sessions opened: a closed one's late signals are dropped
    // The kubeconfig context a listed context goes through (itself, unless it is a platform).
    QString kubeContextOf(const QString &context) const;
    QAction *m_pinAction = nullptr;
    QAction *m_connectTokenAction = nullptr;
    QAction *m_forgetTokenAction = nullptr;
    QAction *m_forgetPlatformAction = nullptr;
    CommandPalette *m_palette = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    FleetView *m_fleetView = nullptr;
    FleetSessions *m_fleetSessions = nullptr;
    NotificationsPanel *m_notificationsPanel = nullptr;
    QDockWidget *m_notificationsDock = nullptr;
};

} // namespace capstan
