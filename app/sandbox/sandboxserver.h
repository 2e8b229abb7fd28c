#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace capstan::sandbox {

class ResourceStore;
class FaultPlan;
class OperatorSimulation;
class VirtualClock;
class VvpPlatform;

struct SandboxOptions
{
    quint16 port = 0; // 0 picks a free port on 127.0.0.1
    int deployments = -1; // -1: the demo set; N >= 0: N generated FlinkDeployments
    int events = 0; // extra generated core/v1 Events
    int focusEvents = 0; // generated set only: Events of the first deployment, on top of `events`
    int focusSnapshots = 0; // generated set only: completed FlinkStateSnapshots of the first deployment
    double speed = 1.0; // virtual clock speed factor
    // The cluster's clock starts this far from the wall clock (positive: ahead). Every time the
    // sandbox writes or sends (timestamps, JobManager REST times, metrics, the Date header) is on it.
    qint64 clockOffsetMs = 0;
    quint64 seed = 1;
    bool operatorSimulation = false; // run the Flink operator simulation and the JobManager REST API
    bool expiredServerCertificate = false; // serve a certificate that expired yesterday
    // Write FlinkDeployment status as this operator release does (StatusShape::supportedVersions()).
    QString operatorVersion = QStringLiteral("1.15");
    // A simulated Ververica Platform (VvpPlatform) behind Service vvp/vvp-ververica-platform:http.
    // Unset: on for the demo set, off for generated sets.
    std::optional<bool> vvp;
    // >= 0: the platform's API also on plain HTTP at 127.0.0.1:<vvpPort> (0: a free port), requiring
    // `Authorization: Bearer <vvpToken()>`.
    int vvpPort = -1;
};

// A Kubernetes API server on loopback: HTTPS (CA and server certificate generated at start),
// bearer-token and client-certificate authentication, list/watch/get/create/patch/delete on an
// in-memory store with one global resourceVersion counter, and faults injectable on demand.
//
// Thread-safety: every public method may be called from any thread. The server runs on its own
// threads (cpp-httplib); start() returns once it accepts connections.
class SandboxServer final
{
public:
    explicit SandboxServer(const SandboxOptions &options = {});
    ~SandboxServer();
    SandboxServer(const SandboxServer &) = delete;
    SandboxServer &operator=(const SandboxServer &) = delete;

    // Generates certificates, seeds the store and starts listening. Returns false and sets
    // *error when the port cannot be bound or key generation fails.
    bool start(QString *error = nullptr);
    void stop();

    // Drops every connection and stops accepting, then listens again on the same port with the
    // same certificates and the same store (a server restart that keeps its state).
    bool restart(QString *error = nullptr);

    bool isRunning() const;
    quint16 port() const;
    QString serverUrl() const; // https://127.0.0.1:<port>
    int openWatchCount() const; // watch streams being served right now

    QByteArray caCertificatePem() const;
    QString adminToken() const; // full access
    QString readOnlyToken() const; // get/list/watch only; writes get 403
    // Every verb, but in teamNamespace() only (a RoleBinding there): listing across namespaces gets 403.
    QString teamToken() const;
    static QString teamNamespace(); // "flink-jobs"
    // A new admin token that the server refuses (401) from `expiresAt` on, as short-lived tokens of
    // exec credential plugins are.
    QString issueToken(const QDateTime &expiresAt);
    QByteArray clientCertificatePem() const; // CN=sandbox-cert-user, O=system:masters
    QByteArray clientKeyPem() const;

    // A kubeconfig with certificate-authority-data and four users/contexts: "sandbox" (admin token,
    // current), "sandbox-cert" (client certificate), "sandbox-readonly" and "sandbox-team" (namespace
    // flink-jobs).
    QByteArray kubeconfigYaml() const;
    bool writeKubeconfig(const QString &path, QString *error = nullptr) const;

    ResourceStore &store();
    FaultPlan &faults();

    // The cluster's clock: the operator simulation's once start() created it, else the server's own
    // (speed and offset from SandboxOptions). Every response carries it in its Date header.
    VirtualClock &clock();

    // The operator simulation when SandboxOptions::operatorSimulation is set (running from start()
    // until destruction), otherwise nullptr.
    OperatorSimulation *operatorSimulation();

    // The simulated Ververica Platform once start() created it (SandboxOptions::vvp), otherwise nullptr.
    VvpPlatform *vvpPlatform();
    // Its own HTTP port (SandboxOptions::vvpPort), 0 when not served there, and the API token it asks for.
    quint16 vvpPort() const;
    QString vvpToken() const;
    // Writes vvpToken() to path, readable by the owner only.
    bool writeVvpToken(const QString &path, QString *error = nullptr) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::sandbox
