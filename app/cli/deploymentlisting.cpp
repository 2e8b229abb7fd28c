#include "cli/deploymentlisting.h"

#include "flink/clusterevent.h"
#include "flink/failuredetector.h"
#include "flink/pod.h"
#include "flink/snapshot.h"
#include "kube/kubeclient.h"
#include "kube/kubereply.h"
#include "kube/resourcepath.h"
#include "kube/serverclock.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace capstan {

namespace {
constexpr int kPageSize = 500;

ResourceType typeOf(int kind)
{
    switch (kind) {
    case 1:
        return ResourceType::flinkStateSnapshots();
    case 2:
        return ResourceType::events();
    case 3:
        return ResourceType::pods();
    case 4:
        return ResourceType::flinkSessionJobs();
    case 5:
        return ResourceType::flinkBlueGreenDeployments();
    default:
        return ResourceType::flinkDeployments();
    }
}
} // namespace

DeploymentListing::DeploymentListing(KubeClient *client, const QString &ns, int failureWindowSeconds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(ns)
    , m_windowSeconds(failureWindowSeconds)
{
}

void DeploymentListing::start()
{
    m_pending = KindCount;
    for (int kind = 0; kind < KindCount; ++kind)
        listPage(static_cast<Kind>(kind), {});
}

void DeploymentListing::listPage(Kind kind, const QString &continueToken)
{
    KubeClient::ListOptions options;
    options.limit = kPageSize;
    options.continueToken = continueToken;
    // The same selection as the session's informers.
    if (kind == Events)
        options.fieldSelector = QStringLiteral("type=Warning");
    if (kind == Pods)
        options.labelSelector = Pod::flinkPodSelector();
    KubeReply *reply = m_client->list(typeOf(kind).collectionPath(m_ns), options);
    connect(reply, &KubeReply::finished, this, [this, kind](const Result<QJsonObject> &result) {
        if (!result) {
            if (kind == Deployments) {
                m_failed = true;
                m_error = result.error();
            }
        } else {
            const QJsonArray items = result->value(QLatin1String("items")).toArray();
            for (const QJsonValue &item : items)
                m_objects[kind].append(item.toObject());
            const QString next
                = result->value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
            if (!next.isEmpty()) {
                listPage(kind, next);
                return;
            }
        }
        if (--m_pending > 0)
            return;
        if (!m_failed)
            derive();
        emit finished();
    });
}

void DeploymentListing::derive()
{
    const QDateTime now = ServerClock::nowOrLocal(m_client ? m_client->clock().get() : nullptr);
    FailureDetector failures(m_windowSeconds);

    // Session jobs and blue/green deployments are listed with the deployments, as in the window (a
    // cluster without their CRDs answers 404 for them: none).
    QList<Deployment> plain;
    for (const auto &[kind, resource] :
         {std::pair{Deployments, ResourceKind::FlinkDeployment}, std::pair{SessionJobs, ResourceKind::FlinkSessionJob},
          std::pair{BlueGreens, ResourceKind::FlinkBlueGreenDeployment}}) {
        for (QJsonObject object : std::as_const(m_objects[kind])) {
            if (!object.contains(QLatin1String("kind")))
                object.insert(QStringLiteral("kind"), resourceKindName(resource));
            Deployment d = Deployment::fromJson(object);
            failures.observeDeployment(d, now);
            plain.append(std::move(d));
        }
    }

    QHash<QString, QList<Pod>> podsByDeployment;
    for (const QJsonObject &object : std::as_const(m_objects[Pods])) {
        const Pod pod = Pod::fromJson(object);
        podsByDeployment[pod.deploymentKey()].append(pod);
    }
    for (const Deployment &d : std::as_const(plain))
        failures.observePods(d.uid, podsByDeployment.value(d.key()), now);
    for (const QJsonObject &object : std::as_const(m_objects[Events]))
        failures.observeEvent(ClusterEvent::fromJson(object), now);

    // The newest completed FlinkStateSnapshot per deployment, attributed as the session does.
    QHash<QString, SnapshotRef> snapshots;
    for (const QJsonObject &object : std::as_const(m_objects[Snapshots])) {
        const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
        const QString deployment = labels.value(QLatin1String("job-reference.name")).toString();
        if (deployment.isEmpty())
            continue;
        const QString key
            = Deployment::keyOf(metadata.value(QLatin1String("namespace")).toString(), deployment,
                                resourceKindFromName(labels.value(QLatin1String("job-reference.kind")).toString()));
        snapshots.insert(
            key, SnapshotRef::newer(snapshots.value(key), SnapshotRef::fromSnapshot(Snapshot::fromResource(object))));
    }

    m_deployments.clear();
    for (const Deployment &d : std::as_const(plain))
        m_deployments.append(Deployment::decorated(d, failures.status(d.uid), snapshots.value(d.key())));
    std::sort(m_deployments.begin(), m_deployments.end(), [](const Deployment &a, const Deployment &b) {
        if (a.ns != b.ns)
            return a.ns < b.ns;
        return a.name != b.name ? a.name < b.name : a.kind < b.kind;
    });
}

QJsonObject DeploymentListing::document(const QString &context, const QString &ns, const QList<Deployment> &deployments)
{
    QJsonArray list;
    for (const Deployment &d : deployments)
        list.append(d.toJson());
    return {{QStringLiteral("context"), context},
            {QStringLiteral("namespace"), ns.isEmpty() ? QStringLiteral("all") : ns},
            {QStringLiteral("deployments"), list}};
}

} // namespace capstan
