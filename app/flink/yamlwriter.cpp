#include "flink/yamlwriter.h"

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
            out << YAML::Key << it.key().toStdString() << YAML::Value;
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
        if (readsAsOtherType(value.toString()))
            out << YAML::DoubleQuoted;
        out << value.toString().toStdString();
        return;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)) && std::abs(d) < 9e15)
            out << static_cast<long long>(d);
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
