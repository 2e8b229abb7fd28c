// libFuzzer target for the watch stream's framing: the input is an NDJSON stream delivered in chunks
// whose sizes the fuzzer chooses (read from the end of the input, the stream from its start). Every
// split must give the lines of the unsplit stream, and each line is decoded as WatchStream decodes
// it. Seed corpus: tests/fuzz/corpus/watchstream/.
//   ./fuzz_watchstream -max_total_time=60 ../../tests/fuzz/corpus/watchstream

#include "kube/kubestatus.h"
#include "kube/ndjsonframer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <fuzzer/FuzzedDataProvider.h>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace {

// What the stream's lines must be: split at every newline at once, trimmed, blanks dropped.
QList<QByteArray> expectedLines(const QByteArray &stream, QByteArray *rest)
{
    QList<QByteArray> lines = stream.split('\n');
    *rest = lines.takeLast();
    QList<QByteArray> result;
    for (const QByteArray &line : std::as_const(lines)) {
        if (!line.trimmed().isEmpty())
            result.append(line.trimmed());
    }
    return result;
}

void decode(const QByteArray &line)
{
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    if (!doc.isObject())
        return;
    const QJsonObject event = doc.object();
    const QJsonObject object = event.value(QLatin1String("object")).toObject();
    if (event.value(QLatin1String("type")).toString() == QLatin1String("ERROR"))
        (void)capstan::KubeStatus::fromStatusObject(object).isExpired();
    (void)object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    capstan::NdjsonFramer framer;
    QByteArray stream;
    QList<QByteArray> lines;
    while (provider.remaining_bytes() > 0) {
        const std::string chunk = provider.ConsumeBytesAsString(provider.ConsumeIntegral<uint8_t>());
        const QByteArray bytes(chunk.data(), qsizetype(chunk.size()));
        stream += bytes;
        framer.append(bytes);
        QByteArray line;
        while (framer.takeLine(&line)) {
            lines.append(line);
            decode(line);
        }
    }
    QByteArray rest;
    if (lines != expectedLines(stream, &rest))
        std::abort(); // reassembly depends on where the chunks ended
    if (framer.hasPartialLine() != !rest.trimmed().isEmpty())
        std::abort(); // a truncated stream would go unnoticed, or a complete one be called truncated
    return 0;
}
