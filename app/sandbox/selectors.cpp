#include "sandbox/selectors.h"

#include <QJsonValue>

namespace capstan::sandbox {

namespace {

QStringList splitTopLevel(const QString &text)
{
    QStringList parts;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            parts.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    parts.append(current.trimmed());
    return parts;
}

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_')
        || c == QLatin1Char('/');
}

QString jsonScalarToString(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    default:
        return {};
    }
}

} // namespace

QString fieldValue(const QJsonObject &object, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue current = object;
    for (const QString &part : parts) {
        if (!current.isObject())
            return {};
        current = current.toObject().value(part);
    }
    return jsonScalarToString(current);
}

bool LabelSelector::parse(const QString &text, QString *error)
{
    m_requirements.clear();
    if (text.trimmed().isEmpty())
        return true;
    const auto fail = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("unable to parse requirement: ") + message;
        m_requirements.clear();
        return false;
    };
    for (const QString &part : splitTopLevel(text)) {
        if (part.isEmpty())
            return fail(QStringLiteral("found '', expected: identifier"));
        Requirement req;
        int pos = 0;
        const bool negatedExists = part.startsWith(QLatin1Char('!'));
        if (negatedExists)
            pos = 1;
        while (pos < part.size() && part.at(pos).isSpace())
            ++pos;
        const int keyStart = pos;
        while (pos < part.size() && isKeyChar(part.at(pos)))
            ++pos;
        req.key = part.mid(keyStart, pos - keyStart);
        if (req.key.isEmpty())
            return fail(QStringLiteral("invalid label key in \"%1\"").arg(part));
        QString rest = part.mid(pos).trimmed();
        if (negatedExists) {
            if (!rest.isEmpty())
                return fail(QStringLiteral("unexpected \"%1\" after \"!%2\"").arg(rest, req.key));
            req.op = Op::DoesNotExist;
        } else if (rest.isEmpty()) {
            req.op = Op::Exists;
        } else if (rest.startsWith(QLatin1String("!="))) {
            req.op = Op::NotEquals;
            req.values = QStringList{rest.mid(2).trimmed()};
        } else if (rest.startsWith(QLatin1String("=="))) {
            req.op = Op::Equals;
            req.values = QStringList{rest.mid(2).trimmed()};
        } else if (rest.startsWith(QLatin1Char('='))) {
            req.op = Op::Equals;
            req.values = QStringList{rest.mid(1).trimmed()};
        } else {
            QString word;
            if (rest.startsWith(QLatin1String("notin"))) {
                req.op = Op::NotIn;
                word = QStringLiteral("notin");
            } else if (rest.startsWith(QLatin1String("in"))) {
                req.op = Op::In;
                word = QStringLiteral("in");
            } else {
                return fail(QStringLiteral("found \"%1\", expected: in, notin, =, ==, !=").arg(rest));
            }
            rest = rest.mid(word.size()).trimmed();
            if (!rest.startsWith(QLatin1Char('(')) || !rest.endsWith(QLatin1Char(')')))
                return fail(QStringLiteral("found \"%1\", expected: '('").arg(rest));
            const QStringList values = rest.mid(1, rest.size() - 2).split(QLatin1Char(','));
            for (const QString &v : values) {
                if (!v.trimmed().isEmpty())
                    req.values.append(v.trimmed());
            }
            if (req.values.isEmpty())
                return fail(QStringLiteral("for 'in', 'notin' operators, values set can't be empty"));
        }
        for (const QString &v : std::as_const(req.values)) {
            for (const QChar c : v) {
                if (!isKeyChar(c) || c == QLatin1Char('/'))
                    return fail(QStringLiteral("invalid label value: \"%1\"").arg(v));
            }
        }
        m_requirements.push_back(std::move(req));
    }
    return true;
}

bool LabelSelector::matches(const QJsonObject &object) const
{
    const QJsonObject labels
        = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject();
    for (const Requirement &req : m_requirements) {
        const bool has = labels.contains(req.key);
        const QString value = labels.value(req.key).toString();
        switch (req.op) {
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        case Op::Equals:
        case Op::In:
            if (!has || !req.values.contains(value))
                return false;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            if (has && req.values.contains(value))
                return false;
            break;
        }
    }
    return true;
}

bool FieldSelector::parse(const QString &text, const QStringList &allowedFields, QString *error)
{
    m_requirements.clear();
    if (text.trimmed().isEmpty())
        return true;
    for (const QString &part : splitTopLevel(text)) {
        Requirement req;
        int opPos = part.indexOf(QLatin1String("!="));
        int opLen = 2;
        if (opPos >= 0) {
            req.negated = true;
        } else if ((opPos = part.indexOf(QLatin1String("=="))) >= 0) {
            opLen = 2;
        } else if ((opPos = part.indexOf(QLatin1Char('='))) >= 0) {
            opLen = 1;
        } else {
            if (error)
                *error = QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, part);
            m_requirements.clear();
            return false;
        }
        req.path = part.left(opPos).trimmed();
        req.value = part.mid(opPos + opLen).trimmed();
        if (!allowedFields.contains(req.path)) {
            if (error)
                *error = QStringLiteral("field label not supported: %1").arg(req.path);
            m_requirements.clear();
            return false;
        }
        m_requirements.push_back(std::move(req));
    }
    return true;
}

bool FieldSelector::matches(const QJsonObject &object) const
{
    for (const Requirement &req : m_requirements) {
        const bool equal = fieldValue(object, req.path) == req.value;
        if (equal == req.negated)
            return false;
    }
    return true;
}

} // namespace capstan::sandbox
