#pragma once

#include "error.h"
#include "flink/deployment.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace capstan {

class KubeClient;
class KubeReply;

// One list each of the FlinkDeployments, their FlinkStateSnapshots, the Warning Events and the Flink
// pods in a namespace ("" = all), derived into what the deployment list shows: the window's
// derivation (Deployment::fromJson, FailureDetector, Deployment::decorated) on lists instead of
// watches. For `capstan --list-deployments`, scripts and bug reports.
//
// Only the deployments' list must succeed: snapshots are optional (operators before 1.10 have no
// FlinkStateSnapshot resource), and so are events and pods (a user may not be allowed to read them).
class DeploymentListing final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentListing)

public:
    // `client` must outlive the listing.
    DeploymentListing(KubeClient *client, const QString &ns, int failureWindowSeconds = 120, QObject *parent = nullptr);

    void start();

    // After finished(): the deployments sorted by namespace and name, or the error of their list.
    const QList<Deployment> &deployments() const { return m_deployments; }
    const Error &error() const { return m_error; }
    bool failed() const { return m_failed; }

    // {"context", "namespace", "deployments": [Deployment::toJson(), …]}; `ns` "" reads "all".
    static QJsonObject document(const QString &context, const QString &ns, const QList<Deployment> &deployments);

signals:
    void finished();

private:
    enum Kind { Deployments, Snapshots, Events, Pods, SessionJobs, BlueGreens, KindCount };
    void listPage(Kind kind, const QString &continueToken);
    void derive();

    QPointer<KubeClient> m_client;
    QString m_ns;
    int m_windowSeconds;
    QList<QJsonObject> m_objects[KindCount];
    int m_pending = 0;
    bool m_failed = false;
    Error m_error;
    QList<Deployment> m_deployments;
};

} // namespace capstan
