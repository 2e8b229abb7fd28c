#include "metrics/prometheussource.h"

#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/kubestatus.h"
#include "kube/resourcepath.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <utility>

namespace capstan {

namespace {

// Prometheus refuses a range with more points per series than this.
constexpr qint64 kMaxPoints = 11000;

const QString kQueryRangePath = QStringLiteral("api/v1/query_range");

// A PromQL string literal.
QString literal(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    escaped.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// QUrlQuery keeps '+' and percent sequences as they are, and a query string decodes '+' as a space.
QString queryValue(const QString &value)
{
    QString encoded = value;
    encoded.replace(QLatin1Char('%'), QStringLiteral("%25"));
    encoded.replace(QLatin1Char('+'), QStringLiteral("%2B"));
    return encoded;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

// Prometheus's error body: {"status":"error","errorType":"bad_data","error":"…"}.
Error prometheusError(int httpStatus, const QJsonObject &body, const QString &where)
{
    Error e;
    e.httpStatus = httpStatus;
    const QString type = body.value(QLatin1String("errorType")).toString();
    const QString text = body.value(QLatin1String("error")).toString();
    e.reason = type.isEmpty() ? KubeStatus::reasonForCode(httpStatus) : type;
    if (!text.isEmpty()) {
        e.message = QStringLiteral("Prometheus %1 refused the query: %2").arg(where, text);
    } else if (httpStatus == 401 || httpStatus == 403) {
        e.message = QStringLiteral("Prometheus %1 answered %2 %3. Check the credentials of the metric source.")
                        .arg(where)
                        .arg(httpStatus)
                        .arg(e.reason);
    } else {
        e.message = QStringLiteral("Prometheus %1 answered %2 %3. Check that the address points at Prometheus "
                                   "(its API is under /api/v1).")
                        .arg(where)
                        .arg(httpStatus)
                        .arg(e.reason);
    }
    return e;
}

} // namespace

PrometheusSource::PrometheusSource(const QUrl &baseUrl, const Credentials &credentials, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_credentials(credentials)
{
}

PrometheusSource::PrometheusSource(KubeClient *client, const QString &ns, const QString &service, const QString &port,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(ns)
    , m_service(service)
    , m_port(port)
{
}

PrometheusSource::~PrometheusSource()
{
    cancel();
}

QString PrometheusSource::describe() const
{
    if (m_client)
        return QStringLiteral("service %1/%2:%3").arg(m_ns, m_service, m_port);
    return m_baseUrl.toDisplayString(QUrl::RemoveUserInfo);
}

QString PrometheusSource::where() const
{
    return m_client ? describe() : QStringLiteral("at ") + describe();
}

QList<QLatin1String> PrometheusSource::metrics()
{
    return {MetricName::SourceRecordsOut,       MetricName::SinkRecordsIn,      MetricName::MaxBusy,
            MetricName::MaxBackPressured,       MetricName::NumRestarts,        MetricName::Uptime,
            MetricName::LastCheckpointDuration, MetricName::LastCheckpointSize, MetricName::CompletedCheckpoints,
            MetricName::FailedCheckpoints};
}

QString PrometheusSource::expression(const QString &metric, const QString &jobName)
{
    const QString job = QStringLiteral("job_name=") + literal(jobName);
    const auto aggregate = [&job](const char *op, const char *name, const char *extra = "") {
        return QStringLiteral("%1 by (job_name, job_id) (%2{%3%4})")
            .arg(QLatin1String(op), QLatin1String(name), job, QLatin1String(extra));
    };
    if (metric == MetricName::SourceRecordsOut)
        return aggregate("sum", "flink_taskmanager_job_task_operator_numRecordsOutPerSecond",
                         R"(,operator_name=~"Source:.*")");
    if (metric == MetricName::SinkRecordsIn)
        return aggregate("sum", "flink_taskmanager_job_task_operator_numRecordsInPerSecond",
                         R"(,operator_name=~".*Sink:.*")");
    if (metric == MetricName::MaxBusy)
        return aggregate("max", "flink_taskmanager_job_task_busyTimeMsPerSecond");
    if (metric == MetricName::MaxBackPressured)
        return aggregate("max", "flink_taskmanager_job_task_backPressuredTimeMsPerSecond");
    if (metric == MetricName::NumRestarts)
        return aggregate("max", "flink_jobmanager_job_numRestarts");
    if (metric == MetricName::Uptime)
        return aggregate("max", "flink_jobmanager_job_uptime");
    if (metric == MetricName::LastCheckpointDuration)
        return aggregate("max", "flink_jobmanager_job_lastCheckpointDuration");
    if (metric == MetricName::LastCheckpointSize)
        return aggregate("max", "flink_jobmanager_job_lastCheckpointSize");
    if (metric == MetricName::CompletedCheckpoints)
        return aggregate("max", "flink_jobmanager_job_numberOfCompletedCheckpoints");
    if (metric == MetricName::FailedCheckpoints)
        return aggregate("max", "flink_jobmanager_job_numberOfFailedCheckpoints");
    return {};
}

Result<QList<MetricSample>> PrometheusSource::parseMatrix(const QJsonObject &answer, const QString &metric)
{
    const QJsonObject data = answer.value(QLatin1String("data")).toObject();
    const QString type = data.value(QLatin1String("resultType")).toString();
    if (answer.value(QLatin1String("status")).toString() != QLatin1String("success")
        || type != QLatin1String("matrix")) {
        return Error::make(QStringLiteral("InvalidResponse"),
                           QStringLiteral("Prometheus answered a range query with %1 instead of a matrix.")
                               .arg(type.isEmpty() ? QStringLiteral("no result") : type));
    }
    QList<MetricSample> samples;
    const QJsonArray series = data.value(QLatin1String("result")).toArray();
    for (const QJsonValue &item : series) {
        const QJsonObject one = item.toObject();
        const QString jobId = one.value(QLatin1String("metric")).toObject().value(QLatin1String("job_id")).toString();
        const QJsonArray values = one.value(QLatin1String("values")).toArray();
        for (const QJsonValue &point : values) {
            const QJsonArray pair = point.toArray();
            if (pair.size() != 2)
                continue;
            bool ok = false;
            const double value = pair.at(1).toString().toDouble(&ok);
            if (!ok || !std::isfinite(value))
                continue;
            samples.append({qint64(std::llround(pair.at(0).toDouble() * 1000.0)), jobId, metric, value});
        }
    }
    return samples;
}

void PrometheusSource::cancel()
{
    ++m_generation;
    m_pending = 0;
    m_samples.clear();
    const QList<QPointer<QNetworkReply>> replies = std::exchange(m_replies, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (!reply)
            continue;
        // Deleting a reply abandons its request (abort() would warn for one that failed already).
        reply->disconnect(this);
        reply->deleteLater();
    }
    const QList<QPointer<KubeReply>> kubeReplies = std::exchange(m_kubeReplies, {});
    for (const QPointer<KubeReply> &reply : kubeReplies) {
        if (reply)
            reply->abort();
    }
}

void PrometheusSource::queryRange(const QString &jobName, qint64 fromMs, qint64 toMs, int stepSeconds)
{
    cancel();
    m_jobName = jobName;
    qint64 step = std::max(1, stepSeconds);
    const qint64 rangeSeconds = (toMs - fromMs) / 1000;
    if (rangeSeconds > 0)
        step = std::max(step, (rangeSeconds + kMaxPoints - 1) / kMaxPoints);
    qCDebug(lcSession) << "Prometheus range for" << jobName << "over" << rangeSeconds << "s, step" << step << "s";
    const QList<QLatin1String> names = metrics();
    for (const QLatin1String &metric : names)
        request(metric, expression(metric, jobName), seconds(fromMs), seconds(toMs), QString::number(step));
}

void PrometheusSource::request(const QString &metric, const QString &query, const QString &start, const QString &end,
                               const QString &step)
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("query"), queryValue(query));
    parameters.addQueryItem(QStringLiteral("start"), start);
    parameters.addQueryItem(QStringLiteral("end"), end);
    parameters.addQueryItem(QStringLiteral("step"), step);
    ++m_pending;
    const quint64 generation = m_generation;

    if (m_client) {
        KubeReply *reply = m_client->get(serviceProxyPath(m_ns, m_service, m_port, kQueryRangePath), parameters);
        m_kubeReplies.append(reply);
        connect(reply, &KubeReply::finished, this, [this, generation, metric](const Result<QJsonObject> &result) {
            answered(generation, metric, result);
        });
        return;
    }

    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + kQueryRangePath);
    url.setQuery(parameters);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_requestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_credentials.bearerToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_credentials.bearerToken.toUtf8());
    } else if (!m_credentials.username.isEmpty()) {
        const QByteArray pair = m_credentials.username.toUtf8() + ':' + m_credentials.password.toUtf8();
        request.setRawHeader("Authorization", "Basic " + pair.toBase64());
    }
    QNetworkReply *reply = m_nam->get(request);
    m_replies.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, generation, metric, reply] {
        reply->deleteLater();
        m_replies.removeAll(reply);
        if (generation != m_generation)
            return;
        answered(generation, metric, readReply(reply));
    });
}

Result<QJsonObject> PrometheusSource::readReply(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        Error e;
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
            e.reason = QStringLiteral("Timeout");
            e.message = QStringLiteral("Prometheus %1 did not answer within %2 s.")
                            .arg(where())
                            .arg(m_requestTimeoutMs / 1000);
        } else {
            e.reason = QStringLiteral("Unreachable");
            e.message = QStringLiteral("Cannot reach Prometheus at %1: %2. Check the address and that Prometheus "
                                       "is running.")
                            .arg(describe(), reply->errorString());
        }
        return e;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
    if (status < 200 || status >= 300)
        return prometheusError(status, doc.object(), where());
    if (!doc.isObject()) {
        Error e = Error::make(QStringLiteral("InvalidResponse"),
                              QStringLiteral("Prometheus %1 answered with something that is not JSON (%2). "
                                             "Check that the address points at Prometheus.")
                                  .arg(where(), parseError.errorString()));
        e.httpStatus = status;
        return e;
    }
    return doc.object();
}

void PrometheusSource::answered(quint64 generation, const QString &metric, const Result<QJsonObject> &answer)
{
    if (generation != m_generation || m_pending == 0)
        return;
    Result<QList<MetricSample>> parsed = QList<MetricSample>();
    if (!answer) {
        Error e = answer.error();
        if (m_client)
            e.message = QStringLiteral("Prometheus %1: %2").arg(describe(), e.message);
        parsed = e;
    } else if (answer->value(QLatin1String("status")).toString() == QLatin1String("error")) {
        parsed = prometheusError(200, answer.value(), where());
    } else {
        parsed = parseMatrix(answer.value(), metric);
    }
    if (!parsed) {
        const Error error = parsed.error();
        qCInfo(lcSession).noquote() << "Prometheus range query for" << m_jobName << "failed:" << error.toString();
        cancel();
        emit failed(error);
        return;
    }
    m_samples.append(parsed.value());
    if (--m_pending > 0)
        return;
    QList<MetricSample> all = std::exchange(m_samples, {});
    m_replies.clear();
    m_kubeReplies.clear();
    std::stable_sort(all.begin(), all.end(),
                     [](const MetricSample &a, const MetricSample &b) { return a.timeMs < b.timeMs; });
    qCDebug(lcSession) << "Prometheus range for" << m_jobName << "gave" << all.size() << "samples";
    emit samples(all);
}

} // namespace capstan
