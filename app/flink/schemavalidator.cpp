#include "flink/schemavalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QVariant>

#include <cmath>

namespace capstan {

namespace {

const QLatin1String kType("type");
const QLatin1String kProperties("properties");
const QLatin1String kAdditionalProperties("additionalProperties");
const QLatin1String kItems("items");
const QLatin1String kRequired("required");
const QLatin1String kEnum("enum");
const QLatin1String kFormat("format");
const QLatin1String kNullable("nullable");
const QLatin1String kPreserveUnknown("x-kubernetes-preserve-unknown-fields");
const QLatin1String kIntOrString("x-kubernetes-int-or-string");

bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    if (v.toVariant().typeId() == QMetaType::LongLong)
        return true;
    const double d = v.toDouble();
    return std::isfinite(d) && std::floor(d) == d;
}

// The JSON type name kube-openapi reports for a value that has the wrong type.
QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return isInteger(v) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("integer"))
        return isInteger(v);
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    return true; // an unknown type keyword constrains nothing
}

// A value as Go's field errors print it: strings quoted, numbers and booleans bare.
QString printed(const QJsonValue &v)
{
    if (v.isString())
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    if (v.isDouble())
        return isInteger(v) ? QString::number(qint64(v.toDouble())) : QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QString child(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + QLatin1Char('.') + name;
}

FieldError typeError(const QString &path, const QString &expected, const QJsonValue &value)
{
    const QString found = typeName(value);
    return {QStringLiteral("FieldValueTypeInvalid"), path,
            QStringLiteral("Invalid value: \"%1\": %2 in body must be of type %3: \"%1\"").arg(found, path, expected)};
}

bool formatMatches(const QString &format, const QString &text)
{
    if (format == QLatin1String("date-time"))
        return QDateTime::fromString(text, Qt::ISODateWithMs).isValid()
            || QDateTime::fromString(text, Qt::ISODate).isValid();
    if (format == QLatin1String("date"))
        return QDate::fromString(text, Qt::ISODate).isValid();
    if (format == QLatin1String("byte"))
        return QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors).decodingStatus
            == QByteArray::Base64DecodingStatus::Ok;
    return true; // other formats are not checked, as on the API server
}

} // namespace

SchemaValidator::SchemaValidator(const QJsonObject &openApiV3Schema)
    : m_schema(openApiV3Schema)
{
}

QList<FieldError> SchemaValidator::validate(QJsonObject *object, Part part) const
{
    QList<FieldError> errors;
    if (part == Part::Status) {
        const QJsonObject statusSchema
            = m_schema.value(kProperties).toObject().value(QLatin1String("status")).toObject();
        const QJsonValue status = object->value(QLatin1String("status"));
        if (status.isUndefined())
            return errors;
        const QJsonValue checked = check(statusSchema, status, QStringLiteral("status"), &errors);
        if (checked.isUndefined())
            object->remove(QLatin1String("status"));
        else
            object->insert(QLatin1String("status"), checked);
        return errors;
    }
    *object = checkObject(m_schema, *object, {}, true, &errors);
    return errors;
}

QJsonValue SchemaValidator::check(const QJsonObject &schema, const QJsonValue &value, const QString &path,
                                  QList<FieldError> *errors) const
{
    if (value.isNull() && !schema.value(kNullable).toBool())
        return QJsonValue(QJsonValue::Undefined); // pruned, as the API server drops non-nullable nulls
    if (value.isNull())
        return value;
    if (schema.value(kIntOrString).toBool()) {
        if (!value.isString() && !isInteger(value)) {
            errors->append(typeError(path, QStringLiteral("integer-or-string"), value));
            return value;
        }
    } else if (schema.contains(kType)) {
        const QString type = schema.value(kType).toString();
        if (!hasType(value, type)) {
            errors->append(typeError(path, type, value));
            return value;
        }
    }
    if (schema.contains(kEnum)) {
        const QJsonArray allowed = schema.value(kEnum).toArray();
        if (!allowed.contains(value)) {
            QStringList values;
            for (const QJsonValue &a : allowed)
                values.append(printed(a));
            errors->append({QStringLiteral("FieldValueNotSupported"), path,
                            QStringLiteral("Unsupported value: %1: supported values: %2")
                                .arg(printed(value), values.join(QStringLiteral(", ")))});
            return value;
        }
    }
    if (value.isString() && schema.contains(kFormat)) {
        const QString format = schema.value(kFormat).toString();
        if (!formatMatches(format, value.toString())) {
            errors->append({QStringLiteral("FieldValueInvalid"), path,
                            QStringLiteral("Invalid value: %1: %2 in body must be of type %3: %1")
                                .arg(printed(value), path, format)});
            return value;
        }
    }
    if (value.isObject())
        return checkObject(schema, value.toObject(), path, false, errors);
    if (value.isArray()) {
        const QJsonObject items = schema.value(kItems).toObject();
        const QJsonArray in = value.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < in.size(); ++i) {
            const QJsonValue item = check(items, in.at(i), path + QStringLiteral("[%1]").arg(i), errors);
            // A null array item is kept (the API server prunes fields, not list entries).
            out.append(item.isUndefined() ? QJsonValue(QJsonValue::Null) : item);
        }
        return out;
    }
    return value;
}

QJsonObject SchemaValidator::checkObject(const QJsonObject &schema, const QJsonObject &object, const QString &path,
                                         bool root, QList<FieldError> *errors) const
{
    const QJsonObject properties = schema.value(kProperties).toObject();
    const QJsonValue additional = schema.value(kAdditionalProperties);
    const bool preserve = schema.value(kPreserveUnknown).toBool();
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        if (root
            && (key == QLatin1String("apiVersion") || key == QLatin1String("kind")
                || key == QLatin1String("metadata"))) {
            out.insert(key, it.value());
            continue;
        }
        QJsonValue checked;
        if (properties.contains(key))
            checked = check(properties.value(key).toObject(), it.value(), child(path, key), errors);
        else if (additional.isObject())
            checked = check(additional.toObject(), it.value(), child(path, key), errors);
        else if (preserve || additional.toBool())
            checked = it.value();
        else
            continue; // pruned
        if (!checked.isUndefined())
            out.insert(key, checked);
    }
    for (const QJsonValue &required : schema.value(kRequired).toArray()) {
        if (!out.contains(required.toString()))
            errors->append({QStringLiteral("FieldValueRequired"), child(path, required.toString()),
                            QStringLiteral("Required value")});
    }
    return out;
}

} // namespace capstan
