#include "kube/logstream.h"

#include "kube/kubeclient.h"
#include "kube/kubestatus.h"
#include "kube/serverclock.h"
#include "logging.h"

#include <QNetworkReply>

namespace capstan {

QUrlQuery LogOptions::query() const
{
    QUrlQuery q;
    if (!container.isEmpty())
        q.addQueryItem(QStringLiteral("container"), container);
    if (follow)
        q.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
    if (previous)
        q.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    if (tailLines >= 0)
        q.addQueryItem(QStringLiteral("tailLines"), QString::number(tailLines));
    if (sinceSeconds > 0)
        q.addQueryItem(QStringLiteral("sinceSeconds"), QString::number(sinceSeconds));
    if (timestamps)
        q.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    if (limitBytes > 0)
        q.addQueryItem(QStringLiteral("limitBytes"), QString::number(limitBytes));
    return q;
}

LogStream::LogStream(KubeClient *client, const QString &path, const QUrlQuery &query, bool follow, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(path)
    , m_query(query)
    , m_follow(follow)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(50);
    connect(&m_batchTimer, &QTimer::timeout, this, &LogStream::flush);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        finish(
            KubeStatus::fromTransport(QStringLiteral("Reading the log timed out"),
                                      QStringLiteral("nothing arrived for %1 s").arg(m_idleTimer.interval() / 1000)));
    });
}

LogStream::~LogStream()
{
    stop();
}

void LogStream::start()
{
    if (!m_client) {
        finish(Error::make(QStringLiteral("NotConnected"), QStringLiteral("The cluster connection is closed.")));
        return;
    }
    m_client->credentials()->obtain(this, [this](const Result<Credential> &credential) {
        if (m_done)
            return;
        if (!credential) {
            finish(credential.error());
            return;
        }
        m_sentMs = QDateTime::currentMSecsSinceEpoch();
        m_reply = m_client->openStream(m_path, m_query, credential.value());
        // A followed log may stay quiet for hours; a one-shot read has the client's timeout.
        if (!m_follow) {
            m_idleTimer.setInterval(m_client->requestTimeoutMs());
            m_idleTimer.start();
        }
        connect(m_reply, &QNetworkReply::readyRead, this, &LogStream::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &LogStream::onFinished);
    });
}

void LogStream::stop()
{
    m_done = true;
    m_batchTimer.stop();
    m_idleTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void LogStream::onReadyRead()
{
    if (!m_reply || m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read in onFinished()
    if (m_idleTimer.isActive())
        m_idleTimer.start();
    m_buffer.append(m_reply->readAll());
    takeLines(false);
}

void LogStream::takeLines(bool atEnd)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        qsizetype end = newline;
        if (end > start && m_buffer.at(end - 1) == '\r')
            --end;
        m_pending.append(QString::fromUtf8(m_buffer.constData() + start, end - start));
        start = newline + 1;
    }
    m_buffer.remove(0, start);
    if (atEnd && !m_buffer.isEmpty()) {
        // limitBytes or a log without a final newline: the rest is a line too.
        m_pending.append(QString::fromUtf8(m_buffer));
        m_buffer.clear();
    }
    if (m_keepLast > 0) {
        if (m_pending.size() > m_keepLast)
            m_pending.remove(0, m_pending.size() - m_keepLast);
        return; // passed on at the end
    }
    if (m_pending.size() >= m_maxBatchLines)
        flush();
    else if (!m_pending.isEmpty() && !m_batchTimer.isActive())
        m_batchTimer.start();
}

void LogStream::flush()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty())
        return;
    QStringList out;
    out.swap(m_pending);
    m_linesRead += out.size();
    emit lines(out);
}

void LogStream::onFinished()
{
    if (!m_reply || m_done)
        return;
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && reply->hasRawHeader("Date") && m_client)
        m_client->clock()->observe(reply->rawHeader("Date"), m_sentMs, QDateTime::currentMSecsSinceEpoch());
    if (status == 200) {
        onReadyRead();
        if (m_done)
            return;
        takeLines(true);
    }
    if (status != 0 && status != 200) {
        const Error error = KubeStatus::fromHttp(status, reply->readAll());
        if (status == 401 && m_client)
            m_client->credentials()->invalidate();
        finish(error);
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        finish(KubeStatus::fromTransport(QStringLiteral("The log stream broke"), reply->errorString()));
        return;
    }
    finish({});
}

void LogStream::finish(const Error &error)
{
    if (m_done)
        return;
    flush();
    if (m_done)
        return; // stopped by a receiver of the last lines
    stop();
    if (!error.reason.isEmpty() || error.httpStatus != 0)
        qCDebug(lcKube).noquote() << "log" << m_path << "ended:" << error.toString();
    emit finished(error);
}

} // namespace capstan
