// Ages by the cluster's clock: against a sandbox whose clock runs two hours ahead of this
// computer's, a savepoint taken five minutes ago reads "5m" (not "0s"), a deployment created ten
// minutes ago "10m" (not "2h"), and the connection tooltip says how far the clocks are apart.

#include "common/sandboxfixture.h"
#include "sandbox/virtualclock.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/widgets/connectionindicator.h"

#include <QStandardPaths>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

namespace {
constexpr qint64 kMinute = 60 * 1000;
}

class TestServerClockAges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agesFollowTheClustersClock();

private:
    QString text(const QAbstractItemModel *model, int row, int column) const
    {
        return model->data(model->index(row, column)).toString();
    }

    std::unique_ptr<sandbox::SandboxServer> m_server;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

void TestServerClockAges::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    sandbox::SandboxOptions options;
    options.deployments = 0;
    options.clockOffsetMs = 120 * kMinute;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QVERIFY(m_server->writeKubeconfig(m_kubeconfig));
    sandbox::ResourceStore &store = m_server->store();
    store.create(QStringLiteral("namespaces"), QString(),
                 {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("kind"), QStringLiteral("Namespace")},
                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("default")}}}});

    // Created ten minutes ago and savepointed five minutes ago, by the cluster's clock.
    const qint64 now = m_server->clock().nowMs();
    sandbox::WriteOptions created;
    created.creationTimestamp = QDateTime::fromMSecsSinceEpoch(now - 10 * kMinute, Qt::UTC);
    QVERIFY(store
                .create(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                        SandboxFixture::deployment(QStringLiteral("clocked")), created)
                .ok());
    const QString taken = QDateTime::fromMSecsSinceEpoch(now - 5 * kMinute, Qt::UTC).toString(Qt::ISODate);
    const QJsonObject snapshot{
        {QStringLiteral("apiVersion"), QStringLiteral("flink.apache.org/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("FlinkStateSnapshot")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("clocked-savepoint")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("snapshot.type"), QStringLiteral("SAVEPOINT")},
                                  {QStringLiteral("snapshot.trigger-type"), QStringLiteral("MANUAL")},
                                  {QStringLiteral("job-reference.kind"), QStringLiteral("FlinkDeployment")},
                                  {QStringLiteral("job-reference.name"), QStringLiteral("clocked")}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("jobReference"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("FlinkDeployment")},
                                  {QStringLiteral("name"), QStringLiteral("clocked")}}},
                     {QStringLiteral("savepoint"), QJsonObject{}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("state"), QStringLiteral("COMPLETED")},
                     {QStringLiteral("path"), QStringLiteral("s3://flink-state/clocked/savepoint-1")},
                     {QStringLiteral("triggerTimestamp"), taken},
                     {QStringLiteral("resultTimestamp"), taken}}}};
    QVERIFY(store.create(QStringLiteral("flinkstatesnapshots"), QStringLiteral("default"), snapshot).ok());
}

void TestServerClockAges::agesFollowTheClustersClock()
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.informer.batchIntervalMs = 50;
    const auto config = KubeConfigLoader::load({m_kubeconfig, QString(), QString()});
    QVERIFY(config);
    MainWindow window(config.value(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.resize(1400, 900);
    window.show();

    // The deployments table: the Age and Last Snapshot columns.
    const DeploymentTableModel *model = window.deploymentModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(text(model, 0, DeploymentTableModel::LastSnapshot), QStringLiteral("5m"), 5000);
    QCOMPARE(text(model, 0, DeploymentTableModel::Age), QStringLiteral("10m"));

    // The Snapshots tab of its page.
    QTRY_VERIFY_WITH_TIMEOUT(window.openDeployment(QStringLiteral("default"), QStringLiteral("clocked")), 10000);
    const SnapshotTableModel *snapshots = window.deploymentPage()->snapshotModel();
    QTRY_COMPARE_WITH_TIMEOUT(snapshots->rowCount(), 1, 5000);
    QCOMPARE(text(snapshots, 0, SnapshotTableModel::Age), QStringLiteral("5m"));

    // The connection tooltip says why.
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    QVERIFY(indicator);
    QTRY_VERIFY_WITH_TIMEOUT(indicator->clockNote().contains(QStringLiteral("2 h 0 min ahead")), 5000);
    QVERIFY2(indicator->toolTipText().contains(indicator->clockNote()), qPrintable(indicator->toolTipText()));

    // The same cluster with its clock set right: its next answer (opening another deployment)
    // takes the note away.
    m_server->clock().shift(-120 * kMinute);
    QVERIFY(m_server->store()
                .create(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                        SandboxFixture::deployment(QStringLiteral("other")))
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(window.openDeployment(QStringLiteral("default"), QStringLiteral("other")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(indicator->clockNote().isEmpty(), 10000);
}

QTEST_MAIN(TestServerClockAges)
#include "tst_serverclockages.moc"
