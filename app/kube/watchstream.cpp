#include "kube/watchstream.h"

#include "kube/kubeclient.h"
#include "kube/kubestatus.h"
#include "logging.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace capstan {

WatchStream::WatchStream(KubeClient *client, const QString &collectionPath, const QString &resourceVersion,
                         const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(collectionPath)
    , m_resourceVersion(resourceVersion)
    , m_options(options)
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(options.watchdogMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        qCInfo(lcWatch).noquote() << "watch on" << m_path << "silent for" << m_options.watchdogMs << "ms; reconnecting";
        end(WatchEnd::Kind::Silent,
            Error::make(QStringLiteral("WatchSilent"),
                        QStringLiteral("The watch stream sent nothing for %1 s.").arg(m_options.watchdogMs / 1000)));
    });
}

WatchStream::~WatchStream()
{
    stop();
}

void WatchStream::start()
{
    m_started.start();
    m_client->credentials()->obtain(this, [this](const Result<Credential> &credential) {
        if (m_ended)
            return;
        if (!credential) {
            end(WatchEnd::Kind::Failed, credential.error());
            return;
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
        if (!m_resourceVersion.isEmpty())
            query.addQueryItem(QStringLiteral("resourceVersion"), m_resourceVersion);
        if (m_options.bookmarks)
            query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
        if (m_options.timeoutSeconds > 0)
            query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(m_options.timeoutSeconds));
        if (!m_options.labelSelector.isEmpty())
            query.addQueryItem(QStringLiteral("labelSelector"), m_options.labelSelector);
        if (!m_options.fieldSelector.isEmpty())
            query.addQueryItem(QStringLiteral("fieldSelector"), m_options.fieldSelector);
        m_reply = m_client->openStream(m_path, query, credential.value());
        connect(m_reply, &QNetworkReply::readyRead, this, &WatchStream::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &WatchStream::onFinished);
        m_watchdog.start();
    });
}

void WatchStream::stop()
{
    m_ended = true;
    m_watchdog.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void WatchStream::onReadyRead()
{
    if (!m_reply || m_ended)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read in onFinished()
    m_watchdog.start();
    m_framer.append(m_reply->readAll());
    QByteArray line;
    while (m_framer.takeLine(&line)) {
        if (!handleLine(line) || m_ended)
            return;
    }
}

bool WatchStream::handleLine(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject()) {
        end(WatchEnd::Kind::Failed,
            Error::make(
                QStringLiteral("InvalidWatchEvent"),
                QStringLiteral("The watch stream sent an unreadable line (%1).").arg(parseError.errorString())));
        return false;
    }
    const QJsonObject event = doc.object();
    const QString type = event.value(QLatin1String("type")).toString();
    const QJsonObject object = event.value(QLatin1String("object")).toObject();
    if (type == QLatin1String("ERROR")) {
        const Error error = KubeStatus::fromStatusObject(object);
        end(error.isExpired() ? WatchEnd::Kind::Expired : WatchEnd::Kind::Failed, error);
        return false;
    }
    const QString rv
        = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    if (!rv.isEmpty())
        m_resourceVersion = rv;
    if (type == QLatin1String("BOOKMARK"))
        return true;
    if (type != QLatin1String("ADDED") && type != QLatin1String("MODIFIED") && type != QLatin1String("DELETED")) {
        qCWarning(lcWatch).noquote() << "ignoring watch event of unknown type" << type;
        return true;
    }
    ++m_events;
    emit eventReceived(type, object);
    return true;
}

void WatchStream::onFinished()
{
    if (!m_reply || m_ended)
        return;
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        // Deliver complete lines that arrived with the final chunk.
        onReadyRead();
        if (m_ended)
            return;
    }
    const QNetworkReply::NetworkError networkError = reply->error();
    if (status != 0 && status != 200) {
        const Error error = KubeStatus::fromHttp(status, reply->readAll());
        if (status == 401)
            m_client->credentials()->invalidate();
        end(error.isExpired() ? WatchEnd::Kind::Expired : WatchEnd::Kind::Failed, error);
        return;
    }
    if (networkError != QNetworkReply::NoError) {
        // A partial line left in the buffer belonged to an event that never completed: dropped here
        // and received again by the next watch from the last complete event's resourceVersion.
        end(WatchEnd::Kind::Failed,
            KubeStatus::fromTransport(QStringLiteral("The watch stream broke"), reply->errorString()));
        return;
    }
    if (m_framer.hasPartialLine()) {
        // The stream ended inside an event: a truncated response, whatever the transport said.
        end(WatchEnd::Kind::Failed,
            Error::make(QStringLiteral("WatchTruncated"),
                        QStringLiteral("The watch stream ended in the middle of an event.")));
        return;
    }
    end(WatchEnd::Kind::Clean);
}

void WatchStream::end(WatchEnd::Kind kind, const Error &error)
{
    if (m_ended)
        return;
    WatchEnd e;
    e.kind = kind;
    e.error = error;
    e.events = m_events;
    e.durationMs = m_started.isValid() ? m_started.elapsed() : 0;
    stop();
    emit ended(e);
}

} // namespace capstan
