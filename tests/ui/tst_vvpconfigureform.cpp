// Configure Deployment's Form page for a Ververica Platform Deployment: each field at the platform's path
// (the template's artifact, parallelism, resources and configuration; the upgrade and restore strategy;
// the desired state), the image and the arguments in the platform's own shapes, the checks' messages
// under the fields, the Review's sentence, and every spec the form writes held against the Application
// Manager's API description (the reference data, when it lies beside the repository).

#include "common/referencedata.h"
#include "ui/configure/configureformpage.h"
#include "ui/configuredialog.h"
#include "ui/theme.h"
#include "vvp/vvpartifact.h"
#include "json/jsontools.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTest>

#include "ui/widgets/argumentlisteditor.h"
#include "ui/widgets/flinkconfigtable.h"

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

// The reference scenario's deployment as the platform returns it.
QJsonObject githubAnalytics()
{
    const QJsonObject artifact{
        {QStringLiteral("kind"), QStringLiteral("JAR")},
        {QStringLiteral("jarUri"), QStringLiteral("s3://artifacts/github-analytics/github-analytics-2.3.0.jar")},
        {QStringLiteral("entryClass"), QStringLiteral("com.example.analytics.GithubEventsJob")},
        {QStringLiteral("mainArgs"), QStringLiteral("--source kafka://kafka.streaming:9092/github-events --window 5m")},
        {QStringLiteral("flinkVersion"), QStringLiteral("1.17")},
        {QStringLiteral("flinkImageRegistry"), QStringLiteral("registry.ververica.com/v2.4")},
        {QStringLiteral("flinkImageRepository"), QStringLiteral("flink")},
        {QStringLiteral("flinkImageTag"), QStringLiteral("1.17.2-stream1-scala_2.12-java11")}};
    const QJsonObject templateSpec{
        {QStringLiteral("artifact"), artifact},
        {QStringLiteral("parallelism"), 1},
        {QStringLiteral("flinkConfiguration"),
         QJsonObject{{QStringLiteral("high-availability"), QStringLiteral("vvp-kubernetes")},
                     {QStringLiteral("execution.checkpointing.interval"), QStringLiteral("10s")},
                     {QStringLiteral("taskmanager.numberOfTaskSlots"), QStringLiteral("1")}}},
        {QStringLiteral("resources"),
         QJsonObject{{QStringLiteral("jobmanager"),
                      QJsonObject{{QStringLiteral("cpu"), 1}, {QStringLiteral("memory"), QStringLiteral("1G")}}},
                     {QStringLiteral("taskmanager"),
                      QJsonObject{{QStringLiteral("cpu"), 1}, {QStringLiteral("memory"), QStringLiteral("2G")}}}}},
        {QStringLiteral("logging"), QJsonObject{{QStringLiteral("loggingProfile"), QStringLiteral("default")}}}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Deployment")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("5a3e5a2c-1b6f-4a55-9d0e-8d2f0c6f1a11")},
                                    {QStringLiteral("name"), QStringLiteral("github-analytics")},
                                    {QStringLiteral("namespace"), QStringLiteral("default")},
                                    {QStringLiteral("resourceVersion"), 7}}},
                       {QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")},
                                    {QStringLiteral("deploymentTargetName"), QStringLiteral("default")},
                                    {QStringLiteral("upgradeStrategy"),
                                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("STATEFUL")}}},
                                    {QStringLiteral("restoreStrategy"),
                                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("LATEST_STATE")},
                                                 {QStringLiteral("allowNonRestoredState"), false}}},
                                    {QStringLiteral("maxSavepointCreationAttempts"), 4},
                                    {QStringLiteral("template"), QJsonObject{{QStringLiteral("spec"), templateSpec}}}}},
                       {QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")}}}};
}

QJsonValue at(const QJsonObject &object, const QString &dotted)
{
    return json::valueAt(object, dotted.split(QLatin1Char('.')));
}

template <typename T>
T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

} // namespace

class TestVvpConfigureForm : public QObject
{
    Q_OBJECT

private slots:
    void artifactArgumentsRoundTrip_data();
    void artifactArgumentsRoundTrip();
    void artifactImageParts();
    void formShowsThePlatformsFields();
    void parallelismChangeWritesOnlyTheTemplate();
    void strategiesStateImageAndArguments();
    void kubernetesHaIsThePlatforms();
    void problemsUnderTheirFields();
    void reviewSaysWhatThePlatformDoes();
    void everyWrittenFieldIsInTheApiDescription();
    void screenshots();

private:
    QStringList unknownFields(const QJsonObject &definitions, const QJsonValue &schema, const QJsonValue &value,
                              const QString &path) const;
};

void TestVvpConfigureForm::artifactArgumentsRoundTrip_data()
{
    QTest::addColumn<QString>("mainArgs");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("plain") << QStringLiteral("--source kafka --window 5m")
                           << QStringList{u"--source"_s, u"kafka"_s, u"--window"_s, u"5m"_s};
    QTest::newRow("spaces") << QStringLiteral("  --a   b ") << QStringList{u"--a"_s, u"b"_s};
    QTest::newRow("double quotes") << QStringLiteral("--name \"my job\" --x \"a \\\"b\\\"\"")
                                   << QStringList{u"--name"_s, u"my job"_s, u"--x"_s, u"a \"b\""_s};
    QTest::newRow("single quotes") << QStringLiteral("--q 'a \"b\" c'") << QStringList{u"--q"_s, u"a \"b\" c"_s};
    QTest::newRow("empty argument") << QStringLiteral("--tag \"\"") << QStringList{u"--tag"_s, QString()};
    QTest::newRow("nothing") << QString() << QStringList();
}

void TestVvpConfigureForm::artifactArgumentsRoundTrip()
{
    QFETCH(QString, mainArgs);
    QFETCH(QStringList, arguments);
    QCOMPARE(VvpArtifact::splitArguments(mainArgs), arguments);
    // Joined again, they split into the same arguments.
    QCOMPARE(VvpArtifact::splitArguments(VvpArtifact::joinArguments(arguments)), arguments);
}

void TestVvpConfigureForm::artifactImageParts()
{
    const QJsonObject artifact = at(githubAnalytics(), u"spec.template.spec.artifact"_s).toObject();
    QCOMPARE(VvpArtifact::image(artifact), u"registry.ververica.com/v2.4/flink:1.17.2-stream1-scala_2.12-java11"_s);
    const QJsonObject parts = VvpArtifact::withImage({}, u"registry.example.com:5000/team/flink:1.18.1"_s);
    QCOMPARE(parts.value(u"flinkImageRegistry").toString(), u"registry.example.com:5000/team"_s);
    QCOMPARE(parts.value(u"flinkImageRepository").toString(), u"flink"_s);
    QCOMPARE(parts.value(u"flinkImageTag").toString(), u"1.18.1"_s);
    // A registry's port is not a tag.
    const QJsonObject untagged = VvpArtifact::withImage(artifact, u"registry.example.com:5000/flink"_s);
    QCOMPARE(untagged.value(u"flinkImageRepository").toString(), u"flink"_s);
    QVERIFY(!untagged.contains(u"flinkImageTag"));
    QCOMPARE(untagged.value(u"jarUri"), artifact.value(u"jarUri"));
    // Empty: the platform's image for the version.
    const QJsonObject none = VvpArtifact::withImage(artifact, QString());
    QVERIFY(!none.contains(u"flinkImageRegistry") && !none.contains(u"flinkImageRepository")
            && !none.contains(u"flinkImageTag"));
}

void TestVvpConfigureForm::formShowsThePlatformsFields()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The dialog opens on the form, as for the operator.
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Form);
    auto *tabs = child<QTabWidget>(&dialog, u"configureTabs"_s);
    QVERIFY(tabs->isTabVisible(0));
    auto *form = qobject_cast<ConfigureFormPage *>(tabs->widget(0));
    QVERIFY(form);
    QCOMPARE(form->backend(), ConfigureFormPage::Backend::Platform);

    QCOMPARE(child<QLineEdit>(&dialog, u"jarUriEdit"_s)->text(),
             u"s3://artifacts/github-analytics/github-analytics-2.3.0.jar"_s);
    QCOMPARE(child<QLineEdit>(&dialog, u"entryClassEdit"_s)->text(), u"com.example.analytics.GithubEventsJob"_s);
    QCOMPARE(child<ArgumentListEditor>(&dialog, u"argumentsEditor"_s)->arguments(),
             (QStringList{u"--source"_s, u"kafka://kafka.streaming:9092/github-events"_s, u"--window"_s, u"5m"_s}));
    QCOMPARE(child<QSpinBox>(&dialog, u"parallelismSpinBox"_s)->value(), 1);
    QCOMPARE(child<QComboBox>(&dialog, u"upgradeModeComboBox"_s)->currentData().toString(), u"STATEFUL"_s);
    QCOMPARE(child<QComboBox>(&dialog, u"restoreStrategyComboBox"_s)->currentData().toString(), u"LATEST_STATE"_s);
    QVERIFY(!child<QCheckBox>(&dialog, u"allowNonRestoredStateCheckBox"_s)->isChecked());
    QCOMPARE(child<QComboBox>(&dialog, u"jobStateComboBox"_s)->currentData().toString(), u"RUNNING"_s);
    QCOMPARE(child<QComboBox>(&dialog, u"flinkVersionComboBox"_s)->currentData().toString(), u"1.17"_s);
    QCOMPARE(child<QLineEdit>(&dialog, u"imageEdit"_s)->text(),
             u"registry.ververica.com/v2.4/flink:1.17.2-stream1-scala_2.12-java11"_s);
    QCOMPARE(child<QDoubleSpinBox>(&dialog, u"taskManagerCpuSpinBox"_s)->value(), 1.0);
    QCOMPARE(child<QLineEdit>(&dialog, u"taskManagerMemoryEdit"_s)->text(), u"2G"_s);
    QCOMPARE(child<QLineEdit>(&dialog, u"jobManagerMemoryEdit"_s)->text(), u"1G"_s);
    QVERIFY(child<QCheckBox>(&dialog, u"kubernetesHaCheckBox"_s)->isChecked());
    QCOMPARE(child<FlinkConfigTable>(&dialog, u"flinkConfigTable"_s)->value(u"execution.checkpointing.interval"_s),
             u"10s"_s);
    // Each strategy says what it does.
    QVERIFY(child<QLabel>(&dialog, u"upgradeModeExplanationLabel"_s)->text().contains(u"SUSPEND_AND_UPGRADE"));
    QVERIFY(child<QLabel>(&dialog, u"restoreStrategyExplanationLabel"_s)->text().contains(u"retained checkpoint"));
    // Nothing changed yet: the review has nothing to apply.
    QVERIFY(dialog.problems().isEmpty());
    QCOMPARE(dialog.request().newSpec, githubAnalytics().value(u"spec").toObject());
}

void TestVvpConfigureForm::parallelismChangeWritesOnlyTheTemplate()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    child<QSpinBox>(&dialog, u"parallelismSpinBox"_s)->setValue(2);
    const ActionRequest request = dialog.request();
    QJsonObject expected = githubAnalytics().value(u"spec").toObject();
    expected = json::withValueAt(expected, {u"template"_s, u"spec"_s, u"parallelism"_s}, 2);
    QCOMPARE(request.newSpec, expected);
    QCOMPARE(request.kind, ActionKind::Configure);
    QCOMPARE(request.deploymentUid, u"5a3e5a2c-1b6f-4a55-9d0e-8d2f0c6f1a11"_s);
    QCOMPARE(request.baseResourceVersion, u"7"_s);
    // The YAML page shows the same change.
    QVERIFY(dialog.setCurrentPage(ConfigureDialog::Page::Yaml));
    QVERIFY(dialog.findChild<QWidget *>(u"yamlEditor"_s));
}

void TestVvpConfigureForm::strategiesStateImageAndArguments()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    auto *upgrade = child<QComboBox>(&dialog, u"upgradeModeComboBox"_s);
    upgrade->setCurrentIndex(upgrade->findData(u"STATELESS"_s));
    auto *restore = child<QComboBox>(&dialog, u"restoreStrategyComboBox"_s);
    restore->setCurrentIndex(restore->findData(u"LATEST_SAVEPOINT"_s));
    QVERIFY(child<QLabel>(&dialog, u"restoreStrategyExplanationLabel"_s)->text().contains(u"newest savepoint"));
    child<QCheckBox>(&dialog, u"allowNonRestoredStateCheckBox"_s)->setChecked(true);
    auto *state = child<QComboBox>(&dialog, u"jobStateComboBox"_s);
    state->setCurrentIndex(state->findData(u"SUSPENDED"_s));
    child<QLineEdit>(&dialog, u"imageEdit"_s)->setText(u"registry.example.com/flink:1.18.1-custom"_s);
    auto *arguments = child<ArgumentListEditor>(&dialog, u"argumentsEditor"_s);
    arguments->setArguments(arguments->arguments() + QStringList{u"--name"_s, u"github events"_s});
    emit arguments->changed();

    const QJsonObject spec = dialog.request().newSpec;
    QCOMPARE(at(spec, u"upgradeStrategy.kind"_s).toString(), u"STATELESS"_s);
    QCOMPARE(at(spec, u"restoreStrategy.kind"_s).toString(), u"LATEST_SAVEPOINT"_s);
    QCOMPARE(at(spec, u"restoreStrategy.allowNonRestoredState"_s).toBool(), true);
    QCOMPARE(at(spec, u"state"_s).toString(), u"SUSPENDED"_s);
    QCOMPARE(at(spec, u"template.spec.artifact.flinkImageRegistry"_s).toString(), u"registry.example.com"_s);
    QCOMPARE(at(spec, u"template.spec.artifact.flinkImageRepository"_s).toString(), u"flink"_s);
    QCOMPARE(at(spec, u"template.spec.artifact.flinkImageTag"_s).toString(), u"1.18.1-custom"_s);
    QCOMPARE(at(spec, u"template.spec.artifact.mainArgs"_s).toString(),
             u"--source kafka://kafka.streaming:9092/github-events --window 5m --name \"github events\""_s);
    // What the form does not show passes through.
    QCOMPARE(at(spec, u"template.spec.logging.loggingProfile"_s).toString(), u"default"_s);
    QCOMPARE(at(spec, u"maxSavepointCreationAttempts"_s).toInt(), 4);
    QCOMPARE(at(spec, u"template.spec.artifact.kind"_s).toString(), u"JAR"_s);
    QVERIFY(dialog.problems().isEmpty());
}

void TestVvpConfigureForm::kubernetesHaIsThePlatforms()
{
    QJsonObject object = githubAnalytics();
    QJsonObject spec = object.value(u"spec").toObject();
    spec = json::withValueAt(spec, {u"template"_s, u"spec"_s, u"flinkConfiguration"_s, u"high-availability"_s},
                             QJsonValue(QJsonValue::Undefined));
    object.insert(u"spec"_s, spec);
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, object);
    auto *ha = child<QCheckBox>(&dialog, u"kubernetesHaCheckBox"_s);
    QVERIFY(!ha->isChecked());
    ha->setChecked(true);
    QCOMPARE(at(dialog.request().newSpec, u"template.spec.flinkConfiguration.high-availability"_s).toString(),
             u"vvp-kubernetes"_s);
    // The platform's blob storage keeps the metadata: no storage directory is demanded.
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
    ha->setChecked(false);
    QVERIFY(at(dialog.request().newSpec, u"template.spec.flinkConfiguration.high-availability"_s).isUndefined());
    QVERIFY(at(dialog.request().newSpec, u"template.spec.flinkConfiguration.high-availability.type"_s).isUndefined());
}

void TestVvpConfigureForm::problemsUnderTheirFields()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QLineEdit>(&dialog, u"taskManagerMemoryEdit"_s)->setText(u"two gigs"_s);
    child<QLineEdit>(&dialog, u"jarUriEdit"_s)->clear();
    auto *memoryError = child<QLabel>(&dialog, u"taskManagerResourceErrorLabel"_s);
    auto *jarError = child<QLabel>(&dialog, u"jarUriErrorLabel"_s);
    QTRY_VERIFY(memoryError->isVisible());
    QVERIFY2(memoryError->text().contains(u"two gigs"), qPrintable(memoryError->text()));
    QVERIFY(jarError->isVisible());
    QVERIFY(jarError->text().contains(u"jar"));
    QVERIFY(!child<QLabel>(&dialog, u"formErrorLabel"_s)->isVisible());
    auto *apply = child<QPushButton>(&dialog, u"applyButton"_s);
    QVERIFY(!apply->isEnabled());
    child<QLineEdit>(&dialog, u"taskManagerMemoryEdit"_s)->setText(u"4G"_s);
    child<QLineEdit>(&dialog, u"jarUriEdit"_s)->setText(u"s3://artifacts/github-analytics-2.4.0.jar"_s);
    QTRY_VERIFY(!memoryError->isVisible());
    QVERIFY(!jarError->isVisible());
    QVERIFY(apply->isEnabled());
}

void TestVvpConfigureForm::reviewSaysWhatThePlatformDoes()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QSpinBox>(&dialog, u"parallelismSpinBox"_s)->setValue(2);
    QTest::mouseClick(child<QPushButton>(&dialog, u"applyButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Review);
    const QString sentence = child<QLabel>(&dialog, u"reviewSentenceLabel"_s)->text();
    QVERIFY2(sentence.contains(u"savepoint") && sentence.contains(u"SUSPEND_AND_UPGRADE"), qPrintable(sentence));
    // Back leads to the form again.
    QTest::mouseClick(child<QPushButton>(&dialog, u"backButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.currentPage(), ConfigureDialog::Page::Form);
}

QStringList TestVvpConfigureForm::unknownFields(const QJsonObject &definitions, const QJsonValue &schemaValue,
                                                const QJsonValue &value, const QString &path) const
{
    QJsonObject schema = schemaValue.toObject();
    if (schema.contains(u"$ref"))
        schema = definitions.value(schema.value(u"$ref").toString().section(u'/', -1)).toObject();
    QStringList errors;
    const QString type = schema.value(u"type").toString();
    if (type == u"string" && !value.isString())
        errors.append(path + u": not a string"_s);
    if ((type == u"integer" || type == u"number") && !value.isDouble())
        errors.append(path + u": not a number"_s);
    if (type == u"boolean" && !value.isBool())
        errors.append(path + u": not a boolean"_s);
    if (!value.isObject())
        return errors;
    const QJsonObject properties = schema.value(u"properties").toObject();
    const QJsonValue additional = schema.value(u"additionalProperties");
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString field = path.isEmpty() ? it.key() : path + u'.' + it.key();
        if (properties.contains(it.key()))
            errors += unknownFields(definitions, properties.value(it.key()), it.value(), field);
        else if (additional.isObject())
            errors += unknownFields(definitions, additional, it.value(), field);
        else
            errors.append(field + u": not in the API description"_s);
    }
    return errors;
}

void TestVvpConfigureForm::everyWrittenFieldIsInTheApiDescription()
{
    CAPSTAN_NEEDS_REFERENCE(u"vvp/appmanager-api-swagger-2.4.3.json"_s);
    QFile file(capstan::test::referencePath(u"vvp/appmanager-api-swagger-2.4.3.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject definitions = QJsonDocument::fromJson(file.readAll()).object().value(u"definitions").toObject();
    QVERIFY(definitions.contains(u"DeploymentSpec"));
    // The 2.4 description lists only the restore strategy's kind; the platform's documentation and its
    // answers have allowNonRestoredState beside it.
    QJsonObject restore = definitions.value(u"DeploymentRestoreStrategy").toObject();
    QJsonObject restoreProperties = restore.value(u"properties").toObject();
    restoreProperties.insert(u"allowNonRestoredState"_s, QJsonObject{{u"type"_s, u"boolean"_s}});
    restore.insert(u"properties"_s, restoreProperties);
    definitions.insert(u"DeploymentRestoreStrategy"_s, restore);

    // Every field of the form changed at once.
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    child<QLineEdit>(&dialog, u"jarUriEdit"_s)->setText(u"s3://artifacts/x.jar"_s);
    child<QLineEdit>(&dialog, u"entryClassEdit"_s)->setText(u"com.example.X"_s);
    auto *arguments = child<ArgumentListEditor>(&dialog, u"argumentsEditor"_s);
    arguments->setArguments({u"--a"_s, u"b c"_s});
    emit arguments->changed();
    child<QSpinBox>(&dialog, u"parallelismSpinBox"_s)->setValue(4);
    for (const QString &name :
         {u"upgradeModeComboBox"_s, u"restoreStrategyComboBox"_s, u"jobStateComboBox"_s, u"flinkVersionComboBox"_s}) {
        auto *combo = child<QComboBox>(&dialog, name);
        combo->setCurrentIndex((combo->currentIndex() + 1) % combo->count());
    }
    child<QCheckBox>(&dialog, u"allowNonRestoredStateCheckBox"_s)->setChecked(true);
    child<QLineEdit>(&dialog, u"imageEdit"_s)->setText(u"r.example.com/team/flink:1.18"_s);
    child<QDoubleSpinBox>(&dialog, u"jobManagerCpuSpinBox"_s)->setValue(2);
    child<QLineEdit>(&dialog, u"jobManagerMemoryEdit"_s)->setText(u"2G"_s);
    child<QDoubleSpinBox>(&dialog, u"taskManagerCpuSpinBox"_s)->setValue(1.5);
    child<QLineEdit>(&dialog, u"taskManagerMemoryEdit"_s)->setText(u"3G"_s);
    child<QSpinBox>(&dialog, u"taskManagerReplicasSpinBox"_s)->setValue(3);
    auto *table = child<FlinkConfigTable>(&dialog, u"flinkConfigTable"_s);
    table->setValue(u"state.backend"_s, u"hashmap"_s);
    emit table->changed();
    const QJsonObject spec = dialog.request().newSpec;
    QCOMPARE(at(spec, u"template.spec.numberOfTaskManagers"_s).toInt(), 3);
    QCOMPARE(at(spec, u"template.spec.resources.taskmanager.cpu"_s).toDouble(), 1.5);
    QCOMPARE(spec.value(u"template")[u"spec"][u"flinkConfiguration"][u"state.backend"].toString(), u"hashmap"_s);
    const QStringList errors = unknownFields(definitions, definitions.value(u"DeploymentSpec"), spec, QString());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

// The form as people see it, light and dark, in the build's screenshots directory.
void TestVvpConfigureForm::screenshots()
{
    ConfigureDialog dialog(ConfigureDialog::Mode::Configure, githubAnalytics());
    dialog.resize(dialog.sizeHint());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QSpinBox>(&dialog, u"parallelismSpinBox"_s)->setValue(2);
    child<QLineEdit>(&dialog, u"taskManagerMemoryEdit"_s)->setText(u"two gigs"_s);
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(dialog.grab().save(dir + u"/vvp-configure-form.png"_s));
    QApplication::setPalette(Theme::darkPalette());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(dir + u"/vvp-configure-form-dark.png"_s));
    auto *scroll = dialog.findChild<ConfigureFormPage *>();
    scroll->ensureWidgetVisible(child<QWidget>(&dialog, u"flinkConfigTable"_s));
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(dir + u"/vvp-configure-form-bottom-dark.png"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

QTEST_MAIN(TestVvpConfigureForm)
#include "tst_vvpconfigureform.moc"
