#include "ui/widgets/emptylistplaceholder.h"

#include <algorithm>

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace capstan {

EmptyListPlaceholder::EmptyListPlaceholder(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyListPlaceholder"));
    m_text->setObjectName(QStringLiteral("emptyListText"));
    m_text->setTextFormat(Qt::PlainText); // namespaces and filters are shown as typed
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    QFont font = m_text->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_text->setFont(font);
    m_button->setObjectName(QStringLiteral("emptyListButton"));
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_reason == Reason::NoMatch)
            emit clearFilterRequested();
        else if (m_reason == Reason::EmptyNamespace)
            emit showAllNamespacesRequested();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(m_text);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    updateColors();
    parent->installEventFilter(this);
    hide();
}

QString EmptyListPlaceholder::text() const
{
    return m_text->text();
}

void EmptyListPlaceholder::refresh(bool live, int rows, const QString &ns, const QString &filterText)
{
    // Only a current list is known to be empty: while connecting or reconnecting it says nothing.
    m_reason = !live || rows > 0          ? Reason::None
        : !filterText.trimmed().isEmpty() ? Reason::NoMatch
        : ns.isEmpty()                    ? Reason::EmptyEverywhere
                                          : Reason::EmptyNamespace;
    switch (m_reason) {
    case Reason::None:
        hide();
        return;
    case Reason::NoMatch:
        m_text->setText(tr("No deployment matches \"%1\"").arg(filterText.trimmed()));
        m_button->setText(tr("Clear filter"));
        break;
    case Reason::EmptyNamespace:
        m_text->setText(tr("No deployments in namespace %1").arg(ns));
        m_button->setText(tr("Show all namespaces"));
        break;
    case Reason::EmptyEverywhere:
        m_text->setText(tr("No deployments in any namespace"));
        break;
    }
    m_button->setVisible(m_reason != Reason::EmptyEverywhere);
    place();
    show();
    raise();
}

void EmptyListPlaceholder::place()
{
    // Centred in the parent, at most as wide as it, so a long namespace or filter wraps.
    const QRect area = parentWidget()->rect();
    const int width = std::min(area.width(), std::max(sizeHint().width(), 360));
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width) : sizeHint().height();
    const int height = std::min(area.height(), wanted);
    setGeometry((area.width() - width) / 2, (area.height() - height) / 2, width, height);
}

bool EmptyListPlaceholder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && m_reason != Reason::None)
        place();
    return QWidget::eventFilter(watched, event);
}

void EmptyListPlaceholder::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    QWidget::changeEvent(event);
}

void EmptyListPlaceholder::updateColors()
{
    // Secondary text: the list is empty, not in error.
    QPalette pal = m_text->palette();
    pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_text->setPalette(pal);
}

} // namespace capstan
