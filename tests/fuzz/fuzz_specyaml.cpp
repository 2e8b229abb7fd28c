// libFuzzer target for the YAML spec editor's input: the text goes through YamlReader as the editor
// parses it, a mapping is validated against the FlinkDeployment schema and every problem is located
// in the text, as ConfigureDialog does. A document that parses must also survive YamlWriter and come
// back as the same JSON (the editor rewrites the text from the form that way). Seed corpus:
// tests/fuzz/corpus/specyaml/.
//   ./fuzz_specyaml -max_total_time=60 ../../tests/fuzz/corpus/specyaml

#include "flink/schemavalidator.h"
#include "flink/yamlreader.h"
#include "flink/yamlwriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace {

capstan::SchemaValidator *g_validator = nullptr;

// Equal as JSON: one number type, so 3 and 3.0 are the same (QJsonValue tells an integer from a
// double), while 2^53 + 1 and 2^53 are not (as doubles they are).
bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble() && a.toInteger() == b.toInteger();
    if (a.type() != b.type())
        return false;
    if (a.isString())
        return a.toString() == b.toString(); // the reader refuses noncharacters, which the writer would change
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
            if (i.key() != j.key() || !sameJson(i.value(), j.value()))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QFile file(QStringLiteral(CAPSTAN_TEST_DATA_DIR "/configuredialog/flinkdeployment-schema.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
        std::abort();
    }
    // Built the way ConfigureDialog::setSchema builds it: only the spec is the editor's.
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll())
                                 .object()
                                 .value(QLatin1String("properties"))
                                 .toObject()
                                 .value(QLatin1String("spec"))
                                 .toObject();
    g_validator = new capstan::SchemaValidator(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("spec"), spec}}},
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const capstan::Result<capstan::YamlReader::Document> parsed = capstan::YamlReader::parseDocument(text);
    if (!parsed) {
        (void)parsed.error().toString();
        return 0;
    }
    const capstan::YamlReader::Document &document = parsed.value();

    const capstan::Result<QJsonValue> again = capstan::YamlReader::parse(capstan::YamlWriter::toYaml(document.value));
    if (!again || !sameJson(again.value(), document.value))
        std::abort(); // the form would rewrite the user's spec into a different one

    if (!document.value.isObject())
        return 0;
    QJsonObject resource{{QStringLiteral("spec"), document.value}};
    for (const capstan::FieldError &problem : g_validator->validate(&resource)) {
        const QString field = problem.field.startsWith(QLatin1String("spec."))
            ? problem.field.mid(5)
            : (problem.field == QLatin1String("spec") ? QString() : problem.field);
        (void)capstan::YamlReader::locate(document, field);
    }
    return 0;
}
