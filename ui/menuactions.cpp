#include "ui/menuactions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace capstan {

namespace {

void collectFrom(QMenu *menu, QMenu *top, const QString &prefix, QList<MenuActions::Entry> &out)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString text = prefix + MenuActions::plainText(action->text());
        if (QMenu *sub = action->menu()) {
            collectFrom(sub, top, text + QStringLiteral(" ▸ "), out);
            continue;
        }
        out.append({action, MenuActions::plainText(top->title()), text, top});
    }
}

} // namespace

QList<MenuActions::Entry> MenuActions::collect(const QMenuBar *bar)
{
    QList<Entry> entries;
    if (!bar)
        return entries;
    for (QAction *topAction : bar->actions()) {
        if (QMenu *menu = topAction->menu())
            collectFrom(menu, menu, QString(), entries);
    }
    return entries;
}

QString MenuActions::plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size()) {
            ++i; // "&&" stands for one ampersand; "&x" marks x
        }
        plain.append(text.at(i));
    }
    if (plain.endsWith(QChar(0x2026)))
        plain.chop(1);
    else if (plain.endsWith(QLatin1String("...")))
        plain.chop(3);
    return plain;
}

} // namespace capstan
