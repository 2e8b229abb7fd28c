#include "sandbox/podsimulation.h"

#include "sandbox/faultplan.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kScheduleMs = 30; // created → bound to a node
constexpr qint64 kStartMs = 1000; // bound → container running (pull, create, start)
constexpr qint64 kGraceMs = 2000; // deletion → gone (the containers stop on SIGTERM)
constexpr qint64 kFailedPodRemovalMs = 10000; // Flink deletes the pod of a dead TaskManager after this
constexpr qint64 kOomAfterRunningMs = 3000; // a TaskManager OOMs once it has run this long
constexpr qint64 kCrashLoopFirstBackOffMs = 10000;
constexpr qint64 kCrashLoopMaxBackOffMs = 300000;
constexpr qint64 kImagePullBackOffMs = 2000; // ErrImagePull → ImagePullBackOff
constexpr qint64 kRepeatEventMs = 10000; // a repeated kubelet event counts up at most this often
constexpr qint64 kEventTtlMs = 3600000; // the API server's event TTL: nothing older is recorded
constexpr qint64 kIdleDueMs = 60000;
constexpr int kMaxLogLines = 10000; // per container, as the kubelet's log rotation bounds it
constexpr int kNodes = 3;

const QString kMain = u"flink-main-container"_s;
const QString kPods = u"pods"_s;
const QString kNormal = u"Normal"_s;
const QString kWarning = u"Warning"_s;

QByteArray md5(const QString &seed)
{
    return QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5);
}

QString hexOf(const QString &seed, int digits)
{
    QByteArray h = md5(seed).toHex();
    while (h.size() < digits)
        h += md5(QString::fromLatin1(h)).toHex();
    return QString::fromLatin1(h.left(digits));
}

// Names as Kubernetes generates them (pod-template-hash, generateName suffixes).
QString suffixOf(const QString &seed, int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray h = md5(seed) + md5(seed + u'#');
    QString s;
    for (int i = 0; i < length; ++i)
        s.append(QLatin1Char(alphabet[quint8(h.at(i)) % (sizeof(alphabet) - 1)]));
    return s;
}

QString uuidOf(const QString &seed)
{
    const QString h = hexOf(seed, 32);
    return u"%1-%2-%3-%4-%5"_s.arg(h.left(8), h.mid(8, 4), h.mid(12, 4), h.mid(16, 4), h.mid(20, 12));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// "10s", "1m20s", "5m0s": Go's time.Duration as the kubelet prints back-offs.
QString goDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return u"%1s"_s.arg(s);
    return u"%1m%2s"_s.arg(s / 60).arg(s % 60);
}

// Flink asks for cpu as a decimal and memory in MiB; the API server stores the canonical form.
QString cpuQuantity(double cpu)
{
    if (cpu == double(qint64(cpu)))
        return QString::number(qint64(cpu));
    return u"%1m"_s.arg(qint64(cpu * 1000 + 0.5));
}

QString memoryQuantity(const QString &flinkMemory)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*$"_s);
    const QRegularExpressionMatch m = re.match(flinkMemory);
    double mib = 2048;
    if (m.hasMatch()) {
        const double value = m.captured(1).toDouble();
        const QString unit = m.captured(2).toLower();
        if (unit.startsWith(u'g'))
            mib = value * 1024;
        else if (unit.startsWith(u'k'))
            mib = value / 1024;
        else if (unit.startsWith(u'm'))
            mib = value;
        else
            mib = value / (1024 * 1024);
    }
    const qint64 whole = qint64(mib);
    if (whole > 0 && whole % 1024 == 0)
        return u"%1Gi"_s.arg(whole / 1024);
    return u"%1Mi"_s.arg(whole);
}

QJsonObject resourcesOf(const QJsonObject &resource)
{
    const QString cpu = cpuQuantity(resource.value(u"cpu"_s).toDouble(1));
    const QString memory = memoryQuantity(resource.value(u"memory"_s).toString(u"2048m"_s));
    const QJsonObject amounts{{u"cpu"_s, cpu}, {u"memory"_s, memory}};
    return {{u"limits"_s, amounts}, {u"requests"_s, amounts}};
}

QList<QPair<QString, QString>> sidecarsOf(const QJsonObject &podTemplate)
{
    QList<QPair<QString, QString>> sidecars;
    for (const QJsonValue &v : podTemplate.value(u"spec"_s).toObject().value(u"containers"_s).toArray()) {
        const QJsonObject container = v.toObject();
        const QString name = container.value(u"name"_s).toString();
        if (!name.isEmpty() && name != kMain)
            sidecars.append({name, container.value(u"image"_s).toString(u"busybox:1.36"_s)});
    }
    return sidecars;
}

QString imageRef(const QString &image)
{
    if (image.contains(u'/'))
        return image.count(u'/') == 1 && !image.section(u'/', 0, 0).contains(u'.') ? u"docker.io/"_s + image : image;
    return u"docker.io/library/"_s + image;
}

} // namespace

struct PodSimulation::Container
{
    QString name;
    QString image;
    bool main = true;
    qint64 startedMs = -1; // the current run; -1: waiting
    qint64 finishedMs = -1; // the current run ended (restartPolicy Never keeps it terminated)
    int exitCode = 0;
    QString reason;
    QString waitingReason;
    QString waitingMessage;
    qint64 waitingSinceMs = 0;
    int restartCount = 0;
    bool crashing = false; // the current run crashes at crashAtMs
    bool crashFromStart = false; // ... because its entry class is missing (else: the fault came mid-run)
    qint64 crashAtMs = -1;
    qint64 nextStartMs = -1; // CrashLoopBackOff ends
    bool hasLast = false;
    qint64 lastStartedMs = 0;
    qint64 lastFinishedMs = 0;
    int lastExitCode = 0;
    QString lastReason;
    QString lastContainerId;
    std::vector<LogLine> lastLog;
    bool frozen = false; // the current run's log no longer follows the cluster
    std::vector<LogLine> frozenLog;

    bool running() const { return startedMs >= 0 && finishedMs < 0; }
    QString containerId(const QString &pod) const
    {
        return u"containerd://"_s + hexOf(pod + name + QString::number(restartCount), 64);
    }
};

struct PodSimulation::Pod
{
    QString name;
    QString uid;
    QString node;
    QString ip;
    QString hostIp;
    bool jobManager = false;
    int index = 0;
    int slotIndex = 0;
    qint64 createdMs = 0;
    qint64 scheduledMs = -1;
    std::vector<Container> containers; // [0]: flink-main-container
    bool deleting = false;
    qint64 deletionMs = -1;
    qint64 removeAtMs = -1;
    qint64 deleteAtMs = -1; // a failed TaskManager pod: Flink deletes it then
    bool failed = false;
    bool unschedulable = false; // the scheduler found no node (not merely not yet bound)
    bool removedByClient = false; // deleted through the API (kubectl delete pod)
    bool created = false;
    size_t writtenMeta = 0;
    size_t writtenStatus = 0;
    QSet<QString> events;
    QHash<QString, qint64> repeatedAt;
};

struct PodSimulation::Cluster
{
    QString ns;
    QString name;
    QString ownerUid;
    int serial = -1;
    QString rsHash;
    QString deploymentUid;
    QString replicaSetUid;
    int attempt = 1;
    int nextTmIndex = 1;
    bool tmsRequested = false;
    int jobManagerPods = 0; // created for this deployment: a deleted one is replaced under a new name
    bool standalone = false; // spec.mode standalone: TaskManagers of the Deployment <name>-taskmanager
    QString tmRsHash;
    QString tmReplicaSetUid;
    QString image;
    QString pullPolicy;
    QString serviceAccount;
    QString entryClass;
    QJsonObject jmResources;
    QJsonObject tmResources;
    QList<QPair<QString, QString>> jmSidecars;
    QList<QPair<QString, QString>> tmSidecars;
    std::map<QString, Pod> pods;
    std::vector<WorkerRecord> workers; // the TaskManagers of this JobManager deployment
    std::optional<Problem> problem;
    QString signature;
    qint64 nextDueMs = 0;

    void due(qint64 atMs) { nextDueMs = std::min(nextDueMs, atMs); }
    WorkerRecord *worker(const QString &pod)
    {
        for (WorkerRecord &w : workers)
            if (w.podName == pod)
                return &w;
        return nullptr;
    }
};

PodSimulation::PodSimulation(ResourceStore &store)
    : m_store(store)
{
}

PodSimulation::~PodSimulation() = default;

void PodSimulation::sync(const QString &ns, const QString &name, const QString &ownerUid, const QJsonObject &spec,
                         FlinkJobModel &cluster, qint64 nowMs)
{
    m_nowMs = nowMs;
    const QString key = ns + u'/' + name;
    const bool missing = cluster.jobManagerStatus() == JobManagerStatus::Missing;
    auto found = m_clusters.find(key);
    if (found == m_clusters.end()) {
        if (missing)
            return;
        found = m_clusters.emplace(key, std::make_unique<Cluster>()).first;
        found->second->ns = ns;
        found->second->name = name;
    }
    Cluster &c = *found->second;
    c.ownerUid = ownerUid;
    const auto fault = [&](FaultPlan::PodFault f) { return m_faults && m_faults->hasPodFault(f, ns, name); };
    const QString signature = u"%1|%2|%3|%4|%5|%6|%7%8%9%10"_s.arg(cluster.deploymentSerial())
                                  .arg(int(cluster.jobManagerStatus()))
                                  .arg(cluster.state())
                                  .arg(cluster.numRestarts())
                                  .arg(cluster.taskManagerCount())
                                  .arg(cluster.jobManagerHeld())
                                  .arg(fault(FaultPlan::PodFault::JobManagerCrashLoop))
                                  .arg(fault(FaultPlan::PodFault::TaskManagerOom))
                                  .arg(fault(FaultPlan::PodFault::ImagePull))
                                  .arg(fault(FaultPlan::PodFault::Unschedulable));
    if (signature == c.signature && nowMs < c.nextDueMs)
        return;
    c.signature = signature;
    c.nextDueMs = nowMs + kIdleDueMs;

    if (!missing && cluster.deploymentSerial() != c.serial) {
        // A new JobManager deployment: the old pods terminate, a new ReplicaSet starts its pod.
        for (auto &[podName, pod] : c.pods)
            startDeleting(c, pod, &cluster, nowMs, kGraceMs);
        c.serial = cluster.deploymentSerial();
        const QString seed = ownerUid + u'/' + QString::number(c.serial);
        c.rsHash = suffixOf(seed + u"/rs"_s, 10);
        c.standalone = spec.value(u"mode"_s).toString() == u"standalone"_s;
        c.tmRsHash = suffixOf(seed + u"/tm-rs"_s, 10);
        c.tmReplicaSetUid = uuidOf(seed + u"/tm-replicaset"_s);
        c.deploymentUid = uuidOf(seed + u"/deployment"_s);
        c.replicaSetUid = uuidOf(seed + u"/replicaset"_s);
        c.attempt = 1;
        c.nextTmIndex = 1;
        c.tmsRequested = false;
        c.jobManagerPods = 0;
        c.workers.clear();
        c.problem.reset();
        c.image
            = spec.value(u"image"_s).toString(u"flink:%1"_s.arg(cluster.settings().flinkVersion.section(u'.', 0, 1)));
        c.pullPolicy = spec.value(u"imagePullPolicy"_s).toString(u"IfNotPresent"_s);
        c.serviceAccount = spec.value(u"serviceAccount"_s).toString(u"flink"_s);
        c.entryClass = spec.value(u"job"_s).toObject().value(u"entryClass"_s).toString(u"com.example.Main"_s);
        c.jmResources = resourcesOf(spec.value(u"jobManager"_s).toObject().value(u"resource"_s).toObject());
        c.tmResources = resourcesOf(spec.value(u"taskManager"_s).toObject().value(u"resource"_s).toObject());
        const auto podTemplate
            = [&](const QString &role) { return spec.value(role).toObject().value(u"podTemplate"_s).toObject(); };
        c.jmSidecars = sidecarsOf(spec.value(u"podTemplate"_s).toObject()) + sidecarsOf(podTemplate(u"jobManager"_s));
        c.tmSidecars = sidecarsOf(spec.value(u"podTemplate"_s).toObject()) + sidecarsOf(podTemplate(u"taskManager"_s));
        startJobManagerPod(c, cluster, nowMs);
    }
    for (auto it = c.pods.begin(); it != c.pods.end();) {
        Pod &pod = it->second;
        if (!pod.removedByClient) {
            ++it;
            continue;
        }
        // Deleted by a client: a TaskManager is a lost worker (the job fails over, a new pod is
        // requested); the ReplicaSet replaces a JobManager pod, whose process starts anew.
        const bool jobManager = pod.jobManager && !pod.deleting;
        if (!pod.jobManager && !pod.deleting && !pod.failed) {
            const QString diagnostics = u"Pod %1 was deleted."_s.arg(pod.name);
            if (WorkerRecord *w = c.worker(pod.name)) {
                w->terminatedMs = nowMs;
                w->diagnostics = diagnostics;
            }
            cluster.loseTaskManager(nowMs, pod.name, diagnostics);
        }
        m_podIndex.remove(c.ns + u'/' + pod.name);
        it = c.pods.erase(it);
        if (jobManager && !missing) {
            ++c.attempt;
            c.nextTmIndex = 1;
            cluster.setJobManagerHeld(true, nowMs);
            startJobManagerPod(c, cluster, nowMs);
        }
    }
    if (missing) {
        c.problem.reset();
        for (auto &[podName, pod] : c.pods)
            startDeleting(c, pod, &cluster, nowMs, kGraceMs);
    } else {
        for (auto &[podName, pod] : c.pods) {
            if (pod.jobManager && !pod.deleting) {
                stepJobManager(c, pod, cluster, nowMs);
                break;
            }
        }
        stepTaskManagers(c, cluster, nowMs);
    }
    for (auto it = c.pods.begin(); it != c.pods.end();) {
        Pod &pod = it->second;
        if (pod.deleteAtMs >= 0 && !pod.deleting) {
            if (nowMs >= pod.deleteAtMs)
                startDeleting(c, pod, &cluster, nowMs, 500);
            else
                c.due(pod.deleteAtMs);
        }
        if (pod.deleting && nowMs >= pod.removeAtMs) {
            m_store.remove(kPods, c.ns, pod.name);
            m_podIndex.remove(c.ns + u'/' + pod.name);
            it = c.pods.erase(it);
            continue;
        }
        if (pod.deleting)
            c.due(pod.removeAtMs);
        write(c, pod, nowMs);
        ++it;
    }
    if (missing && c.pods.empty())
        m_clusters.erase(key);
}

void PodSimulation::freeze(const QString &ns, const QString &name, const FlinkJobModel &cluster, qint64 nowMs)
{
    const auto it = m_clusters.find(ns + u'/' + name);
    if (it == m_clusters.end())
        return;
    for (auto &[podName, pod] : it->second->pods)
        freezePod(*it->second, pod, cluster, nowMs);
}

void PodSimulation::removeDeployment(const QString &ns, const QString &name)
{
    const auto it = m_clusters.find(ns + u'/' + name);
    if (it == m_clusters.end())
        return;
    for (const auto &[podName, pod] : it->second->pods) {
        m_store.remove(kPods, ns, podName);
        m_podIndex.remove(ns + u'/' + podName);
    }
    m_clusters.erase(it);
}

std::optional<PodSimulation::Problem> PodSimulation::jobManagerProblem(const QString &ns, const QString &name) const
{
    const auto it = m_clusters.find(ns + u'/' + name);
    return it == m_clusters.end() ? std::nullopt : it->second->problem;
}

std::optional<std::vector<LogLine>> PodSimulation::restLog(const QString &ns, const QString &name,
                                                           const QString &taskManager, const FlinkJobModel &cluster,
                                                           qint64 nowMs) const
{
    const auto it = m_clusters.find(ns + u'/' + name);
    if (it == m_clusters.end())
        return std::nullopt;
    for (const auto &[podName, pod] : it->second->pods) {
        const bool wanted = taskManager.isEmpty() ? pod.jobManager : podName == taskManager;
        const Container &main = pod.containers.front();
        if (wanted && !pod.deleting && main.running())
            return containerLog(*it->second, pod, main, cluster, nowMs);
    }
    return std::nullopt;
}

void PodSimulation::podDeletedByClient(const QString &ns, const QString &pod)
{
    const auto it = m_clusters.find(m_podIndex.value(ns + u'/' + pod));
    if (it == m_clusters.end())
        return;
    const auto found = it->second->pods.find(pod);
    if (found == it->second->pods.end())
        return;
    found->second.removedByClient = true;
    it->second->nextDueMs = 0; // the next pass acts on it
}

QString PodSimulation::deploymentOf(const QString &ns, const QString &pod) const
{
    return m_podIndex.value(ns + u'/' + pod);
}

void PodSimulation::startJobManagerPod(Cluster &c, const FlinkJobModel &cluster, qint64 nowMs)
{
    const QString name = u"%1-%2-%3"_s.arg(
        c.name, c.rsHash, suffixOf(c.replicaSetUid + u"/pod"_s + QString::number(c.jobManagerPods), 5));
    addPod(c, name, true, c.jobManagerPods == 0 ? std::min(nowMs, cluster.deployedAtMs()) : nowMs);
    ++c.jobManagerPods;
}

PodSimulation::Pod &PodSimulation::addPod(Cluster &c, const QString &name, bool jobManager, qint64 createdMs)
{
    if (const auto stale = c.pods.find(name); stale != c.pods.end()) {
        // The previous deployment's pod of that name is still terminating: it goes now.
        m_store.remove(kPods, c.ns, name);
        c.pods.erase(stale);
    }
    Pod &pod = c.pods[name];
    pod.name = name;
    pod.jobManager = jobManager;
    pod.createdMs = createdMs;
    const quint32 h = quint32(quint8(md5(name).at(0))) << 8 | quint8(md5(name).at(1));
    const int node = int(h % kNodes) + 1;
    pod.node = u"sandbox-worker-%1"_s.arg(node);
    pod.hostIp = u"172.18.0.%1"_s.arg(node + 1);
    pod.ip = u"10.244.%1.%2"_s.arg(node).arg(2 + h % 250);
    Container main;
    main.name = kMain;
    main.image = c.image;
    main.waitingReason = u"ContainerCreating"_s;
    pod.containers.push_back(main);
    for (const auto &[sidecar, image] : jobManager ? c.jmSidecars : c.tmSidecars) {
        Container container;
        container.name = sidecar;
        container.image = image;
        container.main = false;
        container.waitingReason = u"ContainerCreating"_s;
        pod.containers.push_back(container);
    }
    m_podIndex.insert(c.ns + u'/' + name, c.ns + u'/' + c.name);
    write(c, pod, createdMs);
    return pod;
}

void PodSimulation::stepJobManager(Cluster &c, Pod &pod, FlinkJobModel &cluster, qint64 nowMs)
{
    const auto fault = [&](FaultPlan::PodFault f) { return m_faults && m_faults->hasPodFault(f, c.ns, c.name); };
    const bool unschedulable = fault(FaultPlan::PodFault::Unschedulable);
    const bool imagePull = fault(FaultPlan::PodFault::ImagePull);
    const bool crash = fault(FaultPlan::PodFault::JobManagerCrashLoop);
    Container &m = pod.containers.front();

    if (pod.scheduledMs < 0) {
        pod.unschedulable = unschedulable;
        if (unschedulable) {
            cluster.setJobManagerHeld(true, nowMs);
            event(c, pod, nowMs, kWarning, u"FailedScheduling"_s,
                  u"0/%1 nodes are available: %1 Insufficient memory. preemption: 0/%1 nodes are available: %1 No "
                  u"preemption victims found for incoming pod."_s.arg(kNodes),
                  {}, true, true);
            c.due(nowMs + kRepeatEventMs);
            return;
        }
        pod.scheduledMs = cluster.jobManagerHeld() ? nowMs : pod.createdMs + kScheduleMs;
        event(c, pod, pod.scheduledMs, kNormal, u"Scheduled"_s,
              u"Successfully assigned %1/%2 to %3"_s.arg(c.ns, pod.name, pod.node), {}, false, true);
    }

    if (!m.running()) {
        if (imagePull) {
            cluster.setJobManagerHeld(true, nowMs);
            const QString image = imageRef(c.image);
            if (m.waitingReason != u"ErrImagePull"_s && m.waitingReason != u"ImagePullBackOff"_s) {
                const QString error = u"failed to pull and unpack image \"%1\": failed to resolve reference \"%1\": "
                                      u"%1: not found"_s.arg(image);
                m.waitingReason = u"ErrImagePull"_s;
                m.waitingMessage = u"rpc error: code = NotFound desc = "_s + error;
                m.waitingSinceMs = nowMs;
                event(c, pod, nowMs, kNormal, u"Pulling"_s, u"Pulling image \"%1\""_s.arg(c.image), kMain, true);
                event(c, pod, nowMs, kWarning, u"Failed"_s,
                      u"Failed to pull image \"%1\": %2"_s.arg(c.image, m.waitingMessage), kMain, true);
                event(c, pod, nowMs, kWarning, u"Failed"_s, u"Error: ErrImagePull"_s, kMain, true);
                c.problem = Problem{m.waitingReason, m.waitingMessage};
                c.due(nowMs + kImagePullBackOffMs);
            } else if (m.waitingReason == u"ErrImagePull"_s && nowMs >= m.waitingSinceMs + kImagePullBackOffMs) {
                m.waitingReason = u"ImagePullBackOff"_s;
                m.waitingMessage = u"Back-off pulling image \"%1\""_s.arg(c.image);
                m.waitingSinceMs = nowMs;
                event(c, pod, nowMs, kNormal, u"BackOff"_s, m.waitingMessage, kMain, true);
                event(c, pod, nowMs, kWarning, u"Failed"_s, u"Error: ImagePullBackOff"_s, kMain, true);
                c.problem = Problem{m.waitingReason, m.waitingMessage};
            } else {
                event(c, pod, nowMs, kNormal, u"BackOff"_s, u"Back-off pulling image \"%1\""_s.arg(c.image), kMain,
                      true);
                c.due(std::max(nowMs + 1, m.waitingSinceMs + kImagePullBackOffMs));
            }
            if (m.waitingReason == u"ImagePullBackOff"_s)
                c.due(nowMs + kRepeatEventMs);
            return;
        }
        const bool pullFailed = m.waitingReason == u"ErrImagePull"_s || m.waitingReason == u"ImagePullBackOff"_s;
        qint64 startAt = pod.scheduledMs + kStartMs;
        if (pullFailed)
            startAt = nowMs; // the image can be pulled again
        else if (m.nextStartMs >= 0)
            startAt = m.nextStartMs;
        if (nowMs < startAt) {
            c.due(startAt);
            return;
        }
        const bool restart = m.hasLast;
        startContainers(c, pod, startAt, !restart);
        if (restart) {
            ++c.attempt; // a new JobManager process: TaskManager names of its attempt, counted from 1
            c.nextTmIndex = 1;
        }
        if (crash) {
            m.crashing = true;
            m.crashFromStart = true;
            m.crashAtMs = startAt + FlinkLogs::crashAfterMs();
            cluster.setJobManagerHeld(true, nowMs);
        } else {
            c.problem.reset();
            if (cluster.jobManagerHeld())
                cluster.setJobManagerHeld(false, startAt);
        }
    }

    if (crash && !m.crashing) {
        // The fault arrived while the JobManager ran: it exits now, and every start after fails.
        m.crashing = true;
        m.crashFromStart = false;
        m.crashAtMs = nowMs;
    }
    if (m.crashing) {
        if (nowMs < m.crashAtMs) {
            c.due(m.crashAtMs);
            return;
        }
        const qint64 at = m.crashAtMs;
        ContainerLogInput in = logInput(c, pod, m);
        in.endMs = at;
        m.lastLog = m.crashFromStart ? FlinkLogs::crashingJobManager(cluster, in, at)
                                     : FlinkLogs::jobManager(cluster, in, at);
        m.hasLast = true;
        m.lastStartedMs = m.startedMs;
        m.lastFinishedMs = at;
        m.lastExitCode = 1;
        m.lastReason = u"Error"_s;
        m.lastContainerId = m.containerId(pod.name);
        ++m.restartCount;
        const qint64 backOff
            = std::min(kCrashLoopMaxBackOffMs, kCrashLoopFirstBackOffMs << std::min(m.restartCount - 1, 10));
        m.startedMs = -1;
        m.finishedMs = -1;
        m.frozen = false;
        m.frozenLog.clear();
        m.crashing = false;
        m.nextStartMs = at + backOff;
        m.waitingReason = u"CrashLoopBackOff"_s;
        m.waitingMessage = u"back-off %1 restarting failed container=%2 pod=%3_%4(%5)"_s.arg(goDuration(backOff), kMain,
                                                                                             pod.name, c.ns, pod.uid);
        m.waitingSinceMs = at;
        event(c, pod, at, kWarning, u"BackOff"_s,
              u"Back-off restarting failed container %1 in pod %2_%3(%4)"_s.arg(kMain, pod.name, c.ns, pod.uid), kMain,
              true);
        c.problem = Problem{m.waitingReason, m.waitingMessage};
        cluster.setJobManagerHeld(true, nowMs);
        c.due(m.nextStartMs);
    }
}

void PodSimulation::stepTaskManagers(Cluster &c, FlinkJobModel &cluster, qint64 nowMs)
{
    const Pod *jm = nullptr;
    for (const auto &[name, pod] : c.pods)
        if (pod.jobManager && !pod.deleting)
            jm = &pod;
    const bool jmUp = jm && jm->containers.front().running() && !jm->containers.front().crashing;
    const int desired
        = jmUp && cluster.hasJob() && !cluster.jobManagerHeld() && cluster.jobManagerStatus() == JobManagerStatus::Ready
        ? cluster.taskManagerCount()
        : 0;
    const auto live = [&] {
        std::vector<Pod *> pods;
        for (auto &[name, pod] : c.pods)
            if (!pod.jobManager && !pod.deleting && !pod.failed)
                pods.push_back(&pod);
        std::sort(pods.begin(), pods.end(), [](const Pod *a, const Pod *b) { return a->index < b->index; });
        return pods;
    };

    if (m_faults && m_faults->hasPodFault(FaultPlan::PodFault::TaskManagerOom, c.ns, c.name)) {
        Pod *victim = nullptr;
        for (Pod *pod : live()) {
            const Container &m = pod->containers.front();
            if (m.running() && nowMs - m.startedMs >= kOomAfterRunningMs) {
                victim = pod;
                break;
            }
        }
        if (victim && cluster.state() == u"RUNNING"_s && m_faults->takeTaskManagerOom(c.ns, c.name))
            killTaskManager(c, *victim, cluster, nowMs);
        else
            c.due(nowMs + 500);
    }

    std::vector<Pod *> pods = live();
    while (int(pods.size()) > desired) {
        startDeleting(c, *pods.back(), &cluster, nowMs, kGraceMs); // released by the resource manager
        pods.pop_back();
    }
    while (int(pods.size()) < desired) {
        QSet<int> used;
        for (const Pod *pod : pods)
            used.insert(pod->slotIndex);
        int slot = 0;
        while (used.contains(slot))
            ++slot;
        qint64 createdMs = nowMs;
        if (!c.tmsRequested)
            createdMs = std::clamp(cluster.readyAtMs() + 300 + slot * 5, jm->createdMs, nowMs);
        const QString name = c.standalone ? u"%1-taskmanager-%2-%3"_s.arg(
                                 c.name, c.tmRsHash, suffixOf(c.tmReplicaSetUid + QString::number(c.nextTmIndex), 5))
                                          : u"%1-taskmanager-%2-%3"_s.arg(c.name).arg(c.attempt).arg(c.nextTmIndex);
        Pod &pod = addPod(c, name, false, createdMs);
        pod.index = c.nextTmIndex++;
        pod.slotIndex = slot;
        pod.scheduledMs = createdMs + kScheduleMs;
        event(c, pod, pod.scheduledMs, kNormal, u"Scheduled"_s,
              u"Successfully assigned %1/%2 to %3"_s.arg(c.ns, pod.name, pod.node), {}, false, true);
        WorkerRecord worker;
        worker.podName = name;
        worker.podIp = pod.ip;
        worker.slotIndex = slot;
        worker.createdMs = createdMs;
        c.workers.push_back(worker);
        while (c.workers.size() > 64)
            c.workers.erase(c.workers.begin());
        pods = live();
    }
    if (desired > 0)
        c.tmsRequested = true;

    QStringList ids;
    for (Pod *pod : pods) {
        Container &m = pod->containers.front();
        if (m.startedMs < 0) {
            const qint64 at = m.nextStartMs >= 0 ? m.nextStartMs : pod->scheduledMs + kStartMs;
            if (nowMs >= at) {
                startContainers(c, *pod, at, !m.hasLast);
                if (WorkerRecord *w = c.worker(pod->name))
                    w->startedMs = at; // standalone: the same pod registers again
            } else {
                c.due(at);
            }
        }
    }
    std::vector<Pod *> bySlot = pods;
    std::sort(bySlot.begin(), bySlot.end(), [](const Pod *a, const Pod *b) { return a->slotIndex < b->slotIndex; });
    for (const Pod *pod : bySlot)
        ids.append(pod->name);
    cluster.setTaskManagerIds(ids);
}

void PodSimulation::startContainers(Cluster &c, Pod &pod, qint64 atMs, bool firstStart)
{
    for (Container &container : pod.containers) {
        if (!firstStart && !container.main)
            continue; // only the crashed container restarts
        container.startedMs = atMs;
        container.finishedMs = -1;
        container.waitingReason.clear();
        container.waitingMessage.clear();
        container.nextStartMs = -1;
        container.crashing = false;
        container.frozen = false;
        container.frozenLog.clear();
        if (firstStart && pod.jobManager && container.main) {
            event(c, pod, std::max(pod.scheduledMs, atMs - 900), kNormal, u"Pulling"_s,
                  u"Pulling image \"%1\""_s.arg(container.image), container.name);
            event(c, pod, atMs - 150, kNormal, u"Pulled"_s,
                  u"Successfully pulled image \"%1\" in 712ms (712ms including waiting). Image size: 263417856 "
                  u"bytes."_s.arg(container.image),
                  container.name);
        } else {
            event(c, pod, atMs - 150, kNormal, u"Pulled"_s,
                  u"Container image \"%1\" already present on machine"_s.arg(container.image), container.name,
                  !firstStart);
        }
        event(c, pod, atMs - 20, kNormal, u"Created"_s, u"Created container %1"_s.arg(container.name), container.name,
              !firstStart);
        event(c, pod, atMs, kNormal, u"Started"_s, u"Started container %1"_s.arg(container.name), container.name,
              !firstStart);
    }
}

void PodSimulation::killTaskManager(Cluster &c, Pod &pod, FlinkJobModel &cluster, qint64 nowMs)
{
    const QString diagnostics
        = u"Pod terminated, container termination statuses: [%1(exitCode=137, "
          u"reason=OOMKilled, message=null)], pod status: Failed(reason=null, message=null)"_s.arg(kMain);
    Container &m = pod.containers.front();
    m.finishedMs = nowMs;
    m.exitCode = 137;
    m.reason = u"OOMKilled"_s;
    if (WorkerRecord *w = c.worker(pod.name)) {
        w->terminatedMs = nowMs;
        w->diagnostics = diagnostics;
    }
    if (c.standalone) {
        // restartPolicy Always: the kubelet restarts the container in place, the pod stays.
        freezePod(c, pod, cluster, nowMs);
        m.hasLast = true;
        m.lastStartedMs = m.startedMs;
        m.lastFinishedMs = nowMs;
        m.lastExitCode = 137;
        m.lastReason = m.reason;
        m.lastContainerId = m.containerId(pod.name);
        m.lastLog = m.frozenLog;
        ++m.restartCount;
        m.startedMs = -1;
        m.finishedMs = -1;
        m.frozen = false;
        m.frozenLog.clear();
        m.waitingReason = u"ContainerCreating"_s;
        m.nextStartMs = nowMs + kStartMs;
        cluster.loseTaskManager(nowMs, pod.name, diagnostics);
        c.due(m.nextStartMs);
        return;
    }
    for (Container &container : pod.containers) {
        if (container.main || !container.running())
            continue;
        container.finishedMs = nowMs;
        container.exitCode = 0;
        container.reason = u"Completed"_s;
    }
    freezePod(c, pod, cluster, nowMs);
    pod.failed = true;
    pod.deleteAtMs = nowMs + kFailedPodRemovalMs;
    cluster.loseTaskManager(nowMs, pod.name, diagnostics);
    qCDebug(lcSandboxServer) << "pods: OOMKilled" << pod.name;
}

void PodSimulation::startDeleting(Cluster &c, Pod &pod, const FlinkJobModel *cluster, qint64 nowMs, qint64 graceMs)
{
    if (pod.deleting)
        return;
    if (cluster)
        freezePod(c, pod, *cluster, nowMs);
    pod.deleting = true;
    pod.deletionMs = nowMs;
    pod.removeAtMs = nowMs + graceMs;
    for (const Container &container : pod.containers)
        if (container.running())
            event(c, pod, nowMs, kNormal, u"Killing"_s, u"Stopping container %1"_s.arg(container.name), container.name);
    c.due(pod.removeAtMs);
}

void PodSimulation::freezePod(const Cluster &c, Pod &pod, const FlinkJobModel &cluster, qint64 nowMs) const
{
    for (Container &container : pod.containers) {
        if (container.frozen || container.startedMs < 0)
            continue;
        // A running process stops now: its shutdown lines end the log.
        container.frozenLog = containerLog(c, pod, container, cluster, nowMs, container.running() ? nowMs : -1);
        container.frozen = true;
    }
}

ContainerLogInput PodSimulation::logInput(const Cluster &c, const Pod &pod, const Container &container) const
{
    ContainerLogInput in;
    in.ns = c.ns;
    in.deployment = c.name;
    in.podName = pod.name;
    in.podIp = pod.ip;
    in.entryClass = c.entryClass;
    in.startMs = container.startedMs;
    in.endMs = container.finishedMs;
    in.killed = container.reason == u"OOMKilled"_s;
    in.slotIndex = pod.slotIndex;
    if (pod.jobManager && container.main)
        in.workers = c.workers;
    return in;
}

std::vector<LogLine> PodSimulation::containerLog(const Cluster &c, const Pod &pod, const Container &container,
                                                 const FlinkJobModel &cluster, qint64 nowMs, qint64 endMs) const
{
    if (container.frozen)
        return container.frozenLog;
    ContainerLogInput in = logInput(c, pod, container);
    if (endMs >= 0)
        in.endMs = endMs;
    std::vector<LogLine> lines;
    if (!container.main)
        lines = FlinkLogs::sidecar(container.name, in, nowMs);
    else if (pod.jobManager && container.crashing && container.crashFromStart)
        lines = FlinkLogs::crashingJobManager(cluster, in, nowMs);
    else if (pod.jobManager)
        lines = FlinkLogs::jobManager(cluster, in, nowMs);
    else
        lines = FlinkLogs::taskManager(cluster, in, nowMs);
    if (lines.size() > size_t(kMaxLogLines))
        lines.erase(lines.begin(), lines.end() - kMaxLogLines);
    return lines;
}

void PodSimulation::write(Cluster &c, Pod &pod, qint64 nowMs)
{
    const QJsonObject object = podObject(c, pod, nowMs);
    // metadata and spec (the binding sets spec.nodeName) go through the pod, status through pods/status.
    const QJsonObject main{{u"metadata"_s, object.value(u"metadata"_s)}, {u"spec"_s, object.value(u"spec"_s)}};
    const QJsonObject status = object.value(u"status"_s).toObject();
    const size_t metaHash = qHash(QJsonDocument(main).toJson(QJsonDocument::Compact));
    const size_t statusHash = qHash(QJsonDocument(status).toJson(QJsonDocument::Compact));
    if (!pod.created) {
        WriteOptions options;
        options.creationTimestamp = QDateTime::fromMSecsSinceEpoch(pod.createdMs, Qt::UTC);
        StoreResult r = m_store.create(kPods, c.ns, object, options);
        if (r.code == 409) { // left over from an earlier deployment of that name
            m_store.remove(kPods, c.ns, pod.name);
            r = m_store.create(kPods, c.ns, object, options);
        }
        if (!r.ok()) {
            qCDebug(lcSandboxServer) << "pods: cannot create" << pod.name << r.code;
            return;
        }
        pod.created = true;
        pod.uid = r.object.value(u"metadata"_s).toObject().value(u"uid"_s).toString();
        // Messages that name the pod's uid are written from now on.
        pod.writtenMeta = metaHash;
        pod.writtenStatus = statusHash;
        return;
    }
    if (metaHash != pod.writtenMeta) {
        if (m_store.mergePatch(kPods, c.ns, pod.name, main).ok())
            pod.writtenMeta = metaHash;
    }
    if (statusHash != pod.writtenStatus) {
        WriteOptions options;
        options.subresource = Subresource::Status;
        if (m_store.mergePatch(kPods, c.ns, pod.name, QJsonObject{{u"status"_s, status}}, options).ok())
            pod.writtenStatus = statusHash;
    }
}

QJsonObject PodSimulation::podObject(const Cluster &c, const Pod &pod, qint64 nowMs) const
{
    const bool jm = pod.jobManager;
    const QString component = jm ? u"jobmanager"_s : u"taskmanager"_s;
    QJsonObject labels{{u"app"_s, c.name},
                       {u"component"_s, component},
                       {u"type"_s, c.standalone ? u"flink-standalone-kubernetes"_s : u"flink-native-kubernetes"_s}};
    QJsonObject metadata{{u"name"_s, pod.name}, {u"namespace"_s, c.ns}};
    const auto ownedBy = [&](const QString &kind, const QString &name, const QString &uid) {
        metadata.insert(u"ownerReferences"_s,
                        QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                               {u"kind"_s, kind},
                                               {u"name"_s, name},
                                               {u"uid"_s, uid},
                                               {u"controller"_s, true},
                                               {u"blockOwnerDeletion"_s, true}}});
    };
    // The JobManager Deployment <name> and, in standalone mode, the TaskManager Deployment
    // <name>-taskmanager own their pods through a ReplicaSet; native TaskManagers are bare pods
    // owned by the JobManager Deployment.
    if (jm || c.standalone) {
        const QString deployment = jm ? c.name : c.name + u"-taskmanager"_s;
        const QString hash = jm ? c.rsHash : c.tmRsHash;
        labels.insert(u"pod-template-hash"_s, hash);
        metadata.insert(u"generateName"_s, u"%1-%2-"_s.arg(deployment, hash));
        ownedBy(u"ReplicaSet"_s, u"%1-%2"_s.arg(deployment, hash), jm ? c.replicaSetUid : c.tmReplicaSetUid);
    } else {
        ownedBy(u"Deployment"_s, c.name, c.deploymentUid);
    }
    metadata.insert(u"labels"_s, labels);
    metadata.insert(u"annotations"_s,
                    QJsonObject{{u"kubectl.kubernetes.io/default-container"_s, kMain},
                                {u"flinkdeployment.flink.apache.org/generation"_s, u"1"_s}});
    if (pod.deleting) {
        metadata.insert(u"deletionTimestamp"_s, iso(pod.deletionMs + 30000));
        metadata.insert(u"deletionGracePeriodSeconds"_s, 30);
    }

    // spec
    QJsonArray containers;
    for (const Container &container : pod.containers) {
        QJsonObject spec{{u"name"_s, container.name},
                         {u"image"_s, container.image},
                         {u"imagePullPolicy"_s, container.main ? c.pullPolicy : u"IfNotPresent"_s},
                         {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
                         {u"terminationMessagePolicy"_s, u"File"_s}};
        if (container.main) {
            spec.insert(u"args"_s,
                        jm ? QJsonArray{u"bash"_s, u"-c"_s, u"kubernetes-jobmanager.sh kubernetes-application"_s}
                           : QJsonArray{u"bash"_s, u"-c"_s,
                                        u"kubernetes-taskmanager.sh -Dtaskmanager.resource-id=%1"_s.arg(pod.name)});
            spec.insert(u"resources"_s, jm ? c.jmResources : c.tmResources);
            spec.insert(
                u"ports"_s,
                jm ? QJsonArray{QJsonObject{
                                    {u"name"_s, u"rest"_s}, {u"containerPort"_s, 8081}, {u"protocol"_s, u"TCP"_s}},
                                QJsonObject{{u"name"_s, u"jobmanager-rpc"_s},
                                            {u"containerPort"_s, 6123},
                                            {u"protocol"_s, u"TCP"_s}},
                                QJsonObject{{u"name"_s, u"blobserver"_s},
                                            {u"containerPort"_s, 6124},
                                            {u"protocol"_s, u"TCP"_s}}}
                   : QJsonArray{
                       QJsonObject{{u"name"_s, u"rpc"_s}, {u"containerPort"_s, 6122}, {u"protocol"_s, u"TCP"_s}}});
            spec.insert(u"env"_s,
                        QJsonArray{QJsonObject{{u"name"_s, u"_POD_IP_ADDRESS"_s},
                                               {u"valueFrom"_s,
                                                QJsonObject{{u"fieldRef"_s,
                                                             QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                                                         {u"fieldPath"_s, u"status.podIP"_s}}}}}}});
            spec.insert(
                u"volumeMounts"_s,
                QJsonArray{QJsonObject{{u"name"_s, u"flink-config-volume"_s}, {u"mountPath"_s, u"/opt/flink/conf"_s}}});
        }
        containers.append(spec);
    }
    QJsonObject spec{
        {u"containers"_s, containers},
        {u"restartPolicy"_s, jm || c.standalone ? u"Always"_s : u"Never"_s},
        {u"serviceAccountName"_s, c.serviceAccount},
        {u"serviceAccount"_s, c.serviceAccount},
        {u"schedulerName"_s, u"default-scheduler"_s},
        {u"terminationGracePeriodSeconds"_s, 30},
        {u"dnsPolicy"_s, u"ClusterFirst"_s},
        {u"enableServiceLinks"_s, true},
        {u"hostNetwork"_s, false},
        {u"priority"_s, 0},
        {u"preemptionPolicy"_s, u"PreemptLowerPriority"_s},
        {u"securityContext"_s, QJsonObject()},
        {u"volumes"_s,
         QJsonArray{QJsonObject{
             {u"name"_s, u"flink-config-volume"_s},
             {u"configMap"_s, QJsonObject{{u"name"_s, u"flink-config-%1"_s.arg(c.name)}, {u"defaultMode"_s, 420}}}}}},
        {u"tolerations"_s,
         QJsonArray{QJsonObject{{u"key"_s, u"node.kubernetes.io/not-ready"_s},
                                {u"operator"_s, u"Exists"_s},
                                {u"effect"_s, u"NoExecute"_s},
                                {u"tolerationSeconds"_s, 300}},
                    QJsonObject{{u"key"_s, u"node.kubernetes.io/unreachable"_s},
                                {u"operator"_s, u"Exists"_s},
                                {u"effect"_s, u"NoExecute"_s},
                                {u"tolerationSeconds"_s, 300}}}}};
    if (pod.scheduledMs >= 0)
        spec.insert(u"nodeName"_s, pod.node);

    // status
    QJsonObject status{{u"qosClass"_s, u"Guaranteed"_s}};
    const auto condition
        = [](const QString &type, bool value, qint64 atMs, const QString &reason = {}, const QString &message = {}) {
              QJsonObject o{{u"type"_s, type},
                            {u"status"_s, value ? u"True"_s : u"False"_s},
                            {u"lastProbeTime"_s, QJsonValue::Null},
                            {u"lastTransitionTime"_s, iso(atMs)}};
              if (!reason.isEmpty())
                  o.insert(u"reason"_s, reason);
              if (!message.isEmpty())
                  o.insert(u"message"_s, message);
              return o;
          };
    if (pod.scheduledMs < 0) {
        status.insert(u"phase"_s, u"Pending"_s);
        if (pod.unschedulable)
            status.insert(u"conditions"_s,
                          QJsonArray{condition(
                              u"PodScheduled"_s, false, pod.createdMs, u"Unschedulable"_s,
                              u"0/%1 nodes are available: %1 Insufficient memory. preemption: 0/%1 nodes "
                              u"are available: %1 No preemption victims found for incoming pod."_s.arg(kNodes))});
        return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                           {u"kind"_s, u"Pod"_s},
                           {u"metadata"_s, metadata},
                           {u"spec"_s, spec},
                           {u"status"_s, status}};
    }
    const Container &main = pod.containers.front();
    bool allReady = true;
    bool anyStarted = false;
    bool allTerminated = true;
    qint64 readySince = pod.scheduledMs;
    qint64 unreadySince = pod.scheduledMs;
    QJsonArray statuses;
    for (const Container &container : pod.containers) {
        const bool ready = container.running() && !pod.deleting;
        allReady = allReady && ready;
        anyStarted = anyStarted || container.startedMs >= 0 || container.hasLast;
        allTerminated = allTerminated && container.startedMs >= 0 && container.finishedMs >= 0;
        if (container.startedMs >= 0)
            readySince = std::max(readySince, container.startedMs);
        if (container.finishedMs >= 0)
            unreadySince = std::max(unreadySince, container.finishedMs);
        else if (container.hasLast && container.startedMs < 0)
            unreadySince = std::max(unreadySince, container.lastFinishedMs);
        QJsonObject state;
        if (container.running()) {
            state.insert(u"running"_s, QJsonObject{{u"startedAt"_s, iso(container.startedMs)}});
        } else if (container.startedMs >= 0) {
            state.insert(u"terminated"_s,
                         QJsonObject{{u"exitCode"_s, container.exitCode},
                                     {u"reason"_s, container.reason},
                                     {u"startedAt"_s, iso(container.startedMs)},
                                     {u"finishedAt"_s, iso(container.finishedMs)},
                                     {u"containerID"_s, container.containerId(pod.name)}});
        } else {
            QJsonObject waiting{{u"reason"_s, container.waitingReason}};
            if (!container.waitingMessage.isEmpty())
                waiting.insert(u"message"_s, container.waitingMessage);
            state.insert(u"waiting"_s, waiting);
        }
        QJsonObject last;
        if (container.hasLast)
            last.insert(u"terminated"_s,
                        QJsonObject{{u"exitCode"_s, container.lastExitCode},
                                    {u"reason"_s, container.lastReason},
                                    {u"startedAt"_s, iso(container.lastStartedMs)},
                                    {u"finishedAt"_s, iso(container.lastFinishedMs)},
                                    {u"containerID"_s, container.lastContainerId}});
        QJsonObject s{{u"name"_s, container.name},
                      {u"image"_s, imageRef(container.image)},
                      {u"ready"_s, ready},
                      {u"started"_s, container.running()},
                      {u"restartCount"_s, container.restartCount},
                      {u"state"_s, state},
                      {u"lastState"_s, last}};
        const bool pulled = container.startedMs >= 0 || container.hasLast;
        s.insert(u"imageID"_s,
                 pulled ? imageRef(container.image).section(u':', 0, 0) + u"@sha256:"_s + hexOf(container.image, 64)
                        : QString());
        if (container.startedMs >= 0)
            s.insert(u"containerID"_s, container.containerId(pod.name));
        statuses.append(s);
    }
    QString phase = u"Pending"_s;
    if (pod.failed || (allTerminated && main.exitCode != 0))
        phase = u"Failed"_s;
    else if (allTerminated)
        phase = u"Succeeded"_s;
    else if (anyStarted)
        phase = u"Running"_s;
    const qint64 sandboxReady = pod.scheduledMs + 400;
    status.insert(u"phase"_s, phase);
    status.insert(u"conditions"_s,
                  QJsonArray{condition(u"PodReadyToStartContainers"_s, nowMs >= sandboxReady && !allTerminated,
                                       allTerminated ? unreadySince : sandboxReady),
                             condition(u"Initialized"_s, true, pod.scheduledMs),
                             allReady ? condition(u"Ready"_s, true, readySince)
                                      : condition(u"Ready"_s, false, unreadySince, u"ContainersNotReady"_s,
                                                  u"containers with unready status: [%1]"_s.arg(main.name)),
                             allReady ? condition(u"ContainersReady"_s, true, readySince)
                                      : condition(u"ContainersReady"_s, false, unreadySince, u"ContainersNotReady"_s,
                                                  u"containers with unready status: [%1]"_s.arg(main.name)),
                             condition(u"PodScheduled"_s, true, pod.scheduledMs)});
    status.insert(u"hostIP"_s, pod.hostIp);
    status.insert(u"hostIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, pod.hostIp}}});
    if (nowMs >= sandboxReady) {
        status.insert(u"podIP"_s, pod.ip);
        status.insert(u"podIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, pod.ip}}});
    }
    status.insert(u"startTime"_s, iso(pod.scheduledMs));
    status.insert(u"containerStatuses"_s, statuses);
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"Pod"_s},
                       {u"metadata"_s, metadata},
                       {u"spec"_s, spec},
                       {u"status"_s, status}};
}

void PodSimulation::event(Cluster &c, Pod &pod, qint64 atMs, const QString &type, const QString &reason,
                          const QString &message, const QString &container, bool repeat, bool scheduler)
{
    if (pod.uid.isEmpty())
        return;
    const QString key = reason + u'\n' + message;
    if (pod.events.contains(key)) {
        if (!repeat || atMs - pod.repeatedAt.value(key) < kRepeatEventMs)
            return;
        pod.repeatedAt.insert(key, atMs);
        const QString name = pod.name + u'.' + hexOf(pod.uid + key, 16);
        const StoreResult existing = m_store.get(u"events"_s, c.ns, name);
        if (existing.ok())
            m_store.mergePatch(u"events"_s, c.ns, name,
                               QJsonObject{{u"count"_s, existing.object.value(u"count"_s).toInt(1) + 1},
                                           {u"lastTimestamp"_s, iso(atMs)}});
        return;
    }
    pod.events.insert(key);
    pod.repeatedAt.insert(key, atMs);
    if (c.serial >= 0 && atMs < pod.createdMs - 1)
        atMs = pod.createdMs;
    // Adopted long-running pods: the API server dropped their start-up events an hour after.
    if (m_nowMs - atMs > kEventTtlMs)
        return;
    QJsonObject involved{{u"apiVersion"_s, u"v1"_s},
                         {u"kind"_s, u"Pod"_s},
                         {u"name"_s, pod.name},
                         {u"namespace"_s, c.ns},
                         {u"uid"_s, pod.uid}};
    if (!container.isEmpty())
        involved.insert(u"fieldPath"_s, u"spec.containers{%1}"_s.arg(container));
    const QString component = scheduler ? u"default-scheduler"_s : u"kubelet"_s;
    QJsonObject source{{u"component"_s, component}};
    if (!scheduler)
        source.insert(u"host"_s, pod.node);
    const QJsonObject object{
        {u"metadata"_s,
         QJsonObject{{u"name"_s, QString(pod.name + u'.' + hexOf(pod.uid + key, 16))}, {u"namespace"_s, c.ns}}},
        {u"involvedObject"_s, involved},
        {u"reason"_s, reason},
        {u"message"_s, message},
        {u"type"_s, type},
        {u"count"_s, 1},
        {u"firstTimestamp"_s, iso(atMs)},
        {u"lastTimestamp"_s, iso(atMs)},
        {u"eventTime"_s, QJsonValue::Null},
        {u"source"_s, source},
        {u"reportingComponent"_s, component},
        {u"reportingInstance"_s, scheduler ? QString() : pod.node},
    };
    WriteOptions options;
    options.creationTimestamp = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    m_store.create(u"events"_s, c.ns, object, options);
}

PodLogResult PodSimulation::log(const PodLogRequest &request, const FlinkJobModel *cluster, qint64 nowMs,
                                const PodLogCursor *after) const
{
    PodLogResult result;
    const auto fail = [&](int code, const QString &reason, const QString &message, const QJsonObject &details = {}) {
        result.code = code;
        result.status = makeStatus(code, reason, message, details);
        return result;
    };
    const QString key = m_podIndex.value(request.ns + u'/' + request.pod);
    const auto clusterIt = m_clusters.find(key);
    const Cluster *c = clusterIt == m_clusters.end() ? nullptr : clusterIt->second.get();
    const auto podIt = c ? c->pods.find(request.pod) : std::map<QString, Pod>::const_iterator();
    if (!c || podIt == c->pods.end())
        return fail(404, u"NotFound"_s, u"pods \"%1\" not found"_s.arg(request.pod),
                    QJsonObject{{u"name"_s, request.pod}, {u"kind"_s, u"pods"_s}});
    const Pod &pod = podIt->second;
    const Container *container = nullptr;
    if (request.container.isEmpty()) {
        if (pod.containers.size() > 1) {
            QStringList names;
            for (const Container &ct : pod.containers)
                names.append(ct.name);
            return fail(400, u"BadRequest"_s,
                        u"a container name must be specified for pod %1, choose one of: [%2]"_s.arg(pod.name,
                                                                                                    names.join(u' ')));
        }
        container = &pod.containers.front();
    } else {
        for (const Container &ct : pod.containers)
            if (ct.name == request.container)
                container = &ct;
        if (!container)
            return fail(400, u"BadRequest"_s,
                        u"container %1 is not valid for pod %2"_s.arg(request.container, pod.name));
    }
    std::vector<LogLine> lines;
    // Each run of a container has its own key: a follow ends when its run does.
    const auto runKey = [&](int restart) { return u"%1/%2/%3"_s.arg(pod.uid, container->name).arg(restart); };
    QString run = runKey(container->restartCount);
    if (request.previous) {
        if (!container->hasLast)
            return fail(
                400, u"BadRequest"_s,
                u"previous terminated container \"%1\" in pod \"%2\" not found"_s.arg(container->name, pod.name));
        lines = container->lastLog;
        run = runKey(container->restartCount - 1);
    } else if (container->startedMs < 0
               || (after && container->hasLast && after->run == runKey(container->restartCount - 1))) {
        if (!container->hasLast) {
            QString why = container->waitingReason.isEmpty() ? u"ContainerCreating"_s : container->waitingReason;
            if (why == u"ErrImagePull"_s)
                why = u"image can't be pulled"_s;
            else if (why == u"ImagePullBackOff"_s)
                why = u"trying and failing to pull image"_s;
            return fail(
                400, u"BadRequest"_s,
                u"container \"%1\" in pod \"%2\" is waiting to start: %3"_s.arg(container->name, pod.name, why));
        }
        // Back-off (or a followed run that just exited): the kubelet serves the container that exited.
        lines = container->lastLog;
        run = runKey(container->restartCount - 1);
    } else {
        if (container->frozen)
            lines = container->frozenLog;
        else if (cluster)
            lines = containerLog(*c, pod, *container, *cluster, nowMs);
        result.running = !container->frozen && container->finishedMs < 0;
    }
    result.cursor.run = run;
    if (after && after->run != run) {
        result.running = false;
        result.cursor = *after;
        return result;
    }

    size_t first = 0;
    if (after) {
        int atLast = 0;
        while (first < lines.size()
               && (lines[first].ms < after->lastMs
                   || (lines[first].ms == after->lastMs && atLast < after->sentAtLastMs))) {
            if (lines[first].ms == after->lastMs)
                ++atLast;
            ++first;
        }
    } else {
        // The kubelet finds the last tailLines lines, then skips those older than sinceSeconds.
        if (request.tailLines >= 0 && size_t(request.tailLines) < lines.size())
            first = lines.size() - size_t(request.tailLines);
        if (request.sinceMs >= 0)
            while (first < lines.size() && lines[first].ms < request.sinceMs)
                ++first;
    }
    for (size_t i = first; i < lines.size(); ++i) {
        const LogLine &line = lines[i];
        if (request.timestamps)
            result.body += QDateTime::fromMSecsSinceEpoch(line.ms, Qt::UTC)
                               .toString(u"yyyy-MM-ddTHH:mm:ss.zzz000000Z "_s)
                               .toLatin1();
        result.body += line.text.toUtf8() + '\n';
    }
    // Everything up to the last line is now behind the reader, sent or filtered out.
    if (!lines.empty()) {
        result.cursor.lastMs = lines.back().ms;
        result.cursor.sentAtLastMs
            = int(std::count_if(lines.begin(), lines.end(), [&](const LogLine &l) { return l.ms == lines.back().ms; }));
    } else if (after) {
        result.cursor.lastMs = after->lastMs;
        result.cursor.sentAtLastMs = after->sentAtLastMs;
    }
    if (request.limitBytes >= 0 && result.body.size() > request.limitBytes)
        result.body.truncate(qsizetype(request.limitBytes));
    return result;
}

} // namespace capstan::sandbox
