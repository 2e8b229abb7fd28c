// ResourceUnits: Flink memory sizes, Kubernetes quantities and CPU amounts in, human units out.

#include "flink/resourceunits.h"

#include <QTest>

#include <optional>

using namespace capstan;

class TestResourceUnits : public QObject
{
    Q_OBJECT

private slots:
    void flinkMemory_data();
    void flinkMemory();
    void kubernetesMemory_data();
    void kubernetesMemory();
    void specMemory_data();
    void specMemory();
    void cpu_data();
    void cpu();
    void formatBytes_data();
    void formatBytes();
    void formatCpu_data();
    void formatCpu();
    void human();
    void germanLocale();
};

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 Invalid = -1; // "does not parse" in the tables below

qint64 orInvalid(const std::optional<qint64> &value)
{
    return value ? *value : Invalid;
}
} // namespace

void TestResourceUnits::flinkMemory_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain bytes") << QStringLiteral("4294967296") << 4 * GiB;
    QTest::newRow("m is MiB") << QStringLiteral("2048m") << 2 * GiB;
    QTest::newRow("M is MiB too") << QStringLiteral("2048M") << 2 * GiB;
    QTest::newRow("g") << QStringLiteral("4g") << 4 * GiB;
    QTest::newRow("G") << QStringLiteral("1G") << GiB;
    QTest::newRow("mb with a blank") << QStringLiteral("1536 mb") << 1536 * MiB;
    QTest::newRow("MB") << QStringLiteral("1536MB") << 1536 * MiB;
    QTest::newRow("k") << QStringLiteral("512k") << 512 * 1024LL;
    QTest::newRow("kb") << QStringLiteral("512 KB") << 512 * 1024LL;
    QTest::newRow("b") << QStringLiteral("100b") << 100LL;
    QTest::newRow("bytes") << QStringLiteral("100 bytes") << 100LL;
    QTest::newRow("tb") << QStringLiteral("1tb") << 1024 * GiB;
    QTest::newRow("long name") << QStringLiteral("3 gibibytes") << 3 * GiB;
    QTest::newRow("surrounding blanks") << QStringLiteral("  1g  ") << GiB;
    QTest::newRow("zero") << QStringLiteral("0") << 0LL;
    QTest::newRow("Kubernetes Gi is not Flink") << QStringLiteral("1Gi") << Invalid;
    QTest::newRow("no fractions in Flink") << QStringLiteral("1.5g") << Invalid;
    QTest::newRow("no number") << QStringLiteral("g") << Invalid;
    QTest::newRow("empty") << QString() << Invalid;
    QTest::newRow("negative") << QStringLiteral("-1g") << Invalid;
    QTest::newRow("unknown unit") << QStringLiteral("4 xb") << Invalid;
    QTest::newRow("overflow") << QStringLiteral("99999999999t") << Invalid;
}

void TestResourceUnits::flinkMemory()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(orInvalid(ResourceUnits::parseFlinkMemory(text)), bytes);
}

void TestResourceUnits::kubernetesMemory_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain bytes") << QStringLiteral("4294967296") << 4 * GiB;
    QTest::newRow("Gi") << QStringLiteral("1Gi") << GiB;
    QTest::newRow("fractional Gi") << QStringLiteral("1.5Gi") << GiB * 3 / 2;
    QTest::newRow("Mi") << QStringLiteral("512Mi") << 512 * MiB;
    QTest::newRow("Ki") << QStringLiteral("4Ki") << 4096LL;
    QTest::newRow("G is 10^9") << QStringLiteral("1G") << 1000000000LL;
    QTest::newRow("M is 10^6") << QStringLiteral("500M") << 500000000LL;
    QTest::newRow("k is 10^3") << QStringLiteral("3k") << 3000LL;
    QTest::newRow("exponent") << QStringLiteral("129e6") << 129000000LL;
    QTest::newRow("E is exa") << QStringLiteral("1E") << 1000000000000000000LL;
    QTest::newRow("milli rounds up") << QStringLiteral("1500m") << 2LL;
    QTest::newRow("lower-case g is no suffix") << QStringLiteral("1g") << Invalid;
    QTest::newRow("blank before suffix") << QStringLiteral("1 Gi") << Invalid;
    QTest::newRow("text") << QStringLiteral("lots") << Invalid;
    QTest::newRow("too large") << QStringLiteral("16Ei") << Invalid;
}

void TestResourceUnits::kubernetesMemory()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(orInvalid(ResourceUnits::parseKubernetesMemory(text)), bytes);
}

void TestResourceUnits::specMemory_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    // Flink's reading wins where both syntaxes apply: the operator hands the field to Flink.
    QTest::newRow("2048m") << QStringLiteral("2048m") << 2 * GiB;
    QTest::newRow("500M is MiB") << QStringLiteral("500M") << 500 * MiB;
    QTest::newRow("1G is GiB") << QStringLiteral("1G") << GiB;
    QTest::newRow("4g") << QStringLiteral("4g") << 4 * GiB;
    QTest::newRow("1536 mb") << QStringLiteral("1536 mb") << 1536 * MiB;
    QTest::newRow("raw bytes") << QStringLiteral("4294967296") << 4 * GiB;
    // Kubernetes-only spellings still read.
    QTest::newRow("1Gi") << QStringLiteral("1Gi") << GiB;
    QTest::newRow("1.5Gi") << QStringLiteral("1.5Gi") << GiB * 3 / 2;
    QTest::newRow("2e9") << QStringLiteral("2e9") << 2000000000LL;
    QTest::newRow("garbage") << QStringLiteral("two gigs") << Invalid;
}

void TestResourceUnits::specMemory()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(orInvalid(ResourceUnits::parseMemory(text)), bytes);
}

void TestResourceUnits::cpu_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("cores");
    QTest::newRow("half") << QStringLiteral("0.5") << true << 0.5;
    QTest::newRow("whole") << QStringLiteral("2") << true << 2.0;
    QTest::newRow("millicores") << QStringLiteral("500m") << true << 0.5;
    QTest::newRow("250m") << QStringLiteral("250m") << true << 0.25;
    QTest::newRow("1500m") << QStringLiteral("1500m") << true << 1.5;
    QTest::newRow("leading dot") << QStringLiteral(".25") << true << 0.25;
    QTest::newRow("blanks") << QStringLiteral(" 4 ") << true << 4.0;
    QTest::newRow("empty") << QString() << false << 0.0;
    QTest::newRow("just m") << QStringLiteral("m") << false << 0.0;
    QTest::newRow("negative") << QStringLiteral("-1") << false << 0.0;
    QTest::newRow("words") << QStringLiteral("two") << false << 0.0;
    QTest::newRow("nan") << QStringLiteral("nan") << false << 0.0;
}

void TestResourceUnits::cpu()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, cores);
    const std::optional<double> parsed = ResourceUnits::parseCpu(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, cores);
}

void TestResourceUnits::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("4 GiB") << 4 * GiB << QStringLiteral("4 GiB");
    QTest::newRow("1.5 GiB") << GiB * 3 / 2 << QStringLiteral("1.5 GiB");
    QTest::newRow("512 MiB") << 512 * MiB << QStringLiteral("512 MiB");
    QTest::newRow("1.25 GiB") << GiB * 5 / 4 << QStringLiteral("1.25 GiB");
    QTest::newRow("12.5 GiB") << GiB * 25 / 2 << QStringLiteral("12.5 GiB");
    QTest::newRow("bytes") << 900LL << QStringLiteral("900 B");
    QTest::newRow("zero") << 0LL << QStringLiteral("0 B");
    QTest::newRow("1 KiB") << 1024LL << QStringLiteral("1 KiB");
    QTest::newRow("decimal gigabyte") << 1000000000LL << QStringLiteral("954 MiB");
    QTest::newRow("rounds up to the next unit") << GiB - 1024 << QStringLiteral("1 GiB");
    QTest::newRow("1 TiB") << 1024 * GiB << QStringLiteral("1 TiB");
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << QStringLiteral("8 EiB");
}

void TestResourceUnits::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(ResourceUnits::formatBytes(bytes, QLocale::c()), text);
}

void TestResourceUnits::formatCpu_data()
{
    QTest::addColumn<double>("cores");
    QTest::addColumn<QString>("text");
    QTest::newRow("half") << 0.5 << QStringLiteral("0.5 CPU");
    QTest::newRow("one") << 1.0 << QStringLiteral("1 CPU");
    QTest::newRow("two") << 2.0 << QStringLiteral("2 CPUs");
    QTest::newRow("one and a half") << 1.5 << QStringLiteral("1.5 CPUs");
    QTest::newRow("millicores") << 0.125 << QStringLiteral("0.125 CPU");
    QTest::newRow("none") << 0.0 << QStringLiteral("0 CPUs");
    QTest::newRow("many") << 12.0 << QStringLiteral("12 CPUs");
}

void TestResourceUnits::formatCpu()
{
    QFETCH(double, cores);
    QFETCH(QString, text);
    QCOMPARE(ResourceUnits::formatCpu(cores, QLocale::c()), text);
}

void TestResourceUnits::human()
{
    const QLocale c = QLocale::c();
    QCOMPARE(ResourceUnits::humanMemory(QStringLiteral("4294967296"), c), QStringLiteral("4 GiB"));
    QCOMPARE(ResourceUnits::humanMemory(QStringLiteral("2048m"), c), QStringLiteral("2 GiB"));
    QCOMPARE(ResourceUnits::humanMemory(QStringLiteral("1536 mb"), c), QStringLiteral("1.5 GiB"));
    // What does not parse stays as written.
    QCOMPARE(ResourceUnits::humanMemory(QStringLiteral("lots"), c), QStringLiteral("lots"));
    QCOMPARE(ResourceUnits::humanCpu(QStringLiteral("500m"), c), QStringLiteral("0.5 CPU"));
    QCOMPARE(ResourceUnits::humanCpu(QStringLiteral("3"), c), QStringLiteral("3 CPUs"));
    QCOMPARE(ResourceUnits::humanCpu(QStringLiteral("some"), c), QStringLiteral("some"));
}

void TestResourceUnits::germanLocale()
{
    const QLocale german(QLocale::German, QLocale::Germany);
    QCOMPARE(ResourceUnits::formatBytes(GiB * 3 / 2, german), QStringLiteral("1,5 GiB"));
    QCOMPARE(ResourceUnits::formatBytes(1000 * MiB, german), QStringLiteral("1000 MiB")); // no group separator
    QCOMPARE(ResourceUnits::formatCpu(0.5, german), QStringLiteral("0,5 CPU"));
}

QTEST_APPLESS_MAIN(TestResourceUnits)
#include "tst_resourceunits.moc"
