#include "ui/widgets/actionbar.h"

#include <QActionEvent>
#include <QMenu>
#include <QStyle>
#include <QToolButton>

namespace capstan {

ActionBar::ActionBar(QWidget *parent)
    : QToolBar(parent)
{
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    updateDisabledText();
}

void ActionBar::actionEvent(QActionEvent *event)
{
    QToolBar::actionEvent(event);
    if (event->type() != QEvent::ActionAdded)
        return;
    // The button the tool bar made for an action, or one added as a widget (a drop-down).
    if (auto *button = qobject_cast<QToolButton *>(widgetForAction(event->action()))) {
        button->setAutoRaise(false);
        button->setFocusPolicy(Qt::TabFocus);
        // A drop-down draws its arrow in the corner, over the text unless there is room for it.
        const QAction *shown = button->defaultAction();
        if (button->popupMode() == QToolButton::InstantPopup && (button->menu() || (shown && shown->menu())))
            button->setMinimumWidth(button->sizeHint().width()
                                    + button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button));
    }
}

void ActionBar::changeEvent(QEvent *event)
{
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateDisabledText();
}

void ActionBar::updateDisabledText()
{
    // 45 % of the text colour into the button colour: clearly weaker than enabled text, still
    // about 3.5:1 against the button. The other roles keep following the parent (theme switches).
    QPalette pal = palette();
    const QColor text = pal.color(QPalette::Active, QPalette::ButtonText);
    const QColor button = pal.color(QPalette::Active, QPalette::Button);
    constexpr double weight = 0.45;
    const QColor dimmed = QColor::fromRgbF(text.redF() * weight + button.redF() * (1 - weight),
                                           text.greenF() * weight + button.greenF() * (1 - weight),
                                           text.blueF() * weight + button.blueF() * (1 - weight));
    if (pal.color(QPalette::Disabled, QPalette::ButtonText) == dimmed)
        return; // also ends the PaletteChange that setPalette() below sends
    pal.setColor(QPalette::Disabled, QPalette::ButtonText, dimmed);
    setPalette(pal);
}

} // namespace capstan
