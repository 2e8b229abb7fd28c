#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace capstan::sandbox {

// A Kubernetes label selector: "a=b,c!=d,e in (f,g),h notin (i),j,!k" (= and == are the same).
// parse() returns false and sets *error on a malformed selector; an empty string selects everything.
class LabelSelector final
{
public:
    bool parse(const QString &text, QString *error);
    bool matches(const QJsonObject &object) const;
    bool isEmpty() const { return m_requirements.empty(); }

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };
    std::vector<Requirement> m_requirements;
};

// A field selector: "metadata.name=x,metadata.namespace!=y". allowedFields lists the dotted paths
// the resource type supports; any other field is an error, as on the API server.
class FieldSelector final
{
public:
    bool parse(const QString &text, const QStringList &allowedFields, QString *error);
    bool matches(const QJsonObject &object) const;
    bool isEmpty() const { return m_requirements.empty(); }

private:
    struct Requirement
    {
        QString path;
        bool negated = false;
        QString value;
    };
    std::vector<Requirement> m_requirements;
};

// The value at a dotted path ("involvedObject.uid") as a string; "" when absent.
QString fieldValue(const QJsonObject &object, const QString &path);

} // namespace capstan::sandbox
