// The Fleet view over several sandbox clusters at once: two that answer, one where the user may not list
// FlinkDeployments (403), one that is out of reach (a closed port) and one whose credentials need a person.
// Every row of the good ones is listed with its context, the others say why they are not, a change in one
// cluster reaches the fleet, and activating a row opens that deployment's page in its context.

#include "common/sandboxfixture.h"
#include "common/temporarysettings.h"
#include "secrets/secretstore.h"
#include "session/sessionhost.h"
#include "ui/deploymentpage.h"
#include "ui/fleet/fleetmodel.h"
#include "ui/fleet/fleetsessions.h"
#include "ui/fleet/fleetview.h"
#include "ui/mainwindow.h"
#include "ui/preferencesstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;
using capstan::test::TemporarySettings;

class TestFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void listsEveryContext();
    void changesReachTheFleet();
    void openingARowOpensItsPage();
    void reconnectingKeepsTheLastKnownRows();
    void watchedContextsArePersisted();
    void oneNamespaceWhenAllAreRefused();
    void tokenGivenInCapstanSignsIn();
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<MainWindow> openWindow();
    FleetView *showFleet(MainWindow *window);
    QHash<QString, int> rowsByContext(const FleetModel *model) const;
    void saveShot(QWidget *widget, const QString &name);

    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<SandboxFixture> m_prod; // the demo set
    std::unique_ptr<SandboxFixture> m_staging; // generated deployments
    std::unique_ptr<SandboxFixture> m_restricted; // its user has a RoleBinding in one namespace
    QTemporaryDir m_dir;
    KubeConfig m_config;
    QByteArray m_teamYaml;
    quint16 m_closedPort = 0;
};

void TestFleet::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
    m_prod = std::make_unique<SandboxFixture>(-1);
    m_staging = std::make_unique<SandboxFixture>(6);
    m_restricted = std::make_unique<SandboxFixture>(3);
    QVERIFY(m_prod->started && m_staging->started && m_restricted->started);
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_closedPort = probe.serverPort();
    }

    QByteArray yaml = "apiVersion: v1\nkind: Config\nclusters:\n";
    const auto cluster = [&yaml](const char *name, const QString &server, const QByteArray &ca) {
        yaml += QByteArray("- name: ") + name + "\n  cluster:\n    server: " + server.toUtf8()
            + "\n    certificate-authority-data: " + ca.toBase64() + "\n";
    };
    cluster("prod-eu", m_prod->server->serverUrl(), m_prod->server->caCertificatePem());
    cluster("staging", m_staging->server->serverUrl(), m_staging->server->caCertificatePem());
    cluster("restricted", m_restricted->server->serverUrl(), m_restricted->server->caCertificatePem());
    cluster("offline", QStringLiteral("https://127.0.0.1:%1").arg(m_closedPort), m_prod->server->caCertificatePem());
    yaml += "users:\n";
    yaml += "- name: prod-admin\n  user:\n    token: " + m_prod->server->adminToken().toUtf8() + "\n";
    yaml += "- name: staging-admin\n  user:\n    token: " + m_staging->server->adminToken().toUtf8() + "\n";
    // A user whose RoleBinding is in one namespace: the server refuses its list across namespaces.
    yaml += "- name: restricted-team\n  user:\n    token: " + m_restricted->server->teamToken().toUtf8() + "\n";
    yaml += "- name: sso\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
            "      command: /bin/true\n      interactiveMode: Always\n";
    yaml += "contexts:\n";
    for (const auto &[context, clusterName, user] :
         {std::tuple{"prod-eu", "prod-eu", "prod-admin"}, std::tuple{"staging", "staging", "staging-admin"},
          std::tuple{"restricted", "restricted", "restricted-team"}, std::tuple{"offline", "offline", "prod-admin"},
          std::tuple{"sso", "prod-eu", "sso"}}) {
        yaml += QByteArray("- name: ") + context + "\n  context:\n    cluster: " + clusterName + "\n    user: " + user
            + "\n    namespace: default\n";
    }
    yaml += "current-context: prod-eu\n";
    // The same user in the namespace its RoleBinding is in: the fleet watches that one namespace.
    m_teamYaml = yaml;
    m_teamYaml.replace("current-context: prod-eu\n",
                       "- name: team\n  context:\n    cluster: restricted\n    user: restricted-team\n"
                       "    namespace: flink-jobs\ncurrent-context: team\n");
    const QString path = m_dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(yaml);
    file.close();
    const auto config = KubeConfigLoader::load({path, QString(), QString()});
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    m_config = config.value();
    QCOMPARE(m_config.contexts.size(), 5);
}

void TestFleet::init()
{
    QSettings().remove(QStringLiteral("fleet/contexts")); // every context watched
}

void TestFleet::cleanupTestCase()
{
    m_prod.reset();
    m_staging.reset();
    m_restricted.reset();
}

std::unique_ptr<MainWindow> TestFleet::openWindow()
{
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.informer.batchIntervalMs = 50;
    options.informer.backoffInitialMs = 200;
    auto window = std::make_unique<MainWindow>(m_config, QStringLiteral("prod-eu"), QStringLiteral("all"), options);
    window->resize(1500, 950);
    window->show();
    return window;
}

FleetView *TestFleet::showFleet(MainWindow *window)
{
    auto *action = window->findChild<QAction *>(QStringLiteral("fleetAction"));
    if (!action)
        return nullptr;
    // View ▸ Fleet, by its key.
    window->activateWindow();
    if (!action->isChecked()) // the last window's layout may have shown it already
        action->trigger();
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("fleetDock"));
    return dock && dock->isVisible() ? window->fleetView() : nullptr;
}

QHash<QString, int> TestFleet::rowsByContext(const FleetModel *model) const
{
    QHash<QString, int> rows;
    for (const FleetRow &row : model->rows())
        ++rows[row.context];
    return rows;
}

void TestFleet::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestFleet::listsEveryContext()
{
    auto window = openWindow();
    QVERIFY(!window->fleetView()->sessions()); // nothing watched before the Fleet is first shown
    FleetView *view = showFleet(window.get());
    QVERIFY(view);
    FleetSessions *sessions = view->sessions();
    QVERIFY(sessions);
    QCOMPARE(sessions->contexts(),
             QStringList({QStringLiteral("prod-eu"), QStringLiteral("staging"), QStringLiteral("restricted"),
                          QStringLiteral("offline"), QStringLiteral("sso")}));
    FleetModel *model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const int prodRows = m_prod->listedCount();
    const int stagingRows = m_staging->listedCount();
    QVERIFY(prodRows >= 3);
    QCOMPARE(stagingRows, 6);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), prodRows + stagingRows, 15000);
    const QHash<QString, int> rows = rowsByContext(model);
    QCOMPARE(rows.value(QStringLiteral("prod-eu")), prodRows);
    QCOMPARE(rows.value(QStringLiteral("staging")), stagingRows);
    // Every row carries its context in the first column, and the deployment's own columns after it.
    for (const FleetRow &row : model->rows()) {
        const int r = model->rowOf(row.key);
        QCOMPARE(model->index(r, FleetModel::Context).data().toString(), row.context);
        QCOMPARE(model->index(r, FleetModel::fleetColumn(DeploymentTableModel::Name)).data().toString(),
                 row.deployment.name);
    }
    QCOMPARE(model->headerData(FleetModel::Context, Qt::Horizontal).toString(), QStringLiteral("Context"));
    QCOMPARE(model->headerData(FleetModel::fleetColumn(DeploymentTableModel::State), Qt::Horizontal).toString(),
             QStringLiteral("State"));

    // The good ones are live although the others fail, each for its own reason.
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("prod-eu")), FleetSessions::Status::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("staging")), FleetSessions::Status::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("restricted")), FleetSessions::Status::Forbidden, 10000);
    QVERIFY(sessions->forbidden(QStringLiteral("restricted")));
    QCOMPARE(sessions->error(QStringLiteral("restricted")).httpStatus, 403);
    QVERIFY2(sessions->reason(QStringLiteral("restricted")).contains(QStringLiteral("cannot list resource")),
             qPrintable(sessions->reason(QStringLiteral("restricted"))));
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("offline")), FleetSessions::Status::Unreachable, 10000);
    QVERIFY(!sessions->reason(QStringLiteral("offline")).isEmpty());
    QCOMPARE(sessions->status(QStringLiteral("sso")), FleetSessions::Status::SignInRequired);
    QVERIFY2(sessions->reason(QStringLiteral("sso")).contains(QStringLiteral("credential plugin “true”")),
             qPrintable(sessions->reason(QStringLiteral("sso"))));
    QVERIFY(sessions->stateSince(QStringLiteral("prod-eu")).isValid());

    // The strip: counts of the live ones, the reason of the others.
    const FleetModel::Counts staging = model->counts(QStringLiteral("staging"));
    QCOMPARE(staging.total, stagingRows);
    QVERIFY(staging.running > 0);
    QTRY_VERIFY2_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral("staging: %1 running").arg(staging.running)),
                              qPrintable(view->summaryText()), 5000);
    // The strip follows the states within its coalescing interval.
    for (const QString &expected :
         {QStringLiteral("prod-eu: %1 running").arg(model->counts(QStringLiteral("prod-eu")).running),
          QStringLiteral("restricted: forbidden ("), QStringLiteral("offline: unreachable (Connection refused)"),
          QStringLiteral("sso: needs sign-in (")}) {
        QTRY_VERIFY2_WITH_TIMEOUT(view->summaryText().contains(expected),
                                  qPrintable(expected + QStringLiteral(" in ") + view->summaryText()), 5000);
    }
    // The sign-in context was never started: one backend thread per started context, plus the window's.
    int backends = 0;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "capstan-backend")
            ++backends;
    }
    QCOMPARE(backends, 1 + 4);

    // One context at a time, and the filter over all of them.
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->table()->model());
    QVERIFY(proxy);
    QCOMPARE(proxy->rowCount(), model->rowCount());
    auto *contextCombo = view->findChild<QComboBox *>(QStringLiteral("fleetContextComboBox"));
    contextCombo->setCurrentIndex(contextCombo->findData(QStringLiteral("staging")));
    QCOMPARE(proxy->rowCount(), stagingRows);
    contextCombo->setCurrentIndex(0);
    QTest::keyClicks(view->findChild<QLineEdit *>(QStringLiteral("fleetFilterLineEdit")), QStringLiteral("prod-eu"));
    QCOMPARE(proxy->rowCount(), prodRows);
    view->findChild<QLineEdit *>(QStringLiteral("fleetFilterLineEdit"))->clear();
    QCOMPARE(proxy->rowCount(), model->rowCount());
}

void TestFleet::changesReachTheFleet()
{
    auto window = openWindow();
    FleetView *view = showFleet(window.get());
    QVERIFY(view);
    FleetModel *model = view->model();
    const int stagingRows = m_staging->listedCount();
    QTRY_COMPARE_WITH_TIMEOUT(rowsByContext(model).value(QStringLiteral("staging")), stagingRows, 15000);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    const int failingBefore = model->counts(QStringLiteral("staging")).failing;

    // A new deployment in one cluster appears under that cluster's context only.
    const auto created
        = m_staging->server->store().create(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                                            SandboxFixture::deployment(QStringLiteral("fleet-arrival")));
    QVERIFY(created.ok());
    const auto arrived = [model] {
        for (const FleetRow &row : model->rows()) {
            if (row.deployment.name == QLatin1String("fleet-arrival"))
                return row.context;
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(arrived(), QStringLiteral("staging"), 10000);
    QVERIFY(!inserted.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(model->counts(QStringLiteral("staging")).total, stagingRows + 1, 5000);

    // A change of its status, then its removal.
    const QString uid = created.object.value(u"metadata").toObject().value(u"uid").toString();
    QVERIFY(m_staging->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("default"),
                            QStringLiteral("fleet-arrival"),
                            QJsonObject{{QStringLiteral("status"),
                                         QJsonObject{{QStringLiteral("jobStatus"),
                                                      QJsonObject{{QStringLiteral("state"), QStringLiteral("FAILED")}}},
                                                     {QStringLiteral("lifecycleState"), QStringLiteral("FAILED")}}}},
                            [] {
                                sandbox::WriteOptions options;
                                options.subresource = sandbox::Subresource::Status;
                                return options;
                            }())
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(model->find(QStringLiteral("staging"), uid)
                                  ? model->find(QStringLiteral("staging"), uid)->deployment.jobState
                                  : QString(),
                              QStringLiteral("FAILED"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->counts(QStringLiteral("staging")).failing, failingBefore + 1, 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral("%1 failing").arg(failingBefore + 1)),
                              qPrintable(view->summaryText()), 5000);
    QVERIFY(m_staging->server->store()
                .remove(QStringLiteral("flinkdeployments"), QStringLiteral("default"), QStringLiteral("fleet-arrival"))
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(!model->find(QStringLiteral("staging"), uid), 10000);
    QCOMPARE(rowsByContext(model).value(QStringLiteral("staging")), stagingRows);
}

void TestFleet::openingARowOpensItsPage()
{
    auto window = openWindow();
    FleetView *view = showFleet(window.get());
    QVERIFY(view);
    const int stagingRows = m_staging->listedCount();
    QTRY_COMPARE_WITH_TIMEOUT(rowsByContext(view->model()).value(QStringLiteral("staging")), stagingRows, 15000);
    QCOMPARE(window->currentContext(), QStringLiteral("prod-eu"));

    // A staging deployment, chosen in the table and opened with Enter.
    QTableView *table = view->table();
    QAbstractItemModel *proxy = table->model();
    int row = -1;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, FleetModel::Context).data(FleetModel::ContextRole).toString() == QLatin1String("staging"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QString name = proxy->index(row, 0).data(FleetModel::NameRole).toString();
    const QString uid = proxy->index(row, 0).data(FleetModel::UidRole).toString();
    QSignalSpy requested(view, &FleetView::openRequested);
    table->setFocus();
    table->setCurrentIndex(proxy->index(row, FleetModel::fleetColumn(DeploymentTableModel::Name)));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("staging"));
    QCOMPARE(requested.first().at(2).toString(), name);

    QTRY_COMPARE_WITH_TIMEOUT(window->currentContext(), QStringLiteral("staging"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window->deploymentPage()->uid(), uid, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->deploymentPage()->object().isEmpty(), 10000);
    QVERIFY(window->deploymentPage()->isVisible());
    // The fleet keeps watching every context meanwhile.
    QCOMPARE(view->sessions()->status(QStringLiteral("prod-eu")), FleetSessions::Status::Live);

    // Back in prod-eu from its row, by double-click.
    int prodRow = -1;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, FleetModel::Context).data(FleetModel::ContextRole).toString() == QLatin1String("prod-eu"))
            prodRow = r;
    }
    QVERIFY(prodRow >= 0);
    const QString prodUid = proxy->index(prodRow, 0).data(FleetModel::UidRole).toString();
    table->scrollTo(proxy->index(prodRow, 0));
    const QPoint center
        = table->visualRect(proxy->index(prodRow, FleetModel::fleetColumn(DeploymentTableModel::Name))).center();
    QVERIFY2(table->viewport()->rect().contains(center),
             qPrintable(QStringLiteral("%1,%2 outside %3x%4")
                            .arg(center.x())
                            .arg(center.y())
                            .arg(table->viewport()->width())
                            .arg(table->viewport()->height())));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(requested.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(window->currentContext(), QStringLiteral("prod-eu"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window->deploymentPage()->uid(), prodUid, 15000);
}

void TestFleet::reconnectingKeepsTheLastKnownRows()
{
    auto window = openWindow();
    FleetView *view = showFleet(window.get());
    QVERIFY(view);
    FleetSessions *sessions = view->sessions();
    FleetModel *model = view->model();
    const int stagingRows = m_staging->listedCount();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("staging")), FleetSessions::Status::Live, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rowsByContext(model).value(QStringLiteral("staging")), stagingRows, 5000);
    const auto stagingRow = [model] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->at(row).context == QLatin1String("staging"))
                return row;
        }
        return -1;
    };
    QVERIFY(!model->index(stagingRow(), FleetModel::Context).data(Qt::ForegroundRole).isValid());

    // The cluster goes away for a while: its rows stay, dimmed, and the strip says so.
    m_staging->server->stop();
    const auto restart = qScopeGuard([this] {
        if (!m_staging->server->isRunning())
            m_staging->server->restart();
    });
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("staging")), FleetSessions::Status::Reconnecting, 15000);
    QCOMPARE(rowsByContext(model).value(QStringLiteral("staging")), stagingRows);
    QVERIFY(model->index(stagingRow(), FleetModel::Context).data(Qt::ForegroundRole).isValid());
    QTRY_VERIFY2_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral("staging: reconnecting (")),
                              qPrintable(view->summaryText()), 5000);
    QVERIFY2(view->summaryText().contains(QStringLiteral("%1 deployment(s) last known").arg(stagingRows)),
             qPrintable(view->summaryText()));
    // The others are not held up.
    QCOMPARE(sessions->status(QStringLiteral("prod-eu")), FleetSessions::Status::Live);

    QVERIFY(m_staging->server->restart());
    QTRY_COMPARE_WITH_TIMEOUT(sessions->status(QStringLiteral("staging")), FleetSessions::Status::Live, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->index(stagingRow(), FleetModel::Context).data(Qt::ForegroundRole).isValid(), 5000);
    QCOMPARE(rowsByContext(model).value(QStringLiteral("staging")), stagingRows);
}

void TestFleet::watchedContextsArePersisted()
{
    {
        auto window = openWindow();
        FleetView *view = showFleet(window.get());
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 15000);
        auto *button = view->findChild<QPushButton *>(QStringLiteral("fleetContextsButton"));
        QVERIFY(button && button->menu());
        QAction *offline = nullptr;
        for (QAction *action : button->menu()->actions()) {
            if (action->text() == QLatin1String("offline"))
                offline = action;
        }
        QVERIFY(offline && offline->isChecked());
        offline->trigger(); // unchecks: no longer watched
        QVERIFY(!view->sessions()->contexts().contains(QStringLiteral("offline")));
        QTRY_VERIFY_WITH_TIMEOUT(!view->summaryText().contains(QStringLiteral("offline:")), 2000);
        // Dropping prod-eu takes its rows with it.
        for (QAction *action : button->menu()->actions()) {
            if (action->text() == QLatin1String("prod-eu"))
                action->trigger();
        }
        QCOMPARE(rowsByContext(view->model()).value(QStringLiteral("prod-eu")), 0);
        QVERIFY(view->model()->rowCount() > 0);
    }
    QCOMPARE(QSettings().value(QStringLiteral("fleet/contexts")).toStringList(),
             QStringList({QStringLiteral("staging"), QStringLiteral("restricted"), QStringLiteral("sso")}));
    QCOMPARE(FleetSessions::watchedContexts(m_config),
             QStringList({QStringLiteral("staging"), QStringLiteral("restricted"), QStringLiteral("sso")}));
    QSettings().remove(QStringLiteral("fleet/contexts"));
    QCOMPARE(FleetSessions::watchedContexts(m_config).size(), 5);
}

void TestFleet::oneNamespaceWhenAllAreRefused()
{
    const auto config = KubeConfigLoader::parse(m_teamYaml, m_dir.filePath(QStringLiteral("team.yaml")));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.informer.batchIntervalMs = 50;
    FleetSessions sessions(config.value(), options);
    FleetView view;
    view.setSessions(&sessions);
    sessions.setContexts({QStringLiteral("team"), QStringLiteral("restricted")});

    // Refused across namespaces, it lists the context's namespace, where its RoleBinding is.
    const QJsonArray items = m_restricted->server->store()
                                 .list(QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"))
                                 .object.value(QLatin1String("items"))
                                 .toArray();
    QVERIFY(!items.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(sessions.status(QStringLiteral("team")), FleetSessions::Status::Live, 15000);
    QCOMPARE(sessions.onlyNamespace(QStringLiteral("team")), QStringLiteral("flink-jobs"));
    QTRY_COMPARE_WITH_TIMEOUT(rowsByContext(view.model()).value(QStringLiteral("team")), int(items.size()), 10000);
    for (const FleetRow &row : view.model()->rows())
        QCOMPARE(row.deployment.ns, QStringLiteral("flink-jobs"));
    QTRY_VERIFY2_WITH_TIMEOUT(view.summaryText().contains(QStringLiteral("(namespace flink-jobs only)")),
                              qPrintable(view.summaryText()), 5000);

    // The same user in a namespace it has no binding in: forbidden, and the reason says where.
    QTRY_COMPARE_WITH_TIMEOUT(sessions.status(QStringLiteral("restricted")), FleetSessions::Status::Forbidden, 15000);
    QCOMPARE(sessions.onlyNamespace(QStringLiteral("restricted")), QStringLiteral("default"));
    QVERIFY2(sessions.reason(QStringLiteral("restricted")).contains(QStringLiteral("in the namespace \"default\"")),
             qPrintable(sessions.reason(QStringLiteral("restricted"))));
    QTRY_VERIFY2_WITH_TIMEOUT(
        view.summaryText().contains(QStringLiteral("may not list FlinkDeployments in namespace default either")),
        qPrintable(view.summaryText()), 5000);
}

void TestFleet::tokenGivenInCapstanSignsIn()
{
    // A context whose kubeconfig user has no credentials: the user signs in with a token in Capstan.
    QByteArray yaml = m_teamYaml;
    yaml.replace("current-context: team\n",
                 "- name: tokenless\n  context:\n    cluster: prod-eu\n    user: nobody\n"
                 "current-context: tokenless\n");
    yaml.replace("users:\n", "users:\n- name: nobody\n  user: {}\n");
    const auto config = KubeConfigLoader::parse(yaml, m_dir.filePath(QStringLiteral("tokenless.yaml")));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    SessionOptions options;
    options.historyPath = QStringLiteral("-");
    options.informer.batchIntervalMs = 50;
    const QString context = QStringLiteral("tokenless");
    const int prodRows = m_prod->listedCount();
    {
        FleetSessions sessions(config.value(), options);
        FleetView view;
        view.setSessions(&sessions);
        sessions.setContexts({context});
        QCOMPARE(sessions.status(context), FleetSessions::Status::SignInRequired);
        // File ▸ Connect with Token… in a window tells the fleet.
        sessions.useToken(context, m_prod->server->adminToken());
        QTRY_COMPARE_WITH_TIMEOUT(sessions.status(context), FleetSessions::Status::Live, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), prodRows, 10000);
    }
    // Kept in the keychain, it signs the fleet in at its next start.
    bool stored = false;
    SecretStore::shared()->write(SecretStore::contextTokenKey(context), m_prod->server->adminToken(), this,
                                 [&stored](const Error &) { stored = true; });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 10000);
    const auto forget
        = qScopeGuard([&] { SecretStore::shared()->write(SecretStore::contextTokenKey(context), QString(), this); });
    FleetSessions sessions(config.value(), options);
    sessions.setContexts({context});
    QTRY_COMPARE_WITH_TIMEOUT(sessions.status(context), FleetSessions::Status::Live, 15000);
}

void TestFleet::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestFleet::screenshots()
{
    QFETCH(bool, dark);
    Preferences preferences;
    preferences.theme = dark ? ThemeChoice::Dark : ThemeChoice::Light;
    PreferencesStore::instance()->setPreferences(preferences);
    auto window = openWindow();
    FleetView *view = showFleet(window.get());
    QVERIFY(view);
    const int expected = m_prod->listedCount() + m_staging->listedCount();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), expected, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(view->sessions()->status(QStringLiteral("offline")), FleetSessions::Status::Unreachable,
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(view->sessions()->status(QStringLiteral("restricted")), FleetSessions::Status::Forbidden,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral("offline: unreachable (")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral("restricted: forbidden (")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral(" running")), 5000);
    // Docked in the window as it opens from View ▸ Fleet, then on its own.
    saveShot(window.get(), dark ? QStringLiteral("fleet-window-dark") : QStringLiteral("fleet-window"));
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("fleetDock"));
    dock->setFloating(true);
    dock->resize(1400, 620);
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    saveShot(view, dark ? QStringLiteral("fleet-view-dark") : QStringLiteral("fleet-view"));
    dock->setFloating(false);
}

QTEST_MAIN(TestFleet)
#include "tst_fleet.moc"
