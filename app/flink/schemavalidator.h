#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace capstan {

// One cause of a 422 Invalid, as the API server reports it in Status.details.causes.
struct FieldError
{
    QString reason; // FieldValueNotSupported, FieldValueInvalid, FieldValueRequired, FieldValueTypeInvalid
    QString field; // "spec.job.upgradeMode", "spec.ingress.tls[0].hosts"
    QString message; // "Unsupported value: \"foo\": supported values: \"last-state\", …"
};

// Validates custom resources against a CRD's structural openAPIV3Schema the way the apiextensions
// API server does: unknown fields are pruned (unless x-kubernetes-preserve-unknown-fields), nulls
// of non-nullable fields are dropped, then types (incl. x-kubernetes-int-or-string and the string
// formats date-time, date and byte), enums and required fields are checked. apiVersion, kind and
// metadata at the root are always kept; metadata is validated by the store, not here.
//
// Thread-safety: const methods may be called from any thread. Not a QObject.
class SchemaValidator final
{
public:
    enum class Part { Whole, Status };

    SchemaValidator() = default;
    explicit SchemaValidator(const QJsonObject &openApiV3Schema);

    bool isNull() const { return m_schema.isEmpty(); }
    const QJsonObject &schema() const { return m_schema; }

    // Prunes *object in place and returns the violations in document order (empty: valid).
    // Part::Status looks only at .status (a write through the status subresource).
    QList<FieldError> validate(QJsonObject *object, Part part = Part::Whole) const;

private:
    QJsonValue check(const QJsonObject &schema, const QJsonValue &value, const QString &path,
                     QList<FieldError> *errors) const;
    QJsonObject checkObject(const QJsonObject &schema, const QJsonObject &object, const QString &path, bool root,
                            QList<FieldError> *errors) const;

    QJsonObject m_schema;
};

} // namespace capstan
