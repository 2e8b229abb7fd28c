#pragma once

#include "flink/schemavalidator.h"
#include "sandbox/resourcestore.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <map>

namespace capstan::sandbox {

// The sandbox's CustomResourceDefinitions (flinkdeployments, flinksessionjobs, flinkstatesnapshots and
// flinkbluegreendeployments.flink.apache.org), expanded from the compact description embedded at
// :/sandbox/crds/flink.apache.org.yaml, with one SchemaValidator per kind. It also answers the
// read-only apiextensions.k8s.io/v1 API (discovery, list and get of customresourcedefinitions).
//
// Thread-safety: instance() is built once on first use; everything after that is const and may be
// called from any thread.
class CrdRegistry final
{
public:
    static const CrdRegistry &instance();

    // apiextensions.k8s.io/v1 CustomResourceDefinition objects, sorted by name.
    const QList<QJsonObject> &definitions() const { return m_definitions; }
    // nullptr for a plural without a CRD (the core/v1 types).
    const SchemaValidator *validator(const QString &plural) const;

    // Validates and prunes *object for a write to type: ok() when it is valid, else 422 Invalid.
    // Types without a CRD always pass.
    StoreResult validate(const ServedResourceType &type, const QString &name, QJsonObject *object,
                         Subresource subresource) const;

    // The APIGroup entry for /apis.
    static QJsonObject apiGroup();
    // Answers /apis/apiextensions.k8s.io[/v1[/customresourcedefinitions[/<name>]]]: true with *code
    // and *body set, false for any other path. Writes get 405 MethodNotAllowed.
    bool respond(const QString &method, const QString &path, int *code, QJsonObject *body) const;

private:
    CrdRegistry();

    QList<QJsonObject> m_definitions;
    std::map<QString, SchemaValidator> m_validators; // plural → validator
};

} // namespace capstan::sandbox
