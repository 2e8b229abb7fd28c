#include "flink/pod.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace capstan {

const QString Pod::mainContainerName = QStringLiteral("flink-main-container");

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime time(const QJsonObject &o, const char *key)
{
    const QString text = str(o, key);
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// Few distinct values repeat across thousands of pods (phases, reasons, node, namespace and
// container names): one shared copy each keeps a session's pods small. Per thread, since pods are
// parsed on the backend thread (and in tests on the main one).
QString intern(const QString &s)
{
    if (s.isEmpty())
        return {};
    thread_local QSet<QString> pool;
    if (pool.size() > 20000)
        pool.clear(); // bounded: unusual values (messages) must not pile up
    const auto it = pool.constFind(s);
    if (it != pool.cend())
        return *it;
    pool.insert(s);
    return s;
}

} // namespace

bool ContainerState::isAbnormal() const
{
    return kind == Kind::Terminated && (reason != QLatin1String("Completed") || exitCode != 0);
}

ContainerState ContainerState::fromJson(const QJsonObject &state)
{
    ContainerState s;
    if (state.contains(QLatin1String("terminated"))) {
        const QJsonObject t = state.value(QLatin1String("terminated")).toObject();
        s.kind = Kind::Terminated;
        s.reason = intern(str(t, "reason"));
        s.message = str(t, "message");
        s.exitCode = t.value(QLatin1String("exitCode")).toInt();
        s.signal = t.value(QLatin1String("signal")).toInt();
        s.startedAt = time(t, "startedAt");
        s.finishedAt = time(t, "finishedAt");
    } else if (state.contains(QLatin1String("waiting"))) {
        const QJsonObject w = state.value(QLatin1String("waiting")).toObject();
        s.kind = Kind::Waiting;
        s.reason = intern(str(w, "reason"));
        s.message = str(w, "message");
    } else if (state.contains(QLatin1String("running"))) {
        s.kind = Kind::Running;
        s.startedAt = time(state.value(QLatin1String("running")).toObject(), "startedAt");
    }
    return s;
}

ContainerStatus ContainerStatus::fromJson(const QJsonObject &status, bool init)
{
    ContainerStatus c;
    c.name = intern(str(status, "name"));
    c.ready = status.value(QLatin1String("ready")).toBool();
    c.init = init;
    c.restartCount = status.value(QLatin1String("restartCount")).toInt();
    c.state = ContainerState::fromJson(status.value(QLatin1String("state")).toObject());
    c.lastState = ContainerState::fromJson(status.value(QLatin1String("lastState")).toObject());
    return c;
}

QString Pod::flinkPodSelector()
{
    return QStringLiteral("type in (flink-native-kubernetes,flink-standalone-kubernetes)");
}

QString Pod::deploymentKey() const
{
    return ns + QLatin1Char('/') + deployment;
}

const ContainerStatus *Pod::container(const QString &containerName) const
{
    for (const ContainerStatus &c : containers) {
        if (c.name == containerName)
            return &c;
    }
    for (const ContainerStatus &c : initContainers) {
        if (c.name == containerName)
            return &c;
    }
    return nullptr;
}

const ContainerStatus *Pod::mainContainer() const
{
    if (const ContainerStatus *main = container(mainContainerName); main && !main->init)
        return main;
    return containers.isEmpty() ? nullptr : &containers.first();
}

int Pod::restarts() const
{
    int n = 0;
    for (const ContainerStatus &c : containers)
        n += c.restartCount;
    return n;
}

QStringList Pod::containerNames() const
{
    QStringList names;
    for (const ContainerStatus &c : initContainers)
        names << c.name;
    for (const ContainerStatus &c : containers)
        names << c.name;
    return names;
}

Pod Pod::fromJson(const QJsonObject &object)
{
    Pod p;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    p.uid = str(metadata, "uid");
    p.name = str(metadata, "name");
    p.ns = intern(str(metadata, "namespace"));
    p.resourceVersion = str(metadata, "resourceVersion");
    p.created = time(metadata, "creationTimestamp");
    p.deletionTime = time(metadata, "deletionTimestamp");
    const QString component = str(labels, "component");
    p.component = component == QLatin1String("jobmanager") ? PodComponent::JobManager
        : component == QLatin1String("taskmanager")        ? PodComponent::TaskManager
                                                           : PodComponent::Other;
    p.deployment = intern(str(labels, "app"));
    p.standalone = str(labels, "type") == QLatin1String("flink-standalone-kubernetes");
    p.node = intern(str(spec, "nodeName"));
    p.phase = intern(str(status, "phase"));
    p.reason = intern(str(status, "reason"));
    p.message = str(status, "message");
    p.startTime = time(status, "startTime");
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject condition = value.toObject();
        const QString type = str(condition, "type");
        const bool isTrue = str(condition, "status") == QLatin1String("True");
        if (type == QLatin1String("Ready")) {
            p.ready = isTrue;
        } else if (type == QLatin1String("PodScheduled") && !isTrue) {
            p.unschedulableReason = intern(str(condition, "reason"));
            p.unschedulableMessage = str(condition, "message");
        }
    }
    const QJsonArray containers = status.value(QLatin1String("containerStatuses")).toArray();
    p.containers.reserve(containers.size());
    for (const QJsonValue &value : containers)
        p.containers.append(ContainerStatus::fromJson(value.toObject()));
    const QJsonArray inits = status.value(QLatin1String("initContainerStatuses")).toArray();
    p.initContainers.reserve(inits.size());
    for (const QJsonValue &value : inits)
        p.initContainers.append(ContainerStatus::fromJson(value.toObject(), true));
    return p;
}

PodProblem explainContainerState(const ContainerState &state, PodComponent component, const QString &container)
{
    PodProblem problem;
    problem.container = container;
    problem.reason = state.reason;
    const QString message = state.message.trimmed();
    const QString said = message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(message);
    if (state.isWaiting()) {
        const QString &r = state.reason;
        problem.severity = PodProblem::Severity::Error;
        if (r == QLatin1String("CrashLoopBackOff")) {
            problem.explanation = QCoreApplication::translate(
                "capstan::PodProblem",
                "CrashLoopBackOff: the container keeps exiting and Kubernetes waits longer before "
                "each restart — the previous container's log says why.");
        } else if (r == QLatin1String("ImagePullBackOff") || r == QLatin1String("ErrImagePull")) {
            problem.explanation = QCoreApplication::translate(
                                      "capstan::PodProblem",
                                      "%1: the image cannot be pulled%2 — check spec.image (name and tag) and the "
                                      "registry's imagePullSecrets.")
                                      .arg(r, said);
        } else if (r == QLatin1String("InvalidImageName")) {
            problem.explanation
                = QCoreApplication::translate("capstan::PodProblem",
                                              "InvalidImageName: spec.image is not a valid image reference%1.")
                      .arg(said);
        } else if (r == QLatin1String("CreateContainerConfigError")) {
            problem.explanation = QCoreApplication::translate(
                                      "capstan::PodProblem",
                                      "CreateContainerConfigError: a Secret or ConfigMap the container needs is "
                                      "missing%1 — create it or fix the pod template.")
                                      .arg(said);
        } else if (r == QLatin1String("CreateContainerError") || r == QLatin1String("RunContainerError")) {
            problem.explanation
                = QCoreApplication::translate("capstan::PodProblem", "%1: the container could not be started%2.")
                      .arg(r, said);
        } else if (r == QLatin1String("ContainerCreating") || r == QLatin1String("PodInitializing")) {
            problem.severity = PodProblem::Severity::Info;
            problem.explanation
                = QCoreApplication::translate("capstan::PodProblem", "%1: the container is being started.").arg(r);
        } else {
            problem.severity = PodProblem::Severity::Warning;
            problem.explanation = r.isEmpty()
                ? QCoreApplication::translate("capstan::PodProblem", "Waiting%1.").arg(said)
                : QCoreApplication::translate("capstan::PodProblem", "%1: waiting%2.").arg(r, said);
        }
        return problem;
    }
    if (!state.isTerminated() || !state.isAbnormal())
        return {};
    problem.severity = PodProblem::Severity::Error;
    problem.exitCode = state.exitCode;
    const QString code = QString::number(state.exitCode);
    if (state.reason == QLatin1String("OOMKilled")) {
        const QString raise = component == PodComponent::TaskManager ? QCoreApplication::translate(
                                  "capstan::PodProblem", "raise taskmanager memory (taskManager.resource.memory)")
            : component == PodComponent::JobManager
            ? QCoreApplication::translate("capstan::PodProblem", "raise jobmanager memory (jobManager.resource.memory)")
            : QCoreApplication::translate("capstan::PodProblem", "raise the container's memory limit");
        problem.explanation
            = QCoreApplication::translate("capstan::PodProblem",
                                          "OOMKilled (exit %1): the container exceeded its memory limit — %2.")
                  .arg(code, raise);
    } else if (state.exitCode == 137) {
        problem.explanation = QCoreApplication::translate(
                                  "capstan::PodProblem",
                                  "%1 (exit 137): the container was killed (SIGKILL) — by a failed liveness probe, "
                                  "the node running out of memory or a forced deletion.")
                                  .arg(state.reason.isEmpty() ? QStringLiteral("Killed") : state.reason);
    } else if (state.exitCode == 143) {
        problem.explanation = QCoreApplication::translate(
                                  "capstan::PodProblem",
                                  "%1 (exit 143): the container was stopped (SIGTERM), usually because its pod was "
                                  "deleted or replaced.")
                                  .arg(state.reason.isEmpty() ? QStringLiteral("Terminated") : state.reason);
        problem.severity = PodProblem::Severity::Warning;
    } else if (state.reason == QLatin1String("ContainerCannotRun") || state.reason == QLatin1String("StartError")) {
        problem.explanation = QCoreApplication::translate("capstan::PodProblem",
                                                          "%1 (exit %2): the container's command could not be run%3.")
                                  .arg(state.reason, code, said);
    } else {
        problem.explanation
            = QCoreApplication::translate("capstan::PodProblem",
                                          "%1 (exit %2): the process failed — its log (the previous container's, if it "
                                          "restarted) says why.")
                  .arg(state.reason.isEmpty() ? QStringLiteral("Error") : state.reason, code);
    }
    return problem;
}

PodProblem diagnosePod(const Pod &pod)
{
    PodProblem problem;
    if (pod.reason == QLatin1String("Evicted")) {
        problem.severity = PodProblem::Severity::Error;
        problem.reason = pod.reason;
        problem.explanation
            = QCoreApplication::translate("capstan::PodProblem",
                                          "Evicted: the node ran short of resources and removed the pod%1 — give the "
                                          "containers resource requests that match their use.")
                  .arg(pod.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(pod.message));
        return problem;
    }
    if (!pod.unschedulableReason.isEmpty()) {
        problem.severity = PodProblem::Severity::Error;
        problem.reason = pod.unschedulableReason;
        problem.explanation
            = QCoreApplication::translate(
                  "capstan::PodProblem",
                  "%1: no node can run the pod%2 — lower its CPU or memory request, or add nodes "
                  "that fit its node selector and tolerations.")
                  .arg(pod.unschedulableReason,
                       pod.unschedulableMessage.isEmpty() ? QString()
                                                          : QStringLiteral(" (%1)").arg(pod.unschedulableMessage));
        return problem;
    }
    // Init containers first: the main container waits for them.
    QList<PodProblem> found;
    const ContainerStatus *main = pod.mainContainer();
    auto consider = [&](const ContainerStatus &c) {
        PodProblem now = explainContainerState(c.state, pod.component, c.name);
        if (now.isNull() || now.severity == PodProblem::Severity::Info) {
            PodProblem last = explainContainerState(c.lastState, pod.component, c.name);
            if (!last.isNull() && c.state.isRunning())
                last.severity = PodProblem::Severity::Warning; // it died once and runs again
            if (!last.isNull())
                now = last;
        }
        if (!now.isNull())
            found.append(now);
    };
    for (const ContainerStatus &c : pod.initContainers)
        consider(c);
    if (main)
        consider(*main);
    for (const ContainerStatus &c : pod.containers) {
        if (&c != main)
            consider(c);
    }
    for (const PodProblem &p : std::as_const(found)) {
        if (problem.isNull() || p.severity > problem.severity)
            problem = p;
    }
    return problem;
}

QString logFailureCause(const QStringList &lines)
{
    // "Caused by: java.lang.ClassNotFoundException: com.example.Main" — the last one is the root of a
    // Java stack trace; otherwise the last line naming an exception or error class.
    static const QRegularExpression exception(QStringLiteral(
        R"((?:^|[\s:])((?:[a-zA-Z_$][\w$]*\.)+([A-Z][\w$]*(?:Exception|Error|Throwable)))(?::\s*(.*))?$)"));
    QString fallback;
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QString line = lines.at(i).trimmed();
        if (line.startsWith(QLatin1String("at ")) || line.startsWith(QLatin1String("...")))
            continue;
        const qsizetype causedBy = line.indexOf(QLatin1String("Caused by: "));
        const QString text = causedBy >= 0 ? line.mid(causedBy + 11) : line;
        const QRegularExpressionMatch match = exception.match(text);
        if (!match.hasMatch())
            continue;
        const QString message = match.captured(3).trimmed();
        const QString cause = message.isEmpty() ? match.captured(2) : match.captured(2) + QLatin1String(": ") + message;
        if (causedBy >= 0)
            return cause;
        if (fallback.isEmpty())
            fallback = cause;
    }
    return fallback;
}

} // namespace capstan
