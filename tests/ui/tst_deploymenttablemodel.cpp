#include "ui/models/deploymentfilterproxymodel.h"
#include "ui/models/deploymenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace capstan;

namespace {
Deployment make(const QString &uid, const QString &name, int parallelism,
                const QString &job = QStringLiteral("RUNNING"))
{
    Deployment d;
    d.uid = uid;
    d.name = name;
    d.ns = QStringLiteral("default");
    d.parallelism = parallelism;
    d.lifecycleState = QStringLiteral("STABLE");
    d.jobState = job;
    d.desiredState = QStringLiteral("running");
    d.created = QDateTime::currentDateTimeUtc().addSecs(-3600);
    return d;
}
} // namespace

class TestDeploymentTableModel : public QObject
{
    Q_OBJECT

private slots:
    void batchesApplyByUid();
    void removalKeepsIndexConsistent();
    void proxySortsByRawValueAndFilters();
};

void TestDeploymentTableModel::batchesApplyByUid()
{
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyBatch(
        {{make(QStringLiteral("a"), QStringLiteral("alpha"), 1), make(QStringLiteral("b"), QStringLiteral("beta"), 2)},
         {},
         true});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 1); // one insertion for the whole batch
    model.applyBatch({{make(QStringLiteral("a"), QStringLiteral("alpha"), 5)}, {}, false});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(model.rowOf(QStringLiteral("a")), DeploymentTableModel::Parallelism).data().toInt(), 5);
    QCOMPARE(model.index(0, DeploymentTableModel::State).data().toString(), QStringLiteral("Running"));
    QVERIFY(!model.index(0, DeploymentTableModel::State).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestDeploymentTableModel::removalKeepsIndexConsistent()
{
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    DeploymentBatch batch;
    for (int i = 0; i < 10; ++i)
        batch.upserted << make(QStringLiteral("u%1").arg(i), QStringLiteral("d%1").arg(i), i + 1);
    model.applyBatch(batch);
    model.applyBatch(
        {{}, {QStringLiteral("u0"), QStringLiteral("u5"), QStringLiteral("u9"), QStringLiteral("missing")}, false});
    QCOMPARE(model.rowCount(), 7);
    for (int i : {1, 2, 3, 4, 6, 7, 8}) {
        const QString uid = QStringLiteral("u%1").arg(i);
        const int row = model.rowOf(uid);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(DeploymentTableModel::UidRole).toString(), uid);
        QCOMPARE(model.index(row, DeploymentTableModel::Name).data().toString(), QStringLiteral("d%1").arg(i));
    }
    QCOMPARE(model.rowOf(QStringLiteral("u5")), -1);
}

void TestDeploymentTableModel::proxySortsByRawValueAndFilters()
{
    DeploymentTableModel model;
    DeploymentFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyBatch(
        {{make(QStringLiteral("a"), QStringLiteral("alpha"), 10), make(QStringLiteral("b"), QStringLiteral("beta"), 9),
          make(QStringLiteral("c"), QStringLiteral("gamma"), 100, QStringLiteral("FAILED"))},
         {},
         true});
    proxy.sort(DeploymentTableModel::Parallelism, Qt::AscendingOrder);
    // Raw integers, not strings: 9 < 10 < 100.
    QCOMPARE(proxy.index(0, DeploymentTableModel::Name).data().toString(), QStringLiteral("beta"));
    QCOMPARE(proxy.index(2, DeploymentTableModel::Name).data().toString(), QStringLiteral("gamma"));
    proxy.setFilterText(QStringLiteral("failed"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("default a"));
    QCOMPARE(proxy.rowCount(), 3); // every name contains an "a"
    proxy.setFilterText(QStringLiteral("be default"));
    QCOMPARE(proxy.rowCount(), 1);
}

QTEST_MAIN(TestDeploymentTableModel)
#include "tst_deploymenttablemodel.moc"
