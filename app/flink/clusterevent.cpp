#include "flink/clusterevent.h"

namespace capstan {

namespace {
QDateTime timestamp(const QJsonObject &o, const char *key)
{
    const QString text = o.value(QLatin1String(key)).toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}
} // namespace

bool ClusterEvent::isRestartSignal() const
{
    if (!isWarning())
        return false;
    return reason == QLatin1String("JobException") || reason == QLatin1String("Error")
        || reason == QLatin1String("RestartUnhealthyJob") || reason == QLatin1String("BackOff")
        || reason == QLatin1String("CrashLoopBackOff");
}

ClusterEvent ClusterEvent::fromJson(const QJsonObject &object)
{
    ClusterEvent e;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    e.uid = metadata.value(QLatin1String("uid")).toString();
    e.ns = metadata.value(QLatin1String("namespace")).toString();
    e.resourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    e.type = object.value(QLatin1String("type")).toString();
    e.reason = object.value(QLatin1String("reason")).toString();
    e.message = object.value(QLatin1String("message")).toString();
    e.count = std::max(1, object.value(QLatin1String("count")).toInt(1));
    e.firstTimestamp = timestamp(object, "firstTimestamp");
    e.lastTimestamp = timestamp(object, "lastTimestamp");
    if (!e.lastTimestamp.isValid())
        e.lastTimestamp = timestamp(object, "eventTime");
    if (!e.lastTimestamp.isValid())
        e.lastTimestamp = timestamp(metadata, "creationTimestamp");
    if (!e.firstTimestamp.isValid())
        e.firstTimestamp = e.lastTimestamp;
    e.source = object.value(QLatin1String("source")).toObject().value(QLatin1String("component")).toString();
    if (e.source.isEmpty())
        e.source = object.value(QLatin1String("reportingComponent")).toString();
    const QJsonObject involved = object.value(QLatin1String("involvedObject")).toObject();
    e.involvedKind = involved.value(QLatin1String("kind")).toString();
    e.involvedName = involved.value(QLatin1String("name")).toString();
    e.involvedUid = involved.value(QLatin1String("uid")).toString();
    return e;
}

} // namespace capstan
