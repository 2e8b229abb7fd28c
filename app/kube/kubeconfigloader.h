#pragma once

#include "kube/kubeconfig.h"
#include "result.h"

#include <QString>
#include <QStringList>

namespace capstan {

// Loads and merges kubeconfig files exactly as kubectl (client-go's ClientConfigLoadingRules) does.
//
// Which files: an explicit path (--kubeconfig) wins and must exist; else the KUBECONFIG value,
// split on ':', empty and missing entries skipped, duplicates dropped; else ~/.kube/config (a missing
// default file yields an empty config, not an error).
//
// Merge: for clusters, users and contexts the first file that defines a name wins the whole entry;
// current-context comes from the first file that sets it. Relative file references
// (certificate-authority, client-certificate, client-key, tokenFile, and an exec command containing
// '/') resolve against the directory of the file that defines them.
//
// Errors: never throws. A YAML syntax error, wrong type, bad base64 or unreadable file returns an
// Error naming the file, the 1-based line where known, and the field (e.g. "users[alice].client-key-data").
class KubeConfigLoader final
{
public:
    struct Sources
    {
        QString explicitPath; // --kubeconfig; empty when not given
        QString kubeconfigEnv; // the value of $KUBECONFIG; empty when unset
        QString homeDir; // used for ~/.kube/config
    };

    // Sources from the process environment (KUBECONFIG, HOME) plus an optional explicit path.
    static Sources sourcesFromEnvironment(const QString &explicitPath = {});

    // The files to read, in priority order (does not check readability beyond existence).
    static QStringList filesToLoad(const Sources &sources);

    static Result<KubeConfig> load(const Sources &sources);

    // Parses one document; `origin` is used for error messages and to resolve relative paths.
    static Result<KubeConfig> parse(const QByteArray &yaml, const QString &origin);

    // Merges already parsed files (first one wins, as above).
    static KubeConfig merge(const QList<KubeConfig> &configs);

    // The context to use: `requested` (--context) when given, else the current-context. Errors, as
    // kubectl words them, when neither names a context or the named context does not exist.
    static Result<KubeContext> selectContext(const KubeConfig &config, const QString &requested = {});

    // A file reference as kubectl resolves it: empty and absolute references are returned unchanged,
    // relative ones are joined to the directory of `originFile` and cleaned like Go's filepath.Join.
    static QString resolveReference(const QString &reference, const QString &originFile);
};

} // namespace capstan
