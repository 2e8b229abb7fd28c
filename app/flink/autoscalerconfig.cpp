#include "flink/autoscalerconfig.h"

#include <QRegularExpression>
#include <QTime>

#include <limits>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

const QString AutoscalerConfig::kPrefix = u"job.autoscaler."_s;
const QString AutoscalerConfig::kLegacyPrefix = u"kubernetes.operator.job.autoscaler."_s;
const QString AutoscalerConfig::kParallelismOverridesKey = u"pipeline.jobvertex-parallelism-overrides"_s;

namespace {

QString text(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString().trimmed();
}

// "HH:mm[:ss]-HH:mm[:ss]"; false when the period is no time range.
bool timeRange(const QString &period, QTime *from, QTime *to)
{
    const QStringList ends = period.trimmed().split(u'-');
    if (ends.size() != 2)
        return false;
    const auto parse = [](const QString &part) {
        const QTime t = QTime::fromString(part.trimmed(), u"H:mm:ss"_s);
        return t.isValid() ? t : QTime::fromString(part.trimmed(), u"H:mm"_s);
    };
    *from = parse(ends.at(0));
    *to = parse(ends.at(1));
    return from->isValid() && to->isValid();
}

} // namespace

AutoscalerConfig AutoscalerConfig::fromSpec(const QJsonObject &spec)
{
    return fromFlinkConfiguration(spec.value(u"flinkConfiguration"_s).toObject());
}

AutoscalerConfig AutoscalerConfig::fromFlinkConfiguration(const QJsonObject &conf)
{
    AutoscalerConfig config;
    config.m_conf = conf;
    return config;
}

AutoscalerConfig::Mode AutoscalerConfig::mode() const
{
    if (option(u"enabled"_s).compare(u"true"_s, Qt::CaseInsensitive) != 0)
        return Mode::Off;
    return option(u"scaling.enabled"_s).compare(u"false"_s, Qt::CaseInsensitive) == 0 ? Mode::Advisory : Mode::Active;
}

bool AutoscalerConfig::configured() const
{
    for (auto it = m_conf.begin(); it != m_conf.end(); ++it) {
        if (it.key().startsWith(kPrefix) || it.key().startsWith(kLegacyPrefix))
            return true;
    }
    return false;
}

QString AutoscalerConfig::option(const QString &name) const
{
    const QJsonValue value = m_conf.value(kPrefix + name);
    return text(value.isUndefined() ? m_conf.value(kLegacyPrefix + name) : value);
}

QString AutoscalerConfig::keyFor(const QString &name) const
{
    if (!m_conf.contains(kPrefix + name) && m_conf.contains(kLegacyPrefix + name))
        return kLegacyPrefix + name;
    return kPrefix + name;
}

double AutoscalerConfig::option(const QString &name, double fallback) const
{
    bool ok = false;
    const double value = option(name).toDouble(&ok);
    return ok ? value : fallback;
}

int AutoscalerConfig::option(const QString &name, int fallback) const
{
    bool ok = false;
    const int value = option(name).toInt(&ok);
    return ok ? value : fallback;
}

qint64 AutoscalerConfig::durationMs(const QString &name, qint64 fallback) const
{
    static const QRegularExpression plain(u"^(\\d+(?:\\.\\d+)?)\\s*(ms|milli|millis|s|sec|secs|seconds?|m|min|mins|"
                                          u"minutes?|h|hours?|d|days?)?$"_s);
    static const QRegularExpression iso(u"^pt(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s)?$"_s);
    const QString value = option(name).toLower();
    if (const QRegularExpressionMatch m = iso.match(value); m.hasMatch() && value.size() > 2) {
        return m.captured(1).toLongLong() * 3600000 + m.captured(2).toLongLong() * 60000
            + qint64(m.captured(3).toDouble() * 1000);
    }
    const QRegularExpressionMatch m = plain.match(value);
    if (!m.hasMatch())
        return fallback;
    const QString unit = m.captured(2);
    qint64 factor = 1;
    if (unit.startsWith(u's'))
        factor = 1000;
    else if (unit.startsWith(u'm') && unit != u"ms"_s && !unit.startsWith(u"mil"_s))
        factor = 60000;
    else if (unit.startsWith(u'h'))
        factor = 3600000;
    else if (unit.startsWith(u'd'))
        factor = 86400000;
    return qint64(m.captured(1).toDouble() * double(factor));
}

qint64 AutoscalerConfig::stabilizationMs() const
{
    // The operator's fallback key for stabilization.interval is the older stabilization-interval.
    return durationMs(u"stabilization.interval"_s, durationMs(u"stabilization-interval"_s, 300000));
}

int AutoscalerConfig::vertexMaxParallelism() const
{
    return option(u"vertex.max-parallelism"_s, std::numeric_limits<int>::max());
}

bool AutoscalerConfig::memoryTuningEnabled() const
{
    return option(u"memory.tuning.enabled"_s).compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

QStringList AutoscalerConfig::excludedPeriods() const
{
    QStringList periods;
    for (const QString &period : option(u"excluded.periods"_s).split(u';', Qt::SkipEmptyParts)) {
        if (!period.trimmed().isEmpty())
            periods.append(period.trimmed());
    }
    return periods;
}

bool AutoscalerConfig::inExcludedPeriod(const QDateTime &at) const
{
    const QTime now = at.toUTC().time();
    for (const QString &period : excludedPeriods()) {
        QTime from;
        QTime to;
        if (!timeRange(period, &from, &to))
            continue;
        if (from <= to ? (now >= from && now < to) : (now >= from || now < to))
            return true;
    }
    return false;
}

bool AutoscalerConfig::excludedPeriodsUnderstood() const
{
    QTime from;
    QTime to;
    for (const QString &period : excludedPeriods()) {
        if (!timeRange(period, &from, &to))
            return false;
    }
    return true;
}

} // namespace capstan
