#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace capstan {

// Capstan in the system tray: its icon carries the worst state across the watched contexts (a red
// badge while a deployment is failing, amber while a context cannot be reached), its tooltip says
// how many, and its menu lists the failing deployments to open, the unreachable contexts, and the
// window, the Notifications panel and Quit.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    enum class Level { Quiet, Warning, Failing };

    struct Failing
    {
        QString context;
        QString ns;
        QString name;
        QString reason; // the root cause, first line
        bool operator==(const Failing &) const = default;
    };

    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void setState(const QList<Failing> &failing, const QStringList &unreachableContexts);
    Level level() const { return m_level; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    // Whether the desktop shows a tray at all (without one, closing the window quits).
    static bool available();
    void setVisible(bool visible);

signals:
    void showWindowRequested();
    void openRequested(const QString &context, const QString &ns, const QString &name);
    void notificationsRequested();
    void quitRequested();

private:
    void rebuildMenu();
    void updateIcon();

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QList<Failing> m_failing;
    QStringList m_unreachable;
    Level m_level = Level::Quiet;
};

} // namespace capstan
