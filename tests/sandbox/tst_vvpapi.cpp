// The sandbox's Ververica Platform held against the Application Manager's API description (the reference
// data's vvp/appmanager-api-swagger-2.4.3.json, common/referencedata.h): every path and method it lists,
// requested through the real SandboxServer (HTTPS, the API server's service proxy) and on the platform's
// own port, each answer validated against the response schema by VvpApiDescription as the platform's
// answers are read (exact types, int32 ranges, enums, date-time and uuid formats, no null, and no field
// the description does not have). Then the
// platform's behaviour on a paused virtual clock: a STATEFUL upgrade, the feature-flag restart loop,
// Cancel and a LATEST_STATE start from the retained checkpoint, optimistic concurrency, Delete only when
// stopped, write-only secret values and deployment defaults merged into the job.
//
// A documented difference: Ververica writes spec.restoreStrategy.allowNonRestoredState, which the 2.4.3
// description lacks; the validator is told of it.

#include "common/referencedata.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/virtualclock.h"
#include "sandbox/vvpplatform.h"
#include "vvp/vvpapidescription.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace capstan;
using namespace capstan::sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSpec = u"vvp/appmanager-api-swagger-2.4.3.json"_s;
const QString kProxy = u"/api/v1/namespaces/vvp/services/vvp-ververica-platform:http/proxy"_s;
const QString kNs = u"/api/v1/namespaces/default"_s;

struct Reply
{
    int status = 0;
    QByteArray raw;
    QJsonObject body;
};

QJsonValue at(const QJsonValue &v, const QString &dotted)
{
    QJsonValue current = v;
    for (const QString &part : dotted.split(u'.'))
        current = current.toObject().value(part);
    return current;
}

QJsonObject deploymentBody(const QString &name, const QString &state, const QJsonObject &extraConfiguration = {},
                           const QString &restore = u"LATEST_STATE"_s)
{
    QJsonObject configuration{{u"high-availability"_s, u"vvp-kubernetes"_s},
                              {u"execution.checkpointing.interval"_s, u"10s"_s}};
    for (auto it = extraConfiguration.begin(); it != extraConfiguration.end(); ++it)
        configuration.insert(it.key(), it.value());
    return QJsonObject{
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"labels"_s, QJsonObject{{u"team"_s, u"tests"_s}}}}},
        {u"spec"_s,
         QJsonObject{{u"state"_s, state},
                     {u"upgradeStrategy"_s, QJsonObject{{u"kind"_s, u"STATEFUL"_s}}},
                     {u"restoreStrategy"_s, QJsonObject{{u"kind"_s, restore}, {u"allowNonRestoredState"_s, false}}},
                     {u"template"_s,
                      QJsonObject{{u"spec"_s,
                                   QJsonObject{{u"artifact"_s,
                                                QJsonObject{{u"kind"_s, u"JAR"_s},
                                                            {u"jarUri"_s, u"s3://artifacts/check/check-1.0.jar"_s},
                                                            {u"entryClass"_s, u"com.example.Check"_s},
                                                            {u"mainArgs"_s, u"--mode test"_s},
                                                            {u"flinkVersion"_s, u"1.17"_s}}},
                                               {u"parallelism"_s, 1},
                                               {u"flinkConfiguration"_s, configuration}}}}}}}};
}

} // namespace

class TestVvpApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyPathAndMethodMatchesTheDescription();
    void ownPortAsksForTheToken();
    void discoverableAsHelmPublishesIt();
    void statefulUpgradeTakesASavepointAndStartsANewJob();
    void featureFlagFailsInALoop();
    void cancelThenLatestStateRestoresTheRetainedCheckpoint();
    void aCopiedSavepointIsRestored();
    void staleResourceVersionIsAConflict();
    void deleteOnlyWhenStopped();
    void secretValuesAreNeverReturned();
    void defaultsAreMergedIntoTheJob();

private:
    Reply request(const QString &url, const QByteArray &method, const QJsonObject &body, const QByteArray &token);
    Reply api(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    Reply direct(const QByteArray &method, const QString &path, const QByteArray &token);
    void step(qint64 ms);
    // Steps the clock a second at a time until condition holds (at most maxMs): whether it did.
    bool stepUntil(const std::function<bool()> &condition, qint64 maxMs = 60000);
    QJsonObject deployment(const QString &name);
    QJsonArray items(const QString &path);
    QJsonObject jobOf(const QString &jobId);
    QStringList violations(const QString &templ, const QString &method, const QJsonValue &answer) const;

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QJsonObject m_spec;
    VvpApiDescription m_description;
};

void TestVvpApi::initTestCase()
{
    SandboxOptions options;
    options.deployments = -1;
    options.vvpPort = 0;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(m_server->vvpPlatform());
    QVERIFY(m_server->vvpPort() > 0);
    m_server->clock().setPaused(true);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromData(m_server->caCertificatePem(), QSsl::Pem));
    if (capstan::test::missingReference(kSpec).isEmpty()) {
        QFile file(capstan::test::referencePath(kSpec));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_spec = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(m_spec.value(u"swagger"_s).toString() == u"2.0"_s);
        // Documented by Ververica, missing from the 2.4.3 description.
        QJsonObject definitions = m_spec.value(u"definitions"_s).toObject();
        QJsonObject restore = definitions.value(u"DeploymentRestoreStrategy"_s).toObject();
        QJsonObject properties = restore.value(u"properties"_s).toObject();
        properties.insert(u"allowNonRestoredState"_s, QJsonObject{{u"type"_s, u"boolean"_s}});
        restore.insert(u"properties"_s, properties);
        definitions.insert(u"DeploymentRestoreStrategy"_s, restore);
        m_spec.insert(u"definitions"_s, definitions);
        const Result<VvpApiDescription> description = VvpApiDescription::fromJson(m_spec);
        QVERIFY(description);
        m_description = *description;
    }
}

void TestVvpApi::cleanupTestCase()
{
    m_server.reset();
}

Reply TestVvpApi::request(const QString &url, const QByteArray &method, const QJsonObject &body,
                          const QByteArray &token)
{
    QNetworkRequest req{QUrl(url)};
    req.setSslConfiguration(m_ssl);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    QByteArray payload;
    if (method == "POST" || method == "PUT" || method == "PATCH") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, payload);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    reply->deleteLater();
    return r;
}

Reply TestVvpApi::api(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    // Through the API server: its token, none for the platform (the proxy does not forward it).
    return request(m_server->serverUrl() + kProxy + path, method, body, m_server->adminToken().toLatin1());
}

Reply TestVvpApi::direct(const QByteArray &method, const QString &path, const QByteArray &token)
{
    return request(u"http://127.0.0.1:%1%2"_s.arg(m_server->vvpPort()).arg(path), method, {}, token);
}

void TestVvpApi::step(qint64 ms)
{
    m_server->clock().advance(ms);
    m_server->vvpPlatform()->reconcile();
}

bool TestVvpApi::stepUntil(const std::function<bool()> &condition, qint64 maxMs)
{
    for (qint64 done = 0; done <= maxMs; done += 1000) {
        if (condition())
            return true;
        step(1000);
    }
    return false;
}

QJsonObject TestVvpApi::deployment(const QString &name)
{
    return api("GET", kNs + u"/deployments/"_s + name).body;
}

QJsonArray TestVvpApi::items(const QString &path)
{
    return api("GET", path).body.value(u"items"_s).toArray();
}

QJsonObject TestVvpApi::jobOf(const QString &jobId)
{
    return api("GET", kNs + u"/jobs/"_s + jobId).body;
}

QStringList TestVvpApi::violations(const QString &templ, const QString &method, const QJsonValue &answer) const
{
    const QJsonObject operation
        = m_spec.value(u"paths"_s).toObject().value(templ).toObject().value(method.toLower()).toObject();
    const QJsonValue schema = at(operation, u"responses.200.schema"_s);
    if (!schema.isObject())
        return {u"%1 %2: no answer schema in the description"_s.arg(method, templ)};
    // What the platform writes: exact types, no nulls, and no field the description lacks.
    const VvpApiDescription::Check check
        = m_description.checkSchema(schema.toObject(), answer, u"body"_s, VvpApiDescription::Reading::Answer);
    QStringList errors;
    for (const VvpApiDescription::Finding &f : check.errors)
        errors.append(f.field + u": "_s + f.message);
    for (const QString &field : check.unknownFields)
        errors.append(field + u": not in the API description"_s);
    return errors;
}

void TestVvpApi::everyPathAndMethodMatchesTheDescription()
{
    CAPSTAN_NEEDS_REFERENCE(kSpec);
    QSet<QString> described;
    const QJsonObject paths = m_spec.value(u"paths"_s).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject methods = it.value().toObject();
        for (auto m = methods.begin(); m != methods.end(); ++m)
            described.insert(m.key().toUpper() + u' ' + it.key());
    }
    QCOMPARE(paths.size(), 16);

    const QString github = deployment(u"github-analytics"_s).value(u"metadata"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!github.isEmpty());
    QSet<QString> requested;
    // method, path template, concrete path below /api/v1, body, expected status
    const auto expect = [&](const QByteArray &method, const QString &templ, const QString &path,
                            const QJsonObject &body, int status) -> QJsonObject {
        const Reply r = api(method, path, body);
        const QString what = u"%1 %2"_s.arg(QString::fromLatin1(method), path);
        if (r.status != status) {
            qWarning("%s: %d %s", qPrintable(what), r.status, r.raw.left(400).constData());
            return {};
        }
        const QStringList errors = violations(templ, QString::fromLatin1(method), r.body);
        if (!errors.isEmpty()) {
            qWarning("%s:\n  %s", qPrintable(what), qPrintable(errors.mid(0, 20).join(u"\n  "_s)));
            return {};
        }
        requested.insert(QString::fromLatin1(method) + u' ' + templ);
        return r.body;
    };
    const QString ns = u"/api/v1/namespaces/{namespace}"_s;
    expect("GET", u"/api/v1/status"_s, u"/api/v1/status"_s, {}, 200);
    expect("GET", u"/api/v1/status/system-info"_s, u"/api/v1/status/system-info"_s, {}, 200);

    // Deployments.
    const QJsonObject list = expect("GET", ns + u"/deployments"_s, kNs + u"/deployments"_s, {}, 200);
    QCOMPARE(list.value(u"items"_s).toArray().size(), 3);
    expect("GET", ns + u"/deployments/{name}"_s, kNs + u"/deployments/github-analytics"_s, {}, 200);
    expect("POST", ns + u"/deployments"_s, kNs + u"/deployments"_s, deploymentBody(u"api-check"_s, u"CANCELLED"_s),
           201);
    QJsonObject put = deploymentBody(u"api-check"_s, u"CANCELLED"_s, {{u"parallelism.default"_s, u"2"_s}});
    expect("PUT", ns + u"/deployments/{name}"_s, kNs + u"/deployments/api-check"_s, put, 200);
    expect("PATCH", ns + u"/deployments/{name}"_s, kNs + u"/deployments/api-check"_s,
           {{u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, QJsonObject{{u"parallelism"_s, 3}}}}}}}},
           200);
    expect("DELETE", ns + u"/deployments/{name}"_s, kNs + u"/deployments/api-check"_s, {}, 200);

    // Deployment defaults.
    expect("GET", ns + u"/deployment-defaults"_s, kNs + u"/deployment-defaults"_s, {}, 200);
    expect("PATCH", ns + u"/deployment-defaults"_s, kNs + u"/deployment-defaults"_s,
           {{u"spec"_s, QJsonObject{{u"maxJobCreationAttempts"_s, 5}}}}, 200);

    // Deployment targets.
    const QJsonObject target{
        {u"metadata"_s, QJsonObject{{u"name"_s, u"staging"_s}}},
        {u"spec"_s, QJsonObject{{u"kubernetes"_s, QJsonObject{{u"namespace"_s, u"flink-staging"_s}}}}}};
    expect("GET", ns + u"/deployment-targets"_s, kNs + u"/deployment-targets"_s, {}, 200);
    expect("POST", ns + u"/deployment-targets"_s, kNs + u"/deployment-targets"_s, target, 201);
    expect("GET", ns + u"/deployment-targets/{name}"_s, kNs + u"/deployment-targets/staging"_s, {}, 200);
    expect("PUT", ns + u"/deployment-targets/{name}"_s, kNs + u"/deployment-targets/staging"_s, target, 200);
    expect("DELETE", ns + u"/deployment-targets/{name}"_s, kNs + u"/deployment-targets/staging"_s, {}, 200);

    // Events, jobs, savepoints of the demo's github-analytics.
    const QJsonObject events = expect("GET", ns + u"/events"_s, kNs + u"/events?deploymentId="_s + github, {}, 200);
    QVERIFY(!events.value(u"items"_s).toArray().isEmpty());
    const QJsonObject jobs = expect("GET", ns + u"/jobs"_s, kNs + u"/jobs?deploymentId="_s + github, {}, 200);
    QCOMPARE(jobs.value(u"items"_s).toArray().size(), 3);
    const QString jobId = at(jobs.value(u"items"_s).toArray().first(), u"metadata.id"_s).toString();
    expect("GET", ns + u"/jobs/{jobId}"_s, kNs + u"/jobs/"_s + jobId, {}, 200);
    const QJsonObject savepoints
        = expect("GET", ns + u"/savepoints"_s, kNs + u"/savepoints?deploymentId="_s + github, {}, 200);
    QSet<QString> origins;
    for (const QJsonValue &s : savepoints.value(u"items"_s).toArray())
        origins.insert(at(s, u"metadata.origin"_s).toString());
    QVERIFY(origins.contains(u"RETAINED_CHECKPOINT"_s));
    QVERIFY(origins.contains(u"SUSPEND_AND_UPGRADE"_s));
    QVERIFY(origins.contains(u"USER_REQUEST"_s));
    const QJsonObject triggered
        = expect("POST", ns + u"/savepoints"_s, kNs + u"/savepoints"_s,
                 {{u"metadata"_s, QJsonObject{{u"deploymentId"_s, github}, {u"namespace"_s, u"default"_s}}}}, 201);
    QCOMPARE(at(triggered, u"status.state"_s).toString(), u"STARTED"_s);
    step(3000);
    const QJsonObject taken = expect("GET", ns + u"/savepoints/{savepointId}"_s,
                                     kNs + u"/savepoints/"_s + at(triggered, u"metadata.id"_s).toString(), {}, 200);
    QCOMPARE(at(taken, u"status.state"_s).toString(), u"COMPLETED"_s);
    QCOMPARE(at(taken, u"metadata.origin"_s).toString(), u"USER_REQUEST"_s);
    // A savepoint copied to a deployment (how a start from a chosen savepoint begins): completed at once.
    const QJsonObject copied = expect(
        "POST", ns + u"/savepoints"_s, kNs + u"/savepoints"_s,
        {{u"metadata"_s,
          QJsonObject{{u"deploymentId"_s, github}, {u"namespace"_s, u"default"_s}, {u"origin"_s, u"COPIED"_s}}},
         {u"spec"_s, QJsonObject{{u"savepointLocation"_s, at(taken, u"spec.savepointLocation"_s)}}}},
        201);
    QCOMPARE(at(copied, u"metadata.origin"_s).toString(), u"COPIED"_s);
    QCOMPARE(at(copied, u"status.state"_s).toString(), u"COMPLETED"_s);

    // Secret values.
    const QJsonObject secret{{u"metadata"_s, QJsonObject{{u"name"_s, u"api-check"_s}}},
                             {u"spec"_s, QJsonObject{{u"kind"_s, u"GENERIC"_s}, {u"value"_s, u"api-check-value"_s}}}};
    expect("GET", ns + u"/secret-values"_s, kNs + u"/secret-values"_s, {}, 200);
    expect("POST", ns + u"/secret-values"_s, kNs + u"/secret-values"_s, secret, 201);
    expect("GET", ns + u"/secret-values/{name}"_s, kNs + u"/secret-values/api-check"_s, {}, 200);
    expect("PATCH", ns + u"/secret-values/{name}"_s, kNs + u"/secret-values/api-check"_s,
           {{u"spec"_s, QJsonObject{{u"value"_s, u"another-value"_s}}}}, 200);
    expect("DELETE", ns + u"/secret-values/{name}"_s, kNs + u"/secret-values/api-check"_s, {}, 200);

    // Session clusters.
    const QJsonObject session{{u"metadata"_s, QJsonObject{{u"name"_s, u"api-check"_s}}},
                              {u"spec"_s,
                               QJsonObject{{u"state"_s, u"RUNNING"_s},
                                           {u"deploymentTargetName"_s, u"default"_s},
                                           {u"flinkVersion"_s, u"1.17"_s},
                                           {u"numberOfTaskManagers"_s, 2}}}};
    QJsonObject stopped = session;
    stopped.insert(u"spec"_s, QJsonObject{{u"state"_s, u"STOPPED"_s}, {u"flinkVersion"_s, u"1.17"_s}});
    expect("GET", ns + u"/sessionclusters"_s, kNs + u"/sessionclusters"_s, {}, 200);
    expect("POST", ns + u"/sessionclusters"_s, kNs + u"/sessionclusters"_s, session, 201);
    expect("GET", ns + u"/sessionclusters/{name}"_s, kNs + u"/sessionclusters/api-check"_s, {}, 200);
    expect("PATCH", ns + u"/sessionclusters/{name}"_s, kNs + u"/sessionclusters/api-check"_s,
           {{u"spec"_s, QJsonObject{{u"numberOfTaskManagers"_s, 3}}}}, 200);
    expect("PUT", ns + u"/sessionclusters/{name}"_s, kNs + u"/sessionclusters/api-check"_s, stopped, 200);
    expect("DELETE", ns + u"/sessionclusters/{name}"_s, kNs + u"/sessionclusters/api-check"_s, {}, 200);

    // The validator itself: a wrong enum value, a field the description lacks and an id that is no uuid.
    QJsonObject broken = deployment(u"github-analytics"_s);
    QJsonObject status = broken.value(u"status"_s).toObject();
    status.insert(u"state"_s, u"SLEEPING"_s);
    QJsonObject metadata = broken.value(u"metadata"_s).toObject();
    metadata.insert(u"uid"_s, u"1"_s);
    metadata.insert(u"id"_s, u"github-analytics"_s);
    broken.insert(u"status"_s, status);
    broken.insert(u"metadata"_s, metadata);
    QCOMPARE(violations(ns + u"/deployments/{name}"_s, u"GET"_s, broken).size(), 3);

    const QSet<QString> missing = described - requested;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.begin(), missing.end()).join(u", "_s)));
    QCOMPARE(requested, described);

    // Methods the description does not list, unknown paths and names.
    QCOMPARE(api("DELETE", kNs + u"/jobs/"_s + jobId).status, 405);
    QCOMPARE(api("GET", kNs + u"/deployments/no-such-deployment"_s).status, 404);
    QCOMPARE(api("GET", u"/api/v1/namespaces/no-such-namespace/deployments"_s).status, 404);
    QCOMPARE(api("GET", kNs + u"/no-such-collection"_s).status, 404);
}

void TestVvpApi::ownPortAsksForTheToken()
{
    QCOMPARE(direct("GET", kNs + u"/deployments"_s, {}).status, 401);
    QCOMPARE(direct("GET", kNs + u"/deployments"_s, "not-the-token").status, 401);
    // Not the API server's token either: the platform has its own.
    QCOMPARE(direct("GET", kNs + u"/deployments"_s, m_server->adminToken().toLatin1()).status, 401);
    const Reply listed = direct("GET", kNs + u"/deployments"_s, m_server->vvpToken().toLatin1());
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.body.value(u"items"_s).toArray().size(), 3);
    const Reply namespaces = direct("GET", u"/namespaces/v1/namespaces"_s, m_server->vvpToken().toLatin1());
    QCOMPARE(namespaces.status, 200);
    QCOMPARE(namespaces.body,
             (QJsonObject{{u"namespaces"_s, QJsonArray{QJsonObject{{u"name"_s, u"namespaces/default"_s}}}}}));
    if (capstan::test::missingReference(kSpec).isEmpty()) {
        const QStringList errors = violations(u"/api/v1/namespaces/{namespace}/deployments"_s, u"GET"_s, listed.body);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
        const Reply info = direct("GET", u"/api/v1/status/system-info"_s, m_server->vvpToken().toLatin1());
        QVERIFY(violations(u"/api/v1/status/system-info"_s, u"GET"_s, info.body).isEmpty());
    }

    // The token file: the owner's only.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"vvp-token"_s);
    QVERIFY(m_server->writeVvpToken(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed(), m_server->vvpToken().toLatin1());
    QCOMPARE(
        file.permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());

    // Through the proxy, the API server's read-only user may read but not write.
    const QByteArray readOnly = m_server->readOnlyToken().toLatin1();
    QCOMPARE(request(m_server->serverUrl() + kProxy + kNs + u"/deployments"_s, "GET", {}, readOnly).status, 200);
    QCOMPARE(request(m_server->serverUrl() + kProxy + kNs + u"/secret-values"_s, "POST",
                     {{u"metadata"_s, QJsonObject{{u"name"_s, u"read-only"_s}}},
                      {u"spec"_s, QJsonObject{{u"value"_s, u"x"_s}}}},
                     readOnly)
                 .status,
             403);
}

void TestVvpApi::discoverableAsHelmPublishesIt()
{
    const StoreResult service = m_server->store().get(u"services"_s, u"vvp"_s, u"vvp-ververica-platform"_s);
    QVERIFY(service.ok());
    const QJsonObject labels = at(service.object, u"metadata.labels"_s).toObject();
    QCOMPARE(labels.value(u"app"_s).toString(), u"vvp-ververica-platform"_s);
    QCOMPARE(labels.value(u"component"_s).toString(), u"ververica-platform"_s);
    QCOMPARE(labels.value(u"release"_s).toString(), u"vvp"_s);
    const QJsonObject port = at(service.object, u"spec.ports"_s).toArray().first().toObject();
    QCOMPARE(port.value(u"name"_s).toString(), u"http"_s);
    QCOMPARE(port.value(u"port"_s).toInt(), 8080);
    QVERIFY(m_server->store().get(u"namespaces"_s, {}, u"vvp"_s).ok());
    const Reply namespaces = api("GET", u"/namespaces/v1/namespaces"_s);
    QCOMPARE(namespaces.status, 200);
    QCOMPARE(at(namespaces.body.value(u"namespaces"_s).toArray().first(), u"name"_s).toString(),
             u"namespaces/default"_s);
    // Port by number works too; another port has no endpoints.
    QCOMPARE(request(m_server->serverUrl() + u"/api/v1/namespaces/vvp/services/vvp-ververica-platform:8080/proxy"_s
                         + kNs + u"/deployments"_s,
                     "GET", {}, m_server->adminToken().toLatin1())
                 .status,
             200);
    QCOMPARE(request(m_server->serverUrl() + u"/api/v1/namespaces/vvp/services/vvp-ververica-platform:grpc/proxy"_s
                         + kNs + u"/deployments"_s,
                     "GET", {}, m_server->adminToken().toLatin1())
                 .status,
             503);
}

void TestVvpApi::statefulUpgradeTakesASavepointAndStartsANewJob()
{
    QJsonObject before = deployment(u"github-analytics"_s);
    QCOMPARE(at(before, u"status.state"_s).toString(), u"RUNNING"_s);
    const QString id = at(before, u"metadata.id"_s).toString();
    const QString oldJob = at(before, u"status.running.jobId"_s).toString();
    QVERIFY(!oldJob.isEmpty());
    const Reply patched = api(
        "PATCH", kNs + u"/deployments/github-analytics"_s,
        {{u"metadata"_s, QJsonObject{{u"resourceVersion"_s, at(before, u"metadata.resourceVersion"_s)}}},
         {u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, QJsonObject{{u"parallelism"_s, 2}}}}}}}});
    QCOMPARE(patched.status, 200);
    QVERIFY(at(patched.body, u"metadata.resourceVersion"_s).toInt()
            > at(before, u"metadata.resourceVersion"_s).toInt());
    step(500);
    QCOMPARE(at(deployment(u"github-analytics"_s), u"status.state"_s).toString(), u"TRANSITIONING"_s);
    QVERIFY(stepUntil([&] {
        const QJsonObject d = deployment(u"github-analytics"_s);
        return at(d, u"status.state"_s).toString() == u"RUNNING"_s
            && at(d, u"status.running.jobId"_s).toString() != oldJob;
    }));
    const QJsonObject after = deployment(u"github-analytics"_s);
    QCOMPARE(at(after, u"metadata.id"_s).toString(), id);
    const QString newJob = at(after, u"status.running.jobId"_s).toString();

    QJsonObject upgradeSavepoint;
    for (const QJsonValue &s : items(kNs + u"/savepoints?deploymentId="_s + id)) {
        if (at(s, u"metadata.origin"_s).toString() == u"SUSPEND_AND_UPGRADE"_s
            && at(s, u"metadata.jobId"_s).toString() == oldJob)
            upgradeSavepoint = s.toObject();
    }
    QVERIFY(!upgradeSavepoint.isEmpty());
    QCOMPARE(at(upgradeSavepoint, u"status.state"_s).toString(), u"COMPLETED"_s);
    const QJsonObject job = jobOf(newJob);
    QCOMPARE(at(job, u"spec.savepointLocation"_s).toString(),
             at(upgradeSavepoint, u"spec.savepointLocation"_s).toString());
    QCOMPARE(at(job, u"spec.parallelism"_s).toInt(), 2);
    QCOMPARE(at(job, u"metadata.deploymentId"_s).toString(), id);
    QCOMPARE(at(job, u"status.state"_s).toString(), u"STARTED"_s);
    QCOMPARE(at(jobOf(oldJob), u"status.state"_s).toString(), u"TERMINATED"_s);
    QVERIFY(!at(jobOf(oldJob), u"metadata.terminatedAt"_s).toString().isEmpty());

    QStringList names;
    for (const QJsonValue &e : items(kNs + u"/events?deploymentId="_s + id))
        names.append(at(e, u"metadata.name"_s).toString());
    QVERIFY(names.contains(u"USING_AN_UPGRADE_STRATEGY"_s));
    QVERIFY(names.contains(u"JOB_SUCCESSFULLY_STARTED"_s));
}

void TestVvpApi::featureFlagFailsInALoop()
{
    const QJsonObject before = deployment(u"fraud-detector"_s);
    const QString id = at(before, u"metadata.id"_s).toString();
    const QString healthyJob = at(before, u"status.running.jobId"_s).toString();
    const Reply patched
        = api("PATCH", kNs + u"/deployments/fraud-detector"_s,
              {{u"spec"_s,
                QJsonObject{{u"template"_s,
                             QJsonObject{{u"spec"_s,
                                          QJsonObject{{u"artifact"_s,
                                                       QJsonObject{{u"mainArgs"_s,
                                                                    u"--threshold 0.92 "
                                                                    "--enable-new-feature true"_s}}}}}}}}}});
    QCOMPARE(patched.status, 200);
    // The upgrade goes through (the running job takes its savepoint), then the new job fails over and over.
    QString failingJob;
    QVERIFY(stepUntil([&] {
        const QJsonObject d = deployment(u"fraud-detector"_s);
        failingJob = at(d, u"status.running.jobId"_s).toString();
        const QJsonArray conditions = at(d, u"status.running.conditions"_s).toArray();
        for (const QJsonValue &c : conditions) {
            if (at(c, u"type"_s).toString() == u"JobFailing"_s && at(c, u"status"_s).toString() == u"True"_s)
                return failingJob != healthyJob;
        }
        return false;
    }));
    QVERIFY(
        stepUntil([&] { return at(deployment(u"fraud-detector"_s), u"status.state"_s).toString() == u"FAILED"_s; }));
    const QJsonObject failed = jobOf(failingJob);
    QCOMPARE(at(failed, u"status.state"_s).toString(), u"FAILED"_s);
    QVERIFY2(at(failed, u"status.failure.message"_s).toString().contains(u"New feature enabled"_s),
             qPrintable(at(failed, u"status.failure.message"_s).toString()));
    // While spec.state stays RUNNING, the platform tries again with a new job.
    QVERIFY(stepUntil([&] {
        const QJsonObject d = deployment(u"fraud-detector"_s);
        return at(d, u"status.state"_s).toString() == u"TRANSITIONING"_s;
    }));
    QVERIFY(stepUntil([&] {
        const QJsonObject d = deployment(u"fraud-detector"_s);
        return at(d, u"status.state"_s).toString() == u"RUNNING"_s
            && at(d, u"status.running.jobId"_s).toString() != failingJob;
    }));
    QVERIFY(
        stepUntil([&] { return at(deployment(u"fraud-detector"_s), u"status.state"_s).toString() == u"FAILED"_s; }));
    QStringList names;
    for (const QJsonValue &e : items(kNs + u"/events?deploymentId="_s + id))
        names.append(at(e, u"metadata.name"_s).toString());
    QVERIFY(names.count(u"TERMINATING_A_JOB_DUE_TO_AN_UNRECOVERABLE_FAILURE"_s) >= 2);

    // Cancel ends the loop.
    QCOMPARE(
        api("PATCH", kNs + u"/deployments/fraud-detector"_s, {{u"spec"_s, QJsonObject{{u"state"_s, u"CANCELLED"_s}}}})
            .status,
        200);
    QVERIFY(
        stepUntil([&] { return at(deployment(u"fraud-detector"_s), u"status.state"_s).toString() == u"CANCELLED"_s; }));
    step(60000);
    QCOMPARE(at(deployment(u"fraud-detector"_s), u"status.state"_s).toString(), u"CANCELLED"_s);
}

void TestVvpApi::cancelThenLatestStateRestoresTheRetainedCheckpoint()
{
    QCOMPARE(api("POST", kNs + u"/deployments"_s, deploymentBody(u"restore-check"_s, u"RUNNING"_s)).status, 201);
    QVERIFY(
        stepUntil([&] { return at(deployment(u"restore-check"_s), u"status.state"_s).toString() == u"RUNNING"_s; }));
    const QString id = at(deployment(u"restore-check"_s), u"metadata.id"_s).toString();
    const QString firstJob = at(deployment(u"restore-check"_s), u"status.running.jobId"_s).toString();
    // A savepoint, then checkpoints after it: the checkpoint is the latest state.
    const Reply triggered
        = api("POST", kNs + u"/savepoints"_s, {{u"metadata"_s, QJsonObject{{u"deploymentId"_s, id}}}});
    QCOMPARE(triggered.status, 201);
    step(35000);
    const QString userSavepoint = at(triggered.body, u"metadata.id"_s).toString();
    QCOMPARE(at(api("GET", kNs + u"/savepoints/"_s + userSavepoint).body, u"status.state"_s).toString(),
             u"COMPLETED"_s);

    QCOMPARE(
        api("PATCH", kNs + u"/deployments/restore-check"_s, {{u"spec"_s, QJsonObject{{u"state"_s, u"CANCELLED"_s}}}})
            .status,
        200);
    QVERIFY(
        stepUntil([&] { return at(deployment(u"restore-check"_s), u"status.state"_s).toString() == u"CANCELLED"_s; }));
    QJsonObject retained;
    for (const QJsonValue &s : items(kNs + u"/savepoints?deploymentId="_s + id)) {
        if (at(s, u"metadata.origin"_s).toString() == u"RETAINED_CHECKPOINT"_s)
            retained = s.toObject();
    }
    QVERIFY(!retained.isEmpty());
    QCOMPARE(at(retained, u"metadata.jobId"_s).toString(), firstJob);
    QVERIFY(at(retained, u"spec.savepointLocation"_s).toString().contains(u"/chk-"_s));

    QCOMPARE(api("PATCH", kNs + u"/deployments/restore-check"_s, {{u"spec"_s, QJsonObject{{u"state"_s, u"RUNNING"_s}}}})
                 .status,
             200);
    QVERIFY(
        stepUntil([&] { return at(deployment(u"restore-check"_s), u"status.state"_s).toString() == u"RUNNING"_s; }));
    const QString secondJob = at(deployment(u"restore-check"_s), u"status.running.jobId"_s).toString();
    QVERIFY(secondJob != firstJob);
    QCOMPARE(at(jobOf(secondJob), u"spec.savepointLocation"_s).toString(),
             at(retained, u"spec.savepointLocation"_s).toString());

    // LATEST_SAVEPOINT passes the retained checkpoints by: the user's savepoint.
    QCOMPARE(api("PATCH", kNs + u"/deployments/restore-check"_s,
                 {{u"spec"_s,
                   QJsonObject{{u"state"_s, u"CANCELLED"_s},
                               {u"restoreStrategy"_s, QJsonObject{{u"kind"_s, u"LATEST_SAVEPOINT"_s}}}}}})
                 .status,
             200);
    QVERIFY(
        stepUntil([&] { return at(deployment(u"restore-check"_s), u"status.state"_s).toString() == u"CANCELLED"_s; }));
    QCOMPARE(api("PATCH", kNs + u"/deployments/restore-check"_s, {{u"spec"_s, QJsonObject{{u"state"_s, u"RUNNING"_s}}}})
                 .status,
             200);
    QVERIFY(
        stepUntil([&] { return at(deployment(u"restore-check"_s), u"status.state"_s).toString() == u"RUNNING"_s; }));
    const QString thirdJob = at(deployment(u"restore-check"_s), u"status.running.jobId"_s).toString();
    QCOMPARE(at(jobOf(thirdJob), u"spec.savepointLocation"_s).toString(),
             at(api("GET", kNs + u"/savepoints/"_s + userSavepoint).body, u"spec.savepointLocation"_s).toString());
}

void TestVvpApi::aCopiedSavepointIsRestored()
{
    QCOMPARE(api("POST", kNs + u"/deployments"_s, deploymentBody(u"copy-check"_s, u"RUNNING"_s)).status, 201);
    const auto state = [&] { return at(deployment(u"copy-check"_s), u"status.state"_s).toString(); };
    QVERIFY(stepUntil([&] { return state() == u"RUNNING"_s; }));
    const QString id = at(deployment(u"copy-check"_s), u"metadata.id"_s).toString();
    // Two savepoints a user took, the first of which is wanted back.
    QStringList locations;
    for (int i = 0; i < 2; ++i) {
        const Reply triggered
            = api("POST", kNs + u"/savepoints"_s, {{u"metadata"_s, QJsonObject{{u"deploymentId"_s, id}}}});
        QCOMPARE(triggered.status, 201);
        const QString path = kNs + u"/savepoints/"_s + at(triggered.body, u"metadata.id"_s).toString();
        QVERIFY(stepUntil([&] { return at(api("GET", path).body, u"status.state"_s) == u"COMPLETED"_s; }));
        locations << at(api("GET", path).body, u"spec.savepointLocation"_s).toString();
    }
    QCOMPARE(api("PATCH", kNs + u"/deployments/copy-check"_s, {{u"spec"_s, QJsonObject{{u"state"_s, u"CANCELLED"_s}}}})
                 .status,
             200);
    QVERIFY(stepUntil([&] { return state() == u"CANCELLED"_s; }));
    const Reply copied = api("POST", kNs + u"/savepoints"_s,
                             {{u"metadata"_s, QJsonObject{{u"deploymentId"_s, id}, {u"origin"_s, u"COPIED"_s}}},
                              {u"spec"_s, QJsonObject{{u"savepointLocation"_s, locations.constFirst()}}}});
    QCOMPARE(copied.status, 201);
    QCOMPARE(
        api("PATCH", kNs + u"/deployments/copy-check"_s, {{u"spec"_s, QJsonObject{{u"state"_s, u"RUNNING"_s}}}}).status,
        200);
    QVERIFY(stepUntil([&] { return state() == u"RUNNING"_s; }));
    // The copy is the newest savepoint: LATEST_STATE restores it, not the later savepoint or checkpoint.
    const QString job = at(deployment(u"copy-check"_s), u"status.running.jobId"_s).toString();
    QCOMPARE(at(jobOf(job), u"spec.savepointLocation"_s).toString(), locations.constFirst());
}

void TestVvpApi::staleResourceVersionIsAConflict()
{
    const QJsonObject current = deployment(u"nightly-backfill"_s);
    const int rv = at(current, u"metadata.resourceVersion"_s).toInt();
    const QJsonObject labels{
        {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, rv}, {u"labels"_s, QJsonObject{{u"owner"_s, u"tests"_s}}}}}};
    QCOMPARE(api("PATCH", kNs + u"/deployments/nightly-backfill"_s, labels).status, 200);
    const Reply stale = api("PATCH", kNs + u"/deployments/nightly-backfill"_s, labels);
    QCOMPARE(stale.status, 409);
    QVERIFY2(stale.body.value(u"message"_s).toString().contains(u"resourceVersion"_s), stale.raw.constData());
    QJsonObject put = current;
    put.remove(u"status"_s);
    QCOMPARE(api("PUT", kNs + u"/deployments/nightly-backfill"_s, put).status, 409);
    QCOMPARE(at(deployment(u"nightly-backfill"_s), u"metadata.labels.owner"_s).toString(), u"tests"_s);

    const QJsonObject defaults = api("GET", kNs + u"/deployment-defaults"_s).body;
    const QJsonObject stalePatch{
        {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, at(defaults, u"metadata.resourceVersion"_s).toInt() - 1}}},
        {u"spec"_s, QJsonObject{{u"maxJobCreationAttempts"_s, 2}}}};
    QCOMPARE(api("PATCH", kNs + u"/deployment-defaults"_s, stalePatch).status, 409);
}

void TestVvpApi::deleteOnlyWhenStopped()
{
    const Reply refused = api("DELETE", kNs + u"/deployments/github-analytics"_s);
    QCOMPARE(refused.status, 409);
    QVERIFY2(refused.body.value(u"message"_s).toString().contains(u"CANCELLED or SUSPENDED"_s),
             refused.raw.constData());
    QCOMPARE(at(deployment(u"github-analytics"_s), u"status.state"_s).toString(), u"RUNNING"_s);
    QCOMPARE(at(deployment(u"nightly-backfill"_s), u"status.state"_s).toString(), u"SUSPENDED"_s);
    QCOMPARE(api("DELETE", kNs + u"/deployments/nightly-backfill"_s).status, 200);
    QCOMPARE(api("GET", kNs + u"/deployments/nightly-backfill"_s).status, 404);
    QCOMPARE(api("DELETE", kNs + u"/deployments/nightly-backfill"_s).status, 404);
}

void TestVvpApi::secretValuesAreNeverReturned()
{
    const QByteArray value = "hunter2-never-shown";
    const Reply created
        = api("POST", kNs + u"/secret-values"_s,
              {{u"metadata"_s, QJsonObject{{u"name"_s, u"db-password"_s}}},
               {u"spec"_s, QJsonObject{{u"kind"_s, u"GENERIC"_s}, {u"value"_s, QString::fromLatin1(value)}}}});
    QCOMPARE(created.status, 201);
    const Reply got = api("GET", kNs + u"/secret-values/db-password"_s);
    const Reply listed = api("GET", kNs + u"/secret-values"_s);
    const Reply patched = api("PATCH", kNs + u"/secret-values/db-password"_s,
                              {{u"spec"_s, QJsonObject{{u"value"_s, u"hunter2-changed"_s}}}});
    for (const Reply &r : {created, got, listed, patched}) {
        QVERIFY(r.status < 300);
        QVERIFY2(!r.raw.contains("hunter2"), r.raw.constData());
    }
    QVERIFY(!at(got.body, u"spec"_s).toObject().contains(u"value"_s));
    QCOMPARE(at(got.body, u"spec.kind"_s).toString(), u"GENERIC"_s);
    QCOMPARE(api("POST", kNs + u"/secret-values"_s,
                 {{u"metadata"_s, QJsonObject{{u"name"_s, u"no-value"_s}}}, {u"spec"_s, QJsonObject()}})
                 .status,
             400);
}

void TestVvpApi::defaultsAreMergedIntoTheJob()
{
    const Reply defaults = api(
        "PATCH", kNs + u"/deployment-defaults"_s,
        {{u"spec"_s,
          QJsonObject{{u"template"_s,
                       QJsonObject{{u"spec"_s,
                                    QJsonObject{{u"flinkConfiguration"_s,
                                                 QJsonObject{{u"metrics.reporter.prom.port"_s, u"9249"_s},
                                                             {u"taskmanager.numberOfTaskSlots"_s, u"1"_s}}}}}}}}}});
    QCOMPARE(defaults.status, 200);
    QCOMPARE(at(defaults.body, u"spec.template.spec.flinkConfiguration"_s)
                 .toObject()
                 .value(u"metrics.reporter.prom.port"_s)
                 .toString(),
             u"9249"_s);
    QCOMPARE(api("POST", kNs + u"/deployments"_s,
                 deploymentBody(u"defaults-check"_s, u"RUNNING"_s, {{u"taskmanager.numberOfTaskSlots"_s, u"2"_s}}))
                 .status,
             201);
    step(500);
    const QJsonObject own = deployment(u"defaults-check"_s);
    const QJsonObject ownConfiguration = at(own, u"spec.template.spec.flinkConfiguration"_s).toObject();
    QVERIFY(!ownConfiguration.contains(u"metrics.reporter.prom.port"_s));
    QCOMPARE(at(own, u"status.state"_s).toString(), u"TRANSITIONING"_s);
    const QString jobId
        = at(items(kNs + u"/jobs?deploymentId="_s + at(own, u"metadata.id"_s).toString()).first(), u"metadata.id"_s)
              .toString();
    QVERIFY(!jobId.isEmpty());
    const QJsonObject jobConfiguration = at(jobOf(jobId), u"spec.flinkConfiguration"_s).toObject();
    QCOMPARE(jobConfiguration.value(u"metrics.reporter.prom.port"_s).toString(), u"9249"_s); // from the defaults
    QCOMPARE(jobConfiguration.value(u"taskmanager.numberOfTaskSlots"_s).toString(), u"2"_s); // its own wins
    QCOMPARE(jobConfiguration.value(u"execution.checkpointing.interval"_s).toString(), u"10s"_s);
    QCOMPARE(at(jobOf(jobId), u"spec.deploymentTarget.kubernetes.namespace"_s).toString(), u"vvp-jobs"_s);
}

QTEST_GUILESS_MAIN(TestVvpApi)
#include "tst_vvpapi.moc"
