// The sandbox API server over real HTTPS: TLS verified against its CA, auth, CRUD, watch, faults, kubectl.
#include "common/kubectlrunner.h"
#include "common/sanitizers.h"
#include "sandbox/faultplan.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace capstan::sandbox;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QByteArray retryAfter;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

// Collects the NDJSON lines of one watch stream.
class WatchClient
{
public:
    std::unique_ptr<QNetworkReply> reply;
    QList<QJsonObject> events;
    QByteArray buffer;
    bool finished = false;

    void attach(QNetworkReply *r)
    {
        reply.reset(r);
        QObject::connect(r, &QNetworkReply::readyRead, r, [this] {
            buffer += reply->readAll();
            qsizetype nl = 0;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                events.append(QJsonDocument::fromJson(buffer.left(nl)).object());
                buffer.remove(0, nl + 1);
            }
        });
        QObject::connect(r, &QNetworkReply::finished, r, [this] { finished = true; });
    }

    QStringList types() const
    {
        QStringList t;
        for (const QJsonObject &e : events)
            t.append(e.value(QLatin1String("type")).toString());
        return t;
    }

    QStringList typesWithoutBookmarks() const
    {
        QStringList t = types();
        t.removeAll(QStringLiteral("BOOKMARK"));
        return t;
    }
};

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QLatin1String(item));
    return list;
}

QJsonObject configMap(const QString &name, const QJsonObject &labels = {})
{
    return {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}};
}

QString meta(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String("metadata")).toObject().value(QLatin1String(field)).toVariant().toString();
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unauthorizedWithoutToken();
    void readOnlyTokenCannotWrite();
    void teamTokenKeepsToItsNamespace();
    void clientCertificateIsAdmin();
    void discovery();
    void createGetListWithPagingAndSelectors();
    void mergePatchWithStaleResourceVersionConflicts();
    void generationFollowsSpecOnly();
    void jsonPatch();
    void dryRunStoresNothing();
    void watchDeliversEventsAndBookmarks();
    void watchFromCompactedVersionGets410();
    void droppedWatchEndsMidEvent();
    void failNextRequestsWithRetryAfter();
    void restartKeepsObjectsAndPort();
    void kubectl();

private:
    Reply request(const QByteArray &method, const QString &path, const QByteArray &token,
                  const QJsonDocument &body = {}, const QByteArray &contentType = "application/json",
                  QNetworkAccessManager *nam = nullptr);
    Reply admin(const QByteArray &method, const QString &path, const QJsonDocument &body = {},
                const QByteArray &contentType = "application/json")
    {
        return request(method, path, m_server->adminToken().toLatin1(), body, contentType);
    }
    QNetworkRequest makeRequest(const QString &path, const QByteArray &token) const;
    void openWatch(WatchClient *watch, const QString &path);

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    QNetworkAccessManager m_certNam;
    QSslConfiguration m_ssl;
};

void TestSandboxServer::initTestCase()
{
    SandboxOptions options;
    options.deployments = -1;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(m_server->isRunning());
    QVERIFY(m_server->port() > 0);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromData(m_server->caCertificatePem(), QSsl::Pem));
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QCOMPARE(m_ssl.caCertificates().size(), 1);
}

void TestSandboxServer::cleanupTestCase()
{
    m_server.reset();
}

QNetworkRequest TestSandboxServer::makeRequest(const QString &path, const QByteArray &token) const
{
    QNetworkRequest req(QUrl(m_server->serverUrl() + path));
    req.setSslConfiguration(m_ssl);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    req.setRawHeader("Accept", "application/json");
    return req;
}

Reply TestSandboxServer::request(const QByteArray &method, const QString &path, const QByteArray &token,
                                 const QJsonDocument &body, const QByteArray &contentType, QNetworkAccessManager *nam)
{
    QNetworkRequest req = makeRequest(path, token);
    if (nam == &m_certNam) {
        QSslConfiguration ssl = m_ssl;
        ssl.setLocalCertificate(QSslCertificate(m_server->clientCertificatePem(), QSsl::Pem));
        ssl.setPrivateKey(QSslKey(m_server->clientKeyPem(), QSsl::Ec, QSsl::Pem));
        req.setSslConfiguration(ssl);
    }
    const QByteArray payload = body.isNull() ? QByteArray() : body.toJson(QJsonDocument::Compact);
    if (!payload.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = (nam ? nam : &m_nam)->sendCustomRequest(req, method, payload);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    r.retryAfter = reply->rawHeader("Retry-After");
    r.error = reply->error();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        qWarning() << "request failed:" << method << path << reply->errorString();
    reply->deleteLater();
    return r;
}

void TestSandboxServer::openWatch(WatchClient *watch, const QString &path)
{
    QNetworkRequest req = makeRequest(path, m_server->adminToken().toLatin1());
    watch->attach(m_nam.get(req));
}

void TestSandboxServer::unauthorizedWithoutToken()
{
    Reply r = request("GET", QStringLiteral("/api/v1/namespaces"), {});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body.value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
    QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("Unauthorized"));
    QCOMPARE(r.body.value(QLatin1String("code")).toInt(), 401);
    r = request("GET", QStringLiteral("/api/v1/namespaces"), "not-a-token");
    QCOMPARE(r.status, 401);
}

void TestSandboxServer::readOnlyTokenCannotWrite()
{
    const QByteArray token = m_server->readOnlyToken().toLatin1();
    QVERIFY(token != m_server->adminToken().toLatin1());
    Reply r
        = request("GET", QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments"), token);
    QCOMPARE(r.status, 200);
    r = request("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), token,
                QJsonDocument(configMap(QStringLiteral("ro-test"))));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("Forbidden"));
    QCOMPARE(r.body.value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
    r = request(
        "PATCH", QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments/github-analytics"),
        token, QJsonDocument(QJsonObject{{QStringLiteral("spec"), QJsonObject()}}), "application/merge-patch+json");
    QCOMPARE(r.status, 403);
    const QJsonObject details = r.body.value(QLatin1String("details")).toObject();
    QCOMPARE(details.value(QLatin1String("name")).toString(), QStringLiteral("github-analytics"));
    QCOMPARE(details.value(QLatin1String("group")).toString(), QStringLiteral("flink.apache.org"));
}

void TestSandboxServer::teamTokenKeepsToItsNamespace()
{
    const QByteArray token = m_server->teamToken().toLatin1();
    const QString ns = SandboxServer::teamNamespace();
    const QString deployments = QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/%1/flinkdeployments");
    QCOMPARE(request("GET", deployments.arg(ns), token).status, 200);
    Reply r = request("POST", QStringLiteral("/api/v1/namespaces/%1/configmaps").arg(ns), token,
                      QJsonDocument(configMap(QStringLiteral("team-test"))));
    QCOMPARE(r.status, 201);
    QCOMPARE(request("GET", deployments.arg(QStringLiteral("default")), token).status, 403);
    // Across namespaces is the cluster scope, which a RoleBinding does not reach.
    r = request("GET", QStringLiteral("/apis/flink.apache.org/v1beta1/flinkdeployments"), token);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body.value(QLatin1String("message")).toString(),
             QStringLiteral("flinkdeployments.flink.apache.org is forbidden: User \"sandbox-team\" cannot list "
                            "resource \"flinkdeployments\" in API group \"flink.apache.org\" at the cluster scope"));
    QCOMPARE(request("GET", QStringLiteral("/api/v1/namespaces"), token).status, 403);
    // The service proxy too: the JobManager of a job elsewhere is out of reach.
    r = request("GET", QStringLiteral("/api/v1/namespaces/default/services/github-analytics-rest:rest/proxy/overview"),
                token);
    QCOMPARE(r.status, 403);
    QVERIFY(r.body.value(QLatin1String("message")).toString().contains(QLatin1String("services/proxy")));
}

void TestSandboxServer::clientCertificateIsAdmin()
{
    Reply r = request("GET", QStringLiteral("/apis/flink.apache.org/v1beta1/flinkdeployments"), {}, {}, {}, &m_certNam);
    QCOMPARE(r.status, 200);
    r = request("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), {},
                QJsonDocument(configMap(QStringLiteral("cert-test"))), "application/json", &m_certNam);
    QCOMPARE(r.status, 201);
    QVERIFY(m_server->store()
                .get(QStringLiteral("configmaps"), QStringLiteral("default"), QStringLiteral("cert-test"))
                .ok());
}

void TestSandboxServer::discovery()
{
    Reply r = admin("GET", QStringLiteral("/version"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QLatin1String("major")).toString(), QStringLiteral("1"));
    r = admin("GET", QStringLiteral("/api"));
    QCOMPARE(r.body.value(QLatin1String("kind")).toString(), QStringLiteral("APIVersions"));
    r = admin("GET", QStringLiteral("/api/v1"));
    QStringList names;
    for (const QJsonValue &v : r.body.value(QLatin1String("resources")).toArray())
        names.append(v.toObject().value(QLatin1String("name")).toString());
    for (const char *n : {"namespaces", "events", "configmaps", "services"})
        QVERIFY2(names.contains(QLatin1String(n)), n);
    r = admin("GET", QStringLiteral("/apis"));
    QCOMPARE(r.body.value(QLatin1String("kind")).toString(), QStringLiteral("APIGroupList"));
    const QJsonObject group = r.body.value(QLatin1String("groups")).toArray().at(0).toObject();
    QCOMPARE(group.value(QLatin1String("name")).toString(), QStringLiteral("flink.apache.org"));
    r = admin("GET", QStringLiteral("/apis/flink.apache.org/v1beta1"));
    QCOMPARE(r.body.value(QLatin1String("groupVersion")).toString(), QStringLiteral("flink.apache.org/v1beta1"));
    QHash<QString, QString> shortNames;
    for (const QJsonValue &v : r.body.value(QLatin1String("resources")).toArray()) {
        const QJsonObject o = v.toObject();
        shortNames.insert(o.value(QLatin1String("name")).toString(),
                          o.value(QLatin1String("shortNames")).toArray().at(0).toString());
    }
    QCOMPARE(shortNames.value(QStringLiteral("flinkdeployments")), QStringLiteral("flinkdep"));
    QCOMPARE(shortNames.value(QStringLiteral("flinksessionjobs")), QStringLiteral("sessionjob"));
    QCOMPARE(shortNames.value(QStringLiteral("flinkstatesnapshots")), QStringLiteral("flinksnp"));
    QVERIFY(shortNames.contains(QStringLiteral("flinkdeployments/status")));
    // kubectl's client-side validation reads the OpenAPI document (served by the CRD registry).
    QCOMPARE(admin("GET", QStringLiteral("/openapi/v2")).status, 200);
    QCOMPARE(admin("GET", QStringLiteral("/openapi/v9")).status, 404);
}

void TestSandboxServer::createGetListWithPagingAndSelectors()
{
    QVERIFY(m_server->store()
                .create(QStringLiteral("namespaces"), {},
                        QJsonObject{{QStringLiteral("metadata"),
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("paging")}}}})
                .ok());
    for (int i = 0; i < 7; ++i) {
        const QJsonObject labels{{QStringLiteral("tier"), i % 2 ? QStringLiteral("odd") : QStringLiteral("even")},
                                 {QStringLiteral("idx"), QString::number(i)}};
        const Reply r
            = admin("POST", QStringLiteral("/api/v1/namespaces/paging/configmaps"),
                    QJsonDocument(configMap(QStringLiteral("cm-%1").arg(i), i == 6 ? QJsonObject() : labels)));
        QCOMPARE(r.status, 201);
        QVERIFY(!meta(r.body, "uid").isEmpty());
        QVERIFY(!meta(r.body, "resourceVersion").isEmpty());
        QVERIFY(meta(r.body, "creationTimestamp").endsWith(QLatin1Char('Z')));
    }
    Reply r = admin("POST", QStringLiteral("/api/v1/namespaces/paging/configmaps"),
                    QJsonDocument(configMap(QStringLiteral("cm-0"))));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("AlreadyExists"));
    r = admin("GET", QStringLiteral("/api/v1/namespaces/paging/configmaps/cm-3"));
    QCOMPARE(r.status, 200);
    QCOMPARE(meta(r.body, "name"), QStringLiteral("cm-3"));
    r = admin("GET", QStringLiteral("/api/v1/namespaces/paging/configmaps/nope"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("NotFound"));
    QCOMPARE(r.body.value(QLatin1String("message")).toString(), QStringLiteral("configmaps \"nope\" not found"));

    // Paging: 3 + 3 + 1.
    QStringList seen;
    QString token;
    int pages = 0;
    do {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("3"));
        if (!token.isEmpty())
            q.addQueryItem(QStringLiteral("continue"), token);
        r = admin("GET", QStringLiteral("/api/v1/namespaces/paging/configmaps?") + q.toString(QUrl::FullyEncoded));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMapList"));
        QVERIFY(!meta(r.body, "resourceVersion").isEmpty());
        for (const QJsonValue &v : r.body.value(QLatin1String("items")).toArray())
            seen.append(meta(v.toObject(), "name"));
        token = meta(r.body, "continue");
        ++pages;
    } while (!token.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 7);

    const auto names = [&](const QString &labelSelector, const QString &fieldSelector = {}) {
        QUrlQuery q;
        if (!labelSelector.isEmpty())
            q.addQueryItem(QStringLiteral("labelSelector"), labelSelector);
        if (!fieldSelector.isEmpty())
            q.addQueryItem(QStringLiteral("fieldSelector"), fieldSelector);
        const Reply lr
            = admin("GET", QStringLiteral("/api/v1/namespaces/paging/configmaps?") + q.toString(QUrl::FullyEncoded));
        QStringList n;
        for (const QJsonValue &v : lr.body.value(QLatin1String("items")).toArray())
            n.append(meta(v.toObject(), "name"));
        return n;
    };
    QCOMPARE(names(QStringLiteral("tier=odd")), sl({"cm-1", "cm-3", "cm-5"}));
    QCOMPARE(names(QStringLiteral("tier==even")), sl({"cm-0", "cm-2", "cm-4"}));
    QCOMPARE(names(QStringLiteral("tier!=odd")), sl({"cm-0", "cm-2", "cm-4", "cm-6"}));
    QCOMPARE(names(QStringLiteral("idx in (1, 2)")), sl({"cm-1", "cm-2"}));
    QCOMPARE(names(QStringLiteral("idx notin (0,1,2,3,4)")), sl({"cm-5", "cm-6"}));
    QCOMPARE(names(QStringLiteral("tier")).size(), 6);
    QCOMPARE(names(QStringLiteral("!tier")), sl({"cm-6"}));
    QCOMPARE(names(QStringLiteral("tier=odd,idx!=3")), sl({"cm-1", "cm-5"}));
    QCOMPARE(names({}, QStringLiteral("metadata.name=cm-4")), sl({"cm-4"}));
    r = admin("GET", QStringLiteral("/api/v1/namespaces/paging/configmaps?labelSelector=a%20b%20c"));
    QCOMPARE(r.status, 400);

    // All namespaces, and events by involvedObject.uid.
    r = admin("GET", QStringLiteral("/apis/flink.apache.org/v1beta1/flinkdeployments"));
    QCOMPARE(r.body.value(QLatin1String("items")).toArray().size(), 7); // with checkout-bluegreen-blue
    const Reply dep = admin(
        "GET", QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments/github-analytics"));
    const QString uid = meta(dep.body, "uid");
    r = admin("GET", QStringLiteral("/api/v1/namespaces/default/events?fieldSelector=involvedObject.uid%3D") + uid);
    QVERIFY(r.body.value(QLatin1String("items")).toArray().size() >= 2);
    for (const QJsonValue &v : r.body.value(QLatin1String("items")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("involvedObject")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("github-analytics"));
}

void TestSandboxServer::mergePatchWithStaleResourceVersionConflicts()
{
    const QString path
        = QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/flink-jobs/flinkdeployments/fraud-detector");
    const Reply before = admin("GET", path);
    const QString rv = meta(before.body, "resourceVersion");
    // Another client changes it.
    QVERIFY(m_server->store()
                .mergePatch(
                    QStringLiteral("flinkdeployments"), QStringLiteral("flink-jobs"), QStringLiteral("fraud-detector"),
                    QJsonObject{{QStringLiteral("metadata"),
                                 QJsonObject{{QStringLiteral("labels"),
                                              QJsonObject{{QStringLiteral("touched"), QStringLiteral("yes")}}}}}})
                .ok());
    const QJsonObject patch{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), rv}}},
                            {QStringLiteral("spec"),
                             QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 3}}}}}};
    Reply r = admin("PATCH", path, QJsonDocument(patch), "application/merge-patch+json");
    QCOMPARE(r.status, 409);
    QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("Conflict"));
    QCOMPARE(r.body.value(QLatin1String("code")).toInt(), 409);
    // With the current resourceVersion it goes through.
    QJsonObject fresh = patch;
    fresh.insert(QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("resourceVersion"), meta(admin("GET", path).body, "resourceVersion")}});
    r = admin("PATCH", path, QJsonDocument(fresh), "application/merge-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("job"))
                 .toObject()
                 .value(QLatin1String("parallelism"))
                 .toInt(),
             3);
}

void TestSandboxServer::generationFollowsSpecOnly()
{
    const QString path
        = QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments/github-analytics");
    const Reply before = admin("GET", path);
    const qint64 generation
        = before.body.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger();
    QVERIFY(generation >= 1);
    const auto generationOf = [](const Reply &r) {
        return r.body.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInteger();
    };
    Reply r = admin(
        "PATCH", path,
        QJsonDocument(QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("annotations"), QJsonObject{{QStringLiteral("a"), QStringLiteral("b")}}}}}}),
        "application/merge-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(generationOf(r), generation);
    QVERIFY(meta(r.body, "resourceVersion").toULongLong() > meta(before.body, "resourceVersion").toULongLong());
    // Status changes through the main resource are ignored; through /status they don't bump generation.
    r = admin("PATCH", path,
              QJsonDocument(QJsonObject{{QStringLiteral("status"),
                                         QJsonObject{{QStringLiteral("lifecycleState"), QStringLiteral("FAILED")}}}}),
              "application/merge-patch+json");
    QCOMPARE(r.body.value(QLatin1String("status")).toObject().value(QLatin1String("lifecycleState")).toString(),
             QStringLiteral("STABLE"));
    r = admin(
        "PATCH", path + QStringLiteral("/status"),
        QJsonDocument(QJsonObject{
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("lifecycleState"), QStringLiteral("UPGRADING")}}}}),
        "application/merge-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QLatin1String("status")).toObject().value(QLatin1String("lifecycleState")).toString(),
             QStringLiteral("UPGRADING"));
    QCOMPARE(generationOf(r), generation);
    r = admin("PATCH", path,
              QJsonDocument(
                  QJsonObject{{QStringLiteral("spec"),
                               QJsonObject{{QStringLiteral("job"), QJsonObject{{QStringLiteral("parallelism"), 2}}}}}}),
              "application/merge-patch+json");
    QCOMPARE(generationOf(r), generation + 1);
    QCOMPARE(r.body.value(QLatin1String("status")).toObject().value(QLatin1String("lifecycleState")).toString(),
             QStringLiteral("UPGRADING"));
    // PUT of a Flink object without resourceVersion is invalid.
    QJsonObject object = r.body;
    QJsonObject m = object.value(QLatin1String("metadata")).toObject();
    m.remove(QStringLiteral("resourceVersion"));
    object.insert(QStringLiteral("metadata"), m);
    r = admin("PUT", path, QJsonDocument(object));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("Invalid"));
    QCOMPARE(r.body.value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("causes"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("field"))
                 .toString(),
             QStringLiteral("metadata.resourceVersion"));
}

void TestSandboxServer::jsonPatch()
{
    const QString path = QStringLiteral(
        "/apis/flink.apache.org/v1beta1/namespaces/flink-jobs/flinkdeployments/clickstream-sessionizer");
    const QJsonArray ops{QJsonObject{{QStringLiteral("op"), QStringLiteral("test")},
                                     {QStringLiteral("path"), QStringLiteral("/spec/job/upgradeMode")},
                                     {QStringLiteral("value"), QStringLiteral("stateless")}},
                         QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                     {QStringLiteral("path"), QStringLiteral("/spec/job/parallelism")},
                                     {QStringLiteral("value"), 6}},
                         QJsonObject{{QStringLiteral("op"), QStringLiteral("add")},
                                     {QStringLiteral("path"), QStringLiteral("/spec/job/args/-")},
                                     {QStringLiteral("value"), QStringLiteral("--x")}},
                         QJsonObject{{QStringLiteral("op"), QStringLiteral("remove")},
                                     {QStringLiteral("path"), QStringLiteral("/spec/serviceAccount")}}};
    Reply r = admin("PATCH", path, QJsonDocument(ops), "application/json-patch+json");
    QCOMPARE(r.status, 200);
    const QJsonObject spec = r.body.value(QLatin1String("spec")).toObject();
    QCOMPARE(spec.value(QLatin1String("job")).toObject().value(QLatin1String("parallelism")).toInt(), 6);
    QCOMPARE(spec.value(QLatin1String("job")).toObject().value(QLatin1String("args")).toArray().last().toString(),
             QStringLiteral("--x"));
    QVERIFY(!spec.contains(QLatin1String("serviceAccount")));
    const QJsonArray failing{QJsonObject{{QStringLiteral("op"), QStringLiteral("test")},
                                         {QStringLiteral("path"), QStringLiteral("/spec/job/upgradeMode")},
                                         {QStringLiteral("value"), QStringLiteral("savepoint")}}};
    r = admin("PATCH", path, QJsonDocument(failing), "application/json-patch+json");
    QCOMPARE(r.status, 422);
}

void TestSandboxServer::dryRunStoresNothing()
{
    const quint64 rv = m_server->store().currentResourceVersion();
    Reply r = admin("POST", QStringLiteral("/api/v1/namespaces/default/configmaps?dryRun=All"),
                    QJsonDocument(configMap(QStringLiteral("dry"))));
    QCOMPARE(r.status, 201);
    QCOMPARE(meta(r.body, "name"), QStringLiteral("dry"));
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/dry")).status, 404);
    r = admin("PATCH",
              QStringLiteral(
                  "/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments/github-analytics?dryRun=All"),
              QJsonDocument(QJsonObject{
                  {QStringLiteral("spec"), QJsonObject{{QStringLiteral("image"), QStringLiteral("flink:2.0")}}}}),
              "application/merge-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QLatin1String("spec")).toObject().value(QLatin1String("image")).toString(),
             QStringLiteral("flink:2.0"));
    r = admin("DELETE",
              QStringLiteral(
                  "/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments/github-analytics?dryRun=All"));
    QCOMPARE(r.status, 200);
    r = admin("GET",
              QStringLiteral("/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments/github-analytics"));
    QCOMPARE(r.body.value(QLatin1String("spec")).toObject().value(QLatin1String("image")).toString(),
             QStringLiteral("flink:1.20"));
    QCOMPARE(m_server->store().currentResourceVersion(), rv);
}

void TestSandboxServer::watchDeliversEventsAndBookmarks()
{
    m_server->faults().setBookmarkIntervalMs(200);
    const quint64 rv = m_server->store().currentResourceVersion();
    WatchClient watch;
    openWatch(
        &watch,
        QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=%1")
            .arg(rv));
    QTRY_VERIFY(watch.types().contains(QStringLiteral("BOOKMARK")));
    const QJsonObject bookmark = watch.events.first();
    QCOMPARE(bookmark.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("ConfigMap"));
    QCOMPARE(meta(bookmark.value(QLatin1String("object")).toObject(), "resourceVersion"), QString::number(rv));

    ResourceStore &store = m_server->store();
    QVERIFY(store.create(QStringLiteral("configmaps"), QStringLiteral("default"), configMap(QStringLiteral("watched")))
                .ok());
    QVERIFY(
        store
            .mergePatch(QStringLiteral("configmaps"), QStringLiteral("default"), QStringLiteral("watched"),
                        QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v2")}}}})
            .ok());
    const StoreResult removed
        = store.remove(QStringLiteral("configmaps"), QStringLiteral("default"), QStringLiteral("watched"));
    QVERIFY(removed.ok());
    QTRY_COMPARE(watch.typesWithoutBookmarks(), sl({"ADDED", "MODIFIED", "DELETED"}));
    QList<quint64> versions;
    for (const QJsonObject &e : std::as_const(watch.events)) {
        if (e.value(QLatin1String("type")).toString() != QLatin1String("BOOKMARK"))
            versions.append(meta(e.value(QLatin1String("object")).toObject(), "resourceVersion").toULongLong());
    }
    QVERIFY(versions.at(0) < versions.at(1) && versions.at(1) < versions.at(2));
    QCOMPARE(versions.at(2), store.currentResourceVersion());

    // Without a resourceVersion the stream starts with the current objects.
    WatchClient initial;
    openWatch(&initial,
              QStringLiteral("/apis/flink.apache.org/v1beta1/"
                             "flinkdeployments?watch=true&labelSelector=app.kubernetes.io%2Fpart-of%3Dstreaming"));
    QTRY_COMPARE(initial.typesWithoutBookmarks().size(), 6); // with checkout-bluegreen-blue
    QVERIFY(!initial.typesWithoutBookmarks().contains(QStringLiteral("MODIFIED")));

    // timeoutSeconds ends the stream cleanly.
    WatchClient timed;
    openWatch(&timed,
              QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1&resourceVersion=%1")
                  .arg(store.currentResourceVersion()));
    QTRY_VERIFY_WITH_TIMEOUT(timed.finished, 4000);
    QCOMPARE(timed.reply->error(), QNetworkReply::NoError);
    m_server->faults().setBookmarkIntervalMs(5000);
}

void TestSandboxServer::watchFromCompactedVersionGets410()
{
    const quint64 old = m_server->store().currentResourceVersion();
    QVERIFY(
        m_server->store()
            .create(QStringLiteral("configmaps"), QStringLiteral("default"), configMap(QStringLiteral("compact-me")))
            .ok());
    m_server->store().compact();
    WatchClient watch;
    openWatch(&watch, QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=%1").arg(old));
    QTRY_VERIFY(watch.finished);
    QCOMPARE(watch.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(watch.events.size(), 1);
    QCOMPARE(watch.events.at(0).value(QLatin1String("type")).toString(), QStringLiteral("ERROR"));
    const QJsonObject status = watch.events.at(0).value(QLatin1String("object")).toObject();
    QCOMPARE(status.value(QLatin1String("code")).toInt(), 410);
    QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("Expired"));
    QVERIFY(status.value(QLatin1String("message"))
                .toString()
                .startsWith(QStringLiteral("too old resource version: %1 (").arg(old)));

    // An open stream told to expire.
    WatchClient live;
    openWatch(&live,
              QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=%1")
                  .arg(m_server->store().currentResourceVersion()));
    QTest::qWait(200); // let the stream open before the fault is armed
    m_server->faults().sendExpiredToWatches();
    QTRY_VERIFY(live.finished);
    QCOMPARE(live.types(), sl({"ERROR"}));
}

void TestSandboxServer::droppedWatchEndsMidEvent()
{
    WatchClient watch;
    openWatch(&watch,
              QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=%1")
                  .arg(m_server->store().currentResourceVersion()));
    QTest::qWait(200);
    m_server->faults().dropWatchStreams(true);
    QTRY_VERIFY(watch.finished);
    QVERIFY(watch.reply->error() != QNetworkReply::NoError);
    QVERIFY(watch.events.isEmpty());
}

void TestSandboxServer::failNextRequestsWithRetryAfter()
{
    const int listsBefore = m_server->faults().requestCount(QStringLiteral("list"));
    m_server->faults().failNextRequests(2, 429, 3);
    for (int i = 0; i < 2; ++i) {
        const Reply r = admin("GET", QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.retryAfter, QByteArray("3"));
        QCOMPARE(r.body.value(QLatin1String("reason")).toString(), QStringLiteral("TooManyRequests"));
    }
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/namespaces")).status, 200);
    QCOMPARE(m_server->faults().requestCount(QStringLiteral("list")), listsBefore + 1);
    m_server->faults().failNextRequests(1, 503);
    const Reply r = admin("GET", QStringLiteral("/api/v1/namespaces"));
    QCOMPARE(r.status, 503);
    QVERIFY(r.retryAfter.isEmpty());
}

void TestSandboxServer::restartKeepsObjectsAndPort()
{
    const quint16 port = m_server->port();
    QVERIFY(m_server->store()
                .create(QStringLiteral("configmaps"), QStringLiteral("default"), configMap(QStringLiteral("survivor")))
                .ok());
    WatchClient watch;
    openWatch(&watch,
              QStringLiteral("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=%1")
                  .arg(m_server->store().currentResourceVersion()));
    QTest::qWait(200);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(m_server->port(), port);
    QTRY_VERIFY(watch.finished);
    const Reply r = admin("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/survivor"));
    QCOMPARE(r.status, 200);
}

void TestSandboxServer::kubectl()
{
    CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES();
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QString error;
    QVERIFY2(m_server->writeKubeconfig(kubeconfig, &error), qPrintable(error));
    const capstan::test::KubectlRunner kubectlRunner(kubeconfig);
    const auto run = [&](const QStringList &args, QByteArray *out) {
        const auto r = kubectlRunner.run(args);
        *out = r.out;
        if (r.exitCode != 0)
            qWarning() << "kubectl" << args << r.err;
        return r.exitCode;
    };
    QByteArray out;
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/version")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QLatin1String("major")).toString(), QStringLiteral("1"));
    QCOMPARE(run({QStringLiteral("get"), QStringLiteral("flinkdeployments"), QStringLiteral("-A"), QStringLiteral("-o"),
                  QStringLiteral("json")},
                 &out),
             0);
    const QJsonArray items = QJsonDocument::fromJson(out).object().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 7); // with checkout-bluegreen-blue
    QCOMPARE(run({QStringLiteral("--context"), QStringLiteral("sandbox-cert"), QStringLiteral("get"),
                  QStringLiteral("flinkdep"), QStringLiteral("-n"), QStringLiteral("flink-jobs"), QStringLiteral("-o"),
                  QStringLiteral("name")},
                 &out),
             0);
    QVERIFY(out.contains("flinkdeployment.flink.apache.org/fraud-detector"));
    QVERIFY(run({QStringLiteral("--context"), QStringLiteral("sandbox-readonly"), QStringLiteral("delete"),
                 QStringLiteral("flinkdep"), QStringLiteral("github-analytics")},
                &out)
            != 0);

    // The team's user works in its namespace, the context's default, and nowhere else.
    const QString team = QStringLiteral("--context=sandbox-team");
    QCOMPARE(
        run({team, QStringLiteral("get"), QStringLiteral("flinkdep"), QStringLiteral("-o"), QStringLiteral("name")},
            &out),
        0);
    QVERIFY(out.contains("flinkdeployment.flink.apache.org/fraud-detector"));
    QCOMPARE(run({team, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("patch"),
                  QStringLiteral("flinkdeployments.flink.apache.org")},
                 &out),
             0);
    const auto refused
        = kubectlRunner.run({team, QStringLiteral("get"), QStringLiteral("flinkdep"), QStringLiteral("-A")});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("cannot list resource \"flinkdeployments\" in API group \"flink.apache.org\" at "
                                  "the cluster scope"),
             refused.err.constData());
    QVERIFY(
        run({team, QStringLiteral("get"), QStringLiteral("flinkdep"), QStringLiteral("-n"), QStringLiteral("default")},
            &out)
        != 0);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
