#pragma once

#include "result.h"

#include <QHash>
#include <QJsonValue>
#include <QString>

namespace capstan {

// Reads one YAML document into JSON the way kubectl (YAML 1.1) would: quoted and block scalars are
// strings; plain scalars are typed (null/~/empty, true/false/yes/no/on/off/y/n, integers in decimal,
// octal 0…, hex 0x…, binary 0b…, floats), everything else is a string. Mapping keys must be scalars
// and unique. The counterpart of YamlWriter.
//
// Errors are values: a syntax error, a duplicate key, a non-scalar key or a number JSON cannot hold
// (.inf, .nan) yields Error{reason "YamlSyntax", message, line, column} (1-based). Never throws.
// Thread-safety: stateless, callable from any thread.
class YamlReader final
{
public:
    // 1-based line and column of a node in the text.
    struct Location
    {
        int line = 0;
        int column = 0;
        bool operator==(const Location &) const = default;
    };

    struct Document
    {
        QJsonValue value; // Null for an empty document
        // Where each node is, keyed by its path as the API server names fields below the root:
        // "" for the root, "job.upgradeMode", "job.args[1]", "flinkConfiguration.state.checkpoints.dir".
        // Scalars point at their value, mappings and sequences at their key (or first item at the root).
        QHash<QString, Location> locations;
    };

    // Larger documents are refused before parsing: etcd stores objects of at most 1.5 MiB.
    static constexpr qsizetype kMaxDocumentChars = 3 * 512 * 1024;

    static Result<QJsonValue> parse(const QString &text);
    static Result<Document> parseDocument(const QString &text);

    // The location of path in document, or of its longest prefix that exists (for a missing required
    // field); {0, 0} when nothing matches.
    static Location locate(const Document &document, const QString &path);
};

} // namespace capstan
