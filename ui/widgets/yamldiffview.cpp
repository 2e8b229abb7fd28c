#include "ui/widgets/yamldiffview.h"

#include <algorithm>

#include <QEvent>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace capstan {

namespace {
constexpr int Context = 3;

// The indentation that decides nesting; a list item counts one deeper than its dash.
int yamlIndent(const QString &line)
{
    int indent = 0;
    while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
        ++indent;
    if (line.mid(indent, 2) == QLatin1String("- ") || line.mid(indent) == QLatin1String("-"))
        ++indent;
    return indent;
}
} // namespace

YamlDiffView::YamlDiffView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void YamlDiffView::setTexts(const QString &before, const QString &after, const QString &emptyText)
{
    QList<LineDiff::Line> diff = LineDiff::diff(before, after);
    // Views refreshed on every update keep their content, scroll position and selection when
    // nothing changed.
    if (diff == m_diff && emptyText == m_emptyText && !document()->isEmpty())
        return;
    m_diff = std::move(diff);
    m_emptyText = emptyText;
    render();
}

int YamlDiffView::addedCount() const
{
    return static_cast<int>(std::count_if(m_diff.cbegin(), m_diff.cend(),
                                          [](const LineDiff::Line &l) { return l.op == LineDiff::Op::Added; }));
}

int YamlDiffView::removedCount() const
{
    return static_cast<int>(std::count_if(m_diff.cbegin(), m_diff.cend(),
                                          [](const LineDiff::Line &l) { return l.op == LineDiff::Op::Removed; }));
}

void YamlDiffView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void YamlDiffView::render()
{
    const int vertical = verticalScrollBar()->value();
    const int horizontal = horizontalScrollBar()->value();
    clear();
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QColor muted = palette().color(QPalette::Text);
    muted.setAlpha(150);
    QTextCharFormat mutedChars;
    mutedChars.setForeground(muted);
    mutedChars.setFontItalic(true);
    QTextCursor cursor(document());
    if (LineDiff::isEqual(m_diff)) {
        cursor.insertText(m_emptyText, mutedChars);
        return;
    }

    // The changes, some context around each, and the keys each change sits under.
    QList<bool> shown(m_diff.size(), false);
    for (qsizetype i = 0; i < m_diff.size(); ++i) {
        const LineDiff::Op op = m_diff.at(i).op;
        if (op == LineDiff::Op::Same)
            continue;
        for (qsizetype j = std::max<qsizetype>(0, i - Context);
             j <= std::min<qsizetype>(m_diff.size() - 1, i + Context); ++j)
            shown[j] = true;
        int indent = yamlIndent(m_diff.at(i).text);
        for (qsizetype k = i - 1; k >= 0 && indent > 0; --k) {
            const LineDiff::Line &line = m_diff.at(k);
            if ((line.op != LineDiff::Op::Same && line.op != op) || line.text.trimmed().isEmpty())
                continue;
            const int lineIndent = yamlIndent(line.text);
            if (lineIndent < indent) {
                shown[k] = true;
                indent = lineIndent;
            }
        }
    }

    QTextBlockFormat added;
    added.setBackground(dark ? QColor(0x1f, 0x4a, 0x2c) : QColor(0xdc, 0xf5, 0xe2));
    QTextBlockFormat removed;
    removed.setBackground(dark ? QColor(0x5c, 0x22, 0x26) : QColor(0xfd, 0xe2, 0xe1));
    const QTextBlockFormat plain;
    const QTextCharFormat plainChars;
    QTextCharFormat addedSign;
    addedSign.setForeground(dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37));
    addedSign.setFontWeight(QFont::Bold);
    QTextCharFormat removedSign;
    removedSign.setForeground(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xcf, 0x22, 0x2e));
    removedSign.setFontWeight(QFont::Bold);

    cursor.beginEditBlock();
    bool first = true;
    const auto startBlock = [&](const QTextBlockFormat &format) {
        if (first)
            cursor.setBlockFormat(format);
        else
            cursor.insertBlock(format);
        first = false;
    };
    qsizetype i = 0;
    while (i < m_diff.size()) {
        if (!shown.at(i)) {
            qsizetype j = i;
            while (j < m_diff.size() && !shown.at(j))
                ++j;
            if (j - i == 1) {
                // Folding one line saves nothing.
                shown[i] = true;
                continue;
            }
            startBlock(plain);
            cursor.insertText(tr("  ⋯ %n unchanged line(s)", nullptr, static_cast<int>(j - i)), mutedChars);
            i = j;
            continue;
        }
        const LineDiff::Line &line = m_diff.at(i);
        switch (line.op) {
        case LineDiff::Op::Same:
            startBlock(plain);
            cursor.insertText(QStringLiteral("  ") + line.text, plainChars);
            break;
        case LineDiff::Op::Added:
            startBlock(added);
            cursor.insertText(QStringLiteral("+ "), addedSign);
            cursor.insertText(line.text, plainChars);
            break;
        case LineDiff::Op::Removed:
            startBlock(removed);
            cursor.insertText(QStringLiteral("− "), removedSign);
            cursor.insertText(line.text, plainChars);
            break;
        }
        ++i;
    }
    cursor.endEditBlock();
    moveCursor(QTextCursor::Start);
    verticalScrollBar()->setValue(vertical);
    horizontalScrollBar()->setValue(horizontal);
}

} // namespace capstan
