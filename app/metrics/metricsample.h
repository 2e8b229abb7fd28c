#pragma once

#include <QLatin1String>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// One observation of one metric of a deployment. The deployment (by uid) is the key of the history;
// the job id only says which of the deployment's jobs produced the value.
struct MetricSample
{
    qint64 timeMs = 0; // milliseconds since the epoch, UTC
    QString jobId;
    QString metric; // one of MetricName
    double value = 0;

    friend bool operator==(const MetricSample &a, const MetricSample &b)
    {
        return a.timeMs == b.timeMs && a.jobId == b.jobId && a.metric == b.metric && a.value == b.value;
    }
};

// The metric names Capstan collects (job level as Flink names them; vertex aggregates are Capstan's).
namespace MetricName {
inline constexpr QLatin1String NumRestarts{"numRestarts"};
inline constexpr QLatin1String Uptime{"uptime"}; // running time of the current job, ms
inline constexpr QLatin1String LastCheckpointDuration{"lastCheckpointDuration"}; // ms
inline constexpr QLatin1String LastCheckpointSize{"lastCheckpointSize"}; // bytes
inline constexpr QLatin1String CompletedCheckpoints{"numberOfCompletedCheckpoints"};
inline constexpr QLatin1String FailedCheckpoints{"numberOfFailedCheckpoints"};
inline constexpr QLatin1String SourceRecordsOut{"sourceRecordsOutPerSecond"}; // sum over the source subtasks
inline constexpr QLatin1String SinkRecordsIn{"sinkRecordsInPerSecond"}; // sum over the sink subtasks
inline constexpr QLatin1String MaxBusy{"maxBusyTimeMsPerSecond"}; // highest subtask of any vertex
inline constexpr QLatin1String MaxBackPressured{"maxBackPressuredTimeMsPerSecond"}; // highest subtask of any vertex
inline constexpr QLatin1String WatermarkLag{"watermarkLagMs"}; // now − lowest sink input watermark
} // namespace MetricName

} // namespace capstan

Q_DECLARE_METATYPE(capstan::MetricSample)
