#include "ui/models/deploymentfilterproxymodel.h"
#include "ui/models/deploymenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
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

// u0…u9 named d0…d9.
DeploymentBatch tenDeployments()
{
    DeploymentBatch batch;
    for (int i = 0; i < 10; ++i)
        batch.upserted << make(QStringLiteral("u%1").arg(i), QStringLiteral("d%1").arg(i), i + 1);
    return batch;
}
} // namespace

class TestDeploymentTableModel : public QObject
{
    Q_OBJECT

private slots:
    void batchesApplyByUid();
    void removalKeepsIndexConsistent();
    void persistentIndexesStayOnTheirKey();
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
    model.applyBatch(tenDeployments());
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

void TestDeploymentTableModel::persistentIndexesStayOnTheirKey()
{
    // A selection is a set of persistent indexes: removing other rows must not move it to another
    // deployment, and removing its own row must drop it.
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyBatch(tenDeployments());
    DeploymentFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(DeploymentTableModel::Name, Qt::DescendingOrder);
    QItemSelectionModel selection(&proxy);
    const auto selectUid = [&](const QString &uid) {
        const QModelIndex index = proxy.mapFromSource(model.index(model.rowOf(uid), 0));
        selection.select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    const auto selectedUids = [&] {
        QStringList uids;
        for (const QModelIndex &index : selection.selectedRows())
            uids << index.data(DeploymentTableModel::UidRole).toString();
        return uids;
    };
    const QPersistentModelIndex last(model.index(model.rowOf(QStringLiteral("u9")), 0));
    selectUid(QStringLiteral("u9")); // the last row, the one a swap-removal would move
    model.applyBatch({{}, {QStringLiteral("u2"), QStringLiteral("u3"), QStringLiteral("u7")}, false});
    QCOMPARE(selectedUids(), QStringList{QStringLiteral("u9")});
    QVERIFY(last.isValid());
    QCOMPARE(last.data(DeploymentTableModel::UidRole).toString(), QStringLiteral("u9"));

    selectUid(QStringLiteral("u4"));
    model.applyBatch({{}, {QStringLiteral("u4"), QStringLiteral("u0")}, false});
    QVERIFY(selectedUids().isEmpty());
    QCOMPARE(model.rowCount(), 5);
    for (const QString &uid :
         {QStringLiteral("u1"), QStringLiteral("u5"), QStringLiteral("u6"), QStringLiteral("u8"), QStringLiteral("u9")})
        QCOMPARE(model.index(model.rowOf(uid), 0).data(DeploymentTableModel::UidRole).toString(), uid);
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
