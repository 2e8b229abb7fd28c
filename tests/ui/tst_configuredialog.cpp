#include "ui/backgroundpool.h"
#include "ui/configure/configurereviewpage.h"
#include "ui/configuredialog.h"
#include "ui/theme.h"

#include <algorithm>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QThreadPool>

#include "flink/specdiff.h"
#include "ui/deploymenttemplates.h"
#include "ui/widgets/argumentlisteditor.h"
#include "ui/widgets/flinkconfigtable.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/yamldiffview.h"

using namespace capstan;

namespace {

QJsonObject readJson(const QString &name)
{
    QFile file(QStringLiteral(CAPSTAN_TEST_DATA_DIR "/configuredialog/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The reference scenario's deployment (DESIGN §1): parallelism 1, savepoint upgrades.
QJsonObject githubAnalytics()
{
    return readJson(QStringLiteral("github-analytics.json"));
}

// The part of the FlinkDeployment CRD schema the dialog looks at, as the API server serves it.
QJsonObject flinkDeploymentSchema()
{
    return readJson(QStringLiteral("flinkdeployment-schema.json"));
}

template <typename T>
T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no child %s", name);
    return widget;
}

} // namespace

class TestConfigureDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensWithoutChanges();
    void formYamlRoundTrip();
    void yamlSyntaxErrorBlocks();
    void schemaErrorListed();
    void largeDocumentIsCheckedInTheBackground();
    void checksDisableApply();
    void kubernetesHaSwitch();
    void reviewSentenceForRescaleInSavepointMode();
    void reviewSentences_data();
    void reviewSentences();
    void rescaleWarnsOfAnActiveAutoscaler();
    void applyEmitsRequest();
    void succeededAccepts();
    void sentButUnsuccessfulIsNotAppliedAgain();
    void invalidPutsCausesOnFields();
    void conflictShowsServerChangeAndReappliesOnTop();
    void conflictDiscard();
    void createFromTemplate_data();
    void createFromTemplate();
    void schemaArrivesLater();
    void screenshots_data();
    void screenshots();

private:
    QString m_screenshotDir;
};

void TestConfigureDialog::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_screenshotDir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(m_screenshotDir));
}

void TestConfigureDialog::opensWithoutChanges()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.setSchema(flinkDeploymentSchema());
    QCOMPARE(dialog.size(), QSize(900, 700));
    QCOMPARE(dialog.editedSpec(), githubAnalytics().value(QLatin1String("spec")).toObject());
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
    QCOMPARE(child<QSpinBox>(&dialog, "parallelismSpinBox")->value(), 1);
    QCOMPARE(child<QComboBox>(&dialog, "upgradeModeComboBox")->currentData().toString(), QStringLiteral("savepoint"));
    QCOMPARE(child<ArgumentListEditor>(&dialog, "argumentsEditor")->arguments(),
             (QStringList{QStringLiteral("--input"), QStringLiteral("events")}));
    QCOMPARE(child<QComboBox>(&dialog, "flinkVersionComboBox")->currentData().toString(), QStringLiteral("v1_20"));
    QVERIFY(!child<QLabel>(&dialog, "upgradeModeExplanationLabel")->text().isEmpty());
    // Nothing changed: Next leads to a review that has nothing to apply.
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Review);
    QCOMPARE(child<QLabel>(&dialog, "reviewSentenceLabel")->text(), QStringLiteral("Nothing to apply."));
    QVERIFY(!apply->isEnabled());
    // Every input has an accessible name.
    const QList<QWidget *> inputs = dialog.findChildren<QWidget *>();
    for (QWidget *w : inputs) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QPlainTextEdit *>(w)) {
            if (w->objectName() == QLatin1String("qt_spinbox_lineedit"))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }
}

void TestConfigureDialog::formYamlRoundTrip()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.setSchema(flinkDeploymentSchema());
    dialog.show();
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(3);
    child<ArgumentListEditor>(&dialog, "argumentsEditor")->addArgument(QStringLiteral("--enable-new-feature"), false);
    child<QLineEdit>(&dialog, "entryClassEdit")->setText(QStringLiteral("com.example.Main"));

    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    auto *yaml = child<QPlainTextEdit>(&dialog, "yamlEditor");
    QString text = yaml->toPlainText();
    QVERIFY2(text.contains(QLatin1String("parallelism: 3")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("entryClass: com.example.Main")));
    QVERIFY(text.contains(QLatin1String("- --enable-new-feature")));
    // The untouched configuration keeps its types.
    QVERIFY(text.contains(QLatin1String("taskmanager.numberOfTaskSlots: 2")));

    text.replace(QLatin1String("parallelism: 3"), QLatin1String("parallelism: 5"));
    text.replace(QLatin1String("image: flink:1.20"), QLatin1String("image: flink:1.20.1"));
    yaml->setPlainText(text);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Form));
    QCOMPARE(child<QSpinBox>(&dialog, "parallelismSpinBox")->value(), 5);
    QCOMPARE(child<QLineEdit>(&dialog, "imageEdit")->text(), QStringLiteral("flink:1.20.1"));
    QCOMPARE(child<QLineEdit>(&dialog, "entryClassEdit")->text(), QStringLiteral("com.example.Main"));
    QCOMPARE(child<ArgumentListEditor>(&dialog, "argumentsEditor")->arguments().last(),
             QStringLiteral("--enable-new-feature"));

    QJsonObject expected = githubAnalytics().value(QLatin1String("spec")).toObject();
    QJsonObject job = expected.value(QLatin1String("job")).toObject();
    job.insert(QStringLiteral("parallelism"), 5);
    job.insert(QStringLiteral("entryClass"), QStringLiteral("com.example.Main"));
    job.insert(QStringLiteral("args"),
               QJsonArray{QStringLiteral("--input"), QStringLiteral("events"), QStringLiteral("--enable-new-feature")});
    expected.insert(QStringLiteral("job"), job);
    expected.insert(QStringLiteral("image"), QStringLiteral("flink:1.20.1"));
    QCOMPARE(dialog.editedSpec(), expected);

    // Back to YAML: the text is the user's (no rewrite), and a form edit shows up there.
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(6);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    QVERIFY(yaml->toPlainText().contains(QLatin1String("parallelism: 6")));
    QVERIFY(yaml->toPlainText().contains(QLatin1String("image: flink:1.20.1")));
}

void TestConfigureDialog::yamlSyntaxErrorBlocks()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    auto *yaml = child<QPlainTextEdit>(&dialog, "yamlEditor");
    yaml->setPlainText(QStringLiteral("job:\n  parallelism: 2\n upgradeMode: savepoint\nimage: flink:1.20\n"));
    QVERIFY(!dialog.setCurrentPage(ConfigureDialog::Page::Form));
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Yaml);
    auto *errors = child<QListWidget>(&dialog, "yamlErrorList");
    QCOMPARE(errors->count(), 1);
    QVERIFY2(errors->item(0)->text().startsWith(QLatin1String("Line 3, column 2: ")),
             qPrintable(errors->item(0)->text()));
    QVERIFY(!child<QPushButton>(&dialog, "applyButton")->isEnabled());
    auto *banner = child<MessageBanner>(&dialog, "configureBanner");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("line 3, column 2")));
    QVERIFY(!dialog.problems().isEmpty());
    // The Review page is blocked too, and the spec did not change.
    QVERIFY(!dialog.setCurrentPage(ConfigureDialog::Page::Review));
    QCOMPARE(dialog.editedSpec(), githubAnalytics().value(QLatin1String("spec")).toObject());

    // Fixing it unblocks.
    yaml->setPlainText(QStringLiteral("job:\n  parallelism: 2\n  upgradeMode: savepoint\n"));
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Form));
    QVERIFY(!banner->isVisible());
    QCOMPARE(child<QSpinBox>(&dialog, "parallelismSpinBox")->value(), 2);
}

void TestConfigureDialog::schemaErrorListed()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.setSchema(flinkDeploymentSchema());
    dialog.show();
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    auto *yaml = child<QPlainTextEdit>(&dialog, "yamlEditor");
    QString text = yaml->toPlainText();
    QVERIFY(text.contains(QLatin1String("upgradeMode: savepoint")));
    text.replace(QLatin1String("upgradeMode: savepoint"), QLatin1String("upgradeMode: foo"));
    text.replace(QLatin1String("parallelism: 1"), QLatin1String("paralelism: 1"));
    yaml->setPlainText(text);

    auto *errors = child<QListWidget>(&dialog, "yamlErrorList");
    QTRY_VERIFY(errors->count() >= 2);
    const QStringList lines = LineDiff::splitLines(text);
    int modeLine = 0;
    int typoLine = 0;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(QLatin1String("upgradeMode: foo")))
            modeLine = i + 1;
        if (lines.at(i).contains(QLatin1String("paralelism")))
            typoLine = i + 1;
    }
    QStringList items;
    for (int i = 0; i < errors->count(); ++i)
        items.append(errors->item(i)->text());
    const QString modeItem = QStringLiteral("Line %1, column %2: job.upgradeMode: Unsupported value: \"foo\"")
                                 .arg(modeLine)
                                 .arg(lines.at(modeLine - 1).indexOf(QLatin1String("foo")) + 1);
    QVERIFY2(std::any_of(items.cbegin(), items.cend(), [&](const QString &s) { return s.startsWith(modeItem); }),
             qPrintable(items.join(QLatin1Char('\n')) + QStringLiteral("\nexpected: ") + modeItem));
    QVERIFY2(std::any_of(items.cbegin(), items.cend(),
                         [&](const QString &s) {
                             return s.startsWith(QStringLiteral("Line %1, column").arg(typoLine))
                                 && s.contains(QStringLiteral("Unknown field \u201cparalelism\u201d"));
                         }),
             qPrintable(items.join(QLatin1Char('\n'))));
    QVERIFY(!child<QPushButton>(&dialog, "applyButton")->isEnabled());

    // Schema errors do not block the form: they show next to the field there.
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Form));
    auto *modeError = child<QLabel>(&dialog, "upgradeModeErrorLabel");
    QVERIFY(modeError->isVisible());
    QVERIFY(modeError->text().contains(QLatin1String("Unsupported value: \"foo\"")));
    QCOMPARE(child<QComboBox>(&dialog, "upgradeModeComboBox")->currentData().toString(), QStringLiteral("foo"));
    // Choosing a real mode fixes it.
    auto *mode = child<QComboBox>(&dialog, "upgradeModeComboBox");
    mode->setCurrentIndex(mode->findData(QStringLiteral("savepoint")));
    QVERIFY(!modeError->isVisible());
}

void TestConfigureDialog::largeDocumentIsCheckedInTheBackground()
{
    // A spec of about 1 MB (a long flinkConfiguration): while typing, it is parsed off the GUI thread,
    // and a result for a text that has changed since is dropped. The background pool (one thread) is
    // held by a task of the test's, so a parse is in flight for exactly as long as the test says.
    QThreadPool *pool = backgroundPool();
    QCOMPARE(pool->maxThreadCount(), 1);
    QSemaphore gate;
    const auto restore = qScopeGuard([&] {
        gate.release(10);
        pool->waitForDone();
    });
    const auto hold = [&] { pool->start([&gate] { gate.acquire(); }); };
    const auto letGo = [&] {
        gate.release();
        pool->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    };

    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.setSchema(flinkDeploymentSchema());
    dialog.show();
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    auto *yaml = child<QPlainTextEdit>(&dialog, "yamlEditor");
    auto *status = child<QLabel>(&dialog, "yamlStatusLabel");
    auto *errors = child<QListWidget>(&dialog, "yamlErrorList");
    QString text = yaml->toPlainText();
    const QString key = QStringLiteral("flinkConfiguration:\n");
    const qsizetype at = text.startsWith(key) ? 0 : text.indexOf(QLatin1Char('\n') + key) + 1;
    QVERIFY2(at >= 0 && text.mid(at).startsWith(key), qPrintable(text));
    QString entries;
    for (int i = 0; entries.size() < 1024 * 1024; ++i)
        entries += QStringLiteral("  pipeline.custom-%1: \"%2\"\n").arg(i).arg(QString(60, QLatin1Char('v')));
    text.insert(at + key.size(), entries);
    const QString checking = QStringLiteral("Checking the YAML…");

    // Broken at the end: the editor stays live while it is checked, then names the last line.
    const QString broken = text + QStringLiteral("job: [unclosed\n");
    hold();
    yaml->setPlainText(broken);
    QTRY_COMPARE(status->text(), checking);
    QCOMPARE(errors->count(), 0);
    QVERIFY(dialog.grab().save(m_screenshotDir + QStringLiteral("/configure-yaml-checking.png")));
    letGo();
    QTRY_COMPARE(errors->count(), 1);
    const int lines = int(LineDiff::splitLines(broken).size());
    QVERIFY2(errors->item(0)->text().startsWith(QStringLiteral("Line %1,").arg(lines))
                 || errors->item(0)->text().startsWith(QStringLiteral("Line %1,").arg(lines + 1)),
             qPrintable(errors->item(0)->text()));
    QVERIFY(!child<QPushButton>(&dialog, "applyButton")->isEnabled());

    // Still broken while a check is in flight; then fixed, and the page left (checked at once): the
    // late result for the broken text must not come back over the fix.
    hold();
    yaml->setPlainText(broken + QStringLiteral("# more\n"));
    QTRY_COMPARE(status->text(), checking);
    yaml->setPlainText(text);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Form));
    letGo();
    QVERIFY(!child<MessageBanner>(&dialog, "configureBanner")->isVisible());
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    QCOMPARE(errors->count(), 0);
    QVERIFY(child<QPushButton>(&dialog, "applyButton")->isEnabled());
    QCOMPARE(dialog.editedSpec()
                 .value(QLatin1String("flinkConfiguration"))
                 .toObject()
                 .value(QLatin1String("pipeline.custom-0"))
                 .toString(),
             QString(60, QLatin1Char('v')));
}

void TestConfigureDialog::checksDisableApply()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    auto *parallelism = child<QSpinBox>(&dialog, "parallelismSpinBox");
    auto *parallelismError = child<QLabel>(&dialog, "parallelismErrorLabel");
    QVERIFY(apply->isEnabled());
    QVERIFY(!parallelismError->isVisible());

    parallelism->setValue(0);
    QVERIFY(parallelismError->isVisible());
    QCOMPARE(parallelismError->text(), QStringLiteral("Parallelism must be at least 1."));
    QVERIFY(!apply->isEnabled());
    // The message sits right under the field.
    const auto gap = [&] {
        const QPoint fieldBottom = parallelism->mapTo(&dialog, QPoint(0, parallelism->height()));
        const QPoint labelTop = parallelismError->mapTo(&dialog, QPoint(0, 0));
        return labelTop.y() - fieldBottom.y();
    };
    QTRY_VERIFY2(gap() >= 0 && gap() < 12, qPrintable(QString::number(gap())));
    parallelism->setValue(2);
    QVERIFY(!parallelismError->isVisible());
    QVERIFY(apply->isEnabled());

    // last-state without Kubernetes HA.
    auto *mode = child<QComboBox>(&dialog, "upgradeModeComboBox");
    mode->setCurrentIndex(mode->findData(QStringLiteral("last-state")));
    auto *modeError = child<QLabel>(&dialog, "upgradeModeErrorLabel");
    QVERIFY(modeError->isVisible());
    QVERIFY2(modeError->text().contains(QLatin1String("Kubernetes HA")), qPrintable(modeError->text()));
    QVERIFY(!modeError->text().contains(QLatin1String("state.checkpoints.dir"))); // the template has one
    QVERIFY(!apply->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "upgradeModeExplanationLabel")->text().contains(QLatin1String("checkpoint")));

    // Savepoint mode without a savepoint directory.
    mode->setCurrentIndex(mode->findData(QStringLiteral("savepoint")));
    QVERIFY(!modeError->isVisible());
    child<FlinkConfigTable>(&dialog, "flinkConfigTable")->removeKey(QStringLiteral("state.savepoints.dir"));
    QVERIFY(modeError->isVisible());
    QVERIFY(modeError->text().contains(QLatin1String("state.savepoints.dir")));
    QVERIFY(!apply->isEnabled());
    child<FlinkConfigTable>(&dialog, "flinkConfigTable")
        ->setValue(QStringLiteral("state.savepoints.dir"), QStringLiteral("s3://bucket/sp2"));
    QVERIFY(!modeError->isVisible());

    // Memory format and the jar URI.
    auto *memory = child<QLineEdit>(&dialog, "taskManagerMemoryEdit");
    memory->setText(QStringLiteral("lots"));
    auto *tmError = child<QLabel>(&dialog, "taskManagerResourceErrorLabel");
    QVERIFY(tmError->isVisible());
    QVERIFY(tmError->text().contains(QLatin1String("2048m")));
    memory->setText(QStringLiteral("4g"));
    QVERIFY(!tmError->isVisible());
    child<QLineEdit>(&dialog, "jarUriEdit")->clear();
    QVERIFY(child<QLabel>(&dialog, "jarUriErrorLabel")->isVisible());
    QVERIFY(!apply->isEnabled());
    child<QLineEdit>(&dialog, "jarUriEdit")->setText(QStringLiteral("local:///opt/job.jar"));
    QVERIFY(apply->isEnabled());
}

void TestConfigureDialog::kubernetesHaSwitch()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    auto *ha = child<QCheckBox>(&dialog, "kubernetesHaCheckBox");
    auto *dir = child<QLineEdit>(&dialog, "haStorageDirEdit");
    auto *table = child<FlinkConfigTable>(&dialog, "flinkConfigTable");
    auto *haError = child<QLabel>(&dialog, "haErrorLabel");
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    QVERIFY(!ha->isChecked());
    QVERIFY(!dir->isEnabled());

    QTest::mouseClick(ha, Qt::LeftButton);
    QVERIFY(ha->isChecked());
    QCOMPARE(table->value(QStringLiteral("high-availability.type")), QStringLiteral("kubernetes"));
    // No storage directory yet: asked for next to the switch.
    QVERIFY(dir->isEnabled());
    QVERIFY(haError->isVisible());
    QVERIFY(haError->text().contains(QLatin1String("storage directory")));
    QVERIFY(dir->placeholderText().contains(QLatin1String("s3://bucket/ha")));
    QVERIFY(!apply->isEnabled());
    QTest::keyClicks(dir, QStringLiteral("s3://bucket/ha"));
    QCOMPARE(table->value(QStringLiteral("high-availability.storageDir")), QStringLiteral("s3://bucket/ha"));
    QVERIFY(!haError->isVisible());
    QVERIFY(apply->isEnabled());
    const QJsonObject configuration = dialog.editedSpec().value(QLatin1String("flinkConfiguration")).toObject();
    QCOMPARE(configuration.value(QLatin1String("high-availability.type")).toString(), QStringLiteral("kubernetes"));
    QCOMPARE(configuration.value(QLatin1String("taskmanager.numberOfTaskSlots")), QJsonValue(2));

    // Now last-state is possible.
    auto *mode = child<QComboBox>(&dialog, "upgradeModeComboBox");
    mode->setCurrentIndex(mode->findData(QStringLiteral("last-state")));
    QVERIFY(!child<QLabel>(&dialog, "upgradeModeErrorLabel")->isVisible());
    QVERIFY(apply->isEnabled());

    // Off removes both keys; editing the table turns the switch on again.
    QTest::mouseClick(ha, Qt::LeftButton);
    QVERIFY(table->value(QStringLiteral("high-availability.type")).isNull());
    QVERIFY(table->value(QStringLiteral("high-availability.storageDir")).isNull());
    QVERIFY(!dir->isEnabled());
    table->setValue(QStringLiteral("high-availability.type"), QStringLiteral("kubernetes"));
    QVERIFY(ha->isChecked());
}

void TestConfigureDialog::reviewSentenceForRescaleInSavepointMode()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Review);
    // DESIGN §1: "this change restarts the job: a savepoint is taken, then the job is redeployed from it".
    const QString sentence = child<QLabel>(&dialog, "reviewSentenceLabel")->text();
    QCOMPARE(sentence.toLower(),
             QStringLiteral("this change restarts the job: a savepoint is taken, then the job is redeployed from it."));
    auto *diff = child<YamlDiffView>(&dialog, "reviewDiffView");
    QCOMPARE(diff->addedCount(), 1);
    QCOMPARE(diff->removedCount(), 1);
    const QString diffText = diff->toPlainText();
    QVERIFY2(diffText.contains(QStringLiteral("\u2212   parallelism: 1")), qPrintable(diffText));
    QVERIFY(diffText.contains(QStringLiteral("+   parallelism: 2")));
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    QCOMPARE(apply->text(), QStringLiteral("&Apply"));
    QVERIFY(apply->isEnabled());
}

void TestConfigureDialog::reviewSentences_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("rescale last-state") << QStringLiteral("job.parallelism") << QJsonValue(2)
                                        << QStringLiteral("last-state")
                                        << QStringLiteral("This change restarts the job from its latest checkpoint.");
    QTest::newRow("upgrade stateless") << QStringLiteral("image") << QJsonValue(QStringLiteral("flink:1.20.1"))
                                       << QStringLiteral("stateless")
                                       << QStringLiteral("This change restarts the job with empty state.");
    QTest::newRow("operator setting only")
        << QStringLiteral("flinkConfiguration.kubernetes.operator.deployment.rollback.enabled")
        << QJsonValue(QStringLiteral("true")) << QStringLiteral("savepoint")
        << QStringLiteral("Nothing restarts: the operator only records this change.");
    QTest::newRow("suspend last-state")
        << QStringLiteral("job.state") << QJsonValue(QStringLiteral("suspended")) << QStringLiteral("last-state")
        << QStringLiteral("The job is suspended: its latest checkpoint and HA metadata are kept to resume from.");
    QTest::newRow("nothing") << QString() << QJsonValue() << QStringLiteral("savepoint")
                             << QStringLiteral("Nothing to apply.");
}

void TestConfigureDialog::rescaleWarnsOfAnActiveAutoscaler()
{
    QJsonObject before = githubAnalytics().value(QLatin1String("spec")).toObject();
    QJsonObject conf = before.value(QLatin1String("flinkConfiguration")).toObject();
    conf.insert(QStringLiteral("job.autoscaler.enabled"), QStringLiteral("true"));
    before.insert(QStringLiteral("flinkConfiguration"), conf);
    QJsonObject after = before;
    QJsonObject job = after.value(QLatin1String("job")).toObject();
    job.insert(QStringLiteral("parallelism"), job.value(QLatin1String("parallelism")).toInt(1) + 1);
    after.insert(QStringLiteral("job"), job);
    QVERIFY2(ConfigureReviewPage::sentence(before, after).contains(QLatin1String("The autoscaler is active")),
             qPrintable(ConfigureReviewPage::sentence(before, after)));

    // Advisory: the manual parallelism stands, so nothing to warn of.
    conf.insert(QStringLiteral("job.autoscaler.scaling.enabled"), QStringLiteral("false"));
    before.insert(QStringLiteral("flinkConfiguration"), conf);
    after.insert(QStringLiteral("flinkConfiguration"), conf);
    QVERIFY(!ConfigureReviewPage::sentence(before, after).contains(QLatin1String("autoscaler")));
    // Another change with the autoscaler active does not touch the parallelism: no warning either.
    conf.remove(QStringLiteral("job.autoscaler.scaling.enabled"));
    before.insert(QStringLiteral("flinkConfiguration"), conf);
    QJsonObject imageOnly = before;
    imageOnly.insert(QStringLiteral("image"), QStringLiteral("flink:1.20.1"));
    QVERIFY(!ConfigureReviewPage::sentence(before, imageOnly).contains(QLatin1String("autoscaler")));
}

void TestConfigureDialog::reviewSentences()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, mode);
    QFETCH(QString, sentence);
    QJsonObject before = githubAnalytics().value(QLatin1String("spec")).toObject();
    QJsonObject job = before.value(QLatin1String("job")).toObject();
    job.insert(QStringLiteral("upgradeMode"), mode);
    before.insert(QStringLiteral("job"), job);
    QJsonObject after = before;
    if (field.startsWith(QLatin1String("job."))) {
        job.insert(field.mid(4), value);
        after.insert(QStringLiteral("job"), job);
    } else if (field.startsWith(QLatin1String("flinkConfiguration."))) {
        QJsonObject configuration = after.value(QLatin1String("flinkConfiguration")).toObject();
        configuration.insert(field.mid(19), value);
        after.insert(QStringLiteral("flinkConfiguration"), configuration);
    } else if (!field.isEmpty()) {
        after.insert(field, value);
    }
    QCOMPARE(ConfigureDialog::reviewSentence(before, after), sentence);
}

void TestConfigureDialog::applyEmitsRequest()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QSignalSpy spy(&dialog, &ConfigureDialog::applyRequested);
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    QTest::mouseClick(apply, Qt::LeftButton); // Next → Review
    QCOMPARE(spy.count(), 0);
    QTest::mouseClick(apply, Qt::LeftButton); // Apply
    QCOMPARE(spy.count(), 1);
    const auto request = spy.at(0).at(0).value<ActionRequest>();
    QCOMPARE(request.kind, ActionKind::Configure);
    QVERIFY(request.id > 0);
    QCOMPARE(request.name, QStringLiteral("github-analytics"));
    QCOMPARE(request.ns, QStringLiteral("flink"));
    QCOMPARE(request.deploymentUid, QStringLiteral("uid-1"));
    QCOMPARE(request.baseResourceVersion, QStringLiteral("100"));
    QCOMPARE(request.baseSpec, githubAnalytics().value(QLatin1String("spec")).toObject());
    QCOMPARE(request.newSpec.value(QLatin1String("job")).toObject().value(QLatin1String("parallelism")), QJsonValue(2));
    QCOMPARE(SpecDiff::diff(request.baseSpec, request.newSpec).size(), 1);
    QVERIFY(!request.reapplyOnTop);
    QVERIFY(!request.dryRun);
    // Progress until the result arrives; no second Apply meanwhile.
    QVERIFY(dialog.isApplying());
    QVERIFY(!apply->isEnabled());
    QVERIFY(child<QProgressBar>(&dialog, "applyProgress")->isVisible());
    QVERIFY(!child<QTabWidget>(&dialog, "configureTabs")->isEnabled());
}

void TestConfigureDialog::succeededAccepts()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
    QSignalSpy spy(&dialog, &ConfigureDialog::applyRequested);
    QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    ActionResult result;
    result.id = spy.at(0).at(0).value<ActionRequest>().id;
    result.outcome = ActionResult::Outcome::Succeeded;
    dialog.showResult(result);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

void TestConfigureDialog::sentButUnsuccessfulIsNotAppliedAgain()
{
    // The operator rejected the change after it was written: a second Apply from the same base would
    // be a conflict with the user's own change, so the dialog says where the change is and stops.
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
    QSignalSpy spy(&dialog, &ConfigureDialog::applyRequested);
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    ActionResult result;
    result.id = spy.at(0).at(0).value<ActionRequest>().id;
    result.outcome = ActionResult::Outcome::Failed;
    result.writtenGeneration = 7;
    result.summary = QStringLiteral("The operator rejected the new spec: parallelism too high.");
    dialog.showResult(result);
    QVERIFY(dialog.isVisible());
    QVERIFY(!apply->isEnabled());
    auto *banner = child<MessageBanner>(&dialog, "configureBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("reached the cluster (generation 7)"))
                 && banner->text().contains(result.summary),
             qPrintable(banner->text()));
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
}

void TestConfigureDialog::invalidPutsCausesOnFields()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
    QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);
    QVERIFY(dialog.isApplying());

    ActionResult result;
    result.outcome = ActionResult::Outcome::Failed;
    result.error.httpStatus = 422;
    result.error.reason = QStringLiteral("Invalid");
    result.error.message = QStringLiteral("FlinkDeployment.flink.apache.org \"github-analytics\" is invalid");
    result.error.causes = {
        {QStringLiteral("spec.job.parallelism"), QStringLiteral("Invalid value: 2: exceeds the namespace quota"),
         QStringLiteral("FieldValueInvalid")},
        {QStringLiteral("spec.ingress.template"), QStringLiteral("Required value"),
         QStringLiteral("FieldValueRequired")},
    };
    dialog.showResult(result);
    QVERIFY(!dialog.isApplying());
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Form);
    auto *parallelismError = child<QLabel>(&dialog, "parallelismErrorLabel");
    QVERIFY(parallelismError->isVisible());
    QCOMPARE(parallelismError->text(), QStringLiteral("Invalid value: 2: exceeds the namespace quota"));
    auto *banner = child<MessageBanner>(&dialog, "configureBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("spec.ingress.template: Required value")),
             qPrintable(banner->text()));
    // The server's word stays until the user edits; it does not block a retry.
    QVERIFY(child<QPushButton>(&dialog, "applyButton")->isEnabled());
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(1);
    QVERIFY(!parallelismError->isVisible());
}

void TestConfigureDialog::conflictShowsServerChangeAndReappliesOnTop()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QSignalSpy spy(&dialog, &ConfigureDialog::applyRequested);
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
    QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);

    // Another client added an argument meanwhile.
    QJsonObject server = githubAnalytics();
    QJsonObject metadata = server.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("105"));
    server.insert(QStringLiteral("metadata"), metadata);
    QJsonObject serverSpec = server.value(QLatin1String("spec")).toObject();
    QJsonObject job = serverSpec.value(QLatin1String("job")).toObject();
    job.insert(QStringLiteral("args"),
               QJsonArray{QStringLiteral("--input"), QStringLiteral("events"), QStringLiteral("--other-client")});
    serverSpec.insert(QStringLiteral("job"), job);
    server.insert(QStringLiteral("spec"), serverSpec);

    ActionResult result;
    result.outcome = ActionResult::Outcome::Conflict;
    result.error.httpStatus = 409;
    result.error.reason = QStringLiteral("Conflict");
    result.serverObject = server;
    dialog.showResult(result);

    auto *conflictPage = child<QWidget>(&dialog, "conflictPage");
    QVERIFY(conflictPage->isVisible());
    auto *theirs = child<YamlDiffView>(&dialog, "conflictDiffView");
    const QStringList theirLines = theirs->toPlainText().split(QLatin1Char('\n'));
    QVERIFY2(std::any_of(theirLines.cbegin(), theirLines.cend(),
                         [](const QString &l) {
                             return l.startsWith(QLatin1Char('+')) && l.contains(QLatin1String("- --other-client"));
                         }),
             qPrintable(theirs->toPlainText()));
    QVERIFY(
        child<YamlDiffView>(&dialog, "conflictMineDiffView")->toPlainText().contains(QLatin1String("parallelism: 2")));
    QVERIFY(child<QLabel>(&dialog, "conflictSummaryLabel")->text().contains(QLatin1String("105")));
    QVERIFY(!child<QPushButton>(&dialog, "applyButton")->isVisible());
    QCOMPARE(spy.count(), 1); // nothing re-sent on its own

    QTest::mouseClick(child<QPushButton>(&dialog, "reapplyButton"), Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
    const auto request = spy.at(1).at(0).value<ActionRequest>();
    QVERIFY(request.reapplyOnTop);
    QCOMPARE(request.baseResourceVersion, QStringLiteral("105"));
    QCOMPARE(request.baseSpec, serverSpec);
    const QJsonObject newJob = request.newSpec.value(QLatin1String("job")).toObject();
    QCOMPARE(newJob.value(QLatin1String("parallelism")), QJsonValue(2));
    QCOMPARE(newJob.value(QLatin1String("args")).toArray().last().toString(), QStringLiteral("--other-client"));
    QVERIFY(request.id != spy.at(0).at(0).value<ActionRequest>().id);
    QVERIFY(dialog.isApplying());
    QVERIFY(!conflictPage->isVisible());
}

void TestConfigureDialog::conflictDiscard()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QSignalSpy spy(&dialog, &ConfigureDialog::applyRequested);
    child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
    QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);

    QJsonObject server = githubAnalytics();
    QJsonObject metadata = server.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("106"));
    server.insert(QStringLiteral("metadata"), metadata);
    QJsonObject serverSpec = server.value(QLatin1String("spec")).toObject();
    QJsonObject job = serverSpec.value(QLatin1String("job")).toObject();
    job.insert(QStringLiteral("parallelism"), 4);
    serverSpec.insert(QStringLiteral("job"), job);
    server.insert(QStringLiteral("spec"), serverSpec);
    ActionResult result;
    result.outcome = ActionResult::Outcome::Conflict;
    result.serverObject = server;
    dialog.showResult(result);
    // Both changed parallelism: said before re-applying.
    auto *overlap = child<QLabel>(&dialog, "conflictOverlapLabel");
    QVERIFY(overlap->isVisible());
    QVERIFY(overlap->text().contains(QLatin1String("parallelism")));

    QTest::mouseClick(child<QPushButton>(&dialog, "discardButton"), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Form);
    QCOMPARE(child<QSpinBox>(&dialog, "parallelismSpinBox")->value(), 4);
    QCOMPARE(dialog.baseSpec(), serverSpec);
    QCOMPARE(dialog.request().baseResourceVersion, QStringLiteral("106"));
    QVERIFY(child<MessageBanner>(&dialog, "configureBanner")->text().contains(QLatin1String("106")));
}

void TestConfigureDialog::createFromTemplate_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("upgradeMode");
    for (const DeploymentTemplates::Template &t : DeploymentTemplates::all())
        QTest::newRow(qPrintable(t.id)) << t.id
                                        << t.object.value(QLatin1String("spec"))
                                               .toObject()
                                               .value(QLatin1String("job"))
                                               .toObject()
                                               .value(QLatin1String("upgradeMode"))
                                               .toString();
}

void TestConfigureDialog::createFromTemplate()
{
    QFETCH(QString, id);
    QFETCH(QString, upgradeMode);
    const DeploymentTemplates::Template chosen = DeploymentTemplates::byId(id);
    QCOMPARE(chosen.id, id);
    QVERIFY(!chosen.object.value(QLatin1String("spec")).toObject().isEmpty());

    ConfigureDialog dialog(ConfigureDialog::Mode::Create, chosen.object);
    dialog.setSchema(flinkDeploymentSchema());
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New Deployment"));
    auto *templates = child<QComboBox>(&dialog, "templateComboBox");
    QCOMPARE(templates->currentData().toString(), id);
    QCOMPARE(child<QComboBox>(&dialog, "upgradeModeComboBox")->currentData().toString(), upgradeMode);

    auto *apply = child<QPushButton>(&dialog, "applyButton");
    // A namespace is needed.
    QVERIFY(!apply->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "namespaceErrorLabel")->isVisible());
    child<QLineEdit>(&dialog, "namespaceEdit")->setText(QStringLiteral("flink"));
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    name->setText(QStringLiteral("Bad_Name"));
    QVERIFY(child<QLabel>(&dialog, "nameErrorLabel")->isVisible());
    QVERIFY(!apply->isEnabled());
    name->setText(QStringLiteral("my-") + id);
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
    QVERIFY(apply->isEnabled());

    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Review);
    QCOMPARE(child<QLabel>(&dialog, "reviewSentenceLabel")->text(),
             QStringLiteral("The deployment is created and its job starts with empty state."));
    QCOMPARE(apply->text(), QStringLiteral("&Create"));
    QSignalSpy spy(&dialog, &ConfigureDialog::applyRequested);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto request = spy.at(0).at(0).value<ActionRequest>();
    QCOMPARE(request.kind, ActionKind::Create);
    QCOMPARE(request.name, QStringLiteral("my-") + id);
    QCOMPARE(request.ns, QStringLiteral("flink"));
    QCOMPARE(request.newMetadata.value(QLatin1String("name")).toString(), QStringLiteral("my-") + id);
    QCOMPARE(request.newMetadata.value(QLatin1String("namespace")).toString(), QStringLiteral("flink"));
    QCOMPARE(request.newSpec, chosen.object.value(QLatin1String("spec")).toObject());
    QVERIFY(request.baseResourceVersion.isEmpty());
}

void TestConfigureDialog::schemaArrivesLater()
{
    QJsonObject object = githubAnalytics();
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("flinkVersion"), QStringLiteral("v1_17"));
    object.insert(QStringLiteral("spec"), spec);
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, object);
    auto *versions = child<QComboBox>(&dialog, "flinkVersionComboBox");
    QCOMPARE(versions->count(), 11); // v1_13 … v2_2 until the cluster says otherwise
    QVERIFY(dialog.problems().isEmpty());
    dialog.setSchema(flinkDeploymentSchema());
    QVERIFY(dialog.hasSchema());
    // The cluster's enum: v1_17 is not in it, so it is kept as it is and reported.
    QCOMPARE(versions->currentData().toString(), QStringLiteral("v1_17"));
    QCOMPARE(versions->findData(QStringLiteral("v2_0")) >= 0, true);
    QCOMPARE(versions->findData(QStringLiteral("v1_13")), -1);
    QVERIFY(child<QLabel>(&dialog, "flinkVersionErrorLabel")->text().contains(QLatin1String("Unsupported value")));
    QCOMPARE(dialog.editedSpec(), spec);
}

void TestConfigureDialog::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestConfigureDialog::screenshots()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    QApplication::setPalette(dark ? Theme::darkPalette() : QApplication::style()->standardPalette());
    const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
    const auto save = [&](QWidget *widget, const QString &name) {
        QApplication::processEvents();
        const QString file = m_screenshotDir + QStringLiteral("/configure-%1-%2.png").arg(name, suffix);
        QVERIFY2(widget->grab().save(file), qPrintable(file));
    };

    {
        ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
        dialog.setSchema(flinkDeploymentSchema());
        dialog.show();
        auto *mode = child<QComboBox>(&dialog, "upgradeModeComboBox");
        mode->setCurrentIndex(mode->findData(QStringLiteral("last-state")));
        child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(0);
        save(&dialog, QStringLiteral("form"));
        auto *scroll = child<QScrollArea>(&dialog, "formPage");
        QVERIFY(scroll);
        QTest::mouseClick(child<QCheckBox>(&dialog, "kubernetesHaCheckBox"), Qt::LeftButton);
        QApplication::processEvents();
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        save(&dialog, QStringLiteral("form-configuration"));
        scroll->verticalScrollBar()->setValue(0);
        mode->setCurrentIndex(mode->findData(QStringLiteral("savepoint")));
        child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
        child<ArgumentListEditor>(&dialog, "argumentsEditor")
            ->addArgument(QStringLiteral("--enable-new-feature"), false);
        child<ArgumentListEditor>(&dialog, "argumentsEditor")->addArgument(QStringLiteral("true"), false);

        QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
        save(&dialog, QStringLiteral("review"));

        QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
        auto *yaml = child<QPlainTextEdit>(&dialog, "yamlEditor");
        QString text = yaml->toPlainText();
        text.replace(QLatin1String("upgradeMode: savepoint"), QLatin1String("upgradeMode: foo"));
        yaml->setPlainText(text);
        QTRY_VERIFY(child<QListWidget>(&dialog, "yamlErrorList")->count() > 0);
        save(&dialog, QStringLiteral("yaml-schema-error"));
        text.replace(QLatin1String("  upgradeMode: foo"), QLatin1String(" upgradeMode: savepoint"));
        yaml->setPlainText(text);
        QVERIFY(!dialog.setCurrentPage(ConfigureDialog::Page::Form));
        save(&dialog, QStringLiteral("yaml-syntax-error"));
    }
    {
        ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
        dialog.show();
        child<QSpinBox>(&dialog, "parallelismSpinBox")->setValue(2);
        QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Review));
        QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);
        save(&dialog, QStringLiteral("applying"));
        QJsonObject server = githubAnalytics();
        QJsonObject metadata = server.value(QLatin1String("metadata")).toObject();
        metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("105"));
        server.insert(QStringLiteral("metadata"), metadata);
        QJsonObject serverSpec = server.value(QLatin1String("spec")).toObject();
        QJsonObject job = serverSpec.value(QLatin1String("job")).toObject();
        job.insert(QStringLiteral("args"),
                   QJsonArray{QStringLiteral("--input"), QStringLiteral("events"), QStringLiteral("--other-client")});
        job.insert(QStringLiteral("parallelism"), 3);
        serverSpec.insert(QStringLiteral("job"), job);
        server.insert(QStringLiteral("spec"), serverSpec);
        ActionResult result;
        result.outcome = ActionResult::Outcome::Conflict;
        result.serverObject = server;
        dialog.showResult(result);
        save(&dialog, QStringLiteral("conflict"));
    }
    {
        ConfigureDialog dialog(ConfigureDialog::Mode::Create,
                               DeploymentTemplates::byId(QStringLiteral("last-state-ha")).object);
        dialog.setSchema(flinkDeploymentSchema());
        dialog.show();
        emit child<QComboBox>(&dialog, "templateComboBox")->activated(1);
        save(&dialog, QStringLiteral("create"));
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestConfigureDialog)
#include "tst_configuredialog.moc"
