#include "flink/deploymentstatus.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace capstan {

namespace {

// Operators write strings; a value of another type is read as text where it has one.
QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toInteger());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

QString word(const QJsonObject &o, const char *key)
{
    return text(o.value(QLatin1String(key))).trimmed().toUpper();
}

QJsonObject object(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

// Epoch milliseconds as a number or a numeric string, or an ISO time.
QDateTime timeOf(const QJsonValue &value)
{
    const QString s = text(value).trimmed();
    if (s.isEmpty())
        return {};
    bool ok = false;
    const qint64 ms = s.toLongLong(&ok);
    if (ok)
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
    const QDateTime iso = QDateTime::fromString(s, Qt::ISODateWithMs);
    return iso.isValid() ? iso.toUTC() : QDateTime();
}

SnapshotRef savepointRef(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    SnapshotRef ref;
    ref.kind = QStringLiteral("savepoint");
    ref.path = text(o.value(QLatin1String("location")));
    ref.time = timeOf(o.value(QLatin1String("timeStamp")));
    ref.source = QStringLiteral("savepointInfo");
    return ref.isValid() ? ref : SnapshotRef();
}

SnapshotRef statusSnapshot(const QJsonObject &jobStatus)
{
    SnapshotRef last;
    const QJsonObject savepoints = object(jobStatus, "savepointInfo");
    last = SnapshotRef::newer(last, savepointRef(savepoints.value(QLatin1String("lastSavepoint"))));
    const QJsonArray history = savepoints.value(QLatin1String("savepointHistory")).toArray();
    for (const QJsonValue &entry : history)
        last = SnapshotRef::newer(last, savepointRef(entry));

    SnapshotRef upgrade;
    upgrade.kind = QStringLiteral("savepoint");
    upgrade.path = text(jobStatus.value(QLatin1String("upgradeSavepointPath")));
    upgrade.source = QStringLiteral("upgradeSavepointPath");
    if (!upgrade.path.isEmpty() && upgrade.path != last.path)
        last = SnapshotRef::newer(last, upgrade);

    // checkpointInfo names no location, only when the operator-triggered checkpoint completed.
    const QJsonObject checkpoint = object(object(jobStatus, "checkpointInfo"), "lastCheckpoint");
    SnapshotRef ref;
    ref.kind = QStringLiteral("checkpoint");
    ref.time = timeOf(checkpoint.value(QLatin1String("timeStamp")));
    ref.source = QStringLiteral("checkpointInfo");
    return SnapshotRef::newer(last, ref);
}

// The operator's ResourceLifecycleState, computed as its CommonStatus does, for releases that did not
// write it.
QString deriveLifecycle(const DeploymentStatus &s, const QJsonObject &status, const QJsonObject &spec, bool session)
{
    if (!s.reconciled)
        return s.errorMessage.isEmpty() ? QStringLiteral("CREATED") : QStringLiteral("FAILED");
    if (s.reconciliationState == QLatin1String("UPGRADING"))
        return QStringLiteral("UPGRADING");
    if (s.reconciliationState == QLatin1String("ROLLING_BACK"))
        return QStringLiteral("ROLLING_BACK");
    const QJsonObject rs = object(status, "reconciliationStatus");
    const QJsonObject reconciled = DeploymentStatus::specOf(rs.value(QLatin1String("lastReconciledSpec")));
    const QJsonValue reconciledJob = reconciled.value(QLatin1String("job"));
    if (reconciledJob.isObject() && word(reconciledJob.toObject(), "state") == QLatin1String("SUSPENDED")) {
        // Releases before 1.1 record the target as suspended just before they deploy it, without
        // marking the reconciliation UPGRADING: a deployment under way is not a suspended one.
        const QString desired = word(object(spec, "job"), "state");
        const bool deploying = s.jobManagerStatus == QLatin1String("DEPLOYING")
            || s.jobManagerStatus == QLatin1String("DEPLOYED_NOT_READY")
            || s.jobManagerStatus == QLatin1String("READY");
        if (desired != QLatin1String("SUSPENDED") && deploying)
            return QStringLiteral("UPGRADING");
        return QStringLiteral("SUSPENDED");
    }
    if (!session && s.jobState == QLatin1String("FAILED"))
        return QStringLiteral("FAILED");
    // Newer operators call a lost JobManager whose HA metadata is gone terminally failed.
    if ((s.jobManagerStatus == QLatin1String("MISSING") || s.jobManagerStatus == QLatin1String("ERROR"))
        && s.error.contains(QLatin1String("HA metadata not available")))
        return QStringLiteral("FAILED");
    if (s.reconciliationState == QLatin1String("ROLLED_BACK"))
        return QStringLiteral("ROLLED_BACK");
    const QJsonObject stable = DeploymentStatus::specOf(rs.value(QLatin1String("lastStableSpec")));
    if (!stable.isEmpty() && stable == reconciled)
        return QStringLiteral("STABLE");
    return QStringLiteral("DEPLOYED");
}

} // namespace

void DeploymentStatus::parseError(const QString &error, QString *type, QString *message)
{
    type->clear();
    message->clear();
    const QString trimmed = error.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1String("null"))
        return;
    QJsonParseError parseError;
    const QJsonDocument doc = trimmed.startsWith(QLatin1Char('{'))
        ? QJsonDocument::fromJson(trimmed.toUtf8(), &parseError)
        : QJsonDocument();
    if (!doc.isObject()) {
        *message = trimmed.section(QLatin1Char('\n'), 0, 0).trimmed();
        return;
    }
    const QJsonObject o = doc.object();
    *type = text(o.value(QLatin1String("type")));
    QString m = text(o.value(QLatin1String("message"))).trimmed();
    // Some exceptions carry their words only in a cause.
    const QJsonArray causes = o.value(QLatin1String("throwableList")).toArray();
    for (qsizetype i = 0; m.isEmpty() && i < causes.size(); ++i)
        m = text(causes.at(i).toObject().value(QLatin1String("message"))).trimmed();
    if (m.isEmpty())
        m = type->section(QLatin1Char('.'), -1);
    if (m.isEmpty())
        m = trimmed; // a JSON document of another shape: shown as written
    *message = m.section(QLatin1Char('\n'), 0, 0).trimmed();
}

QJsonObject DeploymentStatus::specOf(const QJsonValue &serialized)
{
    QJsonObject o;
    if (serialized.isObject()) {
        o = serialized.toObject();
    } else {
        const QString json = text(serialized).trimmed();
        if (json.isEmpty())
            return {};
        o = QJsonDocument::fromJson(json.toUtf8()).object();
    }
    const QJsonValue wrapped = o.value(QLatin1String("spec"));
    if (wrapped.isObject())
        return wrapped.toObject();
    o.remove(QStringLiteral("resource_metadata"));
    return o;
}

DeploymentStatus DeploymentStatus::fromJson(const QJsonValue &value, const QJsonObject &spec)
{
    DeploymentStatus s;
    const QJsonObject status = value.toObject();
    const bool session = !spec.value(QLatin1String("job")).isObject();
    s.jobManagerStatus = word(status, "jobManagerDeploymentStatus");
    s.observedGeneration = text(status.value(QLatin1String("observedGeneration"))).toLongLong();
    const QJsonObject jobStatus = object(status, "jobStatus");
    s.jobState = word(jobStatus, "state");
    s.jobId = text(jobStatus.value(QLatin1String("jobId")));
    s.jobStartTime = timeOf(jobStatus.value(QLatin1String("startTime")));
    const QJsonValue error = status.value(QLatin1String("error"));
    s.error = error.isObject() ? QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact))
                               : text(error);
    parseError(s.error, &s.errorType, &s.errorMessage);
    const QJsonObject rs = object(status, "reconciliationStatus");
    s.reconciliationState = word(rs, "state");
    s.reconciled = !specOf(rs.value(QLatin1String("lastReconciledSpec"))).isEmpty();
    s.hasLastStableSpec = !text(rs.value(QLatin1String("lastStableSpec"))).trimmed().isEmpty()
        || rs.value(QLatin1String("lastStableSpec")).isObject();
    s.lastSnapshot = statusSnapshot(jobStatus);
    s.lifecycleState = word(status, "lifecycleState");
    if (s.lifecycleState.isEmpty()) {
        s.lifecycleState = deriveLifecycle(s, status, spec, session);
        s.lifecycleDerived = true;
    }
    return s;
}

} // namespace capstan
