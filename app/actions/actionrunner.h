#pragma once

#include "actions/actionrequest.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace capstan {

class ActionJob;
class AuditLog;
class KubeClient;
class SpecRevisionStore;

// Runs the actions of one cluster session (DESIGN §4), one ActionJob per request, at most one per
// deployment at a time, and writes every outcome to the audit log.
//
// Lives on the session's backend thread (created by ClusterSession with its KubeClient); tests run
// it in the test thread. Does not own `client`, `audit` or `revisions`; the latter two may be
// nullptr (no local history). Every request ends in exactly one finished(), refusals included.
class ActionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRunner)

public:
    ActionRunner(KubeClient *client, const QString &contextName, AuditLog *audit, SpecRevisionStore *revisions,
                 QObject *parent = nullptr);
    ~ActionRunner() override;

    // Starts the action. Refused (Outcome::Refused, via finished()) while another action runs on the
    // same deployment or with an id already in use.
    void run(const ActionRequest &request);
    // Stops waiting for action `id` (Outcome::Abandoned); false when it is not running.
    bool abandon(quint64 id);
    // A newer copy of a FlinkDeployment (from the session's informer): running actions on it
    // evaluate it at once instead of waiting for their next poll.
    void observe(const QJsonObject &deployment);

    bool isRunning(quint64 id) const;
    bool isBusy(const QString &ns, const QString &name) const;
    int runningCount() const;

    // How often a waiting action polls its object (real time); 500 ms by default.
    void setPollIntervalMs(int ms) { m_pollIntervalMs = ms; }

    static QString outcomeName(ActionResult::Outcome outcome);

signals:
    void progress(const capstan::ActionProgress &progress);
    void finished(const capstan::ActionResult &result);

private:
    // By the cluster's clock: the audit entry is drawn on charts whose times are the cluster's.
    QDateTime finishTime() const;
    void onJobFinished(ActionJob *job, const ActionResult &result);
    void audit(const ActionRequest &request, const ActionResult &result, const QJsonObject &diff);

    QPointer<KubeClient> m_client;
    QString m_contextName;
    AuditLog *m_audit;
    SpecRevisionStore *m_revisions;
    QHash<quint64, ActionJob *> m_jobs;
    int m_pollIntervalMs = 500;
};

} // namespace capstan
