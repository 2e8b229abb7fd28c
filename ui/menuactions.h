#pragma once

#include <QList>
#include <QString>

class QAction;
class QMenu;
class QMenuBar;

namespace capstan {

// The actions a window's menus hold, with the menu each sits in: what the Keyboard Shortcuts
// dialog and the command palette list, read from the menus themselves so neither goes stale.
class MenuActions final
{
public:
    struct Entry
    {
        QAction *action;
        QString menu; // the top-level menu's title, without the mnemonic
        QString text; // "Cancel ▸ Keep State" for an action in a submenu
        QMenu *topMenu;
    };

    // In menu order; separators and submenu entries themselves are left out.
    static QList<Entry> collect(const QMenuBar *bar);
    // The text a menu shows, without the mnemonic marker and a trailing ellipsis.
    static QString plainText(const QString &text);
};

} // namespace capstan
