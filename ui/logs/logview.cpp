#include "ui/logs/logview.h"

#include "ui/backgroundpool.h"
#include "ui/logs/loglinedelegate.h"
#include "ui/logs/logmodel.h"
#include "ui/widgets/messagebanner.h"

#include "ui_logview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent>

namespace capstan {

namespace {

// Arriving lines are shown at most this often: each batch costs a layout and a repaint.
constexpr int FlushIntervalMs = 100;

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LogView>())
    , m_model(new LogModel(this))
    , m_flushTimer(new QTimer(this))
{
    buildUi();
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &LogView::flush);
    connect(m_model, &LogModel::droppedLinesChanged, this, &LogView::updateDropped);
    connect(m_model, &LogModel::matchCountChanged, this, &LogView::updateMatchLabel);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LogView::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogView::updateStatus);
    // Rows dropped from the front move what is under the user's eyes up; the view moves with them.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        if (first != 0 || m_autoScroll || m_delegate->wrap())
            return;
        QScrollBar *bar = m_list->verticalScrollBar();
        const int value = bar->value() - (last - first + 1);
        QTimer::singleShot(0, this, [this, value] {
            m_scrolling = true;
            m_list->verticalScrollBar()->setValue(std::max(0, value));
            m_scrolling = false;
        });
    });
    QScrollBar *bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (m_autoScroll) {
            m_scrolling = true;
            m_list->verticalScrollBar()->setValue(max);
            m_scrolling = false;
        }
    });
    connect(bar, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_scrolling)
            setAutoScroll(value >= m_list->verticalScrollBar()->maximum());
    });
    updateStatus();
    updateDropped();
    updateMatchLabel();
}

LogView::~LogView()
{
    // The tail box reports editingFinished when it loses focus, and it loses focus while QWidget's
    // destructor takes this view apart, after this class is gone.
    m_tail->disconnect(this);
}

void LogView::buildUi()
{
    m_ui->setupUi(this);
    m_list = m_ui->logListView;
    m_delegate = new LogLineDelegate(m_model, m_list);
    m_banner = m_ui->logSourceBanner;
    m_container = m_ui->containerComboBox;
    m_previous = m_ui->previousContainerCheckBox;
    m_tail = m_ui->tailLinesSpinBox;
    m_since = m_ui->sinceComboBox;
    m_follow = m_ui->followCheckBox;
    m_reload = m_ui->reloadLogButton;
    m_wrap = m_ui->wrapButton;
    m_copy = m_ui->copyLogButton;
    m_save = m_ui->saveLogButton;
    m_search = m_ui->logSearchLineEdit;
    m_findPrevious = m_ui->findPreviousButton;
    m_findNext = m_ui->findNextButton;
    m_matchLabel = m_ui->matchCountLabel;
    m_levelButtons = {m_ui->levelErrorButton, m_ui->levelWarnButton, m_ui->levelInfoButton, m_ui->levelDebugButton};
    m_dropped = m_ui->droppedLinesLabel;
    m_status = m_ui->logStatusLabel;
    m_jumpToEnd = m_ui->jumpToEndButton;
    m_optionWidgets = {m_previous, m_ui->tailLabel, m_tail, m_ui->sinceLabel, m_since, m_follow, m_reload};

    m_banner->hide();
    m_container->hide(); // until the pod has more than one container to choose from
    m_jumpToEnd->hide();
    m_tail->setMaximum(LogModel::DefaultCapacity);
    m_tailRead = m_tail->value();
    m_search->installEventFilter(this);
    m_matchLabel->setMinimumWidth(fontMetrics().horizontalAdvance(tr("%1 of %2").arg(88888).arg(88888)));
    for (QToolButton *button : std::as_const(m_levelButtons))
        connect(button, &QToolButton::toggled, this, &LogView::applyLevelFilter);
    updateLevelButtons();

    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setFont(m_delegate->font());
    m_list->installEventFilter(this);
    auto *find = new QShortcut(QKeySequence::Find, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setContext(Qt::WidgetWithChildrenShortcut);

    const auto reload = [this] { emit reloadRequested(); };
    connect(m_container, &QComboBox::activated, this, reload);
    connect(m_previous, &QCheckBox::toggled, this, [this, reload] {
        // A previous container's log is complete: there is nothing to follow.
        m_follow->setEnabled(!m_previous->isChecked());
        reload();
    });
    // editingFinished also comes when the box merely loses focus: only a new value reads again.
    connect(m_tail, &QSpinBox::editingFinished, this, [this, reload] {
        if (m_tail->value() != m_tailRead) {
            m_tailRead = m_tail->value();
            reload();
        }
    });
    connect(m_since, &QComboBox::activated, this, reload);
    connect(m_follow, &QCheckBox::toggled, this, reload);
    connect(m_reload, &QPushButton::clicked, this, reload);
    connect(m_wrap, &QToolButton::toggled, this, [this](bool on) {
        m_delegate->setWrap(on);
        // Wrapped rows differ in height: the view has to ask each one.
        m_list->setUniformItemSizes(!on);
        m_list->setWordWrap(on);
        m_list->setLayoutMode(on ? QListView::Batched : QListView::SinglePass);
        m_list->setHorizontalScrollBarPolicy(on ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
        m_list->doItemsLayout();
        if (m_autoScroll)
            m_list->scrollToBottom();
    });
    connect(m_copy, &QToolButton::clicked, this, &LogView::copy);
    connect(m_save, &QToolButton::clicked, this, &LogView::saveAs);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setSearchText(text);
        m_list->viewport()->update();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(m_findNext, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(m_findPrevious, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(m_jumpToEnd, &QPushButton::clicked, this, &LogView::jumpToEnd);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->isFoldable(index.row()))
            m_model->setExpanded(index.row(), !m_model->isExpanded(index.row()));
    });
}

void LogView::setContainers(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_container);
    m_container->clear();
    m_container->addItems(names);
    m_container->setCurrentIndex(std::max(0, int(names.indexOf(current))));
    m_container->setVisible(names.size() > 1);
}

void LogView::setPreviousAvailable(bool available)
{
    m_previous->setEnabled(available);
    m_previous->setToolTip(available ? tr("The log of the container's run before its last restart "
                                          "(kubectl logs --previous)")
                                     : tr("The container has not restarted: there is no previous log."));
}

QString LogView::container() const
{
    return m_container->currentText();
}

bool LogView::previous() const
{
    return m_previous->isChecked();
}

bool LogView::follow() const
{
    return m_follow->isChecked() && !m_previous->isChecked();
}

int LogView::tailLines() const
{
    return m_tail->value();
}

int LogView::sinceSeconds() const
{
    // The choices of sinceComboBox, in its order.
    static constexpr int Seconds[] = {0, 5 * 60, 15 * 60, 3600, 6 * 3600, 24 * 3600};
    const int index = m_since->currentIndex();
    return index >= 0 && index < int(std::size(Seconds)) ? Seconds[index] : 0;
}

void LogView::setPrevious(bool previous)
{
    m_previous->setChecked(previous);
}

void LogView::setFollow(bool follow)
{
    m_follow->setChecked(follow);
}

void LogView::setTailLines(int lines)
{
    m_tail->setValue(lines);
    m_tailRead = lines;
}

void LogView::setReadOnlyOptions(bool readOnly)
{
    if (readOnly)
        m_follow->setChecked(false);
    for (QWidget *widget : std::as_const(m_optionWidgets))
        widget->setVisible(!readOnly);
    m_container->setVisible(!readOnly && m_container->count() > 1);
}

void LogView::clear()
{
    m_pending.clear();
    m_flushTimer->stop();
    m_ended.clear();
    m_model->clear();
    setAutoScroll(true);
    updateStatus();
}

void LogView::appendLines(const QStringList &lines)
{
    m_pending.append(lines);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void LogView::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    const QStringList lines = std::exchange(m_pending, {});
    m_model->appendLines(lines);
    if (m_autoScroll) {
        m_scrolling = true;
        m_list->scrollToBottom();
        m_scrolling = false;
    }
}

void LogView::setEnded(const QString &text)
{
    flush();
    m_ended = text;
    updateStatus();
}

void LogView::setSourceNote(const QString &text)
{
    if (text.isEmpty()) {
        m_banner->hide();
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Information, text);
}

void LogView::setUnavailable(const QString &text)
{
    m_banner->showMessage(MessageBanner::Kind::Error, text);
}

void LogView::setAutoScroll(bool on)
{
    m_autoScroll = on;
    m_jumpToEnd->setVisible(!on);
    updateStatus();
}

void LogView::jumpToEnd()
{
    flush();
    setAutoScroll(true);
    m_scrolling = true;
    m_list->scrollToBottom();
    m_scrolling = false;
}

void LogView::findNext(bool backward)
{
    flush();
    const int from = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int row = m_model->findMatch(from, backward);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row);
        m_list->setCurrentIndex(index);
        m_scrolling = true;
        m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_scrolling = false;
        setAutoScroll(false);
    }
    updateMatchLabel();
}

void LogView::updateMatchLabel()
{
    if (m_model->searchText().isEmpty()) {
        m_matchLabel->clear();
        return;
    }
    const int count = m_model->matchCount();
    const int current = m_list->currentIndex().isValid() ? m_model->matchNumber(m_list->currentIndex().row()) : 0;
    m_matchLabel->setText(count == 0        ? tr("no match")
                              : current > 0 ? tr("%1 of %2").arg(current).arg(count)
                                            : tr("%n match(es)", nullptr, count));
}

void LogView::updateStatus()
{
    const QLocale locale;
    QString text = tr("%n line(s)", nullptr, m_model->lineCount());
    if (m_model->rowCount() != m_model->lineCount())
        text = tr("%1 shown of %2").arg(locale.toString(m_model->rowCount()), text);
    if (!m_ended.isEmpty())
        text += QStringLiteral(" · ") + m_ended;
    else if (follow() && !m_autoScroll)
        text += QStringLiteral(" · ") + tr("following; scrolling paused");
    else if (follow())
        text += QStringLiteral(" · ") + tr("following");
    m_status->setText(text);
}

void LogView::updateDropped()
{
    const qint64 dropped = m_model->droppedLines();
    m_dropped->setVisible(dropped > 0);
    m_dropped->setText(tr("· %n older line(s) dropped (the viewer keeps the last %1)", nullptr,
                          int(std::min<qint64>(dropped, INT_MAX)))
                           .arg(QLocale().toString(m_model->capacity())));
}

void LogView::updateLevelButtons()
{
    // Each word in its colour while its lines are shown, greyed while they are hidden.
    const LogLevel levels[] = {LogLevel::Error, LogLevel::Warn, LogLevel::Info, LogLevel::Debug};
    for (int i = 0; i < m_levelButtons.size(); ++i) {
        QToolButton *button = m_levelButtons.at(i);
        QPalette pal = palette();
        pal.setColor(QPalette::ButtonText,
                     button->isChecked() ? LogLineDelegate::levelColor(levels[i], palette())
                                         : palette().color(QPalette::PlaceholderText));
        button->setPalette(pal);
        QFont f = font();
        f.setBold(button->isChecked());
        f.setStrikeOut(!button->isChecked());
        button->setFont(f);
    }
}

void LogView::applyLevelFilter()
{
    updateLevelButtons();
    const int bits[] = {8, 4, 2, 1}; // ERROR, WARN, INFO, DEBUG as logLevelBit() numbers them
    int filter = 0;
    for (int i = 0; i < m_levelButtons.size(); ++i)
        filter |= m_levelButtons.at(i)->isChecked() ? bits[i] : 0;
    m_model->setLevelFilter(filter);
    if (m_autoScroll)
        m_list->scrollToBottom();
    updateStatus();
}

void LogView::copy()
{
    flush();
    QList<int> rows;
    for (const QModelIndex &index : m_list->selectionModel()->selectedIndexes())
        rows.append(index.row());
    QApplication::clipboard()->setText(m_model->copyText(rows));
}

void LogView::saveAs()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save log"), windowTitle() + QStringLiteral(".log"),
                                       tr("Log files (*.log *.txt)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        saveTo(path);
}

void LogView::saveTo(const QString &path)
{
    flush();
    // The lines are shared, not copied; joining and writing them happen off the GUI thread.
    const QStringList lines = m_model->allLines();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("The log could not be saved to %1: %2").arg(path, error));
        emit saved(path, error);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [path, lines]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        for (const QString &line : lines) {
            if (file.write(line.toUtf8()) < 0 || !file.putChar('\n'))
                return file.errorString();
        }
        return file.commit() ? QString() : file.errorString();
    }));
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_search && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() & Qt::ShiftModifier) {
            findNext(true);
            return true;
        }
        if (watched == m_list && (key->key() == Qt::Key_Right || key->key() == Qt::Key_Left)) {
            const int row = m_list->currentIndex().row();
            if (m_model->isFoldable(row)) {
                m_model->setExpanded(row, key->key() == Qt::Key_Right);
                return true;
            }
        }
        if (watched == m_list && key->matches(QKeySequence::Copy)) {
            copy();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateLevelButtons();
    if (event->type() == QEvent::FontChange) {
        m_delegate->setBaseFont(font());
        m_list->setFont(m_delegate->font());
    }
}

} // namespace capstan
