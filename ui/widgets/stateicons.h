#pragma once

#include "flink/deployment.h"

#include <QColor>
#include <QIcon>

namespace capstan {

// Colours and icons for deployment states. The state is always shown as icon + word, never by
// colour alone; the icon shape differs per state too (check, arrows, pause, cross…).
class StateIcons final
{
public:
    static QColor color(DisplayState state);
    static QIcon icon(DisplayState state);
    static QIcon dot(const QColor &color);
    // A red warning triangle: the deployment is in a restart loop or failed.
    static QIcon failingIcon();
    // A pin: the deployment's metrics are collected while its page is closed.
    static QIcon pinIcon();
};

} // namespace capstan
