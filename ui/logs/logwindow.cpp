#include "ui/logs/logwindow.h"

#include "session/logrequest.h"
#include "session/sessionhost.h"
#include "ui/logs/logview.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QVBoxLayout>

namespace capstan {

LogWindow::LogWindow(SessionHost *session, const Pod &pod, const QString &deployment, const QString &container,
                     bool previous, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_pod(pod)
    , m_deployment(deployment)
    , m_view(new LogView(this))
{
    setObjectName(QStringLiteral("logWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    resize(1100, 700);
    const QString chosen = container.isEmpty() ? Pod::mainContainerName : container;
    m_view->setContainers(pod.containerNames(), chosen);
    setWindowTitle(tr("Logs of %1 (%2)").arg(pod.name, chosen));
    m_view->setWindowTitle(pod.name);
    updatePrevious();
    m_view->setPrevious(previous);
    connect(m_view, &LogView::reloadRequested, this, &LogWindow::reload);
    if (session) {
        connect(session->session(), &ClusterSession::logLines, this, &LogWindow::onLines);
        connect(session->session(), &ClusterSession::logEnded, this, &LogWindow::onEnded);
    }
    reload();
}

LogWindow::LogWindow(const Obituary &obituary, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_view(new LogView(this))
{
    setObjectName(QStringLiteral("obituaryLogWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_pod.name = obituary.podName;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    resize(1100, 700);
    setWindowTitle(tr("Last lines of %1 (%2)").arg(obituary.podName, obituary.container));
    m_view->setWindowTitle(obituary.podName);
    m_view->setReadOnlyOptions(true);
    if (obituary.logTail.isEmpty()) {
        m_view->setUnavailable(obituary.logError.isEmpty()
                                   ? tr("No lines were recorded: the pod was gone before its log could be read.")
                                   : tr("No lines were recorded: %1").arg(obituary.logError));
    } else {
        m_view->setSourceNote(
            tr("The last %n line(s), recorded when the pod ended, from %1.", nullptr, int(obituary.logTail.size()))
                .arg(obituary.logSource));
        m_view->appendLines(obituary.logTail);
        m_view->flush();
    }
    m_view->setEnded(
        tr("recorded %1").arg(obituary.ended.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
}

LogWindow::~LogWindow()
{
    stop();
}

void LogWindow::setPod(const Pod &pod)
{
    m_pod = pod;
    m_view->setContainers(pod.containerNames(), m_view->container());
    updatePrevious();
}

void LogWindow::updatePrevious()
{
    const ContainerStatus *status = m_pod.container(m_view->container());
    m_view->setPreviousAvailable(status
                                 && (status->restartCount > 0 || status->lastState.kind != ContainerState::Kind::None));
}

void LogWindow::stop()
{
    if (m_open && m_session)
        m_session->closeLog(m_logId);
    m_open = false;
}

void LogWindow::reload()
{
    stop();
    m_view->clear();
    setWindowTitle(tr("Logs of %1 (%2)").arg(m_pod.name, m_view->container()));
    updatePrevious();
    if (!m_session) {
        m_view->setUnavailable(tr("Not connected to the cluster."));
        return;
    }
    LogRequest request;
    request.ns = m_pod.ns;
    request.pod = m_pod.name;
    request.deployment = m_deployment;
    request.component = m_pod.component;
    request.options.container = m_view->container();
    request.options.previous = m_view->previous();
    request.options.follow = m_view->follow();
    request.options.tailLines = m_view->tailLines() > 0 ? m_view->tailLines() : -1;
    request.options.sinceSeconds = m_view->sinceSeconds();
    m_view->setSourceNote({});
    m_fallback = false;
    m_logId = m_session->openLog(request);
    m_open = true;
}

void LogWindow::onLines(quint64 id, const QStringList &lines, const QString &source)
{
    if (!m_open || id != m_logId)
        return;
    // The pod's own log needs no note; a fallback says what it is and why.
    const QString kubernetes = QCoreApplication::translate("capstan::LogReader", "Kubernetes (pods/log)");
    m_fallback = !source.isEmpty() && source != kubernetes;
    m_view->setSourceNote(m_fallback ? tr("Shown from %1.").arg(source) : QString());
    m_view->appendLines(lines);
}

void LogWindow::onEnded(quint64 id, const Error &error)
{
    if (!m_open || id != m_logId)
        return;
    m_open = false;
    if (error.reason.isEmpty()) {
        m_view->setEnded(m_view->follow() && !m_fallback ? tr("the container ended") : tr("complete"));
        return;
    }
    m_view->setEnded(tr("not read"));
    m_view->setUnavailable(error.message);
}

void LogWindow::closeEvent(QCloseEvent *event)
{
    stop();
    QWidget::closeEvent(event);
}

} // namespace capstan
