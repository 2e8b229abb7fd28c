#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace capstan {

// The Flink Kubernetes operator autoscaler's settings, read from a spec's flinkConfiguration: the
// job.autoscaler.* options (AutoScalerOptions), or their legacy kubernetes.operator.job.autoscaler.*
// spelling, which the operator still reads. Defaults are the operator's.
class AutoscalerConfig final
{
public:
    enum class Mode {
        Off, // job.autoscaler.enabled is not "true"
        Advisory, // enabled, job.autoscaler.scaling.enabled "false": it only recommends
        Active, // enabled and scaling
    };

    static const QString kPrefix; // "job.autoscaler."
    static const QString kLegacyPrefix; // "kubernetes.operator.job.autoscaler."
    // Where the autoscaler's decisions reach the job.
    static const QString kParallelismOverridesKey; // pipeline.jobvertex-parallelism-overrides

    // From a spec (reads its flinkConfiguration) or from the flinkConfiguration itself.
    static AutoscalerConfig fromSpec(const QJsonObject &spec);
    static AutoscalerConfig fromFlinkConfiguration(const QJsonObject &conf);

    Mode mode() const;
    bool enabled() const { return mode() != Mode::Off; }
    // Any job.autoscaler.* option is set: the tab is worth showing even when it is off.
    bool configured() const;

    // The option's value as written ("" when unset), and the key it is written under: the spelling
    // the spec uses, or job.autoscaler.<option> when it uses neither. A change keeps the user's
    // spelling, so the operator reads the key that was changed.
    QString option(const QString &name) const;
    QString keyFor(const QString &name) const;

    double option(const QString &name, double fallback) const;
    int option(const QString &name, int fallback) const;
    // A Flink duration ("5 min", "30s", "1h", "PT5M", plain milliseconds); fallback when unset or unreadable.
    qint64 durationMs(const QString &name, qint64 fallback) const;

    double targetUtilization() const { return option(QStringLiteral("target.utilization"), 0.7); }
    double utilizationBoundary() const { return option(QStringLiteral("target.utilization.boundary"), 0.3); }
    qint64 stabilizationMs() const;
    qint64 metricsWindowMs() const { return durationMs(QStringLiteral("metrics.window"), 15 * 60000); }
    qint64 scaleDownIntervalMs() const { return durationMs(QStringLiteral("scale-down.interval"), 3600000); }
    int vertexMaxParallelism() const; // job.autoscaler.vertex.max-parallelism; INT_MAX when unset
    int vertexMinParallelism() const { return option(QStringLiteral("vertex.min-parallelism"), 1); }
    bool memoryTuningEnabled() const;

    // job.autoscaler.excluded.periods, as written: ";"-separated "HH:mm[:ss]-HH:mm[:ss]" ranges of the
    // day (UTC here) or cron expressions.
    QStringList excludedPeriods() const;
    // `at` is inside one of the time ranges. Cron expressions are not evaluated: they never match,
    // and excludedPeriodsUnderstood() says whether all of them could be read.
    bool inExcludedPeriod(const QDateTime &at) const;
    bool excludedPeriodsUnderstood() const;

    const QJsonObject &flinkConfiguration() const { return m_conf; }

private:
    QJsonObject m_conf;
};

} // namespace capstan
