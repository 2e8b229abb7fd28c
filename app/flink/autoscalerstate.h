#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <limits>

namespace capstan {

// One metric the autoscaler evaluated for a decision: the latest value and the average over the
// metric window. NaN where the operator had none (it records either for some metrics).
struct AutoscalerMetricValue
{
    double current = std::numeric_limits<double>::quiet_NaN();
    double average = std::numeric_limits<double>::quiet_NaN();
};

// One parallelism change of one vertex, an entry of the scalingHistory key (the operator's
// ScalingSummary). metrics is keyed by the operator's ScalingMetric names: TRUE_PROCESSING_RATE,
// TARGET_DATA_RATE, LOAD, LAG, MAX_PARALLELISM, EXPECTED_PROCESSING_RATE, …
struct AutoscalerScaling
{
    int fromParallelism = -1; // -1 when the entry does not say
    int toParallelism = -1;
    QMap<QString, AutoscalerMetricValue> metrics;

    bool isScaleUp() const { return toParallelism > fromParallelism; }
};

// One applied scaling of the job, an entry of scalingTracking: how long the job took to run again at
// the new parallelism. Operator 1.7 recorded endTime, later releases restartDuration.
struct AutoscalerScalingRecord
{
    QDateTime endTime; // invalid when not recorded
    qint64 restartDurationMs = -1; // -1 when not recorded

    // restartDurationMs, or endTime - start when only the end was recorded; -1 when unknown.
    qint64 restartMs(const QDateTime &start) const;
};

// A scale-down the autoscaler is holding back (delayedScaleDown): it scales down only after the
// recommendation has stayed lower for the whole scale-down interval.
struct AutoscalerDelayedScaleDown
{
    struct Recommendation
    {
        QDateTime triggerTime;
        int parallelism = -1;
        bool outsideUtilizationBound = false;
    };
    QDateTime firstTriggerTime;
    int maxRecommendedParallelism = -1; // the highest recommendation in the window
    QList<Recommendation> recommendations; // releases from 1.11 on; oldest first
};

// A key of the ConfigMap that could not be read. The operator discards such a key and starts over
// with empty state for it.
struct AutoscalerStateError
{
    enum class Reason {
        NotText, // the ConfigMap value is not a string
        NotBase64, // neither base64 nor plain YAML
        NotGzip, // base64, but not gzip data, and not plain YAML either
        Truncated, // the gzip stream ends early
        Corrupt, // the gzip stream is damaged (bad block, checksum, length)
        TooLarge, // inflates beyond kMaxDecompressedBytes
        NotYaml, // decompressed, but not YAML
        UnknownFormat, // YAML, but not the structure the operator writes
    };
    QString key; // scalingHistory, scalingTracking, …
    Reason reason = Reason::UnknownFormat;
    QString detail; // English, for logs and tooltips: "line 3: …", "vertex 0a1b…: LOAD is not a number"

    // "scalingHistory: not gzip data", "scalingHistory: unknown format: …".
    QString toString() const;
    static QString describe(Reason reason);
};

// The Flink Kubernetes operator autoscaler's state: the ConfigMap "autoscaler-<deployment>" in the
// deployment's namespace (labels component=autoscaler, app=<deployment>, owned by the deployment).
// scalingHistory, scalingTracking and collectedMetrics hold YAML (Jackson's), gzip-compressed and
// base64-encoded; the operator reads plain YAML there too (state written before compression came).
// parallelismOverrides is "vertexId:parallelism,…"; configOverrides and delayedScaleDown are plain
// YAML. Timestamps are Instants: ISO-8601 as map keys, decimal epoch seconds as values.
//
// A value type, no Qt object. Decoding never throws and never fails as a whole: each key that cannot
// be read gives an entry in errors and leaves its part empty, the way the operator discards it.
class AutoscalerState final
{
public:
    // The operator refuses to inflate a value beyond 8 MiB (KubernetesAutoScalerStateStore's
    // MAX_DECOMPRESSED_BYTES): legitimate state is a few MiB, more is a gzip bomb.
    static constexpr qsizetype kMaxDecompressedBytes = 8 * 1024 * 1024;

    static const QString kScalingHistoryKey;
    static const QString kScalingTrackingKey;
    static const QString kCollectedMetricsKey;
    static const QString kParallelismOverridesKey;
    static const QString kConfigOverridesKey;
    static const QString kDelayedScaleDownKey;

    // "autoscaler-<deployment>".
    static QString configMapName(const QString &deploymentName);

    // A whole ConfigMap object (reads its "data"), or just the data.
    static AutoscalerState fromConfigMap(const QJsonObject &configMap);
    static AutoscalerState fromData(const QJsonObject &data);

    // The ConfigMap data the operator would write for this state: only keys with content, each in the
    // operator's encoding.
    QJsonObject toConfigMapData() const;
    // The whole ConfigMap, with the operator's name, labels and owner reference (a FlinkDeployment).
    QJsonObject toConfigMap(const QString &deploymentName, const QString &ns, const QString &ownerUid) const;

    // gzip, then base64: the operator's encoding of the compressed keys.
    static QByteArray encodeCompressed(const QByteArray &yaml);

    bool isEmpty() const;
    // The vertices any key mentions, sorted.
    QStringList vertexIds() const;
    // The newest scaling of a vertex; nullptr when it never scaled.
    const AutoscalerScaling *latestScaling(const QString &vertexId, QDateTime *time = nullptr) const;

    // vertex id → (decision time → scaling), oldest first per vertex.
    QMap<QString, QMap<QDateTime, AutoscalerScaling>> scalingHistory;
    // scaling start → record.
    QMap<QDateTime, AutoscalerScalingRecord> scalingRecords;
    // collection time → vertex id → metric name → value: the metric window so far.
    QMap<QDateTime, QMap<QString, QMap<QString, double>>> collectedMetrics;
    // vertex id → parallelism the autoscaler set (what reaches pipeline.jobvertex-parallelism-overrides).
    QMap<QString, int> parallelismOverrides;
    // Flink configuration the autoscaler changes (memory tuning): set, and removed.
    QMap<QString, QString> configOverrides;
    QStringList configRemovals;
    // vertex id → the scale-down held back.
    QMap<QString, AutoscalerDelayedScaleDown> delayedScaleDown;

    QList<AutoscalerStateError> errors; // keys that could not be read
    // Parts of a readable key the operator ignores, e.g. a parallelism override that is no positive
    // number ("parallelismOverrides: \"abc\" for 0a1b… is not a parallelism; ignored").
    QStringList warnings;

    // The YAML (Jackson's layout) the operator serializes each part to, before compression.
    QByteArray scalingHistoryYaml() const;
    QByteArray scalingTrackingYaml() const;
    QByteArray collectedMetricsYaml() const;
    QByteArray configOverridesYaml() const;
    QByteArray delayedScaleDownYaml() const;
    QString parallelismOverridesText() const;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::AutoscalerState)
