#include "vvp/vvpartifact.h"

#include <algorithm>

namespace capstan {

namespace {
const QLatin1String kRegistry("flinkImageRegistry");
const QLatin1String kRepository("flinkImageRepository");
const QLatin1String kTag("flinkImageTag");
} // namespace

QString VvpArtifact::image(const QJsonObject &artifact)
{
    QString image = artifact.value(kRepository).toString();
    const QString registry = artifact.value(kRegistry).toString();
    if (!registry.isEmpty() && !image.isEmpty())
        image = registry + QLatin1Char('/') + image;
    const QString tag = artifact.value(kTag).toString();
    if (!tag.isEmpty())
        image += QLatin1Char(':') + tag;
    return image;
}

QJsonObject VvpArtifact::withImage(QJsonObject artifact, const QString &image)
{
    const QString trimmed = image.trimmed();
    const qsizetype slash = trimmed.lastIndexOf(QLatin1Char('/'));
    // A ":" before the last "/" is a registry's port, not a tag.
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    const bool hasTag = colon > slash;
    const QString registry = slash > 0 ? trimmed.left(slash) : QString();
    const QString repository = trimmed.mid(slash + 1, hasTag ? colon - slash - 1 : -1);
    const QString tag = hasTag ? trimmed.mid(colon + 1) : QString();
    const auto set = [&artifact](QLatin1String key, const QString &value) {
        if (value.isEmpty())
            artifact.remove(key);
        else
            artifact.insert(key, value);
    };
    set(kRegistry, registry);
    set(kRepository, repository);
    set(kTag, tag);
    return artifact;
}

QStringList VvpArtifact::splitArguments(const QString &mainArgs)
{
    QStringList arguments;
    QString current;
    bool inArgument = false;
    QChar quote;
    for (qsizetype i = 0; i < mainArgs.size(); ++i) {
        const QChar c = mainArgs.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && quote == QLatin1Char('"') && i + 1 < mainArgs.size())
                current += mainArgs.at(++i);
            else
                current += c;
            continue;
        }
        if (c.isSpace()) {
            if (inArgument)
                arguments.append(current);
            current.clear();
            inArgument = false;
            continue;
        }
        inArgument = true;
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            quote = c;
        else if (c == QLatin1Char('\\') && i + 1 < mainArgs.size())
            current += mainArgs.at(++i);
        else
            current += c;
    }
    if (inArgument)
        arguments.append(current);
    return arguments;
}

QString VvpArtifact::joinArguments(const QStringList &arguments)
{
    QStringList parts;
    for (const QString &argument : arguments) {
        const bool plain = !argument.isEmpty() && std::none_of(argument.begin(), argument.end(), [](QChar c) {
            return c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('\\');
        });
        if (plain) {
            parts.append(argument);
            continue;
        }
        QString quoted = argument;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        parts.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace capstan
