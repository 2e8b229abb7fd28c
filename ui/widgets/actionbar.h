#pragma once

#include <QToolBar>

namespace capstan {

// A row of buttons for a page's main actions. A tool bar's own buttons are flat until hovered and
// read as labels; these keep their frame, take Tab focus, and dim their text when disabled less
// than most styles do (Fusion: #bebebe on #efefef), so it looks disabled and still reads on light
// and dark palettes.
class ActionBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionBar)

public:
    explicit ActionBar(QWidget *parent = nullptr);

protected:
    void actionEvent(QActionEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateDisabledText();
};

} // namespace capstan
