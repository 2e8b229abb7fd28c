#include "kube/ndjsonframer.h"

namespace capstan {

void NdjsonFramer::append(const QByteArray &chunk)
{
    // Dropping consumed lines once per chunk rather than once per line keeps a chunk carrying many
    // events linear in its size.
    m_buffer.remove(0, m_start);
    m_start = 0;
    m_buffer += chunk;
}

bool NdjsonFramer::takeLine(QByteArray *line)
{
    for (qsizetype nl = m_buffer.indexOf('\n', m_start); nl >= 0; nl = m_buffer.indexOf('\n', m_start)) {
        const QByteArray candidate = m_buffer.mid(m_start, nl - m_start).trimmed();
        m_start = nl + 1;
        if (!candidate.isEmpty()) {
            *line = candidate;
            return true;
        }
    }
    return false;
}

bool NdjsonFramer::hasPartialLine() const
{
    for (qsizetype i = m_start; i < m_buffer.size(); ++i) {
        // The same whitespace QByteArray::trimmed() removes.
        const char c = m_buffer.at(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r')
            return true;
    }
    return false;
}

} // namespace capstan
