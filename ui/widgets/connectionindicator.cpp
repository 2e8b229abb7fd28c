#include "ui/widgets/connectionindicator.h"

#include "kube/serverclock.h"
#include "ui/widgets/stateicons.h"

#include <cmath>

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>

namespace capstan {

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
    , m_insecure(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_text->setObjectName(QStringLiteral("connectionStateLabel"));
    m_insecure->setObjectName(QStringLiteral("insecureBadge"));
    m_insecure->setText(tr("TLS not verified"));
    m_insecure->setToolTip(tr("This context sets insecure-skip-tls-verify: the server's identity is not checked."));
    m_insecure->setStyleSheet(QStringLiteral("QLabel { color: white; background: #b8572a; border-radius: 3px; "
                                             "padding: 1px 6px; }"));
    m_insecure->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    layout->addWidget(m_insecure);
    // Reserve room for the longest state text so the toolbar does not clip it when it changes.
    m_text->setMinimumWidth(m_text->fontMetrics().horizontalAdvance(tr("Disconnected – reconnecting in %1 s").arg(30))
                            + 4);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::render);
    render();
}

void ConnectionIndicator::setState(SessionState state, const Error &error, int retryInMs)
{
    m_state = state;
    m_error = error;
    // A countdown on this computer's clock: the session retries after a local interval.
    m_retryAt = retryInMs > 0 ? QDateTime::currentMSecsSinceEpoch() + retryInMs : 0;
    if (m_retryAt > 0)
        m_countdown.start();
    else
        m_countdown.stop();
    render();
}

void ConnectionIndicator::setInsecure(bool insecure)
{
    m_insecure->setVisible(insecure);
}

void ConnectionIndicator::setClock(std::shared_ptr<const ServerClock> clock)
{
    m_clock = std::move(clock);
    render();
}

QString ConnectionIndicator::text() const
{
    return m_text->text();
}

QString ConnectionIndicator::clockNote() const
{
    if (!m_clock || !m_clock->isKnown())
        return {};
    QStringList notes;
    const qint64 skew = m_clock->skewMs();
    const qint64 minutes = (std::abs(skew) + 30000) / 60000; // 1 h 59 min 59.6 s reads "2 h 0 min"
    if (std::abs(skew) > 60000) {
        const QString amount
            = minutes >= 60 ? tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60) : tr("%1 min").arg(minutes);
        notes << (skew > 0 ? tr("The cluster's clock is %1 ahead of this computer's; ages are shown by the "
                                "cluster's clock.")
                                 .arg(amount)
                           : tr("The cluster's clock is %1 behind this computer's; ages are shown by the "
                                "cluster's clock.")
                                 .arg(amount));
    }
    // A sandbox's virtual clock may run faster than real time.
    const double speed = 1 + m_clock->driftRate();
    if (std::abs(speed - 1) >= 0.05)
        notes << tr("The cluster's clock runs %1 times as fast as this computer's.")
                     .arg(QLocale().toString(speed, 'f', speed >= 10 ? 0 : 1));
    return notes.join(QLatin1Char(' '));
}

QString ConnectionIndicator::toolTipText() const
{
    const QString text = m_text->text();
    QString tip = m_error.message.isEmpty() ? text : text + QLatin1Char('\n') + m_error.toString();
    const QString note = clockNote();
    if (!note.isEmpty())
        tip += QLatin1Char('\n') + note;
    return tip;
}

bool ConnectionIndicator::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip)
        setToolTip(toolTipText());
    return QWidget::event(event);
}

void ConnectionIndicator::render()
{
    QColor color;
    QString text;
    switch (m_state) {
    case SessionState::Connecting:
        color = StateIcons::color(DisplayState::Transitioning);
        text = tr("Connecting…");
        break;
    case SessionState::Live:
        color = StateIcons::color(DisplayState::Running);
        text = tr("Live");
        break;
    case SessionState::Reconnecting: {
        color = QColor(0xe0, 0xa0, 0x20);
        const qint64 left = m_retryAt > 0 ? (m_retryAt - QDateTime::currentMSecsSinceEpoch() + 999) / 1000 : 0;
        // The server answers but refuses: not a lost connection.
        if (m_error.httpStatus == 403)
            text = left > 0 ? tr("Refused – asking again in %1 s").arg(left) : tr("Refused – asking again…");
        else
            text = left > 0 ? tr("Disconnected – reconnecting in %1 s").arg(left) : tr("Disconnected – reconnecting…");
        if (left <= 0)
            m_countdown.stop();
        break;
    }
    case SessionState::Failed:
        color = StateIcons::color(DisplayState::Failed);
        text = tr("Not connected");
        break;
    }
    m_dot->setPixmap(StateIcons::dot(color).pixmap(14, 14));
    m_text->setText(text);
    setToolTip(toolTipText());
    setAccessibleName(tr("Connection: %1").arg(text));
}

} // namespace capstan
