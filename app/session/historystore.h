#pragma once

#include "error.h"
#include "flink/clusterevent.h"
#include "flink/obituary.h"
#include "flink/restoreprovenance.h"
#include "session/sqliteconnection.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// One job a deployment ran, as Capstan observed it.
struct JobRun
{
    QString jobId;
    QDateTime start;
    QDateTime end; // invalid while it is the current job
    QString lastState; // the last job state seen (the final one once ended)
    qint64 generation = 0; // metadata.generation of the spec it ran
    RestoreProvenance restore; // what it was meant to restore and what it restored
};

// The local history database (SQLite): events (they outlive the API server's one-hour TTL and app
// restarts) and the job runs of each deployment, keyed by deployment uid. Used on the backend
// thread only: the connection belongs to the thread that created the store.
class HistoryStore final
{
public:
    // path: the SQLite file; created with its schema when missing.
    explicit HistoryStore(const QString &path);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    const Error &lastError() const { return m_db.lastError(); }

    static QString defaultPath(); // <AppDataLocation>/history.sqlite

    void saveEvents(const QString &deploymentUid, const QList<ClusterEvent> &events);
    // Events of any deployments, each under its involvedUid, in one transaction.
    void saveEvents(const QList<ClusterEvent> &events);
    QList<ClusterEvent> events(const QString &deploymentUid, int limit = 20000) const;

    // Records what a deployment runs now. A new job id ends the previous run.
    void observeJob(const QString &deploymentUid, const QString &jobId, const QString &state, qint64 generation,
                    const QDateTime &start, const QDateTime &now);
    QList<JobRun> jobs(const QString &deploymentUid) const;
    // Replaces what is recorded of the job's restore (see RestoreProvenance).
    void saveRestore(const QString &deploymentUid, const QString &jobId, const RestoreProvenance &restore);

    // Obituaries are kept like Events (they outlive the pods and app restarts), by deployment uid,
    // the newest `maxObituariesPerDeployment` of each. Saving a known key replaces it (its log tail
    // arrived).
    static constexpr int maxObituariesPerDeployment = 500;
    void saveObituary(const Obituary &obituary);
    // Several in one transaction (a first list of pods can find hundreds of past terminations).
    void saveObituaries(const QList<Obituary> &obituaries);
    bool hasObituary(const QString &key) const;
    // Newest first.
    QList<Obituary> obituaries(const QString &deploymentUid, int limit = maxObituariesPerDeployment) const;

private:
    void saveEventsOf(const QList<ClusterEvent> &events, const QString *deploymentUid);

    SqliteConnection m_db;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::JobRun)
