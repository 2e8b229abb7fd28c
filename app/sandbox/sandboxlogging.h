#pragma once

#include <QLoggingCategory>

// The sandbox does not link capstan_core, so it owns its category ("capstan.sandbox").
// Never log tokens, keys or request bodies.
Q_DECLARE_LOGGING_CATEGORY(lcSandboxServer)
