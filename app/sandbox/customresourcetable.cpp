#include "sandbox/customresourcetable.h"

#include "sandbox/crdregistry.h"
#include "sandbox/podtable.h"

#include <QDateTime>
#include <QJsonDocument>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

// A printer column's jsonPath: the simple form the CRDs use (".status.jobStatus.state", "[0]" indexes).
QJsonValue evaluate(const QJsonObject &object, const QString &jsonPath)
{
    QString path = jsonPath.trimmed();
    if (path.startsWith(u'{') && path.endsWith(u'}'))
        path = path.mid(1, path.size() - 2);
    QJsonValue current = object;
    for (QString part : path.split(u'.', Qt::SkipEmptyParts)) {
        int index = -1;
        if (const qsizetype bracket = part.indexOf(u'['); bracket >= 0 && part.endsWith(u']')) {
            index = part.mid(bracket + 1, part.size() - bracket - 2).toInt();
            part = part.left(bracket);
        }
        current = current.toObject().value(part);
        if (index >= 0)
            current = current.toArray().at(index);
        if (current.isUndefined() || current.isNull())
            return QJsonValue::Null;
    }
    return current;
}

QJsonValue cell(const QJsonValue &value, const QString &type, qint64 nowMs)
{
    if (value.isNull())
        return value;
    if (type == u"date"_s) {
        const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODate);
        return at.isValid() ? QJsonValue(PodTable::humanDuration(nowMs - at.toMSecsSinceEpoch())) : value;
    }
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value;
}

} // namespace

QJsonArray CustomResourceTable::printerColumns(const QString &plural)
{
    for (const QJsonObject &crd : CrdRegistry::instance().definitions()) {
        const QJsonObject spec = crd.value(u"spec"_s).toObject();
        if (spec.value(u"names"_s).toObject().value(u"plural"_s).toString() == plural)
            return spec.value(u"versions"_s).toArray().at(0).toObject().value(u"additionalPrinterColumns"_s).toArray();
    }
    return {};
}

QJsonObject CustomResourceTable::render(const QJsonArray &objects, const QJsonArray &printerColumns,
                                        const QString &resourceVersion, const QString &includeObject, qint64 nowMs)
{
    QJsonArray columns{QJsonObject{
        {u"name"_s, u"Name"_s},
        {u"type"_s, u"string"_s},
        {u"format"_s, u"name"_s},
        {u"description"_s,
         u"Name must be unique within a namespace. Is required when creating resources, although some resources "
         u"may allow a client to request the generation of an appropriate name automatically. Name is primarily "
         u"intended for creation idempotence and configuration definition. Cannot be updated. More info: "
         u"https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_s},
        {u"priority"_s, 0}}};
    for (const QJsonValue &v : printerColumns) {
        const QJsonObject c = v.toObject();
        columns.append(QJsonObject{{u"name"_s, c.value(u"name"_s)},
                                   {u"type"_s, c.value(u"type"_s)},
                                   {u"format"_s, c.value(u"format"_s).toString()},
                                   {u"description"_s, c.value(u"description"_s).toString()},
                                   {u"priority"_s, c.value(u"priority"_s).toInt()}});
    }
    QJsonArray rows;
    for (const QJsonValue &v : objects) {
        const QJsonObject object = v.toObject();
        QJsonArray cells{object.value(u"metadata"_s).toObject().value(u"name"_s)};
        for (const QJsonValue &c : printerColumns) {
            const QJsonObject column = c.toObject();
            cells.append(cell(evaluate(object, column.value(u"jsonPath"_s).toString()),
                              column.value(u"type"_s).toString(), nowMs));
        }
        QJsonObject row{{u"cells"_s, cells}};
        if (includeObject == u"Object"_s)
            row.insert(u"object"_s, object);
        else if (includeObject != u"None"_s)
            row.insert(u"object"_s,
                       QJsonObject{{u"kind"_s, u"PartialObjectMetadata"_s},
                                   {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                                   {u"metadata"_s, object.value(u"metadata"_s)}});
        rows.append(row);
    }
    return {{u"kind"_s, u"Table"_s},
            {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
            {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, resourceVersion}}},
            {u"columnDefinitions"_s, columns},
            {u"rows"_s, rows}};
}

} // namespace capstan::sandbox
