#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace capstan {

// Starting points for New Deployment: whole objects (apiVersion, kind, metadata, spec) written for
// Capstan, one per common way of running a job, for the operator and for Ververica Platform.
class DeploymentTemplates final
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentTemplates)

public:
    struct Template
    {
        QString id; // "stateless", "last-state-ha", "savepoint-periodic"
        QString title; // translated
        QString description; // translated, one sentence
        QJsonObject object;
    };

    // FlinkDeployments.
    static QList<Template> all();
    // Ververica Platform Deployments.
    static QList<Template> platform();
    // The templates of object's backend.
    static QList<Template> forObject(const QJsonObject &object);
    // The template with id; the first template when there is none.
    static Template byId(const QString &id);
};

} // namespace capstan
