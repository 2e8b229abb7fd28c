#include "ui/widgets/yamlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QTextDocument>

namespace capstan {

namespace {
// Block state: -1 outside a block scalar; n >= 0 inside the block scalar of a key indented by n.
constexpr int NoBlockScalar = -1;

int indentOf(const QString &text)
{
    int i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}
} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setObjectName(QStringLiteral("yamlHighlighter"));
    applyScheme(QGuiApplication::palette().color(QPalette::Base).lightness() < 128);
}

void YamlHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (dark == m_dark)
        return;
    applyScheme(dark);
    rehighlight();
}

void YamlHighlighter::applyScheme(bool dark)
{
    m_dark = dark;
    // Roughly the GitHub light and dark schemes: every colour keeps a contrast ratio above 4.5 on its base.
    m_key = QTextCharFormat();
    m_key.setForeground(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x00, 0x55, 0xb3));
    m_string = QTextCharFormat();
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1a, 0x7f, 0x37));
    m_literal = QTextCharFormat();
    m_literal.setForeground(dark ? QColor(0xff, 0xb7, 0x72) : QColor(0xa0, 0x4a, 0x00));
    m_comment = QTextCharFormat();
    m_comment.setForeground(dark ? QColor(0x9a, 0xa4, 0xae) : QColor(0x5f, 0x67, 0x70));
    m_comment.setFontItalic(true);
    m_dash = QTextCharFormat();
    m_dash.setForeground(dark ? QColor(0xff, 0x8b, 0x80) : QColor(0xb3, 0x1d, 0x28));
    m_dash.setFontWeight(QFont::Bold);
}

int YamlHighlighter::commentStart(const QString &text, int from) const
{
    QChar quote;
    for (int i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\') && quote == QLatin1Char('"'))
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            quote = c;
        else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace()))
            return i;
    }
    return -1;
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(NoBlockScalar);
    const int indent = indentOf(text);
    const int previous = previousBlockState();
    if (previous >= 0 && (text.trimmed().isEmpty() || indent > previous)) {
        setFormat(0, static_cast<int>(text.size()), m_string);
        setCurrentBlockState(previous);
        return;
    }

    const int comment = commentStart(text, indent);
    const int end = comment < 0 ? static_cast<int>(text.size()) : comment;
    if (comment >= 0)
        setFormat(comment, static_cast<int>(text.size()) - comment, m_comment);

    int pos = indent;
    // List dashes, possibly nested: "- - value".
    while (pos < end && text.at(pos) == QLatin1Char('-') && (pos + 1 == end || text.at(pos + 1) == QLatin1Char(' '))) {
        setFormat(pos, 1, m_dash);
        pos += 1;
        while (pos < end && text.at(pos) == QLatin1Char(' '))
            ++pos;
    }
    if (pos >= end)
        return;
    if (text.mid(pos, end - pos).trimmed() == QLatin1String("---")) {
        setFormat(pos, 3, m_dash);
        return;
    }

    // A key: plain or quoted, followed by ':' and a space or the end of the line.
    static const QRegularExpression keyPattern(
        QStringLiteral(R"(\G("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,\[\]{}][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$))"));
    const QString body = text.left(end);
    const QRegularExpressionMatch key = keyPattern.match(body, pos);
    if (key.hasMatch()) {
        setFormat(pos, static_cast<int>(key.capturedLength(1)), m_key);
        int valueStart = static_cast<int>(key.capturedEnd(0));
        while (valueStart < end && text.at(valueStart) == QLatin1Char(' '))
            ++valueStart;
        const QString value = body.mid(valueStart).trimmed();
        static const QRegularExpression blockScalar(QStringLiteral(R"(^[|>][-+]?[0-9]?$)"));
        if (blockScalar.match(value).hasMatch()) {
            setFormat(valueStart, static_cast<int>(value.size()), m_dash);
            // The scalar's lines are indented deeper than the key, or by the dash when the key follows one.
            setCurrentBlockState(indent);
            return;
        }
        highlightValue(body, valueStart);
        return;
    }
    highlightValue(body, pos);
}

void YamlHighlighter::highlightValue(const QString &text, int start)
{
    const QString value = text.mid(start).trimmed();
    if (value.isEmpty())
        return;
    const int length = static_cast<int>(value.size());
    static const QRegularExpression literal(QStringLiteral(
        R"(^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$)"));
    if (literal.match(value).hasMatch()) {
        setFormat(start, length, m_literal);
        return;
    }
    if (value.startsWith(QLatin1Char('{')) || value.startsWith(QLatin1Char('['))) {
        // Flow collections ({}, [], or short inline ones): brackets as punctuation, the rest as text.
        setFormat(start, length, m_string);
        setFormat(start, 1, m_dash);
        if (value.endsWith(QLatin1Char('}')) || value.endsWith(QLatin1Char(']')))
            setFormat(start + length - 1, 1, m_dash);
        return;
    }
    setFormat(start, length, m_string);
}

} // namespace capstan
