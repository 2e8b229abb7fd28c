#pragma once

// The upstream reference data (the operator's CRDs and example manifests) that tests hold the sandbox
// against. It lies beside the repository, in ../shared/reference, only in CI: a clone without it
// skips the comparisons, and CAPSTAN_REQUIRE_REFERENCE=1 (set by CI) turns that skip into a failure.
// CAPSTAN_REFERENCE_DIR in the environment points the tests at another copy.

#include <QFileInfo>
#include <QString>
#include <QTest>

namespace capstan::test {

inline QString referenceDir()
{
    const QString overridden = qEnvironmentVariable("CAPSTAN_REFERENCE_DIR");
    return overridden.isEmpty() ? QStringLiteral(CAPSTAN_REFERENCE_DIR) : overridden;
}

// relative is a path below referenceDir(), e.g. "crds/flinkdeployments.flink.apache.org-v1.yml".
inline QString referencePath(const QString &relative)
{
    return referenceDir() + QLatin1Char('/') + relative;
}

inline bool referenceRequired()
{
    return qEnvironmentVariableIntValue("CAPSTAN_REQUIRE_REFERENCE") == 1;
}

// Empty when referencePath(relative) exists; otherwise what is missing, for QSKIP/QFAIL.
inline QString missingReference(const QString &relative)
{
    const QString dir = referenceDir();
    const QString missing = !QFileInfo::exists(dir) ? dir : referencePath(relative);
    if (QFileInfo::exists(missing))
        return {};
    return QStringLiteral("upstream reference data missing: %1 (it lies beside the repository only in CI)")
        .arg(missing);
}

} // namespace capstan::test

// Skips the calling test function when the reference file or directory `relative` is absent, or
// fails it when CAPSTAN_REQUIRE_REFERENCE=1. A macro because QSKIP and QFAIL return from the caller.
// Not for a _data function: Qt Test aborts the whole run on a failure there.
#define CAPSTAN_NEEDS_REFERENCE(relative)                                                                              \
    do {                                                                                                               \
        const QString capstanMissing_ = capstan::test::missingReference(relative);                                     \
        if (!capstanMissing_.isEmpty()) {                                                                              \
            /* Worded apart from the skip: CTest reports a run whose output has the skip's words as skipped. */        \
            if (capstan::test::referenceRequired())                                                                    \
                QFAIL(qPrintable(QStringLiteral("CAPSTAN_REQUIRE_REFERENCE=1, but the reference is absent: ")          \
                                 + capstanMissing_.section(QLatin1Char(' '), 4)));                                     \
            QSKIP(qPrintable(capstanMissing_));                                                                        \
        }                                                                                                              \
    } while (false)
