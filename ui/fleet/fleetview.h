#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QPushButton;

namespace capstan {

class FleetFilterProxyModel;
class FleetModel;
class FleetSessions;

// Every deployment of every watched context: a summary strip with each context's connection state and
// counts ("prod-eu: 41 running, 1 failing · staging: unreachable (connection refused)"), the choice of
// contexts to watch, a filter, one context or all, grouped by context or not, and the table. Activating a
// row (double-click, Enter) asks for that deployment's page in its context.
class FleetView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetView)

public:
    explicit FleetView(QWidget *parent = nullptr);

    // The sessions to show (not owned); set once.
    void setSessions(FleetSessions *sessions);
    FleetSessions *sessions() const { return m_sessions; }
    FleetModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The summary strip's text, without markup.
    QString summaryText() const;

signals:
    void openRequested(const QString &context, const QString &ns, const QString &name);

private:
    void updateSummary();
    void scheduleSummary();
    void updateContextItems();
    void updateCount();
    void rebuildContextsMenu();
    void setWatched(const QString &context, bool watched);
    // One context's part of the summary, as plain text.
    QString contextSummary(const QString &context) const;
    QString briefReason(const QString &context) const;

    QPointer<FleetSessions> m_sessions;
    FleetModel *m_model = nullptr;
    FleetFilterProxyModel *m_proxy;
    QPushButton *m_contextsButton;
    QComboBox *m_contextCombo;
    QCheckBox *m_groupCheck;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_countLabel;
    QTimer m_summaryTimer;
};

} // namespace capstan
