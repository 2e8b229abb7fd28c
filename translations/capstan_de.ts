<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DeploymentTemplates</name>
    <message>
        <source>Stateless job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job without state to keep: every upgrade starts it again with empty state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpointing with Kubernetes HA (last-state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints every 30 s; upgrades restore the latest checkpoint kept through Kubernetes HA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint upgrades with periodic savepoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrades take a savepoint and restore it; a savepoint is also taken every 6 hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox cluster could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig could not be read.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no context named &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpecChecks</name>
    <message>
        <source>Parallelism must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An application deployment needs a jar URI, e.g. local:///opt/flink/usrlib/job.jar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last-state needs a checkpoint directory: set state.checkpoints.dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last-state needs Kubernetes HA: turn on ǎnable Kubernetes HA”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint mode needs a savepoint directory: set state.savepoints.dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The initial savepoint path is empty: remove it or give the savepoint&apos;s path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a container image, e.g. flink:1.20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Flink version the image runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU must be more than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory “%1” is not a size: use e.g. 2048m, 2g or 2Gi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskManager replicas must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes HA needs a storage directory (high-availability.storageDir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periodic savepoints need a savepoint directory: set state.savepoints.dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the deployment a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: at most 45 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use lowercase letters, digits and ‘-’, starting with a letter and ending with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ActionJob</name>
    <message>
        <source>The cluster connection is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This snapshot has no path, so there is no state to restore from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session cluster: it has no job to suspend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes HA (high-availability.type: kubernetes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoints (execution.checkpointing.interval and state.checkpoints.dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep the latest state of %1: it runs without %2, so there is no checkpoint to restore from. Suspend with a savepoint or discard the state instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session cluster: it has no job to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already set to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is suspended: start it instead of restarting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator has not recorded a stable spec for %1 yet, so there is nothing to roll back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session cluster: it has no job state to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration of generation %1 (live when the snapshot was taken) restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration live when the snapshot was taken restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configuration live when the snapshot was taken is unknown: only the state is restored, the current configuration is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has this configuration; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status changed meanwhile: sending the patch again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new deployment needs a name and a namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requesting savepoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the deployment changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to change %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run accepted by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepted the change (dry run); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>savepoint %1 requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patch sent (generation %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted on the server meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on the server meanwhile and cannot be read now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed on the server after you opened it; nothing was overwritten. Review the changes, then re-apply yours on top or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The savepoint %1 was deleted before it completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted while waiting for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>savepoint COMPLETED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator rejected the new spec: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator reports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator rolled %1 back to its last stable spec: the change did not become healthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator reconciled generation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the change was applied without restarting the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job SUSPENDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job of %1 FAILED after the change%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job RUNNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job RUNNING (job %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint of %1 completed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The savepoint of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The savepoint of %1 was abandoned: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>savepoint IN_PROGRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned before anything was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned; the change may already have reached the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting for %1; the change was sent and may still complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator did not report %1 within %2; the change was sent and may still complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server did not answer within %1; the change may have reached it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server did not answer within %1; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job RUNNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job SUSPENDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the change reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the deployment deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the savepoint COMPLETED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ActionRunner</name>
    <message>
        <source>An action with id %1 is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another action (%1) is still running on %2; wait for it to finish or abandon it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ActionsController</name>
    <message>
        <source>&amp;Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Configure Deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger &amp;Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sus&amp;pend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Latest State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll &amp;Back to Last Stable Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a deployment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another action is running on this deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A savepoint cannot be taken from a job in a restart loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is already suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping the latest state needs Kubernetes HA (high-availability.type: kubernetes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping the latest state needs checkpoints (execution.checkpointing.interval).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is not suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A suspended deployment cannot be restarted; start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator has recorded no stable spec yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not permitted: the API server says your account may not %1 %2 in namespace &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend %1? A savepoint is taken, then the job stops. Start restores from that savepoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend %1? The job stops; the Kubernetes HA metadata and the latest checkpoint are kept, and Start restores from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend %1? The job stops and its state is discarded (upgrade mode stateless).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and Keep State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1 and keep its latest state? The upgrade mode becomes last-state and the job stops; the Kubernetes HA metadata and the latest checkpoint are kept for Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and Discard State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1 and discard its state? The upgrade mode becomes stateless: Start will not restore any state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1?
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1? The operator restarts the job (restartNonce).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll %1 back to the last stable spec? The spec the operator last saw running stably replaces the current one (restart and redeploy nonces are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? A final savepoint is taken first (kubernetes.operator.job.savepoint-on-deletion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? No final savepoint is taken: the job and its state are gone, except savepoints already written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back to Last Stable Spec</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ActivityModel</name>
    <message>
        <source>Configure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (keep latest state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (discard state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback to last stable spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback to snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ActivityPanel</name>
    <message>
        <source>&amp;Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting for the selected action. A change already sent stays on the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ArgumentListEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected argument (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected argument up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected argument down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job arguments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ClusterSession</name>
    <message>
        <source>The cluster connection is not open, so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::CommandPalette</name>
    <message>
        <source>Go to a deployment, run an action or a command…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ choose   Enter run   Esc close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ConfigurationView</name>
    <message>
        <source>Current spec (YAML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from the last stable spec to the last reconciled spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reconciled vs last stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reconciled spec yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spec change is pending: generation %1 is not yet reconciled (observed %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stable spec yet: the last reconciled spec has not become stable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last reconciled spec is the last stable spec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last reconciled spec differs from the last stable spec: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureDialog</name>
    <message>
        <source>Every upgrade takes a savepoint first and starts the new job from it; if the job is unhealthy, the latest checkpoint is used instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every upgrade restarts the job from its latest checkpoint, found through Kubernetes HA metadata; works even when the job is failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every upgrade starts the job again with empty state; nothing is carried over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An upgrade mode the operator does not know: choose one of the three.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from &amp;template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. github-analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. flink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespa&amp;ce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jar URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local:///opt/flink/usrlib/job.jar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken from the jar&apos;s manifest when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stateless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jar URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entry class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ar&amp;guments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parallelism:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upgrade mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flink:1.20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2048m or 2g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JobManager CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JobManager memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskManager CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskManager memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskManager replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&amp;obManager CPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task&amp;Manager CPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskManager rep&amp;licas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable &amp;Kubernetes HA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable Kubernetes HA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets high-availability.type: kubernetes and high-availability.storageDir; needed for last-state upgrades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HA storage directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where HA metadata is kept, e.g. s3://bucket/flink/ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage &amp;directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec as YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this deployment while you were editing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their change (what is on the server now):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-apply my change on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies the fields you changed to the deployment as it is now, keeping the other change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloads the deployment as it is now; your edits are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new FlinkDeployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec must be a mapping of fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML does not parse (line %1, column %2: %3). Fix it before leaving the YAML page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the namespace to create it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “%1”: the cluster&apos;s schema does not have it, so it would be dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML does not parse: fix the error below to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML is valid against the cluster&apos;s schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML parses; the cluster&apos;s schema has not arrived yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before applying:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Flink %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing restarts: the operator only records this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is redeployed from savepoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is suspended: a savepoint is taken first, and the job starts from it when resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is suspended: its latest checkpoint and HA metadata are kept to resume from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is suspended and its state is discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job resumes from the savepoint taken when it was suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job resumes from its latest checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job starts with empty state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job stays suspended: the change takes effect when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change restarts the job: a savepoint is taken, then the job is redeployed from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change restarts the job from its latest checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change restarts the job with empty state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is created suspended: its job does not start until you start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is created and its job starts from savepoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment is created and its job starts with empty state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates FlinkDeployment “%1” in namespace “%2” with this spec:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not changed anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current → new spec: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fix these first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the change to the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the change before applying it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying your change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not apply the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster rejected the change; the fields it named are marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster rejected the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written. The deployment is at version %1 on the server; you edited version %2. Choose whether to apply your change on top of theirs or to drop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not send its version of the deployment. Discard your change to reload it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec is the same; only the deployment&apos;s status or metadata changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not changed the spec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both of you changed %1. Re-applying sets your values there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment changed on the server since you opened it; your change was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change on top of the new version does not pass the checks: fix the marked fields, then apply again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change was discarded. The form shows the deployment as it is on the server now (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ConnectionIndicator</name>
    <message>
        <source>TLS not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This context sets insecure-skip-tls-verify: the server&apos;s identity is not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected – reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected – reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentPage</name>
    <message>
        <source>%1 CPU, %2 memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected events (or all shown) as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll &amp;Back to This Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeploy from this snapshot with the configuration live when it was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a completed snapshot with a path can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  &lt;span style=&apos;font-weight:normal&apos;&gt;in %2&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes HA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deployment is failing: %n restart(s) in the last %1 min.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No deployment selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JobManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n replica(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>TaskManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (observed %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conditions reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start would restore from: empty state (upgrade mode stateless or no savepoint known).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start would restore from: savepoint %1, taken %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start would restore from: savepoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start would restore from: latest checkpoint %1, %2 (kept in the Kubernetes HA metadata).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start would restore from: the latest checkpoint in the Kubernetes HA metadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (%1, %2 ⚠)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshots (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab-separated values (*.tsv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentTableModel</name>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned: metrics are collected while its page is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Failing: %n restart(s) in the last %1 min. %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restarts observed in the last %1 minutes (JobManager numRestarts and restart events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle %1, job %2, JobManager %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentWatch</name>
    <message>
        <source>The JobManager is not deployed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JobManager is %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::EventTableModel</name>
    <message>
        <source>First seen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ExceptionsView</name>
    <message>
        <source>Job exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Stack Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exceptions: the job has not failed since it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions are not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack trace of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::FlinkConfigTable</name>
    <message>
        <source>Flink configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a configuration key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected configuration key (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::JobRunTableModel</name>
    <message>
        <source>running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec generation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::KubeReply</name>
    <message>
        <source>TLS verification failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the API server at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::MainWindow</name>
    <message>
        <source>Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain: secrets are kept until Capstan quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Collecting Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll this deployment&apos;s metrics while its page is closed, so its charts have no gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter deployments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kubeconfig context found. Start Capstan with --kubeconfig FILE, set KUBECONFIG, or try the built-in sandbox with --sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric history from Prometheus is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not list namespaces in this cluster: type a namespace name and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a namespace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: the list shows the last known state and is not updating. Capstan reconnects automatically.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open context &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig gives this context no credentials: use File → Connect with Token… to sign in with a bearer token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with &amp;Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a context whose kubeconfig has no credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the token entered for this context from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;Context…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric &amp;History Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Capstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Capstan %1&lt;/b&gt;&lt;p&gt;A desktop console for Apache Flink deployments on Kubernetes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig gives context &quot;%1&quot; no credentials. Paste a bearer token for it (for example from &quot;kubectl create token&quot;).
Capstan keeps it in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &amp;Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 is no longer listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not possible now: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::MetricsView</name>
    <message>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow new samples as they arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the samples of the shown range as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No metrics yet: the JobManager is polled while it is READY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records out/s (sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records in/s (sinks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy (highest vertex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backpressured (highest vertex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checkpoint duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checkpoint size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts (of the running job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; %2: &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;job %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::Preferences</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Capstan starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the JobManager of an open deployment is asked for its metrics. Applies to open windows at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep history for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older samples are removed from the local history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete and Cancel and Discard State always ask: they lose the job&apos;s state for good.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::PrometheusDialog</name>
    <message>
        <source>Metric History Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of %1&apos;s deployments start with the history Prometheus keeps (grouped by job name, so it spans every job id), then run on with what Capstan polls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;None: only what Capstan polls from the JobManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at a &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Prometheus &amp;Service, through the API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain; never written to the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for basic authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;RL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;mespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::RollbackDialog</name>
    <message>
        <source>Roll Back to Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is redeployed from the %1 taken %2:
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration live at that time replaces today&apos;s (the change below); restart and redeploy nonces, the desired state and the upgrade mode stay as they are now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capstan did not observe the configuration live at that time, so only the state is restored: today&apos;s configuration stays, with the savepoint as initialSavepointPath.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::SecretStore</name>
    <message>
        <source>The secret could not be stored in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available (%1). Secrets you enter are kept in memory until Capstan quits and will have to be entered again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search actions and keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotTableModel</name>
    <message>
        <source>Checkpoint %1 (latest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>periodic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotTimeline</name>
    <message>
        <source>Snapshot timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshots yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (%3 failed), %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n savepoint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Savepoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Generation %1
First seen: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last state: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec generation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>capstan::YamlDiffView</name>
    <message numerus="yes">
        <source>  ⋯ %n unchanged line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Capstan – operate Apache Flink deployments on Kubernetes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path to the kubeconfig file to use (instead of $KUBECONFIG or ~/.kube/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig context to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The namespace to show (&quot;all&quot; for all namespaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the merged kubeconfig&apos;s contexts as JSON and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the built-in sandbox cluster and open it (the default when no kubeconfig exists).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
