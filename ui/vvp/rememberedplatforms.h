#pragma once

#include "vvp/vvpendpoint.h"

#include <QList>
#include <QString>

namespace capstan {

// Ververica Platforms the user connected to by hand (Connect to Ververica Platform…), kept in the
// settings file so that the context list offers them again at the next start: where each is and the
// kubeconfig context that reaches it, never its API token (that lives in the keychain under
// SecretStore::platformTokenKey). Every call reads or writes the file itself, as SessionSettings does.
class RememberedPlatforms final
{
public:
    struct Entry
    {
        QString name; // the name the context list showed it under when it was remembered
        QString kubeContext; // empty for a platform reached at its URL
        VvpEndpoint endpoint;
    };

    RememberedPlatforms() = delete;

    // In the order they were first remembered.
    static QList<Entry> all();
    // Replaces an entry of the same name or the same place.
    static void remember(const Entry &entry);
    // Removes the entries of that name or that place.
    static void forget(const Entry &entry);
    static bool contains(const QString &name);
};

} // namespace capstan
