#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// The client's JSON toolbox: merge patches (RFC 7386), JSON Pointers (RFC 6901) and values by path.
// app/sandbox/jsonpatch is the API server's counterpart, kept independent on purpose: the tests run
// the two against each other, so a bug shared by both sides cannot pass unnoticed.
namespace capstan::json {

// Deep equality that, like the API server, does not tell 1 from 1.0.
bool sameValue(const QJsonValue &a, const QJsonValue &b);

// The merge patch that turns `before` into `after`: removed keys become null, equal members are left
// out, so equal objects give an empty patch. A null in `after` counts as removed (a merge patch cannot
// set null).
QJsonObject createMergePatch(const QJsonObject &before, const QJsonObject &after);

// MergePatch(target, patch) of RFC 7386: a non-object patch replaces the target, null removes a member,
// objects merge recursively.
QJsonValue applyMergePatch(const QJsonValue &target, const QJsonValue &patch);

// One reference token of a JSON Pointer: "~" becomes "~0", "/" becomes "~1".
QString escapePointerToken(QString token);
// The JSON Pointer of a path of object keys: {"metadata", "a/b"} → "/metadata/a~1b"; {} → "".
QString pointer(const QStringList &segments);

// The JSON patch (RFC 6902) operations that do to `current` what the merge patch `patch` does: "add"
// for set or replaced members, "remove" for removed ones that exist. The result of applying them equals
// applyMergePatch(current, patch).
QJsonArray mergePatchAsOperations(const QJsonObject &current, const QJsonObject &patch);

// The value at a path of object keys; Undefined when a key is missing or a step is not an object.
// The empty path gives `object` itself.
QJsonValue valueAt(const QJsonObject &object, const QStringList &path);
// A copy of `object` with `value` at `path`, creating objects on the way (a non-object on the way is
// replaced). Undefined removes the member, and objects that the removal leaves empty are removed too.
// The empty path returns `object` unchanged.
QJsonObject withValueAt(const QJsonObject &object, const QStringList &path, const QJsonValue &value);

} // namespace capstan::json
