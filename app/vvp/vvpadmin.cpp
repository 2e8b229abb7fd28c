#include "vvp/vvpadmin.h"

#include "kube/kubereply.h"
#include "session/backendsession.h"
#include "vvp/vvpclient.h"
#include "json/jsontools.h"

#include <QJsonArray>

namespace capstan {

namespace {

void addLeaves(const QJsonObject &object, const QStringList &prefix, QList<std::pair<QStringList, QJsonValue>> *out)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QStringList path = prefix + QStringList{it.key()};
        if (it->isObject() && !it->toObject().isEmpty())
            addLeaves(it->toObject(), path, out);
        else
            out->append({path, it.value()});
    }
}

} // namespace

VvpAdmin::VvpAdmin(BackendSession *session, std::function<VvpClient *()> client)
    : QObject(session)
    , m_session(session)
    , m_client(std::move(client))
{
}

VvpClient *VvpAdmin::client(int request, const QString &ns)
{
    VvpClient *vvp = m_client();
    if (!vvp)
        emit m_session->adminFailed(ns, request,
                                    Error::make(QStringLiteral("NotConnected"),
                                                tr("The Ververica Platform is not connected yet; try again shortly.")));
    return vvp;
}

void VvpAdmin::requestDefaults(const QString &ns)
{
    VvpClient *vvp = client(BackendSession::AdminDefaults, ns);
    if (!vvp)
        return;
    KubeReply *reply = vvp->get(VvpClient::deploymentDefaultsPath(ns));
    connect(reply, &KubeReply::finished, this, [this, ns](const Result<QJsonObject> &result) {
        if (result)
            emit m_session->deploymentDefaults(ns, result.value());
        else
            emit m_session->adminFailed(ns, BackendSession::AdminDefaults, result.error());
    });
}

void VvpAdmin::saveDefaults(const QString &ns, const QJsonObject &specPatch, const QString &resourceVersion)
{
    VvpClient *vvp = client(BackendSession::AdminSaveDefaults, ns);
    if (!vvp)
        return;
    const QJsonObject body{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), resourceVersion}}},
        {QStringLiteral("spec"), specPatch}};
    KubeReply *reply = vvp->patch(VvpClient::deploymentDefaultsPath(ns), body);
    connect(reply, &KubeReply::finished, this, [this, ns](const Result<QJsonObject> &result) {
        if (result)
            emit m_session->deploymentDefaults(ns, result.value());
        else
            emit m_session->adminFailed(ns, BackendSession::AdminSaveDefaults, result.error());
    });
}

void VvpAdmin::requestSecretValues(const QString &ns)
{
    VvpClient *vvp = client(BackendSession::AdminSecretValues, ns);
    if (!vvp)
        return;
    KubeReply *reply = vvp->get(VvpClient::secretValuesPath(ns));
    connect(reply, &KubeReply::finished, this, [this, ns](const Result<QJsonObject> &result) {
        if (!result) {
            emit m_session->adminFailed(ns, BackendSession::AdminSecretValues, result.error());
            return;
        }
        QList<std::pair<QString, QString>> entries;
        const QJsonArray items = result->value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            entries.append({o.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
                            o.value(QLatin1String("spec")).toObject().value(QLatin1String("kind")).toString()});
        }
        std::sort(entries.begin(), entries.end());
        QStringList names;
        QStringList kinds;
        for (const auto &[name, kind] : entries) {
            names << name;
            kinds << kind;
        }
        emit m_session->secretValues(ns, names, kinds);
    });
}

void VvpAdmin::createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value)
{
    VvpClient *vvp = client(BackendSession::AdminCreateSecret, ns);
    if (!vvp)
        return;
    const QJsonObject body{
        {QStringLiteral("kind"), QStringLiteral("SecretValue")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("value"), value}}}};
    KubeReply *reply = vvp->post(VvpClient::secretValuesPath(ns), body);
    connect(reply, &KubeReply::finished, this, [this, ns](const Result<QJsonObject> &result) {
        if (!result)
            emit m_session->adminFailed(ns, BackendSession::AdminCreateSecret, result.error());
        requestSecretValues(ns);
    });
}

void VvpAdmin::deleteSecretValue(const QString &ns, const QString &name)
{
    VvpClient *vvp = client(BackendSession::AdminDeleteSecret, ns);
    if (!vvp)
        return;
    KubeReply *reply = vvp->remove(VvpClient::secretValuePath(ns, name));
    connect(reply, &KubeReply::finished, this, [this, ns](const Result<QJsonObject> &result) {
        if (!result)
            emit m_session->adminFailed(ns, BackendSession::AdminDeleteSecret, result.error());
        requestSecretValues(ns);
    });
}

QJsonObject VvpAdmin::effectiveSpec(const QJsonObject &defaults, const QJsonObject &own)
{
    return json::applyMergePatch(defaults, own).toObject();
}

QList<std::pair<QStringList, QJsonValue>> VvpAdmin::leaves(const QJsonObject &spec)
{
    QList<std::pair<QStringList, QJsonValue>> out;
    addLeaves(spec, {}, &out);
    return out;
}

} // namespace capstan
