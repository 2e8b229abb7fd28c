#include "ui/sessionsettings.h"

#include "ui/settingskeys.h"

#include <QSettings>

namespace capstan {

namespace {

// Contexts are named freely ("team/prod eu-1"): in base64url a '/' in the name opens no subgroup.
QString contextKey(QLatin1String group, const QString &context)
{
    return group + QLatin1Char('/') + QString::fromLatin1(context.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

void setState(QSettings &settings, QLatin1String key, const QByteArray &state)
{
    if (!state.isEmpty())
        settings.setValue(key, state);
}

const QString kUrl = QStringLiteral("url");
const QString kNamespace = QStringLiteral("namespace");
const QString kService = QStringLiteral("service");
const QString kPort = QStringLiteral("port");
const QString kUsername = QStringLiteral("username");

} // namespace

WindowLayout SessionSettings::windowLayout()
{
    const QSettings settings;
    WindowLayout layout;
    layout.geometry = settings.value(SettingsKeys::windowGeometry).toByteArray();
    layout.state = settings.value(SettingsKeys::windowState).toByteArray();
    layout.splitter = settings.value(SettingsKeys::splitterState).toByteArray();
    layout.listHeader = settings.value(SettingsKeys::deploymentHeader).toByteArray();
    layout.pageTab = settings.value(SettingsKeys::pageTab, layout.pageTab).toInt();
    layout.eventsHeader = settings.value(SettingsKeys::eventsHeader).toByteArray();
    layout.snapshotsHeader = settings.value(SettingsKeys::snapshotsHeader).toByteArray();
    layout.jobsHeader = settings.value(SettingsKeys::jobsHeader).toByteArray();
    return layout;
}

void SessionSettings::setWindowLayout(const WindowLayout &layout)
{
    QSettings settings;
    setState(settings, SettingsKeys::windowGeometry, layout.geometry);
    setState(settings, SettingsKeys::windowState, layout.state);
    setState(settings, SettingsKeys::splitterState, layout.splitter);
    setState(settings, SettingsKeys::deploymentHeader, layout.listHeader);
    if (layout.pageTab >= 0)
        settings.setValue(SettingsKeys::pageTab, layout.pageTab);
    setState(settings, SettingsKeys::eventsHeader, layout.eventsHeader);
    setState(settings, SettingsKeys::snapshotsHeader, layout.snapshotsHeader);
    setState(settings, SettingsKeys::jobsHeader, layout.jobsHeader);
}

SessionSettings::LastSession SessionSettings::lastSession()
{
    const QSettings settings;
    return {settings.value(SettingsKeys::lastContext).toString(),
            settings.value(SettingsKeys::lastNamespace).toString()};
}

void SessionSettings::setLastSession(const QString &context, const QString &ns)
{
    QSettings settings;
    settings.setValue(SettingsKeys::lastContext, context);
    settings.setValue(SettingsKeys::lastNamespace, ns);
}

PrometheusConfig SessionSettings::prometheus(const QString &context)
{
    QSettings settings;
    settings.beginGroup(contextKey(SettingsKeys::prometheusGroup, context));
    PrometheusConfig config;
    config.url = settings.value(kUrl).toString();
    config.ns = settings.value(kNamespace).toString();
    config.service = settings.value(kService).toString();
    config.port = settings.value(kPort).toString();
    config.username = settings.value(kUsername).toString();
    return config;
}

void SessionSettings::setPrometheus(const QString &context, const PrometheusConfig &config)
{
    QSettings settings;
    settings.beginGroup(contextKey(SettingsKeys::prometheusGroup, context));
    settings.setValue(kUrl, config.url);
    settings.setValue(kNamespace, config.ns);
    settings.setValue(kService, config.service);
    settings.setValue(kPort, config.port);
    settings.setValue(kUsername, config.username);
}

QStringList SessionSettings::pinned(const QString &context)
{
    return QSettings().value(contextKey(SettingsKeys::pinnedGroup, context)).toStringList();
}

void SessionSettings::setPinned(const QString &context, const QStringList &keys)
{
    QSettings().setValue(contextKey(SettingsKeys::pinnedGroup, context), keys);
}

} // namespace capstan
