#pragma once

// The sandbox API server's own merge patch (RFC 7386) and JSON patch (RFC 6902). It is deliberately
// independent of the core's app/json/jsontools, the client side: the tests hold each against the other,
// whereas one shared implementation would let a bug pass on both sides.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace capstan::sandbox {

// RFC 7386 JSON merge patch: null removes a member, objects merge recursively, anything else replaces.
QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch);

// RFC 6902 JSON patch with the operations add, remove, replace, test, move and copy.
// Returns false and sets *error (a message fit for a Status) when an operation fails; *result is
// then unchanged.
bool applyJsonPatch(const QJsonObject &target, const QJsonArray &operations, QJsonObject *result, QString *error);

} // namespace capstan::sandbox
