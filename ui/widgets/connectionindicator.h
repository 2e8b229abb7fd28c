#pragma once

#include "session/clustersession.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace capstan {

// Shows whether the view is live: a coloured dot plus words ("Live", "Reconnecting in 4 s…"),
// and a warning badge when TLS verification is off for the context.
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setState(SessionState state, const Error &error, int retryInMs);
    void setInsecure(bool insecure);
    SessionState state() const { return m_state; }
    QString text() const;

private:
    void render();

    QLabel *m_dot;
    QLabel *m_text;
    QLabel *m_insecure;
    SessionState m_state = SessionState::Connecting;
    Error m_error;
    QTimer m_countdown;
    qint64 m_retryAt = 0;
};

} // namespace capstan
