#include "sandbox/statusshape.h"

#include "sandbox/resourcestore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace capstan::sandbox {

namespace {

constexpr int kHistoryLimit = 10; // kubernetes.operator.savepoint.history.max.count's default

int minorOf(const QString &version)
{
    if (!StatusShape::isSupported(version))
        return 15;
    return version.section(QLatin1Char('.'), 1, 1).toInt();
}

QJsonObject withoutNonceAndFormat(QJsonObject savepoint)
{
    savepoint.remove(QStringLiteral("formatType"));
    savepoint.remove(QStringLiteral("triggerNonce"));
    return savepoint;
}

QJsonObject rewriteSavepointInfo(QJsonObject info, int minor)
{
    const QJsonObject last = info.value(QLatin1String("lastSavepoint")).toObject();
    QJsonArray history = info.value(QLatin1String("savepointHistory")).toArray();
    // Before the snapshot resources (1.10), every completed savepoint is kept in the history.
    if (minor < 10 && !last.value(QLatin1String("location")).toString().isEmpty()) {
        bool known = false;
        for (const QJsonValue &v : std::as_const(history))
            known = known || v.toObject().value(QLatin1String("location")) == last.value(QLatin1String("location"));
        if (!known)
            history.append(last);
        while (history.size() > kHistoryLimit)
            history.removeFirst();
    }
    if (minor < 3) {
        info.remove(QStringLiteral("formatType"));
        if (!last.isEmpty())
            info.insert(QStringLiteral("lastSavepoint"), withoutNonceAndFormat(last));
        for (qsizetype i = 0; i < history.size(); ++i)
            history.replace(i, withoutNonceAndFormat(history.at(i).toObject()));
    }
    info.insert(QStringLiteral("savepointHistory"), history);
    return info;
}

} // namespace

QStringList StatusShape::supportedVersions()
{
    return {QStringLiteral("1.2"), QStringLiteral("1.6"), QStringLiteral("1.10"), QStringLiteral("1.15")};
}

bool StatusShape::isSupported(const QString &version)
{
    return supportedVersions().contains(version);
}

QJsonObject StatusShape::rewrite(const QJsonObject &input, const QString &version)
{
    const int minor = minorOf(version);
    if (minor >= 15)
        return input;
    QJsonObject status = input;
    if (minor < 12)
        status.remove(QStringLiteral("conditions"));
    if (minor < 8)
        status.remove(QStringLiteral("observedGeneration"));
    if (minor < 4)
        status.remove(QStringLiteral("lifecycleState"));
    if (status.contains(QLatin1String("jobStatus"))) {
        QJsonObject jobStatus = status.value(QLatin1String("jobStatus")).toObject();
        if (minor < 10)
            jobStatus.remove(QStringLiteral("upgradeSavepointPath"));
        if (minor < 7)
            jobStatus.remove(QStringLiteral("checkpointInfo"));
        if (jobStatus.contains(QLatin1String("savepointInfo")))
            jobStatus.insert(QStringLiteral("savepointInfo"),
                             rewriteSavepointInfo(jobStatus.value(QLatin1String("savepointInfo")).toObject(), minor));
        status.insert(QStringLiteral("jobStatus"), jobStatus);
    }
    if (minor < 3) {
        status.remove(QStringLiteral("taskManager"));
        // The exception's message alone; the JSON document came with 1.3.
        const QString error = status.value(QLatin1String("error")).toString();
        const QJsonDocument doc = QJsonDocument::fromJson(error.toUtf8());
        if (doc.isObject())
            status.insert(QStringLiteral("error"), doc.object().value(QLatin1String("message")).toString());
    }
    return status;
}

void StatusShape::applyToStore(ResourceStore &store, const QString &version)
{
    if (minorOf(version) >= 15)
        return;
    // A FlinkSessionJob's status has the same fields, written by the same release.
    for (const QString &plural : {QStringLiteral("flinkdeployments"), QStringLiteral("flinksessionjobs")}) {
        QList<QJsonObject> objects;
        store.snapshot(plural, {}, &objects);
        for (QJsonObject object : std::as_const(objects)) {
            if (!object.contains(QLatin1String("status")))
                continue;
            object.insert(QStringLiteral("status"), rewrite(object.value(QLatin1String("status")).toObject(), version));
            const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
            WriteOptions options;
            options.subresource = Subresource::Status;
            store.update(plural, metadata.value(QLatin1String("namespace")).toString(),
                         metadata.value(QLatin1String("name")).toString(), object, options);
        }
    }
}

} // namespace capstan::sandbox
