#pragma once

#include <QByteArray>

namespace capstan {

// Reassembles a newline-delimited JSON stream (a watch answer) from chunks that may end anywhere,
// even inside a UTF-8 sequence: append() each chunk as it arrives, then takeLine() until it returns
// false. Lines are trimmed; blank lines are skipped. What follows the last newline waits for the
// next chunk.
//
// Thread-safety: none; owned by one stream.
class NdjsonFramer final
{
public:
    void append(const QByteArray &chunk);
    // The next complete, non-blank line, trimmed; false when none is complete yet.
    bool takeLine(QByteArray *line);
    // Whether something other than whitespace waits for its newline (a stream that ends here was
    // cut inside an event).
    bool hasPartialLine() const;

private:
    QByteArray m_buffer;
    qsizetype m_start = 0; // consumed bytes at the front, dropped on the next append()
};

} // namespace capstan
