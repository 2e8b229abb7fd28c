#pragma once

#include "error.h"
#include "kube/ndjsonframer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

class QNetworkReply;

namespace capstan {

class KubeClient;

// How a watch ended.
struct WatchEnd
{
    enum class Kind {
        Clean, // the server closed the stream (timeoutSeconds elapsed): re-watch from the last version
        Expired, // 410 Gone / ERROR Expired: the resourceVersion is too old, relist
        Failed, // transport error, non-200 answer or an unreadable line
        Silent, // nothing arrived within the watchdog interval; the stream was closed by us
    };
    Kind kind = Kind::Clean;
    Error error;
    int events = 0; // ADDED/MODIFIED/DELETED events received (bookmarks not counted)
    qint64 durationMs = 0;
};

// One watch request (`?watch=1`): reads the chunked NDJSON stream, reassembles events split across
// chunks, turns ERROR events into WatchEnd, lets BOOKMARKs advance the resourceVersion only, and
// closes streams that go silent for longer than the watchdog interval.
class WatchStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchStream)

public:
    struct Options
    {
        QString labelSelector;
        QString fieldSelector;
        int timeoutSeconds = 300; // sent as timeoutSeconds; the server ends the stream after it
        int watchdogMs = 90000; // no bytes for this long: the stream is considered dead
        bool bookmarks = true;
    };

    WatchStream(KubeClient *client, const QString &collectionPath, const QString &resourceVersion,
                const Options &options, QObject *parent = nullptr);
    ~WatchStream() override;

    void start();
    // Closes the stream; no signal is emitted afterwards.
    void stop();

    QString resourceVersion() const { return m_resourceVersion; }

signals:
    // type: ADDED, MODIFIED or DELETED.
    void eventReceived(const QString &type, const QJsonObject &object);
    void ended(const capstan::WatchEnd &end);

private:
    void open(const QByteArray &authorization);
    void onReadyRead();
    void onFinished();
    bool handleLine(const QByteArray &line);
    void end(WatchEnd::Kind kind, const Error &error = {});

    QPointer<KubeClient> m_client;
    QString m_path;
    QString m_resourceVersion;
    Options m_options;
    QPointer<QNetworkReply> m_reply;
    NdjsonFramer m_framer;
    QTimer m_watchdog;
    QElapsedTimer m_started;
    int m_events = 0;
    bool m_ended = false;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::WatchEnd)
