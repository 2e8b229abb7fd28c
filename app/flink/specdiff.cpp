#include "flink/specdiff.h"

#include "json/jsontools.h"

#include <QStringList>

#include <algorithm>

namespace capstan {

namespace {

// A leaf difference with the raw key segments kept for classification.
struct RawChange
{
    QStringList segments;
    QJsonValue before;
    QJsonValue after;
};

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

void walk(QStringList &segments, const QJsonValue &before, const QJsonValue &after, QList<RawChange> *out)
{
    if (json::sameValue(before, after))
        return;
    if (before.isObject() && after.isObject()) {
        const QJsonObject a = before.toObject();
        const QJsonObject b = after.toObject();
        QStringList keys = a.keys() + b.keys();
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : std::as_const(keys)) {
            segments.append(key);
            walk(segments, a.value(key), b.value(key), out);
            segments.removeLast();
        }
        return;
    }
    if (isAbsent(before) && isAbsent(after))
        return;
    // A map that appears or disappears as a whole is reported leaf by leaf, so the paths match the
    // ones of a change inside an existing map.
    if (before.isObject() && isAbsent(after)) {
        walk(segments, before, QJsonObject(), out);
        return;
    }
    if (isAbsent(before) && after.isObject()) {
        walk(segments, QJsonObject(), after, out);
        return;
    }
    out->append({segments, isAbsent(before) ? QJsonValue(QJsonValue::Undefined) : before,
                 isAbsent(after) ? QJsonValue(QJsonValue::Undefined) : after});
}

QList<RawChange> rawDiff(const QJsonObject &before, const QJsonObject &after)
{
    QList<RawChange> out;
    QStringList segments;
    walk(segments, before, after, &out);
    return out;
}

QString formatPath(const QStringList &segments)
{
    QStringList parts;
    parts.reserve(segments.size());
    for (const QString &segment : segments)
        parts.append(segment.contains(QLatin1Char('.')) ? QLatin1Char('"') + segment + QLatin1Char('"') : segment);
    return parts.join(QLatin1Char('.'));
}

enum class PathClass { Ignore, Scale, Restart, State, RedeployNonce, Upgrade };

PathClass classifyPath(const QStringList &s)
{
    const auto is = [&s](std::initializer_list<const char *> path) {
        if (qsizetype(path.size()) != s.size())
            return false;
        qsizetype i = 0;
        for (const char *part : path) {
            if (s.at(i++) != QLatin1String(part))
                return false;
        }
        return true;
    };
    if (is({"job", "upgradeMode"}) || is({"job", "initialSavepointPath"}) || is({"job", "allowNonRestoredState"})
        || is({"job", "savepointTriggerNonce"}) || is({"job", "checkpointTriggerNonce"})
        || is({"job", "autoscalerResetNonce"}))
        return PathClass::Ignore;
    if (s.size() == 2 && s.at(0) == QLatin1String("flinkConfiguration")
        && (s.at(1).startsWith(QLatin1String("kubernetes.operator."))
            || s.at(1).startsWith(QLatin1String("job.autoscaler."))))
        return PathClass::Ignore;
    if (is({"job", "parallelism"}) || is({"taskManager", "replicas"}))
        return PathClass::Scale;
    if (is({"restartNonce"}))
        return PathClass::Restart;
    if (is({"job", "state"}))
        return PathClass::State;
    if (is({"job", "savepointRedeployNonce"}))
        return PathClass::RedeployNonce;
    return PathClass::Upgrade;
}

} // namespace

QList<SpecChange> SpecDiff::diff(const QJsonObject &before, const QJsonObject &after)
{
    const QList<RawChange> raw = rawDiff(before, after);
    QList<SpecChange> out;
    out.reserve(raw.size());
    for (const RawChange &change : raw)
        out.append({formatPath(change.segments), change.before, change.after});
    return out;
}

ChangeClass SpecDiff::classify(const QJsonObject &before, const QJsonObject &after)
{
    const QList<RawChange> raw = rawDiff(before, after);
    if (raw.isEmpty())
        return ChangeClass::None;
    bool scale = false;
    bool restart = false;
    bool state = false;
    bool upgrade = false;
    bool redeployNonce = false;
    for (const RawChange &change : raw) {
        switch (classifyPath(change.segments)) {
        case PathClass::Ignore:
            break;
        case PathClass::Scale:
            scale = true;
            break;
        case PathClass::Restart:
            restart = true;
            break;
        case PathClass::State:
            state = true;
            break;
        case PathClass::RedeployNonce:
            redeployNonce = true;
            break;
        case PathClass::Upgrade:
            upgrade = true;
            break;
        }
    }
    const QString initialSavepointPath
        = after.value(QLatin1String("job")).toObject().value(QLatin1String("initialSavepointPath")).toString();
    // The operator's order: SAVEPOINT_REDEPLOY > UPGRADE > SCALE > IGNORE.
    if (redeployNonce && !initialSavepointPath.isEmpty())
        return ChangeClass::SavepointRedeploy;
    const int kinds = int(scale) + int(restart) + int(state) + int(upgrade || redeployNonce);
    if (kinds == 0)
        return ChangeClass::Ignore;
    if (kinds > 1 || upgrade || redeployNonce)
        return ChangeClass::Upgrade;
    if (scale)
        return ChangeClass::Scale;
    if (restart)
        return ChangeClass::Restart;
    return ChangeClass::StateChange;
}

bool SpecDiff::equal(const QJsonObject &a, const QJsonObject &b)
{
    return json::sameValue(a, b);
}

} // namespace capstan
