#pragma once

#include "ui/logs/loglevel.h"

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>

#include <deque>

namespace capstan {

// The lines of one log as a list: a bounded ring (the oldest lines go first, counted in
// droppedLines()), filtered by level, with Java stack traces folded to the line before them until
// expanded, and a search whose matches are counted and stepped through. Lines arrive in batches
// (appendLines) and cost O(batch) each; a change of filter or search rescans the ring once.
class LogModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Role {
        LevelRole = Qt::UserRole, // int (LogLevel) of the record the line belongs to
        LevelSpanRole, // QPoint(start, length) of the level word in a record's first line; (-1, 0) when none
        FoldableRole, // bool: a stack trace follows the line
        FoldedCountRole, // int: lines of the trace hidden under this one (0 when expanded or none)
        TraceRole, // bool: the line is part of a stack trace
        FoldedCauseRole, // QString: the last "Caused by:" of a folded trace (the root cause), else empty
    };
    static constexpr int DefaultCapacity = 50000;
    static constexpr int AllLevels = 1 | 2 | 4 | 8;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Lines kept at most (at least 100); older ones are dropped as new ones arrive.
    void setCapacity(int lines);
    int capacity() const { return m_capacity; }
    void appendLines(const QStringList &lines);
    void clear();
    // Lines held (shown or not) and lines dropped from the front of the ring since the last clear().
    int lineCount() const { return int(m_lines.size()); }
    qint64 droppedLines() const { return m_dropped; }
    // Every line held, oldest first, as received (for saving).
    QStringList allLines() const;
    QString text(int row) const;
    // The rows' lines for the clipboard, a folded trace with its header; all rows shown when `rows` is empty.
    QString copyText(QList<int> rows) const;
    // The longest line held, in characters (tabs counted as TabWidth), for the width of the rows.
    int maxLineLength() const { return m_maxLength; }
    static constexpr int TabWidth = 4;

    // OR of logLevelBit() values shown; lines of no known level are always shown.
    void setLevelFilter(int bits);
    int levelFilter() const { return m_levelFilter; }

    bool isFoldable(int row) const;
    bool isExpanded(int row) const;
    void setExpanded(int row, bool expanded);
    void setAllExpanded(bool expanded);

    // Case-insensitive; matches are counted over the lines of the levels shown, folded or not.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    int matchCount() const { return int(m_matches.size()); }
    // The row of the next (or previous) match after `row` (-1: from the start or end), wrapping;
    // a match inside a folded trace expands it. -1 when nothing matches.
    int findMatch(int row, bool backward);
    // 1-based position of the match at `row` among all matches; 0 when the row has none.
    int matchNumber(int row) const;

signals:
    void droppedLinesChanged(qint64 dropped);
    void matchCountChanged(int count);

private:
    struct Line
    {
        QString text;
        LogLevel level = LogLevel::Unknown; // of the record it belongs to
        qint16 levelStart = -1; // where the level word is; -1 on continuation lines
        qint16 levelLength = 0;
        bool trace = false;
        qint64 header = -1; // trace lines: the sequence number of the line the trace folds into
        int traceCount = 0; // headers: the trace lines that follow
        int lastCause = 0; // headers: offset of the trace's last "Caused by:" line from the header; 0: none
    };

    const Line &line(qint64 seq) const { return m_lines[size_t(seq - m_firstSeq)]; }
    Line &line(qint64 seq) { return m_lines[size_t(seq - m_firstSeq)]; }
    qint64 seqAt(int row) const { return m_visible[size_t(row)]; }
    int rowOfSeq(qint64 seq) const; // -1 when not shown
    bool passesLevel(const Line &l) const;
    bool isShown(const Line &l) const;
    bool matches(const Line &l) const;
    void rebuild();
    void rebuildMatches();
    void trim();

    std::deque<Line> m_lines;
    qint64 m_firstSeq = 0; // sequence number of m_lines.front()
    std::deque<qint64> m_visible; // sequence numbers of the rows, ascending
    std::deque<qint64> m_matches; // sequence numbers of the matching lines, ascending
    QSet<qint64> m_expanded; // headers whose trace is shown
    LogLevel m_currentLevel = LogLevel::Unknown;
    int m_capacity = DefaultCapacity;
    int m_levelFilter = AllLevels;
    qint64 m_dropped = 0;
    QString m_search;
    int m_maxLength = 0;
};

} // namespace capstan
