#pragma once

#include "error.h"

#include <QMap>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QAction;
class QHBoxLayout;

namespace capstan {

class DeploymentPage;
class SessionHost;

// "Open Flink Dashboard" for the deployment on `page`, and the status bar's list of the dashboards
// open through a local proxy, each with a Stop. A deployment with spec.ingress opens at its
// ingress URL and needs no proxy; otherwise the session starts one (DashboardProxy) and the
// system browser opens its URL. The proxies belong to the session: they all stop with it, when
// the context changes or Capstan quits.
class DashboardIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardIndicator)

public:
    explicit DashboardIndicator(DeploymentPage *page, QWidget *parent = nullptr);

    // The session that runs the proxies (nullptr: none; the list empties).
    void setSession(SessionHost *session);
    QAction *openAction() const { return m_openAction; }
    // The open dashboards, "namespace/name" → the URL the browser was sent to.
    QMap<QString, QUrl> dashboards() const { return m_urls; }
    void stop(const QString &ns, const QString &name);

signals:
    // Something for the window's status bar (what opened, or why it did not).
    void statusMessage(const QString &text, int timeoutMs);

private:
    void openCurrent();
    void updateAction();
    void onOpened(const QString &ns, const QString &name, const QUrl &url);
    void onClosed(const QString &ns, const QString &name);
    void onFailed(const QString &ns, const QString &name, const Error &error);
    void openBrowser(const QString &key, const QUrl &url);
    void removeEntry(const QString &key);

    DeploymentPage *m_page;
    QPointer<SessionHost> m_session;
    QAction *m_openAction;
    QHBoxLayout *m_layout;
    QMap<QString, QUrl> m_urls;
    QMap<QString, QWidget *> m_entries;
};

} // namespace capstan
