#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace capstan {

// The checks the Configure Deployment dialog runs before anything is sent, and the flinkConfiguration
// helpers they share with the form. Each problem names the spec field it belongs to (paths below
// "spec", as the API server names them without the "spec." prefix) so the form can show it there.
class SpecChecks final
{
    Q_DECLARE_TR_FUNCTIONS(SpecChecks)

public:
    struct Problem
    {
        QString field; // "job.parallelism", "job.upgradeMode", "flinkConfiguration.high-availability.storageDir"
        QString message;
        bool operator==(const Problem &) const = default;
    };

    static QList<Problem> check(const QJsonObject &spec);
    // The same for a Ververica Platform deployment's spec: the desired state, the upgrade and restore
    // strategies the platform knows and a parallelism of at least 1.
    static QList<Problem> checkPlatform(const QJsonObject &spec);
    // A Kubernetes object name a FlinkDeployment can have (RFC 1123 label, at most 45 characters so the
    // operator's derived service names fit); empty when valid.
    static QString checkName(const QString &name);

    // flinkConfiguration with nested maps flattened to dotted keys ("state": {"savepoints.dir": …} →
    static bool isValidMemory(const QString &memory);
};

} // namespace capstan
