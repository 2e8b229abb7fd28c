#include "ui/notify/trayicon.h"

#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace capstan {

namespace {
constexpr int kMenuEntries = 15; // failing deployments listed; the rest are in the fleet view
constexpr int kIconSize = 64;
} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showWindowRequested();
    });
    rebuildMenu();
    updateIcon();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setVisible(bool visible)
{
    m_tray->setVisible(visible);
}

void TrayIcon::setState(const QList<Failing> &failing, const QStringList &unreachableContexts)
{
    if (failing == m_failing && unreachableContexts == m_unreachable)
        return;
    m_failing = failing;
    m_unreachable = unreachableContexts;
    m_level = !m_failing.isEmpty() ? Level::Failing : !m_unreachable.isEmpty() ? Level::Warning : Level::Quiet;
    rebuildMenu();
    updateIcon();
}

QString TrayIcon::toolTip() const
{
    QStringList parts;
    if (!m_failing.isEmpty())
        parts << tr("%n deployment(s) failing", nullptr, int(m_failing.size()));
    if (!m_unreachable.isEmpty())
        parts << tr("%n context(s) unreachable", nullptr, int(m_unreachable.size()));
    if (parts.isEmpty())
        return tr("Capstan: nothing failing");
    return tr("Capstan: %1").arg(parts.join(QStringLiteral(", ")));
}

void TrayIcon::rebuildMenu()
{
    m_menu->clear();
    QAction *show = m_menu->addAction(tr("Show Capstan"), this, &TrayIcon::showWindowRequested);
    show->setObjectName(QStringLiteral("trayShowAction"));
    m_menu->addSeparator();
    if (m_failing.isEmpty()) {
        QAction *none = m_menu->addAction(tr("No deployment is failing"));
        none->setEnabled(false);
    } else {
        m_menu->addSection(tr("Failing"));
        for (qsizetype i = 0; i < m_failing.size() && i < kMenuEntries; ++i) {
            const Failing &f = m_failing.at(i);
            QString reason = f.reason.section(QLatin1Char('\n'), 0, 0);
            if (reason.size() > 60)
                reason = reason.left(59) + QChar(0x2026);
            const QString text = reason.isEmpty() ? tr("%1 (%2)").arg(f.name, f.context)
                                                  : tr("%1 (%2): %3").arg(f.name, f.context, reason);
            QAction *open = m_menu->addAction(QIcon::fromTheme(QStringLiteral("dialog-error")), text, this,
                                              [this, f] { emit openRequested(f.context, f.ns, f.name); });
            open->setObjectName(QStringLiteral("trayFailingAction"));
        }
        if (m_failing.size() > kMenuEntries) {
            QAction *more = m_menu->addAction(tr("…and %n more", nullptr, int(m_failing.size()) - kMenuEntries));
            more->setEnabled(false);
        }
    }
    if (!m_unreachable.isEmpty()) {
        m_menu->addSection(tr("Unreachable"));
        for (const QString &context : std::as_const(m_unreachable)) {
            QAction *entry = m_menu->addAction(QIcon::fromTheme(QStringLiteral("network-error")), context);
            entry->setEnabled(false);
        }
    }
    m_menu->addSeparator();
    QAction *notifications = m_menu->addAction(tr("Notifications…"), this, &TrayIcon::notificationsRequested);
    notifications->setObjectName(QStringLiteral("trayNotificationsAction"));
    QAction *quit = m_menu->addAction(tr("Quit Capstan"), this, &TrayIcon::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuitAction"));
}

void TrayIcon::updateIcon()
{
    // The application's icon with a badge of the worst state in its corner.
    QPixmap pixmap = QApplication::windowIcon().pixmap(kIconSize, kIconSize);
    if (pixmap.isNull()) {
        pixmap = QPixmap(kIconSize, kIconSize);
        pixmap.fill(Qt::transparent);
    }
    if (m_level != Level::Quiet) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor badge = m_level == Level::Failing ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf5, 0x9e, 0x0b);
        const int d = kIconSize * 9 / 20;
        const QRect circle(kIconSize - d - 1, kIconSize - d - 1, d, d);
        painter.setPen(QPen(Qt::white, 3));
        painter.setBrush(badge);
        painter.drawEllipse(circle);
    }
    m_tray->setIcon(QIcon(pixmap));
    m_tray->setToolTip(toolTip());
}

} // namespace capstan
