#include "ui/notify/notificationspanel.h"

#include "flink/deployment.h"
#include "notify/notificationhistory.h"
#include "ui/backgroundpool.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace capstan {

namespace {

enum Column { Time, Context, DeploymentColumn, Summary, ColumnCount };

} // namespace

NotificationsPanel::NotificationsPanel(const QString &historyPath, QWidget *parent)
    : QWidget(parent)
    , m_path(historyPath)
    , m_search(new QLineEdit(this))
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("notificationsPanel"));
    setWindowTitle(tr("Notifications"));
    m_search->setObjectName(QStringLiteral("notificationsSearchEdit"));
    m_search->setPlaceholderText(tr("Search deployments, contexts and messages…"));
    m_search->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("notificationsTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Context"), tr("Deployment"), tr("Notification")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    for (int column = 0; column < Summary; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Summary, QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("notificationsStatusLabel"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    // Typing is not a read per key: the search waits for a pause.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(200);
    connect(&m_searchDelay, &QTimer::timeout, this, &NotificationsPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &NotificationsPanel::refresh);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row < 0 || row >= m_shown.size())
            return;
        const Notification &n = m_shown.at(row);
        if (!n.context.isEmpty())
            emit openRequested(n.context, n.ns, n.name);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    m_status->setText(tr("Reading the notification history…"));
    refresh();
}

int NotificationsPanel::rowCount() const
{
    return m_table->rowCount();
}

void NotificationsPanel::refresh()
{
    m_searchDelay.stop();
    const quint64 request = ++m_request;
    const QString text = m_search->text();
    auto *watcher = new QFutureWatcher<QList<Notification>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request, text] {
        watcher->deleteLater();
        if (request == m_request)
            showRows(watcher->result(), text);
    });
    watcher->setFuture(QtConcurrent::run(
        backgroundPool(), [path = m_path, text] { return NotificationHistory::read(path, text, Limit); }));
}

void NotificationsPanel::showRows(const QList<Notification> &notifications, const QString &text)
{
    m_shown = notifications;
    m_table->setRowCount(static_cast<int>(notifications.size()));
    const QLocale locale;
    for (int row = 0; row < notifications.size(); ++row) {
        const Notification &n = notifications.at(row);
        const QString deployment = n.name.isEmpty() ? QString() : Deployment::keyOf(n.ns, n.name);
        const QStringList cells{locale.toString(n.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")), n.context,
                                deployment, n.summary};
        const QString tip = n.body.isEmpty() ? n.summary : n.summary + QLatin1Char('\n') + n.body;
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(tip);
            // An ended condition reads as the quieter line it is.
            if (n.cleared)
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_table->setItem(row, column, item);
        }
    }
    if (!notifications.isEmpty())
        m_status->setText(tr("%n notification(s)", nullptr, static_cast<int>(notifications.size())));
    else if (text.trimmed().isEmpty())
        m_status->setText(tr("Nothing was notified yet."));
    else
        m_status->setText(tr("No notification matches “%1”.").arg(text.trimmed()));
    emit refreshed();
}

} // namespace capstan
