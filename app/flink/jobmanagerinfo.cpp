#include "flink/jobmanagerinfo.h"

#include <QJsonArray>

#include <algorithm>

namespace capstan {

namespace {
JobException exceptionFrom(const QJsonObject &o, bool root)
{
    JobException e;
    e.rootCause = root;
    e.time = QDateTime::fromMSecsSinceEpoch(o.value(QLatin1String("timestamp")).toInteger(), Qt::UTC);
    e.stackTrace = o.value(QLatin1String("stacktrace")).toString();
    if (e.stackTrace.isEmpty())
        e.stackTrace = o.value(QLatin1String("exception")).toString();
    e.exceptionName = o.value(QLatin1String("exceptionName")).toString();
    if (e.exceptionName.isEmpty())
        e.exceptionName = e.stackTrace.section(QLatin1Char('\n'), 0, 0).trimmed();
    e.taskName = o.value(QLatin1String("taskName")).toString();
    e.location = o.value(QLatin1String("endpoint")).toString();
    if (e.location.isEmpty())
        e.location = o.value(QLatin1String("location")).toString();
    return e;
}
} // namespace

QList<JobException> JobManagerInfo::parseExceptions(const QJsonObject &response)
{
    QList<JobException> out;
    // Flink ≥ 1.13: exceptionHistory.entries, each a root cause with its concurrent exceptions.
    const QJsonArray entries
        = response.value(QLatin1String("exceptionHistory")).toObject().value(QLatin1String("entries")).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject entry = v.toObject();
        out.append(exceptionFrom(entry, true));
        const QJsonArray concurrent = entry.value(QLatin1String("concurrentExceptions")).toArray();
        for (const QJsonValue &c : concurrent)
            out.append(exceptionFrom(c.toObject(), false));
    }
    if (out.isEmpty()) {
        // Older shape: root-exception plus all-exceptions.
        const QString root = response.value(QLatin1String("root-exception")).toString();
        if (!root.isEmpty()) {
            JobException e;
            e.rootCause = true;
            e.stackTrace = root;
            e.exceptionName = root.section(QLatin1Char('\n'), 0, 0).trimmed();
            e.time = QDateTime::fromMSecsSinceEpoch(response.value(QLatin1String("timestamp")).toInteger(), Qt::UTC);
            out.append(e);
        }
        const QJsonArray all = response.value(QLatin1String("all-exceptions")).toArray();
        for (const QJsonValue &v : all)
            out.append(exceptionFrom(v.toObject(), false));
    }
    std::stable_sort(out.begin(), out.end(), [](const JobException &a, const JobException &b) {
        if (a.time != b.time)
            return a.time > b.time;
        return a.rootCause && !b.rootCause;
    });
    return out;
}

} // namespace capstan
