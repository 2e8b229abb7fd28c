#include "ui/widgets/linediff.h"

#include <algorithm>
#include <vector>

namespace capstan {

namespace {

// Myers' greedy algorithm on a[0..n) and b[0..m), with the common prefix and suffix already removed.
// Appends the edit script of the middle part to out.
void myers(const QStringList &a, qsizetype aBegin, qsizetype n, const QStringList &b, qsizetype bBegin, qsizetype m,
           QList<LineDiff::Line> &out)
{
    const qsizetype max = n + m;
    const qsizetype offset = max + 1;
    std::vector<qsizetype> v(static_cast<size_t>(2 * max + 3), 0);
    // trace[d] holds v[k] for k in [-(d + 1), d + 1] as it was before step d.
    std::vector<std::vector<qsizetype>> trace;
    for (qsizetype d = 0; d <= max; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x;
            if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                x = v[offset + k + 1];
            else
                x = v[offset + k - 1] + 1;
            qsizetype y = x - k;
            while (x < n && y < m && a.at(aBegin + x) == b.at(bBegin + y)) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                // Walk back through the trace, collecting the script in reverse.
                QList<LineDiff::Line> reversed;
                qsizetype cx = n;
                qsizetype cy = m;
                for (qsizetype e = d; e >= 0; --e) {
                    const std::vector<qsizetype> &tv = trace[static_cast<size_t>(e)];
                    const auto at = [&tv, e](qsizetype kk) { return tv[static_cast<size_t>(kk + e + 1)]; };
                    const qsizetype ck = cx - cy;
                    qsizetype prevK;
                    if (ck == -e || (ck != e && at(ck - 1) < at(ck + 1)))
                        prevK = ck + 1;
                    else
                        prevK = ck - 1;
                    const qsizetype prevX = e == 0 ? 0 : at(prevK);
                    const qsizetype prevY = e == 0 ? 0 : prevX - prevK;
                    while (cx > prevX && cy > prevY) {
                        reversed.append({LineDiff::Op::Same, a.at(aBegin + cx - 1)});
                        --cx;
                        --cy;
                    }
                    if (e > 0) {
                        if (cx == prevX)
                            reversed.append({LineDiff::Op::Added, b.at(bBegin + cy - 1)});
                        else
                            reversed.append({LineDiff::Op::Removed, a.at(aBegin + cx - 1)});
                    }
                    cx = prevX;
                    cy = prevY;
                }
                // Reverse, then order each run of changes as removals before additions.
                std::reverse(reversed.begin(), reversed.end());
                qsizetype i = 0;
                while (i < reversed.size()) {
                    if (reversed.at(i).op == LineDiff::Op::Same) {
                        out.append(reversed.at(i++));
                        continue;
                    }
                    qsizetype j = i;
                    while (j < reversed.size() && reversed.at(j).op != LineDiff::Op::Same)
                        ++j;
                    for (qsizetype r = i; r < j; ++r) {
                        if (reversed.at(r).op == LineDiff::Op::Removed)
                            out.append(reversed.at(r));
                    }
                    for (qsizetype r = i; r < j; ++r) {
                        if (reversed.at(r).op == LineDiff::Op::Added)
                            out.append(reversed.at(r));
                    }
                    i = j;
                }
                return;
            }
        }
    }
}

} // namespace

QList<LineDiff::Line> LineDiff::diff(const QStringList &before, const QStringList &after)
{
    QList<Line> out;
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && before.at(n - 1 - suffix) == after.at(m - 1 - suffix))
        ++suffix;
    out.reserve(std::max(n, m));
    for (qsizetype i = 0; i < prefix; ++i)
        out.append({Op::Same, before.at(i)});
    const qsizetype midA = n - prefix - suffix;
    const qsizetype midB = m - prefix - suffix;
    if (midA == 0) {
        for (qsizetype i = 0; i < midB; ++i)
            out.append({Op::Added, after.at(prefix + i)});
    } else if (midB == 0) {
        for (qsizetype i = 0; i < midA; ++i)
            out.append({Op::Removed, before.at(prefix + i)});
    } else {
        myers(before, prefix, midA, after, prefix, midB, out);
    }
    for (qsizetype i = n - suffix; i < n; ++i)
        out.append({Op::Same, before.at(i)});
    return out;
}

QList<LineDiff::Line> LineDiff::diff(const QString &before, const QString &after)
{
    return diff(splitLines(before), splitLines(after));
}

QStringList LineDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    return lines;
}

bool LineDiff::isEqual(const QList<Line> &lines)
{
    return std::all_of(lines.cbegin(), lines.cend(), [](const Line &line) { return line.op == Op::Same; });
}

} // namespace capstan
