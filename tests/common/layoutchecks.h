#pragma once

// Checks for what a person notices in a window: text that does not fit its widget (cut off or
// elided), widgets drawn over each other, and text too faint to read (WCAG 2 contrast). Each check
// returns one readable line per offender, naming the widget, its text and the sizes measured, so
// a test can print them and compare the list with what it expects.

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QColor>
#include <QFontMetrics>
#include <QGroupBox>
#include <QLabel>
#include <QLayout>
#include <QList>
#include <QPushButton>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionGroupBox>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QToolButton>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace capstan::test {

namespace layoutchecks_detail {

// initStyleOption() is protected; a member pointer taken through a subclass calls it on any instance.
struct PushButtonAccess : QPushButton
{
    using QPushButton::initStyleOption;
};
struct GroupBoxAccess : QGroupBox
{
    using QGroupBox::initStyleOption;
};
struct TabBarAccess : QTabBar
{
    using QTabBar::initStyleOption;
};

inline QString sizeText(const QSize &s)
{
    return QStringLiteral("%1x%2").arg(s.width()).arg(s.height());
}

} // namespace layoutchecks_detail

// "objectName (Class)", or the class and the nearest named ancestor for an anonymous widget.
inline QString describeWidget(const QWidget *w)
{
    const QString cls = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        return QStringLiteral("%1 (%2)").arg(w->objectName(), cls);
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (!p->objectName().isEmpty())
            return QStringLiteral("%1 in %2").arg(cls, p->objectName());
    }
    return cls;
}

// The text as shown: "&&" is "&", a single "&" marks the mnemonic and is not drawn.
inline QString withoutMnemonic(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        out.append(text.at(i));
    }
    return out;
}

// Visible QLabel, QAbstractButton, QGroupBox title and QTabBar tab texts under root (root included)
// that need more room than their widget gives them: cut off at an edge, or elided by the widget.
inline QStringList clippedTexts(const QWidget *root)
{
    using namespace layoutchecks_detail;
    QStringList issues;
    QList<const QWidget *> widgets{root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        widgets.append(w);
    const auto report = [&](const QWidget *w, const QString &text, const QString &detail) {
        issues.append(QStringLiteral("%1 \"%2\": %3").arg(describeWidget(w), text, detail));
    };
    for (const QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible())
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(w)) {
            const QString text = label->text();
            if (text.trimmed().isEmpty())
                continue;
            const bool rich = label->textFormat() == Qt::RichText
                || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
            if (label->wordWrap()) {
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height())
                    report(label, text,
                           QStringLiteral("wrapped at width %1 it needs height %2, has %3")
                               .arg(label->width())
                               .arg(needed)
                               .arg(label->height()));
                continue;
            }
            QSize needed;
            if (rich) {
                // QLabel measures rich text with a QTextDocument; so does its size hint.
                needed = label->sizeHint();
            } else {
                const bool mnemonic = label->buddy() != nullptr;
                const QSize textSize = label->fontMetrics().size(mnemonic ? Qt::TextShowMnemonic : 0, text);
                const QMargins m = label->contentsMargins();
                int indent = label->indent();
                if (indent < 0)
                    indent = label->frameWidth() > 0 ? label->fontMetrics().horizontalAdvance(u'x') / 2 : 0;
                needed = textSize
                    + QSize(m.left() + m.right() + 2 * label->margin() + indent,
                            m.top() + m.bottom() + 2 * label->margin());
            }
            if (needed.width() > label->width() || needed.height() > label->height())
                report(label, text, QStringLiteral("needs %1, has %2").arg(sizeText(needed), sizeText(label->size())));
            continue;
        }
        if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
            const QString text = button->text();
            if (text.isEmpty())
                continue;
            if (const auto *push = qobject_cast<const QPushButton *>(button)) {
                // Text, icon and the style's padding; not the size hint, which adds a minimum width.
                QStyleOptionButton option;
                const auto init = &PushButtonAccess::initStyleOption;
                (push->*init)(&option);
                const QSize textSize = push->fontMetrics().size(Qt::TextShowMnemonic, text);
                int width = textSize.width();
                if (!push->icon().isNull())
                    width += push->iconSize().width() + 4;
                if (push->menu())
                    width += push->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, &option, push);
                width += push->style()->pixelMetric(QStyle::PM_ButtonMargin, &option, push)
                    + 2 * push->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, push);
                const int height = std::max(textSize.height(), push->icon().isNull() ? 0 : push->iconSize().height());
                if (width > push->width() || height > push->height())
                    report(
                        push, text,
                        QStringLiteral("needs %1 (size hint %2), has %3")
                            .arg(sizeText(QSize(width, height)), sizeText(push->sizeHint()), sizeText(push->size())));
                continue;
            }
            if (const auto *tool = qobject_cast<const QToolButton *>(button);
                tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
                continue;
            // Tool buttons, check boxes and radio buttons: the size hint is indicator/icon + text.
            const QSize hint = button->sizeHint();
            if (hint.width() > button->width() || hint.height() > button->height())
                report(button, text, QStringLiteral("needs %1, has %2").arg(sizeText(hint), sizeText(button->size())));
            continue;
        }
        if (const auto *group = qobject_cast<const QGroupBox *>(w)) {
            if (group->title().isEmpty())
                continue;
            QStyleOptionGroupBox option;
            const auto init = &GroupBoxAccess::initStyleOption;
            (group->*init)(&option);
            QRect title = group->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, group);
            if (group->isCheckable())
                title
                    |= group->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxCheckBox, group);
            if (!group->rect().contains(title))
                report(group, group->title(),
                       QStringLiteral("title spans x %1..%2, group box is %3 wide")
                           .arg(title.left())
                           .arg(title.right())
                           .arg(group->width()));
            continue;
        }
        if (const auto *tabs = qobject_cast<const QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i) || tabs->tabText(i).isEmpty())
                    continue;
                const QRect tabRect = tabs->tabRect(i);
                if (!tabs->rect().intersects(tabRect))
                    continue; // scrolled out of view
                QStyleOptionTab option;
                const auto init = &TabBarAccess::initStyleOption;
                (tabs->*init)(&option, i);
                // initStyleOption elides the text to the room the style gives it.
                const QRect textRect = tabs->style()->subElementRect(QStyle::SE_TabBarTabText, &option, tabs);
                const int needed = tabs->fontMetrics().size(Qt::TextShowMnemonic, tabs->tabText(i)).width();
                if (option.text != tabs->tabText(i) || needed > textRect.width())
                    report(tabs, tabs->tabText(i),
                           QStringLiteral("tab %1 shows \"%2\": text needs %3, has %4")
                               .arg(i)
                               .arg(option.text)
                               .arg(needed)
                               .arg(textRect.width()));
            }
        }
    }
    return issues;
}

// A widget drawn over its siblings on purpose, matched by objectName or class name.
struct OverlapAllowance
{
    QString widget;
    QString reason;
};

// Visible sibling widgets under root (root included) whose geometries intersect. Pages of stacks
// and the internals of scroll areas are skipped (they lie on top of each other by design), and so
// is any pair with a widget named in `allowed`.
inline QStringList overlappingSiblings(const QWidget *root, const QList<OverlapAllowance> &allowed = {})
{
    const auto isAllowed = [&](const QWidget *w) {
        return std::any_of(allowed.begin(), allowed.end(), [w](const OverlapAllowance &a) {
            return a.widget == w->objectName() || a.widget == QLatin1String(w->metaObject()->className());
        });
    };
    const auto label = [](const QWidget *w) {
        QString text;
        if (const auto *l = qobject_cast<const QLabel *>(w))
            text = l->text();
        else if (const auto *b = qobject_cast<const QAbstractButton *>(w))
            text = b->text();
        return text.isEmpty() ? describeWidget(w) : QStringLiteral("%1 \"%2\"").arg(describeWidget(w), text);
    };
    QStringList issues;
    QList<const QWidget *> parents{root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        parents.append(w);
    for (const QWidget *parent : std::as_const(parents)) {
        if (!parent->isVisible() || qobject_cast<const QAbstractScrollArea *>(parent)
            || qobject_cast<const QStackedWidget *>(parent) || qobject_cast<const QStackedLayout *>(parent->layout()))
            continue;
        QList<const QWidget *> children;
        for (const QObject *o : parent->children()) {
            const auto *w = qobject_cast<const QWidget *>(o);
            if (w && w->isVisible() && !w->isWindow() && !w->geometry().isEmpty() && !isAllowed(w))
                children.append(w);
        }
        for (qsizetype i = 0; i < children.size(); ++i) {
            for (qsizetype j = i + 1; j < children.size(); ++j) {
                const QRect shared = children.at(i)->geometry() & children.at(j)->geometry();
                if (shared.isEmpty())
                    continue;
                issues.append(QStringLiteral("%1 at %2 and %3 at %4 overlap by %5 in %6")
                                  .arg(label(children.at(i)))
                                  .arg(layoutchecks_detail::sizeText(children.at(i)->geometry().size())
                                       + QStringLiteral("+%1+%2")
                                             .arg(children.at(i)->geometry().x())
                                             .arg(children.at(i)->geometry().y()))
                                  .arg(label(children.at(j)))
                                  .arg(layoutchecks_detail::sizeText(children.at(j)->geometry().size())
                                       + QStringLiteral("+%1+%2")
                                             .arg(children.at(j)->geometry().x())
                                             .arg(children.at(j)->geometry().y()))
                                  .arg(layoutchecks_detail::sizeText(shared.size()))
                                  .arg(describeWidget(parent)));
            }
        }
    }
    return issues;
}

// WCAG 2 relative luminance of an opaque sRGB colour.
inline double relativeLuminance(const QColor &color)
{
    const auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

// WCAG 2 contrast ratio (1 to 21) of text in `foreground`, blended by its alpha, over `background`.
inline double contrastRatio(const QColor &foreground, const QColor &background)
{
    const QColor bg = background.toRgb();
    const QColor fgRgb = foreground.toRgb();
    const double a = fgRgb.alphaF();
    const QColor fg = QColor::fromRgbF(float(fgRgb.redF() * a + bg.redF() * (1 - a)),
                                       float(fgRgb.greenF() * a + bg.greenF() * (1 - a)),
                                       float(fgRgb.blueF() * a + bg.blueF() * (1 - a)));
    const double l1 = relativeLuminance(fg);
    const double l2 = relativeLuminance(bg);
    return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
}

// An offender line when text in `foreground` on `background` is below `minimum` (4.5:1 for
// normal text), otherwise an empty string.
inline QString lowContrast(const QString &what, const QColor &foreground, const QColor &background,
                           double minimum = 4.5)
{
    const double ratio = contrastRatio(foreground, background);
    if (ratio >= minimum)
        return {};
    return QStringLiteral("%1: %2 on %3 has contrast %4:1, needs %5:1")
        .arg(what, foreground.name(), background.name(), QString::number(ratio, 'f', 2), QString::number(minimum));
}

} // namespace capstan::test
