#pragma once

// The benchmarks run their subjects (capstan-sandbox, probes) as child processes and read what they
// report line by line.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

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

} // namespace capstan::bench
