#pragma once

#include "ui/logs/loglevel.h"

#include <QStyledItemDelegate>

class QListView;

namespace capstan {

class LogModel;

// Paints one log line in a fixed-pitch font: a fold marker (▸/▾) in the left gutter of lines a stack
// trace follows, the level word in its colour, search matches highlighted, and "… N more lines"
// after a folded trace. A click on the gutter folds or unfolds. Without wrapping every row has the
// same height, so the view can lay out 50,000 rows without asking each one.
class LogLineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogLineDelegate)

public:
    LogLineDelegate(LogModel *model, QListView *view);

    // The fixed-pitch font of the lines, at the size of `base`.
    void setBaseFont(const QFont &base);
    void setWrap(bool wrap);
    bool wrap() const { return m_wrap; }
    // The width of the fold gutter, in pixels.
    int gutterWidth() const;
    // The colour of a level's word, readable on the palette's base.
    static QColor levelColor(LogLevel level, const QPalette &palette);
    QFont font() const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    QString displayText(const QModelIndex &index) const;
    int textWidth() const; // available to a wrapped line

    LogModel *m_model;
    QListView *m_view;
    bool m_wrap = false;
    QFont m_font;
    int m_lineSpacing = 0;
    int m_charWidth = 0;
    int m_gutterWidth = 0;
};

} // namespace capstan
