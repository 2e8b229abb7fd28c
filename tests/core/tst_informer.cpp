// Informer against the sandbox over real HTTPS: every injected fault must end with the informer's
// store equal to the server's objects.

#include "common/sandboxfixture.h"
#include "kube/informer.h"
#include "kube/kubeclient.h"
#include "sandbox/faultplan.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestInformer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listThenWatch();
    void pagedList();
    void batchesAreCoalesced();
    void streamDroppedMidEvent();
    void expiredInsideStream();
    void retryAfterOn429();
    void burstOf500s();
    void silentStream();
    void serverRestart();
    void namespaceScoped();
    void withoutObjects();

private:
    void createOnServer(const QString &name, const QString &ns = QStringLiteral("default"));
    void changeServer(int round);
    Informer *makeInformer(const QString &ns = {});
    bool converged() const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KubeClient> m_client;
    Informer *m_informer = nullptr;
    Informer::Options m_options;
};

void TestInformer::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(0);
    QVERIFY(m_sandbox->started);
    const auto connection = m_sandbox->connection();
    QVERIFY2(connection.ok(), connection.ok() ? "" : qPrintable(connection.error().toString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<KubeClient>(m_nam.get(), connection.value());
    m_client->setMaxRetryAfterSeconds(2);
    m_options = {};
    m_options.batchIntervalMs = 20;
    m_options.backoffInitialMs = 50;
    m_options.backoffMaxMs = 400;
    m_options.watchdogMs = 2000;
    m_informer = nullptr;
}

void TestInformer::cleanup()
{
    delete m_informer;
    m_informer = nullptr;
    m_client.reset();
    m_nam.reset();
    m_sandbox.reset();
}

void TestInformer::createOnServer(const QString &name, const QString &ns)
{
    const auto result
        = m_sandbox->server->store().create(QStringLiteral("flinkdeployments"), ns, SandboxFixture::deployment(name));
    QVERIFY2(result.ok(), qPrintable(QString::number(result.code)));
}

// Another client at work: creates, updates and deletes.
void TestInformer::changeServer(int round)
{
    auto &store = m_sandbox->server->store();
    const QString ns = QStringLiteral("default");
    createOnServer(QStringLiteral("added-%1").arg(round));
    const QJsonObject patch{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), round + 2}}}}}};
    QVERIFY(store.mergePatch(QStringLiteral("flinkdeployments"), ns, QStringLiteral("alpha"), patch).ok());
    if (round == 0)
        QVERIFY(store.remove(QStringLiteral("flinkdeployments"), ns, QStringLiteral("beta")).ok());
}

Informer *TestInformer::makeInformer(const QString &ns)
{
    m_informer = new Informer(m_client.get(), ResourceType::flinkDeployments(), ns, m_options);
    return m_informer;
}

bool TestInformer::converged() const
{
    return m_informer->hasSynced() && m_informer->state() == InformerState::Watching
        && SandboxFixture::clientState(m_informer->objects()) == m_sandbox->serverState();
}

void TestInformer::listThenWatch()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    createOnServer(QStringLiteral("gamma"), QStringLiteral("flink-jobs"));
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QCOMPARE(informer->objects().size(), 3);
    QVERIFY(converged());

    changeServer(0);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 5000);
    QCOMPARE(informer->objects().size(), 3); // +added-0, -beta
    QCOMPARE(informer->listCount(), 1); // changes came through the watch, not a relist
}

void TestInformer::pagedList()
{
    for (int i = 0; i < 25; ++i)
        createOnServer(QStringLiteral("paged-%1").arg(i, 2, 10, QLatin1Char('0')));
    m_options.pageSize = 10;
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QCOMPARE(informer->objects().size(), 25);
    QVERIFY(converged());
}

void TestInformer::batchesAreCoalesced()
{
    m_options.batchIntervalMs = 300;
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    QSignalSpy batches(informer, &Informer::changed);
    informer->start();
    QVERIFY(synced.wait(5000));
    batches.clear();
    for (int i = 0; i < 50; ++i)
        createOnServer(QStringLiteral("burst-%1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(informer->objects().size(), 50, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!batches.isEmpty(), 2000);
    QTest::qWait(400); // let a batch timer that is running fire
    int upserted = 0;
    for (const auto &args : std::as_const(batches))
        upserted += args.at(0).value<InformerBatch>().upserted.size();
    QCOMPARE(upserted, 50);
    QVERIFY2(batches.size() <= 5, qPrintable(QString::number(batches.size())));
}

void TestInformer::streamDroppedMidEvent()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QTRY_VERIFY(informer->state() == InformerState::Watching);
    const int watchesBefore = informer->watchCount();
    m_sandbox->server->faults().dropWatchStreams(true);
    changeServer(0);
    QTRY_VERIFY_WITH_TIMEOUT(informer->watchCount() > watchesBefore, 5000);
    changeServer(1);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 8000);
}

void TestInformer::expiredInsideStream()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    changeServer(0);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 5000);
    // History compacted and a 410 delivered inside the open 200 stream: only a relist can converge.
    m_sandbox->server->store().compact();
    m_sandbox->server->faults().sendExpiredToWatches();
    changeServer(1);
    QTRY_VERIFY_WITH_TIMEOUT(informer->listCount() >= 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 8000);
}

void TestInformer::retryAfterOn429()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    m_sandbox->server->faults().failNextRequests(2, 429, 1);
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    QElapsedTimer timer;
    timer.start();
    informer->start();
    QVERIFY(synced.wait(10000));
    // Two answers of 429 with Retry-After: 1 → the list was sent three times, about 2 s apart in total.
    QVERIFY2(timer.elapsed() >= 1800, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(informer->listCount(), 1); // retried inside the request, not by relisting
    changeServer(0);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 5000);
}

void TestInformer::burstOf500s()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    m_sandbox->server->faults().failNextRequests(4, 500);
    Informer *informer = makeInformer();
    QSignalSpy states(informer, &Informer::stateChanged);
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(15000));
    bool sawBackoff = false;
    for (const auto &args : std::as_const(states)) {
        if (args.at(0).value<InformerState>() == InformerState::Backoff) {
            sawBackoff = true;
            QCOMPARE(args.at(1).value<Error>().httpStatus, 500);
        }
    }
    QVERIFY(sawBackoff);
    QVERIFY(informer->listCount() >= 5);
    changeServer(0);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 5000);
}

void TestInformer::silentStream()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    m_options.watchdogMs = 800;
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QTRY_VERIFY(informer->state() == InformerState::Watching);
    const int watchesBefore = informer->watchCount();
    m_sandbox->server->faults().setWatchesSilent(true);
    changeServer(0); // held back by the silent stream
    QTRY_VERIFY_WITH_TIMEOUT(informer->watchCount() > watchesBefore, 5000);
    m_sandbox->server->faults().setWatchesSilent(false);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 8000);
}

void TestInformer::serverRestart()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    Informer *informer = makeInformer();
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QTRY_VERIFY(informer->state() == InformerState::Watching);
    const int watchesBefore = informer->watchCount();
    QString error;
    QVERIFY2(m_sandbox->server->restart(&error), qPrintable(error));
    changeServer(0);
    QTRY_VERIFY_WITH_TIMEOUT(informer->watchCount() > watchesBefore, 8000);
    changeServer(1);
    QTRY_VERIFY_WITH_TIMEOUT(converged(), 10000);
}

void TestInformer::namespaceScoped()
{
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("gamma"), QStringLiteral("flink-jobs"));
    Informer *informer = makeInformer(QStringLiteral("flink-jobs"));
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QCOMPARE(informer->objects().size(), 1);
    createOnServer(QStringLiteral("delta"), QStringLiteral("flink-jobs"));
    createOnServer(QStringLiteral("epsilon"));
    QTRY_COMPARE_WITH_TIMEOUT(informer->objects().size(), 2, 5000);
    QTest::qWait(200);
    QCOMPARE(SandboxFixture::clientState(informer->objects()), m_sandbox->serverState(QStringLiteral("flink-jobs")));
}

// Without retainObjects the store keeps versions only: the batches alone must rebuild the server's
// state, through a paged list (passed on page by page), watch changes and a relist that finds a
// deletion it did not see.
void TestInformer::withoutObjects()
{
    for (int i = 0; i < 25; ++i)
        createOnServer(QStringLiteral("paged-%1").arg(i, 2, 10, QLatin1Char('0')));
    createOnServer(QStringLiteral("alpha"));
    createOnServer(QStringLiteral("beta"));
    m_options.pageSize = 10;
    m_options.retainObjects = false;
    Informer *informer = makeInformer();
    QHash<QString, QJsonObject> seen;
    int batches = 0;
    connect(informer, &Informer::changed, informer, [&](const InformerBatch &batch) {
        ++batches;
        for (const QJsonObject &object : batch.upserted)
            seen.insert(uidOf(object), object);
        for (const QString &uid : batch.removed)
            seen.remove(uid);
    });
    QSignalSpy synced(informer, &Informer::synced);
    informer->start();
    QVERIFY(synced.wait(5000));
    QCOMPARE(SandboxFixture::clientState(seen), m_sandbox->serverState());
    QVERIFY(informer->objects().isEmpty());
    QCOMPARE(informer->size(), 27);
    QVERIFY2(batches >= 3, qPrintable(QString::number(batches))); // one per page

    changeServer(0);
    QTRY_COMPARE_WITH_TIMEOUT(SandboxFixture::clientState(seen), m_sandbox->serverState(), 5000);
    QCOMPARE(informer->size(), 27); // +added-0, -beta

    // A deletion the watch never reports: the relist must find it.
    informer->stop();
    QVERIFY(m_sandbox->server->store()
                .remove(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("paged-03"))
                .ok());
    informer->start();
    QTRY_COMPARE_WITH_TIMEOUT(SandboxFixture::clientState(seen), m_sandbox->serverState(), 5000);
    QCOMPARE(informer->size(), 26);
    QVERIFY(informer->objects().isEmpty());
}

QTEST_GUILESS_MAIN(TestInformer)
#include "tst_informer.moc"
