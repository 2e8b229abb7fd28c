#pragma once

// Opens the sandbox's simulated Ververica Platform in a MainWindow the way a user does: the window
// opens the Kubernetes context, which finds the platform's Service and offers it as a context of its
// own; the test picks it.

#include "common/sandboxfixture.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/vvpplatform.h"
#include "session/sessionhost.h"
#include "ui/deploymentpage.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

namespace capstan::test {

inline std::unique_ptr<MainWindow> openPlatformWindow(const SandboxFixture &sandbox, const SessionOptions &options)
{
    auto window = std::make_unique<MainWindow>(sandbox.kubeConfig(), QStringLiteral("sandbox"),
                                               QStringLiteral("default"), options);
    window->resize(1500, 1000);
    window->show();
    auto *contexts = window->findChild<QComboBox *>(QStringLiteral("contextComboBox"));
    QString platform;
    const bool offered = QTest::qWaitFor(
        [&] {
            for (int i = 0; i < contexts->count(); ++i) {
                if (contexts->itemText(i).contains(QStringLiteral("Ververica Platform")))
                    platform = contexts->itemData(i).toString();
            }
            return !platform.isEmpty();
        },
        10000);
    if (!offered)
        return {};
    window->openContext(platform, QStringLiteral("all"));
    return window;
}

// Whether `window`'s page shows the deployment at the version `platformObject` has: what the
// platform changes by itself (a savepoint completing, a job starting) raises the version, and a write
// from an older one is rightly a conflict.
inline bool pageIsCurrent(MainWindow *window, const QJsonObject &platformObject)
{
    return window->deploymentPage()->object().value(u"metadata")[u"resourceVersion"]
        == platformObject.value(u"metadata")[u"resourceVersion"];
}

// Opens `name` of the platform's namespace "default" on `window`'s page, as a click in the list does, and
// waits until the page shows the platform's current version; an empty summary when it does not in time.
inline Deployment openPlatformPage(MainWindow *window, const SandboxFixture &sandbox, const QString &name)
{
    const QString ns = QStringLiteral("default");
    if (!QTest::qWaitFor([&] { return window->openDeployment(ns, name); }, 10000))
        return {};
    if (!QTest::qWaitFor(
            [&] { return pageIsCurrent(window, sandbox.server->vvpPlatform()->getDeployment(ns, name).body); }, 10000))
        return {};
    return window->deploymentPage()->summary();
}

// Sends `request` (with its id set) through `window`'s session and waits for its result; a result with
// id 0 when none came in time.
inline ActionResult runPlatformAction(MainWindow *window, const ActionRequest &request)
{
    QSignalSpy finished(window->session()->session(), &BackendSession::actionFinished);
    window->session()->runAction(request);
    ActionResult answer;
    (void)QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &args : std::as_const(finished)) {
                if (args.constFirst().value<ActionResult>().id == request.id)
                    answer = args.constFirst().value<ActionResult>();
            }
            return answer.id == request.id;
        },
        10000);
    return answer;
}

// Runs the sandbox's (paused) platform a second at a time until `done`, at most `maxMs` of its time.
// Each second leaves the window time to poll the platform, so the states it passes through are seen.
inline bool stepPlatformUntil(const SandboxFixture &sandbox, const std::function<bool()> &done, qint64 maxMs = 180000)
{
    for (qint64 t = 0; t < maxMs; t += 1000) {
        if (done())
            return true;
        sandbox.server->clock().advance(1000);
        sandbox.server->vvpPlatform()->reconcile();
        QTest::qWait(40);
    }
    return done();
}

} // namespace capstan::test
