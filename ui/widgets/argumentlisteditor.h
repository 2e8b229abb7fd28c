#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QToolButton;

namespace capstan {

// Edits an ordered list of strings (a job's arguments): add, edit in place, remove and move up or down.
// Empty entries are not part of arguments().
class ArgumentListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArgumentListEditor)

public:
    explicit ArgumentListEditor(QWidget *parent = nullptr);

    void setArguments(const QStringList &arguments);
    QStringList arguments() const;

    // Appends an argument and, when edit is true, opens its editor.
    void addArgument(const QString &text = QString(), bool edit = true);
    void removeCurrent();
    void moveCurrent(int delta);

signals:
    void changed();

private:
    void updateButtons();

    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QLabel *m_empty;
};

} // namespace capstan
