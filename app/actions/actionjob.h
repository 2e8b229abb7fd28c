#pragma once

#include "actions/actionrequest.h"
#include "result.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace capstan {

class KubeClient;
class KubeReply;
class SpecRevisionStore;

// One action on one FlinkDeployment (DESIGN §4) as a small state machine:
//   fetch the current object → check and build the write → send it (JSON merge patch with a
//   resourceVersion precondition, POST or DELETE) → wait for the operator's result by polling the
//   object (and by observe() from the session's informer) → finish.
// It emits progress() after every step and finished() exactly once; abandon() and the request's
// timeout end the wait without undoing a write already sent.
//
// Conflicts: a 409 whose current spec still equals the spec the user looked at (only the status
// moved) is re-sent on the current version, at most three times; any other 409 finishes with
// Outcome::Conflict and the current object, never overwriting it.
//
// Lives on the session's backend thread. Does not own `client` or `revisions` (may be nullptr).
class ActionJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionJob)

public:
    ActionJob(KubeClient *client, SpecRevisionStore *revisions, const ActionRequest &request,
              QObject *parent = nullptr);
    ~ActionJob() override;

    const ActionRequest &request() const { return m_request; }
    bool isFinished() const { return m_phase == Phase::Done; }
    // The body of the write as sent (merge patch, created object, delete options); empty before.
    QJsonObject sentBody() const { return m_sentBody; }
    QList<ActionStep> steps() const { return m_steps; }

    void setPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    void start();
    // Stops waiting: Outcome::Abandoned. A write already sent stays.
    void abandon();
    // A newer copy of the deployment (from an informer); evaluated while waiting.
    void observe(const QJsonObject &deployment);

signals:
    void progress(const capstan::ActionProgress &progress);
    void finished(const capstan::ActionResult &result);

private:
    enum class Phase { Idle, Fetching, Writing, ConflictFetch, Waiting, Done };
    enum class Target { None, Reconciled, Running, Suspended, Gone, SnapshotDone };

    QString objectPath() const;
    QString snapshotResourcePath() const; // DeleteSnapshot's FlinkStateSnapshot
    void fetch(Phase phase);
    void onFetched(const Result<QJsonObject> &result);
    void onConflictFetched(const Result<QJsonObject> &result);
    void buildAndSend();
    void sendCreate();
    void sendSnapshot();
    void onWritten(const Result<QJsonObject> &result);
    void startWaiting(const QJsonObject &written);
    void poll();
    void onPolled(const Result<QJsonObject> &result);
    void evaluateDeployment(const QJsonObject &object);
    // A template change of a blue/green deployment is done when the other child is active and running.
    void evaluateBlueGreen(const QJsonObject &object);
    void evaluateSnapshot(const QJsonObject &object);
    void onTimeout();

    void beginStep(const QString &text);
    void completeStep(const QString &text, ActionStep::State state = ActionStep::State::Done);
    void addInfoStep(const QString &text, ActionStep::State state = ActionStep::State::Done);
    void emitProgress();
    void finish(ActionResult::Outcome outcome, const QString &summary, const Error &error = {},
                const QJsonObject &serverObject = {});
    QString targetText() const;
    QString waitLimitText() const;

    QPointer<KubeClient> m_client;
    SpecRevisionStore *m_revisions;
    ActionRequest m_request;
    Phase m_phase = Phase::Idle;
    Target m_target = Target::None;
    QList<ActionStep> m_steps;
    QElapsedTimer m_elapsed;
    QTimer m_timeout;
    QTimer m_pollTimer;
    int m_pollIntervalMs = 500;
    QPointer<KubeReply> m_reply; // the write or fetch in flight
    QPointer<KubeReply> m_pollReply;

    QJsonObject m_current; // the object the write is built from
    QJsonObject m_referenceSpec; // the spec the user looked at; a 409 with the same spec is status-only
    int m_conflictRetries = 0;
    bool m_writeSent = false;
    bool m_written = false; // the server accepted the write
    QJsonObject m_sentBody;
    QString m_snapshotName;
    qint64 m_generation = 0; // metadata.generation after the write
    QString m_savepointBefore; // jobStatus.savepointInfo.lastSavepoint.location before the write
    QString m_errorBefore; // status.error before the write
    // A blue/green deployment: its state before the write, and whether a transition was seen since.
    QString m_blueGreenBefore;
    QString m_blueGreenSeen;
    bool m_blueGreenMoved = false;
    QString m_snapshotState;
    QSet<QString> m_reportedErrors;
};

} // namespace capstan
