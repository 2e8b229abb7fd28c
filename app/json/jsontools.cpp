#include "json/jsontools.h"

namespace capstan::json {

namespace {

QJsonObject withoutNulls(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isNull())
            continue;
        out.insert(it.key(), it.value().isObject() ? QJsonValue(withoutNulls(it.value().toObject())) : it.value());
    }
    return out;
}

void appendOperations(const QJsonObject &current, const QJsonObject &patch, const QStringList &prefix,
                      QJsonArray *operations)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QStringList path = prefix + QStringList{it.key()};
        const QJsonValue existing = current.value(it.key());
        if (it.value().isNull()) {
            if (!existing.isUndefined())
                operations->append(QJsonObject{{QStringLiteral("op"), QStringLiteral("remove")},
                                               {QStringLiteral("path"), pointer(path)}});
        } else if (it.value().isObject() && existing.isObject()) {
            appendOperations(existing.toObject(), it.value().toObject(), path, operations);
        } else {
            // A merge patch drops nulls inside a new object too, so the added value must not carry them.
            const QJsonValue value
                = it.value().isObject() ? QJsonValue(withoutNulls(it.value().toObject())) : it.value();
            operations->append(QJsonObject{{QStringLiteral("op"), QStringLiteral("add")},
                                           {QStringLiteral("path"), pointer(path)},
                                           {QStringLiteral("value"), value}});
        }
    }
}

void setAt(QJsonObject *object, const QStringList &path, qsizetype index, const QJsonValue &value)
{
    const QString &key = path.at(index);
    if (index == path.size() - 1) {
        if (value.isUndefined())
            object->remove(key);
        else
            object->insert(key, value);
        return;
    }
    if (value.isUndefined() && !object->value(key).isObject())
        return;
    QJsonObject child = object->value(key).toObject();
    setAt(&child, path, index + 1, value);
    if (child.isEmpty() && value.isUndefined())
        object->remove(key);
    else
        object->insert(key, child);
}

} // namespace

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            const auto other = y.constFind(it.key());
            if (other == y.constEnd() || !sameValue(it.value(), other.value()))
                return false;
        }
        return true;
    }
    return a == b;
}

QJsonObject createMergePatch(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject patch;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()) || after.value(it.key()).isNull())
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.value().isNull())
            continue; // removed above
        const QJsonValue old = before.value(it.key());
        if (sameValue(old, it.value()))
            continue;
        if (old.isObject() && it.value().isObject())
            patch.insert(it.key(), createMergePatch(old.toObject(), it.value().toObject()));
        else
            patch.insert(it.key(), it.value());
    }
    return patch;
}

QJsonValue applyMergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.toObject(); // a non-object target counts as {}
    const QJsonObject changes = patch.toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), applyMergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

QString escapePointerToken(QString token)
{
    // "~" first, so the "~" of a "~1" written here is not escaped again.
    return token.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
}

QString pointer(const QStringList &segments)
{
    QString out;
    for (const QString &segment : segments)
        out += QLatin1Char('/') + escapePointerToken(segment);
    return out;
}

QJsonArray mergePatchAsOperations(const QJsonObject &current, const QJsonObject &patch)
{
    QJsonArray operations;
    appendOperations(current, patch, {}, &operations);
    return operations;
}

QJsonValue valueAt(const QJsonObject &object, const QStringList &path)
{
    QJsonValue value = object;
    for (const QString &key : path) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(key);
    }
    return value;
}

QJsonObject withValueAt(const QJsonObject &object, const QStringList &path, const QJsonValue &value)
{
    QJsonObject out = object;
    if (!path.isEmpty())
        setAt(&out, path, 0, value);
    return out;
}

} // namespace capstan::json
