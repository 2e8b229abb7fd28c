#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace capstan::sandbox {

class ResourceStore;

// The FlinkDeployment (and FlinkSessionJob) status as an older operator release writes it. The simulation builds the
// status of operator 1.15; this takes away and rewrites what an earlier release did not write, so that a client can be
// tried against each shape (capstan-sandbox --operator-version):
//   < 1.12 no conditions;  < 1.10 no upgradeSavepointPath (the savepoint goes into the history);
//   < 1.8 no observedGeneration;  < 1.7 no checkpointInfo;  < 1.4 no lifecycleState;
//   < 1.3 status.error as plain text, no taskManager, savepoints without format type or nonce.
class StatusShape final
{
public:
    static QStringList supportedVersions(); // "1.2", "1.6", "1.10", "1.15"
    static bool isSupported(const QString &version);
    static QString latest() { return QStringLiteral("1.15"); }

    // `status` in the shape of 1.15, as `version` writes it. Unsupported versions leave it as it is.
    static QJsonObject rewrite(const QJsonObject &status, const QString &version);
    // Rewrites the status of every FlinkDeployment and FlinkSessionJob in the store (the seeded demo set).
    static void applyToStore(ResourceStore &store, const QString &version);
};

} // namespace capstan::sandbox
