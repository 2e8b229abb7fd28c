#include "vvp/vvpapidescription.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

// Deeper than any definition of the platform's (the Kubernetes pod templates nest about 12 levels);
// a description that refers to itself stops here instead of recursing for ever.
constexpr int kMaxDepth = 48;

QString joined(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString shown(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return u"\u201c"_s + value.toString() + u"\u201d"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Array:
        return VvpApiDescription::tr("a list");
    case QJsonValue::Object:
        return VvpApiDescription::tr("a map");
    default:
        return VvpApiDescription::tr("nothing");
    }
}

// The number Jackson reads from a number or a numeric string; NaN for anything else.
double numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

// The text Jackson reads for a string property: strings, numbers and booleans.
QString textOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

} // namespace

Result<VvpApiDescription> VvpApiDescription::fromJson(const QJsonObject &document)
{
    if (document.value("swagger"_L1).toString() != "2.0"_L1)
        return Error::make(
            u"InvalidApiDescription"_s,
            tr("The platform's API description is not a Swagger 2.0 document (no \"swagger\": \"2.0\")."));
    const QJsonObject definitions = document.value("definitions"_L1).toObject();
    if (definitions.isEmpty())
        return Error::make(u"InvalidApiDescription"_s, tr("The platform's API description has no definitions."));
    VvpApiDescription description;
    description.m_document = document;
    description.m_definitions = definitions;
    return description;
}

QString VvpApiDescription::title() const
{
    return m_document.value("info"_L1).toObject().value("title"_L1).toString();
}

QString VvpApiDescription::version() const
{
    return m_document.value("info"_L1).toObject().value("version"_L1).toString();
}

bool VvpApiDescription::hasDefinition(const QString &name) const
{
    return m_definitions.value(name).isObject();
}

QJsonObject VvpApiDescription::resolve(const QJsonObject &schema) const
{
    QJsonObject resolved = schema;
    // A chain of references (A → B → C) is followed; a loop ends where it started.
    for (int hops = 0; hops < 8 && resolved.contains("$ref"_L1); ++hops) {
        const QString ref = resolved.value("$ref"_L1).toString();
        if (!ref.startsWith("#/definitions/"_L1))
            return {};
        resolved = m_definitions.value(ref.mid(14)).toObject();
    }
    return resolved;
}

VvpApiDescription::Check VvpApiDescription::check(const QString &definition, const QJsonValue &value,
                                                  const QString &path, Reading reading) const
{
    Check out;
    if (!hasDefinition(definition))
        return out;
    out.read = checkValue(m_definitions.value(definition).toObject(), value, path, reading, 0, &out);
    return out;
}

VvpApiDescription::Check VvpApiDescription::checkSchema(const QJsonObject &schema, const QJsonValue &value,
                                                        const QString &path, Reading reading) const
{
    Check out;
    out.read = checkValue(schema, value, path, reading, 0, &out);
    return out;
}

QJsonValue VvpApiDescription::checkValue(const QJsonObject &unresolved, const QJsonValue &value, const QString &path,
                                         Reading reading, int depth, Check *out) const
{
    if (value.isUndefined() || depth > kMaxDepth)
        return value;
    const auto fail = [&](const QString &message) { out->errors.append({path, message}); };
    if (value.isNull()) {
        if (reading == Reading::Answer)
            fail(tr("null: the platform leaves out a field without a value."));
        return value;
    }
    const QJsonObject schema = resolve(unresolved);
    if (schema.isEmpty()) {
        if (unresolved.contains("$ref"_L1))
            fail(tr("The description refers to %1, which it does not define.")
                     .arg(unresolved.value("$ref"_L1).toString()));
        return value; // an empty schema takes anything
    }
    QString type = schema.value("type"_L1).toString();
    if (type.isEmpty() && (schema.contains("properties"_L1) || schema.contains("additionalProperties"_L1)))
        type = u"object"_s;
    const QString format = schema.value("format"_L1).toString();
    const bool exact = reading == Reading::Answer;

    if (type == "object"_L1) {
        if (!value.isObject()) {
            fail(tr("%1 is not a map: the platform expects a map here.").arg(shown(value)));
            return value;
        }
        QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        const QJsonValue additional = schema.value("additionalProperties"_L1);
        // A map without named properties and without a value type (JsonNode): anything goes.
        if (properties.isEmpty() && !additional.isObject())
            return value;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString field = joined(path, it.key());
            if (properties.contains(it.key()))
                it.value()
                    = checkValue(properties.value(it.key()).toObject(), it.value(), field, reading, depth + 1, out);
            else if (additional.isObject())
                it.value() = checkValue(additional.toObject(), it.value(), field, reading, depth + 1, out);
            else
                out->unknownFields.append(field);
        }
        return object;
    }
    if (type == "array"_L1) {
        if (!value.isArray()) {
            fail(tr("%1 is not a list: the platform expects a list here.").arg(shown(value)));
            return value;
        }
        QJsonArray array = value.toArray();
        const QJsonObject items = schema.value("items"_L1).toObject();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = checkValue(items, array.at(i), u"%1[%2]"_s.arg(path).arg(i), reading, depth + 1, out);
        return array;
    }

    if (type.isEmpty())
        return value; // described by words only
    // Scalars: an object or a list is never coerced.
    if (value.isObject() || value.isArray()) {
        fail(tr("%1 is not a single value: the platform expects one here (%2).").arg(shown(value), type));
        return value;
    }
    QString text;
    QJsonValue read = value; // as the platform stores it
    if (type == "integer"_L1 || type == "number"_L1) {
        const double d = exact && !value.isDouble() ? std::numeric_limits<double>::quiet_NaN() : numberOf(value);
        if (std::isnan(d) || std::isinf(d)) {
            fail(tr("%1 is not a number: the platform expects %2 here.")
                     .arg(shown(value), type == "integer"_L1 ? tr("a whole number") : tr("a number")));
            return value;
        }
        if (type == "integer"_L1) {
            if (d != std::floor(d)) {
                fail(tr("%1 is not a whole number: the platform would cut it to %2.").arg(shown(value)).arg(qint64(d)));
                return value;
            }
            const double limit = format == "int32"_L1 ? 2147483647.0 : 9223372036854775807.0;
            if (d > limit || d < -limit - 1) {
                fail(tr("%1 is out of range for %2.").arg(shown(value), format.isEmpty() ? type : format));
                return value;
            }
        }
        text = textOf(value);
        read = d;
    } else if (type == "boolean"_L1) {
        const QString word = value.isString() ? value.toString().trimmed().toLower() : QString();
        if (!value.isBool() && (exact || (word != "true"_L1 && word != "false"_L1))) {
            fail(tr("%1 is neither true nor false: the platform expects true or false here.").arg(shown(value)));
            return value;
        }
        text = value.isBool() ? textOf(value) : word;
        read = text == "true"_L1;
    } else {
        if (exact && type == "string"_L1 && !value.isString()) {
            fail(tr("%1 is not text: the platform writes text here.").arg(shown(value)));
            return value;
        }
        text = textOf(value);
        if (type == "string"_L1)
            read = text;
        if (type == "string"_L1 && format == "date-time"_L1 && !text.isEmpty()
            && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid()) {
            fail(tr("%1 is not a date and time: the platform expects ISO 8601 (2024-05-01T12:00:00Z) here.")
                     .arg(shown(value)));
            return value;
        }
        if (type == "string"_L1 && format == "uuid"_L1 && !text.isEmpty()) {
            static const QRegularExpression uuid(
                u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
            if (!uuid.match(text).hasMatch()) {
                fail(tr("%1 is not an id: the platform expects a UUID (8-4-4-4-12 hexadecimal digits) here.")
                         .arg(shown(value)));
                return value;
            }
        }
    }
    const QJsonArray allowed = schema.value("enum"_L1).toArray();
    if (!allowed.isEmpty()) {
        QStringList words;
        for (const QJsonValue &a : allowed)
            words.append(textOf(a));
        if (!words.contains(text))
            fail(tr("%1 is not one of %2.").arg(shown(value), words.join(u", "_s)));
    }
    return read;
}

} // namespace capstan
