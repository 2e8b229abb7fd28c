// The sandbox's clock: a cluster whose clock runs two hours ahead says so in the Date header of
// every answer (watch streams included), stamps what it creates with it, and a KubeClient learns
// the skew from those answers.
#include "kube/connectionconfig.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfigloader.h"
#include "kube/serverclock.h"
#include "sandbox/resourcestore.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/virtualclock.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace capstan;
using namespace capstan::sandbox;

namespace {
constexpr qint64 kHour = 3600 * 1000;
}

class TestSandboxClock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dateHeaderFollowsTheVirtualClock();
    void watchStreamsCarryTheDate();
    void createdObjectsUseTheVirtualClock();
    void clientLearnsTheSkew();
    void cleanupTestCase();

private:
    Result<QJsonObject> wait(KubeReply *reply);
    // The Date of an answer to GET `path` (with `query`), as ms since the epoch; -1 without one.
    qint64 dateOf(const QString &path, const QUrlQuery &query = {}, bool stream = false);

    std::unique_ptr<SandboxServer> m_server;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<KubeClient> m_client;
};

void TestSandboxClock::initTestCase()
{
    SandboxOptions options;
    options.deployments = 0;
    options.clockOffsetMs = 2 * kHour;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig.yaml"));
    QVERIFY(m_server->writeKubeconfig(kubeconfig));
    const auto config = KubeConfigLoader::load({kubeconfig, QString(), QString()});
    QVERIFY(config);
    const auto connection = ConnectionConfig::resolve(config.value(), QStringLiteral("sandbox"));
    QVERIFY(connection);
    m_client = std::make_unique<KubeClient>(&m_nam, connection.value());
}

void TestSandboxClock::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

Result<QJsonObject> TestSandboxClock::wait(KubeReply *reply)
{
    std::optional<Result<QJsonObject>> out;
    connect(reply, &KubeReply::finished, this, [&out](const Result<QJsonObject> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 5000))
        return Error::make(QStringLiteral("TestTimeout"), QStringLiteral("no answer within 5 s"));
    return *out;
}

qint64 TestSandboxClock::dateOf(const QString &path, const QUrlQuery &query, bool stream)
{
    Credential credential;
    credential.authorization = "Bearer " + m_server->adminToken().toLatin1();
    QNetworkReply *reply = stream ? m_client->openStream(path, query, credential)
                                  : m_nam.get(m_client->buildRequest(path, query, credential));
    QSignalSpy headers(reply, &QNetworkReply::metaDataChanged);
    if (!headers.wait(5000) && !reply->hasRawHeader("Date"))
        return -1;
    const QByteArray date = reply->rawHeader("Date");
    reply->abort();
    reply->deleteLater();
    const QDateTime parsed = ServerClock::parseHttpDate(date);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : -1;
}

void TestSandboxClock::dateHeaderFollowsTheVirtualClock()
{
    // Two hours ahead of the wall clock, to the second the header can say.
    qint64 date = dateOf(QStringLiteral("/version"));
    QVERIFY(date > 0);
    qint64 skew = date - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(std::abs(skew - 2 * kHour) < 2000, qPrintable(QString::number(skew)));
    QVERIFY(std::abs(date - m_server->clock().nowMs()) < 2000);

    // Moving the cluster's clock moves the header: answers, errors included, say its time.
    m_server->clock().advance(kHour);
    date = dateOf(QStringLiteral("/api/v1/namespaces/default/pods/none"));
    QVERIFY(date > 0);
    skew = date - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(std::abs(skew - 3 * kHour) < 2000, qPrintable(QString::number(skew)));
    m_server->clock().shift(-kHour);
    skew = dateOf(QStringLiteral("/version")) - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(std::abs(skew - 2 * kHour) < 2000, qPrintable(QString::number(skew)));
}

void TestSandboxClock::watchStreamsCarryTheDate()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    const qint64 date = dateOf(QStringLiteral("/apis/flink.apache.org/v1beta1/flinkdeployments"), query, true);
    QVERIFY(date > 0);
    const qint64 skew = date - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(std::abs(skew - 2 * kHour) < 2000, qPrintable(QString::number(skew)));
}

void TestSandboxClock::createdObjectsUseTheVirtualClock()
{
    const QJsonObject configMap{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("stamped")}}}};
    const Result<QJsonObject> result
        = wait(m_client->create(QStringLiteral("/api/v1/namespaces/default/configmaps"), configMap));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const QDateTime created = QDateTime::fromString(
        result->value(QLatin1String("metadata")).toObject().value(QLatin1String("creationTimestamp")).toString(),
        Qt::ISODate);
    QVERIFY(created.isValid());
    const qint64 skew = created.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(std::abs(skew - 2 * kHour) < 2000, qPrintable(QString::number(skew)));
}

void TestSandboxClock::clientLearnsTheSkew()
{
    const std::shared_ptr<ServerClock> clock = m_client->clock();
    // Answers at different fractions of the server's second narrow the estimate.
    QTimer asking;
    asking.setInterval(137);
    connect(&asking, &QTimer::timeout, this, [this] { m_client->get(QStringLiteral("/version")); });
    asking.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock->isKnown() && clock->uncertaintyMs() < 300, 10000);
    asking.stop();
    const qint64 truth = m_server->clock().nowMs() - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(std::abs(clock->skewMs() - truth) < 600,
             qPrintable(QStringLiteral("learned %1 ms, true %2 ms").arg(clock->skewMs()).arg(truth)));
    QVERIFY(std::abs(clock->now().msecsTo(QDateTime::fromMSecsSinceEpoch(m_server->clock().nowMs(), Qt::UTC))) < 600);
}

QTEST_GUILESS_MAIN(TestSandboxClock)
#include "tst_sandboxclock.moc"
