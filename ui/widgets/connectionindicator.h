#pragma once

#include "session/clustersession.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;

namespace capstan {

class ServerClock;

// Shows whether the view is live: a coloured dot plus words ("Live", "Reconnecting in 4 s…"),
// and a warning badge when TLS verification is off for the context. Its tooltip tells when the
// cluster's clock differs from this computer's by more than a minute (ages follow the cluster's).
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setState(SessionState state, const Error &error, int retryInMs);
    void setInsecure(bool insecure);
    // The session's server clock, for the skew note (null: none).
    void setClock(std::shared_ptr<const ServerClock> clock);
    SessionState state() const { return m_state; }
    QString text() const;
    // The note on the cluster's clock, empty when it is within a minute of the local clock.
    QString clockNote() const;
    // The tooltip as it reads now (the skew is learned after the state is set).
    QString toolTipText() const;

protected:
    bool event(QEvent *event) override;

private:
    void render();

    QLabel *m_dot;
    QLabel *m_text;
    QLabel *m_insecure;
    SessionState m_state = SessionState::Connecting;
    Error m_error;
    QTimer m_countdown;
    qint64 m_retryAt = 0;
    std::shared_ptr<const ServerClock> m_clock;
};

} // namespace capstan
