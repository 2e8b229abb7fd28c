// The autoscaler's actions from the real MainWindow against the sandbox's operator and autoscaler
// simulation: the Autoscaler submenu enabled by the autoscaler's mode, Reset Autoscaler reviewed,
// confirmed and carried out (the nonce on the server, the autoscaler's ConfigMap cleared), the
// switch to advisory; and the reviews' sentences for enabling and disabling it.

#include "common/actionreview.h"
#include "common/sandboxfixture.h"
#include "flink/autoscalerconfig.h"
#include "flink/autoscalerstate.h"
#include "ui/actionscontroller.h"
#include "ui/commandpalette.h"
#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

namespace {

const QString kNs = QStringLiteral("default");
const QString kName = QStringLiteral("orders-enrichment");

} // namespace

class TestAutoscalerActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resetAutoscalerClearsItsState();
    void reviewOfEnableAndDisable();

private:
    std::unique_ptr<MainWindow> openWindow();
    QJsonObject serverObject() const;
    QJsonObject configMap() const;
    // The autoscaler's ConfigMap was written with no data (the state reset) after `afterRv`.
    bool configMapClearedSince(quint64 afterRv) const;
    // Runs the action from its menu entry, confirms its review (whose sentence goes to `effect`) and
    // waits for its outcome.
    QString runConfirmed(MainWindow *window, ActionKind kind, QString *effect = nullptr);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QTemporaryDir m_dir;
};

void TestAutoscalerActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxFixture>(-1, 60);
    QVERIFY(m_sandbox->started);
}

std::unique_ptr<MainWindow> TestAutoscalerActions::openWindow()
{
    SessionOptions options;
    options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    options.informer.batchIntervalMs = 50;
    auto window = std::make_unique<MainWindow>(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), kNs, options);
    window->resize(1600, 1000);
    window->show();
    if (!QTest::qWaitFor([&] { return window->openDeployment(kNs, kName); }, 10000))
        return {};
    return window;
}

QJsonObject TestAutoscalerActions::serverObject() const
{
    return m_sandbox->server->store().get(QStringLiteral("flinkdeployments"), kNs, kName).object;
}

QJsonObject TestAutoscalerActions::configMap() const
{
    return m_sandbox->server->store()
        .get(QStringLiteral("configmaps"), kNs, AutoscalerState::configMapName(kName))
        .object;
}

bool TestAutoscalerActions::configMapClearedSince(quint64 afterRv) const
{
    const QString name = AutoscalerState::configMapName(kName);
    quint64 from = afterRv;
    const quint64 until = m_sandbox->server->store().currentResourceVersion();
    while (from < until) {
        std::vector<sandbox::WatchEvent> events;
        quint64 scannedTo = from;
        quint64 oldest = 0;
        if (!m_sandbox->server->store().eventsSince(from, QStringLiteral("configmaps"), kNs, 1000, &events, &scannedTo,
                                                    &oldest))
            return false;
        for (const sandbox::WatchEvent &event : events) {
            const QJsonObject metadata = event.object.value(QLatin1String("metadata")).toObject();
            if (metadata.value(QLatin1String("name")).toString() == name
                && event.object.value(QLatin1String("data")).toObject().isEmpty())
                return true;
        }
        if (scannedTo <= from)
            break;
        from = scannedTo;
    }
    return false;
}

QString TestAutoscalerActions::runConfirmed(MainWindow *window, ActionKind kind, QString *effect)
{
    ActivityModel *activity = window->activity();
    const int before = activity->rowCount();
    window->actions()->action(kind)->trigger();
    ActionReviewDialog *review = test::waitForReview(window);
    if (!review)
        return QStringLiteral("no review");
    if (effect)
        *effect = review->effectText();
    test::answerReview(review, true);
    if (!QTest::qWaitFor([&] { return activity->rowCount() == before + 1; }, 5000))
        return QStringLiteral("not started");
    const quint64 id = activity->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    if (!QTest::qWaitFor([&] { return !activity->isRunning(id); }, 30000))
        return QStringLiteral("still running");
    return activity->outcomeText(id);
}

void TestAutoscalerActions::resetAutoscalerClearsItsState()
{
    // The autoscaler has collected something to reset.
    QTRY_VERIFY_WITH_TIMEOUT(!configMap().value(QLatin1String("data")).toObject().isEmpty(), 60000);
    const quint64 rvStart = m_sandbox->server->store().currentResourceVersion();

    auto window = openWindow();
    QVERIFY(window);
    ActionsController *actions = window->actions();
    QMenu *menu = actions->autoscalerMenu();
    QVERIFY(menu);
    QCOMPARE(menu->objectName(), QStringLiteral("autoscalerMenu"));
    for (ActionKind kind : {ActionKind::EnableAutoscaler, ActionKind::AutoscalerAdvisory, ActionKind::AutoscalerActive,
                            ActionKind::DisableAutoscaler, ActionKind::ResetAutoscaler})
        QVERIFY(menu->actions().contains(actions->action(kind)));
    QVERIFY(actions->cancelMenu() != menu);

    // Active: it can be reset, made advisory or disabled; enabling it or making it active again cannot.
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::ResetAutoscaler)->isEnabled(), 30000);
    QVERIFY(menu->menuAction()->isEnabled());
    QVERIFY(actions->action(ActionKind::AutoscalerAdvisory)->isEnabled());
    QVERIFY(actions->action(ActionKind::DisableAutoscaler)->isEnabled());
    QVERIFY(!actions->action(ActionKind::EnableAutoscaler)->isEnabled());
    QCOMPARE(actions->action(ActionKind::EnableAutoscaler)->toolTip(),
             QStringLiteral("The autoscaler is already enabled."));
    QVERIFY(!actions->action(ActionKind::AutoscalerActive)->isEnabled());
    QCOMPARE(actions->action(ActionKind::AutoscalerActive)->toolTip(),
             QStringLiteral("The autoscaler is already active."));

    // The command palette finds them by their words, the available ones only.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+K")));
    CommandPalette *palette = window->commandPalette();
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("autoscaler nonce orders"));
    QTRY_COMPARE(palette->shownTexts().value(0), QStringLiteral("Reset Autoscaler: default/orders-enrichment"));
    palette->lineEdit()->clear();
    QTest::keyClicks(palette->lineEdit(), QStringLiteral("recommend orders"));
    QTRY_COMPARE(palette->shownTexts().value(0),
                 QStringLiteral("Switch Autoscaler to Advisory: default/orders-enrichment"));
    QVERIFY(!palette->shownTexts().contains(QStringLiteral("Enable Autoscaler: default/orders-enrichment")));
    palette->dismiss();

    // Reset: reviewed with its own buttons and what it clears, then written as the next nonce.
    const qint64 nonceBefore = serverObject()
                                   .value(QLatin1String("spec"))
                                   .toObject()
                                   .value(QLatin1String("job"))
                                   .toObject()
                                   .value(QLatin1String("autoscalerResetNonce"))
                                   .toInteger(0);
    actions->action(ActionKind::ResetAutoscaler)->trigger();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->confirmButton()->text(), QStringLiteral("Reset Autoscaler"));
    QCOMPARE(review->declineButton()->text(), QStringLiteral("Keep Its State"));
    QVERIFY2(review->effectText().contains(QStringLiteral("collected metrics, its parallelism overrides and its "
                                                          "scaling history are cleared")),
             qPrintable(review->effectText()));
    QCOMPARE(review->plan().patch,
             QJsonObject(
                 {{QStringLiteral("job"), QJsonObject({{QStringLiteral("autoscalerResetNonce"), nonceBefore + 1}})}}));
    // Declined: nothing is sent.
    test::answerReview(review, false);
    QTRY_VERIFY(!test::waitForReview(window.get(), 0));
    QCOMPARE(window->activity()->rowCount(), 0);

    // Collecting alone never empties the ConfigMap: only the reset below does.
    QVERIFY(!configMapClearedSince(rvStart));
    const quint64 rvBefore = m_sandbox->server->store().currentResourceVersion();
    QCOMPARE(runConfirmed(window.get(), ActionKind::ResetAutoscaler), QStringLiteral("succeeded"));
    const QJsonObject after = serverObject();
    QCOMPARE(after.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("autoscalerResetNonce"))
                 .toInteger(-1),
             nonceBefore + 1);
    // The autoscaler's options are as they were: only the nonce moved.
    QCOMPARE(AutoscalerConfig::fromSpec(after.value(QLatin1String("spec")).toObject()).mode(),
             AutoscalerConfig::Mode::Active);
    // The operator's autoscaler saw the new nonce and started over: its ConfigMap lost its data.
    QTRY_VERIFY_WITH_TIMEOUT(configMapClearedSince(rvBefore), 10000);

    // Advisory: scaling.enabled "false" on the server; then Active is the switch offered.
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::AutoscalerAdvisory)->isEnabled(), 10000);
    QString advisoryEffect;
    QCOMPARE(runConfirmed(window.get(), ActionKind::AutoscalerAdvisory, &advisoryEffect), QStringLiteral("succeeded"));
    QVERIFY2(advisoryEffect.contains(QStringLiteral("only recommends")), qPrintable(advisoryEffect));
    const QJsonObject conf
        = serverObject().value(QLatin1String("spec")).toObject().value(QLatin1String("flinkConfiguration")).toObject();
    QCOMPARE(conf.value(QLatin1String("job.autoscaler.scaling.enabled")).toString(), QStringLiteral("false"));
    QCOMPARE(conf.value(QLatin1String("job.autoscaler.enabled")).toString(), QStringLiteral("true"));
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(ActionKind::AutoscalerActive)->isEnabled(), 10000);
    QVERIFY(!actions->action(ActionKind::AutoscalerAdvisory)->isEnabled());
    QVERIFY(actions->action(ActionKind::ResetAutoscaler)->isEnabled());
}

void TestAutoscalerActions::reviewOfEnableAndDisable()
{
    // A job without the autoscaler: enabling it makes it advisory, and the review says so.
    QJsonObject object = SandboxFixture::deployment(QStringLiteral("plain"));
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("namespace"), kNs);
    metadata.insert(QStringLiteral("uid"), QStringLiteral("00000000-0000-4000-8000-00000000000a"));
    metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("17"));
    object.insert(QStringLiteral("metadata"), metadata);
    ActionRequest request;
    request.kind = ActionKind::EnableAutoscaler;
    request.ns = kNs;
    request.name = QStringLiteral("plain");
    request.deploymentUid = metadata.value(QLatin1String("uid")).toString();

    ActionReviewDialog enable(request, {});
    enable.setDeployment(object, {});
    QVERIFY2(!enable.plan().refused(), qPrintable(enable.plan().refusal));
    QCOMPARE(enable.confirmButton()->text(), QStringLiteral("Enable Autoscaler"));
    QCOMPARE(enable.declineButton()->text(), QStringLiteral("Leave It Off"));
    QVERIFY2(enable.effectText().contains(QStringLiteral("starts in advisory mode")), qPrintable(enable.effectText()));
    QVERIFY2(enable.effectText().contains(QStringLiteral("switch it to Active")), qPrintable(enable.effectText()));
    const QJsonObject enabledSpec = enable.plan().specAfter(object.value(QLatin1String("spec")).toObject());
    QCOMPARE(AutoscalerConfig::fromSpec(enabledSpec).mode(), AutoscalerConfig::Mode::Advisory);

    // Disabling it: the overrides go and the job returns to the spec's parallelism, a redeploy.
    object.insert(QStringLiteral("spec"), enabledSpec);
    request.kind = ActionKind::DisableAutoscaler;
    ActionReviewDialog disable(request, {});
    disable.setDeployment(object, {});
    QVERIFY2(!disable.plan().refused(), qPrintable(disable.plan().refusal));
    QCOMPARE(disable.confirmButton()->text(), QStringLiteral("Disable Autoscaler"));
    QCOMPARE(disable.declineButton()->text(), QStringLiteral("Keep It On"));
    QVERIFY2(disable.effectText().contains(QStringLiteral("returns to the spec's parallelism")),
             qPrintable(disable.effectText()));
    QVERIFY2(disable.effectText().contains(QStringLiteral("redeployed")), qPrintable(disable.effectText()));
    QCOMPARE(disable.plan().patch,
             QJsonObject({{QStringLiteral("flinkConfiguration"),
                           QJsonObject({{QStringLiteral("job.autoscaler.enabled"), QStringLiteral("false")}})}}));
}

QTEST_MAIN(TestAutoscalerActions)
#include "tst_autoscaleractions.moc"
