#pragma once

#include "error.h"
#include "metrics/metricsample.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace capstan {

class KubeClient;
class KubeReply;

// A context's Prometheus as a source of metric history. It holds what Flink's PrometheusReporter
// exported, including jobs that ran before Capstan was installed, so history is asked for by the
// job_name label (the deployment's job) and grouped by job_id: one range spans every job id the
// deployment had.
//
// Prometheus is reached either at a base URL (plain HTTP or HTTPS, with an optional bearer token or
// basic credentials; the source creates its own QNetworkAccessManager on first use, in its thread)
// or as a Service through the API server's service proxy (the KubeClient authenticates).
//
// queryRange() asks /api/v1/query_range for one PromQL expression per metric and maps the answers
// to the MetricName the JobManager collector uses:
//   SourceRecordsOut  sum by (job_name, job_id) (…operator_numRecordsOutPerSecond{operator_name=~"Source:.*"})
//   SinkRecordsIn     sum by (job_name, job_id) (…operator_numRecordsInPerSecond{operator_name=~".*Sink:.*"})
//   MaxBusy, MaxBackPressured   max by (job_name, job_id) (…task_busyTimeMsPerSecond / …backPressuredTimeMsPerSecond)
//   NumRestarts, Uptime, LastCheckpointDuration, LastCheckpointSize, CompletedCheckpoints,
//   FailedCheckpoints           max by (job_name, job_id) (flink_jobmanager_job_<Flink name>)
// Each sample's jobId is the series' job_id label.
//
// Lives on the backend thread; does not own the KubeClient. Credentials are kept as given and
// never logged.
class PrometheusSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusSource)

public:
    // At most one of bearerToken and username is used; bearerToken wins.
    struct Credentials
    {
        QString bearerToken;
        QString username;
        QString password;
    };

    // baseUrl: where Prometheus serves /api/v1, e.g. http://prometheus.monitoring:9090 or
    // https://example.org/prometheus (a path prefix is kept).
    explicit PrometheusSource(const QUrl &baseUrl, const Credentials &credentials = {}, QObject *parent = nullptr);
    // The Service <ns>/<service>, port name or number `port`, through the API server of `client`.
    PrometheusSource(KubeClient *client, const QString &ns, const QString &service, const QString &port,
                     QObject *parent = nullptr);
    ~PrometheusSource() override;

    // "http://host:9090" or "service monitoring/prometheus:9090", for messages (no credentials).
    QString describe() const;

    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    // Asks for the metrics of jobName between fromMs and toMs (ms since the epoch) at one point per
    // stepSeconds (raised when the range would exceed Prometheus's 11,000 points per series). Ends
    // with exactly one of samples() or failed(), always asynchronously. A new call or cancel()
    // supersedes the range in flight: its answers are dropped.
    void queryRange(const QString &jobName, qint64 fromMs, qint64 toMs, int stepSeconds);
    void cancel();
    bool isQuerying() const { return m_pending > 0; }

    // The PromQL expression queryRange() sends for one MetricName, or an empty string.
    static QString expression(const QString &metric, const QString &jobName);
    // The metrics queryRange() asks for, in order.
    static QList<QLatin1String> metrics();
    // Samples of a query_range answer (resultType matrix), each labelled `metric` and carrying the
    // series' job_id. Non-finite values are left out.
    static Result<QList<MetricSample>> parseMatrix(const QJsonObject &answer, const QString &metric);

signals:
    // Every sample of the range, in time order. Empty when Prometheus holds nothing for the job.
    void samples(const QList<capstan::MetricSample> &samples);
    // The first failure of the range (unreachable, HTTP status, Prometheus's "error" field, an
    // answer that is not a matrix); the range's other answers are dropped.
    void failed(const capstan::Error &error);

private:
    void request(const QString &metric, const QString &query, const QString &start, const QString &end,
                 const QString &step);
    void answered(quint64 generation, const QString &metric, const Result<QJsonObject> &answer);
    Result<QJsonObject> readReply(QNetworkReply *reply) const;
    QString where() const; // "at <url>" or "service <ns>/<name>:<port>"

    // URL mode
    QUrl m_baseUrl;
    Credentials m_credentials;
    QNetworkAccessManager *m_nam = nullptr;
    // Service proxy mode
    KubeClient *m_client = nullptr;
    QString m_ns;
    QString m_service;
    QString m_port;

    int m_requestTimeoutMs = 30000;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_jobName;
    QList<MetricSample> m_samples;
    QList<QPointer<QNetworkReply>> m_replies;
    QList<QPointer<KubeReply>> m_kubeReplies;
};

} // namespace capstan
