#include "ui/logs/logmodel.h"
#include "ui/logs/logview.h"
#include "ui/theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace capstan;

namespace {

QString record(int n, const char *level, const QString &message)
{
    return QStringLiteral("2026-12-02 20:%1:%2,%3 %4 org.apache.flink.runtime.checkpoint.CheckpointCoordinator [] - %5")
        .arg((n / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(n % 60, 2, 10, QLatin1Char('0'))
        .arg(n % 1000, 3, 10, QLatin1Char('0'))
        .arg(QString::fromLatin1(level).leftJustified(5), message);
}

// A log as Flink writes it, `count` lines from `first`: mostly INFO, some WARN, and every 50th an ERROR
// with a stack trace.
QStringList flinkLines(int first, int count)
{
    QStringList lines;
    for (int n = first; lines.size() < count; ++n) {
        if (n % 50 == 49) {
            lines << record(n, "ERROR", QStringLiteral("Task failed; restarting the job."))
                  << QStringLiteral("java.lang.RuntimeException: Simulated failure %1").arg(n)
                  << QStringLiteral("\tat com.example.StateMachine.processElement(StateMachine.java:88)")
                  << QStringLiteral("\tat org.apache.flink.streaming.runtime.tasks.StreamTask.invoke(StreamTask.java:"
                                    "753)")
                  << QStringLiteral("Caused by: java.io.IOException: Connection reset")
                  << QStringLiteral("\t... 12 more");
        } else if (n % 10 == 5) {
            lines << record(n, "WARN", QStringLiteral("Checkpoint %1 declined: task not ready").arg(n));
        } else {
            lines << record(
                n, "INFO", QStringLiteral("Completed checkpoint %1 for job a3f9c2e1 (%2 bytes).").arg(n).arg(n * 1024));
        }
    }
    return lines.mid(0, count);
}

// A log read in batches through queued signals, as the session delivers them.
class FakeStream : public QObject
{
    Q_OBJECT
public:
    void emitLater(const QStringList &lines)
    {
        QMetaObject::invokeMethod(
            this, [this, lines] { emit batch(lines); }, Qt::QueuedConnection);
    }
signals:
    void batch(const QStringList &lines);
};

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void followsAStream();
    void autoscrollPausesWhenScrolledUp();
    void saysWhenLinesWereDropped();
    void searchLevelsAndFolding();
    void copyAndSave();
    void banners();
    void screenshots_data();
    void screenshots();

private:
    void saveShot(QWidget *widget, const QString &name);
};

void TestLogView::initTestCase()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestLogView::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString suffix
        = qEnvironmentVariable("QT_SCALE_FACTOR") == QLatin1String("2") ? QStringLiteral("-2x") : QString();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + suffix + QStringLiteral(".png")));
}

void TestLogView::followsAStream()
{
    LogView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    FakeStream stream;
    connect(&stream, &FakeStream::batch, &view, &LogView::appendLines);
    QSignalSpy inserted(view.model(), &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 40; ++i)
        stream.emitLater(flinkLines(i * 25, 25));
    QTRY_COMPARE(view.model()->lineCount(), 1000);
    // Batches are merged before they reach the model: far fewer insertions than batches.
    QVERIFY2(inserted.count() < 40, qPrintable(QString::number(inserted.count())));
    QScrollBar *bar = view.listView()->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->maximum() > 0);
    QVERIFY(view.isAutoScrolling());
    auto *status = view.findChild<QLabel *>(QStringLiteral("logStatusLabel"));
    QVERIFY(status->text().contains(QStringLiteral("following")));
    view.setEnded(QStringLiteral("the container ended"));
    QVERIFY(status->text().contains(QStringLiteral("the container ended")));
}

void TestLogView::autoscrollPausesWhenScrolledUp()
{
    LogView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.appendLines(flinkLines(0, 500));
    view.flush();
    QScrollBar *bar = view.listView()->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    auto *jump = view.findChild<QPushButton *>(QStringLiteral("jumpToEndButton"));
    QVERIFY(jump->isHidden());

    bar->setValue(10); // the user scrolls up
    QVERIFY(!view.isAutoScrolling());
    QVERIFY(jump->isVisible());
    view.appendLines(flinkLines(500, 300));
    view.flush();
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 10); // the lines read stay where they are
    QVERIFY(bar->value() < bar->maximum());
    // Lines dropped from the front of the ring move the view with the lines it shows.
    view.model()->setCapacity(700);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);
    QVERIFY(!view.isAutoScrolling());

    QTest::mouseClick(jump, Qt::LeftButton);
    QVERIFY(view.isAutoScrolling());
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(jump->isHidden());
    view.appendLines(flinkLines(800, 100));
    view.flush();
    QTRY_COMPARE(bar->value(), bar->maximum());
    // Scrolling back to the end by hand follows again too.
    bar->setValue(0);
    QVERIFY(!view.isAutoScrolling());
    bar->setValue(bar->maximum());
    QVERIFY(view.isAutoScrolling());
}

void TestLogView::saysWhenLinesWereDropped()
{
    LogView view;
    view.model()->setCapacity(300);
    view.resize(900, 500);
    view.show();
    auto *dropped = view.findChild<QLabel *>(QStringLiteral("droppedLinesLabel"));
    QVERIFY(dropped->isHidden());
    view.appendLines(flinkLines(0, 250));
    view.flush();
    QVERIFY(dropped->isHidden());
    view.appendLines(flinkLines(250, 250));
    view.flush();
    QVERIFY(dropped->isVisible());
    // (The English plural forms come from the catalogue the application installs.)
    QVERIFY2(dropped->text().contains(QStringLiteral("older line"))
                 && dropped->text().contains(QStringLiteral("dropped")),
             qPrintable(dropped->text()));
    QVERIFY(view.model()->lineCount() <= 300);
    view.clear();
    QVERIFY(dropped->isHidden());
}

void TestLogView::searchLevelsAndFolding()
{
    LogView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.appendLines(flinkLines(0, 200));
    view.flush();
    const int all = view.model()->rowCount();

    auto *search = view.findChild<QLineEdit *>(QStringLiteral("logSearchLineEdit"));
    auto *count = view.findChild<QLabel *>(QStringLiteral("matchCountLabel"));
    QTest::keyClicks(search, QStringLiteral("declined"));
    view.findChild<QToolButton *>(QStringLiteral("levelDebugButton"))->setChecked(false);
    QVERIFY2(count->text().startsWith(QStringLiteral("%1 match").arg(view.model()->matchCount())),
             qPrintable(count->text()));
    QVERIFY(view.model()->matchCount() > 1);
    QTest::keyClick(search, Qt::Key_Return);
    const int first = view.listView()->currentIndex().row();
    QVERIFY(view.model()->text(first).contains(QStringLiteral("declined")));
    QCOMPARE(count->text(), QStringLiteral("1 of %1").arg(view.model()->matchCount()));
    QVERIFY(!view.isAutoScrolling()); // a match shown stays shown
    QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("findNextButton")), Qt::LeftButton);
    QVERIFY(view.listView()->currentIndex().row() > first);
    QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("findPreviousButton")), Qt::LeftButton);
    QCOMPARE(view.listView()->currentIndex().row(), first);
    search->clear();

    // Levels: without INFO only WARN and ERROR records (and their traces) stay.
    auto *info = view.findChild<QToolButton *>(QStringLiteral("levelInfoButton"));
    QTest::mouseClick(info, Qt::LeftButton);
    QVERIFY(view.model()->rowCount() < all / 2);
    for (int row = 0; row < view.model()->rowCount(); ++row)
        QVERIFY(view.model()->index(row).data(LogModel::LevelRole).toInt() != int(LogLevel::Info));
    QTest::mouseClick(info, Qt::LeftButton);
    QCOMPARE(view.model()->rowCount(), all);

    // The exception line of the first ERROR is folded; a click in its gutter unfolds it.
    int folded = -1;
    for (int row = 0; row < view.model()->rowCount() && folded < 0; ++row)
        folded = view.model()->isFoldable(row) ? row : -1;
    QVERIFY(folded >= 0);
    QVERIFY(!view.model()->isExpanded(folded));
    view.listView()->scrollTo(view.model()->index(folded));
    const QRect rect = view.listView()->visualRect(view.model()->index(folded));
    QTest::mouseClick(view.listView()->viewport(), Qt::LeftButton, {}, rect.topLeft() + QPoint(4, rect.height() / 2));
    QVERIFY(view.model()->isExpanded(folded));
    QCOMPARE(view.model()->rowCount(), all + 4);
    // Left folds it again from the keyboard.
    view.listView()->setCurrentIndex(view.model()->index(folded));
    QTest::keyClick(view.listView(), Qt::Key_Left);
    QVERIFY(!view.model()->isExpanded(folded));

    auto *wrap = view.findChild<QToolButton *>(QStringLiteral("wrapButton"));
    QTest::mouseClick(wrap, Qt::LeftButton);
    QVERIFY(!view.listView()->uniformItemSizes());
    view.resize(400, 500);
    // A record line (about 130 characters) takes several rows at this width.
    QTRY_VERIFY(view.listView()->visualRect(view.model()->index(0)).height()
                > 2 * view.listView()->fontMetrics().height());
    QTest::mouseClick(wrap, Qt::LeftButton);
    QVERIFY(view.listView()->uniformItemSizes());
}

void TestLogView::copyAndSave()
{
    LogView view;
    const QStringList lines = flinkLines(0, 60);
    view.appendLines(lines);
    view.flush();
    view.listView()->setCurrentIndex(view.model()->index(2));
    view.copy();
    QCOMPARE(QApplication::clipboard()->text(), lines.at(2));
    // The folded trace goes with its exception line.
    int folded = -1;
    for (int row = 0; row < view.model()->rowCount() && folded < 0; ++row)
        folded = view.model()->isFoldable(row) ? row : -1;
    view.listView()->selectionModel()->select(view.model()->index(folded), QItemSelectionModel::ClearAndSelect);
    view.copy();
    QCOMPARE(QApplication::clipboard()->text().count(QLatin1Char('\n')), 4);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("taskmanager.log"));
    QSignalSpy saved(&view, &LogView::saved);
    view.saveTo(path);
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));

    // A file that cannot be written says so.
    view.saveTo(dir.filePath(QStringLiteral("no/such/dir/x.log")));
    QVERIFY(saved.wait(5000));
    QVERIFY(!saved.last().at(1).toString().isEmpty());
}

void TestLogView::banners()
{
    LogView view;
    view.show();
    auto *banner = view.findChild<QWidget *>(QStringLiteral("logSourceBanner"));
    QVERIFY(banner->isHidden());
    view.setSourceNote(QStringLiteral("Shown from Flink REST (/jobmanager/log): pods/log is forbidden."));
    QVERIFY(banner->isVisible());
    view.setSourceNote({});
    QVERIFY(banner->isHidden());
    view.setUnavailable(QStringLiteral("You may not read this log: the permission get pods/log is missing."));
    QVERIFY(banner->isVisible());

    // Previous container: only when there was one; a previous log is not followed.
    auto *previous = view.findChild<QCheckBox *>(QStringLiteral("previousContainerCheckBox"));
    QVERIFY(!previous->isEnabled());
    view.setPreviousAvailable(true);
    QSignalSpy reload(&view, &LogView::reloadRequested);
    previous->setChecked(true);
    QCOMPARE(reload.count(), 1);
    QVERIFY(view.previous());
    QVERIFY(!view.follow());
}

void TestLogView::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestLogView::screenshots()
{
    QFETCH(bool, dark);
    Theme::apply(dark ? ThemeChoice::Dark : ThemeChoice::Light);
    LogView view;
    view.setWindowTitle(QStringLiteral("github-analytics-taskmanager-1-1"));
    view.setContainers({QStringLiteral("flink-main-container"), QStringLiteral("log-shipper")},
                       QStringLiteral("flink-main-container"));
    view.setPreviousAvailable(true);
    view.resize(1100, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSourceNote(QStringLiteral("Shown from Flink REST (/taskmanagers/github-analytics-taskmanager-1-1/log), not "
                                      "followed: pods/log is forbidden."));
    view.model()->setCapacity(400);
    view.appendLines(flinkLines(0, 420));
    view.flush();
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("logSearchLineEdit"));
    QTest::keyClicks(search, QStringLiteral("declined"));
    view.findChild<QToolButton *>(QStringLiteral("levelDebugButton"))->setChecked(false);
    // One trace unfolded, one folded, the view scrolled up from the end.
    int foldable = -1;
    for (int row = view.model()->rowCount() - 1; row >= 0 && foldable < 0; --row)
        foldable = view.model()->isFoldable(row) ? row : -1;
    QVERIFY(foldable > 0);
    view.model()->setExpanded(foldable, true);
    view.listView()->scrollTo(view.model()->index(foldable), QAbstractItemView::PositionAtCenter);
    QVERIFY(!view.isAutoScrolling());
    QCoreApplication::processEvents();
    saveShot(&view, dark ? QStringLiteral("logview-dark") : QStringLiteral("logview"));
    Theme::apply(ThemeChoice::Light);
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
