// The Configuration tab of a Ververica Platform deployment and the review of a start from a chosen
// savepoint, through the real window against the sandbox's simulated Application Manager: the platform
// keeps no earlier spec, so the tab compares the spec with the revision Capstan recorded before it
// (and says when there is none yet), naming when that revision was recorded and which action of
// Capstan's replaced it; the review of a start from a savepoint names the savepoint and the steps the
// platform takes. Every platform view (the list, each tab of the page, Deployment Defaults and Secret
// Values) is looked at in the light and the dark theme: no text cut off, no widgets drawn over each
// other; the screenshots land in screenshots/ of the build directory, as ui.appearance's do.

#include "actions/actiondescriptor.h"
#include "common/actionreview.h"
#include "common/layoutchecks.h"
#include "common/platformwindow.h"
#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/vvpplatform.h"
#include "session/sessionhost.h"
#include "ui/configurationview.h"
#include "ui/configuredialog.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/snapshottablemodel.h"
#include "ui/preferencesstore.h"
#include "ui/vvp/deploymentdefaultsdialog.h"
#include "ui/vvp/secretvaluesdialog.h"
#include "vvp/vvpobjects.h"
#include "json/jsontools.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;

class TestVvpConfiguration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void configureShowsTheChangeSinceThePreviousRevision();
    void startFromSavepointReviewNamesTheSteps();
    void everyPlatformViewReads_data();
    void everyPlatformViewReads();

private:
    // Saves `widget` as screenshots/vvp-<name>.png and checks it for cut-off text and overlaps.
    void look(QWidget *widget, const QString &name);
    std::unique_ptr<MainWindow> openPlatform();
    Deployment openPage(MainWindow *window, const QString &name);
    QJsonObject platformObject(const QString &name) const;
    ActionResult run(MainWindow *window, ActionRequest request);

    std::unique_ptr<test::TemporarySettings> m_settings; // the theme chosen here stays here
    std::unique_ptr<SandboxFixture> m_sandbox;
    // One history per test: the sandbox's platform gives its deployments the same ids every time.
    std::unique_ptr<QTemporaryDir> m_dir;
    quint64 m_nextId = 9000;
};

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

// The diff's lines that add (+) or remove (−) `text`, whatever their indentation.
bool diffHas(const QString &diff, QChar sign, const QString &text)
{
    const QStringList lines = diff.split(QLatin1Char('\n'));
    return std::any_of(lines.cbegin(), lines.cend(),
                       [&](const QString &line) { return line.startsWith(sign) && line.mid(1).trimmed() == text; });
}

} // namespace

void TestVvpConfiguration::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_settings = std::make_unique<test::TemporarySettings>();
    // As ui.appearance looks: the style the dark theme is made for, plural forms as users read them.
    PreferencesStore::installTranslators(qApp);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void TestVvpConfiguration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    QVERIFY(m_sandbox->server->vvpPlatform());
    m_sandbox->server->clock().setPaused(true);
}

void TestVvpConfiguration::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestVvpConfiguration::openPlatform()
{
    SessionOptions options;
    options.historyPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    options.pollIntervalMs = 300;
    return test::openPlatformWindow(*m_sandbox, options);
}

QJsonObject TestVvpConfiguration::platformObject(const QString &name) const
{
    return m_sandbox->server->vvpPlatform()->getDeployment(QStringLiteral("default"), name).body;
}

Deployment TestVvpConfiguration::openPage(MainWindow *window, const QString &name)
{
    return test::openPlatformPage(window, *m_sandbox, name);
}

ActionResult TestVvpConfiguration::run(MainWindow *window, ActionRequest request)
{
    request.id = ++m_nextId;
    return test::runPlatformAction(window, request);
}

void TestVvpConfiguration::configureShowsTheChangeSinceThePreviousRevision()
{
    auto window = openPlatform();
    QVERIFY(window);
    const Deployment analytics = openPage(window.get(), QStringLiteral("github-analytics"));
    QCOMPARE(analytics.parallelism, 1);
    DeploymentPage *page = window->deploymentPage();
    page->setCurrentTab(DeploymentPage::ConfigurationTab);
    ConfigurationView *view = page->configurationView();
    QVERIFY(view->isVisible());
    QVERIFY(view->specYaml().contains(QStringLiteral("parallelism: 1")));
    auto *heading = view->findChild<QLabel *>(QStringLiteral("diffHeading"));
    QVERIFY(heading);
    QCOMPARE(heading->text(), QStringLiteral("Changes since the previous revision"));
    // Only the spec as first seen is recorded: nothing to compare with, and the tab says why.
    QTRY_COMPARE_WITH_TIMEOUT(view->diffText(),
                              QStringLiteral("No earlier revision recorded yet: Capstan records a revision each time "
                                             "it sees the spec change."),
                              10000);
    QCOMPARE(view->diffSummary(), view->diffText());

    const QJsonObject before = page->object().value(u"spec").toObject();
    const QDateTime firstSeen
        = QDateTime::fromString(page->object().value(u"metadata")[u"modifiedAt"].toString(), Qt::ISODateWithMs);
    QVERIFY(firstSeen.isValid());
    m_sandbox->server->clock().advance(60000);
    ActionRequest request = requestFor(ActionKind::Configure, page->summary());
    request.baseSpec = before;
    request.newSpec
        = json::applyMergePatch(
              before,
              QJsonObject{{QStringLiteral("template"),
                           QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("parallelism"), 2}}}}}})
              .toObject();
    const ActionResult result = run(window.get(), request);
    QVERIFY2(result.outcome == ActionResult::Outcome::Succeeded, qPrintable(result.summary));

    // The page follows the platform's new version by itself and shows what the change was.
    QTRY_VERIFY_WITH_TIMEOUT(view->specYaml().contains(QStringLiteral("parallelism: 2")), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(diffHas(view->diffText(), QChar(u'−'), QStringLiteral("parallelism: 1")),
                              qPrintable(view->diffText()), 10000);
    QVERIFY2(diffHas(view->diffText(), QLatin1Char('+'), QStringLiteral("parallelism: 2")),
             qPrintable(view->diffText()));
    // Nothing else changed in the spec.
    const QStringList lines = view->diffText().split(QLatin1Char('\n'));
    QCOMPARE(std::count_if(lines.cbegin(), lines.cend(),
                           [](const QString &line) { return line.startsWith(u'+') || line.startsWith(u'−'); }),
             2);
    const QString expected = QStringLiteral("Changes since the revision of %1, made ")
                                 .arg(firstSeen.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QVERIFY2(view->diffSummary().startsWith(expected), qPrintable(view->diffSummary()));
    QVERIFY2(view->diffSummary().contains(QStringLiteral(" by Configure Deployment: 1 line added, 1 line removed.")),
             qPrintable(view->diffSummary()));
    look(window.get(), QStringLiteral("tab-configuration-changed"));

    // Roll back to that revision: Configure opens on its review with the change back, and applies it.
    auto *rollback = view->findChild<QPushButton *>(QStringLiteral("rollbackToRevisionButton"));
    QVERIFY(rollback);
    QTRY_VERIFY(rollback->isVisible());
    QCOMPARE(view->revisionRollbackSpec().value(u"template")[u"spec"][u"parallelism"].toInt(), 1);
    const auto platformObject = [&] {
        return m_sandbox->server->vvpPlatform()
            ->getDeployment(QStringLiteral("default"), QStringLiteral("github-analytics"))
            .body;
    };
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject()), 10000);
    QTest::mouseClick(rollback, Qt::LeftButton);
    auto *dialog = qobject_cast<ConfigureDialog *>(window->configureDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->currentPage(), ConfigureDialog::Page::Review);
    QCOMPARE(dialog->request().newSpec.value(u"template")[u"spec"][u"parallelism"].toInt(), 1);
    QCOMPARE(dialog->request().newSpec.value(u"state"), page->object().value(u"spec")[u"state"]);
    QPointer<ConfigureDialog> guard(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("applyButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(platformObject().value(u"spec")[u"template"][u"spec"][u"parallelism"].toInt(), 1, 10000);
}

void TestVvpConfiguration::startFromSavepointReviewNamesTheSteps()
{
    auto window = openPlatform();
    QVERIFY(window);
    const Deployment analytics = openPage(window.get(), QStringLiteral("github-analytics"));
    QVERIFY(!analytics.uid.isEmpty());
    m_sandbox->server->clock().advance(60000);
    QCOMPARE(run(window.get(), requestFor(ActionKind::Suspend, analytics)).outcome, ActionResult::Outcome::Succeeded);
    const auto state = [&] { return platformObject(analytics.name).value(u"status")[u"state"].toString(); };
    QVERIFY(test::stepPlatformUntil(*m_sandbox, [&] { return state() == u"SUSPENDED"; }));
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(test::pageIsCurrent(window.get(), platformObject(analytics.name)), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page->summary().lifecycleState, QStringLiteral("SUSPENDED"), 10000);

    // The desired state is part of the spec: the Configuration tab shows Suspend's change as Suspend's.
    ConfigurationView *view = page->configurationView();
    QTRY_VERIFY2_WITH_TIMEOUT(diffHas(view->diffText(), QChar(u'−'), QStringLiteral("state: RUNNING")),
                              qPrintable(view->diffText()), 10000);
    QVERIFY2(diffHas(view->diffText(), QLatin1Char('+'), QStringLiteral("state: SUSPENDED")),
             qPrintable(view->diffText()));
    QVERIFY2(view->diffSummary().contains(QStringLiteral(" by Suspend: ")), qPrintable(view->diffSummary()));

    // A savepoint a user requested a day ago, chosen on the Snapshots tab.
    Snapshot chosen;
    const QJsonObject savepoints
        = m_sandbox->server->vvpPlatform()->listSavepoints(QStringLiteral("default"), analytics.uid, {}).body;
    for (const QJsonObject &o : VvpObjects::items(savepoints)) {
        const Snapshot s = VvpObjects::savepoint(o);
        if (s.isCompleted() && s.trigger == u"USER_REQUEST" && chosen.key.isEmpty())
            chosen = s;
    }
    QVERIFY2(!chosen.key.isEmpty(), "the demo deployment has a savepoint a user requested");
    page->setCurrentTab(DeploymentPage::SnapshotsTab);
    QTRY_VERIFY_WITH_TIMEOUT(page->snapshotModel()->rowOf(chosen.key) >= 0, 10000);
    auto *table = page->findChild<QTableView *>(QStringLiteral("snapshotsTableView"));
    QVERIFY(table);
    auto *proxy = qobject_cast<QAbstractProxyModel *>(table->model());
    QVERIFY(proxy);
    table->selectRow(
        proxy->mapFromSource(page->snapshotModel()->index(page->snapshotModel()->rowOf(chosen.key), 0)).row());
    auto *button = page->findChild<QPushButton *>(QStringLiteral("rollbackToSnapshotButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 10000);
    button->click();
    ActionReviewDialog *review = test::waitForReview(window.get());
    QVERIFY(review);
    QCOMPARE(review->request().kind, ActionKind::RollbackToSnapshot);

    // The savepoint by its id and location, and each step as the session takes it.
    const QString text = review->effectText();
    QVERIFY2(text.startsWith(QStringLiteral("Ververica Platform starts a new job of github-analytics from the "
                                            "savepoint %1 (taken ")
                                 .arg(chosen.key)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("It copies %1 to github-analytics as a savepoint of origin COPIED, then sets "
                                          "the desired state to RUNNING.")
                               .arg(chosen.path)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Restore strategy LATEST_STATE restores the newer of the latest savepoint "
                                          "and the latest retained checkpoint: the copy, made now.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("github-analytics is SUSPENDED now: no job is stopped.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("the platform runs the deployment's current configuration")),
             qPrintable(text));
    // What it writes after the copy: the desired state only.
    QCOMPARE(review->plan().patch, (QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")}}));
    QVERIFY(QTest::qWaitForWindowExposed(review));
    look(review, QStringLiteral("review-start-from-savepoint"));
    test::answerReview(review, false);
    QTRY_VERIFY_WITH_TIMEOUT(!review->isVisible(), 5000);
}

void TestVvpConfiguration::look(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    // Lay out texts that changed in this event-loop round before painting.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(widget->grab().save(dir + QStringLiteral("/vvp-") + name + QStringLiteral(".png")));
    const QStringList clipped = test::clippedTexts(widget);
    const QStringList overlaps = test::overlappingSiblings(widget);
    QVERIFY2(clipped.isEmpty(),
             qPrintable(name + QStringLiteral(": text that does not fit:\n  ") + clipped.join(QStringLiteral("\n  "))));
    QVERIFY2(overlaps.isEmpty(),
             qPrintable(name + QStringLiteral(": overlapping widgets:\n  ") + overlaps.join(QStringLiteral("\n  "))));
}

void TestVvpConfiguration::everyPlatformViewReads_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestVvpConfiguration::everyPlatformViewReads()
{
    QFETCH(bool, dark);
    Preferences preferences = PreferencesStore::instance()->preferences();
    preferences.theme = dark ? ThemeChoice::Dark : ThemeChoice::Light;
    PreferencesStore::instance()->setPreferences(preferences);
    const QString theme = dark ? QStringLiteral("-dark") : QStringLiteral("-light");

    auto window = openPlatform();
    QVERIFY(window);
    window->resize(1280, 820);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const Deployment analytics = openPage(window.get(), QStringLiteral("github-analytics"));
    QVERIFY(!analytics.uid.isEmpty());
    DeploymentPage *page = window->deploymentPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->snapshotModel()->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!page->configurationView()->diffText().startsWith(QStringLiteral("Reading")), 10000);
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("deploymentTabs"));
    QVERIFY(tabs);
    look(window.get(), QStringLiteral("list") + theme);
    if (QTest::currentTestFailed())
        return;
    for (int i = 0; i < tabs->count(); ++i) {
        if (!tabs->isTabVisible(i))
            continue;
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        // "Events (12)" is saved as vvp-tab-events.
        const QString tab = tabs->tabText(i).remove(QLatin1Char('&')).section(QLatin1Char(' '), 0, 0).toLower();
        look(window.get(), QStringLiteral("tab-") + tab + theme);
        if (QTest::currentTestFailed())
            return;
    }

    window->findChild<QAction *>(QStringLiteral("deploymentDefaultsAction"))->trigger();
    DeploymentDefaultsDialog *defaults = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((defaults = window->findChild<DeploymentDefaultsDialog *>()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!defaults->defaults().isEmpty(), 10000);
    QVERIFY(QTest::qWaitForWindowExposed(defaults));
    look(defaults, QStringLiteral("defaults") + theme);
    if (QTest::currentTestFailed())
        return;
    auto *defaultsTabs = defaults->findChild<QTabWidget *>(QStringLiteral("defaultsTabs"));
    QVERIFY(defaultsTabs);
    defaultsTabs->setCurrentIndex(1);
    look(defaults, QStringLiteral("defaults-effective") + theme);
    if (QTest::currentTestFailed())
        return;
    defaults->close();

    window->findChild<QAction *>(QStringLiteral("secretValuesAction"))->trigger();
    SecretValuesDialog *secrets = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((secrets = window->findChild<SecretValuesDialog *>()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!secrets->statusText().startsWith(QStringLiteral("Reading")), 10000);
    QVERIFY(QTest::qWaitForWindowExposed(secrets));
    look(secrets, QStringLiteral("secrets") + theme);
    secrets->close();
}

QTEST_MAIN(TestVvpConfiguration)
#include "tst_vvpconfiguration.moc"
