#pragma once

#include "ui/widgets/linediff.h"

#include <QPlainTextEdit>

namespace capstan {

// A read-only, monospace view of how one YAML text becomes another: changed lines on a green (+) or
// red (−) background, a few lines of context and the keys they sit under, the rest folded into
// "⋯ N unchanged lines". Follows light and dark palettes.
class YamlDiffView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlDiffView)

public:
    explicit YamlDiffView(QWidget *parent = nullptr);

    // Shows the diff of before → after; when they are equal, shows emptyText instead.
    void setTexts(const QString &before, const QString &after, const QString &emptyText = QString());
    const QList<LineDiff::Line> &lines() const { return m_diff; }
    int addedCount() const;
    int removedCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QList<LineDiff::Line> m_diff;
    QString m_emptyText;
};

} // namespace capstan
