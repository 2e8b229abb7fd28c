#include "ui/widgets/messagebox.h"

#include <QPushButton>

namespace capstan {

namespace {
QMessageBox::StandardButton g_nextAnswer = QMessageBox::NoButton;
QString g_lastQuestion;
} // namespace

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 const QString &confirmLabel, QMessageBox::Icon icon)
{
    g_lastQuestion = text;
    if (g_nextAnswer != QMessageBox::NoButton)
        return std::exchange(g_nextAnswer, QMessageBox::NoButton);
    QMessageBox box(icon, title, text, QMessageBox::Ok | QMessageBox::Cancel, parent);
    box.button(QMessageBox::Ok)->setText(confirmLabel);
    box.setDefaultButton(QMessageBox::Cancel);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

QString MessageBox::lastQuestion()
{
    return g_lastQuestion;
}

} // namespace capstan
