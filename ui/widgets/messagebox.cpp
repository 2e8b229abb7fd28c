#include "ui/widgets/messagebox.h"

#include <memory>

#include <QCoreApplication>
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
    std::unique_ptr<QMessageBox> box(create(parent, title, text, confirmLabel, icon));
    return static_cast<QMessageBox::StandardButton>(box->exec());
}

QMessageBox *MessageBox::create(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                                QMessageBox::Icon icon)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok | QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmationBox"));
    box->button(QMessageBox::Ok)->setText(confirmLabel);
    // Not "Cancel": beside "Cancel and Keep State" that word would mean the opposite of itself.
    box->button(QMessageBox::Cancel)->setText(QCoreApplication::translate("capstan::MessageBox", "&Go Back"));
    box->setDefaultButton(QMessageBox::Cancel); // a stray Enter never confirms something destructive
    return box;
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
