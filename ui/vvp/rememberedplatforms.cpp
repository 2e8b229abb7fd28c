#include "ui/vvp/rememberedplatforms.h"

#include "ui/settingskeys.h"

#include <QSettings>

namespace capstan {

namespace {

const QString kName = QStringLiteral("name");
const QString kContext = QStringLiteral("context");
const QString kKind = QStringLiteral("kind");
const QString kUrl = QStringLiteral("url");
const QString kNamespace = QStringLiteral("namespace");
const QString kService = QStringLiteral("service");
const QString kPort = QStringLiteral("port");
const QString kKindUrl = QStringLiteral("url");
const QString kKindService = QStringLiteral("service");

bool samePlace(const RememberedPlatforms::Entry &a, const RememberedPlatforms::Entry &b)
{
    if (a.endpoint.kind != b.endpoint.kind)
        return false;
    if (a.endpoint.kind == VvpEndpoint::Kind::Url)
        return a.endpoint.url == b.endpoint.url;
    return a.kubeContext == b.kubeContext && a.endpoint.ns == b.endpoint.ns && a.endpoint.service == b.endpoint.service
        && a.endpoint.port == b.endpoint.port;
}

void write(QSettings &settings, const QList<RememberedPlatforms::Entry> &entries)
{
    settings.remove(SettingsKeys::platformsGroup);
    settings.beginWriteArray(SettingsKeys::platformsGroup, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const RememberedPlatforms::Entry &e = entries.at(i);
        settings.setArrayIndex(i);
        settings.setValue(kName, e.name);
        settings.setValue(kContext, e.kubeContext);
        if (e.endpoint.kind == VvpEndpoint::Kind::Url) {
            settings.setValue(kKind, kKindUrl);
            settings.setValue(kUrl, e.endpoint.url.toString(QUrl::RemoveUserInfo));
        } else {
            settings.setValue(kKind, kKindService);
            settings.setValue(kNamespace, e.endpoint.ns);
            settings.setValue(kService, e.endpoint.service);
            settings.setValue(kPort, e.endpoint.port);
        }
    }
    settings.endArray();
}

} // namespace

QList<RememberedPlatforms::Entry> RememberedPlatforms::all()
{
    QSettings settings;
    QList<Entry> entries;
    const int count = settings.beginReadArray(SettingsKeys::platformsGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Entry e;
        e.name = settings.value(kName).toString();
        e.kubeContext = settings.value(kContext).toString();
        if (settings.value(kKind).toString() == kKindUrl) {
            e.endpoint.kind = VvpEndpoint::Kind::Url;
            e.endpoint.url = QUrl(settings.value(kUrl).toString(), QUrl::StrictMode);
        } else {
            e.endpoint.kind = VvpEndpoint::Kind::ServiceProxy;
            e.endpoint.ns = settings.value(kNamespace).toString();
            e.endpoint.service = settings.value(kService).toString();
            e.endpoint.port = settings.value(kPort).toString();
        }
        // A hand-edited file may hold anything: skip what cannot be connected to.
        if (!e.name.isEmpty() && e.endpoint.isValid())
            entries << e;
    }
    settings.endArray();
    return entries;
}

void RememberedPlatforms::remember(const Entry &entry)
{
    QList<Entry> entries = all();
    const auto same = [&entry](const Entry &e) { return e.name == entry.name || samePlace(e, entry); };
    const auto existing = std::find_if(entries.begin(), entries.end(), same);
    if (existing != entries.end()) {
        *existing = entry; // keeps its place in the list
        entries.erase(std::remove_if(existing + 1, entries.end(), same), entries.end());
    } else {
        entries << entry;
    }
    QSettings settings;
    write(settings, entries);
}

void RememberedPlatforms::forget(const Entry &entry)
{
    QList<Entry> entries = all();
    const auto removed
        = entries.removeIf([&entry](const Entry &e) { return e.name == entry.name || samePlace(e, entry); });
    if (removed == 0)
        return;
    QSettings settings;
    write(settings, entries);
}

bool RememberedPlatforms::contains(const QString &name)
{
    const QList<Entry> entries = all();
    return std::any_of(entries.cbegin(), entries.cend(), [&name](const Entry &e) { return e.name == name; });
}

} // namespace capstan
