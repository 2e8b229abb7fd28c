#pragma once

// Shared by the measured processes of the benchmarks (the probes): report lines on stdout, read the
// process's memory, and let the event loop run meanwhile.

#include <QAbstractItemModel>
#include <QByteArray>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <malloc.h>

namespace capstan::bench {

// One line on stdout, flushed: the driver reads it as it comes.
inline void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// VmRSS / VmHWM of this process in MB.
inline double statusMb(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Heap bytes in use (all malloc arenas) in MB: RSS minus this is freed memory the allocator kept,
// code, and the rest.
inline double heapInUseMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

// Runs the event loop for `ms`.
inline void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs `ready` in the GUI thread's event loop until it returns true (checked on every change of the
// given models and every 2 ms), then once more after the events already queued (the repaint) ran.
inline void waitUntil(const std::function<bool()> &ready, const QList<QAbstractItemModel *> &models, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    const auto check = [&] {
        if (!done && ready()) {
            done = true;
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
        }
    };
    QList<QMetaObject::Connection> connections;
    for (QAbstractItemModel *model : models) {
        connections << QObject::connect(model, &QAbstractItemModel::rowsInserted, &loop, check);
        connections << QObject::connect(model, &QAbstractItemModel::modelReset, &loop, check);
    }
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(2);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check();
    if (!done)
        loop.exec();
    for (const auto &c : connections)
        QObject::disconnect(c);
}

} // namespace capstan::bench
