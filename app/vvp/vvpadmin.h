#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace capstan {

class BackendSession;
class VvpClient;

// A namespace's Deployment Defaults and Secret Values on a Ververica Platform, for VvpSession (on its
// backend thread): answers arrive as the session's deploymentDefaults, secretValues and adminFailed
// signals. A secret's value only travels in the request that creates it: it is never kept, logged or
// read back (the platform does not return it either).
class VvpAdmin final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VvpAdmin)

public:
    // `client` gives the session's client, null until it has connected.
    VvpAdmin(BackendSession *session, std::function<VvpClient *()> client);

    void requestDefaults(const QString &ns);
    // PATCHes the defaults' spec with `specPatch` (a merge patch), carrying `resourceVersion` so that a
    // change made by someone else since is answered with a conflict rather than overwritten.
    void saveDefaults(const QString &ns, const QJsonObject &specPatch, const QString &resourceVersion);
    void requestSecretValues(const QString &ns);
    void createSecretValue(const QString &ns, const QString &name, const QString &kind, const QString &value);
    void deleteSecretValue(const QString &ns, const QString &name);

    // A deployment's effective spec: its own spec merged over the namespace's defaults (as the platform
    // does when it creates a job).
    static QJsonObject effectiveSpec(const QJsonObject &defaults, const QJsonObject &own);
    // The leaves of a spec by path of keys ({"template", "spec", "parallelism"}); arrays and empty
    // objects are leaves. Keys may contain dots (Flink's configuration keys), hence lists.
    static QList<std::pair<QStringList, QJsonValue>> leaves(const QJsonObject &spec);

private:
    VvpClient *client(int request, const QString &ns);

    BackendSession *m_session;
    std::function<VvpClient *()> m_client;
};

} // namespace capstan
