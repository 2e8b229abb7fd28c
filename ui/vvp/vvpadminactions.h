#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace capstan {

class MainWindow;
class SessionHost;

// The View menu's Deployment Defaults… and Secret Values… entries: enabled while the window shows a
// Ververica Platform context; they open their dialogs for the namespace of the selected deployment,
// else the namespace shown ("default" when all are shown).
class VvpAdminActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VvpAdminActions)

public:
    VvpAdminActions(MainWindow *window, QMenu *menu);

    // A platform's session, or null (no session, or not a platform).
    void setSession(SessionHost *host);
    QAction *defaultsAction() const { return m_defaults; }
    QAction *secretsAction() const { return m_secrets; }

private:
    QString targetNamespace() const;
    void showDefaults();
    void showSecrets();

    MainWindow *m_window;
    QPointer<SessionHost> m_host;
    QAction *m_defaults;
    QAction *m_secrets;
};

} // namespace capstan
