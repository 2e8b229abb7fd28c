#pragma once

#include "error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrlQuery>

class QNetworkReply;

namespace capstan {

class KubeClient;

// The parameters of core/v1 pods/{name}/log, as `kubectl logs` passes them.
struct LogOptions
{
    QString container; // empty: the pod's only container (the API server refuses when there are several)
    bool follow = false;
    bool previous = false; // the previous run of a restarted container
    int tailLines = -1; // -1: all
    qint64 sinceSeconds = 0; // 0: no limit
    bool timestamps = false; // each line starts with an RFC3339Nano time
    qint64 limitBytes = 0; // 0: no limit

    QUrlQuery query() const;
    bool operator==(const LogOptions &) const = default;
};

// One GET of a text log, read line by line: the Kubernetes pods/log API (one-shot or follow=true,
// chunked, ending when the container ends) or a plain-text Flink REST log through the service proxy.
// Lines are passed on in batches (at most every `batchIntervalMs`, at most `maxBatchLines` each), so
// a log written at thousands of lines a second costs the receiver a few signals a second.
//
// Lives on the thread of its KubeClient. Emits finished() exactly once (after the last lines), with
// an empty Error when the stream ended normally (the container ended, or a one-shot read is
// complete); never after stop().
class LogStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogStream)

public:
    LogStream(KubeClient *client, const QString &path, const QUrlQuery &query, bool follow, QObject *parent = nullptr);
    ~LogStream() override;

    // Options for tests and benchmarks; set before start().
    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }
    void setMaxBatchLines(int lines) { m_maxBatchLines = lines; }
    // Keep only the last n lines and pass them on when the stream ends (Flink REST logs have no
    // tail parameter). 0: pass everything on as it arrives.
    void setKeepLast(int lines) { m_keepLast = lines; }

    void start();
    // Closes the stream; no signal is emitted afterwards.
    void stop();

    QString path() const { return m_path; }
    qint64 linesRead() const { return m_linesRead; }

signals:
    void lines(const QStringList &lines);
    void finished(const capstan::Error &error);

private:
    void onReadyRead();
    void onFinished();
    void takeLines(bool atEnd);
    void flush();
    void finish(const Error &error);

    QPointer<KubeClient> m_client;
    QString m_path;
    QUrlQuery m_query;
    bool m_follow;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QStringList m_pending;
    QTimer m_batchTimer;
    QTimer m_idleTimer; // one-shot reads only: nothing arrived for the client's request timeout
    int m_maxBatchLines = 5000;
    int m_keepLast = 0;
    qint64 m_linesRead = 0;
    qint64 m_sentMs = 0;
    bool m_done = false;
};

} // namespace capstan
