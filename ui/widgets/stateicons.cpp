#include "ui/widgets/stateicons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace capstan {

QColor StateIcons::color(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return QColor(0x2e, 0x9d, 0x4f);
    case DisplayState::Transitioning:
        return QColor(0x2f, 0x7f, 0xd6);
    case DisplayState::Suspended:
        return QColor(0x8a, 0x8f, 0x98);
    case DisplayState::Cancelled:
        return QColor(0xb0, 0x7a, 0x1e);
    case DisplayState::Failed:
        return QColor(0xd3, 0x3a, 0x2c);
    case DisplayState::Finished:
        return QColor(0x5b, 0x6b, 0x7d);
    case DisplayState::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

namespace {

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

QColor StateIcons::textColor(DisplayState state, const QColor &background)
{
    // Same hue, lightness moved away from the background's in small steps until it reads.
    QColor c = color(state).toHsl();
    const bool darken = luminance(background) > 0.18;
    for (int step = 0; step < 40 && contrast(c, background) < 4.5; ++step) {
        const int lightness = std::clamp(c.lightness() + (darken ? -6 : 6), 0, 255);
        c.setHsl(c.hslHue(), c.hslSaturation(), lightness);
    }
    return c.toRgb();
}

QIcon StateIcons::dot(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(6, 6, 20, 20));
    return QIcon(pixmap);
}

QIcon StateIcons::failingIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        QPainterPath triangle;
        triangle.moveTo(16, 3);
        triangle.lineTo(30, 28);
        triangle.lineTo(2, 28);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color(DisplayState::Failed));
        p.drawPath(triangle);
        p.setPen(QPen(Qt::white, 3.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(16, 11), QPointF(16, 19));
        p.drawPoint(QPointF(16, 24));
        return QIcon(pixmap);
    }();
    return icon;
}

QIcon StateIcons::pinIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor blue(0x1e, 0x6f, 0xd9);
        p.setPen(QPen(blue.darker(130), 2.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(16, 17), QPointF(16, 30)); // the needle
        p.setPen(Qt::NoPen);
        p.setBrush(blue);
        p.drawEllipse(QPointF(16, 10), 8, 8); // the head
        p.setBrush(QColor(255, 255, 255, 150));
        p.drawEllipse(QPointF(13.5, 7.5), 2.6, 2.6);
        return QIcon(pixmap);
    }();
    return icon;
}

QIcon StateIcons::icon(DisplayState state)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(static_cast<int>(state));
    if (it != cache.cend())
        return *it;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color(state));
    p.drawEllipse(QRectF(2, 2, 28, 28));
    QPen pen(Qt::white, 3.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (state) {
    case DisplayState::Running: { // check mark
        QPainterPath path;
        path.moveTo(9, 16.5);
        path.lineTo(14, 21.5);
        path.lineTo(23, 11);
        p.drawPath(path);
        break;
    }
    case DisplayState::Transitioning: // circular arrow
        p.drawArc(QRectF(9, 9, 14, 14), 60 * 16, 270 * 16);
        p.drawLine(QPointF(21.5, 7.5), QPointF(22.5, 12.5));
        p.drawLine(QPointF(22.5, 12.5), QPointF(17.5, 12.5));
        break;
    case DisplayState::Suspended: // pause bars
        p.drawLine(QPointF(13, 10), QPointF(13, 22));
        p.drawLine(QPointF(19, 10), QPointF(19, 22));
        break;
    case DisplayState::Cancelled: // stop square
        p.setBrush(Qt::white);
        p.drawRect(QRectF(11, 11, 10, 10));
        break;
    case DisplayState::Failed: // cross
        p.drawLine(QPointF(11, 11), QPointF(21, 21));
        p.drawLine(QPointF(21, 11), QPointF(11, 21));
        break;
    case DisplayState::Finished: // flag-like double check
        p.drawLine(QPointF(10, 16), QPointF(22, 16));
        break;
    case DisplayState::Unknown:
        p.drawPoint(QPointF(16, 16));
        break;
    }
    p.end();
    QIcon icon(pixmap);
    cache.insert(static_cast<int>(state), icon);
    return icon;
}

} // namespace capstan
