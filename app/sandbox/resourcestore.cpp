#include "sandbox/resourcestore.h"

#include "sandbox/crdregistry.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/selectors.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace capstan::sandbox {

namespace {

const QLatin1String kMetadata("metadata");
const QLatin1String kName("name");
const QLatin1String kNamespace("namespace");
const QLatin1String kResourceVersion("resourceVersion");
const QLatin1String kUid("uid");
const QLatin1String kGeneration("generation");
const QLatin1String kCreationTimestamp("creationTimestamp");
const QLatin1String kSpec("spec");
const QLatin1String kStatus("status");
const QLatin1String kKind("kind");
const QLatin1String kApiVersion("apiVersion");

std::vector<ServedResourceType> buildTypes()
{
    const QStringList common{QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace")};
    std::vector<ServedResourceType> types;
    ServedResourceType ns;
    ns.plural = QStringLiteral("namespaces");
    ns.singular = QStringLiteral("namespace");
    ns.kind = QStringLiteral("Namespace");
    ns.version = QStringLiteral("v1");
    ns.namespaced = false;
    ns.shortNames = {QStringLiteral("ns")};
    ns.selectableFields = common + QStringList{QStringLiteral("status.phase")};
    types.push_back(ns);

    // A namespaced core/v1 type.
    const auto core = [&](const char *plural, const char *singular, const char *kind, const char *shortName,
                          bool statusSubresource, const QStringList &fields) {
        ServedResourceType t;
        t.plural = QLatin1String(plural);
        t.singular = QLatin1String(singular);
        t.kind = QLatin1String(kind);
        t.version = QStringLiteral("v1");
        t.shortNames = {QLatin1String(shortName)};
        t.statusSubresource = statusSubresource;
        t.selectableFields = common + fields;
        types.push_back(t);
    };
    core("events", "event", "Event", "ev", false,
         {QStringLiteral("involvedObject.kind"), QStringLiteral("involvedObject.namespace"),
          QStringLiteral("involvedObject.name"), QStringLiteral("involvedObject.uid"),
          QStringLiteral("involvedObject.apiVersion"), QStringLiteral("involvedObject.resourceVersion"),
          QStringLiteral("involvedObject.fieldPath"), QStringLiteral("reason"), QStringLiteral("reportingComponent"),
          QStringLiteral("source"), QStringLiteral("type")});
    core("configmaps", "configmap", "ConfigMap", "cm", false, {});
    core("services", "service", "Service", "svc", true, {});
    // The pod fields the API server lets clients select on.
    core("pods", "pod", "Pod", "po", true,
         {QStringLiteral("spec.nodeName"), QStringLiteral("spec.restartPolicy"), QStringLiteral("spec.schedulerName"),
          QStringLiteral("spec.serviceAccountName"), QStringLiteral("spec.hostNetwork"), QStringLiteral("status.phase"),
          QStringLiteral("status.podIP"), QStringLiteral("status.podIPs"), QStringLiteral("status.nominatedNodeName")});

    const auto flink = [&](const char *plural, const char *singular, const char *kind, const char *shortName,
                           bool inCategoryAll = true) {
        ServedResourceType t;
        t.plural = QLatin1String(plural);
        t.singular = QLatin1String(singular);
        t.kind = QLatin1String(kind);
        t.group = QStringLiteral("flink.apache.org");
        t.version = QStringLiteral("v1beta1");
        t.statusSubresource = true;
        t.tracksGeneration = true;
        t.shortNames = {QLatin1String(shortName)};
        if (inCategoryAll)
            t.categories = {QStringLiteral("all")};
        t.selectableFields = common;
        types.push_back(t);
    };
    flink("flinkdeployments", "flinkdeployment", "FlinkDeployment", "flinkdep");
    flink("flinksessionjobs", "flinksessionjob", "FlinkSessionJob", "sessionjob");
    flink("flinkstatesnapshots", "flinkstatesnapshot", "FlinkStateSnapshot", "flinksnp");
    // Its CRD declares no categories.
    flink("flinkbluegreendeployments", "flinkbluegreendeployment", "FlinkBlueGreenDeployment", "flinkbgdep", false);
    return types;
}

QString keyOf(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

QString nowTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

bool isDns1123Subdomain(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    const auto alnum = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    };
    if (!alnum(name.front()) || !alnum(name.back()))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [&](QChar c) { return alnum(c) || c == QLatin1Char('-') || c == QLatin1Char('.'); });
}

QJsonObject details(const ServedResourceType &type, const QString &name, bool kindIsPlural = true)
{
    QJsonObject d;
    if (!name.isEmpty())
        d.insert(kName, name);
    if (!type.group.isEmpty())
        d.insert(QLatin1String("group"), type.group);
    d.insert(kKind, kindIsPlural ? type.plural : type.kind);
    return d;
}

StoreResult failure(int code, const QString &reason, const QString &message, const QJsonObject &d = {})
{
    return {code, makeStatus(code, reason, message, d)};
}

StoreResult notFound(const ServedResourceType &type, const QString &name)
{
    return failure(404, QStringLiteral("NotFound"),
                   QStringLiteral("%1 \"%2\" not found").arg(type.qualifiedName(), name), details(type, name));
}

StoreResult conflict(const ServedResourceType &type, const QString &name)
{
    return failure(409, QStringLiteral("Conflict"),
                   QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object has been modified; please "
                                  "apply your changes to the latest version and try again")
                       .arg(type.qualifiedName(), name),
                   details(type, name));
}

StoreResult invalid(const ServedResourceType &type, const QString &name, const QString &field,
                    const QString &causeReason, const QString &causeMessage)
{
    QJsonObject d = details(type, name, false);
    d.insert(QLatin1String("causes"),
             QJsonArray{QJsonObject{{QLatin1String("reason"), causeReason},
                                    {QLatin1String("message"), causeMessage},
                                    {QLatin1String("field"), field}}});
    const QString kindName = type.group.isEmpty() ? type.kind : type.kind + QLatin1Char('.') + type.group;
    return failure(422, QStringLiteral("Invalid"),
                   QStringLiteral("%1 \"%2\" is invalid: %3: %4").arg(kindName, name, field, causeMessage), d);
}

StoreResult badRequest(const QString &message)
{
    return failure(400, QStringLiteral("BadRequest"), message);
}

QString randomSuffix(int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < length; ++i)
        s.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]));
    return s;
}

struct ContinueToken
{
    quint64 resourceVersion = 0;
    QString start;
};

QString encodeContinue(const ContinueToken &token)
{
    const QJsonObject o{{QLatin1String("rv"), QString::number(token.resourceVersion)},
                        {QLatin1String("start"), token.start}};
    return QString::fromLatin1(QJsonDocument(o)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeContinue(const QString &text, ContinueToken *token)
{
    const QByteArray raw = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonObject o = QJsonDocument::fromJson(raw).object();
    bool ok = false;
    token->resourceVersion = o.value(QLatin1String("rv")).toString().toULongLong(&ok);
    token->start = o.value(QLatin1String("start")).toString();
    return ok && o.contains(QLatin1String("start"));
}

} // namespace

QString ServedResourceType::apiVersion() const
{
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

QString ServedResourceType::qualifiedName() const
{
    return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
}

const std::vector<ServedResourceType> &servedResourceTypes()
{
    static const std::vector<ServedResourceType> types = buildTypes();
    return types;
}

const ServedResourceType *findServedResourceType(const QString &plural)
{
    for (const ServedResourceType &t : servedResourceTypes()) {
        if (t.plural == plural)
            return &t;
    }
    return nullptr;
}

QJsonObject makeStatus(int code, const QString &reason, const QString &message, const QJsonObject &d)
{
    QJsonObject status{{kKind, QStringLiteral("Status")},
                       {kApiVersion, QStringLiteral("v1")},
                       {kMetadata, QJsonObject()},
                       {QLatin1String("status"), code >= 400 ? QStringLiteral("Failure") : QStringLiteral("Success")},
                       {QLatin1String("code"), code}};
    if (!message.isEmpty())
        status.insert(QLatin1String("message"), message);
    if (!reason.isEmpty())
        status.insert(QLatin1String("reason"), reason);
    if (!d.isEmpty())
        status.insert(QLatin1String("details"), d);
    return status;
}

ResourceStore::ResourceStore() = default;
ResourceStore::~ResourceStore() = default;

StoreResult ResourceStore::get(const QString &plural, const QString &ns, const QString &name) const
{
    const ServedResourceType *type = findServedResourceType(plural);
    if (!type)
        return failure(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    const QString effectiveNs = type->namespaced ? ns : QString();
    std::lock_guard lock(m_mutex);
    const auto bucket = m_objects.find(plural);
    if (bucket != m_objects.end()) {
        const auto it = bucket->second.find(keyOf(effectiveNs, name));
        if (it != bucket->second.end())
            return {200, it->second};
    }
    return notFound(*type, name);
}

StoreResult ResourceStore::list(const QString &plural, const QString &ns, const ListOptions &options) const
{
    const ServedResourceType *type = findServedResourceType(plural);
    if (!type)
        return failure(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    LabelSelector labels;
    FieldSelector fields;
    QString error;
    if (!labels.parse(options.labelSelector, &error)
        || !fields.parse(options.fieldSelector, type->selectableFields, &error))
        return badRequest(error);
    ContinueToken token;
    if (!options.continueToken.isEmpty() && !decodeContinue(options.continueToken, &token))
        return badRequest(QStringLiteral("continue key is not valid: incorrect encoded start resourceVersion"));

    std::lock_guard lock(m_mutex);
    quint64 listRv = m_resourceVersion;
    if (!options.continueToken.isEmpty()) {
        if (token.resourceVersion < m_historyFloor)
            return failure(410, QStringLiteral("Expired"),
                           QStringLiteral("The provided continue parameter is too old to display a consistent list "
                                          "result. You can start a new list without the continue parameter, or use "
                                          "the continue token in this response to retrieve the remainder of the "
                                          "results. Continuing with the provided token results in an inconsistent "
                                          "list - objects that were created, modified, or deleted between the time "
                                          "the first chunk was returned and now may show up in the list."));
        listRv = token.resourceVersion;
    }
    const bool stripKind = type->group.isEmpty();
    QJsonArray items;
    QString lastKey;
    bool more = false;
    qint64 remaining = 0;
    const auto bucket = m_objects.find(plural);
    if (bucket != m_objects.end()) {
        const Bucket &objects = bucket->second;
        auto it = objects.begin();
        if (!options.continueToken.isEmpty())
            it = objects.upper_bound(token.start);
        else if (type->namespaced && !ns.isEmpty())
            it = objects.lower_bound(ns + QLatin1Char('/'));
        for (; it != objects.end(); ++it) {
            const QJsonObject &object = it->second;
            if (type->namespaced && !ns.isEmpty()
                && object.value(kMetadata).toObject().value(kNamespace).toString() != ns)
                break; // keys are sorted by namespace
            if (!labels.matches(object) || !fields.matches(object))
                continue;
            if (options.limit > 0 && items.size() >= options.limit) {
                more = true;
                // remainingItemCount is only given without selectors: with them, one more match
                // is all a continue needs, and counting would make every page scan to the end.
                if (!labels.isEmpty() || !fields.isEmpty())
                    break;
                ++remaining;
                continue;
            }
            QJsonObject item = object;
            if (stripKind) {
                item.remove(kKind);
                item.remove(kApiVersion);
            }
            items.append(item);
            lastKey = it->first;
        }
    }
    QJsonObject metadata{{kResourceVersion, QString::number(listRv)}};
    if (more) {
        metadata.insert(QLatin1String("continue"), encodeContinue({listRv, lastKey}));
        if (labels.isEmpty() && fields.isEmpty())
            metadata.insert(QLatin1String("remainingItemCount"), remaining);
    }
    return {200,
            QJsonObject{{kKind, QString(type->kind + QLatin1String("List"))},
                        {kApiVersion, type->apiVersion()},
                        {kMetadata, metadata},
                        {QLatin1String("items"), items}}};
}

StoreResult ResourceStore::create(const QString &plural, const QString &ns, const QJsonObject &input,
                                  const WriteOptions &options)
{
    const ServedResourceType *type = findServedResourceType(plural);
    if (!type)
        return failure(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    QJsonObject object = input;
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString effectiveNs = type->namespaced ? ns : QString();
    if (object.contains(kKind) && object.value(kKind).toString() != type->kind)
        return badRequest(QStringLiteral("the kind of the object (%1) does not match the kind on the URL (%2)")
                              .arg(object.value(kKind).toString(), type->kind));
    if (object.contains(kApiVersion) && object.value(kApiVersion).toString() != type->apiVersion())
        return badRequest(
            QStringLiteral("the API version in the data (%1) does not match the expected API version (%2)")
                .arg(object.value(kApiVersion).toString(), type->apiVersion()));
    const QString bodyNs = metadata.value(kNamespace).toString();
    if (type->namespaced && !bodyNs.isEmpty() && bodyNs != effectiveNs)
        return badRequest(QStringLiteral("the namespace of the provided object does not match the namespace sent on "
                                         "the request"));
    QString name = metadata.value(kName).toString();
    if (name.isEmpty() && !metadata.value(QLatin1String("generateName")).toString().isEmpty())
        name = metadata.value(QLatin1String("generateName")).toString() + randomSuffix(5);
    if (name.isEmpty())
        return invalid(*type, name, QStringLiteral("metadata.name"), QStringLiteral("FieldValueRequired"),
                       QStringLiteral("Required value: name or generateName is required"));
    if (!isDns1123Subdomain(name))
        return invalid(*type, name, QStringLiteral("metadata.name"), QStringLiteral("FieldValueInvalid"),
                       QStringLiteral("Invalid value: \"%1\": a lowercase RFC 1123 subdomain must consist of lower "
                                      "case alphanumeric characters, '-' or '.', and must start and end with an "
                                      "alphanumeric character")
                           .arg(name));
    if (type->namespaced && effectiveNs.isEmpty())
        return badRequest(QStringLiteral("the server could not find the requested resource"));

    object.insert(kKind, type->kind);
    object.insert(kApiVersion, type->apiVersion());
    metadata.insert(kName, name);
    if (type->namespaced)
        metadata.insert(kNamespace, effectiveNs);
    else
        metadata.remove(kNamespace);
    metadata.insert(kUid, QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(kCreationTimestamp,
                    options.creationTimestamp.isValid() ? options.creationTimestamp.toUTC().toString(Qt::ISODate)
                                                        : nowTimestamp());
    if (type->tracksGeneration)
        metadata.insert(kGeneration, 1);
    else
        metadata.remove(kGeneration);
    if (plural == QLatin1String("namespaces")) {
        QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"), name);
        metadata.insert(QLatin1String("labels"), labels);
        object.insert(kSpec, QJsonObject{{QLatin1String("finalizers"), QJsonArray{QStringLiteral("kubernetes")}}});
        object.insert(kStatus, QJsonObject{{QLatin1String("phase"), QStringLiteral("Active")}});
    }
    if (const StoreResult rejected = CrdRegistry::instance().validate(*type, name, &object, Subresource::None);
        !rejected.ok())
        return rejected;

    std::lock_guard lock(m_mutex);
    if (type->namespaced) {
        const Bucket &namespaces = m_objects[QStringLiteral("namespaces")];
        if (namespaces.find(keyOf({}, effectiveNs)) == namespaces.end())
            return failure(404, QStringLiteral("NotFound"),
                           QStringLiteral("namespaces \"%1\" not found").arg(effectiveNs),
                           QJsonObject{{kName, effectiveNs}, {kKind, QStringLiteral("namespaces")}});
    }
    Bucket &bucket = m_objects[plural];
    const QString key = keyOf(effectiveNs, name);
    if (bucket.find(key) != bucket.end())
        return failure(409, QStringLiteral("AlreadyExists"),
                       QStringLiteral("%1 \"%2\" already exists").arg(type->qualifiedName(), name),
                       details(*type, name));
    if (options.dryRun) {
        metadata.remove(kResourceVersion);
        object.insert(kMetadata, metadata);
        return {201, object};
    }
    metadata.insert(kResourceVersion, QString::number(m_resourceVersion + 1));
    object.insert(kMetadata, metadata);
    bucket.emplace(key, object);
    recordLocked(plural, effectiveNs, QStringLiteral("ADDED"), object, {});
    return {201, object};
}

StoreResult ResourceStore::update(const QString &plural, const QString &ns, const QString &name,
                                  const QJsonObject &object, const WriteOptions &options)
{
    return modify(plural, ns, name, options, true, [&](const QJsonObject &) { return StoreResult{200, object}; });
}

StoreResult ResourceStore::mergePatch(const QString &plural, const QString &ns, const QString &name,
                                      const QJsonObject &patch, const WriteOptions &options)
{
    return modify(plural, ns, name, options, false, [&](const QJsonObject &current) {
        return StoreResult{200, applyMergePatch(current, patch)};
    });
}

StoreResult ResourceStore::jsonPatch(const QString &plural, const QString &ns, const QString &name,
                                     const QJsonArray &operations, const WriteOptions &options)
{
    return modify(plural, ns, name, options, false, [&](const QJsonObject &current) {
        QJsonObject result;
        QString error;
        if (!applyJsonPatch(current, operations, &result, &error))
            return failure(422, QStringLiteral("Invalid"), error);
        return StoreResult{200, result};
    });
}

StoreResult ResourceStore::modify(const QString &plural, const QString &ns, const QString &name,
                                  const WriteOptions &options, bool putSemantics,
                                  const std::function<StoreResult(const QJsonObject &)> &mutate)
{
    const ServedResourceType *type = findServedResourceType(plural);
    if (!type)
        return failure(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    const QString effectiveNs = type->namespaced ? ns : QString();
    std::lock_guard lock(m_mutex);
    Bucket &bucket = m_objects[plural];
    const auto it = bucket.find(keyOf(effectiveNs, name));
    if (it == bucket.end())
        return notFound(*type, name);
    const QJsonObject current = it->second;
    const QJsonObject currentMeta = current.value(kMetadata).toObject();
    const QString currentRv = currentMeta.value(kResourceVersion).toString();

    StoreResult mutated = mutate(current);
    if (!mutated.ok())
        return mutated;
    QJsonObject next = mutated.object;
    QJsonObject meta = next.value(kMetadata).toObject();

    if (next.contains(kKind) && next.value(kKind).toString() != type->kind)
        return badRequest(QStringLiteral("the kind of the object (%1) does not match the kind on the URL (%2)")
                              .arg(next.value(kKind).toString(), type->kind));
    if (next.contains(kApiVersion) && next.value(kApiVersion).toString() != type->apiVersion())
        return badRequest(
            QStringLiteral("the API version in the data (%1) does not match the expected API version (%2)")
                .arg(next.value(kApiVersion).toString(), type->apiVersion()));
    if (meta.contains(kName) && meta.value(kName).toString() != name)
        return badRequest(QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)")
                              .arg(meta.value(kName).toString(), name));
    if (type->namespaced && meta.contains(kNamespace) && meta.value(kNamespace).toString() != effectiveNs)
        return badRequest(QStringLiteral("the namespace of the provided object does not match the namespace sent on "
                                         "the request"));
    const QString requestedRv = meta.value(kResourceVersion).toString();
    if (requestedRv.isEmpty() && putSemantics && type->tracksGeneration)
        return invalid(*type, name, QStringLiteral("metadata.resourceVersion"), QStringLiteral("FieldValueInvalid"),
                       QStringLiteral("Invalid value: 0x0: must be specified for an update"));
    if (!requestedRv.isEmpty() && requestedRv != currentRv)
        return conflict(*type, name);

    if (options.subresource == Subresource::Status) {
        QJsonObject statusOnly = current;
        if (next.contains(kStatus))
            statusOnly.insert(kStatus, next.value(kStatus));
        else
            statusOnly.remove(kStatus);
        next = statusOnly;
        meta = currentMeta;
    } else if (type->statusSubresource) {
        if (current.contains(kStatus))
            next.insert(kStatus, current.value(kStatus));
        else
            next.remove(kStatus);
    }
    if (const StoreResult rejected = CrdRegistry::instance().validate(*type, name, &next, options.subresource);
        !rejected.ok())
        return rejected;
    // Fields the server owns.
    for (const QLatin1String field : {kUid, kCreationTimestamp, kName, kNamespace})
        if (currentMeta.contains(field))
            meta.insert(field, currentMeta.value(field));
        else
            meta.remove(field);
    qint64 generation = currentMeta.value(kGeneration).toInteger();
    if (type->tracksGeneration && next.value(kSpec) != current.value(kSpec))
        ++generation;
    if (type->tracksGeneration)
        meta.insert(kGeneration, generation);
    meta.insert(kResourceVersion, currentRv);
    next.insert(kMetadata, meta);
    next.insert(kKind, type->kind);
    next.insert(kApiVersion, type->apiVersion());

    if (next == current || options.dryRun)
        return {200, next}; // a no-op write changes nothing, as on the API server
    meta.insert(kResourceVersion, QString::number(m_resourceVersion + 1));
    next.insert(kMetadata, meta);
    it->second = next;
    recordLocked(plural, effectiveNs, QStringLiteral("MODIFIED"), next, current);
    return {200, next};
}

StoreResult ResourceStore::remove(const QString &plural, const QString &ns, const QString &name,
                                  const WriteOptions &options)
{
    const ServedResourceType *type = findServedResourceType(plural);
    if (!type)
        return failure(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    std::lock_guard lock(m_mutex);
    return removeLocked(*type, type->namespaced ? ns : QString(), name, options);
}

StoreResult ResourceStore::removeLocked(const ServedResourceType &type, const QString &ns, const QString &name,
                                        const WriteOptions &options)
{
    Bucket &bucket = m_objects[type.plural];
    const auto it = bucket.find(keyOf(ns, name));
    if (it == bucket.end())
        return notFound(type, name);
    QJsonObject object = it->second;
    QJsonObject meta = object.value(kMetadata).toObject();
    if ((!options.preconditionUid.isEmpty() && options.preconditionUid != meta.value(kUid).toString())
        || (!options.preconditionResourceVersion.isEmpty()
            && options.preconditionResourceVersion != meta.value(kResourceVersion).toString()))
        return conflict(type, name);
    if (options.dryRun)
        return {200, object};
    if (type.plural == QLatin1String("namespaces")) {
        for (const ServedResourceType &t : servedResourceTypes()) {
            if (!t.namespaced)
                continue;
            Bucket &contained = m_objects[t.plural];
            QStringList names;
            for (auto c = contained.lower_bound(name + QLatin1Char('/'));
                 c != contained.end() && c->first.startsWith(name + QLatin1Char('/')); ++c)
                names.append(c->second.value(kMetadata).toObject().value(kName).toString());
            for (const QString &n : std::as_const(names))
                removeLocked(t, name, n, {});
        }
    }
    meta.insert(kResourceVersion, QString::number(m_resourceVersion + 1));
    object.insert(kMetadata, meta);
    m_objects[type.plural].erase(keyOf(ns, name));
    recordLocked(type.plural, ns, QStringLiteral("DELETED"), object, {});
    return {200, object};
}

void ResourceStore::recordLocked(const QString &plural, const QString &ns, const QString &type,
                                 const QJsonObject &object, const QJsonObject &previous)
{
    ++m_resourceVersion;
    m_history.push_back({m_resourceVersion, plural, ns, type, object, previous});
    while (m_history.size() > m_historyLimit) {
        m_historyFloor = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    m_changed.notify_all();
}

quint64 ResourceStore::currentResourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_resourceVersion;
}

void ResourceStore::compact()
{
    std::lock_guard lock(m_mutex);
    m_history.clear();
    m_historyFloor = m_resourceVersion;
    ++m_wakeGeneration;
    m_changed.notify_all();
}

void ResourceStore::setHistoryLimit(int events)
{
    std::lock_guard lock(m_mutex);
    m_historyLimit = size_t(std::max(1, events));
}

quint64 ResourceStore::snapshot(const QString &plural, const QString &ns, QList<QJsonObject> *objects) const
{
    std::lock_guard lock(m_mutex);
    const auto bucket = m_objects.find(plural);
    if (bucket != m_objects.end()) {
        for (const auto &[key, object] : bucket->second) {
            if (ns.isEmpty() || key.startsWith(ns + QLatin1Char('/')))
                objects->append(object);
        }
    }
    return m_resourceVersion;
}

bool ResourceStore::eventsSince(quint64 afterRv, const QString &plural, const QString &ns, int maxEvents,
                                std::vector<WatchEvent> *out, quint64 *scannedTo, quint64 *oldest) const
{
    std::lock_guard lock(m_mutex);
    if (afterRv < m_historyFloor) {
        *oldest = m_historyFloor;
        return false;
    }
    auto it = std::upper_bound(m_history.begin(), m_history.end(), afterRv,
                               [](quint64 rv, const WatchEvent &e) { return rv < e.resourceVersion; });
    *scannedTo = std::max(afterRv, m_resourceVersion);
    int count = 0;
    for (; it != m_history.end(); ++it) {
        if (it->plural != plural || (!ns.isEmpty() && it->ns != ns))
            continue;
        if (count >= maxEvents) {
            *scannedTo = it->resourceVersion - 1;
            break;
        }
        out->push_back(*it);
        ++count;
    }
    return true;
}

void ResourceStore::waitForChange(quint64 afterRv, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    const quint64 generation = m_wakeGeneration;
    m_changed.wait_for(lock, timeout, [&] { return m_resourceVersion > afterRv || m_wakeGeneration != generation; });
}

void ResourceStore::wakeWatchers()
{
    std::lock_guard lock(m_mutex);
    ++m_wakeGeneration;
    m_changed.notify_all();
}

} // namespace capstan::sandbox
