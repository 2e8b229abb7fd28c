#include "kube/accesscheck.h"

namespace capstan {

const QString AccessCheck::reviewPath = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");

QString AccessCheck::key() const
{
    const QString plural = subresource.isEmpty() ? resource : resource + QLatin1Char('/') + subresource;
    const QString qualified = group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(verb, qualified)
                        : QStringLiteral("%1 %2 in %3").arg(verb, qualified, ns);
}

QJsonObject AccessCheck::reviewRequest() const
{
    QJsonObject attributes{
        {QStringLiteral("verb"), verb}, {QStringLiteral("group"), group}, {QStringLiteral("resource"), resource}};
    if (!subresource.isEmpty())
        attributes.insert(QStringLiteral("subresource"), subresource);
    if (!ns.isEmpty())
        attributes.insert(QStringLiteral("namespace"), ns);
    return {{QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("resourceAttributes"), attributes}}}};
}

AccessCheck AccessCheck::answeredBy(const QJsonObject &review) const
{
    AccessCheck answer = *this;
    const QJsonObject status = review.value(QLatin1String("status")).toObject();
    if (!status.contains(QLatin1String("allowed")))
        return answer; // not an answer: leave the decision to the server's own checks
    answer.answered = true;
    // "denied" is set only when an authorizer denied explicitly; allowed false is a no as well.
    answer.allowed = status.value(QLatin1String("allowed")).toBool() && !status.value(QLatin1String("denied")).toBool();
    answer.reason = status.value(QLatin1String("reason")).toString();
    return answer;
}

} // namespace capstan
