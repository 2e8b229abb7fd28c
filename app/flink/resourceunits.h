#pragma once

#include <QLocale>
#include <QString>

#include <optional>

namespace capstan {

// Memory sizes and CPU amounts as FlinkDeployments and Flink's REST API write them, and as people
// read them. Pure functions, no state.
//
// Two memory syntaxes meet here. Flink's MemorySize ("1024m", "1g", "1536 mb"; units b, k/kb,
// m/mb, g/gb, t/tb, case-insensitive, always powers of 1024) is what `jobManager.resource.memory`
// and `taskManager.resource.memory` use, while Kubernetes quantities ("1Gi", "1G" = 10^9, "500M")
// appear in pod templates. A plain number is bytes in both.
class ResourceUnits final
{
public:
    // Bytes in a Flink memory size (a whole number, optional blanks, optional unit); nullopt when the
    // text is not one or does not fit in 64 bits.
    static std::optional<qint64> parseFlinkMemory(const QString &text);
    // Bytes in a Kubernetes quantity ("1Gi", "1.5Gi", "500M", "1e9", "129e6"); fractions of a byte
    // round up, as the kubelet does; nullopt when the text is not one.
    static std::optional<qint64> parseKubernetesMemory(const QString &text);
    // A spec's memory field: Flink's syntax where it applies (so "2g" and "2G" are 2 GiB, "500m" is
    // 500 MiB), else a Kubernetes quantity ("2Gi", "1.5Gi", "2e9").
    static std::optional<qint64> parseMemory(const QString &text);
    // Cores in a CPU amount: "0.5", "2", or Kubernetes millicores "500m"; nullopt otherwise.
    static std::optional<double> parseCpu(const QString &text);

    // "4 GiB", "1.5 GiB", "512 MiB", "900 B": the largest binary unit with at least 1 of it, at most
    // three significant digits and no trailing zeros.
    static QString formatBytes(qint64 bytes, const QLocale &locale = QLocale());
    // "0.5 CPU", "1 CPU", "2 CPUs" (up to three decimals: millicores stay exact).
    static QString formatCpu(double cores, const QLocale &locale = QLocale());

    // A memory field as written ("2048m", "4294967296") in human units; the text itself when it does
    // not parse, so nothing is lost.
    static QString humanMemory(const QString &text, const QLocale &locale = QLocale());
    static QString humanCpu(const QString &text, const QLocale &locale = QLocale());
};

} // namespace capstan
