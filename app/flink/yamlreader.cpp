#include "flink/yamlreader.h"

#include <cmath>
#include <string>

#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace capstan {

namespace {

const QString kSyntax = QStringLiteral("YamlSyntax");
const std::string kStrTag = "tag:yaml.org,2002:str";

// Raised inside the converter, turned into an Error at the boundary like yaml-cpp's own exceptions.
struct ConversionError
{
    YAML::Mark mark;
    QString message;
};

YamlReader::Location locationOf(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

Error syntaxError(const YAML::Mark &mark, const QString &message)
{
    Error error = Error::make(kSyntax, message);
    const YamlReader::Location location = locationOf(mark);
    error.line = location.line;
    error.column = location.column;
    return error;
}

// A plain scalar typed as YAML 1.1 (go-yaml v2, which kubectl uses) resolves it.
QJsonValue resolvePlain(const QString &s, const YAML::Mark &mark)
{
    static const QRegularExpression nulls(QStringLiteral("^(?:~|null|Null|NULL)$"));
    static const QRegularExpression trues(QStringLiteral("^(?:true|True|TRUE|yes|Yes|YES|on|On|ON|y|Y)$"));
    static const QRegularExpression falses(QStringLiteral("^(?:false|False|FALSE|no|No|NO|off|Off|OFF|n|N)$"));
    static const QRegularExpression integer(
        QStringLiteral("^([-+]?)(0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|0[0-7_]+|0|[1-9][0-9_]*)$"));
    static const QRegularExpression decimal(
        QStringLiteral("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"));
    static const QRegularExpression special(QStringLiteral("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));

    if (s.isEmpty() || nulls.match(s).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (trues.match(s).hasMatch())
        return true;
    if (falses.match(s).hasMatch())
        return false;
    if (const QRegularExpressionMatch m = integer.match(s); m.hasMatch()) {
        QString digits = m.captured(2);
        digits.remove(QLatin1Char('_'));
        int base = 10;
        if (digits.startsWith(QLatin1String("0b"))) {
            base = 2;
            digits = digits.mid(2);
        } else if (digits.startsWith(QLatin1String("0x"))) {
            base = 16;
            digits = digits.mid(2);
        } else if (digits.startsWith(QLatin1String("0o"))) {
            base = 8;
            digits = digits.mid(2);
        } else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0'))) {
            base = 8;
            digits = digits.mid(1);
        }
        bool ok = false;
        const qint64 value = digits.toLongLong(&ok, base);
        if (ok)
            return m.captured(1) == QLatin1String("-") ? -value : value;
        const double big = digits.toDouble(&ok);
        if (ok && base == 10)
            return m.captured(1) == QLatin1String("-") ? -big : big;
        return s;
    }
    if (decimal.match(s).hasMatch()) {
        bool ok = false;
        const double value = s.toDouble(&ok);
        if (ok && std::isfinite(value))
            return value;
        return s;
    }
    if (special.match(s).hasMatch())
        throw ConversionError{mark,
                              QStringLiteral("%1 is not a number JSON can carry; quote it to send a string").arg(s)};
    return s;
}

// An anchor holding an alias to itself makes the node graph cyclic, and aliases of aliases grow it
// exponentially; past these limits the text is refused instead of exhausting the stack or memory
// (go-yaml, which kubectl uses, refuses such documents too).
constexpr int kMaxDepth = 200;
constexpr int kMaxNodes = 100000;

struct Walk
{
    YamlReader::Document *document;
    int nodes = 0;
};

// A scalar's text. Unicode noncharacters (U+FDD0..U+FDEF, U+nFFFE, U+nFFFF) are refused: they are
// not for interchange, YAML allows U+FFFE and U+FFFF not even escaped, and the writer (yaml-cpp's
// emitter) turns them all into U+FFFD, so two keys that differ only in one would come back as one.
QString scalarText(const YAML::Node &node)
{
    QString text = QString::fromStdString(node.Scalar());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (QChar::isNonCharacter(c))
            throw ConversionError{node.Mark(),
                                  QStringLiteral("the text holds U+%1, a Unicode noncharacter; remove it")
                                      .arg(QString::number(uint(c), 16).toUpper().rightJustified(4, u'0'))};
    }
    return text;
}

QString child(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QJsonValue convert(const YAML::Node &node, const QString &path, Walk *walk, int depth)
{
    if (depth > kMaxDepth)
        throw ConversionError{
            node.Mark(),
            QStringLiteral("nested more than %1 levels deep (is an alias inside its own anchor?)").arg(kMaxDepth)};
    if (++walk->nodes > kMaxNodes)
        throw ConversionError{node.Mark(),
                              QStringLiteral("more than %1 values once aliases are expanded").arg(kMaxNodes)};
    YamlReader::Document *document = walk->document;
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        const QString text = scalarText(node);
        const std::string &tag = node.Tag();
        if (tag == "!" || tag == kStrTag)
            return text;
        // Plain ("?") and explicitly tagged (!!int, !!bool, …) scalars: typed by their text.
        return resolvePlain(text, node.Mark());
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        int index = 0;
        for (const YAML::Node &item : node) {
            const QString itemPath = path + QStringLiteral("[%1]").arg(index++);
            document->locations.insert(itemPath, locationOf(item.Mark()));
            array.append(convert(item, itemPath, walk, depth + 1));
        }
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        QSet<QString> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node keyNode = it->first; // a copy: the iterator yields temporaries
            if (!keyNode.IsScalar())
                throw ConversionError{keyNode.Mark(), QStringLiteral("a mapping key must be a scalar")};
            const QString key = scalarText(keyNode);
            if (seen.contains(key))
                throw ConversionError{keyNode.Mark(), QStringLiteral("duplicate key \"%1\"").arg(key)};
            seen.insert(key);
            const YAML::Node value = it->second;
            const QString valuePath = child(path, key);
            const bool pointAtValue = value.IsScalar() && !value.Mark().is_null();
            document->locations.insert(valuePath, locationOf(pointAtValue ? value.Mark() : keyNode.Mark()));
            object.insert(key, convert(value, valuePath, walk, depth + 1));
        }
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}
} // namespace

Result<QJsonValue> YamlReader::parse(const QString &text)
{
    Result<Document> document = parseDocument(text);
    if (!document)
        return document.error();
    return std::move(document.value().value);
}

Result<YamlReader::Document> YamlReader::parseDocument(const QString &text)
{
    // The cluster cannot store a bigger object; parsing such a paste would only stall the editor.
    if (text.size() > kMaxDocumentChars)
        return Error::make(QStringLiteral("DocumentTooLarge"),
                           QStringLiteral("The document is %1 MB; a Kubernetes object must stay under 1.5 MB. "
                                          "Remove the pasted data (large files belong in a ConfigMap or the image).")
                               .arg(double(text.size()) / (1024 * 1024), 0, 'f', 1));
    Document document;
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        document.locations.insert(QString(), locationOf(root.Mark()));
        Walk walk{&document};
        document.value = convert(root, QString(), &walk, 0);
    } catch (const ConversionError &e) {
        return syntaxError(e.mark, e.message);
    } catch (const YAML::Exception &e) {
        return syntaxError(e.mark, QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return syntaxError(YAML::Mark::null_mark(), QString::fromLocal8Bit(e.what()));
    }
    return document;
}

YamlReader::Location YamlReader::locate(const Document &document, const QString &path)
{
    QString prefix = path;
    while (!prefix.isEmpty()) {
        const auto it = document.locations.constFind(prefix);
        if (it != document.locations.constEnd())
            return it.value();
        const qsizetype dot = prefix.lastIndexOf(QLatin1Char('.'));
        const qsizetype bracket = prefix.lastIndexOf(QLatin1Char('['));
        prefix.truncate(std::max<qsizetype>(std::max(dot, bracket), 0));
    }
    return document.locations.value(QString());
}

} // namespace capstan
