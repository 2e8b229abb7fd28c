#pragma once

#include "error.h"
#include "session/logrequest.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace capstan {

class KubeClient;
class LogStream;

// Reads one LogRequest, from wherever the user may read it:
//  1. the Kubernetes pods/log API (follow, previous, tail, since, … as asked);
//  2. when that is forbidden (403): the JobManager's Flink REST API through the service proxy —
//     /jobmanager/log for the JobManager, /taskmanagers/<pod name>/log for a TaskManager (native
//     mode) — the whole file, cut to tailLines; no follow and no previous container there;
//  3. when both fail: a SelfSubjectAccessReview of "get pods/log" says whether the permission is
//     missing, and finished() carries an Error whose message names it.
// lines() says which source each batch came from (sourceChanged first, when the source is a
// fallback). Lives on the session's backend thread; emits finished() once, never after stop().
class LogReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogReader)

public:
    LogReader(KubeClient *client, const LogRequest &request, QObject *parent = nullptr);
    ~LogReader() override;

    void start();
    void stop();

    const LogRequest &request() const { return m_request; }
    // The source being read, for people: "Kubernetes (pods/log)", "Flink REST (/jobmanager/log)".
    QString source() const { return m_source; }

    // Error reasons of finished(): the permission is missing (SSAR said no), or neither source answered.
    static const QString forbiddenReason; // "LogForbidden"
    static const QString unavailableReason; // "LogUnavailable"

signals:
    void lines(const QStringList &lines, const QString &source);
    void finished(const capstan::Error &error);

private:
    void startKubernetes();
    void startRest(const Error &kubeError);
    void checkAccess(const Error &kubeError, const Error &restError);
    void finish(const Error &error);

    QPointer<KubeClient> m_client;
    LogRequest m_request;
    QPointer<LogStream> m_stream;
    QString m_source;
    bool m_done = false;
};

} // namespace capstan
