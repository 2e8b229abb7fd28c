#pragma once

#include <QFrame>
#include <QIcon>
#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;

namespace capstan {

// Ctrl+K: a line edit over a list of commands (open a deployment, run an action on one, any menu
// command), narrowed as one types. Keyboard only: Up/Down choose, Enter runs, Escape closes. An
// overlay inside its window rather than a separate popup, so it never outlives the window.
class CommandPalette final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    struct Command
    {
        QString text; // what is matched and shown
        QString detail; // shown after the text, matched too (e.g. the context)
        std::function<void()> run;
        QIcon icon; // a deployment's state; commands without one keep their text in the same column
        QString toolTip;
        // More words that find it, not shown (an action's "stop" for Suspend); whole-word or
        // substring matches only, so that they widen the search without blurring it.
        QString keywords;
    };

    explicit CommandPalette(QWidget *window);

    // Shows the commands, with an empty query, over the top of the window.
    void open(const QList<Command> &commands);
    // Hides it and gives the keyboard back to where it was.
    void dismiss();
    // The texts listed now, best match first (for tests).
    QStringList shownTexts() const;
    QLineEdit *lineEdit() const { return m_input; }

    // How well `query` matches `text`: < 0 no match, higher is better. Every word of the query must
    // occur in the text, as a substring (best at the start of a word) or else as a subsequence.
    static int matchScore(const QString &query, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void runCurrent();
    void place();
    void moveCurrent(int delta);

    QLineEdit *m_input;
    QListWidget *m_list;
    QLabel *m_hint;
    QList<Command> m_commands;
    QPointer<QWidget> m_previousFocus;
};

} // namespace capstan
