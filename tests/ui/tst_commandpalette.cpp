// The command palette (Ctrl+K): matching, deployments of every open window, Enter opening the
// chosen deployment, and "<Action>: namespace/name" running through the same path as the
// buttons, confirmation and Activity panel included. Keyboard only.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "ui/actionscontroller.h"
#include "ui/commandpalette.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/preferencesstore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matching();
    void enterOpensTheDeployment();
    void deploymentsOfEveryWindow();
    void actionWordsFindTheirAction();
    void actionGoesThroughTheConfirmation();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &context, const QString &ns);
    CommandPalette *openPalette(MainWindow *window);
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestCommandPalette::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    // The screenshots read as the application does: "5 deployments", not "5 deployment(s)".
    PreferencesStore::installTranslators(qApp);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 60);
    QVERIFY(m_sandbox->started);
}

std::unique_ptr<MainWindow> TestCommandPalette::openWindow(const QString &context, const QString &ns)
{
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.pollIntervalMs = 500;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), context, ns, options);
    window->resize(1400, 900);
    window->show();
    // The list is in once the FlinkDeployments are (session jobs and blue/green deployments are listed
    // by watches of their own, which may answer first).
    const auto listed = [&] {
        const DeploymentTableModel *model = window->deploymentModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->at(row).kind == ResourceKind::FlinkDeployment)
                return true;
        }
        return false;
    };
    if (!QTest::qWaitFor(listed, 10000))
        return {};
    return window;
}

CommandPalette *TestCommandPalette::openPalette(MainWindow *window)
{
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return nullptr;
    QTest::keySequence(window, QKeySequence(QStringLiteral("Ctrl+K")));
    CommandPalette *palette = window->commandPalette();
    return palette->isVisible() && palette->lineEdit()->hasFocus() ? palette : nullptr;
}

void TestCommandPalette::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestCommandPalette::matching()
{
    const QString target = QStringLiteral("flink-jobs/fraud-detector");
    QVERIFY(CommandPalette::matchScore(QStringLiteral("fraud"), target) > 0);
    QVERIFY(CommandPalette::matchScore(QStringLiteral("FRAUD"), target) > 0);
    QVERIFY(CommandPalette::matchScore(QStringLiteral("frdtct"), target) > 0); // a subsequence
    QVERIFY(CommandPalette::matchScore(QStringLiteral("detector fraud"), target) > 0); // words in any order
    QCOMPARE(CommandPalette::matchScore(QStringLiteral("fraudx"), target), -1);
    QCOMPARE(CommandPalette::matchScore(QStringLiteral("fraud nightly"), target), -1);
    // A substring beats a subsequence; a word start beats the middle of a word.
    QVERIFY(CommandPalette::matchScore(QStringLiteral("det"), target)
            > CommandPalette::matchScore(QStringLiteral("dtc"), target));
    QVERIFY(CommandPalette::matchScore(QStringLiteral("det"), QStringLiteral("a/detector"))
            > CommandPalette::matchScore(QStringLiteral("det"), QStringLiteral("a/undetected")));
    QCOMPARE(CommandPalette::matchScore(QString(), target), 0);
}

void TestCommandPalette::enterOpensTheDeployment()
{
    auto window = openWindow(QStringLiteral("sandbox"), QStringLiteral("all"));
    QVERIFY(window);
    CommandPalette *palette = openPalette(window.get());
    QVERIFY(palette);
    QVERIFY(palette->shownTexts().contains(QStringLiteral("flink-jobs/fraud-detector — sandbox")));
    QVERIFY(palette->shownTexts().contains(QStringLiteral("Suspend: flink-jobs/fraud-detector")));
    QVERIFY(palette->shownTexts().contains(QStringLiteral("View: Audit Log  (Ctrl+Shift+L)")));

    QTest::keyClicks(palette->lineEdit(), QStringLiteral("fraud"));
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("flink-jobs/fraud-detector — sandbox"));
    saveShot(window.get(), QStringLiteral("command-palette"));
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QTRY_COMPARE(window->deploymentPage()->summary().name, QStringLiteral("fraud-detector"));
    QVERIFY(window->deploymentPage()->isVisible());

    // Escape closes it and gives the keyboard back.
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    filter->setFocus();
    palette = openPalette(window.get());
    QVERIFY(palette);
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("no such thing at all"));
    QVERIFY(palette->shownTexts().isEmpty());
    QTest::keyClick(palette->lineEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QVERIFY(filter->hasFocus());
}

void TestCommandPalette::deploymentsOfEveryWindow()
{
    auto first = openWindow(QStringLiteral("sandbox"), QStringLiteral("default"));
    QVERIFY(first);
    auto second = openWindow(QStringLiteral("sandbox-cert"), QStringLiteral("flink-jobs"));
    QVERIFY(second);
    CommandPalette *palette = openPalette(first.get());
    QVERIFY(palette);
    const QStringList texts = palette->shownTexts();
    QVERIFY(texts.contains(QStringLiteral("default/github-analytics — sandbox")));
    QVERIFY(texts.contains(QStringLiteral("flink-jobs/fraud-detector — sandbox-cert")));
    // Several contexts open: actions say which one they act in.
    QVERIFY(texts.contains(QStringLiteral("Restart: flink-jobs/fraud-detector — sandbox-cert")));

    // Down to the other window's deployment and Enter: that window shows it.
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("fraud"));
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("flink-jobs/fraud-detector — sandbox-cert"));
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(second->deploymentPage()->summary().name, QStringLiteral("fraud-detector"));
    QVERIFY(first->deploymentPage()->summary().name.isEmpty());
}

void TestCommandPalette::actionWordsFindTheirAction()
{
    // Words an operator may type for an action, from its description, without showing them.
    auto window = openWindow(QStringLiteral("sandbox"), QStringLiteral("all"));
    QVERIFY(window);
    CommandPalette *palette = openPalette(window.get());
    QVERIFY(palette);
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("pause github"));
    QTRY_COMPARE(palette->shownTexts().value(0), QStringLiteral("Suspend: default/github-analytics"));
    palette->lineEdit()->clear();
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("revert github"));
    QTRY_COMPARE(palette->shownTexts().value(0),
                 QStringLiteral("Roll Back to Last Stable Spec: default/github-analytics"));
    // Keywords match whole substrings only: scattered letters of them find nothing.
    palette->lineEdit()->clear();
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("zqxv"));
    QVERIFY(palette->shownTexts().isEmpty());
    palette->dismiss();
}

void TestCommandPalette::actionGoesThroughTheConfirmation()
{
    auto window = openWindow(QStringLiteral("sandbox"), QStringLiteral("all"));
    QVERIFY(window);
    ActivityModel *activity = window->activity();

    // Declined: the question was asked and nothing ran.
    CommandPalette *palette = openPalette(window.get());
    QVERIFY(palette);
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("suspend github"));
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("Suspend: default/github-analytics"));
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QVERIFY2(review->effectText().startsWith(QStringLiteral("github-analytics is suspended")),
             qPrintable(review->effectText()));
    test::answerReview(review, false);
    QTRY_VERIFY(!test::waitForReview(window.get(), 0));
    QCOMPARE(activity->rowCount(), 0);

    // Confirmed: it runs, shows in the Activity panel and the deployment ends up suspended.
    palette = openPalette(window.get());
    QVERIFY(palette);
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("suspend github"));
    QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    review = test::waitForReview(window.get());
    QVERIFY(review);
    test::answerReview(review, true);
    QTRY_COMPARE_WITH_TIMEOUT(activity->rowCount(), 1, 10000);
    const quint64 id = activity->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!activity->isRunning(id), 30000);
    QCOMPARE(activity->outcomeText(id), QStringLiteral("succeeded"));
    QCOMPARE(m_sandbox->server->store()
                 .get(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("github-analytics"))
                 .object.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("suspended"));

    // A suspended deployment is offered Start, no longer Suspend.
    QTRY_VERIFY_WITH_TIMEOUT(window->actions()->action(ActionKind::Start)->isEnabled(), 10000);
    palette = openPalette(window.get());
    QVERIFY(palette);
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("github"));
    QVERIFY(palette->shownTexts().contains(QStringLiteral("Start: default/github-analytics")));
    QVERIFY(!palette->shownTexts().contains(QStringLiteral("Suspend: default/github-analytics")));
    palette->dismiss();
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
