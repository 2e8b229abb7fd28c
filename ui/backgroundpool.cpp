#include "ui/backgroundpool.h"

#include <QGlobalStatic>
#include <QThreadPool>

namespace capstan {

namespace {
class BackgroundPool final : public QThreadPool
{
public:
    BackgroundPool()
    {
        setMaxThreadCount(1);
        setObjectName(QStringLiteral("capstan-background"));
    }
};
Q_GLOBAL_STATIC(BackgroundPool, g_backgroundPool)
} // namespace

QThreadPool *backgroundPool()
{
    return g_backgroundPool();
}

void waitForBackgroundWork()
{
    if (g_backgroundPool.exists())
        g_backgroundPool()->waitForDone();
}

} // namespace capstan
