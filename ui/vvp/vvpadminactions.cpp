#include "ui/vvp/vvpadminactions.h"

#include "session/sessionhost.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/vvp/deploymentdefaultsdialog.h"
#include "ui/vvp/secretvaluesdialog.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>

namespace capstan {

VvpAdminActions::VvpAdminActions(MainWindow *window, QMenu *menu)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("vvpAdminActions"));
    m_defaults = menu->addAction(tr("Deployment &Defaults…"), this, &VvpAdminActions::showDefaults);
    m_defaults->setObjectName(QStringLiteral("deploymentDefaultsAction"));
    m_defaults->setStatusTip(
        tr("The Ververica Platform namespace's defaults and a deployment's effective configuration"));
    m_defaults->setShortcut(QKeySequence(tr("Ctrl+Alt+F")));
    m_secrets = menu->addAction(tr("Secret &Values…"), this, &VvpAdminActions::showSecrets);
    m_secrets->setShortcut(QKeySequence(tr("Ctrl+Alt+V")));
    m_secrets->setObjectName(QStringLiteral("secretValuesAction"));
    m_secrets->setStatusTip(tr("The Ververica Platform namespace's secret values"));
    setSession(nullptr);
}

void VvpAdminActions::setSession(SessionHost *host)
{
    m_host = host;
    m_defaults->setEnabled(host);
    m_secrets->setEnabled(host);
}

QString VvpAdminActions::targetNamespace() const
{
    const DeploymentPage *page = m_window->deploymentPage();
    if (!page->uid().isEmpty() && !page->summary().ns.isEmpty())
        return page->summary().ns;
    const QString ns = m_window->currentNamespace();
    return ns.isEmpty() ? QStringLiteral("default") : ns;
}

void VvpAdminActions::showDefaults()
{
    if (!m_host)
        return;
    const DeploymentPage *page = m_window->deploymentPage();
    auto *dialog = new DeploymentDefaultsDialog(m_host, targetNamespace(),
                                                page->uid().isEmpty() ? QJsonObject() : page->object(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_host, &QObject::destroyed, dialog, &QWidget::close);
    dialog->open();
}

void VvpAdminActions::showSecrets()
{
    if (!m_host)
        return;
    auto *dialog = new SecretValuesDialog(m_host, targetNamespace(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_host, &QObject::destroyed, dialog, &QWidget::close);
    dialog->open();
}

} // namespace capstan
