#include "sandbox/sandboxlogging.h"

Q_LOGGING_CATEGORY(lcSandboxServer, "capstan.sandbox", QtInfoMsg)
