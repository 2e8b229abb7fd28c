#include "flink/snapshotref.h"

#include "flink/snapshot.h"

namespace capstan {

SnapshotRef SnapshotRef::newer(const SnapshotRef &a, const SnapshotRef &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    // An undated record cannot be placed among dated ones: the dated one is known to be recent.
    if (a.time.isValid() != b.time.isValid())
        return a.time.isValid() ? a : b;
    if (a.time.isValid() && a.time != b.time)
        return a.time > b.time ? a : b;
    // Equal times (or none): a record with a location says more.
    return !a.path.isEmpty() || b.path.isEmpty() ? a : b;
}

SnapshotRef SnapshotRef::fromSnapshot(const Snapshot &snapshot)
{
    if (!snapshot.isCompleted())
        return {};
    SnapshotRef ref;
    ref.kind = snapshot.type.compare(QLatin1String("CHECKPOINT"), Qt::CaseInsensitive) == 0
        ? QStringLiteral("checkpoint")
        : QStringLiteral("savepoint");
    ref.path = snapshot.path;
    ref.time = snapshot.time;
    ref.source = snapshot.origin == Snapshot::Origin::Resource ? QStringLiteral("FlinkStateSnapshot")
                                                               : QStringLiteral("savepointInfo");
    return ref;
}

QJsonObject SnapshotRef::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("kind"), orNull(kind)},
            {QStringLiteral("path"), orNull(path)},
            {QStringLiteral("time"), time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("source"), orNull(source)}};
}

} // namespace capstan
