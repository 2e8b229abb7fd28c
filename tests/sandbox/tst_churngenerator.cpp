// The load-test data of the sandbox: the generated set's focus deployment and the churn generator.
#include "sandbox/churngenerator.h"
#include "sandbox/demodata.h"
#include "sandbox/resourcestore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonArray items(const ResourceStore &store, const QString &plural, const QString &fieldSelector = {},
                 const QString &labelSelector = {})
{
    ListOptions options;
    options.fieldSelector = fieldSelector;
    options.labelSelector = labelSelector;
    return store.list(plural, {}, options).object.value(u"items"_s).toArray();
}

QString focusUid(const ResourceStore &store)
{
    for (const QJsonValue &item : items(store, u"flinkdeployments"_s)) {
        const QJsonObject metadata = item.toObject().value(u"metadata"_s).toObject();
        if (metadata.value(u"name"_s).toString().endsWith(u"-00000"_s))
            return metadata.value(u"uid"_s).toString();
    }
    return {};
}

} // namespace

class TestChurnGenerator : public QObject
{
    Q_OBJECT

private slots:
    void focusDeployment();
    void churnWritesAndExpires();
    void pagedSelectorList();
};

void TestChurnGenerator::focusDeployment()
{
    ResourceStore store;
    seedDemoData(store, 20, 50, 7, 30, 5);
    QCOMPARE(items(store, u"flinkdeployments"_s).size(), 20);
    QCOMPARE(items(store, u"events"_s).size(), 80);
    const QString uid = focusUid(store);
    QVERIFY(!uid.isEmpty());
    // Its own Events only, none of the random ones: the count is exact.
    QCOMPARE(items(store, u"events"_s, u"involvedObject.uid="_s + uid).size(), 30);
    const QJsonArray snapshots = items(store, u"flinkstatesnapshots"_s);
    QCOMPARE(snapshots.size(), 5);
    for (const QJsonValue &s : snapshots)
        QCOMPARE(s.toObject().value(u"status"_s).toObject().value(u"state"_s).toString(), u"COMPLETED"_s);
}

void TestChurnGenerator::churnWritesAndExpires()
{
    ResourceStore store;
    seedDemoData(store, 10, 0, 1);
    const quint64 before = store.currentResourceVersion();
    ChurnGenerator churn(store, 1000, 1, 8);
    churn.step(200);
    QCOMPARE(churn.changes(), quint64(200));
    // Every change is a write (event expiries come on top).
    QVERIFY2(store.currentResourceVersion() >= before + 200,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(store.currentResourceVersion())));
    // One in five creates an Event; beyond 8 the oldest are deleted.
    QCOMPARE(items(store, u"events"_s).size(), 8);
    int warnings = 0;
    for (const QJsonValue &e : items(store, u"events"_s)) {
        const QJsonObject event = e.toObject();
        QCOMPARE(event.value(u"involvedObject"_s).toObject().value(u"kind"_s).toString(), u"FlinkDeployment"_s);
        warnings += event.value(u"type"_s).toString() == u"Warning"_s;
    }
    QVERIFY(warnings <= 8);
    // Deployments carry the churn's updateTime.
    int touched = 0;
    for (const QJsonValue &d : items(store, u"flinkdeployments"_s)) {
        const qint64 updated = d.toObject()
                                   .value(u"status"_s)
                                   .toObject()
                                   .value(u"jobStatus"_s)
                                   .toObject()
                                   .value(u"updateTime"_s)
                                   .toString()
                                   .toLongLong();
        touched += updated > QDateTime::currentMSecsSinceEpoch() - 60000;
    }
    QVERIFY2(touched >= 5, qPrintable(QString::number(touched)));

    // The thread writes at its rate until stopped.
    churn.start();
    QVERIFY(churn.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(churn.changes() >= 300, 5000);
    churn.stop();
    QVERIFY(!churn.isRunning());
    const quint64 stopped = churn.changes();
    QTest::qWait(50);
    QCOMPARE(churn.changes(), stopped);
}

// With a selector a page stops at the first match beyond the limit; pages still cover every match.
void TestChurnGenerator::pagedSelectorList()
{
    ResourceStore store;
    seedDemoData(store, 10, 0, 3, 25, 0);
    const QString selector = u"involvedObject.uid="_s + focusUid(store);
    ListOptions options;
    options.fieldSelector = selector;
    options.limit = 10;
    int total = 0;
    int pages = 0;
    do {
        const QJsonObject page = store.list(u"events"_s, {}, options).object;
        total += int(page.value(u"items"_s).toArray().size());
        options.continueToken = page.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        ++pages;
    } while (!options.continueToken.isEmpty() && pages < 10);
    QCOMPARE(total, 25);
    QCOMPARE(pages, 3);
}

QTEST_GUILESS_MAIN(TestChurnGenerator)
#include "tst_churngenerator.moc"
