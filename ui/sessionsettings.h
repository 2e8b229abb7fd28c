#pragma once

#include "metrics/prometheusconfig.h"
#include "ui/windowlayout.h"

#include <QString>
#include <QStringList>

namespace capstan {

// Where the user left off, in the settings file (keys: ui/settingskeys.h): the window's layout, the
// last context and namespace, and per context the metric history source and the pinned deployments.
// Every call reads or writes the file itself, so windows closed one after another see each other's
// changes. Secrets never come here: a Prometheus token or password lives in the keychain (SecretStore).
class SessionSettings final
{
public:
    struct LastSession
    {
        QString context; // empty: none saved
        QString ns; // as given to setLastSession: "*" for all namespaces
    };

    SessionSettings() = delete;

    static WindowLayout windowLayout();
    // Empty states and a negative tab leave what is saved: a hidden splitter has no state worth keeping.
    static void setWindowLayout(const WindowLayout &layout);

    static LastSession lastSession();
    static void setLastSession(const QString &context, const QString &ns);

    // The address, Service and user name; the token and password are always empty.
    static PrometheusConfig prometheus(const QString &context);
    // Writes all but the token and the password, which it ignores.
    static void setPrometheus(const QString &context, const PrometheusConfig &config);

    // Pinned deployments as "namespace/name".
    static QStringList pinned(const QString &context);
    static void setPinned(const QString &context, const QStringList &keys);
};

} // namespace capstan
