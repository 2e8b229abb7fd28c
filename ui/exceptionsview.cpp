#include "ui/exceptionsview.h"

#include "ui/widgets/stateicons.h"

#include <algorithm>

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace capstan {

namespace {
QString displayTrace(const QString &trace)
{
    QString text = trace;
    text.replace(QLatin1Char('\t'), QStringLiteral("    "));
    text.remove(QLatin1Char('\r'));
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}
} // namespace

ExceptionsView::ExceptionsView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeWidget(m_stack))
    , m_state(new QLabel(m_stack))
{
    setObjectName(QStringLiteral("exceptionsView"));
    m_stack->setObjectName(QStringLiteral("exceptionsStack"));
    m_tree->setObjectName(QStringLiteral("exceptionsTree"));
    m_tree->setAccessibleName(tr("Job exceptions"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Time"), tr("Exception"), tr("Task")});
    m_tree->setUniformRowHeights(false);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ExceptionColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(TaskColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(TaskColumn, 300);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy Stack Trace"), m_tree);
    copy->setObjectName(QStringLiteral("copyStackTraceAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ExceptionsView::copyStackTrace);
    m_tree->addAction(copy);

    m_state->setObjectName(QStringLiteral("exceptionsStateLabel"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setMargin(16);

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_state);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_state->setText(tr("No exceptions: the job has not failed since it started."));
    m_stack->setCurrentWidget(m_state);
}

QString ExceptionsView::keyOf(const JobException &exception)
{
    return QString::number(exception.time.toMSecsSinceEpoch()) + QLatin1Char('|') + exception.exceptionName;
}

void ExceptionsView::setExceptions(const QList<JobException> &exceptions)
{
    if (exceptions.isEmpty()) {
        m_signature.clear();
        m_tree->clear();
        m_state->setText(tr("No exceptions: the job has not failed since it started."));
        m_stack->setCurrentWidget(m_state);
        return;
    }
    QString signature;
    for (const JobException &e : exceptions) {
        signature += keyOf(e) + QLatin1Char('|') + e.taskName + QLatin1Char('|') + e.location + QLatin1Char('|')
            + QString::number(qHash(e.stackTrace)) + (e.rootCause ? QLatin1String("|r\n") : QLatin1String("|\n"));
    }
    if (signature != m_signature)
        rebuild(exceptions);
    m_signature = signature;
    m_stack->setCurrentWidget(m_tree);
}

void ExceptionsView::setUnavailable(const QString &reason)
{
    m_state->setText(tr("Exceptions are not available: %1").arg(reason));
    m_stack->setCurrentWidget(m_state);
}

QString ExceptionsView::stateText() const
{
    return m_state->text();
}

bool ExceptionsView::isShowingList() const
{
    return m_stack->currentWidget() == m_tree;
}

void ExceptionsView::rememberExpansion(QTreeWidgetItem *item)
{
    const QString key = item->data(TimeColumn, KeyRole).toString();
    if (!key.isEmpty() && item->childCount() > 0) {
        if (item->isExpanded())
            m_expanded.insert(key);
        else
            m_expanded.remove(key);
    }
    for (int i = 0; i < item->childCount(); ++i)
        rememberExpansion(item->child(i));
}

QTreeWidgetItem *ExceptionsView::makeItem(const JobException &exception) const
{
    auto *item = new QTreeWidgetItem;
    const QString time = exception.time.isValid()
        ? exception.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : tr("unknown");
    QString task = exception.taskName;
    if (!exception.location.isEmpty())
        task = task.isEmpty() ? exception.location : tr("%1 (%2)").arg(task, exception.location);
    const QString name = exception.exceptionName.isEmpty() ? tr("Unknown exception") : exception.exceptionName;
    item->setText(TimeColumn, time);
    item->setText(ExceptionColumn, name);
    item->setText(TaskColumn, task);
    item->setData(TimeColumn, KeyRole, keyOf(exception));
    item->setData(TimeColumn, StackTraceRole, exception.stackTrace);
    item->setToolTip(ExceptionColumn, exception.rootCause ? tr("Root cause: %1").arg(name) : name);
    item->setToolTip(TaskColumn, task);
    if (exception.rootCause) {
        QFont bold = m_tree->font();
        bold.setBold(true);
        for (int column = 0; column < ColumnCount; ++column)
            item->setFont(column, bold);
        item->setIcon(TimeColumn, StateIcons::icon(DisplayState::Failed));
        item->setData(ExceptionColumn, Qt::AccessibleTextRole, tr("Root cause: %1").arg(name));
    }
    return item;
}

void ExceptionsView::addStackTrace(QTreeWidgetItem *parent, const JobException &exception) const
{
    const QString trace = displayTrace(exception.stackTrace);
    if (trace.isEmpty())
        return;
    auto *item = new QTreeWidgetItem(parent);
    item->setText(TimeColumn, trace);
    item->setFont(TimeColumn, QFontDatabase::systemFont(QFontDatabase::FixedFont));
    item->setData(TimeColumn, StackTraceRole, exception.stackTrace);
    item->setData(TimeColumn, IsStackTraceRole, true);
    item->setData(TimeColumn, Qt::AccessibleTextRole, tr("Stack trace of %1").arg(exception.exceptionName));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setFirstColumnSpanned(true);
}

void ExceptionsView::rebuild(const QList<JobException> &input)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        rememberExpansion(m_tree->topLevelItem(i));
    const int scroll = m_tree->verticalScrollBar()->value();
    const QString current
        = m_tree->currentItem() ? m_tree->currentItem()->data(TimeColumn, KeyRole).toString() : QString();

    // Newest first; within one timestamp root causes first.
    QList<JobException> exceptions = input;
    std::stable_sort(exceptions.begin(), exceptions.end(), [](const JobException &a, const JobException &b) {
        if (a.time != b.time)
            return a.time > b.time;
        return a.rootCause && !b.rootCause;
    });

    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    QSet<QString> seen;
    QTreeWidgetItem *newestRoot = nullptr;
    QTreeWidgetItem *currentItem = nullptr;
    qsizetype i = 0;
    while (i < exceptions.size()) {
        qsizetype j = i;
        while (j < exceptions.size() && exceptions.at(j).time == exceptions.at(i).time)
            ++j;
        // [i, j) share a timestamp: the first root cause takes the others (not root causes) as children.
        QTreeWidgetItem *root = nullptr;
        for (qsizetype k = i; k < j; ++k) {
            const JobException &exception = exceptions.at(k);
            QTreeWidgetItem *item = makeItem(exception);
            if (root && !exception.rootCause)
                root->addChild(item);
            else
                m_tree->addTopLevelItem(item);
            addStackTrace(item, exception);
            if (exception.rootCause && !root)
                root = item;
            if (exception.rootCause && !newestRoot)
                newestRoot = item;
            if (keyOf(exception) == current)
                currentItem = item;
        }
        i = j;
    }

    // Restore expansion: known items as the user left them; the newest root cause opens when it is new.
    QList<QTreeWidgetItem *> pending;
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t)
        pending.append(m_tree->topLevelItem(t));
    while (!pending.isEmpty()) {
        QTreeWidgetItem *item = pending.takeFirst();
        const QString key = item->data(TimeColumn, KeyRole).toString();
        if (key.isEmpty() || item->childCount() == 0)
            continue;
        seen.insert(key);
        const bool expand = m_seen.contains(key) ? m_expanded.contains(key) : item == newestRoot;
        item->setExpanded(expand);
        if (expand)
            m_expanded.insert(key);
        for (int c = 0; c < item->childCount(); ++c)
            pending.append(item->child(c));
    }
    m_seen = seen;
    m_expanded.intersect(seen);
    if (currentItem)
        m_tree->setCurrentItem(currentItem);
    m_tree->setUpdatesEnabled(true);
    m_tree->verticalScrollBar()->setValue(scroll);
}

void ExceptionsView::copyStackTrace()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return;
    QString text = item->data(TimeColumn, StackTraceRole).toString();
    if (text.isEmpty())
        text = item->text(ExceptionColumn);
    QGuiApplication::clipboard()->setText(text);
}

} // namespace capstan
