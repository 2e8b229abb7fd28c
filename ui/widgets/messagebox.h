#pragma once

#include <QMessageBox>

namespace capstan {

// Confirmation of destructive actions (the third error tier). Tests answer the next question with
// setNextAnswer() instead of clicking a modal (as KeePassXC's MessageBox does).
class MessageBox final
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                const QString &confirmLabel,
                                                QMessageBox::Icon icon = QMessageBox::Question);
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The box question() shows (for screenshots); the caller owns it.
    static QMessageBox *create(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                               QMessageBox::Icon icon = QMessageBox::Question);
    // The text of the last question asked (for tests).
    static QString lastQuestion();
};

} // namespace capstan
