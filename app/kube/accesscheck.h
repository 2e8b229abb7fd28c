#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// One question for the API server's SelfSubjectAccessReview ("may I patch flinkdeployments in
// namespace x?") and its answer. A cluster that cannot answer (the review API forbidden or missing)
// leaves `answered` false: the UI then lets the server's own 403 speak.
struct AccessCheck
{
    QString ns;
    QString verb; // get, list, create, patch, delete, …
    QString group; // "" for the core group
    QString resource; // plural: flinkdeployments
    QString subresource; // log (pods/log), proxy (services/proxy); usually empty
    bool answered = false;
    bool allowed = true;
    QString reason; // the authorizer's reason, when it gave one

    static const QString reviewPath; // /apis/authorization.k8s.io/v1/selfsubjectaccessreviews

    // "patch flinkdeployments.flink.apache.org in x": the key the UI finds answers by.
    QString key() const;
    QJsonObject reviewRequest() const;
    // The check with the review's status filled in.
    AccessCheck answeredBy(const QJsonObject &review) const;

    bool operator==(const AccessCheck &) const = default;
};

using AccessCheckList = QList<AccessCheck>;

} // namespace capstan

Q_DECLARE_METATYPE(capstan::AccessCheck)
Q_DECLARE_METATYPE(capstan::AccessCheckList)
