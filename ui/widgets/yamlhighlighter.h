#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;
class QTextDocument;

namespace capstan {

// Highlights block-style YAML: keys, string values, numbers/booleans/null, comments and list dashes.
// The colour scheme follows the palette: a dark one when the base colour is dark.
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlHighlighter)

public:
    // Uses the application palette until setPalette() is called.
    explicit YamlHighlighter(QTextDocument *document);

    // Picks the light or dark scheme from palette's Base colour and highlights the document again.
    void setPalette(const QPalette &palette);
    bool isDarkScheme() const { return m_dark; }

    QTextCharFormat keyFormat() const { return m_key; }
    QTextCharFormat stringFormat() const { return m_string; }
    QTextCharFormat literalFormat() const { return m_literal; }
    QTextCharFormat commentFormat() const { return m_comment; }
    QTextCharFormat dashFormat() const { return m_dash; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void applyScheme(bool dark);
    void highlightValue(const QString &text, int start);
    int commentStart(const QString &text, int from) const;

    bool m_dark = false;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_literal;
    QTextCharFormat m_comment;
    QTextCharFormat m_dash;
};

} // namespace capstan
