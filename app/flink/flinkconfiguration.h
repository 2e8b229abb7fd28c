#pragma once

#include <QJsonObject>
#include <QString>

namespace capstan {

// Reads a FlinkDeployment spec's flinkConfiguration: the facts several features decide on
// (Kubernetes HA for last-state, checkpoints, savepoint directories), answered one way everywhere.
class FlinkConfiguration final
{
public:
    explicit FlinkConfiguration(const QJsonObject &spec);

    // The value as text (numbers and booleans as YAML would print them); empty when unset.
    QString value(const QString &key) const;

    // high-availability.type: kubernetes, or the legacy high-availability key naming Kubernetes.
    bool kubernetesHa() const;
    // A checkpoint interval other than 0, or a checkpoint directory.
    bool checkpointsEnabled() const;

private:
    QJsonObject m_configuration;
};

} // namespace capstan
