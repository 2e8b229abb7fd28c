#include "ui/widgets/messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace capstan {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
    , m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageBannerText"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    m_action->setObjectName(QStringLiteral("messageBannerAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (const auto onAction = m_onAction)
            onAction();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    QColor tint = palette().color(QPalette::Highlight);
    switch (kind) {
    case Kind::Information:
        break;
    case Kind::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        tint = QColor(0xe0, 0xa0, 0x20);
        break;
    case Kind::Error:
        pixmap = QStyle::SP_MessageBoxCritical;
        tint = QColor(0xd3, 0x3a, 0x2c);
        break;
    }
    // A light wash of the tint over the window colour keeps text readable in light and dark palettes.
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Window);
    const QColor wash
        = QColor::fromRgbF(base.redF() * 0.82 + tint.redF() * 0.18, base.greenF() * 0.82 + tint.greenF() * 0.18,
                           base.blueF() * 0.82 + tint.blueF() * 0.18);
    pal.setColor(QPalette::Window, wash);
    setPalette(pal);
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(20, 20));
    m_text->setText(text);
    m_action->hide();
    m_onAction = {};
    show();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::setAction(const QString &text, const std::function<void()> &onClicked)
{
    m_action->setText(text);
    m_onAction = onClicked;
    m_action->setVisible(static_cast<bool>(onClicked));
}

} // namespace capstan
