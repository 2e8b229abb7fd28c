#pragma once

#include <QtGlobal>

namespace capstan::sandbox {

class ResourceStore;

// Seeds a fresh store. deployments == -1: namespaces `default` and `flink-jobs` with the demo set
// (github-analytics, clickstream-sessionizer, fraud-detector, nightly-backfill, the session cluster
// analytics-session with two FlinkSessionJobs, their -rest Services, a savepoint and operator
// Events, and the FlinkBlueGreenDeployment checkout-bluegreen, ACTIVE_BLUE with its running child
// checkout-bluegreen-blue). deployments >= 0: that many generated FlinkDeployments over five namespaces plus
// `events` generated Events; the first generated deployment also gets `focusEvents` Events and
// `focusSnapshots` completed FlinkStateSnapshots of its own (a long-lived deployment's page, for
// benchmarks), and then none of the `events`. The same seed gives the same names, specs and job ids.
// Times are relative to nowMs, the cluster's clock (-1: this computer's).
void seedDemoData(ResourceStore &store, int deployments, int events, quint64 seed, int focusEvents = 0,
                  int focusSnapshots = 0, qint64 nowMs = -1);

} // namespace capstan::sandbox
