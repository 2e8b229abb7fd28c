#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// A Ververica Platform's API description: the Swagger 2.0 document its Application Manager serves at
// /api/swagger.json, read from the connected platform as the operator's schema is read from its CRD.
//
// check() takes a request's object the way the platform's JSON reader (Jackson, with its default
// coercions) takes it: a number or boolean is read where a string is described, a numeric string where a number
// is, "true"/"false" where a boolean is; objects and arrays must be what is described; null is always
// accepted; enums are checked. Properties the description does not name are reported apart from the
// errors: the description leaves out some that the platform accepts (restoreStrategy's
// allowNonRestoredState), so they are worth a note but not a refusal. Reading::Answer checks what
// the platform writes instead: exact types, and no null (the platform leaves out what has no value).
//
// A value type; const methods may be called from any thread.
class VvpApiDescription final
{
    Q_DECLARE_TR_FUNCTIONS(capstan::VvpApiDescription)

public:
    struct Finding
    {
        QString field; // "spec.template.spec.parallelism"
        QString message;
    };
    struct Check
    {
        QList<Finding> errors; // what the platform would refuse, in document order
        QStringList unknownFields; // fields the description does not name
        QJsonValue read; // the value as the platform reads it: coerced scalars, unknown fields kept
    };

    enum class Reading { Request, Answer };

    VvpApiDescription() = default;
    // Fails (with the reason) for anything but a Swagger 2.0 document with definitions.
    static Result<VvpApiDescription> fromJson(const QJsonObject &document);

    bool isNull() const { return m_definitions.isEmpty(); }
    const QJsonObject &document() const { return m_document; }
    // info.title and info.version ("Application Manager API", "2.4.3").
    QString title() const;
    QString version() const;

    bool hasDefinition(const QString &name) const;

    // Checks `value` against the definition `definition` ("Deployment"). Paths of findings start at
    // `path` ("" for the object itself).
    Check check(const QString &definition, const QJsonValue &value, const QString &path = {},
                Reading reading = Reading::Request) const;
    // The same against a schema of the description's (an operation's body or answer: {"$ref": …}).
    Check checkSchema(const QJsonObject &schema, const QJsonValue &value, const QString &path = {},
                      Reading reading = Reading::Request) const;

private:
    QJsonValue checkValue(const QJsonObject &schema, const QJsonValue &value, const QString &path, Reading reading,
                          int depth, Check *out) const;
    QJsonObject resolve(const QJsonObject &schema) const;

    QJsonObject m_document;
    QJsonObject m_definitions;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::VvpApiDescription)
