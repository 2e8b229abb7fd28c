#pragma once

// The benchmarks run their subjects (capstan-sandbox, probes) as child processes and read what they
// report line by line.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>

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

} // namespace capstan::bench
