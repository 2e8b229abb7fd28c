#include "ui/logs/logview.h"

#include "ui/backgroundpool.h"
#include "ui/logs/loglinedelegate.h"
#include "ui/logs/logmodel.h"
#include "ui/widgets/messagebanner.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
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
#include <QVBoxLayout>
#include <QtConcurrent>

namespace capstan {

namespace {

// Arriving lines are shown at most this often: each batch costs a layout and a repaint.
constexpr int FlushIntervalMs = 100;

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_list(new QListView(this))
    , m_flushTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("logView"));
    m_delegate = new LogLineDelegate(m_model, m_list);
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

LogView::~LogView() = default;

void LogView::buildUi()
{
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("logSourceBanner"));
    m_banner->hide();

    m_container = new QComboBox(this);
    m_container->setObjectName(QStringLiteral("containerComboBox"));
    m_container->setAccessibleName(tr("Container"));
    m_container->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_container->hide(); // until the pod has more than one container to choose from
    m_previous = new QCheckBox(tr("&Previous container"), this);
    m_previous->setObjectName(QStringLiteral("previousContainerCheckBox"));
    m_previous->setToolTip(tr("The log of the container's run before its last restart (kubectl logs --previous)"));
    m_previous->setEnabled(false);
    auto *tailLabel = new QLabel(tr("&Tail:"), this);
    m_tail = new QSpinBox(this);
    m_tail->setObjectName(QStringLiteral("tailLinesSpinBox"));
    m_tail->setAccessibleName(tr("Last lines"));
    m_tail->setRange(0, LogModel::DefaultCapacity);
    m_tail->setSingleStep(500);
    m_tail->setSpecialValueText(tr("all lines"));
    m_tail->setSuffix(tr(" lines"));
    m_tail->setValue(1000);
    m_tailRead = m_tail->value();
    m_tail->setToolTip(tr("Read only the last lines of the log (kubectl logs --tail)"));
    tailLabel->setBuddy(m_tail);
    auto *sinceLabel = new QLabel(tr("&Since:"), this);
    m_since = new QComboBox(this);
    m_since->setObjectName(QStringLiteral("sinceComboBox"));
    m_since->setAccessibleName(tr("Since"));
    m_since->addItem(tr("the start"), 0);
    m_since->addItem(tr("5 minutes ago"), 5 * 60);
    m_since->addItem(tr("15 minutes ago"), 15 * 60);
    m_since->addItem(tr("1 hour ago"), 3600);
    m_since->addItem(tr("6 hours ago"), 6 * 3600);
    m_since->addItem(tr("24 hours ago"), 24 * 3600);
    m_since->setToolTip(tr("Read only the lines written since then (kubectl logs --since)"));
    sinceLabel->setBuddy(m_since);
    m_follow = new QCheckBox(tr("&Follow"), this);
    m_follow->setObjectName(QStringLiteral("followCheckBox"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep reading as the container writes (kubectl logs -f)"));
    m_reload = new QPushButton(tr("&Reload"), this);
    m_reload->setObjectName(QStringLiteral("reloadLogButton"));

    const auto toolButton = [this](const QString &text, const QString &name, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setObjectName(name);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        return button;
    };
    m_wrap = toolButton(tr("&Wrap"), QStringLiteral("wrapButton"), tr("Wrap long lines"));
    m_wrap->setCheckable(true);
    m_copy = toolButton(tr("&Copy"), QStringLiteral("copyLogButton"),
                        tr("Copy the selected lines (or all shown) with their folded stack traces"));
    m_save = toolButton(tr("Sa&ve…"), QStringLiteral("saveLogButton"), tr("Save every line held to a file"));

    auto *options = new QHBoxLayout;
    options->addWidget(m_container);
    options->addWidget(m_previous);
    options->addSpacing(8);
    options->addWidget(tailLabel);
    options->addWidget(m_tail);
    options->addWidget(sinceLabel);
    options->addWidget(m_since);
    options->addWidget(m_follow);
    options->addWidget(m_reload);
    options->addStretch(1);
    m_optionWidgets = {m_previous, tailLabel, m_tail, sinceLabel, m_since, m_follow, m_reload};
    options->addWidget(m_wrap);
    options->addWidget(m_copy);
    options->addWidget(m_save);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search the log…"));
    m_search->setAccessibleName(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_findPrevious
        = toolButton(QStringLiteral("▲"), QStringLiteral("findPreviousButton"), tr("Previous match (Shift+Enter)"));
    m_findPrevious->setAccessibleName(tr("Previous match"));
    m_findNext = toolButton(QStringLiteral("▼"), QStringLiteral("findNextButton"), tr("Next match (Enter)"));
    m_findNext->setAccessibleName(tr("Next match"));
    m_matchLabel = new QLabel(this);
    m_matchLabel->setObjectName(QStringLiteral("matchCountLabel"));
    m_matchLabel->setMinimumWidth(fontMetrics().horizontalAdvance(tr("%1 of %2").arg(88888).arg(88888)));

    auto *search = new QHBoxLayout;
    search->addWidget(m_search, 1);
    search->addWidget(m_findPrevious);
    search->addWidget(m_findNext);
    search->addWidget(m_matchLabel);
    search->addSpacing(12);
    auto *levelLabel = new QLabel(tr("Levels:"), this);
    search->addWidget(levelLabel);
    const QList<QPair<QString, QString>> levels{{QStringLiteral("ERROR"), QStringLiteral("levelErrorButton")},
                                                {QStringLiteral("WARN"), QStringLiteral("levelWarnButton")},
                                                {QStringLiteral("INFO"), QStringLiteral("levelInfoButton")},
                                                {QStringLiteral("DEBUG"), QStringLiteral("levelDebugButton")}};
    for (const auto &[word, name] : levels) {
        auto *button = new QToolButton(this);
        button->setText(word); // log4j's own words, as the log prints them
        button->setObjectName(name);
        button->setCheckable(true);
        button->setChecked(true);
        button->setToolTip(tr("Show %1 lines").arg(word));
        connect(button, &QToolButton::toggled, this, &LogView::applyLevelFilter);
        search->addWidget(button);
        m_levelButtons.append(button);
    }
    updateLevelButtons();

    m_list->setObjectName(QStringLiteral("logListView"));
    m_list->setAccessibleName(tr("Log lines"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setFont(m_delegate->font());
    m_list->installEventFilter(this);
    auto *find = new QShortcut(QKeySequence::Find, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setContext(Qt::WidgetWithChildrenShortcut);

    m_dropped = new QLabel(this);
    m_dropped->setObjectName(QStringLiteral("droppedLinesLabel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("logStatusLabel"));
    m_jumpToEnd = new QPushButton(tr("&Jump to End"), this);
    m_jumpToEnd->setObjectName(QStringLiteral("jumpToEndButton"));
    m_jumpToEnd->setToolTip(tr("Scroll to the newest line and keep following"));
    m_jumpToEnd->hide();
    auto *status = new QHBoxLayout;
    status->addWidget(m_status);
    status->addWidget(m_dropped);
    status->addStretch(1);
    status->addWidget(m_jumpToEnd);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_banner);
    layout->addLayout(options);
    layout->addLayout(search);
    layout->addWidget(m_list, 1);
    layout->addLayout(status);

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
    return m_since->currentData().toInt();
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
