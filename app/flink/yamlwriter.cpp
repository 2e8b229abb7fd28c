#include "flink/yamlwriter.h"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace capstan {

namespace {

// Strings a YAML 1.1 reader (yaml-cpp, Go's yaml used by kubectl) would take for another type.
bool readsAsOtherType(const QString &s)
{
    static const QRegularExpression typed(QStringLiteral(
        "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
        "|[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+"
        "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    return s.isEmpty() || typed.match(s).hasMatch();
}

// Strings a plain scalar would not carry as they are: readers take CR, NEL and the Unicode line
// separators for line breaks, and other control characters are not allowed unescaped.
bool hasControlCharacters(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029;
    });
}

// A plain scalar starting a line with "---" or "..." is read as a document marker.
bool startsLikeDocumentMarker(const QString &s)
{
    return s.startsWith(QLatin1String("---")) || s.startsWith(QLatin1String("..."));
}

// Keys and string values alike: a plain scalar would change the text's meaning.
bool needsQuotes(const QString &s)
{
    return readsAsOtherType(s) || hasControlCharacters(s) || startsLikeDocumentMarker(s);
}

void write(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        out << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string key = it.key().toStdString();
            // An implicit key may not exceed 1024 characters once escaped (at most 4 per byte here);
            // longer ones take the explicit "? key" form.
            if (key.size() > 250)
                out << YAML::LongKey;
            out << YAML::Key;
            // A key at the start of a line reading "--- x" would start a new document.
            if (needsQuotes(it.key()))
                out << YAML::DoubleQuoted;
            out << key << YAML::Value;
            write(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : array)
            write(out, item);
        out << YAML::EndSeq;
        return;
    }
    case QJsonValue::String:
        if (needsQuotes(value.toString()))
            out << YAML::DoubleQuoted;
        out << value.toString().toStdString();
        return;
    case QJsonValue::Double: {
        // Whole numbers are written from their exact integer: a qint64 beyond 2^53 does not survive a
        // round trip through double, and casting a double outside qint64's range is undefined.
        const qint64 integer = value.toInteger(); // 0 unless a whole number qint64 holds
        const double d = value.toDouble();
        if (integer != 0 || d == 0)
            out << static_cast<long long>(integer);
        else
            out << d;
        return;
    }
    case QJsonValue::Bool:
        out << value.toBool();
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        return;
    }
}
} // namespace

QString YamlWriter::toYaml(const QJsonValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    write(out, value);
    return QString::fromStdString(out.c_str()) + QLatin1Char('\n');
}

} // namespace capstan
