// The sandbox's JobManager REST API held against Flink's OpenAPI description (the reference data's
// flink-rest/rest_v1_dispatcher.yml, common/referencedata.h), and its answers against each other and
// the cluster: every GET the Flink Web Dashboard makes, for each demo job, through the API server's
// service proxy.
//
// Checked per answer: the types, enums and required fields of the response schema (the core's
// SchemaValidator after $ref, allOf and discriminator mappings are resolved here), no field the
// schema does not describe, and the patterns of ids. Documented differences of a real JobManager
// from the generated spec, bridged before validation (see also sandbox/jobmanagerapi.h): fields
// without a value are null; a TaskManager id is its pod name; metric collections are JSON arrays;
// /jobs/:jobid/config is {"jid","name","execution-config"} (with Flink 1.x's execution-mode);
// checkpoints/config writes the processing mode in lower case; Flink 1.x still sends the deprecated
// root-exception, timestamp, all-exceptions and truncated of /jobs/:jobid/exceptions.

#include "common/referencedata.h"
#include "common/sandboxfixture.h"
#include "flink/schemavalidator.h"
#include "flink/yamlreader.h"
#include "sandbox/operatorsimulation.h"
#include "sandbox/virtualclock.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSslConfiguration>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace capstan;
using namespace capstan::sandbox;
using capstan::test::SandboxFixture;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSpec = u"flink-rest/rest_v1_dispatcher.yml"_s;

struct Reply
{
    int status = 0;
    QByteArray raw;
    QByteArray contentType;
    QJsonValue body;
};

struct DemoJob
{
    QString ns;
    QString name;
};

const QList<DemoJob> kDemoJobs{{u"default"_s, u"github-analytics"_s},
                               {u"flink-jobs"_s, u"clickstream-sessionizer"_s},
                               {u"flink-jobs"_s, u"fraud-detector"_s}};

QString proxyOf(const QString &ns, const QString &name)
{
    return u"/api/v1/namespaces/%1/services/%2-rest:rest/proxy/"_s.arg(ns, name);
}

QJsonValue at(const QJsonValue &v, const QString &path)
{
    QJsonValue current = v;
    for (const QString &part : path.split(u'.'))
        current = current.toObject().value(part);
    return current;
}

// Flink's back-pressure level of a ratio (JobVertexBackPressureInfo).
QString levelOf(double ratio)
{
    return ratio <= 0.10 ? u"ok"_s : ratio <= 0.5 ? u"low"_s : u"high"_s;
}

} // namespace

class TestJobManagerSpec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyEndpointMatchesTheSpec();
    void sandboxPage();
    void verticesAgree();
    void demoTopologies();
    void backPressureMatchesTheMetrics();
    void taskManagersArePods();
    void checkpointsAgree();
    void restoredNamesTheSnapshot();

private:
    void step(qint64 ms);
    Reply get(const QString &path);
    Reply rest(const DemoJob &job, const QString &path);
    QString jobId(const DemoJob &job);
    // Empty when the answer of path (a spec path template such as /jobs/{jobid}) fits its schema.
    QStringList violations(const QString &templ, const QJsonValue &answer) const;
    QJsonObject resolve(const QJsonValue &schema, int depth) const;
    void strictCheck(const QJsonObject &schema, const QJsonValue &value, const QString &path,
                     QStringList *errors) const;
    void createDeployment(const QString &name, const QString &upgradeMode);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QJsonObject m_spec;
    QJsonObject m_components;
};

void TestJobManagerSpec::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>(-1, 1.0);
    QVERIFY(m_sandbox->started);
    m_sandbox->server->operatorSimulation()->clock().setPaused(true);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromData(m_sandbox->server->caCertificatePem(), QSsl::Pem));
    // A minute of checkpoints for every demo job.
    step(70000);
    if (capstan::test::missingReference(kSpec).isEmpty()) {
        QFile file(capstan::test::referencePath(kSpec));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = YamlReader::parse(QString::fromUtf8(file.readAll()));
        QVERIFY(parsed);
        m_spec = parsed.value().toObject();
        m_components = at(m_spec, u"components.schemas"_s).toObject();
        QVERIFY(!m_components.isEmpty());
    }
}

void TestJobManagerSpec::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestJobManagerSpec::step(qint64 ms)
{
    OperatorSimulation *sim = m_sandbox->server->operatorSimulation();
    for (qint64 done = 0; done < ms; done += 250) {
        sim->clock().advance(250);
        sim->reconcileOnce();
    }
}

Reply TestJobManagerSpec::get(const QString &path)
{
    QNetworkRequest req(QUrl(m_sandbox->server->serverUrl() + path));
    req.setSslConfiguration(m_ssl);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setRawHeader("Authorization", "Bearer " + m_sandbox->server->adminToken().toLatin1());
    QNetworkReply *reply = m_nam.get(req);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QJsonDocument doc = QJsonDocument::fromJson(r.raw);
    r.body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    reply->deleteLater();
    return r;
}

Reply TestJobManagerSpec::rest(const DemoJob &job, const QString &path)
{
    return get(proxyOf(job.ns, job.name) + path);
}

QString TestJobManagerSpec::jobId(const DemoJob &job)
{
    return rest(job, u"jobs/overview"_s)
        .body.toObject()
        .value(u"jobs"_s)
        .toArray()
        .at(0)
        .toObject()
        .value(u"jid"_s)
        .toString();
}

QJsonObject TestJobManagerSpec::resolve(const QJsonValue &value, int depth) const
{
    // Deeper than any answer nests: a recursive schema (other-concurrent-attempts) stops here.
    if (depth > 12)
        return {{u"x-kubernetes-preserve-unknown-fields"_s, true}};
    QJsonObject schema = value.toObject();
    if (schema.contains(u"$ref"_s)) {
        const QString name = schema.value(u"$ref"_s).toString().section(u'/', -1);
        QJsonObject target = m_components.value(name).toObject();
        // Documented: on Kubernetes a TaskManager's ResourceID is its pod name, not 32 hex digits.
        if (name == u"ResourceID"_s)
            target.remove(u"pattern"_s);
        return resolve(target, depth + 1);
    }
    QJsonObject out = schema;
    QJsonObject properties;
    QJsonArray required = schema.value(u"required"_s).toArray();
    const auto merge = [&](const QJsonObject &part) {
        const QJsonObject props = part.value(u"properties"_s).toObject();
        for (auto it = props.begin(); it != props.end(); ++it)
            properties.insert(it.key(), it.value());
        for (const QJsonValue &r : part.value(u"required"_s).toArray())
            if (!required.contains(r))
                required.append(r);
        if (part.contains(u"type"_s))
            out.insert(u"type"_s, part.value(u"type"_s));
    };
    const QJsonObject own = schema.value(u"properties"_s).toObject();
    for (auto it = own.begin(); it != own.end(); ++it)
        properties.insert(it.key(), resolve(it.value(), depth + 1));
    for (const QJsonValue &part : schema.value(u"allOf"_s).toArray())
        merge(resolve(part, depth + 1));
    // A discriminated base: the answer is one of the mapped schemas (each the base plus a few fields).
    const QJsonObject mapping = at(schema, u"discriminator.mapping"_s).toObject();
    for (auto it = mapping.begin(); it != mapping.end(); ++it) {
        const QString name = it.value().toString().section(u'/', -1);
        for (const QJsonValue &part : m_components.value(name).toObject().value(u"allOf"_s).toArray()) {
            if (!part.toObject().contains(u"$ref"_s))
                merge(resolve(part, depth + 1));
        }
    }
    out.remove(u"allOf"_s);
    out.remove(u"discriminator"_s);
    if (!properties.isEmpty() || schema.contains(u"properties"_s) || schema.contains(u"allOf"_s))
        out.insert(u"properties"_s, properties);
    if (!required.isEmpty())
        out.insert(u"required"_s, required);
    if (schema.value(u"additionalProperties"_s).isObject())
        out.insert(u"additionalProperties"_s, resolve(schema.value(u"additionalProperties"_s), depth + 1));
    if (schema.contains(u"items"_s))
        out.insert(u"items"_s, resolve(schema.value(u"items"_s), depth + 1));
    return out;
}

void TestJobManagerSpec::strictCheck(const QJsonObject &schema, const QJsonValue &value, const QString &path,
                                     QStringList *errors) const
{
    if (value.isNull() || schema.value(u"x-kubernetes-preserve-unknown-fields"_s).toBool())
        return;
    if (value.isString() && schema.contains(u"pattern"_s)) {
        const QRegularExpression re(u"^(?:%1)$"_s.arg(schema.value(u"pattern"_s).toString()));
        if (!re.match(value.toString()).hasMatch())
            errors->append(u"%1: \"%2\" does not match %3"_s.arg(path, value.toString(), re.pattern()));
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            strictCheck(schema.value(u"items"_s).toObject(), a.at(i), u"%1[%2]"_s.arg(path).arg(i), errors);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    const QJsonValue additional = schema.value(u"additionalProperties"_s);
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
        if (properties.contains(it.key()))
            strictCheck(properties.value(it.key()).toObject(), it.value(), child, errors);
        else if (additional.isObject())
            strictCheck(additional.toObject(), it.value(), child, errors);
        else if (!additional.toBool() && !it.value().isNull())
            errors->append(u"%1: not in the spec"_s.arg(child));
    }
}

QStringList TestJobManagerSpec::violations(const QString &templ, const QJsonValue &answer) const
{
    const QJsonObject get = m_spec.value(u"paths"_s).toObject().value(templ).toObject().value(u"get"_s).toObject();
    const QJsonValue declared
        = at(get.value(u"responses"_s).toObject().value(u"200"_s), u"content.application/json.schema"_s);
    if (declared.isUndefined())
        return {u"%1: no GET with a JSON answer in the spec"_s.arg(templ)};
    QJsonObject schema = resolve(declared, 0);
    QJsonValue body = answer;
    const QString ref = declared.toObject().value(u"$ref"_s).toString().section(u'/', -1);
    // The documented differences, bridged to the spec's shape.
    if (ref == u"MetricCollectionResponseBody"_s) {
        if (!body.isArray())
            return {u"%1: a metric collection is a JSON array"_s.arg(templ)};
        body = QJsonObject{{u"metrics"_s, body}};
    } else if (ref == u"AggregatedMetricsResponseBody"_s) {
        // The spec has no fields here; a real JobManager answers an array of aggregates.
        if (!body.isArray())
            return {u"%1: aggregated metrics are a JSON array"_s.arg(templ)};
        const QJsonObject number{{u"type"_s, u"number"_s}};
        schema = QJsonObject{
            {u"type"_s, u"object"_s},
            {u"properties"_s,
             QJsonObject{{u"metrics"_s,
                          QJsonObject{{u"type"_s, u"array"_s},
                                      {u"items"_s,
                                       QJsonObject{{u"type"_s, u"object"_s},
                                                   {u"required"_s, QJsonArray{u"id"_s}},
                                                   {u"properties"_s,
                                                    QJsonObject{{u"id"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                                {u"min"_s, number},
                                                                {u"max"_s, number},
                                                                {u"avg"_s, number},
                                                                {u"sum"_s, number},
                                                                {u"skew"_s, number}}}}}}}}}};
        body = QJsonObject{{u"metrics"_s, body}};
    } else if (ref == u"JobConfigInfo"_s) {
        QJsonObject o = body.toObject();
        QJsonObject execution = o.take(u"execution-config"_s).toObject();
        execution.remove(u"execution-mode"_s); // Flink 1.x; gone with the DataSet API
        o.insert(u"jobId"_s, o.take(u"jid"_s));
        o.insert(u"jobName"_s, o.take(u"name"_s));
        o.insert(u"executionConfigInfo"_s, execution);
        body = o;
    } else if (ref == u"CheckpointConfigInfo"_s) {
        QJsonObject o = body.toObject();
        o.insert(u"mode"_s, o.value(u"mode"_s).toString().toUpper());
        body = o;
    } else if (ref == u"JobExceptionsInfoWithHistory"_s) {
        QJsonObject o = body.toObject();
        for (const QString &deprecated : {u"root-exception"_s, u"timestamp"_s, u"all-exceptions"_s, u"truncated"_s})
            o.remove(deprecated);
        body = o;
    }
    QStringList errors;
    strictCheck(schema, body, QString(), &errors);
    const SchemaValidator validator(QJsonObject{{u"type"_s, u"object"_s},
                                                {u"required"_s, QJsonArray{u"body"_s}},
                                                {u"properties"_s, QJsonObject{{u"body"_s, schema}}}});
    QJsonObject wrapped{{u"body"_s, body}};
    for (const FieldError &e : validator.validate(&wrapped))
        errors.append(u"%1: %2"_s.arg(e.field, e.message));
    return errors;
}

void TestJobManagerSpec::everyEndpointMatchesTheSpec()
{
    CAPSTAN_NEEDS_REFERENCE(kSpec);
    int checked = 0;
    QSet<QString> templates;
    const auto expect = [&](const DemoJob &job, const QString &path, const QString &templ) {
        const Reply r = rest(job, path);
        QVERIFY2(
            r.status == 200,
            qPrintable(u"%1 %2: %3 %4"_s.arg(job.name, path).arg(r.status).arg(QString::fromUtf8(r.raw.left(300)))));
        const QStringList errors = violations(templ, r.body);
        QVERIFY2(errors.isEmpty(),
                 qPrintable(u"%1 %2:\n  %3"_s.arg(job.name, path, errors.mid(0, 20).join(u"\n  "_s))));
        ++checked;
        templates.insert(templ);
    };
    for (const DemoJob &job : kDemoJobs) {
        const QString id = jobId(job);
        QVERIFY2(!id.isEmpty(), qPrintable(job.name));
        const QString j = u"jobs/"_s + id;
        for (const auto &[path, templ] : QList<std::pair<QString, QString>>{
                 {u"config"_s, u"/config"_s},
                 {u"overview"_s, u"/overview"_s},
                 {u"jobs"_s, u"/jobs"_s},
                 {u"jobs/overview"_s, u"/jobs/overview"_s},
                 {u"jobmanager/config"_s, u"/jobmanager/config"_s},
                 {u"jobmanager/environment"_s, u"/jobmanager/environment"_s},
                 {u"jobmanager/metrics"_s, u"/jobmanager/metrics"_s},
                 {u"jobmanager/metrics?get=Status.JVM.Memory.Heap.Used,numRunningJobs"_s, u"/jobmanager/metrics"_s},
                 {u"jobmanager/logs"_s, u"/jobmanager/logs"_s},
                 {u"taskmanagers"_s, u"/taskmanagers"_s},
                 {j, u"/jobs/{jobid}"_s},
                 {j + u"/plan"_s, u"/jobs/{jobid}/plan"_s},
                 {j + u"/status"_s, u"/jobs/{jobid}/status"_s},
                 {j + u"/config"_s, u"/jobs/{jobid}/config"_s},
                 {j + u"/exceptions"_s, u"/jobs/{jobid}/exceptions"_s},
                 {j + u"/accumulators"_s, u"/jobs/{jobid}/accumulators"_s},
                 {j + u"/metrics"_s, u"/jobs/{jobid}/metrics"_s},
                 {j + u"/metrics?get=numRestarts,uptime,lastCheckpointExternalPath"_s, u"/jobs/{jobid}/metrics"_s},
                 {j + u"/checkpoints"_s, u"/jobs/{jobid}/checkpoints"_s},
                 {j + u"/checkpoints/config"_s, u"/jobs/{jobid}/checkpoints/config"_s},
                 {j + u"/jobmanager/config"_s, u"/jobs/{jobid}/jobmanager/config"_s},
                 {j + u"/jobmanager/environment"_s, u"/jobs/{jobid}/jobmanager/environment"_s},
             }) {
            expect(job, path, templ);
        }
        const QJsonObject checkpoints = rest(job, j + u"/checkpoints"_s).body.toObject();
        const QJsonArray history = checkpoints.value(u"history"_s).toArray();
        QVERIFY2(!history.isEmpty(), qPrintable(job.name));
        const QJsonArray vertices = rest(job, j).body.toObject().value(u"vertices"_s).toArray();
        // The newest and the oldest checkpoint of the history (a savepoint among them where the job took one).
        for (const QJsonValue &c : {history.first(), history.last()}) {
            const QString details = u"%1/checkpoints/details/%2"_s.arg(j).arg(c.toObject().value(u"id"_s).toInteger());
            expect(job, details, u"/jobs/{jobid}/checkpoints/details/{checkpointid}"_s);
            for (const QJsonValue &v : vertices)
                expect(job, details + u"/subtasks/"_s + v.toObject().value(u"id"_s).toString(),
                       u"/jobs/{jobid}/checkpoints/details/{checkpointid}/subtasks/{vertexid}"_s);
        }
        for (const QJsonValue &v : vertices) {
            const QString vertex = u"%1/vertices/%2"_s.arg(j, v.toObject().value(u"id"_s).toString());
            const QString t = u"/jobs/{jobid}/vertices/{vertexid}"_s;
            expect(job, vertex, t);
            expect(job, vertex + u"/subtasks/metrics"_s, t + u"/subtasks/metrics"_s);
            expect(job,
                   vertex
                       + u"/subtasks/metrics?get=numRecordsInPerSecond,busyTimeMsPerSecond,"
                         u"backPressuredTimeMsPerSecond&agg=min,max,avg,sum,skew"_s,
                   t + u"/subtasks/metrics"_s);
            expect(job, vertex + u"/backpressure"_s, t + u"/backpressure"_s);
            expect(job, vertex + u"/watermarks"_s, t + u"/watermarks"_s);
            expect(job, vertex + u"/taskmanagers"_s, t + u"/taskmanagers"_s);
            expect(job, vertex + u"/subtasktimes"_s, t + u"/subtasktimes"_s);
            expect(job, vertex + u"/accumulators"_s, t + u"/accumulators"_s);
        }
        for (const QJsonValue &tm : rest(job, u"taskmanagers"_s).body.toObject().value(u"taskmanagers"_s).toArray()) {
            const QString path = u"taskmanagers/"_s + tm.toObject().value(u"id"_s).toString();
            expect(job, path, u"/taskmanagers/{taskmanagerid}"_s);
            expect(job, path + u"/metrics"_s, u"/taskmanagers/{taskmanagerid}/metrics"_s);
            expect(job, path + u"/metrics?get=Status.JVM.Memory.Heap.Used"_s,
                   u"/taskmanagers/{taskmanagerid}/metrics"_s);
            expect(job, path + u"/logs"_s, u"/taskmanagers/{taskmanagerid}/logs"_s);
        }
    }
    QVERIFY(checked > 500);
    QCOMPARE(templates.size(), 32);

    // The validation can fail: a wrong type, an unknown field and a bad id are reported.
    QJsonObject bad = rest(kDemoJobs.first(), u"overview"_s).body.toObject();
    bad.insert(u"taskmanagers"_s, u"two"_s);
    bad.insert(u"no-such-field"_s, 1);
    QCOMPARE(violations(u"/overview"_s, bad).size(), 2);
    QCOMPARE(violations(u"/jobs/{jobid}/status"_s, QJsonObject{{u"status"_s, u"SLEEPING"_s}}).size(), 1);
    QCOMPARE(violations(u"/jobs"_s, QJsonObject{{u"jobs"_s, QJsonArray{QJsonObject{{u"id"_s, u"x"_s}}}}}).size(), 1);
}

void TestJobManagerSpec::sandboxPage()
{
    const DemoJob job = kDemoJobs.at(1);
    const QString page = proxyOf(job.ns, job.name);
    const Reply r = get(page);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.contentType.startsWith("text/html"), r.contentType.constData());
    const QString html = QString::fromUtf8(r.raw);
    QVERIFY(html.contains(u"Capstan sandbox"_s));
    QVERIFY(html.contains(job.name));
    static const QRegularExpression href(u"href=\"([^\"]*)\""_s);
    int links = 0;
    for (auto it = href.globalMatch(html); it.hasNext();) {
        const QString link = it.next().captured(1);
        QVERIFY2(QUrl(link).isRelative() && !link.startsWith(u'/'), qPrintable(link));
        // Resolved against the page, as a browser does: each lands on an endpoint that answers.
        const QUrl target = QUrl(m_sandbox->server->serverUrl() + page).resolved(QUrl(link));
        QCOMPARE(get(target.path() + (target.hasQuery() ? u"?"_s + target.query() : QString())).status, 200);
        ++links;
    }
    QVERIFY(links >= 5);
    QCOMPARE(get(page + u"no/such/endpoint"_s).status, 404);
}

void TestJobManagerSpec::verticesAgree()
{
    for (const DemoJob &job : kDemoJobs) {
        const QString id = jobId(job);
        const QJsonObject details = rest(job, u"jobs/"_s + id).body.toObject();
        QStringList fromDetails;
        for (const QJsonValue &v : details.value(u"vertices"_s).toArray())
            fromDetails << v.toObject().value(u"id"_s).toString();
        QStringList fromPlan;
        for (const QJsonValue &n : at(rest(job, u"jobs/%1/plan"_s.arg(id)).body, u"plan.nodes"_s).toArray())
            fromPlan << n.toObject().value(u"id"_s).toString();
        QStringList fromDetailsPlan;
        for (const QJsonValue &n : at(details, u"plan.nodes"_s).toArray())
            fromDetailsPlan << n.toObject().value(u"id"_s).toString();
        QCOMPARE(fromPlan, fromDetails);
        QCOMPARE(fromDetailsPlan, fromDetails);
        // Every edge starts at a vertex of the job.
        for (const QJsonValue &n : at(details, u"plan.nodes"_s).toArray())
            for (const QJsonValue &in : n.toObject().value(u"inputs"_s).toArray())
                QVERIFY(fromDetails.contains(in.toObject().value(u"id"_s).toString()));
        // The Prometheus reporter names the same vertices, with one series per subtask.
        const QString text = QString::fromUtf8(rest(job, u"metrics"_s).raw);
        static const QRegularExpression taskId(
            u"flink_taskmanager_job_task_busyTimeMsPerSecond\\{[^}]*task_id=\"([0-9a-f]{32})\""_s);
        QMap<QString, int> series;
        for (auto it = taskId.globalMatch(text); it.hasNext();)
            ++series[it.next().captured(1)];
        QCOMPARE(QSet<QString>(series.keyBegin(), series.keyEnd()),
                 QSet<QString>(fromDetails.begin(), fromDetails.end()));
        for (const QJsonValue &v : details.value(u"vertices"_s).toArray())
            QCOMPARE(series.value(v.toObject().value(u"id"_s).toString()),
                     v.toObject().value(u"parallelism"_s).toInt());
        // And the subtask metrics answer for each.
        for (const QString &vertex : std::as_const(fromDetails)) {
            const QJsonArray m
                = rest(job, u"jobs/%1/vertices/%2/subtasks/metrics?get=busyTimeMsPerSecond"_s.arg(id, vertex))
                      .body.toArray();
            QCOMPARE(m.size(), 1);
        }
    }
}

void TestJobManagerSpec::demoTopologies()
{
    QMap<QString, int> sizes;
    for (const DemoJob &job : kDemoJobs) {
        const QJsonArray nodes = at(rest(job, u"jobs/%1/plan"_s.arg(jobId(job))).body, u"plan.nodes"_s).toArray();
        QSet<int> parallelisms;
        QSet<QString> read;
        QSet<QString> strategies;
        int sources = 0;
        for (const QJsonValue &n : nodes) {
            const QJsonObject node = n.toObject();
            parallelisms.insert(node.value(u"parallelism"_s).toInt());
            const QJsonArray inputs = node.value(u"inputs"_s).toArray();
            sources += inputs.isEmpty() ? 1 : 0;
            for (const QJsonValue &in : inputs) {
                read.insert(in.toObject().value(u"id"_s).toString());
                strategies.insert(in.toObject().value(u"ship_strategy"_s).toString());
            }
        }
        const qsizetype sinks = nodes.size() - read.size();
        QVERIFY2(sources >= 1 && sinks >= 2, qPrintable(job.name));
        QVERIFY2(strategies.contains(u"HASH"_s), qPrintable(job.name)); // keyed operators
        if (job.name != u"github-analytics"_s) // parallelism 1 leaves no room
            QVERIFY2(parallelisms.size() >= 2, qPrintable(job.name));
        sizes.insert(job.name, int(nodes.size()));
    }
    QVERIFY2(sizes.value(u"clickstream-sessionizer"_s) >= 30,
             qPrintable(QString::number(sizes.value(u"clickstream-sessionizer"_s))));
}

void TestJobManagerSpec::backPressureMatchesTheMetrics()
{
    // github-analytics sees 1500 records/s and its windows handle 1000/s: back-pressure upstream of them.
    QSet<QString> levels;
    for (const DemoJob &job : kDemoJobs) {
        const QString id = jobId(job);
        for (const QJsonValue &v : rest(job, u"jobs/"_s + id).body.toObject().value(u"vertices"_s).toArray()) {
            const QString vertex = v.toObject().value(u"id"_s).toString();
            const QJsonObject bp = rest(job, u"jobs/%1/vertices/%2/backpressure"_s.arg(id, vertex)).body.toObject();
            const QJsonArray m
                = rest(job,
                       u"jobs/%1/vertices/%2/subtasks/metrics?get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond,"
                       u"idleTimeMsPerSecond&agg=min,max"_s.arg(id, vertex))
                      .body.toArray();
            QCOMPARE(m.size(), 3);
            QMap<QString, QJsonObject> byId;
            for (const QJsonValue &e : m)
                byId.insert(e.toObject().value(u"id"_s).toString(), e.toObject());
            const double busyMax = byId.value(u"busyTimeMsPerSecond"_s).value(u"max"_s).toDouble();
            const double bpMax = byId.value(u"backPressuredTimeMsPerSecond"_s).value(u"max"_s).toDouble();
            QCOMPARE(bp.value(u"backpressureLevel"_s).toString(), levelOf(bpMax / 1000));
            const QJsonArray subtasks = bp.value(u"subtasks"_s).toArray();
            QCOMPARE(subtasks.size(), v.toObject().value(u"parallelism"_s).toInt());
            for (const QJsonValue &s : subtasks) {
                const QJsonObject subtask = s.toObject();
                QVERIFY(std::abs(subtask.value(u"busyRatio"_s).toDouble() - busyMax / 1000) < 1e-6);
                QVERIFY(std::abs(subtask.value(u"ratio"_s).toDouble() - bpMax / 1000) < 1e-6);
                QCOMPARE(subtask.value(u"backpressureLevel"_s).toString(),
                         levelOf(subtask.value(u"ratio"_s).toDouble()));
                const double sum = subtask.value(u"busyRatio"_s).toDouble() + subtask.value(u"ratio"_s).toDouble()
                    + subtask.value(u"idleRatio"_s).toDouble();
                QVERIFY(sum <= 1.0 + 1e-6);
            }
            if (job.name == u"github-analytics"_s)
                levels.insert(bp.value(u"backpressureLevel"_s).toString());
        }
    }
    QVERIFY2(levels.contains(u"ok"_s) && (levels.contains(u"low"_s) || levels.contains(u"high"_s)),
             qPrintable(QStringList(levels.begin(), levels.end()).join(u',')));
}

void TestJobManagerSpec::taskManagersArePods()
{
    for (const DemoJob &job : kDemoJobs) {
        ListOptions options;
        options.labelSelector = u"app=%1,component=taskmanager"_s.arg(job.name);
        QSet<QString> pods;
        for (const QJsonValue &p :
             m_sandbox->server->store().list(u"pods"_s, job.ns, options).object.value(u"items"_s).toArray())
            pods.insert(at(p, u"metadata.name"_s).toString());
        QSet<QString> listed;
        for (const QJsonValue &tm : rest(job, u"taskmanagers"_s).body.toObject().value(u"taskmanagers"_s).toArray())
            listed.insert(tm.toObject().value(u"id"_s).toString());
        QVERIFY2(!pods.isEmpty(), qPrintable(job.name));
        QCOMPARE(listed, pods);
        const QString id = jobId(job);
        for (const QJsonValue &v : rest(job, u"jobs/"_s + id).body.toObject().value(u"vertices"_s).toArray()) {
            const QString vertex = u"jobs/%1/vertices/%2"_s.arg(id, v.toObject().value(u"id"_s).toString());
            for (const QJsonValue &s : rest(job, vertex).body.toObject().value(u"subtasks"_s).toArray())
                QVERIFY(pods.contains(s.toObject().value(u"taskmanager-id"_s).toString()));
            for (const QJsonValue &t :
                 rest(job, vertex + u"/taskmanagers"_s).body.toObject().value(u"taskmanagers"_s).toArray())
                QVERIFY(pods.contains(t.toObject().value(u"taskmanager-id"_s).toString()));
        }
        for (const QJsonValue &e :
             at(rest(job, u"jobs/%1/exceptions"_s.arg(id)).body, u"exceptionHistory.entries"_s).toArray())
            QVERIFY(pods.contains(e.toObject().value(u"taskManagerId"_s).toString()));
    }
}

void TestJobManagerSpec::checkpointsAgree()
{
    for (const DemoJob &job : kDemoJobs) {
        const QString id = jobId(job);
        const QJsonObject cp = rest(job, u"jobs/%1/checkpoints"_s.arg(id)).body.toObject();
        const QJsonArray history = cp.value(u"history"_s).toArray();
        QVERIFY(!history.isEmpty());
        const QJsonObject newest = history.first().toObject();
        QCOMPARE(at(cp, u"latest.completed.id"_s).toInteger(), newest.value(u"id"_s).toInteger());
        QCOMPARE(at(cp, u"latest.completed.external_path"_s).toString(), newest.value(u"external_path"_s).toString());
        const QString dir = u"s3://flink-state/%1/checkpoints/%2/chk-"_s.arg(job.name, id);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (const QJsonValue &h : history) {
            const QJsonObject c = h.toObject();
            const qint64 cid = c.value(u"id"_s).toInteger();
            QVERIFY(cid < previous); // newest first
            previous = cid;
            QCOMPARE(c.value(u"external_path"_s).toString(), dir + QString::number(cid));
            const QJsonObject details = rest(job, u"jobs/%1/checkpoints/details/%2"_s.arg(id).arg(cid)).body.toObject();
            QCOMPARE(details.value(u"id"_s).toInteger(), cid);
            QCOMPARE(details.value(u"external_path"_s).toString(), c.value(u"external_path"_s).toString());
            // The vertices' parts add up to the checkpoint; the last acknowledgement completes it.
            const QJsonObject tasks = details.value(u"tasks"_s).toObject();
            QCOMPARE(tasks.size(), rest(job, u"jobs/"_s + id).body.toObject().value(u"vertices"_s).toArray().size());
            qint64 state = 0;
            qint64 lastAck = 0;
            for (auto it = tasks.begin(); it != tasks.end(); ++it) {
                state += it.value().toObject().value(u"state_size"_s).toInteger();
                lastAck = std::max(lastAck, it.value().toObject().value(u"latest_ack_timestamp"_s).toInteger());
                if (cid != newest.value(u"id"_s).toInteger())
                    continue; // the subtasks of the newest checkpoint stand for the others
                const QJsonObject sub
                    = rest(job, u"jobs/%1/checkpoints/details/%2/subtasks/%3"_s.arg(id).arg(cid).arg(it.key()))
                          .body.toObject();
                qint64 subState = 0;
                for (const QJsonValue &s : sub.value(u"subtasks"_s).toArray())
                    subState += s.toObject().value(u"state_size"_s).toInteger();
                QCOMPARE(subState, it.value().toObject().value(u"state_size"_s).toInteger());
            }
            QCOMPARE(state, c.value(u"state_size"_s).toInteger());
            QCOMPARE(lastAck, c.value(u"latest_ack_timestamp"_s).toInteger());
        }
        QCOMPARE(rest(job, u"jobs/%1/checkpoints/details/999999"_s.arg(id)).status, 404);
        // The job metric names the same newest checkpoint.
        const QJsonArray m = rest(job, u"jobs/%1/metrics?get=lastCheckpointExternalPath"_s.arg(id)).body.toArray();
        QCOMPARE(m.at(0).toObject().value(u"value"_s).toString(), newest.value(u"external_path"_s).toString());
    }

    // A checkpoint FlinkStateSnapshot names a checkpoint of the history.
    const DemoJob fraud = kDemoJobs.at(2);
    const QJsonObject snapshot{
        {u"metadata"_s, QJsonObject{{u"name"_s, u"fraud-manual-checkpoint"_s}}},
        {u"spec"_s,
         QJsonObject{{u"checkpoint"_s, QJsonObject()},
                     {u"jobReference"_s, QJsonObject{{u"kind"_s, u"FlinkDeployment"_s}, {u"name"_s, fraud.name}}}}}};
    QVERIFY(m_sandbox->server->store().create(u"flinkstatesnapshots"_s, fraud.ns, snapshot).ok());
    QString path;
    for (int i = 0; i < 80 && path.isEmpty(); ++i) {
        step(250);
        path = at(m_sandbox->server->store()
                      .get(u"flinkstatesnapshots"_s, fraud.ns, u"fraud-manual-checkpoint"_s)
                      .object,
                  u"status.path"_s)
                   .toString();
    }
    QVERIFY(!path.isEmpty());
    QStringList paths;
    for (const QJsonValue &h :
         rest(fraud, u"jobs/%1/checkpoints"_s.arg(jobId(fraud))).body.toObject().value(u"history"_s).toArray())
        paths << h.toObject().value(u"external_path"_s).toString();
    QVERIFY2(paths.contains(path), qPrintable(path));
}

void TestJobManagerSpec::createDeployment(const QString &name, const QString &upgradeMode)
{
    QJsonObject object = SandboxFixture::deployment(name, 2);
    QJsonObject spec = object.value(u"spec"_s).toObject();
    spec.insert(u"flinkConfiguration"_s,
                QJsonObject{{u"taskmanager.numberOfTaskSlots"_s, u"2"_s},
                            {u"execution.checkpointing.interval"_s, u"10s"_s},
                            {u"state.savepoints.dir"_s, u"s3://state/%1/savepoints"_s.arg(name)},
                            {u"state.checkpoints.dir"_s, u"s3://state/%1/checkpoints"_s.arg(name)},
                            {u"high-availability.type"_s, u"kubernetes"_s},
                            {u"high-availability.storageDir"_s, u"s3://state/%1/ha"_s.arg(name)}});
    QJsonObject jobSpec = spec.value(u"job"_s).toObject();
    jobSpec.insert(u"upgradeMode"_s, upgradeMode);
    spec.insert(u"job"_s, jobSpec);
    object.insert(u"spec"_s, spec);
    QJsonObject metadata = object.value(u"metadata"_s).toObject();
    metadata.insert(u"annotations"_s, QJsonObject{{u"sandbox.capstan.io/topology"_s, u"fraud"_s}});
    object.insert(u"metadata"_s, metadata);
    QVERIFY(m_sandbox->server->store().create(u"flinkdeployments"_s, u"default"_s, object).ok());
    step(40000);
}

void TestJobManagerSpec::restoredNamesTheSnapshot()
{
    const auto deployment = [&](const QString &name) {
        return m_sandbox->server->store().get(u"flinkdeployments"_s, u"default"_s, name).object;
    };
    const auto redeploy = [&](const QString &name) {
        QVERIFY(m_sandbox->server->store()
                    .mergePatch(u"flinkdeployments"_s, u"default"_s, name,
                                QJsonObject{{u"spec"_s, QJsonObject{{u"job"_s, QJsonObject{{u"parallelism"_s, 4}}}}}})
                    .ok());
        step(40000);
    };

    // A savepoint upgrade restores from the UPGRADE savepoint.
    const DemoJob sp{u"default"_s, u"restore-sp"_s};
    createDeployment(sp.name, u"savepoint"_s);
    const QString before = jobId(sp);
    QVERIFY(!before.isEmpty());
    QVERIFY(at(rest(sp, u"jobs/%1/checkpoints"_s.arg(before)).body, u"latest.restored"_s).isNull());
    redeploy(sp.name);
    const QString savepoint = at(deployment(sp.name), u"status.jobStatus.upgradeSavepointPath"_s).toString();
    QVERIFY(!savepoint.isEmpty());
    const QString after = jobId(sp);
    QVERIFY(after != before);
    QJsonValue cp = rest(sp, u"jobs/%1/checkpoints"_s.arg(after)).body;
    QCOMPARE(at(cp, u"latest.restored.external_path"_s).toString(), savepoint);
    QCOMPARE(at(cp, u"latest.restored.is_savepoint"_s).toBool(), true);
    QCOMPARE(at(cp, u"counts.restored"_s).toInt(), 1);
    QCOMPARE(at(cp, u"latest.savepoint.external_path"_s).toString(), savepoint);
    ListOptions options;
    options.labelSelector = u"job-reference.name=%1,snapshot.trigger-type=UPGRADE"_s.arg(sp.name);
    const QJsonArray snapshots = m_sandbox->server->store()
                                     .list(u"flinkstatesnapshots"_s, u"default"_s, options)
                                     .object.value(u"items"_s)
                                     .toArray();
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(at(snapshots.first(), u"status.path"_s).toString(), savepoint);

    // A last-state redeploy keeps the job id and restores from the latest checkpoint.
    const DemoJob ls{u"default"_s, u"restore-ls"_s};
    createDeployment(ls.name, u"last-state"_s);
    const QString lsId = jobId(ls);
    const QJsonValue latest = at(rest(ls, u"jobs/%1/checkpoints"_s.arg(lsId)).body, u"latest.completed"_s);
    QVERIFY(latest.isObject());
    redeploy(ls.name);
    QCOMPARE(jobId(ls), lsId);
    cp = rest(ls, u"jobs/%1/checkpoints"_s.arg(lsId)).body;
    QCOMPARE(at(cp, u"latest.restored.is_savepoint"_s).toBool(), false);
    // The checkpoint the old JobManager completed last (or one taken while it was being stopped).
    QVERIFY(at(cp, u"latest.restored.id"_s).toInteger() >= at(latest, u"id"_s).toInteger());
    QVERIFY(at(cp, u"latest.restored.external_path"_s)
                .toString()
                .startsWith(u"s3://state/%1/checkpoints/%2/chk-"_s.arg(ls.name, lsId)));
    // New checkpoint ids continue after the restored one.
    const QJsonArray history = at(cp, u"history"_s).toArray();
    QVERIFY(!history.isEmpty());
    QVERIFY(at(history.first(), u"id"_s).toInteger() > at(cp, u"latest.restored.id"_s).toInteger());
}

QTEST_MAIN(TestJobManagerSpec)
#include "tst_jobmanagerspec.moc"
