<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>capstan::AutoscalerPanel</name>
    <message numerus="yes">
        <source>Restart cost of past scalings: %n scaling(s) recorded</source>
        <translation>
            <numerusform>Restart cost of past scalings: %n scaling recorded</numerusform>
            <numerusform>Restart cost of past scalings: %n scalings recorded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::AutoscalerReport</name>
    <message numerus="yes">
        <source>%1 could process %2 at full load, but %3 arrive: at the target utilization of %4 it needs %n subtask(s).</source>
        <translation>
            <numerusform>%1 could process %2 at full load, but %3 arrive: at the target utilization of %4 it needs %n subtask.</numerusform>
            <numerusform>%1 could process %2 at full load, but %3 arrive: at the target utilization of %4 it needs %n subtasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 could process %2 at full load and only %3 arrive: %n subtask(s) keep it at the target utilization of %4.</source>
        <translation>
            <numerusform>%1 could process %2 at full load and only %3 arrive: %n subtask keeps it at the target utilization of %4.</numerusform>
            <numerusform>%1 could process %2 at full load and only %3 arrive: %n subtasks keep it at the target utilization of %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 (%n times)</source>
        <translation>
            <numerusform>Event %1 (%n time)</numerusform>
            <numerusform>Event %1 (%n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ConfigurationView</name>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n line added</numerusform>
            <numerusform>%n lines added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n line removed</numerusform>
            <numerusform>%n lines removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureReviewPage</name>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n line added</numerusform>
            <numerusform>%n lines added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n line removed</numerusform>
            <numerusform>%n lines removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureYamlPage</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before applying:</source>
        <translation>
            <numerusform>%n problem to fix before applying:</numerusform>
            <numerusform>%n problems to fix before applying:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentPage</name>
    <message numerus="yes">
        <source>Deployment is failing: %n restart(s) in the last %1 min.</source>
        <translation>
            <numerusform>Deployment is failing: %n restart in the last %1 min.</numerusform>
            <numerusform>Deployment is failing: %n restarts in the last %1 min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replica(s)</source>
        <translation>
            <numerusform>, %n replica</numerusform>
            <numerusform>, %n replicas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) will be cleaned up next.</source>
        <translation>
            <numerusform>%n snapshot will be cleaned up next.</numerusform>
            <numerusform>%n snapshots will be cleaned up next.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentTableModel</name>
    <message numerus="yes">
        <source>Failing: %n restart(s) in the last %1 min. %2</source>
        <translation>
            <numerusform>Failing: %n restart in the last %1 min. %2</numerusform>
            <numerusform>Failing: %n restarts in the last %1 min. %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::DesktopNotifier</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s) from Capstan</source>
        <translation>
            <numerusform>%n notification from Capstan</numerusform>
            <numerusform>%n notifications from Capstan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::FleetView</name>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other</source>
        <translation>
            <numerusform>%n other</numerusform>
            <numerusform>%n other</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> – %n deployment(s) last known</source>
        <translation>
            <numerusform> – %n deployment last known</numerusform>
            <numerusform> – %n deployments last known</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s)</source>
        <translation>
            <numerusform>%n deployment</numerusform>
            <numerusform>%n deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s)</source>
        <translation>
            <numerusform>%1 of %n deployment</numerusform>
            <numerusform>%1 of %n deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n context(s)</source>
        <translation>
            <numerusform>%1 in %n context</numerusform>
            <numerusform>%1 in %n contexts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::JobGraphPanel</name>
    <message numerus="yes">
        <source>%1 · %n vertices</source>
        <translation>
            <numerusform>%1 · %n vertex</numerusform>
            <numerusform>%1 · %n vertices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n restart(s)</source>
        <translation>
            <numerusform> · %n restart</numerusform>
            <numerusform> · %n restarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n back-pressured, likely bottleneck: %1 (busy %2)</source>
        <translation>
            <numerusform> · %n back-pressured, likely bottleneck: %1 (busy %2)</numerusform>
            <numerusform> · %n back-pressured, likely bottleneck: %1 (busy %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::JobRunTableModel</name>
    <message numerus="yes">
        <source>First read after %n restarts: the JobManager names the checkpoint of the latest restart, not necessarily the state the job started from.</source>
        <translation>
            <numerusform>First read after %n restart: the JobManager names the checkpoint of the latest restart, not necessarily the state the job started from.</numerusform>
            <numerusform>First read after %n restarts: the JobManager names the checkpoint of the latest restart, not necessarily the state the job started from.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::LogLineDelegate</name>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n more line</numerusform>
            <numerusform>… %n more lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s), root cause: %1</source>
        <translation>
            <numerusform>… %n more line, root cause: %1</numerusform>
            <numerusform>… %n more lines, root cause: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::LogView</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n older line(s) dropped (the viewer keeps the last %1)</source>
        <translation>
            <numerusform>· %n older line dropped (the viewer keeps the last %1)</numerusform>
            <numerusform>· %n older lines dropped (the viewer keeps the last %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::LogWindow</name>
    <message numerus="yes">
        <source>The last %n line(s), recorded when the pod ended, from %1.</source>
        <translation>
            <numerusform>The last line, recorded when the pod ended, from %1.</numerusform>
            <numerusform>The last %n lines, recorded when the pod ended, from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::MainWindow</name>
    <message numerus="yes">
        <source>%n deployment(s)</source>
        <translation>
            <numerusform>%n deployment</numerusform>
            <numerusform>%n deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s)</source>
        <translation>
            <numerusform>%1 of %n deployment</numerusform>
            <numerusform>%1 of %n deployments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::NotificationRules</name>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No checkpoint of %1 for %n minute(s) (%2)</source>
        <translation>
            <numerusform>No checkpoint of %1 for %n minute (%2)</numerusform>
            <numerusform>No checkpoint of %1 for %n minutes (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not connected for %n minute(s).</source>
        <translation>
            <numerusform>Not connected for %n minute.</numerusform>
            <numerusform>Not connected for %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not connected for %n minute(s): %1</source>
        <translation>
            <numerusform>Not connected for %n minute: %1</numerusform>
            <numerusform>Not connected for %n minutes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) need attention in %1</source>
        <translation>
            <numerusform>%n deployment needs attention in %1</numerusform>
            <numerusform>%n deployments need attention in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::NotificationsPanel</name>
    <message numerus="yes">
        <source>%n notification(s)</source>
        <translation>
            <numerusform>%n notification</numerusform>
            <numerusform>%n notifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::PodTableModel</name>
    <message numerus="yes">
        <source>%n log line(s) recorded: double-click to read them.</source>
        <translation>
            <numerusform>%n log line recorded: double-click to read them.</numerusform>
            <numerusform>%n log lines recorded: double-click to read them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::RelatedResourcesView</name>
    <message numerus="yes">
        <source>%n session job(s) run on this session cluster.</source>
        <translation>
            <numerusform>%n session job runs on this session cluster.</numerusform>
            <numerusform>%n session jobs run on this session cluster.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::SecretValuesDialog</name>
    <message numerus="yes">
        <source>%n secret value(s).</source>
        <translation>
            <numerusform>%n secret value.</numerusform>
            <numerusform>%n secret values.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotRetention</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>its newest %n checkpoint(s)</source>
        <translation>
            <numerusform>its newest %n checkpoint</numerusform>
            <numerusform>its newest %n checkpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n savepoint(s)</source>
        <translation>
            <numerusform>%n savepoint</numerusform>
            <numerusform>%n savepoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotTimeline</name>
    <message numerus="yes">
        <source>%n savepoint(s)</source>
        <translation>
            <numerusform>%n savepoint</numerusform>
            <numerusform>%n savepoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s)</source>
        <translation>
            <numerusform>%n checkpoint</numerusform>
            <numerusform>%n checkpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more here</source>
        <translation>
            <numerusform>… and %n more here</numerusform>
            <numerusform>… and %n more here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::TrayIcon</name>
    <message numerus="yes">
        <source>%n deployment(s) failing</source>
        <translation>
            <numerusform>%n deployment failing</numerusform>
            <numerusform>%n deployments failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n context(s) unreachable</source>
        <translation>
            <numerusform>%n context unreachable</numerusform>
            <numerusform>%n contexts unreachable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::YamlDiffView</name>
    <message numerus="yes">
        <source>  ⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>  ⋯ %n unchanged line</numerusform>
            <numerusform>  ⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
</context>
</TS>
