#include "ui/widgets/dashboardindicator.h"

#include "kube/dashboardproxy.h"
#include "session/sessionhost.h"
#include "ui/deploymentpage.h"

#include <QAction>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace capstan {

DashboardIndicator::DashboardIndicator(DeploymentPage *page, QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_openAction(new QAction(tr("&Open Flink Dashboard"), this))
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("dashboardIndicator"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    m_openAction->setObjectName(QStringLiteral("openDashboardAction"));
    m_openAction->setIcon(QIcon::fromTheme(QStringLiteral("internet-web-browser")));
    m_openAction->setShortcut(QKeySequence(tr("Ctrl+Alt+D")));
    m_openAction->setStatusTip(tr("Open the Flink Web Dashboard of this deployment in the browser, through its "
                                  "ingress or a local proxy with your cluster credentials"));
    m_openAction->setEnabled(false);
    connect(m_openAction, &QAction::triggered, this, &DashboardIndicator::openCurrent);
    connect(m_page, &DeploymentPage::deploymentChanged, this, &DashboardIndicator::updateAction);
    connect(m_page, &DeploymentPage::closed, this, &DashboardIndicator::updateAction);
    hide();
}

void DashboardIndicator::setSession(SessionHost *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session->session(), nullptr, this, nullptr);
    // The proxies of the session before stop with it.
    const QStringList keys = m_entries.keys();
    for (const QString &key : keys)
        removeEntry(key);
    m_session = session;
    if (session) {
        const BackendSession *source = session->session();
        connect(source, &ClusterSession::dashboardOpened, this, &DashboardIndicator::onOpened);
        connect(source, &ClusterSession::dashboardClosed, this, &DashboardIndicator::onClosed);
        connect(source, &ClusterSession::dashboardFailed, this, &DashboardIndicator::onFailed);
    }
    updateAction();
}

void DashboardIndicator::updateAction()
{
    m_openAction->setEnabled(m_session && !m_page->summary().uid.isEmpty() && !m_page->object().isEmpty());
}

void DashboardIndicator::openCurrent()
{
    const Deployment &summary = m_page->summary();
    if (!m_session || summary.uid.isEmpty())
        return;
    const QString key = summary.ns + QLatin1Char('/') + summary.name;
    if (const QUrl ingress = DashboardProxy::ingressUrl(m_page->object()); ingress.isValid()) {
        openBrowser(key, ingress);
        return;
    }
    emit statusMessage(tr("Starting a local proxy for the Flink Dashboard of %1…").arg(key), 5000);
    m_session->openDashboard(summary.ns, summary.name);
}

void DashboardIndicator::openBrowser(const QString &key, const QUrl &url)
{
    if (QDesktopServices::openUrl(url))
        emit statusMessage(tr("Opened the Flink Dashboard of %1 in the browser.").arg(key), 8000);
    else
        emit statusMessage(
            tr("No browser could be started; the Flink Dashboard of %1 is at %2").arg(key, url.toString()), 0);
}

void DashboardIndicator::stop(const QString &ns, const QString &name)
{
    removeEntry(ns + QLatin1Char('/') + name);
    if (m_session)
        m_session->closeDashboard(ns, name);
}

void DashboardIndicator::onOpened(const QString &ns, const QString &name, const QUrl &url)
{
    const QString key = ns + QLatin1Char('/') + name;
    if (!m_entries.contains(key)) {
        auto *entry = new QWidget(this);
        entry->setObjectName(QStringLiteral("dashboardEntry"));
        entry->setProperty("deployment", key);
        auto *row = new QHBoxLayout(entry);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        auto *label = new QLabel(entry);
        label->setObjectName(QStringLiteral("dashboardLabel"));
        label->setTextFormat(Qt::RichText);
        label->setText(
            tr("Dashboard: %1")
                .arg(
                    QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString().toHtmlEscaped(), name.toHtmlEscaped())));
        label->setToolTip(tr("The Flink Dashboard of %1, through a proxy on this computer at %2. Click to open "
                             "it again.")
                              .arg(key, url.toString()));
        // Opened here rather than by the label, so the link goes the same way as the first time.
        connect(label, &QLabel::linkActivated, this, [this, key, url] { openBrowser(key, url); });
        auto *stopButton = new QToolButton(entry);
        stopButton->setObjectName(QStringLiteral("stopDashboardButton"));
        stopButton->setText(tr("Stop"));
        stopButton->setToolTip(tr("Stop the proxy of the Flink Dashboard of %1").arg(key));
        stopButton->setAccessibleName(tr("Stop the Flink Dashboard of %1").arg(key));
        connect(stopButton, &QToolButton::clicked, this, [this, ns, name] { stop(ns, name); });
        row->addWidget(label);
        row->addWidget(stopButton);
        m_layout->addWidget(entry);
        m_entries.insert(key, entry);
        show();
    }
    m_urls.insert(key, url);
    openBrowser(key, url);
}

void DashboardIndicator::onClosed(const QString &ns, const QString &name)
{
    removeEntry(ns + QLatin1Char('/') + name);
}

void DashboardIndicator::onFailed(const QString &ns, const QString &name, const Error &error)
{
    emit statusMessage(tr("Cannot open the Flink Dashboard of %1/%2: %3")
                           .arg(ns, name, error.message.isEmpty() ? error.reason : error.message),
                       0);
}

void DashboardIndicator::removeEntry(const QString &key)
{
    m_urls.remove(key);
    if (QWidget *entry = m_entries.take(key)) {
        m_layout->removeWidget(entry);
        entry->hide();
        entry->deleteLater();
    }
    if (m_entries.isEmpty())
        hide();
}

} // namespace capstan
