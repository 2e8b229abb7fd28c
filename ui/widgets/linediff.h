#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace capstan {

// A line-based diff (Myers, O((N+M)·D)) of two texts, for showing how two YAML documents differ.
class LineDiff final
{
public:
    enum class Op { Same, Added, Removed };

    struct Line
    {
        Op op = Op::Same;
        QString text;

        bool operator==(const Line &other) const = default;
    };

    // Every line of before and after, in order: Same lines once, Removed lines of before, Added lines of after.
    // Within a change, removals come before additions.
    static QList<Line> diff(const QStringList &before, const QStringList &after);
    // Splits on '\n'; a single trailing newline does not produce an empty last line.
    static QList<Line> diff(const QString &before, const QString &after);
    static QStringList splitLines(const QString &text);

    // True when nothing was added or removed.
    static bool isEqual(const QList<Line> &lines);
};

} // namespace capstan
