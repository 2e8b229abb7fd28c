// SessionSettings: each value comes back as written, contexts keep their own metric source and pins
// (a name with '/' and spaces included), secrets never reach the file, and settings written under
// the keys of earlier versions still read.

#include "common/temporarysettings.h"
#include "ui/sessionsettings.h"

#include <QFile>
#include <QSettings>
#include <QTest>

#include <memory>
#include <utility>

using namespace capstan;
using capstan::test::TemporarySettings;

namespace {

const QString kSandbox = QStringLiteral("sandbox");
// A name with '/', a space and '?', and its base64url form written out, so that the test does not
// share the store's encoding ('_' where plain base64 has '/').
const QString kTeam = QStringLiteral("team/prod cluster?");
const QString kTeamKey = QStringLiteral("dGVhbS9wcm9kIGNsdXN0ZXI_");
// The key of the page's tab, an int; the other layout keys are in layoutStates().
const QString kPageTabKey = QStringLiteral("page/tab");

// Every state different, and not all of it text.
WindowLayout sampleLayout(const QByteArray &tag, int pageTab)
{
    WindowLayout layout;
    layout.geometry = tag + QByteArrayLiteral(" geometry\x01\x02");
    layout.state = tag + QByteArrayLiteral(" state");
    layout.splitter = tag + QByteArrayLiteral(" splitter");
    layout.listHeader = tag + QByteArrayLiteral(" list header");
    layout.pageTab = pageTab;
    layout.eventsHeader = tag + QByteArrayLiteral(" events");
    layout.snapshotsHeader = tag + QByteArrayLiteral(" snapshots");
    layout.jobsHeader = tag + QByteArrayLiteral(" jobs");
    return layout;
}

WindowLayout fullLayout()
{
    return sampleLayout("new", 2);
}

// The keys earlier versions wrote the layout's states under, each with its state in `layout`.
QList<std::pair<QString, QByteArray>> layoutStates(const WindowLayout &layout)
{
    return {
        {QStringLiteral("window/geometry"), layout.geometry},
        {QStringLiteral("window/state"), layout.state},
        {QStringLiteral("window/splitter"), layout.splitter},
        {QStringLiteral("window/deploymentHeader"), layout.listHeader},
        {QStringLiteral("page/eventsHeader"), layout.eventsHeader},
        {QStringLiteral("page/snapshotsHeader"), layout.snapshotsHeader},
        {QStringLiteral("page/jobsHeader"), layout.jobsHeader},
    };
}

PrometheusConfig teamPrometheus()
{
    PrometheusConfig config;
    config.url = QStringLiteral("https://prometheus.team.example/api");
    config.username = QStringLiteral("viewer");
    config.bearerToken = QStringLiteral("token-not-for-the-file");
    config.password = QStringLiteral("password-not-for-the-file");
    return config;
}

} // namespace

class TestSessionSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void emptyFileGivesDefaults();
    void windowLayoutRoundTrip();
    void emptyLayoutFieldsKeepWhatIsSaved();
    void lastSessionRoundTrip();
    void prometheusRoundTripWithoutSecrets();
    void pinnedRoundTrip();
    void contextsAreSeparate();
    void writesTheEstablishedKeys();
    void readsWhatEarlierVersionsWrote();

private:
    std::unique_ptr<TemporarySettings> m_settings;
};

void TestSessionSettings::initTestCase()
{
    m_settings = std::make_unique<TemporarySettings>();
}

void TestSessionSettings::init()
{
    QSettings().clear();
}

void TestSessionSettings::emptyFileGivesDefaults()
{
    QCOMPARE(SessionSettings::windowLayout(), WindowLayout());
    QCOMPARE(SessionSettings::windowLayout().pageTab, -1);
    QVERIFY(SessionSettings::lastSession().context.isEmpty());
    QVERIFY(SessionSettings::lastSession().ns.isEmpty());
    QVERIFY(!SessionSettings::prometheus(kSandbox).isSet());
    QVERIFY(SessionSettings::pinned(kSandbox).isEmpty());
}

void TestSessionSettings::windowLayoutRoundTrip()
{
    SessionSettings::setWindowLayout(fullLayout());
    QCOMPARE(SessionSettings::windowLayout(), fullLayout());

    WindowLayout changed = fullLayout();
    changed.pageTab = 0; // a valid tab, not "none"
    changed.jobsHeader = QByteArrayLiteral("jobs, resized");
    SessionSettings::setWindowLayout(changed);
    QCOMPARE(SessionSettings::windowLayout(), changed);
}

void TestSessionSettings::emptyLayoutFieldsKeepWhatIsSaved()
{
    SessionSettings::setWindowLayout(fullLayout());
    // As when the window closes with the page hidden: no splitter state, the rest new.
    WindowLayout hidden = fullLayout();
    hidden.splitter.clear();
    hidden.pageTab = -1;
    hidden.geometry = QByteArrayLiteral("moved");
    SessionSettings::setWindowLayout(hidden);

    const WindowLayout read = SessionSettings::windowLayout();
    QCOMPARE(read.splitter, fullLayout().splitter);
    QCOMPARE(read.pageTab, fullLayout().pageTab);
    QCOMPARE(read.geometry, QByteArrayLiteral("moved"));
}

void TestSessionSettings::lastSessionRoundTrip()
{
    SessionSettings::setLastSession(kTeam, QStringLiteral("flink-jobs"));
    QCOMPARE(SessionSettings::lastSession().context, kTeam);
    QCOMPARE(SessionSettings::lastSession().ns, QStringLiteral("flink-jobs"));

    SessionSettings::setLastSession(kSandbox, QStringLiteral("*"));
    QCOMPARE(SessionSettings::lastSession().context, kSandbox);
    QCOMPARE(SessionSettings::lastSession().ns, QStringLiteral("*"));
}

void TestSessionSettings::prometheusRoundTripWithoutSecrets()
{
    PrometheusConfig proxied;
    proxied.ns = QStringLiteral("monitoring");
    proxied.service = QStringLiteral("prometheus-k8s");
    proxied.port = QStringLiteral("web");
    SessionSettings::setPrometheus(kSandbox, proxied);
    PrometheusConfig read = SessionSettings::prometheus(kSandbox);
    QVERIFY(read.viaProxy());
    QCOMPARE(read.ns, proxied.ns);
    QCOMPARE(read.service, proxied.service);
    QCOMPARE(read.port, proxied.port);
    QVERIFY(read.url.isEmpty());

    const PrometheusConfig direct = teamPrometheus();
    SessionSettings::setPrometheus(kTeam, direct);
    read = SessionSettings::prometheus(kTeam);
    QCOMPARE(read.url, direct.url);
    QCOMPARE(read.username, direct.username);
    QVERIFY(read.bearerToken.isEmpty());
    QVERIFY(read.password.isEmpty());

    // The keychain holds the secrets; neither may reach the settings file in any form.
    QSettings().sync();
    QFile file(m_settings->fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("viewer"));
    QVERIFY(!contents.contains("token-not-for-the-file"));
    QVERIFY(!contents.contains("password-not-for-the-file"));
}

void TestSessionSettings::pinnedRoundTrip()
{
    const QStringList keys{QStringLiteral("flink-jobs/fraud-detector"), QStringLiteral("analytics/sessionizer")};
    SessionSettings::setPinned(kSandbox, keys);
    QCOMPARE(SessionSettings::pinned(kSandbox), keys);
    SessionSettings::setPinned(kSandbox, {});
    QVERIFY(SessionSettings::pinned(kSandbox).isEmpty());
}

void TestSessionSettings::contextsAreSeparate()
{
    PrometheusConfig sandbox;
    sandbox.url = QStringLiteral("http://127.0.0.1:9090");
    SessionSettings::setPrometheus(kSandbox, sandbox);
    SessionSettings::setPrometheus(kTeam, teamPrometheus());
    SessionSettings::setPinned(kSandbox, {QStringLiteral("default/a")});
    SessionSettings::setPinned(kTeam, {QStringLiteral("team/b"), QStringLiteral("team/c")});

    QCOMPARE(SessionSettings::prometheus(kSandbox).url, sandbox.url);
    QVERIFY(SessionSettings::prometheus(kSandbox).username.isEmpty());
    QCOMPARE(SessionSettings::prometheus(kTeam).url, teamPrometheus().url);
    QCOMPARE(SessionSettings::pinned(kSandbox), QStringList{QStringLiteral("default/a")});
    QCOMPARE(SessionSettings::pinned(kTeam), (QStringList{QStringLiteral("team/b"), QStringLiteral("team/c")}));

    // The '/' in the name is no group of its own: "team" alone has nothing.
    QVERIFY(!SessionSettings::prometheus(QStringLiteral("team")).isSet());
    QVERIFY(SessionSettings::pinned(QStringLiteral("team")).isEmpty());
    QVERIFY(!SessionSettings::prometheus(QStringLiteral("other")).isSet());
}

void TestSessionSettings::writesTheEstablishedKeys()
{
    SessionSettings::setWindowLayout(fullLayout());
    SessionSettings::setLastSession(kTeam, QStringLiteral("*"));
    SessionSettings::setPrometheus(kTeam, teamPrometheus());
    SessionSettings::setPinned(kTeam, {QStringLiteral("team/b")});

    const QSettings settings;
    for (const auto &[key, state] : layoutStates(fullLayout()))
        QCOMPARE(settings.value(key).toByteArray(), state);
    QCOMPARE(settings.value(kPageTabKey).toInt(), fullLayout().pageTab);
    QCOMPARE(settings.value(QStringLiteral("session/lastContext")).toString(), kTeam);
    QCOMPARE(settings.value(QStringLiteral("session/lastNamespace")).toString(), QStringLiteral("*"));
    QCOMPARE(settings.value(QStringLiteral("prometheus/") + kTeamKey + QStringLiteral("/url")).toString(),
             teamPrometheus().url);
    QCOMPARE(settings.value(QStringLiteral("prometheus/") + kTeamKey + QStringLiteral("/username")).toString(),
             teamPrometheus().username);
    QCOMPARE(settings.value(QStringLiteral("pinned/") + kTeamKey).toStringList(),
             QStringList{QStringLiteral("team/b")});
    QCOMPARE(settings.childGroups(),
             (QStringList{QStringLiteral("page"), QStringLiteral("pinned"), QStringLiteral("prometheus"),
                          QStringLiteral("session"), QStringLiteral("window")}));
}

void TestSessionSettings::readsWhatEarlierVersionsWrote()
{
    {
        QSettings settings;
        for (const auto &[key, state] : layoutStates(sampleLayout("old", 4)))
            settings.setValue(key, state);
        settings.setValue(kPageTabKey, 4);
        settings.setValue(QStringLiteral("session/lastContext"), kTeam);
        settings.setValue(QStringLiteral("session/lastNamespace"), QStringLiteral("analytics"));
        settings.beginGroup(QStringLiteral("prometheus/") + kTeamKey);
        settings.setValue(QStringLiteral("namespace"), QStringLiteral("monitoring"));
        settings.setValue(QStringLiteral("service"), QStringLiteral("prometheus"));
        settings.setValue(QStringLiteral("port"), QStringLiteral("9090"));
        settings.setValue(QStringLiteral("username"), QStringLiteral("viewer"));
        settings.endGroup();
        settings.setValue(QStringLiteral("pinned/") + kTeamKey,
                          QStringList{QStringLiteral("analytics/sessionizer"), QStringLiteral("flink-jobs/fraud")});
    }

    QCOMPARE(SessionSettings::windowLayout(), sampleLayout("old", 4));
    QCOMPARE(SessionSettings::lastSession().context, kTeam);
    QCOMPARE(SessionSettings::lastSession().ns, QStringLiteral("analytics"));
    const PrometheusConfig prometheus = SessionSettings::prometheus(kTeam);
    QVERIFY(prometheus.viaProxy());
    QCOMPARE(prometheus.ns, QStringLiteral("monitoring"));
    QCOMPARE(prometheus.service, QStringLiteral("prometheus"));
    QCOMPARE(prometheus.port, QStringLiteral("9090"));
    QCOMPARE(prometheus.username, QStringLiteral("viewer"));
    QCOMPARE(SessionSettings::pinned(kTeam),
             (QStringList{QStringLiteral("analytics/sessionizer"), QStringLiteral("flink-jobs/fraud")}));
}

QTEST_GUILESS_MAIN(TestSessionSettings)
#include "tst_sessionsettings.moc"
