#pragma once

#include "flink/snapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace capstan {

// What state a (re)started job would restore from, following the operator's rules per upgrade mode:
// stateless starts empty; last-state restores the latest checkpoint kept in the HA metadata;
// savepoint restores the savepoint taken when the job was suspended (upgradeSavepointPath), else the
// newest completed savepoint, else initialSavepointPath.
struct RestoreSource
{
    enum class Kind { Savepoint, LatestCheckpoint, Empty };

    Kind kind = Kind::Empty;
    QString path; // savepoint or checkpoint path when known
    qint64 checkpointId = -1;
    QDateTime time; // when that state was written, when known
    QString note; // a caveat, e.g. last-state without Kubernetes HA

    static RestoreSource forStart(const QJsonObject &deployment, const QList<Snapshot> &knownSnapshots);
};

} // namespace capstan
