// Golden tests: FlinkDeployment status objects in the shapes operator releases 1.0 to 1.15 write
// (tests/data/operator-status/<release>/<case>.json), derived as the deployment list derives them and
// compared with <release>/expected.json. CAPSTAN_UPDATE_GOLDEN=1 rewrites the expectations.
#include "flink/deployment.h"
#include "flink/deploymentstatus.h"
#include "flink/failuredetector.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace capstan;

namespace {

const QString kRoot = QStringLiteral(CAPSTAN_TEST_DATA_DIR "/operator-status");
const QStringList kReleases
    = {QStringLiteral("1.0"), QStringLiteral("1.2"),  QStringLiteral("1.4"),  QStringLiteral("1.6"),
       QStringLiteral("1.8"), QStringLiteral("1.10"), QStringLiteral("1.12"), QStringLiteral("1.15")};

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// What the list shows for one object: the window's derivation with a fresh failure detector.
QJsonObject derive(const QJsonObject &object)
{
    const QDateTime now = QDateTime(QDate(2025, 12, 2), QTime(14, 0), Qt::UTC);
    FailureDetector failures;
    const Deployment plain = Deployment::fromJson(object);
    failures.observeDeployment(plain, now);
    const Deployment d = Deployment::decorated(plain, failures.status(plain.uid), {});
    QJsonObject out = d.toJson();
    for (const char *key : {"name", "kind", "namespace", "uid", "parallelism", "upgradeMode", "flinkVersion"})
        out.remove(QLatin1String(key));
    out.insert(QStringLiteral("lifecycleState"), d.lifecycleState);
    out.insert(QStringLiteral("lifecycleDerived"), d.lifecycleDerived);
    return out;
}

QStringList casesOf(const QString &release)
{
    QStringList names
        = QDir(kRoot + QLatin1Char('/') + release).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    names.removeAll(QStringLiteral("expected.json"));
    for (QString &name : names)
        name.chop(5);
    return names;
}

// Every value of the status replaced by one of another type, one at a time.
void mutate(const QJsonObject &object, const std::function<void(const QJsonObject &)> &visit)
{
    static const QJsonValue replacements[] = {QJsonValue(),
                                              QJsonValue(7),
                                              QJsonValue(QStringLiteral("x")),
                                              QJsonValue(QJsonArray{1}),
                                              QJsonValue(QJsonObject{{QStringLiteral("a"), 1}}),
                                              QJsonValue(true)};
    for (auto it = object.begin(); it != object.end(); ++it) {
        for (const QJsonValue &r : replacements) {
            QJsonObject copy = object;
            copy.insert(it.key(), r);
            visit(copy);
        }
        if (it.value().isObject()) {
            mutate(it.value().toObject(), [&](const QJsonObject &inner) {
                QJsonObject copy = object;
                copy.insert(it.key(), inner);
                visit(copy);
            });
        }
    }
}

} // namespace

class TestOperatorStatus : public QObject
{
    Q_OBJECT

private slots:
    void everyReleaseHasFixtures();
    void golden_data();
    void golden();
    void malformedStatusNeverBreaks_data() { golden_data(); }
    void malformedStatusNeverBreaks();
    void errorForms();
    void reconciledSpecForms();
};

void TestOperatorStatus::everyReleaseHasFixtures()
{
    for (const QString &release : kReleases) {
        QVERIFY2(casesOf(release).size() >= 8, qPrintable(release));
        QVERIFY2(QFile::exists(kRoot + QLatin1Char('/') + release + QStringLiteral("/expected.json"))
                     || qEnvironmentVariableIsSet("CAPSTAN_UPDATE_GOLDEN"),
                 qPrintable(release));
    }
}

void TestOperatorStatus::golden_data()
{
    QTest::addColumn<QString>("release");
    QTest::addColumn<QString>("name");
    for (const QString &release : kReleases) {
        for (const QString &name : casesOf(release))
            QTest::newRow(qPrintable(release + QLatin1Char('/') + name)) << release << name;
    }
}

void TestOperatorStatus::golden()
{
    QFETCH(QString, release);
    QFETCH(QString, name);
    const QString dir = kRoot + QLatin1Char('/') + release;
    const QJsonObject object = readObject(dir + QLatin1Char('/') + name + QStringLiteral(".json"));
    QVERIFY(!object.isEmpty());
    const QJsonObject actual = derive(object);
    const QString expectedPath = dir + QStringLiteral("/expected.json");
    QJsonObject all = readObject(expectedPath);
    if (qEnvironmentVariableIsSet("CAPSTAN_UPDATE_GOLDEN")) {
        all.insert(name, actual);
        QFile file(expectedPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(all).toJson(QJsonDocument::Indented));
        return;
    }
    QVERIFY2(all.contains(name), qPrintable(QStringLiteral("no expectation for %1 in %2").arg(name, expectedPath)));
    const QJsonObject expected = all.value(name).toObject();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QByteArray message
            = QStringLiteral("%1: %2 is %3, expected %4")
                  .arg(name, it.key(),
                       QString::fromUtf8(
                           QJsonDocument(QJsonArray{actual.value(it.key())}).toJson(QJsonDocument::Compact)),
                       QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)))
                  .toUtf8();
        QVERIFY2(actual.value(it.key()) == it.value(), message.constData());
    }
}

void TestOperatorStatus::malformedStatusNeverBreaks()
{
    QFETCH(QString, release);
    QFETCH(QString, name);
    const QJsonObject object
        = readObject(kRoot + QLatin1Char('/') + release + QLatin1Char('/') + name + QStringLiteral(".json"));
    int variants = 0;
    mutate(object, [&variants](const QJsonObject &variant) {
        const QJsonObject out = derive(variant);
        const QString state = out.value(QLatin1String("state")).toString();
        // Always one of the words the list knows.
        if (!QStringList{QStringLiteral("Running"), QStringLiteral("Transitioning"), QStringLiteral("Suspended"),
                         QStringLiteral("Cancelled"), QStringLiteral("Failed"), QStringLiteral("Finished")}
                 .contains(state))
            qFatal("state %s", qPrintable(state));
        ++variants;
    });
    QVERIFY(variants > 10);
}

void TestOperatorStatus::errorForms()
{
    QString type;
    QString message;
    DeploymentStatus::parseError(QString(), &type, &message);
    QVERIFY(message.isEmpty());
    DeploymentStatus::parseError(QStringLiteral("Deployment failed\nat line 2"), &type, &message);
    QCOMPARE(message, QStringLiteral("Deployment failed"));
    QVERIFY(type.isEmpty());
    DeploymentStatus::parseError(QStringLiteral(R"({"type":"a.b.DeploymentFailedException","message":"m1\nm2"})"),
                                 &type, &message);
    QCOMPARE(type, QStringLiteral("a.b.DeploymentFailedException"));
    QCOMPARE(message, QStringLiteral("m1"));
    DeploymentStatus::parseError(QStringLiteral(R"({"type":"a.b.ReconciliationException","message":null,)"
                                                R"("throwableList":[{"type":"x","message":"cause"}]})"),
                                 &type, &message);
    QCOMPARE(message, QStringLiteral("cause"));
    DeploymentStatus::parseError(QStringLiteral(R"({"type":"a.b.ValidationException"})"), &type, &message);
    QCOMPARE(message, QStringLiteral("ValidationException"));
    DeploymentStatus::parseError(QStringLiteral("{not json"), &type, &message);
    QCOMPARE(message, QStringLiteral("{not json"));
}

void TestOperatorStatus::reconciledSpecForms()
{
    const QJsonObject spec{{QStringLiteral("job"), QJsonObject{{QStringLiteral("state"), QStringLiteral("running")}}}};
    // 1.0 writes the spec itself, 1.1+ wraps it with resource_metadata.
    QCOMPARE(DeploymentStatus::specOf(QString::fromUtf8(QJsonDocument(spec).toJson())), spec);
    const QJsonObject wrapped{
        {QStringLiteral("spec"), spec},
        {QStringLiteral("resource_metadata"), QJsonObject{{QStringLiteral("firstDeployment"), true}}}};
    QCOMPARE(DeploymentStatus::specOf(QString::fromUtf8(QJsonDocument(wrapped).toJson())), spec);
    QVERIFY(DeploymentStatus::specOf(QStringLiteral("not json")).isEmpty());
    QVERIFY(DeploymentStatus::specOf(QJsonValue(42)).isEmpty());
}

QTEST_APPLESS_MAIN(TestOperatorStatus)
#include "tst_operatorstatus.moc"
