// DESIGN §1, the reference scenario, driven through the real MainWindow against the sandbox's
// operator simulation at high speed: every step (1–6) by clicking what an operator would click.

#include "common/actionreview.h"
#include "common/logcapture.h"
#include "common/sandboxfixture.h"
#include "common/windowactions.h"
#include "sandbox/flinkjobmodel.h"
#include "sandbox/operatorsimulation.h"
#include "ui/actionscontroller.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/metricsview.h"
#include "ui/models/activitymodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/preferencesstore.h"
#include "ui/widgets/argumentlisteditor.h"
#include "ui/widgets/yamldiffview.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestReferenceScenario : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenario();
    void secretsWereWrittenNowhere();
    void cleanupTestCase();

private:
    QJsonObject server() const;
    QJsonObject job() const
    {
        return server().value(QLatin1String("spec")).toObject().value(QLatin1String("job")).toObject();
    }
    QJsonObject status() const { return server().value(QLatin1String("status")).toObject(); }
    QString jobId() const
    {
        return status().value(QLatin1String("jobStatus")).toObject().value(QLatin1String("jobId")).toString();
    }
    // Clicks the page's button for `action` as a user would; false when it is not there to click.
    bool clickPageButton(MainWindow *window, QAction *action);
    // Opens the page's Cancel drop-down with the mouse and clicks `entry` in it.
    bool clickCancelEntry(MainWindow *window, QAction *entry);
    void configure(MainWindow *window, const std::function<void(ConfigureDialog *)> &edit, QString *sentence);
    void shot(QWidget *widget, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    // Every message of the whole test, debug included, to look for secrets in afterwards.
    std::unique_ptr<capstan::test::LogCapture> m_log;
    QTemporaryDir m_dir;
};

void TestReferenceScenario::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The screenshots read as the application does: "5 deployments", not "5 deployment(s)".
    PreferencesStore::installTranslators(qApp);
    m_log = std::make_unique<capstan::test::LogCapture>();
    m_sandbox = std::make_unique<SandboxFixture>(-1, 60);
    QVERIFY(m_sandbox->started);
}

void TestReferenceScenario::cleanupTestCase()
{
    // Qt Test's own handler back before the test logger goes away.
    m_log.reset();
}

void TestReferenceScenario::secretsWereWrittenNowhere()
{
    // The admin token and the client key were used by the whole scenario: neither may be in a log
    // line, the settings file or the history database (events, metrics, spec revisions, audit log).
    const QList<QByteArray> secrets{m_sandbox->server->adminToken().toUtf8(),
                                    m_sandbox->server->clientKeyPem().split('\n').value(1)};
    for (const QByteArray &secret : secrets)
        QVERIFY(secret.size() >= 16);
    {
        const QStringList log = capstan::test::LogCapture::lines();
        QVERIFY(log.size() > 100); // debug logging was on
        for (const QString &line : log) {
            for (const QByteArray &secret : secrets)
                QVERIFY2(!line.contains(QString::fromUtf8(secret)), "a secret in a log line");
        }
    }
    QStringList files{QSettings().fileName()};
    const QDir history(m_dir.path());
    for (const QString &name : history.entryList(QDir::Files))
        files << history.filePath(name);
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &secret : secrets)
            QVERIFY2(!content.contains(secret), qPrintable(QStringLiteral("a secret in ") + path));
    }
    QVERIFY(files.size() >= 2);
}

QJsonObject TestReferenceScenario::server() const
{
    return m_sandbox->server->store()
        .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("github-analytics"))
        .object;
}

void TestReferenceScenario::shot(QWidget *widget, const QString &name)
{
    test::saveScreenshot(widget, QStringLiteral("scenario-") + name);
}

bool TestReferenceScenario::clickPageButton(MainWindow *window, QAction *action)
{
    auto *bar = window->deploymentPage()->findChild<QToolBar *>(QStringLiteral("deploymentActionBar"));
    QWidget *button = bar ? bar->widgetForAction(action) : nullptr;
    if (!button || !button->isVisible())
        return false;
    if (!QTest::qWaitFor([button] { return button->isEnabled(); }, 30000))
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

bool TestReferenceScenario::clickCancelEntry(MainWindow *window, QAction *entry)
{
    QMenu *menu = window->actions()->cancelMenu();
    auto *button = window->deploymentPage()->findChild<QToolButton *>(menu->objectName() + QStringLiteral("Button"));
    if (!button || !button->isVisible() || !QTest::qWaitFor([entry] { return entry->isEnabled(); }, 30000))
        return false;
    bool clicked = false;
    // The drop-down runs its own event loop while it is open: the click on the entry happens in it.
    QTimer::singleShot(0, menu, [menu, entry, &clicked] {
        if (!QTest::qWaitFor([menu] { return menu->isVisible(); }, 5000)) {
            menu->close();
            return;
        }
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(entry).center());
        clicked = true;
    });
    QTest::mouseClick(button, Qt::LeftButton);
    return QTest::qWaitFor([&clicked] { return clicked; }, 5000);
}

void TestReferenceScenario::configure(MainWindow *window, const std::function<void(ConfigureDialog *)> &edit,
                                      QString *sentence)
{
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->configureAction()->isEnabled(), 10000);
    QVERIFY(clickPageButton(window, window->actions()->configureAction()));
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    edit(dialog);
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QTRY_VERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    *sentence = dialog->findChild<QLabel *>(QStringLiteral("reviewSentenceLabel"))->text();
    QPointer<ConfigureDialog> guard(dialog);
    QTest::mouseClick(apply, Qt::LeftButton);
    // The dialog closes once the server has the change; the page shows the rest.
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 10000);
}

void TestReferenceScenario::scenario()
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    options.failureWindowSeconds = 20;
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"), options);
    window.resize(1600, 1000);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    DeploymentPage *page = window.deploymentPage();
    const QString uid = page->uid();
    const QString firstJob = jobId();
    QCOMPARE(job().value(QLatin1String("parallelism")).toInt(), 1);
    QCOMPARE(job().value(QLatin1String("upgradeMode")).toString(), QStringLiteral("savepoint"));
    QTRY_VERIFY_WITH_TIMEOUT(page->snapshotModel()->rowCount() >= 2, 10000);
    // The savepoint taken before both changes (step 6 comes back to it).
    Snapshot early;
    for (const Snapshot &s : page->snapshotModel()->snapshots()) {
        if (s.type == QLatin1String("SAVEPOINT") && s.isCompleted() && (!early.time.isValid() || s.time < early.time))
            early = s;
    }
    QVERIFY(!early.path.isEmpty());

    // Step 1: Configure Deployment, parallelism 1 → 2, the diff and the sentence, Apply.
    QString sentence;
    configure(
        &window,
        [](ConfigureDialog *d) {
            auto *spin = d->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"));
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, QStringLiteral("2"));
            QTest::keyClick(spin, Qt::Key_Tab);
            QCOMPARE(spin->value(), 2);
        },
        &sentence);
    QVERIFY2(
        sentence.contains(QStringLiteral("restarts the job: a savepoint is taken, then the job is redeployed from it")),
        qPrintable(sentence));
    QVERIFY(test::lastActionSucceeded(&window, 60000));

    // Step 2: Running again (STABLE), same uid, a new job id, an UPGRADE savepoint, the operator's events.
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QLatin1String("lifecycleState")).toString(), QStringLiteral("STABLE"),
                              30000);
    QCOMPARE(server().value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString(), uid);
    const QString secondJob = jobId();
    QVERIFY(secondJob != firstJob);
    const auto hasUpgradeSavepoint = [page] {
        for (const Snapshot &s : page->snapshotModel()->snapshots()) {
            if (s.trigger == QLatin1String("UPGRADE") && s.isCompleted())
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasUpgradeSavepoint(), 10000);
    const auto hasEvent = [page](const QString &reason) {
        for (int row = 0; row < page->eventModel()->rowCount(); ++row) {
            if (page->eventModel()->event(row).reason == reason)
                return true;
        }
        return false;
    };
    for (const QString &reason : {QStringLiteral("SpecChanged"), QStringLiteral("Suspended"), QStringLiteral("Submit"),
                                  QStringLiteral("JobStatusChanged")})
        QTRY_VERIFY2_WITH_TIMEOUT(hasEvent(reason), qPrintable(reason), 10000);
    shot(&window, QStringLiteral("step2"));

    // Step 3: the Metrics tab holds the old and the new job on the same series, a marker between them.
    MetricsView *metrics = page->metricsView();
    const QString throughput = QString(MetricName::SourceRecordsOut);
    QTRY_VERIFY_WITH_TIMEOUT(metrics->jobIds(throughput).contains(secondJob), 15000);
    QVERIFY(metrics->jobIds(throughput).contains(firstJob));
    const auto markers = [metrics] {
        metrics->redraw(); // markers are computed when the charts are drawn
        return metrics->jobChangeMarkers().size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(markers() > 0, 5000);

    // Step 4: --enable-new-feature true; the job enters a restart loop and Capstan says so.
    configure(
        &window,
        [](ConfigureDialog *d) {
            auto *args = d->findChild<ArgumentListEditor *>(QStringLiteral("argumentsEditor"));
            args->setArguments(args->arguments()
                               + QStringList{QStringLiteral("--enable-new-feature"), QStringLiteral("true")});
            emit args->changed();
        },
        &sentence);
    // The change is on the server; whether the operator's wait for RUNNING ends in success or not
    // depends on when the loop starts, so what counts here is the change and what the page says.
    QVERIFY(job().value(QLatin1String("args")).toArray().contains(QStringLiteral("--enable-new-feature")));
    QTRY_VERIFY_WITH_TIMEOUT(!window.activity()->index(0, 0).data(ActivityModel::RunningRole).toBool(), 90000);
    QTRY_VERIFY_WITH_TIMEOUT(page->failingText().contains(QStringLiteral("Deployment is failing")), 30000);
    shot(&window, QStringLiteral("step4"));

    // Step 5: a savepoint cannot be taken now; Cancel → keep latest state.
    QTRY_VERIFY_WITH_TIMEOUT(!window.actions()->action(ActionKind::Savepoint)->isEnabled(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->action(ActionKind::CancelKeepState)->isEnabled(), 30000);
    // Each review names the checkpoint or savepoint the job will come back from, by id and path.
    const QString loopingJobId = jobId();
    const auto namedIn = [](const QString &text) {
        static const QRegularExpression entry(QStringLiteral("(?:checkpoint|savepoint) (\\d+) \\((\\S+)\\)"));
        const QRegularExpressionMatch m = entry.match(text);
        return m.hasMatch() ? std::make_pair(m.captured(1).toLongLong(), m.captured(2))
                            : std::make_pair(-1LL, QString());
    };
    QVERIFY(clickCancelEntry(&window, window.actions()->action(ActionKind::CancelKeepState)));
    ActionReviewDialog *review = test::waitForReview(&window);
    QVERIFY(review);
    // The buttons say what they do; none says "Cancel" next to an action called Cancel.
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Cancel and Keep State"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Running"));
    QCOMPARE(review->plan().patch,
             QJsonObject({{QStringLiteral("job"),
                           QJsonObject({{QStringLiteral("upgradeMode"), QStringLiteral("last-state")},
                                        {QStringLiteral("state"), QStringLiteral("suspended")}})}}));
    const auto keptAtCancel = namedIn(review->effectText());
    QVERIFY2(keptAtCancel.first > 0, qPrintable(review->effectText()));
    QVERIFY2(review->effectText().contains(QStringLiteral("kept in the Kubernetes HA metadata")),
             qPrintable(review->effectText()));
    shot(review, QStringLiteral("review-cancel-keep-state"));
    test::answerReview(review, true);
    QVERIFY(test::lastActionSucceeded(&window, 60000));
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QLatin1String("lifecycleState")).toString(), QStringLiteral("SUSPENDED"),
                              30000);
    QCOMPARE(job().value(QLatin1String("upgradeMode")).toString(), QStringLiteral("last-state"));

    //   … Roll back to the previous configuration: the review shows the flag going …
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->action(ActionKind::RollbackToStable)->isEnabled(), 10000);
    QVERIFY(clickPageButton(&window, window.actions()->action(ActionKind::RollbackToStable)));
    review = test::waitForReview(&window);
    QVERIFY(review);
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Roll Back"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Current Spec"));
    const QJsonObject rollbackBefore = review->request().baseSpec;
    const QJsonObject rollbackAfter = review->plan().specAfter(rollbackBefore);
    const auto argsOf = [](const QJsonObject &spec) {
        return spec.value(QLatin1String("job")).toObject().value(QLatin1String("args")).toArray();
    };
    QVERIFY(argsOf(rollbackBefore).contains(QStringLiteral("--enable-new-feature")));
    QVERIFY(!argsOf(rollbackAfter).contains(QStringLiteral("--enable-new-feature")));
    // The state and the upgrade mode stay as they are: the rollback does not start the job.
    QCOMPARE(rollbackAfter.value(QLatin1String("job")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("suspended"));
    const auto removedLines = [](ActionReviewDialog *dialog) {
        QStringList removed;
        for (const LineDiff::Line &line :
             dialog->findChild<YamlDiffView *>(QStringLiteral("reviewDiffView"))->lines()) {
            if (line.op == LineDiff::Op::Removed)
                removed << line.text;
        }
        return removed.join(QLatin1Char('\n'));
    };
    QVERIFY2(removedLines(review).contains(QStringLiteral("--enable-new-feature")), qPrintable(removedLines(review)));
    QVERIFY2(review->effectText().contains(QStringLiteral("stays suspended")), qPrintable(review->effectText()));
    shot(review, QStringLiteral("review-rollback"));
    test::answerReview(review, true);
    QVERIFY(test::lastActionSucceeded(&window, 60000));
    QTRY_VERIFY_WITH_TIMEOUT(
        !argsOf(server().value(QLatin1String("spec")).toObject()).contains(QStringLiteral("--enable-new-feature")),
        10000);

    //   … and Start, which says which checkpoint it restores and writes state: running.
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->action(ActionKind::Start)->isEnabled(), 10000);
    QVERIFY(clickPageButton(&window, window.actions()->action(ActionKind::Start)));
    review = test::waitForReview(&window);
    QVERIFY(review);
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Start"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Suspended"));
    QCOMPARE(
        review->plan().patch,
        QJsonObject({{QStringLiteral("job"), QJsonObject({{QStringLiteral("state"), QStringLiteral("running")}})}}));
    QStringList added;
    for (const LineDiff::Line &line : review->findChild<YamlDiffView *>(QStringLiteral("reviewDiffView"))->lines()) {
        if (line.op == LineDiff::Op::Added)
            added << line.text.trimmed();
    }
    QCOMPARE(added, QStringList{QStringLiteral("state: running")});
    // The entry named at Cancel, or one the job completed before it stopped.
    const auto named = namedIn(review->effectText());
    QVERIFY2(named.first >= keptAtCancel.first, qPrintable(review->effectText()));
    shot(review, QStringLiteral("review-start"));
    test::answerReview(review, true);
    QVERIFY(test::lastActionSucceeded(&window, 60000));
    QCOMPARE(status().value(QLatin1String("jobStatus")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("RUNNING"));
    // Last-state keeps the job: the same job id, restored from the checkpoint the review named.
    QCOMPARE(jobId(), loopingJobId);
    std::optional<sandbox::CheckpointRecord> restored;
    QVERIFY(m_sandbox->server->operatorSimulation()->withCluster(
        QStringLiteral("default"), QStringLiteral("github-analytics"),
        [&](const sandbox::FlinkJobModel &cluster, qint64) { restored = cluster.restoredFrom(); }));
    QVERIFY(restored.has_value());
    // The review names the newest entry Capstan was told of. At this speed a poll interval is minutes of
    // the job's time, so the job may have completed one more checkpoint between the last poll and its
    // stop; it then restores from that one, never from an older one.
    QVERIFY2(restored->id >= named.first, qPrintable(QStringLiteral("%1 < %2").arg(restored->id).arg(named.first)));
    if (restored->id == named.first)
        QCOMPARE(restored->externalPath, named.second);
    QTRY_VERIFY_WITH_TIMEOUT(page->failingText().isEmpty(), 60000);
    shot(&window, QStringLiteral("step5"));

    // Step 6: Snapshots → the savepoint from before both changes → Rollback to this snapshot.
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QTest::mouseClick(
        tabs->tabBar(), Qt::LeftButton, {},
        tabs->tabBar()->tabRect(tabs->indexOf(page->findChild<QWidget *>(QStringLiteral("snapshotsTab")))).center());
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("snapshotsTab"));
    auto *view = page->findChild<QTableView *>(QStringLiteral("snapshotsTableView"));
    int row = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, SnapshotTableModel::Path).data().toString() == early.path)
            row = r;
    }
    QVERIFY(row >= 0);
    view->scrollTo(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(row, 0)).center());
    QCOMPARE(view->currentIndex().row(), row);
    auto *rollback = page->findChild<QPushButton *>(QStringLiteral("rollbackToSnapshotButton"));
    QTRY_VERIFY(rollback->isEnabled());
    QTest::mouseClick(rollback, Qt::LeftButton);
    review = test::waitForReview(&window);
    QVERIFY(review);
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Roll Back"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Current Spec"));
    shot(review, QStringLiteral("step6-dialog"));
    const qint64 nonceBefore = job().value(QLatin1String("savepointRedeployNonce")).toInteger();
    const bool revisionKnown = !review->effectText().contains(QStringLiteral("did not observe"));
    QCOMPARE(review->plan()
                 .specAfter(review->request().baseSpec)
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("initialSavepointPath"))
                 .toString(),
             early.path);
    test::answerReview(review, true);
    QVERIFY(test::lastActionSucceeded(&window, 60000));
    const QJsonObject finalJob = job();
    QCOMPARE(finalJob.value(QLatin1String("initialSavepointPath")).toString(), early.path);
    QCOMPARE(finalJob.value(QLatin1String("savepointRedeployNonce")).toInteger(), nonceBefore + 1);
    // The sandbox's clock runs ahead of this one (speed 60), so whether a savepoint's time falls in a
    // spec revision recorded by Capstan's clock depends on timing. Both answers are checked: a known
    // revision is restored (parallelism 1, as when the savepoint was taken); an unknown one keeps the
    // current spec and says so in the action's steps.
    if (revisionKnown) {
        QCOMPARE(finalJob.value(QLatin1String("parallelism")).toInt(), 1);
    } else {
        QCOMPARE(finalJob.value(QLatin1String("parallelism")).toInt(), 2);
        const QModelIndex last = window.activity()->index(0, 0);
        bool said = false;
        for (int step = 0; step < window.activity()->rowCount(last); ++step)
            said = said
                || window.activity()->index(step, 0, last).data().toString().contains(QStringLiteral("is unknown"));
        QVERIFY2(said, "the rollback did not say that only the state is restored");
    }
    shot(&window, QStringLiteral("step6"));
}

QTEST_MAIN(TestReferenceScenario)
#include "tst_scenario.moc"
