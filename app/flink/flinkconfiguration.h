#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace capstan {

// Reads a FlinkDeployment spec's flinkConfiguration: the facts several features decide on
// (Kubernetes HA for last-state, checkpoints, savepoint directories), answered one way everywhere.
// Nested maps (`high-availability: {type: kubernetes}`, as the upstream examples write it) and
// dotted keys (`high-availability.type: kubernetes`) read the same.
class FlinkConfiguration final
{
public:
    using Entry = QPair<QString, QJsonValue>;

    explicit FlinkConfiguration(const QJsonObject &spec);

    // Dotted keys with their values, sorted by key.
    static QList<Entry> flatten(const QJsonValue &configuration);
    // A value as text: strings as they are, numbers and booleans as YAML writes them.
    static QString text(const QJsonValue &value);

    const QList<Entry> &entries() const { return m_entries; }
    // The value of a dotted key as text; a null QString when it is not set.
    QString value(const QString &key) const;

    // high-availability.type: kubernetes, or the legacy high-availability key naming Kubernetes.
    bool kubernetesHa() const;
    // A checkpoint interval other than 0, or a checkpoint directory.
    bool checkpointsEnabled() const;

    // Flink's duration syntax in milliseconds: a number with an optional unit ("10 min", "600s",
    // "1h", "250 ms", "2 d"; no unit: milliseconds) or ISO-8601 ("PT10M"). -1 when it does not parse.
    static qint64 durationMs(const QString &text);
    // The operator's kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age as set on
    // this deployment, in milliseconds; -1 when not set or unreadable.
    qint64 maxCheckpointAgeMs() const;

private:
    QList<Entry> m_entries;
    QHash<QString, qsizetype> m_index;
};

} // namespace capstan
