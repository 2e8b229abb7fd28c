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
// Destroyed at exit, after waiting for a task still running.
Q_GLOBAL_STATIC(BackgroundPool, g_backgroundPool)
} // namespace

QThreadPool *backgroundPool()
{
    return g_backgroundPool();
}

} // namespace capstan
