#pragma once

#include "flink/jobmanagerinfo.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace capstan {

// The exception history of a job: root causes first (bold, with an icon), exceptions that happened
// at the same time under their root cause, and each stack trace as a collapsible monospace child.
class ExceptionsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionsView)

public:
    enum Column { TimeColumn, ExceptionColumn, TaskColumn, ColumnCount };
    enum Role { KeyRole = Qt::UserRole, StackTraceRole, IsStackTraceRole };

    explicit ExceptionsView(QWidget *parent = nullptr);

    // Newest first, as JobManagerInfo::exceptions has them. Called on every poll: an unchanged list
    // leaves the tree alone, a changed one keeps which exceptions were expanded.
    void setExceptions(const QList<JobException> &exceptions);
    // Shown instead of the list, e.g. "the JobManager is not ready".
    void setUnavailable(const QString &reason);

    QString stateText() const;
    bool isShowingList() const;

private:
    void rebuild(const QList<JobException> &exceptions);
    QTreeWidgetItem *makeItem(const JobException &exception) const;
    void addStackTrace(QTreeWidgetItem *parent, const JobException &exception) const;
    void rememberExpansion(QTreeWidgetItem *item);
    void copyStackTrace();
    static QString keyOf(const JobException &exception);

    QStackedWidget *m_stack;
    QTreeWidget *m_tree;
    QLabel *m_state;
    QString m_signature;
    QSet<QString> m_seen; // keys of the expandable items shown so far
    QSet<QString> m_expanded; // those of them the user left expanded
};

} // namespace capstan
