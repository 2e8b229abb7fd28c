// libFuzzer target for KubeStatus::fromHttp, which turns any API server (or proxy) error answer into
// an Error: the HTTP status comes from the end of the input, the body is the rest. Any body must give
// an Error with a reason and a message, never a crash or undefined behaviour. Seed corpus:
// tests/fuzz/corpus/kubestatus/.
//   ./fuzz_kubestatus -max_total_time=60 ../../tests/fuzz/corpus/kubestatus

#include "kube/kubestatus.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <fuzzer/FuzzedDataProvider.h>

#include <QByteArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    const int status = provider.ConsumeIntegralInRange<int>(100, 599);
    const std::string rest = provider.ConsumeRemainingBytesAsString();
    const QByteArray body(rest.data(), qsizetype(rest.size()));

    const capstan::Error error = capstan::KubeStatus::fromHttp(status, body);
    if (error.httpStatus != status || error.reason.isEmpty() || error.message.isEmpty())
        std::abort(); // the activity panel would show an error that says nothing
    (void)error.toString();
    (void)error.isExpired();
    (void)error.isRetryable();
    return 0;
}
