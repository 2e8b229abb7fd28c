#pragma once

#include "flink/autoscalerconfig.h"
#include "flink/autoscalerstate.h"
#include "flink/clusterevent.h"
#include "flink/jobgraph.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <limits>

namespace capstan {

// What the operator's autoscaler did and why, gathered for people from its ConfigMap (AutoscalerState),
// its Events and the job's plan (vertex names): the Autoscaler tab shows it. Built anew on each change; a
// value type. Texts are translated (AutoscalerReport context).
struct AutoscalerReport
{
    // One vertex of the job as the autoscaler sees it. NaN where the autoscaler has no figure yet.
    struct Vertex
    {
        QString id;
        QString name; // from the plan; the id when the plan is not known
        int parallelism = -1; // the job's current parallelism (plan, else the last metric window)
        int recommended = -1; // the autoscaler's override, or its advisory recommendation; -1: none
        int maxParallelism = -1; // key groups or the source's partitions, as the autoscaler bounds by
        int autoscalerLimit = -1; // job.autoscaler.vertex.max-parallelism when it bounds lower; -1: it does not
        double load = std::numeric_limits<double>::quiet_NaN(); // busy-time ratio, window average
        double trueProcessingRate = std::numeric_limits<double>::quiet_NaN(); // records/s at full load
        double targetDataRate = std::numeric_limits<double>::quiet_NaN(); // records/s it must keep up with
        double lag = std::numeric_limits<double>::quiet_NaN(); // records pending at the sources
        bool source = false;
        QString note; // a held-back scale-down, a limit hit: one sentence
    };

    // One entry of the decision timeline, newest first in `timeline`.
    struct Decision
    {
        enum class Kind {
            ScaledUp, // applied (scalingHistory, or a ScalingReport with execution enabled)
            ScaledDown,
            Recommended, // advisory mode: reported, not applied
            Limited, // ScalingLimited: held below what the load needs
            Ineffective, // IneffectiveScaling: a scale-up that did not raise the processing rate
            Blocked, // ScalingVetoed, ResourceQuotaReached, MemoryPressure
            Error, // AutoscalerError
            MemoryTuning,
            Reset, // spec.job.autoscalerResetNonce changed (a SpecChanged Event): everything before is gone
            Other, // another autoscaler Event
        };
        QDateTime time;
        Kind kind = Kind::Other;
        QString title; // "orders-enrichment → Window(…): 1 → 2"
        QString why; // the explanation, whole sentences
        QString source; // where it comes from: "ConfigMap and Event", "Event ScalingLimited", …
        bool warning = false;
    };

    // A past scaling's cost: from its decision until the job ran again.
    struct Restart
    {
        QDateTime scaledAt;
        qint64 restartMs = -1; // -1: still restarting, or not recorded
    };

    AutoscalerConfig::Mode mode = AutoscalerConfig::Mode::Off;
    bool excludedNow = false; // inside an excluded period
    QString modeText; // "Active: scales the job when …"
    QString stateNote; // "No metrics collected yet: …" and similar, or empty
    QList<Vertex> vertices; // in the plan's order, then vertices the plan does not know
    QList<Decision> timeline; // newest first
    QList<Restart> restarts; // newest first
    QStringList memoryProposals; // "taskmanager.memory.managed.size: 512 mb", "removes …"
    QStringList unreadable; // ConfigMap keys that could not be read, with the reason
    QStringList warnings; // readable but partly ignored content

    // Reasons of the Events the operator's autoscaler records.
    static bool isAutoscalerReason(const QString &reason);

    // configMapPresent: the ConfigMap exists (an empty state then means it was just reset or has not
    // written yet). events: the deployment's Events (others are ignored). now: the cluster's time.
    // resetAt: when spec.job.autoscalerResetNonce was seen to change (invalid: not seen); the operator
    // records no Event of its own for it, so a SpecChanged Event naming the nonce is the other source.
    // Autoscaler Events before the reset describe state that no longer exists and are left out.
    static AutoscalerReport build(const AutoscalerConfig &config, const AutoscalerState &state, bool configMapPresent,
                                  const JobGraph &plan, const QList<ClusterEvent> &events, const QDateTime &now,
                                  const QDateTime &resetAt = {});

    // "1,234/s", "–" for NaN.
    static QString rateText(double perSecond);

    Q_DECLARE_TR_FUNCTIONS(capstan::AutoscalerReport)
};

} // namespace capstan
