#include "sandbox/jsonpatch.h"

#include <QJsonValue>
#include <QStringList>

namespace capstan::sandbox {

namespace {

QJsonValue mergeValue(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject patchObject = patch.toObject();
    for (auto it = patchObject.begin(); it != patchObject.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergeValue(result.value(it.key()), it.value()));
    }
    return result;
}

bool parsePointer(const QString &pointer, QStringList *tokens, QString *error)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("invalid JSON pointer: \"%1\"").arg(pointer);
        return false;
    }
    const QStringList raw = pointer.mid(1).split(QLatin1Char('/'));
    for (QString token : raw) {
        token.replace(QLatin1String("~1"), QLatin1String("/"));
        token.replace(QLatin1String("~0"), QLatin1String("~"));
        tokens->append(token);
    }
    return true;
}

bool arrayIndex(const QString &token, qsizetype size, bool allowEnd, qsizetype *index)
{
    if (allowEnd && token == QLatin1String("-")) {
        *index = size;
        return true;
    }
    bool ok = false;
    const qsizetype i = token.toLongLong(&ok);
    if (!ok || i < 0 || i > size || (!allowEnd && i == size))
        return false;
    if (token.size() > 1 && token.startsWith(QLatin1Char('0')))
        return false;
    *index = i;
    return true;
}

enum class Op { Add, Remove, Replace };

// Returns the modified copy of node; the pointer position is tokens[depth].
bool modify(const QJsonValue &node, const QStringList &tokens, int depth, Op op, const QJsonValue &value,
            QJsonValue *out, QJsonValue *removed, QString *error)
{
    const QString &token = tokens.at(depth);
    const bool last = depth == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (op != Op::Add && !object.contains(token)) {
                *error = QStringLiteral("unable to %1 nonexistent key: %2")
                             .arg(op == Op::Remove ? QStringLiteral("remove") : QStringLiteral("replace"), token);
                return false;
            }
            if (removed)
                *removed = object.value(token);
            if (op == Op::Remove)
                object.remove(token);
            else
                object.insert(token, value);
            *out = object;
            return true;
        }
        if (!object.contains(token)) {
            *error
                = QStringLiteral("doc is missing path: \"/%1\"").arg(tokens.mid(0, depth + 1).join(QLatin1Char('/')));
            return false;
        }
        QJsonValue child;
        if (!modify(object.value(token), tokens, depth + 1, op, value, &child, removed, error))
            return false;
        object.insert(token, child);
        *out = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        qsizetype index = 0;
        if (!arrayIndex(token, array.size(), last && op == Op::Add, &index)) {
            *error = QStringLiteral("invalid array index \"%1\" at \"/%2\"")
                         .arg(token, tokens.mid(0, depth + 1).join(QLatin1Char('/')));
            return false;
        }
        if (last) {
            if (removed && index < array.size())
                *removed = array.at(index);
            if (op == Op::Add)
                array.insert(index, value);
            else if (op == Op::Remove)
                array.removeAt(index);
            else
                array.replace(index, value);
            *out = array;
            return true;
        }
        QJsonValue child;
        if (!modify(array.at(index), tokens, depth + 1, op, value, &child, removed, error))
            return false;
        array.replace(index, child);
        *out = array;
        return true;
    }
    *error = QStringLiteral("doc is missing path: \"/%1\"").arg(tokens.mid(0, depth + 1).join(QLatin1Char('/')));
    return false;
}

bool valueAt(const QJsonValue &root, const QStringList &tokens, QJsonValue *out)
{
    QJsonValue current = root;
    for (const QString &token : tokens) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(token))
                return false;
            current = object.value(token);
        } else if (current.isArray()) {
            qsizetype index = 0;
            if (!arrayIndex(token, current.toArray().size(), false, &index))
                return false;
            current = current.toArray().at(index);
        } else {
            return false;
        }
    }
    *out = current;
    return true;
}

bool applyOne(QJsonValue *doc, Op op, const QStringList &tokens, const QJsonValue &value, QJsonValue *removed,
              QString *error)
{
    if (tokens.isEmpty()) {
        if (op == Op::Remove) {
            *error = QStringLiteral("cannot remove the whole document");
            return false;
        }
        if (!value.isObject()) {
            *error = QStringLiteral("the document root must be an object");
            return false;
        }
        *doc = value;
        return true;
    }
    QJsonValue out;
    if (!modify(*doc, tokens, 0, op, value, &out, removed, error))
        return false;
    *doc = out;
    return true;
}

} // namespace

QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    return mergeValue(target, patch).toObject();
}

bool applyJsonPatch(const QJsonObject &target, const QJsonArray &operations, QJsonObject *result, QString *error)
{
    QJsonValue doc = target;
    for (const QJsonValue &entry : operations) {
        const QJsonObject operation = entry.toObject();
        const QString op = operation.value(QLatin1String("op")).toString();
        QStringList path;
        if (!operation.contains(QLatin1String("path"))) {
            *error = QStringLiteral("operation missing path: %1").arg(op);
            return false;
        }
        if (!parsePointer(operation.value(QLatin1String("path")).toString(), &path, error))
            return false;
        const QJsonValue value = operation.value(QLatin1String("value"));
        if (op == QLatin1String("add") || op == QLatin1String("replace")) {
            if (!operation.contains(QLatin1String("value"))) {
                *error = QStringLiteral("operation missing value: %1").arg(op);
                return false;
            }
            if (!applyOne(&doc, op == QLatin1String("add") ? Op::Add : Op::Replace, path, value, nullptr, error))
                return false;
        } else if (op == QLatin1String("remove")) {
            if (!applyOne(&doc, Op::Remove, path, {}, nullptr, error))
                return false;
        } else if (op == QLatin1String("test")) {
            QJsonValue actual;
            if (!valueAt(doc, path, &actual) || actual != value) {
                *error
                    = QStringLiteral("testing value %1 failed").arg(operation.value(QLatin1String("path")).toString());
                return false;
            }
        } else if (op == QLatin1String("move") || op == QLatin1String("copy")) {
            QStringList from;
            if (!parsePointer(operation.value(QLatin1String("from")).toString(), &from, error))
                return false;
            QJsonValue moved;
            if (!valueAt(doc, from, &moved)) {
                *error = QStringLiteral("doc is missing from path: \"%1\"")
                             .arg(operation.value(QLatin1String("from")).toString());
                return false;
            }
            if (op == QLatin1String("move") && !applyOne(&doc, Op::Remove, from, {}, nullptr, error))
                return false;
            if (!applyOne(&doc, Op::Add, path, moved, nullptr, error))
                return false;
        } else {
            *error = QStringLiteral("Unexpected kind: %1").arg(op);
            return false;
        }
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("the patched document is not an object");
        return false;
    }
    *result = doc.toObject();
    return true;
}

} // namespace capstan::sandbox
