#include "sandbox/flinklogs.h"

#include "sandbox/flinkjobmodel.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kMaxSubtasksLogged = 4; // per vertex: a parallelism of 200 must not write 200 lines per restart

const QString kEntrypoint = u"org.apache.flink.runtime.entrypoint.ClusterEntrypoint"_s;
const QString kConfiguration = u"org.apache.flink.configuration.GlobalConfiguration"_s;
const QString kRpcUtils = u"org.apache.flink.runtime.rpc.pekko.PekkoRpcServiceUtils"_s;
const QString kRestEndpoint = u"org.apache.flink.runtime.jobmaster.MiniDispatcherRestEndpoint"_s;
const QString kResourceManager = u"org.apache.flink.runtime.resourcemanager.active.ActiveResourceManager"_s;
const QString kDriver = u"org.apache.flink.kubernetes.KubernetesResourceManagerDriver"_s;
const QString kDispatcher = u"org.apache.flink.runtime.dispatcher.StandaloneDispatcher"_s;
const QString kJobMaster = u"org.apache.flink.runtime.jobmaster.JobMaster"_s;
const QString kExecutionGraph = u"org.apache.flink.runtime.executiongraph.ExecutionGraph"_s;
const QString kCoordinator = u"org.apache.flink.runtime.checkpoint.CheckpointCoordinator"_s;
const QString kFailover = u"org.apache.flink.runtime.executiongraph.failover.RestartPipelinedRegionFailoverStrategy"_s;
const QString kTaskRunner = u"org.apache.flink.kubernetes.taskmanager.KubernetesTaskExecutorRunner"_s;
const QString kTaskManagerRunner = u"org.apache.flink.runtime.taskexecutor.TaskManagerRunner"_s;
const QString kTaskExecutor = u"org.apache.flink.runtime.taskexecutor.TaskExecutor"_s;
const QString kTask = u"org.apache.flink.runtime.taskmanager.Task"_s;

QString hexOf(const QString &seed, int digits)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex().left(digits));
}

QString uuidOf(const QString &seed)
{
    const QString h = hexOf(seed, 32);
    return u"%1-%2-%3-%4-%5"_s.arg(h.left(8), h.mid(8, 4), h.mid(12, 4), h.mid(16, 4), h.mid(20, 12));
}

QString memoryText(qint64 bytes)
{
    return u"%1 mb (%2 bytes)"_s.arg(bytes / (1024 * 1024)).arg(bytes);
}

struct Writer
{
    std::vector<LogLine> *out;
    qint64 limitMs; // nothing after this
    void operator()(qint64 ms, const char *level, const QString &logger, const QString &message) const
    {
        if (ms <= limitMs)
            FlinkLogs::append(out, ms, level, logger, message);
    }
};

void banner(const Writer &w, qint64 at, const QString &logger, const QString &what, const FlinkJobModel &cluster,
            qint64 heapBytes)
{
    const QString rule(80, u'-');
    const QString version = cluster.settings().flinkVersion;
    w(at, "INFO", logger, rule);
    w(at, "INFO", logger,
      u" Starting %1 (Version: %2, Scala: 2.12, Rev:7a4f1b5, Date:2025-02-10T15:13:05+01:00)"_s.arg(what, version));
    w(at, "INFO", logger, u" OS current user: flink"_s);
    w(at, "INFO", logger, u" Current Hadoop/Kerberos user: <no hadoop dependency found>"_s);
    w(at, "INFO", logger, u" JVM: OpenJDK 64-Bit Server VM - Eclipse Adoptium - 17/17.0.13+11"_s);
    w(at, "INFO", logger, u" Arch: amd64"_s);
    w(at, "INFO", logger, u" Maximum heap size: %1 MiBytes"_s.arg(heapBytes / (1024 * 1024)));
    w(at, "INFO", logger, u" JAVA_HOME: /opt/java/openjdk"_s);
    w(at, "INFO", logger, u" No Hadoop Dependency available"_s);
    w(at, "INFO", logger, u" JVM Options:"_s);
    w(at, "INFO", logger, u"    -Xmx%1"_s.arg(heapBytes));
    w(at, "INFO", logger, u"    -Xms%1"_s.arg(heapBytes));
    w(at, "INFO", logger, u"    -Dlog4j.configuration=file:/opt/flink/conf/log4j-console.properties"_s);
    w(at, "INFO", logger, u"    -Dlog4j.configurationFile=file:/opt/flink/conf/log4j-console.properties"_s);
    w(at, "INFO", logger, u" Program Arguments: (none)"_s);
    w(at, "INFO", logger,
      u" Classpath: /opt/flink/lib/flink-dist-%1.jar:/opt/flink/lib/log4j-core-2.24.1.jar"_s.arg(version));
    w(at, "INFO", logger, rule);
}

void configuration(const Writer &w, qint64 at, const ContainerLogInput &in, const FlinkJobModel &cluster)
{
    const JobSettings &s = cluster.settings();
    const auto property = [&](const QString &key, const QString &value) {
        const bool secret = key.contains(u"password"_s, Qt::CaseInsensitive)
            || key.contains(u"secret"_s, Qt::CaseInsensitive) || key.contains(u"token"_s, Qt::CaseInsensitive);
        w(at, "INFO", kConfiguration,
          u"Loading configuration property: %1, %2"_s.arg(key, secret ? u"******"_s : value));
    };
    property(u"blob.server.port"_s, u"6124"_s);
    property(u"kubernetes.jobmanager.annotations"_s, u"flinkdeployment.flink.apache.org/generation:1"_s);
    property(u"kubernetes.cluster-id"_s, in.deployment);
    property(u"kubernetes.namespace"_s, in.ns);
    property(u"jobmanager.rpc.address"_s, u"%1.%2"_s.arg(in.deployment, in.ns));
    property(u"jobmanager.rpc.port"_s, u"6123"_s);
    property(u"taskmanager.rpc.port"_s, u"6122"_s);
    property(u"taskmanager.numberOfTaskSlots"_s, QString::number(s.taskSlots));
    property(u"parallelism.default"_s, QString::number(s.parallelism));
    int shown = 0;
    for (auto it = s.flinkConfiguration.begin(); it != s.flinkConfiguration.end() && shown < 24; ++it, ++shown) {
        const QJsonValue v = it.value();
        property(it.key(), v.isString() ? v.toString() : QString::number(v.toDouble()));
    }
}

QString attemptId(const FlinkJobModel &cluster, int vertex, int subtask, int attempt)
{
    return hexOf(u"%1/%2/%3/%4"_s.arg(cluster.jobId()).arg(vertex).arg(subtask).arg(attempt), 32) + u'_'
        + hexOf(cluster.vertices().at(vertex).id, 32) + u'_' + QString::number(subtask) + u'_'
        + QString::number(attempt);
}

QString taskName(const FlinkJobModel &cluster, int vertex, int subtask, int attempt)
{
    return u"%1 (%2/%3)#%4"_s.arg(cluster.vertices().at(vertex).name)
        .arg(subtask + 1)
        .arg(cluster.settings().parallelism)
        .arg(attempt);
}

// When the job (re)started running: its first start and the end of each restart.
std::vector<qint64> runningStarts(const FlinkJobModel &cluster, qint64 fromMs)
{
    std::vector<qint64> starts;
    const qint64 first = cluster.readyAtMs() + FlinkJobModel::createdToRunningMs();
    if (first >= fromMs)
        starts.push_back(first);
    for (const JobExceptionRecord &e : cluster.exceptions()) {
        const qint64 t = e.timestampMs + FlinkJobModel::restartDelayMs();
        if (e.timestampMs >= fromMs)
            starts.push_back(t);
    }
    std::sort(starts.begin(), starts.end());
    return starts;
}

// The restart attempt number a start at `ms` belongs to (0 for the first run).
int attemptAt(const FlinkJobModel &cluster, qint64 ms)
{
    int attempt = 0;
    const int known = int(cluster.exceptions().size());
    const int before = cluster.numRestarts() - known; // restarts older than the kept history
    for (const JobExceptionRecord &e : cluster.exceptions())
        if (e.timestampMs < ms)
            ++attempt;
    return std::max(0, before) + attempt;
}

} // namespace

void FlinkLogs::append(std::vector<LogLine> *out, qint64 ms, const char *level, const QString &logger,
                       const QString &message)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss,zzz"_s);
    const QStringList lines = message.split(u'\n');
    bool first = true;
    for (const QString &line : lines) {
        if (first) {
            out->push_back({ms,
                            u"%1 %2 %3 [] - %4"_s.arg(time, QString::fromLatin1(level).leftJustified(5),
                                                      logger.leftJustified(60), line)});
            first = false;
        } else if (!line.isEmpty()) {
            out->push_back({ms, line});
        }
    }
}

std::vector<LogLine> FlinkLogs::jobManager(const FlinkJobModel &cluster, const ContainerLogInput &in, qint64 nowMs)
{
    std::vector<LogLine> lines;
    const qint64 limit = in.endMs >= 0 ? std::min(nowMs, in.endMs) : nowMs;
    const Writer w{&lines, limit};
    const JobSettings &s = cluster.settings();
    const qint64 start = in.startMs;
    const qint64 ready = std::max(cluster.readyAtMs(), start + 3000);
    const QString entrypoint
        = s.session ? u"KubernetesSessionClusterEntrypoint"_s : u"KubernetesApplicationClusterEntrypoint"_s;
    banner(w, start, kEntrypoint, entrypoint, cluster, 1024LL * 1024 * 1024);
    configuration(w, start + 150, in, cluster);
    w(start + 600, "INFO", kEntrypoint, u"Starting %1."_s.arg(entrypoint));
    w(start + 610, "INFO", kEntrypoint, u"Install default filesystem."_s);
    w(start + 620, "INFO", kEntrypoint, u"Install security context."_s);
    w(start + 700, "INFO", kEntrypoint, u"Initializing cluster services."_s);
    w(start + 710, "INFO", kRpcUtils,
      u"Trying to start actor system, external address %1:6123, bind address 0.0.0.0:6123."_s.arg(in.podIp));
    w(start + 1400, "INFO", kRpcUtils, u"Actor system started at pekko.tcp://flink@%1:6123"_s.arg(in.podIp));
    w(ready - 1500, "INFO", kRestEndpoint, u"Starting rest endpoint."_s);
    w(ready - 800, "INFO", kRestEndpoint, u"Rest endpoint listening at %1:8081"_s.arg(in.podIp));
    w(ready - 790, "INFO", kRestEndpoint, u"Web frontend listening at http://%1:8081."_s.arg(in.podIp));
    w(ready - 780, "INFO", kRestEndpoint,
      u"http://%1:8081 was granted leadership with leaderSessionID=%2"_s.arg(in.podIp,
                                                                             uuidOf(in.podName + u"/rest"_s)));
    w(ready - 600, "INFO", kResourceManager, u"Starting the resource manager."_s);
    w(ready - 590, "INFO", kDriver, u"Recovered 0 pods from previous attempts, current attempt id is 1."_s);
    w(ready - 400, "INFO", u"org.apache.flink.runtime.resourcemanager.slotmanager.FineGrainedSlotManager"_s,
      u"Starting the slot manager."_s);

    const qint64 tmMemory = s.taskManagerMemoryBytes;
    int pending = 0;
    for (const WorkerRecord &worker : in.workers) {
        if (worker.createdMs < start)
            continue;
        ++pending;
        w(worker.createdMs - 20, "INFO", kResourceManager,
          u"Requesting new worker with resource spec WorkerResourceSpec {cpuCores=%1, taskHeapSize=%2, "
          u"taskOffHeapSize=0 bytes, networkMemSize=%3, managedMemSize=%4, numSlots=%5}, current pending count: %6."_s
              .arg(s.taskManagerCpu)
              .arg(memoryText(tmMemory * 38 / 100), memoryText(tmMemory / 10), memoryText(tmMemory * 4 / 10))
              .arg(s.taskSlots)
              .arg(pending));
        w(worker.createdMs, "INFO", kDriver,
          u"Creating new TaskManager pod with name %1 and resource <%2,%3>."_s.arg(worker.podName)
              .arg(tmMemory / (1024 * 1024))
              .arg(s.taskManagerCpu));
        w(worker.createdMs + 30, "INFO", kDriver, u"Pod %1 is created."_s.arg(worker.podName));
        w(worker.createdMs + 40, "INFO", kDriver, u"Received new TaskManager pod: %1"_s.arg(worker.podName));
        if (worker.startedMs >= 0) {
            w(worker.startedMs + 1500, "INFO", kResourceManager,
              u"Registering TaskManager with ResourceID %1 (pekko.tcp://flink@%2:6122/user/rpc/taskmanager_0) at "
              u"ResourceManager"_s.arg(worker.podName, worker.podIp));
            --pending;
        }
        if (worker.terminatedMs >= 0) {
            w(worker.terminatedMs, "INFO", kResourceManager,
              u"Worker %1 is terminated. Diagnostics: %2"_s.arg(worker.podName, worker.diagnostics));
            w(worker.terminatedMs + 5, "INFO", kResourceManager,
              u"Closing TaskExecutor connection %1 because: %2"_s.arg(worker.podName, worker.diagnostics));
        }
    }

    if (!s.session && cluster.hasJob()) {
        const QString job = u"%1 (%2)"_s.arg(cluster.jobName(), cluster.jobId());
        w(ready, "INFO", u"org.apache.flink.client.deployment.application.executors.EmbeddedExecutor"_s,
          u"Job %1 is submitted."_s.arg(cluster.jobId()));
        w(ready, "INFO", u"org.apache.flink.client.deployment.application.executors.EmbeddedExecutor"_s,
          u"Submitting Job with JobId=%1."_s.arg(cluster.jobId()));
        w(ready + 5, "INFO", kDispatcher,
          u"Received JobGraph submission '%1' (%2)."_s.arg(cluster.jobName(), cluster.jobId()));
        w(ready + 10, "INFO", kDispatcher, u"Submitting job '%1' (%2)."_s.arg(cluster.jobName(), cluster.jobId()));
        w(ready + 40, "INFO", kJobMaster, u"Initializing job '%1' (%2)."_s.arg(cluster.jobName(), cluster.jobId()));
        w(ready + 50, "INFO", kJobMaster,
          u"Using restart back off time strategy FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts="
          u"2147483647, backoffTimeMS=%1) for %2."_s.arg(FlinkJobModel::restartDelayMs())
              .arg(job));
        if (const auto restored = cluster.restoredFrom()) {
            w(ready + 80, "INFO", kCoordinator,
              u"Restoring job %1 from %2 %3 @ %4 for %1 located at %5."_s
                  .arg(cluster.jobId(), restored->savepoint ? u"Savepoint"_s : u"Checkpoint"_s)
                  .arg(restored->id)
                  .arg(restored->ackMs)
                  .arg(restored->externalPath));
        } else if (s.checkpointIntervalMs > 0) {
            w(ready + 80, "INFO", kCoordinator, u"No checkpoint found during restore."_s);
        }
        w(ready + 90, "INFO", kJobMaster,
          u"Starting execution of job '%1' (%2) under job master id %3."_s.arg(cluster.jobName(), cluster.jobId(),
                                                                               hexOf(cluster.jobId(), 32)));
        w(ready + 100, "INFO", kExecutionGraph, u"Job %1 switched from state CREATED to RUNNING."_s.arg(job));

        const int parallelism = std::max(1, s.parallelism);
        const int slotCount = std::max(1, s.taskSlots);
        const QList<FlinkJobModel::Vertex> vertices = cluster.vertices();
        for (const qint64 run : runningStarts(cluster, start)) {
            const int attempt = attemptAt(cluster, run);
            if (run > ready + FlinkJobModel::createdToRunningMs())
                w(run - 1, "INFO", kExecutionGraph, u"Job %1 switched from state RESTARTING to RUNNING."_s.arg(job));
            for (int v = 0; v < vertices.size(); ++v) {
                for (int i = 0; i < std::min(parallelism, kMaxSubtasksLogged); ++i) {
                    const QString task = taskName(cluster, v, i, attempt);
                    const QString id = attemptId(cluster, v, i, attempt);
                    const QString tm = cluster.taskManagerId(i / slotCount);
                    w(run, "INFO", kExecutionGraph, u"%1 (%2) switched from SCHEDULED to DEPLOYING."_s.arg(task, id));
                    w(run + 1, "INFO", u"org.apache.flink.runtime.executiongraph.Execution"_s,
                      u"Deploying %1 (attempt #%2) with attempt id %3 and vertex id %4_%5 to %6 @ %6 "
                      u"(dataPort=6121) with allocation id %7"_s.arg(task)
                          .arg(attempt)
                          .arg(id, vertices.at(v).id)
                          .arg(i)
                          .arg(tm, hexOf(tm + QString::number(i), 32)));
                    w(run + 400, "INFO", kExecutionGraph,
                      u"%1 (%2) switched from INITIALIZING to RUNNING."_s.arg(task, id));
                }
            }
        }
        for (const CheckpointRecord &c : cluster.checkpointHistory()) {
            if (c.triggerMs < start)
                continue;
            const QString type = c.savepoint
                ? u"SavepointType{name='Savepoint', postCheckpointAction=NONE, formatType=CANONICAL}"_s
                : u"CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}"_s;
            w(c.triggerMs, "INFO", kCoordinator,
              u"Triggering %1 %2 (type=%3) @ %4 for job %5."_s.arg(c.savepoint ? u"savepoint"_s : u"checkpoint"_s)
                  .arg(c.id)
                  .arg(type)
                  .arg(c.triggerMs)
                  .arg(cluster.jobId()));
            w(c.ackMs, "INFO", kCoordinator,
              u"Completed checkpoint %1 for job %2 (%3 bytes, checkpointDuration=%4 ms, finalizationTime=2 ms)."_s
                  .arg(c.id)
                  .arg(cluster.jobId())
                  .arg(c.stateSize)
                  .arg(c.ackMs - c.triggerMs));
        }
        for (const JobExceptionRecord &e : cluster.exceptions()) {
            if (e.timestampMs < start)
                continue;
            const bool lostTaskManager = e.exceptionName.startsWith(u"org.apache.flink.runtime.jobmaster"_s);
            const int attempt = attemptAt(cluster, e.timestampMs);
            const QString id = attemptId(cluster, lostTaskManager ? 0 : 1, 0, attempt);
            w(e.timestampMs, "INFO", kExecutionGraph,
              u"%1 (%2) switched from %3 to FAILED on %4 @ %5 (dataPort=6121)."_s.arg(
                  e.taskName, id, lostTaskManager ? u"RUNNING"_s : u"INITIALIZING"_s, e.taskManagerId,
                  e.endpoint.section(u':', 0, 0))
                  + u'\n' + e.stacktrace.trimmed());
            w(e.timestampMs + 2, "INFO", kFailover,
              u"Calculating tasks to restart to recover the failed task %1_0."_s.arg(
                  cluster.vertices().at(lostTaskManager ? 0 : 1).id));
            w(e.timestampMs + 3, "INFO", kFailover,
              u"%1 tasks will be restarted to recover the failed task %2_0."_s.arg(parallelism * 2)
                  .arg(cluster.vertices().at(lostTaskManager ? 0 : 1).id));
            w(e.timestampMs + 4, "INFO", kExecutionGraph,
              u"Job %1 switched from state RUNNING to RESTARTING."_s.arg(job));
        }
    }
    if (in.endMs >= 0 && !in.killed) {
        w(in.endMs, "INFO", kEntrypoint, u"RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested."_s);
        w(in.endMs, "INFO", kEntrypoint,
          u"Shutting %1 down with application status UNKNOWN. Diagnostics Cluster entrypoint has been closed "
          u"externally.."_s.arg(entrypoint));
        w(in.endMs, "INFO", kRestEndpoint, u"Shutting down rest endpoint."_s);
    }
    std::stable_sort(lines.begin(), lines.end(), [](const LogLine &a, const LogLine &b) { return a.ms < b.ms; });
    return lines;
}

std::vector<LogLine> FlinkLogs::crashingJobManager(const FlinkJobModel &cluster, const ContainerLogInput &in,
                                                   qint64 nowMs)
{
    std::vector<LogLine> lines;
    const qint64 end = in.startMs + crashAfterMs();
    const Writer w{&lines, std::min(nowMs, end)};
    const qint64 start = in.startMs;
    const QString version = cluster.settings().flinkVersion;
    const QString jar = u"~[flink-dist-%1.jar:%1]"_s.arg(version);
    const QString entrypoint = u"KubernetesApplicationClusterEntrypoint"_s;
    banner(w, start, kEntrypoint, entrypoint, cluster, 1024LL * 1024 * 1024);
    configuration(w, start + 150, in, cluster);
    w(start + 600, "INFO", kEntrypoint, u"Starting %1."_s.arg(entrypoint));
    w(start + 610, "INFO", kEntrypoint, u"Install default filesystem."_s);
    w(start + 620, "INFO", kEntrypoint, u"Install security context."_s);
    const QString cls = in.entryClass;
    const QString trace
        = u"Could not start cluster entrypoint %1.\n"
          u"org.apache.flink.runtime.entrypoint.ClusterEntrypointException: Failed to initialize the cluster "
          u"entrypoint %1.\n"
          u"\tat org.apache.flink.runtime.entrypoint.ClusterEntrypoint.startCluster(ClusterEntrypoint.java:259) %2\n"
          u"\tat org.apache.flink.runtime.entrypoint.ClusterEntrypoint.runClusterEntrypoint(ClusterEntrypoint.java:"
          u"739) %2\n"
          u"\tat org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint.main("
          u"KubernetesApplicationClusterEntrypoint.java:86) %2\n"
          u"Caused by: org.apache.flink.util.FlinkException: Could not load the provided entrypoint class.\n"
          u"\tat org.apache.flink.client.program.DefaultPackagedProgramRetriever.getPackagedProgram("
          u"DefaultPackagedProgramRetriever.java:215) %2\n"
          u"\tat org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint.getPackagedProgram("
          u"KubernetesApplicationClusterEntrypoint.java:130) %2\n"
          u"\tat org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint.main("
          u"KubernetesApplicationClusterEntrypoint.java:76) %2\n"
          u"Caused by: org.apache.flink.client.program.ProgramInvocationException: The program's entry point class "
          u"'%3' was not found in the jar file.\n"
          u"\tat org.apache.flink.client.program.PackagedProgram.loadMainClass(PackagedProgram.java:481) %2\n"
          u"\tat org.apache.flink.client.program.PackagedProgram.<init>(PackagedProgram.java:153) %2\n"
          u"\tat org.apache.flink.client.program.PackagedProgram.<init>(PackagedProgram.java:65) %2\n"
          u"\tat org.apache.flink.client.program.PackagedProgram$Builder.build(PackagedProgram.java:691) %2\n"
          u"\tat org.apache.flink.client.program.DefaultPackagedProgramRetriever.getPackagedProgram("
          u"DefaultPackagedProgramRetriever.java:213) %2\n"
          u"\t... 2 more\n"
          u"Caused by: java.lang.ClassNotFoundException: %3\n"
          u"\tat java.net.URLClassLoader.findClass(Unknown Source) ~[?:?]\n"
          u"\tat java.lang.ClassLoader.loadClass(Unknown Source) ~[?:?]\n"
          u"\tat org.apache.flink.util.FlinkUserCodeClassLoader.loadClassWithoutExceptionHandling("
          u"FlinkUserCodeClassLoader.java:67) %2\n"
          u"\tat org.apache.flink.util.ChildFirstClassLoader.loadClassWithoutExceptionHandling("
          u"ChildFirstClassLoader.java:74) %2\n"
          u"\tat org.apache.flink.util.FlinkUserCodeClassLoader.loadClass(FlinkUserCodeClassLoader.java:51) %2\n"
          u"\tat java.lang.ClassLoader.loadClass(Unknown Source) ~[?:?]\n"
          u"\tat java.lang.Class.forName0(Native Method) ~[?:?]\n"
          u"\tat java.lang.Class.forName(Unknown Source) ~[?:?]\n"
          u"\tat org.apache.flink.client.program.PackagedProgram.loadMainClass(PackagedProgram.java:472) %2\n"
          u"\t... 6 more"_s.arg(entrypoint, jar, cls);
    w(end - 200, "ERROR", kEntrypoint, trace);
    w(end - 100, "INFO", kEntrypoint,
      u"Shutting %1 down with application status FAILED. Diagnostics java.lang.ClassNotFoundException: %2."_s.arg(
          entrypoint, cls));
    return lines;
}

std::vector<LogLine> FlinkLogs::taskManager(const FlinkJobModel &cluster, const ContainerLogInput &in, qint64 nowMs)
{
    std::vector<LogLine> lines;
    const qint64 limit = in.endMs >= 0 ? std::min(nowMs, in.endMs) : nowMs;
    const Writer w{&lines, limit};
    const JobSettings &s = cluster.settings();
    const qint64 start = in.startMs;
    const qint64 heap = s.taskManagerMemoryBytes * 38 / 100;
    banner(w, start, kTaskRunner, u"Kubernetes TaskExecutor runner"_s, cluster, heap);
    configuration(w, start + 150, in, cluster);
    w(start + 700, "INFO", kRpcUtils,
      u"Trying to start actor system, external address %1:6122, bind address 0.0.0.0:6122."_s.arg(in.podIp));
    w(start + 1100, "INFO", kRpcUtils, u"Actor system started at pekko.tcp://flink@%1:6122"_s.arg(in.podIp));
    w(start + 1200, "INFO", kTaskManagerRunner, u"Starting TaskManager with ResourceID: %1"_s.arg(in.podName));
    w(start + 1210, "INFO", kTaskManagerRunner,
      u"Using working directory: WorkingDirectory(/tmp/tm_%1)"_s.arg(in.podName));
    const QString rm = u"pekko.tcp://flink@%1.%2:6123/user/rpc/resourcemanager_0"_s.arg(in.deployment, in.ns);
    w(start + 1400, "INFO", kTaskExecutor, u"Connecting to ResourceManager %1(%2)."_s.arg(rm, hexOf(rm, 32)));
    const qint64 registered = start + 1500;
    w(registered, "INFO", kTaskExecutor,
      u"Successful registration at resource manager %1 under registration id %2."_s.arg(
          rm, hexOf(in.podName + u"/registration"_s, 32)));

    if (cluster.hasJob()) {
        const int parallelism = std::max(1, s.parallelism);
        const int slotCount = std::max(1, s.taskSlots);
        QList<int> own;
        for (int i = 0; i < parallelism; ++i)
            if (i / slotCount == in.slotIndex)
                own.append(i);
        const QList<FlinkJobModel::Vertex> vertices = cluster.vertices();
        for (qint64 run : runningStarts(cluster, start)) {
            run = std::max(run, registered + 100);
            const int attempt = attemptAt(cluster, run);
            for (int v = 0; v < vertices.size(); ++v) {
                for (int n = 0; n < std::min<int>(int(own.size()), kMaxSubtasksLogged); ++n) {
                    const int i = own.at(n);
                    const QString task = taskName(cluster, v, i, attempt);
                    const QString id = attemptId(cluster, v, i, attempt);
                    w(run + 2, "INFO", kTaskExecutor,
                      u"Received task %1 (%2), deploy into slot with allocation id %3."_s.arg(
                          task, id, hexOf(in.podName + QString::number(i), 32)));
                    w(run + 3, "INFO", kTask, u"%1 (%2) switched from CREATED to DEPLOYING."_s.arg(task, id));
                    w(run + 5, "INFO", kTask, u"%1 (%2) switched from DEPLOYING to INITIALIZING."_s.arg(task, id));
                    w(run + 399, "INFO", kTask, u"%1 (%2) switched from INITIALIZING to RUNNING."_s.arg(task, id));
                }
            }
        }
        for (const JobExceptionRecord &e : cluster.exceptions()) {
            if (e.timestampMs < registered)
                continue;
            const int attempt = attemptAt(cluster, e.timestampMs);
            const bool mine = e.taskManagerId == in.podName;
            if (mine && !e.exceptionName.startsWith(u"org.apache.flink.runtime.jobmaster"_s)) {
                const QString id = attemptId(cluster, 1, 0, attempt);
                w(e.timestampMs - 1, "WARN", kTask,
                  u"%1 (%2) switched from INITIALIZING to FAILED with failure cause:\n%3"_s.arg(
                      e.taskName, id, e.stacktrace.trimmed()));
                w(e.timestampMs, "INFO", kTask, u"Freeing task resources for %1 (%2)."_s.arg(e.taskName, id));
            }
            for (int n = 0; n < std::min<int>(int(own.size()), kMaxSubtasksLogged); ++n) {
                const QString task = taskName(cluster, 0, own.at(n), attempt);
                const QString id = attemptId(cluster, 0, own.at(n), attempt);
                w(e.timestampMs + 10, "INFO", kTask, u"Attempting to cancel task %1 (%2)."_s.arg(task, id));
                w(e.timestampMs + 11, "INFO", kTask, u"%1 (%2) switched from RUNNING to CANCELING."_s.arg(task, id));
                w(e.timestampMs + 30, "INFO", kTask, u"%1 (%2) switched from CANCELING to CANCELED."_s.arg(task, id));
            }
        }
    }
    if (in.endMs >= 0 && !in.killed) {
        w(in.endMs, "INFO", kTaskRunner, u"RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested."_s);
        w(in.endMs, "INFO", kTaskExecutor,
          u"Stopping TaskExecutor pekko.tcp://flink@%1:6122/user/rpc/taskmanager_0."_s.arg(in.podIp));
    }
    std::stable_sort(lines.begin(), lines.end(), [](const LogLine &a, const LogLine &b) { return a.ms < b.ms; });
    return lines;
}

std::vector<LogLine> FlinkLogs::sidecar(const QString &container, const ContainerLogInput &in, qint64 nowMs)
{
    std::vector<LogLine> lines;
    const qint64 limit = in.endMs >= 0 ? std::min(nowMs, in.endMs) : nowMs;
    const auto line = [&](qint64 ms, const QString &text) {
        if (ms <= limit)
            lines.push_back(
                {ms,
                 QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) + u' ' + text});
    };
    line(in.startMs, u"[info] %1 starting in pod %2"_s.arg(container, in.podName));
    line(in.startMs + 300, u"[info] %1 tailing /opt/flink/log/*.log"_s.arg(container));
    return lines;
}

} // namespace capstan::sandbox
