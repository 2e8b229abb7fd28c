#include "logging.h"

Q_LOGGING_CATEGORY(lcConfig, "capstan.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKube, "capstan.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWatch, "capstan.kube.watch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "capstan.kube.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "capstan.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcActions, "capstan.actions", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "capstan.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "capstan.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "capstan.ui", QtInfoMsg)
