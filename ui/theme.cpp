#include "ui/theme.h"

#include <QApplication>
#include <QColor>
#include <QStyle>

namespace capstan {

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    // Dark enough that white text on a selected row reads (WCAG 4.5:1; #3d7ed6 gave 4.1:1).
    p.setColor(QPalette::Highlight, QColor(0x35, 0x71, 0xc0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void Theme::apply(ThemeChoice theme)
{
    switch (theme) {
    case ThemeChoice::System:
        // A palette with no roles set resolves entirely against the platform's, and Qt follows
        // the platform again (AA_SetPalette is cleared).
        QApplication::setPalette(QPalette());
        break;
    case ThemeChoice::Light: {
        QPalette p = QApplication::style()->standardPalette();
        // Fusion's selection blue (#308cc6) under white text is 3.7:1; this one is 4.7:1.
        p.setColor(QPalette::Active, QPalette::Highlight, QColor(0x2a, 0x7a, 0xb0));
        p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x2a, 0x7a, 0xb0));
        QApplication::setPalette(p);
        break;
    }
    case ThemeChoice::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace capstan
