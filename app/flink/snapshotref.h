#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace capstan {

struct Snapshot;

// The last snapshot of a deployment as the list names it: what it is, where it lies, when it was
// taken and which record it was found in. Operators record snapshots in several places depending on
// their release; the newest of all of them is the deployment's last snapshot.
struct SnapshotRef
{
    QString kind; // "savepoint" or "checkpoint"
    QString path; // empty when the record names no location (checkpointInfo)
    QDateTime time; // invalid when the record carries no time (upgradeSavepointPath)
    QString source; // "FlinkStateSnapshot", "savepointInfo", "upgradeSavepointPath" or "checkpointInfo"

    bool isValid() const { return time.isValid() || !path.isEmpty(); }

    // The newer of the two; a dated record beats an undated one (operators that write the undated
    // upgradeSavepointPath record the same savepoint with its time elsewhere as well).
    static SnapshotRef newer(const SnapshotRef &a, const SnapshotRef &b);
    // A completed FlinkStateSnapshot; invalid for any other state.
    static SnapshotRef fromSnapshot(const Snapshot &snapshot);

    // {"kind", "path", "time", "source"}; null fields for what is unknown.
    QJsonObject toJson() const;

    bool operator==(const SnapshotRef &) const = default;
};

} // namespace capstan
