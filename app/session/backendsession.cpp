#include "session/backendsession.h"

#include "kube/serverclock.h"

namespace capstan {

BackendSession::BackendSession(QObject *parent)
    : QObject(parent)
    , m_clock(std::make_shared<ServerClock>())
{
}

BackendSession::~BackendSession() = default;

} // namespace capstan
