// What Capstan keeps of a Ververica Platform locally, as it keeps it of the operator's resources, and
// the platform's own ways to start from a chosen savepoint and to delete, through the real window
// against the sandbox's simulated Application Manager: every action in the audit log (under the
// platform's name), the platform's Events in the local history (shown again on reopening, with what
// the platform no longer has), each spec seen as a revision (the previous one answered after a
// Configure), Start from a chosen savepoint restoring that savepoint, and Delete of a running
// deployment refused with what to do instead.

#include "actions/actiondescriptor.h"
#include "common/actionreview.h"
#include "common/platformwindow.h"
#include "common/sandboxfixture.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/vvpplatform.h"
#include "session/historystore.h"
#include "session/sessionhost.h"
#include "ui/actionscontroller.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "vvp/vvpobjects.h"
#include "json/jsontools.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

class TestVvpHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void actionsAreAudited();
    void eventsSurviveReopening();
    void configureKeepsThePreviousRevision();
    void startFromAChosenSavepoint();
    void deleteOfARunningDeploymentCancelsItFirst();

private:
    std::unique_ptr<MainWindow> openPlatform();
    // Opens the deployment's page and waits until it shows the platform's current version.
    Deployment openPage(MainWindow *window, const QString &name);
    QJsonObject platformObject(const QString &name) const;
    ActionResult run(MainWindow *window, ActionRequest request);
    QString historyPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    // One history per test: the sandbox's platform gives its deployments the same ids every time.
    std::unique_ptr<QTemporaryDir> m_dir;
    quint64 m_nextId = 7000;
};

void TestVvpHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestVvpHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->vvpPlatform());
    m_sandbox->server->clock().setPaused(true);
}

void TestVvpHistory::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestVvpHistory::openPlatform()
{
    SessionOptions options;
    options.historyPath = historyPath();
    options.pollIntervalMs = 300;
    return test::openPlatformWindow(*m_sandbox, options);
}

QJsonObject TestVvpHistory::platformObject(const QString &name) const
{
    return m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), name).body;
}

Deployment TestVvpHistory::openPage(MainWindow *window, const QString &name)
{
    if (!QTest::qWaitFor([&] { return window->openDeployment(QStringLiteral("default"), name); }, 10000))
        return {};
    if (!QTest::qWaitFor([&] { return test::pageIsCurrent(window, platformObject(name)); }, 10000))
        return {};
    return window->deploymentPage()->summary();
}

ActionResult TestVvpHistory::run(MainWindow *window, ActionRequest request)
{
    QSignalSpy finished(window->session()->session(), &BackendSession::actionFinished);
    request.id = ++m_nextId;
    window->session()->runAction(request);
    const bool answered = QTest::qWaitFor(
        [&] {
            return std::any_of(finished.cbegin(), finished.cend(), [&](const QList<QVariant> &args) {
                return args.constFirst().value<ActionResult>().id == request.id;
            });
        },
        10000);
    if (!answered)
        return {};
    for (const QList<QVariant> &args : std::as_const(finished)) {
        if (args.constFirst().value<ActionResult>().id == request.id)
            return args.constFirst().value<ActionResult>();
    }
    return {};
}

namespace {

ActionRequest requestFor(ActionKind kind, const Deployment &d)
{
    ActionRequest request;
    request.kind = kind;
    request.deploymentUid = d.uid;
    request.ns = d.ns;
    request.name = d.name;
    request.baseResourceVersion = d.resourceVersion;
    return request;
}

} // namespace

void TestVvpHistory::actionsAreAudited()
{
    auto window = openPlatform();
    QVERIFY(window);
    const Deployment analytics = openPage(window.get(), QStringLiteral("github-analytics"));
    QCOMPARE(analytics.name, QStringLiteral("github-analytics"));
    const ActionResult savepoint = run(window.get(), requestFor(ActionKind::Savepoint, analytics));
    QCOMPARE(savepoint.outcome, ActionResult::Outcome::Succeeded);
    QCOMPARE(savepoint.deploymentUid, analytics.uid);
    QVERIFY(savepoint.finishedAt.isValid());

    // Asked as the page asks (by the session's context and the deployment), answered from the log.
    AuditQuery query;
    query.context = window->session()->contextName();
    query.ns = analytics.ns;
    query.deployment = analytics.name;
    QSignalSpy answered(window->session()->session(), &BackendSession::auditEntries);
    window->session()->requestAuditEntries(query);
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QCOMPARE(answered.constFirst().at(0).value<AuditQuery>(), query);
    const auto entries = answered.constFirst().at(1).value<QList<AuditEntry>>();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().action, QStringLiteral("Savepoint"));
    QCOMPARE(entries.constFirst().outcome, QStringLiteral("Succeeded"));
    QCOMPARE(entries.constFirst().deployment, QStringLiteral("github-analytics"));
    // Named as the window names the platform, not as the Kubernetes context its operator runs in.
    QVERIFY2(entries.constFirst().context.contains(QStringLiteral("(Ververica Platform ")),
             qPrintable(entries.constFirst().context));
    QVERIFY(entries.constFirst().context.startsWith(query.context));
    QVERIFY(entries.constFirst().diff.contains(analytics.uid));

    // The whole log (the Audit Log window's question) has it too.
    answered.clear();
    window->session()->requestAuditEntries(AuditQuery());
    const auto everything = [&] {
        for (const QList<QVariant> &args : std::as_const(answered)) {
            if (args.at(0).value<AuditQuery>() == AuditQuery())
                return args.at(1).value<QList<AuditEntry>>();
        }
        return QList<AuditEntry>();
    };
    QTRY_COMPARE_WITH_TIMEOUT(everything().size(), 1, 10000);
}

void TestVvpHistory::eventsSurviveReopening()
{
    QString uid;
    QSet<QString> seen;
    {
        auto window = openPlatform();
        QVERIFY(window);
        uid = openPage(window.get(), QStringLiteral("github-analytics")).uid;
        QVERIFY(!uid.isEmpty());
        EventTableModel *events = window->deploymentPage()->eventModel();
        QTRY_VERIFY_WITH_TIMEOUT(events->rowCount() > 0, 10000);
        for (const ClusterEvent &e : events->rows())
            seen.insert(e.uid);
    }
    // Everything the page showed is in the local history once the window is gone.
    QSet<QString> stored;
    {
        HistoryStore history(historyPath());
        QVERIFY(history.isOpen());
        for (const ClusterEvent &e : history.events(uid))
            stored.insert(e.uid);
        QVERIFY(!stored.isEmpty());
        QVERIFY(stored.contains(seen));
        // One the platform no longer has (it keeps a bounded number): only the history knows it.
        ClusterEvent gone;
        gone.uid = QStringLiteral("kept-only-locally");
        gone.ns = QStringLiteral("default");
        gone.reason = QStringLiteral("JOB_RESTARTED_FROM_LOCAL_HISTORY");
        gone.type = QStringLiteral("Normal");
        gone.message = QStringLiteral("An Event the platform dropped since.");
        gone.firstTimestamp = gone.lastTimestamp = QDateTime::currentDateTimeUtc().addDays(-3);
        gone.source = QStringLiteral("ververica-platform");
        gone.involvedKind = QStringLiteral("Deployment");
        gone.involvedName = QStringLiteral("github-analytics");
        gone.involvedUid = uid;
        history.saveEvents(uid, {gone});
    }
    auto window = openPlatform();
    QVERIFY(window);
    QCOMPARE(openPage(window.get(), QStringLiteral("github-analytics")).uid, uid);
    EventTableModel *events = window->deploymentPage()->eventModel();
    const auto shows = [&](const QString &eventUid) {
        const QList<ClusterEvent> &rows = events->rows();
        return std::any_of(rows.cbegin(), rows.cend(), [&](const ClusterEvent &e) { return e.uid == eventUid; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(shows(QStringLiteral("kept-only-locally")), 10000);
    // Merged with the live ones, which keep coming: a new Event of the platform joins them.
    for (const QString &e : std::as_const(seen))
        QVERIFY(shows(e));
    const int before = events->rowCount();
    const Deployment analytics = window->deploymentPage()->summary();
    QCOMPARE(run(window.get(), requestFor(ActionKind::Savepoint, analytics)).outcome, ActionResult::Outcome::Succeeded);
    QTRY_VERIFY_WITH_TIMEOUT(events->rowCount() > before, 10000);
    QVERIFY(shows(QStringLiteral("kept-only-locally")));
}

void TestVvpHistory::configureKeepsThePreviousRevision()
{
    auto window = openPlatform();
    QVERIFY(window);
    const Deployment fraud = openPage(window.get(), QStringLiteral("fraud-detector"));
    QVERIFY(!fraud.uid.isEmpty());
    const QJsonObject before = window->deploymentPage()->object().value(u"spec").toObject();
    const int parallelism = fraud.parallelism;
    QVERIFY(parallelism > 0);
    // Time passes on the platform before the change, so that the revisions' windows are apart.
    m_sandbox->server->clock().advance(60000);
    m_sandbox->server->vvpPlatform()->reconcile();
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject(fraud.name)), 10000);
    const Deployment current = window->deploymentPage()->summary();

    ActionRequest request = requestFor(ActionKind::Configure, current);
    request.baseSpec = before;
    request.newSpec = json::applyMergePatch(
                          before,
                          QJsonObject{{QStringLiteral("template"),
                                       QJsonObject{{QStringLiteral("spec"),
                                                    QJsonObject{{QStringLiteral("parallelism"), parallelism + 1}}}}}})
                          .toObject();
    const QDateTime changedAt = QDateTime::fromMSecsSinceEpoch(m_sandbox->server->clock().nowMs(), Qt::UTC);
    QCOMPARE(run(window.get(), request).outcome, ActionResult::Outcome::Succeeded);

    const auto revisionAt = [&](const QDateTime &time) {
        QSignalSpy answered(window->session()->session(), &BackendSession::specRevision);
        window->session()->requestSpecRevision(fraud.uid, time);
        if (!QTest::qWaitFor([&] { return !answered.isEmpty(); }, 10000))
            return QJsonObject();
        return answered.constFirst().at(2).toJsonObject();
    };
    const QJsonObject previous = revisionAt(changedAt.addSecs(-1));
    const QJsonObject now = revisionAt(changedAt.addSecs(1));
    QVERIFY(!previous.isEmpty());
    QCOMPARE(previous, before);
    QCOMPARE(now, request.newSpec);
    // The difference between the two is exactly the change made.
    QCOMPARE(json::createMergePatch(previous, now),
             (QJsonObject{{QStringLiteral("template"),
                           QJsonObject{{QStringLiteral("spec"),
                                        QJsonObject{{QStringLiteral("parallelism"), parallelism + 1}}}}}}));
}

void TestVvpHistory::startFromAChosenSavepoint()
{
    auto window = openPlatform();
    QVERIFY(window);
    Deployment analytics = openPage(window.get(), QStringLiteral("github-analytics"));
    QVERIFY(!analytics.uid.isEmpty());
    // While it is meant to run, starting from a savepoint is not offered: it would have to stop first.
    QVERIFY(!availability(ActionKind::RollbackToSnapshot, analytics).available);
    QCOMPARE(run(window.get(), requestFor(ActionKind::Suspend, analytics)).outcome, ActionResult::Outcome::Succeeded);
    VvpPlatform *platform = m_sandbox->server->vvpPlatform();
    const auto state = [&] { return platformObject(analytics.name).value(u"status")[u"state"].toString(); };
    QVERIFY(test::stepPlatformUntil(*m_sandbox, [&] { return state() == u"SUSPENDED"; }));

    // An older savepoint than the one the suspension took (which Start would restore by itself).
    QString chosenPath;
    QString chosenId;
    QString newestPath;
    qint64 newestMs = 0;
    const QJsonObject savepoints = platform->listSavepoints(QStringLiteral("default"), analytics.uid, {}).body;
    for (const QJsonObject &o : VvpObjects::items(savepoints)) {
        const Snapshot s = VvpObjects::savepoint(o);
        if (!s.isCompleted() || s.path.isEmpty())
            continue;
        if (s.time.toMSecsSinceEpoch() > newestMs) {
            newestMs = s.time.toMSecsSinceEpoch();
            newestPath = s.path;
        }
        if (s.trigger == u"USER_REQUEST" && chosenPath.isEmpty()) {
            chosenPath = s.path;
            chosenId = s.key;
        }
    }
    QVERIFY2(!chosenPath.isEmpty(), "the demo deployment has a savepoint a user requested");
    QVERIFY(chosenPath != newestPath);

    // Chosen on the Snapshots tab, reviewed and confirmed as a user does.
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->summary().desiredState == u"suspended", 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject(analytics.name)), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page->snapshotModel()->rowOf(chosenId) >= 0, 10000);
    auto *view = page->findChild<QTableView *>(QStringLiteral("snapshotsTableView"));
    QVERIFY(view);
    auto *proxy = qobject_cast<QAbstractProxyModel *>(view->model());
    QVERIFY(proxy);
    const QModelIndex row
        = proxy->mapFromSource(page->snapshotModel()->index(page->snapshotModel()->rowOf(chosenId), 0));
    view->selectRow(row.row());
    auto *button = page->findChild<QPushButton *>(QStringLiteral("rollbackToSnapshotButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 10000);
    QSignalSpy finished(window->session()->session(), &BackendSession::actionFinished);
    button->click();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->request().kind, ActionKind::RollbackToSnapshot);
    QCOMPARE(review->request().snapshotPath, chosenPath);
    test::answerReview(review, true);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    const auto result = finished.constLast().constFirst().value<ActionResult>();
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));

    // The savepoint was copied to the deployment (origin COPIED), and the new job restored from it.
    bool copied = false;
    for (const QJsonObject &o :
         VvpObjects::items(platform->listSavepoints(QStringLiteral("default"), analytics.uid, {}).body)) {
        if (o.value(u"metadata")[u"origin"].toString() == u"COPIED"
            && o.value(u"spec")[u"savepointLocation"].toString() == chosenPath)
            copied = true;
    }
    QVERIFY(copied);
    QVERIFY(test::stepPlatformUntil(*m_sandbox, [&] { return state() == u"RUNNING"; }));
    const QList<QJsonObject> jobs
        = VvpObjects::items(platform->listJobs(QStringLiteral("default"), analytics.uid).body);
    QVERIFY(!jobs.isEmpty());
    const QJsonObject newest
        = *std::max_element(jobs.cbegin(), jobs.cend(), [](const QJsonObject &a, const QJsonObject &b) {
              return a.value(u"metadata")[u"createdAt"].toString() < b.value(u"metadata")[u"createdAt"].toString();
          });
    QCOMPARE(newest.value(u"spec")[u"savepointLocation"].toString(), chosenPath);
}

void TestVvpHistory::deleteOfARunningDeploymentCancelsItFirst()
{
    auto window = openPlatform();
    QVERIFY(window);
    const Deployment fraud = openPage(window.get(), QStringLiteral("fraud-detector"));
    QCOMPARE(fraud.desiredState, QStringLiteral("running"));
    // The platform deletes only cancelled or suspended deployments: a running one is offered Delete,
    // which cancels it first.
    QVERIFY(availability(ActionKind::Delete, fraud).available);
    QSignalSpy progress(window->session()->session(), &BackendSession::actionProgress);
    QSignalSpy finished(window->session()->session(), &BackendSession::actionFinished);
    ActionRequest request = requestFor(ActionKind::Delete, fraud);
    request.id = ++m_nextId;
    window->session()->runAction(request);
    // Cancelled first; while the platform stops the job, nothing is deleted.
    QTRY_VERIFY_WITH_TIMEOUT(platformObject(fraud.name).value(u"spec")[u"state"].toString() == u"CANCELLED", 10000);
    QVERIFY(m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), fraud.name).ok());
    QVERIFY(finished.isEmpty());
    QVERIFY(test::stepPlatformUntil(*m_sandbox, [&] { return !finished.isEmpty(); }));
    const ActionResult result = finished.constLast().constFirst().value<ActionResult>();
    QCOMPARE(result.outcome, ActionResult::Outcome::Succeeded);
    QCOMPARE(m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), fraud.name).status, 404);
    // The Activity panel saw the three steps.
    const ActionProgress last = progress.constLast().constFirst().value<ActionProgress>();
    QCOMPARE(last.steps.size(), 3);
    QVERIFY(last.steps.constFirst().text.contains(QStringLiteral("Cancel the job first")));
    QVERIFY(last.steps.constLast().text.contains(QStringLiteral("Delete")));

    // One that is stopping but not yet stopped is refused until it has.
    Deployment stopping = fraud;
    stopping.desiredState = QStringLiteral("cancelled");
    stopping.lifecycleState = QStringLiteral("TRANSITIONING");
    const Availability wait = availability(ActionKind::Delete, stopping);
    QVERIFY(!wait.available);
    QVERIFY2(wait.reason.contains(QStringLiteral("wait until it has stopped")), qPrintable(wait.reason));
}

QTEST_MAIN(TestVvpHistory)
#include "tst_vvphistory.moc"
