#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace capstan {

// The parts of a platform Deployment's artifact (spec.template.spec.artifact) that the platform keeps in
// a form people do not type: the image as registry, repository and tag, and the job's arguments as one
// string the platform splits like a shell does.
class VvpArtifact final
{
public:
    // "registry/repository:tag" from flinkImageRegistry, flinkImageRepository and flinkImageTag; each part
    // may be missing (the platform fills it from its defaults).
    static QString image(const QJsonObject &artifact);
    // artifact with the three image fields set from image (a part not given is removed). The registry is
    // everything before the last "/", the tag what follows the last ":" after it.
    static QJsonObject withImage(QJsonObject artifact, const QString &image);

    // mainArgs split into arguments: whitespace separates, single and double quotes group, a backslash
    // escapes the next character outside single quotes.
    static QStringList splitArguments(const QString &mainArgs);
    // The inverse: arguments joined with spaces, quoted where splitArguments needs it to get them back.
    static QString joinArguments(const QStringList &arguments);
};

} // namespace capstan
