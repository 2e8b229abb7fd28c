#pragma once

#include "flink/obituary.h"
#include "flink/pod.h"

#include <QPointer>
#include <QWidget>

namespace capstan {

struct Error;
class LogView;
class SessionHost;

// A window with the logs viewer of one pod: it asks the session for the log the viewer's options
// describe (SessionHost::openLog) and shows the session's answers for that log only. Closing the
// window (or its deletion) closes the log. An obituary's window shows the lines recorded when the
// pod ended and reads nothing.
class LogWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogWindow)

public:
    // `deployment`: the FlinkDeployment's name, for the Flink REST fallback.
    LogWindow(SessionHost *session, const Pod &pod, const QString &deployment, const QString &container,
              bool previous = false, QWidget *parent = nullptr);
    explicit LogWindow(const Obituary &obituary, QWidget *parent = nullptr);
    ~LogWindow() override;

    LogView *view() const { return m_view; }
    QString podName() const { return m_pod.name; }
    // The pod changed (restarts, containers): the viewer's choices follow it.
    void setPod(const Pod &pod);
    // Reads the log again with the viewer's options.
    void reload();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updatePrevious();
    void onLines(quint64 id, const QStringList &lines, const QString &source);
    void onEnded(quint64 id, const Error &error);
    void stop();

    QPointer<SessionHost> m_session;
    Pod m_pod;
    QString m_deployment;
    LogView *m_view;
    quint64 m_logId = 0;
    bool m_open = false;
    bool m_fallback = false; // the lines come from Flink's REST API, read once
};

} // namespace capstan
