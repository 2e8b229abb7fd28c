#include "flink/flinkconfiguration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace capstan {

namespace {
void flattenInto(const QJsonObject &object, const QString &prefix, QList<FlinkConfiguration::Entry> *out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flattenInto(it.value().toObject(), key, out);
        else
            out->append({key, it.value()});
    }
}
} // namespace

FlinkConfiguration::FlinkConfiguration(const QJsonObject &spec)
    : m_entries(flatten(spec.value(QLatin1String("flinkConfiguration"))))
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        m_index.insert(m_entries.at(i).first, i);
}

QList<FlinkConfiguration::Entry> FlinkConfiguration::flatten(const QJsonValue &configuration)
{
    QList<Entry> result;
    flattenInto(configuration.toObject(), QString(), &result);
    std::sort(result.begin(), result.end(), [](const Entry &a, const Entry &b) { return a.first < b.first; });
    return result;
}

QString FlinkConfiguration::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)) && std::abs(d) < 9e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("");
}

QString FlinkConfiguration::value(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? QString() : text(m_entries.at(*it).second).trimmed();
}

bool FlinkConfiguration::kubernetesHa() const
{
    for (const QString &key : {QStringLiteral("high-availability.type"), QStringLiteral("high-availability")}) {
        const QString v = value(key);
        if (v.compare(QLatin1String("kubernetes"), Qt::CaseInsensitive) == 0
            || v.endsWith(QLatin1String("KubernetesHaServicesFactory")))
            return true;
    }
    return false;
}

bool FlinkConfiguration::checkpointsEnabled() const
{
    static const QRegularExpression zero(QStringLiteral("^0+\\s*[a-zA-Z]*$"));
    const QString interval = value(QStringLiteral("execution.checkpointing.interval"));
    return (!interval.isEmpty() && !zero.match(interval).hasMatch())
        || !value(QStringLiteral("state.checkpoints.dir")).isEmpty();
}

qint64 FlinkConfiguration::durationMs(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('P'), Qt::CaseInsensitive)) {
        // ISO-8601, the form java.time.Duration prints: PnDTnHnMn.nS
        static const QRegularExpression iso(
            QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = iso.match(t);
        if (!m.hasMatch() || t.size() < 3)
            return -1;
        return ((m.captured(1).toLongLong() * 24 + m.captured(2).toLongLong()) * 60 + m.captured(3).toLongLong())
            * 60000
            + qRound64(m.captured(4).toDouble() * 1000);
    }
    static const QRegularExpression plain(QStringLiteral("^(\\d+)\\s*([a-zA-Zµ]*)$"));
    const QRegularExpressionMatch m = plain.match(t);
    if (!m.hasMatch())
        return -1;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok)
        return -1;
    const QString unit = m.captured(2).toLower();
    // The unit names of Flink's TimeUtils.
    static const QList<QPair<QStringList, double>> units{
        {{QStringLiteral("d"), QStringLiteral("day"), QStringLiteral("days")}, 86400000.0},
        {{QStringLiteral("h"), QStringLiteral("hour"), QStringLiteral("hours")}, 3600000.0},
        {{QStringLiteral("min"), QStringLiteral("m"), QStringLiteral("minute"), QStringLiteral("minutes")}, 60000.0},
        {{QStringLiteral("s"), QStringLiteral("sec"), QStringLiteral("secs"), QStringLiteral("second"),
          QStringLiteral("seconds")},
         1000.0},
        {{QString(), QStringLiteral("ms"), QStringLiteral("milli"), QStringLiteral("millis"),
          QStringLiteral("millisecond"), QStringLiteral("milliseconds")},
         1.0},
        {{QStringLiteral("us"), QStringLiteral("µs"), QStringLiteral("micro"), QStringLiteral("micros"),
          QStringLiteral("microsecond"), QStringLiteral("microseconds")},
         0.001},
        {{QStringLiteral("ns"), QStringLiteral("nano"), QStringLiteral("nanos"), QStringLiteral("nanosecond"),
          QStringLiteral("nanoseconds")},
         0.000001},
    };
    for (const auto &[names, factor] : units) {
        if (names.contains(unit))
            return qint64(double(n) * factor);
    }
    return -1;
}

qint64 FlinkConfiguration::maxCheckpointAgeMs() const
{
    const QString age = value(QStringLiteral("kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age"));
    return age.isEmpty() ? -1 : durationMs(age);
}

} // namespace capstan
