// Ververica Platform as a second backend, through the real window against the sandbox's simulated
// Application Manager: the platform found in the cluster and offered as a context, its deployments
// listed in its own state words, a deployment's page with the platform's Events, Savepoints and Jobs,
// Suspend and Start through the same review and Activity panel as for the operator, a stale write shown
// as a conflict, and a platform reached at its URL with its API token, which no log shows.

#include "common/actionreview.h"
#include "common/platformwindow.h"
#include "common/sandboxfixture.h"
#include "common/windowactions.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/vvpplatform.h"
#include "session/sessionhost.h"
#include "ui/actionscontroller.h"
#include "ui/configure/configureformpage.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/models/eventtablemodel.h"
#include "ui/models/jobruntablemodel.h"
#include "ui/models/snapshottablemodel.h"
#include "vvp/vvpsession.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

namespace {

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log << message;
}

} // namespace

class TestVvpSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void platformOfferedAndListed();
    void pageShowsThePlatformsRecords();
    void suspendThenStartFromTheSavepoint();
    void staleWriteIsAConflict();
    void newDeploymentOnThePlatform();
    void configureChecksThePlatformsDescription();
    void deleteCancelsARunningDeploymentFirst();
    void urlWithTokenNeverLogged();

private:
    bool stepUntil(const std::function<bool()> &done) { return test::stepPlatformUntil(*m_sandbox, done); }
    QString platformState(const QString &name);
    std::unique_ptr<MainWindow> openPlatform();
    const Deployment *listed(MainWindow *window, const QString &name) const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestVvpSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestVvpSandbox::init()
{
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->vvpPlatform());
    m_sandbox->server->clock().setPaused(true);
}

void TestVvpSandbox::cleanup()
{
    m_sandbox.reset();
}

QString TestVvpSandbox::platformState(const QString &name)
{
    const VvpResult d = m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), name);
    return d.body.value(u"status").toObject().value(u"state").toString();
}

const Deployment *TestVvpSandbox::listed(MainWindow *window, const QString &name) const
{
    for (const Deployment &d : window->deploymentModel()->rows()) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

std::unique_ptr<MainWindow> TestVvpSandbox::openPlatform()
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    return test::openPlatformWindow(*m_sandbox, options);
}

void TestVvpSandbox::platformOfferedAndListed()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_COMPARE_WITH_TIMEOUT(window->deploymentModel()->rowCount(), 3, 10000);
    const Deployment *analytics = listed(window.get(), QStringLiteral("github-analytics"));
    QVERIFY(analytics);
    QCOMPARE(analytics->platform, Deployment::Platform::Ververica);
    QCOMPARE(analytics->displayState(), DisplayState::Running);
    QCOMPARE(analytics->upgradeMode, QStringLiteral("STATEFUL"));
    QCOMPARE(analytics->restoreStrategy, QStringLiteral("LATEST_STATE"));
    QCOMPARE(listed(window.get(), QStringLiteral("nightly-backfill"))->displayState(), DisplayState::Suspended);
    QVERIFY(window->windowTitle().contains(QStringLiteral("Ververica Platform")));
}

void TestVvpSandbox::pageShowsThePlatformsRecords()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->eventModel()->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page->snapshotModel()->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page->jobModel()->rowCount() > 0, 10000);
    // No pods to show; the JobManager is reached through the cluster's context, so the job graph is.
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(!tabs->isTabVisible(DeploymentPage::PodsTab));
    QVERIFY(tabs->isTabVisible(DeploymentPage::JobGraphTab));
    // LATEST_STATE names what Start would restore: the newest savepoint or retained checkpoint.
    QTRY_VERIFY_WITH_TIMEOUT(page->restoreText().contains(QStringLiteral("s3://")), 10000);
    // What the platform does not do through Capstan yet is not offered.
    QVERIFY(!window->actions()->action(ActionKind::Restart)->isEnabled());
    QVERIFY(!window->actions()->action(ActionKind::RollbackToStable)->isEnabled());
}

void TestVvpSandbox::suspendThenStartFromTheSavepoint()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::Suspend)->isEnabled(), 10000);
    const int savepointsBefore = page->snapshotModel()->rowCount();

    const auto platformObject = [&] {
        return m_sandbox->server->vvpPlatform()
            ->getDeployment(QStringLiteral("default"), QStringLiteral("github-analytics"))
            .body;
    };
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject()), 10000);
    window->actions()->action(ActionKind::Suspend)->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    // The review says what the platform will do and shows the desired state changing.
    QVERIFY(review->effectText().contains(QStringLiteral("Ververica Platform takes a savepoint")));
    test::answerReview(review, true);
    QVERIFY(stepUntil([&] { return platformState(QStringLiteral("github-analytics")) == u"SUSPENDED"; }));
    QTRY_COMPARE_WITH_TIMEOUT(listed(window.get(), QStringLiteral("github-analytics"))->displayState(),
                              DisplayState::Suspended, 15000);
    // The savepoint the platform took on suspension is listed, with its origin.
    QTRY_VERIFY_WITH_TIMEOUT(page->snapshotModel()->rowCount() > savepointsBefore, 10000);
    const auto suspendSavepoint = [&] {
        const QList<Snapshot> snapshots = page->snapshotModel()->snapshots();
        return std::any_of(snapshots.cbegin(), snapshots.cend(),
                           [](const Snapshot &s) { return s.trigger == u"SUSPEND" && s.isCompleted(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(suspendSavepoint(), 10000);

    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::Start)->isEnabled(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject()), 10000);
    window->actions()->action(ActionKind::Start)->trigger();
    review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY(review->effectText().contains(QStringLiteral("starts a new job")));
    test::answerReview(review, true);
    QVERIFY(stepUntil([&] { return platformState(QStringLiteral("github-analytics")) == u"RUNNING"; }));
    QTRY_COMPARE_WITH_TIMEOUT(listed(window.get(), QStringLiteral("github-analytics"))->displayState(),
                              DisplayState::Running, 15000);
}

void TestVvpSandbox::staleWriteIsAConflict()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(listed(window.get(), QStringLiteral("fraud-detector")), 10000);
    const Deployment fraud = *listed(window.get(), QStringLiteral("fraud-detector"));
    QVERIFY(window->openDeployment(QStringLiteral("default"), QStringLiteral("fraud-detector")));
    QTRY_COMPARE_WITH_TIMEOUT(window->deploymentPage()->summary().uid, fraud.uid, 10000);
    QSignalSpy finished(window->session()->session(), &BackendSession::actionFinished);
    ActionRequest request;
    request.id = 4242;
    request.kind = ActionKind::Suspend;
    request.deploymentUid = fraud.uid;
    request.ns = fraud.ns;
    request.name = fraud.name;
    request.baseResourceVersion = QString::number(fraud.resourceVersion.toLongLong() - 1); // someone wrote since
    window->session()->runAction(request);
    QVERIFY(finished.wait(10000));
    const auto result = finished.constLast().constFirst().value<ActionResult>();
    QCOMPARE(result.outcome, ActionResult::Outcome::Conflict);
    QCOMPARE(platformState(QStringLiteral("fraud-detector")), QStringLiteral("RUNNING"));
}

void TestVvpSandbox::newDeploymentOnThePlatform()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_COMPARE_WITH_TIMEOUT(window->deploymentModel()->rowCount(), 3, 10000);
    auto *newDeployment = window->findChild<QAction *>(QStringLiteral("newDeploymentAction"));
    QVERIFY(newDeployment);
    newDeployment->trigger();
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    // The platform's form and templates, not the operator's.
    auto *form = dialog->findChild<ConfigureFormPage *>();
    QCOMPARE(form->backend(), ConfigureFormPage::Backend::Platform);
    auto *templates = dialog->findChild<QComboBox *>(QStringLiteral("templateComboBox"));
    QVERIFY(templates->currentText().contains(QStringLiteral("Ververica Platform")));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    name->setText(QStringLiteral("top-speed"));
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QTRY_VERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    const QString sentence = dialog->findChild<QLabel *>(QStringLiteral("reviewSentenceLabel"))->text();
    QVERIFY2(sentence.contains(QStringLiteral("Ververica Platform creates")), qPrintable(sentence));
    QPointer<ConfigureDialog> guard(dialog);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 10000);

    // The platform has it with the template's spec over the namespace's defaults, and it runs.
    const auto created = [&] {
        return m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), QStringLiteral("top-speed"));
    };
    QVERIFY(created().ok());
    QCOMPARE(created().body.value(u"spec")[u"template"][u"spec"][u"parallelism"].toInt(), 2);
    QCOMPARE(created().body.value(u"spec")[u"upgradeStrategy"][u"kind"].toString(), QStringLiteral("STATEFUL"));
    QTRY_VERIFY_WITH_TIMEOUT(listed(window.get(), QStringLiteral("top-speed")), 10000);
    QVERIFY(test::stepPlatformUntil(
        *m_sandbox, [&] { return created().body.value(u"status")[u"state"].toString() == QStringLiteral("RUNNING"); }));
    QTRY_COMPARE_WITH_TIMEOUT(listed(window.get(), QStringLiteral("top-speed"))->displayState(), DisplayState::Running,
                              10000);
}

// The platform's own description (/api/swagger.json) checks the YAML as the CRD's schema does for the
// operator: what the platform would refuse is a problem at its field, what it does not describe a note.
void TestVvpSandbox::configureChecksThePlatformsDescription()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    QAction *configure = window->actions()->configureAction();
    QTRY_VERIFY(configure->isEnabled());
    configure->trigger();
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("configureTabs"));
    tabs->setCurrentIndex(static_cast<int>(ConfigureDialog::Page::Yaml));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("yamlStatusLabel"));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("API description (Application Manager API 2.4.3)")),
                 qPrintable(status->text()));
    // Ververica documents allowNonRestoredState; its 2.4.3 description leaves it out.
    QVERIFY2(status->text().contains(QStringLiteral("restoreStrategy.allowNonRestoredState")),
             qPrintable(status->text()));
    test::saveScreenshot(dialog, QStringLiteral("vvp-configure-yaml-described"));

    auto *editor = dialog->findChild<QPlainTextEdit *>(QStringLiteral("yamlEditor"));
    // A field the platform's own rules do not check: only its description knows its type.
    const QString original = editor->toPlainText();
    QVERIFY(original.contains(QStringLiteral("    parallelism: 1\n")));
    static const QRegularExpression attempts(QStringLiteral("maxSavepointCreationAttempts: \\d+"));
    QVERIFY(original.contains(attempts));
    editor->setPlainText(QString(original).replace(attempts, QStringLiteral("maxSavepointCreationAttempts: many")));
    auto *errors = dialog->findChild<QListWidget *>(QStringLiteral("yamlErrorList"));
    QTRY_COMPARE(errors->count(), 1);
    QVERIFY2(errors->item(0)->text().contains(
                 QStringLiteral("maxSavepointCreationAttempts: \u201cmany\u201d is not a number")),
             qPrintable(errors->item(0)->text()));
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    QVERIFY(!apply->isEnabled());
    test::saveScreenshot(dialog, QStringLiteral("vvp-configure-yaml-refused"));
    // A field both check is said once, in the rules' words.
    editor->setPlainText(
        QString(original).replace(QStringLiteral("parallelism: 1"), QStringLiteral("parallelism: two")));
    QTRY_VERIFY(errors->count() == 1 && errors->item(0)->text().contains(QStringLiteral("whole number of at least 1")));

    // Fixed, the change can be applied.
    editor->setPlainText(QString(original).replace(QStringLiteral("parallelism: 1"), QStringLiteral("parallelism: 2")));
    QTRY_VERIFY(apply->isEnabled());
    dialog->reject();
}

void TestVvpSandbox::deleteCancelsARunningDeploymentFirst()
{
    auto window = openPlatform();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->openDeployment(QStringLiteral("default"), QStringLiteral("github-analytics")),
                             10000);
    const auto platformObject = [&] {
        return m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"),
                                                               QStringLiteral("github-analytics"));
    };
    QCOMPARE(platformState(QStringLiteral("github-analytics")), QStringLiteral("RUNNING"));
    // Running: Delete is offered, and says it cancels first.
    QAction *remove = window->actions()->action(ActionKind::Delete);
    QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject().body), 10000);
    remove->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY2(review->effectText().contains(QStringLiteral("is cancelled, then deleted")),
             qPrintable(review->effectText()));
    test::answerReview(review, true);
    // The platform cancels the job; only then is the deployment deleted.
    QVERIFY(stepUntil([&] { return !platformObject().ok(); }));
    QCOMPARE(platformObject().status, 404);
    QTRY_VERIFY_WITH_TIMEOUT(!listed(window.get(), QStringLiteral("github-analytics")), 15000);
}

void TestVvpSandbox::urlWithTokenNeverLogged()
{
    // The platform on a port of its own, as `capstan-sandbox --vvp-port` serves it.
    m_sandbox.reset();
    SandboxOptions sandboxOptions;
    sandboxOptions.deployments = -1;
    sandboxOptions.vvpPort = 0;
    SandboxServer server(sandboxOptions);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const quint16 port = server.vvpPort();
    QVERIFY(port > 0);
    const QString token = server.vvpToken();
    QVERIFY(!token.isEmpty());
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);
    VvpEndpoint endpoint;
    endpoint.kind = VvpEndpoint::Kind::Url;
    endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    // The local history (audit log, Events, spec revisions) is written too: an action is recorded.
    QTemporaryDir historyDir;
    QVERIFY(historyDir.isValid());
    const QString historyPath = historyDir.filePath(QStringLiteral("history.sqlite"));
    {
        SessionOptions options;
        options.historyPath = historyPath;
        options.platform = endpoint;
        options.platformToken = token;
        SessionHost host(KubeConfig(), QString(), QString(), options);
        QSignalSpy listed(host.session(), &BackendSession::deploymentsChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 10000);
        const DeploymentBatch batch = listed.constFirst().constFirst().value<DeploymentBatch>();
        QCOMPARE(batch.upserted.size(), 3);
        const auto analytics = std::find_if(batch.upserted.cbegin(), batch.upserted.cend(),
                                            [](const Deployment &d) { return d.name == u"github-analytics"; });
        QVERIFY(analytics != batch.upserted.cend());
        QSignalSpy finished(host.session(), &BackendSession::actionFinished);
        ActionRequest request;
        request.id = 77;
        request.kind = ActionKind::Savepoint;
        request.deploymentUid = analytics->uid;
        request.ns = analytics->ns;
        request.name = analytics->name;
        host.runAction(request);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        QSignalSpy answered(host.session(), &BackendSession::auditEntries);
        host.requestAuditEntries(AuditQuery());
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
        const auto entries = answered.constFirst().at(1).value<QList<AuditEntry>>();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().context, QStringLiteral("Ververica Platform at 127.0.0.1"));
    }
    {
        SessionOptions options;
        options.historyPath = QStringLiteral("-");
        options.platform = endpoint;
        options.platformToken = QStringLiteral("not-the-token");
        SessionHost host(KubeConfig(), QString(), QString(), options);
        QSignalSpy states(host.session(), &BackendSession::stateChanged);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(states.cbegin(), states.cend(),
                        [](const QList<QVariant> &s) { return s.at(1).value<Error>().httpStatus == 401; }),
            10000);
    }
    qInstallMessageHandler(previous);
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(token), "the platform's API token reached a log");
    // Nor the history database (with its journal, whatever SQLite left beside it).
    const QStringList files = QDir(historyDir.path()).entryList(QDir::Files);
    QVERIFY(files.contains(QStringLiteral("history.sqlite")));
    for (const QString &name : files) {
        QFile file(historyDir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(token.toUtf8()), qPrintable(name + QStringLiteral(" holds the platform's API token")));
        QVERIFY2(!bytes.contains(token.toUtf8().toBase64()), qPrintable(name));
    }
}

QTEST_MAIN(TestVvpSandbox)
#include "tst_vvpsandbox.moc"
