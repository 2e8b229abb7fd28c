// The reference scenario (DESIGN §1) on the system it was first written for: Ververica Platform, through
// the real window against the sandbox's simulated Application Manager. Configure Deployment raises the
// parallelism 1 → 2 with the STATEFUL upgrade strategy (a savepoint, a new job, the same deployment); the
// feature flag makes the job fail and Capstan says so; Cancel; the flag removed; Start with LATEST_STATE
// restores from the latest retained checkpoint. The platform runs on a paused clock the test steps.

#include "common/actionreview.h"
#include "common/platformwindow.h"
#include "common/sandboxfixture.h"
#include "sandbox/vvpplatform.h"
#include "ui/actionscontroller.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/snapshottablemodel.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

class TestVvpScenario : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenario();

private:
    bool stepUntil(const std::function<bool()> &done) { return test::stepPlatformUntil(*m_sandbox, done); }
    QJsonObject platformDeployment();
    QString state() { return platformDeployment().value(u"status").toObject().value(u"state").toString(); }
    QString jobId() { return platformDeployment().value(u"status")[u"running"][u"jobId"].toString(); }
    // Opens Configure Deployment, replaces `from` by `to` in its YAML as a user would type it, and
    // applies through the Review; returns the review's sentence.
    // from empty: the parallelism typed on the form; else from replaced by to in the YAML.
    QString configure(MainWindow *window, const QString &from, const QString &to);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestVvpScenario::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->vvpPlatform());
    m_sandbox->server->clock().setPaused(true);
}

QJsonObject TestVvpScenario::platformDeployment()
{
    return m_sandbox->server->vvpPlatform()
        ->getDeployment(QStringLiteral("default"), QStringLiteral("github-analytics"))
        .body;
}

QString TestVvpScenario::configure(MainWindow *window, const QString &from, const QString &to)
{
    // The page shows the deployment as the platform has it now (the dialog edits what the page shows;
    // an older version would be a conflict, rightly).
    if (!QTest::qWaitFor([&] { return test::pageIsCurrent(window, platformDeployment()); }, 10000))
        return QStringLiteral("the page does not show the platform's current version: %1 / %2")
            .arg(window->deploymentPage()->object().value(u"metadata")[u"resourceVersion"].toVariant().toString(),
                 platformDeployment().value(u"metadata")[u"resourceVersion"].toVariant().toString());
    QAction *configure = window->actions()->configureAction();
    if (!QTest::qWaitFor([&] { return configure->isEnabled(); }, 10000))
        return QStringLiteral("Configure Deployment is not enabled");
    configure->trigger();
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    if (!dialog)
        return QStringLiteral("no dialog");
    if (dialog->currentPage() != ConfigureDialog::Page::Form)
        return QStringLiteral("the dialog did not open on its form");
    if (from.isEmpty()) {
        // The parallelism on the form, as a user types it.
        auto *parallelism = dialog->findChild<QSpinBox *>(QStringLiteral("parallelismSpinBox"));
        parallelism->selectAll();
        QTest::keyClicks(parallelism, to);
    } else {
        // The rest in the YAML, where the whole spec is.
        auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("configureTabs"));
        tabs->setCurrentIndex(static_cast<int>(ConfigureDialog::Page::Yaml));
        auto *editor = dialog->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"));
        QString text = editor->toPlainText();
        if (!text.contains(from))
            return QStringLiteral("the YAML has no \"%1\"").arg(from);
        text.replace(from, to);
        editor->selectAll();
        QTest::keyClicks(editor, QString()); // focus, as a user's click would
        editor->setPlainText(text);
    }
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    if (!QTest::qWaitFor([&] { return apply->isEnabled(); }, 5000))
        return QStringLiteral("Apply stays disabled");
    QTest::mouseClick(apply, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return dialog->currentPage() == ConfigureDialog::Page::Review; }, 5000))
        return QStringLiteral("no Review");
    const QString sentence = dialog->findChild<QLabel *>(QStringLiteral("reviewSentenceLabel"))->text();
    QPointer<ConfigureDialog> guard(dialog);
    QTest::mouseClick(apply, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return guard.isNull() || !guard->isVisible(); }, 10000))
        return QStringLiteral("the dialog did not close");
    return sentence;
}

void TestVvpScenario::scenario()
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    auto window = test::openPlatformWindow(*m_sandbox, options);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    DeploymentPage *page = window->deploymentPage();
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().name, QStringLiteral("github-analytics"), 10000);
    QCOMPARE(state(), QStringLiteral("RUNNING"));
    const QString firstJob = jobId();

    // Step 1: parallelism 1 → 2; STATEFUL: a savepoint, then a new job of the same deployment.
    const QString sentence = configure(window.get(), QString(), QStringLiteral("2"));
    QVERIFY2(sentence.contains(QStringLiteral("takes a savepoint")), qPrintable(sentence));
    QVERIFY(stepUntil([&] { return state() == u"RUNNING" && jobId() != firstJob && !jobId().isEmpty(); }));
    QCOMPARE(platformDeployment().value(u"spec")[u"template"][u"spec"][u"parallelism"].toInt(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().parallelism, 2, 10000);
    const auto hasSavepoint = [&](const QString &origin) {
        const QList<Snapshot> snapshots = page->snapshotModel()->snapshots();
        return std::any_of(snapshots.cbegin(), snapshots.cend(),
                           [&](const Snapshot &s) { return s.trigger == origin && s.isCompleted(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasSavepoint(QStringLiteral("SUSPEND_AND_UPGRADE")), 10000);

    // Step 2: the feature flag; the job fails and restarts, and the page says the deployment is failing.
    const QString args = platformDeployment().value(u"spec")[u"template"][u"spec"][u"artifact"][u"mainArgs"].toString();
    QVERIFY(!args.isEmpty());
    const QString on = configure(window.get(), QStringLiteral("mainArgs: ") + args,
                                 QStringLiteral("mainArgs: ") + args + QStringLiteral(" --enable-new-feature true"));
    QVERIFY2(on.contains(QStringLiteral("takes a savepoint")), qPrintable(on));
    const bool failing = stepUntil([&] {
        QTest::qWait(20);
        return page->failingText().contains(QStringLiteral("Deployment is failing"));
    });
    QVERIFY2(failing, qPrintable(state()));

    // Step 3: Cancel; the platform keeps the retained checkpoints.
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::CancelKeepState)->isEnabled(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformDeployment()), 10000);
    window->actions()->action(ActionKind::CancelKeepState)->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    test::answerReview(review, true);
    QVERIFY(stepUntil([&] { return state() == u"CANCELLED"; }));

    // Step 4: the flag removed while cancelled: nothing runs until Start.
    const QString flagged
        = platformDeployment().value(u"spec")[u"template"][u"spec"][u"artifact"][u"mainArgs"].toString();
    const QString off
        = configure(window.get(), QStringLiteral("mainArgs: ") + flagged, QStringLiteral("mainArgs: ") + args);
    QVERIFY2(off.contains(QStringLiteral("next start")), qPrintable(off));
    QTRY_VERIFY_WITH_TIMEOUT(
        !platformDeployment().value(u"spec")[u"template"][u"spec"][u"artifact"][u"mainArgs"].toString().contains(
            QStringLiteral("--enable-new-feature")),
        10000);

    // Step 5: Start with LATEST_STATE names what it restores and restores it.
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::Start)->isEnabled(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformDeployment()), 10000);
    window->actions()->action(ActionKind::Start)->trigger();
    review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY2(review->effectText().contains(QStringLiteral("restore")), qPrintable(review->effectText()));
    test::answerReview(review, true);
    QVERIFY(stepUntil([&] { return state() == u"RUNNING"; }));
    QTRY_VERIFY_WITH_TIMEOUT(page->failingText().isEmpty(), 15000);

    // What the new job started from: the newest retained checkpoint or savepoint of the deployment.
    const QString deploymentId = platformDeployment().value(u"metadata")[u"id"].toString();
    const QJsonArray savepoints = m_sandbox->server->vvpPlatform()
                                      ->listSavepoints(QStringLiteral("default"), deploymentId, QString())
                                      .body.value(u"items")
                                      .toArray();
    QString newest;
    QString newestTime;
    for (const QJsonValue &v : savepoints) {
        const QJsonObject s = v.toObject();
        if (s.value(u"status")[u"state"].toString() != u"COMPLETED")
            continue;
        const QString created = s.value(u"metadata")[u"createdAt"].toString();
        if (created > newestTime && s.value(u"metadata")[u"jobId"].toString() != jobId()) {
            newestTime = created;
            newest = s.value(u"spec")[u"savepointLocation"].toString();
        }
    }
    QVERIFY(!newest.isEmpty());
    const QJsonArray jobs = m_sandbox->server->vvpPlatform()
                                ->listJobs(QStringLiteral("default"), deploymentId)
                                .body.value(u"items")
                                .toArray();
    QString restoredFrom;
    for (const QJsonValue &v : jobs) {
        if (v.toObject().value(u"metadata")[u"id"].toString() == jobId())
            restoredFrom = v.toObject().value(u"spec")[u"savepointLocation"].toString();
    }
    QCOMPARE(restoredFrom, newest);
}

QTEST_MAIN(TestVvpScenario)
#include "tst_vvpscenario.moc"
