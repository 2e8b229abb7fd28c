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
    // The state's colour made dark or light enough to read as text on `background` (WCAG 2
    // contrast at least 4.5:1): the icon colours are for shapes, not for words.
    static QColor textColor(DisplayState state, const QColor &background);
    static QIcon icon(DisplayState state);
    static QIcon dot(const QColor &color);
    // A red warning triangle: the deployment is in a restart loop or failed.
    static QIcon failingIcon();
    // A pin: the deployment's metrics are collected while its page is closed.
    static QIcon pinIcon();
};

} // namespace capstan
