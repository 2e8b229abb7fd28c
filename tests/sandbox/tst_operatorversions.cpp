// capstan-sandbox --operator-version 1.2|1.6|1.10|1.15 writes FlinkDeployment status in that
// release's shape, and for each the window's list (DeploymentTableModel fed by a ClusterSession) and
// `capstan --list-deployments` say the same of every deployment.
#include "flink/deployment.h"
#include "kube/kubeconfigloader.h"
#include "session/clustersession.h"
#include "ui/models/deploymenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

namespace {

const QString kSandbox = QStringLiteral(CAPSTAN_BINARY_DIR "/app/capstan-sandbox");
const QString kCapstan = QStringLiteral(CAPSTAN_BINARY_DIR "/capstan");

// What both sides must agree on, per deployment uid.
QJsonObject comparable(const QJsonObject &d)
{
    QJsonObject out;
    for (const char *key : {"name", "namespace", "state", "jobState", "sessionCluster", "failing", "error", "owner"})
        out.insert(QLatin1String(key), d.value(QLatin1String(key)));
    const QJsonObject snapshot = d.value(QLatin1String("lastSnapshot")).toObject();
    out.insert(QStringLiteral("lastSnapshotTime"), snapshot.value(QLatin1String("time")));
    out.insert(QStringLiteral("lastSnapshotSource"), snapshot.value(QLatin1String("source")));
    return out;
}

QMap<QString, QJsonObject> fromModel(const DeploymentTableModel &model)
{
    QMap<QString, QJsonObject> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.insert(model.at(row).uid, comparable(model.at(row).toJson()));
    return out;
}

QMap<QString, QJsonObject> fromCommand(const QString &kubeconfig, QByteArray *raw)
{
    QProcess process;
    process.start(kCapstan,
                  {QStringLiteral("--list-deployments"), QStringLiteral("--kubeconfig"), kubeconfig,
                   QStringLiteral("--context"), QStringLiteral("sandbox"), QStringLiteral("-n"),
                   QStringLiteral("all")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("capstan --list-deployments: %s", process.readAllStandardError().constData());
        return {};
    }
    *raw = process.readAllStandardOutput();
    QMap<QString, QJsonObject> out;
    const QJsonArray list = QJsonDocument::fromJson(*raw).object().value(QLatin1String("deployments")).toArray();
    for (const QJsonValue &v : list)
        out.insert(v.toObject().value(QLatin1String("uid")).toString(), comparable(v.toObject()));
    return out;
}

} // namespace

class TestOperatorVersions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowAndCommandAgree_data();
    void windowAndCommandAgree();
    void connectionErrorGoesToStderr();
};

void TestOperatorVersions::initTestCase()
{
    if (!QFile::exists(kSandbox) || !QFile::exists(kCapstan))
        QSKIP("capstan and capstan-sandbox must be built first");
}

void TestOperatorVersions::windowAndCommandAgree_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("writesLifecycle");
    QTest::addColumn<bool>("writesJsonErrors");
    QTest::newRow("1.2") << QStringLiteral("1.2") << false << false;
    QTest::newRow("1.6") << QStringLiteral("1.6") << true << true;
    QTest::newRow("1.10") << QStringLiteral("1.10") << true << true;
    QTest::newRow("1.15") << QStringLiteral("1.15") << true << true;
}

void TestOperatorVersions::windowAndCommandAgree()
{
    QFETCH(QString, version);
    QFETCH(bool, writesLifecycle);
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QProcess sandbox;
    sandbox.start(kSandbox,
                  {QStringLiteral("--operator-version"), version, QStringLiteral("--kubeconfig-out"), kubeconfig});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(kubeconfig) && sandbox.canReadLine(), 20000);
    const auto cleanup = qScopeGuard([&sandbox] {
        sandbox.terminate();
        sandbox.waitForFinished(10000);
    });

    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    QVERIFY(config);
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    ClusterSession session(config.value(), QStringLiteral("sandbox"), QString(), options);
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    connect(&session, &ClusterSession::deploymentsChanged, &model, &DeploymentTableModel::applyBatch);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 5, 20000);

    // The shape is the release's.
    bool sawLifecycle = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        // Blue/green deployments have no lifecycle of their own in any release.
        if (model.at(row).kind != ResourceKind::FlinkBlueGreenDeployment)
            sawLifecycle = sawLifecycle || !model.at(row).lifecycleDerived;
    }
    QCOMPARE(sawLifecycle, writesLifecycle);

    // The simulation moves on between the two reads: they must agree on one of a few tries.
    QMap<QString, QJsonObject> window;
    QMap<QString, QJsonObject> command;
    QByteArray raw;
    for (int attempt = 0; attempt < 8; ++attempt) {
        QTest::qWait(0); // let the session apply what has arrived
        QTRY_VERIFY_WITH_TIMEOUT(!fromModel(model).isEmpty(), 5000);
        command = fromCommand(kubeconfig, &raw);
        QTest::qWait(300); // the session's watch catches up with the state the command listed
        window = fromModel(model);
        if (window == command)
            break;
    }
    QVERIFY(!command.isEmpty());
    for (auto it = window.cbegin(); it != window.cend(); ++it) {
        const QByteArray message = it->value(QLatin1String("name")).toString().toUtf8() + ": window "
            + QJsonDocument(*it).toJson(QJsonDocument::Compact) + "\ncommand "
            + QJsonDocument(command.value(it.key())).toJson(QJsonDocument::Compact);
        QVERIFY2(command.value(it.key()) == *it, message.constData());
    }
    QCOMPARE(command.keys(), window.keys());
    // Some deployment of the demo set has a last snapshot, and the command names where it came from.
    QVERIFY(raw.contains("\"source\""));
    qInfo("%s: %d deployments agree", qPrintable(version), int(window.size()));
}

void TestOperatorVersions::connectionErrorGoesToStderr()
{
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A server nobody listens on.
    file.write("apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n"
               "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]\n"
               "users: [{name: u, user: {token: t}}]\n"
               "contexts: [{name: nowhere, context: {cluster: c, user: u}}]\n");
    file.close();
    QProcess process;
    process.start(kCapstan, {QStringLiteral("--list-deployments"), QStringLiteral("--kubeconfig"), kubeconfig});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().startsWith("capstan: "));
}

QTEST_MAIN(TestOperatorVersions)
#include "tst_operatorversions.moc"
