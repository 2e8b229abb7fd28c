// The first window against the sandbox: the context picker, the live table fed from the backend
// thread, and a disconnected state that never looks live. Screenshots land in the build tree
// (screenshots/) so they can be looked at.

#include "common/sandboxfixture.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"
#include "ui/models/deploymenttablemodel.h"
#include "ui/theme.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/emptylistplaceholder.h"
#include "ui/widgets/messagebanner.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

using namespace capstan;
using capstan::test::SandboxFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsLiveDeployments();
    void staleViewIsMarked();
    void namespacePickerScopesTheList();
    void forbiddenNamespaceListFallsBack();
    void emptyListOffersAWayOut();
    void darkPalette();
    void switchingLeaksNoThread();

private:
    void createOnServer(const QString &name, const QString &ns, int parallelism);
    void saveShot(QWidget *widget, const QString &name);
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestMainWindow::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(0);
    QVERIFY(m_sandbox->started);
    createOnServer(QStringLiteral("github-analytics"), QStringLiteral("default"), 1);
    createOnServer(QStringLiteral("clickstream-sessionizer"), QStringLiteral("flink-jobs"), 4);
    createOnServer(QStringLiteral("fraud-detector"), QStringLiteral("flink-jobs"), 2);
}

void TestMainWindow::createOnServer(const QString &name, const QString &ns, int parallelism)
{
    QVERIFY(m_sandbox->server->store()
                .create(QStringLiteral("flinkdeployments"), ns, SandboxFixture::deployment(name, parallelism))
                .ok());
}

void TestMainWindow::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // texts set just now laid out
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestMainWindow::showsLiveDeployments()
{
    MainWindow window(m_sandbox->kubeConfig(), QString(), QStringLiteral("all"));
    window.show();
    auto *contexts = window.findChild<QComboBox *>(QStringLiteral("contextComboBox"));
    QVERIFY(contexts);
    QCOMPARE(contexts->count(), 4);
    QCOMPARE(contexts->currentText(), QStringLiteral("sandbox")); // the kubeconfig's current context
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), 3, 10000);
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 5000);
    QCOMPARE(indicator->text(), QStringLiteral("Live"));

    // Another client scales a deployment: the row follows.
    const QJsonObject patch{{QStringLiteral("spec"),
                             QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 6}}}}}};
    QVERIFY(m_sandbox->server->store()
                .mergePatch(QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"),
                            QStringLiteral("fraud-detector"), patch)
                .ok());
    auto *table = window.findChild<QTableView *>(QStringLiteral("deploymentTableView"));
    const auto parallelismOf = [table](const QString &name) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, DeploymentTableModel::Name).data().toString() == name)
                return table->model()->index(row, DeploymentTableModel::Parallelism).data().toInt();
        }
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(parallelismOf(QStringLiteral("fraud-detector")), 6, 5000);

    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    QTest::keyClicks(filter, QStringLiteral("flink-jobs"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("deploymentCountLabel"))->text(),
             QStringLiteral("2 of 3 deployment(s)"));
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 3);
    window.resize(1200, 420);
    saveShot(&window, QStringLiteral("mainwindow"));
}

void TestMainWindow::staleViewIsMarked()
{
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"));
    window.show();
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 10000);
    const int rows = window.deploymentModel()->rowCount();
    m_sandbox->server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Reconnecting, 10000);
    QVERIFY(indicator->text().startsWith(QStringLiteral("Disconnected")));
    auto *banner = window.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
    QVERIFY(banner->isVisible());
    QCOMPARE(window.deploymentModel()->rowCount(), rows); // last known state kept, marked stale
    window.resize(1200, 420);
    saveShot(&window, QStringLiteral("mainwindow-disconnected"));

    // While it was down, another client added a deployment: after the restart the view catches up.
    createOnServer(QStringLiteral("late-arrival"), QStringLiteral("default"), 1);
    QString error;
    QVERIFY2(m_sandbox->server->start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), rows + 1, 5000);
    QVERIFY(!banner->isVisible());
}

void TestMainWindow::namespacePickerScopesTheList()
{
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QString());
    window.show();
    // The sandbox context's namespace is "default".
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 1, 10000);
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceComboBox"));
    QTRY_VERIFY_WITH_TIMEOUT(namespaces->findText(QStringLiteral("flink-jobs")) >= 0, 5000);
    QCOMPARE(namespaces->itemText(0), QStringLiteral("All namespaces"));
    for (int row = 0; row < window.deploymentModel()->rowCount(); ++row)
        QCOMPARE(window.deploymentModel()->index(row, DeploymentTableModel::Namespace).data().toString(),
                 QStringLiteral("default"));
    namespaces->setCurrentIndex(namespaces->findText(QStringLiteral("flink-jobs")));
    emit namespaces->activated(namespaces->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), 2, 5000);
    QCOMPARE(window.currentNamespace(), QStringLiteral("flink-jobs"));
    namespaces->setCurrentIndex(0);
    emit namespaces->activated(0);
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 3, 5000);
}

void TestMainWindow::forbiddenNamespaceListFallsBack()
{
    // The read-only user may not list namespaces: the picker offers the context's namespace and
    // accepts a typed one.
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox-readonly"), QString());
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 1, 10000);
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceComboBox"));
    QTRY_VERIFY_WITH_TIMEOUT(!namespaces->toolTip().isEmpty(), 5000);
    QCOMPARE(namespaces->count(), 2); // "All namespaces" and the context's "default"
    QCOMPARE(namespaces->currentText(), QStringLiteral("default"));
    namespaces->lineEdit()->selectAll();
    QTest::keyClicks(namespaces->lineEdit(), QStringLiteral("flink-jobs"));
    QTest::keyClick(namespaces->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentNamespace(), QStringLiteral("flink-jobs"), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), 2, 5000);
    QVERIFY(namespaces->findText(QStringLiteral("flink-jobs")) >= 0);
}

void TestMainWindow::emptyListOffersAWayOut()
{
    // A namespace without deployments, while others hold some.
    const QJsonObject staging{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Namespace")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("staging")}}}};
    m_sandbox->server->store().create(QStringLiteral("namespaces"), QString(), staging);
    MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("staging"));
    window.resize(1200, 420);
    window.show();
    auto *placeholder = window.findChild<EmptyListPlaceholder *>(QStringLiteral("emptyListPlaceholder"));
    QVERIFY(placeholder);
    auto *indicator = window.findChild<ConnectionIndicator *>(QStringLiteral("connectionIndicator"));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), SessionState::Live, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(placeholder->isVisible(), 2000);
    QCOMPARE(placeholder->reason(), EmptyListPlaceholder::Reason::EmptyNamespace);
    QCOMPARE(placeholder->text(), QStringLiteral("No deployments in namespace staging"));
    QPushButton *button = placeholder->button();
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Show all namespaces"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("deploymentTableView"));
    QVERIFY(table->viewport()->rect().contains(placeholder->geometry()));
    saveShot(&window, QStringLiteral("mainwindow-empty-namespace"));

    // One click lists every namespace.
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 3, 10000);
    QCOMPARE(window.currentNamespace(), QString());
    auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceComboBox"));
    QCOMPARE(namespaces->currentText(), QStringLiteral("All namespaces"));
    QVERIFY(!placeholder->isVisible());
    QStringList listed;
    for (int row = 0; row < window.deploymentModel()->rowCount(); ++row)
        listed << window.deploymentModel()->index(row, DeploymentTableModel::Namespace).data().toString();
    QVERIFY(listed.contains(QStringLiteral("default")) && listed.contains(QStringLiteral("flink-jobs")));

    // A filter that matches nothing says so, and offers to clear it.
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    QTest::keyClicks(filter, QStringLiteral("no-such-job"));
    QVERIFY(placeholder->isVisible());
    QCOMPARE(placeholder->reason(), EmptyListPlaceholder::Reason::NoMatch);
    QCOMPARE(placeholder->text(), QStringLiteral("No deployment matches \"no-such-job\""));
    QCOMPARE(button->text(), QStringLiteral("Clear filter"));
    saveShot(&window, QStringLiteral("mainwindow-no-match"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(filter->text().isEmpty());
    QVERIFY(!placeholder->isVisible());
    QVERIFY(table->model()->rowCount() >= 3);
}

void TestMainWindow::darkPalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(Theme::darkPalette());
    {
        MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 3, 10000);
        window.resize(1200, 420);
        saveShot(&window, QStringLiteral("mainwindow-dark"));
        // The empty list's placeholder in the dark palette.
        window.findChild<QLineEdit *>(QStringLiteral("filterLineEdit"))->setText(QStringLiteral("no-such-job"));
        QVERIFY(window.findChild<EmptyListPlaceholder *>(QStringLiteral("emptyListPlaceholder"))->isVisible());
        saveShot(&window, QStringLiteral("mainwindow-no-match-dark"));
    }
    QApplication::setPalette(original);
}

namespace {
// Backend threads alive in this process, by the name Qt gives the OS thread.
int backendThreads()
{
    int count = 0;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "capstan-backend")
            ++count;
    }
    return count;
}
} // namespace

void TestMainWindow::switchingLeaksNoThread()
{
    QTRY_COMPARE_WITH_TIMEOUT(backendThreads(), 0, 5000);
    {
        MainWindow window(m_sandbox->kubeConfig(), QStringLiteral("sandbox"), QStringLiteral("all"));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(backendThreads(), 1, 5000);
        // Deployments, session jobs, blue/green deployments, Warning events, snapshots, the Events of
        // each of the three kinds and the pods of the namespace: nine watches.
        constexpr int kWatches = 9;
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->server->openWatchCount(), kWatches, 5000);
        // An open deployment page gets its Events and snapshots from the session's watches: it
        // opens none of its own, and closing it leaves the session's.
        QVERIFY(window.openDeployment(QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector")));
        QTRY_VERIFY_WITH_TIMEOUT(!window.deploymentPage()->object().isEmpty(), 5000); // its watch runs
        // The server counts a stream until it notices the close: a slow run may briefly see one more.
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->server->openWatchCount(), kWatches, 5000);
        window.findChild<QTableView *>(QStringLiteral("deploymentTableView"))->clearSelection();
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->server->openWatchCount(), kWatches, 5000);
        for (const QString &context :
             {QStringLiteral("sandbox-cert"), QStringLiteral("sandbox-readonly"), QStringLiteral("sandbox")}) {
            window.openContext(context, QStringLiteral("all"));
            QTRY_VERIFY_WITH_TIMEOUT(window.deploymentModel()->rowCount() >= 3, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(backendThreads(), 1, 5000); // the previous context's thread is gone
            QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->server->openWatchCount(), kWatches, 5000); // and its watches
        }
        auto *namespaces = window.findChild<QComboBox *>(QStringLiteral("namespaceComboBox"));
        QTRY_VERIFY_WITH_TIMEOUT(namespaces->findText(QStringLiteral("flink-jobs")) >= 0, 5000);
        namespaces->setCurrentIndex(namespaces->findText(QStringLiteral("flink-jobs")));
        emit namespaces->activated(namespaces->currentIndex());
        QTRY_COMPARE_WITH_TIMEOUT(window.deploymentModel()->rowCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(backendThreads(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->server->openWatchCount(), kWatches, 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(backendThreads(), 0,
                              5000); // Qt threads are detached: the OS thread ends just after wait()
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->server->openWatchCount(), 0, 5000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
