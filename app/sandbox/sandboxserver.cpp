#include "sandbox/sandboxserver.h"

#include "sandbox/certificateauthority.h"
#include "sandbox/crdregistry.h"
#include "sandbox/customresourcetable.h"
#include "sandbox/demodata.h"
#include "sandbox/faultplan.h"
#include "sandbox/jobmanagerapi.h"
#include "sandbox/metrichistory.h"
#include "sandbox/openapi.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/podsimulation.h"
#include "sandbox/podtable.h"
#include "sandbox/prometheusqueryapi.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/selectors.h"
#include "sandbox/statusshape.h"
#include "sandbox/virtualclock.h"
#include "sandbox/vvpapi.h"
#include "sandbox/vvpplatform.h"

#include <httplib.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringList>
#include <QUrlQuery>

#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>
#include <tuple>

namespace capstan::sandbox {

namespace {

using Clock = std::chrono::steady_clock;

// Admin: everything. ReadOnly: get/list/watch of namespaced resources in every namespace (a
// ClusterRoleBinding to a viewer role). Team: every verb on namespaced resources of one namespace only
// (a RoleBinding there), so it may not list across namespaces.
enum class Access { None, ReadOnly, Team, Admin };

struct Identity
{
    Access access = Access::None;
    QString user;
};

const QString kTeamNamespace = QStringLiteral("flink-jobs");

// A parsed request path.
struct Route
{
    enum class Kind {
        NotFound,
        Version,
        ApiVersions,
        CoreResources,
        GroupList,
        Group,
        GroupResources,
        Health,
        OpenApi,
        Collection,
        Object
    };
    Kind kind = Kind::NotFound;
    const ServedResourceType *type = nullptr;
    QString ns;
    QString name;
    QString subresource;
};

const QString kFlinkGroup = QStringLiteral("flink.apache.org");
const QString kFlinkVersion = QStringLiteral("v1beta1");

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString randomToken()
{
    unsigned char bytes[24];
    RAND_bytes(bytes, sizeof(bytes));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof(bytes))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Route routeOf(Route::Kind kind)
{
    Route route;
    route.kind = kind;
    return route;
}

Route parseRoute(const std::string &rawPath)
{
    Route route;
    QStringList parts = QString::fromStdString(rawPath).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return route;
    const QString &first = parts.at(0);
    if (parts.size() == 1 && first == QLatin1String("version"))
        return routeOf(Route::Kind::Version);
    if (parts.size() == 1
        && (first == QLatin1String("healthz") || first == QLatin1String("livez") || first == QLatin1String("readyz")))
        return routeOf(Route::Kind::Health);
    if (first == QLatin1String("openapi"))
        return routeOf(Route::Kind::OpenApi);
    QString group;
    QStringList rest;
    if (first == QLatin1String("api")) {
        if (parts.size() == 1)
            return routeOf(Route::Kind::ApiVersions);
        if (parts.at(1) != QLatin1String("v1"))
            return route;
        if (parts.size() == 2)
            return routeOf(Route::Kind::CoreResources);
        rest = parts.mid(2);
    } else if (first == QLatin1String("apis")) {
        if (parts.size() == 1)
            return routeOf(Route::Kind::GroupList);
        if (parts.at(1) != kFlinkGroup)
            return route;
        if (parts.size() == 2)
            return routeOf(Route::Kind::Group);
        if (parts.at(2) != kFlinkVersion)
            return route;
        if (parts.size() == 3)
            return routeOf(Route::Kind::GroupResources);
        group = kFlinkGroup;
        rest = parts.mid(3);
    } else {
        return route;
    }
    // rest: plural[/name[/sub]] or namespaces/ns/plural[/name[/sub]]
    if (rest.size() >= 3 && rest.at(0) == QLatin1String("namespaces") && findServedResourceType(rest.at(2))
        && findServedResourceType(rest.at(2))->namespaced) {
        route.ns = rest.at(1);
        rest = rest.mid(2);
    }
    route.type = findServedResourceType(rest.at(0));
    if (!route.type || route.type->group != group || rest.size() > 3)
        return {};
    if (!route.ns.isEmpty() && !route.type->namespaced)
        return {};
    if (rest.size() == 1) {
        route.kind = Route::Kind::Collection;
        return route;
    }
    route.name = rest.at(1);
    if (route.type->namespaced && route.ns.isEmpty())
        return {};
    route.kind = Route::Kind::Object;
    if (rest.size() == 3)
        route.subresource = rest.at(2);
    return route;
}

QJsonObject apiResource(const ServedResourceType &type, const QString &name, const QStringList &verbs,
                        bool withShortNames)
{
    QJsonObject r{{QStringLiteral("name"), name},
                  {QStringLiteral("singularName"), name.contains(QLatin1Char('/')) ? QString() : type.singular},
                  {QStringLiteral("namespaced"), type.namespaced},
                  {QStringLiteral("kind"), type.kind},
                  {QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)}};
    if (withShortNames) {
        r.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(type.shortNames));
        if (!type.categories.isEmpty())
            r.insert(QStringLiteral("categories"), QJsonArray::fromStringList(type.categories));
    }
    return r;
}

QJsonObject resourceList(const QString &group)
{
    const QStringList verbs{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
                            QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
                            QStringLiteral("update"), QStringLiteral("watch")};
    QJsonArray resources;
    for (const ServedResourceType &t : servedResourceTypes()) {
        if (t.group != group)
            continue;
        QStringList typeVerbs = verbs;
        if (!t.namespaced)
            typeVerbs.removeAll(QStringLiteral("deletecollection"));
        resources.append(apiResource(t, t.plural, typeVerbs, true));
        if (t.statusSubresource || t.plural == QLatin1String("namespaces"))
            resources.append(apiResource(t, t.plural + QStringLiteral("/status"),
                                         {QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")},
                                         false));
        if (t.plural == QLatin1String("pods"))
            resources.append(apiResource(t, QStringLiteral("pods/log"), {QStringLiteral("get")}, false));
    }
    return {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("groupVersion"),
             group.isEmpty() ? QStringLiteral("v1") : QString(group + QLatin1Char('/') + kFlinkVersion)},
            {QStringLiteral("resources"), resources}};
}

QJsonObject flinkGroup()
{
    const QJsonObject version{{QStringLiteral("groupVersion"), QString(kFlinkGroup + QLatin1Char('/') + kFlinkVersion)},
                              {QStringLiteral("version"), kFlinkVersion}};
    return {{QStringLiteral("name"), kFlinkGroup},
            {QStringLiteral("versions"), QJsonArray{version}},
            {QStringLiteral("preferredVersion"), version}};
}

bool peerClosed(int fd)
{
    if (fd < 0)
        return false;
    pollfd p{fd, short(POLLRDHUP), 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

// The state of one watch stream, shared with httplib's content provider.
struct WatchState
{
    const ServedResourceType *type = nullptr;
    QString ns;
    LabelSelector labels;
    FieldSelector fields;
    quint64 cursor = 0;
    std::deque<QByteArray> pending; // initial ADDED events
    bool bookmarks = false;
    Clock::time_point deadline;
    Clock::time_point nextBookmark;
    quint64 dropGeneration = 0;
    quint64 expireGeneration = 0;
    quint64 serverGeneration = 0;
    int fd = -1;

    bool table = false; // pods watched as a Table (kubectl get pods -w): each object becomes a one-row Table
    QString includeObject;

    bool matches(const QJsonObject &o) const { return labels.matches(o) && fields.matches(o); }
};

QByteArray eventLine(const QString &type, const QJsonObject &object)
{
    return compactJson({{QStringLiteral("type"), type}, {QStringLiteral("object"), object}}) + '\n';
}

// RFC 7231 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), independent of the locale.
std::string httpDate(qint64 ms)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QDate date = t.date();
    const QTime time = t.time();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[date.dayOfWeek() - 1], date.day(),
                  months[date.month() - 1], date.year(), time.hour(), time.minute(), time.second());
    return buffer;
}

QByteArray expiredLine(const QString &message)
{
    return eventLine(QStringLiteral("ERROR"), makeStatus(410, QStringLiteral("Expired"), message));
}

} // namespace

struct SandboxServer::Private
{
    SandboxOptions options;
    CertificateAuthority ca;
    ResourceStore store;
    FaultPlan faults;
    QString adminToken;
    QString readOnlyToken;
    QString teamToken;
    // Admin tokens that stop working at a given time (what a cloud exec plugin hands out).
    mutable std::mutex issuedMutex;
    QHash<QString, QDateTime> issuedTokens;
    std::unique_ptr<OperatorSimulation> simulation; // after store: stopped before the store goes
    std::unique_ptr<MetricHistory> history; // after simulation: stops scraping it first
    std::unique_ptr<PrometheusQueryApi> prometheus; // Service monitoring/prometheus
    std::unique_ptr<VirtualClock> ownClock; // the cluster's clock while no simulation runs
    std::unique_ptr<VvpPlatform> vvp; // after the clocks: goes before them
    std::unique_ptr<VvpApi> vvpApi;
    QString vvpToken;
    std::unique_ptr<httplib::Server> vvpServer; // the platform's own port, plain HTTP
    std::thread vvpThread;
    std::atomic<quint16> vvpPort{0};
    std::mutex vvpClusterMutex; // one store update of the platform's clusters at a time

    VirtualClock &clock() { return simulation ? simulation->clock() : *ownClock; }

    mutable std::mutex lifecycleMutex;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    std::atomic<quint16> port{0};
    bool seeded = false;
    std::atomic<bool> running{false};
    std::atomic<quint64> serverGeneration{0};
    std::atomic<int> openWatches{0};

    bool startLocked(QString *error);
    void stopLocked();
    bool setupSsl(SSL_CTX &ctx) const;
    void installHandlers(httplib::SSLServer &svr);

    Identity authenticate(const httplib::Request &req) const;
    void handle(const httplib::Request &req, httplib::Response &res);
    void handleResource(const Route &route, const Identity &who, const httplib::Request &req, httplib::Response &res);
    void startWatch(const Route &route, const httplib::Request &req, httplib::Response &res);
    void sendPodLog(const Route &route, const httplib::Request &req, httplib::Response &res);
    void sendVvp(const QString &path, const httplib::Request &req, httplib::Response &res);
    bool startVvpServer(QString *error);
    // Brings the store's Services and pods of the platform's jobs in step with VvpPlatform::clusterObjects().
    void syncPlatformClusters();
    bool watchStep(WatchState &st, httplib::DataSink &sink);
    QByteArray nextWatchLine(WatchState &st);
    bool translate(const WatchState &st, const WatchEvent &event, QByteArray *line) const;
    QByteArray watchLine(const WatchState &st, const QString &type, const QJsonObject &object) const;
    QByteArray bookmarkLine(const WatchState &st) const;
};

namespace {

void sendJson(httplib::Response &res, int code, const QJsonObject &body)
{
    res.status = code;
    res.set_header("Cache-Control", "no-cache, private");
    res.set_content(compactJson(body).toStdString() + '\n', "application/json");
}

void sendStatus(httplib::Response &res, int code, const QString &reason, const QString &message,
                const QJsonObject &details = {})
{
    sendJson(res, code, makeStatus(code, reason, message, details));
}

QString param(const httplib::Request &req, const char *name)
{
    return QString::fromStdString(req.get_param_value(name));
}

bool isTrue(const QString &value)
{
    return value == QLatin1String("1") || value == QLatin1String("true");
}

// Every path of every method the servers answer goes to handler.
void routeEveryMethod(httplib::Server &svr, const httplib::Server::Handler &handler)
{
    svr.Get(".*", handler);
    svr.Post(".*", handler);
    svr.Put(".*", handler);
    svr.Patch(".*", handler);
    svr.Delete(".*", handler);
}

// Binds svr to 127.0.0.1:wanted (0: a free port): the port, or -1 with *error set.
int bindLoopback(httplib::Server &svr, quint16 wanted, QString *error)
{
    int bound = -1;
    if (wanted == 0)
        bound = svr.bind_to_any_port("127.0.0.1");
    else if (svr.bind_to_port("127.0.0.1", wanted))
        bound = wanted;
    if (bound <= 0 && error)
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1").arg(wanted);
    return bound;
}

// Runs svr's accept loop on *thread; returns once it accepts (or after 5 s).
void runServer(httplib::Server &svr, std::thread *thread)
{
    *thread = std::thread([raw = &svr] { raw->listen_after_bind(); });
    const auto until = Clock::now() + std::chrono::seconds(5);
    while (!svr.is_running() && Clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

// The API server's service proxy in front of the simulated JobManagers (GET only) and of the
// Prometheus that holds their history (GET and POST).
void sendServiceProxy(OperatorSimulation *simulation, const PrometheusQueryApi *prometheus,
                      const ServiceProxyTarget &proxy, const httplib::Request &req, httplib::Response &res)
{
    if (prometheus && proxy.ns == QLatin1String("monitoring") && proxy.service == QLatin1String("prometheus")) {
        PrometheusQueryApi::Params params;
        if (req.method == "POST"
            && req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
            params = PrometheusQueryApi::formParams(QByteArray::fromStdString(req.body));
        for (const auto &[key, value] : req.params)
            params.append({QString::fromStdString(key), QString::fromStdString(value)});
        const ProxyResponse r = prometheus->handle(QString::fromStdString(req.method), proxy.path, params);
        res.status = r.status;
        res.set_header("Cache-Control", "no-cache, private");
        res.set_content(r.body.toStdString(), r.contentType.toStdString());
        return;
    }
    if (req.method != "GET") {
        sendStatus(res, 405, QStringLiteral("MethodNotAllowed"),
                   QStringLiteral("the server does not allow this method on the requested resource"));
        return;
    }
    if (!simulation) {
        sendStatus(res, 503, QStringLiteral("ServiceUnavailable"),
                   QStringLiteral("no endpoints available for service \"%1\"").arg(proxy.service));
        return;
    }
    QUrlQuery query;
    for (const auto &[key, value] : req.params)
        query.addQueryItem(QString::fromStdString(key), QString::fromStdString(value));
    const ProxyResponse r = simulation->proxyGet(proxy.ns, proxy.service, proxy.path, query);
    res.status = r.status;
    res.set_header("Cache-Control", "no-cache, private");
    res.set_content(r.body.toStdString(), r.contentType.toStdString());
}

} // namespace

bool SandboxServer::Private::setupSsl(SSL_CTX &ctx) const
{
    const auto loadCert = [](const QByteArray &pem) {
        BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        return cert;
    };
    X509 *serverCert = loadCert(ca.serverCertificatePem());
    X509 *caCert = loadCert(ca.caCertificatePem());
    const QByteArray keyPem = ca.serverKeyPem();
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    BIO_free(keyBio);
    bool ok = serverCert && caCert && key;
    ok = ok && SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) == 1;
    ok = ok && SSL_CTX_use_certificate(&ctx, serverCert) == 1;
    ok = ok && SSL_CTX_use_PrivateKey(&ctx, key) == 1;
    ok = ok && X509_STORE_add_cert(SSL_CTX_get_cert_store(&ctx), caCert) == 1;
    if (ok) {
        // Ask for a client certificate, verify it against our CA, but let token clients in without one.
        SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, nullptr);
        STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
        sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(caCert)));
        SSL_CTX_set_client_CA_list(&ctx, names);
        static const unsigned char sessionContext[] = "capstan-sandbox";
        SSL_CTX_set_session_id_context(&ctx, sessionContext, sizeof(sessionContext) - 1);
    }
    X509_free(serverCert);
    X509_free(caCert);
    EVP_PKEY_free(key);
    return ok;
}

bool SandboxServer::Private::startLocked(QString *error)
{
    if (running)
        return true;
    if (!ca.isValid() && !ca.generate(error, options.expiredServerCertificate))
        return false;
    if (adminToken.isEmpty()) {
        adminToken = randomToken();
        readOnlyToken = randomToken();
        teamToken = randomToken();
    }
    if (!seeded) {
        seedDemoData(store, options.deployments, options.events, options.seed, options.focusEvents,
                     options.focusSnapshots, ownClock->nowMs());
        StatusShape::applyToStore(store, options.operatorVersion);
        seeded = true;
    }
    if (options.operatorSimulation && !simulation) {
        simulation = std::make_unique<OperatorSimulation>(store, options.speed);
        simulation->setFaultPlan(&faults);
        simulation->setOperatorVersion(options.operatorVersion);
        // Its clock takes over from the server's own, where that one stands now.
        simulation->clock().shift(ownClock->nowMs() - simulation->clock().nowMs());
        simulation->start();
        if (options.deployments < 0) { // the demo set: a day of metric history behind monitoring/prometheus
            history = std::make_unique<MetricHistory>(*simulation, options.seed);
            history->start();
            prometheus = std::make_unique<PrometheusQueryApi>(*history, simulation->clock());
        }
    }
    if (options.vvp.value_or(options.deployments < 0) && !vvp) {
        vvp = std::make_unique<VvpPlatform>(clock(), options.seed);
        if (options.deployments < 0)
            vvp->seedDemo();
        vvpApi = std::make_unique<VvpApi>(*vvp);
        vvpToken = randomToken();
        VvpApi::publishService(store, clock().nowMs());
        syncPlatformClusters();
    }
    auto svr = std::make_unique<httplib::SSLServer>([this](SSL_CTX &ctx) { return setupSsl(ctx); });
    if (!svr->is_valid()) {
        if (error)
            *error = QStringLiteral("cannot set up the TLS context");
        return false;
    }
    svr->new_task_queue = [] { return new httplib::ThreadPool(64); };
    svr->set_keep_alive_max_count(1000);
    svr->set_keep_alive_timeout(1);
    svr->set_read_timeout(10);
    svr->set_write_timeout(10);
    installHandlers(*svr);
    const quint16 wanted = port ? port.load() : options.port;
    const int bound = bindLoopback(*svr, wanted, error);
    if (bound <= 0)
        return false;
    port = quint16(bound);
    ++serverGeneration;
    server = std::move(svr);
    runServer(*server, &thread);
    running = true;
    qCInfo(lcSandboxServer).noquote() << QStringLiteral("listening on https://127.0.0.1:%1").arg(port.load());
    return vvp && options.vvpPort >= 0 ? startVvpServer(error) : true;
}

bool SandboxServer::Private::startVvpServer(QString *error)
{
    auto svr = std::make_unique<httplib::Server>();
    // The platform's own port: its API token, then the same API as through the service proxy.
    const auto handler = [this](const httplib::Request &req, httplib::Response &res) {
        const std::string expected = "Bearer " + vvpToken.toStdString();
        if (req.get_header_value("Authorization") != expected) {
            res.status = 401;
            res.set_content(compactJson({{QStringLiteral("kind"), QStringLiteral("Error")},
                                         {QStringLiteral("statusCode"), 401},
                                         {QStringLiteral("reason"), QStringLiteral("Unauthorized")},
                                         {QStringLiteral("message"),
                                          QStringLiteral("A valid API token is required (Authorization: Bearer …).")}})
                                .toStdString(),
                            "application/json");
            return;
        }
        sendVvp(QString::fromStdString(req.path), req, res);
    };
    routeEveryMethod(*svr, handler);
    svr->set_keep_alive_timeout(1);
    const quint16 wanted = vvpPort ? vvpPort.load() : quint16(options.vvpPort);
    const int bound = bindLoopback(*svr, wanted, error);
    if (bound <= 0)
        return false;
    vvpPort = quint16(bound);
    vvpServer = std::move(svr);
    runServer(*vvpServer, &vvpThread);
    qCInfo(lcSandboxServer).noquote()
        << QStringLiteral("Ververica Platform API on http://127.0.0.1:%1").arg(vvpPort.load());
    return true;
}

void SandboxServer::Private::sendVvp(const QString &path, const httplib::Request &req, httplib::Response &res)
{
    QUrlQuery query;
    for (const auto &[key, value] : req.params)
        query.addQueryItem(QString::fromStdString(key), QString::fromStdString(value));
    const ProxyResponse r
        = vvpApi->handle(QString::fromStdString(req.method), path, query, QByteArray::fromStdString(req.body),
                         QByteArray::fromStdString(req.get_header_value("Content-Type")));
    res.status = r.status;
    res.set_header("Cache-Control", "no-cache, private");
    res.set_content(r.body.toStdString(), r.contentType.toStdString());
    // What the platform did meanwhile (it acts when asked) shows in the cluster at once.
    syncPlatformClusters();
}

void SandboxServer::Private::syncPlatformClusters()
{
    if (!vvp)
        return;
    const std::lock_guard lock(vvpClusterMutex);
    QHash<QString, QJsonObject> wanted; // "plural/ns/name"
    const QList<QJsonObject> objects = vvp->clusterObjects();
    for (const QJsonObject &o : objects) {
        const QJsonObject metadata = o.value(u"metadata").toObject();
        const QString plural
            = o.value(u"kind").toString() == QLatin1String("Pod") ? QStringLiteral("pods") : QStringLiteral("services");
        wanted.insert(
            plural + u'/' + metadata.value(u"namespace").toString() + u'/' + metadata.value(u"name").toString(), o);
    }
    ListOptions byPlatform;
    byPlatform.labelSelector = QStringLiteral("system=ververica-platform,app=flink-job");
    for (const QString &plural : {QStringLiteral("services"), QStringLiteral("pods")}) {
        const QJsonArray items = store.list(plural, {}, byPlatform).object.value(u"items").toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject metadata = item.toObject().value(u"metadata").toObject();
            const QString ns = metadata.value(u"namespace").toString();
            const QString name = metadata.value(u"name").toString();
            const auto it = wanted.constFind(plural + u'/' + ns + u'/' + name);
            if (it == wanted.cend()) {
                store.remove(plural, ns, name);
                continue;
            }
            const QJsonObject status = it->value(u"status").toObject();
            if (plural == QLatin1String("pods") && item.toObject().value(u"status").toObject() != status) {
                WriteOptions statusOnly;
                statusOnly.subresource = Subresource::Status;
                store.mergePatch(plural, ns, name, QJsonObject{{QStringLiteral("status"), status}}, statusOnly);
            }
            wanted.remove(it.key());
        }
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        const QString ns = it->value(u"metadata").toObject().value(u"namespace").toString();
        // The Deployment Target's namespace (AlreadyExists is fine).
        store.create(QStringLiteral("namespaces"), {},
                     QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}});
        store.create(it.key().section(u'/', 0, 0), ns, *it);
    }
}

void SandboxServer::Private::stopLocked()
{
    if (vvpServer) {
        vvpServer->stop();
        if (vvpThread.joinable())
            vvpThread.join();
        vvpServer.reset();
    }
    if (!server)
        return;
    running = false;
    ++serverGeneration; // open watch streams notice this and end
    store.wakeWatchers();
    server->stop();
    if (thread.joinable())
        thread.join();
    server.reset();
    qCInfo(lcSandboxServer) << "stopped";
}

void SandboxServer::Private::installHandlers(httplib::SSLServer &svr)
{
    const auto handler = [this](const httplib::Request &req, httplib::Response &res) { handle(req, res); };
    routeEveryMethod(svr, handler);
    // Every answer, watch streams and proxied ones included, says the cluster's time (RFC 7231
    // IMF-fixdate), from which clients learn how far their clock is from the cluster's.
    svr.set_post_routing_handler([this](const httplib::Request &, httplib::Response &res) {
        res.headers.erase("Date");
        res.set_header("Date", httpDate(clock().nowMs()));
    });
    svr.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        sendStatus(res, 500, QStringLiteral("InternalError"), QStringLiteral("Internal error occurred"));
    });
}

namespace {

// The read-only user is a namespace-scoped viewer (a Role, not a ClusterRole): it may read
// namespaced resources but not cluster-scoped ones such as the namespace list. One rule for the
// requests themselves and for SelfSubjectAccessReviews.
// `ns` is the request's namespace, empty for a request across all namespaces or a cluster-scoped one.
bool mayAccess(const Identity &who, const QString &verb, bool namespaced, const QString &ns)
{
    const bool readVerb
        = verb == QLatin1String("get") || verb == QLatin1String("list") || verb == QLatin1String("watch");
    switch (who.access) {
    case Access::Admin:
        return true;
    case Access::ReadOnly:
        return readVerb && namespaced;
    case Access::Team:
        return namespaced && ns == kTeamNamespace;
    case Access::None:
        break;
    }
    return false;
}

// pods/log is its own resource for RBAC: the viewer may get it, unless the fault plan takes it away
// from everybody (a cluster whose roles grant pods but not their logs).
bool mayAccessSubresource(const Identity &who, const QString &verb, bool namespaced, const QString &ns,
                          const QString &resource, const QString &subresource, bool podLogsForbidden)
{
    if (resource == QLatin1String("pods") && subresource == QLatin1String("log"))
        return verb == QLatin1String("get") && !podLogsForbidden && mayAccess(who, verb, namespaced, ns);
    return mayAccess(who, verb, namespaced, ns);
}

// POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews: the API server's answer to "may I?",
// from the same rule that guards the requests.
void sendAccessReview(const Identity &who, bool podLogsForbidden, const httplib::Request &req, httplib::Response &res)
{
    if (req.method != "POST") {
        sendStatus(res, 405, QStringLiteral("MethodNotAllowed"),
                   QStringLiteral("the server does not allow this method on the requested resource"));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument body = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
    const QJsonObject spec = body.object().value(QLatin1String("spec")).toObject();
    const QJsonObject attributes = spec.value(QLatin1String("resourceAttributes")).toObject();
    const QJsonObject nonResource = spec.value(QLatin1String("nonResourceAttributes")).toObject();
    if (parseError.error != QJsonParseError::NoError || (attributes.isEmpty() && nonResource.isEmpty())) {
        sendStatus(res, 400, QStringLiteral("BadRequest"),
                   QStringLiteral("SelfSubjectAccessReview: spec.resourceAttributes or spec.nonResourceAttributes "
                                  "is required"));
        return;
    }
    bool allowed = false;
    if (!attributes.isEmpty()) {
        const ServedResourceType *type = findServedResourceType(attributes.value(QLatin1String("resource")).toString());
        const bool namespaced = type ? type->namespaced : true;
        allowed = mayAccessSubresource(who, attributes.value(QLatin1String("verb")).toString(), namespaced,
                                       attributes.value(QLatin1String("namespace")).toString(),
                                       attributes.value(QLatin1String("resource")).toString(),
                                       attributes.value(QLatin1String("subresource")).toString(), podLogsForbidden);
    } else {
        allowed = who.access == Access::Admin
            || nonResource.value(QLatin1String("verb")).toString() == QLatin1String("get");
    }
    QJsonObject status{{QStringLiteral("allowed"), allowed}};
    if (allowed)
        status.insert(QStringLiteral("reason"),
                      who.access == Access::Admin ? QStringLiteral("sandbox: the admin user may do everything")
                          : who.access == Access::Team
                          ? QStringLiteral("sandbox: RoleBinding \"team\" in \"%1\" allows it").arg(kTeamNamespace)
                          : QStringLiteral("sandbox: RoleBinding \"viewer\" allows reads"));
    QJsonObject review = body.object();
    review.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("creationTimestamp"), QJsonValue::Null}});
    review.insert(QStringLiteral("status"), status);
    sendJson(res, 201, review);
}

} // namespace

Identity SandboxServer::Private::authenticate(const httplib::Request &req) const
{
    if (req.ssl) {
        if (X509 *peer = SSL_get0_peer_certificate(req.ssl); peer && SSL_get_verify_result(req.ssl) == X509_V_OK) {
            char cn[256] = {};
            char org[256] = {};
            X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof(cn));
            X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_organizationName, org, sizeof(org));
            const bool masters = qstrcmp(org, "system:masters") == 0;
            return {masters ? Access::Admin : Access::ReadOnly, QString::fromUtf8(cn)};
        }
    }
    const std::string authorization = req.get_header_value("Authorization");
    static const std::string bearer = "Bearer ";
    if (authorization.compare(0, bearer.size(), bearer) == 0) {
        const QString token = QString::fromStdString(authorization.substr(bearer.size())).trimmed();
        if (!token.isEmpty() && token == adminToken)
            return {Access::Admin, QStringLiteral("sandbox-admin")};
        if (!token.isEmpty() && token == readOnlyToken)
            return {Access::ReadOnly, QStringLiteral("sandbox-readonly")};
        if (!token.isEmpty() && token == teamToken)
            return {Access::Team, QStringLiteral("sandbox-team")};
        const std::lock_guard lock(issuedMutex);
        const auto issued = issuedTokens.constFind(token);
        if (issued != issuedTokens.cend() && QDateTime::currentDateTimeUtc() < *issued)
            return {Access::Admin, QStringLiteral("sandbox-exec-user")};
    }
    return {};
}

void SandboxServer::Private::handle(const httplib::Request &req, httplib::Response &res)
{
    // The API server compresses with gzip only. cpp-httplib would prefer brotli for clients that
    // offer it (Qt does), at a level that costs seconds per megabyte of list: hide the other codings
    // (the request is passed as const, the object itself is not).
    if (req.has_header("Accept-Encoding")) {
        auto &headers = const_cast<httplib::Request &>(req).headers;
        const bool gzip = req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
        headers.erase("Accept-Encoding");
        if (gzip)
            headers.emplace("Accept-Encoding", "gzip");
    }
    if (const int latency = faults.latencyMs(); latency > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(latency));
    const Identity who = authenticate(req);
    if (who.access == Access::None) {
        sendStatus(res, 401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
        return;
    }
    if (ServiceProxyTarget proxy; parseServiceProxyPath(QString::fromStdString(req.path), &proxy)) {
        faults.countRequest(QStringLiteral("proxy"));
        const QString proxyVerb = req.method == "GET" ? QStringLiteral("get") : QStringLiteral("create");
        if (!mayAccess(who, proxyVerb, true, proxy.ns)) {
            sendStatus(res, 403, QStringLiteral("Forbidden"),
                       QStringLiteral("services \"%1\" is forbidden: User \"%2\" cannot %3 resource "
                                      "\"services/proxy\" in API group \"\" in the namespace \"%4\"")
                           .arg(proxy.service, who.user, proxyVerb, proxy.ns),
                       {{QStringLiteral("name"), proxy.service}, {QStringLiteral("kind"), QStringLiteral("services")}});
            return;
        }
        if (vvpApi && proxy.ns == VvpApi::serviceNamespace() && proxy.service == VvpApi::serviceName()) {
            if (!proxy.port.isEmpty() && proxy.port != QLatin1String("http") && proxy.port != QLatin1String("8080")) {
                sendStatus(
                    res, 503, QStringLiteral("ServiceUnavailable"),
                    QStringLiteral("no endpoints available for service \"%1:%2\"").arg(proxy.service, proxy.port));
            } else {
                // The API server does not forward the caller's Authorization: the platform sees none.
                sendVvp(proxy.path, req, res);
            }
            return;
        }
        if (vvp && req.method == "GET"
            && (proxy.port.isEmpty() || proxy.port == QLatin1String("rest") || proxy.port == QLatin1String("8081"))) {
            QUrlQuery query;
            for (const auto &[key, value] : req.params)
                query.addQueryItem(QString::fromStdString(key), QString::fromStdString(value));
            // The JobManagers of the platform's jobs, in their Deployment Target's namespace.
            if (const auto r = vvp->jobManagerGet(proxy.ns, proxy.service, proxy.path, query)) {
                res.status = r->status;
                res.set_header("Cache-Control", "no-cache, private");
                res.set_content(r->body.toStdString(), r->contentType.toStdString());
                return;
            }
        }
        sendServiceProxy(simulation.get(), prometheus.get(), proxy, req, res);
        return;
    }
    const Route route = parseRoute(req.path);
    if (vvp && route.type
        && (route.type->plural == QLatin1String("services") || route.type->plural == QLatin1String("pods")))
        syncPlatformClusters();
    const bool isWatch = req.method == "GET" && isTrue(param(req, "watch"));
    if (!isWatch) {
        if (const auto failure = faults.takeFailure()) {
            QString reason = QStringLiteral("InternalError");
            QString message = QStringLiteral("Internal error occurred: injected fault");
            QJsonObject details;
            if (failure->httpStatus == 429) {
                reason = QStringLiteral("TooManyRequests");
                message = QStringLiteral("Too many requests, please try again later.");
            } else if (failure->httpStatus == 503) {
                reason = QStringLiteral("ServiceUnavailable");
                message = QStringLiteral("the server is currently unable to handle the request");
            }
            if (failure->retryAfterSeconds >= 0) {
                res.set_header("Retry-After", std::to_string(failure->retryAfterSeconds));
                details.insert(QStringLiteral("retryAfterSeconds"), failure->retryAfterSeconds);
            }
            sendStatus(res, failure->httpStatus, reason, message, details);
            qCDebug(lcSandboxServer) << "injected" << failure->httpStatus << "for" << req.method.c_str()
                                     << req.path.c_str();
            return;
        }
    }
    if (req.path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") {
        faults.countRequest(QStringLiteral("create"));
        sendAccessReview(who, faults.podLogsForbidden(), req, res);
        return;
    }
    const bool isGet = req.method == "GET";
    switch (route.kind) {
    case Route::Kind::Version:
    case Route::Kind::ApiVersions:
    case Route::Kind::CoreResources:
    case Route::Kind::GroupList:
    case Route::Kind::Group:
    case Route::Kind::GroupResources:
    case Route::Kind::Health:
    case Route::Kind::OpenApi:
        faults.countRequest(QStringLiteral("discovery"));
        if (!isGet) {
            sendStatus(res, 405, QStringLiteral("MethodNotAllowed"),
                       QStringLiteral("the server does not allow this method on the requested resource"));
            return;
        }
        break;
    default:
        break;
    }
    switch (route.kind) {
    case Route::Kind::Version:
        sendJson(res, 200,
                 {{QStringLiteral("major"), QStringLiteral("1")},
                  {QStringLiteral("minor"), QStringLiteral("31")},
                  {QStringLiteral("gitVersion"), QStringLiteral("v1.31.0-capstan-sandbox")},
                  {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
                  {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
                  {QStringLiteral("buildDate"), QStringLiteral("2026-01-01T00:00:00Z")},
                  {QStringLiteral("goVersion"), QStringLiteral("go1.22.5")},
                  {QStringLiteral("compiler"), QStringLiteral("gc")},
                  {QStringLiteral("platform"), QStringLiteral("linux/amd64")}});
        return;
    case Route::Kind::ApiVersions:
        sendJson(res, 200,
                 {{QStringLiteral("kind"), QStringLiteral("APIVersions")},
                  {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
                  {QStringLiteral("serverAddressByClientCIDRs"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                       {QStringLiteral("serverAddress"), QStringLiteral("127.0.0.1:%1").arg(port.load())}}}}});
        return;
    case Route::Kind::CoreResources:
        sendJson(res, 200, resourceList({}));
        return;
    case Route::Kind::GroupList:
        sendJson(res, 200,
                 {{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("groups"), QJsonArray{flinkGroup(), CrdRegistry::apiGroup()}}});
        return;
    case Route::Kind::Group: {
        QJsonObject group = flinkGroup();
        group.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
        group.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
        sendJson(res, 200, group);
        return;
    }
    case Route::Kind::GroupResources:
        sendJson(res, 200, resourceList(kFlinkGroup));
        return;
    case Route::Kind::Health:
        res.status = 200;
        res.set_content("ok", "text/plain; charset=utf-8");
        return;
    case Route::Kind::OpenApi:
        if (QByteArray body, contentType;
            OpenApi::instance().respond(QString::fromStdString(req.path),
                                        QString::fromStdString(req.get_header_value("Accept")), &body, &contentType)) {
            res.status = 200;
            res.set_header("Cache-Control", "no-cache, private");
            res.set_content(body.toStdString(), contentType.constData());
            return;
        }
        [[fallthrough]];
    case Route::Kind::NotFound:
        if (route.kind == Route::Kind::NotFound) {
            int code = 0;
            QJsonObject body;
            if (CrdRegistry::instance().respond(QString::fromStdString(req.method), QString::fromStdString(req.path),
                                                &code, &body)) {
                sendJson(res, code, body);
                return;
            }
            faults.countRequest(QStringLiteral("notfound"));
        }
        sendStatus(res, 404, QStringLiteral("NotFound"),
                   QStringLiteral("the server could not find the requested resource"));
        return;
    case Route::Kind::Collection:
    case Route::Kind::Object:
        handleResource(route, who, req, res);
        return;
    }
}

void SandboxServer::Private::handleResource(const Route &route, const Identity &who, const httplib::Request &req,
                                            httplib::Response &res)
{
    const ServedResourceType &type = *route.type;
    const bool collection = route.kind == Route::Kind::Collection;
    QString verb;
    if (req.method == "GET")
        verb = collection ? (isTrue(param(req, "watch")) ? QStringLiteral("watch") : QStringLiteral("list"))
                          : QStringLiteral("get");
    else if (req.method == "POST" && collection)
        verb = QStringLiteral("create");
    else if (req.method == "PUT" && !collection)
        verb = QStringLiteral("update");
    else if (req.method == "PATCH" && !collection)
        verb = QStringLiteral("patch");
    else if (req.method == "DELETE")
        verb = collection ? QStringLiteral("deletecollection") : QStringLiteral("delete");
    if (verb.isEmpty()) {
        sendStatus(res, 405, QStringLiteral("MethodNotAllowed"),
                   QStringLiteral("the server does not allow this method on the requested resource"));
        return;
    }
    faults.countRequest(verb);
    Subresource sub = Subresource::None;
    if (type.plural == QLatin1String("pods") && route.subresource == QLatin1String("log")) {
        if (verb != QLatin1String("get")) {
            sendStatus(res, 405, QStringLiteral("MethodNotAllowed"),
                       QStringLiteral("the server does not allow this method on the requested resource"));
            return;
        }
        if (!mayAccessSubresource(who, verb, true, route.ns, type.plural, route.subresource,
                                  faults.podLogsForbidden())) {
            sendStatus(
                res, 403, QStringLiteral("Forbidden"),
                QStringLiteral("pods \"%1\" is forbidden: User \"%2\" cannot get resource \"pods/log\" in API "
                               "group \"\" in the namespace \"%3\"")
                    .arg(route.name, who.user, route.ns),
                QJsonObject{{QStringLiteral("name"), route.name}, {QStringLiteral("kind"), QStringLiteral("pods")}});
            return;
        }
        sendPodLog(route, req, res);
        return;
    }
    if (!route.subresource.isEmpty()) {
        if (route.subresource != QLatin1String("status")
            || !(type.statusSubresource || type.plural == QLatin1String("namespaces"))
            || (verb != QLatin1String("get") && verb != QLatin1String("update") && verb != QLatin1String("patch"))) {
            sendStatus(res, 404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
            return;
        }
        sub = Subresource::Status;
    }
    if (!mayAccess(who, verb, type.namespaced, route.ns)) {
        QString target = collection ? QString() : QStringLiteral(" \"%1\"").arg(route.name);
        QString message
            = QStringLiteral("%1%2 is forbidden: User \"%3\" cannot %4 resource \"%5\" in API group \"%6\"")
                  .arg(type.qualifiedName(), target, who.user, verb,
                       sub == Subresource::Status ? type.plural + QStringLiteral("/status") : type.plural, type.group);
        if (type.namespaced && !route.ns.isEmpty())
            message += QStringLiteral(" in the namespace \"%1\"").arg(route.ns);
        else
            message += QStringLiteral(" at the cluster scope");
        QJsonObject details{{QStringLiteral("kind"), type.plural}};
        if (!route.name.isEmpty())
            details.insert(QStringLiteral("name"), route.name);
        if (!type.group.isEmpty())
            details.insert(QStringLiteral("group"), type.group);
        sendStatus(res, 403, QStringLiteral("Forbidden"), message, details);
        return;
    }
    if (verb == QLatin1String("watch")) {
        startWatch(route, req, res);
        return;
    }
    // kubectl get asks for a Table: the columns it prints come from the server (a CRD's printer columns).
    const bool asTable = req.get_header_value("Accept").find("as=Table") != std::string::npos;
    const bool table = type.plural == QLatin1String("pods") && asTable;
    const QJsonArray printerColumns = asTable ? CustomResourceTable::printerColumns(type.plural) : QJsonArray();
    if (verb == QLatin1String("get")) {
        const StoreResult r = store.get(type.plural, route.ns, route.name);
        if (!printerColumns.isEmpty() && r.ok()) {
            const QString rv = r.object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("resourceVersion"))
                                   .toString();
            sendJson(res, 200,
                     CustomResourceTable::render(QJsonArray{r.object}, printerColumns, rv, param(req, "includeObject"),
                                                 clock().nowMs()));
            return;
        }
        if (table && r.ok()) {
            sendJson(res, 200,
                     PodTable::render(QJsonArray{r.object},
                                      r.object.value(QLatin1String("metadata"))
                                          .toObject()
                                          .value(QLatin1String("resourceVersion"))
                                          .toString(),
                                      param(req, "includeObject"), clock().nowMs()));
            return;
        }
        sendJson(res, r.code, r.object);
        return;
    }
    if (verb == QLatin1String("list")) {
        ListOptions listOpts;
        listOpts.labelSelector = param(req, "labelSelector");
        listOpts.fieldSelector = param(req, "fieldSelector");
        listOpts.limit = param(req, "limit").toInt();
        listOpts.continueToken = param(req, "continue");
        const StoreResult r = store.list(type.plural, route.ns, listOpts);
        if (!printerColumns.isEmpty() && r.ok()) {
            QJsonObject rendered = CustomResourceTable::render(
                r.object.value(QLatin1String("items")).toArray(), printerColumns,
                r.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString(),
                param(req, "includeObject"), clock().nowMs());
            rendered.insert(QStringLiteral("metadata"), r.object.value(QLatin1String("metadata")));
            sendJson(res, 200, rendered);
            return;
        }
        if (table && r.ok()) {
            QJsonObject rendered = PodTable::render(
                r.object.value(QLatin1String("items")).toArray(),
                r.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString(),
                param(req, "includeObject"), clock().nowMs());
            rendered.insert(QStringLiteral("metadata"), r.object.value(QLatin1String("metadata")));
            sendJson(res, 200, rendered);
            return;
        }
        sendJson(res, r.code, r.object);
        return;
    }

    WriteOptions writeOpts;
    writeOpts.dryRun = param(req, "dryRun") == QLatin1String("All");
    writeOpts.subresource = sub;
    QJsonParseError parseError{};
    const QByteArray bodyBytes = QByteArray::fromStdString(req.body);
    const QJsonDocument body
        = bodyBytes.trimmed().isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(bodyBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        sendStatus(res, 400, QStringLiteral("BadRequest"),
                   QStringLiteral("the body of the request could not be decoded: %1").arg(parseError.errorString()));
        return;
    }

    StoreResult r;
    if (verb == QLatin1String("create")) {
        if (!body.isObject()) {
            sendStatus(res, 400, QStringLiteral("BadRequest"), QStringLiteral("the request body must be an object"));
            return;
        }
        QJsonObject object = body.object();
        if (type.statusSubresource)
            object.remove(QStringLiteral("status")); // the API server resets status on create
        if (!writeOpts.creationTimestamp.isValid()) // the cluster's clock, not the wall clock
            writeOpts.creationTimestamp = QDateTime::fromMSecsSinceEpoch(clock().nowMs(), Qt::UTC);
        r = store.create(type.plural, route.ns, object, writeOpts);
    } else if (verb == QLatin1String("update")) {
        r = store.update(type.plural, route.ns, route.name, body.object(), writeOpts);
    } else if (verb == QLatin1String("patch")) {
        const std::string contentType = req.get_header_value("Content-Type");
        const auto is = [&](const char *prefix) { return contentType.rfind(prefix, 0) == 0; };
        if (is("application/json-patch+json")) {
            r = store.jsonPatch(type.plural, route.ns, route.name, body.array(), writeOpts);
        } else if (is("application/merge-patch+json")
                   || (is("application/strategic-merge-patch+json") && type.group.isEmpty())) {
            r = store.mergePatch(type.plural, route.ns, route.name, body.object(), writeOpts);
        } else {
            sendStatus(res, 415, QStringLiteral("UnsupportedMediaType"),
                       QStringLiteral("the body of the request was in an unknown format - accepted media types "
                                      "include: application/json-patch+json, application/merge-patch+json"));
            return;
        }
    } else if (verb == QLatin1String("delete") || verb == QLatin1String("deletecollection")) {
        const QJsonObject deleteOptions = body.object();
        const QJsonObject preconditions = deleteOptions.value(QStringLiteral("preconditions")).toObject();
        writeOpts.preconditionUid = preconditions.value(QStringLiteral("uid")).toString();
        writeOpts.preconditionResourceVersion = preconditions.value(QStringLiteral("resourceVersion")).toString();
        if (deleteOptions.value(QStringLiteral("dryRun")).toArray().contains(QStringLiteral("All")))
            writeOpts.dryRun = true;
        if (verb == QLatin1String("delete")) {
            r = store.remove(type.plural, route.ns, route.name, writeOpts);
        } else {
            ListOptions listOptions;
            listOptions.labelSelector = param(req, "labelSelector");
            listOptions.fieldSelector = param(req, "fieldSelector");
            r = store.list(type.plural, route.ns, listOptions);
            if (r.ok()) {
                QJsonArray deleted;
                for (const QJsonValue &item : r.object.value(QStringLiteral("items")).toArray()) {
                    const QJsonObject meta = item.toObject().value(QStringLiteral("metadata")).toObject();
                    const StoreResult one
                        = store.remove(type.plural, meta.value(QStringLiteral("namespace")).toString(),
                                       meta.value(QStringLiteral("name")).toString(), writeOpts);
                    if (one.ok())
                        deleted.append(one.object);
                }
                r.object.insert(QStringLiteral("items"), deleted);
            }
        }
    }
    if (simulation && r.ok() && !writeOpts.dryRun && type.plural == QLatin1String("pods")) {
        if (verb == QLatin1String("delete")) {
            simulation->podDeletedByClient(route.ns, route.name);
        } else if (verb == QLatin1String("deletecollection")) {
            for (const QJsonValue &item : r.object.value(QStringLiteral("items")).toArray()) {
                const QJsonObject meta = item.toObject().value(QStringLiteral("metadata")).toObject();
                simulation->podDeletedByClient(meta.value(QStringLiteral("namespace")).toString(),
                                               meta.value(QStringLiteral("name")).toString());
            }
        }
    }
    qCDebug(lcSandboxServer) << verb << type.plural << route.ns << route.name << "->" << r.code;
    sendJson(res, r.code, r.object);
}

void SandboxServer::Private::sendPodLog(const Route &route, const httplib::Request &req, httplib::Response &res)
{
    PodLogRequest request;
    request.ns = route.ns;
    request.pod = route.name;
    request.container = param(req, "container");
    request.previous = isTrue(param(req, "previous"));
    request.timestamps = isTrue(param(req, "timestamps"));
    const bool follow = isTrue(param(req, "follow"));
    // PodLogOptions validation, with the API server's messages.
    QStringList invalid;
    const auto integer = [&](const char *name, qint64 minimum, qint64 *out) {
        const QString text = param(req, name);
        if (text.isEmpty())
            return true;
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok) {
            sendStatus(res, 400, QStringLiteral("BadRequest"),
                       QStringLiteral("PodLogOptions in version \"v1\" cannot be handled as a PodLogOptions: "
                                      "strconv.ParseInt: parsing \"%1\": invalid syntax")
                           .arg(text));
            return false;
        }
        if (value < minimum)
            invalid.append(QStringLiteral("%1: Invalid value: %2: must be greater than %3")
                               .arg(QLatin1String(name))
                               .arg(value)
                               .arg(minimum == 0 ? QStringLiteral("or equal to 0") : QStringLiteral("0")));
        *out = value;
        return true;
    };
    qint64 sinceSeconds = -1;
    if (!integer("tailLines", 0, &request.tailLines) || !integer("sinceSeconds", 1, &sinceSeconds)
        || !integer("limitBytes", 1, &request.limitBytes))
        return;
    const QString sinceTime = param(req, "sinceTime");
    if (sinceSeconds >= 0 && !sinceTime.isEmpty())
        invalid.append(QStringLiteral("sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be "
                                      "specified"));
    if (!invalid.isEmpty()) {
        QJsonArray causes;
        for (const QString &message : std::as_const(invalid))
            causes.append(QJsonObject{{QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                                      {QStringLiteral("message"), message.section(QLatin1String(": "), 1)},
                                      {QStringLiteral("field"), message.section(QLatin1String(": "), 0, 0)}});
        sendStatus(
            res, 422, QStringLiteral("Invalid"),
            QStringLiteral("PodLogOptions \"%1\" is invalid: %2").arg(route.name, invalid.join(QLatin1String(", "))),
            QJsonObject{{QStringLiteral("name"), route.name},
                        {QStringLiteral("kind"), QStringLiteral("PodLogOptions")},
                        {QStringLiteral("causes"), causes}});
        return;
    }
    const qint64 now = clock().nowMs();
    if (sinceSeconds > 0)
        request.sinceMs = now - sinceSeconds * 1000;
    if (!sinceTime.isEmpty()) {
        const QDateTime t = QDateTime::fromString(sinceTime, Qt::ISODateWithMs);
        if (!t.isValid()) {
            sendStatus(
                res, 400, QStringLiteral("BadRequest"),
                QStringLiteral("parsing time \"%1\" as \"2006-01-02T15:04:05Z07:00\": cannot parse").arg(sinceTime));
            return;
        }
        request.sinceMs = t.toMSecsSinceEpoch();
    }
    PodLogResult first;
    if (simulation)
        first = simulation->podLog(request);
    else
        first.code = 404;
    if (first.code == 404) {
        // A pod the simulation does not run (created by a client): its containers never start.
        const StoreResult stored = store.get(QStringLiteral("pods"), route.ns, route.name);
        if (!stored.ok()) {
            sendJson(res, stored.code, stored.object);
            return;
        }
        const QJsonArray containers
            = stored.object.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray();
        const QString container = request.container.isEmpty()
            ? containers.at(0).toObject().value(QLatin1String("name")).toString()
            : request.container;
        sendStatus(res, 400, QStringLiteral("BadRequest"),
                   QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: ContainerCreating")
                       .arg(container, route.name));
        return;
    }
    if (first.code >= 400) {
        sendJson(res, first.code, first.status);
        return;
    }
    res.status = 200;
    res.set_header("Cache-Control", "no-cache, private");
    if (!follow) {
        res.set_content(first.body.toStdString(), "text/plain");
        return;
    }
    // Streamed as the API server does: chunks as lines are written, the end when the container ends.
    struct FollowState
    {
        PodLogRequest request;
        PodLogResult last;
        bool sentFirst = false;
        qint64 bytesLeft = -1;
        quint64 serverGeneration = 0;
        int fd = -1;
    };
    auto st = std::make_shared<FollowState>();
    st->request = request;
    st->last = first;
    st->bytesLeft = request.limitBytes;
    st->serverGeneration = serverGeneration;
    st->fd = req.ssl ? SSL_get_fd(req.ssl) : -1;
    const_cast<httplib::Request &>(req).headers.erase("Accept-Encoding"); // as for watches: no buffering
    res.set_chunked_content_provider("text/plain", [this, st](size_t, httplib::DataSink &sink) {
        if (st->serverGeneration != serverGeneration)
            return false;
        const auto send = [&](QByteArray body) {
            if (st->bytesLeft >= 0) {
                body.truncate(qsizetype(std::min<qint64>(body.size(), st->bytesLeft)));
                st->bytesLeft -= body.size();
            }
            return body.isEmpty() || sink.write(body.constData(), size_t(body.size()));
        };
        if (!st->sentFirst) {
            st->sentFirst = true;
            if (!send(st->last.body))
                return false;
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (peerClosed(st->fd))
                return false;
            PodLogRequest next = st->request;
            const PodLogCursor cursor = st->last.cursor;
            const PodLogResult r = simulation->podLog(next, &cursor);
            st->last = r;
            if (r.code >= 400)
                st->last.running = false; // the pod is gone
            else if (!send(r.body))
                return false;
        }
        if (!st->last.running || st->bytesLeft == 0)
            sink.done();
        return true;
    });
}

void SandboxServer::Private::startWatch(const Route &route, const httplib::Request &req, httplib::Response &res)
{
    auto st = std::make_shared<WatchState>();
    st->type = route.type;
    st->ns = route.ns;
    QString error;
    if (!st->labels.parse(param(req, "labelSelector"), &error)
        || !st->fields.parse(param(req, "fieldSelector"), route.type->selectableFields, &error)) {
        sendStatus(res, 400, QStringLiteral("BadRequest"), error);
        return;
    }
    st->table = route.type->plural == QLatin1String("pods")
        && req.get_header_value("Accept").find("as=Table") != std::string::npos;
    st->includeObject = param(req, "includeObject");
    const QString rv = param(req, "resourceVersion");
    if (rv.isEmpty() || rv == QLatin1String("0")) {
        QList<QJsonObject> objects;
        st->cursor = store.snapshot(route.type->plural, route.ns, &objects);
        for (const QJsonObject &o : std::as_const(objects)) {
            if (st->matches(o))
                st->pending.push_back(watchLine(*st, QStringLiteral("ADDED"), o));
        }
    } else {
        bool ok = false;
        st->cursor = rv.toULongLong(&ok);
        if (!ok) {
            sendStatus(res, 400, QStringLiteral("BadRequest"), QStringLiteral("invalid resource version: %1").arg(rv));
            return;
        }
    }
    st->bookmarks = isTrue(param(req, "allowWatchBookmarks"));
    const int timeoutSeconds = param(req, "timeoutSeconds").toInt();
    const auto now = Clock::now();
    st->deadline = now + std::chrono::seconds(timeoutSeconds > 0 ? timeoutSeconds : 1800);
    st->nextBookmark = now + std::chrono::milliseconds(faults.bookmarkIntervalMs());
    st->dropGeneration = faults.dropGeneration();
    st->expireGeneration = faults.expireGeneration();
    st->serverGeneration = serverGeneration;
    st->fd = req.ssl ? SSL_get_fd(req.ssl) : -1;
    // cpp-httplib would gzip an application/json stream for clients that accept it, and zlib holds
    // small events back until its buffer fills. Watch events must go out as they happen, so this
    // response is never compressed: httplib decides from the request it passed us as const (the
    // object itself is not const).
    const_cast<httplib::Request &>(req).headers.erase("Accept-Encoding");
    res.status = 200;
    res.set_header("Cache-Control", "no-cache, private");
    ++openWatches;
    res.set_chunked_content_provider(
        "application/json", [this, st](size_t, httplib::DataSink &sink) { return watchStep(*st, sink); },
        [this](bool) { --openWatches; });
    qCDebug(lcSandboxServer) << "watch" << route.type->plural << route.ns << "from" << st->cursor;
}

QByteArray SandboxServer::Private::bookmarkLine(const WatchState &st) const
{
    return eventLine(
        QStringLiteral("BOOKMARK"),
        {{QStringLiteral("kind"), st.type->kind},
         {QStringLiteral("apiVersion"), st.type->apiVersion()},
         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString::number(st.cursor)}}}});
}

bool SandboxServer::Private::translate(const WatchState &st, const WatchEvent &event, QByteArray *line) const
{
    const bool now = st.matches(event.object);
    if (event.type == QLatin1String("MODIFIED")) {
        const bool before = st.matches(event.previous);
        if (now && before)
            *line = watchLine(st, event.type, event.object);
        else if (now)
            *line = watchLine(st, QStringLiteral("ADDED"), event.object);
        else if (before)
            *line = watchLine(st, QStringLiteral("DELETED"), event.object);
        else
            return false;
        return true;
    }
    if (!now)
        return false;
    *line = watchLine(st, event.type, event.object);
    return true;
}

QByteArray SandboxServer::Private::watchLine(const WatchState &st, const QString &type, const QJsonObject &object) const
{
    if (!st.table)
        return eventLine(type, object);
    const qint64 now = simulation ? simulation->clock().nowMs() : ownClock->nowMs();
    const QString rv
        = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    return eventLine(type, PodTable::render(QJsonArray{object}, rv, st.includeObject, now));
}

QByteArray SandboxServer::Private::nextWatchLine(WatchState &st)
{
    if (!st.pending.empty())
        return st.pending.front();
    std::vector<WatchEvent> events;
    quint64 scannedTo = 0;
    quint64 oldest = 0;
    if (store.eventsSince(st.cursor, st.type->plural, st.ns, 50, &events, &scannedTo, &oldest)) {
        for (const WatchEvent &e : events) {
            QByteArray line;
            if (translate(st, e, &line))
                return line;
        }
    }
    return bookmarkLine(st);
}

bool SandboxServer::Private::watchStep(WatchState &st, httplib::DataSink &sink)
{
    const auto write = [&](const QByteArray &line) { return sink.write(line.constData(), size_t(line.size())); };
    if (st.serverGeneration != serverGeneration)
        return false; // stop() or restart(): drop the connection
    if (faults.dropGeneration() != st.dropGeneration) {
        if (faults.dropMidEvent()) {
            const QByteArray line = nextWatchLine(st);
            write(line.left(std::max<qsizetype>(1, line.size() / 2)));
        }
        qCDebug(lcSandboxServer) << "dropping a watch stream (injected)";
        return false;
    }
    if (faults.expireGeneration() != st.expireGeneration) {
        write(expiredLine(
            QStringLiteral("too old resource version: %1 (%2)").arg(st.cursor).arg(store.currentResourceVersion())));
        sink.done();
        return true;
    }
    if (faults.watchesSilent()) {
        store.waitForChange(std::numeric_limits<quint64>::max(), std::chrono::milliseconds(200));
        return !peerClosed(st.fd);
    }
    if (!st.pending.empty()) {
        QByteArray chunk;
        for (int i = 0; i < 100 && !st.pending.empty(); ++i) {
            chunk += st.pending.front();
            st.pending.pop_front();
        }
        return write(chunk);
    }
    const auto now = Clock::now();
    if (now >= st.deadline) {
        sink.done();
        return true;
    }
    std::vector<WatchEvent> events;
    quint64 scannedTo = st.cursor;
    quint64 oldest = 0;
    if (!store.eventsSince(st.cursor, st.type->plural, st.ns, 200, &events, &scannedTo, &oldest)) {
        write(expiredLine(QStringLiteral("too old resource version: %1 (%2)").arg(st.cursor).arg(oldest)));
        sink.done();
        return true;
    }
    QByteArray chunk;
    for (const WatchEvent &e : events) {
        QByteArray line;
        if (translate(st, e, &line))
            chunk += line;
    }
    st.cursor = scannedTo;
    if (!chunk.isEmpty())
        return write(chunk);
    if (st.bookmarks && now >= st.nextBookmark) {
        st.nextBookmark = now + std::chrono::milliseconds(faults.bookmarkIntervalMs());
        return write(bookmarkLine(st));
    }
    if (peerClosed(st.fd))
        return false;
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(st.deadline - now);
    if (st.bookmarks)
        wait = std::min(wait, std::chrono::duration_cast<std::chrono::milliseconds>(st.nextBookmark - now));
    wait = std::clamp(wait, std::chrono::milliseconds(1), std::chrono::milliseconds(250));
    store.waitForChange(st.cursor, wait);
    return true;
}

SandboxServer::SandboxServer(const SandboxOptions &options)
    : d(std::make_unique<Private>())
{
    d->options = options;
    d->ownClock = std::make_unique<VirtualClock>(options.speed, options.clockOffsetMs);
    d->faults.setWakeUp([store = &d->store] { store->wakeWatchers(); });
}

SandboxServer::~SandboxServer()
{
    stop();
    d->faults.setWakeUp({});
}

bool SandboxServer::start(QString *error)
{
    std::lock_guard lock(d->lifecycleMutex);
    return d->startLocked(error);
}

void SandboxServer::stop()
{
    std::lock_guard lock(d->lifecycleMutex);
    d->stopLocked();
}

bool SandboxServer::restart(QString *error)
{
    std::lock_guard lock(d->lifecycleMutex);
    d->stopLocked();
    return d->startLocked(error);
}

bool SandboxServer::isRunning() const
{
    return d->running;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

int SandboxServer::openWatchCount() const
{
    return d->openWatches;
}

QString SandboxServer::serverUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(d->port.load());
}

QByteArray SandboxServer::caCertificatePem() const
{
    return d->ca.caCertificatePem();
}

QString SandboxServer::issueToken(const QDateTime &expiresAt)
{
    const QString token = randomToken();
    const std::lock_guard lock(d->issuedMutex);
    d->issuedTokens.insert(token, expiresAt);
    return token;
}

QString SandboxServer::adminToken() const
{
    return d->adminToken;
}

QString SandboxServer::readOnlyToken() const
{
    return d->readOnlyToken;
}

QString SandboxServer::teamToken() const
{
    return d->teamToken;
}

QString SandboxServer::teamNamespace()
{
    return kTeamNamespace;
}

QByteArray SandboxServer::clientCertificatePem() const
{
    return d->ca.clientCertificatePem();
}

QByteArray SandboxServer::clientKeyPem() const
{
    return d->ca.clientKeyPem();
}

QByteArray SandboxServer::kubeconfigYaml() const
{
    const QByteArray caData = caCertificatePem().toBase64();
    QByteArray y;
    y += "apiVersion: v1\nkind: Config\n";
    y += "clusters:\n- name: sandbox\n  cluster:\n";
    y += "    server: " + serverUrl().toUtf8() + "\n";
    y += "    certificate-authority-data: " + caData + "\n";
    y += "users:\n";
    y += "- name: sandbox-admin\n  user:\n    token: " + d->adminToken.toUtf8() + "\n";
    y += "- name: sandbox-cert\n  user:\n";
    y += "    client-certificate-data: " + clientCertificatePem().toBase64() + "\n";
    y += "    client-key-data: " + clientKeyPem().toBase64() + "\n";
    y += "- name: sandbox-readonly\n  user:\n    token: " + d->readOnlyToken.toUtf8() + "\n";
    y += "- name: sandbox-team\n  user:\n    token: " + d->teamToken.toUtf8() + "\n";
    y += "contexts:\n";
    for (const auto &[context, user, ns] :
         {std::tuple{"sandbox", "sandbox-admin", "default"}, std::tuple{"sandbox-cert", "sandbox-cert", "default"},
          std::tuple{"sandbox-readonly", "sandbox-readonly", "default"},
          std::tuple{"sandbox-team", "sandbox-team", "flink-jobs"}}) {
        y += QByteArray("- name: ") + context + "\n  context:\n    cluster: sandbox\n    user: " + user
            + "\n    namespace: " + ns + "\n";
    }
    y += "current-context: sandbox\npreferences: {}\n";
    return y;
}

bool SandboxServer::writeKubeconfig(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(kubeconfigYaml());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

ResourceStore &SandboxServer::store()
{
    return d->store;
}

FaultPlan &SandboxServer::faults()
{
    return d->faults;
}

VirtualClock &SandboxServer::clock()
{
    return d->clock();
}

OperatorSimulation *SandboxServer::operatorSimulation()
{
    return d->simulation.get();
}

VvpPlatform *SandboxServer::vvpPlatform()
{
    return d->vvp.get();
}

quint16 SandboxServer::vvpPort() const
{
    return d->vvpServer ? d->vvpPort.load() : quint16(0);
}

QString SandboxServer::vvpToken() const
{
    return d->vvpToken;
}

bool SandboxServer::writeVvpToken(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(d->vvpToken.toUtf8() + '\n');
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace capstan::sandbox
