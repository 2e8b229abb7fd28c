#pragma once

#include "error.h"
#include "flink/snapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>

namespace capstan {

struct JobException
{
    QDateTime time;
    QString exceptionName; // first line of the stack trace, e.g. java.lang.IllegalStateException: …
    QString stackTrace;
    QString taskName;
    QString location;
    bool rootCause = false;
};

// What the JobManager's REST API (through the service proxy) said at the last poll.
struct JobManagerInfo
{
    bool reachable = false;
    Error error; // why it is not reachable, when it is not
    QDateTime polledAt;
    QString jobId;
    QString jobName;
    QString jobState;
    QDateTime startTime;
    qint64 durationMs = -1;
    qint64 numRestarts = -1; // -1: unknown
    QList<Snapshot> latestCheckpoint;
    // What the running job restored from (checkpoint statistics' latest.restored); checkpointId -1:
    // it started empty or the JobManager did not say. Until the job completes a checkpoint of its
    // own, this is the newest entry of its checkpoint store: what last-state restores.
    Snapshot restoredFrom;
    qint64 completedCheckpoints = -1;
    qint64 failedCheckpoints = -1;
    QList<JobException> exceptions; // newest first, root causes first within a timestamp

    static QList<JobException> parseExceptions(const QJsonObject &exceptionsResponse);
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::JobManagerInfo)
