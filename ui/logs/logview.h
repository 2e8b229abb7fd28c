#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace capstan {

namespace Ui {
class LogView;
}

class LogLineDelegate;
class LogModel;
class MessageBanner;

// The logs viewer of one pod: what to read (container, previous container, tail N, since T, follow),
// the lines as they arrive, and what to do with them (search, level filter, wrap, folding of stack
// traces, copy, save). It does not read logs itself: its owner asks the session for the lines its
// options describe (reloadRequested) and hands them in with appendLines(). Lines arriving faster
// than the screen refreshes are shown ten times a second; while the user has scrolled up the view
// stays where it is ("Jump to End" goes back to following).
class LogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    LogModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }

    // The containers of the pod (init containers first) and the one to read.
    void setContainers(const QStringList &names, const QString &current);
    // Whether the container ran before (restartCount > 0): offers "Previous container".
    void setPreviousAvailable(bool available);

    QString container() const;
    bool previous() const;
    bool follow() const;
    int tailLines() const; // 0: all
    int sinceSeconds() const; // 0: from the start
    void setPrevious(bool previous);
    void setFollow(bool follow);
    void setTailLines(int lines);
    // Lines that were recorded, not read (an obituary's): no options, nothing to reload or follow.
    void setReadOnlyOptions(bool readOnly);

    // Starts over (the owner is about to read anew).
    void clear();
    void appendLines(const QStringList &lines);
    // Writes what arrived but is not shown yet at once (tests, and before saving).
    void flush();
    // The stream ended; `text` says why ("The container exited.").
    void setEnded(const QString &text);
    // Where the lines come from when it is not the pod's log API; empty: the pod's log.
    void setSourceNote(const QString &text);
    // The log cannot be read; `text` says why and what permission is missing.
    void setUnavailable(const QString &text);

    // Whether new lines scroll the view (the user has not scrolled up).
    bool isAutoScrolling() const { return m_autoScroll; }
    void jumpToEnd();
    void findNext(bool backward = false);
    void copy();
    // Writes every line held to `path` on a background thread; saved() tells the outcome.
    void saveTo(const QString &path);

signals:
    // The options changed (or Reload was pressed): read the log again with them.
    void reloadRequested();
    void saved(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void setAutoScroll(bool on);
    void updateMatchLabel();
    void updateStatus();
    void updateDropped();
    void applyLevelFilter();
    void updateLevelButtons();
    void saveAs();

    std::unique_ptr<Ui::LogView> m_ui;
    LogModel *m_model;
    LogLineDelegate *m_delegate = nullptr;
    QListView *m_list = nullptr;
    MessageBanner *m_banner;
    QComboBox *m_container;
    QCheckBox *m_previous;
    QSpinBox *m_tail;
    QComboBox *m_since;
    QCheckBox *m_follow;
    QPushButton *m_reload;
    QLineEdit *m_search;
    QToolButton *m_findPrevious;
    QToolButton *m_findNext;
    QLabel *m_matchLabel;
    QList<QToolButton *> m_levelButtons;
    QToolButton *m_wrap;
    QToolButton *m_copy;
    QToolButton *m_save;
    QList<QWidget *> m_optionWidgets;
    QLabel *m_dropped;
    QLabel *m_status;
    QPushButton *m_jumpToEnd;
    QTimer *m_flushTimer;
    QStringList m_pending;
    QString m_ended;
    bool m_autoScroll = true;
    bool m_scrolling = false; // the view scrolls itself: not the user scrolling up
    int m_tailRead = 0; // the tail the lines shown were read with
};

} // namespace capstan
