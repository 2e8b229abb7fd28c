#pragma once

#include <QDialog>

class QLineEdit;
class QMenuBar;
class QTreeWidget;

namespace capstan {

// Help → Keyboard Shortcuts: every menu action that has a shortcut, grouped by menu and
// searchable, read from the actions themselves when the dialog opens.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    // Rows shown (not counting the menu headings), after the search.
    int visibleCount() const;

private:
    void applySearch(const QString &text);

    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace capstan
