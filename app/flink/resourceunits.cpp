#include "flink/resourceunits.h"

#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

namespace capstan {

namespace {

constexpr qint64 KiB = 1024;

// Strips the zeros a fixed number of decimals leaves at the end ("1.50" → "1.5", "4.00" → "4").
QString trimmedNumber(double value, int decimals, const QLocale &locale)
{
    QLocale plain = locale;
    plain.setNumberOptions(QLocale::OmitGroupSeparator);
    QString text = plain.toString(value, 'f', decimals);
    const QString point = plain.decimalPoint();
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

// a * b, or nullopt past qint64.
std::optional<qint64> multiplied(quint64 a, quint64 b)
{
    if (b != 0 && a > quint64(std::numeric_limits<qint64>::max()) / b)
        return std::nullopt;
    return qint64(a * b);
}

} // namespace

std::optional<qint64> ResourceUnits::parseFlinkMemory(const QString &text)
{
    // As Flink's MemorySize.parseBytes: leading digits, then blanks, then an optional unit.
    const QString trimmed = text.trimmed();
    qsizetype digits = 0;
    while (digits < trimmed.size() && trimmed.at(digits).isDigit() && trimmed.at(digits).unicode() < 128)
        ++digits;
    if (digits == 0)
        return std::nullopt;
    bool ok = false;
    const quint64 number = trimmed.left(digits).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = trimmed.mid(digits).trimmed().toLower();
    struct Unit
    {
        const char *names[3];
        int power;
    };
    static constexpr std::array<Unit, 5> units{{
        {{"", "b", "bytes"}, 0},
        {{"k", "kb", "kibibytes"}, 1},
        {{"m", "mb", "mebibytes"}, 2},
        {{"g", "gb", "gibibytes"}, 3},
        {{"t", "tb", "tebibytes"}, 4},
    }};
    for (const Unit &u : units) {
        for (const char *name : u.names) {
            if (unit == QLatin1String(name))
                return multiplied(number, quint64(1) << (10 * u.power));
        }
    }
    return std::nullopt;
}

std::optional<qint64> ResourceUnits::parseKubernetesMemory(const QString &text)
{
    // The quantity grammar of k8s.io/apimachinery: a decimal number, then a binary suffix, a decimal
    // suffix or a decimal exponent.
    static const QRegularExpression quantity(
        QStringLiteral("^\\+?(\\d+(?:\\.\\d*)?|\\.\\d+)(?:([eE][+-]?\\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$"));
    const QRegularExpressionMatch match = quantity.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    long double value = match.captured(1).toDouble();
    const QString exponent = match.captured(2);
    const QString suffix = match.captured(3);
    if (!exponent.isEmpty()) {
        value *= std::pow(10.0L, exponent.mid(1).toInt());
    } else if (!suffix.isEmpty()) {
        static const QString binary = QStringLiteral("KMGTPE");
        static const QString decimal = QStringLiteral("kMGTPE");
        if (suffix.size() == 2)
            value *= std::pow(1024.0L, binary.indexOf(suffix.at(0)) + 1);
        else if (suffix == QLatin1String("n"))
            value /= 1e9L;
        else if (suffix == QLatin1String("u"))
            value /= 1e6L;
        else if (suffix == QLatin1String("m"))
            value /= 1e3L;
        else
            value *= std::pow(1000.0L, decimal.indexOf(suffix.at(0)) + 1);
    }
    value = std::ceil(value);
    if (!std::isfinite(value) || value >= static_cast<long double>(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return static_cast<qint64>(value);
}

std::optional<qint64> ResourceUnits::parseMemory(const QString &text)
{
    if (const auto flink = parseFlinkMemory(text))
        return flink;
    return parseKubernetesMemory(text);
}

std::optional<double> ResourceUnits::parseCpu(const QString &text)
{
    QString number = text.trimmed();
    double scale = 1.0;
    if (number.endsWith(QLatin1Char('m'))) {
        number.chop(1);
        scale = 1e-3;
    }
    static const QRegularExpression decimal(QStringLiteral("^\\+?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
    if (!decimal.match(number).hasMatch())
        return std::nullopt;
    const double cores = number.toDouble() * scale;
    if (!std::isfinite(cores))
        return std::nullopt;
    return cores;
}

QString ResourceUnits::formatBytes(qint64 bytes, const QLocale &locale)
{
    static const std::array<QString, 7> units{QStringLiteral("B"),   QStringLiteral("KiB"), QStringLiteral("MiB"),
                                              QStringLiteral("GiB"), QStringLiteral("TiB"), QStringLiteral("PiB"),
                                              QStringLiteral("EiB")};
    if (bytes < KiB) // negative sizes included: nothing to scale
        return QStringLiteral("%1 %2").arg(locale.toString(bytes), units.front());
    std::size_t unit = 0;
    double value = double(bytes);
    while (value >= 1024.0 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    // Three significant digits; 1023.99 MiB reads as 1 GiB, not "1024 MiB".
    int decimals = value < 10 ? 2 : value < 100 ? 1 : 0;
    const double factor = std::pow(10.0, decimals);
    if (std::round(value * factor) / factor >= 1024.0 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
        decimals = 2;
    }
    return QStringLiteral("%1 %2").arg(trimmedNumber(value, decimals, locale), units.at(unit));
}

QString ResourceUnits::formatCpu(double cores, const QLocale &locale)
{
    const QString number = trimmedNumber(cores, 3, locale);
    // One CPU or a part of one is singular ("0.5 CPU"); none or more than one is plural.
    const bool singular = cores > 0 && std::round(cores * 1000) <= 1000;
    return singular ? QStringLiteral("%1 CPU").arg(number) : QStringLiteral("%1 CPUs").arg(number);
}

QString ResourceUnits::humanMemory(const QString &text, const QLocale &locale)
{
    const auto bytes = parseMemory(text);
    return bytes ? formatBytes(*bytes, locale) : text;
}

QString ResourceUnits::humanCpu(const QString &text, const QLocale &locale)
{
    const auto cores = parseCpu(text);
    return cores ? formatCpu(*cores, locale) : text;
}

} // namespace capstan
