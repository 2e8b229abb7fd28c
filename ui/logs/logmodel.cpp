#include "ui/logs/logmodel.h"

#include <QPoint>

#include <algorithm>

namespace capstan {

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Line &l = line(seqAt(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return l.text;
    case LevelRole:
        return int(l.level);
    case LevelSpanRole:
        return QPoint(l.levelStart, l.levelLength);
    case FoldableRole:
        return l.traceCount > 0;
    case FoldedCountRole:
        return l.traceCount > 0 && !m_expanded.contains(seqAt(index.row())) ? l.traceCount : 0;
    case TraceRole:
        return l.trace;
    case FoldedCauseRole:
        return l.lastCause > 0 && !m_expanded.contains(seqAt(index.row())) ? line(seqAt(index.row()) + l.lastCause).text
                                                                           : QString();
    default:
        break;
    }
    return {};
}

void LogModel::setCapacity(int lines)
{
    m_capacity = std::max(100, lines);
    trim();
}

QStringList LogModel::allLines() const
{
    QStringList out;
    out.reserve(qsizetype(m_lines.size()));
    for (const Line &l : m_lines)
        out.append(l.text);
    return out;
}

QString LogModel::text(int row) const
{
    return row >= 0 && row < rowCount() ? line(seqAt(row)).text : QString();
}

QString LogModel::copyText(QList<int> rows) const
{
    if (rows.isEmpty()) {
        rows.reserve(rowCount());
        for (int row = 0; row < rowCount(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    QStringList out;
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= rowCount())
            continue;
        const qint64 seq = seqAt(row);
        const Line &l = line(seq);
        out.append(l.text);
        if (l.traceCount > 0 && !m_expanded.contains(seq)) {
            for (int i = 1; i <= l.traceCount; ++i)
                out.append(line(seq + i).text);
        }
    }
    return out.join(QLatin1Char('\n'));
}

bool LogModel::passesLevel(const Line &l) const
{
    return l.level == LogLevel::Unknown || (logLevelBit(l.level) & m_levelFilter) != 0;
}

bool LogModel::isShown(const Line &l) const
{
    return passesLevel(l) && (!l.trace || l.header < m_firstSeq || m_expanded.contains(l.header));
}

bool LogModel::matches(const Line &l) const
{
    return !m_search.isEmpty() && passesLevel(l) && l.text.contains(m_search, Qt::CaseInsensitive);
}

int LogModel::rowOfSeq(qint64 seq) const
{
    const auto it = std::lower_bound(m_visible.cbegin(), m_visible.cend(), seq);
    return it != m_visible.cend() && *it == seq ? int(it - m_visible.cbegin()) : -1;
}

void LogModel::appendLines(const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    // A batch larger than the ring keeps only its tail.
    const qsizetype skip = std::max<qsizetype>(0, lines.size() - m_capacity);
    m_dropped += skip;
    // The header of the trace the batch continues (only that one can be shown already) grows.
    const qint64 batchStart = m_firstSeq + qint64(m_lines.size());
    qint64 changedHeader = -1;
    std::vector<qint64> shown;
    const int matchesBefore = matchCount();
    for (qsizetype i = skip; i < lines.size(); ++i) {
        Line l;
        l.text = lines.at(i);
        if (l.text.endsWith(QLatin1Char('\r')))
            l.text.chop(1);
        int start = -1;
        int length = 0;
        const LogLevel level = parseLogLevel(l.text, &start, &length);
        if (level != LogLevel::Unknown) {
            m_currentLevel = level;
            l.levelStart = qint16(std::min(start, 32767));
            l.levelLength = qint16(length);
        } else if (!m_lines.empty() && isStackTraceLine(l.text)) {
            const qint64 previous = m_firstSeq + qint64(m_lines.size()) - 1;
            const Line &p = line(previous);
            l.trace = true;
            l.header = p.trace ? p.header : previous;
            if (l.header >= m_firstSeq) {
                Line &header = line(l.header);
                ++header.traceCount;
                if (l.text.startsWith(QLatin1String("Caused by: ")))
                    header.lastCause = header.traceCount;
                if (l.header < batchStart && !m_expanded.contains(l.header))
                    changedHeader = l.header;
            }
        }
        l.level = m_currentLevel;
        m_maxLength = std::max(m_maxLength, int(l.text.size() + l.text.count(QLatin1Char('\t')) * (TabWidth - 1)));
        const qint64 seq = m_firstSeq + qint64(m_lines.size());
        if (isShown(l))
            shown.push_back(seq);
        if (matches(l))
            m_matches.push_back(seq);
        m_lines.push_back(std::move(l));
    }
    if (!shown.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(shown.size()) - 1);
        m_visible.insert(m_visible.end(), shown.cbegin(), shown.cend());
        endInsertRows();
    }
    if (changedHeader >= 0) {
        const int row = rowOfSeq(changedHeader);
        if (row >= 0)
            emit dataChanged(index(row), index(row), {FoldedCountRole, FoldableRole, FoldedCauseRole});
    }
    if (skip > 0)
        emit droppedLinesChanged(m_dropped);
    trim();
    if (matchCount() != matchesBefore)
        emit matchCountChanged(matchCount());
}

void LogModel::trim()
{
    if (qsizetype(m_lines.size()) <= m_capacity)
        return;
    size_t drop = m_lines.size() - size_t(m_capacity);
    // A trace whose header goes is dropped with it: alone it would be neither folded nor readable.
    const qint64 firstKept = m_firstSeq + qint64(drop);
    while (drop < m_lines.size() && m_lines[drop].trace && m_lines[drop].header < firstKept)
        ++drop;
    const qint64 newFirst = m_firstSeq + qint64(drop);
    // Rows go first, while their lines can still be read by the views.
    const auto kept = std::lower_bound(m_visible.cbegin(), m_visible.cend(), newFirst);
    const int gone = int(kept - m_visible.cbegin());
    if (gone > 0) {
        beginRemoveRows({}, 0, gone - 1);
        m_visible.erase(m_visible.begin(), m_visible.begin() + gone);
        endRemoveRows();
    }
    m_lines.erase(m_lines.begin(), m_lines.begin() + qsizetype(drop));
    m_firstSeq = newFirst;
    m_dropped += qint64(drop);
    const int matchesBefore = matchCount();
    m_matches.erase(m_matches.begin(), std::lower_bound(m_matches.begin(), m_matches.end(), m_firstSeq));
    if (!m_expanded.isEmpty())
        m_expanded.removeIf([this](qint64 seq) { return seq < m_firstSeq; });
    emit droppedLinesChanged(m_dropped);
    if (matchCount() != matchesBefore)
        emit matchCountChanged(matchCount());
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_visible.clear();
    m_matches.clear();
    m_expanded.clear();
    m_firstSeq = 0;
    m_currentLevel = LogLevel::Unknown;
    m_maxLength = 0;
    const bool hadDropped = m_dropped > 0;
    m_dropped = 0;
    endResetModel();
    if (hadDropped)
        emit droppedLinesChanged(0);
    emit matchCountChanged(0);
}

void LogModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    qint64 seq = m_firstSeq;
    for (const Line &l : m_lines) {
        if (isShown(l))
            m_visible.push_back(seq);
        ++seq;
    }
    endResetModel();
}

void LogModel::rebuildMatches()
{
    m_matches.clear();
    if (!m_search.isEmpty()) {
        qint64 seq = m_firstSeq;
        for (const Line &l : m_lines) {
            if (matches(l))
                m_matches.push_back(seq);
            ++seq;
        }
    }
    emit matchCountChanged(matchCount());
}

void LogModel::setLevelFilter(int bits)
{
    bits &= AllLevels;
    if (bits == m_levelFilter)
        return;
    m_levelFilter = bits;
    rebuild();
    rebuildMatches();
}

bool LogModel::isFoldable(int row) const
{
    return row >= 0 && row < rowCount() && line(seqAt(row)).traceCount > 0;
}

bool LogModel::isExpanded(int row) const
{
    return isFoldable(row) && m_expanded.contains(seqAt(row));
}

void LogModel::setExpanded(int row, bool expanded)
{
    if (!isFoldable(row) || isExpanded(row) == expanded)
        return;
    const qint64 header = seqAt(row);
    // The trace lines of a header are the ones right after it, and share its level.
    const int count = line(header).traceCount;
    if (expanded) {
        m_expanded.insert(header);
        beginInsertRows({}, row + 1, row + count);
        std::vector<qint64> seqs(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i)
            seqs[size_t(i)] = header + 1 + i;
        m_visible.insert(m_visible.begin() + row + 1, seqs.cbegin(), seqs.cend());
        endInsertRows();
    } else {
        m_expanded.remove(header);
        beginRemoveRows({}, row + 1, row + count);
        m_visible.erase(m_visible.begin() + row + 1, m_visible.begin() + row + 1 + count);
        endRemoveRows();
    }
    emit dataChanged(index(row), index(row), {FoldedCountRole});
}

void LogModel::setAllExpanded(bool expanded)
{
    m_expanded.clear();
    if (expanded) {
        qint64 seq = m_firstSeq;
        for (const Line &l : m_lines) {
            if (l.traceCount > 0)
                m_expanded.insert(seq);
            ++seq;
        }
    }
    rebuild();
}

void LogModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    rebuildMatches();
}

int LogModel::findMatch(int row, bool backward)
{
    if (m_matches.empty())
        return -1;
    qint64 target = 0;
    if (row < 0 || row >= rowCount()) {
        target = backward ? m_matches.back() : m_matches.front();
    } else {
        const qint64 from = seqAt(row);
        if (backward) {
            auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from);
            target = it == m_matches.cbegin() ? m_matches.back() : *std::prev(it);
        } else {
            auto it = std::upper_bound(m_matches.cbegin(), m_matches.cend(), from);
            target = it == m_matches.cend() ? m_matches.front() : *it;
        }
    }
    const Line &l = line(target);
    if (l.trace && l.header >= m_firstSeq && !m_expanded.contains(l.header)) {
        const int headerRow = rowOfSeq(l.header);
        if (headerRow >= 0)
            setExpanded(headerRow, true);
    }
    return rowOfSeq(target);
}

int LogModel::matchNumber(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    const qint64 seq = seqAt(row);
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), seq);
    return it != m_matches.cend() && *it == seq ? int(it - m_matches.cbegin()) + 1 : 0;
}

} // namespace capstan
