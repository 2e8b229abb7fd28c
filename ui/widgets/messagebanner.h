#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace capstan {

// An inline message above a view for recoverable problems (the first of the three error tiers).
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Replaces the message; a button the previous message offered goes with it.
    void showMessage(Kind kind, const QString &text);
    // A button beside the message (e.g. "Reopen with My Change") until the next showMessage().
    void setAction(const QString &text, const std::function<void()> &onClicked);
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    QPushButton *m_action;
    std::function<void()> m_onAction;
};

} // namespace capstan
