<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DeploymentTemplates</name>
    <message>
        <source>Stateless job</source>
        <translation>Zustandsloser Job</translation>
    </message>
    <message>
        <source>A job without state to keep: every upgrade starts it again with empty state.</source>
        <translation>Ein Job ohne zu bewahrenden Zustand: Jedes Upgrade startet ihn mit leerem Zustand neu.</translation>
    </message>
    <message>
        <source>Checkpointing with Kubernetes HA (last-state)</source>
        <translation>Checkpoints mit Kubernetes HA (last-state)</translation>
    </message>
    <message>
        <source>Checkpoints every 30 s; upgrades restore the latest checkpoint kept through Kubernetes HA.</source>
        <translation>Checkpoints alle 30 s; Upgrades stellen den neuesten Checkpoint wieder her, den Kubernetes HA bewahrt.</translation>
    </message>
    <message>
        <source>Savepoint upgrades with periodic savepoints</source>
        <translation>Savepoint-Upgrades mit regelmäßigen Savepoints</translation>
    </message>
    <message>
        <source>Upgrades take a savepoint and restore it; a savepoint is also taken every 6 hours.</source>
        <translation>Upgrades erstellen einen Savepoint und stellen ihn wieder her; zusätzlich wird alle 6 Stunden ein Savepoint erstellt.</translation>
    </message>
    <message>
        <source>Stateful job (Ververica Platform)</source>
        <translation>Job mit Zustand (Ververica Platform)</translation>
    </message>
    <message>
        <source>Upgrades take a savepoint; a start restores the latest savepoint or retained checkpoint through the platform&apos;s Kubernetes HA.</source>
        <translation>Upgrades erstellen einen Savepoint; ein Start stellt den neuesten Savepoint oder aufbewahrten Checkpoint über das Kubernetes-HA der Plattform wieder her.</translation>
    </message>
    <message>
        <source>Stateless job (Ververica Platform)</source>
        <translation>Job ohne Zustand (Ververica Platform)</translation>
    </message>
    <message>
        <source>Upgrades and starts begin with empty state.</source>
        <translation>Upgrades und Starts beginnen mit leerem Zustand.</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Schl&amp;ießen</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Ohne Speichern schließen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Capstan</source>
        <translation>Capstan</translation>
    </message>
    <message>
        <source>The sandbox cluster could not start: %1</source>
        <translation>Der Sandbox-Cluster konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The kubeconfig could not be read.

%1</source>
        <translation>Die kubeconfig konnte nicht gelesen werden.

%1</translation>
    </message>
    <message>
        <source>There is no context named &quot;%1&quot; in %2.</source>
        <translation>In %2 gibt es keinen Kontext namens „%1“.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Alle speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja, &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ein, keine</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
</context>
<context>
    <name>SpecChecks</name>
    <message>
        <source>Parallelism must be at least 1.</source>
        <translation>Die Parallelität muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>An application deployment needs a jar URI, e.g. local:///opt/flink/usrlib/job.jar.</source>
        <translation>Ein Application-Deployment braucht eine Jar-URI, z. B. local:///opt/flink/usrlib/job.jar.</translation>
    </message>
    <message>
        <source>Last-state needs a checkpoint directory: set state.checkpoints.dir.</source>
        <translation>Last-state braucht ein Checkpoint-Verzeichnis: Setzen Sie state.checkpoints.dir.</translation>
    </message>
    <message>
        <source>Savepoint mode needs a savepoint directory: set state.savepoints.dir.</source>
        <translation>Der Savepoint-Modus braucht ein Savepoint-Verzeichnis: Setzen Sie state.savepoints.dir.</translation>
    </message>
    <message>
        <source>The initial savepoint path is empty: remove it or give the savepoint&apos;s path.</source>
        <translation>Der initiale Savepoint-Pfad ist leer: Entfernen Sie ihn oder geben Sie den Pfad des Savepoints an.</translation>
    </message>
    <message>
        <source>Choose a container image, e.g. flink:1.20.</source>
        <translation>Wählen Sie ein Container-Image, z. B. flink:1.20.</translation>
    </message>
    <message>
        <source>Choose the Flink version the image runs.</source>
        <translation>Wählen Sie die Flink-Version, die das Image ausführt.</translation>
    </message>
    <message>
        <source>CPU must be more than 0.</source>
        <translation>CPU muss größer als 0 sein.</translation>
    </message>
    <message>
        <source>Memory “%1” is not a size: use e.g. 2048m, 2g or 2Gi.</source>
        <translation>Speicher „%1“ ist keine Größe: Verwenden Sie z. B. 2048m, 2g oder 2Gi.</translation>
    </message>
    <message>
        <source>TaskManager replicas must be at least 1.</source>
        <translation>Es muss mindestens 1 TaskManager-Replikat geben.</translation>
    </message>
    <message>
        <source>Kubernetes HA needs a storage directory (high-availability.storageDir).</source>
        <translation>Kubernetes HA braucht ein Speicherverzeichnis (high-availability.storageDir).</translation>
    </message>
    <message>
        <source>Periodic savepoints need a savepoint directory: set state.savepoints.dir.</source>
        <translation>Regelmäßige Savepoints brauchen ein Savepoint-Verzeichnis: Setzen Sie state.savepoints.dir.</translation>
    </message>
    <message>
        <source>Give the deployment a name.</source>
        <translation>Geben Sie dem Deployment einen Namen.</translation>
    </message>
    <message>
        <source>The name is too long: at most 45 characters.</source>
        <translation>Der Name ist zu lang: höchstens 45 Zeichen.</translation>
    </message>
    <message>
        <source>Use lowercase letters, digits and ‘-’, starting with a letter and ending with a letter or digit.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und ‚-‘; am Anfang ein Buchstabe, am Ende ein Buchstabe oder eine Ziffer.</translation>
    </message>
    <message>
        <source>Last-state needs Kubernetes HA: turn on “Enable Kubernetes HA”.</source>
        <translation>Last-state braucht Kubernetes HA: Schalten Sie „Kubernetes-HA aktivieren“ ein.</translation>
    </message>
    <message>
        <source>“%1” is not one of %2.</source>
        <translation>„%1“ ist keiner der Werte %2.</translation>
    </message>
    <message>
        <source>Parallelism must be a whole number of at least 1.</source>
        <translation>Die Parallelität muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <source>A JAR deployment needs the jar&apos;s URI, e.g. s3://artifacts/job.jar.</source>
        <translation>Ein JAR-Deployment braucht die URI des JARs, z. B. s3://artifacts/job.jar.</translation>
    </message>
    <message>
        <source>CPU must be a number more than 0.</source>
        <translation>CPU muss eine Zahl größer als 0 sein.</translation>
    </message>
    <message>
        <source>Memory “%1” is not a size: use e.g. 2G or 4096m.</source>
        <translation>Speicher „%1“ ist keine Größe: Verwenden Sie z. B. 2G oder 4096m.</translation>
    </message>
    <message>
        <source>The number of TaskManagers must be a whole number of at least 1.</source>
        <translation>Die Anzahl der TaskManager muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The value of %1 must be text: write it in quotes.</source>
        <translation>Der Wert von %1 muss Text sein: Schreiben Sie ihn in Anführungszeichen.</translation>
    </message>
</context>
<context>
    <name>capstan::Action</name>
    <message>
        <source>Configure Deployment</source>
        <translation>Deployment konfigurieren</translation>
    </message>
    <message>
        <source>&amp;Configure Deployment…</source>
        <translation>Deployment &amp;konfigurieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>edit change parallelism scale arguments</source>
        <translation>bearbeiten ändern parallelität skalieren argumente</translation>
    </message>
    <message>
        <source>Trigger Savepoint</source>
        <translation>Savepoint auslösen</translation>
    </message>
    <message>
        <source>Trigger &amp;Savepoint</source>
        <translation>&amp;Savepoint auslösen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>snapshot</source>
        <translation>snapshot sicherungspunkt</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Sus&amp;pend</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>stop pause</source>
        <translation>stoppen pausieren</translation>
    </message>
    <message>
        <source>Cancel and Keep State</source>
        <translation>Abbrechen und Zustand behalten</translation>
    </message>
    <message>
        <source>&amp;Keep State</source>
        <translation>Zustand &amp;behalten</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>stop last-state checkpoint</source>
        <translation>stoppen last-state checkpoint</translation>
    </message>
    <message>
        <source>Cancel and Discard State</source>
        <translation>Abbrechen und Zustand verwerfen</translation>
    </message>
    <message>
        <source>&amp;Discard State</source>
        <translation>Zustand &amp;verwerfen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>stop stateless</source>
        <translation>stoppen stateless</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tarten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>resume run</source>
        <translation>fortsetzen ausführen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>restartNonce</source>
        <translation>restartNonce neustarten</translation>
    </message>
    <message>
        <source>Roll Back to Last Stable Spec</source>
        <translation>Auf letzte stabile Spec zurücksetzen</translation>
    </message>
    <message>
        <source>Roll &amp;Back to Last Stable Spec</source>
        <translation>Auf letzte stabile Spec &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>rollback revert undo</source>
        <translation>zurücksetzen rückgängig</translation>
    </message>
    <message>
        <source>Roll Back to Snapshot</source>
        <translation>Auf Snapshot zurücksetzen</translation>
    </message>
    <message>
        <source>Roll Back to This &amp;Snapshot…</source>
        <translation>Auf diesen &amp;Snapshot zurücksetzen…</translation>
    </message>
    <message>
        <source>rollback restore</source>
        <translation>zurücksetzen wiederherstellen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation>Shift+Del</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>New Deployment</source>
        <translation>Neues Deployment</translation>
    </message>
    <message>
        <source>New &amp;Deployment…</source>
        <translation>Neues &amp;Deployment…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>create add</source>
        <translation>erstellen hinzufügen</translation>
    </message>
    <message>
        <source>A session cluster has no job to take a savepoint of.</source>
        <translation>Ein Session-Cluster hat keinen Job, von dem ein Savepoint erstellt werden könnte.</translation>
    </message>
    <message>
        <source>A savepoint cannot be taken from a job in a restart loop.</source>
        <translation>Von einem Job in einer Neustartschleife kann kein Savepoint erstellt werden.</translation>
    </message>
    <message>
        <source>The job is not running.</source>
        <translation>Der Job läuft nicht.</translation>
    </message>
    <message>
        <source>A session cluster has no job to stop.</source>
        <translation>Ein Session-Cluster hat keinen Job, der gestoppt werden könnte.</translation>
    </message>
    <message>
        <source>The deployment is already suspended.</source>
        <translation>Das Deployment ist bereits angehalten.</translation>
    </message>
    <message>
        <source>Keeping the latest state needs Kubernetes HA (high-availability.type: kubernetes): without it there is no checkpoint to restore from.</source>
        <translation>Den letzten Zustand zu behalten erfordert Kubernetes HA (high-availability.type: kubernetes): ohne sie gibt es keinen Checkpoint, aus dem wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Keeping the latest state needs checkpoints (execution.checkpointing.interval and state.checkpoints.dir).</source>
        <translation>Den letzten Zustand zu behalten erfordert Checkpoints (execution.checkpointing.interval und state.checkpoints.dir).</translation>
    </message>
    <message>
        <source>A session cluster has no job to start.</source>
        <translation>Ein Session-Cluster hat keinen Job, der gestartet werden könnte.</translation>
    </message>
    <message>
        <source>The deployment is not suspended.</source>
        <translation>Das Deployment ist nicht angehalten.</translation>
    </message>
    <message>
        <source>A suspended deployment cannot be restarted; start it.</source>
        <translation>Ein angehaltenes Deployment kann nicht neu gestartet werden; starten Sie es.</translation>
    </message>
    <message>
        <source>The operator has recorded no stable spec yet, so there is nothing to roll back to.</source>
        <translation>Der Operator hat noch keine stabile Spec aufgezeichnet; es gibt nichts, worauf zurückgesetzt werden kann.</translation>
    </message>
    <message>
        <source>A session cluster has no job state to restore.</source>
        <translation>Ein Session-Cluster hat keinen Job-Zustand, der wiederhergestellt werden könnte.</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Keep Suspended</source>
        <translation>Angehalten lassen</translation>
    </message>
    <message>
        <source>Leave Job As Is</source>
        <translation>Job so lassen</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Keep Current Spec</source>
        <translation>Aktuelle Spec behalten</translation>
    </message>
    <message>
        <source>Keep Deployment</source>
        <translation>Deployment behalten</translation>
    </message>
    <message>
        <source>The deployment is already meant to run.</source>
        <translation>Das Deployment soll bereits laufen.</translation>
    </message>
    <message>
        <source>The deployment is not meant to run.</source>
        <translation>Das Deployment soll nicht laufen.</translation>
    </message>
    <message>
        <source>Not available for Ververica Platform deployments in this version of Capstan: use the platform&apos;s own UI.</source>
        <translation>In dieser Version von Capstan für Deployments auf Ververica Platform nicht verfügbar: nutzen Sie die Oberfläche der Plattform.</translation>
    </message>
    <message>
        <source>Enable Autoscaler</source>
        <translation>Autoskalierer einschalten</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>&amp;Autoscaler</source>
        <translation>A&amp;utoskalierer</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>autoscaler scaling turn on advisory recommend</source>
        <translation>autoskalierer skalierung einschalten beratend empfehlen autoscaler</translation>
    </message>
    <message>
        <source>Leave It Off</source>
        <translation>Ausgeschaltet lassen</translation>
    </message>
    <message>
        <source>Switch Autoscaler to Advisory</source>
        <translation>Autoskalierer auf beratend umstellen</translation>
    </message>
    <message>
        <source>Ad&amp;visory (Recommend Only)</source>
        <translation>&amp;Nur empfehlen (beratend)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>autoscaler scaling advisory recommend</source>
        <translation>autoskalierer skalierung beratend empfehlen autoscaler</translation>
    </message>
    <message>
        <source>Recommend Only</source>
        <translation>Nur empfehlen</translation>
    </message>
    <message>
        <source>Keep Scaling</source>
        <translation>Weiter skalieren</translation>
    </message>
    <message>
        <source>Switch Autoscaler to Active</source>
        <translation>Autoskalierer auf aktiv umstellen</translation>
    </message>
    <message>
        <source>Ac&amp;tive (Scale the Job)</source>
        <translation>&amp;Aktiv (Job skalieren)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+S</source>
        <translation>Ctrl+Alt+S</translation>
    </message>
    <message>
        <source>autoscaler scaling active rescale</source>
        <translation>autoskalierer skalierung aktiv umskalieren autoscaler</translation>
    </message>
    <message>
        <source>Let It Scale</source>
        <translation>Skalieren lassen</translation>
    </message>
    <message>
        <source>Keep Recommending</source>
        <translation>Weiter nur empfehlen</translation>
    </message>
    <message>
        <source>Disable Autoscaler</source>
        <translation>Autoskalierer ausschalten</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>A&amp;usschalten</translation>
    </message>
    <message>
        <source>Ctrl+Alt+X</source>
        <translation>Ctrl+Alt+X</translation>
    </message>
    <message>
        <source>autoscaler scaling turn off</source>
        <translation>autoskalierer skalierung ausschalten autoscaler</translation>
    </message>
    <message>
        <source>Keep It On</source>
        <translation>Eingeschaltet lassen</translation>
    </message>
    <message>
        <source>Reset Autoscaler</source>
        <translation>Autoskalierer zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <source>autoscaler scaling reset nonce autoscalerResetNonce</source>
        <translation>autoskalierer skalierung zurücksetzen nonce autoscalerResetNonce</translation>
    </message>
    <message>
        <source>Keep Its State</source>
        <translation>Seinen Zustand behalten</translation>
    </message>
    <message>
        <source>Ververica Platform deletes only cancelled or suspended deployments: wait until it has stopped.</source>
        <translation>Ververica Platform löscht nur abgebrochene oder angehaltene Deployments: warten Sie, bis es gestoppt ist.</translation>
    </message>
    <message>
        <source>Ververica Platform starts a deployment from a chosen savepoint only when it is not meant to run: suspend or cancel it first.</source>
        <translation>Ververica Platform startet ein Deployment nur dann aus einem gewählten Savepoint, wenn es nicht laufen soll: halten Sie es zuerst an oder brechen Sie es ab.</translation>
    </message>
    <message>
        <source>A session cluster has no autoscaler.</source>
        <translation>Ein Session-Cluster hat keinen Autoskalierer.</translation>
    </message>
    <message>
        <source>The autoscaler is not configured for this deployment, so it has no state to reset.</source>
        <translation>Der Autoskalierer ist für dieses Deployment nicht konfiguriert, daher gibt es keinen Zustand zum Zurücksetzen.</translation>
    </message>
    <message>
        <source>The autoscaler is already enabled.</source>
        <translation>Der Autoskalierer ist bereits eingeschaltet.</translation>
    </message>
    <message>
        <source>The autoscaler is not enabled.</source>
        <translation>Der Autoskalierer ist nicht eingeschaltet.</translation>
    </message>
    <message>
        <source>The autoscaler is already active.</source>
        <translation>Der Autoskalierer ist bereits aktiv.</translation>
    </message>
    <message>
        <source>The autoscaler is already advisory: it only recommends.</source>
        <translation>Der Autoskalierer ist bereits beratend: Er empfiehlt nur.</translation>
    </message>
    <message>
        <source>The autoscaler is not enabled: enable it first.</source>
        <translation>Der Autoskalierer ist nicht eingeschaltet: Schalten Sie ihn zuerst ein.</translation>
    </message>
    <message>
        <source>Delete Snapshot</source>
        <translation>Snapshot löschen</translation>
    </message>
    <message>
        <source>De&amp;lete Snapshot…</source>
        <translation>Snapshot &amp;löschen…</translation>
    </message>
    <message>
        <source>remove dispose savepoint checkpoint</source>
        <translation>entfernen verwerfen Savepoint Checkpoint</translation>
    </message>
    <message>
        <source>Keep Snapshot</source>
        <translation>Snapshot behalten</translation>
    </message>
    <message>
        <source>Trigger Checkpoint</source>
        <translation>Checkpoint auslösen</translation>
    </message>
    <message>
        <source>Trigger C&amp;heckpoint</source>
        <translation>C&amp;heckpoint auslösen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>snapshot checkpoint</source>
        <translation>Snapshot Checkpoint</translation>
    </message>
    <message>
        <source>A session cluster has no job to checkpoint.</source>
        <translation>Ein Session-Cluster hat keinen Job, von dem ein Checkpoint erstellt werden könnte.</translation>
    </message>
    <message>
        <source>Checkpoints are not configured for this job (state.checkpoints.dir).</source>
        <translation>Für diesen Job sind keine Checkpoints konfiguriert (state.checkpoints.dir).</translation>
    </message>
    <message>
        <source>A checkpoint cannot be taken from a job in a restart loop.</source>
        <translation>Von einem Job in einer Neustartschleife kann kein Checkpoint erstellt werden.</translation>
    </message>
    <message>
        <source>A blue/green deployment changes only through its template (Configure Deployment starts a transition): open its active child deployment for this.</source>
        <translation>Ein Blue/Green-Deployment ändert sich nur über seine Vorlage (Deployment konfigurieren startet einen Wechsel): Öffnen Sie dafür sein aktives Kind-Deployment.</translation>
    </message>
</context>
<context>
    <name>capstan::ActionJob</name>
    <message>
        <source>The cluster connection is closed.</source>
        <translation>Die Verbindung zum Cluster ist geschlossen.</translation>
    </message>
    <message>
        <source>This snapshot has no path, so there is no state to restore from.</source>
        <translation>Dieser Snapshot hat keinen Pfad, es gibt also keinen Zustand zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>%1 no longer exists on the server.</source>
        <translation>%1 existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>deleting %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>%1 already has this configuration; nothing was sent.</source>
        <translation>%1 hat diese Konfiguration bereits; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>sending patch</source>
        <translation>Patch wird gesendet</translation>
    </message>
    <message>
        <source>status changed meanwhile: sending the patch again</source>
        <translation>Status hat sich inzwischen geändert: Patch wird erneut gesendet</translation>
    </message>
    <message>
        <source>A new deployment needs a name and a namespace.</source>
        <translation>Ein neues Deployment braucht einen Namen und einen Namespace.</translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message>
        <source>requesting savepoint %1</source>
        <translation>Savepoint %1 wird angefordert</translation>
    </message>
    <message>
        <source>the deployment changed on the server</source>
        <translation>das Deployment hat sich auf dem Server geändert</translation>
    </message>
    <message>
        <source>The server rejected the change: %1</source>
        <translation>Der Server hat die Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>You are not allowed to change %1: %2</source>
        <translation>Sie dürfen %1 nicht ändern: %2</translation>
    </message>
    <message>
        <source>The change was not applied: %1</source>
        <translation>Die Änderung wurde nicht angewendet: %1</translation>
    </message>
    <message>
        <source>dry run accepted by the server</source>
        <translation>Probelauf vom Server akzeptiert</translation>
    </message>
    <message>
        <source>The server accepted the change (dry run); nothing was changed.</source>
        <translation>Der Server hat die Änderung akzeptiert (Probelauf); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 created</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>deletion accepted</source>
        <translation>Löschen akzeptiert</translation>
    </message>
    <message>
        <source>savepoint %1 requested</source>
        <translation>Savepoint %1 angefordert</translation>
    </message>
    <message>
        <source>patch sent (generation %1)</source>
        <translation>Patch gesendet (Generation %1)</translation>
    </message>
    <message>
        <source>%1 was deleted on the server meanwhile.</source>
        <translation>%1 wurde inzwischen auf dem Server gelöscht.</translation>
    </message>
    <message>
        <source>%1 changed on the server meanwhile and cannot be read now: %2</source>
        <translation>%1 hat sich inzwischen auf dem Server geändert und kann gerade nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was changed on the server after you opened it; nothing was overwritten. Review the changes, then re-apply yours on top or discard them.</source>
        <translation>%1 wurde auf dem Server geändert, nachdem Sie es geöffnet haben; es wurde nichts überschrieben. Prüfen Sie die Änderungen und wenden Sie Ihre dann erneut darauf an oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>waiting for %1…</source>
        <translation>Warten auf %1…</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation>%1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>The savepoint %1 was deleted before it completed.</source>
        <translation>Der Savepoint %1 wurde gelöscht, bevor er fertig war.</translation>
    </message>
    <message>
        <source>%1 was deleted while waiting for %2.</source>
        <translation>%1 wurde beim Warten auf %2 gelöscht.</translation>
    </message>
    <message>
        <source>savepoint COMPLETED: %1</source>
        <translation>Savepoint COMPLETED: %1</translation>
    </message>
    <message>
        <source>The operator rejected the new spec: %1</source>
        <translation>Der Operator hat die neue Spec abgelehnt: %1</translation>
    </message>
    <message>
        <source>operator reports: %1</source>
        <translation>Operator meldet: %1</translation>
    </message>
    <message>
        <source>The operator rolled %1 back to its last stable spec: the change did not become healthy.</source>
        <translation>Der Operator hat %1 auf die letzte stabile Spec zurückgesetzt: Die Änderung wurde nicht gesund.</translation>
    </message>
    <message>
        <source>operator reconciled generation %1</source>
        <translation>Operator hat Generation %1 abgeglichen</translation>
    </message>
    <message>
        <source>%1: the change was applied without restarting the job.</source>
        <translation>%1: Die Änderung wurde ohne Neustart des Jobs angewendet.</translation>
    </message>
    <message>
        <source>job SUSPENDED</source>
        <translation>Job SUSPENDED</translation>
    </message>
    <message>
        <source>%1 is suspended.</source>
        <translation>%1 ist angehalten.</translation>
    </message>
    <message>
        <source>The job of %1 FAILED after the change%2</source>
        <translation>Der Job von %1 ist nach der Änderung FAILED%2</translation>
    </message>
    <message>
        <source>job RUNNING</source>
        <translation>Job RUNNING</translation>
    </message>
    <message>
        <source>job RUNNING (job %1)</source>
        <translation>Job RUNNING (Job %1)</translation>
    </message>
    <message>
        <source>%1 is running.</source>
        <translation>%1 läuft.</translation>
    </message>
    <message>
        <source>Savepoint of %1 completed: %2</source>
        <translation>Savepoint von %1 fertig: %2</translation>
    </message>
    <message>
        <source>The savepoint of %1 failed: %2</source>
        <translation>Der Savepoint von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The savepoint of %1 was abandoned: %2</source>
        <translation>Der Savepoint von %1 wurde aufgegeben: %2</translation>
    </message>
    <message>
        <source>savepoint IN_PROGRESS</source>
        <translation>Savepoint IN_PROGRESS</translation>
    </message>
    <message>
        <source>Abandoned before anything was sent.</source>
        <translation>Aufgegeben, bevor etwas gesendet wurde.</translation>
    </message>
    <message>
        <source>Abandoned; the change may already have reached the server.</source>
        <translation>Aufgegeben; die Änderung hat den Server möglicherweise schon erreicht.</translation>
    </message>
    <message>
        <source>Stopped waiting for %1; the change was sent and may still complete.</source>
        <translation>Warten auf %1 beendet; die Änderung wurde gesendet und kann noch abgeschlossen werden.</translation>
    </message>
    <message>
        <source>The operator did not report %1 within %2; the change was sent and may still complete.</source>
        <translation>Der Operator hat %1 nicht innerhalb von %2 gemeldet; die Änderung wurde gesendet und kann noch abgeschlossen werden.</translation>
    </message>
    <message>
        <source>The API server did not answer within %1; the change may have reached it.</source>
        <translation>Der API-Server hat nicht innerhalb von %1 geantwortet; die Änderung hat ihn möglicherweise erreicht.</translation>
    </message>
    <message>
        <source>The API server did not answer within %1; nothing was changed.</source>
        <translation>Der API-Server hat nicht innerhalb von %1 geantwortet; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>the job RUNNING</source>
        <translation>den Job RUNNING</translation>
    </message>
    <message>
        <source>the job SUSPENDED</source>
        <translation>den Job SUSPENDED</translation>
    </message>
    <message>
        <source>the change reconciled</source>
        <translation>die abgeglichene Änderung</translation>
    </message>
    <message>
        <source>the deployment deleted</source>
        <translation>das gelöschte Deployment</translation>
    </message>
    <message>
        <source>the savepoint COMPLETED</source>
        <translation>den Savepoint COMPLETED</translation>
    </message>
    <message>
        <source>the operator</source>
        <translation>den Operator</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>deleting snapshot %1</source>
        <translation>Snapshot %1 wird gelöscht</translation>
    </message>
    <message>
        <source>deletion of snapshot %1 accepted</source>
        <translation>Löschen von Snapshot %1 angenommen</translation>
    </message>
    <message>
        <source>snapshot %1 deleted</source>
        <translation>Snapshot %1 gelöscht</translation>
    </message>
    <message>
        <source>The snapshot %1 of %2 was deleted.</source>
        <translation>Der Snapshot %1 von %2 wurde gelöscht.</translation>
    </message>
    <message>
        <source>the snapshot deleted</source>
        <translation>das Löschen des Snapshots</translation>
    </message>
    <message>
        <source>requesting checkpoint %1</source>
        <translation>Checkpoint %1 wird angefordert</translation>
    </message>
    <message>
        <source>checkpoint %1 requested</source>
        <translation>Checkpoint %1 angefordert</translation>
    </message>
    <message>
        <source>checkpoint COMPLETED: %1</source>
        <translation>Checkpoint COMPLETED: %1</translation>
    </message>
    <message>
        <source>Checkpoint of %1 completed: %2</source>
        <translation>Checkpoint von %1 abgeschlossen: %2</translation>
    </message>
    <message>
        <source>The checkpoint of %1 failed: %2</source>
        <translation>Der Checkpoint von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The checkpoint of %1 was abandoned: %2</source>
        <translation>Der Checkpoint von %1 wurde aufgegeben: %2</translation>
    </message>
    <message>
        <source>checkpoint IN_PROGRESS</source>
        <translation>Checkpoint IN_PROGRESS</translation>
    </message>
    <message>
        <source>the checkpoint COMPLETED</source>
        <translation>den Checkpoint COMPLETED</translation>
    </message>
    <message>
        <source>requesting savepoint %1 (its data stays when the resource is deleted)</source>
        <translation>Savepoint %1 wird angefordert (seine Daten bleiben, wenn die Ressource gelöscht wird)</translation>
    </message>
    <message>
        <source>blue/green state %1</source>
        <translation>Blue/Green-Zustand %1</translation>
    </message>
    <message>
        <source>no transition needed</source>
        <translation>kein Wechsel nötig</translation>
    </message>
    <message>
        <source>%1: the change was applied without a transition.</source>
        <translation>%1: Die Änderung wurde ohne Wechsel übernommen.</translation>
    </message>
    <message>
        <source>The operator aborted the transition of %1 and kept its %2 child%3</source>
        <translation>Der Operator hat den Wechsel von %1 abgebrochen und das Kind „%2“ behalten%3</translation>
    </message>
    <message>
        <source>%1 child active, job RUNNING</source>
        <translation>Kind „%1“ aktiv, Job RUNNING</translation>
    </message>
    <message>
        <source>%1 runs on its %2 child.</source>
        <translation>%1 läuft auf dem Kind „%2“.</translation>
    </message>
    <message>
        <source>applied to the %1 child in place</source>
        <translation>auf das Kind „%1“ direkt angewandt</translation>
    </message>
    <message>
        <source>%1: the change was applied to its %2 child without a transition.</source>
        <translation>%1: Die Änderung wurde ohne Wechsel auf das Kind „%2“ angewandt.</translation>
    </message>
</context>
<context>
    <name>capstan::ActionPlan</name>
    <message>
        <source>The last stable spec the operator recorded for %1 does not read as a spec, so there is nothing to roll back to.</source>
        <translation>Die letzte stabile Spec, die der Operator für %1 aufgezeichnet hat, lässt sich nicht als Spec lesen; es gibt nichts, worauf zurückgesetzt werden kann.</translation>
    </message>
    <message>
        <source>configuration of generation %1 (live when the snapshot was taken) restored</source>
        <translation>Konfiguration der Generation %1 (aktiv, als der Snapshot erstellt wurde) wiederhergestellt</translation>
    </message>
    <message>
        <source>configuration live when the snapshot was taken restored</source>
        <translation>Konfiguration, die beim Erstellen des Snapshots aktiv war, wiederhergestellt</translation>
    </message>
    <message>
        <source>the configuration live when the snapshot was taken is unknown: only the state is restored, the current configuration is kept</source>
        <translation>die Konfiguration, die beim Erstellen des Snapshots aktiv war, ist unbekannt: nur der Zustand wird wiederhergestellt, die aktuelle Konfiguration bleibt</translation>
    </message>
    <message>
        <source>%1 %2 was refused: %3</source>
        <translation>%1 %2 wurde abgelehnt: %3</translation>
    </message>
    <message>
        <source>The snapshot %1 was not deleted: %2</source>
        <translation>Der Snapshot %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>The operator takes a savepoint of the active child deployment, starts the other child from it with this spec, and deletes the old child once the new one runs.</source>
        <translation>Der Operator erstellt einen Savepoint des aktiven Kind-Deployments, startet das andere Kind daraus mit dieser Spezifikation und löscht das alte Kind, sobald das neue läuft.</translation>
    </message>
    <message>
        <source>The operator starts the other child deployment with this spec, without state (upgrade mode stateless), and deletes the old child once the new one runs.</source>
        <translation>Der Operator startet das andere Kind-Deployment mit dieser Spezifikation ohne Zustand (Upgrade-Modus stateless) und löscht das alte Kind, sobald das neue läuft.</translation>
    </message>
</context>
<context>
    <name>capstan::ActionReviewDialog</name>
    <message>
        <source>a savepoint is taken, then the job is redeployed from it.</source>
        <translation>wird ein Savepoint erstellt und der Job daraus neu bereitgestellt.</translation>
    </message>
    <message>
        <source>the job is redeployed from %1.</source>
        <translation>wird der Job aus %1 neu bereitgestellt.</translation>
    </message>
    <message>
        <source>the job is redeployed with empty state: its state is lost.</source>
        <translation>wird der Job mit leerem Zustand neu bereitgestellt: sein Zustand geht verloren.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 changed on the cluster while this was open: the review shows it as it is now.</source>
        <translation>%1 hat sich im Cluster geändert, während dies offen war: die Prüfung zeigt den jetzigen Stand.</translation>
    </message>
    <message>
        <source>%1 is suspended: a savepoint is taken, then the job stops.</source>
        <translation>%1 wird angehalten: ein Savepoint wird erstellt, dann stoppt der Job.</translation>
    </message>
    <message>
        <source>Start restores from that savepoint.</source>
        <translation>Starten stellt aus diesem Savepoint wieder her.</translation>
    </message>
    <message>
        <source>%1 is suspended: the job stops without a savepoint.</source>
        <translation>%1 wird angehalten: der Job stoppt ohne Savepoint.</translation>
    </message>
    <message>
        <source>Start restores from: %1.</source>
        <translation>Starten stellt wieder her aus: %1.</translation>
    </message>
    <message>
        <source>%1 is suspended: the job stops and its state is discarded (upgrade mode stateless).</source>
        <translation>%1 wird angehalten: der Job stoppt und sein Zustand wird verworfen (Upgrade-Modus stateless).</translation>
    </message>
    <message>
        <source>%1 is cancelled and keeps its latest state: the upgrade mode becomes last-state and the job stops without a savepoint.</source>
        <translation>%1 wird abgebrochen und behält seinen letzten Zustand: der Upgrade-Modus wird last-state und der Job stoppt ohne Savepoint.</translation>
    </message>
    <message>
        <source>%1 is cancelled and its state discarded: the upgrade mode becomes stateless and the job stops.</source>
        <translation>%1 wird abgebrochen und sein Zustand verworfen: der Upgrade-Modus wird stateless und der Job stoppt.</translation>
    </message>
    <message>
        <source>Start will not restore any state.</source>
        <translation>Starten stellt keinen Zustand wieder her.</translation>
    </message>
    <message>
        <source>The operator deploys %1&apos;s job again.</source>
        <translation>Der Operator stellt den Job von %1 erneut bereit.</translation>
    </message>
    <message>
        <source>The operator restarts %1 (%2).</source>
        <translation>Der Operator startet %1 neu (%2).</translation>
    </message>
    <message>
        <source>With upgrade mode %1, %2</source>
        <translation>Mit Upgrade-Modus %1 %2</translation>
    </message>
    <message>
        <source>Restart and redeploy nonces, the desired state, the upgrade mode and initialSavepointPath stay as they are.</source>
        <translation>Restart- und Redeploy-Nonces, der gewünschte Zustand, der Upgrade-Modus und initialSavepointPath bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>The current spec already is the last stable spec: nothing is written.</source>
        <translation>Die aktuelle Spec ist bereits die letzte stabile Spec: nichts wird geschrieben.</translation>
    </message>
    <message>
        <source>%1 stays suspended: Start runs the rolled-back spec.</source>
        <translation>%1 bleibt angehalten: Starten führt die zurückgesetzte Spec aus.</translation>
    </message>
    <message>
        <source>The spec the operator last saw running stably replaces the current one.</source>
        <translation>Die Spec, die der Operator zuletzt stabil laufen sah, ersetzt die aktuelle.</translation>
    </message>
    <message>
        <source>taken %1 ago</source>
        <translation>vor %1 erstellt</translation>
    </message>
    <message>
        <source>of unknown time</source>
        <translation>unbekannter Zeit</translation>
    </message>
    <message>
        <source>The job is redeployed from the snapshot %1: %2</source>
        <translation>Der Job wird aus dem Snapshot (%1) neu bereitgestellt: %2</translation>
    </message>
    <message>
        <source>The configuration live at that time replaces today&apos;s; restart and redeploy nonces, the desired state and the upgrade mode stay as they are now.</source>
        <translation>Die damals aktive Konfiguration ersetzt die heutige; Restart- und Redeploy-Nonces, der gewünschte Zustand und der Upgrade-Modus bleiben, wie sie jetzt sind.</translation>
    </message>
    <message>
        <source>Capstan did not observe the configuration live at that time, so only the state is restored: today&apos;s configuration stays, with the snapshot as initialSavepointPath.</source>
        <translation>Capstan hat die damals aktive Konfiguration nicht beobachtet, daher wird nur der Zustand wiederhergestellt: die heutige Konfiguration bleibt, mit dem Snapshot als initialSavepointPath.</translation>
    </message>
    <message>
        <source>%1 is deleted.</source>
        <translation>%1 wird gelöscht.</translation>
    </message>
    <message>
        <source>A final savepoint is taken first (kubernetes.operator.job.savepoint-on-deletion).</source>
        <translation>Zuerst wird ein letzter Savepoint erstellt (kubernetes.operator.job.savepoint-on-deletion).</translation>
    </message>
    <message>
        <source>No final savepoint is taken: the job and its state are gone, except savepoints already written.</source>
        <translation>Es wird kein letzter Savepoint erstellt: der Job und sein Zustand sind weg, außer bereits geschriebenen Savepoints.</translation>
    </message>
    <message>
        <source>Ververica Platform starts a new job for %1.</source>
        <translation>Ververica Platform startet einen neuen Job für %1.</translation>
    </message>
    <message>
        <source>Ververica Platform takes a savepoint of %1 (origin SUSPEND), then stops the job.</source>
        <translation>Ververica Platform erstellt einen Savepoint von %1 (Ursprung SUSPEND) und stoppt dann den Job.</translation>
    </message>
    <message>
        <source>Start restores from that savepoint (restore strategy %1).</source>
        <translation>Start stellt aus diesem Savepoint wieder her (Wiederherstellungsstrategie %1).</translation>
    </message>
    <message>
        <source>Ververica Platform cancels %1: the job stops without a savepoint.</source>
        <translation>Ververica Platform bricht %1 ab: der Job stoppt ohne Savepoint.</translation>
    </message>
    <message>
        <source>With restore strategy LATEST_STATE, Start restores the newer of the latest savepoint and the latest retained checkpoint; now: %1.</source>
        <translation>Mit der Wiederherstellungsstrategie LATEST_STATE stellt Start den neueren aus letztem Savepoint und letztem aufbewahrten Checkpoint wieder her; jetzt: %1.</translation>
    </message>
    <message>
        <source>%1 is deleted from Ververica Platform.</source>
        <translation>%1 wird aus Ververica Platform gelöscht.</translation>
    </message>
    <message>
        <source>Its savepoints stay in their storage; the platform forgets the deployment&apos;s jobs and events.</source>
        <translation>Seine Savepoints bleiben in ihrem Speicher; die Plattform vergisst die Jobs und Ereignisse des Deployments.</translation>
    </message>
    <message>
        <source>The operator resets the autoscaler of %1 (%2).</source>
        <translation>Der Operator setzt den Autoskalierer von %1 zurück (%2).</translation>
    </message>
    <message>
        <source>The autoscaler&apos;s collected metrics, its parallelism overrides and its scaling history are cleared; the job returns to the spec&apos;s parallelism at its next upgrade and the autoscaler starts collecting anew.</source>
        <translation>Die gesammelten Metriken des Autoskalierers, seine Parallelitäts-Overrides und sein Skalierungsverlauf werden gelöscht; der Job kehrt beim nächsten Upgrade zur Parallelität der Spec zurück, und der Autoskalierer sammelt von Neuem.</translation>
    </message>
    <message>
        <source>The autoscaler of %1 becomes advisory: it only recommends.</source>
        <translation>Der Autoskalierer von %1 wird beratend: Er empfiehlt nur.</translation>
    </message>
    <message>
        <source>It keeps collecting metrics and computing parallelisms, but no longer rescales the job; the operator reports each recommendation as an event.</source>
        <translation>Er sammelt weiter Metriken und berechnet Parallelitäten, skaliert den Job aber nicht mehr; der Operator meldet jede Empfehlung als Ereignis.</translation>
    </message>
    <message>
        <source>The autoscaler of %1 becomes active: it scales the job.</source>
        <translation>Der Autoskalierer von %1 wird aktiv: Er skaliert den Job.</translation>
    </message>
    <message>
        <source>When its metrics call for another parallelism, the operator rescales the job: in place where Flink supports it, otherwise by redeploying it; with upgrade mode %1, %2</source>
        <translation>Verlangen seine Metriken eine andere Parallelität, skaliert der Operator den Job: direkt, wo Flink es unterstützt, sonst durch erneutes Deployen; mit dem Upgrade-Modus %1, %2</translation>
    </message>
    <message>
        <source>The operator&apos;s autoscaler is enabled for %1.</source>
        <translation>Der Autoskalierer des Operators wird für %1 eingeschaltet.</translation>
    </message>
    <message>
        <source>The spec already lets it scale (%1: true): it rescales the job once it has collected enough metrics.</source>
        <translation>Die Spec lässt ihn bereits skalieren (%1: true): Er skaliert den Job, sobald er genug Metriken gesammelt hat.</translation>
    </message>
    <message>
        <source>It starts in advisory mode (%1: false): it collects metrics and recommends parallelisms without changing the job.</source>
        <translation>Er beginnt beratend (%1: false): Er sammelt Metriken und empfiehlt Parallelitäten, ohne den Job zu ändern.</translation>
    </message>
    <message>
        <source>It is advisory (%1: false): it collects metrics and recommends parallelisms without changing the job.</source>
        <translation>Er ist beratend (%1: false): Er sammelt Metriken und empfiehlt Parallelitäten, ohne den Job zu ändern.</translation>
    </message>
    <message>
        <source>Read its recommendations, then switch it to Active to let it scale.</source>
        <translation>Lesen Sie seine Empfehlungen und stellen Sie ihn dann auf „Aktiv“, damit er skaliert.</translation>
    </message>
    <message>
        <source>The operator&apos;s autoscaler is disabled for %1.</source>
        <translation>Der Autoskalierer des Operators wird für %1 ausgeschaltet.</translation>
    </message>
    <message>
        <source>The operator drops the autoscaler&apos;s parallelism overrides and the job returns to the spec&apos;s parallelism: where the autoscaler had changed it, the job is redeployed; with upgrade mode %1, %2</source>
        <translation>Der Operator verwirft die Parallelitäts-Overrides des Autoskalierers, und der Job kehrt zur Parallelität der Spec zurück: Wo der Autoskalierer sie geändert hatte, wird der Job neu deployt; mit dem Upgrade-Modus %1, %2</translation>
    </message>
    <message>
        <source>the savepoint chosen (%1)</source>
        <translation>dem gewählten Savepoint (%1)</translation>
    </message>
    <message>
        <source>the retained checkpoint %1 (%2)</source>
        <translation>dem aufbewahrten Checkpoint %1 (%2)</translation>
    </message>
    <message>
        <source>the savepoint %1 (%2)</source>
        <translation>dem Savepoint %1 (%2)</translation>
    </message>
    <message>
        <source>Ververica Platform starts a new job of %1 from %2.</source>
        <translation>Ververica Platform startet einen neuen Job von %1 aus %2.</translation>
    </message>
    <message>
        <source>It copies %1 to %2 as a savepoint of origin COPIED, then sets the desired state to RUNNING.</source>
        <translation>Sie kopiert %1 als Savepoint mit Herkunft COPIED zu %2 und setzt dann den Soll-Zustand auf RUNNING.</translation>
    </message>
    <message>
        <source>The restore strategy changes from NONE, which would restore nothing, to LATEST_SAVEPOINT, which restores the newest savepoint: the copy.</source>
        <translation>Die Wiederherstellungsstrategie wechselt von NONE, die nichts wiederherstellen würde, zu LATEST_SAVEPOINT, die den neuesten Savepoint wiederherstellt: die Kopie.</translation>
    </message>
    <message>
        <source>Restore strategy LATEST_STATE restores the newer of the latest savepoint and the latest retained checkpoint: the copy, made now.</source>
        <translation>Die Wiederherstellungsstrategie LATEST_STATE stellt den neueren von neuestem Savepoint und neuestem aufbewahrtem Checkpoint wieder her: die jetzt erstellte Kopie.</translation>
    </message>
    <message>
        <source>Restore strategy %1 restores the newest savepoint: the copy, made now.</source>
        <translation>Die Wiederherstellungsstrategie %1 stellt den neuesten Savepoint wieder her: die jetzt erstellte Kopie.</translation>
    </message>
    <message>
        <source>%1 is %2 now: no job is stopped.</source>
        <translation>%1 ist jetzt %2: Kein Job wird gestoppt.</translation>
    </message>
    <message>
        <source>Only the state comes from the savepoint: the platform runs the deployment&apos;s current configuration, not the one live when the savepoint was taken.</source>
        <translation>Nur der Zustand kommt aus dem Savepoint: Die Plattform führt die aktuelle Konfiguration des Deployments aus, nicht die, die beim Erstellen des Savepoints galt.</translation>
    </message>
    <message>
        <source>%1 is cancelled, then deleted from Ververica Platform.</source>
        <translation>%1 wird abgebrochen und dann aus Ververica Platform gelöscht.</translation>
    </message>
    <message>
        <source>The platform deletes only cancelled or suspended deployments: Capstan sets the desired state to CANCELLED (the job stops without a savepoint), waits until the platform reports it cancelled, then deletes it. Its savepoints stay in their storage; the platform forgets the deployment&apos;s jobs and events.</source>
        <translation>Die Plattform löscht nur abgebrochene oder angehaltene Deployments: Capstan setzt den Soll-Zustand auf CANCELLED (der Job stoppt ohne Savepoint), wartet, bis die Plattform ihn als abgebrochen meldet, und löscht ihn dann. Seine Savepoints bleiben in ihrem Speicher; die Plattform vergisst die Jobs und Ereignisse des Deployments.</translation>
    </message>
    <message>
        <source>The snapshot %1 of %2 is deleted.</source>
        <translation>Der Snapshot %1 von %2 wird gelöscht.</translation>
    </message>
    <message>
        <source>The operator disposes of its data in %1 when the snapshot asks for it (disposeOnDelete) and a JobManager of the job can reach it; otherwise the files stay in their storage. Nothing restores from it afterwards.</source>
        <translation>Der Operator verwirft seine Daten in %1, wenn der Snapshot es verlangt (disposeOnDelete) und ein JobManager des Jobs sie erreicht; sonst bleiben die Dateien in ihrem Speicher. Danach stellt nichts mehr aus ihm wieder her.</translation>
    </message>
    <message>
        <source>its storage</source>
        <translation>seinem Speicher</translation>
    </message>
</context>
<context>
    <name>capstan::ActionRunner</name>
    <message>
        <source>An action with id %1 is already running.</source>
        <translation>Eine Aktion mit der ID %1 läuft bereits.</translation>
    </message>
    <message>
        <source>Another action (%1) is still running on %2; wait for it to finish or abandon it.</source>
        <translation>Eine andere Aktion (%1) läuft noch auf %2; warten Sie, bis sie fertig ist, oder geben Sie sie auf.</translation>
    </message>
</context>
<context>
    <name>capstan::ActionsController</name>
    <message>
        <source>&amp;Deployment</source>
        <translation>D&amp;eployment</translation>
    </message>
    <message>
        <source>Select a deployment first.</source>
        <translation>Wählen Sie zuerst ein Deployment aus.</translation>
    </message>
    <message>
        <source>Another action is running on this deployment.</source>
        <translation>Auf diesem Deployment läuft eine andere Aktion.</translation>
    </message>
    <message>
        <source>Not permitted: the API server says your account may not %1 %2 in namespace &quot;%3&quot;.</source>
        <translation>Nicht erlaubt: Laut API-Server darf Ihr Konto im Namespace „%3“ nicht %1 auf %2 ausführen.</translation>
    </message>
    <message>
        <source>Waiting for the cluster to show the result of the last action.</source>
        <translation>Warten, bis der Cluster das Ergebnis der letzten Aktion zeigt.</translation>
    </message>
    <message>
        <source>%1 did not complete: %2</source>
        <translation>%1 wurde nicht abgeschlossen: %2</translation>
    </message>
    <message>
        <source>Open %1 first: the change applies to it as it is now.</source>
        <translation>Öffnen Sie zuerst %1: die Änderung wird auf den aktuellen Stand angewendet.</translation>
    </message>
</context>
<context>
    <name>capstan::ActivityModel</name>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>wartet…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>capstan::ActivityPanel</name>
    <message>
        <source>&amp;Abandon</source>
        <translation>Auf&amp;geben</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Stop waiting for the selected action. A change already sent stays on the server.</source>
        <translation>Nicht länger auf die ausgewählte Aktion warten. Eine bereits gesendete Änderung bleibt auf dem Server.</translation>
    </message>
    <message>
        <source>&amp;Reopen with My Change</source>
        <translation>Mit meiner Änderung erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open Configure Deployment again with the change of the selected action on the deployment as it is now.</source>
        <translation>Öffnet „Deployment konfigurieren“ erneut mit der Änderung der gewählten Aktion, angewendet auf den aktuellen Stand des Deployments.</translation>
    </message>
</context>
<context>
    <name>capstan::ArgumentListEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an argument</source>
        <translation>Ein Argument hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected argument (Delete)</source>
        <translation>Das ausgewählte Argument entfernen (Entf)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move the selected argument up (Alt+Up)</source>
        <translation>Das ausgewählte Argument nach oben verschieben (Alt+Hoch)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the selected argument down (Alt+Down)</source>
        <translation>Das ausgewählte Argument nach unten verschieben (Alt+Runter)</translation>
    </message>
    <message>
        <source>No arguments.</source>
        <translation>Keine Argumente.</translation>
    </message>
    <message>
        <source>Job arguments</source>
        <translation>Job-Argumente</translation>
    </message>
</context>
<context>
    <name>capstan::AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>capstan::AutoscalerPanel</name>
    <message>
        <source>Vertices as the autoscaler sees them</source>
        <translation>Knoten, wie der Autoskalierer sie sieht</translation>
    </message>
    <message>
        <source>The autoscaler&apos;s decisions, newest first</source>
        <translation>Die Entscheidungen des Autoskalierers, neueste zuerst</translation>
    </message>
    <message>
        <source>Decisions (scaling history and the autoscaler&apos;s Events, newest first)</source>
        <translation>Entscheidungen (Skalierungsverlauf und Ereignisse des Autoskalierers, neueste zuerst)</translation>
    </message>
    <message>
        <source>Reading the deployment…</source>
        <translation>Deployment wird gelesen…</translation>
    </message>
    <message>
        <source>The autoscaler&apos;s ConfigMap cannot be read: %1. Showing what was last read.</source>
        <translation>Die ConfigMap des Autoskalierers kann nicht gelesen werden: %1. Angezeigt wird der zuletzt gelesene Stand.</translation>
    </message>
    <message>
        <source>Unreadable in the ConfigMap (the operator discards such a key and starts it anew): %1.</source>
        <translation>Unlesbar in der ConfigMap (der Operator verwirft einen solchen Schlüssel und beginnt ihn neu): %1.</translation>
    </message>
    <message numerus="yes">
        <source>Restart cost of past scalings: %n scaling(s) recorded</source>
        <translation>
            <numerusform>Neustartkosten vergangener Skalierungen: %n Skalierung aufgezeichnet</numerusform>
            <numerusform>Neustartkosten vergangener Skalierungen: %n Skalierungen aufgezeichnet</numerusform>
        </translation>
    </message>
    <message>
        <source>, the job ran again after %1 s on average</source>
        <translation>, der Job lief im Mittel nach %1 s wieder</translation>
    </message>
    <message>
        <source>; the latest (%1) took %2 s.</source>
        <translation>; die letzte (%1) dauerte %2 s.</translation>
    </message>
    <message>
        <source>; the latest (%1) is still restarting or was not measured.</source>
        <translation>; die letzte (%1) startet noch neu oder wurde nicht gemessen.</translation>
    </message>
    <message>
        <source>Memory tuning proposes: %1.</source>
        <translation>Die Speicheroptimierung schlägt vor: %1.</translation>
    </message>
</context>
<context>
    <name>capstan::AutoscalerReport</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%1 could process %2 at full load, but %3 arrive: at the target utilization of %4 it needs %n subtask(s).</source>
        <translation>
            <numerusform>%1 könnte bei voller Last %2 verarbeiten, es kommen aber %3 an: Bei der Zielauslastung von %4 braucht er %n Subtask.</numerusform>
            <numerusform>%1 könnte bei voller Last %2 verarbeiten, es kommen aber %3 an: Bei der Zielauslastung von %4 braucht er %n Subtasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 could process %2 at full load and only %3 arrive: %n subtask(s) keep it at the target utilization of %4.</source>
        <translation>
            <numerusform>%1 könnte bei voller Last %2 verarbeiten, und es kommen nur %3 an: %n Subtask hält ihn bei der Zielauslastung von %4.</numerusform>
            <numerusform>%1 könnte bei voller Last %2 verarbeiten, und es kommen nur %3 an: %n Subtasks halten ihn bei der Zielauslastung von %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was busier than the target utilization of %2 allows.</source>
        <translation>%1 war stärker ausgelastet, als die Zielauslastung von %2 erlaubt.</translation>
    </message>
    <message>
        <source>%1 was idler than the target utilization of %2 calls for.</source>
        <translation>%1 war weniger ausgelastet, als die Zielauslastung von %2 verlangt.</translation>
    </message>
    <message>
        <source>Expected capacity after scaling: %1.</source>
        <translation>Erwartete Kapazität nach der Skalierung: %1.</translation>
    </message>
    <message>
        <source>%1 M/s</source>
        <translation>%1 Mio./s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Off: job.autoscaler options are set, but job.autoscaler.enabled is not &quot;true&quot;. The job runs at the spec&apos;s parallelism.</source>
        <translation>Aus: job.autoscaler-Optionen sind gesetzt, aber job.autoscaler.enabled ist nicht „true“. Der Job läuft mit der Parallelität der Spec.</translation>
    </message>
    <message>
        <source>Advisory: the autoscaler evaluates the job and reports the parallelism it recommends in ScalingReport Events, but does not apply it (job.autoscaler.scaling.enabled: false).</source>
        <translation>Beratend: Der Autoskalierer bewertet den Job und meldet die empfohlene Parallelität in ScalingReport-Ereignissen, wendet sie aber nicht an (job.autoscaler.scaling.enabled: false).</translation>
    </message>
    <message>
        <source>Active: the autoscaler rescales each vertex whose busy time leaves %1 ± %2, judged over a %3 metric window once the job has run for %4.</source>
        <translation>Aktiv: Der Autoskalierer skaliert jeden Knoten, dessen Auslastung %1 ± %2 verlässt, beurteilt über ein Metrikfenster von %3, sobald der Job %4 gelaufen ist.</translation>
    </message>
    <message>
        <source>Now inside an excluded period (%1, UTC): it decides nothing until the period ends.</source>
        <translation>Jetzt in einem ausgeschlossenen Zeitraum (%1, UTC): Er entscheidet nichts, bis der Zeitraum endet.</translation>
    </message>
    <message>
        <source>Excluded periods: %1 (UTC).</source>
        <translation>Ausgeschlossene Zeiträume: %1 (UTC).</translation>
    </message>
    <message>
        <source>Cron expressions among them are not evaluated here.</source>
        <translation>Cron-Ausdrücke darunter werden hier nicht ausgewertet.</translation>
    </message>
    <message>
        <source>spec change seen here</source>
        <translation>hier gesehene Spec-Änderung</translation>
    </message>
    <message>
        <source>Event SpecChanged</source>
        <translation>Ereignis SpecChanged</translation>
    </message>
    <message>
        <source>Autoscaler reset</source>
        <translation>Autoskalierer zurückgesetzt</translation>
    </message>
    <message>
        <source>spec.job.autoscalerResetNonce changed: the autoscaler&apos;s collected metrics, parallelism overrides and scaling history were cleared.</source>
        <translation>spec.job.autoscalerResetNonce wurde geändert: Die gesammelten Metriken, Parallelitäts-Overrides und der Skalierungsverlauf des Autoskalierers wurden gelöscht.</translation>
    </message>
    <message>
        <source>Scale-down to %1 held back since %2: the autoscaler scales down only after the load has stayed low for the scale-down interval (%3, until %4).</source>
        <translation>Herunterskalieren auf %1 seit %2 zurückgehalten: Der Autoskalierer skaliert erst herunter, wenn die Last das ganze Herunterskalierungsintervall niedrig blieb (%3, bis %4).</translation>
    </message>
    <message>
        <source>ConfigMap (scalingHistory)</source>
        <translation>ConfigMap (scalingHistory)</translation>
    </message>
    <message>
        <source>ConfigMap (scalingHistory) and Event ScalingReport</source>
        <translation>ConfigMap (scalingHistory) und Ereignis ScalingReport</translation>
    </message>
    <message>
        <source>The job ran again %1 later.</source>
        <translation>Der Job lief %1 später wieder.</translation>
    </message>
    <message numerus="yes">
        <source>Event %1 (%n times)</source>
        <translation>
            <numerusform>Ereignis %1 (%n-mal)</numerusform>
            <numerusform>Ereignis %1 (%n-mal)</numerusform>
        </translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>Not applied: advisory mode (job.autoscaler.scaling.enabled: false).</source>
        <translation>Nicht angewendet: beratender Modus (job.autoscaler.scaling.enabled: false).</translation>
    </message>
    <message>
        <source>%1 limited to %2 (wanted %3)</source>
        <translation>%1 auf %2 begrenzt (gewünscht %3)</translation>
    </message>
    <message>
        <source>The load calls for %1 subtasks, but a keyed or partitioned vertex is scaled to a parallelism that divides its %2 key groups or partitions evenly, at most %3: %4 is the closest that does. Raise pipeline.max-parallelism (a state migration) or job.autoscaler.vertex.max-parallelism to allow more.</source>
        <translation>Die Last verlangt %1 Subtasks, aber ein Knoten mit Schlüsseln oder Partitionen wird auf eine Parallelität skaliert, die seine %2 Key Groups oder Partitionen gleichmäßig teilt, höchstens %3: %4 kommt dem am nächsten. Erhöhen Sie pipeline.max-parallelism (eine Zustandsmigration) oder job.autoscaler.vertex.max-parallelism, um mehr zu erlauben.</translation>
    </message>
    <message>
        <source>Scaling limited</source>
        <translation>Skalierung begrenzt</translation>
    </message>
    <message>
        <source>Ineffective scaling</source>
        <translation>Wirkungslose Skalierung</translation>
    </message>
    <message>
        <source>A scale-up that did not raise the processing rate as expected: the bottleneck is elsewhere (an external system, skew). With job.autoscaler.scaling.effectiveness.detection.enabled the autoscaler stops scaling this vertex up.</source>
        <translation>Ein Hochskalieren, das die Verarbeitungsrate nicht wie erwartet erhöht hat: Der Engpass liegt woanders (ein externes System, ungleich verteilte Schlüssel). Mit job.autoscaler.scaling.effectiveness.detection.enabled skaliert der Autoskalierer diesen Knoten nicht weiter hoch.</translation>
    </message>
    <message>
        <source>Blocked by the namespace&apos;s resource quota</source>
        <translation>Durch das Ressourcenkontingent des Namespace blockiert</translation>
    </message>
    <message>
        <source>Memory pressure</source>
        <translation>Speicherdruck</translation>
    </message>
    <message>
        <source>Scaling vetoed</source>
        <translation>Skalierung abgelehnt</translation>
    </message>
    <message>
        <source>Autoscaler error</source>
        <translation>Fehler des Autoskalierers</translation>
    </message>
    <message>
        <source>Memory tuning</source>
        <translation>Speicheroptimierung</translation>
    </message>
    <message>
        <source>removes %1</source>
        <translation>entfernt %1</translation>
    </message>
    <message>
        <source>The autoscaler&apos;s state of an earlier run is still kept in its ConfigMap.</source>
        <translation>Der Zustand des Autoskalierers aus einem früheren Lauf liegt noch in seiner ConfigMap.</translation>
    </message>
    <message>
        <source>No autoscaler state yet: it starts collecting metrics once the job has run for %1, and decides after a full metric window of %2.</source>
        <translation>Noch kein Zustand des Autoskalierers: Er beginnt Metriken zu sammeln, sobald der Job %1 gelaufen ist, und entscheidet nach einem vollen Metrikfenster von %2.</translation>
    </message>
    <message>
        <source>The autoscaler&apos;s state is empty (reset, or nothing collected yet): it collects metrics again once the job has run for %1.</source>
        <translation>Der Zustand des Autoskalierers ist leer (zurückgesetzt oder noch nichts gesammelt): Er sammelt wieder Metriken, sobald der Job %1 gelaufen ist.</translation>
    </message>
    <message>
        <source>Collecting metrics: %1 of the %2 window so far; no decision before it is full.</source>
        <translation>Metriken werden gesammelt: bisher %1 des Fensters von %2; keine Entscheidung, bevor es voll ist.</translation>
    </message>
    <message>
        <source>Rescaled in place</source>
        <translation>Im laufenden Betrieb skaliert</translation>
    </message>
    <message>
        <source>The operator gave the running job its new parallelism through the REST API (the adaptive scheduler restarts the tasks from the latest checkpoint) instead of redeploying it: %1</source>
        <translation>Der Operator hat dem laufenden Job die neue Parallelität über die REST-API gegeben (der Adaptive Scheduler startet die Tasks aus dem neuesten Checkpoint neu), statt ihn neu zu deployen: %1</translation>
    </message>
</context>
<context>
    <name>capstan::AutoscalerTimelineModel</name>
    <message>
        <source>Scaled up</source>
        <translation>Hochskaliert</translation>
    </message>
    <message>
        <source>Scaled down</source>
        <translation>Herunterskaliert</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>Begrenzt</translation>
    </message>
    <message>
        <source>Ineffective</source>
        <translation>Wirkungslos</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Memory tuning</source>
        <translation>Speicheroptimierung</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>capstan::AutoscalerVertexModel</name>
    <message>
        <source>%1 (as now)</source>
        <translation>%1 (wie jetzt)</translation>
    </message>
    <message>
        <source>%1 ▲</source>
        <translation>%1 ▲</translation>
    </message>
    <message>
        <source>%1 ▼</source>
        <translation>%1 ▼</translation>
    </message>
    <message>
        <source>%1
Vertex ID %2</source>
        <translation>%1
Knoten-ID %2</translation>
    </message>
    <message>
        <source>The parallelism the autoscaler set (its override) or, in advisory mode, recommends</source>
        <translation>Die Parallelität, die der Autoskalierer gesetzt hat (sein Override) oder im beratenden Modus empfiehlt</translation>
    </message>
    <message>
        <source>Busy time of the vertex&apos;s subtasks, averaged over the metric window</source>
        <translation>Auslastung der Subtasks des Knotens, gemittelt über das Metrikfenster</translation>
    </message>
    <message>
        <source>Records per second the vertex would process at full load (its true processing rate)</source>
        <translation>Datensätze pro Sekunde, die der Knoten bei voller Last verarbeiten würde (seine tatsächliche Verarbeitungsrate)</translation>
    </message>
    <message>
        <source>Records per second arriving that the vertex must keep up with, including catching up on lag</source>
        <translation>Ankommende Datensätze pro Sekunde, mit denen der Knoten Schritt halten muss, einschließlich des Abbaus von Rückstand</translation>
    </message>
    <message>
        <source>Records the source has not read yet (pending records)</source>
        <translation>Datensätze, die die Quelle noch nicht gelesen hat (ausstehende Datensätze)</translation>
    </message>
    <message>
        <source>Key groups or source partitions: the parallelism is kept to a divisor of it</source>
        <translation>Key Groups oder Quellpartitionen: Die Parallelität bleibt ein Teiler davon</translation>
    </message>
    <message>
        <source>Vertex</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Autoscaler</source>
        <translation>Autoskalierer</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>True processing rate</source>
        <translation>Tatsächliche Verarbeitungsrate</translation>
    </message>
    <message>
        <source>Target rate</source>
        <translation>Zielrate</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>The autoscaler scales this vertex to at most %1 (job.autoscaler.vertex.max-parallelism).</source>
        <translation>Der Autoscaler skaliert diesen Vertex auf höchstens %1 (job.autoscaler.vertex.max-parallelism).</translation>
    </message>
</context>
<context>
    <name>capstan::Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>capstan::BackendSession</name>
    <message>
        <source>This context is not a Ververica Platform: Deployment Defaults and Secret Values belong to a platform&apos;s namespaces.</source>
        <translation>Dieser Kontext ist keine Ververica Platform: Deployment-Standardwerte und Secret Values gehören zu den Namespaces einer Plattform.</translation>
    </message>
</context>
<context>
    <name>capstan::ClusterSession</name>
    <message>
        <source>The cluster connection is not open, so nothing was sent.</source>
        <translation>Die Verbindung zum Cluster ist nicht offen, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The cluster connection is not open.</source>
        <translation>Die Verbindung zum Cluster ist nicht offen.</translation>
    </message>
</context>
<context>
    <name>capstan::CommandPalette</name>
    <message>
        <source>Go to a deployment, run an action or a command…</source>
        <translation>Zu einem Deployment wechseln, eine Aktion oder einen Befehl ausführen…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>Passende Befehle</translation>
    </message>
    <message>
        <source>↑↓ choose   Enter run   Esc close</source>
        <translation>↑↓ auswählen   Enter ausführen   Esc schließen</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Nichts passt.</translation>
    </message>
</context>
<context>
    <name>capstan::ConfigurationView</name>
    <message>
        <source>Current spec (YAML)</source>
        <translation>Aktuelle Spec (YAML)</translation>
    </message>
    <message>
        <source>No spec.</source>
        <translation>Keine Spec.</translation>
    </message>
    <message>
        <source>Changes from the last stable spec to the last reconciled spec</source>
        <translation>Änderungen von der letzten stabilen zur zuletzt abgeglichenen Spec</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>Last reconciled vs last stable</source>
        <translation>Zuletzt abgeglichen vs. zuletzt stabil</translation>
    </message>
    <message>
        <source>No reconciled spec yet.</source>
        <translation>Noch keine abgeglichene Spec.</translation>
    </message>
    <message>
        <source>A spec change is pending: generation %1 is not yet reconciled (observed %2).</source>
        <translation>Eine Spec-Änderung steht aus: Generation %1 ist noch nicht abgeglichen (beobachtet: %2).</translation>
    </message>
    <message>
        <source>No stable spec yet: the last reconciled spec has not become stable.</source>
        <translation>Noch keine stabile Spec: Die zuletzt abgeglichene Spec ist nicht stabil geworden.</translation>
    </message>
    <message>
        <source>The last reconciled spec is the last stable spec.</source>
        <translation>Die zuletzt abgeglichene Spec ist die letzte stabile Spec.</translation>
    </message>
    <message>
        <source>The last reconciled spec differs from the last stable spec: %1, %2.</source>
        <translation>Die zuletzt abgeglichene Spec weicht von der letzten stabilen Spec ab: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt</numerusform>
            <numerusform>%n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n Zeile entfernt</numerusform>
            <numerusform>%n Zeilen entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Managed by the autoscaler: %1 in the reconciled spec is %2, set by the operator&apos;s autoscaler, not in the deployment&apos;s spec.</source>
        <translation>Vom Autoskalierer verwaltet: %1 ist in der abgeglichenen Spec %2, gesetzt vom Autoskalierer des Operators, nicht in der Spec des Deployments.</translation>
    </message>
    <message>
        <source>Roll Back to This Revision…</source>
        <translation>Auf diese Revision zurücksetzen…</translation>
    </message>
    <message>
        <source>Configure the deployment with the previous revision&apos;s spec: the review shows the change before anything is written</source>
        <translation>Das Deployment mit der Spec der vorigen Revision konfigurieren: Die Prüfung zeigt die Änderung, bevor etwas geschrieben wird</translation>
    </message>
    <message>
        <source>Changes since the previous revision</source>
        <translation>Änderungen seit der vorigen Revision</translation>
    </message>
    <message>
        <source>Changes from the previous recorded revision to the current spec</source>
        <translation>Änderungen von der zuvor aufgezeichneten Revision zur aktuellen Spec</translation>
    </message>
    <message>
        <source>Reading the revisions Capstan recorded…</source>
        <translation>Die von Capstan aufgezeichneten Revisionen werden gelesen…</translation>
    </message>
    <message>
        <source>No earlier revision recorded yet: Capstan records a revision each time it sees the spec change.</source>
        <translation>Noch keine frühere Revision aufgezeichnet: Capstan zeichnet jedes Mal eine Revision auf, wenn es die Spec sich ändern sieht.</translation>
    </message>
    <message>
        <source>The spec is the same as in the revision of %1.</source>
        <translation>Die Spec ist dieselbe wie in der Revision vom %1.</translation>
    </message>
    <message>
        <source>Changes since the revision of %1, made %2 by %3: %4, %5.</source>
        <translation>Änderungen seit der Revision vom %1, vorgenommen %2 durch %3: %4, %5.</translation>
    </message>
    <message>
        <source>Changes since the revision of %1, made %2: %3, %4.</source>
        <translation>Änderungen seit der Revision vom %1, vorgenommen %2: %3, %4.</translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureConflictPage</name>
    <message>
        <source>Nothing was written. The deployment is at version %1 on the server; you edited version %2. Choose whether to apply your change on top of theirs or to drop it.</source>
        <translation>Es wurde nichts geschrieben. Das Deployment hat auf dem Server die Version %1; Sie haben Version %2 bearbeitet. Wählen Sie, ob Ihre Änderung auf die andere angewendet oder verworfen werden soll.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>The server did not send its version of the deployment. Discard your change to reload it.</source>
        <translation>Der Server hat seine Version des Deployments nicht gesendet. Verwerfen Sie Ihre Änderung, um es neu zu laden.</translation>
    </message>
    <message>
        <source>The spec is the same; only the deployment&apos;s status or metadata changed.</source>
        <translation>Die Spec ist gleich; nur Status oder Metadaten des Deployments haben sich geändert.</translation>
    </message>
    <message>
        <source>You have not changed the spec.</source>
        <translation>Sie haben die Spec nicht geändert.</translation>
    </message>
    <message>
        <source>Both of you changed %1. Re-applying sets your values there.</source>
        <translation>Sie beide haben %1 geändert. Erneutes Anwenden setzt dort Ihre Werte.</translation>
    </message>
    <message>
        <source>Someone else changed this deployment while you were editing it</source>
        <translation>Jemand anderes hat dieses Deployment geändert, während Sie es bearbeitet haben</translation>
    </message>
    <message>
        <source>Their change (what is on the server now):</source>
        <translation>Die andere Änderung (was jetzt auf dem Server ist):</translation>
    </message>
    <message>
        <source>What changed on the server</source>
        <translation>Was sich auf dem Server geändert hat</translation>
    </message>
    <message>
        <source>Your change:</source>
        <translation>Ihre Änderung:</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Ihre Änderung</translation>
    </message>
    <message>
        <source>Reloads the deployment as it is now; your edits are dropped.</source>
        <translation>Lädt das Deployment in seinem jetzigen Stand neu; Ihre Bearbeitungen werden verworfen.</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>Meine Änderung verwerfen</translation>
    </message>
    <message>
        <source>Applies the fields you changed to the deployment as it is now, keeping the other change.</source>
        <translation>Wendet die von Ihnen geänderten Felder auf das Deployment in seinem jetzigen Stand an und behält die andere Änderung.</translation>
    </message>
    <message>
        <source>Re-apply my change on top</source>
        <translation>Meine Änderung erneut darauf anwenden</translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>New Deployment</source>
        <translation>Neues Deployment</translation>
    </message>
    <message>
        <source>Configure Deployment</source>
        <translation>Deployment konfigurieren</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Start from &amp;template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Formular</translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation>&amp;YAML</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Ü&amp;berprüfen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Zurück zum Bearbeiten</translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation>%1 im Namespace %2</translation>
    </message>
    <message>
        <source>A new FlinkDeployment</source>
        <translation>Ein neues FlinkDeployment</translation>
    </message>
    <message>
        <source>The YAML does not parse (line %1, column %2: %3). Fix it before leaving the YAML page.</source>
        <translation>Das YAML ist nicht lesbar (Zeile %1, Spalte %2: %3). Beheben Sie den Fehler, bevor Sie die YAML-Seite verlassen.</translation>
    </message>
    <message>
        <source>Choose the namespace to create it in.</source>
        <translation>Wählen Sie den Namespace, in dem es erstellt werden soll.</translation>
    </message>
    <message>
        <source>Unknown field “%1”: the cluster&apos;s schema does not have it, so it would be dropped.</source>
        <translation>Unbekanntes Feld „%1“: Das Schema des Clusters kennt es nicht, es würde also verworfen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Send the change to the cluster</source>
        <translation>Die Änderung an den Cluster senden</translation>
    </message>
    <message>
        <source>Review the change before applying it</source>
        <translation>Die Änderung vor dem Anwenden überprüfen</translation>
    </message>
    <message>
        <source>Creating the deployment…</source>
        <translation>Deployment wird erstellt…</translation>
    </message>
    <message>
        <source>The change was not applied.</source>
        <translation>Die Änderung wurde nicht angewendet.</translation>
    </message>
    <message>
        <source>Could not apply the change: %1</source>
        <translation>Die Änderung konnte nicht angewendet werden: %1</translation>
    </message>
    <message>
        <source>The cluster rejected the change; the fields it named are marked.</source>
        <translation>Der Cluster hat die Änderung abgelehnt; die genannten Felder sind markiert.</translation>
    </message>
    <message>
        <source>The cluster rejected the change: %1</source>
        <translation>Der Cluster hat die Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The deployment changed on the server since you opened it; your change was not applied.</source>
        <translation>Das Deployment hat sich auf dem Server geändert, seit Sie es geöffnet haben; Ihre Änderung wurde nicht angewendet.</translation>
    </message>
    <message>
        <source>Your change on top of the new version does not pass the checks: fix the marked fields, then apply again.</source>
        <translation>Ihre Änderung auf der neuen Version besteht die Prüfungen nicht: Beheben Sie die markierten Felder und wenden Sie sie erneut an.</translation>
    </message>
    <message>
        <source>Your change was discarded. The form shows the deployment as it is on the server now (version %1).</source>
        <translation>Ihre Änderung wurde verworfen. Das Formular zeigt das Deployment, wie es jetzt auf dem Server ist (Version %1).</translation>
    </message>
    <message>
        <source>Your change reached the cluster (generation %1), but: %2 Close this dialog to follow the deployment; Configure then starts from its spec as it is.</source>
        <translation>Ihre Änderung hat den Cluster erreicht (Generation %1), aber: %2 Schließen Sie diesen Dialog, um das Deployment zu verfolgen; Konfigurieren beginnt dann mit seiner aktuellen Spec.</translation>
    </message>
    <message>
        <source>Sending your change to the cluster…</source>
        <translation>Ihre Änderung wird an den Cluster gesendet…</translation>
    </message>
    <message>
        <source>The YAML parses and follows Ververica Platform&apos;s rules for the desired state, the strategies and the parallelism.</source>
        <translation>Das YAML ist lesbar und folgt den Regeln von Ververica Platform für den Sollzustand, die Strategien und die Parallelität.</translation>
    </message>
    <message>
        <source>A new Ververica Platform Deployment</source>
        <translation>Ein neues Ververica-Platform-Deployment</translation>
    </message>
    <message>
        <source>The YAML parses, fits the platform&apos;s API description (%1 %2) and follows its rules for the desired state, the strategies and the parallelism.</source>
        <translation>Das YAML ist lesbar, passt zur API-Beschreibung der Plattform (%1 %2) und folgt ihren Regeln für den Sollzustand, die Strategien und die Parallelität.</translation>
    </message>
    <message>
        <source>Not in the description, which leaves out a few fields the platform takes; check the spelling: %1.</source>
        <translation>Nicht in der Beschreibung, der einige Felder fehlen, die die Plattform annimmt; prüfen Sie die Schreibweise: %1.</translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureFormPage</name>
    <message>
        <source>Every upgrade takes a savepoint first and starts the new job from it; if the job is unhealthy, the latest checkpoint is used instead.</source>
        <translation>Jedes Upgrade erstellt zuerst einen Savepoint und startet den neuen Job daraus; ist der Job nicht gesund, wird stattdessen der neueste Checkpoint verwendet.</translation>
    </message>
    <message>
        <source>Every upgrade restarts the job from its latest checkpoint, found through Kubernetes HA metadata; works even when the job is failing.</source>
        <translation>Jedes Upgrade startet den Job aus seinem neuesten Checkpoint neu, den die Kubernetes-HA-Metadaten nennen; funktioniert auch, wenn der Job fehlschlägt.</translation>
    </message>
    <message>
        <source>Every upgrade starts the job again with empty state; nothing is carried over.</source>
        <translation>Jedes Upgrade startet den Job mit leerem Zustand neu; nichts wird übernommen.</translation>
    </message>
    <message>
        <source>An upgrade mode the operator does not know: choose one of the three.</source>
        <translation>Ein Upgrade-Modus, den der Operator nicht kennt: Wählen Sie einen der drei.</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Deployment name</source>
        <translation>Name des Deployments</translation>
    </message>
    <message>
        <source>e.g. github-analytics</source>
        <translation>z. B. github-analytics</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>e.g. flink</source>
        <translation>z. B. flink</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Namespa&amp;ce:</source>
        <translation>Namespa&amp;ce:</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Jar URI</source>
        <translation>Jar-URI</translation>
    </message>
    <message>
        <source>local:///opt/flink/usrlib/job.jar</source>
        <translation>local:///opt/flink/usrlib/job.jar</translation>
    </message>
    <message>
        <source>Entry class</source>
        <translation>Einstiegsklasse</translation>
    </message>
    <message>
        <source>Taken from the jar&apos;s manifest when empty</source>
        <translation>Aus dem Manifest der Jar, wenn leer</translation>
    </message>
    <message>
        <source>Job arguments</source>
        <translation>Job-Argumente</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation>Upgrade-Modus</translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation>Savepoint</translation>
    </message>
    <message>
        <source>Last state</source>
        <translation>Letzter Zustand</translation>
    </message>
    <message>
        <source>Stateless</source>
        <translation>Zustandslos</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>Job-Zustand</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>&amp;Jar URI:</source>
        <translation>&amp;Jar-URI:</translation>
    </message>
    <message>
        <source>&amp;Entry class:</source>
        <translation>Einstiegs&amp;klasse:</translation>
    </message>
    <message>
        <source>Ar&amp;guments:</source>
        <translation>Ar&amp;gumente:</translation>
    </message>
    <message>
        <source>&amp;Parallelism:</source>
        <translation>&amp;Parallelität:</translation>
    </message>
    <message>
        <source>&amp;Upgrade mode:</source>
        <translation>&amp;Upgrade-Modus:</translation>
    </message>
    <message>
        <source>Job &amp;state:</source>
        <translation>Job-Zu&amp;stand:</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Flink version</source>
        <translation>Flink-Version</translation>
    </message>
    <message>
        <source>Container image</source>
        <translation>Container-Image</translation>
    </message>
    <message>
        <source>flink:1.20</source>
        <translation>flink:1.20</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source> CPU</source>
        <translation> CPU</translation>
    </message>
    <message>
        <source>e.g. 2048m or 2g</source>
        <translation>z. B. 2048m oder 2g</translation>
    </message>
    <message>
        <source>JobManager CPU</source>
        <translation>JobManager-CPU</translation>
    </message>
    <message>
        <source>JobManager memory</source>
        <translation>JobManager-Speicher</translation>
    </message>
    <message>
        <source>TaskManager CPU</source>
        <translation>TaskManager-CPU</translation>
    </message>
    <message>
        <source>TaskManager memory</source>
        <translation>TaskManager-Speicher</translation>
    </message>
    <message>
        <source>TaskManager replicas</source>
        <translation>TaskManager-Replikate</translation>
    </message>
    <message>
        <source>From parallelism</source>
        <translation>Aus Parallelität</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Flink &amp;version:</source>
        <translation>Flink-Ve&amp;rsion:</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>J&amp;obManager CPU:</source>
        <translation>J&amp;obManager-CPU:</translation>
    </message>
    <message>
        <source>Task&amp;Manager CPU:</source>
        <translation>Task&amp;Manager-CPU:</translation>
    </message>
    <message>
        <source>TaskManager rep&amp;licas:</source>
        <translation>TaskManager-Replika&amp;te:</translation>
    </message>
    <message>
        <source>Flink configuration</source>
        <translation>Flink-Konfiguration</translation>
    </message>
    <message>
        <source>Enable &amp;Kubernetes HA</source>
        <translation>Kubernetes-&amp;HA aktivieren</translation>
    </message>
    <message>
        <source>Enable Kubernetes HA</source>
        <translation>Kubernetes-HA aktivieren</translation>
    </message>
    <message>
        <source>Sets high-availability.type: kubernetes and high-availability.storageDir; needed for last-state upgrades.</source>
        <translation>Setzt high-availability.type: kubernetes und high-availability.storageDir; nötig für Last-state-Upgrades.</translation>
    </message>
    <message>
        <source>HA storage directory</source>
        <translation>HA-Speicherverzeichnis</translation>
    </message>
    <message>
        <source>Where HA metadata is kept, e.g. s3://bucket/flink/ha</source>
        <translation>Wo die HA-Metadaten liegen, z. B. s3://bucket/flink/ha</translation>
    </message>
    <message>
        <source>Storage &amp;directory:</source>
        <translation>&amp;Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Flink %1</source>
        <translation>Flink %1</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A change to the running deployment suspends the job with a savepoint (origin SUSPEND_AND_UPGRADE) and starts the new job from it.</source>
        <translation>Eine Änderung am laufenden Deployment hält den Job mit einem Savepoint an (Herkunft SUSPEND_AND_UPGRADE) und startet den neuen Job daraus.</translation>
    </message>
    <message>
        <source>A change to the running deployment cancels the job without a savepoint and starts the new job without its state.</source>
        <translation>Eine Änderung am laufenden Deployment bricht den Job ohne Savepoint ab und startet den neuen Job ohne seinen Zustand.</translation>
    </message>
    <message>
        <source>A change leaves the running job alone: it applies when the deployment is started the next time.</source>
        <translation>Eine Änderung lässt den laufenden Job in Ruhe: Sie gilt, wenn das Deployment das nächste Mal gestartet wird.</translation>
    </message>
    <message>
        <source>An upgrade strategy Ververica Platform does not know: choose one of the three.</source>
        <translation>Eine Upgrade-Strategie, die Ververica Platform nicht kennt: Wählen Sie eine der drei.</translation>
    </message>
    <message>
        <source>A start restores the latest state the platform knows of: the newest savepoint or retained checkpoint, found through Kubernetes HA.</source>
        <translation>Ein Start stellt den neuesten Zustand her, den die Plattform kennt: den neuesten Savepoint oder aufbewahrten Checkpoint, gefunden über Kubernetes-HA.</translation>
    </message>
    <message>
        <source>A start restores the newest savepoint; checkpoints are not used.</source>
        <translation>Ein Start stellt den neuesten Savepoint wieder her; Checkpoints werden nicht verwendet.</translation>
    </message>
    <message>
        <source>A start begins with empty state, even when savepoints exist.</source>
        <translation>Ein Start beginnt mit leerem Zustand, auch wenn Savepoints existieren.</translation>
    </message>
    <message>
        <source>A restore strategy Ververica Platform does not know: choose one of the three.</source>
        <translation>Eine Wiederherstellungsstrategie, die Ververica Platform nicht kennt: Wählen Sie eine der drei.</translation>
    </message>
    <message>
        <source>e.g. s3://artifacts/job.jar or https://…/job.jar</source>
        <translation>z. B. s3://artifacts/job.jar oder https://…/job.jar</translation>
    </message>
    <message>
        <source>Upgrade strategy</source>
        <translation>Upgrade-Strategie</translation>
    </message>
    <message>
        <source>Stateful</source>
        <translation>Mit Zustand</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation>Soll-Zustand</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>&amp;Upgrade strategy:</source>
        <translation>&amp;Upgrade-Strategie:</translation>
    </message>
    <message>
        <source>Restore strategy</source>
        <translation>Wiederherstellungsstrategie</translation>
    </message>
    <message>
        <source>Latest state</source>
        <translation>Neuester Zustand</translation>
    </message>
    <message>
        <source>Latest savepoint</source>
        <translation>Neuester Savepoint</translation>
    </message>
    <message>
        <source>Allow &amp;non-restored state</source>
        <translation>&amp;Nicht wiederhergestellten Zustand erlauben</translation>
    </message>
    <message>
        <source>Start even when the restored state holds operators the new job no longer has; their state is dropped.</source>
        <translation>Auch starten, wenn der wiederhergestellte Zustand Operatoren enthält, die der neue Job nicht mehr hat; ihr Zustand wird verworfen.</translation>
    </message>
    <message>
        <source>&amp;Restore strategy:</source>
        <translation>&amp;Wiederherstellung:</translation>
    </message>
    <message>
        <source>Desired &amp;state:</source>
        <translation>&amp;Soll-Zustand:</translation>
    </message>
    <message>
        <source>Empty: the platform&apos;s image for the Flink version</source>
        <translation>Leer: das Image der Plattform für die Flink-Version</translation>
    </message>
    <message>
        <source>Number of TaskManagers</source>
        <translation>Anzahl der TaskManager</translation>
    </message>
    <message>
        <source>TaskMana&amp;gers:</source>
        <translation>TaskMana&amp;ger:</translation>
    </message>
    <message>
        <source>Sets high-availability: vvp-kubernetes, the platform&apos;s Kubernetes HA; needed for the restore strategy Latest state. The platform&apos;s blob storage keeps the HA metadata unless a storage directory is given.</source>
        <translation>Setzt high-availability: vvp-kubernetes, das Kubernetes-HA der Plattform; nötig für die Wiederherstellungsstrategie „Neuester Zustand“. Der Blob-Speicher der Plattform hält die HA-Metadaten, sofern kein Speicherverzeichnis angegeben ist.</translation>
    </message>
    <message>
        <source>Optional: the platform&apos;s blob storage keeps HA metadata</source>
        <translation>Optional: Der Blob-Speicher der Plattform hält die HA-Metadaten</translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureReviewPage</name>
    <message>
        <source>Nothing to apply.</source>
        <translation>Nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Nothing restarts: the operator only records this change.</source>
        <translation>Nichts wird neu gestartet: Der Operator hält diese Änderung nur fest.</translation>
    </message>
    <message>
        <source>The job is redeployed from savepoint %1.</source>
        <translation>Der Job wird aus Savepoint %1 neu bereitgestellt.</translation>
    </message>
    <message>
        <source>The job is suspended: a savepoint is taken first, and the job starts from it when resumed.</source>
        <translation>Der Job wird angehalten: Zuerst wird ein Savepoint erstellt, aus dem der Job beim Fortsetzen startet.</translation>
    </message>
    <message>
        <source>The job is suspended: its latest checkpoint and HA metadata are kept to resume from.</source>
        <translation>Der Job wird angehalten: Sein neuester Checkpoint und die HA-Metadaten bleiben zum Fortsetzen erhalten.</translation>
    </message>
    <message>
        <source>The job is suspended and its state is discarded.</source>
        <translation>Der Job wird angehalten und sein Zustand verworfen.</translation>
    </message>
    <message>
        <source>The job resumes from the savepoint taken when it was suspended.</source>
        <translation>Der Job setzt aus dem Savepoint fort, der beim Anhalten erstellt wurde.</translation>
    </message>
    <message>
        <source>The job resumes from its latest checkpoint.</source>
        <translation>Der Job setzt aus seinem neuesten Checkpoint fort.</translation>
    </message>
    <message>
        <source>The job starts with empty state.</source>
        <translation>Der Job startet mit leerem Zustand.</translation>
    </message>
    <message>
        <source>The job stays suspended: the change takes effect when it starts.</source>
        <translation>Der Job bleibt angehalten: Die Änderung wirkt, wenn er startet.</translation>
    </message>
    <message>
        <source>This change restarts the job: a savepoint is taken, then the job is redeployed from it.</source>
        <translation>Diese Änderung startet den Job neu: Es wird ein Savepoint erstellt, dann wird der Job daraus neu bereitgestellt.</translation>
    </message>
    <message>
        <source>This change restarts the job from its latest checkpoint.</source>
        <translation>Diese Änderung startet den Job aus seinem neuesten Checkpoint neu.</translation>
    </message>
    <message>
        <source>This change restarts the job with empty state.</source>
        <translation>Diese Änderung startet den Job mit leerem Zustand neu.</translation>
    </message>
    <message>
        <source>The spec is unchanged.</source>
        <translation>Die Spec ist unverändert.</translation>
    </message>
    <message>
        <source>You have not changed anything yet.</source>
        <translation>Sie haben noch nichts geändert.</translation>
    </message>
    <message>
        <source>Current → new spec: %1, %2.</source>
        <translation>Aktuelle → neue Spec: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt</numerusform>
            <numerusform>%n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n Zeile entfernt</numerusform>
            <numerusform>%n Zeilen entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>The deployment is created suspended: its job does not start until you start it.</source>
        <translation>Das Deployment wird angehalten erstellt: Sein Job startet erst, wenn Sie ihn starten.</translation>
    </message>
    <message>
        <source>The deployment is created and its job starts from savepoint %1.</source>
        <translation>Das Deployment wird erstellt und sein Job startet aus Savepoint %1.</translation>
    </message>
    <message>
        <source>The deployment is created and its job starts with empty state.</source>
        <translation>Das Deployment wird erstellt und sein Job startet mit leerem Zustand.</translation>
    </message>
    <message>
        <source>Creates FlinkDeployment “%1” in namespace “%2” with this spec:</source>
        <translation>Erstellt das FlinkDeployment „%1“ im Namespace „%2“ mit dieser Spec:</translation>
    </message>
    <message>
        <source>Fix these first: %1</source>
        <translation>Beheben Sie zuerst: %1</translation>
    </message>
    <message>
        <source>Changes to the spec</source>
        <translation>Änderungen an der Spec</translation>
    </message>
    <message>
        <source>Nothing runs now: the platform applies the change at the next start.</source>
        <translation>Derzeit läuft nichts: die Plattform übernimmt die Änderung beim nächsten Start.</translation>
    </message>
    <message>
        <source>Ververica Platform starts a new job with the new spec.</source>
        <translation>Ververica Platform startet einen neuen Job mit der neuen Spezifikation.</translation>
    </message>
    <message>
        <source>Ververica Platform takes a savepoint (origin SUSPEND_AND_UPGRADE), then starts a new job from it.</source>
        <translation>Ververica Platform erstellt einen Savepoint (Ursprung SUSPEND_AND_UPGRADE) und startet daraus einen neuen Job.</translation>
    </message>
    <message>
        <source>Ververica Platform stops the job and starts a new one without its state.</source>
        <translation>Ververica Platform stoppt den Job und startet einen neuen ohne seinen Zustand.</translation>
    </message>
    <message>
        <source>The running job is left as it is (upgrade strategy NONE): the change applies at the next start.</source>
        <translation>Der laufende Job bleibt, wie er ist (Upgrade-Strategie NONE): die Änderung gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>The autoscaler is active: it sets the parallelism of the vertices it scales itself (pipeline.jobvertex-parallelism-overrides), so this parallelism holds only until its next decision. Switch it to advisory (Deployment ▸ Autoscaler) to keep yours.</source>
        <translation>Der Autoskalierer ist aktiv: Er setzt die Parallelität der Knoten, die er skaliert, selbst (pipeline.jobvertex-parallelism-overrides); diese Parallelität gilt also nur bis zu seiner nächsten Entscheidung. Stellen Sie ihn auf beratend (Deployment ▸ Autoskalierer), um Ihre zu behalten.</translation>
    </message>
    <message>
        <source>Ververica Platform creates the deployment %1: nothing runs until you start it.</source>
        <translation>Ververica Platform legt das Deployment %1 an: Nichts läuft, bis Sie es starten.</translation>
    </message>
    <message>
        <source>Ververica Platform creates the deployment and starts its first job with empty state; the namespace&apos;s Deployment Defaults fill in what the spec leaves out.</source>
        <translation>Ververica Platform legt das Deployment an und startet seinen ersten Job mit leerem Zustand; die Deployment Defaults des Namespaces ergänzen, was die Spec offenlässt.</translation>
    </message>
    <message>
        <source>Creates Deployment “%1” in the platform&apos;s namespace “%2” with this spec:</source>
        <translation>Legt das Deployment „%1“ im Namespace „%2“ der Plattform mit dieser Spec an:</translation>
    </message>
</context>
<context>
    <name>capstan::ConfigureYamlPage</name>
    <message>
        <source>Spec as YAML</source>
        <translation>Spec als YAML</translation>
    </message>
    <message>
        <source>Problems in the YAML</source>
        <translation>Probleme im YAML</translation>
    </message>
    <message>
        <source>Checking the YAML…</source>
        <translation>YAML wird geprüft…</translation>
    </message>
    <message>
        <source>The spec must be a mapping of fields.</source>
        <translation>Die Spec muss eine Zuordnung von Feldern sein.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The YAML does not parse: fix the error below to continue.</source>
        <translation>Das YAML ist nicht lesbar: Beheben Sie den Fehler unten, um fortzufahren.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The YAML is valid against the cluster&apos;s schema.</source>
        <translation>Das YAML ist gemäß dem Schema des Clusters gültig.</translation>
    </message>
    <message>
        <source>The YAML parses; the cluster&apos;s schema has not arrived yet.</source>
        <translation>Das YAML ist lesbar; das Schema des Clusters ist noch nicht eingetroffen.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before applying:</source>
        <translation>
            <numerusform>%n Problem muss vor dem Anwenden behoben werden:</numerusform>
            <numerusform>%n Probleme müssen vor dem Anwenden behoben werden:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ConnectionIndicator</name>
    <message>
        <source>TLS not verified</source>
        <translation>TLS nicht geprüft</translation>
    </message>
    <message>
        <source>This context sets insecure-skip-tls-verify: the server&apos;s identity is not checked.</source>
        <translation>Dieser Kontext setzt insecure-skip-tls-verify: Die Identität des Servers wird nicht geprüft.</translation>
    </message>
    <message>
        <source>Disconnected – reconnecting in %1 s</source>
        <translation>Getrennt – neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Disconnected – reconnecting…</source>
        <translation>Getrennt – verbinde erneut…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>The cluster&apos;s clock is %1 ahead of this computer&apos;s; ages are shown by the cluster&apos;s clock.</source>
        <translation>Die Uhr des Clusters geht gegenüber diesem Computer %1 vor; Alter richten sich nach der Uhr des Clusters.</translation>
    </message>
    <message>
        <source>The cluster&apos;s clock is %1 behind this computer&apos;s; ages are shown by the cluster&apos;s clock.</source>
        <translation>Die Uhr des Clusters geht gegenüber diesem Computer %1 nach; Alter richten sich nach der Uhr des Clusters.</translation>
    </message>
    <message>
        <source>The cluster&apos;s clock runs %1 times as fast as this computer&apos;s.</source>
        <translation>Die Uhr des Clusters läuft %1-mal so schnell wie die dieses Computers.</translation>
    </message>
    <message>
        <source>Refused – asking again in %1 s</source>
        <translation>Abgewiesen – erneute Anfrage in %1 s</translation>
    </message>
    <message>
        <source>Refused – asking again…</source>
        <translation>Abgewiesen – erneute Anfrage …</translation>
    </message>
</context>
<context>
    <name>capstan::DashboardIndicator</name>
    <message>
        <source>&amp;Open Flink Dashboard</source>
        <translation>&amp;Flink-Dashboard öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+D</source>
        <translation>Ctrl+Alt+D</translation>
    </message>
    <message>
        <source>Open the Flink Web Dashboard of this deployment in the browser, through its ingress or a local proxy with your cluster credentials</source>
        <translation>Das Flink-Web-Dashboard dieses Deployments im Browser öffnen, über seinen Ingress oder einen lokalen Proxy mit Ihren Cluster-Anmeldedaten</translation>
    </message>
    <message>
        <source>Starting a local proxy for the Flink Dashboard of %1…</source>
        <translation>Lokaler Proxy für das Flink-Dashboard von %1 wird gestartet…</translation>
    </message>
    <message>
        <source>Opened the Flink Dashboard of %1 in the browser.</source>
        <translation>Das Flink-Dashboard von %1 wurde im Browser geöffnet.</translation>
    </message>
    <message>
        <source>No browser could be started; the Flink Dashboard of %1 is at %2</source>
        <translation>Es konnte kein Browser gestartet werden; das Flink-Dashboard von %1 ist unter %2 erreichbar</translation>
    </message>
    <message>
        <source>Dashboard: %1</source>
        <translation>Dashboard: %1</translation>
    </message>
    <message>
        <source>The Flink Dashboard of %1, through a proxy on this computer at %2. Click to open it again.</source>
        <translation>Das Flink-Dashboard von %1, über einen Proxy auf diesem Computer unter %2. Klicken, um es erneut zu öffnen.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stop the proxy of the Flink Dashboard of %1</source>
        <translation>Den Proxy des Flink-Dashboards von %1 beenden</translation>
    </message>
    <message>
        <source>Stop the Flink Dashboard of %1</source>
        <translation>Das Flink-Dashboard von %1 beenden</translation>
    </message>
    <message>
        <source>Cannot open the Flink Dashboard of %1/%2: %3</source>
        <translation>Das Flink-Dashboard von %1/%2 kann nicht geöffnet werden: %3</translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentDefaultsDialog</name>
    <message>
        <source>Deployment Defaults of %1</source>
        <translation>Deployment-Standardwerte von %1</translation>
    </message>
    <message>
        <source>Namespace-wide defaults the platform merges under every deployment&apos;s own spec when it starts a job. A deployment&apos;s own settings win.</source>
        <translation>Standardwerte für den ganzen Namespace, die die Plattform beim Start eines Jobs unter die eigene Spec jedes Deployments legt. Die eigenen Einstellungen eines Deployments haben Vorrang.</translation>
    </message>
    <message>
        <source>&amp;Defaults</source>
        <translation>&amp;Standardwerte</translation>
    </message>
    <message>
        <source>Effective configuration</source>
        <translation>Wirksame Konfiguration</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>&amp;Effective Configuration</source>
        <translation>&amp;Wirksame Konfiguration</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Reading the defaults…</source>
        <translation>Standardwerte werden gelesen…</translation>
    </message>
    <message>
        <source>The YAML does not parse: fix the error above to save.</source>
        <translation>Das YAML lässt sich nicht lesen: Beheben Sie den Fehler oben, um zu speichern.</translation>
    </message>
    <message>
        <source>Nothing changed: the defaults already say this.</source>
        <translation>Nichts geändert: Die Standardwerte sagen bereits dasselbe.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved. The platform applies the defaults to jobs it starts from now on.</source>
        <translation>Gespeichert. Die Plattform wendet die Standardwerte auf alle Jobs an, die sie ab jetzt startet.</translation>
    </message>
    <message>
        <source>Read at resourceVersion %1.</source>
        <translation>Gelesen mit resourceVersion %1.</translation>
    </message>
    <message>
        <source>Conflict: someone changed the defaults after you opened them, so your edit was not saved. Reload to see their version, then make your change again.</source>
        <translation>Konflikt: Jemand hat die Standardwerte geändert, nachdem Sie sie geöffnet haben; Ihre Änderung wurde daher nicht gespeichert. Laden Sie neu, um die andere Fassung zu sehen, und nehmen Sie Ihre Änderung dann erneut vor.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The defaults could not be read: %1</source>
        <translation>Die Standardwerte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The YAML parses; Save sends the change with resourceVersion %1.</source>
        <translation>Das YAML ist lesbar; Speichern sendet die Änderung mit resourceVersion %1.</translation>
    </message>
    <message>
        <source>Select a deployment in the list to see its effective configuration here.</source>
        <translation>Wählen Sie ein Deployment in der Liste, um hier seine wirksame Konfiguration zu sehen.</translation>
    </message>
    <message>
        <source>What a job of %1 starts with: its own spec over the defaults as saved on the platform.</source>
        <translation>Womit ein Job von %1 startet: seine eigene Spec über den Standardwerten, wie sie auf der Plattform gespeichert sind.</translation>
    </message>
    <message>
        <source>own</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>from defaults</source>
        <translation>aus Standardwerten</translation>
    </message>
    <message>
        <source>own (default: %1)</source>
        <translation>eigene (Standardwert: %1)</translation>
    </message>
    <message>
        <source>The YAML parses. The platform checks the defaults when they are saved.</source>
        <translation>Das YAML ist lesbar. Die Plattform prüft die Standardwerte beim Speichern.</translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentPage</name>
    <message>
        <source>%1 memory</source>
        <translation>%1 Speicher</translation>
    </message>
    <message>
        <source>JobManager: %1</source>
        <translation>JobManager: %1</translation>
    </message>
    <message>
        <source>TaskManager: %1</source>
        <translation>TaskManager: %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>Deployment actions</source>
        <translation>Deployment-Aktionen</translation>
    </message>
    <message>
        <source>Deployment details</source>
        <translation>Deployment-Details</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Event reason</source>
        <translation>Ereignisgrund</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Alle Gründe</translation>
    </message>
    <message>
        <source>Filter messages…</source>
        <translation>Meldungen filtern…</translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the selected events (or all shown) as tab-separated text</source>
        <translation>Die ausgewählten (oder alle angezeigten) Ereignisse als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Roll &amp;Back to This Snapshot…</source>
        <translation>Auf diesen Snapshot &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>Redeploy from this snapshot with the configuration live when it was taken</source>
        <translation>Aus diesem Snapshot mit der damals aktiven Konfiguration neu bereitstellen</translation>
    </message>
    <message>
        <source>Only a completed snapshot with a path can be restored.</source>
        <translation>Nur ein abgeschlossener Snapshot mit Pfad kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Select a snapshot.</source>
        <translation>Wählen Sie einen Snapshot aus.</translation>
    </message>
    <message>
        <source>Select a deployment.</source>
        <translation>Wählen Sie ein Deployment aus.</translation>
    </message>
    <message>
        <source>%1  &lt;span style=&apos;font-weight:normal&apos;&gt;in %2&lt;/span&gt;</source>
        <translation>%1  &lt;span style=&apos;font-weight:normal&apos;&gt;in %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation>Upgrade-Modus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>session cluster</source>
        <translation>Session-Cluster</translation>
    </message>
    <message>
        <source>Kubernetes HA</source>
        <translation>Kubernetes HA</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <source>Job ID: %1</source>
        <translation>Job-ID: %1</translation>
    </message>
    <message numerus="yes">
        <source>Deployment is failing: %n restart(s) in the last %1 min.</source>
        <translation>
            <numerusform>Deployment schlägt fehl: %n Neustart in den letzten %1 min.</numerusform>
            <numerusform>Deployment schlägt fehl: %n Neustarts in den letzten %1 min.</numerusform>
        </translation>
    </message>
    <message>
        <source>No deployment selected.</source>
        <translation>Kein Deployment ausgewählt.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Flink version</source>
        <translation>Flink-Version</translation>
    </message>
    <message>
        <source>Jar</source>
        <translation>Jar</translation>
    </message>
    <message>
        <source>Entry class</source>
        <translation>Einstiegsklasse</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation>Gewünschter Zustand</translation>
    </message>
    <message>
        <source>JobManager</source>
        <translation>JobManager</translation>
    </message>
    <message numerus="yes">
        <source>, %n replica(s)</source>
        <translation>
            <numerusform>, %n Replikat</numerusform>
            <numerusform>, %n Replikate</numerusform>
        </translation>
    </message>
    <message>
        <source>TaskManager</source>
        <translation>TaskManager</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>Job-Zustand</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>%1 (observed %2)</source>
        <translation>%1 (beobachtet: %2)</translation>
    </message>
    <message>
        <source>No conditions reported.</source>
        <translation>Keine Bedingungen gemeldet.</translation>
    </message>
    <message>
        <source>Events (%1, %2 ⚠)</source>
        <translation>Ereignisse (%1, %2 ⚠)</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Ereignisse (%1)</translation>
    </message>
    <message>
        <source>Snapshots (%1)</source>
        <translation>Snapshots (%1)</translation>
    </message>
    <message>
        <source>Jobs (%1)</source>
        <translation>Jobs (%1)</translation>
    </message>
    <message>
        <source>Exceptions (%1)</source>
        <translation>Exceptions (%1)</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Tab-separated values (*.tsv)</source>
        <translation>Tabulatorgetrennte Werte (*.tsv)</translation>
    </message>
    <message>
        <source>The events could not be written to %1: %2</source>
        <translation>Die Ereignisse konnten nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Metric history from Prometheus is unavailable: %1</source>
        <translation>Der Metrikverlauf aus Prometheus ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>&amp;Reopen with My Change</source>
        <translation>Mit meiner Änderung erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Deployment is failing.</source>
        <translation>Deployment schlägt fehl.</translation>
    </message>
    <message>
        <source>Job Graph</source>
        <translation>Job-Graph</translation>
    </message>
    <message>
        <source>Upgrade strategy</source>
        <translation>Upgrade-Strategie</translation>
    </message>
    <message>
        <source>, non-restored state allowed</source>
        <translation>, nicht wiederhergestellter Zustand erlaubt</translation>
    </message>
    <message>
        <source>Restore strategy</source>
        <translation>Wiederherstellungsstrategie</translation>
    </message>
    <message>
        <source>Deployment target</source>
        <translation>Deployment-Ziel</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Ververica Platform</source>
        <translation>Ververica Platform</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Resource version</source>
        <translation>Ressourcenversion</translation>
    </message>
    <message>
        <source>Autoscaler</source>
        <translation>Autoskalierer</translation>
    </message>
    <message>
        <source>scaled</source>
        <translation>skaliert</translation>
    </message>
    <message>
        <source>Delete this FlinkStateSnapshot; the operator disposes of its data when it asks for it</source>
        <translation>Diesen FlinkStateSnapshot löschen; der Operator verwirft seine Daten, wenn er es verlangt</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) will be cleaned up next.</source>
        <translation>
            <numerusform>%n Snapshot wird als Nächstes aufgeräumt.</numerusform>
            <numerusform>%n Snapshots werden als Nächstes aufgeräumt.</numerusform>
        </translation>
    </message>
    <message>
        <source>New savepoints: dispose of the data when the resource is deleted</source>
        <translation>Neue Savepoints: Daten beim Löschen der Ressource entsorgen</translation>
    </message>
    <message>
        <source>Sets disposeOnDelete of the FlinkStateSnapshot that Trigger Savepoint creates. Unchecked, deleting the resource keeps the savepoint in its storage.</source>
        <translation>Setzt disposeOnDelete des FlinkStateSnapshot, den „Savepoint auslösen“ anlegt. Ohne Haken bleibt der Savepoint beim Löschen der Ressource in seinem Speicher.</translation>
    </message>
    <message>
        <source>Session job on</source>
        <translation>Session-Job auf</translation>
    </message>
    <message>
        <source>Blue/green</source>
        <translation>Blue/Green</translation>
    </message>
    <message>
        <source>not yet reported</source>
        <translation>noch nicht gemeldet</translation>
    </message>
    <message>
        <source>Session cluster</source>
        <translation>Session-Cluster</translation>
    </message>
    <message>
        <source>Blue/green state</source>
        <translation>Blue/Green-Zustand</translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentTableModel</name>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Transitioning</source>
        <translation>Im Übergang</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>session cluster</source>
        <translation>Session-Cluster</translation>
    </message>
    <message>
        <source>Pinned: metrics are collected while its page is closed</source>
        <translation>Angeheftet: Metriken werden gesammelt, während seine Seite geschlossen ist</translation>
    </message>
    <message numerus="yes">
        <source>Failing: %n restart(s) in the last %1 min. %2</source>
        <translation>
            <numerusform>Schlägt fehl: %n Neustart in den letzten %1 min. %2</numerusform>
            <numerusform>Schlägt fehl: %n Neustarts in den letzten %1 min. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Restarts observed in the last %1 minutes (JobManager numRestarts and restart events)</source>
        <translation>In den letzten %1 Minuten beobachtete Neustarts (JobManager-numRestarts und Neustart-Ereignisse)</translation>
    </message>
    <message>
        <source>Lifecycle %1, job %2, JobManager %3</source>
        <translation>Lebenszyklus %1, Job %2, JobManager %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>Job-Zustand</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation>Upgrade-Modus</translation>
    </message>
    <message>
        <source>Flink version</source>
        <translation>Flink-Version</translation>
    </message>
    <message>
        <source>Last snapshot</source>
        <translation>Letzter Snapshot</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>%1 %2, recorded in %3</source>
        <translation>%1 %2, verzeichnet in %3</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation>Savepoint</translation>
    </message>
    <message>
        <source>(location not recorded)</source>
        <translation>(Ort nicht verzeichnet)</translation>
    </message>
    <message>
        <source>Failing: %1</source>
        <translation>Schlägt fehl: %1</translation>
    </message>
    <message>
        <source>Session job</source>
        <translation>Session-Job</translation>
    </message>
    <message>
        <source>Blue/green</source>
        <translation>Blue/Green</translation>
    </message>
    <message>
        <source>Blue/green child</source>
        <translation>Blue/Green-Kind</translation>
    </message>
    <message>
        <source>Session cluster</source>
        <translation>Session-Cluster</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Runs on session cluster %1</source>
        <translation>Läuft auf Session-Cluster %1</translation>
    </message>
    <message>
        <source>Blue/green state %1</source>
        <translation>Blue/Green-Zustand %1</translation>
    </message>
    <message>
        <source>Owned by %1 %2</source>
        <translation>Gehört zu %1 %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>capstan::DeploymentWatch</name>
    <message>
        <source>The JobManager is not deployed.</source>
        <translation>Der JobManager ist nicht bereitgestellt.</translation>
    </message>
    <message>
        <source>The JobManager is %1.</source>
        <translation>Der JobManager ist %1.</translation>
    </message>
    <message>
        <source>The job is not running on session cluster %1.</source>
        <translation>Der Job läuft nicht auf Session-Cluster %1.</translation>
    </message>
    <message>
        <source>The job runs in the active child deployment.</source>
        <translation>Der Job läuft im aktiven Kind-Deployment.</translation>
    </message>
</context>
<context>
    <name>capstan::DesktopNotifier</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…und %n weitere</numerusform>
            <numerusform>…und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s) from Capstan</source>
        <translation>
            <numerusform>%n Benachrichtigung von Capstan</numerusform>
            <numerusform>%n Benachrichtigungen von Capstan</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>1 h stummschalten</translation>
    </message>
</context>
<context>
    <name>capstan::EmptyListPlaceholder</name>
    <message>
        <source>No deployment matches &quot;%1&quot;</source>
        <translation>Kein Deployment passt zu „%1“</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>No deployments in namespace %1</source>
        <translation>Keine Deployments im Namespace %1</translation>
    </message>
    <message>
        <source>Show all namespaces</source>
        <translation>Alle Namespaces zeigen</translation>
    </message>
    <message>
        <source>No deployments in any namespace</source>
        <translation>In keinem Namespace gibt es Deployments</translation>
    </message>
</context>
<context>
    <name>capstan::EventTableModel</name>
    <message>
        <source>First seen %1</source>
        <translation>Zuerst gesehen %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>capstan::ExceptionsView</name>
    <message>
        <source>Job exceptions</source>
        <translation>Job-Exceptions</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Exception</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Copy Stack Trace</source>
        <translation>Stacktrace kopieren</translation>
    </message>
    <message>
        <source>No exceptions: the job has not failed since it started.</source>
        <translation>Keine Exceptions: Der Job ist seit seinem Start nicht fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Exceptions are not available: %1</source>
        <translation>Exceptions sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unknown exception</source>
        <translation>Unbekannte Exception</translation>
    </message>
    <message>
        <source>Root cause: %1</source>
        <translation>Ursache: %1</translation>
    </message>
    <message>
        <source>Stack trace of %1</source>
        <translation>Stacktrace von %1</translation>
    </message>
</context>
<context>
    <name>capstan::FailureDetector</name>
    <message>
        <source>The JobManager pod cannot be scheduled: %1</source>
        <translation>Der JobManager-Pod kann keinem Knoten zugeteilt werden: %1</translation>
    </message>
    <message>
        <source>TaskManager pod %2 cannot be scheduled: %1</source>
        <translation>Der TaskManager-Pod %2 kann keinem Knoten zugeteilt werden: %1</translation>
    </message>
    <message>
        <source>JobManager is crash-looping</source>
        <translation>Der JobManager stürzt immer wieder ab</translation>
    </message>
    <message>
        <source>JobManager is crash-looping: %1</source>
        <translation>Der JobManager stürzt immer wieder ab: %1</translation>
    </message>
    <message>
        <source>JobManager cannot pull its image (%1): %2 — check spec.image and imagePullSecrets</source>
        <translation>Der JobManager kann sein Image nicht laden (%1): %2 – prüfen Sie spec.image und imagePullSecrets</translation>
    </message>
    <message>
        <source>TaskManager %3 cannot pull its image (%1): %2 — check spec.image and imagePullSecrets</source>
        <translation>Der TaskManager %3 kann sein Image nicht laden (%1): %2 – prüfen Sie spec.image und imagePullSecrets</translation>
    </message>
    <message>
        <source>TaskManager %1 was OOMKilled (exit %2): it exceeded its memory limit — raise taskmanager memory (taskManager.resource.memory)</source>
        <translation>TaskManager %1 wurde wegen Speichermangels beendet (OOMKilled, Exit-Code %2): Er hat sein Speicherlimit überschritten – erhöhen Sie den TaskManager-Speicher (taskManager.resource.memory)</translation>
    </message>
    <message>
        <source>JobManager deployment ERROR: %1</source>
        <translation>JobManager-Deployment im Zustand ERROR: %1</translation>
    </message>
</context>
<context>
    <name>capstan::FleetModel</name>
    <message>
        <source>Context %1 is not live: the row shows the last known state.</source>
        <translation>Kontext %1 ist nicht live: Die Zeile zeigt den letzten bekannten Zustand.</translation>
    </message>
    <message>
        <source>Context %1 (live)</source>
        <translation>Kontext %1 (live)</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
</context>
<context>
    <name>capstan::FleetSessions</name>
    <message>
        <source>no credentials in the kubeconfig; open the context to sign in with a token</source>
        <translation>keine Zugangsdaten in der kubeconfig; öffnen Sie den Kontext, um sich mit einem Token anzumelden</translation>
    </message>
    <message>
        <source>credential plugin “%1” always asks for input; open the context to sign in</source>
        <translation>Zugangs-Plugin „%1“ fragt immer nach Eingaben; öffnen Sie den Kontext, um sich anzumelden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbinde neu</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>verboten</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>you may not list FlinkDeployments in all namespaces</source>
        <translation>Sie dürfen FlinkDeployments nicht in allen Namespaces auflisten</translation>
    </message>
    <message>
        <source>you may not list FlinkDeployments in all namespaces, nor in namespace %1</source>
        <translation>Sie dürfen FlinkDeployments weder in allen Namespaces noch im Namespace %1 auflisten</translation>
    </message>
</context>
<context>
    <name>capstan::FleetView</name>
    <message>
        <source>&amp;Group by context</source>
        <translation>Nach Kontext &amp;gruppieren</translation>
    </message>
    <message>
        <source>&amp;Watched Contexts</source>
        <translation>&amp;Beobachtete Kontexte</translation>
    </message>
    <message>
        <source>Choose the contexts the Fleet watches</source>
        <translation>Die Kontexte wählen, die die Flotte beobachtet</translation>
    </message>
    <message>
        <source>Watched contexts</source>
        <translation>Beobachtete Kontexte</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Context shown</source>
        <translation>Gezeigter Kontext</translation>
    </message>
    <message>
        <source>All contexts</source>
        <translation>Alle Kontexte</translation>
    </message>
    <message>
        <source>Filter the fleet…</source>
        <translation>Flotte filtern…</translation>
    </message>
    <message>
        <source>Filter the fleet</source>
        <translation>Flotte filtern</translation>
    </message>
    <message>
        <source>Contexts of the fleet</source>
        <translation>Kontexte der Flotte</translation>
    </message>
    <message>
        <source>Deployments of every watched context</source>
        <translation>Deployments aller beobachteten Kontexte</translation>
    </message>
    <message>
        <source>no deployments</source>
        <translation>keine Deployments</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n scheitert</numerusform>
            <numerusform>%n scheitern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other</source>
        <translation>
            <numerusform>%n anderes</numerusform>
            <numerusform>%n andere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source> – %n deployment(s) last known</source>
        <translation>
            <numerusform> – %n Deployment zuletzt bekannt</numerusform>
            <numerusform> – %n Deployments zuletzt bekannt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>may not list FlinkDeployments in all namespaces</source>
        <translation>darf FlinkDeployments nicht in allen Namespaces auflisten</translation>
    </message>
    <message>
        <source>credentials refused</source>
        <translation>Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>No context is watched: choose some under Watched Contexts.</source>
        <translation>Kein Kontext wird beobachtet: Wählen Sie welche unter „Beobachtete Kontexte“.</translation>
    </message>
    <message>
        <source>The Fleet starts when it is first shown.</source>
        <translation>Die Flotte startet, wenn sie zum ersten Mal gezeigt wird.</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s)</source>
        <translation>
            <numerusform>%n Deployment</numerusform>
            <numerusform>%n Deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s)</source>
        <translation>
            <numerusform>%1 von %n Deployment</numerusform>
            <numerusform>%1 von %n Deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n context(s)</source>
        <translation>
            <numerusform>%1 in %n Kontext</numerusform>
            <numerusform>%1 in %n Kontexten</numerusform>
        </translation>
    </message>
    <message>
        <source>no deployments (namespace %1 only)</source>
        <translation>keine Deployments (nur Namespace %1)</translation>
    </message>
    <message>
        <source>%1 (namespace %2 only)</source>
        <translation>%1 (nur Namespace %2)</translation>
    </message>
    <message>
        <source>may not list FlinkDeployments in namespace %1 either</source>
        <translation>darf FlinkDeployments auch im Namespace %1 nicht auflisten</translation>
    </message>
</context>
<context>
    <name>capstan::FlinkConfigTable</name>
    <message>
        <source>Flink configuration</source>
        <translation>Flink-Konfiguration</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a configuration key</source>
        <translation>Einen Konfigurationsschlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected configuration key (Delete)</source>
        <translation>Den ausgewählten Konfigurationsschlüssel entfernen (Entf)</translation>
    </message>
</context>
<context>
    <name>capstan::GraphText</name>
    <message>
        <source>%1M/s</source>
        <translation>%1 Mio./s</translation>
    </message>
    <message>
        <source>%1k/s</source>
        <translation>%1 Tsd./s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>back-pressured %1 (%2)</source>
        <translation>Rückstau %1 (%2)</translation>
    </message>
    <message>
        <source>busy %1</source>
        <translation>ausgelastet %1</translation>
    </message>
    <message>
        <source>busy %1, not back-pressured</source>
        <translation>ausgelastet %1, kein Rückstau</translation>
    </message>
    <message>
        <source>not back-pressured</source>
        <translation>kein Rückstau</translation>
    </message>
    <message>
        <source>parallelism %1</source>
        <translation>Parallelität %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>ein %1</translation>
    </message>
    <message>
        <source>out %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>watermark lag %1</source>
        <translation>Watermark-Verzug %1</translation>
    </message>
    <message>
        <source>[back-pressured] %1</source>
        <translation>[Rückstau] %1</translation>
    </message>
    <message>
        <source>[busy] %1</source>
        <translation>[ausgelastet] %1</translation>
    </message>
</context>
<context>
    <name>capstan::JobGraphPanel</name>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the whole graph into view (0)</source>
        <translation>Den ganzen Graphen einpassen (0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (+, or the mouse wheel)</source>
        <translation>Vergrößern (+ oder Mausrad)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (-, or the mouse wheel)</source>
        <translation>Verkleinern (- oder Mausrad)</translation>
    </message>
    <message>
        <source>Red: busy · amber: back-pressured · each box says it in words too</source>
        <translation>Rot: ausgelastet · Gelb: Rückstau · jeder Kasten sagt es auch in Worten</translation>
    </message>
    <message>
        <source>Subtasks of the selected vertex</source>
        <translation>Subtasks des gewählten Knotens</translation>
    </message>
    <message>
        <source>No job graph yet.</source>
        <translation>Noch kein Job-Graph.</translation>
    </message>
    <message>
        <source>The JobManager cannot be reached.</source>
        <translation>Der JobManager ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 The graph shows the last figures read.</source>
        <translation>%1 Der Graph zeigt die zuletzt gelesenen Werte.</translation>
    </message>
    <message>
        <source>The job graph could not be read: %1</source>
        <translation>Der Job-Graph konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The job has no vertices yet.</source>
        <translation>Der Job hat noch keine Knoten.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n vertices</source>
        <translation>
            <numerusform>%1 · %n Knoten</numerusform>
            <numerusform>%1 · %n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source> · job %1</source>
        <translation> · Job %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n restart(s)</source>
        <translation>
            <numerusform> · %n Neustart</numerusform>
            <numerusform> · %n Neustarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n back-pressured, likely bottleneck: %1 (busy %2)</source>
        <translation>
            <numerusform> · %n mit Rückstau, vermutlicher Engpass: %1 (ausgelastet %2)</numerusform>
            <numerusform> · %n mit Rückstau, vermutlicher Engpass: %1 (ausgelastet %2)</numerusform>
        </translation>
    </message>
    <message>
        <source> · last poll failed: %1</source>
        <translation> · letzte Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Select a vertex to see its subtasks, where they run and their part of the latest checkpoint.</source>
        <translation>Wählen Sie einen Knoten, um seine Subtasks zu sehen, wo sie laufen und ihren Anteil am letzten Checkpoint.</translation>
    </message>
    <message>
        <source>parallelism %1</source>
        <translation>Parallelität %1</translation>
    </message>
    <message>
        <source> (max %1)</source>
        <translation> (max. %1)</translation>
    </message>
    <message>
        <source>checkpoint %1: %2 of state, %3 end to end, alignment up to %4</source>
        <translation>Checkpoint %1: %2 Zustand, %3 Ende zu Ende, Alignment bis %4</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>no completed checkpoint yet</source>
        <translation>noch kein abgeschlossener Checkpoint</translation>
    </message>
    <message>
        <source>some details could not be read: %1</source>
        <translation>einige Details konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>capstan::JobGraphView</name>
    <message>
        <source>Job graph</source>
        <translation>Job-Graph</translation>
    </message>
    <message>
        <source>Ship strategy %1 from %2 to %3</source>
        <translation>Verteilstrategie %1 von %2 nach %3</translation>
    </message>
</context>
<context>
    <name>capstan::JobRunTableModel</name>
    <message>
        <source>running now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Ran for</source>
        <translation>Lief</translation>
    </message>
    <message>
        <source>Last state</source>
        <translation>Letzter Zustand</translation>
    </message>
    <message>
        <source>Spec generation</source>
        <translation>Spec-Generation</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>nicht beobachtet</translation>
    </message>
    <message>
        <source>The job restored state although the operator named none (%1).</source>
        <translation>Der Job hat Zustand wiederhergestellt, obwohl der Operator keinen genannt hat (%1).</translation>
    </message>
    <message numerus="yes">
        <source>First read after %n restarts: the JobManager names the checkpoint of the latest restart, not necessarily the state the job started from.</source>
        <translation>
            <numerusform>Zuerst nach %n Neustart gelesen: der JobManager nennt den Checkpoint des letzten Neustarts, nicht unbedingt den Zustand, mit dem der Job gestartet ist.</numerusform>
            <numerusform>Zuerst nach %n Neustarts gelesen: der JobManager nennt den Checkpoint des letzten Neustarts, nicht unbedingt den Zustand, mit dem der Job gestartet ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored from</source>
        <translation>Wiederhergestellt aus</translation>
    </message>
    <message>
        <source>Operator meant to restore</source>
        <translation>Vom Operator vorgesehen</translation>
    </message>
</context>
<context>
    <name>capstan::KubeReply</name>
    <message>
        <source>TLS verification failed: %1</source>
        <translation>TLS-Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot reach the API server at %1</source>
        <translation>Der API-Server unter %1 ist nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>capstan::LogLineDelegate</name>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n weitere Zeile</numerusform>
            <numerusform>… %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s), root cause: %1</source>
        <translation>
            <numerusform>… %n weitere Zeile, Ursache: %1</numerusform>
            <numerusform>… %n weitere Zeilen, Ursache: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::LogReader</name>
    <message>
        <source>The cluster connection is closed.</source>
        <translation>Die Verbindung zum Cluster ist geschlossen.</translation>
    </message>
    <message>
        <source>Kubernetes (pods/log)</source>
        <translation>Kubernetes (pods/log)</translation>
    </message>
    <message>
        <source>Flink&apos;s REST API has no log of a previous container.</source>
        <translation>Die REST-API von Flink kennt kein Log eines früheren Containers.</translation>
    </message>
    <message>
        <source>Flink&apos;s REST API has no log of this pod.</source>
        <translation>Die REST-API von Flink kennt kein Log dieses Pods.</translation>
    </message>
    <message>
        <source>Flink REST (%1), not followed: pods/log is forbidden</source>
        <translation>Flink REST (%1), ohne Mitlesen: pods/log ist nicht erlaubt</translation>
    </message>
    <message>
        <source>Flink REST (%1): pods/log is forbidden</source>
        <translation>Flink REST (%1): pods/log ist nicht erlaubt</translation>
    </message>
    <message>
        <source>You may not read this log: the permission %1 is missing. Ask your cluster administrator for it. Flink&apos;s REST API did not help either: %2</source>
        <translation>Sie dürfen dieses Log nicht lesen: Ihnen fehlt die Berechtigung %1. Bitten Sie die Administration Ihres Clusters darum. Auch die REST-API von Flink half nicht weiter: %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>The log cannot be read. Kubernetes said: %1 Flink&apos;s REST API said: %2</source>
        <translation>Das Log kann nicht gelesen werden. Kubernetes meldete: %1 Die REST-API von Flink meldete: %2</translation>
    </message>
</context>
<context>
    <name>capstan::LogView</name>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>&amp;Previous container</source>
        <translation>&amp;Vorheriger Container</translation>
    </message>
    <message>
        <source>The log of the container&apos;s run before its last restart (kubectl logs --previous)</source>
        <translation>Das Log des Container-Laufs vor dem letzten Neustart (kubectl logs --previous)</translation>
    </message>
    <message>
        <source>&amp;Tail:</source>
        <translation>Let&amp;zte:</translation>
    </message>
    <message>
        <source>Last lines</source>
        <translation>Letzte Zeilen</translation>
    </message>
    <message>
        <source>all lines</source>
        <translation>alle Zeilen</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>Read only the last lines of the log (kubectl logs --tail)</source>
        <translation>Nur die letzten Zeilen des Logs lesen (kubectl logs --tail)</translation>
    </message>
    <message>
        <source>&amp;Since:</source>
        <translation>&amp;Seit:</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>5 minutes ago</source>
        <translation>vor 5 Minuten</translation>
    </message>
    <message>
        <source>15 minutes ago</source>
        <translation>vor 15 Minuten</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <source>6 hours ago</source>
        <translation>vor 6 Stunden</translation>
    </message>
    <message>
        <source>24 hours ago</source>
        <translation>vor 24 Stunden</translation>
    </message>
    <message>
        <source>Read only the lines written since then (kubectl logs --since)</source>
        <translation>Nur die seitdem geschriebenen Zeilen lesen (kubectl logs --since)</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Mitlesen</translation>
    </message>
    <message>
        <source>Keep reading as the container writes (kubectl logs -f)</source>
        <translation>Weiterlesen, während der Container schreibt (kubectl logs -f)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Wrap</source>
        <translation>&amp;Umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>Lange Zeilen umbrechen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the selected lines (or all shown) with their folded stack traces</source>
        <translation>Die ausgewählten Zeilen (oder alle angezeigten) mit ihren eingeklappten Stacktraces kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>Spei&amp;chern…</translation>
    </message>
    <message>
        <source>Save every line held to a file</source>
        <translation>Alle gehaltenen Zeilen in eine Datei speichern</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>Im Log suchen…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Log suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Stufen:</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Logzeilen</translation>
    </message>
    <message>
        <source>&amp;Jump to End</source>
        <translation>Zum &amp;Ende springen</translation>
    </message>
    <message>
        <source>Scroll to the newest line and keep following</source>
        <translation>Zur neuesten Zeile scrollen und weiter mitlesen</translation>
    </message>
    <message>
        <source>The container has not restarted: there is no previous log.</source>
        <translation>Der Container wurde nicht neu gestartet: Es gibt kein vorheriges Log.</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>%1 angezeigt von %2</translation>
    </message>
    <message>
        <source>following; scrolling paused</source>
        <translation>wird mitgelesen; Scrollen angehalten</translation>
    </message>
    <message>
        <source>following</source>
        <translation>wird mitgelesen</translation>
    </message>
    <message numerus="yes">
        <source>· %n older line(s) dropped (the viewer keeps the last %1)</source>
        <translation>
            <numerusform>· %n ältere Zeile verworfen (die Anzeige behält die letzten %1)</numerusform>
            <numerusform>· %n ältere Zeilen verworfen (die Anzeige behält die letzten %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Log speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Logdateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation>Das Log konnte nicht nach %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Show ERROR lines</source>
        <translation>ERROR-Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Show WARN lines</source>
        <translation>WARN-Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Show INFO lines</source>
        <translation>INFO-Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Show DEBUG and TRACE lines</source>
        <translation>DEBUG- und TRACE-Zeilen anzeigen</translation>
    </message>
</context>
<context>
    <name>capstan::LogWindow</name>
    <message>
        <source>Logs of %1 (%2)</source>
        <translation>Logs von %1 (%2)</translation>
    </message>
    <message>
        <source>Last lines of %1 (%2)</source>
        <translation>Letzte Zeilen von %1 (%2)</translation>
    </message>
    <message>
        <source>No lines were recorded: the pod was gone before its log could be read.</source>
        <translation>Es wurden keine Zeilen aufgezeichnet: Der Pod war verschwunden, bevor sein Log gelesen werden konnte.</translation>
    </message>
    <message>
        <source>No lines were recorded: %1</source>
        <translation>Es wurden keine Zeilen aufgezeichnet: %1</translation>
    </message>
    <message numerus="yes">
        <source>The last %n line(s), recorded when the pod ended, from %1.</source>
        <translation>
            <numerusform>Die letzte Zeile, aufgezeichnet beim Ende des Pods, aus %1.</numerusform>
            <numerusform>Die letzten %n Zeilen, aufgezeichnet beim Ende des Pods, aus %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>recorded %1</source>
        <translation>aufgezeichnet %1</translation>
    </message>
    <message>
        <source>Not connected to the cluster.</source>
        <translation>Nicht mit dem Cluster verbunden.</translation>
    </message>
    <message>
        <source>Shown from %1.</source>
        <translation>Angezeigt aus %1.</translation>
    </message>
    <message>
        <source>the container ended</source>
        <translation>der Container wurde beendet</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
</context>
<context>
    <name>capstan::MainWindow</name>
    <message>
        <source>Capstan</source>
        <translation>Capstan</translation>
    </message>
    <message>
        <source>No keychain: secrets are kept until Capstan quits</source>
        <translation>Kein Schlüsselbund: Geheimnisse bleiben nur bis zum Beenden von Capstan erhalten</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Keep Collecting Metrics</source>
        <translation>Metriken &amp;weiter sammeln</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Poll this deployment&apos;s metrics while its page is closed, so its charts have no gaps</source>
        <translation>Die Metriken dieses Deployments auch bei geschlossener Seite abfragen, damit seine Diagramme keine Lücken haben</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>Kubernetes context</source>
        <translation>Kubernetes-Kontext</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Filter deployments…</source>
        <translation>Deployments filtern…</translation>
    </message>
    <message>
        <source>Filter deployments</source>
        <translation>Deployments filtern</translation>
    </message>
    <message>
        <source>Flink deployments</source>
        <translation>Flink-Deployments</translation>
    </message>
    <message>
        <source>No kubeconfig context found. Start Capstan with --kubeconfig FILE, set KUBECONFIG, or try the built-in sandbox with --sandbox.</source>
        <translation>Kein kubeconfig-Kontext gefunden. Starten Sie Capstan mit --kubeconfig DATEI, setzen Sie KUBECONFIG oder probieren Sie die eingebaute Sandbox mit --sandbox aus.</translation>
    </message>
    <message>
        <source>%1 – Capstan</source>
        <translation>%1 – Capstan</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>You may not list namespaces in this cluster: type a namespace name and press Enter.</source>
        <translation>Sie dürfen die Namespaces dieses Clusters nicht auflisten: Geben Sie einen Namespace ein und drücken Sie Enter.</translation>
    </message>
    <message>
        <source>Type a namespace…</source>
        <translation>Namespace eingeben…</translation>
    </message>
    <message>
        <source>Connection lost: the list shows the last known state and is not updating. Capstan reconnects automatically.
%1</source>
        <translation>Verbindung verloren: Die Liste zeigt den letzten bekannten Stand und wird nicht aktualisiert. Capstan verbindet sich automatisch neu.
%1</translation>
    </message>
    <message>
        <source>Cannot open context &quot;%1&quot;: %2</source>
        <translation>Kontext „%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The kubeconfig gives this context no credentials: use File → Connect with Token… to sign in with a bearer token.</source>
        <translation>Die kubeconfig gibt diesem Kontext keine Anmeldedaten: Melden Sie sich über Datei → Mit Token verbinden… mit einem Bearer-Token an.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation>&amp;Neues Fenster</translation>
    </message>
    <message>
        <source>Connect with &amp;Token…</source>
        <translation>Mit &amp;Token verbinden…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Sign in to a context whose kubeconfig has no credentials</source>
        <translation>Bei einem Kontext anmelden, dessen kubeconfig keine Anmeldedaten hat</translation>
    </message>
    <message>
        <source>&amp;Forget Token</source>
        <translation>Token &amp;vergessen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+I</source>
        <translation>Ctrl+Alt+Shift+I</translation>
    </message>
    <message>
        <source>Remove the token entered for this context from the keychain</source>
        <translation>Das für diesen Kontext eingegebene Token aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter Deployments</source>
        <translation>Deployments &amp;filtern</translation>
    </message>
    <message>
        <source>Switch &amp;Context…</source>
        <translation>&amp;Kontext wechseln…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation>A&amp;udit-Protokoll…</translation>
    </message>
    <message>
        <source>Metric &amp;History Source…</source>
        <translation>Quelle des &amp;Metrikverlaufs…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Capstan</source>
        <translation>Ü&amp;ber Capstan</translation>
    </message>
    <message>
        <source>About Capstan</source>
        <translation>Über Capstan</translation>
    </message>
    <message>
        <source>&lt;b&gt;Capstan %1&lt;/b&gt;&lt;p&gt;A desktop console for Apache Flink deployments on Kubernetes.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Capstan %1&lt;/b&gt;&lt;p&gt;Eine Desktop-Konsole für Apache-Flink-Deployments auf Kubernetes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect with Token</source>
        <translation>Mit Token verbinden</translation>
    </message>
    <message>
        <source>The kubeconfig gives context &quot;%1&quot; no credentials. Paste a bearer token for it (for example from &quot;kubectl create token&quot;).
Capstan keeps it in the system keychain, never in a file.</source>
        <translation>Die kubeconfig gibt dem Kontext „%1“ keine Anmeldedaten. Fügen Sie ein Bearer-Token dafür ein (zum Beispiel von „kubectl create token“).
Capstan bewahrt es im Schlüsselbund des Systems auf, nie in einer Datei.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s)</source>
        <translation>
            <numerusform>%n Deployment</numerusform>
            <numerusform>%n Deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s)</source>
        <translation>
            <numerusform>%1 von %n Deployment</numerusform>
            <numerusform>%1 von %n Deployments</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Deployment &amp;List</source>
        <translation>Deployment-&amp;Liste</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Deployment &amp;Tab</source>
        <translation>Deployment-&amp;Reiter</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Snapshots</source>
        <translation>&amp;Snapshots</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>E&amp;xceptions</source>
        <translation>E&amp;xceptions</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>%1/%2 is no longer listed.</source>
        <translation>%1/%2 ist nicht mehr aufgeführt.</translation>
    </message>
    <message>
        <source>%1 is not possible now: %2</source>
        <translation>%1 ist jetzt nicht möglich: %2</translation>
    </message>
    <message>
        <source>&amp;Pods</source>
        <translation>&amp;Pods</translation>
    </message>
    <message>
        <source>Job &amp;Graph</source>
        <translation>Job-&amp;Graph</translation>
    </message>
    <message>
        <source>Ververica Platform at %1</source>
        <translation>Ververica Platform auf %1</translation>
    </message>
    <message>
        <source>%1 (Ververica Platform %2.%3)</source>
        <translation>%1 (Ververica Platform %2.%3)</translation>
    </message>
    <message>
        <source>&amp;Autoscaler</source>
        <translation>&amp;Autoskalierer</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Fl&amp;eet</source>
        <translation>Fl&amp;otte</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Every deployment of every watched context in one list</source>
        <translation>Alle Deployments aller beobachteten Kontexte in einer Liste</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notificatio&amp;ns</source>
        <translation>Benachrichti&amp;gungen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+J</source>
        <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
        <source>Everything Capstan notified, searchable</source>
        <translation>Alles, worüber Capstan benachrichtigt hat, durchsuchbar</translation>
    </message>
    <message>
        <source>Kubernetes context: the Flink Kubernetes Operator&apos;s deployments in cluster %1</source>
        <translation>Kubernetes-Kontext: die Deployments des Flink Kubernetes Operators im Cluster %1</translation>
    </message>
    <message>
        <source>Ververica Platform&apos;s Application Manager at %1, reached directly</source>
        <translation>Application Manager von Ververica Platform unter %1, direkt erreicht</translation>
    </message>
    <message>
        <source>Ververica Platform&apos;s Application Manager: Service %1 through the API server of context %2</source>
        <translation>Application Manager von Ververica Platform: Service %1 über den API-Server des Kontexts %2</translation>
    </message>
    <message>
        <source>The platform did not accept the API token: use File → Connect to Ververica Platform… to enter it again.</source>
        <translation>Die Plattform hat das API-Token nicht akzeptiert: Geben Sie es mit Datei → Mit Ververica Platform verbinden… erneut ein.</translation>
    </message>
    <message>
        <source>Connect to Ververica Platfor&amp;m…</source>
        <translation>Mit Ververica Platfor&amp;m verbinden…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Name a Ververica Platform&apos;s Service or URL and list it as a context</source>
        <translation>Service oder URL einer Ververica Platform angeben und sie als Kontext aufführen</translation>
    </message>
    <message>
        <source>Forget Ververica P&amp;latform</source>
        <translation>Ververica P&amp;latform vergessen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+O</source>
        <translation>Ctrl+Alt+Shift+O</translation>
    </message>
    <message>
        <source>Remove this platform from the context list, and its API token from the keychain</source>
        <translation>Diese Plattform aus der Kontextliste und ihr API-Token aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>Opening %1/%2 in %3…</source>
        <translation>%1/%2 in %3 wird geöffnet…</translation>
    </message>
    <message>
        <source>&amp;Show Namespace %1</source>
        <translation>Namespace %1 an&amp;zeigen</translation>
    </message>
    <message>
        <source>That deployment is not in the list: clear the filter to open it.</source>
        <translation>Dieses Deployment ist nicht in der Liste: Leeren Sie den Filter, um es zu öffnen.</translation>
    </message>
</context>
<context>
    <name>capstan::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>capstan::MetricsView</name>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Range start</source>
        <translation>Beginn des Zeitraums</translation>
    </message>
    <message>
        <source>Range end</source>
        <translation>Ende des Zeitraums</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow new samples as they arrive</source>
        <translation>Neuen Messwerten folgen, sobald sie eintreffen</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the samples of the shown range as CSV</source>
        <translation>Die Messwerte des angezeigten Zeitraums als CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>No metrics yet: the JobManager is polled while it is READY.</source>
        <translation>Noch keine Metriken: Der JobManager wird abgefragt, solange er READY ist.</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Records out/s (sources)</source>
        <translation>Datensätze aus/s (Quellen)</translation>
    </message>
    <message>
        <source>Records in/s (sinks)</source>
        <translation>Datensätze ein/s (Senken)</translation>
    </message>
    <message>
        <source>ms/s</source>
        <translation>ms/s</translation>
    </message>
    <message>
        <source>Busy (highest vertex)</source>
        <translation>Ausgelastet (höchster Knoten)</translation>
    </message>
    <message>
        <source>Backpressured (highest vertex)</source>
        <translation>Backpressure (höchster Knoten)</translation>
    </message>
    <message>
        <source>duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Last checkpoint duration</source>
        <translation>Dauer des letzten Checkpoints</translation>
    </message>
    <message>
        <source>Last checkpoint size</source>
        <translation>Größe des letzten Checkpoints</translation>
    </message>
    <message>
        <source>restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Restarts (of the running job)</source>
        <translation>Neustarts (des laufenden Jobs)</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Diagramm: %1</translation>
    </message>
    <message>
        <source>Chart: %1 and %2</source>
        <translation>Diagramm: %1 und %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 ms/s</source>
        <translation>%1 ms/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; %2: &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;job %4</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; %2: &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;Job %4</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The time range of the charts. Drag across a chart to zoom in; double-click it to go back.</source>
        <translation>Der Zeitraum der Diagramme. Ziehen Sie über ein Diagramm, um hineinzuzoomen; ein Doppelklick geht zurück.</translation>
    </message>
    <message>
        <source>No completed checkpoint in this range. Checkpointing is off unless execution.checkpointing.interval is set.</source>
        <translation>Kein abgeschlossener Checkpoint in diesem Zeitraum. Checkpointing ist aus, solange execution.checkpointing.interval nicht gesetzt ist.</translation>
    </message>
    <message>
        <source>No samples in this range</source>
        <translation>Keine Messwerte in diesem Zeitraum</translation>
    </message>
    <message>
        <source>ended: %1</source>
        <translation>beendet: %1</translation>
    </message>
</context>
<context>
    <name>capstan::NotificationRules</name>
    <message>
        <source>%1 is failing (%2)</source>
        <translation>%1 scheitert (%2)</translation>
    </message>
    <message>
        <source>%1 in the last %2 minutes.</source>
        <translation>%1 in den letzten %2 Minuten.</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n Neustart</numerusform>
            <numerusform>%n Neustarts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer failing (%2)</source>
        <translation>%1 scheitert nicht mehr (%2)</translation>
    </message>
    <message>
        <source>The job of %1 failed (%2)</source>
        <translation>Der Job von %1 ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>The job reached the state FAILED.</source>
        <translation>Der Job hat den Zustand FAILED erreicht.</translation>
    </message>
    <message>
        <source>The job of %1 is no longer failed (%2)</source>
        <translation>Der Job von %1 ist nicht mehr fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>A checkpoint of %1 failed (%2)</source>
        <translation>Ein Checkpoint von %1 ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>A savepoint of %1 failed (%2)</source>
        <translation>Ein Savepoint von %1 ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>A later snapshot of %1 completed (%2)</source>
        <translation>Ein späterer Snapshot von %1 ist abgeschlossen (%2)</translation>
    </message>
    <message>
        <source>%1 has a recent checkpoint again, or no longer runs (%2)</source>
        <translation>%1 hat wieder einen aktuellen Checkpoint oder läuft nicht mehr (%2)</translation>
    </message>
    <message numerus="yes">
        <source>No checkpoint of %1 for %n minute(s) (%2)</source>
        <translation>
            <numerusform>Kein Checkpoint von %1 seit %n Minute (%2)</numerusform>
            <numerusform>Kein Checkpoint von %1 seit %n Minuten (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>The last completed checkpoint was taken at %1 (UTC).</source>
        <translation>Der letzte abgeschlossene Checkpoint wurde um %1 (UTC) erstellt.</translation>
    </message>
    <message>
        <source>No checkpoint completed since the job started at %1 (UTC).</source>
        <translation>Kein Checkpoint abgeschlossen, seit der Job um %1 (UTC) gestartet ist.</translation>
    </message>
    <message>
        <source>%1 refuses access</source>
        <translation>%1 verweigert den Zugriff</translation>
    </message>
    <message>
        <source>%1 is unreachable</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message numerus="yes">
        <source>Not connected for %n minute(s).</source>
        <translation>
            <numerusform>Seit %n Minute nicht verbunden.</numerusform>
            <numerusform>Seit %n Minuten nicht verbunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not connected for %n minute(s): %1</source>
        <translation>
            <numerusform>Seit %n Minute nicht verbunden: %1</numerusform>
            <numerusform>Seit %n Minuten nicht verbunden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is connected again</source>
        <translation>%1 ist wieder verbunden</translation>
    </message>
    <message>
        <source>%1 was changed by someone else (generation %2 → %3)</source>
        <translation>%1 wurde von jemand anderem geändert (Generation %2 → %3)</translation>
    </message>
    <message>
        <source>Its spec in %1, namespace %2, changed without an action of yours in Capstan.</source>
        <translation>Seine Spec in %1, Namespace %2, hat sich ohne eine Aktion von Ihnen in Capstan geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) need attention in %1</source>
        <translation>
            <numerusform>%n Deployment braucht Aufmerksamkeit in %1</numerusform>
            <numerusform>%n Deployments brauchen Aufmerksamkeit in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>The job reached the state FAILED: %1</source>
        <translation>Der Job hat den Zustand FAILED erreicht: %1</translation>
    </message>
</context>
<context>
    <name>capstan::NotificationsPanel</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Search deployments, contexts and messages…</source>
        <translation>Deployments, Kontexte und Meldungen durchsuchen…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Reading the notification history…</source>
        <translation>Der Benachrichtigungsverlauf wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s)</source>
        <translation>
            <numerusform>%n Benachrichtigung</numerusform>
            <numerusform>%n Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was notified yet.</source>
        <translation>Bisher wurde über nichts benachrichtigt.</translation>
    </message>
    <message>
        <source>No notification matches “%1”.</source>
        <translation>Keine Benachrichtigung passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>capstan::PlatformConnectDialog</name>
    <message>
        <source>Connect to Ververica Platform</source>
        <translation>Mit Ververica Platform verbinden</translation>
    </message>
    <message>
        <source>Capstan lists a platform installed with Ververica&apos;s Helm chart by itself once it finds the platform&apos;s Service in the cluster. Name one here that it did not find, or one outside the cluster.</source>
        <translation>Capstan führt eine mit dem Helm-Chart von Ververica installierte Plattform von selbst auf, sobald es ihren Service im Cluster findet. Geben Sie hier eine an, die es nicht gefunden hat, oder eine außerhalb des Clusters.</translation>
    </message>
    <message>
        <source>&amp;Through the cluster: the platform&apos;s Service, via the API server</source>
        <translation>&amp;Über den Cluster: der Service der Plattform, über den API-Server</translation>
    </message>
    <message>
        <source>The API server passes the requests on with the context&apos;s own credentials: no platform token is needed.</source>
        <translation>Der API-Server leitet die Anfragen mit den eigenen Zugangsdaten des Kontexts weiter: Kein Plattform-Token ist nötig.</translation>
    </message>
    <message>
        <source>By &amp;URL: directly, with the platform&apos;s API token</source>
        <translation>Per &amp;URL: direkt, mit dem API-Token der Plattform</translation>
    </message>
    <message>
        <source>Kubernetes context</source>
        <translation>Kubernetes-Kontext</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The Service&apos;s port, by name or number. Empty: the port named &quot;http&quot;.</source>
        <translation>Der Port des Service, nach Name oder Nummer. Leer: der Port namens „http“.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>optional: Community Edition needs none</source>
        <translation>optional: Die Community Edition braucht keines</translation>
    </message>
    <message>
        <source>Kept in the system keychain; never written to the settings file.</source>
        <translation>Im Schlüsselbund des Systems gehalten; nie in die Einstellungsdatei geschrieben.</translation>
    </message>
    <message>
        <source>Kubernetes conte&amp;xt:</source>
        <translation>Kubernetes-Konte&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>U&amp;RL:</source>
        <translation>U&amp;RL:</translation>
    </message>
    <message>
        <source>API to&amp;ken:</source>
        <translation>API-To&amp;ken:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>The kubeconfig has no context to go through.</source>
        <translation>Die kubeconfig hat keinen Kontext, über den es gehen könnte.</translation>
    </message>
    <message>
        <source>Enter the platform&apos;s address.</source>
        <translation>Geben Sie die Adresse der Plattform ein.</translation>
    </message>
    <message>
        <source>Start the address with http:// or https://.</source>
        <translation>Beginnen Sie die Adresse mit http:// oder https://.</translation>
    </message>
    <message>
        <source>Not a valid address: %1</source>
        <translation>Keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>it names no host</source>
        <translation>sie nennt keinen Host</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address: the API token has its own field.</source>
        <translation>Lassen Sie Benutzername und Passwort aus der Adresse weg: Das API-Token hat ein eigenes Feld.</translation>
    </message>
    <message>
        <source>Over http the token travels unencrypted.</source>
        <translation>Über http wird das Token unverschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>Name the namespace the platform runs in.</source>
        <translation>Geben Sie den Namespace an, in dem die Plattform läuft.</translation>
    </message>
    <message>
        <source>Not a namespace name: lowercase letters, digits and &quot;-&quot;.</source>
        <translation>Kein Namespace-Name: Kleinbuchstaben, Ziffern und „-“.</translation>
    </message>
    <message>
        <source>Name the platform&apos;s Service.</source>
        <translation>Geben Sie den Service der Plattform an.</translation>
    </message>
    <message>
        <source>Not a Service name: lowercase letters, digits and &quot;-&quot;.</source>
        <translation>Kein Service-Name: Kleinbuchstaben, Ziffern und „-“.</translation>
    </message>
    <message>
        <source>A port number (1–65535) or the name of one of the Service&apos;s ports.</source>
        <translation>Eine Portnummer (1–65535) oder der Name eines der Ports des Service.</translation>
    </message>
</context>
<context>
    <name>capstan::PodMonitor</name>
    <message>
        <source>The pod was deleted while %1 — by a scale-down, a job restart, a redeploy or suspend, or by the cluster.</source>
        <translation>Der Pod wurde im Zustand %1 gelöscht – durch Herunterskalieren, einen Neustart des Jobs, ein erneutes Deployment oder Anhalten, oder durch den Cluster.</translation>
    </message>
    <message>
        <source>Not fetched: too many pods ended at once.</source>
        <translation>Nicht abgerufen: Zu viele Pods endeten gleichzeitig.</translation>
    </message>
    <message>
        <source>The log was empty.</source>
        <translation>Das Log war leer.</translation>
    </message>
</context>
<context>
    <name>capstan::PodProblem</name>
    <message>
        <source>CrashLoopBackOff: the container keeps exiting and Kubernetes waits longer before each restart — the previous container&apos;s log says why.</source>
        <translation>CrashLoopBackOff: Der Container beendet sich immer wieder, und Kubernetes wartet vor jedem Neustart länger – das Log des vorigen Containers nennt den Grund.</translation>
    </message>
    <message>
        <source>%1: the image cannot be pulled%2 — check spec.image (name and tag) and the registry&apos;s imagePullSecrets.</source>
        <translation>%1: Das Image kann nicht geladen werden%2 – prüfen Sie spec.image (Name und Tag) und die imagePullSecrets der Registry.</translation>
    </message>
    <message>
        <source>InvalidImageName: spec.image is not a valid image reference%1.</source>
        <translation>InvalidImageName: spec.image ist keine gültige Image-Referenz%1.</translation>
    </message>
    <message>
        <source>CreateContainerConfigError: a Secret or ConfigMap the container needs is missing%1 — create it or fix the pod template.</source>
        <translation>CreateContainerConfigError: Ein Secret oder eine ConfigMap, die der Container braucht, fehlt%1 – legen Sie sie an oder korrigieren Sie das Pod-Template.</translation>
    </message>
    <message>
        <source>%1: the container could not be started%2.</source>
        <translation>%1: Der Container konnte nicht gestartet werden%2.</translation>
    </message>
    <message>
        <source>%1: the container is being started.</source>
        <translation>%1: Der Container wird gestartet.</translation>
    </message>
    <message>
        <source>Waiting%1.</source>
        <translation>Wartet%1.</translation>
    </message>
    <message>
        <source>%1: waiting%2.</source>
        <translation>%1: wartet%2.</translation>
    </message>
    <message>
        <source>raise taskmanager memory (taskManager.resource.memory)</source>
        <translation>erhöhen Sie den TaskManager-Speicher (taskManager.resource.memory)</translation>
    </message>
    <message>
        <source>raise jobmanager memory (jobManager.resource.memory)</source>
        <translation>erhöhen Sie den JobManager-Speicher (jobManager.resource.memory)</translation>
    </message>
    <message>
        <source>raise the container&apos;s memory limit</source>
        <translation>erhöhen Sie das Speicherlimit des Containers</translation>
    </message>
    <message>
        <source>OOMKilled (exit %1): the container exceeded its memory limit — %2.</source>
        <translation>OOMKilled (Exit-Code %1): Der Container hat sein Speicherlimit überschritten – %2.</translation>
    </message>
    <message>
        <source>%1 (exit 137): the container was killed (SIGKILL) — by a failed liveness probe, the node running out of memory or a forced deletion.</source>
        <translation>%1 (Exit-Code 137): Der Container wurde abgebrochen (SIGKILL) – durch eine fehlgeschlagene Liveness-Probe, Speichermangel auf dem Knoten oder ein erzwungenes Löschen.</translation>
    </message>
    <message>
        <source>%1 (exit 143): the container was stopped (SIGTERM), usually because its pod was deleted or replaced.</source>
        <translation>%1 (Exit-Code 143): Der Container wurde beendet (SIGTERM), meist weil sein Pod gelöscht oder ersetzt wurde.</translation>
    </message>
    <message>
        <source>%1 (exit %2): the container&apos;s command could not be run%3.</source>
        <translation>%1 (Exit-Code %2): Der Befehl des Containers konnte nicht ausgeführt werden%3.</translation>
    </message>
    <message>
        <source>%1 (exit %2): the process failed — its log (the previous container&apos;s, if it restarted) says why.</source>
        <translation>%1 (Exit-Code %2): Der Prozess ist fehlgeschlagen – sein Log (das des vorigen Containers, falls er neu gestartet wurde) nennt den Grund.</translation>
    </message>
    <message>
        <source>Evicted: the node ran short of resources and removed the pod%1 — give the containers resource requests that match their use.</source>
        <translation>Evicted: Dem Knoten wurden die Ressourcen knapp, und er hat den Pod entfernt%1 – geben Sie den Containern Ressourcenanforderungen, die ihrem Verbrauch entsprechen.</translation>
    </message>
    <message>
        <source>%1: no node can run the pod%2 — lower its CPU or memory request, or add nodes that fit its node selector and tolerations.</source>
        <translation>%1: Kein Knoten kann den Pod ausführen%2 – senken Sie seine CPU- oder Speicheranforderung oder fügen Sie Knoten hinzu, die zu seinem Node-Selector und seinen Tolerations passen.</translation>
    </message>
</context>
<context>
    <name>capstan::PodTableModel</name>
    <message>
        <source>JobManager</source>
        <translation>JobManager</translation>
    </message>
    <message>
        <source>TaskManager</source>
        <translation>TaskManager</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Init:%1</source>
        <translation>Init:%1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Exit %1</translation>
    </message>
    <message>
        <source>%1 (exit %2)</source>
        <translation>%1 (Exit %2)</translation>
    </message>
    <message>
        <source>%1, %2 ago</source>
        <translation>%1, vor %2</translation>
    </message>
    <message>
        <source>(not scheduled)</source>
        <translation>(nicht eingeplant)</translation>
    </message>
    <message>
        <source>Container %1 ended %2: %3</source>
        <translation>Container %1 endete %2: %3</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Verschwunden</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Restarted</source>
        <translation>Neu gestartet</translation>
    </message>
    <message>
        <source>ended %1 ago</source>
        <translation>beendet vor %1</translation>
    </message>
    <message>
        <source>%1 ended; its pod is still there. It ran from %2 to %3 on %4.</source>
        <translation>%1 wurde beendet; der Pod besteht noch. Lief von %2 bis %3 auf %4.</translation>
    </message>
    <message>
        <source>%1 is gone. It ran from %2 to %3 on %4.</source>
        <translation>%1 ist verschwunden. Lief von %2 bis %3 auf %4.</translation>
    </message>
    <message>
        <source>No log lines were recorded.</source>
        <translation>Es wurden keine Logzeilen aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n log line(s) recorded: double-click to read them.</source>
        <translation>
            <numerusform>%n Logzeile aufgezeichnet: zum Lesen doppelklicken.</numerusform>
            <numerusform>%n Logzeilen aufgezeichnet: zum Lesen doppelklicken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Last termination</source>
        <translation>Letztes Ende</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>capstan::PodsPanel</name>
    <message>
        <source>Open &amp;Logs…</source>
        <translation>&amp;Logs öffnen…</translation>
    </message>
    <message>
        <source>P&amp;revious Container Logs…</source>
        <translation>Logs des &amp;vorherigen Containers…</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>The log of the container&apos;s run before its last restart</source>
        <translation>Das Log des Container-Laufs vor dem letzten Neustart</translation>
    </message>
    <message>
        <source>Pods (%1, %2 ended)</source>
        <translation>Pods (%1, %2 beendet)</translation>
    </message>
    <message>
        <source>Pods (%1)</source>
        <translation>Pods (%1)</translation>
    </message>
    <message>
        <source>Recorded &amp;Lines…</source>
        <translation>Aufgezeichnete &amp;Zeilen…</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 ist %2.</translation>
    </message>
    <message>
        <source>No pods: the deployment has none running (suspended, or not deployed yet).</source>
        <translation>Keine Pods: Das Deployment hat keine laufenden (angehalten oder noch nicht bereitgestellt).</translation>
    </message>
    <message>
        <source>Select a pod to read its logs.</source>
        <translation>Wählen Sie einen Pod aus, um seine Logs zu lesen.</translation>
    </message>
</context>
<context>
    <name>capstan::Preferences</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>capstan::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when Capstan starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Capstan.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>&amp;Abfragen alle:</translation>
    </message>
    <message>
        <source>How often the JobManager of an open deployment is asked for its metrics. Applies to open windows at once.</source>
        <translation>Wie oft der JobManager eines geöffneten Deployments nach seinen Metriken gefragt wird. Gilt sofort für offene Fenster.</translation>
    </message>
    <message>
        <source>&amp;Keep history for:</source>
        <translation>&amp;Verlauf behalten für:</translation>
    </message>
    <message>
        <source>Older samples are removed from the local history.</source>
        <translation>Ältere Messwerte werden aus dem lokalen Verlauf entfernt.</translation>
    </message>
    <message>
        <source>Ask Before</source>
        <translation>Nachfragen vor</translation>
    </message>
    <message>
        <source>Delete and Cancel and Discard State always ask: they lose the job&apos;s state for good.</source>
        <translation>Löschen sowie Abbrechen und Zustand verwerfen fragen immer nach: Sie verlieren den Zustand des Jobs endgültig.</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>All&amp;gemein</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notify When</source>
        <translation>Benachrichtigen, wenn</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A deployment starts failing</source>
        <translation>ein Deployment zu scheitern beginnt</translation>
    </message>
    <message>
        <source>A job reaches FAILED</source>
        <translation>ein Job FAILED erreicht</translation>
    </message>
    <message>
        <source>A savepoint or checkpoint fails</source>
        <translation>ein Savepoint oder Checkpoint fehlschlägt</translation>
    </message>
    <message>
        <source>No completed checkpoint for</source>
        <translation>kein abgeschlossener Checkpoint seit</translation>
    </message>
    <message>
        <source>A deployment is changed by someone else</source>
        <translation>ein Deployment von jemand anderem geändert wird</translation>
    </message>
    <message>
        <source>A context is unreachable for</source>
        <translation>ein Kontext nicht erreichbar ist seit</translation>
    </message>
    <message>
        <source>Judged from the checkpoints the operator records; a deployment whose checkpoints it does not record is not judged.</source>
        <translation>Beurteilt nach den Checkpoints, die der Operator aufzeichnet; ein Deployment, dessen Checkpoints er nicht aufzeichnet, wird nicht beurteilt.</translation>
    </message>
    <message>
        <source>Its spec changed without an action of yours in Capstan.</source>
        <translation>Seine Spec hat sich ohne eine Aktion von Ihnen in Capstan geändert.</translation>
    </message>
    <message>
        <source>Each condition is notified once, and again only after it has ended. Pinned deployments and contexts are notified even when their rule is off.</source>
        <translation>Jeder Zustand wird einmal gemeldet und erst wieder, nachdem er geendet hat. Angeheftete Deployments und Kontexte werden auch gemeldet, wenn ihre Regel aus ist.</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Infobereich</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Im Infobereich &amp;weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>&amp;Start minimized to the tray at login</source>
        <translation>Bei der Anmeldung minimiert im Infobereich &amp;starten</translation>
    </message>
    <message>
        <source>Muted and Pinned</source>
        <translation>Stummgeschaltet und angeheftet</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>A mute ends at its time; a pin stays until it is removed. Within a context, a deployment&apos;s own mute or pin decides over the context&apos;s.</source>
        <translation>Eine Stummschaltung endet zu ihrer Zeit; ein Anheften bleibt, bis es entfernt wird. Innerhalb eines Kontexts entscheidet die eigene Stummschaltung oder das eigene Anheften eines Deployments vor der des Kontexts.</translation>
    </message>
    <message>
        <source>Muted until %1</source>
        <translation>Stumm bis %1</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>All deployments</source>
        <translation>Alle Deployments</translation>
    </message>
</context>
<context>
    <name>capstan::PrometheusDialog</name>
    <message>
        <source>Metric History Source</source>
        <translation>Quelle des Metrikverlaufs</translation>
    </message>
    <message>
        <source>Charts of %1&apos;s deployments start with the history Prometheus keeps (grouped by job name, so it spans every job id), then run on with what Capstan polls.</source>
        <translation>Die Diagramme der Deployments von %1 beginnen mit dem Verlauf, den Prometheus aufbewahrt (nach Job-Namen gruppiert, also über alle Job-IDs hinweg), und setzen sich mit dem fort, was Capstan abfragt.</translation>
    </message>
    <message>
        <source>&amp;None: only what Capstan polls from the JobManager</source>
        <translation>&amp;Keine: nur was Capstan vom JobManager abfragt</translation>
    </message>
    <message>
        <source>Prometheus at a &amp;URL</source>
        <translation>Prometheus unter einer &amp;URL</translation>
    </message>
    <message>
        <source>A Prometheus &amp;Service, through the API server</source>
        <translation>Ein Prometheus-&amp;Service, über den API-Server</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Kept in the system keychain; never written to the settings file.</source>
        <translation>Wird im Schlüsselbund des Systems aufbewahrt; nie in die Einstellungsdatei geschrieben.</translation>
    </message>
    <message>
        <source>optional, for basic authentication</source>
        <translation>optional, für Basic-Authentifizierung</translation>
    </message>
    <message>
        <source>U&amp;RL:</source>
        <translation>U&amp;RL:</translation>
    </message>
    <message>
        <source>Na&amp;mespace:</source>
        <translation>Na&amp;mespace:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Ser&amp;vice:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation>Bearer-&amp;Token:</translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
</context>
<context>
    <name>capstan::RelatedResourcesView</name>
    <message>
        <source>Related resources</source>
        <translation>Zugehörige Ressourcen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>Job-Zustand</translation>
    </message>
    <message>
        <source>Started from savepoint</source>
        <translation>Gestartet aus Savepoint</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>Doppelklicken oder Eingabe drücken zum Öffnen</translation>
    </message>
    <message>
        <source>Runs on session cluster %1 (%2).</source>
        <translation>Läuft auf Session-Cluster %1 (%2).</translation>
    </message>
    <message>
        <source>Runs on session cluster %1, which is not listed in namespace %2: the operator cannot submit the job until it exists.</source>
        <translation>Läuft auf Session-Cluster %1, der im Namespace %2 nicht aufgeführt ist: Der Operator kann den Job erst übermitteln, wenn es ihn gibt.</translation>
    </message>
    <message>
        <source>Job on the same cluster</source>
        <translation>Job auf demselben Cluster</translation>
    </message>
    <message>
        <source>Session job</source>
        <translation>Session-Job</translation>
    </message>
    <message>
        <source>No session jobs run on this session cluster.</source>
        <translation>Auf diesem Session-Cluster laufen keine Session-Jobs.</translation>
    </message>
    <message numerus="yes">
        <source>%n session job(s) run on this session cluster.</source>
        <translation>
            <numerusform>Auf diesem Session-Cluster läuft %n Session-Job.</numerusform>
            <numerusform>Auf diesem Session-Cluster laufen %n Session-Jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Taking over</source>
        <translation>Übernimmt</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Blue/green state %1.</source>
        <translation>Blue/Green-Zustand %1.</translation>
    </message>
    <message>
        <source>not yet reported</source>
        <translation>noch nicht gemeldet</translation>
    </message>
    <message>
        <source>Active child: %1.</source>
        <translation>Aktives Kind: %1.</translation>
    </message>
    <message>
        <source>Transition in progress to %1.</source>
        <translation>Wechsel zu %1 läuft.</translation>
    </message>
    <message>
        <source>Transition in progress: the operator takes a savepoint of the active child.</source>
        <translation>Wechsel läuft: Der Operator erstellt einen Savepoint des aktiven Kindes.</translation>
    </message>
    <message>
        <source>Savepoint handed over to %1: %2.</source>
        <translation>An %1 übergebener Savepoint: %2.</translation>
    </message>
    <message>
        <source>No child deployment is listed yet.</source>
        <translation>Noch kein Kind-Deployment aufgeführt.</translation>
    </message>
    <message>
        <source>A child of blue/green deployment %1 (%2), which creates, replaces and deletes it.</source>
        <translation>Ein Kind des Blue/Green-Deployments %1 (%2), das es anlegt, ersetzt und löscht.</translation>
    </message>
    <message>
        <source>state not yet reported</source>
        <translation>Zustand noch nicht gemeldet</translation>
    </message>
    <message>
        <source>A child of blue/green deployment %1, which creates, replaces and deletes it.</source>
        <translation>Ein Kind des Blue/Green-Deployments %1, das es anlegt, ersetzt und löscht.</translation>
    </message>
    <message>
        <source>Started from savepoint %1.</source>
        <translation>Gestartet aus Savepoint %1.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
</context>
<context>
    <name>capstan::RestoreText</name>
    <message>
        <source>empty state</source>
        <translation>leerem Zustand</translation>
    </message>
    <message>
        <source>savepoint %1, taken %2 ago</source>
        <translation>Savepoint %1, vor %2 erstellt</translation>
    </message>
    <message>
        <source>savepoint %1</source>
        <translation>Savepoint %1</translation>
    </message>
    <message>
        <source>savepoint %1 (%2)</source>
        <translation>Savepoint %1 (%2)</translation>
    </message>
    <message>
        <source>checkpoint %1 (%2)</source>
        <translation>Checkpoint %1 (%2)</translation>
    </message>
    <message>
        <source>%1, taken %2 ago: the job restored from it and has completed no checkpoint since; kept in the Kubernetes HA metadata</source>
        <translation>%1, vor %2 erstellt: der Job wurde daraus wiederhergestellt und hat seitdem keinen Checkpoint abgeschlossen; in den Kubernetes-HA-Metadaten gehalten</translation>
    </message>
    <message>
        <source>%1: the job restored from it and has completed no checkpoint since; kept in the Kubernetes HA metadata</source>
        <translation>%1: der Job wurde daraus wiederhergestellt und hat seitdem keinen Checkpoint abgeschlossen; in den Kubernetes-HA-Metadaten gehalten</translation>
    </message>
    <message>
        <source>checkpoint %1 (%2), taken %3 ago, kept in the Kubernetes HA metadata</source>
        <translation>Checkpoint %1 (%2), vor %3 erstellt, in den Kubernetes-HA-Metadaten gehalten</translation>
    </message>
    <message>
        <source>checkpoint %1, taken %2 ago, kept in the Kubernetes HA metadata</source>
        <translation>Checkpoint %1, vor %2 erstellt, in den Kubernetes-HA-Metadaten gehalten</translation>
    </message>
    <message>
        <source>the latest checkpoint in the Kubernetes HA metadata, taken %1 ago by the operator</source>
        <translation>dem neuesten Checkpoint in den Kubernetes-HA-Metadaten, vor %1 vom Operator erstellt</translation>
    </message>
    <message>
        <source>the latest checkpoint in the Kubernetes HA metadata (no checkpoint of this job has been reported yet)</source>
        <translation>dem neuesten Checkpoint in den Kubernetes-HA-Metadaten (für diesen Job wurde noch kein Checkpoint gemeldet)</translation>
    </message>
    <message>
        <source>Start would restore from: empty state (upgrade mode stateless or no savepoint known).</source>
        <translation>Starten würde wiederherstellen aus: leerem Zustand (Upgrade-Modus stateless oder kein Savepoint bekannt).</translation>
    </message>
    <message>
        <source>Start would restore from: %1.</source>
        <translation>Starten würde wiederherstellen aus: %1.</translation>
    </message>
    <message>
        <source>Note: %1.</source>
        <translation>Hinweis: %1.</translation>
    </message>
    <message>
        <source>That checkpoint is %1 old, older than the %2 this deployment allows for last-state upgrades (kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age).</source>
        <translation>Dieser Checkpoint ist %1 alt, älter als die %2, die dieses Deployment für last-state-Upgrades erlaubt (kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age).</translation>
    </message>
    <message>
        <source>nothing: started with empty state</source>
        <translation>nichts: mit leerem Zustand gestartet</translation>
    </message>
    <message>
        <source>checkpoint %1</source>
        <translation>Checkpoint %1</translation>
    </message>
    <message>
        <source>empty state (%1)</source>
        <translation>leerer Zustand (%1)</translation>
    </message>
    <message>
        <source>the latest checkpoint (last-state), at least checkpoint %1</source>
        <translation>der letzte Checkpoint (last-state), mindestens Checkpoint %1</translation>
    </message>
    <message>
        <source>the latest checkpoint (last-state)</source>
        <translation>der letzte Checkpoint (last-state)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The job restored %1, not the savepoint the operator deployed it from (%2). Check which state it runs on before anything else changes.</source>
        <translation>Der Job hat %1 wiederhergestellt, nicht den Savepoint, aus dem der Operator ihn gestartet hat (%2). Prüfen Sie, mit welchem Zustand er läuft, bevor sich etwas anderes ändert.</translation>
    </message>
    <message>
        <source>The job started with empty state although the operator meant it to restore %1. Its state (windows, joins, offsets kept in state) begins anew.</source>
        <translation>Der Job ist mit leerem Zustand gestartet, obwohl der Operator %1 wiederherstellen wollte. Sein Zustand (Fenster, Joins, im Zustand gehaltene Offsets) beginnt neu.</translation>
    </message>
    <message>
        <source>The job restored checkpoint %1, older than checkpoint %2 that the job before it completed: what was processed since then is processed again.</source>
        <translation>Der Job hat Checkpoint %1 wiederhergestellt, älter als Checkpoint %2, den der Job davor abgeschlossen hat: was seitdem verarbeitet wurde, wird erneut verarbeitet.</translation>
    </message>
</context>
<context>
    <name>capstan::SecretStore</name>
    <message>
        <source>The secret could not be stored in the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Secrets you enter are kept in memory until Capstan quits and will have to be entered again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1). Eingegebene Geheimnisse bleiben bis zum Beenden von Capstan im Speicher und müssen beim nächsten Mal erneut eingegeben werden.</translation>
    </message>
</context>
<context>
    <name>capstan::SecretValuesDialog</name>
    <message>
        <source>Secret Values of %1</source>
        <translation>Secret Values von %1</translation>
    </message>
    <message>
        <source>Deployments reference a secret value as ${name} in their configuration. Values are write-only: neither the platform nor Capstan shows them again.</source>
        <translation>Deployments verweisen in ihrer Konfiguration mit ${name} auf einen Secret Value. Werte lassen sich nur schreiben: Weder die Plattform noch Capstan zeigen sie wieder an.</translation>
    </message>
    <message>
        <source>Secret values</source>
        <translation>Secret Values</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>New secret value</source>
        <translation>Neuer Secret Value</translation>
    </message>
    <message>
        <source>e.g. kafka-password</source>
        <translation>z. B. kafka-password</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Reading the secret values…</source>
        <translation>Secret Values werden gelesen…</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Created %1. Reference it as ${%1}.</source>
        <translation>%1 angelegt. Verweisen Sie darauf mit ${%1}.</translation>
    </message>
    <message numerus="yes">
        <source>%n secret value(s).</source>
        <translation>
            <numerusform>%n Secret Value.</numerusform>
            <numerusform>%n Secret Values.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secret values could not be listed: %1</source>
        <translation>Die Secret Values konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>Nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird angelegt…</translation>
    </message>
    <message>
        <source>Delete Secret Value</source>
        <translation>Secret Value löschen</translation>
    </message>
    <message>
        <source>Delete the secret value %1 from namespace %2?</source>
        <translation>Den Secret Value %1 aus dem Namespace %2 löschen?</translation>
    </message>
    <message>
        <source>Deployments whose configuration references ${%1} fail to start until it exists again. Its value cannot be recovered.</source>
        <translation>Deployments, deren Konfiguration auf ${%1} verweist, starten nicht, bis er wieder existiert. Sein Wert lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht…</translation>
    </message>
    <message>
        <source>A secret value of this name exists: delete it first.</source>
        <translation>Ein Secret Value dieses Namens existiert: Löschen Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>Lowercase letters, digits and dashes; starting and ending with a letter or digit.</source>
        <translation>Kleinbuchstaben, Ziffern und Bindestriche; Anfang und Ende ein Buchstabe oder eine Ziffer.</translation>
    </message>
    <message>
        <source>No secret values in %1 yet: create one below.</source>
        <translation>Noch keine geheimen Werte in %1: Legen Sie unten einen an.</translation>
    </message>
</context>
<context>
    <name>capstan::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search actions and keys…</source>
        <translation>Aktionen und Tasten suchen…</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Tastenkürzel suchen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotRetention</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>The operator cleans up no snapshots of this deployment (kubernetes.operator.savepoint.cleanup.enabled is false).</source>
        <translation>Der Operator räumt keine Snapshots dieses Deployments auf (kubernetes.operator.savepoint.cleanup.enabled ist false).</translation>
    </message>
    <message>
        <source>its newest checkpoint</source>
        <translation>seinen neuesten Checkpoint</translation>
    </message>
    <message numerus="yes">
        <source>its newest %n checkpoint(s)</source>
        <translation>
            <numerusform>seinen neuesten %n Checkpoint</numerusform>
            <numerusform>seine neuesten %n Checkpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>The operator keeps the newest %1 it took, none older than %2, and %3; manual snapshots stay until deleted.</source>
        <translation>Der Operator behält die neuesten %1, die er selbst erstellt hat, keinen älter als %2, und %3; manuelle Snapshots bleiben, bis sie gelöscht werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n savepoint(s)</source>
        <translation>
            <numerusform>%n Savepoint</numerusform>
            <numerusform>%n Savepoints</numerusform>
        </translation>
    </message>
    <message>
        <source>The deployment would restore from this snapshot at its next start or upgrade (%1). Deleting it could lose the job&apos;s state: take a newer savepoint first.</source>
        <translation>Das Deployment würde beim nächsten Start oder Upgrade aus diesem Snapshot wiederherstellen (%1). Ihn zu löschen könnte den Zustand des Jobs verlieren: erstellen Sie zuerst einen neueren Savepoint.</translation>
    </message>
    <message>
        <source>Only a FlinkStateSnapshot resource can be deleted; this snapshot is a record of the operator&apos;s status or of the JobManager.</source>
        <translation>Nur eine FlinkStateSnapshot-Ressource kann gelöscht werden; dieser Snapshot ist ein Eintrag im Status des Operators oder des JobManagers.</translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotTableModel</name>
    <message>
        <source>Checkpoint %1 (latest)</source>
        <translation>Checkpoint %1 (neuester)</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation>Savepoint</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>periodic</source>
        <translation>periodisch</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>restores from here</source>
        <translation>stellt hieraus wieder her</translation>
    </message>
    <message>
        <source>cleaned up next</source>
        <translation>wird als Nächstes aufgeräumt</translation>
    </message>
    <message>
        <source>The deployment would restore from this snapshot at its next start or upgrade: it cannot be deleted.</source>
        <translation>Das Deployment würde beim nächsten Start oder Upgrade aus diesem Snapshot wiederherstellen: er kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The operator deletes this snapshot at its next cleanup (history count or age).</source>
        <translation>Der Operator löscht diesen Snapshot beim nächsten Aufräumen (Anzahl oder Alter der Historie).</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
</context>
<context>
    <name>capstan::SnapshotTimeline</name>
    <message>
        <source>Snapshot timeline</source>
        <translation>Snapshot-Zeitleiste</translation>
    </message>
    <message>
        <source>No snapshots yet</source>
        <translation>Noch keine Snapshots</translation>
    </message>
    <message>
        <source>%1, %2 (%3 failed), %4</source>
        <translation>%1, %2 (%3 fehlgeschlagen), %4</translation>
    </message>
    <message numerus="yes">
        <source>%n savepoint(s)</source>
        <translation>
            <numerusform>%n Savepoint</numerusform>
            <numerusform>%n Savepoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s)</source>
        <translation>
            <numerusform>%n Checkpoint</numerusform>
            <numerusform>%n Checkpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Job</numerusform>
            <numerusform>%n Jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>Savepoint %1</source>
        <translation>Savepoint %1</translation>
    </message>
    <message>
        <source>Checkpoint %1</source>
        <translation>Checkpoint %1</translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation>Savepoint</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Trigger: %1</source>
        <translation>Auslöser: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Zeit: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation>Job: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more here</source>
        <translation>
            <numerusform>… und %n weiterer hier</numerusform>
            <numerusform>… und %n weitere hier</numerusform>
        </translation>
    </message>
    <message>
        <source>Generation %1
First seen: %2</source>
        <translation>Generation %1
Zuerst gesehen: %2</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft noch</translation>
    </message>
    <message>
        <source>Last state: %1</source>
        <translation>Letzter Zustand: %1</translation>
    </message>
    <message>
        <source>Spec generation: %1</source>
        <translation>Spec-Generation: %1</translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation>Gen. %1</translation>
    </message>
    <message>
        <source>Ended: %1
At: %2</source>
        <translation>Beendet: %1
Um: %2</translation>
    </message>
</context>
<context>
    <name>capstan::SubtaskTableModel</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1 (Versuch %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Subtask</source>
        <translation>Subtask</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>TaskManager</source>
        <translation>TaskManager</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ausgelastet</translation>
    </message>
    <message>
        <source>Back-pressured</source>
        <translation>Rückstau</translation>
    </message>
    <message>
        <source>Records in</source>
        <translation>Datensätze ein</translation>
    </message>
    <message>
        <source>Records out</source>
        <translation>Datensätze aus</translation>
    </message>
    <message>
        <source>Watermark lag</source>
        <translation>Watermark-Verzug</translation>
    </message>
    <message>
        <source>Checkpoint state</source>
        <translation>Checkpoint-Zustand</translation>
    </message>
    <message>
        <source>Checkpoint duration</source>
        <translation>Checkpoint-Dauer</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Alignment</translation>
    </message>
</context>
<context>
    <name>capstan::TrayIcon</name>
    <message numerus="yes">
        <source>%n deployment(s) failing</source>
        <translation>
            <numerusform>%n Deployment scheitert</numerusform>
            <numerusform>%n Deployments scheitern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n context(s) unreachable</source>
        <translation>
            <numerusform>%n Kontext nicht erreichbar</numerusform>
            <numerusform>%n Kontexte nicht erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Capstan: nothing failing</source>
        <translation>Capstan: nichts scheitert</translation>
    </message>
    <message>
        <source>Capstan: %1</source>
        <translation>Capstan: %1</translation>
    </message>
    <message>
        <source>Show Capstan</source>
        <translation>Capstan zeigen</translation>
    </message>
    <message>
        <source>No deployment is failing</source>
        <translation>Kein Deployment scheitert</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Scheitert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…und %n weiteres</numerusform>
            <numerusform>…und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Notifications…</source>
        <translation>Benachrichtigungen…</translation>
    </message>
    <message>
        <source>Quit Capstan</source>
        <translation>Capstan beenden</translation>
    </message>
</context>
<context>
    <name>capstan::VvpAdmin</name>
    <message>
        <source>The Ververica Platform is not connected yet; try again shortly.</source>
        <translation>Die Ververica Platform ist noch nicht verbunden; versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>capstan::VvpAdminActions</name>
    <message>
        <source>Deployment &amp;Defaults…</source>
        <translation>Deployment-&amp;Standardwerte…</translation>
    </message>
    <message>
        <source>The Ververica Platform namespace&apos;s defaults and a deployment&apos;s effective configuration</source>
        <translation>Die Standardwerte des Ververica-Platform-Namespace und die wirksame Konfiguration eines Deployments</translation>
    </message>
    <message>
        <source>Secret &amp;Values…</source>
        <translation>Secret &amp;Values…</translation>
    </message>
    <message>
        <source>The Ververica Platform namespace&apos;s secret values</source>
        <translation>Die Secret Values des Ververica-Platform-Namespace</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F</source>
        <translation>Ctrl+Alt+F</translation>
    </message>
    <message>
        <source>Ctrl+Alt+V</source>
        <translation>Ctrl+Alt+V</translation>
    </message>
</context>
<context>
    <name>capstan::VvpApiDescription</name>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>eine Map</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>The platform&apos;s API description is not a Swagger 2.0 document (no &quot;swagger&quot;: &quot;2.0&quot;).</source>
        <translation>Die API-Beschreibung der Plattform ist kein Swagger-2.0-Dokument (kein &quot;swagger&quot;: &quot;2.0&quot;).</translation>
    </message>
    <message>
        <source>The platform&apos;s API description has no definitions.</source>
        <translation>Die API-Beschreibung der Plattform hat keine Definitionen.</translation>
    </message>
    <message>
        <source>null: the platform leaves out a field without a value.</source>
        <translation>null: Die Plattform lässt ein Feld ohne Wert weg.</translation>
    </message>
    <message>
        <source>The description refers to %1, which it does not define.</source>
        <translation>Die Beschreibung verweist auf %1, das sie nicht definiert.</translation>
    </message>
    <message>
        <source>%1 is not a map: the platform expects a map here.</source>
        <translation>%1 ist keine Map: Die Plattform erwartet hier eine Map.</translation>
    </message>
    <message>
        <source>%1 is not a list: the platform expects a list here.</source>
        <translation>%1 ist keine Liste: Die Plattform erwartet hier eine Liste.</translation>
    </message>
    <message>
        <source>%1 is not a single value: the platform expects one here (%2).</source>
        <translation>%1 ist kein einzelner Wert: Die Plattform erwartet hier einen (%2).</translation>
    </message>
    <message>
        <source>%1 is not a number: the platform expects %2 here.</source>
        <translation>%1 ist keine Zahl: Die Plattform erwartet hier %2.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>%1 is not a whole number: the platform would cut it to %2.</source>
        <translation>%1 ist keine ganze Zahl: Die Plattform würde sie auf %2 kürzen.</translation>
    </message>
    <message>
        <source>%1 is out of range for %2.</source>
        <translation>%1 liegt außerhalb des Bereichs von %2.</translation>
    </message>
    <message>
        <source>%1 is neither true nor false: the platform expects true or false here.</source>
        <translation>%1 ist weder true noch false: Die Plattform erwartet hier true oder false.</translation>
    </message>
    <message>
        <source>%1 is not text: the platform writes text here.</source>
        <translation>%1 ist kein Text: Die Plattform schreibt hier Text.</translation>
    </message>
    <message>
        <source>%1 is not a date and time: the platform expects ISO 8601 (2024-05-01T12:00:00Z) here.</source>
        <translation>%1 ist kein Zeitpunkt: Die Plattform erwartet hier ISO 8601 (2024-05-01T12:00:00Z).</translation>
    </message>
    <message>
        <source>%1 is not an id: the platform expects a UUID (8-4-4-4-12 hexadecimal digits) here.</source>
        <translation>%1 ist keine ID: Die Plattform erwartet hier eine UUID (8-4-4-4-12 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>%1 is not one of %2.</source>
        <translation>%1 ist keiner der Werte %2.</translation>
    </message>
</context>
<context>
    <name>capstan::VvpJobManagers</name>
    <message>
        <source>This deployment runs in a session cluster; Capstan reads the JobManagers of deployments with a Deployment Target only.</source>
        <translation>Dieses Deployment läuft in einem Session-Cluster; Capstan liest nur die JobManager von Deployments mit einem Deployment Target.</translation>
    </message>
    <message>
        <source>The Deployment Target %1 cannot be read: %2</source>
        <translation>Das Deployment Target %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The Deployment Target %1 names no Kubernetes namespace.</source>
        <translation>Das Deployment Target %1 nennt keinen Kubernetes-Namespace.</translation>
    </message>
    <message>
        <source>Services of namespace %1 cannot be listed (list on services is not allowed), so the JobManager of the job cannot be found.</source>
        <translation>Die Services des Namespaces %1 können nicht aufgelistet werden (list auf services ist nicht erlaubt), daher kann der JobManager des Jobs nicht gefunden werden.</translation>
    </message>
    <message>
        <source>The JobManager&apos;s Service cannot be looked up in namespace %1: %2</source>
        <translation>Der Service des JobManagers kann im Namespace %1 nicht nachgeschlagen werden: %2</translation>
    </message>
    <message>
        <source>The JobManager of job %1 has no Service in namespace %2 yet.</source>
        <translation>Der JobManager des Jobs %1 hat noch keinen Service im Namespace %2.</translation>
    </message>
</context>
<context>
    <name>capstan::VvpSession</name>
    <message>
        <source>No Ververica Platform is named: give its Service (namespace/name:port) or its URL.</source>
        <translation>Keine Ververica Platform angegeben: nennen Sie ihren Service (Namespace/Name:Port) oder ihre URL.</translation>
    </message>
    <message>
        <source>Ververica Platform %1</source>
        <translation>Ververica Platform %1</translation>
    </message>
    <message>
        <source>The platform connection is not open, so nothing was sent.</source>
        <translation>Die Verbindung zur Plattform ist nicht offen, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The platform connection is not open.</source>
        <translation>Die Verbindung zur Plattform ist nicht offen.</translation>
    </message>
    <message>
        <source>Ververica Platform takes a savepoint of %1.</source>
        <translation>Ververica Platform erstellt einen Savepoint von %1.</translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation>%1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>This action is not available for Ververica Platform deployments in this version of Capstan; use the platform&apos;s own UI for it.</source>
        <translation>Diese Aktion ist in dieser Version von Capstan für Deployments auf Ververica Platform nicht verfügbar; nutzen Sie dafür die Oberfläche der Plattform.</translation>
    </message>
    <message>
        <source>Nothing to apply to %1.</source>
        <translation>Nichts auf %1 anzuwenden.</translation>
    </message>
    <message>
        <source>Write the changed spec</source>
        <translation>Die geänderte Spezifikation schreiben</translation>
    </message>
    <message>
        <source>Set the desired state to %1</source>
        <translation>Den Sollzustand auf %1 setzen</translation>
    </message>
    <message>
        <source>%1 was changed meanwhile; nothing was written.</source>
        <translation>%1 wurde inzwischen geändert; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Ververica Platform applies the change to %1.</source>
        <translation>Ververica Platform übernimmt die Änderung an %1.</translation>
    </message>
    <message>
        <source>Ververica Platform moves %1 to %2.</source>
        <translation>Ververica Platform bringt %1 in den Zustand %2.</translation>
    </message>
    <message>
        <source>Ververica Platform does not pass pod logs on to Capstan; read them in the platform&apos;s UI or with kubectl logs.</source>
        <translation>Ververica Platform gibt Pod-Logs nicht an Capstan weiter; lesen Sie sie in der Oberfläche der Plattform oder mit kubectl logs.</translation>
    </message>
    <message>
        <source>Open the Flink UI from Ververica Platform&apos;s own deployment page.</source>
        <translation>Öffnen Sie die Flink-Oberfläche über die Deployment-Seite von Ververica Platform.</translation>
    </message>
    <message>
        <source>Copy the savepoint %1 to %2 (origin COPIED)</source>
        <translation>Den Savepoint %1 nach %2 kopieren (Herkunft COPIED)</translation>
    </message>
    <message>
        <source>The savepoint was not copied to %1, so it was not started: %2</source>
        <translation>Der Savepoint wurde nicht nach %1 kopiert, daher wurde nicht gestartet: %2</translation>
    </message>
    <message>
        <source>Set the desired state to RUNNING</source>
        <translation>Den Sollzustand auf RUNNING setzen</translation>
    </message>
    <message>
        <source>Ververica Platform starts %1 from the savepoint %2.</source>
        <translation>Ververica Platform startet %1 aus dem Savepoint %2.</translation>
    </message>
    <message>
        <source>%1 was changed meanwhile; it was not started. The copied savepoint stays: the next Start restores from it.</source>
        <translation>%1 wurde inzwischen geändert; es wurde nicht gestartet. Der kopierte Savepoint bleibt: Der nächste Start stellt aus ihm wieder her.</translation>
    </message>
    <message>
        <source>The Prometheus source is a Service of a cluster, which this platform, reached by its URL, does not lead to: give Prometheus by its URL.</source>
        <translation>Die Prometheus-Quelle ist ein Service eines Clusters, zu dem diese per URL erreichte Plattform nicht führt: Geben Sie Prometheus per URL an.</translation>
    </message>
    <message>
        <source>Capstan reaches this Ververica Platform by its URL, which leads to no JobManager. Open the platform through its cluster&apos;s Kubernetes context for the JobManager&apos;s view and live metrics, or set a Prometheus source for metric history.</source>
        <translation>Capstan erreicht diese Ververica Platform über ihre URL, die zu keinem JobManager führt. Öffnen Sie die Plattform über den Kubernetes-Kontext ihres Clusters für die Sicht des JobManagers und Live-Metriken, oder legen Sie eine Prometheus-Quelle für den Metrikverlauf fest.</translation>
    </message>
    <message>
        <source>The JobManager is read while the deployment is RUNNING.</source>
        <translation>Der JobManager wird gelesen, solange das Deployment RUNNING ist.</translation>
    </message>
    <message>
        <source>The deployment is %1; its JobManager is read while it is RUNNING.</source>
        <translation>Das Deployment ist %1; sein JobManager wird gelesen, solange es RUNNING ist.</translation>
    </message>
    <message>
        <source>Ververica Platform created %1 in namespace %2.</source>
        <translation>Ververica Platform hat %1 im Namespace %2 angelegt.</translation>
    </message>
    <message>
        <source>Cancel the job first: Ververica Platform deletes only stopped deployments</source>
        <translation>Zuerst den Job abbrechen: Ververica Platform löscht nur gestoppte Deployments</translation>
    </message>
    <message>
        <source>%1 was changed meanwhile; nothing was cancelled or deleted.</source>
        <translation>%1 wurde inzwischen geändert; nichts wurde abgebrochen oder gelöscht.</translation>
    </message>
    <message>
        <source>%1 was not cancelled, so it was not deleted: %2</source>
        <translation>%1 wurde nicht abgebrochen und daher nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Wait until the platform has cancelled it</source>
        <translation>Warten, bis die Plattform ihn abgebrochen hat</translation>
    </message>
    <message>
        <source>%1 is cancelled; it was not deleted, as you stopped waiting.</source>
        <translation>%1 ist abgebrochen; es wurde nicht gelöscht, da Sie das Warten beendet haben.</translation>
    </message>
    <message>
        <source>%1 is cancelled but still %2 after 5 minutes, so it was not deleted: delete it once it has stopped.</source>
        <translation>%1 ist abgebrochen, aber nach 5 Minuten noch %2 und wurde daher nicht gelöscht: Löschen Sie es, sobald es gestoppt ist.</translation>
    </message>
    <message>
        <source>Delete the deployment</source>
        <translation>Das Deployment löschen</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2 Ververica Platform deletes only cancelled or suspended deployments.</source>
        <translation>%1 wurde nicht gelöscht: %2 Ververica Platform löscht nur abgebrochene oder angehaltene Deployments.</translation>
    </message>
</context>
<context>
    <name>capstan::Watchkeeper</name>
    <message>
        <source>Al&amp;ways Notify About This Deployment</source>
        <translation>&amp;Immer über dieses Deployment benachrichtigen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Notify about this deployment even when its rule is off or its context is muted</source>
        <translation>Über dieses Deployment benachrichtigen, auch wenn seine Regel aus oder sein Kontext stummgeschaltet ist</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications for 1 Hour</source>
        <translation>Benachrichtigungen 1 Stunde st&amp;ummschalten</translation>
    </message>
    <message>
        <source>Ctrl+Alt+M</source>
        <translation>Ctrl+Alt+M</translation>
    </message>
    <message>
        <source>No notifications about this deployment for an hour (again: unmute)</source>
        <translation>Eine Stunde lang keine Benachrichtigungen über dieses Deployment (erneut: Stummschaltung aufheben)</translation>
    </message>
    <message>
        <source>Mute This Conte&amp;xt for 1 Hour</source>
        <translation>Diesen Konte&amp;xt 1 Stunde stummschalten</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+M</source>
        <translation>Ctrl+Alt+Shift+M</translation>
    </message>
    <message>
        <source>No notifications about this context for an hour (again: unmute)</source>
        <translation>Eine Stunde lang keine Benachrichtigungen über diesen Kontext (erneut: Stummschaltung aufheben)</translation>
    </message>
</context>
<context>
    <name>capstan::YamlDiffView</name>
    <message numerus="yes">
        <source>  ⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>  ⋯ %n unveränderte Zeile</numerusform>
            <numerusform>  ⋯ %n unveränderte Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Capstan – operate Apache Flink deployments on Kubernetes.</source>
        <translation>Capstan – Apache-Flink-Deployments auf Kubernetes betreiben.</translation>
    </message>
    <message>
        <source>Path to the kubeconfig file to use (instead of $KUBECONFIG or ~/.kube/config).</source>
        <translation>Pfad der zu verwendenden kubeconfig-Datei (statt $KUBECONFIG oder ~/.kube/config).</translation>
    </message>
    <message>
        <source>The kubeconfig context to open.</source>
        <translation>Der zu öffnende kubeconfig-Kontext.</translation>
    </message>
    <message>
        <source>The namespace to show (&quot;all&quot; for all namespaces).</source>
        <translation>Der anzuzeigende Namespace („all“ für alle Namespaces).</translation>
    </message>
    <message>
        <source>Print the merged kubeconfig&apos;s contexts as JSON and exit.</source>
        <translation>Die Kontexte der zusammengeführten kubeconfig als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Run the built-in sandbox cluster and open it (the default when no kubeconfig exists).</source>
        <translation>Den eingebauten Sandbox-Cluster starten und öffnen (Standard, wenn keine kubeconfig existiert).</translation>
    </message>
    <message>
        <source>Print what the deployment list shows (state, job state, failing, last snapshot, …) as JSON and exit.</source>
        <translation>Ausgeben, was die Deployment-Liste zeigt (Zustand, Job-Zustand, fehlschlagend, letzter Snapshot, …), als JSON und beenden.</translation>
    </message>
    <message>
        <source>Start in the system tray, keeping watch, without showing the window (as at login when so chosen in Preferences).</source>
        <translation>Im Infobereich des Systems starten und Wache halten, ohne das Fenster zu zeigen (wie bei der Anmeldung, wenn in den Einstellungen so gewählt).</translation>
    </message>
</context>
</TS>
