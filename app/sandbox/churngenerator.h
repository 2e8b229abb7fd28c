#pragma once

#include <QtGlobal>

#include <memory>

namespace capstan::sandbox {

class ResourceStore;

// A steady stream of changes for load tests: `changesPerSecond` writes to the store, spread evenly
// over each second. Four of five update a FlinkDeployment's status (jobStatus.updateTime; every
// tenth of those also flips a running job between RUNNING and RECONCILING), one of five creates an
// Event for a deployment (one in four of them a Warning, half of those a JobException). Events it
// created beyond `keepEvents` are deleted oldest first, as the API server's event TTL would, so a
// long run stays the same size.
//
// Thread-safety: every public method may be called from any thread; the changes are written from a
// thread of its own between start() and stop().
class ChurnGenerator final
{
public:
    ChurnGenerator(ResourceStore &store, int changesPerSecond, quint64 seed = 1, int keepEvents = 10000);
    ~ChurnGenerator();
    ChurnGenerator(const ChurnGenerator &) = delete;
    ChurnGenerator &operator=(const ChurnGenerator &) = delete;

    void start();
    void stop();
    bool isRunning() const;

    // Writes `count` changes at once, on the calling thread (tests).
    void step(int count);
    // Changes written so far.
    quint64 changes() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
