#pragma once

#include <QFrame>

class QLabel;
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

    void showMessage(Kind kind, const QString &text);
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace capstan
