// libFuzzer target for KubeConfigLoader::parse: any input must give a config or an Error, never a
// crash, hang, leak or undefined behaviour. Seed corpus: tests/fuzz/corpus/kubeconfig/.
//   ./fuzz_kubeconfig -max_total_time=60 ../../tests/fuzz/corpus/kubeconfig

#include "kube/kubeconfigloader.h"

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const capstan::Result<capstan::KubeConfig> result
        = capstan::KubeConfigLoader::parse(input, QStringLiteral("/fuzz/dir/config"));
    if (result.ok()) {
        // Touch the result so the merge and lookups run on fuzzed data too.
        const capstan::KubeConfig merged = capstan::KubeConfigLoader::merge({result.value(), result.value()});
        for (const capstan::KubeContext &context : merged.contexts) {
            if (const capstan::KubeUser *user = merged.user(context.user))
                (void)user->authKind();
        }
    } else {
        (void)result.error().toString();
    }
    return 0;
}
