#include "sandbox/podtable.h"

#include <QDateTime>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

qint64 msOf(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch();
}

QJsonObject column(const QString &name, const QString &type, const QString &description, int priority,
                   const QString &format = {})
{
    return {{u"name"_s, name},
            {u"type"_s, type},
            {u"format"_s, format},
            {u"description"_s, description},
            {u"priority"_s, priority}};
}

// printPod of the API server's table printer.
QJsonArray cells(const QJsonObject &pod, qint64 nowMs)
{
    const QJsonObject metadata = pod.value(u"metadata"_s).toObject();
    const QJsonObject spec = pod.value(u"spec"_s).toObject();
    const QJsonObject status = pod.value(u"status"_s).toObject();
    const QJsonArray statuses = status.value(u"containerStatuses"_s).toArray();
    QString reason = status.value(u"phase"_s).toString();
    if (!status.value(u"reason"_s).toString().isEmpty())
        reason = status.value(u"reason"_s).toString();
    int ready = 0;
    int restarts = 0;
    qint64 lastRestartMs = -1;
    bool hasRunning = false;
    for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
        const QJsonObject s = statuses.at(i).toObject();
        restarts += s.value(u"restartCount"_s).toInt();
        const QJsonObject lastTerminated = s.value(u"lastState"_s).toObject().value(u"terminated"_s).toObject();
        if (!lastTerminated.isEmpty())
            lastRestartMs = std::max(lastRestartMs, msOf(lastTerminated.value(u"finishedAt"_s).toString()));
        const QJsonObject state = s.value(u"state"_s).toObject();
        const QJsonObject waiting = state.value(u"waiting"_s).toObject();
        const QJsonObject terminated = state.value(u"terminated"_s).toObject();
        if (!waiting.value(u"reason"_s).toString().isEmpty()) {
            reason = waiting.value(u"reason"_s).toString();
        } else if (!terminated.isEmpty()) {
            reason = terminated.value(u"reason"_s).toString();
            if (reason.isEmpty())
                reason = u"ExitCode:%1"_s.arg(terminated.value(u"exitCode"_s).toInt());
        } else if (s.value(u"ready"_s).toBool() && state.contains(u"running"_s)) {
            hasRunning = true;
            ++ready;
        }
    }
    if (reason == u"Completed"_s && hasRunning)
        reason = u"Running"_s;
    if (metadata.contains(u"deletionTimestamp"_s))
        reason = u"Terminating"_s;
    QString restartText = QString::number(restarts);
    if (restarts > 0 && lastRestartMs > 0)
        restartText += u" (%1 ago)"_s.arg(PodTable::humanDuration(nowMs - lastRestartMs));
    const auto orNone = [](const QString &s) { return s.isEmpty() ? u"<none>"_s : s; };
    return {metadata.value(u"name"_s).toString(),
            u"%1/%2"_s.arg(ready).arg(spec.value(u"containers"_s).toArray().size()),
            reason,
            restartText,
            PodTable::humanDuration(nowMs - msOf(metadata.value(u"creationTimestamp"_s).toString())),
            orNone(status.value(u"podIP"_s).toString()),
            orNone(spec.value(u"nodeName"_s).toString()),
            orNone(status.value(u"nominatedNodeName"_s).toString()),
            u"<none>"_s};
}

} // namespace

QString PodTable::humanDuration(qint64 ms)
{
    // "3m20s", but "3m" when the smaller unit is 0.
    const auto two = [](qint64 major, const char *majorUnit, qint64 minor, const char *minorUnit) {
        const QString text = QString::number(major) + QLatin1String(majorUnit);
        return minor == 0 ? text : text + QString::number(minor) + QLatin1String(minorUnit);
    };
    const qint64 seconds = ms / 1000;
    if (seconds < -1)
        return u"<invalid>"_s;
    if (seconds < 0)
        return u"0s"_s;
    if (seconds < 60 * 2)
        return u"%1s"_s.arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10)
        return two(minutes, "m", seconds % 60, "s");
    if (minutes < 60 * 3)
        return u"%1m"_s.arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8)
        return two(hours, "h", minutes % 60, "m");
    if (hours < 48)
        return u"%1h"_s.arg(hours);
    if (hours < 24 * 8)
        return two(hours / 24, "d", hours % 24, "h");
    if (hours < 24 * 365 * 2)
        return u"%1d"_s.arg(hours / 24);
    if (hours < 24 * 365 * 8)
        return two(hours / 24 / 365, "y", (hours / 24) % 365, "d");
    return u"%1y"_s.arg(hours / 24 / 365);
}

QJsonObject PodTable::render(const QJsonArray &pods, const QString &resourceVersion, const QString &includeObject,
                             qint64 nowMs)
{
    const QString nameDescription
        = u"Name must be unique within a namespace. Is required when creating resources, although some resources "
          u"may allow a client to request the generation of an appropriate name automatically. Name is primarily "
          u"intended for creation idempotence and configuration definition. Cannot be updated. More info: "
          u"https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_s;
    const QJsonArray columns{
        column(u"Name"_s, u"string"_s, nameDescription, 0, u"name"_s),
        column(u"Ready"_s, u"string"_s, u"The aggregate readiness state of this pod for accepting traffic."_s, 0),
        column(u"Status"_s, u"string"_s, u"The aggregate status of the containers in this pod."_s, 0),
        column(u"Restarts"_s, u"string"_s,
               u"The number of times the containers in this pod have been restarted and when the last container in "
               u"this pod has restarted."_s,
               0),
        column(u"Age"_s, u"string"_s,
               u"CreationTimestamp is a timestamp representing the server time when this object was created."_s, 0),
        column(u"IP"_s, u"string"_s, u"IP address allocated to the pod. Routable at least within the cluster."_s, 1),
        column(u"Node"_s, u"string"_s, u"NodeName is a request to schedule this pod onto a specific node."_s, 1),
        column(u"Nominated Node"_s, u"string"_s,
               u"nominatedNodeName is set only when this pod preempts other pods on the node."_s, 1),
        column(u"Readiness Gates"_s, u"string"_s, u"If specified, all readiness gates will be evaluated."_s, 1),
    };
    QJsonArray rows;
    for (const QJsonValue &v : pods) {
        QJsonObject pod = v.toObject();
        QJsonObject row{{u"cells"_s, cells(pod, nowMs)}};
        if (includeObject == u"Object"_s) {
            pod.insert(u"kind"_s, u"Pod"_s);
            pod.insert(u"apiVersion"_s, u"v1"_s);
            row.insert(u"object"_s, pod);
        } else if (includeObject != u"None"_s) {
            row.insert(u"object"_s,
                       QJsonObject{{u"kind"_s, u"PartialObjectMetadata"_s},
                                   {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                                   {u"metadata"_s, pod.value(u"metadata"_s)}});
        }
        rows.append(row);
    }
    return {{u"kind"_s, u"Table"_s},
            {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
            {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, resourceVersion}}},
            {u"columnDefinitions"_s, columns},
            {u"rows"_s, rows}};
}

} // namespace capstan::sandbox
