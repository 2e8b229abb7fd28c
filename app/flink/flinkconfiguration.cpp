#include "flink/flinkconfiguration.h"

namespace capstan {

FlinkConfiguration::FlinkConfiguration(const QJsonObject &spec)
    : m_configuration(spec.value(QLatin1String("flinkConfiguration")).toObject())
{
}

QString FlinkConfiguration::value(const QString &key) const
{
    const QJsonValue v = m_configuration.value(key);
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

bool FlinkConfiguration::kubernetesHa() const
{
    if (value(QStringLiteral("high-availability.type")).compare(QLatin1String("kubernetes"), Qt::CaseInsensitive) == 0)
        return true;
    const QString legacy = value(QStringLiteral("high-availability"));
    return legacy.compare(QLatin1String("kubernetes"), Qt::CaseInsensitive) == 0
        || legacy.contains(QLatin1String("KubernetesHaServices"));
}

bool FlinkConfiguration::checkpointsEnabled() const
{
    const QString interval = value(QStringLiteral("execution.checkpointing.interval"));
    return (!interval.isEmpty() && interval != QLatin1String("0"))
        || !value(QStringLiteral("state.checkpoints.dir")).isEmpty();
}

} // namespace capstan
