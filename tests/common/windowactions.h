#pragma once

// What GUI tests against the sandbox do with a real MainWindow: wait for the newest action in the
// Activity panel to end, and keep a screenshot to look at.

#include "ui/mainwindow.h"
#include "ui/models/activitymodel.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QEvent>
#include <QTest>
#include <QWidget>

namespace capstan::test {

// Whether the newest action of `window` ended and succeeded within timeoutMs; says why not when it failed.
inline bool lastActionSucceeded(MainWindow *window, int timeoutMs)
{
    ActivityModel *activity = window->activity();
    if (!QTest::qWaitFor(
            [&] {
                return activity->rowCount() > 0 && !activity->index(0, 0).data(ActivityModel::RunningRole).toBool();
            },
            timeoutMs))
        return false;
    const quint64 id = activity->index(0, 0).data(ActivityModel::ActionIdRole).toULongLong();
    if (activity->outcomeText(id) != QLatin1String("succeeded"))
        qWarning() << "last action:" << activity->outcomeText(id)
                   << activity->index(0, 0).data(Qt::ToolTipRole).toString();
    return activity->outcomeText(id) == QLatin1String("succeeded");
}

// Saves `widget` as <build>/screenshots/<name>.png; false when it could not be written.
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    // Layouts settle on posted events: a label whose text just changed gets its new width first.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString dir = QStringLiteral(CAPSTAN_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace capstan::test
