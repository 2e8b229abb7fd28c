#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace capstan::test {

// A JSON object written out in a test's source. A typo in it stops the run, rather than testing {}.
inline QJsonObject jsonObject(const char *text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON at %d: %s", error.offset, text);
    return object;
}

} // namespace capstan::test
