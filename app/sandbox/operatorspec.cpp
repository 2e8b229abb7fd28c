#include "sandbox/operatorspec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace capstan::sandbox::operatorspec {

using namespace Qt::Literals::StringLiterals;

const QString kFlinkApi = u"flink.apache.org/v1beta1"_s;

QString SpecChangeSet::toString(const QString &specClass) const
{
    return u"Diff: "_s + specClass + u"["_s + entries.join(u", "_s) + u"]"_s;
}

QString diffTypeName(DiffType t)
{
    switch (t) {
    case DiffType::Ignore:
        return u"IGNORE"_s;
    case DiffType::Scale:
        return u"SCALE"_s;
    case DiffType::Upgrade:
        return u"UPGRADE"_s;
    case DiffType::SavepointRedeploy:
        return u"SAVEPOINT_REDEPLOY"_s;
    }
    return {};
}

QString javaString(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items.append(javaString(item));
        return u"["_s + items.join(u", "_s) + u"]"_s;
    }
    case QJsonValue::Object: {
        QStringList items;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            items.append(it.key() + u"="_s + javaString(it.value()));
        return u"{"_s + items.join(u", "_s) + u"}"_s;
    }
    }
    return {};
}

namespace {

DiffType classify(const QString &path, const QJsonObject &newSpec)
{
    static const QSet<QString> ignored{
        u"job.upgradeMode"_s,           u"job.initialSavepointPath"_s,   u"job.allowNonRestoredState"_s,
        u"job.savepointTriggerNonce"_s, u"job.checkpointTriggerNonce"_s, u"job.autoscalerResetNonce"_s};
    if (ignored.contains(path))
        return DiffType::Ignore;
    if (path.startsWith(u"flinkConfiguration.kubernetes.operator."_s)
        || path.startsWith(u"flinkConfiguration.job.autoscaler."_s))
        return DiffType::Ignore;
    if (path == u"job.savepointRedeployNonce"_s) {
        const QString initial = newSpec.value(u"job"_s).toObject().value(u"initialSavepointPath"_s).toString();
        return initial.isEmpty() ? DiffType::Upgrade : DiffType::SavepointRedeploy;
    }
    return DiffType::Upgrade;
}

void diffWalk(const QString &path, const QJsonValue &a, const QJsonValue &b, const QJsonObject &newSpec,
              SpecChangeSet *out)
{
    if (a == b)
        return;
    const bool nullA = a.isNull() || a.isUndefined();
    const bool nullB = b.isNull() || b.isUndefined();
    if ((a.isObject() || nullA) && (b.isObject() || nullB) && !(nullA && nullB)) {
        const QJsonObject oa = a.toObject();
        const QJsonObject ob = b.toObject();
        QStringList keys = oa.keys() + ob.keys();
        keys.removeDuplicates();
        std::sort(keys.begin(), keys.end());
        for (const QString &k : std::as_const(keys))
            diffWalk(path.isEmpty() ? k : path + u"."_s + k, oa.value(k), ob.value(k), newSpec, out);
        return;
    }
    out->entries.append(u"%1 : %2 -> %3"_s.arg(path, javaString(a), javaString(b)));
    out->type = std::max(out->type, classify(path, newSpec));
}

} // namespace

SpecChangeSet diffSpecs(const QJsonObject &before, const QJsonObject &after)
{
    SpecChangeSet diff;
    diffWalk({}, before, after, after, &diff);
    return diff;
}

// A JSON merge patch turning `from` into `to`.
QJsonObject mergeDiff(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject patch;
    for (auto it = from.begin(); it != from.end(); ++it)
        if (!to.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    for (auto it = to.begin(); it != to.end(); ++it) {
        const QJsonValue old = from.value(it.key());
        if (old == it.value())
            continue;
        if (old.isObject() && it.value().isObject())
            patch.insert(it.key(), mergeDiff(old.toObject(), it.value().toObject()));
        else
            patch.insert(it.key(), it.value());
    }
    return patch;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

// Flink durations: "10s", "5 min", "1h", "300000" (ms).
qint64 parseDurationMs(const QString &text, qint64 fallback)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return fallback;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double factor = 1;
    if (unit.isEmpty() || unit == u"ms"_s || unit.startsWith(u"milli"_s))
        factor = 1;
    else if (unit == u"s"_s || unit.startsWith(u"sec"_s))
        factor = 1000;
    else if (unit == u"m"_s || unit.startsWith(u"min"_s))
        factor = 60000;
    else if (unit == u"h"_s || unit.startsWith(u"hour"_s))
        factor = 3600000;
    else if (unit == u"d"_s || unit.startsWith(u"day"_s))
        factor = 86400000;
    else
        return fallback;
    return qint64(value * factor);
}

qint64 parseMemoryBytes(const QString &text, qint64 fallback)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return fallback;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double factor = 1;
    if (unit.startsWith(u'k'))
        factor = 1024.0;
    else if (unit.startsWith(u'm'))
        factor = 1024.0 * 1024;
    else if (unit.startsWith(u'g'))
        factor = 1024.0 * 1024 * 1024;
    else if (unit.startsWith(u't'))
        factor = 1024.0 * 1024 * 1024 * 1024;
    return qint64(value * factor);
}

QString flinkVersionOf(const QString &specVersion)
{
    static const QHash<QString, QString> patch{
        {u"v1_15"_s, u"1.15.4"_s}, {u"v1_16"_s, u"1.16.3"_s}, {u"v1_17"_s, u"1.17.2"_s}, {u"v1_18"_s, u"1.18.1"_s},
        {u"v1_19"_s, u"1.19.2"_s}, {u"v1_20"_s, u"1.20.1"_s}, {u"v2_0"_s, u"2.0.0"_s},   {u"v2_1"_s, u"2.1.0"_s}};
    return patch.value(specVersion, u"1.20.1"_s);
}

bool argsEnableNewFeature(const QJsonArray &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args.at(i).toString();
        if (a == u"--enable-new-feature=true"_s)
            return true;
        if (a == u"--enable-new-feature"_s && i + 1 < args.size()
            && args.at(i + 1).toString().compare(u"true"_s, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString errorJson(const QString &type, const QString &message, const QJsonArray &throwables)
{
    return compact({{u"type"_s, type},
                    {u"message"_s, message},
                    {u"additionalMetadata"_s, QJsonObject()},
                    {u"throwableList"_s, throwables}});
}

QJsonObject conditionFor(const QString &key, bool session)
{
    // ConditionUtils of the operator (1.15): note that "message" and "reason" are as the operator has them.
    struct Row
    {
        const char *key;
        const char *status;
        const char *message;
        const char *reason;
    };
    static const Row application[] = {
        {"RECONCILING", "False", "Reconciling", "Job is currently reconciling"},
        {"CREATED", "False", "JobCreated", "Job is created"},
        {"INITIALIZING", "False", "JobCreated", "Job is created"},
        {"RUNNING", "True", "JobRunning", "Job is running"},
        {"FAILING", "False", "JobFailing", "Job has failed"},
        {"RESTARTING", "False", "JobRestarting", "The job is currently restarting"},
        {"FAILED", "False", "JobFailed", "The job has failed with a non-recoverable task failure"},
        {"FINISHED", "False", "JobFinished", "Job's tasks have successfully finished"},
        {"CANCELED", "False", "JobCancelled", "Job has been cancelled"},
        {"SUSPENDED", "False", "JobSuspended", "The job has been suspended"},
    };
    static const Row sessionRows[] = {
        {"READY", "True", "Ready", "JobManager is running and ready to receive REST API calls"},
        {"MISSING", "False", "Missing", "JobManager deployment not found"},
        {"DEPLOYING", "False", "Deploying", "JobManager process is starting up"},
        {"DEPLOYED_NOT_READY", "False", "DeployedNotReady",
         "JobManager is running but not ready yet to receive REST API calls"},
        {"ERROR", "False", "Error", "JobManager deployment failed"},
    };
    const auto find = [&](const auto &rows) -> QJsonObject {
        for (const Row &r : rows) {
            if (key == QLatin1String(r.key))
                return {{u"type"_s, u"Running"_s},
                        {u"status"_s, QLatin1String(r.status)},
                        {u"message"_s, QLatin1String(r.message)},
                        {u"reason"_s, QLatin1String(r.reason)}};
        }
        return {};
    };
    return session ? find(sessionRows) : find(application);
}

QString jmStatusName(JobManagerStatus s)
{
    switch (s) {
    case JobManagerStatus::Missing:
        return u"MISSING"_s;
    case JobManagerStatus::Deploying:
        return u"DEPLOYING"_s;
    case JobManagerStatus::DeployedNotReady:
        return u"DEPLOYED_NOT_READY"_s;
    case JobManagerStatus::Ready:
        return u"READY"_s;
    }
    return {};
}

QString confValue(const QJsonObject &spec, const QString &key)
{
    const QJsonValue v = spec.value(u"flinkConfiguration"_s).toObject().value(key);
    return v.isString() ? v.toString() : javaString(v);
}

bool hasConf(const QJsonObject &spec, const QString &key)
{
    return spec.value(u"flinkConfiguration"_s).toObject().contains(key);
}

bool kubernetesHa(const QJsonObject &spec)
{
    const QString type = confValue(spec, u"high-availability.type"_s);
    const QString legacy = confValue(spec, u"high-availability"_s);
    return type.compare(u"kubernetes"_s, Qt::CaseInsensitive) == 0
        || legacy.compare(u"kubernetes"_s, Qt::CaseInsensitive) == 0
        || legacy.contains(u"KubernetesHaServicesFactory"_s);
}

QJsonObject jobOf(const QJsonObject &spec)
{
    return spec.value(u"job"_s).toObject();
}

QString jobStateOf(const QJsonObject &spec)
{
    const QString s = jobOf(spec).value(u"state"_s).toString();
    return s.isEmpty() ? u"running"_s : s;
}

QString upgradeModeOf(const QJsonObject &spec)
{
    const QString m = jobOf(spec).value(u"upgradeMode"_s).toString();
    return m.isEmpty() ? u"stateless"_s : m;
}

QJsonObject withJob(QJsonObject spec, const QString &key, const QJsonValue &value)
{
    if (!spec.contains(u"job"_s))
        return spec;
    QJsonObject job = jobOf(spec);
    job.insert(key, value);
    spec.insert(u"job"_s, job);
    return spec;
}

ReconciledSpec parseReconciled(const QString &json)
{
    ReconciledSpec r;
    if (json.isEmpty())
        return r;
    const QJsonObject o = parseObject(json);
    r.spec = o.value(u"spec"_s).toObject();
    r.generation
        = o.value(u"resource_metadata"_s).toObject().value(u"metadata"_s).toObject().value(u"generation"_s).toInteger();
    r.valid = !o.isEmpty();
    return r;
}

QString serializeReconciled(const QJsonObject &spec, qint64 generation, bool firstDeployment)
{
    return compact({{u"spec"_s, spec},
                    {u"resource_metadata"_s,
                     QJsonObject{{u"apiVersion"_s, kFlinkApi},
                                 {u"metadata"_s, QJsonObject{{u"generation"_s, generation}}},
                                 {u"firstDeployment"_s, firstDeployment}}}});
}

void observeJob(const FlinkJobModel &job, qint64 now, QJsonObject *jobStatus, qint64 *reportedExceptionMs,
                const RecordEvent &record)
{
    const QString previous = jobStatus->value(u"state"_s).toString();
    const QString current = job.state();
    jobStatus->insert(u"jobId"_s, job.jobId());
    jobStatus->insert(u"jobName"_s, job.jobName());
    jobStatus->insert(u"state"_s, current);
    jobStatus->insert(u"startTime"_s, QString::number(job.startTimeMs()));
    if (previous != current) {
        jobStatus->insert(u"updateTime"_s, QString::number(now));
        record(u"Normal"_s, u"JobStatusChanged"_s,
               previous.isEmpty() ? u"Job status changed to %1"_s.arg(current)
                                  : u"Job status changed from %1 to %2"_s.arg(previous, current));
    }
    int reported = 0;
    for (const JobExceptionRecord &e : job.exceptions()) {
        if (e.timestampMs <= *reportedExceptionMs || reported >= 10)
            continue;
        const QStringList lines = e.stacktrace.split(u'\n', Qt::SkipEmptyParts);
        QString message = e.exceptionName + u"\n\nStacktrace (truncated):\n"_s;
        constexpr int kMaxLines = 5;
        for (int i = 0; i < std::min<int>(kMaxLines, int(lines.size())); ++i)
            message += lines.at(i) + u'\n';
        if (lines.size() > kMaxLines)
            message += u"... (%1 more lines)"_s.arg(lines.size() - kMaxLines);
        record(u"Warning"_s, u"JobException"_s, message.trimmed());
        ++reported;
        *reportedExceptionMs = e.timestampMs;
    }
}

} // namespace capstan::sandbox::operatorspec
