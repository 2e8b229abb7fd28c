#include "sandbox/vvpapidocument.h"

#include <QJsonArray>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace capstan::sandbox {

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject typed(const QString &type, const QString &format = {})
{
    QJsonObject schema{{u"type"_s, type}};
    if (!format.isEmpty())
        schema.insert(u"format"_s, format);
    return schema;
}

QJsonObject text()
{
    return typed(u"string"_s);
}

QJsonObject int32()
{
    return typed(u"integer"_s, u"int32"_s);
}

QJsonObject uuid()
{
    return typed(u"string"_s, u"uuid"_s);
}

QJsonObject dateTime()
{
    return typed(u"string"_s, u"date-time"_s);
}

QJsonObject oneOf(const QStringList &words)
{
    QJsonObject schema = text();
    schema.insert(u"enum"_s, QJsonArray::fromStringList(words));
    return schema;
}

QJsonObject ref(const QString &definition)
{
    return {{u"$ref"_s, QString(u"#/definitions/"_s + definition)}};
}

QJsonObject mapOf(const QJsonObject &values)
{
    QJsonObject schema = typed(u"object"_s);
    schema.insert(u"additionalProperties"_s, values);
    return schema;
}

QJsonObject listOf(const QJsonObject &items)
{
    QJsonObject schema = typed(u"array"_s);
    schema.insert(u"items"_s, items);
    return schema;
}

QJsonObject object(const QString &title, std::initializer_list<std::pair<QString, QJsonObject>> properties)
{
    QJsonObject props;
    for (const auto &[name, schema] : properties)
        props.insert(name, schema);
    QJsonObject schema = typed(u"object"_s);
    if (!props.isEmpty())
        schema.insert(u"properties"_s, props);
    schema.insert(u"title"_s, title);
    return schema;
}

QJsonObject definitions()
{
    const QJsonObject strings = mapOf(text());
    const QList<QJsonObject> list{
        object(u"Deployment"_s,
               {{u"apiVersion"_s, text()},
                {u"kind"_s, text()},
                {u"metadata"_s, ref(u"DeploymentMetadata"_s)},
                {u"spec"_s, ref(u"DeploymentSpec"_s)},
                {u"status"_s, ref(u"DeploymentStatus"_s)}}),
        object(u"DeploymentMetadata"_s,
               {{u"annotations"_s, strings},
                {u"createdAt"_s, dateTime()},
                {u"displayName"_s, text()},
                {u"id"_s, uuid()},
                {u"labels"_s, strings},
                {u"modifiedAt"_s, dateTime()},
                {u"name"_s, text()},
                {u"namespace"_s, text()},
                {u"resourceVersion"_s, int32()}}),
        object(u"DeploymentSpec"_s,
               {{u"deploymentTargetId"_s, uuid()},
                {u"deploymentTargetName"_s, text()},
                {u"maxJobCreationAttempts"_s, int32()},
                {u"maxSavepointCreationAttempts"_s, int32()},
                {u"restoreStrategy"_s, ref(u"DeploymentRestoreStrategy"_s)},
                {u"sessionClusterName"_s, text()},
                {u"state"_s, oneOf({u"RUNNING"_s, u"SUSPENDED"_s, u"CANCELLED"_s})},
                {u"template"_s, ref(u"DeploymentTemplate"_s)},
                {u"upgradeStrategy"_s, ref(u"DeploymentUpgradeStrategy"_s)}}),
        object(u"DeploymentRestoreStrategy"_s, {{u"kind"_s, text()}}),
        object(u"DeploymentUpgradeStrategy"_s, {{u"kind"_s, text()}}),
        object(u"DeploymentTemplate"_s,
               {{u"metadata"_s, ref(u"DeploymentTemplateMetadata"_s)}, {u"spec"_s, ref(u"DeploymentTemplateSpec"_s)}}),
        object(u"DeploymentTemplateMetadata"_s, {{u"annotations"_s, strings}}),
        object(u"DeploymentTemplateSpec"_s,
               {{u"artifact"_s, ref(u"Artifact"_s)},
                {u"flinkConfiguration"_s, strings},
                {u"kubernetes"_s, ref(u"KubernetesOptions"_s)},
                {u"logging"_s, ref(u"Logging"_s)},
                {u"numberOfTaskManagers"_s, int32()},
                {u"parallelism"_s, int32()},
                {u"resources"_s, mapOf(ref(u"ResourceSpec"_s))}}),
        object(u"Artifact"_s,
               {{u"additionalDependencies"_s, listOf(text())},
                {u"entryClass"_s, text()},
                {u"flinkImageRegistry"_s, text()},
                {u"flinkImageRepository"_s, text()},
                {u"flinkImageTag"_s, text()},
                {u"flinkVersion"_s, text()},
                {u"jarUri"_s, text()},
                {u"kind"_s, text()},
                {u"mainArgs"_s, text()},
                {u"sqlScript"_s, text()}}),
        object(u"ResourceSpec"_s, {{u"cpu"_s, typed(u"number"_s, u"double"_s)}, {u"memory"_s, text()}}),
        object(
            u"Logging"_s,
            {{u"loggingProfile"_s, text()}, {u"log4j2ConfigurationTemplate"_s, text()}, {u"log4jLoggers"_s, strings}}),
        object(u"KubernetesOptions"_s,
               {{u"pods"_s, ref(u"Pods"_s)},
                {u"jobManagerPodTemplate"_s, ref(u"V1PodTemplateSpec"_s)},
                {u"taskManagerPodTemplate"_s, ref(u"V1PodTemplateSpec"_s)}}),
        object(u"Pods"_s,
               {{u"annotations"_s, strings},
                {u"labels"_s, strings},
                {u"nodeSelector"_s, strings},
                {u"securityContext"_s, ref(u"JsonNode"_s)},
                {u"affinity"_s, ref(u"JsonNode"_s)},
                {u"tolerations"_s, listOf(ref(u"JsonNode"_s))},
                {u"volumeMounts"_s, listOf(ref(u"VolumeAndMount"_s))},
                {u"envVars"_s, listOf(ref(u"EnvVar"_s))},
                {u"imagePullSecrets"_s, listOf(ref(u"LocalObjectReference"_s))}}),
        object(u"JsonNode"_s, {}),
        object(u"V1PodTemplateSpec"_s, {}),
        object(u"EnvVar"_s, {{u"name"_s, text()}, {u"value"_s, text()}, {u"valueFrom"_s, ref(u"JsonNode"_s)}}),
        object(u"VolumeAndMount"_s,
               {{u"name"_s, text()}, {u"volume"_s, ref(u"JsonNode"_s)}, {u"volumeMount"_s, ref(u"JsonNode"_s)}}),
        object(u"LocalObjectReference"_s, {{u"name"_s, text()}}),
        object(
            u"DeploymentStatus"_s,
            {{u"running"_s, ref(u"DeploymentStatusRunning"_s)},
             {u"state"_s,
              oneOf({u"RUNNING"_s, u"SUSPENDED"_s, u"CANCELLED"_s, u"TRANSITIONING"_s, u"FAILED"_s, u"FINISHED"_s})}}),
        object(u"DeploymentStatusRunning"_s,
               {{u"conditions"_s, listOf(ref(u"DeploymentCondition"_s))},
                {u"jobId"_s, uuid()},
                {u"transitionTime"_s, dateTime()}}),
        object(u"DeploymentCondition"_s,
               {{u"lastTransitionTime"_s, dateTime()},
                {u"lastUpdateTime"_s, dateTime()},
                {u"message"_s, text()},
                {u"reason"_s, text()},
                {u"status"_s, oneOf({u"True"_s, u"False"_s, u"Unknown"_s})},
                {u"type"_s, text()}}),
        object(u"DeploymentDefaults"_s,
               {{u"apiVersion"_s, text()},
                {u"kind"_s, text()},
                {u"metadata"_s, ref(u"DeploymentDefaultsMetadata"_s)},
                {u"spec"_s, ref(u"DeploymentSpec"_s)}}),
        object(u"DeploymentDefaultsMetadata"_s, {}),
    };
    QJsonObject all;
    for (const QJsonObject &definition : list)
        all.insert(definition.value(u"title"_s).toString(), definition);
    return all;
}

// One operation: what it takes (a body of `bodyDefinition`) and what it answers.
QJsonObject operation(const QString &summary, const QString &bodyDefinition = {}, const QString &answerDefinition = {})
{
    QJsonObject ok{{u"description"_s, u"OK"_s}};
    if (!answerDefinition.isEmpty())
        ok.insert(u"schema"_s, ref(answerDefinition));
    QJsonObject op{{u"summary"_s, summary},
                   {u"responses"_s, QJsonObject{{u"200"_s, ok}}},
                   {u"security"_s, QJsonArray{QJsonObject{{u"apiKey"_s, QJsonArray()}}}}};
    if (!bodyDefinition.isEmpty()) {
        op.insert(u"parameters"_s,
                  QJsonArray{QJsonObject{{u"in"_s, u"body"_s},
                                         {u"name"_s, u"body"_s},
                                         {u"required"_s, true},
                                         {u"schema"_s, ref(bodyDefinition)}}});
    }
    return op;
}

QJsonObject paths()
{
    const QString ns = u"/api/v1/namespaces/{namespace}"_s;
    const QString d = u"Deployment"_s;
    const QString dd = u"DeploymentDefaults"_s;
    return {
        {ns + u"/deployments"_s,
         QJsonObject{{u"get"_s, operation(u"List deployments"_s)},
                     {u"post"_s, operation(u"Create a deployment"_s, d, d)}}},
        {ns + u"/deployments/{name}"_s,
         QJsonObject{{u"get"_s, operation(u"Get a deployment"_s, {}, d)},
                     {u"put"_s, operation(u"Create or replace a deployment"_s, {}, d)},
                     {u"patch"_s, operation(u"Update a deployment"_s, d, d)},
                     {u"delete"_s, operation(u"Delete a deployment"_s, {}, d)}}},
        {ns + u"/deployment-defaults"_s,
         QJsonObject{{u"get"_s, operation(u"Get the deployment defaults"_s, {}, dd)},
                     {u"patch"_s, operation(u"Update the deployment defaults"_s, dd, dd)}}},
        {ns + u"/deployment-targets"_s,
         QJsonObject{{u"get"_s, operation(u"List deployment targets"_s)},
                     {u"post"_s, operation(u"Create a deployment target"_s)}}},
        {ns + u"/deployment-targets/{name}"_s,
         QJsonObject{{u"get"_s, operation(u"Get a deployment target"_s)},
                     {u"put"_s, operation(u"Create or replace a deployment target"_s)},
                     {u"delete"_s, operation(u"Delete a deployment target"_s)}}},
        {ns + u"/events"_s, QJsonObject{{u"get"_s, operation(u"List events"_s)}}},
        {ns + u"/jobs"_s, QJsonObject{{u"get"_s, operation(u"List jobs"_s)}}},
        {ns + u"/jobs/{jobId}"_s, QJsonObject{{u"get"_s, operation(u"Get a job"_s)}}},
        {ns + u"/savepoints"_s,
         QJsonObject{{u"get"_s, operation(u"List savepoints"_s)}, {u"post"_s, operation(u"Create a savepoint"_s)}}},
        {ns + u"/savepoints/{savepointId}"_s, QJsonObject{{u"get"_s, operation(u"Get a savepoint"_s)}}},
        {ns + u"/secret-values"_s,
         QJsonObject{{u"get"_s, operation(u"List secret values"_s)},
                     {u"post"_s, operation(u"Create a secret value"_s)}}},
        {ns + u"/secret-values/{name}"_s,
         QJsonObject{{u"get"_s, operation(u"Get a secret value"_s)},
                     {u"patch"_s, operation(u"Update a secret value"_s)},
                     {u"delete"_s, operation(u"Delete a secret value"_s)}}},
        {ns + u"/sessionclusters"_s,
         QJsonObject{{u"get"_s, operation(u"List session clusters"_s)},
                     {u"post"_s, operation(u"Create a session cluster"_s)}}},
        {ns + u"/sessionclusters/{name}"_s,
         QJsonObject{{u"get"_s, operation(u"Get a session cluster"_s)},
                     {u"put"_s, operation(u"Create or replace a session cluster"_s)},
                     {u"patch"_s, operation(u"Update a session cluster"_s)},
                     {u"delete"_s, operation(u"Delete a session cluster"_s)}}},
        {u"/api/v1/status"_s, QJsonObject{{u"get"_s, operation(u"The platform's status"_s)}}},
        {u"/api/v1/status/system-info"_s, QJsonObject{{u"get"_s, operation(u"The platform's system information"_s)}}},
    };
}

} // namespace

const QJsonObject &VvpApiDocument::document()
{
    static const QJsonObject doc{
        {u"swagger"_s, u"2.0"_s},
        {u"info"_s,
         QJsonObject{{u"title"_s, u"Application Manager API"_s},
                     {u"version"_s, u"2.4.3"_s},
                     {u"description"_s, u"The Capstan sandbox's simulated Application Manager"_s}}},
        {u"basePath"_s, u"/"_s},
        {u"consumes"_s, QJsonArray{u"application/json"_s}},
        {u"produces"_s, QJsonArray{u"application/json"_s}},
        {u"securityDefinitions"_s,
         QJsonObject{{u"apiKey"_s,
                      QJsonObject{{u"type"_s, u"apiKey"_s}, {u"name"_s, u"Authorization"_s}, {u"in"_s, u"header"_s}}}}},
        {u"paths"_s, paths()},
        {u"definitions"_s, definitions()},
    };
    return doc;
}

} // namespace capstan::sandbox
