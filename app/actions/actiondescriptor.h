#pragma once

#include "actions/actionrequest.h"

#include <QList>
#include <QString>

namespace capstan {

struct Deployment;

// Whether an action can run on a deployment in its current state, and why not when it cannot.
struct Availability
{
    bool available = true;
    QString reason; // translated, a whole sentence; empty when available
};

// Everything that describes one action, in one place: the menus, the page's buttons, the command
// palette, Preferences, the Activity panel, the audit log and the action's own refusal all read it.
// A new action is one new row in actiondescriptor.cpp.
struct ActionDescriptor
{
    ActionKind kind;
    // Stable and untranslated: the audit log's action column, settings, logs.
    const char *key;
    // The action's one name, as the Activity panel, the palette, Preferences and the confirmation's
    // button say it (source text, translated by name()).
    const char *nameSource;
    // The menu entry with its mnemonic; inside a submenu (submenuSource) it completes the
    // submenu's title: "Cancel ▸ Keep State" is "Cancel and Keep State".
    const char *menuSource;
    const char *submenuSource; // nullptr: directly in the Deployment menu
    const char *shortcutSource; // portable text of the key sequence; nullptr: none
    const char *objectName; // of the QAction
    // The settings key of its confirmation under SettingsKeys::confirmGroup; nullptr: never asks.
    const char *confirmationKey;
    // Asks whatever Preferences say: it loses the job's state for good.
    bool alwaysConfirms;
    // In the Deployment menu, on the page and in the palette, per deployment.
    bool perDeployment;
    // More words the command palette matches ("stop", "rescale"); space separated, translated.
    const char *paletteWordsSource;
    // The confirmation's two buttons, each named by its effect ("Cancel and Keep State" /
    // "Keep Running"), never a bare "OK" or "Cancel"; nullptr for actions that do not confirm.
    const char *confirmSource;
    const char *declineSource;

    QString name() const;
    QString menuText() const;
    QString submenuText() const;
    // The key sequence in portable text ("Ctrl+Shift+K"; empty: none), for QKeySequence in the UI.
    QString shortcut() const;
    QString paletteWords() const;
    QString confirmText() const;
    QString declineText() const;
    bool confirms() const { return confirmationKey != nullptr; }

    // The description of `kind`; every ActionKind has one.
    static const ActionDescriptor &of(ActionKind kind);
    // The descriptor whose key() is `key`; nullptr when none (an audit entry of an older release).
    static const ActionDescriptor *find(const QString &key);
    // Every action, in menu order.
    static const QList<ActionKind> &all();
    // The per-deployment actions, in menu order.
    static QList<ActionKind> deploymentActions();
};

// The one rule for whether `kind` can run on `deployment` as it is: the UI enables its controls by
// it and the action refuses by it when the deployment it reads from the server fails it. What
// depends on the window (a selection, another action running, permissions) is not part of it.
Availability availability(ActionKind kind, const Deployment &deployment);

} // namespace capstan
