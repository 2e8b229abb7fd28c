#pragma once

#include "notify/notification.h"

#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace capstan {

// Everything Capstan notified, from the notification history: time, context, deployment and
// summary (the details in the tooltip), newest first, with a search field. The history is read on
// the background pool, never on the GUI thread; a search typed while one is running supersedes it.
// Fits a dock or a dialog.
class NotificationsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationsPanel)

public:
    static constexpr int Limit = 500; // rows shown: the newest that match

    // historyPath: the NotificationHistory file (NotificationHistory::defaultPath() in the application).
    explicit NotificationsPanel(const QString &historyPath, QWidget *parent = nullptr);

    int rowCount() const;
    QList<Notification> notifications() const { return m_shown; }

public slots:
    // Reads the history again with the current search (after the history was appended to).
    void refresh();

signals:
    // A row was double-clicked: open that deployment in that context (ns and name are empty for a
    // notification about the whole context).
    void openRequested(const QString &context, const QString &ns, const QString &name);
    // The rows of a read are shown.
    void refreshed();

private:
    void showRows(const QList<Notification> &notifications, const QString &text);

    QString m_path;
    QLineEdit *m_search;
    QTableWidget *m_table;
    QLabel *m_status;
    QTimer m_searchDelay;
    quint64 m_request = 0; // the newest read; older answers are dropped
    QList<Notification> m_shown;
};

} // namespace capstan
