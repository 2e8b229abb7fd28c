#pragma once

// The benchmarks run their subjects (capstan-sandbox, probes) as child processes and read what they
// report line by line.

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

#include <optional>

namespace capstan::bench {

// Reads the child's stdout until a line starting with `prefix` arrives; returns the rest of the line.
inline std::optional<QByteArray> readLine(QProcess &process, const QByteArray &prefix, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith(prefix))
                return line.mid(prefix.size()).trimmed();
        }
        if (process.state() == QProcess::NotRunning)
            return std::nullopt;
        process.waitForReadyRead(100);
    }
    return std::nullopt;
}

// How long `kubectl <args> get flinkdeployments -A -o json` takes, in ms (its output discarded); -1 when it
// fails.
inline double kubectlListMs(const QString &kubectl, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(kubectl,
                  args
                      + QStringList{QStringLiteral("get"), QStringLiteral("flinkdeployments"), QStringLiteral("-A"),
                                    QStringLiteral("-o"), QStringLiteral("json")});
    if (!process.waitForFinished(600000) || process.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

// Follows a probe (bench_scale_probe's protocol): when it reports "populated", the time since `started` goes
// into result[startedKey]; then every figure of its "result" line joins result. What went wrong goes into
// result["error"] (notPopulated when it never listed), with the end of its log (stderr) printed. The probe
// is waited for, killed when it does not end.
inline void collectProbe(QProcess &probe, const QElapsedTimer &started, const QString &startedKey,
                         const QString &notPopulated, int churnSeconds, const QString &log, QJsonObject &result)
{
    if (readLine(probe, "populated", 600000)) {
        result.insert(startedKey, double(started.nsecsElapsed()) / 1e6);
        if (const auto line = readLine(probe, "result", (churnSeconds + 600) * 1000)) {
            const QJsonObject probed = QJsonDocument::fromJson(*line).object();
            for (auto it = probed.begin(); it != probed.end(); ++it)
                result.insert(it.key(), it.value());
        } else {
            result.insert(QStringLiteral("error"), QStringLiteral("the probe gave no result"));
        }
    } else {
        result.insert(QStringLiteral("error"), notPopulated);
    }
    if (!probe.waitForFinished(30000))
        probe.kill();
    probe.waitForFinished();
    if (result.contains(QStringLiteral("error"))) {
        QFile file(log);
        if (file.open(QIODevice::ReadOnly))
            QTextStream(stderr) << file.readAll().right(4000);
    }
}

} // namespace capstan::bench
