// The fault soak (DESIGN: nothing lost, nothing applied twice). For CAPSTAN_SOAK_SECONDS (150 by
// default; set it higher by hand) the sandbox injects random faults — open watches dropped mid-event
// or cleanly, 410 Expired in the streams, bursts of 503 and 429 with Retry-After, slow responses,
// compacted history, a server restart — while its operator simulation and another client keep
// changing deployments, the exec credential plugin's short-lived token expires again and again, and
// the window runs Restart actions. At the end the window's list equals the server's objects, each
// deployment's restartNonce moved by exactly the number of Restarts that succeeded, and every
// action that did not succeed said why.

#include "common/sandboxfixture.h"
#include "sandbox/faultplan.h"
#include "ui/actionscontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/models/deploymenttablemodel.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace capstan;
using capstan::test::SandboxFixture;

namespace {

const QString kDeployments = QStringLiteral("flinkdeployments");

struct Fault
{
    const char *name;
    std::function<void(sandbox::SandboxServer &)> inject;
};

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void soak();

private:
    void rotateToken(sandbox::SandboxServer &server);
    QString m_credentialFile;
};

void TestSoak::rotateToken(sandbox::SandboxServer &server)
{
    // Valid for 8 s (rotated every 4 s): Capstan must run the plugin again before the expiry it
    // was told, but not for every request.
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(8);
    const QString token = server.issueToken(expiry);
    QSaveFile file(m_credentialFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                              "\"status\":{\"token\":\"%1\",\"expirationTimestamp\":\"%2\"}}")
                   .arg(token, expiry.toString(Qt::ISODate))
                   .toUtf8());
    QVERIFY(file.commit());
}

void TestSoak::soak()
{
    const int seconds = qEnvironmentVariableIntValue("CAPSTAN_SOAK_SECONDS") > 0
        ? qEnvironmentVariableIntValue("CAPSTAN_SOAK_SECONDS")
        : 150;
    const quint32 seed = qEnvironmentVariableIsSet("CAPSTAN_SOAK_SEED")
        ? quint32(qEnvironmentVariableIntValue("CAPSTAN_SOAK_SEED"))
        : QRandomGenerator::global()->generate();
    qInfo("soak: %d s, seed %u (CAPSTAN_SOAK_SEED repeats a run)", seconds, seed);
    QRandomGenerator random(seed);

    SandboxFixture sandbox(-1, 20);
    QVERIFY(sandbox.started);
    sandbox::SandboxServer &server = *sandbox.server;
    QTemporaryDir dir;
    m_credentialFile = dir.filePath(QStringLiteral("credential.json"));
    rotateToken(server);
    const QString plugin = dir.filePath(QStringLiteral("credential-plugin"));
    {
        QFile script(plugin);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho run >> \"$SOAK_CREDENTIAL.runs\"\ncat \"$SOAK_CREDENTIAL\"\n");
    }
    QVERIFY(QFile::setPermissions(plugin, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    // A context whose user gets short-lived tokens from an exec plugin.
    KubeConfig config = sandbox.kubeConfig();
    KubeUser user;
    user.name = QStringLiteral("soak-exec");
    user.exec = ExecConfig{QStringLiteral("client.authentication.k8s.io/v1"),
                           plugin,
                           {},
                           {{QStringLiteral("SOAK_CREDENTIAL"), m_credentialFile}},
                           {},
                           false,
                           QStringLiteral("Never")};
    config.users << user;
    KubeContext context;
    context.name = QStringLiteral("soak");
    context.cluster = config.context(QStringLiteral("sandbox"))->cluster;
    context.user = user.name;
    config.contexts << context;

    SessionOptions options;
    options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 1000;
    options.informer.batchIntervalMs = 50;
    MainWindow window(config, QStringLiteral("soak"), QStringLiteral("all"), options);
    window.resize(1400, 900);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 5, 15000);
    QVERIFY(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")));

    // The application deployments the soak restarts, with their nonces before it.
    const QList<QPair<QString, QString>> targets{
        {QStringLiteral("default"), QStringLiteral("github-analytics")},
        {QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")},
        {QStringLiteral("flink-jobs"), QStringLiteral("clickstream-sessionizer")}};
    const auto nonceOf = [&server](const QPair<QString, QString> &target) {
        return server.store()
            .get(kDeployments, target.first, target.second)
            .object.value(QLatin1String("spec"))
            .toObject()
            .value(QLatin1String("restartNonce"))
            .toInteger();
    };
    QHash<QString, qint64> initialNonce;
    for (const auto &target : targets)
        initialNonce.insert(target.second, nonceOf(target));

    const QList<Fault> faults{
        {"watch streams dropped mid-event", [](auto &s) { s.faults().dropWatchStreams(true); }},
        {"watch streams closed cleanly", [](auto &s) { s.faults().dropWatchStreams(false); }},
        {"410 Expired in the watch streams", [](auto &s) { s.faults().sendExpiredToWatches(); }},
        {"5 × 503", [](auto &s) { s.faults().failNextRequests(5, 503); }},
        {"3 × 429, Retry-After 1", [](auto &s) { s.faults().failNextRequests(3, 429, 1); }},
        {"500 ms latency", [](auto &s) { s.faults().setLatencyMs(500); }},
        {"history compacted", [](auto &s) { s.store().compact(); }},
        {"server restart", [](auto &s) { QVERIFY(s.restart()); }},
    };
    QHash<QString, int> injected;

    // Results of the window's actions, by the deployment's name.
    QHash<QString, int> succeededRestarts;
    QHash<quint64, QString> running; // action id → deployment name
    QList<ActionResult> unsuccessful;
    int sent = 0;
    connect(window.actions(), &ActionsController::actionFinished, this, [&](const ActionResult &result) {
        const QString name = running.take(result.id);
        if (result.outcome == ActionResult::Outcome::Succeeded)
            ++succeededRestarts[name];
        else
            unsuccessful << result;
    });

    QTimer faultTimer;
    faultTimer.setInterval(2500);
    connect(&faultTimer, &QTimer::timeout, this, [&] {
        server.faults().setLatencyMs(0); // latency lasts one interval
        const Fault &fault = faults.at(int(random.bounded(quint32(faults.size()))));
        ++injected[QString::fromUtf8(fault.name)];
        fault.inject(server);
    });
    QTimer tokenTimer;
    tokenTimer.setInterval(4000);
    connect(&tokenTimer, &QTimer::timeout, this, [&] { rotateToken(server); });
    int otherClientChanges = 0;
    QTimer otherClient;
    otherClient.setInterval(300);
    connect(&otherClient, &QTimer::timeout, this, [&] {
        // Another client labels deployments (metadata only: the operator does not redeploy).
        const auto &target = targets.at(int(random.bounded(quint32(targets.size()))));
        const QJsonObject patch{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("soak-tick"), QString::number(++otherClientChanges)}}}}}};
        server.store().mergePatch(kDeployments, target.first, target.second, patch);
    });
    QTimer actionTimer;
    actionTimer.setInterval(1500);
    connect(&actionTimer, &QTimer::timeout, this, [&] {
        const auto &target = targets.at(int(random.bounded(quint32(targets.size()))));
        for (const QString &name : std::as_const(running)) {
            if (name == target.second)
                return; // one action per deployment at a time, as the window allows
        }
        // What the window shows: its resourceVersion may be behind the server's (a conflict then).
        const Deployment *shown = nullptr;
        for (int row = 0; row < window.deploymentModel()->rowCount(); ++row) {
            const QString uid = window.deploymentModel()
                                    ->index(row, DeploymentTableModel::Name)
                                    .data(DeploymentTableModel::UidRole)
                                    .toString();
            const Deployment *d = window.deploymentModel()->deployment(uid);
            if (d && d->ns == target.first && d->name == target.second)
                shown = d;
        }
        if (!shown)
            return;
        const QJsonObject object = server.store().get(kDeployments, target.first, target.second).object;
        ActionRequest request;
        request.kind = ActionKind::Restart;
        request.deploymentUid = shown->uid;
        request.ns = shown->ns;
        request.name = shown->name;
        request.baseResourceVersion = shown->resourceVersion;
        request.baseSpec = object.value(QLatin1String("spec")).toObject();
        running.insert(window.actions()->run(request), shown->name);
        ++sent;
    });
    faultTimer.start();
    tokenTimer.start();
    otherClient.start();
    actionTimer.start();
    QTest::qWait(seconds * 1000);
    faultTimer.stop();
    otherClient.stop();
    actionTimer.stop();
    server.faults().setLatencyMs(0);

    // Quiet: every action ends, then the list converges on the server's objects.
    QTRY_VERIFY_WITH_TIMEOUT(running.isEmpty(), 120000);
    const auto converged = [&] {
        // The list holds session jobs and blue/green deployments beside the deployments.
        QJsonArray objects;
        for (const QString &plural :
             {kDeployments, QStringLiteral("flinksessionjobs"), QStringLiteral("flinkbluegreendeployments")}) {
            for (const QJsonValue &item :
                 server.store().list(plural, QString()).object.value(QLatin1String("items")).toArray())
                objects.append(item);
        }
        if (objects.size() != window.deploymentModel()->rowCount())
            return false;
        for (const QJsonValue &object : objects) {
            const QJsonObject metadata = object.toObject().value(QLatin1String("metadata")).toObject();
            const Deployment *d = window.deploymentModel()->deployment(metadata.value(QLatin1String("uid")).toString());
            if (!d || d->resourceVersion != metadata.value(QLatin1String("resourceVersion")).toString())
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 60000);
    tokenTimer.stop();

    QStringList report;
    for (auto it = injected.cbegin(); it != injected.cend(); ++it)
        report << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
    qInfo("soak: faults injected: %s", qPrintable(report.join(QStringLiteral(", "))));
    qInfo("soak: %d changes by another client, %d Restart actions sent, %d unsuccessful", otherClientChanges, sent,
          int(unsuccessful.size()));
    QFile runs(m_credentialFile + QStringLiteral(".runs"));
    QVERIFY(runs.open(QIODevice::ReadOnly));
    const int pluginRuns = int(runs.readAll().count('\n'));
    qInfo("soak: the exec credential plugin ran %d times", pluginRuns);
    QVERIFY(pluginRuns >= 2); // tokens expired and were renewed
    QVERIFY2(pluginRuns <= seconds / 2 + 10, "the plugin ran far more often than its tokens expired");
    QVERIFY(injected.size() >= 3);
    QVERIFY(sent >= 5);

    // Nothing applied twice, nothing lost: each nonce moved once per successful Restart.
    for (const auto &target : targets) {
        const qint64 moved = nonceOf(target) - initialNonce.value(target.second);
        QVERIFY2(moved == succeededRestarts.value(target.second),
                 qPrintable(QStringLiteral("%1: restartNonce moved %2, %3 Restarts succeeded")
                                .arg(target.second)
                                .arg(moved)
                                .arg(succeededRestarts.value(target.second))));
    }
    // Every action that did not succeed said why.
    for (const ActionResult &result : std::as_const(unsuccessful)) {
        QVERIFY2(!result.summary.trimmed().isEmpty(), "an unsuccessful action without a summary");
        QVERIFY2(!result.error.message.trimmed().isEmpty(), qPrintable(result.summary));
        QVERIFY(!window.activity()->outcomeText(result.id).isEmpty());
    }
}

QTEST_MAIN(TestSoak)
#include "tst_soak.moc"
