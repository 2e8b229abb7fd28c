#pragma once

#include "error.h"
#include "session/sqliteconnection.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace capstan {

// The spec-revision history of FlinkDeployments (DESIGN §4): every
// status.reconciliationStatus.lastReconciledSpec Capstan observes, with its generation and the time
// window in which it was the reconciled spec, in a SQLite table (`spec_revisions`) of the local
// history database. Answers "which spec was live at time T" for rollback to a snapshot.
//
// Windows are on the operator's clock: a revision starts at its reconciliationTimestamp (the time the
// operator recorded it; the observation time when the status has none) and ends when the next
// revision starts, so they compare directly with snapshot times.
//
// Used on the backend thread only: the connection belongs to the thread that created the store.
// Errors are logged and leave the store empty (isOpen() false); nothing throws.
class SpecRevisionStore final
{
public:
    // path: the SQLite file (the HistoryStore's file is fine); the table is created when missing.
    explicit SpecRevisionStore(const QString &path);
    ~SpecRevisionStore();
    SpecRevisionStore(const SpecRevisionStore &) = delete;
    SpecRevisionStore &operator=(const SpecRevisionStore &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    const Error &lastError() const { return m_db.lastError(); }

    // Records the deployment's lastReconciledSpec when it differs from the last one recorded (cheap
    // when unchanged: compared in memory). `now` is used when the status carries no timestamp.
    void observe(const QJsonObject &deployment, const QDateTime &now);
    // The same for a batch, in one transaction: a first list of thousands of deployments costs one
    // commit, not one each.
    void observe(const QList<QJsonObject> &deployments, const QDateTime &now);
    // Records one revision directly: `reconciledSpec` is the operator's JSON string {"spec": …, …}.
    void record(const QString &deploymentUid, const QString &reconciledSpec, qint64 generation, const QDateTime &since);

    // The spec (the "spec" member of lastReconciledSpec) that was reconciled at `time`, or an empty
    // object when no revision is known for that time.
    QJsonObject specAt(const QString &deploymentUid, const QDateTime &time) const;
    // The generation of the revision live at `time`, or -1.
    qint64 generationAt(const QString &deploymentUid, const QDateTime &time) const;
    int revisionCount(const QString &deploymentUid) const;

    // A recorded revision and the window in which it was the current one.
    struct Revision
    {
        QJsonObject spec; // empty: none
        QDateTime since;
        QDateTime until; // when the next revision replaced it
    };
    // The revision the newest one replaced: what the current spec was changed from (spec empty while
    // fewer than two are recorded).
    Revision previousRevision(const QString &deploymentUid) const;

private:
    static QByteArray fingerprint(const QString &reconciledSpec);

    SqliteConnection m_db;
    // uid → SHA-1 of the last recorded lastReconciledSpec: the strings themselves are kilobytes each.
    QHash<QString, QByteArray> m_lastSpec;
};

} // namespace capstan
