#pragma once

#include <QJsonValue>
#include <QString>

namespace capstan {

// Renders JSON as block-style YAML, keys in their JSON order (QJsonObject sorts them), strings
// quoted only where YAML needs it, e.g. "true" or "1.20" stay strings. Unicode noncharacters come
// out as U+FFFD (yaml-cpp's emitter replaces them); YamlReader refuses them, so what the editor
// reads is written back unchanged.
class YamlWriter final
{
public:
    static QString toYaml(const QJsonValue &value);
};

} // namespace capstan
